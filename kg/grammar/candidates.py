"""The candidate type every matcher returns, and the merge policy over overlapping ones."""
from __future__ import annotations

import bisect
import operator
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import EntityKey, EntityType, Mention
from .text import CLOSING_QUOTES

#: when two candidates overlap, the higher priority wins; ties go to the longer one
PRIORITY = {
    "table": 100, "title": 90, "award": 80, "instrument": 78, "central": 75, "org": 70, "media": 68, "person": 65, "established": 62,
    "program": 60, "mechanism": 55, "place": 50, "selfref": 48, "town": 45, "statute": 40, "parent": 30,
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

    def to_mention(self, doc_id: str, text: str,
                   keys: dict[tuple[EntityType, str], EntityKey] | None = None,
                   origin: Callable[[int, int], tuple[int, int]] | None = None) -> Mention:
        """The mention; `keys`, if given, shares one EntityKey among the mentions of an entity;
        `origin`, if given, maps the candidate's offsets onto `text` (the text as read, when the
        candidate was found in its normalised form)."""
        start, end, aliases = self.start, self.end, self.aliases
        if origin is not None:
            start, end = origin(start, end)
        if keys is None:
            key = EntityKey(self.etype, self.name)
        else:
            key = keys.get((self.etype, self.name))
            if key is None:
                key = keys[(self.etype, self.name)] = EntityKey(self.etype, self.name)
        # positional, in Mention's field order: doc_id, start, end, surface, key, subtype, props, source
        return Mention(doc_id, start, end, text[start:end], key, self.subtype,
                       self.props + tuple([("alias", a) for a in aliases]) if aliases else self.props,
                       self.source)


NESTED = "nested"
#: the body a sub-unit's name holds (市委全面依法治市委员会 in …委员会普法宣传协调小组): kept nested
PARENT = "parent"


def _rank(c: Candidate) -> tuple[int, int, int]:
    return (PRIORITY.get(c.source, 0), c.end - c.start, -c.start)


_SPAN = operator.attrgetter("start", "end")  # the (start, end) key, without a Python call


def _start(c: Candidate) -> int:
    return c.start


def _shares_its_core(place: Candidate, body: Candidate) -> bool:
    """Whether `body` is the place's own, its core written once after the list of places
    (长垌乡、六巷乡司法所: 长垌乡's words name 长垌乡司法所): the place stays a mention inside it."""
    return place.etype == EntityType.PLACE and body.etype == EntityType.ORGANIZATION \
        and len(body.name) > len(place.name) and body.name.startswith(place.name)


def merge_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep a non-overlapping subset: best-ranked first; nested spans of equal source lose."""
    chosen: list[Candidate] = []
    taken = bytearray(max((c.end for c in cands), default=0))
    for c in sorted(cands, key=_rank, reverse=True):
        if taken.find(1, c.start, c.end) >= 0:  # a position already taken (no slice made)
            continue
        chosen.append(c)
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    # places and organisations named inside a regulation's title are mentions too
    # (云州市人民政府办公室关于印发…): kept, marked nested so they never act as subjects
    # non-overlapping: each position has at most one host, the last one starting at or before it
    hosts = sorted((h for h in chosen if h.end > h.start), key=_start)
    host_starts = [h.start for h in hosts]
    chosen_ids = {id(c) for c in chosen}
    nested = []
    for c in cands:
        i = bisect.bisect_right(host_starts, c.start) - 1
        host = hosts[i] if i >= 0 and c.start < hosts[i].end else None
        if id(c) in chosen_ids or host is None or c.end > host.end or host.etype == EntityType.PLACE \
                or host.source == "central":  # 北京大学 names no place the report speaks of
            continue
        if c.start == host.start and c.end == host.end and not _shares_its_core(c, host):
            continue  # the same words read another way (“X工作室” as a body, as a brand): a rival, lost
        if host.etype == EntityType.REGULATION and c.etype == EntityType.PROGRAM and c.end >= host.end - 1 \
                and c.name[-1:] in CLOSING_QUOTES:
            continue  # a quoted name that ends a title names the instrument itself (《…“免罚清单”》)
        if host.etype == EntityType.ORGANIZATION and c.etype == EntityType.PROGRAM and c.end == host.end:
            continue  # a quote closing a body's name is the body's name (新港社区“老杨工作室”), no brand
        if c.etype == EntityType.PLACE or (host.etype in (EntityType.REGULATION, EntityType.AWARD) and (
                c.etype == EntityType.PROGRAM or (c.etype == EntityType.ORGANIZATION and c.start - host.start <= 1
                                                  and c.end < host.end - 1))) \
                or (host.etype == EntityType.ORGANIZATION and c.etype == EntityType.PROGRAM) \
                or (host.etype == EntityType.ORGANIZATION and c.source == PARENT) \
                or (host.etype == EntityType.REGULATION and c.etype == EntityType.REGULATION):
            # places inside any name; programs in titles and in the bodies named after them
            # (“有事来谈”调解室); an organisation only as a title's issuer, opening it (an honour
            # that is all a body's name, “福建省金牌调解工作室”, names none); a title inside a title
            nested.append(c)
    inner_taken = bytearray(len(taken))
    parent_taken = bytearray(len(taken))  # a sub-unit's parent holds the places nested in it
    for c in sorted(nested, key=_rank, reverse=True):
        layer = parent_taken if c.source == PARENT else inner_taken
        if layer.find(1, c.start, c.end) >= 0:
            continue
        layer[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(Candidate(c.start, c.end, c.etype, c.name, NESTED, c.subtype, c.props, c.aliases))
    return sorted(chosen, key=_SPAN)
