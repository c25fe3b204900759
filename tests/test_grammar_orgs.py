"""Organisations beyond the organs, on sentences written for these tests (Guangdong, Guizhou,
Hunan, Hebei, Gansu reports): kinds of bodies, sub-units that keep their whole name, groups a
body sets up. Each test also names what must not be found."""
from __future__ import annotations

from kg.model import EntityType

from .helpers import extraction, mention_names, names_by_type, triples


NLP_EXCLUDE = ["lg_relations"]  # the entities only (the `nlp` fixture: conftest.py)


def orgs(nlp, text: str) -> set[str]:
    return mention_names(nlp, text, EntityType.ORGANIZATION)


def test_a_core_that_holds_an_activity_word_is_still_a_name(nlp):
    """组织部, 工作室: the core is a name word; only the stem before it is checked for activities."""
    text = ("阳江市2023年法治政府建设年度报告\n阳江市司法局\n与市委组织部联合举办培训班,"
            "“阳春法院老陈工作室”揭牌。市委组织召开会议。\n")
    found = orgs(nlp, text)
    assert {"阳江市委组织部", "阳春法院老陈工作室"} <= found
    assert not any(o.endswith("组织") or "召开" in o for o in found), found


def test_standard_department_names_whose_words_read_as_activities(nlp):
    """人力资源和社会保障局, 医疗保障局, 营商环境建设监督局, 社会工作部: the departments every city
    has hold words that are activities elsewhere (保障, 建设, 工作), and some a twelve-character
    stem (政务服务和数字化建设管理局); 乡村 opens 乡村振兴局 after a bare 市, where 市县乡 lists
    levels. The activities themselves are still no names."""
    text = ("周口市2024年法治政府建设年度报告\n周口市司法局\n市人力资源和社会保障局、市医疗保障局联合开展"
            "专项检查,市乡村振兴局推进帮扶工作,市委社会工作部组织培训,市营商环境建设监督局牵头推行改革,"
            "市政务服务和数字化建设管理局推行“周口通办”。"
            "全市加强社会保障工作,推进医疗保障体系建设,市县乡三级联动,优化营商环境建设监督机制。\n")
    found = orgs(nlp, text)
    assert {"周口市人力资源和社会保障局", "周口市医疗保障局", "周口市乡村振兴局", "周口市委社会工作部",
            "周口市营商环境建设监督局", "周口市政务服务和数字化建设管理局"} <= found
    assert not any(w in o for o in found for w in ("加强", "推进", "优化", "体系", "三级", "县乡")), found


def test_a_provinces_departments_with_the_standard_long_stems(nlp):
    """省人力资源和社会保障厅 (a nine-character stem before 厅), 省住房和城乡建设厅; a service hall
    (政务服务大厅, 公共法律服务大厅) is no department."""
    text = ("周口市2024年法治政府建设年度报告\n周口市司法局\n省人力资源和社会保障厅、省住房和城乡建设厅联合督导,"
            "在市政务服务大厅设立窗口,在县公共法律服务大厅设置专区。\n")
    found = orgs(nlp, text)
    assert {"河南省人力资源和社会保障厅", "河南省住房和城乡建设厅"} <= found, found
    assert not any(o.endswith("大厅") for o in found), found


def test_places_coordinated_before_a_quoted_body_each_have_one(nlp):
    """顺庆区、高坪区、嘉陵区“一站式”…中心: the body named after a quoted brand is each place's."""
    text = ("南充市2024年法治政府建设年度报告\n南充市司法局\n顺庆区、高坪区和嘉陵区“一站式”矛盾纠纷调处化解中心"
            "实现全覆盖,“一站式”服务惠及群众。\n")
    found = orgs(nlp, text)
    assert {f"{p}“一站式”矛盾纠纷调处化解中心" for p in ("顺庆区", "高坪区", "嘉陵区")} <= found, found
    assert not any(o.endswith("服务") for o in found), found


def test_groups_and_joint_meetings_state_their_task(nlp):
    """A group's name states its task with activity words (推进…建设领导小组); what is done with a
    group (召开…会议) is no part of it; a group under a commission keeps the commission's name."""
    text = ("遵义市法治建设报告\n遵义市司法局\n市委全面依法治市委员会普法宣传协调小组召开会议,"
            "市法治政府建设联席会议审议通过,市委召开依法治市领导小组会议。\n")
    found = orgs(nlp, text)
    assert {"遵义市委全面依法治市委员会普法宣传协调小组", "遵义市法治政府建设联席会议"} <= found
    assert not any("召开" in o for o in found), found


def test_a_group_the_report_sets_up_belongs_to_its_place(nlp):
    text = ("阳江市2023年法治政府建设年度报告\n阳江市司法局\n市级层面成立推进法治乡村建设领导小组,"
            "统筹推进全市工作。成立工作领导小组,召开会议。\n")
    found = orgs(nlp, text)
    assert "阳江市推进法治乡村建设领导小组" in found
    assert not any(o.endswith("工作领导小组") for o in found), found  # a generic group names no body


def test_schools_police_stations_and_liaison_rooms(nlp):
    text = ("阳江市2023年法治政府建设年度报告\n阳江市司法局\n江城区第五中学青少年法治教育基地、"
            "白沙街道派出所开展活动,“人大代表联络站”揭牌,各派出所、全区中小学积极参与。\n")
    found = orgs(nlp, text)
    assert {"江城区第五中学青少年法治教育基地", "白沙街道派出所", "人大代表联络站"} <= found
    assert not any(o.startswith(("各", "全区")) or o.endswith("中小学") for o in found), found


def test_tribunals_are_named_as_their_county_courts_dispatched_bodies(nlp):
    """渝北区统景法庭, 区法院统景法庭 and 渝北法院统景人民法庭 are one tribunal of 渝北区人民法院;
    a quoted mobile court (“车载便民法庭”) is a programme, not a body."""
    text = ("渝北区2023年法治政府建设年度报告\n渝北区司法局\n区法院统景法庭巡回审理,渝北区统景法庭、"
            "鱼嘴镇派出所签订协议,“车载便民法庭”进村,区法院审判庭开庭。\n")
    found = orgs(nlp, text)
    assert {"渝北区人民法院统景人民法庭", "渝北区人民法院审判庭", "鱼嘴镇派出所"} <= found
    assert not any("便民法庭" in o or o.endswith("统景法庭") for o in found), found


def test_the_outlet_of_a_news_dateline(nlp):
    text = ("共建法治乡村\n\n新华网长沙3月2日电 3月1日,湘潭市司法局开展活动。\n"
            "红网株洲12月1日电 株洲市开展普法。\n网格员上门12月1日电话回访。\n")
    found = orgs(nlp, text)
    assert {"新华网", "红网", "湘潭市司法局"} <= found
    assert not any(o.startswith("网格") for o in found), found


def test_a_sub_unit_of_a_sub_unit_keeps_the_whole_name_and_names_its_parent(nlp):
    """省人民政府外事办公室 + 对外联络处 (对外 opens with a preposition's character but is a name
    word); the parent sub-unit is a body too. An organ's direct sub-unit (市委宣传部) is no
    mention of the organ, and 对外发布 is an activity, not a name."""
    text = ("湖南省2023年新闻发布会\n湖南省人民政府外事办公室对外联络处处长主持。"
            "市委宣传部参加,省司法厅对外发布白皮书。\n")
    found = orgs(nlp, text)
    assert {"湖南省人民政府外事办公室对外联络处", "湖南省人民政府外事办公室", "湖南省司法厅"} <= found
    assert not any("对外发布" in o for o in found), found


def test_the_reports_own_organ_named_by_its_core(nlp):
    """厅党委 in a 司法厅's report is that 司法厅's party committee; with two 厅 named, no owner."""
    own = orgs(nlp, "湖北省司法厅2024年工作情况\n2024年,省司法厅坚持依法行政。厅党委建立学习制度。\n")
    assert "湖北省司法厅党委" in own
    two = orgs(nlp, "湖北省2024年工作情况\n2024年,省司法厅、省公安厅坚持依法行政。厅党委建立学习制度。\n")
    assert not any(o.endswith("厅党委") for o in two), two


def test_a_station_named_by_a_town_no_gazetteer_holds(nlp):
    """红柳司法所 names its township's stem; generic words before 司法所 (基层, 指导, 各, 14个)
    name no station."""
    text = ("固原市2023年普法工作简报\n\n红柳司法所在田间调解纠纷。\n石空派出所联合开展活动,各司法所、"
            "全县14个司法所、基层司法所、乡镇司法所积极参与,指导司法所规范化建设。\n")
    found = orgs(nlp, text)
    assert {"红柳司法所", "石空派出所"} <= found
    assert not any(o[:2] in ("各司", "基层", "乡镇", "指导") or o[0].isdigit() or "个" in o
                   for o in found), found
    # a basic court's tribunal named by its town's stem is one too; a kind of court (模拟法庭,
    # 共享法庭, 少年法庭, 巡回法庭) is none
    found = orgs(nlp, "阆中市人民法院2023年工作报告\n水观法庭推行“巴巴调解”工作法，彭城人民法庭获评先进。组织模拟"
                      "法庭活动，建成共享法庭12个，设立少年法庭，开展巡回法庭审判。\n")
    assert {"水观法庭", "彭城人民法庭"} <= found, found
    assert not any(o.startswith(("模拟", "共享", "少年", "巡回")) or o[:2].isdigit() for o in found), found
    # a style before 司法所/派出所 names the kind a station is rated as, no station
    found = orgs(nlp, "诸暨市2023年法治政府建设年度报告\n枫桥镇司法所被命名为首批“枫桥式司法所”，全市创建"
                      "“枫桥式派出所”5个，店口派出所获评。\n")
    assert {"枫桥镇司法所", "店口派出所"} <= found, found
    assert not any("式" in o for o in found), found


def test_a_heads_title_sharing_the_bodys_last_character(nlp):
    """司法所长 is 司法所 + 所长, 协调监督局长 is …局 + 局长; but 法规处处长 is 法规处 + 处长 (not 处处)."""
    text = ("德州市2023年法治政府建设年度报告\n德州市司法局\n乐陵市杨安镇司法所长张德华、"
            "市司法局行政执法协调监督科科长、司法部法治督察局长带队调研,省政府外事办公室法规处处长主持。\n")
    found = orgs(nlp, text)
    assert {"杨安镇司法所", "德州市司法局行政执法协调监督科", "司法部法治督察局",
            "山东省人民政府外事办公室法规处"} <= found
    assert not any(o.endswith(("处处", "科科", "长")) for o in found), found


def test_a_detachments_head_after_its_name_is_no_part_of_it(nlp):
    """市公安局法制支队支队长张明: the body is 法制支队, the second 支队 opens its head's title; 司法所长
    (the title sharing the body's last character) stays a body and a title."""
    found = orgs(nlp, "泰安市2023年法治政府建设年度报告\n泰安市司法局\n市公安局法制支队支队长张明参加，东平司法所所长赵六、"
                      "东平司法所长李四参加。\n")
    assert {"泰安市公安局法制支队", "东平司法所"} <= found, found
    assert not any(o.endswith(("支队支队", "所所")) for o in found), found


def test_a_towns_law_enforcement_team_is_a_body(nlp):
    """大唐街道综合行政执法队, 镇综合行政执法中队, 市城管执法队: the teams a town, subdistrict or city
    enforces its rules by are bodies (they are rated and honoured); 执法队伍 (the staff) and 各执法队
    (every team) are none."""
    found = orgs(nlp, "余姚市2023年法治政府建设年度报告\n余姚市司法局\n大唐街道综合行政执法队获评“行政执法标杆队伍”，"
                      "梁弄镇综合行政执法中队获评先进集体，市城管执法队开展整治。加强执法队伍建设，各执法队要规范执法。\n")
    assert {"大唐街道综合行政执法队", "梁弄镇综合行政执法中队", "余姚市城管执法队"} <= found, found
    assert not any(o.endswith(("执法队伍", "各执法队")) or o == "余姚市执法队" for o in found), found


def test_the_offices_county_bureaus_keep_in_towns_are_bodies(nlp):
    """大唐镇财政所, 枫桥镇卫生院, 牌头镇林业站, and 店口市场监管所 named by the town's stem alone: bodies
    (they are honoured as units); 各乡镇卫生院, 基层市场监管所, 全市财政所 name none."""
    found = orgs(nlp, "诸暨市2023年法治政府建设年度报告\n诸暨市司法局\n店口市场监管所被评为先进集体。枫桥镇卫生院"
                      "开展普法，大唐镇财政所获评先进，牌头镇林业站参加。各乡镇卫生院参加，基层市场监管所开展检查，"
                      "全市财政所统一部署。\n")
    assert {"店口市场监管所", "枫桥镇卫生院", "大唐镇财政所", "牌头镇林业站"} <= found, found
    assert not any(o.startswith(("各", "基层", "全市", "乡镇")) or o in ("诸暨市财政所", "诸暨市卫生院")
                   for o in found), found


def test_an_internal_office_names_its_department(nlp):
    """市司法局行政复议科: the department (市司法局) is mentioned with its office."""
    found = orgs(nlp, "德州市2023年法治政府建设年度报告\n德州市人民政府\n市司法局行政复议科科长参加。\n")
    assert {"德州市司法局行政复议科", "德州市司法局"} <= found


def test_intermediate_courts_and_banks(nlp):
    """市中院 and 德州中院 are the city's 中级人民法院; a bank and its branch keep their names."""
    text = ("德州市2023年法治政府建设年度报告\n德州市司法局\n市中院、德州中院、乐陵市农村商业银行杨安支行参加,"
            "市银行网点开展宣传。\n")
    found = orgs(nlp, text)
    assert {"德州市中级人民法院", "乐陵市农村商业银行杨安支行"} <= found
    assert not any(o.endswith(("中院", "市银行")) for o in found), found


def test_a_prefectures_court_is_its_intermediate_court(nlp):
    """市法院 in a prefecture's report, 州法院 in an autonomous prefecture's, is the intermediate
    court; a county-level city's and a county's are basic courts, and so are those of a city
    without counties (儋州市)."""
    found = orgs(nlp, "德州市2023年法治政府建设年度报告\n德州市司法局\n市法院、市检察院联合开展专项行动。\n")
    assert {"德州市中级人民法院", "德州市人民检察院"} <= found
    assert "德州市人民法院" not in found
    zhou = orgs(nlp, "湘西土家族苗族自治州2023年法治政府建设年度报告\n湘西州司法局\n州法院开展巡回审判。\n")
    assert "湘西土家族苗族自治州中级人民法院" in zhou
    county_city = orgs(nlp, "乐陵市2023年法治政府建设年度报告\n乐陵市司法局\n市法院、宁津县法院开展巡回审判。\n")
    assert {"乐陵市人民法院", "宁津县人民法院"} <= county_city
    assert not any("中级" in o for o in county_city), county_city
    assert "儋州市人民法院" in orgs(nlp, "儋州市2023年法治政府建设年度报告\n儋州市司法局\n市法院开展巡回审判。\n")


def test_a_towns_public_legal_service_station_is_a_body(nlp):
    """高家堡镇公共法律服务工作站, 某街道退役军人服务站: a station named after its town is a body; a
    counted kind of station (村级公共法律服务工作站300个) is none."""
    found = orgs(nlp, "榆林市2023年法治政府建设年度报告\n榆林市司法局\n麻黄梁镇公共法律服务工作站被评为"
                      "全省优秀公共法律服务站，上郡路街道退役军人服务站挂牌。全市建成村级公共法律服务工作站300个。\n")
    assert {"麻黄梁镇公共法律服务工作站", "上郡路街道退役军人服务站"} <= found
    assert not any(o.endswith("工作站") and ("村级" in o or o.startswith("榆林市")) for o in found), found


def test_an_autonomous_regions_rule_of_law_office_is_named_after_its_province(nlp):
    """自治区党委全面依法治疆委员会办公室, 依法治桂办: a region's committee governs its province by its
    one-character name, as 依法治省 does a province; 依法治理 is no such office."""
    found = orgs(nlp, "喀什地区2023年法治政府建设白皮书\n莎车县被自治区党委全面依法治疆委员会办公室命名为"
                      "示范县。自治区党委依法治疆办印发通知，推进依法治理办法。\n")
    assert "新疆维吾尔自治区党委全面依法治疆委员会办公室" in found, found
    assert "新疆维吾尔自治区党委" not in found, found
    gx = orgs(nlp, "桂林市2023年法治政府建设年度报告\n桂林市司法局\n自治区党委依法治桂办开展督察。\n")
    assert "广西壮族自治区党委全面依法治桂委员会办公室" in gx, gx


def test_ministries_by_their_official_short_names_are_national_bodies(nlp):
    """人力资源社会保障部, 住房城乡建设部, 国家卫生健康委: the ministries as documents name them, national
    bodies with no place; 市人社局 is still the city's."""
    text = ("昆山市2023年度法治建设获奖情况\n昆山市司法局被司法部、人力资源社会保障部评为先进集体，"
            "住房城乡建设部、国家卫生健康委有关司局参加调研。市人社局参加。\n")
    found = orgs(nlp, text)
    assert {"人力资源社会保障部", "住房城乡建设部", "国家卫生健康委", "昆山市人社局"} <= found, found
    rels = triples(extraction(nlp, text))
    assert not any(h in ("人力资源社会保障部", "住房城乡建设部") for h, p, _ in rels if p == "locatedIn"), rels


def test_national_bodies_working_committees_and_tribunals(nlp):
    """全国人大常委会法制工作委员会 (法工委), 最高人民法院行政审判庭: a national body's sub-units; 水利部和
    黄河水利委员会 are two bodies, not one."""
    found = orgs(nlp, "海淀区人大常委会2023年度工作情况\n海淀区人大常委会\n全国人大常委会法制工作委员会、"
                      "全国人大常委会法工委、最高人民法院行政审判庭来区调研。该做法受到水利部和黄河水利委员会肯定。\n")
    assert {"全国人大常委会法制工作委员会", "全国人大常委会法工委", "最高人民法院行政审判庭", "水利部"} <= found, found
    assert "中国政法大学法治政府研究院" in orgs(nlp, "颁奖典礼\n由中国政法大学法治政府研究院主办的颁奖典礼举行。\n")
    assert not any("和" in o for o in found), found


def test_the_bodies_of_a_list_closed_by_deng_danwei(nlp):
    """A、B、C等单位 names bodies: companies with no place prefix (德龙钢铁公司, 中铁十四局);
    the first item opens after the verbs and adverbs before it (积极邀请黄河水政监察大队); a bare 法院
    or 各有关部门 names no body."""
    text = ("德州市2023年法治政府建设年度报告\n德州市司法局\n代表听取了德龙钢铁公司、中铁十四局、宁津县杜集镇等单位的"
            "汇报,赢得了市公安局、法院、各有关部门等单位好评,听取华鲁热力公司、德州供电公司等企业意见,"
            "积极邀请黄河水政监察大队、黄河派出所等部门参与。\n")
    found = orgs(nlp, text)
    assert {"德龙钢铁公司", "中铁十四局", "华鲁热力公司", "德州市公安局", "黄河水政监察大队"} <= found, found
    assert not any(o.startswith(("了", "听取", "各", "积极", "邀请")) or o == "法院" for o in found), found


def test_a_bodys_own_compound_names_keep_their_whole_name(nlp):
    """区纪委监委 is one body (not 纪委), 区委党校 is not 区委; 区委区政府 written jointly is two
    bodies; a county's own 县委 and 人民政府 after 中共X区委副书记、X区人民政府区长."""
    text = ("瓯海区司法局2023年工作总结\n区委区政府、区委政法委高度重视,区纪委监委开展监督,区委党校举办培训,"
            "区人大常委会、区政协视察,中共瓯海区委副书记、瓯海区人民政府区长王明出席。\n")
    found = orgs(nlp, text)
    assert {"瓯海区委", "瓯海区人民政府", "瓯海区委政法委", "瓯海区纪委监委", "瓯海区委党校",
            "瓯海区人大常委会", "瓯海区政协"} <= found
    assert not any(o.endswith(("委区", "区纪委", "委区人民政府")) for o in found), found


def test_an_autonomous_prefectures_bodies_by_the_bare_word_zhou(nlp):
    """In an autonomous prefecture's report 州委, 州司法局 are its own; elsewhere 州 opens nothing."""
    text = ("湘西土家族苗族自治州2023年法治政府建设年度报告\n湘西州司法局\n州委、州政府高度重视,州司法局、"
            "州中级人民法院参加。\n")
    found = orgs(nlp, text)
    assert {"湘西土家族苗族自治州委", "湘西土家族苗族自治州人民政府", "湘西土家族苗族自治州中级人民法院"} <= found
    other = orgs(nlp, "杭州市2023年法治政府建设年度报告\n杭州市司法局\n市委高度重视,州委参加。\n")
    assert not any(o.endswith("州委") for o in other), other


def test_quoted_rooms_keep_their_place_and_media_accounts_are_outlets(nlp):
    """灵峰街道“和事佬”工作室 keeps its street; “安吉发布”微信公众号 names an outlet; an
    unquoted account word (普法公众号) names none."""
    text = ("安吉县2023年法治政府建设年度报告\n安吉县司法局\n灵峰街道“和事佬”工作室、“安吉发布”微信公众号报道,"
            "开通普法公众号。\n")
    found = orgs(nlp, text)
    assert {"灵峰街道“和事佬”工作室", "安吉发布"} <= found
    assert not any("公众号" in o for o in found), found


def test_a_room_named_wholly_in_quotes_keeps_its_place(nlp):
    """临泉县“老支书调解室” keeps its county, as a room named by a brand before its core does;
    each county coordinated before it has its own room; an unplaced one stays as quoted."""
    text = ("阜阳市2023年法治政府建设年度报告\n阜阳市司法局\n太和县、临泉县“老支书调解室”挂牌运行,"
            "“贴心人调解室”同步启用。\n")
    found = orgs(nlp, text)
    assert {"临泉县“老支书调解室”", "太和县“老支书调解室”", "贴心人调解室"} <= found
    assert "老支书调解室" not in found, found


def test_a_rooms_name_before_a_brand_or_method_names_the_program_not_the_room(nlp):
    """“巾帼调解室”品牌在…落地, 推广“老杨调解室”工作法: the room gave its name to a brand and a method,
    the programs the text speaks of; “老兵调解室”被评为… is the room."""
    text = ("汉中市司法局2023年工作总结\n“巾帼调解室”品牌在南郑区落地。市司法局推广“老杨调解室”工作法。"
            "“老兵调解室”被评为全省模范调解室。\n")
    ex = extraction(nlp, text)
    found = names_by_type(ex)
    assert {"“巾帼调解室”品牌", "“老杨调解室”工作法"} <= found.get(EntityType.PROGRAM, set()), found
    assert found.get(EntityType.ORGANIZATION, set()) & {"巾帼调解室", "老杨调解室"} == set(), found
    assert "老兵调解室" in found.get(EntityType.ORGANIZATION, set()), found


def test_a_bodys_quoted_room_keeps_the_body(nlp):
    """某县人民检察院“检察蓝”工作室, 县人民法院“老马调解室”: the room is the body's and keeps its
    name, whether the core follows the quote or ends it."""
    text = ("崇左市2023年法治政府建设年度报告\n崇左市司法局\n宁明县人民检察院“木棉红”工作室被评为优秀工作室,"
            "县人民法院“老马调解室”调处纠纷。\n")
    found = orgs(nlp, text)
    assert {"宁明县人民检察院“木棉红”工作室", "宁明县人民法院“老马调解室”"} <= found, found
    assert not {"“木棉红”工作室", "老马调解室"} & found, found


def test_sub_units_coordinated_after_a_sub_unit_share_its_body(nlp):
    """区法院统景法庭、兴隆法庭: the second tribunal is the same court's; 行政复议科、法制科 are the
    same bureau's; a body with its own place after the comma (、市公安局) is not a sub-unit."""
    text = ("渝北区2023年报告\n渝北区司法局\n区法院统景法庭、兴隆法庭巡回审判,区司法局行政复议科、法制科、"
            "区公安分局参加,渝北融媒报道。\n")
    found = orgs(nlp, text)
    assert {"渝北区人民法院统景人民法庭", "渝北区人民法院兴隆人民法庭", "渝北区司法局法制科",
            "渝北区公安分局", "渝北融媒"} <= found
    assert not any(o.endswith("司法局区公安分局") for o in found), found


def test_an_honour_in_quotes_before_the_winners_name():
    """“全国模范人民调解员”韦秀英: the closing quote stands between the title and the name."""
    from kg.grammar.persons import match_persons
    import rjieba
    text = "会上表彰了“全国模范人民调解员”韦秀英,“先进个人”称号获得者另行公布。"
    starts = {t[1] for t in rjieba.tokenize(text)} | {len(text)}
    assert [c.name for c in match_persons(text, starts)] == ["韦秀英"]


def test_press_conference_outlets_and_a_core_before_a_verb(nlp):
    """河北日报记者:请问… names an outlet on the questioner's line; 市律师协会组织律师: 组织 is the
    verb after the body, while 中心组 goes on (学习中心组 is the centre's group, no body here)."""
    text = ("石家庄市优化营商环境新闻发布会\n市律师协会组织120名律师开展体检。\n长城网记者:请问有哪些举措?\n"
            "本报记者:请介绍。\n")
    found = orgs(nlp, text)
    assert {"石家庄市律师协会", "长城网"} <= found
    assert not any(o.startswith("本报") or o.endswith("组织") for o in found), found


def test_a_city_bureaus_report_names_its_party_group_and_partners(nlp):
    """In a report whose title opens with its author (陇南市司法局…工作总结) 局党组 is the author's
    though other 局 are named; a national bank's branch, a company's full legal form, and no
    body from a verb inside a stem (…分行组建…服务团)."""
    text = ("陇南市司法局2023年工作总结\n2023年,市司法局扎实推进各项工作。局党组认真履行主体责任,武都区、"
            "文县司法局建成公共法律服务中心。联合中国人民银行陇南市分行组建民营企业法律服务团,"
            "为陇南农村商业银行股份有限公司提供服务。\n")
    found = orgs(nlp, text)
    assert {"陇南市司法局党组", "中国人民银行陇南市分行", "陇南农村商业银行股份有限公司"} <= found
    assert not any("组建" in o for o in found), found


def test_universities_courts_and_legislative_offices(nlp):
    """Universities with or without a known place (湘潭大学, 华东政法大学, + 法学院); 省高院 is the
    province's 高级人民法院; 法工委 and 第一检察部 are sub-units; 大学生 and a bare 老年大学 are none."""
    text = ("湘潭市2023年法治政府建设年度报告\n湘潭市司法局\n与湘潭大学、华东政法大学合作,组织大学生参加,"
            "老年大学开课,省高院、市人大常委会法工委、市人民检察院第一检察部参加,湖南大学法学院承办。\n")
    found = orgs(nlp, text)
    assert {"湘潭大学", "华东政法大学", "湖南省高级人民法院", "湘潭市人大常委会法工委",
            "湘潭市人民检察院第一检察部", "湖南大学法学院"} <= found
    assert not any(o.endswith(("大学生", "高院")) or o.startswith(("组织", "老年")) for o in found), found


def test_a_commissions_office_is_named_in_its_own_right(nlp):
    """市委全面依法治市委员会办公室 is the office; it is no mention of the commission, while a
    group under the commission is (…委员会普法宣传协调小组 names 市委全面依法治市委员会)."""
    office = orgs(nlp, "遵义市法治建设报告\n遵义市司法局\n市委全面依法治市委员会办公室印发通知。\n")
    assert "遵义市委全面依法治市委员会办公室" in office
    assert "遵义市委全面依法治市委员会" not in office, office
    group = orgs(nlp, "遵义市法治建设报告\n遵义市司法局\n市委全面依法治市委员会普法宣传协调小组召开会议。\n")
    assert "遵义市委全面依法治市委员会" in group, group


def test_a_station_named_by_its_county_and_town_stem(nlp):
    """泗洪县龙集司法所: a county, a town's stem, the station; not 乡镇/基层/各 or a count."""
    text = ("宿迁市2024年司法行政工作会议\n沭阳县司法局、泗洪县上塘司法所被评为先进集体,沭阳县乡镇司法所、"
            "泗洪县14个司法所、宿城区基层司法所参加。\n")
    found = orgs(nlp, text)
    assert "泗洪县上塘司法所" in found
    assert not any(o.endswith(("乡镇司法所", "基层司法所", "个司法所")) for o in found), found


def test_a_bodys_party_group_unless_it_opens_a_members_title(nlp):
    """市司法局党组研究决定: the party group is a body; 党组成员、副局长 and 党委书记 are posts."""
    text = ("宿迁市2024年工作总结\n宿迁市司法局\n市司法局党组研究决定,市公安局党组成员、副局长王明,"
            "省司法厅党委书记李强出席,市委党委会议召开。\n")
    found = orgs(nlp, text)
    assert "宿迁市司法局党组" in found
    assert not {"宿迁市公安局党组", "江苏省司法厅党委", "宿迁市委党委"} & found, found


def test_a_body_receiving_an_honour_named_like_a_body_keeps_its_own_name(nlp):
    found = orgs(nlp, "临河区城关街道人民调解委员会荣获全国模范人民调解委员会称号。"
                      "青山镇人民调解委员会获评全省优秀人民调解委员会。")
    assert {"城关街道人民调解委员会", "青山镇人民调解委员会"} <= found
    assert not any("荣获" in n or "获评" in n for n in found)


def test_a_verb_of_building_ends_a_village_it_does_not_open_a_body(nlp):
    found = orgs(nlp, "清镇市红枫湖镇右七村建成调解室，区直部门采取集中学法方式。")
    assert not any("建成" in n or "采取" in n for n in found)


def test_a_bare_district_word_in_a_city_report_is_the_district_its_sentence_named(nlp):
    doc = nlp("襄阳市司法局2023年工作总结\n樊城区司法局联合区市场监管局开展普法，区委政法委参加。"
              "保康县人民法院会同县公安局化解纠纷。\n区教育局举办讲座。\n")
    names = {c.name for c in doc._.lg_mentions if c.etype == EntityType.ORGANIZATION}
    assert {"樊城区市场监管局", "樊城区委政法委", "保康县公安局"} <= names
    # a sentence that names no district gives a bare 区 no place
    assert not any(n.endswith("区教育局") for n in names)


def test_a_quoted_body_is_a_body_and_not_also_a_brand(nlp):
    doc = nlp("东莞市司法局设立“莞邑和事佬工作室”，打造“和美”“邻里通”等村居调解中心品牌。")
    kinds: dict[str, set[str]] = {}
    for c in doc._.lg_mentions:
        kinds.setdefault(c.name.strip("“”"), set()).add(c.etype.name)
    assert kinds["莞邑和事佬工作室"] == {"ORGANIZATION"}
    # …等调解中心品牌 names brands: the kind of body only qualifies them
    assert "ORGANIZATION" not in kinds.get("和美", set()) and "ORGANIZATION" not in kinds.get("邻里通", set())


def test_and_joins_two_fields_of_one_department_but_not_two_bodies(nlp):
    doc = nlp("曲靖市沾益区2023年法治政府建设报告\n区发展和改革局、区教育和体育局、区住房和城乡建设局参加培训。"
              "区司法局和公安局联合执法。区委办公室和协调小组负责落实，区级干部和信访工作联席会议定期召开。\n")
    names = {c.name for c in doc._.lg_mentions if c.etype == EntityType.ORGANIZATION}
    assert {"沾益区发展和改革局", "沾益区教育和体育局", "沾益区住房和城乡建设局", "沾益区司法局"} <= names
    assert not any("局和" in n or "室和" in n or "干部和" in n for n in names)


def test_the_standard_name_of_a_dispute_resolution_centre_is_a_body(nlp):
    doc = nlp("沙坪坝区2023年法治政府建设报告\n区委政法委牵头建设区社会矛盾纠纷调处化解中心，"
              "各街道调处纠纷中心随即启动。\n")
    names = {c.name for c in doc._.lg_mentions if c.etype == EntityType.ORGANIZATION}
    assert "沙坪坝区社会矛盾纠纷调处化解中心" in names
    assert not any(n.endswith("调处纠纷中心") for n in names)


def test_a_far_county_named_in_full_lends_its_short_form_to_its_bodies(nlp):
    """临武县… then 临武法院: once the text names a county of another province in full, its short
    form before an organ core is that county's body; a far county's short form the text never
    names in full (宜章法院) stays no body."""
    text = ("连州市2023年法治政府建设年度报告\n连州市司法局\n连州市人民法院与临武县签订跨省联调协议,"
            "连州法院和临武法院定期会商。宜章法院派员列席。\n")
    found = orgs(nlp, text)
    assert {"连州市人民法院", "临武县人民法院"} <= found, found
    assert not any(o.startswith("宜章") for o in found), found


def test_a_company_name_may_open_with_its_groups_short_name(nlp):
    """中石化宜宾…有限公司: the group's abbreviation before the place is part of the company's name;
    a verb before the place (帮助宜宾…) is not."""
    text = ("宜宾市2023年法治政府建设年度报告\n宜宾市司法局\n审结中石化宜宾石油销售有限公司合同纠纷案,"
            "帮助宜宾丝丽雅纺织有限公司完善合规制度。\n")
    found = orgs(nlp, text)
    assert "中石化宜宾石油销售有限公司" in found, found
    assert "宜宾丝丽雅纺织有限公司" in found, found
    assert not any(o.startswith("帮助") for o in found), found


def test_a_league_or_prefectures_administrative_office_is_its_government(nlp):
    """锡林郭勒盟行政公署, 盟行署 (its short form, after the bare league word): the league's
    government, one body; its general office is a body of its own."""
    text = ("锡林郭勒盟2023年法治政府建设年度报告\n锡林郭勒盟行政公署印发《锡林郭勒盟草原保护办法》,"
            "盟行署办公室组织实施。\n")
    found = orgs(nlp, text)
    assert {"锡林郭勒盟行政公署", "锡林郭勒盟行政公署办公室"} <= found, found


def test_a_quoted_brand_named_after_a_place_is_no_body(nlp):
    """“历下泉城办”服务品牌: a place's short form opening a quote that closes on an organ core
    names a brand, not a 泉城办 of the district; the place's real bodies are still found."""
    text = ("济南市历下区2023年法治政府建设工作报告\n区行政审批服务局推出“历下泉城办”服务品牌,历下区司法局参与。\n")
    found = orgs(nlp, text)
    assert {"历下区行政审批服务局", "历下区司法局"} <= found, found
    assert not any(o.endswith("泉城办") for o in found), found


def test_a_prefecture_named_diqu_opens_its_bodies_with_the_bare_word(nlp):
    """In 喀什地区's report 地区司法局 and 地区行署 are its own; 各地区司法局 and 贫困地区 name none."""
    text = ("喀什地区2023年法治建设工作总结\n地区司法局组织培训,地区行署出台《喀什地区河湖管理办法》,"
            "各地区司法局参加,贫困地区司法所覆盖。\n")
    found = orgs(nlp, text)
    assert {"喀什地区司法局", "喀什地区行政公署"} <= found, found
    assert not any(o.startswith(("各", "贫困")) for o in found), found


def test_a_forensic_institute_is_a_legal_service_body(nlp):
    """司法鉴定所 after a place (寿光市司法鉴定所, 市司法鉴定所) or a name (潍坊诚信司法鉴定所)."""
    text = "潍坊市2023年法治政府建设年度报告\n潍坊诚信司法鉴定所出具意见,寿光市司法鉴定所、市司法鉴定所参加。\n"
    assert {"潍坊诚信司法鉴定所", "寿光市司法鉴定所", "潍坊市司法鉴定所"} <= orgs(nlp, text)


def test_a_body_set_up_in_each_of_several_units_is_no_body_of_the_place(nlp):
    """119个村全部建立人民调解委员会, 16个镇街建成…邻里中心: each unit its own, a kind of body, not the
    county's one; 县司法局成立律师调解委员会 sets up one."""
    found = orgs(nlp, "龙胜各族自治县司法局2023年工作总结\n全县10个乡镇、119个村全部建立人民调解委员会。"
                      "16个镇街建成网格邻里中心。县司法局成立律师调解委员会。\n")
    assert "龙胜各族自治县律师调解委员会" in found, found
    assert not any(o.endswith(("县人民调解委员会", "网格邻里中心")) for o in found), found


def test_a_new_areas_own_bodies_by_the_word_xinqu(nlp):
    """In 滨海新区's report 新区司法局 is 滨海新区司法局 (as 区司法局 would be); 新区 closing a name
    (金普新区) opens nothing, and elsewhere 新区 opens no body."""
    found = orgs(nlp, "滨海新区2023年法治政府建设情况报告\n新区司法局、新区教体局联合开展活动，由新区城市管理委员会"
                      "牵头，金普新区司法局参加。\n")
    assert {"滨海新区司法局", "滨海新区教体局", "滨海新区城市管理委员会"} <= found, found
    other = orgs(nlp, "大连市2023年法治政府建设年度报告\n大连市司法局\n新区司法局参加。\n")
    assert not any(o.startswith("大连市新区") or o.endswith("新区司法局") and o != "金普新区司法局" for o in other), other


def test_offices_and_courts_by_their_short_names(nlp):
    """区委办, 区政府办: the general offices (区委办公室, 区人民政府办公室); 省法院 is the high court, 省检察院
    the province's procuratorate; 海洋与渔业局 holds 与, 司法局与公安局 are two bodies."""
    found = orgs(nlp, "常德市鼎城区2023年法治政府建设年度报告\n鼎城区人民政府\n由区委办、区政府办联合印发通知。"
                      "省法院、省检察院联合开展。区海洋与渔业局参加，区司法局与区公安分局联合执法。\n")
    assert {"鼎城区委办公室", "鼎城区人民政府办公室", "湖南省高级人民法院", "湖南省人民检察院",
            "鼎城区海洋与渔业局", "鼎城区司法局", "鼎城区公安分局"} <= found, found
    assert not any("与" in o and o != "鼎城区海洋与渔业局" for o in found), found
    assert not any(o.endswith(("委办", "府办", "省法院", "省检察院")) for o in found), found


def test_the_last_character_of_a_places_name_is_no_level_word(nlp):
    """In 石河子市's report 与沙湾市四道河子镇… : the 市 of 沙湾市 opens no body of 石河子市 (the place
    沙湾市 was lost to one); 市司法局 still is the city's."""
    text = ("石河子市2023年法治建设工作总结\n一五二团与沙湾市四道河子镇共建调解室，市司法局参加。\n")
    found = orgs(nlp, text)
    assert "石河子市司法局" in found, found
    assert not any(o.startswith("石河子市四道河子镇") for o in found), found
    assert "沙湾市" in mention_names(nlp, text, EntityType.PLACE)


def test_a_level_word_before_ji_names_a_level_not_a_body(nlp):
    """建成市级公共法律服务中心1个, 组建市级专业应急救援队伍: 市级 is a level (a kind of centre at the
    city's level), not 市 opening the city's body named 级…; 市公共法律服务中心 is the city's."""
    found = orgs(nlp, "太原市司法局2023年工作总结\n建成市级公共法律服务中心1个、县级10个，组建市级专业应急救援队伍。"
                      "市公共法律服务中心接待群众。\n")
    assert "太原市公共法律服务中心" in found, found
    assert not any("市级" in o for o in found), found
    # a lower level's body set up in a city's report (建成区级矛调中心) is no body of the city
    lower = orgs(nlp, "南充市2023年度法治政府建设十大典型案例\n顺庆区整合力量，建成区级矛调中心。\n")
    assert not any(o.endswith("矛调中心") for o in lower), lower


def test_a_set_up_body_named_after_a_relative_clause(nlp):
    """组建500余名律师、20余名公证员参加的中小企业法律服务团: the body named after the clause's 的
    (with the report's place), not the counted people before it; 组建169人的…服务团队 is a team of a
    kind (团队 a word), and 建立了完善的工作机制 sets up no body."""
    text = ("泰安市2023年法治政府建设年度报告\n组建300余名执业律师、20余名公证员参加的中小企业法律服务团,"
            "组建169人的心理健康服务团队,建立了完善的工作机制。\n")
    found = orgs(nlp, text)
    assert "泰安市中小企业法律服务团" in found, found
    assert not any("律师" in o or "机制" in o or "心理" in o for o in found), found


def test_think_tanks_and_panels_set_up_are_bodies(nlp):
    """成立了56名代表组成的政府立法监督智库, 成立法律顾问团: bodies (智库, 顾问团, 讲师团 cores); a
    panel only named (发挥讲师团作用) is none."""
    text = "泰安市2023年法治政府建设年度报告\n成立了56名代表组成的政府立法监督智库,成立法律顾问团,发挥讲师团作用。\n"
    found = orgs(nlp, text)
    assert {"泰安市人民政府立法监督智库", "泰安市法律顾问团"} <= found, found
    assert not any(o.endswith("讲师团") for o in found), found


def test_a_mediation_room_named_after_its_town_and_no_body_in_an_honours_name(nlp):
    """开元街道调解室, 青石镇调解室: a town's room is named by the town alone; a bare 调解室 (各村建立
    调解室, 在调解室开展) is a kind, not a body; an honour that is all a body's name
    (获评“福建省金牌调解工作室”) names no body."""
    text = ("厦门市思明区2023年法治政府建设年度报告\n开元街道调解室获评“福建省金牌调解工作室”。各村建立调解室,"
            "在调解室开展调解。青石镇调解室参加。\n")
    found = orgs(nlp, text)
    assert {"开元街道调解室", "青石镇调解室"} <= found, found
    assert not {"调解室", "福建省金牌调解工作室"} & found, found


def test_the_peoples_organisations_every_county_has(nlp):
    """县残联, 县科协, 县红十字会, 县法学会, 县律协, 县人武部: the county's people's organisations and
    armed forces' department, named by the level word, and the Youth League's committee with
    its level inside (团县委); 省法学会立法学研究会 keeps its research society (no 省法学会 cut
    from it)."""
    text = ("汝城县司法局2023年工作总结\n县妇联、县残联、县科协、县红十字会、县法学会、县律协、县人武部参加会议。"
            "湖南省法学会立法学研究会派员指导。团县委、团市委开展青少年普法,集团委托律师。\n")
    found = orgs(nlp, text)
    assert {"汝城县残联", "汝城县科协", "汝城县红十字会", "汝城县法学会", "汝城县律协", "汝城县人武部",
            "湖南省法学会立法学研究会", "汝城县团委", "郴州市团委"} <= found, found
    assert "湖南省法学会" not in found and not any("集团" in o for o in found), found


def test_a_towns_bare_level_word_in_its_own_report(nlp):
    """天目湖镇司法所2023年工作总结: 镇人民调解委员会, 镇党委, 联合镇派出所 are that town's bodies (联合
    is a verb, no town 联合镇); in a county's report 镇党委 and 各乡镇党委 name no body."""
    text = ("溧阳市天目湖镇司法所2023年工作总结\n在镇党委领导下开展工作。镇人民调解委员会被评为金牌调解委员会。"
            "联合镇派出所开展普法,各乡镇党委参加。\n")
    found = orgs(nlp, text)
    assert {"天目湖镇党委", "天目湖镇人民调解委员会", "天目湖镇派出所"} <= found, found
    assert not any(o.startswith(("联合镇", "乡镇", "各")) for o in found), found
    county = orgs(nlp, "溧阳市2023年法治政府建设年度报告\n镇党委、镇政府参加。各乡镇党委参加。\n")
    assert not any("镇" in o for o in county), county
    # a town named later in the title line is not the report's own
    later = orgs(nlp, "关于溧阳市2023年法治建设的报告（天目湖镇经验）\n镇人民调解委员会获评金牌调解委员会。\n")
    assert not any(o.startswith("天目湖镇") for o in later), later


def test_a_bureaus_branches_in_its_own_report(nlp):
    """赤水市分局, 汇川区分局 in a city bureau's own report: its branches in those counties
    (遵义市生态环境局汇川区分局); in a place's report, or before 长 (分局长, a post), none."""
    text = ("遵义市生态环境局2023年法治政府建设工作报告\n赤水市分局、汇川区分局开展抽查,汇川区分局长出席。\n")
    found = orgs(nlp, text)
    assert {"遵义市生态环境局赤水市分局", "遵义市生态环境局汇川区分局"} <= found, found
    assert len([o for o in found if o.endswith("分局")]) == 2, found
    place = orgs(nlp, "遵义市2023年法治政府建设年度报告\n赤水市分局开展抽查。\n")
    assert not any(o.endswith("分局") for o in place), place


def test_a_rule_of_law_office_by_its_short_name_is_the_office(nlp):
    """市委依法治市办 and 市委全面依法治市委员会办公室 in one report: one office (the short name is the
    usual abbreviation), named in full; the committee itself (…委员会) stays a body of its own."""
    text = ("中共宿迁市委全面依法治市委员会办公室关于2023年度法治建设工作情况的报告\n市委依法治市办印发工作要点,"
            "市委全面依法治市委员会召开会议。\n")
    found = orgs(nlp, text)
    assert "宿迁市委全面依法治市委员会办公室" in found and "宿迁市委全面依法治市委员会" in found, found
    assert not any(o.endswith("依法治市办") for o in found), found


def test_a_firms_office_named_with_its_city_in_brackets(nlp):
    """北京大成（深圳）律师事务所, 上海锦天城（杭州）律师事务所: one firm's office each, its city inside
    its name (聘请 is the verb before it, no part of it); 各律师事务所（分所） names none."""
    text = ("深圳市司法局2023年工作总结\n北京大成（深圳）律师事务所被评为全国优秀律师事务所。聘请上海锦天城（杭州）"
            "律师事务所担任法律顾问。各律师事务所（分所）参加。\n")
    found = orgs(nlp, text)
    assert {"北京大成（深圳）律师事务所", "上海锦天城（杭州）律师事务所"} <= found, found
    assert not any(o.startswith(("聘请", "各")) for o in found), found



def test_a_firms_office_opening_with_its_municipalitys_full_name(nlp):
    """北京市盈科（南宁）律师事务所: the firm registered in a municipality writes its full name first,
    so the office opens with it, also after a verb (聘请北京市…); not 盈科（南宁）律师事务所 alone."""
    text = ("南宁市青秀区2024年法治政府建设年度报告\n北京市盈科（南宁）律师事务所派驻律师参与信访接待。聘请上海市"
            "锦天城（南宁）律师事务所为法律顾问。\n")
    found = orgs(nlp, text)
    assert {"北京市盈科（南宁）律师事务所", "上海市锦天城（南宁）律师事务所"} <= found, found
    assert not any(o.startswith(("盈科", "锦天城", "聘请")) for o in found), found


def test_housing_and_business_environment_bureaus_hold_standard_phrases(nlp):
    """住房保障局, 住房保障和房屋管理局, 营商环境建设局: 保障 and 建设 are part of the departments'
    standard names there; the activities (加强住房保障工作, 推进营商环境建设) are still none."""
    text = ("徐汇区司法局2024年工作总结\n区住房保障局牵头，区住房保障和房屋管理局、区营商环境建设局配合。"
            "全区加强住房保障工作，推进营商环境建设。\n")
    found = orgs(nlp, text)
    assert {"徐汇区住房保障局", "徐汇区住房保障和房屋管理局", "徐汇区营商环境建设局"} <= found, found
    assert not any("加强" in o or o.endswith("工作") for o in found), found


def test_a_provinces_prisons_and_institutions_by_their_stems(nlp):
    """省汉江监狱, 省未成年犯管教所, 省女子强制隔离戒毒所: a province's institutions named by a stem
    after the province; 全省推进智慧监狱建设 names none."""
    text = ("湖北省司法厅2024年工作总结\n省沙洋监狱管理局、省汉江监狱、省未成年犯管教所、省女子强制隔离戒毒所"
            "实现安全目标。全省推进智慧监狱建设。\n")
    found = orgs(nlp, text)
    assert {"湖北省沙洋监狱管理局", "湖北省汉江监狱", "湖北省未成年犯管教所", "湖北省女子强制隔离戒毒所"} <= found, found
    assert not any("智慧" in o or "推进" in o for o in found), found


def test_a_standing_committees_working_committees(nlp):
    """市人大常委会法制工作委员会, 预算工作委员会: 工作 names the kind of committee; 推进法治工作委员会换届
    is an activity, no body."""
    found = orgs(nlp, "深圳市人大常委会2024年立法工作情况报告\n市人大常委会法制工作委员会牵头起草。"
                      "市人大常委会预算工作委员会参加。全市推进法治工作委员会换届工作。\n")
    assert {"深圳市人大常委会法制工作委员会", "深圳市人大常委会预算工作委员会"} <= found, found
    assert not any("推进" in o or "换届" in o for o in found), found


def test_a_body_before_deng_closing_a_list(nlp):
    """区交通运输局等15个执法部门, 市卫健委等28个部门: jieba reads 局等 and 委等 as words, yet 等 closes
    the list after the body; 格局等方面 names none."""
    found = orgs(nlp, "宜宾市叙州区2024年度法治政府建设情况报告\n区市场监管局、区交通运输局等15个执法部门推行改革。"
                      "区卫健委等8个部门参加。加强工作格局等方面建设。\n")
    assert {"叙州区市场监管局", "叙州区交通运输局", "叙州区卫健委"} <= found, found
    assert not any("格局" in o for o in found), found


def test_a_station_named_by_a_word_the_dictionary_knows_as_a_name(nlp):
    """东升派出所, 城关派出所: the stem is a word of the dictionary, but one it knows as a name (a
    person's, a place's), so the station is a body; words it knows otherwise (基层, 文明, 规范)
    before 派出所 name none."""
    text = ("双流区2024年法治政府建设年度报告\n区公安分局推行“首违警告”制度，东升派出所获评“枫桥式公安派出所”。"
            "城关派出所民警王强被评为先进个人。基层派出所、规范派出所建设全面推进。\n")
    found = orgs(nlp, text)
    assert {"东升派出所", "城关派出所"} <= found, found
    assert not any(o.startswith(("基层", "规范", "文明")) for o in found), found


def test_a_teams_word_after_a_core_is_no_body(nlp):
    """加强凤桥镇综合执法队伍建设, 组建县级专业应急救援队伍: 队伍 is the teams of a kind, no body named
    执法队; 凤桥镇综合执法队开展巡查 names one."""
    found = orgs(nlp, "南湖区2024年法治政府建设年度报告\n加强凤桥镇综合执法队伍建设，组建县级专业应急救援队伍5支。\n")
    assert not any(o.endswith(("执法队", "救援队")) for o in found), found
    found = orgs(nlp, "南湖区2024年法治政府建设年度报告\n凤桥镇综合执法队开展巡查。\n")
    assert "凤桥镇综合执法队" in found, found


def test_he_as_a_sound_of_the_word_a_firms_name_opens_with(nlp):
    """延边中和律师事务所, 延边和谐律师事务所: 和 is a sound of the word the stem opens with, no joint of
    two fields; 市司法局和市公安局 are still two bodies, and nothing runs over the joint."""
    text = ("延吉市司法局2024年工作总结\n延边中和律师事务所、延边和谐律师事务所提供法律顾问服务。"
            "市司法局和市公安局联合开展活动。\n")
    found = orgs(nlp, text)
    assert {"延边中和律师事务所", "延边和谐律师事务所", "延吉市司法局", "延吉市公安局"} <= found, found
    assert not any("局和" in o for o in found), found


def test_towns_listed_before_their_enforcement_brigade_each_have_one(nlp):
    """付集镇、高寺镇综合行政执法大队: each town keeps its own brigade, as with 执法队; a list of towns
    before a verb (成立…) names no brigade of each."""
    found = orgs(nlp, "项城市2024年法治政府建设情况报告\n付集镇、高寺镇综合行政执法大队开展巡查。\n")
    assert {"付集镇综合行政执法大队", "高寺镇综合行政执法大队"} <= found, found
    assert not any(o.startswith("付集镇、") for o in found), found


def test_a_committees_short_name_after_a_level_word_jieba_joins_to_it(nlp):
    """市城管委, 市住建委, 市经信委: jieba reads 市城|管委 and 市住|建委, but 委 closing a word of the
    dictionary is a committee's short name, unlike 局 in 布局; 局党委 (the bureau's party
    committee) and 市场布局 name none."""
    found = orgs(nlp, "株洲市2023年法治政府建设年度报告\n市城管委印发《株洲市户外广告设置管理办法》，市住建委、"
                      "市经信委开展执法检查。市局党委高度重视，优化市场布局。\n")
    assert {"株洲市城管委", "株洲市住建委", "株洲市经信委"} <= found, found
    assert not any(o.endswith(("局党委", "布局")) for o in found), found


def test_a_branch_of_a_commission_or_association_in_a_place(nlp):
    """株洲仲裁委员会醴陵分会, 市律师协会茶陵分会: a branch (分会) named after its place is a body of its
    own after its parent's name; 分会场 (a venue) and 召开分会会议 name none."""
    found = orgs(nlp, "株洲市2023年法治政府建设年度报告\n株洲仲裁委员会醴陵分会挂牌成立，市律师协会茶陵分会同步成立。"
                      "市仲裁委员会分会场设在醴陵，市法学会召开分会会议。\n")
    assert {"株洲仲裁委员会醴陵分会", "株洲市律师协会茶陵分会"} <= found, found
    assert not any(o.endswith(("分会场", "分会会议")) or "召开" in o for o in found), found


def test_a_verb_of_building_together_is_no_part_of_a_name(nlp):
    """区司法局与广西大学法学院共建普法基地: 共建 (build together) closes the body before it; the base is
    its object, no sub-unit of the school; a school's own base is one (实验中学青少年法治教育基地)."""
    found = orgs(nlp, "南宁市西乡塘区2024年法治政府建设年度报告\n区司法局与广西大学法学院共建普法基地，"
                      "区实验中学青少年法治教育基地挂牌。\n")
    assert {"广西大学法学院", "西乡塘区实验中学青少年法治教育基地"} <= found, found
    assert not any("共建" in o for o in found), found


def test_a_college_named_by_its_city_alone(nlp):
    """保定学院, 邢台学院: a college's name may be its city's short name and 学院 alone (as 河北大学 is a
    province's and 大学); 学院路 (a road named after one) is no body."""
    found = orgs(nlp, "保定市莲池区2023年法治政府建设情况报告\n河北大学法学院、保定学院与区司法局签订合作协议，"
                      "邢台学院参加。在市学院路开展普法宣传。\n")
    assert {"保定学院", "邢台学院", "河北大学法学院"} <= found, found
    assert not any(o.endswith(("学院路", "市学院")) for o in found), found


def test_a_legal_aid_office_is_a_body_and_no_handling(nlp):
    """法律援助处, a county's or city's legal aid office as some provinces name it (beside 法律援助中心
    and 公证处); 援助 + 处理 (handling) is none."""
    text = ("清远市2023年法治政府建设年度报告\n清远市司法局\n连南县法律援助处全年办理案件286件,"
            "市法律援助处开展“援企护航”活动。法律援助处理了一批欠薪案件。\n")
    found = orgs(nlp, text)
    assert {"连南县法律援助处", "清远市法律援助处"} <= found, found
    assert not any(o.startswith("法律援助") or "处理" in o for o in found), found
