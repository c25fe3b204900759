"""Reading reports: encodings, BOMs, and one-line errors for what is not a report."""
from __future__ import annotations

import codecs
import os
import time

import pytest

from kg.reader import InputError, Skipped, decode, display_path, find_inputs, read_all, read_document

TEXT = "冠县司法局深入践行新时代“枫桥经验”,建立了三省四县跨省联调机制。\n"
#: a longer report paragraph (GBK-only and four-byte GB18030 characters included)
REPORT = ("2023年，聊城市司法局深入学习贯彻习近平法治思想，全面推进法治政府建设，"
          "推动“有事来聊”品牌调解机制在全市推广。市委依法治市办组织开展法治督察，"
          "对各县市区落实《法治政府建设实施纲要（2021—2025年）》情况进行检查。\n") * 6
RARE = "朱镕基到访喆园𠀀。\n"  # 镕 喆 are GBK, not GB2312; 𠀀 (U+20000) is four bytes in GB18030


def _write(tmp_path, data: bytes, name: str = "r.txt"):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _error(p) -> str:
    with pytest.raises(InputError) as ei:
        read_document(p)
    msg = str(ei.value)
    assert "\n" not in msg and "\r" not in msg, msg
    assert msg == f"{ei.value.path}: {ei.value.problem}"
    return msg


@pytest.mark.parametrize("data, enc", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("gbk"), "gb18030"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
])
def test_encodings_decode_to_the_same_text(tmp_path, data, enc):
    p = _write(tmp_path, data)
    doc = read_document(p)
    assert doc.text == TEXT
    assert doc.encoding == enc
    assert doc.doc_id == "r"


@pytest.mark.parametrize("text", [REPORT, REPORT + RARE, "法治\n", "Annual report 2023\n法治政府建设\n"])
def test_gb18030_files_decode_exactly(tmp_path, text):
    """Real GBK/GB18030 text is accepted, with a few characters outside GB2312."""
    doc = read_document(_write(tmp_path, text.encode("gb18030")))
    assert doc.text == text and doc.encoding == "gb18030"


def test_offsets_refer_to_the_text_after_the_bom(tmp_path):
    doc = read_document(_write(tmp_path, codecs.BOM_UTF8 + "聊城市\r\n司法局".encode()))
    assert doc.text == "聊城市\r\n司法局"  # a BOM is not text; \r\n is kept as read
    assert doc.text.index("司法局") == 5


@pytest.mark.parametrize("source", ["big5", "shift_jis", "euc_kr"])
def test_other_legacy_encodings_are_refused_not_read_as_garbage(tmp_path, source):
    """Big5 / Shift-JIS / EUC-KR bytes often decode as GB18030 without an error; the
    plausibility rule refuses them instead of producing mojibake."""
    samples = {
        "big5": "中華民國憲法是國家的根本大法，規定國家組織與人民權利義務。法治政府建設與依法行政。" * 4,
        "shift_jis": "日本国憲法は、日本の現行憲法である。国民主権、基本的人権の尊重、平和主義。" * 4,
        "euc_kr": "대한민국 헌법 제1조 대한민국은 민주공화국이다. 모든 권력은 국민으로부터 나온다. " * 8,
    }
    data = samples[source].encode(source)
    msg = _error(_write(tmp_path, data))
    assert "not UTF-8" in msg and "GB18030" in msg


def test_detection_reads_the_real_corpus_as_gb18030():
    from .conftest import SEEDS

    for p in SEEDS.glob("*.txt"):
        text = p.read_text(encoding="utf-8-sig")
        doc_bytes = text.encode("gb18030")
        assert decode(doc_bytes, p) == (text, "gb18030")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [TEXT, REPORT, "法治政府建设实施纲要", "report 2023\n", "法治 report 2023 with ASCII\n"])
def test_utf16_without_a_bom_is_read(tmp_path, codec, text):
    doc = read_document(_write(tmp_path, text.encode(codec)))
    assert (doc.text, doc.encoding) == (text, codec)


@pytest.mark.parametrize("data, problem", [
    (b"", "empty file"),
    (codecs.BOM_UTF8, "empty file (only a byte-order mark)"),
    (codecs.BOM_UTF16_LE, "empty file (only a byte-order mark)"),
    (b" \n\t\r\n", "whitespace"),
    ("\u3000\u3000\n\n".encode(), "whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "Office"),
    (b"\x7fELF\x02\x01\x01", "executable"),
    (b"abc\x00\x00\x00def\x00\x01\x02\x00\x00", "binary"),
    (codecs.BOM_UTF32_LE + "法治".encode("utf-32-le"), "UTF-32"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00", "invalid UTF-16"),  # a lone surrogate
    (codecs.BOM_UTF16_LE + b"A\x00B", "invalid UTF-16"),  # odd length
    (codecs.BOM_UTF8 + b"\xff\xfe abc", "invalid UTF-8"),
    (bytes(range(0x80, 0x100)) * 4, "not UTF-8"),
    ("a\x01b\x02c\x03d\x04e\x05".encode() * 10, "control characters"),
    ("\ufffd\ufffd\ufffd\ue000\ue001 法".encode() * 20, "broken conversion"),
])
def test_bad_files_get_one_line_errors(tmp_path, data, problem):
    p = _write(tmp_path, data, "bad.txt")
    msg = _error(p)
    assert msg.startswith(str(p)) and problem in msg


def test_a_few_control_characters_are_text(tmp_path):
    """Form feeds from PDF conversion and the odd stray control character do not make a file binary."""
    text = REPORT + "\f" + REPORT + "\x0b\x1b" + REPORT
    assert read_document(_write(tmp_path, text.encode())).text == text


def test_folders_pipes_and_missing_files(tmp_path):
    (tmp_path / "d.txt").mkdir()
    assert "folder" in _error(tmp_path / "d.txt")
    assert "No such file" in _error(tmp_path / "missing.txt")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo.txt")
        assert "not a regular file" in _error(tmp_path / "fifo.txt")  # and it does not hang


def test_find_inputs_names_a_missing_path(tmp_path):
    (tmp_path / "a.txt").write_text("法治", encoding="utf-8")
    (tmp_path / "b.md").write_text("法治", encoding="utf-8")
    assert [p.name for p in find_inputs([tmp_path])] == ["a.txt"]
    assert find_inputs([tmp_path, tmp_path / "a.txt"]) == [tmp_path / "a.txt"]  # once
    with pytest.raises(InputError) as ei:
        find_inputs([tmp_path / "nope"])
    assert str(ei.value) == f"{tmp_path / 'nope'}: no such file or folder"


def test_hostile_file_names_stay_one_line(tmp_path):
    p = tmp_path / "a\nb\r\x1b[31m.txt"
    p.write_bytes(b"")
    msg = _error(p)
    assert "\\n" in msg and "\\x1b" in msg


@pytest.mark.skipif(os.name != "posix", reason="bytes file names are a POSIX matter")
def test_undecodable_file_names_give_text_ids(tmp_path):
    """A GBK-named file on a UTF-8 system: the name arrives with surrogate escapes, which
    must never reach the graph (they cannot be encoded); GB18030 names are read as such."""
    gbk = os.fsdecode(str(tmp_path).encode() + b"/" + "广州".encode("gbk") + b".txt")
    junk = os.fsdecode(str(tmp_path).encode() + b"/x\xff\xfey.txt")
    for name in (gbk, junk):
        with open(name, "wb") as fh:
            fh.write(TEXT.encode())
    docs = {d.doc_id: d for d in read_all(sorted(find_inputs([tmp_path])))}
    assert set(docs) == {"广州", "x\\xff\\xfey"}
    for d in docs.values():
        d.path.encode("utf-8")  # no lone surrogate
        d.doc_id.encode("utf-8")
    assert display_path(junk).endswith("x\\xff\\xfey.txt")


def test_read_all_skips_duplicates_and_bad_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "r.txt").write_text(TEXT, encoding="utf-8")
    (b / "r.txt").write_text(TEXT, encoding="utf-8")
    (b / "e.txt").write_bytes(b"")
    items = list(read_all([a / "r.txt", b / "r.txt", b / "e.txt"]))
    assert [type(i).__name__ for i in items] == ["SourceDocument", "Skipped", "Skipped"]
    assert isinstance(items[1], Skipped) and "duplicate" in items[1].problem
    assert items[2].problem == "empty file"


def _read_seconds(tmp_path, text: str, enc: str) -> float:
    """The CPU time of reading `text` as a file (this process's alone: other work on the machine
    slows the wall clock, not the work done, and this test asks for the work's growth)."""
    p = _write(tmp_path, text.encode(enc), f"big-{enc}.txt")
    t0 = time.process_time()
    doc = read_document(p)
    dt = time.process_time() - t0
    assert len(doc.text) == len(text) and doc.encoding == enc
    return dt


@pytest.mark.parametrize("enc", ["utf-8", "gb18030"])
def test_a_50_mb_single_line_file_is_read_in_linear_time(tmp_path, enc):
    """Reading (decoding, checks, plausibility) a 50 MB line; 10 MB vs 50 MB must scale linearly."""
    unit = REPORT.replace("\n", "")
    big = unit * (50_000_000 // len(unit.encode(enc)))
    small = big[: len(big) // 5]
    t_small = min(_read_seconds(tmp_path, small, enc) for _ in range(2))
    t_big = _read_seconds(tmp_path, big, enc)
    assert t_big < 10, t_big
    assert t_big < 5 * 2.5 * t_small + 0.5, (t_small, t_big)  # linear: ×5 size, ≤ ×12.5 time
