"""unit_level: a lower-level plan names a higher level's body as the unit that acts.

A city's 实施意见 written from a national 意见 must replace "（人力资源社会保障部、财政部负责）" by its own
units; copying the clause leaves the ministry as the city's lead. Now that such clauses are read as
units, a copied one would satisfy lead_unit_required; this kind reports it and suggests the draft-level
counterpart (rulesets/data/counterparts.yaml). A unit counts as higher when it has a counterpart at the
draft's level that differs from it (财政部 -> 市财政局): names with the draft's own prefix (市财政局),
vertically managed bodies without a counterpart (海关总署) and bodies the table does not know are left
alone. "配合上级" forms are not units, so legitimate references to higher bodies in the text are not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field

from engine.extract.counterparts import counterpart, is_higher_unit
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions


class Options(KindOptions):
    support: bool = Field(True, description="also report higher-level bodies listed as 配合单位 (support)")


class UnitLevel(CheckKind):
    name = "unit_level"
    description = (
        "下级方案照抄上级方案的责任分工时，常把上级部门原样留作本级的牵头或配合单位（市级方案写“（人力资源社会保障部"
        "负责）”）。本检查找出下级方案中列为责任单位的上级部门，并按对应关系表（counterparts.yaml）建议本级对应"
        "单位（市人力资源社会保障局、县司法局）；已是本级名称的、垂直管理而无本级对应的单位不报告。"
    )
    description_en = (
        "A lower-level plan that copies its parent's responsibility clauses keeps the parent's bodies as its "
        "own units (a city plan ending '(人力资源社会保障部负责)'). Reports higher-level bodies named as lead or "
        "support units and suggests the draft-level counterpart from counterparts.yaml (市人力资源社会保障局, "
        "县司法局); names already at the draft's level and vertically managed bodies are not reported."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "第{local_item}项把上级单位“{unit}”列为责任单位，本方案应写本级单位",
        "en": "measure {local_item} names the higher-level body '{unit}' as a responsible unit",
    }
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "改为本级对应单位“{right}”",
        "en": "name the draft-level counterpart '{right}'",
    }
    needs_parent = False

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        draft = ctx.draft
        if draft.level in (None, "unknown", "national"):
            return
        for m in ctx.measures():
            names = list(m.lead_units) + (list(m.support_units) if options.support else [])
            for name in dict.fromkeys(names):
                if not is_higher_unit(name, draft.level, draft.jurisdiction):
                    continue
                right = counterpart(name, draft.level, draft.jurisdiction) or ""
                fields = {"local_item": m.ref, "unit": name, "right": right}
                yield Hit(
                    local_item=m.ref,
                    quote=name if name in (m.text or "") else None,
                    fields=fields,
                    suggestion=self.suggestion["en" if ctx.lang == "en" else "zh"].format(**fields),
                    key=f"unit:{name}",
                )


KIND = UnitLevel
