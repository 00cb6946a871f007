"""What the draft carries of each parent obligation: shared reading helpers for the obligation kinds.

The seven obligation kinds (parent_covered, lead_unit_required, lead_unit_vague, deadline_not_later,
deadline_carried, target_not_weaker, clause_carried) all ask the same questions of an Alignment:
which draft measures carry parent measure X, is X curated as not applicable, is this parent clause
present somewhere else in the draft, is this deadline later than that one. Answering them once here
keeps the kinds short and their answers consistent. Nothing here writes to the context.
"""

from __future__ import annotations

import bisect
import difflib
import weakref
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from engine.models import AlignmentPair, ClausePair, Deadline, DiffOp, Measure, Plan, Target
from engine.rules.kinds.base import CheckContext, CheckKind, _render

# the obligation kinds that become join rules (branch joins) still read these through here: they move last
from engine.rules.similarity import best_sentence, compact, contains, sentences, similarity  # noqa: F401

if TYPE_CHECKING:
    from engine.rules.ruleset import Obligation


# --------------------------------------------------------------------------- obligations


def obligation(ctx: CheckContext, parent_ref: str | None) -> Obligation | None:
    return ctx.obligation(parent_ref)  # until the four obligation kinds move (last)


def carried_pairs(ctx: CheckContext) -> Iterator[tuple[AlignmentPair, list[Measure]]]:
    return ctx.carried_pairs()  # until the four obligation kinds move (last)


local_for = CheckContext.local_for  # until the four obligation kinds move (last)


def carrying(ctx: CheckContext, pair: AlignmentPair) -> list[Measure]:
    return ctx.carrying(pair)  # until the four obligation kinds move (last)


def children(plan: Plan, measure: Measure) -> list[Measure]:
    """Sub-measures of `measure` (those whose parent_measure names it)."""
    by_parent, order, _ = _family(plan)
    found = {id(m): m for k in {measure.ref, measure.label} for m in by_parent.get(k, ())}
    found.pop(id(measure), None)
    return sorted(found.values(), key=lambda m: order[id(m)])


def enclosing(plan: Plan, measure: Measure) -> Measure | None:
    """The measure a sub-measure sits in: the nearest earlier measure with that ref or label."""
    if not measure.parent_measure:
        return None
    _, order, by_name = _family(plan)
    positions = by_name.get(measure.parent_measure, [])
    k = bisect.bisect_left(positions, order.get(id(measure), len(plan.measures)))
    return plan.measures[positions[k - 1]] if k else None


_Family = tuple[dict[str, list[Measure]], dict[int, int], dict[str, list[int]]]
# id(plan) -> (weakref to it, its measures list and length, (by parent_measure, position by id, positions by ref/label))
_FAMILIES: dict[int, tuple[weakref.ref, list[Measure], int, _Family]] = {}


def _family(plan: Plan) -> _Family:
    """Indexes of a plan's measures, so `children` and `enclosing` cost no scan of the whole plan per
    call (a kind asks for every measure: a scan each was quadratic in the plan's size)."""
    hit = _FAMILIES.get(id(plan))
    if hit is not None and hit[0]() is plan and hit[1] is plan.measures and hit[2] == len(plan.measures):
        return hit[3]
    by_parent: dict[str, list[Measure]] = {}
    by_name: dict[str, list[int]] = {}
    order: dict[int, int] = {}
    for i, m in enumerate(plan.measures):
        order[id(m)] = i
        if m.parent_measure:
            by_parent.setdefault(m.parent_measure, []).append(m)
        for k in {m.ref, m.label}:
            by_name.setdefault(k, []).append(i)
    family = (by_parent, order, by_name)
    if len(_FAMILIES) >= 8:
        _FAMILIES.clear()
    _FAMILIES[id(plan)] = (weakref.ref(plan), plan.measures, len(plan.measures), family)
    return family


# --------------------------------------------------------------------------- text


# --------------------------------------------------------------------------- units


# --------------------------------------------------------------------------- deadlines


def _md(d: Deadline) -> str | None:
    if d.month_day:
        return d.month_day
    if d.date and len(d.date) == 10:
        return "--" + d.date[5:]
    return None


def deadline_later(parent: Deadline, local: Deadline) -> bool | None:
    """True if `local` allows more time than `parent`, False if not, None if they can't be compared
    (a one-off date against a yearly one, a term of office …)."""
    if parent.kind == "recurring" or local.kind == "recurring":
        if parent.kind != local.kind or (parent.recurrence or "") != (local.recurrence or ""):
            return None
        a, b = _md(parent), _md(local)
        return None if a is None or b is None else b > a
    if parent.kind == "term" or local.kind == "term" or not parent.date or not local.date:
        return None
    return local.date > parent.date


def date_later(limit: str, local: Deadline) -> bool | None:
    """Whether `local` ends after the ISO date `limit` (a curated deadline)."""
    if local.kind in ("recurring", "term") or not local.date:
        return None
    return local.date > limit


def timed(d: Deadline) -> bool:
    """A deadline that fixes when something is due (not the plan period)."""
    return d.kind in ("by-date", "recurring")


def all_deadlines(measures: Iterable[Measure]) -> list[tuple[Measure, Deadline]]:
    return [(m, d) for m in measures for d in m.deadlines]


def sentence_of(m: Measure, d: Deadline | Target) -> str:
    """The sentence a deadline or target stands in (the whole text when unknown)."""
    ss = sentences(m)
    if 0 <= d.sentence < len(ss):
        return ss[d.sentence]
    for s in ss:
        if d.text and d.text in s:
            return s
    return m.text


# --------------------------------------------------------------------------- targets


def _rate(t: Target) -> float:
    return t.value / (t.period_years or 1.0)


def target_key(t: Target) -> tuple[str, str]:
    unit = "" if t.kind in ("frequency", "percent", "coverage") else t.unit
    return t.kind, unit


def target_weaker(parent: Target, local: Target) -> bool | None:
    """True if the draft target asks less than the parent's; None if they measure different things.

    For at-least targets (>=, >, and == on counts: 两期, 一次) less is weaker; for at-most targets
    (<=, <) more is weaker; frequencies compare as times per year (每两年一次 < 每年一次).
    """
    if target_key(parent) != target_key(local):
        return None
    if parent.kind == "frequency":
        a, b = _rate(parent), _rate(local)
    else:
        a, b = parent.value, local.value
    if parent.comparator in ("<=", "<"):
        if local.comparator in (">=", ">"):
            return None
        return b > a
    if local.comparator in ("<=", "<") and parent.comparator in (">=", ">"):
        return True  # 不少于60 -> 不超过60: the floor became a ceiling
    return b < a


# --------------------------------------------------------------------------- messages


def pair_hit(suggestion, lang, m, parent_ref, parent_text, quote, fields, key, severity=None):
    """Until the four obligation kinds move (last): `CheckKind.pair_hit`."""
    kind = CheckKind()
    kind.suggestion = suggestion
    return kind.pair_hit(lang, m, parent_ref, parent_text, quote, fields, key, severity)


render = _render  # until the four obligation kinds move (last): `CheckKind.suggest`


# --------------------------------------------------------------------------- diffs

_CANON = str.maketrans("，。；：！？（）、", ",.;:!?()、")


def char_ops(parent: str, local: str) -> list[DiffOp]:
    """A character diff of two clause texts, blind to full/half-width punctuation.

    The aligner's diff is not always filled (clauses it calls `same` carry none), and a kind that
    quotes changed words needs one it can rely on; both texts are canonicalised char for char, so
    offsets still slice the originals.
    """
    return [DiffOp(op=tag, parent=p, local=q) for tag, p, q in _char_ops(parent, local)]  # type: ignore[arg-type]


@lru_cache(maxsize=8192)  # a parent clause meets the same draft clause in several kinds and checks
def _char_ops(parent: str, local: str) -> tuple[tuple[str, str, str], ...]:
    a, b = parent.translate(_CANON), local.translate(_CANON)
    return tuple(
        (tag, parent[i1:i2], local[j1:j2])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    )


def clause_ops(cp: ClausePair) -> list[DiffOp]:
    """The clause's diff: recomputed from its two texts when both are known, else the aligner's."""
    if cp.parent_text is not None and cp.local_text is not None:
        return char_ops(cp.parent_text, cp.local_text)
    return list(cp.diff)
