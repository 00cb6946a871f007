"""A box (专栏, 方框, 栏目) set between a plan's measures holds a list of its own (issue #16, blind11 蚌埠市: a
专栏 with no number, "专栏　2025年…", listing 1．…4． between measures 4. and 5. of a 1.–10. series). Its lines are
no measures, no part of the measure before it, and do not break the series: it resumes with its next number,
after a group heading or right after the box (7. after a box's 1. 2.; 4. after a box's 1．…3．, printed with
another dot). The format check sets "专栏　title" off like "专栏1　title"."""

from __future__ import annotations

from pathlib import Path

from engine.ingest import load_document
from engine.parse import parse_plan
from engine.pipeline import check

BOX = Path(__file__).resolve().parents[2] / "fixtures" / "boxes" / "linquan-county-village-environment-box-gbk.txt"


def test_the_lines_of_a_box_are_no_measures_and_the_series_runs_on():
    plan = parse_plan(load_document(str(BOX)))
    assert [m.ref for m in plan.measures] == ["1", "2", "3", "4", "5", "6", "7"]
    assert plan.measures[3].title == "开展粪污资源化利用"
    assert plan.measures[6].title == "开展村庄清洁行动"


def test_a_box_is_no_part_of_the_measure_before_it():
    plan = parse_plan(load_document(str(BOX)))
    by_ref = {m.ref: m for m in plan.measures}
    assert "专栏" not in by_ref["3"].text and "王楼村" not in by_ref["3"].text
    assert "专栏" not in by_ref["6"].text and "李庄村" not in by_ref["6"].text
    assert by_ref["3"].lead_units == ["各乡镇人民政府"]


def test_a_box_with_no_number_holding_a_list_in_the_measures_style(doc_of):
    """1.–3., a box listing 1．–3．, then a group heading and 4. 5.: five measures."""
    text = (
        "某县城市排水防涝能力提升行动方案\n"
        "一、重点任务\n"
        "（一）完善工程体系\n"
        "1.实施雨水管网改造。新改造雨水管网30公里。（县住房城乡建设局牵头，县城管局配合）\n"
        "2.推进雨污分流改造。完成老城区雨污分流。（县住房城乡建设局牵头，县生态环境分局配合）\n"
        "3.整治易涝积水点。逐一制定整治方案。（县城管局牵头，各乡镇人民政府配合）\n"
        "专栏　2025年汛前重点整治易涝积水点\n"
        "1．人民路与解放路交叉口；\n"
        "2．火车站下穿通道；\n"
        "3．滨河路与建设路交叉口。\n"
        "（二）健全管理机制\n"
        "4.建立排水设施档案。开展排水设施普查。（县城管局牵头，县自然资源局配合）\n"
        "5.强化监测预警。建设积水监测站点20个。（县气象局、县城管局负责）\n"
        "二、保障措施\n"
        "各部门要加强协作。\n"
    )
    plan = parse_plan(doc_of(text))
    assert [m.ref for m in plan.measures] == ["1", "2", "3", "4", "5"]
    assert [m.title for m in plan.measures][3] == "建立排水设施档案"


def test_a_box_checked_alone_gets_no_numbering_lead_or_space_finding():
    findings = check(str(BOX), allow_no_parent=True, fail_on="none").report.findings
    assert [f for f in findings if f.check in ("numbering", "lead-unit-required", "format")] == [], [
        (f.check, f.message) for f in findings
    ]
