"""Awards: titles after 荣获/获评/被…授予/被…评为/被确定为/入选, split at 、 into each honour.

Besides candidates it returns AwardEvents: where the cue stands and which span names the
conferrer (被省委、省政府评为), so the relation stage can attach recipients and conferrers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import (AWARD_ACTIVE_VERBS, AWARD_CONFER_VERBS, AWARD_LIST_CUES, AWARD_NOMINATE_VERBS,
                       AWARD_RECEIVE_CUES, AWARD_SUFFIXES)
from ..model import EntityType
from .candidates import Candidate
from .text import clause_start

def _alternation(words: tuple[str, ...]) -> str:
    """Words as one flat alternation, longer first where one begins another. A flat alternation
    (not a group of groups) lets every branch open with a literal, so the regex engine skips
    ahead to the characters that can start a match."""
    return "|".join(sorted(words, key=len, reverse=True))


_CUE_RE = re.compile(
    r"被(?P<by>[^，,。；;：:\n被]{1,24}?)(?:" + _alternation(AWARD_CONFER_VERBS) + ")"
    + "|" + _alternation(tuple("被" + v for v in AWARD_CONFER_VERBS) + AWARD_RECEIVE_CUES + AWARD_LIST_CUES)
)
_END_RE = re.compile(r"[，,。；;：:！!？?\n]|的|等(?:荣誉)?称号|等荣誉|等奖项|等(?=[，,。；;])|等$")
_TRAILING = re.compile(r"(?:等)?(?:荣誉称号|称号|荣誉|奖项|名单)$|等$")


_ONE_OF = re.compile(r"之一$")
_QUOTES = re.compile(r"[“”]")
_BRACKETED_END = re.compile(r"[(（][^()（）]*[)）]$")
_QUOTED = re.compile(r"“([^”]+)”")
_COUNTED = re.compile(r"(?<=[^\d第])\d+个")
_SCOPE_HONOUR = re.compile(r"(?:第.{1,3}[届批])?(?:全国|全省|全市|省级|市级|国家级)\S{0,8}(?:模范|优秀|先进|标兵|十佳|最美)")


@dataclass(frozen=True, slots=True)
class AwardEvent:
    cue_start: int
    cue_end: int
    by_span: tuple[int, int] | None  # the conferrer phrase inside 被…授予
    awards: tuple[Candidate, ...]
    recipient_span: tuple[int, int] | None = None  # where the recipient is named after the award
    nominated: bool = False  # 被推荐为: put forward for the honour, not (yet) given it
    active: bool = False  # 司法部命名X为…: the recipients are named in recipient_span


def _split_items(segment: str) -> list[str]:
    """Split coordinated honours at 、 (or 和 before a new scope), not inside () or quotes."""
    if "、" not in segment and "和" not in segment:
        return [segment]  # nothing to split at
    parts, depth, cur = [], 0, ""
    for i, ch in enumerate(segment):
        if ch in "(（“":
            depth += 1
        elif ch in ")）”" and depth:
            depth -= 1
        if depth == 0 and (ch == "、" or (ch == "和" and segment.startswith(("全国", "全省", "全市", "省级", "国家级", "市级"), i + 1))):
            parts.append(cur)
            cur = ""
            continue
        cur += ch
    parts.append(cur)
    return parts


def _is_award(title: str) -> bool:
    if not 3 <= len(title) <= 40:
        return False
    if title.startswith("“") and title.endswith("”"):
        return True  # a quoted title after an award cue
    core = _BRACKETED_END.sub("", _QUOTES.sub("", title))
    if _SCOPE_HONOUR.match(core):
        return True  # 全国模范司法所长, 全省优秀律师: a scope and a mark of distinction
    if core.endswith(AWARD_SUFFIXES):
        return True
    core = title.rstrip("”\"’」")
    return core.endswith(AWARD_SUFFIXES) or "奖" in title[-4:] or core.endswith("”")


def _items(text: str, seg_start: int, seg_end: int) -> list[Candidate]:
    items: list[Candidate] = []
    pos = seg_start
    for part in _split_items(text[seg_start:seg_end]):
        s = pos + (len(part) - len(part.lstrip()))
        title = _TRAILING.sub("", part.strip())
        pos += len(part) + 1
        if title.startswith(("了", "的")):
            title = title[1:]
            s += 1
        span = len(title)
        # 全国“八五”普法4个法治文化建设联系点之一: one of the four is the title itself
        name = _COUNTED.sub("", _ONE_OF.sub("", title))
        if not _is_award(name):
            continue
        aliases: tuple[str, ...] = (title,) if name != title else ()
        q = _QUOTED.search(name)
        if q and q.group(0) != name:
            aliases += (q.group(0),)
        items.append(Candidate(s, s + span, EntityType.AWARD, name, "award", None, aliases=aliases))
    return items


#: the active voice: conferrer + 命名/评选/认定/确定 + recipient + 为 + award (the conferrer is what
#: the clause names before the verb)
_ACTIVE_RE = re.compile("(?:" + _alternation(AWARD_ACTIVE_VERBS) + r")(?P<rec>[^，,。；;：:\n为被]{2,24}?)为")


def _segment_end(text: str, start: int) -> int:
    """Where the honours named from `start` end: a clause mark, 的, 等…称号, or 160 characters."""
    end_m = _END_RE.search(text, start, min(len(text), start + 160))
    return end_m.start() if end_m else min(len(text), start + 160)


def _active_events(text: str) -> tuple[list[Candidate], list[AwardEvent]]:
    cands: list[Candidate] = []
    events: list[AwardEvent] = []
    for m in _ACTIVE_RE.finditer(text):
        if m.start() and text[m.start() - 1] == "被":
            continue  # 被司法部命名…: the passive, _CUE_RE's (tested here: a lookbehind first is slow)
        items = [c for c in _items(text, m.end(), _segment_end(text, m.end()))
                 if "试点" not in c.name]  # 确定A、B为试点单位: pilots (the relation stage's), no honour
        if not items:
            continue
        by = (clause_start(text, m.start()), m.start())  # the conferrer's clause, up to the verb
        cands.extend(items)
        events.append(AwardEvent(m.start(), m.end(), by, tuple(items), m.span("rec"), active=True))
    return cands, events


def match_awards(text: str) -> tuple[list[Candidate], list[AwardEvent]]:
    cands: list[Candidate] = []
    events: list[AwardEvent] = []
    for m in _CUE_RE.finditer(text):
        seg_start = m.end()
        if m.group(0) in AWARD_LIST_CUES:
            # 涌现出 A、(unit+post) NAME，B、… NAME: each honour with the person named after it
            stop = re.compile(r"[。；;\n]").search(text, seg_start)
            sent_end = stop.start() if stop else len(text)
            for part in re.finditer(r"[^，,]+", text[seg_start:sent_end]):
                ps, pe = seg_start + part.start(), seg_start + part.end()
                first = _split_items(part.group(0))[0]
                items = _items(text, ps, ps + len(first))
                if items:
                    cands.extend(items)
                    events.append(AwardEvent(m.start(), m.end(), None, tuple(items), (ps + len(first), pe)))
            continue
        items = _items(text, seg_start, _segment_end(text, seg_start))
        if not items:
            continue
        by = (m.start("by"), m.end("by")) if m.group("by") else None
        cands.extend(items)
        events.append(AwardEvent(m.start(), m.end(), by, tuple(items), nominated=m.group(0).endswith(AWARD_NOMINATE_VERBS)))
    if "为" in text:
        more, more_events = _active_events(text)
        if more_events:
            cands.extend(more)
            events.extend(more_events)
            events.sort(key=lambda e: e.cue_start)
    return cands, events
