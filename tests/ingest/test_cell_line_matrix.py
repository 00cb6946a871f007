"""A responsibility matrix (one column per unit, cells ●/○ or empty) pasted ONE CELL A LINE reads as the table, its
marks under their units, when the copy keeps each empty cell as an empty line; a copy that dropped the empty cells is
not read as a table at all (which unit a mark stood under is lost), so it names no unit. fixtures/pdfrows16."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from engine.ingest import from_text
from engine.pipeline import load_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "pdfrows16"
KEPT = HERE / "panzhihua-city-vanadium-matrix-cells.txt"
LOST = HERE / "panzhihua-city-vanadium-matrix-cells-lost.txt"
READS = [
    ("1", ["市经济和信息化局"], ["市科技局", "市生态环境局"], "2028-12-31"),
    ("2", ["市科技局"], ["市经济和信息化局", "钒钛高新区管委会"], "2027-12-31"),
    ("3", ["钒钛高新区管委会"], ["市发展改革委"], "2027-06-30"),
    ("4", ["市生态环境局"], ["市发展改革委", "市经济和信息化局"], None),
]


def _read(path: str) -> list[tuple[str, list[str], list[str], str | None]]:
    plan = load_plan(path)
    out = []
    for m in plan.measures:
        r = m.responsibility
        due = next((d.date for d in m.deadlines if d.kind == "by-date"), None)
        out.append((m.ref, [u.name for u in r.lead] if r else [], [u.name for u in r.support] if r else [], due))
    return out


def test_empty_lines_keep_the_marks_under_their_units() -> None:
    assert _read(str(KEPT)) == READS


def test_the_same_matrix_in_a_word_document_one_paragraph_a_cell(tmp_path: Path) -> None:
    doc = Document()
    for line in KEPT.read_text("utf-8").splitlines():
        doc.add_paragraph(line)
    path = tmp_path / "matrix.docx"
    doc.save(str(path))
    assert _read(str(path)) == READS


def test_a_copy_that_lost_its_empty_cells_is_left_as_lines() -> None:
    assert _read(str(KEPT)) == READS  # the same page with its empty cells is read
    lost = from_text(LOST.read_text("utf-8"))
    assert not any(p.table_row for p in lost.paragraphs)
    plan = load_plan(str(LOST))
    assert all(m.responsibility is None or not m.responsibility.lead for m in plan.measures)


def test_a_note_under_a_cell_line_table_is_no_part_of_its_last_row() -> None:
    text = "\n".join(
        ["二、重点任务", "序号", "重点任务", "牵头单位", "完成时限",
         "1", "推进老旧管网改造。", "县住房城乡建设局", "2027年底前",
         "2", "完善应急抢修机制。", "县应急管理局", "持续推进",
         "注：牵头单位负责统筹推进。", "三、保障措施", "（一）加强组织领导。县政府成立工作专班。"]
    )  # fmt: skip
    rows = [p.text for p in from_text(text).paragraphs if p.table_row]
    assert rows[-1].endswith("持续推进。")
    assert "注：牵头单位负责统筹推进。" in [p.text for p in from_text(text).paragraphs]
