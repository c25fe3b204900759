"""Character classes and small text helpers shared by the matchers."""
from __future__ import annotations

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


def han_run(exclude: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching a run of Han characters none of which is in `exclude`; with
    .match(text, pos, limit) it replaces a per-character loop of is_han and `not in` tests."""
    bad = "".join(sorted(set(exclude)))
    return re.compile(f"(?:(?![{re.escape(bad)}])[{HAN}])*") if bad else re.compile(f"[{HAN}]*")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


_MARKS = re.escape(SENT_END.replace("\n", ""))
_CLOSERS = "”’」』)）"
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
