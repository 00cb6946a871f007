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


# ---- stages in a numbering of their own, or known by their items (blind9 学院街道, 玉树州) ------------------

_OWN_NUMBERING = [
    "1.动员部署阶段（2025年3月底前）。召开工作部署会，各村制定工作方案。",
    "2.全面推进阶段（2025年4月至11月）。全面开展排查整治和督导检查。",
    "3.总结提升阶段（2025年12月）。对全年工作进行总结，评选表彰先进。",
]


@pytest.mark.parametrize("schedule", ["时间安排", "工作步骤", "进度安排", "时间节点", "方法步骤", "工作安排"])
def test_stages_numbered_1_beside_paren_tasks_are_not_measures(doc_of, schedule):
    """三、时间安排 1.–3. beside 二、 (一)…(四) tasks: the stages stand a depth below the tasks' style, in no
    task; they are the schedule's, not three more measures (nor sub-measures of none)."""
    plan = parse_plan(doc_of(_plan(schedule, _OWN_NUMBERING, *_REQUIREMENTS)))
    assert [m.title for m in plan.measures] == ["落实防火责任", "管控野外火源", "排查火灾隐患", "加强监测预警"]
    assert "动员部署阶段(2025年3月底前)" in {s.title for s in plan.sections}


_ARABIC_TASKS = [
    "二、规范采集秩序",
    "1.严格采集证管理。实行一人一证、定点采集。牵头单位：州林业和草原局 配合单位：各县（市）人民政府",
    "2.加强外来人员管理。实行流动人口信息动态管理。牵头单位：州公安局",
    "三、强化安全保障",
    "3.加强交通安全管理。严查超员超载。牵头单位：州公安局 配合单位：州交通运输局",
    "4.做好医疗卫生保障。设立临时医疗点。牵头单位：州卫生健康委员会",
]
_PAREN_PHASES = [
    "（一）动员部署阶段（4月1日—4月25日）。各县（市）完成采集证核发。",
    "（二）集中采集阶段（4月26日—6月30日）。各县（市）做好秩序维护。",
    "（三）总结验收阶段（7月1日—7月20日）。各县（市）完成生态恢复验收。",
]


def _arabic_plan(schedule: str) -> str:
    return "某州冬虫夏草采集管理工作方案\n" + "\n".join(
        ["一、工作目标", "全州不发生重大安全事故。", *_ARABIC_TASKS, f"四、{schedule}", *_PAREN_PHASES,
         "五、工作要求", "一是加强组织领导。二是严格值班值守。"]
    )  # fmt: skip


@pytest.mark.parametrize("schedule", ["工作步骤", "实施步骤", "时间安排"])
def test_paren_stages_below_arabic_tasks_are_not_measures(doc_of, schedule):
    """1.–4. run across 二、三、 and 四、工作步骤 holds （一）…（三） phases, first used there: a style deeper than
    the tasks' in the numbering order, yet the stages of the work, not measures."""
    plan = parse_plan(doc_of(_arabic_plan(schedule)))
    assert [m.label for m in plan.measures] == ["1", "2", "3", "4"]


def test_paren_stages_on_a_one_line_page_are_not_measures(tmp_path):
    """The same plan scraped as one line (page furniture, 印发 notice, plan, footer): the stages are no measures."""
    import json

    from click.testing import CliRunner

    from engine.cli import main

    page = ("某州人民政府 欢迎您！ 首页 政务公开 当前位置：首页 > 政务公开 > 政策文件 某州人民政府办公室关于印发某州冬虫夏草"
            "采集管理工作方案的通知 发布时间：2025-04-01 某政办〔2025〕21号 各县（市）人民政府，州政府各部门： 现将《某州冬虫"
            "夏草采集管理工作方案》印发给你们，请认真组织实施。 某州人民政府办公室 2025年3月31日 "
            + " ".join(_arabic_plan("工作步骤").split("\n"))
            + " 【打印本页】 【关闭窗口】 主办单位：某州人民政府办公室")  # fmt: skip
    path = tmp_path / "oneline.txt"
    path.write_text(page, "utf-8")
    r = CliRunner().invoke(main, ["parse", "--format", "json", str(path)])
    assert r.exit_code == 0, r.output
    assert [m["label"] for m in json.loads(r.output)["measures"]] == ["1", "2", "3", "4"]


def test_stages_below_paren_groups_of_arabic_tasks_are_not_measures(doc_of):
    """二、 (一) groups of 1. tasks, then 三、实施步骤 （一）…（三） phases with no item below them: leaves above the
    measures' depth in a section with no task, yet the stages, not tasks."""
    text = "某县森林防火专项整治实施方案\n" + "\n".join(
        ["一、工作目标", "确保全县不发生重大森林火灾。", "二、主要任务", "（一）落实责任",
         "1.落实防火责任。全面落实行政首长负责制。（县林业局牵头）", "2.管控野外火源。设立检查站。（县公安局牵头）",
         "（二）排查隐患", "3.排查火灾隐患。完成隐患排查。（县应急管理局牵头）", "三、实施步骤", *_PHASES]
    )  # fmt: skip
    plan = parse_plan(doc_of(text))
    assert [m.title for m in plan.measures] == ["落实防火责任", "管控野外火源", "排查火灾隐患"]


@pytest.mark.parametrize("schedule", ["推进计划", "组织推进"])
def test_a_schedule_is_known_by_its_dated_phases_whatever_its_heading(doc_of, schedule):
    """Every item a phase (…阶段) with the time it spans in brackets: the stages of the work under any heading."""
    plan = parse_plan(doc_of(_plan(schedule, _OWN_NUMBERING)))
    assert len(plan.measures) == 4
    plan = parse_plan(doc_of(_plan(schedule, _PHASES)))
    assert len(plan.measures) == 4


def test_steps_dated_after_a_colon_make_a_schedule_whatever_its_heading(doc_of):
    """第一步… named as steps (sections.yaml `step_words`) with the time each spans written after the name, opened by
    自/从/于 (`span_openers`): the stages of the work under any heading, as …阶段（…）."""
    steps = ["（一）第一步：自2025年11月1日起，各乡镇、各有关部门结合实际制定工作方案。",
             "（二）第二步：从2025年11月16日至2026年4月30日，各牵头单位组织开展排查整治。",
             "（三）第三步：于2026年5月31日前，各乡镇、各有关部门全面总结工作成效。"]  # fmt: skip
    plan = parse_plan(doc_of(_plan("推进计划", steps)))
    assert len(plan.measures) == 4


def test_undated_phases_under_another_heading_stay_measures(doc_of):
    """Items named …阶段 with no time span under a heading that is no schedule's are not known as stages."""
    phases = [p.split("（2")[0] + "。" + p.split("。", 1)[1] for p in _PHASES]
    plan = parse_plan(doc_of(_plan("推进计划", phases)))
    assert len(plan.measures) == 7


def test_tasks_whose_title_holds_a_phase_stay_measures(doc_of):
    """推进第二阶段改革（2025年底前） is a task: its title does not end in the phase."""
    tasks = [
        "（一）推进第二阶段改革（2025年底前）。完成林权制度改革第二阶段任务。",
        "（二）开展第三阶段试点（2026年6月底前）。选取3个乡镇开展试点。",
    ]
    plan = parse_plan(doc_of(_plan("推进计划", tasks)))
    assert [m.title for m in plan.measures][-2:] == ["推进第二阶段改革(2025年底前)", "开展第三阶段试点(2026年6月底前)"]
    plan = parse_plan(doc_of(_plan("时间安排", tasks)))
    assert len(plan.measures) == 6


def test_dated_phases_that_assign_work_stay_measures(doc_of):
    assigned = [p.replace("。", "。（县林业局牵头）", 1) for p in _OWN_NUMBERING]
    plan = parse_plan(doc_of(_plan("时间安排", assigned)))
    assert len(plan.measures) == 7
