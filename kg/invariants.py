"""The SHACL shapes' constraints checked on the typed records the graph is generated from.

`kg.graph.iter_triples` turns a KnowledgeBase into triples by fixed rules: every entity gets one
type, one label and its documents, every relation its evidence nodes, every figure its data set
and measure. Most of what ontology/shapes.ttl asks therefore holds by construction (the test
suite runs the shapes on generated graphs); what can still fail depends on the records' values:
an empty label or quote, offsets out of order, a relation between entities of the wrong types,
an entity or document the graph never states, two records that land on one IRI with different
values. This module checks exactly those, in one pass over the records (milliseconds where the
shapes take seconds: at 10× the seeds 10 s of a 17 s build), and reports each as the SHACL
engine would: the same focus node, constraint component and path (tests compare the two on a
knowledge base with every kind of mistake). `kg build` runs it by default; the shapes themselves
run with `kg build --validate shapes` and `kg validate`. A document's own records (its evidence,
figures and tables: kg.graph.DocumentRecords) are checked apart from the corpus-wide ones, so a
build with a cache checks them once, when the document is new (`violations(..., checked=...)`).
"""
from __future__ import annotations

import re
import time
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain

from . import graph as G
from .graph import DocumentRecords
from .model import (SIGNATURES, DataSet, EntityKey, EntityType, Evidence, KnowledgeBase, Observation,
                    Predicate, norm_label)
from .validate import Report, ValidationFailed, Violation
from .vocab import DCTERMS_IRI, LG_IRI, LGSH_IRI, PROV_IRI, RDFS_IRI, SDMX_DIMENSION_IRI, SDMX_MEASURE_IRI, SKOS_IRI

__all__ = ["check", "violations"]

_SHA256 = re.compile(r"[0-9a-f]{64}")
_ADMIN_CODE = re.compile(r"[0-9]{12}")
#: the lexical space of xsd:decimal
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


class C:
    """The SHACL constraint components the records can break (sh:…ConstraintComponent)."""

    MIN_COUNT = "MinCountConstraintComponent"
    MAX_COUNT = "MaxCountConstraintComponent"
    MIN_LENGTH = "MinLengthConstraintComponent"
    MIN_INCLUSIVE = "MinInclusiveConstraintComponent"
    LESS_THAN = "LessThanConstraintComponent"
    PATTERN = "PatternConstraintComponent"
    DATATYPE = "DatatypeConstraintComponent"
    CLASS = "ClassConstraintComponent"
    OR = "OrConstraintComponent"
    SPARQL = "SPARQLConstraintComponent"


class P:
    """The paths of the properties whose values come from the records."""

    PREF_LABEL = SKOS_IRI + "prefLabel"
    ALT_LABEL = SKOS_IRI + "altLabel"
    MENTIONED_IN = LG_IRI + "mentionedIn"
    IDENTIFIER = DCTERMS_IRI + "identifier"
    SHA256 = LG_IRI + "sha256"
    TITLE = DCTERMS_IRI + "title"
    YEAR = LG_IRI + "year"
    IS_PART_OF = DCTERMS_IRI + "isPartOf"
    QUOTE = LG_IRI + "quote"
    CHAR_START = LG_IRI + "charStart"
    CHAR_END = LG_IRI + "charEnd"
    REF_AREA = SDMX_DIMENSION_IRI + "refArea"
    OBS_VALUE = SDMX_MEASURE_IRI + "obsValue"
    DERIVED_FROM = PROV_IRI + "wasDerivedFrom"
    LABEL = RDFS_IRI + "label"
    ADMIN_CODE = LG_IRI + "adminCode"


def _nt(iri: str) -> str:
    return f"<{iri}>"


@dataclass(frozen=True)
class _Found:
    """One broken constraint: where (focus, path, value) and which (component, shape)."""

    focus: str
    component: str
    shape: str
    path: str | None = None
    value: str | None = None

    def violation(self) -> Violation:
        return Violation(_nt(self.focus), None if self.path is None else _nt(self.path), self.value,
                         self.component, f"lgsh:{self.shape}", _message(self.shape, self.path))


@lru_cache(maxsize=None)
def _message(shape: str, path: str | None) -> str:
    """The shape's own sh:message for the constraint (read from shapes.ttl, which stays the one
    statement of the messages; parsed only when a build fails)."""
    from rdflib import Namespace, URIRef

    from .resources import SHAPES_PATH

    sh = Namespace("http://www.w3.org/ns/shacl#")
    g = _shapes_graph(str(SHAPES_PATH))
    node = URIRef(LGSH_IRI + shape)
    if path is not None:
        for prop in g.objects(node, sh.property):
            if g.value(prop, sh.path) == URIRef(path):
                return str(g.value(prop, sh.message) or "")
    for msg in g.objects(node, sh.message):
        return str(msg)
    for constraint in g.objects(node, sh.sparql):
        return str(g.value(constraint, sh.message) or "")
    return ""


@lru_cache(maxsize=1)
def _shapes_graph(path: str):
    from rdflib import Graph

    return Graph().parse(path, format="turtle")


@lru_cache(maxsize=1)
def _superclasses() -> dict[str, frozenset[str]]:
    """Each lg: class with every class above it (rdfs:subClassOf*), from the ontology."""
    from rdflib.namespace import RDFS

    onto = G._ontology()
    up: dict[str, frozenset[str]] = {}
    for cls in set(onto.subjects(RDFS.subClassOf, None)) | set(onto.objects(RDFS.subClassOf, None)):
        seen, todo = {str(cls)}, [cls]
        while todo:
            for sup in onto.objects(todo.pop(), RDFS.subClassOf):
                if str(sup) not in seen:
                    seen.add(str(sup))
                    todo.append(sup)
        up[str(cls)] = frozenset(seen)
    return up


def _classes(local: str) -> frozenset[str]:
    iri = LG_IRI + local
    return _superclasses().get(iri, frozenset({iri}))


class _Records:
    """What the checks look up: the documents the graph states, each entity's types (its class
    and the classes above it), and each key's identity in IRIs (type and normal form)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.docs = {d.doc_id for d in kb.documents} | {s.doc_id for s in kb.sections}
        self.types: dict[EntityKey, frozenset[EntityType]] = {}
        for e in kb.entities:
            classes = _classes(e.subtype or e.key.etype.value)
            found = frozenset(t for t in EntityType if LG_IRI + t.value in classes)
            self.types[e.key] = self.types.get(e.key, frozenset()) | found
        self._ident: dict[EntityKey, tuple[EntityType, str]] = {}
        self.measure = cache(norm_label)  # a measure's normal form (its IRI's), made once

    def has_type(self, key: EntityKey, types: frozenset[EntityType]) -> bool:
        return not types.isdisjoint(self.types.get(key, ()))

    def ident(self, key: EntityKey) -> tuple[EntityType, str]:
        """What the key's IRI is made of: two keys with one identity are one node."""
        found = self._ident.get(key)
        if found is None:
            found = self._ident[key] = (key.etype, key.norm)
        return found


# ---------------------------------------------------------------------------- documents

def _documents(r: _Records) -> Iterator[_Found]:
    shas: dict[str, set[str]] = {}
    for d in r.kb.documents:
        s = G._document_iri(d.doc_id)
        shas.setdefault(s, set()).add(d.sha256)
        if not d.doc_id:
            yield _Found(s, C.MIN_LENGTH, "SourceDocumentShape", P.IDENTIFIER)
        if not _SHA256.fullmatch(d.sha256):
            yield _Found(s, C.PATTERN, "SourceDocumentShape", P.SHA256)
    for s, values in shas.items():
        if len(values) > 1:
            yield _Found(s, C.MAX_COUNT, "SourceDocumentShape", P.SHA256)
    titles: dict[str, set[tuple[str | None, int | None]]] = {}
    for doc_id, ctx in r.kb.contexts:
        s = G._document_iri(doc_id)
        titles.setdefault(s, set()).add((ctx.title, ctx.year))
    for s, values in titles.items():
        if len({t or "" for t, _ in values}) > 1:
            yield _Found(s, C.MAX_COUNT, "SourceDocumentShape", P.TITLE)
        if len({y for _, y in values if y is not None}) > 1:
            yield _Found(s, C.MAX_COUNT, "SourceDocumentShape", P.YEAR)
    for sec in r.kb.sections:
        if sec.parent_id not in r.docs:
            yield _Found(G._document_iri(sec.doc_id), C.CLASS, "SourceDocumentShape", P.IS_PART_OF)


# ---------------------------------------------------------------------------- entities

def _entities(r: _Records) -> Iterator[_Found]:
    names: dict[str, set[str]] = {}
    for e in r.kb.entities:
        s = G._entity_iri(e.key)
        names.setdefault(s, set()).add(G.scalar_text(e.key.name))
        if not e.key.name:
            yield _Found(s, C.MIN_LENGTH, "EntityShape-prefLabel", P.PREF_LABEL)
        if not all(e.alt_labels):
            yield _Found(s, C.MIN_LENGTH, "EntityShape-altLabel", P.ALT_LABEL)
        yield from _mentioned_in(r, s, e.doc_ids)
        yield from _data_properties(s, e.props)
    for s, values in names.items():
        if len(values) > 1:  # two names with one normal form: one IRI, two labels
            yield _Found(s, C.MAX_COUNT, "EntityShape-prefLabel", P.PREF_LABEL)


def _mentioned_in(r: _Records, s: str, doc_ids: tuple[str, ...]) -> Iterator[_Found]:
    if not doc_ids:
        yield _Found(s, C.MIN_COUNT, "EntityShape-mentionedIn", P.MENTIONED_IN)
    unknown = [d for d in doc_ids if d not in r.docs]
    if unknown:
        yield _Found(s, C.CLASS, "EntityShape-mentionedIn", P.MENTIONED_IN)
    for d in unknown:
        yield _Found(G._document_iri(d), C.CLASS, "MentionedInObjectShape")


def _data_properties(s: str, props: tuple[tuple[str, str], ...]) -> Iterator[_Found]:
    codes = {v for p, v in props if p == "adminCode"}
    if any(not _ADMIN_CODE.fullmatch(v) for v in codes):
        yield _Found(s, C.PATTERN, "DataPropertyShape", P.ADMIN_CODE)
    if len(codes) > 1:
        yield _Found(s, C.MAX_COUNT, "DataPropertyShape", P.ADMIN_CODE)
    for p in ("documentNumber", "registrationNumber"):
        if any(q == p and not v for q, v in props):
            yield _Found(s, C.MIN_LENGTH, "DataPropertyShape", LG_IRI + p)


# ---------------------------------------------------------------------------- relations

#: the node shapes of each relation's subject and object, in shapes.ttl's naming
_SHAPE_STEM = {p: p.value[0].upper() + p.value[1:] for p in Predicate}


def _relations(r: _Records) -> Iterator[_Found]:
    evidenced: dict[tuple[EntityKey, Predicate, EntityKey], bool] = {}
    for rel in r.kb.relations:
        triple = (rel.head, rel.predicate, rel.tail)
        evidenced[triple] = evidenced.get(triple, False) or bool(rel.evidence)
        domain, range_ = SIGNATURES[rel.predicate]
        stem = _SHAPE_STEM[rel.predicate]
        if not r.has_type(rel.head, domain):
            yield _Found(G._entity_iri(rel.head), C.OR if len(domain) > 1 else C.CLASS, f"{stem}SubjectShape")
        if not r.has_type(rel.tail, range_):
            yield _Found(G._entity_iri(rel.tail), C.OR if len(range_) > 1 else C.CLASS, f"{stem}ObjectShape")
    for (head, predicate, tail), has in evidenced.items():
        if not has:
            t = G._entity_iri(tail)
            yield _Found(G._entity_iri(head), C.SPARQL, "RelationEvidenceShape", LG_IRI + predicate.value, _nt(t))


def _evidence(r: _Records, evidence: Iterable[tuple[EntityKey, str, EntityKey, Evidence]]) -> Iterator[_Found]:
    """Each evidence node: a quote, ordered offsets into a document the graph states, a year;
    two evidence records of one relation at one place of one document are one node (the
    place names the document: records of two documents never meet). An IRI is made only for a
    record that breaks a constraint."""
    seen: dict[tuple, tuple[str, int | None]] = {}
    for head_key, p, tail_key, ev in evidence:
        head, tail = r.ident(head_key), r.ident(tail_key)
        before = seen.setdefault((head, p, tail, ev.doc_id or ev.source, ev.start, ev.end), (ev.quote, ev.year))
        broken = _evidence_values(r, ev)
        if before[0] != ev.quote:
            broken.append((C.MAX_COUNT, P.QUOTE))
        if before[1] != ev.year and None not in (before[1], ev.year):
            broken.append((C.MAX_COUNT, P.YEAR))
        if broken:
            e = G._evidence_iri(G._entity_iri(head_key), LG_IRI + p, G._entity_iri(tail_key), ev)
            yield from (_Found(e, component, "EvidenceShape", path) for component, path in broken)


def _evidence_values(r: _Records, ev: Evidence) -> list[tuple[str, str]]:
    broken = [] if ev.quote else [(C.MIN_LENGTH, P.QUOTE)]
    if ev.doc_id and ev.doc_id in r.docs:  # offsets only into a document (else: the gazetteer)
        broken += _offsets(ev.start, ev.end)
    return broken


def _offsets(start: int, end: int) -> list[tuple[str, str]]:
    broken = []
    if start < 0:
        broken.append((C.MIN_INCLUSIVE, P.CHAR_START))
    if end < 0:
        broken.append((C.MIN_INCLUSIVE, P.CHAR_END))
    if not start < end:
        broken.append((C.LESS_THAN, P.CHAR_START))
    return broken


# ---------------------------------------------------------------------------- figures

_AREA = frozenset({EntityType.PLACE, EntityType.ORGANIZATION})


def _figures(r: _Records) -> Iterator[_Found]:
    """What the whole corpus decides of the figures: each one's place or body is one (an
    entity's type is resolved across the documents), each measure has one label."""
    areas = {o.area for o in r.kb.observations}
    wrong = {k for k in areas if not r.has_type(k, _AREA)}
    if wrong:
        for o in r.kb.observations:
            if o.area in wrong:
                yield _Found(G._observation_iri(o), C.OR, "ObservationShape", P.REF_AREA)
    labels: dict[str, set[str]] = {}
    for m in {o.measure for o in r.kb.observations}:
        labels.setdefault(G._measure_iri(m), set()).add(m)
    for s, values in labels.items():
        if "" in values:
            yield _Found(s, C.MIN_LENGTH, "MeasureShape", P.PREF_LABEL)
        if len(values) > 1:  # two spellings of one measure: one IRI, two labels
            yield _Found(s, C.MAX_COUNT, "MeasureShape", P.PREF_LABEL)


def _observations(r: _Records, observations: Iterable[Observation]) -> Iterator[_Found]:
    """Each figure's own values: offsets, a decimal, a quote, a document the graph states; two
    figures on one IRI (made of the document and the figure's place in it) quote one sentence."""
    quotes: dict[tuple, str] = {}
    for o in observations:
        where = (o.doc_id, o.dataset, o.start, o.end, r.ident(o.area), r.measure(o.measure), o.value, o.year,
                 o.unit or "", o.kind, o.header_path)  # what the observation's IRI is made of
        broken = _observation_values(r, o)
        if quotes.setdefault(where, o.quote) != o.quote:
            broken.append((C.MAX_COUNT, P.QUOTE))
        if broken:
            s = G._observation_iri(o)
            yield from (_Found(s, component, "ObservationShape", path) for component, path in broken)


def _observation_values(r: _Records, o: Observation) -> list[tuple[str, str]]:
    broken = _offsets(o.start, o.end)
    if not _DECIMAL.fullmatch(o.value):
        broken.append((C.DATATYPE, P.OBS_VALUE))
    if not o.quote:
        broken.append((C.MIN_LENGTH, P.QUOTE))
    if o.doc_id not in r.docs:
        broken.append((C.MIN_COUNT, P.DERIVED_FROM))
    return broken


def _datasets(r: _Records, rec: DocumentRecords) -> Iterator[_Found]:
    """The data sets the figures are in: each labelled, each derived from a stated document."""
    tables: dict[tuple[str, str], list[DataSet]] = {}
    for t in rec.datasets:
        tables.setdefault((t.doc_id, t.key), []).append(t)
    for doc_id, key in sorted({(o.doc_id, o.dataset) for o in rec.observations}):
        s = G._dataset_iri(doc_id, key)
        if doc_id not in r.docs:
            yield _Found(s, C.MIN_COUNT, "DataSetShape", P.DERIVED_FROM)
        found = tables.get((doc_id, key))
        if not found:
            continue
        labels = {G.scalar_text(t.title or key) for t in found}
        if "" in labels:
            yield _Found(s, C.MIN_LENGTH, "DataSetShape", P.LABEL)
        if len(labels) > 1:
            yield _Found(s, C.MAX_COUNT, "DataSetShape", P.LABEL)


# ---------------------------------------------------------------------------- a document's own records

def _own(r: _Records, rec: DocumentRecords) -> Iterator[_Found]:
    """What a document's own records break: its evidence, its figures and their tables."""
    yield from _evidence(r, rec.evidence)
    yield from _observations(r, rec.observations)
    yield from _datasets(r, rec)


# ---------------------------------------------------------------------------- entry points

def violations(kb: KnowledgeBase, checked: Collection[str] = (),
               records: Sequence[DocumentRecords] | None = None) -> list[Violation]:
    """What the shapes would report about the graph of `kb`, sorted as kg.validate sorts them.

    `checked`: documents whose own records passed before under the same code. A document's
    evidence, figures and tables (kg.graph.DocumentRecords: 95% of the records at 100× the
    seeds) are valid or not whatever else the corpus holds, since the IRIs they land on are made
    of the document's id and of names' normal forms, so only the corpus-wide constraints are
    checked again for them. `records`: kg.graph.document_records(kb), when the caller has them."""
    r = _Records(kb)
    own = G.document_records(kb) if records is None else records
    parts = [_documents(r), _entities(r), _relations(r), _figures(r), _own(r, G.orphan_records(kb))]
    parts += [_own(r, rec) for rec in own if rec.doc_id not in checked]
    found: dict[tuple, _Found] = {}
    for f in chain.from_iterable(parts):
        found.setdefault((f.focus, f.component, f.path, f.shape), f)
    return sorted((f.violation() for f in found.values()), key=Violation.sort_key)


def check(kb: KnowledgeBase, checked: Collection[str] = (),
          records: Sequence[DocumentRecords] | None = None) -> Report:
    """The records' report (`checked`, `records`: as for violations); raises ValidationFailed
    when a record breaks a shape's constraint."""
    t = time.perf_counter()
    found = violations(kb, checked, records)
    report = Report(not found, found, "records", time.perf_counter() - t)
    if found:
        raise ValidationFailed(report)
    return report
