"""How long do the viewer's triple index and page take, and how much memory do they hold? (issue 17)

    .venv/bin/python bench/index_bench.py CORPUS STAGE [--cache DIR] [--jobs N]

STAGE is one of: index (kg.graph.TripleIndex.for_viewer: the corpus-wide triples and the
documents' evidence and figures as rows, as kg build makes it), whole-index (TripleIndex of every
triple, as the viewer of an rdflib graph reads it), turtle (write_turtle, the documents' parts
made in this process), html (TripleIndex.for_viewer then write_html). The knowledge base comes from kg.build.build_kb with an extraction
cache (warm after the first run); the stage then runs once in this process, with the cyclic
collector paused as kg.build pauses it. Peak RSS
is the process's high-water mark (ru_maxrss) after the stage, and before it (the knowledge base
alone). Prints one line: wall and CPU seconds of the stage, with the load average (the machine's
cores may be shared: CPU time is the steadier figure then).
"""
from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("stage", choices=("index", "whole-index", "turtle", "html"))
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "lgkg-index-bench-cache")
    ap.add_argument("--jobs", type=int, default=1, help="extraction processes (a cold cache)")
    args = ap.parse_args()
    from kg import collector
    from kg.build import build_kb
    from kg.cache import ExtractionCache
    from kg.export.html import write_html
    from kg.export.rdf import write_turtle
    from kg.graph import TripleIndex

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        kb = build_kb([args.corpus], cache=ExtractionCache(args.cache), jobs=args.jobs)
        before = _peak_mib()
        with collector.paused():
            t0, c0 = time.perf_counter(), time.process_time()
            index = None
            if args.stage == "index":
                index = TripleIndex.for_viewer(kb)
            elif args.stage == "whole-index":
                index = TripleIndex(kb)
            elif args.stage == "turtle":
                write_turtle(kb, out / "graph.ttl")
            else:
                write_html(TripleIndex.for_viewer(kb), out / "graph.html")
            t1, c1 = time.perf_counter(), time.process_time()
        n = sum(len(v) for v in index._by_p.values()) if index is not None else 0
    print(f"{args.corpus.name} {args.stage}: {t1 - t0:.2f} s wall, {c1 - c0:.2f} s CPU"
          + (f" ({n:,} pairs)" if n else "")
          + f", peak RSS {before:,.0f} → {_peak_mib():,.0f} MiB; load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
