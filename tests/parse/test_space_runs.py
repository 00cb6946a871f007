"""Patterns with two runs of spaces and nothing they must match between them split a line of spaces every way
before failing: quadratic in the spaces, for each place a match is tried (a page saved with its layout's spaces,
a .txt table). Each run now stands between characters it cannot match; the answers are what they were."""

from __future__ import annotations

import pytest

from engine.parse.closing import _ATTACHMENT_HEAD, _ATTACHMENTS
from engine.rules.kinds import numbering

SPACES = " " * 200_000  # minutes before: the test finishing is the test


def test_an_attachment_heading_then_a_line_of_spaces() -> None:
    assert _ATTACHMENT_HEAD.fullmatch("附件1" + SPACES + "x") is None
    assert _ATTACHMENTS.match("附件" + SPACES + "x") is None
    assert numbering._ATTACHMENT_HEAD.fullmatch("附件" + SPACES + "x") is None


def test_a_label_then_a_line_of_spaces() -> None:
    assert numbering._LABEL.match(SPACES + "x") is None


@pytest.mark.parametrize(
    ("text", "groups"),
    [("（ 3）、", ("（", "3", "）", "、")), ("(3)", ("(", "3", ")", "")), ("3.", ("", "3", "", ".")),
     ("\u3000（一）", ("（", "一", "）", "")), ("  12 、", ("", "12", "", "、"))],
)  # fmt: skip
def test_labels_read_as_before(text: str, groups: tuple[str, ...]) -> None:
    m = numbering._LABEL.match(text)
    assert m is not None and m.groups() == groups


@pytest.mark.parametrize(
    ("text", "head"),
    [("附件", True), ("附件 2", True), ("附件1．X分工表", True), ("附件2 X情况统计表", True), ("附件1 . 重点任务清单", True),
     ("附件所列任务请各单位逐项落实。", False)],
)  # fmt: skip
def test_attachment_headings_read_as_before(text: str, head: bool) -> None:
    assert bool(_ATTACHMENT_HEAD.fullmatch(text)) is head
