"""Appendix tables (rows of `|`- or tab-separated cells, as converters and spreadsheets paste
them): 文件名称 | 文号 | 登记号 | 制定单位.

A table is recognised by its header row; each later row yields a Regulation (with 文号 and
登记号 as properties), the issuing Organizations (a cell may list several jointly issuing
bodies), and the pairs for issuedBy.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import TypeVar

from ..model import DocContext, EntityType
from .candidates import Candidate
from .orgs import resolve_level_word
from .text import row_separator, strip_spaces
from .titles import instrument_name, regulation_kind

NAME_HEADERS = ("文件名称", "名称", "标题", "文件标题", "规范性文件名称", "决策事项", "事项名称")
NUMBER_HEADERS = ("文号", "发文字号", "发文号")
REGNO_HEADERS = ("登记号", "登记编号", "备案号")
ISSUER_HEADERS = ("制定单位", "发文单位", "制定机关", "发布机关", "起草单位", "决策承办单位",
                  "承办单位", "印发单位", "发文机关", "制发机关", "制发单位", "发布单位", "起草机关")


@dataclass(frozen=True, slots=True)
class TableRow:
    line_start: int
    line_end: int
    regulation: Candidate
    issuers: tuple[Candidate, ...]


#: a cell's text (whitespace-trimmed) and its offsets in the document
Cell = tuple[str, int, int]


def _cells(line: str, offset: int, sep: str) -> list[Cell]:
    """Cells of a row with their absolute offsets, whitespace-trimmed."""
    cells = []
    pos = 0
    for part in line.split(sep):
        s = pos + (len(part) - len(part.lstrip()))
        e = pos + len(part.rstrip())
        cells.append((line[s:e] if e > s else "", offset + s, offset + max(e, s)))
        pos += len(part) + 1
    return cells


def column(header: list[str], names: tuple[str, ...]) -> int | None:
    """The column whose header (cells with spaces stripped) is one of `names`, else contains one."""
    for i, h in enumerate(header):
        if h in names:
            return i
    for i, h in enumerate(header):
        if any(n in h for n in names):
            return i
    return None


#: what separates the bodies one cell lists (市自然资源和规划局、市农业农村局); 和 does not: it
#: joins the fields of one body's name (自然资源和规划局)
_LISTED = re.compile(r"[、，,；;/／]")


def listed(c: Cell) -> list[Cell]:
    """The items a cell lists, each trimmed, with its offsets; the cell itself when it lists none."""
    text, start, _ = c
    out: list[Cell] = []
    pos = 0
    for m in [*_LISTED.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        part = text[pos:end]
        s = pos + len(part) - len(part.lstrip())
        e = pos + len(part.rstrip())
        if e > s:
            out.append((text[s:e], start + s, start + e))
        if m is not None:
            pos = m.end()
    return out


def cell(cells: list[Cell], i: int | None) -> Cell | None:
    """The row's cell in column `i`, None when there is no such column or the cell is empty."""
    return cells[i] if i is not None and i < len(cells) and cells[i][0] else None


C = TypeVar("C")


def headed_rows(text: str, hint: re.Pattern[str], columns: Callable[[list[str]], C | None]
                ) -> Iterator[tuple[C, int, int, list[Cell]]]:
    """(columns, line start, line end, cells) of each row of the text's tables under a header row
    that `columns` reads (its cells with spaces stripped → the columns, None for another table's
    header); `hint` is a cheap necessary condition of such a header. A line that is no row
    (kg.grammar.text.row_separator) ends a table."""
    if text.count("|") < 2 and text.count("\t") < 2:
        return  # no row anywhere
    cols: C | None = None
    lines = text.splitlines(keepends=True)
    offsets = list(accumulate(map(len, lines), initial=0))
    last = -2
    for li in [li for li, line in enumerate(lines) if row_separator(line)]:
        if li != last + 1:
            cols = None  # the lines between end the table
        last = li
        start = offsets[li]
        body = lines[li].rstrip("\r\n")
        header = hint.search(body) is not None
        if cols is None and not header:
            continue
        cells = _cells(body, start, row_separator(body) or "|")
        if all(_RULE.fullmatch(c[0].strip()) for c in cells):
            continue  # a Markdown table's rule under its header (| --- | :---: |): no row
        if header:
            read = columns([strip_spaces(c[0]) for c in cells])
            if read is not None:
                cols = read
                continue
        if cols is not None:
            yield cols, start, start + len(body), cells


#: a cell of a Markdown table's rule (---, :---:), or an empty one
_RULE = re.compile(r":?-*:?")


#: a header row names its columns with one of NAME_HEADERS (with spaces stripped), so it holds
#: one of their words, spaces allowed between the characters: 文件名称 and 事项名称 contain 名称
_NAME_HINT = re.compile(r"名\s*称|标\s*题|决\s*策\s*事\s*项")


@dataclass(frozen=True, slots=True)
class _Columns:
    name: int
    no: int | None
    reg: int | None
    issuer: int | None


def _instrument_columns(header: list[str]) -> _Columns | None:
    name = column(header, NAME_HEADERS)
    if name is None or column(header, ISSUER_HEADERS + NUMBER_HEADERS) is None:
        return None
    return _Columns(name, column(header, NUMBER_HEADERS), column(header, REGNO_HEADERS),
                    column(header, ISSUER_HEADERS))


def match_tables(text: str, ctx: DocContext | None = None) -> list[TableRow]:
    """The rows of the text's tables of instruments; `ctx` resolves an issuer's bare level word (县司法局)."""
    rows: list[TableRow] = []
    for cols, start, end, cells in headed_rows(text, _NAME_HINT, _instrument_columns):
        named = cell(cells, cols.name)
        if named is None:
            continue
        text_, cs, ce = named
        name, aliases = instrument_name(text_)
        props: list[tuple[str, str]] = []
        for i, prop in ((cols.no, "documentNumber"), (cols.reg, "registrationNumber")):
            c = cell(cells, i)
            if c is not None:
                props.append((prop, strip_spaces(c[0])))
        reg = Candidate(cs, ce, EntityType.REGULATION, strip_spaces(name) if " " not in name else name,
                        "table", regulation_kind(name) or "NormativeDocument", tuple(props), aliases)
        by = cell(cells, cols.issuer)
        issuers = tuple(_issuer(c, ctx) for c in listed(by)) if by is not None else ()
        rows.append(TableRow(start, end, reg, issuers))
    return rows


def _issuer(c: Cell, ctx: DocContext | None) -> Candidate:
    """An issuer cell's body, its bare level word resolved (县司法局 → 柳溪县司法局)."""
    icell, start, end = c
    iname = strip_spaces(icell)
    full = resolve_level_word(iname, ctx) if ctx is not None else iname
    aliases = tuple(sorted({icell, iname} - {full}))
    return Candidate(start, end, EntityType.ORGANIZATION, full, "table", aliases=aliases)
