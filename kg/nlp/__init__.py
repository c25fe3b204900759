"""The spaCy layer: the only package that imports spaCy.

`make_pipeline()` builds a blank Chinese pipeline with rjieba word segmentation and the lgkg
components; `extract(nlp, document)` turns a SourceDocument into a DocExtraction.
"""
from .pipeline import extract, extract_all, make_pipeline

__all__ = ["extract", "extract_all", "make_pipeline"]
