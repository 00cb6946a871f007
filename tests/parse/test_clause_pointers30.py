"""A clause that points at another measure's units instead of naming them (blind31 国家移民管理局 "（责任分工同第（五）
项）"; fixtures/clauses30/zhuzhou-city-business-pointers.txt): "（责任单位同上）", "（分工同（三））", "（同第4项）",
"（责任分工与第（六）项相同）". The measure takes the lead and support of the measure pointed at, resolved after every
measure is read (engine/parse/pointers.py, words in rulesets/data/clause_pointers.yaml); a chain resolves to the first
measure naming units; a pointer to itself, to no measure or round a cycle gives nothing, and never hangs."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.pointers import trailing_pointer
from engine.pipeline import load_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "clauses30"
MARKET = (["市市场监管局"], ["市税务局", "市公安局"])
BUILDING = (["市住房城乡建设局"], ["市自然资源和规划局", "市发展改革委"])


def units(text: str) -> dict[str, tuple[list[str], list[str]]]:
    plan = parse_plan(from_text(text, path="plan.txt"))
    return {m.label: (m.lead_units, m.support_units) for m in plan.measures}


def plan_of(*items: str) -> str:
    body = "\n".join(f"（{n}）{t}" for n, t in zip("一二三四五六七八九十", items, strict=False))
    return f"""株洲市优化营商环境攻坚行动工作方案
为持续打造一流营商环境，结合我市实际，制定本方案。
一、工作目标
到2026年底，企业开办时间压缩至1个工作日以内。
二、重点任务
{body}
三、保障措施
（一）加强组织领导。市优化营商环境工作领导小组统筹推进攻坚行动。
"""


OWN_A = "深化企业开办便利化改革。推行企业开办“一件事一次办”。（市市场监管局牵头，市税务局、市公安局配合）"
OWN_B = "提升工程建设项目审批效率。全面推行“多测合一”。（牵头单位：市住房城乡建设局；配合单位：市自然资源和规划局、市发展改革委）"


def test_a_city_plan_of_pointer_clauses():
    plan = load_plan(str(FIXTURES / "zhuzhou-city-business-pointers.txt"))
    got = {m.label: (m.lead_units, m.support_units) for m in plan.measures}
    market = (["市市场监管局"], ["市税务局", "市公安局", "市人力资源社会保障局"])
    building = (["市住房城乡建设局"], ["市自然资源和规划局", "市发展改革委", "市行政审批服务局"])
    online = (["市行政审批服务局"], ["市数据资源局", "市直各相关单位"])
    assert got == {
        "(一)": market, "(二)": market,  # 责任单位同上
        "(三)": building, "(四)": building,  # 分工同（三）
        "(五)": building,  # 同第4项: (四), which points on to (三)
        "(六)": online, "(七)": online,  # 责任分工与第（六）项相同
        "(八)": (["市司法局"], []),
    }  # fmt: skip


def test_the_pointer_is_the_measure_s_clause_not_a_sentence():
    plan = parse_plan(from_text(plan_of(OWN_A, "推进企业注销便利化。压缩注销办理时间。（责任分工同第（一）项）"), path="p.txt"))
    m = plan.measures[1]
    assert m.responsibility is not None and m.responsibility.text == "(责任分工同第(一)项)"
    assert m.responsibility.line == 7
    assert m.text[m.responsibility.start : m.responsibility.end] == m.responsibility.text
    assert all("同第" not in s.text for s in m.sentences)


@pytest.mark.parametrize(
    ("pointer", "want"),
    [
        ("（责任分工同第（一）项）", MARKET),
        ("（责任单位同上）", BUILDING),  # 同上: the measure just before, (二)
        ("（责任单位：同上）", BUILDING),
        ("（同上）", BUILDING),
        ("（分工同（一））", MARKET),
        ("（同第1项）", MARKET),
        ("（牵头单位和配合单位同第二项）", BUILDING),
        ("（责任分工与第（一）项相同）", MARKET),
        ("（参照第2项）", BUILDING),
    ],
)
def test_pointer_forms(pointer, want):
    got = units(plan_of(OWN_A, OWN_B, "优化水电气网报装服务。推行水电气网联合报装。" + pointer))
    assert got["(三)"] == want


@pytest.mark.parametrize(
    "items",
    [
        # to itself
        (OWN_A, "推进企业注销便利化。压缩注销办理时间。（责任分工同第（二）项）"),
        # to a measure the plan does not have
        (OWN_A, "推进企业注销便利化。压缩注销办理时间。（责任分工同第（九）项）"),
        # round a cycle
        (OWN_A, "推进企业注销便利化。压缩注销办理时间。（同第3项）", "优化水电气网报装服务。推行联合报装。（同第2项）"),
        # 同上 on the first measure: nothing before it
        ("推进企业注销便利化。压缩注销办理时间。（责任单位同上）", OWN_A),
    ],
)
def test_a_pointer_to_no_measure_gives_nothing(items):
    # and a good pointer after them, in the same plan, still resolves
    good = "推进政务服务“跨省通办”。扩大通办事项范围。（责任分工同第（一）项）"
    got = units(plan_of(*items, good))
    pointing = [label for label, text in zip(("(一)", "(二)", "(三)"), items, strict=False) if "同" in text[-12:]]
    assert pointing and all(got[label] == ([], []) for label in pointing)
    # (it points at (一): the measure of its own units, or the 同上 pointing at nothing)
    assert got[f"({'一二三四'[len(items)]})"] == (MARKET if items[0] == OWN_A else ([], []))


def test_a_chain_resolves_to_the_first_measure_naming_units():
    got = units(plan_of(
        OWN_A, OWN_B,
        "优化水电气网报装服务。推行联合报装。（同第2项）",
        "推行“拿地即开工”。实行带方案出让。（分工同（三））",
        "推进政务服务“跨省通办”。扩大通办事项范围。（责任分工同第（四）项）",
    ))  # fmt: skip
    assert got["(三)"] == got["(四)"] == got["(五)"] == BUILDING


@pytest.mark.parametrize(
    "text",
    [
        "全市生产总值增长6%左右（同比增长5%）",
        "项目完成投资80亿元（同上年持平）",
        "详见附件（见第3项）",
        "做好相关工作（5项）",
        "完善机制（责任单位：市财政局）",
    ],
)
def test_no_pointer(text):
    assert trailing_pointer(text) is None


def test_the_pointer_of_a_measure_pointing_by_its_number():
    p = trailing_pointer("在口岸和服务站点免费发放。（责任分工同第（五）项）")
    assert p is not None and p.numbers == (5,)
    q = trailing_pointer("压缩注销办理时间。（责任单位同上）。")
    assert q is not None and q.numbers == ()
