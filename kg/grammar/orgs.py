"""Organisations by grammar: place prefix + department stem + organ core.

The prefix is a place mention (full or short form), 中共 + place, or a bare level word
(省/市/区/县) that the document context resolves (市司法局 → 云州市司法局). National bodies
come from a small lexicon of central organs, plus their sub-units (司法部 + …局).
"""
from __future__ import annotations

import bisect
import functools
import heapq
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import replace

from ..lexicon import (AWARD_CUES, CENTRAL_ORGANS, CENTRAL_SUBUNIT_SUFFIXES, DISPATCHED_OFFICE_CORES, GROUP_BAD_MIDDLES, GROUP_CORES,
                       LEVEL_PREFIX, ORG_BAD_MIDDLES, ORG_STANDARD_PHRASES, ORG_WORDS_OPENING_WITH_BREAK,
                       OWN_INTERNAL_BODIES, PARTY_BODIES, PLACE_KEPT_CORES, PROGRAM_HEADS,
                       PREFECTURE_LEVEL_WORDS,
                       ORG_BREAK_CHARS, ORG_CORES, ORG_STEM_CHARS_MAX, POSITIONS, RULE_OF_LAW_OBJECTS,
                       RULE_OF_LAW_OFFICES, SUBUNIT_CORES)
from ..gazetteer import Level, gazetteer
from ..model import DocContext, EntityType
from .candidates import PARENT, Candidate
from .context import opening_places
from .memo import memo
from .text import (COUNT_AFTER, HAN, OPENING_QUOTES, clause_start, common_words, dictionary_names, han_class_without,
                   is_han, proper_abbreviations, trie_pattern, verbs_and_adverbs)


_CENTRAL_RE = re.compile(trie_pattern(CENTRAL_ORGANS))
#: words that end a name when they follow a complete organ (its internal bodies and staff)
_INTERNAL = ("党委", "党组", "领导", "机关", "系统", "干部", "全体", "工作", "主要", "负责",
             "班子", "成员", "人员", "各", "牵头", "联合", "会同", "召开", "组织", "印发") + POSITIONS
#: the characters before a bare 市/区/县/省 that make it part of another word
#: a level word inside a stem starts another body (审核市政府), except in 依法治市/县/区/省
_NEW_PLACE = re.compile(r"(?<!治)[市县区省]")
_CONTINUES = set("组长员门务生城伍路")  # (大学生, 大学城; 执法队伍: the teams of a kind; 学院路: a road)
#: verbs opening with one of those characters: after a core they end the name
_VERBS_AFTER_CORE = ("组织", "组建", "务必", "务实")
#: the Han characters a name can run over (up to a break character)
#: and 和 joining the two fields of one department (发展和改革委员会, 科技和经济委员会), never
#: before a place's level word (司法局和市公安局: two bodies); 与 too, but not after a body's
#: core (海洋与渔业局; 司法局与公安局 are two bodies)
_NAME_RUN = re.compile(f"(?:[{han_class_without(ORG_BREAK_CHARS)}]+|"
                       f"{'|'.join(map(re.escape, ORG_WORDS_OPENING_WITH_BREAK))}|和(?![省市区县镇乡村])"
                       "|(?<![局委院厅办室所队部处科站])与(?![省市区县镇乡村]))*")
_FUNCTION_BEFORE = set("、在由经被和与及对向将把为同是了并等据据从")
_BARE_BLOCK_BEFORE = set("全我本各该城都超两三四五六七八九十一地州盟乡镇街道县区市省")
_GOV_CORES = ("人民政府", "政府", "行政公署", "行署", "委", "局", "厅", "办", "办公室", "委员会", "法院", "检察院",
              "人民法院", "人民检察院", "中级人民法院", "中院", "中级法院", "高院", "人大常委会", "政协")

SUBTYPES: tuple[tuple[str, str], ...] = (
    ("人民法院", "Court"), ("法院", "Court"), ("人民检察院", "Procuratorate"), ("检察院", "Procuratorate"),
    ("人民政府办公室", "GovernmentDepartment"), ("政府办公室", "GovernmentDepartment"),
    ("人民政府", "GovernmentBody"), ("政府", "GovernmentBody"), ("行政公署", "GovernmentBody"),
    ("人大常委会", "Legislature"), ("人民代表大会常务委员会", "Legislature"), ("人大", "Legislature"),
    ("司法所", "JudicialOffice"), ("调解委员会", "MediationCommittee"), ("调委会", "MediationCommittee"),
    ("律师协会", "LegalServiceOrganization"), ("公证处", "LegalServiceOrganization"),
    ("法律服务中心", "LegalServiceOrganization"), ("法律服务所", "LegalServiceOrganization"),
    ("律师事务所", "LegalServiceOrganization"), ("法律援助中心", "LegalServiceOrganization"),
    ("法律援助处", "LegalServiceOrganization"),  # a legal aid office (广东: 始兴县法律援助处)
    ("司法鉴定所", "LegalServiceOrganization"),
    ("日报", "MediaOrganization"), ("晚报", "MediaOrganization"), ("电视台", "MediaOrganization"),
    ("广播", "MediaOrganization"), ("传媒中心", "MediaOrganization"), ("报社", "MediaOrganization"),
    ("新华社", "MediaOrganization"), ("融媒", "MediaOrganization"), ("大学", "AcademicInstitution"), ("学院", "AcademicInstitution"),
    ("宣传部", "PartyOrgan"), ("政法委", "PartyOrgan"), *((o, "PartyOrgan") for o in RULE_OF_LAW_OFFICES),
    ("组织部", "PartyOrgan"), ("统战部", "PartyOrgan"),
    ("统一战线工作部", "PartyOrgan"), ("社会工作部", "PartyOrgan"), ("编办", "PartyOrgan"),
    ("政研室", "PartyOrgan"), ("纪委", "PartyOrgan"), ("委", "PartyOrgan"),
    ("局", "GovernmentDepartment"), ("厅", "GovernmentDepartment"), ("部", "GovernmentDepartment"),
    ("办", "GovernmentDepartment"), ("委员会", "GovernmentDepartment"),
)
#: media cores that may follow a place prefix directly (云州日报, 清溪经济广播)
MEDIA_CORES = ("广播电视台", "电视台", "日报", "晚报", "广播", "新闻传媒中心", "传媒中心", "报社", "融媒")


#: SUBTYPES by last character, in SUBTYPES order: a suffix a name ends with ends in its last one
_SUBTYPES_BY_LAST: dict[str, tuple[tuple[str, str], ...]] = {}
for _suffix, _sub in SUBTYPES:
    _SUBTYPES_BY_LAST[_suffix[-1]] = (*_SUBTYPES_BY_LAST.get(_suffix[-1], ()), (_suffix, _sub))


def org_subtype(name: str) -> str | None:
    """The ontology subclass of the first SUBTYPES suffix the name ends with."""
    for suffix, sub in _SUBTYPES_BY_LAST.get(name[-1:], ()):
        if name.endswith(suffix):
            return sub
    return None


_GOVERNMENT = re.compile(r"(?<=[市县区省旗州镇乡])政府")  # also before a sub-unit (省政府新闻办公室)
_PREFECTURE_OFFICE = re.compile(r"(?<=[盟区])行署")  # 锡林郭勒盟行署 → …行政公署
_COURT = re.compile(r"(?<=[市县区旗州])法院|(?<=[市县区旗州省])检察院")  # also before a sub-unit (区法院审判庭)


#: a party committee's rule-of-law office by its short name (市委依法治市办 → 市委全面依法治市委员会办公室)
_RULE_OF_LAW_OFFICE = re.compile(f"委依法治([{RULE_OF_LAW_OBJECTS}])办$")
#: a people's congress's standing committee, in full and perhaps with its term (…第十三届人民代表大会
#: 常务委员会 → …人大常委会: one body across its terms)
_CONGRESS_STANDING = re.compile(r"(?<=[市县区省旗州盟])(?:第[一二三四五六七八九十]+届)?人民代表大会常务委员会")
_INTERMEDIATE_COURT = re.compile(r"(?<=[市州盟])(?:中院|中级法院)")
#: a party committee's or government's general office by its short name (区委办, 市政府办)
_OFFICE_SHORT = re.compile(r"(?<=[委府])办$")
#: a province's court is its high court (省法院)
_PROVINCE_COURT = re.compile(r"(?<=省)法院$")
_HIGH_COURT = re.compile(r"(?<=[省市区])高院")


def canonical_org(name: str) -> str:
    """Normalise variant spellings of one organ: X市政府 → X市人民政府, 中共X委 → X委,
    X市中院 → X市中级人民法院, X市人民代表大会常务委员会 → X市人大常委会, X区委办 → X区委办公室,
    X省法院 → X省高级人民法院."""
    if name.startswith("中共") and len(name) > 4:
        name = name[2:]
    name = _OFFICE_SHORT.sub("办公室", name)
    name = _PROVINCE_COURT.sub("高级人民法院", name)
    name = _GOVERNMENT.sub("人民政府", name)
    name = _CONGRESS_STANDING.sub("人大常委会", name)
    name = _RULE_OF_LAW_OFFICE.sub(r"委全面依法治\1委员会办公室", name)
    name = _PREFECTURE_OFFICE.sub("行政公署", name)
    name = _INTERMEDIATE_COURT.sub("中级人民法院", name)
    name = _HIGH_COURT.sub("高级人民法院", name)
    return _prefecture_court(_COURT.sub(_people_s, name))


def _people_s(m: re.Match[str]) -> str:
    """法院 → 人民法院, 检察院 → 人民检察院."""
    return "人民" + m.group()


def _prefecture_court(name: str) -> str:
    """A prefecture's court is its intermediate court (市法院 in 宜昌's report: 宜昌市中级人民法院;
    楚雄州法院); the basic courts are its districts' and counties'. A city without counties
    (东莞市, 儋州市) has basic courts of its own name."""
    if not name.endswith("人民法院"):
        return name
    place = name[:-4]
    gz = gazetteer()
    divisions = gz.lookup(place, shorts=False) if len(place) > 2 else []
    if len(divisions) == 1 and divisions[0].level is Level.PREFECTURE and gz.children(divisions[0]):
        return place + "中级人民法院"
    return name


#: standard organ names whose words would otherwise read as activities (委全面依法治市委员会)
_FIXED_MIDDLES = re.compile(f"全面依法治[{RULE_OF_LAW_OBJECTS}]")


#: the words of standard organ names that read as activities elsewhere (ORG_STANDARD_PHRASES)
_FIXED_FUNCTIONS = re.compile("|".join(map(re.escape, ORG_STANDARD_PHRASES)))


#: any of the words no organ name holds, in one scan (not one substring test per word)
#: a body's name holds no verb of doing nor of being honoured (…调解委员会荣获…委员会 is two names)
_BAD_MIDDLE = re.compile("|".join(map(re.escape, ORG_BAD_MIDDLES + tuple(c for c in AWARD_CUES if len(c) > 1))))


@memo(65536)
def _valid_middle(mid: str) -> bool:
    """Cached: _extend asks about every prefix of every window, many of them over and over."""
    if any(map(str.isdigit, mid)):
        return False
    return _BAD_MIDDLE.search(_FIXED_FUNCTIONS.sub("", _FIXED_MIDDLES.sub("依法治", mid))) is None


_BAD_GROUP_MIDDLE = re.compile("|".join(map(re.escape, GROUP_BAD_MIDDLES)))


@memo(16384)
def _valid_group_middle(mid: str) -> bool:
    """A group's stem states its task (推进…建设领导小组): only what is done with a group is no part."""
    return not any(map(str.isdigit, mid)) and _BAD_GROUP_MIDDLE.search(mid) is None


#: what the words 和 joins in a department's name are not: bodies, staff, levels (办公室和协调小组,
#: 干部和信访…, 开发区和街道办事处 join two things, not two fields of one department)
_NOT_A_FIELD_END = re.compile(f"(?:{'|'.join(map(re.escape, sorted(set(ORG_CORES) | set(SUBUNIT_CORES), key=len, reverse=True)))}"
                              r"|干部|人员|[省市区县镇乡村])$")


def _fields_joined(stem: str) -> bool:
    """Each 和 of a stem joins two fields of one department (发展和改革, 科技和经济), or is a sound
    of the word the stem opens with (中和律师事务所, 和平社区: no field before it)."""
    i = stem.find("和")
    while i >= 0:
        if i < 2:
            if stem[:2] not in common_words() and stem[:2] not in dictionary_names():
                return False  # (no field before it, and no word it is a sound of)
        elif _NOT_A_FIELD_END.search(stem, 0, i) or stem[i + 1:i + 2] in "省市区县镇乡村":
            return False
        i = stem.find("和", i + 1)
    return True


def _valid_stem(stem: str, core: str) -> bool:
    if core == "委员会" and stem.endswith("工作"):
        stem = stem[:-2]  # a working committee (法制工作委员会, 预算工作委员会): 工作 is its kind's word
    if "和" in stem and not _fields_joined(stem):
        return False
    if core in GROUP_CORES:
        return _valid_group_middle(stem)
    if stem and core in _STATION_CORES:  # 泗洪县龙集司法所: a town's stem, not 乡镇 or 基层
        return _valid_station_stem(stem)
    return _valid_middle(stem)


def _valid_station_stem(stem: str) -> bool:
    """No level, quantity or function character, and no dictionary word unless the dictionary
    knows it as a name (城关, 东升: the stations of a seat town and of a town named like a person)."""
    return not set(stem) & _NOT_IN_STATION_STEM and (stem not in common_words() or stem in dictionary_names()) \
        and _valid_middle(stem)


class _Cores:
    """A table of cores (core → stem length bounds), grouped by last character, longest first.

    A segment ends with at most one core of each length, so trying the cores that end in its
    last character, longest first, finds the same core as trying every core with endswith."""

    def __init__(self, table: dict[str, tuple[int, int]]) -> None:
        self.table = table
        by_last: dict[str, list[tuple[str, int, int]]] = {}
        for core in sorted(table, key=len, reverse=True):
            by_last.setdefault(core[-1], []).append((core, *table[core]))
        self.by_last = {ch: tuple(cores) for ch, cores in by_last.items()}
        self.last_chars = frozenset(by_last)  # most segments end in none of them
        #: finds the characters a core can end at, so a window is not walked character by character
        self.last_re = re.compile(f"[{re.escape(''.join(sorted(by_last)))}]")
        self.longest = max(map(len, table))
        #: every prefix of a core: a segment that is one may still grow into the core
        self.prefixes = frozenset(c[:i] for c in table for i in range(1, len(c) + 1))


_ORG_CORES = _Cores(ORG_CORES)
_SUBUNIT_CORES = _Cores(SUBUNIT_CORES)


def _core_at(seg: str, cores: _Cores) -> str | None:
    """The longest core `seg` ends with whose stem length fits, or None."""
    stem_max = len(seg)
    for core, lo, hi in cores.by_last.get(seg[-1:], ()):
        stem = stem_max - len(core)
        if lo <= stem <= hi and seg.endswith(core):
            # the core is a name word (组织部, 工作室, 协调小组): only the stem before it is read;
            # a shorter core leaves a longer stem, holding this one
            return core if _valid_stem(seg[:-len(core)], core) else None
    return None


def _boundary(text: str, end: int, core: str, token_starts: Collection[int] | None,
              stem_start: int | None = None) -> bool:
    """A core must end a word: 社 of 社会, 部 of 部门, 局 of 局长 and 布局 do not end an organ."""
    if token_starts is None:
        return True
    if len(core) == 1 and stem_start is not None:
        c = end - 1
        if c - 1 >= stem_start and c not in token_starts and c - 1 in token_starts \
                and text[c - 1:c + 1] in common_words() \
                and (core not in _CORES_CLOSING_SHORT_NAMES or text[c - 1:c + 1] in PARTY_BODIES):
            return False  # the core closes a word of the stem: 布局, 格局, 大局 (not 县发|改局; 局党委:
            # a body's party committee, no short name of a committee of the level)
    if end >= len(text) or not is_han(text[end]):
        return True
    if text[end] == "长" and text[end - 1] + "长" in _HEAD_TITLES and not text.startswith(core, end - 2 * len(core)):
        return True  # 司法所长, 监督局长: the head's title shares the body's last character (not 处处长,
        # 支队支队长: the core written twice opens the title the second time)
    if len(core) > 1:
        # 中心组, 委员会委员: the word goes on; not into a verb (协会组织律师, 中心务必)
        return text[end] not in _CONTINUES or text.startswith(_VERBS_AFTER_CORE, end)
    # 应诉科 + 科长; 局等 (a jieba word: 交通运输局等15个部门): 等 closing a list follows the core
    return end in token_starts or text.startswith(POSITIONS, end) or text[end] == "等"


#: the one-character cores that close a committee's short name where they close a word of the
#: dictionary (市城|管委, 市住|建委: jieba joins the level word to the stem), not a word of
#: description as 局 does (布局, 大局)
_CORES_CLOSING_SHORT_NAMES = frozenset("委")
#: the heads' titles a body's last character opens (所长, 局长): 司法所长 is 司法所 + 所长
_HEAD_TITLES = frozenset(p for p in POSITIONS if len(p) == 2 and p.endswith("长"))
#: the staff and internal-body words, shortest first: a match is the shortest one a text starts with
_INTERNAL_RE = re.compile("|".join(map(re.escape, sorted(_INTERNAL, key=len))))


@memo(16384)
def _organ_cores(window: str) -> tuple[tuple[int, str], ...]:
    """The organ cores that may end a name at each length k of `window` (k, core), in order.

    Cached: a report names the same bodies over and over; what depends on the text around
    the window (the word boundary) _extend tests on each call."""
    cores = _ORG_CORES
    found = []
    for m in cores.last_re.finditer(window):  # only where a core can end
        core = _core_at(window[:m.end()], cores)
        if core:
            found.append((m.end(), core))
    return tuple(found)


@memo(16384)
def _subunit_cores(rest: str) -> tuple[tuple[int, str], ...]:
    """The sub-unit cores that may end a sub-unit at each length k of `rest` (k, core), in order.

    They never run past staff and internal bodies (党委书记, 局长), except into a sub-unit core
    those begin (常委 → 常委会), nor across another place (审核市政府) or a verb of building together
    (共建普法基地). Cached as _organ_cores."""
    cores = _SUBUNIT_CORES
    staff = _INTERNAL_RE.match(rest)
    stop = staff.end() if staff else len(rest) + 1  # from here on rest[:k] starts with one
    last = min((rest.find(v) + len(v) - 1 for v in _BUILDING_TOGETHER if v in rest), default=len(rest))
    found = []
    for k in range(1, last + 1):
        core = _core_at(rest[:k], cores) if rest[k - 1] in cores.last_chars else None
        if core is None:
            if k >= stop and rest[:k] not in cores.prefixes:
                break
        elif not _NEW_PLACE.search(rest[: k - len(core)]):
            found.append((k, core))
    return tuple(found)


#: the verbs of building a thing together (A与B共建普法基地): the body before them is whole, what follows
#: is their object, no sub-unit (the programs' names hold them: “两所共建”工作模式)
_BUILDING_TOGETHER = ("共建", "联建", "合建")


def _extend(text: str, pos: int, token_starts: Collection[int] | None = None) -> int | None:
    """End of the organ name whose stem starts at `pos` (after its place prefix), or None."""
    ends = _extend_chain(text, pos, token_starts)
    return ends[-1] if ends else None


def _extend_chain(text: str, pos: int, token_starts: Collection[int] | None = None) -> tuple[int, ...]:
    """The ends of the organ and of each sub-unit after it, for the stem starting at `pos`;
    () when no organ starts there.

    First the organ itself (the first core; a longer core overlapping it wins: 委 → 委员会),
    then sub-units (司法局 + 行政应诉科), never across another place or a staff title.
    """
    j = _NAME_RUN.match(text, pos, min(len(text), pos + ORG_STEM_CHARS_MAX + 8)).end()
    if j == pos:
        return ()
    window = text[pos:j]
    k1 = end = 0
    for k, core in _organ_cores(window):
        if k1 and k >= k1 + _ORG_CORES.longest:
            break  # a core ending here starts after the first one: it cannot overlap it
        if _boundary(text, pos + k, core, token_starts, pos):
            if not k1:
                k1 = end = k
            elif k - len(core) < k1:
                end = k
    if not k1:
        return ()
    ends = [pos + end]
    while not window.startswith("和", end):  # sub-units: the longest that ends a word, again and again
        best = None
        for k, core in _subunit_cores(window[end:]):
            if _boundary(text, pos + end + k, core, token_starts, pos + end):
                best = end + k
        if best is None:
            return tuple(ends)
        end = best
        ends.append(pos + end)
    return tuple(ends)  # 司法局和公安局: 和 after a body joins another body


def _siblings(text: str, end: int, county: str | None, up_stem: str, up_name: str,
              token_starts: Collection[int] | None, place_starts: Collection[int]) -> list[Candidate]:
    """区法院双桥法庭、锣圩法庭; 市委宣传部、统战部: sub-units coordinated after a sub-unit belong to
    the same body (锣圩法庭 → 区人民法院锣圩人民法庭), never a body with its own place (、市公安局,
    、白沙街道派出所)."""
    out = []
    pos = end
    while pos < len(text) - 1 and text[pos] == "、" and text[pos + 1] not in "省市县区州旗镇乡村" \
            and pos + 1 not in place_starts:
        a = pos + 1
        window = text[a:_NAME_RUN.match(text, a, min(len(text), a + 12)).end()]
        best = 0
        for k, core in _subunit_cores(window) if window else ():
            if _boundary(text, a + k, core, token_starts, a):
                best = k
        if not best or (token_starts is not None and a not in token_starts):
            break
        sub = window[:best]
        name = _tribunal(county, up_stem + sub) or up_name + sub
        out.append(_org(a, a + best, name, "org", sub))
        pos = a + best
    return out


#: the last characters of a department's internal offices (行政应诉科, 对外联络处)
_OFFICE_LAST = "科处股"


def _parent(text: str, chain: tuple[int, ...], start: int, name: str) -> Candidate | None:
    """The body a sub-unit of a sub-unit belongs to is named in it and is a body of its own
    (县委 + 全面依法治县委员会 + 普法宣传协调小组: the commission), as is the department an
    internal office belongs to (市司法局 + 行政应诉科); an organ's other direct sub-units
    (县委宣传部, 县实验中学 + 法治教育基地) name it only as their prefix. A nested mention,
    never a subject."""
    if len(chain) < 2 or (len(chain) == 2 and text[chain[-1] - 1] not in _OFFICE_LAST):
        return None
    if text.endswith(("办公室", "办"), 0, chain[-1]):
        return None  # a commission's 办公室 is its standing office, named in its own right
    cut = chain[-1] - chain[-2]  # the last sub-unit, the same in the name as in the text
    return _org(start, chain[-2], name[:-cut], PARENT, text[start:chain[-2]])


def _context_place(level: str, ctx: DocContext) -> str | None:
    if level == "province":
        return ctx.province
    if level == "city":
        # in a county-level city's report 市司法局 is that city's (连州市), not the prefecture's
        return ctx.county if ctx.county and ctx.county.endswith("市") else ctx.city
    return ctx.county


def _word_start(text: str, i: int, token_starts: Collection[int] | None) -> bool:
    if i == 0 or not is_han(text[i - 1]) or text[i - 1] in _FUNCTION_BEFORE:
        return True
    return token_starts is not None and i in token_starts


def _bare_place(level: str, stem: str, ctx: DocContext) -> str | None:
    """The context place a bare 市/区/县/省 stands for; 沁县 + 县委 → 沁县县委 (X县 keeps 县委)."""
    return _county_committee(_context_place(level, ctx), level, stem)


def _county_committee(place: str | None, level: str, stem: str) -> str | None:
    """沁县 + 县委 → 沁县县委: a county named by one character before 县 keeps the 县 of 县委."""
    if place and level == "county" and len(place) == 2 and place.endswith("县") and stem.startswith("委"):
        return place + "县"
    return place


def _follows_level(stem: str) -> bool:
    """Whether a bare level word can open a body with this stem: not when the stem opens with
    another level (市县党委, 市县乡三级: levels, not one body) or makes the word a level's name
    (市级公共法律服务中心: a centre at the city's level, a kind)."""
    return bool(stem) and (stem[0] not in "县区乡镇省市村级" or stem.startswith(_LEVEL_CHAR_WORDS))


def _level_place(level: str, stem: str, ctx: DocContext) -> str | None:
    """The place a bare level word before `stem` stands for; None when the stem cannot follow a
    level word or the context has no such place."""
    return _bare_place(level, stem, ctx) if _follows_level(stem) else None


def _level_prefixes(ctx: DocContext) -> dict[str, str]:
    """The bare level words of this context: 省/市/区/县/旗, and 州 (盟) when the report's city is
    an autonomous prefecture (a league), whose own bodies are 州委, 州司法局."""
    city = ctx.city or ""
    extra = {ch: "city" for ch, ending in PREFECTURE_LEVEL_WORDS.items() if city.endswith(ending)}
    return {**LEVEL_PREFIX, **extra} if extra else LEVEL_PREFIX


def resolve_level_word(name: str, ctx: DocContext) -> str:
    """A body's name with the bare level word it opens with resolved by the document's context
    (in an Anji county report 县自然资源和规划局 is 安吉县自然资源和规划局; in a 地区's, 地区农业农村局
    and in an autonomous region's 自治区司法厅, as the text's own level words are); else the name."""
    if ctx.city and ctx.city.endswith("地区") and name.startswith("地区"):
        level, stem = "city", name[2:]
    elif ctx.county and ctx.county.endswith(_NEW_AREA) and name.startswith(_NEW_AREA):
        level, stem = "county", name[2:]
    elif ctx.province and ctx.province.endswith("自治区") and name.startswith("自治区"):
        level, stem = "province", name[3:]
    else:
        level, stem = _level_prefixes(ctx).get(name[:1]), name[1:]
    place = _level_place(level, stem, ctx) if level is not None and len(stem) >= 2 else None
    return canonical_org(place + stem) if place else name


@memo(65536)
def _canonical_and_subtype(name: str) -> tuple[str, str | None]:
    name = canonical_org(name)
    return name, org_subtype(name)


#: a tribunal's stem after its county: the court (if written), the tribunal's own name, 法庭
_TRIBUNAL = re.compile(r"(?:人民)?(?:法院)?([\u4e00-\u9fff]{2,4}?)(?:人民)?法庭")


def _tribunal(county: str | None, stem: str) -> str | None:
    """A 人民法庭 is a dispatched tribunal of its county's basic court, and its canonical name
    says so: 江北区 + 寸滩法庭 / 法院寸滩人民法庭 → 江北区人民法院寸滩人民法庭."""
    m = _TRIBUNAL.fullmatch(stem) if county and stem.endswith("法庭") else None
    return f"{county}人民法院{m.group(1)}人民法庭" if m else None


def _org(start: int, end: int, name: str, source: str, *aliases: str) -> Candidate:
    name, subtype = _canonical_and_subtype(name)
    kept = {a for a in aliases if a and a != name}
    return Candidate(start, end, EntityType.ORGANIZATION, name, source, subtype, (),
                     tuple(sorted(kept)) if kept else ())


def _outlet(start: int, end: int, name: str, *aliases: str) -> Candidate:
    """A news outlet (from its context: a dateline, a list of media, a reporter's line), whatever
    its name ends with (新华网, 学习强国): a medium reports, it never acts or authors."""
    return replace(_org(start, end, name, "media", *aliases), subtype="MediaOrganization")


def _distributed(text: str, ps: int, stem: str, by_end: dict[int, Candidate]) -> list[Candidate]:
    """云溪区、云州高新区法院: the organ core is shared by every coordinated place before it."""
    out = []
    pos = ps
    while pos >= 1 and text[pos - 1] in "、和及与":
        prev = by_end.get(pos - 1)
        if prev is None:
            break
        out.append(_org(prev.start, prev.end, prev.name + stem, "org", text[prev.start:prev.end] + stem))
        pos = prev.start
    return out


def _occurrences(text: str, words: Collection[str]) -> dict[str, list[int]]:
    """Where each word occurs, as re.finditer(re.escape(word), text) finds it (non-overlapping,
    left to right), from one scan for them all: every occurrence of a word starts inside a match
    of their alternation (which may be of another word, or overlap it), so only those are read."""
    out: dict[str, list[int]] = {w: [] for w in words}
    if not out:
        return out
    by_first: dict[str, list[str]] = {}
    for w in out:
        by_first.setdefault(w[0], []).append(w)
    for m in re.finditer("|".join(map(re.escape, sorted(out))), text):
        for q in range(m.start(), m.end()):
            for w in by_first.get(text[q], ()):
                at = out[w]
                if text.startswith(w, q) and (not at or q >= at[-1] + len(w)):
                    at.append(q)
    return out


def _town_stem(name: str) -> str:
    return name[:-2] if name.endswith("街道") else name[:-1]


#: characters after a bare level word that make it no body's prefix: another level (市县党委,
#: 市县乡三级: levels, not one body), or no name at all
_NOT_AFTER_LEVEL = ORG_BREAK_CHARS | set("县区乡镇省市村")
#: words that open with a level character but name no level (县市场监管局, 市乡村振兴局: one body)
_LEVEL_CHAR_WORDS = ("市场", "市政", "市容", "市民", "乡村")


@functools.cache
def _bare_level_re(levels: str) -> re.Pattern[str]:
    """The level words of `levels` that may open a body by themselves: not after a character
    that makes them part of another word (全市, 城区), and followed by a name character that
    is not another level word (decided before the name is extended: the same outcome)."""
    block = re.escape("".join(sorted(_BARE_BLOCK_BEFORE)))
    stop = re.escape("".join(sorted(_NOT_AFTER_LEVEL)))
    level = f"[{re.escape(levels)}]"  # first, so the search skips to these characters
    words = "|".join(map(re.escape, _LEVEL_CHAR_WORDS))
    return re.compile(f"{level}(?<![{block}]{level})(?=(?![{stop}])[{HAN}]|{words})")


def match_orgs(text: str, ctx: DocContext, places: Sequence[Candidate],
               token_starts: Collection[int] | None = None) -> list[Candidate]:
    """The bodies a text names, by the rules below, each rule's in text order."""
    starts = {p.start for p in places}
    out = _central_bodies(text, token_starts)
    by_end = {p.end: p for p in places if p.source != "selfref"}
    out.extend(_place_bodies(text, _place_prefixes(text, places, starts), token_starts, starts, by_end))
    out.extend(_level_bodies(text, ctx, places, token_starts, starts))
    out.extend(_party_bodies(text, out))
    out.extend(_own_internal_bodies(text, ctx, out))
    out.extend(_own_branches(text, ctx, places, out))
    out.extend(_town_stations(text, places, token_starts))
    out.extend(_quoted_orgs(text, ctx, places, out))
    out.extend(_listed_units(text, token_starts))
    out.extend(_established(text, ctx, places, token_starts))
    out.extend(_media(text, token_starts))
    out.extend(_universities(text, token_starts))
    out.extend(_firm_offices(text, token_starts, by_end))
    out.extend(_media_lists(text))
    return out


def _central_bodies(text: str, token_starts: Collection[int] | None) -> list[Candidate]:
    """National bodies need no place (司法部), and name their sub-units after them
    (司法部公共法律服务管理局)."""
    out = []
    for m in _CENTRAL_RE.finditer(text):
        if not _word_start(text, m.start(), token_starts):
            continue
        end = _central_end(text, m.end(), token_starts)
        if end is None or (text[end - 1] == "社" and text.startswith("区", end)):
            continue  # 永昌街道新华社区: a community (社区), not the news agency
        out.append(_org(m.start(), end, text[m.start():end], "central"))
    return out


#: a standing committee's working committee (全国人大常委会 + 法制工作委员会): 工作 is the core's word
_WORKING_COMMITTEE = "工作委员会"
#: the longest sub-unit name after a national body (国务院 + 行政复议工作领导小组办公室: 13)
_CENTRAL_SUBUNIT_MAX = 16


def _central_end(text: str, end: int, token_starts: Collection[int] | None) -> int | None:
    """Where a national body's name ends: after the longest sub-unit that follows it and ends a
    word, else at its own end if a word ends there; None when neither ends a word."""
    j = _NAME_RUN.match(text, end, min(len(text), end + _CENTRAL_SUBUNIT_MAX)).end()
    tail = text[end:j]
    for k in range(len(tail), 1, -1):
        seg = tail[:k]
        if _central_subunit(seg) and _boundary(text, end + k, "x", token_starts):
            return end + k
    return end if _boundary(text, end, "x", token_starts) else None


def _central_subunit(seg: str) -> bool:
    """Whether `seg` names a national body's sub-unit: a department (公共法律服务管理局), or a
    standing group's office, whose stem states its task (行政复议工作领导小组办公室)."""
    if not seg.endswith(CENTRAL_SUBUNIT_SUFFIXES) or seg[0] in "和与及或同、各等" or seg.startswith(("有关", "相关")):
        return False  # (水利部和黄河水利委员会: another body, coordinated; …有关司局: unnamed ones)
    if _valid_middle(seg.removesuffix(_WORKING_COMMITTEE) or seg):  # (工作委员会: 工作 is the core's)
        return True
    group = next((g for g in GROUP_CORES if g in seg), None)
    return group is not None and seg.endswith("办公室") and _valid_group_middle(seg[:seg.index(group)])


def _place_prefixes(text: str, places: Sequence[Candidate],
                    starts: Collection[int]) -> list[tuple[int, int, Candidate]]:
    """The place mentions a body's name may open with, (start, end, place): a place directly
    followed by another (湖南省江华县司法局) is not the body's own prefix, nor a place the report
    means by itself (全市司法所); towns also by their stem (青石 for 青石镇: 青石司法所). A short form
    right after an opening quote opens a brand named after the place, as a town's stem does
    there (“历下泉城办”服务品牌, “望京议事厅”), no body."""
    furthest: dict[int, int] = {}  # where the longest place mention opening at each offset ends
    for p in places:
        furthest[p.start] = max(furthest.get(p.start, 0), p.end)
    prefixes = [(p.start, p.end, p) for p in places if p.end not in starts and p.source != "selfref"
                and not (_after_opening_quote(text, p.start) and text[p.start:p.end] != p.name)
                and furthest[p.start] == p.end]  # (闵行 of 闵行经济技术开发区: the body is the zone's)
    prefixes.extend(_town_stem_mentions(text, places))
    return prefixes


def _town_stem_mentions(text: str, places: Sequence[Candidate]) -> list[tuple[int, int, Candidate]]:
    """Where a town named in the text is mentioned by its stem alone (青石 of 青石镇): a town is
    mentioned many times, so its stem's occurrences are found once, for its first mention."""
    towns: dict[str, Candidate] = {}
    for p in places:
        if p.subtype == "Town" and len(p.name) >= 3:
            towns.setdefault(p.name, p)
    stem_at = _occurrences(text, {_town_stem(name) for name in towns})
    out = []
    for name, p in towns.items():
        stem = _town_stem(name)
        # (not after an opening quote: “望京议事厅” is a brand named after its town, no body)
        out.extend((a, a + len(stem), p) for a in stem_at[stem]
                   if not text.startswith(name, a) and not _after_opening_quote(text, a))
    return out


def _after_opening_quote(text: str, i: int) -> bool:
    return i > 0 and text[i - 1] in OPENING_QUOTES


def _party_start(text: str, i: int) -> int:
    """Where a body whose name starts at `i` starts: 中共 right before it is part of its name
    (中共云州市委)."""
    return i - 2 if i >= 2 and text[i - 2:i] == "中共" else i


def _place_bodies(text: str, prefixes: Sequence[tuple[int, int, Candidate]],
                  token_starts: Collection[int] | None, starts: Collection[int],
                  by_end: dict[int, Candidate]) -> list[Candidate]:
    """The bodies the place prefixes open (云州市司法局): where an organ's name follows one."""
    out = []
    for ps, pe, p in prefixes:
        chain = _extend_chain(text, pe, token_starts)
        if chain:
            out.extend(_place_body(text, ps, pe, p, chain, token_starts, starts, by_end))
    return out


def _place_body(text: str, ps: int, pe: int, p: Candidate, chain: tuple[int, ...],
                token_starts: Collection[int] | None, starts: Collection[int],
                by_end: dict[int, Candidate]) -> list[Candidate]:
    """The body a place mention opens, with what its name implies: the body its sub-unit
    belongs to, the sub-units coordinated after it, and the coordinated places before it that
    share its organ core."""
    end = chain[-1]
    stem = _stem_after_place(text, ps, pe, end, p)
    start, full = _prefixed_name(text, ps, end, stem, p, token_starts)
    out = [_org(start, end, full, "org", text[start:end], text[ps:end])]
    out.extend(_parents(text, chain, start, full))
    if len(chain) >= 2:
        up = stem[:len(stem) - (chain[-1] - chain[-2])]
        up_full = p.name + up if up.endswith(_GOV_CORES) else text[ps:chain[-2]]
        out.extend(_siblings(text, end, p.name if p.subtype == "County" else None, up, up_full,
                             token_starts, starts))
    if stem.endswith(_GOV_CORES + DISPATCHED_OFFICE_CORES + PLACE_KEPT_CORES):  # 长垌乡、六巷乡司法所: each town's office
        out.extend(_distributed(text, ps, stem, by_end))
    return out


def _stem_after_place(text: str, ps: int, pe: int, end: int, p: Candidate) -> str:
    """The body's name after its place; after a short form the body's level word is the
    place's own (江华 + 县司法局: 江华瑶族自治县司法局), not part of the stem."""
    stem = text[pe:end]
    if text[ps:pe] != p.name and stem[:1] in "县市区旗州" and len(stem) > 2:
        return stem[1:]
    return stem


def _prefixed_name(text: str, ps: int, end: int, stem: str, p: Candidate,
                   token_starts: Collection[int] | None) -> tuple[int, str]:
    """Where a place's body starts and its full name: a county's tribunal is its court's
    (_tribunal); a government body takes the place's full name (云州 + 司法局 → 云州市司法局);
    media and other bodies keep the text's own spelling (云州日报), and a company its group's
    short name before the place (_group_before)."""
    tribunal = _tribunal(p.name if p.subtype == "County" else None, stem)
    if tribunal:
        return _party_start(text, ps), tribunal
    if (stem.endswith(_GOV_CORES) or p.subtype == "DevelopmentZone") and not stem.endswith(MEDIA_CORES):
        return _party_start(text, ps), p.name + stem  # (南沙开发区管委会 under its zone's full name)
    group = _group_before(text, ps, stem, token_starts)
    if group is not None:
        return group, text[group:end]
    return _party_start(text, ps), text[ps:end]


def _parents(text: str, chain: tuple[int, ...], start: int, name: str) -> list[Candidate]:
    """The body a sub-unit belongs to, where it is one of its own (_parent), as a list."""
    parent = _parent(text, chain, start, name)
    return [parent] if parent else []


def _level_bodies(text: str, ctx: DocContext, places: Sequence[Candidate],
                  token_starts: Collection[int] | None, starts: Collection[int]) -> list[Candidate]:
    """Bodies opened by a bare level word the context resolves: 市司法局, 区委政法委, 省司法厅,
    自治区党委; a bare 区/县/旗 in a report above the county level by the county its sentence
    names."""
    counties = sorted((p for p in places if p.subtype == "County" and p.source != "selfref"),
                      key=lambda p: p.end, reverse=True)  # the nearest before a position first
    local = "" if ctx.county else "".join(sorted({p.name[-1] for p in counties} & set("区县旗")))
    place_ends = {p.end for p in places if p.source != "selfref"}
    out: list[Candidate] = []
    for i, stem_start, level in _level_words(text, ctx, local):
        if not _level_word_opens(text, i, token_starts) or stem_start in place_ends:
            continue  # (沙湾市四道河子镇…: the 市 closes a place's name, it is no level word)
        chain = _extend_chain(text, stem_start, token_starts)
        if not chain:
            continue
        place = _level_word_place(text, i, level, text[stem_start:chain[-1]], ctx, counties)
        if place:
            out.extend(_level_body(text, i, stem_start, chain, level, place, token_starts, starts))
    return out + _youth_leagues(text, ctx) + _town_bodies(text, places, token_starts, starts)


#: a town's bare level words (镇党委, 乡人民政府, 街道办事处)
_TOWN_WORD = re.compile("街道|镇|乡")


def _town_bodies(text: str, places: Sequence[Candidate], token_starts: Collection[int] | None,
                 starts: Collection[int]) -> list[Candidate]:
    """In a town's own report (its title opens with the town: 天目湖镇司法所2023年工作总结), 镇/乡/街道
    opening a body is that town's (镇人民调解委员会 → 天目湖镇人民调解委员会)."""
    town, _ = opening_places(text, places)
    if town is None or town.subtype != "Town":
        return []
    first_line = text.find("\n")
    out: list[Candidate] = []
    for m in _TOWN_WORD.finditer(text, first_line):
        i, stem_start = m.span()
        if not _level_word_opens(text, i, token_starts) or (i > 0 and is_han(text[i - 1]) and text[i - 1] not in _FUNCTION_BEFORE
                                                            and text[i - 2:i] not in verbs_and_adverbs()):
            continue  # (乡镇, 城镇, 天目湖镇: the word is another's; 联合镇派出所: a verb's object)
        chain = _extend_chain(text, stem_start, token_starts)
        if chain and _follows_level(text[stem_start:chain[-1]]):
            out.extend(_level_body(text, i, stem_start, chain, "town", town.name, token_starts, starts))
    return out


#: the Youth League's committee of a level, written with its level inside (团县委, 团市委)
_YOUTH_LEAGUE = re.compile("团([省市区县旗州盟])委")


def _youth_leagues(text: str, ctx: DocContext) -> list[Candidate]:
    """团县委, 团市委: the Youth League committee of the context's place of that level (named as a
    place's committee is: 汝城县团委)."""
    out = []
    prefixes = _level_prefixes(ctx)
    for m in _YOUTH_LEAGUE.finditer(text):
        level = prefixes.get(m.group(1))
        place = _level_place(level, "团委", ctx) if level is not None else None
        if place:
            out.append(_org(m.start(), m.end(), place + "团委", "org", m.group()))
    return out


def _level_word_opens(text: str, i: int, token_starts: Collection[int] | None) -> bool:
    """A level word opens a body only where a word starts (where the words are known), and not
    in quotes (“市域通办”, “县乡一体”: a quoted brand or slogan, not a body)."""
    if i == 0:
        return True
    if token_starts is not None and i not in token_starts and is_han(text[i - 1]) \
            and text[i - 1] not in _FUNCTION_BEFORE:
        return False  # inside a word
    return not _after_opening_quote(text, i)


def _level_word_place(text: str, i: int, level: str, stem: str, ctx: DocContext,
                      counties: Sequence[Candidate]) -> str | None:
    """The place a bare level word at `i` stands for: the context's, else for a county's
    committee the county its sentence names (_sentence_county); None if none."""
    place = _level_place(level, stem, ctx)
    if not place and level == "county" and _follows_level(stem):
        place = _county_committee(_sentence_county(text, i, counties), level, stem)
    return place


def _level_body(text: str, i: int, stem_start: int, chain: tuple[int, ...], level: str, place: str,
                token_starts: Collection[int] | None, starts: Collection[int]) -> list[Candidate]:
    """The body a resolved level word opens, named with its place (市司法局 → 云州市司法局; a
    county's tribunal by its court, _tribunal), with the body its sub-unit belongs to and the
    sub-units coordinated after it."""
    end = chain[-1]
    stem = text[stem_start:end]
    county = place if level == "county" else None
    start = _party_start(text, i)
    full = _tribunal(county, stem) or place + stem
    out = [_org(start, end, full, "org", text[start:end])]
    out.extend(_parents(text, chain, start, full))
    if len(chain) >= 2:
        up = text[stem_start:chain[-2]]
        out.extend(_siblings(text, end, county, up, place + up, token_starts, starts))
    return out


#: what ends the stretch in which a county named earlier is the one a bare 区/县 stands for
_SENTENCE_BREAKS = frozenset("。！？!?；;\n")


def _group_before(text: str, ps: int, stem: str, token_starts: Collection[int] | None) -> int | None:
    """国电聊城…有限公司: a company's name may open with its group's short name, a proper
    abbreviation standing as a word of its own right before the place; where it starts, or None."""
    if token_starts is None or not stem.endswith("公司") or ps not in token_starts:
        return None
    for n in (2, 3):
        if ps - n in token_starts and text[ps - n:ps] in proper_abbreviations():
            return ps - n
    return None


def _sentence_county(text: str, i: int, counties: Sequence[Candidate]) -> str | None:
    """In a report above the county level, a bare 区/县/旗 stands for the county of that level its
    sentence last named (夷陵区司法局联合区市场监管局: 夷陵区's bureau), or for none."""
    for p in (p for p in counties if p.end <= i):  # `counties`: latest end first
        if not _SENTENCE_BREAKS.isdisjoint(text[p.end:i]):
            return None
        if p.name.endswith(text[i]):
            return p.name
    return None


#: what makes 党委/党组 after a body part of a member's title (党组成员, 党委书记), not a body
_PARTY_MEMBER = ("书记", "副书记", "委员", "成员", "班子", "中心组")
_PARTY_FIRST = frozenset(b[0] for b in PARTY_BODIES)


def _party_bodies(text: str, found: Sequence[Candidate]) -> list[Candidate]:
    """市司法局党组研究决定, 某律师事务所党支部被评为…: a body's party committee, group or branch is a
    body of its own, unless the words go on into a member's title (党组成员, 党委书记: a post)."""
    out = []
    for c in found:
        if text[c.end:c.end + 1] not in _PARTY_FIRST or c.source != "org" \
                or c.name.endswith(("委", *PARTY_BODIES)):
            continue  # (市委 is itself the party committee)
        body = next((b for b in PARTY_BODIES if text.startswith(b, c.end)), None)
        if body is None or text.startswith(_PARTY_MEMBER, c.end + len(body)):
            continue
        out.append(_org(c.start, c.end + len(body), c.name + body, "org", text[c.start:c.end + len(body)]))
    return out


_OWN_BODY = re.compile(f"(?<![{HAN}])([厅局院])({'|'.join(OWN_INTERNAL_BODIES)})")
_FIRST_CHAR = re.compile(r"\S")


def _titled_author(text: str, ctx: DocContext, found: Sequence[Candidate]) -> str | None:
    """The report's author as far as the bodies found so far say: the context's, else the body
    the title opens with (陇南市司法局2023年工作总结)."""
    if ctx.author:
        return ctx.author
    first = _FIRST_CHAR.search(text)
    first = first.start() if first else 0
    return next((c.name for c in found if c.start == first and c.source == "org"), None)


def _own_internal_bodies(text: str, ctx: DocContext, found: Sequence[Candidate]) -> list[Candidate]:
    """厅党委, 局党组: a report names its own organ's party body by the organ's core alone; the
    organ is the report's author (the body its title opens with), else the one body of that
    kind the report names (none if several)."""
    out: list[Candidate] = []
    matches = list(_OWN_BODY.finditer(text))
    if not matches:
        return out
    author = _titled_author(text, ctx, found)
    for m in matches:
        core = m.group(1)
        if author and author.endswith(core):
            owner = author
        else:
            owners = {c.name for c in found if c.source == "org" and c.name.endswith(core)}
            if len(owners) != 1:
                continue
            owner = owners.pop()
        out.append(_org(m.start(), m.end(), owner + m.group(2), "org", m.group(0)))
    return out


_BRANCH = "分局"


def _own_branches(text: str, ctx: DocContext, places: Sequence[Candidate], found: Sequence[Candidate]) -> list[Candidate]:
    """赤水市分局, 汇川区分局 in a bureau's own report (遵义市生态环境局…报告): a county's name right
    before 分局 names the author's branch there (遵义市生态环境局汇川区分局)."""
    if _BRANCH not in text:
        return []
    author = _titled_author(text, ctx, found)
    if not author or not author.endswith("局"):
        return []
    out = []
    for p in places:
        if p.subtype == "County" and text.startswith(_BRANCH, p.end) \
                and not (p.end + 2 < len(text) and text[p.end + 2] == "长"):  # (分局长: a post)
            out.append(_org(p.start, p.end + len(_BRANCH), author + p.name + _BRANCH, "org", text[p.start:p.end + 2]))
    return out


#: a township's stations, named after it (X司法所, X派出所)
_STATION_CORES = ("司法所", "派出所")
#: the offices found by a town's stem alone: the stations, a basic court's tribunals (水观法庭,
#: 彭城人民法庭; 模拟法庭, 共享法庭, 少年法庭 are kinds: their stems are words) and the market
#: bureau's (店口市场监管所)
_STATION_RE = re.compile("|".join((*_STATION_CORES, "人民法庭", "法庭", "市场监管所")))
#: what a station's stem never holds: levels, numbers and quantity words, determiners, and 式
#: (“枫桥式司法所”, “枫桥式派出所”: a style, the kind a station is rated as, no town's station)
_NOT_IN_STATION_STEM = set("省市县区镇乡村街道个各全本该我每其式") | _FUNCTION_BEFORE


def _town_stations(text: str, places: Sequence[Candidate],
                   token_starts: Collection[int] | None) -> list[Candidate]:
    """红柳司法所: a township's station named by the town's stem, where the town is in no
    gazetteer (the town grammar finds the stem only from a full 红柳镇 mention). The stem is a
    whole word of two or three characters that is no dictionary word (基层, 指导 are)."""
    if token_starts is None:
        return []
    out: list[Candidate] = []
    matches = list(_STATION_RE.finditer(text))
    if not matches:
        return out
    place_ends = {p.end for p in places}
    for m in matches:
        q = m.start()
        if q in place_ends:
            continue  # 东陂镇司法所: the place grammar's
        for n in (2, 3):
            s = q - n
            if s < 0 or s not in token_starts or not all(map(is_han, text[s:q])):
                continue
            stem = text[s:q]
            if s > 0 and is_han(text[s - 1]) and text[s - 1] not in _FUNCTION_BEFORE \
                    and text[s - 1] not in ORG_BREAK_CHARS:
                continue  # not where a name can open (…组织红柳: inside a run of words)
            if s > 0 and text[s - 1] in OPENING_QUOTES:
                continue  # a brand's name in quotes (“云上法庭”平台), no town's office
            if not _valid_station_stem(stem):
                continue
            out.append(_org(s, m.end(), text[s:m.end()], "org"))
            break
    return out


def _level_words(text: str, ctx: DocContext, local: str = "") -> Iterator[tuple[int, int, str]]:
    """(start, end, level) of the bare level words that may open a body, in text order:
    省/市/区/县/旗 where the context has that level (see _bare_level_re) or `local` holds it, in
    an autonomous region's report 自治区, which opens the region's bodies as 省 does a province's,
    and in a 地区's report 地区."""
    prefixes = _level_prefixes(ctx)
    levels = "".join(ch for ch, level in prefixes.items() if _context_place(level, ctx) or ch in local)
    bare = ((m.start(), m.end(), prefixes[m.group()])
            for m in (_bare_level_re(levels).finditer(text) if levels else ()))
    if ctx.province and ctx.province.endswith("自治区") and "自治区" in text:
        bare = heapq.merge(bare, ((m.start(), m.end(), "province") for m in _REGION_WORD.finditer(text)))
    if ctx.city and ctx.city.endswith("地区") and "地区" in text:  # 地区司法局 in a prefecture's report
        bare = heapq.merge(bare, ((m.start(), m.end(), "city") for m in _AREA_WORD.finditer(text)))
    if ctx.county and ctx.county.endswith(_NEW_AREA) and _NEW_AREA in text:  # 新区司法局 in 滨海新区's report
        bare = heapq.merge(bare, ((m.start(), m.end(), "county") for m in _NEW_AREA_WORD.finditer(text)))
    return bare


_REGION_WORD = re.compile("自治区")
_NEW_AREA = "新区"
#: a new area (滨海新区) speaks of its own bodies as 新区司法局: the word opening a phrase (not
#: closing a name: 金普新区)
_NEW_AREA_WORD = re.compile(f"(?:(?<![{HAN}])|(?<=[和与及在由经向对把被将、]))新区")
#: a prefecture named 地区 (喀什地区) speaks of its own bodies as 地区司法局, 地区行署 (not after a
#: word it closes: 各地区, 贫困地区)
_AREA_WORD = re.compile(f"(?<![{re.escape(''.join(sorted(_BARE_BLOCK_BEFORE)))}困区边])地区")


#: a list the text closes as bodies: A、B、C等单位 (等有关单位, 等企业, 等部门)
_UNIT_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,16}、)+[\u4e00-\u9fff]{2,16})等(?:有关|相关)?(?:单位|企业|部门|机构)")
_UNIT_LIST_END = re.compile(r"等(?:有关|相关)?(?:单位|企业|部门|机构)")


def _listed_units(text: str, token_starts: Collection[int] | None) -> list[Candidate]:
    """德龙钢铁公司、中铁十四局、杜集镇等单位: the items of a list closed by 等单位 are bodies;
    each one ending in an organ core after a stem of its own is one, named as written (a
    place-prefixed item is also the place grammar's, which names it canonically). The first
    item opens after the verb before it: at the first word from which it reads as a name."""
    if token_starts is None:
        return []
    out = []
    for end_m in _UNIT_LIST_END.finditer(text):
        a = end_m.start()
        while a > 0 and (is_han(text[a - 1]) or text[a - 1] == "、") and end_m.start() - a < 80:
            a -= 1
        m = _UNIT_LIST.search(text, a, end_m.end())
        if m is None or m.end() != end_m.end():
            continue
        pos = m.start(1)
        for n, item in enumerate(m.group(1).split("、")):
            start, pos = pos, pos + len(item) + 1
            core = next((c for c, _, _ in _ORG_CORES.by_last.get(item[-1:], ()) if item.endswith(c)), None)
            if core is None:
                continue
            k = 0
            if n == 0:  # …听取了德龙钢铁公司: from the first word after which it is a name
                lo = max((i + 1 for i, ch in enumerate(item) if ch in ORG_BREAK_CHARS), default=0)
                k = next((i for i in range(lo, len(item) - len(core) - 1)
                          if start + i in token_starts and item[i:i + 2] not in verbs_and_adverbs()
                          and _valid_stem(item[i:-len(core)], core)), -1)  # (积极邀请…: no name opens with a verb)
                if k < 0:
                    continue
            name = item[k:]
            if len(name) - len(core) < 2 or name[0] in "省市县区全各本该我其" or not _valid_stem(name[:-len(core)], core):
                continue
            out.append(_org(start + k, start + len(item), name, "listed"))
    return out


_QUOTED_ORG_CORES = ("调解室", "工作室", "调解委员会", "中心", "服务站", "工作站", "联络站", "服务团", "联盟",
                     "调解队", "服务队")
#: finds a core in the few characters after a quote: most quotes have none, so no run is read
_QUOTED_CORE_RE = re.compile("|".join(_QUOTED_ORG_CORES))
#: program heads after a quoted room's name that make the whole a brand, method or model of it
_BRAND_HEADS = tuple(h for h, kind in PROGRAM_HEADS if kind in ("Brand", "WorkMethod", "Model", "Mechanism"))
#: the characters a match of _LISTED_KIND starts with
_LISTED_KIND_FIRST = "、和及“「等"


#: the rest of a list of quoted names and the kind of body they are (…”等15个特色品牌调解室), not
#: when the kind of body only qualifies the head (…”等镇街矛调中心品牌: brands)
_LISTED_KIND = re.compile(r"(?:[、和及]?[“「][^”」\n]{2,24}[”」])*等(?:[0-9]+[个家所])?[\u4e00-\u9fff]{0,4}?"
                          r"(?:调解室|工作室|服务站|调解委员会|中心)(?!品牌|模式|机制|经验|做法|项目)")
_LEVEL_OF = {"省级": "province", "市级": "city", "县级": "county", "区级": "county"}
_COUNTED = re.compile(r"[0-9０-９]+[个家所处间座]")


_CLAUSE_MARK = re.compile(r"[，,、。；;]")
_QUOTED_NAME = re.compile(r"[“「]([^”」\n]{2,24})[”」]")


#: what follows the quoted name of an official media account (“安吉发布”微信公众号)
_ACCOUNT = re.compile("微信公众号|公众号|官方微博|政务微博|抖音号|视频号|客户端")


class _Owners:
    """The places and bodies a room named in quotes may be written after (灵峰街道“和事佬”工作室,
    某县人民检察院“检察蓝”工作室): the one ending right before the quote, the whole name."""

    def __init__(self, places: Sequence[Candidate], bodies: Sequence[Candidate]) -> None:
        self.places = {p.end: p for p in places if p.source != "selfref"}
        self.bodies: dict[int, Candidate] = {}
        for b in bodies:  # of the bodies ending at one place, the whole name
            if b.end not in self.bodies or b.start < self.bodies[b.end].start:
                self.bodies[b.end] = b

    def before(self, pos: int) -> Candidate | None:
        return self.places.get(pos) or self.bodies.get(pos)


def _owned_room(text: str, owners: _Owners, qs: int, end: int) -> list[Candidate]:
    """The room named text[qs:end] (a quote, perhaps with its core after it) under the place or
    body written right before it, and each place coordinated before that place (顺庆区、嘉陵区
    “一站式”…中心: each has its own); [] when none is written there."""
    named = owners.before(qs)
    if named is None:
        return []
    part = text[qs:end]
    if named is not owners.places.get(qs):  # 某县人民检察院“检察蓝”工作室: the body's own room
        return [_org(named.start, end, named.name + part, "org", part, text[named.start:end])]
    start = named.start
    while (up := owners.places.get(start)) is not None:
        start = up.start  # 上饶市广丰区“调解联盟”: the places it is written under are its name's
    return [_org(start, end, named.name + part, "org", part, text[start:end]),
            *_distributed(text, named.start, part, owners.places)]


def _core_after_quote(text: str, m: re.Match[str]) -> int | None:
    """Where the core after a quoted brand ends (“和美家”人民调解中心), if one follows as a name's
    end: not a position's first word (中心主任), not a counted kind (建成“和美家”调解室2300个)."""
    if _QUOTED_CORE_RE.search(text, m.end(), m.end() + 10) is None:
        return None  # (the run below lies in these 10 characters)
    j = _NAME_RUN.match(text, m.end(), min(len(text), m.end() + 10)).end()
    run = text[m.end():j].partition("和")[0]  # “和为贵”理念和元素融入调解室: 和 joins no fields here
    core = next((c for c in _QUOTED_ORG_CORES if c in run for k in range(len(run), 0, -1)
                 if run[:k].endswith(c) and _valid_middle(run[:k - len(c)].replace("调处", ""))), None)
    if core is None:
        return None
    end = m.end() + next(k for k in range(len(run), 0, -1) if run[:k].endswith(core))
    if end < len(text) and is_han(text[end]) and text[end] in "长员伍":
        return None  # 中心主任: a position, the name ended earlier; 调解队伍: staff, no body
    if _COUNTED.match(text, end) or _COUNTED.search(text, clause_start(text, m.start()), m.start()):
        return None  # 14个司法所建立…调解室: a kind of room, not one body
    return end


def _quoted_orgs(text: str, ctx: DocContext, places: Sequence[Candidate] = (),
                 bodies: Sequence[Candidate] = ()) -> list[Candidate]:
    """Named rooms and centres in quotes: “陈志华调解室”; and bodies named by a quoted brand
    with their core after it (市级“和美家”中心, “有事来谈·老李来帮”调解室), the level word
    resolved by context (县级“一站式”…中心 → 柳溪县“一站式”…中心), a place or a body written
    before it kept (灵峰街道“和事佬”工作室, 长丰县“老兵调解室”, 某县人民检察院“检察蓝”工作室);
    official media accounts (“安吉发布”微信公众号)."""
    out = []
    owners = _Owners(places, bodies)
    for m in _QUOTED_NAME.finditer(text):
        inner = m.group(1)
        if inner.startswith(("全国", "全省", "全市")):
            continue  # honours (“全国模范人民调解委员会”)
        # a counted label (“四中心”) names no body itself; one before a core may (“一站式”…中心)
        counted = inner[0] in "一二三四五六七八九十两多" and len(inner) <= 5
        kind = _LISTED_KIND.match(text, m.end()) \
            if not counted and text[m.end():m.end() + 1] in _LISTED_KIND_FIRST else None
        if kind and not inner.endswith(_QUOTED_ORG_CORES) and _valid_middle(inner):
            # “有事来谈·伟伟来帮”“有事来谈·老李来帮”等名牌调解室: each item is a room of that kind
            core = next(c for c in _QUOTED_ORG_CORES if kind.group(0).endswith(c))
            out.append(_org(m.start(), m.end(), inner, "org", m.group(0) + core))
            continue
        if _CLAUSE_MARK.search(inner):
            continue
        if _ACCOUNT.match(text, m.end()) and not counted and _valid_middle(inner):
            out.append(_outlet(m.start(), m.end(), inner, m.group(0)))
            continue
        core = next((c for c in _QUOTED_ORG_CORES if inner.endswith(c)), None)
        if core is not None and _valid_middle(inner[:-len(core)]):  # (工作室 is a name word)
            if not counted and not text.startswith(_BRAND_HEADS, m.end()):
                # the whole name in quotes (“老兵调解室”); “巾帼调解室”品牌 and “老杨调解室”工作法
                # name the brand or method the room gave its name to, a program
                out.extend(_owned_room(text, owners, m.start(), m.end())
                           or [_org(m.start(), m.end(), inner, "org", m.group(0))])
            continue
        end = _core_after_quote(text, m)
        if end is None:
            continue
        level = _LEVEL_OF.get(text[max(0, m.start() - 2):m.start()])
        place = _context_place(level, ctx) if level is not None else None
        if place:  # 县级“一站式”…中心
            out.append(_org(m.start() - 2, end, place + text[m.start():end], "org", text[m.start():end],
                            text[m.start() - 2:end]))
        elif level is None:
            out.extend(_owned_room(text, owners, m.start(), end) or [_org(m.start(), end, text[m.start():end], "org")])
        else:
            out.append(_org(m.start(), end, text[m.start():end], "org"))
    return out


_ESTABLISH = re.compile(r"(?:挂牌成立|揭牌成立|成立|设立|组建|建立|建成|挂牌)了?"
                        r"(?:全国|全省|全市|全区|全县)?(?:首家|首个|第一家)?(?P<level>[\u4e00-\u9fff]{1,3}级)?")
_ESTABLISHED_CORES = ("协会", "中心", "调解室", "工作室", "服务团", "讲师团", "顾问团", "服务站", "工作站", "联盟",
                      "研究院", "智库", "委员会", "领导小组", "工作专班", "专班", "小组")
#: the cores by last character, each list in _ESTABLISHED_CORES order (the first one a name ends with wins)
_ESTABLISHED_BY_LAST = {c[-1]: tuple(d for d in _ESTABLISHED_CORES if d[-1] == c[-1]) for c in _ESTABLISHED_CORES}
#: how far the name of a set-up body runs after the verb: a group's (推进…建设领导小组), others'
_GROUP_RUN, _BODY_RUN = 24, 16
#: finds a core in the run after the verb: most runs have none
_ESTABLISHED_CORE_RE = re.compile("|".join(_ESTABLISHED_CORES))


#: a relative clause between a verb of setting up and the body's name (组建500余名律师参加的…服务团),
#: up to its last 的 before a clause mark
_RELATIVE_RUN = 40
_RELATIVE = re.compile(rf"[^，,。；;：:\n]{{2,{_RELATIVE_RUN}}}的")


#: a clause that sets up one body in each of several units: they are counted (10个乡镇、119个村),
#: or all of them do (全部, 均, 普遍, 分别)
_DISTRIBUTED = re.compile(r"[0-9０-９]+个|全部|均|普遍|分别|各自")


def _established_end(text: str, pos: int, token_starts: Collection[int] | None) -> int | None:
    """How long the name of a set-up body starting at `pos` is (up to an organ core that ends a
    word), else None."""
    j = _NAME_RUN.match(text, pos, min(len(text), pos + _GROUP_RUN)).end()
    run = text[pos:j]
    for k in range(len(run), 2, -1):
        core = next((c for c in _ESTABLISHED_BY_LAST.get(run[k - 1], ()) if run.endswith(c, 0, k)), None)
        if core and k > _BODY_RUN and core not in GROUP_CORES:
            continue  # only a group's name states a task at length
        if core and k - len(core) >= 2 and _boundary(text, pos + k, core, token_starts, pos) \
                and text[pos + k - 1:pos + k + 1] not in common_words():  # (服务团队: a team, no 服务团)
            return k
    return None


def _established(text: str, ctx: DocContext, places: Sequence[Candidate],
                 token_starts: Collection[int] | None) -> list[Candidate]:
    """A body the report says was set up (成立律师调解协会, 设立劳动争议调解中心): the name after
    the verb up to an organ core. Its place is the one the clause names before the verb (在柳溪县设立…),
    else the document's; several places (在云溪区、高新区设立…分中心) set up several bodies: none."""
    out = []
    named = sorted((p.start, p.name) for p in places if p.source != "selfref")
    named_starts = [a for a, _ in named]
    for m in _ESTABLISH.finditer(text):
        pos = m.end()
        if _ESTABLISHED_CORE_RE.search(text, pos, pos + _GROUP_RUN + _RELATIVE_RUN) is None:
            continue  # (the runs below lie in these characters)
        best = _established_end(text, pos, token_starts)
        if best is None:  # 组建…公证员参加的中小企业法律服务团: the name follows the relative clause
            rel = _RELATIVE.match(text, pos)
            if rel is None:
                continue
            pos = rel.end()
            best = _established_end(text, pos, token_starts)
            if best is None:
                continue
        run = text[pos:pos + best]
        clause = clause_start(text, m.start())
        if _DISTRIBUTED.search(text, clause, m.start()):
            continue  # 119个村全部建立人民调解委员会: each its own, a kind of body, not one
        lo = bisect.bisect_left(named_starts, clause)
        before = [name for _, name in named[lo:bisect.bisect_left(named_starts, m.start(), lo)]]
        if len(set(before)) > 1:
            continue
        home = before[0] if before else ctx.local
        level = m.group("level")
        if level and home and not before and level[-2] != home[-1]:
            continue  # 建成区级矛调中心 in a city's report: a district's, not the city's
        name = run[:best]
        core = next(c for c in _ESTABLISHED_BY_LAST[name[-1]] if name.endswith(c))
        if not _valid_stem(name[:-len(core)], core) or name[0] in "一二三四五六七八九十两多各":
            continue  # 成立三个中心, 成立工作领导小组 reads as counts and activities
        if COUNT_AFTER.match(text, pos + best):
            continue  # 建成公共法律服务中心（站、室）3200余个: a kind of body, counted
        inner = bisect.bisect_left(named_starts, pos)
        if name.startswith(("工作", "领导", "专项", "专门", "相关", "联合", "临时")) or name[0] in "省市县区镇乡村" \
                or (inner < len(named_starts) and named_starts[inner] < pos + best):
            continue  # generic bodies; place-prefixed ones are the place grammar's (not 推进法治乡村…)
        if home is None or name.startswith(("中国", "全国")):
            full = name
        elif _FIXED_MIDDLES.match(name):  # the party committee's commission: 市委全面依法治市委员会
            full = home + ("县委" if len(home) == 2 and home.endswith("县") else "委") + name
        else:
            full = home + name
        out.append(_org(pos, pos + best, full, "established", name))
    return out


_UNIVERSITY_RE = re.compile("大学")


#: a firm's office in a city, the city in brackets inside its name (北京大成（深圳）律师事务所)
_FIRM_OFFICE = re.compile(rf"[（(][{HAN}]{{2,4}}[）)](?:律师事务所|会计师事务所|司法鉴定所)")
_FIRM_STEM_MAX = 10


def _firm_offices(text: str, token_starts: Collection[int] | None, places_by_end: dict[int, Candidate]
                  ) -> list[Candidate]:
    """北京大成（深圳）律师事务所: the run of whole words before the bracketed city (up to ten
    characters, opening with no verb, holding no activity, function word or level character)
    and the firm's kind; a division's full name right before the run opens the firm's name
    (北京市盈科（南宁）律师事务所: firms registered in a municipality write it so)."""
    if token_starts is None:
        return []
    out = []
    for m in _FIRM_OFFICE.finditer(text):
        for a in range(max(0, m.start() - _FIRM_STEM_MAX), m.start() - 1):
            stem = text[a:m.start()]
            if a in token_starts and all(map(is_han, stem)) and not set(stem) & _NOT_IN_UNIVERSITY \
                    and stem[:2] not in verbs_and_adverbs() and _valid_middle(stem):
                place = places_by_end.get(a)
                if place is not None and text[a - 1] in "省市":  # (a division's full name: 北京市盈科)
                    a = place.start
                out.append(_org(a, m.end(), text[a:m.end()], "org"))
                break
    return out


def _universities(text: str, token_starts: Collection[int] | None) -> list[Candidate]:
    """Universities named without a place the gazetteer knows (华东政法大学, 西北工业大学): the
    longest run of whole words before 大学 that holds no activity word, function word or level
    character and is no dictionary word (老年大学 names a kind); not 大学生."""
    if token_starts is None:
        return []
    out = []
    for m in _UNIVERSITY_RE.finditer(text):
        e = m.end()
        if e < len(text) and is_han(text[e]) and e not in token_starts:
            continue  # 大学生, 大学城
        for s in range(max(0, m.start() - 8), m.start() - 1):
            stem = text[s:m.start()]
            if s not in token_starts or not all(map(is_han, stem)) or set(stem) & _NOT_IN_UNIVERSITY:
                continue
            if stem in common_words() or not _valid_middle(stem):
                continue
            out.append(_org(s, e, stem + "大学", "media"))
            break
    return out


#: what no university's own name holds: function words, determiners, levels
_NOT_IN_UNIVERSITY = _FUNCTION_BEFORE | ORG_BREAK_CHARS | set("各全本该我省市县区")


_MEDIA_RE = re.compile(r"日报|晚报|早报|都市报|法制报|商报|电视台|广播电视台|新闻网")


def _media(text: str, token_starts: Collection[int] | None) -> list[Candidate]:
    """Newspapers and stations without a place prefix the gazetteer knows: 江南日报, 海峡晚报."""
    out = []
    for m in _MEDIA_RE.finditer(text):
        s = m.start()
        while s > max(0, m.start() - 6) and is_han(text[s - 1]) and text[s - 1] not in _FUNCTION_BEFORE \
                and text[s - 1] not in ORG_BREAK_CHARS:
            s -= 1
        stem = text[s:m.start()]
        if len(stem) < 2 or not _word_start(text, s, token_starts) or not _valid_middle(stem):
            continue
        if any(c in _BARE_BLOCK_BEFORE for c in stem):
            continue
        out.append(_org(s, m.end(), text[s:m.end()], "media"))
    return out


_MEDIA_LIST = re.compile(r"((?:[\u4e00-\u9fff《》]{2,14}[、和及])+[\u4e00-\u9fff《》]{2,14})等(?:多家|[0-9]+家)?"
                         r"(?:中央|省级|市级|主流|新闻|网络)*媒体")
#: the characters a match of _MEDIA_LIST is made of: each match lies inside one run of them
_MEDIA_LIST_RUN = re.compile(r"[\u4e00-\u9fff《》、0-9]*")


def _media_list_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of _MEDIA_LIST.finditer(text), searched only in the runs of its characters
    that hold 媒体 (every match ends in it), not from every position of the text."""
    k = text.find("媒体")
    while k >= 0:
        a = k
        while a > 0 and _MEDIA_LIST_RUN.match(text, a - 1, a).end() == a:
            a -= 1
        b = _MEDIA_LIST_RUN.match(text, k).end()
        yield from _MEDIA_LIST.finditer(text, a, b)
        k = text.find("媒体", b)


_REPORTER_LINE = re.compile(r"^[ \t\u3000]*([\u4e00-\u9fff]{2,12}?)记者(?:[ \t\u3000]*$|[:：])", re.M)
_NOT_MEDIA = ("本", "主持", "全国", "各", "多家", "新闻")


def _reporter_lines(text: str) -> Iterator[re.Match[str]]:
    """The matches of _REPORTER_LINE.finditer(text), tried only on the lines that hold 记者
    (each match is one whole line), not at every position of the text."""
    k = text.find("记者")
    while k >= 0:
        a = text.rfind("\n", 0, k) + 1
        b = text.find("\n", k)
        if b < 0:
            b = len(text)
        m = _REPORTER_LINE.match(text, a, b)
        if m is not None:
            yield m
        k = text.find("记者", b)


#: a news dateline: the outlet, the city it files from, the date, 电 (新华网长沙3月2日电)
_DATELINE = re.compile(r"(?m)^[ \t\u3000]*([\u4e00-\u9fff]{1,8}?(?:网|社|日报|报|电视台|客户端))"
                       r"[\u4e00-\u9fff]{2,4}[0-9０-９]{1,2}月[0-9０-９]{1,2}日电")


def _media_lists(text: str) -> list[Candidate]:
    """Outlets named in a list that ends in 等媒体 (被云岭普法、《云州日报》等媒体报道), the
    outlet of a reporter's line in a press-conference transcript (东方古城网记者), and the outlet
    of a news dateline (新华网长沙3月2日电)."""
    out = []
    if "日电" in text:
        for m in _DATELINE.finditer(text):
            out.append(_outlet(m.start(1), m.end(1), m.group(1)))
    for m in _media_list_matches(text):
        pos = m.start(1)
        for n, item in enumerate(re.split("[、和及]", m.group(1))):
            start, pos = pos, pos + len(item) + 1
            if n == 0:  # the list opens after the verb phrase before it (…做法被云岭新闻联播、…)
                head = re.split(r"[被在经由的为与将把对从]", item)[-1]
                start, item = start + len(item) - len(head), head
            if "《" in item or "》" in item or item.startswith(_NOT_MEDIA) or not _valid_middle(item):
                continue  # titled outlets are the title rule's; 省政法委《政法视点》 is a programme
            out.append(_outlet(start, start + len(item), item))
    for m in _reporter_lines(text):
        name = m.group(1)
        if not name.startswith(_NOT_MEDIA) and _valid_middle(name):
            out.append(_outlet(m.start(1), m.end(1), name))
    return out
