from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from engine.findings import FINGERPRINT_SCHEME
from engine.report.sarif import SarifFormatter

SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))


def test_valid_against_the_sarif_schema(ctx):
    doc = json.loads(SarifFormatter().render(ctx))
    validator = jsonschema.Draft7Validator(SCHEMA)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_every_finding_is_a_result(ctx):
    run = json.loads(SarifFormatter().render(ctx))["runs"][0]
    report = ctx.report
    assert len(run["results"]) == len(report.findings) + len(report.waived)
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({f.rule for f in [*report.findings, *report.waived]})
    for res, f in zip(run["results"], [*report.findings, *report.waived], strict=True):
        assert res["ruleId"] == f.rule
        assert rules[res["ruleIndex"]]["id"] == f.rule
        assert res["partialFingerprints"] == {FINGERPRINT_SCHEME: f.fingerprint}
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[f.severity]
        assert res["properties"]["check"] == f.check
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "fixtures/draft.txt"
        if f.line:
            assert loc["region"]["startLine"] == f.line and loc["region"]["startColumn"] == f.column
            if f.evidence.local:
                assert loc["region"]["snippet"]["text"] == f.evidence.local
        else:
            assert "region" not in loc
    waived = [r for r in run["results"] if "suppressions" in r]
    assert len(waived) == 1 and waived[0]["suppressions"][0]["kind"] == "external"
    assert "由区政府统一部署" in waived[0]["suppressions"][0]["justification"]


def test_rule_descriptions_from_the_ruleset(ctx):
    ctx.rules = {"deadline_not_later": "完成时限不得晚于上级方案"}
    rules = json.loads(SarifFormatter().render(ctx))["runs"][0]["tool"]["driver"]["rules"]
    rule = next(r for r in rules if r["id"] == "deadline_not_later")
    assert rule["shortDescription"]["text"] == "完成时限不得晚于上级方案"
    assert rule["defaultConfiguration"]["level"] == "error"
    assert rule["properties"]["check"] == "deadline_not_later"


def test_absolute_paths_become_relative_to_cwd(ctx, tmp_path):
    for f in ctx.report.findings:
        f.file = str(tmp_path / "drafts" / "a.docx")
    run = json.loads(SarifFormatter().render(ctx))["runs"][0]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/a.docx"
