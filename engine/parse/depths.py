"""How deep each numbering style stands: the order of first use, unless the document shows it nests otherwise.

A plan's depth comes from the order in which it first uses each style (engine/parse/tree.py `build_nodes`): 一、 > (一) >
1. in one plan, (一) > 1. in another. A plan whose first section numbers a few lines with a style that its tasks use
one level down breaks that order: 一、总体目标 with goal lines 1.–3., then 二、重点任务 with group headings (一)…(六),
each over its own items 1. 2. 3. (blind94 汉源县). By first use 1. is over (一), so every (一) would nest under the
last 1. before it and the items under (一) would be its siblings.

What the document shows is where a list opens: an item numbered 1 (一, (1), ①) right after an item of another
style opens a list under that item. Where items of a later style B are followed by a list of an earlier style A
opening under them at least `MIN_OPENINGS` times, and no list of B ever opens right after an item of A, the
document nests A under B: B moves to just above A. Everything else keeps its order of first use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from engine.parse.numbering import Marker

MIN_OPENINGS = 2  # lists of an earlier style opening under items of a later one: one could be a slip


def style_order(markers: Sequence[Marker]) -> dict[str, int]:
    """Style -> depth (0 the shallowest), for the markers of the numbered items in document order (module doc)."""
    order: list[str] = []
    for mk in markers:
        if mk.style not in order:
            order.append(mk.style)
    opens: Counter[tuple[str, str]] = Counter()  # (over, under): a list of `under` opening right after `over`
    for a, b in pairwise(markers):
        if a.style != b.style and b.ordinal == 1:
            opens[(a.style, b.style)] += 1
    for _ in range(len(order)):  # each pass moves one style at most; bounded by the number of styles
        moved = False
        for i, shallow in enumerate(order):
            deeper = next(
                (
                    b for b in order[i + 1 :]
                    if opens[(b, shallow)] >= MIN_OPENINGS and not opens[(shallow, b)]
                ),
                None,
            )  # fmt: skip
            if deeper is not None:
                order.remove(deeper)
                order.insert(i, deeper)
                moved = True
                break
        if not moved:
            break
    return {style: depth for depth, style in enumerate(order)}
