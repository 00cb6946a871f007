"""Documents delivered as one line (or a few huge lines): split at inline numbering, keep columns."""

from __future__ import annotations

import time

import pytest

from engine.parse import parse_plan
from engine.parse.numbering import fold, inline_markers

FIXTURES = ["guangxi-2021-2025-parent.txt", "chengzhong-district-draft.txt", "guangning-county-2016-2020.txt"]


@pytest.mark.parametrize("name", FIXTURES)
@pytest.mark.parametrize("strip", [False, True], ids=["indented", "stripped"])
def test_one_line_equals_multi_line(doc_of, read_fixture, name, strip):
    text = read_fixture(name)
    multi = parse_plan(doc_of(text))
    line = "".join(x.strip() if strip else x for x in text.splitlines())
    one = parse_plan(doc_of(line))
    assert [m.ref for m in one.measures] == [m.ref for m in multi.measures]
    assert [m.label for m in one.measures] == [m.label for m in multi.measures]
    assert [s.label for s in one.sections] == [s.label for s in multi.sections]
    assert [m.parent_measure for m in one.measures] == [m.parent_measure for m in multi.measures]
    for m in one.measures:
        assert m.line == 1 and m.end_line == 1
        # the column points at the label in the original line (full- or half-width as written)
        assert fold(line[m.column - 1 : m.column - 1 + len(m.label)]) == m.label
    assert one.jurisdiction == multi.jurisdiction and one.level == multi.level
    if name != "chengzhong-district-draft.txt":  # its title has no covering notice to find it by
        assert one.title == multi.title


def test_inline_markers_need_sequence_and_boundary():
    text = "一、总体要求(一)指导思想。坚持依法。(二)主要原则。按照(三)办理。(三)总体目标。到2025年完成1.5倍。二、任务"
    labels = [m.label for m in inline_markers(fold(text))]
    assert labels == ["一", "(一)", "(二)", "(三)", "二"]


def test_inline_marker_after_short_heading_continues_sequence():
    text = "一、总体要求1.工作目标。2.注重实践。二、组织保障和落实机制3.自觉接受党的领导。"
    assert [m.label for m in inline_markers(text)] == ["一", "1", "2", "二", "3"]


def test_one_line_snippet(doc_of):
    text = "为推进依法行政,制定本方案。一、主要任务1.加强执法。严格程序。(牵头单位:县司法局)2.完善复议。二、保障措施3.加强领导。"
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["1", "2", "3"]
    assert plan.measures[0].text == "加强执法。严格程序。(牵头单位:县司法局)"
    assert [text[m.column - 1 : m.column + 1] for m in plan.measures] == ["1.", "2.", "3."]
    assert plan.preamble == "为推进依法行政,制定本方案。"


def test_two_megabyte_line_is_fast(doc_of, read_fixture):
    one = "".join(read_fixture(FIXTURES[0]).splitlines())
    big = one * (2_000_000 // len(one.encode()) + 1)
    doc = doc_of(big)
    t0 = time.perf_counter()
    plan = parse_plan(doc)
    elapsed = time.perf_counter() - t0
    assert len(plan.measures) == 50 * (len(big) // len(one))
    assert len({m.ref for m in plan.measures}) == len(plan.measures)
    assert elapsed < 8, elapsed
