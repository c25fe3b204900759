"""The main job as a function a notebook can call: reports → graph.ttl + graph.html.

text → documents (reader) → mentions and relations (kg.nlp) → entities (resolve) → graph → exports.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .model import DocExtraction, KnowledgeBase, SourceDocument
from .reader import InputError, Skipped, find_inputs, read_all

DEFAULT_INPUT = Path("seeds")
DEFAULT_OUT = Path("exports")


class BuildError(Exception):
    """Bad options or paths: the CLI exits 2 with this one-line message."""


@dataclass(frozen=True)
class BuildResult:
    kb: KnowledgeBase
    outputs: tuple[Path, ...]
    seconds: float
    entity_counts: dict[str, int] = field(default_factory=dict)
    relation_counts: dict[str, int] = field(default_factory=dict)

    @property
    def skipped(self) -> tuple[tuple[str, str], ...]:
        return self.kb.skipped


def check_out_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise BuildError(f"{out}: output path exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"{out}: cannot create output folder ({exc.strerror or exc})") from None
    probe = out / ".kg-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise BuildError(f"{out}: output folder is not writable ({exc.strerror or exc})") from None


def extract_documents(documents: Sequence[SourceDocument],
                      on_done: Callable[[SourceDocument], None] | None = None) -> list[DocExtraction]:
    from .nlp import extract, make_pipeline

    nlp = make_pipeline()
    out = []
    for d in documents:
        out.append(extract(nlp, d))
        if on_done:
            on_done(d)
    return out


def build_kb(inputs: Sequence[Path],
             on_read: Callable[[int], None] | None = None,
             on_done: Callable[[SourceDocument], None] | None = None,
             on_skip: Callable[[Skipped], None] | None = None) -> KnowledgeBase:
    from .resolve import resolve

    try:
        files = find_inputs(inputs)
    except InputError as exc:
        raise BuildError(str(exc)) from None
    docs: list[SourceDocument] = []
    skipped: list[tuple[str, str]] = []
    for item in read_all(files):
        if isinstance(item, Skipped):
            skipped.append((item.path, item.problem))
            if on_skip:
                on_skip(item)
        else:
            docs.append(item)
    if on_read:
        on_read(len(docs))
    return resolve(extract_documents(docs, on_done), skipped)


def build(inputs: Sequence[Path] = (DEFAULT_INPUT,), out: Path = DEFAULT_OUT, *,
          html: bool = True,
          on_read: Callable[[int], None] | None = None,
          on_done: Callable[[SourceDocument], None] | None = None,
          on_skip: Callable[[Skipped], None] | None = None) -> BuildResult:
    """Build the graph of `inputs` (folders or .txt files) into `out`; exports are atomic."""
    t0 = time.perf_counter()
    check_out_dir(out)
    kb = build_kb(inputs, on_read, on_done, on_skip)
    from .export.rdf import write_turtle
    from .graph import build_graph

    g = build_graph(kb)
    outputs = [write_turtle(g, out / "graph.ttl")]
    if html:
        from .export.html import write_html
        outputs.append(write_html(g, out / "graph.html"))
    return BuildResult(
        kb, tuple(outputs), time.perf_counter() - t0,
        dict(sorted(Counter(e.key.etype.value for e in kb.entities).items())),
        dict(sorted(Counter(r.predicate.value for r in kb.relations).items())),
    )
