"""kg build --format: JSON-LD, N-Triples, TriG/N-Quads (one named graph per source document) and
GraphML hold the same graph as graph.ttl, byte-identical run to run (and process to process)."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.export.formats import FORMATS, FormatError, parse_formats, render_formats

from .conftest import ROOT

LG = "https://w3id.org/lgkg/ontology#"
RELATIONS = ("implements", "receivedAward", "awardedBy", "locatedIn", "issuedBy")


@pytest.fixture(scope="module")
def graph(seeds_build):
    from rdflib import Graph

    return Graph().parse(seeds_build.outputs[0], format="turtle")


@pytest.fixture(scope="module")
def rendered(graph) -> dict[str, bytes]:
    return render_formats(graph, tuple(FORMATS))


@pytest.fixture(scope="module")
def ttl_triples(seeds_build) -> set[str]:
    import pyoxigraph as ox

    return {str(t) for t in ox.parse(path=str(seeds_build.outputs[0]), format=ox.RdfFormat.TURTLE)}


def test_kg_build_writes_the_formats_from_graph_ttl_without_an_rdflib_graph(corpus, tmp_path, monkeypatch):
    """One triple path: the build's other formats read the Turtle it wrote (no rdflib graph of the
    data is made; the ontology's classes are still read with rdflib) and hold the bytes an rdflib
    graph of that Turtle gives."""
    from rdflib import Graph

    import kg.graph
    from kg.build import build

    src, _ = corpus

    def no_graph(*args, **kwargs):
        raise AssertionError("an rdflib graph was built")

    monkeypatch.setattr(kg.graph, "build_graph", no_graph)
    monkeypatch.setattr("kg.export.formats.ox_triples_of", no_graph)  # rdflib graph → pyoxigraph terms
    out = tmp_path / "out"
    result = build([src], out, formats=["all"])
    assert [p.name for p in result.outputs if p.suffix != ".txt"] == ["graph.ttl", "graph.html", *FORMATS.values()]
    monkeypatch.undo()
    expected = render_formats(Graph().parse(out / "graph.ttl", format="turtle"), tuple(FORMATS))
    assert {name: (out / name).read_bytes() for name in FORMATS.values()} == expected


def test_parse_formats():
    assert parse_formats(["all"]) == tuple(FORMATS)
    assert parse_formats(["nq,jsonld", "graphml", "ttl"]) == ("jsonld", "nq", "graphml")
    assert parse_formats(["N-Triples", "json-ld"]) == ("jsonld", "nt")
    with pytest.raises(FormatError):
        parse_formats(["xlsx"])


def test_every_format_is_deterministic(graph, rendered, seeds_build):
    again = render_formats(graph, tuple(FORMATS))
    assert again == rendered
    # another process with another hash seed (rdflib's own JSON-LD writer fails this)
    code = ("import sys, hashlib; from rdflib import Graph; from kg.export.formats import render_formats, FORMATS;"
            "g = Graph().parse(sys.argv[1], format='turtle');"
            "print(*[n + ' ' + hashlib.sha256(b).hexdigest() for n, b in render_formats(g, tuple(FORMATS)).items()])")
    out = subprocess.run([sys.executable, "-c", code, str(seeds_build.outputs[0])], capture_output=True, text=True,
                         env={**os.environ, "PYTHONHASHSEED": "12345"}, cwd=ROOT, check=True).stdout.split()
    theirs = dict(zip(out[::2], out[1::2]))
    assert theirs == {n: hashlib.sha256(b).hexdigest() for n, b in rendered.items()}


def test_ntriples_are_sorted_and_complete(rendered, ttl_triples):
    import pyoxigraph as ox

    lines = rendered["graph.nt"].decode("utf-8").splitlines()
    assert lines == sorted(lines)
    assert {str(t) for t in ox.parse(rendered["graph.nt"], format=ox.RdfFormat.N_TRIPLES)} == ttl_triples


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # inside rdflib's JSON-LD parser
def test_jsonld_round_trips(rendered, ttl_triples, graph):
    import json

    import pyoxigraph as ox
    from rdflib import Graph

    doc = json.loads(rendered["graph.jsonld"])
    assert doc["@context"]["lg"] == LG and isinstance(doc["@graph"], list)
    assert {str(t) for t in ox.parse(rendered["graph.jsonld"], format=ox.RdfFormat.JSON_LD)} == ttl_triples
    back = Graph().parse(data=rendered["graph.jsonld"], format="json-ld")
    assert set(back) == set(graph)


def test_dataset_has_one_named_graph_per_document(rendered, ttl_triples, graph):
    import pyoxigraph as ox
    from rdflib.namespace import RDF

    from kg.vocab import LG as LGNS

    for name, fmt in (("graph.nq", ox.RdfFormat.N_QUADS), ("graph.trig", ox.RdfFormat.TRIG)):
        quads = list(ox.parse(rendered[name], format=fmt))
        union = {str(ox.Triple(q.subject, q.predicate, q.object)) for q in quads}
        assert union == ttl_triples, name
        names = {q.graph_name.value for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
        assert names == {str(d) for d in graph.subjects(RDF.type, LGNS.SourceDocument)}, name
    store = ox.Store()
    store.bulk_load(rendered["graph.nq"], format=ox.RdfFormat.N_QUADS)
    # evidence lives in the graph of the document it was derived from, with the relation it backs
    misplaced = store.query("""
        PREFIX lg: <https://w3id.org/lgkg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        ASK { GRAPH ?d { ?e a lg:Evidence ; prov:wasDerivedFrom ?src ; rdf:subject ?s ; rdf:predicate ?p ;
                         rdf:object ?o . FILTER(?src != ?d || NOT EXISTS { ?s ?p ?o }) } }""")
    assert not bool(misplaced)
    per_doc = store.query("""PREFIX lg: <https://w3id.org/lgkg/ontology#>
        SELECT ?d (COUNT(*) AS ?n) WHERE { GRAPH ?d { ?x lg:mentionedIn ?d } } GROUP BY ?d""")
    assert len(list(per_doc)) == len(set(graph.subjects(RDF.type, LGNS.SourceDocument)))


def test_graphml_is_the_entity_network(rendered, graph):
    import io

    import networkx as nx

    G = nx.read_graphml(io.BytesIO(rendered["graph.graphml"]))
    n_rel = sum(len(set(graph.subject_objects(graph.namespace_manager.expand_curie(f"lg:{r}"))))
                for r in RELATIONS)
    assert G.number_of_edges() == n_rel
    labels = {d["label"]: n for n, d in G.nodes(data=True)}
    office = labels["东昌府区司法局"]
    assert G.nodes[office]["class"] == "Organization"
    assert any(d["relation"] == "implements" and "有事来聊" in G.nodes[v]["label"] and d["evidence"] >= 1
               for _, v, d in G.out_edges(office, data=True))
    assert {d["class"] for _, d in G.nodes(data=True)} == {"Organization", "Regulation", "Program", "Place",
                                                           "Award", "Person"}


def test_query_a_dataset_export(rendered, tmp_path, seeds_build):
    from kg.query import load, run_named

    nq = tmp_path / "graph.nq"
    nq.write_bytes(rendered["graph.nq"])
    a = run_named(load(nq), "programs_of_brand")
    b = run_named(load(Path(seeds_build.outputs[0])), "programs_of_brand")
    assert sorted(map(str, a.rows)) == sorted(map(str, b.rows)) and a.rows


def test_kg_build_format_option(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "r.txt").write_text("东昌府区司法局2023年工作总结\n东昌府区司法局打造“有事来聊”调解品牌。\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["build", str(src), "--out", str(tmp_path / "out"), "-q", "--no-cache",
                                   "--format", "jsonld,nt", "-f", "graphml"])
    assert res.exit_code == 0, res.output
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"graph.ttl", "graph.html", "graph.jsonld", "graph.nt", "graph.graphml"} <= names
    assert "graph.nq" not in names
    res = CliRunner().invoke(app, ["build", str(src), "--out", str(tmp_path / "out2"), "-q", "--format", "xlsx"])
    assert res.exit_code == 2 and "xlsx" in res.stderr
    assert not (tmp_path / "out2" / "graph.ttl").exists()
