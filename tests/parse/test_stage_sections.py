"""A work schedule after the tasks (三、实施步骤, 工作步骤, 时间安排 …) whose stages are numbered like the tasks but
apart from them — starting again at (一), headed as phases (（一）动员部署阶段（…）), assigning no work — frames the
plan: its stages are not measures, and a safeguards section after it that starts again at (一) is numbered apart
from the tasks too (blind6 黔西市: 二、(一)…(八) tasks, 三、实施步骤 (一)…(三), 四、工作要求 (一)(二))."""

from __future__ import annotations

import pytest

from engine.parse import parse_plan

_TASKS = [
    "二、主要任务",
    "（一）落实防火责任。全面落实行政首长负责制。（县林业局牵头，各乡镇配合）",
    "（二）管控野外火源。防火期内设立检查站。（县公安局牵头，县林业局配合）",
    "（三）排查火灾隐患。2025年12月底前完成隐患排查。（县应急管理局牵头，县林业局配合）",
    "（四）加强监测预警。实现重点林区火情监测全覆盖。（县气象局牵头，县林业局配合）",
]


def _plan(schedule: str, stages: list[str], *tail: str) -> str:
    return "某县森林防火专项整治实施方案\n" + "\n".join(
        ["为防范森林火灾风险，制定本方案。", "一、工作目标", "确保全县不发生重大森林火灾。", *_TASKS,
         f"三、{schedule}", *stages, *tail]
    )  # fmt: skip


_PHASES = [
    "（一）动员部署阶段（2025年11月1日—11月15日）。各乡镇、各有关部门结合实际制定工作方案。",
    "（二）集中整治阶段（2025年11月16日—2026年4月30日）。各牵头单位组织开展排查整治。",
    "（三）总结提升阶段（2026年5月1日—5月31日）。各乡镇、各有关部门全面总结工作成效。",
]
_REQUIREMENTS = [
    "四、工作要求",
    "（一）加强组织领导。县指挥部统筹推进专项整治工作。",
    "（二）严格督导问责。对责任不落实导致发生火灾的依规追责。",
]


@pytest.mark.parametrize("schedule", ["实施步骤", "工作步骤", "时间安排", "进度安排", "阶段安排"])
def test_stages_and_requirements_after_the_tasks_are_not_measures(doc_of, schedule):
    plan = parse_plan(doc_of(_plan(schedule, _PHASES, *_REQUIREMENTS)))
    assert [m.title for m in plan.measures] == ["落实防火责任", "管控野外火源", "排查火灾隐患", "加强监测预警"]
    assert "动员部署阶段" not in plan.measures[-1].text
    assert {s.title for s in plan.sections} >= {"动员部署阶段(2025年11月1日—11月15日)", "加强组织领导"}


def test_stages_that_assign_work_like_the_tasks_stay_measures(doc_of):
    """(一)…(三) that name who leads each stage are counted among the tasks (and the sections then each start
    at (一), so the requirements after them are read as before)."""
    assigned = [p.replace("。各", "。（县林业局牵头）各") for p in _PHASES]
    plan = parse_plan(doc_of(_plan("实施步骤", assigned)))
    assert len(plan.measures) == 7


def test_steps_headed_as_tasks_stay_measures(doc_of):
    """Steps headed as what to do (确定试点城市, 开展评估总结) are the plan's items, with their dates."""
    steps = [
        "（一）确定试点范围。各乡镇推荐试点村，县林业局审核确定。",
        "（二）组织开展试点。试点村按照方案推进建设。",
        "（三）开展评估总结。2026年3月底前，试点村开展自评估。",
    ]
    plan = parse_plan(doc_of(_plan("实施步骤", steps)))
    assert [m.title for m in plan.measures][-3:] == ["确定试点范围", "组织开展试点", "开展评估总结"]


def test_a_plan_of_stages_alone_keeps_them(doc_of):
    """With no task section beside it, the schedule is the plan's only section of items: they are its measures."""
    text = "某县森林防火专项整治实施方案\n" + "\n".join(["一、实施步骤", *_PHASES])
    plan = parse_plan(doc_of(text))
    assert len(plan.measures) == 3
