"""What a lower level does not carry because the parent text is a higher level's own duty (issue #16):
a clause whose actor is a higher body (read with the unit registry), standards and national catalogues,
licensing pilots, choosing and overseeing cities, approval by a ministry, a measure about a national
body. fixtures/beyond/ holds a national pilot 意见 (elderly care) and a county's 实施方案 written for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.derive import derive_ruleset
from engine.extract.unitnames import Where
from engine.pipeline import Obligations, check_plans, data_tables, load_plan
from engine.rules.beyond import actor_level, beyond_levels
from engine.rules.loader import load_rulesets

ROOT = Path(__file__).resolve().parents[2]
PARENT = ROOT / "fixtures" / "beyond" / "national-home-care-pilot.txt"
COUNTY = ROOT / "fixtures" / "beyond" / "pingjiang-home-care-pilot.txt"


@pytest.fixture(scope="module")
def ruleset():
    return derive_ruleset(load_plan(str(PARENT)), ruleset_id="home-care")


@pytest.fixture(scope="module")
def county_findings(ruleset):
    loaded = load_rulesets(["core"])
    findings, _ = check_plans(load_plan(str(COUNTY)), Obligations.from_ruleset(ruleset, str(PARENT)), loaded.rules)
    return [f for f in findings if f.check in ("clause_carried", "parent_covered")]


def _beyond(rs, needle: str) -> list[str]:
    clauses = [c for o in rs.obligations for c in o.clauses if needle in c.text]
    assert len(clauses) == 1, needle
    return clauses[0].beyond


# the county leaves these out rightly: each is a ministry's, the nation's or the pilot city's own
HIGHER = [
    "在全国范围内分批选择50个左右",  # choosing the pilot cities
    "试点城市由省级民政部门会同财政部门推荐",
    "完善居家社区养老服务标准体系",  # standard-setting
    "规定养老服务机构食品安全",  # limit values
    "民政部会同市场监管总局定期修订",  # a ministry as actor
    "强化对试点城市养老服务设施建设",  # overseeing the pilot cities
    "社区养老服务机构登记许可制度改革试点",  # a licensing pilot
    "经民政部会同财政部组织专家评审通过后实施",  # the pilot city's approval procedure
    "民政部会同财政部组织开展试点成效评估",
    "民政部会同有关部门组建试点工作协调小组",
    "成员包括老年学、社会工作",  # the national committee's members
]


@pytest.mark.parametrize("needle", HIGHER)
def test_a_higher_levels_own_duty_is_not_asked_of_the_county(county_findings, needle: str) -> None:
    cited = [f for f in county_findings if needle in (f.evidence.parent or "")]
    assert cited == [], [f.message for f in cited]


def test_a_county_that_drops_its_own_duty_is_still_reported(county_findings) -> None:
    # a measure assigned to ministries by a responsibility clause is the county's to carry (the cascade)
    assert any(f.check == "parent_covered" and "适老化改造" in (f.evidence.parent or "") for f in county_findings)
    # a clause addressed to the county level itself, in a measure that also holds the nation's duties
    assert any(f.check == "clause_carried" and "县级民政部门要建立养老服务机构日常检查制度" in (f.evidence.parent or "")
               for f in county_findings)  # fmt: skip


def test_the_derived_marks_name_the_levels(ruleset) -> None:
    every = ["province", "city", "county", "town"]
    assert _beyond(ruleset, "民政部会同有关部门组建试点工作协调小组") == every
    # the pilot city submits its plan to the ministry: only the levels below it are excused
    assert _beyond(ruleset, "经民政部会同财政部组织专家评审通过后实施") == ["county", "town"]
    assert _beyond(ruleset, "强化对试点城市养老服务设施建设") == ["city", "county", "town"]
    assert _beyond(ruleset, "完善居家社区养老服务标准体系") == ["county", "town"]
    # what the lower levels do stays theirs
    assert _beyond(ruleset, "各试点城市政府要把试点工作列入重要议事日程") == []
    assert _beyond(ruleset, "对纳入分散供养特困人员范围") == []
    assert _beyond(ruleset, "地方各级财政要统筹安排资金") == []
    # a measure about the national committee: its sentences are the nation's, unless they speak to 各地
    assert _beyond(ruleset, "成员包括老年学") == every
    assert _beyond(ruleset, "各地可参照组建本地区专家咨询组织") == []
    assert all(c.beyond_reason for o in ruleset.obligations for c in o.clauses if c.beyond)


CITY = Where("city", "岳阳市", "湖南省")


@pytest.mark.parametrize(
    ("text", "where", "level"),
    [
        ("民政部会同有关部门组建协调小组，统筹研究重大问题", Where("national"), "national"),
        ("2026年底前，国家卫生健康委、民政部联合制定服务规范", Where("national"), "national"),
        ("由自治区民政厅统一组织开展评估", Where("province", "广西壮族自治区"), "province"),
        ("市民政局会同市财政局建立全市养老服务评估专家库", CITY, "city"),
        ("经省民政厅审批后实施", CITY, "county"),  # approval by a province: asked of cities and counties
        # not an actor: a kind of department, the body obeyed, a responsibility tag, a vertical body, no unit
        ("财政部门要加大对养老服务的投入", Where("national"), None),
        ("民政部的要求要落实到位", Where("national"), None),
        ("（民政部、财政部负责）", Where("national"), None),
        ("人民银行要引导金融机构加大支持", Where("national"), None),
        ("各地要加大对养老服务的投入", Where("national"), None),
        ("试点城市报送民政部备案", Where("national"), None),
        # the localities act in the sentence too; but 各地 as the ministry's object does not count
        ("由民政部负责，各地民政部门抓好落实", Where("national"), None),
        ("民政部会同有关部门组建协调小组，指导各地试点实践", Where("national"), "national"),
    ],
)
def test_the_actor_of_a_clause(text: str, where: Where, level: str | None) -> None:
    assert actor_level(data_tables(), text, where) == level


def test_a_city_parents_own_bureau_is_beyond_its_counties() -> None:
    levels, why = beyond_levels(data_tables(), "市民政局会同市财政局建立全市养老服务评估专家库。", "city", CITY)
    assert levels == ["county", "town"] and why
    # a county bureau named in the city's plan acts for the counties: only the towns below are excused
    assert beyond_levels(data_tables(), "县民政局要建立养老服务评估专家库。", "city", CITY)[0] == ["town"]
    assert beyond_levels(data_tables(), "要建立养老服务评估专家库。", "city", CITY)[0] == []


def test_a_clause_that_also_asks_the_lower_level_to_apply_it_stays() -> None:
    setting = "制定居家养老上门服务国家标准。"
    assert "county" in beyond_levels(data_tables(), setting, "national")[0]
    applying = "持续更新居家养老上门服务国家标准，并推进在养老服务机构落地实施。"
    assert beyond_levels(data_tables(), applying, "national")[0] == []


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("在全省选择20个县开展试点。", ["county", "town"]),
        ("示范县由省级住房城乡建设部门会同财政部门推荐，住房城乡建设部组织评审后确定。", ["county", "town"]),
        ("将目标任务分解确定到县，层层压实责任。", []),  # allocating to the counties is not choosing them
        ("在全省选择10个城市开展试点。", ["city", "county", "town"]),
        ("确定一批城市更新项目，加快推进实施。", []),
    ],
)
def test_choosing_pilots_is_the_level_above_them(text: str, levels: list[str]) -> None:
    assert beyond_levels(data_tables(), text, "province")[0] == levels
