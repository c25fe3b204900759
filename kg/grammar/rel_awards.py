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

import bisect
import re
from collections.abc import Callable, Mapping, Sequence

from ..lexicon import PERSON_HONOUR_ENDS, RESPECTIVELY
from ..model import EntityKey, EntityType, Predicate
from .awards import AwardEvent, Recipients
from .candidates import NESTED, Candidate
from .coordination import COORD, coordinated_before
from .honour_tables import HonourRow
from .text import CLOSING_QUOTES, LIST_LEAD, Sentence

_ORG, _PLACE, _PERSON = EntityType.ORGANIZATION, EntityType.PLACE, EntityType.PERSON
#: who can receive an honour
RECIPIENT_TYPES = (_ORG, _PLACE, _PERSON, EntityType.PROGRAM, EntityType.REGULATION)

Add = Callable[[EntityKey, Predicate, EntityKey, Sentence | None], None]
Mentions = Sequence[tuple[Candidate, EntityKey]]

#: what may stand before a sentence's subject: a short adverbial of time and a comma (近日，)
_LEAD = re.compile(r"(?:[^，,。；;\n]{0,8}[，,])?")
_ENUM_ITEM = re.compile(r"[^、，,和及\n]+")
#: a list's subheading, counting the items under it (长春市（10个）): no item itself
_COUNTED_HEADING = re.compile(r"[（(][0-9０-９]+[个家所][)）]\s*$")
#: what follows a mention to close the subject as a body or place of its own, which no matcher
#: named (我市 + 湖塘镇司法所): the mention before it is not the recipient
_UNFOUND_HOLDER = re.compile(r"[^\W\d_的了在和与及或对为把被将从向以于由等并而也都又还就已]{1,16}"
                             r"(?:所|中心|站|室|村|社区|镇|乡|街道|委员会|委会|局|院|队|庭|馆|学校|小学|中学|公司|协会"
                             r"|党支部|党委|支部)")


def _listed(text: str, span: tuple[int, int], ms: Mentions) -> list[EntityKey]:
    """分别是：南江区青石镇河湾村、北江区松岭镇枫林村: each item names one, by its last mention
    (the most specific place of its chain)."""
    out: list[EntityKey] = []
    for item in _ENUM_ITEM.finditer(text, *span):
        if _COUNTED_HEADING.search(item.group()):
            continue
        last = [(m, k) for m, k in ms if item.start() <= m.start and m.end <= item.end()
                and k.etype in RECIPIENT_TYPES and m.source != NESTED]
        if last and last[0][1].etype == _PERSON and not text[item.start():last[0][0].start].strip():
            out.append(last[0][1])  # 刘志刚  咸安区司法局副局长: the person the line opens with, his post after
        elif last:
            out.append(last[-1][1])
    return out


def _opening(text: str, start: int, ms: Mentions, before: int,
             types: tuple[EntityType, ...]) -> list[EntityKey]:
    """The mentions of `types` that the text from `start` opens with (after a short adverbial:
    2023年，), the first with those of its type coordinated with it, all before `before`."""
    found = [(m, k) for m, k in ms if k.etype in types and m.source != NESTED and start <= m.start
             and m.end <= before]
    if not found or not _LEAD.fullmatch(text, start, found[0][0].start):
        return []
    group = [found[0]]
    for m, k in found[1:]:
        if k.etype != group[-1][1].etype or not COORD.fullmatch(text, group[-1][0].end, m.start) \
                or "，" in text[group[-1][0].end:m.start]:
            break
        group.append((m, k))
    return [k for _, k in group]


_CLAUSE_MARK = re.compile(r"[，,；;：:]")
#: who can be the topic a subjectless award clause continues
_TOPIC_TYPES = (_ORG, _PLACE, _PERSON, EntityType.PROGRAM)


def _topic(text: str, sents: Sequence[Sentence], i: int, in_sent: Mapping[int, Mentions],
           cue: int, subject_end: int) -> list[EntityKey]:
    """Who an award clause without a subject of its own is about (a topic chain): the subject of
    the nearest clause before it in its sentence that opens with one (皮影戏普法得到…推广，获评…;
    近年来，翠屏区坚持…，荣获…), else, when the sentence opens with the cue, the subject the
    sentence before it (in the same paragraph) opens with (云州市司法局…取得较好成效。获评…)."""
    s = sents[i]
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, s.start, cue)]
    own = marks[-1] if marks else s.start
    if text[own:subject_end].strip():
        return []  # (我们因此获评…: a subject no matcher names)
    ms = in_sent.get(i, [])
    for start in reversed([s.start] + marks[:-1]):
        found = _opening(text, start, ms, own, _TOPIC_TYPES)
        if found:
            return found
    if i == 0 or not _LEAD.fullmatch(text, s.start, own):
        return []
    prev = sents[i - 1]
    if "\n" in text[prev.end:s.start]:
        return []
    return _opening(text, prev.start, in_sent.get(i - 1, []), prev.end, (_ORG, _PLACE))


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
        if ev.recipient_span is not None and ev.recipient_span[1] > s.end:  # a list on the lines below
            ms = _spanned(in_sent, sents, ev.recipient_span)
        if ev.recipients is Recipients.BEFORE:
            recipients = _recipients_before(text, sents, in_sent, i, ev, by_spans,
                                            last[1] if last is not None and last[0] == i else None, actor_at)
        else:
            recipients = _recipients_in_span(text, ev, ms)
        award_keys = [EntityKey(a.etype, a.name) for a in ev.awards]
        if all(a.name.rstrip(CLOSING_QUOTES).endswith(PERSON_HONOUR_ENDS) for a in ev.awards):
            # 某律师事务所律师张伟被评为全国优秀律师: an honour for a person goes to no body
            recipients = [r for r in recipients if r.etype == _PERSON]
        for recipient, ak in _received(recipients, award_keys, text.endswith(RESPECTIVELY, 0, ev.cue_start)):
            last = (i, recipient)
            add(recipient, Predicate.RECEIVED_AWARD, ak, s)
        for k in _conferrers(text, s, ms, ev):
            for ak in award_keys:
                add(ak, Predicate.AWARDED_BY, k, s)


def _received(recipients: list[EntityKey], honours: list[EntityKey],
              respectively: bool) -> list[tuple[EntityKey, EntityKey]]:
    """(recipient, honour) pairs: each recipient every honour, unless 分别 pairs as many of
    them in order (A、B分别获评X、Y; the recipients come nearest first)."""
    if respectively and len(honours) > 1 and len(recipients) == len(honours):
        return list(zip(reversed(recipients), honours, strict=True))
    return [(r, h) for r in recipients for h in honours]


def _spanned(in_sent: Mapping[int, Mentions], sents: Sequence[Sentence],
             span: tuple[int, int]) -> list[tuple[Candidate, EntityKey]]:
    """The mentions of the sentences a span runs over."""
    first = bisect.bisect_right(sents, span[0], key=lambda s: s.end)
    last = bisect.bisect_left(sents, span[1], key=lambda s: s.start)
    return [mk for j in range(first, last) for mk in in_sent.get(j, [])]


def _recipients_in_span(text: str, ev: AwardEvent, ms: Mentions) -> list[EntityKey]:
    """The recipients an event's own span names: the coordinated bodies named there, the person
    after the honour, or the bodies an enumeration lists."""
    if ev.recipient_span is None:
        return []
    a, b = ev.recipient_span
    if ev.recipients is Recipients.NAMED:
        inside = [(m, k) for m, k in ms if a <= m.start and m.end <= b
                  and k.etype in RECIPIENT_TYPES and m.source != NESTED]
        return coordinated_before(text, inside) if inside else []
    if ev.recipients is Recipients.PERSON_AFTER:
        return [k for m, k in ms if a <= m.start < b and k.etype == _PERSON][:1]
    if ev.recipients is Recipients.LISTED:
        return _listed(text, ev.recipient_span, ms)
    return []


def _recipients_before(text: str, sents: Sequence[Sentence], in_sent: Mapping[int, Mentions], i: int,
                       ev: AwardEvent, by_spans: list[tuple[int, int]], last_here: EntityKey | None,
                       actor_at: Callable[[int], EntityKey | None]) -> list[EntityKey]:
    """The recipients are the cue's subject in its clause (not a conferrer's name); a subject no
    matcher named gets nothing rather than a wrong body; with no subject at all, the recipient
    before in the sentence, the topic the clause continues, or the report's actor."""
    s, ms = sents[i], in_sent.get(i, [])
    stop = ev.subject_stop
    clause = max(text.rfind(c, s.start, ev.cue_start) for c in "，,；;：:")
    cands = [(m, k) for m, k in ms if clause < m.start and m.end <= stop
             and k.etype in RECIPIENT_TYPES and m.source != NESTED
             and not any(a <= m.start < b for a, b in by_spans)]
    if cands and _UNFOUND_HOLDER.fullmatch(text, cands[-1][0].end, stop):
        return []  # 我市湖塘镇司法所榜上有名: a body no matcher named, not 我市
    if cands:
        return coordinated_before(text, cands)
    if _UNFOUND_HOLDER.fullmatch(text, LIST_LEAD.match(text, max(s.start, clause + 1)).end(), stop):
        return []  # 南市街道人民调解委员会获评…: a body no matcher named, not the report's actor
    if last_here is not None:
        return [last_here]
    recipients = _topic(text, sents, i, in_sent, ev.cue_start, stop)
    if recipients:
        return recipients
    if all(a.name.rstrip(CLOSING_QUOTES).endswith(PERSON_HONOUR_ENDS) for a in ev.awards):
        return []  # 律师王芳被评为全省优秀律师: a person no matcher named, not the report's place
    fallback = actor_at(s.start)
    return [fallback] if fallback is not None else []


def _conferrers(text: str, s: Sentence, ms: Mentions, ev: AwardEvent) -> list[EntityKey]:
    """The bodies named in the conferrer's span; in the active voice, else the bodies the
    nearest clause before it that opens with some opens with (…，省司法厅、省民政厅决定，命名…;
    司法部、民政部印发《…》，命名…)."""
    if not ev.by_span:
        return []
    a, b = ev.by_span
    conferrers = [k for m, k in ms if a <= m.start and m.end <= b and k.etype == _ORG]
    if not conferrers and ev.active:
        for start in reversed([s.start] + [m.end() for m in _CLAUSE_MARK.finditer(text, s.start, a)]):
            conferrers = _opening(text, start, ms, a, (_ORG,))
            if conferrers:
                break
    return conferrers


def table_honours(text: str, mentions: Sequence[Candidate], rows: Sequence[HonourRow], add: Add) -> None:
    """Calls `add` for each row of a table of honours: its honour was received by who its
    recipient cell names (an official named with his post: him; a chain of places: the last; a
    list: each) and conferred by each body its conferrer cell names."""
    if not rows:
        return
    named = [m for m in mentions if m.source != NESTED]
    for r in rows:
        a, b = r.recipients
        inside = [(m, EntityKey(m.etype, m.name)) for m in named
                  if a <= m.start and m.end <= b and m.etype in RECIPIENT_TYPES]
        people = [(m, k) for m, k in inside if k.etype == _PERSON]
        honours = [m for m in named if m.etype == EntityType.AWARD
                   and r.award.start <= m.start and m.end <= r.award.end]
        if not inside or not honours:
            continue
        award = EntityKey(EntityType.AWARD, max(honours, key=lambda m: m.end - m.start).name)
        row = Sentence(r.line_start, r.line_end)
        for recipient in reversed(coordinated_before(text, people or inside)):
            add(recipient, Predicate.RECEIVED_AWARD, award, row)
        if r.conferrers is not None:
            c, d = r.conferrers
            for m in named:
                if c <= m.start and m.end <= d and m.etype == _ORG:
                    add(award, Predicate.AWARDED_BY, EntityKey(_ORG, m.name), row)
