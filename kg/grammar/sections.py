"""The sections of a compilation: a white paper's county reports, a yearbook's chapters.

A section opens with a report title (2022年法治政府建设年度报告), with the place or body it
belongs to on the line above it or in the title itself (沁 县 / 2022年…报告; 清溪市2022年…报告).
A text is a compilation only when at least two such headings name different places or bodies:
a single report with 一、二、三 headings is not one. A section ends at the next heading, or at a
part heading of the whole (Ⅲ 附录, 附件, 第三部分), after which the text is the whole's again.
Lines of a table of contents (……38) are no headings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import gazetteer

_YEAR = r"(?:19[89]\d|20\d\d)"
_REPORT_TITLE = re.compile(rf"^(\S{{0,20}}?)({_YEAR}年度?[^。；;，,]{{2,30}}?(?:报告|总结))$")
_PART_HEADING = re.compile(r"^(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]\s*\S|附\s*录|附\s*件|第[一二三四五六七八九十]+(?:部分|篇|章))")
_LEADERS = re.compile(r"[…．.·]{3,}|\d+$")
MIN_SECTIONS = 2
OWNER_MAX = 12


@dataclass(frozen=True, slots=True)
class SectionSpan:
    start: int  # where its heading starts
    end: int
    owner: str  # the place or body the heading names
    title: str  # the heading, the owner's line and the report title joined


def _owner(name: str) -> str | None:
    """A place (or a body named after one) that a short line or a title's prefix names."""
    name = re.sub(r"\s+", "", name)
    if not name or len(name) > OWNER_MAX:
        return None
    gz = gazetteer()
    found = gz.find(name)
    if found and found[0].start == 0:
        return name
    return None


def find_sections(text: str) -> list[SectionSpan]:
    heads: list[tuple[int, str, str]] = []  # (start, owner, title)
    parts: list[int] = []
    pos = 0
    prev: tuple[int, str] | None = None  # the last non-empty line (start, stripped)
    for line in text.splitlines(keepends=True):
        body = line.strip()
        start = pos + len(line) - len(line.lstrip())
        pos += len(line)
        if not body:
            continue
        if _PART_HEADING.match(body) and len(body) <= 30:
            parts.append(start)
        m = _REPORT_TITLE.match(body) if len(body) <= 50 and not _LEADERS.search(body) else None
        if m is not None:
            owner = _owner(m.group(1)) if m.group(1) else None
            if owner is None and prev is not None:
                owner = _owner(prev[1])
                if owner is not None:
                    heads.append((prev[0], owner, re.sub(r"\s+", "", prev[1]) + body))
                    prev = (start, body)
                    continue
            if owner is not None:
                heads.append((start, owner, body))
        prev = (start, body)
    if len(heads) < MIN_SECTIONS or len({h[1] for h in heads}) < MIN_SECTIONS:
        return []
    out: list[SectionSpan] = []
    for i, (start, owner, title) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        end = next((p for p in parts if start < p < end), end)
        out.append(SectionSpan(start, end, owner, title))
    return out
