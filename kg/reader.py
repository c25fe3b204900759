"""Input reports → SourceDocument: decoding with BOM sniffing and GB18030 detection; PDF,
Word and web pages are converted to text by kg.inputs (chosen by the file's suffix).

Offsets downstream refer to the decoded text exactly as read (a BOM is not part of it),
so a quote at [start:end) can always be checked against the file.

What is read, in this order:

- a UTF-8 BOM → UTF-8; a UTF-16 BOM (LE or BE) → UTF-16; a UTF-32 BOM → refused;
- files whose first bytes name a known binary format (PDF, Office, ZIP, images, …) → refused;
- NUL bytes without a UTF-16 BOM → refused (UTF-16 without a BOM is named as such);
- strict UTF-8;
- else GB18030 (a superset of GBK and GB2312), accepted only when the decoded text is
  plausible Chinese: its non-ASCII characters are almost all from the GB2312 repertoire and,
  given enough Han characters, the most frequent Chinese characters make up a fair share of
  them. Big5, Shift-JIS or EUC-KR bytes often decode as GB18030 without error, but as rare or
  random characters; those files are refused rather than read as garbage.

Decoding is strict, so a document never holds a lone surrogate. A text that decodes but is
mostly control characters, or mostly U+FFFD / private-use characters (a broken conversion),
is refused too. Every refusal is an InputError whose str() is one line: ``file: problem``.
All checks are linear in the file size.
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

_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_UNREADABLE_RE = re.compile("[\ufffd\ue000-\uf8ff]")

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
    try:
        decoded = raw.decode("gb18030")
        if not _has_surrogates(decoded) and gb18030_implausibility(decoded) is None:
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


# --- the GB18030 plausibility rule -------------------------------------------------------------

def _gb2312_repertoire() -> frozenset[str]:
    """Every character of GB2312's two-byte area (symbols, kana, Greek, Cyrillic, 6763 Han),
    decoded the way the reader decodes: with GB18030."""
    chars = set()
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            ch = bytes((lead, trail)).decode("gb18030", "replace")
            if not ("\ue000" <= ch <= "\uf8ff" or ch == "\ufffd"):  # unassigned cells map to PUA
                chars.add(ch)
    return frozenset(chars)


def _char_class(chars: Iterable[str], negate: bool = False) -> re.Pattern[str]:
    cps = sorted({ord(c) for c in chars})
    ranges = []
    for cp in cps:
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    body = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                   for a, b in ranges)
    return re.compile(f"[{'^' if negate else ''}{body}]")


#: non-ASCII characters outside GB2312: rare in simplified-Chinese reports, the bulk of what
#: Big5 and Shift-JIS bytes turn into when decoded as GB18030
_UNCOMMON_RE = _char_class(set(map(chr, range(0x80))) | _gb2312_repertoire(), negate=True)

#: very frequent characters of modern written Chinese and of government reports; in real text
#: they are well over a third of all Han characters, in EUC-KR Hangul read as GB2312 (which
#: lands on GB2312 Han characters at random) a few percent
FREQUENT_HAN = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年"
    "过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心"
    "她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间"
    "由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给"
    "世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变"
    "四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社"
    "便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北"
    "边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济"
    "府调县执城办推监督案服项委审局范依律省效施单企专级护纠纷诉习环境镇党群村街乡预矛盾检评营访"
    "核宣普培"
)
_FREQUENT_RE = _char_class(FREQUENT_HAN)
_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

#: plausibility is judged on evenly spaced windows, so a 50 MB file costs no more than 1 MB
_SAMPLE_WINDOWS, _SAMPLE_WINDOW = 16, 64 * 1024
#: tolerated non-GB2312 characters: a few fixed, plus this share of the non-ASCII ones
_UNCOMMON_SLACK, _UNCOMMON_SHARE = 1, 0.05
#: with at least this many Han characters the frequent ones must make up this share
_MIN_HAN_FOR_FREQUENCY, _MIN_FREQUENT_SHARE = 60, 0.25


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE_WINDOWS * _SAMPLE_WINDOW:
        return text
    step = (len(text) - _SAMPLE_WINDOW) // (_SAMPLE_WINDOWS - 1)
    return "".join(text[i * step:i * step + _SAMPLE_WINDOW] for i in range(_SAMPLE_WINDOWS))


def gb18030_implausibility(text: str) -> str | None:
    """Why `text`, decoded from GB18030, does not look like Chinese; None when it does."""
    s = _sample(text)
    non_ascii = len(s) - len(s.encode("ascii", "ignore"))
    uncommon = len(_UNCOMMON_RE.findall(s))
    if uncommon > _UNCOMMON_SLACK + _UNCOMMON_SHARE * non_ascii:
        return (f"{uncommon} of {non_ascii} non-ASCII characters are rare ones when read as GB18030"
                " (Big5, Shift-JIS or another encoding?)")
    han = len(_HAN_RE.findall(s))
    if han >= _MIN_HAN_FOR_FREQUENCY:
        frequent = len(_FREQUENT_RE.findall(s))
        if frequent < _MIN_FREQUENT_SHARE * han:
            return (f"read as GB18030 only {frequent} of {han} Chinese characters are common ones"
                    " (EUC-KR or another encoding?)")
    return None


# --- decoding ------------------------------------------------------------------------------------

def _looks_utf16_without_bom(data: bytes) -> bool:
    """UTF-16 without a BOM: its NUL bytes (high bytes of ASCII characters) all sit on one
    parity, which binary files' NULs do not, and it decodes as UTF-16 of that byte order."""
    head = data[:1 << 16]
    if len(data) % 2 or len(head) < 4:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if (even == 0) == (odd == 0):
        return False
    try:
        text = data.decode("utf-16-le" if odd else "utf-16-be")
    except UnicodeDecodeError:
        return False
    return "\x00" not in text


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
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        for magic, what in _MAGIC:
            if data.startswith(magic):
                raise InputError(path, f"binary file ({what}), not a text report")
        if b"\x00" in data:
            if _looks_utf16_without_bom(data):
                raise InputError(path, "UTF-16 without a byte-order mark is not supported"
                                       " (save it as UTF-8, or UTF-16 with a BOM)")
            raise InputError(path, "binary file (NUL bytes), not a text report")
        candidates = ["utf-8", "gb18030"]
    first_error = ""
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            first_error = first_error or _decode_error(exc)
            continue
        _check_binary(text, path)
        if enc == "gb18030":
            why = gb18030_implausibility(text)
            if why:
                raise InputError(path, f"not UTF-8 ({first_error}) and {why}")
        _check_readable(text, path)
        return text, enc
    if candidates == ["utf-16"]:
        raise InputError(path, f"invalid UTF-16 text ({first_error})")
    if candidates == ["utf-8-sig"]:
        raise InputError(path, f"invalid UTF-8 text after a UTF-8 BOM ({first_error})")
    raise InputError(path, f"not UTF-8, UTF-16 or GB18030 text ({first_error})")


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
