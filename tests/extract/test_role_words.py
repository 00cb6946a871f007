"""The words a clause names lead and support with (rulesets/data/roles.yaml), inline and as fields: several units
leading jointly (A、B共同牵头 / 联合牵头 / 分别牵头, blind10 宝鸡 in traditional characters), A为牵头单位, 牵头单位为A,
A主责 beside B协同, A主办 beside B协办, and the support words 配合/参与/协同/协助/协办/协作.

fixtures/leads/county-joint-leads-trad.txt: a county 行动方案 written for these tests in traditional characters
(converted from simplified with OpenCC s2tw), one form a measure, and in (三) an event's host in brackets
mid-sentence ("农产品博览会（县人民政府主办）"), which names no lead."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract import extract_responsibility
from engine.pipeline import load_plan

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "leads" / "county-joint-leads-trad.txt"

# (clause, leads, supports)
CASES = [
    ("（市工信局、市商务局共同牵头，市财政局配合）", ["市工信局", "市商务局"], ["市财政局"]),
    ("（市工信局、市商务局联合牵头，市财政局、市税务局配合）", ["市工信局", "市商务局"], ["市财政局", "市税务局"]),
    ("（市工信局、市商务局分别牵头，各县区人民政府按职责分工负责）", ["市工信局", "市商务局"], ["各县区人民政府"]),
    ("（市工信局、市商务局共同牵头）", ["市工信局", "市商务局"], []),
    ("（市工信局为牵头单位，市财政局为配合单位）", ["市工信局"], ["市财政局"]),
    ("（市工信局、市商务局为牵头单位；市财政局为配合单位）", ["市工信局", "市商务局"], ["市财政局"]),
    ("（牵头单位为市工信局，配合单位为市财政局）", ["市工信局"], ["市财政局"]),
    ("（市工信局为牵头单位，市财政局配合）", ["市工信局"], ["市财政局"]),  # mixed: read whole, not by halves
    ("（市工信局主责，市财政局协同）", ["市工信局"], ["市财政局"]),
    ("（市工信局主办，市财政局协办）", ["市工信局"], ["市财政局"]),
    ("（市工信局牵头，市财政局协作）", ["市工信局"], ["市财政局"]),
    ("（市工信局牵头负责，市财政局协办）", ["市工信局"], ["市财政局"]),
    ("市工信局、市商务局共同牵头，市财政局配合。", ["市工信局", "市商务局"], ["市财政局"]),
]


@pytest.mark.parametrize(("clause", "lead", "support"), CASES)
def test_the_roles_of_a_clause_are_read(clause, lead, support):
    r = extract_responsibility("开展专项行动，建立工作台账。" + clause, prose=True)
    assert r is not None
    assert ([u.name for u in r.lead], [u.name for u in r.support]) == (lead, support)


@pytest.mark.parametrize(
    "text",
    [
        "支持举办农产品博览会（市人民政府主办）。",  # who hosts an event, not who leads a task
        "支持举办农产品博览会（市人民政府主办），扩大品牌影响。",
        "开展专项行动。（市工信局为牵头单位，市财政局配合做好保障）",  # a duty described closes no list
    ],
)
def test_what_names_no_lead_stays_unread(text):
    assert extract_responsibility(text) is None


def test_a_traditional_plan_s_joint_leads_and_other_role_words():
    plan = load_plan(str(FIXTURE))
    got = [(m.ref, m.lead_units, m.support_units) for m in plan.measures]
    assert got == [
        ("(一)", ["县工业和信息化局", "县农业农村局"], ["县财政局"]),
        ("(二)", ["县发展和改革局", "县自然资源局"], ["县住房和城乡建设局", "县生态环境局"]),
        ("(三)", ["县商务局", "县农业农村局"], ["各乡镇人民政府"]),
        ("(四)", ["县科技局"], ["县农业农村局"]),
        ("(五)", ["县市场监督管理局"], ["县农业农村局"]),
        ("(六)", ["县自然资源局"], ["县供电公司"]),
        ("(七)", ["县财政局"], ["县人民银行"]),
        ("(八)", ["县人力资源和社会保障局", "县教育局"], ["县农业农村局"]),
        ("(九)", ["县政务服务管理局"], ["县市场监督管理局"]),
    ]
