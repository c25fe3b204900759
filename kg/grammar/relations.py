"""Relations between the mentions of one document, each with its evidence sentence.

One module per predicate, each reading the same DocFacts (relcore.py) and writing to one Sink:
implements (rel_implements.py), issuedBy (rel_issued.py), receivedAward and awardedBy
(rel_awards.py), locatedIn (rel_located.py).
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from ..model import EntityKey, EntityType, RelationMention
from .awards import AwardEvent
from .candidates import Candidate
from .honour_tables import HonourRow
from .rel_awards import award_relations, table_honours
from .rel_implements import implements
from .rel_issued import issued_in_text, table_issuers
from .rel_located import located_in
from .relcore import DocFacts, Located, Sink
from .tables import TableRow
from .text import Sentence



def _table_sentences(facts: DocFacts, rows: Sequence[TableRow | HonourRow]) -> set[int]:
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


def _as_resolved(events: Sequence[AwardEvent], mentions: Sequence[Candidate]) -> list[AwardEvent]:
    """The events with each honour under the name the document resolved its mention to (its
    year's edition named elsewhere: kg.grammar.docresolve.unify_award_editions)."""
    resolved = {(m.start, m.end): m.name for m in mentions if m.etype == EntityType.AWARD}
    out = []
    for e in events:
        if any(resolved.get((a.start, a.end), a.name) != a.name for a in e.awards):
            e = replace(e, awards=tuple(replace(a, name=resolved.get((a.start, a.end), a.name)) for a in e.awards))
        out.append(e)
    return out


def extract_relations(doc_id: str, text: str, sents: Sequence[Sentence], mentions: Sequence[Candidate],
                      actor: EntityKey | None, events: Sequence[AwardEvent], rows: Sequence[TableRow],
                      located: Sequence[Located], author: EntityKey | None = None,
                      year: int | None = None, honours: Sequence[HonourRow] = ()) -> list[RelationMention]:
    """The relations the sentences and tables state; `year` dates the facts whose sentence names none."""
    facts = DocFacts(text, sents, mentions, actor, author, [e.by_span for e in events if e.by_span])
    sink = Sink(doc_id, text, year)
    tables = _table_sentences(facts, [*rows, *honours]) if rows or honours else set()
    # a table's line is no clause: nobody carries out what its cells name
    implements(facts, sink, tables | {i for i in facts.carried if "|" in text[facts.sents[i].start:facts.sents[i].end]})
    award_relations(text, facts.sents, facts.idx.at, facts.in_sent, _as_resolved(events, mentions), facts.actor_at,
                    sink.add)
    table_honours(text, facts.mentions, honours, sink.add)
    table_issuers(facts, rows, sink)
    issued_in_text(facts, sink, tables)
    located_in(facts, sink, located)
    return sink.out


__all__ = ["Located", "extract_relations"]
