"""Time-to-interactive of the HTML viewer in headless Chromium (Debian's /usr/bin/chromium).

    .venv/bin/python bench/viewer_bench.py                 # seeds' graph + synthetic 5,000 / 20,000
    .venv/bin/python bench/viewer_bench.py --runs 3 --nodes 5000 --edges 20000 --keep out/
    .venv/bin/python bench/viewer_bench.py --seeds-only                   # the seeds' page, built fresh

For each graph it renders the page with the current viewer code (kg.export.html.render_html),
opens it from file:// at 1280×800 and reports, in milliseconds from navigation start:

  script   our script starts (HTML parsed, vis-network compiled)
  network  vis.Network built with the first view
  ready    stabilised, physics stopped and drawn (the page sets window.lgkgReady)
  TTI      ready + the first input answered: a label typed into the search box right after
           `ready` has its results listed (so the page was not only drawn but responsive)
  click    a click on a node until the side panel shows its relations
  edges    the most edges any one node draws at load (groups stand for a hub's neighbours)

The seeds' graph is built from seeds/ into a temporary folder (never exports/); the synthetic graph is
contract-shaped (places → organisations → programs/regulations, awards, persons, one evidence
quote per relation) and generated deterministically from a fixed random seed.
Not a test: timings depend on the machine; the bars are the seeds' page ready in < 3 s, and TTI < 5 s
at 5,000 / 20,000. The screenshots in docs/ come from docs/screenshots.py.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.export.html import render_html  # noqa: E402
from kg.export.viewer_data import graph_data  # noqa: E402
from kg.graph import bind_prefixes, ontology_declarations  # noqa: E402
from kg.vocab import LG, LGR  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

_HAN = ("东西南北中安平和兴昌阳泰宁德明光华新清河山水林田湖城乡民法治理调解公正信义仁爱"
        "阿冠莘茌临高唐聊济鄂尔多斯枣庄潍坊淄博日照滨州菏泽泗水汶上梁邹微嘉祥金乡鱼台兖曲阜")
_DEPTS = ("司法局", "人民法院", "人民检察院", "公安局", "市场监督管理局", "民政局", "人力资源和社会保障局",
          "生态环境局", "综合行政执法局", "人民调解委员会", "律师事务所", "公证处", "政法委员会")


def synthetic_graph(n_nodes: int = 5000, n_edges: int = 20000, seed: int = 20240501) -> Graph:
    """A contract-shaped graph of exactly n_nodes entities and n_edges relations."""
    rnd = random.Random(seed)
    g = Graph()
    bind_prefixes(g)
    used_names: set[str] = set()

    def name(suffix: str, length: int = 2) -> str:
        while True:
            s = "".join(rnd.choice(_HAN) for _ in range(length)) + suffix
            if s not in used_names:
                used_names.add(s)
                return s

    docs = [LGR[f"doc-synthetic-{k:03d}"] for k in range(40)]
    for k, d in enumerate(docs):
        g.add((d, RDF.type, LG.SourceDocument))
        g.add((d, DCTERMS.identifier, Literal(f"synthetic_{k:03d}")))
        g.add((d, RDFS.label, Literal(f"synthetic_{k:03d}.txt")))

    # counts per class, scaled from a 5,000-node plan
    plan = [("Province", 1), ("PrefectureCity", 16), ("County", 140), ("Town", 600), ("Organization", 1600),
            ("Program", 1600), ("Regulation", 800), ("Award", 150), ("Person", 93)]
    scale = n_nodes / 5000
    counts = [max(1, round(c * scale)) for _, c in plan]
    counts[5] += n_nodes - sum(counts)  # programs absorb rounding
    ents: dict[str, list] = {k: [] for k, _ in plan}
    labels = {}
    for (kind, _), count in zip(plan, counts):
        for k in range(count):
            if kind in ("Province", "PrefectureCity", "County", "Town"):
                label = name({"Province": "省", "PrefectureCity": "市", "County": "县", "Town": "镇"}[kind])
                cls = LG[kind]
            elif kind == "Organization":
                label, cls = name(rnd.choice(_DEPTS)), LG.GovernmentDepartment
            elif kind == "Program":
                label, cls = "“" + name("", 4) + "”" + rnd.choice(("调解品牌", "工作法", "机制", "工程")), LG.Program
            elif kind == "Regulation":
                label, cls = name("", 2) + "市" + name("", 3) + rnd.choice(("办法", "条例", "规定", "实施意见")), \
                    LG.NormativeDocument
            elif kind == "Award":
                label, cls = "全国" + name("", 3) + "先进集体", LG.Award
            else:
                label, cls = name("", 2), LG.PublicOfficial
            iri = LGR[f"syn-{kind.lower()}-{k:05d}"]
            g.add((iri, RDF.type, cls))
            g.add((iri, SKOS.prefLabel, Literal(label, lang="zh")))
            if rnd.random() < 0.3:
                g.add((iri, SKOS.altLabel, Literal(label[:4], lang="zh")))
            for d in rnd.sample(docs, rnd.choice((1, 1, 2, 3))):
                g.add((iri, LG.mentionedIn, d))
            ents[kind].append(iri)
            labels[iri] = label

    edges: set[tuple] = set()

    def add(s, p, o) -> bool:
        if s == o or (s, p, o) in edges:
            return False
        edges.add((s, p, o))
        return True

    # the place tree
    chain = [ents["Province"], ents["PrefectureCity"], ents["County"], ents["Town"]]
    for parents, kids in zip(chain, chain[1:]):
        for c in kids:
            add(c, LG.locatedIn, rnd.choice(parents))
    places = [p for level in chain for p in level]
    # preferential targets: a few hubs, a long tail (Zipf-like weights)
    def zipf(items):
        return items, [1.0 / (k + 1) ** 0.8 for k in range(len(items))]

    seats = zipf(ents["PrefectureCity"] + ents["County"] + ents["Town"])
    for o in ents["Organization"]:
        add(o, LG.locatedIn, rnd.choices(*seats)[0])
    actors = zipf(ents["Organization"] + places)
    works = zipf(ents["Program"] + ents["Regulation"])
    awardees = zipf(ents["Organization"] + places + ents["Program"] + ents["Person"])
    for r in ents["Regulation"]:
        for _ in range(rnd.choice((1, 1, 2))):
            add(r, LG.issuedBy, rnd.choice(ents["Organization"]))
    for a in ents["Award"]:
        for _ in range(2):
            add(a, LG.awardedBy, rnd.choice(ents["Organization"][:50]))
    for _ in range(n_edges // 8):
        add(rnd.choices(*awardees)[0], LG.receivedAward, rnd.choice(ents["Award"]))
    while len(edges) < n_edges:
        add(rnd.choices(*actors)[0], LG.implements, rnd.choices(*works)[0])

    for k, (s, p, o) in enumerate(sorted(edges)):
        g.add((s, p, o))
        ev = LGR[f"ev-syn-{k:06d}"]
        quote = f"{labels[s]}{rnd.choice(('深入推进', '积极开展', '认真落实', '荣获', '位于'))}{labels[o]}，取得明显成效。"
        g.add((ev, RDF.type, LG.Evidence))
        g.add((ev, RDF.subject, s))
        g.add((ev, RDF.predicate, p))
        g.add((ev, RDF.object, o))
        g.add((ev, PROV.wasDerivedFrom, rnd.choice(docs)))
        g.add((ev, LG.quote, Literal(quote, lang="zh")))
        start = rnd.randrange(0, 50000)
        g.add((ev, LG.charStart, Literal(start, datatype=XSD.integer)))
        g.add((ev, LG.charEnd, Literal(start + len(quote), datatype=XSD.integer)))
    used = {o for o in g.objects(None, RDF.type)}
    g += ontology_declarations(used)
    return g


def opened_viewers(html_path: Path, runs: int, timeout_ms: int):
    """`runs` fresh tabs of the viewer in one headless Chromium, each yielded once the page says it
    is ready, with the list its page errors and console errors go to; each tab is closed after."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                errors: list[str] = []
                page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
                page.goto(html_path.resolve().as_uri())
                page.wait_for_function("() => window.lgkgReady === true", timeout=timeout_ms)
                yield page, errors
                page.close()
        finally:
            browser.close()


def measure(html_path: Path, query: str, runs: int) -> list[dict]:
    out = []
    for page, errors in opened_viewers(html_path, runs, 120_000):
        # the first input right after `ready`: type a label, wait for its results
        page.fill("#search", query)
        page.wait_for_selector("#results li button", timeout=30_000)
        tti = page.evaluate("() => performance.now()")
        marks = page.evaluate(
            "() => Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime]))")
        # a click on a node → the side panel
        pt = page.evaluate("""() => {
            const ids = network.body.data.nodes.getIds().filter(id => !String(id).startsWith('group:'));
            let best = ids[0], deg = -1;
            for (const id of ids) { const d = network.getConnectedEdges(id).length; if (d > deg) { deg = d; best = id; } }
            network.moveTo({position: network.getPositions([best])[best], scale: 1.0});
            const q = network.canvasToDOM(network.getPositions([best])[best]);
            const r = document.getElementById('net').getBoundingClientRect();
            return {x: r.left + q.x, y: r.top + q.y};
        }""")
        t0 = page.evaluate("() => performance.now()")
        page.mouse.click(pt["x"], pt["y"])
        page.wait_for_selector("#panel:not([hidden]) .rel-section", timeout=30_000)
        click = page.evaluate("() => performance.now()") - t0
        shown = page.evaluate("() => [network.body.data.nodes.length, network.body.data.edges.length]")
        most = page.evaluate("""() => { const c = {}; network.body.data.edges.forEach(e => {
            c[e.from] = (c[e.from] || 0) + 1; c[e.to] = (c[e.to] || 0) + 1; });
            return Math.max(0, ...Object.values(c)); }""")
        out.append({"script": marks.get("lgkg-start", 0), "network": marks.get("lgkg-network", 0),
                    "ready": marks.get("lgkg-ready", 0), "tti": tti, "click": click,
                    "shown": shown, "edges": most, "errors": errors})
    return out


def report(name: str, g: Graph, runs: int, keep: Path | None) -> None:
    t0 = time.perf_counter()
    data = graph_data(g)
    t1 = time.perf_counter()
    html = render_html(g)
    t2 = time.perf_counter()
    folder = keep or Path(tempfile.mkdtemp(prefix="lgkg-viewer-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    query = next((n["label"] for n in data["nodes"] if "有事来聊" in n["label"]), data["nodes"][0]["label"][:3])
    rows = measure(path, query, runs)
    med = {k: statistics.median(r[k] for r in rows) for k in ("script", "network", "ready", "tti", "click")}
    print(f"{name}: {len(data['nodes']):,} entities, {len(data['edges']):,} relations; "
          f"first view {rows[0]['shown'][0]:,} / {rows[0]['shown'][1]:,} (most edges at a node: "
          f"{max(r['edges'] for r in rows)}); page {len(html.encode()) / 1e6:.1f} MB; "
          f"graph_data {1000 * (t1 - t0):.0f} ms, render_html {1000 * (t2 - t1):.0f} ms")
    print(f"  median of {runs} (ms from navigation start): script {med['script']:.0f} · network {med['network']:.0f}"
          f" · ready {med['ready']:.0f} · TTI {med['tti']:.0f} · click→panel {med['click']:.0f}")
    errors = sorted({e for r in rows for e in r["errors"]})
    if errors:
        print("  console errors:", errors[:5])
    if keep is None:
        path.unlink()
        folder.rmdir()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--edges", type=int, default=20000)
    ap.add_argument("--keep", type=Path, help="keep the rendered pages in this folder")
    ap.add_argument("--seeds-only", action="store_true", help="only the seeds' page")
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: apt-get install chromium", file=sys.stderr)
        return 2
    from kg.build import build

    with tempfile.TemporaryDirectory(prefix="lgkg-viewer-seeds-") as tmp:
        built = build([ROOT / "seeds"], Path(tmp), html=False)
        report("seeds", Graph().parse(built.outputs[0], format="turtle"), args.runs, args.keep)
    if args.seeds_only:
        return 0
    t = time.perf_counter()
    g = synthetic_graph(args.nodes, args.edges)
    print(f"(synthetic graph generated in {time.perf_counter() - t:.1f} s, {len(g):,} triples)")
    report(f"synthetic-{args.nodes}", g, args.runs, args.keep)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
