"""Regenerate the viewer's screenshots in docs/ from the seeds, as a person sees the page.

    .venv/bin/python docs/screenshots.py            # builds seeds/ into a temporary folder

Headless Chromium (Debian's /usr/bin/chromium) at 1280×800. Chinese labels need a CJK font
(`apt-get install fonts-wqy-zenhei`), or they show as boxes. Writes:

  viewer.png         the page as it opens: the overview, hubs' neighbours in groups
  viewer-hub.png     graph.html#<IRI of 聊城市>: the city selected, its panel and groups
  viewer-search.png  聊城司法局 typed: the forgiving search's ranked results
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
SIZE = {"width": 1280, "height": 800}


def _iri(graph_ttl: Path, label: str) -> str:
    from rdflib import Graph, Literal
    from rdflib.namespace import SKOS

    g = Graph().parse(graph_ttl, format="turtle")
    return str(next(g.subjects(SKOS.prefLabel, Literal(label, lang="zh"))))


def shoot(page: Path, graph_ttl: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    url = page.resolve().as_uri()
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)

        def open_(fragment: str = ""):
            tab = browser.new_page(viewport=SIZE)
            tab.goto(url + fragment)
            tab.wait_for_function("() => window.lgkgReady === true", timeout=120_000)
            return tab

        tab = open_()
        tab.screenshot(path=str(out / "viewer.png"))
        written.append(out / "viewer.png")
        tab.close()

        tab = open_("#" + quote(_iri(graph_ttl, "聊城市"), safe=""))
        tab.wait_for_timeout(600)  # the focus animation
        tab.screenshot(path=str(out / "viewer-hub.png"))
        written.append(out / "viewer-hub.png")
        tab.close()

        tab = open_()
        tab.fill("#search", "聊城司法局")
        tab.wait_for_function("() => document.getElementById('results').dataset.query === '聊城司法局'")
        tab.screenshot(path=str(out / "viewer-search.png"))
        written.append(out / "viewer-search.png")
        tab.close()
        browser.close()
    return written


def main() -> int:
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: apt-get install chromium fonts-wqy-zenhei", file=sys.stderr)
        return 2
    from kg.build import build

    with tempfile.TemporaryDirectory(prefix="lgkg-shots-") as tmp:
        result = build([ROOT / "seeds"], Path(tmp))
        for path in shoot(Path(result.outputs[1]), Path(result.outputs[0]), ROOT / "docs"):
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
