"""kg serve is a real SPARQL 1.1 Protocol endpoint (the Oxigraph server) and kg push loads the graph
into a Graph Store Protocol endpoint; both exercised over HTTP on free localhost ports."""
from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.server import ServerError, free_port, oxigraph_executable, sparql_select, start

pytestmark = pytest.mark.skipif(shutil.which("oxigraph", path=str(Path(sys.executable).parent)) is None
                                and shutil.which("oxigraph") is None, reason="oxigraph server not installed")

GRAPH_IRI = "https://w3id.org/lgkg/id/graph-seeds"


@pytest.fixture(scope="module")
def graph_path(seeds_build) -> Path:
    return Path(seeds_build.outputs[0])


@pytest.fixture(scope="module")
def triples(graph_path) -> set[str]:
    import pyoxigraph as ox

    return {str(t) for t in ox.parse(path=str(graph_path), format=ox.RdfFormat.TURTLE)}


def kg_command() -> list[str]:
    exe = Path(sys.executable).parent / "kg"
    return [str(exe)] if exe.exists() else [sys.executable, "-c", "from kg.cli import app; app()"]


def wait_for(url: str, proc: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else "kg serve exited"
        try:
            sparql_select(url, "ASK {}", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer within {timeout} s")


def port_closed(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def get(url: str, accept: str) -> bytes:
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": accept}), timeout=30) as r:
        return r.read()


# ---------------------------------------------------------------------------- kg serve

@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_kg_serve_answers_sparql_over_http(graph_path, sig):
    from kg.query import load, run_named

    port = free_port()
    proc = subprocess.Popen([*kg_command(), "serve", "--graph", str(graph_path), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/query"
    try:
        wait_for(url, proc)
        # the port answers once Oxigraph is up; kg serve is ready (its signal handlers set) when
        # it says so: a signal sent before that would test the start-up, not the serving
        announced = proc.stderr.readline()
        # a SPARQL 1.1 Protocol POST with JSON results
        res = sparql_select(url, """PREFIX lg: <https://w3id.org/lgkg/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?n WHERE { ?r skos:prefLabel "聊城市居住证实施办法"@zh ; lg:documentNumber ?n }""")
        assert [b["n"]["value"] for b in res["results"]["bindings"]] == ["聊政办字〔2022〕22号"]
        # a named query's text, over GET, as CSV, agrees with kg query
        from kg.query import named_queries

        text = named_queries()["most_awarded"].text
        csv_rows = get(f"{url}?{urllib.parse.urlencode({'query': text})}", "text/csv").decode().splitlines()
        local = run_named(load(graph_path), "most_awarded")
        assert len(csv_rows) == len(local.rows) + 1 and csv_rows[0].split(",")[0] == "recipient"
        # read-only: updates are refused
        req = urllib.request.Request(f"http://127.0.0.1:{port}/update", method="POST",
                                     data=b"update=INSERT DATA { <x:a> <x:b> <x:c> }",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(req, timeout=10)
        assert refused.value.code in (403, 404, 405)
    finally:
        proc.send_signal(sig)
        try:
            code = proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    rest = proc.stderr.read()
    assert code == 0, announced + rest
    assert "SPARQL endpoint" in announced + rest
    assert port_closed(port)


def test_serve_reports_a_busy_port(graph_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        res = subprocess.run([*kg_command(), "serve", "--graph", str(graph_path), "--port", str(port)],
                             capture_output=True, text=True, timeout=60)
    assert res.returncode == 2
    assert "exited" in res.stderr or "did not answer" in res.stderr


def test_serve_needs_a_graph(tmp_path):
    res = CliRunner().invoke(app, ["serve", "--graph", str(tmp_path / "none.ttl"), "--port", str(free_port())])
    assert res.exit_code == 2 and "graph not found" in res.stderr


def test_library_server_stops_cleanly(graph_path):
    with start(graph_path, free_port()) as server:
        assert server.workdir.exists()
        res = sparql_select(server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert int(res["results"]["bindings"][0]["n"]["value"]) > 1000
    assert server.process.poll() is not None and not server.workdir.exists() and port_closed(server.port)


def test_oxigraph_is_the_pypi_server():
    exe = oxigraph_executable()
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, check=True).stdout
    assert "oxigraph" in out.lower()


# ---------------------------------------------------------------------------- kg push

@pytest.fixture()
def writable():
    with start(None, free_port(), writable=True) as server:
        yield server


def count(server, where: str = "?s ?p ?o") -> int:
    res = sparql_select(server.query_url, f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    return int(res["results"]["bindings"][0]["n"]["value"])


def test_push_round_trips_into_a_named_graph(writable, graph_path, triples):
    import pyoxigraph as ox

    res = CliRunner().invoke(app, ["push", "--endpoint", writable.store_url, "--graph", str(graph_path),
                                   "--graph-iri", GRAPH_IRI])
    assert res.exit_code == 0, res.output
    back = get(f"{writable.store_url}?graph={urllib.parse.quote(GRAPH_IRI, safe='')}", "application/n-triples")
    assert {str(t) for t in ox.parse(back, format=ox.RdfFormat.N_TRIPLES)} == triples
    assert count(writable) == 0  # the default graph is untouched
    assert count(writable, f"GRAPH <{GRAPH_IRI}> {{ ?s ?p ?o }}") == len(triples)


def test_push_replaces_or_appends_the_default_graph(writable, graph_path, triples, tmp_path):
    runner = CliRunner()
    for _ in range(2):  # PUT twice: replaced, not doubled
        res = runner.invoke(app, ["push", "--endpoint", writable.store_url, "--graph", str(graph_path)])
        assert res.exit_code == 0, res.output
    assert count(writable) == len(triples)
    extra = tmp_path / "extra.nt"
    extra.write_text('<https://example.org/a> <https://example.org/b> "c" .\n', encoding="utf-8")
    res = runner.invoke(app, ["push", "--endpoint", writable.store_url, "--graph", str(extra), "--append"])
    assert res.exit_code == 0, res.output
    assert count(writable) == len(triples) + 1
    res = runner.invoke(app, ["push", "--endpoint", writable.store_url, "--graph", str(extra)])
    assert count(writable) == 1


def test_push_a_dataset_keeps_its_named_graphs(writable, graph_path, tmp_path):
    from rdflib import Graph

    from kg.export.formats import render_formats

    nq = tmp_path / "graph.nq"
    nq.write_bytes(render_formats(Graph().parse(graph_path), ["nq"])["graph.nq"])
    res = CliRunner().invoke(app, ["push", "--endpoint", writable.store_url, "--graph", str(nq)])
    assert res.exit_code == 0, res.output
    graphs = sparql_select(writable.query_url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert len(graphs["results"]["bindings"]) == 5
    assert count(writable) > 0


def test_push_errors(graph_path, tmp_path):
    runner = CliRunner()
    closed = free_port()
    res = runner.invoke(app, ["push", "--endpoint", f"http://127.0.0.1:{closed}/store", "--graph", str(graph_path)])
    assert res.exit_code == 1 and "PUT" in res.stderr
    assert runner.invoke(app, ["push", "--endpoint", "http://127.0.0.1:1/store",
                               "--graph", str(tmp_path / "none.ttl")]).exit_code == 2
    assert runner.invoke(app, ["push", "--endpoint", "ftp://x/store", "--graph", str(graph_path)]).exit_code == 2


def test_push_to_a_read_only_endpoint_fails(graph_path):
    with start(graph_path, free_port()) as server:
        res = CliRunner().invoke(app, ["push", "--endpoint", server.store_url, "--graph", str(graph_path)])
    assert res.exit_code == 1 and "HTTP" in res.stderr


def test_start_rejects_non_local_hosts(graph_path):
    with pytest.raises(ServerError):
        start(graph_path, free_port(), host="0.0.0.0")
