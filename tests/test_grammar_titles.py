"""Regulations (instruments) named with and without 《》, on sentences written for these tests.

Modelled on reports from provinces the development gold never names (Hunan, Shaanxi, Guangxi,
Hainan); each rule is checked for what it must find and what it must not.
"""
from __future__ import annotations

from kg.model import EntityType

from .helpers import mention_names


NLP_EXCLUDE = ["lg_relations"]  # the entities only (the `nlp` fixture: conftest.py)


def found(nlp, text: str, etype: EntityType) -> set[str]:
    return mention_names(nlp, text, etype)


def test_an_instrument_named_after_a_quoted_program_outside_title_marks(nlp):
    text = "株洲市报告\n“八五”普法规划实施以来,株洲市编制“十四五”法治宣传教育规划,深化“八五”普法。\n"
    regs = found(nlp, text, EntityType.REGULATION)
    assert {"“八五”普法规划", "“十四五”法治宣传教育规划"} <= regs, regs
    assert "“八五”普法" in found(nlp, text, EntityType.PROGRAM)  # the program keeps its mention
    # a phrase that runs on is no name; inside 《》 the title's rule names the instrument whole
    text = "榆林市报告\n落实“放管服”的改革方案,印发《榆林市“无证明城市”建设实施方案》。\n"
    regs = found(nlp, text, EntityType.REGULATION)
    assert regs == {"榆林市“无证明城市”建设实施方案"}, regs


def test_benchmarks_technical_guidelines_and_charters_are_instruments(nlp):
    """裁量基准 (the discretion benchmarks every enforcement body issues), 导则 and 章程 are
    instruments; a handbook is a publication, and 基准 outside a title is no name."""
    text = ("包头市报告\n市生态环境局印发《包头市生态环境行政处罚裁量基准》,市司法局制定《行政规范性文件"
            "制定技术导则》,修订《社区居民自治章程》,编印《行政执法指导手册》,推进执法基准建设。\n")
    regs = found(nlp, text, EntityType.REGULATION)
    assert regs == {"包头市生态环境行政处罚裁量基准", "行政规范性文件制定技术导则", "社区居民自治章程"}, regs


def test_a_title_ending_in_a_quoted_name_is_the_instrument_that_name_says(nlp):
    """《…“免罚清单”》 is a 清单, and the quoted name it ends with is no program of its own; a
    statute's name is never quoted, so 《律说“法典”》 (a video) is no law."""
    text = ("湘西土家族苗族自治州报告\n州司法局会同州市场监督管理局制定《湘西州涉企行政执法“轻微免罚清单”》,"
            "录制普法短视频《律说“法典”》。\n")
    assert found(nlp, text, EntityType.REGULATION) == {"湘西州涉企行政执法“轻微免罚清单”"}
    assert not any(p.endswith("免罚清单”") for p in found(nlp, text, EntityType.PROGRAM))


def test_agreements_are_instruments(nlp):
    text = "柳州市报告\n柳州市中级人民法院与贺州市中级人民法院签订《桂东“两院”司法协作合作协议》。\n"
    assert "桂东“两院”司法协作合作协议" in found(nlp, text, EntityType.REGULATION)


def test_joined_verbs_are_no_part_of_an_unbracketed_title(nlp):
    text = "海口市报告\n在全省率先制定并实施行政复议案件繁简分流实施办法,出台了琼山区涉企行政检查事项清单。\n"
    regs = found(nlp, text, EntityType.REGULATION)
    assert {"行政复议案件繁简分流实施办法", "琼山区涉企行政检查事项清单"} <= regs, regs
    assert not any(r.startswith(("并", "实施")) for r in regs), regs


def test_two_unbracketed_titles_joined_by_he_are_two(nlp):
    """出台宜宾市城市管理办法和宜宾市养犬管理规定: two instruments, each ending in its kind; 保护和管理
    办法 is one (its first part ends in no kind), and …办法及实施细则 names the 办法 alone."""
    text = ("宜宾市2023年法治政府建设年度报告\n市政府出台宜宾市城市管理办法和宜宾市养犬管理规定。市政府制定宜宾市"
            "历史文化名城保护和管理办法，出台宜宾市物业管理办法及实施细则。\n")
    regs = found(nlp, text, EntityType.REGULATION)
    assert {"宜宾市城市管理办法", "宜宾市养犬管理规定", "宜宾市历史文化名城保护和管理办法", "宜宾市物业管理办法"} <= regs, regs
    assert not any("办法和" in r or "办法及" in r or r == "实施细则" for r in regs), regs


def test_titled_works_and_research_projects_are_programs(nlp):
    text = ("三亚市报告\n拍摄的普法微电影《渔火》获评优秀作品,《涉海纠纷多元化解路径研究》课题通过验收,"
            "在《海南日报》刊发,印发《三亚市海域使用管理办法》。\n")
    progs = found(nlp, text, EntityType.PROGRAM)
    assert {"普法微电影《渔火》", "《涉海纠纷多元化解路径研究》课题"} <= progs, progs
    assert not any(p.startswith(("拍摄", "的")) for p in progs), progs
    assert "三亚市海域使用管理办法" in found(nlp, text, EntityType.REGULATION)
    assert "海南日报" not in progs and "《海南日报》" not in progs
    # a title alone, with no kind before it and no project after it, is not made a program here
    assert not found(nlp, "三亚市报告\n他在会上引用了《渔火》中的一句话。\n", EntityType.PROGRAM)


def test_a_title_holding_a_title_and_a_title_with_spaces(nlp):
    text = ("西安市报告\n市政府印发《关于印发《西安市城市管理综合执法办法》的通知》,贯彻《中华人民共和国 行政处罚法》,"
            "学习《法治之光 照亮古城》一文。\n")
    regs = found(nlp, text, EntityType.REGULATION)
    assert {"西安市城市管理综合执法办法", "中华人民共和国行政处罚法"} <= regs, regs
    assert not any("照亮" in r or r.startswith("关于印发") for r in regs), regs


def test_lists_an_authority_applies_are_instruments(nlp):
    text = "南宁市报告\n严格执行市场准入负面清单,全面落实南宁市行政执法事项清单、落实工作责任清单,执行工作方案。\n"
    regs = found(nlp, text, EntityType.REGULATION)
    assert {"市场准入负面清单", "南宁市行政执法事项清单"} <= regs, regs
    assert not any(r.startswith(("落实", "工作")) or r.endswith("方案") for r in regs), regs


def test_a_title_opening_with_guanyu_is_a_document_whatever_noun_ends_it(nlp):
    """关于 opens an official document's title: 《关于…联动机制》 is an instrument though 机制 is no
    instrument's ending; a 关于… title that reports or advises (报告, 建议) is none."""
    text = ("钦州市司法局2023年工作总结\n出台《关于完善行政复议与行政诉讼衔接联动机制》,"
            "向市人大常委会提交《关于全市行政复议工作情况的报告》,报送《关于加强基层法律服务的建议》。\n")
    regs = found(nlp, text, EntityType.REGULATION)
    assert "关于完善行政复议与行政诉讼衔接联动机制" in regs, regs
    assert not any(r.endswith(("报告", "建议")) for r in regs), regs


def test_work_norms_are_instruments_and_a_periodical_is_named_with_its_kind(nlp):
    """《…工作规范》 is an instrument (a 规范); a title followed by its periodical's kind
    (《法治规范》杂志, 《人民调解》期刊) is the periodical, named with the kind, and no instrument."""
    text = ("海西州2023年法治政府建设工作报告\n州司法局印发《海西州行政复议工作规范》,在《法治规范》杂志、"
            "《人民调解》期刊刊发经验。\n")
    assert found(nlp, text, EntityType.REGULATION) == {"海西州行政复议工作规范"}
    assert {"《法治规范》杂志", "《人民调解》期刊"} <= found(nlp, text, EntityType.ORGANIZATION)


def test_an_ordinal_describes_an_unbracketed_instrument_and_names_none(nlp):
    """出台首部…规定, 制定第一部…办法: the item's place in a series describes it; a named one after
    the same verb is an instrument."""
    text = ("杞县2024年法治建设亮点\n出台首部县级规范性文件管理规定。县政府制定第一部行政执法监督办法。"
            "县司法局制定杞县政府法律顾问工作规则。\n")
    names = found(nlp, text, EntityType.REGULATION)
    assert "杞县政府法律顾问工作规则" in names, names
    assert not any(n.startswith(("首部", "第一部")) or "监督办法" in n for n in names), names


def test_a_titled_mechanism_is_an_instrument(nlp):
    """联合制定《…联防联控工作机制》: a title in 《》 naming a mechanism is a document (as 《…工作制度》
    is); a quoted mechanism (“府院联动”工作机制) stays a program and an unbracketed one (健全…工作机制)
    names none."""
    text = ("漠河市人民政府2024年法治政府建设工作报告\n市林业和草原局、市应急管理局联合制定《漠河市森林防火联防联控"
            "工作机制》。建立“府院联动”工作机制。健全矛盾纠纷多元化解工作机制。\n")
    regs = found(nlp, text, EntityType.REGULATION)
    assert regs == {"漠河市森林防火联防联控工作机制"}, regs
    assert "“府院联动”工作机制" in found(nlp, text, EntityType.PROGRAM)



def test_a_notice_issuing_an_instrument_in_angle_marks_names_it_without_them(nlp):
    """《中共中央 国务院关于印发〈X〉的通知》: the notice names X, with no 〈〉 in its name (its
    relations: tests/test_grammar_relations.py)."""
    text = ("张家界市永定区人民政府2023年法治政府建设报告\n区政府认真贯彻《中共中央 国务院关于印发〈法治政府建设实施纲要"
            "（2021－2025年）〉的通知》精神。\n")
    regs = found(nlp, text, EntityType.REGULATION)
    assert "法治政府建设实施纲要（2021－2025年）" in regs, regs
    assert not any("〈" in r or "〉" in r for r in regs), regs
