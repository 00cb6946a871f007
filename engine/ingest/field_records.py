"""Task lists printed as records, one numbered task line and its labelled fields -> one `TableRow` a task.

An annex 重点任务清单 / 任务分工表 is often set not as a grid but as a list of records, each a numbered task
name followed by a line per field, labelled with the words of a task table's columns:

    1.建设标准化艾草种植基地
    主要内容：推广艾草良种和绿色种植技术，建设千亩以上标准化种植基地20个……
    牵头单位：市农业农村局
    配合单位：市林业局、各县（市、区）人民政府
    完成时限：2028年12月底

(blind18 南阳市 附件1; the same record layout is a task table read row by row out of a web page or a
word processor's "one record a block" view). Each record is read as the row of a task table
(`engine.ingest.tables.row_line`): the task line and any task-text field (主要内容 …) the task, the unit
fields its units, the deadline field its deadline; the labels are the column words of
rulesets/data/roles.yaml (engine/roles.py), none of them written here.

A record is a line opening with an arabic number (1. / 1、 / (1) / （1）) and no longer than a title,
followed at once by at least two field lines, one of them naming units. Only a run of at least
MIN_RECORDS records numbered in turn (blank lines between records allowed) is read so: a single
numbered item with a 牵头单位： line under it is a plan's own item and stays as it is.
"""

from __future__ import annotations

import re

from engine.ingest import field_lines
from engine.ingest.tables import Cell, TableRow, _in_pieces, column_role, row_line

MIN_RECORDS = 2  # one record is an item with fields, not a list of tasks
TITLE_MAX = 60  # a record's task line is a name, not a paragraph
_TASK_LINE = re.compile(r"^([\s\u3000]*)([(（]?([0-9０-９]{1,3})[)）.．、])[\s\u3000]*(\S.*?)[\s\u3000]*$")
_FIELD = re.compile(r"^([\s\u3000]*)([^\s\u3000:：]{2,10})[\s\u3000]*[:：][\s\u3000]*(.*?)[\s\u3000]*$")
_FIELD_ROLES = frozenset(("task", "lead", "duty", "support", "due", "person", "note", "oversight"))
_UNIT_ROLES = frozenset(("lead", "duty", "support"))
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _field(text: str) -> tuple[str, int, str] | None:
    """(role, offset of the value, value) of a labelled field line, or None."""
    m = _FIELD.match(text)
    if m is None or not m.group(3):
        return None
    role = column_role(m.group(2))
    return (role, m.start(3), m.group(3)) if role in _FIELD_ROLES else None


def _record(lines: list[tuple[int, str]], i: int) -> tuple[int, int, list[tuple[int, str]], int] | None:
    """(ordinal, index after the record, its lines, the task line's index) of a record at `lines[i]`."""
    line = lines[i][1]
    if isinstance(line, TableRow):
        return None
    m = _TASK_LINE.match(line)
    if m is None or len(m.group(4)) > TITLE_MAX or _field(line) is not None:
        return None
    j = i + 1
    roles: list[str] = []
    while j < len(lines) and not isinstance(lines[j][1], TableRow) and (f := _field(lines[j][1])) is not None:
        roles.append(f[0])
        j = _continued(lines, j)
    if len(roles) < 2 or not _UNIT_ROLES & set(roles):
        return None
    return int(m.group(3).translate(_DIGITS)), j, lines[i:j], i


def _continued(lines: list[tuple[int, str]], j: int) -> int:
    """The index after the field line `lines[j]` and the lines its unit list goes on in (engine/ingest/field_lines.py:
    配合单位：A、B、 / 　　　　　C)."""
    field = lines[j][1]
    so_far = field.strip()
    k = j + 1
    while k < len(lines) and not isinstance(lines[k][1], TableRow) and _field(lines[k][1]) is None \
            and field_lines.goes_on(so_far, field, lines[k][1].strip(), lines[k][1]):  # fmt: skip
        so_far += lines[k][1].strip()
        k += 1
    return k


def _row(record: list[tuple[int, str]]) -> tuple[int, TableRow] | None:
    """The record read as a task table's row, its columns in the record's lines joined with a newline."""
    orig = "\n".join(text for _, text in record)
    at = 0
    pieces: list[list[tuple[int, str]]] = []
    roles: dict[int, str] = {}
    head = _TASK_LINE.match(record[0][1])
    assert head is not None
    pieces += [[(head.start(2), head.group(2))], [(head.start(4), head.group(4))]]
    roles.update({0: "no", 1: "task"})
    at = len(record[0][1]) + 1
    for _, text in record[1:]:
        f = _field(text)
        if f is None:  # a unit list going on under its field: another piece of the field's cell
            lead = len(text) - len(text.lstrip())
            pieces[-1].append((at + lead, text.strip()))
            at += len(text) + 1
            continue
        role, offset, value = f
        roles[len(pieces)] = role
        pieces.append([(at + offset, value)])
        at += len(text) + 1
    cells = [Cell(col=k, span=1, parts=[t for _, t in ps]) for k, ps in enumerate(pieces)]
    row = row_line(cells, roles, 1)
    if row is None or row.heading:
        return None
    row = _in_pieces(row, orig, pieces)
    # the task line's own marker, as printed ((4), 4、), not the "4." a table's 序号 cell is given: the
    # list's numbering style is the document's
    number = head.group(3)
    if not row.text.startswith(number + "."):
        return None
    marker = head.group(2)
    cols = [head.start(2) + 1 + c for c in range(len(marker))] + row.cols[len(number) + 1 :]
    return record[0][0], TableRow(orig, marker + row.text[len(number) + 1 :], cols)


def field_records(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`lines` with each run of task records (see the module) read as one row a record."""
    out: list[tuple[int, str]] = []
    i = 0
    n = len(lines)
    while i < n:
        run: list[list[tuple[int, str]]] = []
        j = i
        expect: int | None = None
        while j < n:
            k = j
            while run and k < n and not isinstance(lines[k][1], TableRow) and not lines[k][1].strip():
                k += 1  # blank lines between records
            rec = _record(lines, k) if k < n else None
            if rec is None or (expect is not None and rec[0] != expect):
                break
            run.append(rec[2])
            expect, j = rec[0] + 1, rec[1]
        rows = [_row(r) for r in run] if len(run) >= MIN_RECORDS else []
        if rows and all(r is not None for r in rows):
            out += [r for r in rows if r is not None]
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out
