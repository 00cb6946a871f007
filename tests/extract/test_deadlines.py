"""Deadlines: kinds and exact ISO dates; the 年底前/年前/月底前 phrases of the real plans."""

from __future__ import annotations

import calendar
import re

import pytest

from engine.extract import extract_deadlines
from engine.extract.deadlines import find_deadlines


def one(text):
    ds = extract_deadlines(text)
    assert len(ds) == 1, ds
    return ds[0]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2022年年底前，全面完善清单", "2022-12-31"),
        ("2022年底前完成", "2022-12-31"),
        ("2022年末实现", "2022-12-31"),
        ("2022 年年底前，基本形成", "2022-12-31"),
        ("到2017年12月底前，实现", "2017-12-31"),
        ("2023年6月底前出台", "2023-06-30"),
        ("2024年2月底前", "2024-02-29"),
        ("2023年6月前出台", "2023-06-30"),  # decision: 前 includes the named month
        ("2025年前实现全覆盖", "2025-12-31"),  # decision: 前 includes the named year
        ("到2025年，政府行为全面纳入法治轨道", "2025-12-31"),
        ("2018年，各镇人民政府推广实施", "2018-12-31"),
        ("到2017年底，县直部门基本完成", "2017-12-31"),
        ("2022年6月30日前完成", "2022-06-30"),
        ("二〇二二年十二月底前", "2022-12-31"),
        ("二〇二三年六月三十日前", "2023-06-30"),
        ("2022年上半年完成", "2022-06-30"),
        ("2023年第一季度前", "2023-03-31"),
        ("在2019年年底前完成", "2019-12-31"),
        ("“十四五”末", "2025-12-31"),
    ],
)
def test_by_date(text, date):
    d = one(text)
    assert (d.kind, d.date) == ("by-date", date)


def test_text_is_the_phrase():
    assert one("其中，到2017年10月底前，完成建设").text == "到2017年10月底前"


@pytest.mark.parametrize(
    ("text", "recurrence", "month_day"),
    [
        ("每年3月底前报告", "yearly", "--03-31"),
        ("每年二月底前", "yearly", "--02-28"),
        ("每年第一季度要向县委报告", "yearly", "--03-31"),
        ("每季度通报一次", "quarterly", None),
        ("每半年报告", "half-yearly", None),
        ("每月调度", "monthly", None),
    ],
)
def test_recurring(text, recurrence, month_day):
    d = one(text)
    assert (d.kind, d.recurrence, d.month_day) == ("recurring", recurrence, month_day)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("“十四五”期间", "2021-01-01", "2025-12-31"),
        ("十三五时期", "2016-01-01", "2020-12-31"),
        ("“十五五”期间", "2026-01-01", "2030-12-31"),
        ("2021—2025年", "2021-01-01", "2025-12-31"),
        ("2021-2025年", "2021-01-01", "2025-12-31"),
        ("2016年至2020年", "2016-01-01", "2020-12-31"),
    ],
)
def test_period(text, start, end):
    d = one(text)
    assert (d.kind, d.start, d.date) == ("period", start, end)


@pytest.mark.parametrize("text", ["本届政府任期内完成", "部门负责人任期内至少接受一次培训"])
def test_term(text):
    assert one(text).kind == "term"


@pytest.mark.parametrize(
    "text",
    [
        "根据《广西法治政府建设实施方案(2021—2025年)》制定",
        "《法治政府建设实施纲要（2021—2025年）》",
        "年内完成",  # decision: relative, skipped
        "当年完成",
        "2017年7月7日",  # a date, not a deadline
        "自2018年起，一般每隔5年进行一次",
        "宁发〔2017〕10号",
        "每年至少举办一期培训",  # a frequency (targets), not a deadline
        "",
    ],
)
def test_not_deadlines(text):
    assert extract_deadlines(text) == []


def test_title_years_excluded_but_the_rest_kept():
    ds = extract_deadlines("贯彻《实施方案(2021—2025年)》，2022年年底前完成")
    assert [(d.kind, d.date) for d in ds] == [("by-date", "2022-12-31")]


def test_decisions_compare_consistently():
    """The same phrase gives the same date in parent and draft; 前 never reads earlier than 底前."""
    assert one("2025年前").date == one("2025年底前").date == one("到2025年").date
    assert one("2023年6月前").date == one("2023年6月底前").date


# ------------------------------------------------------------------ the real plans

# an independent, deliberately simple reading of the phrases the brief names
SIMPLE = re.compile(r"(\d{4})\s*年\s*(?:(\d{1,2})\s*月)?\s*(?:年?底|末)?\s*前")


def simple_date(m: re.Match[str]) -> str:
    y = int(m.group(1))
    if m.group(2):
        mo = int(m.group(2))
        return f"{y}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
    return f"{y}-12-31"


@pytest.mark.parametrize("name", ["chengzhong", "guangning", "parent"])
def test_every_deadline_phrase_in_the_fixtures_is_found(name, request):
    text = request.getfixturevalue(name)
    found = find_deadlines(text)
    expected = [(m.start(), simple_date(m)) for m in SIMPLE.finditer(text)]
    assert expected, name
    for pos, date in expected:
        hits = [d for s, e, d in found if s <= pos < e]
        assert hits, (name, text[pos : pos + 12])
        assert hits[0].date == date, (name, text[pos : pos + 12], hits[0])


def test_hand_checked_fixture_deadlines(chengzhong, guangning, parent):
    def dates(text):
        return [(d.text, d.date) for d in extract_deadlines(text) if d.kind == "by-date"]

    cz = dates(chengzhong)
    assert cz.count(("2022年年底前", "2022-12-31")) == 3
    assert ("2022 年年底前", "2022-12-31") in cz
    assert ("2024 年年底前", "2024-12-31") in cz
    assert ("2023年年底前", "2023-12-31") in cz
    assert ("2025年前", "2025-12-31") in cz
    assert ("到2025年", "2025-12-31") in cz
    gn = dates(guangning)
    for item in [
        ("到2017年10月底前", "2017-10-31"),
        ("到2017年12月底前", "2017-12-31"),
        ("到2017年底", "2017-12-31"),
        ("到2018年12月底前", "2018-12-31"),
        ("2017年底前", "2017-12-31"),
        ("到2019年12月底前", "2019-12-31"),
        ("到2017年年底前", "2017-12-31"),
        ("在2019年年底前", "2019-12-31"),
        ("在2017年12月底前", "2017-12-31"),
    ]:
        assert item in gn, item
    assert not any(d.startswith("2016-") for _, d in gn)  # 《…(2016—2020年)》 titles only
    px = dates(parent)
    assert px.count(("2022年年底前", "2022-12-31")) == 4  # (四) (六) (二十七) (三十七)
    assert ("2024年年底前", "2024-12-31") in px and ("2025年前", "2025-12-31") in px


@pytest.mark.parametrize(
    "text",
    [
        "2018年12月31日之前已完成转制的企业，自2019年1月1日起可继续免征五年企业所得税。",
        "2020年底前注册的小微企业可申请补贴。",
        "2019年6月底前已经取得许可的单位，按原规定执行。",
    ],
)
def test_a_date_that_says_which_ones_is_no_deadline(text):
    assert [d for d in extract_deadlines(text) if d.kind == "by-date"] == []


def test_a_date_before_a_task_is_still_a_deadline():
    assert [d.date for d in extract_deadlines("2024年底前完成已建成项目的清理。")] == ["2024-12-31"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("完成时限：2027年3月31日", "2027-03-31"),
        ("办结时限：2027年6月30日。", "2027-06-30"),
        ("完成时限: 2027年6月", "2027-06-30"),
        ("牵头单位：市农业农村局；完成时间：2027年9月", "2027-09-30"),
        ("时限：2026年12月", "2026-12-31"),
    ],
)
def test_a_bare_date_under_a_deadline_label_is_the_deadline(text, date):
    """A task list's 完成时限：2027年3月31日 says what the date is, as 前 or 底 would (rulesets/data/roles.yaml
    `columns.due`, `due_part.labels`); the same date with no label stays a date (test_not_deadlines)."""
    assert [d.date for d in extract_deadlines(text)] == [date]


@pytest.mark.parametrize("text", ["印发时间：2027年3月31日", "成立时间：2027年6月", "2027年3月31日召开推进会"])
def test_a_date_under_another_label_is_no_deadline(text):
    assert extract_deadlines(text) == []


@pytest.mark.parametrize(
    ("text", "year", "date"),
    [
        ("（市统计局负责；第三季度完成）", 2027, "2027-09-30"),
        ("上半年完成", 2027, "2027-06-30"),
        ("一季度前出台细则", 2027, "2027-03-31"),
        ("年底前完成评估报告", 2027, "2027-12-31"),
        ("第三季度完成", None, None),  # a plan over years names no one quarter: undated
    ],
)
def test_a_quarter_or_half_with_no_year_is_dated_in_the_plans_one_year(text, year, date):
    """A 年度工作要点 writes its deadlines without the year it is for (tables87 left this: 全年 aside, they gave none)."""
    from engine.extract.deadlines import resolve_year

    found = extract_deadlines(text)
    assert len(found) == 1 and found[0].date is None
    assert resolve_year(found[0], year).date == date


@pytest.mark.parametrize("text", ["每季度通报一次", "今年年底前完成", "2027年第三季度完成", "年中考核", "年底考核一次", "全年持续推进"])
def test_other_forms_are_not_read_as_a_bare_quarter(text):
    assert all(d.date is not None or d.kind != "by-date" for d in extract_deadlines(text))
    assert not any(d.text in ("第三季度", "年底前") and d.date is None for d in extract_deadlines(text))
