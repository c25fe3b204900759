"""Programs: named brands, models, mechanisms, campaigns, systems and projects.

A quoted name with its head noun (“1+3”多元纠纷化解模式) is the strongest signal; a quoted
name alone is kept when its clause says it is carried out (打造/开展/推行…) or its shape is a
coined label (numerals, +), and dropped when it reads as a scare quote (的“神经末梢”),
a problem label (“三多”问题) or a slogan (lists, punctuation).
"""
from __future__ import annotations

import re

from ..lexicon import IMPLEMENT_CUES, NON_PROGRAM_HEADS, ORG_BAD_MIDDLES, PROGRAM_HEADS
from ..model import EntityType
from .candidates import Candidate
from .text import QUOTE_PAIRS, is_han

_MAX_QUOTED = 14
_COINED = re.compile(r"[0-9０-９+＋·]|[一二三四五六七八九十两百千]")
_SLOGAN_CHARS = set("，,。；;：:！!？?、")
#: verbs that mark the quoted phrase as a goal or state reached, not a named initiative
_STATE_BEFORE = ("实现", "做到", "成为", "形成", "筑起", "打通", "从", "到", "达到", "变", "当好", "争当",
                 "称为", "誉为", "被誉为", "坚持", "树立", "牢固树立", "解决", "破解", "有效", "确保")
_MEETING = ("主题", "系列", "新闻", "会议", "发布会", "座谈会", "大会", "论坛", "会", "讲座", "比赛")
_EXT_BREAK = set("的了在和与及或对为把被将从向以于由等并且而但是也都又还就已，,。；;：:、（）()《》“”‘’\"'|\n")


def _head_extension(text: str, pos: int) -> tuple[int, str | None]:
    """Length of the head-noun phrase at pos (modifiers + a program head), and its subtype."""
    j = pos
    while j < min(len(text), pos + 12) and text[j] not in _EXT_BREAK and is_han(text[j]):
        j += 1
    run = text[pos:j]
    # the whole run must end in a head: if the phrase goes on (品牌调解力, 品牌建设) it is not a name
    for head, sub in PROGRAM_HEADS:
        if run.endswith(head):
            mod = run[: len(run) - len(head)]
            if not any(w in mod for w in ORG_BAD_MIDDLES):
                return len(run), sub
            break
    return 0, None


def _head_follows(text: str, pos: int) -> bool:
    """A head noun right after the quote (“有事来聊”品牌调解力): the quote names a program."""
    return any(text.startswith(h, pos) for h, _ in PROGRAM_HEADS if len(h) >= 2)


def _implement_cue_before(text: str, start: int) -> bool:
    clause_start = max(text.rfind(c, 0, start) for c in "，,。；;\n")
    window = text[max(clause_start + 1, start - 14):start]
    return any(cue in window for cue in IMPLEMENT_CUES)


def match_programs(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    i, n = 0, len(text)
    while i < n:
        close = QUOTE_PAIRS.get(text[i])
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1, min(n, i + 2 + 40))
        if j < 0 or "\n" in text[i:j]:
            i += 1
            continue
        qstart, qend = i, j + 1
        inner = text[i + 1:j].strip()
        i = qend
        if not inner:
            continue
        after = text[qend:qend + 6]
        if after.startswith(NON_PROGRAM_HEADS) or after.startswith(_MEETING):
            continue
        k, sub = _head_extension(text, qend)
        quoted = text[qstart:qend]
        if k:
            name = text[qstart:qend + k]
            out.append(Candidate(qstart, qend + k, EntityType.PROGRAM, name, "program", sub,
                                 aliases=(quoted, inner)))
            continue
        if len(inner) > _MAX_QUOTED or any(c in _SLOGAN_CHARS for c in inner):
            continue
        if inner.endswith(("奖", "称号")):
            continue
        before = text[max(0, qstart - 4):qstart]
        score = 0
        if _implement_cue_before(text, qstart):
            score += 1
        if _COINED.search(inner):
            score += 1
        if _head_follows(text, qend):
            score += 1
        if before.endswith("的") or before.endswith(_STATE_BEFORE):
            score -= 2
        if after.startswith(("的", "作用", "目标")):
            score -= 1
        if score >= 1:
            out.append(Candidate(qstart, qend, EntityType.PROGRAM, quoted, "program", None,
                                 aliases=(inner,)))
    return out
