"""Markdown for a merge-request / pull-request comment: summary and coverage up front, then the
findings of each measure in a collapsible block so a long report stays short on screen."""

from __future__ import annotations

import html

from engine.models import Finding
from engine.report.base import COVERAGE_KEYS, SEVERITIES, Formatter, RenderContext

ICON = {"error": "🔴", "warning": "🟡", "info": "🔵"}


def cell(s: str | None) -> str:
    """Text safe inside a table cell: HTML-escaped (GitHub/GitLab render inline HTML), `|` escaped,
    line breaks as <br>."""
    s = html.escape(s or "", quote=False)
    return s.replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


class MarkdownFormatter(Formatter):
    name = "markdown"
    description = "Markdown for merge-request comments: summary, coverage, findings by measure"
    suffixes = (".md",)

    def render(self, ctx: RenderContext) -> bytes:
        r, s = ctx.report, ctx.report.summary
        t = ctx.t
        out = [f"## plancheck {cell(r.version)}", ""]
        out.append(f"**{t('draft')}**{ctx.colon}`{ctx.relpath(s.draft)}`  ")
        if s.parent:
            out.append(f"**{t('parent')}**{ctx.colon}`{ctx.relpath(s.parent)}`  ")
        key = ("result_failed" if s.failed else "result_passed") + ("_new" if r.baseline else "")
        out += [f"**{cell(t(key, fail_on=s.fail_on))}**", ""]
        if r.baseline:
            counts_line = t(
                "baseline_counts", path=r.baseline.path, version=r.baseline.version,
                new=s.new, unchanged=s.unchanged, fixed=s.fixed,
            )
            out += [cell(counts_line), ""]
        if s.tracked_changes_accepted:
            out += [f"> {t('tracked_changes')}", ""]
        counts = {"error": s.errors, "warning": s.warnings, "info": s.infos}
        out.append(
            "| " + " | ".join(f"{ICON[k]} {t('sev.' + k)}" for k in SEVERITIES) + f" | {t('waived')} |"
        )
        out.append("|" + "---:|" * (len(SEVERITIES) + 1))
        out.append("| " + " | ".join(str(counts[k]) for k in SEVERITIES) + f" | {s.waived} |")
        out.append("")
        c = s.coverage
        if c.parent_measures:
            out.append(f"### {t('coverage')}{ctx.paren(t('coverage_total', n=c.parent_measures))}")
            out.append("")
            out.append("| " + " | ".join(t("rel." + k) for k in COVERAGE_KEYS) + " |")
            out.append("|" + "---:|" * len(COVERAGE_KEYS))
            out.append("| " + " | ".join(str(getattr(c, k)) for k in COVERAGE_KEYS) + " |")
            missing = [h for _, h, key in ctx.parent_relations() if key == "missing"]
            if missing:
                out += ["", f"{t('rel.missing')}{ctx.colon}" + "；".join(cell(h) for h in missing)]
            na: dict[str, list[str]] = {}  # 不适用（上级职责）: each measure with its reason
            for ref, h, key in ctx.parent_relations():
                rel, why = ctx.not_applicable_why(ref) if key == "not_applicable" else ("", "")
                if rel:
                    na.setdefault(rel, []).append(cell(h) + (ctx.paren(cell(why)) if why else ""))
            out += [x for rel, items in na.items() for x in ("", f"{rel}{ctx.colon}" + "；".join(items))]
            out.append("")
        out += [f"### {t('findings')}", ""]
        groups = ctx.groups()
        if not groups:
            out += [t("no_findings"), ""]
        for heading, _measure, findings in groups:
            worst = next((k for k in SEVERITIES if any(f.severity == k for f in findings)), "info")
            summary = f"{ICON[worst]} {cell(heading)} — {t('findings_count', n=len(findings))}"
            out += [
                "<details open>" if worst == "error" else "<details>",
                f"<summary>{summary}</summary>",
                "",
            ]
            out += _table(ctx, findings)
            out += ["", "</details>", ""]
        if r.waived:
            out += ["<details>", f"<summary>{t('waived_findings')}{ctx.paren(len(r.waived))}</summary>", ""]
            out += _table(ctx, r.waived, waived=True)
            out += ["", "</details>", ""]
        if r.fixed:
            out += ["<details>", f"<summary>{t('fixed_findings')}{ctx.paren(len(r.fixed))}</summary>", ""]
            out += _table(ctx, r.fixed, fixed=True)
            out += ["", "</details>", ""]
        if r.waiver_problems:
            out += [f"### {t('waiver_problems')}", ""]
            for p in r.waiver_problems:
                target = " ".join(x for x in (p.waiver.rule, p.waiver.check, p.waiver.item, p.waiver.fingerprint) if x)
                out.append(f"- **{t('wp.' + p.kind)}** `{cell(target)}`{ctx.colon}{cell(p.message)}")
            out.append("")
        return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")


def _table(ctx: RenderContext, findings: list[Finding], waived: bool = False, fixed: bool = False) -> list[str]:
    t = ctx.t
    cols = [t("severity"), t("rule"), t("location"), t("problem"), t("quote"), t("basis"), t("suggestion")]
    if fixed:
        cols[2] = t("item")  # the baseline's place: this version has none
    if waived:
        cols.append(t("waived"))
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for f in findings:
        basis = ctx.basis(f)
        tag = f"**{t('bl.' + f.baseline)}** " if f.baseline == "new" else ""
        row = [
            f"{tag}{ICON[f.severity]} {t('sev.' + f.severity)}",
            f"`{cell(f.rule)}`",
            cell(f.local_item or f.parent_item) if fixed else cell(ctx.location(f)),
            cell(f.message),
            cell(f.evidence.local),
            cell(basis),
            cell(f.suggestion),
        ]
        if waived:
            w = f.waiver
            row.append(cell(f"{w.reason}{ctx.paren(w.approver)}") if w else "")
        out.append("| " + " | ".join(row) + " |")
    return out
