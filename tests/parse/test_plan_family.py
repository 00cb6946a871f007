"""Plan.children and Plan.enclosing: the indexed answers are the plain definition's."""

from __future__ import annotations

from pathlib import Path

from engine.models import Measure, Plan
from engine.pipeline import load_plan

ROOT = Path(__file__).resolve().parents[2]


def _plain_children(plan: Plan, measure: Measure) -> list[Measure]:
    """The definition: every measure whose parent_measure names this one, in plan order."""
    return [m for m in plan.measures if m.parent_measure in (measure.ref, measure.label) and m is not measure]


def _plain_enclosing(plan: Plan, measure: Measure) -> Measure | None:
    """The definition: the last measure before this one whose ref or label is its parent_measure."""
    if not measure.parent_measure:
        return None
    found = None
    for m in plan.measures:
        if m is measure:
            break
        if measure.parent_measure in (m.ref, m.label):
            found = m
    return found


def test_indexed_family_equals_the_definition():
    """children/enclosing read an index of the plan (a scan per call was quadratic): same answers."""
    plan = load_plan(str(ROOT / "fixtures" / "guangning-county-2016-2020.txt"))
    assert any(plan.children(m) for m in plan.measures)  # the fixture has sub-measures to find
    for m in plan.measures:
        assert [id(k) for k in plan.children(m)] == [id(k) for k in _plain_children(plan, m)]
        assert plan.enclosing(m) is _plain_enclosing(plan, m)
    stranger = Measure.model_validate({**plan.measures[-1].model_dump(), "parent_measure": plan.measures[0].label})
    assert plan.enclosing(stranger) is _plain_enclosing(plan, stranger)
