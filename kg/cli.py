"""The `kg` command. It parses arguments and calls library functions; heavy imports live
inside the commands so `kg --help` stays instant."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from .build import BuildResult

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="lgkg: a knowledge graph of Chinese legal-governance entities.")


@app.callback()
def _root() -> None:
    """lgkg: a knowledge graph of Chinese legal-governance entities."""


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"kg: {message}", err=True)
    raise typer.Exit(code)


class _Terminated(BaseException):
    """SIGTERM, raised where the build is, so its cleanup runs as for Ctrl-C."""


def _on_sigterm(signum, frame) -> None:  # noqa: ARG001
    raise _Terminated()


@app.command()
def build(
    inputs: Annotated[Optional[list[Path]], typer.Argument(help="folders or files: .txt, .pdf, .docx, .html (default: seeds/)")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="output folder")] = Path("exports"),
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="worker processes")] = 1,
    strict: Annotated[bool, typer.Option("--strict", help="exit 1 when any input file was skipped")] = False,
    no_html: Annotated[bool, typer.Option("--no-html", help="skip the HTML viewer")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar or summary")] = False,
    engine: Annotated[str, typer.Option("--engine", help="where documents are extracted: local (--jobs "
                                        "processes) or dask (a Dask cluster; pip install 'lgkg\\[dask]')")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 (with --engine dask; "
                            "default: a local cluster of --jobs workers)")] = None,
    cache_dir: Annotated[Optional[Path], typer.Option(
        "--cache-dir", help="per-document extraction cache (default: $LGKG_CACHE_DIR, "
                            "$XDG_CACHE_HOME/lgkg or ~/.cache/lgkg)")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="extract every document again; "
                                           "read and write no cache")] = False,
    formats: Annotated[Optional[list[str]], typer.Option(
        "--format", "-f", help="also write jsonld, nt, trig, nq (one named graph per document), graphml, "
                               "or all; repeat or comma-separate")] = None,
    validate: Annotated[str, typer.Option(
        "--validate", help="check before writing: records (the SHACL shapes' constraints on the extracted "
                           "records, fast), shapes (the shapes themselves, by shifty; formerly 'fast'), "
                           "full (the shapes by pyshacl, slow) or off; a failing graph exits 1 and "
                           "replaces no export")] = "records",
) -> None:
    """Build graph.ttl and graph.html from rule-of-law reports."""
    cache = _cache_folder(jobs, engine, scheduler, cache_dir, no_cache)
    from rich.console import Console

    err = Console(stderr=True)
    result = _run_build(err, quiet, inputs or [Path("seeds")], out, html=not no_html, jobs=jobs, engine=engine,
                        scheduler=scheduler, cache_dir=cache, formats=formats or (), validate=validate)
    if not quiet:
        _print_summary(err, result)
    if strict and result.skipped:
        raise typer.Exit(1)
    from .build import Engine, engine_of

    if _CONSOLE and engine_of(engine) is Engine.LOCAL:  # a Dask cluster is left to its own exit handlers
        _end_process()


def _cache_folder(jobs: int, engine: str, scheduler: str | None, cache_dir: Path | None,
                  no_cache: bool) -> Path | None:
    """The build's cache folder (None: no cache), after the options' own checks (exit 2)."""
    from .build import ENGINES, Engine

    if jobs < 1:
        _fail(f"--jobs must be at least 1 (got {jobs})")
    if engine not in ENGINES:
        _fail(f"--engine must be local or dask (got {engine!r})")
    if scheduler and engine != Engine.DASK:
        _fail("--scheduler needs --engine dask")
    if no_cache and cache_dir is not None:
        _fail("--cache-dir and --no-cache exclude each other")
    if no_cache:
        return None
    if cache_dir is None:
        from .cache import default_cache_dir

        return default_cache_dir()
    return cache_dir


def _failures() -> tuple[tuple[type[BaseException], int, object], ...]:
    """(exception type, exit code, message) for each way a build stops, the first match wins;
    a message is a function of the exception."""
    from .build import BuildError, NothingToBuild, WriteError
    from .validate import ValidationFailed

    return (
        (KeyboardInterrupt, 130, lambda _: "interrupted; the previous exports are unchanged"),
        (_Terminated, 143, lambda _: "terminated (SIGTERM); the previous exports are unchanged"),
        (NothingToBuild, 1, lambda e: f"{e}, the previous exports are unchanged"),
        (WriteError, 1, str),
        (BuildError, 2, str),
        (ValidationFailed, 1, lambda e: "the graph does not conform to ontology/shapes.ttl; nothing written\n"
                                        f"{e.report.text()}"),
    )


def _run_build(err: Console, quiet: bool, inputs: list[Path], out: Path, **options) -> BuildResult:
    """kg.build.build with a progress bar and skipped files on stderr; SIGTERM stops it as
    Ctrl-C does (its cleanup runs), and each failure exits with its one-line message."""
    import signal

    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .build import build as run_build

    progress = Progress(TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.description}"), TimeElapsedColumn(), console=err,
                        disable=quiet, transient=True)
    task = progress.add_task("", total=None)
    try:
        previous_sigterm = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread (an embedding application): leave SIGTERM alone
        previous_sigterm = None
    try:
        with progress:
            return run_build(
                inputs, out, **options,
                on_read=lambda n: progress.update(task, total=n),
                on_done=lambda d: progress.update(task, advance=1, description=d.doc_id),
                on_skip=lambda s: err.print(f"[yellow]skipped[/] {escape(s.path)}: {escape(s.problem)}",
                                            markup=True, highlight=False, soft_wrap=True),
            )
    except (KeyboardInterrupt, _Terminated, Exception) as exc:
        for kind, code, message in _failures():
            if isinstance(exc, kind):
                _fail(message(exc), code)
        raise
    finally:
        if previous_sigterm is not None:
            signal.signal(signal.SIGTERM, previous_sigterm)


def _print_summary(err: Console, result: BuildResult) -> None:
    """The build's counts, how each file became text and the files written, on stderr (text from
    the reports is never markup)."""
    from rich.table import Table
    from rich.text import Text

    t = Table(title="kg build", show_header=True)
    t.add_column("what")
    t.add_column("count", justify="right")
    t.add_row("documents", str(len(result.documents)))
    t.add_row("skipped files", str(len(result.skipped)))
    if result.stats.get("documents_cached"):
        t.add_row("documents from cache", str(int(result.stats["documents_cached"])))
    for k, v in result.entity_counts.items():
        t.add_row(f"entities: {k}", str(v))
    for k, v in result.relation_counts.items():
        t.add_row(f"relations: {k}", str(v))
    t.add_row("years", Text(", ".join(map(str, result.years)) or "-"))
    t.add_row("places", Text("、".join(result.places) or "-"))
    if result.stats.get("unchanged"):
        t.add_row("nothing new", "exports unchanged")
    t.add_row("seconds", f"{result.seconds:.2f}")
    err.print(t)
    for path, encoding in result.documents:  # how each file became text
        err.print(f"read {path}: {encoding}", highlight=False, markup=False, soft_wrap=True)
    done = "kept" if result.stats.get("unchanged") else "wrote"
    for p in result.outputs:
        err.print(f"{done} {p}", highlight=False, markup=False, soft_wrap=True)


@app.command()
def query(
    query_or_file: Annotated[Optional[str], typer.Argument(
        help="a named query (see --list), a .rq file, SPARQL text, or - for stdin")] = None,
    graph: Annotated[Path, typer.Option("--graph", "-g", help="graph file: .ttl .nt .nq .trig .jsonld")] = Path(
        "exports/graph.ttl"),
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json (SPARQL results); "
                                     "CONSTRUCT: table/turtle, ntriples, json/jsonld, csv")] = "table",
    bind: Annotated[Optional[list[str]], typer.Option(
        "--bind", "-b", help="NAME=VALUE: bind ?NAME to the string VALUE (<...> for an IRI); repeatable")] = None,
    list_: Annotated[bool, typer.Option("--list", help="list the named queries, one per line")] = False,
    show: Annotated[bool, typer.Option("--show", help="print the query text and its parameters, don't run it")] = False,
    engine: Annotated[str, typer.Option("--engine", help="oxigraph (fast) or rdflib (the reference)")] = "oxigraph",
    full: Annotated[bool, typer.Option("--full", help="table: never shorten long values")] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="stop the query after this many seconds "
                                           "(exit 1); 0: no limit")] = 60.0,
    memory: Annotated[int, typer.Option("--memory", help="stop the query when it needs more than this many "
                                        "MB of address space beyond the loaded graph (exit 1); 0: no "
                                        "limit")] = 8192,
    federation: Annotated[bool, typer.Option("--federation", help="allow SERVICE (the query then sends "
                                             "requests to the endpoints it names)")] = False,
    cache_dir: Annotated[Optional[Path], typer.Option(
        "--cache-dir", help="where the graph's on-disk store is kept, made by the first query of a graph "
                            "(default: as kg build's cache)")] = None,
    no_store: Annotated[bool, typer.Option("--no-store", help="read the graph into memory; keep no store")] = False,
) -> None:
    """Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the graph.

    The prefixes lg lgr skos prov dcterms rdfs rdf owl org eli schema xsd are predeclared.
    Syntax errors give the parser's message and position and exit 2; a query stopped by
    --timeout or --memory exits 1; Ctrl-C stops it (exit 130)."""
    from .query import GraphError, QueryError, QueryStopped, named_queries, parse_binding, resolve_query, with_defaults

    if list_:
        for name, nq in named_queries().items():
            typer.echo(f"{name}\t{nq.summary}")
        return
    if not query_or_file:
        _fail("give a query, a .rq file or a named query (kg query --list)")
    try:
        text, named, label = resolve_query(query_or_file)
        bindings = dict(parse_binding(b) for b in bind or [])
        if named and (unknown := sorted(set(bindings) - set(named.params))):
            _fail(f"{named.name} has no parameter {', '.join(unknown)} "
                  f"(parameters: {', '.join(named.params) or 'none'})")
        if show:
            typer.echo(text.rstrip())
            for k, v in with_defaults(named, {}).items():
                typer.echo(f"# --bind {k}={v}")
            return
        if timeout < 0 or memory < 0:
            _fail("--timeout and --memory take a number >= 0")
        if not graph.is_file():
            raise GraphError(f"{graph}: graph not found (run `kg build` first, or pass --graph)")
        from .querylimit import QueryJob, run_limited

        job = QueryJob(graph, engine, text, with_defaults(named, bindings), label, fmt, full,
                       tuple(named.params) if named else (), federation, memory,
                       _stores(cache_dir, no_store))
        typer.echo(run_limited(job, timeout), nl=False)
    except QueryStopped as exc:
        _fail(exc.render(), 1)
    except QueryError as exc:
        _fail(exc.render())
    except GraphError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted; the query was stopped", 130)


def _stores(cache_dir: Path | None, no_store: bool) -> Path | None:
    """The folder that holds the graphs' query stores (None: no store)."""
    if no_store:
        if cache_dir is not None:
            _fail("--cache-dir and --no-store exclude each other")
        return None
    if cache_dir is None:
        from .cache import default_cache_dir

        return default_cache_dir()
    return cache_dir


@app.command()
def validate(
    graph: Annotated[Path, typer.Argument(help="graph file (default exports/graph.ttl)")] = Path("exports/graph.ttl"),
    engine: Annotated[str, typer.Option("--engine", help="shifty (a SHACL engine in Rust; under a second on "
                                        "the seeds) or pyshacl (the reference; minutes)")]
    = "shifty",
    limit: Annotated[int, typer.Option("--limit", help="violations to print (0: all)")] = 20,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress display")] = False,
) -> None:
    """SHACL-validate a graph with ontology/shapes.ttl; exit 0 when it conforms, 1 when not."""
    from rich.console import Console

    from .query import GraphError
    from .validate import ENGINES, UnsupportedShape, validate as run_validate

    if engine not in ENGINES:
        _fail(f"--engine must be one of {', '.join(ENGINES)} (got {engine!r})")
    if not graph.is_file():
        _fail(f"{graph}: graph not found (run `kg build` first)")
    err = Console(stderr=True, quiet=quiet)
    try:
        with err.status(f"validating {graph}", spinner="dots") as status:
            report = run_validate(graph, engine, on_stage=lambda what: status.update(f"validating {graph}: {what}"))
    except (GraphError, UnsupportedShape) as exc:
        _fail(str(exc))
        return
    typer.echo(report.text(limit or None))
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def serve(
    graph: Annotated[Path, typer.Option("--graph", "-g", help="graph file to serve")] = Path("exports/graph.ttl"),
    port: Annotated[int, typer.Option("--port", "-p", help="port on 127.0.0.1")] = 7878,
    writable: Annotated[bool, typer.Option("--writable", help="also accept SPARQL Update and Graph Store "
                                           "writes (default: read-only)")] = False,
    cors: Annotated[bool, typer.Option("--cors", help="allow cross-origin queries (browser tools); "
                                       "cross-origin writes are always refused")] = False,
    federation: Annotated[bool, typer.Option("--federation", help="allow SERVICE (queries then make the "
                                             "server send requests to the endpoints they name)")] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="seconds a query may run before the server "
                                           "cancels it")] = 60.0,
    cache_dir: Annotated[Optional[Path], typer.Option(
        "--cache-dir", help="where the graph's query store is kept, as for kg query (read-only serving)")] = None,
    no_store: Annotated[bool, typer.Option("--no-store", help="load the graph afresh; keep no store")] = False,
) -> None:
    """Serve the graph as a SPARQL 1.1 Protocol endpoint (Oxigraph) on 127.0.0.1 until stopped."""
    import signal

    from .server import ServerError, serve_forever, start

    # a stop signal may come as soon as the port answers, before serve_forever has set its
    # handlers (while start() waits for the server, or just after): it stops the server too
    def stop_requested(_signum, _frame) -> None:
        raise KeyboardInterrupt

    previous_sigterm = signal.signal(signal.SIGTERM, stop_requested)
    server = None
    try:
        server = start(graph, port, writable=writable, cors=cors, federation=federation, timeout=timeout,
                       stores=_stores(cache_dir, no_store))
    except ServerError as exc:
        signal.signal(signal.SIGTERM, previous_sigterm)
        _fail(str(exc))
        return
    except KeyboardInterrupt:
        signal.signal(signal.SIGTERM, previous_sigterm)
        return  # stopped while starting: start() has stopped what it began

    def ready(s) -> None:
        mode = "read-write" if writable else "read-only"
        typer.echo(f"SPARQL endpoint {s.query_url} ({mode}; graph {graph}); Ctrl-C to stop", err=True)
        typer.echo(f"  query:  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * {{ ?s ?p ?o }} LIMIT 3' "
                   f"{s.query_url}", err=True)
        if writable:
            typer.echo(f"  update: {s.update_url}   graph store: {s.store_url}", err=True)

    try:
        code = serve_forever(server, ready)
    except KeyboardInterrupt:  # between start() and serve_forever's own handlers
        code = 0
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous_sigterm)
    if code:
        _fail(f"the Oxigraph server stopped with exit code {code}: {server.log_text()[-500:]}", 1)


@app.command()
def push(
    endpoint: Annotated[str, typer.Option("--endpoint", "-e", help="Graph Store Protocol URL, e.g. "
                                          "http://127.0.0.1:7878/store or http://host:3030/ds/data")],
    graph: Annotated[Path, typer.Option("--graph", "-g", help="graph file to load")] = Path("exports/graph.ttl"),
    graph_iri: Annotated[Optional[str], typer.Option("--graph-iri", help="target named graph "
                                                     "(default: the default graph)")] = None,
    append: Annotated[bool, typer.Option("--append", help="POST (add to the graph) instead of PUT (replace it)")]
    = False,
    user: Annotated[Optional[str], typer.Option("--user", help="HTTP basic-auth user; the password comes from "
                                                "$KG_PUSH_PASSWORD")] = None,
) -> None:
    """Load the graph into a SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph, Fuseki, GraphDB, Virtuoso)."""
    import os

    from .server import ServerError, push as run_push

    try:
        results = run_push(graph, endpoint, graph_iri=graph_iri, replace=not append, user=user,
                           password=os.environ.get("KG_PUSH_PASSWORD"))
    except ServerError as exc:
        code = 2 if "graph not found" in str(exc) or "must be an http" in str(exc) else 1
        _fail(str(exc), code)
        return
    for r in results:
        typer.echo(f"{r.method} {r.triples} triples → {r.graph or 'default graph'} ({r.target}: HTTP {r.status})",
                   err=True)

#: whether this process is the console script (`main`), which a finished build may end at once
_CONSOLE = False


def main() -> None:
    """The console script `kg`."""
    global _CONSOLE
    _CONSOLE = True
    app()


def _end_process() -> NoReturn:
    """End the console script after a finished local build without freeing its knowledge base
    object by object, and without the interpreter's teardown (at 100× the seeds about 0.3 s and
    0.25 s; national corpora hold tens of times more objects): the OS takes a process's memory
    back at once. Everything the build wrote is committed and closed by now; the exit handlers
    run and the streams are flushed first."""
    import atexit
    import os
    import sys

    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
