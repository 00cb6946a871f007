"""What kinds ask of the run's context (CheckContext): the answers are the plain scans'."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from engine.models import Measure, Plan
from engine.pipeline import load_plan

ROOT = Path(__file__).resolve().parents[2]


@cache
def _plans() -> tuple[Plan, Plan]:
    return (
        load_plan(str(ROOT / "fixtures" / "guangxi-2021-2025-parent.txt")),
        load_plan(str(ROOT / "fixtures" / "chengzhong-district-draft.txt")),
    )


def test_aligned_parent_items_equal_the_scan_per_finding():
    """Findings are anchored through one index of the alignment per run (a scan of the pairs per
    finding was quadratic), the index ctx.aligned_parents reads too."""
    from engine.align import align_plans
    from engine.rules.kinds.base import CheckContext

    parent, draft = _plans()
    ctx = CheckContext(draft=draft, parent=parent, alignment=align_plans(parent, draft), obligations={}, data={})
    found = 0
    for m in draft.measures:
        plain = [p.parent_item for p in ctx.pairs() if p.parent_item and m.ref in p.local_items]
        assert ctx.aligned_parent_items(m.ref) == plain
        found += bool(plain)
    assert found
    assert CheckContext(draft=draft, parent=None, alignment=None, obligations={}, data={}).aligned_parent_items("1") == []


def test_aligned_parents_equals_the_scan_of_the_pairs():
    """ctx.aligned_parents reads an index of the alignment, built once per alignment: same answers as
    scanning every pair for each draft measure and section."""
    from engine.align import align_plans
    from engine.rules.kinds.base import CheckContext

    parent, draft = _plans()
    ctx = CheckContext(draft=draft, parent=parent, alignment=align_plans(parent, draft), obligations={}, data={})
    refs = [m.ref for m in draft.measures] + [s.label for s in draft.sections]
    found = 0
    for ref in refs:
        plain = [
            (pm.ref, pm.text)
            for p in ctx.pairs()
            if p.parent_item and (ref in p.local_items or f"§{ref}" in p.local_items)
            for pm in [ctx.parent_measure(p.parent_item)]
            if pm is not None
        ]
        assert ctx.aligned_parents(ref) == plain
        found += bool(plain)
    assert found  # the fixture pair aligns measures to find
    assert ctx.aligned_parents(None) == []


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
    """children/enclosing read an index of the plan, kept for the run (a scan per call was
    quadratic): same answers."""
    from engine.rules.kinds.base import CheckContext

    # 一、(三)基本原则 over 1.–4. (no units anywhere: the principles are its sub-measures). The Guangning plan's headings
    # over (1)–(4) that each name their units head measures now (measures on two levels, fixtures/struct37)
    plan = load_plan(str(ROOT / "fixtures" / "national" / "gbf2018-123-government-new-media.txt"))
    ctx = CheckContext(draft=plan, parent=None, alignment=None, obligations={}, data={})
    assert any(ctx.children(plan, m) for m in plan.measures)  # the fixture has sub-measures to find
    for m in plan.measures:
        assert [id(k) for k in ctx.children(plan, m)] == [id(k) for k in _plain_children(plan, m)]
        assert ctx.enclosing(plan, m) is _plain_enclosing(plan, m)
    stranger = Measure.model_validate({**plan.measures[-1].model_dump(), "parent_measure": plan.measures[0].label})
    assert ctx.enclosing(plan, stranger) is _plain_enclosing(plan, stranger)
    assert [k for k in ctx.memos if k[0] == "family"] == [("family", "draft")]  # the run's
