"""Named officials: a surname-initial name next to a position title, never a private person.

Forms: a roster line (周海峰 市委依法治市办副主任), name + title (习近平总书记), title + name
(局长陈立新), name + 同志. A name marked 化名 or containing 某 never becomes an entity.
"""
from __future__ import annotations

import re
from collections.abc import Collection

from ..lexicon import PERSON_HONOUR_HEADS, POSITIONS, PRIVATE_MARKERS, SURNAMES_1, SURNAMES_2
from ..model import EntityType
from .candidates import Candidate
from .text import HAN, common_words, finditer_at, finditer_before, is_han, marker_starts, trie_pattern

_POS_ALT = "|".join(map(re.escape, POSITIONS))
_NAME_TITLE = re.compile(rf"([{HAN}]{{2,4}}?)(?:同志|(?:{_POS_ALT}))")
_AFTER_ORG = re.compile(rf"(?:司法所|派出所|法院|检察院|局|办|中心|工作站|服务站)([{HAN}]{{2,3}})")
_BEFORE_NAME_ALT = "|".join(map(re.escape, sorted((*POSITIONS, *PERSON_HONOUR_HEADS), key=len, reverse=True)))
_TITLE_NAME = re.compile(rf"(?:{_BEFORE_NAME_ALT})[”’」]?(?:[、，,：:]|[ \t\u3000]+)?([{HAN}]{{2,3}})")
#: a title (or 同志): every match of _NAME_TITLE has one 2–4 characters after its start
_TITLE = re.compile(rf"同志|{_POS_ALT}")


#: in the lookahead only whether a title follows matters: a prefix tree of them decides it faster
_ROSTER = re.compile(rf"(?m)^[ \t\u3000]*([{HAN}]{{2,4}})(?:[ \t\u3000]+|[ \t\u3000]*\n\s*)(?=[^\n]{{0,30}}(?:{trie_pattern(POSITIONS)}))")
#: a line start a roster name can follow: _ROSTER's name, then a space or a line break
_ROSTER_LINE = re.compile(rf"\n(?=[ \t\u3000]*[{HAN}]{{2,4}}[ \t\u3000\n])")


class _WordStarts:
    """Every position where one of `words` starts (overlapping ones too), found from the ends.

    The titles end in 13 characters (长, 员, 记…) but open with 39 (副, 主, 人…), so in the
    reversed text the regex engine stops at far fewer places than in the text."""

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = frozenset(words)
        self.lengths = sorted({len(w) for w in words})
        self.ends = re.compile(trie_pattern(w[::-1] for w in words))  # matches where a word ends

    def __call__(self, text: str) -> set[int]:
        n, words = len(text), self.words
        starts = set()
        for r in marker_starts(self.ends, text[::-1]):
            e = n - r
            starts.update(e - k for k in self.lengths if k <= e and text[e - k:e] in words)
        return starts


#: where _TITLE matches: every title's start
_title_starts = _WordStarts(("同志", *POSITIONS))
#: where an honour a winners' list follows starts
_honour_starts = _WordStarts(PERSON_HONOUR_HEADS)


_PRIVATE = re.compile("|".join(map(re.escape, PRIVATE_MARKERS)))
_FUNCTION = set("的了与和由在是把被等将对向从为及并而且之所以于着过也都就又还个些")  # not 其 (刘其亮)
#: the last characters of organ names: no given name ends in them (云岭州司法局 + 党委书记)
_ORGAN_LAST = ("局", "厅", "委", "办", "院", "所", "处", "科", "室", "站")


def _plausible(name: str) -> bool:
    if _PRIVATE.search(name):
        return False
    sur = 2 if name[:2] in SURNAMES_2 else 1
    if not _FUNCTION.isdisjoint(name[sur:]):
        return False  # 党委的, 成员与: a surname-like character before ordinary words
    if name in common_words() or name.endswith(("乡", "镇", "县", "区", "市", "村", "省", *_ORGAN_LAST)):
        return False
    if name[:2] in SURNAMES_2:
        return 3 <= len(name) <= 4
    return name[0] in SURNAMES_1 and 2 <= len(name) <= 3


def _private_after(text: str, end: int) -> bool:
    return "化名" in text[end:end + 6]


def match_persons(text: str, token_starts: Collection[int] | None = None) -> list[Candidate]:
    out: dict[tuple[int, int], Candidate] = {}

    def add(s: int, e: int, strict: bool = False) -> bool:
        name = text[s:e]
        if not _plausible(name) or _private_after(text, e):
            return False
        if strict:  # without a title right before it, a name must look like one word
            given = name[2:] if name[:2] in SURNAMES_2 else name[1:]
            if len(given) == 2 and given in common_words():
                return False  # 由人民, 和中级
            if token_starts is not None and any(i in token_starts for i in range(s + 2, e)):
                return False
        out[(s, e)] = Candidate(s, e, EntityType.PERSON, name, "person", "PublicOfficial")
        return True

    def coordinated(e: int) -> None:
        """调解员刘德华、王明: the names coordinated after a title's name hold it too."""
        while e < len(text) and text[e] == "、" and e + 1 in token_starts:
            s = e + 1
            e = next((e2 for e2 in (s + 3, s + 2) if e2 <= len(text) and (e2 == len(text) or e2 in token_starts)
                      and add(s, e2, strict=True)), 0)
            if not e:
                return

    # _ROSTER matches at a line start only: the text's start, or one after a name-like opening
    for m in finditer_at(_ROSTER, text, [0, *(n.end() for n in _ROSTER_LINE.finditer(text))]):
        add(m.start(1), m.end(1))
    if token_starts is None:
        return sorted(out.values(), key=lambda c: c.start)
    titles = _title_starts(text)  # every title's start, for both title rules
    for m in finditer_before(_NAME_TITLE, _TITLE, text, (2, 3, 4), titles):
        # the name must be a whole word: a token starts at it and at the title after it; the
        # first word that is a name (是|邓小平同志: the verb before it is none)
        s, e = m.start(1), m.end(1)
        if e in token_starts:
            any(add(s2, e, strict=True) for s2 in range(s, e - 1) if s2 in token_starts)
    # a match of _TITLE_NAME opens with a title, so starts where _TITLE matches; every title is
    # tried, not only those after the last match: in 党委委员、副厅长谭建华 the first title's
    # match (委员、副厅) runs over the title before the name
    for i in sorted(titles | _honour_starts(text)):
        m = _TITLE_NAME.match(text, i)
        if m is None:
            continue
        s = m.start(1)
        for e in (s + 3, s + 2):
            if e <= m.end(1) and (e == len(text) or e in token_starts):
                if add(s, e):
                    coordinated(e)
                break
    for m in _AFTER_ORG.finditer(text):  # 桃林司法所张建伟冒雨…: a staff member named after the unit
        s = m.start(1)
        if s not in token_starts and s - 1 not in token_starts:
            continue  # (桃林司法|所张|建伟: the words may join the unit's last character to the surname)
        for e in (s + 3, s + 2):
            if e <= m.end(1) and (e == len(text) or e in token_starts) \
                    and text[s:e] not in common_words():
                add(s, e, strict=True)
                break
    return sorted(out.values(), key=lambda c: c.start)
