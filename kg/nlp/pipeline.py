"""Build the pipeline and turn documents into DocExtractions (frozen, spaCy-free results)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from msgspec.structs import replace

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .. import collector
from ..gazetteer import gazetteer
from ..grammar.doctime import instrument_dates
from ..grammar.sections import SectionSpan, find_sections
from ..model import DocExtraction, EntityKey, EntityType, InputFormat, Mention, Section, SourceDocument
from ..normalize import Normalized, normalize, restore
from . import components  # noqa: F401  (registers the factories)
from . import tokenizer  # noqa: F401  (registers the tokenizer)

#: the components, in order: context first, matchers, then merge and relations
PIPES = ("lg_context", "lg_places", "lg_tables", "lg_titles", "lg_orgs", "lg_programs",
         "lg_awards", "lg_persons", "lg_merge", "lg_relations", "lg_figures")


def make_pipeline(exclude: Iterable[str] = ()) -> Language:
    """A blank Chinese pipeline: rjieba words, then the lgkg components (all offline)."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "lgkg.rjieba_tokenizer.v1"}}})
    nlp.max_length = 10**9  # reports may be long; every stage is linear in the text
    skip = set(exclude)
    for name in PIPES:
        if name not in skip:
            nlp.add_pipe(name)
    return nlp


def to_extraction(document: SourceDocument, doc: Doc, norm: Normalized | None = None) -> DocExtraction:
    """The Doc's findings as frozen records; with `norm`, the Doc holds `norm.text` and the
    mentions are placed on `document.text` (the text as read) right away."""
    keys: dict[tuple[EntityType, str], EntityKey] = {}  # one key object per entity of the document
    origin = norm.span if norm is not None else None
    mentions = tuple(c.to_mention(document.doc_id, document.text, keys, origin)
                     for c in (doc._.lg_mentions or []))
    return DocExtraction(document, doc._.lg_context, mentions, tuple(doc._.lg_relations or ()),
                         observations=tuple(doc._.lg_observations or ()),
                         datasets=tuple(doc._.lg_datasets or ()))


def _as_doc(nlp: Language, document: SourceDocument) -> Doc:
    """A Doc of the document's text as the matchers expect it: the caller has normalised it
    (kg.normalize: web chrome blanked, LF line ends, no PDF spaces)."""
    doc = nlp.make_doc(document.text)
    doc._.lg_doc_id = document.doc_id
    # a DocExtraction carries the mentions, not spaCy spans: re-cutting the tokens so that
    # every mention is a Span (a second Doc of the whole text) would be wasted work
    doc._.lg_spans = False
    return doc


def _run(nlp: Language, document: SourceDocument, omit: Sequence[tuple[int, int]] = ()) -> DocExtraction:
    # extraction runs on the normalised text (without the spans in `omit`); offsets, surfaces
    # and quotes are then mapped back onto the text as read
    norm = normalize(document.text, rewrap=True if document.form is InputFormat.PDF else None, omit=omit)
    clean = document if norm.text == document.text else replace(document, text=norm.text)
    doc = _as_doc(nlp, clean)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    result = restore(to_extraction(document, doc, norm), document, norm, mentions_placed=True)
    # freed before the collector resumes: its first pass then looks only at the result,
    # not at every candidate, token offset and intermediate list still held by the Doc
    del doc
    return qualified(dated(result))


def qualified(ex: DocExtraction) -> DocExtraction:
    """Each division the extraction names that shares its name with another division of the
    country (朝阳区 of Beijing and of Changchun) keyed by its administrative code as well, and so
    each body named after it (朝阳区司法局), in mentions, relations and figures alike: the two
    never merge into one entity. The code is the one the extraction's own mentions give the
    name (a mention with a code its own; the records the first, in text order), so the key
    depends on the document alone."""
    gz = gazetteer()
    codes: dict[str, str] = {}
    seen: set[str] = set()  # (each name is looked up once)
    for m in ex.mentions:
        if m.key.etype == EntityType.PLACE and m.key.name not in seen and m.props:
            code = next((v for p, v in m.props if p == "adminCode"), None)
            if code is not None:
                seen.add(m.key.name)
                if len(gz.lookup(m.key.name, shorts=False)) > 1:
                    codes[m.key.name] = code
    if not codes:
        return ex

    def key(k: EntityKey) -> EntityKey:
        if k.etype == EntityType.PLACE:
            code = codes.get(k.name)
        elif k.etype == EntityType.ORGANIZATION:
            code = next((c for n, c in codes.items() if k.name.startswith(n) and len(k.name) > len(n)), None)
        else:
            code = None
        return EntityKey(k.etype, k.name, code) if code is not None else k

    def mention_key(m: Mention) -> EntityKey:  # a mention of the other one keeps its own code
        own = next((v for p, v in m.props if p == "adminCode"), None) if m.key.name in codes else None
        return EntityKey(m.key.etype, m.key.name, own) if own is not None else key(m.key)

    return replace(ex, mentions=tuple(replace(m, key=mention_key(m)) for m in ex.mentions),
                   relations=tuple(replace(r, head=key(r.head), tail=key(r.tail)) for r in ex.relations),
                   observations=tuple(replace(o, area=key(o.area)) for o in ex.observations))


def dated(ex: DocExtraction) -> DocExtraction:
    """Each instrument with the days it was made and came into force, where its sentence says
    so (the evidence is dated as it is made: kg.grammar.relcore.Sink)."""
    text = ex.document.text
    mentions = []
    for m in ex.mentions:
        if m.key.etype == EntityType.REGULATION:
            number = next((v for p, v in m.props if p == "documentNumber"), None)
            dates = instrument_dates(text, m.start, m.end, number)
            if dates:
                m = replace(m, props=m.props + dates)
        mentions.append(m)
    return replace(ex, mentions=tuple(mentions))


def _shifted(ex: DocExtraction, span: SectionSpan) -> DocExtraction:
    """A section's extraction with its offsets moved into the whole file's text."""
    a = span.start
    mentions = tuple(replace(m, start=m.start + a, end=m.end + a) for m in ex.mentions)
    relations = tuple(replace(r, evidence=replace(r.evidence, start=r.evidence.start + a,
                                                  end=r.evidence.end + a))
                      if r.evidence.doc_id is not None else r for r in ex.relations)
    observations = tuple(replace(o, start=o.start + a, end=o.end + a) for o in ex.observations)
    datasets = tuple(replace(d, start=d.start + a, end=d.end + a) for d in ex.datasets)
    return replace(ex, mentions=mentions, relations=relations, observations=observations, datasets=datasets)


def _compiled(nlp: Language, document: SourceDocument, spans: list[SectionSpan]) -> DocExtraction:
    """A compilation: each section read as a report of its own (its place, author, year), the
    rest as the whole's; mentions and evidence of a section name the section. Each character
    is read once: the whole is read without its sections."""
    whole = _run(nlp, document, omit=[(sp.start, sp.end) for sp in spans])
    mentions = list(whole.mentions)
    relations = list(whole.relations)
    observations = list(whole.observations)
    datasets = list(whole.datasets)
    sections = []
    for n, sp in enumerate(spans, 1):
        part = replace(document, doc_id=f"{document.doc_id}#{n}", text=document.text[sp.start:sp.end])
        ex = _shifted(_run(nlp, part), sp)
        context = ex.context if ex.context.title else replace(ex.context, title=sp.title)
        sections.append(Section(part.doc_id, document.doc_id, sp.start, sp.end, context))
        mentions.extend(ex.mentions)
        relations.extend(ex.relations)
        observations.extend(ex.observations)
        datasets.extend(ex.datasets)
    mentions.sort(key=lambda m: (m.start, m.end))
    return replace(whole, mentions=tuple(mentions), relations=tuple(relations), sections=tuple(sections),
                   observations=tuple(observations), datasets=tuple(datasets))


def extract(nlp: Language, document: SourceDocument) -> DocExtraction:
    with collector.paused():
        spans = find_sections(document.text)
        return _compiled(nlp, document, spans) if spans else _run(nlp, document)


def extract_all(nlp: Language, documents: Iterable[SourceDocument]) -> Iterator[DocExtraction]:
    for d in documents:
        yield extract(nlp, d)
