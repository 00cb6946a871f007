"""A task table's note rows: the 备注 / 填表说明 / 注 row an office leaves at the foot of its task list.

A task list kept in Excel or Word often ends with one more row merged across the table — "备注：各牵头单位每月5日前
报送进展…", "填表说明：1.…2.…", "注：本清单所列任务纳入年度考核" — or with the note word in the first cell and its text
merged across the rest ("备注 | 各责任单位…"). Such a row is the table's note, not a task row nor a section row: read
as a task table's row it would become part of the last task's text (a section row is no measure, so the parser adds
what follows it to the measure above). `note_line` gives the row's text as a plain line instead, so it stands after
the table as a note printed under it does; the rows under it that are text across the table (the note's further
points) are its text too.

The note words are rulesets/data/lead_conventions.yaml `table_notes` (注, 说明, 备注, 注释, 填表说明, 填报说明): the one
list the parser reads a table's note by (engine/parse/conventions.py), so a note row stating a lead convention
("注：列第一位者为牵头单位") is read as before, as the note right under the table.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from engine.memo import memo

if TYPE_CHECKING:
    from engine.ingest.tables import Cell


@memo(1, copy="shared")  # compiled once from the one file
def _words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a note word and its colon opening a cell, a cell that is a note word alone)."""
    # imported here: engine.extract imports engine.parse, which imports ingest
    from engine.extract.data import lead_conventions

    words = "|".join(map(re.escape, sorted(lead_conventions().table_notes, key=len, reverse=True))) or "(?!)"
    return re.compile(rf"^(?:{words})\s*\d*\s*[:：]"), re.compile(rf"^(?:{words})\s*[:：]?$")


def _own_texts(row: list[Cell]) -> list[str]:
    """The row's texts once each: its filled cells that are not carried down from a row above."""
    out: list[str] = []
    for c in row:
        t = c.text
        if t and not c.inherited and t not in out:
            out.append(t)
    return out


def note_line(row: list[Cell]) -> str | None:
    """The row as its note's line when it is a table's note row (module docstring), else None."""
    if any(c.inherited and c.text for c in row):  # a merged unit/deadline cell runs through it: a task row
        return None
    texts = _own_texts(row)
    if not texts:
        return None
    opening, alone = _words()
    flat = "".join(texts[0].split())
    if len(texts) == 1 and opening.match(flat):
        return texts[0]
    if len(texts) == 2 and alone.match(flat):  # 备注 | its text merged across the rest
        return flat.rstrip(":：") + "：" + texts[1]
    return None


class Notes:
    """The note rows of one table's lines `out` (one per row: a task row's `TableRow`, a note's str, None), which the
    table's reader appends to as it goes. The index of the last line that is not None is kept, read on over the lines
    added since the last row (a table of thousands of header rows printed again, each None, is read in one pass)."""

    def __init__(self, out: list) -> None:
        self.out = out
        self._seen = 0  # the lines read so far
        self._last: int | None = None  # the last of them that is not None

    def add(self, row: list[Cell]) -> bool:
        """Add the table's note row `row` to the lines, True; or False where `row` is no note. A row of one text across
        the table under a note row that reads as the note's next point ("2.完成时限为…", "（2）…") goes on with that
        note: joined to its line, the row itself None — a line of its own, "2." would read as a numbered item after the
        table. A section row after a note (二、宣传引导) opens the next part of the table: no part of the note."""
        out = self.out
        for k in range(self._seen, len(out)):
            if out[k] is not None:
                self._last = k
        self._seen = len(out)
        at = self._last
        if at is not None and type(out[at]) is str and (more := goes_on(row)) is not None:
            out[at] += more
            out.append(None)
            self._seen = len(out)
            return True
        note = note_line(row)
        if note is None:
            return False
        out.append(note)
        self._last, self._seen = len(out) - 1, len(out)
        return True


def goes_on(row: list[Cell]) -> str | None:
    """A row under a note row that goes on with it: one text across the row reading as the note's next point (2.…,
    （2）…), else None."""
    if any(c.inherited and c.text for c in row):
        return None
    texts = _own_texts(row)
    if len(texts) != 1 or not (len(row) == 1 or sum(1 for c in row if c.text) == len(row)):
        return None
    return texts[0] if _POINT.match(texts[0]) else None


# a note's further point: 2.… 2、… （2）… ②…; not a section's 二、 or （二）
_POINT = re.compile(r"^\s*(?:\d{1,2}\s*[.．、](?!\d)|[（(]\s*\d{1,2}\s*[)）]|[\u2460-\u2473\u2776-\u277f])")


def opens_note(text: str) -> bool:
    """`text` opens with a table note's word and its colon (备注：…, 填表说明：…, 注1：…)."""
    return bool(_words()[0].match("".join(text.split())))
