"""Numbering styles at a paragraph start, full- and half-width, and what is not a marker."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.errors import PlancheckError
from engine.parse import numbering, parse_plan
from engine.parse.numbering import marker_at_start

BODY = "加强工作。各单位要按要求落实。"


@pytest.mark.parametrize(
    ("line", "style", "label", "ordinal"),
    [
        ("一、加强领导", "cn_dun", "一", 1),
        ("十二、加强领导", "cn_dun", "十二", 12),
        ("(三)加强领导", "cn_paren", "(三)", 3),
        ("（三）加强领导", "cn_paren", "(三)", 3),
        ("(二十一)加强领导", "cn_paren", "(二十一)", 21),
        ("4.加强领导", "arabic_dot", "4", 4),
        ("4. 加强领导", "arabic_dot", "4", 4),
        ("4、加强领导", "arabic_dot", "4", 4),
        ("４．加强领导", "arabic_dot", "4", 4),
        ("12．加强领导", "arabic_dot", "12", 12),
        ("(5)加强领导", "arabic_paren", "(5)", 5),
        ("（５）加强领导", "arabic_paren", "(5)", 5),
        ("③加强领导", "circled", "③", 3),
        ("第二章 总则", "cn_chapter", "第二章", 2),
        ("第十条 各单位要", "cn_article", "第十条", 10),
        ("   (一)缩进的条目", "cn_paren", "(一)", 1),
    ],
)
def test_marker_styles(line, style, label, ordinal):
    from engine.parse.numbering import fold

    mk = marker_at_start(fold(line))
    assert mk is not None and (mk.style, mk.label, mk.ordinal) == (style, label, ordinal)


@pytest.mark.parametrize(
    "line",
    [
        "1.5倍以上",
        "2021年12月31日",
        "(2016—2020年)",
        "一是加强领导",
        "二、三级医院全覆盖",
        "(牵头单位:县司法局)",
        "3.",
        "为贯彻落实1.加强",
    ],
)
def test_not_markers(line):
    from engine.parse.numbering import fold

    assert marker_at_start(fold(line)) is None


@pytest.mark.parametrize(
    ("lines", "labels", "style"),
    [
        (["一、加强领导。" + BODY, "二、完善机制。" + BODY], ["一", "二"], "cn_dun"),
        (["（一）加强领导。" + BODY, "（二）完善机制。" + BODY], ["(一)", "(二)"], "cn_paren"),
        (["(一)加强领导。" + BODY, "(二)完善机制。" + BODY], ["(一)", "(二)"], "cn_paren"),
        (["1．加强领导。" + BODY, "2．完善机制。" + BODY], ["1", "2"], "arabic_dot"),
        (["1、加强领导。" + BODY, "2、完善机制。" + BODY], ["1", "2"], "arabic_dot"),
        (["１．加强领导。" + BODY, "２．完善机制。" + BODY], ["1", "2"], "arabic_dot"),
        (["（１）加强领导。" + BODY, "（２）完善机制。" + BODY], ["(1)", "(2)"], "arabic_paren"),
        (["①加强领导。" + BODY, "②完善机制。" + BODY], ["①", "②"], "circled"),
        (["第一条 加强领导。" + BODY, "第二条 完善机制。" + BODY], ["第一条", "第二条"], "cn_article"),
    ],
)
@pytest.mark.parametrize("normalise", [False, True])
def test_each_style_makes_measures(doc_of, lines, labels, style, normalise):
    plan = parse_plan(doc_of("某县法治政府建设实施方案\n" + "\n".join(lines), normalise=normalise))
    assert [m.label for m in plan.measures] == labels
    assert {m.style for m in plan.measures} == {style}
    assert plan.measures[0].title == "加强领导" and plan.measures[0].text == "加强领导。" + BODY


def test_marker_must_open_the_paragraph(doc_of):
    plan = parse_plan(doc_of("一、总体要求\n要按照(一)和(二)的规定办理。1.不算条目\n二、工作措施"))
    assert [m.label for m in plan.measures] == ["一", "二"]


def test_no_measures(doc_of):
    with pytest.raises(PlancheckError) as e:
        parse_plan(doc_of("这是一段没有编号的文字。\n第二段。", path="x.txt"))
    assert e.value.code == "parse.no_measures" and e.value.fields["path"] == "x.txt"
    with pytest.raises(PlancheckError):
        parse_plan(doc_of(""))


_FOLDED = "".join(chr(c) for c in numbering._FOLD)


def test_no_folded_character_is_folded_again() -> None:
    assert not set(_FOLDED) & {chr(c) for c in numbering._FOLD.values()}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_FOLDED + "（一）加强法治ab12(). \n"), max_size=40))
def test_fold_is_the_translation_table(text: str) -> None:
    assert numbering.fold(text) == text.translate(numbering._FOLD)


@pytest.mark.parametrize(
    ("text", "style", "label"),
    [
        ("（一）", "cn_paren", "(一)"),
        (" 1． ", "arabic_dot", "1"),
        ("十一、", "cn_dun", "十一"),
        ("㈡", "cn_paren", "(二)"),
        ("第三条", "cn_article", "第三条"),
        ("2）", "arabic_half", "2)"),
    ],
)
def test_a_label_alone_is_read_as_it_is_before_an_items_text(text: str, style: str, label: str) -> None:
    # label_alone is marker_at_start's reading of a label with no text after it (a hanging-indent table's left cell)
    mk = numbering.label_alone(text)
    assert mk is not None and (mk.style, mk.label) == (style, label)
    assert marker_at_start(numbering.fold(text.strip() + "加强")) == mk


@pytest.mark.parametrize("text", ["（一）加强", "1", "2026.", "0.", "（0）", "(1八)", "一、二", "", "序号"])
def test_anything_more_or_less_than_a_label_is_none(text: str) -> None:
    # no item is numbered 0, in digits and numerals at once, or 2026 before the items numbered up to it
    assert numbering.label_alone(text) is None


def test_a_label_alone_of_another_style_is_none_where_styles_are_named() -> None:
    assert numbering.label_alone("第一条", ("cn_paren", "cn_dun")) is None
    assert numbering.label_alone("一、", ("cn_paren", "cn_dun")) is not None
