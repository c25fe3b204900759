"""Titles, years, authors and sections of reports written for these tests (a county report, a
press conference, a compilation of two county reports), and their graph."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, XSD

from kg.build import build
from kg.grammar.doctime import document_title, document_year, sentence_year
from kg.grammar.sections import find_sections

from .helpers import extraction

LG = Namespace("https://w3id.org/lgkg/ontology#")

COUNTY_REPORT = (
    "镇原县司法局2023年度法治政府建设情况报告\n"
    "2023年,镇原县司法局坚持以习近平法治思想为指导,贯彻实施《法治政府建设实施纲要(2021—2025年)》,"
    "深入推进依法行政。现将有关情况报告如下:\n"
    "一、工作情况\n"
    "打造“陇原调解”品牌。2022年,县司法局荣获全省人民调解工作先进集体。\n")

PRESS = (
    "甘肃省人民政府新闻办公室举行新闻发布会\n"
    "女士们、先生们:\n"
    "欢迎参加甘肃省法治政府建设成效新闻发布会。近年来,我省坚持依法治省。\n")

COMPILATION = (
    "庆阳市法治政府建设白皮书\n"
    "前言\n"
    "2023年,庆阳市委、市政府坚持依法行政,法治政府建设取得新成效。\n"
    "县区报告\n"
    "镇原县\n"
    "2023年法治政府建设年度报告\n"
    "2023年,镇原县坚持以习近平法治思想为指导。县司法局制定《镇原县行政执法公示办法》,打造“陇原调解”品牌。\n"
    "一、主要举措\n"
    "全县推行行政执法“三项制度”。\n"
    "环 县\n"
    "2023年法治政府建设年度报告\n"
    "2023年,环县坚持依法行政。县司法局印发《环县2023年普法依法治理工作要点》,开展“法律进乡村”活动。\n"
    "附录\n"
    "庆阳市规范性文件目录\n")


def test_title_and_year_of_a_county_report():
    title = document_title(COUNTY_REPORT)
    assert title == "镇原县司法局2023年度法治政府建设情况报告"
    # the years of a plan's span (2021—2025年) and of a past honour are not the report's
    assert document_year(COUNTY_REPORT, title) == 2023


def test_press_conference_title_and_no_year():
    assert document_title(PRESS) == "甘肃省人民政府新闻办公室举行新闻发布会"
    assert document_year(PRESS, document_title(PRESS)) is None


def test_sentence_years():
    assert sentence_year("2022年,县司法局荣获全省人民调解工作先进集体。") == 2022
    assert sentence_year("贯彻实施《法治政府建设实施纲要(2021—2025年)》。") is None
    assert sentence_year("到2035年基本建成法治政府。") is None
    assert sentence_year("2022年和2023年连续获评先进。") is None  # two years: which one, unsaid


def test_a_single_report_is_no_compilation():
    assert find_sections(COUNTY_REPORT) == []


def test_compilation_sections_with_their_own_place():
    spans = find_sections(COMPILATION)
    assert [s.owner for s in spans] == ["镇原县", "环县"]
    assert spans[0].title == "镇原县2023年法治政府建设年度报告"
    assert COMPILATION[spans[1].end:].startswith("附录")  # the appendix is the whole's again


def test_each_section_speaks_for_its_county(nlp):
    ex = extraction(nlp, COMPILATION, "book")
    assert [(s.doc_id, s.context.county) for s in ex.sections] == [("book#1", "镇原县"), ("book#2", "环县")]
    rels = {(r.head.name, r.predicate.value, r.tail.name, r.evidence.doc_id) for r in ex.relations}
    assert ("环县2023年普法依法治理工作要点", "issuedBy", "环县司法局", "book#2") in rels
    assert not any(h == "庆阳市" and p == "implements" and ("环县" in t or "镇原县" in t) for h, p, t, _ in rels)
    for r in ex.relations:  # offsets still into the whole file's text
        assert COMPILATION[r.evidence.start:r.evidence.end] == r.evidence.quote


def test_each_character_of_a_compilation_is_read_once(nlp):
    """The sections are read as reports of their own and the whole without them: the tokenizer
    sees every character of the file exactly once, and the whole's findings lie outside them."""
    seen: list[str] = []
    tokenizer = nlp.tokenizer

    def recording(text: str):
        seen.append(text)
        return tokenizer(text)

    nlp.tokenizer = recording
    try:
        ex = extraction(nlp, COMPILATION, "book")
    finally:
        nlp.tokenizer = tokenizer
    assert len(seen) == 3  # the whole, then each section
    assert sum(len(t) for t in seen) == len(COMPILATION)
    assert "前言" in seen[0] and "附录" in seen[0] and "陇原调解" not in seen[0]
    inside = [(s.start, s.end) for s in ex.sections]
    whole = [r for r in ex.relations if r.evidence.doc_id == "book"]
    assert whole and all(not a <= r.evidence.start < b for r in whole for a, b in inside)


def test_graph_carries_titles_years_authors_and_sections(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "report.txt").write_text(COUNTY_REPORT, encoding="utf-8")
    (src / "book.txt").write_text(COMPILATION, encoding="utf-8")
    build([src], tmp_path / "out")
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    doc = next(g.subjects(DCTERMS.identifier, Literal("report")))
    assert str(g.value(doc, DCTERMS.title)) == "镇原县司法局2023年度法治政府建设情况报告"
    assert g.value(doc, LG.year) == Literal("2023", datatype=XSD.gYear)
    creator = g.value(doc, DCTERMS.creator)
    assert str(g.value(creator, Namespace("http://www.w3.org/2004/02/skos/core#").prefLabel)) == "镇原县司法局"
    section = next(g.subjects(DCTERMS.identifier, Literal("book#2")))
    assert g.value(section, DCTERMS.isPartOf) == next(g.subjects(DCTERMS.identifier, Literal("book")))
    assert str(g.value(section, DCTERMS.title)) == "环县2023年法治政府建设年度报告"
    # a fact dated by its sentence, another by its document
    years = {str(y) for y in g.objects(None, LG.year)}
    assert {"2022", "2023"} <= years


@pytest.fixture(scope="module")
def timeline_graph(tmp_path_factory):
    """Two reports of one county, a year apart, and the compilation above."""
    src = tmp_path_factory.mktemp("in")
    (src / "book.txt").write_text(COMPILATION, encoding="utf-8")
    (src / "y2024.txt").write_text(
        "环县司法局2024年度法治政府建设情况报告\n"
        "2024年,环县司法局坚持依法行政,深化“法律进乡村”活动,打造“环江调解”品牌。"
        "环县司法局荣获全省司法行政系统先进集体。\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    build([src], out)
    from kg.query import load
    return load(out / "graph.ttl")


def _rows(result) -> list[dict]:
    return result.records()


def test_place_timeline_by_year(timeline_graph):
    from kg.query import run_named
    rows = _rows(run_named(timeline_graph, "place_timeline", place="环县"))
    assert {(r["year"], r["relation"]) for r in rows} >= {("2023", "implements"), ("2024", "implements"),
                                                          ("2024", "receivedAward")}
    assert all(r["year"] in ("2023", "2024") for r in rows)


def test_new_in_year(timeline_graph):
    from kg.query import run_named
    rows = _rows(run_named(timeline_graph, "new_in_year", place="环县", before="2023", after="2024"))
    news = {r["what"] for r in rows}
    assert any("环江调解" in w for w in news)
    assert not any("法律进乡村" in w for w in news)  # carried out in both years: not new


def test_documents_by_year_lists_sections(timeline_graph):
    from kg.query import run_named
    rows = _rows(run_named(timeline_graph, "documents_by_year"))
    by_id = {r["identifier"]: r for r in rows}
    assert by_id["book#2"]["partOf"] == "book" and by_id["book#2"]["place"] == "环县"
    assert by_id["y2024"]["year"] == "2024" and by_id["y2024"]["author"] == "环县司法局"


def test_instrument_dates():
    from kg.grammar.doctime import instrument_dates
    text = "《庆阳市城市绿化条例》于2023年6月1日经市人大常委会审议通过,自2023年9月1日起施行。"
    assert instrument_dates(text, 0, text.index("》") + 1) == (
        ("eli:date_document", "2023-06-01"), ("eli:first_date_entry_in_force", "2023-09-01"))
    text = "2022年11月30日,市人大常委会审议通过《庆阳市养犬管理条例》。"
    assert instrument_dates(text, text.index("《"), text.index("》") + 1) == (("eli:date_document", "2022-11-30"),)
    # the year of a document number, when no day is said
    assert instrument_dates("印发《关于加强调解工作的通知》", 2, 15, "庆政办发〔2022〕6号") == (("eli:date_document", "2022"),)
    # a span of years inside a title dates nothing; nor does a date of another clause
    text = "贯彻实施《法治政府建设实施纲要(2021—2025年)》。2022年5月1日召开推进会。"
    assert instrument_dates(text, 4, text.index("》") + 1) == ()
