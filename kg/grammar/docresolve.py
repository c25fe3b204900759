"""Within-document resolution: the mentions of one document that name one entity.

- A short form that a longer mention lists as its alias is that entity (溪治汇 → “溪治汇”基层治理品牌).
- Programs sharing their quoted core are one program (“1+3”模式, “1+3”多元纠纷化解模式, “1+3”):
  the document uses the variants for the same brand; the most telling form names it.
- A bureau's short name without its generic word (退役军人局) is the bureau the document names in
  full (退役军人事务局).
"""
from __future__ import annotations

import bisect
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from itertools import compress, repeat

from ..lexicon import AWARD_SUFFIXES
from ..model import EntityType, norm_label
from .candidates import NESTED, Candidate
from .memo import memo
from .text import CLOSING_QUOTES

#: a document's candidates repeat their labels: normalise each label once
_norm = memo(65536)(norm_label)

#: attribute getters that build a candidate's keys without a Python-level call per candidate
_ETYPE = operator.attrgetter("etype")
_KEY = operator.attrgetter("etype", "name")
_LABELS = operator.attrgetter("etype", "name", "aliases")

_QUOTED = re.compile(r"[“「『‘\"]([^”」』’\"]+)[”」』’\"]")


def _rename(c: Candidate, name: str, more: set[str]) -> Candidate:
    aliases = (set(c.aliases) | more | {c.name}) - {name}
    return _renamed(c, name, tuple(sorted(aliases)))


def _renamed(c: Candidate, name: str, aliases: tuple[str, ...]) -> Candidate:
    """`c` under `name`, with `aliases` (sorted, without `name`) as its labels."""
    return Candidate(c.start, c.end, c.etype, name, c.source, c.subtype, c.props, aliases)


@memo(65536)  # a document repeats its program names
def quoted_core(name: str) -> str | None:
    """The last quoted segment of a program name (“两代表…”“1+3”模式 → 1+3)."""
    found = _QUOTED.findall(name)
    return _norm(found[-1]) if found else None


def _program_positions(cands: list[Candidate]) -> list[int]:
    """Where the programs are in `cands` (renaming keeps them there: both clusterings share it)."""
    is_program = map(operator.eq, map(_ETYPE, cands), repeat(EntityType.PROGRAM))
    return list(compress(range(len(cands)), is_program))


def _cluster(cands: list[Candidate], programs: list[int], key: Callable[[str], object | None],
             best: Callable[[list[Candidate]], str]) -> list[Candidate]:
    """Programs (at `programs`) whose names share a non-None `key` are one program, named by
    `best(members)`; each member keeps every label of the group."""
    groups: dict[object, list[int]] = defaultdict(list)  # positions in cands: only those are renamed
    for i in programs:
        k = key(cands[i].name)
        if k is not None:
            groups[k].append(i)
    out = list(cands)
    for positions in groups.values():
        members = [cands[i] for i in positions]
        if len({m.name for m in members}) < 2:
            continue
        name = best(members)
        labels = {lab for m in members for lab in (m.name, *m.aliases)}
        # what _rename(m, name, labels) gives each member, as the group's labels hold its own
        aliases = tuple(sorted(labels - {name}))
        for i in positions:
            out[i] = _renamed(cands[i], name, aliases)
    return out


def _most_telling(members: list[Candidate]) -> str:
    """A form with a head noun beats the bare quote; then frequency; then length; then text order."""
    names = Counter(m.name for m in members)
    return sorted(names, key=lambda n: (quoted_core(n) == _norm(n), -names[n], -len(n), n))[0]


def cluster_programs(cands: list[Candidate]) -> list[Candidate]:
    return _cluster(cands, _program_positions(cands), quoted_core, _most_telling)


#: a coined count opening a name: 两省三县(跨省联调机制), 一站一色
COINED_PREFIX = re.compile(r"^[一二三四五六七八九十两]+[\u4e00-\u9fff][一二三四五六七八九十两]+[\u4e00-\u9fff]")
_FAMILY_HEADS = ("机制", "模式", "制度", "体系")


@memo(65536)  # a document repeats its program names
def coined_family(name: str) -> tuple[str, str] | None:
    """(coined prefix, head) of an unquoted mechanism name, the key its variants share."""
    m = COINED_PREFIX.match(_norm(name))
    head = next((h for h in _FAMILY_HEADS if name.endswith(h)), None)
    return (m.group(0), head) if m and head else None


def cluster_coined(cands: list[Candidate]) -> list[Candidate]:
    """两省三县跨省联调机制, 两省三县联调机制, 两省三县跨区域矛盾纠纷化解机制: a report names the
    mechanism its coined count opens in several ways; the first form in the text names it."""
    return _cluster(cands, _program_positions(cands), coined_family, _first_form)


def _first_form(members: list[Candidate]) -> str:
    """The form that comes first in the text (the longer at one start)."""
    return min(members, key=lambda m: (m.start, -len(m.name))).name


def unify_aliases(cands: list[Candidate]) -> list[Candidate]:
    longer: defaultdict[tuple[EntityType, str], set[str]] = defaultdict(set)
    name_keys: dict[tuple[EntityType, str], tuple[EntityType, str]] = {}  # (etype, name) → its key in longer
    for etype, name, aliases in dict.fromkeys(map(_LABELS, cands)):  # a document repeats its mentions
        name_keys[(etype, name)] = key = (etype, _norm(name))
        longer[key].add(name)
        for a in aliases:
            longer[(etype, _norm(a))].add(name)
    # the owner depends only on (etype, name): decide it once per distinct name
    owner_of: dict[tuple[EntityType, str], str] = {}
    for (etype, name), key in name_keys.items():
        owners = longer[key]  # holds name itself
        if len(owners) < 2:
            continue
        length = len(key[1])
        owners = {o for o in owners if o != name and len(_norm(o)) > length}
        if len(owners) == 1:
            owner_of[(etype, name)] = owners.pop()
    out = list(cands)
    if owner_of:
        owners = list(map(owner_of.get, map(_KEY, cands)))
        for i in compress(range(len(cands)), map(operator.is_not, owners, repeat(None))):
            out[i] = _rename(cands[i], owners[i], set())
    return out


#: how a body's short name shortens its core: a bureau drops the generic word before 局
#: (退役军人事务局 → 退役军人局, 大数据管理局 → 大数据局), an office says 办 (新闻办公室 → 新闻办)
_SHORTENED_CORES = (("事务局", "局"), ("管理局", "局"), ("办公室", "办"))


def _bureau_short_forms(cands: list[Candidate]) -> dict[str, str]:
    """Each body's short name (its core shortened) that the document also uses, mapped to the
    full name: the two name one body."""
    names = {c.name for c in cands if c.etype == EntityType.ORGANIZATION}
    out: dict[str, str] = {}
    for full in sorted(names):
        for core, short_core in _SHORTENED_CORES:
            if full.endswith(core) and len(full) > len(core) + 2:
                short = full[:-len(core)] + short_core
                if short in names:
                    out.setdefault(short, full)
    return out


def unify_bureau_short_forms(cands: list[Candidate]) -> list[Candidate]:
    """聊城市退役军人局 in a table's issuer column is the 聊城市退役军人事务局 of the titles;
    市政府新闻办 the 市政府新闻办公室 the document names before."""
    renames = _bureau_short_forms(cands)
    if not renames:
        return cands
    return [_rename(c, renames[c.name], set()) if c.etype == EntityType.ORGANIZATION and c.name in renames
            else c for c in cands]


#: a year or a batch opening an honour's name (2023年度全市法治建设先进集体, 第三批全国法治政府建设示范
#:地区): the edition of it
_YEAR_EDITION = re.compile(r"^(?:(\d{4})年度?|第[一二三四五六七八九十\d]{1,3}[批届])")


def unify_award_editions(cands: list[Candidate]) -> list[Candidate]:
    """授予…“全市法治建设先进集体”称号 and its list's heading 2023年度全市法治建设先进集体 (大理市获评全国
    法治政府建设示范地区, a heading, and 被命名为第三批全国法治政府建设示范地区): one honour, named with its
    edition, where the document names it with one edition only."""
    years: dict[str, set[str]] = defaultdict(set)  # the honour without its year → the years
    named: dict[str, str] = {}  # the honour without its year → its name with the year
    for c in cands:
        if c.etype == EntityType.AWARD and (m := _YEAR_EDITION.match(c.name)) is not None:
            core = _norm(c.name[m.end():])
            years[core].add(m.group(1) or m.group())
            named.setdefault(core, c.name)
    if not years:
        return cands
    out = []
    for c in cands:
        core = _norm(c.name) if c.etype == EntityType.AWARD and not _YEAR_EDITION.match(c.name) else None
        if core is not None and len(years.get(core, ())) == 1:
            c = _rename(c, named[core], set())
        out.append(c)
    return out


#: what closes a quoted honour's name after its kind (第三批“全国法治政府建设示范市”)
_CLOSERS = CLOSING_QUOTES + '"'


def unify_bare_award_kinds(cands: list[Candidate]) -> list[Candidate]:
    """2.“…”项目获评示范项目 (a heading) and …被命名为全国法治政府建设示范项目: an honour named by its
    kind alone is the document's one honour of that kind, where it names exactly one."""
    kinds = {c.name for c in cands if c.etype == EntityType.AWARD and c.name in AWARD_SUFFIXES}
    if not kinds:
        return cands
    named: dict[str, set[str]] = defaultdict(set)  # a kind → the honours of it the document names
    for c in cands:
        if c.etype == EntityType.AWARD and c.name not in kinds:
            for kind in kinds:
                if c.name.rstrip(_CLOSERS).endswith(kind):
                    named[kind].add(c.name)
    return [_rename(c, next(iter(named[c.name])), set())
            if c.etype == EntityType.AWARD and len(named.get(c.name, ())) == 1 else c for c in cands]


def resolve_document(cands: list[Candidate]) -> list[Candidate]:
    """cluster_programs, then cluster_coined, then unify_aliases, then unify_bureau_short_forms,
    unify_award_editions and unify_bare_award_kinds."""
    programs = _program_positions(cands)
    clustered = _cluster(_cluster(cands, programs, quoted_core, _most_telling), programs, coined_family, _first_form)
    return unify_bare_award_kinds(unify_award_editions(unify_bureau_short_forms(unify_aliases(clustered))))


#: what follows 简称 before the short form
_DECLARED_TAIL = re.compile(r"[:：为]?\s*")


def _declarations(text: str) -> list[tuple[int, int]]:
    """(bracket, after the word) of each （以下简称 / （简称 / （以下称: found by str.find,
    ~20× faster over a report than a regex whose first character is one of several."""
    out = []
    for word in ("简称", "以下称"):
        pos = text.find(word)
        while pos >= 0:
            open_at = pos - 2 if word == "简称" and text.startswith("以下", pos - 2) else pos
            if open_at > 0 and text[open_at - 1] in "（(":
                out.append((open_at - 1, pos + len(word)))
            pos = text.find(word, pos + 1)
    return sorted(out)


def declared_aliases(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Mentions of a declared short form under the full name declared before it.

    In X（以下简称Y）the mention Y inside the brackets and every other mention named as Y
    are the entity X (Y becomes one of X's labels). Only a Y the grammar found as a mention
    of X's type counts: a generic short form (《条例》, 该中心) is no mention and so no alias."""
    found = _declarations(text)
    if not found:
        return cands
    by_end = {c.end: c for c in cands if c.source != NESTED}
    starts = sorted((c.start, i) for i, c in enumerate(cands) if c.source != NESTED)
    start_keys = [s for s, _ in starts]
    renames: dict[tuple[EntityType, str], str] = {}
    for bracket, word_end in found:
        full = by_end.get(bracket)  # the name right before the bracket
        if full is None:
            continue
        after = _DECLARED_TAIL.match(text, word_end).end()
        close = min((p for p in (text.find("）", after, after + 24), text.find(")", after, after + 24))
                     if p >= 0), default=-1)
        if close < 0:
            continue
        lo, hi = bisect.bisect_left(start_keys, after), bisect.bisect_left(start_keys, close)
        short = next((cands[i] for _, i in starts[lo:hi] if cands[i].end <= close
                      and cands[i].etype == full.etype and cands[i].name != full.name), None)
        if short is not None:
            renames.setdefault((short.etype, short.name), full.name)
    if not renames:
        return cands
    return [_rename(c, renames[(c.etype, c.name)], set()) if (c.etype, c.name) in renames else c
            for c in cands]
