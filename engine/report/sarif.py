"""SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, GitLab, IDE viewers).

One reportingDescriptor per rule id used; one result per finding; waived findings are results with
an external suppression, so dashboards show them as dismissed rather than losing them. The partial
fingerprint is plancheck's own (engine.findings: the same problem keeps it when the draft is
renumbered or reworded elsewhere). With a baseline each result has a baselineState, and each finding
fixed since is an "absent" result of kind "pass" at its old place.
"""

from __future__ import annotations

import json

from engine.findings import FINGERPRINT_SCHEME
from engine.models import Finding
from engine.report.base import SEVERITY_ORDER, Formatter, RenderContext

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


class SarifFormatter(Formatter):
    name = "sarif"
    description = "SARIF 2.1.0 for code-scanning tools; waived findings carry a suppression"
    suffixes = (".sarif", ".sarif.json")

    def render(self, ctx: RenderContext) -> bytes:
        r = ctx.report
        every = list(r.findings) + list(r.waived) + list(r.fixed)
        rule_ids = sorted({f.rule for f in every})
        index = {rid: i for i, rid in enumerate(rule_ids)}
        rules = [_rule(ctx, rid, [f for f in every if f.rule == rid]) for rid in rule_ids]
        run = {
            "tool": {"driver": {"name": r.tool, "version": r.version, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(ctx, f, index[f.rule], fixed=i >= len(r.findings) + len(r.waived)) for i, f in enumerate(every)],
            "properties": {
                "draft": ctx.relpath(r.summary.draft),
                "parent": ctx.relpath(r.summary.parent),
                "coverage": r.summary.coverage.model_dump(mode="json"),
                "failed": r.summary.failed,
                **({"baseline": r.baseline.model_dump(mode="json")} if r.baseline else {}),
            },
        }
        doc = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        return (json.dumps(doc, sort_keys=True, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _rule(ctx: RenderContext, rid: str, findings: list[Finding]) -> dict:
    worst = max(findings, key=lambda f: SEVERITY_ORDER[f.severity])
    desc = ctx.rules.get(rid) or f"{worst.check}: {worst.message}"
    short = desc.split("\n", 1)[0]
    help_text = desc + (f"\n{ctx.t('suggestion')}{ctx.colon}{worst.suggestion}" if worst.suggestion else "")
    return {
        "id": rid,
        "name": rid,
        "shortDescription": {"text": short},
        "fullDescription": {"text": desc},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVEL[worst.severity]},
        "properties": {"check": worst.check},
    }


def _result(ctx: RenderContext, f: Finding, rule_index: int, fixed: bool = False) -> dict:
    physical: dict = {"artifactLocation": {"uri": ctx.finding_file(f)}}
    if f.line:
        region: dict = {"startLine": f.line}
        if f.column:
            region["startColumn"] = f.column
            if f.evidence.local and "\n" not in f.evidence.local:
                region["endColumn"] = f.column + len(f.evidence.local)
        if f.evidence.local:
            region["snippet"] = {"text": f.evidence.local}
        physical["region"] = region
    location: dict = {"physicalLocation": physical}
    logical = [x for x in (f.local_item, f.parent_item and f"parent:{f.parent_item}") if x]
    if logical:
        location["logicalLocations"] = [{"name": x, "kind": "section"} for x in logical]
    result: dict = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [location],
        "properties": {
            "check": f.check,
            "local_item": f.local_item,
            "parent_item": f.parent_item,
            "parent_quote": f.evidence.parent,
            "suggestion": f.suggestion,
        },
    }
    if f.fix is not None and not fixed:  # a fixed finding's fix was for the old version
        result["fixes"] = [
            {
                "description": {"text": f.fix.description},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": ctx.finding_file(f)},
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": e.line,
                                    "startColumn": e.column,
                                    "endLine": e.line,
                                    "endColumn": e.end_column,
                                },
                                "insertedContent": {"text": e.replacement},
                            }
                            for e in f.fix.edits
                        ],
                    }
                ],
            }
        ]
    base = ctx.report.baseline
    if f.fingerprint and not (fixed and base is not None and base.matched_by != "fingerprint"):
        result["partialFingerprints"] = {FINGERPRINT_SCHEME: f.fingerprint}
    if fixed:
        result.update(kind="pass", level="none", baselineState="absent")
    elif f.baseline:
        result["baselineState"] = f.baseline
    if f.waived:
        w = f.waiver
        just = f"{w.reason} ({w.approver}{', ' + w.expires if w.expires else ''})" if w else ""
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": just}]
    return result
