"""Statistics tables (rows of cells separated by `|`, or by tabs as a spreadsheet pastes them),
read cell by cell: a row per place, a column per measure.

    云州市2022年行政许可情况统计表                     ← title: the table's place, year and topic
    单位名称 | 行政许可实施数量 | 撤销许可数量 |          ← header rows: a group spanning columns …
    受理数量 | 许可数量 | 不予许可数量 |                ← … and its leaves
    市直部门(单位) | 2214051 | 2207668 | 2408 | 131 |   ← the city level
    沁 县 | 12401 | 12355 | 33 | 4 |                 ← a county (spaces inside names removed)
    合计 | 2859657 | 2851374 | 3867 | 173 |          ← the check row

A multi-row header does not say which columns a group spans: the leaves of the second row are
given to the groups of the first in order, so that each leaf shares the most characters with its
group (被行政复议数量 under 被行政复议诉讼数量) and a 合计 leaf closes its group. Each table is
checked against its own 合计 row; a column that does not add up is reported on its DataSet.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import accumulate

from ..gazetteer import Division, Level, gazetteer, short_form
from ..measures import canonical_measure
from ..model import DataSet, DocContext, EntityKey, EntityType, Observation
from .orgs import resolve_level_word
from .places import context_codes, names_settlement
from .text import CELL_SEPARATORS, row_separator, strip_spaces

#: rows that sum the others: the check row, never an observation
TOTAL_ROWS = ("合计", "总计", "总数", "全市合计", "全县合计", "全区合计", "全省合计", "合 计")
SUBTOTAL_ROWS = ("小计",)
#: rows for a level of government rather than a named place (市直部门 is the city level)
LEVEL_ROWS: dict[str, Level] = {
    "市直部门": Level.PREFECTURE, "市直单位": Level.PREFECTURE, "市直": Level.PREFECTURE,
    "市本级": Level.PREFECTURE, "市级": Level.PREFECTURE, "市直机关": Level.PREFECTURE,
    "省直部门": Level.PROVINCE, "省直单位": Level.PROVINCE, "省直": Level.PROVINCE, "省本级": Level.PROVINCE,
    "省级": Level.PROVINCE,
    "县直部门": Level.COUNTY, "县直单位": Level.COUNTY, "县直": Level.COUNTY, "县本级": Level.COUNTY,
    "区直部门": Level.COUNTY, "区直单位": Level.COUNTY, "区直": Level.COUNTY, "区本级": Level.COUNTY,
}
_NOTE_ROWS = ("填表说明", "说明", "注", "备注", "数据来源")
_ORG_ENDINGS = ("局", "委", "办", "院", "厅", "中心", "所", "队", "会", "室", "部", "处", "站", "署")
#: a unit in brackets after a header: 罚没金额(万元), 合计(件)
_UNIT_NOTE = re.compile(r"[（(]\s*(万元|亿元|元|件次|人次|件|次|个|人|名|家|户|项|宗|起|%|％|‰|天|日)\s*[）)]")
_TITLE_UNIT = re.compile(r"单位\s*[:：]\s*(万元|亿元|元|件|次|个|人|名|家|户|项|宗|起|%)")
_NUMBER = re.compile(r"-?[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?%?")
_NULL = frozenset({"", "-", "—", "－", "/", "／", "——", "…", "无"})
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_TOPIC_END = re.compile(r"(?:情况)?(?:统计表|汇总表|一览表|统计|明细表|表)$")
_TABLE_NO = re.compile(r"^(?:附件\s*\d*|附表\s*\d*|表\s*\d+)[:：.、]?")
_TOPIC_LEAD = re.compile(r"^(?:(?:19|20)\d{2}年度?|年度|及|和|各县[（(]市[、,，]?区[）)]|各县市区|各区县|"
                         r"各县区|各?乡镇(?:[（(]街道[）)])?|各镇街|各街镇|各村(?:[（(]社区[）)])?|村[（(]社区[）)]|各社区|全市|全省|全县|全区|各)+")
_GROUP_TAIL = re.compile(r"(?:实施数量|实施次数|实施情况|数量|情况|总数)$")
#: characters every header shares: no evidence that a leaf belongs under a group
_COMMON = frozenset("数量件次个人元万()（）、和或者及其他的总合计 ")


@dataclass(frozen=True, slots=True)
class _Row:
    start: int
    end: int
    cells: list[str]
    values: list[Decimal | None]  # each cell's number, read once

    @staticmethod
    def of(start: int, end: int, cells: list[str]) -> _Row:
        return _Row(start, end, cells, [_number(c) for c in cells])

    def value(self, c: int) -> Decimal | None:
        return self.values[c] if c < len(self.values) else None


def _cells(line: str) -> list[str]:
    parts = [p.strip() for p in unicodedata.normalize("NFKC", line).split(row_separator(line) or "|")]
    if line.lstrip().startswith("|") and parts and not parts[0]:
        parts = parts[1:]
    while parts and not parts[-1]:
        parts.pop()
    return parts


def _number(cell: str) -> Decimal | None:
    s = strip_spaces(cell) if " " in cell else cell
    if not s or not _NUMBER.fullmatch(s):
        return None
    try:
        return Decimal(s.rstrip("%").replace(",", ""))
    except InvalidOperation:
        return None


def _is_null(cell: str) -> bool:
    return strip_spaces(cell) in _NULL


def _is_data(row: _Row) -> bool:
    cells, values = row.cells, row.values
    if len(cells) < 2 or not cells[0] or values[0] is not None:
        return False
    return any(v is not None for v in values[1:]) and \
        all(v is not None or _is_null(c) for c, v in zip(cells[1:], values[1:], strict=False))


_BRACKETED = re.compile(r"[（(][^）)]*[）)]")


def _label(cell: str) -> str:
    return _BRACKETED.sub("", strip_spaces(cell))


def _is_total(label: str) -> bool:
    return label in TOTAL_ROWS or (label.endswith("合计") and len(label) <= 6)


def _clean_header(h: str) -> tuple[str, str | None]:
    """A header without spaces and without its unit note: (label, unit)."""
    h = strip_spaces(h)
    unit = None
    m = _UNIT_NOTE.search(h)
    if m:
        unit = m.group(1).replace("％", "%")
        h = (h[:m.start()] + h[m.end():]).strip()
    return h, unit


def _overlap(leaf: str, group: str) -> int:
    return len((set(leaf) - _COMMON) & set(group))


def column_paths(header_rows: Sequence[Sequence[str]], width: int) -> list[tuple[str, ...]] | None:
    """The header path of each of `width` value columns (label column removed), or None when the
    header cannot be laid over the columns. One row: one header per column. Two rows: the first
    row's groups span the second row's leaves (see the module doc)."""
    rows = [[c for c in r if strip_spaces(c)] for r in header_rows]
    rows = [r for r in rows if r]
    if not rows:
        return None
    if len(rows) == 1 or (len(rows[0]) == width and len(rows) == 2 and len(rows[1]) == width):
        last = rows[-1]
        return [(c,) for c in last] if len(last) == width else None
    top, leaves = rows[-2], rows[-1]
    m, n = len(top), len(leaves)
    g = m + n - width
    if g < 1 or g > m or n < g:
        return None
    top_labels = [_clean_header(c)[0] for c in top]
    leaf_labels = [_clean_header(c)[0] for c in leaves]
    totals_top = {i for i, c in enumerate(top_labels) if _is_total(c)}
    leaf_total = [_is_total(c) for c in leaf_labels]
    # prefix sums of each leaf's overlap with each group: a part's score in O(1)
    sums = [list(accumulate((_overlap(x, gl) for x in leaf_labels), initial=0)) for gl in top_labels]
    best: tuple[tuple[int, int], tuple[int, ...], tuple[int, ...]] | None = None
    tried = 0
    for groups in itertools.combinations([i for i in range(m) if i not in totals_top], g):
        for cuts in itertools.combinations(range(1, n), g - 1):
            tried += 1
            if tried > 20000:
                return None
            bounds = (0, *cuts, n)
            score = 0
            for k, gi in enumerate(groups):
                a, b = bounds[k], bounds[k + 1]
                score += sums[gi][b] - sums[gi][a]
                for j in range(a, b):  # a 合计 leaf closes its group
                    if leaf_total[j]:
                        score += 3 if j == b - 1 else -3
            key = (score, -sum(groups))
            if best is None or key > best[0]:
                best = (key, groups, cuts)
    if best is None:
        return None
    _, groups, cuts = best
    bounds = (0, *cuts, n)
    paths: list[tuple[str, ...]] = []
    for i, cell in enumerate(top):
        if i in groups:
            k = groups.index(i)
            paths.extend((cell, leaf) for leaf in leaves[bounds[k]:bounds[k + 1]])
        else:
            paths.append((cell,))
    return paths if len(paths) == width else None


def _measure(path: tuple[str, ...], topic: str) -> tuple[str, str | None]:
    """A column's measure label and unit: 行政许可实施数量 › 受理数量 → 行政许可受理数量."""
    leaf, unit = _clean_header(path[-1])
    group, gunit = _clean_header(path[0]) if len(path) > 1 else ("", None)
    unit = unit or gunit
    if _is_total(leaf):
        label = group if group else topic + "合计"
    else:
        prefix = _GROUP_TAIL.sub("", group) if group else topic
        if not prefix or prefix in leaf or (len(leaf) >= 6 and leaf[:2] in prefix):
            label = leaf
        elif prefix.endswith(leaf[:2]):
            label = prefix + leaf[2:]  # 人民调解 › 调解纠纷数: the word they share, once
        else:
            label = prefix + leaf
    for name in (label, group):
        if unit is None:
            unit = "次" if name.endswith("次数") else "%" if name.endswith("率") else \
                "件" if name.endswith(("数量", "件数", "案件数")) else None
    return canonical_measure(label), unit


@dataclass(frozen=True, slots=True)
class _Title:
    text: str
    place: Division | None
    year: int | None
    topic: str
    unit: str | None


def _title(line: str, codes: list[str]) -> _Title:
    gz = gazetteer()
    body = strip_spaces(_TABLE_NO.sub("", line.strip()))  # (附表1 2023年…: the number before the year)
    place = None
    rest = body
    for m in gz.find(body, codes):
        d = gz.resolve(m, codes, prefer_higher=not m.is_short)
        if d is not None and place is None:
            place = d
        if m.start == len(body) - len(rest):
            rest = body[m.end:]
    ym = _YEAR.search(body)
    tm = _TITLE_UNIT.search(body) or _UNIT_NOTE.search(body)
    topic = _TOPIC_LEAD.sub("", _UNIT_NOTE.sub("", re.sub(r"[（(]单位[^）)]*[）)]", "", rest)))
    topic = _TOPIC_END.sub("", topic)
    topic = re.sub(r"(?:工作)?情况$", "", topic)  # (人民调解工作情况: the topic is 人民调解)
    unit = tm.group(1).replace("％", "%") if tm else None
    return _Title(line.strip(), place, int(ym.group(1)) if ym else None, topic, unit)


def _row_area(label: str, title: _Title, ctx: DocContext, codes: list[str]) -> EntityKey | None:
    """The place or body a row is about."""
    gz = gazetteer()
    for word, level in LEVEL_ROWS.items():
        if label == word or label.startswith(word) and len(label) <= len(word) + 4:
            if title.place is not None:
                for d in gz.chain(title.place):
                    if d.level == level:
                        return EntityKey(EntityType.PLACE, d.name)
            name = {Level.PROVINCE: ctx.province, Level.PREFECTURE: ctx.city, Level.COUNTY: ctx.county}.get(level)
            return EntityKey(EntityType.PLACE, name) if name else None
    divs = gz.lookup(label) or (gz.lookup(short) if (short := short_form(label)) else [])
    if divs:  # 茌平区 is 茌平县 renamed: the gazetteer's name, as in running text
        d = gz.resolve(divs, codes, prefer_higher=True)
        return EntityKey(EntityType.PLACE, d.name) if d is not None else None
    if len(label) >= 3 and label.endswith(_ORG_ENDINGS):
        return EntityKey(EntityType.ORGANIZATION, resolve_level_word(label, ctx))
    if names_settlement(label):  # a table of towns or villages (豫海镇 | 356 | 98.6%)
        return EntityKey(EntityType.PLACE, label)
    return None


def _decimals(v: Decimal) -> int:
    exp = v.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def _check(rows: list[_Row], total: _Row | None, width: int,
           measures: list[str]) -> tuple[bool | None, tuple[str, ...]]:
    """Does each column of the rows sum to the 合计 row? (None: no 合计 row)"""
    if total is None:
        return None, ()
    bad: list[str] = []
    for c in range(width):
        want = total.value(c + 1)
        if want is None:
            continue
        vals = [v for r in rows if (v := r.value(c + 1)) is not None]
        got = sum(vals, Decimal(0))
        places = max([_decimals(want), *map(_decimals, vals)])
        tol = Decimal(0) if places == 0 else Decimal(10) ** -places * max(1, len(vals))
        if abs(got - want) > tol:
            bad.append(f"{measures[c]}: {got} ≠ {want}")
    return not bad, tuple(bad)


_RULE = re.compile(r"[\s|:\-—]*")


#: a cell after the first holding a number: a block without one is no statistics table
#: (序号 | 文件名称 | 文号 | …)
_NUMBER_CELL = re.compile(r"[|\t][ \t\u3000]*-?[0-9０-９][0-9０-９,，.．]*[ \t\u3000]*[%％]?[ \t\u3000]*(?:[|\t]|$)")


def _table_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every table row (row_separator), found from the |s and tabs (not by
    splitting the text)."""
    spans: set[tuple[int, int]] = set()
    for sep in CELL_SEPARATORS:
        i = text.find(sep)
        while i >= 0:
            s = text.rfind("\n", 0, i) + 1
            e = text.find("\n", i)
            e = len(text) if e < 0 else e
            span = (s, e - 1 if e > s and text[e - 1] == "\r" else e)
            if row_separator(text[span[0]:span[1]]):
                spans.add(span)
            i = text.find(sep, e)
    return sorted(spans)


def _title_before(text: str, start: int) -> str:
    """The last non-empty line before `start` (within three lines): the table's title."""
    e = start - 1
    for _ in range(3):
        if e <= 0:
            return ""
        s = text.rfind("\n", 0, e) + 1
        line = text[s:e].strip()
        if line:
            return line
        e = s - 1
    return ""


def _blocks(text: str) -> list[tuple[list[_Row], str]]:
    """Runs of consecutive table lines holding a number, each with the line before it (its title)."""
    out: list[tuple[list[_Row], str]] = []
    run: list[tuple[int, int]] = []
    last_end = -2

    def flush() -> None:
        if run and any(_NUMBER_CELL.search(text, s, e) for s, e in run):
            rows = [_Row.of(s, e, _cells(text[s:e])) for s, e in run if not _RULE.fullmatch(text, s, e)]
            out.append((rows, _title_before(text, run[0][0])))

    for s, e in _table_lines(text):
        if text[last_end:s].strip("\r\n") or s > last_end + 2:  # a line between: a new table
            flush()
            run = []
        run.append((s, e))
        last_end = e
    flush()
    return out


#: a row of a table whose cells the text's layout keeps apart by spaces alone (a PDF's text): a
#: label without spaces or digits, then numbers (浈江区 210 195 13.8%; normalising the text drops
#: the space between the label and the first: 浈江区210 195 13.8%)
_SPACED_ROW = re.compile(r"^[ \t\u3000]*(?P<label>[^\s|0-9０-９]{1,16}?)[ \u3000]*(?P<values>-?[0-9][0-9,.]*%?"
                         r"(?:[ \u3000]+-?[0-9][0-9,.]*%?)*)[ \t\u3000]*$", re.MULTILINE)
#: what running text holds and a header line does not
_SENTENCE_MARKS = re.compile("[。；;！？!?，,]")


def _spaced_blocks(text: str) -> list[tuple[list[_Row], str]]:
    """Runs of two or more rows of a label and numbers kept apart by spaces, each as wide, right
    under a header line of as many cells without a sentence's marks (县（市、区） 收案数（件）
    审结数（件） 纠错率), each with the line before the header (its title)."""
    out: list[tuple[list[_Row], str]] = []
    run: list[tuple[int, int, list[str]]] = []

    def flush() -> None:
        if len(run) < 2:
            return
        hs = text.rfind("\n", 0, max(run[0][0] - 1, 0)) + 1
        he = run[0][0] - 1
        header = text[hs:he].split()
        if hs < he and len(header) == len(run[0][2]) and not _SENTENCE_MARKS.search(text, hs, he) \
                and not _SPACED_ROW.fullmatch(text, hs, he):
            out.append(([_Row.of(hs, he, header), *(_Row.of(s, e, cells) for s, e, cells in run)],
                        _title_before(text, hs)))

    for m in _SPACED_ROW.finditer(text):
        s, e = m.span()
        cells = [m.group("label"), *m.group("values").split()]
        if run and (s != run[-1][1] + 1 or len(cells) != len(run[-1][2])):
            flush()
            run = []
        run.append((s, e, cells))
    flush()
    return out


#: a first column that numbers the rows (序号 | 单位 | …): not a label, dropped
INDEX_HEADERS = ("序号", "编号", "排序", "序")
_YEAR_HEADER = re.compile(r"((?:19|20)\d{2})(?:年度?)?")


def _without_index_column(rows: list[_Row]) -> list[_Row]:
    if rows and rows[0].cells and _label(rows[0].cells[0]) in INDEX_HEADERS:
        return [_Row(r.start, r.end, r.cells[1:], r.values[1:]) for r in rows]
    return rows


def _column_years(paths: list[tuple[str, ...]]) -> list[int] | None:
    """The years of the columns when every column is a year (指标 | 2022年 | 2023年), else None."""
    years = [_YEAR_HEADER.fullmatch(strip_spaces(p[-1])) for p in paths]
    return [int(m.group(1)) for m in years] if all(years) else None


@dataclass(frozen=True, slots=True)
class _Table:
    """A statistics table laid out: its title, value-column headers, data rows and 合计 row."""

    title: _Title
    paths: list[tuple[str, ...]]
    measures: list[tuple[str, str | None]]  # each column's (measure, unit)
    body: list[_Row]
    start: int
    end: int


def _layout(rows: list[_Row], title_line: str, codes: list[str]) -> _Table | None:
    rows = _without_index_column(rows)
    first = next((i for i, r in enumerate(rows) if _is_data(r)), None)
    if first is None or first == 0:
        return None
    header = [r.cells for r in rows[:first] if r.cells and not _label(r.cells[0]).startswith(_NOTE_ROWS)]
    if not header:
        return None
    header = [header[0][1:], *header[1:]]  # the first row's first cell heads the label column
    body = [r for r in rows[first:] if _is_data(r)]
    paths = column_paths(header, max(len(r.cells) for r in body) - 1)
    if paths is None:
        return None
    title = _title(title_line, codes) if title_line and len(strip_spaces(title_line)) <= 60 else \
        _Title("", None, None, "", None)
    return _Table(title, paths, [_measure(p, title.topic) for p in paths], body, rows[0].start, rows[-1].end)


def _cells_of(table: _Table, ctx: DocContext, codes: list[str], year: int | None
              ) -> tuple[list[tuple[_Row, EntityKey, int, str, str | None, int | None]], list[_Row], _Row | None]:
    """(row, area, column, measure, unit, year) of every value cell; the rows read; the 合计 row.

    A column per measure: the row names the place. A column per year (指标 | 2022年 | 2023年): the
    row names the measure and the table's place is the area, unless the row names a place (then
    the title's topic is the measure)."""
    title = table.title
    tcodes = ([title.place.code] if title.place else []) + codes
    years = _column_years(table.paths)
    measures = table.measures
    home = EntityKey(EntityType.PLACE, title.place.name) if title.place else \
        EntityKey(EntityType.PLACE, ctx.local) if ctx.local else None
    out: list[tuple[_Row, EntityKey, int, str, str | None, int | None]] = []
    read: list[_Row] = []
    total = None
    for r in table.body:
        label = _label(r.cells[0])
        if _is_total(label):
            total = total or r
            continue
        if label in SUBTOTAL_ROWS:
            continue
        area = _row_area(label, title, ctx, tcodes)
        if years is None:
            if area is None:
                continue
            cols = [(c, measures[c][0], measures[c][1], title.year or year) for c in range(len(measures))]
        else:
            if area is not None and area.etype is EntityType.PLACE and title.topic:
                measure, unit = canonical_measure(title.topic), title.unit
            else:
                area = home
                name, unit = _clean_header(r.cells[0])
                measure = canonical_measure(name)
                unit = unit or title.unit or ("%" if name.endswith("率") else None)
            if area is None or not measure:
                continue
            cols = [(c, measure, unit, years[c]) for c in range(len(years))]
        read.append(r)
        out.extend((r, area, c, m, u, y) for c, m, u, y in cols)
    return out, read, total


def match_stat_tables(doc_id: str, text: str, ctx: DocContext, year: int | None
                      ) -> tuple[list[Observation], list[DataSet]]:
    """The observations of the text's statistics tables, and one checked DataSet per table."""
    blocks = _blocks(text) if text.count("|") >= 2 or "\t" in text else []
    blocks += _spaced_blocks(text)
    if not blocks:
        return [], []
    observations: list[Observation] = []
    datasets: list[DataSet] = []
    codes = context_codes(ctx)
    for rows, title_line in sorted(blocks, key=lambda b: b[0][0].start):
        table = _layout(rows, title_line, codes)
        if table is None:
            continue
        cells, read, total = _cells_of(table, ctx, codes, year)
        if not cells:
            continue
        key = f"table-{len(datasets) + 1}"
        paths = [tuple(strip_spaces(h) for h in p) for p in table.paths]
        quotes: dict[int, str] = {}
        for r, area, c, measure, unit, y in cells:
            v = r.value(c + 1)
            if v is None:
                continue
            quote = quotes.get(r.start) or quotes.setdefault(r.start, text[r.start:r.end])
            observations.append(Observation(
                doc_id, area, y, measure, format(v.normalize(), "f") if v != 0 else "0",
                unit or table.title.unit, quote, r.start, r.end, dataset=key, header_path=paths[c]))
        adds_up, bad = _check(read, total, len(table.paths), [m for m, _ in table.measures])
        datasets.append(DataSet(doc_id, key, table.title.text or table.title.topic, table.start, table.end,
                                adds_up, bad))
    return observations, datasets
