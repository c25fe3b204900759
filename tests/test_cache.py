"""The incremental-build cache: keyed by content + extractor, atomic, and a bad entry is a miss."""
from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

import kg
from kg import cache as kc
from kg.model import DocContext, DocExtraction, EntityKey, EntityType, Mention, SourceDocument

from .conftest import SEEDS


def _doc(doc_id: str = "r1", text: str = "聊城市司法局推进法治建设。") -> SourceDocument:
    return SourceDocument(doc_id, f"/in/{doc_id}.txt", text, "utf-8", "0" * 64)


def _ex(d: SourceDocument) -> DocExtraction:
    m = Mention(d.doc_id, 0, 6, d.text[:6], EntityKey(EntityType.ORGANIZATION, "聊城市司法局"), "JudicialOffice")
    return DocExtraction(d, DocContext(city="聊城市"), (m,), ())


def test_round_trip_without_storing_the_text(tmp_path):
    c = kc.ExtractionCache(tmp_path)
    d = _doc()
    assert c.get(d) is None
    c.put(_ex(d))
    got = c.get(d)
    assert got == _ex(d) and got.document is d
    assert d.text.encode() not in c.path(d).read_bytes()  # the text is the key, not the value
    assert (c.hits, c.misses) == (1, 1)


def test_key_follows_text_id_and_extractor(tmp_path, monkeypatch):
    c = kc.ExtractionCache(tmp_path)
    d = _doc()
    c.put(_ex(d))
    assert c.get(_doc(text=d.text + "。")) is None  # edited report
    assert c.get(_doc("r2", d.text)) is None  # same text, other id
    moved = SourceDocument(d.doc_id, "/elsewhere/r1.txt", d.text, "gb18030", "1" * 64)
    assert c.get(moved).document is moved  # same text and id from another path: a hit
    monkeypatch.setattr(kg, "EXTRACTOR_VERSION", kg.EXTRACTOR_VERSION + "-next")
    kc.extractor_fingerprint.cache_clear()
    try:
        assert kc.ExtractionCache(tmp_path).get(d) is None  # a new extractor starts afresh
    finally:
        monkeypatch.undo()
        kc.extractor_fingerprint.cache_clear()
    assert kc.ExtractionCache(tmp_path).get(d) is not None


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty", "magic", "other-doc", "not-pickle"])
def test_a_damaged_entry_is_a_miss_never_an_error(tmp_path, damage):
    import hashlib
    import pickle

    c = kc.ExtractionCache(tmp_path)
    d = _doc()
    c.put(_ex(d))
    p = c.path(d)
    data = p.read_bytes()
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        data = data[:-5] + bytes([data[-5] ^ 0xFF]) + data[-4:]
    elif damage == "garbage":
        data = b"\x80\x05garbage" * 10
    elif damage == "empty":
        data = b""
    elif damage == "magic":
        data = b"X" + data[1:]
    else:  # a well-formed entry whose payload is not this document's extraction
        obj = kc.strip_text(_ex(_doc("other"))) if damage == "other-doc" else {"not": "an extraction"}
        payload = pickle.dumps(obj)
        data = kc.MAGIC + bytes([kc.FORMAT]) + hashlib.sha256(payload).digest() + payload
    p.write_bytes(data)
    assert c.get(d) is None
    c.put(_ex(d))  # and the next build repairs it
    assert c.get(d) == _ex(d)


def test_unwritable_cache_does_not_fail(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    c = kc.ExtractionCache(blocker / "cache")
    c.put(_ex(_doc()))
    assert c.write_errors == 1 and c.get(_doc()) is None


def test_concurrent_writers_leave_a_whole_entry(tmp_path):
    d = _doc(text="聊城市司法局" * 5000)
    ex = _ex(d)
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            c = kc.ExtractionCache(tmp_path)
            for _ in range(20):
                c.put(ex)
                got = c.get(d)
                assert got is None or got == ex
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert kc.ExtractionCache(tmp_path).get(d) == ex
    assert not list(tmp_path.rglob("*.tmp"))  # no temporary file left behind


def test_one_new_report_is_the_only_one_extracted(tmp_path):
    from kg.build import build

    src = tmp_path / "in"
    src.mkdir()
    small = sorted(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)[:3]
    for p in small[:2]:
        shutil.copy(p, src / p.name)
    cache = tmp_path / "cache"
    first = build([src], tmp_path / "o1", html=False, cache_dir=cache)
    assert (first.stats["documents_cached"], first.stats["documents_extracted"]) == (0, 2)
    again = build([src], tmp_path / "o2", html=False, cache_dir=cache)
    assert (again.stats["documents_cached"], again.stats["documents_extracted"]) == (2, 0)
    assert (tmp_path / "o1" / "graph.ttl").read_bytes() == (tmp_path / "o2" / "graph.ttl").read_bytes()
    shutil.copy(small[2], src / small[2].name)
    grown = build([src], tmp_path / "o3", html=False, cache_dir=cache)
    assert (grown.stats["documents_cached"], grown.stats["documents_extracted"]) == (2, 1)
    fresh = build([src], tmp_path / "o4", html=False)  # no cache at all
    assert (tmp_path / "o3" / "graph.ttl").read_bytes() == (tmp_path / "o4" / "graph.ttl").read_bytes()
    assert grown.kb == fresh.kb


def test_fully_cached_build_does_not_load_spacy(tmp_path):
    import subprocess
    import sys

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("聊城市司法局2023年工作总结\n冠县司法局推进“有事来聊”品牌建设。\n", encoding="utf-8")
    code = ("import sys; from pathlib import Path; from kg.build import build; "
            f"build([Path({str(src)!r})], Path({str(tmp_path / 'o')!r}), html=False, cache_dir=Path({str(tmp_path / 'c')!r})); "
            "print('spacy' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
            for _ in range(2)]
    assert runs == ["True", "False"]


def test_default_cache_dir_is_outside_the_repo(monkeypatch, tmp_path):
    monkeypatch.delenv("LGKG_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert kc.default_cache_dir() == tmp_path / "lgkg"
    monkeypatch.setenv("LGKG_CACHE_DIR", str(tmp_path / "x"))
    assert kc.default_cache_dir() == Path(tmp_path / "x")
