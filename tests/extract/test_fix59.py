"""Three classes blind59 showed (fixtures/fix59/ models each with other offices; see its README):

1. support parts closed by 推进 after a manner word or a support verb ("（X牵头，Y、Z协同推进）", 共同推进, 协助推进, 配合落实)
   and by the help they give ("Z提供技术支撑", 提供技术支持, 给予资金支持: roles.yaml verbs.provide), after a lead part
   only; "Y负责落实" after a lead part supports. A deadline part after the lead ("（X牵头，持续推进）") gives no unit;
2. a rename of some levels only (unit_registry.yaml `levels` + `levels_source`): the 综治办 of counties and above were
   abolished in 2018, a town's stays (镇综治办 is current, 县综治办 is not);
3. level_scope says what stands below the draft's level (levels.yaml `subordinate_reasons`): below a county its 乡镇 and
   街道, to be named; below a town only 村 and 社区. Severity and when it fires are unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract.unitnames import Rename, UnitRegistry, Where, load_registry, read_unit, status_of
from engine.pipeline import check
from engine.rules.kinds import level_scope
from tests.extract.prose_plans import roles_of
from tests.kinds._drafting_helpers import ctx, measure, plan, run

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix59"
TASK = "建设示范基地，2027年底前完成。"


def test_the_fixtures_are_all_there():
    assert len(list(HERE.glob("*.expected.yaml"))) == 4


# ---- 1. 协同推进 and 提供技术支撑 as support ---------------------------------------------------------------------------

SUPPORT = [
    ("（县文物局牵头，县住建局、古陶镇人民政府协同推进）", ["县文物局"], ["县住建局", "古陶镇人民政府"]),
    ("（市商务局牵头，市发展改革委、市财政局共同推进）", ["市商务局"], ["市发展改革委", "市财政局"]),
    ("（区教育局牵头，区科技局协助推进）", ["区教育局"], ["区科技局"]),
    ("（县交通运输局牵头，县公安局配合落实）", ["县交通运输局"], ["县公安局"]),
    ("（州农业农村局牵头，各县（市）人民政府负责落实，州农业科学研究所提供技术支撑）",
     ["州农业农村局"], ["各县（市）人民政府", "州农业科学研究所"]),
    ("（省农业农村厅牵头，省财政厅给予资金支持，青海大学提供技术支持）", ["省农业农村厅"], ["省财政厅", "青海大学"]),
    ("（市生态环境局牵头，市气象局提供数据支撑）", ["市生态环境局"], ["市气象局"]),
    ("（县卫生健康局负责，县疾控中心配合，各乡镇卫生院协同推进）", ["县卫生健康局"], ["县疾控中心", "各乡镇卫生院"]),
    ("（縣文物局牽頭，縣住建局協同推進）", ["县文物局"], ["县住建局"]),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), SUPPORT)
def test_a_part_closed_by_tuijin_or_by_the_help_it_gives_supports(clause, lead, support):
    from engine.ingest.normalise import to_simplified

    got = roles_of(to_simplified(TASK + clause))
    assert got is not None
    assert [n.replace("(", "（").replace(")", "）") for n in got[0]] == lead
    assert [n.replace("(", "（").replace(")", "）") for n in got[1]] == support


@pytest.mark.parametrize(
    ("clause", "lead"),
    [
        ("（县财政局牵头，持续推进）", ["县财政局"]),  # the task's timing (roles.yaml due_part), no unit
        ("（县财政局牵头，长期推进）", ["县财政局"]),
        ("（县财政局牵头，常态化推进）", ["县财政局"]),
    ],
)
def test_a_deadline_part_after_the_lead_gives_no_support(clause, lead):
    assert roles_of(TASK + clause) == (lead, [])


@pytest.mark.parametrize(
    "text",
    [
        "各部门要协同推进示范基地建设，确保按期完成。",  # running text: a task, no clause
        "（县科技局提供技术支撑）",  # alone, no lead part: no clause of roles
    ],
)
def test_the_new_words_assign_no_one_outside_a_clause_after_a_lead(text):
    got = roles_of(TASK + text)
    assert got is None or got[1] == []


# ---- 2. a rename of some levels only ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "level", "jurisdiction", "parent", "outdated"),
    [
        ("镇综治办", "town", "连江口镇", "英德市", False),  # a town keeps its 综治办
        ("综治办", "town", "连江口镇", "英德市", False),  # bare: the draft's own level
        ("县综治办", "town", "四堡镇", "连城县", True),  # the county's above it was abolished
        ("县综治办", "county", "郸城县", "周口市", True),
        ("综治办", "county", "郸城县", "周口市", True),
        ("乡镇综治办", "county", "郸城县", "周口市", False),  # the towns' below the county
        ("市综治办", "city", "周口市", "河南省", True),
        ("镇法制办", "town", "连江口镇", "英德市", True),  # a rename with no `levels` applies at every level
    ],
)
def test_a_rename_applies_only_at_its_levels(name, level, jurisdiction, parent, outdated):
    read = read_unit(name, Where(level, jurisdiction, parent), load_registry())
    assert (status_of(read, "2026-05-12") == "outdated") == outdated


def test_levels_need_their_source():
    reg = UnitRegistry(
        sources={"s": "a source"},
        bodies=[{"id": "b", "local": ["政法委"]}],
        renames=[Rename(old=["综治办"], successor="b", until="2019-03-31", source="s", levels=["county"])],
    )
    assert [where for where, _ in reg.problems()] == [("renames", 0, "levels_source")]
    reg.renames[0].levels_source = "s"
    assert reg.problems() == []


def test_a_town_plan_naming_its_zongzhi_office_gets_no_outdated_finding():
    run_ = check(str(HERE / "lianjiangkou-town-safe-villages.txt"), allow_no_parent=True, fail_on="none")
    assert [f for f in run_.report.findings if f.rule == "unit_outdated"] == []


def test_a_county_plan_naming_its_zongzhi_office_still_does():
    run_ = check(str(HERE / "dancheng-county-campus-safety.txt"), allow_no_parent=True, fail_on="none")
    assert [f.evidence.local for f in run_.report.findings if f.rule == "unit_outdated"] == ["县综治办"]


# ---- 3. what stands below the level ----------------------------------------------------------------------------------


def _reasons(draft) -> list[str]:
    return [h.fields["reason"] for h in run(level_scope, ctx(draft))]


def test_below_a_county_its_towns_are_named_not_nothing():
    county = plan([measure("1", "各地要把校园周边纳入治安巡逻重点，各乡镇人民政府落实。")], jurisdiction="郸城县",
                  parent_j="周口市")  # fmt: skip
    (reason,) = _reasons(county)
    assert "乡镇" in reason and "没有相应层级" not in reason


def test_below_a_town_only_villages_stand():
    town = plan([measure("1", "各地要把矛盾纠纷排查纳入网格管理。")], jurisdiction="连江口镇", level="town",
                parent_j="英德市")  # fmt: skip
    (reason,) = _reasons(town)
    assert "村" in reason


def test_a_district_of_subdistricts_has_no_governments_below():
    streets = plan([measure("1", "各级政府要履职，推动各街道落实。")])
    (reason,) = _reasons(streets)
    assert "没有各级政府" in reason


def test_the_county_finding_keeps_its_severity_in_the_fixture():
    run_ = check(str(HERE / "dancheng-county-campus-safety.txt"), allow_no_parent=True, fail_on="none")
    (f,) = [f for f in run_.report.findings if f.rule == "level-scope"]
    assert f.severity == "error" and "乡镇" in f.message
