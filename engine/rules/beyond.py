"""Which parent text belongs to a higher level than the draft's (rulesets/data/beyond_level.yaml).

A district that leaves out its province's regional strategy, a national system the province
connects to, or the province's own demonstration programme has adapted the plan, not dropped an
obligation. Legislation has its own table (levels.yaml) and check (places.is_legislation).
"""

from __future__ import annotations

import re

from engine.memo import memo
from engine.models import LEVEL_RANK
from engine.rules.kinds.base import CheckContext


@memo(256, copy="shared")
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _lower(ctx: CheckContext) -> bool:
    if ctx.parent is None:
        return False
    a, b = LEVEL_RANK.get(ctx.draft.level, -1), LEVEL_RANK.get(ctx.parent.level, -1)
    return a >= 0 and b >= 0 and a > b


def beyond_level(ctx: CheckContext, text: str) -> str | None:
    """The id of the beyond_level entry `text` matches for this draft, or None."""
    table = ctx.data.get("beyond_level") if isinstance(ctx.data, dict) else None
    entries = table.get("beyond_level", []) if isinstance(table, dict) else []
    lower = None
    for e in entries:
        if ctx.draft.level not in (e.get("levels") or []):
            continue
        if e.get("lower_only", True):
            if lower is None:
                lower = _lower(ctx)
            if not lower:
                continue
        if _compiled(e["pattern"]).search(text):
            return str(e.get("id") or e["pattern"])
    return None


_LEVELS = tuple(LEVEL_RANK)  # highest first
LEGISLATION_WORDS = r"立法|地方性法规|政府规章|立改废"  # words of law-making (places.is_legislation too)


def beyond_levels(data: dict, text: str, parent_level: str) -> tuple[list[str], str]:
    """(draft levels below `parent_level` that need not carry `text`, the reason) from the data
    tables: legislation where levels.yaml gives a level none, and beyond_level.yaml's entries. What
    derive writes on each obligation clause for a person to curate."""
    parent_rank = LEVEL_RANK.get(parent_level, -1)
    # a parent of unknown level is still a parent: every level may be below it
    below = [lv for lv in _LEVELS if LEVEL_RANK[lv] > parent_rank] if parent_rank >= 0 else list(_LEVELS)
    levels_table = (data.get("levels") or {}) if isinstance(data, dict) else {}
    found: list[str] = []
    reasons: list[str] = []
    doing = [*(levels_table.get("legislation_doing") or []), LEGISLATION_WORDS]
    if any(_compiled(p).search(text) for p in doing):
        info = levels_table.get("levels") or {}
        no_power = [lv for lv in below if (info.get(lv) or {}).get("legislation") is False]
        if no_power:
            found += no_power
            reasons.append("本级没有立法权（levels.yaml）")
    table = data.get("beyond_level") if isinstance(data, dict) else None
    for e in (table.get("beyond_level", []) if isinstance(table, dict) else []):
        if _compiled(e["pattern"]).search(text):
            lvls = [lv for lv in (e.get("levels") or []) if lv in below or not e.get("lower_only", True)]
            found += [lv for lv in lvls if lv not in found]
            if lvls and e.get("reason"):
                reasons.append(str(e["reason"]))
    order = {lv: i for i, lv in enumerate(_LEVELS)}
    return sorted(set(found), key=order.__getitem__), "；".join(dict.fromkeys(reasons))


def marked_beyond(ctx: CheckContext, parent_ref: str | None, text: str) -> bool | None:
    """What the obligation ruleset says of this parent clause for the draft's level: True (excused),
    False (to carry), or None when the ruleset has no such clause (then the data tables decide)."""
    ob = ctx.obligations.get(parent_ref) if parent_ref else None
    if ob is None or not ob.clauses:
        return None
    want = _squash(text)
    for cl in ob.clauses:
        have = _squash(cl.text)
        if have and (have == want or have in want or want in have):
            return ctx.draft.level in cl.beyond
    return None


def _squash(text: str) -> str:
    return re.sub(r"[\s，,。；;：:、]", "", text or "")
