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


def test_a_division_keyed_by_its_code_round_trips_and_other_keys_store_none(tmp_path):
    """朝阳区 keyed with its code comes back with it; a key without one is stored as two fields."""
    c = kc.ExtractionCache(tmp_path)
    d = _doc(text="朝阳区司法局推进法治建设。")
    coded = EntityKey(EntityType.PLACE, "朝阳区", "110105000000")
    m = Mention(d.doc_id, 0, 3, "朝阳区", coded, "County", (("adminCode", "110105000000"),))
    ex = DocExtraction(d, DocContext(county="朝阳区"), (m,), ())
    c.put(ex)
    assert c.get(d).mentions[0].key == coded
    assert b'"code":"110105000000"' in c.path(d).read_bytes()
    plain = _doc("r2")
    c.put(_ex(plain))
    assert b'"code"' not in c.path(plain).read_bytes()


def test_the_entries_one_cache_reads_share_their_key_objects(tmp_path):
    """Resolution looks every key up: equal keys of different reports are one object."""
    c = kc.ExtractionCache(tmp_path)
    first, second = _doc("r1"), _doc("r2", "聊城市司法局召开会议。")
    c.put(_ex(first))
    c.put(_ex(second))
    a, b = c.get(first).mentions[0].key, c.get(second).mentions[0].key
    assert a is b
    other = kc.ExtractionCache(tmp_path).get(second).mentions[0].key  # another cache: its own table
    assert other == a and other is not a and hash(other) == hash(a)
    assert EntityKey(EntityType.PLACE, a.name) != a  # the type still tells keys apart


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


def _entry(c, d) -> dict:
    import json

    return json.loads(c.path(d).read_text(encoding="utf-8"))


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty", "format", "other-doc", "fingerprint",
                                    "text-hash", "not-an-extraction", "bad-type", "bad-enum",
                                    "negative-index", "unknown-field"])
def test_a_damaged_entry_is_a_miss_never_an_error(tmp_path, damage):
    import json

    c = kc.ExtractionCache(tmp_path)
    d = _doc()
    c.put(_ex(d))
    p = c.path(d)
    data = p.read_bytes()
    entry = _entry(c, d)
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        data = data[:-5] + bytes([data[-5] ^ 0xFF]) + data[-4:]
    elif damage == "garbage":
        data = b"\x80\x05garbage" * 10
    elif damage == "empty":
        data = b""
    else:
        if damage == "format":
            entry["format"] = "lgkg-extraction/1"
        elif damage == "other-doc":
            entry["doc_id"] = "other"
        elif damage == "fingerprint":
            entry["fingerprint"] = "0" * 64
        elif damage == "text-hash":
            entry["text_sha256"] = "0" * 64
        elif damage == "not-an-extraction":
            entry["extraction"] = {"not": "an extraction"}
        elif damage == "bad-type":
            entry["extraction"]["mentions"][0][1] = "0"
        elif damage == "negative-index":
            entry["extraction"]["mentions"][0][3] = -1  # Python would read it as the last key
        elif damage == "unknown-field":
            entry["extraction"]["comment"] = "hello"
        else:
            entry["extraction"]["keys"][0]["etype"] = "Wizard"
        data = json.dumps(entry, ensure_ascii=False).encode("utf-8")
    p.write_bytes(data)
    assert c.get(d) is None
    c.put(_ex(d))  # and the next build repairs it
    assert c.get(d) == _ex(d)


def test_an_entry_is_plain_data_and_a_pickle_is_never_loaded(tmp_path):
    """A pickle put where an entry belongs would run code when loaded: it is not loaded."""
    import json
    import pickle

    c = kc.ExtractionCache(tmp_path)
    d = _doc()
    c.put(_ex(d))
    entry = _entry(c, d)
    assert set(entry) == {"format", "fingerprint", "doc_id", "text_sha256", "extraction"}
    assert entry["fingerprint"] == kc.extractor_fingerprint() and entry["doc_id"] == "r1"
    marker = tmp_path / "ran"

    class Exploit:
        def __reduce__(self):
            return (marker.write_text, ("pwned",))

    for name in (c.path(d), c.path(d).with_suffix(".pkl")):
        name.write_bytes(pickle.dumps(Exploit()))
    assert c.get(d) is None and not marker.exists()
    c.put(_ex(d))
    assert json.loads(c.path(d).read_text(encoding="utf-8"))["format"] == kc.FORMAT


def test_an_entry_holds_no_text_and_a_forged_one_that_does_not_fit_the_text_is_ignored(tmp_path):
    """A mention's surface is the text at its offsets, put back on load, never stored. Well-formed
    JSON with the right hashes whose offsets or indexes do not fit: ignored, extracted again."""
    import json

    c = kc.ExtractionCache(tmp_path)
    d = _doc()
    c.put(_ex(d))
    entry = _entry(c, d)
    assert d.text[:6] not in json.dumps(entry["extraction"]["mentions"], ensure_ascii=False)
    assert entry["extraction"]["keys"] == [{"etype": "Organization", "name": "聊城市司法局"}]  # each key once
    for field, forged in ((2, 60), (3, 1), (0, 1)):  # an offset past the text, no such key, no such section
        bad = json.loads(json.dumps(entry))
        bad["extraction"]["mentions"][0][field] = forged
        c.path(d).write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
        assert c.get(d) is None, field
    c.path(d).write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    assert c.get(d) == _ex(d)


def test_a_build_reads_the_mentions_namings_and_resolves_the_same(tmp_path, nlp):
    """Read without its mentions, an entry gives their namings (surface, subtype, properties and
    how often, per document or section): fewer records than the mentions, and resolution makes
    the same knowledge base of them. A forged naming is a miss like a forged mention; an
    extraction without its mentions is not stored again."""
    import json

    from kg.model import namings
    from kg.nlp import extract
    from kg.reader import read_all
    from kg.resolve import resolve

    docs = [d for d in read_all(sorted(SEEDS.glob("*.txt"))) if isinstance(d, SourceDocument)]
    c = kc.ExtractionCache(tmp_path)
    fresh = [extract(nlp, d) for d in docs]
    for ex in fresh:
        c.put(ex)
    light = [c.get(d, mentions=False) for d in docs]
    for ex, lt in zip(fresh, light, strict=True):
        assert lt.mentions == () and lt.named == ex.namings() == namings(ex.mentions)
        assert sum(n.count for n in lt.named) == len(ex.mentions) > len(lt.named)
        assert (lt.relations, lt.observations, lt.sections) == (ex.relations, ex.observations, ex.sections)
    assert resolve(light) == resolve(fresh)
    assert resolve(light[:2] + fresh[2:]) == resolve(fresh)  # fresh and cached reports together

    d = docs[0]
    entry = json.loads(c.path(d).read_text(encoding="utf-8"))
    for field, forged in ((3, 10 ** 7), (1, 10 ** 5), (6, 0)):  # past the text, no such key, counted 0 times
        bad = json.loads(json.dumps(entry))
        bad["extraction"]["namings"][0][field] = forged
        c.path(d).write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
        assert c.get(d, mentions=False) is None, field
    c.put(light[1])  # its entry stays the full one
    assert c.write_errors == 1 and c.get(docs[1]) == fresh[1]


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


def test_one_new_report_is_the_only_one_extracted(tmp_path, corpus):
    from kg.build import build

    src, new_report = corpus
    cache = tmp_path / "cache"
    first = build([src], tmp_path / "o1", html=False, cache_dir=cache)
    assert (first.stats["documents_cached"], first.stats["documents_extracted"]) == (0, 2)
    again = build([src], tmp_path / "o2", html=False, cache_dir=cache)
    assert (again.stats["documents_cached"], again.stats["documents_extracted"]) == (2, 0)
    assert (tmp_path / "o1" / "graph.ttl").read_bytes() == (tmp_path / "o2" / "graph.ttl").read_bytes()
    shutil.copy(new_report, src / new_report.name)
    grown = build([src], tmp_path / "o3", html=False, cache_dir=cache)
    assert (grown.stats["documents_cached"], grown.stats["documents_extracted"]) == (2, 1)
    fresh = build([src], tmp_path / "o4", html=False)  # no cache at all
    assert (tmp_path / "o3" / "graph.ttl").read_bytes() == (tmp_path / "o4" / "graph.ttl").read_bytes()
    assert grown.kb == fresh.kb


def test_the_seeds_build_byte_identical_from_the_cache(tmp_path, seeds_build):
    from kg.build import build

    from .conftest import SEEDS

    cache = tmp_path / "cache"
    build([SEEDS], tmp_path / "cold", html=False, cache_dir=cache)
    warm = build([SEEDS], tmp_path / "warm", html=False, cache_dir=cache)
    assert warm.stats["documents_cached"] == len(list(SEEDS.glob("*.txt"))) and warm.stats["documents_extracted"] == 0
    assert list(cache.rglob("*.json")) and not list(cache.rglob("*.pkl"))
    uncached = Path(seeds_build.outputs[0]).read_bytes()
    assert (tmp_path / "cold" / "graph.ttl").read_bytes() == uncached
    assert (tmp_path / "warm" / "graph.ttl").read_bytes() == uncached


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


def test_every_seed_extraction_round_trips_exactly(tmp_path):
    """Sections, relations with their evidence, figures and tables come back equal, the keys
    shared among the records that name them."""
    from kg.nlp import extract, make_pipeline
    from kg.reader import find_inputs, read_all

    nlp = make_pipeline()
    c = kc.ExtractionCache(tmp_path)
    docs = [d for d in read_all(find_inputs([SEEDS])) if isinstance(d, SourceDocument)]
    exs = [extract(nlp, d) for d in docs]
    assert any(ex.sections for ex in exs) and all(ex.observations and ex.relations for ex in exs)
    for d, ex in zip(docs, exs, strict=True):
        c.put(ex)
        got = c.get(d)
        assert got == ex
        keys = {id(m.key) for m in got.mentions if m.key == got.mentions[0].key}
        assert len(keys) == 1


def test_resolution_is_a_fold_in_any_order(nlp):
    """A build hears each report as it is read from the cache or extracted, in whatever order
    they come: the knowledge base is the same, and an entity's name is its most frequent
    spelling across the corpus, not the first one heard."""
    from collections import Counter

    from kg.nlp import extract
    from kg.reader import read_all
    from kg.resolve import Resolution, resolve

    docs = [d for d in read_all(sorted(SEEDS.glob("*.txt"))) if isinstance(d, SourceDocument)]
    exs = [extract(nlp, d) for d in docs]
    kb = resolve(exs)
    for order in (exs[::-1], exs[2:] + exs[:2]):
        resolution = Resolution()
        for ex in order:
            resolution.hear(ex)
        assert resolution.knowledge_base() == kb
    spellings = Counter(m.key for ex in exs for m in ex.mentions)  # each mention, relation end and figure's area
    spellings.update(k for ex in exs for r in ex.relations for k in (r.head, r.tail))
    spellings.update(o.area for ex in exs for o in ex.observations)
    by_group: dict = {}
    for k, n in spellings.items():
        by_group.setdefault((k.etype, k.norm, k.code), []).append((n, k))
    names = {(e.key.etype, e.key.norm, e.key.code): e.key.name for e in kb.entities}
    rivals = 0
    for ks in by_group.values():
        (n1, k1), *rest = sorted(ks, key=lambda nk: -nk[0])
        if rest and n1 > rest[0][0] and (k1.etype, k1.norm, k1.code) in names:
            rivals += 1
            assert names[(k1.etype, k1.norm, k1.code)] == k1.name
    assert rivals  # the seeds spell some entities in more than one way
