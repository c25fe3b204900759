"""The ontology (ontology/lgkg.ttl) and the SHACL shapes (ontology/shapes.ttl).

Checks that the ontology declares exactly the terms of kg.vocab.LG, that every term is
documented, that the class tree hangs off the contract classes, and that the shapes accept a
well-formed graph and reject each kind of contract breach for the intended reason.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the package may not be installed in the test environment
    sys.path.insert(0, str(ROOT))

from kg.model import SIGNATURES, EntityType, Predicate  # noqa: E402
from kg.vocab import LG, LG_IRI, LGR  # noqa: E402

ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_TTL = ONTOLOGY_DIR / "lgkg.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
LGSH = "https://w3id.org/lgkg/shapes#"

TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
ENTITY_CLASSES = {LG.Organization, LG.Regulation, LG.Program, LG.Place, LG.Award, LG.Person}
TOP_CLASSES = ENTITY_CLASSES | {LG.SourceDocument, LG.Evidence, LG.Gazetteer, LG.Observation, LG.DataSet,
                                LG.Measure}

#: the branch each subclass belongs to (the class an extractor's subtype implies)
EXPECTED_BRANCH = {
    **{c: LG.Organization for c in (
        LG.PartyOrgan, LG.GovernmentBody, LG.GovernmentDepartment, LG.Legislature, LG.Court,
        LG.Procuratorate, LG.JudicialOffice, LG.MediationCommittee,
        LG.LegalServiceOrganization, LG.MediaOrganization, LG.AcademicInstitution)},
    **{c: LG.Regulation for c in (
        LG.Law, LG.LocalRegulation, LG.GovernmentRule, LG.NormativeDocument, LG.PolicyDocument, LG.Agreement)},
    **{c: LG.Program for c in (
        LG.Brand, LG.Model, LG.Mechanism, LG.Campaign, LG.Project, LG.Platform, LG.WorkMethod,
        LG.Column)},
    **{c: LG.Place for c in (
        LG.Country, LG.Province, LG.PrefectureCity, LG.County, LG.Town, LG.Village,
        LG.DevelopmentZone)},
    LG.PublicOfficial: LG.Person,
}

# pyshacl.validate keyword arguments; `kg validate` uses the same. RDFS inference must stay off:
# it would apply rdfs:domain/rdfs:range and so make every domain/range violation disappear.
VALIDATE_KW = dict(inference="none", advanced=False, allow_warnings=False)


def _is_lg(term: object) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(LG_IRI)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


@pytest.fixture(scope="module")
def declared(ontology: Graph) -> set[URIRef]:
    return {s for t in TERM_TYPES for s in ontology.subjects(RDF.type, t) if _is_lg(s)}


def _lg_terms_used(g: Graph) -> set[URIRef]:
    return {t for triple in g for t in triple if _is_lg(t)}


# --------------------------------------------------------------------------- parsing, terms


def test_files_parse(ontology: Graph, shapes: Graph) -> None:
    assert (URIRef("https://w3id.org/lgkg/ontology"), RDF.type, OWL.Ontology) in ontology
    assert len(ontology) > 100
    assert set(shapes.subjects(RDF.type, SH.NodeShape)), "shapes.ttl declares no sh:NodeShape"


def test_declared_terms_equal_vocab(declared: set[URIRef]) -> None:
    vocab = {URIRef(LG_IRI + name) for name in LG.__annotations__}
    missing = sorted(str(t)[len(LG_IRI):] for t in vocab - declared)
    extra = sorted(str(t)[len(LG_IRI):] for t in declared - vocab)
    assert not missing and not extra, (
        f"in kg/vocab.py LG but not declared in lgkg.ttl: {missing}; "
        f"declared in lgkg.ttl but not in kg/vocab.py LG: {extra}"
    )


@pytest.mark.parametrize("path", [ONTOLOGY_TTL, SHAPES_TTL], ids=lambda p: p.name)
def test_no_undeclared_lg_terms_used(path: Path, declared: set[URIRef]) -> None:
    used = _lg_terms_used(Graph().parse(path, format="turtle"))
    unknown = sorted(str(t)[len(LG_IRI):] for t in used - declared)
    assert not unknown, f"{path.name} uses lg: terms the ontology does not declare: {unknown}"


def test_each_term_has_one_kind(ontology: Graph, declared: set[URIRef]) -> None:
    for term in declared:
        kinds = {t for t in TERM_TYPES if (term, RDF.type, t) in ontology}
        assert len(kinds) == 1, f"{term} is declared as {sorted(kinds)}"


def test_model_enums_are_ontology_terms(ontology: Graph) -> None:
    for etype in EntityType:
        assert (URIRef(LG_IRI + etype.value), RDF.type, OWL.Class) in ontology, etype
    for pred in Predicate:
        assert (URIRef(LG_IRI + pred.value), RDF.type, OWL.ObjectProperty) in ontology, pred


def test_every_term_is_labelled_and_commented(ontology: Graph, declared: set[URIRef]) -> None:
    problems = []
    for term in sorted(declared):
        labels = {lbl.language for lbl in ontology.objects(term, RDFS.label)
                  if isinstance(lbl, Literal) and str(lbl).strip()}
        for lang in ("zh", "en"):
            if lang not in labels:
                problems.append(f"{term}: no rdfs:label@{lang}")
        comments = [c for c in ontology.objects(term, RDFS.comment)
                    if isinstance(c, Literal) and c.language == "en" and str(c).strip()]
        if not comments:
            problems.append(f"{term}: no rdfs:comment@en")
    assert not problems, "\n".join(problems)


def test_relations_have_contract_signatures(ontology: Graph) -> None:
    def classes(expr: URIRef | BNode) -> set:
        members = ontology.value(expr, OWL.unionOf)
        return set(ontology.items(members)) if members is not None else {expr}

    for pred in Predicate:
        prop = URIRef(LG_IRI + pred.value)
        domains = set(ontology.objects(prop, RDFS.domain))
        ranges = set(ontology.objects(prop, RDFS.range))
        assert len(domains) == 1 and len(ranges) == 1, prop
        dom, rng = SIGNATURES[pred]
        assert classes(domains.pop()) == {URIRef(LG_IRI + e.value) for e in dom}, prop
        assert classes(ranges.pop()) == {URIRef(LG_IRI + e.value) for e in rng}, prop


# --------------------------------------------------------------------------- class tree


def _lg_superclasses(ontology: Graph, cls: URIRef) -> set[URIRef]:
    """lg: classes reachable from cls through rdfs:subClassOf+ (cls itself excluded)."""
    return {c for c in ontology.transitive_objects(cls, RDFS.subClassOf) if _is_lg(c)} - {cls}


def test_top_classes_are_independent(ontology: Graph) -> None:
    for cls in TOP_CLASSES:
        assert (cls, RDF.type, OWL.Class) in ontology, cls
        assert not _lg_superclasses(ontology, cls), f"{cls} is below another lg: class"


def test_every_subclass_reaches_one_contract_class(ontology: Graph, declared: set[URIRef]) -> None:
    classes = {c for c in declared if (c, RDF.type, OWL.Class) in ontology}
    subclasses = classes - TOP_CLASSES
    assert subclasses == set(EXPECTED_BRANCH), (
        f"unexpected subclasses: {sorted(subclasses - set(EXPECTED_BRANCH))}; "
        f"missing: {sorted(set(EXPECTED_BRANCH) - subclasses)}"
    )
    for cls in sorted(subclasses):
        branches = _lg_superclasses(ontology, cls) & ENTITY_CLASSES
        assert branches == {EXPECTED_BRANCH[cls]}, f"{cls} reaches {sorted(branches)}"


def test_evidence_is_a_statement(ontology: Graph) -> None:
    assert (LG.Evidence, RDFS.subClassOf, RDF.Statement) in ontology
    assert (LG.Evidence, RDFS.subClassOf, PROV.Entity) in ontology
    assert (LG.Gazetteer, RDFS.subClassOf, PROV.Entity) in ontology
    assert (LG.SourceDocument, RDFS.subClassOf, PROV.Entity) in ontology


# --------------------------------------------------------------------------- SHACL

DOC = LGR["doc-t1"]
GAZ = LGR["gazetteer"]
COURT = LGR["org-court"]
COUNTY = LGR["place-county"]
PROVINCE = LGR["place-province"]
EV_DOC = LGR["ev-doc"]
EV_GAZ = LGR["ev-gaz"]
SENTENCE = "冠县人民法院位于冠县。"


def valid_graph() -> Graph:
    """A court in a county in a province; one relation from the text, one from the gazetteer."""
    g = Graph()
    g.add((DOC, RDF.type, LG.SourceDocument))
    g.add((DOC, DCTERMS.identifier, Literal("t1")))
    g.add((DOC, LG.sha256, Literal("0" * 64)))
    g.add((GAZ, RDF.type, LG.Gazetteer))
    for node, cls, label in ((COURT, LG.Court, "冠县人民法院"), (COUNTY, LG.County, "冠县"),
                             (PROVINCE, LG.Province, "山东省")):
        g.add((node, RDF.type, cls))
        g.add((node, SKOS.prefLabel, Literal(label, lang="zh")))
        g.add((node, LG.mentionedIn, DOC))
    g.add((COURT, SKOS.altLabel, Literal("冠县法院", lang="zh")))
    g.add((COUNTY, LG.adminCode, Literal("371525000000")))

    g.add((COURT, LG.locatedIn, COUNTY))
    g.add((EV_DOC, RDF.type, LG.Evidence))
    g.add((EV_DOC, RDF.subject, COURT))
    g.add((EV_DOC, RDF.predicate, LG.locatedIn))
    g.add((EV_DOC, RDF.object, COUNTY))
    g.add((EV_DOC, PROV.wasDerivedFrom, DOC))
    g.add((EV_DOC, LG.quote, Literal(SENTENCE, lang="zh")))
    g.add((EV_DOC, LG.charStart, Literal(0)))
    g.add((EV_DOC, LG.charEnd, Literal(len(SENTENCE))))

    g.add((COUNTY, LG.locatedIn, PROVINCE))  # from the gazetteer: no offsets needed
    g.add((EV_GAZ, RDF.type, LG.Evidence))
    g.add((EV_GAZ, RDF.subject, COUNTY))
    g.add((EV_GAZ, RDF.predicate, LG.locatedIn))
    g.add((EV_GAZ, RDF.object, PROVINCE))
    g.add((EV_GAZ, PROV.wasDerivedFrom, GAZ))
    g.add((EV_GAZ, LG.quote, Literal("371525000000 冠县 → 370000000000 山东省")))
    return g


def validate(data: Graph, shapes: Graph, ontology: Graph):
    return pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, **VALIDATE_KW)


def results(report: Graph) -> list[dict[str, object]]:
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        out.append({
            "focus": report.value(r, SH.focusNode),
            "path": report.value(r, SH.resultPath),
            "component": report.value(r, SH.sourceConstraintComponent),
            "shape": report.value(r, SH.sourceShape),
            "severity": report.value(r, SH.resultSeverity),
            "message": " ".join(str(m) for m in report.objects(r, SH.resultMessage)),
        })
    return out


def test_valid_graph_conforms(shapes: Graph, ontology: Graph) -> None:
    conforms, report, text = validate(valid_graph(), shapes, ontology)
    assert conforms, text
    assert not results(report)


def test_valid_graph_conforms_with_ontology_merged_in(shapes: Graph, ontology: Graph) -> None:
    """graph.ttl carries the ontology's declarations, so it validates standing alone too."""
    data = valid_graph() + ontology
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, **VALIDATE_KW)
    assert conforms, text


def _remove(*triples):
    def mutate(g: Graph) -> None:
        for t in triples:
            assert t in g, f"mutation removes a triple the graph lacks: {t}"
            g.remove(t)
    return mutate


def _add(*triples):
    def mutate(g: Graph) -> None:
        for t in triples:
            g.add(t)
    return mutate


def _both(*mutations):
    def mutate(g: Graph) -> None:
        for m in mutations:
            m(g)
    return mutate


def _set(node, prop, value):
    return _both(_remove((node, prop, None)), _add((node, prop, value)))


def _shape(local: str) -> URIRef:
    return URIRef(LGSH + local)


# Each case: a mutation of the valid graph, and what the report must then contain
# (focus node, result path, constraint component, source shape; None = don't care).
BREAKS: dict[str, tuple[Callable[[Graph], None], dict[str, object]]] = {
    "two prefLabels": (
        _add((COURT, SKOS.prefLabel, Literal("冠县法院", lang="zh"))),
        {"focus": COURT, "path": SKOS.prefLabel, "component": SH.MaxCountConstraintComponent},
    ),
    "prefLabel not @zh": (
        _set(COUNTY, SKOS.prefLabel, Literal("Guan County", lang="en")),
        {"focus": COUNTY, "path": SKOS.prefLabel, "component": SH.LanguageInConstraintComponent},
    ),
    "altLabel without language": (
        _add((COURT, SKOS.altLabel, Literal("冠县法院2"))),
        {"focus": COURT, "path": SKOS.altLabel, "component": SH.LanguageInConstraintComponent},
    ),
    "missing mentionedIn": (
        _remove((COUNTY, LG.mentionedIn, DOC)),
        {"focus": COUNTY, "path": LG.mentionedIn, "component": SH.MinCountConstraintComponent},
    ),
    "mentionedIn not a document": (
        _add((COURT, LG.mentionedIn, COUNTY)),
        {"focus": COURT, "path": LG.mentionedIn, "component": SH.ClassConstraintComponent},
    ),
    "document without identifier": (
        _remove((DOC, DCTERMS.identifier, Literal("t1"))),
        {"focus": DOC, "path": DCTERMS.identifier, "component": SH.MinCountConstraintComponent},
    ),
    "bad adminCode": (
        _set(COUNTY, LG.adminCode, Literal("371525")),
        {"focus": COUNTY, "path": LG.adminCode, "component": SH.PatternConstraintComponent},
    ),
    "charEnd before charStart": (
        _both(_set(EV_DOC, LG.charStart, Literal(10)), _set(EV_DOC, LG.charEnd, Literal(3))),
        {"focus": EV_DOC, "path": LG.charStart, "component": SH.LessThanConstraintComponent},
    ),
    "negative charStart": (
        _set(EV_DOC, LG.charStart, Literal(-1)),
        {"focus": EV_DOC, "path": LG.charStart, "component": SH.MinInclusiveConstraintComponent},
    ),
    "charStart not an integer": (
        _set(EV_DOC, LG.charStart, Literal("0")),
        {"focus": EV_DOC, "path": LG.charStart, "component": SH.DatatypeConstraintComponent},
    ),
    "document evidence without offsets": (
        _remove((EV_DOC, LG.charStart, None), (EV_DOC, LG.charEnd, None)),
        {"focus": EV_DOC, "component": SH.SPARQLConstraintComponent,
         "shape": _shape("EvidenceShape")},
    ),
    "two quotes": (
        _add((EV_DOC, LG.quote, Literal("另一句。", lang="zh"))),
        {"focus": EV_DOC, "path": LG.quote, "component": SH.MaxCountConstraintComponent},
    ),
    "evidence predicate not a relation": (
        _both(_set(EV_DOC, RDF.predicate, SKOS.related), _add((COURT, SKOS.related, COUNTY))),
        {"focus": EV_DOC, "path": RDF.predicate, "component": SH.InConstraintComponent},
    ),
    "evidence derived from neither document nor gazetteer": (
        _set(EV_DOC, PROV.wasDerivedFrom, COUNTY),
        {"focus": EV_DOC, "path": PROV.wasDerivedFrom, "component": SH.OrConstraintComponent},
    ),
    "evidence for a triple that is not asserted": (
        _remove((COURT, LG.locatedIn, COUNTY)),
        {"focus": EV_DOC, "component": SH.SPARQLConstraintComponent,
         "shape": _shape("EvidenceShape")},
    ),
    "issuedBy with a Place subject": (
        _add((COUNTY, LG.issuedBy, COURT), (LGR["ev-x"], RDF.type, LG.Evidence),
             (LGR["ev-x"], RDF.subject, COUNTY), (LGR["ev-x"], RDF.predicate, LG.issuedBy),
             (LGR["ev-x"], RDF.object, COURT), (LGR["ev-x"], PROV.wasDerivedFrom, GAZ),
             (LGR["ev-x"], LG.quote, Literal("x"))),
        {"focus": COUNTY, "component": SH.ClassConstraintComponent,
         "shape": _shape("IssuedBySubjectShape")},
    ),
    "locatedIn with a non-Place object": (
        _add((COUNTY, LG.locatedIn, COURT), (LGR["ev-y"], RDF.type, LG.Evidence),
             (LGR["ev-y"], RDF.subject, COUNTY), (LGR["ev-y"], RDF.predicate, LG.locatedIn),
             (LGR["ev-y"], RDF.object, COURT), (LGR["ev-y"], PROV.wasDerivedFrom, GAZ),
             (LGR["ev-y"], LG.quote, Literal("y"))),
        {"focus": COURT, "component": SH.ClassConstraintComponent,
         "shape": _shape("LocatedInObjectShape")},
    ),
    "relation triple without evidence": (
        _add((COURT, LG.locatedIn, PROVINCE)),
        {"focus": COURT, "path": LG.locatedIn, "component": SH.SPARQLConstraintComponent,
         "shape": _shape("RelationEvidenceShape")},
    ),
    "blank-node entity": (
        _add((BNode("b0"), RDF.type, LG.Award),
             (BNode("b0"), SKOS.prefLabel, Literal("示范单位", lang="zh")),
             (BNode("b0"), LG.mentionedIn, DOC)),
        {"component": SH.NodeKindConstraintComponent, "shape": _shape("EntityShape")},
    ),
}


@pytest.mark.parametrize("case", list(BREAKS))
def test_broken_graph_is_rejected(case: str, shapes: Graph, ontology: Graph) -> None:
    mutate, expected = BREAKS[case]
    data = valid_graph()
    mutate(data)
    conforms, report, text = validate(data, shapes, ontology)
    assert not conforms, f"{case}: the graph was accepted"
    found = results(report)
    assert any(all(r[k] == v for k, v in expected.items()) for r in found), (
        f"{case}: no violation matching {expected}; report:\n{text}"
    )
    assert all(r["severity"] == SH.Violation for r in found)


def test_rdfs_inference_would_hide_domain_violations(shapes: Graph, ontology: Graph) -> None:
    """Why VALIDATE_KW turns inference off: rdfs:domain types the wrong subject instead."""
    mutate, _ = BREAKS["issuedBy with a Place subject"]
    data = valid_graph()
    mutate(data)
    kw = {**VALIDATE_KW, "inference": "rdfs"}
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, **kw)
    assert not any(r["shape"] == _shape("IssuedBySubjectShape") for r in results(report))


def test_every_relation_has_domain_and_range_shapes(shapes: Graph) -> None:
    """Every contract relation has a subject shape and an object shape."""
    subj = set(shapes.objects(None, SH.targetSubjectsOf))
    obj = set(shapes.objects(None, SH.targetObjectsOf))
    relations = {URIRef(LG_IRI + p.value) for p in Predicate}
    assert relations <= subj and relations <= obj
