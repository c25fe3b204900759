"""SHACL validation: pyshacl (the reference) and shifty (the default) report the same violations;
kg build validates before it writes and fails on violations; kg validate's exit codes."""
from __future__ import annotations

from collections import Counter

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.validate import SHAPES_PATH, UnsupportedShape, ValidationFailed, validate

PREFIXES = """
@prefix lg: <https://w3id.org/lgkg/ontology#> .
@prefix lgr: <https://w3id.org/lgkg/id/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

GOOD = PREFIXES + """
lgr:doc-1 a lg:SourceDocument ; dcterms:identifier "r1" ; lg:sha256 "%s" .
lgr:org-1 a lg:JudicialOffice ; skos:prefLabel "东昌府区司法局"@zh ; skos:altLabel "区司法局"@zh ;
    lg:mentionedIn lgr:doc-1 ; lg:implements lgr:prog-1 ; lg:locatedIn lgr:place-1 .
lgr:place-1 a lg:County ; skos:prefLabel "东昌府区"@zh ; lg:mentionedIn lgr:doc-1 ; lg:adminCode "371502000000" .
lgr:prog-1 a lg:Brand ; skos:prefLabel "有事来聊"@zh ; lg:mentionedIn lgr:doc-1 .
lgr:ev-1 a lg:Evidence ; rdf:subject lgr:org-1 ; rdf:predicate lg:implements ; rdf:object lgr:prog-1 ;
    prov:wasDerivedFrom lgr:doc-1 ; lg:quote "东昌府区司法局打造“有事来聊”品牌。"@zh ;
    lg:charStart 0 ; lg:charEnd 18 .
lgr:source-gazetteer a lg:Gazetteer .
lgr:ev-2 a lg:Evidence ; rdf:subject lgr:org-1 ; rdf:predicate lg:locatedIn ; rdf:object lgr:place-1 ;
    prov:wasDerivedFrom lgr:source-gazetteer ; lg:quote "东昌府区"@zh .
""" % ("a" * 64)

# every kind of mistake the shapes catch, each on its own nodes
BAD = GOOD + """
lgr:org-2 a lg:Organization ; skos:prefLabel "甲"@zh , "乙"@zh ; lg:mentionedIn lgr:doc-1 .   # two prefLabels
lgr:org-3 a lg:Court ; skos:prefLabel "no language" ; lg:mentionedIn lgr:org-1 .           # lang, mentionedIn
lgr:org-4 a lg:Organization ; skos:altLabel ""@zh .                                           # no pref, no doc
lgr:prog-2 a lg:Program ; skos:prefLabel "乙项目"@zh ; lg:mentionedIn lgr:doc-1 ;
    lg:implements lgr:prog-1 ; lg:receivedAward lgr:org-1 .                                    # domain, range
lgr:reg-1 a lg:Regulation ; skos:prefLabel "办法"@zh ; lg:mentionedIn lgr:doc-1 ;
    lg:issuedBy lgr:place-1 ; lg:documentNumber "" .                                           # range, minLength
lgr:place-2 a lg:Town ; skos:prefLabel "某镇"@zh ; lg:mentionedIn lgr:doc-1 ; lg:adminCode "3715" ;
    lg:locatedIn lgr:prog-1 .                                                                  # pattern, range
lgr:doc-2 a lg:SourceDocument ; lg:sha256 "XYZ" .                                              # identifier, sha
lgr:ev-3 a lg:Evidence ; rdf:subject lgr:org-1 ; rdf:predicate lg:mentionedIn ; rdf:object lgr:place-2 ;
    prov:wasDerivedFrom lgr:doc-1 ; lg:charStart 9 ; lg:charEnd 3 .                            # in, quote, lessThan, unasserted
lgr:ev-4 a lg:Evidence ; rdf:subject lgr:org-1 ; rdf:predicate lg:implements ; rdf:object lgr:prog-1 ;
    prov:wasDerivedFrom lgr:doc-1 ; lg:quote "x"@zh ; lg:charStart -1 .                        # no charEnd, minInclusive
lgr:ev-5 a lg:Evidence ; rdf:subject lgr:org-1 ; rdf:predicate lg:implements ; rdf:object lgr:prog-1 ;
    prov:wasDerivedFrom lgr:org-1 ; lg:quote "y"@zh .                                          # or
"""


def _graph(text: str):
    from rdflib import Graph

    return Graph().parse(data=text, format="turtle")


@pytest.fixture(scope="module")
def bad_reports():
    g = _graph(BAD)
    return validate(g, "pyshacl"), validate(g, "shifty")


def test_both_engines_accept_a_good_graph():
    g = _graph(GOOD)
    for engine in ("pyshacl", "shifty"):
        report = validate(g, engine)
        assert report.conforms, report.text()


def test_shifty_reports_what_pyshacl_reports(bad_reports):
    ref, fast = bad_reports
    assert not ref.conforms and not fast.conforms
    ref_keys, fast_keys = {v.key() for v in ref.violations}, {v.key() for v in fast.violations}
    assert fast_keys == ref_keys, (sorted(ref_keys - fast_keys), sorted(fast_keys - ref_keys))
    components = {v.component for v in fast.violations}
    assert {"MinCountConstraintComponent", "MaxCountConstraintComponent", "LanguageInConstraintComponent",
            "ClassConstraintComponent", "OrConstraintComponent", "PatternConstraintComponent",
            "InConstraintComponent", "LessThanConstraintComponent", "MinInclusiveConstraintComponent",
            "MinLengthConstraintComponent", "SPARQLConstraintComponent"} <= components


def test_messages_come_from_the_shapes(bad_reports):
    _, fast = bad_reports
    text = fast.text(limit=None)
    assert "An entity has exactly one non-empty skos:prefLabel tagged @zh." in text
    assert "has no lg:Evidence node" in text and "asserted in the graph" in text
    # the relations of BAD without evidence are each named, those of GOOD are not
    missing = {(v.focus, v.path) for v in fast.violations if "has no lg:Evidence node" in v.message}
    assert ("<https://w3id.org/lgkg/id/prog-2>", "<https://w3id.org/lgkg/ontology#implements>") in missing
    assert not any(focus == "<https://w3id.org/lgkg/id/org-1>" for focus, _ in missing)


AND_SHAPES = PREFIXES + """@prefix sh: <http://www.w3.org/ns/shacl#> .
<x:both> a sh:NodeShape ; sh:targetSubjectsOf lg:implements ;
    sh:and ( [ sh:class lg:Organization ] [ sh:class lg:Place ] ) .
"""


@pytest.mark.parametrize("engine", ["shifty", "pyshacl"])
def test_sh_and_needs_every_member(tmp_path, engine):
    """The home-made engine this replaced passed a node meeting only the last member of sh:and."""
    shapes = tmp_path / "and.ttl"
    shapes.write_text(AND_SHAPES, encoding="utf-8")
    one = _graph(PREFIXES + "lgr:a a lg:Organization ; lg:implements lgr:p . lgr:b a lg:Place ; lg:implements lgr:p .")
    report = validate(one, engine, shapes=shapes)
    assert not report.conforms
    assert {(v.focus, v.component) for v in report.violations} == {
        ("<https://w3id.org/lgkg/id/a>", "AndConstraintComponent"),
        ("<https://w3id.org/lgkg/id/b>", "AndConstraintComponent")}
    both = _graph(PREFIXES + "lgr:a a lg:Organization , lg:Place ; lg:implements lgr:p .")
    assert validate(both, engine, shapes=shapes).conforms


def test_the_seeds_conform(seeds_build):
    report = validate(Path(seeds_build.outputs[0]))
    assert report.conforms and report.engine == "shifty", report.text()


def test_broken_shapes_are_an_error_not_a_pass(tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(PREFIXES + """@prefix sh: <http://www.w3.org/ns/shacl#> .
        <x:s> a sh:NodeShape ; sh:targetClass lg:Organization ;
            sh:sparql [ sh:select "SELECT $this WHERE { $this ?p " ] .""", encoding="utf-8")
    with pytest.raises(UnsupportedShape):
        validate(_graph(GOOD), "shifty", shapes=shapes)


# ---------------------------------------------------------------------------- kg validate

def test_kg_validate_exit_codes(tmp_path):
    good, bad = tmp_path / "good.ttl", tmp_path / "bad.ttl"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["validate", str(good)])
    assert res.exit_code == 0 and "conforms (shifty" in res.stdout
    res = runner.invoke(app, ["validate", str(bad), "--limit", "0"])
    assert res.exit_code == 1 and "SHACL violation" in res.stdout and "lgr:org-2" in res.stdout
    assert runner.invoke(app, ["validate", str(tmp_path / "none.ttl")]).exit_code == 2
    assert runner.invoke(app, ["validate", str(good), "--engine", "nope"]).exit_code == 2
    broken = tmp_path / "broken.ttl"
    broken.write_text("lgr:x lg:implements", encoding="utf-8")
    res = runner.invoke(app, ["validate", str(broken)])
    assert res.exit_code == 2 and str(broken) in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_kg_validate_catches_a_broken_seeds_graph(seeds_build, tmp_path):
    """The seeds' graph with one relation whose evidence was lost and one entity without a label."""
    import pyoxigraph as ox

    graph = Path(seeds_build.outputs[0])
    lg, skos = "https://w3id.org/lgkg/ontology#", "http://www.w3.org/2004/02/skos/core#"
    triples = list(ox.parse(path=str(graph), format=ox.RdfFormat.TURTLE))
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    evidence = {t.subject for t in triples if t.predicate.value == rdf + "type" and t.object.value == lg + "Evidence"}
    reified: dict = {}  # evidence node → the statement it supports
    for t in triples:
        if t.subject in evidence and t.predicate.value in (rdf + "subject", rdf + "predicate", rdf + "object"):
            reified.setdefault(t.subject, {})[t.predicate.value] = t.object.value
    statements = Counter(tuple(sorted(spo.items())) for spo in reified.values())
    ev = next(e for e in sorted(reified, key=str) if statements[tuple(sorted(reified[e].items()))] == 1)
    victim = next(t.subject for t in triples if t.predicate.value == skos + "prefLabel")
    kept = [t for t in triples if t.subject != ev and not (t.subject == victim and t.predicate.value == skos + "prefLabel")]
    broken = tmp_path / "broken.ttl"
    broken.write_bytes(ox.serialize(kept, format=ox.RdfFormat.TURTLE))
    res = CliRunner().invoke(app, ["validate", str(broken), "--limit", "0"])
    assert res.exit_code == 1, res.output
    assert "has no lg:Evidence node" in res.stdout and "skos:prefLabel" in res.stdout


# ---------------------------------------------------------------------------- kg build validates first

REPORT = "东昌府区司法局2023年工作总结\n东昌府区司法局打造“有事来聊”调解品牌。冠县获评全国法治政府建设示范县。\n"


def _strict_check(tmp_path, monkeypatch):
    """Make build's check use shapes the graph cannot meet: every Program needs an lg:sha256."""
    import kg.validate as kv

    strict = tmp_path / "strict.ttl"
    strict.write_text(SHAPES_PATH.read_text(encoding="utf-8") + """
lgsh:Impossible a sh:NodeShape ; sh:targetClass lg:Program ;
    sh:property [ sh:path lg:sha256 ; sh:minCount 1 ; sh:message "impossible"@en ] .
""", encoding="utf-8")
    real = kv.check
    monkeypatch.setattr(kv, "check", lambda data, engine="fast", **kw: real(data, engine, shapes=strict))


def test_build_fails_on_violations_and_keeps_previous_exports(tmp_path, monkeypatch):
    from kg.build import build

    src = tmp_path / "in"
    src.mkdir()
    (src / "r.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out"
    first = build([src], out, formats=["nt"], validate="shapes")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    assert {"graph.ttl", "graph.html", "graph.nt"} <= set(before)
    _strict_check(tmp_path, monkeypatch)
    with pytest.raises(ValidationFailed) as err:
        build([src], out, formats=["nt"], validate="shapes")
    assert "impossible" in err.value.report.text()
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    assert after == before
    assert first.outputs


def test_kg_build_exits_1_on_violations(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    (src / "r.txt").write_text(REPORT, encoding="utf-8")
    _strict_check(tmp_path, monkeypatch)
    res = CliRunner().invoke(app, ["build", str(src), "--out", str(tmp_path / "out"), "-q", "--no-cache",
                                   "--validate", "shapes"])
    assert res.exit_code == 1, res.output
    assert "does not conform" in res.stderr and "impossible" in res.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()
    res = CliRunner().invoke(app, ["build", str(src), "--out", str(tmp_path / "out"), "-q", "--no-cache",
                                   "--validate", "off"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "out" / "graph.ttl").exists()
    assert CliRunner().invoke(app, ["build", str(src), "--validate", "maybe", "-q"]).exit_code == 2


def _three_reports(src: Path) -> None:
    src.mkdir()
    (src / "a.txt").write_text("绵阳市司法局2024年工作总结\n绵阳市司法局牵头完成行政复议体制改革。\n", encoding="utf-8")
    (src / "b.txt").write_text(REPORT, encoding="utf-8")  # the only one with a Program
    (src / "c.txt").write_text("赣州市人民政府2023年法治政府建设情况报告\n赣州市人民政府审议通过《赣州市城市管理条例》。\n",
                               encoding="utf-8")


def test_validation_groups_run_in_forked_workers_and_name_the_failing_group(tmp_path, monkeypatch):
    """jobs=2: each group of documents is checked in a forked process; the group with a
    violation fails the build (nothing written), the others pass."""
    import os

    import kg.build as kb_mod
    import kg.validate as kv
    from kg.build import build

    src, out = tmp_path / "in", tmp_path / "out"
    _three_reports(src)
    monkeypatch.setattr(kb_mod, "CHECK_CHARS", 1)  # each document a group of its own
    pids = tmp_path / "pids"
    real = kv.check

    def recording(data, *a, **kw):
        with open(pids, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {','.join(d.doc_id for d in data.documents)}\n")
        return real(data, *a, **kw)

    monkeypatch.setattr(kv, "check", recording)
    res = build([src], out, jobs=2, validate="shapes")
    assert res.stats["documents_validated"] == 3
    seen = [line.split() for line in pids.read_text(encoding="utf-8").splitlines()]
    assert sorted(doc for _, doc in seen) == ["a", "b", "c"]
    assert str(os.getpid()) not in {pid for pid, _ in seen}  # not checked in the build process
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    pids.unlink()
    _strict_check(tmp_path, monkeypatch)
    with pytest.raises(ValidationFailed) as err:
        build([src], out, jobs=2, validate="fast")  # the option's former name
    assert "impossible" in err.value.report.text()
    (only,) = err.value.report.violations  # b's one Program; a and c conform
    assert "/prog-" in only.focus
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_the_default_build_checks_the_records_and_writes_nothing_when_one_is_broken(tmp_path, monkeypatch):
    """An evidence record without its sentence (a resolution bug, say) fails the build by the
    records' invariants, no shape being run; the exports of the previous build stay."""
    from msgspec.structs import replace

    import kg.resolve as kr
    import kg.validate as kv
    from kg.build import build

    src, out = tmp_path / "in", tmp_path / "out"
    _three_reports(src)
    first = build([src], out)
    assert first.stats["documents_validated"] == 3
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    monkeypatch.setattr(kv, "check", lambda *a, **k: pytest.fail("the default build ran the shapes"))
    real = kr.Resolution.knowledge_base

    def quoteless(self, skipped=()):
        kb = real(self, skipped)
        r = kb.relations[0]
        bad = replace(r, evidence=(replace(r.evidence[0], quote=""),))
        return replace(kb, relations=(bad, *kb.relations[1:]))

    monkeypatch.setattr(kr.Resolution, "knowledge_base", quoteless)
    with pytest.raises(ValidationFailed) as err:
        build([src], out, html=True)
    report = err.value.report
    assert report.engine == "records"
    assert [(v.component, v.path) for v in report.violations] == [
        ("MinLengthConstraintComponent", "<https://w3id.org/lgkg/ontology#quote>")]
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    res = CliRunner().invoke(app, ["build", str(src), "--out", str(out), "-q", "--no-cache"])
    assert res.exit_code == 1 and "lg:quote" in res.stderr and "records" in res.stderr


def test_prepared_sparql_parses_each_text_once_and_answers_per_binding(monkeypatch):
    """pyshacl runs one query text per focus node with the node bound: inside prepared_sparql the
    text is parsed once, each binding still gets its own answer, and rdflib's stock processor is
    back afterwards."""
    from rdflib import Graph, URIRef, plugin
    from rdflib.plugins.sparql import parser, processor
    from rdflib.plugins.sparql.processor import SPARQLProcessor
    from rdflib.query import Processor

    from kg.validate import prepared_sparql

    g = Graph().parse(data=GOOD, format="turtle")
    text = "SELECT ?label WHERE { ?this <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }"
    parses = Counter()
    real = parser.parseQuery

    def counted(q):
        parses[q] += 1
        return real(q)

    monkeypatch.setattr(parser, "parseQuery", counted)
    monkeypatch.setattr(processor, "parseQuery", counted)
    org, place = URIRef("https://w3id.org/lgkg/id/org-1"), URIRef("https://w3id.org/lgkg/id/place-1")
    with prepared_sparql():
        answers = [[str(r[0]) for r in g.query(text, initBindings={"this": node})] for node in (org, place, org)]
        with prepared_sparql():  # blocks nest
            assert [str(r[0]) for r in g.query(text, initBindings={"this": place})] == ["东昌府区"]
        assert plugin.get("sparql", Processor) is not SPARQLProcessor  # still inside the outer block
    assert answers == [["东昌府区司法局"], ["东昌府区"], ["东昌府区司法局"]]
    assert parses[text] == 1
    assert plugin.get("sparql", Processor) is SPARQLProcessor
    [[label]] = g.query(text, initBindings={"this": org})
    assert str(label) == "东昌府区司法局" and parses[text] == 2  # the stock processor parses again
