"""The light terms of the viewer's triple index, and conversions between term systems
(rdflib's, pyoxigraph's, the light ones).

Here rather than in kg.query so that the exports (kg.export.formats, the viewer), the validator
and the query layer all use them without importing one another.

Light terms (kg.graph.TripleIndex): an IRI is a plain `str`, a literal a `Lit`, a blank node a
`Blank`. Both are tuples, hashed and compared in C; making one costs a tenth of an rdflib
Literal, and an IRI costs nothing (issue 17: the index holds millions of terms). `str()` of each
is what rdflib's str() gives: the IRI, the lexical form, the node id.
"""
from __future__ import annotations

from typing import Any, NamedTuple

from .vocab import XSD_BOOLEAN, XSD_INTEGER, XSD_STRING


class Lit(NamedTuple):
    """A literal: lexical form, language tag (None: none), datatype IRI (None: a plain literal)."""

    value: str
    language: str | None = None
    datatype: str | None = None

    def __str__(self) -> str:
        return self.value


class Blank(NamedTuple):
    """A blank node (only from an rdflib Graph given to the viewer: lgkg mints none)."""

    id: str

    def __str__(self) -> str:
        return self.id


#: a light term: an IRI (str), a Lit or a Blank
LightTerm = str | Lit | Blank


def is_iri(term: Any) -> bool:
    """Whether a light term is an IRI."""
    return isinstance(term, str)


def light_term(term: Any) -> LightTerm:
    """An rdflib term as a light term (the lexical form rdflib holds, so str() is unchanged)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, Literal):
        return Lit(str(term), term.language, None if term.datatype is None else str(term.datatype))
    if isinstance(term, BNode):
        return Blank(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def ox_term(value: Any):
    """An rdflib term (or a plain str/int) as a pyoxigraph term."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(value, URIRef):
        return ox.NamedNode(value)
    if isinstance(value, Literal):
        if value.language:
            return ox.Literal(value, language=value.language)
        if value.datatype is not None and value.datatype != XSD_STRING:
            return ox.Literal(value, datatype=ox.NamedNode(value.datatype))
        return ox.Literal(value)
    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, BNode):
        return ox.BlankNode(value)
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false",
                          datatype=ox.NamedNode(XSD_BOOLEAN))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD_INTEGER))
    if isinstance(value, str):
        return ox.Literal(value)
    raise TypeError(f"cannot bind {value!r}")


def ox_triples_of(g) -> list:
    """An rdflib Graph's triples as pyoxigraph Triples (through N-Triples: 10× faster than per term)."""
    import pyoxigraph as ox

    data = g.serialize(format="nt", encoding="utf-8")
    return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))


def rdflib_term(value: Any):
    from rdflib import BNode, Literal, URIRef

    import pyoxigraph as ox

    if isinstance(value, ox.NamedNode):
        return URIRef(value.value)
    if isinstance(value, ox.BlankNode):
        return BNode(value.value)
    if isinstance(value, ox.Literal):
        if value.language:
            return Literal(value.value, lang=value.language)
        if value.datatype.value != XSD_STRING:
            return Literal(value.value, datatype=URIRef(value.datatype.value))
        return Literal(value.value)
    if isinstance(value, (URIRef, BNode, Literal)):
        return value
    if isinstance(value, str):
        return Literal(value)
    return Literal(value)
