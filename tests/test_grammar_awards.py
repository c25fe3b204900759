"""Awards and the award relations, on sentences written for these tests (modelled on reports from
Fujian, Guangxi, Guizhou, Hunan, Inner Mongolia, Guangdong and Sichuan): what must be found and
what must not."""
from __future__ import annotations

from kg.model import EntityType

from .helpers import extraction, names_by_type, triples


def run(nlp, text):
    """(awards, persons, programs, relations) of a text: names and (head, predicate, tail)."""
    ex = extraction(nlp, text)
    return names_by_type(ex), triples(ex)


def received(rels):
    return {(h, t) for h, p, t in rels if p == "receivedAward"}


def conferred(rels):
    return {(h, t) for h, p, t in rels if p == "awardedBy"}


# --- which names are honours -----------------------------------------------------------------

def test_a_quoted_honour_a_division_confers_and_a_brand_named_after_its_town(nlp):
    """获评北京市“优秀社区治理案例”: a division's name and a quoted name after a cue is an honour;
    “望京议事厅” is a brand named after its town, no body; a place and a quoted name without a
    cue is no honour."""
    text = ("北京市朝阳区2023年法治政府建设年度报告\n望京街道“望京议事厅”获评北京市“优秀社区治理案例”,"
            "三里屯街道学习浙江省“枫桥经验”。\n")
    ents, rels = run(nlp, text)
    assert ents.get(EntityType.AWARD, set()) == {"北京市“优秀社区治理案例”"}, ents
    assert ("“望京议事厅”", "北京市“优秀社区治理案例”") in received(rels), rels
    assert not any("议事厅" in o for o in ents.get(EntityType.ORGANIZATION, set())), ents


def test_a_levels_own_word_scopes_an_honour_for_a_kind_of_holder(nlp):
    """被评为省模范人民调解委员会, 自治区优秀司法所: the level's word scopes the honour as 全省 does
    (no committee of the province is named); a level and a mark alone (市先进) or a mark of a
    thing that is no holder (省先进制造业专项资金) is none."""
    text = ("百色市司法局2023年工作总结\n那坡县城厢镇人民调解委员会被评为自治区模范人民调解委员会，"
            "田阳区百育镇司法所被评为自治区优秀司法所，市律师协会会长黄志明被评为省优秀律师。"
            "那马村被评为市先进。一批企业获得省先进制造业专项资金支持。\n")
    ents, rels = run(nlp, text)
    awards = ents.get(EntityType.AWARD, set())
    assert {"自治区模范人民调解委员会", "自治区优秀司法所", "省优秀律师"} <= awards, awards
    assert {("城厢镇人民调解委员会", "自治区模范人民调解委员会"), ("百育镇司法所", "自治区优秀司法所")} <= received(rels), rels
    assert not any(a.startswith(("市先进", "省先进")) for a in awards), awards
    assert not any("模范" in o for o in ents.get(EntityType.ORGANIZATION, set())), ents


def test_a_scoped_grade_of_a_kind_of_body_is_an_honour_after_any_cue(nlp):
    """被认定为省级规范化人民调解委员会, 被确定为全省标准化司法所: a grade of a kind of body with a scope
    is an honour even after 认定为/确定为 (which name plans elsewhere: 全省重点项目, 规范化建设试点)."""
    text = ("铜仁市碧江区司法局2023年工作总结\n灯塔街道人民调解委员会被认定为省级规范化人民调解委员会，"
            "坝黄镇司法所被确定为全省标准化司法所。川硐街道被确定为全省重点项目，滑石乡被认定为省级规范化建设试点。\n")
    ents, rels = run(nlp, text)
    assert {("灯塔街道人民调解委员会", "省级规范化人民调解委员会"), ("坝黄镇司法所", "全省标准化司法所")} <= received(rels), rels
    assert not any(a.endswith(("项目", "试点")) for a in ents.get(EntityType.AWARD, set())), ents


def test_a_national_organ_before_a_quoted_honour_confers_it(nlp):
    """入选应急管理部“全国应急管理执法示范单位”, 获评民政部“全国先进社会组织”: the organ before the quoted
    name confers the honour, whose name is the quoted one (the organ is no part of it)."""
    text = ("乐山市市中区2024年法治政府建设情况报告\n区应急管理局入选应急管理部“全国应急管理执法示范单位”，"
            "区民政局获评民政部“全国先进社会组织”。\n")
    ents, rels = run(nlp, text)
    assert ents.get(EntityType.AWARD, set()) == {"“全国应急管理执法示范单位”", "“全国先进社会组织”"}, ents
    assert {("“全国应急管理执法示范单位”", "应急管理部"), ("“全国先进社会组织”", "民政部")} <= conferred(rels), rels
    assert {("市中区应急管理局", "“全国应急管理执法示范单位”"), ("市中区民政局", "“全国先进社会组织”")} <= received(rels), rels


def test_ascending_onto_an_honours_list_receives_it(nlp):
    """荣登第九批“…”榜单: 荣登 receives the honour the list is of (榜单 closes it, no part of its name);
    荣登榜首 (topping a ranking) names none."""
    text = ("濮阳市范县2023年法治政府建设情况报告\n陈庄镇荣登第九批“全国民主法治示范村（社区）”榜单，"
            "白衣阁乡荣登全省民主法治示范乡镇榜单。范县荣登榜首。\n")
    ents, rels = run(nlp, text)
    assert {("陈庄镇", "第九批“全国民主法治示范村（社区）”"), ("白衣阁乡", "全省民主法治示范乡镇")} <= received(rels), rels
    assert not any("榜" in a for a in ents.get(EntityType.AWARD, set())), ents


def test_you_names_the_conferrer_as_bei_does(nlp):
    """X由省司法厅命名为“…”: 由 marks the conferrer of a passive as 被 does; 荣获由司法部颁发的“…”称号:
    the honour comes after the clause that names who confers it. 由 before other verbs confers
    nothing (由市人大常委会审议通过, 由…负责)."""
    text = ("丽水市2023年法治政府建设年度报告\n莲都区紫金街道“和事佬”工作室由省司法厅命名为“金牌调解室”。"
            "缙云县荣获由司法部颁发的“全国法治宣传教育先进单位”称号。《丽水市物业管理条例》由市人大常委会"
            "审议通过,调解工作由街道司法所负责。\n")
    ents, rels = run(nlp, text)
    assert ents.get(EntityType.AWARD, set()) == {"“金牌调解室”", "“全国法治宣传教育先进单位”"}, ents
    assert ("缙云县", "“全国法治宣传教育先进单位”") in received(rels)
    assert any(h.endswith("“和事佬”工作室") and t == "“金牌调解室”" for h, t in received(rels)), rels
    assert {("“金牌调解室”", "浙江省司法厅"), ("“全国法治宣传教育先进单位”", "司法部")} <= conferred(rels)
    # the clause naming the conferrer without 由 (获得省司法厅授予的“…”称号)
    ents, rels = run(nlp, "丽水市司法局2023年工作总结\n市司法局获得省司法厅授予的“全省司法行政系统先进集体”称号。\n")
    assert ("丽水市司法局", "“全省司法行政系统先进集体”") in received(rels), rels
    assert ("“全省司法行政系统先进集体”", "浙江省司法厅") in conferred(rels), rels


def test_the_list_of_a_kind_alone_is_of_the_honour_named_before(nlp):
    """入选示范县名单 after the honour's whole name: 示范县 alone names no honour of its own; a kind
    a named body confers (被法治日报社确定为基层联系点) still does."""
    text = ("运城市2024年法治建设十件大事\n二、永济市入选全国法治政府建设示范县\n在第三批全国法治政府建设"
            "示范地区评选中,永济市入选示范县名单。运城市司法局被法治日报社确定为基层联系点。\n")
    ents, rels = run(nlp, text)
    awards = ents.get(EntityType.AWARD, set())
    assert "示范县" not in awards and "全国法治政府建设示范县" in awards, awards
    assert ("运城市司法局", "基层联系点") in received(rels)


def test_a_list_of_honours_goes_on_past_a_comma_while_it_names_only_honours(nlp):
    text = ("南平市司法局2023年工作总结\n2023年,市司法局获评全省公共法律服务先进集体、全省人民调解工作先进单位,"
            "2023年度全市绩效考评“优秀等次”、全市平安建设先进单位,机关2人获评市级以上荣誉。\n")
    ents, rels = run(nlp, text)
    honours = {"全省公共法律服务先进集体", "全省人民调解工作先进单位", "2023年度全市绩效考评“优秀等次”",
               "全市平安建设先进单位"}
    assert honours <= ents[EntityType.AWARD]
    assert {("南平市司法局", h) for h in honours} <= received(rels)
    assert not any("机关" in a or "荣誉" in a for a in ents[EntityType.AWARD])


def test_a_clause_saying_something_of_the_recipient_ends_the_list(nlp):
    """，是全省唯一示范单位 says what the recipient is; it names no honour received."""
    text = "钦州市法治建设报告\n钦南区被司法部确定为全国公共法律服务工作联系点,是全省唯一示范单位。\n"
    ents, rels = run(nlp, text)
    assert "全国公共法律服务工作联系点" in ents[EntityType.AWARD]
    assert not any(a.startswith("是") for a in ents[EntityType.AWARD])
    assert ("全国公共法律服务工作联系点", "司法部") in conferred(rels)


def test_an_edition_and_a_prize_taken_as_a_laurel(nlp):
    text = "柳州市法治建设报告\n柳州市司法局拍摄的普法短片摘得第五届全国法治动漫微视频作品征集展示活动二等奖桂冠。\n"
    ents, _ = run(nlp, text)
    assert "第五届全国法治动漫微视频作品征集展示活动二等奖" in ents[EntityType.AWARD]


def test_scoped_designations_after_a_cue_of_selection(nlp):
    text = ("三明市法治建设报告\n市司法局入选全省数字法治建设重点培育项目,将乐县入选第三批省级法治文化阵地建设"
            "示范名录。永安市获得省级项目资金200万元。\n")
    ents, rels = run(nlp, text)
    assert {"全省数字法治建设重点培育项目", "第三批省级法治文化阵地建设示范名录"} <= ents[EntityType.AWARD]
    assert ("将乐县", "第三批省级法治文化阵地建设示范名录") in received(rels)
    # 获得 (obtain) is no cue of selection: funds are no honour
    assert not any("资金" in a for a in ents.get(EntityType.AWARD, ()))


def test_a_ranking_and_a_pilot_are_no_honours(nlp):
    text = ("遵义市法治建设报告\n全市法治政府建设考核排名全省第一,位列全省第一方阵。市委确定汇川区为试点单位。"
            "红花岗区获得群众“点赞”。\n")
    ents, _ = run(nlp, text)
    assert not ents.get(EntityType.AWARD), ents.get(EntityType.AWARD)


def test_a_scope_closing_on_a_quoted_name_is_an_honour(nlp):
    text = "株洲市法治建设报告\n醴陵市荣获2022年度全省平安建设考评“优秀等次”。\n"
    ents, rels = run(nlp, text)
    assert "2022年度全省平安建设考评“优秀等次”" in ents[EntityType.AWARD]
    assert ("醴陵市", "2022年度全省平安建设考评“优秀等次”") in received(rels)


def test_model_units_of_any_level(nlp):
    """示范 + the kind of unit shown as a model (县区, 乡镇街道): the recipients joined by 、."""
    text = "巴彦淖尔市法治建设报告\n临河区、五原县成功创建全区法治政府建设示范县区。\n"
    ents, rels = run(nlp, text)
    assert "全区法治政府建设示范县区" in ents[EntityType.AWARD]
    assert {("临河区", "全区法治政府建设示范县区"), ("五原县", "全区法治政府建设示范县区")} <= received(rels)


# --- who received it, who conferred it -------------------------------------------------------

def test_a_case_selected_into_a_named_collection(nlp):
    """入选司法部《…汇编》: the collection is the honour, the body before it its conferrer; the
    cases are only counted, so nobody named receives it."""
    text = "株洲市法治建设报告\n2个案例入选司法部《全国行政复议典型案例汇编》。\n"
    ents, rels = run(nlp, text)
    assert "全国行政复议典型案例汇编" in ents[EntityType.AWARD]
    assert ("全国行政复议典型案例汇编", "司法部") in conferred(rels)
    assert not received(rels)


def test_counted_recipients_name_nobody(nlp):
    """5家单位、12名个人获评…: the report's place did not receive it."""
    text = "株洲市法治建设报告\n全市5家单位、12名个人获评全省法治宣传教育先进。\n"
    ents, rels = run(nlp, text)
    assert "全省法治宣传教育先进" in ents[EntityType.AWARD]
    assert not received(rels)


def test_counted_recipients_listed_later_each_receive_it(nlp):
    """命名N个村为…，M个村名列其中，分别是：A、B: each listed village; the active voice's conferrers
    are the bodies the sentence opens with."""
    text = ("遵义市法治建设报告\n民政部、司法部近日印发通知,命名865个村(社区)为第十批“全国民主法治示范村(社区)”,"
            "遵义市2个村名列其中,分别是:播州区枫香镇花茂村、湄潭县兴隆镇龙凤村。\n")
    ents, rels = run(nlp, text)
    honour = "第十批“全国民主法治示范村(社区)”"
    assert honour in ents[EntityType.AWARD]
    assert {("花茂村", honour), ("龙凤村", honour)} <= received(rels)
    assert not {r for r in received(rels) if r[0] in ("遵义市", "播州区", "湄潭县", "枫香镇", "兴隆镇")}
    assert {(honour, "民政部"), (honour, "司法部")} <= conferred(rels)


def test_the_holder_named_after_an_honour(nlp):
    text = "株洲市司法局工作报告\n涌现出省十大法治人物提名奖获得者周建华等一批先进典型。\n"
    ents, rels = run(nlp, text)
    assert "省十大法治人物提名奖" in ents[EntityType.AWARD]
    assert ("周建华", "省十大法治人物提名奖") in received(rels)
    assert not {r for r in received(rels) if r[0] == "株洲市司法局"}


def test_a_rank_adverbial_is_not_the_recipient(nlp):
    """东莞市司法局作为全省唯一入选…: the bureau, not the province of 全省唯一."""
    text = "东莞市法治建设报告\n东莞市司法局作为全省唯一入选全国公共法律服务示范单位。\n"
    _, rels = run(nlp, text)
    assert ("东莞市司法局", "全国公共法律服务示范单位") in received(rels)
    assert not {r for r in received(rels) if r[0] == "广东省"}


def test_creating_a_brand_is_no_honour_creating_a_model_is(nlp):
    """创建 names an honour only with a scope or a model's mark (创建全国文明城市); 创建了“X”品牌
    builds a brand."""
    text = ("宜宾市法治建设报告\n市政府办公室创建了“宜·公文”品牌,叙州区创建全国文明城市,"
            "南溪区成功创建全省法治建设示范区。\n")
    ents, rels = run(nlp, text)
    assert {"全国文明城市", "全省法治建设示范区"} <= ents[EntityType.AWARD]
    assert not any("公文" in a for a in ents[EntityType.AWARD])
    assert ("南溪区", "全省法治建设示范区") in received(rels)


def test_got_selected_and_rated_as(nlp):
    """获评为, 获选: the honour starts after the verb (no 为…, 选… titles)."""
    text = "宜宾市法治建设报告\n翠屏区获评为全市十佳法治为民实事,江安县获选全省行政复议典型案例。\n"
    ents, rels = run(nlp, text)
    assert {"全市十佳法治为民实事", "全省行政复议典型案例"} <= ents[EntityType.AWARD]
    assert not any(a.startswith(("为", "选")) for a in ents[EntityType.AWARD])
    assert ("江安县", "全省行政复议典型案例") in received(rels)


# --- what was honoured: works, projects, methods ----------------------------------------------

def test_a_quoted_work_before_the_cue_receives_it(nlp):
    text = ("泉州市司法局2023年工作总结\n“侨乡调解 一站通办”入选全省法治政府建设县乡“最佳实践”;"
            "“海丝法务”一件事获评全市改革创新优秀案例。\n")
    ents, rels = run(nlp, text)
    assert {"“侨乡调解 一站通办”", "“海丝法务”一件事"} <= ents[EntityType.PROGRAM]
    assert ("“侨乡调解 一站通办”", "全省法治政府建设县乡“最佳实践”") in received(rels)
    assert ("“海丝法务”一件事", "全市改革创新优秀案例") in received(rels)
    assert not {r for r in received(rels) if r[0] in ("泉州市", "泉州市司法局")}


def test_a_method_named_after_its_town_receives_it_not_the_town(nlp):
    text = "温州市法治建设报告\n龙湾区永中街道山海协作“三步”调解法获评全国新时代“枫桥经验”先进典型。\n"
    ents, rels = run(nlp, text)
    assert "山海协作“三步”调解法" in ents[EntityType.PROGRAM]
    assert ("山海协作“三步”调解法", "全国新时代“枫桥经验”先进典型") in received(rels)
    assert not {r for r in received(rels) if r[0] in ("永中街道", "龙湾区", "温州市")}


def test_a_titled_work_with_its_kind_receives_it(nlp):
    text = ("百色市法治建设报告\n市司法局拍摄的普法短剧《山路》摘得第四届全国法治微电影二等奖桂冠,"
            "《边境矛盾纠纷多元化解实践研究》课题作为全市唯一入选全区法学研究重点课题。\n")
    ents, rels = run(nlp, text)
    assert {"普法短剧《山路》", "《边境矛盾纠纷多元化解实践研究》课题"} <= ents[EntityType.PROGRAM]
    assert ("普法短剧《山路》", "第四届全国法治微电影二等奖") in received(rels)
    assert ("《边境矛盾纠纷多元化解实践研究》课题", "全区法学研究重点课题") in received(rels)
    assert not {r for r in received(rels) if r[0] in ("百色市", "广西壮族自治区")}


def test_a_demonstrative_or_a_clause_names_no_work(nlp):
    """该机制被命名为…: 该 refers back; 这一模式 too; the recipient is not made a program."""
    text = ("百色市法治建设报告\n市司法局建立边境联调机制。该机制被命名为全区法治政府建设示范项目,"
            "这一模式入选全区改革创新案例。\n")
    ents, _ = run(nlp, text)
    programs = ents.get(EntityType.PROGRAM, set())
    assert not any(p.startswith(("该", "这")) for p in programs), programs


# --- who a subjectless honour is about ---------------------------------------------------------

def test_a_subjectless_honour_continues_the_topic_of_the_sentence_before(nlp):
    """赣…司法局…取得较好成效。获评…: the topic of the sentence before (in the same paragraph)."""
    text = ("南平市2023年法治建设情况\n2023年,南平市司法局在市委的领导下扎实履职,取得较好成效。获评全省人民调解工作"
            "先进集体。\n全市法治建设稳步推进。\n获评全省法治宣传教育先进城市。\n")
    _, rels = run(nlp, text)
    assert ("南平市司法局", "全省人民调解工作先进集体") in received(rels)
    # a new paragraph opening with the honour does not continue the bureau's topic: in a report
    # about the city, it is the city's (in the bureau's own summary it would be the bureau's)
    assert ("南平市司法局", "全省法治宣传教育先进城市") not in received(rels)
    assert ("南平市", "全省法治宣传教育先进城市") in received(rels)


def test_a_subjectless_clause_is_about_the_subject_its_sentence_opens_with(nlp):
    text = "宜宾市法治建设报告\n近年来,翠屏区坚持依法行政,荣获全省法治政府建设示范区。\n"
    _, rels = run(nlp, text)
    assert ("翠屏区", "全省法治政府建设示范区") in received(rels)
    assert ("宜宾市", "全省法治政府建设示范区") not in received(rels)


# --- more cues and shapes of honours ------------------------------------------------------------

def test_merits_ratings_and_commendations(nlp):
    """荣立集体三等功; 获…先进单位表彰 (the commendation of an honour); 被评为…优秀等次 (a rating)."""
    text = ("宜宾市法治建设报告\n市司法局荣立集体三等功,翠屏区获全国法治宣传教育先进单位表彰,"
            "南溪区被评为2023年度全省法治政府建设考核优秀等次。\n")
    ents, rels = run(nlp, text)
    assert {"集体三等功", "全国法治宣传教育先进单位", "2023年度全省法治政府建设考核优秀等次"} <= ents[EntityType.AWARD]
    assert ("宜宾市司法局", "集体三等功") in received(rels)
    assert ("南溪区", "2023年度全省法治政府建设考核优秀等次") in received(rels)


def test_a_rank_without_its_contest_is_no_honour(nlp):
    text = "怀化市法治建设报告\n理论研究成果被评为全国一等奖,鹤城区荣获全省法治微视频大赛一等奖。\n"
    ents, _ = run(nlp, text)
    assert "全省法治微视频大赛一等奖" in ents[EntityType.AWARD]
    assert "全国一等奖" not in ents[EntityType.AWARD]


def test_nominations_shortlists_and_candidacies_are_not_received(nlp):
    """被推荐为, 入围, …候选: the honour is named, nobody has received it yet."""
    text = ("怀化市法治建设报告\n鹤城区被推荐为全省法治文化建设示范基地,洪江市入围全国文明城市提名城市,"
            "沅陵县入选全省法治政府建设示范县候选名单。\n")
    ents, rels = run(nlp, text)
    assert {"全省法治文化建设示范基地", "全国文明城市提名城市"} <= ents[EntityType.AWARD]
    assert not received(rels), received(rels)


def test_approval_to_strive_for_an_honour_names_it_once(nlp):
    text = "怀化市法治建设报告\n鹤城区获批创建国家级法治示范区。\n"
    ents, _ = run(nlp, text)
    assert ents[EntityType.AWARD] == {"国家级法治示范区"}


def test_a_list_going_on_past_a_comma_stops_at_an_ordinary_noun(nlp):
    """…先进单位，正在争创国家卫生城市: the second clause strives for a title, it names none received."""
    text = "怀化市法治建设报告\n鹤城区获评全省平安建设先进单位,正在争创国家卫生城市。\n"
    ents, rels = run(nlp, text)
    assert ents[EntityType.AWARD] == {"全省平安建设先进单位"}


def test_model_centres_and_distinguished_persons(nlp):
    text = ("常州市法治建设报告\n市公共法律服务中心被省司法厅评为全省公共法律服务规范化建设示范中心,"
            "武进区司法局被评为全国“八五”普法中期表现突出集体。\n")
    ents, rels = run(nlp, text)
    assert {"全省公共法律服务规范化建设示范中心", "全国“八五”普法中期表现突出集体"} <= ents[EntityType.AWARD]
    assert ("全省公共法律服务规范化建设示范中心", "江苏省司法厅") in conferred(rels)
    assert ("常州市公共法律服务中心", "全省公共法律服务规范化建设示范中心") in received(rels)


def test_a_published_list_names_the_honour_and_who_is_on_it(nlp):
    """省司法厅公布了第三批…名单，天宁区司法局榜上有名: the body published (conferred) it, the bureau is
    on it; a list of ordinary bodies (法律援助机构名单) is no honour."""
    text = ("常州市法治建设报告\n近日,省司法厅公布了第三批全省“枫桥式”司法所名单,天宁区司法局榜上有名。"
            "市司法局公布了全市法律援助机构名单。\n")
    ents, rels = run(nlp, text)
    honour = "第三批全省“枫桥式”司法所"
    assert ents[EntityType.AWARD] == {honour}
    assert (honour, "江苏省司法厅") in conferred(rels)
    assert ("天宁区司法局", honour) in received(rels)


def test_a_body_no_matcher_named_is_not_replaced_by_the_place_before_it(nlp):
    """我市湖塘镇司法所榜上有名: not 我市 (the city)."""
    text = ("常州市法治建设报告\n近日,省司法厅公布了第三批全省“枫桥式”司法所名单,我市湖塘镇司法所榜上有名。\n")
    _, rels = run(nlp, text)
    assert not received(rels), received(rels)


def test_the_reviewing_body_confers_a_passive_honour(nlp):
    """经中央依法治国办评估，…被命名为…: the reviewer is the conferrer; 经 with no body names none."""
    text = ("阿克苏地区法治建设报告\n经中央依法治国办评估,温宿县被命名为第三批全国法治政府建设示范地区。"
            "经过努力,沙雅县被评为全区法治宣传教育先进县。\n")
    _, rels = run(nlp, text)
    assert ("第三批全国法治政府建设示范地区", "中央依法治国办") in conferred(rels)
    assert ("温宿县", "第三批全国法治政府建设示范地区") in received(rels)
    assert not {c for c in conferred(rels) if c[0] == "全区法治宣传教育先进县"}


def test_an_active_grant_names_conferrers_and_recipients(nlp):
    text = ("阿克苏地区法治建设报告\n自治区党委、自治区人民政府授予温宿县、沙雅县“自治区民族团结进步示范县”称号。\n")
    _, rels = run(nlp, text)
    honour = "“自治区民族团结进步示范县”"
    assert {("温宿县", honour), ("沙雅县", honour)} <= received(rels)
    assert (honour, "新疆维吾尔自治区党委") in conferred(rels)
    assert not {r for r in received(rels) if r[0] == "阿克苏地区"}


def test_a_plaque_presented_to_a_recipient_names_the_honour(nlp):
    """市委依法治市办为勉县颁发“…示范县”奖牌, 省司法厅向A颁发“…先进单位”牌匾: the body before 为/向
    confers the quoted honour on the one after it; 为群众颁发“平安家庭”宣传册 and 为调解员颁发聘书 are
    no honours."""
    text = ("汉中市司法局2023年工作总结\n市委依法治市办为勉县颁发“全市法治建设示范县”奖牌。省司法厅向西乡县司法局颁发"
            "“全省公共法律服务先进单位”牌匾。市政府为群众颁发“平安家庭”宣传册，市司法局为调解员颁发聘书。\n")
    _, rels = run(nlp, text)
    assert ("勉县", "“全市法治建设示范县”") in received(rels), rels
    assert ("“全市法治建设示范县”", "汉中市委全面依法治市委员会办公室") in conferred(rels), rels
    assert ("西乡县司法局", "“全省公共法律服务先进单位”") in received(rels), rels
    assert not any("平安家庭" in a or "聘书" in a for _, a in received(rels)), rels


def test_an_honour_is_also_named_by_its_quoted_core_only_when_that_is_an_honour(nlp):
    """第九批“全国民主法治示范村”: also “全国民主法治示范村”; 全国“八五”普法…单位: not “八五” (a plan)."""
    text = ("茂名市法治建设报告\n电白区获评全国“八五”普法中期表现突出单位,"
            "高州市根子镇元坝村入选第九批“全国民主法治示范村”。\n")
    ex = extraction(nlp, text)
    aliases = {m.key.name: {v for k, v in m.props if k == "alias"} for m in ex.mentions
               if m.key.etype == EntityType.AWARD}
    assert "“全国民主法治示范村”" in aliases["第九批“全国民主法治示范村”"]
    assert "“八五”" not in aliases["全国“八五”普法中期表现突出单位"]


def test_a_subjectless_clause_continues_the_subject_of_the_clause_before(nlp):
    """其中：壮族山歌普法得到…推广，获评…: the work the clause before opens with (not the city)."""
    text = ("河池市法治建设报告\n两年来共演出200多场,其中:壮族山歌普法得到多家媒体推广报道,"
            "获评全区优秀普法项目;南丹县坚持以案释法,并先后荣获全区法治宣传教育先进集体。\n")
    ents, rels = run(nlp, text)
    assert "壮族山歌普法" in ents[EntityType.PROGRAM]
    assert ("壮族山歌普法", "全区优秀普法项目") in received(rels)
    assert ("南丹县", "全区法治宣传教育先进集体") in received(rels)
    assert ("河池市", "全区优秀普法项目") not in received(rels)


def test_a_clause_with_an_unnamed_subject_of_its_own_continues_no_topic(nlp):
    """“某某”品牌受到肯定，我们因此获评…: 我们 is the subject, not the brand."""
    text = ("河池市司法局工作总结\n“河池公文”品牌受到省政府办公厅的肯定,我们因此获评全区公文处理工作先进集体。\n")
    _, rels = run(nlp, text)
    assert not {r for r in received(rels) if "品牌" in r[0]}, received(rels)


def test_a_blacklist_is_no_honour(nlp):
    text = ("河池市法治建设报告\n市教育局公布培训机构“黑白名单”2次,市场监管局公布了第二批严重违法失信名单。\n")
    ents, _ = run(nlp, text)
    assert not ents.get(EntityType.AWARD), ents.get(EntityType.AWARD)


def test_a_tally_of_prizes_is_no_part_of_a_name_and_planning_is_no_honour(nlp):
    """荣获一等奖1项: a rank alone, counted; 被确定为全省重点项目: a planning designation."""
    text = ("株洲市法治建设报告\n攸县荣获一等奖1项、二等奖3项,醴陵市荣获全省法治微视频大赛一等奖2项。"
            "炎陵县被确定为全省重点项目。\n")
    ents, rels = run(nlp, text)
    assert ents[EntityType.AWARD] == {"全省法治微视频大赛一等奖"}
    assert ("醴陵市", "全省法治微视频大赛一等奖") in received(rels)


def test_a_quoted_rating_of_a_kind_of_body_is_a_designation_after_a_cue_of_selection(nlp):
    text = ("海口市2023年法治政府建设年度报告\n龙华区金贸街道“椰城和事佬”调解室获评海南省“金牌”调解室，"
            "美兰区白沙司法所被评为全省首批“枫桥式”司法所。秀英区设立“金牌”调解室。\n")
    ents, rels = run(nlp, text)
    assert {"海南省“金牌”调解室", "全省首批“枫桥式”司法所"} <= ents[EntityType.AWARD]
    assert ("金贸街道“椰城和事佬”调解室", "海南省“金牌”调解室") in received(rels)
    # a room set up is a body, not an honour: no cue of selection before it
    assert "“金牌”调解室" not in ents[EntityType.AWARD]
    # an honour named like a body is no body
    assert not ents[EntityType.ORGANIZATION] & {"海南省“金牌”调解室", "全省首批“枫桥式”司法所"}


def test_a_place_named_a_distinguished_unit_of_its_level_and_no_honour_inside_the_name(nlp):
    text = ("昌吉市2023年法治政府建设情况报告\n昌吉市被命名为全国民主法治示范村（社区）创建先进市，"
            "呼图壁县获评全区法治宣传教育先进县。\n")
    ents, rels = run(nlp, text)
    assert {"全国民主法治示范村（社区）创建先进市", "全区法治宣传教育先进县"} <= ents[EntityType.AWARD]
    assert ("昌吉市", "全国民主法治示范村（社区）创建先进市") in received(rels)
    assert ("呼图壁县", "全区法治宣传教育先进县") in received(rels)
    # 创建 inside the honour's name names no second honour
    assert ents[EntityType.AWARD].isdisjoint({"先进市", "先进县"})
    assert len(received(rels)) == 2


def test_a_quoted_title_holding_a_function_word_is_one_honour(nlp):
    text = ("和平区2023年法治政府建设报告\n南营门街道综合执法大队被市人民政府评为“人民满意的公务员集体”，"
            "区司法局获评全市“群众满意的政法单位”。\n")
    ents, rels = run(nlp, text)
    assert {"“人民满意的公务员集体”", "全市“群众满意的政法单位”"} <= ents[EntityType.AWARD]
    assert ("南营门街道综合执法大队", "“人民满意的公务员集体”") in received(rels)
    assert not any(a.endswith(("人民满意", "群众满意")) for a in ents[EntityType.AWARD])


def test_an_honour_of_a_body_no_matcher_named_goes_to_nobody(nlp):
    text = ("2023年,九江市司法局在市委的坚强领导下,扎实履职,取得较好成效。\n"
            "二是强化调解。城南片区人民调解委员会获评全国模范人民调解委员会。市司法局获评全省先进集体。\n")
    ents, rels = run(nlp, text)
    assert received(rels) == {("九江市司法局", "全省先进集体")}


def test_a_table_of_honours_names_recipients_honours_and_conferrers(nlp):
    """获奖单位（个人） | 荣誉名称 | 授予机关: each row's honour, received by the body, the last place
    of a chain, or the official the recipient cell names, conferred by each body of its last cell;
    the header row is no honour, and a row without an honour gives nothing."""
    text = ("六盘水市法治政府建设白皮书（2023）\n\n附件2：2023年度法治建设获得荣誉情况\n\n"
            "| 序号 | 获奖单位（个人） | 荣誉名称 | 授予机关 |\n"
            "| 1 | 六盘水市司法局 | 全国人民调解工作先进集体 | 司法部 |\n"
            "| 2 | 钟山区荷城街道 | 全省民主法治示范街道 | 贵州省司法厅、贵州省民政厅 |\n"
            "| 3 | 水城区司法局局长罗志刚 | 全国模范司法所长 | 司法部 |\n"
            "| 4 | 盘州市 | — | — |\n")
    found, rels = run(nlp, text)
    assert ("六盘水市司法局", "receivedAward", "全国人民调解工作先进集体") in rels
    assert ("荷城街道", "receivedAward", "全省民主法治示范街道") in rels
    assert ("罗志刚", "receivedAward", "全国模范司法所长") in rels
    assert ("全省民主法治示范街道", "awardedBy", "贵州省司法厅") in rels
    assert ("全省民主法治示范街道", "awardedBy", "贵州省民政厅") in rels
    assert {h for h, _ in received(rels)} == {"六盘水市司法局", "荷城街道", "罗志刚"}, rels
    awards = found[EntityType.AWARD]
    assert awards == {"全国人民调解工作先进集体", "全省民主法治示范街道", "全国模范司法所长"}, awards


def test_a_table_of_honours_pasted_with_tabs_and_without_conferrers(nlp):
    """The same table from a spreadsheet (tabs), its columns in another order, no conferrer
    column: the honours and recipients alone; a table of instruments is no table of honours."""
    text = ("六盘水市2023年法治政府建设年度报告\n\n荣誉称号\t获奖集体\n"
            "全国法治宣传教育先进单位\t六枝特区司法局\n\n"
            "| 序号 | 文件名称 | 制定单位 |\n| 1 | 六盘水市表彰奖励办法 | 六盘水市人民政府 |\n")
    found, rels = run(nlp, text)
    assert ("六枝特区司法局", "receivedAward", "全国法治宣传教育先进单位") in rels
    assert not conferred(rels), rels
    assert found[EntityType.AWARD] == {"全国法治宣传教育先进单位"}, found


def test_a_table_of_honours_whose_recipient_column_is_headed_by_a_plain_word(nlp):
    """单位 | 荣誉称号 | 授予单位: a header that is only 单位 (or 集体, 个人, 姓名) heads the
    recipients' column, as 获奖主体 does; inside another header (授予单位) it names the conferrers, who receive
    nothing."""
    text = ("岳阳市法治政府建设白皮书（2023）\n\n附件3：2023年度获得省级以上表彰情况\n"
            "序号\t单位\t荣誉称号\t授予单位\n"
            "1\t汨罗市司法局\t全国公共法律服务工作先进集体\t司法部\n"
            "2\t平江县人民法院\t全国法院先进集体\t最高人民法院\n\n"
            "序号\t姓名\t荣誉称号\n1\t华容县司法局局长刘振宇\t全省优秀司法局长\n\n"
            "| 获奖主体 | 奖项名称 | 颁发机关 |\n| 湘阴县文星镇 | 全省民主法治示范镇 | 湖南省司法厅 |\n")
    found, rels = run(nlp, text)
    assert {("汨罗市司法局", "全国公共法律服务工作先进集体"), ("平江县人民法院", "全国法院先进集体"),
            ("刘振宇", "全省优秀司法局长"), ("文星镇", "全省民主法治示范镇")} <= received(rels), rels
    assert {("全国公共法律服务工作先进集体", "司法部"), ("全国法院先进集体", "最高人民法院")} <= conferred(rels), rels
    assert not {h for h, _ in received(rels)} & {"司法部", "最高人民法院"}, rels


def test_chosen_as_a_model_and_joining_the_ranks_receive_an_honour(nlp):
    """被选树为…, 跻身…(行列): the one before receives the honour (行列 closes it, no part of its
    name); 跻身前列 names no honour."""
    text = ("邢台市2024年法治政府建设年度报告\n南和区贾宋镇郝桥村被选树为全国民主法治示范村。"
            "内丘县跻身全国法治政府建设示范地区行列。邢台市依法行政考核成绩跻身全省前列。\n")
    found, rels = run(nlp, text)
    assert ("郝桥村", "全国民主法治示范村") in received(rels)
    assert ("内丘县", "全国法治政府建设示范地区") in received(rels)
    assert found[EntityType.AWARD] == {"全国民主法治示范村", "全国法治政府建设示范地区"}, found


def test_the_lines_under_a_list_heading_hold_its_honour(nlp):
    """附件：第二批全省法治文化建设示范基地名单, then lines of places under the cities' subheadings:
    each item holds the honour (its last place: the village, not its town); a subheading counting
    the items (哈尔滨市（2个）) holds none; the list ends at a sentence; a list of the sanctioned
    (失信…名单) names no honour. The decision's bodies confer it (…，省司法厅、省民政厅决定，命名…)."""
    text = ("黑龙江省司法厅关于命名第二批全省民主法治示范村的决定\n\n经各地推荐、评审和公示，省司法厅、省民政厅决定，"
            "命名以下村为第二批全省民主法治示范村。\n\n附件：第二批全省民主法治示范村名单\n\n哈尔滨市（2个）\n"
            "道里区新发镇民主村、呼兰区康金街道永乐村\n齐齐哈尔市（1个）\n龙沙区五龙街道新华社区\n"
            "以上村将于年底前完成复核。拜泉县兴华镇长青村另行公布。\n\n附件2：失信被执行人名单\n依兰县达连河镇东升村\n")
    found, rels = run(nlp, text)
    honour = "第二批全省民主法治示范村"
    assert {h for h, t in received(rels) if t == honour} == {"民主村", "永乐村", "新华社区"}, rels
    assert conferred(rels) == {(honour, "黑龙江省司法厅"), (honour, "黑龙江省民政厅")}, rels
    assert found[EntityType.AWARD] == {honour}, found
    assert "新华社" not in found[EntityType.ORGANIZATION]


def test_creating_an_honour_as_an_aim_is_not_receiving_it(nlp):
    """推动A、B创建…, 积极创建…: an aim, no honour received; 成功创建… and a plain 创建 in a
    clause of its own (2023年，C创建…) say it was reached."""
    text = ("儋州市2023年法治政府建设年度报告\n推动那大镇、和庆镇创建全省民主法治示范镇。白马井镇积极创建全省民主法治"
            "示范镇。2023年,王五镇成功创建全省民主法治示范镇,雅星镇创建全省民主法治示范镇。\n")
    _, rels = run(nlp, text)
    assert {h for h, _ in received(rels)} == {"王五镇", "雅星镇"}, rels


def test_respectively_pairs_recipients_and_honours_in_order(nlp):
    """A、B分别获评X、Y: A got X and B got Y (not each both); without 分别, or when the counts
    differ, each recipient got every honour."""
    text = ("德州市2023年法治政府建设年度报告\n乐陵市、夏津县分别获评全省法治政府建设示范县、全省法治宣传教育先进县。"
            "武城县、平原县获评全省民主法治示范县、全省普法先进县。\n")
    _, rels = run(nlp, text)
    got = received(rels)
    assert {("乐陵市", "全省法治政府建设示范县"), ("夏津县", "全省法治宣传教育先进县")} <= got
    assert ("乐陵市", "全省法治宣传教育先进县") not in got and ("夏津县", "全省法治政府建设示范县") not in got
    assert {(c, h) for c in ("武城县", "平原县") for h in ("全省民主法治示范县", "全省普法先进县")} <= got


def test_an_honour_for_a_person_never_falls_to_the_reports_place(nlp):
    """律师王芳被评为全省优秀律师 (a person no matcher names): nobody, not the city; an honour for a
    place with no subject still is the report's place's."""
    text = ("德州市2023年法治政府建设年度报告\n律师王芳被评为全省优秀律师。荣获“全国模范司法所长”称号。"
            "2023年,获评全省法治政府建设示范市。\n")
    _, rels = run(nlp, text)
    assert received(rels) == {("德州市", "全省法治政府建设示范市")}, rels


def test_a_region_or_county_scope_makes_an_honour_as_a_province_does(nlp):
    """全区优秀县长 (an autonomous region's scope), 全县十佳调解员: honours as 全省优秀律师 is; 全区各级
    is no honour."""
    text = ("拉萨市2023年法治政府建设年度报告\n县长扎西顿珠被评为全区优秀县长,调解员王强被评为全县十佳调解员,"
            "全区各级推进。\n")
    found, rels = run(nlp, text)
    assert {("扎西顿珠", "全区优秀县长"), ("王强", "全县十佳调解员")} <= received(rels), rels
    assert found[EntityType.AWARD] == {"全区优秀县长", "全县十佳调解员"}, found


def test_a_list_of_several_kinds_of_honour_gives_each_subheading_its_own(nlp):
    """…先进集体和先进个人名单 with 一、先进集体 and 二、先进个人 under it: the bodies under the first hold
    …先进集体, the persons under the second …先进个人 (each line's person, not the body of his post);
    the joined name is no honour."""
    text = ("咸宁市2023年法治建设先进集体和先进个人名单\n\n一、先进集体（3个）\n咸安区司法局\n嘉鱼县人民法院\n"
            "崇阳县天城镇司法所\n\n二、先进个人（2名）\n刘志刚  咸安区司法局副局长\n吴海波  通山县南林桥镇党委书记\n")
    ex = extraction(nlp, text)
    got = {(h, t) for h, p, t in triples(ex) if p == "receivedAward"}
    body, person = "咸宁市2023年法治建设先进集体", "咸宁市2023年法治建设先进个人"
    assert got == {("咸安区司法局", body), ("嘉鱼县人民法院", body), ("天城镇司法所", body),
                   ("刘志刚", person), ("吴海波", person)}, got
    assert not any("和" in n for n in names_by_type(ex).get(EntityType.AWARD, ())), names_by_type(ex)


def test_a_province_or_prefecture_named_in_full_scopes_a_designation(nlp):
    """获评浙江省民主法治村, 获评宁波市民主法治村: the province or city named in full scopes the
    designation as 全省 does; 入选浙江省重点项目 (a project) and a county's name (获评宁海县民主法治村
    is scoped by no province or prefecture) are no such honour."""
    text = ("宁海县2023年法治政府建设年度报告\n东山村获评浙江省民主法治村。西店镇获评宁波市民主法治村。"
            "前童镇入选浙江省重点项目。胡陈乡获评宁海县民主法治村。\n")
    got = {(h, t) for h, p, t in triples(extraction(nlp, text)) if p == "receivedAward"}
    assert got == {("东山村", "浙江省民主法治村"), ("西店镇", "宁波市民主法治村")}, got


def test_a_province_by_its_short_name_scopes_a_rated_kind_of_body(nlp):
    """获评广西金牌调解室, 被评为浙江规范化司法所: a province's short name scopes the rating as its full
    name does: an honour, not a body named 广西金牌调解室; a county's short name does not."""
    text = ("龙胜各族自治县司法局2023年工作总结\n泗水乡周家村调解委员会获评广西金牌调解室。"
            "平安村调解室获评龙胜金牌调解室。\n")
    ex = extraction(nlp, text)
    names = names_by_type(ex)
    assert "广西金牌调解室" in names.get(EntityType.AWARD, set())
    assert "广西金牌调解室" not in names.get(EntityType.ORGANIZATION, set())
    assert "龙胜金牌调解室" not in names.get(EntityType.AWARD, set())
    got = {(h, t) for h, p, t in triples(ex) if p == "receivedAward"}
    assert ("周家村调解委员会", "广西金牌调解室") in got, got
    # 调解组织 is a kind of body rated as 调解室 is
    hubei = triples(extraction(nlp, "江岸区2023年法治政府建设年度报告\n后湖街道人民调解委员会被评为湖北省金牌调解组织。\n"))
    assert ("后湖街道人民调解委员会", "receivedAward", "湖北省金牌调解组织") in hubei, hubei


def test_an_honour_for_a_person_goes_to_no_body(nlp):
    """某律师事务所律师张伟被评为全国优秀律师: the person no matcher named gets it, not the firm before
    him; a body's own honour (全省先进集体) is still its."""
    text = ("阜阳市律师协会2023年工作报告\n安徽金亚太（阜阳）律师事务所律师张伟被评为全国优秀律师。"
            "市司法局被评为全省先进集体。\n")
    got = {(h, t) for h, p, t in triples(extraction(nlp, text)) if p == "receivedAward"}
    assert got == {("阜阳市司法局", "全省先进集体")}, got


def test_a_bodys_party_branch_is_a_body_of_its_own(nlp):
    """某律师事务所党支部被评为…先进党组织: the branch is honoured, not nobody; 党支部书记 is a post."""
    text = ("阜阳市律师协会2023年工作报告\n安徽皖北律师事务所党支部被评为全省律师行业先进党组织。"
            "市司法局党支部书记参加。\n")
    ex = extraction(nlp, text)
    assert ("安徽皖北律师事务所党支部", "receivedAward", "全省律师行业先进党组织") in triples(ex)
    assert "阜阳市司法局党支部" not in names_by_type(ex).get(EntityType.ORGANIZATION, set())


def test_honours_joined_by_he_after_a_quoted_title_pair_with_their_winners(nlp):
    """A和B分别获得“法治政府奖”和提名奖: two honours (not one named “…”和提名奖), each its winner's;
    被…评为全区“枫桥式”矛调中心: a rated kind of centre is an honour."""
    text = ("第四届“法治政府奖”揭晓\n衢州市“县乡一体”改革和湖州市“美丽湖州”法治保障项目分别获得“法治政府奖”"
            "和提名奖。临河区矛调中心被自治区党委政法委评为全区“枫桥式”矛调中心。\n")
    ex = extraction(nlp, text)
    awards = names_by_type(ex).get(EntityType.AWARD, set())
    assert {"“法治政府奖”", "提名奖", "全区“枫桥式”矛调中心"} <= awards, awards
    assert not any("和提名奖" in a for a in awards), awards
    got = {(h, t) for h, p, t in triples(ex) if p == "receivedAward"}
    assert {("“县乡一体”改革", "“法治政府奖”"), ("“美丽湖州”法治保障项目", "提名奖"),
            ("临河区矛调中心", "全区“枫桥式”矛调中心")} <= got, got
    assert ("“县乡一体”改革", "提名奖") not in got, got


def test_an_honour_and_its_years_edition_are_one(nlp):
    """授予…“全市法治建设先进集体”称号 and the list 2023年度全市法治建设先进集体和先进个人名单: one honour
    (named with its year), so its conferrers and its winners meet; a document naming two years'
    editions keeps them apart."""
    text = ("关于表彰2023年度全市法治建设先进集体和先进个人的决定\n市委、市政府决定，授予市司法局等10个单位"
            "“全市法治建设先进集体”称号。\n附件：2023年度全市法治建设先进集体和先进个人名单\n一、先进集体\n"
            "市中级人民法院\n肥城市人民检察院\n二、先进个人\n张明 市司法局副局长\n")
    ex = extraction(nlp, "泰安市" + text)
    rels = triples(ex)
    awards = names_by_type(ex).get(EntityType.AWARD, set())
    assert "“全市法治建设先进集体”" not in awards, awards
    assert ("2023年度全市法治建设先进集体", "awardedBy", "泰安市委") in rels, rels
    assert ("肥城市人民检察院", "receivedAward", "2023年度全市法治建设先进集体") in rels, rels
    two = names_by_type(extraction(nlp, "泰安市法治建设报告\n市司法局获评2022年度全市先进集体、2023年度全市先进集体，"
                                        "县司法局获评“全市先进集体”。\n")).get(EntityType.AWARD, set())
    assert {"2022年度全市先进集体", "2023年度全市先进集体"} <= two, two


def test_an_honour_named_without_its_batch_is_the_documents_one_batch_of_it(nlp):
    """大理市获评全国法治政府建设示范地区 (a heading) and …被命名为第三批全国法治政府建设示范地区: one
    honour, named with its batch; a document naming two batches (第二届, 第三届) keeps the bare one apart."""
    ex = extraction(nlp, "楚雄州2024年法治建设十大亮点\n二、楚雄市获评全国法治政府建设示范地区\n楚雄市被中央全面依法治国"
                         "委员会办公室命名为第三批全国法治政府建设示范地区。\n")
    awards = names_by_type(ex).get(EntityType.AWARD, set())
    assert awards == {"第三批全国法治政府建设示范地区"}, awards
    rels = triples(ex)
    assert ("楚雄市", "receivedAward", "第三批全国法治政府建设示范地区") in rels, rels
    two = names_by_type(extraction(nlp, "楚雄州法治建设报告\n禄丰市获评“全省法治建设先进县”。禄丰市被评为第二届"
                                        "“全省法治建设先进县”，武定县被评为第三届“全省法治建设先进县”。\n")
                        ).get(EntityType.AWARD, set())
    assert {"第二届“全省法治建设先进县”", "第三届“全省法治建设先进县”", "“全省法治建设先进县”"} <= two, two


def test_a_merit_recorded_for_a_unit_or_a_person(nlp):
    """被最高人民检察院记集体二等功, 民警张伟荣记个人三等功: a merit recorded is an honour, the one
    recording it its conferrer; 书记 and 记录 hold no cue (第一书记向明被评为… keeps its honour)."""
    text = ("楚雄彝族自治州人民检察院2023年工作报告\n州检察院第二检察部被最高人民检察院记集体二等功。"
            "县公安局民警张伟荣记个人三等功。驻村第一书记向明被评为全省优秀第一书记,调解员记录了纠纷。\n")
    rels = triples(extraction(nlp, text))
    got = {(h, t) for h, p, t in rels if p == "receivedAward"}
    assert got == {("楚雄彝族自治州人民检察院第二检察部", "集体二等功"), ("张伟", "个人三等功"),
                   ("向明", "全省优秀第一书记")}, got
    assert {(h, t) for h, p, t in rels if p == "awardedBy"} == {("集体二等功", "最高人民检察院")}, rels


def test_an_honour_named_by_its_kind_alone_is_the_documents_one_of_that_kind(nlp):
    """2.“…”项目获评示范项目 (a highlight's heading) then …被命名为全国法治政府建设示范项目: the bare kind
    is that honour; where the document names two honours of the kind (两个…先进单位) the bare one
    stays as it is, and a kind no honour of the document has (先进集体) too."""
    text = ("钦州市2023年度法治建设十大亮点\n2.“海上枫桥”项目获评示范项目。市司法局打造的“海上枫桥”项目被"
            "中央依法治国办命名为全国法治政府建设示范项目。\n3.灵山县获评先进集体。\n")
    ex = extraction(nlp, text)
    awards = names_by_type(ex).get(EntityType.AWARD, set())
    assert "示范项目" not in awards and "先进集体" in awards, awards
    assert ("“海上枫桥”项目", "receivedAward", "全国法治政府建设示范项目") in triples(ex)
    two = names_by_type(extraction(nlp, "钦州市法治建设报告\n浦北县获评先进单位。浦北县被评为全区司法行政工作"
                                        "先进单位，灵山县被评为全市法治建设先进单位。\n")).get(EntityType.AWARD, set())
    assert "先进单位" in two, two


def test_a_scope_and_a_mark_alone_name_no_honour_and_a_lists_naming_act_is_not_its_name(nlp):
    """获评全国优秀: the mark qualifies nothing named (全国优秀律师 is an honour); 公布…命名名单: the
    act names the list, the honour is the rest (…示范县, not …示范县命名)."""
    names, rels = run(nlp, "杞县2024年度法治建设亮点\n县法院葛岗人民法庭获评全国优秀。李明获评全国优秀律师。"
                           "王强被评为全市十佳。\n2024年11月，省委依法治省办公布第二批全省法治政府建设示范县命名名单，"
                           "杞县榜上有名。\n")
    awards = names.get(EntityType.AWARD, set())
    assert "全国优秀律师" in awards, awards
    assert not {"全国优秀", "全市十佳"} & awards, awards
    assert "第二批全省法治政府建设示范县" in awards, awards
    assert not any(a.endswith("命名") for a in awards), awards
    assert ("杞县", "第二批全省法治政府建设示范县") in received(rels)


def test_quoted_honours_one_after_another_and_a_plaque_conferred(nlp):
    """先后荣获“A”“B”等称号: two honours (平安县（市、区）: a kind of unit given at those levels, no
    county); 荣获由X颁发的“Y”牌匾: a plaque closes the honour, X confers it; 涌现出“A调解室”“B调解室”等
    names rooms, no honours."""
    names, rels = run(nlp, "百色市右江区司法局2024年工作总结\n右江区先后荣获“全国法治宣传教育先进区”“广西平安县（市、区）”"
                           "等称号。龙景街道荣获由自治区党委依法治区办颁发的“广西法治乡镇”牌匾。全区涌现出“老韦调解室”"
                           "“阿英调解室”等8个品牌调解室。\n")
    awards = names.get(EntityType.AWARD, set())
    assert {"“全国法治宣传教育先进区”", "“广西平安县（市、区）”", "“广西法治乡镇”"} <= awards, awards
    assert not any("调解室" in a or a.count("“") > 1 for a in awards), awards
    assert {("右江区", "“全国法治宣传教育先进区”"), ("右江区", "“广西平安县（市、区）”"),
            ("龙景街道", "“广西法治乡镇”")} <= received(rels), rels
    assert ("“广西法治乡镇”", "广西壮族自治区党委全面依法治区委员会办公室") in conferred(rels), rels
    assert "平安区" not in names.get(EntityType.PLACE, set())


def test_a_numbered_headings_work_and_a_national_organ_opening_an_honour(nlp):
    """（三）“小巷议事会”入选…: the heading's number is no part of the honoured work's name, and the
    work, not the report's place, is the recipient; 入选民政部全国社区治理典型案例: the organ
    confers the honour, which is the heading's one."""
    names, rels = run(nlp, "合肥市蜀山区2024年度法治建设十件大事\n（三）“小巷议事会”入选全国社区治理典型案例\n"
                           "三里庵街道安居苑社区“小巷议事会”入选民政部全国社区治理典型案例。\n")
    assert names.get(EntityType.AWARD) == {"全国社区治理典型案例"}, names
    assert received(rels) == {("“小巷议事会”", "全国社区治理典型案例")}, rels
    assert ("全国社区治理典型案例", "民政部") in conferred(rels), rels


def test_a_national_organ_before_an_honours_edition_confers_it(nlp):
    """入选农业农村部第三批全国乡村治理典型案例: the organ opens the name before the edition; the honour is
    the title as conferred, edition and all, and the organ its conferrer, not a part of it."""
    text = ("盐城市大丰区2023年度法治政府建设十大亮点\n"
            "西团镇“德法共治”乡村治理模式入选农业农村部第三批全国乡村治理典型案例。\n"
            "大丰区入选司法部第二批“全国公共法律服务体系建设示范区”。\n")
    ents, rels = run(nlp, text)
    assert ents.get(EntityType.AWARD, set()) == {"第三批全国乡村治理典型案例", "第二批“全国公共法律服务体系建设示范区”"}, ents
    assert {("第三批全国乡村治理典型案例", "农业农村部"),
            ("第二批“全国公共法律服务体系建设示范区”", "司法部")} <= conferred(rels), rels
    assert ("大丰区", "第二批“全国公共法律服务体系建设示范区”") in received(rels), rels
