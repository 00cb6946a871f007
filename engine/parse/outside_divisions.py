"""Jurisdictions outside the 行政区划 divisions that issue plans as a division does: the 新疆生产建设兵团 (province level),
its 师 (第一师: city level) and their 团场 (十二团: town level).

No code list names them, so the place reading of engine/parse/level.py (`place_at`) asks here first: a body's full name
(新疆生产建设兵团, which must win over the province's short form 新疆 it opens with) or a numbered name's form, all
data of rulesets/data/levels.yaml `outside_divisions` (with its sources).
"""

from __future__ import annotations

import re

from engine.memo import memo
from engine.models import Level


@memo(1, copy="shared")  # compiled once from the one file
def _table() -> tuple[tuple[tuple[str, Level], ...], tuple[tuple[re.Pattern[str], Level], ...]]:
    """levels.yaml `outside_divisions`: (its names longest first with their levels, its patterns with theirs)."""
    from engine.parse.level import levels_table  # that module asks this one from its place reading

    raw = levels_table().get("outside_divisions") or {}
    names = sorted(((str(k), v) for k, v in (raw.get("names") or {}).items()), key=lambda kv: -len(kv[0]))
    patterns = tuple((re.compile(str(e["pattern"])), e["level"]) for e in raw.get("patterns") or ())
    return tuple(names), patterns


def at(text: str, pos: int) -> tuple[str, Level, int] | None:
    """The jurisdiction outside the divisions named at `pos` of `text`: (name, level, end), or None."""
    names, patterns = _table()
    for name, level in names:
        if text.startswith(name, pos):
            return name, level, pos + len(name)
    for pattern, level in patterns:
        if (m := pattern.match(text, pos)) is not None:
            return m.group(), level, m.end()
    return None


def is_named(name: str) -> bool:
    """`name` is one such jurisdiction, whole (新疆生产建设兵团, 第一师, 十二团)."""
    hit = at(name, 0)
    return hit is not None and hit[2] == len(name)
