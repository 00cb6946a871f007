"""What a check kind is: code that reads the checked documents and yields raw hits.

A rule in a ruleset (data) names a kind, a severity, a message template and options; the kind (code)
declares its options as a pydantic model with types and defaults, and yields `Hit`s. The engine
(`engine.rules.engine`) stamps rule id, severity and message on each hit and turns it into a
`Finding`. Adding a kind is one module in this folder plus one line in `KIND_MODULES`.
"""

from __future__ import annotations

import bisect
import string
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationInfo

from engine.i18n import _Defaulting
from engine.memo import memo
from engine.models import CARRIED, Measure, Plan, Severity

if TYPE_CHECKING:
    from engine.align.tokenize import Vocabulary
    from engine.models import Alignment, AlignmentPair
    from engine.rules.ruleset import Obligation


T = TypeVar("T")

# validation context key: the loader reports `problems()` itself, with file and line
DEFER_PROBLEMS = "plancheck.defer_problems"


class KindOptions(BaseModel):
    """Base for a kind's options: unknown options are errors (reported with file and line)."""

    model_config = ConfigDict(extra="forbid")

    def problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        """(location, reason) of what the schema alone cannot say (a regex RE2 refuses …)."""
        return []

    def raise_first_problem(self, info: ValidationInfo) -> None:
        """Raise the first of `problems()` as a validation error, unless the loader reports them."""
        if (info.context or {}).get(DEFER_PROBLEMS):
            return
        found = self.problems()
        if found:
            loc, reason = found[0]
            raise ValueError(f"{'.'.join(map(str, loc))}: {reason}")


@dataclass(frozen=True)
class Edit:
    """One textual remedy a kind proposes; the engine turns it into a `TextEdit` of the original.

    frame "quote": [start, end) are offsets in the hit's normalised `quote` (the engine finds the
    quote in the draft and maps the span through the source map); `replacement` is normalised text
    and is written in the draft's own punctuation widths by the engine.
    frame "orig": [start, end) are 0-based offsets in the original line `line` (kinds that read
    `Paragraph.orig`, such as stray spaces the normalised text no longer has); `replacement` is
    used as given.
    """

    start: int
    end: int
    replacement: str
    frame: str = "quote"
    line: int = 0


@dataclass
class Hit:
    """One raw problem found by a kind, before the engine makes it a Finding.

    `quote` is normalised draft text inside `local_item` (or the document title/preamble when
    `local_item` is None); the engine finds it in the original file to give line, column and the
    exact original words as evidence. `fields` fill the rule's message template.
    """

    local_item: str | None
    quote: str | None = None
    parent_item: str | None = None
    parent_quote: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    suggestion: str | None = None
    severity: Severity | None = None  # a kind may grade a hit (clause_carried: by strength)
    # What the hit is about, for fingerprints: words, phrases, the parent's text — never an offset, line,
    # label or index, which change when the draft is edited elsewhere (engine.findings.identity).
    key: str = ""
    line: int | None = None  # set only when the kind knows better than the quote search
    column: int | None = None
    fix: tuple[Edit, ...] = ()  # a mechanical remedy, when the kind can state one exactly


@dataclass
class CheckContext:
    """Everything a kind may read. Kinds never write to it."""

    draft: Plan
    parent: Plan | None  # rebuilt from the obligation ruleset when checking without the parent text
    alignment: Alignment | None
    obligations: dict[str, Obligation]  # by parent label (curated: not_applicable, deadlines …)
    data: dict[str, object]  # data tables from rulesets/data/*.yaml by name (levels, confusables …)
    lang: str = "zh"
    scope: object = None  # the rule's Scope; use `in_scope(measure)`
    draft_date: str | None = None  # ISO date the draft speaks from (engine.parse.dating); None: unknown
    vocabulary: Vocabulary | None = None  # the unit names this check learnt (current while kinds run)
    # what the kinds work out from this run's plans, alignment or data (`remember`); shared by the
    # per-rule copies of the context (dataclasses.replace passes it on), gone with the run
    memos: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()` once per run under `key`: for values that depend on this run's plans,
        alignment, options or data, which no cache outliving the run may key on (a Plan's identity
        can be reused, its texts can change)."""
        try:
            return self.memos[key]
        except KeyError:
            value = self.memos[key] = compute()
            return value

    def in_scope(self, measure: Measure) -> bool:
        return self.scope is None or self.scope.matches(measure, self.draft)  # type: ignore[attr-defined]

    def measures(self) -> Iterator[Measure]:
        """Draft measures in document order that fall inside the rule's scope."""
        return (m for m in self.draft.measures if self.in_scope(m))

    def measure(self, label: str | None) -> Measure | None:
        return self.draft.measure(label)

    def parent_measure(self, label: str | None) -> Measure | None:
        return self.parent.measure(label) if self.parent else None

    def pairs(self) -> Iterable[AlignmentPair]:
        return self.alignment.alignment if self.alignment else ()

    # ----------------------------------------------------------------- obligations and alignment

    def obligation(self, parent_ref: str | None) -> Obligation | None:
        """The curated obligation for a parent measure, by ref, then by bare label."""
        if parent_ref is None:
            return None
        ob = self.obligations.get(parent_ref)
        if ob is not None:
            return ob
        for o in self.obligations.values():
            if o.ref == parent_ref:
                return o
        return None

    def applies(self, parent_ref: str | None) -> bool:
        """Whether the parent measure's obligation applies at the draft's level (not curated as
        `not_applicable` there)."""
        return _not_applicable_reason(self.obligation(parent_ref), self.draft) is None

    def scope_applies(self) -> bool:
        """False when the rule's scope excludes the whole draft (e.g. `levels`)."""
        return self.scope is None or self.scope.applies_to(self.draft)  # type: ignore[attr-defined]

    def carrying(self, pair: AlignmentPair) -> list[Measure]:
        """The draft measures that carry a parent measure (several for merged/split), in draft order."""
        wanted = set(pair.local_items)
        return [m for m in self.draft.measures if m.ref in wanted]

    def carried_pairs(self, goals: bool = False) -> Iterator[tuple[AlignmentPair, list[Measure]]]:
        """Aligned parent measures that the draft carries, that apply at its level and that are in scope.

        A pair is in scope when any of its carrying draft measures is: a merged measure outside the scope
        still counts as carried, but only in-scope measures are pointed at. With `goals`, also the parent's
        goals paired with the draft's (a `general` pair with clause pairs): the kinds that compare
        deadlines and targets read them, the kinds that compare wording do not.
        """
        if not self.scope_applies():
            return
        for pair in self.pairs():
            goal = goals and pair.relation == "general" and bool(pair.clauses)
            if pair.parent_item is None or (pair.relation not in CARRIED and not goal):
                continue
            measures = self.carrying(pair)
            if not measures or not any(self.in_scope(m) for m in measures):
                continue
            if not self.applies(pair.parent_item):
                continue
            yield pair, measures

    @staticmethod
    def local_for(clause_item: str | None, measures: list[Measure]) -> Measure:
        """The carrying measure a clause pair points at (its `local_item`), else the first one."""
        for m in measures:
            if clause_item is not None and m.ref == clause_item:
                return m
        return measures[0]

    # ----------------------------------------------------------------- measures within measures

    def children(self, plan: Plan, measure: Measure) -> list[Measure]:
        """Sub-measures of `measure` (those whose parent_measure names it) in `plan` (the run's draft
        or parent), in plan order."""
        by_parent, order, _ = self._family(plan)
        found = {id(m): m for k in {measure.ref, measure.label} for m in by_parent.get(k, ())}
        found.pop(id(measure), None)
        return sorted(found.values(), key=lambda m: order[id(m)])

    def enclosing(self, plan: Plan, measure: Measure) -> Measure | None:
        """The measure a sub-measure sits in: the nearest earlier measure with that ref or label."""
        if not measure.parent_measure:
            return None
        _, order, by_name = self._family(plan)
        positions = by_name.get(measure.parent_measure, [])
        k = bisect.bisect_left(positions, order.get(id(measure), len(plan.measures)))
        return plan.measures[positions[k - 1]] if k else None

    def _family(self, plan: Plan) -> _Family:
        """Indexes of a plan's measures, so `children` and `enclosing` cost no scan of the whole plan per
        call (a kind asks for every measure: a scan each was quadratic in the plan's size). Kept for the
        run (the context holds the plan alive, so its identity names it until the run ends)."""
        which = "draft" if plan is self.draft else "parent" if plan is self.parent else id(plan)
        return self.remember(("family", which), lambda: _index_family(plan))

    def aligned_parents(self, ref: str | None) -> list[tuple[str | None, str]]:
        """(parent ref, parent text) of every parent measure aligned to the draft measure (or
        section) `ref`, in alignment order."""
        if self.parent is None or not ref:
            return []
        # one index per run (every unit of every drafting kind asks): the run has one alignment
        by_local = self.remember(("by_local",), lambda: _index_by_local(self))
        found = set(by_local.get(ref, ())) | set(by_local.get(f"§{ref}", ()))
        out: list[tuple[str | None, str]] = []
        for k in sorted(found):  # alignment order, as scanning the pairs gives them
            pm = self.parent_measure(self.alignment.alignment[k].parent_item)  # type: ignore[union-attr]
            if pm is not None:
                out.append((pm.ref, pm.text))
        return out

    def aligned_parent_items(self, local_item: str) -> list[str]:
        """The parent items of the alignment pairs that list the draft item `local_item` (its own
        label only, not its section's), in alignment order: what anchors a finding with no parent
        item of its own."""
        by_local = self.remember(("by_local",), lambda: _index_by_local(self))
        pairs = self.alignment.alignment if self.alignment else []
        return [pairs[k].parent_item for k in by_local.get(local_item, ())]  # type: ignore[misc]

    def table(self, name: str) -> dict:
        """`data[name]`, else the shipped rulesets/data/<name>.yaml (hand-built contexts in tests)."""
        data = self.data.get(name) if self.data else None
        return data if isinstance(data, dict) else _file_table(name)


# a plan's measures by parent_measure, position by id(measure), positions by ref and by label
_Family = tuple[dict[str, list[Measure]], dict[int, int], dict[str, list[int]]]


def _index_family(plan: Plan) -> _Family:
    by_parent: dict[str, list[Measure]] = {}
    by_name: dict[str, list[int]] = {}
    order: dict[int, int] = {}
    for i, m in enumerate(plan.measures):
        order[id(m)] = i
        if m.parent_measure:
            by_parent.setdefault(m.parent_measure, []).append(m)
        for k in {m.ref, m.label}:
            by_name.setdefault(k, []).append(i)
    return by_parent, order, by_name


def _not_applicable_reason(ob: Obligation | None, draft: Plan) -> str | None:
    """The recorded reason why `ob` does not apply at the draft's level, or None if it applies."""
    na = ob.not_applicable if ob is not None else None
    if na is None:
        return None
    if na.levels and draft.level not in na.levels:
        return None
    return na.reason or "-"


def _index_by_local(ctx: CheckContext) -> dict[str, list[int]]:
    """Local item -> indexes of the alignment pairs with a parent item that list it."""
    index: dict[str, list[int]] = {}
    for k, pair in enumerate(ctx.pairs()):
        if pair.parent_item:
            for local in dict.fromkeys(pair.local_items):
                index.setdefault(local, []).append(k)
    return index


@memo(16, copy="deep")  # a hand-built context reads the shipped table once; callers get their own copy
def _file_table(name: str) -> dict:
    from engine.extract.data import read_data

    return read_data(f"{name}.yaml", required=True) or {}


class CheckKind:
    """Subclass per kind; set the ClassVars; implement `run`."""

    name: ClassVar[str]
    description: ClassVar[str]  # Chinese, one paragraph: what it finds and why it matters
    description_en: ClassVar[str]
    Options: ClassVar[type[KindOptions]] = KindOptions
    message: ClassVar[dict[str, str]]  # default message templates {"zh": …, "en": …} with {fields}
    suggestion: ClassVar[dict[str, str]] = {}
    needs_parent: ClassVar[bool] = False  # skipped (not failed) when there is no parent/obligations
    needs_date: ClassVar[bool] = False  # finds nothing without the draft's date; the report says it was skipped

    def dated_without_date(self, plan: Plan) -> bool:
        """A needs_date kind that can judge `plan` without its date all the same (by a period the plan states
        for itself): the report does not call it skipped."""
        return False

    def run(self, ctx: CheckContext, options: KindOptions) -> Iterable[Hit]:
        raise NotImplementedError

    def suggest(self, lang: str, fields: dict[str, str]) -> str | None:
        """This kind's suggestion in `lang` (zh when missing) with `fields`; unknown fields stay visible."""
        return _render(self.suggestion, lang, fields)

    def pair_hit(
        self,
        lang: str,
        m: Measure,
        parent_ref: str,
        parent_text: str,
        quote: str | None,
        fields: dict[str, str],
        key: str,
        severity: Severity | None = None,
    ) -> Hit:
        """A hit on draft measure `m` for what it carries of parent measure `parent_ref`.

        The quote must stand in the measure's text (the engine locates it there); otherwise the title is
        pointed at. `fields` are the kind's own; the measure and parent refs are added here.
        """
        fields = {"local_item": m.ref, "parent_item": parent_ref, "parent_text": parent_text, **fields}
        if quote and quote not in m.text:
            quote = m.title
        return Hit(
            local_item=m.ref,
            parent_item=parent_ref,
            quote=quote or None,
            parent_quote=parent_text,
            fields=fields,
            suggestion=self.suggest(lang, fields),
            severity=severity,
            key=key,
        )


def _render(templates: dict[str, str], lang: str, fields: dict[str, str]) -> str | None:
    text = templates.get(lang) or templates.get("zh")
    if not text:
        return None
    return string.Formatter().vformat(text, (), _Defaulting(fields))
