"""One writer of a number in Chinese numerals (engine.ingest.numbering.chinese_numeral), for any n >= 1.

There were three: a Word list's chineseCounting (right up to 9999), the label class reader of engine/parse/numbering.py
(IndexError from 100 on) and the relabelling of the numbering check (a wrong 十 for 100 and more). Each is read back
by the one reader of Chinese numbers (engine.extract.numerals.cn_to_number)."""

from __future__ import annotations

import pytest

from engine.extract.numerals import cn_to_number
from engine.ingest.numbering import chinese_numeral
from engine.rules.kinds.numbering import _relabel, _Sub


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (99, "九十九"), (100, "一百"), (101, "一百零一"),
        (110, "一百一十"), (1010, "一千零一十"), (10000, "一万"), (10001, "一万零一"), (100010, "十万零一十"),
        (100050000, "一亿零五万"),
    ],
)  # fmt: skip
def test_written_as_counted(n: int, text: str) -> None:
    assert chinese_numeral(n) == text


def test_read_back_for_every_count() -> None:
    assert [n for n in range(1, 30001) if cn_to_number(chinese_numeral(n)) != n] == []


@pytest.mark.parametrize(("n", "label"), [(3, "（三）"), (13, "（十三）"), (100, "（一百）"), (123, "（一百二十三）")])
def test_the_check_relabels_past_ninety_nine(n: int, label: str) -> None:
    sub = _Sub("(四)", "（四）", 4, "cn_paren", 0, True, "", 1, 1)
    assert _relabel(sub, n) == label
