"""Document context: which province / city / county a report speaks for.

Signals, strongest first: divisions named in the header lines (title, author line under a
section title), then how often each division and its children are named in the body.
A county is taken only from the header, where a report names its own county.
"""
from __future__ import annotations

from collections import Counter

from ..gazetteer import Division, Level, Match, gazetteer
from ..model import DocContext
from .text import strip_spaces

HEADER_LINES = 4
HEADER_MAX_CHARS = 64


def header_span(text: str) -> tuple[int, int]:
    """The first few short non-empty lines: title, subtitle, author."""
    # the lines of a growing prefix, not of the whole text: a 50 MB report is not split
    # into lines to read four of them (a prefix's last line may be cut short: never read)
    size = 4096
    while True:
        lines = text[:size].splitlines(keepends=True)
        whole = size >= len(text)
        if not whole:
            lines.pop()
        pos, seen, end = 0, 0, 0
        for line in lines:
            body = line.strip()
            if body:
                if len(body) > HEADER_MAX_CHARS or "|" in body:
                    return 0, end
                seen += 1
                end = pos + len(line.rstrip("\r\n"))
                if seen >= HEADER_LINES:
                    return 0, end
            pos += len(line)
        if whole:
            return 0, end
        size *= 4


def infer_context(text: str, matches: list[Match]) -> DocContext:
    gz = gazetteer()
    _, hend = header_span(text)
    # titles and author lines do not end a sentence; a short body line in the header does
    header_divs = [gz.resolve(m, prefer_higher=True)
                   for line in text[:hend].splitlines() if not line.rstrip().endswith(("。", "；", ";"))
                   for m in gz.find(strip_spaces(line))]
    header_divs = [d for d in header_divs if d is not None]

    named: Counter[str] = Counter()  # division code → mentions
    for m in matches:
        d = m.division or gz.resolve(m, prefer_higher=True)
        if d is not None:
            named[d.code] += 1
    # each mention adds 1 to its division, 1/2 to the parent, 1/4 above: sums of powers of
    # two, exact in floating point, so adding per division equals adding per mention
    score: Counter[str] = Counter()
    for code, count in named.items():
        w = 1.0
        for anc in gz.chain(gz.by_code(code)):
            score[anc.code] += count * w
            w *= 0.5
    for d in header_divs:
        for anc in gz.chain(d):
            score[anc.code] += 10

    def best(level: Level, within: Division | None = None) -> Division | None:
        cands = [(s, c) for c, s in score.items() if gz.get(c) and gz.by_code(c).level == level
                 and (within is None or gz.is_ancestor(within, gz.by_code(c)))]
        if not cands:
            return None
        cands.sort(key=lambda x: (-x[0], x[1]))
        return gz.by_code(cands[0][1])

    county = next((d for d in header_divs if d.level == Level.COUNTY), None)
    if county is not None:
        parent = gz.parent(county)
        city = parent if parent and parent.level == Level.PREFECTURE else None
        province = gz.chain(county)[-1]
    else:
        city = next((d for d in header_divs if d.level == Level.PREFECTURE), None) or best(Level.PREFECTURE)
        province = gz.chain(city)[-1] if city else best(Level.PROVINCE)
    return DocContext(
        province=province.name if province else None,
        city=city.name if city else None,
        county=county.name if county else None,
    )
