"""Each document's own part of graph.ttl, kept in files.

A document's part (kg.export.rdf.DocPart: the Turtle blocks of its evidence, figures and tables)
depends on its extraction and the code alone. A build with a cache keeps the parts there, keyed
by the document's cache key (extractor, id, text) and the code stamp (kg.build.code_stamp), so
a build that adds a report to a built corpus makes that report's part and copies the others'.
Without a cache they live in a temporary folder while the build runs. Either way graph.ttl is
written one part at a time, whatever the corpus's size, and the missing parts are made in
forked processes (kg.parallel) while the build makes the viewer.

A file holds one JSON line (format, prefixes, used terms and their SHA-256, the Turtle's length
in bytes and its SHA-256) and then the Turtle: a head altered into other valid JSON is caught
as the Turtle is (its terms name graph.ttl's prefix lines and the viewer's declarations). A part that is missing, truncated or altered is made again, never
an error; one that cannot be written (a full disk) is kept in memory instead.

A kept part is hashed when read, unless its file still has the size, inode and change times
recorded (`VERIFIED`, in the folder) when its SHA-256 last matched: any write to the file, a
rename over it or a touch sets its ctime anew. Hashing every kept part again made each build
read the whole corpus's Turtle twice (at 100× the seeds 143 MB, 0.12 s; at national scale gigabytes).
Only files settled for SETTLED_NS are recorded: timestamps are coarse, and a change within the
same tick as the write before it would keep the ctime.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..cache import replace_file
from ..graph import DocumentRecords
from ..parallel import Forked
from .rdf import DocPart, document_part

FORMAT = "lgkg-part/2"
#: how many groups the missing parts are made in, per process (so no process waits long for the last)
GROUPS_PER_JOB = 4

Head = tuple[frozenset[str], frozenset[str]]
#: a part file's size, inode, ctime and mtime (ns)
Signature = tuple[int, int, int, int]
#: the parts whose SHA-256 matched, by key, with their files' signatures then
VERIFIED = "verified.json"
#: how long ago a file must have changed for its signature to be recorded
SETTLED_NS = 2_000_000_000


def _terms_digest(prefixes: Sequence[str], used: Sequence[str]) -> str:
    """The SHA-256 of a head's terms, as written (sorted lists)."""
    return hashlib.sha256(json.dumps([prefixes, used], ensure_ascii=True).encode("ascii")).hexdigest()


def _signature(st: os.stat_result) -> Signature:
    return st.st_size, st.st_ino, st.st_ctime_ns, st.st_mtime_ns


class PartFiles:
    """The parts of a build's documents as files under `folder`, named by `keys` (document id →
    a hex key that changes whenever the part may). Implements kg.export.rdf.Parts."""

    def __init__(self, folder: Path, keys: Mapping[str, str]) -> None:
        self.folder = Path(folder)
        self.keys = keys
        self.made = 0  # parts made by this build (the others were kept)
        self.hashed = 0  # kept parts whose SHA-256 this build checked (the others: by signature)
        self.write_errors = 0
        self._verified = self._read_verified()
        self._verified_now: dict[str, Signature] = {}
        self._heads: dict[str, Head] = {}
        self._held: dict[str, DocPart] = {}  # parts that could not be written
        self._started: Forked | None = None  # making the parts of `_groups`
        self._groups: list[list[DocumentRecords]] = []

    def path(self, doc_id: str) -> Path:
        key = self.keys[doc_id]
        return self.folder / key[:2] / f"{key}.ttl"

    def start(self, records: Sequence[DocumentRecords], jobs: int = 1) -> None:
        """Begin making the parts that are missing, in up to `jobs` forked processes; `heads`
        waits for them. With one job (or where processes do not fork) `heads` makes them here."""
        missing = []
        for rec in records:
            head = self._read_head(rec.doc_id)
            if head is None:
                missing.append(rec)
            else:
                self._heads[rec.doc_id] = head
        if missing:
            n = min(len(missing), jobs * GROUPS_PER_JOB)
            groups = self._groups = [missing[i::n] for i in range(n)]
            self._started = Forked(lambda i: [self._make(rec) for rec in groups[i]], n, jobs)

    def used(self, doc_id: str) -> frozenset[str] | None:
        """The terms document `doc_id`'s triples use, if its part's head is known yet (a kept
        part's, read by `start`): the viewer reads them instead of the document's records."""
        head = self._heads.get(doc_id)
        return head[1] if head is not None else None

    def heads(self, records: Sequence[DocumentRecords]) -> list[Head]:
        if self._started is None and any(rec.doc_id not in self._heads for rec in records):
            self.start([rec for rec in records if rec.doc_id not in self._heads])
        if self._started is not None:
            forked, self._started = self._started, None
            for group, heads in zip(self._groups, forked, strict=True):
                for rec, head in zip(group, heads, strict=True):
                    if head is None:  # not written: made again here, and held
                        part = self._held[rec.doc_id] = document_part(rec)
                        self.write_errors += 1
                        head = (part.prefixes, part.used)
                    self._heads[rec.doc_id] = head
                self.made += len(group)
        return [self._heads[rec.doc_id] for rec in records]

    def turtle(self, rec: DocumentRecords) -> bytes:
        held = self._held.pop(rec.doc_id, None)
        if held is not None:
            return held.turtle.encode("utf-8")
        data = self._read_turtle(rec.doc_id)
        if data is None:  # altered on disk (its SHA-256 differs), or changed since its head was read
            part = document_part(rec)
            self._write(rec.doc_id, part)
            self.made += 1
            data = part.turtle.encode("utf-8")
        return data

    # -- files ------------------------------------------------------------------------------

    def _make(self, rec: DocumentRecords) -> Head | None:
        """Make and write one part (in a forked process or here); its head, None if not written."""
        part = document_part(rec)
        return (part.prefixes, part.used) if self._write(rec.doc_id, part) else None

    def _write(self, doc_id: str, part: DocPart) -> bool:
        data = part.turtle.encode("utf-8")
        prefixes, used = sorted(part.prefixes), sorted(part.used)
        head = {"format": FORMAT, "prefixes": prefixes, "used": used, "terms": _terms_digest(prefixes, used),
                "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        return replace_file(self.path(doc_id), json.dumps(head, ensure_ascii=True).encode("ascii") + b"\n", data)

    def _open_head(self, doc_id: str):
        """(open file, head) of a part whose file has the length its head states, else None."""
        try:
            fh = open(self.path(doc_id), "rb")  # noqa: SIM115 - returned open to the caller
        except OSError:
            return None
        try:
            line = fh.readline(1 << 16)
            head = json.loads(line)
            if (not isinstance(head, dict) or head.get("format") != FORMAT
                    or os.fstat(fh.fileno()).st_size != len(line) + head.get("bytes", -1)
                    or not all(isinstance(head.get(k), list) and all(isinstance(x, str) for x in head[k])
                               for k in ("prefixes", "used"))
                    or head.get("terms") != _terms_digest(head["prefixes"], head["used"])):
                fh.close()
                return None
            return fh, head
        except (OSError, ValueError, TypeError):
            fh.close()
            return None

    def _read_head(self, doc_id: str) -> Head | None:
        opened = self._open_head(doc_id)
        if opened is None:
            return None
        fh, head = opened
        fh.close()
        return frozenset(head["prefixes"]), frozenset(head["used"])

    def _read_turtle(self, doc_id: str) -> bytes | None:
        """The part's Turtle as written (its SHA-256 the one its head states: UTF-8 that this
        module wrote), else None. Not hashed when its file's signature (taken after reading)
        is the one recorded when it last matched."""
        opened = self._open_head(doc_id)
        if opened is None:
            return None
        fh, head = opened
        with fh:
            try:
                data = fh.read()
                signature = _signature(os.fstat(fh.fileno()))
            except OSError:
                return None
        key = self.keys[doc_id]
        if self._verified.get(key) != signature:
            self.hashed += 1
            if hashlib.sha256(data).hexdigest() != head.get("sha256"):
                return None
        if time.time_ns() - signature[2] > SETTLED_NS:
            self._verified_now[key] = signature
        return data

    def _read_verified(self) -> dict[str, Signature]:
        try:
            found = json.loads((self.folder / VERIFIED).read_bytes())
            return {k: tuple(v) for k, v in found.items()
                    if isinstance(v, list) and len(v) == 4 and all(type(x) is int for x in v)}
        except (OSError, ValueError, AttributeError):  # none yet, or damaged: every part is hashed
            return {}

    def save_verified(self) -> bool:
        """Record the signatures of the parts this build read and found as written (those of its
        documents only); False when they could not be written (the next build hashes again)."""
        if self._verified_now == self._verified:
            return True
        data = json.dumps(dict(sorted(self._verified_now.items())), separators=(",", ":")).encode("ascii")
        return replace_file(self.folder / VERIFIED, data)
