"""What an honour is given to, where no other matcher has named it: the work, project, method or
case that stands as the subject right before the award cue.

  “X”入选…                     a quoted name                 → the program “X”
  “X”一件事入选…                a quoted name and a short head → “X”一件事
  《X》课题入选…, 普法微电影《X》摘得… a title with its kind          → 《X》课题, 普法微电影《X》
  …化解“四步”工作法获评…, 健全…审核机制被命名为…
                               a phrase closing on a program head (工作法, 机制, 模式…)

The phrase runs back from the subject's end to the clause's start, a mention already found
(东港街道 before its 工作法) or 的; a phrase opening with a demonstrative (该机制, 这一模式)
refers back and names nothing; one holding a function word is a clause, not a name.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..lexicon import PROGRAM_HEADS
from ..model import EntityType
from .awards import AwardEvent, Recipients
from .candidates import Candidate
from .text import HAN, LIST_LEAD

#: who can receive an honour (mentions of these kinds ending at the subject's end name it)
RECIPIENT_TYPES = (EntityType.ORGANIZATION, EntityType.PLACE, EntityType.PERSON, EntityType.PROGRAM,
                   EntityType.REGULATION)
_HOLDERS = (EntityType.ORGANIZATION, EntityType.PLACE, EntityType.PERSON)
#: program heads of two characters or more, each with its subtype (the first listed wins)
_HEADS: dict[str, str] = {}
for _head, _sub in PROGRAM_HEADS:
    if len(_head) >= 2:
        _HEADS.setdefault(_head, _sub)
_HEAD_LENGTHS = sorted({len(h) for h in _HEADS}, reverse=True)

_CLAUSE_MARK = re.compile(r"[，,；;。：:！!？?\n、]")
_QUOTED = re.compile(rf"“[^“”\n]{{2,30}}”[{HAN}]{{0,4}}")
_TITLED = re.compile(rf"[{HAN}]{{0,8}}《[^《》\n]{{2,40}}》[{HAN}]{{0,3}}")
_PHRASE = re.compile(rf"[{HAN}“”]{{4,30}}")
_DEMONSTRATIVE = ("这", "该", "此", "上述", "本", "其", "相关", "有关", "各", "一批", "多项", "多个")
#: function characters: a phrase holding one (outside quotes and titles) is a clause, not a name
_FUNCTION = set("的了在和与及或对为把被将从向以于由等并且而但是也都又还就已给让使")
_ENCLOSED = re.compile(r"“[^“”]*”|《[^《》]*》")


def _head_of(phrase: str) -> str | None:
    """The longest program head the phrase closes on."""
    for n in _HEAD_LENGTHS:
        if n < len(phrase) and phrase[-n:] in _HEADS:
            return phrase[-n:]
    return None


def _is_name(phrase: str) -> bool:
    """Whether the phrase is the name of an honoured work: quoted (with a short head), titled
    (with its kind), or closing on a program head; never a demonstrative or a clause."""
    if phrase.startswith(_DEMONSTRATIVE) or not _FUNCTION.isdisjoint(_ENCLOSED.sub("", phrase)):
        return False
    if _QUOTED.fullmatch(phrase) or _TITLED.fullmatch(phrase):
        return True
    head = _head_of(phrase)
    return head is not None and _PHRASE.fullmatch(phrase) is not None and len(phrase) - len(head) >= 2


def _after_de(text: str, lo: int, e: int) -> int:
    """Just after the last 的 of text[lo:e] outside quotes and titles (创作的普法微电影《X》), else lo."""
    enclosed = [m.span() for m in _ENCLOSED.finditer(text, lo, e)]
    de = text.rfind("的", lo, e)
    while de >= 0 and any(a <= de < b for a, b in enclosed):
        de = text.rfind("的", lo, de)
    return de + 1 if de >= 0 else lo


#: what opens a clause's predicate after its subject (皮影戏普法 | 得到…推广)
_PREDICATE = re.compile(r"得到|受到|被|获|经|在|已|成为|深受|还|也|不仅|通过|作为|先后|实现|让|使|于|以|将")


def _previous_subject(text: str, own: int, ends: set[int], starts: set[int]) -> tuple[int, int] | None:
    """When an award clause has no subject of its own, the subject the clause before it opens
    with (其中：皮影戏普法得到…推广，获评…), if no matcher named it and it names a work."""
    marks = list(_CLAUSE_MARK.finditer(text, max(0, own - 60), own - 1))
    start = marks[-1].end() if marks else max(0, own - 60)
    if start in starts:
        return None  # a mention opens it: the relation stage's topic
    pred = _PREDICATE.search(text, start, own - 1)
    if pred is None or pred.start() - start < 4 or pred.start() in ends:
        return None
    return (start, pred.start()) if _is_name(text[start:pred.start()]) else None


def match_honoured(text: str, events: Sequence[AwardEvent], found: Sequence[Candidate]) -> list[Candidate]:
    """Program candidates for the works named as the subjects of award events (`found`: the
    candidates the other matchers made, which take precedence)."""
    if not events:
        return []
    ends = {c.end for c in found if c.etype in RECIPIENT_TYPES}
    starts = {c.start for c in found if c.etype in RECIPIENT_TYPES}
    holders = sorted((c.start, c.end) for c in found if c.etype in _HOLDERS)
    holder_starts = [a for a, _ in holders]
    out: list[Candidate] = []
    for ev in events:
        if ev.recipients != Recipients.BEFORE:
            continue
        e = ev.subject_stop
        if e in ends:
            continue  # the subject is a mention already
        lo = max(0, e - 40)
        marks = list(_CLAUSE_MARK.finditer(text, lo, e))
        lo = marks[-1].end() if marks else lo
        if lo == e and marks and text[lo - 1] in "，,":
            span = _previous_subject(text, lo, ends, starts)
            if span is not None:
                a, b = span
                head = _head_of(text[a:b])
                out.append(Candidate(a, b, EntityType.PROGRAM, text[a:b], "program", _HEADS[head] if head else None))
                ends.add(b)
            continue
        # after a body, place or person named in the clause (a street + its 工作法), not one inside
        # the name's quotes (“X市…体系”), or after 的
        enclosed = [m.span() for m in _ENCLOSED.finditer(text, lo, e)]
        near = holders[bisect.bisect_left(holder_starts, lo):bisect.bisect_left(holder_starts, e)]
        lo = max([lo] + [b for a, b in near if b < e and not any(x <= a < y for x, y in enclosed)])
        lo = _after_de(text, lo, e)
        lo = LIST_LEAD.match(text, lo, e).end()  # (（三）“小巷议事会”入选…: the heading's number is no part)
        phrase = text[lo:e]
        if not phrase or not _is_name(phrase):
            continue
        head = _head_of(phrase)
        out.append(Candidate(lo, e, EntityType.PROGRAM, phrase, "program", _HEADS[head] if head else None))
        ends.add(e)
    return out
