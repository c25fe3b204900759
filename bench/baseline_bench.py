"""lgkg vs the baselines a user would try first, on the same gold sets, in the same run.

- jieba.posseg: every word tagged nt is an Organization, ns a Place, nr a Person (no relations:
  jieba has none);
- jieba.posseg + titles and quotes: the same, plus every 《…》 as a Regulation and every “…” of
  2–16 characters as a Program, the regular expressions anyone adds first.

All graphs are scored by ../shared/eval/score.py, on each gold set given.

    .venv/bin/python bench/baseline_bench.py [--gold ../shared/gold ../shared/gold-wide]
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.model import DocContext, DocExtraction, EntityKey, EntityType, Mention  # noqa: E402
from kg.reader import read_document  # noqa: E402

TAGS = {"nt": EntityType.ORGANIZATION, "ns": EntityType.PLACE, "nr": EntityType.PERSON}
TITLE = re.compile(r"《[^《》\n]{2,60}》")
QUOTE = re.compile(r"“[^“”\n]{2,16}”")


def with_regexes(ex: DocExtraction) -> DocExtraction:
    """The baseline plus 《…》 as Regulation and “…” as Program."""
    text, doc_id = ex.document.text, ex.document.doc_id
    extra = [Mention(doc_id, m.start(), m.end(), m.group(), EntityKey(etype, m.group()[1:-1]))
             for pattern, etype in ((TITLE, EntityType.REGULATION), (QUOTE, EntityType.PROGRAM))
             for m in pattern.finditer(text)]
    return DocExtraction(ex.document, ex.context, ex.mentions + tuple(extra), ())


def baseline_extraction(path: Path) -> DocExtraction:
    import jieba.posseg as pseg

    doc = read_document(path)
    mentions, pos = [], 0
    for word, flag in pseg.cut(doc.text):
        etype = TAGS.get(flag)
        if etype is not None and len(word.strip()) > 1:
            mentions.append(Mention(doc.doc_id, pos, pos + len(word), word, EntityKey(etype, word.strip())))
        pos += len(word)
    return DocExtraction(doc, DocContext(), tuple(mentions), ())


def score(graph: Path, gold: Path) -> dict:
    out = subprocess.run([sys.executable, str(gold.parent / "eval" / "score.py"), "--gold", str(gold),
                          "--graph", str(graph), "--json"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, nargs="+",
                    default=[ROOT.parent / "shared" / "gold", ROOT.parent / "shared" / "gold-wide"])
    a = ap.parse_args()
    from kg.build import build
    from kg.export.rdf import write_turtle
    from kg.graph import build_graph
    from kg.resolve import resolve

    rows = ["Organization", "Regulation", "Program", "Place", "Award", "Person", "ENTITIES(headline)", "RELATIONS"]
    for gold in a.gold:
        corpus = sorted((gold / "corpus").glob("*.txt"))
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            build([gold / "corpus"], Path(tmp) / "lgkg", html=False)
            t_lgkg = time.perf_counter() - t0
            t0 = time.perf_counter()
            plain = [baseline_extraction(p) for p in corpus]
            t_base = time.perf_counter() - t0
            base_ttl = write_turtle(build_graph(resolve(plain)), Path(tmp) / "baseline.ttl")
            regex_ttl = write_turtle(build_graph(resolve([with_regexes(e) for e in plain])), Path(tmp) / "regex.ttl")
            ours = score(Path(tmp) / "lgkg" / "graph.ttl", gold)
            base = score(base_ttl, gold)
            regex = score(regex_ttl, gold)
        print(f"{gold.name}: {len(corpus)} documents")
        print(f"{'':22} {'lgkg F1':>8} {'jieba.posseg F1':>16} {'+ 《》/“” F1':>14}")
        for r in rows:
            print(f"{r:22} {ours.get(r, {}).get('f1', 0.0):8.3f} {base.get(r, {}).get('f1', 0.0):16.3f}"
                  f" {regex.get(r, {}).get('f1', 0.0):14.3f}")
        print(f"seconds (build incl. model load): lgkg {t_lgkg:.2f}, baseline {t_base:.2f}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
