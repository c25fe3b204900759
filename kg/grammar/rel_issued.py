"""issuedBy: the body that made, passed or issued an instrument.

- a sentence's subject with an issuing verb right before the title, or before the chain of titles
  it closes (市政府印发《A》《B》: both);
- a body a few characters before an issuing verb and the title (市委办公室联合印发《…》);
- a title that opens with its issuer (云州市人民政府办公室关于…);
- the issuer column of an appendix table;
- 该条例由市人大常委会审议通过: the body that passed the instrument of that kind named last;
- 《…》由A、B联合印发: the bodies after 由/经 that an issuing verb follows, each;
- 完成《X》立法审查和市人大常委会审议通过: a body right before a verb of passing that takes no
  title after it passed the title named before it in the clause;
- an issuing verb with no subject before the title: the report's author made it (印发《…》 in
  a bureau's summary), also when 并 joins a verb of carrying out to it (制定并实施…办法), and
  with the bodies it acts with (会同市财政局印发《…》: both);
- the parties of an agreement (A与B签订《…协议》) each made it, and each is bound by it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..lexicon import (COMITATIVE_VERBS, DISPOSAL_CARRY_VERBS, ENUMERATION_LEADS, ISSUE_VERBS, PROMPTING_VERBS, REVIEW_VERBS,
                       SIGNING_VERBS)
from ..model import EntityKey, Predicate
from .candidates import NESTED, Candidate
from .coordination import COORD, coordinated_before
from .relcore import ORG, PLACE, REGULATION, DocFacts, Keyed, Sink
from .tables import TableRow
from .text import Sentence

ISSUED_BY = Predicate.ISSUED_BY
_VERBS = "|".join(sorted(ISSUE_VERBS, key=len, reverse=True))
#: an issuing verb between a body and a title (…联合印发了《…》)
ISSUE_CUE = re.compile(f"(?:联合)?(?:{_VERBS})了?")
_CARRY = "|".join(DISPOSAL_CARRY_VERBS)
#: a run of issuing verbs closing the text before a title (制定颁布《…》), unless a verb of
#: prompting opens the run (提请制定颁布《…》: another body makes it); 并 may join a verb of
#: carrying out that shares the title (制定并实施…办法: made, and carried out)
_ISSUE_VERB_END = re.compile(f"(?:{_VERBS})+了?(?:并(?:{_CARRY}))?$")
#: an issuing run joined to a verb of carrying out (制定并实施): the maker also carries it out
_ISSUED_AND_CARRIED = re.compile(f"(?:{_VERBS})了?并(?:{_CARRY})$")
_SIGNING_VERB_END = re.compile(f"(?:{'|'.join(SIGNING_VERBS)})了?$")
_SENTENCE_BREAK = re.compile(r"[，,。；;]")
#: a verb of passing that closes its clause (…和市人大常委会审议通过，): its object came before
#: (经区政府常务会议审议通过, 经市政府第45次常务会议审议通过: the body's meeting passed it)
_PASSED_AFTER_BODY = re.compile(r"(?:第[0-9一二三四五六七八九十百]+次)?(?:常务会议|全体会议|主任会议|党组会议|会议)?"
                                r"(?:审议通过|表决通过|审议批准|批准)(?=[，,。；;\n]|$|后)")


#: a body's meeting closing a clause (召开区委全面依法治区委员会第四次会议，), and the next clause
#: opening with its passing (审议通过《…》): the body whose meeting it is passed the title
_MEETING_AFTER_BODY = re.compile(r"(?:第[0-9一二三四五六七八九十百]+次)?(?:全体|常务|主任|专题)?会议[，,]")
_PASSING_OPENS = re.compile(r"(?:会议|会上)?(?:审议通过|表决通过|审议|研究通过)了?")


#: an enumeration of what the clause before it counted (制定规章2部，分别是《A》和《B》)
_ENUMERATION_LEAD = re.compile(rf"[，,]?(?:{'|'.join(ENUMERATION_LEADS)})[：:]?$")
#: the clause counting what it made: an issuing verb, then what and how many (制定规章2部)
_COUNTED_MAKING = re.compile(f"(?:{_VERBS})[^，,。；;：:\n]{{0,12}}?[0-9一二三四五六七八九十两]+[部件个项]")


def issue_verb_before(text: str, s: Sentence, start: int, ms: Sequence[Keyed],
                      verb_end: re.Pattern[str] = _ISSUE_VERB_END,
                      counted: re.Pattern[str] | None = _COUNTED_MAKING) -> bool:
    """An issuing verb (`verb_end`) right before this title, or before the chain of titles it
    closes (编制《A》《B》: both), or in the clause counting (`counted`) what an enumeration of
    them lists (制定规章2部，分别是《A》和《B》)."""
    for pos in _chain_starts(text, start, ms):
        verb = verb_end.search(text, max(s.start, pos - 10), pos)
        if verb is not None:  # (《关于印发〈X〉的通知》: a verb inside a title is its issuer's, no subject's)
            return not text.endswith(PROMPTING_VERBS, s.start, verb.start()) \
                and not any(m.start < verb.start() < m.end for m, _ in ms if text.startswith("《", m.start))
    lead = _ENUMERATION_LEAD.search(text, max(s.start, pos - 6), pos) if counted is not None else None
    return lead is not None and counted.search(text, max(s.start, lead.start() - 24), lead.start()) is not None


#: what joins the titles of a chain (编制《A》《B》, 审议通过《A》和《B》)
_CHAIN_JOINT = re.compile(r"[、和及与]?")


def _chain_starts(text: str, start: int, ms: Sequence[Keyed]) -> Iterator[int]:
    """`start`, then the start of each title before it in the chain of titles it closes, going back."""
    titles = sorted((m.start, m.end) for m, k in ms if m.end <= start
                    and (k.etype == REGULATION or text.startswith("《", m.start)))
    pos = start
    while True:
        yield pos
        prev = next(((a, b) for a, b in reversed(titles) if a < pos and b <= pos
                     and _CHAIN_JOINT.fullmatch(text, b, pos)), None)
        if prev is None:
            return
        pos = prev[0]


def made_by_subjects(facts: DocFacts, s: Sentence, m_start: int, ms: Sequence[Keyed],
                     subjects: Sequence[EntityKey]) -> list[EntityKey]:
    """The sentence's subjects that made the title at `m_start` (市政府印发《…》); none when another
    body stands before the verb in its clause (市司法局推动市政府印发《…》: 市政府 made it) or passed
    it at its meeting (passed_at_meeting)."""
    if not subjects or not issue_verb_before(facts.text, s, m_start, ms) \
            or _bodies_before(facts.text, s, m_start, ms, exclude=subjects) \
            or passed_at_meeting(facts.text, s, m_start, ms) is not None:
        return []
    return own_bodies([who for who in subjects if who.etype == ORG], m_start, ms)


def own_bodies(bodies: list[EntityKey], m_start: int, ms: Sequence[Keyed]) -> list[EntityKey]:
    """Of several bodies making titles, the one of the place the title at `m_start` opens with
    (酒泉市、张掖市人大常委会制定《酒泉市…条例》《张掖市…条例》: each its own place's); all when none
    is (or there is one body)."""
    if len(bodies) < 2:
        return bodies
    place = _title_place(m_start, ms)
    return [who for who in bodies if place and who.name.startswith(place)] or bodies


def _title_place(m_start: int, ms: Sequence[Keyed]) -> str:
    """The place a title at `m_start` opens with (《酒泉市城市绿化条例》: 酒泉市); "" if none."""
    title_end = next((m.end for m, _ in ms if m.start == m_start), m_start)
    return next((k.name for m, k in ms if k.etype == PLACE and m.source == NESTED
                 and m.start in (m_start, m_start + 1) and m.end <= title_end), "")


def signed_by(facts: DocFacts, s: Sentence, m_start: int, ms: Sequence[Keyed],
              subjects: Sequence[EntityKey]) -> list[EntityKey]:
    """The parties of an agreement: the clause's subjects before 签订/签署《…》."""
    if not subjects or not issue_verb_before(facts.text, s, m_start, ms, _SIGNING_VERB_END, None):
        return []
    return list(subjects)


def issued_and_carried(text: str, s: Sentence, start: int) -> bool:
    """制定并实施《…》: the verbs before the title say its maker also carries it out."""
    return _ISSUED_AND_CARRIED.search(text, max(s.start, start - 10), start) is not None


def made_jointly(facts: DocFacts, s: Sentence, m_start: int, ms: Sequence[Keyed],
                 with_them: Sequence[EntityKey], signed: bool = False) -> list[EntityKey]:
    """会同市财政局、市人社局印发《…》 with no subject: the bodies it acts with made it, and so did
    the body acting there (the report's author, a speaker's body: a place's report names none of
    its own bodies); with
    `signed`, the parties of 与X会签《…》."""
    verb = issue_verb_before(facts.text, s, m_start, ms, _SIGNING_VERB_END, None) if signed \
        else issue_verb_before(facts.text, s, m_start, ms)
    if not with_them or not verb:
        return []
    actor = facts.actor_at(s.start)  # (the author, or the body a transcript's answer speaks for)
    return [*with_them, actor] if actor is not None and actor.etype == ORG else list(with_them)


def made_by_a_body_before(facts: DocFacts, s: Sentence, m_start: int, ms: Sequence[Keyed]) -> bool:
    """推动市政府出台《…》, 协助市政府出台《…》: the issuing verb before the title has a body of its own
    before it in its clause (the object of the report's own verb): that body made it."""
    return issue_verb_before(facts.text, s, m_start, ms) and _bodies_before(facts.text, s, m_start, ms)


#: what follows a body that approved an instrument another then issued (报经市委同意后印发《…》)
_APPROVED_AFTER_BODY = re.compile(r"(?:同意|批准|审定)后")


def _bodies_before(text: str, s: Sentence, m_start: int, ms: Sequence[Keyed],
                   exclude: Sequence[EntityKey] = ()) -> bool:
    """Whether a body (not one of `exclude`) is named before `m_start` in its clause, other than
    those the subject acts with (我局…，联合市公安局印发《…》: made jointly) and those that approved
    what the subject issues (报经市委同意后印发《…》)."""
    clause = max(text.rfind(c, s.start, m_start) for c in "，,；;：:")
    bodies = [(m, k) for m, k in ms if k.etype == ORG and m.source != NESTED and clause < m.start
              and m.end <= m_start and k not in exclude and not _APPROVED_AFTER_BODY.match(text, m.end)]
    if bodies and text.endswith(COMITATIVE_VERBS, clause + 1, bodies[0][0].start) \
            and all(COORD.fullmatch(text, a[0].end, b[0].start) for a, b in zip(bodies, bodies[1:], strict=False)):
        return False
    return bool(bodies)


def made_by_author(facts: DocFacts, s: Sentence, m_start: int, ms: Sequence[Keyed]) -> EntityKey | None:
    """An issuing verb with no subject before the title, in the author's own report: the author
    made it (a place's report does not say which of its bodies did), also where a government's
    report tells of its place's work (制定省政府规章3部，分别为《…》)."""
    actor = facts.actor_at(s.start)
    if facts.author is None or not (actor == facts.author or _authors_place(actor, facts.author)) \
            or not issue_verb_before(facts.text, s, m_start, ms) or made_by_a_body_before(facts, s, m_start, ms):
        return None
    return facts.author


def _authors_place(actor: EntityKey | None, author: EntityKey) -> bool:
    """Whether the actor is the place whose government wrote the report (江西省 of 江西省人民政府;
    not of its bureau's: a department's report tells of others' instruments too)."""
    return actor is not None and actor.etype == PLACE and author.name == actor.name + "人民政府"


#: a clause that opens with its maker (…《X条例》，经市人大常委会审议通过): its object is the
#: title the clause before it named
_CLAUSE_OF_MAKER = re.compile(r"(?:并|后|已|先后)?(?:经|由)")


def _passed_after(facts: DocFacts, sink: Sink, s: Sentence, ms: Sequence[Keyed]) -> None:
    """完成《X》立法审查和市人大常委会审议通过: the body passed the title named before it in its
    clause; 制定《X》，经市人大常委会审议通过: in the clause before, when its own opens with 经/由."""
    text = facts.text
    for j, (m, k) in enumerate(ms):
        if k.etype != ORG or m.source == NESTED or not _PASSED_AFTER_BODY.match(text, m.end):
            continue
        clause = max(text.rfind(c, s.start, m.start) for c in "，,；;：:")
        before = [k2 for m2, k2 in ms[:j] if k2.etype == REGULATION and m2.source != NESTED
                  and (clause < m2.start or _CLAUSE_OF_MAKER.fullmatch(text, clause + 1, m.start))]
        if before:
            sink.add(before[-1], ISSUED_BY, k, s)


def passed_at_meeting(text: str, s: Sentence, m_start: int, ms: Sequence[Keyed]) -> EntityKey | None:
    """协调区委依法治区办召开区委全面依法治区委员会第四次会议，审议通过《X》: the body whose meeting
    closes the clause before passed the title its own clause opens by passing; None if none."""
    clause = max(text.rfind(c, s.start, m_start) for c in "，,")
    *_, first = _chain_starts(text, m_start, ms)
    if clause < 0 or not _PASSING_OPENS.fullmatch(text, clause + 1, first):
        return None
    return next((k for m, k in reversed(ms) if k.etype == ORG and m.source != NESTED and m.end < clause
                 and (mt := _MEETING_AFTER_BODY.match(text, m.end)) is not None and mt.end() == clause + 1), None)


def _passed_at_meetings(facts: DocFacts, sink: Sink, s: Sentence, ms: Sequence[Keyed]) -> None:
    for m, k in ms:
        if k.etype == REGULATION and m.source != NESTED:
            body = passed_at_meeting(facts.text, s, m.start, ms)
            if body is not None:
                sink.add(k, ISSUED_BY, body, s)


def titled_issuers(text: str, m: Candidate, ms: Sequence[Keyed]) -> list[EntityKey]:
    """The body a title opens with before 关于 (《云州市人民政府办公室关于…的通知》): its issuer."""
    return [k2 for m2, k2 in ms if k2.etype == ORG and m2.start in (m.start, m.start + 1)
            and text.startswith("关于", m2.end)]


def made_by_titled_issuer(facts: DocFacts, s: Sentence, m: Candidate, ms: Sequence[Keyed]) -> bool:
    """制定《县政府办公室关于…的通知》 with no subject: the verb is the act of the issuer the title
    names, not of the report's actor."""
    return bool(titled_issuers(facts.text, m, ms)) and issue_verb_before(facts.text, s, m.start, ms)


def _issuer_before(facts: DocFacts, sink: Sink, s: Sentence, ms: Sequence[Keyed]) -> None:
    """issuer + 印发/出台 + 《X》 within a clause; a body written right before the title
    (转发省政府《关于…的意见》: the body's instrument); and "issuer关于…" titles."""
    text = facts.text
    for j, (m, k) in enumerate(ms):
        if k.etype != REGULATION:
            continue
        bodies = [(m2, k2) for m2, k2 in ms[:j] if k2.etype == ORG and m2.source != NESTED]
        if bodies:
            m2, k2 = bodies[-1]
            between = text[m2.end:m.start]
            cue = ISSUE_CUE.search(between) if len(between) <= 10 and not _APPROVED_AFTER_BODY.match(between) else None
            if (cue is not None and not _SENTENCE_BREAK.search(between)
                    and not between.endswith(PROMPTING_VERBS, 0, cue.start())) \
                    or (not between and text.startswith("《", m.start)):
                # with the bodies coordinated before it (以市委、市政府名义印发《…》: both)
                for k3 in own_bodies(coordinated_before(text, bodies), m.start, ms):
                    sink.add(k, ISSUED_BY, k3, s)
        for issuer in titled_issuers(text, m, ms):
            sink.add(k, ISSUED_BY, issuer, s)


#: 该条例由市人大常委会审议通过: "this (kind)" made by the body named next; 两部法规经市人大常委会
#: 审议通过: as many of the titles named last as the count says
_ANAPHOR_ISSUED = re.compile(r"(?:该(?P<kind>条例|办法|规定|意见|方案|规划|细则|决定|清单)"
                             r"|(?:上述|以上|这)?(?P<count>[两二三四五六七八九十])(?:部|项|件|个)"
                             r"(?:地方性法规|法规|规章|条例|办法|规定|规范性文件|文件))"
                             r"(?:均|都|已|先后)*(?:由|经)")
_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
#: an issuing verb a few characters after the body (由市政府常务会议审议通过), not the 通过 of a
#: review (经市司法局备案审查通过)
_NOT_AFTER_REVIEW = "".join(f"(?<!{v})" for v in REVIEW_VERBS)
_MADE_AFTER_BODY = re.compile(f"[^，,。；;：:\\n]{{0,8}}?{_NOT_AFTER_REVIEW}{ISSUE_CUE.pattern}")


def _anaphoric_issuers(facts: DocFacts, sink: Sink) -> None:
    """该条例由X审议通过: X issued the instrument of that kind named last, in this sentence or the
    two before it; 两部法规经X审议通过: the two named last."""
    text, in_sent = facts.text, facts.in_sent
    for am in _ANAPHOR_ISSUED.finditer(text):
        i = facts.idx.at(am.start())
        if i is None:
            continue
        body = next(((m, k) for m, k in in_sent.get(i, []) if m.start == am.end()
                     and k.etype == ORG and m.source != NESTED), None)
        if body is None or not _MADE_AFTER_BODY.match(text, body[0].end):
            continue
        kind, wanted = am.group("kind") or "", _COUNTS.get(am.group("count") or "", 1)
        found: list[EntityKey] = []
        for j in range(i, max(-1, i - 3), -1):
            for m, k in reversed(in_sent.get(j, [])):
                if len(found) < wanted and m.end <= am.start() and k.etype == REGULATION \
                        and m.source != NESTED and k.name.endswith(kind) and k not in found:
                    found.append(k)
            if len(found) == wanted:
                break
        if len(found) == wanted:
            for antecedent in found:
                sink.add(antecedent, ISSUED_BY, body[1], facts.sents[i])


def table_issuers(facts: DocFacts, rows: Sequence[TableRow], sink: Sink) -> None:
    """The issuer column of an appendix table (制定单位), each cell under the name the document
    resolved its mention to (退役军人局 → 退役军人事务局)."""
    if not rows:
        return
    resolved = {(m.start, m.end, m.etype): m.name for m in facts.mentions}

    def key(c: Candidate) -> EntityKey:
        return EntityKey(c.etype, resolved.get((c.start, c.end, c.etype), c.name))

    for r in rows:
        for issuer in r.issuers:
            sink.add(key(r.regulation), ISSUED_BY, key(issuer), Sentence(r.line_start, r.line_end))


#: a title's maker named after it: 《…》(于2023年3月)由/经 + the bodies, or 以 + the body + the
#: form of its act (《…规定》以市政府令形式公布, 以市政府规章形式颁布, 以市委、市政府名义印发)
_BY_AFTER_TITLE = re.compile(r"(?:已|先后)?(?:于[^，,。；;：:\n]{1,10}?)?(?P<by>由|经|以)")
#: the form of a body's act and the verb of issuing after 以 + the body
_MADE_IN_FORM_AFTER_BODY = re.compile(r"(?:令|规章|名义|文件)(?:的)?(?:形式)?(?:正式)?(?:公布|颁布|印发|发布|出台)")


def _issuers_after(facts: DocFacts, sink: Sink, s: Sentence, ms: Sequence[Keyed]) -> None:
    """《…办法》由市委办公室、市政府办公室联合印发: the bodies after 由/经 that an issuing verb
    follows made the title before them, each of them; so did the body after 以 whose act's form
    the verb follows (《…规定》以市政府令形式公布)."""
    text = facts.text
    bodies = [(m, k) for m, k in ms if k.etype == ORG and m.source != NESTED]
    for m, k in ms:
        if k.etype != REGULATION or m.source == NESTED:
            continue
        by = _BY_AFTER_TITLE.match(text, m.end)
        if by is None:
            continue
        makers, end = [], by.end()
        for m2, k2 in bodies:
            if m2.start < end:
                continue
            if m2.start != end and (not makers or COORD.fullmatch(text, end, m2.start) is None):
                break
            makers.append(k2)
            end = m2.end
        made = _MADE_IN_FORM_AFTER_BODY if by.group("by") == "以" else _MADE_AFTER_BODY
        verb = made.match(text, end) if makers else None
        if verb is not None and not any(end <= m2.start < verb.end() for m2, _ in bodies):
            for maker in makers:  # (经市委审定后由市政府印发: the verb is another body's)
                sink.add(k, ISSUED_BY, maker, s)


def issued_in_text(facts: DocFacts, sink: Sink, skip: set[int]) -> None:
    """issuedBy in running text (the sentences of table rows, `skip`, aside)."""
    for i in sorted(facts.carried):
        if i in skip:
            continue
        _issuer_before(facts, sink, facts.sents[i], facts.in_sent[i])
        _passed_after(facts, sink, facts.sents[i], facts.in_sent[i])
        _passed_at_meetings(facts, sink, facts.sents[i], facts.in_sent[i])
        _issuers_after(facts, sink, facts.sents[i], facts.in_sent[i])
    _anaphoric_issuers(facts, sink)
