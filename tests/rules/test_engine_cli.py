"""The engine turns hits into located findings; a failing kind is an internal error; the rules CLI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli_rules import rules
from engine.errors import PlancheckError
from engine.ingest import from_text
from engine.parse import parse_plan
from engine.pipeline import Obligations, check_plans
from engine.rules import engine as rules_engine
from engine.rules.kinds.base import CheckContext, Hit
from engine.rules.ruleset import Rule

DRAFT = "某市某区法治政府建设实施方案\n二、主要任务\n1.推进科学立法。于２０２５年底前制定区级规章。(牵头单位:区司法局)\n"


def _draft():
    return parse_plan(from_text(DRAFT, "d.txt"), level="county")


def test_evidence_is_the_original_text_with_line_and_column() -> None:
    rule = Rule.model_validate({"id": "p", "check": "pattern", "options": {"forbidden": ["2025年底"]},
                                "message": "第{local_item}项：{match}{no_such_field}"})
    findings, _ = check_plans(_draft(), Obligations(None), [rule])
    (f,) = findings
    assert f.evidence.local == "２０２５年底"  # the original (full-width digits), not the normalised text
    assert (f.line, f.column) == (3, DRAFT.splitlines()[2].index("２") + 1)
    assert f.message == "第1项：2025年底{no_such_field}"  # an unknown field stays visible, no crash


def test_kind_exception_is_an_internal_error_naming_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    from engine.rules.kinds.pattern import Pattern

    def boom(self: object, ctx: CheckContext, options: object) -> Iterator[Hit]:
        raise RuntimeError("bug")
        yield

    monkeypatch.setattr(Pattern, "run", boom)
    rule = Rule.model_validate({"id": "p", "check": "pattern", "options": {"forbidden": ["x"]}})
    ctx = CheckContext(draft=_draft(), parent=None, alignment=None, obligations={}, data={})
    with pytest.raises(PlancheckError) as e:
        rules_engine.run_rules(ctx, [rule], "en")
    assert e.value.code == "internal" and "rule p (check pattern)" in e.value.fields["reason"]


def test_scope_levels_and_disabled_rules_are_skipped() -> None:
    ctx = CheckContext(draft=_draft(), parent=None, alignment=None, obligations={}, data={})
    base = {"id": "p", "check": "pattern", "options": {"forbidden": ["规章"]}}
    assert rules_engine.run_rules(ctx, [Rule.model_validate({**base, "enabled": False})], "zh") == []
    assert rules_engine.run_rules(ctx, [Rule.model_validate({**base, "scope": {"levels": ["city"]}})], "zh") == []
    assert len(rules_engine.run_rules(ctx, [Rule.model_validate(base)], "zh")) == 1


def test_cli_validate_list_show_doc_test(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: t\nrules:\n  - id: a\n    check: nope\n", "utf-8")
    r = runner.invoke(rules, ["validate", str(bad), "--lang", "en"])
    assert r.exit_code == 2 and f"{bad}:4:" in r.output and "Traceback" not in r.output
    good = tmp_path / "good.yaml"
    good.write_text(
        "id: g\nrules:\n  - id: no-rules\n    check: pattern\n    options: {forbidden: ['规章']}\n"
        "    examples:\n      pass:\n        - draft: |\n            某区方案\n            1.推进立法。完善机制。\n"
        "      fail:\n        - draft: |\n            某区方案\n            1.推进立法。制定规章。\n", "utf-8")
    assert runner.invoke(rules, ["validate", str(good)]).exit_code == 0
    r = runner.invoke(rules, ["test", str(good), "--lang", "en"])
    assert r.exit_code == 0 and "2 passed, 0 failed" in r.output, r.output
    r = runner.invoke(rules, ["list", "--ruleset", str(good)])
    assert r.exit_code == 0 and "no-rules" in r.output and "good.yaml" in r.output
    assert runner.invoke(rules, ["show", "no-rules", "--ruleset", str(good)]).exit_code == 0
    assert runner.invoke(rules, ["show", "missing", "--ruleset", str(good)]).exit_code == 2
    r = runner.invoke(rules, ["doc", "--ruleset", str(good), "--output", str(tmp_path / "doc.md")])
    assert r.exit_code == 0
    doc = (tmp_path / "doc.md").read_text("utf-8")
    assert "## `condition`" in doc and "#### `clause_pair`" in doc and "Rule `no-rules`" in doc
