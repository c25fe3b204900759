"""Named officials on sentences written for these tests (Hunan, Fujian, Jiangxi, Sichuan, Guizhou
reports), and the private persons that must never become entities."""
from __future__ import annotations

from kg.model import EntityType

from .helpers import mention_names


NLP_EXCLUDE = ["lg_relations"]  # the entities only (the `nlp` fixture: conftest.py)


def persons(nlp, text: str) -> set[str]:
    return mention_names(nlp, text, EntityType.PERSON)


def test_officials_but_never_private_persons(nlp):
    text = ("绵阳市法治建设报告\n市委书记曹立军出席会议。当事人张某某与李某发生纠纷,"
            "王小红(化名)申请调解,调解员刘德华现场调处。\n")
    found = persons(nlp, text)
    assert "曹立军" in found
    assert not any("某" in p or p == "王小红" for p in found), found


def test_a_form_of_address_is_no_name(nlp):
    """调解员赵大妈, 王师傅: a surname and a word of address name someone addressed, not an official
    on record; a mediator named in full still is one."""
    text = ("临沂市2024年法治政府建设年度报告\n调解员赵大妈耐心调解,王师傅、李老师参与,"
            "调解员孙秀英获评“全省金牌调解员”。\n")
    found = persons(nlp, text)
    assert "孙秀英" in found, found
    assert not found & {"赵大妈", "王师傅", "李老师"}, found


def test_the_heads_of_autonomous_prefectures_leagues_and_banners(nlp):
    text = ("延边朝鲜族自治州2023年法治政府建设工作报告\n州长金春山听取汇报,副州长朴成哲主持会议,"
            "阿拉善盟盟长李永刚、额济纳旗旗长巴特尔出席。州长办公会议审议通过。\n")
    found = persons(nlp, text)
    assert {"金春山", "朴成哲", "李永刚", "巴特尔"} <= found, found
    assert not any(p.startswith(("办公", "会议")) for p in found), found


def test_frequent_words_jieba_tags_as_names_are_no_officials(nlp):
    """jieba's dictionary tags 荣获 as a name: after a body (县司法局荣获…) it is a verb."""
    text = ("连州市法治建设报告\n市司法局荣获“全国公共法律服务工作先进集体”称号,"
            "市公安局许可审批提速,东陂镇司法所所长陈建国冒雨调解。\n")
    found = persons(nlp, text)
    assert "陈建国" in found
    assert not found & {"荣获", "许可"}, found


def test_the_last_of_several_positions_joined_by_a_comma_names_the_person(nlp):
    """In a speakers' list each official holds several posts (党委委员、副厅长): the name follows
    the last one, and the first post's match must not swallow the title before the name."""
    text = ("株洲市法治建设新闻发布会\n出席今天发布会的发布人有:\n"
            "湖南省司法厅党委委员、副厅长谭建华先生;\n株洲市司法局党委书记、局长邹立新女士;\n"
            "枫林镇党委委员、政法委员龚德明介绍了经验。\n")
    found = persons(nlp, text)
    assert {"谭建华", "邹立新", "龚德明"} <= found
    assert not any(p.endswith(("局", "厅", "委")) for p in found), found  # 司法局 + 党委书记


def test_a_name_after_a_position_and_a_space(nlp):
    """A transcript's speaker line: 办公室主任 刘其军: (the title, a space, the name)."""
    text = "醴陵市政策例行吹风会\n醴陵市人民政府办公室主任 刘其军:\n各位记者朋友,大家好。\n"
    found = persons(nlp, text)
    assert "刘其军" in found
    assert not any(p.endswith("室") for p in found), found  # 办公室 + 主任: 公室 is no name


def test_a_public_figure_named_with_tongzhi_after_a_verb(nlp):
    """是邓小平同志…: the word before the name (是) is not part of it."""
    text = "遵义市法治宣传报告\n今年是邓小平同志南方谈话发表30周年,也是人大代表刘其亮履职第五年。\n"
    found = persons(nlp, text)
    assert {"邓小平", "刘其亮"} <= found  # 其 is a given-name character, not only a pronoun
    assert not any(p.startswith("是") for p in found), found


def test_staff_named_right_after_their_unit(nlp):
    """jieba may join the unit's last character to the surname (司法|所王|正明)."""
    found = persons(nlp, "漳州市调解工作简报\n江口司法所王正明冒雨调解,城关司法所调解纠纷12件。\n")
    assert "王正明" in found
    assert not any(p.startswith("所") or "调解" in p for p in found), found


def test_villagers_and_the_public_are_never_officials(nlp):
    text = ("郴州市普法简报\n“听了讲座,我懂了很多。”汝城县热水镇热水村村民谢秋英说。"
            "群众王小红(化名)、村民刘某某也到场咨询,镇长黄志刚现场解答。\n")
    found = persons(nlp, text)
    assert "黄志刚" in found
    assert not found & {"谢秋英", "王小红"} and not any("某" in p for p in found), found


def test_names_coordinated_after_a_title_or_an_honour(nlp):
    """政协委员王延飞、冯天宇: each coordinated name holds the title; a winners' list follows its
    honour (先进工作者张德华、刘志远); a coordinated title (、副局长) or a 化名 is no name."""
    text = ("德州市2023年报告\n会议表彰了先进工作者张德华、刘志远、李晓峰,政协委员王延飞、冯天宇参加,"
            "局长王书国、副局长孙明出席,调解员刘德华、王小红(化名)到场,先进个人称号授予12人。\n")
    found = persons(nlp, text)
    assert {"张德华", "刘志远", "李晓峰", "王延飞", "冯天宇", "王书国", "孙明", "刘德华"} <= found
    assert not found & {"王小红", "副局长", "称号"}, found


def test_a_two_character_name_before_a_one_character_word(nlp):
    """科长周敏被评为…: the three characters after the title (周敏被) are no name, the two are; a
    three-character name stays whole (局长陈立新)."""
    text = ("浦东新区2023年法治政府建设情况报告\n区司法局法制科科长周敏被评为全国司法行政系统先进个人,"
            "局长陈立新出席。\n")
    assert persons(nlp, text) == {"周敏", "陈立新"}


def test_a_bodys_party_organ_after_it_is_no_staff_member(nlp):
    """经局党组会审议, 局党委会研究: the body's party organ, not a person 党组会 or 党委会; a staff
    member named after the unit still is (司法所张建伟)."""
    text = ("荆州市生态环境局2023年法治政府建设年度报告\n起草《荆州市生态环境行政处罚裁量基准》,经局党组会审议通过后印发,"
            "局党委会研究部署。郢城镇司法所张建伟调解纠纷。\n")
    assert persons(nlp, text) == {"张建伟"}


def test_a_name_of_parts_joined_by_a_middle_dot_after_a_title(nlp):
    """局长买买提·艾力主持…, 调解员热依拉·买买提被评为…: names of the north-west written by their
    sounds, the dot joining the parts; the words after the last part are no part of it; a name
    marked 化名 is never one."""
    text = ("喀什地区2023年法治建设工作总结\n地区司法局局长买买提·艾力主持会议,副局长阿依古丽·吐尔逊出席。"
            "调解员热依拉·买买提被评为全国模范人民调解员。局长艾尼瓦尔·吐尔洪·买买提讲话。"
            "当事人阿不都·热合曼（化名）参加。\n")
    assert persons(nlp, text) == {"买买提·艾力", "阿依古丽·吐尔逊", "热依拉·买买提", "艾尼瓦尔·吐尔洪·买买提"}


def test_a_name_that_is_also_a_word_between_a_title_and_a_cue(nlp):
    """所长李强荣获…: two characters between a title and a receiving cue name the official though
    the dictionary knows them as a word; 局长荣获… (the cue right after the title) names none."""
    text = ("德州市2023年法治政府建设年度报告\n伦镇司法所所长李强荣获“全国模范司法所长”称号,局长荣获全省表彰。\n")
    assert persons(nlp, text) == {"李强"}


def test_four_character_names_after_a_title_in_a_tibetan_areas_report(nlp):
    """In Lhasa's report 局长次仁旺堆主持…, 局长格桑卓玛讲话 name officials (four characters of sounds,
    no surname); 局长带头述法, 书记高度重视, 所长深入基层 name none (words of the sentence); in a report
    of another place the four characters are not read as a name."""
    text = ("拉萨市2023年法治政府建设年度报告\n市司法局局长次仁旺堆主持会议,城关区司法局局长格桑卓玛讲话。"
            "局长带头述法,书记高度重视,所长深入基层。\n")
    assert persons(nlp, text) == {"次仁旺堆", "格桑卓玛"}
    assert persons(nlp, text.replace("拉萨市", "济南市").replace("城关区", "历下区")) == set()
    # names of the elements Tibetan names are made of, though their characters spell other words
    # across them (扎西平措: 西平; 洛桑 is also a city's name), and a name of one element (央金)
    text = ("昌都市卡若区2023年法治政府建设情况报告\n区委书记扎西平措、区长洛桑多吉带头学法。区司法局副局长央金"
            "被评为全区优秀人民调解员，局长带头述法。\n")
    assert persons(nlp, text) == {"扎西平措", "洛桑多吉", "央金"}


def test_dai_names_after_a_title_in_a_dai_areas_report(nlp):
    """In a Dai autonomous prefecture's county 所长岩温被评为…, 局长岩罕庄主持…, 主任玉香荣获… name
    officials (岩 opens a man's name, 玉 a woman's, then one or two syllables); 局长带头述法 names
    none, and elsewhere 岩温 is not read as a name."""
    text = ("西双版纳傣族自治州勐腊县2023年法治政府建设年度报告\n勐腊镇司法所所长岩温被评为全国模范司法所长。"
            "局长岩罕庄主持会议，村委会主任玉香荣获全州优秀人民调解员称号。局长带头述法，所长深入村寨调解。\n")
    assert persons(nlp, text) == {"岩温", "岩罕庄", "玉香"}
    assert "岩温" not in persons(nlp, "大理市2023年法治政府建设年度报告\n所长岩温出席。\n")


def test_a_sound_name_never_takes_the_receiving_verb_after_it(nlp):
    """调解委员会主任道吉加获“全国模范人民调解员”称号: 获 opens the predicate; the four characters
    道吉加获 are no Tibetan name."""
    text = "夏河县司法局2023年工作总结\n甘加镇人民调解委员会主任道吉加获“全国模范人民调解员”称号。\n"
    assert not any(p.endswith("获") for p in persons(nlp, text))


def test_a_posts_qualifier_in_brackets_between_title_and_name(nlp):
    """副县长（挂职）孙七, 局长（主持工作）周明, 二级调研员（正处级）刘强 name officials; 局长（左一）带头述法
    (a caption's position, no qualifier of a post) names none."""
    text = ("宜宾市2023年法治政府建设年度报告\n副县长（挂职）孙七参加。局长（主持工作）周明讲话。二级调研员（正处级）"
            "刘强出席。局长（左一）带头述法。\n")
    assert persons(nlp, text) == {"孙七", "周明", "刘强"}


def test_judges_and_procurators_named_after_their_rank(nlp):
    """审判员张丽华, 检察员王强, 执行员李明: court and procuratorate staff named after their rank are
    officials; a party's lawyer or a people's assessor is not (律师赵某, 人民陪审员孙红)."""
    text = ("景德镇市中级人民法院2023年工作报告\n乐平市人民法院审判员张丽华荣获全国法院办案标兵称号,"
            "市检察院检察员王强被评为全省优秀检察官,执行员李明参加执行。律师赵某、人民陪审员孙红旁听。\n")
    found = persons(nlp, text)
    assert {"张丽华", "王强", "李明"} <= found, found
    assert not {"孙红"} & found and not any("某" in p for p in found), found


def test_a_light_verb_after_a_two_character_name_is_no_part_of_it(nlp):
    """局长赵刚作报告, 局长李明作了讲话, 局长李强任总指挥: the name is two characters (though 李强 is
    also a word), the light verb opens the predicate; a three-character name keeps its third
    (局长王海燕出席)."""
    text = ("北安市2023年法治政府建设年度报告\n市司法局党组书记、局长赵刚作报告。县长李明作了讲话。"
            "副局长王海燕出席。成立由公安局长李强任总指挥的指挥部。\n")
    found = persons(nlp, text)
    assert {"赵刚", "李明", "王海燕", "李强"} <= found, found
    assert not any(p.endswith(("作", "任")) for p in found), found


def test_a_name_with_a_two_character_surname_before_a_title(nlp):
    """欧阳晓峰副市长讲话: jieba splits the surname from the given name (欧阳|晓峰), which a name with
    a two-character surname may be; a word inside a one-character surname's given name is still
    none (由人民…)."""
    text = "北安市2023年法治政府建设年度报告\n欧阳晓峰副市长讲话。上官红同志出席。\n"
    found = persons(nlp, text)
    assert {"欧阳晓峰", "上官红"} <= found, found
    assert not any(p in ("阳晓峰", "晓峰") for p in found), found


def test_given_names_holding_a_function_character(nlp):
    """局长张向阳被…, 书记李为民, 主任王和平: 向/为/和 are characters of given names as often as function
    words; 向群众宣讲, 以身作则 after a title are still no names."""
    text = ("莘县2022年法治政府建设年度报告\n局长张向阳被评为全国普法先进个人，书记李为民参加，主任王和平讲话。"
            "局长带头向群众宣讲，科长以身作则。\n")
    found = mention_names(nlp, text, EntityType.PERSON)
    assert {"张向阳", "李为民", "王和平"} <= found, found
    assert not any(n.startswith(("带头", "以身")) or "群众" in n for n in found), found


def test_a_roster_of_police_and_station_heads(nlp):
    """张明 市公安局法制支队支队长: a list line of a name and a post names him, the posts of the
    police's detachments and of stations as well as a bureau's; a line without a post names none."""
    text = ("关于表彰2023年度全市法治建设先进个人的决定\n先进个人（3名）\n张明 市公安局法制支队支队长\n"
            "赵刚 县公安局治安大队大队长\n李红 新泰市司法局副局长\n王涛 群众\n")
    found = mention_names(nlp, text, EntityType.PERSON)
    assert {"张明", "赵刚", "李红"} <= found, found
    assert "王涛" not in found, found


def test_yi_names_after_a_title_in_a_yi_areas_report(nlp):
    """县长阿西木呷出席: in a Yi autonomous place's report a clan name and a given name, four
    characters, after a title (not the three a surname would read); a Han official's name keeps
    its length (书记张明华出席, 民警张伟荣记…); elsewhere the four are not read."""
    text = ("峨边彝族自治县2023年法治政府建设年度报告\n县长阿西木呷出席会议，副县长吉克石且参加，"
            "书记张明华出席，民警张伟荣记个人三等功。\n")
    found = mention_names(nlp, text, EntityType.PERSON)
    assert {"阿西木呷", "张明华", "张伟"} <= found, found
    assert not any(n in found for n in ("阿西木", "张明华出", "张伟荣记")), found
    other = mention_names(nlp, "乐山市2023年法治政府建设年度报告\n县长阿西木呷出席会议。\n", EntityType.PERSON)
    assert "阿西木呷" not in other, other


def test_mongolian_names_after_a_title_in_a_mongolian_areas_report(nlp):
    """副局长乌云其其格讲话, 调解员其木格被评为…: in Inner Mongolia, three to five characters of sounds
    (no surname; 乌云 spells a word) after a title name an official; 主任工作会议, 局长带头述法 name
    none, and elsewhere such names are not read."""
    text = ("锡林郭勒盟司法局2023年工作总结\n副局长乌云其其格讲话。调解员其木格被评为全区优秀人民调解员。"
            "局长带头述法,主任工作会议召开。\n")
    found = persons(nlp, text)
    assert {"乌云其其格", "其木格"} <= found, found
    assert not any(p.endswith(("会议", "述法")) or p.startswith("带头") for p in found), found
    assert "乌云其其格" not in persons(nlp, "株洲市司法局2023年工作总结\n副局长乌云其其格讲话。\n")
    # six characters made of the elements Mongolian names are composed of, though one spells a
    # word (雅尔) or opens with a surname (敖): the whole name, not 敖特 or 乌力吉巴
    text = ("阿巴嘎旗司法局2023年工作总结\n别力古台镇司法所所长敖特根巴雅尔被评为全区优秀司法所长，党组书记"
            "乌力吉巴雅尔主持会议，副局长额尔敦毕力格讲话。书记主持召开专题会议研究部署。\n")
    found = persons(nlp, text)
    assert {"敖特根巴雅尔", "乌力吉巴雅尔", "额尔敦毕力格"} <= found, found
    assert not {"敖特", "乌力吉巴"} & found and not any("会议" in p or "召开" in p for p in found), found


def test_a_title_after_a_title_opens_no_name(nlp):
    """区委副书记、区长马志强: the second title is no name's start (区 is a surname: 区长马 was read);
    the official after it is found once."""
    found = persons(nlp, "天水市麦积区2024年法治政府建设情况报告\n区委副书记、区长马志强主持召开区政府常务会议。"
                         "县委常委、副县长区建国出席。\n")
    assert {"马志强", "区建国"} <= found, found
    assert not any(p.startswith(("区长", "副县")) for p in found), found
    # a name that is also a word of the dictionary, before the next official's title (书记黄海、区长…);
    # a noun there is none (组长单位、副组长单位)
    found = persons(nlp, "南宁市西乡塘区2024年法治政府建设年度报告\n区委书记黄海、区长覃明作专题发言。"
                         "区司法局担任组长单位、副组长单位由区法院担任。\n")
    assert {"黄海", "覃明"} <= found and not any(p.startswith("单位") for p in found), found
    # a word and a function character after a title are no name (副组长单位为…); a given name may hold
    # one (局长李有为)
    found = persons(nlp, "南宁市西乡塘区2024年法治政府建设年度报告\n组长单位为区司法局，副组长单位为区法院。局长李有为出席。\n")
    assert "李有为" in found and not any(p.startswith("单位") for p in found), found
    # where names may be written for their sounds (a league of Inner Mongolia), the same
    found = persons(nlp, "锡林郭勒盟行政公署2023年法治政府建设情况报告\n盟委委员、副盟长高志刚主持会议。"
                         "旗委副书记、旗长朝鲁讲话。\n")
    assert {"高志刚", "朝鲁"} <= found, found
    assert not any(p.startswith(("副盟", "旗长")) for p in found), found


def test_a_dotted_name_whose_last_part_is_long_or_sounds_abdu(nlp):
    """调解员古丽米拉·阿不都热合曼: the dotted name's last part may be six characters, and 阿不都 (Abdu)
    holds 都 as a sound, not the adverb; the first part alone (古丽) is no name of its own."""
    found = persons(nlp, "乌鲁木齐市天山区司法局2024年工作总结\n调解员古丽米拉·阿不都热合曼荣获“全国模范人民调解员”称号。"
                         "副区长阿不都热依木·买买提江参加。\n")
    assert {"古丽米拉·阿不都热合曼", "阿不都热依木·买买提江"} <= found, found
    assert "古丽" not in found and not any(p.endswith("荣获") for p in found), found


def test_three_character_tibetan_names_in_kham_and_amdo(nlp):
    """主任泽郎措 in a Tibetan autonomous prefecture's report: a Kham element and a one-syllable
    ending (措) make a name; 书记高度重视 still names none."""
    found = persons(nlp, "马尔康市司法局2024年工作总结\n西索村人民调解委员会主任泽郎措荣获“全国模范人民调解员”称号。"
                         "局长扎西平措主持会议。书记高度重视。\n")
    assert {"泽郎措", "扎西平措"} <= found, found
    assert not any(p.startswith("高度") for p in found), found


def test_a_han_surname_before_mongolian_name_elements(nlp):
    """盟长杨巴特尔, 副盟长李乌云其其格 in a league's report: a Han surname, then the elements of a
    Mongolian name (杨巴 and 李乌云 were read or none); 书记高度重视 names none."""
    found = persons(nlp, "阿拉善盟行政公署2024年法治政府建设情况报告\n盟长杨巴特尔主持召开会议。副盟长李乌云其其格讲话。"
                         "书记高度重视。\n")
    assert {"杨巴特尔", "李乌云其其格"} <= found, found
    assert not {"李乌云", "杨巴"} & found and not any(p.startswith("高度") for p in found), found


def test_surnames_hong_qiu_and_korean_xuan(nlp):
    """科长洪志刚, 副局长玄明哲、崔英爱 (玄: a Korean surname of Yanbian), 赖, 阎: officials after a title;
    局长表示感谢 names none."""
    found = persons(nlp, "龙井市司法局2024年工作总结\n副局长玄明哲、崔英爱出席。科长洪志刚参加。副主任秋立新讲话。"
                         "局长表示感谢。局长赖建华、阎立新出席。\n")
    assert {"玄明哲", "崔英爱", "洪志刚", "秋立新", "赖建华", "阎立新"} <= found, found
    assert not any(p.startswith("表示") for p in found), found


def test_names_listed_after_an_officials_name_may_be_words(nlp):
    """副局长萧明、阎立新: a three-character name listed after an official's is one though its given
    name is a word (立新, 建国); 局长张三、由人民群众参加 lists no name (由 opens no surname)."""
    found = persons(nlp, "赣州市司法局2024年工作总结\n副局长萧明、阎立新出席。调解员刘德华、王建国获评先进。"
                         "局长张三、由人民群众参加。\n")
    assert {"萧明", "阎立新", "刘德华", "王建国"} <= found, found
    assert not any(p.startswith("由") for p in found), found


def test_a_verb_of_receiving_an_honour_after_a_unit_is_no_name(nlp):
    """荣立, 荣记 (and 荣获) open with the surname 荣: right after a unit they are its verb, not a
    staff member's name; the officer honoured in the same sentence is one."""
    text = ("盐城市大丰区2023年度法治政府建设十大亮点\n"
            "区公安分局荣立集体二等功，民警陈国平获评“全国优秀人民警察”。\n"
            "城东派出所荣记集体三等功，该局荣获“全省先进集体”称号。\n")
    found = persons(nlp, text)
    assert "陈国平" in found
    assert not found & {"荣立", "荣记", "荣获"}, found
