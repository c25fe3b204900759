"""Appendix tables (rows of `|`- or tab-separated cells, as converters and spreadsheets paste
them): 文件名称 | 文号 | 登记号 | 制定单位.

A table is recognised by its header row; each later row yields a Regulation (with 文号 and
登记号 as properties), the issuing Organization, and the pair for issuedBy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from ..model import DocContext, EntityType
from .candidates import Candidate
from .orgs import resolve_level_word
from .text import CELL_SEPARATORS, strip_spaces
from .titles import instrument_name, regulation_kind

NAME_HEADERS = ("文件名称", "名称", "标题", "文件标题", "规范性文件名称", "决策事项", "事项名称")
NUMBER_HEADERS = ("文号", "发文字号", "发文号")
REGNO_HEADERS = ("登记号", "登记编号", "备案号")
ISSUER_HEADERS = ("制定单位", "发文单位", "制定机关", "发布机关", "起草单位", "决策承办单位",
                  "承办单位", "印发单位", "发文机关", "制发机关", "制发单位", "发布单位", "起草机关")
#: the cell separators, by preference: a row holds two of one of them or more
SEPARATORS = CELL_SEPARATORS


@dataclass(frozen=True, slots=True)
class TableRow:
    line_start: int
    line_end: int
    regulation: Candidate
    issuer: Candidate | None


def _separator(line: str) -> str | None:
    return next((sep for sep in SEPARATORS if line.count(sep) >= 2), None)


def _cells(line: str, offset: int, sep: str) -> list[tuple[str, int, int]]:
    """Cells of a row with their absolute offsets, whitespace-trimmed."""
    cells = []
    pos = 0
    for part in line.split(sep):
        s = pos + (len(part) - len(part.lstrip()))
        e = pos + len(part.rstrip())
        cells.append((line[s:e] if e > s else "", offset + s, offset + max(e, s)))
        pos += len(part) + 1
    return cells


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    """The column whose header (cells with spaces stripped) is one of `names`, else contains one."""
    for i, h in enumerate(header):
        if h in names:
            return i
    for i, h in enumerate(header):
        if any(n in h for n in names):
            return i
    return None


#: a header row names its columns with one of NAME_HEADERS (with spaces stripped), so it holds
#: one of their words, spaces allowed between the characters: 文件名称 and 事项名称 contain 名称
_NAME_HINT = re.compile(r"名\s*称|标\s*题|决\s*策\s*事\s*项")


def match_tables(text: str, ctx: DocContext | None = None) -> list[TableRow]:
    """The rows of the text's tables; `ctx` resolves an issuer's bare level word (县司法局)."""
    rows: list[TableRow] = []
    if text.count("|") < 2 and text.count("\t") < 2:
        return rows  # no row anywhere
    cols: dict[str, int | None] | None = None
    lines = text.splitlines(keepends=True)
    offsets = list(accumulate(map(len, lines), initial=0))
    last = -2
    # the rows: lines with two separators or more (a line without them ends a table)
    for li in [li for li, line in enumerate(lines) if _separator(line)]:
        if li != last + 1:
            cols = None  # the lines between end the table
        last = li
        start = offsets[li]
        body = lines[li].rstrip("\r\n")
        header = _NAME_HINT.search(body) is not None  # a cheap necessary condition
        if cols is None and not header:
            continue
        cells = _cells(body, start, _separator(body) or "|")
        if header:
            texts = [strip_spaces(c[0]) for c in cells]  # once per row, not once per header tried
            name_col = _column(texts, NAME_HEADERS)
            if name_col is not None and _column(texts, ISSUER_HEADERS + NUMBER_HEADERS) is not None:
                cols = {"name": name_col, "no": _column(texts, NUMBER_HEADERS),
                        "reg": _column(texts, REGNO_HEADERS), "issuer": _column(texts, ISSUER_HEADERS)}
                continue
        if cols is None:
            continue
        ni = cols["name"]
        if ni is None or ni >= len(cells) or not cells[ni][0]:
            continue
        cell, cs, ce = cells[ni]
        name, aliases = instrument_name(cell)
        props: list[tuple[str, str]] = []
        for key, prop in (("no", "documentNumber"), ("reg", "registrationNumber")):
            i = cols[key]
            if i is not None and i < len(cells) and cells[i][0]:
                props.append((prop, strip_spaces(cells[i][0])))
        reg = Candidate(cs, ce, EntityType.REGULATION, strip_spaces(name) if " " not in name else name,
                        "table", regulation_kind(name) or "NormativeDocument", tuple(props), aliases)
        issuer = None
        ii = cols["issuer"]
        if ii is not None and ii < len(cells) and cells[ii][0]:
            icell, is_, ie = cells[ii]
            iname = strip_spaces(icell)
            full = resolve_level_word(iname, ctx) if ctx is not None else iname
            aliases = tuple(sorted({icell, iname} - {full}))
            issuer = Candidate(is_, ie, EntityType.ORGANIZATION, full, "table", aliases=aliases)
        rows.append(TableRow(start, start + len(body), reg, issuer))
    return rows
