"""Task-division tables (重点任务分工表 / 任务清单) -> one paragraph per row, as the parser reads plans.

Many plans are issued as a table `序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限` (any order, some
columns absent) instead of numbered paragraphs. Read cell by cell, such a table gives the parser
nothing it can number, so a reader hands its rows here and gets back, per row, a `TableRow`: the
row's cells joined with a tab (what the file says, `Paragraph.orig`) carrying a synthetic line
`{序号}.{任务}(牵头单位:{牵头};配合单位:{配合}){时限}完成。` (责任单位 for a 责任单位 column, which does
not say who leads) and, per character of it, the 1-based
column in that orig. Characters added here (the bracket words, `.`, `完成。`) map to the start of
the cell they describe. Section rows (one merged cell, or only `一、`/`(一)` and a title) become
heading lines. A table with no task column and no unit column is not a task table (`None`).

Plain text carries such tables too (copied out of Word with tabs, markdown | pipes, or aligned with
spaces): `text_table_lines` finds a header line of at least three cells naming those columns and
reads each following line of cells the same way, with columns in the line as written. A table pasted
with single spaces between cells (`序号 重点任务 牵头单位 配合单位 完成时限`) is read only when every
header cell is a column word and each row starts with its 序号 and splits into as many cells as the
header; a row with more pieces gives the surplus to its task cell (task text may hold a space, unit
and deadline cells rarely do), a row with fewer ends the table (an empty cell cannot be placed).
A table copied out of Word or Excel carries a line break inside a cell as a line of its own: in a
tab or pipe table such a line (no 序号 where the table has that column, or going on with a row that
has fewer cells than the header) is added to the row above, never read as a row of its own.
A tab or pipe copy of a table whose 牵头单位 cell was merged down prints the cell on the first row of its span and
leaves the field empty below: such a field is read as the cell above, as a .docx w:vMerge cell is, unless the table
shows an empty lead no merge can explain (`_merged_leads`).
A table pasted ONE CELL A LINE (a web page's table copied as text: 序号 / 重点任务 / 牵头单位 … each on a
line, then each row's cells) is read by engine/ingest/cell_tables.py, after the tables above.
A table drawn with box characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘, or ASCII +---+ |) is read from its top
border (`_box_table`): cells split at the bars, a row's wrapped lines joined cell by cell, the
rules dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from engine.ingest import budgets, matrix, table_notes
from engine.ingest.normalise import to_simplified
from engine.ingest.numbering import CN_NUMERALS as _CN_NUM
from engine.memo import memo
from engine.roles import mark_alone
from engine.roles import roles as role_words

# the words of each column (序号, 重点任务, 牵头单位 / 主办单位, 责任单位, 配合单位 / 协办单位, 完成时限) are data:
# rulesets/data/roles.yaml, one vocabulary with the responsibility clauses' fields (engine/roles.py). A unit
# column that does not say who leads ("duty": 责任单位) has its units lead jointly, unless the document states
# a convention such as "列第一位者为牵头单位" (then the first leads: engine/parse applies it)
HEADER_SCAN = 3  # the header row is among the first rows (a merged title row may come first)
_HEADER_JUNK = re.compile(r"[\s\u3000:：*＊()（）]+")
_NUMBER = re.compile(r"^[\s\u3000]*[(（]?([0-9０-９]{1,4})[)）.．、,，]?[\s\u3000]*$")
_SECTION_NO = re.compile(f"^[\\s\\u3000]*(?:([{_CN_NUM}]+)[、.．]?|[(（]([{_CN_NUM}]+)[)）])[\\s\\u3000]*$")
_SECTION_LEAD = re.compile(f"^[\\s\\u3000]*(?:[{_CN_NUM}]+、|[(（][{_CN_NUM}]+[)）])")
_RESP_END = re.compile(
    r"[（(［\[【][^（(）)］\]【】]*(?:牵头|责任|配合|负责|协办)[^（(）)］\]【】]*[）)］\]】][。；;，,\s\u3000]*$"
)
_BARE_DATE = re.compile(r"^(?:[0-9０-９]{4}年(?:[0-9０-９]{1,2}月)?)$")
_BARE_DAY = re.compile(r"^[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}[日号]$")
_DONE = ("完成", "推进", "坚持", "开展", "实施", "落实")
_WS_RUN = re.compile(r"[\s\u3000]+")
# a cell that says nothing: "", "—", "/", "无"
_NO_VALUE = re.compile(r"^[\s\u3000—–\-－/／]*(?:无|暂无)?[\s\u3000]*$")


class TableRow(str):
    """A raw line (the row's cells joined with a tab) that carries the text to normalise instead."""

    text: str
    cols: list[int]
    heading: bool

    def __new__(cls, orig: str, text: str, cols: list[int], heading: bool = False) -> TableRow:
        obj = super().__new__(cls, orig)
        obj.text, obj.cols, obj.heading = text, cols, heading
        return obj


class PageTopRow(str):
    """A ruled table's row read from a PDF (its cells joined with tabs) standing first on a page the table goes on
    over, under its repeated header, with `cut`: the cells that are empty there while the row above the page break
    has text in them. Such a cell may be a merged cell's part below the break — Word and LibreOffice print a
    vertically merged cell's text on the first page only, and with one row on each side no missing rule shows the
    merge (engine/ingest/pdf.py `_merged_on`). `_merged_leads` decides which of them are: a lead field, in a table
    that leaves no other lead field empty."""

    cut: frozenset[int]

    def __new__(cls, text: str, cut: frozenset[int]) -> PageTopRow:
        obj = super().__new__(cls, text)
        obj.cut = cut
        return obj


class BoxLine(TableRow):
    """A line of text set in a frame drawn with box characters (a 专栏 in a plain-text copy): the text
    inside the bars, lines the frame wrapped joined, and the line of the frame's top (`frame`)."""

    frame: int

    def __new__(cls, orig: str, text: str, cols: list[int], frame: int) -> BoxLine:
        obj = super().__new__(cls, orig, text, cols)
        obj.frame = frame
        return obj


class FramedText(str):
    """A paragraph of a box a document sets as a table of one column (a 专栏 in a bordered one-cell table in
    Word): text as any other line, and the number of the box's first line (`frame`), as a `BoxLine` carries the
    line of its frame's top (engine/parse/boxes.py reads where the box ends by it)."""

    frame: int

    def __new__(cls, text: str, frame: int) -> FramedText:
        obj = super().__new__(cls, text)
        obj.frame = frame
        return obj


@dataclass
class Cell:
    """One cell of a row: its first grid column, the columns it spans, its paragraphs' text."""

    col: int
    span: int
    parts: list[str]
    inherited: bool = False  # a vertically merged continuation: the text is the cell above's
    lines: int = 0  # raw lines a cell-by-cell reading gives it (docx numbering)

    @property
    def text(self) -> str:
        # paragraphs of one cell are joined by a tab, as cells are: not a space the author typed
        return "\t".join(" ".join(p.split()) for p in self.parts if p.strip())


class GridBudget:
    """The cells and characters of every table grid a reader builds for one document, within budget.

    A merged cell is a cell of every row it spans and its text is in each (a row's line repeats it), so
    a small file can ask for a huge grid: one long cell spanning a hundred rows, a row of cells each
    spanning a hundred rows and columns. Counted as the grid is built: its cells against the
    `paragraphs` budget (each a line when a table is read cell by cell), their characters against
    `chars` (what the rows' lines will hold). Over either, `budget.<name>` before the rows are read."""

    def __init__(self, path: str) -> None:
        self.path = path
        limits = budgets.current()
        self.max_cells, self.max_chars = limits.paragraphs, limits.chars
        self.cells = self.chars = 0

    def add(self, cell: Cell) -> Cell:
        self.cells += 1
        self.chars += sum(len(p) for p in cell.parts)
        if self.cells > self.max_cells:
            limit = self.max_cells
            raise budgets.exceeded("paragraphs", self.path, "> " + budgets.show("paragraphs", limit), limit)
        if self.chars > self.max_chars:
            raise budgets.exceeded("chars", self.path, "> " + budgets.show("chars", self.max_chars), self.max_chars)
        return cell


@dataclass
class _Builder:
    text: list[str] = field(default_factory=list)
    cols: list[int] = field(default_factory=list)

    def add(self, s: str, col: int | None = None, start: int = 0) -> None:
        """Append `s`; its chars map to `start`, `start+1`, … (copied text) or all to `col` (added)."""
        self.text.append(s)
        self.cols.extend([col] * len(s) if col is not None else range(start, start + len(s)))


@dataclass(frozen=True)
class Marked:
    """A unit column whose header states the mark its leads (or its supporting units) carry beside their names
    ("责任单位（*为牵头单位）", "责任单位（标★的为牵头单位，☆为配合单位）"): each mark in its one form
    (engine/extract/legend.py `same`), "" where the header states none for that role."""

    lead: str = ""
    support: str = ""


Reading = str | tuple[str, ...] | Marked


class Role(str):
    """A column's role (equal to its plain word: "duty", "lead") that also says how its header tells to read
    its cells (`reading`):
    - "first": the header states the first-listed-leads convention for this column alone
      ("责任单位（排在第一位的为牵头单位）": the first unit of each cell leads, the others support);
    - a pair of roles ("lead", "support"): one column for two roles, its header the two labels joined by a
      slash ("牵头单位/配合单位"), each cell "X/Y、Z" split at its slash in the header's order;
    - `Marked`: the header's legend states a mark ("责任单位（*为牵头单位）"): the units of a cell carrying it lead,
      the others support, wherever the marked ones stand (a cell with no marked unit is left joint)."""

    reading: Reading

    def __new__(cls, role: str, reading: Reading) -> Role:
        obj = super().__new__(cls, role)
        obj.reading = reading
        return obj


_UNIT_ROLES = ("lead", "duty", "support")
_HEADER_NOTE = re.compile(r"^[\s\u3000]*(?P<word>[^（(]+?)[\s\u3000]*[（(](?P<note>[^（()）]+)[)）][\s\u3000]*$")
_ROLE_SLASH = re.compile(r"[/／]")


HEADER_MAX = 40  # characters: a header cell with its note ("责任单位（排在第一位的为牵头单位）"); a longer line is text


@memo(1, copy="shared")  # the column words of roles.yaml, as a set and a tuple each (thousands of composed labels)
def _column_words() -> tuple[tuple[str, frozenset[str], tuple[str, ...]], ...]:
    """(role, the headers it is read from whole, the ends it is read from): a header read only whole (成员单位,
    roles.yaml `columns.support_whole`) is in the set, not among the ends."""
    only_whole = dict(role_words().whole_columns)
    return tuple(
        (role, frozenset([*words, *only_whole.get(role, ())]), tuple(words)) for role, words in role_words().columns
    )


def column_role(text: str) -> str | None:
    """The role of a header cell's text (no, task, lead, duty, support, due, person, note), or None.

    A header may say more than its word: a note in brackets after it ("责任单位（排在第一位的为牵头单位）": the
    word's role, and when the note states a lead convention of rulesets/data/lead_conventions.yaml, a `Role`
    reading "first"), or two unit labels joined by a slash ("牵头单位/配合单位": a `Role` reading both)."""
    name = _HEADER_JUNK.sub("", text)
    if not name or len(name) > HEADER_MAX:
        return None
    if len(name) <= 8:
        name = to_simplified(name)  # 序號 | 牽頭單位 | 責任單位: the same words in traditional characters
        # the longest word the header ends with decides: 协同承办单位 is a support header (协同 + 承办 + 单位), not a
        # duty one by its end 承办单位
        best = (0, "")
        for role, whole, ends in _column_words():
            if name in whole:
                return role
            if role != "no" and name.endswith(ends):
                best = max(best, (max(len(e) for e in ends if name.endswith(e)), role), key=lambda b: b[0])
        if best[0]:
            return best[1]
        if len(name) > TASK_HEAD and name.endswith(_shipped_task_heads()):
            return "task"  # 整治任务, 攻坚任务, 推进措施: a task column named by what it holds, whatever the word before
    note = _HEADER_NOTE.match(text)
    if note is not None:
        role = column_role(note.group("word"))
        if role == "duty" and _states_first_listed(note.group("note")):
            return Role(role, "first")
        if role == "duty" and (marked := _stated_marks(note.group("note"))) is not None:
            return Role(role, marked)
        return role
    parts = _ROLE_SLASH.split(text)
    if len(parts) == 2:
        pair = tuple(column_role(p) for p in parts)
        if all(r in _UNIT_ROLES for r in pair) and pair[0] != pair[1]:
            return Role(str(pair[0]), tuple(str(r) for r in pair))
    return None


def _states_first_listed(note: str) -> bool:
    """The note says the first-listed unit leads (the wordings: rulesets/data/lead_conventions.yaml)."""
    # engine.extract imports engine.parse, which imports ingest
    from engine.extract.data import lead_conventions

    return lead_conventions().first_listed.search(_WS_RUN.sub("", to_simplified(note))) is not None


def _stated_marks(note: str) -> Marked | None:
    """The marks a header's note states for the units of its column ("*为牵头单位", "★牵头 ☆配合"), or None: read
    by the one reader of a document's marks (engine/extract/legend.py), as a "注：★为牵头单位" line under a table is."""
    # engine.extract imports engine.parse, which imports ingest: imported where read
    from engine.extract.data import lead_conventions
    from engine.extract.legend import stated_marks

    marks = lead_conventions().marks
    said: dict[str, str] = {}  # role -> the first mark stated for it
    for mark, role in stated_marks([note]).items():
        if len(mark) == 1 and mark in marks:
            said.setdefault(role, mark)
    if not said.get("lead") and not said.get("support"):
        return None
    return Marked(lead=said.get("lead", ""), support=said.get("support", ""))


TASK_HEAD = 2  # characters: the noun a task column's header ends in (重点任务 -> 任务)


@memo(1, copy="shared")  # a tuple, from the one file
def _shipped_task_heads() -> tuple[str, ...]:
    return _task_heads(dict(role_words().columns).get("task", ()))


def _task_heads(words: tuple[str, ...]) -> tuple[str, ...]:
    """The nouns several task-column words end in (任务 of 重点任务, 工作任务, 主要任务; 措施, 内容, 举措): a header ending
    in one is a task column, whatever qualifies it (整治任务, 攻坚措施). A noun only one word ends in (名称 of 任务名称)
    says nothing of the column by itself (单位名称); nor does the noun alone (任务, 措施: a table of 序号 | 任务 | 联系人 is no
    task table by that)."""
    ends = Counter(w[-TASK_HEAD:] for w in words if len(w) > TASK_HEAD)
    return tuple(sorted(e for e, n in ends.items() if n >= 2))


# the roles of which a header row names one at least (a column of 序号 and units' names alone is a matrix's, with a body)
_TASK_ROLES = frozenset({"task", "lead", "duty", "support"})


def header_roles(cells: list[Cell], body: list[list[Cell]] | None = None) -> dict[int, str]:
    """Grid column -> role for a header row; empty when the row names no task or unit column.

    A cell naming no column but one unit (省能源局) is a unit's column of a responsibility matrix
    (engine/ingest/matrix.py: role `UNIT`, the unit in `unit_columns`); its cells are read as roles only where they
    say one. Such columns make a header by themselves only beside a 序号 column, at least `MATRIX_MIN` of them
    naming different units, with role words or marks in the rows below (`body`): a table of figures under units'
    names is no task table."""
    words = [column_role(cell.text) for cell in cells]
    if body is None and not _TASK_ROLES.intersection(words):
        return {}  # without a body only a column word makes a header: no cell need be asked whether it names a unit
    if _OPEN_BESIDE & set(words):
        words = _open_columns(cells, words, body)
    roles, units = _header_cells(cells, words)
    named = set(roles.values())
    if not _TASK_ROLES & named and not (
        body is not None and "no" in named and _matrix_below(units, body)
    ):
        return {}
    return roles


# a header row naming one of these is a task table's: its other cells may be open labels (主责警种, 牵头股)
_OPEN_BESIDE = frozenset({"no", "task"})
OPEN_BODY_SHARE = 0.5  # of an open column's filled cells below, those naming bodies: at least this share


def _open_columns(cells: list[Cell], words: list[str | None], body: list[list[Cell]] | None) -> list[str | None]:
    """`words` with each cell that names no column read as an OPEN label (a role stem and the office's own noun for its
    bodies: 主责警种 | 协同警种, 牵头股 | 协办股, 牵头科 | 配合科; engine/roles.py `open_label_role`, the reading of
    such labels in prose), in a header row that names a 序号 or task column. A noun naming a person or a facet of the
    task (责任人, 实施时间, 配合事项, 实施年度: roles.yaml labels.open) makes none. With the rows below (`body`), the
    column is a unit column only where its filled cells name bodies as a field's value must (`open_value_refused`):
    at least `OPEN_BODY_SHARE` of them, a cell saying 同上 aside."""
    from engine.roles import open_label_role

    out = list(words)
    for k, cell in enumerate(cells):
        if out[k] is not None or not cell.text:
            continue
        label = to_simplified(_HEADER_JUNK.sub("", cell.text))
        role = open_label_role(label)
        if role is None or (body is not None and not _names_bodies(label, cell, body)):
            continue
        out[k] = role
    return out


def _names_bodies(label: str, head: Cell, body: list[list[Cell]]) -> bool:
    """The filled cells under `head` in `body` name bodies, as an open field's value must (at least
    `OPEN_BODY_SHARE` of them; none filled: not shown, so not)."""
    from engine.extract.responsibility import (
        open_value_refused,  # extract imports parse, which imports ingest
    )

    cols = set(range(head.col, head.col + head.span))
    ditto = set(role_words().ditto)
    values = [
        cell.text for row in body for cell in row
        if cell.text and not cell.inherited and set(range(cell.col, cell.col + cell.span)) <= cols
        and _WS_RUN.sub("", cell.text) not in ditto
    ]  # fmt: skip
    if not values:
        return False
    named = sum(1 for v in values if not open_value_refused(label, "、".join(v.split("\t"))))
    return named >= OPEN_BODY_SHARE * len(values)


def _cell_roles(cells: list[Cell]) -> dict[int, str]:
    """Grid column -> the role its header cell names (a column word, or `matrix.UNIT` for a unit's name)."""
    return _header_cells(cells)[0]


def unit_columns(cells: list[Cell]) -> dict[int, str]:
    """Grid column -> the unit its header cell names, for the columns of role `matrix.UNIT` (a responsibility
    matrix's: 省能源局 | 省应急厅): two columns of two units are two columns, whatever their role's word."""
    return _header_cells(cells)[1]


def _header_cells(
    cells: list[Cell], words: list[str | None] | None = None
) -> tuple[dict[int, str], dict[int, str]]:
    """(grid column -> role, grid column -> unit's name of the `matrix.UNIT` columns) of a header row; `words`: each
    cell's `column_role`, where the caller has it."""
    roles: dict[int, str] = {}
    units: dict[int, str] = {}
    for k, cell in enumerate(cells):
        role = column_role(cell.text) if words is None else words[k]
        name = matrix.unit_header(cell.text) if role is None and cell.text else None
        if name is not None:
            role = matrix.UNIT
        if role is not None:
            for c in range(cell.col, cell.col + cell.span):
                if c not in roles:
                    roles[c] = role
                    if name is not None:
                        units[c] = name
    return roles, units


def _matrix_below(units: dict[int, str], body: list[list[Cell]]) -> bool:
    """At least `MATRIX_MIN` unit columns (of different units), and the rows below put a role word or mark in them
    and nothing else."""
    if len(set(units.values())) < matrix.MATRIX_MIN:
        return False
    marked = False
    for row in body:
        for cell in row:
            # a cell within the unit columns (a section row across the table is no matrix cell)
            if cell.text and not cell.inherited and set(range(cell.col, cell.col + cell.span)) <= units.keys():
                if not matrix.is_mark(cell.text):
                    return False
                marked = True
    return marked


def find_header(rows: list[list[Cell]]) -> tuple[int, dict[int, str]] | None:
    """(index of the header row, its roles), or None for a table that is not a task table."""
    for i, row in enumerate(rows[:HEADER_SCAN]):
        roles = header_roles(row, rows[i + 1 :])
        if roles:
            return i, roles
    return None


def _cell_starts(texts: list[str]) -> list[int]:
    """Each cell's column (1-based) in the row's line: the cells joined by one tab each."""
    starts: list[int] = []
    pos = 1
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    return starts


class RowMemory:
    """A table's memory of its last data row (grid column -> the cell's text as read), which a cell saying "同上"
    reads (`_ditto`) and each row then replaces: one for the rows of one table, from its first row on
    (`row_memory`)."""

    __slots__ = ("_cells",)

    def __init__(self) -> None:
        self._cells: dict[int, str] = {}

    def get(self, col: int) -> str:
        """The text of the cell above in grid column `col` ("" with none)."""
        return self._cells.get(col, "")

    def remember(self, col: int, text: str) -> None:
        self._cells[col] = text


def row_memory() -> RowMemory:
    """A new, empty memory for the rows of one table (every reader of tables starts one per table)."""
    return RowMemory()


def row_line(
    cells: list[Cell],
    roles: dict[int, str],
    ordinal: int,
    above: RowMemory | None = None,
    units: dict[int, str] | None = None,
) -> TableRow | None:
    """The synthetic line for one data or section row (None for an empty row). `above`: the table's memory of
    its last data row (`RowMemory`), which a cell saying "同上" reads (`_ditto`) and this row then replaces.
    `units`: the unit each column of role `matrix.UNIT` names (`unit_columns`)."""
    texts = [c.text for c in cells]
    if not any(texts):
        return None
    orig = "\t".join(texts)
    starts = _cell_starts(texts)
    by_role: dict[str, list[int]] = {}
    readings: dict[int, Reading] = {}  # a cell whose header says how to read it (`Role`)
    named: dict[int, tuple[str, str]] = {}  # a matrix cell: (the role it says, its column's unit)
    for k, cell in enumerate(cells):
        col = next((c for c in range(cell.col, cell.col + cell.span) if c in roles), None)
        role = roles[col] if col is not None else ""
        if role == matrix.UNIT:
            unit = (units or {}).get(col)  # type: ignore[arg-type]
            said = matrix.cell_role(texts[k]) if texts[k] and not cell.inherited and unit else None
            if said is not None and unit:
                named[k] = (said, unit)
            role = "unit" if said is not None or not texts[k] else ""  # no role said: as a cell no column claims
        by_role.setdefault(str(role), []).append(k)
        if isinstance(role, Role):
            readings[k] = role.reading
    filled = [k for k, t in enumerate(texts) if t]

    # section rows: one cell holding everything, or a 一、/(一) number and a title
    heading = _heading(cells, texts, filled, by_role, starts)
    if heading is not None:
        return heading

    b = _Builder()
    no_cells = [k for k in by_role.get("no", []) if texts[k]]
    task_cells = [k for k in by_role.get("task", []) if texts[k]]
    if not task_cells:  # no task column: the text no column claims is the task
        task_cells = [k for k in by_role.get("", []) if texts[k]]
    anchor = starts[no_cells[0]] if no_cells else starts[task_cells[0]] if task_cells else starts[filled[0]]
    m = (_NUMBER.match(texts[no_cells[0]]) or _compound_number(texts[no_cells[0]])) if no_cells else None
    if m:
        k = no_cells[0]
        b.add(m.group(1), start=starts[k] + m.start(1))
    else:
        b.add(str(ordinal), anchor)
    b.add(".", anchor)
    task_text = ""
    for n, k in enumerate(task_cells):
        t = texts[k]
        if n and task_text and task_text[-1] not in "。；;！!？?":
            b.add("。", starts[k])
        b.add(t, start=starts[k])
        task_text += t
    if not task_cells:
        b.add("", anchor)
    values, copied = _ditto(cells, texts, by_role, above)
    _fields(b, values, starts, by_role, task_text, readings, named, copied)
    return TableRow(orig, "".join(b.text), b.cols)


_DITTO_ROLES = ("lead", "duty", "support", "due")
_DITTO_EDGE = " \t\n\u3000。.，,；;、\"“”‘’'"


def _ditto(
    cells: list[Cell], texts: list[str], by_role: dict[str, list[int]], above: RowMemory | None
) -> tuple[list[str], set[int]]:
    """The row's cell texts with a unit or deadline cell that says "the same as above" (同上, 同前, 同上栏, 〃:
    rulesets/data/roles.yaml `ditto`) read as the cell above it in its column, as an office means it; and the
    cells so read. With no row above, such a cell names nothing (never a unit called 同上). A merged continuation
    that carries no text of its own (a spreadsheet paste's empty field under a merged cell: `_merged_leads`) is
    read the same way. `above` then holds this row's texts as read."""
    values = list(texts)
    copied: set[int] = set()
    words = role_words().ditto
    for role in _DITTO_ROLES:
        for k in by_role.get(role, []):
            if texts[k].strip(_DITTO_EDGE) in words or (cells[k].inherited and not texts[k]):
                values[k] = above.get(cells[k].col) if above is not None else ""
                copied.add(k)
            if above is not None:
                above.remember(cells[k].col, values[k])
    return values, copied


def numbers_a_row(text: str) -> bool:
    """`text` is a whole 序号 cell: a row's number (1, （3）, 2.1, 1-2) or a section row's (一, （二）); not a year (a
    完成时限 cell's first line "2026", its 年底 wrapped below)."""
    m = _NUMBER.match(text)
    return bool((m and len(m.group(1)) <= 3) or _SECTION_NO.match(text) or _compound_number(text))


def _compound_number(text: str) -> re.Match[str] | None:
    """A 序号 cell holding a compound number, its parts joined by a dot or a joiner of
    rulesets/data/decimal_numbering.yaml ("1-1", "2.3"): group 1 the number as printed, read as the row's label
    by the decimal numbering (engine/parse/numbering.py), or None."""
    from engine.parse.numbering import decimal_joiners  # engine.parse imports engine.ingest

    joiner = "|".join(re.escape(j) for j in (".", "．", *decimal_joiners()))
    return re.match(rf"^[\s\u3000]*([0-9０-９]{{1,2}}(?:(?:{joiner})[0-9０-９]{{1,2}}){{1,2}})[\s\u3000]*$", text)


def _fields(
    b: _Builder,
    texts: list[str],
    starts: list[int],
    by_role: dict[str, list[int]],
    task_text: str,
    readings: dict[int, Reading] | None = None,
    named: dict[int, tuple[str, str]] | None = None,
    copied: set[int] | None = None,
) -> None:
    """The units of a row (its unit cells, by column) as a clause "(牵头单位:…;配合单位:…)" and its deadline
    "…完成。", added to `b`; nothing already in `task_text` is said again. `readings`: cells whose header says
    how to read them (`Role`); `named`: cells of a responsibility matrix, (the role the cell says, the unit its
    column's header names), the unit's name standing where the cell does; `copied`: cells whose text is not
    printed in them but copied from the cell above (`_ditto`), all of it mapped to the cell's start."""
    # a unit cell may name both roles with its own labels ("牵头：X" / "配合：Y" as lines of one 责任单位 cell):
    # each labelled part goes to its role, whatever the column's; text before any label keeps the column's role
    parts: dict[str, list[tuple[int, str, bool, bool]]] = {"lead": [], "duty": [], "support": []}  # at, text, whole, copied
    for role in ("lead", "duty", "support"):
        for k in by_role.get(role, []):
            if texts[k]:
                copy = bool(copied and k in copied)  # a copied cell's pieces all go where the cell starts
                for own, at, piece in _labelled(texts[k]):
                    at = 0 if copy else at
                    if own is None and readings and k in readings:
                        for got, off, sub in _read_as_header_says(piece, readings[k]):
                            parts[got or role].append((starts[k] + (0 if copy else at + off), sub, False, copy))
                        continue
                    parts[own or role].append((starts[k] + at, piece, False, copy))
    for k, (said, unit) in (named or {}).items():
        parts[said].append((starts[k], unit, True, False))
    if parts["lead"] and parts["duty"]:
        # 责任单位 beside a 牵头单位: the units that take part (roles.yaml stems.duty), as in a clause "（牵头单位：A；
        # 责任单位：B、C）"; a row whose lead cell names no one keeps its 责任单位 leading jointly
        parts["support"] += parts["duty"]
        parts["duty"] = []
    lead_word = "牵头单位" if parts["lead"] or not parts["duty"] else "责任单位"  # 责任单位 is not 牵头单位
    lead = sorted(parts["lead"] + parts["duty"], key=lambda p: p[0])
    support = sorted(parts["support"], key=lambda p: p[0])
    if (lead or support) and not _RESP_END.search(task_text):
        first = True
        for word, ps in ((lead_word, lead), ("配合单位", support)):
            if not ps:
                continue
            b.add(("(" if first else ";") + word + ":", ps[0][0])
            for n, (at, piece, whole, copy) in enumerate(ps):
                if n:
                    b.add("、", at)
                if whole:
                    b.add(piece, at)  # a matrix column's unit: its name is the header's, not the cell's
                else:
                    _units(b, piece, at, copy)
            first = False
        b.add(")", (support or lead)[0][0])
    for k in by_role.get("due", []):
        due = texts[k]
        if _NO_VALUE.match(due) or _squash(due) in _squash(task_text):
            continue
        if copied and k in copied:
            b.add(due, starts[k])
        else:
            b.add(due, start=starts[k])
        if _BARE_DATE.match(_squash(due)):  # 2026年12月, also as a layout spaces it (2026 年 12 月)
            b.add("底前", starts[k])
        elif _BARE_DAY.match(_squash(due)):  # 2027年6月30日 (a date cell of a workbook, a typed day): by that day
            b.add("前", starts[k])
        if not due.rstrip("。；; ").endswith(_DONE) and not re.search("长期|持续|每", due):
            b.add("完成", starts[k])
        b.add("。", starts[k])


_LIST_MARKS = ("、", "，", ",", "；", ";")
_FIRST_UNIT_END = re.compile(r"[\s\u3000、，,；;]+")


def _read_as_header_says(piece: str, reading: Reading) -> list[tuple[str | None, int, str]]:
    """A unit cell's text read as its header says (`Role`): (role, offset in `piece`, part). "first": the first
    unit leads, the rest support ("A\tB\tC", "A、B、C"); a pair of roles: the part before the cell's slash takes
    the first, the part after it the second ("X/Y、Z"; no slash: all of it the first); `Marked`: `_by_mark`."""
    if isinstance(reading, Marked):
        return _by_mark(piece, reading)
    if reading == "first":
        m = _FIRST_UNIT_END.search(piece)
        if m is None or m.end() == len(piece):
            return [("lead", 0, piece.rstrip(_PART_EDGE))]
        return [("lead", 0, piece[: m.start()]), ("support", m.end(), piece[m.end() :])]
    out: list[tuple[str, int, str]] = []
    at = 0
    for role, m in zip(reading, [*_ROLE_SLASH.finditer(piece), None], strict=False):
        end = m.start() if m is not None and role != reading[-1] else len(piece)
        part = piece[at:end]
        gap = len(part) - len(part.lstrip(_PART_EDGE))
        if part.strip(_PART_EDGE):
            out.append((role, at + gap, part.strip(_PART_EDGE)))
        if m is None or role == reading[-1]:
            break
        at = m.end()
    return out


_OPENERS, _CLOSERS = "(（[［【〔", ")）]］】〕"


def _top_units(piece: str) -> list[tuple[int, str, bool]]:
    """(offset, text, spaced) of each unit of a cell: cut at a list's separators and line breaks outside brackets
    (各县（市、区）人民政府 is one unit); `spaced`: only blanks stand between it and the text before it."""
    out: list[tuple[int, str, bool]] = []
    depth, at, listed = 0, 0, False
    for k, ch in enumerate(piece + "、"):
        depth += (ch in _OPENERS) - (ch in _CLOSERS and depth > 0)
        if depth == 0 and (ch in _LIST_MARKS or ch.isspace()):
            if piece[at:k]:
                out.append((at, piece[at:k], bool(out) and not listed))
                listed = False
            listed = listed or ch in _LIST_MARKS
            at = k + 1
    return out


def _by_mark(piece: str, reading: Marked) -> list[tuple[str | None, int, str]]:
    """A unit cell read by the marks its header states (`Marked`): the units carrying the lead mark before or after
    their name lead, the others support; else the units carrying the support mark support, the others keep the
    column's role (None). A cell with no unit so marked (or every unit carrying the support mark) is all the
    column's. The mark is no part of a name: each part is the unit without it. A mark standing apart is the name's
    it is spaced from ("市民政局 ★、市财政局"), else the next one's ("市商务局、★ 市民政局")."""
    # engine.extract imports engine.parse, which imports ingest: imported where read
    from engine.extract.data import lead_conventions

    marks = lead_conventions().marks
    units: list[tuple[int, str]] = []  # offset, name without its marks
    beside: list[set[str]] = []  # the marks beside each, in their one form (＊ is *)
    pending: set[str] = set()  # a mark standing apart before a name
    for at, text, spaced in _top_units(piece):
        name = text.strip(marks)
        around = {unicodedata.normalize("NFKC", ch) for ch in text.replace(name, "", 1)} if name else set()
        if name:
            units.append((at + text.find(name), name))
            beside.append(around | pending)
            pending = set()
        elif spaced and beside:
            beside[-1] |= {unicodedata.normalize("NFKC", ch) for ch in text}
        else:
            pending |= {unicodedata.normalize("NFKC", ch) for ch in text}
    lead = {k for k, b in enumerate(beside) if reading.lead and reading.lead in b}
    helpers = {k for k, b in enumerate(beside) if reading.support and reading.support in b}
    if lead:
        roles: list[str | None] = ["lead" if k in lead else "support" for k in range(len(units))]
    elif helpers and len(helpers) < len(units):
        roles = ["support" if k in helpers else None for k in range(len(units))]
    else:
        roles = [None] * len(units)
    return [(role, at, name) for role, (at, name) in zip(roles, units, strict=True)]


_MARK_MAX = 12  # characters: a line longer than this is no role mark alone (（牵头单位）, (配合), 牵头负责)


def _units(b: _Builder, text: str, start: int, fixed: bool = False) -> None:
    """Unit names; paragraph breaks and spaces between names become 、 (else names would run together). `fixed`:
    the names are not printed here (a copied cell: `_ditto`), every character maps to `start`. A role mark alone on
    its line under a name ("X⏎（牵头）⏎Y", "X⏎牵头⏎Y": engine/roles.py `mark_alone`) is that name's: joined to it with
    no 、 between, a bare one in brackets ("X（牵头）、Y"), as the responsibility clauses read a mark after a name. Not
    in a cell that opens with a role word (its lines are labels, "牵头⏎X⏎配合⏎Y", not marks)."""
    breaks = list(_WS_RUN.finditer(text))
    bounds = [0, *(x for m in breaks for x in (m.start(), m.end())), len(text)]
    pieces = [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]
    labels = len(pieces) > 1 and mark_alone(text[pieces[0][0] : pieces[0][1]]) is not None
    marks = [mark_alone(text[a:e]) if k and not labels and e - a <= _MARK_MAX else None for k, (a, e) in enumerate(pieces)]
    for k, (a, e) in enumerate(pieces):
        at = start if fixed else None
        if k:
            gap = breaks[k - 1]
            joined = marks[k] is not None
            if not joined and text[gap.start() - 1] not in _LIST_MARKS and text[gap.end() : gap.end() + 1] not in _LIST_MARKS:
                b.add("、", start if fixed else start + gap.start())  # a name's own 、 before the break is kept
        mark = marks[k]
        if mark is not None and mark != text[a:e]:  # a bare 牵头: in the brackets a mark after a name has
            b.add(mark[0], at if fixed else start + a)
            b.add(text[a:e], at, start=start + a)
            b.add(mark[-1], at if fixed else start + e - 1)
        else:
            b.add(text[a:e], at, start=start + a)


@memo(1, copy="shared")  # built once from the roles data; a compiled pattern and a frozen mapping
def _label_words() -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]]:
    """The labels a unit cell names a role with, followed by a colon: a field of either role (牵头单位：,
    配合单位：, 责任单位：) or the role's own verb (牵头：, 主责：, 主办：; 配合：, 协助：, 参与：), all from
    rulesets/data/roles.yaml. (pattern, word -> role)."""
    r = role_words()
    words = (
        [(w, "lead") for w in (*r.lead_fields, *r.lead_verbs, *r.paired_verbs)]
        + [(w, "duty") for w in r.duty_fields]
        + [(w, "support") for w in (*r.support_fields, *r.support_verbs)]
    )
    words.sort(key=lambda wr: -len(wr[0]))
    alt = "|".join(re.escape(w) for w, _ in words)
    return re.compile(f"(?:{alt})[\\s\u3000]*[:：]"), tuple(words)


_PART_EDGE = "\t\n \u3000/／;；,，、|｜"  # what stands between the labelled parts of a cell


def _labelled(text: str) -> list[tuple[str | None, int, str]]:
    """A unit cell cut at its own role labels: (role of the label, or None before any; offset of the part
    in `text`; the part, its label and the marks around it dropped). One part (None, 0, text) for a cell
    without labels. "牵头：市商务局\t配合：市财政局、各区政府" -> lead 市商务局, support 市财政局、各区政府;
    also "牵头：X / 配合：Y" and "牵头单位：X；配合单位：Y" in one line. The labels are matched in simplified
    characters (牽頭：)."""
    pattern, words = _label_words()
    folded = to_simplified(text)
    if len(folded) != len(text):
        folded = text
    hits = list(pattern.finditer(folded))
    if not hits:
        return [(None, 0, text)]
    role_of = dict(words)
    out: list[tuple[str | None, int, str]] = []
    bounds = [(None, 0, hits[0].start())] + [
        (
            role_of[_HEADER_JUNK.sub("", m.group(0))],
            m.end(),
            hits[n + 1].start() if n + 1 < len(hits) else len(text),
        )
        for n, m in enumerate(hits)
    ]
    for role, at, end in bounds:
        piece = text[at:end]
        lead_gap = len(piece) - len(piece.lstrip(_PART_EDGE))
        piece = piece.strip(_PART_EDGE)
        if piece:
            out.append((role, at + lead_gap, piece))
    return out


def _squash(s: str) -> str:
    return _WS_RUN.sub("", s).translate(str.maketrans("０１２３４５６７８９", "0123456789"))


def _heading(
    cells: list[Cell], texts: list[str], filled: list[int], by_role: dict[str, list[int]], starts: list[int]
) -> TableRow | None:
    orig = "\t".join(texts)
    if any(c.inherited and c.text for c in cells):  # a merged unit/deadline cell runs through: a task
        return None
    distinct = {texts[k] for k in filled}
    if len(distinct) == 1:
        k = filled[0]
        # one cell across the row (or every cell saying the same), or a title that carries 一、/(一)
        whole = len(cells) == 1 or len(filled) == len(cells) or bool(_SECTION_LEAD.match(texts[k]))
        if not whole or _NUMBER.match(texts[k]):
            return None
        return TableRow(orig, texts[k], list(range(starts[k], starts[k] + len(texts[k]))), heading=True)
    no_cells = by_role.get("no", [])
    if len(filled) == 2 and no_cells and filled[0] in no_cells:
        k, t = filled
        m = _SECTION_NO.match(texts[k])
        if not m or _SECTION_LEAD.match(texts[t]):
            return None
        b = _Builder()
        if m.group(1):
            b.add(m.group(1), start=starts[k] + m.start(1))
            b.add("、", starts[k])
        else:
            b.add("(", starts[k])
            b.add(m.group(2), start=starts[k] + m.start(2))
            b.add(")", starts[k])
        b.add(texts[t], start=starts[t])
        return TableRow(orig, "".join(b.text), b.cols, heading=True)
    return None


def sub_header(row: list[Cell]) -> dict[int, str]:
    """Roles of a second header row, which splits a merged header cell (责任单位 over 牵头单位 | 配合单位):
    every cell of its own that holds text names a column. A cell merged down from the row above repeats that
    row's word, which may name no column (类别 | 序号 | 重点任务 merged down beside 牵头单位 | 配合单位: blind87
    江西省, whose 类别 column no role claims); it is the header's, not this row's. Empty for any other row."""
    roles = header_roles(row)
    if not roles:  # unit names alone under a merged 责任单位 (省能源局 | 省应急厅 | …): a matrix's own header
        roles = {c: r for c, r in _cell_roles(row).items() if r == matrix.UNIT}
        if len(roles) < matrix.MATRIX_MIN:
            return {}
    own = [cell for cell in row if cell.text and not cell.inherited]
    if not own or not all(any(c in roles for c in range(cell.col, cell.col + cell.span)) for cell in own):
        return {}
    return roles


def kind_columns(roles: dict[int, str], sub_units: dict[int, str], body: list[list[Cell]]) -> set[int]:
    """The columns of a second header row that name a KIND of body under a header cell of a unit role merged across
    them: 配合单位 over 市级部门 | 驻市单位及企业 (a city's task table splitting each row's support units by kind,
    blind83 宿迁市, measured: read as a matrix of two units, so no support), 牵头单位 over 省直部门 | 中央驻X单位. Each
    such column lists units of the merged cell's role, its label no unit's name: the cells below name bodies, not
    the role words or marks a responsibility matrix puts under its units' names (`_matrix_below`), so the columns
    keep the role of the cell above. Empty where the columns below are a matrix's."""
    kinds = {c for c in sub_units if roles.get(c) in ("lead", "support", "duty")}
    if not kinds or _matrix_below({c: sub_units[c] for c in kinds}, body):
        return set()
    return kinds


SPLIT_LABEL_MAX = 12  # characters: a label under a merged header cell (2026年, 一季度, 2026年上半年)
_SENTENCE_MARK = re.compile(r"[。；;，,！!？?]")


def split_header(top: list[Cell], row: list[Cell]) -> dict[int, str] | None:
    """The roles `row` adds when it is the second row of a two-row header that splits a header cell merged
    across columns into labels naming no column: 实施年度 over 2026年 | 2027年 | 2028年 (a schedule, whose cells
    below hold ● in the years a task runs), 完成时限 over 一季度 | 二季度 — beside, it may be, 牵头单位 | 配合单位
    under a merged 责任单位 (their roles are returned). None when it is no such row. Every filled cell under a
    merged cell is a short label or names a column, at least one is a label, and every other filled cell repeats
    the header above it (merged down: 序号, 重点任务). A data row has its 序号 and task text there, so it is never
    one. A label naming a unit (a matrix's 省能源局) is no split label: the year columns are read as no unit's
    and stay unclaimed, as they were."""
    spans = {c: cell for cell in top if cell.span > 1 and cell.text for c in range(cell.col, cell.col + cell.span)}
    above = {c: cell.text for cell in top for c in range(cell.col, cell.col + cell.span)}
    roles: dict[int, str] = {}
    labelled = False
    for cell in row:
        if not cell.text:
            continue
        cols = range(cell.col, cell.col + cell.span)
        if cell.inherited or all(above.get(c) == cell.text for c in cols):
            continue
        if not all(c in spans for c in cols) or cell.span >= spans[cell.col].span:
            return None
        role = column_role(cell.text)
        if role is not None:
            roles.update((c, role) for c in cols)
            continue
        text = _WS_RUN.sub("", cell.text)
        if len(text) > SPLIT_LABEL_MAX or _SENTENCE_MARK.search(text) or matrix.unit_header(text):
            return None
        labelled = True
    return roles if labelled else None


CAPTION_MAX = 60  # characters: a 续表 line with its table's number and title; a longer line is text
_CAPTION_NUMBER = "[0-9０-９一二三四五六七八九十]{1,3}(?:[-－—.．][0-9０-９]{1,3})?"
_CAPTION_TITLE = "(?:[\\s\u3000:：]+[^。；;！!？?]{1,40})?"


@memo(1, copy="shared")  # a compiled pattern, from the one file
def _continued_pattern() -> re.Pattern[str]:
    """rulesets/data/layout.yaml `continued_tables` as one pattern on a whole line (spaces kept)."""
    from engine.extract.data import read_data  # engine.extract imports engine.parse, which imports ingest

    raw = read_data("layout.yaml", required=True) or {}
    table = raw.get("continued_tables") or {}

    def alt(words: object) -> str:
        return "|".join(re.escape(str(w)) for w in sorted(words or (), key=len, reverse=True))  # type: ignore[attr-defined]

    words, marks, labels = alt(table.get("words")), alt(table.get("after_caption")), alt(raw.get("caption_labels"))
    forms = []
    if words:  # 续表, 续表1, （续表）, 续表 1　重点任务分工表
        forms.append(f"[（(]?(?:{words})[\\s\u3000]*(?:{_CAPTION_NUMBER})?[)）]?{_CAPTION_TITLE}")
    if marks and labels:  # 表1（续）, 附表2　重点任务分工表（续表）
        forms.append(f"(?:{labels})[\\s\u3000]*{_CAPTION_NUMBER}[^。；;（(]{{0,40}}[（(](?:{marks})[)）]")
    if not forms:
        return re.compile("(?!)")
    return re.compile(f"^[\\s\u3000]*(?:{'|'.join(forms)})[\\s\u3000]*$")


@memo(1, copy="shared")  # a compiled pattern, from the one file
def _caption_pattern() -> re.Pattern[str]:
    """rulesets/data/layout.yaml `caption_labels` with an Arabic number: 附件1, 附件 2　X分工表, 附表3, 表1 主要指标."""
    from engine.extract.data import read_data  # engine.extract imports engine.parse, which imports ingest

    labels = (read_data("layout.yaml", required=True) or {}).get("caption_labels") or ()
    alt = "|".join(re.escape(str(w)) for w in sorted(labels, key=len, reverse=True))
    if not alt:
        return re.compile("(?!)")
    return re.compile(
        f"^[\\s\u3000]*(?:{alt})[\\s\u3000]*([0-9０-９]{{1,3}})"
        f"(?:[\\s\u3000:：.．、]*[^0-9０-９\\s\u3000。；;！!？?][^。；;！!？?]{{0,39}})?[\\s\u3000]*$"
    )


def own_captions(texts: list[str]) -> bool:
    """Lines standing at the same place of several pages that are each a part's own caption, not a running header:
    every one a numbered caption (rulesets/data/layout.yaml `caption_labels`: 附件1 over the plan, 附件2 over its
    分工表) with a number no other of them has. A running header repeats its words and its number (附件1 over each
    page of one attachment); a page counter is a page number, read apart."""
    numbers = []
    for text in texts:
        m = _caption_pattern().match(to_simplified(text)) if len(text) <= CAPTION_MAX else None
        if m is None:
            return False
        numbers.append(int(unicodedata.normalize("NFKC", m.group(1))))
    return len(numbers) >= 2 and len(set(numbers)) == len(numbers)


def continued_caption(text: str) -> bool:
    """The line is a 续表 caption (rulesets/data/layout.yaml `continued_tables`): it says the table below goes on
    with the one above (续表, 续表1, 表1（续）), and is no text of the plan."""
    if not text or len(text) > CAPTION_MAX or ("续" not in text and "續" not in text and "接" not in text):
        return False
    return _continued_pattern().match(to_simplified(text)) is not None


def drop_continued_captions(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[str]]:
    """(the lines less each 续表 caption that stands between two task-table rows, blank lines aside; the captions
    taken out): the line over a table's second part is no text of the measure in the row above it. Every input
    form: a reader of tables has read both parts as one table (`TableRun`) or kept the line between them."""
    out: list[tuple[int, str]] = []
    dropped: list[str] = []
    last_row = False  # the last line that was not blank is a task-table row
    for k, (no, text) in enumerate(lines):
        if isinstance(text, TableRow):
            last_row = True
        elif text.strip():
            if last_row and continued_caption(text) and _row_follows(lines, k + 1):
                dropped.append(text.strip())
                continue
            last_row = False
        out.append((no, text))
    return out, dropped


def _row_follows(lines: list[tuple[int, str]], k: int) -> bool:
    """The first line from `k` that is not blank (nor another 续表 caption) is a task-table row."""
    for _, text in lines[k:]:
        if isinstance(text, TableRow):
            return True
        if text.strip() and not continued_caption(text):
            return False
    return False


class TableRun:
    """The task table a document's next table may go on with: a table set as two (a page break, then a 续表 line
    and the header row printed again over the rest of its rows) is one table, its rows numbered on and a cell
    saying 同上 reading the row above it across the break. A reader keeps one per document, tells it each line of
    text between tables (`text`: anything but a blank line or a 续表 caption ends the run, as a table that is no
    task table does, `broken`) and hands it to `table_lines`, which goes on from it where the next table's header
    is the last one's again and leaves its own table in it."""

    __slots__ = ("_captioned", "_columns", "_header", "_memory", "_ordinal", "mark")

    def __init__(self) -> None:
        self._header: frozenset[str] = frozenset()  # the last task table's header rows, squashed
        self._ordinal = 0
        self._memory: RowMemory | None = None
        # the last task table's columns: (its grid's width, its roles, its units' columns), for a part without a header
        self._columns: tuple[int, dict[int, str], dict[int, str]] | None = None
        self._captioned = False  # a 续表 caption since that table
        self.mark = 0  # where the reader's output stood when that table ended (the reader's own use)

    def broken(self) -> None:
        self._header, self._memory, self._columns, self._captioned = frozenset(), None, None, False

    def text(self, line: str) -> None:
        if continued_caption(line):
            self._captioned = True
        elif line.strip():
            self.broken()

    def headless(self, rows: list[list[Cell]]) -> tuple[dict[int, str], dict[int, str]] | None:
        """(roles, units' columns) of the last task table, when `rows` — a table with no header row — go on under its
        columns: a 续表 caption stands between the two (and nothing but blank lines), and the grids are as wide. A
        table set as two whose second part does not print the header again."""
        if self._memory is None or self._columns is None or not self._captioned or not rows:
            return None
        width, roles, units = self._columns
        return (roles, units) if _grid_width(rows) == width else None

    def _goes_on(self, header: str) -> tuple[int, RowMemory] | None:
        if self._memory is None or header not in self._header:
            return None
        return self._ordinal, self._memory

    def _ended(self, header: set[str], ordinal: int, memory: RowMemory, columns: tuple[int, dict[int, str], dict[int, str]]) -> None:
        self._header, self._ordinal, self._memory = frozenset(header), ordinal, memory
        self._columns, self._captioned = columns, False


def _grid_width(rows: list[list[Cell]]) -> int:
    """The number of grid columns of a table's rows."""
    return max((c.col + c.span for row in rows for c in row), default=0)


def table_lines(rows: list[list[Cell]], run: TableRun | None = None) -> tuple[int, list[TableRow | None]] | None:
    """(header row index, one line or None per row after the header) for a task table, else None; the index is -1
    for a 续表 printed without its header, whose rows all go on under the last table's columns (`TableRun.headless`).

    A header of two rows (序号 | 工作任务 | 责任单位 | 完成时间 over …| 牵头单位 | 配合单位 |…) takes its
    columns from the second where it names them; that row is no task (None), as a header repeated
    further down (where a page of the printed table began) is none. `run`: the document's last task table
    (`TableRun`); where this table's header is that table's again, its rows go on with it (a 续表)."""
    found = find_header(rows)
    if found is None:
        went_on = run.headless(rows) if run is not None else None
        if went_on is None:
            if run is not None:
                run.broken()
            return None
        return -1, _headless_lines(rows, run, *went_on)  # type: ignore[arg-type]
    h, roles = found
    out: list[TableRow | None] = []
    first = _squash("\t".join(c.text for c in rows[h]))
    carried = run._goes_on(first) if run is not None else None
    ordinal = carried[0] if carried else 0
    header = {first}
    sub = sub_header(rows[h + 1]) if h + 1 < len(rows) else {}
    units = unit_columns(rows[h])
    if sub:
        sub_units = unit_columns(rows[h + 1])
        kinds = kind_columns(roles, sub_units, rows[h + 2 :])
        roles = {**roles, **{c: r for c, r in sub.items() if c not in kinds}}
        units = {**units, **{c: u for c, u in sub_units.items() if c not in kinds}}
        header.add(_squash("\t".join(c.text for c in rows[h + 1])))
    elif h + 1 < len(rows) and (split := split_header(rows[h], rows[h + 1])) is not None:
        roles = {**roles, **split}
        header.add(_squash("\t".join(c.text for c in rows[h + 1])))  # 实施年度 over 2026年 | 2027年: no task
    units = {c: u for c, u in units.items() if roles.get(c) == matrix.UNIT}
    head_cells = {(c.col, c.span, _squash(c.text)) for r in rows[h : h + 1 + bool(sub)] for c in r if c.text}
    above = carried[1] if carried else row_memory()
    notes = table_notes.Notes(out)
    for row in _numbered_rows(rows[h + 1 :], roles):
        if row is None:
            out.append(None)  # a row going on with the measure above (`_numbered_rows`)
            continue
        if notes.add(row):  # the table's note: a line under the table, no row (table_notes.py)
            continue
        if _squash("\t".join(c.text for c in row)) in header or _repeats_header(row, head_cells):
            out.append(None)  # a header row (again): no task
            continue
        line = row_line(row, roles, ordinal + 1, above, units)
        if line is not None and not line.heading:
            ordinal += 1
        out.append(line)
    if run is not None:
        run._ended(header, ordinal, above, (_grid_width(rows), roles, units))
    return h, out


def _repeats_header(row: list[Cell], head_cells: set[tuple[int, int, str]]) -> bool:
    """The row is a header row printed again within the body with some of its cells left empty: the second row of a
    two-row header repeated without the cells merged down beside it (工作板块 | 序号 | 工作任务 empty, 牵头单位 |
    配合单位 filled: a portal's copy of a table whose header Word printed again over a page). Its filled cells — two at
    least — each stand where the header has the same word; a data row never holds a column's name in its column."""
    filled = [c for c in row if c.text and not c.inherited]
    return len(filled) >= 2 and all((c.col, c.span, _squash(c.text)) in head_cells for c in filled)


def _headless_lines(rows: list[list[Cell]], run: TableRun, roles: dict[int, str], units: dict[int, str]) -> list[TableRow | None]:
    """The rows of a 续表 set without its header (`TableRun.headless`), each read under the last task table's columns
    and numbered on from its rows; the run goes on with them. `table_lines` gives them as after a header row at -1."""
    ordinal, above = run._ordinal, run._memory or row_memory()
    out: list[TableRow | None] = []
    notes = table_notes.Notes(out)
    for row in _numbered_rows(rows, roles):
        if row is not None and notes.add(row):  # the table's note (`table_lines`)
            continue
        line = row_line(row, roles, ordinal + 1, above, units) if row is not None else None
        if line is not None and not line.heading:
            ordinal += 1
        out.append(line)
    run._ended(set(run._header), ordinal, above, (_grid_width(rows), roles, units))
    return out


def _numbered_rows(rows: list[list[Cell]], roles: dict[int, str]) -> list[list[Cell] | None]:
    """The rows as measures: a row whose 序号 cell is the continuation of a vertically merged one (a .docx w:vMerge
    cell: `Cell.inherited`) holding a row's number goes on with the row above — one measure over two or more rows, the
    office's one number printed once beside them (a 具体措施 and a 配合单位 of its own in each) — and is None; its own
    cells are added to that row's cell by cell (a merged cell once), as a tab copy's row with an empty 序号 cell is
    joined to the row above (`_continued`). A row with a number of its own in another cell (序号 一 merged over rows
    numbered 1, 2, 3) and rows whose cells do not stand in the same grid columns stay apart."""
    out: list[list[Cell] | None] = []
    last: int | None = None  # the index in `out` of the row a continuation joins
    for row in rows:
        no = next((c for c in row if any(roles.get(k) == "no" for k in range(c.col, c.col + c.span))), None)
        own = any(numbers_a_row(c.text) for c in row if not c.inherited)  # a group cell over rows numbered each
        if no is not None and no.inherited and numbers_a_row(no.text) and not own and last is not None:
            joined = _joined_row(out[last], row)  # type: ignore[arg-type]
            if joined is not None:
                out[last] = joined
                out.append(None)
                continue
        out.append(row)
        last = len(out) - 1
    return out


def _joined_row(first: list[Cell], below: list[Cell]) -> list[Cell] | None:
    """`first` with the cells of the row `below` that are its own (not merged from above) added to the cells in the
    same grid columns, or None where a cell of `below` has no such cell in `first`."""
    at = {(c.col, c.span): k for k, c in enumerate(first)}
    out = list(first)
    for cell in below:
        if cell.inherited or not cell.text:
            continue
        k = at.get((cell.col, cell.span))
        if k is None:
            return None
        out[k] = Cell(out[k].col, out[k].span, [*out[k].parts, *cell.parts], out[k].inherited, out[k].lines)
    return out


_FIELD_ROLES = frozenset(("lead", "duty", "support", "due", "person", "note", "oversight"))


def field_table_line(rows: list[list[Cell]]) -> TableRow | None:
    """A measure's own small table of fields, read as the fields of the text above it, or None.

    Some plans set under each measure a two-column table, its labels down the left (牵头单位 | X;
    配合单位 | Y; 完成时限 | Z: blind16 西藏), or label and value side by side in pairs (牵头单位 | X | 完成时限 |
    Z): a table of one task's fields, not a task table whose header row names columns. Every filled cell
    of it stands in a pair, a label naming a unit, deadline, person or note field (the column words of
    rulesets/data/roles.yaml) and a value that is no label, and one label names units. It gives one line,
    the clause and deadline a task table's row gives, "(牵头单位:X;配合单位:Y)Z底前完成。", in which the
    parser reads the fields of the measure it follows; its orig is the cells joined with a tab.

    A "task card" pasted from the office's spreadsheet under each measure gives the same fields as a header row of
    labels over ONE row of values (牵头单位 | 配合单位 | 完成时限 / X | — | Z): no 序号 and no task column, so no task
    table of its own — read as one, its one row would be a measure with no task text, and the measure above it a
    heading (`_card_fields`)."""
    pairs: list[tuple[str, Cell]] = []
    values: list[Cell] = []
    card = _card_fields(rows)
    for row in rows if card is None else []:
        filled = [c for c in row if c.text]
        if len(filled) % 2:
            return None
        for label, value in zip(filled[::2], filled[1::2], strict=True):
            role = column_role(label.text)
            if role not in _FIELD_ROLES or column_role(value.text) is not None:
                return None
            pairs.append((role, label))
            values.append(value)
    if card is not None:
        pairs, values = card
    if not {"lead", "duty", "support"} & {role for role, _ in pairs}:
        return None
    cells = [c for (_, label), value in zip(pairs, values, strict=True) for c in (label, value)]
    texts = [c.text for c in cells]
    starts = _cell_starts(texts)
    by_role: dict[str, list[int]] = {}
    for n, (role, _) in enumerate(pairs):
        by_role.setdefault(role, []).append(2 * n + 1)
    b = _Builder()
    _fields(b, texts, starts, by_role, "")
    if not b.text:
        return None
    return TableRow("\t".join(texts), "".join(b.text), b.cols)


def _card_fields(rows: list[list[Cell]]) -> tuple[list[tuple[str, Cell]], list[Cell]] | None:
    """(role, label) and value pairs of a task card: two filled rows, every filled cell of the first a field's label
    (`_FIELD_ROLES`), the second the values under them, none a label and none outside the labels' columns; else None."""
    filled_rows = [row for row in rows if any(c.text for c in row)]
    if len(filled_rows) != 2:
        return None
    top, below = filled_rows
    labels = [c for c in top if c.text]
    if len(labels) < 2:
        return None
    pairs: list[tuple[str, Cell]] = []
    values: list[Cell] = []
    at = {(c.col, c.span): c for c in below}
    for label in labels:
        role = column_role(label.text)
        value = at.get((label.col, label.span))
        if role not in _FIELD_ROLES or value is None or column_role(value.text) is not None:
            return None
        pairs.append((role, label))
        values.append(value)
    if any(c.text for c in below if (c.col, c.span) not in {(x.col, x.span) for x in labels}):
        return None
    return pairs, values


# --------------------------------------------------------------------------- tables in plain text

# cells of a text table: tab-separated, markdown pipes, or aligned with two or more (ideographic) spaces
_TAB_SPLIT = re.compile(r"\t")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?[\s:|-]*-{3,}[\s:|-]*$")
_SPACE_SPLIT = re.compile(r"(?:[ \u3000]{2,}|\u3000)")
_SINGLE_SPLIT = re.compile(r"[ \u3000]+")
MIN_TEXT_CELLS = 3  # a header of fewer cells is too weak a sign in running text


def _split_cells(line: str, kind: str) -> list[tuple[int, str]]:
    """(offset in the line, text) of each cell of a text-table line, for a separator kind."""
    if kind == "pipe":
        if not _PIPE_ROW.match(line):
            return []
        out, pos = [], line.index("|") + 1
        end = line.rstrip().rindex("|")
        for part in line[pos:end].split("|"):
            s = len(part) - len(part.lstrip())
            out.append((pos + s, part.strip()))
            pos += len(part) + 1
        return out
    rx = _TAB_SPLIT if kind == "tab" else _SPACE_SPLIT if kind == "space" else _SINGLE_SPLIT
    out, pos = [], 0
    for sep in [*rx.finditer(line), None]:
        end = sep.start() if sep else len(line)
        part = line[pos:end]
        s = len(part) - len(part.lstrip())
        if part.strip() or kind == "tab":
            out.append((pos + s, part.strip()))
        pos = sep.end() if sep else end
    return out


def _header_kind(line: str) -> str | None:
    for kind in ("tab", "pipe", "space", "single"):
        cells = _split_cells(line, kind)
        if len(cells) >= MIN_TEXT_CELLS:
            roles = header_roles([Cell(col=k, span=1, parts=[t]) for k, (_, t) in enumerate(cells)])
            if kind == "single" and (len(roles) != len(cells) or roles.get(0) != "no"):
                continue  # single spaces split prose too: every cell a column word, 序号 first
            words = [r for r in roles.values() if r != matrix.UNIT]  # a unit's name is no sign
            if roles and len(words) >= MIN_TEXT_CELLS - 1:
                return kind
    return None


def _single_row(cells: list[tuple[int, str]], roles: dict[int, str], width: int) -> list[tuple[int, str]] | None:
    """A single-space row as `width` cells: its 序号 first, the surplus pieces given to the task cell
    (None when the row is no table row: no 序号, or fewer pieces than columns)."""
    if len(cells) < width or not _NUMBER.match(cells[0][1]):
        return None
    task = next((c for c in range(width) if roles.get(c) == "task"), None)
    surplus = len(cells) - width
    if not surplus:
        return cells
    if task is None:
        return None
    joined = cells[task : task + surplus + 1]
    text = " ".join(t for _, t in joined)
    return [*cells[:task], (joined[0][0], text), *cells[task + surplus + 1 :]]


def text_table_lines(lines: list[tuple[int, str]], merged: bool = True) -> list[tuple[int, str]]:
    """`_text_table_lines`, a responsibility matrix's marks read by the legend in `lines` (unless the reader
    that called has stated the whole document's: engine/ingest/matrix.py). `merged`: an empty lead field may be
    a merged cell's continuation (`_merged_leads`); False where the reader has read merged cells already (a PDF's
    ruled tables: engine/ingest/pdf_tables.py gives a merged cell's text to each row, an empty cell is empty)."""
    with matrix.legend_from(lambda: (t for _, t in lines)):
        return _text_table_lines(lines, merged)


def _text_table_lines(lines: list[tuple[int, str]], merged_cells: bool = True) -> list[tuple[int, str]]:
    """Raw text lines with each task table (a header line naming 任务/牵头单位/配合单位/完成时限 … in
    cells split by tabs, | pipes or runs of spaces) read as the .docx reader reads one: the header
    dropped, each row one `TableRow` whose columns are the line's own. A table ends at the first line
    that does not split into cells. A line that goes on with the row above (a line break inside a
    cell, see `_continued`) is added to that row, whose `TableRow` then holds its lines joined with a
    newline and keeps the first line's number."""
    out: list[tuple[int, str]] = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i][1]
        if line.lstrip()[:1] in _BOX_START and (box := _box_table(lines, i)) is not None:
            out += box[0]  # a table drawn with box characters: its rules dropped, its rows read
            i = box[1]
            continue
        kind = _header_kind(line) if ("\t" in line or "|" in line or " " in line or "\u3000" in line) else None
        if kind is None:
            out.append(lines[i])
            i += 1
            continue
        head_cells = _split_cells(line, kind)
        heads = [[t for _, t in head_cells]]  # the header's lines, dropped where the table repeats them
        j = i + 1
        if kind in ("tab", "pipe") and j < n:
            sub = _split_cells(lines[j][1], kind)
            # 责任单位 over one column per unit (a matrix's header on two lines), or 年度目标 over 2026年 | 2027年 | …
            split = _unit_sub_line(head_cells, sub) or _label_sub_line(head_cells, sub) or _spread_sub_line(head_cells, sub)
            if split is not None:
                head_cells = _kinds_of_units(head_cells, split, [_split_cells(t, kind) for _, t in lines[j + 1 : j + 4]])
                heads.append([t for _, t in sub])
                j += 1
        width = len(head_cells)
        head_row = [Cell(col=k, span=1, parts=[t]) for k, (_, t) in enumerate(head_cells)]
        roles, units_of = header_roles(head_row), unit_columns(head_row)
        if kind == "space":
            from engine.ingest.layout_tables import (  # they read rows with this module's helpers
                layout_table,
                two_line_header,
            )

            if (two := two_line_header(lines, i, head_cells)) is not None:
                two_row = [Cell(col=k, span=1, parts=[t]) for k, (_, t) in enumerate(two[1])]
                if (laid := layout_table(lines, i, two[1], header_roles(two_row), two[0], 1)) is not None:
                    out += laid[0]  # a header over two lines (序 / 号, 责任单位 over 牵头单位 | 配合单位)
                    i = laid[1]
                    continue
            if (laid := layout_table(lines, i, head_cells, roles)) is not None:
                out += laid[0]  # cells wrapped within their columns, rows over lines and pages
                i = laid[1]
                continue
        rows: list[tuple[int, str, list[tuple[int, str, bool]]]] = []
        starts: list[int] = []  # the index in `lines` of each row's first line
        headings: set[int] = set()  # the rows that are section rows (一、提升政务服务效能)
        while j < n:
            row_line_no, text = lines[j]
            if kind == "pipe" and _PIPE_RULE.match(text):
                j += 1
                continue
            cells = _split_cells(text, kind)
            stripped = text.strip()
            if [t for _, t in cells] in heads:
                j += 1  # the header line again (a table copied from pages that each repeat it): no row
                continue
            if rows and (not stripped or continued_caption(text)) and (k := _past_break(lines, j, kind, heads, width, roles)):
                j = k  # blank lines, a 续表 line and the header again: the table goes on after a page break
                continue
            if (
                kind in ("tab", "pipe")
                and rows
                and (joined := _continued(rows[-1], text, cells, roles, width))
                and (len(cells) > 1 or _goes_on(joined, lines, j + 1, kind, roles, width))
            ):
                rows[-1] = joined  # a cell's text went on over a line break: still the row above
                j += 1
                continue
            if kind == "single" and not _SECTION_LEAD.match(stripped):
                cells = _single_row(cells, roles, width) or []
            bare = kind == "single" or len([c for c in cells if c[1]]) < 2  # single spaces split titles too
            if _SECTION_LEAD.match(stripped) and len(stripped) <= 40 and bare:
                cells = [(len(text) - len(text.lstrip()), stripped)]  # a section row: 一、提升政务服务效能
                headings.add(len(rows))
            elif len([c for c in cells if c[1]]) < 2 or len(cells) > width:
                break
            rows.append((row_line_no, text, cells))
            starts.append(j)
            j += 1
        while rows and len(rows) - 1 in headings:
            # section rows with no task row after them are the document's own headings after the table (三、保障措施,
            # （一）加强组织领导。…, no blank line between): the table ended before them
            headings.discard(len(rows) - 1)
            rows.pop()
            j = starts.pop()
        if not rows:
            out.append(lines[i])
            i += 1
            continue
        ordinal = 0
        above = row_memory()
        merged = (
            _merged_leads(rows, headings, roles) if merged_cells and kind in ("tab", "pipe")
            else _merged_leads(rows, headings, roles, _page_top_cuts(rows)) if kind == "tab" else set()
        )  # fmt: skip
        for r, (row_line_no, text, cells) in enumerate(rows):
            if isinstance(cells, _Joined):  # a row over two or more lines: its cells in pieces
                parts = [[t for _, t in pieces if t] for pieces in cells.pieces]
                row = row_line(
                    [Cell(col=k, span=1, parts=ps, inherited=(r, k) in merged) for k, ps in enumerate(parts)],
                    roles, ordinal + 1, above, units_of,
                )  # fmt: skip
                if row is not None:
                    ordinal += 0 if row.heading else 1
                    out.append((row_line_no, _in_pieces(row, text, cells.pieces)))
                continue
            if kind == "space" and len(cells) > 1:  # an empty cell leaves no text: place each under its header
                cols = _aligned(line, head_cells, text, cells)
                cells = [next(((o, t) for (o, t), c in zip(cells, cols, strict=True) if c == k), (0, ""))
                         for k in range(width)]  # fmt: skip
            row = row_line(
                [Cell(col=k, span=1, parts=[t], inherited=(r, k) in merged) for k, (_, t) in enumerate(cells)],
                roles, ordinal + 1, above, units_of,
            )  # fmt: skip
            if row is None:
                continue
            if not row.heading:
                ordinal += 1
            out.append((row_line_no, _in_line(row, text, cells)))
        i = j
    from engine.ingest.cell_tables import cell_line_tables  # it reads rows with this module's helpers
    from engine.ingest.field_records import field_records  # the same, for task lists set as records

    return field_records(cell_line_tables(out))


_LIST_SPLIT = re.compile(r"[\s\u3000、，,；;/／]+")  # between the units of one cell
_LEAD_ROLES = ("lead", "duty")  # the columns a merged cell's empty continuation is read in: who leads


def _page_top_cuts(rows: list[tuple[int, str, list[tuple[int, str]]]]) -> set[tuple[int, int]]:
    """(row, column) of each cell of a PDF's ruled table that a page break may have cut from a merged cell above it
    (`PageTopRow`)."""
    return {(r, k) for r, (_, text, _cells) in enumerate(rows) if isinstance(text, PageTopRow) for k in text.cut}


def _merged_leads(
    rows: list[tuple[int, str, list[tuple[int, str]]]], headings: set[int], roles: dict[int, str],
    only: set[tuple[int, int]] | None = None,
) -> set[tuple[int, int]]:
    """(row, column) of each empty 牵头单位 (or 责任单位) field of a tab or pipe table that is the continuation of a
    merged cell above it: a spreadsheet copy puts a vertically merged cell's text on the first row of its span
    only and leaves the field EMPTY on the rows below, where a .docx marks them (`w:vMerge`, read as the cell
    above) and HTML spans them (rowspan). Such a field is read as the cell above (`_ditto`), as those readers
    read a merged cell, when it is one:
    - a task row's field (a task of its own; a row that only goes on with the row above is joined to it before,
      `_continued`) right under a filled field of the same column, or under such a continuation, in the same
      group (a group row 一、… spans the whole row: no merged cell runs through it);
    - and the table leaves no lead field empty that no merge can explain: an empty field on the table's or a
      group's first task row, or under a group row, or on a row that names the unit of the field above among its
      own units (a merged lead spans rows led by that one unit). A table with such a row is one whose author
      leaves lead fields empty (the units stated elsewhere, or none yet): none of its empty fields is a merge.
    Support and deadline fields are not read so: an empty 配合单位 or 完成时限 field is common and means none.
    `only`: the fields that may be a merge's continuation (a PDF's ruled table, whose merges within a page are read
    from its rules: only a cell atop a new page, `PageTopRow`, may be one); any other empty lead field is one no merge
    explains. None: every empty field (a tab or pipe copy)."""
    leads = [c for c, role in roles.items() if role in _LEAD_ROLES]
    if not leads or (only is not None and not only):
        return set()
    units = [c for c, role in roles.items() if role in _UNIT_ROLES]
    number = next((c for c, role in roles.items() if role == "no"), -1)

    def text(cells: list[tuple[int, str]], c: int) -> str:
        if c < 0:
            return ""
        if isinstance(cells, _Joined):
            return "".join(t for _, t in cells.pieces[c]) if c < len(cells.pieces) else ""
        return cells[c][1] if c < len(cells) else ""

    tasks = [c for c, role in roles.items() if role == "task"] or [
        c for c in range(max(len(cells) for _, _, cells in rows)) if c not in roles
    ]
    out: set[tuple[int, int]] = set()
    for c in leads:
        span: set[tuple[int, int]] = set()
        held = ""  # the text of the merged cell the row below may continue ("" after a group row)
        for r, (_, _, cells) in enumerate(rows):
            no = text(cells, number)
            if r in headings or (_SECTION_NO.match(no) and not _NUMBER.match(no)):
                held = ""  # a group row (一、…, or 一 in the 序号 column and its title)
                continue
            lead = text(cells, c)
            if lead:
                held = lead
                continue
            if c >= len(cells) or not any(text(cells, k) for k in tasks):
                continue  # not a task row: no field of its own to read
            named = "、".join(_squash(text(cells, k)) for k in units if k != c)
            if (
                not held or (only is not None and (r, c) not in only)
                or any(unit in named for unit in _LIST_SPLIT.split(held) if unit)
            ):  # fmt: skip
                span = set()  # an empty field no merge explains: the table leaves leads empty
                break
            span.add((r, c))
        out |= span
    return out


def _past_break(
    lines: list[tuple[int, str]], j: int, kind: str, heads: list[list[str]], width: int = 0, roles: dict[int, str] | None = None
) -> int | None:
    """The index after the header line printed again, when `lines[j:]` hold only blank lines and 续表 captions
    before it (a table set as two, or a page of it that repeats its header); or, where a 续表 caption stands among
    them and the part below prints no header, the index of its first row: a line of as many cells as the header's,
    its 序号 a number where the table has a 序号 column. Else None."""
    k = j
    captioned = False
    while k < len(lines) and (not lines[k][1].strip() or continued_caption(lines[k][1])):
        captioned = captioned or bool(lines[k][1].strip())
        k += 1
    if k >= len(lines):
        return None
    cells = _split_cells(lines[k][1], kind)
    if [t for _, t in cells] in heads:
        return k + 1
    if captioned and width and len(cells) == width and (not roles or roles.get(0) != "no" or _NUMBER.match(cells[0][1])):
        return k  # a 续表 without its header: its rows go on under the columns above
    return None



def _names_unit(header: str) -> bool:
    """A header cell that names a unit (a matrix's column: 市发展改革委), no column role (牵头单位, 完成时限)."""
    return column_role(header) is None and bool(matrix.unit_header(header))

def _unit_sub_line(head: list[tuple[int, str]], sub: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """The header's cells with its unit column (责任单位) replaced by the unit columns the line below names, when
    that line is a responsibility matrix's second header line: its filled cells one run of at least
    `MATRIX_MIN` units' names (省能源局 | 省应急厅 | …), standing where the header's unit column does, every other
    cell empty (merged down from the line above, as a PDF's ruled table or Word's copied text gives it) or holding
    the end of the word above it (序 over 号: a narrow merged cell's word wrapped past the rule). Else None."""
    if len(sub) <= len(head):
        return None
    # (a column word repeated below, 牵头单位 merged down, names a column, no unit)
    units = [k for k, (_, t) in enumerate(sub) if t and _names_unit(t)]
    if len(units) < matrix.MATRIX_MIN or units != list(range(units[0], units[-1] + 1)):
        return None
    before, after = units[0], len(sub) - 1 - units[-1]
    if before + 1 + after != len(head) or column_role(head[before][1]) not in _UNIT_ROLES:
        return None
    rest = [*zip(head[:before], sub[:before], strict=True), *zip(head[before + 1 :], sub[units[-1] + 1 :], strict=True)]
    # a cell merged down is empty below, or (a PDF's ruled table gives its text to each row it spans) repeats the word
    if any(t and t != above and column_role(above + t) is None for (_, above), (_, t) in rest):
        return None
    joined = [(at, above if t == above else above + t) for (at, above), (_, t) in rest]
    return [*joined[:before], *(sub[k] for k in units), *joined[before:]]


def _spread_sub_line(head: list[tuple[int, str]], sub: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """The header's cells with a unit column merged across columns replaced by the columns the line below names,
    where a spreadsheet's copy printed the merged cell's word in its first column and left the others EMPTY
    ("配合单位\t\t" over "市直部门\t驻市单位"; "责任单位\t\t\t" over a matrix's units), or with the column words that
    split it ("责任单位\t" over "牵头单位\t配合单位", a two-row header pasted from Excel): the line below fills exactly
    those columns with names, or with column words of units' roles, every other cell of it empty or repeating the
    word above. Else None."""
    if len(sub) != len(head):
        return None
    for k, (_, word) in enumerate(head):
        if column_role(word) not in _UNIT_ROLES:
            continue
        end = k + 1
        while end < len(head) and not head[end][1]:
            end += 1
        names = sub[k:end]
        if end - k < 2 or not (
            all(t and _names_unit(t) for _, t in names) or all(column_role(t) in _UNIT_ROLES for _, t in names)
        ):
            continue
        rest = [*zip(head[:k], sub[:k], strict=True), *zip(head[end:], sub[end:], strict=True)]
        if all(not t or t == above for (_, above), (_, t) in rest):
            return [*head[:k], *names, *head[end:]]
    return None


def _kinds_of_units(
    head: list[tuple[int, str]], split: list[tuple[int, str]], below: list[list[tuple[int, str]]]
) -> list[tuple[int, str]]:
    """`split` (the header's cells over two lines, `_unit_sub_line`) with each column that names a KIND of body under
    a unit column merged across them (配合单位 over 市级部门 | 驻市单位及企业) labelled as that column: the lines
    `below` (the table's first rows) put bodies' names in them, not the role words or marks of a responsibility
    matrix, so each lists units of the merged column's role (`kind_columns`, the same reading of a grid's header)."""
    units = [k for k, (_, t) in enumerate(split) if _names_unit(t)]
    # the run of names stands where the merged cell did: its first column is that cell's
    word = head[units[0]][1] if units and units[0] < len(head) else ""
    if column_role(word) not in _UNIT_ROLES:
        return split
    cells = [row[k][1] for row in below if len(row) == len(split) for k in units if row[k][1].strip()]
    if not cells or all(matrix.is_mark(c) for c in cells):
        return split  # a matrix: each column's cells say its unit's role
    return [(at, word) if k in units else (at, t) for k, (at, t) in enumerate(split)]


def _label_sub_line(head: list[tuple[int, str]], sub: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """The header's cells with one header cell replaced by the columns the line below splits it into, when that line
    is the second line of a two-row header whose cell merged across columns (年度目标 over 2026年 | 2027年 | 2028年,
    完成时限 over 一季度 | 二季度, 责任单位 over 牵头单位 | 配合单位) came out of a PDF's ruled table or Word's copied
    text as one cell: its filled cells one run of short labels or column words (as `split_header` takes them in a
    grid) standing where that header cell does, every other cell empty (merged down) or the end of the word above
    it. A label naming no column leaves its column unclaimed, as in a grid. Else None (a data row holds its 序号 and
    task text outside any such run)."""
    for before in range(len(head)):
        end = len(sub) - (len(head) - 1 - before)  # the split cell's columns: sub[before:end]
        if end - before < 2:
            return None
        if head[before][1] and (split := _split_of(head, sub, before, end)) is not None:
            return split
    return None


def _split_of(head: list[tuple[int, str]], sub: list[tuple[int, str]], before: int, end: int) -> list[tuple[int, str]] | None:
    """`_label_sub_line` where the header cell `head[before]` splits into `sub[before:end]`."""
    labels = sub[before:end]
    if not all(t for _, t in labels):
        return None
    for _, t in labels:  # column words (牵头单位 | 配合单位) or short labels naming none (2026年)
        text = _WS_RUN.sub("", t)
        if column_role(t) is None and (len(text) > SPLIT_LABEL_MAX or _SENTENCE_MARK.search(text) or matrix.unit_header(text)):
            return None
    rest = [*zip(head[:before], sub[:before], strict=True), *zip(head[before + 1 :], sub[end:], strict=True)]
    if any(t and column_role(above + t) is None for (_, above), (_, t) in rest):
        return None
    joined = [(at, above + t) for (at, above), (_, t) in rest]
    return [*joined[:before], *labels, *joined[before:]]


def _goes_on(
    row: tuple[int, str, list[tuple[int, str, bool]]],
    lines: list[tuple[int, str]],
    j: int,
    kind: str,
    roles: dict[int, str],
    width: int,
) -> bool:
    """Whether the row (joined with a line that holds no separator) goes on past it: a line with no separator
    (no tab) is a cell's text broken over lines only when a later line adds the row's further cells; after the
    table's last row it is the document's next paragraph or heading (三、保障措施, 各县（市、区）要…)."""
    while j < len(lines):
        text = lines[j][1]
        cells = _split_cells(text, kind)
        more = _continued(row, text, cells, roles, width)
        if more is None:
            return False
        if len(cells) > 1:
            return True
        row, j = more, j + 1
    return False


class _Joined(list):
    """The cells of a row whose text went on over line breaks: per cell, its pieces (offset in the
    row's lines joined with a newline, text); the list itself holds each cell's first piece."""

    pieces: list[list[tuple[int, str]]]


def _continued(
    prev: tuple[int, str, list[tuple[int, str, bool]]],
    text: str,
    cells: list[tuple[int, str]],
    roles: dict[int, str],
    width: int,
) -> tuple[int, str, _Joined] | None:
    """The row above with the line `text` added to its cells, when the line goes on with that row: a
    line break inside a cell, as a table copied out of Word or Excel carries one. In a table with a
    序号 column, a line whose 序号 cell is empty (it starts with the separator) holds more text of the
    row above, cell by cell; a line that follows a row with fewer cells than the header goes on with
    that row's last cell, its further cells filling the columns still missing. A line with a 序号,
    a section row (一、…), a blank line and a line that does not fit the header's cells are no part
    of the row above (None)."""
    stripped = text.strip()
    if not cells or not stripped or _SECTION_LEAD.match(stripped):
        return None
    line_no, orig, above = prev
    pieces = above.pieces if isinstance(above, _Joined) else [[cell] for cell in above]
    if sum(1 for ps in pieces if any(t for _, t in ps)) < 2:  # a section row above, not a task
        return None
    first = cells[0][1]
    numbered = roles.get(0) == "no"
    if numbered and _NUMBER.match(first):
        return None
    shift = len(orig) + 1
    new = [list(ps) for ps in pieces]
    if numbered and not first and len(cells) <= width:
        at = [(k, cell) for k, cell in enumerate(cells)]  # cell by cell: the tabs say which column
    elif first and len(pieces) < width and len(pieces) + len(cells) - 1 <= width:
        at = [(len(pieces) - 1 + k, cell) for k, cell in enumerate(cells)]  # the last cell goes on
    else:
        return None
    for k, (o, t) in at:
        while k >= len(new):
            new.append([(shift + o, "")])
        if t:
            new[k] = [p for p in new[k] if p[1]] + [(shift + o, t)]
    joined = _Joined(ps[0] for ps in new)
    joined.pieces = new
    return line_no, orig + "\n" + text, joined


def _in_pieces(row: TableRow, orig: str, pieces: list[list[tuple[int, str]]]) -> TableRow:
    """`row` with its columns moved from the tab-joined cells (a cell's pieces joined with a tab, as
    `Cell.text` joins them) to where each piece stands in `orig` (the row's lines)."""
    where: list[int] = []
    for k, cell in enumerate(pieces):
        kept = [(o, t) for o, t in cell if t]
        for n, (o, t) in enumerate(kept):
            text = " ".join(t.split())
            where.extend(o + 1 + min(c, len(t) - 1) for c in range(len(text)))
            if n < len(kept) - 1:
                where.append(o + 1 + len(t))  # the line break: just after the piece
        if k < len(pieces) - 1:
            end = kept[-1][0] + len(kept[-1][1]) if kept else cell[0][0]
            where.append(end + 1)  # the separator: just after the cell
    cols = [where[c - 1] if 0 < c <= len(where) else 1 for c in row.cols]
    return TableRow(orig, row.text, cols, row.heading)


def _width(text: str) -> int:
    """Display width in a monospaced editor: CJK and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _aligned(head: str, head_cells: list[tuple[int, str]], line: str, cells: list[tuple[int, str]]) -> list[int]:
    """The header column each cell of a space-aligned row stands under (the last header cell that
    starts at or before it, by display width)."""
    starts = [_width(head[:o]) for o, _ in head_cells]
    out: list[int] = []
    for o, _ in cells:
        at = _width(line[:o])
        k = max((i for i, s in enumerate(starts) if s <= at + 1), default=0)
        out.append(max(k, out[-1] + 1 if out else 0))
    return out


def _in_line(row: TableRow, line: str, cells: list[tuple[int, str]]) -> TableRow:
    """`row` with its columns moved from the tab-joined cells to where the cells stand in `line`."""
    where: list[int] = []  # 1-based column in `line` of each 1-based column of the tab-joined cells
    for k, (offset, text) in enumerate(cells):
        where.extend(offset + 1 + c for c in range(len(text)))
        if k < len(cells) - 1:
            where.append(offset + 1 + len(text))  # the tab: just after the cell
    cols = [where[c - 1] if 0 < c <= len(where) else 1 for c in row.cols]
    return TableRow(line, row.text, cols, row.heading)


# --------------------------------------------------------------------------- tables drawn with box characters

# A table pasted as text with its borders drawn (a plain-text export, a terminal, a WeChat article):
#   ┌────┬──────────┬────────┐        +------+------------+----------+
#   │序号│重点任务  │牵头单位│        | 序号 | 重点任务   | 牵头单位 |
#   ├────┼──────────┼────────┤        +------+------------+----------+
#   │1   │推广优良品│农业农村│        | 1    | 推广优良品 | 农业农村 |
#   │    │种……      │局      │        |      | 种……       | 局       |
#   └────┴──────────┴────────┘        +------+------------+----------+
# Columns are split at the vertical bars of each line (their character offsets differ from line to line,
# as a Han character is two columns wide, so the bars are counted, not measured); a row's lines are
# joined cell by cell up to the next rule line, or, in a table without rules between rows, up to the
# next line whose 序号 cell holds text. Rule lines are no text of the document and are dropped.
_BOX_H = "─━═┄┅┈┉╌╍╴╶╸╺-="  # horizontal strokes
_BOX_V = "│┃║┆┇┊┋╎╏╵╷╹╻|"  # vertical strokes: the cell separators of a row line
_BOX_START = frozenset("┌┍┎┏╒╓╔├┝┞┟┠┡┢┣╞╟╠│┃║+|")
_BOX_RULE = re.compile(r"^[\u2500-\u257f+\-=:| ]+$")
_BOX_CORNER = re.compile(r"[+\u250c-\u254b\u2552-\u256c]")


def _box_rule(stripped: str) -> bool:
    """A border or rule line: box characters (or + - =) only, with a corner or tee and a stroke run."""
    return (
        bool(_BOX_RULE.match(stripped))
        and bool(_BOX_CORNER.search(stripped))
        and sum(ch in _BOX_H for ch in stripped) >= 3
    )


def _box_cells(line: str) -> list[tuple[int, str, bool]] | None:
    """(offset, text, full) of each cell of a row line `│a│b│` (None for any other line): full when
    the text runs to the bar on its right (within a wide character and a padding space), so that the
    line was broken there for want of room, not by the author."""
    start = len(line) - len(line.lstrip())
    end = len(line.rstrip())
    if end - start < 2 or line[start] not in _BOX_V or line[end - 1] not in _BOX_V:
        return None
    out: list[tuple[int, str]] = []
    pos = start + 1
    for k in range(start + 1, end):
        if line[k] in _BOX_V:
            part = line[pos:k]
            room = _width(part) - 1 - (part[:1] == " ")
            out.append((pos + len(part) - len(part.lstrip()), part.strip(), _width(part.rstrip()) >= room))
            pos = k + 1
    return out


def _box_piece(text: str, at: int) -> tuple[str, list[int]]:
    """A piece of a cell with its whitespace runs made one space, and the 1-based column of each char."""
    out: list[str] = []
    cols: list[int] = []
    for k, ch in enumerate(text):
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                cols.append(at + k + 1)
            continue
        out.append(ch)
        cols.append(at + k + 1)
    while out and out[-1] == " ":
        out.pop()
        cols.pop()
    return "".join(out), cols


def _box_cell(pieces: list[tuple[int, str, bool]], unit: bool) -> tuple[list[str], list[int]]:
    """A cell's parts and the column of each char of its text (`Cell.text`: the parts joined by a tab).
    A wrapped line goes on with the same words (joined as nothing, or a space between two Latin
    words); in a unit column a line that ends short of the bar ends its unit (a unit a line, as
    `_units` reads parts), one that fills the cell was broken inside a name and goes on with it."""
    parts: list[list[str]] = []  # each part's pieces, joined once at the end (a row may wrap over many lines)
    cols: list[int] = []
    full = True
    for at, t, filled in pieces:
        text, where = _box_piece(t, at)
        if not text:
            continue
        if parts and unit and not full:
            cols.append(cols[-1] + 1)  # the tab between parts: just after the part above
            parts.append([text])
        elif parts:
            last = parts[-1][-1][-1]
            if last.isascii() and last.isalnum() and text[0].isascii() and text[0].isalnum():
                parts[-1].append(" ")
                cols.append(cols[-1] + 1)
            parts[-1].append(text)
        else:
            parts.append([text])
        cols.extend(where)
        full = filled
    return ["".join(p) for p in parts], cols


def _box_row(
    group: list[tuple[int, str, list[tuple[int, str, bool]]]],
    roles: dict[int, str],
    width: int,
    ordinal: int,
    above: RowMemory | None = None,
    units: dict[int, str] | None = None,
) -> tuple[int, TableRow] | None:
    """One row of a box table from its lines: cells joined line by line, the columns in the lines; `units`: the unit
    of each column of role `matrix.UNIT`."""
    orig = "\n".join(text for _, text, _ in group)
    merged = len(group) == 1 and len(group[0][2]) == 1  # one cell across the row: a section row
    n = 1 if merged else width
    pieces: list[list[tuple[int, str, bool]]] = [[] for _ in range(n)]
    base = 0
    for _, text, cells in group:
        for k, (o, t, full) in enumerate(cells):
            if t:
                pieces[min(k, n - 1)].append((base + o, t, full))
        base += len(text) + 1
    cells_out: list[Cell] = []
    where: list[int] = []
    for k, ps in enumerate(pieces):
        parts, cols = _box_cell(ps, roles.get(k) in ("lead", "duty", "support"))
        cells_out.append(Cell(col=k, span=width if merged else 1, parts=parts))
        where.extend(cols)
        if k < n - 1:
            where.append(cols[-1] + 1 if cols else 1)  # the tab between cells: just after the cell
    row = row_line(cells_out, roles, ordinal, above, units)
    if row is None:
        return None
    cols = [min(where[c - 1], len(orig)) if 0 < c <= len(where) else 1 for c in row.cols]
    return group[0][0], TableRow(orig, row.text, cols, row.heading)


def _framed(items: list[tuple[int, str, list[tuple[int, str, bool]]]], top: int) -> list[tuple[int, str]]:
    """The lines of a one-column frame (a 专栏 drawn in a plain-text copy) as its text without the bars:
    a line whose text runs to the right bar was wrapped by the frame and goes on in the next one, unless
    that one starts a new item (1． （一） a bullet); a line that stops short of the bar ends where the
    author ended it. Each `BoxLine` keeps the frame's lines joined with a newline as its orig, and the
    column of each character in it."""
    from engine.ingest import wrap

    out: list[tuple[int, str]] = []
    group: list[tuple[int, str, tuple[int, str, bool]]] = []

    def flush() -> None:
        if not group:
            return
        orig = "\n".join(text for _, text, _ in group)
        chars: list[str] = []
        cols: list[int] = []
        base = 0
        for _, text, (at, cell, _) in group:  # `at`: where the cell's text starts in its line
            chars.append(cell)
            cols.extend(base + at + k + 1 for k in range(len(cell)))
            base += len(text) + 1
        out.append((group[0][0], BoxLine(orig, "".join(chars), cols, top)))
        group.clear()

    for no, text, cells in items:
        at, cell, full = cells[0]
        if not cell:
            flush()  # an empty line in the frame ends a paragraph
            continue
        last = group[-1][2] if group else None
        if last is not None and not (
            (last[2] and not wrap.starts_item(cell)) or cell[0] in wrap.CONTINUES
        ):
            flush()
        group.append((no, text, (at, cell, full)))
    flush()
    return out


def _box_table(lines: list[tuple[int, str]], i: int) -> tuple[list[tuple[int, str]], int] | None:
    """The lines of a box-drawn table starting at `lines[i]` (its top border) read as task-table rows,
    and the index after it; None when `lines[i]` starts no box table. A box table that is no task
    table keeps its row lines as they are, without its rules."""
    if not _box_rule(lines[i][1].strip()):
        return None
    groups: list[list[tuple[int, str, list[tuple[int, str, bool]]]]] = [[]]
    j = i + 1
    n = len(lines)
    while j < n:
        line_no, text = lines[j]
        stripped = text.strip()
        if _box_rule(stripped):
            if groups[-1]:
                groups.append([])
        elif (cells := _box_cells(text)) is not None:
            groups[-1].append((line_no, text, cells))
        else:
            break
        j += 1
    groups = [g for g in groups if g]
    if not groups:
        return None
    head = groups[0] if len(groups) > 1 else groups[0][:1]
    width = max(len(cells) for _, _, cells in head)
    head_pieces = [
        "".join(cells[k][1] for _, _, cells in head if k < len(cells)) for k in range(width)
    ]  # fmt: skip
    head_row = [Cell(col=k, span=1, parts=[t]) for k, t in enumerate(head_pieces)]
    roles, units = header_roles(head_row), unit_columns(head_row)
    body = groups[1:] if len(groups) > 1 else [groups[0][1:]]
    if not roles:
        lines_in = [item for g in groups for item in g]
        if all(len(cells) == 1 for _, _, cells in lines_in):  # one column: a box of text (专栏), not a table
            return _framed(lines_in, lines[i][0]), j
        return [(no, text) for g in groups for no, text, _ in g], j
    no_col = next((k for k, r in sorted(roles.items()) if r == "no"), None)
    out: list[tuple[int, str]] = []
    ordinal = 0
    rows: list[list[tuple[int, str, list[tuple[int, str, bool]]]]] = []
    for group in body:
        if [c[1] for _, _, cells in group for c in cells] == [c[1] for _, _, cells in head for c in cells]:
            continue  # the header again (a table copied from pages that each repeat it)
        row: list[tuple[int, str, list[tuple[int, str, bool]]]] = []
        for item in group:
            cells = item[2]
            if len(cells) > width:  # more bars than the header has columns: the surplus goes to the last
                last = cells[width - 1 :]
                joined = " ".join(t for _, t, _ in last if t)
                cells = [*cells[: width - 1], (next((o for o, t, _ in last if t), last[0][0]), joined, False)]
                item = (item[0], item[1], cells)
            new_row = (
                len(cells) == 1
                or (row and len(row[-1][2]) == 1)
                or (no_col is not None and no_col < len(cells) and bool(cells[no_col][1]))
                or (no_col is None and len(body) == 1)  # no rules between rows and no 序号: a row a line
            )
            if row and new_row:
                rows.append(row)
                row = []
            row.append(item)
        if row:
            rows.append(row)
    above = row_memory()
    for row in rows:
        got = _box_row(row, roles, width, ordinal + 1, above, units)
        if got is None:
            continue
        if not got[1].heading:
            ordinal += 1
        out.append(got)
    return out, j
