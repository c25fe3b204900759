"""The graph's on-disk query store: made once per graph content, opened by later queries, made
again when the graph changes or the store is damaged, and never a reason for a query to fail."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg import store as ks
from kg.cli import app
from kg.query import Engine, load, run

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
NAMES = "SELECT ?name WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?name } ORDER BY ?name"

TTL = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/lgkg/id/a> skos:prefLabel "昆明市司法局"@zh .
<https://w3id.org/lgkg/id/b> skos:prefLabel "“有事来聊”调解品牌"@zh .
"""


def names(loaded) -> list[str]:
    return [r["name"] for r in run(loaded, NAMES).records()]


def stores_in(root: Path) -> list[Path]:
    folder = root / ks.STORES_DIR
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".")) if folder.is_dir() else []


@pytest.fixture()
def graph(tmp_path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text(TTL, encoding="utf-8")
    return path


def test_the_second_query_opens_the_store_the_first_made(graph, tmp_path, monkeypatch):
    root = tmp_path / "cache"
    first = load(graph, stores=root)
    assert names(first) == ["“有事来聊”调解品牌", "昆明市司法局"]
    assert len(stores_in(root)) == 1
    del first
    monkeypatch.setattr(ks, "_make", lambda *a: pytest.fail("the store was made again"))
    again = load(graph, stores=root)
    assert names(again) == names(load(graph))  # the same answers as the file read into memory
    assert again.engine is Engine.OXIGRAPH


def test_a_changed_graph_gets_its_own_store(graph, tmp_path):
    root = tmp_path / "cache"
    load(graph, stores=root)
    graph.write_text(TTL + '<https://w3id.org/lgkg/id/c> <http://www.w3.org/2004/02/skos/core#prefLabel> "大理州"@zh .\n',
                     encoding="utf-8")
    assert names(load(graph, stores=root)) == ["“有事来聊”调解品牌", "大理州", "昆明市司法局"]
    assert len(stores_in(root)) == 2


def test_a_damaged_store_is_made_again(graph, tmp_path):
    root = tmp_path / "cache"
    load(graph, stores=root)
    (folder,) = stores_in(root)
    for f in folder.iterdir():  # every file of the store cut to nothing
        if f.is_file():
            f.write_bytes(b"")
    assert names(load(graph, stores=root)) == ["“有事来聊”调解品牌", "昆明市司法局"]
    shutil.rmtree(folder)
    folder.mkdir()  # an empty folder is no store either
    assert names(load(graph, stores=root)) == ["“有事来聊”调解品牌", "昆明市司法局"]


def test_no_room_for_a_store_reads_the_graph_into_memory(graph, tmp_path):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder would be")
    assert names(load(graph, stores=blocked)) == ["“有事来聊”调解品牌", "昆明市司法局"]
    assert blocked.is_file()


def test_only_the_stores_used_last_are_kept(tmp_path):
    root = tmp_path / "cache"
    graphs = []
    for i in range(ks.KEEP + 2):
        g = tmp_path / f"g{i}.nt"
        g.write_text(f'<https://w3id.org/lgkg/id/{i}> <http://www.w3.org/2000/01/rdf-schema#label> "{i}" .\n')
        graphs.append(g)
        assert run(load(g, stores=root), COUNT).records() == [{"n": "1"}]
    assert len(stores_in(root)) == ks.KEEP
    assert ks.store_folder(root, graphs[-1], ks_format(graphs[-1])) in stores_in(root)
    assert ks.store_folder(root, graphs[0], ks_format(graphs[0])) not in stores_in(root)


def ks_format(path: Path):
    from kg.query import _rdf_format

    return _rdf_format(path)


def test_a_dataset_store_answers_over_the_union_of_its_graphs(tmp_path):
    nq = tmp_path / "graph.nq"
    nq.write_text('<https://w3id.org/lgkg/id/a> <http://www.w3.org/2004/02/skos/core#prefLabel> "甲"@zh <https://w3id.org/lgkg/doc/1> .\n'
                  '<https://w3id.org/lgkg/id/b> <http://www.w3.org/2004/02/skos/core#prefLabel> "乙"@zh <https://w3id.org/lgkg/doc/2> .\n',
                  encoding="utf-8")
    assert names(load(nq, stores=tmp_path / "cache")) == ["乙", "甲"] == names(load(nq))


def test_kg_query_keeps_a_store_unless_told_not_to(graph, tmp_path):
    root = tmp_path / "cache"
    res = CliRunner().invoke(app, ["query", NAMES, "--graph", str(graph), "-f", "csv", "--cache-dir", str(root)])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[1:] == ["“有事来聊”调解品牌", "昆明市司法局"]
    assert len(stores_in(root)) == 1
    other = tmp_path / "other"
    res = CliRunner().invoke(app, ["query", NAMES, "--graph", str(graph), "-f", "csv", "--no-store"])
    assert res.exit_code == 0 and res.stdout.splitlines()[1:] == ["“有事来聊”调解品牌", "昆明市司法局"]
    assert not other.exists()
    res = CliRunner().invoke(app, ["query", NAMES, "--graph", str(graph), "--no-store", "--cache-dir", str(other)])
    assert res.exit_code == 2 and "exclude each other" in res.output


def test_a_broken_graph_is_the_usual_one_line_error_and_leaves_no_store(tmp_path):
    from kg.query import GraphError

    bad = tmp_path / "graph.ttl"
    bad.write_text('<https://w3id.org/lgkg/id/a> <http://www.w3.org/2004/02/skos/core#prefLabel> "甲 .\n',
                   encoding="utf-8")
    root = tmp_path / "cache"
    with pytest.raises(GraphError, match="graph.ttl: cannot load"):
        load(bad, stores=root)
    assert not list((root / ks.STORES_DIR).iterdir())  # neither a store nor a half-made one
