"""Reports that are not plain text: PDF, Word (.docx) and web pages (.html), each read as text.

One module per format, each with one job: bytes in, text out (`Converted`), or a
`ConversionError` whose message is one line. kg.reader picks the format by the file's suffix
and writes nothing; kg.build writes the text to ``OUT/texts/<identifier>.txt`` so every
offset of the document's evidence can be checked against it.
"""
from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..model import InputFormat


class ConversionError(Exception):
    """The file is not a readable document of its format; str() is the one-line problem."""


@dataclass(frozen=True, slots=True)
class Converted:
    text: str
    how: str  # how it was read, for the build summary: "PDF, 3 pages (pypdf 5.1.0)"


#: file suffixes (lower case) → format; a folder's files with other suffixes are not inputs
SUFFIXES: dict[str, InputFormat] = {
    ".txt": InputFormat.TEXT, ".pdf": InputFormat.PDF, ".docx": InputFormat.DOCX,
    ".html": InputFormat.HTML, ".htm": InputFormat.HTML, ".xhtml": InputFormat.HTML,
}


def format_of(suffix: str) -> InputFormat:
    """The format a file's suffix names; anything else is read as text."""
    return SUFFIXES.get(suffix.lower(), InputFormat.TEXT)


@contextlib.contextmanager
def quiet_loggers(*names: str) -> Iterator[None]:
    """The libraries' own warnings (malformed objects they step over) stay off the terminal:
    a file they cannot read raises, and that becomes the one-line skip reason."""
    loggers = [logging.getLogger(n) for n in names]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def converter(fmt: InputFormat) -> Callable[[bytes], Converted]:
    """The function reading `fmt` (imported on first use: the libraries are heavy)."""
    if fmt is InputFormat.PDF:
        from .pdf import read_pdf
        return read_pdf
    if fmt is InputFormat.DOCX:
        from .docx import read_docx
        return read_docx
    if fmt is InputFormat.HTML:
        from .html import read_html
        return read_html
    raise ValueError(f"{fmt} is decoded, not converted")
