"""How the viewer page grows with the corpus: bytes, the build's viewer seconds, time to first render.

    .venv/bin/python bench/viewer_scale.py --scales 10 30 100 --keep /tmp/lgkg-viewer-scale

For each scale the seeds are replicated n times (bench/build_bench.py's `replicate`: the same texts
under new ids, so more documents and evidence, the same entities), built once with `kg build`
(extraction cached in the kept folder, SHACL off: only the viewer is measured), and graph.html is
opened from file:// in headless Chromium at 1280×800. Reported: the page's bytes (with any side
files), `html_seconds` of the build (the viewer's data and page), and in milliseconds from
navigation start: `network` (the first view handed to vis-network: the first render) and `ready`
(laid out, the page answers). Not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from build_bench import replicate  # noqa: E402
from viewer_bench import opened_viewers  # noqa: E402


def page_bytes(out: Path) -> int:
    """graph.html plus whatever the viewer writes beside it (graph.html.d/)."""
    side = out / "graph.html.d"
    extra = sum(p.stat().st_size for p in side.rglob("*") if p.is_file()) if side.is_dir() else 0
    return (out / "graph.html").stat().st_size + extra


def open_times(page: Path, runs: int) -> list[dict]:
    rows = []
    for tab, errors in opened_viewers(page, runs, 600_000):
        marks = tab.evaluate(
            "() => Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime]))")
        shown = tab.evaluate("() => network.body.data.nodes.length")
        heap = tab.evaluate("() => performance.memory ? performance.memory.usedJSHeapSize : 0")
        rows.append({"network": marks.get("lgkg-network", 0), "ready": marks.get("lgkg-ready", 0),
                     "shown": shown, "heap": heap, "errors": errors})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scales", type=int, nargs="*", default=[10, 100])
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", type=Path, help="keep corpora, caches and builds here (reruns reuse the cache)")
    ap.add_argument("--synthetic", type=int, nargs="*", default=[],
                    help="also pages of synthetic graphs of these many entities (4 relations each; viewer_bench)")
    args = ap.parse_args()
    from kg.build import build

    base = args.keep or Path(tempfile.mkdtemp(prefix="lgkg-viewer-scale-"))
    for n in args.synthetic:  # many distinct entities: what a national corpus adds beyond documents
        import time

        from kg.export.html import write_html
        from viewer_bench import synthetic_graph

        g = synthetic_graph(n, 4 * n)
        out = base / f"synthetic-{n}"
        out.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        write_html(g, out / "graph.html")
        seconds = time.perf_counter() - t
        rows = open_times(out / "graph.html", args.runs)
        med = {k: statistics.median(r[k] for r in rows) for k in ("network", "ready")}
        print(f"synthetic {n:,} entities: page {page_bytes(out) / 1e6:.1f} MB · render_html {seconds:.1f} s · "
              f"first render {med['network'] / 1000:.1f} s · ready {med['ready'] / 1000:.1f} s · "
              f"drawn {rows[0]['shown']:,} · JS heap {rows[0]['heap'] / 1e6:.0f} MB", flush=True)
    for n in args.scales:
        corpus = base / f"corpus-{n}"
        if not corpus.exists():
            replicate(corpus, n)
        out = base / f"out-{n}"
        res = build([corpus], out, jobs=args.jobs, cache_dir=base / f"cache-{n}", validate="off")
        stats = res.stats
        if "html_seconds" not in stats:  # nothing changed: the build did no work; measure again
            import shutil

            shutil.rmtree(out)
            stats = build([corpus], out, jobs=args.jobs, cache_dir=base / f"cache-{n}", validate="off").stats
        rows = open_times(out / "graph.html", args.runs)
        med = {k: statistics.median(r[k] for r in rows) for k in ("network", "ready")}
        errs = sorted({e for r in rows for e in r["errors"]})
        print(f"{n}×: page {page_bytes(out) / 1e6:.1f} MB · viewer build {stats['html_seconds']:.1f} s · "
              f"first render {med['network'] / 1000:.1f} s · ready {med['ready'] / 1000:.1f} s · "
              f"drawn {rows[0]['shown']:,} · JS heap {rows[0]['heap'] / 1e6:.0f} MB"
              + (f" · errors {errs[:3]}" if errs else ""), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
