"""Input reports → SourceDocument: decoding with BOM sniffing and GB18030 detection.

Offsets downstream refer to the decoded text exactly as read (a BOM is not part of it),
so a quote at [start:end) can always be checked against the file.
"""
from __future__ import annotations

import codecs
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .model import SourceDocument

#: larger files are refused: reports are kilobytes to a few megabytes
MAX_BYTES = 256 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be used as a report; str() is the one-line problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    problem: str


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return bad / len(text)


def decode(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes; returns (text, encoding name). Raises InputError."""
    if data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "gb18030"]
    if b"\x00" in data and encodings != ["utf-16"]:
        raise InputError(path, "binary file (NUL bytes), not a text report")
    for enc in encodings:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text) > 0.01:
            raise InputError(path, "binary file (control characters), not a text report")
        return text, enc
    raise InputError(path, "not UTF-8, UTF-16 or GB18030 text")


def read_document(path: Path) -> SourceDocument:
    """Read one report file. Raises InputError with a one-line reason."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"file too large ({size} bytes > {MAX_BYTES})")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    text, enc = decode(data, path)
    if not text.strip():
        raise InputError(path, "empty file" if not text else "file holds only whitespace")
    return SourceDocument(
        doc_id=path.stem,
        path=str(path),
        text=text,
        encoding=enc,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def find_inputs(inputs: Iterable[Path]) -> list[Path]:
    """Expand folders to their *.txt files (sorted); files are taken as given."""
    files: list[Path] = []
    for p in inputs:
        if p.is_dir():
            files.extend(sorted(q for q in p.glob("*.txt") if q.is_file()))
        elif p.exists():
            files.append(p)
        else:
            raise InputError(p, "no such file or folder")
    seen: set[Path] = set()
    unique = []
    for f in files:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(f)
    return unique


def read_all(files: Iterable[Path]) -> Iterator[SourceDocument | Skipped]:
    """Read each file, yielding a document or a Skipped with its reason."""
    ids: dict[str, str] = {}
    for f in files:
        try:
            doc = read_document(f)
        except InputError as exc:
            yield Skipped(exc.path, exc.problem)
            continue
        if doc.doc_id in ids:
            yield Skipped(str(f), f"duplicate document name {doc.doc_id!r} (also {ids[doc.doc_id]})")
            continue
        ids[doc.doc_id] = str(f)
        yield doc
