"""A box (专栏, 方框, 栏目) set between a plan's measures holds a list of its own (issue #16, blind11 蚌埠市: a
专栏 with no number, "专栏　2025年…", listing 1．…4． between measures 4. and 5. of a 1.–10. series). Its lines are
no measures, no part of the measure before it, and do not break the series: it resumes with its next number,
after a group heading or right after the box (7. after a box's 1. 2.; 4. after a box's 1．…3．, printed with
another dot). The format check sets "专栏　title" off like "专栏1　title"."""

from __future__ import annotations

from pathlib import Path

from engine.ingest import from_text, load_document
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


FRAMED = (
    "某县农村人居环境整治提升行动方案\n"
    "　　为持续改善农村人居环境，结合我县实际，制定本方案。\n"
    "　　一、重点任务\n"
    "　　1.实施户厕改造。每年新改造农村户厕3000户。（县农业农村局牵头，县卫生健康委配合）\n"
    "　　2.完善管护机制。建立户厕问题摸排整改台账。（各乡镇人民政府负责）\n"
    "{box1}"
    "　　3.开展粪污资源化利用。推广粪污就地就近还田。（县农业农村局牵头，县生态环境分局配合）\n"
    "　　4.健全收运体系。完善“村收集、镇转运、县处理”体系。（县城市管理局牵头，各乡镇人民政府配合）\n"
    "{box2}"
    "　　5.开展村庄清洁行动。每季度组织一次集中清洁活动。（县农业农村局牵头，县爱卫办配合）\n"
    "　　二、保障措施\n"
    "　　各有关部门要加强协调配合，确保各项任务落到实处。\n"
)
BOX1 = (  # drawn with box characters, a rule under the caption, an item the frame wrapped
    "┌────────────────────────────┐\n"
    "│专栏1　2025年户厕改造重点村　　　　　　　　│\n"
    "├────────────────────────────┤\n"
    "│1．城关镇东关村、西关村、北关村、南关村、东│\n"
    "│门村；　　　　　　　　　　　　　　　　　　│\n"
    "│2．杨桥镇杨桥村；　　　　　　　　　　　　　│\n"
    "│3．迎仙镇王楼村。　　　　　　　　　　　　　│\n"
    "└────────────────────────────┘\n"
)
BOX2 = (  # drawn in ASCII, its lines unnumbered
    "+------------------------------+\n"
    "| 专栏2  垃圾分类试点村        |\n"
    "| 城关镇西关村、北关村；       |\n"
    "| 杨桥镇李庄村、张营村。       |\n"
    "+------------------------------+\n"
)


def test_a_box_drawn_in_a_frame_is_read_as_the_box_without_its_bars():
    """A 专栏 drawn in a frame (┌─┐ │…│ └─┘ or +--+ |…|) in a plain-text copy: its caption and lines are read
    without the bars, as the box (no measures, no measure's text, the series running on), to the frame's
    end whether its lines are numbered or not; a line the frame wrapped is one line."""
    doc = from_text(FRAMED.format(box1=BOX1, box2=BOX2))
    assert not [p.text for p in doc.paragraphs if any(c in p.text for c in "│|┌└+")]
    assert "1.城关镇东关村、西关村、北关村、南关村、东门村；" in [p.text for p in doc.paragraphs]
    caption = next(p for p in doc.paragraphs if p.text.startswith("专栏1"))
    assert caption.orig_span(0, 3) == "专栏1"  # the columns are the line's, past the bar
    plan = parse_plan(doc)
    assert [m.ref for m in plan.measures] == ["1", "2", "3", "4", "5"]
    for m in plan.measures:
        assert "专栏" not in m.text and "村；" not in m.text and "村。" not in m.text, (m.ref, m.text)
    assert [m.lead_units for m in plan.measures][1] == ["各乡镇人民政府"]


def test_a_framed_box_checked_alone_gets_the_findings_of_the_box_unframed(tmp_path):
    """Checked alone, the framed plan gets what the same plan with its boxes set as plain lines gets."""
    plain = FRAMED.format(
        box1="　　专栏1　2025年户厕改造重点村\n　　1．城关镇东关村、西关村、北关村、南关村、东门村；\n"
        "　　2．杨桥镇杨桥村；\n　　3．迎仙镇王楼村。\n",
        box2="",
    )
    runs = []
    for name, text in (("framed.txt", FRAMED.format(box1=BOX1, box2="")), ("plain.txt", plain)):
        path = tmp_path / name
        path.write_text(text, "utf-8")
        runs.append(sorted((f.check, f.local_item, f.message) for f in check(str(path), allow_no_parent=True, fail_on="none").report.findings))
    assert runs[0] == runs[1]
