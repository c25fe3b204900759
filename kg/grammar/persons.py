"""Named officials: a surname-initial name next to a position title, never a private person.

Forms: a roster line (朱勇志 市委依法治市办副主任), name + title (习近平总书记), title + name
(局长王书国), name + 同志. A name marked 化名 or containing 某 never becomes an entity.
"""
from __future__ import annotations

import functools
import importlib.util
import os
import re
from collections.abc import Collection

from ..lexicon import POSITIONS, PRIVATE_MARKERS, SURNAMES_1, SURNAMES_2
from ..model import EntityType
from .candidates import Candidate
from .text import HAN, finditer_at, finditer_before, is_han, marker_starts

_POS_ALT = "|".join(map(re.escape, POSITIONS))
_ROSTER = re.compile(rf"(?m)^[ \t\u3000]*([{HAN}]{{2,4}})(?:[ \t\u3000]+|[ \t\u3000]*\n\s*)(?=[^\n]{{0,30}}(?:{_POS_ALT}))")
_NAME_TITLE = re.compile(rf"([{HAN}]{{2,4}}?)(?:同志|(?:{_POS_ALT}))")
_AFTER_ORG = re.compile(rf"(?:司法所|派出所|法院|检察院|局|办|中心|工作站|服务站)([{HAN}]{{2,3}})")
_TITLE_NAME = re.compile(rf"(?:{_POS_ALT})[、，,]?([{HAN}]{{2,3}})")
#: a title (or 同志): every match of _NAME_TITLE has one 2–4 characters after its start
_TITLE = re.compile(rf"同志|{_POS_ALT}")


@functools.cache
def common_words() -> frozenset[str]:
    """2–3 character words of jieba's dictionary that are not person names (关于, 利用, 高度)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = os.path.join(spec.submodule_search_locations[0], "dict.txt")
    words = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and 2 <= len(parts[0]) <= 3 and parts[2] != "nr" and int(parts[1]) >= 20:
                words.add(parts[0])
    return frozenset(words)


_FUNCTION = set("的了与和由在是把被等将对向从为及并而且之其所以于着过也都就又还个些")


def _plausible(name: str) -> bool:
    if any(m in name for m in PRIVATE_MARKERS):
        return False
    sur = 2 if name[:2] in SURNAMES_2 else 1
    if any(c in _FUNCTION for c in name[sur:]):
        return False  # 党委的, 成员与: a surname-like character before ordinary words
    if name in common_words() or name.endswith(("乡", "镇", "县", "区", "市", "村", "省")):
        return False
    if name[:2] in SURNAMES_2:
        return 3 <= len(name) <= 4
    return name[0] in SURNAMES_1 and 2 <= len(name) <= 3


def _private_after(text: str, end: int) -> bool:
    return "化名" in text[end:end + 6]


def match_persons(text: str, token_starts: Collection[int] | None = None) -> list[Candidate]:
    out: dict[tuple[int, int], Candidate] = {}

    def add(s: int, e: int, strict: bool = False) -> None:
        name = text[s:e]
        if not _plausible(name) or _private_after(text, e):
            return
        if strict:  # without a title right before it, a name must look like one word
            given = name[2:] if name[:2] in SURNAMES_2 else name[1:]
            if len(given) == 2 and given in common_words():
                return  # 由人民, 和中级
            if token_starts is not None and any(i in token_starts for i in range(s + 2, e)):
                return
        out[(s, e)] = Candidate(s, e, EntityType.PERSON, name, "person", "PublicOfficial")

    for m in _ROSTER.finditer(text):
        add(m.start(1), m.end(1))
    if token_starts is None:
        return sorted(out.values(), key=lambda c: c.start)
    titles = marker_starts(_TITLE, text)  # every title's start, for both title rules
    for m in finditer_before(_NAME_TITLE, _TITLE, text, (2, 3, 4), titles):
        # the name must be a whole word: a token starts at it and at the title after it
        s, e = m.start(1), m.end(1)
        for s2 in range(s, e - 1):
            if s2 in token_starts and e in token_starts:
                add(s2, e, strict=True)
                break
    # a match of _TITLE_NAME opens with a title, so starts where _TITLE matches
    for m in finditer_at(_TITLE_NAME, text, sorted(titles)):
        s = m.start(1)
        for e in (s + 3, s + 2):
            if e <= m.end(1) and (e == len(text) or e in token_starts):
                add(s, e)
                break
    for m in _AFTER_ORG.finditer(text):  # 斜店司法所王正伟冒雨…: a staff member named after the unit
        s = m.start(1)
        for e in (s + 3, s + 2):
            if e <= m.end(1) and s in token_starts and (e == len(text) or e in token_starts) \
                    and text[s:e] not in common_words():
                add(s, e, strict=True)
                break
    return sorted(out.values(), key=lambda c: c.start)
