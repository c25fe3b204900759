"""lgkg vs the baseline a user would try first, on the same gold, in the same run.

The baseline tags every jieba.posseg word nt as Organization, ns as Place and nr as Person
(no relations: jieba has none). Both graphs are scored by ../shared/eval/score.py.

    .venv/bin/python bench/baseline_bench.py [--gold ../shared/gold]
"""
from __future__ import annotations

import argparse
import json
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
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    a = ap.parse_args()
    corpus = sorted((a.gold / "corpus").glob("*.txt"))
    from kg.build import build
    from kg.export.rdf import write_turtle
    from kg.graph import build_graph
    from kg.resolve import resolve

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        build([a.gold / "corpus"], Path(tmp) / "lgkg", html=False)
        t_lgkg = time.perf_counter() - t0
        t0 = time.perf_counter()
        kb = resolve([baseline_extraction(p) for p in corpus])
        t_base = time.perf_counter() - t0
        base_ttl = write_turtle(build_graph(kb), Path(tmp) / "baseline.ttl")
        ours = score(Path(tmp) / "lgkg" / "graph.ttl", a.gold)
        base = score(base_ttl, a.gold)
    rows = ["Organization", "Regulation", "Program", "Place", "Award", "Person", "ENTITIES(headline)", "RELATIONS"]
    print(f"development gold: {len(corpus)} documents")
    print(f"{'':22} {'lgkg F1':>8} {'jieba.posseg F1':>16}")
    for r in rows:
        print(f"{r:22} {ours.get(r, {}).get('f1', 0.0):8.3f} {base.get(r, {}).get('f1', 0.0):16.3f}")
    print(f"seconds (build incl. model load): lgkg {t_lgkg:.2f}, baseline {t_base:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
