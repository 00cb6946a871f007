"""`plancheck diff` as text, JSON or one self-contained HTML page (no network, text escaped).

The page is what an office reads before the next round of comments: what the drafters changed, which
comments were dealt with (fixed), which remain (still open) and which are new. Unchanged measures
are counted, not listed; renumbered ones are one line of old → new numbers.
"""

from __future__ import annotations

import json
from html import escape

from engine.models import DiffOp, DiffReport, Finding, MeasureChange
from engine.report.base import label, wrap

FORMATS = ("text", "json", "html")
WIDTH = 80


def render_diff(report: DiffReport, fmt: str, lang: str) -> bytes:
    if fmt == "json":
        return (json.dumps(report.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, indent=2) + "\n").encode()
    if fmt == "html":
        return _html(report, lang).encode("utf-8")
    return ("\n".join(_text(report, lang)).rstrip("\n") + "\n").encode("utf-8")


def _t(lang: str, key: str, **fields: object) -> str:
    return label(key, lang, **fields)


def _colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def _listed(report: DiffReport) -> list[MeasureChange]:
    return [m for m in report.measures if m.change in ("inserted", "removed", "changed")]


def _renumbered(report: DiffReport) -> str:
    """'1–47→2–48、(三)→(四)': runs of arabic numbers moved by one step are one range."""
    runs: list[list[tuple[str, str]]] = []
    for m in report.measures:
        if not m.renumbered:
            continue
        a, b = m.old_item or "", m.new_item or ""
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and a.isdigit() and b.isdigit() and last[0].isdigit() and last[1].isdigit()
            and int(a) == int(last[0]) + 1 and int(b) == int(last[1]) + 1
        ):
            runs[-1].append((a, b))
        else:
            runs.append([(a, b)])
    return "、".join(
        f"{r[0][0]}→{r[0][1]}" if len(r) == 1 else f"{r[0][0]}–{r[-1][0]}→{r[0][1]}–{r[-1][1]}" for r in runs
    )


def _counts(report: DiffReport, lang: str) -> tuple[str, str]:
    s = report.summary
    measures = _t(lang, "diff_counts", inserted=s.inserted, removed=s.removed, renumbered=s.renumbered,
                  changed=s.changed, unchanged=s.unchanged)
    findings = _t(lang, "diff_findings", new=s.new_findings, still_open=s.still_open, fixed=s.fixed)
    return measures, findings


def _item(m: MeasureChange) -> str:
    if m.change == "removed":
        return m.old_item or ""
    if m.old_item and m.new_item and m.old_item != m.new_item:
        return f"{m.old_item}→{m.new_item}"
    return m.new_item or ""


# --------------------------------------------------------------------------- text


def _text(report: DiffReport, lang: str) -> list[str]:
    s, c = report.summary, _colon(lang)
    out = wrap(f"plancheck {report.version} · {_t(lang, 'diff_title')}", WIDTH)
    out += wrap(f"{_t(lang, 'old_version')}{c}{s.old}", WIDTH)
    out += wrap(f"{_t(lang, 'new_version')}{c}{s.new}", WIDTH)
    if s.parent:
        out += wrap(f"{_t(lang, 'parent')}{c}{s.parent}", WIDTH)
    out += ["", _t(lang, "measure_changes"), "─" * 40]
    listed = _listed(report)
    if not listed and not s.renumbered:
        out.append("  " + _t(lang, "no_measure_changes"))
    for m in listed:
        notes = [_t(lang, "line", line=m.new_line or m.old_line)]
        if m.change == "changed":
            notes.append(_t(lang, "similarity", n=m.similarity))
        note = "，".join(notes) if lang == "zh" else ", ".join(notes)
        head = f"[{_t(lang, 'ch.' + m.change)}] {_item(m)} {m.title}" + (f"（{note}）" if lang == "zh" else f" ({note})")
        out += wrap(head, WIDTH, "    ", "  ")
        for op in m.diff:
            if op.op != "equal" and m.change == "changed":
                out += wrap(_op_text(op, lang), WIDTH, "      ", "    ")
    if s.renumbered:
        out += wrap(_t(lang, "renumbered_list", n=s.renumbered, pairs=_renumbered(report)), WIDTH, "    ", "  ")
    new = [f for f in report.findings if f.baseline == "new"]
    still = [f for f in report.findings if f.baseline == "unchanged"]
    for key, fs in (("new_findings", new), ("fixed_findings", report.fixed), ("still_open", still)):
        out += ["", f"{_t(lang, key)}（{len(fs)}）" if lang == "zh" else f"{_t(lang, key)} ({len(fs)})", "─" * 40]
        for f in fs:
            out += _finding_text(f, lang)
    m_line, f_line = _counts(report, lang)
    result = "result_failed_new" if s.failed else "result_passed_new"
    out += ["", _t(lang, "summary"), "═" * 40]
    out += wrap(m_line, WIDTH, "    ", "  ") + wrap(f_line, WIDTH, "    ", "  ")
    out += wrap(_t(lang, result, fail_on=s.fail_on), WIDTH, "  ", "  ")
    return out


def _op_text(op: DiffOp, lang: str) -> str:
    if op.op == "delete":
        return f"- {op.parent}"
    if op.op == "insert":
        return f"+ {op.local}"
    return f"~ {op.parent} → {op.local}"


def _finding_text(f: Finding, lang: str) -> list[str]:
    where = f"{f.local_item}  " if f.local_item else ""
    head = f"{where}[{_t(lang, 'sev.' + f.severity)}] {f.rule}"
    lines = wrap(head, WIDTH, "    ", "  ") + wrap(f.message, WIDTH, "    ", "    ")
    if f.evidence.local:
        lines += wrap(f"{_t(lang, 'quote')}{_colon(lang)}“{f.evidence.local}”", WIDTH, "      ", "    ")
    return lines


# --------------------------------------------------------------------------- html


def e(s: object) -> str:
    return escape(str(s if s is not None else ""), quote=True)


def _html(report: DiffReport, lang: str) -> str:
    s = report.summary
    m_line, f_line = _counts(report, lang)
    result = _t(lang, "result_failed_new" if s.failed else "result_passed_new", fail_on=s.fail_on)
    meta = "".join(
        f"<dt>{e(_t(lang, k))}</dt><dd><code>{e(v)}</code></dd>"
        for k, v in (("old_version", s.old), ("new_version", s.new), ("parent", s.parent))
        if v
    )
    counts = "".join(
        f'<div class="count {cls}"><b>{n}</b><span>{e(_t(lang, key))}</span></div>'
        for cls, n, key in (
            ("bl-new", s.new_findings, "bl.new"),
            ("bl-unchanged", s.still_open, "bl.unchanged"),
            ("bl-fixed", s.fixed, "bl.fixed"),
            ("ch", s.inserted, "ch.inserted"),
            ("ch", s.removed, "ch.removed"),
            ("ch", s.changed, "ch.changed"),
            ("ch", s.renumbered, "ch.renumbered"),
        )
    )
    rows = []
    for m in _listed(report):
        body = "".join(_op_html(op) for op in m.diff) if m.diff else ""
        sim = f" <small>{e(_t(lang, 'similarity', n=m.similarity))}</small>" if m.change == "changed" else ""
        rows.append(
            f'<tr class="ch-{m.change}"><td><span class="chip ch-{m.change}">{e(_t(lang, "ch." + m.change))}</span></td>'
            f"<td>{e(_item(m))}</td><td><b>{e(m.title)}</b>{sim}<div class=\"diff\">{body}</div></td></tr>"
        )
    table = (
        f'<table><tbody>{"".join(rows)}</tbody></table>' if rows else f"<p>{e(_t(lang, 'no_measure_changes'))}</p>"
    )
    if s.renumbered:
        table += f'<p class="renumbered">{e(_t(lang, "renumbered_list", n=s.renumbered, pairs=_renumbered(report)))}</p>'
    new = [f for f in report.findings if f.baseline == "new"]
    still = [f for f in report.findings if f.baseline == "unchanged"]
    sections = "".join(
        f'<section id="{sid}"><h2>{e(_t(lang, key))} <small>{len(fs)}</small></h2>'
        + (f"<details><summary>{e(_t(lang, key))}</summary>" if fs and sid == "still-open" else "")
        + "".join(_finding_html(f, state, lang) for f in fs)
        + ("</details>" if fs and sid == "still-open" else "")
        + "</section>"
        for sid, key, fs, state in (
            ("new", "new_findings", new, "new"),
            ("fixed", "fixed_findings", report.fixed, "fixed"),
            ("still-open", "still_open", still, "unchanged"),
        )
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>plancheck · {e(_t(lang, 'diff_title'))} · {e(s.new)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{e(_t(lang, 'diff_title'))}</h1><dl class=\"meta\">{meta}"
        f"<dt>plancheck</dt><dd>{e(report.version)}</dd></dl>"
        f'<div class="summary"><div class="result {"failed" if s.failed else "passed"}">{e(result)}</div>'
        f'<div class="counts">{counts}</div></div><p class="muted">{e(m_line)}<br>{e(f_line)}</p></header>'
        f'<section id="measures"><h2>{e(_t(lang, "measure_changes"))}</h2>{table}</section>'
        f"{sections}</body></html>\n"
    )


def _op_html(op: DiffOp) -> str:
    if op.op == "equal":
        return e(op.local)
    out = f"<del>{e(op.parent)}</del>" if op.parent and op.op in ("delete", "replace") else ""
    return out + (f"<ins>{e(op.local)}</ins>" if op.local and op.op in ("insert", "replace") else "")


def _finding_html(f: Finding, state: str, lang: str) -> str:
    rows = [
        f'<div class="fhead"><span class="bl bl-{state}">{e(_t(lang, "bl." + state))}</span> '
        f'<span class="sev sev-{f.severity}">{e(_t(lang, "sev." + f.severity))}</span> '
        f'<code>{e(f.rule)}</code> <span class="loc">{e(f.local_item or f.parent_item or "")}</span></div>',
        f'<p class="msg">{e(f.message)}</p>',
    ]
    if f.evidence.local:
        rows.append(f'<p><span class="k">{e(_t(lang, "quote"))}{_colon(lang)}</span><q>{e(f.evidence.local)}</q></p>')
    if f.suggestion:
        rows.append(f'<p><span class="k">{e(_t(lang, "suggestion"))}{_colon(lang)}</span>{e(f.suggestion)}</p>')
    return f'<div class="finding sev-{f.severity}">{"".join(rows)}</div>'


CSS = """
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--ok:#2e7d32;--line:#d8dde3;--muted:#5f6b76;--new:#8a1c7c}
*{box-sizing:border-box}
body{text-spacing-trim:space-all;margin:0 auto;max-width:1200px;padding:16px 24px;font:15px/1.65 "Noto Sans CJK SC","Source Han Sans SC",
"Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif;color:#1d252c;background:#fff}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:24px 0 8px;border-bottom:2px solid var(--line)}
h2 small{font-weight:normal;color:var(--muted);font-size:14px}
code{font-family:ui-monospace,Consolas,monospace;font-size:13px;background:#f2f4f6;padding:0 3px;border-radius:3px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 8px}.meta dt{color:var(--muted)}.meta dd{margin:0}
.summary{display:flex;flex-wrap:wrap;gap:12px;align-items:center}.muted{color:var(--muted)}
.result{font-weight:bold;padding:6px 12px;border-radius:4px}.result.failed{background:#fdecea;color:var(--err)}
.result.passed{background:#e8f5e9;color:var(--ok)}
.counts{display:flex;flex-wrap:wrap;gap:8px}.count{border:1px solid var(--line);border-radius:4px;padding:2px 12px;text-align:center}
.count b{display:block;font-size:20px}.count span{font-size:12px;color:var(--muted)}
.count.bl-new b{color:var(--new)}.count.bl-fixed b{color:var(--ok)}
table{border-collapse:collapse;width:100%}td{border-top:1px solid var(--line);padding:6px 8px;vertical-align:top}
td:nth-child(2){white-space:nowrap;color:var(--muted)}td small{color:var(--muted);font-weight:normal}
.chip{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;white-space:nowrap}
.ch-inserted{background:#fff6db;color:#6d4c00}.ch-removed{background:#fdecea;color:#9b1c1c}
.ch-changed{background:#e3ecfa;color:#0d3c8c}.diff{margin-top:4px;font-size:14px}.renumbered{color:var(--muted);font-size:13px}
del{background:#fdecea;color:#9b1c1c;text-decoration:line-through}
ins{background:#e3f6e5;color:#17561c;text-decoration:none;border-bottom:1px solid #7cc383}
details>summary{cursor:pointer;color:var(--muted);font-size:13px;margin-bottom:6px}
.finding{border:1px solid var(--line);border-left:4px solid var(--info);border-radius:3px;padding:4px 8px;margin:6px 0;font-size:13.5px;background:#fcfcfd;max-width:900px}
.finding.sev-error{border-left-color:var(--err)}.finding.sev-warning{border-left-color:var(--warn)}
.finding p{margin:2px 0}.finding .msg{font-weight:600}.finding .k{color:var(--muted);margin-right:6px}.loc{color:var(--muted);font-size:12px}
.sev{color:#fff;border-radius:3px;padding:0 5px;font-size:12px}.sev.sev-error{background:var(--err)}
.sev.sev-warning{background:var(--warn)}.sev.sev-info{background:var(--info)}
.bl{border-radius:3px;padding:0 5px;font-size:12px;border:1px solid}.bl-new{color:var(--new);border-color:var(--new);background:#fbeef9}
.bl-unchanged{color:var(--muted);border-color:var(--line)}.bl-fixed{color:var(--ok);border-color:var(--ok);background:#e8f5e9}
#fixed .finding{border-left-color:var(--ok);opacity:.85}
@media print{body{max-width:none;padding:0;font-size:11pt}details{display:block}.finding,tr{break-inside:avoid}}
"""
