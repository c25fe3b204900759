"""The main job as a function a notebook can call: reports → graph.ttl + graph.html.

text → documents (reader) → mentions and relations (kg.nlp) → entities (resolve) → graph → exports.
"""
from __future__ import annotations

import contextlib
import hashlib
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import collector
from .model import DocExtraction, KnowledgeBase, SourceDocument
from .reader import InputError, Skipped, find_inputs, read_all

if TYPE_CHECKING:
    from .cache import ExtractionCache
    from .export.parts import PartFiles
    from .graph import DocumentRecords
    from .parallel import Keep, SpareWorker
    from .validate import Report

DEFAULT_INPUT = Path("seeds")
DEFAULT_OUT = Path("exports")


class BuildError(Exception):
    """Bad options or paths: the CLI exits 2 with this one-line message."""


class NothingToBuild(BuildError):
    """The inputs hold no readable report: nothing is written (the CLI exits 1)."""


class WriteError(BuildError):
    """An export could not be written (a full disk, an I/O error): none was replaced (exit 1)."""


#: the build's manifest in the output folder: the build's id and each file's SHA-256
MANIFEST = "build.json"
#: the texts of converted inputs (PDF, DOCX, HTML), which their evidence offsets refer to
TEXTS_DIR = "texts"


@dataclass(frozen=True)
class BuildResult:
    """What a build made. A build that found nothing new (see `build`) holds no knowledge base:
    `kb` is then loaded on first use (from the extraction cache), and the summary (documents,
    skipped files, counts, years, places) comes from the previous build's manifest."""

    _kb: KnowledgeBase | None
    outputs: tuple[Path, ...]
    seconds: float
    entity_counts: dict[str, int] = field(default_factory=dict)
    relation_counts: dict[str, int] = field(default_factory=dict)
    #: documents_cached / documents_extracted, and seconds per stage (read, extract, resolve, turtle, ...);
    #: unchanged = 1 when nothing was new and nothing was done
    stats: dict[str, float] = field(default_factory=dict)
    summary: dict = field(default_factory=dict, repr=False, compare=False)
    load: Callable[[], KnowledgeBase] | None = field(default=None, repr=False, compare=False)

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            object.__setattr__(self, "_kb", self.load())  # type: ignore[misc]
        return self._kb  # type: ignore[return-value]

    @property
    def documents(self) -> tuple[tuple[str, str], ...]:
        """(path, encoding) of each document read."""
        if self._kb is None and "documents" in self.summary:
            return tuple(tuple(d) for d in self.summary["documents"])  # type: ignore[misc]
        return tuple((d.path, d.encoding) for d in self.kb.documents)

    @property
    def skipped(self) -> tuple[tuple[str, str], ...]:
        if self._kb is None and "skipped" in self.summary:
            return tuple(tuple(s) for s in self.summary["skipped"])  # type: ignore[misc]
        return self.kb.skipped

    @property
    def years(self) -> tuple[int, ...]:
        """The years the reports (and sections) speak of."""
        if self._kb is None and "years" in self.summary:
            return tuple(self.summary["years"])
        return tuple(sorted({c.year for _, c in self.kb.contexts if c.year is not None}))

    @property
    def places(self) -> tuple[str, ...]:
        """The places the reports (and sections) speak for."""
        if self._kb is None and "places" in self.summary:
            return tuple(self.summary["places"])
        return tuple(sorted({c.local for _, c in self.kb.contexts if c.local}))

    def summarise(self) -> dict:
        """What a later build with nothing new reports without loading the knowledge base."""
        return {"documents": [list(d) for d in self.documents], "skipped": [list(s) for s in self.skipped],
                "years": list(self.years), "places": list(self.places),
                "entity_counts": self.entity_counts, "relation_counts": self.relation_counts}


def check_out_dir(out: Path) -> None:
    try:
        out.stat()
    except FileNotFoundError:
        if out.is_symlink():
            raise BuildError(f"{out}: cannot create output folder (a symlink to a missing folder)") from None
    except OSError as exc:  # a loop of symlinks, a name too long, no permission
        raise BuildError(f"{out}: cannot create output folder ({exc.strerror or exc})") from None
    if out.exists() and not out.is_dir():
        raise BuildError(f"{out}: output path exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"{out}: cannot create output folder ({exc.strerror or exc})") from None
    probe = out / ".kg-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise BuildError(f"{out}: output folder is not writable ({exc.strerror or exc})") from None
    from .export.atomic import clean_stale_temps, recover

    recover(out)  # a build killed while committing is finished first
    clean_stale_temps(out)  # temporary files of a build that was killed mid-write
    clean_stale_temps(out / TEXTS_DIR)


class Engine(str, Enum):
    """Where the reports are extracted."""

    LOCAL = "local"  # this process, or `jobs` worker processes
    DASK = "dask"    # a Dask cluster (a local one of `jobs` workers, or a scheduler's)


#: the engines' names, as the option takes them
ENGINES = tuple(e.value for e in Engine)


def engine_of(value: str | Engine) -> Engine:
    """The engine a name names; BuildError for an unknown one."""
    try:
        return Engine(value)
    except ValueError:
        raise BuildError(f"unknown engine {value!r} (one of {', '.join(ENGINES)})") from None


class Validation(str, Enum):
    """What `kg build` checks before it writes (a failing check raises ValidationFailed)."""

    RECORDS = "records"  # the shapes' constraints on the typed records (kg.invariants): the default
    SHAPES = "shapes"    # the SHACL shapes by shifty, on the documents not checked before, in groups
    FULL = "full"        # the SHACL shapes by pyshacl (the reference) on the whole graph
    OFF = "off"


#: the option's former names
_VALIDATION_ALIASES = {"fast": Validation.SHAPES}


def validation(value: str | Validation) -> Validation:
    """The validation a `--validate` value names; BuildError for an unknown one."""
    try:
        return _VALIDATION_ALIASES.get(value) or Validation(value)
    except ValueError:
        raise BuildError(f"validate must be one of {', '.join(v.value for v in Validation)} (got {value!r})") \
            from None


def extract_documents(documents: Sequence[SourceDocument],
                      on_done: Callable[[SourceDocument], None] | None = None, *,
                      jobs: int = 1, engine: str | Engine = Engine.LOCAL, scheduler: str | None = None,
                      cache: ExtractionCache | None = None, stats: dict | None = None,
                      mentions: bool = True, spare: SpareWorker | None = None,
                      heard: Callable[[DocExtraction], None] | None = None) -> list[DocExtraction]:
    """Extractions of `documents`, in their order: from `cache` where it has them, the others in
    this process (jobs=1), in `jobs` worker processes, or on a Dask cluster (engine="dask",
    `scheduler` an address such as tcp://host:8786, or None for a local cluster of `jobs`).
    The result does not depend on jobs, engine or cache; without `mentions` the extractions hold
    their mentions' namings instead (DocExtraction.summarised: all resolution reads, the same
    knowledge base, in less memory). `spare`: a worker already starting (kg.parallel.spare_worker),
    which extracts the new reports with a cache and workers, else is shut down. `heard` is handed
    each extraction once, as soon as it is read or made (kg.resolve.Resolution.hear: the cached
    ones are resolved while the new ones are being extracted)."""
    engine = engine_of(engine)
    if scheduler and engine is not Engine.DASK:
        raise BuildError("a scheduler address needs the dask engine (--engine dask)")
    if jobs < 1:
        raise BuildError(f"jobs must be at least 1 (got {jobs})")
    found: dict[str, DocExtraction] = {}

    def take(ex: DocExtraction) -> None:
        found[ex.document.doc_id] = ex
        if heard is not None:
            heard(ex)
    todo, started = list(documents), None
    keep = _keeper(cache, mentions)
    with_workers = cache is not None and engine is Engine.LOCAL and jobs > 1
    if spare is not None and not with_workers:
        spare.discard()
    if cache is not None:
        # with workers, the reports the cache has no entry for are extracted while it is read
        started = _start_fresh(documents, cache, jobs, spare) if with_workers else None
        todo = _read_cache(documents, cache, take, started, on_done, mentions)
        if started is not None:
            for ex in started.results(on_done, keep):
                take(ex)
    for ex in _extract(todo, engine, scheduler, jobs, on_done, keep):
        take(ex)
    n_extracted = len(todo) + (len(started.documents) if started is not None else 0)
    if stats is not None:
        stats["documents_cached"] = len(documents) - n_extracted
        stats["documents_extracted"] = n_extracted
    return [found[d.doc_id] for d in documents]


def _start_fresh(documents: Sequence[SourceDocument], cache: ExtractionCache, jobs: int,
                 spare: SpareWorker | None):
    """The reports without a cache entry, already extracting in `jobs` workers or the `spare`
    one (None: none, and the spare shut down)."""
    from .parallel import Started

    fresh = [d for d in documents if not cache.has(d)]
    if not fresh and spare is not None:
        spare.discard()
    return Started(fresh, jobs, spare) if fresh else None


def _read_cache(documents: Sequence[SourceDocument], cache: ExtractionCache, take: Callable[[DocExtraction], None],
                started, on_done: Callable[[SourceDocument], None] | None, mentions: bool) -> list[SourceDocument]:
    """Hand each cached extraction to `take`; the documents whose entry proved missing or
    unusable (those `started` extracts are neither). A failure stops the started workers."""
    running = {d.doc_id for d in started.documents} if started is not None else set()
    todo = []
    try:
        for d in documents:
            if d.doc_id in running:
                continue
            ex = cache.get(d, mentions=mentions)
            if ex is None:
                todo.append(d)
                continue
            take(ex)
            if on_done:
                on_done(d)
    except BaseException:
        if started is not None:
            started.cancel()
        raise
    return todo


def _extract(documents: Sequence[SourceDocument], engine: Engine, scheduler: str | None, jobs: int,
             on_done: Callable[[SourceDocument], None] | None, keep: Keep) -> list[DocExtraction]:
    if engine is Engine.DASK:
        from .engine_dask import EngineError, extract_dask

        try:
            return extract_dask(documents, scheduler=scheduler, jobs=jobs, on_done=on_done, keep=keep)
        except EngineError as exc:
            raise BuildError(str(exc)) from None
    from .parallel import extract_parallel

    return extract_parallel(documents, jobs, on_done, keep)


def _keeper(cache: ExtractionCache | None, mentions: bool) -> Keep:
    """What becomes of a new extraction as it comes in: stored in the cache for the next build,
    and kept whole or (without `mentions`) summarised, so that a corpus's mentions are never
    all in memory at once (DocExtraction.summarised)."""
    if cache is None and mentions:
        return None

    def keep(ex: DocExtraction) -> DocExtraction:
        small = ex.summarised()  # its namings made once, for the entry and for resolution
        if cache is not None:
            cache.put(ex, small.named)
        return ex if mentions else small
    return keep


def _nothing_read(files: Sequence[Path], skipped: Sequence[tuple[str, str]]) -> str:
    if not files:
        return "no .txt, .pdf, .docx or .html file"
    return f"{len(skipped)} file{'s' if len(skipped) != 1 else ''} skipped"


def _input_files(inputs: Sequence[Path]) -> list[Path]:
    """The report files of `inputs` (folders or files); a bad path (InputError) is a BuildError."""
    try:
        return find_inputs(inputs)
    except InputError as exc:
        raise BuildError(str(exc)) from None


def _nothing_to_build(inputs: Sequence[Path], files: Sequence[Path],
                      skipped: Sequence[tuple[str, str]]) -> NothingToBuild:
    return NothingToBuild(f"{', '.join(str(p) for p in inputs)}: no readable report "
                          f"({_nothing_read(files, skipped)}); nothing written")


def write_texts(documents: Sequence[SourceDocument], out: Path) -> list[Path]:
    """OUT/texts/<identifier>.txt for each converted input: the text its offsets refer to."""
    from .export.atomic import write_text
    from .model import InputFormat

    converted = [d for d in documents if d.form is not InputFormat.TEXT]
    if not converted:
        return []
    folder = out / TEXTS_DIR
    folder.mkdir(exist_ok=True)
    paths = []
    for d in converted:
        path = folder / f"{d.doc_id}.txt"
        write_text(path, d.text)
        paths.append(path)
    return paths


def build_kb(inputs: Sequence[Path],
             on_read: Callable[[int], None] | None = None,
             on_done: Callable[[SourceDocument], None] | None = None,
             on_skip: Callable[[Skipped], None] | None = None, *,
             jobs: int = 1, engine: str | Engine = Engine.LOCAL, scheduler: str | None = None,
             cache: ExtractionCache | None = None, stats: dict | None = None) -> KnowledgeBase:
    return _build_kb(inputs, on_read, on_done, on_skip, jobs=jobs, engine=engine, scheduler=scheduler,
                     cache=cache, stats=stats)[0]


def _build_kb(inputs: Sequence[Path],
              on_read: Callable[[int], None] | None = None,
              on_done: Callable[[SourceDocument], None] | None = None,
              on_skip: Callable[[Skipped], None] | None = None, *,
              jobs: int = 1, engine: str | Engine = Engine.LOCAL, scheduler: str | None = None,
              cache: ExtractionCache | None = None, stats: dict | None = None,
              unchecked: Callable[[SourceDocument], bool] | None = None,
              ) -> tuple[KnowledgeBase, list[DocExtraction], Callable[[], None]]:
    """The knowledge base, the extractions of the documents `unchecked` selects (those not yet
    validated), and what keeps the build's resolution in the cache once it has passed its check
    (kg.kept_resolution; nothing without a cache, or when not worth it)."""
    stats = {} if stats is None else stats
    t0 = time.perf_counter()
    with collector.paused():  # loading, extraction and resolution make no reference cycles
        return _read_extract_resolve(inputs, on_read, on_done, on_skip, jobs=jobs, engine=engine,
                                     scheduler=scheduler, cache=cache, stats=stats, unchecked=unchecked,
                                     t0=t0)


def _read_extract_resolve(inputs, on_read, on_done, on_skip, *, jobs: int, engine: str | Engine, scheduler: str | None,
                          cache: ExtractionCache | None, stats: dict,
                          unchecked: Callable[[SourceDocument], bool] | None,
                          t0: float) -> tuple[KnowledgeBase, list[DocExtraction], Callable[[], None]]:
    from .kept_resolution import KeptResolutions, worth_keeping
    from .parallel import spare_worker
    from .resolve import Resolution

    # a rebuild from a cache has few new reports: one worker starts up while the inputs are read
    rebuild = cache is not None and engine_of(engine) is Engine.LOCAL and jobs > 1 and cache.holds_entries()
    with spare_worker(rebuild) as spare:
        files = _input_files(inputs)
        docs: list[SourceDocument] = []
        skipped: list[tuple[str, str]] = []
        for item in read_all(files):
            if isinstance(item, Skipped):
                skipped.append((item.path, item.problem))
                if on_skip:
                    on_skip(item)
            else:
                docs.append(item)
        if not docs:
            raise _nothing_to_build(inputs, files, skipped)
        if on_read:
            on_read(len(docs))
        t1 = time.perf_counter()
        kept = KeptResolutions(cache, code_stamp()) if cache is not None else None
        # a fold kept by an earlier build of these documents is taken up (all of them checked)
        resolution = kept.take(docs, lambda d: unchecked is None or not unchecked(d)) if kept is not None else None
        resolution = resolution or Resolution()  # resolution reads the mentions' namings
        before = resolution.heard
        if on_done:
            for d in docs:
                if d.doc_id in before:
                    on_done(d)
        exs = extract_documents([d for d in docs if d.doc_id not in before], on_done, jobs=jobs, engine=engine,
                                scheduler=scheduler, cache=cache, stats=stats, mentions=False, spare=spare,
                                heard=resolution.hear)
    t2 = time.perf_counter()
    kb = resolution.knowledge_base(skipped)
    stats.update(read_seconds=t1 - t0, extract_seconds=t2 - t1, resolve_seconds=time.perf_counter() - t2,
                 documents_cached=stats["documents_cached"] + len(before), documents_resolved_before=len(before))

    def keep() -> None:
        if kept is not None and worth_keeping(len(before), len(resolution.heard)):
            t = time.perf_counter()
            if not kept.keep(resolution, docs):
                cache.write_errors += 1
            stats["keep_resolution_seconds"] = time.perf_counter() - t
    return kb, [ex for ex in exs if unchecked(ex.document)] if unchecked is not None else [], keep


def build(inputs: Sequence[Path] = (DEFAULT_INPUT,), out: Path = DEFAULT_OUT, *,
          html: bool = True,
          on_read: Callable[[int], None] | None = None,
          on_done: Callable[[SourceDocument], None] | None = None,
          on_skip: Callable[[Skipped], None] | None = None,
          jobs: int = 1, engine: str | Engine = Engine.LOCAL, scheduler: str | None = None,
          cache_dir: Path | None = None, formats: Sequence[str] = (),
          validate: str | Validation = Validation.RECORDS) -> BuildResult:
    """Build the graph of `inputs` (folders or files: .txt, .pdf, .docx, .html) into `out`;
    the build's files are committed together (kg.export.atomic), with `out`/build.json naming
    them. Raises NothingToBuild, writing nothing, when no input is a readable report.

    formats: more exports besides Turtle and HTML (kg.export.formats: jsonld, nt, trig, nq, graphml,
    all); validate: a Validation or its name ("records", the default; "shapes", formerly "fast";
    "full"; "off"); a graph that fails it raises kg.validate.ValidationFailed before any file is
    written.

    jobs: extraction processes (or Dask workers of a local cluster); engine: "local" or "dask"
    (`scheduler`: a Dask scheduler address, None for a local cluster); cache_dir: reuse and keep
    per-document extractions there (None: no cache). The output bytes depend on none of them."""
    t0 = time.perf_counter()
    validate = validation(validate)
    engine = engine_of(engine)
    if formats:
        from .export.formats import FormatError, parse_formats

        try:
            formats = parse_formats(formats)
        except FormatError as exc:
            raise BuildError(str(exc)) from None
    files = _input_files(inputs)  # a bad path fails before the output folder is created
    if not files:
        raise _nothing_to_build(inputs, files, ())
    created = not out.exists()
    check_out_dir(out)
    stamp = None
    if cache_dir is not None:  # a rebuild with nothing new (inputs, options, code) does nothing
        t = time.perf_counter()
        stamp = inputs_stamp(files, html=html, formats=formats, validate=validate)
        done = _unchanged(out, stamp, t0)
        if done is not None:
            loader = _loader(inputs, jobs=jobs, engine=engine, scheduler=scheduler, cache_dir=cache_dir)
            done.stats["stamp_seconds"] = time.perf_counter() - t
            return BuildResult(None, done.outputs, time.perf_counter() - t0, done.entity_counts,
                               done.relation_counts, done.stats, done.summary, loader)
    from .export.atomic import transaction
    from .export.formats import FORMATS

    # every file of the build becomes visible together (journaled: even a kill between the
    # renames is finished by the next build), with build.json naming them; exports of an
    # earlier build that this one does not write (graph.nt, texts/…) are removed with it
    owned = ("graph.ttl", "graph.html", *FORMATS.values(), f"{TEXTS_DIR}/*.txt")
    extra: dict = {}
    try:
        with transaction(out, manifest=MANIFEST, owned=owned, extra=extra):
            result = _build(inputs, out, html=html, on_read=on_read, on_done=on_done, on_skip=on_skip,
                            jobs=jobs, engine=engine, scheduler=scheduler, cache_dir=cache_dir,
                            formats=formats, validate=validate, t0=t0)
            if stamp is not None:
                extra.update(inputs=stamp, summary=result.summarise(),
                             outputs=[_rel_out(out, p) for p in result.outputs])
            return result
    except OSError as exc:
        where = exc.filename or out
        raise WriteError(f"{where}: cannot write ({exc.strerror or exc}); "
                         "no export was replaced") from None
    except NothingToBuild:
        if created:  # a folder made for this build and left empty goes with it
            with contextlib.suppress(OSError):
                out.rmdir()
        raise


# ---------------------------------------------------------------------------- incremental builds

_PKG = Path(__file__).resolve().parent
#: distributions whose versions decide what the graph's exports and checks are
_OUTPUT_DISTRIBUTIONS = ("rdflib", "pyoxigraph", "pyshifty", "pyshacl")


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """A digest of everything besides the inputs that decides a build's output and checks: the
    extractor's fingerprint (kg.cache), every file of the kg package, the ontology and shapes,
    and the versions of the RDF libraries."""
    from .cache import extractor_fingerprint, hash_files, hash_versions, source_files
    from .resources import ONTOLOGY_PATH, SHAPES_PATH

    files = hashlib.sha256()
    hash_files(files, source_files(_PKG), _PKG)
    h = hashlib.sha256(f"lgkg-build\x1f{extractor_fingerprint()}\x1f{files.hexdigest()}\x1f".encode())
    for p in (ONTOLOGY_PATH, SHAPES_PATH):
        with contextlib.suppress(OSError):
            h.update(hashlib.sha256(p.read_bytes()).digest())
    hash_versions(h, _OUTPUT_DISTRIBUTIONS)
    return h.hexdigest()


def validation_stamp(validate: Validation) -> str:
    """What a document's validated mark in the cache is made under: the code, and the check."""
    return hashlib.sha256(f"{code_stamp()}\x1f{validate.value}".encode()).hexdigest()


def inputs_stamp(files: Sequence[Path], *, html: bool, formats: Sequence[str], validate: Validation) -> str:
    """A digest of a build's inputs (each file's path and bytes), options and code: equal
    stamps, equal outputs."""
    h = hashlib.sha256(f"{code_stamp()}\x1f{int(html)}\x1f{','.join(formats)}\x1f{validate.value}\x1f".encode())
    for f in files:
        h.update(str(f).encode("utf-8", "surrogatepass") + b"\x00")
        try:
            h.update(hashlib.sha256(f.read_bytes()).digest())
        except OSError as exc:  # read again (and reported) by the build itself
            h.update(f"unreadable {exc.errno}".encode())
    return h.hexdigest()


def _rel_out(out: Path, p: Path) -> str:
    import os

    return Path(os.path.relpath(p, out)).as_posix()


def _unchanged(out: Path, stamp: str, t0: float) -> BuildResult | None:
    """The previous build in `out`, when it was made from the same stamp and every file its
    manifest names still holds the bytes it wrote; else None (a build is needed)."""
    from .export.atomic import _sha256, read_manifest

    m = read_manifest(out, MANIFEST)
    if m.get("inputs") != stamp or not isinstance(m.get("files"), dict) or not isinstance(m.get("summary"), dict):
        return None
    for rel, digest in m["files"].items():
        try:
            if _sha256(out / rel) != digest:
                return None
        except OSError:
            return None
    summary = m["summary"]
    outputs = tuple(out / rel for rel in m.get("outputs") or m["files"])
    docs = len(summary.get("documents") or ())
    return BuildResult(None, outputs, time.perf_counter() - t0, dict(summary.get("entity_counts") or {}),
                       dict(summary.get("relation_counts") or {}),
                       {"unchanged": 1, "documents_cached": docs, "documents_extracted": 0}, summary)


def _loader(inputs: Sequence[Path], **kw) -> Callable[[], KnowledgeBase]:
    def load() -> KnowledgeBase:
        from .cache import ExtractionCache

        args = dict(kw)
        return build_kb(inputs, cache=ExtractionCache(args.pop("cache_dir")), **args)
    return load


#: the documents whose graphs the SHACL shapes check together hold up to about this many characters
CHECK_CHARS = 500_000


def check_groups(todo: Sequence[DocExtraction], limit: int = CHECK_CHARS) -> list[list[DocExtraction]]:
    """The documents to validate, in their order, in groups of up to `limit` characters (one
    longer document is a group of its own)."""
    groups: list[list[DocExtraction]] = []
    size = limit
    for ex in todo:
        n = len(ex.document.text)
        if size + n > limit:
            groups.append([])
            size = 0
        groups[-1].append(ex)
        size += n
    return groups


def _check(kb: KnowledgeBase, todo: Sequence[DocExtraction], cache: ExtractionCache | None,
           validate: Validation, stats: dict, jobs: int = 1, records: Sequence[DocumentRecords] | None = None) -> None:
    """Validation before anything is written; `todo`: the documents not validated before (all of
    them without a cache). RECORDS: the shapes' constraints on the records the graph is made
    from (kg.invariants; a 10× build spent 10 s of 17 s in the shapes, the records take a
    fraction of a second), a document's own records (`records`) only when it is in `todo`, the
    corpus-wide ones always. SHAPES: the shapes run on the documents not validated before
    (all of them without a cache), in groups of about CHECK_CHARS characters, each group's graph
    resolved from its documents alone: time linear in the corpus,
    memory bounded by the group (the whole 100× graph at once took 131 s and 6 GiB), the groups
    shared among `jobs` forked processes. Each shape reads one document's records (an entity's
    one label and type, a relation and its evidence, a figure and its data set), which resolution
    only merges; `kg validate` runs the shapes on the whole graph. Each document that passed is
    marked validated in the cache. FULL (pyshacl, the reference) checks the whole graph."""
    from . import validate as shacl

    t = time.perf_counter()
    stats["documents_validated"] = len(kb.documents)
    if validate is Validation.RECORDS:
        from . import invariants

        fresh = {ex.document.doc_id for ex in todo}
        invariants.check(kb, {d.doc_id for d in kb.documents} - fresh, records)
        if cache is not None:
            stamp = validation_stamp(validate)
            for ex in todo:
                cache.mark_validated(ex.document, stamp)
        stats["documents_validated"] = len(fresh)
    elif validate is Validation.FULL:
        shacl.check(kb, shacl.Engine.PYSHACL)
    else:
        from .parallel import forks, map_forked, release_memory

        groups = check_groups(todo, CHECK_CHARS)
        stamp = validation_stamp(validate)
        here = not forks(jobs, len(groups))
        for group, report in zip(groups, map_forked(lambda i: _check_group(groups[i]), len(groups), jobs), strict=True):
            if report is not None:
                raise shacl.ValidationFailed(report)
            if cache is not None:
                for ex in group:
                    cache.mark_validated(ex.document, stamp)
            if here:  # the group's graph was made in this process: its memory goes back now
                release_memory()
        stats["documents_validated"] = len(todo)
    stats["validate_seconds"] = time.perf_counter() - t


def _check_group(group: Sequence[DocExtraction]) -> Report | None:
    """The report of a group of documents' graph when it does not conform, else None."""
    from . import validate as shacl
    from .resolve import resolve

    try:
        shacl.check(resolve(group, ()), shacl.Engine.SHIFTY)
    except shacl.ValidationFailed as failed:
        return failed.report
    return None


def _build(inputs: Sequence[Path], out: Path, *, html: bool, on_read, on_done, on_skip, jobs: int,
           engine: Engine, scheduler: str | None, cache_dir: Path | None, formats: Sequence[str],
           validate: Validation, t0: float) -> BuildResult:
    """The build's stages with the cyclic collector paused: they keep millions of small objects
    alive (the knowledge base, the triples being sorted, the viewer's index), which its passes
    would walk again and again (about 40% of the time after extraction), and make little cyclic
    garbage; release_memory collects it after the stages that make it."""
    with collector.paused():
        return _build_stages(inputs, out, html=html, on_read=on_read, on_done=on_done, on_skip=on_skip,
                             jobs=jobs, engine=engine, scheduler=scheduler, cache_dir=cache_dir,
                             formats=formats, validate=validate, t0=t0)


def _build_stages(inputs: Sequence[Path], out: Path, *, html: bool, on_read, on_done, on_skip, jobs: int,
                  engine: Engine, scheduler: str | None, cache_dir: Path | None, formats: Sequence[str],
                  validate: Validation, t0: float) -> BuildResult:
    cache = None
    if cache_dir is not None:
        from .cache import ExtractionCache

        cache = ExtractionCache(cache_dir)
    stats: dict = {}
    unchecked = None
    if validate in (Validation.RECORDS, Validation.SHAPES):
        stamp = validation_stamp(validate)

        def unchecked(d: SourceDocument) -> bool:
            return cache is None or not cache.is_validated(d, stamp)
    kb, todo, keep_resolution = _build_kb(inputs, on_read, on_done, on_skip, jobs=jobs, engine=engine,
                                          scheduler=scheduler, cache=cache, stats=stats, unchecked=unchecked)
    from .parallel import release_memory

    release_memory(collect=False)  # the extractions are merged into kb: their memory goes back to the OS
    from .graph import document_records

    records = document_records(kb)
    if validate is not Validation.OFF:  # before any write: a graph failing the shapes replaces no export
        _check(kb, todo, cache, validate, stats, jobs if engine is Engine.LOCAL else 1, records)
        del todo
        release_memory(collect=validate is not Validation.RECORDS)  # the shapes' rdflib graphs hold cycles
    keep_resolution()  # checked: the next build may take it up
    del keep_resolution  # the fold's sets and maps go
    outputs = _write_graph(kb, records, out, html=html, jobs=jobs if engine is Engine.LOCAL else 1, cache=cache,
                           stats=stats)
    if formats:  # every other format reads graph.ttl's triples: one triple path, no rdflib graph
        from .export.atomic import staged_path
        from .export.formats import read_triples, write_formats

        t = time.perf_counter()
        triples = read_triples(staged_path(outputs[0]))
        stats["graph_seconds"] = time.perf_counter() - t
        t = time.perf_counter()
        outputs += write_formats(triples, out, formats)
        stats["formats_seconds"] = time.perf_counter() - t
    return _result(kb, outputs, t0, stats)


@contextlib.contextmanager
def _parts_folder(cache: ExtractionCache | None):
    """(folder, key of a document) for the documents' parts of graph.ttl: kept in the cache, or
    in a temporary folder for this build only."""
    if cache is not None:
        stamp = code_stamp()
        yield cache.parts_folder(stamp), lambda d: cache.part_key(d, stamp)
        return
    import tempfile

    from .model import stable_id

    with tempfile.TemporaryDirectory(prefix="lgkg-parts-") as folder:
        yield Path(folder), lambda d: stable_id("part", d.doc_id, length=32)


@dataclass(frozen=True)
class _Page:
    """The viewer's page as made (in a forked process or in this one), and what making it did."""

    data: bytes
    seconds: float
    blocks_made: int
    blocks_hashed: int
    write_errors: int  # cache files (the blocks' signatures, the pinyin memo) that could not be saved


def _viewer_page(kb: KnowledgeBase, records: list[DocumentRecords], parts: PartFiles, folder: Path,
                 cache: ExtractionCache | None) -> _Page:
    """graph.html's bytes: the documents' blocks (kept in `folder` or made), the corpus-wide
    index of the viewer, the page."""
    from .export.html import page_bytes
    from .export.viewer_blocks import BlockFiles
    from .export.viewer_search import PinyinMemo, pinyin_keys
    from .graph import TripleIndex

    t = time.perf_counter()
    memo = PinyinMemo(cache.pinyin_file()) if cache is not None else None
    kept = BlockFiles(folder, parts.keys)
    blocks = kept.blocks(records)
    data = page_bytes(TripleIndex.for_viewer(kb, records, parts.used, document_rows=False),
                      pinyin_keys if memo is None else memo, blocks)
    errors = int(memo is not None and not memo.save()) + int(not kept.save_verified() and cache is not None)
    return _Page(data, time.perf_counter() - t, kept.made, kept.hashed, errors)


def _write_graph(kb: KnowledgeBase, records: list[DocumentRecords], out: Path, *, html: bool, jobs: int,
                 cache: ExtractionCache | None, stats: dict) -> list[Path]:
    """graph.ttl, the converted inputs' texts and the viewer. graph.ttl is its corpus-wide
    subjects and each document's own part (kg.export.parts): the parts the cache holds are
    copied, the others made in up to `jobs` forked processes. With more than one job the
    viewer's page is made in a forked process of its own while this one writes graph.ttl (the
    two read the same knowledge base and do not depend on each other); with one, before it."""
    from .export.atomic import write_bytes
    from .export.parts import PartFiles
    from .export.rdf import write_turtle
    from .parallel import Forked, forks

    with _parts_folder(cache) as (folder, key):
        t = time.perf_counter()
        parts = PartFiles(folder, {d.doc_id: key(d) for d in kb.documents})
        parts.start(records, jobs)
        texts = write_texts(kb.documents, out)
        page: Forked | list[_Page] = []
        if html:
            def make(_i: int) -> _Page:
                return _viewer_page(kb, records, parts, folder, cache)

            page = Forked(make, 1, jobs, overlap=True) if forks(jobs, 1, overlap=True) else [make(0)]
        try:
            t1 = time.perf_counter()
            ttl = write_turtle(kb, out / "graph.ttl", parts, records)
            if not parts.save_verified() and cache is not None:
                cache.write_errors += 1
            stats["turtle_seconds"] = time.perf_counter() - t1  # waiting for the parts included
            pages = []
            for made in page:  # the page, once made
                write_bytes(out / "graph.html", made.data)
                pages.append(out / "graph.html")
                if cache is not None:
                    cache.write_errors += made.write_errors
                stats["html_seconds"] = made.seconds
                stats["blocks_made"] = made.blocks_made
                stats["blocks_hashed"] = made.blocks_hashed
        finally:
            if isinstance(page, Forked):
                page.close()
        stats["exports_seconds"] = time.perf_counter() - t
        stats["parts_made"] = parts.made
        stats["parts_kept"] = len(records) - parts.made
        stats["parts_hashed"] = parts.hashed
    return [ttl, *texts, *pages]


def _result(kb: KnowledgeBase, outputs: Sequence[Path], t0: float, stats: dict) -> BuildResult:
    return BuildResult(
        kb, tuple(outputs), time.perf_counter() - t0,
        dict(sorted(Counter(e.key.etype.value for e in kb.entities).items())),
        dict(sorted(Counter(r.predicate.value for r in kb.relations).items())),
        stats,
    )
