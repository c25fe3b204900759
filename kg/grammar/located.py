"""Where each organisation and place of a document is located, by name (for lg:locatedIn).

A place's parent is the place the text writes right before it (湖南省桐溪县 → 湖南省), else its
direct parent (a division's in the gazetteer, a town's from the document) when the document
names it; an organisation's is its prefix place.
"""
from __future__ import annotations

import re

from ..gazetteer import Level, gazetteer
from ..lexicon import DISPATCHED_OFFICE_CORES, NON_LOCAL_KINDS, ORG_CORES
from ..model import DocContext, EntityKey, EntityType
from .candidates import Candidate
from .places import PlaceHit
from .relcore import Located


#: the organ cores a place's name alone opens (司法所, 派出所, 人民政府, 党委: ORG_CORES that need no
#: stem and take at most a short one, a township's own name)
PLACE_ALONE_CORES = frozenset(core for core, (least, most) in ORG_CORES.items() if least == 0 and most <= 6)
_TOWN_TYPE = re.compile("(?:镇|乡|街道|苏木)$")


def located_of(ctx: DocContext, mentions: list[Candidate], places: list[PlaceHit]) -> list[Located]:
    """Jurisdictions of organisations and parents of places, by name."""
    out: list[Located] = []
    place_forms: dict[str, str] = {}
    for h in places:
        name = h.candidate.name
        place_forms.setdefault(name, name)
        for form in h.candidate.aliases:
            place_forms.setdefault(form, name)
        division = h.division
        if division is not None and division.short and division.safe_short:
            place_forms.setdefault(division.short, name)
    for name in (ctx.province, ctx.city, ctx.county):
        if name:
            place_forms.setdefault(name, name)
    # the longest form a name opens with: one prefix per length, so a set lookup per length
    # finds what the first match in the forms sorted longest first is
    lengths = sorted({len(f) for f in place_forms}, reverse=True)
    # towns by their name without the type (青石 of 青石镇), for bodies named by the place alone
    stems = {stem: h.candidate.name for h in places if h.candidate.subtype == "Town"
             and len(stem := _TOWN_TYPE.sub("", h.candidate.name)) >= 2}
    final_names = {m.name for m in mentions}
    out.extend(_place_parents(ctx, places, final_names))
    seen = set()
    organization = EntityType.ORGANIZATION
    for m in mentions:
        if m.etype != organization or m.source == "central":
            continue
        name = m.name
        if name in seen:
            continue
        place = _jurisdiction(name, place_forms, lengths, stems) or _dispatching_county(name, ctx)
        if place is None or (any(kind in name for kind in NON_LOCAL_KINDS) and not _province(place)):
            continue  # (a province's prison or college named after a city is no body of the city's)
        seen.add(name)
        out.append(Located(EntityKey(m.etype, name), m.start, (place,)))
    return out


def _province(place: str) -> bool:
    """Whether `place` names a province (its prisons and colleges are its own bodies)."""
    return any(d.level is Level.PROVINCE for d in gazetteer().lookup(place, shorts=False))


def _dispatching_county(name: str, ctx: DocContext) -> str | None:
    """The document's county for an office it dispatches to a township the text does not name
    (舟塔司法所 in a 中宁县 report): its name is the township's two or three characters and the
    office's kind."""
    core = next((c for c in DISPATCHED_OFFICE_CORES if name.endswith(c)), None)
    return ctx.county if core is not None and 2 <= len(name) - len(core) <= 3 else None


def _jurisdiction(name: str, forms: dict[str, str], lengths: list[int], stems: dict[str, str]) -> str | None:
    """The place an organisation's name opens with — the last of the places written one after
    another (柳溪县桃林乡司法所 → 桃林乡) — or the town whose name without 镇/乡/街道 opens a body
    named by its place alone (青石司法所 → 青石镇)."""
    place, pos = None, 0
    while True:
        form = next((name[pos:pos + n] for n in lengths
                     if pos + n < len(name) and name[pos:pos + n] in forms), None)
        if form is None:
            break
        place, pos = forms[form], pos + len(form)
    if place is not None:
        return place
    return next((town for stem, town in stems.items() if name.startswith(stem)
                 and name[len(stem):] in PLACE_ALONE_CORES), None)


def _place_parents(ctx: DocContext, places: list[PlaceHit], names: set[str]) -> list[Located]:
    """Each place's candidate parents, nearest first: those the text writes right before it
    (湖南省桐溪县, 青石镇河湾村), then a division's direct parent in the gazetteer, or a town's
    parent from the document (the county written with it, 隆昌市石碾镇, before the report's own that
    its other mentions fall back on).  The direct parent comes first for the report's own places and for
    the places right under its own jurisdiction (柳溪县 in a 云州市 report is in 云州市, even where
    the text writes 湖南省柳溪县): the report's context makes that certain; a county that is not the
    report's (湖南桐溪县 in a 柳溪县 report) is where the text puts it.  Never a further ancestor the text does not
    write with it: 墨江县 is in 普洱市, and a report naming 云南省 but not 普洱市 does not place it."""
    gz = gazetteer()
    stated: dict[str, list[str]] = {}
    implied: dict[str, list[str]] = {}
    assumed: dict[str, list[str]] = {}  # a town's county from the report's context alone
    first: dict[str, int] = {}
    for h in places:
        name = h.candidate.name
        if name not in names:
            continue
        first.setdefault(name, h.candidate.start)
        direct = gz.parent(h.division) if h.division is not None else None
        if direct is not None:
            _add(implied, name, direct.name)
            if h.parent and h.parent != direct.name:
                _add(stated, name, h.parent)
        elif h.parent:
            _add(stated if h.candidate.aliases else assumed, name, h.parent)
    # the report's own places, its most specific first (柳溪县 of a 柳溪县 report, else its city…)
    own = tuple(p for p in (ctx.county, ctx.city, ctx.province) if p) or (None,)
    out = []
    for name, start in first.items():
        order = (implied, stated) if name in own or own[0] in implied.get(name, ()) else (stated, implied)
        parents = tuple(dict.fromkeys((*order[0].get(name, ()), *order[1].get(name, ()), *assumed.get(name, ()))))
        if parents:
            out.append(Located(EntityKey(EntityType.PLACE, name), start, parents))
    return out


def _add(parents: dict[str, list[str]], name: str, parent: str) -> None:
    parents.setdefault(name, []).append(parent)
