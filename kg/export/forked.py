"""graph.ttl written by a forked child process while the parent makes the viewer.

After resolution a build's remaining work is two independent passes over the knowledge base:
the Turtle text, and the viewer's triple index and page. With a second core (a build run with
`--jobs 2` or more) they can run side by side: a child forked with the knowledge base in its
memory (copy-on-write: nothing is pickled) writes the Turtle into the parent's staged temporary
file, so the export is committed, journaled and cleaned up exactly as if the parent had written
it. Only where kg.parallel forks its workers (Linux); elsewhere callers write serially.
"""
from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from pathlib import Path

from ..model import KnowledgeBase
from .atomic import atomic_write

#: a child's report of an error: "<errno>\x1f<message>" (errno 0: not an OSError)
_SEP = "\x1f"


def can_fork() -> bool:
    from ..parallel import fork_is_safe

    return fork_is_safe()


def _write_in_child(kb: KnowledgeBase, fd: int, report: int) -> None:
    """The child's whole life: the Turtle into `fd`, then exit (never returning to the caller)."""
    code = 1
    try:
        from . import rdf

        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            for chunk in rdf.turtle_chunks(rdf._turtle_source(kb)):
                fh.write(chunk)
        code = 0
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which raises it
        errno = exc.errno if isinstance(exc, OSError) and exc.errno else 0
        text = (exc.strerror if isinstance(exc, OSError) and exc.strerror else repr(exc)) or type(exc).__name__
        with contextlib.suppress(OSError):
            os.write(report, f"{errno}{_SEP}{text}".encode("utf-8", "replace")[:4000])
    finally:
        os._exit(code)


@contextlib.contextmanager
def turtle_beside(kb: KnowledgeBase, path: Path) -> Iterator[None]:
    """Write `path` (graph.ttl, byte for byte kg.export.rdf.write_turtle's) in a forked child
    while the block runs here; on leaving, wait for the child and stage the file (inside a
    kg.export.atomic transaction) or commit it. The child's failure is raised here (an OSError
    keeps its errno and names `path`); the block's own failure stops the child."""
    path = Path(path)
    with atomic_write(path, "wb") as staged:
        staged.flush()
        fd = os.dup(staged.fileno())  # the child writes through the staged file's descriptor
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child (coverage is not collected after a fork)
            os.close(r)
            _write_in_child(kb, fd, w)
        os.close(fd)
        os.close(w)
        try:
            yield
        except BaseException:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)
            os.close(r)
            raise
        _, status = os.waitpid(pid, 0)
        with os.fdopen(r, "rb") as fh:
            message = fh.read().decode("utf-8", "replace")
        if os.waitstatus_to_exitcode(status) != 0:
            errno, _, text = message.partition(_SEP)
            if errno.isdigit() and int(errno):
                raise OSError(int(errno), text, str(path))
            raise RuntimeError(f"{path}: the Turtle writer failed ({text or f'exit status {status}'})")
