"""Jurisdiction and level: from the title (outside 《》 quotes), else issuers, else the preamble."""

from __future__ import annotations

import pytest

from engine.parse import parse_plan
from engine.parse.level import places_in, strip_quotes

BODY = "一、主要任务\n1.加强执法。严格程序。\n2.完善复议。"


@pytest.mark.parametrize(
    ("title", "jurisdiction", "parent", "level"),
    [
        ("国务院关于加强法治政府建设的意见", "全国", None, "national"),
        ("中共中央 国务院法治政府建设实施纲要", "全国", None, "national"),
        ("广东省法治政府建设实施方案", "广东", None, "province"),
        ("广西法治政府建设实施方案(2021—2025年)", "广西", None, "province"),
        ("广西壮族自治区人民政府办公厅关于加强行政执法的意见", "广西", None, "province"),
        ("北京市法治政府建设规划", "北京", None, "province"),
        ("肇庆市法治政府建设实施意见(2016—2020年)", "肇庆市", None, "city"),
        ("延边朝鲜族自治州法治政府建设实施方案", "延边朝鲜族自治州", None, "city"),
        ("阿里地区法治政府建设实施方案", "阿里地区", None, "city"),
        ("广宁县法治政府建设实施方案(2016—2020年)", "广宁县", None, "county"),
        ("柳州市城中区法治政府建设方案", "城中区", "柳州市", "county"),
        ("崇左市凭祥市法治政府建设方案", "凭祥市", "崇左市", "county"),
        # a 县级市 named alone: the gazetteer knows it only as a county-level division
        ("义乌市城镇老旧小区改造提升三年行动方案", "义乌市", "金华市", "county"),
        ("昆山市优化营商环境工作方案", "昆山市", "苏州市", "county"),
        ("清镇市邮政业发展方案", "清镇市", "贵阳市", "county"),  # not a town called 清镇
        ("乡宁县农村公路建设方案", "乡宁县", None, "county"),
        ("仙桃市农村饮水安全工作方案", "仙桃市", "湖北", "county"),  # administered by its province
        ("吉林市法治政府建设实施方案", "吉林市", None, "city"),  # prefecture-level, though 吉林 is a province
        ("东莞市营商环境工作方案", "东莞市", None, "city"),  # prefecture-level with no counties
        ("吉林省市场监督管理厅关于优化营商环境的实施意见", "吉林", None, "province"),
        ("吉林市场监督管理厅关于优化营商环境的实施意见", "吉林", None, "province"),  # 市场, not 吉林市
        ("鄂托克旗法治政府建设方案", "鄂托克旗", None, "county"),
        ("广西壮族自治区柳州市法治政府建设方案", "柳州市", "广西", "city"),
        ("排沙镇法治政府建设工作计划", "排沙镇", None, "town"),
        ("城中区潭中街道法治建设工作方案", "潭中街道", "城中区", "town"),
        (
            "柳州市城中区贯彻执行《柳州市落实〈广西法治政府建设实施方案〉工作方案》的方案",
            "城中区",
            "柳州市",
            "county",
        ),
    ],
)
def test_level_from_title(doc_of, title, jurisdiction, parent, level):
    plan = parse_plan(doc_of(title + "\n" + BODY))
    assert (plan.jurisdiction, plan.parent_jurisdiction, plan.level) == (jurisdiction, parent, level)


def test_quoted_documents_do_not_count():
    assert strip_quotes("贯彻《柳州市落实〈广西…〉方案》的方案") == "贯彻的方案"
    assert places_in("关于贯彻《广西…》的实施意见") == []


def test_level_from_issuers(doc_of):
    text = "法治建设工作要点\n中共肇庆市委\n肇庆市人民政府\n2020年1月2日\n" + BODY
    plan = parse_plan(doc_of(text))
    assert (plan.jurisdiction, plan.level) == ("肇庆市", "city")


def test_level_from_preamble(doc_of):
    plan = parse_plan(doc_of("法治政府建设实施方案\n为推进依法行政,结合城中区实际,制定本方案。\n" + BODY))
    assert (plan.jurisdiction, plan.level) == ("城中区", "county")
    plan = parse_plan(doc_of("工作方案\n为推进我县依法行政,制定本方案。\n" + BODY))
    assert (plan.jurisdiction, plan.level) == ("", "county")


def test_unknown(doc_of):
    plan = parse_plan(doc_of(BODY))
    assert (plan.jurisdiction, plan.level, plan.title) == ("", "unknown", "")


def test_overrides(doc_of):
    doc = doc_of("广宁县法治政府建设实施方案\n" + BODY)
    assert parse_plan(doc, level="town").level == "town"
    plan = parse_plan(doc, jurisdiction="肇庆市")
    assert (plan.jurisdiction, plan.level) == ("肇庆市", "city")
    plan = parse_plan(doc, jurisdiction="柳州市城中区")
    assert (plan.jurisdiction, plan.parent_jurisdiction, plan.level) == ("城中区", "柳州市", "county")
    plan = parse_plan(doc, jurisdiction="某片区", level="county")
    assert (plan.jurisdiction, plan.level) == ("某片区", "county")


def test_a_stem_ending_in_zhou_keeps_its_own_suffix() -> None:
    from engine.parse.level import places_in

    assert places_in("河池市宜州区贯彻落实方案") == [("河池市", "city"), ("宜州区", "county")]
    assert places_in("北京市通州区实施方案")[-1] == ("通州区", "county")
    assert places_in("柳州市城中区方案") == [("柳州市", "city"), ("城中区", "county")]


@pytest.mark.parametrize(
    ("text", "name", "level"),
    [
        ("共和县2025年防沙治沙实施方案", "共和县", "county"),  # 和, as in 和/与/及
        ("和平区人民政府办公室", "和平区", "county"),
        ("全椒县关于推进", "全椒县", "county"),  # 全, as in 全县
        ("本溪市人民政府", "本溪市", "city"),  # 本, as in 本市
        ("建德市人民政府", "建德市", "city"),  # 建, as in 建设
        ("察哈尔右翼前旗人民政府", "察哈尔右翼前旗", "county"),  # a stem of six characters
    ],
)
def test_a_listed_division_is_a_place_though_its_stem_looks_like_a_word(text, name, level) -> None:
    """A stem holding a function word's character, or longer than most, is still read as a place when
    the gazetteer lists the whole name (measured blind: 共和县's plan had no jurisdiction)."""
    assert places_in(text)[0] == (name, level)


@pytest.mark.parametrize("text", ["全市", "各县", "本区", "建设区域", "推进县域", "和各区"])
def test_words_before_a_suffix_are_still_no_place(text) -> None:
    assert places_in(text) == []


@pytest.mark.parametrize("text", ["株洲市城市燃气管道等老化更新改造实施方案", "南宁市城市更新行动方案"])
def test_chengshi_after_a_city_is_no_place(text) -> None:
    """城市 (a city, as a kind of area: 城市燃气, 城市更新) after the city's name is no second place called 城市
    (measured: 株洲市城市燃气… was read as a county 城市)."""
    assert places_in(text) == [(text[:3], "city")]


@pytest.mark.parametrize(
    ("title", "jurisdiction", "parent"),
    [
        # products and brands named for a district's former county (临安县 → 临安区, 温江县 → 温江区; blind14 郫都区
        # 郫县豆瓣): the phrase before them ends in 县 but is no county of the district
        ("杭州市临安区支持临安县山核桃产业发展若干措施", "临安区", "杭州市"),
        ("成都市温江区扶持温江县花木产业高质量发展的意见", "温江区", "成都市"),
        ("某市某区振兴某县老字号实施方案", "某区", "某市"),
    ],
)
def test_a_phrase_ending_in_a_suffix_after_a_district_is_no_place(doc_of, title, jurisdiction, parent):
    """Each place of a title's run lies inside the one before: a name read by its form alone at the level of the
    place before it (支持临安县 after 临安区) is no place; a division the gazetteer lists is still read (望城区乔口镇)."""
    plan = parse_plan(doc_of(title + "\n" + BODY))
    assert (plan.jurisdiction, plan.parent_jurisdiction, plan.level) == (jurisdiction, parent, "county")
