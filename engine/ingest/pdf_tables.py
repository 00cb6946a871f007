"""Ruled tables in a PDF: their text read cell by cell, one line per row, as a .docx table is read.

A table printed from Word or WPS (a 任务分工表) is a grid of thin rules with text wrapped inside
narrow cells; read line by line, the cells of one printed line run into each other (`制定发布省民政厅
省发展改革2026年6`) and a task's text is cut into a dozen fragments. Here:

1. thin path objects are rules: vertical (≤ 2 pt wide, ≥ 8 pt tall) and horizontal (≤ 2 pt tall,
   ≥ 20 pt wide); vertical rules whose spans overlap or touch (an office may draw each row's borders
   apart) form one table when there are at least three (two columns) and at least two horizontal
   rules cross them;
2. the horizontal rules cut the table into rows; in each row the vertical rules that cross its middle
   are its column edges (a merged cell — a section heading across the table — has none inside);
3. each glyph inside the table goes to its cell; a cell's text is its visual lines joined as a wrapped
   paragraph is; a row becomes one `Line` whose cells are joined by tabs (engine.ingest.tables then
   reads a task table from them as from a .txt), marked as a row so it joins no paragraph;
4. a cell merged down over several rows (a 牵头单位 shared by rows 2-4) has no rule between them within its
   column: the rows there are one cell, printed once wherever Word set it (at the top, or vertically centred
   beside a middle row), and its text goes to every row it spans, as a .docx reading gives a vertically
   merged cell's text to each row it covers. Each row says, cell by cell, whether its cell goes on into the row
   above or below (`Row.merged`): where a page break cuts a merged cell, `engine.ingest.pdf.paragraphs` reads the two
   parts as one cell.

A row cut by a page break continues on the next page with its 序号 cell empty (the number stays on the first
page; `engine.ingest.pdf._own_cell` finds that cell past a merged 类别 column): `engine.ingest.pdf.paragraphs` puts the two parts back together cell by cell, a cell's part on the
next page going on the line the page cut unless the author ended the line above (`engine.ingest.pdf._typed_break`:
it stopped short with room for the next line's first unit, or one body's name ends there and another's starts
below: `市供销社⏎市交通运输局` stays two units, as it does within a page). A header
row repeated at the top of each page the table runs over is read once (the same function drops the
repeats), and is never taken for a running header.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

THIN = 2.0  # points: a rule is at most this thick
MIN_VERTICAL = 8.0
MIN_HORIZONTAL = 20.0
SNAP = 2.0  # rules this close are one edge
PAD_SLACK = 0.25  # ems: a cell's text may stop this much short of its padding mirrored (`text_limits`)

Glyph = tuple[float, float, float, float, str, bool]  # baseline, x0, x1, size, char, generated


@dataclass
class Grid:
    left: float
    right: float
    bottom: float
    top: float
    verticals: list[tuple[float, float, float]]  # x, y0, y1
    rows: list[float]  # the y of each horizontal edge, top to bottom
    horizontals: list[tuple[float, float, float]] | None = None  # y, x0, x1: the rules that cut the rows

    def ruled(self, k: int, x: float) -> bool:
        """A rule stands at row edge `k` where `x` is (no rule: the cells above and below are one merged cell)."""
        y = self.rows[k]
        return self.horizontals is None or any(
            abs(h[0] - y) <= SNAP and h[1] - SNAP <= x <= h[2] + SNAP for h in self.horizontals
        )

    def holds(self, x: float, y: float) -> bool:
        return self.left - SNAP <= x <= self.right + SNAP and self.bottom - SNAP <= y <= self.top + SNAP


def rules(page: object) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """(vertical rules as (x, y0, y1), horizontal rules as (y, x0, x1)) of a page's path objects."""
    import pypdfium2.raw as raw

    verticals: list[tuple[float, float, float]] = []
    horizontals: list[tuple[float, float, float]] = []
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=3):  # type: ignore[attr-defined]
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        if width <= THIN and height >= MIN_VERTICAL:
            verticals.append(((left + right) / 2, bottom, top))
        elif height <= THIN and width >= MIN_HORIZONTAL:
            horizontals.append(((bottom + top) / 2, left, right))
    return verticals, horizontals


def grids(page: object) -> list[Grid]:
    """The ruled tables of a page."""
    verticals, horizontals = rules(page)
    groups: list[list[tuple[float, float, float]]] = []
    for v in sorted(verticals, key=lambda v: -v[2]):
        for g in groups:
            if any(v[1] < o[2] + SNAP and o[1] < v[2] + SNAP for o in g):  # overlapping or touching
                g.append(v)
                break
        else:
            groups.append([v])
    out: list[Grid] = []
    for g in groups:
        xs = _snap(sorted(v[0] for v in g))
        if len(xs) < 3:
            continue
        left, right = xs[0], xs[-1]
        bottom, top = min(v[1] for v in g), max(v[2] for v in g)
        inside = [
            h for h in horizontals if bottom - SNAP <= h[0] <= top + SNAP and h[1] < right - SNAP and h[2] > left + SNAP
        ]
        ys = _snap(sorted((h[0] for h in inside), reverse=True))
        if len(ys) < 2:
            continue
        if ys[0] < top - SNAP:
            ys.insert(0, top)
        if ys[-1] > bottom + SNAP:
            ys.append(bottom)
        out.append(Grid(left, right, bottom, top, g, ys, inside))
    return out


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in values:
        if not out or abs(v - out[-1]) > SNAP:
            out.append(v)
    return out


@dataclass
class Row:
    """The glyphs of one table row by cell, and where the row stands."""

    top: float
    cells: list[list[Glyph]]
    left: float
    right: float
    rights: list[float]  # each cell's right edge
    limits: list[float] | None = None  # how far each cell's text can reach (`text_limits`)
    # per cell, (one with the row above, one with the row below): no rule between them within the cell's column
    merged: list[tuple[bool, bool]] | None = None


def split(glyphs: list[Glyph], tables: list[Grid]) -> tuple[list[Glyph], list[Row]]:
    """(the glyphs outside every table, the rows of the tables with their glyphs by cell)."""
    outside: list[Glyph] = []
    rows: dict[tuple[int, int], Row] = {}
    for g in glyphs:
        x = (g[1] + g[2]) / 2
        y = g[0] + g[3] * 0.3  # a glyph's middle, above its baseline
        grid = next((t for t in tables if t.holds(x, y)), None)
        if grid is None:
            outside.append(g)
            continue
        r = next((k for k in range(len(grid.rows) - 1) if grid.rows[k + 1] - SNAP <= y <= grid.rows[k] + SNAP), None)
        if r is None:
            outside.append(g)
            continue
        key = (id(grid), r)
        row = rows.get(key)
        middle = (grid.rows[r] + grid.rows[r + 1]) / 2
        edges = _snap(sorted(v[0] for v in grid.verticals if v[1] - SNAP <= middle <= v[2] + SNAP))
        if row is None:
            rights = edges[1:] if len(edges) > 1 else [grid.right]
            row = rows[key] = Row(grid.rows[r], [[] for _ in rights], grid.left, grid.right, rights)
        c = next((k for k in range(len(edges) - 1) if edges[k] <= x <= edges[k + 1]), 0)
        row.cells[min(c, len(row.cells) - 1)].append(g)
    for grid in tables:
        _merged_down(grid, {r: row for (t, r), row in rows.items() if t == id(grid)})
    return outside, [r for r in rows.values() if any(r.cells)]


def _merged_down(grid: Grid, rows: dict[int, Row]) -> None:
    """Give the text of a cell merged down over several rows (no rule between them within its column) to each of
    those rows: Word prints it once (in the top row, or beside a middle one when it is vertically centred). Each row's
    `merged` says which of its cells go on into the row above or below."""
    done: set[tuple[int, int]] = set()  # (row, cell) already given the merged text
    for r, row in rows.items():
        row.merged = []
        for left, right in zip([row.left, *row.rights[:-1]], row.rights, strict=True):
            x = (left + right) / 2
            above = r - 1 in rows and not grid.ruled(r, x) and _cell_at(rows[r - 1], x) is not None
            below = r + 1 in rows and not grid.ruled(r + 1, x) and _cell_at(rows[r + 1], x) is not None
            row.merged.append((above, below))
    for r in sorted(rows):
        row = rows[r]
        if r + 1 not in rows:
            continue
        for c, right in enumerate(row.rights):
            left = row.rights[c - 1] if c else row.left
            x = (left + right) / 2
            if (r, c) in done or grid.ruled(r + 1, x):
                continue
            span = [r]  # the rows the cell covers: down while no rule closes it
            while span[-1] + 1 in rows and not grid.ruled(span[-1] + 1, x):
                span.append(span[-1] + 1)
            cells = [_cell_at(rows[k], x) for k in span]
            if any(k is None for k in cells):
                continue
            text = [g for k, j in zip(span, cells, strict=True) for g in rows[k].cells[j]]  # type: ignore[index]
            for k, j in zip(span, cells, strict=True):
                rows[k].cells[j] = list(text)  # type: ignore[index]
                done.add((k, j))  # type: ignore[arg-type]


def _cell_at(row: Row, x: float) -> int | None:
    """The index of the cell of `row` that holds `x`."""
    lefts = [row.left, *row.rights[:-1]]
    return next((k for k, (a, b) in enumerate(zip(lefts, row.rights, strict=True)) if a <= x <= b), None)


def cell_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """A cell's glyphs as its visual lines, top to bottom, each left to right."""
    lines: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: -g[0]):
        if lines and abs(lines[-1][0][0] - g[0]) <= 0.35 * max(g[3], lines[-1][0][3]):
            lines[-1].append(g)
        else:
            lines.append([g])
    for line in lines:
        line.sort(key=lambda g: g[1])
    return lines


def text_limits(rows: list[Row]) -> None:
    """Set each row's `limits`: per cell, how far its text can reach. A cell's padding is not drawn:
    the text of a column reaches as far as its widest line, or as close to the right edge as it starts
    to the left one (padding is the same on both sides), whichever is farther. A line that stops short
    of that with room for the next line's first unit ended at a line break the author typed (two
    units in one cell: `市应急管理局⏎市市场监管局`)."""
    reach: list[list[float]] = []  # per column: right edge, farthest glyph end, least left padding, size
    for row in rows:
        for left, right, glyphs in zip([row.left, *row.rights[:-1]], row.rights, row.cells, strict=True):
            visible = [g for g in glyphs if not g[4].isspace()]
            if not visible:
                continue
            end, pad = max(g[2] for g in visible), min(g[1] for g in visible) - left
            size = max(g[3] for g in visible)
            col = next((c for c in reach if abs(c[0] - right) <= SNAP), None)
            if col is None:
                reach.append([right, end, pad, size])
            else:
                col[1], col[2], col[3] = max(col[1], end), min(col[2], pad), max(col[3], size)
    for row in rows:
        row.limits = []
        for right in row.rights:
            col = next((c for c in reach if abs(c[0] - right) <= SNAP), None)
            # the padding mirrored is an estimate: a rule's width and rounding take a little more
            mirrored = right - max(col[2], 0.0) - PAD_SLACK * col[3] if col else right
            row.limits.append(right if col is None else max(col[1], mirrored))


def row_size(row: Row) -> float:
    sizes = [g[3] for cell in row.cells for g in cell if g[3] > 1]
    return statistics.median(sizes) if sizes else 12.0
