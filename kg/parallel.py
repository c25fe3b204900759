"""Per-document extraction on one machine: in this process, or in a pool of worker processes.

Each worker builds its own spaCy pipeline once (`kg.nlp.make_pipeline()`), then turns batches
of SourceDocuments into DocExtractions, which come back pickled (without the document text,
which the parent already holds). The parent returns the extractions in document order, so the
graph is the same, byte for byte, whatever the number of workers or the order they finish in
(`kg.resolve.resolve` sorts by document id anyway).

Workers are forked on Linux (as spaCy's own `nlp.pipe(n_process=…)` does): that works from a
script without an `if __name__ == "__main__":` guard, a notebook or the CLI alike, and starts
at once. "spawn" and "forkserver" re-run an unguarded script's top level in every worker (which
then fails), so they are used only where fork is unsafe (macOS, Windows: "spawn"). The
workers touch nothing the parent's other threads (the progress bar) may hold.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from . import collector
from .transport import restore_text, strip_text
from .model import DocExtraction, SourceDocument

#: a batch holds whole documents up to about this many characters (one big document is one batch)
BATCH_CHARS = 200_000
#: batches queued per worker beyond the one it works on, so no worker waits
AHEAD = 2


class ExtractionError(RuntimeError):
    """A worker failed (crashed, killed, or the extractor raised on a document)."""


def batches(documents: Sequence[SourceDocument], workers: int,
            batch_chars: int = BATCH_CHARS) -> list[list[SourceDocument]]:
    """Documents grouped for workers: longest first (so no long one is left for the end),
    each batch up to `batch_chars`, smaller when there are few documents per worker."""
    total = sum(len(d.text) for d in documents)
    limit = max(1, min(batch_chars, total // max(1, workers * 4)))
    out: list[list[SourceDocument]] = []
    cur: list[SourceDocument] = []
    size = 0
    for d in sorted(documents, key=lambda d: (-len(d.text), d.doc_id)):
        if cur and size + len(d.text) > limit:
            out.append(cur)
            cur, size = [], 0
        cur.append(d)
        size += len(d.text)
    if cur:
        out.append(cur)
    return out


# ---------------------------------------------------------------------------- in a worker

_NLP = None


def _pipeline():
    global _NLP
    if _NLP is None:
        from .nlp import make_pipeline

        _NLP = make_pipeline()
    return _NLP


#: prctl(2) option: the signal a process gets when its parent dies (Linux)
_PR_SET_PDEATHSIG = 1
#: how often a worker without prctl looks for its parent
_PARENT_POLL_SECONDS = 1.0


def _die_with_parent(parent: int) -> None:
    """End this worker when the build process is gone, even killed with SIGKILL (which runs no
    cleanup, and whose workers would otherwise wait forever on a queue that their siblings'
    inherited descriptors keep open). Linux: the kernel sends SIGKILL (PR_SET_PDEATHSIG);
    elsewhere a daemon thread watches the parent's pid."""
    import signal

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before prctl took effect
                    os._exit(1)
                return
        except (OSError, AttributeError):  # no prctl (an unusual libc): watch instead
            pass
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="lgkg-parent-watch", daemon=True).start()


def init_worker(parent: int | None = None) -> None:
    """Pool initializer: tie the worker's life to the build process, then build the pipeline
    before the first batch arrives."""
    if parent is not None:
        _die_with_parent(parent)
    _pipeline()


def extract_batch(documents: Sequence[SourceDocument]) -> list[DocExtraction]:
    """Worker task: extractions of a batch, without document texts."""
    from .nlp import extract

    nlp = _pipeline()
    out = []
    with collector.paused() as freeze:
        for d in documents:
            out.append(strip_text(extract(nlp, d)))
            freeze()
    return out


# ---------------------------------------------------------------------------- in the parent

#: what becomes of each extraction as it comes in (a build stores it in its cache and keeps a
#: summary: kg.build.extract_documents); None keeps it as it is
Keep = Callable[[DocExtraction], DocExtraction] | None


def extract_serial(documents: Sequence[SourceDocument],
                   on_done: Callable[[SourceDocument], None] | None = None,
                   nlp: Any = None, keep: Keep = None) -> list[DocExtraction]:
    """Extractions in this process, in order (with `nlp`, that pipeline: no start-up), each
    passed through `keep` as it is made."""
    if not documents:  # nothing to do: do not even import spaCy (a fully cached build)
        return []
    from .nlp import extract, make_pipeline

    if nlp is None:
        nlp = make_pipeline()
    out = []
    with collector.paused() as freeze:
        for d in documents:
            ex = extract(nlp, d)
            out.append(keep(ex) if keep else ex)
            freeze()
            if on_done:
                on_done(d)
    return out


def _context():
    return multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")


def _wait_first(futures: Iterable[Future]) -> set[Future]:
    return wait(futures, return_when=FIRST_COMPLETED).done


def run_batches(submit: Callable[[list[SourceDocument]], Any], groups: list[list[SourceDocument]],
                window: int, wait_first: Callable[[list[Any]], Iterable[Any]] = _wait_first,
                ) -> Iterator[tuple[list[SourceDocument], list[DocExtraction]]]:
    """Submit batches keeping at most `window` in flight; yield (batch, results) as they finish.

    `submit` returns a future (concurrent.futures or dask's); `wait_first` blocks until at
    least one of the given futures is done and returns the done ones."""
    todo = iter(groups)
    pending = submit_first(submit, todo, window)
    yield from finish_batches(submit, pending, todo, wait_first)


def submit_first(submit: Callable[[list[SourceDocument]], Any], todo: Iterator[list[SourceDocument]],
                 window: int) -> dict[Any, list[SourceDocument]]:
    """Submit up to `window` batches of `todo` (future → batch)."""
    pending: dict[Any, list[SourceDocument]] = {}
    for group in todo:
        pending[submit(group)] = group
        if len(pending) >= window:
            break
    return pending


def finish_batches(submit: Callable[[list[SourceDocument]], Any], pending: dict[Any, list[SourceDocument]],
                   todo: Iterator[list[SourceDocument]], wait_first: Callable[[list[Any]], Iterable[Any]] = _wait_first,
                   ) -> Iterator[tuple[list[SourceDocument], list[DocExtraction]]]:
    """(batch, results) of the `pending` batches as they finish, submitting the rest of `todo`."""
    while pending:
        done = wait_first(list(pending))
        for fut in done:
            group = pending.pop(fut)
            yield group, fut.result()
            nxt = next(todo, None)
            if nxt is not None:
                pending[submit(nxt)] = nxt


def merge_results(documents: Sequence[SourceDocument],
                  finished: Iterable[tuple[list[SourceDocument], list[DocExtraction]]],
                  on_done: Callable[[SourceDocument], None] | None = None, keep: Keep = None) -> list[DocExtraction]:
    """The extractions of the batches `finished` (as run_batches yields them), in the order of
    `documents`, each with its document (and text) put back and passed through `keep` as its
    batch comes in; `on_done` hears of each document then."""
    results: dict[str, DocExtraction] = {}
    for group, exs in finished:
        for d, ex in zip(group, exs):
            ex = restore_text(ex, d)
            results[d.doc_id] = keep(ex) if keep else ex
            if on_done:
                on_done(d)
    return [results[d.doc_id] for d in documents]


def _warm() -> None:
    """A spare worker's first task: its pipeline built before any document arrives."""
    _pipeline()


class SpareWorker:
    """One extraction worker started at once, before the documents are known, so that its
    start-up (spaCy and the grammar: about 2 s) overlaps the reading of the inputs. `Started`
    takes it when the new reports fit one batch, as a rebuild's usually do; unused, `discard`
    kills it (its start-up would otherwise run on, and the interpreter's exit wait for it)."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=1, mp_context=_context(), initializer=_die_with_parent, initargs=(os.getpid(),))
        self._pid = self._pool.submit(os.getpid)
        self._pool.submit(_warm)

    def take(self) -> ProcessPoolExecutor:
        """The worker's pool, now the taker's to shut down."""
        assert self._pool is not None, "a spare worker is taken once"
        pool, self._pool = self._pool, None
        return pool

    def discard(self) -> None:
        """Kill the worker unless it was taken. It is killed before its pool is shut down: until
        then nothing reaps it, so its pid is still its own."""
        import signal

        if self._pool is None:
            return
        pool, self._pool = self._pool, None
        try:
            os.kill(self._pid.result(timeout=10), signal.SIGKILL)
        except (OSError, TimeoutError, BrokenProcessPool):  # gone already
            pass
        pool.shutdown(wait=True, cancel_futures=True)  # quick: the worker is dead (see _stop)


@contextlib.contextmanager
def spare_worker(wanted: bool) -> Iterator[SpareWorker | None]:
    """A SpareWorker if `wanted` and processes fork here (else None), discarded on leaving
    unless taken."""
    spare = SpareWorker() if wanted and fork_is_safe() else None
    try:
        yield spare
    finally:
        if spare is not None:
            spare.discard()


class Started:
    """Extraction already running in worker processes (even for one document), so that the
    caller can do other work meanwhile: a build loads its cached extractions while the new
    reports are extracted (spaCy's start-up included). `results` waits for them; `cancel` stops
    the workers when the caller fails first. A `spare` worker (spare_worker) extracts the
    documents alone when they fit one batch; otherwise it is shut down and a pool started."""

    def __init__(self, documents: Sequence[SourceDocument], jobs: int, spare: SpareWorker | None = None) -> None:
        self.documents = list(documents)
        if spare is not None and sum(len(d.text) for d in self.documents) <= BATCH_CHARS:
            workers, self._pool = 1, spare.take()
        else:
            if spare is not None:
                spare.discard()
            workers = max(1, min(jobs, len(self.documents)))
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=init_worker,
                                             initargs=(os.getpid(),))
        self._todo = iter(batches(self.documents, workers))
        self._submit = lambda g: self._pool.submit(extract_batch, g)
        try:
            self._pending = submit_first(self._submit, self._todo, workers * (1 + AHEAD))
        except BaseException:
            self.cancel()
            raise

    def results(self, on_done: Callable[[SourceDocument], None] | None = None,
                keep: Keep = None) -> list[DocExtraction]:
        """The extractions, in the order of the documents (each with its text put back, and
        passed through `keep`)."""
        return _collect(self._pool, lambda: merge_results(
            self.documents, finish_batches(self._submit, self._pending, self._todo), on_done, keep))

    def cancel(self) -> None:
        _stop(self._pool)


def extract_parallel(documents: Sequence[SourceDocument], jobs: int,
                     on_done: Callable[[SourceDocument], None] | None = None, keep: Keep = None) -> list[DocExtraction]:
    """Extract in `jobs` worker processes (jobs <= 1 or one document: in this process), each
    extraction passed through `keep` as it comes in."""
    jobs = max(1, min(jobs, len(documents)))
    if jobs == 1:
        return extract_serial(documents, on_done, keep=keep)
    groups = batches(documents, jobs)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=init_worker,
                               initargs=(os.getpid(),))
    return _collect(pool, lambda: merge_results(
        documents, run_batches(lambda g: pool.submit(extract_batch, g), groups, jobs * (1 + AHEAD)), on_done, keep))


def _collect(pool: ProcessPoolExecutor, results: Callable[[], list[DocExtraction]]) -> list[DocExtraction]:
    """`results()`, read from the pool's workers, then the pool shut down; on any failure (Ctrl-C,
    SIGTERM, a dead worker) the pool is stopped first (_stop), its queued batches never run."""
    try:
        found = results()
    except BrokenProcessPool as exc:
        _stop(pool)
        raise ExtractionError(f"an extraction worker died ({exc}); is the machine out of memory?") from None
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()
    return found


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop a pool whose results are no longer wanted: its workers are killed now, not left to
    finish the batches they hold (seconds each on a large report; a build's Ctrl-C waited for
    them), and its queued batches dropped. SIGKILL: a forked worker holds its parent's SIGTERM
    handler, and a worker writes nothing. They are killed before the pool is shut down, while
    nothing has reaped them. The shutdown then waits for the pool's manager thread (it sees the
    dead workers at once): left running, it closes its wake-up pipe while the interpreter's exit
    writes to it (Python 3.11: "OSError: Bad file descriptor" after kg's one-line message)."""
    for worker in list((getattr(pool, "_processes", None) or {}).values()):  # (not public: none if it changes)
        worker.kill()
    pool.shutdown(wait=True, cancel_futures=True)


#: the function of each Forked whose processes run (by the Forked's id): a fork's copy holds it,
#: so two Forked at once (the graph's parts, the viewer's page) each call their own
_FORKED: dict[int, Callable[[int], Any]] = {}


def _call_forked(key: int, i: int) -> Any:
    return _FORKED[key](i)


def fork_is_safe() -> bool:
    """Whether this platform's processes may fork (see the module doc): the one rule for the
    workers and Forked (the validation groups, the documents' parts of graph.ttl, the viewer's page)."""
    return _context().get_start_method() == "fork"


def forks(jobs: int, n: int, *, overlap: bool = False) -> bool:
    """Whether map_forked(…, n, jobs) runs in forked processes (else in this one). One call is
    worth a process only where the caller `overlap`s it with work of its own."""
    return jobs > 1 and (n > 1 or overlap) and fork_is_safe()


class Forked:
    """fn(0) … fn(n - 1) begun in up to `jobs` forked processes while the caller goes on; iterating
    waits for them and yields the results in order. Unless `forks(jobs, n)`, each call runs in
    this process as it is iterated. `fn` reaches what it reads by the fork's copy of this
    process's memory (made when the processes start, here), so nothing but the index and the
    (picklable) result is sent. `close` cancels the calls not yet started. With `overlap` (the
    caller works while the calls run) even one call is forked."""

    def __init__(self, fn: Callable[[int], Any], n: int, jobs: int, *, overlap: bool = False) -> None:
        self._fn, self._n = fn, n
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future] = []
        if forks(jobs, n, overlap=overlap):
            _FORKED[id(self)] = fn
            self._pool = ProcessPoolExecutor(max_workers=min(jobs, n), mp_context=_context(),
                                             initializer=_die_with_parent, initargs=(os.getpid(),))
            try:
                self._futures = [self._pool.submit(_call_forked, id(self), i) for i in range(n)]
            except BaseException:
                self.close()
                raise

    def __iter__(self) -> Iterator[Any]:
        if self._pool is None:
            yield from (self._fn(i) for i in range(self._n))
            return
        try:
            for fut in self._futures:
                yield fut.result()
        except BrokenProcessPool as exc:
            raise ExtractionError(f"a worker died ({exc}); is the machine out of memory?") from None
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
            _FORKED.pop(id(self), None)


def map_forked(fn: Callable[[int], Any], n: int, jobs: int) -> Iterator[Any]:
    """fn(0) … fn(n - 1), in order, computed by up to `jobs` forked processes (in this process
    unless `forks`); see Forked. A caller that stops early (a failure found) cancels the calls
    not yet started."""
    yield from Forked(fn, n, jobs)


def release_memory(collect: bool = True) -> None:
    """Collect garbage and hand freed heap back to the OS (glibc keeps it otherwise).

    Between the stages of a large build this lowers the peak RSS: what extraction or validation
    freed is not still resident when the rdflib graph is built (100× seeds: −0.5 to −0.8 GiB).
    `collect`: run the cyclic collector first. Only a stage that makes reference cycles needs
    it (rdflib's graphs do; extraction and resolution make none, reference counting frees their
    garbage), and a full pass walks every container the build holds (0.1–0.2 s at 100× for the
    79 objects it found after resolution)."""
    import gc

    if collect:
        gc.collect()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # not glibc (musl): nothing to trim
            pass


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
