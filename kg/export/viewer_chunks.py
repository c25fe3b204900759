"""The viewer's data split so the page opens on a bounded summary and reads the rest on demand.

A national corpus mentions a hub in thousands of reports and quotes each relation hundreds of
times: one JSON block holding every entity's documents and every quote grew with the corpus, and
the page parsed all of it before drawing anything. Here the data becomes blocks:

- the core (parsed at load): classes, relations, documents, groups, the first view, and for the
  entities it draws their light record (vis node, degree, relations without their evidence);
- the search keys (parsed at the first search);
- chunks of consecutive entities (in IRI order, bounded in bytes), each with those entities'
  light records (those not already in the core), their details (type, aliases, documents,
  properties, figures of no document, the documents' blocks naming them) and the evidence of no
  document (the gazetteer's) of the relations they are the subject of;
- each document's block (viewer_blocks.py): its evidence and figures, by IRI.

The page (viewer.js) parses a chunk the first time it needs one of its entities (search, a link,
a group expanded, a filter on documents), and a document's block the first time a relation's
evidence or an entity's figures need it — synchronously, so selection stays one call. Everything
stays inside the one page: no request, and the same input gives the same bytes.
"""
from __future__ import annotations

import json
from collections import defaultdict

import msgspec

from ..vocab import LGR_IRI

#: a chunk closes once its JSON passes this many characters (one chunk parses in a few ms)
CHUNK_CHARS = 256_000
#: and holds at most this many entities
CHUNK_ENTITIES = 512


#: compact JSON, keys sorted, characters as they are (msgspec: the json module's encoder takes
#: four times as long over a large page's chunks)
_ENCODER = msgspec.json.Encoder(order="sorted")


def json_for_script(obj: object) -> str:
    """JSON safe inside <script>: no '</' or '<!--' can close or open markup."""
    s = _ENCODER.encode(obj).decode("utf-8")
    return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def light_record(node: dict, info: dict, collapsed: bool, incident: list[list]) -> dict:
    """What drawing an entity needs: its vis node, degree, collapsed flag, relations [k, s, o, rel]."""
    rec = {"node": node, "deg": info.get("deg", 0), "edges": incident}
    if collapsed:
        rec["col"] = 1
    return rec


def split(data: dict, chunk_chars: int | None = None) -> tuple[dict, dict, list[str]]:
    """network_data(...) → (core, search, chunks as JSON text safe inside <script>); see the
    module's docstring."""
    chunk_chars = CHUNK_CHARS if chunk_chars is None else chunk_chars
    vis_nodes, vis_edges = data["vis"]["nodes"], data["vis"]["edges"]
    n = len(vis_nodes)
    index = {v["id"]: i for i, v in enumerate(vis_nodes)}
    ends = [(index[e["from"]], index[e["to"]]) for e in vis_edges]
    incident: list[list[list]] = [[] for _ in range(n)]
    for k, (e, (s, o)) in enumerate(zip(vis_edges, ends, strict=True)):
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

    # chunks: consecutive entities until the chunk's text passes chunk_chars; each entity is
    # serialised once; a chunk's quotes are listed once in it (a report quoted in 100 copies)
    chunks: list[str] = []
    starts: list[int] = []
    parts: list[str] = []
    table: dict[str, int] = {}
    size = 0

    def close() -> None:
        quotes_json = json_for_script(list(table))
        chunks.append('{"entities":[' + ",".join(parts) + '],"quotes":' + quotes_json + "}")

    for i in range(n):
        if parts and (size > chunk_chars or len(parts) >= CHUNK_ENTITIES):
            close()
            parts, table, size = [], {}, 0
        if not parts:
            starts.append(i)
        detail = {k: v for k, v in data["info"][i].items() if k != "deg"}
        evidence = [[k, [[src, table.setdefault(quotes[q], len(table))] for src, q in data["evidence"][k]]]
                    for k in out_edges.get(i, ())]
        entry: dict = {"i": i, "info": detail, "ev": evidence}
        if i not in first_view:
            entry["light"] = light(i)
        text = json_for_script(entry)
        parts.append(text)
        size += len(text)
    if parts:
        close()
    core = {
        "n": n, "e": len(vis_edges),
        "options": data["vis"]["options"],
        "classes": data["classes"], "relations": data["relations"], "sources": data["sources"],
        "measures": data["measures"], "base": LGR_IRI,
        "groups": data["groups"], "start": data["start"],
        "entities": [[i, light(i)] for i in sorted(first_view)],
        "chunks": [[s, vis_nodes[s]["id"]] for s in starts],
    }
    search = dict(data["search"])
    search["keys"] = [row + [data["info"][i].get("deg", 0)] for i, row in enumerate(search["keys"])]
    return core, search, chunks


def join(core: dict, search: dict, chunks: list[dict], docs: dict[int, dict] | None = None) -> dict:
    """The blocks back into one dict (nodes, info, evidence with quote text, figures, groups,
    ...): what tests and tools read, whichever block an entity landed in. The documents' blocks
    (`docs`, by source number) are joined as viewer.js joins them: an edge's evidence is its
    quotes of no document and those of the blocks naming both its ends, by source (none last)
    and quote; an entity's figures are its own and those of the blocks naming it, sorted."""
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
                evidence[k] = [[src, c["quotes"][q]] for src, q in ev]
    for i, row in enumerate(search["keys"]):
        degs[i] = row[-1]
    for i, x in enumerate(info):
        if x is not None:
            x["deg"] = degs.get(i, 0)
    _join_documents(nodes, info, edges, evidence, docs or {}, core.get("measures", {}),
                    [r["id"] for r in core["relations"]])
    return {**{k: v for k, v in core.items() if k not in ("entities", "chunks")},
            "nodes": nodes, "info": info, "edges": edges, "evidence": evidence,
            "collapsed": sorted(collapsed), "search": search, "quotes": sorted({q for ev in evidence if ev for _s, q in ev})}


def _join_documents(nodes: list, info: list, edges: list, evidence: list, docs: dict[int, dict],
                    measures: dict[str, str], relations: list[str]) -> None:
    """Evidence and figures of the documents' blocks, into `evidence` and `info` (see `join`)."""
    from .viewer_blocks import full_iri

    def blk(i: int) -> list[int]:
        return (info[i] or {}).get("blk", [])

    for d in docs.values():  # each block's IRIs and relations as the page reads them
        d["i"] = [full_iri(x) for x in d["i"]]
        d["e"] = [[s, relations[r], o, q] for s, r, o, q in d["e"]]
        d["f"] = [[a, full_iri(d["m"][m]) if m >= 0 else None, *rest] for a, m, *rest in d["f"]]

    for k, e in enumerate(edges):
        if e is None:
            continue
        s, o, rel = e
        iri_s, iri_o = nodes[s]["id"], nodes[o]["id"]
        found = {(src, q) for src, q in evidence[k] or ()}
        for b in sorted(set(blk(s)) & set(blk(o))):
            d = docs[b]
            found |= {(b, d["q"][q]) for si, r, oi, q in d["e"] if (d["i"][si], r, d["i"][oi]) == (iri_s, rel, iri_o)}
        evidence[k] = [list(x) for x in sorted(found, key=lambda x: (x[0] < 0, x[0], x[1]))]
    for i, x in enumerate(info):
        if x is None or not x.get("blk"):
            continue
        figs = list(x.get("figs", []))
        for b in x["blk"]:
            d = docs[b]
            figs += [[measures.get(m, "") if m else "", period, value, unit, b]
                     for a, m, period, value, unit in d["f"] if d["i"][a] == nodes[i]["id"]]
        if figs:
            x["figs"] = sorted(figs)


def blocks_of(page: str) -> tuple[dict, dict, list[dict], dict[int, dict]]:
    """The (core, search, chunks, documents' blocks by source number) JSON blocks of a rendered
    page (for tests and tools)."""
    import re

    found = dict(re.findall(r'<script type="application/json" id="lgkg-([a-z0-9-]+)">(.*?)</script>', page, re.S))
    chunks = [json.loads(found[f"chunk-{c}"]) for c in range(sum(1 for k in found if k.startswith("chunk-")))]
    docs = {int(k.removeprefix("doc-")): json.loads(v) for k, v in found.items() if k.startswith("doc-")}
    return json.loads(found["data"]), json.loads(found["search"]), chunks, docs


def page_data(page: str) -> dict:
    """A rendered page's data, joined back into one dict (see `join`)."""
    return join(*blocks_of(page))
