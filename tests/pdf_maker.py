"""A minimal PDF with a real text layer, made without any PDF library: one Type0 font
(Identity-H, two-byte codes equal to the BMP code points) with a ToUnicode map, one Tj per line.
Good enough for text extraction, which is all the tests need (no glyphs are drawn)."""
from __future__ import annotations


def _hex(line: str) -> str:
    return "".join(f"{ord(c):04X}" for c in line)


def _tounicode() -> bytes:
    ranges = [f"<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>" for hi in range(256)]
    blocks = []
    for i in range(0, len(ranges), 100):
        chunk = ranges[i:i + 100]
        blocks.append(f"{len(chunk)} beginbfrange\n" + "\n".join(chunk) + "\nendbfrange")
    return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + "\n".join(blocks) +
            "\nendcmap CMapName currentdict /CMap defineresource pop end end\n").encode("ascii")


def make_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose pages hold these lines of text (BMP characters only)."""
    objects: dict[int, bytes] = {}
    font, cid, tounicode = 3, 4, 5
    first_page = 6
    kids = []
    for n, lines in enumerate(pages):
        page_id, content_id = first_page + 2 * n, first_page + 2 * n + 1
        kids.append(f"{page_id} 0 R")
        ops = ["BT", "/F1 10 Tf", "40 800 Td"]
        for i, line in enumerate(lines):
            if i:
                ops.append("0 -16 Td")
            ops.append(f"<{_hex(line)}> Tj")
        ops.append("ET")
        stream = "\n".join(ops).encode("ascii")
        objects[content_id] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objects[page_id] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content_id} 0 R >>").encode()
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    objects[font] = (f"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
                     f"/DescendantFonts [{cid} 0 R] /ToUnicode {tounicode} 0 R >>").encode()
    objects[cid] = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
                    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>")
    cmap = _tounicode()
    objects[tounicode] = b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for oid in sorted(objects):
        offsets[oid] = len(out)
        out += b"%d 0 obj\n" % oid + objects[oid] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for oid in range(1, size):
        out += b"%010d 00000 n \n" % offsets[oid]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)
