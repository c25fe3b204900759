"""Relations between the mentions of one document, each with its evidence sentence.

- implements: a program is carried out by its sentence's subject (an organisation or place
  opening the sentence) or, failing one, by the document's actor (the authoring body of an
  organisation's report, else the place the report speaks for); a regulation needs a verb of
  carrying out (贯彻实施《…》, 出台, 制定…).
- receivedAward / awardedBy: from award cues; the recipient is the nearest eligible mention
  before the cue outside conferrer phrases (carried over across 、-joined clauses); each
  organisation in 被X授予 is a conferrer.
- locatedIn: an organisation's jurisdiction and a place's parent, when the document names both.
- issuedBy: table rows; 《X》 named as "issuer关于…"; issuer + 印发/出台/制定/通过 + 《X》.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import SIGNATURES, EntityKey, EntityType, Evidence, Predicate, RelationMention
from .awards import AwardEvent
from .candidates import NESTED, Candidate
from .tables import TableRow
from .text import Sentence

_REG_CUES = ("贯彻", "实施", "落实", "执行", "出台", "制定", "印发", "施行", "践行", "遵循", "修订",
             "起草", "发布", "推行", "健全", "建立", "完善", "编制", "探索", "创新", "形成", "推动")
_ISSUE_CUES = re.compile(r"(?:联合)?(?:印发|出台|制定|发布|颁布|通过|审议通过|出台了|制定了|印发了)")
_LIST_MARK = re.compile(r"(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．]|——|■|\s)+")
_SUBJECT_WINDOW = 14
ACTOR_TYPES = (EntityType.ORGANIZATION, EntityType.PLACE)


@dataclass(frozen=True, slots=True)
class Located:
    """A mention whose jurisdiction or parent place is known by name."""

    key: EntityKey
    start: int
    parents: tuple[str, ...]  # candidate parents by name, nearest first


def _evidence(doc_id: str, text: str, s: Sentence) -> Evidence:
    return Evidence(doc_id, text[s.start:s.end], s.start, s.end)


class _Index:
    def __init__(self, sents: Sequence[Sentence]) -> None:
        self.sents = list(sents)
        self.starts = [s.start for s in sents]

    def of(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.sents[i].start <= pos < self.sents[i].end:
            return self.sents[i]
        return None


_PREPOSITIONS = tuple("在于向与对从经由被为给和同跟据按将把") + ("根据", "按照", "依据", "围绕")
_ROLLOUT = re.compile(r"(?:等地|等县市区|等\w{0,3})?(?:率先)?(?:推广|试点|开展|推行|实施|落地|复制)")
_COORD = re.compile(r"\s*(?:、|和|与|及|以及|，)\s*")


class _Covered:
    """Whether a position lies in one of some spans: one byte per character, set once."""

    def __init__(self, n: int, spans: Sequence[tuple[int, int]]) -> None:
        self.any = bool(spans)
        self.mask = mask = bytearray(n)
        for a, b in spans:
            a, b = max(a, 0), min(b, n)
            if a < b:
                mask[a:b] = b"\x01" * (b - a)

    def __contains__(self, pos: int) -> bool:
        return 0 <= pos < len(self.mask) and self.mask[pos] == 1


def _subjects(text: str, s: Sentence, ms: Sequence[tuple[Candidate, EntityKey]],
              by_spans: Sequence[tuple[int, int]], covered: _Covered | None = None) -> list[EntityKey]:
    """The actors opening a sentence (after list marks), with those coordinated with the first
    (东昌府区、冠县、高唐县…); a place after a preposition (在全省) is a setting, not an actor.
    `covered`, if given, holds the positions of `by_spans` (the same test, without a loop)."""
    lead = _LIST_MARK.match(text, s.start, s.end)
    lead_end = lead.end() if lead else s.start
    if covered is not None:
        mask, spans = covered.mask, covered.any  # a mention starts inside the text
        actors = [(m, k) for m, k in ms if k.etype in ACTOR_TYPES and m.source != NESTED
                  and m.subtype != "MediaOrganization" and not (spans and mask[m.start])]
    else:
        actors = [(m, k) for m, k in ms if k.etype in ACTOR_TYPES and m.source != NESTED
                  and m.subtype != "MediaOrganization"
                  and not (by_spans and any(a <= m.start < b for a, b in by_spans))]
    first = next(((m, k) for m, k in actors if lead_end <= m.start < lead_end + _SUBJECT_WINDOW), None)
    if first is None:
        return []
    out = [first[1]]
    end = first[0].end
    for m, k in actors:
        if m.start <= first[0].start:
            continue
        gap = _COORD.fullmatch(text, end, m.start)
        if gap is None or "，" in text[end:m.start] or k.etype != first[1].etype:
            break
        out.append(k)
        end = m.end
    before = text[max(lead_end, first[0].start - 2):first[0].start]
    if before.endswith(_PREPOSITIONS):
        # 在东昌府区、冠县推广: named places where a program is rolled out take part in it;
        # 在全省率先… is only a setting
        if not (before.endswith("在") and first[0].source != "selfref"
                and _ROLLOUT.match(text, end)):
            return []
    return list(dict.fromkeys(out))


_FIRST_PERSON = re.compile(r"(?:[^，,。；;\n]{0,8}[，,])?(?:我们|我局|我厅|本局|我委|我办)")
_LEAD = re.compile(r"(?:[^，,。；;\n]{0,8}[，,])?")
_QUESTION_LINE = re.compile(r"(?:记者|主持人|提问)[:：]?$")
_ASKERS = ("记者", "主持人", "提问")  # a line ending in one (and a colon) is _QUESTION_LINE's, tested without a scan


def speaker_segments(text: str, mentions: Sequence[Candidate]) -> list[tuple[int, EntityKey | None]]:
    """In a press-conference transcript an official's answer (after the line holding only the
    speaker's name, and the position lines under it) speaks for the body its first sentence names
    as subject (近年来,市司法局…), or for the speaker's own body when that subject is 我们/我局
    (the body of the position lines): it acts where sentences name no subject, until the next
    question. An answer without such a subject speaks for the report's own actor."""
    persons = {m.start: m for m in mentions if m.etype == EntityType.PERSON}
    orgs = sorted((m for m in mentions if m.etype == EntityType.ORGANIZATION and m.source != NESTED),
                  key=lambda m: m.start)
    org_starts = [m.start for m in orgs]
    segments: list[tuple[int, EntityKey | None]] = []
    speaker = False
    own: EntityKey | None = None  # the body of the speaker's position lines
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        start = pos + len(line) - len(line.lstrip())
        pos += len(line)
        if not body:
            continue
        if body.endswith(_ASKERS) or (body[-1] in ":：" and body[:-1].endswith(_ASKERS)):  # _QUESTION_LINE
            if segments and segments[-1][1] is not None:
                segments.append((start, None))
            speaker = False
            continue
        short = len(body) <= 30 and not body.endswith(("。", "；"))
        p = persons.get(start)
        if short and p is not None and p.end - start >= len(body) - 1:
            speaker, own = True, None  # a line holding only a name
            continue
        if speaker and short:
            i = bisect.bisect_left(org_starts, start)
            if own is None and i < len(orgs) and orgs[i].start == start:
                own = EntityKey(orgs[i].etype, orgs[i].name)
            continue
        if speaker and not short:
            i = bisect.bisect_left(org_starts, start)
            lead = next((o for o in orgs[i:i + 5] if o.start < start + 20 and _LEAD.fullmatch(text, start, o.start)),
                        None)
            if lead is not None:
                segments.append((start, EntityKey(lead.etype, lead.name)))
            else:
                segments.append((start, own if _FIRST_PERSON.match(text, start) else None))
            speaker = False
    return segments


def _coordinated_before(text: str, cands: Sequence[tuple[Candidate, EntityKey]]) -> list[EntityKey]:
    """The mention right before a cue and those joined to it by 、/和/与 (邹城市、汶上县入选…)."""
    m, k = cands[-1]
    out = [k]
    for m2, k2 in reversed(cands[:-1]):
        if k2.etype != k.etype or not _COORD.fullmatch(text, m2.end, m.start) or "，" in text[m2.end:m.start]:
            break
        out.append(k2)
        m = m2
    return out


_ISSUE_VERB_END = re.compile(r"(?:印发|出台|制定|编制|发布|颁布|起草|修订|审议通过|通过)(?:了)?$")


def _issue_verb_before(text: str, s: Sentence, start: int, ms: Sequence[tuple[Candidate, EntityKey]]) -> bool:
    """An issuing verb right before this title, or before the chain of titles it closes
    (编制《A》《B》: both)."""
    pos = start
    titles = sorted((m.start, m.end) for m, k in ms if m.end <= start
                    and (k.etype == EntityType.REGULATION or text.startswith("《", m.start)))
    while True:
        if _ISSUE_VERB_END.search(text, max(s.start, pos - 6), pos):
            return True
        prev = next(((a, b) for a, b in reversed(titles) if a < pos and b <= pos
                     and re.fullmatch(r"[、和及与]?", text[b:pos])), None)
        if prev is None:
            return False
        pos = prev[0]


_PILOT = re.compile(r"(?:为|作为)(?:首批|第[一二三四五六七八九十]+批)?(?:试点|示范)")


def _pilots(text: str, ms: Sequence[tuple[Candidate, EntityKey]]) -> list[EntityKey]:
    """确定东昌府区、冠县、高唐县、临清市为试点单位: the designated pilots carry out the program."""
    actors = [(m, k) for m, k in ms if k.etype in ACTOR_TYPES and m.source != NESTED]
    for i, (m, k) in enumerate(actors):
        if _PILOT.match(text, m.end):
            group = _coordinated_before(text, actors[: i + 1])
            return group
    return []


def _reg_cue_before(text: str, s: Sentence, start: int) -> bool:
    """A verb of carrying out before the title in its clause (出台《A》《B》《C》 covers all three)."""
    clause = max(text.rfind(c, s.start, start) for c in "，,；;：:")
    return any(c in text[max(s.start, clause + 1, start - 40):start] for c in _REG_CUES)


class _TableLines:
    """The lines of table rows; which sentence lies within one, by bisection."""

    def __init__(self, rows: Sequence[TableRow]) -> None:
        self.lines = sorted({(r.line_start, r.line_end) for r in rows})
        self.starts = [a for a, _ in self.lines]

    def holds(self, s: Sentence) -> bool:
        # rows are distinct lines, so only the last line starting at or before s can hold it
        i = bisect.bisect_right(self.starts, s.start) - 1
        return i >= 0 and s.end <= self.lines[i][1]


def _ok(head: EntityKey, pred: Predicate, tail: EntityKey) -> bool:
    dom, rng = SIGNATURES[pred]
    return head.etype in dom and tail.etype in rng and head != tail


def extract_relations(doc_id: str, text: str, sents: Sequence[Sentence], mentions: Sequence[Candidate],
                      actor: EntityKey | None, events: Sequence[AwardEvent], rows: Sequence[TableRow],
                      located: Sequence[Located]) -> list[RelationMention]:
    idx = _Index(sents)
    out: list[RelationMention] = []
    segments = speaker_segments(text, mentions)

    segment_starts = [a for a, _ in segments]

    def actor_at(pos: int) -> EntityKey | None:
        """The document's actor, or the body of the official answering at this point."""
        i = bisect.bisect_right(segment_starts, pos) - 1
        return segments[i][1] if i >= 0 and segments[i][1] is not None else actor
    keys: dict[tuple[EntityType, str], EntityKey] = {}  # one key object per entity
    keyed = []
    for m in mentions:
        k = keys.get((m.etype, m.name))
        if k is None:
            k = keys[(m.etype, m.name)] = EntityKey(m.etype, m.name)
        keyed.append((m, k))

    evidence: dict[tuple[int, int], Evidence] = {}  # a sentence states many relations: quoted once

    def add(h: EntityKey, p: Predicate, t: EntityKey, s: Sentence | None) -> None:
        if s is not None and _ok(h, p, t):
            ev = evidence.get((s.start, s.end))
            if ev is None:
                ev = evidence[(s.start, s.end)] = _evidence(doc_id, text, s)
            out.append(RelationMention(h, p, t, ev))

    sent_at = []  # each mention's sentence (what idx.of says, inlined)
    starts, sents_list, bisect_right = idx.starts, idx.sents, bisect.bisect_right
    for m in mentions:
        i = bisect_right(starts, m.start) - 1
        s = sents_list[i] if i >= 0 else None
        sent_at.append(s if s is not None and s.start <= m.start < s.end else None)
    in_sent: dict[Sentence, list[tuple[Candidate, EntityKey]]] = {}
    for (m, k), s in zip(keyed, sent_at):
        if s is not None:
            in_sent.setdefault(s, []).append((m, k))

    in_table = _TableLines(rows).holds
    by_spans = [e.by_span for e in events if e.by_span]
    covered = _Covered(len(text), by_spans)

    # implements
    targets = (EntityType.PROGRAM, EntityType.REGULATION)
    for s, ms in in_sent.items():
        if not any(k.etype in targets for _, k in ms):
            continue  # nothing here is carried out: its subjects are never asked for
        if in_table(s):
            continue
        subjects = _subjects(text, s, ms, by_spans, covered)
        pilots = _pilots(text, ms)
        owners = {m1.end: k1 for m1, k1 in ms if k1.etype in ACTOR_TYPES and m1.source != NESTED}
        for m, k in ms:
            if k.etype == EntityType.PROGRAM:
                pass
            elif k.etype == EntityType.REGULATION:
                if subjects and _issue_verb_before(text, s, m.start, ms):
                    for who in subjects:
                        if who.etype == EntityType.ORGANIZATION:
                            add(k, Predicate.ISSUED_BY, who, s)
                    if any(w.etype == EntityType.ORGANIZATION for w in subjects):
                        continue  # the body that made it: issuedBy, not implements
                if not _reg_cue_before(text, s, m.start):
                    continue
            else:
                continue
            owner = owners.get(m.start)
            if owner is not None and k.etype == EntityType.PROGRAM:
                add(owner, Predicate.IMPLEMENTS, k, s)  # 郑家镇“郑”风正气: the place's own brand
                continue
            fallback = actor_at(s.start)
            for who in [x for x in subjects if x != k] or ([fallback] if fallback is not None else []):
                add(who, Predicate.IMPLEMENTS, k, s)
            if k.etype == EntityType.PROGRAM:
                for who in pilots:
                    add(who, Predicate.IMPLEMENTS, k, s)

    # awards
    recipients_types = (EntityType.ORGANIZATION, EntityType.PLACE, EntityType.PERSON,
                        EntityType.PROGRAM, EntityType.REGULATION)
    last: tuple[Sentence, EntityKey] | None = None
    for ev in events:
        s = idx.of(ev.cue_start)
        if s is None or ev.nominated:
            continue
        if ev.recipient_span is not None:
            a, b = ev.recipient_span
            after = [k for m, k in in_sent.get(s, []) if a <= m.start < b and k.etype == EntityType.PERSON]
            recipients: list[EntityKey] = after[:1]
        else:
            clause = max(text.rfind(c, s.start, ev.cue_start) for c in "，,；;：:")
            cands = [(m, k) for m, k in in_sent.get(s, []) if clause < m.start and m.end <= ev.cue_start
                     and k.etype in recipients_types and m.source != NESTED
                     and not any(a <= m.start < b for a, b in by_spans)]
            if cands:
                recipients = _coordinated_before(text, cands)
            elif last is not None and last[0] == s:
                recipients = [last[1]]
            else:
                fallback = actor_at(s.start)
                recipients = [fallback] if fallback is not None else []
        award_keys = [EntityKey(a.etype, a.name) for a in ev.awards]
        for recipient in recipients:
            last = (s, recipient)
            for ak in award_keys:
                add(recipient, Predicate.RECEIVED_AWARD, ak, s)
        if ev.by_span:
            a, b = ev.by_span
            for m, k in in_sent.get(s, []):
                if a <= m.start and m.end <= b and k.etype == EntityType.ORGANIZATION:
                    for ak in award_keys:
                        add(ak, Predicate.AWARDED_BY, k, s)

    # issuedBy from tables
    for r in rows:
        if r.issuer is None:
            continue
        s = Sentence(r.line_start, r.line_end)
        add(EntityKey(r.regulation.etype, r.regulation.name), Predicate.ISSUED_BY,
            EntityKey(r.issuer.etype, r.issuer.name), s)
    # issuedBy in running text: issuer + 印发/出台 + 《X》, or "issuer关于…" titles
    for s, ms in in_sent.items():
        if in_table(s):
            continue
        for i, (m, k) in enumerate(ms):
            if k.etype != EntityType.REGULATION:
                continue
            for m2, k2 in reversed(ms[:i]):
                if k2.etype != EntityType.ORGANIZATION or m2.source == NESTED:
                    continue
                between = text[m2.end:m.start]
                if len(between) <= 10 and _ISSUE_CUES.search(between) and not re.search(r"[，,。；;]", between):
                    add(k, Predicate.ISSUED_BY, k2, s)
                break
            for m2, k2 in ms:
                if k2.etype == EntityType.ORGANIZATION and m2.start in (m.start, m.start + 1) \
                        and text[m2.end:m2.end + 2] == "关于":
                    add(k, Predicate.ISSUED_BY, k2, s)

    # locatedIn: both ends named in this document
    first: dict[EntityKey, Sentence] = {}
    for (_, k), s in zip(keyed, sent_at):
        if s is not None and k not in first:
            first[k] = s
    by_name = {k.name: k for _, k in keyed if k.etype == EntityType.PLACE}
    sents_of: dict[EntityKey, list[Sentence]] = {}
    for s, ms in in_sent.items():  # sentences in text order
        for _, k in ms:
            got = sents_of.get(k)
            if got is None:
                sents_of[k] = [s]
            elif got[-1] is not s:  # each sentence once per key
                got.append(s)
    sent_sets: dict[EntityKey, set[Sentence]] = {}  # a parent (the city) is shared by many
    for loc in located:
        parent = next((by_name[p] for p in loc.parents if p in by_name), None)
        if parent is None or parent == loc.key:
            continue
        parent_sents = sent_sets.get(parent)
        if parent_sents is None:
            parent_sents = sent_sets[parent] = set(sents_of.get(parent, ()))
        both = next((s for s in sents_of.get(loc.key, ()) if s in parent_sents), None)
        add(loc.key, Predicate.LOCATED_IN, parent, both or first.get(loc.key))
    return out
