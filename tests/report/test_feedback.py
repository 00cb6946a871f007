"""意见反馈表 read back with python-docx and openpyxl."""

from __future__ import annotations

import io

import docx
import openpyxl
from docx.enum.section import WD_ORIENT

from engine.report.feedback import FeedbackFormatter

HEADER = ["序号", "条目", "原文", "问题", "上级依据", "修改建议", "级别"]


def test_docx_table(ctx):
    doc = docx.Document(io.BytesIO(FeedbackFormatter().render(ctx)))
    assert doc.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert doc.sections[0].page_width > doc.sections[0].page_height
    (table,) = doc.tables
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0][0] == "某某区落实《示范方案》的工作方案（征求意见稿） 意见反馈表"
    assert len(set(rows[0])) == 1  # merged title row
    assert rows[1] == HEADER
    body = rows[2:]
    assert len(body) == len(ctx.report.findings)
    assert [r[0] for r in body] == [str(i) for i in range(1, len(body) + 1)]
    deadline = next(r for r in body if r[2] == "2023年年底前")
    assert deadline[1] == "1 全面实行政府权责清单制度"
    assert deadline[4] == "(一) 全面实行政府权责清单制度：“2022年年底前，全面完善行政许可事项清单。”"
    assert deadline[5] == "改为“2022年年底前”或更早" and deadline[6] == "错误"
    assert body[0][1] == "标题与前言" and body[0][6] == "警告"
    assert {r[6] for r in body} == {"错误", "警告", "提示"}


def test_xlsx_when_the_output_ends_in_xlsx(ctx, tmp_path):
    ctx.output = str(tmp_path / "反馈.XLSX")
    data = FeedbackFormatter().render(ctx)
    assert data[:2] == b"PK"
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0][0].endswith("意见反馈表")
    assert rows[1] == HEADER
    assert len(rows) == 2 + len(ctx.report.findings)
    assert rows[2][0] == 1 and rows[3][2] == "2023年年底前" and rows[3][6] == "错误"
    assert ws["A2"].font.bold and ws["C4"].alignment.wrap_text
    assert ws.freeze_panes == "A3"
    assert ws.column_dimensions["C"].width > ws.column_dimensions["A"].width
    assert "A1:G1" in {str(r) for r in ws.merged_cells.ranges}
