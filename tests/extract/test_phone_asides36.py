"""A bracket of phone numbers with no label after a unit's name (fixtures/pointers36/arong-banner-heating-phones.txt:
"旗住房和城乡建设局（0470-4212345）", "旗农牧局（13947012345、0470-4219876）", "（4212345转8001）") is the unit's contact,
as a labelled one "（电话：…）" already was: no part of the unit's name, and no unit. The shapes of a number are data
(rulesets/data/units.yaml `asides.phones`); a bracket holding anything else stays where it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract import extract_responsibility, parse_units
from engine.ingest import from_text
from engine.parse import parse_plan
from engine.pipeline import load_plan

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "pointers36" / "arong-banner-heating-phones.txt"


def test_a_banner_plan_giving_each_unit_s_number():
    plan = load_plan(str(FIXTURE))
    got = {m.ref: (m.lead_units, m.support_units) for m in plan.measures}
    assert got == {
        "1": (["旗住房和城乡建设局"], ["旗财政局", "那吉镇人民政府"]),
        "2": (["旗发展和改革委员会"], ["旗能源局", "旗交通运输局"]),  # X（…）牵头, Y（电话：…）配合
        "3": (["旗农牧局"], ["旗生态环境分局", "各乡镇人民政府"]),
        "4": (["旗住房和城乡建设局"], []),
        "5": (["旗应急管理局"], ["旗住房和城乡建设局"]),
    }
    # the clause is quoted as printed, the numbers in it
    assert "(0470-4212345)" in (plan.measures[0].responsibility.text or "")


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("旗发改委（0474-5212345）", ["旗发改委"]),
        ("旗发改委（0474 - 5212345）、旗财政局", ["旗发改委", "旗财政局"]),
        ("旗文旅局（13947412345）", ["旗文旅局"]),
        ("旗卫健委(0474—5212345)、旗医保局（5213456）", ["旗卫健委", "旗医保局"]),
        ("旗民政局（0474-5212345；13947412345）", ["旗民政局"]),
        ("旗农牧局（0474-5212345转8001）", ["旗农牧局"]),
        ("旗住建局（电话：0474-5212345）", ["旗住建局"]),  # labelled: as before
    ],
)
def test_a_bracket_of_phone_numbers_is_no_part_of_a_name(text, units):
    assert parse_units(text) == units


@pytest.mark.parametrize(
    "text",
    [
        "市知识产权局（市市场监管局）",  # one body under two names
        "各县（区）人民政府",
        "市12345热线（12345）",  # a hotline's short number is no number of these shapes
        "旗发改委（2024）",
        "旗发改委（139474123456）",  # 12 digits: no mobile
        "旗发改委（04745212345678）",
        "旗发改委（0474-52123）",  # 5 digits after the area code
    ],
)
def test_a_bracket_of_anything_else_stays(text):
    assert parse_units(text) == [text]


def test_no_number_becomes_a_unit_when_brackets_hold_support_units():
    """Under "括号外为牵头单位，括号内为配合单位" the bracket after a unit holds its support units: a bracket of
    numbers holds none."""
    text = """攀枝花市优化营商环境工作方案
各项任务的责任单位中，括号外为牵头单位，括号内为配合单位。
一、重点任务
1.优化企业开办服务。推行企业开办一网通办。（责任单位：市市场监管局（0812-3334455））
2.提升政务服务效能。推进政务服务事项全程网办。（责任单位：市政务服务局（市大数据中心、市司法局））
"""
    plan = parse_plan(from_text(text, path="p.txt"))
    got = [(m.lead_units, m.support_units) for m in plan.measures]
    assert got == [(["市市场监管局"], []), (["市政务服务局"], ["市大数据中心", "市司法局"])]


def test_a_clause_naming_its_lead_by_a_verb_with_a_number_after_the_name():
    r = extract_responsibility("完成年度任务。（旗教育局（0470-4215566）负责，旗财政局（4217788）配合）")
    assert r is not None
    assert [u.name for u in r.lead] == ["旗教育局"] and [u.name for u in r.support] == ["旗财政局"]
