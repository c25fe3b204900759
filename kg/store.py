"""A graph file's on-disk Oxigraph store, kept in the cache so that a query opens it at once.

`kg query` used to load the whole graph file into memory for every query: 13 s and as much
memory as the graph at 100× the seeds (180 MB of Turtle), ten times that at 1,000×. A store is
made once for each graph content (the file's SHA-256, the format, pyoxigraph's version): loaded
with `bulk_load` into a temporary folder of the cache, renamed into place only when whole, and
then opened read-only by every later query (milliseconds). A store that cannot be made or opened
(a full disk, a read-only cache, a damaged folder) is never an error: the caller loads the file
into memory as before. The KEEP stores used last are kept, the others removed.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

#: the stores' folder inside the cache
STORES_DIR = "stores"
#: how many stores are kept (the ones used last)
KEEP = 3
#: the layout's name: a new one ignores the stores of the old
FORMAT = "lgkg-store/1"
#: a store still being made after this long was left by a process that was killed
STALE_SECONDS = 24 * 3600


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def store_folder(root: Path, graph: Path, fmt: Any) -> Path:
    """Where the store of `graph` (read as `fmt`, a pyoxigraph RdfFormat) is kept under `root`."""
    import pyoxigraph as ox

    key = f"{FORMAT}\x1f{ox.__version__}\x1f{fmt.media_type}\x1f{file_sha256(graph)}"
    return Path(root) / STORES_DIR / hashlib.sha256(key.encode()).hexdigest()[:32]


def open_store(graph: Path, fmt: Any, root: Path) -> Any | None:
    """A read-only pyoxigraph Store holding `graph`, made under `root` the first time; None when
    no store can be made or opened there (the caller then loads the file into memory)."""
    try:
        folder = store_folder(root, graph, fmt)
    except OSError:
        return None
    store = _open(folder)
    if store is None:
        _discard(folder)  # a damaged store: made again
        if not _make(graph, fmt, folder):
            return None
        store = _open(folder)
    if store is not None:
        with contextlib.suppress(OSError):
            os.utime(folder)  # used now: the last to be removed
        _prune(folder.parent, keep=folder)
    return store


def linked_copy(graph: Path, fmt: Any, root: Path, dst: Path) -> bool:
    """A store of `graph` at `dst` whose files are hard links to the cached store's (made under
    `root` first if need be): opened by another process (the Oxigraph server), it keeps its files
    when the cache's store is pruned, and costs no copy. False when no store can be had or
    linked (another file system: the caller loads the graph itself)."""
    store = open_store(graph, fmt, root)
    if store is None:
        return False
    del store
    try:
        shutil.copytree(store_folder(root, graph, fmt), dst, copy_function=os.link)
        return True
    except OSError:
        _discard(dst)
        return False


def _open(folder: Path) -> Any | None:
    import pyoxigraph as ox

    if not folder.is_dir():
        return None
    try:
        return ox.Store.read_only(str(folder))
    except (OSError, RuntimeError):  # RocksDB reports a damaged store as a RuntimeError
        return None


def _make(graph: Path, fmt: Any, folder: Path) -> bool:
    """Load `graph` into a new store at `folder`, visible only once whole; False when it cannot."""
    import pyoxigraph as ox

    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    except OSError:
        return False
    try:
        store = ox.Store(str(tmp))
        store.bulk_load(path=str(graph), format=fmt)
        store.flush()
        del store  # closed: every file written
        os.rename(tmp, folder)
        return True
    except (OSError, RuntimeError):
        return folder.is_dir()  # another query made it meanwhile, or no room: the file is read into memory
    except (SyntaxError, ValueError):  # not a graph: loading it into memory says where (GraphError)
        return False
    finally:
        _discard(tmp)


def _discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _prune(stores: Path, keep: Path) -> None:
    """Remove all but the KEEP stores used last (`keep` among them), and the stores a killed
    process left half made; the ones being made now stay."""
    import time

    try:
        folders = [p for p in stores.iterdir() if p.is_dir()]
        made = sorted((p for p in folders if not p.name.startswith(".")),
                      key=lambda p: (p != keep, -p.stat().st_mtime_ns, p.name))
        stale = [p for p in folders if p.name.startswith(".") and time.time() - p.stat().st_mtime > STALE_SECONDS]
    except OSError:
        return
    for old in made[KEEP:] + stale:
        _discard(old)
