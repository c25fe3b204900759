"""Entity resolution across documents: one node per real-world entity, before the graph.

Mentions already carry context-resolved canonical names (市司法局 → 聊城市司法局), so two
mentions are the same entity when type and normalised name agree; a conservative merge is
better than a wrong one. Every other surface form becomes an alternative label.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from .model import (DocExtraction, Entity, EntityKey, Evidence, KnowledgeBase, Predicate, Relation,
                    SourceDocument, norm_label)
from .normalize import layout_free


def _canonical(keys: Iterable[EntityKey]) -> dict[EntityKey, EntityKey]:
    """Map every key to its group's representative (same type and normalised name)."""
    groups: dict[tuple[str, str], list[EntityKey]] = defaultdict(list)
    for k in keys:
        groups[(k.etype.value, k.norm)].append(k)
    out: dict[EntityKey, EntityKey] = {}
    for ks in groups.values():
        counts = Counter(ks)
        # most frequent spelling; ties → the one with quotation marks as the text has them, then sorted
        rep = sorted(counts, key=lambda k: (-counts[k], -len(k.name), k.name))[0]
        for k in ks:
            out[k] = rep
    return out


def resolve(extractions: Iterable[DocExtraction], skipped: Iterable[tuple[str, str]] = ()) -> KnowledgeBase:
    exs = sorted(extractions, key=lambda e: e.document.doc_id)
    all_keys: list[EntityKey] = []
    for ex in exs:
        all_keys.extend(m.key for m in ex.mentions)
        for r in ex.relations:
            all_keys.extend((r.head, r.tail))
        all_keys.extend(o.area for o in ex.observations)
    rep = _canonical(all_keys)

    labels: dict[EntityKey, set[str]] = defaultdict(set)
    docs: dict[EntityKey, set[str]] = defaultdict(set)
    subtypes: dict[EntityKey, Counter[str]] = defaultdict(Counter)
    props: dict[EntityKey, set[tuple[str, str]]] = defaultdict(set)
    for ex in exs:
        for m in ex.mentions:
            k = rep[m.key]
            docs[k].add(m.doc_id)  # the document, or the section of a compilation
            labels[k].add(layout_free(m.surface))  # PDF spaces and line breaks are no label
            labels[k].add(m.key.name)
            if m.subtype:
                subtypes[k][m.subtype] += 1
            for p, v in m.props:
                if p == "alias":
                    labels[k].add(v)
                else:
                    props[k].add((p, v))

    evidence: dict[tuple[EntityKey, str, EntityKey], set[Evidence]] = defaultdict(set)
    for ex in exs:
        for r in ex.relations:
            h, t = rep[r.head], rep[r.tail]
            if h == t:
                continue
            evidence[(h, r.predicate.value, t)].add(r.evidence)
            for k in (h, t):  # relation ends count as mentioned where the relation is stated
                if r.evidence.doc_id:
                    docs[k].add(r.evidence.doc_id)
                    labels[k].add(k.name)

    observations = []
    for ex in exs:  # a figure's place or body is an entity of the document it is read from
        for o in ex.observations:
            k = rep[o.area]
            docs[k].add(o.doc_id)
            labels[k].add(k.name)
            observations.append(o if k is o.area else replace(o, area=k))

    entities = []
    for k in sorted(docs, key=lambda k: (k.etype.value, k.name)):
        alts = sorted({lab.strip() for lab in labels[k] if lab.strip() and lab.strip() != k.name
                       and norm_label(lab)})
        sub = sorted(subtypes[k].items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if subtypes[k] else None
        entities.append(Entity(k, sub, tuple(alts), tuple(sorted(docs[k])), tuple(sorted(props[k]))))

    relations = [
        Relation(h, Predicate(p), t, tuple(sorted(ev, key=lambda e: (e.doc_id or "", e.start, e.end))))
        for (h, p, t), ev in sorted(evidence.items(), key=lambda kv: (kv[0][0].etype.value, kv[0][0].name,
                                                                       kv[0][1], kv[0][2].etype.value,
                                                                       kv[0][2].name))
    ]
    documents: tuple[SourceDocument, ...] = tuple(ex.document for ex in exs)
    contexts = tuple((ex.document.doc_id, ex.context) for ex in exs) + tuple(
        (s.doc_id, s.context) for ex in exs for s in ex.sections)
    sections = tuple(s for ex in exs for s in ex.sections)
    datasets = tuple(d for ex in exs for d in ex.datasets)
    return KnowledgeBase(documents, tuple(entities), tuple(relations), tuple(skipped), contexts=contexts,
                         sections=sections, observations=tuple(observations), datasets=datasets)
