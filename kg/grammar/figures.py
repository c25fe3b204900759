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
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple
from decimal import Decimal, InvalidOperation

from ..lexicon import POSITIONS
from ..model import EntityKey, EntityType, FigureKind, Observation
from ..measures import canonical_measure, is_curated, measure_label
from .persons import names_private_person
from .text import CLOSING_QUOTES, MAX_SENTENCE, row_separator, strip_spaces

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
_AFTER_BLOCK_CHARS = frozenset("0123456789０１２３４５６７８９-－")

#: a comparison at the end of the clause before a number: the figure is a change
_CHANGE = re.compile(
    r"(?P<cmp>同比|环比|较上年同期|较上年|比上年|较去年同期|较去年|比去年|较(?:19|20)\d{2}年(?:同期)?|"
    r"与上年相比|与去年相比)?(?:分别)?"
    r"(?P<dir>上升|增长|增加|提高|提升|增|下降|减少|降低|回落|下滑|减|降)(?:了)?(?:约|近)?$"
)
_NEGATIVE = frozenset({"下降", "减少", "降低", "回落", "下滑", "减", "降"})
_DIRECTIONS = ("上升", "增长", "增加", "提高", "提升", "增", "下降", "减少", "降低", "回落", "下滑", "减", "降")
#: the endings _CHANGE can match: a cheap endswith test before the regex
_CHANGE_TAILS = tuple(d + t for d in _DIRECTIONS for t in ("", "了", "约", "近", "了约", "了近"))
_CHANGE_LAST = frozenset(t[-1] for t in _CHANGE_TAILS)

#: what opens a clause before its measure: time, totals, adverbs
_LEAD = re.compile(
    r"(?:(?:截至|截止)?(?:19|20)\d{2}年(?:度|底|末|以来|上半年|下半年|全年|内)?|今年(?:以来)?|全年|一年来|"
    r"年内|去年|上半年|下半年|近年来|近年|目前|截至目前|当年|同期|其中|此外|另外|同时|以来|来|"
    r"共计|累计|总计|合计|先后|全年共|共有|现有|已有|拥有|共|已|均|分别|新增|新|再|又|还|另|并|全部|总共|一共|"
    r"对|向|给|在(?![册编岗职押读校建办])|从|全镇|全乡|全街道|全村|[，,、：:；;\s])"  # (在册, 在押, 在建: a state, no preposition)
)
_TRAIL = re.compile(r"(?:(?:上升|增长|增加|提高|提升|下降|减少|降低|降|升)(?:至|到)|不少于|不低于|不超过|以上|为|达到|达|是|约|近|超过|超|逾|突破|至|共计|累计|总计|共|计|有|了|到|仅|已|均|分别|"
                    r"实现|占比达|占)$")
#: ends a noun phrase read after a classifier
_PHRASE_STOP = re.compile(
    r"[^\u3400-\u4dbf\u4e00-\u9fff]|的|和|与|及|等|并|在|为|中|里|已|均|参与|联合|开展|进行|覆盖|实现|作用|"
    r"全部|分别|共|达|被|对|向|从|由|以|将|把|是|有|成为|形成|获得|获评|其中|累计|先后|通过|入选|纳入|"
    r"列入|受到|得到|提供|参加|出席|接受|走进|深入|利用|依托|组织|覆盖|服务|承担|涉及|涵盖|包括"
)
#: every word _TRAIL can strip ends with one of these characters
_TRAIL_WORDS = frozenset("为到达是约近超逾破至计共有了仅已均别现比占于上下过")
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




_TOP_MARKS = ("Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ", "Ⅷ", "Ⅸ", "Ⅹ", "附录", "附件", "附表")
_HEADING_MAX = 40
_NOT_HEADING_END = ("。", "；", ";", "，", ",")


def _line(text: str, pos: int) -> tuple[int, int]:
    """The line around `pos`, without its surrounding whitespace."""
    s, e = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    e = len(text) if e < 0 else e
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _occurrences(text: str, words: Sequence[str]) -> list[int]:
    out = []
    for w in words:
        i = text.find(w)
        while i >= 0:
            out.append(i)
            i = text.find(w, i + 1)
    return out


def _heading(text: str, s: int, e: int) -> bool:
    return 0 < e - s <= _HEADING_MAX and row_separator(text[s:e]) is None and not text[s:e].endswith(_NOT_HEADING_END)


def report_sections(text: str, places: Sequence[tuple[int, int, EntityType, str]]) -> list[Section]:
    """The county reports of a compilation: a report's title line (…报告, a short line) that opens
    with a place, or under a line that is a place alone (沁 县 / 2022年法治政府建设年度报告), opens a
    section for that place; a top-level heading (Ⅲ 附录) returns to the document's place. Found
    from the words, not by reading every line."""
    starts = [p[0] for p in places]
    out: list[Section] = []
    for pos in _occurrences(text, _TOP_MARKS):
        s, e = _line(text, pos)
        if s == pos and _heading(text, s, e):
            out.append(Section(s, None, None))
    seen: set[int] = set()
    for pos in _occurrences(text, ("报告", "总结", "汇报")):
        s, e = _line(text, pos)
        if s in seen or not _heading(text, s, e):
            continue
        seen.add(s)
        head = s
        j = bisect.bisect_left(starts, s)
        if not (j < len(places) and places[j][0] == s):  # not opening with a place: the line above?
            ps, pe = _line(text, max(0, text.rfind("\n", 0, s)))
            j = bisect.bisect_left(starts, ps)
            if not (ps < s and _heading(text, ps, pe) and j < len(places) and places[j][0] == ps
                    and not strip_spaces(text[places[j][1]:pe])):
                continue
            head = ps
        if places[j][2] is not EntityType.PLACE:
            continue
        while j + 1 < len(places) and places[j + 1][0] == places[j][1] and places[j + 1][2] is EntityType.PLACE:
            j += 1  # 诸暨市枫桥镇2024年…报告: the last of the places it opens with is the section's
        ym = _YEAR_RE.search(text, s, e)
        out.append(Section(head, EntityKey(EntityType.PLACE, places[j][3]), int(ym.group(1)) if ym else None))
    out.sort(key=lambda x: x.start)
    return out


# ---------------------------------------------------------------------------- figures

class _Raw(NamedTuple):  # a tuple: made for every figure, cheaper than a frozen dataclass
    start: int
    end: int
    measure: str
    kind: FigureKind
    value: Decimal
    unit: str
    clause: int  # where the figure's clause starts


_UNIT_FORMS = {"％": "%", "百分点": "个百分点"}


def _decimal(num: str, mag: str | None, unit: str) -> tuple[Decimal, str] | None:
    if not num.isascii() or "," in num:  # full-width digits, thousands separators
        num = unicodedata.normalize("NFKC", num).replace(",", "")
    try:
        v = Decimal(num)
    except InvalidOperation:
        return None
    unit = _UNIT_FORMS.get(unit, unit)
    if mag:
        if unit == "元":
            unit = mag + "元"
        else:
            v *= _MAGNITUDE[mag]
    return v, unit


_MARK_RE = re.compile("[" + re.escape(_CLAUSE_MARKS) + "]")


def _clause_start(text: str, pos: int, floor: int, marks: Sequence[int] | None = None) -> int:
    """Just after the last clause mark before `pos` (not before `floor`); `marks`: the positions
    just after each mark of the sentence, when known."""
    if marks is None:
        marks = [m.end() for m in _MARK_RE.finditer(text, floor, pos)]
    j = bisect.bisect_right(marks, pos) - 1
    return max(marks[j], floor) if j >= 0 else floor


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
    while phrase[-1:] in _TRAIL_WORDS:
        m = _TRAIL.search(phrase)
        if m is None or m.start() == 0:
            return phrase
        phrase = phrase[:m.start()]
    return phrase


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
    """Two characters at least, no digit, and no private person's name (张某峰等19人: the
    measure would be a label naming them)."""
    return 2 <= len(measure) <= MAX_MEASURE and _TWO_HAN.search(measure) is not None \
        and _DIGIT.search(measure) is None and not names_private_person(measure)


def _in_title(text: str, pos: int, floor: int) -> bool:
    """Inside 《…》 or a quotation (“1+3”模式): part of a name, not a figure."""
    for o, c in (("《", "》"), ("“", "”")):
        i = text.rfind(o, floor, pos)
        if i >= 0 and text.find(c, i, pos) < 0:
            return True
    return False


def _titled_start(text: str, start: int) -> int:
    """Where an official's name opens with the title before it (区长张伟: at 区长); `start` if none
    is written right before it."""
    title = next((p for p in POSITIONS if text.endswith(p, 0, start)), None)  # (longest first)
    return start - len(title) if title else start


def sentence_figures(text: str, s: int, e: int, lead_spans: dict[int, int],
                     matches: Sequence[re.Match[str]] | None = None) -> list[_Raw]:
    """The figures of the sentence text[s:e] (`matches`: its FIGURE_RE matches, when known), each
    with its measure (raw) and signed value."""
    if matches is None:
        matches = list(FIGURE_RE.finditer(text, s, e))
    out: list[_Raw] = []
    last_end = s
    last_base = ""
    marks = [m.end() for m in _MARK_RE.finditer(text, s, e)]
    quoted = text.find("《", s, e) >= 0 or text.find("“", s, e) >= 0
    for m in matches:
        ns, fe = m.start(), m.end()
        if fe < e and text[fe] in _AFTER_BLOCK_CHARS:
            continue
        unit = m.group("unit")
        after = text[fe:fe + 3]
        if unit not in _BEFORE_UNITS and after.startswith(_NOT_COUNTED):
            continue
        if quoted and _in_title(text, ns, s):
            continue
        parsed = _decimal(m.group("num"), m.group("mag"), unit)
        if parsed is None:
            continue
        value, unit = parsed
        cs = _clause_start(text, ns, max(s, last_end), marks)
        phrase = text[_strip_lead(text, cs, ns, lead_spans):ns]
        if " " in phrase or "\u3000" in phrase or "\t" in phrase:
            phrase = strip_spaces(phrase)
        kind = FigureKind.LEVEL
        ch = _CHANGE.search(phrase) if phrase[-1:] in _CHANGE_LAST and phrase.endswith(_CHANGE_TAILS) else None
        if ch is not None and (ch.group("cmp") or unit in _BEFORE_UNITS):
            kind = FigureKind.CHANGE
            if ch.group("dir") in _NEGATIVE:
                value = -value
            phrase = phrase[:ch.start()]
        base = _strip_trail(phrase)
        follow = _follower(text, fe) if kind is FigureKind.LEVEL and unit not in _BEFORE_UNITS else ""
        if follow:  # a noun after the classifier is what is counted
            # a short verb before the number joins the counted thing: 选聘40名社会监督员
            # (“…”等6个重大事项: 等 closes the list before the count, it joins nothing)
            base = (base + follow) if len(base) <= 2 and base and not base.endswith("等") else follow
        elif "的" in base:  # 便捷高效的公共法律服务实体平台860个: the noun after the last 的,
            joined = base.replace("的", "")  # unless without 的 it is a known measure (复议案件的纠错率)
            base = joined if is_curated(canonical_measure(joined)) else base.rsplit("的", 1)[1]
        if not base and kind is FigureKind.CHANGE:
            base = last_base  # 调解和解率25.9%，同比上升7个百分点
        last_end = fe
        if not _plausible(base):
            continue
        last_base = base
        out.append(_Raw(ns, fe, base, kind, value, unit, cs if cs > s else _clause_start(text, ns, s, marks)))
    return out


def _area(places: Sequence[tuple[int, int, EntityType, str]], starts: Sequence[int], s: int,
          first_clause: int, pos: int, cs: int, subject: str | None = None) -> str | None:
    """The place a figure is about: the last named in its own clause (2022年阳谷县共受理…65件), else
    the sentence's subject: the place of a body opening it (`subject`), or its first place if
    named before its first figure; a place named between figures is a setting or a comparison
    (处于全省最低行列), not what a figure counts."""
    j = bisect.bisect_left(starts, pos) - 1
    if j >= 0 and places[j][1] <= pos and places[j][0] >= cs:
        return places[j][3]
    if subject is not None:
        return subject
    if j < 0 or places[j][1] > pos:
        return None
    k = bisect.bisect_left(starts, s)
    if k < len(places) and places[k][1] <= min(first_clause, pos):
        return places[k][3]
    return None


#: what may stand before a sentence's subject: its list number (三、, （二）, 1., 一是) and a time
#: (2023年，全年，今年以来)
_SUBJECT_LEAD = re.compile(r"[\s0-9一二三四五六七八九十（）()、.．:：]*(?:[一二三四五六七八九十]是)?"
                           r"(?:(?:[0-9]{4}年度?|全年|今年|去年|同年|近年来?|[上下]半年)(?:以来)?[，,]?)?\s*")


def _opening_body(text: str, s: int, first_clause: int, bodies: Sequence[tuple[int, int, EntityType, str]],
                  starts: Sequence[int], seats: Mapping[str, str]) -> str | None:
    """The place of the body a sentence opens with, its subject (三、习水县司法局推行…，调解纠纷1560件:
    the disputes are 习水县's), when it is named before the first figure; a body inside the
    sentence (完成了…省司法厅安排的40余项任务) is no subject."""
    k = bisect.bisect_left(starts, s)
    if k == len(bodies) or bodies[k][1] > first_clause:
        return None
    return seats.get(bodies[k][3]) if _SUBJECT_LEAD.fullmatch(text, s, bodies[k][0]) else None


def _years(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """(position, year) of the years the sentence names, without a comparison's (较2021年)."""
    if text.find("年", s, e) < 0:
        return []
    return [(m.start(), int(m.group(1))) for m in _YEAR_RE.finditer(text, s, e)
            if not _COMPARE_BEFORE.search(text, max(s, m.start() - 2), m.start())]


def _year_before(years: list[tuple[int, int]], pos: int) -> int | None:
    year = None
    for p, y in years:
        if p >= pos:
            break
        year = y
    return year


def _fmt(v: Decimal) -> str:
    """The decimal's shortest exact spelling (6.50 → 6.5, 1.2万 → 12000)."""
    s = str(v)
    if "E" in s or "e" in s or ("." in s and s.endswith("0")):
        s = format(v.normalize(), "f")
    return "0" if s in ("-0", "0.0") else s


_CLOSERS = CLOSING_QUOTES + ")）"


#: a number as FIGURE_RE reads it, and what may stand between it and its unit
_NUMBER_RUN = re.compile(r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?[万亿千]?(?:余|多)?[ \u3000]?")
_UNIT_FIRST = frozenset(u[0] for u in UNITS)


def figure_matches(text: str) -> list[re.Match[str]]:
    """Every number with a unit: FIGURE_RE is tried only where a number is followed by the first
    character of a unit (a plain scan for numbers is several times faster than its own search)."""
    out = []
    match = FIGURE_RE.match
    n = len(text)
    for d in _NUMBER_RUN.finditer(text):
        e = d.end()
        if e < n and text[e] in _UNIT_FIRST:
            m = match(text, d.start())
            if m is not None:
                out.append(m)
    return out


_END_RE = re.compile("[。！？!?；;\n]")


def sentence_spans(text: str, positions: Sequence[int]) -> list[tuple[int, int]]:
    """The sentence holding each of `positions` (sorted), trimmed as kg.grammar.text.sentences
    trims it: from after the last end mark or newline to the next one, with the closing quotes
    after it. The end marks are found in one scan of the text."""
    ends = [m.start() for m in _END_RE.finditer(text)]
    n = len(text)
    out = []
    for pos in positions:
        j = bisect.bisect_left(ends, pos)
        s = ends[j - 1] + 1 if j > 0 else 0
        if j < len(ends):
            e = ends[j]
            if text[e] != "\n":
                e += 1
                while e < n and text[e] in _CLOSERS:
                    e += 1
        else:
            e = n
        s, e = max(s, pos - MAX_SENTENCE), min(e, pos + MAX_SENTENCE)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


def match_figures(doc_id: str, text: str, mentions: Sequence[tuple[int, int, EntityType, str]],
                  default_area: EntityKey | None, year: int | None,
                  sections: Sequence[Section] = (), seats: Mapping[str, str] | None = None) -> list[Observation]:
    """The observations of the running text. `mentions`: (start, end, type, name) of the resolved
    mentions, sorted (places give a figure its area; bodies and places opening a clause are not
    part of its measure); `default_area`/`year`: the document's; `seats`: each body's place, by
    name: a body stands for its place where it is named (习水县司法局全年调解纠纷1560件 counts 习水县's
    disputes, not those of the city the report speaks for)."""
    found = figure_matches(text)
    if not found:
        return []
    by_sentence: dict[tuple[int, int], list[re.Match[str]]] = {}
    for m, span in zip(found, sentence_spans(text, [m.start() for m in found]), strict=True):
        by_sentence.setdefault(span, []).append(m)
    lead_spans = {_titled_start(text, m[0]) if m[2] is EntityType.PERSON else m[0]: m[1] for m in mentions}
    places = [m for m in mentions if m[2] is EntityType.PLACE]
    bodies = [m for m in mentions if m[2] is EntityType.ORGANIZATION]
    body_starts = [b[0] for b in bodies]
    keys: dict[str, EntityKey] = {}
    place_starts = [p[0] for p in places]
    sec_starts = [x.start for x in sections]
    out: list[Observation] = []
    for (s, e), matches in by_sentence.items():
        if row_separator(text[s:e]):
            continue  # table rows are read by stat_tables
        raws = sentence_figures(text, s, e, lead_spans, matches)
        if not raws:
            continue
        quote = text[s:e]
        si = bisect.bisect_right(sec_starts, s) - 1
        sec = sections[si] if si >= 0 else None
        home = (sec.area if sec and sec.area else default_area)
        home_year = (sec.year if sec and sec.year else year)
        years = _years(text, s, e)
        first_clause = raws[0].start  # the subject is named before the sentence's first figure
        subject = _opening_body(text, s, first_clause, bodies, body_starts, seats or {})
        listed, paired = _respective(text, s, e, places, place_starts, matches, raws)
        if listed:  # the list's figures: paired below, or none
            raws = [r for r in raws if r.start not in listed]
        for r in raws:
            name = _area(places, place_starts, s, first_clause, r.start, r.clause, subject)
            area = home if name is None else keys.get(name) or keys.setdefault(name, EntityKey(EntityType.PLACE, name))
            if area is None:
                continue
            y = _year_before(years, r.start) or home_year
            out.append(Observation(doc_id, area, y, measure_label(r.measure, r.kind), _fmt(r.value), r.unit,
                                   quote, s, e, r.kind))
        for name, r in paired:
            area = keys.get(name) or keys.setdefault(name, EntityKey(EntityType.PLACE, name))
            y = _year_before(years, r.start) or home_year
            out.append(Observation(doc_id, area, y, measure_label(r.measure, r.kind), _fmt(r.value), r.unit,
                                   quote, s, e, r.kind))
    return out


#: 分别为 (respectively) before a list of figures, and what joins the list's items
_RESPECTIVELY = re.compile(r"分别(?:为|是|达到|达|占)")
_LIST_JOINTS = ("、", "和", "及", "与")


def _joint(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] joins two items of a list."""
    return text[a:b] in _LIST_JOINTS


def _respective(text: str, s: int, e: int, places: Sequence[tuple[int, int, EntityType, str]],
                place_starts: Sequence[int], matches: Sequence[re.Match[str]], raws: Sequence[_Raw]
                ) -> tuple[set[int], list[tuple[str, _Raw]]]:
    """青秀区、西乡塘区行政复议纠错率分别为9.8%、7.6%: as many places listed before the measure as
    figures listed after 分别为, paired in order, each with the first figure's measure (the others
    name none): (the starts of the listed figures, the pairs). Where as many places are not listed,
    the list's figures and no pairs (none is known to be whose); where the sentence holds no such
    lists, nothing."""
    resp = _RESPECTIVELY.search(text, s, e)
    if resp is None:
        return set(), []
    figures = [m for m in matches if m.start() >= resp.end()]
    if not figures or figures[0].start() != resp.end():
        return set(), []
    listed = [figures[0]]
    for m in figures[1:]:
        if not _joint(text, listed[-1].end(), m.start()):
            break
        listed.append(m)
    first = next((r for r in raws if r.start == listed[0].start()), None)
    if first is None or len(listed) < 2:
        return set(), []
    i = bisect.bisect_left(place_starts, resp.start()) - 1
    names: list[str] = []
    while i >= 0 and places[i][1] <= resp.start() and places[i][0] >= s:
        if names and not _joint(text, places[i][1], places[i + 1][0]):
            break  # (南宁市青秀区: a place and the one in it, no list)
        names.insert(0, places[i][3])
        i -= 1
    starts = {m.start() for m in listed}
    if len(names) != len(listed):
        return (starts if len(names) >= 2 else set()), []  # (three places, two figures)
    out = []
    for name, m in zip(names, listed, strict=True):
        parsed = _decimal(m.group("num"), m.group("mag"), m.group("unit"))
        if parsed is None:
            return set(), []
        out.append((name, first._replace(start=m.start(), end=m.end(), value=parsed[0], unit=parsed[1])))
    return starts, out
