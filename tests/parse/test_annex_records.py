"""Plans whose 重点任务 in the body is one summary paragraph pointing to an annex, and whose tasks are that
annex's list of RECORDS: a numbered task line, then a line per field labelled with a task table's column
words (主要内容：/工作内容：/具体措施：, 牵头单位：/责任单位：/配合单位：, 完成时限：/完成时间：/时间要求：, 分管领导：,
备注：). Each record is a measure with its units and deadline (engine/ingest/field_records.py), and the
body's 一、二、三 are the sections over them, not measures (blind18 南阳市 附件1 was read as 3 measures).

fixtures/annex/ (composed, see its README): a 江西 county's records numbered （1）, with 工作内容/责任单位/分管领导/
备注 fields, and a 山东 city's records numbered 1、, some with no task-text field.
"""

from __future__ import annotations

from pathlib import Path

from engine.ingest import from_text, load_document
from engine.parse import parse_plan

ANNEX = Path(__file__).resolve().parents[2] / "fixtures" / "annex"


def rows(plan) -> list[tuple[str, str, list[str], list[str], list[str | None]]]:
    return [(m.label, m.text[:8], m.lead_units, m.support_units, [d.date or d.kind for d in m.deadlines])
            for m in plan.measures]  # fmt: skip


def test_records_numbered_in_brackets_with_content_person_and_note_fields():
    plan = parse_plan(load_document(str(ANNEX / "xiushui-county-tea-records.txt")))
    assert rows(plan) == [
        ("(1)", "实施低产茶园改造", ["县农业农村局", "各乡镇人民政府"], [], ["2028-12-31"]),
        ("(2)", "建设茶叶加工集中", ["县工业和信息化局"], ["县自然资源局", "义宁镇人民政府"], ["2027-06-30"]),
        ("(3)", "培育茶叶龙头企业", ["县农业农村局"], ["县市场监管局"], []),
        ("(4)", "打响“宁红”品牌", ["县商务局"], ["县文化广电新闻出版旅游局", "县融媒体中心"], ["recurring"]),
        ("(5)", "拓展茶旅融合。打", ["县文化广电新闻出版旅游局"], [], ["2028-12-31"]),
    ]
    assert [s.label for s in plan.sections] == ["一", "二", "三", "(一)", "(二)"]
    assert "副县长" not in plan.measures[0].text  # the person field is no task text
    assert (plan.level, plan.jurisdiction, plan.date) == ("county", "修水县", "2026-03-18")


def test_records_numbered_with_a_comma_and_no_task_text_field():
    plan = parse_plan(load_document(str(ANNEX / "linyi-city-logistics-records.txt")))
    assert rows(plan) == [
        ("1", "建设国家物流枢纽", ["市发展改革委", "兰山区人民政府"], [], ["2027-12-31"]),
        ("2", "发展多式联运(责", ["市交通运输局"], ["临沂海关", "市商务局"], ["2026-12-31"]),
        ("3", "培育物流龙头企业", ["市商务局"], ["市财政局"], []),
        ("4", "推进智慧物流建设", ["市大数据局"], [], ["2027-06-30"]),
    ]
    assert [m.line for m in plan.measures] == [26, 30, 35, 41]  # each record's task line
    assert [s.label for s in plan.sections] == ["一", "二", "三"]


ONE_ITEM_OF_TWO_WITH_FIELDS = """某县2026年农村供水工作要点
一、工作目标
全县农村自来水普及率达到95%。
二、重点任务
1.推进规模化供水工程。新建规模化水厂2座，改造供水管网120公里。
牵头单位：县水利局
配合单位：县财政局
2.加强水质检测。每季度开展一次水质检测。(牵头单位:县卫生健康委)
三、保障措施
各单位要加强协作。
"""


def test_the_blind18_layout_and_one_item_with_field_lines_is_no_record_list():
    text = (ANNEX.parents[0] / "blind18" / "nanyang-city-mugwort-annex.txt").read_text(encoding="utf-8")
    plan = parse_plan(from_text(text, "records.txt"))
    assert [m.label for m in plan.measures] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert plan.measure("2").lead_units == ["市农业农村局", "市科技局"]
    assert plan.measure("6").support_units == []
    # one numbered item of the body with a 牵头单位： line under it is read as it always was: its own lines
    single = parse_plan(from_text(ONE_ITEM_OF_TWO_WITH_FIELDS, "single.txt"))
    assert [(m.label, m.path, m.lead_units, m.support_units) for m in single.measures] == [
        ("1", ["二"], ["县水利局"], ["县财政局"]), ("2", ["二"], ["县卫生健康委"], [])
    ]
    assert "\n牵头单位：县水利局" in single.measure("1").text
