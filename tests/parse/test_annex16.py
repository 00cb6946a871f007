"""What follows the last measure when nothing but an 附件 heading, a table's end or a signature marks it (issue #16).

fixtures/annex16/ (composed for these tests, see its README): an unsigned draft whose 附件1 and caption follow its
last item, a plan whose task table is 附件1 after numbered safeguards with no signature, two tab-separated tables
followed with no blank line by headings and by a paragraph, and two plans signed at their end with no 印发 notice
(the issuer and date on one line; the date with its publicity note).
"""

from __future__ import annotations

from pathlib import Path

from engine.ingest import load_document
from engine.parse import closing, parse_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "annex16"


def read(name: str):
    return parse_plan(load_document(str(HERE / name)))


def test_an_attachment_heading_after_the_last_item_ends_it_with_no_signature_above():
    plan = read("anji-heritage-annex-unsigned.txt")
    assert [m.ref for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)"]
    last = plan.measures[-1]
    assert last.text.endswith("依法查处文物违法案件。(县公安局牵头，县文化和广电旅游体育局配合)")
    assert last.end_line == last.line == 10
    assert last.lead_units == ["县公安局"]
    assert plan.closing.startswith("附件1\n安吉县文物安全责任单位联系表")
    assert "附件2安吉县不可移动文物安全隐患排查情况统计表" in plan.closing


def test_an_attachment_heading_before_a_task_table_is_no_text_of_the_item_above():
    plan = read("yongxiu-drinking-water-annex-table.txt")
    # the table's rows are still the measures
    assert [(m.ref, m.path, m.lead_units) for m in plan.measures] == [
        ("1", [], ["县水利局"]), ("2", [], ["县水利局"]), ("3", [], ["县卫生健康委"]), ("4", [], ["县水利局"])
    ]
    by_label = {s.label: s for s in plan.sections}
    assert by_label["(二)"].text == "县财政局要统筹上级补助资金和县级财政资金，积极争取地方政府专项债券支持农村供水工程建设。"
    assert plan.measures[-1].text.endswith("2026年12月底前完成。")
    assert "永修县农村供水保障重点任务分工表" in plan.closing


def test_headings_right_after_a_tab_table_end_it():
    doc = load_document(str(HERE / "fengxian-waste-tab-then-headings.txt"))
    assert [p.text[:6] for p in doc.paragraphs if p.table_row] == ["1.推进居住", "2.完善湿垃", "3.开展单位", "4.加强可回"]
    plan = parse_plan(doc)
    assert [m.label for m in plan.measures] == ["1", "2", "3", "4"]
    by_label = {s.label: s for s in plan.sections}
    assert by_label["(三)"].text.startswith("各街道、镇要发挥居(村)委会作用")  # not cut off as what follows a table
    assert by_label["(一)"].text == "各街道、镇主要负责同志要亲自抓。"


def test_a_paragraph_with_no_tab_after_a_short_last_row_is_not_its_cell():
    plan = read("jiangyin-market-tab-then-paragraph.txt")
    last = plan.measures[-1]
    assert last.lead_units == ["市商务局"]
    assert "属地管理" not in last.text
    assert plan.closing.startswith("各镇(街道)要落实属地管理责任")


def test_a_signature_on_one_line_after_prose_safeguards_gives_issuer_and_level():
    plan = read("dunhuang-water-signed-one-line.txt")
    assert (plan.issuers, plan.date, plan.level, plan.jurisdiction) == (
        ["敦煌市人民政府"], "2025-04-16", "county", "敦煌市"
    )
    guard = next(s for s in plan.sections if s.title == "保障措施")
    assert guard.text == "各乡镇、各有关部门要加强组织领导，强化资金保障，严格督查考核，确保各项任务落到实处。"


def test_a_signature_whose_date_carries_a_note_gives_issuer_and_level():
    plan = read("jingning-pension-signed-public.txt")
    assert (plan.issuers, plan.date, plan.level, plan.jurisdiction) == (
        ["静宁县人民政府办公室"], "2025-03-21", "county", "静宁县"
    )


def test_signature_lines_and_attachment_headings():
    assert closing.signed_line("敦煌市人民政府 2025年4月16日") == (["敦煌市人民政府"], "2025-04-16")
    assert closing.signed_line("2025年3月21日（此件公开发布）") == ([], "2025-03-21")
    assert closing.signed_line("到2025年4月16日完成") is None
    assert closing.signature(["中共静宁县委办公室", "静宁县人民政府办公室", "2025年3月21日"]) == (
        ["中共静宁县委办公室", "静宁县人民政府办公室"], "2025-03-21"
    )
    for head in ("附件", "附件1", "附件 2", "附件三", "附件2 X统计表", "附件1．永修县重点任务分工表", "附件：1.X表"):
        assert closing.attachment_head(head), head
    for text in ("附件所列任务请各单位逐项落实。", "附件1所列任务，请各单位逐项落实", "附件材料请于3月底前报送"):
        assert not closing.attachment_head(text), text
