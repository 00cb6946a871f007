"""Task tables in text laid out by column positions, as `pdftotext -layout` (and a copy of a printed page) gives them:

        序号  重点任务                              牵头单位        配合单位          完成时限

        1     推动玩具设计创新。建设澄海玩具创意    区工业和信息化  区科技局          2027年12
              设计中心，引进培育工业设计机构10家    局              区玩具协会        月
              以上，每年举办玩具创意设计大赛。

Each cell's text wraps within its column, so a row is its 序号 line and the lines below it whose 序号 column is
empty; a blank line may stand between rows, and the table may go on past a form feed (a page break), the header
printed again there (page numbers between are page furniture, dropped before). Every piece of a line (text between
runs of two or more spaces) belongs to the header cell it stands under, by display width (a Han character takes two
columns). A cell's lines are joined: task, 序号 and deadline text run on (2027年12 / 月 -> 2027年12月); in a unit
column a line that does not fill the column ended the name a line break ended (区科技局 / 区玩具协会: two units),
and a line that fills it was cut by the column's width and goes on below (区工业和信息化 / 局 -> 区工业和信息化局;
汕头市生态环境局 / 澄海分局 -> one name: the part below does not open as a body's name does — 区, 市, 各, a place).

Read only after a header line of column words (`tables._header_kind`: at least three cells, two of them column
words) whose first column is 序号; a line that is neither a numbered row (whose cells may run past the next
header's start, as a one-line row's long unit list does), a line of the row above whose pieces each end before the
next column starts, the header again, a section row nor blank ends the table, so prose after it (三、保障措施 and its items,
a paragraph running across the columns) stays prose. engine/ingest/tables.py reads every other text table.
"""

from __future__ import annotations

import re

from engine.ingest import tables as t

SLACK = 1  # display columns a piece may stand left of its header's start (the layout rounds positions)
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_LIST_END = "、，,；;/／"
# how a body's name opens (区科技局, 市财政局, 各镇（街道）, 中共…): a line of a unit column that opens so starts a name
_NAME_OPENERS = ("区", "市", "县", "省", "镇", "乡", "旗", "州", "各", "中共", "共青团", "国家")


def layout_table(
    lines: list[tuple[int, str]], i: int, head_cells: list[tuple[int, str]], roles: dict[int, str]
) -> tuple[list[tuple[int, str]], int] | None:
    """(the table's rows as `TableRow` lines, index of the first line after the table) for the layout table whose
    header is `lines[i]`, or None when no row follows it (the caller reads the line as it did)."""
    if roles.get(0) != "no":
        return None
    head = lines[i][1]
    starts = [t._width(head[:o]) for o, _ in head_cells]
    texts = [c for _, c in head_cells]
    rows: list[list[tuple[int, list[tuple[int, int, str]]]]] = []  # per row: (index in lines, its pieces)
    headings: set[int] = set()
    ends: list[int] = []  # per row: the index after its last line
    j = i + 1
    while j < len(lines):
        text = lines[j][1]
        if not text.strip():
            j += 1
            continue
        pieces = _pieces(text, starts)
        if [p[2] for p in pieces] == texts:
            j += 1  # the header again, where a page of the printed table began
            continue
        first_col = pieces[0][0]
        stripped = text.strip()
        if first_col == 0 and len(pieces) == 1 and t._SECTION_LEAD.match(stripped) and len(stripped) <= 40:
            headings.add(len(rows))  # a section row: 一、提升政务服务效能
            rows.append([(j, pieces)])
        elif first_col == 0 and t._NUMBER.match(pieces[0][2]) and len(pieces) > 1:  # a row's first line: its 序号
            rows.append([(j, pieces)])
        elif rows and len(rows) - 1 not in headings and first_col > 0 and _fits(pieces, starts, text):
            rows[-1].append((j, pieces))  # the row above's cells go on
        else:
            break
        ends[len(rows) - 1 :] = [j + 1]
        j += 1
    while rows and len(rows) - 1 in headings:  # the document's own heading after the table (三、保障措施)
        headings.discard(len(rows) - 1)
        rows.pop()
        ends.pop()
    if not [r for k, r in enumerate(rows) if k not in headings]:
        return None
    bounds = _bounds(starts, rows, lines)
    out: list[tuple[int, str]] = []
    ordinal = 0
    above = t.row_memory()
    for k, row in enumerate(rows):
        line = _row(row, lines, roles, bounds, len(starts), ordinal + 1, above, k in headings)
        if line is None:
            continue
        ordinal += 0 if line.heading else 1
        out.append((lines[row[0][0]][0], line))
    return out, ends[-1]


def _pieces(text: str, starts: list[int]) -> list[tuple[int, int, str]]:
    """(header column, offset in the line, text) of each piece of a line, pieces in one column joined."""
    out: list[tuple[int, int, str]] = []
    for o, piece in t._split_cells(text, "space"):
        at = t._width(text[:o])
        col = max((k for k, s in enumerate(starts) if s <= at + SLACK), default=0)
        if out and out[-1][0] >= col:  # two pieces under one header cell: one text
            c, po, _ = out[-1]
            out[-1] = (c, po, text[po : o + len(piece)])
            continue
        out.append((col, o, piece))
    return out


def _fits(pieces: list[tuple[int, int, str]], starts: list[int], text: str) -> bool:
    """Every piece ends before the next header cell starts: no prose line running across the columns."""
    for col, o, piece in pieces:
        end = t._width(text[: o + len(piece)])
        if col + 1 < len(starts) and end > starts[col + 1]:
            return False
    return True


def _bounds(starts: list[int], rows: list, lines: list[tuple[int, str]]) -> list[int]:
    """Where each column's text can reach (display width): the next header cell's start less the gap of two
    spaces between cells; the last column, as far as its text reaches in the table."""
    last = starts[-1]
    for row in rows:
        for j, pieces in row:
            text = lines[j][1]
            for col, o, piece in pieces:
                if col == len(starts) - 1:
                    last = max(last, t._width(text[: o + len(piece)]))
    return [s - 2 for s in starts[1:]] + [last]


def _row(
    row: list[tuple[int, list[tuple[int, int, str]]]],
    lines: list[tuple[int, str]],
    roles: dict[int, str],
    bounds: list[int],
    width: int,
    ordinal: int,
    above: t.RowMemory,
    heading: bool,
) -> t.TableRow | None:
    """One row's `TableRow`: its lines joined with a newline (`orig`), each cell's lines joined as the module
    says, every character of the synthetic line mapped to where it stands in `orig`."""
    base: list[int] = []  # offset of each line of the row in orig
    at = 0
    for j, _ in row:
        base.append(at)
        at += len(lines[j][1]) + 1
    orig = "\n".join(lines[j][1] for j, _ in row)
    # per column: its parts, each a list of (character, 1-based column in orig)
    cells: list[list[list[tuple[str, int]]]] = [[] for _ in range(width)]
    full: list[bool] = [False] * width  # the column's last line filled it
    for n, (j, pieces) in enumerate(row):
        text = lines[j][1]
        for col, o, piece in pieces:
            chars = [(ch, base[n] + o + 1 + k) for k, ch in enumerate(piece)]
            chars = [c for k, c in enumerate(chars) if not (c[0].isspace() and k and chars[k - 1][0].isspace())]
            parts = cells[col]
            unit = str(roles.get(col, "")) in t._UNIT_ROLES or str(roles.get(col, "")) == "unit"
            if not parts or (unit and not _goes_on(parts[-1], piece, full[col])):
                parts.append(chars)
            else:
                prev = parts[-1][-1][0]
                if _ASCII_WORD.match(prev) and _ASCII_WORD.match(piece[0]):
                    chars = [(" ", chars[0][1]), *chars]
                parts[-1].extend(chars)
            full[col] = t._width(text[: o + len(piece)]) >= bounds[col] - SLACK
    texts = ["\t".join("".join(ch for ch, _ in p) for p in parts) for parts in cells]
    if heading:
        only = next(k for k, s in enumerate(texts) if s)
        cell_list = [t.Cell(col=0, span=1, parts=[texts[only]])]
        where = [c for _, c in cells[only][0]]
        got = t.row_line(cell_list, roles, ordinal, above)
        return None if got is None else t.TableRow(orig, got.text, [where[c - 1] if 0 < c <= len(where) else 1
                                                                   for c in got.cols], got.heading)  # fmt: skip
    parts_text = [["".join(ch for ch, _ in p) for p in parts] for parts in cells]
    got = t.row_line([t.Cell(col=k, span=1, parts=ps) for k, ps in enumerate(parts_text)], roles, ordinal, above)
    if got is None:
        return None
    where: list[int] = []  # the orig column of each character of the tab-joined cells
    for k, parts in enumerate(cells):
        for n, p in enumerate(parts):
            where.extend(c for _, c in p)
            if n < len(parts) - 1:
                where.append(p[-1][1] + 1)  # the break between two names: just after the first
        if k < width - 1:
            where.append(parts[-1][-1][1] + 1 if parts else (where[-1] if where else 1))
    return t.TableRow(orig, got.text, [where[c - 1] if 0 < c <= len(where) else 1 for c in got.cols], got.heading)


def _goes_on(part: list[tuple[str, int]], piece: str, filled: bool) -> bool:
    """Whether a unit column's line `piece` goes on with the name `part` ends in: after a list mark (、) the list
    goes on; after a line that filled the column, unless the name above is whole and the piece opens as a name
    does (区玩具协会 under 区工业和信息化局); never after a line that ended short of the column's edge."""
    from engine.extract import reads_as_unit  # imported here: ingest runs before extract is needed
    from engine.parse.level import place_at

    text = "".join(ch for ch, _ in part)
    if text[-1:] in _LIST_END:
        return True
    if not filled:
        return False
    name = re.split(f"[{_LIST_END}]", text)[-1]
    opens = piece.startswith(_NAME_OPENERS) or place_at(piece, 0) is not None
    return not (reads_as_unit(name) and opens)
