"""Incremental builds: nothing new costs nothing, one new report costs one report, and the
result is byte for byte what a cold build of the same inputs writes."""
from __future__ import annotations

import json
import shutil

import pytest

from kg.build import MANIFEST, build



def _mtimes(folder):
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.is_file()}


def test_nothing_new_does_nothing_and_one_new_report_equals_a_cold_build(tmp_path, corpus, monkeypatch):
    src, new = corpus
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = build([src], out, cache_dir=cache, validate="shapes")
    assert first.stats["documents_validated"] == 2 and "unchanged" not in first.stats
    before = _mtimes(out)
    assert {"graph.ttl", "graph.html", MANIFEST} <= set(before)

    # nothing new: the inputs' hashes are read and the previous build is reported as it was
    import kg.build as kb_mod
    import kg.validate as kv

    monkeypatch.setattr(kb_mod, "_build", lambda *a, **k: pytest.fail("a build with nothing new did work"))
    again = build([src], out, cache_dir=cache, validate="shapes")
    monkeypatch.undo()
    assert again.stats["unchanged"] == 1
    assert _mtimes(out) == before  # no export (nor the manifest) rewritten
    assert again.outputs == first.outputs
    assert again.documents == first.documents and again.skipped == first.skipped
    assert (again.entity_counts, again.relation_counts) == (first.entity_counts, first.relation_counts)
    assert (again.years, again.places) == (first.years, first.places)
    assert again.kb == first.kb  # loaded on demand from the cache

    # one new report: only it is extracted and validated
    shutil.copy(new, src / new.name)
    checked = []
    real = kv.check
    monkeypatch.setattr(kv, "check", lambda data, *a, **k: checked.append(data) or real(data, *a, **k))
    grown = build([src], out, cache_dir=cache, validate="shapes")
    monkeypatch.undo()
    assert (grown.stats["documents_extracted"], grown.stats["documents_validated"]) == (1, 1)
    assert [[d.doc_id for d in kb.documents] for kb in checked] == [[new.stem]]
    cold = build([src], tmp_path / "cold")  # no cache at all
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "cold" / "graph.ttl").read_bytes()
    assert (out / "graph.html").read_bytes() == (tmp_path / "cold" / "graph.html").read_bytes()
    assert grown.kb == cold.kb


def test_the_default_check_looks_at_a_new_reports_own_records_and_at_everything_corpus_wide(tmp_path, corpus,
                                                                                             monkeypatch):
    """The records' check (the default): a report's own records are checked once, when it is new;
    the corpus-wide ones (entities, relations, documents, measures) on every build, so a broken
    entity still fails a build that adds a report, writing nothing."""
    from msgspec.structs import replace

    import kg.invariants as inv
    import kg.resolve as kr
    from kg.validate import ValidationFailed

    src, new = corpus
    out, cache = tmp_path / "out", tmp_path / "cache"
    old = sorted(p.stem for p in src.glob("*.txt"))
    calls = []
    real = inv.check
    monkeypatch.setattr(inv, "check", lambda kb, checked=(), records=None: calls.append(set(checked)) or
                        real(kb, checked, records))
    assert build([src], out, cache_dir=cache).stats["documents_validated"] == 2
    shutil.copy(new, src / new.name)
    grown = build([src], out, cache_dir=cache)
    assert grown.stats["documents_validated"] == 1
    assert calls == [set(), set(old)]
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    resolved = kr.Resolution.knowledge_base

    def unlabelled(self, skipped=()):  # an entity resolved with an empty alternative label
        kb = resolved(self, skipped)
        e = kb.entities[0]
        return replace(kb, entities=(replace(e, alt_labels=("", *e.alt_labels)), *kb.entities[1:]))
    monkeypatch.setattr(kr.Resolution, "knowledge_base", unlabelled)
    (src / "extra.txt").write_text(new.read_text(encoding="utf-8").replace("2023", "2022"), encoding="utf-8")
    with pytest.raises(ValidationFailed, match="altLabel"):
        build([src], out, cache_dir=cache)
    assert calls[-1] == {*old, new.stem}
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    monkeypatch.undo()
    assert build([src], tmp_path / "cold").kb == build([src], out, cache_dir=cache).kb


def test_the_viewers_pinyin_is_kept_in_the_cache(tmp_path, corpus, monkeypatch):
    """A build with a cache keeps its search keys' pinyin there; the next build converts none
    it has met, and writes the same page."""
    import kg.export.viewer_search as vs

    src, _ = corpus
    cache = tmp_path / "cache"
    build([src], tmp_path / "a", cache_dir=cache)
    assert (cache / "viewer" / "pinyin.json").stat().st_size > 0
    monkeypatch.setattr(vs, "pinyin_keys", lambda keys: pytest.fail(f"converted again: {keys[:3]}"))
    build([src], tmp_path / "b", cache_dir=cache)
    assert (tmp_path / "b" / "graph.html").read_bytes() == (tmp_path / "a" / "graph.html").read_bytes()


def test_an_export_edited_by_hand_is_rebuilt(tmp_path, corpus):
    src, _ = corpus
    out, cache = tmp_path / "out", tmp_path / "cache"
    build([src], out, cache_dir=cache, validate="shapes")
    ttl = (out / "graph.ttl").read_bytes()
    (out / "graph.ttl").write_bytes(ttl + b"# edited\n")
    again = build([src], out, cache_dir=cache, validate="shapes")
    assert "unchanged" not in again.stats and again.stats["documents_validated"] == 0  # validated before
    assert (out / "graph.ttl").read_bytes() == ttl


def test_an_export_whose_content_did_not_change_is_not_rewritten(tmp_path, corpus):
    src, _ = corpus
    out, cache = tmp_path / "out", tmp_path / "cache"
    build([src], out, cache_dir=cache, html=False)
    before = _mtimes(out)
    build([src], out, cache_dir=cache, html=False, formats=["nt"])  # other options: a build
    after = _mtimes(out)
    assert after["graph.ttl"] == before["graph.ttl"]  # same bytes: kept as it was
    assert "graph.nt" in after and after[MANIFEST] != before[MANIFEST]
    m = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert set(m["files"]) == {"graph.ttl", "graph.nt"}


def test_the_cli_says_nothing_was_new(tmp_path, corpus):
    from typer.testing import CliRunner

    from kg.cli import app

    src, _ = corpus
    args = ["build", str(src), "--out", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache")]
    assert CliRunner().invoke(app, [*args, "-q"]).exit_code == 0
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "nothing new" in res.stderr and "kept" in res.stderr


def test_a_cold_build_validates_in_groups_of_documents(tmp_path, corpus, monkeypatch):
    import kg.build as kb_mod
    import kg.validate as kv

    src, new = corpus
    shutil.copy(new, src / new.name)
    monkeypatch.setattr(kb_mod, "CHECK_CHARS", 1)  # each document a group of its own
    checked = []
    real = kv.check
    monkeypatch.setattr(kv, "check", lambda data, *a, **k: checked.append(data) or real(data, *a, **k))
    res = build([src], tmp_path / "out", cache_dir=tmp_path / "cache", validate="shapes")
    assert res.stats["documents_validated"] == 3
    assert sorted(d.doc_id for kb in checked for d in kb.documents) == sorted(p.stem for p in src.glob("*.txt"))
    assert all(len(kb.documents) == 1 for kb in checked)


def test_with_workers_new_reports_are_extracted_while_the_cache_is_read(tmp_path, corpus):
    """jobs=2 with a cache: the report without an entry goes to a worker at once, an entry that
    proves unusable when read is extracted after; the exports are a cold build's."""
    src, new = corpus
    out, cache = tmp_path / "out", tmp_path / "cache"
    build([src], out, cache_dir=cache, jobs=2)
    shutil.rmtree(cache / "resolution")  # without the kept resolution every entry is read (kg.kept_resolution)
    entries = sorted(cache.glob("*/*/*.json"))  # ROOT/<extractor>/<key[:2]>/<key>.json
    assert len(entries) == 2
    entries[0].write_text("{not json", encoding="utf-8")  # damaged: read, rejected, re-extracted
    shutil.copy(new, src / new.name)
    grown = build([src], out, cache_dir=cache, jobs=2)
    assert (grown.stats["documents_cached"], grown.stats["documents_extracted"]) == (1, 2)
    build([src], tmp_path / "cold", jobs=1)
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "cold" / "graph.ttl").read_bytes()
    assert (out / "graph.html").read_bytes() == (tmp_path / "cold" / "graph.html").read_bytes()
    assert len(sorted(cache.glob("*/*/*.json"))) == 3  # the new report's entry and the repaired one


def test_parts_made_in_forked_processes_give_a_serial_builds_bytes_and_a_full_disk_fails_cleanly(
        tmp_path, corpus, monkeypatch):
    """jobs=2: the documents' parts of graph.ttl are made in forked processes while another makes
    the viewer's page: the same bytes as jobs=1. A part that cannot be written is made again in
    the parent; a full disk while writing graph.ttl is the build's WriteError, the previous
    exports left as they were."""
    import os

    import kg.export.parts as parts
    from kg.build import WriteError
    from kg.parallel import fork_is_safe

    if not fork_is_safe():
        pytest.skip("no fork here")
    src, _ = corpus
    pids = tmp_path / "pids"
    pids.mkdir()
    real = parts.document_part

    def made_where(rec):
        (pids / str(os.getpid())).touch()
        return real(rec)
    monkeypatch.setattr(parts, "document_part", made_where)  # the children inherit the patch
    two = build([src], tmp_path / "two", jobs=2)
    assert two.stats["parts_made"] == 2
    assert {p.name for p in pids.iterdir()} - {str(os.getpid())}  # made by other processes
    build([src], tmp_path / "one", jobs=1)
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "two" / name).read_bytes() == (tmp_path / "one" / name).read_bytes()

    monkeypatch.setattr(parts.PartFiles, "_write", lambda self, doc_id, part: False)  # a full temporary folder
    held = build([src], tmp_path / "held", jobs=2)
    assert (tmp_path / "held" / "graph.ttl").read_bytes() == (tmp_path / "one" / "graph.ttl").read_bytes()
    assert held.stats["parts_made"] == 2

    import kg.export.rdf as rdf

    def full(*args):
        raise OSError(28, "No space left on device")
        yield ""
    monkeypatch.setattr(rdf, "kb_turtle_chunks", full)
    before = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    (src / "extra.txt").write_text((src / sorted(p.name for p in src.iterdir())[0]).read_text(encoding="utf-8"),
                                   encoding="utf-8")
    with pytest.raises(WriteError, match="No space left on device"):
        build([src], tmp_path / "two", jobs=2)
    assert {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()} == before


def test_new_extractions_are_cached_whole_and_kept_summarised(tmp_path, corpus):
    """What a build keeps of a report it extracts is its namings (the mentions go once the
    entry is written), in this process or from workers; the entry holds every mention."""
    from kg.build import extract_documents
    from kg.cache import ExtractionCache
    from kg.reader import read_all

    src, _ = corpus
    docs = list(read_all(sorted(src.glob("*.txt"))))
    cache = ExtractionCache(tmp_path / "cache")
    light = extract_documents(docs, cache=cache, mentions=False)
    assert all(ex.mentions == () and ex.named for ex in light)
    whole = extract_documents(docs, cache=cache)  # read back from the cache
    assert all(ex.mentions for ex in whole)
    assert [ex.namings() for ex in whole] == [ex.named for ex in light]
    assert extract_documents(docs, cache=cache, mentions=False) == light  # the cache's namings
    assert extract_documents(docs, mentions=False, jobs=2) == light  # from workers, no cache


def test_a_build_takes_up_the_kept_resolution_of_its_unchanged_reports(tmp_path, corpus):
    """A checked build keeps its resolution (kg.kept_resolution); a later build takes up the
    kept fold of the most reports it still has unchanged and hears only the others. A fold that
    names a changed or removed report, or whose file is damaged, is passed over: every report is
    heard again. Every build's graph and knowledge base are a cold build's."""
    src, new = corpus
    out, cache = tmp_path / "out", tmp_path / "cache"
    a, b = sorted(src.glob("*.txt"))
    colds = iter(range(10))

    def built() -> dict:
        res = build([src], out, cache_dir=cache)
        ref = build([src], tmp_path / f"cold{next(colds)}")  # no cache at all
        assert (out / "graph.ttl").read_bytes() == (ref.outputs[0]).read_bytes()
        assert res.kb == ref.kb
        return res.stats

    assert built()["documents_resolved_before"] == 0  # kept: a fold of a and b
    shutil.copy(new, src / new.name)
    stats = built()  # kept: a fold of a, b and the new report
    assert (stats["documents_resolved_before"], stats["documents_extracted"], stats["documents_cached"]) == (2, 1, 2)
    changed = src / new.name
    changed.write_text(changed.read_text(encoding="utf-8").replace("2023", "2019"), encoding="utf-8")
    assert built()["documents_resolved_before"] == 2  # the fold of a and b, not the one naming the old text
    removed = a.read_bytes()
    a.unlink()
    assert built()["documents_resolved_before"] == 0  # every kept fold heard a
    folds = sorted(cache.glob("resolution/*/*/fold.msgpack"), key=lambda p: p.stat().st_size)
    folds[-1].write_bytes(folds[-1].read_bytes()[:1000])  # the largest: a, b and the changed report
    a.write_bytes(removed)
    assert built()["documents_resolved_before"] == 0


def test_a_large_corpus_keeps_its_resolution_again_only_once_a_tenth_is_new():
    """Adding one report to 500 does not rewrite the kept fold (at 100× the seeds 89 MB); a build
    that took none up keeps its own."""
    from kg.kept_resolution import worth_keeping

    assert worth_keeping(0, 3) and worth_keeping(2, 3) and worth_keeping(500, 551)
    assert not worth_keeping(500, 501) and not worth_keeping(500, 550) and not worth_keeping(3, 3)
    assert not worth_keeping(0, 0)


def test_a_cache_keeps_the_folds_of_four_corpora_and_of_four_codes(tmp_path):
    """Each kept fold is as large as its corpus's records: the least recently taken or kept go
    beyond four, and so do the folds of the least recent codes."""
    import os
    import time

    from kg.cache import ExtractionCache
    from kg.kept_resolution import KEEP, KeptResolutions
    from kg.model import DocContext, SourceDocument
    from kg.resolve import Resolution, ResolutionState, Told

    cache = ExtractionCache(tmp_path)
    docs = [SourceDocument(f"r{i}", f"r{i}.txt", f"第{i}份报告。", "utf-8", "0" * 64) for i in range(KEEP + 2)]

    def fold(*ds: SourceDocument) -> Resolution:
        state = ResolutionState([], [], [], [Told(d.doc_id, DocContext(), (), (), ()) for d in ds])
        return Resolution.restored(state, {d.doc_id: d for d in ds})

    kept = KeptResolutions(cache, "a" * 64)
    base = time.time() - 1000
    for i, d in enumerate(docs[:KEEP]):  # kept in turn, a second apart
        assert kept.keep(fold(d), docs)
        index = next(p for p in kept.folder.glob("*/index.json") if p.stat().st_mtime > base + KEEP)
        os.utime(index, (base + i, base + i))
    assert kept.take([docs[0]]).heard == {"r0"}  # taken: now the most recent
    assert kept.keep(fold(docs[KEEP]), docs)  # one fold too many: the least recent, r1's, goes
    assert kept.take([docs[1]]) is None
    assert all(kept.take([d]).heard == {d.doc_id} for d in (docs[0], *docs[2:KEEP + 1]))
    assert kept.take(docs).heard in ({"r0"}, {"r2"}, {"r3"}, {"r4"})  # one fold of one report each
    os.utime(kept.folder, (base, base))  # this code last kept a fold long ago
    for n in range(KEEP + 1):  # other codes keep folds too
        other = KeptResolutions(cache, f"{n}" * 64)
        assert other.keep(fold(docs[0]), docs)
        os.utime(other.folder, (other.folder.stat().st_mtime - 10 * (KEEP + 1 - n),) * 2)
    codes = sorted(p.name for p in (tmp_path / "resolution").iterdir())
    assert codes == [f"{n}" * 16 for n in range(1, KEEP + 1)]  # the oldest code and the first other one went
