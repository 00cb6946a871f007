"""A clause pointing at SEVERAL measures' units (fixtures/pointers36/xiangxiang-city-village-pointers.txt):
"（责任单位：同第3、4项）", "（同第（一）至（三）项）", "（同第1项至第3项）", and "（责任单位：同上）" after a measure whose
sub-items each name their units. The measures' units where they are the same; where they differ, their union in the
order of the measures pointed at, every lead before every support (engine/parse/pointers.py says why); a pointer one
of whose measures gives nothing gives nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.pointers import trailing_pointer
from engine.pipeline import load_plan

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "pointers36" / "xiangxiang-city-village-pointers.txt"

A = "深化企业开办便利化改革。推行企业开办“一件事一次办”。（市市场监管局牵头，市税务局、市公安局配合）"
B = "提升工程建设项目审批效率。全面推行“多测合一”。（牵头单位：市住房城乡建设局；配合单位：市自然资源和规划局、市发展改革委）"
C = "优化水电气网报装服务。推行水电气网联合报装。（牵头单位：市发展改革委；配合单位：市住房城乡建设局）"
A_AGAIN = "推进企业注销便利化。压缩注销办理时间。（市市场监管局牵头，市税务局、市公安局配合）"


def units(*items: str) -> dict[str, tuple[list[str], list[str]]]:
    body = "\n".join(f"（{n}）{t}" for n, t in zip("一二三四五六七八九十", items, strict=False))
    text = f"""株洲市优化营商环境攻坚行动工作方案
为持续打造一流营商环境，结合我市实际，制定本方案。
一、重点任务
{body}
二、保障措施
（一）加强组织领导。市优化营商环境工作领导小组统筹推进攻坚行动。
"""
    plan = parse_plan(from_text(text, path="plan.txt"))
    return {m.label: (m.lead_units, m.support_units) for m in plan.measures}


def test_a_county_plan_of_pointers_to_several_measures():
    plan = load_plan(str(FIXTURE))
    got = {m.ref: (m.lead_units, m.support_units) for m in plan.measures}
    toilets = (["市农业农村局"], ["市卫生健康局", "市乡村振兴局"])
    assert got["1"] == got["2"] == toilets
    assert got["3"] == toilets  # 同第1、2项: the same units, once
    # 同第4、5项: 4. led by 生态环境局 with 住建局 and 水利局, 5. led by 水利局 with 生态环境局 — both lead
    assert got["6"] == (["市生态环境局", "市水利局"], ["市住房城乡建设局"])
    # 同上 after 7., whose (1) and (2) name the units: the list's. 7. heads them (its items are the measures, measures
    # on two levels of one section: fixtures/struct37), so it is no measure itself
    assert "7" not in got and got["(1)"] == (["市城市管理和综合执法局"], [])
    assert got["8"] == (["市城市管理和综合执法局", "市农业农村局", "市供销社"], [])
    by_ref = {m.ref: m for m in plan.measures}
    r = by_ref["6"].responsibility
    assert r is not None and r.text == "(责任单位：同第4、5项)" and r.by_duty  # each part under its own lead
    assert by_ref["3"].responsibility is not None and not by_ref["3"].responsibility.by_duty


UNION = (["市市场监管局", "市住房城乡建设局"], ["市税务局", "市公安局", "市自然资源和规划局", "市发展改革委"])


@pytest.mark.parametrize(
    ("pointer", "want"),
    [
        ("（责任单位：同第1、2项）", UNION),
        ("（同第（一）、（二）项）", UNION),
        ("（同第（一）（二）项）", UNION),
        ("（同第（一）至（二）项）", UNION),
        ("（责任分工同第（一）项至第（二）项）", UNION),
        ("（同第1-2项）", UNION),
        ("（同第一至二项）", UNION),
        ("（牵头单位和配合单位均同第1和第2项）", UNION),
        ("（责任单位：同第1、4项）", (["市市场监管局"], ["市税务局", "市公安局"])),  # the same units: once
        # 发展改革委 supports (二) and leads (三): it leads; 住建局 leads (二) and supports (三): it leads
        ("（同第（二）至（三）项）", (["市住房城乡建设局", "市发展改革委"], ["市自然资源和规划局"])),
    ],
)
def test_pointer_to_several_measures(pointer, want):
    got = units(A, B, C, A_AGAIN, "推行“拿地即开工”。实行带方案出让。" + pointer)
    assert got["(五)"] == want


@pytest.mark.parametrize(
    "pointer",
    [
        "（责任单位：同第1、9项）",  # (九): no such measure
        "（同第（一）至（五）项）",  # itself among them
    ],
)
def test_a_pointer_one_of_whose_measures_gives_nothing_gives_nothing(pointer):
    got = units(A, B, C, A_AGAIN, "推行“拿地即开工”。实行带方案出让。" + pointer)
    assert got["(五)"] == ([], [])
    assert got["(一)"] == (["市市场监管局"], ["市税务局", "市公安局"])


def test_a_chain_through_a_pointer_to_several():
    got = units(A, B, "优化水电气网报装服务。推行联合报装。（同第1、2项）", "推行“拿地即开工”。实行带方案出让。（责任单位：同上）")
    assert got["(三)"] == got["(四)"] == UNION


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("完善机制。（责任单位：同第3、4项）", (3, 4)),
        ("完善机制。（同第（一）至（三）项）", (1, 2, 3)),
        ("完善机制。（同第1项至第3项）", (1, 2, 3)),
        ("完善机制。（同第2、第5项）", (2, 5)),
    ],
)
def test_the_numbers_of_a_pointer(text, numbers):
    p = trailing_pointer(text)
    assert p is not None and p.numbers == numbers


@pytest.mark.parametrize(
    "text",
    [
        "完成改厕任务（同比增长3、4个百分点）",
        "开展专项行动（见第1、2项）",
        "完善机制（同第1至999项）",  # no range of items
        "完善机制（同第3至1项）",
    ],
)
def test_no_pointer_to_several(text):
    assert trailing_pointer(text) is None
