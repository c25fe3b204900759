"""A document's extraction as plain data (lists, strings, integers) and back, for the cache.

Explicit per type of kg.model: nothing in the data names a class or a function, so reading an
entry can build only these types. Decoding checks every field's type and every enum value, and
that each mention and evidence quote is the document's own text at its offsets: an entry that
is damaged, of another shape, or that claims what the text does not say raises CodecError.
"""
from __future__ import annotations

from typing import Any

from .model import (DataSet, DocContext, DocExtraction, EntityKey, EntityType, Evidence, FigureKind, Mention,
                    Observation, Predicate, RelationMention, Section, SourceDocument)


class CodecError(ValueError):
    """The data is not an extraction of this document."""


def _str(x: Any) -> str:
    if not isinstance(x, str):
        raise CodecError(f"expected a string, got {type(x).__name__}")
    return x


def _opt(x: Any) -> str | None:
    return None if x is None else _str(x)


def _int(x: Any) -> int:
    if not isinstance(x, int) or isinstance(x, bool):
        raise CodecError(f"expected an integer, got {type(x).__name__}")
    return x


def _opt_int(x: Any) -> int | None:
    return None if x is None else _int(x)


def _list(x: Any, n: int | None = None) -> list:
    if not isinstance(x, list) or (n is not None and len(x) != n):
        raise CodecError("expected a list" + (f" of {n}" if n is not None else ""))
    return x


# --------------------------------------------------------------------------- encoding

def _key(k: EntityKey) -> list:
    return [k.etype.value, k.name]


def _evidence(e: Evidence) -> list:
    return [e.doc_id, e.quote, e.start, e.end, e.source, e.year]


def _context(c: DocContext) -> list:
    return [c.province, c.city, c.county, c.author, c.title, c.year]


def encode(ex: DocExtraction) -> dict[str, Any]:
    """The extraction without its document's text, as JSON-ready data."""
    d, c = ex.document, ex.context
    return {
        "document": [d.doc_id, d.path, d.encoding, d.sha256],
        "context": _context(c),
        "sections": [[s.doc_id, s.parent_id, s.start, s.end, _context(s.context)] for s in ex.sections],
        "mentions": [[m.doc_id, m.start, m.end, m.surface, _key(m.key), m.subtype,
                      [list(p) for p in m.props], m.source] for m in ex.mentions],
        "relations": [[_key(r.head), r.predicate.value, _key(r.tail), _evidence(r.evidence)]
                      for r in ex.relations],
        "observations": [[o.doc_id, _key(o.area), o.year, o.measure, o.value, o.unit, o.quote, o.start, o.end,
                          o.kind.value, o.dataset, list(o.header_path)] for o in ex.observations],
        "datasets": [[d.doc_id, d.key, d.title, d.start, d.end, d.adds_up, list(d.mismatches)]
                     for d in ex.datasets],
    }


# --------------------------------------------------------------------------- decoding

def _decode_key(x: Any) -> EntityKey:
    etype, name = _list(x, 2)
    try:
        return EntityKey(EntityType(_str(etype)), _str(name))
    except ValueError:
        raise CodecError(f"unknown entity type {etype!r}") from None


def _decode_evidence(x: Any) -> Evidence:
    doc_id, quote, start, end, source, year = _list(x, 6)
    return Evidence(_opt(doc_id), _str(quote), _int(start), _int(end), _str(source), _opt_int(year))


def _decode_context(x: Any) -> DocContext:
    province, city, county, author, title, year = _list(x, 6)
    return DocContext(_opt(province), _opt(city), _opt(county), _opt(author), _opt(title), _opt_int(year))


def _decode_section(x: Any, doc_id: str, n: int) -> Section:
    sid, parent, start, end, context = _list(x, 5)
    if _str(parent) != doc_id or _str(sid) != f"{doc_id}#{n}":
        raise CodecError(f"a section that is not of {doc_id!r}")
    return Section(sid, parent, _int(start), _int(end), _decode_context(context))


def _decode_mention(x: Any) -> Mention:
    doc_id, start, end, surface, key, subtype, props, source = _list(x, 8)
    pairs = tuple((_str(a), _str(b)) for a, b in (_list(p, 2) for p in _list(props)))
    return Mention(_str(doc_id), _int(start), _int(end), _str(surface), _decode_key(key), _opt(subtype), pairs,
                   _str(source))


def _decode_relation(x: Any) -> RelationMention:
    head, predicate, tail, evidence = _list(x, 4)
    try:
        pred = Predicate(_str(predicate))
    except ValueError:
        raise CodecError(f"unknown predicate {predicate!r}") from None
    return RelationMention(_decode_key(head), pred, _decode_key(tail), _decode_evidence(evidence))


def _decode_observation(x: Any) -> Observation:
    doc_id, area, year, measure, value, unit, quote, start, end, kind, dataset, header = _list(x, 12)
    try:
        fk = FigureKind(_str(kind))
    except ValueError:
        raise CodecError(f"unknown kind of figure {kind!r}") from None
    return Observation(_str(doc_id), _decode_key(area), _opt_int(year), _str(measure), _str(value), _opt(unit),
                       _str(quote), _int(start), _int(end), fk, _str(dataset), tuple(_str(h) for h in _list(header)))


def _decode_dataset(x: Any) -> DataSet:
    doc_id, key, title, start, end, adds_up, mismatches = _list(x, 7)
    if adds_up is not None and not isinstance(adds_up, bool):
        raise CodecError("expected a boolean")
    return DataSet(_str(doc_id), _str(key), _str(title), _int(start), _int(end), adds_up,
                   tuple(_str(m) for m in _list(mismatches)))


def _in_text(text: str, start: int, end: int, quote: str) -> bool:
    return 0 <= start <= end <= len(text) and text[start:end] == quote


def decode(data: Any, document: SourceDocument) -> DocExtraction:
    """The extraction `data` holds, with `document` (and its text) put back; CodecError unless it
    is well formed and about this document's text."""
    if not isinstance(data, dict) or set(data) != {"document", "context", "sections", "mentions", "relations",
                                                  "observations", "datasets"}:
        raise CodecError("not an extraction")
    doc_id, _path, _encoding, _sha = (_str(v) for v in _list(data["document"], 4))
    if doc_id != document.doc_id:
        raise CodecError(f"an extraction of {doc_id!r}, not of {document.doc_id!r}")
    context = _decode_context(data["context"])
    sections = tuple(_decode_section(x, doc_id, n) for n, x in enumerate(_list(data["sections"]), 1))
    ids = {doc_id} | {sec.doc_id for sec in sections}  # a compilation's sections name themselves
    mentions = tuple(_decode_mention(m) for m in _list(data["mentions"]))
    relations = tuple(_decode_relation(r) for r in _list(data["relations"]))
    text = document.text
    for m in mentions:
        if m.doc_id not in ids or not _in_text(text, m.start, m.end, m.surface):
            raise CodecError(f"a mention that is not the text at {m.start}:{m.end}")
    for r in relations:
        e = r.evidence
        if e.doc_id is not None and (e.doc_id not in ids or not _in_text(text, e.start, e.end, e.quote)):
            raise CodecError(f"evidence that is not the text at {e.start}:{e.end}")
    observations = tuple(_decode_observation(o) for o in _list(data["observations"]))
    datasets = tuple(_decode_dataset(d) for d in _list(data["datasets"]))
    for o in observations:
        if o.doc_id not in ids or not _in_text(text, o.start, o.end, o.quote):
            raise CodecError(f"a figure that is not the text at {o.start}:{o.end}")
    return DocExtraction(document, context, mentions, relations, sections, observations, datasets)
