"""Text as users paste it: CRLF / CR line ends and the spaces PDF extraction leaves find the same
entities and relations as clean LF text, with every offset still pointing into the text as read."""
from __future__ import annotations

import re

import pytest

from kg.model import norm_label
from kg.normalize import hard_wrapped, normalize

from .helpers import extraction, triples

REPORT = """衢州市柯城区司法局2023年度法治政府建设工作报告

2023年，柯城区司法局深入贯彻《浙江省行政复议条例》，创新推出“三事分流”工作法，全面推行“红色调解员”机制。
区司法局制定《柯城区行政规范性文件管理办法》。2023年8月，柯城区司法局荣获“全国模范司法所”称号。
区委依法治区办印发《柯城区法治政府建设实施方案（2023—2025年）》，在全区推广“共享法庭”。
局长刘建华表示，将持续推进“大综合一体化”行政执法改革，全年办理行政复议案件 156 件。
"""


def pdf_spaced(text: str) -> str:
    """Spaces as PDF text extraction leaves them: between digits and Chinese, inside quotes and
    title marks."""
    text = re.sub(r"(?<=\d)(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=\d)", " ", text)
    text = re.sub(r"([“《（])", r"\1 ", text)
    return re.sub(r"([”》）])", r" \1", text)


VARIANTS = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "cr": lambda t: t.replace("\n", "\r"),
    "pdf": pdf_spaced,
    "pdf+crlf": lambda t: pdf_spaced(t).replace("\n", "\r\n"),
}


def _extract(nlp, text):
    return extraction(nlp, text, "r", "0")


def _found(ex):
    return {(m.key.etype.value, m.key.name) for m in ex.mentions}, triples(ex)


@pytest.fixture(scope="module")
def baseline(nlp):
    ents, rels = _found(_extract(nlp, REPORT))
    assert ("Regulation", "浙江省行政复议条例") in ents and ("Program", "“三事分流”工作法") in ents
    assert ("柯城区司法局", "receivedAward", "“全国模范司法所”") in rels
    assert len(ents) >= 10 and len(rels) >= 8
    return ents, rels


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_line_ends_and_pdf_spaces_find_the_same_graph(nlp, baseline, variant):
    text = VARIANTS[variant](REPORT)
    ex = _extract(nlp, text)
    assert _found(ex) == baseline
    for m in ex.mentions:
        # offsets point into the text as read; the surface is that slice (with any PDF spaces)
        assert m.surface == text[m.start:m.end]
        assert not m.surface[:1].isspace() and not m.surface[-1:].isspace()
        assert norm_label(m.surface) == norm_label(re.sub(r"[ \r]", "", m.surface))
    for r in ex.relations:
        ev = r.evidence
        if ev.doc_id is not None:
            assert ev.quote == text[ev.start:ev.end]


def test_offsets_map_back_through_dropped_characters():
    text = "2024 年，“ 枫桥经验 ”\r\n《 条例 》"
    n = normalize(text)
    assert n.text == "2024年，“枫桥经验”\n《条例》"
    i = n.text.index("“枫桥经验”")
    s, e = n.span(i, i + len("“枫桥经验”"))
    assert text[s:e] == "“ 枫桥经验 ”"
    i = n.text.index("《条例》")
    s, e = n.span(i, i + 4)
    assert text[s:e] == "《 条例 》"


@pytest.mark.parametrize("kept", [
    "王明 市司法局局长",            # a name and its title: the author's separator
    "“三筑”工程 奋力谱写新篇章",     # two halves of a heading
    "通过 APP 办理",                # spaces beside Latin letters
    "| 1 | 《某条例》 | 某政发〔2021〕3号 |",  # table cells
    "\u3000\u3000一、总体情况",       # indentation
    "2023 2024",                    # between digits
    "1\t兴义市城市管理办法\t兴府发〔2023〕12号",  # a spreadsheet's cells
])
def test_spaces_the_author_put_there_stay(kept):
    assert normalize(kept).text == kept


def test_clean_text_is_left_as_it_is():
    clean = REPORT.replace(" 156 ", "156")
    n = normalize(clean)
    assert n.text == clean and n.span(3, 9) == (3, 9)


PAGE = """湖州市吴兴区司法局法治政府建设年度报告
2023年，吴兴区司法局认真贯彻《浙江省行政程序办法》，创新推出“三方
联调”工作法，吴兴区司法局荣获“全省法治宣传教育先进集体”称号，区司
法局制定《吴兴区重大行政决策程序规定》，推进依法行政工作不断深入。
一、加强组织领导
（一）压实责任。区委依法治区办印发《吴兴区法治建设工作要点》，
1.定期听取工作汇报，全年召开专题会议12次。
"""


def test_pdf_lines_broken_inside_paragraphs_are_joined():
    n = normalize(PAGE, rewrap=True)
    lines = n.text.splitlines()
    assert lines[0] == "湖州市吴兴区司法局法治政府建设年度报告"  # the title stays its own line
    assert lines[1].startswith("2023年，") and "“三方联调”工作法" in lines[1] and "区司法局制定" in lines[1]
    assert lines[1].endswith("不断深入。")  # no run-on after a sentence end
    assert lines[2:] == ["一、加强组织领导", "（一）压实责任。区委依法治区办印发《吴兴区法治建设工作要点》，",
                         "1.定期听取工作汇报，全年召开专题会议12次。"]  # headings and list items stay
    i = n.text.index("区司法局制定")
    s, e = n.span(i, i + len("区司法局制定"))
    assert PAGE[s:e] == "区司\n法局制定"
    assert normalize(PAGE).text == PAGE  # text that is not from a PDF keeps its lines


WRAPPED = """泰州市姜堰区2023年法治政府建设情况报告
（一）推进政府职能转变。区行政审批局深化“一件事一次办”改
革，推行“不见面审批”服务模式，全年办理审批事项2.3万件。区
市场监督管理局推行包容审慎监管，对轻微违法行为依法不予处罚
56件。
（二）化解矛盾纠纷。沈高镇河横村“老书记调解室”被司法部命
名为“全国模范人民调解委员会”。区司法局局长陈红兵被省司法厅
评为全省司法行政系统先进个人。
"""

TABLE = """株洲市人民政府2023年度规范性文件目录
序号\t文件名称\t制定机关\t文号\t施行日期
1\t株洲市城市生活垃圾分类管理办法\t株洲市人民政府\t株政发〔2023〕3号\t2023-03-01
2\t株洲市住房公积金提取管理规定\t株洲市住房公积金管理委员会\t株房金委〔2023〕1号\t2023-05-01
3\t关于加强农村宅基地管理的实施意见\t株洲市自然资源和规划局\t株自然资规〔2023〕2号\t2023-07-15
4\t株洲市政府投资项目管理办法\t株洲市发展和改革委员会\t株发改发〔2023〕9号\t2023-09-01
"""


def test_plain_text_pasted_from_a_page_layout_is_rewrapped(nlp):
    """A .txt whose paragraphs the page's layout broke into lines of one length reads as a PDF's
    text: the words and names broken across lines are whole (命\n名为, 先进\n个人, 区\n市场监督管理局);
    a report with one line per paragraph, a table's rows and a list's items (lines of one
    length without a mark of prose) are no such text."""
    assert hard_wrapped(WRAPPED) and not hard_wrapped(REPORT)
    crlf = WRAPPED.replace("\n", "\r\n")  # the same text with Windows line ends is wrapped alike
    assert hard_wrapped(crlf) and normalize(crlf, rewrap=None).text == normalize(WRAPPED, rewrap=None).text
    assert not hard_wrapped(TABLE) and normalize(TABLE, rewrap=True).text == TABLE
    roster = ("附件：先进个人名单\n刘志刚  咸安区司法局副局长\n陈丽明  嘉鱼县人民法院审判员\n"
              "吴海波  通山县南林桥镇党委书记\n张晓燕  崇阳县天城镇司法所所长\n")
    assert not hard_wrapped(roster) and normalize(roster, rewrap=True).text == roster  # a list's items
    rels = triples(extraction(nlp, WRAPPED))
    assert ("河横村“老书记调解室”", "receivedAward", "“全国模范人民调解委员会”") in rels, rels
    assert ("陈红兵", "receivedAward", "全省司法行政系统先进个人") in rels, rels
    assert ("姜堰区市场监督管理局", "locatedIn", "姜堰区") in rels, rels


def test_a_half_width_full_stop_ending_a_chinese_sentence_reads_as_one():
    """…示范县.郯城县… ends a sentence (the honour's name stops there); a decimal point, a web
    address and an abbreviation keep their dots; the text keeps its length."""
    text = "兰陵县被评为全省法治政府建设示范县.郯城县增长2.3%,见www.lyxx.gov.cn.详见《办法》.\nNo.1文件"
    clean = normalize(text).text
    assert len(clean) == len(text)
    assert clean == text.replace("示范县.", "示范县。").replace("》.", "》。").replace("cn.详", "cn.详")
    assert "2.3%" in clean and "www.lyxx.gov.cn" in clean and "No.1" in clean


def test_an_honour_before_a_half_width_full_stop_is_found(nlp):
    text = "临沂市2023年法治政府建设年度报告\n兰陵县被评为全省法治政府建设示范县.\n"
    ex = extraction(nlp, text)
    assert ("兰陵县", "receivedAward", "全省法治政府建设示范县") in triples(ex)
    quotes = {r.evidence.quote for r in ex.relations if r.predicate.value == "receivedAward"}
    assert quotes == {"兰陵县被评为全省法治政府建设示范县."}  # quoted as written
