"""SHACL validation of the graph against ontology/shapes.ttl, two ways.

- `pyshacl` (the reference, `kg validate` and `kg build --validate full`): exactly what the shapes
  say, with the ontology mixed in and no inference (inference must stay "none": RDFS inference
  would apply rdfs:domain/range and hide every domain/range violation). On the seeds' graph it
  takes about a minute, nearly all of it in the shapes' SPARQL constraints, which pyshacl runs
  through rdflib once per focus node.
- `fast` (what `kg build` runs by default, in a fraction of a second): the same shapes file read
  and checked on pyoxigraph. Targets, property paths and the SHACL Core components the shapes use
  are evaluated in Python over pattern lookups, the SHACL-SPARQL constraints run on oxigraph once
  for all focus nodes. A shape that uses anything this engine does not implement is an error
  (`UnsupportedShape`), never a silent pass; tests check both engines report the same violations.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .resources import ONTOLOGY_PATH, SHAPES_PATH  # package data in a wheel
ENGINES = ("pyshacl", "fast")

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"


class UnsupportedShape(Exception):
    """The shapes use a SHACL feature the fast engine does not implement (use pyshacl)."""


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

def validate(data: Any, engine: str = "pyshacl", *, shapes: Path = SHAPES_PATH,
             ontology: Path = ONTOLOGY_PATH) -> Report:
    """Validate `data` (a graph file path, an rdflib Graph, Turtle bytes or a KnowledgeBase)."""
    if engine == "pyshacl":
        return validate_pyshacl(data, shapes=shapes, ontology=ontology)
    if engine == "fast":
        return validate_fast(data, shapes=shapes, ontology=ontology)
    raise ValueError(f"unknown validation engine {engine!r} (one of {', '.join(ENGINES)})")


def check(data: Any, engine: str = "fast", **kw: Any) -> Report:
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


def validate_pyshacl(data: Any, *, shapes: Path = SHAPES_PATH, ontology: Path = ONTOLOGY_PATH) -> Report:
    import pyshacl
    from rdflib import Graph

    t0 = time.perf_counter()
    g = _rdflib_graph(data)
    sg = Graph().parse(shapes, format="turtle")
    og = Graph().parse(ontology, format="turtle")
    conforms, results, _text = pyshacl.validate(g, shacl_graph=sg, ont_graph=og, inference="none",
                                                advanced=False, allow_warnings=False)
    return Report(bool(conforms), sorted(_pyshacl_violations(results), key=Violation.sort_key), "pyshacl", time.perf_counter() - t0)


def _pyshacl_violations(results) -> list[Violation]:
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
    from .query import ox_term

    return str(ox_term(term))


# --------------------------------------------------------------------------- the fast engine

_COMPONENT = {
    "class": "Class", "datatype": "Datatype", "nodeKind": "NodeKind", "minCount": "MinCount",
    "maxCount": "MaxCount", "in": "In", "languageIn": "LanguageIn", "minLength": "MinLength",
    "maxLength": "MaxLength", "pattern": "Pattern", "minInclusive": "MinInclusive",
    "maxInclusive": "MaxInclusive", "minExclusive": "MinExclusive", "maxExclusive": "MaxExclusive",
    "lessThan": "LessThan", "lessThanOrEquals": "LessThanOrEquals", "or": "Or", "and": "And",
    "not": "Not", "xone": "Xone", "node": "Node", "hasValue": "HasValue", "sparql": "SPARQLConstraint",
}
# predicates of a shape that are not constraints
_NON_CONSTRAINT = {"path", "message", "severity", "name", "description", "order", "group", "flags",
                   "targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf", "property",
                   "deactivated", "declare", "defaultValue"}
_NUMERIC = {XSD + t for t in ("integer", "decimal", "int", "long", "short", "byte", "nonNegativeInteger",
                              "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt",
                              "unsignedLong", "unsignedShort", "unsignedByte", "float", "double")}
_INTEGER_LEX = re.compile(r"^[+-]?[0-9]+$")


@dataclass
class _Shape:
    node: Any                      # rdflib term of the shape
    label: str                     # for reports
    path: Any = None               # ox NamedNode (or ("inverse", NamedNode)) for property shapes
    path_str: str | None = None
    params: dict[str, list] = field(default_factory=dict)   # local name → rdflib values
    message: str = ""
    severity: str = "Violation"
    properties: list[_Shape] = field(default_factory=list)
    deactivated: bool = False
    checks: list | None = None     # compiled by _FastChecker._compile


class _Data:
    """The data graph (plus the ontology) in pyoxigraph, with the lookups the checks need."""

    def __init__(self, store) -> None:
        import pyoxigraph as ox

        self.ox = ox
        self.store = store
        self._by_pred: dict[Any, dict[Any, list]] = {}
        self._inv_by_pred: dict[Any, dict[Any, list]] = {}
        self.classes: dict[Any, set] = {}
        q = ("SELECT ?x ?c WHERE { ?x <%stype>/<%ssubClassOf>* ?c }" % (RDF, RDFS))
        for sol in store.query(q):
            self.classes.setdefault(sol["x"], set()).add(sol["c"])

    def objects_by_subject(self, pred) -> dict[Any, list]:
        return self._index(pred, self._by_pred, inverse=False)

    def subjects_by_object(self, pred) -> dict[Any, list]:
        return self._index(pred, self._inv_by_pred, inverse=True)

    def _index(self, pred, memo: dict[Any, dict[Any, list]], inverse: bool) -> dict[Any, list]:
        """node → its values over `pred` (objects, or subjects when inverse), built once per predicate."""
        if pred not in memo:
            d: dict[Any, list] = {}
            for quad in self.store.quads_for_pattern(None, pred, None, None):
                key, value = (quad.object, quad.subject) if inverse else (quad.subject, quad.object)
                d.setdefault(key, []).append(value)
            memo[pred] = d
        return memo[pred]

    def value_map(self, path) -> dict[Any, list]:
        """focus node → its value nodes along `path` (a store holds no duplicate triples)."""
        return self.subjects_by_object(path[1]) if isinstance(path, tuple) else self.objects_by_subject(path)

    def values(self, focus, path) -> list:
        return self.value_map(path).get(focus, [])

    def instances_of(self, cls) -> list:
        return [x for x, cs in self.classes.items() if cls in cs]


def validate_fast(data: Any, *, shapes: Path = SHAPES_PATH, ontology: Path = ONTOLOGY_PATH) -> Report:
    import pyoxigraph as ox
    from rdflib import Graph

    t0 = time.perf_counter()
    nt = _kb_ntriples(data)
    if nt is not None:
        store = ox.Store()
        store.bulk_load(nt, format=ox.RdfFormat.N_TRIPLES)
    elif isinstance(data, (Graph, bytes)):
        from .query import store_from_graph

        store = store_from_graph(data)
    else:
        from .query import load

        store = load(Path(data), "oxigraph").store
    store.bulk_load(path=str(ontology), format=ox.RdfFormat.TURTLE)
    sg = Graph().parse(shapes, format="turtle")
    checker = _FastChecker(sg, _Data(store))
    violations = checker.run()
    return Report(not violations, sorted(set(violations), key=Violation.sort_key), "fast", time.perf_counter() - t0, checker.focus_count)


class _FastChecker:
    def __init__(self, sg, data: _Data) -> None:
        from rdflib import Namespace

        self.sg, self.data = sg, data
        self.sh = Namespace(SH)
        self.focus_count = 0
        self._shapes: dict[Any, _Shape] = {}
        self._ox_cache: dict[Any, Any] = {}
        self._lists: dict[Any, list] = {}

    # ---- reading shapes

    def _ox(self, term):
        if term not in self._ox_cache:
            from .query import ox_term

            self._ox_cache[term] = ox_term(term)
        return self._ox_cache[term]

    def _list(self, head) -> list:
        if head not in self._lists:
            from rdflib.collection import Collection

            self._lists[head] = list(Collection(self.sg, head))
        return self._lists[head]

    def shape(self, node, parent_label: str = "") -> _Shape:
        cached = self._shapes.get(node)
        if cached is not None:
            return cached
        from rdflib import BNode, Literal, URIRef
        label = _compact(str(node)) if isinstance(node, URIRef) else f"[] in {parent_label}" if parent_label else "[]"
        s = _Shape(node, label)
        self._shapes[node] = s
        for p, o in self.sg.predicate_objects(node):
            ps = str(p)
            if not ps.startswith(SH):
                continue
            local = ps.removeprefix(SH)
            if local == "path":
                if isinstance(o, URIRef):
                    s.path, s.path_str = self._ox(o), _n3(o)
                elif isinstance(o, BNode) and (o, self.sh.inversePath, None) in self.sg:
                    inv = self.sg.value(o, self.sh.inversePath)
                    if not isinstance(inv, URIRef):
                        raise UnsupportedShape(f"{label}: complex sh:inversePath")
                    s.path, s.path_str = ("inverse", self._ox(inv)), None
                else:
                    raise UnsupportedShape(f"{label}: sh:path must be an IRI or an inverse path here")
            elif local == "message":
                if not s.message or (isinstance(o, Literal) and o.language in (None, "en")):
                    s.message = str(o)
            elif local == "severity":
                s.severity = str(o).removeprefix(SH)
            elif local == "deactivated":
                s.deactivated = str(o).lower() == "true"
            elif local == "property":
                s.properties.append(self.shape(o, label))
            elif local in _COMPONENT or local in ("flags",):
                s.params.setdefault(local, []).append(o)
            elif local not in _NON_CONSTRAINT:
                raise UnsupportedShape(f"{label}: sh:{local} is not implemented by the fast engine "
                                       f"(use `kg validate` / `--validate full`)")
        return s

    def node_shapes(self) -> list[_Shape]:
        from rdflib import URIRef
        from rdflib.namespace import RDF as R

        nodes = set(self.sg.subjects(R.type, self.sh.NodeShape))
        for t in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"):
            nodes |= set(self.sg.subjects(self.sh[t], None))
        return [self.shape(n) for n in sorted(nodes, key=lambda n: (not isinstance(n, URIRef), str(n)))
                if (n, self.sh.path, None) not in self.sg]

    # ---- targets

    def focus_nodes(self, s: _Shape) -> list:
        d = self.data
        out: dict = {}
        for c in self.sg.objects(s.node, self.sh.targetClass):
            out.update(dict.fromkeys(d.instances_of(self._ox(c))))
        for n in self.sg.objects(s.node, self.sh.targetNode):
            out[self._ox(n)] = None
        for p in self.sg.objects(s.node, self.sh.targetSubjectsOf):
            out.update(dict.fromkeys(d.objects_by_subject(self._ox(p))))
        for p in self.sg.objects(s.node, self.sh.targetObjectsOf):
            out.update(dict.fromkeys(d.subjects_by_object(self._ox(p))))
        return list(out)

    # ---- running

    def run(self) -> list[Violation]:
        out: list[Violation] = []
        for s in self.node_shapes():
            if s.deactivated:
                continue
            focus = self.focus_nodes(s)
            self.focus_count += len(focus)
            if not focus:
                continue
            props = [(ps, self.data.value_map(ps.path)) for ps in s.properties if not ps.deactivated]
            for f in focus:
                if s.params:
                    out += self.check_node(s, f, [f])
                for ps, values in props:
                    out += self.check_node(ps, f, values.get(f, []))
            out += self.sparql(s, focus)
            for ps in s.properties:
                if not ps.deactivated and "sparql" in ps.params:
                    raise UnsupportedShape(f"{ps.label}: sh:sparql in a property shape")
        return out

    def conforms(self, shape_node, value) -> bool:
        """Does `value` conform to the (nested) shape? (for sh:or, sh:and, sh:not, sh:xone, sh:node)"""
        s = self.shape(shape_node)
        if s.deactivated:
            return True
        if s.path is not None:
            return not self.check_node(s, value, self.data.values(value, s.path))
        if self.check_node(s, value, [value]):
            return False
        if "sparql" in s.params:
            raise UnsupportedShape(f"{s.label}: sh:sparql in a nested shape")
        return all(not self.check_node(ps, value, self.data.values(value, ps.path)) for ps in s.properties)

    def _v(self, s: _Shape, focus, component: str, value=None) -> Violation:
        return Violation(str(focus), s.path_str, None if value is None else str(value),
                         f"{_COMPONENT[component]}ConstraintComponent", s.label, s.message, s.severity)

    def check_node(self, s: _Shape, focus, values: list) -> list[Violation]:
        if s.checks is None:
            s.checks = self._compile(s)
        out: list[Violation] = []
        for comp, bad in s.checks:
            for v in bad(focus, values):
                out.append(Violation(str(focus), s.path_str, None if v is None else str(v),
                                     f"{_COMPONENT[comp]}ConstraintComponent", s.label, s.message, s.severity))
        return out

    def _compile(self, s: _Shape) -> list[tuple[str, Callable[[Any, list], list]]]:  # noqa: C901
        """Each constraint of a shape as (component, function(focus, value nodes) → failing values;
        [None] for a failure of the whole value set)."""
        ox, classes = self.data.ox, self.data.classes
        checks: list[tuple[str, Callable[[Any, list], list]]] = []
        for comp, params in s.params.items():
            for param in params:
                if comp == "minCount":
                    n = int(param)
                    checks.append((comp, lambda f, vs, n=n: [None] if len(vs) < n else []))
                elif comp == "maxCount":
                    n = int(param)
                    checks.append((comp, lambda f, vs, n=n: [None] if len(vs) > n else []))
                elif comp == "class":
                    c = self._ox(param)
                    checks.append((comp, lambda f, vs, c=c: [v for v in vs if c not in classes.get(v, ())]))
                elif comp == "datatype":
                    dt = str(param)
                    checks.append((comp, lambda f, vs, dt=dt: [v for v in vs if not _has_datatype(ox, v, dt)]))
                elif comp == "nodeKind":
                    kind = str(param).removeprefix(SH)
                    checks.append((comp, lambda f, vs, k=kind: [v for v in vs if not _node_kind(ox, v, k)]))
                elif comp == "in":
                    allowed = set(map(self._ox, self._list(param)))
                    checks.append((comp, lambda f, vs, a=allowed: [v for v in vs if v not in a]))
                elif comp == "languageIn":
                    tags = tuple(str(x).lower() for x in self._list(param))

                    def lang_ok(v, tags=tags) -> bool:
                        lang = v.language.lower() if isinstance(v, ox.Literal) and v.language else ""
                        return bool(lang) and any(lang == t or lang.startswith(t + "-") for t in tags)
                    checks.append((comp, lambda f, vs, ok=lang_ok: [v for v in vs if not ok(v)]))
                elif comp == "minLength":
                    n = int(param)
                    checks.append((comp, lambda f, vs, n=n: [v for v in vs
                                                             if isinstance(v, ox.BlankNode) or len(v.value) < n]))
                elif comp == "maxLength":
                    n = int(param)
                    checks.append((comp, lambda f, vs, n=n: [v for v in vs
                                                             if isinstance(v, ox.BlankNode) or len(v.value) > n]))
                elif comp == "pattern":
                    rx = re.compile(str(param), _re_flags(str(s.params.get("flags", [""])[0])))
                    checks.append((comp, lambda f, vs, rx=rx: [v for v in vs
                                                               if isinstance(v, ox.BlankNode) or not rx.search(v.value)]))
                elif comp in ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive"):
                    bound = self._ox(param)
                    checks.append((comp, lambda f, vs, b=bound, c=comp: [v for v in vs if not _compare_ok(c, v, b)]))
                elif comp in ("lessThan", "lessThanOrEquals"):
                    other = self._ox(param)

                    def less(f, vs, other=other, strict=comp == "lessThan") -> list:
                        out = []
                        for w in self.data.values(f, other):
                            for v in vs:
                                c = _cmp(v, w)
                                if c is None or c > 0 or (c == 0 and strict):
                                    out.append(v)
                        return out
                    checks.append((comp, less))
                elif comp == "hasValue":
                    hv = self._ox(param)
                    checks.append((comp, lambda f, vs, hv=hv: [] if hv in vs else [None]))
                elif comp in ("or", "and", "xone"):
                    members = self._list(param)
                    need = {"or": lambda k: k >= 1, "and": lambda k: k == len(members), "xone": lambda k: k == 1}[comp]
                    checks.append((comp, lambda f, vs, m=members, need=need:
                                   [v for v in vs if not need(sum(self.conforms(x, v) for x in m))]))
                elif comp == "not":
                    checks.append((comp, lambda f, vs, x=param: [v for v in vs if self.conforms(x, v)]))
                elif comp == "node":
                    checks.append((comp, lambda f, vs, x=param: [v for v in vs if not self.conforms(x, v)]))
        return checks

    def _prefixes(self, constraint) -> dict[str, str]:
        out: dict[str, str] = {}
        for owner in self.sg.objects(constraint, self.sh.prefixes):
            for decl in self.sg.objects(owner, self.sh.declare):
                out[str(self.sg.value(decl, self.sh.prefix))] = str(self.sg.value(decl, self.sh.namespace))
        return out

    def sparql(self, s: _Shape, focus: list) -> list[Violation]:
        """SHACL-SPARQL constraints: each SELECT runs once with $this free; rows whose $this is a focus
        node are the violations (the same as pre-binding $this for queries like ours, which only
        use $this in triple patterns)."""
        from .query import compact

        out: list[Violation] = []
        focus_set = set(focus)
        for c in s.params.get("sparql", []):
            if str(self.sg.value(c, self.sh.deactivated) or "false").lower() == "true":
                continue
            select = self.sg.value(c, self.sh.select)
            if select is None:
                raise UnsupportedShape(f"{s.label}: SPARQL constraint without sh:select")
            text = str(select)
            if "$PATH" in text or "$currentShape" in text or "$shapesGraph" in text:
                raise UnsupportedShape(f"{s.label}: SPARQL constraint uses a pre-bound variable other than $this")
            messages = [str(m) for m in self.sg.objects(c, self.sh.message)]
            template = messages[0] if messages else s.message
            text = not_exists_as_minus(text)
            for sol in self.data.store.query(text, prefixes=self._prefixes(c)):
                this = sol["this"]
                if this not in focus_set:
                    continue
                value, path = _get(sol, "value"), _get(sol, "path")
                msg = template
                for var, term in (("this", this), ("value", value), ("path", path)):
                    if term is not None:
                        shown = compact(term.value) if isinstance(term, self.data.ox.NamedNode) else term.value
                        msg = msg.replace("{$" + var + "}", shown).replace("{?" + var + "}", shown)
                out.append(Violation(str(this), str(path) if path is not None else s.path_str,
                                     str(value) if value is not None else str(this),
                                     "SPARQLConstraintComponent", s.label, msg, s.severity))
        return out


def _compact(iri: str) -> str:
    from .query import compact

    shapes_ns = "https://w3id.org/lgkg/shapes#"
    return "lgsh:" + iri[len(shapes_ns):] if iri.startswith(shapes_ns) else compact(iri)


def _get(sol, name: str):
    try:
        return sol[name]
    except (KeyError, IndexError):
        return None


def _re_flags(flags: str) -> int:
    out = 0
    for f in flags:
        out |= {"i": re.I, "m": re.M, "s": re.S, "x": re.X}.get(f, 0)
    return out


def _has_datatype(ox, v, dt: str) -> bool:
    if not isinstance(v, ox.Literal):
        return False
    actual = RDF + "langString" if v.language else v.datatype.value
    if actual != dt:
        return False
    if dt in _NUMERIC and not dt.endswith(("#decimal", "#float", "#double")):
        return bool(_INTEGER_LEX.match(v.value))  # the integer types: ill-formed lexical forms fail
    return True


def _node_kind(ox, v, kind: str) -> bool:
    is_iri, is_blank, is_lit = isinstance(v, ox.NamedNode), isinstance(v, ox.BlankNode), isinstance(v, ox.Literal)
    return {"IRI": is_iri, "BlankNode": is_blank, "Literal": is_lit, "BlankNodeOrIRI": is_iri or is_blank,
            "BlankNodeOrLiteral": is_blank or is_lit, "IRIOrLiteral": is_iri or is_lit}.get(kind, False)


def _value(t) -> tuple[str, Any] | None:
    """A comparable value: ("num", Decimal) or ("str"/datatype, lexical)."""
    import pyoxigraph as ox

    if not isinstance(t, ox.Literal):
        return None
    dt = XSD + "string" if t.language else t.datatype.value
    if dt in _NUMERIC:
        try:
            return "num", Decimal(t.value)
        except InvalidOperation:
            return None
    return dt, t.value


def _cmp(a, b) -> int | None:
    va, vb = _value(a), _value(b)
    if va is None or vb is None or va[0] != vb[0]:
        return None
    return (va[1] > vb[1]) - (va[1] < vb[1])


def _compare_ok(comp: str, v, bound) -> bool:
    c = _cmp(v, bound)
    if c is None:
        return False
    return {"minInclusive": c >= 0, "maxInclusive": c <= 0, "minExclusive": c > 0, "maxExclusive": c < 0}[comp]


# --------------------------------------------------------------------------- FILTER NOT EXISTS → MINUS

_MASK = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                   r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_NOT_EXISTS = re.compile(r"\bFILTER\s+NOT\s+EXISTS\s*\{", re.I)
_GROUPING = re.compile(r"\b(FILTER|OPTIONAL|BIND|VALUES|MINUS|GRAPH|SERVICE|UNION|EXISTS|SELECT)\b", re.I)
_VAR = re.compile(r"[?$]([A-Za-z_0-9\u00B7\u00C0-\uFFFF]+)")


def _masked(text: str) -> str:
    """The query with strings, IRIs and comments blanked out (same length), so braces and keywords
    found in it are syntax."""
    return _MASK.sub(lambda m: " " * len(m.group(0)), text)


def _match(masked: str, i: int, open_: str, close: str) -> int:
    """Index of the bracket closing the one at `i`."""
    depth = 0
    for j in range(i, len(masked)):
        if masked[j] == open_:
            depth += 1
        elif masked[j] == close:
            depth -= 1
            if depth == 0:
                return j
    raise ValueError("unbalanced")


def _without_filters(masked: str) -> str:
    out, i = [], 0
    for m in re.finditer(r"\bFILTER\b", masked, re.I):
        if m.start() < i:
            continue
        out.append(masked[i:m.start()])
        j = m.end()
        while j < len(masked) and masked[j].isspace():
            j += 1
        k = masked.find("{", j) if re.match(r"(NOT\s+)?EXISTS", masked[j:], re.I) else masked.find("(", j)
        closer = "}" if masked[k] == "{" else ")"
        i = _match(masked, k, masked[k], closer) + 1
    out.append(masked[i:])
    return "".join(out)


def not_exists_as_minus(query: str) -> str:
    """Rewrite a SHACL-SPARQL `SELECT ... WHERE { triples FILTERs FILTER NOT EXISTS { triples } }` into
    the same query with `MINUS { triples }`, which oxigraph evaluates as one anti-join instead of one
    scan per row (10 s → 10 ms for the shapes' relation-evidence check).

    Done only when the two provably mean the same: the WHERE group holds nothing but triple patterns
    and FILTERs; the NOT EXISTS block is last in it and holds nothing but triple patterns (paths
    allowed); and it shares a variable with the group's triple patterns (so every row binds one).
    Anything else is returned unchanged."""
    try:
        masked = _masked(query)
        hits = list(_NOT_EXISTS.finditer(masked))
        if len(hits) != 1:
            return query
        where = masked.find("{")
        where_end = _match(masked, where, "{", "}")
        if masked[where_end + 1:].strip() and not re.fullmatch(r"\s*(ORDER|LIMIT|OFFSET|GROUP|HAVING)\b.*", masked[where_end + 1:], re.I | re.S):
            return query
        m = hits[0]
        block_open = m.end() - 1
        block_close = _match(masked, block_open, "{", "}")
        inner = masked[block_open + 1:block_close]
        if "{" in inner or _GROUPING.search(inner) or masked[block_close + 1:where_end].strip():
            return query
        outer = masked[where + 1:m.start()]
        outer_triples = _without_filters(outer)
        if "{" in outer_triples or _GROUPING.search(outer_triples):
            return query
        if not set(_VAR.findall(inner)) & set(_VAR.findall(outer_triples)):
            return query
        return query[:m.start()] + "MINUS {" + query[block_open + 1:]
    except (ValueError, IndexError):
        return query
