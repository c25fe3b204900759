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
"""
from __future__ import annotations

import io
import re
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..terms import ox_term, ox_triples_of
from ..vocab import CONTRACT_CLASSES, LG_IRI, QUERY_PREFIXES, RDF_IRI, XSD_STRING
from .atomic import write_bytes

FORMATS: dict[str, str] = {"jsonld": "graph.jsonld", "nt": "graph.nt", "trig": "graph.trig",
                           "nq": "graph.nq", "graphml": "graph.graphml"}
ALIASES = {"json-ld": "jsonld", "ntriples": "nt", "n-triples": "nt", "nquads": "nq", "n-quads": "nq"}

LG, RDF = LG_IRI, RDF_IRI
RELATIONS = ("implements", "receivedAward", "awardedBy", "locatedIn", "issuedBy")


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

def ox_triples(g) -> list:
    """An rdflib Graph's triples as pyoxigraph Triples, sorted."""
    return sorted(ox_triples_of(g), key=str)


def document_quads(g) -> list:
    """The graph as a dataset with one named graph per source document (see the module doc)."""
    import pyoxigraph as ox
    from rdflib import URIRef
    from rdflib.namespace import PROV, RDF as R

    lg_doc, lg_ev, mentioned = URIRef(LG + "SourceDocument"), URIRef(LG + "Evidence"), URIRef(LG + "mentionedIn")
    docs = set(g.subjects(R.type, lg_doc))
    placed: dict[tuple, set] = {}
    for ev in g.subjects(R.type, lg_ev):
        for d in g.objects(ev, PROV.wasDerivedFrom):
            if d not in docs:
                continue
            for p, o in g.predicate_objects(ev):
                placed.setdefault((ev, p, o), set()).add(d)
            spo = (g.value(ev, R.subject), g.value(ev, R.predicate), g.value(ev, R.object))
            if None not in spo and spo in g:
                placed.setdefault(spo, set()).add(d)
    for s, d in g.subject_objects(mentioned):
        if d in docs:
            placed.setdefault((s, mentioned, d), set()).add(d)
    quads = []
    for s, p, o in g:
        t = (ox_term(s), ox_term(p), ox_term(o))
        for d in placed.get((s, p, o)) or (None,):
            quads.append(ox.Quad(*t, ox.DefaultGraph() if d is None else ox_term(d)))
    return sorted(quads, key=_quad_key)


def _quad_key(q) -> tuple[str, str, str, str]:
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

    return ox.serialize(sorted(quads, key=_quad_key), format=ox.RdfFormat.TRIG, prefixes=_prefixes())


def _compact(iri: str, prefixes: dict[str, str]) -> str:
    for prefix, ns in sorted(prefixes.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns):
            local = iri[len(ns):]
            if local and not local.startswith("//"):
                return f"{prefix}:{local}"
    return iri


def _jsonld_id(t, prefixes: dict[str, str]) -> str:
    import pyoxigraph as ox

    return f"_:{t.value}" if isinstance(t, ox.BlankNode) else _compact(t.value, prefixes)


def _jsonld_value(t, prefixes: dict[str, str]) -> dict:
    import pyoxigraph as ox

    if isinstance(t, (ox.NamedNode, ox.BlankNode)):
        return {"@id": _jsonld_id(t, prefixes)}
    v: dict = {"@value": t.value}
    if t.language:
        v["@language"] = t.language
    elif t.datatype.value != XSD_STRING:
        v["@type"] = _compact(t.datatype.value, prefixes)
    return v


def jsonld_bytes(triples: Iterable) -> bytes:
    """JSON-LD 1.1 (flattened, compact IRIs through an @context of the project's prefixes).

    Written here rather than by rdflib, whose JSON-LD output order changes from run to run."""
    import pyoxigraph as ox

    prefixes = _prefixes()
    nodes: dict[str, dict[str, list]] = {}
    for t in triples:
        node = nodes.setdefault(_jsonld_id(t.subject, prefixes), {})
        if t.predicate.value == RDF + "type" and isinstance(t.object, ox.NamedNode):
            node.setdefault("@type", []).append(_compact(t.object.value, prefixes))
        else:
            node.setdefault(_compact(t.predicate.value, prefixes), []).append(_jsonld_value(t.object, prefixes))
    graph = []
    for node_id in sorted(nodes):
        obj: dict = {"@id": node_id}
        for key, values in nodes[node_id].items():
            obj[key] = sorted(values, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
        graph.append(obj)
    doc = {"@context": dict(sorted(prefixes.items())), "@graph": graph}
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")



def contract_class(g, node) -> str | None:
    """The contract class (Organization, Place, ...) of a node, following rdfs:subClassOf."""
    from rdflib.namespace import RDF as R, RDFS

    todo, seen = list(g.objects(node, R.type)), set()
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.add(c)
        local = str(c).removeprefix(LG)
        if local in CONTRACT_CLASSES and str(c).startswith(LG):
            return local
        todo.extend(g.objects(c, RDFS.subClassOf))
    return None


_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(value: str) -> str:
    """XML 1.0 cannot carry control characters, not even as references: U+FFFD stands in."""
    return _XML_FORBIDDEN.sub("\ufffd", value)


def graphml_bytes(g) -> bytes:
    """The entity network as GraphML: a node per entity (label, class, type), an edge per relation
    triple (relation, evidence count, documents, first quote). Nodes and edges in IRI order."""
    import networkx as nx
    from rdflib import URIRef
    from rdflib.namespace import DCTERMS, PROV, RDF as R, SKOS

    lg = lambda local: URIRef(LG + local)  # noqa: E731
    doc_ids = {d: str(i) for d, i in g.subject_objects(DCTERMS.identifier)}
    G = nx.MultiDiGraph()
    entities = {}
    for node in sorted({s for s in g.subjects(R.type, None) if isinstance(s, URIRef)}):
        cls = contract_class(g, node)
        if cls is None:
            continue
        entities[node] = cls
        types = sorted(str(t).removeprefix(LG) for t in g.objects(node, R.type))
        G.add_node(str(node), label=str(g.value(node, SKOS.prefLabel) or node), **{
            "class": cls, "type": types[0] if types else cls,
            "documents": ",".join(sorted(doc_ids.get(d, str(d)) for d in g.objects(node, lg("mentionedIn")))),
        })
    evidence: dict[tuple, list[tuple[str, str]]] = {}
    for ev in g.subjects(R.type, lg("Evidence")):
        spo = (g.value(ev, R.subject), g.value(ev, R.predicate), g.value(ev, R.object))
        src = g.value(ev, PROV.wasDerivedFrom)
        evidence.setdefault(spo, []).append((doc_ids.get(src, str(src)), str(g.value(ev, lg("quote")) or "")))
    for rel in RELATIONS:
        for s, o in sorted(g.subject_objects(lg(rel))):
            if s not in entities or o not in entities:
                continue
            evs = sorted(evidence.get((s, lg(rel), o), []))
            G.add_edge(str(s), str(o), key=rel, relation=rel, evidence=len(evs),
                       documents=",".join(sorted({d for d, _ in evs})), quote=evs[0][1] if evs else "")
    for _, data in G.nodes(data=True):
        data.update({k: _xml_text(v) for k, v in data.items() if isinstance(v, str)})
    for _, _, data in G.edges(data=True):
        data.update({k: _xml_text(v) for k, v in data.items() if isinstance(v, str)})
    buf = io.BytesIO()
    nx.write_graphml(G, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


# --------------------------------------------------------------------------- files

def render_formats(g, formats: Sequence[str]) -> dict[str, bytes]:
    """file name → bytes for each wanted format (computed before anything is written)."""
    out: dict[str, bytes] = {}
    triples = quads = None
    for f in formats:
        if f in ("jsonld", "nt"):
            triples = triples if triples is not None else ox_triples(g)
            out[FORMATS[f]] = jsonld_bytes(triples) if f == "jsonld" else ntriples_bytes(triples)
        elif f in ("trig", "nq"):
            quads = quads if quads is not None else document_quads(g)
            out[FORMATS[f]] = trig_bytes(quads) if f == "trig" else nquads_bytes(quads)
        elif f == "graphml":
            out[FORMATS[f]] = graphml_bytes(g)
        else:
            raise FormatError(f"unknown format {f!r}")
    return out


def write_rendered(rendered: dict[str, bytes], out: Path) -> list[Path]:
    paths = []
    for name, data in rendered.items():
        write_bytes(out / name, data)
        paths.append(out / name)
    return paths


def write_formats(g, out: Path, formats: Sequence[str]) -> list[Path]:
    return write_rendered(render_formats(g, formats), Path(out))
