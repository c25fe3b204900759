"""Figures as observations: sentences and tables written for these tests (places the seeds never
name), through the pipeline, into the graph and its shapes."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.grammar.figures import document_year
from kg.grammar.stat_tables import column_paths, match_stat_tables
from kg.measures import canonical_measure
from kg.model import DocContext, FigureKind, SourceDocument
from kg.nlp import extract

from .helpers import extraction


def observations(nlp, text, doc_id="t"):
    return extraction(nlp, text, doc_id)


def facts(ex):
    return {(o.area.name, o.year, o.measure, Decimal(o.value), o.unit) for o in ex.observations}


# --------------------------------------------------------------------------- running text

def test_rates_counts_and_changes_in_a_county_report(nlp):
    text = ("安吉县司法局2023年度法治政府建设情况报告\n"
            "一年来，全县共受理行政复议案件86件，复议纠错率为12.5%，同比下降3.2个百分点；"
            "选聘特邀行政执法社会监督员52名，建立12个行政执法监督联系点。\n")
    got = facts(observations(nlp, text))
    assert ("安吉县", 2023, "行政复议案件受理数量", Decimal(86), "件") in got
    assert ("安吉县", 2023, "行政复议纠错率", Decimal("12.5"), "%") in got
    # a change is a measure of its own, signed; a clause without a measure continues the last one
    assert ("安吉县", 2023, "行政复议纠错率同比变化", Decimal("-3.2"), "个百分点") in got
    assert ("安吉县", 2023, "行政执法社会监督员", Decimal(52), "名") in got
    assert ("安吉县", 2023, "行政执法监督联系点", Decimal(12), "个") in got
    assert len(got) == 5


def test_an_official_opening_a_clause_is_no_part_of_its_measure(nlp):
    """区长张伟主持召开区政府常务会议34次: the official and his title open the clause, the meetings are
    counted; a title naming no official stays in the measure (区长信箱留言答复1200件)."""
    text = ("哈尔滨市道里区2023年法治政府建设情况报告\n区长张伟主持召开区政府常务会议34次。"
            "区长信箱留言答复1200件,新增政协委员12名。\n")
    measures = {o.measure for o in observations(nlp, text).observations}
    assert {"主持召开区政府常务会议", "区长信箱留言答复", "政协委员"} <= measures, measures  # (新增 is no part)
    assert not any("张伟" in m for m in measures), measures


def test_money_magnitudes_and_the_sentence_year(nlp):
    text = ("遵义市2022年法治政府建设年度报告\n"
            "2021年，全市为农民工讨回欠薪1.35亿元，解答法律咨询2.3万人次。"
            "行政应诉案件数较2020年减少8.6%。\n")
    ex = observations(nlp, text)
    got = facts(ex)
    assert ("遵义市", 2021, "为农民工讨回欠薪", Decimal("1.35"), "亿元") in got  # money keeps 亿元
    assert ("遵义市", 2021, "法律咨询数量", Decimal(23000), "人次") in got  # 2.3万人次 is 23000
    # a comparison year (较2020年) is not the figure's year: the document's is
    change = [o for o in ex.observations if o.kind is FigureKind.CHANGE]
    assert [(o.measure, o.year, o.value) for o in change] == [("行政应诉案件数同比变化", 2022, "-8.6")]


def test_a_place_named_in_the_clause_is_the_figures_area(nlp):
    text = ("银川市2024年法治政府建设情况报告\n"
            "2024年，贺兰县共办结法律援助案件420件，调解成功率98.6%，处于全区前列，全市人民调解员1200名。\n")
    got = facts(observations(nlp, text))
    assert ("贺兰县", 2024, "法律援助案件数量", Decimal(420), "件") in got
    assert ("贺兰县", 2024, "调解成功率", Decimal("98.6"), "%") in got  # the sentence's subject
    assert ("银川市", 2024, "人民调解员数量", Decimal(1200), "名") in got  # its own clause: 全市


def test_counted_nouns_after_commas_brackets_and_de(nlp):
    text = ("常德市2023年法治政府建设年度报告\n"
            "推进依法治县工作,6个典型案例入选全省案例选编。命名58个村（社区）为民主法治示范村。"
            "建成覆盖城乡、均等普惠的公共法律服务实体平台312个，行政复议案件的纠错率为7.5%。\n")
    got = {(o.measure, Decimal(o.value)) for o in observations(nlp, text).observations}
    assert got == {("典型案例", 6), ("命名村(社区)", 58), ("公共法律服务实体平台", 312),
                   ("行政复议纠错率", Decimal("7.5"))}


@pytest.mark.parametrize("text", [
    "2024年是全面贯彻党的二十大精神的关键之年。",            # a year
    "根据《关于加强行政复议工作的意见》（黔府发〔2022〕6号）要求开展工作。",  # a document number
    "全市法治政府建设考核排名全省第一，营商环境评价位列第3名，进入全省前10名。",  # rankings
    "群众可拨打12348公共法律服务热线或咨询电话0851-86888888。",  # hotline and phone numbers
    "对符合条件的申请在5个工作日内办结，3个月内完成整改。",  # time limits
    "开展“1+3”联调机制试点，推动“12345”热线规范运行。",      # numbers inside names
    "10月13日下午召开新闻发布会。",                          # a date
])
def test_not_figures(nlp, text):
    ex = observations(nlp, "贵阳市2023年法治政府建设年度报告\n" + text + "\n")
    assert ex.observations == ()


def test_document_year_from_title_or_opening():
    assert document_year("某区司法局2023年度法治政府建设情况报告\n正文") == 2023
    assert document_year("以法为灯\n\n——2024年某市法治建设十大亮点出炉\n正文") == 2024
    assert document_year("2022年，在市委的领导下，市司法局……。\n") == 2022
    assert document_year("法治政府建设情况\n市司法局坚持依法行政。\n") is None


def test_curated_measures_are_one_node_across_reports():
    assert canonical_measure("复议纠错率") == canonical_measure("行政复议纠错率") == "行政复议纠错率"
    assert canonical_measure("选聘 社会监督员") == "行政执法社会监督员"
    assert canonical_measure("罚没金额") == "罚没金额"  # not listed: kept as found


# --------------------------------------------------------------------------- tables

TABLE = """湖州市2023年行政复议情况统计表
单 位 名 称 | 行政复议案件 | 纠错率(%) | |
受理数量 | 办结数量 | |
填表说明 | 行政复议机构受理的案件数 | 办结的案件数 | 纠错案件占办结案件的比例 |
市直部门(单位) | 120 | 115 | 10.4 |
吴 兴 区 | 45 | 44 | 6.8 |
南浔区 | 30 | 30 | 0 |
德清县 | 28 | 27 | 11.1 |
合计 | 223 | 216 | - |
湖州市2023年行政检查情况统计表
单位名称 | 行政检查实施次数 |
长 兴 县 | 1000 |
安吉县 | 2000 |
合计 | 3100 |
"""


def test_statistics_table_cell_by_cell():
    ctx = DocContext(province="浙江省", city="湖州市")
    obs, datasets = match_stat_tables("t", TABLE, ctx, 2024)
    got = {(o.area.name, o.year, o.measure, Decimal(o.value), o.unit) for o in obs}
    assert ("湖州市", 2023, "行政复议案件受理数量", Decimal(120), "件") in got  # 市直部门: the city level
    assert ("吴兴区", 2023, "行政复议案件受理数量", Decimal(45), "件") in got  # 吴 兴 区 → 吴兴区
    assert ("德清县", 2023, "行政复议纠错率", Decimal("11.1"), "%") in got  # the text's measure too
    assert ("安吉县", 2023, "行政检查实施次数", Decimal(2000), "次") in got
    assert not any(o.area.name in ("合计", "填表说明") for o in obs)  # check and note rows are no places
    paths = {o.header_path for o in obs if o.measure == "行政复议案件办结数量"}
    assert paths == {("行政复议案件", "办结数量")}
    assert len(obs) == 4 * 3 + 2
    # the first table adds up (a '-' cell is not summed); the second does not: 1000 + 2000 ≠ 3100
    assert [(d.title, d.adds_up) for d in datasets] == [("湖州市2023年行政复议情况统计表", True),
                                                        ("湖州市2023年行政检查情况统计表", False)]
    assert datasets[1].mismatches == ("行政检查实施次数: 3000 ≠ 3100",)


def test_places_and_figures_listed_respectively_are_paired_in_order(nlp):
    """青秀区、西乡塘区行政复议纠错率分别为9.8%、7.6%: each district its own figure (the last place took
    the first figure); a list whose lengths differ (三个区…分别为两个数) names none that way."""
    text = ("南宁市司法局2024年上半年工作总结\n青秀区、西乡塘区行政复议纠错率分别为9.8%、7.6%。"
            "兴宁区、江南区、良庆区行政复议纠错率分别为5.1%、6.2%。\n")
    got = facts(observations(nlp, text))
    assert ("青秀区", 2024, "行政复议纠错率", Decimal("9.8"), "%") in got, got
    assert ("西乡塘区", 2024, "行政复议纠错率", Decimal("7.6"), "%") in got, got
    assert not any(a == "西乡塘区" and v == Decimal("9.8") for a, _, _, v, _ in got), got
    assert not any(a in ("兴宁区", "江南区", "良庆区") and v == Decimal("5.1") and a != "兴宁区"
                   for a, _, _, v, _ in got), got


def written_and_with_bars(nlp, head: str, rows: list[str], sep: str):
    """The facts of a table's rows as written (cells apart by `sep`), and with | between cells."""
    return (facts(observations(nlp, head + "\n".join(rows) + "\n")),
            facts(observations(nlp, head + "\n".join(r.replace(sep, " | ") for r in rows) + "\n")))


def test_a_table_pasted_with_tabs_reads_as_the_same_table_with_bars(nlp):
    """Cells separated by tabs (a spreadsheet pasted into a text) are cells: the same figures as
    the table written with |, each once (its rows are no running text); a line of running text
    that a tab only indents still gives its figure; an 附件 number opens no measure's name."""
    rows = ["县区\t收案数(件)\t纠错率(%)", "秦州区\t156\t11.5", "麦积区\t132\t8.3", "合计\t288\t"]
    head = "天水市2024年法治政府建设年度报告\n\t全市共收到行政复议申请612件。\n附件2：各县区行政复议情况统计表\n"
    tabs, bars = written_and_with_bars(nlp, head, rows, "\t")
    assert tabs == bars
    assert ("秦州区", 2024, "行政复议纠错率", Decimal("11.5"), "%") in tabs
    assert ("麦积区", 2024, "行政复议收案数", Decimal(132), "件") in tabs
    assert ("天水市", 2024, "行政复议案件受理数量", Decimal(612), "件") in tabs
    assert not any(m.startswith("附件") for _, _, m, _, _ in tabs)
    assert len(tabs) == 5, tabs


def test_a_table_whose_cells_only_spaces_keep_apart_reads_as_the_same_table_with_bars(nlp):
    """A PDF's text keeps a table's cells apart by spaces alone (县区 收案数(件) 纠错率(%), 秦州区 156
    11.5): under a header of as many cells, rows of a label and numbers are the table written with
    |, and 附表1 before the year opens no measure's name; running text with a figure in each of two
    lines (全市收案612件 / 审结580件) and a lone row under a sentence are no table."""
    rows = ["县区 收案数(件) 纠错率(%)", "秦州区 156 11.5", "麦积区 132 8.3", "合计 288 9.9"]
    head = "天水市2024年法治政府建设年度报告\n全市共收到行政复议申请612件。\n附表1 2024年各县区行政复议情况统计表\n"
    spaced, bars = written_and_with_bars(nlp, head, rows, " ")
    assert spaced == bars
    assert ("秦州区", 2024, "行政复议纠错率", Decimal("11.5"), "%") in spaced
    assert not any(m.startswith(("附表", "年")) for _, _, m, _, _ in spaced), spaced
    prose = ("天水市2024年法治政府建设年度报告\n一、行政复议工作\n全市收案 612\n审结 580\n"
             "全年办理案件，结案情况如下：\n秦州区 156\n")
    assert match_stat_tables("t", prose, DocContext(province="甘肃省", city="天水市"), 2024) == ([], [])


def test_numbered_rows_and_year_columns():
    text = ("附表2：邵阳市行政复议工作情况（单位：件）\n"
            "序号 | 指标 | 2022年 | 2023年 |\n"
            "1 | 行政复议案件受理数量 | 310 | 356 |\n"
            "2 | 纠错率(%) | 9.1 | 8.4 |\n"
            "\n"
            "表3 各县市区行政复议纠错率(%)\n"
            "| 序号 | 县市区 | 2023年 |\n"
            "|---|---|---|\n"
            "| 1 | 邵 东 市 | 7.7 |\n"
            "| 2 | 新邵县 | 10.2 |\n")
    obs, _ = match_stat_tables("t", text, DocContext(province="湖南省", city="邵阳市"), 2024)
    got = {(o.area.name, o.year, o.measure, Decimal(o.value), o.unit) for o in obs}
    assert got == {
        ("邵阳市", 2022, "行政复议案件受理数量", 310, "件"), ("邵阳市", 2023, "行政复议案件受理数量", 356, "件"),
        ("邵阳市", 2022, "纠错率", Decimal("9.1"), "%"), ("邵阳市", 2023, "纠错率", Decimal("8.4"), "%"),
        ("邵东市", 2023, "行政复议纠错率", Decimal("7.7"), "%"),  # the current name (邵东县 until 2019)
        ("新邵县", 2023, "行政复议纠错率", Decimal("10.2"), "%"), ("新邵县", 2023, "行政复议纠错率", Decimal("10.2"), "%"),
    }


def test_a_countys_table_of_its_towns():
    """A county report's table of its towns (rows 石门镇, 城关街道): each row is its town, the title's
    lead (各乡镇) no part of the measure and a word the topic and a header share said once
    (人民调解 › 调解纠纷数); a row that is no town's name (示范镇, 小计) is read for no place."""
    text = ("附表：2024年各乡镇人民调解工作情况\n"
            "乡镇 | 调解纠纷数（件） | 调解成功率 |\n"
            "石门镇 | 356 | 98.6% |\n"
            "城关街道 | 218 | 97.2% |\n"
            "示范镇 | 17 | 90.0% |\n"
            "小计 | 591 | 97.9% |\n")
    obs, _ = match_stat_tables("t", text, DocContext(province="宁夏回族自治区", city="吴忠市", county="同心县"), 2024)
    got = {(o.area.name, o.year, o.measure, Decimal(o.value), o.unit) for o in obs}
    assert got == {
        ("石门镇", 2024, "人民调解纠纷数", 356, "件"), ("石门镇", 2024, "人民调解成功率", Decimal("98.6"), "%"),
        ("城关街道", 2024, "人民调解纠纷数", 218, "件"), ("城关街道", 2024, "人民调解成功率", Decimal("97.2"), "%"),
    }, got


def test_a_towns_table_of_its_villages():
    """A town's table of its villages and communities (枫源村 | 46 | 100%): each row is its village,
    the title's 各村（社区） no part of the measure; 示范村 and 合计 are read for no place."""
    text = ("附表：2024年各村（社区）人民调解情况\n"
            "村（社区） | 调解纠纷数（件） | 调解成功率 |\n"
            "枫源村 | 46 | 100% |\n"
            "枫桥社区 | 52 | 98.1% |\n"
            "示范村 | 3 | 90.0% |\n"
            "合计 | 101 | 98.5% |\n")
    obs, _ = match_stat_tables("t", text, DocContext(province="浙江省", city="绍兴市", county="诸暨市"), 2024)
    got = {(o.area.name, o.measure, Decimal(o.value)) for o in obs}
    assert got == {("枫源村", "人民调解纠纷数", 46), ("枫源村", "人民调解成功率", 100),
                   ("枫桥社区", "人民调解纠纷数", 52), ("枫桥社区", "人民调解成功率", Decimal("98.1"))}, got


def test_a_towns_own_report_gives_its_figures_to_the_town(nlp):
    """诸暨市枫桥镇2024年…报告: the title opens with the county and the town, the last is the report's
    place, so a figure naming no place is the town's; a county's own report keeps the county."""
    text = "诸暨市枫桥镇2024年法治建设工作报告\n镇综合行政执法队全年办理案件168件。全镇共化解纠纷161件。\n"
    got = {(o.area.name, o.measure) for o in observations(nlp, text).observations}
    assert got == {("枫桥镇", "办理案件"), ("枫桥镇", "化解纠纷")}, got  # (全镇 is the town, no part of a measure)
    text = "浙江省诸暨市2024年法治政府建设工作报告\n全市受理行政复议案件86件。\n"
    assert {o.area.name for o in observations(nlp, text).observations} == {"诸暨市"}


def test_zai_opening_a_state_is_part_of_the_measure(nlp):
    """全县在册社区矫正对象142人: 在册 (registered) is the measure's, as 在押 is; 在 before a place
    is a preposition and no part of it."""
    text = "同心县司法局2024年工作报告\n全县在册社区矫正对象142人。在全县开展法治培训36场。\n"
    measures = {o.measure for o in observations(nlp, text).observations}
    assert {"在册社区矫正对象", "开展法治培训"} <= measures, measures
    assert not any(m.startswith(("册", "在全县")) for m in measures), measures


def test_a_regulation_table_has_no_figures():
    text = ("序号 | 文件名称 | 文号 | 制定单位 |\n1 | 某市行政执法公示办法 | 某政发〔2022〕6号 | 某市人民政府 |\n")
    assert match_stat_tables("t", text, DocContext(province="浙江省"), 2022) == ([], [])


def test_two_row_header_groups_take_their_leaves():
    top = ["行政强制措施实施数量", "行政强制执行实施数量", "合计(件)"]
    leaves = ["查封(件)", "扣押(件)", "合计(件)", "代履行(件)", "加处罚款(件)", "合计(件)", "申请法院强制执行数量(件)"]
    paths = column_paths([top, leaves], 8)
    assert paths[2] == ("行政强制措施实施数量", "合计(件)")
    assert paths[3] == ("行政强制执行实施数量", "代履行(件)")
    assert paths[6] == ("行政强制执行实施数量", "申请法院强制执行数量(件)")
    assert paths[7] == ("合计(件)",)
    assert column_paths([top, leaves], 5) is None  # a header that cannot cover the columns


# --------------------------------------------------------------------------- graph

def test_observations_in_the_graph_conform_and_share_measures(nlp, tmp_path):
    from kg.export.rdf import turtle_bytes
    from kg.graph import build_graph, measure_iri
    from kg.resolve import resolve
    from kg.validate import check
    from kg.vocab import LG
    from rdflib.namespace import RDF

    a = SourceDocument("a", "a.txt", "东城区2023年度法治政府建设情况报告\n全区复议纠错率6.1%。\n" + TABLE,
                       "utf-8", "1" * 64)
    b = SourceDocument("b", "b.txt", "鹤壁市2024年法治政府建设报告\n全市行政复议纠错率18.2%。\n", "utf-8", "2" * 64)
    kb = resolve([extract(nlp, a), extract(nlp, b)])
    check(kb, "fast")  # raises when the shapes fail
    g = build_graph(kb)
    rate = measure_iri("行政复议纠错率")
    from rdflib import URIRef
    sdmx_area = URIRef("http://purl.org/linked-data/sdmx/2009/dimension#refArea")
    areas = {str(g.value(g.value(o, sdmx_area), URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")))
             for o in g.subjects(LG.measure, rate)}
    assert {"东城区", "鹤壁市", "德清县"} <= areas  # two reports and a table: one measure node
    assert len(set(g.subjects(RDF.type, LG.Measure))) == len({o.measure for o in kb.observations})
    assert turtle_bytes(kb) == turtle_bytes(resolve([extract(nlp, b), extract(nlp, a)]))


def test_a_list_closed_by_deng_before_a_count_is_no_part_of_the_measure(nlp):
    """对“城乡供水一体化”等6个重大事项开展风险评估: 等 closes the list, the count is of 重大事项 (a short verb
    before a count still joins the counted thing: 选聘40名…)."""
    ex = observations(nlp, "宿迁市宿豫区2023年度法治政府建设工作报告\n区政府对“城乡供水一体化”等6个重大事项开展风险评估。\n")
    measures = {o.measure for o in ex.observations}
    assert "重大事项" in measures and not any(m.startswith("等") for m in measures), measures


def test_a_body_opening_the_sentence_gives_its_place_to_the_figures(nlp):
    """A county's bureau opening a sentence (after its list number or a year) is its subject: the
    figures are the county's, not the city's the report speaks for; a body inside the sentence
    (an organ that assigned the tasks) is none, nor does it take a place named in the figure's
    own clause."""
    text = ("六盘水市2023年法治政府建设情况报告\n"
            "三、水城区司法局打造“凉都和事佬”调解品牌，全年调解纠纷1260件。\n"
            "2023年，盘州市人民法院审结案件8650件，结案率96.2%。\n"
            "先后完成了司法部和省司法厅安排的32项改革任务。\n"
            "钟山区司法局指导各地开展调解，其中六枝特区调解纠纷310件。\n")
    got = facts(observations(nlp, text))
    assert ("水城区", 2023, "调解纠纷", Decimal(1260), "件") in got
    assert ("盘州市", 2023, "审结案件", Decimal(8650), "件") in got
    assert ("盘州市", 2023, "结案率", Decimal("96.2"), "%") in got
    assert ("六盘水市", 2023, "改革任务", Decimal(32), "项") in got  # not 贵州省: the office only assigned them
    assert any(area == "六枝特区" and value == 310 for area, _, _, value, _ in got), got


def test_a_count_of_private_persons_names_no_measure(nlp):
    """张某峰等19人: a measure labelled by the count's follower would name private persons."""
    text = ("临沂市2023年法治政府建设情况报告\n"
            "该院办理的刘某军等23人与建筑公司追索劳动报酬纠纷案，帮助农民工讨回劳动报酬36万元。\n")
    got = facts(observations(nlp, text))
    assert not any("某" in measure for _, _, measure, _, _ in got), got
    assert ("临沂市", 2023, "帮助农民工讨回劳动报酬", Decimal(36), "万元") in got
