"""A Word task table printed to PDF ends where its ruled grid ends: a heading printed under it (the next group's
"（二）市场培育" above its own table, "三、保障措施") is text again, not a section row of the table, while a section row
inside the grid (one merged cell across the table) still is one. The PDF reader knows the grid; the text-table
reader it hands the rows to only guesses from the text (engine/ingest/tables.py drops trailing section rows, which
leaves a heading with the next table's rows after it in the table). And the page's furniture under the plan's last
paragraph is a line of its own. fixtures/pdfrows16 (make_documents.py)."""

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
    """福鼎's tasks stand in two tables, each under its heading paragraph; the text-table reader took the heading
    between them ("（二）市场培育", a task row after it) for a section row of the first table. The merged cells
    inside 蒙阴's grid are that table's section rows, and stay so."""
    assert _heading_rows(FUDING) == []
    lines = _lines(FUDING)
    assert "（二）市场培育" in lines and "三、保障措施" in lines
    after = lines[lines.index("三、保障措施") :]
    assert after[:2] == ["三、保障措施", "（一）加强组织领导"]
    assert not any(isinstance(line, TableRow) for line in after)
    assert _heading_rows(MENGYIN) == ["（一）提升基地建设水平", "（二）拓展加工销售渠道"]


def test_safeguards_after_a_table_stay_the_plan_s_and_end_before_the_furniture() -> None:
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
