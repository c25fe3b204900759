"""implements: who carries out a program or a regulation.

- the subject of the sentence (an organisation or place opening it, with those coordinated with
  it), or of the later clause that opens with its own actors; failing one, the document's actor
  (the author of a body's report, the place of a place's report, the body answering in a
  transcript);
- a place's own brand, its name right before the quote (和溪镇“和”风细雨);
- the pilots designated in the sentence (确定A、B为试点单位);
- a name opening with a place below the document's actor is that place's own (清溪市…工作方案 in a
  city's report): the place carries it out, not the city;
- a regulation only after a verb of carrying it out (贯彻实施《…》); the body that made it (市政府
  印发《…》) issued it rather than carrying it out (rel_issued).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property

from ..lexicon import (DISPOSAL_CARRY_VERBS, IMPLEMENT_CUES, LEARNING_VERBS, PROMPTING_VERBS, REGULATION_CUES, RESPECTIVELY,
                       TRAVEL_VERBS)
from ..model import EntityKey, Predicate
from .rel_issued import (ISSUED_BY, issued_and_carried, made_by_a_body_before, made_by_author, made_by_subjects,
                         made_by_titled_issuer, made_jointly, signed_by)
from ..gazetteer import gazetteer
from .coordination import COORD, coordinated_before
from .relcore import (AWARD, CAUSATIVE_VERBS, CLAUSE_BREAK, CLAUSE_MARKS, HEADING_ENDS, HEADING_MAX, PLACE, PROGRAM, REGULATION, SELFREF, Clauses, DocFacts, Keyed, Sink, partners,
                      subjects)
from .candidates import NESTED, Candidate
from .text import Sentence

IMPLEMENTS = Predicate.IMPLEMENTS
_PILOT = re.compile(r"(?:为|作为)(?:首批|第[一二三四五六七八九十]+批)?(?:试点|示范)")
#: …推广“X”，A、B先行先试 / 率先试点: the places named trying it first, at their clause's end (not
#: 作为全省试点: the report's own place as the province's pilot)
_PILOTING = re.compile(r"(?:率先|先行|首批)?(?:先行先试|先试先行|开展试点|试点)(?=[，,。；;！!\n]|$)")
#: a verb of carrying out with no clause mark after it (up to the end of the searched range)
_REG_CUE_IN_CLAUSE = re.compile(f"(?:{'|'.join(REGULATION_CUES)})(?=[^{CLAUSE_MARKS}]*\\Z)")


def pilots(text: str, actors: Sequence[Keyed]) -> list[EntityKey]:
    """确定云溪区、柳溪县、石桥县、清溪市为试点单位 (…，黄石市、荆州市先行先试): the designated pilots
    carry out the program.
    `actors` are the sentence's organisations and places (not nested)."""
    for i, (m, _) in enumerate(actors):
        if _PILOT.match(text, m.end) or (m.source != SELFREF and _PILOTING.match(text, m.end)):
            return coordinated_before(text, actors[: i + 1])
    return []


#: what may stand between a pivot's bodies and its verb of carrying out (推动A、B全面开展…)
_PIVOT_ADVERB = re.compile(r"[\u4e00-\u9fff]{0,2}")


def pivots(text: str, start: int, end: int, actors: Sequence[Keyed]) -> list[EntityKey]:
    """指导岳阳县开展“…”, 推动A、B推行…: the places or bodies a causative verb makes act carry
    out what the verb of carrying out after them names (between `start`, the clause's start, and
    `end`, the program's)."""
    inside = [(m, k) for m, k in actors if start <= m.start and m.end <= end]
    for i, (m, _) in enumerate(inside):
        if not text.endswith(CAUSATIVE_VERBS, start, m.start):
            continue
        group = [inside[i]]
        for m2, k2 in inside[i + 1:]:
            if not COORD.fullmatch(text, group[-1][0].end, m2.start):
                break
            group.append((m2, k2))
        after = _PIVOT_ADVERB.match(text, group[-1][0].end, end).end()
        if any(text.startswith(IMPLEMENT_CUES, j, end) for j in range(group[-1][0].end, after + 1)):
            return [k for _, k in group]
    return []


#: a program or instrument followed by who carries it out or made it (…由X负责实施, 由X牵头推进,
#: “…”品牌由县司法局打造, 由某镇率先探索)
_CARRIED_BY_AFTER = re.compile(r"[，,]?(?:主要|具体|统一)?由")
_CARRYING_AFTER_BODY = re.compile(r"(?:负责|牵头|组织|具体|率先|首先)?(?:实施|推进|推行|落实|执行|承办|运行"
                                  r"|打造|探索|创建|首创|推出|开展|创设)")


def carried_by_after(text: str, end: int, actors: Sequence[Keyed]) -> list[EntityKey]:
    """“…”模式由某区仲裁院负责实施: the bodies after 由, when a verb of carrying out follows them."""
    lead = _CARRIED_BY_AFTER.match(text, end)
    if lead is None:
        return []
    group: list[Keyed] = []
    pos = lead.end()
    for m, k in actors:
        if m.start < pos:
            continue
        if m.start != pos and not (group and COORD.fullmatch(text, pos, m.start)):
            break
        group.append((m, k))
        pos = m.end
    return [k for _, k in group] if group and _CARRYING_AFTER_BODY.match(text, pos) else []


def reg_cue_before(text: str, s: Sentence, start: int) -> bool:
    """A verb of carrying out before the title in its clause (出台《A》《B》《C》 covers all three),
    within 40 characters: one search of that window for a cue that no clause mark follows.
    A body that prompts another to make it (提请制定《…》, 推动修订《…》) does not carry it out."""
    cue = _REG_CUE_IN_CLAUSE.search(text, max(s.start, start - 40), start)
    return cue is not None and not text.endswith(PROMPTING_VERBS, s.start, cue.start())


#: a title's taking effect as the time since which the clause's subject acts (《…》实施以来,某县…)
_IN_FORCE_SINCE = re.compile(r"(?:颁布|出台|印发)?(?:实施|施行)以来[，,]")


def reg_cue_after(text: str, start: int, end: int) -> bool:
    """A verb of carrying out after the title: 把《…》细化分解 (the disposal construction)."""
    return text.endswith(("把", "将"), 0, start) and text.startswith(DISPOSAL_CARRY_VERBS, end)


def acting_since(facts: DocFacts, s: Sentence, end: int, actors: Sequence[Keyed]) -> list[EntityKey]:
    """《…》实施以来,某县坚持…: the subject of the clause after the time since the instrument took
    effect carries it out ([] when that clause names none: 《…》实施以来,累计… says when, not who)."""
    since = _IN_FORCE_SINCE.match(facts.text, end)
    if since is None:
        return []
    return subjects(facts.text, Sentence(since.end(), s.end), actors, facts.covered)


def _named_owner(name: str, places: Sequence[str], actor: EntityKey) -> EntityKey | None:
    """In a place's report, the place below it that a program's or instrument's name opens
    with (after its quote mark), when the document names it: that place's own (清溪市…工作方案
    in a city's report; of a chain the most specific: 云州市阳谷县…规定 → 阳谷县). A body's
    report keeps what it names after its place as its own (区司法局: 云溪区…平台)."""
    if actor.etype != PLACE:
        return None
    gz = gazetteer()
    above = gz.lookup(actor.name, shorts=False)
    head = name.lstrip("“《\"「")
    owner, pos = None, 0
    for m in gz.find(head[:24]):
        if m.start != pos or m.is_short:
            break
        d = next((c for c in m.candidates if c.name in places), None)
        if d is None:
            break
        owner, pos = d, m.end
    if owner is None or not any(a.code != owner.code and gz.is_ancestor(a, owner) for a in above):
        return None
    return EntityKey(PLACE, owner.name)


_OPEN_PAREN, _CLOSE_PAREN = "(（", ")）"


def members_in_parentheses(text: str, end: int, actors: Sequence[Keyed]) -> list[EntityKey]:
    """“四县联调机制”(甲县和乙县、丙省丁县): a parenthesis right after a joint program that only
    lists places or bodies names its parties, which carry it out (of a chain of places, the last)."""
    if end >= len(text) or text[end] not in _OPEN_PAREN:
        return []
    pos, out = end + 1, []
    for m, k in actors:
        if m.start < pos:
            continue
        gap = text[pos:m.start]
        if gap and (not out or COORD.fullmatch(gap) is None):
            return []  # (a word between: the parenthesis says something else)
        if not gap and out and out[-1].etype == PLACE and k.etype == PLACE:
            out.pop()  # 丙省丁县: the chain names its last
        out.append(k)
        pos = m.end
    return out if out and pos < len(text) and text[pos] in _CLOSE_PAREN else []


def list_starts(text: str, ms: Sequence[Keyed]) -> dict[int, int]:
    """Where the list of titles each regulation mention is in opens (《A》、《B》和《C》, A清单、B清单):
    the verb before a list governs every member, however long the list."""
    out: dict[int, int] = {}
    prev: Keyed | None = None
    for m, k in ms:
        if k.etype != REGULATION:
            continue
        joined = prev is not None and prev[0].end <= m.start and (
            prev[0].end == m.start or COORD.fullmatch(text, prev[0].end, m.start) is not None)
        out[m.start] = out[prev[0].start] if joined and prev is not None else m.start
        prev = (m, k)
    return out


#: the passive or the receiving verb before the body that promotes what the sentence names
#: (被司法部刊发推广, 得到省信访局认可并推广)
_PROMOTED_BY = ("被", "得到")
#: the verbs between that body and 推广 (刊发, 认可并): no punctuation, a few characters
_TO_PROMOTE = re.compile(r"[\u4e00-\u9fff]{0,5}?推广")


#: a clause of its own that ends in promoting (…,省司法厅发文在全省推广。): its subject promotes
#: what the clauses before it name
_PROMOTES_CLAUSE = re.compile(r"[^，,。；;\n]{0,24}?推广(?=[，,。；;\n]|\Z)")


def promoters(text: str, actors: Sequence[Keyed]) -> tuple[list[EntityKey], int]:
    """“…”系统、《…》等做法,被司法部刊发推广: a body named right after 被/得到 and followed by its
    verbs of promoting, or opening a later clause that ends in 推广 (制定…制度,省司法厅发文在全省
    推广), takes up what the sentence names before it; returned with where the phrase starts. A
    publication named after the body (被最高人民法院简报…刊载) or a medium reporting it is no
    promoter."""
    for n, (m, k) in enumerate(actors):
        passive = text.endswith(_PROMOTED_BY, 0, m.start)
        opens_clause = m.start > 0 and CLAUSE_BREAK.match(text, m.start - 1) is not None
        if m.subtype == "MediaOrganization" or not (passive or opens_clause):
            continue
        out, end = [k], m.end
        for m2, k2 in actors[n + 1:]:
            if m2.subtype == "MediaOrganization" or COORD.fullmatch(text, end, m2.start) is None:
                break
            out.append(k2)
            end = m2.end
        if (_TO_PROMOTE if passive else _PROMOTES_CLAUSE).match(text, end):
            return out, m.start
    return [], -1


def _regulation_carried(facts: DocFacts, sink: Sink, s: Sentence, m: Candidate, k: EntityKey,
                        ms: Sequence[Keyed], who: list[EntityKey], list_start: int,
                        with_them: Sequence[EntityKey] = ()) -> bool:
    """A regulation's makers and parties (issuedBy; an agreement binds its parties), and whether
    the ones acting in its clause carry it out: not when they made it, and only after a verb of
    carrying out before the list it is in."""
    text = facts.text
    parties = signed_by(facts, s, m.start, ms, who) or (
        made_jointly(facts, s, m.start, ms, with_them, signed=True) if not who else [])
    for party in parties:
        sink.add(k, ISSUED_BY, party, s)
        sink.add(party, IMPLEMENTS, k, s)
    makers = made_by_subjects(facts, s, m.start, ms, who) or (
        made_jointly(facts, s, m.start, ms, with_them) if not who else [])
    for maker in makers:
        sink.add(k, ISSUED_BY, maker, s)
    if (makers or parties) and not issued_and_carried(text, s, m.start):
        return False  # the body that made it: issuedBy, not implements
    if not who:
        if made_by_titled_issuer(facts, s, m, ms) or made_by_a_body_before(facts, s, m.start, ms):
            return False  # 制定《县政府办公室关于…》, 推动市政府出台《…》: another body made it
        author = made_by_author(facts, s, m.start, ms)
        if author is not None:
            sink.add(k, ISSUED_BY, author, s)
    return reg_cue_before(text, s, list_start) or reg_cue_after(text, m.start, m.end)


#: a count of years after a program (“八八战略”实施20周年): the program dates the sentence
_ANNIVERSARY = re.compile(r"[^，,。；;]{0,6}?[0-9一二三四五六七八九十百]+周年")


def named_in_passing(text: str, m: Candidate, honours: Sequence[tuple[int, int]]) -> bool:
    """A program inside an honour's name (获评全国新时代“枫桥经验”先进典型) or counted in years
    (是“八八战略”实施20周年) is the honour's topic or a date: nobody carries it out there."""
    return any(a <= m.start and m.end <= b for a, b in honours) or _ANNIVERSARY.match(text, m.end) is not None


def heading_subjects(facts: DocFacts, i: int) -> list[EntityKey]:
    """A heading line naming a program (“…”破解行政案件难题) states the topic of the paragraph under
    it: that paragraph's opening subject (市委依法治市办…协作配合) carries the program out."""
    text, s = facts.text, facts.sents[i]
    line = text[s.start:s.end].strip()
    if not line or len(line) > HEADING_MAX or line.endswith(HEADING_ENDS) or i + 1 >= len(facts.sents) \
            or not text.startswith("\n", s.end):
        return []  # (a heading is a short line of its own, ending no sentence)
    return subjects(text, facts.sents[i + 1], facts.actors(i + 1), facts.covered)


def _whole_jurisdiction(text: str, m: Candidate) -> bool:
    """全市, 全县: the report's own place as a scope (全市“…”项目), unlike 我县“…” (its own)."""
    return m.source == SELFREF and text.startswith("全", m.start)


class _Sentence:
    """What reading one sentence for implements takes: its actors and subjects, the partners of
    an unnamed subject (与X联合举办…), those promoting what comes after them, the honours named;
    owners, pilots and list starts are computed on first need (few sentences ask for them)."""

    def __init__(self, facts: DocFacts, i: int) -> None:
        self.facts, self.i = facts, i
        self.text, self.s, self.ms = facts.text, facts.sents[i], facts.in_sent[i]
        self.actors = facts.actors(i)
        self.subjects = subjects(self.text, self.s, self.actors, facts.covered)
        self.clauses = Clauses(self.text, self.s) if self.actors else None  # (no actor: no clause has a subject)
        self.fallback = facts.actor_at(self.s.start)
        # 与X联合举办…: the bodies acting with the unnamed subject, in the first clause
        self.with_them, self.with_end = (partners(self.text, self.s, self.actors) if not self.subjects
                                         else ([], self.s.start))
        self.promoting, self.promoted_before = promoters(self.text, self.actors)
        self.honours = [(m.start, m.end) for m, k in self.ms if k.etype == AWARD]

    @cached_property
    def owners(self) -> dict[int, EntityKey]:
        """和溪镇“和”风细雨: a named place's own brand; 全市“…”项目 says the scope, no owner."""
        return {m1.end: k1 for m1, k1 in self.actors if not _whole_jurisdiction(self.text, m1)}

    def clause_start(self, pos: int) -> int:
        """Where the clause holding `pos` starts (after its sentence's last ，；before it)."""
        marks = [b.end() for b in CLAUSE_BREAK.finditer(self.text, self.s.start, pos)]
        return marks[-1] if marks else self.s.start

    def respective(self, m: Candidate, who: list[EntityKey]) -> EntityKey | None:
        """A、B分别打造“X”“Y”: the one of the clause's subjects `who` paired with the program at
        `m`, in order, when 分别 follows the subjects and as many programs as subjects follow it in
        their clause; else None."""
        if len(who) < 2:
            return None
        at = {k: a.start for a, k in self.actors if k in who and a.end <= m.start}
        if len(at) != len(who):
            return None
        end = max(a.end for a, k in self.actors if k in at and a.end <= m.start)
        if not self.text.startswith(RESPECTIVELY, end):
            return None
        brk = CLAUSE_BREAK.search(self.text, end, self.s.end)
        stop = brk.start() if brk else self.s.end
        programs = [p.start for p, k in self.ms if k.etype == PROGRAM and end < p.start < stop and p.source != NESTED]
        if len(programs) != len(who) or m.start not in programs:
            return None
        return sorted(who, key=at.__getitem__)[programs.index(m.start)]

    def partners_at(self, pos: int) -> list[EntityKey]:
        """The bodies the unnamed subject acts with where `pos` is: those of the sentence's first
        clause (与X联合举办…), or of a later clause opening with 联合/会同 (…，联合市民热线受理中心
        制作“32问答”)."""
        if pos < self.with_end:
            return list(self.with_them)
        start = self.clause_start(pos)
        if start == self.s.start or self.subjects:
            return []
        found, end = partners(self.text, Sentence(start, self.s.end), self.actors)
        return found if pos < end else []

    def named_after(self, m: Candidate) -> EntityKey | None:
        """The body whose name holds the program's (甲县“和事佬”调解工作室): its own brand."""
        return next((k1 for m1, k1 in self.actors if m1.start <= m.start and m.end <= m1.end
                     and (m1.start, m1.end) != (m.start, m.end)), None)

    @cached_property
    def designated(self) -> list[EntityKey]:
        return pilots(self.text, self.actors)

    @cached_property
    def starts(self) -> dict[int, int]:
        return list_starts(self.text, self.ms)

    def who(self, m: Candidate) -> list[EntityKey]:
        """The subject of the mention's clause, else of the sentence, unless the subject stands
        after the mention and carries out a program of its own in its clause (建立“X”平台，白马井镇
        打造“Y”: X is not 白马井镇's; 创新“X”模式，A和B签署协议: it is A's and B's)."""
        return (self.clauses and self.clauses.subjects_at(m.start, self.actors, self.facts.covered)) \
            or (self.subjects if m.start >= self.subject_clause[0] or not self.subject_clause[1] else [])

    @cached_property
    def subject_clause(self) -> tuple[int, bool]:
        """Where the sentence's first subject is written, and whether a program follows it in its
        clause ((sentence end, False) when it has none)."""
        start = min((m.start for m, k in self.actors if self.subjects and k == self.subjects[0]), default=self.s.end)
        brk = CLAUSE_BREAK.search(self.text, start, self.s.end)
        end = brk.start() if brk else self.s.end
        return start, any(start < m.start < end and k.etype == PROGRAM and m.source != NESTED for m, k in self.ms)

    def doers(self, m: Candidate, k: EntityKey, who: list[EntityKey]) -> list[EntityKey]:
        """Who carries `k` out: the subjects, else the report's actor (or the place below it that
        the name opens with), with its partners when the mention is in their clause."""
        doers = [x for x in who if x != k]
        if not doers and self.fallback is not None:
            doers = [_named_owner(k.name, self.facts.place_names, self.fallback) or self.fallback]
            doers += self.partners_at(m.start)
        return doers


def _sentence(facts: DocFacts, sink: Sink, i: int) -> None:
    sen = _Sentence(facts, i)
    for m, k in sen.ms:
        if k.etype == PROGRAM and not named_in_passing(sen.text, m, sen.honours):
            _program(sen, sink, m, k)
        elif k.etype == REGULATION:
            _regulation(sen, sink, m, k)


def _promoted(sen: _Sentence, sink: Sink, m: Candidate, k: EntityKey) -> None:
    """推动…落地: those promoting a program or regulation named after them carry it out."""
    if m.end <= sen.promoted_before:
        for body in sen.promoting:
            sink.add(body, IMPLEMENTS, k, sen.s)


#: a verb of learning from others before a program in its clause (借鉴…, 赴杭州市学习…)
_LEARNED = re.compile(f"(?:{'|'.join(LEARNING_VERBS)}|(?:{'|'.join(TRAVEL_VERBS)})[^，,。；;]{{1,12}}?学习)"
                      f"[^，,。；;]{{0,12}}\\Z")


def _program(sen: _Sentence, sink: Sink, m: Candidate, k: EntityKey) -> None:
    """A program: its owner when a place's name precedes it, else its doers (a heading's subject
    when the sentence has none), and the pilots and members in parentheses named with it."""
    _promoted(sen, sink, m, k)
    # (a name opening with its own place, 浦东新区“一业一证”, is owned by that place, not the one before)
    owner = sen.owners.get(m.start) if not any(
        k2.etype == PLACE and m2.start == m.start and m2 is not m for m2, k2 in sen.ms) else None
    if owner is not None:
        sink.add(owner, IMPLEMENTS, k, sen.s)  # 和溪镇“和”风细雨: the place's own brand
        return
    if _LEARNED.search(sen.text, sen.clause_start(m.start), m.start):
        return  # 借鉴…“X”经验: another's program, learned from
    carried = carried_by_after(sen.text, m.end, sen.actors)  # …模式由X负责实施
    who = sen.who(m) or carried or heading_subjects(sen.facts, sen.i)
    own = sen.respective(m, who)
    if own is not None:
        who = [own]  # A、B分别打造“X”“Y”: X is A's alone
    named_after = sen.named_after(m)
    if named_after in who:  # 甲县“和事佬”调解室、乙县“老兵”工作室获评…: of the subjects, the room named after it
        who = [named_after]
    for doer in sen.doers(m, k, who):
        sink.add(doer, IMPLEMENTS, k, sen.s)
    for doer in sen.designated + members_in_parentheses(sen.text, m.end, sen.actors) \
            + pivots(sen.text, sen.clause_start(m.start), m.start, sen.actors) + carried:
        sink.add(doer, IMPLEMENTS, k, sen.s)


def _regulation(sen: _Sentence, sink: Sink, m: Candidate, k: EntityKey) -> None:
    """A regulation: those acting on it since it took effect, else (when it is carried out, not
    only made) its doers."""
    _promoted(sen, sink, m, k)
    since = acting_since(sen.facts, sen.s, m.end, sen.actors)
    if since:
        for doer in since:
            sink.add(doer, IMPLEMENTS, k, sen.s)
        return
    who = sen.who(m)
    if not _regulation_carried(sen.facts, sink, sen.s, m, k, sen.ms, who, sen.starts.get(m.start, m.start),
                               sen.partners_at(m.start)):
        return
    for doer in sen.doers(m, k, who):
        sink.add(doer, IMPLEMENTS, k, sen.s)


def implements(facts: DocFacts, sink: Sink, skip: set[int]) -> None:
    """implements (and the subject-made issuedBy it meets on the way), sentence by sentence;
    the sentences of table rows (`skip`) aside."""
    for i in sorted(facts.carried):
        if i not in skip:
            _sentence(facts, sink, i)
