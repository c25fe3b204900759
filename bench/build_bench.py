"""How fast is `kg build`, and how does it grow? One run prints every figure of issue 7.

    .venv/bin/python bench/build_bench.py            # full run (≈ 3–5 min on 2 cores)
    .venv/bin/python bench/build_bench.py --quick    # seeds and 10× only
    .venv/bin/python bench/build_bench.py --incremental 30   # only the incremental runs, on 30 shuffled copies of the seeds
    .venv/bin/python bench/build_bench.py --scale 30,300     # cold builds of distinct (shuffled) copies

1. seeds, end to end: `kg build seeds --no-cache` in a fresh process (imports included), wall
   and CPU time and peak RSS (of the largest process, from wait4; and of the whole process tree,
   sampled), median of three; and once more with a warm cache.
   The whole `kg build --no-cache` (every stage and export) on the seeds and on 10× with --jobs 1
   and --jobs N, medians of three: its marginal throughput from 1× to 10×, set against
   jieba.posseg's on one core (issue 17's bar: ≥ 5×).
2. extraction throughput in characters per second on one core, in this process as `kg build
   --jobs 1` extracts (kg.parallel.extract_serial: results kept, out of the collector's view), excluding
   start-up (imports, pipeline construction, a warm-up pass over the seeds), on the seeds replicated
   10× and 100× (document ids renamed `…_r007`), and the scaling exponent between them
   (log(t100 / t10) / log 10: 1.0 is linear);
   with two reference points on the same texts in the same run: rjieba segmentation alone
   (the floor: lgkg segments with rjieba, then matches) and jieba.posseg (what a user would
   try first; on 10× only, it runs at ~0.1 M chars/s); and lgkg once more on 10× with the
   grammar's name memos (kg.grammar.memo) cleared before each report, since a replicated
   corpus meets every name again and distinct reports do not;
3. the later stages on the 100× knowledge base, separately: entity resolution, validation (kg
   build's default check of the records, and the SHACL shapes of `--validate shapes` on the whole graph), Turtle (lgkg's writer, streamed from the knowledge base),
   N-Triples stream, the triple index and the HTML viewer (as kg build writes it), the rdflib
   graph (built only for --format jsonld/trig/graphml), and rdflib's own
   Turtle serialiser for comparison (on 10×);
4. 100×, end to end: `kg build --jobs N` with an empty cache folder (the CLI's default of
   writing a cache included), wall, CPU and peak RSS; its Turtle compared with the in-process
   (jobs 1) build's; then one new report added and built again on the warm cache (only it is
   extracted);
5. the Dask engine end to end on 10× (a LocalCluster of N workers started by kg build), its
   Turtle compared with the in-process build's.

The `kg build` subprocesses run first, while the bench process is small (a child's peak RSS as
wait4 reports it includes what it shared with its parent before exec).

The in-process reference for the identity checks is built as `kg build --jobs 1` builds: the
folder read by kg.reader as kg.build reads it (skipped files included), each document extracted
in this process, kg.resolve.resolve(extractions, skipped), Turtle by kg.export.rdf. The
subprocess builds run minutes before it: if the package's code or data changed in between (an
edit while the bench runs), the outputs are not comparable and the bench says so instead of
printing a NO; a real difference is printed with its first differing line.

The package's bytecode is compiled before any run (compileall): an environment that sets
PYTHONDONTWRITEBYTECODE would otherwise compile kg's modules in every `kg` process (≈ 0.3 s),
which no installed copy does.

The machine's cores may be shared: timings are wall-clock and noisy under contention; the
load average is printed before and after.
"""
from __future__ import annotations

import argparse
import compileall
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
KG = [sys.executable, "-m", "kg.cli"] if not (Path(sys.executable).parent / "kg").exists() \
    else [str(Path(sys.executable).parent / "kg")]

LINES: list[str] = []


def say(line: str = "") -> None:
    print(line, flush=True)
    LINES.append(line)


def replicate(dst: Path, n: int) -> Path:
    """The seeds n times, ids renamed (003_x → 003_x_r007); same texts, so the same entities."""
    dst.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        for p in sorted(SEEDS.glob("*.txt")):
            shutil.copyfile(p, dst / f"{p.stem}_r{k:03d}.txt")
    return dst


# ---------------------------------------------------------------------------- subprocess runs

class TreeRSS:
    """Peak total RSS of a process and its descendants, sampled every 20 ms (needs psutil)."""

    def __init__(self, pid: int) -> None:
        self.peak = 0
        self.ok = True
        try:
            import psutil
        except ImportError:
            self.ok = False
            return
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, args=(psutil, pid), daemon=True)
        self._t.start()

    def _run(self, psutil, pid: int) -> None:
        try:
            root = psutil.Process(pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            total = 0
            try:
                for p in [root, *root.children(recursive=True)]:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                break
            self.peak = max(self.peak, total)
            self._stop.wait(0.02)

    def stop(self) -> int:
        if self.ok:
            self._stop.set()
            self._t.join()
        return self.peak


def run_kg(args: list[str], cwd: Path = ROOT) -> tuple[float, int, int, float]:
    """(wall seconds, peak RSS of the largest process in bytes, sampled peak of the tree,
    CPU seconds of the process and its workers). The previous run's writes are flushed first
    (os.sync, not timed): a run does not pay for the one before."""
    os.sync()
    t0 = time.perf_counter()
    proc = subprocess.Popen([*KG, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    tree = TreeRSS(proc.pid)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    peak_tree = tree.stop()
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"kg {' '.join(args)} failed ({proc.returncode}):\n{err[-3000:]}")
    return wall, usage.ru_maxrss * 1024, peak_tree, usage.ru_utime + usage.ru_stime


def mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB" if n else "n/a"


# ---------------------------------------------------------------------------- in-process timings

def read_like_build(folder: Path) -> tuple[list, list[tuple[str, str]]]:
    """The documents of `folder` and its skipped files (path, problem), read as kg.build.build_kb
    reads them, so resolve(extractions, skipped) is what `kg build` resolves."""
    from kg.reader import Skipped, find_inputs, read_all

    docs, skipped = [], []
    for item in read_all(find_inputs([folder])):
        if isinstance(item, Skipped):
            skipped.append((item.path, item.problem))
        else:
            docs.append(item)
    return docs, skipped


def texts_of(folder: Path):
    return read_like_build(folder)[0]


class CodeStamp:
    """A digest of everything a build's output depends on in this checkout (the kg package's files
    and the ontology), taken when the bench starts: the `kg build` subprocesses and this process
    run the same code only if it is unchanged when their outputs are compared."""

    def __init__(self) -> None:
        self.digest = self.now()

    @staticmethod
    def now() -> str:
        import hashlib

        h = hashlib.sha256()
        for folder in (ROOT / "kg", ROOT / "ontology"):
            for p in sorted(folder.rglob("*")):
                if p.is_file() and "__pycache__" not in p.parts:
                    h.update(str(p.relative_to(ROOT)).encode() + b"\0" + p.read_bytes() + b"\0")
        return h.hexdigest()

    def changed(self) -> bool:
        return self.now() != self.digest


def identical(path: Path, kb, stamp: CodeStamp) -> str:
    """'yes', or why not: the code changed during the bench, or the first differing line."""
    from kg.export.rdf import turtle_bytes

    theirs, ours = path.read_bytes(), turtle_bytes(kb)
    if theirs == ours:
        return "yes"
    if stamp.changed():
        return "not comparable: the kg package or the ontology changed while the bench ran"
    a, b = theirs.decode("utf-8").splitlines(), ours.decode("utf-8").splitlines()
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return (f"NO ({len(theirs):,} vs {len(ours):,} bytes; first difference at line {n + 1}: "
            f"{a[n][:100] if n < len(a) else '<end>'!r} vs {b[n][:100] if n < len(b) else '<end>'!r})")


class Clock:
    """Wall and CPU seconds of a block (CPU time is what contention for the cores does not inflate)."""

    def __enter__(self) -> "Clock":
        self.w0, self.c0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.w0, time.process_time() - self.c0


def time_lgkg(nlp, docs) -> tuple[Clock, list]:
    """As `kg build --jobs 1` extracts (kg.parallel.extract_serial), with a ready pipeline."""
    from kg.parallel import extract_serial

    with Clock() as c:
        exs = extract_serial(docs, nlp=nlp)
    return c, exs


def time_lgkg_forgetting(nlp, docs) -> Clock:
    """Extraction with the grammar's name memos cleared before each document: what a corpus
    of distinct reports gets from them (a replicated corpus meets each name again)."""
    from kg.grammar.memo import clear_memos
    from kg.parallel import extract_serial

    clear_memos()
    with Clock() as c:
        exs = extract_serial(docs, on_done=lambda _d: clear_memos(), nlp=nlp)
    del exs
    return c


def time_rjieba(docs) -> Clock:
    import rjieba

    with Clock() as c:
        for d in docs:
            rjieba.cut(d.text, True)
    return c


def time_posseg(docs) -> Clock:
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    jieba.initialize()
    list(pseg.cut("聊城市司法局"))  # the dictionary and HMM tables are loaded before timing
    with Clock() as c:
        for d in docs:
            for _ in pseg.cut(d.text):
                pass
    return c


def timed(fn):
    with Clock() as c:
        out = fn()
    return c, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="seeds and 10× only (no 100×)")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the end-to-end 100× build (default 2)")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask engine run")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--scale", metavar="N,M,...", default="",
                    help="only cold --no-cache builds of the seeds shuffled N, M, ... times (distinct texts)")
    ap.add_argument("--incremental", type=int, metavar="N", default=0,
                    help="only the incremental runs on N shuffled copies of the seeds: cold, nothing new, "
                         "one report added, and a cold build of the same inputs to compare with")
    args = ap.parse_args()
    compileall.compile_dir(ROOT / "kg", quiet=1)

    tmp = Path(tempfile.mkdtemp(prefix="lgkg-bench-"))
    try:
        if args.scale:
            bench_scale(tmp, [int(n) for n in args.scale.split(",")], args.jobs)
        elif args.incremental:
            bench_incremental(tmp, args.incremental, args.jobs)
        else:
            bench(tmp, args, CodeStamp())
    finally:
        if args.keep:
            print(f"(kept {tmp})")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def shuffled(dst: Path, n: int) -> Path:
    """n distinct versions of each seed: its heading, then its paragraphs in the order of a
    shuffle seeded by the copy's number (the same names, in texts no two copies share)."""
    import random

    dst.mkdir(parents=True, exist_ok=True)
    for p in sorted(SEEDS.glob("*.txt")):
        head, *body = p.read_text(encoding="utf-8").splitlines()
        for k in range(n):
            random.Random(k).shuffle(body)
            (dst / f"{p.stem}_s{k:04d}.txt").write_text("\n".join([head, *body]) + "\n", encoding="utf-8")
    return dst


def bench_scale(tmp: Path, sizes: list[int], jobs: int) -> None:
    """A cold `kg build --jobs J --no-cache` of the seeds shuffled n times (distinct texts) for
    each n of `sizes`: wall and CPU time, peak RSS, and the scaling exponent between sizes."""
    say(f"lgkg scale bench — {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    runs = []
    for n in sizes:
        corpus = shuffled(tmp / f"s{n}", n)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in corpus.glob("*.txt"))
        wall, rss, tree, cpu = run_kg(["build", str(corpus), "--out", str(tmp / f"o{n}"), "--jobs", str(jobs),
                                       "--no-cache", "-q"])
        shutil.rmtree(tmp / f"o{n}")
        runs.append((n, chars, wall))
        say(f"[{n}×] {len(list(corpus.glob('*.txt')))} reports, {chars:,} characters: {wall:7.1f} s wall, "
            f"{cpu:7.1f} s CPU, peak RSS {mib(rss)} (largest process), {mib(tree)} (all, sampled); "
            f"load average {os.getloadavg()[0]:.2f}")
        shutil.rmtree(corpus)
    for (n0, c0, w0), (n1, c1, w1) in zip(runs, runs[1:]):
        say(f"       scaling exponent {n0}× → {n1}×: {math.log(w1 / w0) / math.log(c1 / c0):.3f} (1.0 = linear)")


def shuffled_report(dst: Path, seed: int = 17) -> Path:
    """A new report: the first seed's paragraphs in another order (a text no cache has seen)."""
    import random

    src = sorted(SEEDS.glob("*.txt"))[0]
    lines = src.read_text(encoding="utf-8").splitlines()
    head, body = lines[:1], lines[1:]
    random.Random(seed).shuffle(body)
    dst.mkdir(parents=True, exist_ok=True)
    path = dst / "999_new_report.txt"
    path.write_text("\n".join(head + body) + "\n", encoding="utf-8")
    return path


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.is_file()}


#: how many times --incremental adds a report (a different one each time)
ADDED_RUNS = 5


def bench_incremental(tmp: Path, n: int, jobs: int) -> None:
    """kg build --jobs J on n paragraph-shuffled copies of the seeds (distinct reports, as issue
    17's bar is rerun): cold (empty cache), again with nothing new, again with one new report
    (ADDED_RUNS times, each a new text in its place: the median); then the same inputs built cold
    (--no-cache) into another folder, whose graph.ttl and graph.html must be byte-identical to the
    incremental build's. The added report's share is given of both cold builds: this machine's speed drifts
    by up to a third between the start and the end of one run.

    The builds keep their derived tables (kg.derived) in the bench's own folder ($LGKG_CACHE_DIR):
    the first cold build makes them, as a first build on a new machine does, and no other
    checkout's build sharing the user's cache folder can remove them while the bench runs."""
    os.environ["LGKG_CACHE_DIR"] = str(tmp / "home")
    say(f"lgkg incremental bench — {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    corpus = shuffled(tmp / f"s{n}", n)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in corpus.glob("*.txt"))
    say(f"[{n}×] {len(list(corpus.glob('*.txt')))} reports, {chars:,} characters; kg build --jobs {jobs}")
    out, cache = tmp / "out", tmp / "cache"
    common = ["--out", str(out), "--jobs", str(jobs), "--cache-dir", str(cache), "-q"]
    cold = run_kg(["build", str(corpus), *common])
    say(f"       cold (empty cache):          {cold[0]:7.2f} s wall {cold[3]:7.1f} s CPU, peak RSS {mib(cold[1])}")
    before = _mtimes(out)
    same = run_kg(["build", str(corpus), *common])
    kept = before == _mtimes(out)
    say(f"       nothing new:                 {same[0]:7.2f} s wall {same[3]:7.1f} s CPU "
        f"({100 * same[0] / cold[0]:.1f}% of cold; exports untouched: {'yes' if kept else 'NO'})")
    extra = tmp / "extra"
    runs = []
    for k in range(ADDED_RUNS):  # each run's new report replaces the last one's: single runs vary by ±20% here
        shuffled_report(extra, seed=17 + k)
        runs.append(run_kg(["build", str(corpus), str(extra), *common]))
    added = sorted(runs)[len(runs) // 2]
    say(f"       one report added:            {added[0]:7.2f} s wall {added[3]:7.1f} s CPU "
        f"({100 * added[0] / cold[0]:.1f}% of cold), peak RSS {mib(added[1])}; median of {len(runs)} "
        f"({', '.join(f'{r[0]:.2f}' for r in runs)} s)")
    ref = tmp / "ref"
    again = run_kg(["build", str(corpus), str(extra), "--out", str(ref), "--jobs", str(jobs), "--no-cache", "-q"])
    same = {name: (out / name).read_bytes() == (ref / name).read_bytes() for name in ("graph.ttl", "graph.html")}
    say(f"       cold build of the same inputs: {again[0]:7.2f} s wall (the report added: "
        f"{100 * added[0] / again[0]:.1f}% of it); byte-identical to the incremental build's: "
        + ", ".join(f"{name} {'yes' if ok else 'NO'}" for name, ok in same.items()))
    say(f"load average at end: {os.getloadavg()[0]:.2f}")


def bench(tmp: Path, args, stamp: CodeStamp) -> None:
    say(f"lgkg build bench — {os.cpu_count()} CPUs, python {sys.version.split()[0]}, "
        f"load average {os.getloadavg()[0]:.2f} at start")
    seeds_chars = sum(len(d.text) for d in texts_of(SEEDS))
    say(f"seeds: {len(list(SEEDS.glob('*.txt')))} reports, {seeds_chars:,} characters")
    say()
    r10 = replicate(tmp / "r10", 10)
    r100 = None if args.quick else replicate(tmp / "r100", 100)

    # Every `kg build` subprocess runs first, while this process is small: a child's peak RSS
    # (wait4) counts what it shared with its parent between fork and exec.

    # 1. seeds end to end ----------------------------------------------------------------
    runs = [run_kg(["build", str(SEEDS), "--out", str(tmp / f"seeds{i}"), "--no-cache", "-q"]) for i in range(3)]
    wall = statistics.median(r[0] for r in runs)
    say(f"[seeds] kg build, cold (imports, no cache):  {wall:.2f} s median of 3 "
        f"({', '.join(f'{r[0]:.2f}' for r in runs)}); {statistics.median(r[3] for r in runs):.2f} s CPU; "
        f"peak RSS {mib(max(r[1] for r in runs))}")
    cache = tmp / "cache"
    run_kg(["build", str(SEEDS), "--out", str(tmp / "seedsc"), "--cache-dir", str(cache), "-q"])
    warm = run_kg(["build", str(SEEDS), "--out", str(tmp / "seedsc"), "--cache-dir", str(cache), "-q"])
    say(f"[seeds] kg build, warm cache (nothing extracted): {warm[0]:.2f} s wall, {warm[3]:.2f} s CPU")
    t_import = float(subprocess.run([sys.executable, "-c", "import time; t=time.perf_counter(); import kg.nlp; "
                                     "print(time.perf_counter()-t)"], capture_output=True, text=True,
                                    check=True).stdout)
    say(f"[seeds] of which `import kg.nlp` (spaCy, rjieba, gazetteer): {t_import:.2f} s")
    # the whole build (reading, extraction, resolution, validation, every export) on 1× and 10×,
    # in fresh processes: the marginal cost of 9× the seeds, compared with jieba.posseg below
    whole: dict[int, tuple[float, float]] = {}
    for jobs in sorted({1, args.jobs}):
        one = [run_kg(["build", str(SEEDS), "--out", str(tmp / f"w1j{jobs}_{i}"), "--no-cache", "-q", "--jobs",
                       str(jobs)]) for i in range(3)]
        ten = [run_kg(["build", str(r10), "--out", str(tmp / f"w10j{jobs}_{i}"), "--no-cache", "-q", "--jobs",
                       str(jobs)]) for i in range(3)]
        whole[jobs] = (statistics.median(r[0] for r in ten) - statistics.median(r[0] for r in one),
                       statistics.median(r[3] for r in ten) - statistics.median(r[3] for r in one))
        say(f"[whole] kg build --no-cache --jobs {jobs}: seeds {statistics.median(r[0] for r in one):.2f} s, "
            f"10× {statistics.median(r[0] for r in ten):.2f} s wall (medians of 3); marginal 9× the seeds: "
            f"{whole[jobs][0]:.2f} s wall, {whole[jobs][1]:.2f} s CPU")
    say()

    # 2. 100× end to end ------------------------------------------------------------------------
    if r100 is not None:
        cache100 = tmp / "cache100"
        w, rss, tree, cpu = run_kg(["build", str(r100), "--out", str(tmp / "o100"), "--jobs", str(args.jobs),
                                    "--cache-dir", str(cache100), "-q"])
        say(f"[100×] kg build --jobs {args.jobs} (cold, empty cache): {w:.2f} s wall, {cpu:.1f} s CPU; peak RSS "
            f"{mib(rss)} (largest process), {mib(tree)} (all processes, sampled)")
        extra = tmp / "extra"
        extra.mkdir()
        shutil.copyfile(sorted(SEEDS.glob("*.txt"))[0], extra / "999_new_report.txt")
        w2, _, _, cpu2 = run_kg(["build", str(r100), str(extra), "--out", str(tmp / "o100new"), "--jobs",
                                 str(args.jobs), "--cache-dir", str(cache100), "-q"])
        say(f"       + one new report, warm cache (only it extracted): {w2:.2f} s wall, {cpu2:.1f} s CPU")

    # 3. dask ---------------------------------------------------------------------------------
    dask_wall = None
    if not args.no_dask:
        try:
            import distributed  # noqa: F401
        except ImportError:
            say("[dask] not installed (pip install 'lgkg[dask]'): skipped")
        else:
            dask_wall = run_kg(["build", str(r10), "--out", str(tmp / "od"), "--engine", "dask", "--jobs",
                                str(args.jobs), "--no-cache", "-q"])[0]
            say(f"[dask] kg build --engine dask --jobs {args.jobs} on 10× (LocalCluster start included): "
                f"{dask_wall:.2f} s wall")
    say()

    # 4. extraction throughput --------------------------------------------------------------
    from kg.nlp import extract, make_pipeline

    docs10, skipped10 = read_like_build(r10)
    c10 = sum(len(d.text) for d in docs10)
    nlp = make_pipeline()
    for d in texts_of(SEEDS):  # warm-up: lazy tables, rjieba's dictionary
        extract(nlp, d)
    rj10 = time_rjieba(docs10)
    t10, exs10 = time_lgkg(nlp, docs10)
    ps10 = time_posseg(docs10)

    def row(name: str, c: Clock, chars: int, note: str = "") -> None:
        say(f"       {name:<17} {c.wall:7.2f} s wall {chars / c.wall:>12,.0f} chars/s | {c.cpu:7.2f} s CPU "
            f"{chars / c.cpu:>12,.0f} chars/s/core{note}")

    say(f"[10×]  {len(docs10)} reports, {c10:,} characters (one process)")
    row("lgkg extraction", t10, c10)
    row("rjieba.cut", rj10, c10, "   (floor)")
    row("jieba.posseg.cut", ps10, c10)
    say(f"       lgkg: {ps10.cpu / t10.cpu:.1f}× jieba.posseg's throughput (CPU; wall {ps10.wall / t10.wall:.1f}×), "
        f"{t10.cpu / rj10.cpu:.1f}× slower than rjieba alone (CPU; wall {t10.wall / rj10.wall:.1f}×)")
    marginal = c10 - seeds_chars
    for jobs, (w, cpu) in whole.items():
        say(f"       whole kg build --no-cache --jobs {jobs}, marginal 1×→10×: {marginal / w:,.0f} chars/s wall = "
            f"{marginal / w / (c10 / ps10.cpu):.1f}× jieba.posseg's (one core); CPU {marginal / cpu:,.0f} chars/s")
    f10 = time_lgkg_forgetting(nlp, docs10)
    row("lgkg, memos reset", f10, c10, "   (name memos cleared before each report)")
    say(f"       lgkg with no memo shared between reports: {f10.cpu / rj10.cpu:.1f}× slower than rjieba alone (CPU)")

    from kg.export.rdf import turtle_bytes
    from kg.resolve import resolve

    kb10 = resolve(exs10, skipped10)  # as kg.build.build_kb resolves
    if dask_wall is not None:
        say(f"       the Dask engine's graph.ttl is identical to this in-process (jobs 1) build: "
            f"{identical(tmp / 'od' / 'graph.ttl', kb10, stamp)}")
    if r100 is not None:
        docs100, skipped100 = read_like_build(r100)
        c100 = sum(len(d.text) for d in docs100)
        rj100 = time_rjieba(docs100)
        t100, exs100 = time_lgkg(nlp, docs100)
        say(f"[100×] {len(docs100)} reports, {c100:,} characters (one process)")
        row("lgkg extraction", t100, c100)
        row("rjieba.cut", rj100, c100, "   (floor)")
        say(f"       jieba.posseg.cut  not run on 100× (~{c100 / (c10 / ps10.cpu):.0f} s CPU at its 10× rate)")
        expo_c = math.log(t100.cpu / t10.cpu) / math.log(c100 / c10)
        expo_w = math.log(t100.wall / t10.wall) / math.log(c100 / c10)
        say(f"       lgkg: {t100.cpu / rj100.cpu:.1f}× slower than rjieba alone (CPU); scaling exponent "
            f"10×→100×: {expo_c:.3f} CPU, {expo_w:.3f} wall (1.0 = linear)")
    say()

    # 5. stages after extraction ----------------------------------------------------------------
    from kg.export.html import write_html
    from kg.export.rdf import write_ntriples_stream, write_turtle
    from kg.graph import TripleIndex, build_graph

    label, exs, skipped = ("100×", exs100, skipped100) if r100 is not None else ("10×", exs10, skipped10)
    t_res, kb = timed(lambda: resolve(exs, skipped))
    if r100 is not None:
        say(f"[100×] kg build --jobs {args.jobs}'s graph.ttl is identical to this in-process (jobs 1) build: "
            f"{identical(tmp / 'o100' / 'graph.ttl', kb, stamp)}")
    out = tmp / "stages"
    out.mkdir()
    from kg.invariants import check as check_records
    from kg.validate import check

    t_rec, _ = timed(lambda: check_records(kb))
    t_val, _ = timed(lambda: check(kb, "shifty"))
    t_ttl, _ = timed(lambda: write_turtle(kb, out / "graph.ttl"))
    t_nt, _ = timed(lambda: write_ntriples_stream(kb, out / "graph.nt"))
    t_index, index = timed(lambda: TripleIndex.for_viewer(kb))
    t_graph, g = timed(lambda: build_graph(kb))
    t_html, _ = timed(lambda: write_html(index, out / "graph.html"))  # as kg build writes it
    g10 = build_graph(kb10)
    t_rdflib10, _ = timed(lambda: g10.serialize(format="turtle", encoding="utf-8"))
    t_ttl10, _ = timed(lambda: turtle_bytes(kb10))
    say(f"[stages on {label}] {len(kb.entities):,} entities, {len(kb.relations):,} relations, "
        f"{sum(len(r.evidence) for r in kb.relations):,} evidence nodes, {len(g):,} triples")
    stages = [("entity resolution", t_res),
              ("validation of the records (kg build's default)", t_rec),
              ("SHACL shapes, whole graph (--validate shapes)", t_val),
              ("Turtle (lgkg writer, from the kb; every document's part made in this process)", t_ttl),
              ("N-Triples stream", t_nt), ("the viewer's index (corpus-wide triples, documents' rows)", t_index),
              ("HTML viewer", t_html), ("rdflib graph (only for --format)", t_graph)]
    for name, t in stages:
        say(f"       {name:<44} {t.wall:7.2f} s wall {t.cpu:7.2f} s CPU")
    slow = max(stages, key=lambda s: s[1].cpu)
    say(f"       slowest stage after extraction: {slow[0]}")
    say(f"       (10×: rdflib's Turtle serialiser {t_rdflib10.cpu:.2f} s CPU vs lgkg's writer {t_ttl10.cpu:.2f} s)")
    say(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
