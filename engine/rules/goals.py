"""Goals written as prose: which paragraphs state a plan's goals, and how a finding about them is placed.

A goal section with its own paragraph and no items (一、工作目标 / 到2022年，…超过一半…) or a preamble
paragraph led by a goal label (具体指标：…, 主要目标：…) is no measure: the plan keeps its shape and
numbering (the generated drafts, answer keys and structure stay as they are). The kinds that compare a
parent's goals with the draft's (target-not-weaker, deadline-not-later) read them here, pair them by
sentence (engine.rules.target_facts, engine.rules.obligation_facts), and name them in their messages by
the goal's own words (工作目标) instead of an item number. A goal's ref is `§` and its name
(§工作目标): it survives renumbering and never collides with a measure's ref. A derived ruleset keeps
the parent's goals (`Ruleset.goals`), and the parent rebuilt from it lists them as 名称：… preamble lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from engine.align.measures import role_of
from engine.models import Plan

if TYPE_CHECKING:
    from engine.rules.kinds.base import CheckContext, Hit

# a goal paragraph in the preamble: 具体指标：… 主要目标：… 总体要求与目标：…
_GOAL_LEAD = re.compile(r"^([^。；;：:，,]{0,8}?(?:目标|指标))[：:]")


@dataclass(frozen=True)
class Goal:
    """A goal written as prose: `ref` §name, `name` as the plan writes it (工作目标), `text` its paragraph(s),
    `line` the line of its heading (or of the paragraph in the preamble)."""

    ref: str
    name: str
    text: str
    line: int


def goal_paragraphs(plan: Plan) -> list[Goal]:
    """The plan's goals written as prose: a goal section (工作目标, 主要目标 …) with its own text and no
    measures under it, and preamble paragraphs led by a goal label (具体指标：…). Numbered goals are
    measures (aligned as general pairs) and are not read here."""
    out: list[Goal] = []
    for para in plan.preamble.split("\n"):
        m = _GOAL_LEAD.match(para.strip())
        if m and role_of(m.group(1)) == "goal" and para.strip()[m.end():]:
            out.append(Goal("§" + m.group(1), m.group(1), para.strip()[m.end():], _line_of(plan, para.strip())))
    for s in plan.sections:
        if role_of(s.title) != "goal" or not s.text.strip():
            continue
        inside = [*s.path, s.label]
        if any(m.document == s.document and m.path[: len(inside)] == inside for m in plan.measures):
            continue
        out.append(Goal("§" + s.title, s.title, s.text, s.line))
    return [g for k, g in enumerate(out) if g.ref not in {o.ref for o in out[:k]}]


def parent_goals(ctx: CheckContext) -> list[Goal]:
    """The parent's goals that are compared by sentence with the draft's prose goals: its own prose goals
    (`goal_paragraphs`), and each numbered goal ((三)工作目标, a general measure) that the aligner paired with
    no draft measure because the draft writes its goals as prose (一、工作目标 over a paragraph, or
    一、总体要求's items set apart from tasks that name their units, engine.parse.tree). Such a goal keeps its
    ref (一(三)); one that does not apply at the draft's level is left out."""
    plan = ctx.parent
    if plan is None:
        return []
    out = goal_paragraphs(plan)
    drafted = {m.ref for m in ctx.draft.measures}
    for pair in ctx.pairs():
        if pair.relation != "general" or pair.parent_item is None or any(r in drafted for r in pair.local_items):
            continue
        m = plan.measure(pair.parent_item)
        if m is not None and m.general and role_of(m.title) == "goal" and m.text.strip():
            out.append(Goal(pair.parent_item, m.title, m.text, m.line))
    return [g for g in out if ctx.applies(g.ref)]


def _line_of(plan: Plan, text: str) -> int:
    return next((p.line for p in plan.paragraphs if p.text.strip() == text), 0)


def name_place(ctx: CheckContext, hit: Hit, lang: str) -> None:
    """Where a hit stands, as its message names it (fields local_at, parent_at): 第3项 (measure 3), or a
    goal written as prose by its name (工作目标), placed at the goal's own paragraph (its figure may also
    stand elsewhere in the draft)."""

    def name(ref: str | None, plan: Plan | None) -> tuple[str, Goal | None]:
        goal = next((g for g in (goal_paragraphs(plan) if plan is not None and ref and ref.startswith("§") else ())
                     if g.ref == ref), None)
        if goal is not None:
            return (goal.name if lang == "zh" else f"goals '{goal.name}'"), goal
        return (f"第{ref or ''}项" if lang == "zh" else f"measure {ref or ''}"), None

    hit.fields["local_at"], goal = name(hit.local_item, ctx.draft)
    hit.fields["parent_at"], _ = name(hit.parent_item, ctx.parent)
    if goal is None or not hit.quote:
        return
    for para in ctx.draft.paragraphs:
        at = para.text.find(hit.quote) if para.line >= goal.line else -1
        if at >= 0:
            hit.line, hit.column = para.line, para.column(at)
            return
