"""bench.gold.closing_overrun: a measure runs on into the closing when the gold's `after_last` words stand in its text
after the last measure's start — not when an earlier measure says the same words of its own (a 纪要's 一、关于…。会议要求，
确保… before the closing 会议要求，各相关单位要…)."""

from __future__ import annotations

from bench.gold import closing_overrun

GOLD = {
    "after_last": "会议要求",
    "measures": [{"ref": "一、", "starts": "关于就业帮扶"}, {"ref": "二、", "starts": "关于资金监管"}],
}


def _got(*texts: str) -> dict:
    return {"measures": [{"label": str(i), "text": t} for i, t in enumerate(texts, 1)]}


def test_an_earlier_measure_s_own_words_are_no_overrun() -> None:
    assert closing_overrun(GOLD, _got("关于就业帮扶。会议要求，确保稳定就业。", "关于资金监管。专账管理。")) == []


def test_the_last_measure_running_into_the_closing_is() -> None:
    got = _got("关于就业帮扶。会议要求，确保稳定就业。", "关于资金监管。专账管理。会议要求，各相关单位要抓好落实。")
    assert closing_overrun(GOLD, got) == ["measure #2 2: its text runs on into the closing text '会议要求'"]


def test_a_measure_that_swallowed_the_last_one_and_the_closing_is() -> None:
    got = _got("关于就业帮扶。确保稳定就业。关于资金监管。专账管理。会议要求，各单位要抓好落实。")
    assert closing_overrun(GOLD, got) == ["measure #1 1: its text runs on into the closing text '会议要求'"]


def test_the_parse_s_last_measure_is_read_whole_when_the_last_measure_was_lost() -> None:
    got = _got("关于就业帮扶。确保稳定就业。会议要求，各单位要抓好落实。")
    assert closing_overrun(GOLD, got) == ["measure #1 1: its text runs on into the closing text '会议要求'"]
