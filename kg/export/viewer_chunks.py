"""The viewer's data split so the page opens on a bounded summary and reads the rest on demand.

A national corpus mentions a hub in thousands of reports and quotes each relation hundreds of
times: one JSON block holding every entity's documents and every quote grew with the corpus, and
the page parsed all of it before drawing anything. Here the data becomes blocks:

- the core (parsed at load): classes, relations, documents, groups, the first view, and for the
  entities it draws their light record (vis node, degree, relations without their evidence);
- the search keys (parsed at the first search);
- chunks of consecutive entities (in IRI order, bounded in bytes), each with those entities'
  light records (those not already in the core), their details (type, aliases, documents,
  properties, figures) and the evidence of the relations they are the subject of.

The page (viewer.js) parses a chunk the first time it needs one of its entities (search, a link,
a group expanded, a filter on documents) — synchronously, so selection stays one call. Everything
stays inside the one page: no request, and the same input gives the same bytes.
"""
from __future__ import annotations

import json
from collections import defaultdict

#: a chunk closes once its JSON passes this many characters (one chunk parses in a few ms)
CHUNK_CHARS = 256_000
#: and holds at most this many entities
CHUNK_ENTITIES = 512


def _size(obj: object) -> int:
    return len(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))


def light_record(node: dict, info: dict, collapsed: bool, incident: list[list]) -> dict:
    """What drawing an entity needs: its vis node, degree, collapsed flag, relations [k, s, o, rel]."""
    rec = {"node": node, "deg": info.get("deg", 0), "edges": incident}
    if collapsed:
        rec["col"] = 1
    return rec


def split(data: dict, chunk_chars: int | None = None) -> tuple[dict, dict, list[dict]]:
    """network_data(...) → (core, search, chunks); see the module's docstring."""
    chunk_chars = CHUNK_CHARS if chunk_chars is None else chunk_chars
    vis_nodes, vis_edges = data["vis"]["nodes"], data["vis"]["edges"]
    n = len(vis_nodes)
    index = {v["id"]: i for i, v in enumerate(vis_nodes)}
    ends = [(index[e["from"]], index[e["to"]]) for e in vis_edges]
    incident: list[list[list]] = [[] for _ in range(n)]
    for k, (e, (s, o)) in enumerate(zip(vis_edges, ends)):
        incident[s].append([k, s, o, e["rel"]])
        if o != s:
            incident[o].append([k, s, o, e["rel"]])
    out_edges: dict[int, list[int]] = defaultdict(list)
    for k, (s, _o) in enumerate(ends):
        out_edges[s].append(k)
    collapsed = set(data["collapsed"])
    first_view = set(range(n)) if data["start"] is None else set(data["start"])
    quotes = data["quotes"]

    def light(i: int) -> dict:
        return light_record(vis_nodes[i], data["info"][i], i in collapsed, incident[i])

    # chunks: consecutive entities until the chunk's size passes chunk_chars
    chunks: list[dict] = []
    starts: list[int] = []
    cur: dict = {}
    size = 0
    for i in range(n):
        detail = {k: v for k, v in data["info"][i].items() if k != "deg"}
        evidence = [[k, [[src, quotes[q]] for src, q in data["evidence"][k]]] for k in out_edges.get(i, ())]
        entry = {"i": i, "info": detail, "ev": evidence}
        if i not in first_view:
            entry["light"] = light(i)
        cost = _size(entry)
        if not cur or size + cost > chunk_chars or len(cur["entities"]) >= CHUNK_ENTITIES:
            cur = {"entities": []}
            chunks.append(cur)
            starts.append(i)
            size = 0
        cur["entities"].append(entry)
        size += cost
    core = {
        "n": n, "e": len(vis_edges),
        "options": data["vis"]["options"],
        "classes": data["classes"], "relations": data["relations"], "sources": data["sources"],
        "groups": data["groups"], "start": data["start"],
        "entities": [[i, light(i)] for i in sorted(first_view)],
        "chunks": [[s, vis_nodes[s]["id"]] for s in starts],
    }
    search = dict(data["search"])
    search["keys"] = [row + [data["info"][i].get("deg", 0)] for i, row in enumerate(search["keys"])]
    return core, search, chunks


def join(core: dict, search: dict, chunks: list[dict]) -> dict:
    """The blocks back into one dict (nodes, info, evidence with quote text, groups, ...): what
    tests and tools read, whichever block an entity landed in."""
    n = core["n"]
    nodes: list[dict | None] = [None] * n
    info: list[dict | None] = [None] * n
    evidence: list[list | None] = [None] * core["e"]
    edges: list[list | None] = [None] * core["e"]
    collapsed = []

    def install(i: int, rec: dict) -> None:
        nodes[i] = rec["node"]
        if rec.get("col"):
            collapsed.append(i)
        for k, s, o, rel in rec["edges"]:
            edges[k] = [s, o, rel]

    for i, rec in core["entities"]:
        install(i, rec)
    degs = {}
    for c in chunks:
        for entry in c["entities"]:
            if "light" in entry:
                install(entry["i"], entry["light"])
            info[entry["i"]] = entry["info"]
            for k, ev in entry["ev"]:
                evidence[k] = ev
    for i, row in enumerate(search["keys"]):
        degs[i] = row[-1]
    for i, x in enumerate(info):
        if x is not None:
            x["deg"] = degs.get(i, 0)
    return {**{k: v for k, v in core.items() if k not in ("entities", "chunks")},
            "nodes": nodes, "info": info, "edges": edges, "evidence": evidence,
            "collapsed": sorted(collapsed), "search": search, "quotes": sorted({q for ev in evidence if ev for _s, q in ev})}


def blocks_of(page: str) -> tuple[dict, dict, list[dict]]:
    """The (core, search, chunks) JSON blocks of a rendered page (for tests and tools)."""
    import re

    found = dict(re.findall(r'<script type="application/json" id="lgkg-([a-z0-9-]+)">(.*?)</script>', page, re.S))
    chunks = [json.loads(found[f"chunk-{c}"]) for c in range(sum(1 for k in found if k.startswith("chunk-")))]
    return json.loads(found["data"]), json.loads(found["search"]), chunks


def page_data(page: str) -> dict:
    """A rendered page's data, joined back into one dict (see `join`)."""
    return join(*blocks_of(page))
