"""Principles listed under a principles heading (一、总体要求 （一）基本原则 1.坚持…) are no measures where the plan's
tasks name their units and the principles none (fixtures/fix42, the form of blind42's 池州市 plan)."""

from __future__ import annotations

from pathlib import Path

from engine.ingest import load_document
from engine.parse import parse_plan

PLAN = Path(__file__).resolve().parents[2] / "fixtures" / "fix42" / "county-plan-principles-beside-tasks.txt"


def test_principles_beside_tasks_naming_units_are_no_measures():
    plan = parse_plan(load_document(str(PLAN)))
    assert [m.text[:4] for m in plan.measures] == ["实施规模", "推进小型", "落实水质"]


def test_with_no_unit_named_anywhere_the_principles_stay(doc_of):
    text = PLAN.read_text("utf-8")
    for unit in ("（县水利局牵头，县发展改革委配合）", "（县水利局牵头，各乡镇人民政府配合）", "（县卫生健康委牵头，县水利局配合）"):
        assert unit in text
        text = text.replace(unit, "")
    plan = parse_plan(doc_of(text, normalise=True))
    assert [m.text[:4] for m in plan.measures][:2] == ["坚持因地", "坚持建管"]
