"""lead_unit_vague: a measure's lead is only 各有关部门 and the like, or misses a unit the curator requires."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field

from engine.models import Measure
from engine.rules import similarity as sim
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions
from engine.rules.leads import counterpart_example, is_generic, is_phase, lead_units, names_unit


class Options(KindOptions):
    check_required: bool = Field(
        True,
        description="also report units a curator listed in Obligation.require_units that none of the draft "
        "measures carrying that obligation names (as lead or support); key 'required:<unit>'",
    )
    support_counts_for_required: bool = Field(
        True, description="a required unit named only as 配合单位 satisfies require_units"
    )


_REASON = {
    "generic": {
        "zh": "牵头单位只有“{units}”这类泛指单位，未落实到具体部门",
        "en": "its lead is only '{units}', which names no department in particular",
    },
    "required": {
        "zh": "上级第{parent_item}项要求由“{units}”负责，承接措施未列出该单位",
        "en": "parent measure {parent_item} requires '{units}', which the carrying measures do not name",
    },
}


class LeadUnitVague(CheckKind):
    name = "lead_unit_vague"
    description = (
        "牵头单位只写“各有关部门”“区政府其他有关部门”“区级各行政决策机关”这类泛指单位，等于没有牵头单位："
        "出了问题找不到具体责任部门。本检查找出牵头单位全部是泛指单位的措施（有一个具体部门即可）。"
        "另外，义务规则集中为某项上级措施整理了必须由哪些单位负责（require_units）的，承接该项的下级措施"
        "（合并、拆分的都算）没有列出这些单位时，也在本检查中报告（key 为 required:单位名）。实施步骤中的阶段"
        "（组织实施阶段（…）由各责任单位负责）不是一项任务，其单位就是各项任务的单位，不报告。"
    )
    description_en = (
        "A lead written only as 'all relevant departments' (各有关部门, 区政府其他有关部门 …) is no lead: "
        "nobody in particular answers for the measure. Reports measures whose lead units are all generic (one "
        "named department is enough). Also reports units a curator listed for a parent obligation "
        "(Obligation.require_units) that none of the draft measures carrying it names (key required:<unit>). A "
        "phase of the work schedule (组织实施阶段（…）, answered by 各责任单位) is no task: its units are the tasks'."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "第{local_item}项“{title}”责任单位不明确：{reason}",
        "en": "measure {local_item} '{title}' has no clear lead: {reason}",
    }
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "把牵头单位写成具体部门（如“{example}”）",
        "en": "name the lead department explicitly (e.g. '{example}')",
    }
    needs_parent = False

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        lang = "en" if ctx.lang == "en" else "zh"
        for m in ctx.measures():
            if m.general or (m.responsibility is not None and m.responsibility.inherited):
                continue  # a chapter's lead clause (以下各项由…) is judged once, on its first item
            if is_phase(m.title or ""):
                continue  # 组织实施阶段（…）（各责任单位负责）: a stage of the work; its units are the tasks'
            leads = lead_units(m)
            if not leads or not all(is_generic(u) for u in leads):
                continue
            units = "、".join(u.name for u in leads)
            reason = _REASON["generic"][lang].format(units=units)
            fields = {
                "local_item": m.ref,
                "title": m.title,
                "reason": reason,
                "units": units,
                "parent_item": "",
            }
            quote = (
                leads[0].name
                if leads[0].name in m.text
                else (m.responsibility.text if m.responsibility else None)
            )
            yield Hit(
                local_item=m.ref,
                quote=quote,
                fields=fields,
                suggestion=self.suggest(ctx.lang, {"example": _example(ctx, m)}),
                key="generic",
            )
        if options.check_required and ctx.obligations:
            yield from self._required(ctx, options, lang)

    def _required(self, ctx: CheckContext, options: Options, lang: str) -> Iterator[Hit]:
        for pair, measures in ctx.carried_pairs():
            ob = ctx.obligation(pair.parent_item)
            if ob is None or not ob.require_units:
                continue
            for unit in ob.require_units:
                if self._names(measures, unit, options):
                    continue
                m = next((x for x in measures if ctx.in_scope(x)), measures[0])
                reason = _REASON["required"][lang].format(units=unit, parent_item=pair.parent_item)
                fields = {
                    "local_item": m.ref,
                    "title": m.title,
                    "reason": reason,
                    "units": unit,
                    "parent_item": pair.parent_item or "",
                }
                quote = (
                    m.responsibility.text if m.responsibility and m.responsibility.text in m.text else m.title
                )
                yield Hit(
                    local_item=m.ref,
                    parent_item=pair.parent_item,
                    quote=quote or None,
                    parent_quote=ob.title,
                    fields=fields,
                    suggestion=self.suggest(ctx.lang, {"example": unit}),
                    key=f"required:{unit}",
                )

    @staticmethod
    def _names(measures, unit: str, options: Options) -> bool:
        if options.support_counts_for_required:
            return names_unit(measures, unit)
        want = sim.compact(unit)
        return any(want in sim.compact(u.name) for m in measures for u in lead_units(m))


def _example(ctx: CheckContext, m: Measure) -> str:
    """The parent's lead for this measure at the draft's level (市人力资源社会保障局), else a placeholder
    in the draft's own voice (市XX局, not a district's 区XX局 in a city plan)."""
    return counterpart_example(ctx, m)  # as lead_unit_required suggests: one rule for both


KIND = LeadUnitVague
