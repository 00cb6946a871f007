"""Principles are prose a child may condense; goals are obligations whose deadlines are compared
(issue #16): fixtures/goals/ (a province's 实施意见 and a city child, written for testing)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from engine.cli import main
from engine.ingest import from_text, load_document
from engine.parse import parse_plan
from engine.rules.goals import goal_paragraphs

GOALS = Path(__file__).resolve().parents[2] / "fixtures" / "goals"
PARENT = GOALS / "hubei-rural-logistics-parent.txt"
CHILD = GOALS / "xiangyang-rural-logistics-child.txt"


def test_items_under_principles_are_general_and_goals_are_not() -> None:
    """Read with its units left out: 一、总体要求's items stay measures, those under 基本原则 general."""
    text = re.sub(r"（[^（）]*负责）", "", PARENT.read_text("utf-8"))
    plan = parse_plan(from_text(text, str(PARENT)))
    general = {m.title: m.general for m in plan.measures}
    assert [t for t in ("坚持市场主导", "坚持统筹协调", "坚持创新驱动") if not general.get(t)] == []
    tasks = [m for m in plan.measures if m.title in ("完善县乡村三级物流网络", "培育农村物流经营主体")]
    assert len(tasks) == 2 and not any(m.general for m in tasks)


def test_where_the_tasks_name_their_units_the_general_requirements_frame_the_plan() -> None:
    """As printed, every task names its units and 一、总体要求's items none, its numbering apart from the tasks':
    they are no measures (blind9 张掖市); the goals stay compared, as a goal written as prose."""
    plan = parse_plan(load_document(str(PARENT)))
    assert [m.title for m in plan.measures] == ["完善县乡村三级物流网络", "培育农村物流经营主体", "推进农村物流信息化"]
    assert [g.name for g in goal_paragraphs(plan)] == ["工作目标"]


def test_a_child_need_not_repeat_principles_but_keeps_the_goals_deadline() -> None:
    r = CliRunner().invoke(main, ["check", str(CHILD), "--parent", str(PARENT), "--format", "json"])
    findings = json.loads(r.output)["findings"]
    assert [f for f in findings if f["rule"] == "parent-covered"] == []
    late = [f for f in findings if f["rule"] == "deadline-not-later"]
    assert [(f["evidence"]["local"], f["severity"]) for f in late] == [("到2023年", "error")]
    assert r.exit_code == 1


def test_a_numbered_goal_of_the_parent_is_compared_with_the_drafts_goals_written_as_prose(tmp_path) -> None:
    """The parent numbers its goal ((三)工作目标, a general measure: its tasks name no unit here); the child writes
    its goals as prose (一、工作目标 over a paragraph). The aligner pairs the two; their deadlines are compared by
    sentence as two prose goals are (the sichuan-new-media pair of bench/judgements/eval-children.yaml)."""
    parent = tmp_path / "parent.txt"
    parent.write_text(re.sub(r"（[^（）]*负责）", "", PARENT.read_text("utf-8")), "utf-8")
    child = tmp_path / "child.txt"
    child.write_text(CHILD.read_text("utf-8").replace("（一）工作目标。", "").replace("一、总体要求", "一、工作目标"), "utf-8")
    assert [m.general for m in parse_plan(load_document(str(parent))).measures if m.title == "工作目标"] == [True]
    assert [g.name for g in goal_paragraphs(parse_plan(load_document(str(child))))] == ["工作目标"]
    r = CliRunner().invoke(main, ["check", str(child), "--parent", str(parent), "--format", "json"])
    late = [f for f in json.loads(r.output)["findings"] if f["rule"] == "deadline-not-later"]
    assert [(f["local_item"], f["parent_item"], f["evidence"]["local"]) for f in late] == [("§工作目标", "一(三)", "到2023年")]
