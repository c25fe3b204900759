"""Parallel extraction (kg build --jobs N) and the Turtle / N-Triples writers it relies on:
the output is the same bytes whatever the number of processes, and the writers state exactly
the triples of kg.graph.build_graph."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal

from kg.model import (DocContext, DocExtraction, Entity, EntityKey, EntityType, Evidence, KnowledgeBase, Predicate,
                      Relation, SourceDocument)

from .conftest import SEEDS


def _docs(n: int = 7) -> list[SourceDocument]:
    return [SourceDocument(f"d{i}", f"/x/d{i}.txt", "聊城市司法局" * (i + 1), "utf-8", str(i)) for i in range(n)]


# ---------------------------------------------------------------------------- the pool

def test_batches_hold_every_document_once_longest_first():
    from kg.parallel import batches

    docs = _docs(9)
    groups = batches(docs, workers=2, batch_chars=40)
    flat = [d.doc_id for g in groups for d in g]
    assert sorted(flat) == sorted(d.doc_id for d in docs) and len(flat) == len(set(flat))
    assert flat[0] == "d8"  # the longest goes first
    assert all(sum(len(d.text) for d in g) <= 40 or len(g) == 1 for g in groups)
    assert batches([], 2) == []


def test_parallel_extraction_equals_serial_in_document_order():
    from kg.parallel import extract_parallel, extract_serial
    from kg.reader import find_inputs, read_all

    docs = [d for d in read_all(find_inputs([SEEDS])) if len(d.text) < 20000][:3]
    done: list[str] = []
    par = extract_parallel(docs, 2, on_done=lambda d: done.append(d.doc_id))
    assert sorted(done) == sorted(d.doc_id for d in docs)
    assert [ex.document for ex in par] == docs  # documents (with their texts) put back, in order
    assert par == extract_serial(docs)


def test_serial_extraction_keeps_its_results_out_of_the_collector():
    """The results are frozen as they come (no collector pass walks them again) and the
    collector's state is restored after, whether it was on or off."""
    import gc

    from kg.parallel import extract_serial

    docs = _docs(3)
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            before = gc.get_freeze_count()
            exs = extract_serial(docs)
            assert gc.isenabled() is enabled
            assert gc.get_freeze_count() > before
            assert not any(ex is o for o in gc.get_objects() for ex in exs[:1])  # none left tracked
            assert [ex.document for ex in exs] == docs
    finally:
        gc.enable()
        gc.unfreeze()


def test_jobs_2_from_a_script_without_a_main_guard(tmp_path):
    """Users call build(jobs=2) from plain scripts: workers must not re-run the script."""
    import subprocess
    import sys

    src = tmp_path / "in"
    src.mkdir()
    for name in ("a", "b", "c"):
        (src / f"{name}.txt").write_text(f"{name}\n冠县司法局推进“有事来聊”品牌建设。\n", encoding="utf-8")
    script = tmp_path / "unguarded.py"
    script.write_text("from pathlib import Path\nfrom kg.build import build\n"
                      f"r = build([Path({str(src)!r})], Path({str(tmp_path / 'o')!r}), html=False, jobs=2)\n"
                      "print(len(r.kb.documents))\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "3"


def test_jobs_2_writes_the_same_bytes_as_jobs_1(seeds_build, tmp_path):
    from kg.build import build

    res = build([SEEDS], tmp_path, html=False, jobs=2)
    assert res.outputs[0].read_bytes() == Path(seeds_build.outputs[0]).read_bytes()
    assert res.stats["documents_extracted"] == len(list(SEEDS.glob("*.txt")))


def test_cli_jobs_and_engine_options(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("聊城市司法局2023年工作总结\n冠县司法局推进“有事来聊”品牌建设。\n", encoding="utf-8")
    (src / "b.txt").write_text("东昌府区司法局实施《聊城市居住证实施办法》。\n", encoding="utf-8")
    r = runner.invoke(app, ["build", str(src), "--out", str(tmp_path / "o2"), "--jobs", "2", "--no-cache",
                            "--no-html", "-q"])
    assert r.exit_code == 0, r.output
    r1 = runner.invoke(app, ["build", str(src), "--out", str(tmp_path / "o1"), "--no-cache", "--no-html", "-q"])
    assert r1.exit_code == 0, r1.output
    assert (tmp_path / "o1" / "graph.ttl").read_bytes() == (tmp_path / "o2" / "graph.ttl").read_bytes()
    for bad in (["--jobs", "0"], ["--engine", "spark"], ["--scheduler", "tcp://127.0.0.1:8786"],
                ["--no-cache", "--cache-dir", str(tmp_path / "c")]):
        r = runner.invoke(app, ["build", str(src), "--out", str(tmp_path / "o3"), *bad])
        assert r.exit_code == 2, (bad, r.output)


# ---------------------------------------------------------------------------- the writers

def _nasty_kb() -> KnowledgeBase:
    """Strings a serialiser must escape, a gazetteer-backed relation, a property, an empty alt list."""
    doc = SourceDocument("r1", "/in/r1.txt", "…", "utf-8", "ab" * 32)
    org = EntityKey(EntityType.ORGANIZATION, '聊城市"司法局"\\')
    place = EntityKey(EntityType.PLACE, "聊城市")
    county = EntityKey(EntityType.PLACE, "冠县")
    reg = EntityKey(EntityType.REGULATION, "《条例》\n第二行\r\t\x0b😀")
    ents = (
        Entity(org, "JudicialOffice", ("司法局", "a\\b", 'say "hi"'), ("r1",)),
        Entity(place, "PrefectureCity", (), ("r1",), (("adminCode", "371500"),)),
        Entity(county, None, (), ("r1",)),
        Entity(reg, None, ("条例",), ("r1",), (("documentNumber", "聊政办字〔2022〕22号"),)),
    )
    rels = (
        Relation(org, Predicate.LOCATED_IN, place, (Evidence("r1", '他说:"好"\n下一行', 3, 12),)),
        Relation(county, Predicate.LOCATED_IN, place, (Evidence(None, "冠县 ⊂ 聊城市", 0, 0, "gazetteer"),)),
        Relation(reg, Predicate.ISSUED_BY, org, (Evidence("r1", "q1", 1, 2), Evidence("r1", "q2", 5, 9))),
    )
    return KnowledgeBase((doc,), ents, rels)


@pytest.mark.parametrize("which", ["seeds", "nasty"])
def test_turtle_and_ntriples_state_exactly_the_graphs_triples(which, seeds_build):
    from kg.export.rdf import iter_ntriples, turtle_bytes
    from kg.graph import build_graph

    kb = seeds_build.kb if which == "seeds" else _nasty_kb()
    g = build_graph(kb)
    ttl = turtle_bytes(kb)
    assert ttl == turtle_bytes(kb)  # deterministic
    # the rdflib graph's Turtle has the same prefixes and the same subject blocks, byte for byte,
    # all in order of their names; the knowledge base's puts each document's own after the rest
    head, _, body = ttl.partition(b"\n\n")
    g_head, _, g_body = turtle_bytes(g).partition(b"\n\n")
    assert head == g_head
    assert sorted(body.split(b" .\n\n")) == sorted(g_body.split(b" .\n\n"))
    parsed = Graph().parse(data=ttl, format="turtle")
    assert set(parsed) == set(g)
    nt = Graph().parse(data="".join(iter_ntriples(kb)), format="nt")
    assert set(nt) == set(g)
    if which == "nasty":
        assert any(o == Literal("《条例》\n第二行\r\t\x0b😀", lang="zh") for o in g.objects())


def test_written_turtle_is_the_contract_file(seeds_build):
    ttl = Path(seeds_build.outputs[0]).read_text(encoding="utf-8")
    assert ttl.startswith("@prefix ")
    assert "@prefix lg: <https://w3id.org/lgkg/ontology#> ." in ttl
    assert " a lg:SourceDocument ;" in ttl


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own N-Quads parser
def test_ntriples_and_nquads_stream_to_files(tmp_path):
    from kg.export.rdf import write_nquads_stream, write_ntriples_stream
    from kg.graph import build_graph

    kb = _nasty_kb()
    g = build_graph(kb)
    nt = write_ntriples_stream(kb, tmp_path / "g.nt")
    assert set(Graph().parse(nt, format="nt")) == set(g)
    nq = write_nquads_stream(kb, tmp_path / "g.nq", graph="https://w3id.org/lgkg/id/graph")
    lines = nq.read_text(encoding="utf-8").splitlines()
    assert lines and all(line.endswith(" <https://w3id.org/lgkg/id/graph> .") for line in lines)
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(nq, format="nquads")
    assert {(s, p, o) for s, p, o, _ in ds.quads()} == set(g)


def test_an_empty_graph_is_valid_turtle():
    from kg.export.rdf import turtle_bytes

    ttl = turtle_bytes(KnowledgeBase((), (), ()))
    assert len(Graph().parse(data=ttl, format="turtle")) == 0


def test_doc_extraction_survives_the_pool_boundary():
    import pickle

    from kg.transport import restore_text, strip_text

    d = _docs(1)[0]
    ex = DocExtraction(d, DocContext("山东省", "聊城市"), (), ())
    small = pickle.loads(pickle.dumps(strip_text(ex)))
    assert small.document.text == "" and restore_text(small, d) == ex
    with pytest.raises(ValueError):
        restore_text(small, _docs(2)[1])


def _slow_start() -> None:
    """A spare worker's start-up as long as a fresh process's (spaCy's import: about 2 s), which
    this test process's forks skip, having imported it."""
    import time

    time.sleep(3)


def _gone(pid: int, within: float = 5.0) -> bool:
    """Whether process `pid` ended (or is a zombie) within `within` seconds."""
    import time

    end = time.monotonic() + within
    while time.monotonic() < end:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state == "Z":
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_spare_worker_extracts_a_few_new_reports_and_is_killed_when_unused(monkeypatch):
    """A rebuild's worker starts before its reports are read: it extracts them when they fit
    one batch; a larger batch gets a pool of its own and the spare, like an unused one, is killed
    at once instead of finishing its start-up."""
    import time

    import kg.parallel as parallel
    from kg.parallel import SpareWorker, Started, extract_serial, fork_is_safe
    from kg.reader import find_inputs, read_all

    if not fork_is_safe():
        pytest.skip("no fork here")
    docs = [d for d in read_all(find_inputs([SEEDS])) if len(d.text) < 20000][:2]
    serial = extract_serial(docs)

    spare = SpareWorker()
    worker = spare._pid.result(timeout=10)
    assert Started(docs, 2, spare).results() == serial
    spare.discard()  # taken: the taker's pool has ended it; nothing else is killed
    assert _gone(worker)

    monkeypatch.setattr(parallel, "_warm", _slow_start)
    unused = SpareWorker()
    worker = unused._pid.result(timeout=10)
    t = time.perf_counter()
    unused.discard()
    assert time.perf_counter() - t < 1.0 and _gone(worker, 1.0)

    monkeypatch.setattr(parallel, "BATCH_CHARS", 10)  # the new reports are more than a batch
    outgrown = SpareWorker()
    worker = outgrown._pid.result(timeout=10)
    assert Started(docs, 2, outgrown).results() == serial
    assert _gone(worker, 1.0)


def test_a_stopped_pool_leaves_no_thread_or_worker_behind():
    """Stopping a pool mid-batch (a build's Ctrl-C or SIGTERM) kills its workers and ends its
    manager thread before returning: a manager thread still closing its pipe while the
    interpreter exits printed a traceback after kg's one-line message."""
    import threading
    import time
    from concurrent.futures import ProcessPoolExecutor

    from kg.parallel import _context, _stop, fork_is_safe

    if not fork_is_safe():
        pytest.skip("no fork here")
    before = set(threading.enumerate())
    pool = ProcessPoolExecutor(max_workers=2, mp_context=_context())
    futures = [pool.submit(time.sleep, 30) for _ in range(4)]
    time.sleep(0.3)  # the workers hold a batch each
    workers = list(pool._processes.values())
    t = time.perf_counter()
    _stop(pool)
    assert time.perf_counter() - t < 5.0
    assert set(threading.enumerate()) <= before
    assert all(not w.is_alive() for w in workers)
    assert all(f.done() for f in futures)
