"""“十五五” 规划-style documents (fixtures/plans81/README.md): what blind81 showed read wrong, as a class.

1. A 规划 in three levels, 第一篇… over chapters numbered on across them over 节: the 篇 heading is a division of
   the plan (numbering style cn_pian), never text of the measure before it, and a 篇 of safeguards (第四篇
   强化规划实施保障) frames its chapters whatever they are titled (加强党的领导, 健全实施机制).
2. A 规划 laid out as a book (its measures the 节 of chapters, starting again in every chapter) that names no unit:
   a leading chapter of general requirements (第二章 总体要求 / 总体思路 over 指导思想, 基本原则, 发展目标) and a
   closing chapter of safeguards (保障措施, 规划实施) are no measures; the chapters' titles tell them apart.
3. A top-level section listing the plan's major projects (四、重大工程 1．…, 四、重点项目 （一）…) after the task
   section, numbered apart from the tasks: projects, not measures, even with their own 责任单位.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.gold import closing_overrun, compare
from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.numbering import marker_at_start
from engine.pipeline import load_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "plans81"
VOLUMES = "xiangtan-city-fitness-volumes"


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_a_three_level_plan_is_read_alike_in_every_form(suffix):
    gold = yaml.safe_load((HERE / f"{VOLUMES}.expected.yaml").read_text("utf-8"))
    plan = load_plan(str(HERE / f"{VOLUMES}{suffix}"))
    got = plan.model_dump(mode="json")
    assert compare(gold, got) + closing_overrun(gold, got) == []
    assert "规划实施保障" not in plan.measures[-1].text


def test_a_volume_heading_is_a_division():
    mk = marker_at_start("第四篇　规划实施保障")
    assert mk is not None and (mk.style, mk.label, mk.ordinal) == ("cn_pian", "第四篇", 4)


T = "某市人民政府办公室关于印发某市文化旅游发展规划的通知\n各县（区）人民政府：\n现将《某市文化旅游发展规划》印发给你们。\n某市文化旅游发展规划\n"


def _book(*, units: bool, volumes: bool, safeguard_units: bool = False, positioning: bool = False) -> str:
    clause = "（责任单位：市文化和旅游局牵头，市财政局配合）" if units else ""
    guard = "（责任单位：市文化和旅游局牵头，市财政局配合）" if safeguard_units else ""
    lines = [
        *(["第一篇　总体要求"] if volumes else []),
        "第一章　发展环境",
        "“十四五”期间全市接待游客1.2亿人次。",
        "第二章　总体要求",
        "第一节　指导思想",
        "坚持以文塑旅、以旅彰文。",
        *(["第二节　战略定位", "建设国内知名文化旅游目的地。", "第三节　发展目标"] if positioning else ["第二节　发展目标"]),
        "到2030年，全市旅游总收入达到1500亿元。",
        *(["第二篇　主要任务"] if volumes else []),
        "第三章　丰富文化旅游产品",
        "第一节　打造精品景区",
        "创建国家5A级旅游景区1个。" + clause,
        "第二节　发展乡村旅游",
        "培育乡村旅游重点村20个。" + clause,
        "第四章　提升公共服务",
        "第一节　完善旅游集散体系",
        "建设旅游集散中心3个。" + clause,
        "第二节　推进智慧旅游",
        "建成全域智慧旅游平台。" + clause,
    ]
    if volumes:
        lines += ["第三篇　规划实施保障", "第五章　坚持党的领导", "第一节　加强党的全面领导",
                  "把党的领导贯穿规划实施全过程。" + guard, "第六章　完善推进机制", "第一节　强化资金保障",
                  "统筹安排文化旅游发展资金。" + guard]  # fmt: skip
    else:
        lines += ["第五章　保障措施", "第一节　加强组织领导", "建立规划实施协调机制。" + guard,
                  "第二节　强化资金保障", "统筹安排文化旅游发展资金。" + guard]  # fmt: skip
    return T + "\n".join(lines)


_TASKS = ["打造精品景区", "发展乡村旅游", "完善旅游集散体系", "推进智慧旅游"]


@pytest.mark.parametrize("volumes", [False, True], ids=["chapters", "volumes"])
@pytest.mark.parametrize("units", [False, True], ids=["no-units", "units"])
def test_a_book_plans_goals_and_safeguards_chapters_are_no_measures(doc_of, units, volumes):
    plan = parse_plan(doc_of(_book(units=units, volumes=volumes)))
    assert [m.title for m in plan.measures] == _TASKS
    assert [m.ref for m in plan.measures] == ["第三章第一节", "第三章第二节", "第四章第一节", "第四章第二节"]
    assert "第三篇" not in plan.measures[-1].text and "保障" not in plan.measures[-1].text


def test_a_goals_chapter_may_state_the_plans_positioning(doc_of):
    """第二章 总体要求 第一节 指导思想 第二节 战略定位 第三节 发展目标: a positioning is no task either."""
    plan = parse_plan(doc_of(_book(units=False, volumes=False, positioning=True)))
    assert [m.title for m in plan.measures] == _TASKS


def test_a_book_plans_safeguards_that_assign_work_like_the_tasks_stay_measures(doc_of):
    """The closing chapter's 节 closing in "（责任单位：X牵头…）" as every task does: the plan counts them among its
    tasks, as a 实施方案's safeguards that assign work are (tests/parse/test_tree.py)."""
    plan = parse_plan(doc_of(_book(units=True, volumes=False, safeguard_units=True)))
    assert [m.title for m in plan.measures] == [*_TASKS, "加强组织领导", "强化资金保障"]


def test_numbered_items_without_chapters_keep_the_old_reading(doc_of):
    """Only a book's chapters are told apart by their titles: 一、…五、 with （一） restarting everywhere and no unit named
    keeps its safeguards among its items, as tests/parse/test_tree.py asks."""
    text = _book(units=False, volumes=False)
    for a, b in [("第一章　", "一、"), ("第二章　", "二、"), ("第三章　", "三、"), ("第四章　", "四、"), ("第五章　", "五、"),
                 ("第一节　", "（一）"), ("第二节　", "（二）")]:  # fmt: skip
        text = text.replace(a, b)
    plan = parse_plan(doc_of(text))
    assert "加强组织领导" in [m.title for m in plan.measures]


_TASK_LINES = [
    "（一）提升监测能力。新建监测站点20个。（牵头单位：县应急管理局；配合单位：县财政局）",
    "（二）加固农村民居。完成加固2000户。（牵头单位：县住房和城乡建设局；配合单位：各乡镇人民政府）",
    "（三）建设避难场所。新建避难场所10处。（牵头单位：县应急管理局；配合单位：县自然资源和规划局）",
]


def _projects(heading: str, items: list[str], *, tasks: bool = True) -> str:
    lines = ["一、总体要求", "（一）指导思想。坚持以防为主。", "（二）发展目标。到2030年防灾能力显著提升。"]
    if tasks:
        lines += ["二、主要任务", *_TASK_LINES]
    lines += [heading, *items, "四、保障措施", "（一）加强组织领导。县领导小组统筹推进。", "（二）加强资金保障。纳入财政预算。"]
    return T.replace("文化旅游发展", "防灾减灾") + "\n".join(lines)


_PROJECT_LINES = ["预警终端覆盖工程。新建终端200台。（责任单位：县应急管理局）",
                  "民居加固工程。完成加固2000户。（责任单位：县住房和城乡建设局、各乡镇人民政府）"]  # fmt: skip


@pytest.mark.parametrize("heading", ["三、重大工程", "三、重点项目", "三、重大工程和重点项目", "三、重点建设项目"])
@pytest.mark.parametrize("marks", [("1．", "2．"), ("（一）", "（二）"), ("1.", "2.")], ids=["dot", "restart", "ascii"])
def test_a_project_section_after_the_tasks_lists_no_measures(doc_of, heading, marks):
    plan = parse_plan(doc_of(_projects(heading, [m + t for m, t in zip(marks, _PROJECT_LINES, strict=True)])))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)"]
    assert all("工程" not in m.text for m in plan.measures)
    assert "县应急管理局" in plan.measures[-1].lead_units


def test_a_project_section_numbered_on_from_the_tasks_holds_measures(doc_of):
    """(四)(五) after the tasks' (一)…(三): the plan counts its projects among its items."""
    plan = parse_plan(doc_of(_projects("三、重大工程", ["（四）" + _PROJECT_LINES[0], "（五）" + _PROJECT_LINES[1]])))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)", "(五)"]


def test_a_project_section_that_is_the_plans_only_task_list_holds_its_measures(doc_of):
    """二、重点工程 工程一… as the plan's tasks (blind75 澜沧县, fixtures/ordinals75): no task stands before it."""
    plan = parse_plan(doc_of(_projects("二、重大工程", ["（一）" + _PROJECT_LINES[0], "（二）" + _PROJECT_LINES[1]],
                                       tasks=False)))  # fmt: skip
    assert [m.title for m in plan.measures] == ["预警终端覆盖工程", "民居加固工程"]


def test_a_task_section_that_names_projects_is_no_project_list(doc_of):
    """Only the whole heading counts: 三、实施重点工程 is a task section like any other."""
    plan = parse_plan(doc_of(_projects("三、实施重点工程", ["（四）" + _PROJECT_LINES[0], "（五）" + _PROJECT_LINES[1]])))
    assert len(plan.measures) == 5


def test_a_project_sections_table_rows_keep_their_reading():
    """A table set under 三、重点项目 (序号 / 项目名称 / 责任单位 / 完成时限) is read as the plan's task table, as it was
    (tests/parse/test_separator_and_bold_leads.py's 郫都区 page): only numbered project lines are set apart."""
    rows = ["序号\t项目名称\t责任单位\t完成时限", "1\t预警终端覆盖工程\t县应急管理局\t2027年底前",
            "2\t民居加固工程\t县住房和城乡建设局\t2028年底前"]  # fmt: skip
    plan = parse_plan(from_text(_projects("三、重点项目", rows), path="d.txt"))  # TAB lines read as a table's rows
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)", "1", "2"]
