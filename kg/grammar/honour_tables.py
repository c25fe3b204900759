"""Tables of honours (a white paper's appendix): 获奖单位（个人） | 荣誉名称 | 授予机关.

A table is recognised by its header row: a column of honours and a column of who received them.
Each later row's honour cell is an Award; who received it and who conferred it are the bodies,
places and officials the other matchers find in their cells (kg.grammar.rel_awards.table_honours).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import EntityType
from .candidates import Candidate
from .tables import cell, column, headed_rows
from .text import strip_spaces

HONOUR_HEADERS = ("荣誉名称", "荣誉称号", "奖项名称", "表彰名称", "表彰项目", "获得荣誉", "所获荣誉", "获奖名称",
                  "荣誉", "称号", "奖项")
RECIPIENT_HEADERS = ("获奖单位", "获奖集体", "获奖个人", "获奖者", "获评单位", "受表彰单位", "受表彰集体",
                     "受表彰个人", "表彰对象", "获得单位", "获得者", "获奖对象", "单位（个人）", "单位(个人)",
                     "集体/个人", "单位/个人", "单位名称", "获奖主体", "获评主体", "受表彰主体", "获奖人员",
                     "受表彰人员")
#: headers that name the recipients only as a whole cell (单位 | 荣誉称号 | 授予单位): inside
#: another header they are the conferrer's (授予单位) or the honour's (集体荣誉)
PLAIN_RECIPIENT_HEADERS = ("单位", "集体", "个人", "主体", "对象", "名称", "姓名", "获奖人")
CONFERRER_HEADERS = ("授予机关", "授予单位", "授予部门", "颁发单位", "颁发机关", "颁奖单位", "表彰单位",
                     "表彰机关", "命名单位", "命名机关", "评选单位", "评选机关")
#: a header row names its honour column with a word of HONOUR_HEADERS (spaces allowed between characters)
_HONOUR_HINT = re.compile(r"荣\s*誉|称\s*号|奖\s*项|表\s*彰")
#: a cell that says nothing (—, /, 无)
_EMPTY = re.compile(r"[—\-－/／无\s]*")


@dataclass(frozen=True, slots=True)
class HonourRow:
    """One row: the honour, and the cells naming who received and who conferred it."""

    line_start: int
    line_end: int
    award: Candidate
    recipients: tuple[int, int]
    conferrers: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class _Columns:
    honour: int
    recipient: int
    conferrer: int | None


def _honour_columns(header: list[str]) -> _Columns | None:
    honour, recipient = column(header, HONOUR_HEADERS), column(header, RECIPIENT_HEADERS)
    if recipient is None:
        recipient = next((i for i, h in enumerate(header) if h in PLAIN_RECIPIENT_HEADERS), None)
    if honour is None or recipient is None or honour == recipient:
        return None
    conferrer = column(header, CONFERRER_HEADERS)
    return _Columns(honour, recipient, conferrer if conferrer not in (honour, recipient) else None)


def match_honour_tables(text: str) -> list[HonourRow]:
    """The rows of the text's tables of honours."""
    rows = []
    for cols, start, end, cells in headed_rows(text, _HONOUR_HINT, _honour_columns):
        honour, recipient = cell(cells, cols.honour), cell(cells, cols.recipient)
        if honour is None or recipient is None or _EMPTY.fullmatch(honour[0]):
            continue
        name, hs, he = honour
        award = Candidate(hs, he, EntityType.AWARD, strip_spaces(name), "table")
        by = cell(cells, cols.conferrer)
        rows.append(HonourRow(start, end, award, recipient[1:], by[1:] if by is not None else None))
    return rows
