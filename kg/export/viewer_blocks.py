"""Each source document's evidence and figures as a block of the viewer's page, kept between builds.

The page names what a block holds by stable keys only: entities and measures by IRI, the
relation by name, the source by being the block's own document. So a block depends on its
document's records alone (an entity's IRI is a hash of its type and normalised name, see
kg.graph.DocumentRecords), and a build that adds a report to a built corpus makes that
report's blocks and copies the others' bytes, as graph.ttl's parts are (kg.export.parts).
Which blocks to read for an entity or a relation is corpus-wide data the page carries per
entity (`touched`); viewer.js joins the rows on demand.

A block's JSON: {"i": IRIs its rows name, "m": measure IRIs, "q": quotes,
"e": [[subject, relation, object, quote], ...] (sorted, no repeats),
"f": [[area, measure, period, value, unit], ...] (sorted; a figure may repeat)}: subjects,
objects, areas, measures and quotes by their place in the block's own lists (a measure -1: none),
the relation by its place in RELATIONS (fixed by the code, as the block is). An IRI under the
graph's namespace (kg.vocab.LGR) is written without it ("org-…"; one holding ":" is whole): a
block names some 300 entities and measures, and at 100× the seeds the namespace alone was 4 MB
of the page.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import msgspec

from ..cache import replace_file
from ..graph import DocumentRecords, EvidenceRow, FigureRow, document_iri, record_rows, scalar_text
from ..vocab import LG_IRI, LGR
from .viewer_chunks import json_for_script
from .viewer_sources import number_text

FORMAT = "lgkg-view/1"


#: the graph's namespace, which a block's IRIs are written without
BASE = str(LGR)


@cache
def _relation_of() -> dict[str, int]:
    """The relations the page draws, by their lg: IRI → their place in RELATIONS (viewer_data,
    which reads blocks, names them)."""
    from .viewer_data import RELATIONS

    return {LG_IRI + r: k for k, r in enumerate(RELATIONS)}


def short_iri(iri: str) -> str:
    """`iri` as a block writes it: without BASE when it starts with it (and the rest holds no
    ":", so a whole IRI is never mistaken for one under BASE)."""
    rest = iri[len(BASE):]
    return rest if iri.startswith(BASE) and ":" not in rest else iri


def full_iri(written: str) -> str:
    """The IRI a block wrote as `written` (short_iri's inverse)."""
    return written if ":" in written else BASE + written
#: the kept blocks whose SHA-256 matched, by key, with their files' signatures then
VERIFIED = "verified-view.json"
#: how long ago a file must have changed for its signature to be recorded (as kg.export.parts)
SETTLED_NS = 2_000_000_000


@dataclass(frozen=True)
class Block:
    """One source's block: its id (the page's source id), the IRIs its rows name, and its JSON
    (safe inside <script>) as UTF-8: a kept block goes from its file to the page as bytes."""

    source: str
    touched: tuple[str, ...]
    data: bytes


def make_block(source: str, evidence: Iterable[EvidenceRow], figures: Iterable[FigureRow]) -> Block | None:
    """The block of `source`'s rows (None when none of them is shown: no relation the page
    draws, no figure)."""
    rel = _relation_of()
    ev = sorted({(r.subject, rel[r.predicate], r.object, scalar_text(str(r.quote))) for r in evidence
                 if r.predicate in rel and isinstance(r.subject, str) and isinstance(r.object, str)})
    figs = sorted((r.area, r.measure or "", r.period, number_text(r.value), scalar_text(r.unit)) for r in figures
                  if isinstance(r.area, str))
    if not ev and not figs:
        return None
    iris = sorted({x for s, _p, o, _q in ev for x in (s, o)} | {f[0] for f in figs})
    at = {x: k for k, x in enumerate(iris)}
    measures = sorted({f[1] for f in figs} - {""})
    m_at = {"": -1} | {x: k for k, x in enumerate(measures)}
    quotes: dict[str, int] = {}
    data = {"i": [short_iri(x) for x in iris], "m": [short_iri(m) for m in measures],
            "e": [[at[s], p, at[o], quotes.setdefault(q, len(quotes))] for s, p, o, q in ev],
            "f": [[at[a], m_at[m], period, value, unit] for a, m, period, value, unit in figs]}
    data["q"] = list(quotes)
    return Block(source, tuple(iris), json_for_script(data).encode("utf-8"))


def blocks_of_rows(evidence: Iterable[EvidenceRow], figures: Iterable[FigureRow],
                   source_of: Callable[[object], str | None]) -> list[Block]:
    """The blocks of rows whose source is a document (`source_of`: its IRI → its id, None for
    any other source), by source id."""
    ev: dict[str, list[EvidenceRow]] = defaultdict(list)
    figs: dict[str, list[FigureRow]] = defaultdict(list)
    for r in evidence:
        s = source_of(r.source)
        if s is not None:
            ev[s].append(r)
    for f in figures:
        s = source_of(f.source)
        if s is not None:
            figs[s].append(f)
    blocks = (make_block(s, ev.get(s, ()), figs.get(s, ())) for s in sorted(ev.keys() | figs.keys()))
    return [b for b in blocks if b is not None]


def record_blocks(rec: DocumentRecords) -> list[Block]:
    """The blocks of one document and its sections, from its records."""
    evidence, figures = record_rows(rec)
    ids = {str(document_iri(d)): d for d in rec.own}  # a record's sources are its own ids
    return blocks_of_rows(evidence, figures, ids.get)


# -- kept between builds -------------------------------------------------------------------

Signature = tuple[int, int, int, int]
#: a file's second line: each block's source, touched IRIs and length in bytes
_META = msgspec.json.Decoder(list[tuple[str, list[str], int]])


def _signature(st: os.stat_result) -> Signature:
    return st.st_size, st.st_ino, st.st_ctime_ns, st.st_mtime_ns


class BlockFiles:
    """The blocks of a build's documents as files under `folder` (beside graph.ttl's parts),
    named by `keys` (document id → a hex key that changes whenever its records or the code
    may). A file missing, damaged or altered is made again, never trusted; one that cannot be
    written is only not kept."""

    def __init__(self, folder: Path, keys: Mapping[str, str]) -> None:
        self.folder = Path(folder)
        self.keys = keys
        self.made = 0
        self.hashed = 0
        self.write_errors = 0
        self._verified = self._read_verified()
        self._verified_now: dict[str, Signature] = {}

    def path(self, doc_id: str) -> Path:
        key = self.keys[doc_id]
        return self.folder / key[:2] / f"{key}.view"

    def blocks(self, records: Sequence[DocumentRecords]) -> list[Block]:
        """Every block of `records`' documents: kept ones read, the others made (and kept)."""
        out: list[Block] = []
        for rec in records:
            kept = self._read(rec.doc_id)
            if kept is None:
                kept = record_blocks(rec)
                self.made += 1
                if not self._write(rec.doc_id, kept):
                    self.write_errors += 1
            out.extend(kept)
        return out

    def _write(self, doc_id: str, blocks: list[Block]) -> bool:
        """A file: its head (format, key, the rest's length and SHA-256), then a line of each
        block's source, touched IRIs and length, then the blocks' bytes one after the other."""
        body = msgspec.json.encode([[b.source, list(b.touched), len(b.data)] for b in blocks]) + b"\n" \
            + b"".join(b.data for b in blocks)
        head = {"format": FORMAT, "key": self.keys[doc_id], "bytes": len(body),
                "sha256": hashlib.sha256(body).hexdigest()}
        return replace_file(self.path(doc_id), json.dumps(head).encode("ascii") + b"\n", body)

    def _read(self, doc_id: str) -> list[Block] | None:
        """The file's blocks when its head names its key and its body is the one the head states
        (SHA-256, unless its signature is the one recorded when it last matched), else None."""
        try:
            with open(self.path(doc_id), "rb") as fh:
                line = fh.readline(1 << 12)
                body = fh.read()
                signature = _signature(os.fstat(fh.fileno()))
            head = json.loads(line)
            key = self.keys[doc_id]
            if (not isinstance(head, dict) or head.get("format") != FORMAT or head.get("key") != key
                    or head.get("bytes") != len(body)):  # another document's file in its place: not trusted
                return None
            if self._verified.get(key) != signature:
                self.hashed += 1
                if hashlib.sha256(body).hexdigest() != head.get("sha256"):
                    return None
            end = body.index(b"\n")
            meta = _META.decode(body[:end])
        except (OSError, ValueError, msgspec.DecodeError):
            return None
        blocks, at = [], end + 1
        for source, touched, size in meta:
            blocks.append(Block(source, tuple(touched), body[at:at + size]))
            at += size
        # the page takes a block's bytes as they are: a block this module wrote holds no "<"
        # (json_for_script escapes it), so a file whose head was forged to match cannot add markup
        if at != len(body) or any(size < 0 for _s, _t, size in meta) or any(b"<" in b.data for b in blocks):
            return None
        if time.time_ns() - signature[2] > SETTLED_NS:
            self._verified_now[key] = signature
        return blocks

    def _read_verified(self) -> dict[str, Signature]:
        try:
            found = json.loads((self.folder / VERIFIED).read_bytes())
            return {k: tuple(v) for k, v in found.items()
                    if isinstance(v, list) and len(v) == 4 and all(type(x) is int for x in v)}
        except (OSError, ValueError, AttributeError):
            return {}

    def save_verified(self) -> bool:
        """Record the signatures of the blocks this build read and found as written."""
        if self._verified_now == self._verified:
            return True
        data = json.dumps(dict(sorted(self._verified_now.items())), separators=(",", ":")).encode("ascii")
        return replace_file(self.folder / VERIFIED, data)
