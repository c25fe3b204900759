"""RDF serialisations. Turtle is the contract's format; output is byte-identical run to run."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .atomic import write_bytes


def turtle_bytes(g: Graph) -> bytes:
    data = g.serialize(format="turtle", encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def write_turtle(g: Graph, path: Path) -> Path:
    write_bytes(path, turtle_bytes(g))
    return path
