"""The one builder of an item-number list (第1—3项, 第（一）至（三）项, 第2、3项) that a group clause
(engine/extract/groupclause.py) and a responsibility list (engine/parse/assignments.py) both read with."""

from __future__ import annotations

import re

import pytest

from engine.extract.data import read_data
from engine.extract.numerals import MAX_ITEMS, list_numbers, number_list_pattern


def _words(name: str) -> tuple[list[str], list[str]]:
    raw = read_data(name) or {}
    return [str(w) for w in raw["ranges"]], [str(w) for w in raw["joins"]]


GROUP = _words("group_clauses.yaml")
LIST = _words("assignment_lists.yaml")


def _read(text: str, words: tuple[list[str], list[str]], *, bracketed: bool) -> tuple[int, ...] | None:
    m = re.fullmatch(rf"第\s*{number_list_pattern(*words, bracketed=bracketed)}\s*项", text)
    return list_numbers(m.group("nums"), *words) if m else None


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("第1—3项", (1, 2, 3)),
        ("第1-3项", (1, 2, 3)),
        ("第1至3项", (1, 2, 3)),
        ("第1、2项", (1, 2)),
        ("第1至3、5项", (1, 2, 3, 5)),
        ("第1、第3项", (1, 3)),
        ("第 2 ～ 4 项", (2, 3, 4)),
        ("第一至三项", (1, 2, 3)),
        ("第十二、十三项", (12, 13)),
        ("第3-1项", ()),  # a range backwards is no range
        ("第0—2项", ()),
    ],
)
def test_both_callers_read_the_plain_forms_alike(text: str, numbers: tuple[int, ...]) -> None:
    assert _read(text, GROUP, bracketed=True) == numbers
    assert _read(text, LIST, bracketed=False) == numbers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [("第（一）至（三）项", (1, 2, 3)), ("第(1)、(2)项", (1, 2)), ("第（ 二 ）—（四）项", (2, 3, 4))],
)
def test_bracketed_numbers_are_read_by_both_callers(text: str, numbers: tuple[int, ...]) -> None:
    assert _read(text, GROUP, bracketed=True) == numbers
    # a 责任分工 line "第（一）至（三）项由X牵头" too (fixtures/duties82): the list reads its numbers bracketed or not
    assert _read(text, LIST, bracketed=True) == numbers
    assert _read(text, LIST, bracketed=False) is None


def test_a_range_wider_than_any_plan_is_no_range() -> None:
    assert list_numbers(f"1-{MAX_ITEMS + 1}", *LIST) == tuple(range(1, MAX_ITEMS + 2))
    assert list_numbers(f"1-{MAX_ITEMS + 2}", *LIST) == ()


def test_the_callers_use_the_builder() -> None:
    from engine.extract.groupclause import _data as group_data
    from engine.extract.groupclause import numbers_of
    from engine.parse.assignments import _data as list_data

    assert number_list_pattern(*GROUP, bracketed=True) in group_data().pattern.pattern
    assert any(number_list_pattern(*LIST, bracketed=True) in f.pattern for f in list_data().forms)
    assert numbers_of("（一）至（三）") == (1, 2, 3)
