"""One pass over the graph's triples feeds graph.ttl and the viewer's index, in light terms."""
from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from kg.terms import Lit, light_term
from kg.vocab import LG_IRI, RDF_TYPE, XSD_GYEAR, XSD_INTEGER


def _triples(index) -> set[tuple]:
    return {(s, p, o) for p, pairs in index._by_p.items() for s, o in pairs}


def test_the_viewers_index_of_a_knowledge_base_reads_as_the_whole_graphs(seeds_build):
    """TripleIndex.for_viewer(kb) indexes only the corpus-wide triples and reads the documents'
    evidence and figures from kb: the same rows as the whole graph's index, the same page."""
    from collections import Counter

    from kg.export.html import render_html
    from kg.graph import TripleIndex

    kb = seeds_build.kb
    whole, light = TripleIndex(kb), TripleIndex.for_viewer(kb)
    part = _triples(light)
    assert part < _triples(whole)
    assert not any(p == RDF_TYPE and o in (LG_IRI + "Evidence", LG_IRI + "Observation") for s, p, o in part)
    assert light.evidence_rows() and Counter(light.evidence_rows()) == Counter(whole.evidence_rows())
    assert light.figure_rows() and Counter(light.figure_rows()) == Counter(whole.figure_rows())
    assert render_html(light) == render_html(whole) == seeds_build.outputs[-1].read_text(encoding="utf-8")


def test_the_index_holds_the_graphs_triples_in_light_terms(seeds_build):
    """The same (s, p, o) as the rdflib graph, none of them an rdflib term: IRIs are plain str,
    literals keep their lexical form, language and datatype."""
    from kg.graph import TripleIndex, build_graph

    kb = seeds_build.kb
    index = TripleIndex(kb)
    triples = _triples(index)
    assert triples == {tuple(light_term(t) for t in spo) for spo in build_graph(kb)}
    assert all(type(t) is str or type(t) is Lit for spo in triples for t in spo)
    quotes = [o for _, o in index.subject_objects(LG_IRI + "quote")]
    assert quotes and all(o.language == "zh" and o.datatype is None for o in quotes)
    starts = [o for _, o in index.subject_objects(LG_IRI + "charStart")]
    assert starts and all(o.datatype == XSD_INTEGER and str(int(o.value)) == str(o) for o in starts)
    years = [o for _, o in index.subject_objects(LG_IRI + "year")]
    assert years and all(o.datatype == XSD_GYEAR and len(str(o)) == 4 for o in years)
    docs = list(index.subjects(RDF_TYPE, LG_IRI + "SourceDocument"))
    assert docs and all(type(d) is str for d in docs)


def test_an_rdflib_graph_is_indexed_as_the_knowledge_base_is(seeds_build, seeds_graph):
    """TripleIndex.of(graph) (what the viewer does with a Graph) holds the same light triples as
    TripleIndex(kb): the page is the same either way."""
    from kg.graph import TripleIndex

    assert _triples(TripleIndex.of(seeds_graph)) == _triples(TripleIndex(seeds_build.kb))
    index = TripleIndex(seeds_build.kb)
    assert TripleIndex.of(index) is index


def test_a_literal_is_not_an_iri_of_the_same_text():
    from rdflib import BNode, Literal, URIRef

    from kg.terms import Blank, is_iri

    iri, lit = light_term(URIRef("urn:x")), light_term(Literal("urn:x"))
    assert iri == "urn:x" and lit == Lit("urn:x") and iri != lit and str(lit) == "urn:x"
    assert is_iri(iri) and not is_iri(lit) and not is_iri(light_term(BNode("b1")))
    assert light_term(BNode("b1")) == Blank("b1") and str(Blank("b1")) == "b1"
    assert light_term(Literal("3", datatype=URIRef(XSD_INTEGER))) == Lit("3", None, XSD_INTEGER)


@contextlib.contextmanager
def _rdflib_quiet() -> Iterator[None]:
    """rdflib logs a warning for a lexical form that is not a decimal (it keeps it as it is)."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def test_typed_literals_made_without_rdflib_are_the_ones_rdflib_makes():
    """An observation's value, a year, a table's check: spelled by kg.graph itself, each the
    literal rdflib normalises the same text to (so graph.ttl and the index did not change)."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    from kg.export.rdf import NT_TERMS, TURTLE_TERMS, _nt_rdf, _ttl_rdf
    from kg.graph import LIGHT_TERMS, RDFLIB_TERMS, decimal_lexical

    for v in ("43324.00", "6.50", "1E+3", ".5", "5.", "+5", "-0", " 12 ", "1_000", "NaN", "约三成", ""):
        with _rdflib_quiet():
            assert decimal_lexical(v) == str(Literal(v, datatype=XSD.decimal)), v
    for lex, dt in (("2023", XSD.gYear), ("0999", XSD.gYear), ("true", XSD.boolean), ("12", XSD.integer),
                    (decimal_lexical("1E+3"), XSD.decimal)):
        rdflib_lit = Literal(lex, datatype=dt)
        assert RDFLIB_TERMS.typed(lex, str(dt)) == rdflib_lit
        assert LIGHT_TERMS.typed(lex, str(dt)) == light_term(rdflib_lit)
        assert TURTLE_TERMS.typed(lex, str(dt)) == _ttl_rdf(rdflib_lit)
        assert NT_TERMS.typed(lex, str(dt)) == _nt_rdf(rdflib_lit)
    assert Literal(True) == RDFLIB_TERMS.typed("true", str(XSD.boolean))  # a table's 合计 check
