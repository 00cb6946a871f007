"""An .xlsx workbook -> raw lines: the task list a drafting office keeps in Excel (重点任务分解表, 责任清单).

Each visible sheet is read as the grid Excel shows — merged cells carry their text to every row they span, as a
.docx table's vertically merged cells do (engine/ingest/readers.py `_docx_rows`) — and then as any task table is
(engine/ingest/tables.py `table_lines`): the rows above its header (the sheet's title, an issuing line) cell by
cell, the header dropped, one line per task row with its columns' roles. A sheet that holds no task table is read
cell by cell, row after row. Hidden sheets, rows and columns are not printed, so they are not read.

A cell's value is what Excel prints, not its formula: a number without a trailing ".0", a date as 2027年3月31日 (a
完成时限 column typed as dates then reads as a deadline, engine/extract/deadlines.py). Formulas are read by the
value Excel cached when the file was saved (openpyxl `data_only`); nothing is evaluated, so loading a workbook runs
no code. The zip is unpacked within budget before openpyxl opens it (a bomb stops at the first limit), and the
grid's cells count against the same GridBudget a .docx's and a page's tables do.

Line numbers run over the sheets in order: the first sheet's rows, then the next sheet's, one per row read.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator

from engine.errors import PlancheckError
from engine.ingest import budgets
from engine.ingest.tables import Cell, GridBudget, TableRun, table_lines

RawLine = tuple[int, str]


def is_workbook(data: bytes) -> bool:
    """The bytes are a zip holding an Excel workbook (xl/workbook.xml), whatever the file is called."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def read_xlsx(data: bytes, path: str) -> list[RawLine]:
    """The workbook's visible sheets as raw lines (module docstring)."""
    from engine.ingest.readers import _corrupt, _unpacked_within_budget

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if "xl/workbook.xml" not in zf.namelist():
                raise PlancheckError("input.corrupt", path=path, format=".xlsx", reason="xl/workbook.xml is missing")
            _unpacked_within_budget(zf, path)
            _merged_within_budget(zf, path)
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=False, keep_links=False)
        grids = GridBudget(path)
        run = TableRun()
        lines: list[RawLine] = []
        read = 0  # the rows read so far: the next sheet's lines are numbered after them
        titles: set[str] = set()  # the rows above a task table's header read so far (`_sheet_lines`)
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible":
                continue
            rows = _grid(sheet, grids)
            lines.extend(_sheet_lines(rows, run, read, titles))
            read += len(rows)
        return lines
    except PlancheckError:
        raise
    except Exception as exc:  # zipfile, openpyxl and its XML parser all raise their own types
        raise _corrupt(path, ".xlsx", exc) from exc


# a merged range as a sheet's XML states it: <mergeCell ref="B3:B40"/> (any namespace prefix)
_MERGE_REF = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=\"([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})\"")


def _column(letters: bytes) -> int:
    n = 0
    for b in letters:
        n = n * 26 + b - 64
    return n


def _merged_within_budget(zf: zipfile.ZipFile, path: str) -> None:
    """The cells the sheets' merged ranges cover, counted from their XML before openpyxl reads it: openpyxl makes an
    object of every covered cell, so one range "A1:XFD1048576" in a file of a few KB would hang the read. Over the
    grid's budget (`paragraphs`, as GridBudget counts a grid's cells), `budget.paragraphs` at once."""
    limit = budgets.current().paragraphs
    covered = 0
    for name in zf.namelist():
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        for m in _MERGE_REF.finditer(zf.read(name)):
            rows = abs(int(m.group(4)) - int(m.group(2))) + 1
            cols = abs(_column(m.group(3)) - _column(m.group(1))) + 1
            covered += rows * cols
            if covered > limit:
                raise budgets.exceeded("paragraphs", path, "> " + budgets.show("paragraphs", limit), limit)


# a repeated row above a header is dropped only when it is this long: a title, not a bare "附件" or a unit's name
_TITLE_MIN = 8


def _sheet_lines(rows: list[list[Cell]], run: TableRun, before: int, titles: set[str]) -> Iterator[RawLine]:
    """A sheet's grid as lines numbered after `before`: a task table's title rows cell by cell and one line per task
    row, or every row cell by cell. A list kept one sheet per chapter repeats its title row on every sheet (《X》重点任务
    清单 over 一、… on the first, over 二、… on the next): a title row read above an earlier sheet's table (`titles`) is
    printed again, not a line of the text — read, it would run on into the last task of the sheet before."""
    if not rows:
        return
    # a sheet of one column is text typed a paragraph a row (一、重点任务 there is a heading, not a column's name)
    found = table_lines(rows, run) if any(sum(1 for c in row if c.text) >= 2 for row in rows) else None
    n = before
    if found is None:
        run.broken()
        for row in rows:
            n += 1
            yield from ((n, c.text) for c in row if c.text and not c.inherited)
        return
    h, task_lines = found
    for row in rows[: max(h, 0)]:
        n += 1
        key = "\t".join(c.text for c in row if c.text and not c.inherited)
        if key in titles and len(key) >= _TITLE_MIN:
            continue
        titles.add(key)
        yield from ((n, c.text) for c in row if c.text and not c.inherited)
    if h >= 0:
        n += 1  # the header row
    for line in task_lines:
        n += 1
        if line is not None:
            yield n, line


def _grid(sheet: object, grids: GridBudget) -> list[list[Cell]]:
    """The sheet's shown rows as grid cells (hidden rows and columns left out, empty rows dropped); a merged range's
    text is its first cell's, spanning its columns, carried down to each row it covers (`inherited`)."""
    ranges = [(rng.min_row, rng.min_col, rng.max_row, rng.max_col) for rng in sheet.merged_cells.ranges]  # type: ignore[attr-defined]
    hidden_cols = {
        c for d in sheet.column_dimensions.values() if d.hidden  # type: ignore[attr-defined]
        for c in range(d.min or 0, (d.max or 0) + 1)
    }  # fmt: skip
    # a range's top-left -> the grid columns it spans (its shown columns, at least one)
    width = {(top, left): max(1, sum(c not in hidden_cols for c in range(left, right + 1))) for top, left, _, right in ranges}
    covered = {  # (row, col) inside a range but its top-left -> that top-left
        (r, c): (top, left)
        for top, left, bottom, right in ranges
        for r in range(top, bottom + 1)
        for c in range(left, right + 1)
        if (r, c) != (top, left)
    }
    texts: dict[tuple[int, int], str] = {}
    rows: list[list[Cell]] = []
    for cells in sheet.iter_rows():  # type: ignore[attr-defined]
        if not cells:
            continue
        r = cells[0].row
        if sheet.row_dimensions[r].hidden:  # type: ignore[attr-defined]
            continue
        row: list[Cell] = []
        col = 0  # the grid column: hidden columns take none
        for cell in cells:
            c = cell.column
            if c in hidden_cols:
                continue
            if (r, c) in covered:
                top = covered[(r, c)]
                if top[1] == c and top[0] != r:  # the range's first column in a row below its top: carried down
                    text = texts.get(top, "")
                    row.append(grids.add(Cell(col, width[top], [text] if text else [], inherited=True)))
                    col += width[top]
                continue  # inside a range: its first cell holds the text
            text = _shown(cell.value, getattr(cell, "number_format", None))
            texts[(r, c)] = text
            span = width.get((r, c), 1)
            row.append(grids.add(Cell(col, span, [text] if text else [])))
            col += span
        if any(x.text for x in row):
            rows.append(row)
    return rows


# what a number format prints literally, not as a date's part: "年" in quotes, \年 escaped, [$-804] / [DBNum1] in brackets
_FORMAT_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _date_parts(number_format: object) -> str:
    """The parts of a date a cell's number format prints: "ymd", "ym" (yyyy"年"m"月", yyyy/m: a month, as 完成时限
    cells typed "2026年9月" are), "y"; "ymd" when it names none (a built-in format, a time)."""
    fmt = _FORMAT_LITERAL.sub("", str(number_format or "")).lower()
    if "d" in fmt or "y" not in fmt:
        return "ymd"
    return "ym" if "m" in fmt else "y"


def _shown(value: object, number_format: object = None) -> str:
    """A cell's value as Excel prints it: a whole number without ".0", a date as 2027年3月31日 — or as 2027年3月 / 2027年
    where its number format shows only the month or the year (the day Excel stores then is no deadline's)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime | dt.date):
        parts = _date_parts(number_format)
        if parts == "y":
            return f"{value.year}年"
        if parts == "ym":
            return f"{value.year}年{value.month}月"
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    return " ".join(str(value).split())
