"""Extractions across process boundaries (worker processes, Dask): without their text. The
records pickle as constructor calls (msgspec Structs do, in C).

Only between the processes of one build, which trust each other; the on-disk cache stores plain
data instead (kg.codec).
"""
from __future__ import annotations

from msgspec.structs import replace

from .model import DocExtraction, SourceDocument


def strip_text(ex: DocExtraction) -> DocExtraction:
    """The extraction without its document's text (what crosses a process boundary)."""
    return replace(ex, document=replace(ex.document, text=""))


def restore_text(ex: DocExtraction, document: SourceDocument) -> DocExtraction:
    """Put the caller's document back into a stripped extraction."""
    if ex.document.doc_id != document.doc_id:
        raise ValueError(f"extraction of {ex.document.doc_id!r} returned for {document.doc_id!r}")
    return replace(ex, document=document)
