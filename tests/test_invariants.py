"""The records' invariants (kg.invariants) report what the SHACL shapes report on the generated
graph: same focus nodes, components and paths, for every kind of record mistake; none on good
records; and `kg build` fails on them by default, writing nothing."""
from __future__ import annotations

import hashlib

import pytest
from msgspec.structs import replace

from kg import invariants
from kg.model import (DataSet, DocContext, Entity, EntityKey, EntityType, Evidence, KnowledgeBase, Observation,
                      Predicate, Relation, Section, SourceDocument)
from kg.validate import ValidationFailed, validate

ORG, PLACE, PROG, AWARD, REG = (EntityType.ORGANIZATION, EntityType.PLACE, EntityType.PROGRAM,
                                EntityType.AWARD, EntityType.REGULATION)
TEXT = "莆田市司法局推行“枫桥式”调解工作法。2024年全市行政复议纠错率为6.5%。"


def _doc(doc_id: str, sha: str | None = None) -> SourceDocument:
    return SourceDocument(doc_id, f"{doc_id}.txt", TEXT, "utf-8", sha or hashlib.sha256(doc_id.encode()).hexdigest())


def _ent(etype: EntityType, name: str, docs: tuple[str, ...] = ("d1",), **kw) -> Entity:
    return Entity(EntityKey(etype, name), kw.pop("subtype", None), kw.pop("alt", ()), docs, **kw)


def _ev(quote: str = "莆田市司法局推行“枫桥式”调解工作法。", start: int = 0, end: int = 19, **kw) -> Evidence:
    return Evidence("d1", quote, start, end, year=kw.pop("year", 2024), **kw)


def _obs(**kw) -> Observation:
    base = dict(doc_id="d1", area=EntityKey(PLACE, "莆田市"), year=2024, measure="行政复议纠错率", value="6.5",
                unit="%", quote="2024年全市行政复议纠错率为6.5%。", start=20, end=39)
    return Observation(**{**base, **kw})


JUDICIAL = _ent(ORG, "莆田市司法局", subtype="JudicialOffice", alt=("市司法局",))
CITY = _ent(PLACE, "莆田市", props=(("adminCode", "350300000000"),))
METHOD = _ent(PROG, "枫桥式调解工作法")

GOOD = KnowledgeBase(
    documents=(_doc("d1"),),
    entities=(JUDICIAL, CITY, METHOD),
    relations=(Relation(JUDICIAL.key, Predicate.IMPLEMENTS, METHOD.key, (_ev(),)),
               Relation(JUDICIAL.key, Predicate.LOCATED_IN, CITY.key,
                        (Evidence(None, "莆田市", 0, 3, source="gazetteer"),))),
    contexts=(("d1", DocContext(province="福建省", city="莆田市", author="莆田市司法局", title="工作总结", year=2024)),),
    observations=(_obs(),),
    datasets=(DataSet("d1", "t1", "表1 复议案件", 20, 39),),
)


def _bad() -> KnowledgeBase:
    """Every kind of record mistake, each on records of its own."""
    award = _ent(AWARD, "全国法治政府建设示范市")
    mute = _ent(ORG, "")                                                  # empty name
    alias = _ent(ORG, "仙游县司法局", alt=("",))                            # empty alternative label
    orphan = _ent(ORG, "秀屿区司法局", docs=())                             # mentioned nowhere
    ghost = _ent(ORG, "涵江区司法局", docs=("d9",))                          # in a document not read
    twin_a, twin_b = _ent(ORG, "荔城区人民法院"), _ent(ORG, "荔城区 人民法院")   # one IRI, two labels
    coded = _ent(PLACE, "城厢区", props=(("adminCode", "3503"), ("adminCode", "350302000000")))
    numbered = _ent(REG, "莆田市行政规范性文件管理办法", props=(("documentNumber", ""),))
    missing_reg = EntityKey(REG, "莆田市城市管理条例")                       # related, never an entity
    relations = (
        Relation(award.key, Predicate.IMPLEMENTS, JUDICIAL.key, (_ev(start=40, end=50),)),  # domain and range
        Relation(missing_reg, Predicate.ISSUED_BY, JUDICIAL.key, (_ev(start=50, end=60),)),
        Relation(JUDICIAL.key, Predicate.RECEIVED_AWARD, award.key, ()),   # no evidence
        Relation(JUDICIAL.key, Predicate.IMPLEMENTS, METHOD.key, (
            _ev(), _ev("", 60, 70), _ev(start=-1, end=5), _ev(start=9, end=9), _ev(start=70, end=80, year=0),  # year 0: an xsd:gYear
            _ev("另一句。", 0, 19))),                                       # same place, other quote
    )
    observations = (
        _obs(), _obs(area=METHOD.key, start=100, end=110),                 # a figure about a program
        _obs(value="1,234", start=110, end=120), _obs(quote="", start=120, end=130),
        _obs(start=140, end=130), _obs(year=-5, start=150, end=160),
        _obs(doc_id="d9", start=160, end=170),                             # from a document not read
        _obs(measure="", start=170, end=180), _obs(measure="行政复议 纠错率", start=180, end=190),
        _obs(dataset="t2", start=190, end=200),
    )
    return replace(
        GOOD,
        documents=(*GOOD.documents, _doc("d2", sha="XYZ"), _doc("")),
        entities=(*GOOD.entities, award, mute, alias, orphan, ghost, twin_a, twin_b, coded, numbered),
        relations=(*GOOD.relations, *relations),
        contexts=(*GOOD.contexts, ("d2", DocContext(title="甲", year=0)), ("d2", DocContext(title="乙"))),
        sections=(Section("d2#1", "d7", 0, 5, DocContext()),),
        observations=observations,
        datasets=(*GOOD.datasets, DataSet("d1", "", "", 0, 5)),  # the text's figures as an untitled table
    )


def _keys(violations) -> set[tuple]:
    return {v.key() for v in violations}


def test_good_records_have_no_violation_and_their_graph_conforms():
    assert invariants.violations(GOOD) == []
    assert validate(GOOD, "shifty").conforms


@pytest.fixture(scope="module")
def bad_both():
    kb = _bad()
    return invariants.violations(kb), validate(kb, "shifty").violations


def test_records_report_what_the_shapes_report(bad_both):
    records, shapes = bad_both
    assert _keys(records) == _keys(shapes)
    assert len(_keys(records)) == 30  # every mistake above, each once


@pytest.mark.parametrize("component, path", [
    ("MinLengthConstraintComponent", "core#prefLabel"), ("MinLengthConstraintComponent", "core#altLabel"),
    ("MinCountConstraintComponent", "lg:mentionedIn"), ("ClassConstraintComponent", "lg:mentionedIn"),
    ("MaxCountConstraintComponent", "core#prefLabel"), ("PatternConstraintComponent", "lg:adminCode"),
    ("MaxCountConstraintComponent", "lg:adminCode"), ("MinLengthConstraintComponent", "lg:documentNumber"),
    ("OrConstraintComponent", None), ("ClassConstraintComponent", None), ("SPARQLConstraintComponent", "lg:receivedAward"),
    ("MinLengthConstraintComponent", "lg:quote"), ("MinInclusiveConstraintComponent", "lg:charStart"),
    ("LessThanConstraintComponent", "lg:charStart"),
    ("MaxCountConstraintComponent", "lg:quote"), ("PatternConstraintComponent", "lg:sha256"),
    ("MinLengthConstraintComponent", "dc/terms/identifier"), ("MaxCountConstraintComponent", "dc/terms/title"),
    ("ClassConstraintComponent", "dc/terms/isPartOf"), ("OrConstraintComponent", "refArea"),
    ("DatatypeConstraintComponent", "obsValue"),
    ("MinCountConstraintComponent", "prov#wasDerivedFrom"), ("MinLengthConstraintComponent", "rdf-schema#label"),
])
def test_each_kind_of_mistake_is_found(bad_both, component, path):
    records, _ = bad_both
    lg = "https://w3id.org/lgkg/ontology#"
    want = None if path is None else path.replace("lg:", lg)
    assert any(v.component == component and (v.path is None if want is None else want in (v.path or ""))
               for v in records), (component, path)


def test_messages_come_from_the_shapes(bad_both):
    records, _ = bad_both
    by = {(v.component, v.path): v.message for v in records if v.shape != "lgsh:ObservationShape"}
    assert by[("SPARQLConstraintComponent", "<https://w3id.org/lgkg/ontology#receivedAward>")].startswith(
        "Relation triple")
    assert by[("LessThanConstraintComponent", "<https://w3id.org/lgkg/ontology#charStart>")] == \
        "lg:charStart is one xsd:integer >= 0, less than lg:charEnd."
    assert all(v.message for v in records)


def test_check_raises_with_the_report():
    with pytest.raises(ValidationFailed) as err:
        invariants.check(_bad())
    assert err.value.report.engine == "records"
    assert "skos:prefLabel" in err.value.report.text()
    assert invariants.check(GOOD).conforms


def test_the_seeds_records_conform(seeds_build):
    assert invariants.violations(seeds_build.kb) == []


def test_a_documents_own_records_checked_before_are_skipped_and_the_corpus_wide_never(bad_both):
    """For documents checked before, what their own evidence, figures and tables break is not
    looked for again; what the corpus decides (documents, entities, relations, a figure's place
    being one, measures, records of no document the graph states) is, every time."""
    kb = _bad()
    every, _ = bad_both
    known = {d.doc_id for d in kb.documents} | {s.doc_id for s in kb.sections}
    rest = invariants.violations(kb, checked=known)
    skipped = _keys(every) - _keys(rest)
    assert _keys(rest) < _keys(every)
    assert {v.shape for v in every if v.key() in skipped} == {
        "lgsh:EvidenceShape", "lgsh:ObservationShape", "lgsh:DataSetShape"}
    kept = {(v.shape, v.component) for v in rest}
    assert ("lgsh:ObservationShape", "OrConstraintComponent") in kept  # a place resolved across documents
    assert ("lgsh:ObservationShape", "MinCountConstraintComponent") in kept  # a figure of no stated document
    assert ("lgsh:DataSetShape", "MinCountConstraintComponent") in kept
    assert ("lgsh:EntityShape-prefLabel", "MaxCountConstraintComponent") in kept
    assert {_document_of(v, kb) for v in every if v.key() in skipped} == {"d1"}
    assert _keys(invariants.violations(kb, checked={"d2"})) == _keys(every)  # d1's own are looked at


def _document_of(v, kb) -> str | None:
    """The document whose own record `v` is about (its evidence, figure or table), by IRI."""
    from kg import graph as G

    for rec in G.document_records(kb):
        for head, p, tail, ev in rec.evidence:
            if v.focus == f"<{G._evidence_iri(G._entity_iri(head), G._lg(p), G._entity_iri(tail), ev)}>":
                return rec.doc_id
        if any(v.focus == f"<{G._observation_iri(o)}>" for o in rec.observations):
            return rec.doc_id
        if any(v.focus == f"<{G._dataset_iri(t.doc_id, t.key)}>" for t in rec.datasets):
            return rec.doc_id
    return None
