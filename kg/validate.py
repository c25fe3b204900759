"""SHACL validation of the graph against ontology/shapes.ttl, by two maintained engines.

- `shifty` (pyshifty, a SHACL engine in Rust; `kg validate` and `kg build --validate shapes`): the
  seeds' graph in well under a second, 10× the seeds in about 10 s of CPU (bench/build_bench.py).
- `pyshacl` (the reference, `kg validate --engine pyshacl`, `kg build --validate full`): minutes
  on the seeds (224 s on a 2-core machine; 257 s when it parsed each SPARQL constraint's text once
  per focus node, see prepared_sparql), nearly all of it in the shapes' SPARQL constraints.

Both read the shapes with the ontology mixed into the data and no inference (inference must stay
off: RDFS inference would apply rdfs:domain/range and hide every domain/range violation). Both
reports are read from the W3C validation report graph, so they name the same focus nodes,
components and paths (tests compare them on a graph with every kind of mistake). A shape the
engine cannot run is an error (`UnsupportedShape`), never a silent pass. "fast" (`kg build
--validate shapes`' former name) and "full" name the two engines too. `kg build` checks the shapes'
constraints on the records by default instead (kg.invariants, which reports as these engines do).
"""
from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from .resources import ONTOLOGY_PATH, SHAPES_PATH  # package data in a wheel

class Engine(str, Enum):
    """The SHACL engines."""

    SHIFTY = "shifty"
    PYSHACL = "pyshacl"


ENGINES = tuple(e.value for e in Engine)
#: the names `kg build --validate` uses
ALIASES = {"fast": Engine.SHIFTY, "full": Engine.PYSHACL}


def engine_of(name: str | Engine) -> Engine:
    """The engine a name (or an alias) names; ValueError for an unknown one."""
    try:
        return ALIASES.get(name) or Engine(name)
    except ValueError:
        raise ValueError(f"unknown validation engine {name!r} (one of {', '.join(ENGINES)})") from None

SH = "http://www.w3.org/ns/shacl#"


class UnsupportedShape(Exception):
    """The engine cannot run the shapes (a SHACL feature it does not implement, or a broken file)."""


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str | None
    value: str | None
    component: str          # e.g. "MinCountConstraintComponent"
    shape: str              # the shape's IRI, or "[] in <parent shape>" for a blank property shape
    message: str = ""
    severity: str = "Violation"

    def sort_key(self) -> tuple[str, ...]:
        return tuple("" if x is None else x for x in (self.focus, self.component, self.path, self.value, self.shape))

    def key(self) -> tuple[str, str, str | None]:
        """What two engines must agree on: focus node, component, path."""
        return self.focus, self.component, self.path

    def line(self) -> str:
        from .query import compact

        def c(x: str | None) -> str:
            return "" if x is None else compact(x[1:-1]) if x.startswith("<") and x.endswith(">") else x
        path = f" path {c(self.path)}" if self.path else ""
        value = f" value {c(self.value)}" if self.value is not None and self.value != self.focus else ""
        return (f"{c(self.focus)}{path}{value}: {self.message or self.component} "
                f"[{self.component.removesuffix('ConstraintComponent')}, {c(self.shape)}]")


@dataclass
class Report:
    conforms: bool
    violations: list[Violation]
    engine: str
    seconds: float
    focus_nodes: int = 0

    def text(self, limit: int | None = 20) -> str:
        if self.conforms:
            return f"conforms ({self.engine}, {self.seconds:.2f} s)"
        lines = [f"{len(self.violations)} SHACL violation(s) ({self.engine}, {self.seconds:.2f} s):"]
        shown = self.violations if limit is None else self.violations[:limit]
        lines += [f"  {v.line()}" for v in shown]
        if len(shown) < len(self.violations):
            lines.append(f"  … and {len(self.violations) - len(shown)} more")
        return "\n".join(lines)


class ValidationFailed(Exception):
    """The graph does not conform to the shapes; `report` says why."""

    def __init__(self, report: Report) -> None:
        super().__init__(report.text())
        self.report = report


# --------------------------------------------------------------------------- entry points

Stage = Callable[[str], None]


def validate(data: Any, engine: str | Engine = Engine.SHIFTY, *, shapes: Path = SHAPES_PATH,
             ontology: Path = ONTOLOGY_PATH, on_stage: Stage | None = None) -> Report:
    """Validate `data` (a graph file path, an rdflib Graph, Turtle bytes or a KnowledgeBase).

    `on_stage` is told what is being done (reading, checking), for a progress display."""
    run = validate_pyshacl if engine_of(engine) is Engine.PYSHACL else validate_shifty
    return run(data, shapes=shapes, ontology=ontology, on_stage=on_stage or (lambda _what: None))


def check(data: Any, engine: str | Engine = Engine.SHIFTY, **kw: Any) -> Report:
    """Validate and raise ValidationFailed unless the graph conforms."""
    report = validate(data, engine, **kw)
    if not report.conforms:
        raise ValidationFailed(report)
    return report


def _kb_ntriples(data: Any) -> bytes | None:
    """N-Triples of a KnowledgeBase's graph (what graph.ttl will hold), None for anything else."""
    from .model import KnowledgeBase

    if not isinstance(data, KnowledgeBase):
        return None
    from .export.rdf import iter_ntriples

    return "".join(iter_ntriples(data)).encode("utf-8")


def _rdflib_graph(data: Any):
    from rdflib import Graph

    if isinstance(data, Graph):
        return data
    nt = _kb_ntriples(data)
    if nt is not None:
        return Graph().parse(data=nt, format="nt")
    if isinstance(data, bytes):
        return Graph().parse(data=data, format="turtle")
    from .query import load

    return load(Path(data), "rdflib").store


def _turtle_bytes(data: Any) -> bytes:
    """The data graph as Turtle or N-Triples bytes (both are Turtle)."""
    from rdflib import Graph

    nt = _kb_ntriples(data)
    if nt is not None:
        return nt
    if isinstance(data, bytes):
        return data
    if isinstance(data, Graph):
        return data.serialize(format="nt", encoding="utf-8")
    path = Path(data)
    if path.suffix.lower() in (".ttl", ".nt"):
        try:
            return path.read_bytes().removeprefix(b"\xef\xbb\xbf")
        except OSError as exc:
            from .query import GraphError

            raise GraphError(f"{path}: cannot read it: {exc.strerror or exc}") from None
    return _rdflib_graph(path).serialize(format="nt", encoding="utf-8")  # other formats through rdflib


def validate_shifty(data: Any, *, shapes: Path = SHAPES_PATH, ontology: Path = ONTOLOGY_PATH,
                    on_stage: Stage = lambda _what: None) -> Report:
    import shifty

    t0 = time.perf_counter()
    on_stage("reading the graph")
    # one Turtle document, the ontology first (absolute IRIs only, no base): as fast as the graph
    # alone, where handing shifty the two as a list doubles its time
    source = Path(ontology).read_bytes() + b"\n" + _turtle_bytes(data)
    on_stage("checking the shapes (shifty)")
    try:
        conforms, results, _text = shifty.validate(source, shapes, infer=False, on_unsupported="error")
    except (ValueError, RuntimeError, OSError) as exc:
        message = " ".join(str(exc).split())
        if "shapes graph" in message:
            raise UnsupportedShape(f"{shapes}: shifty cannot run these shapes: {message}") from None
        from .query import GraphError

        raise GraphError(f"{data if isinstance(data, (str, Path)) else 'the graph'}: cannot read it: {message}") \
            from None
    violations = sorted(_report_violations(results), key=Violation.sort_key)
    return Report(bool(conforms) and not violations, violations, Engine.SHIFTY.value, time.perf_counter() - t0)


class _PreparedSPARQL:
    """rdflib's SPARQL processor keeping each query text's parsed and translated form.

    rdflib parses a query's text every time it runs it, and pyshacl runs each SPARQL constraint's
    one text once per focus node, its node given as a binding: on one report's graph 2,000 parses
    of a handful of texts were 40% of pyshacl's time. A prepared query (rdflib's prepareQuery) runs
    with any bindings and depends on its text, base and prefixes alone."""

    _memo: dict[tuple, Any] = {}
    _lock = threading.Lock()
    _depth = 0  # prepared_sparql blocks open

    def __init__(self, graph: Any) -> None:
        from rdflib.plugins.sparql.processor import SPARQLProcessor

        self._stock = SPARQLProcessor(graph)

    def query(self, query: Any, initBindings: Mapping[str, Any] | None = None,  # noqa: N803 (rdflib's names)
              initNs: Mapping[str, Any] | None = None, base: str | None = None, DEBUG: bool = False) -> Any:  # noqa: N803
        if isinstance(query, str):
            key = (query, base, tuple(sorted((k, str(v)) for k, v in (initNs or {}).items())))
            with self._lock:
                prepared = self._memo.get(key)
            if prepared is None:
                from rdflib.plugins.sparql.processor import prepareQuery

                prepared = prepareQuery(query, initNs, base)
                with self._lock:
                    self._memo[key] = prepared
            query = prepared
        return self._stock.query(query, initBindings, initNs, base, DEBUG)


@contextlib.contextmanager
def prepared_sparql() -> Iterator[None]:
    """Within the block, rdflib's "sparql" query processor (rdflib.plugin) is _PreparedSPARQL:
    the same answers, each distinct query text parsed once. The stock processor comes back after."""
    from rdflib import plugin
    from rdflib.query import Processor

    with _PreparedSPARQL._lock:
        _PreparedSPARQL._depth += 1
        plugin.register("sparql", Processor, __name__, "_PreparedSPARQL")
    try:
        yield
    finally:
        with _PreparedSPARQL._lock:
            _PreparedSPARQL._depth -= 1
            if not _PreparedSPARQL._depth:
                plugin.register("sparql", Processor, "rdflib.plugins.sparql.processor", "SPARQLProcessor")
                _PreparedSPARQL._memo.clear()


def validate_pyshacl(data: Any, *, shapes: Path = SHAPES_PATH, ontology: Path = ONTOLOGY_PATH,
                     on_stage: Stage = lambda _what: None) -> Report:
    import pyshacl
    from rdflib import Graph

    t0 = time.perf_counter()
    on_stage("reading the graph")
    g = _rdflib_graph(data)
    sg = Graph().parse(shapes, format="turtle")
    og = Graph().parse(ontology, format="turtle")
    on_stage("checking the shapes (pyshacl, minutes on the seeds)")
    with prepared_sparql():
        conforms, results, _text = pyshacl.validate(g, shacl_graph=sg, ont_graph=og, inference="none",
                                                    advanced=False, allow_warnings=False)
    violations = sorted(_report_violations(results), key=Violation.sort_key)
    return Report(bool(conforms), violations, Engine.PYSHACL.value, time.perf_counter() - t0)


def _report_violations(results) -> list[Violation]:
    """The results of a W3C validation report graph."""
    from rdflib import BNode, Namespace

    sh = Namespace(SH)
    out = []
    for r in results.objects(None, sh.result):
        shape = results.value(r, sh.sourceShape)
        path = results.value(r, sh.resultPath)
        value = results.value(r, sh.value)
        out.append(Violation(
            focus=_n3(results.value(r, sh.focusNode)),
            path=None if path is None or isinstance(path, BNode) else _n3(path),
            value=None if value is None else _n3(value),
            component=str(results.value(r, sh.sourceConstraintComponent)).removeprefix(SH),
            shape="[]" if isinstance(shape, BNode) else _compact(str(shape)),
            message=str(results.value(r, sh.resultMessage) or ""),
            severity=str(results.value(r, sh.resultSeverity)).removeprefix(SH),
        ))
    return out


def _n3(term: Any) -> str:
    """N-Triples form, the same for rdflib and pyoxigraph terms."""
    from .terms import ox_term

    return str(ox_term(term))


def _compact(iri: str) -> str:
    from .query import compact
    from .vocab import LGSH_IRI

    return "lgsh:" + iri[len(LGSH_IRI):] if iri.startswith(LGSH_IRI) else compact(iri)
