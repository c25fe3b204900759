"""receivedAward and awardedBy, from the award events of kg.grammar.awards.

Who received the honours is as the event names them (`Recipients`): before the cue, the mention
ending the subject with those coordinated with it, else the recipient of the sentence's previous
honour, else the document's actor; the active voice's object (命名A、B为…); the person after each
honour; each item of a later enumeration (3个村榜上有名，分别是：A、B、C); nobody when they are only
counted (3家单位获评…). Each organisation in the conferrer phrase (被X授予, 入选X《…选编》, X命名…)
conferred them; an active 命名 in a clause without one was conferred by the bodies the sentence
opens with (司法部、民政部印发《…》，命名…为…).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from ..model import EntityKey, EntityType, Predicate
from .awards import AwardEvent, Recipients
from .candidates import NESTED, Candidate
from .coordination import COORD, coordinated_before
from .text import Sentence

_ORG, _PLACE, _PERSON = EntityType.ORGANIZATION, EntityType.PLACE, EntityType.PERSON
#: who can receive an honour
RECIPIENT_TYPES = (_ORG, _PLACE, _PERSON, EntityType.PROGRAM, EntityType.REGULATION)

Add = Callable[[EntityKey, Predicate, EntityKey, Sentence | None], None]
Mentions = Sequence[tuple[Candidate, EntityKey]]

#: what may stand before a sentence's subject: a short adverbial of time and a comma (近日，)
_LEAD = re.compile(r"(?:[^，,。；;\n]{0,8}[，,])?")
_ENUM_ITEM = re.compile(r"[^、，,和及]+")
#: what follows a mention to close the subject as a body or place of its own, which no matcher
#: named (我市 + 湖塘镇司法所): the mention before it is not the recipient
_UNFOUND_HOLDER = re.compile(r"[^\W\d_的了在和与及或对为把被将从向以于由等并而也都又还就已]{1,16}"
                             r"(?:所|中心|站|室|村|社区|镇|乡|街道|委员会|委会|局|院|队|庭|馆|学校|小学|中学|公司|协会"
                             r"|党支部|党委|支部)")


def _listed(text: str, span: tuple[int, int], ms: Mentions) -> list[EntityKey]:
    """分别是：茂南区羊角镇上庵村、电白区沙琅镇琅西村: each item names one, by its last mention
    (the most specific place of its chain)."""
    out: list[EntityKey] = []
    for item in _ENUM_ITEM.finditer(text, *span):
        last = [k for m, k in ms if item.start() <= m.start and m.end <= item.end()
                and k.etype in RECIPIENT_TYPES and m.source != NESTED]
        if last:
            out.append(last[-1])
    return out


def _opening_orgs(text: str, s: Sentence, ms: Mentions, before: int) -> list[EntityKey]:
    """The organisations a sentence opens with (after a short adverbial), coordinated, before
    `before`."""
    orgs = [(m, k) for m, k in ms if k.etype == _ORG and m.source != NESTED and m.end <= before]
    if not orgs or not _LEAD.fullmatch(text, s.start, orgs[0][0].start):
        return []
    out, end = [orgs[0][1]], orgs[0][0].end
    for m, k in orgs[1:]:
        if not COORD.fullmatch(text, end, m.start) or "，" in text[end:m.start]:
            break
        out.append(k)
        end = m.end
    return out


def _opening_subject(text: str, s: Sentence, ms: Mentions, before: int) -> list[EntityKey]:
    """The body or place a sentence opens with (after a short adverbial: 2023年，), with those
    coordinated with it, if it stands before `before`."""
    actors = [(m, k) for m, k in ms if k.etype in (_ORG, _PLACE) and m.source != NESTED and m.end <= before]
    if not actors or not _LEAD.fullmatch(text, s.start, actors[0][0].start):
        return []
    group = [actors[0]]
    for m, k in actors[1:]:
        if k.etype != group[-1][1].etype or not COORD.fullmatch(text, group[-1][0].end, m.start) \
                or "，" in text[group[-1][0].end:m.start]:
            break
        group.append((m, k))
    return [k for _, k in group]


def _topic(text: str, sents: Sequence[Sentence], i: int, in_sent: Mapping[int, Mentions],
           cue: int) -> list[EntityKey]:
    """Who a subjectless award clause is about: the subject its sentence opens with (市司法局坚持…，
    荣获…), else, when the sentence itself opens with the cue, the subject of the sentence before
    it in the same paragraph (赣州市司法局…取得较好成效。获评…): a topic chain."""
    s = sents[i]
    own = _opening_subject(text, s, in_sent.get(i, []), cue)
    if own or i == 0:
        return own
    prev = sents[i - 1]
    if "\n" in text[prev.end:s.start] or not _LEAD.fullmatch(text, s.start, cue):
        return []
    return _opening_subject(text, prev, in_sent.get(i - 1, []), prev.end)


def award_relations(text: str, sents: Sequence[Sentence], sentence_at: Callable[[int], int | None],
                    in_sent: Mapping[int, Mentions], events: Sequence[AwardEvent],
                    actor_at: Callable[[int], EntityKey | None], add: Add) -> None:
    """Calls `add` for each receivedAward and awardedBy the events state. `in_sent` holds each
    sentence's mentions (by sentence index, in text order); `actor_at` is who acts, at a
    position, where a sentence names nobody."""
    by_spans = [e.by_span for e in events if e.by_span]
    last: tuple[int, EntityKey] | None = None  # (sentence index, recipient)
    for ev in events:
        i = sentence_at(ev.cue_start)
        if i is None or ev.nominated:
            continue
        s, ms = sents[i], in_sent.get(i, [])
        recipients: list[EntityKey] = []
        if ev.recipients == Recipients.NAMED and ev.recipient_span is not None:
            a, b = ev.recipient_span
            inside = [(m, k) for m, k in ms if a <= m.start and m.end <= b
                      and k.etype in RECIPIENT_TYPES and m.source != NESTED]
            recipients = coordinated_before(text, inside) if inside else []
        elif ev.recipients == Recipients.PERSON_AFTER and ev.recipient_span is not None:
            a, b = ev.recipient_span
            recipients = [k for m, k in ms if a <= m.start < b and k.etype == _PERSON][:1]
        elif ev.recipients == Recipients.LISTED and ev.recipient_span is not None:
            recipients = _listed(text, ev.recipient_span, ms)
        elif ev.recipients == Recipients.BEFORE:
            stop = ev.subject_stop
            clause = max(text.rfind(c, s.start, ev.cue_start) for c in "，,；;：:")
            cands = [(m, k) for m, k in ms if clause < m.start and m.end <= stop
                     and k.etype in RECIPIENT_TYPES and m.source != NESTED
                     and not any(a <= m.start < b for a, b in by_spans)]
            if cands and _UNFOUND_HOLDER.fullmatch(text, cands[-1][0].end, stop):
                recipients = []  # 我市湖塘镇司法所榜上有名: a body no matcher named, not 我市
            elif cands:
                recipients = coordinated_before(text, cands)
            elif last is not None and last[0] == i:
                recipients = [last[1]]
            else:
                recipients = _topic(text, sents, i, in_sent, ev.cue_start)
                if not recipients:
                    fallback = actor_at(s.start)
                    recipients = [fallback] if fallback is not None else []
        award_keys = [EntityKey(a.etype, a.name) for a in ev.awards]
        for recipient in recipients:
            last = (i, recipient)
            for ak in award_keys:
                add(recipient, Predicate.RECEIVED_AWARD, ak, s)
        conferrers: list[EntityKey] = []
        if ev.by_span:
            a, b = ev.by_span
            conferrers = [k for m, k in ms if a <= m.start and m.end <= b and k.etype == _ORG]
            if not conferrers and ev.active:
                conferrers = _opening_orgs(text, s, ms, a)
        for k in conferrers:
            for ak in award_keys:
                add(ak, Predicate.AWARDED_BY, k, s)
