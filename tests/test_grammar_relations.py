"""Each relation pattern on sentences written for these tests (cities the seeds never name)."""
from __future__ import annotations

from kg.model import EntityType

from .helpers import extraction, triples


def relations(nlp, text, doc_id="t"):
    return triples(extraction(nlp, text, doc_id))


def test_passive_conferral_with_coordinated_conferrers(nlp):
    text = ("绵阳市法治建设报告\n市司法局被司法部授予全国公共法律服务工作先进集体,"
            "被省委、省政府评为全省法治政府建设先进集体。\n")
    rels = relations(nlp, text)
    assert ("绵阳市司法局", "receivedAward", "全国公共法律服务工作先进集体") in rels
    assert ("全国公共法律服务工作先进集体", "awardedBy", "司法部") in rels
    # the second clause has no subject: the recipient carries over
    assert ("绵阳市司法局", "receivedAward", "全省法治政府建设先进集体") in rels
    assert ("全省法治政府建设先进集体", "awardedBy", "四川省委") in rels
    assert ("全省法治政府建设先进集体", "awardedBy", "四川省人民政府") in rels


def test_active_conferral_names_conferrer_recipients_and_honour(nlp):
    """X命名A、B为Z: X conferred Z on A and B; 确定A为试点单位 names a pilot, not an honour."""
    text = ("绵阳市法治建设报告\n2023年8月,中央全面依法治国委员会办公室命名绵阳市、江油市为第三批全国法治政府"
            "建设示范地区。市委确定三台县为试点单位。\n")
    rels = relations(nlp, text)
    for place in ("绵阳市", "江油市"):
        assert (place, "receivedAward", "第三批全国法治政府建设示范地区") in rels
    assert ("第三批全国法治政府建设示范地区", "awardedBy", "中央全面依法治国委员会办公室") in rels
    assert not any(p == "receivedAward" and h == "三台县" for h, p, _ in rels), rels


def test_coordinated_recipients(nlp):
    text = "绵阳市法治建设报告\n江油市、安州区入选首批全省法治政府建设示范县。\n"
    rels = relations(nlp, text)
    assert ("江油市", "receivedAward", "首批全省法治政府建设示范县") in rels
    assert ("安州区", "receivedAward", "首批全省法治政府建设示范县") in rels


def test_coordinated_recipients_each_named_with_its_town(nlp):
    """A镇B村、C镇D村获评…: both villages; the towns only say where they lie."""
    text = ("榆林市法治建设报告\n横山区白界镇清泉村、塔湾镇五龙山村获评陕西省民主法治示范村。\n"
            "达拉特旗树林召镇、王爱召镇被命名为全区法治文化建设示范镇。\n")
    rels = relations(nlp, text)
    assert ("清泉村", "receivedAward", "陕西省民主法治示范村") in rels
    assert ("五龙山村", "receivedAward", "陕西省民主法治示范村") in rels
    for town in ("白界镇", "塔湾镇", "横山区"):
        assert (town, "receivedAward", "陕西省民主法治示范村") not in rels
    assert ("树林召镇", "receivedAward", "全区法治文化建设示范镇") in rels
    assert ("王爱召镇", "receivedAward", "全区法治文化建设示范镇") in rels
    assert ("达拉特旗", "receivedAward", "全区法治文化建设示范镇") not in rels


def test_honours_listed_with_the_people_who_won_them(nlp):
    text = ("绵阳市法治建设报告\n队伍建设成效明显,涌现出全国优秀人民调解员、涪城区司法所长陈建国,"
            "全国模范司法所长、游仙区司法局干警周丽华等一批先进典型。\n")
    rels = relations(nlp, text)
    assert ("陈建国", "receivedAward", "全国优秀人民调解员") in rels
    assert ("周丽华", "receivedAward", "全国模范司法所长") in rels


def test_subject_carries_the_program_and_the_document_actor_fills_in(nlp):
    text = ("连州市司法局2023年工作总结\n连州市司法局打造“连心调”调解品牌。"
            "推行“一村一法律顾问”制度,覆盖全部村居。\n")
    rels = relations(nlp, text)
    assert ("连州市司法局", "implements", "“连心调”调解品牌") in rels
    # no subject in the second sentence: the report's author carries it out
    assert ("连州市司法局", "implements", "“一村一法律顾问”制度") in rels


def test_a_clause_with_its_own_subject_speaks_for_it(nlp):
    """开展…，A、B联合建立X: the clause's own subjects carry X out, not the report's author."""
    text = ("绵阳市司法局2023年工作总结\n开展“双随机、一公开”监管,三台县、盐亭县联合建立“两县一体”执法协作机制,"
            "推行“首违不罚”清单。\n")
    rels = relations(nlp, text)
    assert ("三台县", "implements", "“两县一体”执法协作机制") in rels
    assert ("盐亭县", "implements", "“两县一体”执法协作机制") in rels
    assert ("绵阳市司法局", "implements", "“两县一体”执法协作机制") not in rels
    # a later clause without a subject keeps the sentence's (here: none, so the report's author)
    assert ("绵阳市司法局", "implements", "“首违不罚”") in rels


def test_a_body_joined_by_lianhe_carries_it_out_too(nlp):
    text = "绵阳市司法局2023年工作总结\n市司法局联合市总工会开展“尊法守法·携手筑梦”公益法律服务行动。\n"
    rels = relations(nlp, text)
    for body in ("绵阳市司法局", "绵阳市总工会"):
        assert (body, "implements", "“尊法守法·携手筑梦”公益法律服务行动") in rels


def test_places_designated_as_pilots_implement(nlp):
    text = ("绵阳市法治建设报告\n在全市推行“诉源治理”模式,确定江油市、三台县为试点单位。\n")
    rels = relations(nlp, text)
    assert ("江油市", "implements", "“诉源治理”模式") in rels
    assert ("三台县", "implements", "“诉源治理”模式") in rels


def test_a_setting_is_not_an_actor(nlp):
    text = "绵阳市法治建设报告\n市司法局在全省率先推出“法治体检”服务。\n"
    rels = relations(nlp, text)
    assert ("绵阳市司法局", "implements", "“法治体检”服务") in rels
    assert not any(h == "四川省" and p == "implements" for h, p, _ in rels)


def test_issuing_body_of_a_chain_of_titles(nlp):
    text = ("绵阳市法治建设报告\n市司法局编制《行政执法文书范本》《合法性审查工作指引》等操作手册。"
            "市委、市政府印发《关于加强法治乡村建设的意见》。\n")
    rels = relations(nlp, text)
    assert ("行政执法文书范本", "issuedBy", "绵阳市司法局") in rels
    assert ("合法性审查工作指引", "issuedBy", "绵阳市司法局") in rels
    assert ("关于加强法治乡村建设的意见", "issuedBy", "绵阳市委") in rels
    assert ("关于加强法治乡村建设的意见", "issuedBy", "绵阳市人民政府") in rels


def test_a_body_whose_meeting_closes_the_clause_passed_what_the_next_one_opens_by_passing(nlp):
    """区司法局召开区委全面依法治区委员会第二次会议，审议通过《A》和《B》: the committee whose meeting it
    was passed both, not the bureau that convened it; 区政府召开第12次常务会议，审议通过《C》 names no
    body at its meeting, so its subject did; 召开座谈会，印发《D》: the subject's own act."""
    text = ("商洛市商州区司法局2024年工作总结\n区司法局召开区委全面依法治区委员会第二次会议，审议通过《商州区法治督察办法》"
            "和《商州区法治宣传教育办法》。区政府召开第12次常务会议，审议通过《商州区行政执法公示办法》。"
            "区司法局召开座谈会，印发《商州区人民调解工作规范》。\n")
    rels = {(h, t) for h, p, t in relations(nlp, text) if p == "issuedBy"}
    assert {("商州区法治督察办法", "商州区委全面依法治区委员会"), ("商州区法治宣传教育办法", "商州区委全面依法治区委员会"),
            ("商州区行政执法公示办法", "商州区人民政府"), ("商州区人民调解工作规范", "商州区司法局")} <= rels, rels
    assert not {("商州区法治督察办法", "商州区司法局"), ("商州区法治宣传教育办法", "商州区司法局")} & rels, rels


def test_an_issuing_verb_inside_a_title_is_its_issuers_act(nlp):
    """贯彻《…关于印发〈X〉的通知》: 印发 inside the title is the notice's issuer's, so the body carrying the
    notice out implements X and did not make it; 区政府印发《Y》 is the subject's own act."""
    text = ("张家界市永定区人民政府2023年法治政府建设报告\n区政府认真贯彻《中共中央 国务院关于印发〈法治政府建设实施纲要"
            "（2021－2025年）〉的通知》精神。区政府印发《永定区行政执法公示办法》。\n")
    rels = relations(nlp, text)
    assert ("永定区人民政府", "implements", "法治政府建设实施纲要（2021－2025年）") in rels, rels
    assert ("法治政府建设实施纲要（2021－2025年）", "issuedBy", "永定区人民政府") not in rels, rels
    assert ("永定区行政执法公示办法", "issuedBy", "永定区人民政府") in rels, rels


def test_a_body_that_approved_what_the_subject_issues_made_nothing(nlp):
    """区委依法治区办报经区委同意后印发《X》: the office issued X, the committee that approved it did not;
    区司法局推动区政府出台《Y》: the government there made Y."""
    text = ("鹤壁市淇滨区2023年法治政府建设情况报告\n区委依法治区办报经区委同意后印发《淇滨区法治督察工作办法》。"
            "区司法局推动区政府出台《淇滨区人民调解办法》。\n")
    rels = {(h, t) for h, p, t in relations(nlp, text) if p == "issuedBy"}
    assert ("淇滨区法治督察工作办法", "淇滨区委全面依法治区委员会办公室") in rels, rels
    assert ("淇滨区法治督察工作办法", "淇滨区委") not in rels, rels
    assert ("淇滨区人民调解办法", "淇滨区人民政府") in rels, rels


def test_implementing_a_law_needs_a_verb(nlp):
    text = "绵阳市法治建设报告\n绵阳市认真贯彻实施《中华人民共和国行政复议法》。《四川日报》刊发了《绵阳法治观察》专题文章。\n"
    rels = relations(nlp, text)
    assert ("绵阳市", "implements", "中华人民共和国行政复议法") in rels


def test_this_instrument_made_by_a_body_names_the_one_before(nlp):
    """该条例由市人大常委会审议通过: the council passed the regulation named last; 该方案 names
    no 条例."""
    text = ("绵阳市法治建设十件大事\n《绵阳市养犬管理条例》正式施行。该条例由市人大常委会审议通过,"
            "该方案由市政府印发。\n")
    rels = relations(nlp, text)
    assert ("绵阳市养犬管理条例", "issuedBy", "绵阳市人大常委会") in rels
    assert not any(p == "issuedBy" and t == "绵阳市人民政府" for _, p, t in rels), rels
    # 两部法规经X审议通过: the two titles named last, not a third before them
    counted = relations(nlp, "绵阳市司法局2023年工作总结\n修订《绵阳市市容管理办法》。完成《绵阳市湿地保护条例》"
                             "《绵阳市城市绿化条例》立法审查，两部法规经市人大常委会审议通过后报省人大常委会批准。\n")
    for title in ("绵阳市湿地保护条例", "绵阳市城市绿化条例"):
        assert (title, "issuedBy", "绵阳市人大常委会") in counted, counted
    assert ("绵阳市市容管理办法", "issuedBy", "绵阳市人大常委会") not in counted, counted


def test_table_rows_give_issued_by(nlp):
    text = ("连州市规范性文件目录\n序号 | 文件名称 | 文号 | 登记号 | 制定单位 |\n"
            "1 | 关于印发《连州市农村供水管理办法》的通知 | 连府〔2023〕3号 | LZ-2023-001 | 连州市人民政府 |\n"
            "2 | 连州市民政局关于规范殡葬服务收费的通知 | 连民〔2023〕9号 | LZ-2023-002 | 连州市民政局 |\n")
    rels = relations(nlp, text)
    assert ("连州市农村供水管理办法", "issuedBy", "连州市人民政府") in rels
    assert ("连州市民政局关于规范殡葬服务收费的通知", "issuedBy", "连州市民政局") in rels


def test_a_markdown_tables_rule_is_no_row(nlp):
    """| --- | --- | under a Markdown table's header names no instrument; the rows under it do."""
    text = ("兰山区2023年法治政府建设情况报告\n附件：规范性文件目录\n| 序号 | 文件名称 | 文号 | 制定单位 |\n"
            "| --- | :---: | --- | --- |\n| 1 | 兰山区城市管理办法 | 兰山政发〔2023〕1号 | 区政府 |\n")
    ex = extraction(nlp, text)
    regs = {m.key.name for m in ex.mentions if m.key.etype == EntityType.REGULATION}
    assert regs == {"兰山区城市管理办法"}, regs
    assert ("兰山区城市管理办法", "issuedBy", "兰山区人民政府") in triples(ex)


def test_table_issuers_named_by_level_word_take_the_document_place(nlp):
    text = ("连州市2023年法治政府建设年度报告\n附件：行政规范性文件制定情况表\n序号 | 文件名称 | 制定单位\n"
            "1 | 连州市农村宅基地管理办法 | 市自然资源局\n2 | 连州市殡葬管理实施细则 | 市民政局\n")
    rels = relations(nlp, text)
    assert ("连州市农村宅基地管理办法", "issuedBy", "连州市自然资源局") in rels
    assert ("连州市殡葬管理实施细则", "issuedBy", "连州市民政局") in rels
    # a 地区's and an autonomous region's own level words, in a cell listing several bodies
    area = relations(nlp, "和田地区2023年法治政府建设白皮书\n附件：规范性文件目录\n序号\t文件名称\t发文机关\n"
                          "1\t和田地区农村供水管理办法\t地区行署办公室、地区水利局、自治区水利厅\n")
    for body in ("和田地区行政公署办公室", "和田地区水利局", "新疆维吾尔自治区水利厅"):
        assert ("和田地区农村供水管理办法", "issuedBy", body) in area, area


def test_an_issuer_cell_listing_several_bodies_gives_each_of_them(nlp):
    """市自然资源和规划局、市农业农村局 in one cell: both issued it (和 joins a name's fields, it
    lists no second body); the pair is no body of its own."""
    text = ("株洲市人民政府2023年度规范性文件目录\n序号\t文件名称\t制定机关\t文号\n"
            "1\t关于加强农村宅基地管理的实施意见\t株洲市自然资源和规划局、株洲市农业农村局\t株自然资规〔2023〕2号\n"
            "2\t株洲市政府投资项目管理办法\t株洲市发展和改革委员会\t株发改发〔2023〕9号\n")
    ex = extraction(nlp, text)
    made = {(h, t) for h, p, t in triples(ex) if p == "issuedBy"}
    assert made == {("关于加强农村宅基地管理的实施意见", "株洲市自然资源和规划局"),
                    ("关于加强农村宅基地管理的实施意见", "株洲市农业农村局"),
                    ("株洲市政府投资项目管理办法", "株洲市发展和改革委员会")}, made
    assert not any("、" in m.key.name for m in ex.mentions), [m.key.name for m in ex.mentions]


def test_a_bureau_short_name_in_the_issuer_column_is_the_bureau_named_in_full(nlp):
    """退役军人局 in the issuer column, 退役军人事务局 in a title: one bureau; a bureau whose short
    name the document never pairs with a full one keeps its name (市数据局 alone)."""
    text = ("兴义市规范性文件目录\n序号 | 文件名称 | 文号 | 制定单位 |\n"
            "1 | 兴义市退役军人事务局关于优待烈士遗属的通知 | 兴退役发〔2023〕2号 | 兴义市退役军人局 |\n"
            "2 | 兴义市政务数据共享实施细则 | 兴数〔2023〕1号 | 兴义市数据局 |\n")
    rels = relations(nlp, text)
    assert ("兴义市退役军人事务局关于优待烈士遗属的通知", "issuedBy", "兴义市退役军人事务局") in rels
    assert ("兴义市政务数据共享实施细则", "issuedBy", "兴义市数据局") in rels
    assert not any(t == "兴义市退役军人局" for _, _, t in rels), rels


def test_a_table_pasted_from_a_spreadsheet_has_tab_separated_cells(nlp):
    text = ("附件：兴义市2023年行政规范性文件目录\n\n序号\t文件名称\t制发机关\t文号\n"
            "1\t兴义市人民政府关于印发兴义市城市管理办法的通知\t兴义市人民政府\t兴府发〔2023〕12号\n"
            "2\t兴义市民政局关于规范殡葬服务收费的通知\t兴义市民政局\t兴民〔2023〕5号\n")
    rels = relations(nlp, text)
    assert ("兴义市城市管理办法", "issuedBy", "兴义市人民政府") in rels
    assert ("兴义市民政局关于规范殡葬服务收费的通知", "issuedBy", "兴义市民政局") in rels
    # the row number and the document number are no part of any name
    assert not any(h.startswith("1") or t.endswith("号") for h, _, t in rels)


def test_located_in_from_prefix_and_gazetteer(nlp):
    text = ("连州市2023年法治政府建设年度报告\n连州市司法局与湖南省江华县司法局建立联调机制,"
            "清远市委政法委给予指导,连州市东陂镇司法所参与。\n")
    rels = relations(nlp, text)
    assert ("连州市司法局", "locatedIn", "连州市") in rels
    # the official name (江华瑶族自治县), under the nearest ancestor the text names (not 永州市)
    assert ("江华瑶族自治县", "locatedIn", "湖南省") in rels
    assert ("江华瑶族自治县司法局", "locatedIn", "江华瑶族自治县") in rels
    assert ("东陂镇", "locatedIn", "连州市") in rels
    assert ("连州市", "locatedIn", "清远市") in rels


def test_press_conference_answers_speak_for_the_speakers_body(nlp):
    text = ("绵阳市“法治绵阳”新闻发布会\n"
            "四川日报记者\n请介绍公共法律服务情况。\n"
            "李国华\n市司法局党委书记、局长\n"
            "近年来,我们持续推进公共法律服务体系建设。推出“天府法律通”服务平台,覆盖全部乡镇。\n")
    rels = relations(nlp, text)
    assert ("绵阳市司法局", "implements", "“天府法律通”服务平台") in rels


def test_an_answer_speaks_for_its_named_subject_or_else_for_the_report(nlp):
    text = ("绵阳市“法治绵阳”新闻发布会\n"
            "四川日报记者\n请介绍依法行政情况。\n"
            "李国华\n市委依法治市办副主任\n"
            "近年来,市司法局全面推进依法行政。推行“阳光执法”工作法,覆盖全部部门。\n"
            "绵阳日报记者\n请介绍调解工作。\n"
            "李国华\n市委依法治市办副主任\n"
            "近年来,积极推进人民调解。打造“和顺”调解品牌,化解纠纷3000件。\n")
    rels = relations(nlp, text)
    assert ("绵阳市司法局", "implements", "“阳光执法”工作法") in rels
    # no subject in the answer: the report's place, not the speaker's position line
    assert ("绵阳市", "implements", "“和顺”调解品牌") in rels
    assert not any(h == "绵阳市委依法治市办" and p == "implements" for h, p, _ in rels), rels


def test_one_of_several_honours_and_nominations(nlp):
    text = ("绵阳市法治建设报告\n绵阳市被全国普法办确定为全国“八五”普法6个法治文化建设联系点之一。"
            "市法治宣传教育中心被推荐为全省“法治宣传教育基地”。\n")
    rels = relations(nlp, text)
    assert ("绵阳市", "receivedAward", "全国“八五”普法法治文化建设联系点") in rels
    assert ("全国“八五”普法法治文化建设联系点", "awardedBy", "全国普法办") in rels
    # a nomination names the honour but does not confer it
    assert not any(t == "全省“法治宣传教育基地”" for _, p, t in rels if p == "receivedAward"), rels


# ---- issuedBy: agreements, prompting verbs, passing after the body, the author --------------

def test_parties_of_an_agreement_make_it_and_are_bound_by_it(nlp):
    text = ("汉中市2023年法治建设情况\n"
            "活动现场,汉台区人民法院与勉县人民法院签订《汉江流域环境资源审判协作协议》,推动跨区域司法协作。\n")
    rels = relations(nlp, text)
    for court in ("汉台区人民法院", "勉县人民法院"):
        assert ("汉江流域环境资源审判协作协议", "issuedBy", court) in rels
        assert (court, "implements", "汉江流域环境资源审判协作协议") in rels
    # 会签 (countersigning) makes parties too, and with no subject the report's author is one of
    # them, with the bodies named after 与
    text = ("汉台区人民检察院2023年工作报告\n二、做优公益诉讼。与区生态环境分局、区城市管理局会签《关于建立生态"
            "保护协作机制的意见》。\n")
    rels = relations(nlp, text)
    for body in ("汉台区人民检察院", "汉台区生态环境分局", "汉台区城市管理局"):
        assert ("关于建立生态保护协作机制的意见", "issuedBy", body) in rels, rels


def test_a_body_prompting_an_instrument_does_not_issue_it(nlp):
    text = ("2023年,汉中市司法局认真履职,推动全市法治建设。\n"
            "市司法局提请制定颁布《汉中市城市绿化条例》,推动修订《汉中市市容管理办法》。\n")
    rels = relations(nlp, text)
    assert not any(p == "issuedBy" for _, p, _ in rels)


def test_a_body_reviewing_an_instrument_does_not_issue_it(nlp):
    """《…》经市司法局备案审查通过: the bureau reviewed the town's rule; a government's meeting passing
    one (经镇政府常务会议审议通过) did make it, and 镇政府 is the town's 人民政府."""
    text = ("中山市小榄镇2023年法治政府建设年度报告\n全年审查镇政府规范性文件6件，其中《小榄镇集体资产交易"
            "管理办法》经市司法局备案审查通过，《小榄镇物业管理办法》经镇政府常务会议审议通过。\n")
    rels = relations(nlp, text)
    assert not any(h == "小榄镇集体资产交易管理办法" and p == "issuedBy" for h, p, _ in rels), rels
    assert ("小榄镇物业管理办法", "issuedBy", "小榄镇人民政府") in rels


def test_the_body_whose_act_an_instrument_is_published_as_issues_it(nlp):
    """《…规定》以市政府令形式公布, 以市政府规章形式颁布, 以市委、市政府名义印发: the body after 以 whose
    act's form the verb follows made it; 以问题为导向修订 (no body, no form of an act) names none."""
    text = ("株洲市2024年法治政府建设情况报告\n《株洲市行政规范性文件管理规定》以市政府令形式公布。"
            "《株洲市养犬管理办法》以市政府规章形式颁布实施，《株洲市法治政府建设实施方案》以市委、市政府名义印发。"
            "《株洲市物业管理办法》以问题为导向修订。\n")
    rels = relations(nlp, text)
    assert ("株洲市行政规范性文件管理规定", "issuedBy", "株洲市人民政府") in rels, rels
    assert ("株洲市养犬管理办法", "issuedBy", "株洲市人民政府") in rels, rels
    assert {("株洲市法治政府建设实施方案", "issuedBy", b) for b in ("株洲市人民政府", "株洲市委")} <= rels, rels
    assert not any(h == "株洲市物业管理办法" and p == "issuedBy" for h, p, _ in rels), rels


def test_a_government_publishes_its_rules_and_a_congress_makes_its_decisions(nlp):
    """市政府以市政府令形式公布《…办法》, 市人大常委会作出《关于…的决定》: 公布 and 作出 issue the title
    after them; 作出部署 before a title another body issued (市委作出部署，市政府印发《…》) gives the
    first body none."""
    text = ("邛崃市2024年法治政府建设年度报告\n市政府以市政府令形式公布《邛崃市城市绿化管理办法》。市人大常委会"
            "作出《关于加强生态环境保护的决定》。市委作出部署，市司法局印发《邛崃市法律顾问工作规则》。\n")
    rels = relations(nlp, text)
    assert ("邛崃市城市绿化管理办法", "issuedBy", "邛崃市人民政府") in rels, rels
    assert ("关于加强生态环境保护的决定", "issuedBy", "邛崃市人大常委会") in rels, rels
    assert ("邛崃市法律顾问工作规则", "issuedBy", "邛崃市司法局") in rels, rels
    assert ("邛崃市法律顾问工作规则", "issuedBy", "邛崃市委") not in rels, rels


def test_a_body_the_subject_acts_with_makes_the_title_with_it(nlp):
    """我局制定《A》，联合市公安局印发《B》: B is the bureau's and the police's (the police only were its
    maker); 市司法局联合市公安局、市法院印发《C》: all three; 推动市政府印发《D》: the government's alone."""
    text = ("烟台市市场监督管理局2023年法治政府建设情况报告\n我局制定出台《烟台市市场监管行政处罚裁量基准》，"
            "联合市公安局印发《关于加强食品安全行刑衔接工作的意见》。市司法局联合市公安局、市法院印发《烟台市调解办法》。"
            "市司法局推动市政府印发《烟台市河道管理办法》。\n")
    made = {(h, t) for h, p, t in relations(nlp, text) if p == "issuedBy"}
    assert {("关于加强食品安全行刑衔接工作的意见", "烟台市市场监督管理局"),
            ("关于加强食品安全行刑衔接工作的意见", "烟台市公安局")} <= made, made
    assert {("烟台市调解办法", b) for b in ("烟台市司法局", "烟台市公安局", "烟台市中级人民法院")} <= made, made
    assert {t for h, t in made if h == "烟台市河道管理办法"} == {"烟台市人民政府"}, made


def test_a_body_passing_a_draft_named_before_it(nlp):
    text = ("2023年,汉中市司法局认真履职,推动全市法治建设。\n"
            "完成《汉中市养犬管理条例(草案)》立法审查和市人大常委会审议通过。\n")
    rels = relations(nlp, text)
    assert ("汉中市养犬管理条例(草案)", "issuedBy", "汉中市人大常委会") in rels
    assert ("汉中市养犬管理条例(草案)", "issuedBy", "汉中市司法局") not in rels


def test_every_body_listed_after_huitong_acts_too(nlp):
    """区司法局会同区公安分局、区法院建立…: the bodies the subject acts with, each of them; a body in
    the next clause does not."""
    text = ("江北区2023年法治政府建设情况报告\n区司法局会同区公安分局、区法院建立“警调诉”对接机制,"
            "区检察院参与会商。\n")
    rels = relations(nlp, text)
    for body in ("江北区司法局", "江北区公安分局", "江北区人民法院"):
        assert (body, "implements", "“警调诉”对接机制") in rels, rels
    assert ("江北区人民检察院", "implements", "“警调诉”对接机制") not in rels


def test_a_place_right_before_a_body_says_where_the_body_is_and_the_body_acts(nlp):
    text = ("杭州市2023年法治政府建设年度报告\n西湖区北山街道办事处推行“街巷议事”机制,"
            "浙江省桐庐县推广“共享法庭”模式。\n")
    rels = relations(nlp, text)
    assert ("北山街道办事处", "implements", "“街巷议事”机制") in rels
    assert ("西湖区", "implements", "“街巷议事”机制") not in rels
    assert ("桐庐县", "implements", "“共享法庭”模式") in rels  # a chain of places names its last


def test_a_clause_opening_with_its_maker_passed_the_title_before_it(nlp):
    """制定《X》，经市人大常委会审议通过: a clause that opens with 经/由 and its maker is about the
    title the clause before named; a clause with another opening is not."""
    text = ("泉州市2023年法治政府建设年度报告\n市发展和改革委员会牵头制定《泉州市优化营商环境条例》,"
            "经市人大常委会审议通过。起草《泉州市养犬管理条例》,同时市人大常委会审议通过。"
            "起草《泉州市法治政府建设实施方案》,经市委常委会审议通过后印发实施。\n")
    rels = relations(nlp, text)
    assert ("泉州市优化营商环境条例", "issuedBy", "泉州市人大常委会") in rels
    assert ("泉州市法治政府建设实施方案", "issuedBy", "泉州市委常委会") in rels  # (…通过后印发)
    assert ("泉州市养犬管理条例", "issuedBy", "泉州市人大常委会") not in rels


def test_subjectless_issuing_in_a_bureaus_own_report_is_the_bureaus(nlp):
    text = ("2023年,九江市司法局在市委、市政府的坚强领导下,扎实履职,取得较好成效。\n"
            "一是加强统筹。印发《九江市2023年法治政府建设工作要点》,推动各项任务落实。\n")
    rels = relations(nlp, text)
    assert ("九江市2023年法治政府建设工作要点", "issuedBy", "九江市司法局") in rels


def test_an_author_helping_a_body_issue_an_instrument_is_not_its_issuer(nlp):
    """协助/推动市政府出台《…》: the body before the verb made it; the author, who helped or pushed,
    neither issued it nor carries it out by that verb."""
    text = ("2023年,九江市司法局在市委、市政府的坚强领导下,扎实履职,取得较好成效。\n"
            "一是协助市政府出台《九江市重大行政决策程序实施办法》,审查文件23件。"
            "推动市政府出台《九江市法治政府建设考核办法》。\n")
    rels = relations(nlp, text)
    for title in ("九江市重大行政决策程序实施办法", "九江市法治政府建设考核办法"):
        assert (title, "issuedBy", "九江市人民政府") in rels
        assert (title, "issuedBy", "九江市司法局") not in rels
        assert ("九江市司法局", "implements", title) not in rels


def test_subjectless_issuing_in_a_places_piece_names_no_issuer(nlp):
    # the title names the city, not a body: which of its bodies issued it, the text does not say
    text = ("2023年九江市法治建设十大亮点\n"
            "刚刚过去的2023年,九江市司法局认真履职,为全市高质量发展提供法治保障。\n"
            "印发《九江市行政执法规范用语指引》,规范执法行为。\n")
    rels = relations(nlp, text)
    assert not any(p == "issuedBy" for _, p, _ in rels)


def test_the_object_of_a_causative_verb_is_no_subject(nlp):
    # 推动A、B创建…: the report's author pushed them; the sentence's program is not theirs
    text = ("2023年,宜宾市司法局认真履职,推动全市法治建设。\n"
            "推动翠屏区、南溪区成功创建全省法治政府建设示范地区,打造“金沙调解”品牌。\n")
    rels = relations(nlp, text)
    doers = {h for h, p, t in rels if p == "implements" and "金沙调解" in t}
    assert doers == {"宜宾市司法局"}


# ---- implements: a body or place after a verb in its clause is that verb's object ----------

def test_a_body_set_up_by_the_clause_is_not_its_subject(nlp):
    """成立了…中心,创新探索…制度: the centre is what was set up; the report's author carries
    the system out. A centre opening its own clause is its subject (the near miss)."""
    text = ("2023年,遵义市司法局认真履职,推动全市法治建设。\n"
            "成立了全省首家市级行政复议咨询中心,创新探索行政复议案件繁简分流制度。\n"
            "市行政复议咨询中心推行“复议直通车”工作法。\n")
    rels = relations(nlp, text)
    assert ("遵义市司法局", "implements", "行政复议案件繁简分流制度") in rels
    assert not any(h.endswith("咨询中心") and "繁简分流" in t for h, p, t in rels if p == "implements"), rels
    assert ("遵义市行政复议咨询中心", "implements", "“复议直通车”工作法") in rels


def test_a_place_relied_on_is_not_the_builder(nlp):
    """依托某镇“…”打造“…”: the town lends its site; the report's author builds the park."""
    text = ("2023年,岳阳县司法局认真履职,推动全县法治建设。\n"
            "依托筻口镇“洞庭渔村”打造“渔家法治长廊”,被推荐为全省法治文化建设示范点。\n")
    rels = relations(nlp, text)
    assert ("岳阳县司法局", "implements", "“渔家法治长廊”") in rels
    assert ("筻口镇", "implements", "“渔家法治长廊”") not in rels


def test_a_whole_jurisdiction_before_a_quote_is_a_scope_not_an_owner(nlp):
    """承接全省“…”试点项目: 全省 says the project's scope; the city bureau takes it on. A named
    place right before its own brand (某县“…”), or 我市“…”, still owns it (the near misses)."""
    text = ("2023年,岳阳市司法局认真履职,推动全市法治建设。\n"
            "承接全省“数字普法”建设试点项目,创新打造岳阳市智慧普法平台。\n"
            "推广华容县“万事好商量”调解品牌,擦亮我市“巴陵和事佬”调解品牌。\n")
    rels = relations(nlp, text)
    assert ("岳阳市司法局", "implements", "“数字普法”建设试点项目") in rels
    assert not any(h == "湖南省" and p == "implements" for h, p, _ in rels), rels
    assert ("华容县", "implements", "“万事好商量”调解品牌") in rels
    assert ("岳阳市", "implements", "“巴陵和事佬”调解品牌") in rels  # 我市“…”: the city's own


def test_a_speaker_with_several_posts_speaks_for_the_body_he_heads(nlp):
    """A deputy post on one position line and the head of a body on the next: 我们 in the answer
    is the body he heads. With a deputy post alone, 我们 is that body (the near miss)."""
    text = ("洛阳市“法治洛阳”新闻发布会\n"
            "河南日报记者\n请介绍行政执法监督情况。\n"
            "赵建华\n市委依法治市办副主任\n市司法局党委书记、局长\n"
            "近年来,我们持续加强行政执法监督。推行“执法监督码”工作法,覆盖全部执法部门。\n"
            "洛阳日报记者\n请介绍普法工作。\n"
            "钱立新\n市委依法治市办副主任\n"
            "近年来,我们扎实推进全民普法。打造“河洛普法”宣传品牌,受众超百万人次。\n")
    rels = relations(nlp, text)
    assert ("洛阳市司法局", "implements", "“执法监督码”工作法") in rels
    assert ("洛阳市委全面依法治市委员会办公室", "implements", "“执法监督码”工作法") not in rels
    assert ("洛阳市委全面依法治市委员会办公室", "implements", "“河洛普法”宣传品牌") in rels


def test_coordinated_places_named_with_their_province_are_the_counties(nlp):
    """A、B省C县、D省E县共同签署《…》: each chain of places names its county, not the province."""
    text = ("2023年,永城市司法局认真履职,推动全市法治建设。\n"
            "永城市与夏邑县、安徽省砀山县、江苏省丰县共同签署《苏豫皖四县跨界联调合作协议》。\n")
    rels = relations(nlp, text)
    for county in ("永城市", "夏邑县", "砀山县", "丰县"):
        assert (county, "implements", "苏豫皖四县跨界联调合作协议") in rels
    assert not any(h in ("安徽省", "江苏省") for h, p, _ in rels if p == "implements"), rels


def test_bodies_acting_with_the_unnamed_subject(nlp):
    """与X联合举办…, 会同X建立…: X carries out what the first clause names, with the report's
    author; not what later clauses name, and not after a bare 与X + verb (与X对接: X is the
    other side) — the near misses."""
    text = ("2023年,甘肃省司法厅认真履职,推动全省法治建设。\n"
            "与省委宣传部联合举办“陇原法治讲堂”专题培训班,开展“宪法进万家”主题宣传活动。\n"
            "会同省高级人民法院建立“府院联动”工作机制。与省总工会对接“劳动维权”工作机制。\n")
    rels = relations(nlp, text)
    assert ("甘肃省委宣传部", "implements", "“陇原法治讲堂”") in rels
    assert ("甘肃省司法厅", "implements", "“陇原法治讲堂”") in rels
    assert ("甘肃省委宣传部", "implements", "“宪法进万家”主题宣传活动") not in rels
    assert ("甘肃省高级人民法院", "implements", "“府院联动”工作机制") in rels
    assert not any(h == "甘肃省总工会" for h, p, _ in rels if p == "implements"), rels
    # 联合X opening the sentence after a heading, or a later clause: X is a partner, not the subject
    text = ("甘肃省司法厅2023年工作总结\n三、法治宣传。联合省教育厅开展“护苗”行动。"
            "受理诉求1.7万件，联合省市民热线中心推出“陇原快答”服务，逐一答疑。\n")
    rels = relations(nlp, text)
    for body in ("甘肃省司法厅", "甘肃省教育厅"):
        assert (body, "implements", "“护苗”行动") in rels, rels
    for body in ("甘肃省司法厅", "甘肃省市民热线中心"):
        assert (body, "implements", "“陇原快答”服务") in rels, rels


def test_the_parties_listed_in_parentheses_after_a_joint_mechanism(nlp):
    """“…联调机制”(A县和B县、C省D县): the parenthesis lists the mechanism's parties. Near misses:
    a parenthesis saying something else (试行, a count of towns) names no party."""
    text = ("2023年,永城市司法局坚持以习近平新时代中国特色社会主义思想为指导,认真履行职责,"
            "推动全市法治建设取得新成效。\n"
            "跨省共建的“四县边界联调机制”(永城市和夏邑县、安徽省砀山县、江苏省丰县)运行良好。"
            "推行“诉源治理”模式(试行)。建立“邻里说事”工作机制(覆盖砀山县12个乡镇)。\n")
    rels = relations(nlp, text)
    for county in ("永城市", "夏邑县", "砀山县", "丰县"):
        assert (county, "implements", "“四县边界联调机制”") in rels
    assert not any(h in ("安徽省", "江苏省") for h, p, _ in rels if p == "implements"), rels
    assert not any(h == "砀山县" and "邻里说事" in t for h, p, t in rels), rels


def test_the_verb_before_a_long_list_of_instruments_governs_each(nlp):
    """建立A清单、B清单、C清单: every member of the list is carried out, however far from the verb
    (the window of a verb is counted from the list's start); a prompting verb before the list
    (研究制定) still makes none of them the subject's."""
    text = ("永城市司法局2023年工作总结\n"
            "建立领导干部学法用法工作责任清单、党政主要负责人履行法治建设第一责任人职责工作清单、"
            "镇街全面依法治理委员会及办公室工作清单,压实责任。\n"
            "研究制定《永城市公共法律服务体系建设实施意见》《永城市“十四五”法律援助事业发展规划》"
            "《永城市基本公共法律服务实施标准(2023—2025年)》。\n")
    rels = relations(nlp, text)
    for title in ("领导干部学法用法工作责任清单", "党政主要负责人履行法治建设第一责任人职责工作清单",
                  "镇街全面依法治理委员会及办公室工作清单"):
        assert ("永城市司法局", "implements", title) in rels
    assert not any(p == "implements" and "公共法律服务" in t for _, p, t in rels), rels


def test_a_body_promoting_what_the_sentence_names_takes_it_up(nlp):
    """被司法部刊发推广, 得到省司法厅认可并推广: the body after 被/得到 promotes what the sentence
    names before it. Near misses: a publication of a body (最高人民法院简报) and the media report
    it, they promote nothing."""
    text = ("宜昌市司法局2023年工作总结\n"
            "“夷陵智矫”系统、《社区矫正风险评估指引》等做法,被司法部刊发推广。"
            "推行“三峡调解”模式,得到省司法厅认可并推广。"
            "“长江法治驿站”被最高人民法院简报、《法治日报》等刊载推广。"
            "“峡江普法”品牌得到湖北日报等媒体推广报道。\n")
    rels = relations(nlp, text)
    assert ("司法部", "implements", "“夷陵智矫”系统") in rels
    assert ("司法部", "implements", "社区矫正风险评估指引") in rels
    assert ("湖北省司法厅", "implements", "“三峡调解”模式") in rels
    assert not any(h in ("最高人民法院", "法治日报", "湖北日报") for h, p, _ in rels if p == "implements"), rels


def test_a_verb_of_carrying_out_after_the_title(nlp):
    """把《…》细化分解 (the disposal construction) and 《…》实施以来,某县… carry the instrument out.
    Near misses: 将《…》纳入立法计划 plans to make it; 《…》实施以来 with no actor in the sentence
    says when, not who."""
    text = ("永城市司法局2023年工作总结\n"
            "在全省率先把《法治政府建设督察工作规定》细化分解为40项指标。"
            "将《永城市农贸市场管理办法》纳入立法计划。"
            "《河南省法治宣传教育条例》实施以来,永城市坚持以人民为中心,推动普法工作。"
            "《中华人民共和国民法典》实施以来,累计办理案件300件。\n")
    rels = relations(nlp, text)
    assert ("永城市司法局", "implements", "法治政府建设督察工作规定") in rels
    assert ("永城市", "implements", "河南省法治宣传教育条例") in rels
    assert not any(p == "implements" and t in ("永城市农贸市场管理办法", "中华人民共和国民法典")
                   for _, p, t in rels), rels


def test_a_program_in_an_honours_name_or_an_anniversary_is_not_carried_out(nlp):
    """获评全国新时代“枫桥经验”先进典型: the program names the honour's topic; 是“八八战略”实施20周年:
    it dates the year. The near miss: the same program after a verb of carrying out is carried out."""
    text = ("岱山县司法局2023年工作总结\n"
            "2023年是“千万工程”实施20周年,是推广“海岛枫桥”30周年。"
            "衢山镇海上纠纷化解“三步”工作法获评全国新时代“枫桥经验”先进典型。"
            "深入推广“海岛枫桥”工作机制,化解纠纷300件。\n")
    rels = relations(nlp, text)
    assert not any(p == "implements" and "千万工程" in t for _, p, t in rels), rels
    assert not any(p == "implements" and "枫桥经验" in t for _, p, t in rels), rels
    assert ("衢山镇", "implements", "海上纠纷化解“三步”工作法") in rels
    assert ("岱山县司法局", "implements", "“海岛枫桥”工作机制") in rels


def test_the_one_made_to_act_by_rang_is_no_subject(nlp):
    """让X中心…与“…”机制深度融合: 让 makes the centre act; the report's author is who carries the
    mechanism out. The near miss: the centre opening its own sentence is its subject."""
    text = ("永城市司法局2023年工作总结\n"
            "让永城市矛盾纠纷调处化解中心与“四县联调”工作机制深度融合。"
            "永城市矛盾纠纷调处化解中心推行“一站式”调解模式。\n")
    rels = relations(nlp, text)
    doers = {h for h, p, t in rels if p == "implements" and "四县联调" in t}
    assert doers == {"永城市司法局"}, rels
    assert ("永城市矛盾纠纷调处化解中心", "implements", "“一站式”调解模式") in rels


def test_a_medium_joined_by_lianhe_is_a_partner(nlp):
    """市司法局联合市广播电视台打造《…》栏目: the medium makes the column with the bureau. The near
    miss: a medium listed after the bureau (市司法局、某日报) is no co-subject."""
    text = ("南平市司法局2023年工作总结\n"
            "市司法局联合市广播电视台打造了《武夷说法》栏目。"
            "市司法局、闽北日报推出“法润武夷”普法品牌。\n")
    rels = relations(nlp, text)
    assert ("南平市广播电视台", "implements", "《武夷说法》栏目") in rels
    assert ("南平市司法局", "implements", "《武夷说法》栏目") in rels
    assert not any(h == "闽北日报" for h, p, _ in rels if p == "implements"), rels


def test_a_heading_naming_a_program_is_carried_out_by_the_paragraph_under_it(nlp):
    """A heading line naming a program states the topic of the paragraph under it, whose opening
    subject carries it out. Near miss: a paragraph without a subject leaves the heading's program
    to the report's actor."""
    text = ("2023年南阳市法治建设十大亮点\n\n亮点一\n\n“府院联动”工作机制破解行政争议难题\n\n"
            "市委依法治市办和市中级人民法院密切协作,推动行政争议实质性化解。\n\n"
            "亮点二\n\n“宛城说法”栏目开播\n\n围绕普法主题,制作节目48期。\n")
    rels = relations(nlp, text)
    assert ("南阳市委全面依法治市委员会办公室", "implements", "“府院联动”") in rels
    assert ("南阳市中级人民法院", "implements", "“府院联动”") in rels
    assert ("南阳市", "implements", "“府院联动”") not in rels
    assert ("南阳市", "implements", "“宛城说法”") in rels


def test_a_later_clause_promoting_what_the_sentence_named(nlp):
    """制定…制度,省司法厅发文在全省推广: the province's department, opening a clause that ends in 推广,
    takes up what the clauses before it name. Near miss: a body that 推广s something named after
    the verb promotes that, not what came before."""
    text = ("宜昌市司法局2023年工作总结\n"
            "制定重大行政决策合法性审查白皮书制度,省司法厅发文在全省推广。"
            "全面推行“三峡调解”多元化解模式,省司法厅在全省推广“荆楚普法”品牌。\n")
    rels = relations(nlp, text)
    assert ("湖北省司法厅", "implements", "重大行政决策合法性审查白皮书制度") in rels
    assert ("宜昌市司法局", "implements", "重大行政决策合法性审查白皮书制度") in rels
    assert not any(h == "湖北省司法厅" and "三峡调解" in t for h, p, t in rels), rels


def test_an_instrument_made_and_carried_out_by_one_body(nlp):
    """制定并实施《…》: 并 joins a verb of carrying out to the issuing verb; the body that made the
    instrument carries it out too. Made only (印发《…》), it is no implementer; prompted by the
    body (推动制定并实施), another body made it."""
    text = ("南平市司法局2023年工作总结\n制定并实施《南平市行政执法案卷评查办法》,全年评查案卷300件。"
            "市政府印发《南平市行政复议听证规则》。市政府出台并落实《南平市重大行政决策程序规定》。"
            "推动制定并实施《南平市公共法律服务促进条例》。\n")
    rels = relations(nlp, text)
    assert ("南平市行政执法案卷评查办法", "issuedBy", "南平市司法局") in rels
    assert ("南平市司法局", "implements", "南平市行政执法案卷评查办法") in rels
    assert ("南平市行政复议听证规则", "issuedBy", "南平市人民政府") in rels
    assert ("南平市人民政府", "implements", "南平市行政复议听证规则") not in rels
    assert ("南平市重大行政决策程序规定", "issuedBy", "南平市人民政府") in rels
    assert ("南平市人民政府", "implements", "南平市重大行政决策程序规定") in rels
    assert not any(h == "南平市公共法律服务促进条例" and p == "issuedBy" for h, p, _ in rels), rels


def test_a_body_handing_down_an_instrument_issued_it_but_forwarding_is_not_issuing(nlp):
    """市政府下发《…通知》: 下发 issues an instrument to the bodies below; 转发 passes on another
    body's instrument."""
    text = ("钦州市2023年法治政府建设年度报告\n市政府下发《钦州市行政执法公示办法》。"
            "市司法局转发《广西壮族自治区行政复议听证规则》。\n")
    rels = relations(nlp, text)
    assert ("钦州市行政执法公示办法", "issuedBy", "钦州市人民政府") in rels
    assert not any(p == "issuedBy" and t == "钦州市司法局" for _, p, t in rels), rels


def test_an_issuing_verb_before_a_title_that_names_its_issuer_is_that_issuers_act(nlp):
    """制定《县政府办公室关于…的通知》 in a county's report: the body the title opens with made it,
    so the county does not carry it out by that verb; 贯彻《…》 still says the county carries one out."""
    text = ("榕江县2023年法治政府建设年度报告\n制定《榕江县人民政府办公室关于公布重大行政决策事项目录的通知》。"
            "贯彻《榕江县人民政府关于加强行政规范性文件管理的意见》。\n")
    rels = relations(nlp, text)
    notice = "榕江县人民政府办公室关于公布重大行政决策事项目录的通知"
    assert (notice, "issuedBy", "榕江县人民政府办公室") in rels
    assert ("榕江县", "implements", notice) not in rels
    assert ("榕江县", "implements", "榕江县人民政府关于加强行政规范性文件管理的意见") in rels


def test_bodies_acting_with_the_author_issue_the_instrument_with_it(nlp):
    """会同A、B印发《…》 in a bureau's report: the bureau and the bodies it acts with each issued the
    instrument (none of them carries it out by issuing it); 会同A开展… still makes A a partner in
    carrying out a program."""
    text = ("自贡市司法局2023年工作总结\n会同市财政局、市人社局印发《自贡市法律援助经费管理办法》。"
            "会同市妇联开展“法护巾帼”行动。\n")
    rels = relations(nlp, text)
    for body in ("自贡市司法局", "自贡市财政局", "自贡市人社局"):
        assert ("自贡市法律援助经费管理办法", "issuedBy", body) in rels, rels
        assert (body, "implements", "自贡市法律援助经费管理办法") not in rels
    assert ("自贡市妇联", "implements", "“法护巾帼”行动") in rels


def test_bodies_named_after_the_title_by_you_or_jing_issued_it(nlp):
    """《…》由A、B联合印发, 《…》于…经A审议通过: the bodies after 由/经 that an issuing verb follows
    made it, each; a body that only reviewed it (经市司法局合法性审查) or approved it before another
    issued it (经市委审定后由市政府印发) is no issuer by this rule."""
    text = ("宜宾市2023年法治政府建设年度报告\n《宜宾市法治督察工作办法》由市委办公室、市政府办公室联合印发。"
            "《宜宾市养犬管理规定》于2023年3月经市政府常务会议审议通过。"
            "《宜宾市行政复议办法》经市委审定后由市政府印发。《宜宾市物业管理办法》经市司法局合法性审查。\n")
    rels = relations(nlp, text)
    assert ("宜宾市法治督察工作办法", "issuedBy", "宜宾市委办公室") in rels
    assert ("宜宾市法治督察工作办法", "issuedBy", "宜宾市人民政府办公室") in rels
    assert ("宜宾市养犬管理规定", "issuedBy", "宜宾市人民政府") in rels
    assert ("宜宾市行政复议办法", "issuedBy", "宜宾市委") not in rels
    assert not any(h == "宜宾市物业管理办法" and p == "issuedBy" for h, p, _ in rels), rels


def test_a_body_after_yi_is_the_means_not_the_subject(nlp):
    """以X为依托/以X为试点: 以 governs the body as a means or a setting; the sentence's subject is
    the one the report leaves unnamed (its actor), not X."""
    text = ("曲靖市2023年法治政府建设年度报告\n以麒麟区政务服务中心为依托,推行“一窗通办”模式。"
            "以沾益区特色产业为试点,探索“监管+服务”机制。麒麟区司法局推行“枫桥式”调解模式。\n")
    rels = relations(nlp, text)
    assert ("曲靖市", "implements", "“一窗通办”模式") in rels
    assert ("曲靖市", "implements", "“监管+服务”机制") in rels
    assert not any(h in ("麒麟区政务服务中心", "沾益区") and p == "implements" for h, p, _ in rels), rels
    assert ("麒麟区司法局", "implements", "“枫桥式”调解模式") in rels  # (a body opening its sentence)


def test_a_bureau_titled_after_its_city_is_the_reports_actor(nlp):
    """宁波市鄞州区司法局…工作总结: the city only says where the bureau is; the bureau is the
    author, and carries out what the report's sentences leave without a subject (not the
    district, and not a body that opens a clause further down)."""
    text = ("宁波市鄞州区司法局2023年工作总结\n\n2023年，区司法局坚持以人民为中心，围绕区委、区政府中心工作，"
            "扎实推进各项工作。\n一、公共法律服务\n依托“鄞律通”平台提供法律咨询。姜山镇公共法律服务中心被评为"
            "全省公共法律服务示范点。\n深化“和事姐”调解品牌建设。\n")
    rels = relations(nlp, text)
    carried = {(h, t) for h, p, t in rels if p == "implements"}
    assert {h for h, t in carried if "鄞律通" in t} == {"鄞州区司法局"}, rels
    assert {h for h, _ in carried} == {"鄞州区司法局"}, rels


def test_a_short_opening_paragraph_of_several_clauses_names_the_author(nlp):
    """A first paragraph of several clauses opening with the bureau names the author, however
    short; a one-clause photo caption does not."""
    text = ("鄞州区2023年普法工作总结\n\n区总工会在文化广场开展普法宣传活动。\n\n2023年，区司法局坚持依法治区，"
            "守正创新，扎实推进普法工作。\n一、宣传阵地\n姜山镇公共法律服务中心打造“姜山法苑”法治文化公园，"
            "全年接待群众参观学习两万余人次，开展法治讲座六十余场，成为全区普法教育的重要阵地。\n")
    ex = extraction(nlp, text)
    assert ex.context.author == "鄞州区司法局"


def test_coordinated_rooms_each_receive_the_honour_and_keep_their_own_brand(nlp):
    """甲县“…”调解工作室、乙县“…调解室”被…命名为…: both rooms are honoured; the brand in the first
    room's name is that room's, not the second's."""
    text = ("阜阳市2023年法治政府建设年度报告\n阜阳市司法局\n颍上县“和为贵”调解工作室、临泉县“老支书调解室”"
            "被省司法厅命名为全省金牌调解室。\n")
    rels = relations(nlp, text)
    for room in ("颍上县“和为贵”调解工作室", "临泉县“老支书调解室”"):
        assert (room, "receivedAward", "全省金牌调解室") in rels
    assert {h for h, p, t in rels if p == "implements" and t == "“和为贵”"} == {"颍上县“和为贵”调解工作室"}, rels


def test_a_room_opening_a_later_clause_keeps_its_brand_from_the_sentences_subject(nlp):
    """鹭江街道推行…，开元街道“老兵”调解工作室获评…: the room opening the later clause holds the brand
    in its name, so it is the room's, not the sentence's first subject's; a quote that closes a
    room's name (莲前街道“老李调解室”) is the room's name, no brand of anyone's."""
    text = ("厦门市思明区2023年法治政府建设年度报告\n鹭江街道推行“近邻”治理模式,开元街道“老兵”调解工作室"
            "获评全省金牌调解工作室,莲前街道“老李调解室”获评全省优秀调解组织。\n")
    rels = relations(nlp, text)
    assert {h for h, p, t in rels if p == "implements" and t == "“老兵”"} == {"开元街道“老兵”调解工作室"}, rels
    assert ("鹭江街道", "implements", "“近邻”治理模式") in rels
    assert not any(t == "“老李调解室”" for _, _, t in rels), rels
    assert ("莲前街道“老李调解室”", "receivedAward", "全省优秀调解组织") in rels


def test_a_room_under_a_chain_of_places_is_coordinated_with_the_room_before_it(nlp):
    """萍乡市“老杨调解室”、上饶市广丰区“调解联盟”入选…: the second room is written under its city and
    county, and both rooms are selected; the first room carries no brand of the second."""
    text = ("江西省司法厅2023年度全省司法行政工作十大亮点\n萍乡市“老杨调解室”、上饶市广丰区“调解联盟”"
            "入选全国新时代“枫桥经验”优秀案例。\n")
    rels = relations(nlp, text)
    award = "全国新时代“枫桥经验”优秀案例"
    assert {h for h, p, t in rels if p == "receivedAward"} == {"萍乡市“老杨调解室”", "广丰区“调解联盟”"}, rels
    assert not any(h == "萍乡市“老杨调解室”" for h, p, _ in rels if p == "implements"), rels
    assert ("广丰区“调解联盟”", "receivedAward", award) in rels


def test_a_demonstrative_practice_refers_back_to_the_one_whose_sentence_opened_with_it(nlp):
    """溧阳市依托…平台推动…。该做法入选…: the county whose sentence opened with it is honoured (not
    the report's city); 这一经验被…推广 is no honour."""
    text = ("常州市2023年度法治政府建设十大典型案例\n案例一：基层治理数字化\n溧阳市依托“一网统管”平台,"
            "整合热线资源,推动基层治理数字化转型。该做法入选江苏省法治政府建设示范项目。\n"
            "常州市司法局推行“龙城调解”品牌。这一经验被省司法厅推广。\n")
    ex = extraction(nlp, text)
    rels = triples(ex)
    assert {(h, t) for h, p, t in rels if p == "receivedAward"} == {("溧阳市", "江苏省法治政府建设示范项目")}, rels


def test_a_demonstrative_and_a_programs_head_word_refer_back_to_the_program(nlp):
    """…创新“楼院议事厅”基层治理模式，该模式入选…: the model is honoured (not the street, not the
    report's district); 这一机制 after a program of another head (品牌) refers to none; with no
    program of its head, 该模式 is still the practice of the place its sentence opened with."""
    text = ("西宁市城西区2024年法治建设十大亮点\n亮点三：胜利路街道创新“楼院议事厅”基层治理模式，"
            "该模式入选全省“枫桥式”工作法典型案例。\n"
            "亮点四：区司法局打造“高原红”调解品牌，这一机制被评为全省司法行政改革创新案例。\n"
            "通海县依托网格员推行矛盾纠纷分级化解。该模式入选全省社会治理创新案例。\n")
    rels = triples(extraction(nlp, text))
    honoured = {(h, t) for h, p, t in rels if p == "receivedAward"}
    assert ("“楼院议事厅”基层治理模式", "全省“枫桥式”工作法典型案例") in honoured, rels
    assert not any(t == "全省“枫桥式”工作法典型案例" and h != "“楼院议事厅”基层治理模式" for h, t in honoured)
    assert not any(h == "“高原红”调解品牌" for h, _ in honoured), rels
    assert ("通海县", "全省社会治理创新案例") in honoured, rels


def test_a_demonstrative_refers_back_to_the_last_body_or_division_of_its_kind(nlp):
    """该街道被评为…, 该局荣获…: the street, the bureau the paragraph named last (not the report's
    city, not another kind named in between); 应该区分, 该区域 are no references; 该X is no name."""
    text = ("宿州市2023年法治政府建设年度报告\n埇桥区道东街道推行“法律明白人+网格”工作模式,"
            "该街道被评为全国民主法治示范社区。\n砀山县司法局与县法院推出“梨乡调解”品牌,"
            "该局荣获全省人民调解工作先进集体。应该区分不同情形,该区域内推行“网格吹哨”机制。\n"
            "萧县司法局局长介绍,该县创新推行“三级联调”工作机制。\n")
    ex = extraction(nlp, text)
    rels = triples(ex)
    # a county named inside its bureau's name is one too
    assert {h for h, p, t in rels if p == "implements" and "三级联调" in t} == {"萧县"}, rels
    assert ("道东街道", "receivedAward", "全国民主法治示范社区") in rels
    assert ("砀山县司法局", "receivedAward", "全省人民调解工作先进集体") in rels
    received = {h for h, p, _ in rels if p == "receivedAward"}
    assert received == {"道东街道", "砀山县司法局"}, rels
    assert not any(m.surface.startswith("该") for m in ex.mentions)


def test_a_two_column_table_from_a_spreadsheet_has_one_tab_per_row(nlp):
    """文件名称<tab>制定单位: a row of two cells holds a single tab; running text indented by a tab
    is no row."""
    text = ("兴义市2023年行政规范性文件目录\n\n文件名称\t制定单位\n兴义市城市绿化管理办法\t兴义市人民政府\n\n"
            "\t市政府出台《兴义市夜间经济管理规定》。\n")
    rels = relations(nlp, text)
    assert ("兴义市城市绿化管理办法", "issuedBy", "兴义市人民政府") in rels
    assert ("兴义市夜间经济管理规定", "issuedBy", "兴义市人民政府") in rels


def test_a_news_article_is_its_outlets_and_the_outlet_carries_nothing_out(nlp):
    """新华网…电: the dateline's outlet wrote the article (its author, a medium whatever its name
    ends with); what the article leaves without a subject is the place's it reports on."""
    text = ("“石榴籽”调解品牌扎根边疆\n\n新华网伊宁5月18日电（记者 马丽）近日，霍城县推行“石榴籽”调解品牌，"
            "成效明显。\n创新推出“三级联调”工作机制。\n")
    ex = extraction(nlp, text)
    assert ex.context.author == "新华网"
    rels = triples(ex)
    assert {h for h, p, _ in rels if p == "implements"} == {"霍城县"}, rels
    media = {m.key.name for m in ex.mentions if m.subtype == "MediaOrganization"}
    assert media == {"新华网"}


def test_titles_enumerated_after_a_counted_making_are_made_by_its_subject(nlp):
    """市政府制定规章2部，分别是《A》和《B》: both made (issuedBy) by the subject, neither carried
    out by it; 审查规范性文件12件，包括《C》 reviews, it makes nothing."""
    text = ("开封市2023年法治政府建设年度报告\n2023年,市政府共制定规章2部,分别是《开封市城市绿化管理办法》和"
            "《开封市停车场管理办法》。市司法局审查规范性文件12件,包括《开封市夜市管理规定》。\n")
    rels = relations(nlp, text)
    made = {(h, t) for h, p, t in rels if p == "issuedBy"}
    assert made == {("开封市城市绿化管理办法", "开封市人民政府"), ("开封市停车场管理办法", "开封市人民政府")}, rels
    assert not any(p == "implements" for _, p, _ in rels), rels


def test_an_enumeration_after_a_later_clause_goes_on_that_clause(nlp):
    """提请…审议草案3件，市政府出台规章2件，分别为《A》和《B》: the enumeration goes on the clause
    counting them, so 市政府 made both (not the report's author, whose clause opens the
    sentence)."""
    text = ("大连市司法局2023年度法治政府建设工作报告\n提请市人大常委会审议地方性法规草案3件,市政府出台政府规章2件,"
            "分别为《大连市河道管理办法》和《大连市停车场管理规定》。\n")
    rels = relations(nlp, text)
    made = {(h, t) for h, p, t in rels if p == "issuedBy"}
    assert made == {("大连市河道管理办法", "大连市人民政府"), ("大连市停车场管理规定", "大连市人民政府")}, rels
    # 其中 names some of what was counted
    text = ("江西省司法厅2023年度全省司法行政工作十大亮点\n全年提请省人大常委会审议法规草案8件,省政府制定规章6件,"
            "其中《江西省行政执法证件管理办法》为全国首部。\n")
    made = {(h, t) for h, p, t in relations(nlp, text) if p == "issuedBy"}
    assert made == {("江西省行政执法证件管理办法", "江西省人民政府")}, made
    # a government's own report tells of its place's work: what it makes without a subject is
    # its own; a bureau's report of its place's work does not make the bureau the maker
    own = ("湖南省人民政府关于2023年度法治政府建设情况的报告\n提请省人大常委会审议草案8件，制定规章2部，"
           "分别为《湖南省行政执法监督办法》《湖南省地方标准管理办法》。\n")
    made = {(h, t) for h, p, t in relations(nlp, own) if p == "issuedBy"}
    assert made == {("湖南省行政执法监督办法", "湖南省人民政府"), ("湖南省地方标准管理办法", "湖南省人民政府")}, made


def test_the_bodies_a_causative_verb_makes_act_carry_the_program_out(nlp):
    """指导A开展“…”, 推动A、B全面推行…: A (and B) carry it out; a body only named in a phrase
    (指导A司法局的“…”活动: no verb after it) does not."""
    text = ("常德市2023年法治政府建设年度报告\n市司法局指导汉寿县开展“法治汉寿”建设。推动澧县、临澧县全面推行"
            "“首违不罚”清单制度。市司法局指导桃源县司法局的“法律进村”活动。\n")
    rels = relations(nlp, text)
    assert ("汉寿县", "implements", "“法治汉寿”") in rels
    for county in ("澧县", "临澧县"):
        assert (county, "implements", "“首违不罚”清单制度") in rels
    assert not any(h == "桃源县司法局" for h, p, _ in rels if p == "implements"), rels
    # an adverb of two characters between the bodies and the verb (联合推出)
    joint = relations(nlp, "常德市市长2023年度述法报告\n推动市司法局、市市场监督管理局联合推出“德护企”法律服务品牌。\n")
    for body in ("常德市司法局", "常德市市场监督管理局"):
        assert (body, "implements", "“德护企”法律服务品牌") in joint, joint


def test_the_bodies_after_you_that_carry_a_program_out(nlp):
    """“…”模式由X负责实施, …品牌，由A、B具体承办: the bodies after 由 carry it out (the subject
    too, when there is one); 由X主办 of an event they only host is no carrying out."""
    text = ("常德市2023年法治政府建设年度报告\n“调解+仲裁”模式由武陵区劳动人事争议仲裁院负责实施。"
            "鼎城区推行“鼎城说法”品牌,由区司法局、区总工会具体承办。“法治夜校”由市委宣传部主办。\n")
    rels = relations(nlp, text)
    assert ("武陵区劳动人事争议仲裁院", "implements", "“调解+仲裁”模式") in rels
    for body in ("鼎城区", "鼎城区司法局", "鼎城区总工会"):
        assert (body, "implements", "“鼎城说法”品牌") in rels
    assert {h for h, p, t in rels if p == "implements" and t == "“调解+仲裁”模式"} == {"武陵区劳动人事争议仲裁院"}
    assert not any(h == "常德市委宣传部" for h, p, _ in rels if p == "implements"), rels


def test_a_body_written_right_before_a_title_made_it(nlp):
    """转发省政府《关于…的意见》, 学习司法部《…通知》: the body's own instrument; a column after a
    body (市司法局《法治汝州》栏目) is no instrument of it."""
    text = ("汝州市2023年法治政府建设年度报告\n转发省政府《关于进一步加强行政复议工作的意见》,学习司法部"
            "《关于加强公共法律服务的通知》,在市司法局《法治汝州》栏目刊发解读。\n")
    rels = relations(nlp, text)
    assert ("关于进一步加强行政复议工作的意见", "issuedBy", "河南省人民政府") in rels
    assert ("关于加强公共法律服务的通知", "issuedBy", "司法部") in rels
    assert not any(p == "issuedBy" and "法治汝州" in h for h, p, _ in rels), rels


def test_respectively_pairs_the_subjects_and_their_programs_in_order(nlp):
    """A、B分别打造“X”“Y”品牌: X is A's and Y is B's; without 分别 each carries out both."""
    text = ("德州市2023年法治政府建设年度报告\n武城县、平原县分别打造了“武城调解”和“平原说法”品牌。"
            "庆云县、宁津县推行“庆云议事”“宁津说理”机制。\n")
    rels = relations(nlp, text)
    carried = {(h, t) for h, p, t in rels if p == "implements"}
    assert {("武城县", "“武城调解”品牌"), ("平原县", "“平原说法”品牌")} <= carried
    assert ("武城县", "“平原说法”品牌") not in carried and ("平原县", "“武城调解”品牌") not in carried
    assert {h for h, t in carried if "庆云议事" in t} == {"庆云县", "宁津县"}, carried
    # the subjects of a later clause pair with its programs as a sentence's do
    later = relations(nlp, "德州市2023年法治政府建设年度报告\n市司法局牵头推行“德法同行”品牌，夏津县、"
                           "临邑县分别打造“夏津说事”“临邑调解”工作法。\n")
    carried = {(h, t) for h, p, t in later if p == "implements"}
    assert {("夏津县", "“夏津说事”工作法"), ("临邑县", "“临邑调解”工作法")} <= carried, carried
    assert ("夏津县", "“临邑调解”工作法") not in carried and ("临邑县", "“夏津说事”工作法") not in carried


def test_a_speakers_name_and_a_colon_opening_his_answer_speak_for_his_body(nlp):
    """陈明：我们推行… — the name and a colon on the answer's line; the speaker's body is the one the
    roster names before his name (发布人: 某市司法局党委书记、局长 陈明), the one he heads; a later
    speaker's 我们 is his own body; the host's lines speak for nobody."""
    text = ("遵义市人民政府新闻办公室新闻发布会\n\n发布人：\n遵义市司法局党委书记、局长 陈明\n"
            "遵义市中级人民法院副院长 刘红\n\n主持人：请陈明局长介绍情况。\n"
            "陈明：我们推行“遵义和事”调解品牌，全年化解纠纷3000件。\n记者：法院有哪些举措？\n"
            "刘红：我们建立“诉前调解”工作机制。\n")
    rels = relations(nlp, text)
    assert ("遵义市司法局", "implements", "“遵义和事”调解品牌") in rels
    assert ("遵义市中级人民法院", "implements", "“诉前调解”工作机制") in rels
    assert {h for h, p, _ in rels if p == "implements"} == {"遵义市司法局", "遵义市中级人民法院"}, rels


def test_a_roster_line_keyed_as_a_pages_publisher_names_the_speaker(nlp):
    """发布人：某市司法局党组书记、局长 李文斌 on one line is the conference's roster, not a web page's
    publisher line (which names no post, and is dropped): the speaker's 我们 is his bureau; a
    court's speaker says 我院."""
    text = ("玉溪市人民政府新闻办公室新闻发布会实录\n发布人：玉溪市司法局党组书记、局长 李文斌\n"
            "        玉溪市中级人民法院副院长 赵海涛\n发布者：玉溪市人民政府办公室\n"
            "主持人：大家上午好！\n李文斌：2023年，我们推行“玉法通”公共法律服务平台。\n"
            "赵海涛：我院建立“诉前调解”工作机制。\n")
    ex = extraction(nlp, text)
    rels = triples(ex)
    assert {"李文斌", "赵海涛"} <= {m.key.name for m in ex.mentions if m.key.etype == EntityType.PERSON}
    assert ("玉溪市司法局", "implements", "“玉法通”公共法律服务平台") in rels, rels
    assert ("玉溪市中级人民法院", "implements", "“诉前调解”工作机制") in rels, rels
    assert "玉溪市人民政府办公室" not in {m.key.name for m in ex.mentions}


def test_a_later_clauses_subject_with_a_program_of_its_own_takes_none_before_it(nlp):
    """建立“X”平台，白马井镇打造“Y”品牌: X is the report's place's, Y the town's; 创新“Z”模式，A和B签署
    协议: Z is carried out by A and B, whose clause names no program of its own."""
    text = ("儋州市2023年度法治政府建设情况报告\n建立“儋州调解”微信平台,白马井镇打造“渔村说事”议事品牌。"
            "创新“政企通”合作模式,儋州市司法局和儋州市总工会签署合作协议。\n")
    rels = relations(nlp, text)
    assert {h for h, p, t in rels if p == "implements" and t == "“儋州调解”微信平台"} == {"儋州市"}, rels
    assert ("白马井镇", "implements", "“渔村说事”议事品牌") in rels
    assert {h for h, p, t in rels if p == "implements" and t == "“政企通”合作模式"} \
        == {"儋州市司法局", "儋州市总工会"}, rels


def test_an_office_dispatched_to_an_unnamed_township_is_in_the_reports_county(nlp):
    """舟塔司法所, 石空派出所 in a county's report, their townships never named: the county's
    dispatched offices, located in it; a body of no such kind (舟塔合作社) and an office in a
    city's report without a county get none."""
    text = "中宁县“八五”普法工作掠影\n舟塔司法所在田间调解纠纷。石空派出所开展普法,舟塔合作社参加。\n"
    located = {(h, t) for h, p, t in relations(nlp, text) if p == "locatedIn"}
    assert {("舟塔司法所", "中宁县"), ("石空派出所", "中宁县")} <= located, located
    assert not any(h.startswith("舟塔合作") for h, _ in located), located
    text = "吴忠市2023年法治宣传工作总结\n舟塔司法所在田间调解纠纷。\n"
    assert not any(h == "舟塔司法所" for h, p, _ in relations(nlp, text) if p == "locatedIn")


def test_a_towns_report_speaks_for_the_town(nlp):
    """柯桥区钱清街道2023年度…工作报告: the street opening the title (after its district) is the
    report's place, and carries out what its sentences leave without a subject (not the district);
    a district's own report still speaks for the district."""
    text = ("柯桥区钱清街道2023年度法治政府建设工作报告\n2023年,钱清街道扎实推进法治政府建设。\n"
            "联合派出所、司法所推行“三所联动”机制。\n")
    carried = {(h, t) for h, p, t in relations(nlp, text) if p == "implements"}
    assert carried == {("钱清街道", "“三所联动”机制")}, carried
    text = "柯桥区2023年度法治政府建设工作报告\n钱清街道推行“村民说事”制度。联合派出所推行“三所联动”机制。\n"
    carried = {(h, t) for h, p, t in relations(nlp, text) if p == "implements"}
    assert ("柯桥区", "“三所联动”机制") in carried, carried


def test_a_provinces_prison_or_college_named_after_a_city_is_not_the_citys(nlp):
    """济宁监狱, 济宁医学院司法鉴定中心, 聊城大学: named after the city they stand in, run by the
    province: no locatedIn the city; 山东政法学院 is the province's own; 济宁市司法局 the city's."""
    text = ("济宁市司法局2023年工作总结\n济宁市司法局联合济宁监狱、济宁医学院司法鉴定中心开展普法,"
            "聊城大学、山东政法学院派员参加。\n")
    located = {(h, t) for h, p, t in relations(nlp, text) if p == "locatedIn"}
    assert ("济宁市司法局", "济宁市") in located and ("山东政法学院", "山东省") in located, located
    assert not {h for h, _ in located} & {"济宁监狱", "济宁医学院司法鉴定中心", "聊城大学"}, located


def test_the_bodies_joining_a_leading_body_carry_the_work_out_with_it(nlp):
    """市委依法治市办牵头，市司法局、市财政局配合，建立“…”机制: all three carry it out; a later clause's
    bodies that do not join (市司法局、市财政局参加培训) or a clause not after 牵头 add none."""
    text = ("焦作市2023年法治政府建设年度报告\n市委依法治市办牵头,市司法局、市财政局配合,建立“法治督察”工作机制。"
            "市委依法治市办推行“法治体检”服务,市司法局、市财政局参加培训。\n")
    carried = {(h, t) for h, p, t in relations(nlp, text) if p == "implements"}
    assert {h for h, t in carried if t == "“法治督察”工作机制"} \
        == {"焦作市委全面依法治市委员会办公室", "焦作市司法局", "焦作市财政局"}, carried
    assert {h for h, t in carried if t == "“法治体检”服务"} == {"焦作市委全面依法治市委员会办公室"}, carried


def test_bodies_coordinated_before_the_issuer_issued_it_too(nlp):
    """以市委、市政府名义印发《A》, 中共中央、国务院印发的《B》: every body of the list made it; a body
    before the list in another role (市司法局推动市政府印发《C》) did not."""
    text = ("焦作市司法局2023年工作总结\n以市委、市政府名义印发《焦作市法治政府建设实施方案》。"
            "根据中共中央、国务院印发的《法治政府建设实施纲要》,市司法局推动市政府印发《焦作市法治督察办法》。\n")
    made = {(h, t) for h, p, t in relations(nlp, text) if p == "issuedBy"}
    assert {t for h, t in made if h == "焦作市法治政府建设实施方案"} == {"焦作市委", "焦作市人民政府"}, made
    assert {t for h, t in made if h == "法治政府建设实施纲要"} == {"中共中央", "国务院"}, made
    assert {t for h, t in made if h == "焦作市法治督察办法"} == {"焦作市人民政府"}, made


def test_a_program_learned_from_others_is_not_carried_out_by_the_learner(nlp):
    """赴杭州市学习“最多跑一次”改革经验, 借鉴浙江“枫桥经验”: another's program (浙江's own, named
    before it), not the report's; the clause after (在全县推行“X”制度) is the report's own; a name
    opening with its own place (复制推广上海市浦东新区“一业一证”改革) is carried out by whoever copies
    it, not owned by the city before it."""
    text = ("汝城县司法局2023年工作总结\n组织人员赴浙江省杭州市学习“最多跑一次”改革经验。借鉴浙江“枫桥经验”,"
            "在全县推行“村民说事”制度。复制推广上海市浦东新区“一业一证”改革做法。\n")
    carried = {(h, t) for h, p, t in relations(nlp, text) if p == "implements"}
    assert not any(t == "“最多跑一次”" for _, t in carried), carried
    assert {h for h, t in carried if t == "“村民说事”制度"} == {"汝城县司法局"}, carried
    assert {h for h, t in carried if t == "“枫桥经验”"} == {"浙江省"}, carried
    assert not any(h == "上海市" for h, _ in carried), carried


def test_a_standing_committee_reports_its_own_legislation(nlp):
    """A people's congress standing committee's report (…人民代表大会常务委员会工作报告): the committee
    (one body, 州人大常委会, whatever its term: 第十三届…) made, amended and approved the titles
    (制定, 修改, 批准), not the prefecture; the county named in a title is no maker of it."""
    text = ("德宏傣族景颇族自治州人民代表大会常务委员会工作报告\n过去一年,州人大常委会依法行使立法权。\n"
            "制定《德宏傣族景颇族自治州芒市城市管理条例》,修改《德宏傣族景颇族自治州边境管理条例》,"
            "批准《瑞丽市口岸管理办法》。\n云南省第十四届人民代表大会常务委员会批准了该条例。\n")
    ex = extraction(nlp, text)
    made = {(h, t) for h, p, t in triples(ex) if p == "issuedBy"}
    committee = "德宏傣族景颇族自治州人大常委会"
    assert {("德宏傣族景颇族自治州芒市城市管理条例", committee), ("德宏傣族景颇族自治州边境管理条例", committee),
            ("瑞丽市口岸管理办法", committee)} <= made, made
    assert not any(h == "芒市" for h, p, _ in triples(ex) if p == "implements")
    orgs = {m.key.name for m in ex.mentions if m.key.etype == EntityType.ORGANIZATION}
    assert {committee, "云南省人大常委会"} <= orgs and not any("人民代表大会" in o for o in orgs), orgs


def test_two_places_referred_to_together_both_act(nlp):
    """荣昌区…与隆昌市…签订协议。两地将继续推行“…”模式: 两地 stands for the last two counties named
    before it, both carry the program out; 川渝两地 names its own (no reference), and 加强两地交流
    makes them no subject."""
    text = ("人民网重庆12月21日电\n荣昌区盘龙法庭与隆昌市界市法庭签订联调协议。\n"
            "接下来,两地将继续推行“法治小院”模式。川渝两地司法人员开展普法,加强两地交流,推行“同城通办”。\n")
    carried = {(h, t) for h, p, t in relations(nlp, text) if p == "implements"}
    assert {h for h, t in carried if t == "“法治小院”模式"} == {"荣昌区", "隆昌市"}, carried
    assert not any(t == "“同城通办”" and h in ("荣昌区", "隆昌市") for h, t in carried), carried


def test_coordinated_bodies_make_the_titles_of_their_own_places(nlp):
    """酒泉市、张掖市人大常委会制定《酒泉市…条例》《张掖市黑河湿地保护条例》: each title made by its own
    city's committee (not both by both); 黑河湿地 is a river's wetland, not 黑河市."""
    text = ("甘肃省人民政府关于2023年度法治政府建设情况的报告\n酒泉市、张掖市人大常委会制定《酒泉市城市绿化条例》"
            "《张掖市黑河湿地保护条例》。\n")
    ex = extraction(nlp, text)
    made = {(h, t) for h, p, t in triples(ex) if p == "issuedBy"}
    assert made == {("酒泉市城市绿化条例", "酒泉市人大常委会"), ("张掖市黑河湿地保护条例", "张掖市人大常委会")}, made
    assert "黑河市" not in {m.key.name for m in ex.mentions}


def test_the_body_after_you_that_made_a_program(nlp):
    """“…”品牌由县司法局打造, “…”机制由营根镇率先探索: the body after 由 that built or first tried the
    program carries it out (not the report's county); 由…主办 hosts an event, no more."""
    text = ("琼中黎族苗族自治县2023年法治政府建设年度报告\n“黎苗调解”品牌由县司法局打造,已化解纠纷300件。"
            "“山兰议事”机制由营根镇率先探索。“法治夜校”由县委宣传部主办。\n")
    carried = {(h, t) for h, p, t in relations(nlp, text) if p == "implements"}
    assert {h for h, t in carried if t == "“黎苗调解”品牌"} == {"琼中黎族苗族自治县司法局"}, carried
    assert {h for h, t in carried if t == "“山兰议事”机制"} == {"营根镇"}, carried
    assert not any(h.endswith("宣传部") for h, _ in carried), carried


def test_the_production_and_construction_corps_is_a_body_not_the_region(nlp):
    """新疆生产建设兵团第一师阿拉尔市司法局推行…: the corps is a body of its own (新疆 inside its name
    is no mention of the region), and its city's bureau, named in full, carries the program out."""
    text = ("阿拉尔市2023年法治政府建设年度报告\n新疆生产建设兵团第一师阿拉尔市司法局推行“兵地联调”机制。"
            "新疆生产建设兵团司法局印发《兵团人民调解工作规范》。\n")
    ex = extraction(nlp, text)
    names = {m.key.name for m in ex.mentions}
    assert "新疆维吾尔自治区" not in names, names
    rels = triples(ex)
    assert ("新疆生产建设兵团第一师阿拉尔市司法局", "implements", "“兵地联调”机制") in rels, rels
    assert ("兵团人民调解工作规范", "issuedBy", "新疆生产建设兵团司法局") in rels, rels


def test_an_instrument_passed_by_a_governments_meeting_is_its_issuer(nlp):
    """经区政府常务会议审议通过, 经区政府第45次常务会议审议通过: the government whose meeting
    passed it issued it; a review (经区司法局备案审查通过) issues nothing."""
    rels = relations(nlp, "徐汇区司法局2024年工作总结\n《徐汇区人才公寓管理办法》由区房管局起草，经区政府常务会议"
                          "审议通过后印发。区司法局起草《徐汇区停车场管理办法》，经区政府第45次常务会议审议通过。"
                          "《徐汇区文明养犬实施细则》经区司法局备案审查通过。\n")
    assert ("徐汇区人才公寓管理办法", "issuedBy", "徐汇区人民政府") in rels
    assert ("徐汇区停车场管理办法", "issuedBy", "徐汇区人民政府") in rels
    assert not any(h == "徐汇区文明养犬实施细则" and p == "issuedBy" for h, p, t in rels), rels


def test_a_roster_inline_in_the_hosts_words_names_each_speakers_body(nlp):
    """主持人（区政府新闻办主任 王芳）：今天邀请到副区长张强先生，区司法局党组书记、局长李红女士…: each
    official's body is the one in his own phrase (after the last comma or bracket), not the
    first body of the host's line; 李红：我们推行… speaks for her bureau, the host's office for no one."""
    text = ("石家庄市新华区2024年法治政府建设新闻发布会实录\n\n"
            "主持人（区政府新闻办主任 王芳）：大家好！今天我们邀请到区政府副区长张强先生，区司法局党组书记、"
            "局长李红女士，区城市管理局副局长陈刚先生，介绍有关情况。\n"
            "记者（河北日报）：请问区司法局有哪些举措？\n"
            "李红：我们推行“老邻居说和”调解模式，全年化解纠纷860件。\n"
            "记者（石家庄日报）：城管执法方面呢？\n"
            "陈刚：我们推行“721”执法工作法。\n")
    rels = relations(nlp, text)
    assert ("新华区司法局", "implements", "“老邻居说和”调解模式") in rels, rels
    assert ("新华区城市管理局", "implements", "“721”执法工作法") in rels, rels
    assert not any("新闻办" in h for h, p, _ in rels if p == "implements"), rels


def test_places_trying_a_program_first_carry_it_out(nlp):
    """全省推广“X”，A、B、C先行先试 / 率先试点: the places named trying it first carry it out; 作为全省试点，
    我市… is the report's own place as the province's pilot, no list of pilots."""
    rels = relations(nlp, "湖南省司法厅2024年工作总结\n全省推广“屋场夜话”调解模式，岳阳市、常德市、益阳市先行先试。"
                          "全省推行“法润三湘”普法品牌，株洲市、湘潭市率先试点。\n")
    got = {(h, t) for h, p, t in rels if p == "implements"}
    assert {("岳阳市", "“屋场夜话”调解模式"), ("常德市", "“屋场夜话”调解模式"), ("益阳市", "“屋场夜话”调解模式"),
            ("株洲市", "“法润三湘”普法品牌"), ("湘潭市", "“法润三湘”普法品牌")} <= got, got
    assert not {("岳阳市", "“法润三湘”普法品牌"), ("株洲市", "“屋场夜话”调解模式")} & got, got


def test_a_press_offices_transcript_and_a_speakers_first_person(nlp):
    """…人民政府新闻办公室新闻发布会: the press office holding it is the author and its conference
    tells of the place's work; a speaker's 我局 is his own bureau, not the office (我局联合区市场监督
    管理局制定《…》: both made it); a headline (市司法局领导出席…发布会并回答记者提问) is no title of
    the bureau's."""
    text = ("漳州市芗城区人民政府新闻办公室新闻发布会\n\n发布人：\n芗城区司法局党组书记、局长 陈志明\n\n"
            "主持人：请陈志明局长介绍情况。\n"
            "陈志明：2024年，我们创新推出“芗城和事”调解品牌。我局联合区市场监督管理局制定《芗城区涉企轻微违法"
            "行为免罚清单》。\n")
    ex = extraction(nlp, text)
    assert ex.context.author == "芗城区人民政府新闻办公室"
    rels = triples(ex)
    assert ("芗城区司法局", "implements", "“芗城和事”调解品牌") in rels, rels
    assert {("芗城区涉企轻微违法行为免罚清单", "issuedBy", "芗城区司法局"),
            ("芗城区涉企轻微违法行为免罚清单", "issuedBy", "芗城区市场监督管理局")} <= rels, rels
    assert not any("新闻办公室" in h or "新闻办公室" in t for h, p, t in rels if p != "locatedIn"), rels
    ex = extraction(nlp, "市司法局领导出席“漳州这十年”主题发布会并回答记者提问\n10月13日，市委宣传部召开新闻发布会。\n")
    assert ex.context.author != "漳州市司法局"


def test_zhifa_and_zhiding_written_zhiding2_are_issuing_verbs(nlp):
    """制发 (制定印发) and 制订 make an instrument as 制定 does; 协助区政府制发《…》: the helped body's."""
    rels = relations(nlp, "长春市二道区司法局2024年工作总结\n协助区政府制发《二道区2024年法治政府建设工作要点》。"
                          "区政府制订《二道区停车管理办法》。\n")
    assert {("二道区2024年法治政府建设工作要点", "issuedBy", "二道区人民政府"),
            ("二道区停车管理办法", "issuedBy", "二道区人民政府")} <= rels, rels
    assert ("二道区2024年法治政府建设工作要点", "issuedBy", "二道区司法局") not in rels


def test_this_case_in_a_collection_of_cases_is_the_work_of_its_paragraphs_body(nlp):
    """该案例入选…: the case is the work of the body the paragraph's sentence opens with, as 该做法."""
    rels = relations(nlp, "宁波市海曙区2024年度法治政府建设优秀案例汇编\n案例一：企业开办“零跑腿”\n"
                          "区市场监管局联合区医保局推出企业开办“一件事”集成服务。该案例入选浙江省法治政府建设优秀案例。\n")
    assert ("海曙区市场监管局", "receivedAward", "浙江省法治政府建设优秀案例") in rels, rels
    assert ("海曙区", "receivedAward", "浙江省法治政府建设优秀案例") not in rels, rels


def test_an_answer_using_wo_ju_after_its_opening_speaks_for_the_speakers_body(nlp):
    """刘洋：谢谢主持人。近年来，我区…。我局牵头推行“X”…: 我局 opening a later clause of the answer makes it
    speak for the speaker's bureau (the press office's conference tells of the place otherwise)."""
    text = ("重庆市九龙坡区人民政府新闻办公室新闻发布会实录\n主持人：九龙坡区政府新闻办副主任 陈静\n"
            "发布人：九龙坡区司法局局长 刘洋\n\n"
            "陈静：各位记者朋友，大家上午好！下面请刘洋局长介绍有关情况。\n"
            "刘洋：谢谢主持人。近年来，我区深入推进法治政府建设。我局牵头推行“九龙和事”调解品牌。\n")
    rels = relations(nlp, text)
    assert ("九龙坡区司法局", "implements", "“九龙和事”调解品牌") in rels, rels
    assert ("九龙坡区", "implements", "“九龙和事”调解品牌") not in rels, rels
