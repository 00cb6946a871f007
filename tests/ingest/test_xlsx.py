"""An Excel workbook as input (engine/ingest/xlsx.py): the 任务分解表 / 责任清单 a drafting office keeps in Excel.

The workbooks are built here with openpyxl (a dependency of the tool: its feedback form is an .xlsx), so each test
shows the sheet it reads. Expectations are counted from the rows written.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.errors import PlancheckError
from engine.ingest import load_document
from engine.pipeline import load_plan

HEADER = ["序号", "类别", "重点任务", "牵头单位", "配合单位", "完成时限"]
ROWS = [
    (1, "产业发展", "建设芒果产业示范园10个，带动农户增收", "市农业农村局", "市财政局", dt.date(2027, 6, 30)),
    (2, None, "培育农产品区域公用品牌3个", "市农业农村局", "市市场监管局", "2027年12月底前"),
    (3, "乡村建设", "完成300个村庄人居环境整治", "市住房城乡建设局", "市生态环境局、各县（市、区）人民政府", dt.date(2027, 9, 30)),
    (4, None, "新改建农村公路500公里", None, None, "2027年11月"),
]  # fmt: skip


def _task_book(path: Path, *, extra=None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "任务分解表"
    ws.append(["百色市2027年乡村振兴重点任务分解表"])
    ws.merge_cells("A1:F1")
    ws.append(HEADER)
    for r in ROWS:
        ws.append(list(r))
    ws.merge_cells("B3:B4")  # 类别 over its rows
    ws.merge_cells("B5:B6")
    ws.merge_cells("D5:D6")  # one 牵头单位 for rows 3 and 4: row 4's lead too
    if extra:
        extra(wb, ws)
    wb.save(path)
    return path


def test_a_task_list_workbook_reads_as_its_rows(tmp_path):
    plan = load_plan(str(_task_book(tmp_path / "tasks.xlsx")))
    assert plan.title == "百色市2027年乡村振兴重点任务分解表"
    assert [m.ref for m in plan.measures] == ["1", "2", "3", "4"]
    assert [(m.lead_units, m.support_units) for m in plan.measures] == [
        (["市农业农村局"], ["市财政局"]),
        (["市农业农村局"], ["市市场监管局"]),
        (["市住房城乡建设局"], ["市生态环境局", "各县(市、区)人民政府"]),
        (["市住房城乡建设局"], []),  # the merged 牵头单位 cell spans rows 3 and 4
    ]
    # a date cell reads as the day it shows, and under 完成时限 it is the task's deadline; so is a bare month
    assert [[d.date for d in m.deadlines] for m in plan.measures] == [
        ["2027-06-30"], ["2027-12-31"], ["2027-09-30"], ["2027-11-30"]
    ]


def test_hidden_sheets_rows_and_columns_are_not_read(tmp_path):
    def hide(wb, ws):
        ws.row_dimensions[6].hidden = True  # task 4
        secret = wb.create_sheet("草稿")
        secret.append(["（内部）不得外传的旧稿"])
        secret.sheet_state = "hidden"

    doc = load_document(str(_task_book(tmp_path / "tasks.xlsx", extra=hide)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "新改建农村公路" not in text and "不得外传" not in text
    assert "建设芒果产业示范园" in text


def test_a_sheet_of_paragraphs_reads_as_text(tmp_path):
    """No task table on the sheet (a plan typed one paragraph per row): its cells are read row by row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in [
        "某县茶产业提升实施方案",
        "一、重点任务",
        "（一）建设标准茶园。新建标准茶园5000亩。（县农业农村局牵头，县林业局配合）",
        "（二）培育龙头企业。培育市级以上龙头企业3家。（县工业和信息化局负责）",
        "二、保障措施",
        "加强组织领导。",
    ]:
        ws.append([line])
    wb.save(tmp_path / "plan.xlsx")
    plan = load_plan(str(tmp_path / "plan.xlsx"))
    assert plan.title == "某县茶产业提升实施方案"
    assert [(m.ref, m.lead_units, m.support_units) for m in plan.measures] == [
        ("(一)", ["县农业农村局"], ["县林业局"]),
        ("(二)", ["县工业和信息化局"], []),
    ]


def test_a_formula_is_read_by_its_saved_value_never_its_text(tmp_path):
    def formula(wb, ws):
        ws["C7"] = "=HYPERLINK(\"http://example.invalid\",\"点我\")"  # no value saved by openpyxl: nothing to read

    doc = load_document(str(_task_book(tmp_path / "tasks.xlsx", extra=formula)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "HYPERLINK" not in text and "example.invalid" not in text


def test_a_workbook_given_on_stdin_is_recognised(tmp_path):
    data = _task_book(tmp_path / "tasks.xlsx").read_bytes()
    out = CliRunner().invoke(main, ["parse", "-", "--format", "json"], input=data)
    assert out.exit_code == 0, out.output
    assert "建设芒果产业示范园" in out.output


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"PK\x03\x04 not really a zip", "已损坏或不是有效的 .xlsx 文件"),
        (None, "xl/workbook.xml"),  # a zip, but no workbook in it (a .docx renamed)
    ],
)
def test_a_broken_workbook_gets_a_clear_message_and_exit_2(tmp_path, data, words):
    path = tmp_path / "broken.xlsx"
    if data is None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("word/document.xml", "<w:document/>")
        data = buf.getvalue()
    path.write_bytes(data)
    before = path.read_bytes()
    out = CliRunner().invoke(main, ["check", str(path), "--no-parent"])
    assert out.exit_code == 2
    assert words in out.output and "Traceback" not in out.output
    en = CliRunner().invoke(main, ["check", str(path), "--no-parent", "--lang", "en"])
    assert en.exit_code == 2 and "corrupt or not a valid .xlsx file" in en.output
    assert path.read_bytes() == before  # nothing the user gave is changed


def test_a_workbook_bomb_stops_at_the_budget(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCHECK_BUDGET_PART_BYTES", "100KB")
    path = _task_book(tmp_path / "tasks.xlsx")
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(b"<sheetData>", b"<sheetData>" + b" " * 5_000_000)  # inflates 50×
            dst.writestr(info, body)
    path.write_bytes(buf.getvalue())
    with pytest.raises(PlancheckError) as info:
        load_plan(str(path))
    assert info.value.code == "budget.part_bytes"


def test_the_upload_page_offers_workbooks():
    from engine.web.app import UI

    assert ".xlsx" in UI["zh"]["formats"] and ".xlsx" in UI["en"]["formats"]


def test_an_entity_bomb_in_a_sheet_is_not_expanded(tmp_path):
    """A sheet's XML declaring nested entities (billion laughs): openpyxl's parser does not expand them, so the
    workbook reads as what it holds — here no measures — with the usual message, never a flood of text."""
    wb = openpyxl.Workbook()
    wb.active.append(["x"])
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    decl = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lolololololololololol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i + 1, (b"&lol%s;" % (str(i).encode() if i else b"")) * 10) for i in range(9)
    ) + b"]>"
    buf = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                rest = body.split(b"?>", 1)[1] if body.startswith(b"<?xml") else body
                body = decl + rest.replace(b"<v>", b"<v>&lol9;", 1)
            dst.writestr(info, body)
    path = tmp_path / "lol.xlsx"
    path.write_bytes(buf.getvalue())
    out = CliRunner().invoke(main, ["parse", str(path)])
    assert out.exit_code == 2 and "Traceback" not in out.output
    assert "lolololol" not in out.output
    assert "没有找到编号的措施条目" in out.output


def test_a_merged_range_over_the_whole_sheet_is_refused_before_openpyxl_reads_it(tmp_path):
    """One <mergeCell ref="A100:XFD1048576"/> in a file of a few KB: openpyxl makes an object of every covered cell,
    so the read never ended (found in review). The covered cells are counted from the XML first."""
    plain = _task_book(tmp_path / "tasks.xlsx")
    buf = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                start, end = body.index(b"<mergeCells"), body.index(b"</mergeCells>") + len(b"</mergeCells>")
                body = body[:start] + b'<mergeCells count="1"><mergeCell ref="A100:XFD1048576"/></mergeCells>' + body[end:]
            dst.writestr(info, body)
    path = tmp_path / "merged.xlsx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(PlancheckError) as info:
        load_plan(str(path))
    assert info.value.code == "budget.paragraphs"
