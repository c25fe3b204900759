"""Entity resolution across documents: one node per real-world entity, before the graph.

Mentions already carry context-resolved canonical names (市司法局 → 聊城市司法局), so two
mentions are the same entity when type and normalised name agree (and, for a division whose
name several bear, its administrative code: kg.nlp.pipeline.qualified); a conservative merge is
better than a wrong one. Every other surface form becomes an alternative label.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from msgspec.structs import replace

from .model import (DocExtraction, Entity, EntityKey, Evidence, KnowledgeBase, Naming, Observation, Predicate,
                    Relation, SourceDocument, norm_label)
from .normalize import layout_free


def _canonical(counts: Counter[EntityKey]) -> dict[EntityKey, EntityKey]:
    """Map every key to its group's representative (same type and normalised name): the most
    frequent spelling; ties → the one with quotation marks as the text has them, then sorted.
    `counts`: how often each key occurs (each distinct key is normalised once)."""
    groups: dict[tuple[str, str, str], list[EntityKey]] = defaultdict(list)
    for k in counts:
        groups[(k.etype.value, k.norm, k.code)].append(k)
    out: dict[EntityKey, EntityKey] = {}
    for ks in groups.values():
        rep = min(ks, key=lambda k: (-counts[k], -len(k.name), k.name))
        for k in ks:
            out[k] = rep
    return out


@dataclass(slots=True)
class _Said:
    """What the mentions of one entity say about it."""

    docs: set[str] = field(default_factory=set)
    labels: set[str] = field(default_factory=set)
    subtypes: Counter[str] = field(default_factory=Counter)
    props: set[tuple[str, str]] = field(default_factory=set)


def _key_counts(exs: list[DocExtraction], named: list[tuple[Naming, ...]]) -> Counter[EntityKey]:
    counts: Counter[EntityKey] = Counter()
    for ns in named:
        for n in ns:
            counts[n.key] += n.count
    for ex in exs:
        counts.update(k for r in ex.relations for k in (r.head, r.tail))
        counts.update(o.area for o in ex.observations)
    return counts


def resolve(extractions: Iterable[DocExtraction], skipped: Iterable[tuple[str, str]] = ()) -> KnowledgeBase:
    """The knowledge base of `extractions` (full ones, or read back from the cache with their
    mentions' namings only: the same knowledge base)."""
    exs = sorted(extractions, key=lambda e: e.document.doc_id)
    named = [ex.namings() for ex in exs]
    rep = _canonical(_key_counts(exs, named))
    said: dict[EntityKey, _Said] = defaultdict(_Said)
    _hear_namings(named, rep, said)
    evidence = _relation_evidence(exs, rep, said)
    observations = _observations(exs, rep, said)
    documents: tuple[SourceDocument, ...] = tuple(ex.document for ex in exs)
    contexts = tuple((ex.document.doc_id, ex.context) for ex in exs) + tuple(
        (s.doc_id, s.context) for ex in exs for s in ex.sections)
    sections = tuple(s for ex in exs for s in ex.sections)
    datasets = tuple(d for ex in exs for d in ex.datasets)
    return KnowledgeBase(documents, _entities(said), _relations(evidence), tuple(skipped), contexts=contexts,
                         sections=sections, observations=tuple(observations), datasets=datasets)


def _hear_namings(named: list[tuple[Naming, ...]], rep: dict[EntityKey, EntityKey],
                  said: dict[EntityKey, _Said]) -> None:
    """What the mentions say of their entity: where it is named, how, as what subtype (each
    mention a vote), and its properties (an "alias" property is one more label)."""
    free: dict[str, str] = {}  # each surface's label, made once (a corpus repeats its names)
    for ns in named:
        for n in ns:
            s = said[rep[n.key]]
            s.docs.add(n.doc_id)  # the document, or the section of a compilation
            label = free.get(n.surface)
            if label is None:
                label = free[n.surface] = layout_free(n.surface)  # PDF spaces and line breaks are no label
            s.labels.add(label)
            s.labels.add(n.key.name)
            if n.subtype:
                s.subtypes[n.subtype] += n.count
            for p, v in n.props:
                if p == "alias":
                    s.labels.add(v)
                else:
                    s.props.add((p, v))


Statement = tuple[EntityKey, str, EntityKey]


def _relation_evidence(exs: list[DocExtraction], rep: dict[EntityKey, EntityKey],
                       said: dict[EntityKey, _Said]) -> dict[Statement, set[Evidence]]:
    """Each statement between resolved entities with its evidence (one that resolution turns
    into a self-relation is dropped); a relation's ends count as mentioned where it is stated."""
    evidence: dict[Statement, set[Evidence]] = defaultdict(set)
    for ex in exs:
        for r in ex.relations:
            h, t = rep[r.head], rep[r.tail]
            if h == t:
                continue
            evidence[(h, r.predicate.value, t)].add(r.evidence)
            if r.evidence.doc_id:
                for k in (h, t):
                    s = said[k]
                    s.docs.add(r.evidence.doc_id)
                    s.labels.add(k.name)
    return evidence


def _observations(exs: list[DocExtraction], rep: dict[EntityKey, EntityKey],
                  said: dict[EntityKey, _Said]) -> list[Observation]:
    """The figures with their place or body resolved: an entity of the document it is read from."""
    observations = []
    for ex in exs:
        for o in ex.observations:
            k = rep[o.area]
            s = said[k]
            s.docs.add(o.doc_id)
            s.labels.add(k.name)
            observations.append(o if k == o.area else replace(o, area=k))
    return observations


def _entities(said: dict[EntityKey, _Said]) -> tuple[Entity, ...]:
    """One entity per resolved key, by type and name: its other labels, its most said subtype
    (ties by name), its documents and properties, each sorted."""
    entities = []
    for k in sorted(said, key=lambda k: (k.etype.value, k.name, k.code)):
        s = said[k]
        alts = sorted({lab.strip() for lab in s.labels if lab.strip() and lab.strip() != k.name
                       and norm_label(lab)})
        sub = min(s.subtypes.items(), key=lambda kv: (-kv[1], kv[0]))[0] if s.subtypes else None
        entities.append(Entity(k, sub, tuple(alts), tuple(sorted(s.docs)), tuple(sorted(s.props))))
    return tuple(entities)


def _relations(evidence: dict[Statement, set[Evidence]]) -> tuple[Relation, ...]:
    """One relation per statement, by head, predicate and tail, its evidence in text order."""
    return tuple(
        Relation(h, Predicate(p), t, tuple(sorted(ev, key=lambda e: (e.doc_id or "", e.start, e.end))))
        for (h, p, t), ev in sorted(evidence.items(), key=lambda kv: (kv[0][0].etype.value, kv[0][0].name,
                                                                       kv[0][0].code, kv[0][1],
                                                                       kv[0][2].etype.value, kv[0][2].name,
                                                                       kv[0][2].code))
    )
