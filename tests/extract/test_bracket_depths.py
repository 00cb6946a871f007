"""The shared bracket bookkeeping of engine/extract/sentences.py: `bracket_depths`, which the splitters, maskers
and scanners share instead of each counting brackets again."""

from __future__ import annotations

import pytest

from engine.extract.sentences import CLOSERS, OPENERS, bracket_depths


def depths(text: str, openers: str = OPENERS, closers: str = CLOSERS) -> list[int]:
    return list(bracket_depths(text, openers, closers))


@pytest.mark.parametrize("pair", ["（）", "()", "【】", "《》", "「」", "“”", "‘’", "[]", "［］", "〔〕", "〈〉", "『』"])
def test_every_kind_counts_by_default_a_bracket_inside_its_own_pair(pair: str) -> None:
    o, c = pair
    assert depths(f"甲{o}乙{c}丙") == [0, 1, 1, 1, 0]
    assert depths(f"{o}{o}乙{c}{c}") == [1, 2, 2, 2, 1]


def test_any_closer_closes_the_last_opener_whatever_its_kind() -> None:
    # （ opened, 《 opened, ） closes 《 (not its own kind), 》 closes （
    assert depths("（《甲）乙》丙") == [1, 2, 2, 2, 1, 1, 0]


def test_an_unmatched_closer_stands_at_depth_0_and_closes_nothing() -> None:
    assert depths("甲）乙（丙）") == [0, 0, 0, 1, 1, 1]
    # two strays in a row, then a pair: the strays leave no debt for the pair to pay
    assert depths("】）（甲）") == [0, 0, 1, 1, 1]
    assert depths("（甲））乙") == [1, 1, 1, 0, 0]


def test_a_stray_opener_stays_open_to_the_end() -> None:
    assert depths("甲（乙，丙") == [0, 1, 1, 1, 1]


def test_only_the_kinds_asked_for_count() -> None:
    text = "《关于（试行）的通知》（2021）"
    assert depths(text, "《", "》") == [1] * 11 + [0] * 6
    # a closer of another kind is plain text, not an unmatched closer
    assert depths("（甲》）", "（", "）") == [1, 1, 1, 1]
