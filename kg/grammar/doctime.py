"""A report's title and the years it speaks of.

- The title: the report-title line of the header (…年度法治政府建设情况报告), else a headline with
  its —— subtitle, else the title a press conference gives itself (欢迎…参加XX新闻发布会).
- The year reported on: the year of a report title (2023年度 → 2023), else the year opening the
  first paragraph (2024年，… → 2024; 刚刚过去的2024年 → 2024). A year inside a title mark
  (《…纲要(2021—2025年)》) or a span of years is no report year.
- A fact's year: the year its sentence opens with or states for an event (2024年…获评 → 2024);
  a span (2021—2025年), a target (到2035年) or a year inside 《》 dates no fact. Else the report's.
"""
from __future__ import annotations

import re

from .context import header_span, title_end

_YEAR = r"(?:19[89]\d|20\d\d)"
_REPORT_WORDS = ("报告", "总结", "汇报", "白皮书", "亮点", "综述", "述职", "情况")
#: 2023年度 / 2023年 in a title, not a span (2021—2025年) and not inside 《》
_TITLE_YEAR = re.compile(rf"(?<!\d[—\-－~～至到])(?<!\d){_YEAR}(?=年)(?!年?[—\-－~～至到]\d)")
#: headings that are no title (a front matter's 前言, 目录)
_NO_TITLE = ("前言", "目录", "序言", "序", "引言")
_PRESS_TITLE = re.compile(r"参加(?:今天的)?([^，,。！!\n]{4,60}?新闻发布会)")
_OPENING_YEAR = re.compile(rf"^(?:[^，,。\n]{{0,10}}?)({_YEAR})年(?:度)?(?:[，,]|以来|是|，|上半年|全年|初|底|里)")
_SPAN_OR_TARGET = re.compile(rf"(?:到|至|—|－|-|~|～){_YEAR}年|{_YEAR}年?(?:—|－|-|~|～|至){_YEAR}")
_FACT_YEAR = re.compile(rf"(?<![\d—\-－~～至到])({_YEAR})年(?![—\-－~～至]\d)")


def _strip_titles(text: str) -> str:
    """The text with 《…》 blanked (same length): a year in a title dates no fact."""
    return re.sub(r"《[^《》\n]*》", lambda m: " " * len(m.group(0)), text)


def document_title(text: str) -> str | None:
    """The report's own title, from its heading (see the module's docstring)."""
    end = title_end(text)
    lines = [ln.strip() for ln in text[:end].splitlines()
             if ln.strip() and re.sub(r"\s+", "", ln) not in _NO_TITLE]
    report = next((ln for ln in lines if any(w in ln for w in _REPORT_WORDS)), None)
    if report is not None:
        i = lines.index(report)
        # a place or body alone on the line above a report title (沁 县 / 2022年…报告)
        if i > 0 and len(lines[i - 1]) <= 12 and not any(w in lines[i - 1] for w in _REPORT_WORDS):
            above = re.sub(r"\s+", "", lines[i - 1])
            return (above if len(above) <= 6 else lines[i - 1]) + report
        return report
    if lines:
        head = lines[0]
        if len(lines) > 1 and lines[1].startswith(("——", "—", "--")):
            head = f"{head}{lines[1]}"
        return head
    press = _PRESS_TITLE.search(text[:header_span(text)[1] + 2000])
    return press.group(1) if press else None


def title_year(title: str | None) -> int | None:
    """The year a title names as its own (2023年度…报告 → 2023), not one inside 《》."""
    if not title:
        return None
    m = _TITLE_YEAR.search(_strip_titles(title))
    return int(m.group(0)) if m else None


def document_year(text: str, title: str | None) -> int | None:
    """The year the report speaks of: its title's, else the one opening its first paragraph."""
    year = title_year(title)
    if year is not None:
        return year
    begin = title_end(text)
    for line in text[begin:begin + 3000].splitlines():
        body = line.strip()
        if not body:
            continue
        m = _OPENING_YEAR.match(body)
        if m:
            return int(m.group(1))
        if len(body) >= 60:  # the first paragraph: its opening names the year, or none does
            m = re.search(rf"(?:过去的|刚刚过去的|一年来|^){_YEAR}年", body[:40])
            return int(re.search(_YEAR, m.group(0)).group(0)) if m else None
    return None


def sentence_year(sentence: str) -> int | None:
    """The year a sentence dates its fact with, when it names exactly one (outside 《》, not a
    span or a target)."""
    plain = _SPAN_OR_TARGET.sub(lambda m: " " * len(m.group(0)), _strip_titles(sentence))
    years = {int(m.group(1)) for m in _FACT_YEAR.finditer(plain)}
    return years.pop() if len(years) == 1 else None


# ---- when an instrument was made and came into force ---------------------------------------

_DATE = rf"({_YEAR})年(\d{{1,2}})月(\d{{1,2}})日"
#: 《X》…自2023年3月1日起施行: in force from that day (the title's own clause or the next)
_IN_FORCE = re.compile(rf"(?:自|于|从){_DATE}(?:起)?(?:正式)?(?:施行|实施|生效)")
#: 《X》于2022年6月1日…审议通过 / 2022年6月1日…审议通过《X》: made on that day
_MADE = r"(?:审议通过|表决通过|通过|印发|发布|公布)"
_PASSED = re.compile(rf"{_DATE}[^。；;\n]{{0,30}}?{_MADE}")
_PASSED_BEFORE = re.compile(rf"{_DATE}[^。；;\n]{{0,30}}?{_MADE}了?$")
#: the year in a document number: 云政办字〔2022〕8号
_NUMBER_YEAR = re.compile(rf"[〔\[［(（]({_YEAR})[〕\]］)）]")
#: how far after a title its dates may stand (the rest of its sentence)
DATE_WINDOW = 80


def _iso(m: re.Match[str]) -> str | None:
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


def instrument_dates(text: str, start: int, end: int, number: str | None = None
                     ) -> tuple[tuple[str, str], ...]:
    """(eli property, value) pairs for the instrument titled at text[start:end]: the day it was
    made (eli:date_document: the day of its passing or issuing, else its document number's year)
    and the day it came into force (eli:first_date_entry_in_force), when its sentence says so."""
    stop = min(len(text), end + DATE_WINDOW)
    for ch in "。；;\n":
        j = text.find(ch, end, stop)
        if j >= 0:
            stop = j
    after = text[end:stop]
    out: list[tuple[str, str]] = []
    passed = _PASSED.search(after)
    if passed is None:
        clause_start = max(text.rfind(c, 0, start) for c in "。；;\n") + 1
        passed = _PASSED_BEFORE.search(text, max(clause_start, start - 40), start)
    if passed is not None and (iso := _iso(passed)):
        out.append(("eli:date_document", iso))
    elif number and (ym := _NUMBER_YEAR.search(number)):
        out.append(("eli:date_document", ym.group(1)))
    force = _IN_FORCE.search(after)
    if force is not None and (iso := _iso(force)):
        out.append(("eli:first_date_entry_in_force", iso))
    return tuple(out)
