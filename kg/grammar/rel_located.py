"""locatedIn, as the text supports it: an organisation's jurisdiction or a place's parent (found
by name in located.py), when the document names both ends; the evidence is the first sentence
naming both (in the order sentences are first reached in the mentions), else the sentence where
the located one is first named."""
from __future__ import annotations

from collections.abc import Sequence

from ..model import EntityKey, EntityType, Predicate
from .relcore import PLACE, DocFacts, Located, Sink

LOCATED_IN = Predicate.LOCATED_IN


def located_in(facts: DocFacts, sink: Sink, located: Sequence[Located]) -> None:
    places: dict[str, tuple[EntityKey, list[int]]] = {
        name: entity for (etype, name), entity in facts.entities.items() if etype == PLACE}
    rank: dict[int, int] | None = None  # each sentence's place in in_sent's order, when needed
    parent_sents: dict[str, set[int]] = {}  # a parent (the city) is shared by many
    for loc in located:
        parent = next((places[p] for p in loc.parents if p in places), None)
        if parent is None or parent[0] == loc.key:
            continue
        shared = parent_sents.get(parent[0].name)
        if shared is None:
            shared = parent_sents[parent[0].name] = set(parent[1])
        own = facts.entities.get((loc.key.etype, loc.key.name))
        own_sents = own[1] if own is not None else []
        both = [i for i in own_sents if i in shared]
        if both:
            if rank is None:
                rank = {i: r for r, i in enumerate(facts.in_sent)}
            s = facts.sents[min(both, key=rank.__getitem__)]
        else:
            s = facts.sents[own_sents[0]] if own_sents else None
        sink.add(loc.key, LOCATED_IN, parent[0], s)


__all__ = ["LOCATED_IN", "EntityType", "located_in"]
