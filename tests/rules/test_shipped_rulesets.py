"""The rulesets we ship: valid, every rule with a passing and a failing example that really pass
and fail, and docs/RULES.md exactly what `plancheck rules doc` renders from them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from engine import RULESETS_DIR
from engine.cli import main
from engine.rules.docs import render
from engine.rules.loader import load_ruleset, load_rulesets

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(p for p in RULESETS_DIR.glob("*.yaml"))
RULE_FILES = [p for p in SHIPPED if load_ruleset(p).rules]


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_ruleset_is_valid(path: Path) -> None:
    r = CliRunner().invoke(main, ["rules", "validate", str(path)])
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize("path", RULE_FILES, ids=[p.stem for p in RULE_FILES])
def test_every_rule_has_both_examples_and_they_hold(path: Path) -> None:
    for rule in load_ruleset(path).rules:
        assert rule.examples and rule.examples.passing and rule.examples.failing, f"{rule.id} lacks examples"
    r = CliRunner().invoke(main, ["rules", "test", str(path)])
    assert r.exit_code == 0, r.output
    assert "失败 0 个" in r.output


def test_rules_doc_is_current() -> None:
    expected = render(load_rulesets(["core"]))
    current = (ROOT / "docs" / "RULES.md").read_text("utf-8")
    assert current == expected, "docs/RULES.md is stale: run `plancheck rules doc -o docs/RULES.md`"
