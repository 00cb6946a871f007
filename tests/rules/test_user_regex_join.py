"""Regexes of join rules run on RE2 in the evaluator, like pattern and condition rules (issue 20)."""

from __future__ import annotations

import re

from engine.rules.evaluator import linear_regex, python_regex


def test_join_regexes_are_linear_time_programs() -> None:
    rx = linear_regex("(a+)+b")
    assert not isinstance(rx, re.Pattern)  # an RE2 program, not Python's backtracking engine
    assert rx.fullmatch("a" * 200_000) is None  # returns: RE2 does not backtrack
    assert rx.fullmatch("aaab") is not None


def test_same_answers_as_the_python_translation() -> None:
    for durable, texts in [
        (".*法治.*", ["加强法治政府", "法制", ""]),
        ("%d+年", ["2025年", "２０２５年", "年"]),
        ("[^a]*", ["bbb", "bab"]),
        ("区.{1,3}局", ["区司法局", "区局", "区发展和改革局"]),
    ]:
        for ic in (False, True):
            for t in texts:
                assert bool(linear_regex(durable, ic).fullmatch(t)) == bool(python_regex(durable, ic).fullmatch(t))
