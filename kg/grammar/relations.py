"""Relations between the mentions of one document, each with its evidence sentence.

- implements: a program is carried out by its sentence's subject (an organisation or place
  opening the sentence) or, failing one, by the document's actor (the authoring body of an
  organisation's report, else the place the report speaks for); a regulation needs a verb of
  carrying out (贯彻实施《…》, 出台, 制定…).
- receivedAward / awardedBy: kg.grammar.rel_awards.
- locatedIn: an organisation's jurisdiction and a place's parent, when the document names both.
- issuedBy: table rows; 《X》 named as "issuer关于…"; issuer + 印发/出台/制定/通过 + 《X》.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..model import SIGNATURES, EntityKey, EntityType, Evidence, Predicate, RelationMention
from .awards import AwardEvent
from .candidates import NESTED, Candidate
from .coordination import COORD as _COORD
from .coordination import coordinated_before as _coordinated_before
from .rel_awards import award_relations
from .tables import TableRow
from .text import Sentence

_REG_CUES = ("贯彻", "实施", "落实", "执行", "出台", "制定", "印发", "施行", "践行", "遵循", "修订",
             "起草", "发布", "推行", "健全", "建立", "完善", "编制", "探索", "创新", "形成", "推动")
_ISSUE_CUES = re.compile(r"(?:联合)?(?:印发|出台|制定|发布|颁布|通过|审议通过|出台了|制定了|印发了)")
_LIST_MARK = re.compile(r"(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．]|——|■|\s)+")
_SUBJECT_WINDOW = 14
ACTOR_TYPES = (EntityType.ORGANIZATION, EntityType.PLACE)
# the members bound once: looking one up on its Enum class costs more than the test it serves
_ORG, _PLACE, _PERSON = EntityType.ORGANIZATION, EntityType.PLACE, EntityType.PERSON
_PROGRAM, _REGULATION = EntityType.PROGRAM, EntityType.REGULATION
_IMPLEMENTS = Predicate.IMPLEMENTS
_LOCATED_IN, _ISSUED_BY = Predicate.LOCATED_IN, Predicate.ISSUED_BY


@dataclass(frozen=True, slots=True)
class Located:
    """A mention whose jurisdiction or parent place is known by name."""

    key: EntityKey
    start: int
    parents: tuple[str, ...]  # candidate parents by name, nearest first


class _Index:
    """The sentences of a text, found by position; a sentence is named by its index (an int
    hashes in C, a Sentence's dataclass hash is Python code)."""

    def __init__(self, sents: Sequence[Sentence]) -> None:
        self.sents = list(sents)
        self.starts = [s.start for s in self.sents]
        self.ends = [s.end for s in self.sents]

    def at(self, pos: int) -> int | None:
        """The index of the sentence holding `pos`, if one does."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.ends[i] else None


_PREPOSITIONS = tuple("在于向与对从经由被为给和同跟据按将把") + ("根据", "按照", "依据", "围绕")
_ROLLOUT = re.compile(r"(?:等地|等县市区|等\w{0,3})?(?:率先)?(?:推广|试点|开展|推行|实施|落地|复制)")


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


_CLAUSE_BREAK = re.compile(r"[，,；;]")


class _Clauses:
    """A sentence's clause starts (after ，；) and, as asked for, the actors opening each."""

    def __init__(self, text: str, s: Sentence) -> None:
        self.text, self.sentence = text, s
        self.starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, s.start, s.end)]
        self.subjects: dict[int, list[EntityKey]] = {}

    def subjects_at(self, pos: int, actors: Sequence[tuple[Candidate, EntityKey]],
                    covered: _Covered) -> list[EntityKey]:
        """The actors opening the clause that holds `pos`, when it is not the sentence's first
        (开展…监管，三台县、盐亭县联合建立…机制: the counties, not the report's author); else [].
        A later clause without a subject does not inherit one: measured, that guesses wrong
        more often than right."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0:
            return []
        start = self.starts[i]
        found = self.subjects.get(start)
        if found is None:
            found = self.subjects[start] = _subjects(self.text, Sentence(start, self.sentence.end),
                                                     actors, covered)
        if found and any(start <= m.start and m.end <= pos for m, _ in actors):
            return found  # (the clause's subject stands before what it carries out)
        return []


_JOINTLY = re.compile(r"联合|会同|协同|携手")


def _subjects(text: str, s: Sentence, actors: Sequence[tuple[Candidate, EntityKey]],
              covered: _Covered) -> list[EntityKey]:
    """The actors opening a sentence (after list marks), with those coordinated with the first
    (东昌府区、冠县、高唐县…); a place after a preposition (在全省) is a setting, not an actor.
    `actors` are the sentence's organisations and places (not nested); `covered` holds the
    conferrer phrases (被X授予), whose mentions are not subjects."""
    if not actors:
        return []  # (no first actor: the list marks need no matching)
    mask, spans = covered.mask, covered.any  # a mention starts inside the text
    lead = _LIST_MARK.match(text, s.start, s.end)
    lead_end = lead.end() if lead else s.start
    first = next(((m, k) for m, k in actors if lead_end <= m.start < lead_end + _SUBJECT_WINDOW
                  and m.subtype != "MediaOrganization" and not (spans and mask[m.start])), None)
    if first is None:
        return []  # (the usual case: the rest is done for the few sentences opening with an actor)
    actors = [(m, k) for m, k in actors if m.subtype != "MediaOrganization" and not (spans and mask[m.start])]
    out = [first[1]]
    end = first[0].end
    for m, k in actors:
        if m.start <= first[0].start:
            continue
        gap = _COORD.fullmatch(text, end, m.start)
        if gap is None or "，" in text[end:m.start] or k.etype != first[1].etype:
            if _JOINTLY.fullmatch(text, end, m.start) and k.etype == _ORG:
                out.append(k)  # 市司法局联合市总工会开展…: both carry it out
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


def _first_name_line(text: str, persons: Iterable[int]) -> int | None:
    """Where to start reading lines for speakers: right after the last non-space character
    before the first of these positions that opens a line (0 at the text's start), so the
    lines from there are the text's own; None if none opens a line.

    The lines before the first speaker's name change nothing, so reading them is skipped."""
    for p in sorted(persons):
        if p > 0 and not text[p - 1].isspace():
            continue  # (the common case: inside a line)
        j = p - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        if j < 0 or len(text[j + 1:p + 1].splitlines()) > 1:  # a line break in the spaces before it
            return j + 1
    return None


def speaker_segments(text: str, mentions: Sequence[Candidate]) -> list[tuple[int, EntityKey | None]]:
    """In a press-conference transcript an official's answer (after the line holding only the
    speaker's name, and the position lines under it) speaks for the body its first sentence names
    as subject (近年来,市司法局…), or for the speaker's own body when that subject is 我们/我局
    (the body of the position lines): it acts where sentences name no subject, until the next
    question. An answer without such a subject speaks for the report's own actor."""
    persons = {m.start: m for m in mentions if m.etype == _PERSON}
    begin = _first_name_line(text, persons)
    if begin is None:
        return []  # no line opens with a name: nobody speaks
    orgs: list[Candidate] | None = None  # (sorted at the first speaker: only speakers ask)
    org_starts: list[int] = []
    segments: list[tuple[int, EntityKey | None]] = []
    speaker = False
    own: EntityKey | None = None  # the body of the speaker's position lines
    pos = begin
    for line in text[begin:].splitlines(keepends=True):
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
            if orgs is None:
                orgs = sorted((m for m in mentions if m.etype == _ORG and m.source != NESTED),
                              key=lambda m: m.start)
                org_starts = [m.start for m in orgs]
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


_ISSUE_VERB_END = re.compile(r"(?:印发|出台|制定|编制|发布|颁布|起草|修订|审议通过|通过)(?:了)?$")


def _issue_verb_before(text: str, s: Sentence, start: int, ms: Sequence[tuple[Candidate, EntityKey]]) -> bool:
    """An issuing verb right before this title, or before the chain of titles it closes
    (编制《A》《B》: both)."""
    pos = start
    titles = sorted((m.start, m.end) for m, k in ms if m.end <= start
                    and (k.etype == _REGULATION or text.startswith("《", m.start)))
    while True:
        if _ISSUE_VERB_END.search(text, max(s.start, pos - 6), pos):
            return True
        prev = next(((a, b) for a, b in reversed(titles) if a < pos and b <= pos
                     and re.fullmatch(r"[、和及与]?", text[b:pos])), None)
        if prev is None:
            return False
        pos = prev[0]


_PILOT = re.compile(r"(?:为|作为)(?:首批|第[一二三四五六七八九十]+批)?(?:试点|示范)")


def _pilots(text: str, actors: Sequence[tuple[Candidate, EntityKey]]) -> list[EntityKey]:
    """确定东昌府区、冠县、高唐县、临清市为试点单位: the designated pilots carry out the program.
    `actors` are the sentence's organisations and places (not nested)."""
    for i, (m, k) in enumerate(actors):
        if _PILOT.match(text, m.end):
            group = _coordinated_before(text, actors[: i + 1])
            return group
    return []


_CLAUSE_MARKS = "，,；;：:"
#: a verb of carrying out with no clause mark after it (up to the end of the searched range)
_REG_CUE_IN_CLAUSE = re.compile(f"(?:{'|'.join(_REG_CUES)})(?=[^{_CLAUSE_MARKS}]*\\Z)")


def _reg_cue_before(text: str, s: Sentence, start: int) -> bool:
    """A verb of carrying out before the title in its clause (出台《A》《B》《C》 covers all three),
    within 40 characters: one search of that window for a cue that no clause mark follows."""
    return _REG_CUE_IN_CLAUSE.search(text, max(s.start, start - 40), start) is not None


#: 该条例由市人大常委会审议通过: "this (kind)" made by the body named next
_ANAPHOR_ISSUED = re.compile(r"该(条例|办法|规定|意见|方案|规划|细则|决定|清单)(?:已|先后)?(?:由|经)")
#: an issuing verb a few characters after the body (由市政府常务会议审议通过)
_MADE_AFTER_BODY = re.compile(f"[^，,。；;：:\\n]{{0,8}}?{_ISSUE_CUES.pattern}")


def _anaphoric_issuers(text: str, idx: _Index, in_sent: dict[int, list[tuple[Candidate, EntityKey]]],
                       add: Callable[[EntityKey, Predicate, EntityKey, Sentence | None], None]) -> None:
    """该条例由X审议通过: X issued the instrument of that kind named last, in this sentence or the
    two before it."""
    for am in _ANAPHOR_ISSUED.finditer(text):
        i = idx.at(am.start())
        if i is None:
            continue
        body = next(((m, k) for m, k in in_sent.get(i, []) if m.start == am.end()
                     and k.etype == _ORG and m.source != NESTED), None)
        if body is None or not _MADE_AFTER_BODY.match(text, body[0].end):
            continue
        kind = am.group(1)
        antecedent = None
        for j in range(i, max(-1, i - 3), -1):
            antecedent = next((k for m, k in reversed(in_sent.get(j, [])) if m.end <= am.start()
                               and k.etype == _REGULATION and m.source != NESTED and k.name.endswith(kind)), None)
            if antecedent is not None:
                break
        if antecedent is not None:
            add(antecedent, _ISSUED_BY, body[1], idx.sents[i])


class _TableLines:
    """The lines of table rows; which sentence lies within one, by bisection."""

    def __init__(self, rows: Sequence[TableRow]) -> None:
        self.lines = sorted({(r.line_start, r.line_end) for r in rows})
        self.starts = [a for a, _ in self.lines]

    def holds(self, s: Sentence) -> bool:
        # rows are distinct lines, so only the last line starting at or before s can hold it
        i = bisect.bisect_right(self.starts, s.start) - 1
        return i >= 0 and s.end <= self.lines[i][1]


def extract_relations(doc_id: str, text: str, sents: Sequence[Sentence], mentions: Sequence[Candidate],
                      actor: EntityKey | None, events: Sequence[AwardEvent], rows: Sequence[TableRow],
                      located: Sequence[Located]) -> list[RelationMention]:
    idx = _Index(sents)
    sents = idx.sents
    out: list[RelationMention] = []
    segments = speaker_segments(text, mentions)

    segment_starts = [a for a, _ in segments]

    def actor_at(pos: int) -> EntityKey | None:
        """The document's actor, or the body of the official answering at this point."""
        i = bisect.bisect_right(segment_starts, pos) - 1
        return segments[i][1] if i >= 0 and segments[i][1] is not None else actor

    evidence: dict[tuple[int, int], Evidence] = {}  # a sentence states many relations: quoted once

    def add(h: EntityKey, p: Predicate, t: EntityKey, s: Sentence | None,
            into: list[RelationMention] = out) -> None:
        if s is None:
            return
        dom, rng = SIGNATURES[p]
        if h.etype in dom and t.etype in rng and h != t:
            span = (s.start, s.end)
            ev = evidence.get(span)
            if ev is None:
                ev = evidence[span] = Evidence(doc_id, text[s.start:s.end], s.start, s.end)
            into.append(RelationMention(h, p, t, ev))

    # one pass over the mentions: each one's key (one object per entity) and sentence; each
    # entity's key with the sentences of its mentions, in mention order
    entities: dict[tuple[EntityType, str], tuple[EntityKey, list[int]]] = {}
    in_sent: dict[int, list[tuple[Candidate, EntityKey]]] = {}  # by sentence index
    carried: set[int] = set()  # the sentences naming a program or regulation
    targets = (_PROGRAM, _REGULATION)
    starts, ends, bisect_right = idx.starts, idx.ends, bisect.bisect_right
    for m in mentions:
        name = (m.etype, m.name)
        entity = entities.get(name)
        if entity is None:
            entity = entities[name] = (EntityKey(m.etype, m.name), [])
        i = bisect_right(starts, m.start) - 1  # what idx.at says, inlined
        if i >= 0 and m.start < ends[i]:
            ms = in_sent.get(i)
            if ms is None:
                in_sent[i] = [(m, entity[0])]
            else:
                ms.append((m, entity[0]))
            entity[1].append(i)
            if m.etype in targets:
                carried.add(i)

    in_table = _TableLines(rows).holds
    by_spans = [e.by_span for e in events if e.by_span]
    covered = _Covered(len(text), by_spans)

    # implements, and issuedBy in running text (kept apart: it follows the tables' in the output)
    issued: list[RelationMention] = []
    for i, ms in in_sent.items():
        if i not in carried:
            continue  # nothing here is carried out or issued: its subjects are never asked for
        s = sents[i]
        if in_table(s):
            continue
        actors = [(m, k) for m, k in ms if k.etype in ACTOR_TYPES and m.source != NESTED]
        sentence_subjects = _subjects(text, s, actors, covered)
        clauses = _Clauses(text, s) if actors else None  # (no actor: no clause has a subject)
        fallback = actor_at(s.start)
        owners: dict[int, EntityKey] | None = None  # (with the pilots: asked for by programs only)
        pilots: list[EntityKey] = []
        for m, k in ms:
            if k.etype not in targets:
                continue
            subjects = (clauses and clauses.subjects_at(m.start, actors, covered)) or sentence_subjects
            if k.etype == _PROGRAM:
                if owners is None:
                    owners, pilots = {m1.end: k1 for m1, k1 in actors}, _pilots(text, actors)
                owner = owners.get(m.start)
                if owner is not None:
                    add(owner, _IMPLEMENTS, k, s)  # 郑家镇“郑”风正气: the place's own brand
                    continue
            elif k.etype == _REGULATION:
                if subjects and _issue_verb_before(text, s, m.start, ms):
                    for who in subjects:
                        if who.etype == _ORG:
                            add(k, _ISSUED_BY, who, s)
                    if any(w.etype == _ORG for w in subjects):
                        continue  # the body that made it: issuedBy, not implements
                if not _reg_cue_before(text, s, m.start):
                    continue
            else:
                continue
            for who in [x for x in subjects if x != k] or ([fallback] if fallback is not None else []):
                add(who, _IMPLEMENTS, k, s)
            if k.etype == _PROGRAM:
                for who in pilots:
                    add(who, _IMPLEMENTS, k, s)
        # issuedBy in running text: issuer + 印发/出台 + 《X》, or "issuer关于…" titles
        for j, (m, k) in enumerate(ms):
            if k.etype != _REGULATION:
                continue
            for m2, k2 in reversed(ms[:j]):
                if k2.etype != _ORG or m2.source == NESTED:
                    continue
                between = text[m2.end:m.start]
                if len(between) <= 10 and _ISSUE_CUES.search(between) and not re.search(r"[，,。；;]", between):
                    add(k, _ISSUED_BY, k2, s, issued)
                break
            for m2, k2 in ms:
                if k2.etype == _ORG and m2.start in (m.start, m.start + 1) \
                        and text[m2.end:m2.end + 2] == "关于":
                    add(k, _ISSUED_BY, k2, s, issued)

    award_relations(text, sents, idx.at, in_sent, events, actor_at, add)

    # issuedBy from tables, then in running text (found above)
    for r in rows:
        if r.issuer is None:
            continue
        s = Sentence(r.line_start, r.line_end)
        add(EntityKey(r.regulation.etype, r.regulation.name), _ISSUED_BY,
            EntityKey(r.issuer.etype, r.issuer.name), s)
    out.extend(issued)
    if "该" in text:
        _anaphoric_issuers(text, idx, in_sent, add)

    # locatedIn: both ends named in this document, in the first sentence naming both (in the
    # order sentences are first reached in the mentions), else where the located one is first named
    places = {name: entity for (etype, name), entity in entities.items() if etype == _PLACE}
    rank: dict[int, int] | None = None  # each sentence's place in in_sent's order, when needed
    parent_sents: dict[str, set[int]] = {}  # a parent (the city) is shared by many
    for loc in located:
        parent = next((places[p] for p in loc.parents if p in places), None)
        if parent is None or parent[0] == loc.key:
            continue
        shared = parent_sents.get(parent[0].name)
        if shared is None:
            shared = parent_sents[parent[0].name] = set(parent[1])
        own = entities.get((loc.key.etype, loc.key.name))
        own_sents = own[1] if own is not None else []
        both = [i for i in own_sents if i in shared]
        if both:
            if rank is None:
                rank = {i: r for r, i in enumerate(in_sent)}
            s = sents[min(both, key=rank.__getitem__)]
        else:
            s = sents[own_sents[0]] if own_sents else None
        add(loc.key, _LOCATED_IN, parent[0], s)
    return out
