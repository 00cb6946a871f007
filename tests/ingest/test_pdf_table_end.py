"""A Word task table printed to PDF ends where its ruled grid ends: the plan's next chapter under it ("三、保障措施",
a safeguard's heading line "（一）加强组织领导") is text again, not a section row of the table, while a section row
inside the grid (one merged cell across the table) still is one. Read as a row, the heading made its chapter a
table's, and a chapter of plain paragraphs after a table's last row was taken for text after the table: the
safeguards went to the closing. fixtures/pdfrows16 (make_documents.py)."""

from __future__ import annotations

from pathlib import Path

from engine.ingest import pdf as layout
from engine.ingest.readers import TableRow, read_pdf
from engine.pipeline import load_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "pdfrows16"
MENGYIN = HERE / "mengyin-county-peach-plain-safeguards.pdf"
FUDING = HERE / "fuding-city-white-tea-heading-lines.pdf"


def _lines(path: Path) -> list[str]:
    return [line for _, line in read_pdf(path.read_bytes(), path.name).lines]


def _heading_rows(path: Path) -> list[str]:
    return [str(line) for line in _lines(path) if isinstance(line, TableRow) and line.heading]


def test_a_heading_under_the_grid_is_no_section_row_of_the_table() -> None:
    # the merged cells inside the grid are the table's section rows; what stands under the grid is not
    assert _heading_rows(MENGYIN) == ["（一）提升基地建设水平", "（二）拓展加工销售渠道"]
    assert _heading_rows(FUDING) == []
    lines = _lines(FUDING)
    after = lines[lines.index("三、保障措施") :]
    assert after[:2] == ["三、保障措施", "（一）加强组织领导"]
    assert not any(isinstance(line, TableRow) for line in after)


def test_safeguards_in_plain_paragraphs_after_a_table_stay_the_plan_s() -> None:
    plan = load_plan(str(MENGYIN))
    assert [m.ref for m in plan.measures] == ["1", "2", "3", "4", "5"]
    safeguards = next(s for s in plan.sections if s.title == "保障措施")
    assert safeguards.text.startswith("县农业农村局要牵头建立蜜桃产业发展工作专班")
    assert safeguards.text.endswith("确保各项任务按期完成。")
    assert "蜜桃" not in plan.closing


def test_a_furniture_line_under_a_full_last_line_is_a_line_of_its_own() -> None:
    """The last safeguard's last line happens to reach the right margin, ending its sentence; the disclosure line
    under it at the left margin ("公开方式：主动公开") was read as the paragraph going on."""
    lines = _lines(MENGYIN)
    assert "公开方式：主动公开" in lines
    assert any(line.endswith("确保各项任务按期完成。") for line in lines)


def test_the_grid_s_end_is_marked_only_after_a_row() -> None:
    body = [
        layout.Line(0, "二、重点任务", 90, 200, 700, 16),
        layout.Line(0, "1\t任务\t县农业农村局", 85, 550, 680, 12, cells=["1", "任务", "县农业农村局"]),
        layout.Line(0, "三、保障措施", 90, 200, 600, 16),
    ]
    got = layout.paragraphs([body])
    assert [t for _, t in got] == ["二、重点任务", "1\t任务\t县农业农村局", layout.TABLE_END, "三、保障措施"]
