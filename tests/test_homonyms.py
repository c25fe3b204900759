"""Divisions that share a name (朝阳区 of Beijing and of Changchun, 普陀区 of Shanghai and of
Zhoushan) stay two entities across a corpus, each with its own code, parent and documents; a
name only one division bears keeps its name-made IRI. Reports written for this test."""
from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import DCTERMS, SKOS

from kg.build import build
from kg.model import EntityKey, EntityType
from kg.vocab import LG

BEIJING = ("北京市朝阳区2023年法治政府建设年度报告\n2023年,朝阳区推行“朝阳调解”品牌,区司法局开展普法。"
           "朝阳区被评为全国法治政府建设示范地区。\n")
CHANGCHUN = ("长春市朝阳区2023年法治政府建设年度报告\n2023年,朝阳区推行“朝阳说法”品牌,区司法局开展普法。"
             "永昌街道在全区率先推行网格调解。\n")


def test_two_divisions_of_one_name_stay_two_entities(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "bj.txt").write_text(BEIJING, encoding="utf-8")
    (src / "cc.txt").write_text(CHANGCHUN, encoding="utf-8")
    out = tmp_path / "out"
    build([src], out, html=False)  # validated: one adminCode per place (it failed before)
    g = Graph().parse(out / "graph.ttl")
    places = sorted(g.subjects(SKOS.prefLabel, next(o for o in g.objects(None, SKOS.prefLabel)
                                                       if str(o) == "朝阳区")))
    assert len(places) == 2
    parents = {str(g.value(g.value(p, LG.locatedIn), SKOS.prefLabel)): str(g.value(p, LG.adminCode))
               for p in places}
    assert parents == {"北京市": "110105000000", "长春市": "220104000000"}
    # each report speaks for its own 朝阳区, and each district's bureau is its own
    for doc in g.subjects(DCTERMS.identifier, None):
        place = g.value(doc, DCTERMS.spatial)
        city = str(g.value(g.value(place, LG.locatedIn), SKOS.prefLabel))
        assert city == {"bj": "北京市", "cc": "长春市"}[str(g.value(doc, DCTERMS.identifier))]
    bureaus = [s for s in g.subjects(SKOS.prefLabel, None) if str(g.value(s, SKOS.prefLabel)) == "朝阳区司法局"]
    assert len(bureaus) == 2  # a body named after the division is that division's
    assert {str(g.value(g.value(b, LG.locatedIn), LG.adminCode)) for b in bureaus} == {"110105000000", "220104000000"}


def test_a_key_without_a_code_is_named_by_its_name_alone():
    plain = EntityKey(EntityType.PLACE, "冠县")
    assert plain.slug == EntityKey(EntityType.PLACE, "冠县", "").slug
    assert EntityKey(EntityType.PLACE, "朝阳区", "110105000000").slug != EntityKey(EntityType.PLACE, "朝阳区").slug
