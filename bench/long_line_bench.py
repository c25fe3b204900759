"""A 50 MB single-line report (issue 8): is every stage linear on one huge line?

    .venv/bin/python bench/long_line_bench.py                 # read + clean at 50 MB, extract 0.5–4 MB
    .venv/bin/python bench/long_line_bench.py --extract-mb 50 # the whole 50 MB through the extractor
    .venv/bin/python bench/long_line_bench.py --no-sentence-ends   # one 'sentence' of it all

The line is the seeds' text with its line breaks removed, repeated. Each stage is timed at
doubling sizes; the ratio of consecutive times should stay near 2 (linear), not 4 (quadratic).
Timings live here, not in tests (tests/test_faults.py checks what is extracted from such lines).
"""
from __future__ import annotations

import argparse
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.boilerplate import clean_for_extraction  # noqa: E402
from kg.model import SourceDocument  # noqa: E402
from kg.reader import read_document  # noqa: E402


def line(mb: float, sentence_ends: bool) -> str:
    text = "".join(p.read_text(encoding="utf-8-sig").replace("\n", "") for p in sorted((ROOT / "seeds").glob("*.txt")))
    if not sentence_ends:
        text = re.sub("[。！？!?；;]", "，", text)
    n = int(mb * 1e6 * len(text) / len(text.encode("utf-8")))  # characters for `mb` MB of UTF-8
    return (text * (n // len(text) + 1))[:n]


def timed(f, *a):
    t0 = time.perf_counter()
    r = f(*a)
    return r, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--read-mb", type=float, default=50)
    ap.add_argument("--extract-mb", type=float, default=4)
    ap.add_argument("--no-sentence-ends", action="store_true")
    ap.add_argument("--max-length", type=int, default=0,
                    help="set nlp.max_length first (spaCy refuses longer texts; default: leave it)")
    args = ap.parse_args()
    ends = not args.no_sentence_ends

    print(f"read + clean, single line, sentence ends: {ends}")
    last = None
    with tempfile.TemporaryDirectory() as tmp:
        mb = args.read_mb / 8
        while mb <= args.read_mb + 1e-9:
            p = Path(tmp) / "big.txt"
            p.write_text(line(mb, ends), encoding="utf-8")
            doc, t_read = timed(read_document, p)
            _, t_clean = timed(clean_for_extraction, doc.text)
            t = t_read + t_clean
            print(f"  {p.stat().st_size / 1e6:6.1f} MB  read {t_read:6.2f} s  clean {t_clean:6.2f} s"
                  + (f"  ×{t / last:.2f}" if last else ""))
            last, mb = t, mb * 2

    from kg.nlp import extract, make_pipeline

    nlp = make_pipeline()
    if args.max_length:
        nlp.max_length = args.max_length
    print(f"extract (kg.nlp), nlp.max_length = {nlp.max_length}")
    last = None
    mb = min(0.5, args.extract_mb)
    while mb <= args.extract_mb + 1e-9:
        text = line(mb, ends)
        doc = SourceDocument("big", "big.txt", text, "utf-8", "0" * 64)
        try:
            ex, t = timed(extract, nlp, doc)
        except Exception as exc:  # noqa: BLE001 - report, do not hide
            print(f"  {len(text.encode()) / 1e6:6.1f} MB  FAILED: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}")
            break
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  {len(text.encode()) / 1e6:6.1f} MB  {t:7.2f} s  {len(ex.mentions):7d} mentions  peak RSS {rss:6.0f} MB"
              + (f"  ×{t / last:.2f}" if last else ""))
        last, mb = t, mb * 2


if __name__ == "__main__":
    main()
