"""lgkg's spaCy components. Matching components append candidates; `lg_merge` sets annotations.

Each is a small factory with a typed default_config, so a user can swap or reconfigure one
(`nlp.replace_pipe("lg_programs", "my_programs")`) without touching the others.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from msgspec.structs import replace

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from ..grammar.awards import match_awards
from ..grammar.honoured import match_honoured
from ..grammar.candidates import NESTED, Candidate, merge_overlaps
from ..grammar.figures import match_figures, report_sections
from ..grammar.stat_tables import match_stat_tables
from ..grammar.docresolve import declared_aliases, resolve_document
from ..grammar.author import reporting_body
from ..grammar.context import infer_context
from ..grammar.doctime import document_title, document_year
from ..grammar.orgs import match_orgs
from ..grammar.persons import match_persons
from ..grammar.places import PlaceHit, match_places
from ..grammar.programs import (match_caption_programs, match_place_brands, match_program_echoes,
                                 match_programs, match_unquoted_programs)
from ..grammar.anaphora import back_references
from ..grammar.located import located_of
from ..grammar.relations import extract_relations
from ..grammar.honour_tables import match_honour_tables
from ..grammar.tables import match_tables
from ..grammar.text import sentences
from ..grammar.titles import (match_quoted_instruments, match_statutes, match_titles,
                              match_unbracketed_instruments)
from ..gazetteer import find_divisions, lookup
from ..model import DocContext, EntityKey, EntityType, Predicate, RelationMention

_EXTENSIONS: dict[str, object] = {
    "lg_doc_id": "", "lg_text": "", "lg_context": None, "lg_token_starts": None, "lg_gz": None,
    "lg_candidates": None, "lg_places": None, "lg_awards": None, "lg_tables": None, "lg_honour_rows": None,
    "lg_mentions": None, "lg_actor": None, "lg_relations": None, "lg_observations": None,
    "lg_datasets": None,
    #: set doc.spans["lg"] and doc.ents (extract() turns off what it never reads)
    "lg_spans": True,
}
for _name, _default in _EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

SPAN_LABELS = {
    EntityType.ORGANIZATION: "ORG", EntityType.REGULATION: "REG", EntityType.PROGRAM: "PROG",
    EntityType.PLACE: "PLACE", EntityType.AWARD: "AWARD", EntityType.PERSON: "PERSON",
}


def _cands(doc: Doc) -> list[Candidate]:
    if doc._.lg_candidates is None:
        doc._.lg_candidates = []
    return doc._.lg_candidates


def token_starts(doc: Doc) -> list[int]:
    """Character offsets of the tokens, read from the token array (no Token objects made)."""
    return doc.to_array(IDX).tolist() if len(doc) else []


def doc_text(doc: Doc) -> str:
    """The text: as the tokenizer joined it, else Doc.text (which joins one Token per word)."""
    text = doc._.lg_text
    if text and len(doc) and len(text) == doc[-1].idx + len(doc[-1]):
        return text
    return doc.text


@Language.factory("lg_context", default_config={})
def make_context(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def lg_context(doc: Doc) -> Doc:
        doc._.lg_text = text = doc_text(doc)  # read once: Doc.text is rebuilt on every access
        doc._.lg_token_starts = frozenset(token_starts(doc))
        doc._.lg_gz = find_divisions(text)
        title = document_title(text)
        doc._.lg_context = replace(infer_context(text, doc._.lg_gz), title=title,
                                   year=document_year(text, title))
        return doc
    return lg_context


@Language.factory("lg_places", default_config={"towns": True})
def make_places(nlp: Language, name: str, towns: bool) -> Callable[[Doc], Doc]:
    def lg_places(doc: Doc) -> Doc:
        hits = match_places(doc._.lg_text, doc._.lg_context, doc._.lg_gz, doc._.lg_token_starts)
        if not towns:
            hits = [h for h in hits if h.candidate.source != "town"]
        doc._.lg_places = hits
        _cands(doc).extend(h.candidate for h in hits)
        return doc
    return lg_places


@Language.factory("lg_tables", default_config={})
def make_tables(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def lg_tables(doc: Doc) -> Doc:
        rows = match_tables(doc._.lg_text, doc._.lg_context)
        doc._.lg_tables = rows
        for r in rows:
            _cands(doc).append(r.regulation)
            _cands(doc).extend(r.issuers)
        honours = match_honour_tables(doc._.lg_text)
        doc._.lg_honour_rows = honours
        _cands(doc).extend(h.award for h in honours)
        return doc
    return lg_tables


@Language.factory("lg_titles", default_config={})
def make_titles(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def lg_titles(doc: Doc) -> Doc:
        _cands(doc).extend(match_titles(doc._.lg_text))
        _cands(doc).extend(match_statutes(doc._.lg_text, doc._.lg_token_starts))
        _cands(doc).extend(match_unbracketed_instruments(doc._.lg_text))
        _cands(doc).extend(match_quoted_instruments(doc._.lg_text))
        return doc
    return lg_titles


@Language.factory("lg_orgs", default_config={})
def make_orgs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def lg_orgs(doc: Doc) -> Doc:
        prefixes = [h.candidate for h in (doc._.lg_places or [])]
        _cands(doc).extend(match_orgs(doc._.lg_text, doc._.lg_context, prefixes, doc._.lg_token_starts))
        return doc
    return lg_orgs


@Language.factory("lg_programs", default_config={"unquoted": True})
def make_programs(nlp: Language, name: str, unquoted: bool) -> Callable[[Doc], Doc]:
    def lg_programs(doc: Doc) -> Doc:
        _cands(doc).extend(match_programs(doc._.lg_text))
        _cands(doc).extend(match_place_brands(doc._.lg_text))
        if unquoted:
            _cands(doc).extend(match_unquoted_programs(doc._.lg_text))
            _cands(doc).extend(match_caption_programs(doc._.lg_text))
        _cands(doc).extend(match_program_echoes(doc._.lg_text, _cands(doc)))
        return doc
    return lg_programs


@Language.factory("lg_awards", default_config={})
def make_awards(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def lg_awards(doc: Doc) -> Doc:
        cands, events = match_awards(doc._.lg_text)
        doc._.lg_awards = events
        _cands(doc).extend(match_honoured(doc._.lg_text, events, _cands(doc)))  # what was honoured
        _cands(doc).extend(cands)
        return doc
    return lg_awards


@Language.factory("lg_persons", default_config={})
def make_persons(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def lg_persons(doc: Doc) -> Doc:
        _cands(doc).extend(match_persons(doc._.lg_text, doc._.lg_token_starts, doc._.lg_context))
        return doc
    return lg_persons


# ---- merging: plain policy functions, chosen by name in the config -------------------------

@registry.misc("lgkg.merge_overlaps.v1")
def overlap_policy() -> Callable[[list[Candidate]], list[Candidate]]:
    return merge_overlaps


def _align(doc: Doc, cands: list[Candidate]) -> Doc:
    """Cut tokens so every mention starts and ends on a token boundary, then set the spans.

    Re-segmenting once is linear; spaCy's retokenizer.split costs O(len(doc)) per split.
    """
    text = doc._.lg_text
    starts = set(token_starts(doc))
    cuts = {off for c in cands for off in (c.start, c.end) if 0 < off < len(text)}
    cuts -= starts
    if cuts:
        bounds = sorted(starts | cuts | {len(text)})
        words = [text[a:b] for a, b in zip(bounds, bounds[1:])]
        new = Doc(doc.vocab, words=words, spaces=[False] * len(words))
        new.user_data.update(doc.user_data)  # the lg_* extension values
        doc = new
    spans = []
    for c in cands:  # every offset is a token boundary now, so strict alignment always succeeds
        spans.append(doc.char_span(c.start, c.end, label=SPAN_LABELS[c.etype], alignment_mode="strict"))
    doc.spans["lg"] = spans
    doc.ents = [sp for sp, c in zip(spans, cands) if c.source != NESTED]
    return doc


@Language.factory("lg_merge", default_config={"policy": {"@misc": "lgkg.merge_overlaps.v1"}})
def make_merge(nlp: Language, name: str, policy: Callable[[list[Candidate]], list[Candidate]]
               ) -> Callable[[Doc], Doc]:
    def lg_merge(doc: Doc) -> Doc:
        chosen = declared_aliases(doc._.lg_text, resolve_document(policy(_cands(doc))))
        authorship = reporting_body(doc._.lg_text, doc._.lg_context, chosen)
        if authorship.self_mentions:  # 我局: the author, named where the text names it nowhere else
            chosen = sorted([*chosen, *authorship.self_mentions], key=lambda c: (c.start, c.end))
        if doc._.lg_spans:
            doc = _align(doc, chosen)
        doc._.lg_mentions = chosen
        doc._.lg_actor = authorship.actor
        if authorship.author is not None:
            doc._.lg_context = replace(doc._.lg_context, author=authorship.author.name)
        return doc
    return lg_merge


@Language.factory("lg_relations", default_config={})
def make_relations(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def lg_relations(doc: Doc) -> Doc:
        mentions = doc._.lg_mentions or []
        located = located_of(doc._.lg_context, mentions, doc._.lg_places or [])
        author = doc._.lg_context.author
        # 该街道, 该局: the relation rules read them as the entity they refer back to
        refs = back_references(doc._.lg_text, mentions, doc._.lg_token_starts)
        if refs:
            mentions = sorted([*mentions, *refs], key=lambda c: (c.start, c.end))
        doc._.lg_relations = extract_relations(
            doc._.lg_doc_id, doc._.lg_text, sentences(doc._.lg_text), mentions, doc._.lg_actor,
            doc._.lg_awards or [], doc._.lg_tables or [], located,
            EntityKey(EntityType.ORGANIZATION, author) if author else None, doc._.lg_context.year,
            doc._.lg_honour_rows or [])
        return doc
    return lg_relations


#: the mentions a figure's measure never opens with: places and bodies (which may give its area)
#: and the officials acting (区长张伟主持召开…会议34次: the measure is the meetings)
_FIGURE_LEADS = frozenset({EntityType.PLACE, EntityType.ORGANIZATION, EntityType.PERSON})


def _seats(relations: Iterable[RelationMention]) -> dict[str, str]:
    """Each body's place (its lg:locatedIn), by name: a body's figures count in its place."""
    return {r.head.name: r.tail.name for r in relations if r.predicate is Predicate.LOCATED_IN
            and r.head.etype is EntityType.ORGANIZATION and r.tail.etype is EntityType.PLACE}


@Language.factory("lg_figures", default_config={"tables": True})
def make_figures(nlp: Language, name: str, tables: bool) -> Callable[[Doc], Doc]:
    """The reports' figures as observations: running text (each figure's place from the resolved
    mentions, else the section's or the document's context) and statistics tables."""
    def lg_figures(doc: Doc) -> Doc:
        text, ctx = doc._.lg_text, doc._.lg_context
        year = ctx.year if ctx is not None else None  # the report's year (grammar/doctime.py)
        spans = sorted((c.start, c.end, c.etype, c.name) for c in (doc._.lg_mentions or [])
                       if c.etype in _FIGURE_LEADS and c.source != NESTED)
        home = EntityKey(EntityType.PLACE, ctx.local) if ctx is not None and ctx.local else None
        found = match_figures(doc._.lg_doc_id, text, spans, home, year, report_sections(text, spans),
                              _seats(doc._.lg_relations or ()))
        datasets = []
        if tables:
            rows, datasets = match_stat_tables(doc._.lg_doc_id, text, ctx or DocContext(), year)
            found.extend(rows)
        doc._.lg_observations = found
        doc._.lg_datasets = datasets
        return doc
    return lg_figures


__all__ = ["SPAN_LABELS", "lookup"]
