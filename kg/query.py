"""SPARQL over the graph: the named queries of queries/, pyoxigraph as the engine, rdflib as
the reference.

A query never has user text pasted into it. Values reach a query as bound variables: on
pyoxigraph through `substitutions=` (SEP-0007: the variable must be in the SELECT projection,
which is why every named query projects its parameters), on rdflib through `initBindings`.
ASK and CONSTRUCT queries given bindings run on rdflib, since pyoxigraph substitutes only
SELECT-projected variables.

The project's prefixes are predeclared (passed to the parser, never pasted in), so an error
position is a position in the text the user wrote.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from .resources import QUERIES_DIR  # package data in a wheel
from .terms import ox_term, ox_triples_of, rdflib_term  # noqa: F401 - where callers of kg.query find them
from .vocab import QUERY_PREFIXES, XSD_STRING

DEFAULT_GRAPH = Path("exports/graph.ttl")

#: the prefixes a query may use undeclared (kg.vocab holds them)
PREFIXES: dict[str, str] = QUERY_PREFIXES


class Engine(str, Enum):
    """What runs a query: pyoxigraph (fast), or rdflib (the reference, and what pyoxigraph cannot do)."""

    OXIGRAPH = "oxigraph"
    RDFLIB = "rdflib"


ENGINES = tuple(e.value for e in Engine)


class Kind(str, Enum):
    """What a query returns."""

    SELECT = "select"
    ASK = "ask"
    GRAPH = "graph"  # CONSTRUCT, DESCRIBE

SELECT_FORMATS = ("table", "csv", "tsv", "json")
GRAPH_FORMATS = ("table", "turtle", "ntriples", "jsonld", "json", "csv")


class QueryError(Exception):
    """A query that cannot be parsed or run; `line`/`column` (1-based) when the parser gave them."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None,
                 source: str | None = None, name: str | None = None) -> None:
        super().__init__(message)
        self.message, self.line, self.column, self.source, self.name = message, line, column, source, name

    def render(self) -> str:
        """The message, its position and the offending line with a caret under the column."""
        where = self.name or "query"
        if self.line is None:
            return f"{where}: {self.message}"
        head = f"{where}:{self.line}:{self.column}: syntax error: {self.message}"
        lines = (self.source or "").splitlines()
        if not (1 <= self.line <= len(lines)) or self.column is None:
            return head
        text = lines[self.line - 1].replace("\t", " ")
        caret = " " * display_width(text[: max(self.column - 1, 0)]) + "^"
        return f"{head}\n    {text}\n    {caret}"


class GraphError(Exception):
    """The graph file is missing or unreadable."""


class QueryStopped(QueryError):
    """A query stopped for a limit (time, memory) or because its engine died: exit 1, not 2."""


# --------------------------------------------------------------------------- named queries

@dataclass(frozen=True)
class NamedQuery:
    """A queries/NAME.rq file: its comment header gives a summary and its parameters.

    Header lines: free text (the first line is the summary), then `# param: NAME = DEFAULT`
    lines; a parameter is a variable the query projects and filters on.
    """

    name: str
    path: Path
    text: str
    summary: str
    description: str
    params: dict[str, str] = field(default_factory=dict)


_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s*=\s*(.*?)\s*$")


def parse_named(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    comments, params = [], {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _PARAM.match(line)
        if m:
            params[m.group(1)] = m.group(2)
        else:
            comments.append(line.lstrip("#").strip())
    description = " ".join(c for c in comments if c).strip()
    summary = next((c for c in comments if c), path.stem)
    return NamedQuery(path.stem, path, text, summary, description, params)


def named_queries(directory: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    return {p.stem: parse_named(p) for p in sorted(directory.glob("*.rq"))}


def resolve_query(query_or_file: str, directory: Path = QUERIES_DIR) -> tuple[str, NamedQuery | None, str]:
    """(query text, the named query if it is one, a name for messages).

    An existing file is read; a bare name is looked up in queries/; anything else is query text.
    """
    if query_or_file == "-":
        import sys
        return sys.stdin.read(), None, "<stdin>"
    candidate = Path(query_or_file)
    looks_like_text = any(c in query_or_file for c in "{}\n ") or len(query_or_file) > 255
    if not looks_like_text and candidate.is_file():
        if candidate.suffix == ".rq" and candidate.resolve().parent == directory.resolve():
            nq = parse_named(candidate)
            return nq.text, nq, str(candidate)
        return candidate.read_text(encoding="utf-8"), None, str(candidate)
    if not looks_like_text:
        named = directory / f"{query_or_file.removesuffix('.rq')}.rq"
        if named.is_file():
            nq = parse_named(named)
            return nq.text, nq, f"queries/{named.name}"
        raise QueryError(f"no such named query or file: {query_or_file!r} (see `kg query --list`)")
    return query_or_file, None, "query"


# --------------------------------------------------------------------------- terms

def parse_binding(text: str) -> tuple[str, Any]:
    """`NAME=VALUE` → (NAME, term). VALUE is a plain string literal; `<...>` makes an IRI."""
    import pyoxigraph as ox

    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"\w+", name):
        raise QueryError(f"--bind takes NAME=VALUE (got {text!r})")
    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        try:
            return name, ox.NamedNode(value[1:-1])
        except ValueError as exc:
            raise QueryError(f"--bind {name}: {exc}") from None
    return name, ox.Literal(value)


def compact(iri: str) -> str:
    best = None
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and (best is None or len(ns) > len(PREFIXES[best])):
            best = prefix
    if best is None:
        return f"<{iri}>"
    local = iri[len(PREFIXES[best]):]
    return f"{best}:{local}" if re.fullmatch(r"[\w.-]*", local) and not local.endswith(".") else f"<{iri}>"


# --------------------------------------------------------------------------- loading

def _rdf_format(path: Path):
    import pyoxigraph as ox

    ext = path.suffix.lower().lstrip(".")
    fmt = {"jsonld": ox.RdfFormat.JSON_LD, "json": ox.RdfFormat.JSON_LD}.get(ext) or ox.RdfFormat.from_extension(ext)
    if fmt is None:
        raise GraphError(f"{path}: unknown RDF format (use .ttl, .nt, .nq, .trig, .jsonld or .rdf)")
    return fmt


@dataclass
class Loaded:
    """A graph file loaded into an engine; `dataset` when it has named graphs (TriG, N-Quads)."""

    path: Path | None
    engine: Engine
    store: Any
    dataset: bool
    reference: Any = None  # the rdflib twin, made when a query needs it

    def reference_engine(self) -> Loaded:
        if self.engine is Engine.RDFLIB:
            return self
        if self.reference is None:
            if self.path is None:
                raise QueryError("this query needs the rdflib engine, and the graph has no file to load it from")
            self.reference = load(self.path, Engine.RDFLIB)
        return self.reference


def engine_of(name: str | Engine) -> Engine:
    """The engine a name names; QueryError for an unknown one."""
    try:
        return Engine(name)
    except ValueError:
        raise QueryError(f"unknown engine {name!r} (one of {', '.join(ENGINES)})") from None


def load(path: Path = DEFAULT_GRAPH, engine: str | Engine = Engine.OXIGRAPH, *,
         stores: Path | None = None) -> Loaded:
    """The graph file at `path` in `engine`. With `stores` (a cache folder), pyoxigraph opens the
    file's on-disk store there, made on first use (kg.store), instead of reading the file into
    memory."""
    path = Path(path)
    engine = engine_of(engine)
    if not path.is_file():
        raise GraphError(f"{path}: graph not found (run `kg build` first, or pass --graph)")
    fmt = _rdf_format(path)
    if engine is Engine.RDFLIB:
        return _load_rdflib(path, fmt)
    if stores is not None:
        from .store import open_store

        store = open_store(path, fmt, stores)
        if store is not None:
            return Loaded(path, Engine.OXIGRAPH, store, fmt.supports_datasets)
    return _load_oxigraph(path, fmt)


def _load_oxigraph(path: Path, fmt) -> Loaded:
    import pyoxigraph as ox

    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise GraphError(f"{path}: cannot load: {exc}") from None
    return Loaded(path, Engine.OXIGRAPH, store, fmt.supports_datasets)


def _load_rdflib(path: Path, fmt) -> Loaded:
    from rdflib import Dataset, Graph

    name = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld",
            "json": "json-ld", "rdf": "xml", "xml": "xml", "n3": "n3"}.get(path.suffix.lower().lstrip("."))
    try:
        if fmt.supports_datasets:
            ds = Dataset(default_union=True)
            ds.parse(path, format=name)
            return Loaded(path, Engine.RDFLIB, ds, True)
        g = Graph()
        g.parse(path, format=name)
        return Loaded(path, Engine.RDFLIB, g, False)
    except Exception as exc:  # rdflib raises many kinds on bad input
        raise GraphError(f"{path}: cannot load: {exc}") from None


def store_from_graph(g) -> Any:
    """An in-memory pyoxigraph Store holding an rdflib Graph's triples."""
    import pyoxigraph as ox

    store = ox.Store()
    if isinstance(g, (bytes, str)):  # Turtle
        store.bulk_load(g.encode("utf-8") if isinstance(g, str) else g, format=ox.RdfFormat.TURTLE)
    else:
        store.bulk_load(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def load_graph(g) -> Loaded:
    """An rdflib Graph (e.g. `build_graph(kb)`) ready for `run`, on pyoxigraph with rdflib as the twin."""
    from rdflib import Graph

    ref = Loaded(None, Engine.RDFLIB, g, False) if isinstance(g, Graph) else None
    return Loaded(None, Engine.OXIGRAPH, store_from_graph(g), False, ref)


# --------------------------------------------------------------------------- running

@dataclass
class Result:
    """Engine-independent result: rows of pyoxigraph terms (None when unbound), a boolean, or triples."""

    kind: Kind
    variables: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    triples: list = field(default_factory=list)
    engine: Engine = Engine.OXIGRAPH

    def records(self, compact_iris: bool = False) -> list[dict[str, str | None]]:
        """Rows as dicts of plain strings (IRIs and literal values), for tests and notebooks."""
        import pyoxigraph as ox

        def value(t) -> str | None:
            if t is None:
                return None
            return compact(t.value) if compact_iris and isinstance(t, ox.NamedNode) else t.value
        return [{v: value(t) for v, t in zip(self.variables, row, strict=True)} for row in self.rows]

    def column(self, name: str) -> list[str | None]:
        i = self.variables.index(name)
        return [None if r[i] is None else r[i].value for r in self.rows]

    def to_dataframe(self, compact_iris: bool = True):
        """A pandas DataFrame of a SELECT result (IRIs as lg:…/lgr:… names unless compact_iris=False)."""
        import pandas as pd

        return pd.DataFrame(self.records(compact_iris), columns=self.variables)


_OX_POS = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)


def _split_top(s: str) -> list[str]:
    """Split at commas outside brackets and quotes."""
    out, depth, quote, cur = [], 0, None, []
    for i, c in enumerate(s):
        if quote:
            if c == quote and s[i - 1] != "\\":
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        elif c == "," and depth == 0:
            out.append("".join(cur).strip())
            cur = []
            continue
        cur.append(c)
    out.append("".join(cur).strip())
    return out


def _tidy_expected(message: str) -> str:
    """oxigraph lists the character classes it expected ("['A' ..= 'Z' | ...]"); name them instead."""
    m = re.match(r"(expected one of )(.*)$", message, re.S)
    if not m:
        return message
    items = []
    for item in _split_top(m.group(2)):
        item = "a name character" if "..=" in item else "a character" if item == "[_]" else item
        if item and item not in items:
            items.append(item)
    return m.group(1) + ", ".join(items)


def _oxigraph_syntax_error(exc: SyntaxError, text: str, name: str) -> QueryError:
    msg = " ".join(str(exc).split())
    m = _OX_POS.match(msg)
    if m:
        return QueryError(_tidy_expected(m.group(3)), line=int(m.group(1)), column=int(m.group(2)),
                          source=text, name=name)
    return QueryError(msg, source=text, name=name)


def run(loaded: Loaded, text: str, bindings: Mapping[str, Any] | None = None, *, name: str = "query",
        federation: bool = False) -> Result:
    """Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) with literal bindings.

    Queries nested deeper than the engines survive, and SERVICE unless `federation`, are refused
    before any engine parses them (kg.sparqlguard)."""
    from .sparqlguard import QueryRefused, check

    try:
        check(text, federation=federation)
    except QueryRefused as exc:
        raise QueryError(str(exc), name=name) from None
    bindings = dict(bindings or {})
    if loaded.engine is Engine.OXIGRAPH:
        try:
            return _run_oxigraph(loaded, text, bindings, name)
        except _NeedsReference:
            return _run_rdflib(loaded.reference_engine(), text, bindings, name)
    return _run_rdflib(loaded, text, bindings, name)


class _NeedsReference(Exception):
    """pyoxigraph cannot substitute these bindings (ASK, CONSTRUCT, unprojected variable)."""


def _run_oxigraph(loaded: Loaded, text: str, bindings: dict, name: str) -> Result:
    import pyoxigraph as ox

    subs = {ox.Variable(k): ox_term(v) for k, v in bindings.items()}
    try:
        res = loaded.store.query(text, prefixes=PREFIXES, substitutions=subs or None,
                                 use_default_graph_as_union=loaded.dataset)
        if isinstance(res, ox.QueryBoolean):
            return Result(Kind.ASK, boolean=bool(res), engine=Engine.OXIGRAPH)
        if isinstance(res, ox.QuerySolutions):
            variables = [v.value for v in res.variables]
            rows = [tuple(sol[i] for i in range(len(variables))) for sol in res]
            return Result(Kind.SELECT, variables, rows, engine=Engine.OXIGRAPH)
        return Result(Kind.GRAPH, triples=list(res), engine=Engine.OXIGRAPH)
    except SyntaxError as exc:
        raise _oxigraph_syntax_error(exc, text, name) from None
    except RuntimeError as exc:
        if subs and "projection" in str(exc):
            raise _NeedsReference() from None
        raise QueryError(" ".join(str(exc).split()), name=name) from None
    except OSError as exc:
        raise QueryError(str(exc), name=name) from None


def _run_rdflib(loaded: Loaded, text: str, bindings: dict, name: str) -> Result:
    from pyparsing import ParseException
    from rdflib import Variable

    init = {Variable(k): rdflib_term(v) for k, v in bindings.items()}
    try:
        res = loaded.store.query(text, initNs=PREFIXES, initBindings=init)
        if res.type == "ASK":
            return Result(Kind.ASK, boolean=bool(res.askAnswer), engine=Engine.RDFLIB)
        if res.type == "SELECT":
            variables = [str(v) for v in res.vars]
            rows = [tuple(None if t is None else ox_term(t) for t in row) for row in res]
            return Result(Kind.SELECT, variables, rows, engine=Engine.RDFLIB)
        import pyoxigraph as ox

        return Result(Kind.GRAPH, triples=[ox.Triple(ox_term(s), ox_term(p), ox_term(o)) for s, p, o in res],
                      engine=Engine.RDFLIB)
    except ParseException as exc:
        raise QueryError(str(exc.msg), line=exc.lineno, column=exc.col, source=text, name=name) from None
    except Exception as exc:  # rdflib's evaluation errors have no common base class
        raise QueryError(f"{type(exc).__name__}: {exc}", name=name) from None


def run_named(loaded: Loaded, query_name: str, /, **params: Any) -> Result:
    """Run queries/NAME.rq with its default parameters overridden by `params` (notebooks, tests)."""
    nq = named_queries()[query_name]
    return run(loaded, nq.text, with_defaults(nq, params), name=f"queries/{query_name}.rq")


def with_defaults(nq: NamedQuery | None, bindings: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = dict(nq.params) if nq else {}
    out.update(bindings)
    return out


# --------------------------------------------------------------------------- output

def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)


#: characters a terminal acts on instead of showing: C0/C1 controls (ESC starts escape sequences
#: that retitle the window or rewrite the screen), and the bidirectional overrides that reorder text
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(s: str) -> str:
    """`s` with every control character shown as an escape (\\x1b, \\u202e): labels are data,
    and a table printed to a terminal must not carry instructions to it."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", s)


def _cell(t) -> str:
    import pyoxigraph as ox

    if t is None:
        return ""
    if isinstance(t, ox.NamedNode):
        return visible(compact(t.value))
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    return visible(" ".join(t.value.split()) if isinstance(t, ox.Literal) else str(t))


def _table(variables: list[str], rows: Iterable[tuple], max_width: int = 80) -> str:
    cells = [[_cell(t) for t in row] for row in rows]
    cells = [[c if display_width(c) <= max_width else _clip(c, max_width) for c in row] for row in cells]
    widths = [max([display_width(v)] + [display_width(r[i]) for r in cells]) for i, v in enumerate(variables)]

    def line(vals: list[str]) -> str:
        return "  ".join(v + " " * (w - display_width(v)) for v, w in zip(vals, widths, strict=True)).rstrip()

    out = [line(variables), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"


def _clip(s: str, width: int) -> str:
    out, w = [], 0
    for c in s:
        cw = display_width(c)
        if w + cw > width - 1:
            break
        out.append(c)
        w += cw
    return "".join(out) + "…"


def _json_term(t) -> dict:
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    d = {"type": "literal", "value": t.value}
    if t.language:
        d["xml:lang"] = t.language
    elif t.datatype.value != XSD_STRING:
        d["datatype"] = t.datatype.value
    return d


def _csv_value(t) -> str:
    import pyoxigraph as ox

    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    return t.value


def _tsv_term(t) -> str:
    """A term as SPARQL TSV writes it (N-Triples syntax), C1 controls escaped as N-Triples allows."""
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04X}", str(t).replace("\t", "\\t"))


_C1 = re.compile("[\x7f-\x9f]")


def format_result(result: Result, fmt: str = "table", *, full: bool = False, hide: Iterable[str] = ()) -> str:
    """SELECT: table | csv | tsv | json (SPARQL 1.1 results formats). ASK: true/false or JSON.
    CONSTRUCT/DESCRIBE: table or turtle → Turtle, ntriples, json or jsonld → JSON-LD, csv → s,p,o rows.

    `hide`: columns left out of the table (a named query's parameters, which repeat the bound value
    on every row); csv, tsv and json always have every projected variable."""
    if result.kind is Kind.ASK:
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        if fmt in ("table", "csv", "tsv"):
            return ("true" if result.boolean else "false") + "\n"
        raise QueryError(f"--format {fmt} does not apply to an ASK query (use table, csv or json)")
    if result.kind is Kind.SELECT:
        if fmt == "table":
            keep = [i for i, v in enumerate(result.variables) if v not in set(hide)] or list(range(len(result.variables)))
            return _table([result.variables[i] for i in keep], [tuple(r[i] for i in keep) for r in result.rows],
                          max_width=10_000 if full else 80)
        if fmt == "json":
            doc = {"head": {"vars": result.variables}, "results": {"bindings": [
                {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None} for row in result.rows]}}
            return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
        if fmt == "csv":
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\r\n")
            w.writerow(result.variables)
            w.writerows([_csv_value(t) for t in row] for row in result.rows)
            return buf.getvalue()
        if fmt == "tsv":
            lines = ["\t".join("?" + v for v in result.variables)]
            lines += ["\t".join("" if t is None else _tsv_term(t) for t in row) for row in result.rows]
            return "\n".join(lines) + "\n"
        raise QueryError(f"--format {fmt} does not apply to a SELECT query (use {', '.join(SELECT_FORMATS)})")
    from .export.formats import jsonld_bytes, ntriples_bytes, turtle_bytes

    triples = sorted(result.triples, key=str)
    if fmt in ("table", "turtle"):
        return turtle_bytes(triples).decode("utf-8")
    if fmt == "ntriples":
        return ntriples_bytes(triples).decode("utf-8")
    if fmt in ("json", "jsonld"):
        return jsonld_bytes(triples).decode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(["subject", "predicate", "object"])
        w.writerows([_csv_value(t.subject), _csv_value(t.predicate), _csv_value(t.object)] for t in triples)
        return buf.getvalue()
    raise QueryError(f"--format {fmt} does not apply to a CONSTRUCT query (use {', '.join(GRAPH_FORMATS)})")
