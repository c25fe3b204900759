"""The candidate type every matcher returns, and the merge policy over overlapping ones."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import EntityKey, EntityType, Mention

#: when two candidates overlap, the higher priority wins; ties go to the longer one
PRIORITY = {
    "table": 100, "title": 90, "award": 80, "central": 75, "org": 70, "person": 65,
    "program": 60, "place": 50, "town": 45, "statute": 40, "mechanism": 30,
}


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    etype: EntityType
    name: str  # canonical name after context resolution
    source: str
    subtype: str | None = None
    props: tuple[tuple[str, str], ...] = field(default=())
    #: extra labels this mention contributes (e.g. the full table cell)
    aliases: tuple[str, ...] = field(default=())

    def to_mention(self, doc_id: str, text: str) -> Mention:
        return Mention(
            doc_id=doc_id, start=self.start, end=self.end, surface=text[self.start:self.end],
            key=EntityKey(self.etype, self.name), subtype=self.subtype,
            props=self.props + tuple(("alias", a) for a in self.aliases), source=self.source,
        )


def _rank(c: Candidate) -> tuple[int, int, int]:
    return (PRIORITY.get(c.source, 0), c.end - c.start, -c.start)


def merge_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep a non-overlapping subset: best-ranked first; nested spans of equal source lose."""
    chosen: list[Candidate] = []
    taken = bytearray(max((c.end for c in cands), default=0))
    for c in sorted(cands, key=_rank, reverse=True):
        if any(taken[c.start:c.end]):
            continue
        chosen.append(c)
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    return sorted(chosen, key=lambda c: (c.start, c.end))
