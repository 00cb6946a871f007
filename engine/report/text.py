"""Plain text for a terminal: findings under each draft measure, then the summary.

Wrapped to 80 display columns (a CJK character takes two), so it reads in any terminal.
"""

from __future__ import annotations

from engine.align.tokenize import using
from engine.models import Finding
from engine.quote import shorten
from engine.report.base import COVERAGE_KEYS, SEVERITIES, Formatter, RenderContext, wrap

WIDTH = 80


class TextFormatter(Formatter):
    name = "text"
    description = "plain text for the terminal (default): findings by draft measure, then a summary"
    suffixes = (".txt",)

    def render(self, ctx: RenderContext) -> bytes:
        out: list[str] = []
        r = ctx.report
        out += wrap(f"plancheck {r.version}", WIDTH)
        out += wrap(f"{ctx.t('draft')}{ctx.colon}{ctx.relpath(r.summary.draft)}", WIDTH)
        if r.summary.parent:
            out += wrap(f"{ctx.t('parent')}{ctx.colon}{ctx.relpath(r.summary.parent)}", WIDTH)
        out.append("")
        groups = ctx.groups()
        if not groups:
            out.append(ctx.t("no_findings"))
            out.append("")
        for heading, measure, findings in groups:
            at = ctx.at_line(measure.line) if measure and measure.line else ""
            line = ctx.paren(at) if at else ""
            out += wrap(f"{heading}{line}", WIDTH)
            out.append("─" * min(WIDTH, 40))
            for f in findings:
                out += _finding(ctx, f)
            out.append("")
        out += _summary(ctx)
        return ("\n".join(out).rstrip("\n") + "\n").encode("utf-8")


def _finding(ctx: RenderContext, f: Finding, waived: bool = False) -> list[str]:
    lines: list[str] = []
    where = ctx.location(f)
    head = f"{ctx.baseline_tag(f)}[{ctx.sev(f.severity)}] {f.rule}" + (f"  {where}" if where else "")
    lines += wrap(head, WIDTH, "    ", "  ")
    lines += wrap(f.message, WIDTH, "    ", "    ")
    if f.evidence.local:
        with using(ctx.vocabulary):  # the check's words: a learnt unit name is never cut in two
            quote = shorten(f.evidence.local)
        lines += wrap(f"{ctx.t('quote')}{ctx.colon}“{quote}”", WIDTH, "      ", "    ")
    if f.parent_item or f.evidence.parent:
        basis = ctx.basis(f)
        lines += wrap(f"{ctx.t('basis')}{ctx.colon}{basis}", WIDTH, "      ", "    ")
    if f.suggestion:
        lines += wrap(f"{ctx.t('suggestion')}{ctx.colon}{f.suggestion}", WIDTH, "      ", "    ")
    if waived and f.waiver:
        w = f.waiver
        exp = ctx.t("waiver_expires", date=w.expires) if w.expires else ""
        lines += wrap(
            ctx.t("waiver_reason", reason=w.reason, approver=w.approver, expires=exp), WIDTH, "      ", "    "
        )
    return lines


def _summary(ctx: RenderContext) -> list[str]:
    s = ctx.report.summary
    out = [ctx.t("summary"), "═" * min(WIDTH, 40)]
    counts = {"error": s.errors, "warning": s.warnings, "info": s.infos}
    parts = [f"{ctx.sev(k)} {counts[k]}" for k in SEVERITIES] + [f"{ctx.t('waived')} {s.waived}"]
    out += wrap("  ".join(parts), WIDTH, "  ", "  ")
    c = s.coverage
    if c.parent_measures:
        out += wrap(
            ctx.t("coverage") + ctx.paren(ctx.t("coverage_total", n=c.parent_measures)) + ctx.colon,
            WIDTH,
            "  ",
            "  ",
        )
        cov = "  ".join(f"{ctx.t('rel.' + k)} {getattr(c, k)}" for k in COVERAGE_KEYS)
        out += wrap(cov, WIDTH, "    ", "    ")
        for ref, h, key in ctx.parent_relations():
            rel, why = ctx.not_applicable_why(ref) if key == "not_applicable" else ("", "")
            if rel:
                out += wrap(f"{rel}{ctx.colon}{h}" + (ctx.paren(why) if why else ""), WIDTH, "      ", "    ")
    if s.draft_date:
        out += wrap(ctx.t("draft_date", date=s.draft_date, source=ctx.t("date_from." + s.draft_date_source)),
                    WIDTH, "  ", "  ")
    elif s.skipped:
        out += wrap(ctx.t("draft_date_none", rules="、".join(s.skipped) if ctx.lang == "zh" else ", ".join(s.skipped)),
                    WIDTH, "  ", "  ")
    base = ctx.report.baseline
    if base is not None:
        counts_line = ctx.t(
            "baseline_counts", path=base.path, version=base.version, new=s.new, unchanged=s.unchanged, fixed=s.fixed
        )
        out += wrap(counts_line, WIDTH, "    ", "  ")
    result = ("result_failed" if s.failed else "result_passed") + ("_new" if base is not None else "")
    out += wrap(ctx.t(result, fail_on=s.fail_on), WIDTH, "  ", "  ")
    if s.tracked_changes_accepted:
        out += wrap(ctx.t("tracked_changes"), WIDTH, "  ", "  ")
    if ctx.report.fixed:
        out += ["", ctx.t("fixed_findings"), "─" * min(WIDTH, 40)]
        for f in ctx.report.fixed:
            item = f"{f.local_item}  " if f.local_item else ""
            out += wrap(f"{item}[{ctx.sev(f.severity)}] {f.rule}", WIDTH, "    ", "  ")
            out += wrap(f.message, WIDTH, "    ", "    ")
            if f.evidence.local:
                out += wrap(f"{ctx.t('quote')}{ctx.colon}“{f.evidence.local}”", WIDTH, "      ", "    ")
    if ctx.report.waived:
        out += ["", ctx.t("waived_findings"), "─" * min(WIDTH, 40)]
        for f in ctx.report.waived:
            anchor = (
                ctx.measure_heading(m)
                if (m := ctx.draft_measure(f.local_item))
                else ctx.parent_heading(f.parent_item)
            )
            if anchor:
                out += wrap(anchor, WIDTH, "  ", "  ")
            out += _finding(ctx, f, waived=True)
    if ctx.report.waiver_problems:
        out += ["", ctx.t("waiver_problems"), "─" * min(WIDTH, 40)]
        for p in ctx.report.waiver_problems:
            w = p.waiver
            target = " ".join(x for x in (w.rule, w.check, w.item, w.fingerprint) if x)
            out += wrap(f"[{ctx.t('wp.' + p.kind)}] {target}{ctx.colon}{p.message}", WIDTH, "    ", "  ")
            exp = ctx.t("waiver_expires", date=w.expires) if w.expires else ""
            out += wrap(
                ctx.t("waiver_reason", reason=w.reason, approver=w.approver, expires=exp),
                WIDTH,
                "    ",
                "    ",
            )
    return out
