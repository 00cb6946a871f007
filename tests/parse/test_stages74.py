"""Phased action plans (三年行动 / 百日攻坚) with stage schedules and deep nesting (fixtures/stages74/README.md):

1. a schedule whose stages are its section's items though one of them holds the plan's task list
   (二、工作步骤 （一）宣传发动阶段（…）。… （二）集中整治阶段（…）。重点抓好以下工作： 1.…（X牵头） … （三）巩固提升阶段（…）。…):
   the stages that hold no items are stages, no measures; the items in the stage stay the tasks
   (engine/parse/tree.py `_stages_apart`);
2. a schedule printed as a table (阶段 | 时间 | 主要工作 | 责任单位) beside the tasks: its rows fill the 责任单位 column by the
   table's form, and stay the schedule; the same table as the plan's only list is its measures;
3. a heading line that closes with the units' clause, over numbered points naming none ("（一）完善分类投放设施（牵头单位：X；
   配合单位：Y）" 1.… 2.…): the heading is the measure, the points its text (engine/parse/subpoints.py);
4. 中心城区, 主城区, 核心城区 in a city plan's title: the city's built-up area, no district (rulesets/data/levels.yaml
   `area_endings`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import from_text, load_document
from engine.parse import parse_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "stages74"


def _labels(text: str) -> list[str]:
    return [m.label for m in parse_plan(from_text(text)).measures]


# ---- 1. a stage holding the task list -------------------------------------------------------------------------------

_TASKS_IN_STAGE = [
    "1.清理违规摊点。对主次干道占道经营逐一登记，限期清理。（市城市管理局牵头，各区人民政府配合）",
    "2.规范便民市场。新建规范化便民疏导点10处。（市商务局牵头，市自然资源局配合）",
    "3.严格执法监管。建立巡查台账，反弹问题及时处置。（市城市管理局牵头，市公安局配合）",
]


def _staged(schedule: str, first: str, last: str, *more: str) -> str:
    return "某市主城区占道经营整治百日攻坚行动方案\n" + "\n".join(
        ["为规范市容秩序，制定本方案。", "一、工作目标", "主次干道占道经营问题全部整改到位。", f"二、{schedule}", first,
         "（二）集中整治阶段（2026年7月1日—9月10日）。重点抓好以下工作：", *_TASKS_IN_STAGE, last, *more,
         "三、工作要求", "（一）加强组织领导。各区政府落实属地责任。", "（二）严格督导考核。市政府督查室跟踪督办。"]
    )  # fmt: skip


_FIRST = "（一）动员部署阶段（2026年6月20日—6月30日）。各区制定实施方案，发布整治通告。"
_LAST = "（三）巩固提升阶段（2026年9月11日—9月28日）。开展“回头看”，建立长效机制。"


@pytest.mark.parametrize("schedule", ["实施步骤", "工作步骤", "时间安排", "进度安排", "攻坚步骤"])
def test_stages_beside_the_one_holding_the_tasks_are_no_measures(schedule: str) -> None:
    assert _labels(_staged(schedule, _FIRST, _LAST)) == ["1", "2", "3"]


def test_stages_named_as_steps_or_with_the_time_after_a_colon() -> None:
    first = "（一）第一阶段：2026年6月20日—6月30日，各区制定实施方案。"
    last = "（三）第三阶段：2026年9月11日—9月28日，开展“回头看”。"
    assert _labels(_staged("推进计划", first, last)) == ["1", "2", "3"]


def test_the_last_task_ends_at_the_next_stage() -> None:
    plan = parse_plan(from_text(_staged("实施步骤", _FIRST, _LAST)))
    assert "巩固提升阶段" not in plan.measures[-1].text
    assert [m.lead_units for m in plan.measures] == [["市城市管理局"], ["市商务局"], ["市城市管理局"]]


def test_stages_that_each_hold_items_keep_them() -> None:
    """Every stage over its own items (a parent's 1. 2. under each stage, dated by it): nothing is framed — the items
    stay the measures, as before."""
    text = "某市农村厕所改造实施方案\n" + "\n".join(
        ["一、实施步骤", "（一）摸底排查阶段（2026年6月底前）", "1.各县区完成农户改厕需求摸底。", "2.建立改厕台账。",
         "（二）集中改造阶段（2026年7月—12月）", "3.完成改厕任务5000户。", "4.同步建设粪污收集设施。",
         "二、保障措施", "（一）加强组织领导。市农业农村局统筹推进。", "（二）强化资金保障。市财政安排奖补资金。"]
    )  # fmt: skip
    assert _labels(text) == ["1", "2", "3", "4"]


def test_a_stage_naming_units_beside_the_held_tasks_stays_a_measure() -> None:
    """A stage that names who leads it assigns work like the tasks do: counted among them, as stages in text always were."""
    first = "（一）动员部署阶段（2026年6月20日—6月30日）。各区制定实施方案。（市城市管理局牵头）"
    last = "（三）巩固提升阶段（2026年9月11日—9月28日）。建立长效机制。（市城市管理局牵头）"
    assert _labels(_staged("实施步骤", first, last)) == ["(一)", "1", "2", "3", "(三)"]


def test_fixture_stage_holds_tasks() -> None:
    plan = parse_plan(load_document(str(FIXTURES / "baoji-city-signboards-stage-holds-tasks.txt")))
    assert [m.label for m in plan.measures] == ["1", "2", "3", "4"]
    assert (plan.level, plan.jurisdiction) == ("city", "宝鸡市")


# ---- 2. a schedule table --------------------------------------------------------------------------------------------

_HTML = """<html><head><meta charset="utf-8"><title>某市夏季防汛百日攻坚行动方案</title></head><body>
<h1>某市夏季防汛百日攻坚行动方案</h1>
{tasks}
<p>{schedule}</p>
<table border="1"><tr><td>阶段</td><td>时间</td><td>主要工作</td><td>责任单位</td></tr>
<tr><td>准备阶段</td><td>5月1日—5月15日</td><td>制定区级方案，完成隐患排查</td><td>各区人民政府</td></tr>
<tr><td>攻坚阶段</td><td>5月16日—7月31日</td><td>全面落实防汛措施</td><td>市住房和城乡建设局、市水务局</td></tr>
<tr><td>总结阶段</td><td>8月1日—8月9日</td><td>总结评估攻坚成效</td><td>市应急管理局</td></tr></table>
<p>{after}、保障措施</p>
<p>（一）加强组织领导。市防汛指挥部统筹调度。</p>
<p>（二）严格责任追究。对失职失责的严肃问责。</p>
</body></html>"""
_HTML_TASKS = """<p>一、攻坚任务</p>
<p>（一）排查城市易涝点。全面排查易涝积水点，建立台账。（市住房和城乡建设局牵头，市水务局配合）</p>
<p>（二）清淤疏浚排水管网。汛前完成主干管网清淤。（市城市管理局牵头，各区人民政府配合）</p>
<p>（三）加强应急值守。落实24小时值班制度。（市应急管理局牵头，市气象局配合）</p>"""


@pytest.mark.parametrize("schedule", ["二、时间安排", "二、进度安排", "二、实施步骤"])
def test_a_schedule_table_beside_the_tasks_is_no_list_of_measures(tmp_path: Path, schedule: str) -> None:
    page = tmp_path / "plan.html"
    page.write_text(_HTML.format(tasks=_HTML_TASKS, schedule=schedule, after="三"), "utf-8")
    plan = parse_plan(load_document(str(page)))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)"]
    assert "准备阶段" not in plan.measures[-1].text


def test_a_schedule_table_that_is_the_only_list_is_the_measures(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    page.write_text(_HTML.format(tasks="", schedule="一、时间安排", after="二"), "utf-8")
    plan = parse_plan(load_document(str(page)))
    assert len(plan.measures) == 3
    assert plan.measures[1].lead_units == ["市住房和城乡建设局", "市水务局"]


@pytest.mark.parametrize(
    ("name", "count"),
    [("gansu-province-rural-water-schedule-table.docx", 5), ("tianhuangping-town-homestay-stage-table-only.docx", 4)],
)
def test_fixture_schedule_tables(name: str, count: int) -> None:
    plan = parse_plan(load_document(str(FIXTURES / name)))
    assert len(plan.measures) == count


# ---- 3. a heading that names units over its points ------------------------------------------------------------------

_GROUPS = [
    ("（一）完善投放设施（牵头单位：县住房和城乡建设局；配合单位：县城市管理局）", ["1.配齐分类收集容器。", "2.建设定时定点投放点。"]),
    ("（二）健全收运体系。（县城市管理局牵头，县交通运输局配合）", ["1.配置专用收运车辆。", "2.完成中转站分类改造。"]),
    ("（三）提升处理能力（责任单位：县发展和改革委员会）", ["1.建设厨余垃圾处理设施。", "2.衔接再生资源回收体系。"]),
]


def _grouped(groups: list[tuple[str, list[str]]]) -> str:
    lines = ["某县生活垃圾分类三年行动方案", "一、主要任务"]
    for head, points in groups:
        lines += [head, *points]
    lines += ["二、实施步骤", "（一）试点阶段（2026年）。开展分类试点。", "（二）推广阶段（2027年）。全面推行分类。",
              "三、保障措施", "（一）加强组织领导。成立领导小组。", "（二）强化资金保障。纳入年度预算。"]  # fmt: skip
    return "\n".join(lines)


def test_a_heading_naming_units_over_its_points_is_the_measure() -> None:
    plan = parse_plan(from_text(_grouped(_GROUPS)))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)"]
    assert [m.lead_units for m in plan.measures] == [["县住房和城乡建设局"], ["县城市管理局"], ["县发展和改革委员会"]]
    assert "建设定时定点投放点" in plan.measures[0].text


def test_headings_speaking_for_the_items_under_them_leave_them_measures() -> None:
    """"以下各项由X牵头" / "本部分任务由X负责" head the items, each a measure taking the heading's units
    (engine/extract/textleads.py)."""
    groups = [
        ("（一）完善投放设施（以下各项由县住房和城乡建设局牵头，县城市管理局配合）", _GROUPS[0][1]),
        ("（二）健全收运体系（本部分任务由县城市管理局负责）", _GROUPS[1][1]),
    ]
    plan = parse_plan(from_text(_grouped(groups)))
    assert [m.label for m in plan.measures] == ["1", "2", "1", "2"]
    assert [m.lead_units for m in plan.measures][1:3] == [["县住房和城乡建设局"], ["县城市管理局"]]


def test_points_of_a_plan_whose_points_carry_their_units_stay_its_measures() -> None:
    """Where another group's points each name their own units, a group under a heading with a clause left its
    points' units out: they inherit, and stay measures (the plan's way of assigning)."""
    groups = [
        _GROUPS[0],
        ("（二）健全收运体系", ["1.配置专用收运车辆。（县城市管理局牵头）", "2.完成中转站分类改造。（县住房和城乡建设局牵头）"]),
    ]
    assert _labels(_grouped(groups)) == ["1", "2", "1", "2"]


def test_fixture_heading_clauses() -> None:
    plan = parse_plan(load_document(str(FIXTURES / "xiuning-county-waste-sorting-heading-clauses.txt")))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)"]


# ---- 4. a city's built-up area in the title -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "level", "place"),
    [
        ("咸阳市中心城区停车设施建设三年行动方案", "city", "咸阳市"),
        ("南宁市主城区内涝治理三年行动方案", "city", "南宁市"),
        ("曲靖市核心城区交通拥堵治理百日攻坚行动方案", "city", "曲靖市"),
        ("洛阳市老城区背街小巷整治方案", "county", "老城区"),  # a district of that name
        ("阳泉市城区老旧小区改造方案", "county", "城区"),
        ("北京市东城区街巷环境整治方案", "county", "东城区"),
    ],
)
def test_a_city_area_in_the_title_is_no_district(title: str, level: str, place: str) -> None:
    plan = parse_plan(from_text(title + "\n一、重点任务\n（一）开展整治。完成整治。\n（二）巩固成效。建立机制。\n"))
    assert (plan.level, plan.jurisdiction) == (level, place)
