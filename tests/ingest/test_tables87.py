"""Task tables (重点任务分解表) in .html, .docx and .pdf whose rows blind87 showed read wrongly (fixtures/tables87 models
each with other offices; its README says what and why):

1. a two-row header (责任单位 over 牵头单位 | 配合单位) beside a column no role claims (类别, 工作板块) merged down over
   both header rows: the second header row was refused (its merged-down 类别 names no column), read as a task, and the
   牵头 / 配合 columns lost (every unit a 责任单位); a header printed again in the body, its second row with the merged
   cells left empty, is no task either (engine/ingest/tables.py `sub_header`, `_repeats_header`);
2. a PDF table whose 牵头单位 cell is merged over two rows that straddle a page break (printed above the break only):
   the row atop the next page takes it, where the table leaves no other lead field empty (engine/ingest/pdf.py
   `_merged_on` marks the cell, engine/ingest/tables.py `_merged_leads` decides);
3. a deadline column headed 时间节点 is the 完成时限 column (rulesets/data/roles.yaml `columns.due`): each row its
   deadline, bare months included, in every form.
The documents' golds (measures, units) are read by tests/parse/test_fix_golds.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest.tables import Cell, PageTopRow, column_role, sub_header, table_lines, text_table_lines
from engine.pipeline import load_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "tables87"


def _deadlines(name: str) -> list[tuple[str, str | None]]:
    """(label, the last day of its first deadline, or None) of each measure."""
    return [(m.label, m.deadlines[0].date if m.deadlines else None) for m in load_plan(str(HERE / name)).measures]


def _units(name: str) -> list[tuple[str, list[str], list[str]]]:
    return [(m.label, m.lead_units, m.support_units) for m in load_plan(str(HERE / name)).measures]


# --------------------------------------------------------------------------- 1. a two-row header beside a role-less column


def _cells(texts: list[str | None], inherited: set[int] = frozenset(), spans: dict[int, int] | None = None) -> list[Cell]:
    out, col = [], 0
    for k, t in enumerate(texts):
        span = (spans or {}).get(k, 1)
        out.append(Cell(col, span, [t] if t else [], inherited=k in inherited))
        col += span
    return out


TOP = _cells(["类别", "序号", "重点任务", "责任单位", "完成时限"], spans={3: 2})
SUB = _cells(["类别", "序号", "重点任务", "牵头单位", "配合单位", "完成时限"], inherited={0, 1, 2, 5})


def test_a_second_header_row_beside_a_merged_down_column_no_role_claims_names_its_columns():
    assert column_role("类别") is None
    assert sub_header(SUB) == {1: "no", 2: "task", 3: "lead", 4: "support", 5: "due"}


def test_a_data_row_is_no_second_header_row():
    row = _cells(["航道建设", "1", "推进某某工作。", "省交通运输厅", "省财政厅", "2027年6月底前"], inherited={0})
    assert sub_header(row) == {}


def test_a_row_of_merged_down_header_cells_alone_is_no_second_header_row():
    assert sub_header(_cells(["类别", "序号", "重点任务", None, None, "完成时限"], inherited={0, 1, 2, 5})) == {}


def test_the_header_printed_again_with_its_merged_cells_left_empty_is_no_task():
    data = _cells(["港口建设", "1", "推进甲工作。", "省交通运输厅", "省财政厅", "2027年6月底前"])
    again = _cells([None, None, None, "牵头单位", "配合单位", None])
    data2 = _cells(["港口建设", "2", "推进乙工作。", "省港口集团", "省财政厅", "全年"])
    h, lines = table_lines([TOP, SUB, data, TOP, again, data2])
    assert h == 0
    assert [line is None for line in lines] == [True, False, True, True, False]
    assert "(牵头单位:省交通运输厅;配合单位:省财政厅)" in lines[1].text
    assert lines[4].text.startswith("2.推进乙工作。")


@pytest.mark.parametrize(
    "name",
    ["lishui-city-elderly-care-repeated-header.html", "huangshan-city-tourist-toilets-two-row-header.docx"],
)
def test_each_row_of_a_two_row_header_table_is_one_measure_with_lead_and_support_apart(name):
    got = _units(name)
    assert [label for label, _, _ in got] == [str(k) for k in range(1, len(got) + 1)]
    assert all(lead and support and not set(lead) & set(support) for _, lead, support in got)


def test_a_rowspan_lead_goes_to_every_row_it_spans_and_the_group_restarts_after_the_repeated_header():
    got = {label: (lead, support) for label, lead, support in _units("lishui-city-elderly-care-repeated-header.html")}
    assert got["2"] == (["市民政局"], ["市卫生健康委"])
    assert got["3"] == (["市民政局"], ["市残联", "各县(市、区)人民政府"])
    assert got["5"] == (["市医疗保障局"], ["市财政局", "市民政局"])


# --------------------------------------------------------------------------- 2. a merged lead cell cut by a page break


def test_a_lead_merged_over_the_rows_on_both_sides_of_a_page_break_goes_to_the_row_below():
    got = {label: lead for label, lead, _ in _units("zhangye-city-forest-fire-merged-break.pdf")}
    assert got["4"] == got["5"] == ["市林业和草原局"]
    assert got["1"] == got["2"] == ["市应急管理局"]  # a merge within a page, read from its rules as before


def test_a_table_that_leaves_lead_cells_empty_keeps_the_one_atop_a_page_empty():
    got = {label: lead for label, lead, _ in _units("gaotang-county-rural-water-empty-lead-break.pdf")}
    assert got["5"] == [] and got["2"] == []
    assert got["4"] == ["县发展改革局"] and got["6"] == ["聊城市生态环境局高唐分局"]


HEAD = "序号\t重点任务\t牵头单位\t配合单位\t完成时限"


def _rows(cells: list[str], top: str | None) -> list[tuple[int, str]]:
    lines = [HEAD, "1\t推进甲工作。\t市民政局\t市财政局\t2027年6月", "2\t推进乙工作。\t市教育局\t市财政局\t2027年7月"]
    row = "\t".join(cells)
    lines.append(PageTopRow(row, frozenset({2})) if top else row)
    return list(enumerate(lines, 1))


def _leads(lines: list[tuple[int, str]]) -> list[str]:
    return [row.text.split("牵头单位:")[-1].split(";")[0] if "牵头单位:" in row.text else "" for _, row in lines]


def test_a_page_top_row_s_empty_lead_cell_is_read_as_the_cell_above_the_break():
    row = ["3", "推进丙工作。", "", "市卫生健康委", "2027年8月"]
    assert _leads(text_table_lines(_rows(row, "cut"), merged=False)) == ["市民政局", "市教育局", "市教育局"]


def test_an_empty_lead_cell_not_atop_a_page_stays_empty_in_a_pdf_table():
    row = ["3", "推进丙工作。", "", "市卫生健康委", "2027年8月"]
    assert _leads(text_table_lines(_rows(row, None), merged=False)) == ["市民政局", "市教育局", ""]


def test_a_page_top_row_naming_the_unit_above_among_its_own_is_no_merge():
    row = ["3", "推进丙工作。", "", "市教育局、市卫生健康委", "2027年8月"]
    assert _leads(text_table_lines(_rows(row, "cut"), merged=False))[-1] == ""


# --------------------------------------------------------------------------- 3. each row its deadline, every form


def test_a_column_headed_shijian_jiedian_is_the_deadline_column():
    assert column_role("时间节点") == "due"


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("gaotang-county-rural-water-empty-lead-break.pdf",
         ["2027-10-31", "2027-08-31", "2027-06-30", "2027-12-31", "2027-09-30", "2027-07-31"]),
        ("lishui-city-elderly-care-repeated-header.html",
         ["2027-10-31", "2027-09-30", "2027-11-30", "2027-12-31", "2027-09-30", None, "2027-08-31"]),
        ("huangshan-city-tourist-toilets-two-row-header.docx",
         ["2027-10-31", "2027-09-30", "2027-06-30", "2027-12-31", None]),
        ("zhangye-city-forest-fire-merged-break.pdf",
         ["2027-03-31", "2027-05-31", "2027-06-30", "2027-10-31", "2027-09-30", None, "2027-04-30"]),
    ],
)
def test_each_row_takes_its_deadline_cell(name, want):
    """A bare month under the deadline header is the month's end; 全年 names no date (as "全年持续推进" in a clause)."""
    assert [date for _, date in _deadlines(name)] == want
