"""意见反馈表: the form a reviewing office sends back, one row per finding.

.docx (landscape table) by default; .xlsx when the output path ends with .xlsx.
"""

from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from engine.models import Finding
from engine.report.base import Formatter, RenderContext, normalize_zip
from engine.report.docx import style_document

# column key, width in cm (landscape A4 minus margins ≈ 25.7 cm), xlsx width in characters
COLUMNS: tuple[tuple[str, float, int], ...] = (
    ("no", 1.2, 6),
    ("item", 3.0, 16),
    ("quote", 5.2, 36),
    ("problem", 5.0, 36),
    ("basis", 5.0, 36),
    ("suggestion_long", 4.8, 32),
    ("severity", 1.5, 8),
)


def rows(ctx: RenderContext) -> list[list[str]]:
    """The table body: one row per (unwaived) finding, in reading order."""
    out: list[list[str]] = []
    for _, measure, findings in ctx.groups(ctx.for_comments()):
        for f in findings:
            out.append(
                [
                    str(len(out) + 1),
                    _item(ctx, f, measure),
                    f.evidence.local or "",
                    f.message,
                    _basis(ctx, f),
                    f.suggestion or "",
                    ctx.sev(f.severity),
                ]
            )
    return out


def _item(ctx: RenderContext, f: Finding, measure) -> str:
    if measure is not None:
        return ctx.measure_heading(measure)
    if f.local_item:
        return f.local_item
    if f.parent_item:
        return "—"
    return ctx.t("group.front")


def _basis(ctx: RenderContext, f: Finding) -> str:
    return ctx.basis(f)


def title_of(ctx: RenderContext) -> str:
    return f"{ctx.draft.title or ctx.t('title_untitled')} {ctx.t('feedback_title')}"


class FeedbackFormatter(Formatter):
    name = "feedback"
    description = "意见反馈表 (feedback form): a .docx table, or .xlsx when the output ends in .xlsx"
    binary = True
    needs_output = True
    suffixes = (".docx", ".xlsx")

    def render(self, ctx: RenderContext) -> bytes:
        if (ctx.output or "").lower().endswith(".xlsx"):
            return render_xlsx(ctx)
        return render_docx(ctx)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = tr_pr.makeelement(qn("w:tblHeader"), {})
    tr_pr.append(el)


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:cantSplit"), {}))


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    tc_pr.append(
        tc_pr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    )


def render_docx(ctx: RenderContext) -> bytes:
    doc = docx.Document()
    style_document(doc)
    doc.styles["Normal"].font.size = Pt(10.5)
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Cm(2.0))
    sec.top_margin = sec.bottom_margin = Cm(1.8)
    doc.core_properties.title = title_of(ctx)
    doc.core_properties.author = "plancheck"

    body = rows(ctx)
    table = doc.add_table(rows=2, cols=len(COLUMNS))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    title_cell = table.rows[0].cells[0].merge(table.rows[0].cells[-1])
    tp = title_cell.paragraphs[0]
    tp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = tp.add_run(title_of(ctx))
    run.bold = True
    run.font.size = Pt(15)
    for i, (key, _, _) in enumerate(COLUMNS):
        _shade(table.rows[1].cells[i], "DDE4EE")
        p = table.rows[1].cells[i].paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(ctx.t(key)).bold = True
    _repeat_header(table.rows[0])
    _repeat_header(table.rows[1])
    for values in body:
        row = table.add_row()
        _cant_split(row)
        for i, value in enumerate(values):
            p = row.cells[i].paragraphs[0]
            if i in (0, len(values) - 1):
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(value)
    for row in table.rows:
        for i, (_, width, _) in enumerate(COLUMNS):
            row.cells[i].width = Cm(width)
    if not body:
        doc.add_paragraph(ctx.t("no_findings"))
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_zip(buf.getvalue())


def render_xlsx(ctx: RenderContext) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = ctx.t("feedback_title")[:31]
    n = len(COLUMNS)
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.cell(row=1, column=1, value=title_of(ctx)).font = Font(bold=True, size=14)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.row_dimensions[1].height = 28
    for i, (key, _, width) in enumerate(COLUMNS, start=1):
        c = ws.cell(row=2, column=i, value=ctx.t(key))
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDE4EE")
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = border
        ws.column_dimensions[get_column_letter(i)].width = width
    for r, values in enumerate(rows(ctx), start=3):
        for i, value in enumerate(values, start=1):
            c = ws.cell(row=r, column=i, value=int(value) if i == 1 else value)
            c.alignment = Alignment(
                vertical="top", wrap_text=True, horizontal="center" if i in (1, n) else "left"
            )
            c.border = border
    ws.freeze_panes = "A3"
    ws.print_title_rows = "1:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.creator = "plancheck"
    wb.properties.title = title_of(ctx)
    buf = io.BytesIO()
    wb.save(buf)
    return normalize_zip(buf.getvalue())
