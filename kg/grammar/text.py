"""Character classes and small text helpers shared by the matchers."""
from __future__ import annotations

import functools
import importlib.util
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")
OPEN_Q = "“\"「『‘"
CLOSE_Q = "”\"」』’"
QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}
#: sentence ends; a newline also ends a sentence (headings, table rows)
SENT_END = "。！？!?；;\n"
#: longer runs without a sentence end are split (keeps the per-sentence rules linear)
MAX_SENTENCE = 600

_HAN_CHARS = frozenset(chr(c) for a, b in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
                       for c in range(a, b + 1))


def is_han(ch: str) -> bool:
    """Whether `ch` (one character; of a longer string, its first) is a Han character.

    A set lookup: the matchers ask this of nearly every character of a text."""
    return ch in _HAN_CHARS or (len(ch) > 1 and HAN_RE.match(ch) is not None)


def han_class_without(exclude: Iterable[str]) -> str:
    """HAN as a character class with the Han characters of `exclude` cut out of its ranges:
    one class test per character, where a lookahead per character would make two."""
    cuts = sorted({ord(c) for c in exclude if is_han(c)})
    ranges = []
    for first, last in re.findall(r"\\u([0-9a-fA-F]{4})-\\u([0-9a-fA-F]{4})", HAN):
        lo, hi = int(first, 16), int(last, 16)
        for c in cuts:
            if lo <= c <= hi:
                if lo < c:
                    ranges.append((lo, c - 1))
                lo = c + 1
        if lo <= hi:
            ranges.append((lo, hi))
    return "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges)


def han_run(exclude: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching a run of Han characters none of which is in `exclude`; with
    .match(text, pos, limit) it replaces a per-character loop of is_han and `not in` tests."""
    return re.compile(f"[{han_class_without(exclude)}]*")


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching the longest of `words` at a position, as their alternation longest
    first does, with their common prefixes factored out: the search tries one branch per
    first character, not every word, at each candidate position."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + branch(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
        if "" not in node:
            return body
        return f"{body}?" if len(alts) > 1 else f"(?:{body})?"  # greedy: a longer word first

    return branch(trie)


#: up to the last clause mark of a window (greedy: one match finds what 7 rfinds did)
_UP_TO_CLAUSE_MARK = re.compile(r"(?s:.*)[，,。；;：:\n]")


#: the mark of a list item opening a clause, with the spaces around it (一是, （二）, 3、)
LIST_LEAD = re.compile(r"[\s　]*(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])?[\s　]*")


#: what separates a table row's cells: | (as converters write tables), a tab (as a spreadsheet pastes them)
CELL_SEPARATORS = ("|", "\t")
#: the quotation marks that open and close a quoted name
OPENING_QUOTES = "“「『‘"
CLOSING_QUOTES = "”」』’"


def row_separator(line: str) -> str | None:
    """What separates a table row's cells: |, else a tab between two of them (a tab that only
    indents a line of running text separates nothing); None in running text."""
    if "|" in line:
        return "|"
    return "\t" if "\t" in line.strip() else None


def clause_start(text: str, pos: int) -> int:
    """Just after the last clause mark in the 40 characters before pos, else where those 40 start
    (a clause is never longer: places and counts further back are not its own)."""
    lo = max(0, pos - 40)
    m = _UP_TO_CLAUSE_MARK.match(text, lo, pos)
    return m.end() if m is not None else lo


#: a count right after a name, perhaps after a bracketed note (…中心（站、室）3200余个, “…公园”12个):
#: the name is of a kind of body or facility, counted, not one
COUNT_AFTER = re.compile(r"(?:[（(][^）)\n]{1,8}[）)])?[0-9０-９]+(?:余|多)?[个家所处座间条]")


def common_words() -> frozenset[str]:
    """2–3 character words of jieba's dictionary that are not person names (关于, 利用, 高度), and
    the frequent two-character words it tags as names (荣获)."""
    return _dictionary_words()[0]


def verbs_and_adverbs() -> frozenset[str]:
    """Two-character words jieba's dictionary tags as verbs or adverbs (融入, 开启, 不断): a noun
    phrase does not open with one."""
    return _dictionary_words()[1]


def proper_abbreviations() -> frozenset[str]:
    """2–3 character words jieba's dictionary tags as abbreviations or other proper nouns (国电,
    中石化, 华能): a group's short name that may open the name of one of its companies."""
    return _dictionary_words()[2]


def dictionary_names() -> frozenset[str]:
    """Two-character words jieba's dictionary tags as person or place names (向阳, 从江, 成都): a
    function word's character inside one is a sound of a name, not that word."""
    return _dictionary_words()[3]


_Words = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]


@functools.cache
def _dictionary_words() -> _Words:
    """common_words(), verbs_and_adverbs(), proper_abbreviations() and dictionary_names(), kept
    between processes (kg.derived: reading the dictionary's 350,000 lines takes 0.2 s)."""
    from .. import derived

    return derived.kept("jieba-words", _Words, _read_dictionary_words)


def _read_dictionary_words() -> _Words:
    """The four word lists from one reading of jieba's dictionary."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return frozenset(), frozenset(), frozenset(), frozenset()
    path = os.path.join(spec.submodule_search_locations[0], "dict.txt")
    words, verbs, proper, names = set(), set(), set(), set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) != 3 or not 2 <= len(parts[0]) <= 3:
                continue
            freq = int(parts[1])
            # jieba tags many frequent two-character words as names (荣获, 文明, 许可, 养老):
            # a frequent one is the word, not a person
            if (parts[2] != "nr" and freq >= 20) or (len(parts[0]) == 2 and freq >= 300):
                words.add(parts[0])
            if len(parts[0]) == 2 and parts[2] in ("v", "ad", "d") and freq >= 50:
                verbs.add(parts[0])
            if parts[2] in ("j", "nz"):
                proper.add(parts[0])
            if len(parts[0]) == 2 and parts[2] in ("nr", "ns") and freq >= 20:
                names.add(parts[0])
    return frozenset(words), frozenset(verbs), frozenset(proper), frozenset(names)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


_MARKS = re.escape(SENT_END.replace("\n", ""))
_CLOSERS = CLOSING_QUOTES + ")）"
#: a sentence as `sentences` trims it: from a non-space character to an end mark and the closing
#: quotes after it, or to the last non-space character before a newline or the end of the text
_SENTENCE_RE = re.compile(
    f"[{_MARKS}][{_CLOSERS}]*"
    f"|[^\\s{_MARKS}](?:[^{_MARKS}\\n]*[^\\s{_MARKS}])?(?:[^\\S\\n]*[{_MARKS}][{_CLOSERS}]*)?")


def sentences(text: str) -> list[Sentence]:
    """Sentence spans with surrounding whitespace trimmed, so text[start:end] is the quote.

    A text is cut after each end mark (and the closing quotes after it) and at each newline;
    one regex scan finds the trimmed non-blank pieces, not a loop over every end mark."""
    out: list[Sentence] = []
    for m in _SENTENCE_RE.finditer(text):
        s, e = m.span()
        while e - s > MAX_SENTENCE:  # a line without sentence ends: cut at a comma, else hard
            cut = max(text.rfind(c, s + MAX_SENTENCE // 2, s + MAX_SENTENCE) for c in "，,、 ")
            cut = cut + 1 if cut > s else s + MAX_SENTENCE
            out.append(Sentence(s, cut))
            s = cut
        out.append(Sentence(s, e))
    return out


def marker_starts(marker: re.Pattern[str], text: str) -> set[int]:
    """Every position where `marker` (which never matches empty) matches, overlapping ones
    included: finditer finds the leftmost matches, the positions inside each are tried."""
    starts = set()
    for t in marker.finditer(text):
        starts.add(t.start())
        starts.update(j for j in range(t.start() + 1, t.end()) if marker.match(text, j))
    return starts


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """What pattern.finditer(text) yields, for a pattern that never matches empty and can only
    match at one of `starts` (ascending): only those are tried."""
    pos = 0
    match = pattern.match
    for i in starts:
        if i < pos:
            continue
        m = match(text, i)
        if m is not None:
            yield m
            pos = m.end()


def finditer_before(pattern: re.Pattern[str], marker: re.Pattern[str], text: str,
                    offsets: Iterable[int], found: set[int] | None = None) -> Iterator[re.Match[str]]:
    """What pattern.finditer(text) yields, for a pattern whose every match is followed by a
    match of `marker` starting one of `offsets` characters after the match's start (and has
    no lookbehind): only those starts are tried, not every position of the text.

    For a pattern opening with a class that matches nearly every character ([汉]{2,4}?…),
    a scan for the rare marker is far cheaper than trying the pattern everywhere."""
    if found is None:  # (the caller may have them already: marker_starts(marker, text))
        found = marker_starts(marker, text)
    if not found:
        return
    pos = 0
    for i in sorted({t - k for t in found for k in offsets if t >= k}):
        if i < pos:
            continue
        m = pattern.match(text, i)
        if m is not None:
            yield m
            pos = m.end()


_SPACES = re.compile(r"\s+")


def strip_spaces(s: str) -> str:
    return _SPACES.sub("", s)
