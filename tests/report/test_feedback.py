"""意见反馈表 read back with python-docx and openpyxl."""

from __future__ import annotations

import io
import zipfile

import docx
import openpyxl
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm

from engine.report.feedback import FeedbackFormatter

HEADER = ["序号", "条目", "原文", "问题", "上级依据", "修改建议", "级别", "采纳情况"]


def test_docx_table(ctx):
    doc = docx.Document(io.BytesIO(FeedbackFormatter().render(ctx)))
    sec = doc.sections[0]
    assert sec.orientation == WD_ORIENT.LANDSCAPE
    assert abs(sec.page_width - Cm(29.7)) < Cm(0.01) and abs(sec.page_height - Cm(21.0)) < Cm(0.01)  # A4
    title, fields = doc.paragraphs[0], doc.paragraphs[1]
    assert title.text == "某某区落实《示范方案》的工作方案（征求意见稿） 意见反馈表"
    for name in ("反馈单位：", "联系人：", "联系电话：", "日期："):
        assert name in fields.text
    (table,) = doc.tables
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == HEADER
    body = rows[1:]
    assert len(body) == len(ctx.report.findings)
    assert [r[0] for r in body] == [str(i) for i in range(1, len(body) + 1)]
    deadline = next(r for r in body if r[2] == "2023年年底前")
    assert deadline[1] == "1 全面实行政府权责清单制度"
    assert deadline[4] == "(一) 全面实行政府权责清单制度：“2022年年底前，全面完善行政许可事项清单。”"
    assert deadline[5] == "改为“2022年年底前”或更早" and deadline[6] == "错误" and deadline[7] == ""
    assert body[0][1] == "标题与前言" and body[0][6] == "警告"
    assert {r[6] for r in body} == {"错误", "警告", "提示"}
    # a draft-only finding on an aligned item still shows the parent's words
    vague = next(r for r in body if r[2] == "各有关部门")
    assert vague[4].startswith("(二) 推进简政便民")


def test_docx_columns_have_real_widths_and_pages_are_numbered(ctx):
    data = FeedbackFormatter().render(ctx)
    doc = docx.Document(io.BytesIO(data))
    grid = [int(c.get(qn("w:w"))) for c in doc.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert grid[2] > 3 * grid[0]  # 原文 is wider than 序号: LibreOffice reads the grid, not the cells
    assert sum(grid) <= Cm(29.7 - 4.0).twips + 10
    footer = doc.sections[0].footer._element.xml
    assert "PAGE" in footer and "fldChar" in footer
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        fonts = z.read("word/fontTable.xml").decode()
        styles = z.read("word/styles.xml").decode()
    assert "仿宋_GB2312" in styles and 'w:name="仿宋_GB2312"' in fonts and 'w:val="仿宋"' in fonts
    assert doc.core_properties.comments == "" and doc.core_properties.author == "plancheck"


def test_author_date_and_min_severity(ctx):
    ctx.author, ctx.date, ctx.min_severity = "城中区司法局", "2026-12-04", "warning"
    data = FeedbackFormatter().render(ctx)
    doc = docx.Document(io.BytesIO(data))
    assert "反馈单位：城中区司法局" in doc.paragraphs[1].text and "日期：2026-12-04" in doc.paragraphs[1].text
    assert doc.core_properties.author == "城中区司法局"
    assert doc.core_properties.created.date().isoformat() == "2026-12-04"
    sevs = [r.cells[6].text for r in doc.tables[0].rows[1:]]
    assert sevs and "提示" not in sevs
    assert len(sevs) == sum(f.severity != "info" for f in ctx.report.findings)


def test_xlsx_when_the_output_ends_in_xlsx(ctx, tmp_path):
    ctx.output = str(tmp_path / "反馈.XLSX")
    ctx.author = "城中区司法局"
    data = FeedbackFormatter().render(ctx)
    assert data[:2] == b"PK"
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0][0].endswith("意见反馈表")
    assert rows[1][0].startswith("反馈单位：城中区司法局") and "联系电话：" in rows[1][0]
    assert rows[2] == HEADER
    assert len(rows) == 3 + len(ctx.report.findings)
    assert rows[3][0] == 1 and rows[4][2] == "2023年年底前" and rows[4][6] == "错误"
    assert ws["A3"].font.bold and ws["C5"].alignment.wrap_text
    assert ws.freeze_panes == "A4"
    assert ws.column_dimensions["C"].width > ws.column_dimensions["A"].width
    assert "A1:H1" in {str(r) for r in ws.merged_cells.ranges}
    assert wb.properties.creator == "城中区司法局"
