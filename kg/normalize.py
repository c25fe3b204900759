"""Text as users paste it → the text the extractor reads, with a map back to the original.

Reports arrive with Windows (CRLF) or old Mac (CR) line ends, and text taken from PDFs carries
spaces the layout left between Chinese characters, digits and quotes (``2024 年``,
``“ 枫桥经验 ”``, ``《 条例 》``). The matchers are written for clean text, so they would find
other names in such text, or none. `normalize` is the one layer that turns any of these into
the same clean text:

- page chrome (kg.boilerplate) is blanked first, on the text as read;
- CRLF and a lone CR become LF;
- a run of horizontal spaces (space, tab, U+3000, U+00A0) is dropped between a digit and a
  Chinese character, and inside Chinese quotes and brackets next to their marks. Spaces between
  two Chinese characters (often the author's separator), beside Latin letters, at a line's
  start (indentation) or around ``|`` (table cells) stay.

The result keeps, for every character, its offset in the original; `restore` maps the
extraction's offsets back, so mentions and evidence point into the text as read, and takes
surfaces and quotes from there. Hence a mention's surface is always ``original[start:end]``:
for ``《 条例 》`` that is the spaced form as it stands in the file, while its entity (the
canonical name) is the one of the clean text. A span never starts or ends on a dropped space.
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


def _deletions(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of the original to drop: the CR of a CRLF and the PDF spaces."""
    spans = [(m.start(), m.start() + 1) for m in _CR.finditer(text) if m.end() - m.start() == 2]
    spans += [m.span() for m in _DROP_SPACES.finditer(text)]
    spans.sort()
    return spans


def normalize(text: str) -> Normalized:
    """`text` cleaned for extraction (chrome blanked, LF line ends, no PDF spaces), with offsets."""
    if "\r" in text:  # a lone CR becomes LF in place (same length); a CRLF's CR is dropped below
        text = _CR.sub(lambda m: "\n" if m.end() - m.start() == 1 else m.group(), text)
    blanked = clean_for_extraction(text)
    drops = _deletions(blanked)
    if not drops:
        return Normalized(blanked, None)
    parts: list[str] = []
    origin = array("q")
    last = 0
    for s, e in drops:
        if s < last:  # overlapping spans (a CR inside a space run cannot happen, but be safe)
            s = last
        parts.append(blanked[last:s])
        origin.extend(range(last, s))
        last = max(last, e)
    parts.append(blanked[last:])
    origin.extend(range(last, len(text) + 1))
    return Normalized("".join(parts), origin)


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
