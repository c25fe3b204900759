"""RDF serialisations written by lgkg itself: Turtle (the contract's format) and N-Triples/N-Quads.

Both come straight from kg.graph's triples (`iter_triples`, the one statement of the graph, and
its two halves `corpus_triples` and `document_triples`), with terms spelled as strings; no
rdflib Graph is needed, so a corpus of any size streams out in time linear in its triples
(rdflib's Turtle serialiser builds and sorts an in-memory graph and is ~10× slower).
`write_turtle` also accepts an rdflib Graph, for callers that hold one.

Turtle output is byte-identical run to run: every used prefix declared, none other; the
corpus-wide subjects in order of their (prefixed) names; then, document by document (in order of
their ids), each document's own subjects (its evidence, figures and tables) in order of their
names: a document's blocks do not depend on the rest of the corpus, so an incremental build
keeps them (kg.export.parts). Within a subject `a` comes first, then predicates and objects in
order. An rdflib Graph's Turtle has all its subjects in order of their names. N-Triples come
in generation order (deterministic too), one triple per line, for bulk loading.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from rdflib import BNode, Graph, Literal, URIRef

from ..graph import (DocumentRecords, Terms, corpus_triples, document_records, document_triples, iter_triples,
                     ontology_triples)
from ..model import KnowledgeBase
from ..vocab import PREFIXES, XSD_INTEGER
from .atomic import atomic_write

__all__ = ["NT_TERMS", "TURTLE_TERMS", "DocPart", "Parts", "PartsInMemory", "document_part", "iter_ntriples",
           "kb_turtle_chunks", "turtle_bytes", "turtle_chunks", "write_nquads_stream", "write_ntriples_stream",
           "write_turtle"]

_XSD_INTEGER = XSD_INTEGER

# ---------------------------------------------------------------------------- escaping

_STRING_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
for _c in list(range(0x20)) + [0x7F]:
    _STRING_ESCAPES.setdefault(_c, f"\\u{_c:04X}")
_NEEDS_ESCAPE = re.compile('[\\\\"\x00-\x1f\x7f]')
#: characters RDF 1.1 forbids inside an IRIREF
_BAD_IRI = re.compile('[\x00-\x20<>"{}|^`\\\\]')
#: a conservative PN_LOCAL: what a prefixed name may hold here without escapes
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_-]*)")
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")


def _string(value: str) -> str:
    if _NEEDS_ESCAPE.search(value):
        value = value.translate(_STRING_ESCAPES)
    return '"' + value + '"'


def _iri(value: str) -> str:
    if _BAD_IRI.search(value):
        raise ValueError(f"not a valid IRI: {value!r}")
    return "<" + value + ">"


# ---------------------------------------------------------------------------- N-Triples terms

def _nt_text(value: str, lang: str | None) -> str:
    return _string(value) + ("@" + lang if lang else "")


def _nt_int(value: int) -> str:
    return f'"{int(value)}"^^<{_XSD_INTEGER}>'


def _nt_typed(lexical: str, datatype: str) -> str:
    return _string(lexical) + "^^" + _iri(datatype)


def _nt_rdf(term: Any) -> str:
    if isinstance(term, URIRef):
        return _iri(str(term))
    if isinstance(term, Literal):
        if term.language:
            return _nt_text(str(term), term.language)
        if term.datatype is not None:
            return _nt_typed(str(term), str(term.datatype))
        return _string(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


NT_TERMS = Terms(_iri, _nt_text, _nt_int, _nt_typed, _nt_rdf)

# ---------------------------------------------------------------------------- Turtle terms

_BY_LENGTH = sorted(PREFIXES, key=lambda kv: -len(kv[1]))
_LGR_PREFIX, _LGR_NS = next(kv for kv in PREFIXES if kv[0] == "lgr")


def _ttl_iri(value: str) -> str:
    if value.startswith(_LGR_NS):  # the common case: our own resources
        local = value[len(_LGR_NS):]
        if _LOCAL.fullmatch(local):
            return f"{_LGR_PREFIX}:{local}"
    for prefix, ns in _BY_LENGTH:
        if value.startswith(ns):
            local = value[len(ns):]
            if _LOCAL.fullmatch(local):
                return f"{prefix}:{local}"
            break
    return _iri(value)


def _ttl_int(value: int) -> str:
    return str(int(value))


def _ttl_typed(lexical: str, datatype: str) -> str:
    if datatype == _XSD_INTEGER and _INTEGER.fullmatch(lexical):
        return lexical
    return _string(lexical) + "^^" + _ttl_iri(datatype)


def _ttl_rdf(term: Any) -> str:
    if isinstance(term, URIRef):
        return _ttl_iri(str(term))
    if isinstance(term, Literal):
        if term.language:
            return _nt_text(str(term), term.language)
        if term.datatype is not None:
            return _ttl_typed(str(term), str(term.datatype))
        return _string(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


TURTLE_TERMS = Terms(_ttl_iri, _nt_text, _ttl_int, _ttl_typed, _ttl_rdf)

# ---------------------------------------------------------------------------- Turtle

_RDF_TYPE = "rdf:type"


#: the first characters of terms that are no prefixed name (IRIs, literals, blank nodes, numbers)
_NOT_PREFIXED = frozenset('<"_-0123456789')


def _grouped(triples: Iterable[tuple[str, str, str]]) -> tuple[dict[str, list[str]], set[str]]:
    """Triples spelled with TURTLE_TERMS grouped by subject (each subject's p, o, p, o, …: no pair
    object per triple, a fifth of the memory), and the prefixes their names use."""
    by_subject: dict[str, list[str]] = {}
    named: set[str] = set()  # predicates and objects that are prefixed names: their prefixes are declared
    add = named.add
    for s, p, o in triples:
        po = by_subject.get(s)
        if po is None:
            by_subject[s] = [p, o]
        else:
            po.append(p)
            po.append(o)
        add(p)
        if o[0] not in _NOT_PREFIXED:
            add(o)
    named.update(by_subject)
    return by_subject, {t.split(":", 1)[0] for t in named if t[0] not in _NOT_PREFIXED}


def _prefix_lines(used: Iterable[str]) -> str:
    ns = dict(PREFIXES)
    return "".join(f"@prefix {p}: <{ns[p]}> .\n" for p in sorted(used)) + "\n"


def _blocks(by_subject: dict[str, list[str]]) -> Iterator[str]:
    """The subjects' blocks in order of their names, in pieces; each subject's triples are freed
    as its block is written (`by_subject` is emptied)."""
    body: list[str] = []
    for s in sorted(by_subject):
        body.append(_subject_block(s, by_subject.pop(s)))
        if len(body) == 2000:
            yield "".join(body)
            body.clear()
    if body:
        yield "".join(body)


def turtle_chunks(triples: Iterable[tuple[str, str, str]]) -> Iterator[str]:
    """Turtle text for triples spelled with TURTLE_TERMS, in pieces (repeats dropped): every used
    prefix, then the subjects in order of their names.

    The prefixes in use are known once the triples are grouped, so each subject's block is
    written and its triples freed as it comes: the whole text is never held (at 300× the seeds
    it is half a gigabyte)."""
    by_subject, used = _grouped(triples)
    yield _prefix_lines(used)
    yield from _blocks(by_subject)


def _subject_block(s: str, flat: list[str]) -> str:
    """One subject's statements (`flat`: p, o, p, o, …): predicates then objects in order,
    rdf:type ("a") first."""
    pos = sorted(zip(flat[0::2], flat[1::2], strict=True))
    if pos[0][0] != _RDF_TYPE and any(po[0] == _RDF_TYPE for po in pos):
        pos = [po for po in pos if po[0] == _RDF_TYPE] + [po for po in pos if po[0] != _RDF_TYPE]
    lines: list[list[str]] = []
    last_p = last_o = None
    for p, o in pos:
        if p == last_p:
            if o == last_o:
                continue
            lines[-1].append(o)
        else:
            lines.append([("a" if p == _RDF_TYPE else p) + " " + o])
        last_p, last_o = p, o
    return s + " " + " ;\n    ".join(",\n        ".join(objs) for objs in lines) + " .\n\n"


def _graph_triples(g: Graph) -> Iterator[tuple[str, str, str]]:
    conv = cache(_ttl_rdf)  # each term spelled once
    for s, p, o in g:
        yield conv(s), conv(p), conv(o)


@dataclass(frozen=True)
class DocPart:
    """One document's own subjects (kg.graph.DocumentRecords) as Turtle blocks in order of their
    names, with what the file's head needs from them: the prefixes they use and the lg: terms
    whose ontology declarations go along. A function of the document's extraction and the code
    alone, so a build keeps it with the document (kg.export.parts)."""

    prefixes: frozenset[str]
    used: frozenset[str]
    turtle: str


def document_part(rec: DocumentRecords) -> DocPart:
    used: set[str] = set()
    by_subject, prefixes = _grouped(document_triples(rec, TURTLE_TERMS, used))
    return DocPart(frozenset(prefixes), frozenset(used), "".join(_blocks(by_subject)))


class Parts(Protocol):
    """Where the documents' parts come from: `heads` makes sure every document of `records` has
    its part and returns each one's (prefixes, used); `turtle` is a document's blocks in UTF-8
    (bytes: a kept part goes from its file to graph.ttl undecoded, which at 100× the seeds
    saves decoding and encoding again 170 MB, about 0.5 s)."""

    def heads(self, records: Sequence[DocumentRecords]) -> list[tuple[frozenset[str], frozenset[str]]]: ...

    def turtle(self, rec: DocumentRecords) -> bytes: ...


class PartsInMemory:
    """Parts made in this process and held until written (kg.export.parts keeps them in files)."""

    def __init__(self) -> None:
        self._parts: dict[str, DocPart] = {}

    def heads(self, records: Sequence[DocumentRecords]) -> list[tuple[frozenset[str], frozenset[str]]]:
        for rec in records:
            self._parts[rec.doc_id] = document_part(rec)
        return [(self._parts[r.doc_id].prefixes, self._parts[r.doc_id].used) for r in records]

    def turtle(self, rec: DocumentRecords) -> bytes:
        return self._parts.pop(rec.doc_id).turtle.encode("utf-8")


def kb_turtle_chunks(kb: KnowledgeBase, parts: Parts | None = None,
                     records: Sequence[DocumentRecords] | None = None) -> Iterator[bytes]:
    """graph.ttl of `kb` in pieces of UTF-8: the prefixes, the corpus-wide subjects (documents, entities,
    measures, the ontology's declarations) in order of their names, then each document's own
    subjects (its evidence, figures and tables: `parts`), document by document. A document's
    blocks are the same whatever else the corpus holds, so an incremental build writes the
    kept ones as they are. `records`: document_records(kb), when the caller has them."""
    if records is None:
        records = document_records(kb)
    if parts is None:
        parts = PartsInMemory()
    heads = parts.heads(records)
    used: set[str] = set().union(*(u for _, u in heads))
    corpus = chain(corpus_triples(kb, TURTLE_TERMS, used), ontology_triples(used, TURTLE_TERMS))
    by_subject, prefixes = _grouped(corpus)
    yield _prefix_lines(prefixes.union(*(p for p, _ in heads))).encode("utf-8")
    for block in _blocks(by_subject):
        yield block.encode("utf-8")
    for rec in records:
        yield parts.turtle(rec)


def _turtle_source(source: Graph | KnowledgeBase, parts: Parts | None = None,
                   records: Sequence[DocumentRecords] | None = None) -> Iterator[bytes]:
    if isinstance(source, KnowledgeBase):
        return kb_turtle_chunks(source, parts, records)
    if isinstance(source, Graph):
        return (chunk.encode("utf-8") for chunk in turtle_chunks(_graph_triples(source)))
    raise TypeError(f"expected a KnowledgeBase or an rdflib Graph, got {type(source).__name__}")


def turtle_bytes(source: Graph | KnowledgeBase) -> bytes:
    """The Turtle of a KnowledgeBase's graph (with ontology declarations) or of an rdflib Graph."""
    return b"".join(_turtle_source(source))


def write_turtle(source: Graph | KnowledgeBase, path: Path, parts: Parts | None = None,
                 records: Sequence[DocumentRecords] | None = None) -> Path:
    """Write graph.ttl atomically (write-then-rename); a KnowledgeBase's documents' parts from
    `parts` (None: made here), `records` its document_records when the caller has them."""
    with atomic_write(Path(path), "wb") as fh:
        for chunk in _turtle_source(source, parts, records):
            fh.write(chunk)
    return Path(path)


# ---------------------------------------------------------------------------- N-Triples / N-Quads

def iter_ntriples(kb: KnowledgeBase, with_ontology: bool = True) -> Iterator[str]:
    """N-Triples lines ("s p o .\\n") of the graph of `kb`, streamed in generation order.

    Memory stays flat (no graph is built); a triple stated twice comes out twice, which
    every RDF store drops on load."""
    for s, p, o in iter_triples(kb, with_ontology, terms=NT_TERMS):
        yield f"{s} {p} {o} .\n"


def _write_lines(lines: Iterable[str], path: Path) -> Path:
    path = Path(path)
    with atomic_write(path, "w") as fh:
        buf: list[str] = []
        for line in lines:
            buf.append(line)
            if len(buf) >= 10000:
                fh.write("".join(buf))
                buf.clear()
        fh.write("".join(buf))
    return path


def write_ntriples_stream(kb: KnowledgeBase, path: Path, with_ontology: bool = True) -> Path:
    """graph.nt for bulk loading (e.g. `kg push`, a triple store's loader), written atomically."""
    return _write_lines(iter_ntriples(kb, with_ontology), path)


def write_nquads_stream(kb: KnowledgeBase, path: Path, graph: str | None = None,
                        with_ontology: bool = True) -> Path:
    """The same triples as N-Quads, all in the named graph `graph` (default graph when None)."""
    if graph is None:
        return _write_lines(iter_ntriples(kb, with_ontology), path)
    g = _iri(graph)
    return _write_lines((f"{s} {p} {o} {g} .\n" for s, p, o in iter_triples(kb, with_ontology, terms=NT_TERMS)),
                        path)
