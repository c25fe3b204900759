"""Entity resolution across documents: one node per real-world entity, before the graph.

Mentions already carry context-resolved canonical names (市司法局 → 聊城市司法局), so two
mentions are the same entity when type and normalised name agree (and, for a division whose
name several bear, its administrative code: kg.nlp.pipeline.qualified); a conservative merge is
better than a wrong one. Every other surface form becomes an alternative label.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain

import msgspec
from msgspec.structs import replace

from .model import (DataSet, DocContext, DocExtraction, Entity, EntityKey, Evidence, KnowledgeBase, Naming,
                    Observation, Predicate, Relation, Section, SourceDocument, norm_label)
from .normalize import layout_free


#: what the keys of one entity share: type, normalised name and code (EntityKey.norm)
Group = tuple[str, str, str]


def _representative(keys: Iterable[EntityKey], counts: Counter[EntityKey]) -> EntityKey:
    """A group's representative: its most frequent spelling; ties → the one with quotation
    marks as the text has them, then sorted."""
    return min(keys, key=lambda k: (-counts[k], -len(k.name), k.name))


class _Said(msgspec.Struct, gc=False, array_like=True):
    """What the mentions of one entity say about it (kept with the fold as it is)."""

    docs: set[str] = msgspec.field(default_factory=set)
    labels: set[str] = msgspec.field(default_factory=set)
    subtypes: dict[str, int] = msgspec.field(default_factory=dict)  # how often each is said
    props: set[tuple[str, str]] = msgspec.field(default_factory=set)
    #: a relation or a figure of a document names it: its representative's name is a label
    stated: bool = False


class Told(msgspec.Struct, frozen=True, gc=False, array_like=True):
    """What a document holds besides what resolution folds: its context, sections, figures and
    tables, taken into the knowledge base as they are."""

    doc_id: str
    context: DocContext
    sections: tuple[Section, ...]
    observations: tuple[Observation, ...]
    datasets: tuple[DataSet, ...]


class ResolutionState(msgspec.Struct, frozen=True, gc=False, array_like=True):
    """A Resolution's fold as kept between builds (kg.kept_resolution.KeptResolutions.keep):
    all of it but the documents' texts, which the build reads anyway."""

    counts: list[tuple[EntityKey, int]]
    said: list[tuple[Group, _Said]]
    evidence: list[tuple[Group, str, Group, list[Evidence]]]
    told: list[Told]


class Resolution:
    """Entity resolution as a fold over documents, heard one at a time in any order (a build
    hears the cached ones while the new ones are being extracted). What a document says of an
    entity is kept by the entity's group (type, normalised name, code), which no later document
    changes; only each group's representative, the most frequent spelling, waits for the whole
    corpus (`knowledge_base`). The fold can be kept (`state`) and taken up again by a later
    build (`restored`), which then hears only its new documents."""

    def __init__(self) -> None:
        self._documents: dict[str, SourceDocument] = {}
        self._told: dict[str, Told] = {}
        self._counts: Counter[EntityKey] = Counter()
        self._group: dict[EntityKey, Group] = {}  # each distinct key normalised once
        self._said: dict[Group, _Said] = defaultdict(_Said)
        self._evidence: dict[tuple[Group, str, Group], set[Evidence]] = defaultdict(set)
        self._free: dict[str, str] = {}  # each surface's label, made once (a corpus repeats its names)

    @property
    def heard(self) -> frozenset[str]:
        """The ids of the documents heard."""
        return frozenset(self._told)

    def state(self) -> ResolutionState:
        """The fold so far, to be kept."""
        return ResolutionState(
            list(self._counts.items()),
            list(self._said.items()),
            [(h, p, t, list(ev)) for (h, p, t), ev in self._evidence.items()],
            list(self._told.values()))

    @classmethod
    def restored(cls, state: ResolutionState, documents: Mapping[str, SourceDocument]) -> Resolution:
        """The fold `state` keeps, of the documents `documents` holds by id (KeyError for one
        it does not hold)."""
        r = cls()
        for told in state.told:
            r._documents[told.doc_id] = documents[told.doc_id]
            r._told[told.doc_id] = told
        r._counts.update(dict(state.counts))
        r._said.update(state.said)
        for h, p, t, ev in state.evidence:
            r._evidence[(h, p, t)] = set(ev)
        return r

    def _group_of(self, k: EntityKey) -> Group:
        g = self._group.get(k)
        if g is None:
            g = self._group[k] = (k.etype.value, k.norm, k.code)
        return g

    def hear(self, ex: DocExtraction) -> None:
        """Fold in one document's extraction (full, or read back from the cache with its
        mentions' namings only: the same knowledge base)."""
        d = ex.document
        self._documents[d.doc_id] = d
        self._told[d.doc_id] = Told(d.doc_id, ex.context, ex.sections, ex.observations, ex.datasets)
        self._hear_namings(ex.namings())
        self._hear_relations(ex)
        self._hear_observations(ex)

    def _hear_namings(self, named: tuple[Naming, ...]) -> None:
        """What the mentions say of their entity: where it is named, how, as what subtype (each
        mention a vote), and its properties (an "alias" property is one more label)."""
        counts, said, free, group_of = self._counts, self._said, self._free, self._group_of
        for n in named:
            counts[n.key] += n.count
            s = said[group_of(n.key)]
            s.docs.add(n.doc_id)  # the document, or the section of a compilation
            label = free.get(n.surface)
            if label is None:
                label = free[n.surface] = layout_free(n.surface)  # PDF spaces and line breaks are no label
            s.labels.add(label)
            s.labels.add(n.key.name)
            if n.subtype:
                s.subtypes[n.subtype] = s.subtypes.get(n.subtype, 0) + n.count
            for p, v in n.props:
                if p == "alias":
                    s.labels.add(v)
                else:
                    s.props.add((p, v))

    def _hear_relations(self, ex: DocExtraction) -> None:
        """Each statement between groups with its evidence (one between a group and itself is
        dropped); a relation's ends count as mentioned where it is stated."""
        counts, said, evidence, group_of = self._counts, self._said, self._evidence, self._group_of
        for r in ex.relations:
            counts[r.head] += 1
            counts[r.tail] += 1
            h, t = group_of(r.head), group_of(r.tail)
            if h == t:
                continue
            evidence[(h, r.predicate.value, t)].add(r.evidence)
            if r.evidence.doc_id:
                for g in (h, t):
                    s = said[g]
                    s.docs.add(r.evidence.doc_id)
                    s.stated = True

    def _hear_observations(self, ex: DocExtraction) -> None:
        """A figure's place or body is an entity of the document it is read from."""
        for o in ex.observations:
            self._counts[o.area] += 1
            s = self._said[self._group_of(o.area)]
            s.docs.add(o.doc_id)
            s.stated = True

    def knowledge_base(self, skipped: Iterable[tuple[str, str]] = ()) -> KnowledgeBase:
        """The knowledge base of the documents heard: each group's keys resolved to its
        representative, the documents' records in document-id order."""
        members: dict[Group, list[EntityKey]] = defaultdict(list)
        for k in self._counts:
            members[self._group_of(k)].append(k)
        rep = {g: _representative(ks, self._counts) for g, ks in members.items()}
        told = [self._told[d] for d in sorted(self._told)]
        documents = tuple(self._documents[t.doc_id] for t in told)
        contexts = tuple((t.doc_id, t.context) for t in told) + tuple(
            (s.doc_id, s.context) for t in told for s in t.sections)
        sections = tuple(s for t in told for s in t.sections)
        datasets = tuple(d for t in told for d in t.datasets)
        observations = tuple(_resolved_observations(told, rep, self._group))
        evidence = {(rep[h], p, rep[t]): ev for (h, p, t), ev in self._evidence.items()}
        return KnowledgeBase(documents, _entities(self._said, rep), _relations(evidence), tuple(skipped),
                             contexts=contexts, sections=sections, observations=observations, datasets=datasets)


def resolve(extractions: Iterable[DocExtraction], skipped: Iterable[tuple[str, str]] = ()) -> KnowledgeBase:
    """The knowledge base of `extractions` (full ones, or read back from the cache with their
    mentions' namings only: the same knowledge base)."""
    resolution = Resolution()
    for ex in extractions:
        resolution.hear(ex)
    return resolution.knowledge_base(skipped)


Statement = tuple[EntityKey, str, EntityKey]


def _resolved_observations(told: list[Told], rep: dict[Group, EntityKey],
                           group: dict[EntityKey, Group]) -> Iterator[Observation]:
    """The figures with their place or body resolved."""
    for t in told:
        for o in t.observations:
            k = rep[group[o.area]]
            yield o if k == o.area else replace(o, area=k)


def _entities(said: dict[Group, _Said], rep: dict[Group, EntityKey]) -> tuple[Entity, ...]:
    """One entity per group, named by its representative, by type and name: its other labels,
    its most said subtype (ties by name), its documents and properties, each sorted."""
    entities = []
    for g in sorted(said, key=lambda g: (rep[g].etype.value, rep[g].name, rep[g].code)):
        k, s = rep[g], said[g]
        labels = chain(s.labels, (k.name,)) if s.stated else s.labels
        alts = sorted({lab.strip() for lab in labels if lab.strip() and lab.strip() != k.name and norm_label(lab)})
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
