"""kg serve is a real SPARQL 1.1 Protocol endpoint (the Oxigraph server) and kg push loads the graph
into a Graph Store Protocol endpoint; both exercised over HTTP on free localhost ports."""
from __future__ import annotations

import os
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
        assert csv_rows[0].split(",") == local.variables
        served = [row.split(",") for row in csv_rows[1:]]
        assert served == [[t.value for t in r] for r in local.rows]
        assert int(served[0][2]) >= 10 and "聊城市" in {r[0] for r in served[:3]}
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
    assert res.stderr.count("\n") == 1 and f"127.0.0.1:{port}" in res.stderr and "in use" in res.stderr


def test_a_dying_server_is_reported_with_its_log(graph_path):
    """The server's own output is read before its folder is removed (it used to be lost)."""
    port = free_port()
    proc = subprocess.Popen([*kg_command(), "serve", "--graph", str(graph_path), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/query", proc)
        proc.stderr.readline()  # announced: serving
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        backend = [int(c) for c in children if "oxigraph" in Path(f"/proc/{c}/cmdline").read_text()]
        assert len(backend) == 1
        os.kill(backend[0], signal.SIGKILL)
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = proc.stderr.read()
    assert code == 1 and "stopped with exit code -9" in err and "Listening for requests" in err


def test_serve_needs_a_graph(tmp_path):
    res = CliRunner().invoke(app, ["serve", "--graph", str(tmp_path / "none.ttl"), "--port", str(free_port())])
    assert res.exit_code == 2 and "graph not found" in res.stderr


def test_library_server_stops_cleanly(graph_path):
    with start(graph_path, free_port()) as server:
        assert server.workdir.exists()
        res = sparql_select(server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert int(res["results"]["bindings"][0]["n"]["value"]) > 1000
    assert server.process.poll() is not None and not server.workdir.exists() and port_closed(server.port)


def test_a_read_only_server_serves_the_cached_query_store_by_links(graph_path, tmp_path, monkeypatch):
    from kg import server as ksrv
    from kg import store as ks

    stores = tmp_path / "cache"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    with start(graph_path, free_port(), stores=stores) as server:
        (cached,) = (stores / ks.STORES_DIR).iterdir()
        served = server.workdir / "store"
        linked = [f for f in served.rglob("*") if f.is_file() and f.stat().st_nlink > 1]
        assert linked and all((cached / f.relative_to(served)).samefile(f) for f in linked)
        first = sparql_select(server.query_url, count)
        shutil.rmtree(cached)  # the cache pruned while the server runs: its files stay
        assert sparql_select(server.query_url, count) == first
    assert int(first["results"]["bindings"][0]["n"]["value"]) > 1000
    monkeypatch.setattr(ksrv, "load_store", lambda *a: pytest.fail("the graph was loaded again"))
    with start(graph_path, free_port(), stores=stores) as again:  # the store made again, then linked
        assert sparql_select(again.query_url, count) == first


def test_oxigraph_is_the_pypi_server():
    exe = Path(oxigraph_executable())
    assert exe.parent == Path(sys.executable).parent or shutil.which("oxigraph") == str(exe)


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
    assert len(graphs["results"]["bindings"]) == 5 + 8  # the files, and the white paper's 8 county reports
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


# ---------------------------------------------------------------------------- the gateway in front

@pytest.fixture(scope="module")
def guarded(graph_path):
    with start(graph_path, free_port(), timeout=3) as server:
        yield server


def request(server, path: str = "/query", *, data: bytes | None = None, headers: dict | None = None,
            method: str | None = None, timeout: float = 30) -> tuple[int, bytes]:
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    try:
        hdrs = {"Accept": "text/csv", **(headers or {})}
        if data is not None:
            hdrs.setdefault("Content-Type", "application/x-www-form-urlencoded")
        conn.request(method or ("POST" if data is not None else "GET"), path, body=data, headers=hdrs)
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def form(query: str) -> bytes:
    return urllib.parse.urlencode({"query": query}).encode()


COUNT_AWARDS = "SELECT (COUNT(*) AS ?n) WHERE { ?x a lg:Award }"  # lg: predeclared, as in kg query


def awards(server) -> int:
    status, body = request(server, data=form(COUNT_AWARDS))
    assert status == 200, body
    return int(body.decode().split()[1])


def test_the_gateway_answers_with_kg_querys_prefixes(guarded, graph_path):
    from kg.query import load, run

    local = int(run(load(graph_path), COUNT_AWARDS).rows[0][0].value)
    assert local > 10 and awards(guarded) == local
    own = "PREFIX lg: <https://w3id.org/lgkg/ontology#> " + COUNT_AWARDS  # a query's own PREFIX still wins
    assert request(guarded, data=form(own))[1].decode().split()[1] == str(local)


def test_a_3000_level_query_is_refused_and_the_server_lives(guarded):
    deep = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
    before = awards(guarded)
    status, body = request(guarded, data=form(deep))
    assert status == 400 and b"nested 3000 levels" in body
    status, body = request(guarded, data=deep.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 400
    status, _ = request(guarded, f"/query?{urllib.parse.urlencode({'query': deep})}")
    assert status == 400
    assert guarded.process.poll() is None and awards(guarded) == before


def test_a_foreign_host_is_refused(guarded):
    for host in ("evil.example", f"evil.example:{guarded.port}", "127.0.0.1:1", "attacker.127.0.0.1.nip.io"):
        status, body = request(guarded, data=form(COUNT_AWARDS), headers={"Host": host})
        assert status == 403, host
        assert b"addressed to" in body
    for host in (f"localhost:{guarded.port}", f"127.0.0.1:{guarded.port}", f"[::1]:{guarded.port}"):
        assert request(guarded, data=form(COUNT_AWARDS), headers={"Host": host})[0] == 200, host


def test_cross_origin_posts_are_refused(guarded):
    for hdrs in ({"Origin": "http://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"},
                 {"Origin": f"http://127.0.0.1:{guarded.port}", "Sec-Fetch-Site": "same-site"}):
        status, body = request(guarded, data=form(COUNT_AWARDS), headers=hdrs)
        assert status == 403 and b"cross-origin" in body, hdrs
    same = {"Origin": f"http://localhost:{guarded.port}", "Sec-Fetch-Site": "same-origin"}
    assert request(guarded, data=form(COUNT_AWARDS), headers=same)[0] == 200


def test_cors_lets_cross_origin_queries_through_but_never_writes(graph_path):
    with start(None, free_port(), writable=True, cors=True) as server:
        foreign = {"Origin": "http://tool.example"}
        assert request(server, data=form("ASK {}"), headers=foreign)[0] == 200
        upd = urllib.parse.urlencode({"update": "INSERT DATA { <x:a> <x:b> <x:c> }"}).encode()
        assert request(server, "/update", data=upd, headers=foreign)[0] == 403
        assert request(server, "/update", data=upd)[0] in (200, 204)
        assert count(server) == 1


def test_service_is_refused_without_federation_and_no_request_is_sent(graph_path):
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    seen: list[bytes] = []
    done = threading.Event()

    def accept() -> None:  # records each connection and its first bytes, answers nothing
        while not done.is_set():
            try:
                conn, _ = listener.accept()
                seen.append(conn.recv(200))
                conn.close()
            except OSError:
                pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    q = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    try:
        with start(graph_path, free_port()) as server:
            for spelling in (q, q.replace("SERVICE", "service"), q.replace("SERVICE", "\\u0053ERVICE")):
                status, body = request(server, data=form(spelling))
                assert status == 400 and b"--federation" in body
            time.sleep(1)
            assert seen == []
        with start(graph_path, free_port(), federation=True) as server:
            request(server, data=form(q), timeout=15)
            assert seen and seen[0].startswith(b"POST /sparql")  # allowed, the same query does go out
    finally:
        done.set()
        thread.join(2)
        listener.close()


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_a_long_query_is_cancelled_and_frees_the_server(guarded):
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    t0 = time.monotonic()
    status, body = request(guarded, data=form(cross), timeout=60)
    assert status == 503 and b"cancelled" in body
    assert time.monotonic() - t0 < 30  # the server's limit is 3 s (it would run for hours)
    assert awards(guarded) > 10  # answering again
    pid = guarded.process.pid
    before = _cpu_seconds(pid)
    time.sleep(1.5)
    assert _cpu_seconds(pid) - before < 0.5  # nothing left running on a core


def test_an_abandoned_query_does_not_keep_a_core(guarded):
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with socket.create_connection(("127.0.0.1", guarded.port)) as s:
        body = form(cross)
        s.sendall(b"POST /query HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/x-www-form-urlencoded"
                  b"\r\nContent-Length: %d\r\n\r\n%s" % (guarded.port, len(body), body))
        time.sleep(0.5)
    time.sleep(8)  # the 3 s limit, its grace, and a restart
    pid = guarded.process.pid
    before = _cpu_seconds(pid)
    time.sleep(1.5)
    assert _cpu_seconds(pid) - before < 0.5
    assert awards(guarded) > 10


def test_push_to_a_non_http_reply_or_a_bad_url_is_one_line(graph_path):
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]

    def answer_like_ssh() -> None:
        conn, _ = listener.accept()
        conn.settimeout(1)
        try:  # read the whole request (closing on unread data would reset the connection)
            while conn.recv(65536):
                pass
        except OSError:
            pass
        conn.sendall(b"SSH-2.0-OpenSSH_9.2\r\n\x1b]0;pwned\x07\r\n")
        conn.close()

    thread = threading.Thread(target=answer_like_ssh, daemon=True)
    thread.start()
    runner = CliRunner()
    endpoint = f"http://127.0.0.1:{port}/store"
    try:
        res = runner.invoke(app, ["push", "--endpoint", endpoint, "--graph", str(graph_path)])
    finally:
        thread.join(5)
        listener.close()
    assert res.exit_code == 1 and res.exception is None or isinstance(res.exception, SystemExit)
    assert res.stderr.count("\n") == 1 and endpoint in res.stderr and "not answer in HTTP" in res.stderr
    assert "\x1b" not in res.stderr
    for bad in ("http://127.0.0.1:abc/store", "http://[::1/store", "http:///store"):
        res = runner.invoke(app, ["push", "--endpoint", bad, "--graph", str(graph_path)])
        assert res.exit_code == 2 and isinstance(res.exception, SystemExit), bad
        assert res.stderr.count("\n") == 1 and bad in res.stderr, res.stderr
