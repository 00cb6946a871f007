"""Three classes blind63 showed (fixtures/fix63/README.md).

1. A responsibility section keyed by UNIT ("X：牵头第1、3项，配合第2项。") is turned round into each item's lead and
   support, in the order of its lines (engine/parse/assignments.py, rulesets/data/assignment_lists.yaml `by_unit`).
2. Blanks alone parting the unit fields of one line ("责任单位　牵头：X　配合：Y", "（牵头：X　配合：Y）") separate
   the fields (engine/ingest/unit_spaces.py): the 配合 field no longer runs into the lead unit, and the format check
   takes such a blank as the fields' separator, no stray space.
3. A province's or a city's short name with a road word after it (湖南路, 四川北路, 福州路, 北京大街) names a road, and a
   街道 named for it (江苏路街道) is a town, not the province and a 路街道 (levels.yaml `road_names`,
   engine/parse/level.py `names_road`); its words in a plan's text are no reference to that place. 湖南路径, 江苏路网,
   路长制, 城中区路网 and 北京街道 are no roads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.parse.assignments import _keyed
from engine.parse.level import names_road, places_in
from engine.pipeline import check

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix63"


def _run(path: Path):
    return check(str(path), allow_no_parent=True, fail_on="none")


# ---------------------------------------------------------------- 1. a section keyed by unit


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("市商务局：牵头第1、3项，配合第5项。", [((1, 3), "lead"), ((5,), "support")]),
        ("市市场监督管理局：负责第4项，并配合第3项工作。", [((4,), "lead"), ((3,), "support")]),
        ("各县（市、区）人民政府：配合第1—5项，并负责本地区工作的组织实施。", [((1, 2, 3, 4, 5), "support")]),
        ("区民政局：牵头第（一）、（二）、（五）项，配合第（三）项。", [((1, 2, 5), "lead"), ((3,), "support")]),
        ("各街道办事处：配合第（一）至（五）项。", [((1, 2, 3, 4, 5), "support")]),
    ],
)
def test_a_line_keyed_by_unit_gives_its_items_roles(line, want):
    got = _keyed(line)
    assert got is not None
    assert [(numbers, "lead" if r.lead else "support") for numbers, r in got] == want


@pytest.mark.parametrize(
    "line",
    [
        "市民政局：负责全市养老服务工作的统筹协调。",  # no item named
        "各部门：要按照职责分工抓好落实。",
        "区财政局：牵头第1项，配合第二部分的资金保障。",  # a part naming an item in a form not read
        "工作目标：到2027年完成第1批改造。",  # no body before the colon
    ],
)
def test_lines_that_name_no_item_by_a_role_are_not_keyed(line):
    assert _keyed(line) is None


def test_the_items_take_their_units_from_the_lines_in_their_order():
    run = _run(HERE / "jiaxing-city-night-economy-unit-keyed.txt")
    got = {m.ref: ([u.name for u in m.responsibility.lead], [u.name for u in m.responsibility.support])
           for m in run.draft.measures}  # fmt: skip
    assert got["5"] == (["市综合行政执法局"], ["市商务局", "各县(市、区)人民政府"])
    assert not [f for f in run.report.findings if f.rule == "lead-unit-required"]


# ---------------------------------------------------------------- 2. blanks parting the fields


@pytest.mark.parametrize(
    "name", ["yuelu-district-school-meals-blank-fields.txt", "tianhuangping-town-bamboo-fire-bracket-fields.txt"]
)
def test_blanks_between_fields_separate_them_and_are_no_stray_space(name):
    run = _run(HERE / name)
    assert all(m.responsibility and m.responsibility.lead for m in run.draft.measures)
    assert not any("配合" in u.name or "：" in u.name for m in run.draft.measures for u in m.responsibility.lead)
    assert not [f for f in run.report.findings if f.rule in ("format", "lead-unit-required")]


# ---------------------------------------------------------------- 3. roads named for places


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("江苏路街道既有住宅加装电梯工作方案", [("江苏路街道", "town")]),
        ("市北区辽宁路街道长者食堂工作方案", [("市北区", "county"), ("辽宁路街道", "town")]),
        ("上海市虹口区四川北路街道垃圾分类工作方案", [("上海市", "province"), ("虹口区", "county"), ("四川北路街道", "town")]),
        ("南京市鼓楼区广州路街道垃圾分类方案", [("南京市", "city"), ("鼓楼区", "county"), ("广州路街道", "town")]),
        ("福州路街道垃圾分类方案", [("福州路街道", "town")]),
        ("湖南大道改造方案", []),  # a road, no place
        # must not: a place with a word that opens with a road word
        ("湖南省推进路径研究方案", [("湖南省", "province")]),
        ("江苏路网建设规划", [("江苏", "province")]),
        ("江苏路长制实施方案", [("江苏", "province")]),
        ("广州街头治理方案", [("广州", "city")]),
        ("北京大街小巷环境整治方案", [("北京", "province")]),
        ("柳州市城中区路网改造实施方案", [("柳州市", "city"), ("城中区", "county")]),  # a full name keeps its road word
        ("福州市路灯改造方案", [("福州市", "city")]),
        ("北京街道工作方案", [("北京", "province")]),  # 街道 is no road: a 街道 named 北京 is read by its 办事处
        ("湖南省湖北省联合方案", [("湖南省", "province")]),  # a province lies inside no place
    ],
)
def test_a_road_named_for_a_place_is_no_reference_to_it(title, want):
    assert places_in(title) == want


@pytest.mark.parametrize(
    ("text", "end", "name", "road"),
    [
        ("湖南路", 2, "湖南", True),
        ("北京东路", 2, "北京", True),
        ("重庆南路", 2, "重庆", True),
        ("北京大街", 2, "北京", True),
        ("苏州街", 2, "苏州", True),
        ("湖南路径", 2, "湖南", False),
        ("湖南路段", 2, "湖南", False),
        ("湖南东部", 2, "湖南", False),
        ("城中区路网", 3, "城中区", False),
        ("湖南省路政", 3, "湖南省", False),
        ("湖南省路", 3, "湖南省", False),  # a full name never opens a road's name here
    ],
)
def test_names_road(text, end, name, road):
    assert names_road(text, end, name) is road


def test_the_title_alone_gives_the_subdistrict_named_for_its_road():
    run = _run(HERE / "jiangsulu-subdistrict-lift-retrofit.txt")
    assert (run.draft.level, run.draft.jurisdiction) == ("town", "江苏路街道")
    run = _run(HERE / "liaoninglu-subdistrict-elderly-canteens.txt")
    assert (run.draft.jurisdiction, run.draft.parent_jurisdiction) == ("辽宁路街道", "市北区")


def test_roads_named_for_provinces_are_no_self_reference(tmp_path):
    run = _run(HERE / "shinan-district-historic-lanes.txt")
    assert not [f for f in run.report.findings if f.rule == "self-reference"]
    # the province itself in the same phrases still is
    text = (HERE / "shinan-district-historic-lanes.txt").read_text("utf-8")
    slip = tmp_path / "shinan-slip.txt"
    slip.write_text(text.replace("结合广西路、湖北路等历史街巷实际", "结合广西实际"), "utf-8")
    found = [f for f in _run(slip).report.findings if f.rule == "self-reference"]
    assert len(found) == 1 and "广西" in found[0].message
