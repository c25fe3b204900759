"""Places and their parents (lg:locatedIn) on sentences written for these tests.

Each mechanism is shown on what it must find and on what it must not: divisions from the current
table (with former names and autonomous units' abbreviations), towns and villages written under
their county, hamlets (自然村) under their village, and a parent only where the text or the
report's context makes it certain.
"""
from __future__ import annotations

from kg.model import EntityType

from .helpers import extraction, triples


def run(nlp, text):
    ex = extraction(nlp, text)
    rels = {(r.head.name, r.tail.name) for r in ex.relations if r.predicate.value == "locatedIn"}
    return ex, rels


def place_names(ex):
    return {m.key.name for m in ex.mentions if m.key.etype is EntityType.PLACE}


def place_spans(ex):
    """(start, name) of each place mention: where a place was read, not only which."""
    return {(m.start, m.key.name) for m in ex.mentions if m.key.etype is EntityType.PLACE}


def test_towns_and_villages_whose_names_are_words_where_they_are_honoured(nlp):
    """平等镇被评为…, 和平乡获评…, 平安村调解委员会被评为…: a town or village named by a word (that the
    town grammar refuses elsewhere) where it or its committee is honoured; 我们村, A等乡 name none."""
    ex, _ = run(nlp, "龙胜各族自治县司法局2023年工作总结\n平等镇被评为全区法治文化建设示范乡镇。和平乡获评"
                     "全区民主法治示范乡。平安村调解委员会被评为全区模范人民调解委员会。我们村被评为先进集体。"
                     "马堤、伟江等乡被评为先进集体。\n")
    names = place_names(ex)
    assert {"平等镇", "和平乡", "平安村"} <= names, names
    assert not any(n.startswith(("我们", "伟江等")) for n in names), names
    rels = triples(ex)
    assert ("平等镇", "receivedAward", "全区法治文化建设示范乡镇") in rels
    assert ("平安村调解委员会", "receivedAward", "全区模范人民调解委员会") in rels
    # villages listed each after its county, where only the last stands before the cue
    ex, rels = run(nlp, "黔东南州司法局2023年工作总结\n从江县占里村、榕江县大利村获评全国民主法治示范村。\n")
    assert {("占里村", "从江县"), ("大利村", "榕江县")} <= rels
    assert {("占里村", "receivedAward", "全国民主法治示范村"), ("大利村", "receivedAward", "全国民主法治示范村")} \
        <= triples(ex)
    # its committee by the short name (调委会), a community named after a village (林村社区)
    ex, _ = run(nlp, "塘厦镇司法所2023年工作总结\n林村社区调委会被评为全市优秀人民调解委员会。\n")
    assert ("林村社区调委会", "receivedAward", "全市优秀人民调解委员会") in triples(ex)


def test_zones_named_by_a_stem_of_their_own(nlp):
    """花桥经济开发区, 张家港保税区, 苏州工业园区: zones, and the committees that run them bodies; a verb
    before the name is no part of it (推动花桥经济开发区建设); a level (省级经济开发区) names none."""
    ex, _ = run(nlp, "昆山市2023年法治政府建设年度报告\n花桥经济开发区管委会推行“一站式”服务。张家港保税区管委会"
                     "获评先进集体。推动花桥经济开发区建设，全市省级经济开发区、苏州工业园区参加。\n")
    names = place_names(ex)
    assert {"花桥经济开发区", "张家港保税区", "苏州工业园区"} <= names, names
    assert not any(n.startswith(("推动", "省级", "全市")) for n in names), names
    rels = triples(ex)
    assert ("张家港保税区管委会", "receivedAward", "先进集体") in rels
    # a municipality names its zones as a city does
    ex, _ = run(nlp, "滨海新区2023年法治政府建设情况报告\n天津经济技术开发区推出“区港联动”通关服务。\n")
    assert "天津经济技术开发区" in place_names(ex)
    assert ("花桥经济开发区管委会", "implements", "“一站式”服务") in rels


def test_town_stems_closing_on_shi_or_named_after_a_road(nlp):
    """周市镇, 殿市镇 (a market town's old name) and 新阳路街道 (a street named after its road) are
    towns; 莆田市镇村两级, 城市镇村, 各市镇 are no town."""
    ex, _ = run(nlp, "莆田市2023年法治政府建设年度报告\n周市镇获评先进，殿市镇打造调解品牌，在新阳路街道推行网格化。"
                     "莆田市镇村两级联动，推进城市镇村建设，各市镇开展活动。\n")
    names = place_names(ex)
    assert {"周市镇", "殿市镇", "新阳路街道"} <= names, names
    assert not any(n in names for n in ("田市镇", "城市镇", "各市镇", "市镇")), names


def test_a_village_honoured_after_its_town(nlp):
    """多扶镇凤鸣村被评为…: the town's name opens with 多 as with a numeral (多个镇, 多数乡镇 name none),
    and the village's stem stops at the town's suffix (no 扶镇凤鸣村)."""
    ex, rels = run(nlp, "南充市2023年度法治政府建设十大典型案例\n西充县多扶镇凤鸣村被评为全国乡村治理示范村。"
                        "多个镇开展活动，多数乡镇参与，多名镇干部参加。\n")
    names = place_names(ex)
    assert {"多扶镇", "凤鸣村"} <= names, names
    assert not any(n.startswith(("多个", "多数", "多名")) or n.endswith("镇凤鸣村") for n in names), names
    assert ("凤鸣村", "多扶镇") in rels
    assert ("凤鸣村", "receivedAward", "全国乡村治理示范村") in triples(ex)
    # with its town unknown to the grammar, the village is still the one honoured
    ex, _ = run(nlp, "南充市2023年度法治政府建设十大典型案例\n多扶镇凤鸣村被评为全国乡村治理示范村。\n")
    assert ("凤鸣村", "receivedAward", "全国乡村治理示范村") in triples(ex)


def test_a_community_opening_a_clause_that_creates_a_program(nlp):
    """百步亭社区创新“居民说事”议事机制: a community named at a clause's start before a verb creating a
    program is a place, and the program is its own; a description (示范社区创建…, 城乡社区推行…) is none."""
    ex, _ = run(nlp, "江岸区2023年法治政府建设年度报告\n百步亭社区创新“居民说事”议事机制。示范社区创建取得成效，"
                     "城乡社区推行网格化管理。\n")
    names = place_names(ex)
    assert "百步亭社区" in names, names
    assert not any(n in names for n in ("示范社区", "城乡社区")), names
    assert ("百步亭社区", "implements", "“居民说事”议事机制") in triples(ex)
    # communities where a program is piloted, each of a list after 在; 各村开展…, 示范社区开展… none
    ex, _ = run(nlp, "吉阳区2023年法治政府建设工作报告\n区司法局在红沙社区、榆红社区试点“居民议事会”制度。"
                     "示范社区开展活动，城乡社区开展普法，各村开展调解。\n")
    names = place_names(ex)
    assert {"红沙社区", "榆红社区"} <= names, names
    assert not any(n.endswith(("示范社区", "城乡社区", "各村")) or "在" in n for n in names), names


def test_a_town_after_a_verb_of_directing_is_the_town_alone(nlp):
    """指导安海镇打造…, 督促磁灶镇整改: the verb (jieba tags 指导 a noun) is no part of the name."""
    ex, _ = run(nlp, "晋江市市长2023年度述法报告\n指导安海镇打造“海丝调解”品牌，督促磁灶镇整改问题。\n")
    names = place_names(ex)
    assert {"安海镇", "磁灶镇"} <= names
    assert not any(n.startswith(("指导", "督促")) for n in names), names
    assert ("安海镇", "implements", "“海丝调解”品牌") in triples(ex)


def test_a_community_whose_room_is_honoured(nlp):
    """威远社区“老街坊调解队”获评…: the community is named before its team's quoted name (no town
    before it); the team is a body of the community; 调解队伍 (its staff) names no body."""
    ex, rels = run(nlp, "中山市小榄镇2023年法治政府建设年度报告\n镇司法所打造调解驿站。兴华社区“老街坊调解队”"
                        "获评“广东省金牌调解工作室”。建立“共享”专业调解队伍。\n")
    assert "兴华社区" in place_names(ex)
    orgs = {m.key.name for m in ex.mentions if m.key.etype is EntityType.ORGANIZATION}
    assert "兴华社区“老街坊调解队”" in orgs
    assert not any("调解队伍" in o or o.startswith("“共享”") for o in orgs), orgs
    assert ("兴华社区“老街坊调解队”", "receivedAward", "“广东省金牌调解工作室”") in triples(ex)


def test_a_place_written_under_its_parents_nests_level_by_level(nlp):
    ex, rels = run(nlp, "永川区2023年法治建设工作报告\n在重庆市永川区朱沱镇松林村建成法治文化广场。\n"
                        "梅州市梅县区松口镇大黄村、兴宁市叶塘镇新群村入选示范村。\n")
    assert {("永川区", "重庆市"), ("朱沱镇", "永川区"), ("松林村", "朱沱镇")} <= rels
    assert {("松口镇", "梅县区"), ("大黄村", "松口镇"), ("叶塘镇", "兴宁市"), ("新群村", "叶塘镇")} <= rels
    # a municipality's district sits right under it: no prefecture-level 重庆市 between
    assert not any(head == "重庆市" for head, _ in rels)


def test_a_county_level_city_sits_under_its_prefecture(nlp):
    _, rels = run(nlp, "成都市2023年法治政府建设年度报告\n成都市司法局指导彭州市丹景山镇、简阳市石桥街道开展普法。\n")
    assert {("彭州市", "成都市"), ("简阳市", "成都市"), ("丹景山镇", "彭州市"), ("石桥街道", "简阳市")} <= rels
    assert ("彭州市", "四川省") not in rels


def test_former_names_are_the_current_division(nlp):
    ex, rels = run(nlp, "杭州市2016年法治政府建设情况报告\n临安市司法局与郫县司法局签订合作协议。\n")
    names = place_names(ex)
    assert {"临安区", "郫都区"} <= names and not {"临安市", "郫县"} & names
    assert ("临安区", "杭州市") in rels
    assert ("临安市司法局", "临安区") in rels or ("临安区司法局", "临安区") in rels


def test_an_autonomous_unit_named_by_its_abbreviation(nlp):
    ex, rels = run(nlp, "乐山市2023年法治政府建设年度报告\n乐山市峨边县司法局开展送法进村活动。\n")
    assert "峨边彝族自治县" in place_names(ex) and "峨边县" not in place_names(ex)
    assert ("峨边彝族自治县", "乐山市") in rels


def test_no_ancestor_the_text_does_not_write_with_a_place(nlp):
    # 峨边 is in 乐山市, which this report never names: it is not placed in 四川省
    _, rels = run(nlp, "四川省2023年法治政府建设年度报告\n省司法厅会同峨边县、旺苍县有关部门开展调研。\n")
    assert not any(head == "峨边彝族自治县" for head, _ in rels)
    # the parent the text writes before a place comes first (甘肃文县, not the report's own 陇南)
    _, rels = run(nlp, "广元市2023年法治政府建设年度报告\n广元市与甘肃省文县建立联调机制。\n")
    assert ("文县", "甘肃省") in rels


def test_a_common_word_before_a_level_is_no_county(nlp):
    ex, _ = run(nlp, "某县2023年法治政府建设年度报告\n县司法局会同县市场监管局开展联合执法检查。\n")
    assert "会同县" not in place_names(ex)
    assert not any(m.key.name.startswith("会同县") for m in ex.mentions)
    ex, rels = run(nlp, "怀化市2023年法治政府建设年度报告\n怀化市会同县司法局开展普法宣传。\n")
    assert "会同县" in place_names(ex) and ("会同县", "怀化市") in rels


def test_an_honoured_village_right_after_its_county_sits_in_it(nlp):
    """A village the honour names right after its county (no town between): a Village in that
    county; a county's word before an honour is no village (区被评为…)."""
    ex, rels = run(nlp, "赤峰市2023年法治建设报告\n红山区哈拉海村被司法部、民政部命名为“全国民主法治示范村”,"
                        "松山区被评为“全国法治政府建设示范区”。\n")
    assert ("哈拉海村", "红山区") in rels
    villages = {m.key.name for m in ex.mentions if m.subtype == "Village"}
    assert villages == {"哈拉海村"}, villages


def test_an_epithet_with_zhi_is_no_town(nlp):
    """X之乡 (the home of X) is an epithet, never a town's name; a town beside it still is one."""
    ex, rels = run(nlp, "大理白族自治州2023年法治政府建设年度报告\n剑川县聚焦“木雕之乡”特色,"
                        "甸南镇打造法治文化广场,鹤庆县被誉为银器之乡。\n")
    assert ("甸南镇", "剑川县") in rels or "甸南镇" in place_names(ex)
    assert not any(n.endswith("之乡") for n in place_names(ex)), place_names(ex)


def test_a_hamlet_sits_in_its_village(nlp):
    text = ("梅县区2023年法治政府建设年度报告\n梅县区松口镇大黄村\n大黄村立足客家文化,"
            "下辖的石坑自然村建成法治公园,全村12个自然村均设立调解小组。\n"
            "松口镇铜琶村桥头自然村设立法律服务点。\n")
    ex, rels = run(nlp, text)
    names = place_names(ex)
    assert {"石坑自然村", "桥头自然村"} <= names
    assert ("石坑自然村", "大黄村") in rels
    assert ("桥头自然村", "铜琶村") in rels
    assert not any(n.endswith("个自然村") or n == "全村12个自然村" for n in names)


def test_a_word_before_a_known_town_is_not_its_name(nlp):
    ex, rels = run(nlp, "沙湾区2023年法治政府建设年度报告\n乐山市沙湾区福禄镇建成法治广场。"
                        "来自福禄镇的村民参加法治讲座。\n")
    names = place_names(ex)
    assert "福禄镇" in names and "来自福禄镇" not in names
    assert ("福禄镇", "沙湾区") in rels


def test_a_body_sits_in_the_deepest_place_its_name_opens_with(nlp):
    _, rels = run(nlp, "沙湾区2023年法治政府建设年度报告\n乐山市沙湾区福禄镇人民政府与沙湾区司法局共建法治长廊,"
                        "福禄司法所、踏水司法所派员参加,踏水镇、新华街道同步开展。新华社记者进行了报道。\n")
    assert ("沙湾区福禄镇人民政府", "福禄镇") in rels or ("福禄镇人民政府", "福禄镇") in rels
    assert ("沙湾区司法局", "沙湾区") in rels
    # a town's name without 镇 opens a body named by its place alone
    assert ("福禄司法所", "福禄镇") in rels and ("踏水司法所", "踏水镇") in rels
    # but not a body that merely starts like a town (新华社 is no body of 新华街道)
    assert not any(head.startswith("新华社") for head, _ in rels)


def test_a_county_of_the_reports_own_city_is_placed_by_the_context(nlp):
    # a 乐山市 report that writes 四川省沙湾区 still places 沙湾区 in 乐山市 (its own city) ...
    _, rels = run(nlp, "乐山市2023年法治政府建设年度报告\n乐山市司法局指导四川省沙湾区开展普法,市县联动。\n")
    assert ("沙湾区", "乐山市") in rels and ("沙湾区", "四川省") not in rels
    # ... while a county beyond its own jurisdiction is where the text puts it
    _, rels = run(nlp, "沙湾区2023年法治政府建设年度报告\n沙湾区与四川峨眉山市建立联调机制,乐山市司法局给予指导。\n")
    assert ("峨眉山市", "四川省") in rels


def test_a_verb_before_a_town_opens_its_object_and_is_no_part_of_its_name(nlp):
    ex, rels = run(nlp, "丰城市2023年法治政府建设情况报告\n全市深化调解品牌建设，推广石滩镇“三调联动”做法。\n"
                        "县里宣传推动青岭乡普法。\n")
    names = place_names(ex)
    assert {"石滩镇", "青岭乡"} <= names
    assert not names & {"推广石滩镇", "广石滩镇", "推动青岭乡", "动青岭乡"}
    assert ("石滩镇", "丰城市") in rels


def test_a_town_named_with_a_numeral_is_a_town_but_a_count_of_towns_is_not(nlp):
    ex, rels = run(nlp, "习水县2024年法治政府建设工作报告\n习水县五里镇建成法治文化广场，在三岔乡设立调解室。\n"
                        "全县三个乡镇开展试点，培育两大特色镇，建立县乡两级联动机制。\n")
    names = place_names(ex)
    assert {"五里镇", "三岔乡"} <= names
    assert ("五里镇", "习水县") in rels
    assert not any(n.startswith(("三个", "两大", "两级", "个乡")) for n in names)


def test_a_long_name_written_for_its_sounds_is_a_town_after_its_county_or_a_break(nlp):
    ex, rels = run(nlp, "察布查尔锡伯自治县2023年法治政府建设情况报告\n察布查尔锡伯自治县纳达齐牛录乡建成调解室。"
                        "县司法局指导工作。阿克吐尔洪乡司法所获评先进。全县深入推进法治乡村建设。\n")
    names = place_names(ex)
    assert {"纳达齐牛录乡", "阿克吐尔洪乡"} <= names
    assert not any(n.endswith("推进法治乡") or n.startswith("深入") for n in names)
    # 也 is a sound in such names (依格孜也尔乡), still an adverb in a phrase (全县也在推进…乡镇)
    ex, _ = run(nlp, "叶城县2023年法治政府建设情况报告\n叶城县依格孜也尔乡司法所获评先进。全县也在推进法治乡村建设，"
                     "各地也开展法治乡镇创建。\n")
    names = place_names(ex)
    assert "依格孜也尔乡" in names, names
    assert not any("也" in n and n != "依格孜也尔乡" for n in names), names


def test_mongolian_townships_with_he_as_a_sound_and_no_township_of_two_levels(nlp):
    """伊和淖尔苏木 opening a clause: 和 is a sound of the name (伊和: great), not a joint; its 嘎查
    lies in it. 县城和青石镇 (a noun before 和) still names 青石镇 alone. 示范苏木镇 and 苏木镇干部:
    苏木 is a level as 镇 is, so they name no township."""
    ex, rels = run(nlp, "阿巴嘎旗司法局2023年工作总结\n伊和淖尔苏木巴音查干嘎查被评为民主法治示范嘎查村。"
                        "星耀镇被评为“全盟法治宣传教育示范苏木镇”。县城和青石镇开展活动，全旗苏木镇干部参加。\n")
    names = place_names(ex)
    assert {"伊和淖尔苏木", "巴音查干嘎查", "星耀镇", "青石镇"} <= names, names
    assert ("巴音查干嘎查", "伊和淖尔苏木") in rels, rels
    assert not {"淖尔苏木", "苏木镇", "城和青石镇"} & names and not any(n.endswith("示范苏木镇") for n in names), names


def test_a_town_right_after_the_reports_county_named_by_reference(nlp):
    """我区龙塔街道被…命名, 全区龙溪街道…: the district names itself, the subdistrict after it lies in
    it (and 我区龙塔街道 is no label of it); 我区各镇街, 我区乡镇干部 name none."""
    ex, rels = run(nlp, "重庆市渝北区司法局2023年工作总结\n我区龙塔街道被司法部命名为“全国民主法治示范社区”。"
                        "全区龙溪街道开展活动。我区各镇街开展活动，我区乡镇干部参加。\n")
    names = place_names(ex)
    assert {"龙塔街道", "龙溪街道"} <= names, names
    assert ("龙塔街道", "渝北区") in rels, rels
    assert not any(n.startswith(("我区", "全区", "各", "乡镇")) for n in names), names
    assert not any(v.startswith("我区") and v.endswith("街道") for m in ex.mentions for _, v in m.props)


def test_a_verb_closing_the_characters_before_a_town_word_makes_no_town(nlp):
    ex, _ = run(nlp, "余姚市法治政府建设报告\n将12项行政处罚权赋予镇政府行使，下放权限至街道。\n")
    names = place_names(ex)
    assert not any("赋予" in n for n in names)


def test_a_town_written_under_a_neighbouring_county_stays_there_when_named_alone(nlp):
    """A county's report names a town of the county across the border as 临武县武水镇, then as 武水镇
    alone: the county written with it is its parent, not the report's own; a town the text never
    writes under a county is the report's (三江镇)."""
    _, rels = run(nlp, "宜章县2023年法治建设工作报告\n宜章县三江镇与临武县武水镇共建联调室。"
                       "武水镇司法所派员参加,三江镇司法所负责值守。\n")
    assert ("武水镇", "临武县") in rels
    assert ("武水镇", "宜章县") not in rels
    assert ("三江镇", "宜章县") in rels


def test_a_lake_or_mountain_named_like_a_division_is_no_place(nlp):
    """巢湖流域, 黄山风景区: a short form followed by a basin's or a scenic area's word names the
    lake or the mountain, not 巢湖市 or 黄山市; the divisions written in full are still found."""
    text = ("合肥市2023年法治政府建设年度报告\n市生态环境局制定《巢湖流域水生态保护工作方案》,巢湖沿岸各镇推行"
            "河长制。黄山风景区游客服务中心设立调解室。巢湖市司法局开展普法。\n")
    found = place_names(run(nlp, text)[0])
    assert "巢湖市" in found
    assert "黄山市" not in found, found
    text = text.replace("巢湖市司法局", "县司法局")
    assert "巢湖市" not in place_names(run(nlp, text)[0])


def test_a_transliterated_town_after_its_banner_may_hold_a_function_character(nlp):
    """东乌珠穆沁旗嘎达布其镇巴彦乌拉嘎查: 其 is a sound in the town's name after its banner, and the
    嘎查 after the town is its village; 正镶白旗其他乡镇 names no town."""
    text = ("锡林郭勒盟2023年法治政府建设年度报告\n东乌珠穆沁旗嘎达布其镇巴彦乌拉嘎查入选全国民主法治示范村,"
            "正镶白旗其他乡镇同步推进。\n")
    ex, located = run(nlp, text)
    found = place_names(ex)
    assert {"嘎达布其镇", "巴彦乌拉嘎查"} <= found, found
    assert not any(n.startswith("其") for n in found), found
    assert ("巴彦乌拉嘎查", "嘎达布其镇") in located and ("嘎达布其镇", "东乌珠穆沁旗") in located


def test_a_town_after_a_banner_opens_where_the_banner_ends(nlp):
    """杭锦旗锡尼镇 opening a sentence: a town's stem never runs over the end of a place found
    before it (旗 is a character names hold, 红旗街道, so no rule of characters keeps 杭锦旗锡尼 out):
    the town opens after its banner, lies in it, and its village in the town."""
    text = ("鄂尔多斯市2024年法治政府建设情况报告\n杭锦旗锡尼镇开展“法律明白人”培训。"
            "准格尔旗、乌审旗嘎鲁图镇和达拉特旗树林召镇新民村人民调解委员会调处纠纷56件。\n")
    ex, located = run(nlp, text)
    found = place_names(ex)
    assert {"锡尼镇", "嘎鲁图镇", "树林召镇", "新民村"} <= found, found
    assert not any("旗" in n and n.endswith("镇") for n in found), found
    assert {("锡尼镇", "杭锦旗"), ("嘎鲁图镇", "乌审旗"), ("树林召镇", "达拉特旗"), ("新民村", "树林召镇")} <= located, located


def test_a_towns_stem_may_hold_a_character_of_a_descriptive_word(nlp):
    """光明街道, 大明湖街道, 中山街道, 文昌镇, 千佛山街道: names, though 文明, 中心 and 千万 are words of
    description or count (the words, not their characters, mark a phrase); 全国文明乡镇, 特色小镇,
    中心镇, 百强镇, 重点镇 name no town."""
    text = ("济南市2023年法治政府建设年度报告\n光明街道、大明湖街道、中山街道、文昌镇和千佛山街道开展普法。"
            "创建全国文明乡镇,打造特色小镇和中心镇,评选百强镇,扶持重点镇。\n")
    found = place_names(run(nlp, text)[0])
    assert {"光明街道", "大明湖街道", "中山街道", "文昌镇", "千佛山街道"} <= found, found
    assert not any(n.endswith(("乡镇", "小镇", "中心镇", "百强镇", "重点镇")) for n in found), found


def test_a_division_several_bear_is_the_one_under_the_place_right_before_it(nlp):
    """北京市朝阳区 in a text that names 长春市 too is Beijing's 朝阳区 (the place before it says
    which); 吉林省长春市朝阳区 is Changchun's. Each mention keeps its own code."""
    text = "全国法治政府建设典型经验汇编\n北京市朝阳区推行“朝阳群众”品牌。吉林省长春市朝阳区推行“朝阳说法”品牌。\n"
    ex = run(nlp, text)[0]
    codes = {dict(m.props).get("adminCode") for m in ex.mentions if m.key.name == "朝阳区"}
    assert codes == {"110105000000", "220104000000"}, codes


def test_a_word_the_suffix_character_opens_is_no_town(nlp):
    """群众镇定自若, 面对困难镇定应对, 父老乡亲: 镇定 and 乡亲 are words, no 群众镇 or 父老乡; a town's
    suffix before its bodies is one (九龙镇党委, 桃林乡人民政府)."""
    text = ("广州市黄埔区2023年法治政府建设情况报告\n党员和群众镇定自若,面对困难镇定应对,看望父老乡亲。"
            "九龙镇党委、桃林乡人民政府参加。\n")
    found = place_names(run(nlp, text)[0])
    assert {"九龙镇", "桃林乡"} <= found, found
    assert not {"群众镇", "困难镇", "父老乡"} & found, found


def test_he_opens_a_towns_name_or_closes_a_two_character_one(nlp):
    """和平街道, 联和街道, 永和街道, 太和镇: 和 opens a name, or closes a two-character one; between
    two nouns it joins them (在县城和青石镇: 青石镇 alone; 机关和镇政府: no town)."""
    text = ("广州市黄埔区2023年法治政府建设情况报告\n联和街道获评全省民主法治示范街道,和平街道、永和街道、太和镇参加。"
            "在县城和青石镇推行,机关和镇政府干部参加。\n")
    found = place_names(run(nlp, text)[0])
    assert {"联和街道", "和平街道", "永和街道", "太和镇", "青石镇"} <= found, found
    assert not any("和" in n for n in found - {"联和街道", "和平街道", "永和街道", "太和镇"}), found


def test_a_village_name_may_close_a_two_character_town_stem(nlp):
    """王村镇, 韩村镇, 蒋村街道 (and the community after it), 中关村街道: 村 closes a two- or
    three-character stem; 各村镇, 村镇银行, 农村镇干部, 该村镇 name no town."""
    text = ("杭州市西湖区2024年法治政府建设情况报告\n蒋村街道西溪社区获评浙江省善治示范村,王村镇、韩村镇参加。"
            "全县各村镇开展普法,齐鲁村镇银行捐款,农村镇干部参加,该村镇推进,中关村街道参加。\n")
    found = place_names(run(nlp, text)[0])
    assert {"蒋村街道", "西溪社区", "王村镇", "韩村镇", "中关村街道"} <= found, found
    assert not any(n.endswith("村镇") and n not in ("王村镇", "韩村镇") for n in found), found


def test_a_town_listed_after_a_town_may_hold_a_character_of_a_phrase(nlp):
    """群力街道、新农镇、老营乡: a stem listed after a town is a name though 新, 农, 老 open phrases
    elsewhere (新农村, 老乡镇); alone, or after a word that is no town, they still name none
    (各街道、新建乡镇, 推进新农镇 is no list)."""
    text = ("哈尔滨市道里区2023年法治政府建设情况报告\n在群力街道、新农镇、老营乡设立行政复议咨询点。"
            "全区各街道、新建乡镇均有调解室,建设新农村镇。\n")
    found = place_names(run(nlp, text)[0])
    assert {"群力街道", "新农镇", "老营乡"} <= found, found
    assert not {"新建乡", "建乡镇", "新农村镇", "农村镇"} & found, found


def test_a_new_area_named_by_a_contraction_is_a_place(nlp):
    """金普新区, 贵安新区: two characters that make no word (the places the area joins, contracted)
    and 新区 name a new area, and it, not the report's author, received the honour; 城市新区,
    建设新区 and 打造新区 are words before 新区, no name."""
    text = ("大连市司法局2023年度法治政府建设工作报告\n金普新区成功创建第三批“全国法治政府建设示范地区”。"
            "推进城市新区建设,加快建设新区,在贵安新区和月亮湖新区设立调解中心,打造国际化新区。\n")
    ex, _ = run(nlp, text)
    found = place_names(ex)
    assert {"金普新区", "贵安新区", "月亮湖新区"} <= found, found
    assert not {"城市新区", "建设新区", "快建新区", "国际化新区", "际化新区"} & found, found
    received = {(h, t) for h, p, t in triples(ex) if p == "receivedAward"}
    assert received == {("金普新区", "第三批“全国法治政府建设示范地区”")}, received


def test_an_ethnic_township_is_named_by_its_place_and_its_people(nlp):
    """文明瑶族乡, 延寿瑶族乡, 三江口瑶族镇: an ethnic group's name closing the stem makes the township
    certain, though 文明 is a word of description elsewhere; 各民族乡, 推进民族乡建设, 少数民族乡镇
    name none."""
    text = ("汝城县2023年度县长履行推进法治建设第一责任人职责述法报告\n推动文明瑶族乡司法所创建“枫桥式”司法所,"
            "在延寿瑶族乡、三江口瑶族镇开展普法。各民族乡开展调解,推进民族乡建设,关心少数民族乡镇。\n")
    found = place_names(run(nlp, text)[0])
    assert {"文明瑶族乡", "延寿瑶族乡", "三江口瑶族镇"} <= found, found
    assert not any("民族" in n for n in found), found


def test_a_cooperation_zone_is_named_by_the_run_before_its_kind(nlp):
    """横琴粤澳深度合作区, 前海深港现代服务业合作区, 临港新片区 (after the zone it lies in), 博鳌乐城…先行区,
    海口综合保税区, 平潭综合实验区 (its court its own): places of their own, the first carrying out what
    it opens a sentence with; 加强区域合作区建设, 推进建设合作区, 争创全市现代化建设先行区 (a goal),
    自由贸易试验区 (a kind), 农村改革实验区 name none."""
    text = ("珠海市2023年法治政府建设年度报告\n横琴粤澳深度合作区推行“分线管理”制度。前海深港现代服务业合作区设立"
            "仲裁中心。上海自贸区临港新片区推行改革。加强区域合作区建设,推进建设合作区。博鳌乐城国际医疗旅游先行区、"
            "海口综合保税区参加,争创全市现代化建设先行区,建设自由贸易试验区。\n")
    ex, _ = run(nlp, text)
    found = place_names(ex)
    assert {"横琴粤澳深度合作区", "前海深港现代服务业合作区", "临港新片区", "博鳌乐城国际医疗旅游先行区",
            "海口综合保税区"} <= found, found
    assert not any(n.endswith(("合作区", "先行区", "试验区")) and any(w in n for w in ("区域", "建设", "自由"))
                   for n in found), found
    assert ("横琴粤澳深度合作区", "implements", "“分线管理”制度") in triples(ex)
    ex, _ = run(nlp, "福建省2023年法治政府建设年度报告\n平潭综合实验区法院设立涉台法官工作室,宁德市争创全国农村改革实验区。\n")
    found = place_names(ex)
    assert "平潭综合实验区" in found and not any(n.endswith("实验区") and "改革" in n for n in found), found
    assert ("平潭综合实验区人民法院", "locatedIn", "平潭综合实验区") in triples(ex)


def test_a_residents_community_right_after_its_street(nlp):
    """清河街道毛纺北小区居民区: a city's residents' community (居民区) right after its street is a
    place of the village level, and it, not the street, is honoured; 居民区 after no street names
    none (全区居民区开展…)."""
    text = ("北京市海淀区2023年法治政府建设情况报告\n清河街道毛纺北小区居民区被评为北京市民主法治示范社区。"
            "全区居民区开展普法。\n")
    ex, located = run(nlp, text)
    found = place_names(ex)
    assert "毛纺北小区居民区" in found and not any(n.startswith("全区") for n in found), found
    assert ("毛纺北小区居民区", "清河街道") in located
    assert {h for h, p, _ in triples(ex) if p == "receivedAward"} == {"毛纺北小区居民区"}


def test_a_state_farm_where_it_stands_as_a_town(nlp):
    """通北镇和红星农场, 格球山农场第一管理区: township-level state farms (listed with towns, or with a
    unit of their own after them), carrying out and receiving what towns do; 发展家庭农场, 建设生态农场
    name none."""
    text = ("北安市2023年法治政府建设年度报告\n赵光镇、通北镇和红星农场推行“一站式”矛盾纠纷调处模式。"
            "格球山农场第一管理区被评为黑龙江省民主法治示范村。发展家庭农场,建设生态农场。\n")
    ex, _ = run(nlp, text)
    found = place_names(ex)
    assert {"红星农场", "格球山农场"} <= found, found
    assert not any(n.endswith("农场") and n not in ("红星农场", "格球山农场") for n in found), found
    rels = triples(ex)
    assert ("红星农场", "implements", "“一站式”矛盾纠纷调处模式") in rels
    assert ("格球山农场", "receivedAward", "黑龙江省民主法治示范村") in rels


def test_a_seat_town_named_by_its_county_and_a_list_item_with_xin_before_a_town(nlp):
    """滦平县滦平镇-style seat towns: a town whose stem is the report's own county's short name is
    a name even where jieba reads the stem as an adverb; 新 opens the first item of a list whose
    next item is a town (新集铺镇、东湖乡); a kind (重点镇) or a verb's object (新建镇、村两级) is none."""
    ex, rels = run(nlp, "正定县人民政府关于2023年度法治政府建设情况的报告\n正定镇综合行政执法队被评为全市规范执法"
                        "示范单位。县司法局在新集铺镇、东湖乡、西岗乡先行试点。推进重点镇、城关镇建设。新建镇、村两级"
                        "服务站12个。\n")
    names = place_names(ex)
    assert {"正定镇", "新集铺镇", "东湖乡", "西岗乡", "城关镇"} <= names, names
    assert not {"重点镇", "新建镇", "推进重点镇"} & names, names
    assert {("正定镇", "正定县"), ("新集铺镇", "正定县"), ("正定镇综合行政执法队", "正定镇")} <= rels
    # in another county's report the adverb's stem names no town
    ex, _ = run(nlp, "柳溪县司法局2023年工作总结\n工作正定镇静推进。\n")
    assert not any(n.endswith("镇") for n in place_names(ex)), place_names(ex)


def test_an_industrial_zone_named_by_its_stem(nlp):
    """莘庄工业区-style zones (a stem that is no common word, then 工业区) are places; 传统工业区,
    老工业区 describe, and a body after a zone named with a county's short form is the zone's."""
    ex, rels = run(nlp, "闵行区司法局2023年工作总结\n马陆工业区人民调解委员会、闵行经济技术开发区人民调解委员会"
                        "调解成功率均达98%。推进传统工业区改造，加快老工业区搬迁。\n")
    names = place_names(ex)
    assert {"马陆工业区", "闵行经济技术开发区"} <= names, names
    assert not {"传统工业区", "老工业区", "工业区"} & names, names
    orgs = {m.key.name for m in ex.mentions if m.key.etype is EntityType.ORGANIZATION}
    assert {"马陆工业区人民调解委员会", "闵行经济技术开发区人民调解委员会"} <= orgs, orgs
    assert "闵行区经济技术开发区人民调解委员会" not in orgs
    assert ("闵行经济技术开发区人民调解委员会", "闵行经济技术开发区") in rels


def test_towns_of_a_city_without_counties_and_towns_sharing_a_bodys_core(nlp):
    """In a report of a city with no counties (儋州市, 东莞市) a town named alone lies in the city;
    那大镇、木棠镇综合行政执法队: each town has its team, and each town stays a place inside it."""
    ex, rels = run(nlp, "儋州市人民政府关于2023年法治政府建设情况的报告\n那大镇、白马井镇、木棠镇综合行政执法队开展"
                        "联合检查。长坡镇、东成镇人民调解委员会化解纠纷。\n")
    assert {("那大镇", "儋州市"), ("白马井镇", "儋州市"), ("木棠镇", "儋州市"), ("长坡镇", "儋州市")} <= rels, rels
    assert {("那大镇综合行政执法队", "那大镇"), ("白马井镇综合行政执法队", "白马井镇"),
            ("木棠镇综合行政执法队", "木棠镇"), ("长坡镇人民调解委员会", "长坡镇"),
            ("东成镇人民调解委员会", "东成镇")} <= rels, rels
    # a city with counties gives a town named alone no parent
    _, rels = run(nlp, "洛阳市人民政府关于2023年法治政府建设情况的报告\n白马寺镇综合行政执法队开展检查。\n")
    assert not any(h == "白马寺镇" for h, _ in rels), rels


def test_a_village_listed_before_one_written_under_its_county_and_town(nlp):
    """栾川县A村、嵩县车村镇B村被…命名为…: the village written after its county and town is found by
    the town grammar, and the one listed before it (after its own county) is honoured too."""
    ex, rels = run(nlp, "洛阳市法治政府建设白皮书（2024年）\n栾川县石门沟村、嵩县车村镇天桥沟村被司法部、民政部"
                        "命名为“全国民主法治示范村（社区）”。\n")
    assert {("石门沟村", "栾川县"), ("天桥沟村", "车村镇"), ("车村镇", "嵩县")} <= rels, rels
    got = {h for h, p, t in triples(ex) if p == "receivedAward"}
    assert got == {"石门沟村", "天桥沟村"}, got


def test_villages_setting_up_a_body_and_a_towns_own_report(nlp):
    """在大陆村、荀山社区、安溪村设立调解工作室: villages where a body is set up are named (安溪 is a
    county's short name, no common word); 推动安溪村、新港村创建…: the verb opening the list is no part
    of its first name; in a town's own report (…区良渚街道2024年…报告) its villages lie in the town,
    and a room set up in several villages is no body of the county. 示范社区建立… names none."""
    ex, rels = run(nlp, "杭州市余杭区良渚街道2024年法治建设工作报告\n在大陆村、荀山社区、安溪村设立调解工作室。"
                        "推动石桥村、新港村创建省级民主法治村。示范社区建立工作站。\n")
    names = place_names(ex)
    assert {"大陆村", "荀山社区", "安溪村", "石桥村", "新港村"} <= names, names
    assert not any(n.startswith(("推动", "在", "示范")) for n in names), names
    assert {("大陆村", "良渚街道"), ("安溪村", "良渚街道"), ("石桥村", "良渚街道"), ("良渚街道", "余杭区")} <= rels, rels
    assert not any(m.key.etype is EntityType.ORGANIZATION and "调解工作室" in m.key.name for m in ex.mentions)
    # in the county's own report the same village lies in the county
    _, rels = run(nlp, "杭州市余杭区2024年法治政府建设工作报告\n大陆村获评全国民主法治示范村。\n")
    assert ("大陆村", "余杭区") in rels, rels


def test_a_township_after_xiang_opens_its_name(nlp):
    """推动品牌向汪甸瑶族乡、大楞乡延伸: 向 opens the name as 在 does."""
    ex, rels = run(nlp, "百色市右江区司法局2024年工作总结\n推动“壮乡调解”品牌向汪甸瑶族乡、大楞乡延伸。\n")
    assert {("汪甸瑶族乡", "右江区"), ("大楞乡", "右江区")} <= rels, rels
    assert not any(n.startswith("向") for n in place_names(ex))


def test_towns_listed_before_their_service_centres_each_have_one(nlp):
    """青义镇、吴家镇、杨家镇便民服务中心: each town keeps its service centre (the list's first towns
    had none)."""
    ex, rels = run(nlp, "绵阳市涪城区人民政府2024年法治政府建设情况报告\n青义镇、吴家镇、杨家镇便民服务中心实现"
                        "“一窗通办”。\n")
    assert {("青义镇便民服务中心", "青义镇"), ("吴家镇便民服务中心", "吴家镇"), ("杨家镇便民服务中心", "杨家镇")} <= rels, rels


def test_a_short_form_shared_by_a_city_and_its_own_county_names_the_city(nlp):
    """长沙仲裁委员会, 湘潭 in a report of their province: 长沙 names 长沙市 and its 长沙县 alike, and a
    county named after the city holding it is called by its full name, so the short form is the
    city's; 长沙县 written in full stays the county; 桃园 (a city and its district, far away) in
    先锋桃园社区 stays no place."""
    text = ("株洲市2023年法治政府建设年度报告\n长沙仲裁委员会、湘潭仲裁委员会来我市交流。长沙县司法局开展活动。"
            "建设先锋桃园社区。\n")
    ex, located = run(nlp, text)
    found = place_names(ex)
    assert {"长沙市", "湘潭市", "长沙县"} <= found and "桃园市" not in found, found
    orgs = {m.key.name for m in ex.mentions if m.key.etype is EntityType.ORGANIZATION}
    assert {"长沙市仲裁委员会", "湘潭市仲裁委员会", "长沙县司法局"} <= orgs, orgs


def test_a_street_whose_body_is_honoured_is_a_place_whatever_its_stem(nlp):
    """新阳街道人民调解委员会获评…: a street whose committee is honoured is a street though its stem
    opens with 新 (refused elsewhere: 新设街道); 示范街道, 各街道 name none."""
    ex, located = run(nlp, "南宁市西乡塘区2024年法治政府建设年度报告\n新阳街道人民调解委员会获评广西“金牌调解委员会”。"
                           "示范街道被评为先进，各街道获评先进集体。\n")
    found = place_names(ex)
    assert "新阳街道" in found and ("新阳街道", "西乡塘区") in located, (found, located)
    assert not any(n.startswith(("示范", "各")) for n in found), found
    assert ("新阳街道人民调解委员会", "receivedAward", "广西“金牌调解委员会”") in triples(ex)


def test_a_short_form_opening_a_rivers_name_is_no_place(nlp):
    """对嘉陵江滨水空间整治: 嘉陵 (short for 嘉陵区) opens the river's name, one word with 江, so no
    county is named; 嘉陵区 in full, and a short form before a word of its own (南充|河西), are places."""
    text = ("广元市利州区2023年法治政府建设工作报告\n区政府对“嘉陵江滨水空间综合整治”项目开展合法性审查。"
            "南充市嘉陵区司法局来我区交流，南充河西片区同步推进。\n")
    ex, _ = run(nlp, text)
    spans = place_spans(ex)
    river = text.index("嘉陵江")
    assert not any(s == river for s, _ in spans), spans
    assert {"嘉陵区", "南充市"} <= place_names(ex)
    assert (text.index("南充河西"), "南充市") in spans, spans


def test_a_short_form_opening_a_document_numbers_issuer_is_no_place(nlp):
    """（宜城管规〔2023〕1号）: the issuer is abbreviated in a document number (宜城 for 宜昌市城市
    管理…), so the short form of 宜城市 there is no place; 宜城市 named in full is."""
    text = ("宜昌市2023年法治政府建设年度报告\n市城管委印发《宜昌市户外广告设置管理办法》（宜城管规〔2023〕1号）。"
            "宜城市司法局来我市交流。\n")
    ex, _ = run(nlp, text)
    spans = place_spans(ex)
    number = text.index("宜城管规")
    assert not any(s == number for s, _ in spans), spans
    assert "宜城市" in place_names(ex)


def test_a_zone_named_short_is_the_one_the_report_names_in_full(nlp):
    """南沙开发区 (a short kind) in a report naming 南沙经济技术开发区: one zone, its bodies under the
    full name; a report naming no full zone keeps the short one (济宁高新区)."""
    ex, _ = run(nlp, "广州南沙经济技术开发区管委会2024年法治政府建设年度报告\n南沙开发区管委会坚持依法行政。"
                     "南沙经开区行政审批局推行改革。\n")
    names = place_names(ex)
    assert "南沙经济技术开发区" in names and not {"南沙开发区", "南沙经开区"} & names, names
    orgs = {m.key.name for m in ex.mentions if m.key.etype is EntityType.ORGANIZATION}
    assert {"南沙经济技术开发区管委会", "南沙经济技术开发区行政审批局"} <= orgs, orgs
    ex, _ = run(nlp, "济宁市司法局2023年工作总结\n济宁高新区人民法院开展调解。\n")
    assert "济宁高新区" in place_names(ex)


def test_community_names_opening_with_zhen_or_cheng_and_which_streets(nlp):
    """在开元社区、营平社区、镇海社区建立…: 镇 opens a community's name after 、 (no town's suffix),
    城南社区 is a name; 部分街道, 偏远乡镇 say which ones; 乡镇社区, 城乡社区 are kinds."""
    ex, _ = run(nlp, "厦门市思明区2024年法治政府建设工作报告\n在开元社区、营平社区、镇海社区建立法治驿站。城南社区"
                     "获评先进。部分街道法治专干配备不足，偏远乡镇覆盖不足。城乡社区建立调解室。\n")
    names = place_names(ex)
    assert {"开元社区", "营平社区", "镇海社区", "城南社区"} <= names, names
    assert not {"海社区", "部分街道", "偏远乡镇", "城乡社区", "乡镇社区"} & names, names


def test_a_village_whose_named_mechanism_is_honoured(nlp):
    """枫源村“三上三下”民主议事机制被评为…: the village before the quote and a long head is named, and
    the mechanism is its own."""
    ex, rels = run(nlp, "诸暨市枫桥镇2024年法治建设工作报告\n枫源村“三上三下”民主议事机制被评为“浙江省基层治理优秀"
                        "案例”。\n")
    assert ("枫源村", "枫桥镇") in rels, rels
    assert ("枫源村", "implements", "“三上三下”民主议事机制") in triples(ex)


def test_a_village_after_its_town_may_sound_a_function_word(nlp):
    """文星街道向阳社区被命名为…: 向 is a sound of the name 向阳 (a name in jieba's dictionary), so the
    community after its town is named and honoured; 街道向社区群众…, 镇向村民…: the preposition, no
    village."""
    ex, rels = run(nlp, "泸定县2024年法治政府建设年度报告\n文星街道向阳社区被民政部命名为“全国民主法治示范社区”。"
                        "兴隆镇向阳村调委会调解纠纷9件。\n")
    assert {("向阳社区", "文星街道"), ("向阳村", "兴隆镇")} <= rels, rels
    assert ("向阳社区", "receivedAward", "“全国民主法治示范社区”") in triples(ex)
    ex, _ = run(nlp, "泸定县2024年法治政府建设年度报告\n文星街道向社区群众发放手册，兴隆镇向村民宣讲。\n")
    names = place_names(ex)
    assert {"文星街道", "兴隆镇"} <= names and not any(n.startswith("向") for n in names), names


def test_a_suffix_closing_a_verb_of_going_to_the_countryside_makes_no_town(nlp):
    """开展送法下乡, 鼓励大学生回乡: 乡 closes a verb (下乡, 回乡), no township; written after its county
    (赣县区岭下乡) the same characters are a township's name, and 青山乡 stays one."""
    ex, rels = run(nlp, "赣州市赣县区2024年法治政府建设年度报告\n司法局深入各镇开展送法下乡，鼓励大学生回乡任职。"
                        "赣县区岭下乡司法所开展调解。在青山乡开展普法。\n")
    names = place_names(ex)
    assert {"岭下乡", "青山乡"} <= names, names
    assert not {"送法下乡", "法下乡", "大学生回乡", "学生回乡"} & names, names
    assert ("岭下乡", "赣县区") in rels, rels


def test_a_lists_first_town_may_be_named_by_a_verb(nlp):
    """解放街道、建设街道、新嘉街道: the first item is a subdistrict though 解放 is a verb, because a
    town of the list follows it; 推动街道、乡镇…, 解放思想: no town of a list follows, no town."""
    ex, rels = run(nlp, "嘉兴市南湖区2024年法治政府建设年度报告\n解放街道、建设街道、新嘉街道执法中队实现规范化。"
                        "推动街道、乡镇综合执法，解放思想。\n")
    names = place_names(ex)
    assert {"解放街道", "建设街道", "新嘉街道"} <= names, names
    assert ("解放街道", "南湖区") in rels, rels
    assert not any(n.startswith(("推动", "解放思")) for n in names), names


def test_a_street_named_after_a_road_whose_name_holds_bian(nlp):
    """宁边路街道 (a street named after 宁边路): 边, refused in a stem elsewhere (周边乡镇, 两边街道: words of
    description), is part of the road's name before 路."""
    ex, rels = run(nlp, "昌吉市司法局2024年工作总结\n深入延安北路街道、宁边路街道开展宣讲。宁边路街道调解委员会调解纠纷。"
                        "周边乡镇参与，两边街道配合。\n")
    names = place_names(ex)
    assert {"宁边路街道", "延安北路街道"} <= names, names
    assert ("宁边路街道", "昌吉市") in rels, rels
    assert not any(n.startswith(("周边", "两边", "边")) for n in names), names


def test_a_street_named_after_an_avenue(nlp):
    """小桥大街街道, 中山大街街道: a street bearing its avenue's name (街, refused in a stem elsewhere,
    closes 大街 there); 主要大街 (a word of description before 大街) and 各街道 name none."""
    ex, rels = run(nlp, "石家庄市桥西区司法局2024年工作总结\n在东里大街街道、中山大街街道设立法律服务驿站。"
                        "对主要大街街道两侧商户开展普法，各街道配合。\n")
    names = place_names(ex)
    assert {"东里大街街道", "中山大街街道"} <= names, names
    assert not any(n.startswith(("主要", "各")) or n == "大街街道" for n in names), names


def test_a_town_closing_on_cheng_before_its_own_body(nlp):
    """慈城镇综合行政执法队, 慈城镇人民调解委员会: a town's own body after it shows that 城镇 closes the
    town's name; 城镇居民, 城镇综合执法改革, 全县城镇人口 stay words."""
    ex, rels = run(nlp, "宁波市江北区2024年法治政府建设年度报告\n洪塘街道、慈城镇综合行政执法队实现联合执法。慈城镇人民调解"
                        "委员会调解纠纷。提高城镇居民收入，推进城镇综合执法改革，全县城镇人口增长。\n")
    names = place_names(ex)
    assert "慈城镇" in names and ("慈城镇", "江北区") in rels, (names, rels)
    assert not any(n.endswith("城镇") and n != "慈城镇" for n in names), names
