"""More export formats, all byte-identical run to run:

| name      | file            | what |
|-----------|-----------------|------|
| `jsonld`  | graph.jsonld    | JSON-LD 1.1 with the project's prefixes as @context; nodes sorted by @id |
| `nt`      | graph.nt        | N-Triples, lines sorted |
| `trig`    | graph.trig      | TriG: one named graph per source document (named by the document's IRI) |
| `nq`      | graph.nq        | the same dataset as N-Quads, lines sorted |
| `graphml` | graph.graphml   | the entity network for Gephi & co (networkx): nodes = entities, edges = relations |

The per-document dataset: graph `<doc>` holds what that document supports (its evidence nodes,
the relation triples they back, the `lg:mentionedIn <doc>` triples); the default graph holds the
rest (ontology declarations, document descriptions, entity types and labels, gazetteer-derived
relations). The union of all graphs is exactly graph.ttl; a relation two documents support is in
both documents' graphs.

`kg build` makes them from the triples of the graph.ttl it wrote (`read_triples`: pyoxigraph's
parser), so every export comes from the one triple stream and no rdflib graph is built; an
rdflib Graph is still accepted for users who hold one.
"""
from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Union

from ..model import Predicate
from ..terms import ox_triples_of
from ..vocab import (CONTRACT_CLASSES, DCTERMS_IRI, LG_IRI, PROV_IRI, QUERY_PREFIXES, RDF_IRI, RDFS_IRI, SKOS_IRI,
                     XSD_STRING)
from .atomic import write_bytes

if TYPE_CHECKING:
    from rdflib import Graph

FORMATS: dict[str, str] = {"jsonld": "graph.jsonld", "nt": "graph.nt", "trig": "graph.trig",
                           "nq": "graph.nq", "graphml": "graph.graphml"}
ALIASES = {"json-ld": "jsonld", "ntriples": "nt", "n-triples": "nt", "nquads": "nq", "n-quads": "nq"}

LG, RDF = LG_IRI, RDF_IRI
#: the relations GraphML draws as edges, in the order it writes them
RELATIONS = tuple(p.value for p in Predicate)


class FormatError(ValueError):
    pass


def parse_formats(values: Iterable[str] | None) -> tuple[str, ...]:
    """`["jsonld,nt", "graphml"]` or `["all"]` → canonical names in FORMATS order."""
    wanted: set[str] = set()
    for v in values or ():
        for name in (x.strip().lower() for x in v.split(",")):
            if not name:
                continue
            if name == "all":
                wanted |= set(FORMATS)
                continue
            name = ALIASES.get(name, name)
            if name in ("ttl", "turtle", "html"):
                continue  # always written
            if name not in FORMATS:
                raise FormatError(f"unknown format {name!r} (one of {', '.join(FORMATS)}, all)")
            wanted.add(name)
    return tuple(f for f in FORMATS if f in wanted)


def _prefixes() -> dict[str, str]:
    return QUERY_PREFIXES


# --------------------------------------------------------------------------- triples and quads

Source = Union["Graph", Iterable]  # an rdflib Graph, or pyoxigraph Triples or default-graph Quads


def ox_triples(source: Source) -> list:
    """The graph's triples as pyoxigraph Triples, sorted: an rdflib Graph's, or the given ones
    (a parsed graph.ttl gives Quads in the default graph)."""
    import pyoxigraph as ox

    from rdflib import Graph  # imported with kg.vocab already

    if isinstance(source, _Sorted):
        return source
    if isinstance(source, Graph):
        source = ox_triples_of(source)
    triples = [t.triple if isinstance(t, ox.Quad) else t for t in source]
    return _Sorted(sorted(triples, key=str))


class _Sorted(list):
    """Triples already sorted by ox_triples (the writers of one build share them)."""


def read_triples(path: Path) -> list:
    """graph.ttl's triples, sorted (pyoxigraph's parser: no rdflib graph is built)."""
    import pyoxigraph as ox

    return ox_triples(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


class _Lookup:
    """The sorted triples with the lookups the dataset and GraphML writers make: a subject's
    predicates and objects, a predicate's subject–object pairs (each in triple order). One
    index serves every writer of a build."""

    @classmethod
    def of(cls, source: Source | _Lookup) -> _Lookup:
        return source if isinstance(source, _Lookup) else cls(ox_triples(source))

    def __init__(self, triples: Sequence) -> None:
        self.triples = triples
        self.by_subject: dict = {}
        self.by_predicate: dict = {}
        for t in triples:
            self.by_subject.setdefault(t.subject, []).append((t.predicate, t.object))
            self.by_predicate.setdefault(t.predicate, []).append((t.subject, t.object))

    @cached_property
    def spo(self) -> set:
        """The triples as a set (only the dataset writer asks whether one is stated)."""
        return set(self.triples)

    def pairs(self, predicate) -> list:
        return self.by_predicate.get(predicate, [])

    def subjects(self, predicate, obj) -> list:
        return [s for s, o in self.pairs(predicate) if o == obj]

    def objects(self, subject, predicate) -> list:
        return [o for p, o in self.by_subject.get(subject, ()) if p == predicate]

    def value(self, subject, predicate):
        """The first object (in triple order), or None."""
        return next(iter(self.objects(subject, predicate)), None)


def _iri(local: str, ns: str = LG):
    import pyoxigraph as ox

    return ox.NamedNode(ns + local)


def document_quads(source: Source | _Lookup) -> list:
    """The graph as a dataset with one named graph per source document (see the module doc)."""
    import pyoxigraph as ox

    g = _Lookup.of(source)
    a, derived, mentioned = _iri("type", RDF), _iri("wasDerivedFrom", PROV_IRI), _iri("mentionedIn")
    statement = (_iri("subject", RDF), _iri("predicate", RDF), _iri("object", RDF))
    docs = set(g.subjects(a, _iri("SourceDocument")))
    placed: dict = {}
    for ev in g.subjects(a, _iri("Evidence")):
        for d in g.objects(ev, derived):
            if d not in docs:
                continue
            for p, o in g.by_subject[ev]:
                placed.setdefault(ox.Triple(ev, p, o), set()).add(d)
            spo = tuple(g.value(ev, p) for p in statement)
            if None not in spo and ox.Triple(*spo) in g.spo:
                placed.setdefault(ox.Triple(*spo), set()).add(d)
    for s, d in g.pairs(mentioned):
        if d in docs:
            placed.setdefault(ox.Triple(s, mentioned, d), set()).add(d)
    keyed = []  # each quad with its _quad_key, its triple's terms spelt once
    default = ox.DefaultGraph()
    for t in g.triples:
        spo = (str(t.subject), str(t.predicate), str(t.object))
        for d in placed.get(t) or (None,):
            keyed.append((("" if d is None else str(d), *spo),
                          ox.Quad(t.subject, t.predicate, t.object, default if d is None else d)))
    keyed.sort(key=lambda kq: kq[0])
    return _SortedQuads(q for _, q in keyed)


class _SortedQuads(list):
    """Quads already in _quad_key order (document_quads makes them so)."""


def _quad_key(q) -> tuple[str, str, str, str]:
    """A quad's place in TriG and in document_quads: by graph (the default first), subject,
    predicate, object."""
    import pyoxigraph as ox

    return ("" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name),
            str(q.subject), str(q.predicate), str(q.object))


# --------------------------------------------------------------------------- serialisations

def _sorted_lines(data: bytes) -> bytes:
    lines = sorted(set(data.splitlines()))
    return b"".join(line + b"\n" for line in lines if line.strip())


def ntriples_bytes(triples: Sequence) -> bytes:
    import pyoxigraph as ox

    return _sorted_lines(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))


def nquads_bytes(quads: Sequence) -> bytes:
    import pyoxigraph as ox

    return _sorted_lines(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))


def turtle_bytes(triples: Sequence) -> bytes:
    import pyoxigraph as ox

    return ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.TURTLE, prefixes=_prefixes())


def trig_bytes(quads: Sequence) -> bytes:
    import pyoxigraph as ox

    ordered = quads if isinstance(quads, _SortedQuads) else sorted(quads, key=_quad_key)
    return ox.serialize(ordered, format=ox.RdfFormat.TRIG, prefixes=_prefixes())


class _Compact:
    """IRI → prefix:local through the prefixes (the longest namespace first); each IRI is
    compacted once (a graph names its entities, documents and predicates again and again)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.order = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self.memo: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        found = self.memo.get(iri)
        if found is None:
            found = self.memo[iri] = self._compact(iri)
        return found

    def _compact(self, iri: str) -> str:
        for prefix, ns in self.order:
            if iri.startswith(ns):
                local = iri[len(ns):]
                if local and not local.startswith("//"):
                    return f"{prefix}:{local}"
        return iri


def _jsonld_id(t, compact: _Compact) -> str:
    import pyoxigraph as ox

    return f"_:{t.value}" if isinstance(t, ox.BlankNode) else compact(t.value)


def _jsonld_value(t, compact: _Compact) -> dict:
    import pyoxigraph as ox

    if isinstance(t, (ox.NamedNode, ox.BlankNode)):
        return {"@id": _jsonld_id(t, compact)}
    v: dict = {"@value": t.value}
    if t.language:
        v["@language"] = t.language
    elif t.datatype.value != XSD_STRING:
        v["@type"] = compact(t.datatype.value)
    return v


def jsonld_bytes(triples: Iterable) -> bytes:
    """JSON-LD 1.1 (flattened, compact IRIs through an @context of the project's prefixes).

    Written here rather than by rdflib, whose JSON-LD output order changes from run to run."""
    import pyoxigraph as ox

    prefixes = _prefixes()
    compact = _Compact(prefixes)
    a = RDF + "type"
    nodes: dict[str, dict[str, list]] = {}
    for t in triples:
        node = nodes.setdefault(_jsonld_id(t.subject, compact), {})
        if t.predicate.value == a and isinstance(t.object, ox.NamedNode):
            node.setdefault("@type", []).append(compact(t.object.value))
        else:
            node.setdefault(compact(t.predicate.value), []).append(_jsonld_value(t.object, compact))
    graph = []
    for node_id in sorted(nodes):
        obj: dict = {"@id": node_id}
        for key, values in nodes[node_id].items():
            obj[key] = values if len(values) == 1 else sorted(
                values, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
        graph.append(obj)
    doc = {"@context": dict(sorted(prefixes.items())), "@graph": graph}
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")



def contract_class(g: _Lookup, node) -> str | None:
    """The contract class (Organization, Place, ...) of a node, following rdfs:subClassOf."""
    a, sub = _iri("type", RDF), _iri("subClassOf", RDFS_IRI)
    todo, seen = list(g.objects(node, a)), set()
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.add(c)
        local = c.value.removeprefix(LG)
        if local in CONTRACT_CLASSES and c.value.startswith(LG):
            return local
        todo.extend(g.objects(c, sub))
    return None


_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(value: str) -> str:
    """XML 1.0 cannot carry control characters, not even as references: U+FFFD stands in."""
    return _XML_FORBIDDEN.sub("\ufffd", value)


def graphml_bytes(source: Source | _Lookup) -> bytes:
    """The entity network as GraphML: a node per entity (label, class, type), an edge per relation
    triple (relation, evidence count, documents, first quote). Nodes and edges in IRI order."""
    import networkx as nx
    import pyoxigraph as ox

    g = _Lookup.of(source)
    a, label = _iri("type", RDF), _iri("prefLabel", SKOS_IRI)
    doc_ids = {d: i.value for d, i in g.pairs(_iri("identifier", DCTERMS_IRI))}
    G = nx.MultiDiGraph()
    entities = {}
    for node in sorted({s for s, _ in g.pairs(a) if isinstance(s, ox.NamedNode)}, key=lambda n: n.value):
        cls = contract_class(g, node)
        if cls is None:
            continue
        entities[node] = cls
        types = sorted(t.value.removeprefix(LG) for t in g.objects(node, a))
        name = g.value(node, label)
        G.add_node(node.value, label=name.value if name is not None else node.value, **{
            "class": cls, "type": types[0] if types else cls,
            "documents": ",".join(sorted(doc_ids.get(d, d.value) for d in g.objects(node, _iri("mentionedIn")))),
        })
    evidence: dict[tuple, list[tuple[str, str]]] = {}
    statement = (_iri("subject", RDF), _iri("predicate", RDF), _iri("object", RDF))
    for ev in g.subjects(a, _iri("Evidence")):
        spo = tuple(g.value(ev, p) for p in statement)
        src, quote = g.value(ev, _iri("wasDerivedFrom", PROV_IRI)), g.value(ev, _iri("quote"))
        evidence.setdefault(spo, []).append((doc_ids.get(src, "None" if src is None else src.value),
                                             quote.value if quote is not None else ""))
    for rel in RELATIONS:
        for s, o in sorted(g.pairs(_iri(rel)), key=lambda so: (so[0].value, so[1].value)):
            if s not in entities or o not in entities:
                continue
            evs = sorted(evidence.get((s, _iri(rel), o), []))
            G.add_edge(s.value, o.value, key=rel, relation=rel, evidence=len(evs),
                       documents=",".join(sorted({d for d, _ in evs})), quote=evs[0][1] if evs else "")
    for _, data in G.nodes(data=True):
        data.update({k: _xml_text(v) for k, v in data.items() if isinstance(v, str)})
    for _, _, data in G.edges(data=True):
        data.update({k: _xml_text(v) for k, v in data.items() if isinstance(v, str)})
    buf = io.BytesIO()
    nx.write_graphml(G, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


# --------------------------------------------------------------------------- files

def render_formats(source: Source, formats: Sequence[str]) -> dict[str, bytes]:
    """file name → bytes for each wanted format (computed before anything is written) of the
    graph in `source`: graph.ttl's triples as `read_triples` gives them, or an rdflib Graph."""
    out: dict[str, bytes] = {}
    triples = ox_triples(source)
    lookup = quads = None
    for f in formats:
        if f in ("jsonld", "nt"):
            out[FORMATS[f]] = jsonld_bytes(triples) if f == "jsonld" else ntriples_bytes(triples)
        elif f in ("trig", "nq", "graphml"):
            lookup = lookup if lookup is not None else _Lookup(triples)
            if f == "graphml":
                out[FORMATS[f]] = graphml_bytes(lookup)
                continue
            quads = quads if quads is not None else document_quads(lookup)
            out[FORMATS[f]] = trig_bytes(quads) if f == "trig" else nquads_bytes(quads)
        else:
            raise FormatError(f"unknown format {f!r}")
    return out


def write_rendered(rendered: dict[str, bytes], out: Path) -> list[Path]:
    paths = []
    for name, data in rendered.items():
        write_bytes(out / name, data)
        paths.append(out / name)
    return paths


def write_formats(source: Source, out: Path, formats: Sequence[str]) -> list[Path]:
    return write_rendered(render_formats(source, formats), Path(out))
