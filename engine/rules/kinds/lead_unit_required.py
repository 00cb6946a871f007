"""lead_unit_required: every draft measure names who leads it.

A condition rule with a name: who answers for a measure (its units, those of the measure it sits in,
its sub-measures', whether a safeguard's text names its actor, whether it is a phase of the work) is
read in code into the measure fact's fields (engine.rules.leads.duty_fields); which measures lack a
lead is the judgement over those fields, a `forbid` expression of the condition language per missing
role. rulesets/obligations.yaml writes the judgement out (options.judge); a rule that gives only this
kind's own options gets the same conditions, built by `expand`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from engine.parse.tree import safeguard_titles, schedule_titles
from engine.rules import condition_compile as ccomp
from engine.rules import condition_facts as cfacts
from engine.rules import conditions as cond
from engine.rules.kinds.base import CheckContext, CheckKind, Hit, KindOptions
from engine.rules.leads import counterpart_example


class Judgement(BaseModel):
    """One written-out judgement: which draft measures lack a lead (or support) unit."""

    model_config = ConfigDict(extra="forbid")
    role: Literal["lead", "support"] = Field(
        description="what a finding says is missing: lead (牵头单位) or support (配合单位); also the finding's key"
    )
    once: bool = Field(
        False, description="the finding speaks for the whole draft: none of its n_actionable measures names a unit"
    )
    forbid: cond.Expr = Field(description="a finding for every draft measure (a measure fact) where this holds")


class Options(KindOptions):
    inherit: bool = Field(
        True, description="a sub-measure ((1), ①) without its own units takes those of the measure it sits in"
    )
    require_support: bool = Field(False, description="also require 配合单位 (support units)")
    skip_containers: bool = Field(
        True, description="do not report a measure whose own text has no units when all its sub-measures have"
    )
    safeguards: list[str] = Field(
        default_factory=lambda: list(safeguard_titles()),
        description="section titles of safeguards (保障措施, 组织保障…; by default rulesets/data/sections.yaml "
        "`safeguard_titles`, the list the parser reads): where no item of such a section has a unit clause, "
        "an item whose own text names the body that acts (县政府及其部门…要, 各镇每年…, 县财政加大…, "
        "成立由县长任组长的领导小组, 领导小组办公室设在…) is not reported",
    )
    schedules: list[str] = Field(
        default_factory=lambda: list(schedule_titles()),
        description="section titles (or parts of them) of the work schedule (实施步骤, 工作步骤, 进度安排…; by default "
        "rulesets/data/sections.yaml `schedule_titles`, the list the parser reads, as the fact in_schedule): an item "
        "there titled as a phase (动员部署阶段（…）, 第二阶段) is a stage of the work, not a measure needing a lead unit; "
        "where no item of the section has a unit clause, an item whose text names the body that acts "
        "(生态环境部会同有关部门…, 试点城市负责…, 由省级有关部门推荐) is not reported either",
    )
    overview: list[str] = Field(
        default_factory=lambda: ["总体要求", "总体思路", "总体安排"],
        description="section titles of the overview (一、总体要求): an item there titled as a goal or scope "
        "(试点目标, 实施范围, 适用对象) states what the work aims at, not a task needing a lead unit",
    )
    regulations: list[str] = Field(
        default_factory=lambda: ["办法", "规定", "细则", "条例", "规则", "准则", "守则", "章程"],
        description="title endings of rules rather than plans (…管理办法, …实施细则, with or without (试行)): "
        "their articles state rules, not tasks to allocate, so a draft of this genre naming no unit at all gets "
        "no once_when_none finding",
    )
    once_when_none: bool = Field(
        True,
        description="when no measure of the draft names any unit (a guidance opinion that allocates no tasks), "
        "report it once, at the first measure, instead of once per measure",
    )
    judge: list[Judgement] | None = Field(
        None, description="the rule written out (plancheck rules show lead-unit-required): each item has role "
        "(lead or support: what a finding says is missing), once (true: the single finding for a draft that names "
        "no unit) and forbid (a condition over the measure fact, fields: plancheck rules facts measure; a finding "
        "for every measure where it holds); without it, the conditions the options above build",
    )

    @model_validator(mode="after")
    def _alone(self, info: ValidationInfo) -> Options:
        if self.judge is not None and self.model_fields_set - {"judge"}:
            raise ValueError("give either judge or the kind's own options, not both")
        self.raise_first_problem(info)
        return self

    def problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        out: list[tuple[tuple[str | int, ...], str]] = []
        for i, j in enumerate(self.judge or []):
            found = cond.problems("measure", j.forbid, ("judge", i, "forbid"))
            if not found:
                try:
                    ccomp.compile_condition("measure", j.forbid)
                except ValueError as e:
                    found.append((("judge", i, "forbid"), str(e)))
            out += found
        return out


# a goal or scope item's title (试点目标, 主要指标, 实施范围, 适用对象), read under the overview titles
_GOAL_TITLE = "(目标|指标|范围|对象)$"


def _regulation(endings: list[str]) -> str:
    """A title ending in one of `endings`, before the notes a draft or trial adds ((试行), (征求意见稿))."""
    return "(" + _titles(endings) + r")(\((试行|暂行|修订|草案|征求意见稿|送审稿)\))*$"


def _titles(titles: list[str]) -> str:
    return "|".join(re.escape(t) for t in titles)


def _under(fact: str, titles: list[str], shipped: tuple[str, ...]) -> dict[str, Any]:
    """The condition "under a heading of `titles`": the shipped list is the measure fact's own field (`fact`), a
    rule's own list is matched on the section titles."""
    if titles == list(shipped):
        return {"field": fact, "value": True}
    return {"field": "chapter_titles", "op": "matches", "value": _titles(titles)}


def expand(options: Options) -> list[Judgement]:
    """The judgements a rule with only this kind's options runs: lead (and support) per measure, and the
    single finding for a draft that names no unit at all."""
    if options.judge is not None:
        return options.judge
    no = [{"field": "general", "value": False}]
    if options.once_when_none:  # such a draft gets the one finding below instead
        no.append({"any": [{"field": "draft_names_units", "value": True},
                           {"field": "n_actionable", "op": "lte", "value": 1}]})
    if options.safeguards:
        where = _under("in_safeguards", options.safeguards, safeguard_titles())
        no.append({"not": {"all": [where,
                                   {"field": "section_names_units", "value": False},
                                   {"field": "names_actor", "value": True}]}})
    if options.schedules:
        where = _under("in_schedule", options.schedules, schedule_titles())
        no.append({"not": {"all": [
            where,
            {"any": [{"field": "phase", "value": True},
                     {"all": [{"field": "section_names_units", "value": False},
                              {"field": "names_actor", "value": True}]}]}]}})
    if options.overview:
        no.append({"not": {"all": [{"field": "chapter_titles", "op": "matches", "value": _titles(options.overview)},
                                   {"field": "title", "op": "matches", "value": _GOAL_TITLE}]}})
    specs: list[dict[str, Any]] = []
    for role in ("lead", "support") if options.require_support else ("lead",):
        own = [{"field": f"has_{role}", "value": False}]
        if options.inherit:
            own.append({"field": f"outer_has_{role}", "value": False})
        if options.skip_containers:
            own.append({"field": f"sub_measures_have_{role}", "value": False})
        specs.append({"role": role, "forbid": {"all": no + own}})
    if options.once_when_none:
        once: list[dict[str, Any]] = [
            {"field": "general", "value": False}, {"field": "draft_names_units", "value": False},
            {"field": "n_actionable", "op": "gt", "value": 1}, {"field": "first_actionable", "value": True}]
        if options.regulations:
            once.append({"not": {"field": "plan_title", "op": "matches", "value": _regulation(options.regulations)}})
        specs.append({"role": "lead", "once": True, "forbid": {"all": once}})
    return [Judgement.model_validate(s) for s in specs]



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
        "总体要求类条目、总体要求中的目标和范围（试点目标、实施范围）和章节标题不检查；保障措施和实施步骤中"
        "写明由谁落实的（县财政加大…、成立由县长任组长的领导小组、生态环境部会同有关部门…、试点城市负责…）"
        "和实施步骤中的各阶段不报告。可选要求同时列明配合单位。判断写在规则集中（options.judge，对措施事实的条件），"
        "可直接修改。"
    )
    description_en = (
        "Every concrete measure must name who leads it, or nobody is accountable and nothing can be inspected. "
        "Reports measures with no lead unit. Every way of writing it counts: (牵头单位: …; 配合单位: …), "
        "责任单位, 负责部门, 'X牵头，Y配合', 'X按职责分工负责', also a responsibility clause in its own "
        "paragraph. Sub-items inherit their measure's units by default; general requirements and chapter "
        "headings are not checked, nor the goal and scope items of the overview (试点目标, 实施范围); nor are "
        "safeguards and schedule steps that say who acts (县财政加大…, a leadership group headed by the county "
        "head, 生态环境部会同有关部门…, 试点城市负责…) or the phases of a work schedule. Optionally require support units too. The "
        "judgement is data in the ruleset (options.judge: conditions over the measure fact)."
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
        measures = list(ctx.measures())
        facts = cfacts.build_facts("measure", ctx.draft, measures, [])
        found: list[tuple[int, int, Judgement]] = []  # (measure, judgement): findings in document order
        for k, j in enumerate(expand(options)):
            found += [(f[cfacts.KEY], k, j) for f in ccomp.select("measure", j.forbid, "forbid", facts)]
        for i, _k, j in sorted(found, key=lambda x: x[:2]):
            m = measures[i]
            missing = _MISSING[j.role][lang]
            fields = {"local_item": m.ref, "title": m.title, "missing": missing,
                      "example": counterpart_example(ctx, m, j.role)}  # fmt: skip
            shown = {**fields, "missing": missing + _NONE_NAMED[lang].format(n=facts[i]["n_actionable"])} if j.once else fields
            yield Hit(local_item=m.ref, quote=m.title or None, fields=shown,
                      suggestion=self.suggest(ctx.lang, fields), key=j.role)  # fmt: skip


KIND = LeadUnitRequired
