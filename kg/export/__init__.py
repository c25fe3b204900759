"""Exports of the graph: Turtle (and other RDF formats) and the HTML viewer."""
