"""A section whose items are dated stages (…阶段 with the time it spans) is the plan's work schedule, not measures
(issue #16): the forms that escaped it — the stage's name running on past a colon or comma into its work or its
time ("(一)准备阶段(2026年3月—4月)：成立工作专班…", "（一）宣传发动阶段：…", "准备阶段：2026年3月—4月。…"),
and stages numbered on from the tasks ((五)…(七) after (一)…(四)) — were read as measures, and then as measures
missing their lead units. fixtures/stages16: a 旗 (达拉特旗) and a 镇 (树林召镇) plan, a city (邵阳市) and a county
(新邵县, 四、工作步骤) plan, and a plan whose tasks are titled …阶段性… (新宁县), which keeps its measures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.ingest import from_text, load_document
from engine.parse import parse_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "stages16"
BANNER = FIXTURES / "dalad-banner-parent.txt"
TOWN = FIXTURES / "shulinzhao-town-draft.txt"
CITY = FIXTURES / "shaoyang-blackwater-parent.txt"
COUNTY = FIXTURES / "xinshao-county-blackwater-draft.txt"
PHASE_RESULTS = FIXTURES / "xinning-phase-results-tasks.txt"

_TASKS = [
    "二、重点任务",
    "（一）开展村庄清洁行动。全面清理农村生活垃圾、村内沟塘。（镇农业服务中心牵头，各村配合）",
    "（二）推进农村户厕改造。完成农村户厕改造200户。（镇农业服务中心牵头，镇财政所配合）",
    "（三）治理农村生活污水。推进污水管网向村庄延伸。（镇村镇建设服务中心牵头，各村配合）",
]
_TASK_TITLES = ["开展村庄清洁行动", "推进农村户厕改造", "治理农村生活污水"]
_GUARDS = ["四、保障措施", "（一）加强组织领导。镇成立工作领导小组。", "（二）强化督查考核。将整治工作纳入年度考核。"]

# stages whose name runs on past a colon or comma, in each bracket and numbering a plan prints them with
_STAGES = {
    "half-width brackets, colon": [
        "(一)准备阶段(2026年3月—4月)：成立工作专班，制定工作方案。",
        "(二)实施阶段(2026年5月—10月)：各村全面推进整治工作。",
        "(三)总结阶段(2026年11月—12月)：对整治工作进行总结验收。",
    ],
    "full-width brackets, colon": [
        "（一）准备阶段（2026年3月—4月）：成立工作专班，制定工作方案。",
        "（二）实施阶段（2026年5月—10月）：各村全面推进整治工作。",
        "（三）总结阶段（2026年11月—12月）：对整治工作进行总结验收。",
    ],
    "1. with a colon": [
        "1.动员部署阶段（2026年3月—4月）：成立工作专班。",
        "2.集中整治阶段（2026年5月—10月）：全面推进整治。",
        "3.总结验收阶段（2026年11月—12月）：开展考核验收。",
    ],
    "the time after a colon": [
        "（一）准备阶段：2026年3月—4月。成立工作专班，制定工作方案。",
        "（二）实施阶段：2026年5月—10月。各村全面推进整治工作。",
        "（三）总结阶段：2026年11月—12月。对整治工作进行总结验收。",
    ],
    "the time after a comma": [
        "（一）准备阶段，2026年3月至4月。成立工作专班。",
        "（二）实施阶段，2026年5月至10月。各村全面推进。",
        "（三）总结阶段，2026年11月至12月。总结验收。",
    ],
    "the time after the stop": [
        "（一）宣传发动阶段。2026年3月至4月，召开动员部署会。",
        "（二）集中整治阶段。2026年5月至10月，各村全面推进。",
        "（三）巩固提升阶段。2026年11月至12月，开展考核验收。",
    ],
    "numbered on from the tasks": [
        "（四）准备阶段（2026年3月—4月）：成立工作专班。",
        "（五）实施阶段（2026年5月—10月）：各村全面推进。",
        "（六）总结阶段（2026年11月—12月）：总结验收。",
    ],
    "numbered on, stop after the name": [
        "（四）准备阶段（2026年3月—4月）。成立工作专班。",
        "（五）实施阶段（2026年5月—10月）。各村全面推进。",
        "（六）总结阶段（2026年11月—12月）。总结验收。",
    ],
}


def _plan(heading: str, stages: list[str], number: str = "三") -> str:
    guards = [g.replace("四、", "五、" if number == "四" else "四、") for g in _GUARDS]
    return "\n".join(
        ["某镇人居环境整治工作方案", "为改善农村人居环境，制定本方案。", "一、工作目标", "到2026年底，全镇村庄环境明显改善。",
         *_TASKS, f"{number}、{heading}", *stages, *guards]
    )  # fmt: skip


_HEADINGS = ["实施步骤", "时间安排", "进度安排", "工作步骤", "推进步骤", "方法步骤", "推进计划"]


@pytest.mark.parametrize(
    ("form", "heading"),
    [(f, h) for f in _STAGES for h in _HEADINGS if f != "the time after the stop" or h == "推进计划"],
)
def test_dated_stages_are_no_measures(form: str, heading: str) -> None:
    """Under a schedule heading or any other (推进计划): the stages are dated, so they are the schedule. (A stage
    with its time after the stop was read as one under a schedule heading already: here under 推进计划 only.)"""
    plan = parse_plan(from_text(_plan(heading, _STAGES[form])))
    assert [m.title for m in plan.measures] == _TASK_TITLES


@pytest.mark.parametrize("number", ["三", "四"])
def test_undated_stages_named_past_a_colon_under_a_schedule_heading(number: str) -> None:
    """（一）宣传发动阶段：… with no date: under 实施步骤 most items named as phases make the schedule, as with a stop."""
    stages = ["（一）宣传发动阶段：成立工作专班，制定工作方案。", "（二）集中整治阶段：各村全面推进整治工作。",
              "（三）巩固提升阶段：对整治工作进行总结验收。"]  # fmt: skip
    plan = parse_plan(from_text(_plan("实施步骤", stages, number)))
    assert [m.title for m in plan.measures] == _TASK_TITLES


def test_dated_tasks_numbered_on_stay_measures() -> None:
    """A section of tasks that each carry a date ((四)…(六), no unit named, numbered on from the tasks) is no
    schedule: its items are not named as phases, nor when they speak of one (阶段性, 第二阶段) — where the same
    section of stages is."""
    stages = parse_plan(from_text(_plan("推进计划", _STAGES["numbered on from the tasks"])))
    assert [m.title for m in stages.measures] == _TASK_TITLES
    tasks = ["（四）巩固阶段性成果（2026年6月底前）：对已改户厕开展回头看。", "（五）开展阶段性评估（2026年9月底前）：开展成效评估。",
             "（六）推进第二阶段整治（2026年12月底前）：启动剩余村庄污水治理。"]  # fmt: skip
    plan = parse_plan(from_text(_plan("推进计划", tasks)))
    assert [m.title for m in plan.measures][3:] == [
        "巩固阶段性成果(2026年6月底前)：对已改户厕开展回头看",
        "开展阶段性评估(2026年9月底前)：开展成效评估",
        "推进第二阶段整治(2026年12月底前)：启动剩余村庄污水治理",
    ]


def test_stages_that_assign_work_stay_measures() -> None:
    """Dated stages that name who leads each (X牵头 on most) are counted among the tasks, as before; the same
    stages naming none are the schedule."""
    stages = _STAGES["half-width brackets, colon"]
    assert len(parse_plan(from_text(_plan("实施步骤", stages))).measures) == 3
    assigned = [s.replace("：", "：（镇农业服务中心牵头）", 1) for s in stages]
    assert len(parse_plan(from_text(_plan("实施步骤", assigned))).measures) == 6


# ---- fixtures/stages16 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "tasks"),
    [(BANNER, 4), (TOWN, 4), (CITY, 4), (COUNTY, 4)],
)
def test_fixture_stages_are_sections(path: Path, tasks: int) -> None:
    plan = parse_plan(load_document(str(path)))
    assert len(plan.measures) == tasks
    assert not any("阶段" in m.title for m in plan.measures)
    assert sum(s.title.split("(")[0].endswith("阶段") for s in plan.sections) == 3


def test_a_plan_of_phase_results_keeps_its_measures() -> None:
    """新宁县: tasks titled 巩固…阶段性成果（2026年6月底前）, 开展阶段性评估, 推进第二阶段整治 — dated, naming no unit,
    numbered on across two sections — are its measures, each with its date; 新邵县's stages numbered on the
    same way are not."""
    county = parse_plan(load_document(str(COUNTY)))
    assert [m.label for m in county.measures] == ["(一)", "(二)", "(三)", "(四)"]
    plan = parse_plan(load_document(str(PHASE_RESULTS)))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)", "(五)"]
    assert [m.deadlines[0].date for m in plan.measures] == [
        "2026-06-30", "2026-06-30", "2026-09-30", "2026-12-31", "2026-12-31"
    ]  # fmt: skip


def _findings(draft: Path, parent: Path) -> list[dict]:
    r = CliRunner().invoke(main, ["check", str(draft), "--parent", str(parent), "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.output)["findings"]


def test_town_against_banner_reports_its_task_not_its_stages() -> None:
    """树林召镇 against 达拉特旗: the planted later deadline on 二(一) is reported; the stages of 三、时间安排 are
    neither measures missing a lead unit nor carried items of the banner's 三、实施步骤."""
    found = _findings(TOWN, BANNER)
    assert [(f["rule"], f["local_item"]) for f in found if f["rule"] == "deadline-not-later"] == [
        ("deadline-not-later", "二(一)")
    ]
    assert not [f for f in found if str(f.get("local_item", "")).startswith("三")]
    assert not [f for f in found if f["rule"] == "lead-unit-required"]


def test_county_with_work_steps_numbered_on_has_no_finding() -> None:
    """新邵县 四、工作步骤 （五）…（七） against 邵阳市 三、进度安排 1.–3.: no lead unit asked of a stage, and 五、保障措施
    starting again at （一） after the stages is numbered apart, like safeguards after the tasks."""
    found = _findings(COUNTY, CITY)
    assert found == []


def test_dated_stages_in_traditional_characters() -> None:
    """A page in traditional characters (準備階段(2026年3月—4月)：…) is read as its simplified text: the same schedule."""
    text = "\n".join(
        ["某鎮人居環境整治工作方案", "一、工作目標", "到2026年底，全鎮村莊環境明顯改善。", "二、重點任務",
         "（一）開展村莊清潔行動。全面清理農村生活垃圾。（鎮農業服務中心牽頭，各村配合）",
         "（二）推進廁所革命。完成農村戶廁改造200戶。（鎮農業服務中心牽頭，各村配合）", "三、實施步驟",
         "(一)準備階段(2026年3月—4月)：成立工作專班，制定工作方案。", "(二)實施階段(2026年5月—10月)：各村全面推進整治工作。",
         "(三)總結階段(2026年11月—12月)：對整治工作進行總結驗收。", "四、保障措施", "（一）加強組織領導。鎮成立工作領導小組。"]
    )  # fmt: skip
    assert [m.title for m in parse_plan(from_text(text)).measures] == ["开展村庄清洁行动", "推进厕所革命"]
