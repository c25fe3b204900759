"""Document context: which province / city / county a report speaks for.

Three signals, read from the whole text:

- the divisions named in the header lines (title, subtitle, author line): a report names its
  own place there when it has a title;
- the report's own level, from how it speaks of itself: 我省/我市/我县, 全区, 区委区政府, 县司法局
  (a county report also says 全市 and 省委 of the levels above it, a city report seldom says 全县
  of itself, so the deepest level it speaks of as its own is its level);
- how often each division and its children are named (each mention adds 1 to its division, 1/2 to
  the parent, 1/4 above), which chooses the place at that level, top down (a municipality's
  district sits right under it: 天津市北辰区).

A county is taken from the header, from the report's own level, or, when the report speaks of no
level of its own (a news story), when one county of the chosen city or province is named far
more than any other.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..gazetteer import Division, Level, Match, gazetteer
from ..lexicon import AWARD_SUFFIXES, POSITIONS
from ..model import DocContext, EntityType
from .candidates import NESTED, Candidate
from .text import row_separator, strip_spaces

HEADER_LINES = 4
HEADER_MAX_CHARS = 64


def header_span(text: str) -> tuple[int, int]:
    """The first few short non-empty lines: title, subtitle, author."""
    # the lines of a growing prefix, not of the whole text: a 50 MB report is not split
    # into lines to read four of them (a prefix's last line may be cut short: never read)
    size = 4096
    while True:
        lines = text[:size].splitlines(keepends=True)
        whole = size >= len(text)
        if not whole:
            lines.pop()
        pos, seen, end = 0, 0, 0
        for line in lines:
            body = line.strip()
            if body:
                if len(body) > HEADER_MAX_CHARS or row_separator(body):
                    return 0, end
                seen += 1
                end = pos + len(line.rstrip("\r\n"))
                if seen >= HEADER_LINES:
                    return 0, end
            pos += len(line)
        if whole:
            return 0, end
        size *= 4


_SENTENCE_ENDS = ("。", "；", ";")


#: a numbered heading opening a line (一、, （一）, 案例一, 亮点一：, 第一部分): the body's first
#: section, not a line of the title (a city's 十大案例 heads each case with its county)
_NUMBERED_HEADING = re.compile(r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]"
                               r"|[\u4e00-\u9fff]{0,2}[一二三四五六七八九十]+[：:\s　]|第[一二三四五六七八九十]+[部章篇、：:\s　])")


#: a line of a transcript's roster: an official's post, then his name (延吉市人民政府副市长 李美兰):
#: the place it names is the official's, not the report's
_ROSTER_LINE = re.compile(r"\S*(?:" + "|".join(POSITIONS) + r")[ \t\u3000]+[\u4e00-\u9fff·]{2,8}")


def title_end(text: str) -> int:
    """Where the title lines end: the header's leading lines that end no sentence, up to a
    numbered heading or a roster of officials."""
    _, hend = header_span(text)
    pos = end = 0
    for line in text[:hend].splitlines(keepends=True):
        body = line.strip()
        if body and (body.endswith(_SENTENCE_ENDS) or _NUMBERED_HEADING.match(body)
                     or _ROSTER_LINE.fullmatch(body)):
            break
        pos += len(line)
        if body:
            end = pos - (len(line) - len(line.rstrip("\r\n")))
    return end


def opening_places(text: str, mentions: Sequence[Candidate]) -> tuple[Candidate | None, int]:
    """The chain of places opening the text's first line (溧阳市天目湖镇…, 湖南省桐溪县…): its last
    place, and where the chain ends; (None, the line's start) when no place opens it."""
    pos = len(text) - len(text.lstrip())
    line_end = text.find("\n", pos) % (len(text) + 1)  # (the text's end when it is one line)
    by_start = {m.start: m for m in mentions if m.etype == EntityType.PLACE and m.source not in (NESTED, "selfref")
                and m.end <= line_end}
    last = None
    while pos in by_start:
        last = by_start[pos]
        pos = last.end
    return last, pos


def _title_matches(text: str) -> list[Match]:
    """The division names of the title and author lines (from the first line ending a sentence
    on, the text is body: a short heading under it is no title)."""
    gz = gazetteer()
    return [m for line in text[:title_end(text)].splitlines() for m in gz.find(strip_spaces(line))]


def _resolved(matches: list[Match]) -> list[Division]:
    gz = gazetteer()
    return [d for d in (gz.resolve(m, prefer_higher=True) for m in matches) if d is not None]


def header_divisions(text: str) -> list[Division]:
    """The divisions the title and author lines name."""
    return _resolved(_title_matches(text))


# ---- the report's own level --------------------------------------------------------------

#: how a report speaks of its own level: 我市 (its own, weight 3); 全市, 市委, 市政府, 市司法局
#: opening a phrase (weight 1: a county report says 市委 of the city above it too). A ranking
#: names the level above the report (在全市率先, 居全省前列, 全市唯一, 全省首家): no weight.
_LEVEL_CHARS = {"省": Level.PROVINCE, "市": Level.PREFECTURE, "区": Level.COUNTY, "县": Level.COUNTY,
                "旗": Level.COUNTY, "州": Level.PREFECTURE, "盟": Level.PREFECTURE}
_OWN_LEVEL = re.compile(r"我([省市区县旗州盟])")
_WHOLE_LEVEL = re.compile(r"(?<!居)(?<!在)全([省市区县旗州盟])(?![场]|率先|唯一|首|第一|前列|同类|各地)")
_PHRASE_OPENERS = "和与及在由经向对把被将照据于为请同给、，,；;：:（(“\n"
_LEVEL_ORGAN = re.compile(rf"(?:^|(?<=[{_PHRASE_OPENERS}])|(?<![\u4e00-\u9fff]))([省市区县旗州盟])"
                          r"(?:委|人民政府|政府|司法局|司法厅)", re.M)
OWN_WEIGHT, WHOLE_WEIGHT, ORGAN_WEIGHT = 3, 1, 1
#: the weight a level needs before a report counts as speaking for it
LEVEL_THRESHOLD = 3


#: an honour's title opening with 全省/全市 (全省法治政府建设先进集体) names the level conferring it
_HONOUR_AHEAD = re.compile(r"[^，,。；;、\n]{0,24}?(?:" + "|".join(sorted(AWARD_SUFFIXES, key=len, reverse=True)) + ")")


def own_level(text: str, autonomous_region: bool) -> Level | None:
    """The level the report speaks of most as its own (of equals, the deeper), if any clearly.

    In an autonomous region 全区/我区 is the region (宁夏 reports say 全区 of Ningxia)."""
    weight: Counter[Level] = Counter()
    for pattern, w in ((_OWN_LEVEL, OWN_WEIGHT), (_WHOLE_LEVEL, WHOLE_WEIGHT), (_LEVEL_ORGAN, ORGAN_WEIGHT)):
        for m in pattern.finditer(text):
            if pattern is _WHOLE_LEVEL and _HONOUR_AHEAD.match(text, m.end()):
                continue
            ch = m.group(1)
            level = Level.PROVINCE if ch == "区" and autonomous_region else _LEVEL_CHARS[ch]
            weight[level] += w
    clear = [lv for lv in Level if weight[lv] >= LEVEL_THRESHOLD]
    return max(clear, key=lambda lv: (weight[lv], lv.value)) if clear else None


# ---- choosing the divisions ----------------------------------------------------------------

#: a county chosen by mentions alone must be named this often, and this many times more than
#: the next county of the same region
DOMINANT_MENTIONS, DOMINANT_RATIO = 3.0, 2.0


@dataclass(frozen=True, slots=True)
class _Scores:
    score: Counter[str]  # division code → weighted mentions

    def best(self, level: Level, within: Division | None = None) -> tuple[Division | None, float, float]:
        """The top division of `level` (inside `within`), its score and the runner-up's."""
        gz = gazetteer()
        cands = sorted(((s, c) for c, s in self.score.items() if gz.get(c) and gz.by_code(c).level == level
                        and (within is None or gz.is_ancestor(within, gz.by_code(c)))),
                       key=lambda x: (-x[0], x[1]))
        if not cands:
            return None, 0.0, 0.0
        return gz.by_code(cands[0][1]), cands[0][0], (cands[1][0] if len(cands) > 1 else 0.0)


def _scores(matches: list[Match], header: list[Division]) -> _Scores:
    gz = gazetteer()
    named: Counter[str] = Counter()  # division code → mentions
    strong = gz.document_context(matches)
    for m in matches:
        d = m.division or gz.resolve(m, strong, prefer_higher=True)
        if d is not None:
            named[d.code] += 1
    # sums of powers of two, exact in floating point, so adding per division equals adding per mention
    score: Counter[str] = Counter()
    for code, count in named.items():
        w = 1.0
        for anc in gz.chain(gz.by_code(code)):
            score[anc.code] += count * w
            w *= 0.5
    for d in header:
        for anc in gz.chain(d):
            score[anc.code] += 10
    return _Scores(score)


def is_municipality(d: Division | None) -> bool:
    """北京/天津/上海/重庆: a province-level city whose districts sit right under it."""
    return d is not None and d.level is Level.PROVINCE and d.name.endswith("市")


def _title_county_name(title: list[Match]) -> str | None:
    """A county's full name the title lines give that several counties bear (鼓楼区, 朝阳区) and
    that the title alone cannot place: the report's own county, known by its name only."""
    gz = gazetteer()
    return next((m.surface for m in title if not m.is_short and m.ambiguous
                 and all(d.level is Level.COUNTY for d in m.candidates)
                 and gz.resolve(m, prefer_higher=True) is None), None)


def infer_context(text: str, matches: list[Match]) -> DocContext:
    gz = gazetteer()
    title = _title_matches(text)
    header = _resolved(title)
    if not any(d.level is Level.COUNTY for d in header):
        name = _title_county_name(title)
        if name is not None:  # placed by the divisions the text names evidently (天津市 … 和平区)
            placed = gz.resolve(gz.lookup(name, shorts=False), gz.document_context(matches))
            if placed is not None:
                header = [*header, placed]
            elif not header:
                return DocContext(province=None, city=None, county=name)
    scores = _scores(matches, header)
    county = next((d for d in header if d.level is Level.COUNTY), None)
    if county is not None:  # a report names its own county in its title
        chain = gz.chain(county)
        city = next((d for d in chain if d.level is Level.PREFECTURE), None)
        province = chain[-1]
        return _context(province, city, county)

    province = next((d for d in header if d.level is Level.PROVINCE), None)
    header_city = next((d for d in header if d.level is Level.PREFECTURE), None)
    if header_city is not None:
        province = gz.chain(header_city)[-1]
    elif province is None:
        province = scores.best(Level.PROVINCE)[0]
    autonomous = province is not None and province.name.endswith("自治区")
    level = own_level(text, autonomous)
    if header:  # the title's own level, unless the report speaks of a deeper one as its own
        title_level = max((d.level for d in header), key=lambda lv: lv.value)
        if level is None or level.value < title_level.value:
            level = title_level

    if level is Level.PROVINCE:
        return _context(province, None, None)
    city = header_city
    if city is None and not is_municipality(province):
        city = scores.best(Level.PREFECTURE, province)[0]
    if level is Level.PREFECTURE:
        # a county-level city speaks of itself as 全市/我市: 宜都市 named more than 宜昌市
        county_city, top, _ = scores.best(Level.COUNTY, city or province)
        if county_city is not None and county_city.name.endswith("市") and header_city is None \
                and top > scores.score[city.code if city else ""]:
            return _context(province, city, county_city)
        return _context(province, city, None)
    county, top, runner_up = scores.best(Level.COUNTY, city or province)
    # a report that speaks of no level of its own, or whose title names its city (a city's ten
    # cases, each a county's, say 全区 of that county): its county only when one is named far more
    if (level is None or header_city is not None) \
            and not (top >= DOMINANT_MENTIONS and top >= DOMINANT_RATIO * runner_up):
        county = None
    return _context(province, city, county)


def _context(province: Division | None, city: Division | None, county: Division | None) -> DocContext:
    if city is None and is_municipality(province):
        city = province  # in a 重庆 district report 市委 is 重庆市委
    if county is not None and province is None:
        province = gazetteer().chain(county)[-1]
    return DocContext(province=province.name if province else None,
                      city=city.name if city else None,
                      county=county.name if county else None)
