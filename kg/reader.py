"""Input reports → SourceDocument: decoding with BOM sniffing and GB18030 detection; PDF,
Word and web pages are converted to text by kg.inputs (chosen by the file's suffix).

Offsets downstream refer to the decoded text exactly as read (a BOM is not part of it),
so a quote at [start:end) can always be checked against the file.

What is read, in this order:

- a UTF-8 BOM → UTF-8; a UTF-16 BOM (LE or BE) → UTF-16; a UTF-32 BOM → refused;
- files whose first bytes name a known binary format (PDF, Office, ZIP, images, …) → refused;
- NUL bytes: UTF-16 without a BOM when charset-normalizer says so, else refused as binary;
- strict UTF-8;
- else what charset-normalizer detects, when that is GB18030 (a superset of GBK and GB2312) or
  UTF-16 without a BOM. Big5, Shift-JIS or EUC-KR bytes often decode as GB18030 without error,
  but as rare or random characters; detection names them, and they are refused rather than
  read as garbage.

Decoding is strict, so a document never holds a lone surrogate. A text that decodes but is
mostly control characters, or mostly U+FFFD / private-use characters (a broken conversion),
is refused too. Every refusal is an InputError whose str() is one line: ``file: problem``.
All checks are linear in the file size (charset-normalizer samples large files).
"""
from __future__ import annotations

import codecs
import hashlib
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .inputs import SUFFIXES, ConversionError, converter, format_of
from .model import InputFormat, SourceDocument

#: larger files are refused: reports are kilobytes to a few megabytes
MAX_BYTES = 256 * 1024 * 1024

#: more than this share of control characters (other than \t \n \r \f \v) → not a text file
MAX_CONTROL_RATIO = 0.01
#: more than this share of U+FFFD / private-use characters → a broken conversion, not text
MAX_UNREADABLE_RATIO = 0.3

_CONTROL_CHARS = "\x00-\x08\x0e-\x1f\x7f-\x9f"
_UNREADABLE_CHARS = "\ufffd\ue000-\uf8ff"
_CONTROL_RE = re.compile(f"[{_CONTROL_CHARS}]")
_UNREADABLE_RE = re.compile(f"[{_UNREADABLE_CHARS}]")
#: either kind: most reports have none, and one scan of the text says so
_SUSPECT_RE = re.compile(f"[{_CONTROL_CHARS}{_UNREADABLE_CHARS}]")

#: leading bytes of binary formats people mistake for reports
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document such as .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document such as .doc"),
    (b"{\\rtf", "RTF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)


class InputError(Exception):
    """A file that cannot be used as a report; str() is the one-line problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = display_path(path)
        self.problem = _one_line(problem)
        super().__init__(f"{self.path}: {self.problem}")


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    problem: str


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v", "\f": "\\f"}
_ANY_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(s: str) -> str:
    """Control characters (newlines included) escaped, so a message stays on one line."""
    return _ANY_CONTROL_RE.sub(lambda m: _ESCAPES.get(m.group(), f"\\x{ord(m.group()):02x}"
                                                     if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"), s)


def _has_surrogates(s: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in s)


def text_name(name: str) -> str:
    """A file name as text without lone surrogates. On POSIX a name whose bytes are not UTF-8
    arrives with surrogate escapes (PEP 383); such names from Chinese systems are usually
    GB18030, so they are read as that, else their bad bytes are spelled \\xNN."""
    if not _has_surrogates(name):
        return name
    raw = name.encode("utf-8", "surrogateescape")
    if detect_encoding(raw)[0] == "gb18030":
        try:
            decoded = raw.decode("gb18030")
            if not _has_surrogates(decoded):
                return decoded
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", "backslashreplace")


def display_path(path: Path | str) -> str:
    """A path as shown in messages: as given, with control characters escaped and
    undecodable bytes (surrogate escapes from the file system) shown as \\xNN."""
    s = str(path)
    if _has_surrogates(s):
        s = s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _one_line(s)


# --- legacy encodings: charset detection -----------------------------------------------------

#: what charset-normalizer may call GB text; it is always decoded as GB18030 (their superset)
_GB_NAMES = frozenset({"gb18030", "gbk", "gb2312", "cp936"})
_UTF16_NAMES = {"utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}
#: below this many bytes detection cannot tell GB18030 from Big5 or EUC-KR (the same byte
#: ranges); a text this short is read as GB18030 when that decodes at all
_SHORT_BYTES = 64


def detect_encoding(data: bytes) -> tuple[str | None, str]:
    """(codec, "") for text that is GB18030 or UTF-16 without a BOM, as charset-normalizer
    judges it (it measures how coherent each decoding is), else (None, what it found).
    Big5, Shift-JIS or EUC-KR bytes often decode as GB18030 without error, but as rare or random
    characters; detection names them, and they are refused rather than read as garbage."""
    from charset_normalizer import from_bytes

    names = [m.encoding for m in from_bytes(data)]
    best = names[0] if names else None
    if best in _GB_NAMES:
        return "gb18030", ""
    if best in _UTF16_NAMES:
        return _UTF16_NAMES[best], ""
    if len(data) < _SHORT_BYTES and _GB_NAMES.intersection(names):
        return "gb18030", ""
    if best is None:
        return None, "no encoding fits it"
    return None, f"it reads as {best.replace('_', '-')}, not GB18030 or UTF-16"


def _decode_error(exc: UnicodeDecodeError) -> str:
    bad = exc.object[exc.start:exc.end][:4]
    return f"invalid byte{'s' if len(bad) > 1 else ''} {bad.hex(' ')} at offset {exc.start}"


def _parts(text: str) -> tuple[str, ...]:
    """The first megabyte, then the whole text: a binary file shows itself early."""
    head = text[:1 << 20]
    return (head, text) if len(text) > len(head) else (text,)


def _check_binary(text: str, path: Path | str) -> None:
    for part in _parts(text):
        if len(_CONTROL_RE.findall(part)) > MAX_CONTROL_RATIO * len(part):
            raise InputError(path, "binary file (control characters), not a text report")


def _check_readable(text: str, path: Path | str) -> None:
    for part in _parts(text):
        unreadable = len(_UNREADABLE_RE.findall(part))
        if unreadable:
            visible = len("".join(part.split()))
            if unreadable > MAX_UNREADABLE_RATIO * visible:
                raise InputError(path, f"not readable text ({unreadable} of {visible} visible characters"
                                       " are U+FFFD or private-use: a broken conversion?)")


def decode(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes; returns (text, encoding name). Raises InputError."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise InputError(path, "UTF-32 text is not supported (save it as UTF-8)")
    if data.startswith(codecs.BOM_UTF8):
        return _decode_as(data, "utf-8-sig", path,
                          lambda e: f"invalid UTF-8 text after a UTF-8 BOM ({e})")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(data, "utf-16", path, lambda e: f"invalid UTF-16 text ({e})")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"binary file ({what}), not a text report")
    if b"\x00" in data:  # UTF-16 without a BOM (ASCII's high bytes), or a binary file
        enc, _ = detect_encoding(data)
        if enc is None or not enc.startswith("utf-16"):
            raise InputError(path, "binary file (NUL bytes), not a text report")
        return _decode_as(data, enc, path, lambda e: f"invalid UTF-16 text ({e})")
    try:
        return _checked(data.decode("utf-8"), "utf-8", path)
    except UnicodeDecodeError as exc:
        not_utf8 = _decode_error(exc)
    enc, why = detect_encoding(data)
    if enc is None:
        raise InputError(path, f"not UTF-8 ({not_utf8}) and {why} (save it as UTF-8)")
    return _decode_as(data, enc, path, lambda e: f"not UTF-8 ({not_utf8}) nor {enc} ({e})")


def _decode_as(data: bytes, enc: str, path: Path | str, problem) -> tuple[str, str]:
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError(path, problem(_decode_error(exc))) from None
    return _checked(text, enc, path)


def _checked(text: str, enc: str, path: Path | str) -> tuple[str, str]:
    if _SUSPECT_RE.search(text) is None:
        return text, enc
    _check_binary(text, path)
    _check_readable(text, path)
    return text, enc


def read_document(path: Path) -> SourceDocument:
    """Read one report file. Raises InputError with a one-line reason."""
    path = Path(path)
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise InputError(path, "is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(path, "not a regular file (device, pipe or socket)")
        if st.st_size > MAX_BYTES:
            raise InputError(path, f"file too large ({st.st_size} bytes > {MAX_BYTES})")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    form = format_of(path.suffix)
    if form is InputFormat.TEXT:
        text, enc = decode(data, path)
    else:
        try:
            converted = converter(form)(data)
        except ConversionError as exc:
            raise InputError(path, str(exc)) from None
        text, enc = converted.text, converted.how
        _check_binary(text, path)
        _check_readable(text, path)
    if not text.strip():
        if not data:
            problem = "empty file"
        elif not text:
            problem = "empty file (only a byte-order mark)"
        else:
            problem = "file holds only whitespace"
        raise InputError(path, problem)
    # the name and path as text (never a lone surrogate: they end up in RDF literals and hashes)
    return SourceDocument(
        doc_id=text_name(path.stem),
        path=text_name(str(path)),
        text=text,
        encoding=enc,
        sha256=hashlib.sha256(data).hexdigest(),
        form=form,
    )


def _is_input(p: Path) -> bool:
    """A report in a folder: a known suffix, not hidden (editors' .~lock, ._ files), a file or
    a symlink (one that leads nowhere, or in a loop, is then skipped with its reason)."""
    return p.suffix.lower() in SUFFIXES and not p.name.startswith(".") and (p.is_file() or p.is_symlink())


def find_inputs(inputs: Iterable[Path]) -> list[Path]:
    """Expand folders to their reports (.txt, .pdf, .docx, .html/.htm; sorted); files are taken
    as given (a file of another suffix is read as text).

    Raises InputError for a path that does not exist (``PATH: no such file or folder``).
    """
    files: list[Path] = []
    for p in inputs:
        p = Path(p)
        try:
            if p.is_dir():
                files.extend(sorted(q for q in p.iterdir() if _is_input(q)))
                continue
            exists = p.exists() or p.is_symlink()
        except OSError as exc:  # e.g. a name too long, a loop of symlinks
            raise InputError(p, exc.strerror or str(exc)) from None
        if not exists:
            raise InputError(p, "no such file or folder")
        files.append(p)
    seen: set[Path] = set()
    unique = []
    for f in files:
        try:
            r = f.resolve()
        except (OSError, RuntimeError):  # RuntimeError: a loop of symlinks (read_document names it)
            r = f.absolute()
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
            yield Skipped(display_path(f), f"duplicate document name {doc.doc_id!r} (also {ids[doc.doc_id]})")
            continue
        ids[doc.doc_id] = display_path(f)
        yield doc
