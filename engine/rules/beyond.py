"""Which parent text belongs to a higher level than the draft's (rulesets/data/beyond_level.yaml).

A district that leaves out its province's regional strategy, a national system the province
connects to, or the province's own demonstration programme has adapted the plan, not dropped an
obligation. Legislation has its own table (levels.yaml) and check (carrying.is_legislation).
"""

from __future__ import annotations

import re

from engine.memo import memo
from engine.rules.kinds.base import CheckContext

_RANKS = {"national": 0, "province": 1, "city": 2, "county": 3, "town": 4}


@memo(256, copy="shared")
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _lower(ctx: CheckContext) -> bool:
    if ctx.parent is None:
        return False
    a, b = _RANKS.get(ctx.draft.level, -1), _RANKS.get(ctx.parent.level, -1)
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
