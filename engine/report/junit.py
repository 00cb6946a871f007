"""JUnit XML for CI test dashboards: each parent obligation and each rule is a test case.

A parent measure "fails" when any (unwaived) finding names it; a rule fails when it has findings
that name no parent measure. So the dashboard reads as "which obligations does the draft not meet".
With a baseline only new findings fail a case; those still open from the baseline, and those fixed
since, are written to its output, so CI is red for new problems only.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from engine.models import Finding
from engine.report.base import SEVERITY_ORDER, Formatter, RenderContext


class JunitFormatter(Formatter):
    name = "junit"
    description = "JUnit XML: one test case per parent obligation and one per rule, for CI dashboards"
    suffixes = (".xml",)

    def render(self, ctx: RenderContext) -> bytes:
        r = ctx.report
        parents = [(ref, heading) for ref, heading, _ in ctx.parent_relations()]
        known = {ref for ref, _ in parents}
        for f in list(r.findings) + list(r.waived):
            if f.parent_item and f.parent_item not in known:
                known.add(f.parent_item)
                parents.append((f.parent_item, ctx.parent_heading(f.parent_item)))
        for f in r.fixed:
            if f.parent_item and f.parent_item not in known:
                known.add(f.parent_item)
                parents.append((f.parent_item, ctx.parent_heading(f.parent_item)))
        parent_cases = [
            (
                heading,
                [f for f in r.findings if f.parent_item == ref],
                [f for f in r.waived if f.parent_item == ref],
                [f for f in r.fixed if f.parent_item == ref],
            )
            for ref, heading in parents
        ]
        rule_ids = sorted({f.rule for f in [*r.findings, *r.waived, *r.fixed]})
        rule_cases = [
            (
                rid,
                [f for f in r.findings if f.rule == rid and not f.parent_item],
                [f for f in r.waived if f.rule == rid and not f.parent_item],
                [f for f in r.fixed if f.rule == rid and not f.parent_item],
            )
            for rid in rule_ids
        ]
        root = ET.Element("testsuites", name="plancheck")
        totals = [0, 0]
        for suite_name, classname, cases in (
            ("parent", "parent", parent_cases),
            ("rules", "rules", rule_cases),
        ):
            suite = ET.SubElement(root, "testsuite", name=f"plancheck.{suite_name}")
            failures = 0
            for name, every, waived, fixed in cases:
                case = ET.SubElement(suite, "testcase", classname=classname, name=name, time="0")
                found = [f for f in every if f.baseline != "unchanged"]
                if found:
                    failures += 1
                    worst = max(found, key=lambda f: SEVERITY_ORDER[f.severity])
                    fail = ET.SubElement(
                        case, "failure", message=_summary_line(ctx, found), type=worst.severity
                    )
                    fail.text = "\n\n".join(_describe(ctx, f) for f in found)
                notes = [_describe(ctx, f) for f in every if f.baseline == "unchanged"]
                notes += [f"{ctx.t('waived')}{ctx.colon}" + _describe(ctx, f) for f in waived]
                notes += [f"[{ctx.t('bl.fixed')}] " + _describe(ctx, f) for f in fixed]
                if notes:
                    out = ET.SubElement(case, "system-out")
                    out.text = "\n\n".join(notes)
            suite.set("tests", str(len(cases)))
            suite.set("failures", str(failures))
            suite.set("errors", "0")
            suite.set("skipped", "0")
            suite.set("time", "0")
            totals[0] += len(cases)
            totals[1] += failures
        root.set("tests", str(totals[0]))
        root.set("failures", str(totals[1]))
        root.set("errors", "0")
        root.set("time", "0")
        ET.indent(root)
        return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _summary_line(ctx: RenderContext, found: list[Finding]) -> str:
    first = found[0].message
    return first if len(found) == 1 else f"{first} (+{len(found) - 1})"


def _describe(ctx: RenderContext, f: Finding) -> str:
    where = (
        ctx.finding_file(f)
        + (f":{f.line}" if f.line else "")
        + (f":{f.column}" if f.line and f.column else "")
    )
    lines = [f"{ctx.baseline_tag(f)}[{ctx.sev(f.severity)}] {f.rule} {where}", f.message]
    if f.local_item:
        m = ctx.draft_measure(f.local_item)
        lines.append(f"{ctx.t('item')}{ctx.colon}{ctx.measure_heading(m) if m else f.local_item}")
    if f.evidence.local:
        lines.append(f"{ctx.t('quote')}{ctx.colon}“{f.evidence.local}”")
    if f.parent_item or f.evidence.parent:
        lines.append(f"{ctx.t('basis')}{ctx.colon}{ctx.basis(f)}")
    if f.suggestion:
        lines.append(f"{ctx.t('suggestion')}{ctx.colon}{f.suggestion}")
    if f.waived and f.waiver:
        w = f.waiver
        exp = ctx.t("waiver_expires", date=w.expires) if w.expires else ""
        lines.append(ctx.t("waiver_reason", reason=w.reason, approver=w.approver, expires=exp))
    return "\n".join(lines)
