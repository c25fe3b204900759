"""The frozen types handed between stages: text → documents → mentions → entities → relations.

Every stage receives and returns these; no stage reaches into another's internals, and none of
them depends on spaCy or rdflib, so notebooks and worker processes can pickle them freely.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from enum import Enum


class EntityType(str, Enum):
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


class InputFormat(str, Enum):
    """What a report file is: plain text is decoded, the others are converted to text."""

    TEXT = "txt"
    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One input report as read: offsets everywhere refer to `text`."""

    doc_id: str  # the file name without its suffix
    path: str
    text: str
    encoding: str  # how the file became text: its charset, or the converter (PDF, 3 pages (pypdf))
    sha256: str
    form: InputFormat = InputFormat.TEXT  # not TEXT: `text` is written to OUT/texts/<doc_id>.txt


@dataclass(frozen=True, slots=True)
class DocContext:
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


@dataclass(frozen=True, slots=True)
class EntityKey:
    """The identity of an entity: its type and normalised canonical name."""

    etype: EntityType
    name: str  # canonical name, as the preferred label

    def __hash__(self) -> int:
        # equal keys have equal names; the generated hash would build a tuple and call
        # Enum.__hash__ on each of the millions of lookups resolution and the graph make
        return hash(self.name)

    @property
    def norm(self) -> str:
        return norm_label(self.name)

    @property
    def slug(self) -> str:
        return stable_id(self.etype.value, self.norm)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a document that names an entity, with its resolved canonical name."""

    doc_id: str
    start: int
    end: int
    surface: str  # == document text[start:end]
    key: EntityKey
    subtype: str | None = None  # ontology subclass local name, e.g. "Court"
    props: tuple[tuple[str, str], ...] = ()  # extra data properties, e.g. ("documentNumber", "…")
    source: str = ""  # the component that found it


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a relation is stated: a sentence of a document, or background knowledge."""

    doc_id: str | None  # None for background knowledge (the gazetteer)
    quote: str
    start: int
    end: int
    source: str = "text"  # "text" or "gazetteer"
    year: int | None = None  # the year of the fact, when the sentence or its document dates it


@dataclass(frozen=True, slots=True)
class RelationMention:
    head: EntityKey
    predicate: Predicate
    tail: EntityKey
    evidence: Evidence


class FigureKind(str, Enum):
    """What a figure states: a level (339名, 6.5%) or a change against an earlier period."""

    LEVEL = "level"
    CHANGE = "change"


@dataclass(frozen=True, slots=True)
class Observation:
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


@dataclass(frozen=True, slots=True)
class DataSet:
    """A table of figures in a document, with the result of checking it against its 合计 row."""

    doc_id: str
    key: str  # unique within the document
    title: str
    start: int
    end: int
    adds_up: bool | None = None  # None: the table has no 合计 row
    mismatches: tuple[str, ...] = ()  # the columns whose rows do not sum to the 合计 row


@dataclass(frozen=True, slots=True)
class Section:
    """A part of a compilation that is a report of its own (a white paper's county report):
    its own identifier, place, author and year; offsets into the whole file's text."""

    doc_id: str  # <file id>#<n>
    parent_id: str
    start: int
    end: int
    context: DocContext


@dataclass(frozen=True, slots=True)
class DocExtraction:
    """Everything the NLP layer found in one document."""

    document: SourceDocument
    context: DocContext
    mentions: tuple[Mention, ...]
    relations: tuple[RelationMention, ...]
    sections: tuple[Section, ...] = ()
    observations: tuple[Observation, ...] = ()
    datasets: tuple[DataSet, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity across all documents."""

    key: EntityKey
    subtype: str | None
    alt_labels: tuple[str, ...]
    doc_ids: tuple[str, ...]
    props: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Relation:
    head: EntityKey
    predicate: Predicate
    tail: EntityKey
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """The resolved corpus: what the graph is built from."""

    documents: tuple[SourceDocument, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    skipped: tuple[tuple[str, str], ...] = field(default=())  # (path, problem)
    #: each document's (and section's) context, by document id: title, author, place, year
    contexts: tuple[tuple[str, DocContext], ...] = field(default=())
    sections: tuple[Section, ...] = field(default=())
    observations: tuple[Observation, ...] = field(default=())
    datasets: tuple[DataSet, ...] = field(default=())
