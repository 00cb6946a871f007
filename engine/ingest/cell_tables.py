"""Task tables pasted one cell a line -> one `TableRow` per row, as the other table readers give them.

A table copied out of a web page (or a PDF viewer, or a chat message) and pasted as plain text often
loses its row structure: every cell lands on a line of its own,

    序号
    重点任务
    责任领导
    牵头单位
    配合单位
    完成时限
    1
    规范人参种植用地管理
    副县长 王振东
    县林业局
    县自然资源局、各乡镇人民政府
    2026年12月底前
    2
    …

Such a table is recognised by its header: a run of at least MIN_HEADER consecutive lines, each of them
a whole column word of rulesets/data/roles.yaml (序号, 重点任务, 牵头单位, 配合单位, 完成时限, 责任领导,
备注 …; no line that is not one), the first a 序号 column, one of them a task or unit column. Then each
row starts with a line holding only its 序号 (1, 2, 3 … in turn: a number out of turn ends the table)
and holds as many lines as the header has cells. An empty cell is an empty line (or a dash, which the
units reader takes for none). A section row (一、… on its own line, followed by the next 序号) becomes
a heading line; the header repeated (the table copied from pages that each print it) is dropped.

A cell whose text went on over a line break (a Word/HTML cell with two paragraphs: two units on two
lines, a task in two paragraphs) gives its row more lines than the header has cells. Which cell took
the extra lines is decided only when exactly one way of cutting the row's lines into the header's
cells gives every cell a text its column can hold (a deadline in 完成时限, unit names in a unit column,
a short text with no sentence in a person column: `_fits`). When two or more ways fit, or none, the
row is not guessed at: the table ends before it and its lines stay as they are. The same holds for
the table's last row, whose end is the first empty line, section heading, table note (注：…) or end of text after it.

A cell merged down over a group of rows (rowspan: 重点任务 over its 具体措施, a 牵头单位 one office leads several rows
with, a 完成时限 a group shares) is printed in the group's first row only, so each later row of the group has one line
fewer per merged cell: the next row's 序号 comes sooner (or, for the table's last row, the empty line, heading or end
that closes the table). Such a row is read with its merged cells as the cells above, as the .docx reader reads a
w:vMerge cell and the tab reader a merged cell's empty continuation (`_short` tells which cells are missing; one way,
or the row is not guessed at). A header line naming no column between column words (类别, 重点领域: a grouping column
of the office's own, the one most often merged) is a column whose cells are no part of the row's task, units or
deadline, as a .docx table reads a column it has no word for.

A responsibility matrix (one column per unit, the unit's name in its header cell: engine/ingest/matrix.py) pasted so
is read when its header holds a run of at least `matrix.MATRIX_MIN` units' names after the 序号, and only as the copy
shows each cell: an empty cell must be an empty line, and each row's cells must hold what their columns can (a mark
or role word, or nothing, under a unit; a number under 序号). A copy that dropped the empty cells (most PDF viewers'
and some pages' copies do) puts marks under the wrong units and the next row's 序号 into the row: such a row is not
read, and the table ends before it.
"""

from __future__ import annotations

import re
from itertools import combinations, pairwise

from engine.ingest import matrix
from engine.ingest.tables import (
    _NUMBER,
    _SECTION_LEAD,
    Cell,
    RowMemory,
    TableRow,
    _in_pieces,
    column_role,
    row_line,
    row_memory,
)
from engine.memo import memo
from engine.roles import roles as role_words

MIN_HEADER = 3  # a header of fewer one-line cells is too weak a sign (序号 / 内容 is a list, not a table)
# a header line naming no column, between column words: a column of the office's own that groups the rows (类别, 重点领域,
# 任务类别, 工作板块), merged over each group's rows like the 重点任务 it stands for; read as a .docx table reads a column it
# has no word for (its cells no part of the row's task, units or deadline). A short name, never a sentence or a number
_OWN_COLUMN = re.compile(r"[\u4e00-\u9fff]{2,6}")
OWN_COLUMNS_MAX = 2
MAX_SURPLUS = 2  # lines a row may hold beyond its cells (cells that went on over a line break)
_DASH = re.compile(r"^[—－\-–/／无]+$")
_DEADLINE = re.compile(r"[0-9０-９]{4}|[年月季日底前]|长期|持续|常态|每|定期|适时|及时|[—－\-–/／]")
_SENTENCE = re.compile("[。；;！？!?，,]")
_UNIT_SPLIT = re.compile(r"[、，,；;\s\u3000]+")
_TRAILING_BRACKET = re.compile(r"[(（][^()（）]*[)）]$")
_PERSON_MAX = 24  # 县委常委、常务副县长 刘志强: a title and a name, or two
_NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}")  # a name alone


def _number(text: str) -> int | None:
    m = _NUMBER.match(text)
    return int(m.group(1)) if m else None


HEADER_CELLS_MAX = 12  # columns of a task table's header


def _header(lines: list[tuple[int, str]], i: int) -> list[str] | None:
    """The roles of the header cells that start at `lines[i]`, one a line, or None. A line naming one unit (市发展
    改革委) is a responsibility matrix's column of that unit (role `matrix.UNIT`); such columns
    make a header only as a run of at least `matrix.MATRIX_MIN` after the 序号 (the rows then have to hold marks
    in them: `_fits`)."""
    got: list[str] = []
    k = i
    while k < len(lines) and not isinstance(lines[k][1], TableRow):
        text = lines[k][1].strip()
        role = column_role(text) if text and len(text) <= 12 else None
        if role is None and got and text and matrix.unit_header(text) is not None:
            role = matrix.UNIT
        if role is None and got and _OWN_COLUMN.fullmatch(text) and got.count("") < OWN_COLUMNS_MAX:
            role = ""  # a column of the office's own (类别, 重点领域): kept only with a column word after it (below)
        # a header opens with its 序号 cell and has a bounded number of columns: without these, a page of lines that each
        # read as a column word (（一）措施 × 3000) would be scanned again from every line, in quadratic time
        if role is None or (not got and role != "no") or len(got) >= HEADER_CELLS_MAX:
            break
        got.append(role)
        k += 1
    while got and got[-1] == "":
        got.pop()  # a line after the column words is no header cell: the table's first row, or text
    if len(got) - got.count("") < MIN_HEADER:
        return None
    units = [c for c, r in enumerate(got) if r == matrix.UNIT]
    if units and (len(units) < matrix.MATRIX_MIN or units != list(range(units[0], units[-1] + 1))):
        return None  # a unit's name or two among column words: a list of bodies, no matrix
    if len(got) < MIN_HEADER or got[0] != "no" or not ({"task", "lead", "duty", "support"} & set(got) or units):
        return None
    return got


def cell_line_tables(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`lines` with each table pasted one cell a line read as rows (the header lines dropped)."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        head = _header(lines, i)
        if head is not None:
            rows, j = _rows(lines, i, head)
            if rows:
                out += rows
                i = j
                continue
        out.append(lines[i])
        i += 1
    return out


def _rows(lines: list[tuple[int, str]], i: int, head: list[str]) -> tuple[list[tuple[int, str]], int]:
    """The rows after the header at `lines[i]`, and the index of the first line after the table."""
    width = len(head)
    roles = dict(enumerate(head))
    # the unit each matrix column names (its header line), kept apart from the roles: two units, two columns
    units = {c: name for c, r in roles.items() if r == matrix.UNIT and (name := matrix.unit_header(lines[i + c][1]))}
    header = [lines[i + k][1].strip() for k in range(width)]
    n = len(lines)
    out: list[tuple[int, str]] = []
    j = i + width
    expect: int | None = None
    ordinal = 0
    above = row_memory()
    last: dict[int, str] = {}  # each column's text in the last data row (a merged cell's carried on): `_short`
    while j < n and not isinstance(lines[j][1], TableRow):
        stripped = lines[j][1].strip()
        if [line.strip() for _, line in lines[j : j + width]] == header:
            j += width  # the header again
            continue
        if (
            _SECTION_LEAD.match(stripped)
            and len(stripped) <= 40
            and j + 1 < n
            and (got := _number(lines[j + 1][1])) is not None
            and got == (expect if expect is not None else got)
        ):
            row = row_line([Cell(col=0, span=width, parts=[stripped])], roles, ordinal + 1)
            last = {}  # no cell is merged across a section row
            if row is not None:
                lead = len(lines[j][1]) - len(lines[j][1].lstrip())
                out.append((lines[j][0], _in_pieces(row, lines[j][1], [[(lead, stripped)]])))
            j += 1
            continue
        number = _number(stripped) if stripped else None
        if number is None or (expect is not None and number != expect):
            break
        groups = _cut(lines, j, number, roles, width, last)
        if groups is None:
            break
        row = _row(lines, j, groups, roles, ordinal + 1, above, units)
        if row is not None:
            out.append(row)
            ordinal += 0 if row[1].heading else 1
        last |= {c: "".join(lines[k][1].strip() for k in g) for c, g in enumerate(groups) if g}
        j += sum(len(g) for g in groups)
        expect = number + 1
    return out, j


def _cut(
    lines: list[tuple[int, str]], j: int, number: int, roles: dict[int, str], width: int, last: dict[int, str]
) -> list[list[int]] | None:
    """The line indexes of each cell of the row whose 序号 is at `lines[j]` (none for a cell merged down from the
    row above: `_short`), or None when its cells cannot be told (too few lines, or a line break inside a cell that
    more than one cutting explains). `last`: each column's text in the row above."""
    n = len(lines)
    # a row with fewer lines than cells (a cell merged down from the row above): not in a matrix, whose copies
    # that dropped their empty cells are refused (module doc)
    merged = matrix.UNIT not in roles.values() and any(last.values())

    def starts_next(k: int) -> bool:
        if k >= n or isinstance(lines[k][1], TableRow):
            return False
        text = lines[k][1].strip()
        if _number(text) == number + 1:
            return True
        return bool(_SECTION_LEAD.match(text)) and k + 1 < n and _number(lines[k + 1][1]) == number + 1

    def ends_table(k: int) -> bool:
        return (
            k >= n
            or isinstance(lines[k][1], TableRow)
            or not lines[k][1].strip()
            or bool(_SECTION_LEAD.match(lines[k][1].strip()))
            or _table_note(lines[k][1])
        )

    end = next((k for k in range(j + width, j + width + MAX_SURPLUS + 1) if starts_next(k)), None)
    if end is None and merged:  # the next row's 序号 sooner: this row lacks its merged cells
        for k in range(j + width - 1, j + 1, -1):
            if starts_next(k) and (short := _short(lines, j, k, roles, last)) is not None:
                return short
    if end is None:  # the last row: up to an empty line, a heading or the end, else as many lines as cells
        exact = j + width <= n and all(
            _fits([lines[j + c][1].strip()], roles.get(c, "")) for c in range(width)
        )  # fmt: skip
        if merged and not exact:  # the table's last row, its merged cells above it
            for k in range(min(j + width - 1, n), j + 1, -1):
                # what the short row leaves of the lines its cells would take is no cell's: empty lines, then the end
                # (a heading, a note, the text's end); a line of text after an empty line is the row's own empty cell
                after = next((h for h in range(k, j + width) if h >= n or lines[h][1].strip()), j + width)
                if (
                    ends_table(k)
                    and (after == j + width or ends_table(after))
                    and (short := _short(lines, j, k, roles, last)) is not None
                ):
                    return short
        if j + width > n:
            return None
        end = next((k for k in range(j + width, j + width + MAX_SURPLUS + 1) if ends_table(k)), j + width)
    span = list(range(j, end))
    while len(span) > width and not lines[span[-1]][1].strip():
        span.pop()  # an empty line between rows, not a cell
    if len(span) < width:
        return None
    if len(span) == width:
        groups = [[k] for k in span]
        # a matrix's row is read only when each cell holds what its column can: a copy that dropped the empty cells
        # moves the marks (and the next row's 序号) out from under their units, which no reading can put back
        if matrix.UNIT in roles.values() and not all(
            _fits([lines[k][1].strip() for k in g], roles.get(c, "")) for c, g in enumerate(groups)
        ):
            return None
        return groups
    fitting = []
    body = span[1:]
    for cuts in combinations(range(1, len(body)), width - 2):
        bounds = [0, *cuts, len(body)]
        groups = [[span[0]], *(body[a:b] for a, b in pairwise(bounds))]
        if all(_fits([lines[k][1].strip() for k in g], roles.get(c, "")) for c, g in enumerate(groups)):
            fitting.append(groups)
            if len(fitting) > 1:
                return None  # two ways to read the row: not guessed at
    return fitting[0] if fitting else None


def _short(
    lines: list[tuple[int, str]], j: int, end: int, roles: dict[int, str], last: dict[int, str]
) -> list[list[int]] | None:
    """The cells of a row whose lines `lines[j:end]` are fewer than its cells, or None (module doc: merged cells).

    Each line is one cell (a line break inside a cell as well is more than can be told). Which cells are missing is
    told by their columns: every cell present holds what its column can (`_fits`), a missing cell's column held text
    in the row above (so never in a group's first row, nor after a section row), and no unit both leads and supports
    the row. Of the readings that fit, the one putting fewest lines that only name units under a column of text is
    taken (市委组织部 is no 具体措施), and of those the one missing the cells furthest left: rows are grouped coarse to
    fine from the left (重点任务 before 具体措施, 牵头单位 before 配合单位), so a cell merged over rows stands left of those
    that are not. A missing cell is empty and read as the cell above (a unit or deadline cell: `tables._ditto`)."""
    width = len(roles)
    body = list(range(j + 1, end))
    texts = [lines[k][1].strip() for k in body]
    best: tuple[int, tuple[int, ...]] | None = None
    groups: list[list[int]] | None = None
    for missing in combinations(range(1, width), width - 1 - len(body)):
        if not all(last.get(c) for c in missing):
            continue
        present = [c for c in range(1, width) if c not in missing]
        if not all(_fits([t], roles.get(c, "")) for c, t in zip(present, texts, strict=True)):
            continue
        if _leads_and_supports({c: last[c] for c in missing} | dict(zip(present, texts, strict=True)), roles):
            continue
        units_as_task = sum(roles.get(c) in _TEXT and _names_units(t) for c, t in zip(present, texts, strict=True))
        if best is None or (units_as_task, missing) < best:
            best = (units_as_task, missing)
            at = dict(zip(present, body, strict=True))
            groups = [[j], *([at[c]] if c in at else [] for c in range(1, width))]
    return groups


def _leads_and_supports(cells: dict[int, str], roles: dict[int, str]) -> bool:
    """A unit would both lead and support the row: no reading of it (a row whose own lead is the one above, its empty
    配合单位 dropped by the copy, is no row under a merged 牵头单位 naming that unit its 配合单位)."""
    named = {
        side: {u for c, t in cells.items() if roles.get(c) in want for u in _UNIT_SPLIT.split(t) if u}
        for side, want in (("lead", ("lead", "duty")), ("support", ("support",)))
    }
    return bool(named["lead"] & named["support"])


_TEXT = ("task", "")  # the columns of text: the task's, and a column of the office's own (`_OWN_COLUMN`)


def _names_units(text: str) -> bool:
    """A line that only names units (a unit column's cell), no sentence of a task."""
    return bool(text) and not re.search("[。！？!?]", text) and _fits([text], "lead")


def _table_note(text: str) -> bool:
    """The table's note under it ("注：●为牵头单位，○为配合单位": the words of rulesets/data/lead_conventions.yaml
    `table_notes` and a colon), which ends the table as an empty line does: no more of its last row."""
    # imported here: engine.extract imports engine.parse, which imports ingest
    from engine.extract.data import lead_conventions

    flat = "".join(text.split())
    return any(flat.startswith((word + "：", word + ":")) for word in lead_conventions().table_notes)


def _fits(texts: list[str], role: str) -> bool:
    """A cell of column `role` can hold these lines (a cell over two or more lines: no empty line)."""
    if len(texts) > 1 and not all(texts):
        return False
    joined = "".join(texts)
    if not joined or _DASH.match(joined):
        return role != "task"
    if role == "due":
        return len(joined) <= 40 and bool(_DEADLINE.search(joined))
    if role == "person":
        return all(_person_like(t) for t in texts)
    if role in ("lead", "duty", "support"):
        return all(_unit_like(piece) for t in texts for piece in _UNIT_SPLIT.split(t) if piece)
    if role == matrix.UNIT:
        return len(texts) == 1 and matrix.is_mark(joined)  # 牵头, 配合, ● …: one a cell
    if role == "no":
        return _number(joined) is not None
    return True


def _person_like(text: str) -> bool:
    """A person cell's line: officials, each a title and a name (副县长 王振东, 县委常委、副县长 刘志强), a
    name alone (two to four characters) or a title alone (分管副县长); the titles' endings are data
    (rulesets/data/roles.yaml `titles`). A line of task text is none of these."""
    if len(text) > _PERSON_MAX or _SENTENCE.search(text) or _unit_like(text):
        return False
    person = _official()
    return all(_NAME.fullmatch(one) or person.fullmatch(one) for one in re.split("[,，;；、]", text) if one)


@memo(1, copy="shared")  # one pattern from the data, compiled once
def _official() -> re.Pattern[str]:
    """A title (how it ends: rulesets/data/roles.yaml `titles`), with or without the name after it."""
    titles = "|".join(re.escape(t) for t in role_words().titles) or "(?!)"
    return re.compile(rf"[\u4e00-\u9fff]*?(?:{titles})(?:[ \u3000]*[\u4e00-\u9fff·]{{2,4}})?")


def _unit_like(name: str) -> bool:
    """A unit's name as printed: it ends as a body's name does (局, 委员会, 人民政府, 中心 …), a bracketed
    note after it aside (各村（社区）), or it names a set of bodies (各乡镇)."""
    from engine.extract.data import unit_data  # the unit suffixes: rulesets/data/units.yaml

    bare = _TRAILING_BRACKET.sub("", name).removesuffix("等")
    return bare.startswith("各") or bare.endswith(unit_data().suffixes)


def _row(
    lines: list[tuple[int, str]],
    j: int,
    groups: list[list[int]],
    roles: dict[int, str],
    ordinal: int,
    above: RowMemory | None = None,
    units: dict[int, str] | None = None,
) -> tuple[int, TableRow] | None:
    """The row's TableRow: its cells' lines joined with a newline, the synthetic line's columns in them; `units`: the
    unit each column of role `matrix.UNIT` names."""
    used = [k for g in groups for k in g]
    orig = "\n".join(lines[k][1] for k in used)
    base: dict[int, int] = {}
    pos = 0
    for k in used:
        base[k] = pos
        pos += len(lines[k][1]) + 1
    cells: list[Cell] = []
    pieces: list[list[tuple[int, str]]] = []
    for c, g in enumerate(groups):
        if not g:  # a cell merged down from the row above (`_short`): read as that cell, placed after the one before
            before = next(k for h in reversed(groups[:c]) for k in reversed(h))
            cells.append(Cell(col=c, span=1, parts=[], inherited=True))
            pieces.append([(base[before] + len(lines[before][1]), "")])
            continue
        parts = [lines[k][1].strip() for k in g if lines[k][1].strip()]
        cells.append(Cell(col=c, span=1, parts=parts))
        where = [
            (base[k] + len(lines[k][1]) - len(lines[k][1].lstrip()), lines[k][1].strip()) for k in g
        ]  # fmt: skip
        pieces.append(where)
    row = row_line(cells, roles, ordinal, above, units)
    if row is None:
        return None
    return lines[j][0], _in_pieces(row, orig, pieces)
