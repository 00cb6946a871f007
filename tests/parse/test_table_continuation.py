"""A task table pasted as tab-separated text in which a cell's text goes on over a line break (a
Word or Excel table copied with a line break inside a cell): the line that goes on is the row
above's, never an item of its own. With a 序号 column, a line whose 序号 cell is empty adds its cells
to the row above cell by cell; a line after a row with fewer cells than the header goes on with that
row's last cell. Built as small documents of the class, in CRLF with a BOM and in LF without one."""

from __future__ import annotations

import pytest

from engine.ingest import from_text, load_document
from engine.parse import parse_plan

HEAD = "某某市2026年就业服务工作要点\n\n一、重点任务\n\n序号\t工作任务\t牵头单位\t配合单位\t完成时限\n"
TAIL = "\n二、保障措施\n\n各县（市、区）要加强组织领导，强化督导检查。\n"


def units(plan):
    return [(m.label, m.lead_units, m.support_units) for m in plan.measures]


def read(tmp_path, text: str, form: str):
    """The text as a file: `crlf-bom` (UTF-8 with a BOM, CRLF endings) or `lf` (no BOM)."""
    path = tmp_path / "plan.txt"
    if form == "crlf-bom":
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    else:
        path.write_bytes(text.encode("utf-8"))
    return parse_plan(load_document(str(path)))


FORMS = ["crlf-bom", "lf"]


@pytest.mark.parametrize("form", FORMS)
def test_a_line_with_an_empty_number_cell_goes_on_with_the_row_above(tmp_path, form):
    table = (
        "1\t做好就业援助。开展就业援助月活动。\t市人社局\t市民政局\t2026年6月底前\n"
        "2\t推进创业孵化。举办创业大赛2场。\t市人社局\t市总工会\t2026年12月底前\n"
        "\t建设创业孵化基地3处，落实创业担保贷款贴息。\t\t市财政局、市税务局\t\n"
        "3\t加强技能培训。开展职业技能培训1000人次以上。\t市人社局\t市教育局\t2026年12月底前\n"
    )
    plan = read(tmp_path, HEAD + table + TAIL, form)
    assert units(plan) == [
        ("1", ["市人社局"], ["市民政局"]),
        ("2", ["市人社局"], ["市总工会", "市财政局", "市税务局"]),
        ("3", ["市人社局"], ["市教育局"]),
    ]
    second = plan.measures[1]
    assert "举办创业大赛2场" in second.text and "建设创业孵化基地3处" in second.text
    assert [d.date for d in second.deadlines] == ["2026-12-31"]
    assert "建设创业孵化基地" not in plan.measures[2].text


@pytest.mark.parametrize("form", FORMS)
def test_a_lead_unit_cell_split_over_two_lines_stays_one_row(tmp_path, form):
    # the 牵头单位 cell holds two names on two lines (a line break inside the cell): the row's first
    # line has three cells of five, the next line goes on with that cell and fills the rest
    table = (
        "1\t做好就业援助。开展就业援助月活动。\t市人社局\t市民政局\t2026年6月底前\n"
        "2\t推进创业孵化。举办创业大赛2场。\t市人社局\n"
        "市财政局\t市总工会\t2026年12月底前\n"
        "3\t加强技能培训。开展职业技能培训1000人次以上。\t市人社局\t\n"
        "\t\t市教育局\t市财政局\t2026年12月底前\n"
    )
    plan = read(tmp_path, HEAD + table + TAIL, form)
    assert units(plan) == [
        ("1", ["市人社局"], ["市民政局"]),
        ("2", ["市人社局", "市财政局"], ["市总工会"]),
        ("3", ["市人社局", "市教育局"], ["市财政局"]),
    ]
    assert [[d.date for d in m.deadlines] for m in plan.measures] == [["2026-06-30"], ["2026-12-31"], ["2026-12-31"]]


def test_a_task_cell_broken_mid_sentence_is_joined_without_a_gap():
    table = (
        "1\t做好就业援助。开展就业援助月活动，帮扶困难人员和\n"
        "零就业家庭成员就业。\t市人社局\t市民政局\t2026年6月底前\n"
        "2\t推进创业孵化。举办创业大赛2场。\t市人社局\t市总工会、\n"
        "\t\t\t市财政局\t2026年12月底前\n"
        "各县（市、区）要对照本要点抓好落实。\n"  # after a complete row: not a line of the table
    )
    doc = from_text(HEAD + table)
    plan = parse_plan(doc)
    assert units(plan) == [("1", ["市人社局"], ["市民政局"]), ("2", ["市人社局"], ["市总工会", "市财政局"])]
    assert "帮扶困难人员和零就业家庭成员就业" in plan.measures[0].text
    assert "、、" not in plan.measures[1].text
    assert doc.paragraphs[-1].text == "各县(市、区)要对照本要点抓好落实。" and not doc.paragraphs[-1].table_row


def test_the_clause_of_a_joined_row_points_at_the_cells_it_came_from():
    table = (
        "1\t做好就业援助。\t市人社局\t市民政局\t2026年6月底前\n"
        "\t开展就业援助月活动。\t\t市残联\t\n"
    )
    doc = from_text(HEAD + table + TAIL)
    para = next(p for p in doc.paragraphs if p.table_row)
    assert para.orig.split("\n") == table.rstrip("\n").split("\n")
    k = para.text.index("市残联")
    assert para.orig_span(k, k + 3) == "市残联"
    k = para.text.index("开展就业援助月活动")
    assert para.orig_span(k, k + 9) == "开展就业援助月活动"
