"""Hanging-indent layout tables: a table (an old portal's borderless <table>, a 2-column borderless Word table) used
to set numbered paragraphs with a hanging indent — the number alone in a narrow left cell (（一）, 1., 一、, ⑴), the
heading, body and responsibility bracket in the cell right of it. Read cell by cell, the number stands on a line of
its own and the paragraph loses it (a measure with no number, a number with no text). Such a row is one paragraph:
its label, then the rest of the row's text (`hanging_label`), as the page shows it.

Only a row of exactly two cells whose first holds nothing but a numbering label: a data table's 序号 column sits in
rows of more cells, and a bare number (1) with no mark after it is no paragraph's label.
"""

from __future__ import annotations

LABEL_MAX = 8  # characters of a cell read to say whether it holds only a label
# the numbering styles a hanging label is written in: the parser's reader of labels (engine/parse/numbering.py) also
# reads 第一条, 1）, 2.1 and 任务1：, which no hanging-indent table seen sets alone in its left cell
STYLES = ("cn_paren", "arabic_paren", "cn_dun", "arabic_dot", "circled")


def hanging_label(text: str) -> bool:
    """`text` (a cell's whole text) is only a numbering label: （一）, (1), 1., 1、, 一、, or one mark ㈠ ⑴ ① ❶
    (rulesets/data/numbering_marks.yaml), read by the parser's one reader of labels."""
    from engine.parse.numbering import label_alone  # engine.parse imports engine.ingest

    s = text.strip(" \t\u3000\xa0")
    return bool(s) and len(s) <= LABEL_MAX and label_alone(s, STYLES) is not None


# Two-column layout tables whose right cell holds only the measure's units: a borderless Word table (or an old
# portal's <table>) setting each measure as a row, the measure (heading + body) in the wide left cell, its units in
# the narrow right one as paragraphs "X牵头" / "Y、Z配合" (or "X、Y按职责分工负责"). Read cell by cell, the units stand
# as paragraphs of their own after the measure and are read as no clause of it. Such a row is one paragraph: the
# left cell's text, then the right cell's paragraphs as the clause "（X牵头，Y、Z配合）" a plan prints in the text.
# A task table with a header row (序号 | 重点任务 | 牵头单位 …) is read as a table before this (engine/ingest/tables.py).
DUTY_MAX = 200  # characters a units cell holds at most: a cell longer than that is text, not a list of units
_EDGES = " \t\u3000\xa0。；;，,"


def duty_clause(paras: list[str]) -> str | None:
    """The right cell's paragraphs `paras` as one responsibility clause "（X牵头，Y配合）", when they are nothing but
    that (the whole clause is one responsibility read by the one reader of clauses,
    engine/extract/responsibility.py); None for any other cell (a date, a target, a sentence)."""
    from engine.extract.responsibility import find_responsibility  # engine.extract imports engine.ingest

    parts: list[str] = []
    for p in paras:
        s = p.strip(_EDGES)
        if len(s) >= 2 and s[0] in "（(" and s[-1] in "）)":  # a cell that prints its own bracket
            s = s[1:-1].strip(_EDGES)
        if s:
            parts.append(s)
    if not parts or sum(map(len, parts)) > DUTY_MAX:
        return None
    clause = "（" + "，".join(parts) + "）"
    found = find_responsibility(clause)
    return clause if found is not None and found.start == 0 and found.end == len(clause) else None


def duty_row(left: list[str] | None, right: list[str] | None) -> str | None:
    """The units clause "（X牵头，Y配合）" of a two-cell layout row whose right cell holds only the measure's units
    (`duty_clause`) beside a left cell holding text that is no such clause; None for any other row (the row is then
    read cell by cell). `left`, `right`: each cell's paragraphs of text; None for a cell a reader took only the first
    `DUTY_MAX` characters of (a longer cell): never a units cell, and on the left text that is none."""
    if right is None or (left is not None and not any(p.strip() for p in left)):
        return None
    clause = duty_clause(right)
    if clause is None or (left is not None and duty_clause(left) is not None):
        return None
    return clause
