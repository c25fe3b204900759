"""Within-document resolution: the mentions of one document that name one entity.

- A short form that a longer mention lists as its alias is that entity (聊治汇 → “聊治汇”基层治理品牌).
- Programs sharing their quoted core are one program (“1+3”模式, “1+3”多元纠纷化解模式, “1+3”):
  the document uses the variants for the same brand; the most telling form names it.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable

from ..model import EntityType, norm_label
from .candidates import Candidate

#: a document's candidates repeat their labels: normalise each label once
_norm = functools.lru_cache(maxsize=65536)(norm_label)

_QUOTED = re.compile(r"[“「『‘\"]([^”」』’\"]+)[”」』’\"]")


def _rename(c: Candidate, name: str, more: set[str]) -> Candidate:
    aliases = (set(c.aliases) | more | {c.name}) - {name}
    return Candidate(c.start, c.end, c.etype, name, c.source, c.subtype, c.props, tuple(sorted(aliases)))


def quoted_core(name: str) -> str | None:
    """The last quoted segment of a program name (“两代表…”“1+3”模式 → 1+3)."""
    found = _QUOTED.findall(name)
    return _norm(found[-1]) if found else None


def _cluster(cands: list[Candidate], key: Callable[[str], object | None],
             best: Callable[[list[Candidate]], str]) -> list[Candidate]:
    """Programs whose names share a non-None `key` are one program, named by `best(members)`;
    each member keeps every label of the group."""
    groups: dict[object, list[Candidate]] = defaultdict(list)
    for c in cands:
        if c.etype == EntityType.PROGRAM:
            k = key(c.name)
            if k is not None:
                groups[k].append(c)
    rename: dict[int, tuple[str, set[str]]] = {}
    for members in groups.values():
        if len({m.name for m in members}) < 2:
            continue
        name = best(members)
        labels = {lab for m in members for lab in (m.name, *m.aliases)}
        for m in members:
            rename[id(m)] = (name, labels)
    return [_rename(c, *rename[id(c)]) if id(c) in rename else c for c in cands]


def _most_telling(members: list[Candidate]) -> str:
    """A form with a head noun beats the bare quote; then frequency; then length; then text order."""
    names = Counter(m.name for m in members)
    return sorted(names, key=lambda n: (quoted_core(n) == _norm(n), -names[n], -len(n), n))[0]


def cluster_programs(cands: list[Candidate]) -> list[Candidate]:
    return _cluster(cands, quoted_core, _most_telling)


#: a coined count opening a name: 三省四县(跨省联调机制), 一所一品
COINED_PREFIX = re.compile(r"^[一二三四五六七八九十两]+[\u4e00-\u9fff][一二三四五六七八九十两]+[\u4e00-\u9fff]")
_FAMILY_HEADS = ("机制", "模式", "制度", "体系")


def coined_family(name: str) -> tuple[str, str] | None:
    """(coined prefix, head) of an unquoted mechanism name, the key its variants share."""
    m = COINED_PREFIX.match(_norm(name))
    head = next((h for h in _FAMILY_HEADS if name.endswith(h)), None)
    return (m.group(0), head) if m and head else None


def cluster_coined(cands: list[Candidate]) -> list[Candidate]:
    """三省四县跨省联调机制, 三省四县联调机制, 三省四县跨区域矛盾纠纷化解机制: a report names the
    mechanism its coined count opens in several ways; the first form in the text names it."""
    return _cluster(cands, coined_family, lambda ms: min(ms, key=lambda m: (m.start, -len(m.name))).name)


def unify_aliases(cands: list[Candidate]) -> list[Candidate]:
    longer: dict[tuple[EntityType, str], set[str]] = {}
    seen: set[tuple[EntityType, str, tuple[str, ...]]] = set()  # a document repeats its mentions
    for c in cands:
        labels = (c.etype, c.name, c.aliases)
        if labels in seen:
            continue
        seen.add(labels)
        for a in (c.name, *c.aliases):
            longer.setdefault((c.etype, _norm(a)), set()).add(c.name)
    out = []
    owner_of: dict[tuple[EntityType, str], str | None] = {}  # the same answer for the same name
    for c in cands:
        key = (c.etype, c.name)
        if key in owner_of:
            owner = owner_of[key]
        else:
            owners = longer.get((c.etype, _norm(c.name)), set()) - {c.name}
            owners = {o for o in owners if len(_norm(o)) > len(_norm(c.name))}
            owner = owner_of[key] = owners.pop() if len(owners) == 1 else None
        if owner is not None:
            c = _rename(c, owner, set())
        out.append(c)
    return out


def resolve_document(cands: list[Candidate]) -> list[Candidate]:
    return unify_aliases(cluster_coined(cluster_programs(cands)))
