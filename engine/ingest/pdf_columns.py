"""A PDF page set in two text columns, read as it is meant: the left column down, then the right one.

Glyphs group into visual lines by baseline across the whole page (engine.ingest.pdf), so on a page of two columns
the lines of both interleave, and where the gutter is narrower than the gap that splits a printed line (2.5 em; Word's
default column spacing is 1.27 cm, 2.25 em of 三号) a left line and the right line beside it even become one line:
title, notice and measures read as a zip of two texts (fixtures/blind56's 嘉峪关 .pdf).

A page is read as two columns where a gutter says so, on the page's own glyphs:
- a vertical band at least `MIN_GUTTER` ems wide in the middle half of the text, crossed by at most
  `MAX_ACROSS` of the page's lines (a title or footer across both columns may cross it; body text of a
  one-column page crosses it on nearly every line);
- at least `MIN_LINES` lines of text on each side, each side's part of a line one run of text (no gap of an em
  inside: a table's cells stand apart, a column's prose does not), at least `MIN_FULL` of them running to the
  side's right edge (prose wraps there; cells of a table stop where their words do);
- both columns `MIN_WIDTH` ems wide or more, the narrower at least `MIN_RATIO` of the wider (a task table's
  unit column beside its task column is much narrower);
- no ruled table on the page (engine.ingest.pdf_tables found none), and no line whose two sides are both a
  table's column words (重点任务 | 责任单位: the header of an unruled table).

Lines that cross the gutter (a title over both columns, a footer) stand where they are; the lines between two
of them are read left side first, then right side, from the first that has text on both sides (the lines above
it, on one side only, are a one-column part of the page: read as they are) down to a line set far below the
columns (a footer on one side: read after them, where the page's furniture is looked for). A page of the same
document whose every line stays left of the gutter (the text ran out in the first column) is the same layout: its
lines are the left column's too (`continue_columns`), which tells `paragraphs` where their lines wrap."""

from __future__ import annotations

import statistics
from typing import Any

MIN_GUTTER = 0.8  # ems: narrower than this is the spacing of a justified line, not a gutter
RUN_GAP = 1.0  # ems: glyphs of one run of text stand closer than this (justified CJK text: < 0.5 em)
MAX_ACROSS = 0.3  # share of a page's lines that may cross its gutter
MIN_LINES = 4  # lines of text on each side
MIN_FULL = 0.4  # share of each side's lines that reach the side's right edge (within an em)
MIN_ONE_RUN = 0.8  # share of each side's lines that are one run of text
MIN_WIDTH = 8.0  # ems: the narrowest text column read as one
MIN_RATIO = 0.5  # the narrower column's width over the wider's
FOOT_GAP = (
    2.5  # line pitches: a one-sided line this far below the columns' last is the page's foot, no column's
)

Glyph = tuple[
    float, float, float, float, str, bool
]  # baseline, x0, x1, size, char, generated (engine.ingest.pdf)
LEFT, RIGHT, ACROSS = 1, 2, 0


def _runs(glyphs: list[Glyph], gap: float) -> list[tuple[float, float]]:
    """The row's runs of text: its visible glyphs (in x order) joined where they stand less than `gap` apart."""
    out: list[tuple[float, float]] = []
    for g in sorted(glyphs, key=lambda g: g[1]):
        if out and g[1] - out[-1][1] < gap:
            out[-1] = (out[-1][0], max(out[-1][1], g[2]))
        else:
            out.append((g[1], g[2]))
    return out


def split(rows: list[list[Glyph]]) -> list[tuple[int, list[Glyph]]] | None:
    """The page's glyph rows (top to bottom) in reading order, each with its column (LEFT, RIGHT or ACROSS); None
    when the page is not set in two columns (the rows are read as they are)."""
    visible = [[g for g in row if not g[4].isspace()] for row in rows]
    sizes = [g[3] for row in visible for g in row if g[3] > 1]
    if len([v for v in visible if v]) < 2 * MIN_LINES or not sizes:
        return None
    em = statistics.median(sizes)
    gutter = _gutter(visible, em)
    if gutter is None:
        return None
    low, high = gutter
    mid = (low + high) / 2
    across: list[int] = []
    left: list[list[Glyph]] = []
    right: list[list[Glyph]] = []
    for k, row in enumerate(visible):
        if not row:
            continue
        if any(a < high - 0.5 and b > low + 0.5 for a, b in _runs(row, RUN_GAP * em)):
            across.append(k)
            continue
        left.append([g for g in row if g[2] <= mid])
        right.append([g for g in row if g[1] >= mid])
    count = sum(1 for v in visible if v)
    if len(across) > MAX_ACROSS * count or not _column(left, em) or not _column(right, em):
        return None
    widths = [_width([p for p in left if p], em), _width([p for p in right if p], em)]
    if min(widths) < MIN_WIDTH * em or min(widths) < MIN_RATIO * max(widths):
        return None
    if _table_header(left, right):
        return None
    return _order(rows, mid, set(across))


def _gutter(visible: list[list[Glyph]], em: float) -> tuple[float, float] | None:
    """The widest band in the middle half of the text that the fewest lines cross, if few enough cross it and it
    is `MIN_GUTTER` ems wide (in whole points)."""
    x0 = min(g[1] for row in visible for g in row)
    x1 = max(g[2] for row in visible for g in row)
    lo, hi = int(x0 + (x1 - x0) / 4), int(x1 - (x1 - x0) / 4)
    if hi - lo < MIN_GUTTER * em:
        return None
    diff = [0] * (hi - lo + 2)
    for row in visible:
        for a, b in _runs(row, RUN_GAP * em):
            start, stop = max(lo, int(a)), min(hi + 1, int(b) + 1)  # the points it covers, lo..hi
            if start < stop:
                diff[start - lo] += 1
                diff[stop - lo] -= 1
    cover: list[int] = []
    total = 0
    for d in diff[:-1]:
        total += d
        cover.append(total)
    fewest = min(cover)
    if fewest > MAX_ACROSS * sum(1 for v in visible if v):
        return None
    best: tuple[int, int] | None = None
    start = None
    for k, c in enumerate([*cover, fewest + 1]):
        if c <= fewest and start is None:
            start = k
        elif c > fewest and start is not None:
            if best is None or k - start > best[1] - best[0]:
                best = (start, k)
            start = None
    if best is None or best[1] - best[0] < MIN_GUTTER * em:
        return None
    return lo + best[0], lo + best[1]


def _column(parts: list[list[Glyph]], em: float) -> bool:
    """One side's parts of the lines read as a column of prose: enough lines, one run each, many full."""
    parts = [p for p in parts if p]
    if len(parts) < MIN_LINES:
        return False
    one = sum(1 for p in parts if len(_runs(p, RUN_GAP * em)) == 1)
    edge = max(max(g[2] for g in p) for p in parts)
    full = sum(1 for p in parts if max(g[2] for g in p) >= edge - em)
    return one >= MIN_ONE_RUN * len(parts) and full >= MIN_FULL * len(parts)


def _width(parts: list[list[Glyph]], em: float) -> float:
    """Where most of the side's lines start (the column's left edge, an indent aside) to its right edge."""
    starts = sorted(min(g[1] for g in p) for p in parts)
    edge = max(max(g[2] for g in p) for p in parts)
    return edge - starts[len(starts) // 4]


def _table_header(left: list[list[Glyph]], right: list[list[Glyph]]) -> bool:
    from engine.ingest.tables import column_role

    for a, b in zip(left, right, strict=True):
        if a and b and column_role("".join(g[4] for g in a)) and column_role("".join(g[4] for g in b)):
            return True
    return False


def _order(rows: list[list[Glyph]], mid: float, across: set[int]) -> list[tuple[int, list[Glyph]]]:
    """The rows between two that cross the gutter read left side, then right side, from the first that has text on
    both sides; the rows above it (a title block set over the whole width above the columns: a notice's last short
    line, the signature right of it) stay as they are, read across."""
    out: list[tuple[int, list[Glyph]]] = []
    band: list[list[Glyph]] = []
    for k, row in enumerate([*rows, None]):
        if row is not None and k not in across:
            band.append(row)
            continue
        # a space glyph goes with the side it stands on
        sides = [
            ([g for g in r if (g[1] + g[2]) / 2 < mid], [g for g in r if (g[1] + g[2]) / 2 >= mid])
            for r in band
        ]
        # the columns start where a line first has text on both sides (the tops of two columns stand level); what
        # stands above on one side only is the one-column part of the page (a signature right of a notice's end)
        two = [k for k, (a, b) in enumerate(sides) if _visible(a) and _visible(b)]
        first = two[0] if two else len(band)
        end = _foot(band, first, two[-1]) if two else len(band)
        out += [(ACROSS, r) for r in band[:first]]
        out += [(LEFT, a) for a, _ in sides[first:end] if _visible(a)]
        out += [(RIGHT, b) for _, b in sides[first:end] if _visible(b)]
        out += [(ACROSS, r) for r in band[end:]]
        band = []
        if row is not None:
            out.append((ACROSS, row))
    return out


def _foot(band: list[list[Glyph]], first: int, last: int) -> int:
    """Where the page's foot starts below the columns: the first row after the last one with text on both sides that
    stands more than `FOOT_GAP` line pitches below the row above it (a footer or page number set left or right, on
    one side only, which read into a column would stand between its text and the other column's); none: the band's
    end (a column that runs on alone below the other goes on at its pitch)."""
    ys = [
        statistics.median(g[0] for g in row if not g[4].isspace()) if _visible(row) else None for row in band
    ]
    steps = [
        a - b
        for a, b in zip(ys[first : last + 1], ys[first + 1 : last + 1], strict=False)
        if a is not None and b is not None
    ]
    pitch = statistics.median(steps) if steps else 0.0
    above = ys[last]
    for k in range(last + 1, len(band)):
        y = ys[k]
        if y is None:
            continue
        if pitch > 0 and above is not None and above - y > FOOT_GAP * pitch:
            return k
        above = y
    return len(band)


def _visible(glyphs: list[Glyph]) -> bool:
    return any(not g[4].isspace() for g in glyphs)


def continue_columns(pages: list[list[Any]]) -> None:
    """A page of a two-column document that no gutter split, each of whose lines (page numbers aside) stays left of
    where the left column's lines end: the text ran out in the first column, so its lines are that column's."""
    firsts = [x for lines in pages for x in lines if x.column == LEFT]
    if not firsts:
        return
    from engine.ingest.pdf import PAGE_NUMBER

    em = statistics.median(x.size for x in firsts)
    edge = statistics.median(sorted(x.x1 for x in firsts)[-max(1, len(firsts) // 2) :]) + em / 2
    for lines in pages:
        if any(x.column or x.cells is not None for x in lines):
            continue
        text = [x for x in lines if not PAGE_NUMBER.match(x.text)]
        if text and all(x.x1 <= edge for x in text):
            for x in text:
                x.column = LEFT
