"""Helpers of the extraction tests: run the pipeline on a text written for a test and collect
what it found (names by type, relations as (head, predicate, tail) triples)."""
from __future__ import annotations

from kg.model import DocExtraction, EntityType, SourceDocument
from kg.nlp import extract


def document(text: str, doc_id: str = "t", sha256: str = "0" * 64) -> SourceDocument:
    """`text` as a UTF-8 document ``{doc_id}.txt``."""
    return SourceDocument(doc_id, f"{doc_id}.txt", text, "utf-8", sha256)


def extraction(nlp, text: str, doc_id: str = "t", sha256: str = "0" * 64) -> DocExtraction:
    """The extraction of `text`; every evidence and observation quote is checked to be the text
    at its offsets (background knowledge, with no document, quotes none)."""
    ex = extract(nlp, document(text, doc_id, sha256))
    for r in ex.relations:
        if r.evidence.doc_id is not None:
            assert text[r.evidence.start:r.evidence.end] == r.evidence.quote
    for o in ex.observations:
        assert text[o.start:o.end] == o.quote
    return ex


def names_by_type(ex: DocExtraction) -> dict[EntityType, set[str]]:
    """The names an extraction's mentions stand for, by entity type."""
    out: dict[EntityType, set[str]] = {}
    for m in ex.mentions:
        out.setdefault(m.key.etype, set()).add(m.key.name)
    return out


def triples(ex: DocExtraction) -> set[tuple[str, str, str]]:
    """An extraction's relations as (head name, predicate, tail name)."""
    return {(r.head.name, r.predicate.value, r.tail.name) for r in ex.relations}


def mention_names(nlp, text: str, etype: EntityType) -> set[str]:
    """The names of the `etype` mentions the pipeline's components find in `text` (no extraction
    into a document: for pipelines without the relation components)."""
    return {c.name for c in nlp(text)._.lg_mentions if c.etype == etype}
