"""A build's entity resolution kept between builds, so that adding a report hears that report alone.

Resolution is a fold over documents (kg.resolve.Resolution); its state depends on the documents
heard and on the code, nothing else. After a build it is kept in the cache:

`ROOT/resolution/<stamp[:16]>/<name>/index.json`: the documents the fold heard (id and cache key,
which covers the extractor and the text) and the SHA-256 of `fold.msgpack` beside it, the fold
(written first; a fold that is not the one its index was written with is passed over). `<name>` is
a digest of the document ids. A later build under the same code (kg.build.code_stamp) takes up the kept
fold with the most documents, provided it still has every one of them with the same text, and
hears only the others; a fold that names a removed or changed report, a damaged file or another
code's fold is passed over (the build then hears every document, as without it). Several
corpora may share one cache: up to KEEP folds are kept, the least recently taken dropped first;
and the folds of up to KEEP codes (checkouts of other code sharing the cache), the least
recently written dropped first.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import msgspec

from .cache import ExtractionCache, replace_file
from .model import SourceDocument
from .resolve import Resolution, ResolutionState

#: how many folds (corpora) a cache keeps under one code
KEEP = 4
_INDEX_FILE, _FOLD = "index.json", "fold.msgpack"


class _Index(msgspec.Struct, frozen=True):
    sha256: str  # the fold's file
    documents: list[tuple[str, str]]  # (document id, cache key)


_INDEX = msgspec.json.Decoder(_Index)
_FOLD_DECODER = msgspec.msgpack.Decoder(ResolutionState)


class KeptResolutions:
    """The folds a cache keeps under code `stamp`."""

    def __init__(self, cache: ExtractionCache, stamp: str) -> None:
        self.cache = cache
        self.folder = cache.root / "resolution" / stamp[:16]

    def take(self, documents: Sequence[SourceDocument],
             usable: Callable[[SourceDocument], bool] = lambda _d: True) -> Resolution | None:
        """The kept fold of the most of `documents` (each as it is now, and `usable`: checked
        under this build's validation), or None."""
        ours = {d.doc_id: d for d in documents}
        best: tuple[int, Path, _Index] | None = None
        for path in self._indexes():
            try:
                index = _INDEX.decode(path.read_bytes())
            except (OSError, msgspec.DecodeError, msgspec.ValidationError):
                continue
            if (best is None or len(index.documents) > best[0]) and self._holds(index, ours, usable):
                best = (len(index.documents), path, index)
        if best is None:
            return None
        _, path, index = best
        try:
            data = (path.parent / _FOLD).read_bytes()
            if hashlib.sha256(data).hexdigest() != index.sha256:
                return None
            state = _FOLD_DECODER.decode(data)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return None
        if sorted(t.doc_id for t in state.told) != sorted(doc_id for doc_id, _ in index.documents):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # taken: the last to be dropped
        return Resolution.restored(state, ours)

    def _holds(self, index: _Index, ours: dict[str, SourceDocument], usable: Callable[[SourceDocument], bool]) -> bool:
        for doc_id, key in index.documents:
            d = ours.get(doc_id)
            if d is None or self.cache.key(d) != key or not usable(d):
                return False
        return bool(index.documents)

    def keep(self, resolution: Resolution, documents: Sequence[SourceDocument]) -> bool:
        """Keep `resolution`, a fold of `documents` (those of its ids); False when it could not be
        written (a read-only or full disk: the next build hears every document)."""
        heard = sorted(resolution.heard)
        by_id = {d.doc_id: d for d in documents}
        fold = msgspec.msgpack.encode(resolution.state())
        index = _Index(hashlib.sha256(fold).hexdigest(), [(doc_id, self.cache.key(by_id[doc_id])) for doc_id in heard])
        name = hashlib.sha256("\x1f".join(heard).encode("utf-8", "surrogatepass")).hexdigest()[:32]
        path = self.folder / name / _INDEX_FILE
        written = replace_file(path.parent / _FOLD, fold) and replace_file(path, msgspec.json.encode(index))
        del fold
        self._prune()
        return written

    def _indexes(self) -> list[Path]:
        try:
            return sorted(self.folder.glob(f"*/{_INDEX_FILE}"))
        except OSError:
            return []

    def _prune(self) -> None:
        """Drop all but the KEEP most recently taken or kept folds, and the folds of all but the
        KEEP codes that last kept one (a fold is as large as the corpus's records)."""
        for path in sorted(self._indexes(), key=_modified, reverse=True)[KEEP:]:
            shutil.rmtree(path.parent, ignore_errors=True)
        with contextlib.suppress(OSError):
            self.folder.touch()
            codes = sorted((p for p in self.folder.parent.iterdir() if p.is_dir()), key=_modified, reverse=True)
            for old in codes[KEEP:]:
                shutil.rmtree(old, ignore_errors=True)


def _modified(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return 0.0


def worth_keeping(before: int, now: int) -> bool:
    """Whether a build that took up a fold of `before` documents and heard `now` in all keeps its
    fold: always when it took none, else once the documents heard anew are over a tenth (a build
    that adds one report to a large corpus does not rewrite the whole fold)."""
    return now > before and (before == 0 or now - before > before // 10)
