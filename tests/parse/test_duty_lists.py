"""A section listing each unit's duties after the tasks (三、职责分工 / 部门职责 / 任务分工 whose entries are
"X：负责…") restates who does what by unit: its entries are no measures, and their units belong to no measure
(rulesets/data/sections.yaml `duty_titles`; blind32 常州市). They were read as more measures, numbered （一）… again
or 1.… under the section. fixtures/tables30: 宿豫区 (四、部门职责 1.–5. after （一）…（五）) and 如皋市, whose
二、任务分工 holds its tasks (（X牵头，Y配合）) and keeps them."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import from_text, load_document
from engine.parse import parse_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "tables30"

_TASKS = [
    "二、主要任务",
    "（一）开展低效用地调查。对全县工业用地开展调查评价。（县自然资源和规划局牵头，县税务局配合）",
    "（二）分类推进再开发。对低效用地实行一地一策。（各乡镇人民政府负责）",
    "（三）实施差别化要素配置。依据亩均效益评价结果实施差别化政策。（县发展和改革局牵头，县生态环境局配合）",
]
_TITLES = ["开展低效用地调查", "分类推进再开发", "实施差别化要素配置"]
_DUTIES = [
    "（一）县自然资源和规划局：负责低效用地调查认定、土地收储和供应等工作。",
    "（二）县发展和改革局、县财政局：负责差别化政策的制定和资金保障。",
    "（三）各乡镇人民政府：承担本辖区低效用地再开发主体责任。",
]
_GUARDS = ["四、保障措施", "（一）加强组织领导。成立工作专班。", "（二）强化考核激励。纳入年度考核。"]


def _plan(heading: str, duties: list[str]) -> str:
    return "\n".join(
        ["某县低效工业用地再开发工作方案", "为盘活存量工业用地，制定本方案。", "一、工作目标", "到2028年完成再开发1万亩。",
         *_TASKS, f"三、{heading}", *duties, *_GUARDS]
    )  # fmt: skip


@pytest.mark.parametrize("heading", ["职责分工", "部门职责", "任务分工", "责任分工", "成员单位职责", "各部门职责分工"])
@pytest.mark.parametrize(
    "numbering",
    [lambda d: d, lambda d: d.replace("（一）", "1.").replace("（二）", "2.").replace("（三）", "3."),
     lambda d: d.replace("：", ":")],
)  # fmt: skip
def test_a_duty_list_after_the_tasks_is_no_measures(heading: str, numbering) -> None:
    plan = parse_plan(from_text(_plan(heading, [numbering(d) for d in _DUTIES])))
    assert [m.title for m in plan.measures] == _TITLES
    assert not any("负责低效用地调查认定" in m.text for m in plan.measures)


def test_duty_units_belong_to_no_measure() -> None:
    """The measures keep their own units, and no entry of the list becomes a measure with the entry's units."""
    plan = parse_plan(from_text(_plan("职责分工", _DUTIES)))
    assert [(m.lead_units, m.support_units) for m in plan.measures] == [
        (["县自然资源和规划局"], ["县税务局"]), (["各乡镇人民政府"], []), (["县发展和改革局"], ["县生态环境局"])
    ]  # fmt: skip


# The three below guard the class's bounds (they pass before the change too): a 任务分工 section that holds the
# tasks, entries that are the plan's only tasks, and items titled as tasks with a colon stay measures.


def test_a_task_division_section_of_tasks_keeps_its_measures() -> None:
    """三、任务分工 whose items are tasks naming their units in a clause (（X牵头，Y配合）) are measures."""
    tasks = [t.replace("（一）", "（四）").replace("（二）", "（五）").replace("（三）", "（六）") for t in _TASKS[1:]]
    plan = parse_plan(from_text(_plan("任务分工", tasks)))
    assert [m.title for m in plan.measures] == _TITLES * 2


def test_unit_entries_that_are_the_only_tasks_stay_measures() -> None:
    """A plan whose only items are "X：负责…" entries (a 工作要点 set out by unit) has no tasks before them to
    restate: they are its measures."""
    text = "\n".join(["某县2026年优化营商环境工作要点", "一、工作目标", "营商环境持续优化。", "二、任务分工", *_DUTIES])
    assert len(parse_plan(from_text(text)).measures) == 3


def test_entries_not_opening_with_a_unit_stay_measures() -> None:
    """Under a 职责分工 heading, items titled as tasks with a colon (（一）强化统筹：…) are no duty entries."""
    items = ["（四）强化统筹协调：建立部门联动机制。（县发展和改革局负责）", "（五）加强督促指导：定期通报进展。（县政府办负责）"]
    plan = parse_plan(from_text(_plan("职责分工", items)))
    assert len(plan.measures) == 5


def test_fixture_suyu_district_duty_list() -> None:
    """宿豫区: 三、部门职责 1.–5. (one entry of two units, one of 各乡镇人民政府（街道办事处）) after （一）…（五）."""
    plan = parse_plan(load_document(str(FIXTURES / "suyu-district-cold-chain-duties.txt")))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)", "(五)"]
    assert plan.measures[0].lead_units == ["区农业农村局"]
    assert plan.measures[-1].support_units == ["区公安分局"]


def test_fixture_rugao_task_division_of_tasks() -> None:
    plan = parse_plan(load_document(str(FIXTURES / "rugao-city-task-division-tasks.txt")))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)"]
    assert plan.measures[0].lead_units == ["市交通运输局"]
