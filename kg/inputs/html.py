"""Web page → the article's text with trafilatura: menus, share bars, footers and other page
chrome removed; the page's title first (it names the report's place and author). The page's
own encoding (meta charset, else detection) is honoured. Nothing is fetched: links and images
are never followed.

trafilatura finds the article (`bare_extraction`); its blocks are written here, one line per
paragraph, heading or list item, and a table row as one ``| cell | cell |`` line (the form the
appendix-table grammar reads; no Markdown rule line under the header).
"""
from __future__ import annotations

from . import ConversionError, Converted, quiet_loggers

#: trafilatura's block elements and the ones holding table cells
_TABLE, _ROW, _CELL = "table", "row", "cell"
_LIST_ITEM = "item"


def _flat(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _lines(el) -> list[str]:
    """The article's lines, in document order."""
    if el.tag == _TABLE:
        rows = []
        for row in el.iter(_ROW):
            cells = [_flat(c) for c in row if c.tag == _CELL]
            if any(cells):
                rows.append("| " + " | ".join(cells) + " |")
        return rows
    blocks = [c for c in el if c.tag in (_TABLE, "p", "head", "list", _LIST_ITEM, "quote", "code")]
    if not blocks:
        text = "\n".join(" ".join(ln.split()) for ln in "".join(el.itertext()).splitlines())
        return [ln for ln in text.split("\n") if ln]
    out = []
    if el.text and el.text.strip():
        out.append(" ".join(el.text.split()))
    for child in el:
        out.extend(_lines(child))
        if child.tail and child.tail.strip():
            out.append(" ".join(child.tail.split()))
    return out


def read_html(data: bytes) -> Converted:
    import trafilatura

    with quiet_loggers("trafilatura", "htmldate", "courlan", "justext"):
        try:
            page = trafilatura.bare_extraction(data, include_comments=False, include_tables=True,
                                               include_images=False, include_links=False,
                                               deduplicate=False, with_metadata=True)
        except (ValueError, TypeError) as exc:
            raise ConversionError(f"unreadable web page ({type(exc).__name__}: {exc})") from None
    lines = _lines(page.body) if page is not None and page.body is not None else []
    if not "".join(lines).strip():
        raise ConversionError("web page without article text")
    title = " ".join((page.title or "").split())
    if title and lines[0] != title:
        lines = [title, "", *lines]
    return Converted("\n".join(lines) + "\n", f"web page (trafilatura {trafilatura.__version__})")
