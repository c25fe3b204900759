"""receivedAward and awardedBy, from the award events of kg.grammar.awards.

The recipient is what the event names (the active voice's 命名A、B为…, the person after an
honour in 涌现出 lists), else the nearest eligible mention before the cue in its clause with
those coordinated with it, else the recipient of the sentence's previous honour, else the
document's actor. Each organisation inside 被X授予 (or before an active 命名) is a conferrer.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..model import EntityKey, EntityType, Predicate
from .awards import AwardEvent
from .candidates import NESTED, Candidate
from .coordination import coordinated_before
from .text import Sentence

_ORG, _PLACE, _PERSON = EntityType.ORGANIZATION, EntityType.PLACE, EntityType.PERSON
#: who can receive an honour
RECIPIENT_TYPES = (_ORG, _PLACE, _PERSON, EntityType.PROGRAM, EntityType.REGULATION)

Add = Callable[[EntityKey, Predicate, EntityKey, Sentence | None], None]


def award_relations(text: str, sents: Sequence[Sentence], sentence_at: Callable[[int], int | None],
                    in_sent: Mapping[int, Sequence[tuple[Candidate, EntityKey]]],
                    events: Sequence[AwardEvent], actor_at: Callable[[int], EntityKey | None],
                    add: Add) -> None:
    """Calls `add` for each receivedAward and awardedBy the events state. `in_sent` holds each
    sentence's mentions (by sentence index, in text order); `actor_at` is who acts, at a
    position, where a sentence names nobody."""
    by_spans = [e.by_span for e in events if e.by_span]
    last: tuple[int, EntityKey] | None = None  # (sentence index, recipient)
    for ev in events:
        i = sentence_at(ev.cue_start)
        if i is None or ev.nominated:
            continue
        s, ms = sents[i], in_sent.get(i, [])
        if ev.recipient_span is not None and ev.active:  # 命名银川市、吴忠市为…: all named there
            a, b = ev.recipient_span
            inside = [(m, k) for m, k in ms if a <= m.start and m.end <= b
                      and k.etype in RECIPIENT_TYPES and m.source != NESTED]
            recipients: list[EntityKey] = coordinated_before(text, inside) if inside else []
        elif ev.recipient_span is not None:
            a, b = ev.recipient_span
            after = [k for m, k in ms if a <= m.start < b and k.etype == _PERSON]
            recipients = after[:1]
        else:
            clause = max(text.rfind(c, s.start, ev.cue_start) for c in "，,；;：:")
            cands = [(m, k) for m, k in ms if clause < m.start and m.end <= ev.cue_start
                     and k.etype in RECIPIENT_TYPES and m.source != NESTED
                     and not any(a <= m.start < b for a, b in by_spans)]
            if cands:
                recipients = coordinated_before(text, cands)
            elif last is not None and last[0] == i:
                recipients = [last[1]]
            else:
                fallback = actor_at(s.start)
                recipients = [fallback] if fallback is not None else []
        award_keys = [EntityKey(a.etype, a.name) for a in ev.awards]
        for recipient in recipients:
            last = (i, recipient)
            for ak in award_keys:
                add(recipient, Predicate.RECEIVED_AWARD, ak, s)
        if ev.by_span:
            a, b = ev.by_span
            for m, k in ms:
                if a <= m.start and m.end <= b and k.etype == _ORG:
                    for ak in award_keys:
                        add(ak, Predicate.AWARDED_BY, k, s)
