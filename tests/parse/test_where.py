"""parse._where finds a measure offset's segment by bisection: the same segment the plain scan finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.models import Paragraph
from engine.parse import _where
from engine.parse.tree import Segment


def _scan(offset: int, segs: list[Segment]) -> int:
    """The definition: walk forward while the next segment starts at or before the offset."""
    k = 0
    while k + 1 < len(segs) and segs[k + 1].start <= offset:
        k += 1
    return k


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=30), st.integers(-3, 200))
def test_bisection_equals_the_scan(gaps, offset):
    starts, at = [], 0
    for g in gaps:  # ascending starts, repeats allowed (an empty segment)
        at += g
        starts.append(at)
    paras = [Paragraph(index=i, line=i + 1, text="x" * 300, orig="x" * 300, cols=list(range(1, 301)))
             for i in range(len(starts))]  # fmt: skip
    segs = [Segment(start=s, para=i, para_offset=0) for i, s in enumerate(starts)]
    offset = max(offset, 0)
    k, line, _ = _where(offset, segs, paras, starts)
    assert k == _scan(offset, segs) and line == k + 1
