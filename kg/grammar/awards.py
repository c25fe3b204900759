"""Award events: the honours named after a cue (荣获/获评/被…授予/被…评为/入选/摘得…桂冠, each
judged by kg.grammar.honours), and who received them and who conferred them.

An AwardEvent records where the cue stands, which span names the conferrer (被省委、省政府评为;
the body before the 《…选编》 a case is selected into) and how the recipients are named
(`Recipients`): before the cue (the default), as the active voice's object (命名A、B为…), as the
person after each honour (涌现出 lists; …提名奖获得者张三), listed after a count (3个村榜上有名，
分别是：A、B、C), or only counted (3家单位获评…: nobody is named).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ..lexicon import (AWARD_ACTIVE_VERBS, AWARD_AIM_WORDS, AWARD_CONFER_VERBS, AWARD_CONFERRING_CLAUSE_VERBS,
                       AWARD_CREATE_CUES, AWARD_HOLDER_WORDS, AWARD_LIST_CUES, AWARD_NOMINATE_VERBS,
                       AWARD_ON_LIST_CUES, AWARD_PUBLISH_VERBS, AWARD_RECEIVE_CUES, AWARD_SELECT_CUES,
                       AWARD_SHORTLIST_CUES, AWARD_WINNING_WORDS, HONOUR_COLLECTIONS, PROMPTING_VERBS)
from ..model import EntityType
from .candidates import Candidate
from .honours import (ORGAN_OPENING, created_honour, honour_items, honour_parts, is_candidacy, listed_designation,
                      named_clearly, segment_end, split_items)
from .text import clause_start, trie_pattern


#: 记 confers a merit (被最高人民检察院记集体二等功), and only before one: 书记, 记录 are no cue
_MERIT_VERB = r"记(?=(?:集体|个人)?[一二三]等功)"
_CUE_RE = re.compile(
    r"[被由](?P<by>[^，,。；;：:\n被由]{1,24}?)(?:" + trie_pattern(AWARD_CONFER_VERBS) + "|" + _MERIT_VERB + ")"
    + "|(?:" + trie_pattern(tuple("被" + v for v in AWARD_CONFER_VERBS) + AWARD_RECEIVE_CUES + AWARD_LIST_CUES
                            + AWARD_SHORTLIST_CUES) + ")"
)


class Recipients(Enum):
    """How an award event names who received the honours."""

    BEFORE = "before"  # the mention ending the subject before the cue, with those coordinated
    NAMED = "named"  # the mentions inside recipient_span (命名银川市、吴忠市为…)
    PERSON_AFTER = "person_after"  # the person named first inside recipient_span
    LISTED = "listed"  # each 、-item of recipient_span names one (分别是：A、B、C)
    UNNAMED = "unnamed"  # only counted (3家单位获评…): no recipient


@dataclass(frozen=True, slots=True)
class AwardEvent:
    cue_start: int
    cue_end: int
    by_span: tuple[int, int] | None  # the conferrer phrase (被…授予, 入选X《…选编》, X命名…)
    awards: tuple[Candidate, ...]
    recipient_span: tuple[int, int] | None = None  # where NAMED / PERSON_AFTER / LISTED look
    recipients: Recipients = Recipients.BEFORE
    nominated: bool = False  # 被推荐为: put forward for the honour, not (yet) given it
    active: bool = False  # 司法部命名X为…: the conferrer is the clause's (or sentence's) subject
    #: where the subject before the cue ends: before an adverbial of rank or manner
    #: (…课题作为全市唯一入选: the subject ends before 作为); -1 means at the cue
    subject_end: int = -1

    @property
    def subject_stop(self) -> int:
        return self.cue_start if self.subject_end < 0 else self.subject_end


#: the active voice: conferrer + 命名/评选/认定/确定 + recipient + 为 + award (the conferrer is what
#: the clause names before the verb)
_ACTIVE_RE = re.compile("(?:" + trie_pattern(AWARD_ACTIVE_VERBS) + r")(?P<rec>[^，,。；;：:\n为被]{2,24}?)为")


#: what opens a clause that says something of the recipient rather than naming an honour
_CLAUSE_VERB = re.compile(r"是|为|成为|系|被|并|还|也|又|均|都|作为|其中|同时|此外|先后|共|累计")


def _honours(text: str, seg_start: int, select: bool) -> list[Candidate]:
    """The honours named from `seg_start`; the list goes on past a comma while the next clause
    is nothing but honours (获评A、B，C、D，局机关…: A to D)."""
    end = segment_end(text, seg_start)
    items = honour_items(text, seg_start, end, select)
    while items and end < len(text) and text[end] in "，,":
        nxt = segment_end(text, end + 1)
        if _CUE_RE.search(text, end + 1, nxt) or _CLAUSE_VERB.match(text, end + 1):
            break  # a clause with a cue or verb of its own says something new (，是全省唯一…)
        more = honour_parts(text, end + 1, nxt, select)
        if not more or None in more or not all(named_clearly(c.name) for c in more if c is not None):
            break
        items.extend(c for c in more if c is not None)
        end = nxt
    return items


#: a count of recipients closing the subject (3家单位、4名个人获评…; 命名1136个村为…): they are
#: counted, not named (after a quoted name, “…”一件事 is the name's head, not a count)
_COUNT = r"(?<![第\d一二两三四五六七八九十百千”》])[\d一二两三四五六七八九十百千]+(?:余|多)?(?:家|名|个|人次|位|项|件|所|支|篇)"
_COUNTED_SUBJECT = re.compile(rf"(?:{_COUNT}[\u4e00-\u9fff（）()]{{0,8}}[、和及与]?)+$")
#: what names the counted ones one by one, later in the sentence (…，分别是：A、B、C)
_ENUMERATION = re.compile(r"分别(?:是|为)[:：]?|包括[:：]")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
#: adverbials between a subject and its cue: rank (作为全市唯一), manner and time (先后, 再次)
_ADVERBIALS = re.compile(r"(?:作为[^，,；;。：:]{0,12}?(?:唯一|首个|首家|首批|之一)(?:的)?"
                         r"|(?:并|先后|均|都|分别|同时|还|也|再次|又|已经|已|首次|一举|成功|因此|从而|进而"
                         r"|连续[\d一二三四五六七八九十]+年))+$")


def _subject_end(text: str, cue_start: int) -> int:
    m = _ADVERBIALS.search(text, max(0, cue_start - 20), cue_start)
    return m.start() if m else cue_start


def _counted_recipients(text: str, subject_end: int, cue_end: int,
                        rec: tuple[int, int] | None = None) -> tuple[Recipients, tuple[int, int] | None] | None:
    """When the recipients are counted (before the cue, or as the active voice's object `rec`):
    LISTED with the span of a later enumeration in the sentence, else UNNAMED; None when they are
    not counted."""
    if rec is not None:
        counted = _COUNTED_SUBJECT.search(text, rec[0], rec[1]) is not None
    else:
        counted = _COUNTED_SUBJECT.search(text, clause_start(text, subject_end), subject_end) is not None
    if not counted:
        return None
    stop = _SENTENCE_END.search(text, cue_end)
    end = stop.start() if stop else len(text)
    listed = _ENUMERATION.search(text, cue_end, end)
    if listed is None:
        return Recipients.UNNAMED, None
    return Recipients.LISTED, (listed.end(), end)


def _active_events(text: str) -> tuple[list[Candidate], list[AwardEvent]]:
    cands: list[Candidate] = []
    events: list[AwardEvent] = []
    for m in _ACTIVE_RE.finditer(text):
        if m.start() and text[m.start() - 1] == "被":
            continue  # 被司法部命名…: the passive, _CUE_RE's (tested here: a lookbehind first is slow)
        items = [c for c in honour_items(text, m.end(), segment_end(text, m.end()))
                 if "试点" not in c.name]  # 确定A、B为试点单位: pilots (the relation stage's), no honour
        if not items:
            continue
        cands.extend(items)
        events.append(_active_event(text, m, items))
    return cands, events


def _active_event(text: str, m: re.Match[str], items: list[Candidate]) -> AwardEvent:
    """A conferral in the active voice: the conferrer is the clause before the verb, the
    recipients its object (group "rec"), named one by one unless counted (表彰10个单位)."""
    by = (clause_start(text, m.start()), m.start())
    counted = _counted_recipients(text, m.start(), m.end(), m.span("rec"))
    kind, span = counted if counted is not None else (Recipients.NAMED, m.span("rec"))
    return AwardEvent(m.start(), m.end(), by, tuple(items), span, kind, active=True)


#: the active 授予 with a quoted honour: 省委、省政府授予A、B“…”称号 (the recipients between)
_GRANT_RE = re.compile(r"(?<!被)授予(?P<rec>[^，,。；;：:\n“”被]{2,24}?)(?P<honour>“[^“”\n]{2,40}”)(?:荣誉)?称号")


#: the recipients before the verb: 市委依法治市办为勉县颁发“全市法治建设示范县”奖牌, 省司法厅向A授予“…”称号
_PRESENT_RE = re.compile(r"(?:为|向)(?P<rec>[^，,。；;：:\n“”被为向]{2,24}?)(?:颁发|颁授|授予)(?:了)?"
                         r"(?P<honour>“[^“”\n]{2,40}”)(?:荣誉称号|称号|奖牌|牌匾|证书|奖状|奖杯)")


def _grant_events(text: str) -> tuple[list[Candidate], list[AwardEvent]]:
    cands: list[Candidate] = []
    events: list[AwardEvent] = []
    for m in sorted((*_GRANT_RE.finditer(text), *_PRESENT_RE.finditer(text)), key=lambda m: m.start()):
        items = honour_items(text, m.start("honour"), m.end("honour"))
        if not items:
            continue
        cands.extend(items)
        events.append(_active_event(text, m, items))
    return cands, events


#: 经中央依法治国办评估，…被命名为…: the body whose review led to the passive honour confers it
_REVIEWED_BY = re.compile(r"经(?:过)?(?P<by>[^，,。；;：:\n经]{2,20}?)(?:评估|审核|评审|考核|验收|复核|研究|批准|同意|审定|推荐|认定)")


def _reviewer(text: str, cue_start: int) -> tuple[int, int] | None:
    """The body of a 经…评估 phrase before a passive cue with no conferrer, in its sentence."""
    stop = max(text.rfind(c, 0, cue_start) for c in "。；;！!？?\n")
    found = None
    for m in _REVIEWED_BY.finditer(text, stop + 1, cue_start):
        found = m.span("by")
    return found


def _listed_events(text: str, m: re.Match[str]) -> tuple[list[Candidate], list[AwardEvent]]:
    """涌现出 A、(unit+post) NAME，B、… NAME: each honour with the person named after it."""
    cands: list[Candidate] = []
    events: list[AwardEvent] = []
    seg_start = m.end()
    stop = _SENTENCE_END.search(text, seg_start)
    sent_end = stop.start() if stop else len(text)
    for part in re.finditer(r"[^，,]+", text[seg_start:sent_end]):
        ps, pe = seg_start + part.start(), seg_start + part.end()
        first = split_items(part.group(0))[0]
        if text.startswith("“", ps + len(first)):
            continue  # 涌现出“A调解室”“B调解室”等: quoted names one after another, no honour before its holder
        items = honour_items(text, ps, ps + len(first))
        if items:
            cands.extend(items)
            events.append(AwardEvent(m.start(), m.end(), None, tuple(items), (ps + len(first), pe),
                                     Recipients.PERSON_AFTER))
    return cands, events


_HOLDER_RE = re.compile(trie_pattern(AWARD_HOLDER_WORDS))
_ITEM_BREAK = re.compile(r"[、，,。；;：:\n]")


def _holder_events(text: str) -> tuple[list[Candidate], list[AwardEvent]]:
    """…、省优秀调解能手提名奖获得者张三: the honour named before 获得者 is the person's after it."""
    cands: list[Candidate] = []
    events: list[AwardEvent] = []
    for m in _HOLDER_RE.finditer(text):
        lo = max(0, m.start() - 40)
        breaks = list(_ITEM_BREAK.finditer(text, lo, m.start()))
        start = breaks[-1].end() if breaks else lo
        cues = list(_CUE_RE.finditer(text, start, m.start()))
        if cues:
            start = cues[-1].end()  # 涌现出省十佳人民调解员获得者…: the honour opens after the cue
        items = honour_items(text, start, m.start())
        if len(items) == 1 and items[0].end == m.start():
            cands.extend(items)
            events.append(AwardEvent(m.start(), m.end(), None, tuple(items), (m.end(), min(len(text), m.end() + 8)),
                                     Recipients.PERSON_AFTER))
    return cands, events


#: 入选 + conferrer + 《collection》: a case or work selected into a named collection
_COLLECTION_RE = re.compile(r"(?P<by>[^，,。；;：:\n《“”]{0,16}?)《(?P<title>[^《》\n]{2,40}?)》")


def _collection(text: str, m: re.Match[str]) -> tuple[Candidate, tuple[int, int] | None] | None:
    """入选司法部《…案例选编》: the collection is the honour, the body before it its conferrer."""
    c = _COLLECTION_RE.match(text, m.end())
    if c is None or not c.group("title").endswith(HONOUR_COLLECTIONS):
        return None
    award = Candidate(c.start("title") - 1, c.end(), EntityType.AWARD, c.group("title"), "award")
    return award, (c.span("by") if c.group("by") else None)


#: 公布了第三批…名单: the honour whose holders a body publishes (the body is its conferrer)
#: (…命名名单, …表彰名单: the conferring act names the list, not the honour)
_PUBLISHED_RE = re.compile("(?:" + trie_pattern(AWARD_PUBLISH_VERBS) + r")了?(?P<name>[^，,。；;：:\n《》]{4,40}?)"
                           "(?:" + trie_pattern(AWARD_ACTIVE_VERBS) + ")?名单")
#: 榜上有名 at a clause's end: the one before it holds the honour of the list named just before
_ON_LIST_RE = re.compile("(?:" + trie_pattern(AWARD_ON_LIST_CUES) + r")(?=[，,。；;！!\n]|$)")


def _published_events(text: str) -> tuple[list[Candidate], list[AwardEvent]]:
    """省司法厅公布了第三批全省“枫桥式”司法所名单: the honour, conferred by the clause's subject;
    its holders are named by a later 榜上有名 (_on_list_events) or not at all."""
    cands: list[Candidate] = []
    events: list[AwardEvent] = []
    for m in _PUBLISHED_RE.finditer(text):
        name = m.group("name")
        if not listed_designation(name):
            continue
        award = Candidate(m.start("name"), m.end("name"), EntityType.AWARD, name, "award", None,
                          aliases=(name + "名单",))
        cands.append(award)
        by = (clause_start(text, m.start()), m.start())
        events.append(AwardEvent(m.start(), m.end(), by, (award,), None, Recipients.UNNAMED,
                                 nominated=is_candidacy(name), active=True))
    return cands, events


#: a line naming the list of an honour's holders (附件2：第三批全省民主法治示范村（社区）名单)
_LIST_HEADING = re.compile(r"(?m)^[ \t\u3000]*(?:附件\s*[0-9一二三四五六七八九十]*\s*[：:]?\s*)?"
                           r"(?P<name>[^\n：:。，,；;]{4,40}?)(?:" + trie_pattern(AWARD_ACTIVE_VERBS) + r")?(?:名单|名录)[ \t\u3000]*$")


def _list_lines(text: str, start: int) -> tuple[int, int] | None:
    """The lines of a list from `start`: up to a sentence (…。), an appendix's heading or the end;
    None when there is none."""
    pos, end = start, start
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end].strip()
        if "。" in line or line.startswith("附件"):
            break
        if line:
            end = line_end
        if nl < 0:
            break
        pos = nl + 1
    return (start, end) if end > start else None


def _list_heading_events(text: str) -> tuple[list[Candidate], list[AwardEvent]]:
    """附件：第三批全省民主法治示范村（社区）名单, then lines of places or bodies (under the cities'
    subheadings, 长春市（10个）): each item holds the honour the heading names."""
    cands: list[Candidate] = []
    events: list[AwardEvent] = []
    for m in _LIST_HEADING.finditer(text):
        name = m.group("name")
        if "关于" in name or not listed_designation(name):
            continue
        block = _list_lines(text, m.end() + 1)
        if block is None:
            continue
        kinds = _kind_subheadings(text, block, name)
        if kinds:  # 先进集体和先进个人名单 under 一、先进集体 and 二、先进个人: each kind its own honour
            for award, event in _kind_events(name, kinds, block[1]):
                cands.append(award)
                events.append(event)
            continue
        award = Candidate(m.start("name"), m.end("name"), EntityType.AWARD, name, "award", None,
                          aliases=(name + text[m.end("name"):m.end()].strip(),))
        cands.append(award)
        events.append(AwardEvent(m.start("name"), m.end(), None, (award,), block, Recipients.LISTED))
    return cands, events


#: a list's subheading naming a kind of honour the list's heading joins to others (一、先进集体
#: （10个）): a numbering, the kind, perhaps its count
_KIND_SUBHEADING = re.compile(r"(?m)^[ \t\u3000]*[一二三四五六七八九十]+[、.．]\s*(?P<kind>[^\n（(、，,。]{2,12}?)"
                              r"\s*(?:[（(][0-9０-９]+[个家名人项][)）])?[ \t\u3000]*$")


def _kind_subheadings(text: str, block: tuple[int, int], name: str) -> list[re.Match[str]]:
    """The subheadings of a list whose heading joins several kinds of honour (先进集体和先进个人),
    each naming one of them; [] unless there are two or more."""
    found = list(_KIND_SUBHEADING.finditer(text, *block))
    if len(found) < 2 or not all(k.group("kind") in name for k in found):
        return []
    return found


def _kind_events(name: str, kinds: list[re.Match[str]], block_end: int) -> list[tuple[Candidate, AwardEvent]]:
    """Each subheading's honour (the list's name up to its kinds, then this kind) and the event
    giving it to the lines under the subheading."""
    prefix = name[:min(name.find(k.group("kind")) for k in kinds)]
    ends = [k.start() for k in kinds[1:]] + [block_end]
    out = []
    for k, end in zip(kinds, ends, strict=True):
        award = Candidate(k.start("kind"), k.end("kind"), EntityType.AWARD, prefix + k.group("kind"), "award")
        out.append((award, AwardEvent(k.start(), k.end(), None, (award,), (k.end(), end), Recipients.LISTED)))
    return out


def _on_list_events(text: str, events: list[AwardEvent]) -> list[AwardEvent]:
    """…名单，我市湖塘司法所榜上有名: the honours of the last event before the cue, in its sentence or
    the one before, go to the subject before the cue (or to those a count enumerates)."""
    out: list[AwardEvent] = []
    for m in _ON_LIST_RE.finditer(text):
        before = [e for e in events if e.cue_end <= m.start() and not e.nominated]
        if not before:
            continue
        prior = before[-1]
        gap = text[prior.cue_end:m.start()]
        if len(gap) > 160 or len(_SENTENCE_END.findall(gap)) > 1:
            continue  # (the list must be the one just named)
        counted = _counted_recipients(text, m.start(), m.end())
        kind, span = counted if counted is not None else (Recipients.BEFORE, None)
        out.append(AwardEvent(m.start(), m.end(), None, prior.awards, span, kind))
    return out


def match_awards(text: str) -> tuple[list[Candidate], list[AwardEvent]]:
    cands: list[Candidate] = []
    events: list[AwardEvent] = []
    named_until = 0  # the end of the last honour named: a cue before it is a word of its name
    for m in _CUE_RE.finditer(text):
        cue = m.group(0)
        if m.start() < named_until:
            continue  # 命名为…示范村创建先进县: 创建 inside the honour opens no honour of its own
        if cue in AWARD_LIST_CUES:
            more, more_events = _listed_events(text, m)
            cands.extend(more)
            events.extend(more_events)
            continue
        if text.startswith(AWARD_HOLDER_WORDS, m.start()):
            continue  # 获得者: the holder of the honour named before it (_holder_events)
        if text.startswith(AWARD_WINNING_WORDS, m.start()):
            continue  # 获奖集体: a word of its own, no cue
        items, by = _cued_honours(text, m, cue)
        if not items:
            continue
        cands.extend(items)
        named_until = max(named_until, max(c.end for c in items))
        events.append(_cued_event(text, m, cue, items, by))
    _add_other_events(text, cands, events)
    return cands, events


#: a clause naming who confers the honour a receiving cue goes on to name (荣获由司法部颁发的…,
#: 获得省司法厅授予的…)
_CONFERRED_BY = re.compile(r"由?(?P<by>[^，,。；;：:\n的]{2,24}?)(?:" + trie_pattern(AWARD_CONFERRING_CLAUSE_VERBS) + ")的")


def _cued_honours(text: str, m: re.Match[str], cue: str) -> tuple[list[Candidate], tuple[int, int] | None]:
    """The honours a cue (获评, 被命名为, 入选…) names after it, and who confers them: the body
    before the cue, the reviewer of a passive (经…评估，被命名为), or the collection entered."""
    by = (m.start("by"), m.end("by")) if m.group("by") else None
    if by is None and cue.startswith("被") and "经" in text[max(0, m.start() - 60):m.start()]:
        by = _reviewer(text, m.start())
    collection = _collection(text, m) if cue == "入选" else None
    if collection is not None:
        return [collection[0]], collection[1]
    start = m.end()
    conferred = _CONFERRED_BY.match(text, start) if by is None else None
    if conferred is not None:  # 荣获由司法部颁发的…称号: the honour after the clause, its conferrer in it
        start, by = conferred.end(), conferred.span("by")
    items = _honours(text, start, cue.endswith(AWARD_SELECT_CUES))
    if by is None and items and (organ := ORGAN_OPENING.match(items[0].name)) is not None:
        # 入选民政部全国社区治理典型案例, 入选司法部“…”: the national organ opening the honour's name confers it
        first = items[0]
        by = (first.start, first.start + organ.end())
        items[0] = Candidate(by[1], first.end, first.etype, first.name[organ.end():], first.source, first.subtype,
                             first.props, first.aliases)
    if cue in AWARD_CREATE_CUES:
        aim = cue == "创建" and any(w in text[clause_start(text, m.start()):m.start()]
                                    for w in PROMPTING_VERBS + AWARD_AIM_WORDS)
        items = [] if aim else [c for c in items if created_honour(c.name)]
    elif text.startswith(AWARD_CREATE_CUES, m.end()):
        items = []  # 获批创建…: approval to strive for it (创建's own event names it)
    return items, by


def _cued_event(text: str, m: re.Match[str], cue: str, items: list[Candidate],
                by: tuple[int, int] | None) -> AwardEvent:
    """The recipients are the subject before the cue (or those a count enumerates); a nomination
    or a shortlist, or honours that are all candidacies, is no award yet."""
    subject_end = _subject_end(text, m.start())
    counted = _counted_recipients(text, subject_end, m.end())
    kind, span = counted if counted is not None else (Recipients.BEFORE, None)
    return AwardEvent(m.start(), m.end(), by, tuple(items), span, kind,
                      nominated=cue.endswith(AWARD_NOMINATE_VERBS + AWARD_SHORTLIST_CUES)
                      or all(is_candidacy(c.name) for c in items),
                      subject_end=subject_end if subject_end != m.start() else -1)


def _add_other_events(text: str, cands: list[Candidate], events: list[AwardEvent]) -> None:
    """The conferrals no cue opens: the active voice (…为…), holders (获得者), published lists
    (名单), 授予…称号, and a subject 榜上有名 on the list named just before; events in text order."""
    extra: list[tuple[list[Candidate], list[AwardEvent]]] = []
    if "为" in text:
        extra.append(_active_events(text))
    if "获得者" in text or "得主" in text:
        extra.append(_holder_events(text))
    if "名单" in text or "名录" in text:
        extra.append(_published_events(text))
        extra.append(_list_heading_events(text))
    if "授予" in text or "颁发" in text or "颁授" in text:
        extra.append(_grant_events(text))
    for more, more_events in extra:
        if more_events:
            cands.extend(more)
            events.extend(more_events)
            events.sort(key=lambda e: e.cue_start)
    if events and _ON_LIST_RE.search(text):
        events.extend(_on_list_events(text, events))
        events.sort(key=lambda e: e.cue_start)
