"""A collective unit named as the lead is a lead (blind9 学院街道 二(二) "（各社区负责，街道城市管理办公室配合）"):
the set of the communities, towns or county governments below (各社区, 各乡镇, 各居民区, 各县（市）人民政府) names
bodies each of which answers for its own place (rulesets/data/units.yaml `lower_groups`), whatever its name ends
in; so does a kind of enterprise named with its place (辖区物业服务企业). A generic name (各有关部门) stays one that
names no one: lead-unit-vague still reports it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.extract.responsibility import extract_responsibility


def _units(clause: str) -> tuple[list[str], list[str]] | None:
    r = extract_responsibility("推行定时定点投放。引导居民正确分类投放。" + clause)
    return ([u.name for u in r.lead], [u.name for u in r.support]) if r else None


@pytest.mark.parametrize(
    ("clause", "lead", "support"),
    [
        ("（各社区负责，街道城市管理办公室配合）", ["各社区"], ["街道城市管理办公室"]),
        ("（各社区牵头，街道城市管理办公室配合）", ["各社区"], ["街道城市管理办公室"]),
        ("（各居民区负责）", ["各居民区"], []),
        ("（街道党建工作办公室负责，各社区配合）", ["街道党建工作办公室"], ["各社区"]),
        ("（街道城市管理办公室负责，各社区、辖区物业服务企业配合）", ["街道城市管理办公室"], ["各社区", "辖区物业服务企业"]),
        ("（各乡镇负责，县林业局配合）", ["各乡镇"], ["县林业局"]),  # as before
        ("（各县（市）人民政府负责，州林业和草原局配合）", ["各县（市）人民政府"], ["州林业和草原局"]),
    ],
)
def test_a_collective_unit_is_read_as_lead_or_support(clause, lead, support):
    assert _units(clause) == (lead, support)


_PLAN = """某街道2025年生活垃圾分类工作实施方案
为深入推进生活垃圾分类工作，结合街道实际，制定本方案。
一、工作任务
（一）完善分类投放设施。每个小区至少建成1个标准化集中投放点。（街道城市管理办公室负责，各社区、辖区物业服务企业配合）
（二）推行定时定点投放。早晚投放高峰时段安排督导员值守。（各社区负责，街道城市管理办公室配合）
（三）开展督导考核评比。每月对各社区垃圾分类工作开展检查评比。（街道城市管理办公室负责）
（四）加强宣传动员。全年开展宣传活动不少于40场次。（各有关部门负责）
"""


def test_a_collective_lead_is_no_missing_lead_and_a_generic_one_stays_vague(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(_PLAN, "utf-8")
    r = CliRunner().invoke(main, ["check", "--no-parent", "--fail-on", "none", "--format", "json", str(path)])
    assert r.exit_code == 0, r.output
    findings = json.loads(r.output)["findings"]
    by_rule = {(f["rule"], f["local_item"]) for f in findings}
    assert not [k for k in by_rule if k[0] == "lead-unit-required"]
    assert ("lead-unit-vague", "(四)") in by_rule
    assert not [k for k in by_rule if k[0] == "lead-unit-vague" and k[1] != "(四)"]
