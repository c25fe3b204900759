"""Extractions across process boundaries (worker processes, Dask): without their text, and
pickled as constructor calls.

Only between the processes of one build, which trust each other; the on-disk cache stores plain
data instead (kg.codec).
"""
from __future__ import annotations

import copyreg
import dataclasses
from dataclasses import replace

from . import model
from .model import DocExtraction, SourceDocument


def _fast_pickling() -> None:
    """Pickle kg.model's frozen dataclasses as constructor calls.

    The default for a frozen, slotted dataclass unpickles through a Python __setstate__ that
    calls dataclasses.fields() per object: loading one corpus's extractions took 6× longer
    than extracting's share of it. A copyreg reducer (class, field values) loads the same
    objects 6× faster (seeds: 66 → 11 ms); worker and Dask results go through it. Classes with
    init=False fields or a __post_init__ keep the default."""
    for obj in vars(model).values():
        if not (isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == model.__name__):
            continue
        fields = dataclasses.fields(obj)
        if hasattr(obj, "__post_init__") or not all(f.init for f in fields):
            continue
        names = tuple(f.name for f in fields)

        def reduce(o, cls=obj, names=names):
            return cls, tuple(getattr(o, n) for n in names)

        copyreg.pickle(obj, reduce)


_fast_pickling()


def strip_text(ex: DocExtraction) -> DocExtraction:
    """The extraction without its document's text (what crosses a process boundary)."""
    return replace(ex, document=replace(ex.document, text=""))


def restore_text(ex: DocExtraction, document: SourceDocument) -> DocExtraction:
    """Put the caller's document back into a stripped extraction."""
    if ex.document.doc_id != document.doc_id:
        raise ValueError(f"extraction of {ex.document.doc_id!r} returned for {document.doc_id!r}")
    return replace(ex, document=document)
