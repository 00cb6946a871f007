"""Mends to the running heads and table notes of the pages99 / xlsx93 changes (a reviewer's repros).

1. A line of units set apart by wide spaces, repeated under two measures with one copy beside a page number, is the
   plan's responsibility line, no running head (engine/ingest/readers.py `_twins`): only the page number goes.
2. A section row after a mid-table note row (注：… then 二、宣传引导) opens the next part: no text of the note; only
   a row reading as the note's next point (2.…, （2）…) joins it (engine/ingest/table_notes.py `goes_on`).
3. Many repeated header rows (each None among the lines) are read in one pass (`Notes`).
"""

from __future__ import annotations

import openpyxl

from engine.ingest import load_document
from engine.ingest.table_notes import Notes
from engine.ingest.tables import Cell
from engine.parse import parse_plan
from engine.pipeline import load_plan

UNITS = "县交通运输局　　各乡镇人民政府"
REPRO = "\n".join(
    [
        "关于印发某县重点任务的通知",
        "一、推进项目建设",
        "（一）加快道路建设。完成县道改造。",
        UNITS,
        "",
        "- 2 -",
        "",
        "（二）加快水利建设。完成水库除险加固。",
        UNITS,
        "二、强化保障",
        "（一）加强资金保障。",
    ]
)


def test_a_units_line_repeated_beside_a_page_number_is_no_running_head(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(REPRO + "\n", "utf-8")
    plan = parse_plan(load_document(str(path)))
    texts = [m.text for m in plan.measures]
    assert len(texts) == 2
    for t in texts:
        assert "县交通运输局" in t and "各乡镇人民政府" in t, t
    assert not any("- 2 -" in t for t in texts)


def test_a_gazette_head_printed_again_is_still_furniture(tmp_path):
    head = "某市人民政府公报　　　　2026年第6期"
    lines = [head, "", "某市扬尘治理工作方案", "一、重点任务", "（一）强化工地管控。完成围挡。", "— 12 —", "", head, "",
             "（二）加强道路治理。完成清扫。", "", "— 13 —", "", head, "", "（三）抓好堆场防控。完成苫盖。"]  # fmt: skip
    path = tmp_path / "gazette.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    plan = parse_plan(load_document(str(path)))
    assert not any("公报" in m.text for m in plan.measures)


def _book(tmp_path, rows, merges):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(list(row))
    for rng in merges:
        ws.merge_cells(rng)
    path = tmp_path / "list.xlsx"
    wb.save(path)
    return path


def test_a_section_row_after_a_mid_table_note_opens_the_next_section(tmp_path):
    rows = [
        ["序号", "重点任务", "责任单位", "完成时限"],
        ["一、组织保障"],
        [1, "建立工作专班", "县委办", "2027年6月底前"],
        ["注：本部分任务由县委办统筹。"],
        ["二、宣传引导"],
        [2, "开展政策宣传", "县委宣传部", "2027年12月底前"],
    ]
    path = _book(tmp_path, rows, ["A2:D2", "A4:D4", "A5:D5"])
    plan = load_plan(str(path))
    second = [m for m in plan.measures if "政策宣传" in m.text]
    assert second, [m.text for m in plan.measures]
    assert "宣传引导" in " ".join(second[0].section_titles) or "宣传引导" in str(second[0].path), second[0]
    assert not any("统筹。二、" in m.text for m in plan.measures)


def test_a_notes_next_point_still_joins_it():
    out: list = []
    notes = Notes(out)
    assert notes.add([Cell(col=0, span=4, parts=["填表说明：1.请按季度报送。"])])
    assert notes.add([Cell(col=0, span=4, parts=["2.完成时限为年底。"])])
    assert out == ["填表说明：1.请按季度报送。2.完成时限为年底。", None]
    assert not notes.add([Cell(col=0, span=4, parts=["二、宣传引导"])])


def test_many_nones_are_read_once():
    out: list = ["注：本表所列任务纳入考核。"] + [None] * 50000
    notes = Notes(out)
    for _ in range(2000):
        out.append(None)
        assert not notes.add([Cell(col=0, span=4, parts=["二、宣传引导"])])
    assert notes.add([Cell(col=0, span=4, parts=["2.其余见附件。"])])
    assert out[0].endswith("2.其余见附件。")
