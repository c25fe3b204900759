"""该县, 该街道, 该局: a demonstrative and a kind of division or body refer back to the last one of
that kind the paragraph names (三里庵街道推行…，该街道被评为… → 三里庵街道); 该模式, 这一机制: a
demonstrative and a program's head word refer back to the last program the paragraph names with
that head (…创新“楼院议事厅”基层治理模式，该模式入选… → the model); 该做法, 这一经验: a
demonstrative and a practice refer back to the place or body whose sentence, earlier in the
paragraph, opens with it (溧阳市依托…平台推动…。该做法入选… → 溧阳市: what is honoured is its work).

The references are read by the relation rules as the entity they stand for, where it acts or is
honoured; they are no names of it (no label: 该街道 names any street).
"""
from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from ..model import EntityType
from .candidates import Candidate
from .text import CLOSING_QUOTES, SENT_END

#: 该 and the kind it refers back by: a division's level word or a body's core (the longer first)
_BACK = re.compile("该(街道|社区|委员会|中心|县|区|市|旗|镇|乡|村|局|院|所)")
_KINDS = (EntityType.PLACE, EntityType.ORGANIZATION)
SOURCE = "anaphor"
#: a demonstrative and a word for a practice (该做法, 这一经验, 此项举措, 该案例 in a collection of cases)
_PRACTICE = re.compile("(?:该|这一|此项|这项|本)(?:做法|经验|举措|工作法|模式|案例)")
#: a demonstrative and the head word of a program's name (该模式, 这一机制, 该品牌)
_PROGRAM_BACK = re.compile("(?:该|这一|此项|这项)(模式|机制|品牌|平台|工作法|制度|项目)")


def back_references(text: str, mentions: Sequence[Candidate], token_starts: Collection[int] | None
                    ) -> list[Candidate]:
    """Each 该X of `text` (a word of its own: not 应该区分, 该区域) as a mention of the last place or
    body before it in its paragraph whose name ends with X (a county named inside its bureau's
    name too: 某县司法局局长介绍，该县…); none when there is no such one."""
    out = []
    named = [m for m in mentions if m.etype in _KINDS]
    for ref in _BACK.finditer(text):
        s, e = ref.span()
        if token_starts is not None and (s not in token_starts or (e < len(text) and e not in token_starts)):
            continue
        paragraph = text.rfind("\n", 0, s) + 1
        kind = ref.group(1)
        antecedent = next((m for m in reversed(named)
                           if paragraph <= m.start and m.end <= s and m.name.endswith(kind)), None)
        if antecedent is not None:
            out.append(_standing_for(s, e, antecedent))
    programs = _program_references(text, mentions)
    out.extend(programs)
    for ref in _PRACTICE.finditer(text):
        s, e = ref.span()
        if any(p.start == s for p in programs):
            continue
        paragraph = text.rfind("\n", 0, s) + 1
        antecedent = next((m for m in reversed(named) if paragraph <= m.start and m.end <= s
                           and (m.start == paragraph or text[m.start - 1] in SENT_END)), None)
        if antecedent is not None:
            out.append(_standing_for(s, e, antecedent))
    out.extend(_pair_references(text, named))
    return sorted(out, key=lambda c: c.start)


def _program_references(text: str, mentions: Sequence[Candidate]) -> list[Candidate]:
    """Each 该模式 (这一机制…) as a mention of the last program before it in its paragraph whose
    name ends with that head word (closing quotes aside)."""
    out: list[Candidate] = []
    programs = [m for m in mentions if m.etype == EntityType.PROGRAM]
    if not programs:
        return out
    for ref in _PROGRAM_BACK.finditer(text):
        s, e = ref.span()
        paragraph = text.rfind("\n", 0, s) + 1
        head = ref.group(1)
        antecedent = next((m for m in reversed(programs) if paragraph <= m.start and m.end <= s
                           and m.name.rstrip(CLOSING_QUOTES).endswith(head)), None)
        if antecedent is not None:
            out.append(_standing_for(s, e, antecedent))
    return out


#: two places referred to together (两地将继续共建…), not after their own abbreviations (川渝两地)
_PAIR = re.compile(r"(?<![\u4e00-\u9fff])两地|(?<=[，,。；;：:“])两地")
#: how far back the pair is looked for: the paragraphs before the reference
_PAIR_PARAGRAPHS = 3


def _pair_references(text: str, named: Sequence[Candidate]) -> list[Candidate]:
    """两地 as mentions of the last two counties (or cities) the text named before it, within a
    few paragraphs (荣昌区…隆昌市… “两地将继续共建…”): both act where it acts."""
    out: list[Candidate] = []
    if "两地" not in text:
        return out  # (most texts: one scan for the literal, not the pattern's at every position)
    for ref in _PAIR.finditer(text):
        s, e = ref.span()
        begin = s
        for _ in range(_PAIR_PARAGRAPHS):
            begin = text.rfind("\n", 0, max(begin - 1, 0)) + 1
        for subtype in ("County", "City"):
            last: dict[str, Candidate] = {}
            for m in named:
                if begin <= m.start and m.end <= s and m.etype == EntityType.PLACE and m.subtype == subtype:
                    last.pop(m.name, None)
                    last[m.name] = m
            if len(last) >= 2:
                out.extend(_standing_for(s, e, m) for m in list(last.values())[-2:])
                break
    return out


def _standing_for(s: int, e: int, antecedent: Candidate) -> Candidate:
    """The reference text[s:e] as a mention of `antecedent`."""
    return Candidate(s, e, antecedent.etype, antecedent.name, SOURCE, antecedent.subtype, antecedent.props)
