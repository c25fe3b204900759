"""The HTML viewer (exports/graph.html): self-contained, deterministic, safe, and usable.

Fast tests read the page as text. Tests marked `browser` drive Debian's Chromium headless
through Playwright, as a person would: load the page offline, search, filter, click, and open
a page built from a hostile document. They skip only when /usr/bin/chromium is missing
(`.ci/run` installs it).
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS

from kg.export import html as viewer
from kg.export import viewer_data
from kg.export.viewer_chunks import page_data
from kg.vocab import LG, LGR

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 # every test opens a fresh page, all in one renderer process: a page reuses the
                 # scripts the pages before it compiled (vis-network), about a second less per page
                 "--process-per-site"]

HOSTILE_TEXT = (
    "聊城市司法局2023年法治政府建设工作报告\n"
    "聊城市司法局打造“<script>alert(1)</script>”品牌，推行“<img src=x onerror=alert(1)>”机制，"
    "印发《关于\"引号\"与\\反斜杠\\的通知》。\n"
    "冠县司法局创新“</script><script>alert(2)</script>调解”工作法。\n"
)
HOSTILE_FILE = "r<img src=x onerror=alert(3)>.txt"
FORMULA_LABEL = "=HYPERLINK(\"http://x.invalid\",\"司法局\")"
#: added straight into the graph, beyond what the extractor produces
INJECTED_ALIAS = "</script><!--<script>alert(4)</script>{{ 7*7 }}{% raw %}'\";alert(5);//\\u003c\u2028\u2029"
INJECTED_QUOTE = "引文</script><script>alert(6)</script><img src=x onerror=alert(7)>“引号”\\反斜杠\\\u2028结束"
RAW_HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<script>alert(2)</script>",
               "<img src=x onerror=alert(3)>", "<script>alert(4)</script>", "<script>alert(6)</script>",
               "<img src=x onerror=alert(7)>")


# ---- fixtures ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds_html(seeds_build) -> Path:
    return Path(seeds_build.outputs[1])


@pytest.fixture(scope="module")
def seeds_data(seeds_graph) -> dict:
    """The viewer's data of the seeds' graph, computed once (tests only read it)."""
    return viewer_data.graph_data(seeds_graph)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A report full of markup, built by the real pipeline, plus hostile data added directly."""
    from kg.build import build

    root = tmp_path_factory.mktemp("hostile")
    (root / "in").mkdir()
    (root / "in" / HOSTILE_FILE).write_text(HOSTILE_TEXT, encoding="utf-8")
    result = build([root / "in"], root / "out")
    g = Graph().parse(result.outputs[0], format="turtle")
    labels = {str(o) for o in g.objects(None, SKOS.prefLabel)}
    # the extractor really turns the markup into labels, so the page really holds it
    assert "“<script>alert(1)</script>”品牌" in labels, sorted(labels)
    assert "“<img src=x onerror=alert(1)>”机制" in labels, sorted(labels)
    assert any("\\反斜杠\\" in lab for lab in labels), sorted(labels)

    prog = next(s for s, o in g.subject_objects(SKOS.prefLabel) if str(o) == "“<script>alert(1)</script>”品牌")
    org = next(s for s, o in g.subject_objects(SKOS.prefLabel) if str(o) == "聊城市司法局")
    doc = next(g.subjects(RDF.type, LG.SourceDocument))
    g.add((prog, SKOS.altLabel, Literal(INJECTED_ALIAS, lang="zh")))
    ev = LGR["ev-injected"]
    for p, o in ((RDF.type, LG.Evidence), (RDF.subject, org), (RDF.predicate, LG.implements), (RDF.object, prog),
                 (PROV.wasDerivedFrom, doc), (LG.quote, Literal(INJECTED_QUOTE, lang="zh"))):
        g.add((ev, p, o))
    formula = LGR["org-formula"]  # a label a spreadsheet would run as a formula
    g.add((formula, RDF.type, LG.Organization))
    g.add((formula, SKOS.prefLabel, Literal(FORMULA_LABEL, lang="zh")))
    g.add((formula, LG.implements, prog))
    page = root / "hostile.html"
    viewer.write_html(g, page)
    return {"graph": g, "page": page, "built": Path(result.outputs[1]), "prog": str(prog), "org": str(org)}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One Chromium and one browser context for the module; each test opens its own pages in it.
    A page stays open on an empty file:// page meanwhile, so the renderer process the test pages
    share (--process-per-site) lives from one test to the next."""
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    blank = tmp_path_factory.mktemp("blank") / "blank.html"
    blank.write_text("<!doctype html><title>blank</title>", encoding="utf-8")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = b.new_context(accept_downloads=True)
        keep = context.new_page()
        keep.goto(blank.as_uri())
        yield context
        context.close()
        b.close()


class Opened:
    """A page opened from file://, with everything it asked for and complained about."""

    def __init__(self, context, path: Path, fragment: str = "", width: int = 1280, height: int = 800):
        self.url = path.resolve().as_uri()
        self.page = context.new_page()
        self.page.set_viewport_size({"width": width, "height": height})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

        def on_dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", on_dialog)
        self.page.goto(self.url + fragment)
        self.page.wait_for_function("() => window.lgkgReady === true", timeout=60_000)

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def opened(browser):
    pages: list[Opened] = []

    def open_(path: Path, fragment: str = "", width: int = 1280, height: int = 800) -> Opened:
        o = Opened(browser, path, fragment, width, height)
        pages.append(o)
        return o

    yield open_
    for o in pages:
        o.close()


def _node_click_point(o: Opened, iri: str) -> dict:
    """Bring a node to the middle of the canvas at a readable zoom; its point in the page, once
    the canvas shows that view (a person clicks what is drawn)."""
    return o.js("""iri => new Promise(done => {
        const p = network.getPositions([iri])[iri];
        network.once('afterDrawing', () => {
            const q = network.canvasToDOM(p), r = document.getElementById('net').getBoundingClientRect();
            done({x: r.left + q.x, y: r.top + q.y});
        });
        network.moveTo({position: p, scale: 1.5});
    })""", iri)


# ---- the page as text -------------------------------------------------------------------------

class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_page_is_self_contained(seeds_html):
    text = seeds_html.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(text)
    fetching = [(t, a) for t, a in parser.tags for k in ("src", "href", "action", "poster", "data")
                if a.get(k) is not None and not a[k].startswith("data:")]
    assert fetching == []
    scripts = [a for t, a in parser.tags if t == "script"]
    types = [a.get("type") for a in scripts]
    assert types[-2:] == [None, None] and set(types[:-2]) == {"application/json"} and len(types) >= 5
    assert not re.search(r"""url\(\s*(?!['"]?data:)""", text), "a stylesheet fetches something"
    assert not re.search(r"@import", text)
    csp = next(a["content"] for t, a in parser.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert "http" not in csp and "unsafe-eval" not in csp and "unsafe-inline" not in csp
    assert "bootstrap" not in text.lower() and "cdn" not in csp


def test_csp_hashes_are_the_inline_scripts_and_styles(seeds_html):
    text = seeds_html.read_text(encoding="utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1).replace("&#39;", "'")
    for tag in ("script", "style"):
        bodies = re.findall(rf"<{tag}>(.*?)</{tag}>", text, flags=re.S)
        assert len(bodies) == 2  # vis-network's, then ours
        directive = next(d for d in csp.split(";") if d.strip().startswith(f"{tag}-src"))
        assert "unsafe-inline" not in directive
        for body in bodies:
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            assert f"'sha256-{digest}'" in directive


def test_same_graph_same_page(seeds_build, seeds_graph, seeds_html):
    """The page depends on the triples only: a graph re-read from Turtle renders the same bytes."""
    assert viewer.render_html(seeds_graph) == seeds_html.read_text(encoding="utf-8")


def test_graph_data_follows_the_contract(seeds_graph, seeds_data, seeds_html):
    data = seeds_data
    n_entities = len(list(seeds_graph.query("""
        PREFIX lg: <https://w3id.org/lgkg/ontology#>  PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?e WHERE { ?e a/rdfs:subClassOf* ?c .
          VALUES ?c { lg:Organization lg:Regulation lg:Program lg:Place lg:Award lg:Person } }""")))
    assert len(data["nodes"]) == n_entities
    assert sum(len(list(seeds_graph.subject_objects(LG[r]))) for r in viewer_data.RELATIONS) == len(data["edges"])
    # every relation carries its evidence (the documents' blocks joined as the page joins them)
    joined = page_data(seeds_html.read_text(encoding="utf-8"))
    assert len(joined["evidence"]) == len(data["edges"]) and all(joined["evidence"])
    assert {s["id"] for s in data["sources"] if s["doc"]} == {
        str(i) for i in seeds_graph.objects(None, DCTERMS.identifier)}
    assert data["start"] is None  # the seeds' graph is shown whole
    drawn = [(n["x"], n["y"]) for n in data["nodes"] if not n.get("col")] + [(g["x"], g["y"]) for g in data["groups"]]
    assert len(set(drawn)) > 0.95 * len(drawn)  # a real layout of what the page draws at load


def test_vis_nodes_and_edges_are_what_pyvis_makes(seeds_data):
    """The page's vis-network nodes and edges are made without importing pyvis, as its
    Network.add_node / add_edge make them (a lone entity with physics off, an empty label)."""
    from pyvis.network import Network

    nodes, edges = seeds_data["nodes"], seeds_data["edges"]
    assert any(not n["deg"] for n in nodes) and any(n["deg"] for n in nodes)
    net = Network(directed=True)
    ours = []
    for n in [*nodes, {**nodes[0], "iri": "https://example.org/unlabelled", "label": ""}]:
        value = viewer._node_value(n["deg"])
        extra = {} if n["deg"] else {"physics": False}
        net.add_node(n["iri"], label=n["label"], shape=viewer_data.CLASSES[n["cls"]][2], group=n["cls"],
                     x=n["x"], y=n["y"], value=value, **extra)
        ours.append(viewer.vis_node(n["iri"], n["label"], n["cls"], n["x"], n["y"], value, physics=bool(n["deg"])))
    for k, e in enumerate(edges):
        net.add_edge(nodes[e["s"]]["iri"], nodes[e["o"]]["iri"], id=k, rel=e["rel"],
                     color={"color": viewer_data.RELATIONS[e["rel"]][1]})
    vis_nodes, vis_edges, *_ = net.get_network_data()
    assert ours == vis_nodes and list(ours[0]) == list(vis_nodes[0])  # the keys in pyvis's order too
    assert [viewer.vis_edge(k, nodes[e["s"]]["iri"], nodes[e["o"]]["iri"], e["rel"])
            for k, e in enumerate(edges)] == vis_edges


def test_evidence_sorts_by_source_and_quote_with_sourceless_quotes_last():
    """The plain sort and cut gives the order of the key (no source last, source, quote)."""
    import random

    rng = random.Random(17)
    for _ in range(200):
        pairs = {(rng.choice((-1, 0, 1, 2, 7)), rng.choice("甲乙丙ab")) for _ in range(rng.randrange(8))}
        assert viewer_data._sources_first(pairs) == sorted(pairs, key=lambda e: (e[0] < 0, e[0], e[1]))


def test_json_in_script_cannot_break_out():
    s = viewer.json_for_script({"a": INJECTED_ALIAS, "b": INJECTED_QUOTE, "c": "&amp;<!--"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s and "\u2029" not in s
    assert json.loads(s) == {"a": INJECTED_ALIAS, "b": INJECTED_QUOTE, "c": "&amp;<!--"}


def test_hostile_strings_never_appear_raw(hostile):
    for page in (hostile["page"], hostile["built"]):
        text = page.read_text(encoding="utf-8")
        for raw in RAW_HOSTILE:
            assert raw not in text, (page.name, raw)
        blocks = len(re.findall(r'<script type="application/json" id="lgkg-[a-z0-9-]+">', text))
        assert blocks >= 3  # the core, the search keys, one chunk or more
        # the JSON blocks + vis-network + ours; plus one "<script" string in vis
        assert text.count("<script") == blocks + 3
        data = page_data(text)
        labels = {n["label"] for n in data["nodes"]}
        assert "“<script>alert(1)</script>”品牌" in labels  # data, intact, back out of the JSON
    data = page_data(hostile["page"].read_text(encoding="utf-8"))
    assert any(INJECTED_ALIAS in x["aliases"] for x in data["info"])  # "{{ 7*7 }}" never went through Jinja
    assert INJECTED_QUOTE in data["quotes"]


# ---- in Chromium ------------------------------------------------------------------------------

def _drawn_at_load(data: dict) -> tuple[int, int]:
    """(entities, groups) the page draws at load: every entity not collapsed into a group."""
    return sum(1 for n in data["nodes"] if not n.get("col")), len(data["groups"])


ENTITY_NODES = "() => network.body.data.nodes.get({filter: n => !String(n.id).startsWith('group:')}).length"
GROUP_NODES = "() => network.body.data.nodes.get({filter: n => String(n.id).startsWith('group:')}).map(n => n.id)"
#: resolves after n animation frames
FRAMES = """n => new Promise(done => { const step = () => (n-- > 0 ? requestAnimationFrame(step) : done());
    step(); })"""
EDGES_PER_NODE = """() => { const c = {}; network.body.data.edges.forEach(e => {
    c[e.from] = (c[e.from] || 0) + 1; if (e.to !== e.from) c[e.to] = (c[e.to] || 0) + 1; }); return c; }"""


@pytest.mark.browser
def test_page_loads_offline_without_errors(opened, seeds_html, seeds_data):
    o = opened(seeds_html)
    assert o.errors == []
    assert o.requests == [o.url], "the page asked for something besides itself"
    data = seeds_data
    entities, groups = _drawn_at_load(data)
    assert o.js("() => typeof window.network") == "object"
    assert o.js(ENTITY_NODES) == entities and len(o.js(GROUP_NODES)) == groups
    assert 0 < entities < len(data["nodes"]) and groups > 0
    legend = o.js("() => Array.from(document.querySelectorAll('#classes label')).map(l => l.textContent)")
    assert len(legend) == 6 and any("Place" in t for t in legend)
    # physics stabilised and stopped: nothing moves any more, frame after frame (vis-network
    # steps its simulation once per animation frame)
    before = o.js("() => network.getPositions()")
    o.js(FRAMES, 15)
    assert o.js("() => network.getPositions()") == before
    assert o.page.locator("#banner").is_hidden()
    assert o.errors == [] and o.requests == [o.url]


@pytest.mark.browser
def test_no_hub_floods_the_view_and_groups_expand(opened, seeds_html, seeds_graph):
    """At load no node draws more than 60 edges; the big city's neighbours sit in labelled
    groups (relation and class), and clicking a group shows its members around it."""
    o = opened(seeds_html)
    per_node = o.js(EDGES_PER_NODE)
    assert max(per_node.values()) <= 60, sorted(per_node.items(), key=lambda kv: -kv[1])[:3]
    city = _iri_of(seeds_graph, "聊城市")
    degree = len([1 for p in viewer_data.RELATIONS for s, ob in seeds_graph.subject_objects(LG[p])
                  if city in (str(s), str(ob))])
    assert degree > 300 and per_node[city] <= 60  # the hub that used to draw them all
    groups = o.js(GROUP_NODES)
    labels = o.js("ids => ids.map(id => network.body.data.nodes.get(id).label)", groups)
    assert any("机构 · 位于" in lab for lab in labels), labels  # bodies located in the city
    assert any("无关系" in lab for lab in labels), labels  # entities with no relation, labelled
    # a person clicks the bodies' group: its members appear, linked to the city
    gid = next(g for g, lab in zip(groups, labels, strict=True) if "机构 · 位于" in lab and
               o.js("id => network.getConnectedNodes(id).length", g) > 1 and city in o.js(
                   "id => network.getConnectedNodes(id)", g))
    n_members = int(re.search(r"(\d+) 机构", o.js("id => network.body.data.nodes.get(id).label", gid)).group(1))
    before = o.js(ENTITY_NODES)
    pt = _node_click_point(o, gid)
    # zoomed in, a group's box stays a line of text on screen: it covers no group beside it
    box = o.js("id => { const b = network.getBoundingBox(id), s = network.getScale();"
               " return [(b.right - b.left) * s, (b.bottom - b.top) * s]; }", gid)
    assert box[1] <= 64 and box[0] <= 400, box
    o.page.mouse.click(pt["x"], pt["y"])
    o.page.wait_for_function(f"() => !network.body.data.nodes.get({json.dumps(gid)})")
    after = o.js(ENTITY_NODES)
    assert before < after <= before + n_members
    members_linked = o.js("""city => network.getConnectedNodes(city).filter(id => {
        const n = network.body.data.nodes.get(id); return n && n.group === 'Organization'; }).length""", city)
    assert members_linked == n_members
    # the city's panel offers the groups and collapses one again
    o.js(f"() => lgkg.select(lgkg.indexOf({json.dumps(city)}), false)")
    buttons = o.page.locator("#panel .group-row button")
    assert buttons.count() >= 3
    collapse = o.page.locator("#panel .group-row button", has_text="Collapse")
    assert collapse.count() == 1
    collapse.click()
    assert o.js(ENTITY_NODES) == before
    assert o.errors == []


def _iri_of(g, label: str) -> str:
    return str(next(s for s, o in g.subject_objects(SKOS.prefLabel) if str(o) == label))


def _results(o: Opened) -> list[str]:
    """The results listed for what the search field holds now (not for the query before)."""
    o.page.wait_for_function("""() => { const r = document.getElementById('results');
        return !r.hidden && r.dataset.query === document.getElementById('search').value; }""")
    return [t.strip() for t in o.page.locator("#results li").all_text_contents()]


@pytest.mark.browser
def test_search_forgives_script_missing_characters_and_pinyin(opened, seeds_html):
    o = opened(seeds_html)
    o.page.fill("#search", "有事來聊")  # traditional characters
    hits = _results(o)
    assert "有事来聊" in hits[0], hits
    o.page.fill("#search", "聊城司法局")  # the level word left out
    hits = _results(o)
    assert hits[0].endswith("聊城市司法局"), hits
    assert not any(h.endswith("聊城市") for h in hits)  # a partial match needs every character typed
    o.page.fill("#search", "lcssfj")  # pinyin initials
    assert _results(o)[0].endswith("聊城市司法局")
    o.page.fill("#search", "liaochengshi")  # pinyin
    assert "聊城市" in _results(o)[0]
    o.page.fill("#search", "鄂尔多斯法院审计")  # characters no entity holds in this order
    assert _results(o) == ["No match 无结果"]
    # the keyboard: down to the second result, Enter; the list collapses, the panel opens
    o.page.fill("#search", "聊城司法局")
    hits = _results(o)
    assert len(hits) >= 2
    o.page.press("#search", "ArrowDown")
    assert o.page.locator("#results li.active").text_content().strip() == hits[1]
    o.page.press("#search", "Enter")
    o.page.wait_for_selector("#panel:not([hidden])")
    assert o.page.locator("#results").is_hidden()
    assert o.page.locator("#panel h2.title").text_content() == hits[1].lstrip("●▲◆■★⬢ ").removesuffix("grouped")
    # the filters stay where they were while results are listed: the list overlays them
    top = o.js("() => document.getElementById('classes').getBoundingClientRect().top")
    o.page.fill("#search", "聊城")
    _results(o)
    assert o.js("() => document.getElementById('classes').getBoundingClientRect().top") == top
    o.page.press("#search", "Escape")
    assert o.page.locator("#results").is_hidden()
    assert o.errors == []


@pytest.mark.browser
def test_a_link_opens_the_entity_and_selection_updates_the_address(opened, seeds_html, seeds_graph, seeds_data):
    city = _iri_of(seeds_graph, "聊城市")
    o = opened(seeds_html, "#" + quote(city, safe=""))
    assert o.js("() => network.getSelectedNodes()") == [city]
    assert o.page.locator("#panel").is_visible()
    assert o.page.locator("#panel h2.title").text_content() == "聊城市"
    # choosing another entity puts its link in the address bar
    o.page.fill("#search", "聊城市司法局")
    _results(o)
    o.page.press("#search", "Enter")
    o.page.wait_for_selector("#panel:not([hidden])")
    body = _iri_of(seeds_graph, "聊城市司法局")
    assert unquote(o.js("() => location.hash").lstrip("#")) == body
    # closing the panel clears it; an address that names no entity opens nothing
    o.page.click("#panel-close")
    assert o.js("() => location.hash") == ""
    o2 = opened(seeds_html, "#" + quote("https://w3id.org/lgkg/id/nothing-here", safe=""))
    assert o2.js("() => network.getSelectedNodes()") == [] and o2.page.locator("#panel").is_hidden()
    # a link to an entity waiting in a group brings it out
    grouped = next(n for n in seeds_data["nodes"] if n.get("col") and n["deg"] > 0)
    o3 = opened(seeds_html, "#" + quote(grouped["iri"], safe=""))
    assert o3.js("() => network.getSelectedNodes()") == [grouped["iri"]]
    assert o3.page.locator("#panel h2.title").text_content() == grouped["label"]
    assert o.errors == [] and o2.errors == [] and o3.errors == []


def _canvas_share(o: Opened) -> float:
    """The share of the window's width that is graph canvas, along the middle line."""
    return o.js("""() => { const y = Math.round(innerHeight / 2); let n = 0, all = 0;
        for (let x = 2; x < innerWidth; x += 8) { all++; const e = document.elementFromPoint(x, y);
            if (e && e.tagName === 'CANVAS') n++; } return n / all; }""")


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 1024])
def test_panel_leaves_half_the_graph(opened, seeds_html, seeds_graph, width):
    o = opened(seeds_html, "#" + quote(_iri_of(seeds_graph, "聊城市"), safe=""), width=width, height=800)
    assert o.page.locator("#panel").is_visible()
    panel = o.js("() => document.getElementById('panel').getBoundingClientRect().width")
    assert panel <= width / 3
    if width == 1280:
        assert _canvas_share(o) >= 0.5
    # readable: the title and the relation sections are not squeezed below a line of text
    assert o.js("() => document.querySelector('#panel h2.title').getBoundingClientRect().width") > 150
    # folded, the panel gives the canvas back; unfolded, it returns
    share = _canvas_share(o)
    o.page.click("#panel-fold")
    assert _canvas_share(o) > share + 0.1
    o.page.click("#panel-fold")
    assert abs(_canvas_share(o) - share) < 0.02
    assert o.errors == []


@pytest.mark.browser
def test_hover_shows_a_tooltip_and_physics_toggles(opened, seeds_html, seeds_graph):
    o = opened(seeds_html)
    city = _iri_of(seeds_graph, "聊城市")
    pt = _node_click_point(o, city)
    o.page.mouse.move(pt["x"] - 40, pt["y"] - 40)
    o.page.mouse.move(pt["x"], pt["y"], steps=4)
    o.page.wait_for_selector("#tip:not([hidden])")
    assert o.page.locator("#tip .tip-title").text_content() == "聊城市"
    o.page.mouse.move(5, 5)
    o.page.wait_for_selector("#tip", state="hidden")
    physics = "() => network.physics.options.enabled"
    assert o.js(physics) is False
    o.page.click("#physics")
    assert o.js(physics) is True and o.page.get_attribute("#physics", "aria-pressed") == "true"
    o.page.click("#physics")
    assert o.js(physics) is False
    assert o.errors == []


@pytest.mark.browser
def test_export_csv_and_png_of_what_is_shown(opened, seeds_html):
    import csv
    import io

    o = opened(seeds_html)
    o.page.click("#classes input[data-cls=Program]")  # hide programs: the export follows the view
    with o.page.expect_download() as dl:
        o.page.click("#export-csv")
    text = Path(dl.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    shown = o.js("() => network.body.data.edges.get({filter: e => typeof e.id === 'number'}).length")
    linked = [r for r in rows if r["relation"]]
    assert len(linked) == shown > 0
    assert not any(r["subject_class"] == "Program" or r["object_class"] == "Program" for r in rows)
    assert {r["relation"] for r in linked} <= set(viewer_data.RELATIONS)
    assert all(r["subject_iri"].startswith("https://w3id.org/lgkg/id/") for r in rows)
    with o.page.expect_download() as dl:
        o.page.click("#export-png")
    png = Path(dl.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    assert o.errors == [] and o.requests[0] == o.url
    assert all(r == o.url or r.startswith("blob:") for r in o.requests)


@pytest.mark.browser
def test_search_finds_and_focuses(opened, seeds_html):
    o = opened(seeds_html)
    o.page.fill("#search", "有事来聊")
    o.page.wait_for_selector("#results li button")
    hits = o.page.locator("#results li button").all_text_contents()
    assert hits and all("有事来聊" in h for h in hits[:3]), hits
    o.js("() => { window.focusDone = new Promise(done => network.once('animationFinished', done)); }")
    o.page.press("#search", "Enter")
    o.page.wait_for_selector("#panel:not([hidden])")
    o.js("() => window.focusDone")  # the focus animation has ended
    sel = o.js("() => network.getSelectedNodes()")
    assert len(sel) == 1
    label = o.js("id => network.body.data.nodes.get(id).label", sel[0])
    assert "有事来聊" in label
    assert o.page.locator("#panel h2.title").text_content() == label
    # the node is in view, in the part of the canvas the panel leaves free
    box = o.js("""id => { const q = network.canvasToDOM(network.getPositions([id])[id]);
        const c = document.getElementById('net').getBoundingClientRect();
        const p = document.getElementById('panel').getBoundingClientRect();
        return {x: c.left + q.x, y: c.top + q.y, left: c.left, right: p.left, top: c.top, bottom: c.bottom}; }""",
                sel[0])
    assert box["left"] < box["x"] < box["right"] and box["top"] < box["y"] < box["bottom"], box
    # partial match on an alias without quotation marks works too
    o.page.fill("#search", "事来")
    o.page.wait_for_selector("#results li button")
    assert o.errors == []


@pytest.mark.browser
def test_class_filter_hides_nodes(opened, seeds_html):
    o = opened(seeds_html)
    count = "cls => network.body.data.nodes.get({filter: n => n.group === cls}).length"
    total = o.js(ENTITY_NODES)
    programs = o.js(count, "Program")
    assert programs > 0
    o.page.click("#classes input[data-cls=Program]")
    assert o.js(count, "Program") == 0
    assert o.js(ENTITY_NODES) == total - programs
    labels = o.js("ids => ids.map(id => network.body.data.nodes.get(id).label)", o.js(GROUP_NODES))
    assert labels and not any("品牌与机制" in lab for lab in labels)  # nor their groups
    assert o.js("""() => network.body.data.edges.get().every(e =>
        network.body.data.nodes.get(e.from) && network.body.data.nodes.get(e.to))""")
    o.page.click("#classes input[data-cls=Program]")
    assert o.js(count, "Program") == programs
    # relations filter
    o.page.click("#relations input[data-rel=implements]")
    assert o.js("() => network.body.data.edges.get({filter: e => e.rel === 'implements'}).length") == 0
    assert o.errors == []


@pytest.mark.browser
def test_document_filter(opened, seeds_html):
    o = opened(seeds_html)
    total = o.js("() => network.body.data.nodes.length")
    o.page.click("#docs-none")
    none = o.js("() => network.body.data.nodes.length")
    assert none < total
    first = o.page.locator("#docs input").first
    first.check()
    k = int(first.get_attribute("data-doc"))
    some = o.js("""k => network.body.data.nodes.get().every(n => String(n.id).startsWith('group:') || (d =>
        d.length === 0 || d.includes(k))(lgkg.entity(lgkg.indexOf(n.id)).info.docs))""", k)
    assert some and none < o.js("() => network.body.data.nodes.length") < total
    o.page.click("#docs-all")
    assert o.js("() => network.body.data.nodes.length") == total
    assert o.errors == []


@pytest.mark.browser
def test_clicking_a_node_shows_its_evidence(opened, seeds_html, seeds_graph):
    g = seeds_graph
    o = opened(seeds_html)
    drawn = set(o.js("() => network.body.data.nodes.getIds()"))
    # a program drawn at load that has evidence: a 有事来聊 one when the first view draws one (which
    # are drawn, and which sit collapsed in a hub's group, follows the relations found)
    node = sorted((("有事来聊" not in str(o), str(s)), s) for s, o in g.subject_objects(SKOS.prefLabel)
                  if str(s) in drawn and "/prog-" in str(s)
                  and ((None, RDF.subject, s) in g or (None, RDF.object, s) in g))[0][1]
    quotes = {str(q) for ev in set(g.subjects(RDF.subject, node)) | set(g.subjects(RDF.object, node))
              for q in g.objects(ev, LG.quote)}
    assert quotes
    pt = _node_click_point(o, str(node))
    o.page.mouse.click(pt["x"], pt["y"])
    o.page.wait_for_selector("#panel:not([hidden]) blockquote.quote")
    assert o.js("() => network.getSelectedNodes()") == [str(node)]
    assert o.page.locator("#panel h2.title").text_content() == str(g.value(node, SKOS.prefLabel))
    shown = set(o.page.locator("#panel blockquote.quote").all_text_contents())
    assert shown and shown <= quotes, (shown, quotes)
    assert o.page.locator("#panel .source").count() >= 1
    # clicking empty space closes the panel
    o.page.click("#panel-close")
    assert o.page.locator("#panel").is_hidden()
    assert o.errors == []


@pytest.mark.browser
@pytest.mark.parametrize("which", ["page", "built"])
def test_hostile_labels_run_nothing(opened, hostile, which):
    o = opened(hostile[which])
    # the page's own scripts (vis-network, ours) and its data blocks (JSON, never run), nothing else
    elements = """() => [Array.from(document.scripts).filter(s => s.type !== 'application/json').length,
        Array.from(document.scripts).every(s => s.type !== 'application/json' || s.id.startsWith('lgkg-')),
        document.querySelectorAll('img, iframe, object, embed').length]"""
    assert o.js(elements) == [2, True, 0]
    # search for the markup, open every entity's panel, click through
    o.page.fill("#search", "<script>")
    o.page.wait_for_selector("#results li button")
    assert any("<script>alert(1)</script>" in t for t in o.page.locator("#results li button").all_text_contents())
    o.page.press("#search", "Enter")
    o.page.wait_for_selector("#panel:not([hidden])")
    title = o.page.locator("#panel h2.title").text_content()
    assert "<script>" in title  # shown as text
    for i in range(o.js("() => lgkg.n")):
        o.js("i => lgkg.select(i, false)", i)
    o.js(f"() => lgkg.select(lgkg.indexOf({json.dumps(hostile['org'])}), true)")
    panel = o.page.locator("#panel").text_content()
    assert "<img src=x onerror=alert(1)>" in panel
    if which == "page":
        assert "alert(6)" in panel and "{{ 7*7 }}" not in panel  # quote shown; alias belongs to the program
        o.js(f"() => lgkg.select(lgkg.indexOf({json.dumps(hostile['prog'])}), true)")
        assert INJECTED_ALIAS.replace("\u2028", "").replace("\u2029", "")[:40] in \
            o.page.locator("#panel").text_content().replace("\u2028", "").replace("\u2029", "")
    # the report is listed by its title, its identifier (the hostile file name) kept as data: shown
    # on hover, escaped, never an element (the element count above)
    docs = o.page.locator("#docs").inner_html()
    assert "onerror=alert(3)&gt;" in docs or "<img src=x onerror=alert(3)>" in o.page.locator("#docs").text_content()
    if which == "page":  # what is shown, as CSV: labels intact as text, none a formula
        import csv
        import io

        o.js("() => lgkg.data.groups.forEach((g, k) => lgkg.expand(k))")
        rows = list(csv.reader(io.StringIO(o.js("() => lgkg.csv()").lstrip("\ufeff"))))
        cells = [c for r in rows for c in r]
        assert "“<script>alert(1)</script>”品牌" in cells and "'" + FORMULA_LABEL in cells
        assert not any(c[:1] in "=+-@" for c in cells if c)
    o.page.wait_for_timeout(300)
    assert o.dialogs == []
    assert o.js(elements) == [2, True, 0]
    assert o.js("() => document.querySelectorAll('#panel *').length") > 5
    assert o.js("() => Array.from(document.querySelectorAll('#panel *, #results *, #docs *'))"
                ".every(e => !Array.from(e.attributes).some(a => a.name.startsWith('on')))")
    assert o.errors == [] and o.requests == [o.url]


@pytest.mark.browser
def test_large_graph_starts_filtered_and_says_so(opened, seeds_graph, tmp_path, monkeypatch):
    monkeypatch.setattr(viewer_data, "LARGE_GRAPH", 100)
    monkeypatch.setattr(viewer_data, "START_VIEW", 60)
    page = viewer.write_html(seeds_graph, tmp_path / "large.html")
    data = viewer_data.graph_data(seeds_graph)
    assert data["start"] is not None and len(data["start"]) == 60
    o = opened(page)
    assert o.page.locator("#banner").is_visible()
    assert "Large graph" in o.page.locator("#banner").text_content()
    start = set(data["start"])
    assert o.js(ENTITY_NODES) == sum(1 for i in start if not data["nodes"][i].get("col"))
    # search reaches an entity outside the first view and brings it in
    outside = next(n for i, n in enumerate(data["nodes"]) if i not in set(data["start"]) and n["deg"] > 0)
    o.page.fill("#search", outside["label"])
    o.page.wait_for_selector("#results li button")
    o.page.press("#search", "Enter")
    o.page.wait_for_selector("#panel:not([hidden])")
    assert outside["iri"] in o.js("() => network.body.data.nodes.getIds()")
    o.page.click("#show-all")
    assert o.js(ENTITY_NODES) == _drawn_at_load(data)[0] + (1 if outside.get("col") else 0)
    assert o.page.locator("#banner").is_hidden()
    assert o.errors == [] and o.requests == [o.url]


@pytest.mark.browser
@pytest.mark.parametrize("n_entities", [0, 3])
def test_graphs_without_relations_still_open(opened, tmp_path, n_entities):
    g = Graph()
    for k in range(n_entities):
        g.add((LGR[f"org-test{k}"], RDF.type, LG.Organization))
        g.add((LGR[f"org-test{k}"], SKOS.prefLabel, Literal(f"测试机构{k}", lang="zh")))
    o = opened(viewer.write_html(g, tmp_path / "tiny.html"))
    assert o.js(ENTITY_NODES) == 0  # entities without relations wait in their labelled group
    groups = o.js(GROUP_NODES)
    assert len(groups) == (1 if n_entities else 0)
    o.page.click("#relayout")  # nothing to lay out: must not hang the page behind its overlay
    assert o.page.locator("#loading").is_hidden()
    if n_entities:
        assert o.js("id => network.body.data.nodes.get(id).label", groups[0]) == f"＋ {n_entities} 机构 · 无关系"
        o.js("id => lgkg.expand(Number(id.split(':')[1]))", groups[0])
        assert o.js(ENTITY_NODES) == n_entities and o.js(GROUP_NODES) == []
    assert o.errors == [] and o.requests == [o.url]


# ---- documents with titles and years, a place with figures (the graph's newer terms) ------------

SDMX_DIM = "http://purl.org/linked-data/sdmx/2009/dimension#"
SDMX_MEASURE = "http://purl.org/linked-data/sdmx/2009/measure#"
SDMX_ATTR = "http://purl.org/linked-data/sdmx/2009/attribute#"


def _dated_graph() -> tuple[Graph, dict]:
    """Two reports of a prefecture-level city, with titles and years, and figures about it."""
    from rdflib import URIRef
    from rdflib.namespace import XSD

    g = Graph()
    city, bureau, prog = LGR["place-test-city"], LGR["org-test-bureau"], LGR["program-test"]
    for iri, cls, label in ((city, LG.PrefectureCity, "宜昌市"), (bureau, LG.GovernmentDepartment, "宜昌市司法局"),
                            (prog, LG.Program, "“三峡调解”品牌")):
        g.add((iri, RDF.type, cls))
        g.add((iri, SKOS.prefLabel, Literal(label, lang="zh")))
    docs = {}
    for ident, title, year in (("yc_2023", "宜昌市2023年法治政府建设年度报告", 2023),
                               ("yc_2022", "宜昌市司法局2022年工作总结", 2022), ("yc_notes", None, None)):
        d = LGR[f"doc-{ident}"]
        docs[ident] = d
        g.add((d, RDF.type, LG.SourceDocument))
        g.add((d, DCTERMS.identifier, Literal(ident)))
        if title:
            g.add((d, DCTERMS.title, Literal(title, lang="zh")))
            g.add((d, DCTERMS.creator, bureau))
        if year:
            g.add((d, LG_TERMS["year"], Literal(str(year), datatype=XSD.gYear)))
    g.add((bureau, LG.locatedIn, city))
    g.add((bureau, LG.implements, prog))
    g.add((city, LG.mentionedIn, docs["yc_2023"]))
    g.add((bureau, LG.mentionedIn, docs["yc_2022"]))
    g.add((prog, LG.mentionedIn, docs["yc_notes"]))
    measure = LGR["measure-test"]
    g.add((measure, RDF.type, LG_TERMS["Measure"]))
    g.add((measure, SKOS.prefLabel, Literal("行政复议案件受理数量", lang="zh")))
    for k, (period, value, unit, doc) in enumerate((("2022", "1187.0", "件", "yc_2022"),
                                                   ("2023", "1342.0", "件", "yc_2023"))):
        obs = LGR[f"obs-test-{k}"]
        g.add((obs, RDF.type, LG_TERMS["Observation"]))
        g.add((obs, URIRef(SDMX_DIM + "refArea"), city))
        g.add((obs, URIRef(SDMX_DIM + "refPeriod"), Literal(period, datatype=XSD.gYear)))
        g.add((obs, LG_TERMS["measure"], measure))
        g.add((obs, URIRef(SDMX_MEASURE + "obsValue"), Literal(value, datatype=XSD.decimal)))
        g.add((obs, URIRef(SDMX_ATTR + "unitMeasure"), Literal(unit, lang="zh")))
        g.add((obs, PROV.wasDerivedFrom, docs[doc]))
    return g, {"city": str(city), "bureau": str(bureau)}


LG_TERMS = __import__("rdflib").Namespace("https://w3id.org/lgkg/ontology#")


def test_documents_carry_titles_and_years_and_places_their_figures():
    g, ids = _dated_graph()
    data = viewer_data.graph_data(g)
    docs = [(s["label"], s["year"]) for s in data["sources"] if s["doc"]]
    # by year, then the one without a year, shown by its identifier
    assert docs == [("宜昌市司法局2022年工作总结", 2022), ("宜昌市2023年法治政府建设年度报告", 2023), ("yc_notes", None)]
    assert [s.get("by") for s in data["sources"]] == ["宜昌市司法局", "宜昌市司法局", None]
    # the figures are in their documents' blocks: joined as the page joins them
    joined = page_data(viewer.render_html(g))
    info = {n["id"]: x for n, x in zip(joined["nodes"], joined["info"], strict=True)}
    city = info[ids["city"]]
    assert [f[:4] for f in city["figs"]] == [["行政复议案件受理数量", "2022", "1187", "件"],
                                             ["行政复议案件受理数量", "2023", "1342", "件"]]
    assert [data["sources"][f[4]]["year"] for f in city["figs"]] == [2022, 2023]
    assert "figs" not in info[ids["bureau"]]


def test_documents_without_titles_fall_back_to_their_identifier(seeds_graph, seeds_data, seeds_html):
    data = seeds_data
    docs = [s for s in data["sources"] if s["doc"]]
    titled = {str(d): str(t) for d, t in seeds_graph.subject_objects(DCTERMS.title)}
    for s in docs:
        assert s["label"] == s["id"] or s["label"] in titled.values()
    joined = page_data(seeds_html.read_text(encoding="utf-8"))
    assert any("figs" in x for x in joined["info"]) and all("figs" not in x or x["figs"] for x in joined["info"])


@pytest.mark.browser
def test_page_lists_documents_by_title_and_year_and_filters_by_year(opened, tmp_path):
    g, ids = _dated_graph()
    o = opened(viewer.write_html(g, tmp_path / "dated.html"), "#" + quote(ids["city"], safe=""))
    docs = [t.strip() for t in o.page.locator("#docs label").all_text_contents()]
    assert docs[0].startswith("宜昌市司法局2022年工作总结") and "2022" in docs[0]
    assert docs[1].startswith("宜昌市2023年法治政府建设年度报告") and "2023" in docs[1]
    assert docs[2].startswith("yc_notes")
    # the place's panel: its figures, and its documents by title and year
    assert o.page.locator("#panel table.figs tr").count() == 3
    assert "1342 件" in o.page.locator("#panel table.figs").text_content()
    assert "宜昌市2023年法治政府建设年度报告 (2023)" in o.page.locator("#panel ul.docs").text_content()
    # the year filter keeps the entities of that year's reports
    assert o.page.locator("#year").is_visible()
    o.page.select_option("#year", "2022")
    shown = set(o.js("() => network.body.data.nodes.getIds()"))
    assert shown == {ids["bureau"]}  # the city is named in the 2023 report only, the program in the undated one
    checked = o.js("() => Array.from(document.querySelectorAll('#docs input')).map(b => b.checked)")
    assert checked == [True, False, False]
    o.page.select_option("#year", "")
    assert all(o.js("() => Array.from(document.querySelectorAll('#docs input')).map(b => b.checked)"))
    assert o.errors == [] and o.requests == [o.url]


@pytest.mark.browser
def test_seeds_page_lists_reports_by_title_with_a_year_filter(opened, seeds_html):
    o = opened(seeds_html)
    assert o.page.locator("#year").is_visible()
    names = [t.strip() for t in o.page.locator("#docs label .name").all_text_contents()]
    assert any("东昌府区司法局2023年度法治政府建设情况报告" in n for n in names), names
    # a report with no title in its text is listed by its identifier
    assert any(re.fullmatch(r"\d{3}_[0-9a-f]{16}", n) for n in names), names


# ---- the pieces, without a browser ---------------------------------------------------------------

def test_search_keys_fold_scripts_and_give_pinyin():
    from kg.export import viewer_search as vs

    assert vs.search_key("“有事來聊”·信義聯調") == "有事来聊信义联调"
    assert vs.search_key("《關於加強調解工作的意見》") == "关于加强调解工作的意见"
    assert vs.search_key("ＡＢＣ１２３") == "abc123"  # full-width forms, lower case
    assert vs.search_key("偽造啟動") == vs.search_key("僞造啓動") == "伪造启动"  # Taiwan and OpenCC forms
    assert vs.pinyin_keys(["宜昌市司法局", "重庆市", "12345热线"]) == [
        ("ycssfj", "yichangshisifaju"), ("cqs", "chongqingshi"), ("12345rx", "12345rexian")]
    table = vs.folding_table(["调解", "发展"])
    assert table["調"] == "调" and table["發"] == "发"
    assert vs.folding_table(["伪"]) == {"偽": "伪", "僞": "伪"}
    assert "调" not in table and "解" not in table  # a simplified character is never folded
    assert all(len(k) == 1 and len(v) == 1 for k, v in table.items())


def test_the_pinyin_memo_converts_each_key_once_and_gives_what_pinyin_keys_gives(tmp_path, monkeypatch):
    from kg.export import viewer_search as vs

    keys = ["宜昌市司法局", "重庆市", "12345热线", "有事来聊", "重庆市"]
    whole = vs.pinyin_keys(keys)
    # what the memo rests on: a key's pinyin does not depend on the keys beside it
    assert whole == [vs.pinyin_keys([k])[0] for k in keys]
    path = tmp_path / "viewer" / "pinyin.json"
    memo = vs.PinyinMemo(path)
    assert memo(keys) == whole and memo.added == 4
    assert memo.save() and path.exists()

    asked = []
    real = vs.pinyin_keys
    monkeypatch.setattr(vs, "pinyin_keys", lambda ks: asked.append(list(ks)) or real(ks))
    again = vs.PinyinMemo(path)
    assert again(keys[::-1]) == whole[::-1] and asked == [] and again.added == 0
    assert again(["聊城市", "宜昌市司法局"]) == [("lcs", "liaochengshi"), whole[0]]
    assert asked == [["聊城市"]]  # only the new key is converted

    for bad in (b"{not json", b'{"format": "lgkg-pinyin/1", "pypinyin": "0.0", "keys": {"a": ["x", "y"]}}',
                b'{"format": "lgkg-pinyin/1", "pypinyin": "%s", "keys": {"a": ["x"]}}' % again.version.encode()):
        path.write_bytes(bad)
        assert vs.PinyinMemo(path).known == {}  # damaged, of another pypinyin, or malformed: afresh


def test_groups_bound_what_a_hub_draws():
    from kg.export.viewer_groups import MAX_DRAWN, group_hubs

    # a city with 70 bodies located in it (each also implementing its own program), 40 programs it
    # implements alone, 3 counties, and 2 entities with no relation at all
    nodes = [{"cls": "Place"}] + [{"cls": "Organization"}] * 70 + [{"cls": "Program"}] * 110 + \
        [{"cls": "Place"}] * 3 + [{"cls": "Regulation"}] * 2
    edges = [{"s": 1 + k, "o": 0, "rel": "locatedIn"} for k in range(70)]
    edges += [{"s": 1 + k, "o": 71 + k, "rel": "implements"} for k in range(70)]
    edges += [{"s": 0, "o": 141 + k, "rel": "implements"} for k in range(40)]
    edges += [{"s": 181 + k, "o": 0, "rel": "locatedIn"} for k in range(3)]
    grouping = group_hubs(nodes, edges, ("Place", "Organization", "Program", "Regulation"))
    hub = [g for g in grouping.groups if g.hub == 0]
    assert {(g.rel, g.out, g.cls, len(g.members)) for g in hub} == {
        ("locatedIn", False, "Organization", 70), ("implements", True, "Program", 40)}
    drawn = sum(1 for k, e in enumerate(edges) if 0 in (e["s"], e["o"]) and k not in grouping.edge_groups)
    assert drawn + len(hub) <= MAX_DRAWN and drawn == 3  # the counties stay on the city
    # bodies keep their own relations, so they stay drawn; the city's own programs are collapsed
    assert not any(1 + k in grouping.collapsed for k in range(70))
    assert all(141 + k in grouping.collapsed for k in range(40))
    lone = [g for g in grouping.groups if g.hub < 0]
    assert [(g.cls, g.members) for g in lone] == [("Regulation", (184, 185))]
    # a small graph has no hub: nothing grouped but the lone entities
    small = group_hubs(nodes[:10], [e for e in edges if e["s"] < 10 and e["o"] < 10])
    assert all(g.hub < 0 for g in small.groups) and not small.edge_groups


def test_relation_colours_are_far_apart():
    def rgb(h: str) -> tuple[int, ...]:
        return tuple(int(h[k:k + 2], 16) for k in (1, 3, 5))

    colours = [rgb(c) for _zh, c in viewer_data.RELATIONS.values()]
    gaps = [sum((a - b) ** 2 for a, b in zip(x, y, strict=True)) ** 0.5 for i, x in enumerate(colours) for y in colours[i + 1:]]
    assert min(gaps) > 90, gaps  # issuedBy and receivedAward were two yellows 33 apart


def test_figures_read_as_people_write_them():
    from kg.export.viewer_sources import number_text, year_of

    assert [number_text(Literal(v)) for v in ("43324.0", "6.50", "1E+3", "0.25")] == ["43324", "6.5", "1000", "0.25"]
    assert number_text(Literal("约三成")) == "约三成"
    assert [year_of(Literal(v)) for v in ("2023", "2023-05-01", "二〇二三")] == [2023, 2023, None]


@pytest.mark.browser
def test_the_page_joins_the_documents_blocks_on_demand(opened, seeds_html):
    """Evidence and figures live in each document's block; the page joins them when asked, as
    the build's own join (viewer_chunks.page_data) does: an entity's relation quoted in several
    documents lists its quotes by document, in the sources' order, and its figures fill a table."""
    data = page_data(seeds_html.read_text(encoding="utf-8"))
    o = opened(seeds_html)
    assert o.js("() => lgkg.docsRead()") == 0  # drawing the first view reads no document's block
    # the relation quoted in the most documents
    k = max(range(len(data["evidence"])), key=lambda k: (len({src for src, _q in data["evidence"][k]}), -k))
    evidence = data["evidence"][k]
    assert len({src for src, _q in evidence}) >= 3
    assert [src for src, _q in evidence] == sorted(src for src, _q in evidence)
    s = data["edges"][k][0]
    o.js("i => lgkg.select(i, false)", s)
    o.js("() => document.querySelectorAll('#panel details').forEach(d => { d.open = true; })")
    box = o.page.locator(f'#panel div.rel[data-edge="{k}"]')
    box.wait_for()
    assert box.locator("blockquote").all_text_contents() == [q for _src, q in evidence]
    sources = data["sources"]
    assert box.locator("div.source").all_text_contents() == [
        sources[src]["label"] + (f" ({sources[src]['year']})" if sources[src].get("year") else "")
        for src, _q in evidence]
    assert 0 < o.js("() => lgkg.docsRead()") < len(sources)
    # every relation's evidence and every entity's figures, joined by the page: the build's join
    assert o.js("() => Array.from({length: lgkg.data.e}, (_, k) => lgkg.evidence(k))") == data["evidence"]
    figs = o.js("() => Array.from({length: lgkg.n}, (_, i) => lgkg.figures(i))")
    assert figs == [x.get("figs", []) for x in data["info"]]
    # an entity with figures from two documents or more: its panel's table
    i = next(i for i, x in enumerate(data["info"]) if len({f[4] for f in x.get("figs", [])}) >= 2)
    o.js("i => lgkg.select(i, false)", i)
    rows = o.page.locator("#panel table.figs tr")
    assert rows.count() == len(data["info"][i]["figs"]) + 1
    first = data["info"][i]["figs"][0]
    assert rows.nth(1).locator("td").all_text_contents() == [first[0], first[1], first[2] + (f" {first[3]}" if first[3] else "")]
    assert o.errors == [] and o.requests == [o.url]
