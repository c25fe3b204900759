"""Hubs without hairballs: a high-degree entity's neighbours, grouped by relation and class.

A city that 600 bodies, programs and regulations point at draws 600 edges and buries the page.
Here the neighbours of a hub are bucketed by (relation, direction, class of the neighbour); a
large bucket becomes one group node on the page ("212 机构 · 位于"), drawn with a single edge to
the hub, and the person expands it on demand. A neighbour whose every relation went into groups
is collapsed (drawn once a group holding it is expanded, or when search or a link asks for it);
a neighbour with relations of its own stays on the page, linked to its group's node (so it
stays beside the hub, and the hub still draws one edge per group). Entities with no relation at all are
grouped per class too ("68 法规文件 · 无关系"), not left in an unexplained column.

Pure functions over the viewer's node/edge dicts; deterministic (sorted everywhere).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

#: an entity with more relations than this has its neighbours grouped
HUB_DEGREE = 30
#: a bucket of a hub's neighbours with more members than this becomes a group node
BUCKET_SIZE = 5
#: at most this many edges drawn at one hub once grouped (the page's bar is 60)
MAX_DRAWN = 40


@dataclass(frozen=True)
class Group:
    """Neighbours of `hub` (-1: entities with no relation) linked by `rel` in one direction."""

    hub: int
    rel: str | None
    out: bool  # the hub is the relation's subject
    cls: str
    members: tuple[int, ...]
    edges: tuple[int, ...]

    def as_json(self) -> dict:
        return {"hub": self.hub, "rel": self.rel, "out": self.out, "cls": self.cls,
                "members": list(self.members), "edges": list(self.edges)}


@dataclass(frozen=True)
class Grouping:
    groups: tuple[Group, ...]
    edge_groups: dict[int, tuple[int, ...]]  # edge → the groups that stand for it
    collapsed: frozenset[int]  # entities drawn only once one of their groups is expanded


def _hub_buckets(hub: int, incident: list[int], nodes: list[dict], edges: list[dict]) -> list[Group]:
    """The groups at one hub: its biggest buckets, until it draws at most MAX_DRAWN edges."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for k in incident:
        e = edges[k]
        out = e["s"] == hub
        other = e["o"] if out else e["s"]
        if other == hub:
            continue
        buckets[(e["rel"], out, nodes[other]["cls"])].append(k)
    order = sorted(buckets, key=lambda b: (-len(buckets[b]), b[0], not b[1], b[2]))
    # the place hierarchy is the page's backbone: a city's counties stay on it unless too many
    chosen = [b for b in order if len(buckets[b]) > BUCKET_SIZE and b[:3:2] != ("locatedIn", "Place")]
    drawn = len(incident) - sum(len(buckets[b]) for b in chosen) + len(chosen)
    for b in order:
        if drawn <= MAX_DRAWN:
            break
        if b not in chosen and len(buckets[b]) > 1:
            chosen.append(b)
            drawn -= len(buckets[b]) - 1
    groups = []
    for rel, out, cls in sorted(chosen, key=lambda b: (b[0], not b[1], b[2])):
        ks = sorted(buckets[(rel, out, cls)])
        members = sorted({edges[k]["o"] if out else edges[k]["s"] for k in ks})
        groups.append(Group(hub, rel, out, cls, tuple(members), tuple(ks)))
    return groups


def group_hubs(nodes: list[dict], edges: list[dict], class_order: Sequence[str] = (),
               hub_degree: int | None = None) -> Grouping:
    """Groups at every hub, then one group per class of the entities with no relation."""
    hub_degree = HUB_DEGREE if hub_degree is None else hub_degree
    incident: list[list[int]] = [[] for _ in nodes]
    for k, e in enumerate(edges):
        incident[e["s"]].append(k)
        if e["o"] != e["s"]:
            incident[e["o"]].append(k)
    groups: list[Group] = []
    for i in range(len(nodes)):
        if len(incident[i]) > hub_degree:
            groups.extend(_hub_buckets(i, incident[i], nodes, edges))
    edge_groups: dict[int, list[int]] = defaultdict(list)
    for g, grp in enumerate(groups):
        for k in grp.edges:
            edge_groups[k].append(g)
    hubs = {grp.hub for grp in groups}
    collapsed = {i for i in range(len(nodes))
                 if incident[i] and i not in hubs and all(k in edge_groups for k in incident[i])}
    lone: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        if not incident[i]:
            lone[n["cls"]].append(i)
    order = {c: k for k, c in enumerate(class_order)}
    for cls in sorted(lone, key=lambda c: (order.get(c, len(order)), c)):
        groups.append(Group(-1, None, False, cls, tuple(lone[cls]), ()))
        collapsed.update(lone[cls])
    return Grouping(tuple(groups), {k: tuple(v) for k, v in sorted(edge_groups.items())}, frozenset(collapsed))
