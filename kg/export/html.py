"""The HTML viewer: pyvis builds the network, our own template renders one self-contained page.

pyvis's stock page loads Bootstrap from a CDN and inserts text unescaped; here every script and
style is inlined (vis-network from the copy pyvis ships) and all labels travel as JSON data,
never as markup.
"""
from __future__ import annotations

import json
from importlib.util import find_spec
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from ..vocab import LG
from .atomic import write_text

CLASS_COLOURS = {
    "Organization": "#4e79a7", "Regulation": "#f28e2b", "Program": "#59a14f", "Place": "#e15759",
    "Award": "#edc948", "Person": "#b07aa1",
}
RELATIONS = ("implements", "receivedAward", "awardedBy", "locatedIn", "issuedBy")


def _vis_assets() -> tuple[str, str]:
    spec = find_spec("pyvis")
    assert spec is not None and spec.submodule_search_locations
    base = Path(spec.submodule_search_locations[0]) / "templates" / "lib" / "vis-9.1.2"
    return (base / "vis-network.min.js").read_text(encoding="utf-8"), (base / "vis-network.css").read_text(
        encoding="utf-8")


def contract_class(g: Graph, node: URIRef) -> str | None:
    todo, seen = list(g.objects(node, RDF.type)), set()
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.add(c)
        local = str(c).removeprefix(str(LG._NS))
        if local in CLASS_COLOURS:
            return local
        todo.extend(g.objects(c, RDFS.subClassOf))
    return None


def graph_data(g: Graph) -> dict:
    """Nodes, edges and evidence as plain JSON-able data (labels are data, never HTML)."""
    from pyvis.network import Network

    net = Network(directed=True)
    docs = {str(d): str(i) for d, i in g.subject_objects(DCTERMS.identifier)}
    nodes = []
    for node in sorted({s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef)}):
        cls = contract_class(g, node)
        if cls is None:
            continue
        label = str(g.value(node, SKOS.prefLabel) or node)
        net.add_node(str(node), label=label, color=CLASS_COLOURS[cls], group=cls)
        nodes.append({
            "id": str(node), "label": label, "cls": cls,
            "type": str(g.value(node, RDF.type)).removeprefix(str(LG._NS)),
            "aliases": sorted(str(a) for a in g.objects(node, SKOS.altLabel)),
            "docs": sorted(docs.get(str(d), str(d)) for d in g.objects(node, LG.mentionedIn)),
        })
    ids = {n["id"] for n in nodes}
    quotes_of: dict[tuple, set[str]] = {}
    for ev in g.subjects(RDF.type, LG.Evidence):
        spo = (g.value(ev, RDF.subject), g.value(ev, RDF.predicate), g.value(ev, RDF.object))
        quotes_of.setdefault(spo, set()).update(str(q) for q in g.objects(ev, LG.quote))
    edges = []
    for rel in RELATIONS:
        for s, o in sorted(g.subject_objects(LG[rel])):
            if str(s) in ids and str(o) in ids:
                quotes = sorted(quotes_of.get((s, LG[rel], o), ()))
                net.add_edge(str(s), str(o), label=rel)
                edges.append({"from": str(s), "to": str(o), "rel": rel, "quotes": quotes})
    return {"nodes": nodes, "edges": edges, "colours": CLASS_COLOURS}


_PAGE = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>lgkg graph</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<style>{css}
body{{margin:0;font-family:sans-serif}}#net{{width:100vw;height:100vh}}</style></head>
<body><div id="net"></div>
<script type="application/json" id="lgkg-data">{data}</script>
<script>{js}</script>
<script>
const DATA = JSON.parse(document.getElementById('lgkg-data').textContent);
const nodes = new vis.DataSet(DATA.nodes.map(n => ({{id: n.id, label: n.label, color: DATA.colours[n.cls], group: n.cls}})));
const edges = new vis.DataSet(DATA.edges.map((e, i) => ({{id: i, from: e.from, to: e.to, label: e.rel, arrows: 'to'}})));
window.network = new vis.Network(document.getElementById('net'), {{nodes, edges}},
  {{physics: {{stabilization: {{iterations: 200}}}}, edges: {{font: {{size: 9}}}}}});
window.network.once('stabilizationIterationsDone', () => window.network.setOptions({{physics: false}}));
</script></body></html>
"""


def _json_for_script(obj: object) -> str:
    """JSON safe inside <script>: no '</' or '<!--' can close or open markup."""
    s = json.dumps(obj, ensure_ascii=False, sort_keys=True)
    return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_html(g: Graph) -> str:
    js, css = _vis_assets()
    return _PAGE.format(css=css, js=js, data=_json_for_script(graph_data(g)))


def write_html(g: Graph, path: Path) -> Path:
    write_text(path, render_html(g))
    return path
