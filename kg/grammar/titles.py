"""《…》 titles: legal instruments vs media outlets, columns and article or book titles."""
from __future__ import annotations

import re

from ..lexicon import COLUMN_HEADS, MEDIA_SUFFIXES, REGULATION_SUFFIXES
from ..model import EntityType
from .candidates import Candidate

TITLE_RE = re.compile(r"《([^《》\n]{1,80})》")
_TRAILING_NOTE = re.compile(r"[(（][^()（）]{1,12}[)）]$")  # (试行) (2022年修订) (草案)
_SUFFIXES_LONGEST_FIRST = tuple(sorted(REGULATION_SUFFIXES, key=lambda sk: len(sk[0]), reverse=True))
_ISSUING = re.compile(r"^(?P<issuer>.*?)关于印发(?P<inner>.+?)的通知$")


def regulation_kind(title: str) -> str | None:
    """The Regulation subclass a title's ending implies, or None when it is no instrument."""
    core = _TRAILING_NOTE.sub("", title).rstrip()
    for suffix, kind in _SUFFIXES_LONGEST_FIRST:
        if core.endswith(suffix):
            if suffix == "法" and len(core) < 3:
                return None  # 《法》 or 《宪法》-like stubs need a stem
            return kind
    return None


def is_media(title: str) -> bool:
    return any(title.endswith(s) for s in MEDIA_SUFFIXES) and len(title) <= 12


def is_article_title(title: str) -> bool:
    """Speeches, articles and books: spaces, sentence punctuation or a 论/谈 opening."""
    return bool(re.search(r"[\s，,。！？!?：:——]", title)) or title.startswith(("论", "谈", "习近平"))


def instrument_name(cell: str) -> tuple[str, tuple[str, ...]]:
    """A normative document's name from an issuing notice: 关于印发《X》的通知 → X."""
    cell = cell.strip()
    m = TITLE_RE.search(cell)
    if m and "印发" in cell:
        return m.group(1), (cell, f"《{m.group(1)}》")
    m2 = _ISSUING.match(cell)
    if m2:
        return m2.group("inner"), (cell,)
    return cell, ()


def match_titles(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for m in TITLE_RE.finditer(text):
        title = m.group(1).strip()
        if not title:
            continue
        after = text[m.end():m.end() + 4]
        head = next((h for h in COLUMN_HEADS if after.startswith(h)), None)
        if head and not regulation_kind(title):
            out.append(Candidate(m.start(), m.end() + len(head), EntityType.PROGRAM,
                                 f"《{title}》{head}", "title", "Column",
                                 aliases=(f"《{title}》", title)))
            continue
        if is_media(title):
            out.append(Candidate(m.start(), m.end(), EntityType.ORGANIZATION, title, "title",
                                 "MediaOrganization", aliases=(f"《{title}》",)))
            continue
        kind = regulation_kind(title)
        if kind:
            name, aliases = title, (f"《{title}》",)
            if "印发" in title:
                name, more = instrument_name(title)
                aliases = aliases + more
            out.append(Candidate(m.start(), m.end(), EntityType.REGULATION, name, "title", kind,
                                 aliases=aliases))
            continue
        if not is_article_title(title) and 2 <= len(title) <= 8:
            # a short named series or product without an instrument ending (《聊微课》)
            out.append(Candidate(m.start(), m.end(), EntityType.PROGRAM, title, "title", "Column",
                                 aliases=(f"《{title}》",)))
    return out
