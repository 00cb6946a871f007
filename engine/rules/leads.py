"""Who answers for a measure: the lead and support units it names, whether a unit names anyone, whether
its text names the body that acts, whether it is a phase of the work schedule rather than a measure,
and which unit to suggest when none does.

Read by the kinds about responsible units (lead_unit_required, lead_unit_vague) and by the facts
rules read (a curated required unit is named or not; `duty_fields`, the measure fact's fields that
lead_unit_required's conditions judge), so all judge a name alike.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from engine.extract.counterparts import suggested_unit
from engine.extract.data import read_data
from engine.extract.responsibility import written_in_prose
from engine.memo import memo
from engine.models import Measure, Plan, Unit
from engine.parse.tree import names_phase, safeguard_words, schedule_titles
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


# A body acting in the text, read where a plan's safeguards or work schedule name no unit clause. Forms:
# a body with its duty word anywhere (县政府及其部门要…, 各镇人民政府和县直各有关部门每年…, 领导小组负责…,
# 生态环境部会同有关部门…, 试点城市负责编制…, 试点城市政府是…责任主体);
_BODY = r"(?:局|委|办|室|厅|部|政府|部门|单位|机关|党委|党组|院|小组|专班|指挥部|联席会议|城市|地区)"
_BODY_ACTS = re.compile(
    _BODY + r"(?:及其[^，。；]{0,8})?"
    r"(?:要(?!求|素|点|害)|应(?!用|急|对)|须|必须|负责|每(?:年|半年|季度|月)|定期|牵头|统筹|会同|"
    r"是[^，。；]{0,16}责任主体)"
)
# the body named after 由 with what it does (由省级有关部门推荐, 由县发展改革局负责, 由市政府组织实施);
_BY_BODY = re.compile(
    r"由[^，。；由]{1,30}?" + _BODY + r"(?:会同[^，。；]{1,40}?)?"
    r"(?:负责|牵头|组织|推荐|确定|审核|审定|审批|制定|编制|统筹|承担|实施|指导|开展|报送)"
)
# a leadership body with who heads or houses it (成立由县长任组长的…领导小组, 以市长为组长, 组长由区长担任,
# 领导小组办公室设在县生态环境分局);
_BODY_FORMED = re.compile(
    r"(?:任|为)(?:第一)?组长|组长由|(?:小组|专班|指挥部|委员会|联席会议)办公室设在[^，。；]{2,24}?(?:局|委|办|厅|部|中心|院|室)"
)
# a unit of a named level (or 各级/本级) as a clause's subject, its verb right after it (县财政加大…,
# 市财政局安排…, 旗人民政府统筹…, 自治州政府负责…, 各级财政部门要…); a clause that opens with a verb or
# a preposition (将经费纳入财政预算, 加强区级财政保障) has no such subject.
_LEVEL = r"(?:自治区|自治州|自治县|自治旗|省|市|州|盟|县|旗|区|镇|乡|街道)(?!域|场|民|容|情|属)级?"
_SUBJECT = re.compile(
    r"(?:^|[。；;：:！!？?，,\n])\s*(?:" + _LEVEL + r"|各级|本级)"
    r"(?:财政(?:部门|局|厅)?|人民政府|政府|党委|[一-龥]{1,12}?(?:局|委员会|委|办公室|办|厅|中心|部|院))"
    r"(?=要|应|须|必须|负责|每年|定期|牵头|加大|统筹|安排|设立|按照|依法|积极|切实|进一步|加强|做好|组织|督促|"
    r"会同|建立|健全|落实|保障|提供|制定|开展|推动|推进|完善|强化|加快|列支|筹措|足额|优先|给予)"
)


def names_actor(text: str) -> bool:
    """Whether a measure's text names the body that acts, as a safeguard paragraph or a step of the work
    schedule does instead of a unit clause: a body with its duty word (X会同Y…, X负责…), the body after 由
    with its verb, a leadership body with who heads or houses it, a unit of a named level as a
    clause's subject, or a form of rulesets/data/actors.yaml (各乡镇（街道）要…, 市、县两级财政要…)."""
    return bool(_BODY_ACTS.search(text) or _BY_BODY.search(text) or _BODY_FORMED.search(text)
                or _SUBJECT.search(text) or any(rx.search(text) for rx in _actor_forms()))


@memo(1, copy="shared")  # one file read once
def _actor_forms() -> tuple[re.Pattern[str], ...]:
    raw = read_data("actors.yaml", required=True) or {}
    return tuple(re.compile(str(e["pattern"])) for e in raw.get("actors") or [])


@memo(1, copy="shared")  # one pattern from the one list
def _schedule_words() -> re.Pattern[str] | None:
    words = schedule_titles()
    return re.compile("|".join(map(re.escape, words))) if words else None


def in_schedule(section_titles: Iterable[str]) -> bool:
    """Whether a measure sits under a heading of the work schedule: a title holding one of the schedule words
    the parser reads too (rulesets/data/sections.yaml `schedule_titles`: 实施步骤, 时间安排, 工作安排 …)."""
    pattern = _schedule_words()
    return pattern is not None and any(pattern.search(t) for t in section_titles)


def in_safeguards(section_titles: Iterable[str]) -> bool:
    """Whether a measure sits under a heading of the closing safeguards: a title holding one of the words the
    parser reads too (rulesets/data/sections.yaml `safeguard_titles`: 保障措施, 组织实施, 工作要求 …)."""
    pattern = safeguard_words()
    return any(pattern.search(t) for t in section_titles)


def is_phase(title: str) -> bool:
    """Whether a measure's title names a phase of the work (…阶段, 第一阶段…) rather than a task."""
    return names_phase(title)


def duty_fields(plan: Plan, measures: list[Measure]) -> list[dict[str, Any]]:
    """For each of `measures` (the rule's scope, in document order, all of `plan`): who answers for it,
    as the measure fact's fields (engine.rules.condition_facts) that lead_unit_required judges."""
    order = {id(m): i for i, m in enumerate(plan.measures)}
    by_name: dict[str, list[int]] = {}
    by_parent: dict[str, list[Measure]] = {}
    for i, m in enumerate(plan.measures):
        for k in {m.ref, m.label}:
            by_name.setdefault(k, []).append(i)
        if m.parent_measure:
            by_parent.setdefault(m.parent_measure, []).append(m)

    def enclosing(m: Measure) -> Measure | None:  # as CheckContext.enclosing: the nearest earlier one so named
        positions = by_name.get(m.parent_measure or "", [])
        k = bisect.bisect_left(positions, order.get(id(m), len(plan.measures)))
        return plan.measures[positions[k - 1]] if m.parent_measure and k else None

    def outer_has(m: Measure, units_of: Any) -> bool:
        seen = {id(m)}
        outer = enclosing(m)
        while outer is not None and id(outer) not in seen:
            if units_of(outer):
                return True
            seen.add(id(outer))
            outer = enclosing(outer)
        return False

    # a section whose items name their units in clauses (not only in prose: 由X牵头，会同Y…) makes an item
    # without one a gap, even where its text names who acts
    named = [m for m in plan.measures if m.lead_units or m.support_units]
    with_units = {tuple(m.path) for m in named if not written_in_prose(m.responsibility)}
    actionable = [m for m in measures if not m.general]
    out: list[dict[str, Any]] = []
    for m in measures:
        kids = {id(k): k for name in {m.ref, m.label} for k in by_parent.get(name, ()) if k is not m}
        out.append({
            "has_lead": bool(lead_units(m)), "has_support": bool(support_units(m)),
            "outer_has_lead": outer_has(m, lead_units), "outer_has_support": outer_has(m, support_units),
            "n_sub_measures": len(kids),
            "sub_measures_have_lead": bool(kids) and all(lead_units(k) for k in kids.values()),
            "sub_measures_have_support": bool(kids) and all(support_units(k) for k in kids.values()),
            "section_names_units": tuple(m.path) in with_units, "draft_names_units": bool(named),
            "names_actor": names_actor(m.text or ""), "phase": is_phase(m.title or ""),
            "in_schedule": in_schedule(m.section_titles), "in_safeguards": in_safeguards(m.section_titles),
            "n_actionable": len(actionable), "first_actionable": bool(actionable) and m is actionable[0],
        })
    return out


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
