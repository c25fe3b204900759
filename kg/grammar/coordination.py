"""Coordination of mentions: A、B和C, the joints that make several mentions one group."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import EntityKey, EntityType
from .candidates import Candidate

#: what joins two coordinated mentions (spaces around it are what PDF text leaves)
COORD = re.compile(r"\s*(?:、|和|与|及|以及|，)\s*")


def coordinated_before(text: str, cands: Sequence[tuple[Candidate, EntityKey]]) -> list[EntityKey]:
    """The last mention of `cands` and those joined to it by 、/和/与, of its type, nearest first
    (清溪市、石桥县入选…: both). An item may open with the places it lies in (店塔镇石窑店村、
    孙家岔镇庙沟门村: the villages): a place right before a mention qualifies it and is no item."""
    m, k = cands[-1]
    out = [k]
    for m2, k2 in reversed(cands[:-1]):
        if k2.etype == EntityType.PLACE and m2.end == m.start:
            m = m2  # the item's chain of places
            continue
        if k2.etype != k.etype or not COORD.fullmatch(text, m2.end, m.start) or "，" in text[m2.end:m.start]:
            break
        out.append(k2)
        m = m2
    return out
