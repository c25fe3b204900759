"""Relations between the mentions of one document, each with its evidence sentence.

One module per predicate, each reading the same DocFacts (relcore.py) and writing to one Sink:
implements (rel_implements.py), issuedBy (rel_issued.py), receivedAward and awardedBy (below),
locatedIn (rel_located.py).
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..model import EntityKey, Predicate, RelationMention
from .awards import AwardEvent
from .candidates import NESTED, Candidate
from .rel_implements import implements
from .rel_issued import issued_in_text, table_issuers
from .rel_located import located_in
from .relcore import (ORG, PERSON, PLACE, PROGRAM, REGULATION, DocFacts, Located, Sink,
                      coordinated_before)
from .tables import TableRow
from .text import Sentence

_RECEIVED_AWARD, _AWARDED_BY = Predicate.RECEIVED_AWARD, Predicate.AWARDED_BY
RECIPIENT_TYPES = (ORG, PLACE, PERSON, PROGRAM, REGULATION)


def _table_sentences(facts: DocFacts, rows: Sequence[TableRow]) -> set[int]:
    """The sentences lying within a table row's line: no running-text rule reads them."""
    lines = sorted({(r.line_start, r.line_end) for r in rows})
    starts = [a for a, _ in lines]
    out: set[int] = set()
    for i in facts.carried:
        s = facts.sents[i]
        # rows are distinct lines, so only the last line starting at or before s can hold it
        j = bisect.bisect_right(starts, s.start) - 1
        if j >= 0 and s.end <= lines[j][1]:
            out.add(i)
    return out


def award_relations(facts: DocFacts, sink: Sink, events: Sequence[AwardEvent]) -> None:
    """receivedAward / awardedBy from award cues: the recipient is the nearest eligible mention
    before the cue outside conferrer phrases (carried over across 、-joined clauses); each
    organisation in 被X授予 is a conferrer."""
    text, sents, in_sent = facts.text, facts.sents, facts.in_sent
    by_spans = [e.by_span for e in events if e.by_span]
    last: tuple[int, EntityKey] | None = None  # (sentence index, recipient)
    for ev in events:
        i = facts.idx.at(ev.cue_start)
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
            after = [k for m, k in ms if a <= m.start < b and k.etype == PERSON]
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
                fallback = facts.actor_at(s.start)
                recipients = [fallback] if fallback is not None else []
        award_keys = [EntityKey(a.etype, a.name) for a in ev.awards]
        for recipient in recipients:
            last = (i, recipient)
            for ak in award_keys:
                sink.add(recipient, _RECEIVED_AWARD, ak, s)
        if ev.by_span:
            a, b = ev.by_span
            for m, k in ms:
                if a <= m.start and m.end <= b and k.etype == ORG:
                    for ak in award_keys:
                        sink.add(ak, _AWARDED_BY, k, s)


def extract_relations(doc_id: str, text: str, sents: Sequence[Sentence], mentions: Sequence[Candidate],
                      actor: EntityKey | None, events: Sequence[AwardEvent], rows: Sequence[TableRow],
                      located: Sequence[Located], author: EntityKey | None = None) -> list[RelationMention]:
    facts = DocFacts(text, sents, mentions, actor, author, [e.by_span for e in events if e.by_span])
    sink = Sink(doc_id, text)
    tables = _table_sentences(facts, rows) if rows else set()
    # a table's line is no clause: nobody carries out what its cells name
    implements(facts, sink, tables | {i for i in facts.carried if "|" in text[facts.sents[i].start:facts.sents[i].end]})
    award_relations(facts, sink, events)
    table_issuers(rows, sink)
    issued_in_text(facts, sink, tables)
    located_in(facts, sink, located)
    return sink.out


__all__ = ["Located", "extract_relations"]
