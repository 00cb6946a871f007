"""Users' regexes (pattern rules, scopes, condition matches) run on RE2: no pattern can hang a check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.errors import PlancheckError
from engine.ingest import from_text
from engine.parse import parse_plan
from engine.pipeline import Obligations, check_plans
from engine.rules.loader import load_ruleset
from engine.rules.ruleset import Rule
from engine.rules.user_regex import UserRegexError, compile_regex

LONG = "一、总体要求\n（一）加强法治建设，区司法局牵头。" + "a" * 100_000 + "b\n（二）推进依法行政。\n"


def _findings(rule: dict) -> list:
    draft = parse_plan(from_text(LONG, "d.txt"), level="county")
    findings, _ = check_plans(draft, Obligations(None), [Rule.model_validate({"id": "r", **rule})])
    return findings


@pytest.mark.parametrize(
    "rule",
    [
        {"check": "pattern", "options": {"forbidden": ["(a+)+$"]}},
        {"check": "pattern", "options": {"required": ["(a|aa)+c"], "in": "sentence"}},
        {"check": "pattern", "options": {"forbidden": ["区"]}, "scope": {"pattern": "(a*)*c"}},
        {"check": "condition", "options": {"fact": "measure", "forbid": {"field": "text", "op": "matches",
                                                                          "value": "(a+)+$"}}},
    ],
    ids=["forbidden", "required-sentence", "scope", "condition"],
)  # fmt: skip
def test_catastrophic_patterns_finish(rule):
    """Each of these backtracks for ever in Python's re on the 100,000-character run; here it answers."""
    found = _findings({"severity": "warning", "message": "m", **rule})
    assert isinstance(found, list)
    if rule["check"] == "pattern" and "required" in rule["options"]:
        assert found  # the run's sentence lacks the required text: reported, not hung


def test_refused_at_load_with_the_line(tmp_path: Path):
    path = tmp_path / "r.yaml"
    path.write_text(
        "id: r\nrules:\n  - id: a\n    check: pattern\n    severity: info\n    message: m\n"
        "    options:\n      forbidden: ['(?<=区)局']\n",
        "utf-8",
    )
    with pytest.raises(PlancheckError) as info:
        load_ruleset(path)
    assert info.value.code == "ruleset.invalid" and info.value.fields["line"] == 8
    assert "RE2" in info.value.fields["reason"]


_PIECES = st.sampled_from(["a", "区", "局", ".", "\\d", "\\w", "\\s", "[a区]", "[^局]", "(", ")", "|", "*", "+", "?",
                           "{2}", "^", "$", "\\.", "[\\w-]", "(?i)", "A"])  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join), st.text(alphabet="aA区局 2\u3000-.", max_size=30))
def test_same_answers_as_pythons_re(pattern: str, text: str):
    """Where Python's re and RE2 both take a pattern, they find the same first match."""
    try:
        python = re.compile(pattern)
    except re.error:
        return
    try:
        rx = compile_regex(pattern)
    except UserRegexError:
        return
    want, got = python.search(text), rx.search(text)
    assert (want is None) == (got is None)
    if want is not None:  # RE2 runs leftmost-first, as Python does: the same span
        assert got.group(0) == want.group(0)
