"""Plans whose measures are the rows of a real <table> on a saved portal page (issue #16, blind8 海南).

fixtures/htmltables/ (written by its make.py, see the README there): a 地级市's 实施方案 whose body ends with
四、保障措施 (一)…(三) before the 附件 table (序号 | 重点任务 | 具体内容 | 牵头单位 | 配合单位 | 完成时限, section
rows across the table, a 牵头单位 merged over two rows, units split by <br> or 、, the header repeated where
a printed page began), the same plan as a Word file with the same table, and a county's 工作要点 on an old
portal laid out in tables (menu and metadata tables, 附件1 the task table with one 责任单位 column, 附件2 a
list of contacts). Hostile tables: tests/ingest/test_table_budgets.py.
"""

from __future__ import annotations

from pathlib import Path

from engine.ingest import load_document
from engine.parse import parse_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "htmltables"
CITY_HTML = HERE / "zhuzhou-city-gas-pipes.html"
CITY_DOCX = HERE / "zhuzhou-city-gas-pipes.docx"
COUNTY_HTML = HERE / "anfu-county-rural-living.html"


def measures(plan) -> list[tuple[str, str, list[str], list[str], list[str | None]]]:
    return [(m.ref, m.title, m.lead_units, m.support_units, [d.date or d.kind for d in m.deadlines])
            for m in plan.measures]  # fmt: skip


# counted from fixtures/htmltables/make.py by hand: (序号, 重点任务, 牵头单位, 配合单位, 完成时限)
ZHUZHOU = [
    ("1", "开展管道普查", ["市住房城乡建设局"], ["市自然资源和规划局", "市城市管理和综合执法局"], ["2025-06-30"]),
    ("2", "开展风险评估", ["市住房城乡建设局"], ["市应急管理局", "市市场监督管理局"], ["2025-09-30"]),
    ("3", "推进燃气管道改造", ["市住房城乡建设局"], ["各县市区人民政府", "新奥燃气株洲公司"], ["2027-12-31"]),
    ("4", "推进供水管道改造", ["市住房城乡建设局"], ["株洲水务集团", "各县市区人民政府"], ["2027-12-31"]),
    ("5", "推进排水管道改造", ["市城市管理和综合执法局"], ["市住房城乡建设局", "市生态环境局"], ["2026-12-31"]),
    ("6", "建立智慧监管平台", ["市数据资源局"], ["市住房城乡建设局"], ["2026-06-30"]),
    ("7", "健全长效管护机制", ["市住房城乡建设局"], ["各县市区人民政府"], []),
]


def test_an_attached_table_after_the_safeguards_gives_the_measures():
    """The rows of the 附件 table are the measures, not children of 四、保障措施's (三): an attachment is a
    part of its own. The body's (一)…(三) stay safeguards, the table's section rows are its sections."""
    plan = parse_plan(load_document(str(CITY_HTML)))
    assert measures(plan) == ZHUZHOU
    assert (plan.title, plan.level, plan.jurisdiction) == (
        "株洲市城市燃气管道等老化更新改造实施方案(2025—2027年)", "city", "株洲市"  # 城市燃气: no place 城市
    )
    assert (plan.date, plan.doc_number) == ("2025-04-18", "株政办发〔2025〕8号")
    assert [m.path for m in plan.measures] == [["一"], ["一"], ["二"], ["二"], ["二"], ["三"], ["三"]]
    assert [s.title for s in plan.sections if s.label == "(三)"] == ["严格督查考核"]
    # the 具体内容 column is the measure's text too: its figures are targets
    m3 = plan.measure("3")
    assert m3.text.startswith("推进燃气管道改造。完成城市燃气管道老化更新改造360公里以上")
    assert [t.text for t in plan.measure("4").targets] == ["不少于120公里", "控制在9%以内"]
    assert "【打印本页】" not in plan.measures[-1].text


def test_the_same_plan_as_docx_gives_the_same_measures():
    html, docx = (parse_plan(load_document(str(p))) for p in (CITY_HTML, CITY_DOCX))

    def seen(plan):
        return [(m.ref, m.path, m.text, m.lead_units, m.support_units, [d.date for d in m.deadlines],
                 [t.text for t in m.targets]) for m in plan.measures]  # fmt: skip

    assert seen(docx) == seen(html)
    assert measures(docx) == ZHUZHOU
    assert (docx.title, docx.level, docx.jurisdiction, docx.date) == (html.title, html.level, html.jurisdiction,
                                                                      html.date)  # fmt: skip


def test_a_county_page_laid_out_in_tables():
    """Menu, metadata and page tables are no task tables; the contacts table of 附件2 and the attachment
    list's 2. line are no measures; the signature's date between the body and the table is read."""
    plan = parse_plan(load_document(str(COUNTY_HTML)))
    got = [(m.ref, m.lead_units, m.support_units, [d.date or d.kind for d in m.deadlines]) for m in plan.measures]
    assert got == [
        ("1", ["县农业农村局", "各乡镇人民政府"], [], ["2025-06-30"]),
        ("2", ["县农业农村局", "各乡镇人民政府"], [], ["2025-11-30"]),  # the 责任单位 cell merged over two rows
        ("3", ["县城市管理局", "各乡镇人民政府"], [], ["2025-12-31"]),
        ("4", ["市生态环境局安福分局", "县住房和城乡建设局"], [], ["2025-12-31"]),
        ("5", ["各乡镇人民政府"], [], ["recurring"]),
        ("6", ["市生态环境局安福分局", "县水利局"], [], ["2025-10-31"]),
    ]
    assert (plan.title, plan.level, plan.jurisdiction) == ("安福县2025年农村人居环境整治提升工作要点", "county", "安福县")
    assert (plan.date, plan.issuers) == ("2025-03-21", ["安福县人民政府办公室"])  # no 是否有效：是 glued on
    assert plan.measures[-1].text.endswith("2025年10月底前完成。")  # 附件2 and its table are no part of it
    assert "联络员名单" in plan.closing


TWO_ROW_HEADER = """<html><body><div id="zoom"><p>某县农村公路提质改造重点任务分工表</p>
<table border="1">
<tr><th rowspan="2">序号</th><th rowspan="2">工作任务</th><th colspan="2">责任单位</th><th rowspan="2">完成时间</th></tr>
<tr><th>牵头单位</th><th>配合单位</th></tr>
<tr><td>1</td><td>推进农村公路提质改造。</td><td>县交通运输局</td><td>县财政局<br>县自然资源局</td><td>2025年12月</td></tr>
<tr><td>2</td><td>开展危桥改造。</td><td>县交通运输局</td><td>各乡镇人民政府</td><td>2026年6月</td></tr>
</table></div></body></html>"""
TWO_ROWS = [
    "1.推进农村公路提质改造。(牵头单位:县交通运输局;配合单位:县财政局、县自然资源局)2025年12月底前完成。",
    "2.开展危桥改造。(牵头单位:县交通运输局;配合单位:各乡镇人民政府)2026年6月底前完成。",
]


def test_a_header_of_two_rows_names_the_columns_of_its_second(tmp_path, make_docx):
    """责任单位 merged over 牵头单位 | 配合单位: the second header row says which column leads; it is no task."""
    page = tmp_path / "two.html"
    page.write_text(TWO_ROW_HEADER, "utf-8")
    assert [p.text for p in load_document(str(page)).paragraphs] == ["某县农村公路提质改造重点任务分工表", *TWO_ROWS]
    word = make_docx(tmp_path / "two.docx", ["某县农村公路提质改造重点任务分工表", [
        ["序号", "工作任务", "责任单位", "<", "完成时间"],
        [None, None, "牵头单位", "配合单位", None],
        ["1", "推进农村公路提质改造。", "县交通运输局", "县财政局\n县自然资源局", "2025年12月"],
        ["2", "开展危桥改造。", "县交通运输局", "各乡镇人民政府", "2026年6月"],
    ]])  # fmt: skip
    assert [p.text for p in load_document(str(word)).paragraphs] == ["某县农村公路提质改造重点任务分工表", *TWO_ROWS]
