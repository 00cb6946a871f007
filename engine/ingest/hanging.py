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
