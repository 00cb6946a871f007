"""lead_unit_required: every draft measure names who leads it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from pydantic import Field

from engine.models import Measure
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions
from engine.rules.leads import counterpart_example, is_phase, lead_units, names_actor, support_units


class Options(KindOptions):
    inherit: bool = Field(
        True, description="a sub-measure ((1), ①) without its own units takes those of the measure it sits in"
    )
    require_support: bool = Field(False, description="also require 配合单位 (support units)")
    skip_containers: bool = Field(
        True, description="do not report a measure whose own text has no units when all its sub-measures have"
    )
    safeguards: list[str] = Field(
        default_factory=lambda: ["保障措施", "组织保障", "组织实施", "工作要求", "有关要求", "工作保障", "落实机制"],
        description="section titles of safeguards (组织保障…): where no item of such a section has a unit clause, "
        "an item whose own text names the body that acts (县政府及其部门…要, 各镇每年…, 县财政加大…, "
        "成立由县长任组长的领导小组, 领导小组办公室设在…) is not reported",
    )
    schedules: list[str] = Field(
        default_factory=lambda: ["步骤", "进度安排", "时间安排", "进度计划", "阶段安排", "时间节点"],
        description="section titles (or parts of them) of the work schedule (实施步骤, 工作步骤, 进度安排…): an item "
        "there titled as a phase (动员部署阶段（…）, 第二阶段) is a stage of the work, not a measure needing a lead unit",
    )
    once_when_none: bool = Field(
        True,
        description="when no measure of the draft names any unit (a guidance opinion that allocates no tasks), "
        "report it once, at the first measure, instead of once per measure",
    )


_NONE_NAMED = {
    "zh": "（全文{n}项措施均未列明责任单位，仅在此报告一次）",
    "en": " (none of the {n} measures names a responsible unit; reported once)",
}
_MISSING = {
    "lead": {"zh": "牵头单位", "en": "lead unit"},
    "support": {"zh": "配合单位", "en": "support unit"},
}


class LeadUnitRequired(CheckKind):
    name = "lead_unit_required"
    description = (
        "方案的每一项具体措施都要明确由谁牵头落实，否则任务无人负责、无法督查考核。本检查找出没有牵头单位的"
        "措施。各种写法都认可：（牵头单位：…；配合单位：…）、（责任单位：…）、（负责部门：…）、"
        "“X牵头，Y配合”、“X按职责分工负责”，责任分工另起一段的也算。子项默认继承所属措施的单位；"
        "总体要求类条目和章节标题不检查。可选要求同时列明配合单位。"
    )
    description_en = (
        "Every concrete measure must name who leads it, or nobody is accountable and nothing can be inspected. "
        "Reports measures with no lead unit. Every way of writing it counts: (牵头单位: …; 配合单位: …), "
        "责任单位, 负责部门, 'X牵头，Y配合', 'X按职责分工负责', also a responsibility clause in its own "
        "paragraph. Sub-items inherit their measure's units by default; general requirements and chapter "
        "headings are not checked. Optionally require support units too."
    )
    Options = Options
    message: ClassVar[dict[str, str]] = {
        "zh": "第{local_item}项“{title}”没有明确{missing}",
        "en": "measure {local_item} '{title}' names no {missing}",
    }
    suggestion: ClassVar[dict[str, str]] = {
        "zh": "在措施末尾注明（{missing}：{example}）",
        "en": "add ({missing}: the responsible department) at the end of the measure",
    }
    needs_parent = False

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterator[Hit]:
        assert isinstance(options, Options)
        lang = "en" if ctx.lang == "en" else "zh"
        checked = [m for m in ctx.measures() if not m.general]
        if options.once_when_none and len(checked) > 1 and not any(
            m.lead_units or m.support_units for m in ctx.draft.measures
        ):
            m = checked[0]
            missing = _MISSING["lead"][lang] + _NONE_NAMED[lang].format(n=len(checked))
            fields = {"local_item": m.ref, "title": m.title, "missing": missing,
                      "example": counterpart_example(ctx, m)}  # fmt: skip
            fields_s = {**fields, "missing": _MISSING["lead"][lang]}
            yield Hit(local_item=m.ref, quote=m.title or None, fields=fields,
                      suggestion=self.suggest(ctx.lang, fields_s), key="lead")  # fmt: skip
            return
        # sections whose items carry no units at all: the plan's way with its safeguards
        with_units = {tuple(m.path) for m in ctx.draft.measures if m.lead_units or m.support_units}
        for m in checked:
            if tuple(m.path) not in with_units and _safeguard_with_actor(m, options.safeguards):
                continue
            if is_phase(m.title) and any(t in st for st in m.section_titles for t in options.schedules):
                continue
            for role, units_of in (("lead", lead_units), ("support", support_units)):
                if role == "support" and not options.require_support:
                    continue
                if self._has(ctx, m, units_of, options):
                    continue
                missing = _MISSING[role][lang]
                fields = {"local_item": m.ref, "title": m.title, "missing": missing, "example": counterpart_example(ctx, m, role)}
                yield Hit(
                    local_item=m.ref,
                    quote=m.title or None,
                    fields=fields,
                    suggestion=self.suggest(ctx.lang, fields),
                    key=role,
                )

    @staticmethod
    def _has(ctx: CheckContext, m: Measure, units_of, options: Options) -> bool:
        if units_of(m):
            return True
        if options.inherit:
            outer = ctx.enclosing(ctx.draft, m)
            while outer is not None:
                if units_of(outer):
                    return True
                outer = ctx.enclosing(ctx.draft, outer)
        if options.skip_containers:
            kids = ctx.children(ctx.draft, m)
            if kids and all(units_of(k) for k in kids):
                return True
        return False


def _safeguard_with_actor(m: Measure, titles: list[str]) -> bool:
    return any(t in st for st in m.section_titles for t in titles) and names_actor(m.text or "")


KIND = LeadUnitRequired
