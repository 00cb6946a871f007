"""Loader errors name the file, the line and the dotted key; loading never executes anything."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from engine import RULESETS_DIR, SCHEMAS_DIR
from engine.errors import PlancheckError
from engine.rules.loader import load_ruleset, load_rulesets, read_ruleset_file

HEAD = "id: t\nrules:\n"


def _err(tmp_path: Path, text: str, name: str = "r.yaml") -> PlancheckError:
    p = tmp_path / name
    p.write_text(text, "utf-8")
    with pytest.raises(PlancheckError) as e:
        load_ruleset(p)
    return e.value


def test_wrong_type(tmp_path: Path) -> None:
    e = _err(tmp_path, HEAD + "  - id: a\n    check: pattern\n    enabled: maybe\n    options: {forbidden: [x]}\n")
    assert (e.code, e.fields["line"], e.fields["key"]) == ("ruleset.invalid", 5, "rules[0].enabled")


def test_unknown_key(tmp_path: Path) -> None:
    e = _err(tmp_path, HEAD + "  - id: a\n    check: pattern\n    options: {forbidden: [x]}\n    severty: error\n")
    assert (e.fields["line"], e.fields["key"]) == (6, "rules[0].severty")
    assert "unknown key" in e.fields["reason"] and "severity" in e.fields["reason"]
    assert str(tmp_path / "r.yaml") + ":6:" in e.render("en")


def test_unknown_option_has_its_own_line(tmp_path: Path) -> None:
    e = _err(tmp_path, HEAD + "  - id: a\n    check: pattern\n    options:\n      forbidden: [x]\n      max_days: 3\n")
    assert (e.fields["line"], e.fields["key"]) == (7, "rules[0].options.max_days")
    assert "unknown option for check 'pattern'" in e.fields["reason"]


def test_unknown_check(tmp_path: Path) -> None:
    e = _err(tmp_path, HEAD + "  - id: a\n    severity: error\n    check: no_such_kind\n")
    assert (e.code, e.fields["line"], e.fields["check"]) == ("ruleset.unknown_check", 5, "no_such_kind")


def test_bad_regex_in_pattern_options(tmp_path: Path) -> None:
    e = _err(tmp_path, HEAD + "  - id: a\n    check: pattern\n    options:\n      forbidden:\n        - ok\n        - '(('\n")
    assert (e.fields["line"], e.fields["key"]) == (8, "rules[0].options.forbidden[1]")


def test_bad_regex_in_scope(tmp_path: Path) -> None:
    e = _err(tmp_path, HEAD + "  - id: a\n    check: pattern\n    options: {forbidden: [x]}\n    scope:\n      pattern: '[a'\n")
    assert (e.fields["line"], e.fields["key"]) == (7, "rules[0].scope.pattern")


def test_condition_errors_point_inside_the_expression(tmp_path: Path) -> None:
    text = HEAD + (
        "  - id: a\n    check: condition\n    options:\n      require:\n        all:\n"
        "          - {field: text, op: matches, value: x}\n"
        "          - field: nope\n            op: eq\n            value: 1\n"
    )
    e = _err(tmp_path, text)
    assert (e.fields["line"], e.fields["key"]) == (9, "rules[0].options.require.all[1].field")
    text = HEAD + "  - id: a\n    check: condition\n    options:\n      forbid:\n        field: text\n        op: matches\n        value: '\\bx'\n"
    e = _err(tmp_path, text)
    assert e.fields["key"] == "rules[0].options.forbid.value" and "\\b" in e.fields["reason"]


def test_yaml_syntax_error(tmp_path: Path) -> None:
    e = _err(tmp_path, HEAD + "  - id: a\n    check: [pattern\n  - id: b\n")
    assert e.code == "ruleset.yaml" and e.fields["line"] >= 4


def test_python_tag_refused(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    e = _err(tmp_path, f"id: t\nrules: !!python/object/apply:os.system ['touch {marker}']\n")
    assert e.code == "ruleset.yaml" and e.fields["line"] == 2 and "refused" in e.fields["reason"]
    assert not marker.exists()


def test_duplicate_rule_id_in_one_file(tmp_path: Path) -> None:
    rule = "  - id: a\n    check: pattern\n    options: {forbidden: [x]}\n"
    e = _err(tmp_path, HEAD + rule + rule)
    assert (e.code, e.fields["line"], e.fields["rule"]) == ("ruleset.duplicate_rule", 6, "a")


def test_repeated_yaml_key(tmp_path: Path) -> None:
    e = _err(tmp_path, "id: t\nid: u\nrules: []\n")
    assert (e.fields["line"], e.fields["key"]) == (2, "id")


def test_extends_cycle(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\nextends: [b.yaml]\n", "utf-8")
    (tmp_path / "b.yaml").write_text("id: b\nextends: [a.yaml]\n", "utf-8")
    with pytest.raises(PlancheckError) as e:
        load_rulesets([str(tmp_path / "a.yaml")])
    assert e.value.code == "ruleset.cycle" and "a.yaml" in e.value.fields["chain"]


def test_later_rule_replaces_earlier_in_place(tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text(
        "id: base\nrules:\n  - {id: a, check: pattern, options: {forbidden: [x]}}\n"
        "  - {id: b, check: pattern, options: {forbidden: [y]}}\n", "utf-8")
    (tmp_path / "top.yaml").write_text(
        "id: top\nextends: [base.yaml]\nrules:\n  - {id: a, check: pattern, enabled: false, options: {forbidden: [z]}}\n",
        "utf-8")
    loaded = load_rulesets([str(tmp_path / "top.yaml")])
    assert [r.id for r in loaded.rules] == ["a", "b"]
    assert loaded.rules[0].enabled is False and loaded.sources["a"].endswith("top.yaml")
    assert loaded.ids == ["base", "top"]


def test_missing_ruleset() -> None:
    with pytest.raises(PlancheckError) as e:
        load_rulesets(["no-such-ruleset"])
    assert e.value.code == "ruleset.not_found"


def test_every_shipped_ruleset_is_valid_for_the_loader_and_the_schema() -> None:
    validator = jsonschema.Draft202012Validator(json.loads((SCHEMAS_DIR / "ruleset.schema.json").read_text("utf-8")))
    files = sorted(RULESETS_DIR.glob("*.yaml"))
    assert files
    for p in files:
        _rs, errors = read_ruleset_file(p)
        assert not errors, [e.render("en") for e in errors]
        assert not list(validator.iter_errors(yaml.safe_load(p.read_text("utf-8")))), p
