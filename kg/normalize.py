"""Text as users paste it → the text the extractor reads, with a map back to the original.

Reports arrive with Windows (CRLF) or old Mac (CR) line ends, and text taken from PDFs carries
spaces the layout left between Chinese characters, digits and quotes (``2024 年``,
``“ 枫桥经验 ”``, ``《 条例 》``). The matchers are written for clean text, so they would find
other names in such text, or none. `normalize` is the one layer that turns any of these into
the same clean text:

- page chrome (kg.boilerplate) is blanked first, on the text as read;
- CRLF and a lone CR become LF; a half-width full stop ending a Chinese sentence (…示范县.)
  becomes 。 (both in place: the same length), as every other half-width mark is read already;
- for text from PDFs, a line break inside a paragraph is dropped: after a line as long as the
  page's full lines that runs on into the next (no sentence end before, no heading or list
  marker after; Chinese, digits or quotes on both sides; never after the first line, the
  report's title);
- a run of horizontal spaces (space, tab, U+3000, U+00A0) is dropped between a digit and a
  Chinese character, and inside Chinese quotes and brackets next to their marks. Spaces between
  two Chinese characters (often the author's separator), beside Latin letters, at a line's
  start (indentation), around ``|`` and any run holding a tab (table cells) stay.

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
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from msgspec.structs import replace

from .boilerplate import clean_for_extraction
from .model import DocExtraction, Evidence, RelationMention, SourceDocument

#: Chinese characters (the basic block, extensions A to G and the compatibility block)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_DIGIT = "0-9\uff10-\uff19"
#: Chinese opening and closing quotes and brackets
_OPEN, _CLOSE = "“‘《「『〈（【〔", "”’》」』〉）】〕"
_HSPACE = " \t\u3000\u00a0"
#: space runs between digits or non-ASCII characters (the candidates; a C-speed prefilter); a
#: run holding a tab separates a table's cells (序号⇥名称, pasted from a spreadsheet): it stays
_SPACES = re.compile(f"(?<=[^\\x00-\\x2f:-~])[{_HSPACE.replace(chr(9), '')}]+(?=[^\\x00-\\x2f:-~])")
_OPENS, _CLOSES = frozenset(_OPEN), frozenset(_CLOSE)


class _Kind(Enum):
    HAN = "han"
    DIGIT = "digit"
    OPEN = "open"
    CLOSE = "close"
    OTHER = "other"


def _kind(c: str) -> _Kind:
    """What a character next to a space run is, for the layout-space rule."""
    o = ord(c)
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3134F:
        return _Kind.HAN
    if 0x30 <= o <= 0x39 or 0xFF10 <= o <= 0xFF19:
        return _Kind.DIGIT
    return _Kind.OPEN if c in _OPENS else _Kind.CLOSE if c in _CLOSES else _Kind.OTHER


#: (before, after) around a space run that layout, not the author, put there: between a digit
#: and a Chinese character (2024 年, 第 3 届), after an opening or before a closing mark
#: (“ 枫桥经验 ”, 《 条例 》). Between two Chinese characters a space is often the author's
#: separator (a name and its title: 王明 市司法局局长; a heading's two halves), so it stays.
_LAYOUT_SPACE = frozenset({
    (_Kind.DIGIT, _Kind.HAN), (_Kind.HAN, _Kind.DIGIT),
    (_Kind.OPEN, _Kind.HAN), (_Kind.OPEN, _Kind.DIGIT), (_Kind.OPEN, _Kind.OPEN),
    (_Kind.HAN, _Kind.CLOSE), (_Kind.DIGIT, _Kind.CLOSE), (_Kind.CLOSE, _Kind.CLOSE)})
_CR = re.compile("\r\n?")
#: a half-width full stop after a Chinese character or closing mark, before a break, a space or
#: Chinese (not a decimal point, an abbreviation or a web address: Latin or digits around it)
_CHINESE_FULL_STOP = re.compile(r"(?<=[\u4e00-\u9fff”」』）》)])\.(?=\s|$|[\u4e00-\u9fff“「『（(《])")

#: a line break inside a paragraph of a PDF page: the text runs on (no sentence end before it),
#: Chinese, digits or quotes on both sides, and no list or heading marker after it
_BREAK = re.compile(f"[{_HSPACE}]*\n[{_HSPACE}]*")
_RUNS_ON = re.compile(f"[{_HAN}{_DIGIT}{_OPEN}{_CLOSE}，、·—]")
_CONTINUES = re.compile(f"[{_HAN}{_DIGIT}{_OPEN}{_CLOSE}，、。；：！？]")
_HEADING = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|"
                      r"第[一二三四五六七八九十百\d]+[章节条]")
#: a wrapped line is at least this share of the page's full line length
_FULL_SHARE = 0.85


def _layout_spaces(text: str) -> list[tuple[int, int]]:
    """The space runs page layout put there (see _LAYOUT_SPACE)."""
    n = len(text)
    return [(s, e) for s, e in (m.span() for m in _SPACES.finditer(text))
            if 0 < s and e < n and (_kind(text[s - 1]), _kind(text[e])) in _LAYOUT_SPACE]


@dataclass(frozen=True, slots=True)
class Normalized:
    """The clean text and the way back: from clean offset `breaks[k]` on, the original offset is
    the clean one plus `shifts[k]` (the characters dropped before it)."""

    text: str
    breaks: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()

    def origin(self, i: int) -> int:
        k = bisect_right(self.breaks, i) - 1
        return i + self.shifts[k] if k >= 0 else i

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) of the clean [start, end)."""
        if not self.breaks:
            return start, end
        if end <= start:
            o = self.origin(start)
            return o, o
        return self.origin(start), self.origin(end - 1) + 1


def _full_line_length(text: str) -> int:
    """How many characters a full line of the page layout holds (a high percentile, so the
    short last lines of paragraphs and headings do not count)."""
    lengths = sorted(n for n in (len(ln.strip()) for ln in text.split("\n")) if n >= 8)
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def _breaks(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """The spans _BREAK.finditer(text, pos) yields (a line feed with the spaces around it), found
    from each line feed (str.find) instead of trying the pattern, which may open with a space,
    at every position."""
    n, last = len(text), pos
    nl = text.find("\n", pos)
    while nl >= 0:
        s, e = nl, nl + 1
        while s > last and text[s - 1] in _HSPACE:
            s -= 1
        while e < n and text[e] in _HSPACE:
            e += 1
        yield s, e
        last = e
        nl = text.find("\n", e)


def _wraps(text: str) -> list[tuple[int, int]]:
    """The line breaks (with the spaces around them) that layout put inside paragraphs: after a
    full line (at least _FULL_SHARE of the full length) that runs on into the next."""
    full = _full_line_length(text)
    first = text.find("\n", len(text) - len(text.lstrip()))  # the title's end: never run on
    if not full or first < 0:
        return []
    spans = []
    for s, e in _breaks(text, first + 1):
        if (s and e < len(text) and _RUNS_ON.match(text, s - 1) and _CONTINUES.match(text, e)
                and not _HEADING.match(text, e)):
            line_start = text.rfind("\n", 0, s) + 1
            line = text[line_start:s]
            next_end = text.find("\n", e)
            if len(line.strip()) >= _FULL_SHARE * full and not _TABLE_ROW.search(line) \
                    and not _TABLE_ROW.search(text, e, next_end if next_end >= 0 else len(text)) \
                    and _PROSE_MARK.search(text, line_start, next_end if next_end >= 0 else len(text)):
                # (a table's rows and a list's items are lines of their own, however long: prose
                # runs on across a line with a clause mark in it or the next)
                spans.append((s, e))
    return spans


#: a table row's cell separators (a row is never a wrapped line of prose)
_TABLE_ROW = re.compile(r"[\t|｜]")
#: the marks of running prose: a wrapped line, or the one it runs on into, holds one
_PROSE_MARK = re.compile("[，、；：。,;]")
#: how many of a text's lines of some length must run on into the next for it to be text
#: wrapped by a page's layout (pasted from a PDF), and at least how many
_WRAPPED_SHARE, _WRAPPED_LEAST = 0.3, 3


def hard_wrapped(text: str) -> bool:
    """Whether a plain text was pasted from a page layout, its paragraphs broken into lines of
    one length (a report typed or exported as text has one line per paragraph)."""
    return _wrapped(text, _layout_wraps(text))


def _layout_wraps(text: str) -> list[tuple[int, int]]:
    """_wraps of `text`, its CRLF lines measured as LF lines (a CR made a space: same length)."""
    return _wraps(text.replace("\r", " ") if "\r" in text else text)


def _wrapped(text: str, wraps: Sequence[tuple[int, int]]) -> bool:
    """Whether `wraps` (the text's _layout_wraps) are enough of its lines to say it was wrapped."""
    lines = sum(1 for ln in text.split("\n") if len(ln.strip()) >= 8)
    return len(wraps) >= _WRAPPED_LEAST and len(wraps) >= _WRAPPED_SHARE * lines


def _deletions(text: str, rewrap: bool | None) -> list[tuple[int, int]]:
    """[start, end) spans of the original to drop: the CR of a CRLF, the PDF spaces and the line
    breaks inside paragraphs (with `rewrap`; None: where the text shows it was wrapped)."""
    spans = [(m.start(), m.start() + 1) for m in _CR.finditer(text) if m.end() - m.start() == 2]
    spans += _layout_spaces(text)
    if rewrap is not False:
        wraps = _layout_wraps(text)
        if rewrap or _wrapped(text, wraps):
            spans += wraps
    spans.sort()
    return spans


def normalize(text: str, rewrap: bool | None = False, omit: Sequence[tuple[int, int]] = ()) -> Normalized:
    """`text` cleaned for extraction (chrome blanked, LF line ends, no PDF spaces), with offsets.
    `rewrap`: also join the lines that page layout broke inside paragraphs — True for text from
    PDFs, None for plain text, where they are joined when it shows it was pasted from a page
    layout (hard_wrapped); `omit`: [start, end) spans left out (a compilation's sections, read on
    their own)."""
    if "\r" in text:  # a lone CR becomes LF in place (same length); a CRLF's CR is dropped below
        text = _CR.sub(lambda m: "\n" if m.end() - m.start() == 1 else m.group(), text)
    if "." in text:
        text = _CHINESE_FULL_STOP.sub("。", text)
    blanked = clean_for_extraction(text)
    drops = _deletions(blanked, rewrap)
    if omit:
        drops = sorted(drops + list(omit))
    if not drops:
        return Normalized(blanked)
    parts: list[str] = []
    breaks: list[int] = []
    shifts: list[int] = []
    last = dropped = 0
    for s, e in drops:
        s = max(s, last)  # overlapping spans: a PDF space run beside a joined line break
        if e <= s:
            continue
        parts.append(blanked[last:s])
        dropped += e - s
        breaks.append(s - (dropped - (e - s)))  # the clean offset of the first character after it
        shifts.append(dropped)
        last = e
    parts.append(blanked[last:])
    return Normalized("".join(parts), tuple(breaks), tuple(shifts))


_LINE_BREAK = re.compile(f"[{_HSPACE}]*[\r\n]+[{_HSPACE}]*")


def layout_free(surface: str) -> str:
    """A surface as a label: without the line breaks and PDF spaces the page layout put inside
    it (柯城区司\n法局 → 柯城区司法局, 《 条例 》 → 《条例》); the author's own spaces stay."""
    if not any(c in surface for c in _HSPACE + "\r\n"):
        return surface
    surface = _LINE_BREAK.sub("", surface)
    spans = _layout_spaces(surface)
    starts = [0] + [e for _, e in spans]
    ends = [s for s, _ in spans] + [len(surface)]
    return "".join(surface[a:b] for a, b in zip(starts, ends, strict=True))


_Spanned = TypeVar("_Spanned")


def _moved(item: _Spanned, norm: Normalized, text: str, quoted: str | None = None) -> _Spanned:
    """`item` (a mention, evidence, observation or dataset: anything with `start` and `end`) with
    its clean offsets mapped back onto `text`, the original; `quoted` names the field (``surface``,
    ``quote``) that is sliced anew from there. The same object when nothing changes."""
    s, e = norm.span(item.start, item.end)
    changes: dict[str, object] = {"start": s, "end": e}
    if quoted is not None:
        changes[quoted] = text[s:e]
    if all(getattr(item, k) == v for k, v in changes.items()):
        return item
    return replace(item, **changes)


def restore(extraction: DocExtraction, document: SourceDocument, norm: Normalized, *,
            mentions_placed: bool = False) -> DocExtraction:
    """An extraction made on `norm.text`, moved onto `document` (the text as read): offsets
    mapped back, surfaces and quotes sliced from the original. `mentions_placed`: the mentions
    were made at the original's offsets already (kg.nlp.pipeline.to_extraction)."""
    text = document.text
    if not norm.breaks and norm.text == text:
        return replace(extraction, document=document)
    moved: dict[int, Evidence] = {}  # relations of one sentence share its evidence: moved once

    def relation(r: RelationMention) -> RelationMention:
        ev = r.evidence
        if ev.doc_id is None:
            return r  # background knowledge has no offsets
        new = moved.get(id(ev))
        if new is None:
            new = moved[id(ev)] = _moved(ev, norm, text, "quote")
        return r if new is ev else replace(r, evidence=new)

    mentions = extraction.mentions if mentions_placed else \
        tuple(_moved(m, norm, text, "surface") for m in extraction.mentions)
    return replace(
        extraction, document=document, mentions=mentions,
        relations=tuple(relation(r) for r in extraction.relations),
        observations=tuple(_moved(o, norm, text, "quote") for o in extraction.observations),
        datasets=tuple(_moved(d, norm, text) for d in extraction.datasets))
