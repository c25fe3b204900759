"""Write-then-rename, so a reader never sees a half-written export and a failed build
leaves the previous files in place.

- `atomic_write(path)` writes to a temporary file in the same folder
  (``.<name>.<pid>.<random>.tmp``), flushes and fsyncs it, then renames it over `path`
  (``os.replace``: atomic on POSIX and Windows) and fsyncs the folder. On any exception,
  KeyboardInterrupt included, the temporary file is removed and `path` is untouched.
- `transaction(folder)` groups several exports: inside it, each `atomic_write` only stages its
  temporary file; the renames all happen when the block ends without an exception (with
  SIGINT/SIGTERM held back for those few system calls), and an exception removes every staged
  file. A build that fails or is interrupted while writing graph.html therefore does not leave
  a new graph.ttl next to the old graph.html.
- A process killed outright (SIGKILL, power loss) can leave a temporary file behind; it is
  never an export (its name starts with a dot and ends in .tmp), and `clean_stale_temps`,
  called when a transaction starts, removes the ones whose writing process is gone.
- `transaction(folder, manifest=NAME, owned=GLOBS)` commits a build as one unit, even under
  SIGKILL or power loss between its renames: once every file is staged and fsynced, a journal
  (`.kg-commit.json`) naming the renames, the stale files to remove and the manifest is written
  atomically, then carried out, then deleted. A commit that was cut short is finished by
  `recover(folder)` (the next build in that folder calls it first), so the folder ends with
  all of the new build, never half. The manifest (`NAME`, e.g. build.json) names the build
  and each of its files with its SHA-256; files matching `owned` (or named by the previous
  manifest) that the new build did not write are stale and removed in the same commit.
"""
from __future__ import annotations

import contextlib
import contextvars
import hashlib
import json
import os
import re
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

#: the journal of a commit in progress (in the transaction's folder)
JOURNAL = ".kg-commit.json"

#: a temporary file left by a process that may still be running is kept this long
STALE_SECONDS = 3600
_TEMP_RE = re.compile(r"^\..+\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")
_OLD_TEMP_RE = re.compile(r"^\..+\.[A-Za-z0-9_]+\.tmp$")  # before the pid was part of the name

_pending: contextvars.ContextVar[list[tuple[str, Path]] | None] = contextvars.ContextVar(
    "kg_atomic_pending", default=None)


#: the SHA-256 of each staged file written in binary mode, by its temporary path: taken as its
#: bytes are written, so the manifest does not read them again (graph.ttl at 100×: 180 MB)
_digests: dict[str, str] = {}


class _Hashing:
    """A binary file that hashes the bytes written to it (write and writelines only: nothing
    reaches the file around the hash)."""

    def __init__(self, fh: IO[bytes]) -> None:
        self._fh = fh
        self.sha256 = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.sha256.update(data)
        return self._fh.write(data)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # pragma: no cover
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on folders
        pass
    finally:
        os.close(fd)


def temp_name_pattern() -> re.Pattern[str]:
    """What this module's temporary files are called (for tests and cleaners)."""
    return _TEMP_RE


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    except OSError:  # pragma: no cover
        return False
    return True


def clean_stale_temps(folder: Path, max_age: float = STALE_SECONDS) -> list[Path]:
    """Remove temporary export files in `folder` left by writers that are gone (their process
    no longer runs) or that are older than `max_age` seconds. Returns what was removed."""
    removed = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for e in entries:
        if not e.name.startswith(".") or not e.name.endswith(".tmp"):
            continue
        m = _TEMP_RE.match(e.name)
        if not m and not _OLD_TEMP_RE.match(e.name):
            continue
        try:
            if not e.is_file(follow_symlinks=False):
                continue
            old = now - e.stat(follow_symlinks=False).st_mtime > max_age
            if old or (m and not _pid_alive(int(m.group("pid")))) or (not m and old):
                os.unlink(e.path)
                removed.append(Path(e.path))
        except OSError:
            continue
    return removed


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT/SIGTERM that arrive inside the block take effect when it ends."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {}

    def hold(signum, frame):  # noqa: ARG001
        caught.append(signum)

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            previous[sig] = signal.signal(sig, hold)
        except (ValueError, OSError):  # pragma: no cover
            pass
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for sig in caught[:1]:
            handler = previous.get(sig)
            if callable(handler):
                handler(sig, None)
            elif handler == signal.SIG_DFL:
                if sig == signal.SIGINT:
                    raise KeyboardInterrupt
                os.kill(os.getpid(), sig)


def _commit(staged: list[tuple[str, Path]]) -> None:
    folders = set()
    with _signals_held():
        for tmp, path in staged:
            os.replace(tmp, path)
            _digests.pop(tmp, None)
            folders.add(path.parent)
    for folder in folders:
        _fsync_dir(folder)


def _discard(staged: list[tuple[str, Path]]) -> None:
    for tmp, _ in staged:
        _digests.pop(tmp, None)
        with contextlib.suppress(OSError):
            os.unlink(tmp)


@contextlib.contextmanager
def transaction(folder: Path | None = None, *, manifest: str | None = None,
                owned: tuple[str, ...] = (), extra: dict | None = None) -> Iterator[None]:
    """All `atomic_write`s inside take effect together at the end, or none of them.

    With `manifest` (a file name in `folder`), the commit is journaled (see the module's
    docstring): it survives a kill between renames, removes stale files (those matching the
    `owned` globs, or named by the previous manifest, that this build did not write) and
    writes the manifest naming the build's files, plus the items of `extra` (a dict the block
    may fill in before it ends). A staged file whose bytes equal the file it would replace (as
    the previous manifest names it) is dropped: an export whose content did not change is not
    rewritten (its modification time stays)."""
    if folder is not None:
        recover(Path(folder))
        clean_stale_temps(Path(folder))
    outer = _pending.get()
    if outer is not None:  # nested: the outermost transaction commits
        yield
        return
    staged: list[tuple[str, Path]] = []
    token = _pending.set(staged)
    try:
        yield
    except BaseException:
        _pending.reset(token)
        _discard(staged)
        raise
    _pending.reset(token)
    try:
        if manifest is not None and folder is not None:
            _commit_journaled(Path(folder), staged, manifest, owned, extra or {})
        else:
            _commit(staged)
    except BaseException:
        _discard(staged)
        raise


# ------------------------------------------------------------------ journaled commits

def _sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _rel(folder: Path, path: str | Path) -> str:
    return Path(os.path.relpath(path, folder)).as_posix()


def read_manifest(folder: Path, name: str) -> dict:
    """The manifest of the build in `folder` ({} when there is none or it is unreadable)."""
    try:
        data = json.loads((Path(folder) / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _stale(folder: Path, name: str, owned: tuple[str, ...], new: set[str]) -> list[str]:
    old = set(read_manifest(folder, name).get("files", {}))
    for pattern in owned:
        old.update(_rel(folder, p) for p in folder.glob(pattern) if p.is_file())
    return sorted(f for f in old - new
                  if not Path(f).is_absolute() and ".." not in Path(f).parts and f != name)


def _dump(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _write_now(path: Path, data: bytes) -> None:
    """Write-then-rename outside any transaction (the journal and the manifest themselves)."""
    token = _pending.set(None)
    try:
        write_bytes(path, data)
    finally:
        _pending.reset(token)


def _same_bytes(path: Path, digest: str) -> bool:
    """`path` exists and its SHA-256 is `digest` (read again: a user may have edited it)."""
    try:
        return _sha256(path) == digest
    except OSError:
        return False


def _commit_journaled(folder: Path, staged: list[tuple[str, Path]], name: str,
                      owned: tuple[str, ...], extra: dict | None = None) -> None:
    files = {_rel(folder, path): _digests.pop(tmp, None) or _sha256(tmp) for tmp, path in staged}
    build_id = hashlib.sha256(_dump(files)).hexdigest()[:16]
    before = read_manifest(folder, name).get("files") or {}
    replace = []
    for tmp, path in staged:
        rel = _rel(folder, path)
        if before.get(rel) == files[rel] and _same_bytes(path, files[rel]):
            with contextlib.suppress(OSError):  # the same content: the file stays as it is
                os.unlink(tmp)
        else:
            replace.append([_rel(folder, tmp), rel])
    journal = {
        "replace": replace,
        "remove": _stale(folder, name, owned, set(files)),
        "manifest": {**(extra or {}), "name": name, "build": build_id, "files": files},
    }
    _write_now(folder / JOURNAL, _dump(journal))
    with _signals_held():
        _carry_out(folder, journal)


def _carry_out(folder: Path, journal: dict) -> None:
    """Do what a journal says (each step may already be done), then delete it."""
    folders = {folder}
    for tmp, final in journal.get("replace", []):
        src, dst = folder / tmp, folder / final
        if src.exists():
            os.replace(src, dst)
            folders.add(dst.parent)
    for rel in journal.get("remove", []):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(folder / rel)
    m = journal.get("manifest") or {}
    if m.get("name"):
        _write_now(folder / m["name"], _dump({k: v for k, v in m.items() if k != "name"}))
    for f in folders:
        _fsync_dir(f)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(folder / JOURNAL)
    _fsync_dir(folder)


def recover(folder: Path) -> bool:
    """Finish a journaled commit that a killed process left half done; True when there was one.
    An unreadable journal (cut short before its own rename cannot happen: it is written
    atomically) is removed, and the folder stays as it was."""
    path = Path(folder) / JOURNAL
    try:
        journal = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(path)
        return False
    _carry_out(Path(folder), journal if isinstance(journal, dict) else {})
    return True


@contextlib.contextmanager
def atomic_write(path: Path, mode: str = "wb") -> Iterator[IO]:
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        binary = "b" in mode
        with os.fdopen(fd, mode, **({} if binary else {"encoding": "utf-8", "newline": "\n"})) as raw:
            fh = _Hashing(raw) if binary else raw
            yield fh
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(tmp, 0o644 & ~_umask())
        staged = _pending.get()
        if staged is not None:
            staged.append((tmp, path))
            if isinstance(fh, _Hashing):
                _digests[tmp] = fh.sha256.hexdigest()
        else:
            _commit([(tmp, path)])
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and exc.filename is None:
            exc.filename = str(path)  # a full disk names the export it was writing
        raise


def staged_path(path: Path) -> Path:
    """Where `path`'s new bytes are while the transaction runs (the file itself outside one, or
    when this transaction has not written it): later exports of the build read what it wrote."""
    path = Path(path)
    for tmp, dest in reversed(_pending.get() or ()):
        if dest == path:
            return Path(tmp)
    return path


def write_bytes(path: Path, data: bytes) -> None:
    with atomic_write(path, "wb") as fh:
        fh.write(data)


def write_text(path: Path, data: str) -> None:
    write_bytes(path, data.encode("utf-8"))
