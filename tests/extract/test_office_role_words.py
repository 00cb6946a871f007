"""A body's own offices as the units of its tasks (issue #16, blind11 北京街道): a 街道/乡镇 assigns the tasks of
its 工作方案 to its 科室 (a county bureau to its 股室, a department to its 处室) in lines "牵头科室：X；协助科室：Y".
The role words are data (rulesets/data/roles.yaml): 牵头科室/股室/处室 lead, 责任科室/股室/处室 answer jointly,
配合/协助科室/股室/处室 support. fixtures/leads/subdistrict-office-roles.txt is written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract import extract_responsibility
from engine.pipeline import load_plan

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "leads" / "subdistrict-office-roles.txt"


def test_a_subdistrict_s_office_lines_give_the_units():
    plan = load_plan(str(FIXTURE))
    got = [(m.lead_units, m.support_units) for m in plan.measures]
    assert got == [
        (["城市管理办公室"], ["党政综合办公室", "各社区居委会"]),
        (["综合行政执法队"], ["平安建设办公室"]),
        (["城市管理办公室", "公共服务办公室"], []),
        (["党群工作办公室"], ["各社区居委会"]),
    ]


@pytest.mark.parametrize(
    ("clause", "lead", "support"),
    [
        ("（牵头股室：规划股；配合股室：财务股）", ["规划股"], ["财务股"]),
        ("（牵头处室：规划处；配合处室：财务处、法规处）", ["规划处"], ["财务处", "法规处"]),
        ("（责任股室：规划股、财务股）", ["规划股", "财务股"], []),
        ("（牵头科室：经济发展办公室；协助科室：公共服务办公室）", ["经济发展办公室"], ["公共服务办公室"]),
    ],
)
def test_the_office_fields_of_a_clause_are_read(clause, lead, support):
    r = extract_responsibility("开展专项行动，建立工作台账。" + clause, prose=True)
    assert r is not None
    assert ([u.name for u in r.lead], [u.name for u in r.support]) == (lead, support)
