"""Layouts of fixtures/fix44b (see its README): measures set as rows of a borderless two-column layout table, the
measure in the left cell, its units as paragraphs "X牵头" / "Y、Z配合" in the right cell (.docx, .html)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import load_document
from engine.ingest.hanging import duty_clause, duty_row
from engine.parse import parse_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix44b"


def _read(name: str) -> list[tuple[str, str, list[str], list[str]]]:
    plan = parse_plan(load_document(str(HERE / name)))
    return [(m.label, m.text[:6], m.lead_units, m.support_units) for m in plan.measures]


def test_a_province_word_table_reads_the_right_cell_as_each_measures_units() -> None:
    assert _read("zhejiang-province-digital-village-two-column.docx") == [
        ("(一)", "完善乡村信息", ["省通信管理局"], ["省经信厅", "省农业农村厅"]),
        ("(二)", "发展农村电子", ["省商务厅"], ["省农业农村厅", "省供销社"]),
        ("(三)", "推进乡村治理", ["省委组织部", "省民政厅"], []),
        ("(四)", "提升农民数字", ["省人力社保厅"], []),
    ]


def test_a_county_word_table_reads_its_units_and_a_task_table_after_it_keeps_its_path() -> None:
    assert _read("changxing-county-villages-two-column.docx") == [
        ("1", "推进农村厕所", ["县农业农村局"], ["县卫生健康局", "各乡镇(街道)"]),
        ("2", "治理农村生活", ["县治水办"], ["县住建局"]),
        ("3", "整治村容村貌", ["各乡镇(街道)"], []),
        ("1", "建设垃圾分类", ["县综合执法局"], ["各乡镇(街道)"]),
        ("2", "创建美丽庭院", ["县妇联"], ["县农业农村局"]),
    ]


def test_an_html_layout_table_reads_the_right_cell_as_each_measures_units() -> None:
    assert _read("quzhou-city-two-column.html") == [
        ("(一)", "改造城镇老旧", ["市住建局"], ["各县(市、区)政府"]),
        ("(二)", "完善城市排水", ["市住建局", "市水利局"], []),
        ("(三)", "建设完整社区", ["市民政局"], ["市住建局", "市卫生健康委"]),
    ]


@pytest.mark.parametrize(("name", "left", "right"), [
    ("changxing-county-villages-two-column.docx", "卫生户厕普及率", "2026年底前达到99%"),
    ("quzhou-city-two-column.html", "老旧小区改造", "120个"),
])
def test_a_two_column_table_of_other_cells_keeps_them_apart(name: str, left: str, right: str) -> None:
    texts = [p.text.strip() for p in load_document(str(HERE / name)).paragraphs]
    k = texts.index(left)
    assert texts[k + 1] == right


@pytest.mark.parametrize(("paras", "clause"), [
    (["省林业局牵头", "省委组织部、各设区市人民政府配合"], "（省林业局牵头，省委组织部、各设区市人民政府配合）"),
    (["（市商务局牵头）"], "（市商务局牵头）"),
    (["市住建局、市水利局", "按职责分工负责"], "（市住建局、市水利局，按职责分工负责）"),
])
def test_a_cell_of_units_alone_is_a_clause(paras: list[str], clause: str) -> None:
    assert duty_clause(paras) == clause


@pytest.mark.parametrize("paras", [["2026年底前"], ["100%"], [], ["推进老旧小区改造，完成120个。"], ["x" * 300]])
def test_a_cell_of_anything_else_is_no_clause(paras: list[str]) -> None:
    assert duty_clause(paras) is None


_UNITS = ["市住建局牵头", "市水利局配合"]


@pytest.mark.parametrize(("left", "right", "clause"), [
    (["（一）改造城镇老旧小区。完成120个。"], _UNITS, "（市住建局牵头，市水利局配合）"),
    (None, _UNITS, "（市住建局牵头，市水利局配合）"),  # a left cell read only in part is text, never a clause
    ([], _UNITS, None),  # nothing on the left: no measure to give the units to
    (["", "  "], _UNITS, None),
    (["市商务局牵头"], _UNITS, None),  # two cells of units: a table of units, no measure
    (["（一）改造城镇老旧小区。"], None, None),  # a right cell read only in part is no units cell
    (["卫生户厕普及率"], ["2026年底前达到99%"], None),
])
def test_a_row_is_a_measure_and_its_units_only_when_the_left_cell_is_text_and_the_right_units(
    left: list[str] | None, right: list[str] | None, clause: str | None
) -> None:
    assert duty_row(left, right) == clause
