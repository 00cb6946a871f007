"""The note under a task table is no part of its last row's measure.

A task table's last row is whole: its measure is the row (engine/ingest/tables.py). The note an office prints under
the table or leaves as its foot row — "备注：…", "填表说明：1.…", "注：本清单所列任务纳入…考核" (engine/ingest/
table_notes.py reads such a foot row as a line under the table) — stands in the body of the node read from that last
row, as any unnumbered paragraph after a numbered item does. The plan's last node has its closing cut off already
(engine/parse/__init__.py: what follows a table's last row is not its text); this does the same for a table whose
last row is not the plan's last node: a workbook's list followed by an instructions sheet (一、各牵头科室每月…
二、…), a .docx whose task table is followed by more numbered text. The note and what follows it in that body go to
the row's parent (the section over the table's rows), or, where the row has none, to the plan's closing when no
table row comes after it.
"""

from __future__ import annotations

from engine.ingest.table_notes import opens_note
from engine.models import Paragraph
from engine.parse.tree import Node


def notes_under_tables(nodes: list[Node], paras: list[Paragraph]) -> list[int]:
    """Cut each table's note out of its last row's body (module docstring); the paragraphs left for the closing."""
    closing: list[int] = []
    rows = [i for i, n in enumerate(nodes) if paras[n.para].table_row]
    for i in rows:
        n = nodes[i]
        at = next((pos for pos, k in enumerate(n.body) if not paras[k].table_row), None)
        if at is None or not opens_note(paras[n.body[at]].text):
            continue
        cut, n.body = n.body[at:], n.body[:at]
        if n.parent is not None:
            parent = nodes[n.parent]
            parent.body = sorted({*parent.body, *cut})
        elif i == rows[-1]:
            closing.extend(cut)
    return closing
