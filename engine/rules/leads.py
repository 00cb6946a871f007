"""Who answers for a measure: the lead and support units it names, whether a unit names anyone, and
which unit to suggest when none does.

Read by the kinds about responsible units (lead_unit_required, lead_unit_vague) and by the facts
join rules read (a curated required unit is named or not), so all three judge a name alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from engine.extract.counterparts import suggested_unit
from engine.models import Measure, Unit
from engine.rules.similarity import compact

if TYPE_CHECKING:
    from engine.rules.kinds.base import CheckContext

# Units that name no one in particular. The extract stage marks these with Unit.generic; this list
# is only the fallback for Units built without that flag (rulesets/data may extend extract's list).
_GENERIC_UNIT = re.compile(
    r"^(区|县|市|镇|街道|乡|区级|县级|市级|区政府|县政府|市政府|县直|区直|市直|本级)?"
    r"(其他|其它)?(各|所有|全体|相关|有关|其他)+(有关|相关|其他)?"
    r"(部门|单位|机关|成员单位|责任单位|职能部门|行政机关|行政执法机关|行政决策机关|街道|镇|乡镇)$"
    r"|^(区|县|市)?(政府)?(各|其他)?(相关|有关)?(部门|单位)$"
    r"|^(区|县|市)级(其他|各)?(具有行政执法权的|行政规范性文件制定|行政决策)?(单位|机关)$"
    r"|^各(地|级|部门|单位|地各部门|级各部门)$"
)


def is_generic(unit: Unit | str) -> bool:
    """A unit that names no one: Unit.generic, or (for bare names) the fallback pattern."""
    if isinstance(unit, Unit):
        if unit.generic:
            return True
        name = unit.name
    else:
        name = unit
    name = compact(name)
    try:  # extract's list (rulesets/data) is the authority once it exists
        from engine.extract import is_generic_unit  # type: ignore[attr-defined]

        if is_generic_unit(name):
            return True
    except (ImportError, AttributeError):
        pass
    return bool(_GENERIC_UNIT.match(name))


def lead_units(m: Measure) -> list[Unit]:
    """Lead units with their generic flag: the Responsibility's, plus bare names in lead_units."""
    units: list[Unit] = list(m.responsibility.lead) if m.responsibility else []
    known = {u.name for u in units}
    units += [Unit(name=n, generic=is_generic(n)) for n in m.lead_units if n not in known]
    return units


def support_units(m: Measure) -> list[Unit]:
    """Support units likewise: the Responsibility's, plus bare names in support_units."""
    units: list[Unit] = list(m.responsibility.support) if m.responsibility else []
    known = {u.name for u in units}
    units += [Unit(name=n, generic=is_generic(n)) for n in m.support_units if n not in known]
    return units


def names_unit(measures: Iterable[Measure], required: str) -> bool:
    """Whether any measure names `required` among its units (区司法局 satisfies 司法局) or,
    failing a parsed clause, in its responsibility text."""
    want = compact(required)
    for m in measures:
        names = [compact(u.name) for u in lead_units(m) + support_units(m)]
        if any(want in n or (len(n) >= 3 and n in want) for n in names):
            return True
        if m.responsibility and want in compact(m.responsibility.text):
            return True
    return False


def counterpart_example(ctx: CheckContext, m: Measure, role: str = "lead") -> str:
    """The unit to suggest for draft measure `m`: the draft-level counterpart of the lead (or, for
    role "support", a supporting unit) of the parent measure it carries (人力资源社会保障部 ->
    市人力资源社会保障局), else a placeholder in the draft's voice. The parent's units are those of the
    obligation ruleset, as curated."""
    leads: list[str] = []
    for pair in ctx.pairs():
        if m.ref in pair.local_items and pair.parent_item:
            pm = ctx.parent_measure(pair.parent_item)
            if pm is not None:
                leads += pm.support_units if role == "support" else pm.lead_units
    return suggested_unit(leads, ctx.draft.level, ctx.draft.jurisdiction)
