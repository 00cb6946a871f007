"""A title that opens with a kind of area is no plan of a place of that name (issue #16): 城乡供水一体化…
is no town 城乡, 市县融合… no county 市县, 民族地区… no prefecture. Kinds of area are data (levels.yaml
`area_words`, `kind_characters`, `listed_suffixes`) and are refused where a place run starts as after a place;
a division the gazetteer lists by such a name (城区 of 阳泉市, 郊区) is still read where the document names it
as its own (right below its city, or as its body: 城区人民政府)."""

from __future__ import annotations

import pytest

from engine.parse import parse_plan
from engine.parse.level import infer, places_in
from tests.parse.conftest import make_doc


@pytest.mark.parametrize(
    "title",
    [
        "城乡供水一体化建设实施方案",
        "城乡环境整治三年行动方案",
        "城乡社区治理实施方案",
        "城镇老旧小区改造工作方案",
        "城区老旧小区改造方案",
        "市区道路提升改造方案",
        "市县融合发展实施方案",
        "县乡财政体制改革方案",
        "县区联动执法工作方案",
        "区县协同发展方案",
        "省市县三级联动方案",
        "盟市旗县协同发展方案",
        "州市协同工作方案",
        "街镇综合治理方案",
        "镇区环境提升方案",
        "乡镇卫生院建设方案",
        "村镇建设管理办法",
        "社区养老服务实施方案",
        "城市更新行动方案",
        "都市圈建设方案",
        "山区综合开发方案",
        "民族地区发展规划",
        "边境地区建设方案",
    ],
)
def test_a_kind_of_area_opening_a_title_is_no_place(title: str) -> None:
    assert places_in(title) == []


@pytest.mark.parametrize(
    ("title", "places"),
    [
        ("阳泉市城区人民政府", [("阳泉市", "city"), ("城区", "county")]),  # the gazetteer lists 城区 under 阳泉市
        ("铜陵市郊区乡村振兴实施方案", [("铜陵市", "city"), ("郊区", "county")]),
        ("阿里地区乡村振兴方案", [("阿里地区", "city")]),  # a 地区 the gazetteer lists
        ("铜仁地区农村公路建设方案", [("铜仁地区", "city")]),  # a former 地区 (now 铜仁市): its stem is listed
        ("赣州市城镇小区配套幼儿园治理工作方案", [("赣州市", "city")]),  # unchanged
        ("柳州市城中区贯彻执行方案", [("柳州市", "city"), ("城中区", "county")]),  # unchanged
    ],
)
def test_a_listed_division_is_still_read(title: str, places: list[tuple[str, str]]) -> None:
    assert places_in(title) == places


def test_a_division_named_like_an_area_is_read_from_its_own_bodies() -> None:
    # 城区 alone is no searchable name, but the signature names the district's own government
    assert infer(["城区2024年老旧小区改造实施方案", "中共城区委员会 城区人民政府"], "")[::2] == ("城区", "county")
    assert infer(["城关镇人居环境整治方案", "城关镇人民政府"], "")[::2] == ("城关镇", "town")  # unchanged


DOC = """城乡供水一体化建设实施方案

各乡镇人民政府，县直各有关单位：
为推进全县城乡供水一体化，保障农村饮水安全，结合我县实际，制定本方案。
一、工作目标
到2025年，全县农村自来水普及率达到95%以上。
二、重点任务
（一）建设水厂。新建规模化水厂2座。（牵头单位：县水利局）
三、保障措施
各乡镇要加强组织领导，确保任务落实。
"""


def test_a_plan_titled_with_a_kind_of_area_takes_its_level_from_its_text() -> None:
    plan = parse_plan(make_doc(DOC))
    assert (plan.jurisdiction, plan.level) == ("", "county")  # not a town called 城乡
