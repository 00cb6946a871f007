"""The shared bracket bookkeeping of engine/extract/sentences.py: `bracket_depths` (and the two readings
built on it, `open_before` and `closer_of`) that the splitters, maskers and scanners of extract, parse,
align, ingest and the format check share instead of each counting brackets again."""

from __future__ import annotations

import pytest

from engine.extract.sentences import CLOSERS, OPENERS, bracket_depths, closer_of, open_before


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


def test_open_before_reads_between_the_characters() -> None:
    # one more entry than characters: the last is what the text leaves open
    assert open_before("甲（乙）丙") == [0, 0, 1, 1, 0, 0]
    assert open_before("（（甲）") == [0, 1, 2, 2, 1]
    assert open_before("）甲（") == [0, 0, 0, 1]
    assert open_before("") == [0]
    assert open_before("《甲（乙》", "《", "》") == [0, 1, 1, 1, 1, 0]


def test_closer_of_finds_the_closer_of_an_opener_inner_pairs_matched() -> None:
    text = "任务（牵头单位：区发改局（区统计局））。"
    assert closer_of(text, 2) == 18
    assert closer_of(text, 12) == 17
    assert closer_of(text, 0) is None  # no opener there
    assert closer_of("甲（乙（丙）", 1) is None  # never closed
    assert closer_of("（甲】", 0) == 2  # any kind closes, as in bracket_depths
    assert closer_of("（甲】乙）", 0, "（", "）") == 4  # only the kinds asked for
    assert closer_of("（甲）", 5) is None
