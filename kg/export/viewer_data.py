"""The viewer's data: one pass over the graph's triple index → plain JSON-able lists, plus a layout.

Everything here is data for the page's script (labels, aliases, quotes are strings that the
page only ever shows through textContent); nothing here is HTML. Output is deterministic:
nodes are sorted by IRI, edges by (relation, subject, object), positions are integers from a
layout that uses no randomness.

html.py makes the vis-network nodes, edges and options; the page renders them with our own
template.
"""
from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from ..graph import EvidenceRow, FigureRow, TripleIndex
from ..terms import is_iri, light_term
from ..vocab import LG, LG_IRI
from .viewer_blocks import Block, blocks_of_rows
from .viewer_groups import Grouping, group_hubs
from .viewer_search import Pinyin, pinyin_keys, search_index
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
_CLASS_ORDER = {c: k for k, c in enumerate(CLASSES)}  # layout: a node's leaves by class, as in the legend


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


@dataclass(frozen=True)
class _Entities:
    """The graph's entities (IRIs typed with a contract class), in the page's order."""

    iris: list[str]  #: sorted by IRI: a node's number is its place here
    index: dict[str, int]  #: IRI → node number
    types: dict[str, list[tuple[str, str]]]  #: IRI → its (class, type) pairs


@dataclass(frozen=True)
class _EntityValues:
    """What each entity says of itself, by node number (collected in one pass per predicate)."""

    pref: dict[int, list]
    alt: dict[int, list]
    mentioned: dict[int, list]
    props: dict[str, dict[int, list]]  #: each of PROPERTIES → its values by node


def _entities(g: TripleIndex) -> _Entities:
    """Every IRI typed with (a subclass of) a contract class: what the viewer draws."""
    resolve = _class_resolver(g)
    types: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s, t in g.subject_objects(_TYPE):
        if is_iri(s):
            cls = resolve(t)
            if cls is not None:
                types[s].append((cls, _local(t)))
    iris = sorted(types, key=str)
    return _Entities(iris, {iri: i for i, iri in enumerate(iris)}, types)


def _collect(g: TripleIndex, index: dict[str, int], pred: str) -> dict[int, list]:
    """Node number → the objects of `pred` on that entity (entities only)."""
    out: dict[int, list] = defaultdict(list)
    for s, o in g.subject_objects(pred):
        i = index.get(s)
        if i is not None:
            out[i].append(o)
    return out


def _entity_values(g: TripleIndex, index: dict[str, int]) -> _EntityValues:
    """Labels, aliases, mentioning documents and shown properties of the entities."""
    return _EntityValues(_collect(g, index, _PREF), _collect(g, index, _ALT),
                         _collect(g, index, _lg("mentionedIn")),
                         {p: _collect(g, index, _lg(p)) for p in PROPERTIES})


def _document_ids(g: TripleIndex) -> dict[object, str]:
    """Each source document → the id the page filters by (its dcterms:identifier, else its IRI's tail)."""
    doc_ids: dict[object, str] = {}
    for d in g.subjects(_TYPE, _lg("SourceDocument")):
        ident = g.value(d, _IDENTIFIER)
        doc_ids[d] = (str(ident) if ident is not None else "") or _local(d).rsplit("/", 1)[-1]
    return doc_ids


def _document_sources(g: TripleIndex, doc_ids: dict[object, str], ents: _Entities,
                      values: _EntityValues) -> list[dict]:
    """One filterable source per document id, by year (undated last), then title: the order the
    page lists them in. Documents sharing an id are one source (the first by IRI describes it)."""
    def label_of(x: object) -> str | None:
        i = ents.index.get(x)
        return pick_label(values.pref.get(i, ())) if i is not None else None

    meta = document_meta(g, doc_ids, label_of)
    by_id: dict[str, dict] = {}
    for d, v in sorted(doc_ids.items(), key=lambda dv: (dv[1], str(dv[0]))):
        m = meta[d]
        by_id.setdefault(v, {"id": v, "label": m["title"] or v, "doc": True, "year": m["year"],
                             **({"by": m["creator"]} if m["creator"] else {})})
    return sorted(by_id.values(), key=lambda s: (s["year"] is None, s["year"] or 0, s["label"], s["id"]))


class _SourceTable:
    """The page's sources: the documents first, then other provenance (e.g. the gazetteer)
    appended the first time evidence or a figure cites it; `of` gives a source's number."""

    def __init__(self, g: TripleIndex, documents: list[dict], doc_ids: dict[object, str]) -> None:
        self._g = g
        self.sources = documents
        self._index = {s["id"]: i for i, s in enumerate(documents)}
        #: document IRI → source number
        self.doc_index: dict[object, int] = {d: self._index[v] for d, v in doc_ids.items()}

    def of_id(self, source_id: str) -> int:
        """The number of the document whose id is `source_id`."""
        return self._index[source_id]

    def of(self, x: object) -> int:
        """The number of source `x`, a document or (added now if new) other provenance."""
        if x in self.doc_index:
            return self.doc_index[x]
        key = "source:" + str(x)
        if key not in self._index:
            label = self._g.value(x, _LABEL) if is_iri(x) else None
            self._index[key] = len(self.sources)
            name = str(label) if label is not None else _local(x).rsplit("/", 1)[-1]
            self.sources.append({"id": key, "label": name, "doc": False})
        return self._index[key]


def _evidence(rows: list[EvidenceRow], table: _SourceTable) -> dict[tuple, set[tuple[int, str]]]:
    """(s, p, o) → its evidence as (source number, quote); -1 for a quote with no source. Each
    source is numbered when first met. `rows`: the evidence of no document (the documents'
    is in their blocks)."""
    evidence_of: dict[tuple, set[tuple[int, str]]] = defaultdict(set)
    number: dict[object, int] = {None: -1}
    for row in rows:
        src = number.get(row.source)
        if src is None:
            src = number[row.source] = table.of(row.source)
        evidence_of[(row.subject, row.predicate, row.object)].add((src, row.quote))
    return evidence_of


def _sources_first(evidence: set[tuple[int, str]]) -> list[tuple[int, str]]:
    """(source, quote) pairs by source and quote, those of no source (-1) last: a plain sort
    and one cut (a key function per pair took most of the viewer's edges at 100×)."""
    evs = sorted(evidence)
    if evs and evs[0][0] < 0:
        k = bisect_left(evs, (0, ""))
        evs = evs[k:] + evs[:k]
    return evs


def _edges(g: TripleIndex, ents: _Entities, evidence_of: dict[tuple, set[tuple[int, str]]]) \
        -> tuple[list[dict], list[str]]:
    """The relations between entities, by (relation, subject, object), each with its evidence as
    [source, quote number]; and the quotes, each stored once (a quote backs many statements)."""
    quotes: list[str] = []
    quote_index: dict[str, int] = {}
    index, iris = ents.index, ents.iris
    edges: list[dict] = []
    for rel in RELATIONS:
        p = _lg(rel)
        pairs = sorted((index[s], index[o]) for s, o in g.subject_objects(p) if s in index and o in index)
        for s, o in pairs:
            ev = []
            for src, q in _sources_first(evidence_of.get((iris[s], p, iris[o]), set())):
                n = quote_index.get(q)
                if n is None:
                    n = quote_index[q] = len(quotes)
                    quotes.append(q)
                ev.append([src, n])
            edges.append({"s": s, "o": o, "rel": rel, "ev": ev})
    return edges, quotes


def _node(i: int, iri: str, ents: _Entities, values: _EntityValues, doc_index: dict[object, int],
          figs: dict[int, list[list]], blk: dict[int, list[int]]) -> dict:
    """Entity `i` as the page reads it: label, class and most specific type, aliases, the
    documents mentioning it, and its properties, figures of no document and the blocks naming
    it (the sources whose evidence or figures the page joins) when it has any."""
    cls, typ = sorted(ents.types[iri], key=lambda ct: (ct[1] == ct[0], ct[1]))[0]  # subclass first
    label = pick_label(values.pref.get(i, ())) or _local(iri).rsplit("/", 1)[-1]
    aliases = sorted({str(a) for a in values.alt.get(i, ())} - {label})
    docs = sorted({doc_index[d] for d in values.mentioned.get(i, ()) if d in doc_index})
    node = {"iri": str(iri), "label": label, "cls": cls, "type": typ, "aliases": aliases, "docs": docs}
    extra = [[p, str(v)] for p in PROPERTIES for v in sorted(values.props[p].get(i, ()), key=str)]
    if extra:
        node["props"] = extra
    if i in figs:
        node["figs"] = figs[i]
    if i in blk:
        node["blk"] = blk[i]
    return node


def _degrees(size: int, edges: list[dict]) -> list[int]:
    """Each node's number of relations (a self-relation counts twice)."""
    degree = [0] * size
    for e in edges:
        degree[e["s"]] += 1
        degree[e["o"]] += 1
    return degree


def _positions(nodes: list[dict], edges: list[dict], grouping: Grouping, start: list[int] | None) \
        -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where each node and each group starts: the grouped view's layout, or for a large graph
    the layout around its first view (a group then sits on its hub)."""
    if start is None:
        return layout_grouped(nodes, edges, grouping)
    positions = layout_around(nodes, edges, start)
    return positions, [positions[grp.hub] if grp.hub >= 0 else (0, 0) for grp in grouping.groups]


def _source_counts(size: int, nodes: list[dict]) -> list[int]:
    """Each source's number of entities mentioned in it (what the page's filter shows)."""
    counts = [0] * size
    for n in nodes:
        for d in n["docs"]:
            counts[d] += 1
    return counts


def _class_legend(nodes: list[dict]) -> list[dict]:
    """The classes with their Chinese names, looks and entity counts, in the legend's order."""
    return [{"id": c, "zh": zh, "colour": colour, "shape": shape,
             "count": sum(1 for n in nodes if n["cls"] == c)}
            for c, (zh, colour, shape) in CLASSES.items()]


def _relation_legend(edges: list[dict]) -> list[dict]:
    """The relations with their Chinese names, colours and edge counts (the relation filter)."""
    return [{"id": r, "zh": zh, "colour": colour, "count": sum(1 for e in edges if e["rel"] == r)}
            for r, (zh, colour) in RELATIONS.items()]


@dataclass(frozen=True)
class _DocumentRows:
    """The documents' evidence and figures as blocks, and the rows of no document."""

    blocks: list[Block]
    evidence: list[EvidenceRow]
    figures: list[FigureRow]

    @classmethod
    def of(cls, g: TripleIndex, doc_ids: dict[object, str], kept: Sequence[Block] | None) -> _DocumentRows:
        """`g`'s rows of a document made into blocks (an index for_viewer made without them
        has none), with the `kept` blocks a build brings."""
        evidence, figs = g.evidence_rows(), g.figure_rows()
        made = blocks_of_rows(evidence, figs, doc_ids.get)
        return cls([*made, *(kept or ())], [r for r in evidence if r.source not in doc_ids],
                   [r for r in figs if r.source not in doc_ids])


def _blocks_naming(numbered: list[tuple[int, Block]], index: dict[str, int]) -> dict[int, list[int]]:
    """Entity number → the numbers of the sources whose blocks name it, in order."""
    out: dict[int, list[int]] = defaultdict(list)
    for k, b in numbered:
        for iri in b.touched:
            i = index.get(iri)
            if i is not None:
                out[i].append(k)
    return out


def measure_names(g: TripleIndex) -> dict[str, str]:
    """Each measure's IRI → its name (the blocks' figures name measures by IRI)."""
    names: dict[str, list] = defaultdict(list)
    for m, label in g.subject_objects(_PREF):
        names[m].append(label)
    return {str(m): pick_label(names.get(m, ())) or "" for m in sorted(g.subjects(_TYPE, _lg("Measure")), key=str)}


def graph_data(g: GraphLike, *, large: int | None = None, start_view: int | None = None,
               pinyin: Pinyin = pinyin_keys, blocks: Sequence[Block] | None = None) -> dict:
    """Nodes, edges, evidence and layout of `g` as JSON-able data (labels are data, never HTML).

    With more than `large` entities (default LARGE_GRAPH) `start` lists the `start_view`
    entities (default START_VIEW) the page shows first; otherwise it is None. An rdflib Graph is
    indexed first (kg.graph.TripleIndex.of). `pinyin`: how search keys get their pinyin (a
    kg.export.viewer_search.PinyinMemo keeps it in a build's cache). `blocks`: the documents'
    blocks a build kept (kg.export.viewer_blocks), when `g` holds no row of a document.
    """
    g = TripleIndex.of(g)
    large = LARGE_GRAPH if large is None else large
    start_view = START_VIEW if start_view is None else start_view

    ents = _entities(g)
    values = _entity_values(g, ents.index)
    doc_ids = _document_ids(g)
    table = _SourceTable(g, _document_sources(g, doc_ids, ents, values), doc_ids)
    rows = _DocumentRows.of(g, doc_ids, blocks)
    edges, quotes = _edges(g, ents, _evidence(rows.evidence, table))
    figs = figures(g, rows.figures, ents.index, table.of)  # after the evidence: its new sources come first
    numbered = sorted((table.of_id(b.source), b) for b in rows.blocks)
    blk = _blocks_naming(numbered, ents.index)
    nodes = [_node(i, iri, ents, values, table.doc_index, figs, blk) for i, iri in enumerate(ents.iris)]
    for n, d in zip(nodes, _degrees(len(nodes), edges)):
        n["deg"] = d

    grouping = group_hubs(nodes, edges, tuple(CLASSES))
    for i in grouping.collapsed:
        nodes[i]["col"] = True
    start = start_view_of(nodes, start_view) if len(nodes) > large else None
    positions, group_positions = _positions(nodes, edges, grouping, start)
    for n, (x, y) in zip(nodes, positions):
        n["x"], n["y"] = x, y
    groups = [{**grp.as_json(), "x": x, "y": y} for grp, (x, y) in zip(grouping.groups, group_positions)]

    sources = table.sources
    for s, count in zip(sources, _source_counts(len(sources), nodes)):
        s["count"] = count
    return {
        "nodes": nodes,
        "edges": edges,
        "quotes": quotes,
        "sources": sources,
        "classes": _class_legend(nodes),
        "relations": _relation_legend(edges),
        "groups": groups,
        "search": search_index([n["label"] for n in nodes], [n["aliases"] for n in nodes], pinyin),
        "start": start,
        "blocks": [[k, b.data] for k, b in numbered],
        "measures": measure_names(g),
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


Point = tuple[float, float]


@dataclass(frozen=True)
class _Discs:
    """Each subtree's disc, by node: what places its children and packs the trees."""

    radius: list[float]  #: the whole subtree's disc
    ring: list[float]  #: least distance of the node's subtree children from it
    inner: list[float]  #: the disc of the node's leaf children


def _adjacency(n: int, edges: list[dict]) -> list[list[int]]:
    """Each node's neighbours, sorted (a self-relation is no neighbour): walks are deterministic."""
    adj: list[list[int]] = [[] for _ in range(n)]
    for e in edges:
        if e["s"] != e["o"]:
            adj[e["s"]].append(e["o"])
            adj[e["o"]].append(e["s"])
    for a in adj:
        a.sort()
    return adj


def _place_parents(n: int, edges: list[dict], is_place: list[bool]) -> list[int]:
    """Each place's parent: the first place it is located in that makes no cycle (-1: none)."""
    parent = [-1] * n
    for e in edges:
        s, o = e["s"], e["o"]
        if e["rel"] == "locatedIn" and is_place[s] and is_place[o] and parent[s] < 0 and s != o:
            a = o
            while a >= 0 and a != s:
                a = parent[a]
            if a != s:
                parent[s] = o
    return parent


def _place_depth(parent: list[int], i: int) -> int:
    """How deep place `i` is in the place forest (0: a root)."""
    d = 0
    while parent[i] >= 0:
        i, d = parent[i], d + 1
    return d


def _hang(roots: list[int], adj: list[list[int]], is_place: list[bool], depth: list[int],
          parent: list[int]) -> None:
    """Breadth-first from `roots`: each entity not yet reached (never a place) hangs from the one
    that reaches it first. Updates `depth` and `parent`."""
    queue = deque(roots)
    while queue:
        u = queue.popleft()
        for v in adj[u]:
            if depth[v] < 0 and not is_place[v]:
                depth[v] = depth[u] + 1
                parent[v] = u
                queue.append(v)


def _tree_parents(nodes: list[dict], adj: list[list[int]], edges: list[dict]) -> list[int]:
    """Each node's parent in the layout's forest (-1: a root). Places hang from their place;
    every other entity from the nearest place (breadth-first from all places at once, roots of the
    place forest first); the rest form one tree per connected component, rooted at its
    best-connected entity."""
    n = len(nodes)
    is_place = [nd["cls"] == "Place" for nd in nodes]
    parent = _place_parents(n, edges, is_place)
    depth = [-1] * n
    places = sorted((i for i in range(n) if is_place[i]), key=lambda i: (_place_depth(parent, i), i))
    for i in places:
        depth[i] = 0
    _hang(places, adj, is_place, depth, parent)
    for r in sorted(range(n), key=lambda i: (-len(adj[i]), i)):
        if depth[r] < 0:  # every place has depth 0: what is left is no place
            depth[r] = 0
            _hang([r], adj, is_place, depth, parent)
    return parent


def _children(parent: list[int]) -> tuple[list[list[int]], list[int]]:
    """Each node's children (by number), and the roots."""
    children: list[list[int]] = [[] for _ in parent]
    roots = []
    for i, p in enumerate(parent):
        (children[p] if p >= 0 else roots).append(i)
    return children, roots


def _post_order(roots: list[int], children: list[list[int]]) -> list[int]:
    """The forest's nodes, children before parents (without recursion: trees can be deep)."""
    order: list[int] = []
    stack = [(r, False) for r in roots]
    while stack:
        u, done = stack.pop()
        if done:
            order.append(u)
        else:
            stack.append((u, True))
            stack.extend((c, False) for c in children[u])
    return order


def _discs(order: list[int], children: list[list[int]]) -> _Discs:
    """Each subtree's disc, bottom-up: the node's leaves in a spiral around it, its subtrees on a
    ring outside them."""
    n = len(children)
    radius, ring, inner_of = [0.0] * n, [0.0] * n, [0.0] * n
    for u in order:
        leaves = [c for c in children[u] if not children[c]]
        big = [c for c in children[u] if children[c]]
        inner = _SPACING * math.sqrt(len(leaves) + 0.5) if leaves else _SPACING / 2
        inner_of[u] = radius[u] = inner
        if big:
            ring[u] = _ring(inner, [radius[c] for c in big])
            radius[u] = max(inner, max(max(ring[u], inner + _GAP + radius[c]) + radius[c] for c in big))
    return _Discs(radius, ring, inner_of)


def _root_positions(roots: list[int], radius: list[float]) -> dict[int, Point]:
    """Top level: the biggest tree in the middle (at the origin), the other (small) trees and lone
    entities packed in columns to its right, as tall as the main tree."""
    main, *rest = sorted(roots, key=lambda r: (-radius[r], r))
    pos: dict[int, Point] = {main: (0.0, 0.0)}
    half = max(radius[main], 4 * _SPACING)
    col_x, col_w, y = radius[main] + 2 * _GAP, 0.0, -half
    for r in rest:
        d = 2 * radius[r]
        if y + d > half and y > -half:
            col_x, col_w, y = col_x + col_w + _SPACING / 2, 0.0, -half
        pos[r] = (col_x + radius[r], y + radius[r])
        y += d + _SPACING / 2
        col_w = max(col_w, d)
    return pos


def _leaf_positions(centre: Point, leaves: list[int]) -> dict[int, Point]:
    """Leaves on a sunflower spiral around their parent (in the order given)."""
    x0, y0 = centre
    pos: dict[int, Point] = {}
    for k, c in enumerate(leaves, start=1):
        r, a = _SPACING * math.sqrt(k), k * _GOLDEN
        pos[c] = (x0 + r * math.cos(a), y0 + r * math.sin(a))
    return pos


def _subtree_positions(centre: Point, u: int, big: list[int], discs: _Discs) -> dict[int, Point]:
    """Node u's subtrees (in the order given) around it, each in an angle share as wide as its disc."""
    x0, y0 = centre
    dists = [max(discs.ring[u], discs.inner[u] + _GAP + discs.radius[c]) for c in big]
    angles = [_angle(discs.radius[c], d) for c, d in zip(big, dists)]
    total = sum(angles)
    pos: dict[int, Point] = {}
    a = 0.0
    for c, d, w in zip(big, dists, angles):
        share = w / total * 2 * math.pi
        mid = a + share / 2
        pos[c] = (x0 + d * math.cos(mid), y0 + d * math.sin(mid))
        a += share
    return pos


def _child_positions(u: int, centre: Point, nodes: list[dict], children: list[list[int]],
                     discs: _Discs) -> dict[int, Point]:
    """Where node u's children go: its leaves by class (the legend's order), then its subtrees,
    biggest first."""
    leaves = sorted((c for c in children[u] if not children[c]), key=lambda c: (_CLASS_ORDER[nodes[c]["cls"]], c))
    big = sorted((c for c in children[u] if children[c]), key=lambda c: (-discs.radius[c], c))
    return {**_leaf_positions(centre, leaves), **_subtree_positions(centre, u, big, discs)}


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
    if not nodes:
        return []
    children, roots = _children(_tree_parents(nodes, _adjacency(len(nodes), edges), edges))
    order = _post_order(roots, children)
    discs = _discs(order, children)
    pos: list[Point] = [(0.0, 0.0)] * len(nodes)
    for r, p in _root_positions(roots, discs.radius).items():
        pos[r] = p
    for u in reversed(order):  # pre-order: parents before children
        if children[u]:
            for c, p in _child_positions(u, pos[u], nodes, children, discs).items():
                pos[c] = p
    return [(round(x), round(y)) for x, y in pos]
