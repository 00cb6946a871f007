"""`plancheck parse --format tree`: the plan as a reader checks it — sections, measures, units,
deadlines, targets — one line each, indented by depth."""

from __future__ import annotations

from engine.models import Measure, Plan

_LABELS = {
    "zh": {
        "title": "标题", "jurisdiction": "地区", "level": "层级", "doc_number": "文号", "date": "日期",
        "draft": "征求意见稿", "cited": "引用", "measures": "措施", "lead": "牵头", "support": "配合",
        "deadline": "期限", "target": "指标", "none": "（无）", "line": "行", "yes": "是", "no": "否", "document": "文件",
    },
    "en": {
        "title": "title", "jurisdiction": "jurisdiction", "level": "level", "doc_number": "doc no.",
        "date": "date", "draft": "draft for comment", "cited": "cites", "measures": "measures",
        "lead": "lead", "support": "support", "deadline": "deadline", "target": "target", "none": "(none)",
        "line": "line", "yes": "yes", "no": "no", "document": "document",
    },
}


def render_tree(plan: Plan, lang: str = "zh") -> str:
    t = _LABELS.get(lang, _LABELS["zh"])
    out = [
        f"{t['title']}: {plan.title or t['none']}",
        f"{t['jurisdiction']}: {plan.jurisdiction or t['none']}"
        + (f" ({plan.parent_jurisdiction})" if plan.parent_jurisdiction else "")
        + f"  {t['level']}: {plan.level}",
    ]
    if plan.doc_number:
        out.append(f"{t['doc_number']}: {plan.doc_number}")
    if plan.date:
        out.append(f"{t['date']}: {plan.date}")
    out.append(f"{t['draft']}: {t['yes'] if plan.is_draft else t['no']}")
    for c in plan.cited:
        out.append(f"{t['cited']}: 《{c}》")
    out.append(f"{t['measures']}: {len(plan.measures)}")
    out.append("")
    sections = {(s.document, *s.path, s.label): s for s in plan.sections}
    shown: set[tuple[object, ...]] = set()
    doc = -1
    for m in plan.measures:
        if plan.documents and m.document != doc:  # a notice issuing several: each under its title
            doc = m.document
            out.append(f"{t['document']} {doc + 1}: {plan.documents[doc]}")
        for depth in range(1, len(m.path) + 1):
            key = (m.document, *m.path[:depth])
            if key not in shown and key in sections:
                shown.add(key)
                s = sections[key]
                out.append(f"{'  ' * (depth - 1)}{s.label} {s.title}")
        out.extend(_measure_lines(m, t))
    return "\n".join(out) + "\n"


def _measure_lines(m: Measure, t: dict[str, str]) -> list[str]:
    pad = "  " * (len(m.path) + (1 if m.parent_measure else 0))
    lines = [f"{pad}{m.label} {m.title}  [{t['line']} {m.line}]"]
    if m.lead_units or m.support_units:
        lines.append(f"{pad}    {t['lead']}: {'、'.join(m.lead_units) or t['none']}"
                     + (f"  {t['support']}: {'、'.join(m.support_units)}" if m.support_units else ""))
    for d in m.deadlines:
        lines.append(f"{pad}    {t['deadline']}: {d.text} → {d.kind} {d.date or d.month_day or d.recurrence or ''}".rstrip())
    for g in m.targets:
        lines.append(f"{pad}    {t['target']}: {g.text} → {g.comparator} {g.value:g}{g.unit}")
    return lines
