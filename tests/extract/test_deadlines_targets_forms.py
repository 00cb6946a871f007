"""Deadline and target forms of real national documents (issue 16 items 4 and 5)."""

from __future__ import annotations

import pytest

from engine.extract import extract_deadlines, extract_targets
from engine.extract.deadlines import resolve_relative
from engine.ingest import from_text
from engine.parse import parse_plan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2019年底完成清理。", [("by-date", None, "2019-12-31")]),
        ("2019年1月1日至12月31日开展专项行动。", [("period", "2019-01-01", "2019-12-31")]),
        ("执行期限为2019年1月1日至2023年12月31日。", [("period", "2019-01-01", "2023-12-31")]),
        ("2019年6月至9月开展检查。", [("period", "2019-06-01", "2019-09-30")]),
        ("2019年第三季度完成。", [("by-date", None, "2019-09-30")]),
        ("2019年上半年印发实施方案。", [("by-date", None, "2019-06-30")]),
        ("自本意见印发之日起30日内完成清理。", [("by-date", None, None)]),
        ("自本通知印发之日起，原文件停止执行。", []),
    ],
)
def test_deadline_forms(text, expected):
    assert [(d.kind, d.start, d.date) for d in extract_deadlines(text)] == expected


@pytest.mark.parametrize(
    ("text", "issued", "date"),
    [
        ("自本意见印发之日起30日内完成清理。", "2019-01-30", "2019-03-01"),
        ("本方案印发后3个月内制定细则。", "2019-01-30", "2019-04-30"),
        ("自印发之日起一年内完成。", "2019-01-30", "2020-01-30"),
        ("自本意见印发之日起30日内完成清理。", None, None),
    ],
)
def test_relative_deadline_counts_from_the_issue_date(text, issued, date):
    (d,) = extract_deadlines(text)
    assert resolve_relative(d, issued).date == date


def test_parse_resolves_relative_deadlines_against_the_documents_date():
    text = (
        "某市人民政府关于清理文件的通知\n一、清理范围\n1.开展清理。自本通知印发之日起30日内完成清理。\n"
        "2.公布结果。及时公布清理结果。\n某市人民政府\n2019年1月30日\n"
    )
    plan = parse_plan(from_text(text))
    assert plan.date == "2019-01-30"
    assert [d.date for d in plan.measures[0].deadlines] == ["2019-03-01"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2025年，体育竞赛表演产业总规模达到2万亿元。", [(2.0, ">=", "万亿元")]),
        ("每名学员每年只享受一次培训补贴。", [(1.0, "<=", "次")]),
        ("补贴人数不超过企业职工总数的五分之一。", [(20.0, "<=", "%")]),
        ("三分之二以上的县达到标准。", [(66.6667, ">=", "%")]),
        ("对超过100人的企业给予支持。", []),  # who qualifies, not a target
        ("对单户担保金额500万元以上的小微企业，担保费率不超过1.5%。", [(1.5, "<=", "%")]),
        ("行政执法人员每人每年接受不少于60学时的培训。", [(60.0, ">=", "学时")]),
        ("80%以上的乡镇建成服务站。", [(80.0, ">=", "%")]),
        ("推出100项精品赛事，打造100个品牌。", [(100.0, ">=", "项"), (100.0, ">=", "个")]),
        ("统筹两个市场，选择10个左右有条件的城市。", []),  # a phrase, an approximate number
        ("在两年之内对其企业实行直通车机制。", []),  # how long a benefit lasts
        ("3个工作日内办结。", [(3.0, "<=", "个工作日")]),
    ],
)
def test_target_forms_and_direction(text, expected):
    assert [(t.value, t.comparator, t.unit) for t in extract_targets(text)] == expected
