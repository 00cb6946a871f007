"""Classes of fixtures/runs94 (see its README), shown by blind94 and blind95: a plan numbered in ONE run through its
framing sections ((一)(二) 总体要求, tasks (三)…, safeguards numbered on), goal lines 1.–3. under 一、总体目标 before
the tasks use 1. one level down (under group headings (一)…(六)), a red header's ★ above a joint title, and a
"责任单位：X（牵头），Y" line under a measure read as a clause broken off it. The golds themselves are read by
tests/parse/test_fix_golds.py; here the pieces, and the plans checked alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.parse import depths, frontmatter
from engine.parse.numbering import Marker
from engine.parse.tree import is_general, is_goal_heading
from engine.pipeline import check

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "runs94"


def _marks(*labels: tuple[str, int]) -> list[Marker]:
    return [Marker(style, style, ordinal, 0, 0) for style, ordinal in labels]


def test_lists_opening_under_a_later_style_put_it_above_the_earlier_one():
    # 一、总体目标 1. 2. 3. | 二、 (一) 1. 2. (二) 1. 2. — 1. opens twice right after a (一)-style item
    order = depths.style_order(_marks(
        ("dun", 1), ("dot", 1), ("dot", 2), ("dot", 3),
        ("dun", 2), ("paren", 1), ("dot", 1), ("dot", 2), ("paren", 2), ("dot", 1), ("dot", 2),
    ))  # fmt: skip
    assert order == {"dun": 0, "paren": 1, "dot": 2}


def test_the_order_of_first_use_stands_where_nothing_contradicts_it():
    # 一、 (一) 1. 2. (二) 1. — the usual nesting
    order = depths.style_order(_marks(
        ("dun", 1), ("paren", 1), ("dot", 1), ("dot", 2), ("paren", 2), ("dot", 1), ("dun", 2), ("paren", 1),
    ))  # fmt: skip
    assert order == {"dun": 0, "paren": 1, "dot": 2}


def test_a_single_list_opening_under_a_later_style_moves_nothing():
    order = depths.style_order(_marks(("dun", 1), ("dot", 1), ("dot", 2), ("dun", 2), ("paren", 1), ("dot", 1)))
    assert order == {"dun": 0, "dot": 1, "paren": 2}


def test_lists_opening_both_ways_keep_the_order_of_first_use():
    # lists of each style open under the other (twice each way): the document is not consistent; first use decides
    order = depths.style_order(_marks(
        ("dot", 1), ("paren", 1), ("paren", 2), ("dot", 2), ("paren", 1), ("dot", 1), ("paren", 2), ("dot", 1),
    ))  # fmt: skip
    assert order == {"dot": 0, "paren": 1}


@pytest.mark.parametrize("title", ["总体目标", "主要目标", "工作目标", "发展目标", "主要指标", "具体指标"])
def test_a_heading_of_goals(title):
    assert is_goal_heading(title)


@pytest.mark.parametrize("title", ["总体要求", "目标任务", "指导思想", "基本原则", "重点任务", "完善目标考核"])
def test_a_heading_that_may_hold_more_than_goals(title):
    assert not is_goal_heading(title)


def test_the_approach_under_general_requirements_is_a_general_title():
    assert is_general("基本思路")
    assert not is_general("完善基本思路")


@pytest.mark.parametrize("text", ["★", "☆", "———", "＊＊＊", " ★ "])
def test_a_header_glyph_alone(text):
    assert frontmatter.ornament(text)


@pytest.mark.parametrize("text", ["", "★为牵头单位", "（一）", "1.", "中共云南省委文件"])
def test_a_line_with_words_or_numbers_is_no_glyph(text):
    assert not frontmatter.ornament(text)


def test_the_star_of_a_red_header_is_no_part_of_the_title_below_it():
    fm = frontmatter.read_front([
        (1, "中共甘肃省委文件"), (2, "甘发〔2026〕2号"), (3, "★"),
        (4, "中共甘肃省委 甘肃省人民政府关于加强县域商业体系建设的实施意见"), (5, "（2026年1月8日）"),
    ])  # fmt: skip
    assert fm.title == "中共甘肃省委 甘肃省人民政府关于加强县域商业体系建设的实施意见"


def test_nothing_is_found_alone():
    """The fixtures' plans are sound: checked alone, none draws a finding (blind94/95 drew "no lead unit" on 基本思路,
    on the safeguards and goal lines read as measures, and "clause apart" on 责任单位 lines)."""
    for path in sorted(HERE.glob("*.expected.yaml")):
        doc = path.name.removesuffix(".expected.yaml")
        source = next(p for p in HERE.iterdir() if p.stem == doc and p.suffix != ".yaml")
        run = check(str(source), allow_no_parent=True, fail_on="none")
        assert [f.message for f in run.report.findings] == [], doc
