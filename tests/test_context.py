"""Document context and the reporting body, on reports written for these tests (places from
several provinces that the seeds and the gold never name)."""
from __future__ import annotations

from kg.gazetteer import Level, find_divisions
from kg.grammar.context import infer_context, own_level
from kg.model import EntityType

from .helpers import extraction, triples


def context(text: str):
    return infer_context(text, find_divisions(text))


# ---- where a report speaks from -----------------------------------------------------------

def test_municipality_district_named_only_in_the_body():
    # a news story: no place in the title; the district of a municipality sits right under it
    text = ("搭建调解驿站 护航乡村振兴\n"
            "新华网天津5月8日电 5月7日,天津市北辰区西堤头镇调解驿站揭牌,北辰区司法局、北辰区人民法院"
            "有关负责同志出席。北辰区委政法委介绍了驿站的运行情况。来自武清区的调解员也参加了活动。\n")
    ctx = context(text)
    assert (ctx.province, ctx.city, ctx.county) == ("天津市", "天津市", "北辰区")


def test_a_transcripts_roster_of_officials_is_no_title_line(nlp):
    """A press conference's roster under its title names the officials' bodies (a county-level
    city's deputy mayor), not the report's place: 州司法局 is still the prefecture's."""
    text = ("湘西州法治政府建设新闻发布会\n\n发布人：\n湘西土家族苗族自治州司法局局长 张明\n"
            "吉首市人民政府副市长 王丽\n\n主持人：大家好。\n\n张明：州司法局会同州教育局出台"
            "《湘西州青少年法治教育实施办法》，全州各级各部门积极参与。\n")
    ctx = context(text)
    assert (ctx.city, ctx.county) == ("湘西土家族苗族自治州", None)
    rels = triples(extraction(nlp, text))
    assert ("湘西州青少年法治教育实施办法", "issuedBy", "湘西土家族苗族自治州司法局") in rels
    assert not any(t.startswith("吉首市司法局") or h.startswith("吉首市司法局") for h, _, t in rels), rels
    # a title line naming the place and an author line are still read
    titled = context("吉首市2023年法治政府建设年度报告\n吉首市人民政府\n全市各级各部门积极参与。\n")
    assert titled.county == "吉首市"


def test_county_report_whose_title_names_no_place():
    # the county is named only in the body, by its bodies and 全县; 全市 in a ranking names the
    # city above it, not the report's own level
    text = ("2023年是实施“八五”普法规划的关键之年。一年来,我局坚持以习近平法治思想为指导,按照市司法局和"
            "县委县政府决策部署,全县司法行政系统扎实工作。在全市率先建成县级公共法律服务中心,"
            "行政复议工作居全市前列。兰考县司法局被评为全省司法行政系统先进集体。县委政法委、县人民法院"
            "协同推进矛盾纠纷化解。\n")
    ctx = context(text)
    assert (ctx.province, ctx.city, ctx.county) == ("河南省", "开封市", "兰考县")
    assert own_level(text, autonomous_region=False) is Level.COUNTY


def test_province_press_conference_names_no_city():
    text = ("甘肃省人民政府新闻办公室举行新闻发布会\n"
            "女士们、先生们:\n"
            "欢迎参加今天的新闻发布会。近年来,我省坚持依法治省,省委、省政府高度重视法治建设。今天,我们邀请到"
            "省司法厅、兰州市、天水市、张掖市有关负责同志介绍我省法治建设情况。兰州市司法局、天水市司法局"
            "负责同志将回答记者提问。\n")
    ctx = context(text)
    assert (ctx.province, ctx.city, ctx.county) == ("甘肃省", None, None)


def test_city_report_citing_province_honours_stays_a_city_report():
    # 全省…先进集体 is an honour of the province, not the report's level
    text = ("遵义市2023年法治政府建设情况报告\n"
            "2023年,市司法局获评全省法治政府建设先进集体、全省行政复议工作先进单位,省委、省政府予以通报表扬。\n")
    ctx = context(text)
    assert (ctx.province, ctx.city, ctx.county) == ("贵州省", "遵义市", None)


def test_whole_region_in_an_autonomous_region_is_the_region():
    text = ("2023年,全区法治政府建设稳步推进,我区被评为全国法治政府建设示范地区。自治区司法厅指导"
            "南宁市、柳州市开展示范创建,全区各地积极参与。\n")
    ctx = context(text)
    assert ctx.province == "广西壮族自治区" and ctx.county is None


# ---- who wrote it, who acts where the text names no one -------------------------------------

def test_bureau_summary_speaks_for_the_bureau(nlp):
    text = ("2023年,遵义市司法局在市委、市政府的坚强领导下,扎实履职,推动全市法治建设取得新成效。\n"
            "一是深化普法宣传。开展“法律明白人”培养工程,打造“黔北法治大讲堂”普法品牌。\n")
    ex = extraction(nlp, text)
    assert ex.context.author == "遵义市司法局"
    rels = triples(ex)
    assert any(h == "遵义市司法局" and p == "implements" and "黔北法治大讲堂" in t for h, p, t in rels)
    assert not any(h == "遵义市" and p == "implements" for h, p, _ in rels)


def test_a_courts_white_paper_is_the_courts_and_its_case_names_name_no_place(nlp):
    """安吉县人民法院行政审判白皮书: the court opening the title is the author, 我院 the court (its
    programs and figures its own, 我院 no part of a measure); an anonymised case (王某某诉某镇人民政府)
    names no place or body; in a bureau's report 我院 names no bureau."""
    text = ("安吉县人民法院行政审判白皮书（2023年）\n2023年，我院共受理一审行政案件236件。\n"
            "（一）推行“府院联动”机制。我院与县人民政府建立联席会议制度。\n"
            "案例二：王某某诉某镇人民政府行政协议案。\n")
    ex = extraction(nlp, text)
    assert ex.context.author == "安吉县人民法院"
    rels = triples(ex)
    assert ("安吉县人民法院", "implements", "“府院联动”机制") in rels, rels
    assert not any("某" in m.key.name for m in ex.mentions), [m.key.name for m in ex.mentions]
    assert {o.measure for o in ex.observations} == {"一审行政案件数量"}
    ex = extraction(nlp, "安吉县司法局2023年工作总结\n我院与县司法局共建调解室。我局推行“安吉和事”品牌。\n")
    assert {m.key.name for m in ex.mentions if m.surface in ("我院", "我局")} == {"安吉县司法局"}
    assert not any(m.surface == "我院" for m in ex.mentions)


def test_government_report_speaks_for_the_place(nlp):
    text = ("2023年,市委、市政府坚持以习近平法治思想为指导,全面推进依法行政,法治政府建设取得新成效。"
            "遵义市司法局认真履职。\n"
            "一是深化普法宣传。打造“黔北法治大讲堂”普法品牌。\n")
    ex = extraction(nlp, text)
    assert ex.context.author is None
    rels = triples(ex)
    assert any(h == "遵义市" and p == "implements" and "黔北法治大讲堂" in t for h, p, t in rels)
    assert not any(h == "遵义市司法局" and p == "implements" for h, p, _ in rels)


def test_we_the_bureau_names_the_place_bureau_of_justice(nlp):
    text = ("2023年是全面贯彻党的二十大精神的开局之年,也是全县司法行政系统实干担当的一年。一年来,"
            "我局坚持以习近平法治思想为指导,按照县委县政府决策部署,推动兰考县法治建设取得新实绩。\n"
            "这一年,我局建立“府院联动”工作机制,全县行政争议化解率居全市前列。\n")
    ex = extraction(nlp, text)
    assert ex.context.author == "兰考县司法局"
    selfs = [m for m in ex.mentions if m.surface == "我局"]
    assert selfs and all(m.key.name == "兰考县司法局" and m.key.etype == EntityType.ORGANIZATION for m in selfs)


def test_a_rule_of_law_offices_or_governments_report_tells_of_the_places_work(nlp):
    for title, author in (("中共霍城县委全面依法治县委员会办公室关于2023年度法治建设情况的报告",
                           "霍城县委全面依法治县委员会办公室"),
                          ("霍城县人民政府关于2023年法治政府建设情况的报告", "霍城县人民政府")):
        text = (f"{title}\n2023年,在县委的正确领导下,霍城县坚持以习近平法治思想为指导,各项工作取得新进展。\n"
                "深化“访调对接”机制,开展“法律明白人”培育工程。\n")
        ex = extraction(nlp, text)
        assert ex.context.author == author
        rels = {(r.head.name, r.predicate.value, r.tail.name) for r in ex.relations}
        assert ("霍城县", "implements", "“访调对接”机制") in rels, title
        assert not any(h == author and p == "implements" for h, p, _ in rels), title
    # a bureau's own report is the bureau's work
    ex = extraction(nlp, "霍城县司法局2023年工作总结\n2023年,霍城县司法局扎实履职。\n深化“访调对接”机制。\n")
    assert ("霍城县司法局", "implements", "“访调对接”机制") in {
        (r.head.name, r.predicate.value, r.tail.name) for r in ex.relations}


def test_photo_caption_is_no_author(nlp):
    # a feature story: the title names the county; captions under it are not the opening paragraph
    text = ("法治之光照亮山乡\n"
            "——兰考县“八五”普法工作纪实\n"
            "兰考县司法局在广场开展普法宣传活动。\n"
            "“八五”普法规划实施以来,兰考县坚持以习近平法治思想为指引,全面推进普法工作,打造“黄河普法驿站”"
            "品牌,法治精神日益深入人心,群众法治素养显著提升。\n")
    ex = extraction(nlp, text)
    assert ex.context.author is None
    rels = triples(ex)
    assert any(h == "兰考县" and p == "implements" and "黄河普法驿站" in t for h, p, t in rels)


def test_a_heading_naming_a_place_speaks_for_the_paragraphs_under_it(nlp):
    text = ("遵义再添2个全国民主法治示范村\n"
            "近日,遵义市2个村获得命名。近年来,遵义市扎实开展法治乡村建设。\n"
            "汇川区高坪街道团结村\n"
            "团结村注重把法治元素融入乡村治理。两年来,打造了“院坝说法”普法品牌,群众法治意识明显提升。\n"
            "播州区鸭溪镇石牛村\n"
            "石牛村以法治创建为契机。建成“板凳法庭”调解平台,矛盾纠纷就地化解。\n"
            "工作成效\n"
            "全市持续推进“法律明白人”培养工程。\n")
    rels = triples(extraction(nlp, text))
    doers = {t: h for h, p, t in rels if p == "implements"}
    assert any("院坝说法" in t and h == "团结村" for t, h in doers.items())
    assert any("板凳法庭" in t and h == "石牛村" for t, h in doers.items())
    # a heading naming no one gives the text back to the report's own place
    assert any("法律明白人" in t and h == "遵义市" for t, h in doers.items())


def test_a_county_name_several_places_bear_is_the_reports_own_place(nlp):
    # 鼓楼区 is a district of several cities; the report never says which
    text = ("鼓楼区2023年法治政府建设年度报告\n2023年,鼓楼区司法局扎实履职,区市场监管局推行“首违不罚”清单。\n")
    ex = extraction(nlp, text)
    assert ex.context.county == "鼓楼区" and ex.context.city is None
    places = {m.key.name for m in ex.mentions if m.key.etype is EntityType.PLACE}
    orgs = {m.key.name for m in ex.mentions if m.key.etype is EntityType.ORGANIZATION}
    assert "鼓楼区" in places and {"鼓楼区司法局", "鼓楼区市场监管局"} <= orgs
    # no parent the text does not give
    assert not any(r.predicate.value == "locatedIn" and r.head.name == "鼓楼区" for r in ex.relations)
    # the city the text names places it
    ex = extraction(nlp, "鼓楼区2023年法治政府建设年度报告\n2023年,福州市鼓楼区司法局扎实履职。\n")
    assert ex.context.city == "福州市"
    assert any(r.predicate.value == "locatedIn" and (r.head.name, r.tail.name) == ("鼓楼区", "福州市")
               for r in ex.relations)
