"""Word (.docx) → text with python-docx: paragraphs and tables in document order.

A table row becomes one ``| cell | cell |`` line, the form the appendix-table grammar reads;
a merged cell (python-docx repeats it for each grid column it spans) is written once.
"""
from __future__ import annotations

import io
import zipfile

from . import ConversionError, Converted


def _row(cells) -> str:
    texts = []
    last = None
    for cell in cells:
        if cell._tc is last:  # one merged cell spanning several columns
            continue
        last = cell._tc
        texts.append(" ".join(cell.text.split()))
    return "| " + " | ".join(texts) + " |"


def read_docx(data: bytes) -> Converted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        paragraphs = tables = 0
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                tables += 1
                lines.extend(_row(row.cells) for row in block.rows)
            else:
                paragraphs += 1
                lines.append(block.text)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ConversionError(f"unreadable Word document ({type(exc).__name__}: {exc})") from None
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise ConversionError("Word document without text")
    return Converted(text + "\n", f"Word document, {paragraphs} paragraphs, {tables} tables (python-docx)")
