"""One pass over the graph's triples feeds graph.ttl and the viewer's index, in light terms."""
from __future__ import annotations

from kg.terms import Lit, light_term
from kg.vocab import LG_IRI, RDF_TYPE, XSD_INTEGER, XSD_IRI


def _triples(index) -> set[tuple]:
    return {(s, p, o) for p, pairs in index._by_p.items() for s, o in pairs}


def test_one_pass_gives_the_turtle_and_the_index_of_two(tmp_path, seeds_build):
    from kg.export.rdf import write_turtle, write_turtle_and_index
    from kg.graph import TripleIndex

    kb = seeds_build.kb
    path, index = write_turtle_and_index(kb, tmp_path / "one.ttl")
    write_turtle(kb, tmp_path / "two.ttl")
    assert path.read_bytes() == (tmp_path / "two.ttl").read_bytes() == seeds_build.outputs[0].read_bytes()
    separate = TripleIndex(kb)
    assert index._by_p == separate._by_p  # the same pairs, in the same order, as the same terms
    p = next(iter(separate._by_p))
    s, o = separate._by_p[p][0]
    assert index.value(s, p) == separate.value(s, p) and list(index.subjects(p, o)) == list(separate.subjects(p, o))


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
    assert years and all(o.datatype == XSD_IRI + "gYear" and len(str(o)) == 4 for o in years)
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
