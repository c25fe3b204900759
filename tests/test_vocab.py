"""One place for the graph's names (kg/vocab.py), and no import cycle between the exports and
the query layer."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from kg import vocab

KG = Path(vocab.__file__).resolve().parent
#: the extraction code is not about RDF names (and is edited elsewhere)
NOT_RDF = ("grammar", "nlp", "lexicon.py", "gazetteer.py")


def _sources():
    for p in sorted(KG.rglob("*.py")):
        rel = p.relative_to(KG)
        if p.name != "vocab.py" and rel.parts[0] not in NOT_RDF:
            yield rel, p.read_text(encoding="utf-8")


def test_namespaces_are_spelled_only_in_vocab():
    namespaces = {iri for _, iri in vocab.PREFIXES}
    found = []
    for rel, text in _sources():
        tree = ast.parse(text)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in namespaces:
                found.append(f"{rel}:{node.lineno} {node.value}")
    assert not found, found


def test_every_module_uses_the_same_prefixes():
    from kg import graph, query
    from kg.export import formats, rdf

    assert graph.PREFIXES is vocab.PREFIXES and rdf.PREFIXES is vocab.PREFIXES
    assert query.PREFIXES == dict(vocab.PREFIXES[:12]) == formats._prefixes()
    assert set(vocab.IRI_STEMS) == set(vocab.CONTRACT_CLASSES) == set(formats.CONTRACT_CLASSES)


def test_the_exports_do_not_import_the_query_layer():
    text = (KG / "export" / "formats.py").read_text(encoding="utf-8")
    imports = [n.module for n in ast.walk(ast.parse(text)) if isinstance(n, ast.ImportFrom)]
    assert not [m for m in imports if m and m.split(".")[-1] == "query"], imports
    out = subprocess.run([sys.executable, "-c", "import sys, kg.export.formats, kg.export.rdf, kg.terms; "
                          "print('kg.query' in sys.modules)"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
