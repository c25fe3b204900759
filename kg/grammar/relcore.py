"""What every relation rule of a document reads: its sentences, each sentence's mentions, who
opens a sentence or clause (its subjects), who speaks in a transcript, and the sink that turns
(head, predicate, tail, sentence) into RelationMentions with one Evidence per sentence.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..lexicon import (COMITATIVE_VERBS, ENUMERATION_LEADS, FIRST_PERSON_SUBJECTS, IMPLEMENT_CUES, JOINING_WORDS, LEADING_WORDS, LEARNING_VERBS,
                       PROMPTING_VERBS)
from ..model import SIGNATURES, EntityKey, EntityType, Evidence, Predicate, RelationMention
from .anaphora import SOURCE as ANAPHOR
from .candidates import NESTED, Candidate
from .context import title_end
from .coordination import COORD
from .doctime import sentence_year
from .text import Sentence

ACTOR_TYPES = (EntityType.ORGANIZATION, EntityType.PLACE)
# the members bound once: looking one up on its Enum class costs more than the test it serves
ORG, PLACE, PERSON = EntityType.ORGANIZATION, EntityType.PLACE, EntityType.PERSON
PROGRAM, REGULATION, AWARD = EntityType.PROGRAM, EntityType.REGULATION, EntityType.AWARD
SELFREF = "selfref"

#: a mention with its entity's key (one key object per entity of the document)
Keyed = tuple[Candidate, EntityKey]

LIST_MARK = re.compile(r"(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．]|——|■|\s)+")
SUBJECT_WINDOW = 14
PREPOSITIONS = tuple("在于向与对从经由被为给和同跟据按将把以") + ("根据", "按照", "依据", "围绕")
#: verbs whose object is a body or place made to act (推动A创建…): no subject follows them
CAUSATIVE_VERBS = PROMPTING_VERBS + ("支持", "帮助", "带领", "引导", "鼓励", "组织", "促进", "让", "使")
#: verbs that govern a body or place named after them in their clause (成立了…评估中心, 依托…镇,
#: 承接全市…): the one named is their object, never the clause's subject
_GOVERNING_VERB = re.compile("|".join(sorted(set(IMPLEMENT_CUES + CAUSATIVE_VERBS + LEARNING_VERBS) | {
    "成立", "依托", "依靠", "借助", "通过", "聘请", "邀请", "指导", "督促"}, key=len, reverse=True)))
ROLLOUT = re.compile(r"(?:等地|等县市区|等\w{0,3})?(?:率先)?(?:推广|试点|开展|推行|实施|落地|复制)")
JOINTLY = re.compile(r"联合|会同|协同|携手")
CLAUSE_BREAK = re.compile(r"[，,；;]")
CLAUSE_MARKS = "，,；;：:"


@dataclass(frozen=True, slots=True)
class Located:
    """A mention whose jurisdiction or parent place is known by name."""

    key: EntityKey
    start: int
    parents: tuple[str, ...]  # candidate parents by name, nearest first


class SentIndex:
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


class Covered:
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


def subjects(text: str, s: Sentence, actors: Sequence[Keyed], covered: Covered) -> list[EntityKey]:
    """The actors opening a sentence (after list marks), with those coordinated with the first
    (云溪区、柳溪县、石桥县…; of a chain of places, 河南省南乐县, the last); a place after a preposition (在全省) is a setting, not an actor.
    `actors` are the sentence's organisations and places (not nested); `covered` holds the
    conferrer phrases (被X授予), whose mentions are not subjects."""
    if not actors:
        return []  # (no first actor: the list marks need no matching)
    mask, spans = covered.mask, covered.any  # a mention starts inside the text
    lead = LIST_MARK.match(text, s.start, s.end)
    lead_end = lead.end() if lead else s.start
    first = next(((m, k) for m, k in actors if lead_end <= m.start < lead_end + SUBJECT_WINDOW
                  and m.subtype != "MediaOrganization" and not (spans and mask[m.start])), None)
    if first is None:
        return []  # (the usual case: the rest is done for the few sentences opening with an actor)
    if _governed(text, lead_end, first[0].start):
        return []
    actors = [(m, k) for m, k in actors if not (spans and mask[m.start])]
    out, end = _coordinated(text, first, actors)
    before = text[max(lead_end, first[0].start - 2):first[0].start]
    if before.endswith(CAUSATIVE_VERBS):
        return []  # 推动夷陵区、当阳市创建…, 指导各县…: the object of the report's own verb
    if before.endswith(_WITH_JOINTLY):
        return []  # 联合区教育局开展…: partners of the unnamed subject (see partners)
    if text.startswith(LEADING_WORDS, end):
        out += _joining(text, end, s.end, actors)
    if before.endswith(PREPOSITIONS):
        # 在云溪区、柳溪县推广: named places where a program is rolled out take part in it;
        # 在全省率先… is only a setting
        if not (before.endswith("在") and first[0].source != SELFREF
                and ROLLOUT.match(text, end)):
            return []
    return list(dict.fromkeys(out))


def _coordinated(text: str, first: Keyed, actors: Sequence[Keyed]) -> tuple[list[EntityKey], int]:
    """The subject `first` with the actors coordinated with it, and where the last ends."""
    out = [first[1]]
    end = first[0].end
    kind = first[1].etype  # what the coordinated actors are: the first one's kind, bodies after 会同
    for m, k in actors:
        if m.start <= first[0].start:
            if m.source == ANAPHOR and (m.start, m.end) == (first[0].start, first[0].end) and k not in out:
                out.append(k)  # 两地: one reference standing for two places, both acting
            continue
        if m.start == end and out[-1].etype == PLACE and k.etype in (PLACE, ORG):
            # 河南省南乐县: a chain of places names its last; 张湾区花果街道办事处: a place right
            # before a body says where the body is, and the body acts
            out[-1], end = k, m.end
            continue
        gap = COORD.fullmatch(text, end, m.start)
        if gap is None or "，" in text[end:m.start] or k.etype != kind:
            if JOINTLY.fullmatch(text, end, m.start) and k.etype == ORG:
                # 市司法局联合市总工会开展…, 会同区公安分局、区法院建立…: all carry it out
                out.append(k)
                end, kind = m.end, ORG
                continue
            break
        if m.subtype == "MediaOrganization":
            break  # a medium listed with the subjects reports on them; joined by 联合 it is a partner
        out.append(k)
        end = m.end
    return out, end


def _joining(text: str, end: int, stop: int, actors: Sequence[Keyed]) -> list[EntityKey]:
    """A牵头，B、C配合: the bodies of the clause after the leading one that join its work."""
    brk = CLAUSE_BREAK.search(text, end, stop)
    if brk is None:
        return []
    group: list[Keyed] = []
    for m, k in actors:
        if m.start < brk.end() or k.etype != ORG:
            continue
        if (not group and m.start != brk.end()) or (group and COORD.fullmatch(text, group[-1][0].end, m.start) is None):
            break
        group.append((m, k))
    if group and text.startswith(JOINING_WORDS, group[-1][0].end):
        return [k for _, k in group]
    return []


def _governed(text: str, lead_end: int, start: int) -> bool:
    """Does a verb stand before `start` in its clause (成立了全国首家X中心, 依托X镇打造…)? Then
    the actor there is the verb's object: a subject opens its clause, after at most a time or a
    place phrase."""
    mark = max(text.rfind(c, lead_end, start) for c in CLAUSE_MARKS)
    return _GOVERNING_VERB.search(text, max(lead_end, mark + 1), start) is not None


#: a comitative opening a clause: 会同/联合/携手 + bodies, or 与/同 + bodies + a word of acting together
_WITH_JOINTLY = COMITATIVE_VERBS
_WITH = ("与", "同")
_TOGETHER = re.compile(r"联合|共同|携手|协同|一道|会签|签订|签署")  # (与X签订《…》: a bilateral act)


def partners(text: str, s: Sentence, actors: Sequence[Keyed]) -> tuple[list[EntityKey], int]:
    """与省委组织部联合举办…, 会同市法院建立…: a sentence without a subject that opens with a
    comitative phrase names the bodies that carry out, with its unnamed subject, what its first
    clause names; returned with where that clause ends (no partners: [], the sentence's start)."""
    lead = LIST_MARK.match(text, s.start, s.end)
    pos = lead.end() if lead else s.start
    pos += next((len(w) for w in FIRST_PERSON_SUBJECTS if text.startswith(w, pos)), 0)  # (我局联合…: unnamed)
    word = next((w for w in _WITH_JOINTLY + _WITH if text.startswith(w, pos)), None)
    if word is None or not actors:
        return [], s.start
    pos += len(word)
    out: list[EntityKey] = []
    for m, k in actors:
        if m.start < pos:
            continue
        if m.start != pos and (out == [] or COORD.fullmatch(text, pos, m.start) is None):
            break
        out.append(k)
        pos = m.end
    if not out or (word in _WITH and not _TOGETHER.match(text, pos)):
        return [], s.start
    clause_end = CLAUSE_BREAK.search(text, pos, s.end)
    return out, clause_end.start() if clause_end else s.end


class Clauses:
    """A sentence's clause starts (after ，；) and, as asked for, the actors opening each."""

    def __init__(self, text: str, s: Sentence) -> None:
        self.text, self.sentence = text, s
        self.starts = [m.end() for m in CLAUSE_BREAK.finditer(text, s.start, s.end)]
        self.found: dict[int, list[EntityKey]] = {}

    def subjects_at(self, pos: int, actors: Sequence[Keyed], covered: Covered) -> list[EntityKey]:
        """The actors opening the clause that holds `pos`, when it is not the sentence's first
        (开展…监管，三台县、盐亭县联合建立…机制: the counties, not the report's author); else [].
        A later clause without a subject does not inherit one: measured, that guesses wrong
        more often than right; but an enumeration of what the clause before counted goes on
        that clause (市政府出台规章2件，分别为《A》和《B》: 市政府)."""
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0:
            start = self.starts[i]
            if self.text.startswith(_WITH_JOINTLY, start) and self._opening(self.sentence.start, actors, covered):
                return []  # 我局…，联合市公安局印发《…》: the bodies act with the sentence's subject
            found = self._opening(start, actors, covered)
            if found and any(start <= m.start < pos for m, _ in actors):
                return found  # (the clause's subject stands before what it carries out, or holds it)
            if found or not self.text.startswith(ENUMERATION_LEADS, start):
                return []
            i -= 1
        return []

    def _opening(self, start: int, actors: Sequence[Keyed], covered: Covered) -> list[EntityKey]:
        """The actors opening the clause at `start` (kept: asked for once per clause)."""
        found = self.found.get(start)
        if found is None:
            found = self.found[start] = subjects(self.text, Sentence(start, self.sentence.end), actors, covered)
        return found


# ---- who speaks in a transcript ------------------------------------------------------------

_FIRST_PERSON = re.compile(r"(?:[^，,。；;\n]{0,8}[，,])?(?:" + "|".join(FIRST_PERSON_SUBJECTS) + ")")
_LEAD = re.compile(r"(?:[^，,。；;\n]{0,8}[，,])?")
_ASKERS = ("记者", "主持人", "提问")  # a line ending in one (and a colon) is a question's


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


def _deputy_post(text: str, org_end: int) -> bool:
    """Is the post after a body on a position line a deputy's (市委依法治市办副主任)? An official
    holding several posts speaks for the body he heads (市司法局党委书记、局长)."""
    return text.startswith("副", org_end)


class _Bodies:
    """The bodies of a transcript's mentions, by where they start (sorted at first need)."""

    def __init__(self, mentions: Sequence[Candidate]) -> None:
        self.orgs = sorted((m for m in mentions if m.etype == ORG and m.source != NESTED), key=lambda m: m.start)
        self.starts = [m.start for m in self.orgs]

    def at(self, pos: int) -> Candidate | None:
        i = bisect.bisect_left(self.starts, pos)
        return self.orgs[i] if i < len(self.orgs) and self.orgs[i].start == pos else None

    def opening(self, text: str, start: int) -> Candidate | None:
        """The body an answer's first sentence opens with as its subject (近年来,市司法局…)."""
        i = bisect.bisect_left(self.starts, start)
        return next((o for o in self.orgs[i:i + 5] if o.start < start + 20 and _LEAD.fullmatch(text, start, o.start)),
                    None)

    def headed(self, text: str, a: int, b: int) -> EntityKey | None:
        """Of the bodies of a position line (a:b), the one its holder heads, else the first
        (市司法局党委书记、局长; 市委依法治市办副主任)."""
        i = bisect.bisect_left(self.starts, a)
        found = [o for o in self.orgs[i:] if o.start < b]
        own = next((o for o in found if not _deputy_post(text, o.end)), found[0] if found else None)
        return EntityKey(own.etype, own.name) if own is not None else None


def _post(text: str, body: Candidate | None, own: EntityKey | None, deputy: bool) -> tuple[EntityKey | None, bool]:
    """The speaker's own body after a position line opening with `body`: the first one, unless
    he is only a deputy there and heads this one."""
    if body is None:
        return own, deputy
    is_deputy = _deputy_post(text, body.end)
    if own is None or (deputy and not is_deputy):
        return EntityKey(body.etype, body.name), is_deputy
    return own, deputy


def _answer(text: str, start: int, bodies: _Bodies, own: EntityKey | None) -> EntityKey | None:
    """Who an answer starting at `start` speaks for: the body its first sentence opens with,
    else for 我们/我局 opening it, or 我局 opening a later clause of its paragraph (谢谢主持人。近年来，
    …。我局牵头推行…), the speaker's own body, else nobody named (the report's actor)."""
    lead = bodies.opening(text, start)
    if lead is not None:
        return EntityKey(lead.etype, lead.name)
    end = text.find("\n", start)
    first_person = _FIRST_PERSON.match(text, start) or _OWN_BODY_CLAUSE.search(text, start, end if end >= 0 else len(text))
    return own if first_person else None


#: 我局, 我院 (not 我们: a speaker's 我们 may be the place's people) opening a clause
_OWN_BODY_CLAUSE = re.compile("(?<=[。，,；;：:])(?:" + "|".join(w for w in FIRST_PERSON_SUBJECTS if w != "我们") + ")")


#: a speaker's name and a colon opening a line, the answer after them (陈明：2023年，…)
_INLINE_TURN = re.compile(r"[ \t\u3000]*[：:][ \t\u3000]*")


#: what opens the phrase naming an official's posts before his name: a line, a clause (the host's
#: 今天邀请到区政府副区长赵国栋先生，区司法局局长孙建华女士), a bracket (主持人（区政府新闻办主任 刘倩）)
_POST_PHRASE_OPENERS = "\n，,。；;：:（("


def _roster(text: str, persons: dict[int, Candidate], bodies: _Bodies) -> dict[str, EntityKey]:
    """Each official whose phrase names his post before his name (发布人: 贵阳市司法局党委书记、局长
    陈明; a roster inline in the host's words) with the body he heads there."""
    out: dict[str, EntityKey] = {}
    for p in persons.values():
        line = text.rfind("\n", 0, p.start) + 1  # (each opener looked for in the person's line only)
        a = max(line, *(text.rfind(c, line, p.start) + 1 for c in _POST_PHRASE_OPENERS))
        if a < p.start and p.name not in out:
            own = bodies.headed(text, a, p.start)
            if own is not None:
                out[p.name] = own
    return out


def _speakers(text: str, mentions: Sequence[Candidate]) -> dict[int, Candidate]:
    """The officials' mentions by where they start, and the names of officials known elsewhere
    that open a line before a colon (陈明：… names no official by the grammar: no post beside it)."""
    persons = {m.start: m for m in mentions if m.etype == PERSON}
    by_name = {m.name: m for m in persons.values()}
    if by_name:  # one scan of the lines' openings, not one per name
        for t in _LINE_NAME_COLON.finditer(text):
            for name in (t.group(1)[:k] for k in range(len(t.group(1)), 1, -1)):
                if name in by_name and _INLINE_TURN.match(text, t.start(1) + len(name)):
                    persons.setdefault(t.start(1), replace(by_name[name], start=t.start(1),
                                                           end=t.start(1) + len(name)))
                    break
    return persons


#: the characters opening a line before a colon (陈明：, 买买提·艾力 ：): where a speaker's name may stand
_LINE_NAME_COLON = re.compile(r"(?m)^[ \t\u3000]*([^\s：:，,。]{2,12}?)(?=[ \t\u3000]*[：:])")


def speaker_segments(text: str, mentions: Sequence[Candidate]) -> list[tuple[int, EntityKey | None]]:
    """In a press-conference transcript an official's answer (after the line holding only the
    speaker's name, and the position lines under it; or after his name and a colon on its line,
    陈明：…, his post then read from the line that names it before his name) speaks for the body
    its first sentence names as subject (近年来,市司法局…), or for the speaker's own body when that
    subject is 我们/我局: it acts where sentences name no subject, until the next question; of
    several posts, the body the speaker heads rather than one he is a deputy of. An answer
    without such a subject speaks for the report's own actor."""
    persons = _speakers(text, mentions)
    begin = _first_name_line(text, persons)
    if begin is None:
        return []  # no line opens with a name: nobody speaks
    bodies: _Bodies | None = None  # (made at the first speaker: only speakers ask)
    roster: dict[str, EntityKey] | None = None
    segments: list[tuple[int, EntityKey | None]] = []
    speaker = False
    own: EntityKey | None = None  # the body of the speaker's position lines
    own_deputy = False  # whether the speaker is only a deputy there
    pos = begin
    for line in text[begin:].splitlines(keepends=True):
        body = line.strip()
        start = pos + len(line) - len(line.lstrip())
        pos += len(line)
        if not body:
            continue
        if body.endswith(_ASKERS) or (body[-1] in ":：" and body[:-1].endswith(_ASKERS)):
            if segments and segments[-1][1] is not None:
                segments.append((start, None))
            speaker = False
            continue
        short = len(body) <= 30 and not body.endswith(("。", "；"))
        p = persons.get(start)
        if bodies is None and p is not None:
            bodies = _Bodies(mentions)
        if short and p is not None and p.end - start >= len(body) - 1:
            speaker, own = True, None  # a line holding only a name
            continue
        turn = _INLINE_TURN.match(text, p.end) if p is not None and not short else None
        if turn is not None:  # 陈明：2023年，… — a name, a colon and the answer on one line
            roster = _roster(text, persons, bodies) if roster is None else roster
            segments.append((start, _answer(text, turn.end(), bodies, roster.get(p.name))))
            speaker = False
            continue
        if speaker and short:  # a position line: of several, the body the speaker heads
            own, own_deputy = _post(text, bodies.at(start), own, own_deputy)
            continue
        if speaker:
            segments.append((start, _answer(text, start, bodies, own)))
            speaker = False
    return segments


# ---- headings naming who the text under them is about -------------------------------------

HEADING_MAX = 30
#: what ends a line that is a sentence, not a heading
HEADING_ENDS = ("。", "；", ";", "：", ":", "！", "？")
_HEADING_MARK = re.compile(r"[\s　]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])?[\s　]*")


def heading_segments(text: str, mentions: Sequence[Candidate]) -> list[tuple[int, EntityKey | None]]:
    """A heading line that is only the name of a place or body (汇川区高坪街道团结村, 一、XX司法所) makes
    it the actor of the paragraphs under it, until the next heading; a heading naming no one
    gives the text back to the document's actor (unless it follows a name heading directly: a
    report title under its county's name). The report's own header (title, byline) is the
    author's, read by author.py, not a heading here."""
    by_start = {m.start: m for m in mentions if m.etype in ACTOR_TYPES and m.source != NESTED}
    if not by_start:
        return []
    out: list[tuple[int, EntityKey | None]] = []
    pos = title_end(text)
    text_from = text[pos:]
    previous_named = False
    for line in text_from.splitlines(keepends=True):
        start, body = pos, line.strip()
        pos += len(line)
        if not body:
            continue
        if len(body) > HEADING_MAX or body.endswith(HEADING_ENDS) or "。" in body:
            previous_named = False
            continue
        at = start + _HEADING_MARK.match(line).end()
        end = start + len(line.rstrip())
        last = None
        while at < end and at in by_start:  # the names cover the line: a chain of places
            last = by_start[at]
            at = last.end
            while at < end and text[at] in " 　":
                at += 1
        if last is not None and at >= end:
            out.append((start, EntityKey(last.etype, last.name)))
            previous_named = True
        elif not previous_named and out and out[-1][1] is not None:
            out.append((start, None))
        else:
            previous_named = False
    return out


# ---- the document as the rules read it ----------------------------------------------------

class Sink:
    """Relations as they are found, each with its sentence as evidence (quoted and dated once per
    sentence: the year the sentence names, else `year`, the document's); a relation outside its
    predicate's signature, or from an entity to itself, is dropped."""

    def __init__(self, doc_id: str, text: str, year: int | None = None) -> None:
        self.doc_id, self.text, self.year = doc_id, text, year
        self.out: list[RelationMention] = []
        self._evidence: dict[tuple[int, int], Evidence] = {}

    def add(self, h: EntityKey, p: Predicate, t: EntityKey, s: Sentence | None) -> None:
        if s is None:
            return
        dom, rng = SIGNATURES[p]
        if h.etype in dom and t.etype in rng and h != t:
            span = (s.start, s.end)
            ev = self._evidence.get(span)
            if ev is None:
                quote = self.text[s.start:s.end]
                ev = self._evidence[span] = Evidence(self.doc_id, quote, s.start, s.end,
                                                     year=sentence_year(quote) or self.year)
            self.out.append(RelationMention(h, p, t, ev))


class DocFacts:
    """A document's sentences with their mentions, and its implicit actors."""

    def __init__(self, text: str, sents: Sequence[Sentence], mentions: Sequence[Candidate],
                 actor: EntityKey | None, author: EntityKey | None,
                 conferrer_spans: Sequence[tuple[int, int]] = ()) -> None:
        self.text = text
        self.idx = SentIndex(sents)
        self.sents = self.idx.sents
        self.actor, self.author = actor, author
        self.mentions = mentions
        # one pass over the mentions: each one's key (one object per entity) and sentence; each
        # entity's key with the sentences of its mentions, in mention order (not of references
        # back to it: 该局 is no naming of it)
        self.entities: dict[tuple[EntityType, str], tuple[EntityKey, list[int]]] = {}
        self.in_sent: dict[int, list[Keyed]] = {}  # by sentence index
        self.carried: set[int] = set()  # the sentences naming a program or regulation
        targets = (PROGRAM, REGULATION)
        starts, ends, bisect_right = self.idx.starts, self.idx.ends, bisect.bisect_right
        for m in mentions:
            name = (m.etype, m.name)
            entity = self.entities.get(name)
            if entity is None:
                entity = self.entities[name] = (EntityKey(m.etype, m.name), [])
            i = bisect_right(starts, m.start) - 1  # what idx.at says, inlined
            if i >= 0 and m.start < ends[i]:
                ms = self.in_sent.get(i)
                if ms is None:
                    self.in_sent[i] = [(m, entity[0])]
                else:
                    ms.append((m, entity[0]))
                if m.source != ANAPHOR:  # (where it is named: 该局 names nothing)
                    entity[1].append(i)
                if m.etype in targets:
                    self.carried.add(i)
        self.covered = Covered(len(text), conferrer_spans)
        #: the places the document names
        self.place_names = frozenset(name for etype, name in self.entities if etype == PLACE)
        self._segments: list[tuple[int, EntityKey | None]] | None = None
        self._segment_starts: list[int] = []

    def actor_at(self, pos: int) -> EntityKey | None:
        """The document's actor, or the body of the official answering at this point, or the
        place or body the heading above names."""
        if self._segments is None:
            speakers = speaker_segments(self.text, self.mentions)
            # a transcript's turns decide where there are any; else the headings do
            self._segments = speakers or heading_segments(self.text, self.mentions)
            self._segment_starts = [a for a, _ in self._segments]
        i = bisect.bisect_right(self._segment_starts, pos) - 1
        return self._segments[i][1] if i >= 0 and self._segments[i][1] is not None else self.actor

    def actors(self, i: int) -> list[Keyed]:
        """The organisations and places of sentence `i` that may act (not nested in a name)."""
        return [(m, k) for m, k in self.in_sent.get(i, []) if k.etype in ACTOR_TYPES and m.source != NESTED]
