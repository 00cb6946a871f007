"""意见反馈表: the form a reviewing office sends back, one row per finding.

.docx (landscape A4 table, GB/T 9704 fonts, page numbers) by default; .xlsx when the output path
ends with .xlsx. Above the table: 反馈单位 (--author), 联系人, 联系电话, 日期 for the sender to complete;
the last column, 采纳情况, is for the drafting office's answer.

A form is read and sent, not searched: long quotes are shortened in the middle on word boundaries
(the whole texts are in the other reports), the table is set in 小五 with narrow cell margins, and
only a tall row may run on to the next page (keeping every row whole left half pages blank).
"""

from __future__ import annotations

import io
import math
import re
import unicodedata

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from engine.models import Finding
from engine.quote import shorten
from engine.report.base import Formatter, RenderContext, normalize_zip
from engine.report.docx import HEADING_FONT, _fonts, a4, page_numbers, properties, style_document

# column key, width in cm (landscape A4 minus 2 cm margins = 25.7 cm), xlsx width in characters
COLUMNS: tuple[tuple[str, float, int], ...] = (
    ("no", 1.0, 5),
    ("item", 2.7, 14),
    ("quote", 4.2, 24),
    ("problem", 5.2, 30),
    ("basis", 5.4, 30),
    ("suggestion_long", 4.4, 26),
    ("severity", 1.0, 6),
    ("reply", 1.8, 10),
)
TABLE_PT = 9  # 小五号: a form of 50 rows in a few pages, still read without a magnifier
# the longest quotes kept whole, in characters: evidence, a quote inside a message or suggestion,
# and the parent clause cited as the basis
QUOTE_MAX, INNER_MAX, BASIS_MAX = 50, 36, 60
_QUOTED = re.compile(r"“([^“”]{" + str(INNER_MAX + 1) + r",})”")


def compact(text: str, limit: int = INNER_MAX) -> str:
    """`text` with every quoted passage longer than `limit` shortened in the middle on word boundaries
    (“建立全区……监督信息系统。”): the form names what is meant, the full text is in the other reports."""
    return _QUOTED.sub(lambda m: "“" + shorten(m.group(1), limit) + "”", text)


def rows(ctx: RenderContext) -> list[list[str]]:
    """The table body: one row per (unwaived) finding at or above --min-severity, in reading order."""
    out: list[list[str]] = []
    for _, measure, findings in ctx.groups(ctx.office_findings()):
        for f in findings:
            out.append(
                [
                    str(len(out) + 1),
                    _item(ctx, f, measure),
                    shorten(f.evidence.local or "", QUOTE_MAX),
                    compact(f.message),
                    shorten(compact(_basis(ctx, f), BASIS_MAX), BASIS_MAX + 20),
                    compact(f.suggestion or ""),
                    ctx.sev(f.severity),
                    "",
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
    """The parent's words a finding rests on; for a draft-only finding, the parent clause its quoted
    words are aligned to (else the parent measure's heading), wherever there is a parent clause."""
    if f.parent_item or f.evidence.parent or not f.local_item or ctx.parent is None:
        return ctx.basis(f)
    for pair in ctx.report.alignment:
        if not pair.parent_item or f.local_item not in pair.local_items or pair.relation in ("added", "general"):
            continue
        head = ctx.parent_heading(pair.parent_item)
        quote = f.evidence.local or ""
        for c in pair.clauses:
            if c.local_item == f.local_item and c.parent_text and quote and quote in (c.local_text or ""):
                return f"{head}{ctx.colon}“{c.parent_text}”"
        return head
    return ""


def header_fields(ctx: RenderContext) -> list[tuple[str, str]]:
    """(label, value) above the table; blanks are for the sender to fill in."""
    return [
        (ctx.t("fb.unit"), ctx.author),
        (ctx.t("fb.contact"), ""),
        (ctx.t("fb.phone"), ""),
        (ctx.t("fb.date"), ctx.date),
    ]


def title_of(ctx: RenderContext) -> str:
    return f"{ctx.draft_title or ctx.t('title_untitled')} {ctx.t('feedback_title')}"


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


def _cell_margins(table, top_bottom_cm: float = 0.05, sides_cm: float = 0.1) -> None:
    """Narrow cell margins for the whole table (Word's default 0.19 cm each side wastes a column)."""
    tbl_pr = table._tbl.tblPr
    mar = tbl_pr.makeelement(qn("w:tblCellMar"), {})
    for side, cm in (("top", top_bottom_cm), ("left", sides_cm), ("bottom", top_bottom_cm), ("right", sides_cm)):
        mar.append(mar.makeelement(qn(f"w:{side}"), {qn("w:w"): str(int(Cm(cm).twips)), qn("w:type"): "dxa"}))
    tbl_pr.append(mar)


KEEP_LINES = 8  # rows up to this many lines are never split over two pages


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:cantSplit"), {}))


def _docx_lines(values: list[str]) -> int:
    """Lines the row's tallest cell takes at TABLE_PT in the columns' widths (a CJK character is one
    em wide; the cell margins take 0.2 cm)."""
    em_cm = TABLE_PT / 72 * 2.54
    return max(
        max(1, math.ceil(_width(v) / 1.8 / max(1.0, (w - 0.2) / em_cm)))
        for v, (_, w, _) in zip(values, COLUMNS, strict=True)
    )


def _tight(p, pt: float) -> None:
    """A table paragraph: no space around it, single spacing, the table's size."""
    pf = p.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    for r in p.runs:
        r.font.size = Pt(pt)


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    tc_pr.append(
        tc_pr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    )


def _grid(table, widths: list[float]) -> None:
    """Column widths Word and LibreOffice both honour: the table grid, every cell, a fixed layout."""
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for row in table.rows:
        for i, w in enumerate(widths):
            row.cells[i].width = Cm(w)


def render_docx(ctx: RenderContext) -> bytes:
    doc = docx.Document()
    style_document(doc, body_pt=10.5)
    sec = doc.sections[0]
    a4(sec, landscape=True)
    page_numbers(sec)
    properties(doc, ctx.author, title_of(ctx))

    title = doc.add_paragraph(style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(title_of(ctx)).font.size = Pt(16)  # 三号: a long draft title still fits on a line or two
    fields = doc.add_paragraph()
    fields.paragraph_format.space_before = Pt(4)
    fields.paragraph_format.space_after = Pt(4)
    for k, (name, value) in enumerate(header_fields(ctx)):
        fields.add_run(("\u3000\u3000" if k else "") + name + "：")
        blank = fields.add_run(value or "\u3000" * (10 if k == 0 else 6))
        blank.underline = True
    for r in fields.runs:
        r.font.size = Pt(12)

    body = rows(ctx)
    table = doc.add_table(rows=1, cols=len(COLUMNS))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _cell_margins(table)
    for i, (key, _, _) in enumerate(COLUMNS):
        _shade(table.rows[0].cells[i], "DDE4EE")
        p = table.rows[0].cells[i].paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(ctx.t(key))
        run.bold = True
        _fonts(run._r, HEADING_FONT)
        _tight(p, TABLE_PT + 1)
    _repeat_header(table.rows[0])
    centred = {0, len(COLUMNS) - 2}
    for values in body:
        row = table.add_row()
        if _docx_lines(values) <= KEEP_LINES:
            _cant_split(row)  # a short row kept whole; a tall one may run on rather than leave a gap
        for i, value in enumerate(values):
            p = row.cells[i].paragraphs[0]
            if i in centred:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(value)
            _tight(p, TABLE_PT)
    _grid(table, [w for _, w, _ in COLUMNS])
    if not body:
        doc.add_paragraph(ctx.t("no_findings"))
    buf = io.BytesIO()
    doc.save(buf)
    return normalize_zip(buf.getvalue(), ctx.date)


def _width(text: str) -> float:
    """Display width in spreadsheet column units (the width of a digit): a CJK or full-width
    character at the table's size takes about 1.8 (measured on LibreOffice's rendering)."""
    return sum(1.8 if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)


def _row_height(values: list[str], pt: float = TABLE_PT + 1) -> float:
    """Points a wrapped row needs: its tallest cell's lines at the columns' widths."""
    lines = max(
        max(1, math.ceil(_width(v) / max(1, width - 1))) + v.count("\n")
        for v, (_, _, width) in zip(values, COLUMNS, strict=True)
    )
    return round(lines * pt * 1.4 + 3, 1)  # a little to spare where the font runs wider


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
    blank = "\u3000" * 6
    line = "\u3000\u3000".join(f"{name}：{value or blank}" for name, value in header_fields(ctx))
    ws.cell(row=2, column=1, value=line).alignment = Alignment(vertical="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=n)
    ws.row_dimensions[2].height = 22
    for i, (key, _, width) in enumerate(COLUMNS, start=1):
        c = ws.cell(row=3, column=i, value=ctx.t(key))
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDE4EE")
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = border
        ws.column_dimensions[get_column_letter(i)].width = width
    for r, values in enumerate(rows(ctx), start=4):
        for i, value in enumerate(values, start=1):
            c = ws.cell(row=r, column=i, value=int(value) if i == 1 else value)
            c.alignment = Alignment(
                vertical="top", wrap_text=True, horizontal="center" if i in (1, n - 1) else "left"
            )
            c.font = Font(size=TABLE_PT + 1)
            c.border = border
        # neither openpyxl nor LibreOffice sizes a wrapped row on opening: state each row's height
        ws.row_dimensions[r].height = _row_height(values)
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.creator = ctx.author or "plancheck"
    wb.properties.title = title_of(ctx)
    buf = io.BytesIO()
    wb.save(buf)
    return normalize_zip(buf.getvalue(), ctx.date)
