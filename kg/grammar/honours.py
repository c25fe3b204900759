"""Honours by their names: whether what follows an award cue names an honour (a scope and a mark
of distinction, an honour's ending, a prize, a quoted title, a model unit, a scoped designation
after a cue of selection, a candidacy), and the 、-joined honours of a segment.

A name alone decides here; which cue stands before it and who received it is kg.grammar.awards'.
"""
from __future__ import annotations

import re

from ..gazetteer import Level, gazetteer
from ..lexicon import (AWARD_SUFFIXES, AWARD_TRAILERS, CENTRAL_ORGANS, DESIGNATION_NOUNS, LEVEL_PREFIX,
                       PERSON_HONOUR_ENDS, PREFECTURE_LEVEL_WORDS, RATED_BODY_KINDS)
from ..model import EntityType
from .candidates import Candidate
from .text import CLOSING_QUOTES, trie_pattern

#: where a run of honours after a cue ends
_END_RE = re.compile(r"[，,。；;：:！!？?\n]|的|等(?:荣誉)?称号|等荣誉|等奖项|等(?=[，,。；;])|等$")
_TRAILING = re.compile(f"(?:等)?(?:{trie_pattern(AWARD_TRAILERS)})$|等$")
_ONE_OF = re.compile(r"之一$")
_QUOTES = re.compile(r"[“”]")
_BRACKETED_END = re.compile(r"[(（][^()（）]*[)）]$")
_QUOTED = re.compile(r"“([^”]+)”")
_COUNTED = re.compile(r"(?<=[^\d第])\d+个")
_TALLY = re.compile(r"(?<=[^\d第])[\d一二两三四五六七八九十]+(?:项|个|次|件|人次|名)$")
#: a model unit of some level: 示范 + the kind of unit shown as a model (示范乡镇街道, 示范市县)
_MODEL_UNIT = re.compile(r"示范(?:市县|地区|街道|社区|单位|项目|基地|园区|乡镇|机关|窗口|学校|企业|中心|司法所|法庭|调解室"
                         r"|工作室|[市县区乡镇村点所站岗])+$")
#: a mark of distinction and who bears it (表现突出个人, 优秀集体, 先进基层党组织, …创建先进县)
_DISTINGUISHED = re.compile(r"(?:先进|突出|优秀|模范)(?:基层)?(?:单位|集体|个人|工作者|组织|党组织|党支部|家庭"
                            r"|[省市县区旗乡镇村])$")
#: an edition (第六届, 第九批, 首批) or a scope (全省, 2023年度全市, 国家级) opening a name
_EDITION = r"(?:第[一二三四五六七八九十百\d]{1,3}[届批期]|首批|首届)"
_SCOPE_WORD = r"(?:全国|全省|全市|全区|全州|全盟|全县|省级|市级|县级|国家级)"
_SCOPED = re.compile(rf"(?:\d{{4}}年度?)?(?:{_EDITION}{_SCOPE_WORD}?|{_SCOPE_WORD})")
#: a scope and a mark of distinction (全国模范司法所长, 全区优秀县长: 全区 an autonomous region's or a
#: district's scope, as 全州, 全盟, 全县 are theirs)
_SCOPE_HONOUR = re.compile(rf"(?:第.{{1,3}}[届批])?{_SCOPE_WORD}\S{{0,8}}(?:模范|优秀|先进|标兵|十佳|最美)")
#: a level's own word and a mark of distinction (被评为省模范人民调解委员会, 自治区优秀司法所): the level
#: of the body that confers it, as 全省 would say, when a kind of holder closes it (_LEVEL_HOLDERS:
#: 省先进制造业专项资金, 市优秀传统文化 are no honours)
_LEVEL_WORD = f"(?:自治区|自治州|[{''.join(sorted({*LEVEL_PREFIX, *PREFECTURE_LEVEL_WORDS}))}])级?"
_LEVEL_HONOUR = re.compile(rf"(?:第.{{1,3}}[届批])?{_LEVEL_WORD}(?:模范|优秀|先进|标兵|十佳|最美)")
_LEVEL_HOLDERS = (*RATED_BODY_KINDS, *PERSON_HONOUR_ENDS, "集体", "单位")
#: a scope and a mark alone (获评全国优秀): the mark qualifies nothing named, so no honour is
_BARE_MARK = re.compile(rf"(?:{_SCOPED.pattern}|{_LEVEL_WORD})(?:模范|优秀|先进|十佳|最美)")
#: what makes a thing created (创建…) an honour: a scope or the mark of a model
_CREATED_HONOUR = re.compile(r"全国|全省|全市|全区|全县|省级|市级|县级|国家|示范|模范|文明|先进|标准化|规范化")


def created_honour(name: str) -> bool:
    """Whether a thing created (创建…) is an honour: with a scope or a model's mark (创建全国文明城市),
    not a brand or a room built (创建了“X”品牌)."""
    return _CREATED_HONOUR.search(name) is not None


#: what a list of the sanctioned is named by (黑名单, 失信名单, 经营异常名录)
_UNWANTED_LISTS = ("黑", "白", "黑白", "红黑", "失信", "异常", "违法", "违规")


def listed_designation(name: str) -> bool:
    """Whether the name of a published list (公布了…名单) names an honour: one by its name, or a
    designation given in batches (第三批…) or by a quoted name."""
    if name.rstrip("“”").endswith(_UNWANTED_LISTS) or name.count("“") != name.count("”"):
        return False  # 黑名单, 失信名单: lists of the sanctioned; “黑白名单”: a quote the list word closes
    return is_honour(name, select=True) or bool(_SCOPED.match(name) and re.match(_EDITION, name)) or "“" in name


#: the scopes that open a second honour after 和 (…先进集体和全省…)
_SCOPES_AFTER_AND = ("全国", "全省", "全市", "省级", "国家级", "市级")


def split_items(segment: str) -> list[str]:
    """Split coordinated honours at 、 (or 和 before a new scope, or after a quoted title or a
    prize: “法治政府奖”和提名奖; or between two quoted titles written one after the other:
    “A”“B”等称号), not inside () or quotes."""
    if "、" not in segment and "和" not in segment and "”“" not in segment:
        return [segment]  # nothing to split at
    parts, depth, cur = [], 0, ""
    for i, ch in enumerate(segment):
        if ch == "“" and depth == 0 and i > 0 and segment[i - 1] == "”" and cur:
            parts.append(cur)  # “A”“B”: the second quote opens a second honour
            cur = ""
        if ch in "(（“":
            depth += 1
        elif ch in ")）”" and depth:
            depth -= 1
        if depth == 0 and (ch == "、" or (ch == "和" and (segment.startswith(_SCOPES_AFTER_AND, i + 1)
                                                       or (i > 0 and segment[i - 1] in "”奖")))):
            parts.append(cur)
            cur = ""
            continue
        cur += ch
    parts.append(cur)
    return parts


#: a prize's rank alone (全国一等奖): the contest it ranks in is not named, so no honour is
_BARE_RANK = re.compile(rf"(?:\d{{4}}年度?)?{_EDITION}?{_SCOPE_WORD}?(?:[一二三特]等奖|金奖|银奖|铜奖|优秀奖)")
#: a candidacy for an honour (…候选单位, 全国文明城市提名城市; not 提名奖): a nomination
_CANDIDACY = re.compile(r"(?:候选|提名)(?:单位|城市|地区|对象|人)?$")


#: a grade a kind of body is rated at (规范化, 标准化, 五星级, 金牌): with a scope, an honour
_GRADE = re.compile("规范化|标准化|星级|金牌")
#: a quoted rating right before the kind of body it rates (“金牌”调解室, “枫桥式”人民调解委员会)
_RATED_BODY = re.compile(f"”(?:人民)?(?:{trie_pattern(RATED_BODY_KINDS)})$")


#: the endings of honours that say only their kind (示范县, 先进集体)
_BARE_KINDS = frozenset(AWARD_SUFFIXES)


#: a national organ opening an honour's name before its scope or its quoted name, perhaps with the
#: edition between (民政部全国社区治理典型案例, 应急管理部“全国应急管理执法示范单位”, 农业农村部第三批全国
#: 乡村治理典型案例): the organ confers the honour (kg.grammar.awards takes it as the conferrer)
ORGAN_OPENING = re.compile(f"(?:{trie_pattern(CENTRAL_ORGANS)})(?=(?:{_EDITION})?(?:全国|“))")
#: a division's name and a quoted name after it (北京市“优秀社区治理案例”)
_PLACE_QUOTED = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,10})“[^“”]{2,30}”")


def is_candidacy(name: str) -> bool:
    """Whether the name is of a candidacy (…候选, …提名城市): put forward, not given."""
    return _CANDIDACY.search(name) is not None


def is_honour(title: str, select: bool = False) -> bool:
    """Whether a name after a cue is an honour: quoted whole, a scope and a mark of distinction,
    an honour's ending, a prize (not a rank alone); a scoped name closing on a quoted one
    (全省…县乡“最佳实践”); after a cue of selection (`select`), a scoped designation (入选全省…
    揭榜挂帅项目); a candidacy for one of those (…示范县候选, …提名城市)."""
    if not 3 <= len(title) <= 40 or _BARE_RANK.fullmatch(title) or _BARE_MARK.fullmatch(title):
        return False
    candidacy = _CANDIDACY.search(title)
    if candidacy is not None:
        inner = title[:candidacy.start()]
        return is_honour(inner, select) or _SCOPED.match(inner) is not None
    if title.startswith("“") and title.endswith("”"):
        return True  # a quoted title after an award cue
    organ = ORGAN_OPENING.match(title)
    if organ is not None and title.startswith("“", organ.end()):
        return is_honour(title[organ.end():], select)  # 获评民政部“全国先进社会组织”: the organ's honour
    core = _BRACKETED_END.sub("", _QUOTES.sub("", title))
    if _SCOPE_HONOUR.match(core) or (_LEVEL_HONOUR.match(core) and core.endswith(_LEVEL_HOLDERS)):
        return True  # 全国模范司法所长, 全省优秀律师, 省模范人民调解委员会: a scope and a mark of distinction
    if core.endswith(AWARD_SUFFIXES) or _MODEL_UNIT.search(core) or _DISTINGUISHED.search(core):
        return True
    if title.rstrip(CLOSING_QUOTES + "\"").endswith(AWARD_SUFFIXES) or "奖" in title[-4:]:
        return True
    scoped = _SCOPED.match(title) is not None
    if scoped and title.endswith("”"):
        return True  # 2023年度全市综合考核“第一等次”
    placed = _PLACE_QUOTED.fullmatch(title)
    if placed and gazetteer().lookup(placed.group("place"), shorts=False):
        return True  # 获评北京市“优秀社区治理案例”: a quoted honour a division confers
    if scoped and core.endswith(RATED_BODY_KINDS) and _GRADE.search(core):
        return True  # 被认定为省级规范化人民调解委员会: a scoped grade of a kind of body, after any cue
    if select and _RATED_BODY.search(title):
        return True  # 获评…“五星级”调解室: a quoted rating of a kind of body
    if select and not scoped and core.endswith(_DESIGNATED_UNITS + RATED_BODY_KINDS) and _division_scope(core):
        return True  # 获评浙江省民主法治村: a province or prefecture scopes it as 全省 does
    return select and scoped and core.endswith(DESIGNATION_NOUNS + RATED_BODY_KINDS) and "试点" not in core


#: the designation nouns naming a place or a unit (浙江省民主法治村), not a case or project
#: (《…案》入选某市指导案例 names a case selected, which is no recipient of an honour)
_DESIGNATED_UNITS = tuple(n for n in DESIGNATION_NOUNS if n in ("单位", "地区", "城市", "基地", "街道", "乡镇", "村", "社区"))


#: how long a province's or prefecture's full name may be (内蒙古自治区, 黔东南苗族侗族自治州)
_DIVISION_NAME_MAX = 12


def _division_scope(title: str) -> bool:
    """Whether a province or a prefecture named in full, or a province by its short name, opens
    the title as its scope (获评浙江省民主法治村, 获评广西金牌调解室: the province confers it, as 全省
    would say)."""
    gz = gazetteer()
    return any(d.level is not Level.COUNTY for n in range(3, min(len(title) - 2, _DIVISION_NAME_MAX) + 1)
               for d in gz.lookup(title[:n], shorts=False)) \
        or any(d.level is Level.PROVINCE for n in (2, 3) for d in gz.lookup(title[:n]) if len(title) > n + 2)



def honour_parts(text: str, seg_start: int, seg_end: int, select: bool) -> list[Candidate | None]:
    """Each 、-joined part of the segment: its honour, or None where the part names none."""
    out: list[Candidate | None] = []
    pos = seg_start
    for part in split_items(text[seg_start:seg_end]):
        s = pos + (len(part) - len(part.lstrip()))
        title = _TRAILING.sub("", part.strip())
        pos += len(part) + 1
        if title.startswith(("了", "的")):
            title = title[1:]
            s += 1
        # 一等奖1项: the count of prizes is no part of the name
        tally = _TALLY.search(title)
        if tally is not None:
            title = title[:tally.start()]
        span = len(title)
        # 全国“八五”普法4个普法示范点之一: one of the four is the title itself
        name = _COUNTED.sub("", _ONE_OF.sub("", title))
        if not is_honour(name, select) or (name in _BARE_KINDS and part.rstrip().endswith("名单")):
            # 入选示范县名单: the list of the honour named before, not an honour of its own
            out.append(None)
            continue
        aliases: tuple[str, ...] = (title,) if name != title else ()
        q = _QUOTED.search(name)
        if q and q.group(0) != name and is_honour(q.group(1)):
            aliases += (q.group(0),)  # 第九批“全国民主法治示范村”: the honour's own name (not “八五”)
        out.append(Candidate(s, s + span, EntityType.AWARD, name, "award", None, aliases=aliases))
    return out


def honour_items(text: str, seg_start: int, seg_end: int, select: bool = False) -> list[Candidate]:
    """The honours of the segment (its parts that name one)."""
    return [c for c in honour_parts(text, seg_start, seg_end, select) if c is not None]


def segment_end(text: str, start: int) -> int:
    """Where the honours named from `start` end: a clause mark, 的, 等…称号, or 160 characters;
    never inside a quoted title (“…人民满意的公务员集体”)."""
    limit = min(len(text), start + 160)
    pos = start
    while (end_m := _END_RE.search(text, pos, limit)) is not None:
        opened = text.count("“", start, end_m.start()) - text.count("”", start, end_m.start())
        if opened <= 0 or text[end_m.start()] in "\n。；;":
            return end_m.start()
        pos = end_m.end()
    return limit


#: the short endings an honour shares with ordinary nouns (城市, 单位, 集体…)
_COMMON_ENDINGS = tuple(x for x in AWARD_SUFFIXES if len(x) == 2)
_DISTINCT_ENDINGS = tuple(x for x in AWARD_SUFFIXES if len(x) > 2)


def named_clearly(name: str) -> bool:
    """A name that is an honour on its own, not by a cue before it (a list going on past a comma
    takes only those): a distinctive ending (先进单位, 示范乡镇, 奖) or quotes; not an ending that
    ordinary nouns share (，某县入围全国文明城市 names a city)."""
    core = _BRACKETED_END.sub("", _QUOTES.sub("", name))
    return (name.endswith("”") or _MODEL_UNIT.search(core) is not None or core.endswith(_DISTINCT_ENDINGS)
            or not core.endswith(_COMMON_ENDINGS))
