"""Where each organisation and place of a document is located, by name (for lg:locatedIn).

A place's parent is the nearest ancestor in the gazetteer chain that the document names
(河北省大名县 → 河北省 when 邯郸市 is not named); an organisation's is its prefix place.
"""
from __future__ import annotations

from ..gazetteer import gazetteer
from ..model import DocContext, EntityKey, EntityType
from .candidates import Candidate
from .places import PlaceHit
from .relcore import Located


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
    final_names = {m.name for m in mentions}
    # the keys done, by name (a key's type is fixed in each loop): no key built for a repeat
    seen: set[str] = set()
    for h in places:
        name = h.candidate.name
        if (h.parent or h.division) and name not in seen and name in final_names:
            seen.add(name)
            parents = tuple(d.name for d in gazetteer().chain(h.division)[1:]) if h.division else (h.parent,)
            out.append(Located(EntityKey(EntityType.PLACE, name), h.candidate.start, parents))
    seen = set()
    organization = EntityType.ORGANIZATION
    for m in mentions:
        if m.etype != organization or m.source == "central":
            continue
        name = m.name
        if name in seen:
            continue
        form = next((name[:n] for n in lengths if n < len(name) and name[:n] in place_forms), None)
        if form is None:
            continue
        seen.add(name)
        out.append(Located(EntityKey(m.etype, name), m.start, (place_forms[form],)))
    # a place's parent that is known from the gazetteer but not from a hit (context places)
    return out
