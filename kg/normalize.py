"""Text as users paste it → the text the extractor reads, with a map back to the original.

Reports arrive with Windows (CRLF) or old Mac (CR) line ends, and text taken from PDFs carries
spaces the layout left between Chinese characters, digits and quotes (``2024 年``,
``“ 枫桥经验 ”``, ``《 条例 》``). The matchers are written for clean text, so they would find
other names in such text, or none. `normalize` is the one layer that turns any of these into
the same clean text:

- page chrome (kg.boilerplate) is blanked first, on the text as read;
- CRLF and a lone CR become LF;
- for text from PDFs, a line break inside a paragraph is dropped: after a line as long as the
  page's full lines that runs on into the next (no sentence end before, no heading or list
  marker after; Chinese, digits or quotes on both sides; never after the first line, the
  report's title);
- a run of horizontal spaces (space, tab, U+3000, U+00A0) is dropped between a digit and a
  Chinese character, and inside Chinese quotes and brackets next to their marks. Spaces between
  two Chinese characters (often the author's separator), beside Latin letters, at a line's
  start (indentation) or around ``|`` (table cells) stay.

The result keeps, for every character, its offset in the original; `restore` maps the
extraction's offsets back, so mentions and evidence point into the text as read, and takes
surfaces and quotes from there. Hence a mention's surface is always ``original[start:end]``:
for ``《 条例 》`` that is the spaced form as it stands in the file, while its entity (the
canonical name) is the one of the clean text, and `layout_free` gives the label it adds (the
resolver's alternative labels never hold layout spaces or line breaks). A span never starts or
ends on a dropped space.
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, replace

from .boilerplate import clean_for_extraction
from .model import DocExtraction, SourceDocument

#: Chinese characters (the basic block, extensions A to G and the compatibility block)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_DIGIT = "0-9\uff10-\uff19"
#: Chinese opening and closing quotes and brackets
_OPEN, _CLOSE = "“‘《「『〈（【〔", "”’》」』〉）】〕"
_HSPACE = " \t\u3000\u00a0"
#: a space run that layout, not the author, put there: between a digit and a Chinese character
#: (2024 年, 第 3 届), after an opening or before a closing mark (“ 枫桥经验 ”, 《 条例 》).
#: Between two Chinese characters a space is often the author's separator (a name and its
#: title: 王明 市司法局局长; a heading's two halves), so it stays.
_DROP_SPACES = re.compile(
    f"(?<=[{_DIGIT}])[{_HSPACE}]+(?=[{_HAN}])|(?<=[{_HAN}])[{_HSPACE}]+(?=[{_DIGIT}])|"
    f"(?<=[{_OPEN}])[{_HSPACE}]+(?=[{_HAN}{_DIGIT}{_OPEN}])|"
    f"(?<=[{_HAN}{_DIGIT}{_CLOSE}])[{_HSPACE}]+(?=[{_CLOSE}])")
_CR = re.compile("\r\n?")

#: a line break inside a paragraph of a PDF page: the text runs on (no sentence end before it,
#: no list or heading marker after it), Chinese, digits or quotes on both sides
_WRAP = re.compile(
    f"(?<=[{_HAN}{_DIGIT}{_OPEN}{_CLOSE}，、·—])[{_HSPACE}]*\n[{_HSPACE}]*"
    f"(?=[{_HAN}{_DIGIT}{_OPEN}{_CLOSE}，、。；：！？])"
    f"(?![一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|第[一二三四五六七八九十百\d]+[章节条])")
#: a wrapped line is at least this share of the page's full line length
_FULL_SHARE = 0.85


@dataclass(frozen=True, slots=True)
class Normalized:
    """The clean text and, for each of its characters (and its end), the original offset."""

    text: str
    origin: array | None  # len(text) + 1 offsets into the original, increasing; None: the same

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) of the clean [start, end)."""
        if self.origin is None:
            return start, end
        if end <= start:
            o = self.origin[start]
            return o, o
        return self.origin[start], self.origin[end - 1] + 1


def _full_line_length(text: str) -> int:
    """How many characters a full line of the page layout holds (a high percentile, so the
    short last lines of paragraphs and headings do not count)."""
    lengths = sorted(n for n in (len(ln.strip()) for ln in text.split("\n")) if n >= 8)
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def _wraps(text: str) -> list[tuple[int, int]]:
    """The line breaks (with the spaces around them) that layout put inside paragraphs: after a
    full line (at least _FULL_SHARE of the full length) that runs on into the next."""
    full = _full_line_length(text)
    if not full:
        return []
    title_end = len(text) - len(text.lstrip())
    title_end = text.find("\n", title_end)  # the first line is the report's title: never run on
    spans = []
    for m in _WRAP.finditer(text, max(title_end, 0) + 1 if title_end >= 0 else len(text)):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if len(text[line_start:m.start()].strip()) >= _FULL_SHARE * full:
            spans.append(m.span())
    return spans


def _deletions(text: str, rewrap: bool) -> list[tuple[int, int]]:
    """[start, end) spans of the original to drop: the CR of a CRLF, the PDF spaces and, with
    `rewrap`, the line breaks inside paragraphs."""
    spans = [(m.start(), m.start() + 1) for m in _CR.finditer(text) if m.end() - m.start() == 2]
    spans += [m.span() for m in _DROP_SPACES.finditer(text)]
    if rewrap:
        spans += _wraps(text.replace("\r", " "))  # same length: CRLF lines measure as LF lines
    spans.sort()
    return spans


def normalize(text: str, rewrap: bool = False) -> Normalized:
    """`text` cleaned for extraction (chrome blanked, LF line ends, no PDF spaces), with offsets.
    `rewrap`: also join the lines that page layout broke inside paragraphs (text from PDFs)."""
    if "\r" in text:  # a lone CR becomes LF in place (same length); a CRLF's CR is dropped below
        text = _CR.sub(lambda m: "\n" if m.end() - m.start() == 1 else m.group(), text)
    blanked = clean_for_extraction(text)
    drops = _deletions(blanked, rewrap)
    if not drops:
        return Normalized(blanked, None)
    parts: list[str] = []
    origin = array("q")
    last = 0
    for s, e in drops:
        s = max(s, last)  # overlapping spans: a PDF space run beside a joined line break
        parts.append(blanked[last:s])
        origin.extend(range(last, s))
        last = max(last, e)
    parts.append(blanked[last:])
    origin.extend(range(last, len(text) + 1))
    return Normalized("".join(parts), origin)


_LINE_BREAK = re.compile(f"[{_HSPACE}]*[\r\n]+[{_HSPACE}]*")


def layout_free(surface: str) -> str:
    """A surface as a label: without the line breaks and PDF spaces the page layout put inside
    it (柯城区司\n法局 → 柯城区司法局, 《 条例 》 → 《条例》); the author's own spaces stay."""
    if not any(c in surface for c in _HSPACE + "\r\n"):
        return surface
    return _DROP_SPACES.sub("", _LINE_BREAK.sub("", surface))


def restore(extraction: DocExtraction, document: SourceDocument, norm: Normalized) -> DocExtraction:
    """An extraction made on `norm.text`, moved onto `document` (the text as read): offsets
    mapped back, surfaces and quotes sliced from the original."""
    text = document.text
    mentions = []
    for m in extraction.mentions:
        s, e = norm.span(m.start, m.end)
        mentions.append(m if (s, e, m.surface) == (m.start, m.end, text[s:e])
                        else replace(m, start=s, end=e, surface=text[s:e]))
    relations = []
    for r in extraction.relations:
        ev = r.evidence
        if ev.doc_id is not None:
            s, e = norm.span(ev.start, ev.end)
            if (s, e, ev.quote) != (ev.start, ev.end, text[s:e]):
                r = replace(r, evidence=replace(ev, start=s, end=e, quote=text[s:e]))
        relations.append(r)
    return replace(extraction, document=document, mentions=tuple(mentions), relations=tuple(relations))
