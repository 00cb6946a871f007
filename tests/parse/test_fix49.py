"""Safeguards numbered apart from the tasks and parted from them by a section holding no task (fixtures/fix49/,
README there; the class blind49's 崇明区 plan showed): 二、主要任务 （一）…（五） 三、工作步骤 四、组织保障 （一）…（三）,
each safeguard closing with "（X负责）". The plan has moved on from its tasks: the safeguards are no measures, and
their units belong to none. A safeguards section RIGHT AFTER the tasks whose items name units as the tasks do stays
among the tasks (fixtures/unseen's convention), and a plan whose only numbered items are its safeguards keeps them."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from tests.extract.prose_plans import checked_beside_gold

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix49"


def test_the_safeguards_units_belong_to_no_measure() -> None:
    _, run, _ = checked_beside_gold(HERE, "jingxian-county-forest-fire-steps-safeguards")
    units = {u for m in run.draft.measures for u in [*m.lead_units, *m.support_units]}
    assert not units & {"县森林防灭火指挥部办公室", "县财政局", "县纪委监委"}
    assert [m.title for m in run.draft.measures][-1] == "开展宣传教育"


TASKS = """某县农村公路养护工作方案
一、主要任务
（一）加强日常养护。每年完成农村公路日常养护3000公里。（县交通运输局牵头，各乡镇人民政府配合）
（二）实施危桥改造。2026年底前完成危桥改造12座。（县交通运输局牵头，县财政局配合）
（三）整治路域环境。清理公路两侧堆积物和违章建筑。（县交通运输局、各乡镇人民政府按职责分工负责）
"""
SAFEGUARDS = """{n}、保障措施
（一）加强组织领导。县农村公路管理领导小组统筹推进养护工作。（县交通运输局负责）
（二）强化资金保障。县财政将农村公路养护资金列入年度预算。（县财政局负责）
"""


def _titles(text: str) -> list[str]:
    return [m.title for m in parse_plan(from_text(text, "plan.txt")).measures]


@pytest.mark.parametrize(
    "between",
    [
        "二、实施步骤\n2026年为全面实施阶段，2027年为巩固提升阶段。\n",  # a paragraph of stages
        "二、时间安排\n（一）部署阶段（2026年3月）。制定方案。\n（二）实施阶段（2026年4月—12月）。全面推进。\n",  # numbered stages
        "二、预期成效\n农村公路列养率保持100%，优良中等路率达到85%以上。\n",  # any section holding no task
    ],
)
def test_safeguards_after_a_section_holding_no_task_are_no_measures(between: str) -> None:
    assert _titles(TASKS + between + SAFEGUARDS.format(n="三")) == ["加强日常养护", "实施危桥改造", "整治路域环境"]


def test_safeguards_right_after_the_tasks_naming_units_stay_among_them() -> None:
    assert _titles(TASKS + SAFEGUARDS.format(n="二"))[-2:] == ["加强组织领导", "强化资金保障"]


def test_safeguards_after_another_task_section_stay_among_them() -> None:
    more = "二、重点工程\n（一）建设养护站。新建乡镇养护站5个。（县交通运输局牵头，县自然资源局配合）\n"
    assert _titles(TASKS + more + SAFEGUARDS.format(n="三"))[-2:] == ["加强组织领导", "强化资金保障"]


def test_a_plan_whose_only_items_are_its_safeguards_keeps_them() -> None:
    text = "某县农村公路养护保障方案\n全县农村公路总里程3200公里。\n" + SAFEGUARDS.format(n="一")
    assert _titles(text) == ["加强组织领导", "强化资金保障"]
