"""Arabic items numbered past 999: each is an item, on lines or on one line, where it continues the items
before it; a four-digit number that does not (a year, "2025.") is no item. Before, 1000. was never a
marker, so everything after item 999 ran into it: one measure holding a thousand clauses, read in minutes."""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.numbering import markers_in

UNITS = ("县财政局", "县教育局", "县民政局", "县交通运输局", "县水利局")


def _plan(n: int, joiner: str) -> str:
    lines = ["某县若干措施", "为推动发展，结合我县实际，制定以下措施。"]
    lines += [f"{i}.做好第{i}项工作。（牵头单位：{UNITS[i % 5]}；配合单位：{UNITS[(i + 1) % 5]}）" for i in range(1, n + 1)]
    return joiner.join(lines) + "\n"


@pytest.mark.parametrize("joiner", ["\n", " "], ids=["lines", "one-line"])
def test_items_past_999_are_items(joiner: str) -> None:
    plan = parse_plan(from_text(_plan(1002, joiner)))
    assert len(plan.measures) == 1002
    assert [m.label for m in plan.measures[997:]] == ["998", "999", "1000", "1001", "1002"]
    last = plan.measures[-1]
    assert last.lead_units == [UNITS[1002 % 5]] and last.support_units == [UNITS[1003 % 5]]
    assert plan.measures[-3].text.startswith("做好第1000项") and "1001" not in plan.measures[-3].text


def test_a_year_opening_a_line_is_no_item() -> None:
    text = "某县若干措施\n1.做好第一项工作。\n2.做好第二项工作。\n2025.全面完成改造任务。\n3.做好第三项工作。\n"
    plan = parse_plan(from_text(text))
    assert [m.label for m in plan.measures] == ["1", "2", "3"]
    assert "2025.全面完成改造任务" in plan.measures[1].text


def test_a_four_digit_number_is_no_sub_point() -> None:
    assert [mk.label for mk in markers_in("推进工作。2025.全面完成；(1)加强监管")] == ["(1)"]


def test_an_item_left_unread_does_not_end_the_numbering() -> None:
    """1002.二手… reads as a list of numbers (2、3级), not an item; 1003 still follows 1001."""
    text = _plan(1005, "\n").replace("1002.做好", "1002.二手")
    plan = parse_plan(from_text(text))
    assert [m.label for m in plan.measures[-4:]] == ["1001", "1003", "1004", "1005"]
