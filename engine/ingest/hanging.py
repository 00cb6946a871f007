"""Hanging-indent layout tables: a table (an old portal's borderless <table>, a 2-column borderless Word table) used
to set numbered paragraphs with a hanging indent — the number alone in a narrow left cell (（一）, 1., 一、, ⑴), the
heading, body and responsibility bracket in the cell right of it. Read cell by cell, the number stands on a line of
its own and the paragraph loses it (a measure with no number, a number with no text). Such a row is one paragraph:
its label, then the rest of the row's text (`hanging_label`), as the page shows it.

Only a row of exactly two cells whose first holds nothing but a numbering label: a data table's 序号 column sits in
rows of more cells, and a bare number (1) with no mark after it is no paragraph's label.
"""

from __future__ import annotations

import re

from engine.numbering_marks import mark_styles

_CN = "一二三四五六七八九十百零〇"
_LABEL = re.compile(rf"(?:[(（][0-9０-９{_CN}]{{1,3}}[)）]|[0-9０-９]{{1,3}}[.．、]|[{_CN}]{{1,3}}[、.．])")
LABEL_MAX = 8  # characters of a cell read to say whether it holds only a label


def hanging_label(text: str) -> bool:
    """`text` (a cell's whole text) is only a numbering label: （一）, (1), 1., 1、, 一、, or one mark ㈠ ⑴ ① ❶
    (rulesets/data/numbering_marks.yaml)."""
    s = text.strip(" \t\u3000\xa0")
    if not s or len(s) > LABEL_MAX:
        return False
    return bool(_LABEL.fullmatch(s)) or (len(s) == 1 and s in mark_styles())
