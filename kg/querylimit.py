"""`kg query` with a time and memory bound: the query runs in a child process that can be killed.

Neither engine can be interrupted from Python: pyoxigraph evaluates in Rust without checking for
signals, so a cross product ignores Ctrl-C and grows until memory runs out. The child loads the
graph, runs the query and sends back the formatted answer; the parent waits at most `timeout`
seconds and kills it on expiry or Ctrl-C. Once the graph is loaded, the child's address space is
capped (RLIMIT_AS) at what it holds plus the query's allowance, so a runaway query dies instead of
taking the machine's memory.
"""
from __future__ import annotations

import multiprocessing as mp
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .query import GraphError, QueryError, QueryStopped


@dataclass(frozen=True)
class QueryJob:
    """Everything the child needs (picklable)."""

    graph: Path
    engine: str
    text: str
    bindings: dict[str, Any]
    name: str
    fmt: str = "table"
    full: bool = False
    hide: tuple[str, ...] = ()
    federation: bool = False
    memory_mb: int = 0
    stores: Path | None = None  # where the graph's on-disk store is kept (None: read into memory)


class _Rendered(QueryError):
    """A QueryError rendered in the child (its source and caret already in the message)."""

    def render(self) -> str:
        return self.message


def _child(conn, job: QueryJob) -> None:  # pragma: no cover - runs in the child process
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and kills us
    # the engine's own last words (Rust's "memory allocation failed", backtraces) would break the
    # one-line error: the child reports through the pipe only
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    from .query import format_result, load, run

    try:
        loaded = load(job.graph, job.engine, stores=job.stores)
        if job.memory_mb:
            _cap_memory(job.memory_mb)
        result = run(loaded, job.text, job.bindings, name=job.name, federation=job.federation)
        conn.send(("ok", format_result(result, job.fmt, full=job.full, hide=job.hide)))
    except QueryError as exc:
        conn.send(("query", exc.render()))
    except GraphError as exc:
        conn.send(("graph", str(exc)))
    except MemoryError:
        conn.send(("memory", ""))
    finally:
        conn.close()


def _address_space() -> int:
    """Bytes of address space this process holds now (0 where /proc does not tell)."""
    import os

    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _cap_memory(mb: int) -> None:  # pragma: no cover - runs in the child process
    """Let the query take `mb` MB of address space beyond the loaded graph: a store on disk
    reserves address space it may never touch, and the graph's own size is not the query's."""
    import resource

    limit = _address_space() + mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_limited(job: QueryJob, timeout: float) -> str:
    """The formatted answer of `job`, or QueryStopped when it takes longer than `timeout` seconds
    (0: no limit), exceeds its memory or its engine dies; QueryError/GraphError as `run`/`load`."""
    ctx = mp.get_context("spawn")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, job), daemon=True)
    proc.start()
    send.close()
    try:
        if not recv.poll(timeout or None):
            raise QueryStopped(f"no answer within {timeout:g} s (--timeout); the query was stopped", name=job.name)
        try:
            kind, payload = recv.recv()
        except EOFError:  # the child died without a word: a crash, or the memory cap
            proc.join(5)
            code = proc.exitcode
            why = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            hint = f"; it may have needed more than {job.memory_mb} MB (--memory)" if job.memory_mb else ""
            raise QueryStopped(f"the query engine died ({why}){hint}", name=job.name) from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        recv.close()
    if kind == "ok":
        return payload
    if kind == "graph":
        raise GraphError(payload)
    if kind == "memory":
        raise QueryStopped(f"the query needed more than {job.memory_mb} MB (--memory); it was stopped", name=job.name)
    raise _Rendered(payload)
