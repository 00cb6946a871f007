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
def _table() -> tuple[tuple[tuple[str, Level], ...], tuple[tuple[re.Pattern[str], Level], ...], str]:
    """levels.yaml `outside_divisions`: (its names longest first with their levels, its patterns with theirs, the
    province they lie in: `lies_in`)."""
    from engine.parse.level import levels_table  # that module asks this one from its place reading

    raw = levels_table().get("outside_divisions") or {}
    names = sorted(((str(k), v) for k, v in (raw.get("names") or {}).items()), key=lambda kv: -len(kv[0]))
    patterns = tuple((re.compile(str(e["pattern"])), e["level"]) for e in raw.get("patterns") or ())
    return tuple(names), patterns, str(raw.get("lies_in") or "")


def at(text: str, pos: int) -> tuple[str, Level, int] | None:
    """The jurisdiction outside the divisions named at `pos` of `text`: (name, level, end), or None."""
    names, patterns, _ = _table()
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


def alongside(unit_places: list[str], jurisdiction: str) -> bool:
    """A unit named for `unit_places` (its run of places, outermost first) stands beside, not above, below or apart
    from, a plan of `jurisdiction`: one of the two is such a jurisdiction (兵团, 师, 团场) and the other is not of its
    system but of the province it lies in (`lies_in`), or any place there: 新疆生产建设兵团农业农村局 in a 自治区 plan,
    第五师双河市 in a 州's, 自治区畜牧兽医局 in the 兵团's."""
    unit_outside = any(is_named(p) for p in unit_places)
    plan_outside = bool(jurisdiction) and at(jurisdiction, 0) is not None
    if unit_outside == plan_outside:
        return False  # both of the 兵团's system (self, above, below as any), or neither
    if unit_outside:
        return True  # a plan of 新疆 or of a place in it; elsewhere a 兵团 body is named only as a partner as well
    lies_in = _table()[2]
    return bool(lies_in) and bool(unit_places) and unit_places[0].startswith(lies_in)

