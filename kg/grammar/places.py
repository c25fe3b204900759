"""Places: administrative divisions from the gazetteer, towns and development zones by grammar.

Divisions (province, prefecture, county) come from the gazetteer with their parent chain;
a name shared by several divisions is resolved by the document context. Towns and streets
(镇/乡/街道/苏木), villages (村/社区/嘎查) and development zones are recognised by their
suffix in context, with the parent given by an adjacent higher place or the document.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from ..gazetteer import Division, Level, Match, ethnic_groups_with_zu, gazetteer
from ..lexicon import (AWARD_CUES, CREATING_VERBS, DISPATCHED_OFFICE_CORES, LEVEL_PREFIX, NATURAL_FEATURE_WORDS,
                       PLACE_KEPT_CORES, PROMPTING_VERBS, TOWN_SUFFIX_WORDS)
from ..model import DocContext, EntityType
from .candidates import Candidate
from .text import HAN, common_words, dictionary_names, finditer_before, is_han, verbs_and_adverbs

SUBTYPE_OF_LEVEL = {Level.PROVINCE: "Province", Level.PREFECTURE: "PrefectureCity", Level.COUNTY: "County"}

_ZONE_SUFFIXES = ("高新技术产业开发区", "经济技术开发区", "经济开发区", "旅游度假区", "综合保税区", "保税区",
                  "工业园区", "高新区", "经开区", "开发区", "新区", "度假区")
#: the first of _ZONE_SUFFIXES (in their order) that follows a position
_ZONE_SUFFIX_RE = re.compile("|".join(map(re.escape, _ZONE_SUFFIXES)))
_NAMED_ZONE_SUFFIX = re.compile("高新技术产业开发区|经济技术开发区|经济开发区|旅游度假区|综合保税区|保税区|工业园区|工业区")
_NAMED_ZONE = re.compile(rf"([{HAN}]{{2,6}}?)({_NAMED_ZONE_SUFFIX.pattern})")
_TOWN_RE = re.compile(rf"([{HAN}]{{2,4}}?)(街道|镇|乡|苏木)(?![{HAN}]{{0,1}}(?:镇|村|干部|级|长|政府工作))")
_VILLAGE_RE = re.compile(rf"([{HAN}]{{2,5}}?)(村|社区|嘎查)")
#: characters that cannot be part of a town or village stem (quantifiers, pronouns, function
#: words, levels; X之乡 is an epithet: 木雕之乡, 书法之乡)
_STEM_BAD_CHARS = frozenset("各全本该每个等与的在了是对为把被将从向以于由并及其所有市县区省乡镇村街涉边两级三级"
                            "多数农新老不出之某")  # (某镇, 王某某诉某镇: an anonymised name, none)
#: 和 joins two nouns inside a phrase (县城和青石镇, 机关和镇政府), but opens a name or closes a
#: two-character one (和平街道, 联和街道, 太和镇)
#: words of a description a stem is no name with (示范镇, 文明乡镇, 特色小镇, 中心镇, 百强镇): as words,
#: not characters (光明街道, 文昌镇, 中山街道 are names)
_STEM_BAD_WORDS = ("重点", "贫困", "示范", "先进", "美丽", "文明", "特色", "中心", "建立", "百强", "千强", "民族",
                   "部分", "相关", "偏远", "沿线", "基层")  # (部分街道, 偏远乡镇: which ones, not a name)
_STEM_OK_WITH = ("新区", "新村")  # 滨湖新区街道 and 生态柳湾新村 are real names despite 新
#: the bad stem parts a town right after its county may hold (贺兰县立岗镇, 某县新农镇,
#: 东乌珠穆沁旗嘎达布其镇: 其 a sound there): words of description or function elsewhere, but the
#: county before it makes the name certain
_STEM_BAD_UNLESS_COUNTY = frozenset(("农", "新", "老", "不", "出", "其", *_STEM_BAD_WORDS))


#: the levels written in two characters (the Mongolian township and village): a stem holding one
#: holds a level, as 乡镇村 are refused (“示范苏木镇”: 苏木 or 镇, no town)
_STEM_LEVEL_WORDS = ("苏木", "嘎查")


def _bad_parts(stem: str) -> list[str]:
    """The characters and words of `stem` that no town's or village's name holds."""
    return [c for c in stem if c in _STEM_BAD_CHARS] + [w for w in (*_STEM_BAD_WORDS, *_STEM_LEVEL_WORDS) if w in stem]


#: the levels an honour's kind of unit is given at, bracketed after it (平安县（市、区）)
_KIND_LEVELS = ("（市、区）", "(市、区)", "（市区）", "（县、市、区）", "(县、市、区)", "（区、县）")
_MEASURE_WORDS = set("项个条件名家所次户人起批类种场期篇座处级")
#: the rest of a document number's issuer and its year's brackets (宜城管规〔2023〕): the issuer is
#: abbreviated there, so a place's short form opening it is no place
_NUMBER_ISSUER_AHEAD = re.compile(rf"[{HAN}]{{0,6}}[〔［\[]\d{{4}}[〕］\]]")
_TOWN_AHEAD = re.compile(rf"[{HAN}]{{0,2}}(?:镇|乡|街道)")


@dataclass(frozen=True, slots=True)
class PlaceHit:
    """A place mention with its resolved division (None for grammar-found places)."""

    candidate: Candidate
    division: Division | None
    #: canonical name of the parent: the place written right before it (湖南省桐溪县, 青石镇河湾村),
    #: else a division's direct parent in the gazetteer, else the document's county for a town
    parent: str | None


def context_codes(ctx: DocContext) -> list[str]:
    gz = gazetteer()
    codes = []
    for name in (ctx.county, ctx.city, ctx.province):
        if name:
            divs = gz.lookup(name, shorts=False)
            if len(divs) == 1:
                codes.append(divs[0].code)
            elif divs and codes:
                d = gz.resolve(divs, codes)
                if d:
                    codes.append(d.code)
    return codes


def resolve_match(m: Match, codes: list[str]) -> Division | None:
    gz = gazetteer()
    return gz.resolve(m, codes, prefer_higher=not m.is_short) if m.ambiguous else m.candidates[0]


def match_places(text: str, ctx: DocContext, matches: list[Match],
                 token_starts: Collection[int] | None = None) -> list[PlaceHit]:
    gz = gazetteer()
    codes = context_codes(ctx)
    hits: list[PlaceHit] = []
    named = {d.code for m in matches if not m.is_short for d in m.candidates}
    home = next((d.code[:2] for name in (ctx.province,) if name for d in gz.lookup(name, shorts=False)), None)
    # a text names a few divisions many times: resolve each (candidates, short?) once; the
    # matches hold their candidates, so the tuples' ids stay theirs while this runs
    resolved: dict[tuple[int, bool], tuple[Division, str, tuple, str | None] | None] = {}
    n = len(text)
    suffixed: list[PlaceHit] = []  # the hits a zone suffix may follow (see _zones)
    for m in matches:
        key = (id(m.candidates), m.is_short)
        if key in resolved:
            r = resolved[key]
        else:
            r = resolved[key] = _resolved(gz, m, codes, home, named)
        if r is None:
            if not m.is_short and m.surface == ctx.county:  # 鼓楼区 of a report that never says whose
                hits.append(PlaceHit(Candidate(m.start, m.end, EntityType.PLACE, m.surface, "place", "County"),
                                     None, None))
            continue
        start, end, surface = m.start, m.end, m.surface
        if start > 0 and surface[0] in _MEASURE_WORDS \
                and (text[start - 1].isdigit() or text[start - 1] in "一二三四五六七八九十两几多"):
            continue  # 9项城市管理: a count, not 项城市
        if text.startswith(_KIND_LEVELS, end):
            continue  # 平安县（市、区）, 文明县（市、区）: a kind of unit given at these levels, no county
        if m.is_short and (not _short_ok(text, m, token_starts) or _TOWN_AHEAD.match(text, end)
                           or text.startswith(NATURAL_FEATURE_WORDS, end) or _NUMBER_ISSUER_AHEAD.match(text, end)
                           or _opens_river(text, end, token_starts)):
            continue  # 云州市场 is no 云州; 通山岭镇 is a town, not 通山(县) + 岭镇; 巢湖流域 a lake's basin;
            # 宜城管规〔2023〕1号 a document number (宜城: 宜昌市城市管理…), no 宜城市; 嘉陵江 a river
        div, subtype, props, parent = r
        before = hits[-1].division if hits and hits[-1].candidate.end == start else None
        if before is not None and m.ambiguous and before.code not in _ancestor_codes(gz, div):
            # 北京市朝阳区 in a text naming 长春市 too: the division under the place right before it
            under = [d for d in m.candidates if before.code in _ancestor_codes(gz, d)]
            if len(under) == 1:
                div, props = under[0], (("adminCode", under[0].code),)
        if before is not None and before.code in _ancestor_codes(gz, div):
            parent = before.name  # 湖南省桐溪县: the text names the parent it means
        hit = PlaceHit(Candidate(start, end, EntityType.PLACE, div.name, "place", subtype, props,
                                 (surface,) if surface != div.name else ()), div, parent)
        hits.append(hit)
        if end < n and text[end] in _ZONE_OPENERS:
            suffixed.append(hit)
    hits.extend(_zones(text, hits, suffixed))
    refs = self_references(text, ctx, token_starts)  # found once, used twice
    # a town may follow the city's bare zone or the report's own county named as such (我区龙塔街道)
    hits.extend(_towns(text, ctx, hits + [h for h in refs if h.candidate.subtype == "DevelopmentZone"
                                          or _own_county(h, ctx)], token_starts))
    hits.extend(refs)
    hits.extend(_honoured_villages(text, ctx, hits, token_starts))
    if "自然村" in text:
        hits.extend(_natural_villages(text, hits))
    return hits


_NATURAL_VILLAGE = "自然村"
#: the characters a 自然村's stem cannot hold: function words, counts, 村 (a village before it)
_NATURAL_STEM_BREAK = set("的了在和与及或对为把被将从向以于由等并且而但是也都又还就已各全本该每个所村") \
    | set("一二三四五六七八九十百千万几多")
#: words of description, not of a name (美丽自然村, 示范自然村); 新屋, 老屋 are names
_NATURAL_STEM_BAD = _STEM_BAD_UNLESS_COUNTY - {"新", "老"}


def _natural_villages(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """X自然村, a hamlet: a Village inside the administrative village (村) it belongs to — the
    one written right before it (河湾村柳树塘自然村), else the last village the text names
    before it in the same paragraph or the line above (a heading: 南江区青石镇河湾村)."""
    villages = {h.candidate.name for h in hits if h.candidate.subtype == "Village"}
    ends = {h.candidate.end: h.candidate.name for h in hits if h.candidate.subtype == "Village"}
    out = []
    s = text.find(_NATURAL_VILLAGE)
    while s >= 0:
        e = s + len(_NATURAL_VILLAGE)
        a = s
        while a > max(0, s - 4) and is_han(text[a - 1]) and text[a - 1] not in _NATURAL_STEM_BREAK:
            a -= 1
        stem = text[a:s]
        if len(stem) >= 2 and _NATURAL_STEM_BAD.isdisjoint(_bad_parts(stem)) and not (a > 0 and is_han(text[a - 1])
                                                                 and text[a - 1] not in _NATURAL_STEM_BREAK):
            parent = ends.get(a) or _village_before(text, a, villages)
            out.append(PlaceHit(Candidate(a, e, EntityType.PLACE, text[a:e], "town", "Village"), None, parent))
        s = text.find(_NATURAL_VILLAGE, e)
    return out


def _village_before(text: str, pos: int, villages: set[str]) -> str | None:
    """The last of ``villages`` named before ``pos`` with at most one line break between."""
    lo = text.rfind("\n", 0, text.rfind("\n", 0, pos)) + 1
    best, where = None, -1
    for v in sorted(villages):
        k = text.rfind(v, lo, pos)
        if k > where and not text.startswith(_NATURAL_VILLAGE, k + len(v) - 1):
            best, where = v, k
    return best


#: a village, community, town or street right before it is honoured or named (余村村被…授予“全国民主法治示范村”,
#: 平等镇被评为…), or its body or room is (威远社区“老街坊调解队”获评…, 新阳街道人民调解委员会获评…)
_HONOURED_VILLAGE = re.compile(r"(?:村|社区|镇|乡|街道)(?=(?:党支部|党委|村委会|居委会|(?:人民)?调解委员会|调委会|司法所"
                               r"|“[^”\n]{2,12}”[\u4e00-\u9fff]{0,8})?"
                               f"(?:被|(?:成功|先后)?(?:{'|'.join(AWARD_CUES)})))")
#: a village or community opening a clause with a verb creating a program or setting up a body of
#: its own (百步亭社区创新“居民说事”议事机制, 在大陆村、安溪村设立调解工作室), or where one is piloted or
#: carried out (在红沙社区、榆红社区试点“居民议事会”制度): its stem is a name, not a word (示范社区创建… is none)
_ACTING_VILLAGE = re.compile(f"(?:村|社区)(?=(?:{'|'.join((*CREATING_VERBS, '试点', '开展', '设立', '建立', '成立'))}))")
#: the subtype of a place honoured, by its suffix's last character
_HONOURED_SUBTYPE = {"村": "Village", "区": "Village", "镇": "Town", "乡": "Town", "道": "Town"}


def _honoured_villages(text: str, ctx: DocContext, hits: list[PlaceHit],
                       token_starts: Collection[int] | None) -> list[PlaceHit]:
    """Villages and communities the town grammar cannot see (no town before them), where an
    honour names them: the name starts a word after a break or right after its county
    (东胜区纳林希里村), and the stem holds no function word; those 、-listed before it are
    villages too."""
    taken: set[int] | None = None  # the hits' bounds, gathered at the first village
    counties: dict[int, str] = {}  # where a county mention ends → its name
    above: dict[int, int] = {}  # where a county or town mention ends → where it starts
    out: list[PlaceHit] = []
    after_verb: set[int] = set()  # where a listed name starts after the verb opening the list
    village_home = report_town(ctx) or town_home(ctx)
    last = 0
    acting = [m for m in _ACTING_VILLAGE.finditer(text) if not _stem_is_word(text, m.start())]
    for m in sorted([*_HONOURED_VILLAGE.finditer(text), *acting], key=lambda m: m.start()):
        if taken is None:
            taken = {b for h in hits for b in (h.candidate.start, h.candidate.end)}
            counties = {h.candidate.end: h.candidate.name for h in hits if h.candidate.subtype == "County"}
            above = {h.candidate.end: h.candidate.start for h in hits if h.candidate.subtype in ("County", "Town")}
        s, e = m.start(), m.end()
        while s > max(last, m.start() - 4) and is_han(text[s - 1]) and s not in counties \
                and not (m.group() in ("村", "社区") and text[s - 1] in "镇乡" and s - 1 < m.start() - 1
                         and s >= 2 and is_han(text[s - 2])):  # (、镇海社区: 镇 opens the name, no town's suffix)
            s -= 1  # the stem: up to four Han characters before the suffix, after its county or town
        if s == m.start():
            continue
        last = e
        found = (s in taken and s not in counties) or e in taken  # a town's village, or part of a longer place
        items = [] if found else [(s, e)]
        first = s  # where the listed item opens: before its town and county (嵩县车村镇天桥沟村)
        # the items listed before it, each perhaps after its county (从江县占里村、榕江县大利村)
        while (p := _opening(first, above)) >= 3 and text[p - 1] == "、":
            prev = _VILLAGE_BEFORE.search(text, max(0, p - 8), p - 1)
            if prev is None:
                break
            a = next((c for c in counties if prev.start() < c < prev.end() - 1), prev.start())
            # (在红沙社区、榆红社区: the first item's stem starts after the function word before it)
            a = max((a + i + 1 for i, c in enumerate(text[a:prev.end()]) if c in _FUNCTION_CHARS), default=a)
            if prev.end() - a >= 5 and text[a:a + 2] in verbs_and_adverbs():
                a += 2  # (推动安溪村、新港村创建…: the verb opening the list is no part of its first name)
                after_verb.add(a)
            items.insert(0, (a, prev.end()))  # (从江县占里村、…: the village after its county)
            first = a
        for a, b in items:
            stem = text[a:b - (2 if text.endswith(("社区", "街道"), 0, b) else 1)]
            county = counties.get(a)
            # a function character is no part of a name, unless the stem is a word of its own
            # (平等镇, 和平乡: names that are words; 我们村, A等村: none)
            if any(c in "级个各每我此其" for c in stem) or any(c in "乡镇城" for c in stem[1:]) \
                    or (a in taken and county is None) \
                    or (not _FUNCTION_CHARS.isdisjoint(stem) and stem not in common_words()) \
                    or any(len(part) > 1 for part in _bad_parts(stem)):
                continue  # (示范社区创建…, 文明村: a description, no name)
            if county is None and a > 0 and is_han(text[a - 1]) and text[a - 1] not in "、与和及在的镇乡" \
                    and a not in after_verb:
                if token_starts is None or a not in token_starts or text[a - 1] not in "。，,；;：:":
                    continue
            out.append(PlaceHit(Candidate(a, b, EntityType.PLACE, text[a:b], "town", _HONOURED_SUBTYPE[text[b - 1]]),
                                None, county or village_home))
    return out


def _opening(pos: int, above: dict[int, int]) -> int:
    """Where the item whose name starts at `pos` opens: before the county and town written right
    before it (从江县占里村, 嵩县车村镇天桥沟村)."""
    while pos in above:
        pos = above[pos]
    return pos


def _stem_is_word(text: str, suffix: int) -> bool:
    """Whether the two or three characters before a village's suffix are a word (示范社区, 城乡社区):
    no name; a word that is a division's short name (安溪) is a name the village may share."""
    return any(w in common_words() and not gazetteer().lookup(w)
               for w in (text[suffix - n:suffix] for n in (2, 3) if suffix >= n))


_VILLAGE_BEFORE = re.compile(rf"[{HAN}]{{1,4}}(?:村|社区|镇|乡)\Z")


def _resolved(gz, m: Match, codes: list[str], home: str | None,
              named: set[str]) -> tuple[Division, str, tuple, str | None] | None:
    """What a match's candidates give wherever it stands: the division, its subtype, props and
    parent's name; None for no division or a far county's short form."""
    div = resolve_match(m, codes)
    if div is None:
        return None
    if m.is_short and div.level == Level.COUNTY and home and div.code[:2] != home \
            and not any(a.code in named for a in gz.chain(div)):
        # 东昌(区) in a 文号 or 项城 in 9项城市: a far county's short form needs the county itself
        # (隆昌市…隆昌法院) or its parent named in full
        return None
    parent = gz.parent(div)
    return div, SUBTYPE_OF_LEVEL[div.level], (("adminCode", div.code),), parent.name if parent else None


#: what closes a river's name (嘉陵江, 渭河)
_RIVER_ENDS = ("江", "河")


def _opens_river(text: str, end: int, token_starts: Collection[int] | None) -> bool:
    """Whether a short form ending at `end` opens a river's name, one word with it (对|嘉陵江|滨水:
    the river, not 嘉陵区; 长沙|河西 is the city)."""
    return token_starts is not None and text.startswith(_RIVER_ENDS, end) and end not in token_starts


def _ancestor_codes(gz, div: Division) -> tuple[str, ...]:
    return tuple(d.code for d in gz.chain(div)[1:])


def _short_ok(text: str, m: Match, token_starts: Collection[int] | None) -> bool:
    """A short form counts as a place only as a whole word (云州 in 云州经济广播, not 云州市场)."""
    if token_starts is None:
        return True
    return m.start in token_starts or m.start == 0


#: the characters the zone suffixes open with
_ZONE_OPENERS = frozenset(z[0] for z in _ZONE_SUFFIXES)
#: one literal pattern per named-zone suffix: literals are searched for far faster than an alternation
_NAMED_ZONE_LITERALS = tuple(re.compile(re.escape(z)) for z in _NAMED_ZONE_SUFFIX.pattern.split("|"))


def _zones(text: str, hits: list[PlaceHit], suffixed: list[PlaceHit]) -> list[PlaceHit]:
    """Development zones: a place's name + a zone suffix (`suffixed`: the hits, in order, a
    zone suffix's first character follows), or a stem + 高新技术产业开发区… outside the hits."""
    out = []
    for h in suffixed:
        if h.division is None or (h.division.level == Level.PROVINCE and not h.division.name.endswith("市")):
            continue  # (a municipality names zones as a city does: 天津经济技术开发区)
        zone = _ZONE_SUFFIX_RE.match(text, h.candidate.end)
        if zone is None:
            continue
        suffix = zone.group()
        if text[h.candidate.end + len(suffix):h.candidate.end + len(suffix) + 2] in ("街道",):
            continue
        name = text[h.candidate.start:h.candidate.end + len(suffix)]
        city = h.division.name if h.division.level == Level.PREFECTURE else h.parent
        out.append(PlaceHit(Candidate(h.candidate.start, h.candidate.end + len(suffix), EntityType.PLACE,
                                      name, "place", "DevelopmentZone"), None, city))
    # where _NAMED_ZONE_SUFFIX matches: no literal overlaps itself, so each finditer finds all
    found = {m.start() for lit in _NAMED_ZONE_LITERALS for m in lit.finditer(text)}
    inside = None  # the positions the hits cover, marked on first need
    for m in finditer_before(_NAMED_ZONE, _NAMED_ZONE_SUFFIX, text, range(2, 7), found):
        if inside is None:
            inside = _covered(len(text), hits)
        if inside[m.start()]:
            continue
        stem, start = m.group(1), m.start()
        while len(stem) > 2 and (stem[:2] in verbs_and_adverbs() or stem.startswith(PROMPTING_VERBS)):
            stem, start = stem[2:], start + 2  # 推动花桥经济开发区建设: the verb is no part of the name
        if _bad_parts(stem) or stem in common_words():
            continue  # 传统工业区, 国家高新技术产业开发区: a word before the kind describes it, names none
        out.append(PlaceHit(Candidate(start, m.end(), EntityType.PLACE, text[start:m.end()], "place",
                                      "DevelopmentZone"), None, None))
    return _full_zone_names(out) + _new_areas(text, hits) + _cooperation_zones(text, hits)


#: a zone's short kind and the full kind it stands for (南沙开发区 of 南沙经济技术开发区)
_SHORT_ZONE_KINDS = {"高新区": "高新技术产业开发区", "经开区": "经济技术开发区", "开发区": "开发区"}


def _zone_kind(name: str) -> str:
    """The zone suffix closing `name` (the first of _ZONE_SUFFIXES: the longer kinds first)."""
    return next((k for k in _ZONE_SUFFIXES if name.endswith(k)), "")


def _full_zone_names(zones: list[PlaceHit]) -> list[PlaceHit]:
    """A zone named by a place's name and a short kind (南沙开发区, 南沙经开区) is the zone of that
    place the text names in full (南沙经济技术开发区), where it names exactly one: its name, the
    short one an alias."""
    full: dict[str, set[str]] = {}  # the place's part of a zone named with a long kind → full names
    for z in zones:
        name = z.candidate.name
        kind = _zone_kind(name)
        if len(kind) > 3:
            full.setdefault(name[:len(name) - len(kind)], set()).add(name)
    if not full:
        return zones
    out = []
    for z in zones:
        c = z.candidate
        kind = _zone_kind(c.name)
        long_kind = _SHORT_ZONE_KINDS.get(kind)
        if long_kind is not None:
            named = [n for n in full.get(c.name[:len(c.name) - len(kind)], ()) if n.endswith(long_kind)]
            if len(named) == 1:
                z = replace(z, candidate=replace(c, name=named[0], aliases=(c.name,)))
        out.append(z)
    return out


_NEW_AREA = "新区"
#: what a name (a town's, a new area's, a zone's) may follow: a break or a function word (在金普新区,
#: 、贵安新区, 是青石镇)
_NAME_OPENS_AFTER = frozenset("、与和及在到至对由从的了是向")


#: the last character of a lake's, mountain's or bay's name (太白湖新区 is named after its lake)
_LANDFORM_ENDS = frozenset("湖山江河海湾岛")


def _new_area_stem(text: str, s: int) -> int | None:
    """Where the name of a new area whose 新区 starts at `s` starts: two characters that make no
    word (金普, a contraction), or three naming a landform (太白湖), opening where a name opens."""
    for length in (3, 2):
        a = s - length
        stem = text[max(a, 0):s]
        if a < 0 or not all(map(is_han, stem)) or _bad_parts(stem):
            continue
        if (length == 2 and stem in common_words()) or (length == 3 and stem[-1] not in _LANDFORM_ENDS):
            continue
        if a == 0 or not is_han(text[a - 1]) or text[a - 1] in _NAME_OPENS_AFTER:
            return a
    return None


#: the words closing the name of a zone set up across or inside divisions (横琴粤澳深度合作区,
#: 前海深港现代服务业合作区, 临港新片区, 博鳌乐城国际医疗旅游先行区, 平潭综合实验区, 海口综合保税区), its name a run
#: of up to ten characters before them
_COOPERATION_ZONES = ("合作区", "新片区", "先行区", "试验区", "实验区", "保税区")
_COOPERATION_STEM_MAX = 10
#: the last characters of the division or zone a cooperation zone's name may follow (its level words)
_OWNER_ENDS = frozenset(LEVEL_PREFIX)


def _cooperation_zones(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """A cooperation zone: the run before 合作区/新片区/先行区… from where a name opens (a break, a
    function word, or the end of the division or zone it lies in), opening with a proper name or
    a place's and holding no character of a phrase; a division's name inside it is nested."""
    out: list[PlaceHit] = []
    inside = None
    for word in _COOPERATION_ZONES:
        s = text.find(word)
        while s >= 0:
            e = s + len(word)
            a = s
            while a > 0 and s - a < _COOPERATION_STEM_MAX and is_han(text[a - 1]) \
                    and text[a - 1] not in _NAME_OPENS_AFTER and text[a - 1] not in _OWNER_ENDS:
                a -= 1  # (上海自贸区临港新片区: the name opens after the zone it lies in)
            stem = text[a:s]
            # a proper name (横琴, 博鳌乐城) or a place's (海口综合保税区) opens it, no word (争创全市
            # 现代化建设先行区, 自由贸易试验区: a goal, a kind)
            named = stem[:2] not in common_words() or any(h.candidate.start == a for h in hits)
            if len(stem) >= 2 and named and not _bad_parts(stem) and stem[:2] not in verbs_and_adverbs():
                if inside is None:
                    inside = _covered(len(text), hits)
                if not inside[s - 1]:
                    out.append(PlaceHit(Candidate(a, e, EntityType.PLACE, text[a:e], "place",
                                                  "DevelopmentZone"), None, None))
            s = text.find(word, e)
    return out


def _new_areas(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """A new area named by two characters that make no word (金普新区, 贵安新区, 西咸新区: each a
    contraction of the places it joins) or after its lake or mountain (太白湖新区), where a name
    opens; 城市新区, 建设新区 are words before the suffix, and a division's short form before it is
    a zone of that division (_zones)."""
    out: list[PlaceHit] = []
    inside = None
    s = text.find(_NEW_AREA, 2)
    while s >= 0:
        e = s + len(_NEW_AREA)
        a = _new_area_stem(text, s) if not text.startswith("街道", e) else None
        if a is not None:
            if inside is None:
                inside = _covered(len(text), hits)
            if not inside[a] and not inside[s - 1]:
                out.append(PlaceHit(Candidate(a, e, EntityType.PLACE, text[a:e], "place",
                                              "DevelopmentZone"), None, None))
        s = text.find(_NEW_AREA, e)
    return out


def _covered(n: int, hits: list[PlaceHit]) -> bytearray:
    inside = bytearray(n)
    for h in hits:
        a, b = h.candidate.start, h.candidate.end
        if a < b:
            inside[a:b] = b"\x01" * (b - a)
    return inside


#: numerals that may open a town's name (三岔镇, 五里乡, 十里铺街道) when a name, not a count, follows
_NAME_NUMERALS = "一二三四五六七八九十两多"  # (多扶镇: 多 opens a name as a numeral does)


def _own_county(hit: PlaceHit | None, ctx: DocContext) -> bool:
    """Whether `hit` is the report's county named by reference (我区, 本县, 全旗): a town right after
    it lies in that county, and 我区龙塔街道 is no label of the town."""
    return hit is not None and hit.candidate.source == "selfref" and hit.candidate.name == ctx.county


def _is_county(hit: PlaceHit | None) -> bool:
    """Whether `hit` is a county-level division (a town written right after one is certain)."""
    return hit is not None and hit.division is not None and hit.division.level == Level.COUNTY


#: the refused characters a road's name holds before 路 (新华路, 老街路, 宁边路: 边 is refused elsewhere
#: for 周边/两边 乡镇, words of description)
_ROAD_NAME_CHARS = frozenset("新老边")
#: an avenue, whose name a street may bear (小桥大街街道): 街 is refused elsewhere (街道 of 各街道)
_AVENUE = "大街"


def _stem_ok(stem: str, bad: list[str]) -> bool:
    """Whether a town stem holding the bad parts `bad` (_bad_parts) is a name nonetheless."""
    if not bad:
        return True
    if len(stem) >= 2 and stem[0] in _NAME_NUMERALS and stem[1] not in _MEASURE_WORDS \
            and stem[1] not in _NAME_NUMERALS and stem[1] not in "大小":
        stem = stem[1:]  # 三岔镇 is a name; 三个镇, 两级, 三大镇 count
    if len(stem) in (2, 3) and stem[-1] == "村":
        stem = stem[:-1]  # 王村镇, 蒋村街道, 中关村街道: a village's old name closing a town's (各村镇 is none)
    bad = _bad_parts(stem)
    if not bad:
        return True
    if stem in _STEM_OK_WITH:
        return True
    if len(stem) >= 3 and stem.endswith("路") and _ROAD_NAME_CHARS.issuperset(bad):
        return True  # 新阳路街道, 新华路街道, 宁边路街道: a street named after its road
    avenue = stem[:-len(_AVENUE)]  # (the avenue's own name, when the stem closes on 大街)
    if len(avenue) >= 2 and stem.endswith(_AVENUE) and not _bad_parts(avenue) \
            and (avenue not in common_words() or avenue in dictionary_names()):
        return True  # 小桥大街街道, 中山大街街道: after its avenue, whose name is a name (主要大街 is none)
    if len(stem) == 2 and stem[1] == "市" and set(bad) <= {"市", "新", "老"} and stem not in common_words() \
            and not gazetteer().lookup(stem):
        return True  # 周市镇, 新市镇: a market town's old name (城市, 超市 are words; 宜市 none)
    return any(stem.endswith(ok[:-1]) or ok in stem for ok in _STEM_OK_WITH) and len(bad) == 1


_TOWN_SUFFIX_RE = re.compile(r"街道|镇|乡|苏木")
_TOWN_NOT_BEFORE = re.compile(rf"街|村|级|长|域|区|[（(]|干部|政府工作|银行|[{HAN}]?镇")  # 村镇银行: a bank
#: the matches of _TOWN_SUFFIX_RE not followed by _TOWN_NOT_BEFORE (but 街道 always), one
#: literal pattern per suffix (far faster to search for than an alternation); no suffix
#: overlaps another, so together they find what _TOWN_SUFFIX_RE.finditer does
_TOWN_SUFFIXES = tuple(re.compile(sfx if sfx == "街道" else rf"{sfx}(?!{_TOWN_NOT_BEFORE.pattern})")
                       for sfx in _TOWN_SUFFIX_RE.pattern.split("|"))
_TOWN_CUE_BEFORE = ("依托", "在", "到", "对", "与", "和", "及", "由", "至", "从", "包括", "覆盖", "涵盖", "位于")
_TOWN_CUE = re.compile("|".join(_TOWN_CUE_BEFORE))
#: the Han characters (at most 4) a position follows
_HAN_TAIL = re.compile(rf"[{HAN}]*\Z")


def _ethnic_end(stem: str) -> int:
    """How long the ethnic group's name (瑶族, 回族, 民族) closing a township's stem is, when
    two characters or more of a place name stand before it; 0 if none."""
    if not stem.endswith("族"):
        return 0  # (most stems: one test)
    e = next((e for e in (*ethnic_groups_with_zu(), "民族") if stem.endswith(e)), "")
    return len(e) if e and len(stem) - len(e) >= 2 else 0


def _stem_fits(text: str, s: int, stem: str, e: int, adjacent: PlaceHit | None, listed: bool = False,
               before_town: bool = False) -> bool:
    """Whether `stem` (text[s:], its suffix ending at `e`) may be a town's: no character or word
    of a phrase (unless its county is written right before it, it is listed after a town:
    群力街道、新农镇, or an ethnic group's name closes it: 文明瑶族乡), no verb opening it, no
    城乡/城镇. `before_town`: a town of a list follows it (新城铺镇、南牛乡): 新 and 老 are the
    name's then, as after a town, and a two-character verb is the whole stem (解放街道、建设街道)."""
    suffix_start = s + len(stem)
    after_county = _is_county(adjacent)
    ethnic = _ethnic_end(stem)
    # 文明瑶族乡, 三江口瑶族镇: an ethnic township's name is certain; its place-name part is checked
    core = stem[:-ethnic] if ethnic else stem
    if len(core) > 4:
        if not _long_stem_ok(text, s, core, adjacent):
            return False
    else:
        bad = _bad_parts(core)
        if not _stem_ok(core, bad) and not ((after_county or listed or ethnic) and _STEM_BAD_UNLESS_COUNTY.issuperset(bad)) \
                and not (before_town and _NAME_AGE_CHARS.issuperset(bad)):
            return False
    sound_he = _sound_he(text, s, core)
    if ("和" in core[1:len(core) - (len(core) == 2)] and not sound_he) \
            or _TOWN_CUE.search(core.replace("和", "") if sound_he else core.strip("和")) \
            or (len(core) == 4 and (core[:2] in verbs_and_adverbs() or core.startswith(PROMPTING_VERBS))) \
            or (len(core) == 3 and core[1:] in verbs_and_adverbs()) \
            or (ethnic and core[-2:] in verbs_and_adverbs()) \
            or (len(stem) == 2 and stem in verbs_and_adverbs() and not (after_county or listed or before_town)):
        return False  # 推广安海镇, 指导安海镇, 执法权赋予镇街: a verb opens the object, it is no part of a name
    # (解放街道、建设街道: a list's first item before a town of the list is a name whatever its stem)
    suffix = text[suffix_start:e]
    # 城乡, 城镇居民: words, not names; 开展送法下乡, 能人回乡: the suffix closes a verb (下乡, 回乡) of the
    # phrase (柳溪县青石镇 is certain)
    closes_verb = text[suffix_start - 1:suffix_start + 1] in verbs_and_adverbs()
    return after_county or not (closes_verb or (stem.endswith("城") and suffix in ("乡", "镇") and (
        suffix == "乡" or (e < len(text) and is_han(text[e]) and text[e] not in "、与和及的"
                          and not _TOWN_BODY_AFTER.match(text, e)))))


#: a town's own body right after its name (慈城镇人民调解委员会, 古城镇综合行政执法队): 城镇 there closes a
#: town's name, not the word of 城镇居民
_TOWN_BODIES = (*PLACE_KEPT_CORES, *DISPATCHED_OFFICE_CORES, "人民政府", "党委")
_TOWN_BODY_AFTER = re.compile(rf"[{HAN}]{{0,6}}?(?:{'|'.join(map(re.escape, _TOWN_BODIES))})")


#: the characters of a name's age (新城铺镇, 老街镇): words of a phrase elsewhere (新建镇, 老乡镇)
_NAME_AGE_CHARS = frozenset("新老")


def town_home(ctx: DocContext) -> str | None:
    """The division a town named alone lies in: the report's county, else its city where the city
    has no counties (儋州市, 东莞市: their towns lie in the city itself)."""
    if ctx.county or not ctx.city:
        return ctx.county
    gz = gazetteer()
    return ctx.city if any(d.level is Level.PREFECTURE and not gz.children(d)
                           for d in gz.lookup(ctx.city, shorts=False)) else None


_TITLE_TOWN = re.compile(rf"([{HAN}]{{2,4}}?)(街道|镇|乡)")


def report_town(ctx: DocContext) -> str | None:
    """The town whose own report this is: the town its title names right after the town's county
    (杭州市余杭区良渚街道2024年法治建设工作报告, 东莞市虎门镇…): the villages it names alone are its."""
    home, title = town_home(ctx), ctx.title
    if not home or not title or (i := title.find(home)) < 0:
        return None
    m = _TITLE_TOWN.match(title, i + len(home))
    return m.group() if m is not None and _stem_fits(title, m.start(), m.group(1), m.end(), None) else None


def _seat_stems(ctx: DocContext) -> frozenset[str]:
    """The short names the gazetteer gives the report's county (正定 of 正定县)."""
    county = ctx.county
    if not county:
        return frozenset()
    return frozenset(county[:n] for n in range(2, len(county))
                     if any(d.name == county for d in gazetteer().lookup(county[:n])))


def names_settlement(cell: str) -> bool:
    """Whether a table cell is a town's or a village's name and nothing more (豫海镇, 城关街道 in a
    table of the county's towns; 枫源村, 枫桥社区 in a town's table of its villages): a suffix closing
    a 2–4 character stem that fits as in running text."""
    village = _VILLAGE_CELL.fullmatch(cell)
    if village is not None:
        return not _bad_parts(village.group(1)) and not _stem_is_word(cell, village.start(2))
    m = _TOWN_SUFFIX_RE.search(cell, 2)
    return m is not None and m.end() == len(cell) and m.start() <= 4 \
        and _stem_fits(cell, 0, cell[:m.start()], len(cell), None)


_VILLAGE_CELL = re.compile(rf"([{HAN}]{{2,4}})(村|社区|嘎查)")


def _sound_he(text: str, s: int, core: str) -> bool:
    """Whether 和 is a sound of the name rather than a joint (伊和淖尔苏木, 伊和乌拉镇: Mongolian
    names written for their sounds): it follows the stem's first character, two characters or
    more follow it, and the stem opens a clause, so that no noun stands before 和 to be joined."""
    return core.find("和") == 1 and core.count("和") == 1 and len(core) >= 4 \
        and (s == 0 or text[s - 1] in _CLAUSE_OPENERS)


#: what a clause (and so a name opening it) follows
_CLAUSE_OPENERS = "\n。，,；;：:“（("


def _stem_before(text: str, start: int, e: int, ends: dict[int, PlaceHit],
                 token_starts: Collection[int] | None, listed: Collection[int] = (),
                 seat: Collection[str] = (), before_town: bool = False) -> tuple[int, str, PlaceHit | None] | None:
    """(start, stem, the place written right before it) of the longest stem before the suffix at
    `start` that fits and opens where a name may (after a break, a function word, a verb, or an
    adjacent higher place); None for none.  `listed`: the offsets a town's list goes on at;
    `seat`: the report's county's short names (its seat town may bear one: 正定县正定镇, though
    jieba reads 正定 as an adverb); `before_town`: a town of the list follows the suffix."""
    t = _HAN_TAIL.search(text, max(0, start - 6), start)
    han = t.end() - t.start()  # a stem is all Han: at most this long
    for length in (6, 5, 4, 3, 2):
        s = start - length
        if length > han:
            continue
        stem = text[s:start]
        if any(x in ends for x in range(s + 1, start)):
            continue  # 阿荣旗那吉镇: a place found ends inside the stem, so the town's name opens after it
        prev = ends.get(s)
        if not _stem_fits(text, s, stem, e, prev, s in listed or stem in seat, before_town):
            continue
        before = text[max(0, s - 2):s]
        if prev is not None or s == 0 or not is_han(text[s - 1]) or text[s - 1] in _NAME_OPENS_AFTER \
                or (s >= 2 and text[s - 2:s] in verbs_and_adverbs()) or text.endswith(PROMPTING_VERBS, 0, s) \
                or (token_starts is not None and s in token_starts and before.endswith(_TOWN_CUE_BEFORE)):
            return s, stem, prev
    return None


def _towns(text: str, ctx: DocContext, hits: list[PlaceHit],
           token_starts: Collection[int] | None) -> list[PlaceHit]:
    """镇/乡/街道/苏木 names: a 2–4 character stem that starts a word, after a break, a
    function word or an adjacent higher place (柳溪县桃林乡)."""
    ends = {h.candidate.end: h for h in hits}
    out: list[PlaceHit] = []
    listed: set[int] = set()  # right after a town and 、: the next item of a list of towns
    seat = _seat_stems(ctx)
    home = town_home(ctx)
    suffixes = sorted(m.span() for p in _TOWN_SUFFIXES for m in p.finditer(text)
                      if not text.startswith(TOWN_SUFFIX_WORDS, m.start()))  # 群众镇定自若: a word
    found_at: dict[tuple[int, int], tuple[int, str, PlaceHit | None]] = {}
    for start, e in suffixes:
        found = _stem_before(text, start, e, ends, token_starts, listed, seat)
        if found is not None:
            found_at[(start, e)] = found
            if text.startswith("、", e):
                listed.add(e + 1)
    # a list's item whose stem holds 新 or 老 before a town of the list (新城铺镇、南牛乡), from the last
    starts = {f[0] for f in found_at.values()}
    for start, e in reversed(suffixes):
        if (start, e) not in found_at and text.startswith("、", e) and e + 1 in starts:
            found = _stem_before(text, start, e, ends, token_starts, listed, seat, before_town=True)
            if found is not None:
                found_at[(start, e)] = found
                starts.add(found[0])
    for (start, e), (s, stem, prev) in sorted(found_at.items()):
        suffix = text[start:e]
        name = stem + suffix
        own = _own_county(prev, ctx)
        if _is_county(prev):
            parent = prev.division.name
        elif prev is not None and prev.candidate.subtype == "DevelopmentZone":
            parent = prev.candidate.name
        elif (prev is None or own) and home:
            parent = home
        else:
            parent = None
        aliases = (text[prev.candidate.start:e],) if prev is not None and not own else ()
        out.append(PlaceHit(Candidate(s, e, EntityType.PLACE, name, "town", "Town",
                                      aliases=aliases), None, parent))
        # 通山岭镇生态柳湾新村: a village right after its town; a one-character stem (天荒坪镇余村)
        # only when nothing of a word follows it (被, 、, a break)
        v = _VILLAGE_AFTER.match(text, e) or _VILLAGE_AFTER_ONE.match(text, e)
        if v and not _function_word_in(v.group(1)) and (v.end() >= len(text) or not is_han(text[v.end()])
                                           or (token_starts is not None and v.end() in token_starts)):
            out.append(PlaceHit(Candidate(e, v.end(), EntityType.PLACE, v.group(0), "town", "Village",
                                          aliases=(text[s:v.end()],)), None, name))
    return _known_towns(out + _farms(text, ctx, ends, out), ctx)


_FARM = "农场"
#: what a state farm's name may follow as a town's peer: the list's joints
_FARM_JOINTS = "、和及与"
#: what shows a farm is a township-level unit, right after its name (格球山农场第一管理区)
_FARM_UNIT_AFTER = re.compile(r"第?[一二三四五六七八九十]*(?:管理区|分场|作业区)")


def _farms(text: str, ctx: DocContext, ends: dict[int, PlaceHit], towns: list[PlaceHit]) -> list[PlaceHit]:
    """State farms, township-level units (北大荒, 海南, 新疆): a 2–4 character stem and 农场 where it
    stands as a town does — right after its county or listed with towns (通北镇和红星农场: the stem
    may be a word), or with its own unit after it (格球山农场第一管理区: a stem that is no word); a
    family's or a firm's farm (发展家庭农场) is none."""
    town_ends = {t.candidate.end: t for t in towns}
    out: list[PlaceHit] = []
    s = text.find(_FARM)
    while s >= 0:
        e = s + len(_FARM)
        for length in (4, 3, 2):
            a = s - length
            stem = text[max(a, 0):s]
            if a < 0 or not all(map(is_han, stem)) or _bad_parts(stem):
                continue
            county = ends.get(a)
            certain = _is_county(county) \
                or (a >= 1 and text[a - 1] in _FARM_JOINTS and a - 1 in town_ends)
            if certain or (_FARM_UNIT_AFTER.match(text, e) and stem not in common_words()):
                parent = county.division.name if county is not None and county.division is not None else town_home(ctx)
                out.append(PlaceHit(Candidate(a, e, EntityType.PLACE, stem + _FARM, "town", "Town"), None, parent))
                break
        s = text.find(_FARM, e)
    return out


def _long_stem_ok(text: str, s: int, stem: str, adjacent: PlaceHit | None) -> bool:
    """A five- or six-character stem: the names of the north-west and the south-west written in
    characters for their sounds (托布于孜镇, 依格孜也尔乡, 喀拉亚尕奇乡; 于 and 也 are sounds there,
    not a preposition and an adverb); only after its county or a clause break, with none of the
    characters or verbs of a phrase."""
    after_county = _is_county(adjacent)
    sounds = stem.translate(_SOUND_CHARACTERS)
    return (after_county or s == 0 or text[s - 1] in "\n。，,；;：:、“（(") \
        and not _bad_parts(sounds) and _FUNCTION_CHARS.isdisjoint(sounds) \
        and stem[:2] not in verbs_and_adverbs() and stem[-2:] not in verbs_and_adverbs()


#: function characters that a long name written for its sounds uses as sounds (dropped before the
#: phrase checks)
_SOUND_CHARACTERS = str.maketrans("", "", "于也")


def _known_towns(towns: list[PlaceHit], ctx: DocContext) -> list[PlaceHit]:
    """A town found with a longer stem where the text also names a shorter one after its county
    (云溪区石岭镇 … 来自石岭镇): the stem took a word before the name, so the name is the known one."""
    known = {h.candidate.name for h in towns if h.candidate.subtype == "Town" and h.candidate.aliases}
    if not known:
        return towns
    out = []
    renamed: dict[int, tuple[str, str]] = {}  # a trimmed town's end → (its old name, its name)
    for h in towns:
        c = h.candidate
        if c.subtype == "Town" and not c.aliases and c.name not in known:
            short = next((k for k in sorted(known) if len(k) < len(c.name) and c.name.endswith(k)), None)
            if short is not None:
                renamed[c.end] = (c.name, short)
                c = Candidate(c.end - len(short), c.end, EntityType.PLACE, short, "town", "Town")
                h = PlaceHit(c, None, town_home(ctx))
        elif c.subtype == "Village" and renamed.get(c.start, ("",))[0] == h.parent:
            old, short = renamed[c.start]
            h = PlaceHit(replace(c, aliases=(short + c.name,)), None, short)  # its town, trimmed
        out.append(h)
    return out


_FUNCTION_CHARS = set("的了在和与及或对为把被将从向以于由等并且而但是也都又还就已各全本该每个")
_VILLAGE_AFTER = re.compile(rf"([{HAN}]{{2,5}}?)(新村|村|社区|嘎查|居民区)")  # 居民区: a city's residents' community (上海, 北京)
_VILLAGE_AFTER_ONE = re.compile(rf"([{HAN}])(村)(?=[被获荣入、和与及，,。；;\s]|$)")


def _function_word_in(stem: str) -> bool:
    """Whether a function word's character stands as that word in `stem` (镇向社区…: the
    preposition), not as a sound inside a two-character name (炉城街道向阳社区, 从江村)."""
    names = dictionary_names()
    return any(c in _FUNCTION_CHARS and stem[max(0, i - 1):i + 1] not in names and stem[i:i + 2] not in names
               for i, c in enumerate(stem))


#: 全市, 我县, 本省…: one pattern per opener (a literal is searched for far faster than an
#: alternation); a level is no opener, so together they find what one finditer would
_SELF_REFS = tuple(re.compile(f"{o}[省市区县旗]") for o in "全我本")
_BARE_ZONES = ("高新技术产业开发区", "经济技术开发区", "高新区", "经开区")


def self_references(text: str, ctx: DocContext, token_starts: Collection[int] | None) -> list[PlaceHit]:
    """全市/我市/本县… name the place the document speaks for; 高新区 alone is the city's zone."""
    out: list[PlaceHit] = []
    city = ctx.county if ctx.county and ctx.county.endswith("市") else ctx.city  # 连州市: 全市 is itself
    levels = {"省": ctx.province, "市": city, "区": ctx.county, "县": ctx.county, "旗": ctx.county}
    # the levels with a place: 全区, 本县… only when the document's county is one
    places = {k: p for k, p in levels.items() if p and (k not in "区县旗" or p.endswith(k))}
    for s, e in sorted(m.span() for p in _SELF_REFS for m in p.finditer(text)):
        place = places.get(text[s + 1])
        if place is None:
            continue
        if token_starts is not None and (s not in token_starts or (e < len(text) and e not in token_starts)):
            continue
        out.append(PlaceHit(Candidate(s, e, EntityType.PLACE, place, "selfref", aliases=(text[s:e],)), None, None))
    if ctx.city:
        short = ctx.city[:-1] if ctx.city.endswith("市") and len(ctx.city) > 2 else ctx.city
        for zone in _BARE_ZONES:
            s = text.find(zone)
            while s >= 0:  # (str.find: a literal is found faster than by re.finditer)
                e = s + len(zone)
                if not (s > 0 and is_han(text[s - 1]) and text[s - 1] not in "、与和及在到至对由从"):
                    out.append(PlaceHit(Candidate(s, e, EntityType.PLACE, short + zone, "place",
                                                  "DevelopmentZone", aliases=(zone,)), None, ctx.city))
                s = text.find(zone, e)
    return out
