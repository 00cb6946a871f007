"""One self-contained HTML page: summary, a coverage map of the parent's measures, and each aligned
pair side by side (parent | draft) with the changes highlighted and the findings beside them.

No network and no external assets: CSS and a little plain JS are inline. Everything reads without
JS; JS only adds the severity/rule filters (and, with a baseline, "new only"). Every piece of document
text is escaped.
"""

from __future__ import annotations

import unicodedata
from html import escape

from engine.models import SEVERITY_RANK, AlignmentPair, ClausePair, Finding
from engine.report.base import COVERAGE_KEYS, SEVERITIES, Formatter, RenderContext, title_as_written

REL_CLASS = {"same": "carried", "dropped": "missing"}


def e(s: object) -> str:
    return escape(str(s if s is not None else ""), quote=True)


class HtmlFormatter(Formatter):
    name = "html"
    description = "one self-contained HTML page: coverage map, parent and draft side by side, findings"
    suffixes = (".html", ".htm")

    def render(self, ctx: RenderContext) -> bytes:
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{"zh-CN" if ctx.lang == "zh" else "en"}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>plancheck · {e(page_title(ctx))}</title>",
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            body(ctx),
            f"<script>{JS}</script>",
            "</body>",
            "</html>",
        ]
        return ("\n".join(p for p in parts if p) + "\n").encode("utf-8")


def page_title(ctx: RenderContext) -> str:
    return ctx.draft_title or ctx.relpath(ctx.report.summary.draft)


def _worst_first(findings: list[Finding]) -> list[Finding]:
    """Errors, then warnings, then notes; by place in the draft within each (line, column; a finding with no place
    last, in the report's order): the groups put the lines outside any measure first, so a safeguard's line 22 stood
    above a measure's line 16."""
    return sorted(
        findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.line is None, f.line or 0, f.column or 0)
    )


def body(ctx: RenderContext) -> str:
    """Everything inside <body> but the script: the web page embeds the same report."""
    r = ctx.report
    placed, other = _place(ctx)
    ids = {id(f): f"f-{i + 1}" for i, f in enumerate([*r.findings, *r.waived, *r.fixed])}
    parts = [
        _header(ctx),
        _fix_first(ctx, ids),
        _coverage(ctx, placed),
        # nothing found: say so where the findings would start, and offer no filters over nothing
        _filters(ctx) if r.findings or r.waived else f'<p class="no-findings">{e(ctx.t("no_findings"))}</p>',
    ]
    if other:
        parts.append(f'<section id="other"><h2>{e(ctx.t("other_findings"))}</h2>')
        parts.append(
            '<div class="findings wide">'
            + "".join(_finding(ctx, f, ids) for f in _worst_first(other))
            + "</div></section>"
        )
    if r.alignment:  # checked alone there is no pair to show: no empty heading
        parts.append(f'<section id="pairs"><h2>{e(ctx.t("relation"))}</h2>')
        for i, pair in enumerate(r.alignment):
            parts.append(_pair(ctx, i, pair, placed.get(i, []), ids))
        parts.append("</section>")
    parts.append(_fixed(ctx, ids))
    parts.append(_waived(ctx, ids))
    return "\n".join(p for p in parts if p)


def _place(ctx: RenderContext) -> tuple[dict[int, list[Finding]], list[Finding]]:
    """Each finding goes beside one pair: the pair of its parent measure, else of its draft measure."""
    by_parent: dict[str, int] = {}
    by_local: dict[str, int] = {}
    for i, pair in enumerate(ctx.report.alignment):
        if pair.parent_item:
            by_parent.setdefault(pair.parent_item, i)
        for ref in pair.local_items:
            by_local.setdefault(ref, i)
    placed: dict[int, list[Finding]] = {}
    other: list[Finding] = []
    for _, _, findings in ctx.groups():
        for f in findings:
            i = by_parent.get(f.parent_item or "", by_local.get(f.local_item or ""))
            if i is None:
                other.append(f)
            else:
                placed.setdefault(i, []).append(f)
    return placed, other


def _header(ctx: RenderContext) -> str:
    s = ctx.report.summary
    t = ctx.t
    counts = {"error": s.errors, "warning": s.warnings, "info": s.infos}
    base = ctx.report.baseline
    result = t(("result_failed" if s.failed else "result_passed") + ("_new" if base else ""), fail_on=s.fail_on)
    cells = (
        "".join(
            f'<div class="count sev-{k}"><b>{counts[k]}</b><span>{e(ctx.sev(k))}</span></div>'
            for k in SEVERITIES
        )
        + f'<div class="count waived"><b>{s.waived}</b><span>{e(t("waived"))}</span></div>'
    )
    if base:
        cells += "".join(
            f'<div class="count bl-{k}"><b>{n}</b><span>{e(t("bl." + k))}</span></div>'
            for k, n in (("new", s.new), ("unchanged", s.unchanged), ("fixed", s.fixed))
        )
    meta = f"<dt>{e(t('draft'))}</dt><dd><code>{e(ctx.relpath(s.draft))}</code></dd>"
    if s.parent:
        parent_title = title_as_written(ctx.parent)
        meta += f"<dt>{e(t('parent'))}</dt><dd>{e(parent_title)} <code>{e(ctx.relpath(s.parent))}</code></dd>"
    if base:
        meta += f"<dt>{e(t('baseline'))}</dt><dd><code>{e(base.path)}</code> (plancheck {e(base.version)})</dd>"
    if s.tracked_changes_accepted:
        meta += f"<dt>{e(t('tracked_changes_label'))}</dt><dd>{e(t('tracked_changes'))}</dd>"
    return (
        f"<header><h1>{e(ctx.draft_title or t('title_untitled'))}</h1>"
        f'<dl class="meta">{meta}<dt>plancheck</dt><dd>{e(ctx.report.version)}</dd></dl>'
        f'<div class="summary"><div class="result {"failed" if s.failed else "passed"}">{e(result)}</div>'
        f'<div class="counts">{cells}</div></div></header>'
    )


def _fix_first(ctx: RenderContext, ids: dict[int, str]) -> str:
    """What to fix first, above everything else: every error, then every warning, each a link to its card."""
    r = ctx.report
    worst = [f for f in _worst_first(r.findings) if f.severity in ("error", "warning")]
    if not worst:
        return ""
    s = r.summary
    items = []
    for f in worst:
        where = ctx.item_heading(f.local_item) if f.local_item else ctx.parent_heading(f.parent_item)
        items.append(
            f'<li class="sev-{f.severity}"><a href="#{ids[id(f)]}"><span class="sev sev-{f.severity}">'
            f"{e(ctx.sev(f.severity))}</span> <span class=\"where\">{e(where or ctx.t('group.front'))}</span> "
            f"{e(f.message)} <code>{e(f.rule)}</code></a></li>"
        )
    rest = f'<p class="rest">{e(ctx.t("fix_first_rest", n=s.infos))}</p>' if s.infos else ""
    return (
        f'<section id="fix-first"><h2>{e(ctx.t("fix_first", errors=s.errors, warnings=s.warnings))}</h2>'
        f'<ol class="fix-first">{"".join(items)}</ol>{rest}</section>'
    )


def _worst(findings: list[Finding]) -> str:
    return next((sev for sev in SEVERITIES if any(f.severity == sev for f in findings)), "")


def _coverage(ctx: RenderContext, placed: dict[int, list[Finding]]) -> str:
    """One tile per parent measure: how the draft carries it, and the count and worst severity of
    its findings (a measure carried word for word can still be wrong)."""
    c = ctx.report.summary.coverage
    rels = ctx.parent_relations()
    if not rels and not c.parent_measures:
        return ""
    anchor = {
        pair.parent_item: i for i, pair in reversed(list(enumerate(ctx.report.alignment))) if pair.parent_item
    }
    found: dict[str, list[Finding]] = {}
    for i, pair in enumerate(ctx.report.alignment):
        if pair.parent_item:
            found.setdefault(pair.parent_item, []).extend(placed.get(i, []))
    legend = "".join(
        f'<span class="chip rel-{k}">{e(ctx.t("rel." + k))} {getattr(c, k)}</span>' for k in COVERAGE_KEYS
    )
    legend += "".join(f'<span class="chip worst-{k}">{e(ctx.sev(k))}</span>' for k in SEVERITIES)
    cells = []
    for ref, heading, key in rels:
        label = ctx.parent_measure(ref).label if ctx.parent_measure(ref) else ref
        fs = found.get(ref, [])
        worst = _worst(fs)
        inner = f"<b>{e(label)}</b><span>{e(heading[len(label) :].strip() if heading.startswith(label) else heading)}</span>"
        rel, why = ctx.not_applicable_why(ref) if key == "not_applicable" else ("", "")
        rel = rel or ctx.t("rel." + key)
        title = f"{heading} · {rel}" + (f"（{why}）" if why and ctx.lang == "zh" else f" ({why})" if why else "")
        if fs:
            title += " · " + ctx.t("findings_worst", n=len(fs), worst=ctx.sev(worst))
            inner += f'<em class="n sev-{worst}">{len(fs)}</em>'
        if ref in anchor:
            inner = f'<a href="#pair-{anchor[ref]}">{inner}</a>'
        cls = f"rel-{key}" + (f" worst-{worst}" if worst else "")
        note = f'<small class="why">{e(why)}</small>' if why else ""
        label = f'<i class="na">{e(rel)}</i>' if why else f"<i>{e(rel)}</i>"  # a long label flows above its reason
        cells.append(f'<li class="{cls}" title="{e(title)}">{inner}{label}{note}</li>')
    return (
        f'<section id="coverage"><h2>{e(ctx.t("coverage"))} '
        f"<small>{e(ctx.t('coverage_total', n=c.parent_measures or len(rels)))}</small></h2>"
        f'<p class="legend">{legend}</p><ul class="grid">{"".join(cells)}</ul></section>'
    )


def _filters(ctx: RenderContext) -> str:
    """Filters by severity and by the rule ids the cards show (the check kind as a tooltip)."""
    r = ctx.report
    sev = "".join(
        f'<label class="sev-{k}"><input type="checkbox" data-f="sev" value="{k}" checked> {e(ctx.sev(k))}</label>'
        for k in SEVERITIES
    )
    rules: dict[str, str] = {}
    for f in sorted([*r.findings, *r.waived], key=lambda f: f.rule):
        rules.setdefault(f.rule, f.check)
    chk = "".join(
        f'<label title="{e(ctx.rules.get(rule) or check)}"><input type="checkbox" data-f="rule" value="{e(rule)}" checked> '
        f"{e(rule)}</label>"
        for rule, check in rules.items()
    )
    only = f'<label><input type="checkbox" id="only"> {e(ctx.t("only_with_findings"))}</label>'
    if ctx.report.baseline:
        only += f'<label><input type="checkbox" id="only-new"> {e(ctx.t("only_new"))}</label>'
    return (
        f'<form class="filters" hidden><b>{e(ctx.t("filters"))}</b>'
        f"<fieldset>{sev}</fieldset><fieldset>{chk}</fieldset><fieldset>{only}</fieldset></form>"
    )


def waiver_item(f: Finding) -> str:
    """The `item` a waiver for this finding names (findings.py matches it the same way)."""
    if f.local_item:
        return f.local_item
    return f"parent:{f.parent_item}" if f.parent_item else ""


def _finding(ctx: RenderContext, f: Finding, ids: dict[int, str], waived: bool = False, fixed: bool = False) -> str:
    t = ctx.t
    state = "fixed" if fixed else f.baseline
    badge = f'<span class="bl bl-{state}">{e(t("bl." + state))}</span> ' if state else ""
    where = (f.local_item or "") if fixed else ctx.location(f)  # a fixed finding's place is the baseline's
    rows = [
        f'<div class="fhead">{badge}<span class="sev sev-{f.severity}">{e(ctx.sev(f.severity))}</span> '
        f'<code>{e(f.rule)}</code> <span class="loc">{e(where)}</span></div>',
        f'<p class="msg">{e(f.message)}</p>',
    ]
    if f.evidence.local:
        rows.append(f'<p><span class="k">{e(t("quote") + ctx.colon)}</span><q>{e(f.evidence.local)}</q></p>')
    if f.parent_item or f.evidence.parent:
        head = ctx.parent_heading(f.parent_item)
        quote = f"<q>{e(f.evidence.parent)}</q>" if f.evidence.parent else ""
        rows.append(f'<p><span class="k">{e(t("basis") + ctx.colon)}</span>{e(head)} {quote}</p>')
    if f.suggestion:
        rows.append(f'<p><span class="k">{e(t("suggestion") + ctx.colon)}</span>{e(f.suggestion)}</p>')
    if waived and f.waiver:
        w = f.waiver
        exp = t("waiver_expires", date=w.expires) if w.expires else ""
        rows.append(
            f'<p class="waiver">{e(t("waiver_reason", reason=w.reason, approver=w.approver, expires=exp))}</p>'
        )
    cls = f"finding sev-{f.severity}" + (" is-waived" if waived else "") + (" is-fixed" if fixed else "")
    data = f' data-baseline="{state}"' if state else ""
    return (
        f'<div class="{cls}" id="{ids[id(f)]}" data-severity="{f.severity}" data-check="{e(f.check)}" '
        f'data-rule="{e(f.rule)}" data-item="{e(waiver_item(f))}"{data}>{"".join(rows)}</div>'
    )


def _marked(text: str, quotes: list[str]) -> str:
    """Escaped text with each finding's quoted words marked, so the spot shows in the draft column."""
    spans: list[tuple[int, int]] = []
    for q in quotes:
        k = text.find(q) if q else -1
        if k >= 0 and not any(a < k + len(q) and k < b for a, b in spans):
            spans.append((k, k + len(q)))
    out, pos = [], 0
    for a, b in sorted(spans):
        out.append(e(text[pos:a]) + f"<mark>{e(text[a:b])}</mark>")
        pos = b
    return "".join(out) + e(text[pos:])


def _same_but_not_quite(c: ClausePair) -> list:  # type: ignore[type-arg]
    """The word diff of a clause aligned as "same" whose words still differ (a word dropped in copying
    reads as the same clause to the aligner, but a reader must see it)."""
    if c.relation != "same" or not c.parent_text or not c.local_text:
        return []
    squash = lambda t: "".join(unicodedata.normalize("NFKC", t).split())  # noqa: E731
    if squash(c.parent_text) == squash(c.local_text):
        return []
    from engine.align.diff import char_diff

    return char_diff(c.parent_text, c.local_text)


def _parent_clause(c: ClausePair) -> str:
    if c.parent_text is None:
        return ""
    if c.relation == "dropped":
        return f'<del class="dropped">{e(c.parent_text)}</del>'
    if diff := _same_but_not_quite(c):
        out = [e(op.parent) if op.op == "equal" else f"<del>{e(op.parent)}</del>" for op in diff if op.parent]
        return f'<span class="clause same">{"".join(out)}</span>'
    if c.relation == "changed" and c.diff:
        out = []
        for op in c.diff:
            if op.op == "equal":
                out.append(e(op.parent))
            elif op.op in ("delete", "replace") and op.parent:
                out.append(f"<del>{e(op.parent)}</del>")
        return f'<span class="clause changed">{"".join(out)}</span>'
    cls = "changed" if c.relation == "changed" else "same"
    return f'<span class="clause {cls}">{e(c.parent_text)}</span>'


def _local_clause(c: ClausePair, quotes: list[str]) -> str:
    if c.local_text is None:
        return ""
    if c.relation == "added":
        return f'<ins class="added">{_marked(c.local_text, quotes)}</ins>'
    if diff := _same_but_not_quite(c):
        out = [e(op.local) if op.op == "equal" else f"<ins>{e(op.local)}</ins>" for op in diff if op.local]
        return f'<span class="clause same">{"".join(out)}</span>'
    if c.relation == "changed" and c.diff:
        out = []
        for op in c.diff:
            if op.op == "equal":
                out.append(e(op.local))
            elif op.op in ("insert", "replace") and op.local:
                out.append(f"<ins>{e(op.local)}</ins>")
        return f'<span class="clause changed">{"".join(out)}</span>'
    cls = "changed" if c.relation == "changed" else "same"
    return f'<span class="clause {cls}">{_marked(c.local_text, quotes)}</span>'


def _pair(ctx: RenderContext, i: int, pair: AlignmentPair, findings: list[Finding], ids: dict[int, str]) -> str:
    key = REL_CLASS.get(pair.relation, pair.relation)
    rel, why = ctx.not_applicable_why(pair.parent_item) if key == "missing" and pair.parent_item else ("", "")
    key = "not_applicable" if rel else key  # a measure the draft need not carry: not a gap, folded
    pm = ctx.parent_measure(pair.parent_item)
    quotes = [f.evidence.local for f in findings if f.evidence.local]
    # parent column
    if pair.parent_item:
        head = ctx.parent_heading(pair.parent_item)
        if pair.clauses:
            body = "".join(
                _parent_clause(c)
                for c in sorted(
                    (c for c in pair.clauses if c.parent_text is not None), key=lambda c: c.parent_index or 0
                )
            )
        elif pm is not None:
            body = f'<del class="dropped">{e(pm.text)}</del>' if pair.relation == "dropped" else e(pm.text)
        else:
            body = ""
        parent_col = f'<div class="col parent"><h4>{e(head)}</h4><p>{body}</p></div>'
    else:
        parent_col = f'<div class="col parent empty"><h4>{e(ctx.t("parent"))}</h4><p>—</p></div>'
    # draft column
    order = {ref: k for k, ref in enumerate(pair.local_items)}
    if pair.local_items:
        heads = "；".join(ctx.item_heading(ref) for ref in pair.local_items)
        if pair.clauses:
            cl = sorted(
                (c for c in pair.clauses if c.local_text is not None),
                key=lambda c: (order.get(c.local_item or "", 0), c.local_index or 0),
            )
            body = "".join(_local_clause(c, quotes) for c in cl)
        else:
            body = "".join(f"<span>{_marked(ctx.item_text(ref), quotes)}</span>" for ref in pair.local_items)
        if pair.relation == "added":
            body = f'<ins class="added">{body}</ins>'
        draft_col = f'<div class="col draft"><h4>{e(heads)}</h4><p>{body}</p></div>'
    else:
        draft_col = f'<div class="col draft empty"><h4>{e(ctx.t("draft"))}</h4><p>—</p></div>'
    fcol = f'<div class="findings">{"".join(_finding(ctx, f, ids) for f in findings)}</div>' if findings else ""
    title = " ↔ ".join(
        x
        for x in (
            ctx.parent_heading(pair.parent_item),
            "；".join(ctx.item_heading(r) for r in pair.local_items),
        )
        if x
    )
    changed = any(c.relation != "same" for c in pair.clauses)
    # quiet pairs (nothing found, nothing changed) start folded; JS opens every pair before printing
    opened = " open" if findings or changed or key in ("missing", "added") else ""
    worst = _worst(findings)
    counts = (
        f' <span class="fcount sev-{worst}">{e(ctx.t("findings_count", n=len(findings)))}</span>' if findings else ""
    )
    return (
        f'<details class="pair pair-{key}" id="pair-{i}" data-findings="{len(findings)}"{opened}>'
        f'<summary><span class="chip rel-{key}">{e(rel or ctx.t("rel." + key))}</span> <b>{e(title)}</b>{counts}'
        + (f' <small class="why">{e(why)}</small>' if why else "")
        + f'</summary><div class="cols">{parent_col}{draft_col}{fcol}</div></details>'
    )


def _fixed(ctx: RenderContext, ids: dict[int, str]) -> str:
    if not ctx.report.fixed:
        return ""
    items = "".join(_finding(ctx, f, ids, fixed=True) for f in ctx.report.fixed)
    return f'<section id="fixed"><h2>{e(ctx.t("fixed_findings"))}</h2><div class="findings wide">{items}</div></section>'


def _waived(ctx: RenderContext, ids: dict[int, str]) -> str:
    r = ctx.report
    out = []
    if r.waived:
        out.append(f'<section id="waived"><h2>{e(ctx.t("waived_findings"))}</h2><div class="findings wide">')
        out += [_finding(ctx, f, ids, waived=True) for f in r.waived]
        out.append("</div></section>")
    if r.waiver_problems:
        out.append(f'<section id="waiver-problems"><h2>{e(ctx.t("waiver_problems"))}</h2><ul>')
        for p in r.waiver_problems:
            target = " ".join(x for x in (p.waiver.rule, p.waiver.check, p.waiver.item, p.waiver.fingerprint) if x)
            out.append(f"<li><b>{e(ctx.t('wp.' + p.kind))}</b> <code>{e(target)}</code> {e(p.message)}</li>")
        out.append("</ul></section>")
    return "".join(out)


# text-spacing-trim: Chromium (123+) squeezes a full-width bracket next to a quotation mark to half its width,
# so “（一）” looked like “(一)” beside it in a finding about the two widths: every mark keeps its full width,
# as Chinese official documents are set (GB/T 15834—2011, GB/T 9704—2012)
CSS = """
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--ok:#2e7d32;--line:#d8dde3;--muted:#5f6b76}
*{box-sizing:border-box}
body{text-spacing-trim:space-all;margin:0 auto;max-width:1500px;padding:16px 24px;font:15px/1.65 "Noto Sans CJK SC","Source Han Sans SC",
"Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif;color:#1d252c;background:#fff}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:24px 0 8px;border-bottom:2px solid var(--line)}
h2 small{font-weight:normal;color:var(--muted);font-size:14px}
h3{font-size:15px;margin:0 0 6px}h4{font-size:14px;margin:0 0 4px;color:var(--muted)}
code{font-family:ui-monospace,Consolas,monospace;font-size:13px;background:#f2f4f6;padding:0 3px;border-radius:3px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 8px}.meta dt{color:var(--muted)}.meta dd{margin:0}
.summary{display:flex;flex-wrap:wrap;gap:12px;align-items:center}
.result{font-weight:bold;padding:6px 12px;border-radius:4px}.result.failed{background:#fdecea;color:var(--err)}
.result.passed{background:#e8f5e9;color:var(--ok)}
.counts{display:flex;gap:8px}.count{border:1px solid var(--line);border-radius:4px;padding:2px 12px;text-align:center}
.count b{display:block;font-size:20px}.count span{font-size:12px;color:var(--muted)}
.count.sev-error b{color:var(--err)}.count.sev-warning b{color:var(--warn)}.count.sev-info b{color:var(--info)}
.chip{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:normal;margin-right:4px}
.grid{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:6px}
.grid li{border-radius:4px;padding:4px 8px;font-size:13px;line-height:1.4;min-height:52px;position:relative}
.grid li a{color:inherit;text-decoration:none;display:block}.grid li b{margin-right:4px}
.grid li span{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.grid li i{position:absolute;right:6px;top:3px;font-style:normal;font-size:11px;opacity:.8}
.grid li i.na{position:static;display:block;margin-top:2px}.grid li small.why{display:block;font-size:11px;color:#555}
.rel-carried{background:#e3f3e5;color:#1b5e20}.rel-adapted{background:#e0f2f1;color:#00564d}
.rel-merged,.rel-split{background:#e3ecfa;color:#0d3c8c}.rel-general{background:#eceff1;color:#37474f}
.rel-not_applicable{background:repeating-linear-gradient(45deg,#f4f4f4,#f4f4f4 6px,#e6e6e6 6px,#e6e6e6 12px);color:#555}
.rel-missing{background:#fdecea;color:#9b1c1c;outline:1px solid #f3b7b2}.rel-added{background:#fff6db;color:#6d4c00}
.filters{position:sticky;top:0;z-index:2;background:#fafbfc;border:1px solid var(--line);border-radius:4px;
padding:6px 10px;margin:16px 0;display:flex;flex-wrap:wrap;gap:4px 16px;align-items:center}
.filters[hidden]{display:none}.no-findings{margin:16px 0;padding:10px 14px;background:#e8f5e9;border-radius:4px;color:#1b5e20}.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:2px 10px}
.pair{border:1px solid var(--line);border-left:6px solid #ccc;border-radius:4px;padding:8px 12px;margin:10px 0}
.pair-carried{border-left-color:var(--ok)}.pair-missing{border-left-color:var(--err)}
.pair-adapted{border-left-color:#00897b}.pair-merged,.pair-split{border-left-color:#1e63c6}
.pair-added{border-left-color:#e0a800}.pair-not_applicable{border-left-color:#9e9e9e}
.cols{display:grid;grid-template-columns:1fr 1fr minmax(260px,.9fr);gap:14px;margin-top:6px}
.pair[data-findings="0"] .cols{grid-template-columns:1fr 1fr}
.pair>summary{cursor:pointer;font-size:15px}.pair>summary b{font-weight:600}
.pair>summary small{color:var(--muted)}.fcount{color:var(--err);font-size:13px;margin-left:6px}
.col p{margin:0;white-space:pre-wrap}.col.empty p{color:var(--muted)}
del{background:#fdecea;color:#9b1c1c;text-decoration:line-through}
ins{background:#e3f6e5;color:#17561c;text-decoration:none;border-bottom:1px solid #7cc383}
del.dropped{display:block;margin:2px 0}ins.added{display:block;margin:2px 0}
.findings{display:flex;flex-direction:column;gap:6px}.findings.wide{max-width:900px}
.finding{border:1px solid var(--line);border-left:4px solid var(--info);border-radius:3px;padding:4px 8px;font-size:13.5px;background:#fcfcfd}
.finding.sev-error{border-left-color:var(--err)}.finding.sev-warning{border-left-color:var(--warn)}
.finding p{margin:2px 0}.finding .msg{font-weight:600}.finding .k{color:var(--muted);margin-right:6px}
.finding .loc{color:var(--muted);font-size:12px}.finding.is-waived{opacity:.75}
.sev{color:#fff;border-radius:3px;padding:0 5px;font-size:12px}.sev.sev-error{background:var(--err)}
.sev.sev-warning{background:var(--warn)}.sev.sev-info{background:var(--info)}
.waiver{color:var(--muted)}
#fix-first h2{color:var(--err)}.fix-first{margin:0;padding-left:2em}.fix-first li{margin:2px 0}
.fix-first a{color:inherit;text-decoration:none}.fix-first a:hover{text-decoration:underline}
.fix-first .where{color:var(--muted)}.fix-first code{font-size:12px}.rest{color:var(--muted);margin:4px 0}
.grid li{background:#fff;color:#37474f;border:1px solid var(--line)}
.grid li.worst-error,.chip.worst-error{background:#fdecea;color:#9b1c1c;border-color:#e8a19b}
.grid li.worst-warning,.chip.worst-warning{background:#fff4e0;color:#7a4a00;border-color:#f0c78a}
.grid li.worst-info,.chip.worst-info{background:#e8f0fb;color:#0d3c8c;border-color:#a9c3ec}
.grid li.rel-missing{outline:2px solid #e8a19b}.grid li.rel-not_applicable:not([class*=worst]){color:#555}
.grid li em.n{position:absolute;right:6px;bottom:3px;font-style:normal;font-weight:bold;font-size:12px;
color:#fff;border-radius:8px;padding:0 6px}.n.sev-error{background:var(--err)}.n.sev-warning{background:var(--warn)}
.n.sev-info{background:var(--info)}mark{background:#ffe58f;padding:0 1px}
.finding:target{box-shadow:0 0 0 3px #ffd54f}.finding,.pair{scroll-margin-top:140px}
.fcount.sev-warning{color:var(--warn)}.fcount.sev-info{color:var(--info)}[hidden]{display:none!important}
.bl{border-radius:3px;padding:0 5px;font-size:12px;border:1px solid}.bl-new{color:#8a1c7c;border-color:#8a1c7c;background:#fbeef9}
.bl-unchanged{color:var(--muted);border-color:var(--line)}.bl-fixed{color:var(--ok);border-color:var(--ok);background:#e8f5e9}
.count.bl-new b{color:#8a1c7c}.count.bl-fixed b{color:var(--ok)}.finding.is-fixed{opacity:.8;border-left-color:var(--ok)}
@media (max-width:900px){.cols{grid-template-columns:1fr}}
@media print{body{max-width:none;padding:0;font-size:11pt}.filters{display:none!important}
.pair,.finding,.grid li,tr{break-inside:avoid;page-break-inside:avoid}h2,h3{break-after:avoid}
.cols{grid-template-columns:1fr 1fr .9fr}.pair[data-findings="0"] .cols{grid-template-columns:1fr 1fr}
a{color:inherit;text-decoration:none}}
"""

JS = """
(function(){
var form=document.querySelector('.filters');if(!form)return;form.hidden=false;
function apply(){
  var on={sev:{},rule:{}};
  form.querySelectorAll('input[data-f]').forEach(function(b){if(b.checked)on[b.dataset.f][b.value]=1;});
  var nw=document.getElementById('only-new'),onlyNew=nw&&nw.checked;
  document.querySelectorAll('.finding').forEach(function(el){
    el.hidden=!(on.sev[el.dataset.severity]&&on.rule[el.dataset.rule])||(onlyNew&&el.dataset.baseline!=='new');});
  var only=document.getElementById('only').checked;
  document.querySelectorAll('.pair').forEach(function(p){
    p.hidden=only&&!p.querySelector('.finding:not([hidden])');});
}
form.addEventListener('change',apply);apply();
window.addEventListener('beforeprint',function(){
  document.querySelectorAll('details.pair').forEach(function(d){d.open=true;});});
function reveal(a){var el=document.querySelector(a.getAttribute('href'));
  for(var d=el;d;d=d.parentElement){if(d.tagName==='DETAILS')d.open=true;}}
document.querySelectorAll('#coverage a,#fix-first a').forEach(function(a){
  a.addEventListener('click',function(){reveal(a);});});
if(location.hash.length>1){var t=document.querySelector('a[href="'+location.hash+'"]');if(t)reveal(t);}
})();
"""
