"""Hand-built Plans and Alignments for the obligation-kind unit tests.

The kinds are tested here on objects written out by hand, so a test says exactly what parse,
extract and align would hand over and fails only when the kind is wrong. The case files
(tests/cases/*.yaml) test the same kinds through the real pipeline.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from typing import Any

from engine.models import (
    Alignment,
    AlignmentPair,
    ClausePair,
    Deadline,
    DiffOp,
    Measure,
    Plan,
    Responsibility,
    Sentence,
    Target,
    Unit,
)
from engine.rules.kinds.base import CheckContext, Hit
from engine.rules.ruleset import Obligation, Scope


def load() -> Any:
    """This module, for test files (pytest runs them with --import-mode=importlib)."""
    spec = importlib.util.spec_from_file_location("obligation_builders", Path(__file__))
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def by_date(text: str, date: str, sentence: int = 0) -> Deadline:
    return Deadline(text=text, kind="by-date", date=date, sentence=sentence)


def yearly(text: str, month_day: str, sentence: int = 0) -> Deadline:
    return Deadline(text=text, kind="recurring", recurrence="yearly", month_day=month_day, sentence=sentence)


def target(
    text: str, value: float, comparator: str = ">=", unit: str = "", kind: str = "number", **kw: Any
) -> Target:
    return Target(text=text, value=value, comparator=comparator, unit=unit, kind=kind, **kw)  # type: ignore[arg-type]


def measure(
    ref: str,
    title: str,
    body: str = "",
    *,
    lead: list[str] | None = None,
    support: list[str] | None = None,
    generic: tuple[str, ...] = (),
    style: str = "牵头单位",
    deadlines: list[Deadline] | None = None,
    targets: list[Target] | None = None,
    general: bool = False,
    parent_measure: str | None = None,
    path: list[str] | None = None,
) -> Measure:
    """A measure whose text is `title。body` plus a responsibility clause built from lead/support."""
    text = f"{title}。{body}。" if body else f"{title}。"
    resp = None
    if lead or support:
        clause = (
            "("
            + "；".join(
                x
                for x in (
                    f"{style}：{'、'.join(lead)}" if lead else "",
                    f"配合单位：{'、'.join(support)}" if support else "",
                )
                if x
            )
            + ")"
        )
        text += clause
        resp = Responsibility(
            lead=[Unit(name=n, generic=n in generic) for n in lead or []],
            support=[Unit(name=n, generic=n in generic) for n in support or []],
            style=style,
            text=clause,
        )
    sents = [
        Sentence(index=i, text=s + "。") for i, s in enumerate(x for x in f"{title}。{body}".split("。") if x)
    ]
    return Measure(
        label=ref,
        ref=ref,
        style="arabic_dot" if ref[:1].isdigit() else "cn_paren",
        ordinal=1,
        depth=1,
        path=path or [],
        title=title,
        text=text,
        sentences=sents,
        lead_units=list(lead or []),
        support_units=list(support or []),
        responsibility=resp,
        deadlines=deadlines or [],
        targets=targets or [],
        general=general,
        parent_measure=parent_measure,
    )


def plan(
    *measures: Measure, level: str = "county", date: str | None = None, source: str = "plan.txt"
) -> Plan:
    return Plan(source=source, level=level, measures=list(measures), date=date)  # type: ignore[arg-type]


def clause(
    parent_text: str | None,
    local_text: str | None,
    relation: str = "same",
    *,
    local_item: str | None = None,
    diff: list[tuple[str, str, str]] | None = None,
    **kw: Any,
) -> ClausePair:
    ops = [DiffOp(op=o, parent=p, local=loc) for o, p, loc in diff or []]  # type: ignore[arg-type]
    return ClausePair(
        parent_text=parent_text,
        local_text=local_text,
        relation=relation,  # type: ignore[arg-type]
        local_item=local_item,
        diff=ops,
        **kw,
    )


def pair(
    parent: str, local: list[str], relation: str = "same", clauses: list[ClausePair] | None = None
) -> AlignmentPair:
    return AlignmentPair(parent_item=parent, local_items=local, relation=relation, clauses=clauses or [])  # type: ignore[arg-type]


def run(
    kind: str,
    draft: Plan,
    parent: Plan | None = None,
    pairs: list[AlignmentPair] | None = None,
    *,
    obligations: dict[str, Obligation] | None = None,
    options: dict[str, Any] | None = None,
    scope: Scope | None = None,
) -> list[Hit]:
    k = importlib.import_module(f"engine.rules.kinds.{kind}").KIND()
    ctx = CheckContext(
        draft=draft,
        parent=parent,
        alignment=Alignment(alignment=pairs) if pairs is not None else None,
        obligations=obligations or {},
        data={},
        scope=scope,
    )
    return list(k.run(ctx, k.Options(**(options or {}))))


def ob(ref: str, title: str = "", **curation: Any) -> Obligation:
    return Obligation(label=ref, ref=ref, title=title or ref, text=title or ref, **curation)
