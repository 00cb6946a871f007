"""Sentence and clause splitting; strength words and levels."""

from __future__ import annotations

import pytest

from engine.extract import split_clauses, split_sentences, strength_of


def test_split_on_terminal_marks_and_paragraph_breaks():
    assert split_sentences("一是甲。二是乙！三是丙？\n四是丁\n\n五是戊。") == [
        "一是甲。", "二是乙！", "三是丙？", "四是丁", "五是戊。",
    ]  # fmt: skip


def test_no_split_inside_quotes_or_brackets():
    text = "落实“谁执法谁普法。谁服务谁普法”责任制。开展工作(详见附件。另行通知)。完成。"
    assert split_sentences(text) == [
        "落实“谁执法谁普法。谁服务谁普法”责任制。",
        "开展工作(详见附件。另行通知)。",
        "完成。",
    ]


def test_closing_quote_stays_with_its_sentence():
    assert split_sentences("他说“完成了。”然后离开。") == ["他说“完成了。”然后离开。"]
    assert split_sentences("要求“完成任务。”") == ["要求“完成任务。”"]


def test_an_unmatched_opener_does_not_swallow_the_rest():
    assert split_sentences("开展“试点。推广经验。总结。") == ["开展“试点。", "推广经验。", "总结。"]


def test_clauses_split_on_semicolons_outside_brackets_only():
    text = "健全制度；完善机制(含甲；乙)。推进改革;加强监督。"
    assert split_clauses(text) == ["健全制度；", "完善机制(含甲；乙)。", "推进改革;", "加强监督。"]


def test_commas_are_not_clause_breaks():
    assert split_clauses("2022年年底前，全面完善行政许可事项清单。") == [
        "2022年年底前，全面完善行政许可事项清单。"
    ]


def test_empty_text():
    assert split_sentences("") == [] and split_clauses("  \n ") == []


@pytest.mark.parametrize(
    ("text", "words", "level"),
    [
        ("法定职责必须为", ["必须"], "mandatory"),
        ("严禁越权发文", ["严禁"], "mandatory"),
        ("不得作为前置条件", ["不得"], "mandatory"),
        ("凡没有依据的一律取消", ["一律"], "mandatory"),
        ("坚决按照程序取消", ["坚决"], "mandatory"),
        ("务必落实", ["务必"], "mandatory"),
        ("确保文件依法制定", ["确保"], "mandatory"),
        ("全面落实证明事项告知承诺制", ["全面"], "firm"),
        ("严格执行监管规则", ["严格"], "firm"),
        ("切实维护合法权益", ["切实"], "firm"),
        ("加快建设服务型政府", ["加快"], "firm"),
        ("原则上每两年开展一次", ["原则上"], "soft"),
        ("逐步实现一支队伍管执法", ["逐步"], "soft"),
        ("鼓励开展政府开放日", ["鼓励"], "soft"),
        ("探索推行非现场监管", ["探索"], "soft"),
        ("力争率先突破", ["力争"], "soft"),
        ("有条件的地方先行先试", ["有条件的"], "soft"),
        ("积极稳妥推进改革", ["积极稳妥"], "soft"),
        ("适时修订", ["适时"], "soft"),
        ("可以委托", ["可以"], "soft"),
        ("研究制定配套措施", ["研究制定"], "soft"),
        ("建立健全决策过程记录制度", [], "normal"),
        ("坚持法定职责必须为，逐步推进", ["坚持", "必须", "逐步"], "mandatory"),
        ("严格禁止违规", ["严格禁止"], "mandatory"),
        ("开展不严格不规范问题专项行动", [], "normal"),
        ("贯彻《关于严格禁止的规定》", [], "normal"),
        ("加强理论研究", [], "normal"),
    ],
)
def test_strength(text, words, level):
    assert strength_of(text) == (words, level)
