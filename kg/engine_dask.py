"""Per-document extraction on a Dask cluster (dask.distributed): `kg build --engine dask`.

Needs the optional extra: `pip install 'lgkg[dask]'`, on the client and on every worker (the
workers run `kg.parallel.extract_batch`, so they need lgkg itself, the same version).

The client reads the reports, sends batches of documents to the workers (at most a few per
worker in flight, so neither the scheduler nor the workers hold the corpus), collects the
extractions and does the rest (entity resolution, graph, exports) itself, exactly as the local
engine does: the output is byte-identical to `--jobs 1`.

Before any work the client asks every worker for its extractor fingerprint
(`kg.cache.current_fingerprint`) and refuses to run on workers whose lgkg differs from its
own, since their extractions would differ.

Without `--scheduler` a LocalCluster of `jobs` single-threaded worker processes is started
(and stopped) on this machine, which is mostly useful to test the engine.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence

from .cache import current_fingerprint
from .model import DocExtraction, SourceDocument
from .parallel import AHEAD, Keep, batches, extract_batch, merge_results, run_batches


class EngineError(RuntimeError):
    """The Dask engine cannot run (not installed, no scheduler, mismatched workers)."""


def _worker_fingerprint() -> str:
    return current_fingerprint()


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise EngineError("the dask engine needs dask.distributed: pip install 'lgkg[dask]'") from None
    return distributed


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, jobs: int = 2, timeout: float = 30):
    """A Client on `scheduler` (e.g. tcp://host:8786), or on a new LocalCluster of `jobs` workers."""
    distributed = _import_distributed()
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client
        return
    with distributed.LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                  # ":0": any free port (None still binds :8787 for the HTTP server)
                                  dashboard_address=":0", silence_logs=40) as cluster, \
            distributed.Client(cluster) as client:
        yield client


def check_workers(client) -> int:
    """Number of workers; raises EngineError when there is none or one runs another extractor."""
    try:
        client.wait_for_workers(1, timeout=60)
    except (TimeoutError, OSError):
        raise EngineError("the Dask cluster has no workers (none joined within 60 s)") from None
    mine = current_fingerprint()
    theirs = client.run(_worker_fingerprint)
    if not theirs:
        raise EngineError("the Dask cluster has no workers")
    bad = sorted(w for w, fp in theirs.items() if fp != mine)
    if bad:
        raise EngineError(f"{len(bad)} Dask worker(s) run a different lgkg extractor than this client "
                          f"(e.g. {bad[0]}): install the same lgkg version on every worker")
    return len(theirs)


def extract_dask(documents: Sequence[SourceDocument], *, scheduler: str | None = None, jobs: int = 2,
                 on_done: Callable[[SourceDocument], None] | None = None,
                 client=None, keep: Keep = None) -> list[DocExtraction]:
    """Extract `documents` on a Dask cluster; same results, in the same order, as locally (each
    passed through `keep` as it comes in)."""
    if not documents:
        return []
    if client is None:
        with dask_client(scheduler, jobs) as c:
            return extract_dask(documents, on_done=on_done, client=c, keep=keep)
    workers = check_workers(client)
    groups = batches(documents, workers)
    window = workers * (1 + AHEAD)

    def submit(group):
        # pure=False: no hashing of the texts for a key; retries cover a worker lost mid-batch
        return client.submit(extract_batch, group, pure=False, retries=1)

    distributed = _import_distributed()

    def wait_first(futures):
        return distributed.wait(futures, return_when="FIRST_COMPLETED").done

    return merge_results(documents, run_batches(submit, groups, window, wait_first), on_done, keep)
