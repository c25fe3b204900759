"""Organisations by grammar: place prefix + department stem + organ core.

The prefix is a place mention (full or short form), 中共 + place, or a bare level word
(省/市/区/县) that the document context resolves (市司法局 → 聊城市司法局). National bodies
come from a small lexicon of central organs, plus their sub-units (司法部 + …局).
"""
from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from ..lexicon import (CENTRAL_ORGANS, CENTRAL_SUBUNIT_SUFFIXES, LEVEL_PREFIX, ORG_BAD_MIDDLES,
                       ORG_BREAK_CHARS, ORG_CORES, ORG_STEM_CHARS_MAX)
from ..model import DocContext, EntityType
from .candidates import Candidate
from .text import is_han

_CENTRAL_RE = re.compile("|".join(sorted(map(re.escape, CENTRAL_ORGANS), key=len, reverse=True)))
#: words that end a name when they follow a complete organ (its internal bodies and staff)
_INTERNAL = ("党委", "党组", "领导", "机关", "系统", "干部", "全体", "工作", "主要", "负责",
             "班子", "成员", "人员", "各", "牵头", "联合", "会同", "召开", "组织", "印发")
#: the characters before a bare 市/区/县/省 that make it part of another word
_BARE_BLOCK_BEFORE = set("全我本各该城都超两三四五六七八九十一地州盟乡镇街道县区市省")
_GOV_CORES = ("人民政府", "政府", "委", "局", "厅", "办", "办公室", "委员会", "法院", "检察院",
              "人民法院", "人民检察院", "中级人民法院", "人大常委会", "政协")

SUBTYPES: tuple[tuple[str, str], ...] = (
    ("人民法院", "Court"), ("法院", "Court"), ("人民检察院", "Procuratorate"), ("检察院", "Procuratorate"),
    ("人民政府办公室", "GovernmentDepartment"), ("政府办公室", "GovernmentDepartment"),
    ("人民政府", "GovernmentBody"), ("政府", "GovernmentBody"),
    ("人大常委会", "Legislature"), ("人民代表大会常务委员会", "Legislature"), ("人大", "Legislature"),
    ("司法所", "JudicialOffice"), ("调解委员会", "MediationCommittee"), ("调委会", "MediationCommittee"),
    ("律师协会", "LegalServiceOrganization"), ("公证处", "LegalServiceOrganization"),
    ("法律服务中心", "LegalServiceOrganization"), ("法律服务所", "LegalServiceOrganization"),
    ("律师事务所", "LegalServiceOrganization"), ("法律援助中心", "LegalServiceOrganization"),
    ("日报", "MediaOrganization"), ("晚报", "MediaOrganization"), ("电视台", "MediaOrganization"),
    ("广播", "MediaOrganization"), ("传媒中心", "MediaOrganization"), ("报社", "MediaOrganization"),
    ("新华社", "MediaOrganization"), ("大学", "AcademicInstitution"), ("学院", "AcademicInstitution"),
    ("宣传部", "PartyOrgan"), ("政法委", "PartyOrgan"), ("依法治市办", "PartyOrgan"),
    ("依法治区办", "PartyOrgan"), ("依法治县办", "PartyOrgan"), ("依法治省办", "PartyOrgan"),
    ("依法治国办", "PartyOrgan"), ("组织部", "PartyOrgan"), ("编办", "PartyOrgan"),
    ("政研室", "PartyOrgan"), ("纪委", "PartyOrgan"), ("委", "PartyOrgan"),
    ("局", "GovernmentDepartment"), ("厅", "GovernmentDepartment"), ("部", "GovernmentDepartment"),
    ("办", "GovernmentDepartment"), ("委员会", "GovernmentDepartment"),
)
#: cores that may follow a place directly, with no department stem (聊城市委, 济宁日报)
_EMPTY_OK = frozenset({"委", "政府", "人民政府", "人大常委会", "政协", "人民法院", "中级人民法院",
                       "人民检察院", "法院", "检察院", "监狱", "总工会", "妇联", "团委", "工商联",
                       "日报", "晚报", "电视台", "广播电视台", "人民政府办公室", "政府办公室"})
#: media cores that may follow a place prefix directly (济宁日报, 聊城经济广播)
MEDIA_CORES = ("广播电视台", "电视台", "日报", "晚报", "广播", "新闻传媒中心", "传媒中心", "报社")


def org_subtype(name: str) -> str | None:
    for suffix, sub in SUBTYPES:
        if name.endswith(suffix):
            return sub
    return None


def canonical_org(name: str) -> str:
    """Normalise variant spellings of one organ: X市政府 → X市人民政府, 中共X委 → X委."""
    if name.startswith("中共") and len(name) > 4:
        name = name[2:]
    name = re.sub(r"(?<=[市县区省旗州])政府(?=办公室|$)", "人民政府", name)
    return name


def _valid_middle(mid: str) -> bool:
    if any(ch.isdigit() for ch in mid):
        return False
    return not any(w in mid for w in ORG_BAD_MIDDLES)


def _extend(text: str, pos: int, allow_empty: bool = True) -> int | None:
    """End of the longest organ name starting with a stem at `pos`, or None."""
    n = len(text)
    limit = min(n, pos + ORG_STEM_CHARS_MAX + 6)
    j = pos
    while j < limit and text[j] not in ORG_BREAK_CHARS and is_han(text[j]):
        j += 1
    window = text[pos:j]
    best: int | None = None
    first_core_end: int | None = None
    for k in range(1, len(window) + 1):
        seg = window[:k]
        core = next((c for c in ORG_CORES if seg.endswith(c)), None)
        if core is None:
            continue
        mid = seg[: len(seg) - len(core)]
        if not mid and (not allow_empty or core not in _EMPTY_OK):
            continue
        if len(mid) > ORG_STEM_CHARS_MAX or not _valid_middle(mid):
            continue
        if first_core_end is not None:
            rest = window[first_core_end:k]
            if rest.startswith(_INTERNAL):
                break
        if first_core_end is None:
            first_core_end = k
        best = pos + k
    return best


def _context_place(level: str, ctx: DocContext) -> str | None:
    if level == "province":
        return ctx.province
    if level == "city":
        return ctx.city
    return ctx.county


def match_orgs(text: str, ctx: DocContext, places: Sequence[Candidate],
               token_starts: Collection[int] | None = None) -> list[Candidate]:
    out: list[Candidate] = []
    # national bodies, with sub-units (司法部社区矫正管理局)
    for m in _CENTRAL_RE.finditer(text):
        end = m.end()
        j = end
        while j < min(len(text), end + 12) and is_han(text[j]) and text[j] not in ORG_BREAK_CHARS:
            j += 1
        tail = text[end:j]
        for k in range(len(tail), 1, -1):
            seg = tail[:k]
            if seg.endswith(CENTRAL_SUBUNIT_SUFFIXES) and _valid_middle(seg):
                end = m.end() + k
                break
        name = text[m.start():end]
        out.append(Candidate(m.start(), end, EntityType.ORGANIZATION, name, "central",
                             org_subtype(name)))
    # place prefix + stem + core
    for p in places:
        start = p.start
        if start >= 2 and text[start - 2:start] == "中共":
            start -= 2
        end = _extend(text, p.end)
        if end is None:
            continue
        surface = text[start:end]
        stem = text[p.end:end]
        full = p.name + stem if any(stem.endswith(c) for c in _GOV_CORES) else text[p.start:end]
        if not any(stem.endswith(c) for c in _GOV_CORES) and not stem.endswith(MEDIA_CORES):
            # non-governmental bodies keep the text's own spelling
            full = text[p.start:end]
        name = canonical_org(full)
        aliases = tuple(a for a in {surface, text[p.start:end]} if a != name)
        out.append(Candidate(start, end, EntityType.ORGANIZATION, name, "org", org_subtype(name),
                             aliases=aliases))
    # bare level prefix resolved by context: 市司法局, 区委政法委, 省司法厅
    for i, ch in enumerate(text):
        level = LEVEL_PREFIX.get(ch)
        if level is None:
            continue
        if i > 0 and (text[i - 1] in _BARE_BLOCK_BEFORE or (is_han(text[i - 1]) and token_starts is not None
                                                              and i not in token_starts)):
            continue
        place = _context_place(level, ctx)
        if not place:
            continue
        end = _extend(text, i + 1)
        if end is None:
            continue
        stem = text[i + 1:end]
        if not stem:
            continue
        start = i - 2 if i >= 2 and text[i - 2:i] == "中共" else i
        name = canonical_org(place + stem)
        out.append(Candidate(start, end, EntityType.ORGANIZATION, name, "org", org_subtype(name),
                             aliases=(text[start:end],)))
    return out
