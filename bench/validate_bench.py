"""SHACL validation time against `kg build`, on the seeds and on the seeds replicated 10×.

    .venv/bin/python bench/validate_bench.py              # shifty (the default) and kg build
    .venv/bin/python bench/validate_bench.py --pyshacl    # also pyshacl on the seeds (~90 s CPU)

Each figure is one fresh `kg` process: wall time and CPU (user + system, children included), so
a busy machine shows in the wall time but hardly in the CPU. The bar: `kg validate` within 3×
`kg build` on the seeds.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from build_bench import replicate  # noqa: E402

KG = str(Path(sys.executable).parent / "kg")


def run(args: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([KG, *args], check=args[0] != "validate", capture_output=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pyshacl", action="store_true", help="also time pyshacl on the seeds")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpora = {"seeds": ROOT / "seeds", "10×": replicate(tmp / "r10", 10)}
        for label, src in corpora.items():
            out = tmp / f"out-{label}"
            wall_b, cpu_b = run(["build", str(src), "--out", str(out), "--no-cache", "-q", "--no-html",
                                 "--validate", "off"])
            graph = str(out / "graph.ttl")
            wall_v, cpu_v = run(["validate", graph, "-q"])
            print(f"[{label}] kg build (no validation) {wall_b:.2f} s wall, {cpu_b:.2f} s CPU; "
                  f"kg validate (shifty) {wall_v:.2f} s wall, {cpu_v:.2f} s CPU "
                  f"= {cpu_v / cpu_b:.2f}× build's CPU")
            if args.pyshacl and label == "seeds":
                wall_p, cpu_p = run(["validate", graph, "--engine", "pyshacl", "-q"])
                print(f"[{label}] kg validate --engine pyshacl {wall_p:.2f} s wall, {cpu_p:.2f} s CPU")


if __name__ == "__main__":
    main()
