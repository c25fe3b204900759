"""Build the pipeline and turn documents into DocExtractions (frozen, spaCy-free results)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .. import collector
from ..boilerplate import clean_for_extraction, reslice
from ..model import DocExtraction, EntityKey, EntityType, SourceDocument
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


def to_extraction(document: SourceDocument, doc: Doc) -> DocExtraction:
    keys: dict[tuple[EntityType, str], EntityKey] = {}  # one key object per entity of the document
    mentions = tuple(c.to_mention(document.doc_id, document.text, keys) for c in (doc._.lg_mentions or []))
    return DocExtraction(document, doc._.lg_context, mentions, tuple(doc._.lg_relations or ()),
                         tuple(doc._.lg_observations or ()), tuple(doc._.lg_datasets or ()))


def _as_doc(nlp: Language, document: SourceDocument) -> Doc:
    # web chrome (字号 大 中 小, 上一篇…) is blanked to spaces: same length, so offsets hold
    doc = nlp.make_doc(clean_for_extraction(document.text))
    doc._.lg_doc_id = document.doc_id
    # a DocExtraction carries the mentions, not spaCy spans: re-cutting the tokens so that
    # every mention is a Span (a second Doc of the whole text) would be wasted work
    doc._.lg_spans = False
    return doc


def extract(nlp: Language, document: SourceDocument) -> DocExtraction:
    with collector.paused():
        doc = _as_doc(nlp, document)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        result = reslice(to_extraction(document, doc))
        # freed before the collector resumes: its first pass then looks only at the result,
        # not at every candidate, token offset and intermediate list still held by the Doc
        del doc
    return result


def extract_all(nlp: Language, documents: Iterable[SourceDocument]) -> Iterator[DocExtraction]:
    for d in documents:
        yield extract(nlp, d)
