"""A division whose name holds its own suffix's character is read in full (fixtures/misc37): 乌镇镇 (桐乡市) is a
town known as 乌镇 whose division's name takes 镇 again, 沙市区 (荆州) a district and 津市市 (常德) a 县级市 whose
names hold a 市. Read at the first suffix they were a town 乌镇, a city 沙市 (a district plan's 我区/全区 then
reported as another level's words, its 区 units as a lower level's) and a city 津市. A town's name stays its own
where its suffix goes on into a word of the town (西塘镇镇区), and a city's where the gazetteer lists no longer name
(长沙市区)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.parse.level import infer, places_in
from engine.pipeline import check, load_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "misc37"


@pytest.mark.parametrize(
    ("title", "places"),
    [
        ("乌镇镇景区河道游船运营安全管理工作方案", [("乌镇镇", "town")]),
        ("桐乡市乌镇镇市河清淤保洁专项行动方案", [("桐乡市", "city"), ("乌镇镇", "town")]),
        ("乌镇镇人民政府", [("乌镇镇", "town")]),
        ("沙市区滨湖绿道建设三年行动方案", [("沙市区", "county")]),
        ("荆州市沙市区滨湖绿道建设三年行动方案", [("荆州市", "city"), ("沙市区", "county")]),
        ("津市市柑橘产业提质增效行动方案", [("津市市", "city")]),
        ("清镇市教育发展方案", [("清镇市", "city")]),  # unchanged: a town suffix then a 县级市's
        ("西塘镇镇区道路提升方案", [("西塘镇", "town")]),  # a two-character stem: 镇区 is the town's
        ("嘉善县西塘镇镇域发展方案", [("嘉善县", "county"), ("西塘镇", "town")]),
        ("长沙市区道路提升方案", [("长沙市", "city")]),  # no division 长沙市区
        ("市中区教育发展方案", [("市中区", "county")]),
    ],
)
def test_the_full_name_is_read(title: str, places: list[tuple[str, str]]) -> None:
    assert places_in(title) == places


def test_a_county_level_city_named_alone_takes_its_prefecture() -> None:
    assert infer(["津市市柑橘产业提质增效行动方案"], "") == ("津市市", "常德市", "county")


@pytest.mark.parametrize(
    ("name", "jurisdiction", "level"),
    [
        ("wuzhen-town-canal-cleaning.txt", "乌镇镇", "town"),
        ("shashi-district-lakeside-greenway.txt", "沙市区", "county"),
        ("jinshi-city-county-level-citrus.txt", "津市市", "county"),
    ],
)
def test_the_fixture_plans_speak_for_their_full_name(name: str, jurisdiction: str, level: str) -> None:
    path = str(FIXTURES / name)
    plan = load_plan(path)
    assert (plan.jurisdiction, plan.level) == (jurisdiction, level)
    # a plan speaking for its own level: no self-word or own unit is reported as another level's
    wrong = [f.message for f in check(path, allow_no_parent=True, fail_on="none").report.findings
             if f.check in ("self_reference", "unit_level")]  # fmt: skip
    assert wrong == [], wrong
