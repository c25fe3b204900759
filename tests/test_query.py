"""kg query and the named queries of queries/: real answers on the seeds' graph, the same on
pyoxigraph and on rdflib (the reference), parameters bound and never pasted, errors with positions."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.query import PREFIXES, QueryError, load, named_queries, run, run_named, with_defaults

from .conftest import ROOT, SEEDS

NAMED = named_queries()


@pytest.fixture(scope="module")
def graph_path(seeds_build) -> Path:
    return Path(seeds_build.outputs[0])


@pytest.fixture(scope="module")
def ox(graph_path):
    return load(graph_path, "oxigraph")


@pytest.fixture(scope="module")
def ref(graph_path):
    return load(graph_path, "rdflib")


def cli(*args: str):
    return CliRunner().invoke(app, list(args))


def rows(result) -> list[dict]:
    return result.records()


# ---------------------------------------------------------------------------- the collection

def test_at_least_twelve_named_queries_each_with_a_comment():
    assert len(NAMED) >= 12
    for name, nq in NAMED.items():
        assert nq.summary and nq.description and len(nq.description) > len(nq.summary), name
        assert nq.text.lstrip().startswith("#"), name
        for param in nq.params:  # pyoxigraph substitutes only projected variables
            assert f"?{param}" in nq.text.split("WHERE")[0], (name, param)


def test_list_prints_one_named_query_per_line():
    res = cli("query", "--list")
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert [ln.split("\t")[0] for ln in lines] == sorted(NAMED)
    assert all("\t" in ln and ln.split("\t")[1] for ln in lines)


@pytest.mark.parametrize("name", sorted(NAMED))
def test_named_query_answers_and_engines_agree(name, ox, ref):
    nq = NAMED[name]
    a = run(ox, nq.text, with_defaults(nq, {}))
    b = run(ref, nq.text, with_defaults(nq, {}))
    assert a.kind == b.kind
    if a.kind == "select":
        assert a.rows, f"{name} has no answer on the seeds"
        assert a.variables == b.variables
        assert sorted(map(str, a.rows)) == sorted(map(str, b.rows)), name
    elif a.kind == "graph":
        assert a.triples
        assert sorted(map(str, a.triples)) == sorted(map(str, b.triples))
    else:
        assert a.boolean == b.boolean


# ---------------------------------------------------------------------------- real answers

def test_programs_of_brand(ox):
    res = rows(run_named(ox, "programs_of_brand", brand="有事来聊"))
    assert "东昌府区司法局" in {r["implementer"] for r in res}
    other = rows(run_named(ox, "programs_of_brand", brand="枫桥经验"))
    assert other and "有事来聊" not in "".join(r["program"] for r in other)


def test_awards_conferred(ox):
    res = {(r["conferredBy"], r["award"], r["receivedBy"]) for r in rows(run_named(ox, "awards_conferred"))}
    assert ("山东省司法厅", "全省司法行政系统先进集体", "济宁市司法局") in res
    assert any(c == "司法部" and rec == "济宁市司法局" for c, _, rec in res)
    only = rows(run_named(ox, "awards_conferred", recipient="济宁市司法局"))
    assert only and {r["receivedBy"] for r in only} == {"济宁市司法局"}


def test_regulations_by_issuer_with_document_numbers(ox):
    res = rows(run_named(ox, "regulations_by_issuer"))
    assert {"regulation": "聊城市居住证实施办法", "documentNumber": "聊政办字〔2022〕22号",
            "issuedBy": "聊城市人民政府办公室"}.items() <= next(
        r for r in res if r["regulation"] == "聊城市居住证实施办法").items()
    narrowed = rows(run_named(ox, "regulations_by_issuer", issuer="聊城市人民政府办公室"))
    assert narrowed and all("聊城市人民政府办公室" in r["issuedBy"] for r in narrowed)
    assert "聊城市居住证实施办法" in {r["regulation"] for r in narrowed}
    assert len(narrowed) < len(res)


def test_places_in_the_three_province_four_county_linkage(ox):
    places = {r["place"] for r in rows(run_named(ox, "linkage_places", linkage="三省四县"))}
    assert {"冠县", "莘县", "大名县", "南乐县"} <= places
    assert "济宁市" not in places


def test_place_hierarchy_under_a_city(ox):
    res = rows(run_named(ox, "place_hierarchy", top="聊城市"))
    by_place = {r["place"]: r for r in res}
    for county in ("冠县", "东昌府区"):
        assert by_place[county]["parent"] == "聊城市" and by_place[county]["depth"] == "1"
    deeper = [r for r in res if int(r["depth"]) >= 2]
    assert deeper and all(by_place.get(r["parent"]) for r in deeper)  # parents are inside too
    assert "济宁市" not in by_place and "任城区" not in by_place


def test_programs_per_county(ox):
    res = rows(run_named(ox, "programs_per_county"))
    counts = {r["county"]: int(r["programs"]) for r in res}
    assert counts.get("东昌府区", 0) >= 1 and counts.get("冠县", 0) >= 1
    ordered = [int(r["programs"]) for r in res]
    assert ordered == sorted(ordered, reverse=True)


def test_relation_evidence_quotes_are_the_seed_text(ox):
    texts = {p.stem: p.read_text(encoding="utf-8-sig") for p in SEEDS.glob("*.txt")}
    res = rows(run_named(ox, "relation_evidence"))
    assert len(res) > 300
    for r in res:
        if r["document"] is None:
            continue
        text = texts[r["document"].split("#")[0]]  # a section (<file>#<n>) quotes its file
        assert r["quote"] in text
        assert text[int(r["start"]):int(r["end"])] == r["quote"]
    one = rows(run_named(ox, "relation_evidence", subject="东昌府区司法局", relation="implements", object="有事来聊"))
    assert one and all(r["predicate"] == "implements" and "有事来聊" in r["quote"] for r in one)


def test_rankings(ox):
    progs = rows(run_named(ox, "most_implemented_programs"))
    counts = [int(r["implementers"]) for r in progs]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 2
    awarded = {r["recipient"]: int(r["awards"]) for r in rows(run_named(ox, "most_awarded"))}
    assert awarded.get("济宁市司法局", 0) >= 3 and awarded.get("聊城市", 0) >= 3


def test_documents_labels_and_organisations(ox):
    texts = {p.stem: p.read_text(encoding="utf-8-sig") for p in SEEDS.glob("*.txt")}
    docs = {r["document"] for r in rows(run_named(ox, "documents_mentioning", name="有事来聊"))}
    # a section of a compilation is named <file>#<n>
    assert docs and all("有事来聊" in texts[d.split("#")[0]] for d in docs)
    labels = rows(run_named(ox, "entity_labels", name="聊城市司法局"))
    assert {r["prefLabel"] for r in labels} == {"聊城市司法局"}
    orgs = {r["organisation"] for r in rows(run_named(ox, "organisations_in_place", place="冠县"))}
    assert "冠县司法局" in orgs


def test_counts_agree_with_the_graph(ox, ref):
    from rdflib.namespace import DCTERMS, RDF

    from kg.vocab import LG

    res = {(r["kind"], r["name"]): int(r["count"]) for r in rows(run_named(ox, "entity_counts"))}
    files = len(list(SEEDS.glob("*.txt")))
    sections = len(set(ref.store.subjects(DCTERMS.isPartOf, None)))
    assert sections and res[("class", "SourceDocument")] == files + sections
    for c in ("Organization", "Regulation", "Program", "Place", "Award", "Person"):
        assert res[("class", c)] > 0
    for rel in ("implements", "receivedAward", "awardedBy", "locatedIn", "issuedBy"):
        assert res[("relation", rel)] == len(set(ref.store.subject_objects(LG[rel])))
    per_doc = sum(int(r["evidence"]) for r in rows(run_named(ox, "relations_per_document")))
    from_docs = {e for e in ref.store.subjects(RDF.type, LG.Evidence)
                 if (ref.store.value(e, LG.charStart) is not None)}
    assert per_doc == len(from_docs)


def test_ask_and_construct(ox):
    assert run_named(ox, "unsupported_relations").boolean is False
    net = run_named(ox, "relation_network")
    preds = {t.predicate.value for t in net.triples}
    assert PREFIXES["lg"] + "implements" in preds and PREFIXES["lg"] + "quote" not in preds


# ---------------------------------------------------------------------------- binding, never pasting

@pytest.mark.parametrize("hostile", ['"} UNION { ?who ?x ?program } #', "有事来聊\") || true || (\"", "\\", "\n}"])
def test_bound_values_are_literals_not_query_text(ox, ref, hostile):
    for loaded in (ox, ref):
        res = run_named(loaded, "programs_of_brand", brand=hostile)
        assert res.rows == [], (loaded.engine, hostile)


def test_ask_with_a_binding_runs_on_the_reference_engine(ox):
    q = 'ASK { ?e skos:prefLabel ?l . FILTER(STR(?l) = ?name) }'
    assert run(ox, q, {"name": "冠县"}).boolean is True
    assert run(ox, q, {"name": "冠县\" || true || \""}).boolean is False


# ---------------------------------------------------------------------------- the command

def test_cli_runs_a_named_query_with_bind(graph_path):
    res = cli("query", "programs_of_brand", "--graph", str(graph_path), "--bind", "brand=有事来聊")
    assert res.exit_code == 0, res.output
    assert "东昌府区司法局" in res.stdout and res.stdout.rstrip().endswith("rows)")


def test_cli_formats(graph_path):
    res = cli("query", "regulations_by_issuer", "-g", str(graph_path), "--format", "json")
    doc = json.loads(res.stdout)
    assert "regulation" in doc["head"]["vars"]
    hit = [b for b in doc["results"]["bindings"] if b["regulation"]["value"] == "聊城市居住证实施办法"]
    assert hit and hit[0]["documentNumber"]["value"] == "聊政办字〔2022〕22号"
    assert hit[0]["regulation"]["xml:lang"] == "zh"
    res = cli("query", "regulations_by_issuer", "-g", str(graph_path), "--format", "csv")
    table = list(csv.reader(io.StringIO(res.stdout)))
    assert table[0][:3] == ["issuer", "issuedBy", "regulation"]
    assert any(r[2] == "聊城市居住证实施办法" and r[3] == "聊政办字〔2022〕22号" for r in table[1:])
    res = cli("query", "ASK { ?x a lg:Award }", "-g", str(graph_path))
    assert res.stdout.strip() == "true"
    res = cli("query", "relation_network", "-g", str(graph_path))
    from rdflib import Graph
    g = Graph().parse(data=res.stdout, format="turtle")
    assert len(g) > 100


def test_predeclared_prefixes(graph_path):
    assert set(PREFIXES) == {"lg", "lgr", "skos", "prov", "dcterms", "rdfs", "rdf", "owl", "org", "eli",
                             "schema", "xsd"}
    q = ("SELECT (COUNT(*) AS ?n) WHERE { ?x a lg:Program ; skos:prefLabel ?l . "
         "lg:Regulation rdfs:subClassOf eli:LegalResource . ?d a lg:SourceDocument ; dcterms:identifier ?i }")
    res = cli("query", q, "-g", str(graph_path), "-f", "csv")
    assert res.exit_code == 0, res.output
    assert int(res.stdout.splitlines()[1]) > 0


def test_query_file(graph_path, tmp_path):
    f = tmp_path / "mine.rq"
    f.write_text("SELECT ?l WHERE { ?x a lg:County ; skos:prefLabel ?l } ORDER BY ?l", encoding="utf-8")
    res = cli("query", str(f), "-g", str(graph_path))
    assert res.exit_code == 0 and "冠县" in res.stdout


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_syntax_errors_give_position_and_exit_2(graph_path, engine):
    res = cli("query", "SELECT ?s WHERE {\n  ?s ?p \n}", "-g", str(graph_path), "--engine", engine)
    assert res.exit_code == 2
    assert "query:" in res.stderr and "syntax error" in res.stderr
    line, col = res.stderr.split("query:")[1].split(":")[:2]
    assert int(line) in (2, 3) and int(col) >= 1
    assert "^" in res.stderr


def test_errors_exit_2(graph_path, tmp_path):
    assert cli("query", "no_such_query", "-g", str(graph_path)).exit_code == 2
    assert cli("query", "programs_of_brand", "-g", str(tmp_path / "missing.ttl")).exit_code == 2
    assert cli("query", "programs_of_brand", "-g", str(graph_path), "--bind", "nope=1").exit_code == 2
    assert cli("query", "programs_of_brand", "-g", str(graph_path), "--format", "turtle").exit_code == 2
    with pytest.raises(QueryError):
        from kg.query import parse_binding
        parse_binding("no-equals-sign")


# ---------------------------------------------------------------------------- every named query, one fact each

def _has(**fact: str):
    """A row with these values (IRIs compacted) is in the answer."""
    return lambda res: any(fact.items() <= r.items() for r in res.records(compact_iris=True))


#: what each named query must answer on the seeds: a fact a user of that query relies on
FACTS = {
    "awards_conferred": _has(conferredBy="山东省司法厅", award="全省司法行政系统先进集体", receivedBy="济宁市司法局"),
    "documents_mentioning": lambda res: {r["file"] for r in res.records()} >= {"001_69c4dd6300acab87.txt"},
    "entity_counts": lambda res: int(next(r["count"] for r in res.records()
                                          if (r["kind"], r["name"]) == ("class", "SourceDocument"))) == 5 + 8,
    # (5 files and the 8 county reports of the white paper)
    "entity_labels": _has(prefLabel="聊城市司法局", altLabel="市司法局", entityType="lg:GovernmentDepartment"),
    "linkage_places": lambda res: {r["place"] for r in res.records()} >= {"冠县", "莘县", "大名县", "南乐县"},
    "most_awarded": lambda res: int(res.records()[0]["awards"]) >= 10
    and "聊城市" in {r["recipient"] for r in res.records()[:3]},
    "most_implemented_programs": _has(program="三省四县跨省联调机制"),
    "organisations_in_place": _has(organisation="冠县人民政府", locatedIn="冠县"),
    "place_hierarchy": _has(place="东昌府区", parent="聊城市", depth="1"),
    "programs_of_brand": _has(implementer="东昌府区司法局", program="“有事来聊”"),
    "programs_per_county": lambda res: res.records()[0]["county"] == "东昌府区",
    "regulations_by_issuer": _has(regulation="聊城市居住证实施办法", documentNumber="聊政办字〔2022〕22号",
                                  issuedBy="聊城市人民政府办公室"),
    "relation_evidence": _has(head="“1+3”多元化解纠纷模式", predicate="receivedAward", tail="第二批“全国法治政府建设示范项目”"),
    "relation_network": lambda res: any(t.predicate.value == PREFIXES["lg"] + "implements" for t in res.triples)
    and not any(t.predicate.value == PREFIXES["lg"] + "quote" for t in res.triples),
    "relations_per_document": _has(document="000_8542eef7aaf2db40", relation="implements"),
    "unsupported_relations": lambda res: res.boolean is False,
    "awards_by_year": _has(year="2024", recipient="聊城市司法局", award="全国“八五”普法中期表现突出单位"),
    "documents_by_year": _has(identifier="001_69c4dd6300acab87", year="2023", author="东昌府区司法局",
                              title="东昌府区司法局2023年度法治政府建设情况报告"),
    "instruments_in_force": _has(instrument="聊城市户外广告设施和招牌设置管理条例", inForce="2022-01-01"),
    "new_in_year": _has(relation="implements", what="“有事来聊”"),
    "place_timeline": lambda res: {r["year"] for r in res.records()} >= {"2022", "2024"},
    "measure_across_places": _has(measure="行政许可受理数量", year="2022", place="临清市", value="43324"),
    "place_figures": _has(place="临清市", year="2022", measure="行政许可受理数量", value="43324"),
    "table_checks": lambda res: res.records() and all(r["addsUp"] == "true" for r in res.records()),
}


def test_every_named_query_has_a_fact():
    assert set(FACTS) == set(NAMED)


@pytest.mark.parametrize("name", sorted(NAMED))
def test_named_query_answers_its_fact_on_the_seeds(ox, name):
    res = run_named(ox, name)
    assert FACTS[name](res), res.records(compact_iris=True)[:5] if res.kind == "select" else res.kind


@pytest.mark.parametrize("name", sorted(NAMED))
def test_named_query_answers_its_fact_on_the_committed_exports(name):
    """exports/graph.ttl is what users query by default."""
    res = run_named(_committed(), name)
    assert FACTS[name](res), name


_COMMITTED: list = []


def _committed():
    if not _COMMITTED:
        _COMMITTED.append(load(ROOT / "exports" / "graph.ttl", "oxigraph"))
    return _COMMITTED[0]


# ---------------------------------------------------------------------------- limits and hostile queries

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _kg(*args: str, timeout: float = 120, **kw):
    import subprocess
    import sys

    return subprocess.run([str(Path(sys.executable).parent / "kg"), *args], capture_output=True, text=True,
                          timeout=timeout, **kw)


def test_a_cross_product_ends_at_the_timeout_with_one_line(graph_path):
    import time

    t0 = time.monotonic()
    res = _kg("query", CROSS, "-g", str(graph_path), "--timeout", "3")
    assert res.returncode == 1, res.stderr
    assert res.stderr.count("\n") == 1 and "3 s" in res.stderr and "--timeout" in res.stderr
    assert time.monotonic() - t0 < 60  # it would run for hours


def test_a_query_over_its_memory_is_stopped(graph_path):
    res = _kg("query", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f", "-g", str(graph_path),
              "--memory", "400", "--timeout", "120")
    assert res.returncode == 1, res.stderr[-500:]
    assert res.stderr.count("\n") == 1 and "--memory" in res.stderr
    ok = _kg("query", "ASK { ?x a lg:Award }", "-g", str(graph_path), "--memory", "400")
    assert ok.returncode == 0 and ok.stdout.strip() == "true"  # the cap leaves room for real queries


def test_ctrl_c_stops_a_running_query(graph_path):
    import signal
    import subprocess
    import sys
    import time

    proc = subprocess.Popen([str(Path(sys.executable).parent / "kg"), "query", CROSS, "-g", str(graph_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(4)  # the child is running the query by now
    proc.send_signal(signal.SIGINT)
    try:
        _out, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    assert proc.returncode == 130 and "interrupted" in err


@pytest.mark.parametrize("shape", ["{", "(", "["])
def test_a_deeply_nested_query_is_refused_not_a_crash(graph_path, shape):
    close = {"{": "}", "(": ")", "[": "]"}[shape]
    body = {"{": "{" * 3000 + " ?s ?p ?o " + "}" * 3000,
            "(": "{ FILTER(" + "(" * 3000 + "1" + ")" * 3000 + ") }",
            "[": "{ ?s ?p " + "[ ?p " * 3000 + "1" + " ]" * 3000 + " }"}[shape]
    assert body.count(shape) >= 3000 and body.count(close) >= 3000
    res = _kg("query", "SELECT * WHERE " + body, "-g", str(graph_path))
    assert res.returncode == 2, (res.returncode, res.stderr[-300:])
    assert "nested" in res.stderr and res.stderr.count("\n") == 1


def test_nesting_is_counted_outside_strings_and_comments_only():
    from kg.sparqlguard import MAX_DEPTH, scan

    assert scan('SELECT * { FILTER(CONTAINS(?l, "' + "(" * 500 + '")) } # ' + "{" * 500).depth == 3
    assert scan("SELECT * WHERE " + "{" * MAX_DEPTH + "}" * MAX_DEPTH).depth == MAX_DEPTH
    # an escaped quote does not end a string; a comment ends at a carriage return too
    assert scan('SELECT * { BIND("\\"((" AS ?x) }').depth == 2
    assert scan("SELECT * { #x\r" + "{" * 200 + "}" * 200 + " }").depth == 201


def test_a_query_at_the_depth_limit_runs(ox):
    from kg.sparqlguard import MAX_DEPTH

    q = "SELECT (COUNT(*) AS ?n) WHERE " + "{" * (MAX_DEPTH - 1) + " ?s a lg:Award " + "}" * (MAX_DEPTH - 1)
    assert int(run(ox, q).rows[0][0].value) > 10


@pytest.mark.parametrize("spelling", ["SERVICE", "service", "\\u0053ERVICE"])
def test_service_is_refused_and_sends_nothing(graph_path, spelling):
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    connections: list = []
    done = threading.Event()

    def accept() -> None:
        while not done.is_set():
            try:
                conn, _ = listener.accept()
                connections.append(conn.recv(200))
                conn.close()
            except OSError:
                pass

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    q = f"SELECT * WHERE {{ {spelling} <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    try:
        res = _kg("query", q, "-g", str(graph_path))
        assert res.returncode == 2 and "SERVICE" in res.stderr and "--federation" in res.stderr
        assert connections == []
        if spelling == "SERVICE":  # the listener does see the request when federation is allowed
            _kg("query", q, "-g", str(graph_path), "--federation", "--timeout", "20")
            assert connections and connections[0].startswith(b"POST /sparql")
    finally:
        done.set()
        t.join(2)
        listener.close()


def test_terminal_escapes_in_labels_are_shown_not_obeyed(graph_path, tmp_path):
    hostile = tmp_path / "hostile.ttl"
    hostile.write_text('<https://w3id.org/lgkg/id/x> <http://www.w3.org/2004/02/skos/core#prefLabel> '
                       '"A\\u001B]0;pwned\\u0007B\\u009B31mC\\u202ED"@zh .\n', encoding="utf-8")
    q = "SELECT ?l WHERE { ?x skos:prefLabel ?l }"
    table = cli("query", q, "-g", str(hostile)).stdout
    assert "\x1b" not in table and "\x07" not in table and "\x9b" not in table and "\u202e" not in table
    assert "A\\x1b]0;pwned\\x07B\\x9b31mC\\u202eD" in table
    data = json.loads(cli("query", q, "-g", str(hostile), "-f", "json").stdout)
    assert data["results"]["bindings"][0]["l"]["value"] == "A\x1b]0;pwned\x07B\x9b31mC\u202eD"  # data kept
    raw_json = cli("query", q, "-g", str(hostile), "-f", "json").stdout
    assert "\x1b" not in raw_json and "\\u001b" in raw_json.lower()
    tsv = cli("query", q, "-g", str(hostile), "-f", "tsv").stdout
    assert "\x1b" not in tsv and "\x9b" not in tsv
    assert list(csv.reader(io.StringIO(cli("query", q, "-g", str(hostile), "-f", "csv").stdout)))[1] == [
        "A\x1b]0;pwned\x07B\x9b31mC\u202eD"]
