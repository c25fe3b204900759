"""Median latency of the named queries (queries/*.rq) on pyoxigraph vs rdflib, on the seeds' graph
replicated 100×.

    .venv/bin/python bench/query_bench.py                     # 100 copies of exports/graph.ttl
    .venv/bin/python bench/query_bench.py --copies 1          # the seeds' graph itself
    .venv/bin/python bench/query_bench.py --graph out/graph.ttl --repeat 7 --budget 300

The 100× graph: every IRI in the lgr: namespace (entities, documents, evidence) gets a per-copy
suffix (`lgr:org-…-c007`) and every document identifier one too (`…_r007`); ontology terms and
literals are shared. Same input, same graph: the copies are made from N-Triples text, in order.

Each query runs with its default parameters, `--repeat` times on each engine after one warm-up
run; the median is printed. rdflib runs each query in a forked child process with a time budget
(`--budget` seconds for warm-up plus repeats): when fewer runs finish, the median of those (or the
warm-up alone, "(warm-up)") is shown, and "> budget" when not even the warm-up finished. The row
counts of the two engines are compared (they must agree).

The machine's cores may be shared: timings are wall-clock; the load average is printed.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.query import Loaded, named_queries, run, with_defaults  # noqa: E402

_LGR = re.compile(r"<https://w3id\.org/lgkg/id/([^>]+)>")
_IDENT = re.compile(r'^(<[^>]+> <http://purl\.org/dc/terms/identifier> ")([^"]*)(")')


def replicate(ntriples: str, copies: int) -> bytes:
    """The graph `copies` times over, IRIs and document identifiers renamed per copy."""
    if copies == 1:
        return (ntriples.rstrip("\n") + "\n").encode("utf-8")
    lines = ntriples.splitlines()
    out: list[str] = []
    for k in range(copies):
        suffix = f"-c{k:03d}"
        for line in lines:
            line = _LGR.sub(lambda m, suffix=suffix: f"<https://w3id.org/lgkg/id/{m.group(1)}{suffix}>", line)
            line = _IDENT.sub(lambda m, k=k: f"{m.group(1)}{m.group(2)}_r{k:03d}{m.group(3)}", line)
            out.append(line)
    return ("\n".join(out) + "\n").encode("utf-8")


def _time(loaded: Loaded, text: str, bindings: dict, repeat: int) -> tuple[list[float], int]:
    res = run(loaded, text, bindings)  # warm-up
    n = len(res.rows) if res.kind == "select" else len(res.triples) if res.kind == "graph" else int(res.boolean)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run(loaded, text, bindings)
        times.append(time.perf_counter() - t)
    return times, n


def _child(conn, loaded: Loaded, text: str, bindings: dict, repeat: int) -> None:
    """Send ("warm", seconds, rows), then ("run", seconds) per timed run, as each finishes."""
    try:
        t = time.perf_counter()
        res = run(loaded, text, bindings)
        n = len(res.rows) if res.kind == "select" else len(res.triples) if res.kind == "graph" else int(res.boolean)
        conn.send(("warm", time.perf_counter() - t, n))
        for _ in range(repeat):
            t = time.perf_counter()
            run(loaded, text, bindings)
            conn.send(("run", time.perf_counter() - t))
    except Exception as exc:  # report, don't hang the parent
        conn.send(("error", repr(exc)))
    finally:
        conn.close()


def time_with_budget(loaded: Loaded, text: str, bindings: dict, repeat: int, budget: float):
    """(timed runs, warm-up seconds, rows) from a forked child within `budget` seconds; rows is None
    when not even the warm-up finished. The child is killed at the deadline."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, loaded, text, bindings, repeat))
    proc.start()
    child.close()
    deadline = time.monotonic() + budget
    runs: list[float] = []
    warm, rows = None, None
    while len(runs) < repeat:
        left = deadline - time.monotonic()
        if left <= 0 or not parent.poll(left):
            break
        try:
            msg = parent.recv()
        except EOFError:
            break
        if msg[0] == "warm":
            warm, rows = msg[1], msg[2]
        elif msg[0] == "run":
            runs.append(msg[1])
        else:
            raise RuntimeError(msg[1])
    if proc.is_alive():
        proc.kill()
    proc.join()
    return runs, warm, rows


def fmt_ms(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:,.1f}" if ms < 100 else f"{ms:,.0f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--graph", type=Path, default=ROOT / "exports" / "graph.ttl")
    ap.add_argument("--copies", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per query and engine (after a warm-up)")
    ap.add_argument("--budget", type=float, default=180.0, help="seconds allowed per query on rdflib")
    ap.add_argument("--only", nargs="*", help="named queries to run (default: all)")
    args = ap.parse_args()

    import pyoxigraph as ox
    from rdflib import Graph

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    base = "\n".join(sorted(str(t) + " ." for t in ox.parse(path=str(args.graph), format=ox.RdfFormat.TURTLE)))
    t = time.perf_counter()
    data = replicate(base, args.copies)
    lines = data.count(b"\n")
    print(f"{args.copies}× graph: {lines:,} N-Triples lines, {len(data) / 1e6:.0f} MB "
          f"(made in {time.perf_counter() - t:.1f} s)", flush=True)

    t = time.perf_counter()
    store = ox.Store()
    store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
    oxl = Loaded(None, "oxigraph", store, False)
    print(f"pyoxigraph: {len(store):,} triples loaded in {time.perf_counter() - t:.1f} s", flush=True)
    t = time.perf_counter()
    g = Graph()
    g.parse(data=data, format="nt")
    rdl = Loaded(None, "rdflib", g, False)
    print(f"rdflib:     {len(g):,} triples loaded in {time.perf_counter() - t:.1f} s", flush=True)
    del data

    queries = named_queries()
    names = args.only or list(queries)
    print(f"\nmedian of {args.repeat} runs after a warm-up, milliseconds\n")
    header = f"{'query':28s} {'rows':>8s} {'pyoxigraph':>12s} {'rdflib':>20s} {'rdflib/ox':>10s}"
    print(header)
    print("-" * len(header), flush=True)
    ox_all, rd_all = [], []
    for name in names:
        nq = queries[name]
        b = with_defaults(nq, {})
        ox_times, ox_rows = _time(oxl, nq.text, b, args.repeat)
        ox_med = statistics.median(ox_times)
        ox_all.append(ox_med)
        runs, warm, rd_rows = time_with_budget(rdl, nq.text, b, args.repeat, args.budget)
        ratio = ""
        if runs or warm is not None:
            rd_med = statistics.median(runs) if runs else warm
            rd_all.append(rd_med)
            rd = fmt_ms(rd_med) + ("" if len(runs) == args.repeat else
                                   f" ({len(runs)} run{'s' if len(runs) > 1 else ''})" if runs else " (warm-up)")
            ratio = f"{rd_med / ox_med:,.0f}×" if ox_med > 0 else ""
            if rd_rows != ox_rows:
                ratio += f"  ROWS DIFFER ({rd_rows})"
        else:
            rd = f"> {args.budget:,.0f} s"
        print(f"{name:28s} {ox_rows:>8,} {fmt_ms(ox_med):>12s} {rd:>20s} {ratio:>10s}", flush=True)
    print(f"\nsum of medians: pyoxigraph {fmt_ms(sum(ox_all))} ms; rdflib {fmt_ms(sum(rd_all))} ms "
          f"over the {len(rd_all)} queries that finished within the budget")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
