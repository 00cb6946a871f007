"""Items numbered with a closing half bracket alone, "1）" / "1)" (blind20 开化县, blind21 平凉市) and "一）": the
items are measures like 1. or （1）, ref as printed ("1)"). A closed bracket after a word or a digit ("（见附件1）",
"（1）", "统一）") is no label, and "1）" parts under an item whose measures are （一） stay that item's text."""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.numbering import fold, marker_at_start, markers_in


def _plan(lines: list[str]):
    return parse_plan(from_text("\n".join(lines), path="d.txt"))


HEAD = ["某县竹产业提升工作方案", "为推动竹产业提质增效，制定本方案。", "一、工作目标", "到2027年，全县竹产业产值达到50亿元。"]
TAIL = ["三、保障措施", "（一）加强组织领导。成立工作专班。", "（二）强化督查考核。纳入年度考核。"]


@pytest.mark.parametrize("close", ["）", ")"])
def test_half_bracket_items_are_the_measures(close):
    plan = _plan([*HEAD,
        "二、重点任务",
        f"　　1{close}培育竹业主体。每年新增竹加工企业10家以上。（县林业局牵头，县经济商务局配合）",
        f"　　2{close}建设竹产业园区。规划建设竹产业园。（县发展改革局负责）",
        f"　　3{close}拓展竹产品市场。支持企业开设网店。（县商务局牵头）",
        *TAIL,
    ])  # fmt: skip
    assert [(m.label, m.title, m.lead_units, m.support_units) for m in plan.measures] == [
        ("1)", "培育竹业主体", ["县林业局"], ["县经济商务局"]),
        ("2)", "建设竹产业园区", ["县发展改革局"], []),
        ("3)", "拓展竹产品市场", ["县商务局"], []),
    ]


def test_chinese_half_bracket_items_under_a_section():
    plan = _plan([*HEAD,
        "二、重点任务",
        "一）培育竹业主体。每年新增竹加工企业10家以上。（县林业局牵头）",
        "二）建设竹产业园区。规划建设竹产业园。（县发展改革局负责）",
        "三、保障措施",
        "加强组织领导，成立工作专班。",
    ])  # fmt: skip
    assert [(m.label, m.title, m.lead_units) for m in plan.measures] == [
        ("一)", "培育竹业主体", ["县林业局"]),
        ("二)", "建设竹产业园区", ["县发展改革局"]),
    ]


def test_half_bracket_parts_under_a_measure_stay_its_text():
    plan = _plan([*HEAD,
        "二、重点任务",
        "（一）培育竹业主体。",
        "1）每年新增竹加工企业10家以上；",
        "2）培育省级龙头企业3家。",
        "（县林业局牵头，县经济商务局配合）",
        "（二）建设竹产业园区。",
        "1）规划建设竹产业园；",
        "2）引导企业入园。",
        "（县发展改革局负责）",
        *TAIL,
    ])  # fmt: skip
    assert [(m.label, m.lead_units) for m in plan.measures] == [("(一)", ["县林业局"]), ("(二)", ["县发展改革局"])]
    assert "培育省级龙头企业3家" in plan.measures[0].text
    # the same parts, each with its own units, under a section: the measures
    plan = _plan([*HEAD,
        "二、重点任务",
        "1）每年新增竹加工企业10家以上。（县林业局牵头）",
        "2）培育省级龙头企业3家。（县经济商务局牵头）",
        *TAIL,
    ])  # fmt: skip
    assert [(m.label, m.lead_units) for m in plan.measures] == [("1)", ["县林业局"]), ("2)", ["县经济商务局"])]


def test_labels_and_inline_forms():
    # a full bracket, a bracket closed after a word, a label with nothing after it: no half-bracket item
    for text in ["（1）加强领导", "(见附件1)要求", "统一）", "1)"]:
        mk = marker_at_start(fold(text))
        assert mk is None or mk.style != "arabic_half"
    assert marker_at_start("1)加强领导") is not None and marker_at_start("1)加强领导").label == "1)"
    assert marker_at_start("十二)加强领导").ordinal == 12
    assert [mk.label for mk in markers_in("主要包括:1)新建茶园;2)改造茶园。")] == ["1)", "2)"]
    assert markers_in("按要求(见附件1)执行;统一)口径") == []
