"""Words of a title that hold a level's character but name no division do not set the plan's level
(fixtures/misc37): 数字乡村 made a county plan a town 数字乡 (its 我县 and 县 units reported as another level's),
完整社区 a city plan a county under it, 化工园区 a provincial plan a county. A suffix that runs on into a word
(乡村, 县域, 镇村, 市场, 省际, 区域: levels.yaml `suffix_words`) ends no name read by its form, and a name read by
its form that ends in a kind of area (社区, 园区, 街区, 城市, 小镇: `area_endings`) is none. A division the
gazetteer lists, or the document's bodies name, is still read where such a word follows it (睢宁县域商业…,
桃源乡村庄规划 of 桃源乡人民政府), and so are 乡/镇 with a name of their own (西塘镇, 某某乡乡村振兴)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.parse.level import infer
from engine.pipeline import check, load_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "misc37"


@pytest.mark.parametrize(
    ("title", "reading"),
    [
        # the brief's forms, with a real division and with a name the gazetteer does not know
        ("睢宁县数字乡村发展行动方案", ("睢宁县", None, "county")),
        ("某某县数字乡村发展行动方案", ("某某县", None, "county")),
        ("泰州市城乡融合发展实施方案", ("泰州市", None, "city")),
        ("某某市城乡融合发展实施方案", ("某某市", None, "city")),
        ("江西省县域商业体系建设行动方案", ("江西", None, "province")),
        ("某某省县域商业体系建设行动方案", ("某某省", None, "province")),
        # a suffix running on into a word after the place
        ("浙江省美丽乡村建设行动方案", ("浙江", None, "province")),
        ("某某县美丽镇村建设三年行动方案", ("某某县", None, "county")),
        ("某某市文明乡风建设方案", ("某某市", None, "city")),
        # a kind of area's word after the place
        ("宁波市完整社区建设试点工作方案", ("宁波市", None, "city")),
        ("某某市智慧社区建设方案", ("某某市", None, "city")),
        ("山东省化工园区安全整治提升行动方案", ("山东", None, "province")),
        ("四川省智慧城市建设行动方案", ("四川", None, "province")),
        ("某某市历史文化街区保护方案", ("某某市", None, "city")),
        ("浙江省特色小镇高质量发展方案", ("浙江", None, "province")),
        ("某某市老旧小区改造实施方案", ("某某市", None, "city")),
        # a division the gazetteer lists keeps its name before such a word
        ("睢宁县域商业体系建设行动方案", ("睢宁县", None, "county")),
        ("嘉兴市域外配水工程建设方案", ("嘉兴市", None, "city")),
        ("新乡市新乡贤培育工作方案", ("新乡市", None, "city")),
        # and a town its own name
        ("某某乡乡村振兴示范创建方案", ("某某乡", None, "town")),
        ("嘉善县西塘镇镇域发展方案", ("西塘镇", "嘉善县", "town")),
        # divisions the gazetteer lists whose names end as a kind of area does (山区, 城市)
        ("黄山区旅游发展方案", ("黄山区", None, "county")),
        ("大连市中山区教育发展方案", ("中山区", "大连市", "county")),
        ("盐城市数字乡村发展方案", ("盐城市", None, "city")),
        ("聊城市城市更新行动方案", ("聊城市", None, "city")),
    ],
)
def test_the_title_reads_the_division_not_the_word(title: str, reading: tuple[str, str | None, str]) -> None:
    assert infer([title], "") == reading


@pytest.mark.parametrize(
    "title",
    ["数字乡村发展行动方案", "智慧社区建设方案", "化工园区安全整治方案", "川渝省际合作行动方案", "文明城市创建方案"],
)
def test_a_title_opening_with_such_a_word_names_no_place(title: str) -> None:
    assert infer([title], "")[2] == "unknown"


def test_a_town_named_by_its_body_keeps_its_name_before_such_a_word() -> None:
    assert infer(["某某县桃源乡村庄规划", "桃源乡人民政府"], "") == ("桃源乡", "某某县", "town")


@pytest.mark.parametrize(
    ("name", "jurisdiction", "level"),
    [
        ("deqing-county-digital-village.txt", "德清县", "county"),
        ("ningbo-city-complete-community.txt", "宁波市", "city"),
        ("shandong-province-chemical-parks.txt", "山东", "province"),
    ],
)
def test_the_fixture_plans_keep_their_level(name: str, jurisdiction: str, level: str) -> None:
    path = str(FIXTURES / name)
    plan = load_plan(path)
    assert (plan.jurisdiction, plan.level) == (jurisdiction, level)
    wrong = [f.message for f in check(path, allow_no_parent=True, fail_on="none").report.findings
             if f.check in ("self_reference", "unit_level")]  # fmt: skip
    assert wrong == [], wrong
