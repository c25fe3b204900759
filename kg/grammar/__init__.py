"""Matchers: pure functions from text (and document context) to candidate mentions.

They know nothing of spaCy; the components in kg.nlp call them and set the annotations.
"""
