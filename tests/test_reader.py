"""Reading reports: encodings, BOMs, and one-line errors for what is not a report."""
from __future__ import annotations

import codecs

import pytest

from kg.reader import InputError, read_document

TEXT = "冠县司法局深入践行新时代“枫桥经验”,建立了三省四县跨省联调机制。\n"


@pytest.mark.parametrize("data, enc", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gb18030"), "gb18030"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
])
def test_encodings_decode_to_the_same_text(tmp_path, data, enc):
    p = tmp_path / "r.txt"
    p.write_bytes(data)
    doc = read_document(p)
    assert doc.text == TEXT
    assert doc.encoding == enc
    assert doc.doc_id == "r"


@pytest.mark.parametrize("data, problem", [
    (b"", "empty file"),
    (b" \n\t\r\n", "whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (bytes(range(0x80, 0x100)) * 4, "not UTF-8"),
])
def test_bad_files_get_one_line_errors(tmp_path, data, problem):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as ei:
        read_document(p)
    msg = str(ei.value)
    assert msg.startswith(str(p)) and problem in msg and "\n" not in msg
