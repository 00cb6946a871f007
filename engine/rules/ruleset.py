"""What a ruleset file says: pydantic models, the single source of `schemas/ruleset.schema.json`.

A ruleset is data. It is read with a safe YAML loader, validated by these models (precise error
paths mapped back to file:line), and nothing in it is ever executed or imported by name: a rule's
`check` must name a registered kind, and a `condition` rule's expression is compiled into a
durable-rules ruleset by `engine.rules.conditions`, never evaluated as Python.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from engine.models import Deadline, Level, Measure, Plan, Severity, StrengthLevel, Target
from engine.rules.templates import template_problem
from engine.rules.user_regex import compile_regex


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Scope(_Data):
    """Which draft measures a rule looks at. Empty scope = every measure."""

    levels: list[Level] = Field(default_factory=list, description="only for drafts of these levels")
    chapters: list[str] = Field(
        default_factory=list, description="section labels (一, (二)) or words in a section title"
    )
    labels: list[str] = Field(default_factory=list, description="draft measure refs (13, 26(1))")
    pattern: str | None = Field(None, description="regex the measure text must contain")
    exclude_pattern: str | None = Field(None, description="regex that excludes a measure")

    @field_validator("pattern", "exclude_pattern")
    @classmethod
    def _regex(cls, v: str | None) -> str | None:
        if v is not None:
            compile_regex(v)  # UserRegexError is a ValueError: reported with the key's line
        return v

    def applies_to(self, plan: Plan) -> bool:
        return not self.levels or plan.level in self.levels

    def matches(self, measure: Measure, plan: Plan) -> bool:
        if not self.applies_to(plan):
            return False
        if self.labels and measure.ref not in self.labels and measure.label not in self.labels:
            return False
        if self.chapters:
            names = list(measure.path) + list(measure.section_titles)
            if not any(_chapter_matches(c, n) for c in self.chapters for n in names):
                return False
        if self.pattern and not compile_regex(self.pattern).search(measure.text):
            return False
        if self.exclude_pattern and compile_regex(self.exclude_pattern).search(measure.text):
            return False
        return True


def _chapter_matches(wanted: str, name: str) -> bool:
    """`五`, `(五)` and `（五）` all name chapter (五); longer words match inside a section title."""
    bare = wanted.strip("()（）")
    if bare == name.strip("()（）"):
        return True
    return len(wanted) > 2 and wanted in name


class Example(_Data):
    """A snippet the rule must pass or fail on; docs and `plancheck rules test` come from these."""

    draft: str = Field(description="draft text (a small plan: numbered measures)")
    parent: str | None = Field(None, description="parent text, for kinds that compare with a parent")
    level: Level | None = Field(None, description="override the draft's level")
    curate: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="parent measure ref -> curated fields (deadline, require_units …) applied to the obligations "
        "derived from `parent`, for rules that read curation",
    )
    note: str | None = None


class Examples(_Data):
    passing: list[Example] = Field(default_factory=list, alias="pass")
    failing: list[Example] = Field(default_factory=list, alias="fail")


class Rule(_Data):
    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9_.-]*$", description="stable ASCII id")
    check: str = Field(description="the check kind that does the work")
    severity: Severity = "warning"
    message: str | None = Field(None, description="Chinese message template with {fields}; default: the kind's")
    message_en: str | None = None
    suggestion: str | None = None
    suggestion_en: str | None = None
    description: str | None = None
    options: dict[str, Any] = Field(default_factory=dict)
    scope: Scope = Field(default_factory=Scope)
    enabled: bool = True
    examples: Examples | None = None

    @field_validator("message", "message_en", "suggestion", "suggestion_en")
    @classmethod
    def _plain_fields(cls, v: str | None) -> str | None:
        if v is not None and (problem := template_problem(v)):
            raise ValueError(problem)
        return v


class ObligationClause(_Data):
    text: str
    level: StrengthLevel = "normal"
    strength: list[str] = Field(default_factory=list)
    beyond: list[Level] = Field(
        default_factory=list,
        description="draft levels that need not carry this clause (legislation where a level has none; a "
        "higher level's strategies, platforms, programmes: rulesets/data/beyond_level.yaml). Derived; "
        "curate it either way: add a level to excuse the clause there, remove one to require it",
    )
    beyond_reason: str = Field("", description="why those levels need not carry it")


class NotApplicable(_Data):
    levels: list[Level] = Field(default_factory=list, description="levels it does not apply to; empty = all")
    reason: str


class Obligation(_Data):
    """One parent measure, as derived, plus what a person curated."""

    label: str
    ref: str = ""
    title: str
    text: str
    path: list[str] = Field(default_factory=list)
    section_titles: list[str] = Field(default_factory=list)
    general: bool = False
    parent_measure: str | None = None
    lead_units: list[str] = Field(default_factory=list)
    support_units: list[str] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    clauses: list[ObligationClause] = Field(default_factory=list)
    # ---- curation
    not_applicable: NotApplicable | None = None
    deadline: str | None = Field(None, description="curated: a tighter deadline (ISO date) the draft must meet")
    require_units: list[str] = Field(default_factory=list, description="curated: units the draft must name")
    require_phrases: list[str] = Field(default_factory=list, description="curated: phrases the draft must keep")
    note: str | None = None

    @field_validator("deadline")
    @classmethod
    def _iso_date(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                dt.date.fromisoformat(v)
            except ValueError:
                raise ValueError(f"{v} is not a date (expected YYYY-MM-DD)") from None
        return v


class ParentMeta(_Data):
    title: str
    doc_number: str | None = None
    date: str | None = None
    level: Level = "unknown"
    jurisdiction: str = ""
    source: str = ""
    sha256: str = ""


class ParentGoal(_Data):
    """A goal the parent writes as prose (一、工作目标 over a paragraph, 具体指标：… in its preamble): no
    obligation of its own, but its figures are compared with the draft's goal paragraphs."""

    name: str = Field(description="the goal's heading or label as written: 工作目标, 具体指标")
    text: str


class Ruleset(_Data):
    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9_.-]*$")
    version: str = "1"
    description: str = ""
    extends: list[str] = Field(default_factory=list, description="ruleset ids or paths, loaded first")
    parent: ParentMeta | None = Field(None, description="set on obligation rulesets made by derive")
    obligations: list[Obligation] = Field(default_factory=list)
    goals: list[ParentGoal] = Field(default_factory=list, description="set by derive: the parent's goals written as prose")
    rules: list[Rule] = Field(default_factory=list)
