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

Positions are counted as the text was laid out: in display columns (a Han character two) where an editor aligned
it, in characters where `pdftotext -layout` did (it places every character, Han or not, in one column): whichever
lines the table's pieces up on the same columns (`_measure`). A header word printed centred over a wide column
starts right of the column, whose cells start at its left rule: a column starts where the lines below start pieces
between the header word before it and its own (`_column_starts`).

Read only after a header line of column words (`tables._header_kind`: at least three cells, two of them column
words) whose first column is 序号, or, without a 序号 column, whose first column is the task's and which names a unit
column. A row opens on its 序号 line; without 序号, on a line with text in the task column and another column after
the row above's task text closed its sentence (or stopped: a line with no task text between) and with a unit in the
lead column that opens a name or follows a whole one (`_opens_row`). A line that is none of these, a line of the row
above whose pieces each end before the next column starts, the header again, a 续表 line (the table set as two), a
section row nor blank ends the table, so prose after it (三、保障措施 and its items, a paragraph running across the
columns) stays prose. engine/ingest/tables.py reads every other text table.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from engine.ingest import tables as t

Measure = Callable[[str], int]  # the width of a text as the layout counted it (display columns, or characters)

SLACK = 1  # display columns a piece may stand left of its header's start (the layout rounds positions)
CALIBRATE = 60  # lines below the header whose pieces say where its columns start (`_column_starts`)
MIN_PIECES = 3  # pieces of a line that is a row's, for `_column_starts`: prose runs across the columns in one
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_LIST_END = "、，,；;/／"
# how a body's name opens (区科技局, 市财政局, 各镇（街道）, 中共…): a line of a unit column that opens so starts a name
_NAME_OPENERS = ("区", "市", "县", "省", "镇", "乡", "旗", "州", "各", "中共", "共青团", "国家")


def layout_table(
    lines: list[tuple[int, str]], i: int, head_cells: list[tuple[int, str]], roles: dict[int, str],
    head: str | None = None, skip: int = 0,
) -> tuple[list[tuple[int, str]], int] | None:
    """(the table's rows as `TableRow` lines, index of the first line after the table) for the layout table whose
    header is `lines[i]`, or None when no row follows it (the caller reads the line as it did). A header over two
    lines (`two_line_header`) comes as `head`, the line it makes, and `skip`, the header's lines after `lines[i]`."""
    numbered = roles.get(0) == "no"
    if not numbered and (roles.get(0) != "task" or not set(roles.values()) & set(t._UNIT_ROLES)):
        return None
    raw = [[c for _, c in t._split_cells(lines[k][1], "space")] for k in range(i, i + 1 + skip)] if skip else []
    head = lines[i][1] if head is None else head
    texts = [c for _, c in head_cells]
    page = _page(lines, i + 1, texts)
    measure = _measure(head, head_cells, page)
    starts = _column_starts(head, head_cells, page, measure)
    frame: dict[int, list[int]] = {}  # index in lines -> the column starts of its page
    rows: list[list[tuple[int, list[tuple[int, int, str]]]]] = []  # per row: (index in lines, its pieces)
    headings: set[int] = set()
    ends: list[int] = []  # per row: the index after its last line
    j = i + 1 + skip
    turned = False  # a page break since the last line read: the next page's columns are its own
    while j < len(lines):
        text = lines[j][1]
        turned = turned or "\f" in text
        if not text.strip() or t.continued_caption(text):
            j += 1  # a blank line, or the 续表 line over the table's part on the next page
            continue
        cells = t._split_cells(text, "space")
        if [c for _, c in cells] == texts:
            # the header again, where a page of the printed table began: that page's own columns (a layout counts
            # the positions of each page apart, and may set a page's lines wider or narrower)
            starts = _column_starts(text, cells, _page(lines, j + 1, texts), measure)
            turned = False
            j += 1
            continue
        if [c for _, c in cells] in raw:  # a line of a two-line header printed again: the page's own columns
            turned = True
            j += 1
            continue
        if turned:  # a page the header is not printed on again (a 续表 set without it, or a row's table going on)
            starts = _own_starts(_page(lines, j, texts), len(starts), measure) or starts
            turned = False
        pieces = _pieces(text, starts, measure)
        first_col = pieces[0][0]
        stripped = text.strip()
        if (
            (first_col == 0 or roles.get(first_col) == "task") and len(pieces) == 1
            and t._SECTION_LEAD.match(stripped) and len(stripped) <= 40
        ):
            headings.add(len(rows))  # a section row: 一、提升政务服务效能
            rows.append([(j, pieces)])
        elif numbered and first_col == 0 and t._NUMBER.match(pieces[0][2]) and len(pieces) > 1:
            rows.append([(j, pieces)])  # a row's first line: its 序号
        elif not numbered and _opens_row(rows, headings, lines, pieces, roles, starts, measure):
            rows.append([(j, pieces)])
        elif (
            rows and len(rows) - 1 not in headings and (first_col > 0 or not numbered)
            and _fits(pieces, starts, text, measure)
        ):
            rows[-1].append((j, pieces))  # the row above's cells go on
        else:
            break
        frame[j] = starts
        ends[len(rows) - 1 :] = [j + 1]
        j += 1
    while rows and len(rows) - 1 in headings:  # the document's own heading after the table (三、保障措施)
        headings.discard(len(rows) - 1)
        rows.pop()
        ends.pop()
    if not [r for k, r in enumerate(rows) if k not in headings]:
        return None
    bounds = _bounds(frame, rows, lines, measure)
    from engine.roles import open_noun

    nouns = {k: open_noun(c) for k, c in enumerate(texts) if str(roles.get(k, "")) in t._UNIT_ROLES}
    out: list[tuple[int, str]] = []
    ordinal = 0
    above = t.row_memory()
    for k, row in enumerate(rows):
        line = _row(row, lines, roles, bounds, len(starts), ordinal + 1, above, k in headings, measure, nouns)
        if line is None:
            continue
        ordinal += 0 if line.heading else 1
        out.append((lines[row[0][0]][0], line))
    return out, ends[-1]


def _page(lines: list[tuple[int, str]], j: int, texts: list[str]) -> list[tuple[int, str]]:
    """The lines from `j` on the same page as `lines[j]` (a form feed in it opens that page): up to the next page
    break, the header printed again, or CALIBRATE lines. Where none of them is a row's (a header at a page's foot, its
    rows on the next page), that next page's lines."""
    out: list[tuple[int, str]] = []
    for n, (no, text) in enumerate(lines[j : j + CALIBRATE]):
        if (n and "\f" in text) or [c for _, c in t._split_cells(text, "space")] == texts:
            if n and "\f" in text and not _row_lines(out):
                return _page(lines, j + n, texts)
            break
        out.append((no, text))
    return out


def _own_starts(page: list[tuple[int, str]], width: int, measure: Measure) -> list[int] | None:
    """Where each of `width` columns starts on a page whose lines the header is not printed over (a layout counts
    each page's positions apart): the leftmost start of each column's piece on the page's lines that fill every
    column (a row's first line). None when no line does."""
    found: list[int] | None = None
    for text, pieces in _row_lines(page):
        if len(pieces) != width:
            continue
        at = [measure(text[:o]) for o, _ in pieces]
        found = at if found is None else [min(a, b) for a, b in zip(found, at, strict=True)]
    if found is None or any(b <= a for a, b in itertools.pairwise(found)):
        return None
    return [0, *found[1:]]


def _row_lines(below: list[tuple[int, str]]) -> list[tuple[str, list[tuple[int, str]]]]:
    """The lines among `below` that hold MIN_PIECES pieces or more (a row's first line, not prose), with them."""
    out = []
    for _, text in below:
        pieces = t._split_cells(text, "space")
        if len(pieces) >= MIN_PIECES:
            out.append((text, pieces))
    return out


def _measure(head: str, head_cells: list[tuple[int, str]], below: list[tuple[int, str]]) -> Measure:
    """How the layout counted positions: in display columns (`tables._width`: a Han character two, as an editor
    shows it) or in characters (`len`: as `pdftotext -layout` places them) — the count under which more pieces of the
    header's and the rows' lines start where a piece of another of those lines does. Display columns when even."""
    lines = [(head, head_cells), *_row_lines(below)]
    best, score = t._width, -1
    for measure in (t._width, len):
        seen: dict[int, set[int]] = {}  # start -> the lines with a piece starting there
        for n, (text, pieces) in enumerate(lines):
            for o, _ in pieces:
                seen.setdefault(measure(text[:o]), set()).add(n)
        shared = sum(len(at) for at in seen.values() if len(at) > 1)
        if shared > score:
            best, score = measure, shared
    return best


def _column_starts(
    head: str, head_cells: list[tuple[int, str]], below: list[tuple[int, str]], measure: Measure
) -> list[int]:
    """Where each column starts: its header word's start, or further left where the lines below start pieces
    between the header word before it and its own — a header word printed centred over a wide column (重点任务
    over a task column whose text starts at its left rule) starts right of the column, and the column's cells
    left of it. Only lines of MIN_PIECES pieces or more are looked at (a row's first line, not prose)."""
    starts = [measure(head[:o]) for o, _ in head_cells]
    ends = [s + measure(c) for s, (_, c) in zip(starts, head_cells, strict=True)]
    found = list(starts)
    for text, pieces in _row_lines(below):
        for o, _ in pieces:
            at = measure(text[:o])
            for k in range(1, len(starts)):
                if ends[k - 1] < at < found[k]:
                    found[k] = at
    return found


def _pieces(text: str, starts: list[int], measure: Measure) -> list[tuple[int, int, str]]:
    """(header column, offset in the line, text) of each piece of a line, pieces in one column joined."""
    out: list[tuple[int, int, str]] = []
    for o, piece in t._split_cells(text, "space"):
        at = measure(text[:o])
        col = max((k for k, s in enumerate(starts) if s <= at + SLACK), default=0)
        if out and out[-1][0] >= col:  # two pieces under one header cell: one text
            c, po, _ = out[-1]
            out[-1] = (c, po, text[po : o + len(piece)])
            continue
        out.append((col, o, piece))
    return out


def _opens_row(
    rows: list[list[tuple[int, list[tuple[int, int, str]]]]],
    headings: set[int],
    lines: list[tuple[int, str]],
    pieces: list[tuple[int, int, str]],
    roles: dict[int, str],
    starts: list[int],
    measure: Measure,
) -> bool:
    """In a table without a 序号 column, whether a line opens a row: text in the task column (the first) and in
    another; and the first row, a row after a section row, or the row above's task text done — it closed its
    sentence (。；！？) or a line without task text came after it — with, where the line has a piece in a lead (or
    责任单位) column, that piece no part of the name above it (`_goes_on`)."""
    if pieces[0][0] != 0 or len(pieces) < 2:
        return False
    if not rows or len(rows) - 1 in headings:
        return True
    row = rows[-1]
    task = [p[2] for _, ps in row for p in ps if p[0] == 0]
    done = row[-1][1][0][0] != 0 or (bool(task) and task[-1].rstrip()[-1:] in "。；;！!？?")
    if not done:
        return False
    for col, _, piece in pieces:
        if roles.get(col) in ("lead", "duty"):
            above = [(j, p) for j, ps in row for p in ps if p[0] == col]
            if not above:
                return True
            j, (_, o, last) = above[-1]
            bound = starts[col + 1] - 2 if col + 1 < len(starts) else 10**6
            filled = measure(lines[j][1][: o + len(last)]) >= bound - SLACK
            return not _goes_on([(ch, 0) for ch in last], piece, filled)
    return True


def _fits(pieces: list[tuple[int, int, str]], starts: list[int], text: str, measure: Measure) -> bool:
    """Every piece ends before the next header cell starts: no prose line running across the columns."""
    for col, o, piece in pieces:
        end = measure(text[: o + len(piece)])
        if col + 1 < len(starts) and end > starts[col + 1]:
            return False
    return True


def _bounds(
    frame: dict[int, list[int]], rows: list, lines: list[tuple[int, str]], measure: Measure
) -> dict[int, list[int]]:
    """Per line of the table, where each column's text can reach on its page: as far as the column's text reaches
    on that page (a line that long filled the column), and short of the next column's start less the gap of two
    spaces between cells; the last column, as far as its text reaches."""
    reach: dict[int, dict[int, int]] = {}  # id of a page's starts -> column -> the furthest end
    for row in rows:
        for j, pieces in row:
            text = lines[j][1]
            far = reach.setdefault(id(frame[j]), {})
            for col, o, piece in pieces:
                far[col] = max(far.get(col, 0), measure(text[: o + len(piece)]))
    out: dict[int, list[int]] = {}
    for j, starts in frame.items():
        far = reach.get(id(starts), {})
        edges = [s - 2 for s in starts[1:]]
        out[j] = [min(e, far.get(k, e)) for k, e in enumerate(edges)] + [max(starts[-1], far.get(len(starts) - 1, 0))]
    return out


def _row(
    row: list[tuple[int, list[tuple[int, int, str]]]],
    lines: list[tuple[int, str]],
    roles: dict[int, str],
    bounds: dict[int, list[int]],
    width: int,
    ordinal: int,
    above: t.RowMemory,
    heading: bool,
    measure: Measure,
    nouns: dict[int, str],
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
            if not parts or (unit and not _goes_on(parts[-1], piece, full[col], nouns.get(col, ""))):
                parts.append(chars)
            else:
                prev = parts[-1][-1][0]
                if _ASCII_WORD.match(prev) and _ASCII_WORD.match(piece[0]):
                    chars = [(" ", chars[0][1]), *chars]
                parts[-1].extend(chars)
            full[col] = measure(text[: o + len(piece)]) >= bounds[j][col] - SLACK
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


def _goes_on(part: list[tuple[str, int]], piece: str, filled: bool, noun: str = "") -> bool:
    """Whether a unit column's line `piece` goes on with the name `part` ends in: after a list mark (、) the list
    goes on; after a line that filled the column, unless the name above is whole and the piece opens as a name
    does (区玩具协会 under 区工业和信息化局); never after a line that ended short of the column's edge. `noun`: the
    open noun of the column's header (股 of 协办股, engine/roles.py `open_noun`): a name ending in it is whole, as in
    an open field's value (农田建设管理股 under 协办股)."""
    from engine.extract import reads_as_unit  # imported here: ingest runs before extract is needed
    from engine.extract.data import unit_data
    from engine.ingest.pdf import names_break
    from engine.parse.level import place_at

    text = "".join(ch for ch, _ in part)
    if text[-1:] in _LIST_END:
        return True
    if not filled:
        return False
    name = re.split(f"[{_LIST_END}]", text)[-1]
    if names_break(name, piece):
        return False  # a whole name, and the next opens another as a PDF's cell is read (中国移动… under 盟发展改革委)
    units = unit_data()
    opens = piece.startswith((*_NAME_OPENERS, *units.openers)) or place_at(piece, 0) is not None
    whole = reads_as_unit(name) or bool(noun and name.endswith(noun) and len(name) > len(noun))
    # a place and a branch's ending below a whole name is its branch there (中国人民银行 / 兴安盟分行)
    return not (whole and opens) or piece.endswith(units.branches)


LABEL_MAX = 12  # characters: a header's second line's piece (号, 时限, 2026 年, 牵头单位); a longer one is a row's text


def two_line_header(
    lines: list[tuple[int, str]], i: int, head_cells: list[tuple[int, str]]
) -> tuple[str, list[tuple[int, str]]] | None:
    """(the header line made of `lines[i]` and the line below, its cells) when that line is the second line of a
    two-row header as `pdftotext -layout` prints it: a narrow cell's word wrapped (序 / 号, 完成 / 时限: the two
    pieces make a column word) and the labels a cell merged across columns splits into (责任单位 over 牵头单位 |
    配合单位, 年度目标 over 2026 年 | 2027 年: each its own column, where it stands). Each piece of the line below
    belongs to the header word nearest it (a merged cell's word is centred over its labels). None when the line is
    no such line: a piece too long or a sentence's, a single piece under a word that makes no column word with it,
    or nothing joined or split."""
    if i + 1 >= len(lines) or "\f" in lines[i + 1][1]:
        return None
    head, below = lines[i][1], lines[i + 1][1]
    sub = t._split_cells(below, "space")
    if not sub or any(len(c) > LABEL_MAX or t._SENTENCE_MARK.search(c) for _, c in sub):
        return None
    measure = _measure(head, head_cells, _page(lines, i + 2, [c for _, c in head_cells]))
    centre = [measure(head[:o]) + measure(c) / 2 for o, c in head_cells]
    under: dict[int, list[tuple[int, str]]] = {}
    second: dict[tuple[int, str], int] = {}  # a piece -> the header word next nearest it
    for o, c in sub:
        at = measure(below[:o])
        near = sorted(range(len(head_cells)), key=lambda n: abs(centre[n] - (at + measure(c) / 2)))
        under.setdefault(near[0], []).append((at, c))
        if len(near) > 1:
            second[(at, c)] = near[1]
    for k, pieces in list(under.items()):
        # a label alone under a word it makes no column word with stands under the merged word beside (2027 年 right
        # of a centred 年度目标, nearer the 牵头单位 after it)
        if len(pieces) == 1 and t.column_role(head_cells[k][1] + pieces[0][1]) is None and pieces[0] in second:
            other = second[pieces[0]]
            if other in under:
                under[other] = sorted([*under[other], pieces[0]])
                del under[k]
    cols: list[tuple[int, str]] = []  # (position, word) of the header's columns
    changed = False
    for k, (o, word) in enumerate(head_cells):
        pieces = under.get(k, [])
        if len(pieces) == 1:
            joined = word + pieces[0][1]
            if t.column_role(joined) is None:
                return None
            cols.append((measure(head[:o]), joined))
            changed = True
        elif pieces:
            cols += pieces  # 年度目标 over 2026 年 | 2027 年: the labels are the columns
            changed = True
        else:
            cols.append((measure(head[:o]), word))
    if not changed or any(b[0] <= a[0] for a, b in itertools.pairwise(cols)):
        return None
    text, cells = "", []
    for at, word in cols:
        text += " " * max(2 if text else 0, at - measure(text))
        cells.append((len(text), word))
        text += word
    return text, cells
