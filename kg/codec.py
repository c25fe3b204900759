"""A document's cache entry: its extraction as plain JSON, and back (msgspec).

The entry's layout is declared as msgspec Structs, so decoding checks every field's type and
every enum value in C and can build nothing but these plain records (nothing in the data names a
class or a function). What the document's text says is not stored: a mention's surface, an
evidence sentence and a figure's quote are the text at their offsets, put back from the caller's
document on load (an entry is a quarter of the size, and a forged entry cannot claim what the
text does not say). Each entity key is stored once and referred to by its index, and the
decoded mentions and relations share the key objects (with the entries read before, when the
caller passes its table of keys: resolution's millions of lookups then find equal keys by
identity). An entry that is damaged, of another
shape, or whose offsets or indexes do not fit the text raises CodecError.

Beside the mentions an entry holds their namings (kg.model.Naming: each surface, subtype and
set of properties of an entity in a document, with how often), which is all resolution reads of
them. A build reads an entry without its mentions (`read(..., mentions=False)`): their JSON is
skipped by msgspec (a Raw field) and no record is made for them.

At 100× the seeds the 500 entries took 161 MB and about 10 s to read with the hand-written
checks of the former layout; see bench/results/incremental.md for this one's figures.
"""
from __future__ import annotations

from typing import Annotated

import msgspec

from .model import (DataSet, DocContext, DocExtraction, EntityKey, Evidence, FigureKind, Mention, Naming,
                    Observation, Predicate, RelationMention, Section, SourceDocument)

#: the layout's name, stored in every entry (a new layout ignores the entries of the old one)
FORMAT = "lgkg-extraction/7"


class CodecError(ValueError):
    """The data is not an extraction of this document."""


#: an index into the entry's keys or sections, an offset into the text: never negative (Python
#: would read index -1 as the last one), checked by the decoder
Index = Annotated[int, msgspec.Meta(ge=0)]


class _Row(msgspec.Struct, array_like=True, frozen=True, forbid_unknown_fields=True):
    """A record stored as a JSON array of its fields."""


class _Section(_Row):
    start: Index
    end: Index
    context: DocContext


class _Mention(_Row):
    """`doc`: 0 for the document itself, n for its n-th section; `key`: an index into the keys."""
    doc: Index
    start: Index
    end: Index
    key: Index
    subtype: str | None
    props: tuple[tuple[str, str], ...]
    source: str


class _Naming(_Row):
    """A naming (kg.model.Naming), its surface the text at its first mention's offsets."""
    doc: Index
    key: Index
    start: Index
    end: Index
    subtype: str | None
    props: tuple[tuple[str, str], ...]
    count: Annotated[int, msgspec.Meta(ge=1)]


class _Evidence(_Row):
    """`doc` None: background knowledge, whose `quote` is stored (it is not the document's text)."""
    doc: Index | None
    start: Index
    end: Index
    source: str
    year: int | None
    quote: str | None


class _Relation(_Row):
    head: Index
    predicate: Predicate
    tail: Index
    evidence: _Evidence


class _Observation(_Row):
    doc: Index
    area: Index
    year: int | None
    measure: str
    value: str
    unit: str | None
    start: Index
    end: Index
    kind: FigureKind
    dataset: str
    header_path: tuple[str, ...]


class _DataSet(_Row):
    doc: Index
    key: str
    title: str
    start: Index
    end: Index
    adds_up: bool | None
    mismatches: tuple[str, ...]


class _Extraction(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    document: tuple[str, str, str, str]  # doc_id, path, encoding, sha256 (not the text)
    context: DocContext
    sections: tuple[_Section, ...]
    keys: tuple[EntityKey, ...]  # the entities the records name, each once
    mentions: tuple[_Mention, ...]
    namings: tuple[_Naming, ...]  # the mentions summarised: what a build's resolution reads
    relations: tuple[_Relation, ...]
    observations: tuple[_Observation, ...]
    datasets: tuple[_DataSet, ...]


class _Summary(_Extraction, frozen=True, forbid_unknown_fields=True):
    """An extraction read without its mentions: their JSON is skipped, not made into records
    (a build reads the namings instead)."""

    mentions: msgspec.Raw  # type: ignore[assignment]


class Entry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A cache entry: what it was made by and for (kg.cache checks these), and the extraction."""

    format: str
    fingerprint: str
    doc_id: str
    text_sha256: str
    extraction: _Extraction


class SummaryEntry(Entry, frozen=True, forbid_unknown_fields=True):
    """An entry read without its mentions (see _Summary)."""

    extraction: _Summary  # type: ignore[assignment]


_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(Entry)
_SUMMARY_DECODER = msgspec.json.Decoder(SummaryEntry)


# --------------------------------------------------------------------------- encoding

class _Table:
    """The entity keys of one extraction, each given an index the first time it is met."""

    def __init__(self) -> None:
        self.index: dict[EntityKey, int] = {}

    def __call__(self, key: EntityKey) -> int:
        n = self.index.get(key)
        if n is None:
            n = self.index[key] = len(self.index)
        return n

    def keys(self) -> tuple[EntityKey, ...]:
        return tuple(self.index)


def encode(ex: DocExtraction, *, fingerprint: str, text_sha256: str,
           namings: tuple[Naming, ...] | None = None) -> bytes:
    """The entry of `ex` (without its document's text) as JSON bytes; `namings`: its mentions'
    (kg.model.namings), when the caller has made them already."""
    d = ex.document
    if ex.named and not ex.mentions:
        raise CodecError("an extraction read without its mentions cannot be stored again")
    ids = {d.doc_id: 0} | {s.doc_id: n for n, s in enumerate(ex.sections, 1)}
    key = _Table()

    def evidence(e: Evidence) -> _Evidence:
        doc = ids[e.doc_id] if e.doc_id is not None else None
        return _Evidence(doc, e.start, e.end, e.source, e.year, e.quote if doc is None else None)

    mentions = tuple(_Mention(ids[m.doc_id], m.start, m.end, key(m.key), m.subtype, m.props, m.source)
                     for m in ex.mentions)
    namings = tuple(_Naming(ids[n.doc_id], key(n.key), n.start, n.end, n.subtype, n.props, n.count)
                    for n in (ex.namings() if namings is None else namings))
    relations = tuple(_Relation(key(r.head), r.predicate, key(r.tail), evidence(r.evidence)) for r in ex.relations)
    observations = tuple(_Observation(ids[o.doc_id], key(o.area), o.year, o.measure, o.value, o.unit, o.start, o.end,
                                      o.kind, o.dataset, o.header_path) for o in ex.observations)
    extraction = _Extraction(
        (d.doc_id, d.path, d.encoding, d.sha256), ex.context,
        tuple(_Section(s.start, s.end, s.context) for s in ex.sections),
        key.keys(), mentions, namings, relations, observations,
        tuple(_DataSet(ids[t.doc_id], t.key, t.title, t.start, t.end, t.adds_up, t.mismatches) for t in ex.datasets),
    )
    try:
        return _ENCODER.encode(Entry(FORMAT, fingerprint, d.doc_id, text_sha256, extraction))
    except (msgspec.EncodeError, UnicodeEncodeError) as exc:  # a lone surrogate (only from the Python API)
        raise CodecError(str(exc)) from None


# --------------------------------------------------------------------------- decoding

def read(data: bytes, *, mentions: bool = True) -> Entry:
    """The entry in `data` (without its mentions' records: a SummaryEntry); CodecError unless
    it is one, well formed."""
    try:
        return (_DECODER if mentions else _SUMMARY_DECODER).decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise CodecError(str(exc)) from None


def decode(x: _Extraction, document: SourceDocument,
           keys: dict[EntityKey, EntityKey] | None = None) -> DocExtraction:
    """The extraction `x` of `document`, with its text put back; CodecError unless every offset
    and index fits (an offset past the text, a key or section that is not there). `keys`: the
    key objects of entries decoded before, shared with this one (and added to). An extraction
    read without its mentions (a _Summary) comes back with its namings instead (`named`)."""
    doc_id = x.document[0]
    if doc_id != document.doc_id:
        raise CodecError(f"an extraction of {doc_id!r}, not of {document.doc_id!r}")
    try:
        return _decode(x, document, keys)
    except IndexError:
        raise CodecError("an index past the entry's keys or sections") from None


def _decode(x: _Extraction, document: SourceDocument, known: dict[EntityKey, EntityKey] | None) -> DocExtraction:
    text, doc_id = document.text, document.doc_id
    sections = tuple(Section(f"{doc_id}#{n}", doc_id, s.start, s.end, s.context)
                     for n, s in enumerate(x.sections, 1))
    ids = (doc_id, *(s.doc_id for s in sections))
    keys = x.keys if known is None else tuple(known.setdefault(k, k) for k in x.keys)
    n = len(text)

    spans: dict[tuple[int, int], str] = {}  # one string per span: a sentence holding several figures is each one's quote

    def span(start: int, end: int) -> str:
        found = spans.get((start, end))
        if found is None:
            if not start <= end <= n:
                raise CodecError(f"offsets {start}:{end} outside the text")
            found = spans[(start, end)] = text[start:end]
        return found

    def evidence(e: _Evidence) -> Evidence:
        if e.doc is None:
            if e.quote is None:
                raise CodecError("background evidence without its sentence")
            return Evidence(None, e.quote, e.start, e.end, e.source, e.year)
        return Evidence(ids[e.doc], span(e.start, e.end), e.start, e.end, e.source, e.year)

    if isinstance(x, _Summary):
        mentions: tuple[Mention, ...] = ()
        named = tuple(Naming(ids[n.doc], keys[n.key], span(n.start, n.end), n.subtype, n.props, n.count,
                             n.start, n.end) for n in x.namings)
    else:
        mentions = tuple(Mention(ids[m.doc], m.start, m.end, span(m.start, m.end), keys[m.key],
                                 m.subtype, m.props, m.source) for m in x.mentions)
        named = ()
    relations = tuple(RelationMention(keys[r.head], r.predicate, keys[r.tail], evidence(r.evidence))
                      for r in x.relations)
    observations = tuple(Observation(ids[o.doc], keys[o.area], o.year, o.measure, o.value, o.unit,
                                     span(o.start, o.end), o.start, o.end, o.kind, o.dataset, o.header_path)
                         for o in x.observations)
    datasets = tuple(DataSet(ids[t.doc], t.key, t.title, t.start, t.end, t.adds_up, t.mismatches)
                     for t in x.datasets)
    return DocExtraction(document, x.context, mentions, relations, sections, observations, datasets, named)


__all__ = ["FORMAT", "CodecError", "Entry", "SummaryEntry", "decode", "encode", "read"]
