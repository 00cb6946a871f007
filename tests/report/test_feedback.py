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


# ---------------------------------------------------------------- a form a clerk can send as it is

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
SEED_PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
SEED_DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"


def _seed_form(tmp_path, name: str) -> bytes:
    from click.testing import CliRunner

    from engine.cli import main

    out = tmp_path / name
    r = CliRunner().invoke(main, ["check", str(SEED_DRAFT), "--parent", str(SEED_PARENT), "--format", "feedback", "-o", str(out)])
    assert r.exit_code in (0, 1), r.output
    return out.read_bytes()


def test_the_title_is_written_as_the_draft_writes_it(tmp_path):
    """The form's title is the draft's own (full-width brackets), not the normalised Plan.title."""
    doc = docx.Document(io.BytesIO(_seed_form(tmp_path, "form.docx")))
    title = doc.paragraphs[0].text
    assert title.startswith("柳州市城中区贯彻执行《柳州市落实〈广西法治政府建设实施方案（2021-2025年）〉")
    assert "（征求意见稿）" in title and "(" not in title


def test_long_quotes_are_shortened_on_word_boundaries(tmp_path):
    """The evidence column (原文) holds the finding's evidence, shortened in the middle when long, the
    cut falling between the tokenizer's words; a quote inside 问题 or 修改建议 likewise."""
    import json
    import re

    from click.testing import CliRunner

    from engine.align.tokenize import lcut
    from engine.cli import main
    from engine.quote import ELLIPSIS
    from engine.report.feedback import INNER_MAX, QUOTE_MAX

    doc = docx.Document(io.BytesIO(_seed_form(tmp_path, "f.docx")))
    body = [[c.text for c in row.cells] for row in doc.tables[0].rows[1:]]
    report = json.loads(
        CliRunner().invoke(main, ["check", str(SEED_DRAFT), "--parent", str(SEED_PARENT), "--format", "json"]).output
    )
    evidence = sorted((f["evidence"]["local"] or "") for f in report["findings"])
    assert len(body) == len(evidence) == 47

    def on_words(short: str, full: str) -> bool:
        if ELLIPSIS not in short:
            return short == full
        head, tail = short.split(ELLIPSIS)
        cuts, pos = {0}, 0
        for w in lcut(full):
            pos += len(w)
            cuts.add(pos)
        return full.startswith(head) and full.endswith(tail) and len(head) in cuts and len(full) - len(tail) in cuts

    shortened = 0
    for row in body:
        assert len(row[2]) <= QUOTE_MAX + len(ELLIPSIS)
        full = next(e for e in evidence if on_words(row[2], e))  # each cell is its evidence, cut on words
        shortened += row[2] != full
        for cell in (row[3], row[5]):
            for quoted in re.findall(r"“([^“”]*)”", cell):
                assert len(quoted) <= INNER_MAX + len(ELLIPSIS), quoted
    assert shortened > 0  # the seed pair has long clauses: the form shortens them


def test_the_table_is_set_compactly(ctx):
    from engine.report.feedback import COLUMNS, TABLE_PT

    doc = docx.Document(io.BytesIO(FeedbackFormatter().render(ctx)))
    table = doc.tables[0]
    assert abs(sum(w for _, w, _ in COLUMNS) - 25.7) < 0.01  # the full width of landscape A4 inside 2 cm margins
    widths = {k: w for k, w, _ in COLUMNS}
    assert min(widths["quote"], widths["problem"], widths["basis"], widths["suggestion_long"]) > 3 * widths["no"]
    assert all("w:cantSplit" in row._tr.xml for row in table.rows[1:])  # short rows are kept whole
    assert "w:tblCellMar" in table._tbl.xml
    cell = table.rows[1].cells[3].paragraphs[0]
    assert cell.paragraph_format.space_after == 0 and cell.runs[0].font.size.pt == TABLE_PT


def test_xlsx_rows_are_as_tall_as_their_text(tmp_path):
    from engine.report.feedback import COLUMNS, _width

    ws = openpyxl.load_workbook(io.BytesIO(_seed_form(tmp_path, "f.xlsx"))).active
    for r in range(4, ws.max_row + 1):
        values = [str(ws.cell(row=r, column=i).value or "") for i in range(1, len(COLUMNS) + 1)]
        lines = max(max(1, -(-_width(v) // (w - 1))) for v, (_, _, w) in zip(values, COLUMNS, strict=True))
        height = ws.row_dimensions[r].height
        assert height is not None and lines * 10 <= height <= lines * 15 + 5, (r, lines, height)


def _pdf_pages(tmp_path, name: str) -> int:
    import shutil
    import subprocess

    import pytest

    if not shutil.which("soffice") or not shutil.which("pdfinfo"):
        pytest.skip("needs LibreOffice (soffice) and poppler-utils (pdfinfo) to render the form")
    src = tmp_path / name
    src.write_bytes(_seed_form(tmp_path, name))
    profile = tmp_path / "lo-profile"  # a private profile: no clash with another soffice running
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(src)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = src.with_suffix(".pdf")
    if not pdf.is_file():
        pytest.skip(f"LibreOffice could not convert {name} here (for .xlsx it needs libreoffice-calc)")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_the_seed_form_fits_in_a_few_pages(tmp_path):
    """49 rows filled 11 pages (14 for 58 rows): cut rows kept whole, ten-point text, full quotes."""
    assert _pdf_pages(tmp_path, "form.docx") <= 7
    assert _pdf_pages(tmp_path, "form.xlsx") <= 7


def test_only_tall_rows_may_run_on_to_the_next_page(tmp_path):
    """Keeping every row whole left half pages blank (11 pages for 49 rows); letting every row split
    left one line of a row alone on a page. Rows up to KEEP_LINES lines are kept whole."""
    from engine.report.feedback import KEEP_LINES, _docx_lines

    doc = docx.Document(io.BytesIO(_seed_form(tmp_path, "f.docx")))
    kept = [("w:cantSplit" in row._tr.xml, _docx_lines([c.text for c in row.cells])) for row in doc.tables[0].rows[1:]]
    assert all(k == (lines <= KEEP_LINES) for k, lines in kept)
    assert any(k for k, _ in kept)
