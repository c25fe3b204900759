"""Han strings of the comments and docstrings that stand verbatim in the evaluation corpora.

Examples in the grammar's prose are to be invented (青石镇, 河湾村), not names from the texts the
extractor is scored on. This lists, for every comment and docstring line of the given files, each
run of three or more Chinese characters whose pieces of three or more characters occur in
../shared/gold*/corpus/*.txt (the longest such pieces); most are common words (司法局, 工作法),
the names among them are what to replace.

    .venv/bin/python bench/corpus_quotes.py [kg/grammar/*.py kg/lexicon.py]
"""
from __future__ import annotations

import ast
import io
import re
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared" / "gold" / "corpus", ROOT.parent / "shared" / "gold-wide" / "corpus"]
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{3,}")


def prose(src: str):
    """(line, text) of every comment and string statement (docstring) of a module."""
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        if tok.type == tokenize.COMMENT:
            yield tok.start[0], tok.string
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for k, line in enumerate(node.value.value.split("\n")):
                yield node.lineno + k, line


def found_pieces(run: str, corpus: str) -> list[str]:
    """The pieces of `run` (three or more characters) in `corpus`, none inside a longer one."""
    spans = [(i, j) for i in range(len(run)) for j in range(i + 3, len(run) + 1) if run[i:j] in corpus]
    return sorted({run[i:j] for i, j in spans
                   if not any(a <= i and j <= b and (a, b) != (i, j) for a, b in spans)})


def main(paths: list[str]) -> None:
    corpus = "\n".join(p.read_text(encoding="utf-8") for d in CORPORA for p in sorted(d.glob("*.txt")))
    if not corpus:
        sys.exit(f"no corpus text under {', '.join(map(str, CORPORA))}")
    for path in paths or sorted(map(str, ROOT.glob("kg/grammar/*.py"))) + [str(ROOT / "kg" / "lexicon.py")]:
        for line, text in sorted(set(prose(Path(path).read_text(encoding="utf-8")))):
            for run in HAN.findall(text):
                pieces = found_pieces(run, corpus)
                if pieces:
                    print(f"{path}:{line}\t{run}\t{' '.join(pieces) if pieces != [run] else '(whole)'}")


if __name__ == "__main__":
    main(sys.argv[1:])
