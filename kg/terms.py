"""Conversions between the two term systems: rdflib's and pyoxigraph's.

Here rather than in kg.query so that the exports (kg.export.formats), the validator and the
query layer all use them without importing one another."""
from __future__ import annotations

from typing import Any

from .vocab import XSD_BOOLEAN, XSD_INTEGER, XSD_STRING


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
