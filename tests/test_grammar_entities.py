"""Each entity mechanism on sentences written for these tests, from cities the seeds never name.

They show that the grammar and the context resolution carry over: nothing here appears in the
development gold texts.
"""
from __future__ import annotations

import pytest

from kg.model import DocContext, EntityType

# a Guangdong county report, a Sichuan city white paper, an Inner Mongolia banner summary
QINGYUAN = DocContext(province="广东省", city="清远市", county="连州市")
MIANYANG = DocContext(province="四川省", city="绵阳市", county=None)


NLP_EXCLUDE = ["lg_relations"]  # the entities only (the `nlp` fixture: conftest.py)


def mentions(nlp, text):
    doc = nlp(text)
    return doc, {(c.etype, c.name) for c in doc._.lg_mentions}


def names(found, etype):
    return {n for t, n in found if t == etype}


# --- document context ----------------------------------------------------------------------

def test_context_from_the_title_and_author_line(nlp):
    doc, _ = mentions(nlp, "连州市2023年法治政府建设年度报告\n连州市司法局\n2023年,我市坚持依法行政。\n")
    ctx = doc._.lg_context
    assert (ctx.province, ctx.city, ctx.county) == ("广东省", "清远市", "连州市")


def test_context_city_from_body_frequency(nlp):
    doc, _ = mentions(nlp, "法治建设十件大事\n绵阳市全面推进依法治市。绵阳市司法局牵头,涪城区、游仙区参与。\n")
    ctx = doc._.lg_context
    assert (ctx.province, ctx.city, ctx.county) == ("四川省", "绵阳市", None)


def test_a_citys_numbered_cases_are_no_title_lines(nlp):
    """A city's ten cases head each case with its county (案例一 南湖区…): the title is the city's
    line alone, so the report is the city's, and a bare 区 in a case is its county's."""
    doc, found = mentions(nlp, "2023年嘉兴市法治政府建设十大案例\n\n案例一 南湖区“共享法庭”实现全覆盖\n"
                               "南湖区在全区设立“共享法庭”。\n案例二 秀洲区“禾城调”品牌\n"
                               "秀洲区司法局联合区总工会打造“禾城调”劳动争议调解品牌。\n")
    ctx = doc._.lg_context
    assert (ctx.province, ctx.city, ctx.county) == ("浙江省", "嘉兴市", None)
    assert "秀洲区总工会" in names(found, EntityType.ORGANIZATION)


def test_a_city_titled_report_speaking_of_its_districts_has_no_county_unless_one_dominates(nlp):
    """嘉兴市…: the cases say 全区 of their own districts, two of them alike: the report has no
    county (a county is chosen only when one is named far more than the others)."""
    doc, _ = mentions(nlp, "嘉兴市2023年法治建设典型案例\n南湖区在全区推行“共享法庭”,区委区政府高度重视,"
                           "区司法局参与。秀洲区在全区推行“禾城调”,区委区政府高度重视,区司法局参与。\n")
    ctx = doc._.lg_context
    assert (ctx.city, ctx.county) == ("嘉兴市", None)


# --- places ----------------------------------------------------------------------------------

def test_places_from_the_gazetteer_with_short_forms(nlp):
    _, found = mentions(nlp, "绵阳市司法局会同德阳、广元两地开展联调,江油市、安州区积极参与。\n")
    places = names(found, EntityType.PLACE)
    assert {"德阳市", "广元市", "江油市", "安州区"} <= places


def test_towns_and_villages_by_grammar(nlp):
    text = "2023年连州市年度报告\n连州市东陂镇丰阳村获评全省民主法治示范村,西江镇、九陂镇建成公共法律服务站。\n"
    _, found = mentions(nlp, text)
    places = names(found, EntityType.PLACE)
    assert {"东陂镇", "丰阳村", "西江镇", "九陂镇"} <= places
    assert not any(p.endswith(("城乡", "乡镇")) for p in places)


def test_self_references_resolve_to_the_document_place(nlp):
    doc, found = mentions(nlp, "连州市2023年法治政府建设年度报告\n全市共办理行政复议案件56件。\n")
    assert (EntityType.PLACE, "连州市") in found


def test_a_town_right_after_its_county_may_hold_descriptive_characters(nlp):
    """立 and 新 usually open verbs and adjectives (建立, 新建), not names; after a county
    (贺兰县立岗镇) the town is certain. Function words still block (贺兰县各乡镇)."""
    text = "银川市报告\n贺兰县立岗镇民乐村被司法部命名为示范村,贺兰县各乡镇开展活动。\n"
    _, found = mentions(nlp, text)
    places = names(found, EntityType.PLACE)
    assert {"立岗镇", "民乐村"} <= places
    assert not any(p.startswith("各") for p in places), places


def test_a_street_named_after_a_city_word(nlp):
    """城 before 乡/镇 makes words (城乡, 城镇居民); before 街道 it ends a name (桂城街道)."""
    text = "南海区2023年报告\n桂城街道创新推出“法治桂城”小程序,推进城乡融合,城镇居民受益。\n"
    _, found = mentions(nlp, text)
    places = names(found, EntityType.PLACE)
    assert "桂城街道" in places
    assert not any(p.startswith(("城乡", "城镇")) for p in places), places


def test_a_one_character_village_after_its_town(nlp):
    _, found = mentions(nlp, "2023年连州市年度报告\n东陂镇余村被评为示范村,西江镇各村开展调解。\n")
    places = names(found, EntityType.PLACE)
    assert "余村" in places
    assert not any(p.endswith("各村") or p == "各村" for p in places), places


def test_villages_named_by_an_honour_without_their_town(nlp):
    text = ("2023年连州市年度报告\n丰阳村被司法部、民政部授予“全国民主法治示范村”称号,"
            "大路边村、卿罡社区获评全省民主法治示范村(社区)。全市农村被评为先进,12个村获评示范村。\n")
    _, found = mentions(nlp, text)
    places = names(found, EntityType.PLACE)
    assert {"丰阳村", "大路边村", "卿罡社区"} <= places
    assert not any(p.endswith("农村") or p[0].isdigit() for p in places), places


# --- organisations ---------------------------------------------------------------------------

def test_organisations_expand_bare_level_prefixes_by_context(nlp):
    text = "连州市2023年法治政府建设年度报告\n市司法局、市人民法院和市委政法委联合开展督查,省司法厅给予指导。\n"
    _, found = mentions(nlp, text)
    orgs = names(found, EntityType.ORGANIZATION)
    assert {"连州市司法局", "连州市人民法院", "连州市委政法委", "广东省司法厅"} <= orgs


def test_bare_autonomous_region_opens_the_regions_bodies(nlp):
    text = ("贺兰县2023年法治政府建设年度报告\n经自治区人大常委会批准施行。自治区党委、自治区人民政府高度重视,"
            "宁夏回族自治区司法厅指导。\n")
    _, found = mentions(nlp, text)
    orgs = names(found, EntityType.ORGANIZATION)
    assert {"宁夏回族自治区人大常委会", "宁夏回族自治区人民政府", "宁夏回族自治区司法厅"} <= orgs
    assert not any(o.startswith("贺兰县") for o in orgs), orgs  # 区 of 自治区 is no county


def test_a_level_word_before_a_word_opening_with_a_level_character(nlp):
    """县市场监管局 is one body (市场 is a word); 市县党委 names two levels, no body."""
    text = "连州市2023年法治政府建设年度报告\n市市场监管局、市市政园林局推行清单制度,市县党委加强领导。\n"
    _, found = mentions(nlp, text)
    orgs = names(found, EntityType.ORGANIZATION)
    assert {"连州市市场监管局", "连州市市政园林局"} <= orgs
    assert not any("县党委" in o for o in orgs), orgs


def test_a_declared_short_form_is_the_entity_declared_before_it(nlp):
    """X（以下简称Y）: Y and its later mentions are X; a generic short form (《条例》) is no alias."""
    text = ("绵阳市2023年法治政府建设年度报告\n市委全面依法治市委员会办公室（以下简称市委依法治市办）印发"
            "《绵阳市法治社会建设实施方案》。市委依法治市办开展督察。起草《绵阳市养犬管理条例》(以下简称《条例》)。\n")
    doc, found = mentions(nlp, text)
    orgs = names(found, EntityType.ORGANIZATION)
    assert "绵阳市委全面依法治市委员会办公室" in orgs
    assert "绵阳市委依法治市办" not in orgs, orgs
    at = text.index("。市委依法治市办") + 1
    later = [c for c in doc._.lg_mentions if c.start == at and c.etype == EntityType.ORGANIZATION]
    assert later and later[0].name == "绵阳市委全面依法治市委员会办公室"
    assert "绵阳市养犬管理条例" in names(found, EntityType.REGULATION)


def test_an_office_short_name_is_the_office_the_document_names_in_full(nlp):
    """市政府新闻办 after 市政府新闻办公室: one office; a short name the document never pairs
    with a full one keeps its name (市普法办 alone)."""
    text = ("绵阳市2023年法治政府建设年度报告\n市政府新闻办公室举行发布会。市政府新闻办发布十大案例,"
            "市普法办组织宣讲。\n")
    _, found = mentions(nlp, text)
    orgs = names(found, EntityType.ORGANIZATION)
    assert "绵阳市人民政府新闻办公室" in orgs
    assert "绵阳市人民政府新闻办" not in orgs, orgs
    assert "绵阳市普法办" in orgs


def test_organisation_grammar_does_not_cut_words(nlp):
    text = "绵阳市法治建设报告\n绵阳市生态环境局优化产业布局,市场监管部门加强社会治理,市信访局局长出席。\n"
    _, found = mentions(nlp, text)
    orgs = names(found, EntityType.ORGANIZATION)
    assert "绵阳市生态环境局" in orgs and "绵阳市信访局" in orgs
    assert not any(o.endswith(("布局", "部", "社", "信访局局")) for o in orgs), orgs


def test_a_core_closing_a_word_only_when_the_dictionary_has_that_word(nlp):
    """布局 is a word, so 产业布局 names no bureau; 县发改局, which the segmenter cuts 县发|改局,
    is one (改局 is no word); the town after 一是/二是 starts a name too."""
    text = ("凤县2022年法治政府建设报告\n二是县发改局、县财政局联合印发《凤县政府投资项目管理办法》,优化产业布局;"
            "三是双石铺镇、凤州镇试点“村民说事”制度,推行法援“县域通办”。\n")
    _, found = mentions(nlp, text)
    assert {"凤县发改局", "凤县财政局"} <= names(found, EntityType.ORGANIZATION)
    assert not any(o.endswith(("布局", "通办")) for o in names(found, EntityType.ORGANIZATION))
    assert {"双石铺镇", "凤州镇"} <= names(found, EntityType.PLACE)


def test_sub_units_and_central_organs(nlp):
    text = "绵阳市法治建设报告\n绵阳市司法局行政复议科科长出席,司法部法治督察局和最高人民法院派员指导。\n"
    _, found = mentions(nlp, text)
    orgs = names(found, EntityType.ORGANIZATION)
    assert {"绵阳市司法局行政复议科", "司法部法治督察局", "最高人民法院"} <= orgs


def test_a_national_standing_groups_office_is_one_body(nlp):
    """国务院行政复议工作领导小组办公室: the office of a national standing group, named after its
    task (工作 is no verb of what is done with it); 国务院召开工作会议 names 国务院 alone."""
    text = ("江西省司法厅2023年度工作亮点\n九江市行政复议局被国务院行政复议工作领导小组办公室确定为联系点。"
            "国务院召开工作会议。\n")
    _, found = mentions(nlp, text)
    orgs = names(found, EntityType.ORGANIZATION)
    assert {"国务院行政复议工作领导小组办公室", "国务院"} <= orgs, orgs
    assert not any(o.startswith("国务院") and "会议" in o for o in orgs), orgs


def test_party_committee_of_a_two_character_county(nlp):
    """莒县 + 县委 is 莒县县委 (X县 keeps 县委); 紫金县 + 县委 is 紫金县委."""
    _, found = mentions(nlp, "莒县2022年法治政府建设年度报告\n县委常委会专题研究法治工作。\n")
    assert "莒县县委常委会" in names(found, EntityType.ORGANIZATION)
    text = "紫金县2022年法治政府建设年度报告\n县委常委会专题研究法治工作,县政府办公室牵头落实。\n"
    _, found = mentions(nlp, text)
    orgs = names(found, EntityType.ORGANIZATION)
    assert {"紫金县委常委会", "紫金县人民政府办公室"} <= orgs


# --- regulations -----------------------------------------------------------------------------

def test_titles_split_into_instruments_media_and_columns(nlp):
    text = ("绵阳市法治建设报告\n认真贯彻《中华人民共和国行政复议法》,出台《绵阳市城市管理条例》,"
            "在《四川日报》开设《法治绵阳》栏目,学习《论坚持全面依法治国》。\n")
    _, found = mentions(nlp, text)
    assert {"中华人民共和国行政复议法", "绵阳市城市管理条例"} <= names(found, EntityType.REGULATION)
    assert "四川日报" in names(found, EntityType.ORGANIZATION)
    assert "《法治绵阳》栏目" in names(found, EntityType.PROGRAM)
    assert "论坚持全面依法治国" not in names(found, EntityType.REGULATION)


def test_appendix_table_rows(nlp):
    text = ("连州市规范性文件目录\n序号 | 文件名称 | 文号 | 制定单位 |\n"
            "1 | 关于印发《连州市农村供水管理办法》的通知 | 连府〔2023〕3号 | 连州市人民政府 |\n")
    doc, found = mentions(nlp, text)
    assert (EntityType.REGULATION, "连州市农村供水管理办法") in found
    assert (EntityType.ORGANIZATION, "连州市人民政府") in found
    reg = next(c for c in doc._.lg_mentions if c.name == "连州市农村供水管理办法")
    assert ("documentNumber", "连府〔2023〕3号") in reg.props


# --- programs --------------------------------------------------------------------------------

def test_quoted_programs_with_head_nouns_and_without(nlp):
    text = ("绵阳市法治建设报告\n绵阳市打造“老娘舅”调解品牌,推行“2+4”联调模式,开展“法治夜校”,"
            "打通服务群众的“最后一米”,着力解决“三难”问题。\n")
    _, found = mentions(nlp, text)
    programs = names(found, EntityType.PROGRAM)
    assert {"“老娘舅”调解品牌", "“2+4”联调模式", "“法治夜校”"} <= programs
    assert not any("最后一米" in p or "三难" in p for p in programs), programs


def test_a_counted_quoted_name_is_a_kind_of_facility(nlp):
    _, found = mentions(nlp, "绵阳市法治建设报告\n绵阳市开展“法治夜校”,打造“法治文化公园”12个。\n")
    programs = names(found, EntityType.PROGRAM)
    assert "“法治夜校”" in programs
    assert not any("法治文化公园" in p for p in programs), programs


def test_program_variants_are_one_program_in_a_document(nlp):
    text = "绵阳市法治建设报告\n推行“2+4”联调模式。“2+4”模式覆盖全市,“2+4”成为品牌。\n"
    _, found = mentions(nlp, text)
    assert {n for n in names(found, EntityType.PROGRAM) if "2+4" in n} == {"“2+4”联调模式"}


def test_unquoted_named_mechanism(nlp):
    _, found = mentions(nlp, "连州市报告\n连州市与湖南省江华县建立两省三县边界联调机制。\n")
    assert "两省三县边界联调机制" in names(found, EntityType.PROGRAM)


def test_a_program_after_a_chain_of_verbs_starts_after_the_last(nlp):
    _, found = mentions(nlp, "连州市报告\n江油市创新推出“法律明白人”培养工程,该做法被推广。\n")
    programs = names(found, EntityType.PROGRAM)
    assert "“法律明白人”培养工程" in programs
    assert not any(p.startswith("推出") for p in programs), programs


# --- awards and officials --------------------------------------------------------------------

def test_awards_after_cues_with_editions_and_coordination(nlp):
    text = ("绵阳市法治建设报告\n绵阳市荣获第二届“四川省法治政府建设示范市”,市司法局被司法部授予全国公共法律服务"
            "工作先进集体、全国人民调解工作先进单位等荣誉称号。\n")
    _, found = mentions(nlp, text)
    assert {"第二届“四川省法治政府建设示范市”", "全国公共法律服务工作先进集体",
            "全国人民调解工作先进单位"} <= names(found, EntityType.AWARD)


def test_model_towns_and_areas_are_honours(nlp):
    text = ("绵阳市法治建设报告\n曲山镇、擂鼓镇入选全省公共法律服务示范乡镇,"
            "绵阳市被命名为第二批全国法治政府建设示范地区。\n")
    _, found = mentions(nlp, text)
    assert {"全省公共法律服务示范乡镇", "第二批全国法治政府建设示范地区"} <= names(found, EntityType.AWARD)


def test_unbracketed_statutes_after_a_cue(nlp):
    text = ("绵阳市法治建设报告\n深入宣传宪法和民法典,认真贯彻实施行政复议法,落实信访工作条例。"
            "建成民法典公园,坚持严格执法,以案释法。\n")
    _, found = mentions(nlp, text)
    regs = names(found, EntityType.REGULATION)
    assert {"宪法", "民法典", "行政复议法", "信访工作条例"} <= regs
    assert not any(r.endswith(("执法", "释法")) or r.startswith("实施") for r in regs), regs


def test_an_unbracketed_statute_before_its_predicate(nlp):
    """新修订的行政复议法正式施行, 宣传民法典颁布实施: a predicate may follow the statute's name
    directly; a noun does not (民法典广场, 宪法公园 name places, 民法典知识 is no naming either)."""
    text = ("宁海县2023年法治政府建设年度报告\n新修订的行政复议法正式施行。宣传民法典颁布实施三周年。"
            "学习宪法知识,建设民法典广场和宪法公园。\n")
    _, found = mentions(nlp, text)
    regs = names(found, EntityType.REGULATION)
    assert {"行政复议法", "民法典"} <= regs, regs
    assert "宪法" not in regs, regs


def test_shared_organ_core_over_coordinated_places(nlp):
    _, found = mentions(nlp, "绵阳市法治建设报告\n在涪城区、游仙区法院开展诉前调解试点。\n")
    orgs = names(found, EntityType.ORGANIZATION)
    assert {"涪城区人民法院", "游仙区人民法院"} <= orgs


def test_a_dispatched_office_shared_by_coordinated_towns(nlp):
    """长垌乡、六巷乡、三角乡司法所, 城关镇和龙华镇派出所: each town has its own office; 在六巷乡、
    三角乡开展 names no office."""
    text = ("金秀瑶族自治县2023年法治政府建设工作报告\n长垌乡、六巷乡、三角乡司法所化解纠纷126件。"
            "在城关镇和龙华镇派出所开展普法,在六巷乡、三角乡开展调解。\n")
    _, found = mentions(nlp, text)
    orgs = names(found, EntityType.ORGANIZATION)
    assert {"长垌乡司法所", "六巷乡司法所", "三角乡司法所", "城关镇派出所", "龙华镇派出所"} <= orgs, orgs
    assert len([o for o in orgs if o.startswith("六巷乡")]) == 1, orgs


def test_grassroots_bodies_after_towns_and_villages(nlp):
    text = "连州市2023年年度报告\n东陂镇人民政府、西江镇党委和丰阳村村民委员会联合开展普法,东陂镇司法所参与。\n"
    _, found = mentions(nlp, text)
    orgs = names(found, EntityType.ORGANIZATION)
    assert {"东陂镇人民政府", "西江镇党委", "东陂镇司法所"} <= orgs


def test_bodies_the_report_says_were_set_up(nlp):
    text = ("绵阳市2023年法治政府建设年度报告\n绵阳市司法局\n成立了全省首家行政复议咨询委员会,"
            "设立知识产权纠纷调解中心。在涪城区、游仙区设立公共法律服务分中心。市委成立全面依法治市委员会。"
            "全市建成公共法律服务中心（站、室）3200余个,建成矛盾纠纷调处工作站15个。\n")
    _, found = mentions(nlp, text)
    orgs = names(found, EntityType.ORGANIZATION)
    assert {"绵阳市行政复议咨询委员会", "绵阳市知识产权纠纷调解中心", "绵阳市委全面依法治市委员会"} <= orgs
    assert not any(o.endswith("分中心") for o in orgs), orgs  # several places: no one body
    # counted: kinds of bodies, not bodies
    assert not any(o.endswith(("公共法律服务中心", "工作站")) for o in orgs), orgs


def test_bodies_named_after_a_brand_carry_the_brand_as_a_program(nlp):
    text = ("连州市2023年法治政府建设年度报告\n连州市司法局\n劳动、医患等调解组织进驻县级“连心”中心,"
            "在“和事佬”调解室开展调解。全市已建成“和事佬”人民调解室120个。\n")
    _, found = mentions(nlp, text)
    orgs = names(found, EntityType.ORGANIZATION)
    assert "连州市“连心”中心" in orgs and "“和事佬”调解室" in orgs
    assert not any(o.endswith("人民调解室") for o in orgs), orgs  # 120 rooms are a kind, not a body
    assert "“和事佬”" in names(found, EntityType.PROGRAM)



def test_a_brand_opening_with_a_numeral_word_names_the_body_after_it(nlp):
    """“一站式”…中心 is one body (县级 resolved by context); “三中心” alone is a counted label."""
    _, found = mentions(nlp, "连州市2023年法治政府建设年度报告\n建成县级“一站式”矛盾纠纷调处化解中心,推进“三中心”建设。\n")
    orgs = names(found, EntityType.ORGANIZATION)
    assert "连州市“一站式”矛盾纠纷调处化解中心" in orgs
    assert not any(o.endswith("“三中心”") or o == "三中心" for o in orgs), orgs

def test_quoted_labels_that_name_no_initiative(nlp):
    text = ("绵阳市法治建设报告\n压实“一把手”责任,发挥“关键少数”作用,推行“伴随式”执法检查,建立“一套机制”,"
            "开展“防范养老诈骗”、“宪法”、“未成年人保护”等主题宣传活动。推行“三张清单”工作推进机制。\n")
    _, found = mentions(nlp, text)
    progs = names(found, EntityType.PROGRAM)
    assert not progs & {"“一把手”", "“关键少数”", "“伴随式”", "“一套机制”", "“防范养老诈骗”", "“未成年人保护”"}, progs
    assert "“三张清单”工作推进机制" in progs  # a counted label with its own head noun is a name


def test_captions_name_programs_but_headings_about_work_do_not(nlp):
    text = ("绵阳市2023年法治政府建设年度报告\n\n绵阳市跨区域府院联动机制\n\n▲民法典宣传月活动\n\n"
            "健全依法决策机制\n\n特色调解品牌工程\n")
    _, found = mentions(nlp, text)
    progs = names(found, EntityType.PROGRAM)
    assert {"绵阳市跨区域府院联动机制", "民法典宣传月活动"} <= progs
    assert not progs & {"健全依法决策机制", "特色调解品牌工程"}, progs


def test_a_coined_mechanism_is_one_program_under_its_variants(nlp):
    text = ("连州市2023年法治政府建设年度报告\n连州市司法局\n与相邻县探索建立了两省三县跨省联调机制。"
            "群众可以启动两省三县联调机制,与两省三县跨省联调深度融合。\n")
    doc = nlp(text)
    found = [(text[m.start:m.end], m.name) for m in doc._.lg_mentions if m.etype == EntityType.PROGRAM]
    assert {s for s, _ in found} >= {"两省三县跨省联调机制", "两省三县联调机制", "两省三县跨省联调"}
    assert {n for _, n in found} == {"两省三县跨省联调机制"}, found


def test_quoted_names_with_their_modifiers_and_heads(nlp):
    text = ("绵阳市法治建设报告\n深入践行新时代“枫桥经验”,推进行政调解、行政复议等“五调”对接,"
            "持续开展整治“重复检查、多头执法”专项行动,建立“六项工作制度”和“四个一接访法”。\n")
    _, found = mentions(nlp, text)
    progs = names(found, EntityType.PROGRAM)
    assert {"新时代“枫桥经验”", "“五调”对接", "整治“重复检查、多头执法”专项行动", "“四个一接访法”"} <= progs, progs
    assert "四个一接访法" not in names(found, EntityType.REGULATION)  # a work method, not a law


def test_instruments_named_without_title_marks_after_a_making_verb(nlp):
    text = ("连州市2023年法治政府建设年度报告\n连州市司法局\n编制修订连州市森林火灾应急预案、防汛类应急预案。"
            "制定2023年度领导干部学法计划,建立重大行政决策事项责任清单、行政执法人员持证上岗工作清单。"
            "制定工作方案,编制40类行业合规经营指引。\n")
    _, found = mentions(nlp, text)
    regs = names(found, EntityType.REGULATION)
    assert {"连州市森林火灾应急预案", "2023年度领导干部学法计划", "重大行政决策事项责任清单",
            "行政执法人员持证上岗工作清单"} <= regs, regs
    assert not any(r in regs for r in ("工作方案", "防汛类应急预案")) and not any("40类" in r for r in regs), regs


def test_rules_and_regulations_named_without_title_marks_after_a_making_verb(nlp):
    """印发宁海县重大行政决策程序规定, 制定…协作配合规定, 制定宁海县城市绿化条例: a 规定 or 条例 with a
    stem of its own after a making verb; 出台相关规定, 制定了具体规定, 修订完善有关规定 name none."""
    text = ("宁海县2023年法治政府建设年度报告\n县政府印发宁海县重大行政决策程序规定。制定综合执法机构与业务主管部门"
            "协作配合规定。制定宁海县城市绿化条例。出台相关规定,制定了具体规定,修订完善有关规定。\n")
    _, found = mentions(nlp, text)
    regs = names(found, EntityType.REGULATION)
    assert {"宁海县重大行政决策程序规定", "综合执法机构与业务主管部门协作配合规定", "宁海县城市绿化条例"} <= regs, regs
    assert not any(r.endswith("规定") and ("相关" in r or "具体" in r or "有关" in r) for r in regs), regs


def test_a_title_inside_a_title_is_an_instrument_too(nlp):
    text = "绵阳市法治建设报告\n印发《细化〈法治政府建设督察工作规定〉市级层面任务清单》。\n"
    _, found = mentions(nlp, text)
    assert {"细化〈法治政府建设督察工作规定〉市级层面任务清单", "法治政府建设督察工作规定"} <= names(found, EntityType.REGULATION)


def test_quoted_rooms_listed_before_their_kind(nlp):
    text = "连州市2023年年度报告\n打造“阿英说事”“老李来调”等12个名牌调解室,创建了东陂镇“东”风化雨品牌。\n"
    _, found = mentions(nlp, text)
    assert {"阿英说事", "老李来调"} <= names(found, EntityType.ORGANIZATION)
    assert "东陂镇" in names(found, EntityType.PLACE)


def test_pun_brands_may_hold_function_characters(nlp):
    text = "连州市2023年年度报告\n各镇结合实际,创建了西江镇“江”到而解、九陂镇止“陂”息争等子品牌。\n"
    _, found = mentions(nlp, text)
    assert {"“江”到而解", "止“陂”息争"} <= names(found, EntityType.PROGRAM)


def test_a_long_quoted_name_with_its_own_head_is_a_program_anywhere(nlp):
    text = "绵阳市法治建设报告\n联合相邻县发起跨省共同调解的“两省五县联调机制”(四川省江油市和陕西省宁强县)。\n"
    _, found = mentions(nlp, text)
    assert "“两省五县联调机制”" in names(found, EntityType.PROGRAM)


def test_outlets_in_a_media_list_and_on_reporters_lines(nlp):
    text = ("绵阳市“法治绵阳”新闻发布会\n四川观察记者\n请介绍普法工作。\n"
            "相关做法被四川新闻联播、《绵阳日报》、川观新闻等多家媒体报道。\n")
    _, found = mentions(nlp, text)
    orgs = names(found, EntityType.ORGANIZATION)
    assert {"四川观察", "四川新闻联播", "川观新闻", "绵阳日报"} <= orgs, orgs
    assert not any(o.startswith(("相关", "被")) for o in orgs), orgs


def test_places_beyond_a_clause_do_not_own_a_body_set_up_later(nlp):
    text = ("绵阳市2023年法治政府建设年度报告\n绵阳市司法局\n涪城区、游仙区两地干部群众长期以来积极参与基层矛盾纠纷多元化解"
            "工作并且取得明显成效之后我们又设立了知识产权纠纷调解中心。\n")
    _, found = mentions(nlp, text)
    assert "绵阳市知识产权纠纷调解中心" in names(found, EntityType.ORGANIZATION)


def test_a_titled_work_method_is_no_statute(nlp):
    text = "绵阳市法治建设报告\n推广《枫林调解工作法》和《学法用法》读本,贯彻实施《绵阳市物业管理条例》。\n"
    _, found = mentions(nlp, text)
    regs = names(found, EntityType.REGULATION)
    assert "绵阳市物业管理条例" in regs
    assert not regs & {"枫林调解工作法", "学法用法"}, regs


def _header_span_reference(text: str) -> tuple[int, int]:
    """header_span as first written: over the lines of the whole text."""
    pos, seen, end = 0, 0, 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if body:
            if len(body) > 64 or "|" in body:
                break
            seen += 1
            end = pos + len(line.rstrip("\r\n"))
            if seen >= 4:
                break
        pos += len(line)
    return 0, end


@pytest.mark.parametrize("pad", [0, 1, 4078, 4080, 4093, 4094, 4095, 4096, 20000])
def test_header_span_reads_a_prefix_as_the_whole_text(pad: int) -> None:
    """The header is found in a growing prefix; lines cut by the prefix's end are never read,
    so a \\r\\n or a title straddling the cut gives the same span as the whole text."""
    from kg.grammar.context import header_span

    for sep in ("\n", "\r\n", "\u2028"):
        head = sep * pad + "绵阳市司法局" + sep + "2023年法治政府建设工作报告" + sep + "一、主要举措" + sep
        fourth = sep.join(["绵阳市", "司法局", "报告", " " * pad + "二〇二三年十二月", "正文"])
        for text in (head, head + "全市推进“枫桥式”司法所建设。" * 50, head[:-1], "绵阳" + " " * pad + "市", fourth):
            assert header_span(text) == _header_span_reference(text)
