"""Derived tables kept between processes (kg.derived): read back as made, made afresh when
damaged or made by other code, and never an error when they cannot be kept."""
from __future__ import annotations

import pytest

from kg import derived


@pytest.fixture()
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("LGKG_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "derived"


def _never():
    pytest.fail("made again")


def test_a_table_is_made_once_and_read_back_as_made(home):
    made = []
    table = {"聊城市": ("lc", 2), "宜昌市": ("yc", 3)}
    first = derived.kept("t", dict[str, tuple[str, int]], lambda: made.append(1) or table)
    assert first == table and made == [1]
    assert derived.kept("t", dict[str, tuple[str, int]], _never) == table
    assert [p.name for p in home.iterdir()] == [derived.path_of("t").name]


def test_a_damaged_or_misshapen_table_is_made_again(home):
    derived.kept("t", list[str], lambda: ["a", "b"])
    for bad in (b"[\"a\", ", b'{"a": 1}', b"[1, 2]"):
        derived.path_of("t").write_bytes(bad)
        assert derived.kept("t", list[str], lambda: ["c"]) == ["c"]
        assert derived.kept("t", list[str], _never) == ["c"]  # and kept again


def test_a_table_of_other_code_is_not_read_and_the_oldest_go_beyond_keep(home, monkeypatch):
    import os

    import kg.cache

    paths = []
    for k in range(derived.KEEP + 2):  # each an edited grammar's, one second older than the next
        monkeypatch.setattr(kg.cache, "extractor_fingerprint", lambda k=k: f"grammar {k}")
        assert derived.kept("t", list[str], lambda k=k: [str(k)]) == [str(k)]
        paths.append(derived.path_of("t"))
        os.utime(paths[-1], (1_000_000 + k, 1_000_000 + k))
    assert len(set(paths)) == len(paths)
    assert sorted(home.iterdir()) == sorted(paths[-derived.KEEP:])  # the newest stay
    monkeypatch.setattr(kg.cache, "extractor_fingerprint", lambda: f"grammar {derived.KEEP}")
    assert derived.kept("t", list[str], _never) == [str(derived.KEEP)]  # another checkout's: still read


def test_a_table_just_made_stays_whatever_the_clock_says(home, monkeypatch):
    import os

    import kg.cache

    derived.kept("t", list[str], lambda: ["a"])
    os.utime(derived.path_of("t"), (2_000_000_000, 2_000_000_000))  # from the future
    for k in range(derived.KEEP):
        monkeypatch.setattr(kg.cache, "extractor_fingerprint", lambda k=k: f"grammar {k}")
        derived.kept("t", list[str], lambda k=k: [str(k)])
        assert derived.path_of("t").exists()


def test_a_table_that_cannot_be_kept_is_still_given(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LGKG_CACHE_DIR", str(blocker))
    assert derived.kept("t", list[str], lambda: ["x"]) == ["x"]
    assert derived.kept("t", list[str], lambda: ["y"]) == ["y"]  # nothing was kept


def test_the_kept_gazetteer_and_word_lists_are_the_ones_read(home):
    from kg import gazetteer as gz
    from kg.grammar import text

    assert derived.kept("gazetteer", gz._Sources, gz._read_sources) == gz._read_sources()
    assert derived.kept("gazetteer", gz._Sources, _never) == gz._read_sources()
    words = text._read_dictionary_words()
    assert derived.kept("jieba-words", text._Words, text._read_dictionary_words) == words
    assert derived.kept("jieba-words", text._Words, _never) == words
    assert "荣获" in words[0] and "融入" in words[1] and "国电" in words[2]
    assert "司法局" not in words[0] and "关于" not in words[1] and "融入" not in words[2]
