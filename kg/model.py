"""The frozen types handed between stages: text → documents → mentions → entities → relations.

Every stage receives and returns these; no stage reaches into another's internals, and none of
them depends on spaCy or rdflib, so notebooks and worker processes can pickle them freely.

They are frozen msgspec Structs: typed, immutable and hashable as frozen dataclasses are, but
made in C. A 100× corpus's cached extractions are about 800,000 of them, each decoded on every
build: a frozen dataclass's __init__ sets each field through object.__setattr__ (1.2 µs for a
Mention), a Struct's takes 0.1 µs, and it pickles as a constructor call without help. The
records hold only strings, numbers, enums, tuples and each other, so they cannot form reference
cycles and the collector need not track them (gc=False: less memory, no collector passes over
them). `msgspec.structs.replace` makes a changed copy.
"""
from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from enum import Enum

import msgspec


class EntityType(str, Enum):
    # hashed as the string it equals (Enum.__hash__ would hash the member's name, in Python): an
    # EntityKey's hash, made on each of the millions of lookups resolution and the graph make,
    # then runs in C alone
    __hash__ = str.__hash__

    ORGANIZATION = "Organization"
    REGULATION = "Regulation"
    PROGRAM = "Program"
    PLACE = "Place"
    AWARD = "Award"
    PERSON = "Person"


class Predicate(str, Enum):
    IMPLEMENTS = "implements"
    RECEIVED_AWARD = "receivedAward"
    AWARDED_BY = "awardedBy"
    LOCATED_IN = "locatedIn"
    ISSUED_BY = "issuedBy"


#: domain and range of each relation, as in the ontology and ../shared/CONTRACT.md
SIGNATURES: dict[Predicate, tuple[frozenset[EntityType], frozenset[EntityType]]] = {
    Predicate.IMPLEMENTS: (
        frozenset({EntityType.ORGANIZATION, EntityType.PLACE}),
        frozenset({EntityType.PROGRAM, EntityType.REGULATION}),
    ),
    Predicate.RECEIVED_AWARD: (
        frozenset({EntityType.ORGANIZATION, EntityType.PLACE, EntityType.PERSON,
                   EntityType.PROGRAM, EntityType.REGULATION}),
        frozenset({EntityType.AWARD}),
    ),
    Predicate.AWARDED_BY: (frozenset({EntityType.AWARD}), frozenset({EntityType.ORGANIZATION})),
    Predicate.LOCATED_IN: (
        frozenset({EntityType.ORGANIZATION, EntityType.PLACE}), frozenset({EntityType.PLACE})
    ),
    Predicate.ISSUED_BY: (frozenset({EntityType.REGULATION}), frozenset({EntityType.ORGANIZATION})),
}

_STRIP = set("《》〈〉“”‘’\"'「」『』 \t\r\n\u3000")
_STRIP_TABLE = {ord(ch): None for ch in _STRIP}  # str.translate deletes them in one pass


def norm_label(s: str) -> str:
    """The matching key of a label: NFKC, no whitespace, no quotation or title marks."""
    return unicodedata.normalize("NFKC", s).translate(_STRIP_TABLE)


def stable_id(*parts: str, length: int = 16) -> str:
    """A deterministic hex key for IRIs; raw text never enters an IRI."""
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return h[:length]


class _Record(msgspec.Struct, frozen=True, gc=False):
    """A frozen record handed between stages (see the module's docstring)."""


class InputFormat(str, Enum):
    """What a report file is: plain text is decoded, the others are converted to text."""

    TEXT = "txt"
    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"


class SourceDocument(_Record):
    """One input report as read: offsets everywhere refer to `text`."""

    doc_id: str  # the file name without its suffix
    path: str
    text: str
    encoding: str  # how the file became text: its charset, or the converter (PDF, 3 pages (pypdf))
    sha256: str
    form: InputFormat = InputFormat.TEXT  # not TEXT: `text` is written to OUT/texts/<doc_id>.txt


class DocContext(_Record):
    """Where a document speaks from: resolves 市/区/县/我市 and supplies the implicit actor."""

    province: str | None = None
    city: str | None = None
    county: str | None = None
    author: str | None = None  # canonical name of the authoring organisation, if the text names one
    title: str | None = None  # the report's own title, from its heading
    year: int | None = None  # the year it reports on (2023年度…报告 → 2023)

    @property
    def local(self) -> str | None:
        """The most specific place the document speaks for."""
        return self.county or self.city or self.province


class EntityKey(_Record, omit_defaults=True):
    """The identity of an entity: its type and normalised canonical name; for a division whose
    name several divisions bear (朝阳区 of Beijing and of Changchun), its administrative code too
    (`code`, "" for every other entity: a key without one is stored as before)."""

    etype: EntityType
    name: str  # canonical name, as the preferred label
    code: str = ""

    @property
    def norm(self) -> str:
        return norm_label(self.name)

    @property
    def slug(self) -> str:
        if self.code:
            return stable_id(self.etype.value, self.norm, self.code)
        return stable_id(self.etype.value, self.norm)


class Mention(_Record):
    """A span of a document that names an entity, with its resolved canonical name."""

    doc_id: str
    start: int
    end: int
    surface: str  # == document text[start:end]
    key: EntityKey
    subtype: str | None = None  # ontology subclass local name, e.g. "Court"
    props: tuple[tuple[str, str], ...] = ()  # extra data properties, e.g. ("documentNumber", "…")
    source: str = ""  # the component that found it


class Evidence(_Record):
    """Where a relation is stated: a sentence of a document, or background knowledge."""

    doc_id: str | None  # None for background knowledge (the gazetteer)
    quote: str
    start: int
    end: int
    source: str = "text"  # "text" or "gazetteer"
    year: int | None = None  # the year of the fact, when the sentence or its document dates it


class Naming(_Record):
    """How often a document (or section) names an entity with one surface, subtype and set of
    properties, and where it does so first: what entity resolution reads of the mentions. A
    document's namings are fewer than its mentions (a 100× corpus: 172,000 for 368,000)."""

    doc_id: str
    key: EntityKey
    surface: str
    subtype: str | None
    props: tuple[tuple[str, str], ...]
    count: int
    start: int  # the first mention's offsets
    end: int


def namings(mentions: Iterable[Mention]) -> tuple[Naming, ...]:
    """The namings of `mentions`, in the order each is first met."""
    found: dict[tuple, list[int]] = {}  # (doc, key, surface, subtype, props) → [count, start, end]
    for m in mentions:
        k = (m.doc_id, m.key, m.surface, m.subtype, m.props)
        seen = found.get(k)
        if seen is None:
            found[k] = [1, m.start, m.end]
        else:
            seen[0] += 1
    return tuple(Naming(*k, *v) for k, v in found.items())


class RelationMention(_Record):
    head: EntityKey
    predicate: Predicate
    tail: EntityKey
    evidence: Evidence


class FigureKind(str, Enum):
    """What a figure states: a level (339名, 6.5%) or a change against an earlier period."""

    LEVEL = "level"
    CHANGE = "change"


class Observation(_Record):
    """One figure a report states about a place or body (a W3C Data Cube observation).

    `measure` is the measure's canonical label (kg/measures.py normalises it); `dataset` is ""
    for the running text of the document, else the key of the table it was read from."""

    doc_id: str
    area: EntityKey  # the Place or Organization the figure is about
    year: int | None
    measure: str
    value: str  # a decimal, as text (exact: 48267.95, not a float)
    unit: str | None
    quote: str
    start: int
    end: int
    kind: FigureKind = FigureKind.LEVEL
    dataset: str = ""
    header_path: tuple[str, ...] = ()  # a table column's headers, top to bottom


class DataSet(_Record):
    """A table of figures in a document, with the result of checking it against its 合计 row."""

    doc_id: str
    key: str  # unique within the document
    title: str
    start: int
    end: int
    adds_up: bool | None = None  # None: the table has no 合计 row
    mismatches: tuple[str, ...] = ()  # the columns whose rows do not sum to the 合计 row


class Section(_Record):
    """A part of a compilation that is a report of its own (a white paper's county report):
    its own identifier, place, author and year; offsets into the whole file's text."""

    doc_id: str  # <file id>#<n>
    parent_id: str
    start: int
    end: int
    context: DocContext


class DocExtraction(_Record):
    """Everything the NLP layer found in one document.

    `named`: the mentions' namings when only those were kept (an extraction a build reads back
    from the cache, kg.cache.ExtractionCache.get(..., mentions=False): `mentions` is then
    empty); () when `mentions` holds them."""

    document: SourceDocument
    context: DocContext
    mentions: tuple[Mention, ...]
    relations: tuple[RelationMention, ...]
    sections: tuple[Section, ...] = ()
    observations: tuple[Observation, ...] = ()
    datasets: tuple[DataSet, ...] = ()
    named: tuple[Naming, ...] = ()

    def namings(self) -> tuple[Naming, ...]:
        """What resolution reads of the mentions."""
        return self.named or namings(self.mentions)

    def summarised(self) -> DocExtraction:
        """The extraction with its mentions' namings in place of the mentions (what a build
        keeps in memory until resolution: at 100× the seeds 172,000 namings for 368,000 mentions)."""
        if not self.mentions:
            return self
        return msgspec.structs.replace(self, mentions=(), named=self.namings())


class Entity(_Record):
    """One real-world entity across all documents."""

    key: EntityKey
    subtype: str | None
    alt_labels: tuple[str, ...]
    doc_ids: tuple[str, ...]
    props: tuple[tuple[str, str], ...] = ()


class Relation(_Record):
    head: EntityKey
    predicate: Predicate
    tail: EntityKey
    evidence: tuple[Evidence, ...]


class KnowledgeBase(_Record):
    """The resolved corpus: what the graph is built from."""

    documents: tuple[SourceDocument, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    skipped: tuple[tuple[str, str], ...] = ()  # (path, problem)
    #: each document's (and section's) context, by document id: title, author, place, year
    contexts: tuple[tuple[str, DocContext], ...] = ()
    sections: tuple[Section, ...] = ()
    observations: tuple[Observation, ...] = ()
    datasets: tuple[DataSet, ...] = ()
