"""Figures in running text: 选聘社会监督员339名, 复议纠错率6.5%, 同比下降16.21%, 罚没1.2亿元.

A figure is a number with a unit (a classifier 件/名/个…, %, 个百分点, 倍, 元/万元/亿元). Its
measure is the noun phrase the figure counts: the one right after a classifier when a noun follows
(设立16个行政执法监督工作室), else the clause before the number (受理复议案件142件, 纠错率为6.5%),
stripped of the time, place and adverbs that open it and the copula that closes it. A comparison
(同比/较上年 + 上升/下降…) makes the figure a change of that measure, signed; a change whose clause
names no measure is of the figure before it (调解和解率25.9%，同比上升7个百分点).

Not figures: years and dates (2024年, 10月13日: 年/月/日 are no units), document numbers
(〔2022〕6号), ordinals and rankings (第一, 第3名, 前10名), phone and hotline numbers (no unit),
time limits (5个工作日, 3个月).

The year is the sentence's own (2024年…, not a comparison year 较2021年), else the section's or the
document's (`document_year`, one small function so another reader of years can replace it). The
place is the last place named before the figure in its sentence, else the section's or document's.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..model import EntityKey, FigureKind, Observation
from ..measures import canonical_measure, is_curated, measure_label
from .text import Sentence, strip_spaces

# ---------------------------------------------------------------------------- vocabulary

#: units a figure may carry, longest first where one opens another
UNITS: tuple[str, ...] = (
    "个百分点", "百分点", "人次", "件次", "场次", "户次", "万元", "亿元", "元",
    "%", "％", "‰", "倍",
    "件", "名", "个", "人", "次", "家", "所", "场", "期", "项", "条", "份", "篇", "户", "起", "宗",
    "支", "处", "座", "册", "批", "部", "套", "单", "台", "班", "堂", "课", "轮",
)
#: units of rates and changes: their measure is always the phrase before the number
_BEFORE_UNITS = frozenset({"%", "％", "‰", "倍", "个百分点", "百分点", "元", "万元", "亿元"})
#: a magnitude after the number: 1.2万件 is 12000件 (money keeps it in its unit: 万元)
_MAGNITUDE = {"万": Decimal(10000), "亿": Decimal(100000000), "千": Decimal(1000)}

#: what follows a counted time span or an enumeration, not a counted thing
_NOT_COUNTED = ("工作日", "小时", "月", "年", "天", "日", "周", "星期", "方面", "层面", "环节", "阶段",
                "维度", "步骤", "百分点", "以上", "以下", "以内", "左右")

_NUM = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_UNIT_ALT = "|".join(re.escape(u) for u in UNITS)
FIGURE_RE = re.compile(
    rf"(?<![0-9０-９.．\-－—–~〔\[［第前号No/／:：A-Za-z])(?<![0-9０-９][,，])(?P<num>{_NUM})"
    rf"(?P<mag>[万亿千])?(?P<approx>余|多)?[ \u3000]?(?P<unit>{_UNIT_ALT})"
)
#: a number directly followed by one of these is part of a code, a date or a range's first half
_AFTER_BLOCK = re.compile(r"[0-9０-９\-－]")

#: a comparison at the end of the clause before a number: the figure is a change
_CHANGE = re.compile(
    r"(?P<cmp>同比|环比|较上年同期|较上年|比上年|较去年同期|较去年|比去年|较(?:19|20)\d{2}年(?:同期)?|"
    r"与上年相比|与去年相比)?(?:分别)?"
    r"(?P<dir>上升|增长|增加|提高|提升|增|下降|减少|降低|回落|下滑|减|降)(?:了)?(?:约|近)?$"
)
_NEGATIVE = frozenset({"下降", "减少", "降低", "回落", "下滑", "减", "降"})

#: what opens a clause before its measure: time, totals, adverbs
_LEAD = re.compile(
    r"(?:(?:截至|截止)?(?:19|20)\d{2}年(?:度|底|末|以来|上半年|下半年|全年|内)?|今年(?:以来)?|全年|一年来|"
    r"年内|去年|上半年|下半年|近年来|近年|目前|截至目前|当年|同期|其中|此外|另外|同时|以来|来|"
    r"共计|累计|总计|合计|先后|全年共|共有|现有|已有|拥有|共|已|均|分别|新|再|又|还|另|并|全部|总共|一共|"
    r"对|向|给|在|从|[，,、：:；;\s])"
)
_TRAIL = re.compile(r"(?:(?:上升|增长|增加|提高|提升|下降|减少|降低|降|升)(?:至|到)|不少于|不低于|不超过|以上|为|达到|达|是|约|近|超过|超|逾|突破|至|共计|累计|总计|共|计|有|了|到|仅|已|均|分别|"
                    r"实现|占比达|占)$")
#: ends a noun phrase read after a classifier
_PHRASE_STOP = re.compile(
    r"[^\u3400-\u4dbf\u4e00-\u9fff]|的|和|与|及|等|并|在|为|中|里|已|均|参与|联合|开展|进行|覆盖|实现|作用|"
    r"全部|分别|共|达|被|对|向|从|由|以|将|把|是|有|成为|形成|获得|获评|其中|累计|先后|通过|入选|纳入|"
    r"列入|受到|得到|提供|参加|出席|接受|走进|深入|利用|依托|组织|覆盖|服务|承担|涉及|涵盖|包括"
)
MAX_MEASURE = 16  # a longer "measure" is a clause, not the name of one
MAX_FOLLOWER = 12

_CLAUSE_MARKS = "，,。；;：:、！？!?\n（(）)“”\"《》【】[]|"
_YEAR_RE = re.compile(r"(?<![0-9０-９])((?:19|20)\d{2})年")
_COMPARE_BEFORE = re.compile(r"(?:较|比|与|同|相比|对比)$")


# ---------------------------------------------------------------------------- years and sections

def document_year(text: str) -> int | None:
    """The year a report is about, read simply: a year in its title lines (2023年度…报告,
    ——2024年…亮点), else in its opening sentence (2024年，在市委…)."""
    head = text[:400]
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
    for line in lines[:4]:
        if len(line) <= 64 and not line.endswith(("。", "；")):
            m = _YEAR_RE.search(line)
            if m:
                return int(m.group(1))
    for line in lines[:6]:
        m = _YEAR_RE.search(line[:60])
        if m:
            return int(m.group(1))
    return None


@dataclass(frozen=True, slots=True)
class Section:
    """A part of a compilation that speaks for its own place (a white paper's county reports)."""

    start: int
    area: EntityKey | None  # None: the document's own place again
    year: int | None


_REPORT_HEADING = re.compile(r"报告|总结|汇报")
_TOP_HEADING = re.compile(r"^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|附录|附件|附表|第[一二三四五六七八九十]+[部篇章])")


def report_sections(text: str, places: Sequence[tuple[int, int, EntityKey]]) -> list[Section]:
    """The county reports of a compilation: a short heading line naming a place (alone, the next
    line a report title, 冠 县 / 2022年法治政府建设年度报告; or in the title itself) opens a section
    for that place; a top-level heading (Ⅲ 附录) returns to the document's place."""
    out: list[Section] = []
    starts = [p[0] for p in places]
    pos = 0
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        body = line.strip()
        ls = pos
        pos += len(line)
        if not body or len(body) > 40 or body.endswith(("。", "；", ";", "，", ",")) or "|" in body:
            continue
        if _TOP_HEADING.match(body):
            out.append(Section(ls, None, None))
            continue
        nxt = next((ln.strip() for ln in lines[i + 1:i + 3] if ln.strip()), "")
        title = body if _REPORT_HEADING.search(body) else nxt if _REPORT_HEADING.search(nxt) and len(nxt) <= 40 else ""
        if not title:
            continue
        lead = len(line) - len(line.lstrip())
        j = bisect.bisect_left(starts, ls + lead)
        if j < len(places) and places[j][0] == ls + lead and places[j][2].etype.value == "Place":
            # the heading opens with a place: alone on its line, or the title's first words
            rest = strip_spaces(text[places[j][1]:ls + len(line.rstrip())])
            if rest and not _REPORT_HEADING.search(rest):
                continue
            ym = _YEAR_RE.search(title)
            out.append(Section(ls, places[j][2], int(ym.group(1)) if ym else None))
    return out


# ---------------------------------------------------------------------------- figures

@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    measure: str
    kind: FigureKind
    value: Decimal
    unit: str


def _decimal(num: str, mag: str | None, unit: str) -> tuple[Decimal, str] | None:
    import unicodedata

    s = unicodedata.normalize("NFKC", num).replace(",", "")
    try:
        v = Decimal(s)
    except InvalidOperation:
        return None
    unit = unicodedata.normalize("NFKC", unit)
    if unit == "百分点":
        unit = "个百分点"
    if mag:
        if unit == "元":
            unit = mag + "元"
        else:
            v *= _MAGNITUDE[mag]
    return v, unit


def _clause_start(text: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and text[i - 1] not in _CLAUSE_MARKS:
        i -= 1
    return i


def _strip_lead(text: str, s: int, e: int, lead_spans: dict[int, int]) -> int:
    """Past the time words, places, bodies and adverbs that open text[s:e]."""
    while s < e:
        if s in lead_spans:
            s = lead_spans[s]
            continue
        m = _LEAD.match(text, s, e)
        if m is None or m.end() == s:
            break
        s = m.end()
    return s


def _strip_trail(phrase: str) -> str:
    while True:
        m = _TRAIL.search(phrase)
        if m is None or m.start() == 0:
            return phrase
        phrase = phrase[:m.start()]


_NOTE_AFTER = re.compile(r"[（(][\u3400-\u9fff、]{1,6}[）)]")


def _follower(text: str, pos: int) -> str:
    """The noun phrase right after a classifier (…16个行政执法监督工作室，…) with a bracketed
    note that completes it (1136个村（社区）), or ""."""
    limit = min(len(text), pos + MAX_FOLLOWER + 1)
    m = _PHRASE_STOP.search(text, pos, limit)
    end = m.start() if m else limit
    if end - pos > MAX_FOLLOWER:
        return ""
    note = _NOTE_AFTER.match(text, end) if end > pos else None
    return text[pos:note.end() if note else end]


_TWO_HAN = re.compile(r"[\u3400-\u9fff].*[\u3400-\u9fff]")
_DIGIT = re.compile(r"[0-9０-９]")


def _plausible(measure: str) -> bool:
    return 2 <= len(measure) <= MAX_MEASURE and _TWO_HAN.search(measure) is not None \
        and _DIGIT.search(measure) is None


def _in_title(text: str, pos: int, floor: int) -> bool:
    """Inside 《…》 or a quotation (“1+3”模式): part of a name, not a figure."""
    for o, c in (("《", "》"), ("“", "”")):
        i = text.rfind(o, floor, pos)
        if i >= 0 and text.find(c, i, pos) < 0:
            return True
    return False


def sentence_figures(text: str, s: int, e: int, lead_spans: dict[int, int]) -> list[_Raw]:
    """The figures of the sentence text[s:e], each with its measure (raw) and signed value."""
    out: list[_Raw] = []
    last_end = s
    last_base = ""
    for m in FIGURE_RE.finditer(text, s, e):
        ns, fe = m.start(), m.end()
        if fe < e and _AFTER_BLOCK.match(text, fe):
            continue
        unit = m.group("unit")
        after = text[fe:fe + 3]
        if unit not in _BEFORE_UNITS and after.startswith(_NOT_COUNTED):
            continue
        if _in_title(text, ns, s):
            continue
        parsed = _decimal(m.group("num"), m.group("mag"), unit)
        if parsed is None:
            continue
        value, unit = parsed
        cs = _clause_start(text, ns, max(s, last_end))
        phrase = strip_spaces(text[_strip_lead(text, cs, ns, lead_spans):ns])
        kind = FigureKind.LEVEL
        ch = _CHANGE.search(phrase)
        if ch is not None and (ch.group("cmp") or unit in _BEFORE_UNITS):
            kind = FigureKind.CHANGE
            if ch.group("dir") in _NEGATIVE:
                value = -value
            phrase = phrase[:ch.start()]
        base = _strip_trail(phrase)
        follow = _follower(text, fe) if kind is FigureKind.LEVEL and unit not in _BEFORE_UNITS else ""
        if follow:  # a noun after the classifier is what is counted
            # a short verb before the number joins the counted thing: 选聘40名社会监督员
            base = (base + follow) if len(base) <= 2 and base else follow
        elif "的" in base:  # 均等普惠的现代公共法律服务实体平台1124个: the noun after the last 的,
            joined = base.replace("的", "")  # unless without 的 it is a known measure (复议案件的纠错率)
            base = joined if is_curated(canonical_measure(joined)) else base.rsplit("的", 1)[1]
        if not base and kind is FigureKind.CHANGE:
            base = last_base  # 调解和解率25.9%，同比上升7个百分点
        last_end = fe
        if not _plausible(base):
            continue
        last_base = base
        out.append(_Raw(ns, fe, base, kind, value, unit))
    return out


def _area(text: str, places: Sequence[tuple[int, int, EntityKey]], starts: Sequence[int], s: int,
          first_clause: int, pos: int) -> EntityKey | None:
    """The place a figure is about: the last named in its own clause (2022年阳谷县共受理…65件), else
    the sentence's subject, its first place if named before its first figure; a place named
    between figures is a setting or a comparison (处于全省最低行列), not what a figure counts."""
    j = bisect.bisect_left(starts, pos) - 1
    if j < 0 or places[j][1] > pos:
        return None
    cs = _clause_start(text, pos, s)
    if places[j][0] >= cs:
        return places[j][2]
    k = bisect.bisect_left(starts, s)
    if k < len(places) and places[k][1] <= min(first_clause, pos):
        return places[k][2]
    return None


def _year_in(text: str, s: int, pos: int) -> int | None:
    """The last year the sentence names before `pos`, unless it is a comparison's (较2021年)."""
    year = None
    for m in _YEAR_RE.finditer(text, s, pos):
        if _COMPARE_BEFORE.search(text, max(s, m.start() - 2), m.start()):
            continue
        year = int(m.group(1))
    return year


def _fmt(v: Decimal) -> str:
    s = format(v.normalize(), "f")
    return s if s not in ("-0",) else "0"


def match_figures(doc_id: str, text: str, sents: Sequence[Sentence],
                  mentions: Sequence[tuple[int, int, EntityKey]],
                  default_area: EntityKey | None, year: int | None,
                  sections: Sequence[Section] = ()) -> list[Observation]:
    """The observations of the running text. `mentions`: (start, end, key) of the resolved
    mentions, sorted (places give a figure its area; bodies and places opening a clause are not
    part of its measure); `default_area`/`year`: the document's."""
    sent_starts = [x.start for x in sents]
    # only the sentences holding a number with a unit are read (one scan of the text)
    todo = sorted({bisect.bisect_right(sent_starts, m.start()) - 1 for m in FIGURE_RE.finditer(text)} - {-1})
    if not todo:
        return []
    lead_spans = {s: e for s, e, _ in mentions}
    places = [(s, e, k) for s, e, k in mentions if k.etype.value == "Place"]
    place_starts = [p[0] for p in places]
    sec_starts = [x.start for x in sections]
    out: list[Observation] = []
    for i in todo:
        s, e = sents[i].start, sents[i].end
        if text.find("|", s, e) >= 0:
            continue  # table rows are read by stat_tables
        raws = sentence_figures(text, s, e, lead_spans)
        if not raws:
            continue
        quote = text[s:e]
        si = bisect.bisect_right(sec_starts, s) - 1
        sec = sections[si] if si >= 0 else None
        home = (sec.area if sec and sec.area else default_area)
        home_year = (sec.year if sec and sec.year else year)
        first_clause = raws[0].start  # the subject is named before the sentence's first figure
        for r in raws:
            area = _area(text, places, place_starts, s, first_clause, r.start) or home
            if area is None:
                continue
            y = _year_in(text, s, r.start) or home_year
            out.append(Observation(doc_id, area, y, measure_label(r.measure, r.kind), _fmt(r.value), r.unit,
                                   quote, s, e, r.kind))
    return out
