"""Programs (brands, models, mechanisms, campaigns) on sentences written for these tests.

The sentences are modelled on reports from provinces the development gold never names (Guizhou,
Hubei, Fujian, Gansu, Jilin); each mechanism is checked for what it must find and what it must not.
"""
from __future__ import annotations

from kg.model import EntityType

from .helpers import mention_names


NLP_EXCLUDE = ["lg_relations"]  # the entities only (the `nlp` fixture: conftest.py)


def programs(nlp, text: str) -> set[str]:
    return mention_names(nlp, text, EntityType.PROGRAM)


def labels(nlp, text: str) -> set[str]:
    """Every label the programs carry: their names and aliases."""
    out = set()
    for c in nlp(text)._.lg_mentions:
        if c.etype == EntityType.PROGRAM:
            out.add(c.name)
            out.update(c.aliases)
    return out


# --- quoted names -----------------------------------------------------------------------------

def test_quoted_members_of_a_list_share_the_verb_and_the_head(nlp):
    found = programs(nlp, "遵义市司法局报告\n遵义市开展“法律进乡村”“法律进校园”活动,推行“红茶调解”、“黔心”等品牌。\n")
    assert {"“法律进乡村”活动", "“法律进校园”活动", "“红茶调解”品牌", "“黔心”品牌"} <= found, found
    found = programs(nlp, "宜昌市报告\n明确了工作的“任务书”“时间表”和“路线图”。\n")
    assert not any(n for n in found if "任务书" in n or "路线图" in n), found


def test_a_long_description_glossed_by_the_name_after_it_is_no_member(nlp):
    found = programs(nlp, "宜昌市报告\n宜昌市推行“人民调解+行政调解+司法调解+律师调解”“4+1”联调模式。\n")
    assert "“4+1”联调模式" in found
    assert not any("律师调解" in n for n in found), found


def test_a_noun_modifier_before_a_quote_belongs_to_the_name(nlp):
    text = "遵义市报告\n遵义市启动乡村法治建设“三大工程”,推动行政执法监督“两平台”建设。\n"
    found = programs(nlp, text)
    assert {"乡村法治建设“三大工程”", "行政执法监督“两平台”"} <= found, found
    text = "福州市报告\n马尾街道渔港矛盾纠纷化解“三步”工作法入选全省典型案例。\n"
    assert "渔港矛盾纠纷化解“三步”工作法" in programs(nlp, text)


def test_a_body_a_document_or_a_count_before_a_quote_is_no_modifier(nlp):
    text = "福州市报告\n当事人来到区司法局“闽和”调解室,落实工作清单“两张清单”工作推进机制,服务保障三个“一号工程”。\n"
    found = labels(nlp, text)
    assert {"“闽和”", "“两张清单”工作推进机制", "“一号工程”"} <= found, found
    assert not any(n.startswith(("区司法局", "工作清单", "保障", "三个")) for n in found), found


def test_a_quoted_name_that_holds_its_own_head(nlp):
    found = programs(nlp, "天水市报告\n全力推进“强基工程”,纪念“八八战略”实施20周年。\n")
    assert {"“强基工程”", "“八八战略”"} <= found, found
    # an indefinite count says what kind of thing something is: no name
    assert not programs(nlp, "天水市报告\n调解中心作为全区的一项“民心工程”,服务群众。\n")


def test_a_pun_plays_on_the_place_before_it(nlp):
    found = programs(nlp, "黔东南州报告\n各乡镇创建了台江县“台”好调解、雷山镇好“山”好水等品牌。\n")
    assert "“台”好调解" in found and "好“山”好水" in found, found
    # a quoted character in a maxim or a verb phrase is emphasis
    found = programs(nlp, "天水市报告\n我们坚持以“干”为先,引导群众遇事找“法”。\n")
    assert not found, found


def test_periods_honours_and_concepts_in_quotes_are_no_programs(nlp):
    text = ("天水市报告\n编制《天水市“十四五”法治宣传教育规划》,深化“七五”普法成果,荣获全国“七五”普法工作先进单位,"
            "利用“互联网+”技术打造“云上法庭”平台,全面打通基层治理‘最后一公里’。\n")
    found = programs(nlp, text)
    assert "“七五”普法" in found and "“云上法庭”平台" in found, found
    assert not any(n.strip("“”") in ("十四五", "七五", "互联网+", "最后一公里") for n in found), found
    assert not any("‘最后一公里’" == n for n in found), found


def test_a_quote_before_a_meeting_word_is_a_program_when_a_head_closes_it(nlp):
    text = "长春市报告\n长春市开展“宪法进万家 法治润民心”主题实践活动,召开“法治长春”主题新闻发布会。\n"
    found = programs(nlp, text)
    assert "“宪法进万家 法治润民心”主题实践活动" in found, found
    assert not any("新闻发布会" in n for n in found), found


def test_a_head_followed_by_its_predicate_closes_the_name(nlp):
    text = "长春市报告\n持续推动“查短板、补弱项、强基础”活动走深走实,“吉事好办”一件事获评全省最佳实践。\n"
    found = programs(nlp, text)
    assert {"“查短板、补弱项、强基础”活动", "“吉事好办”一件事"} <= found, found


# --- programs named after a place -------------------------------------------------------------

def test_rule_of_law_and_public_safety_programs_named_after_a_place(nlp):
    text = "株洲市报告\n全力建设平安株洲,扎实推进法治湖南建设,努力建设人民满意的法治贵州。\n"
    found = programs(nlp, text)
    assert {"平安株洲", "法治湖南建设", "法治贵州"} <= found, found
    # spheres of the trio, honours, slogans in quotes and words that are no place are no programs
    text = ("株洲市报告\n统筹推进法治株洲、法治政府、法治社会一体建设,被评为平安湖南建设先进集体,"
            "围绕“学法守法、共建法治株洲”主题,加强法治宣传和平安建设。\n")
    found = programs(nlp, text)
    assert not any(n.startswith(("法治株洲", "平安湖南", "法治宣传", "平安建设")) for n in found), found


# --- names without quotes, and quotes that are honoured ----------------------------------------

def test_a_rule_or_system_named_at_length_is_a_program(nlp):
    text = ("襄阳市报告\n全面建立法治建设年度报告制度,推行重大行政决策后评估制度,建立完善行政争议前端化解府院衔接机制,"
            "组织开展涉企违规收费专项督察,举办全市领导干部宪法法律知识竞赛。\n")
    found = programs(nlp, text)
    assert {"法治建设年度报告制度", "重大行政决策后评估制度", "行政争议前端化解府院衔接机制", "涉企违规收费专项督察",
            "全市领导干部宪法法律知识竞赛"} <= found, found
    # a short stem, a generic modifier, a list or two conjoined systems are no one name
    text = ("襄阳市报告\n完善突发事件应对制度,健全法律援助服务长效机制,建立窗口人员动态调整机制和科学分流机制,"
            "推广远程视频等移动公证办理新模式。\n")
    assert not programs(nlp, text)


def test_what_is_honoured_right_after_its_quote_is_a_named_thing(nlp):
    text = ("泉州市报告\n“渔港枫桥 法润侨乡”获全省普法影响力事件提名奖;“泉州市构建涉侨纠纷多元化解工作体系”入选全省"
            "法治政府建设示范项目。\n")
    found = programs(nlp, text)
    assert {"“渔港枫桥 法润侨乡”", "“泉州市构建涉侨纠纷多元化解工作体系”"} <= found, found
    assert not programs(nlp, "泉州市报告\n我们提出“更快、更好”的要求,把“最多跑一次”写进工作报告。\n") & {"“更快、更好”"}


def test_a_named_means_put_to_use_is_a_program_but_a_manner_is_not(nlp):
    text = "赤峰市报告\n人民法庭利用“草原流动法庭”巡回审理,调解员运用“唠家常”式谈话化解纠纷。\n"
    found = programs(nlp, text)
    assert "“草原流动法庭”" in found, found
    assert not any("唠家常" in n for n in found), found


def test_members_of_a_list_closed_by_its_kind(nlp):
    found = programs(nlp, "兰州市报告\n组织开展宪法宣传周、民法典宣传月等活动,开展送法下乡、以案释法等活动。\n")
    assert {"宪法宣传周", "民法典宣传月"} <= found, found
    assert not any(n.startswith(("送法", "以案")) for n in found), found


def test_named_work_methods_and_the_national_plan_periods(nlp):
    found = programs(nlp, "兰州市报告\n推广老马调解工作法,深化“八五”普法工作,落实“谁执法谁普法”普法责任制。\n")
    assert {"老马调解工作法", "“八五”普法", "“谁执法谁普法”普法责任制"} <= found, found
    assert not programs(nlp, "兰州市报告\n推广群众工作法。\n")


def test_the_parts_of_a_counted_set_are_no_programs_each(nlp):
    found = programs(nlp, "兰州市报告\n建成执法监督“在线学习”“掌上办案”和“智能监督”三大平台。\n")
    assert not found & {"“在线学习”", "“掌上办案”", "“智能监督”"}, found


def test_a_quote_describing_a_method_through_de_names_it(nlp):
    text = "吉林市报告\n推行“一站受理、全程代办”的联办工作法,形成“早排查、早预警”的工作机制。坚持“调解优先”的原则。\n"
    found = labels(nlp, text)
    assert {"“一站受理、全程代办”的联办工作法", "联办工作法", "“早排查、早预警”的工作机制"} <= found, found
    assert not any("调解优先" in n for n in found), found


def test_a_verb_phrase_or_the_reports_own_place_is_no_modifier(nlp):
    text = ("洛阳市报告\n主动融入“六尺巷”调解品牌,开启政策解读“人工客服”模式,全市矛盾纠纷排查“红黄绿”评价体系"
            "运行良好,接待群众“三个一”工作法受到好评。\n")
    found = labels(nlp, text)
    assert {"“六尺巷”调解品牌", "“人工客服”模式", "矛盾纠纷排查“红黄绿”评价体系", "“三个一”工作法"} <= found, found
    assert not any(n.startswith(("主动", "融入", "开启", "全市")) for n in found), found


def test_a_head_phrase_holds_no_verb_of_its_clause(nlp):
    text = "佛山市报告\n市司法局“法润南海”入选全省十大品牌,利用“互联网+”推进公共法律服务,推行“三张清单”工作推进机制。\n"
    found = programs(nlp, text)
    assert {"“法润南海”", "“三张清单”工作推进机制"} <= found, found
    assert not any("入选" in n or "推进公共" in n or "互联网" in n for n in found), found


def test_a_campaign_or_pilot_named_by_its_topic_and_the_generic_work_after_it(nlp):
    """A verb with its object may say a campaign's or pilot's topic (规范涉企执法…宣传月活动,
    律师参与…试点); a trailing 工作 is the generic work, not part of the name. Near misses: a verb of
    carrying out inside the phrase starts the name after it, and 工作 with no head before it
    (开展法治宣传工作) names nothing."""
    found = programs(nlp, "九江市司法局报告\n开展规范涉企执法法治宣传月活动,在两个县开展律师参与信访化解试点,"
                          "开展知识产权保护企业服务试点工作。\n")
    assert {"规范涉企执法法治宣传月活动", "律师参与信访化解试点", "知识产权保护企业服务试点"} <= found, found
    assert not any(n.endswith("工作") for n in found), found
    found = programs(nlp, "九江市司法局报告\n开展法治宣传工作,召开全市工作会议部署宣传月活动,推进规范化建设工作。\n")
    assert not found, found


def test_a_system_made_by_the_report_is_named_after_zhiding(nlp):
    """制定 + a system named at length (…白皮书制度) introduces it as 建立 does; 制定 + an
    instrument's title (…办法) is a regulation, and a short generic system no name (near misses)."""
    text = ("九江市司法局报告\n制定重大行政决策合法性审查年度白皮书制度,制定九江市行政执法案卷评查办法,"
            "制定会议制度。\n")
    found = programs(nlp, text)
    assert "重大行政决策合法性审查年度白皮书制度" in found, found
    assert not any("办法" in n or n == "会议制度" for n in found), found


def test_a_verb_of_carrying_out_inside_a_pilots_name_is_part_of_it(nlp):
    """…创新突破改革试点: 创新 there is no verb of the clause (it is not one that makes a stem a
    clause), so the whole phrase names the pilot, not its tail."""
    found = programs(nlp, "九江市司法局报告\n联合市场监管部门开展个体工商户“退出帮扶”创新突破改革试点。\n")
    assert "个体工商户“退出帮扶”创新突破改革试点" in found, found
    assert "突破改革试点" not in found, found


def test_a_quote_that_a_verb_of_rectifying_governs_names_a_problem(nlp):
    """整治…“吃拿卡要”: what is rectified is a problem, not a program; a campaign's head after the
    quote (“清风”专项行动) still names one."""
    text = ("白银市司法局2023年工作总结\n开展整治窗口单位“吃拿卡要”,纠正执法领域“一刀切”。"
            "开展“清风护企”专项行动。\n")
    found = programs(nlp, text)
    assert not any("吃拿卡要" in p or "一刀切" in p for p in found), found
    assert "“清风护企”专项行动" in found, found


def test_the_years_given_to_a_campaign_name_it(nlp):
    """…专项整治三年行动: the span of years closing the stem makes the campaign a named one; a
    campaign without it (开展普法宣传行动) stays generic."""
    text = ("定西市司法局2023年工作总结\n实施公共法律服务体系建设三年行动。开展普法宣传行动。\n")
    found = programs(nlp, text)
    assert "公共法律服务体系建设三年行动" in found, found
    assert "普法宣传行动" not in found, found


def test_a_quote_one_acts_by_is_a_program(nlp):
    """以“…”为抓手/为载体: what the subject acts by names a program, as after 依托; a principle
    (以“法治”为引领), an aim (为目标) and an honour striven for (以“民主法治示范村”为载体) do not."""
    text = ("岳阳市2023年法治政府建设年度报告\n华容县以“县乡村三级联调”为抓手推动纠纷就地化解,以“法治”为引领,"
            "以“零距离”为目标,以“民主法治示范村”为载体。\n")
    assert programs(nlp, text) == {"“县乡村三级联调”"}


def test_a_head_modified_by_the_work_it_organises(nlp):
    """“一站式”矛盾纠纷调处模式, “三调联动”矛盾纠纷调处机制: 调处 names the work the model organises,
    as 化解 does (the quoted label alone was kept); “…”调处了纠纷 is a clause (no 调处 head)."""
    text = ("北安市2023年法治政府建设年度报告\n赵光镇推行“一站式”矛盾纠纷调处模式,通北镇深化“三调联动”矛盾纠纷"
            "调处机制,“老娘舅”调处了纠纷300件。\n")
    found = programs(nlp, text)
    assert {"“一站式”矛盾纠纷调处模式", "“三调联动”矛盾纠纷调处机制"} <= found, found
    assert not any(p.endswith(("调处", "纠纷")) for p in found), found


def test_a_school_or_class_the_body_runs_is_its_program(nlp):
    """开办“村民法治夜校”: what a body opens and runs (a night school, a class) is a program as what
    it sets up is (开设“法治大讲堂”); a quote after 开办 that reads as a slogan (开办“学法、用法”) is none."""
    text = ("哈尔滨市道里区2023年法治政府建设情况报告\n区司法局开办“村民法治夜校”,开设“法治大讲堂”,"
            "开办“学法、用法”。\n")
    found = programs(nlp, text)
    assert {"“村民法治夜校”", "“法治大讲堂”"} <= found, found
    assert not any("学法" in p for p in found), found


def test_a_joint_mechanism_keeps_its_head(nlp):
    """“综合查一次”联合执法机制: 联合 modifies the head (a joint mechanism), as 工作 does; “法律进乡村”
    联合市妇联开展… is a verb after the quote, no head."""
    names = programs(nlp, "绵阳市涪城区人民政府2024年法治政府建设情况报告\n全面推行“综合查一次”联合执法机制。"
                          "县司法局“法律进乡村”联合市妇联开展宣传。\n")
    assert "“综合查一次”联合执法机制" in names, names
    assert not any(n.startswith("“法律进乡村”联合") for n in names), names
