"""The HTML viewer: vis-network draws the network, our own template renders one self-contained page.

pyvis's stock page loads Bootstrap from a CDN, switches to innerHTML popups when a title holds
"href" and inserts its heading unescaped. Here the vis-network nodes and edges are the dicts
pyvis's `Network.add_node`/`add_edge` would make (`vis_node`, `vis_edge`: importing pyvis, with
networkx and IPython, took 0.2–0.3 s of every build); `templates/viewer.html` (Jinja2,
autoescaped) inlines vis-network from the copy pyvis ships, our script and styles, and the graph as JSON inside
<script type="application/json"> blocks (a core parsed at load, the search keys and chunks of
entities parsed on demand: viewer_chunks.py; each document's evidence and figures in a block
of its own, joined on demand: viewer_blocks.py). The page reads them with textContent + JSON.parse and shows
every label, alias and quote through textContent, never as markup. A Content-Security-Policy
allows no host at all, and only the page's own two scripts and two stylesheets (by hash).

The page's data comes from viewer_data.py (entities, relations, evidence, layout), with
viewer_groups.py (a hub's neighbours grouped by relation and class), viewer_search.py (search keys:
simplified characters, pinyin) and viewer_sources.py (documents' titles and years, figures).

Same graph → byte-identical page (everything sorted, no timestamps, no random ids).
"""
from __future__ import annotations

import base64
import hashlib
import math
from functools import lru_cache
from collections.abc import Sequence
from importlib.util import find_spec
from pathlib import Path

from .atomic import write_bytes
from .viewer_blocks import Block
from .viewer_chunks import json_for_script, split
from .viewer_data import CLASS_COLOURS, CLASSES, RELATIONS, GraphLike, graph_data
from .viewer_search import Pinyin, pinyin_keys

__all__ = ["CLASS_COLOURS", "RELATIONS", "graph_data", "network_data", "page_bytes", "render_html", "vis_edge",
           "vis_node", "write_html"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
FONT_FACE = ("system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', "
             "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif")


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet, from the copy pyvis ships (no CDN)."""
    spec = find_spec("pyvis")
    assert spec is not None and spec.submodule_search_locations
    base = Path(spec.submodule_search_locations[0]) / "templates" / "lib" / "vis-9.1.2"
    return ((base / "vis-network.min.js").read_text(encoding="utf-8"),
            (base / "vis-network.css").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _own_assets() -> tuple[str, str]:
    return ((TEMPLATES / "viewer.js").read_text(encoding="utf-8"),
            (TEMPLATES / "viewer.css").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                       undefined=StrictUndefined, keep_trailing_newline=True)


def _inline(text: str, tag: str) -> str:
    """Text to inline inside <script>/<style>: it must not be able to end its element early."""
    low = text.lower()
    if f"</{tag}" in low or "<!--" in low:
        raise ValueError(f"cannot inline text containing </{tag} or <!--")
    return text


@lru_cache(maxsize=8)
def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def vis_node(iri: str, label: str, cls: str, x: int, y: int, value: int, physics: bool = True) -> dict:
    """An entity's vis-network node, as pyvis's Network.add_node(iri, label=label, shape=…,
    group=cls, x=x, y=y, value=value[, physics=False]) makes it (tests compare the two)."""
    node = {"group": cls, "x": x, "y": y, "value": value}
    if not physics:
        node["physics"] = False
    node.update(id=iri, label=label or iri, shape=CLASSES[cls][2])
    return node


def vis_edge(k: int, source: str, target: str, rel: str) -> dict:
    """Relation `k`'s vis-network edge, as pyvis's add_edge(source, target, id=k, rel=rel,
    color=…) makes it in a directed Network."""
    return {"id": k, "rel": rel, "color": {"color": RELATIONS[rel][1]}, "from": source, "to": target, "arrows": "to"}


def _node_value(degree: int) -> int:
    """Node size grows with the log of its degree (a 600-link hub must not swallow the page)."""
    return 1 + round(3 * math.log2(1 + degree))


def _iterations(n_shown: int) -> int:
    """Stabilisation steps: fewer for more entities (each step costs more; the start is good)."""
    return 200 if n_shown <= 300 else 150 if n_shown <= 400 else 60


def _options(large: bool, n_shown: int) -> dict:
    groups = {}
    for cls, (_zh, colour, shape) in CLASSES.items():
        groups[cls] = {"shape": shape, "color": {"background": colour, "border": colour,
                                                 "highlight": {"background": colour, "border": "#222222"}}}
    return {
        "autoResize": True,
        "groups": groups,
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "nodes": {
            "borderWidth": 1, "borderWidthSelected": 3,
            "font": {"size": 14, "face": FONT_FACE, "color": "#222222", "strokeWidth": 3,
                     "strokeColor": "#ffffff"},
            # labels by importance and zoom: a hub's label grows with its degree and stays when
            # zoomed out; a leaf's shows once it is large enough to read
            "scaling": {"min": 6, "max": 34,
                        "label": {"enabled": True, "min": 11, "max": 90, "maxVisible": 30, "drawThreshold": 7}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "smooth": False, "width": 1, "selectionWidth": 1.5, "hoverWidth": 0,
            "color": {"inherit": False, "opacity": 0.85},
            "font": {"size": 11, "face": FONT_FACE, "color": "#555555", "strokeWidth": 3,
                     "strokeColor": "#ffffff", "align": "middle"},
        },
        "interaction": {"hover": True, "tooltipDelay": 300, "multiselect": False, "navigationButtons": False,
                        "keyboard": False, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large},
        "physics": {
            "enabled": True, "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -70, "centralGravity": 0.008, "springLength": 110,
                                 "springConstant": 0.08, "damping": 0.55, "avoidOverlap": 0.3},
            "maxVelocity": 80, "minVelocity": 1.5, "timestep": 0.45,
            # bounded: the layout starts from positions computed in Python and only relaxes them
            "stabilization": {"enabled": True, "iterations": _iterations(n_shown),
                              "updateInterval": 20, "fit": True},
        },
    }


def network_data(g: GraphLike, pinyin: Pinyin = pinyin_keys, blocks: Sequence[Block] | None = None) -> dict:
    """Everything the page needs: the vis nodes, edges and options plus the panel's data
    (`blocks`: see graph_data)."""
    data = graph_data(g, pinyin=pinyin, blocks=blocks)
    nodes, edges = data["nodes"], data["edges"]
    large = data["start"] is not None
    vis_nodes = [vis_node(n["iri"], n["label"], n["cls"], n["x"], n["y"], _node_value(n["deg"]), physics=bool(n["deg"]))
                 for n in nodes]  # lone entities keep their place in the margin
    vis_edges = [vis_edge(k, nodes[e["s"]]["iri"], nodes[e["o"]]["iri"], e["rel"]) for k, e in enumerate(edges)]
    shown = len(data["start"]) if data["start"] else \
        sum(1 for n in nodes if not n.get("col")) + len(data["groups"])  # what the page draws at load
    return {
        "vis": {"nodes": vis_nodes, "edges": vis_edges, "options": _options(large, shown)},
        "info": [{k: n[k] for k in ("type", "aliases", "docs", "props", "figs", "blk", "deg") if k in n}
                 for n in nodes],
        "evidence": [e["ev"] for e in edges],
        "quotes": data["quotes"],
        "sources": data["sources"],
        "classes": data["classes"],
        "relations": data["relations"],
        "groups": data["groups"],
        "collapsed": [i for i, n in enumerate(nodes) if n.get("col")],
        "search": data["search"],
        "start": data["start"],
        "blocks": data["blocks"],
        "measures": data["measures"],
    }


#: where the documents' blocks go in the rendered template (NUL never reaches the page otherwise:
#: the JSON blocks escape it)
_BLOCKS_HERE = "\x00lgkg-blocks\x00"


def render_html(g: GraphLike, pinyin: Pinyin = pinyin_keys, blocks: Sequence[Block] | None = None) -> str:
    """The page of `g` (`pinyin`, `blocks`: see graph_data)."""
    return page_bytes(g, pinyin, blocks).decode("utf-8")


def page_bytes(g: GraphLike, pinyin: Pinyin = pinyin_keys, blocks: Sequence[Block] | None = None) -> bytes:
    """The page of `g` as UTF-8. The documents' blocks (most of a large page's bytes) go in as
    the bytes they are kept as, not through the template."""
    vis_js, vis_css = _vis_assets()
    app_js, app_css = _own_assets()
    data = network_data(g, pinyin, blocks)
    core, search, chunks = split(data)
    scripts = [_inline(vis_js, "script"), _inline(app_js, "script")]
    styles = [_inline(vis_css, "style"), _inline(app_css, "style")]
    # no host at all; only these two scripts and two stylesheets, by hash (no 'unsafe-inline')
    csp = ("default-src 'none'; script-src " + " ".join(_hash(s) for s in scripts)
           + "; style-src " + " ".join(_hash(s) for s in styles)
           + "; img-src data:; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'")
    from markupsafe import Markup

    page = _environment().get_template("viewer.html").render(
        csp=csp,
        n_nodes=core["n"], n_edges=core["e"],
        vis_css=Markup(styles[0]), app_css=Markup(styles[1]),
        vis_js=Markup(scripts[0]), app_js=Markup(scripts[1]),
        data=Markup(json_for_script(core)),
        search=Markup(json_for_script(search)),
        chunks=[Markup(c) for c in chunks],
        blocks=Markup(_BLOCKS_HERE),
    )
    head, tail = page.split(_BLOCKS_HERE)
    out = [head.encode("utf-8")]
    for k, block in data["blocks"]:
        out += [b'<script type="application/json" id="lgkg-doc-%d">' % k, block, b"</script>\n"]
    out.append(tail.encode("utf-8"))
    return b"".join(out)


def write_html(g: GraphLike, path: Path, pinyin: Pinyin = pinyin_keys, blocks: Sequence[Block] | None = None) -> Path:
    write_bytes(path, page_bytes(g, pinyin, blocks))
    return path
