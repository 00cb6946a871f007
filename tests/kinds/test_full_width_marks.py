"""Chinese text writes its brackets, colons, semicolons and commas in full width (GB/T 15834—2011; the
（一）（1） of GB/T 9704—2012): a finding never proposes the half-width form, whichever width most of the
document has; numbering messages show the labels as printed; a style fix keeps the label's number (issue 16,
a held-out 意见 whose full-width 保障措施 （一）（二） were told to become "(一)")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from engine.pipeline import check
from engine.rules import textunits as tu
from engine.rules.kinds import format as fmt
from engine.rules.kinds import numbering as num

from ._drafting_helpers import DATA, ctx, measure, plan, run

FIXTURES = Path(__file__).parents[2] / "fixtures" / "format16"
HALF = "(),:;"


def _findings(name: str) -> list:
    run_ = check(str(FIXTURES / name), allow_no_parent=True, fail_on="none")
    return [f for f in run_.report.findings if f.check in ("format", "numbering")]


@pytest.fixture(scope="module")
def national() -> list:
    return _findings("national-opinions-mixed-brackets.txt")


def _proposed(suggestion: str | None) -> str:
    """What a suggestion proposes: the text inside its “…”."""
    m = re.search("“(.+?)”", suggestion or "")
    return m.group(1) if m else ""


def test_no_finding_proposes_a_half_width_mark_in_chinese_text(national) -> None:
    city = _findings("city-plan-halfwidth-commas.txt")
    assert national and city
    for f in national + city:
        assert not set(_proposed(f.suggestion)) & set(HALF), (f.line, f.message, f.suggestion)
    # the city plan's ASCII commas between unit names (责任单位：市水利局,市城管局) stay reported
    commas = [f for f in city if f.check == "format" and f.suggestion == "统一为“，”"]
    assert [f.line for f in commas] == [8, 10]
    assert "市水利局,市城管局" in commas[0].evidence.local


def test_the_full_width_safeguards_are_not_reported_and_the_half_width_tasks_are(national) -> None:
    lines = (FIXTURES / "national-opinions-mixed-brackets.txt").read_text("utf-8").splitlines()
    full = {i + 1 for i, t in enumerate(lines) if t.lstrip().startswith("（")}  # 三、保障措施 （一）…（三）
    half = {i + 1 for i, t in enumerate(lines) if t.lstrip().startswith("(")}  # 二、重点任务 (一)…(五)
    assert len(full) == 3 and len(half) == 5
    assert not [f for f in national if f.line in full]
    by = {(f.check, f.line) for f in national}
    assert {("numbering", n) for n in half} <= by  # each half-width label
    brackets = [f for f in national if f.check == "format" and f.suggestion == "统一为“（）”"]
    assert sorted(f.line for f in brackets) == sorted(half)  # each half-width responsibility clause
    assert all(f.evidence.local.startswith("(") for f in brackets)


def test_a_numbering_message_shows_both_labels_as_printed_and_keeps_the_number(national) -> None:
    lines = (FIXTURES / "national-opinions-mixed-brackets.txt").read_text("utf-8").splitlines()
    for f in (f for f in national if f.check == "numbering"):
        printed = re.match(r"\([一二三四五六七八九十]+\)", lines[f.line - 1].lstrip()).group(0)
        assert f"“{printed}”" in f.message and "“（一）”" in f.message, f.message
        # (二) -> （二）, never (一); spelled out, as the widths may hardly show in a report's font
        assert f.suggestion == f"改为“（{printed[1:-1]}）”（全角左括号＋汉字“{printed[1:-1]}”＋全角右括号）", f.suggestion


def _width_hits(lines: list[str]):
    ms = [measure(str(i + 1), t, line=i + 1, paragraphs=[i]) for i, t in enumerate(lines)]
    return run(fmt, ctx(plan(ms, lines=lines)), brackets=False, detached=False, spaces=False, citations=False)


def test_half_width_marks_are_reported_even_when_they_are_the_majority() -> None:
    lines = [
        "(1)推进依法行政。牵头单位:区司法局",
        "(2)加强行政执法。牵头单位:区司法局",
        "(3)推进政务公开。牵头单位:区政府办",
        "（4）加强法治宣传。牵头单位：区委宣传部",
        "（5）推进“互联网+政务服务”“互联网+监管”“互联网＋医疗”。牵头单位：区政府办",
    ]
    hits = _width_hits(lines)
    # a pair of half-width brackets is one finding, keyed by what it holds (fix64: not one for "(" and one for ")")
    assert {h.key for h in hits} == {"width:(1)", "width:(2)", "width:(3)", "width::", "width:＋"}
    assert {h.line for h in hits if h.key != "width:＋"} == {1, 2, 3}
    # + and % go with the numerals, not the text: the document's majority decides, as before
    assert {h.suggestion for h in hits} == {"改为“（1）”", "改为“（2）”", "改为“（3）”", "统一为“：”", "统一为“+”"}
    # a (1) at a line's start is fixed as a pair: both its brackets, never （1)
    first = [e for h in hits if h.line == 1 and h.key == "width:(1)" for e in h.fix]
    assert sorted((e.start, e.replacement) for e in first) == [(0, "（"), (2, "）")]


def test_marks_among_ascii_letters_and_digits_are_no_chinese_text() -> None:
    """A web address's colon and a time of day in a text of full-width colons: not reported, not counted."""
    lines = [
        "1.推进政务公开。牵头单位：区政府办",
        "2.完善网站。网址：http://www.chengzhong.gov.cn，每日9:00更新。牵头单位：区政府办",
        "3.加强宣传。牵头单位：区委宣传部",
    ]
    assert _width_hits(lines) == []
    marks = tu.full_width_marks(DATA["layout"])
    text = "网址:http://a.cn"
    assert sorted(fmt.in_chinese_text(text, marks)) == [2]  # 网址: yes, http: no


def test_a_responsibility_clause_in_half_width_brackets_is_reported_though_most_are() -> None:
    lines = [
        "1.推进。(牵头单位:区司法局)",
        "2.推进。(牵头单位:区司法局)",
        "3.推进。（牵头单位：区委办）",
    ]
    from engine.models import Responsibility

    ms = [
        measure(str(i + 1), t[2:], line=i + 1, paragraphs=[i],
                resp=Responsibility(style="牵头单位", bracket="()", text=t[5:], line=i + 1, column=6))
        for i, t in enumerate(lines)
    ]  # fmt: skip
    hits = run(fmt, ctx(plan(ms, lines=lines)), detached=False, spaces=False, widths=False, citations=False)
    assert [(h.local_item, h.suggestion) for h in hits] == [("1", "统一为“（）”"), ("2", "统一为“（）”")]
    assert [(e.start, e.replacement) for e in hits[0].fix] == [(5, "（"), (15, "）")]


def test_a_punctuation_style_fix_keeps_the_label_s_number() -> None:
    lines = ["1、推进某项工作。", "2、推进某项工作。", "3.推进某项工作。", "4、推进某项工作。"]
    ms = [measure(f"m{i}", "推进某项工作。", line=i + 1, ordinal=i + 1) for i in range(4)]
    hits = run(num, ctx(plan(ms, lines=lines)))
    assert [(h.local_item, h.suggestion) for h in hits] == [("m2", "改为“3、”（数字3＋顿号）")]
    assert hits[0].fields["problem"] == "与同级多数写法“1、”不一致"


def test_the_html_report_sets_each_mark_in_its_own_width(tmp_path) -> None:
    """Chromium squeezes （ next to “ to half its width by default (text-spacing-trim), and a finding about
    (一) and （一） then showed two look-alikes: the report keeps every mark's width."""
    from click.testing import CliRunner

    from engine.cli import main

    out = tmp_path / "r.html"
    r = CliRunner().invoke(main, ["check", str(FIXTURES / "national-opinions-mixed-brackets.txt"), "--no-parent",
                                  "--format", "html", "-o", str(out)])  # fmt: skip
    assert r.exit_code == 0, r.output
    html = out.read_text("utf-8")
    assert "text-spacing-trim:space-all" in html
    assert "编号“(二)”：用了半角符号，同级另有全角写法“（一）”" in html
