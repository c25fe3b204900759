"""Where each organisation and place of a document is located, by name (for lg:locatedIn).

A place's parent is the nearest ancestor in the gazetteer chain that the document names
(河北省大名县 → 河北省 when 邯郸市 is not named); an organisation's is its prefix place.
"""
from __future__ import annotations

from ..gazetteer import gazetteer
from ..model import DocContext, EntityKey, EntityType
from .candidates import Candidate
from .places import PlaceHit
from .relations import Located


def located_of(ctx: DocContext, mentions: list[Candidate], places: list[PlaceHit]) -> list[Located]:
    """Jurisdictions of organisations and parents of places, by name."""
    out: list[Located] = []
    seen: set[EntityKey] = set()
    place_forms: dict[str, str] = {}
    for h in places:
        for form in (h.candidate.name, *h.candidate.aliases):
            place_forms.setdefault(form, h.candidate.name)
        if h.division is not None and h.division.short and h.division.safe_short:
            place_forms.setdefault(h.division.short, h.candidate.name)
    for name in (ctx.province, ctx.city, ctx.county):
        if name:
            place_forms.setdefault(name, name)
    # the longest form a name opens with: one prefix per length, so a set lookup per length
    # finds what the first match in the forms sorted longest first is
    lengths = sorted({len(f) for f in place_forms}, reverse=True)
    final_names = {m.name for m in mentions}
    for h in places:
        key = EntityKey(EntityType.PLACE, h.candidate.name)
        if (h.parent or h.division) and key not in seen and h.candidate.name in final_names:
            seen.add(key)
            parents = tuple(d.name for d in gazetteer().chain(h.division)[1:]) if h.division else (h.parent,)
            out.append(Located(key, h.candidate.start, parents))
    for m in mentions:
        if m.etype != EntityType.ORGANIZATION or m.source == "central":
            continue
        key = EntityKey(m.etype, m.name)
        if key in seen:
            continue
        name = m.name
        form = next((name[:n] for n in lengths if n < len(name) and name[:n] in place_forms), None)
        if form is None:
            continue
        seen.add(key)
        out.append(Located(key, m.start, (place_forms[form],)))
    # a place's parent that is known from the gazetteer but not from a hit (context places)
    return out
