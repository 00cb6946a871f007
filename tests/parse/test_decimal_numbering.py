"""Decimal (legal-style) numbering (issue #16, blind11 贵州省): "1 总体要求 / 1.1 … / 2 重点任务 / 2.1 … / 2.1.1 …" is a
numbering like 一、 and 1.: N.M are items under their section N (a bare "N 标题" line, or N. / N、 / 一、), N.M.K under
N.M, in every form (.txt, .docx, .pdf). A decimal in prose, even at a line's start ("2.5万亩", "1.2亿元"), or a lone
or out-of-order one, is no item. Data: rulesets/data/decimal_numbering.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import from_text, load_document
from engine.parse import parse_plan
from engine.parse.numbering import fold, marker_at_start

DECIMAL = Path(__file__).resolve().parents[2] / "fixtures" / "decimal"
NAME = "zunyi-city-rural-sewage"
EXPECTED = [
    ("2.1", "推进乡镇污水处理设施全覆盖", ["市生态环境局"], ["市住房城乡建设局", "各县(市、区)人民政府"]),
    ("2.2", "分类治理农村生活污水", ["市生态环境局"], ["市农业农村局"]),
    ("2.3", "强化设施运行维护", ["市住房城乡建设局"], ["市生态环境局"]),
    ("2.4", "推动污水资源化利用", ["市农业农村局"], ["市水务局"]),
    ("2.5", "完善监测监管体系", ["市生态环境局"], ["市水务局", "市农业农村局"]),
]


@pytest.mark.parametrize(
    ("line", "style", "label", "ordinal"),
    [
        ("2.1 实施封山育林育草。", "decimal2", "2.1", 1),
        ("2.1实施封山育林育草。", "decimal2", "2.1", 1),
        ("２．３ 加强坡耕地治理", "decimal2", "2.3", 3),
        ("2.3. 加强坡耕地治理", "decimal2", "2.3", 3),
        ("2.1.3 建立运维台账", "decimal3", "2.1.3", 3),
        ("10.12 严格考核评估", "decimal2", "10.12", 12),
        ("2.3 平台建设", "decimal2", "2.3", 3),  # 平 starts a title; 平方 is a unit
    ],
)
def test_a_decimal_label_is_a_marker(line, style, label, ordinal):
    mk = marker_at_start(fold(line))
    assert mk is not None and (mk.style, mk.label, mk.ordinal) == (style, label, ordinal)


@pytest.mark.parametrize(
    "line", ["2.5万亩以上。", "1.2亿元以上。", "2.5%以上。", "1.5万吨/日。", "2.5 平方公里", "3.5倍", "1.2和1.3", "2.5"]
)
def test_a_quantity_at_a_line_start_is_no_marker(line):
    assert marker_at_start(fold(line)) is None


def _measures(plan) -> list[tuple[str, str, list[str], list[str]]]:
    return [(m.ref, m.title, m.lead_units, m.support_units) for m in plan.measures]


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_the_same_decimal_plan_in_three_forms_has_the_same_measures(suffix):
    plan = parse_plan(load_document(str(DECIMAL / f"{NAME}.{suffix}")))
    assert _measures(plan) == EXPECTED
    assert [m.path for m in plan.measures] == [["2"]] * 5
    assert "2.3.1建立运维台账" in plan.measures[2].text and "2.3.2开展运行评估" in plan.measures[2].text
    assert [(s.label, s.title) for s in plan.sections if s.path == []] == [("1", "总体要求"), ("2", "重点任务"),
                                                                          ("3", "保障措施")]  # fmt: skip
    assert [s.label for s in plan.sections if s.path in (["1"], ["3"])] == ["1.1", "1.2", "3.1", "3.2"]


def _plan(lines: list[str]):
    return parse_plan(from_text("\n".join(["某县农村人居环境整治实施方案", *lines, "某县人民政府", "2025年3月1日"]) + "\n"))


@pytest.mark.parametrize(("one", "two"), [("一、", "二、"), ("1.", "2."), ("1、", "2、"), ("1 ", "2 ")])
def test_decimal_items_sit_under_every_kind_of_section(one, two):
    plan = _plan([
        f"{one}总体要求", "1.1指导思想。坚持系统治理。", "1.2主要目标。到2027年完成整治。",
        f"{two}重点任务", "2.1改造农村厕所。责任单位：县农业农村局、县卫生健康局",
        "2.2治理生活垃圾。责任单位：县住房城乡建设局", "三、保障措施", "加强组织领导，县人民政府负总责。",
    ])  # fmt: skip
    assert [(m.ref, m.title, m.lead_units) for m in plan.measures] == [
        ("2.1", "改造农村厕所", ["县农业农村局", "县卫生健康局"]),  # no rule says the first unit leads
        ("2.2", "治理生活垃圾", ["县住房城乡建设局"]),
    ]


def test_a_stray_decimal_at_a_line_start_in_a_plan_numbered_otherwise_is_prose():
    """2.5天 (a unit that a title may also start with: 天然林) is told by its sequence: no 2.1 … 2.4 before it."""
    plan = _plan([
        "一、重点任务", "(一)压缩审批时限。一般事项办理时限由5天压缩至", "2.5天内办结。责任单位：县政务服务中心",
        "(二)推行网上办理。责任单位：县数据局", "二、保障措施", "加强督促检查。",
    ])  # fmt: skip
    assert [m.ref for m in plan.measures] == ["(一)", "(二)"]
    assert plan.measures[0].text.endswith("2.5天内办结。责任单位：县政务服务中心")
