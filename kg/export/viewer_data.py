"""The viewer's data: one pass over the graph's triple index → plain JSON-able lists, plus a layout.

Everything here is data for the page's script (labels, aliases, quotes are strings that the
page only ever shows through textContent); nothing here is HTML. Output is deterministic:
nodes are sorted by IRI, edges by (relation, subject, object), positions are integers from a
layout that uses no randomness.

pyvis assembles the network (nodes, edges, vis options); the page renders it with our own
template (see html.py).
"""
from __future__ import annotations

import math
from collections import defaultdict, deque

from rdflib import Graph
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from ..graph import TripleIndex
from ..terms import is_iri, light_term
from ..vocab import LG, LG_IRI
from .viewer_groups import Grouping, group_hubs
from .viewer_search import search_index
from .viewer_sources import document_meta, figures, pick_label

#: what the viewer reads: kg.graph.TripleIndex (light terms), or an rdflib Graph, indexed first
GraphLike = Graph | TripleIndex

# the index is asked with plain str IRIs
_TYPE, _SUBCLASS, _LABEL = str(RDF.type), str(RDFS.subClassOf), str(RDFS.label)
_PREF, _ALT, _IDENTIFIER = str(SKOS.prefLabel), str(SKOS.altLabel), str(DCTERMS.identifier)

# class → (Chinese name, colour, vis shape); order is the legend's order
CLASSES: dict[str, tuple[str, str, str]] = {
    "Place": ("地点", "#e15759", "diamond"),
    "Organization": ("机构", "#4e79a7", "dot"),
    "Program": ("品牌与机制", "#59a14f", "triangle"),
    "Regulation": ("法规文件", "#f28e2b", "square"),
    "Award": ("荣誉", "#d4a82a", "star"),
    "Person": ("人物", "#b07aa1", "hexagon"),
}
CLASS_COLOURS = {c: v[1] for c, v in CLASSES.items()}
# relation → (Chinese name, edge colour)
# (hues far apart, so each relation reads on its own; the legend is the relation filter)
RELATIONS: dict[str, tuple[str, str]] = {
    "locatedIn": ("位于", "#8d99ae"),
    "implements": ("实施", "#43a047"),
    "issuedBy": ("制发", "#ef6c00"),
    "receivedAward": ("获得", "#d81b60"),
    "awardedBy": ("授予", "#5e35b1"),
}
PROPERTIES = ("documentNumber", "registrationNumber", "adminCode")

#: above this many entities the page starts from a filtered view (and says so)
LARGE_GRAPH = 1500
#: how many entities that filtered view shows: every place, then the most connected others
START_VIEW = 600

_SPACING = 26.0  # layout: distance between neighbouring leaves
_GAP = 16.0  # layout: gap between neighbouring subtrees
_GOLDEN = math.pi * (3.0 - math.sqrt(5.0))


def _lg(local: str) -> str:
    """An lg: term's IRI (the DefinedNamespace makes an unknown term an error)."""
    return str(LG[local])


def _local(iri: object) -> str:
    s = str(iri)
    return s.removeprefix(LG_IRI)


def _class_resolver(g: TripleIndex):
    """type IRI → contract class name (or None), through rdfs:subClassOf; memoised."""
    sup: dict[object, list] = defaultdict(list)
    for c, p in g.subject_objects(_SUBCLASS):
        sup[c].append(p)
    if not sup:  # a graph without the ontology's declarations: use ours
        from ..graph import ONTOLOGY_PATH

        onto = Graph().parse(ONTOLOGY_PATH, format="turtle")
        for c, p in onto.subject_objects(RDFS.subClassOf):
            sup[light_term(c)].append(light_term(p))
    memo: dict[object, str | None] = {}

    def resolve(t: object) -> str | None:
        if t in memo:
            return memo[t]
        todo, seen, found = [t], set(), None
        while todo:
            c = todo.pop()
            if c in seen:
                continue
            seen.add(c)
            if is_iri(c) and _local(c) in CLASSES and str(c).startswith(LG_IRI):
                found = _local(c)
                break
            todo.extend(sorted(sup.get(c, ()), key=str))
        memo[t] = found
        return found

    return resolve


def graph_data(g: GraphLike, *, large: int | None = None, start_view: int | None = None) -> dict:
    """Nodes, edges, evidence and layout of `g` as JSON-able data (labels are data, never HTML).

    With more than `large` entities (default LARGE_GRAPH) `start` lists the `start_view`
    entities (default START_VIEW) the page shows first; otherwise it is None. An rdflib Graph is
    indexed first (kg.graph.TripleIndex.of).
    """
    g = TripleIndex.of(g)
    large = LARGE_GRAPH if large is None else large
    start_view = START_VIEW if start_view is None else start_view
    resolve = _class_resolver(g)

    # -- entities ---------------------------------------------------------------------------
    types: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s, t in g.subject_objects(_TYPE):
        if is_iri(s):
            cls = resolve(t)
            if cls is not None:
                types[s].append((cls, _local(t)))
    iris = sorted(types, key=str)
    index = {iri: i for i, iri in enumerate(iris)}

    def collect(pred) -> dict[int, list]:
        out: dict[int, list] = defaultdict(list)
        for s, o in g.subject_objects(pred):
            i = index.get(s)
            if i is not None:
                out[i].append(o)
        return out

    pref, alt, mentioned = collect(_PREF), collect(_ALT), collect(_lg("mentionedIn"))
    props = {p: collect(_lg(p)) for p in PROPERTIES}

    # -- sources: documents (filterable) and other provenance (e.g. the gazetteer) ---------------
    doc_ids: dict[object, str] = {}
    for d in g.subjects(_TYPE, _lg("SourceDocument")):
        ident = g.value(d, _IDENTIFIER)
        doc_ids[d] = (str(ident) if ident is not None else "") or _local(d).rsplit("/", 1)[-1]

    def label_of(x: object) -> str | None:
        i = index.get(x)
        return pick_label(pref.get(i, ())) if i is not None else None

    meta = document_meta(g, doc_ids, label_of)
    by_id: dict[str, dict] = {}
    for d, v in sorted(doc_ids.items(), key=lambda dv: (dv[1], str(dv[0]))):
        m = meta[d]
        by_id.setdefault(v, {"id": v, "label": m["title"] or v, "doc": True, "year": m["year"],
                             **({"by": m["creator"]} if m["creator"] else {})})
    # documents by year (undated last), then title: the order the page lists them in
    sources: list[dict] = sorted(by_id.values(), key=lambda s: (s["year"] is None, s["year"] or 0, s["label"], s["id"]))
    source_index = {s["id"]: i for i, s in enumerate(sources)}
    doc_index = {d: source_index[v] for d, v in doc_ids.items()}

    def source_of(x: object) -> int:
        if x in doc_index:
            return doc_index[x]
        key = "source:" + str(x)
        if key not in source_index:
            label = g.value(x, _LABEL) if is_iri(x) else None
            source_index[key] = len(sources)
            sources.append({"id": key, "label": str(label) if label is not None else _local(x).rsplit("/", 1)[-1],
                            "doc": False})
        return source_index[key]

    # -- evidence: (s, p, o) → [(source, quote)] -----------------------------------------------
    evidence_of: dict[tuple, set[tuple[int, str]]] = defaultdict(set)
    for row in g.evidence_rows():
        src = source_of(row.source) if row.source is not None else -1
        evidence_of[(row.subject, row.predicate, row.object)].add((src, row.quote))

    # -- relations ------------------------------------------------------------------------
    quotes: list[str] = []
    quote_index: dict[str, int] = {}
    edges: list[dict] = []
    for rel in RELATIONS:
        p = _lg(rel)
        pairs = sorted((index[s], index[o]) for s, o in g.subject_objects(p) if s in index and o in index)
        for s, o in pairs:
            evs = []
            for src, q in sorted(evidence_of.get((iris[s], p, iris[o]), ()),
                                 key=lambda e: (e[0] < 0, e[0], e[1])):
                if q not in quote_index:
                    quote_index[q] = len(quotes)
                    quotes.append(q)
                evs.append([src, quote_index[q]])
            edges.append({"s": s, "o": o, "rel": rel, "ev": evs})

    figs = figures(g, index, source_of)
    nodes: list[dict] = []
    for i, iri in enumerate(iris):
        cls, typ = sorted(types[iri], key=lambda ct: (ct[1] == ct[0], ct[1]))[0]  # subclass first
        label = pick_label(pref.get(i, ())) or _local(iri).rsplit("/", 1)[-1]
        aliases = sorted({str(a) for a in alt.get(i, ())} - {label})
        docs = sorted({doc_index[d] for d in mentioned.get(i, ()) if d in doc_index})
        node = {"iri": str(iri), "label": label, "cls": cls, "type": typ, "aliases": aliases, "docs": docs}
        extra = [[p, str(v)] for p in PROPERTIES for v in sorted(props[p].get(i, ()), key=str)]
        if extra:
            node["props"] = extra
        if i in figs:
            node["figs"] = figs[i]
        nodes.append(node)

    degree = [0] * len(nodes)
    for e in edges:
        degree[e["s"]] += 1
        degree[e["o"]] += 1
    for n, d in zip(nodes, degree):
        n["deg"] = d

    grouping = group_hubs(nodes, edges, tuple(CLASSES))
    for i in grouping.collapsed:
        nodes[i]["col"] = True
    start = start_view_of(nodes, start_view) if len(nodes) > large else None
    if start is None:
        positions, group_positions = layout_grouped(nodes, edges, grouping)
    else:
        positions = layout_around(nodes, edges, start)
        group_positions = [positions[grp.hub] if grp.hub >= 0 else (0, 0) for grp in grouping.groups]
    for n, (x, y) in zip(nodes, positions):
        n["x"], n["y"] = x, y
    groups = [{**grp.as_json(), "x": x, "y": y} for grp, (x, y) in zip(grouping.groups, group_positions)]

    for s in sources:
        s["count"] = 0
    for n in nodes:
        for d in n["docs"]:
            sources[d]["count"] += 1
    return {
        "nodes": nodes,
        "edges": edges,
        "quotes": quotes,
        "sources": sources,
        "classes": [{"id": c, "zh": zh, "colour": colour, "shape": shape,
                     "count": sum(1 for n in nodes if n["cls"] == c)}
                    for c, (zh, colour, shape) in CLASSES.items()],
        "relations": [{"id": r, "zh": zh, "colour": colour, "count": sum(1 for e in edges if e["rel"] == r)}
                      for r, (zh, colour) in RELATIONS.items()],
        "groups": groups,
        "search": search_index([n["label"] for n in nodes], [n["aliases"] for n in nodes]),
        "start": start,
    }


def start_view_of(nodes: list[dict], size: int) -> list[int]:
    """The filtered first view of a large graph: places (the backbone), then the most connected."""
    by_degree = sorted(range(len(nodes)), key=lambda i: (-nodes[i]["deg"], i))
    places = [i for i in by_degree if nodes[i]["cls"] == "Place"][: size // 2]
    chosen = set(places)
    for i in by_degree:
        if len(chosen) >= size:
            break
        chosen.add(i)
    return sorted(chosen)


# -- layout ---------------------------------------------------------------------------------

def layout_grouped(nodes: list[dict], edges: list[dict], grouping: Grouping) \
        -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The layout of what the page draws at load: entities not collapsed, one node per group
    (beside its hub; groups of unrelated entities with the other lone trees), the edges not
    grouped. A collapsed entity starts on its first group's place (the page spreads a group's
    members around it when it is expanded)."""
    shown = [i for i in range(len(nodes)) if i not in grouping.collapsed]
    at = {i: k for k, i in enumerate(shown)}
    view_nodes = [nodes[i] for i in shown] + [{"cls": grp.cls} for grp in grouping.groups]
    first_group = len(shown)
    view_edges = [{**e, "s": at[e["s"]], "o": at[e["o"]]} for k, e in enumerate(edges)
                  if k not in grouping.edge_groups and e["s"] in at and e["o"] in at]
    view_edges += [{"s": first_group + g, "o": at[grp.hub], "rel": grp.rel}
                   for g, grp in enumerate(grouping.groups) if grp.hub >= 0]
    view_edges += [{"s": at[i], "o": first_group + g, "rel": grp.rel}  # a member the page shows: by its group
                   for g, grp in enumerate(grouping.groups) if grp.hub >= 0 for i in grp.members if i in at]
    placed = layout(view_nodes, view_edges)
    group_pos = placed[first_group:]
    pos: list[tuple[int, int]] = [(0, 0)] * len(nodes)
    for i, p in zip(shown, placed):
        pos[i] = p
    for g in range(len(grouping.groups) - 1, -1, -1):  # the first group holding it wins
        for i in grouping.groups[g].members:
            if i in grouping.collapsed:
                pos[i] = group_pos[g]
    return pos, group_pos


def layout_around(nodes: list[dict], edges: list[dict], start: list[int]) -> list[tuple[int, int]]:
    """A large graph's layout: the first view laid out on its own (so it is compact), every
    other entity beside the first neighbour that reaches it (breadth-first outwards), and
    entities no one reaches in a block to the right."""
    n = len(nodes)
    inside = {i: k for k, i in enumerate(start)}
    sub_edges = [{**e, "s": inside[e["s"]], "o": inside[e["o"]]} for e in edges
                 if e["s"] in inside and e["o"] in inside]
    pos: list[tuple[float, float] | None] = [None] * n
    for i, p in zip(start, layout([nodes[i] for i in start], sub_edges)):
        pos[i] = p
    adj: list[list[int]] = [[] for _ in range(n)]
    for e in edges:
        adj[e["s"]].append(e["o"])
        adj[e["o"]].append(e["s"])
    placed_around = [0] * n
    queue = deque(sorted(start))
    while queue:
        u = queue.popleft()
        for v in sorted(adj[u]):
            if pos[v] is None:
                placed_around[u] += 1
                m = placed_around[u]
                r, a = _SPACING * (1.5 + math.sqrt(m)), m * _GOLDEN
                pos[v] = (pos[u][0] + r * math.cos(a), pos[u][1] + r * math.sin(a))
                queue.append(v)
    known = [p for p in pos if p is not None]
    x1 = max((p[0] for p in known), default=0.0)
    y0, y1 = min((p[1] for p in known), default=0.0), max((p[1] for p in known), default=0.0)
    rest = [i for i in range(n) if pos[i] is None]
    rows = max(8, int((y1 - y0) // _SPACING))
    for k, i in enumerate(rest):
        pos[i] = (x1 + 4 * _SPACING + (k // rows) * 5 * _SPACING, y0 + (k % rows) * _SPACING)
    return [(round(p[0]), round(p[1])) for p in pos]  # type: ignore[index]


def _angle(r: float, d: float) -> float:
    """The angle a disc of radius r (plus half a gap each side) takes, seen from distance d."""
    return 2 * math.asin(min(1.0, (r + _GAP / 2) / d)) if d > 0 else 2 * math.pi


def _ring(inner: float, radii: list[float]) -> float:
    """Least common distance R such that discs of `radii`, each at max(R, inner + gap + r),
    fit around a centre without overlapping (binary search; deterministic)."""
    def fits(big_r: float) -> bool:
        return sum(_angle(r, max(big_r, inner + _GAP + r)) for r in radii) <= 2 * math.pi

    lo, hi = 0.0, inner + _GAP + sum(2 * r + _GAP for r in radii)
    if fits(lo):
        return lo
    for _ in range(40):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if fits(mid) else (mid, hi)
    return hi


def layout(nodes: list[dict], edges: list[dict]) -> list[tuple[int, int]]:
    """Deterministic initial positions: the place hierarchy is the backbone.

    Places hang from their `locatedIn` parent place; every other entity hangs from the place
    nearest to it in the graph (breadth-first from all places), so a county's bodies and their
    programs sit around the county, and the county around its city. Each subtree is drawn as a
    disc ("bubble tree"): a node's leaf children fill a sunflower spiral around it, its larger
    subtrees sit on a ring outside that. Entities no place reaches form their own small trees,
    packed in columns beside the main one. The page's physics then only has to relax this
    (and parks entities without any relation in a tidy block once it has).
    """
    n = len(nodes)
    if n == 0:
        return []
    adj: list[list[int]] = [[] for _ in range(n)]
    for e in edges:
        if e["s"] != e["o"]:
            adj[e["s"]].append(e["o"])
            adj[e["o"]].append(e["s"])
    for a in adj:
        a.sort()
    is_place = [nd["cls"] == "Place" for nd in nodes]

    parent = [-1] * n
    # places: parent = first place they are located in, never making a cycle
    for e in edges:
        s, o = e["s"], e["o"]
        if e["rel"] == "locatedIn" and is_place[s] and is_place[o] and parent[s] < 0 and s != o:
            a = o
            while a >= 0 and a != s:
                a = parent[a]
            if a != s:
                parent[s] = o
    # everything else: breadth-first from all places at once (roots of the place forest first)
    depth = [-1] * n

    def place_depth(i: int) -> int:
        d = 0
        while parent[i] >= 0:
            i, d = parent[i], d + 1
        return d

    places = sorted((i for i in range(n) if is_place[i]), key=lambda i: (place_depth(i), i))
    queue = deque(places)
    for i in places:
        depth[i] = 0
    while queue:
        u = queue.popleft()
        for v in adj[u]:
            if depth[v] < 0 and not is_place[v]:
                depth[v] = depth[u] + 1
                parent[v] = u
                queue.append(v)
    # the rest: one tree per connected component, rooted at its best-connected entity
    for r in sorted(range(n), key=lambda i: (-len(adj[i]), i)):
        if depth[r] >= 0:
            continue
        depth[r] = 0
        queue = deque([r])
        while queue:
            u = queue.popleft()
            for v in adj[u]:
                if depth[v] < 0:
                    depth[v] = depth[u] + 1
                    parent[v] = u
                    queue.append(v)

    children: list[list[int]] = [[] for _ in range(n)]
    roots = []
    for i in range(n):
        (children[parent[i]] if parent[i] >= 0 else roots).append(i)

    cls_order = {c: k for k, c in enumerate(CLASSES)}
    radius = [0.0] * n
    ring = [0.0] * n  # least distance of a node's subtree children from it
    inner_of = [0.0] * n  # radius of a node's disc of leaves
    order: list[int] = []  # post-order without recursion
    stack = [(r, False) for r in roots]
    while stack:
        u, done = stack.pop()
        if done:
            order.append(u)
        else:
            stack.append((u, True))
            stack.extend((c, False) for c in children[u])
    for u in order:
        leaves = [c for c in children[u] if not children[c]]
        big = [c for c in children[u] if children[c]]
        inner = _SPACING * math.sqrt(len(leaves) + 0.5) if leaves else _SPACING / 2
        inner_of[u] = radius[u] = inner
        if big:
            ring[u] = _ring(inner, [radius[c] for c in big])
            radius[u] = max(inner, max(max(ring[u], inner + _GAP + radius[c]) + radius[c] for c in big))

    pos = [(0.0, 0.0)] * n

    def place_children(u: int) -> None:
        x0, y0 = pos[u]
        leaves = sorted((c for c in children[u] if not children[c]),
                        key=lambda c: (cls_order[nodes[c]["cls"]], c))
        for k, c in enumerate(leaves, start=1):
            r, a = _SPACING * math.sqrt(k), k * _GOLDEN
            pos[c] = (x0 + r * math.cos(a), y0 + r * math.sin(a))
        big = sorted((c for c in children[u] if children[c]), key=lambda c: (-radius[c], c))
        dists = [max(ring[u], inner_of[u] + _GAP + radius[c]) for c in big]
        angles = [_angle(radius[c], d) for c, d in zip(big, dists)]
        total = sum(angles)
        a = 0.0
        for c, d, w in zip(big, dists, angles):
            share = w / total * 2 * math.pi
            mid = a + share / 2
            pos[c] = (x0 + d * math.cos(mid), y0 + d * math.sin(mid))
            a += share

    # top level: the biggest tree in the middle, the other (small) trees and lone entities
    # packed in columns to its right, as tall as the main tree
    roots.sort(key=lambda r: (-radius[r], r))
    main, rest = roots[0], roots[1:]
    half = max(radius[main], 4 * _SPACING)
    col_x, col_w, y = radius[main] + 2 * _GAP, 0.0, -half
    for r in rest:
        d = 2 * radius[r]
        if y + d > half and y > -half:
            col_x, col_w, y = col_x + col_w + _SPACING / 2, 0.0, -half
        pos[r] = (col_x + radius[r], y + radius[r])
        y += d + _SPACING / 2
        col_w = max(col_w, d)
    todo = list(reversed(order))  # pre-order: parents before children
    for u in todo:
        if children[u]:
            place_children(u)
    return [(round(x), round(y)) for x, y in pos]
