"""Character classes and small text helpers shared by the matchers."""
from __future__ import annotations

import re
from dataclasses import dataclass

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")
OPEN_Q = "“\"「『‘"
CLOSE_Q = "”\"」』’"
QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}
#: sentence ends; a newline also ends a sentence (headings, table rows)
SENT_END = "。！？!?；;\n"
#: longer runs without a sentence end are split (keeps the per-sentence rules linear)
MAX_SENTENCE = 600


def is_han(ch: str) -> bool:
    return bool(HAN_RE.match(ch))


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def sentences(text: str) -> list[Sentence]:
    """Sentence spans with surrounding whitespace trimmed, so text[start:end] is the quote."""
    out: list[Sentence] = []
    i, n = 0, len(text)
    while i < n:
        j = i
        while j < n and text[j] not in SENT_END:
            j += 1
        end = j + 1 if j < n and text[j] != "\n" else j
        # a closing quote right after the end mark belongs to the sentence
        while end < n and text[end] in "”’」』)）":
            end += 1
        s, e = i, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        while e - s > MAX_SENTENCE:  # a line without sentence ends: cut at a comma, else hard
            cut = max(text.rfind(c, s + MAX_SENTENCE // 2, s + MAX_SENTENCE) for c in "，,、 ")
            cut = cut + 1 if cut > s else s + MAX_SENTENCE
            out.append(Sentence(s, cut))
            s = cut
        if e > s:
            out.append(Sentence(s, e))
        i = max(end, j + 1)
    return out


def strip_spaces(s: str) -> str:
    return re.sub(r"\s+", "", s)
