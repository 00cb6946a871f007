"""Word's line numbering in a PDF: the margin numbers are no text.

A draft sent for comment (征求意见稿) is often printed with Word's 行号 (w:lnNumType): a number in the left
margin beside every line (or every n-th, `countBy`), restarting each page or running on. The text layer holds
them as digits like any other, so read as text they run into the words beside them (a title "1东营市…", a unit
"市15财政局" where a line breaks inside its name).

On one page the margin numbers are told from the text by where and what they are, never by their values alone:

- each is a run of ASCII digits (1-4) standing apart, left of every other glyph of the page (the margin: body
  text, indented or not, starts to their right);
- they stand in one column, right-aligned (their right edges within `ALIGN` points);
- read top to bottom they increase by one step (the count-by: 1, or 5 …) nearly everywhere (`STEADY`), and they
  cover the page's lines (count × step ≥ `COVER` × the text lines): a list whose numbers hang left of its
  wrapped lines (1 … 2 … with several lines each) numbers items, not lines;
- at least `MIN_FIRST` of them on the first page that has them (`MIN_COUNTED_BY` where every n-th line is
  numbered, n > 1, and each number is a multiple of n: 5, 10, 15); on a later page the same column (the numbers
  established once) is enough, so a short last page loses its few numbers too.

Real numbers are untouched: a year or a figure in a line (2026年, 30%) has text to its left or glued to it, a
measure's number (1. （一）) is no bare digit run or stands where the text starts.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

ALIGN = 1.5  # points: the right edges of one column of line numbers
GAP = 0.2  # ems: a margin number stands at least this far left of the nearest text of the page
JOIN = 0.3  # ems: digits closer than this are one number
ROW = 0.35  # ems: glyphs whose baselines are closer than this are one printed line
STEADY = 0.7  # share of consecutive numbers that differ by the common step
COVER = 0.6  # the numbers (times their step) cover this share of the page's lines
MIN_FIRST = 5  # margin numbers on the first page that has them
MIN_COUNTED_BY = 3  # … when every n-th line is numbered (n > 1) and each number is a multiple of n

_Glyph = tuple[float, float, float, float, str, bool]  # baseline, x0, x1, size, char, generated (engine.ingest.pdf)


@dataclass
class LineNumbers:
    """What the pages read so far established: the right edge of the document's column of line numbers."""

    column: float | None = None

    def strip(self, glyphs: list[_Glyph]) -> list[_Glyph]:
        """The page's glyphs without its margin line numbers (all of them kept where the page has none)."""
        runs = _digit_runs(glyphs)
        if not runs:
            return glyphs
        in_runs = {k for run in runs for k in run}
        text = [g for k, g in enumerate(glyphs) if k not in in_runs and not g[4].isspace()]
        if not text:
            return glyphs
        left = min(g[1] for g in text)
        margin = [run for run in runs if glyphs[run[-1]][2] <= left - GAP * glyphs[run[-1]][3]]
        if not margin:
            return glyphs
        edges = [glyphs[run[-1]][2] for run in margin]
        column = self.column
        if column is None:
            ranked = sorted(edges)  # the edge with most others within ALIGN: O(n log n) on a hostile page of digits
            column = max(edges, key=lambda e: bisect_right(ranked, e + ALIGN) - bisect_left(ranked, e - ALIGN))
        found = sorted(
            (run for run, edge in zip(margin, edges, strict=True) if abs(edge - column) <= ALIGN),
            key=lambda run: -glyphs[run[0]][0],
        )
        values = [int("".join(glyphs[k][4] for k in run)) for run in found]
        if not found or any(b <= a for a, b in pairwise(values)):
            return glyphs
        if self.column is None:
            steps = [b - a for a, b in pairwise(values)]
            step = max(set(steps), key=steps.count) if steps else 0
            # every n-th line numbered (5, 10, 15 …): fewer numbers a page, each a multiple of the step
            counted_by = step > 1 and len(found) >= MIN_COUNTED_BY and all(v % step == 0 for v in values)
            if len(found) < MIN_FIRST and not counted_by:
                return glyphs
            if steps.count(step) < STEADY * len(steps) or len(found) * step < COVER * _rows(text):
                return glyphs
            self.column = column
        drop = {k for run in found for k in run}
        return [g for k, g in enumerate(glyphs) if k not in drop]


def _digit_runs(glyphs: list[_Glyph]) -> list[list[int]]:
    """Runs of 1-4 ASCII digits printed together (indices into `glyphs`, left to right)."""
    order = sorted(range(len(glyphs)), key=lambda k: (-glyphs[k][0], glyphs[k][1]))
    runs: list[list[int]] = []
    for k in order:
        y, x0, _, size, ch, _ = glyphs[k]
        if not ("0" <= ch <= "9"):
            continue
        if runs:
            last = glyphs[runs[-1][-1]]
            if abs(last[0] - y) <= ROW * max(size, last[3]) and 0 <= x0 - last[2] <= JOIN * size:
                runs[-1].append(k)
                continue
        runs.append([k])
    # a leading 0 is no line number; a run next to other glyphs of its line is left of no text (LineNumbers.strip)
    return [run for run in runs if len(run) <= 4 and glyphs[run[0]][4] != "0"]


def _rows(glyphs: list[_Glyph]) -> int:
    """How many printed lines the glyphs stand on."""
    rows = 0
    last: _Glyph | None = None
    for g in sorted(glyphs, key=lambda g: -g[0]):
        if last is None or abs(last[0] - g[0]) > ROW * max(g[3], last[3]):
            rows += 1
            last = g
    return rows
