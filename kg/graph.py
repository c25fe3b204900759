"""KnowledgeBase → rdflib Graph, per ../shared/CONTRACT.md.

IRIs come from hashes of normalised content (never raw text) and no blank node is minted,
so the same corpus always yields the same triples.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .model import Entity, EntityKey, Evidence, KnowledgeBase, SourceDocument, stable_id
from .vocab import ELI, LG, LGR, ORG, SCHEMA

ONTOLOGY_PATH = Path(__file__).resolve().parent.parent / "ontology" / "lgkg.ttl"
GAZETTEER_IRI = LGR["source-gazetteer"]

_PREFIX = {"Organization": "org", "Regulation": "reg", "Program": "prog", "Place": "place",
           "Award": "award", "Person": "person"}


def entity_iri(key: EntityKey) -> URIRef:
    return LGR[f"{_PREFIX[key.etype.value]}-{key.slug}"]


def document_iri(doc_id: str) -> URIRef:
    return LGR[f"doc-{stable_id('doc', doc_id)}"]


def evidence_iri(s: URIRef, p: URIRef, o: URIRef, ev: Evidence) -> URIRef:
    return LGR[f"ev-{stable_id(str(s), str(p), str(o), ev.doc_id or ev.source, str(ev.start), str(ev.end))}"]


def bind_prefixes(g: Graph) -> None:
    for prefix, ns in (("lg", LG._NS), ("lgr", LGR), ("skos", SKOS), ("prov", PROV), ("dcterms", DCTERMS),
                       ("rdfs", RDFS), ("owl", OWL), ("org", ORG), ("eli", ELI), ("schema", SCHEMA),
                       ("xsd", XSD)):
        g.bind(prefix, ns, override=True)


def _zh(s: str) -> Literal:
    return Literal(s, lang="zh")


def _add_document(g: Graph, d: SourceDocument) -> None:
    iri = document_iri(d.doc_id)
    g.add((iri, RDF.type, LG.SourceDocument))
    g.add((iri, DCTERMS.identifier, Literal(d.doc_id)))
    g.add((iri, RDFS.label, Literal(Path(d.path).name)))
    g.add((iri, LG.sha256, Literal(d.sha256)))


def _add_entity(g: Graph, e: Entity) -> None:
    iri = entity_iri(e.key)
    g.add((iri, RDF.type, LG[e.subtype] if e.subtype else LG[e.key.etype.value]))
    g.add((iri, SKOS.prefLabel, _zh(e.key.name)))
    for a in e.alt_labels:
        g.add((iri, SKOS.altLabel, _zh(a)))
    for doc_id in e.doc_ids:
        g.add((iri, LG.mentionedIn, document_iri(doc_id)))
    for p, v in e.props:
        g.add((iri, LG[p], Literal(v)))


def ontology_declarations(used: set[URIRef]) -> Graph:
    """The ontology's statements about the terms a data graph uses (no blank nodes)."""
    onto = Graph()
    onto.parse(ONTOLOGY_PATH, format="turtle")
    closure = set(used)
    frontier = list(used)
    while frontier:  # superclasses and superproperties inside lg:
        t = frontier.pop()
        for sup in onto.objects(t, RDFS.subClassOf):
            if isinstance(sup, URIRef) and str(sup).startswith(str(LG._NS)) and sup not in closure:
                closure.add(sup)
                frontier.append(sup)
    out = Graph()
    for t in sorted(closure):
        for p, o in onto.predicate_objects(t):
            if isinstance(o, (URIRef, Literal)):
                out.add((t, p, o))
    return out


def build_graph(kb: KnowledgeBase, with_ontology: bool = True) -> Graph:
    g = Graph()
    bind_prefixes(g)
    docs = {d.doc_id for d in kb.documents}
    for d in kb.documents:
        _add_document(g, d)
    for e in kb.entities:
        _add_entity(g, e)
    used_gazetteer = False
    for r in kb.relations:
        s, p, o = entity_iri(r.head), LG[r.predicate.value], entity_iri(r.tail)
        g.add((s, p, o))
        for ev in r.evidence:
            a = evidence_iri(s, p, o, ev)
            g.add((a, RDF.type, LG.Evidence))
            g.add((a, RDF.subject, s))
            g.add((a, RDF.predicate, p))
            g.add((a, RDF.object, o))
            if ev.doc_id and ev.doc_id in docs:
                g.add((a, PROV.wasDerivedFrom, document_iri(ev.doc_id)))
                g.add((a, LG.charStart, Literal(ev.start, datatype=XSD.integer)))
                g.add((a, LG.charEnd, Literal(ev.end, datatype=XSD.integer)))
            else:
                used_gazetteer = True
                g.add((a, PROV.wasDerivedFrom, GAZETTEER_IRI))
            g.add((a, LG.quote, _zh(ev.quote)))
    if used_gazetteer:
        g.add((GAZETTEER_IRI, RDF.type, LG.Gazetteer))
        g.add((GAZETTEER_IRI, RDFS.label, Literal("administrative divisions of China (cpca adcodes)", lang="en")))
    if with_ontology:
        used = {o for o in g.objects(None, RDF.type) if isinstance(o, URIRef)}
        used |= {p for p in g.predicates() if str(p).startswith(str(LG._NS))}
        g += ontology_declarations(used)
    return g
