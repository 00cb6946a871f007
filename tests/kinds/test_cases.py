"""Runs every tests/cases/<kind>.yaml case through the real pipeline (sqlfluff std_rule_cases style).

Each case: a small draft (and parent where the kind compares with one), the kind's options, and
the findings of that kind expected, compared as a multiset of (local_item, parent_item); an
optional `quote` must be contained in the finding's evidence.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from engine.derive import derive_ruleset
from engine.ingest import from_text
from engine.parse import parse_plan
from engine.pipeline import Obligations, check_plans
from engine.rules.ruleset import Obligation, Rule

CASES_DIR = Path(__file__).resolve().parent.parent / "cases"


def _load_cases() -> list:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["check"], case, id=f"{path.stem}::{case['name']}"))
    return params


def run_case(check: str, case: dict) -> list:
    draft = parse_plan(from_text(case["draft"], "draft.txt"), level=case.get("level"))
    obligations = Obligations(None)
    if case.get("parent"):
        parent = parse_plan(from_text(case["parent"], "parent.txt"))
        rs = derive_ruleset(parent, ruleset_id="case")
        for ref, curation in (case.get("curate") or {}).items():
            for i, ob in enumerate(rs.obligations):
                if (ob.ref or ob.label) == ref:
                    rs.obligations[i] = Obligation.model_validate({**ob.model_dump(), **curation})
        obligations = Obligations.from_ruleset(rs, "parent.txt")
    rule = Rule.model_validate(
        {"id": f"case-{check}", "check": check, "severity": "warning", "options": case.get("options") or {}}
    )
    findings, _ = check_plans(draft, obligations, [rule])
    return [f for f in findings if f.check == check]


@pytest.mark.parametrize(("check", "case"), _load_cases())
def test_case(check: str, case: dict) -> None:
    found = run_case(check, case)
    expected = case.get("expect") or []
    got = Counter((f.local_item, f.parent_item) for f in found)
    want = Counter((e.get("local_item"), e.get("parent_item")) for e in expected)
    detail = "\n".join(f"  {f.local_item} {f.parent_item} {f.message} [{f.evidence.local}]" for f in found)
    assert got == want, f"findings differ:\n{detail}"
    for e in expected:
        if e.get("quote"):
            assert any(
                e["quote"] in (f.evidence.local or "")
                for f in found
                if (f.local_item, f.parent_item) == (e.get("local_item"), e.get("parent_item"))
            ), f"no finding quotes {e['quote']!r}:\n{detail}"


def test_there_are_cases() -> None:
    assert len(_load_cases()) >= 15
