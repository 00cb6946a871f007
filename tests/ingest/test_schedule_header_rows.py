"""A task table whose header is TWO rows, a cell merged across columns over a schedule of labels — 实施年度 over
2026年 | 2027年 | 2028年, 完成时限 over 一季度 … 四季度, cells below holding ● or √ where a task runs — has a second
header row that is no task: it was read as one more measure (refs 1, 1, 2, …; blind32 江苏省). The labels name no
unit and no column (engine/ingest/tables.py `split_header`); 牵头单位 | 配合单位 under a merged 责任单位 in the same
row are read as their columns. fixtures/tables30: 盐城市 (.docx, years), 东台市 (.docx, quarters beside a split
责任单位), 淮安市 (.html, rowspan / colspan)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import load_document
from engine.ingest.tables import Cell, split_header, table_lines
from engine.parse import parse_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "tables30"


def _read(name: str) -> list[tuple[str, str, list[str], list[str]]]:
    plan = parse_plan(load_document(str(HERE / name)))
    return [(m.label, m.title, m.lead_units, m.support_units) for m in plan.measures]


def test_years_under_a_merged_header_in_word() -> None:
    got = _read("yancheng-city-wetland-years.docx")
    assert [r[0] for r in got] == ["1", "2", "3", "4", "5"]
    assert got[0][1:] == ("开展互花米草综合治理", ["市自然资源和规划局"], ["市生态环境局", "东台市人民政府", "大丰区人民政府"])
    assert got[4][2:] == (["市文化广电和旅游局"], ["各县(市、区)人民政府"])


def test_quarters_beside_a_split_unit_header() -> None:
    """责任单位 over 牵头单位 | 配合单位 and 完成时限 over 一季度 … 四季度 in one second row: the units are read by
    their own columns (lead, support), and the row is no task."""
    got = _read("dongtai-city-quarters-split-units.docx")
    assert [r[0] for r in got] == ["1", "2", "3", "4"]
    assert [r[2:] for r in got] == [
        (["市城市管理局"], ["各镇人民政府"]), (["市农业农村局"], ["市卫生健康委"]),
        (["市生态环境局"], ["市水务局"]), (["市农业农村局"], ["各镇人民政府"]),
    ]  # fmt: skip


def test_years_under_a_colspan_on_a_web_page() -> None:
    got = _read("huaian-city-hongze-lake-years.html")
    assert [r[0] for r in got] == ["1", "2", "3"]
    assert got[1][2:] == (["市水利局"], ["市自然资源和规划局", "洪泽区人民政府"])


def _cell(col: int, text: str, span: int = 1, inherited: bool = False) -> Cell:
    return Cell(col, span, [text] if text else [], inherited=inherited)


_TOP = [_cell(0, "序号"), _cell(1, "重点任务"), _cell(2, "牵头单位"), _cell(3, "实施年度", span=3)]


@pytest.mark.parametrize(
    "row",
    [
        # a data row: its 序号 and task text stand outside the merged cell
        [_cell(0, "1"), _cell(1, "开展资源调查。"), _cell(2, "省文物局"), _cell(3, "●"), _cell(4, "●"), _cell(5, "")],
        # unit names under the merged cell: a matrix's header, not a schedule's (read as before)
        [_cell(0, "序号", inherited=True), _cell(1, "重点任务", inherited=True), _cell(2, "牵头单位", inherited=True),
         _cell(3, "省文物局"), _cell(4, "省水利厅"), _cell(5, "省财政厅")],
        # a sentence under it
        [_cell(0, "序号", inherited=True), _cell(1, "重点任务", inherited=True), _cell(2, "牵头单位", inherited=True),
         _cell(3, "全年推进，年底完成。", span=3)],
    ],
)  # fmt: skip
def test_rows_that_are_no_split_header(row: list[Cell]) -> None:
    assert split_header(_TOP, row) is None


def test_the_second_row_is_dropped_and_the_rows_numbered_from_one() -> None:
    rows = [
        _TOP,
        [_cell(0, "序号", inherited=True), _cell(1, "重点任务", inherited=True), _cell(2, "牵头单位", inherited=True),
         _cell(3, "2026年"), _cell(4, "2027年"), _cell(5, "2028年")],
        [_cell(0, "1"), _cell(1, "开展资源调查。"), _cell(2, "省文物局"), _cell(3, "●"), _cell(4, ""), _cell(5, "")],
    ]  # fmt: skip
    found = table_lines(rows)
    assert found is not None
    _, lines = found
    assert lines[0] is None
    assert lines[1] is not None and lines[1].text.startswith("1.开展资源调查。")
