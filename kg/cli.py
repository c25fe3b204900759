"""The `kg` command. It parses arguments and calls library functions; heavy imports live
inside the commands so `kg --help` stays instant."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="lgkg: a knowledge graph of Chinese legal-governance entities.")


@app.callback()
def _root() -> None:
    """lgkg: a knowledge graph of Chinese legal-governance entities."""


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"kg: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def build(
    inputs: Annotated[Optional[list[Path]], typer.Argument(help="folders or .txt files (default: seeds/)")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="output folder")] = Path("exports"),
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="worker processes")] = 1,
    strict: Annotated[bool, typer.Option("--strict", help="exit 1 when any input file was skipped")] = False,
    no_html: Annotated[bool, typer.Option("--no-html", help="skip the HTML viewer")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar or summary")] = False,
) -> None:
    """Build graph.ttl and graph.html from rule-of-law reports."""
    if jobs < 1:
        _fail(f"--jobs must be at least 1 (got {jobs})")
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from .build import BuildError, build as run_build

    err = Console(stderr=True)
    progress = Progress(TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.description}"), TimeElapsedColumn(), console=err,
                        disable=quiet, transient=True)
    task = progress.add_task("", total=None)
    try:
        with progress:
            result = run_build(
                inputs or [Path("seeds")], out, html=not no_html,
                on_read=lambda n: progress.update(task, total=n),
                on_done=lambda d: progress.update(task, advance=1, description=d.doc_id),
                on_skip=lambda s: err.print(f"[yellow]skipped[/] {s.path}: {s.problem}", markup=True,
                                            highlight=False),
            )
    except BuildError as exc:
        _fail(str(exc))
        return
    if not quiet:
        t = Table(title="kg build", show_header=True)
        t.add_column("what")
        t.add_column("count", justify="right")
        t.add_row("documents", str(len(result.kb.documents)))
        t.add_row("skipped files", str(len(result.skipped)))
        for k, v in result.entity_counts.items():
            t.add_row(f"entities: {k}", str(v))
        for k, v in result.relation_counts.items():
            t.add_row(f"relations: {k}", str(v))
        t.add_row("seconds", f"{result.seconds:.2f}")
        err.print(t)
        for p in result.outputs:
            err.print(f"wrote {p}", highlight=False)
    if strict and result.skipped:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover
    app()
