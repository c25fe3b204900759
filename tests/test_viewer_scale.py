"""The viewer of a large corpus opens on a bounded summary and reads the rest on demand.

The page is built by `kg build` from the seeds replicated (as bench/build_bench.py does), with the
thresholds lowered so a small corpus is "large": the first view is 60 entities, and the entities'
details, the evidence and every entity outside the first view sit in small chunks the page parses
only when a person asks for them (search, a link). Browser tests drive headless Chromium as in
test_viewer.py.
"""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from kg.export import html as viewer
from kg.export import viewer_chunks, viewer_data
from kg.export.viewer_chunks import blocks_of, page_data
from tests import test_viewer
from tests.test_viewer import ENTITY_NODES, GROUP_NODES

browser = test_viewer.browser  # the fixtures of test_viewer.py: one Chromium for the module
opened = test_viewer.opened

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
COPIES = 2
START = 60


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> dict:
    """The seeds twice over, built with a 60-entity first view and chunks of ~20 kB."""
    from rdflib import Graph

    from kg.build import build

    root = tmp_path_factory.mktemp("viewer_scale")
    corpus = root / "in"
    corpus.mkdir()
    for k in range(COPIES):
        for p in sorted(SEEDS.glob("*.txt")):
            shutil.copyfile(p, corpus / f"{p.stem}_r{k:03d}.txt")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(viewer_data, "LARGE_GRAPH", 100)
        mp.setattr(viewer_data, "START_VIEW", START)
        mp.setattr(viewer_chunks, "CHUNK_CHARS", 20_000)
        result = build([corpus], root / "out", validate="off")
        page = Path(result.outputs[1])
        text = page.read_text(encoding="utf-8")
        g = Graph().parse(result.outputs[0], format="turtle")
        again = viewer.render_html(g)
    core, _search, chunks, _docs = blocks_of(text)
    data = page_data(text)
    start = set(core["start"])
    # an entity outside the first view, with relations, whose label names it alone
    labels = [n["label"] for n in data["nodes"]]
    outside = [i for i, n in enumerate(data["nodes"]) if i not in start and data["info"][i]["deg"] > 0
               and labels.count(n["label"]) == 1 and len(n["label"]) >= 4]
    assert len(outside) >= 2
    return {"page": page, "text": text, "again": again, "core": core, "chunks": chunks, "data": data,
            "start": start, "outside": outside}


def test_first_view_is_bounded_and_the_rest_is_in_chunks(large):
    core, data = large["core"], large["data"]
    assert core["n"] > 1000 and len(core["start"]) == START
    assert [i for i, _ in core["entities"]] == sorted(large["start"])  # the core draws the first view only
    assert len(large["chunks"]) > 10
    # every entity, its details and every relation's evidence are somewhere in the page
    assert all(n is not None for n in data["nodes"]) and all(x is not None for x in data["info"])
    assert all(ev is not None for ev in data["evidence"])
    assert all(len(ev) >= COPIES for ev in data["evidence"] if ev)  # each quote found in every copy
    # the core does not grow with the documents: no entity details, no quotes
    assert len(large["text"].split('id="lgkg-data">')[1].split("</script>")[0]) < len(large["text"]) / 10


def test_same_graph_same_page(large):
    assert large["again"] == large["text"]


def _open_results(o, text: str) -> list[str]:
    o.page.fill("#search", text)
    o.page.wait_for_function("q => document.getElementById('results').dataset.query === q", arg=text)
    return o.page.locator("#results li button").all_text_contents()


@pytest.mark.browser
def test_large_page_opens_on_its_summary_and_search_reads_the_rest(opened, large):
    data, start = large["data"], large["start"]
    o = opened(large["page"])
    assert o.js("() => lgkg.read()") == 0  # no chunk parsed to draw the first view
    drawn = o.js("() => network.body.data.nodes.getIds().filter(id => !String(id).startsWith('group:'))")
    assert 0 < len(drawn) <= START
    assert {data["nodes"][i]["id"] for i in start} >= set(drawn)
    assert "Large graph" in o.page.locator("#banner").text_content()
    # search finds an entity outside the summary
    i = large["outside"][0]
    label = data["nodes"][i]["label"]
    hits = _open_results(o, label)
    assert any(label in h for h in hits), hits
    o.page.press("#search", "Enter")
    o.page.wait_for_selector("#panel:not([hidden]) .rel-section")
    assert o.page.locator("#panel h2.title").text_content() == label
    assert data["nodes"][i]["id"] in o.js("() => network.body.data.nodes.getIds()")
    # its relations and their quotes, read from the chunks on demand
    panel = o.page.locator("#panel").text_content()
    quotes = [q for k, e in enumerate(data["edges"]) if e and i in e[:2] for _src, q in data["evidence"][k]]
    assert quotes and any(q[:20] in panel for q in quotes)
    assert 0 < o.js("() => lgkg.read()") < len(large["chunks"])
    # the address links to it, and the CSV of what is shown has it
    assert o.page.evaluate("() => location.hash") == "#" + quote(data["nodes"][i]["id"], safe="")
    rows = list(csv.reader(io.StringIO(o.js("() => lgkg.csv()").lstrip("\ufeff"))))
    assert any(label in (r[0], r[2]) for r in rows[1:])
    assert o.errors == [] and o.requests == [o.url]


@pytest.mark.browser
def test_a_link_opens_an_entity_outside_the_summary(opened, large):
    data = large["data"]
    i = large["outside"][1]
    n = data["nodes"][i]
    o = opened(large["page"], "#" + quote(n["id"], safe=""))
    o.page.wait_for_selector("#panel:not([hidden])")
    assert o.page.locator("#panel h2.title").text_content() == n["label"]
    assert n["id"] in o.js("() => network.body.data.nodes.getIds()")
    docs = data["info"][i]["docs"]
    assert f"({len(docs)})" in o.page.locator("#panel").text_content()  # its documents, from its chunk
    assert o.js("() => lgkg.read()") < len(large["chunks"])  # not the whole graph
    # the document filter reads what it needs: none → the entities drop out; all → back
    shown = o.js(ENTITY_NODES)
    o.page.click("#docs-none")
    assert o.js(ENTITY_NODES) < shown
    o.page.click("#docs-all")
    assert o.js(ENTITY_NODES) == shown
    # a hub's group, expanded, brings in members outside the summary
    groups = o.js(GROUP_NODES)
    g = next(g for g in groups if any(m not in large["start"] for m in data["groups"][int(g.split(":")[1])]["members"]))
    before = o.js(ENTITY_NODES)
    o.js("id => lgkg.expand(Number(id.split(':')[1]))", g)
    assert o.js(ENTITY_NODES) > before
    o.page.click("#show-all")
    assert o.js(ENTITY_NODES) > START
    assert o.js("() => lgkg.read()") == len(large["chunks"])
    assert o.errors == [] and o.requests == [o.url]
