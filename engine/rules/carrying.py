"""What the draft carries of each parent obligation: shared reading helpers for the obligation kinds.

The seven obligation kinds (parent_covered, lead_unit_required, lead_unit_vague, deadline_not_later,
deadline_carried, target_not_weaker, clause_carried) all ask the same questions of an Alignment:
which draft measures carry parent measure X, is X curated as not applicable, is this parent clause
present somewhere else in the draft, is this deadline later than that one. Answering them once here
keeps the kinds short and their answers consistent. Nothing here writes to the context but its
run memo (`CheckContext.remember`).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from engine.models import Measure, Plan

if TYPE_CHECKING:
    from engine.rules.kinds.base import CheckContext


def children(ctx: CheckContext, plan: Plan, measure: Measure) -> list[Measure]:
    """Sub-measures of `measure` (those whose parent_measure names it) in `plan` (the run's draft or parent)."""
    by_parent, order, _ = _family(ctx, plan)
    found = {id(m): m for k in {measure.ref, measure.label} for m in by_parent.get(k, ())}
    found.pop(id(measure), None)
    return sorted(found.values(), key=lambda m: order[id(m)])


def enclosing(ctx: CheckContext, plan: Plan, measure: Measure) -> Measure | None:
    """The measure a sub-measure sits in: the nearest earlier measure with that ref or label."""
    if not measure.parent_measure:
        return None
    _, order, by_name = _family(ctx, plan)
    positions = by_name.get(measure.parent_measure, [])
    k = bisect.bisect_left(positions, order.get(id(measure), len(plan.measures)))
    return plan.measures[positions[k - 1]] if k else None


_Family = tuple[dict[str, list[Measure]], dict[int, int], dict[str, list[int]]]


def _family(ctx: CheckContext, plan: Plan) -> _Family:
    """Indexes of a plan's measures, so `children` and `enclosing` cost no scan of the whole plan per
    call (a kind asks for every measure: a scan each was quadratic in the plan's size). Kept for the
    run (the context holds the plan alive, so its identity names it until the run ends)."""
    which = "draft" if plan is ctx.draft else "parent" if plan is ctx.parent else id(plan)
    return ctx.remember(("carrying.family", which), lambda: _index_family(plan))


def _index_family(plan: Plan) -> _Family:
    by_parent: dict[str, list[Measure]] = {}
    by_name: dict[str, list[int]] = {}
    order: dict[int, int] = {}
    for i, m in enumerate(plan.measures):
        order[id(m)] = i
        if m.parent_measure:
            by_parent.setdefault(m.parent_measure, []).append(m)
        for k in {m.ref, m.label}:
            by_name.setdefault(k, []).append(i)
    return by_parent, order, by_name
