"""Plans whose tasks are given only in an 附件 task table after the signature (issue #16), and a plan
whose annex table restates the body's own numbered measures.

fixtures/annex/ (composed for these tests, see its README): a 江西 district's 工作要点 with a tab table
(section rows, 牵头/配合 columns), a 宁夏 county's 工作要点 with a space-aligned table (one 责任单位
column), a 福建 district's .docx with a real table (fixtures/annex/make.py), and an 安徽 city's 工作要点
whose numbered body items are restated by a space-aligned 分工表.
"""

from __future__ import annotations

from pathlib import Path

from engine.ingest import from_text, load_document
from engine.ingest.tables import text_table_lines
from engine.parse import parse_plan

ANNEX = Path(__file__).resolve().parents[2] / "fixtures" / "annex"
TAB = ANNEX / "zhanggong-business-tab.txt"


def rows(plan) -> list[tuple[str, str, list[str], list[str], list[str | None]]]:
    return [(m.label, m.text[:8], m.lead_units, m.support_units, [d.date for d in m.deadlines])
            for m in plan.measures]  # fmt: skip


# counted from the table by hand: (序号, start of the task, lead, support, deadline)
ZHANGGONG = [
    ("1", "推行企业开办“一", ["区行政审批局"], ["区市场监管局", "区税务局", "区人力资源社会保障局"], ["2026-06-30"]),
    ("2", "深化“一网通办”", ["区行政审批局"], ["区直各有关单位"], ["2026-12-31"]),
    ("3", "推行惠企政策“免", ["区发展改革委"], ["区财政局", "区工业和信息化局"], ["2026-09-30"]),
    ("4", "规范涉企行政检查", ["区司法局"], ["区直各执法部门"], ["2026-12-31"]),
    ("5", "开展招投标领域突", ["区发展改革委"], ["区住房城乡建设局", "区交通运输局", "区水利局"], ["2026-10-31"]),
    ("6", "清理拖欠企业账款", ["区工业和信息化局"], ["区财政局", "各乡(镇)人民政府", "街道办事处"], []),
    ("7", "推行工业用地“标", ["区自然资源分局"], ["区工业和信息化局"], ["2026-12-31"]),
    ("8", "开展政银企对接活", ["区金融服务中心"], ["人民银行章贡区支行"], ["2026-11-30"]),
    ("9", "建立重点企业用工", ["区人力资源社会保障局"], ["区工业和信息化局"], ["2026-05-31"]),
    ("10", "健全营商环境问题", ["区优化营商环境办公室"], ["区纪委监委机关"], []),
]


def test_tab_table_after_the_signature_gives_the_measures_and_the_body_is_still_read():
    plan = parse_plan(load_document(str(TAB)))
    assert rows(plan) == ZHANGGONG
    assert (plan.title, plan.level, plan.jurisdiction) == ("章贡区2026年优化营商环境工作要点", "county", "章贡区")
    assert plan.date == "2026-02-27"  # the signature's date, between the body and the annex
    by_title = {s.title: s for s in plan.sections}
    # the body's headings keep their text (goals, principles), without the signature that follows them
    assert "一网通办”率达到95%以上" in by_title["主要目标"].text
    assert by_title["保障措施"].text == "区优化营商环境办公室要加强统筹调度，将任务完成情况纳入年度综合考核。"
    assert [m.path[-1] for m in plan.measures if m.label in ("1", "4", "7")] == ["一", "二", "三"]


def test_the_same_table_pasted_with_single_spaces_reads_the_same():
    text = TAB.read_text(encoding="utf-8")
    head, table = text.split("序号\t", 1)
    single = head + ("序号\t" + table).replace("\t\t\t\t\n", "\n").replace("\t", " ")
    assert "\t" not in single
    plan = parse_plan(from_text(single, "zhanggong-single.txt"))
    assert rows(plan) == ZHANGGONG


def test_space_aligned_table_with_one_unit_column():
    plan = parse_plan(load_document(str(ANNEX / "xiji-rural-living-spaces.txt")))
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == [
        ("1", ["县农业农村局"], []),
        ("2", ["固原市生态环境局西吉分局"], []),
        ("3", ["县住房城乡建设局"], []),
        ("4", ["各乡镇人民政府"], []),
        ("5", ["县农业农村局"], []),
    ]
    assert [[d.date or d.kind for d in m.deadlines] for m in plan.measures] == [
        ["2026-10-31"], ["2026-12-31"], [], ["recurring"], ["2026-11-30"]
    ]
    assert (plan.level, plan.jurisdiction, plan.date) == ("county", "西吉县", "2026-03-12")
    assert "普及率达到70%以上" in plan.preamble  # the body's goals, before the table


def test_docx_with_a_real_table_in_the_annex():
    plan = parse_plan(load_document(str(ANNEX / "longhai-safety-docx-table.docx")))
    assert [m.label for m in plan.measures] == ["1", "2", "3", "4", "5", "6"]
    assert plan.measure("3").lead_units == ["区住房和城乡建设局"]
    assert plan.measure("3").support_units == ["区市场监管局", "区商务局"]  # two paragraphs of one cell
    assert plan.measure("4").lead_units == ["公安龙海分局"]
    assert [d.date for d in plan.measure("2").deadlines] == ["2026-09-30"]
    assert (plan.level, plan.jurisdiction, plan.date) == ("county", "龙海区", "2026-03-06")


def test_an_annex_table_restating_the_body_measures_does_not_double_them():
    plan = parse_plan(load_document(str(ANNEX / "huangshan-ecology-restated.txt")))
    assert [m.label for m in plan.measures] == ["1", "2", "3", "4"]
    assert [m.line for m in plan.measures] == [6, 7, 9, 10]  # the body's items, not the table's rows
    assert plan.measure("1").lead_units == ["市生态环境局"]
    assert [t.text for t in plan.measure("1").targets] == ["不少于5家"]


def test_single_spaces_make_a_table_only_under_a_header_of_column_words():
    prose = [(1, "序号 重点任务 牵头单位 配合单位 完成时限"), (2, "附件所列 任务 请 各单位 逐项落实")]
    assert text_table_lines(prose) == prose  # a row without its 序号 is no table row
    words = [(1, "说明 重点任务 牵头单位 配合单位"), (2, "1 推进改革 市发展改革委 市财政局")]
    assert text_table_lines(words) == words  # 说明 is no column word: not a header
    ok = [(1, "序号 重点任务 牵头单位 配合单位"), (2, "1 推进 数字政府 建设 市数据局 市财政局")]
    ((_, row),) = text_table_lines(ok)
    assert row.text.startswith("1.推进 数字政府 建设(牵头单位:市数据局;配合单位:市财政局)")


ATTACHED_AFTER_SAFEGUARDS = """某省人民政府办公厅关于印发某省农村供水保障行动方案的通知
各市、县人民政府，省政府各部门：
《某省农村供水保障行动方案》已经省政府同意，现印发给你们，请认真贯彻执行。
某省人民政府办公厅
2025年5月6日
某省农村供水保障行动方案
一、总体要求
坚持城乡统筹、建管并重。
二、重点任务
重点抓好3项任务，具体分工见附件。
三、保障措施
（一）加强组织领导。各市县政府是农村供水保障的责任主体。
（二）强化资金保障。省级财政统筹相关资金予以支持。
附件：1.某省农村供水保障重点任务分工表
2.各市县联络员名单
附件1
某省农村供水保障重点任务分工表
序号\t重点任务\t牵头单位\t配合单位\t完成时限
1\t推进规模化供水工程建设。\t省水利厅\t省发展改革委、省财政厅\t2026年12月底前
2\t实施小型供水工程标准化改造。\t省水利厅\t各市县政府\t2027年6月底前
3\t健全水质检测监测体系。\t省卫生健康委\t省水利厅、省生态环境厅\t2026年6月底前
附件2
各市县联络员名单
"""


def test_a_table_attached_after_numbered_safeguards_is_the_plans_measures():
    """The 附件 task table after 三、保障措施 (一)(二) (a blind8 海南 page had it so): its rows are the measures,
    not children of (二); the attachment list's 2. line is no item; what follows the table is no row's text."""
    plan = parse_plan(from_text(ATTACHED_AFTER_SAFEGUARDS, "attached.txt"))
    assert [(m.ref, m.path, m.lead_units, m.support_units) for m in plan.measures] == [
        ("1", [], ["省水利厅"], ["省发展改革委", "省财政厅"]),
        ("2", [], ["省水利厅"], ["各市县政府"]),
        ("3", [], ["省卫生健康委"], ["省水利厅", "省生态环境厅"]),
    ]
    assert [s.label for s in plan.sections] == ["一", "二", "三", "(一)", "(二)"]
    assert plan.measures[-1].text.endswith("2026年6月底前完成。")
    assert plan.date == "2025-05-06"
