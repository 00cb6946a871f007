"""A plain-text table of an alignment, one row per parent measure, for `plancheck align`.

Columns are padded by display width (CJK characters take two columns), so the table lines up in a
terminal.
"""

from __future__ import annotations

import unicodedata

from engine.models import Alignment, Plan

_TITLE_WIDTH = 28


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def clip(text: str, limit: int) -> str:
    if width(text) <= limit:
        return text
    out = ""
    for ch in text:
        if width(out + ch) > limit - 1:
            break
        out += ch
    return out + "…"


def pad(text: str, limit: int) -> str:
    return text + " " * max(limit - width(text), 0)


def format_table(alignment: Alignment, parent: Plan, draft: Plan) -> str:
    """One row per parent measure (ref, title, draft refs, relation, score), then added draft measures."""
    p_by_ref = {m.ref or m.label: m for m in parent.measures}
    d_by_ref = {m.ref or m.label: m for m in draft.measures}
    rows: list[list[str]] = [["上级条目", "标题", "本级条目", "关系", "相似度"]]
    for pair in alignment.alignment:
        if pair.parent_item is not None:
            m = p_by_ref.get(pair.parent_item)
            label = pair.parent_item
            title = m.title if m else ""
        else:
            label, title = "—", ""
            d = d_by_ref.get(pair.local_items[0]) if pair.local_items else None
            if d is not None:
                title = d.title
        local = ", ".join(pair.local_items) or "—"  # refs: labels repeat across chapters, refs do not
        rows.append([label, clip(title, _TITLE_WIDTH), local, pair.relation, f"{pair.score:.2f}"])
    widths = [max(width(r[c]) for r in rows) for c in range(len(rows[0]))]
    lines = []
    for n, r in enumerate(rows):
        cells = [
            pad(cell, widths[c]) if c < len(r) - 1 else cell.rjust(widths[c]) for c, cell in enumerate(r)
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"
