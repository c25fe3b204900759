"""Incremental builds: each document's extraction, cached on disk by what determines it.

A cache entry's key is sha256 over the extractor's fingerprint, the document id and the
document's text. The fingerprint is `kg.EXTRACTOR_VERSION` plus a hash of the extraction code
and data (kg/nlp, kg/grammar, lexicon, gazetteer, model, kg/data) and the versions of spaCy,
rjieba, jieba and cpca: an edited rule invalidates the cache even when nobody bumped the version.
Re-running on an unchanged corpus with one new report extracts only that report.

Layout: `ROOT/<fingerprint[:16]>/<key[:2]>/<key>.pkl` (a new extractor starts a new folder;
old folders can be deleted at any time). An entry is a header (magic, format version, sha256
of the payload) and a pickle of the DocExtraction without its document text (the text is the
key: the caller's document is put back on load). Writes go to a temporary file renamed into
place, so concurrent builds sharing a cache never see half an entry; an entry that is
truncated, corrupted, of another format or for another document is ignored (re-extracted),
never an error. Like any pickle, the cache folder must be the user's own (not shared with
untrusted users).
"""
from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import hashlib
import os
import pickle
import tempfile
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from . import model
from .model import DocExtraction, SourceDocument

MAGIC = b"LGKG-EXTRACTION\n"
FORMAT = 1
_HEADER = len(MAGIC) + 1 + 32

#: the parts of the package whose code or data decides what a document's extraction is
_CODE = ("nlp", "grammar", "data", "lexicon.py", "measures.py", "gazetteer.py", "model.py", "__init__.py")
_DISTRIBUTIONS = ("spacy", "rjieba", "jieba", "cpca")  # jieba: its dict.txt feeds the person matcher


def _fast_pickling() -> None:
    """Pickle kg.model's frozen dataclasses as constructor calls.

    The default for a frozen, slotted dataclass unpickles through a Python __setstate__ that
    calls dataclasses.fields() per object: loading one corpus's extractions took 6× longer
    than extracting's share of it. A copyreg reducer (class, field values) loads the same
    objects 6× faster (seeds: 66 → 11 ms); worker results, Dask results and cache entries all
    go through it. Classes with init=False fields or a __post_init__ keep the default."""
    for obj in vars(model).values():
        if not (isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == model.__name__):
            continue
        fields = dataclasses.fields(obj)
        if hasattr(obj, "__post_init__") or not all(f.init for f in fields):
            continue
        names = tuple(f.name for f in fields)

        def reduce(o, cls=obj, names=names):
            return cls, tuple(getattr(o, n) for n in names)

        copyreg.pickle(obj, reduce)


_fast_pickling()


def default_cache_dir() -> Path:
    """$LGKG_CACHE_DIR, else $XDG_CACHE_HOME/lgkg, else ~/.cache/lgkg."""
    env = os.environ.get("LGKG_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "lgkg"


def current_fingerprint() -> str:
    """A hex digest that changes whenever extraction output may change (computed afresh)."""
    from importlib import metadata

    from . import EXTRACTOR_VERSION

    h = hashlib.sha256(f"lgkg-extractor\x1f{EXTRACTOR_VERSION}\x1f".encode())
    pkg = Path(__file__).resolve().parent
    for part in _CODE:
        p = pkg / part
        files = sorted(q for q in p.rglob("*") if q.is_file() and "__pycache__" not in q.parts
                       and q.suffix != ".pyc") if p.is_dir() else [p]
        for f in files:
            with contextlib.suppress(OSError):
                h.update(f.relative_to(pkg).as_posix().encode() + b"\x00")
                h.update(hashlib.sha256(f.read_bytes()).digest())
    for dist in _DISTRIBUTIONS:
        try:
            v = metadata.version(dist)
        except metadata.PackageNotFoundError:
            v = "-"
        h.update(f"{dist}={v}\x1f".encode())
    return h.hexdigest()


#: the fingerprint, computed once per process (what cache keys use)
extractor_fingerprint = lru_cache(maxsize=1)(current_fingerprint)


def document_key(document: SourceDocument, fingerprint: str | None = None) -> str:
    h = hashlib.sha256()
    h.update((fingerprint or extractor_fingerprint()).encode() + b"\x1f")
    h.update(document.doc_id.encode("utf-8", "surrogatepass") + b"\x1f")
    h.update(document.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def strip_text(ex: DocExtraction) -> DocExtraction:
    """The extraction without its document's text (what crosses a process boundary or the disk)."""
    return replace(ex, document=replace(ex.document, text=""))


def restore_text(ex: DocExtraction, document: SourceDocument) -> DocExtraction:
    """Put the caller's document back into a stripped extraction."""
    if ex.document.doc_id != document.doc_id:
        raise ValueError(f"extraction of {ex.document.doc_id!r} returned for {document.doc_id!r}")
    return replace(ex, document=document)


class ExtractionCache:
    """Per-document extractions on disk under `root` (see the module doc)."""

    def __init__(self, root: Path | str | None = None) -> None:
        self.root = Path(root) if root is not None else default_cache_dir()
        self.fingerprint = extractor_fingerprint()
        self.dir = self.root / self.fingerprint[:16]
        self.hits = 0
        self.misses = 0
        self.write_errors = 0

    def path(self, document: SourceDocument) -> Path:
        key = document_key(document, self.fingerprint)
        return self.dir / key[:2] / f"{key}.pkl"

    def get(self, document: SourceDocument) -> DocExtraction | None:
        """The cached extraction of `document`, or None (missing or unusable entry)."""
        ex = self._load(self.path(document), document)
        if ex is None:
            self.misses += 1
        else:
            self.hits += 1
        return ex

    @staticmethod
    def _load(path: Path, document: SourceDocument) -> DocExtraction | None:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            if len(data) < _HEADER or not data.startswith(MAGIC) or data[len(MAGIC)] != FORMAT:
                return None
            payload = data[_HEADER:]
            if hashlib.sha256(payload).digest() != data[len(MAGIC) + 1:_HEADER]:
                return None
            ex = pickle.loads(payload)
            if not isinstance(ex, DocExtraction) or ex.document.doc_id != document.doc_id:
                return None
            return restore_text(ex, document)
        except Exception:  # noqa: BLE001 - a bad entry is a miss, whatever is wrong with it
            return None

    def put(self, ex: DocExtraction) -> None:
        """Store an extraction; failures (read-only or full disk) only count in write_errors."""
        path = self.path(ex.document)
        payload = pickle.dumps(strip_text(ex), protocol=pickle.HIGHEST_PROTOCOL)
        data = MAGIC + bytes([FORMAT]) + hashlib.sha256(payload).digest() + payload
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.stem[:16]}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
            tmp = None
        except OSError:
            self.write_errors += 1
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
