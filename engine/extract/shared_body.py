"""A body's name shared by a 、-list of places or zones: "两江新区、西部科学城重庆高新区、万盛经开区管委会" (one 管委会
for three zones), "秦州区、麦积区人民政府" (one 人民政府 for two districts).

The bare names before the last one read as no body by their endings (两江新区 ends in a zone's kind, not in 管委会), yet
the list names bodies: each stands for the body printed once after the last. A reader that asks "is every item of this
list a body's name?" (responsibility.py `_unit_list`, the leads of an inline clause) accepts such a run; the names stay
as printed (units are split at 、, never expanded: fixtures/blind101/README.md's convention).

A bare item is accepted only as part of a run of place or zone names (the gazetteer's places, levels.yaml `zones.kinds`)
closed at once by an item that does read as a body and itself opens with a place or a zone ("万盛经开区管委会",
"麦积区人民政府"): "两江新区、市财政局" (a bare zone, then a department) shares nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from engine.parse.level import places_end
from engine.parse.zones import zone_kind

_ZONE_NAME_MAX = 24  # the longest zone's name a body opens with (西部科学城重庆高新区, 前海深港现代服务业合作区)


def _place_or_zone(name: str) -> bool:
    """`name` is wholly a place (丰都县, 两江新区) or a zone's name (西部科学城重庆高新区, 万盛经开区)."""
    kind = zone_kind(name)
    return (bool(name) and places_end(name) == len(name)) or (kind is not None and len(name) > len(kind))


def _opens_with_place_or_zone(name: str) -> bool:
    """`name` is a body's name opening with a place or a zone: 万盛经开区管委会, 麦积区人民政府."""
    if places_end(name):
        return True
    return any(_place_or_zone(name[:k]) for k in range(2, min(len(name) - 1, _ZONE_NAME_MAX + 1)))


def bodies_listed(names: Sequence[str], reads: Callable[[str], bool]) -> bool:
    """Every item of `names` is a body's name by `reads`, or a bare place or zone in a run that the next item closes
    with the body they share (module doc)."""
    if not names:
        return False
    run = 0  # bare places or zones waiting for their body
    for name in names:
        if reads(name):
            if run and not _opens_with_place_or_zone(name):
                return False
            run = 0
        elif _place_or_zone(name):
            run += 1
        else:
            return False
    return run == 0
