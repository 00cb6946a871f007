"""Jurisdictions no place rule reads alone (issue #16, blind8): a town's name, and a district's whose name is
also a phrase, read from what the document says of them.

- A town (乡, 镇, 街道, 苏木) is in no gazetteer, and its stem may hold a character of a function word (宣和镇,
  全胜乡, 建设路街道) or be long (阿拉坦合力苏木): the issuing bodies name it (中共X镇委员会, X镇人民政府,
  X街道办事处), and that name is the jurisdiction, in the title too.
- A district under its city (拉萨市城关区, 兰州市城关区, 乌鲁木齐市新市区): the gazetteer lists it right below the
  city even where its name alone is a phrase, so the issuer's last division is the jurisdiction.
"""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.level import body_place_at, infer, named_by_bodies, places_in

ITEMS = (
    "一、重点任务\n"
    "（一）落实网格化监管。层层签订责任书。（牵头单位：党政综合办公室；配合单位：各村民委员会）\n"
    "（二）推进综合利用。新增打捆机具5台。（牵头单位：农业综合服务中心；配合单位：各村民委员会）\n"
    "二、保障措施\n各村要高度重视。\n"
)

# a 乡 signed at the end, no notice: the title and the signature both name it
XIANG = (
    "全胜乡2025年秸秆禁烧和综合利用工作方案\n为做好全乡秸秆禁烧工作，结合我乡实际，制定本方案。\n"
    f"{ITEMS}全胜乡人民政府\n2025年4月2日\n"
)
# a 街道 under its district: a joint 党工委/办事处 notice, the signature run together on one line
JIEDAO = (
    "中共成华区建设路街道工作委员会\n成华区建设路街道办事处\n"
    "关于印发《建设路街道2025年老旧院落改造提升工作方案》的通知\n各社区党委、居民委员会，街道各科室：\n"
    "现将《建设路街道2025年老旧院落改造提升工作方案》印发给你们，请认真抓好落实。\n"
    "中共成华区建设路街道工作委员会　　成华区建设路街道办事处\n2025年3月18日\n"
    "建设路街道2025年老旧院落改造提升工作方案\n为改善辖区居住条件，结合街道实际，制定本方案。\n"
    f"{ITEMS}"
)
# a 苏木 (Inner Mongolia): a stem of five characters
SUMU = (
    "中共阿拉坦合力苏木委员会 阿拉坦合力苏木人民政府\n"
    "关于印发《阿拉坦合力苏木2025年草原生态保护工作方案》的通知\n各嘎查党支部、嘎查民委员会：\n"
    "现将《阿拉坦合力苏木2025年草原生态保护工作方案》印发给你们，请认真贯彻执行。\n"
    "中共阿拉坦合力苏木委员会　　阿拉坦合力苏木人民政府\n2025年4月8日\n"
    "阿拉坦合力苏木2025年草原生态保护工作方案\n为加强草原生态保护，结合苏木实际，制定本方案。\n"
    f"{ITEMS}"
)


@pytest.mark.parametrize(
    ("text", "name", "issuers"),
    [
        (XIANG, "全胜乡", ["全胜乡人民政府"]),
        (JIEDAO, "建设路街道", ["中共成华区建设路街道工作委员会", "成华区建设路街道办事处"]),
        (SUMU, "阿拉坦合力苏木", ["中共阿拉坦合力苏木委员会", "阿拉坦合力苏木人民政府"]),
    ],
    ids=["xiang", "jiedao", "sumu"],
)
def test_a_town_is_named_by_its_bodies(text, name, issuers):
    plan = parse_plan(from_text(text))
    assert (plan.jurisdiction, plan.level) == (name, "town")
    assert plan.issuers == issuers
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]


@pytest.mark.parametrize(
    ("issuer", "name"),
    [
        ("中共宣和镇委员会宣和镇人民政府", "宣和镇"),  # a joint signature run together
        ("永和镇人民政府办公室", "永和镇"),
        ("中共关庙乡委员会", "关庙乡"),
    ],
)
def test_the_place_a_body_is_named_for(issuer, name):
    assert named_by_bodies([issuer]) == {name}
    assert infer(["", issuer], "")[::2] == (name, "town")


def test_a_town_may_end_in_a_word_for_an_area():
    assert body_place_at("古城镇人民政府", 0) == "古城镇"  # 城镇 is an area's word, 古城镇 a town
    assert body_place_at("某某城区人民政府", 0) is None


@pytest.mark.parametrize(
    "issuer",
    [
        "各乡镇人民政府",  # a group, not a place
        "全县人民政府",
        "我镇人民政府",
        "某某社区居民委员会",  # a kind of area
        "中共郑州经济技术开发区工作委员会",  # a zone
        "拉萨市发展和改革委员会",  # a department, its place already read
    ],
)
def test_groups_self_words_and_zones_name_no_place(issuer):
    assert named_by_bodies([issuer]) == frozenset()


@pytest.mark.parametrize(
    ("text", "run"),
    [
        ("拉萨市城关区人民政府办公室", [("拉萨市", "city"), ("城关区", "county")]),
        ("甘肃省兰州市城关区2025年燃气安全工作方案", [("甘肃省", "province"), ("兰州市", "city"), ("城关区", "county")]),
        ("乌鲁木齐市新市区人民政府", [("乌鲁木齐市", "city"), ("新市区", "county")]),  # no city 新市
        ("北京市东城区人民政府", [("北京市", "province"), ("东城区", "county")]),
    ],
)
def test_a_district_is_read_right_below_its_city(text, run):
    assert places_in(text) == run


def test_a_districts_name_alone_stays_a_phrase():
    """城关区 is a phrase too (县城城关区): alone it names no place, as before."""
    assert places_in("城关区城镇燃气安全专项整治工作方案") == []


def test_the_issuers_last_division_is_the_jurisdiction():
    got = infer(["城关区城镇燃气安全专项整治工作方案", "兰州市城关区人民政府办公室"], "结合我区实际")
    assert got == ("城关区", "兰州市", "county")
