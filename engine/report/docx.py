"""The draft returned as a Word document with one comment (批注) per finding, on the exact words.

For a .docx draft the original file is read (never written) and a copy is returned with comments;
for any other draft a plain .docx rendering of its paragraphs is built first. A Word comment spans
whole runs, so the run holding the start and the end of the quoted text is split there first.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections import Counter
from pathlib import Path

import docx
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from engine.ingest import reread
from engine.ingest.hidden import reading, shown_runs
from engine.models import Finding
from engine.report.base import Formatter, RenderContext, normalize_zip, title_as_written

AUTHOR = "plancheck"
INITIALS = "PC"
# GB/T 9704 (党政机关公文格式): body 仿宋_GB2312 三号, level-1 headings 黑体, level-2 楷体_GB2312,
# title 方正小标宋简体 二号. Each named font gets a fallback a plain Windows or Linux office has.
CJK_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
KAI_FONT = "楷体_GB2312"
TITLE_FONT = "方正小标宋简体"
LATIN_FONT = "Times New Roman"
FALLBACKS = {CJK_FONT: "仿宋", KAI_FONT: "楷体", TITLE_FONT: "宋体", HEADING_FONT: "SimHei"}


class DocxFormatter(Formatter):
    name = "docx"
    description = "the draft as .docx with a Word comment (批注) on the text of each finding"
    binary = True
    needs_output = True
    suffixes = (".docx",)

    def render(self, ctx: RenderContext) -> bytes:
        src = ctx.draft_source_path
        if src.lower().endswith(".docx") and Path(src).is_file():
            doc = docx.Document(io.BytesIO(reread(src, ctx.draft.sha256)))  # read-only: the original stays
            paras = all_paragraphs(doc)
            by_line = {i + 1: p for i, p in enumerate(paras)}
        else:
            doc, by_line = build_rendering(ctx)
            paras = [by_line[k] for k in sorted(by_line)]
        # a copy made from a draft plancheck already commented keeps those comments and adds no twin
        # (counted: the same words may rightly stand on several places)
        seen = Counter(_squash(c.text) for c in doc.comments)
        author = ctx.author or AUTHOR
        initials = ctx.author[:4] if ctx.author else INITIALS
        stamp = dt.datetime.fromisoformat(ctx.date) if ctx.date else None
        with reading(doc):  # its hidden text is not the text read: no comment is anchored on it (ingest/hidden.py)
            for _, _, findings in ctx.groups(ctx.office_findings()):
                for f in findings:
                    text = comment_text(ctx, f)
                    if seen[_squash(text)] > 0:
                        seen[_squash(text)] -= 1
                        continue
                    para, start, end = locate(ctx, f, paras, by_line)
                    runs = anchor(para, start, end)
                    comment = doc.add_comment(runs, text=text, author=author, initials=initials)
                    comment._comment_elm.date = stamp  # the run's date or none: never the clock
        if ctx.author:
            doc.core_properties.last_modified_by = ctx.author
        buf = io.BytesIO()
        doc.save(buf)
        return normalize_zip(buf.getvalue(), ctx.date)


def _squash(text: str) -> str:
    return "".join(text.split())


def comment_text(ctx: RenderContext, f: Finding) -> str:
    lines = [f"【{ctx.sev(f.severity)}】{f.message}", ctx.t("rule_line", rule=f.rule)]
    if f.suggestion:
        lines.append(f"{ctx.t('suggestion')}{ctx.colon}{f.suggestion}")
    if f.parent_item or f.evidence.parent:
        basis = ctx.basis(f)
        lines.append(f"{ctx.t('basis')}{ctx.colon}{basis}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- finding the text


def all_paragraphs(doc: DocumentObject) -> list[DocxParagraph]:
    """Body paragraphs and table-cell paragraphs in document order, vertically merged cells once:
    the numbering engine.ingest.readers.read_docx gives as `line`."""
    from docx.table import _Cell

    from engine.ingest.readers import iter_docx_blocks

    out: list[DocxParagraph] = []

    def walk(blocks) -> None:
        for block in blocks:
            if isinstance(block, Table):
                for tr in block._tbl.tr_lst:
                    for tc in tr.tc_lst:
                        if tc.vMerge == "continue":
                            continue
                        walk(iter_docx_blocks(_Cell(tc, block)))
            else:
                out.append(block)

    walk(iter_docx_blocks(doc))
    return out


def _runs_text(p: DocxParagraph) -> str:
    """The paragraph's printed run text: its hidden runs left out, as the reader leaves them (engine/ingest/hidden.py)."""
    return "".join(r.text for r in shown_runs(p))


def _nearest(text: str, needle: str, near: int) -> int:
    """Offset of the occurrence of `needle` in `text` closest to `near`, or -1."""
    best, i = -1, text.find(needle)
    while i >= 0:
        if best < 0 or abs(i - near) < abs(best - near):
            best = i
        i = text.find(needle, i + 1)
    return best


def locate(
    ctx: RenderContext, f: Finding, paras: list[DocxParagraph], by_line: dict[int, DocxParagraph]
) -> tuple[DocxParagraph, int, int]:
    """(paragraph, start, end) of the finding's quoted text; the whole paragraph when the quote is
    not there; the first non-empty paragraph for findings with no location."""
    line = f.line
    if not line and (m := ctx.draft_measure(f.local_item)):
        line = m.line
    first = next((p for p in paras if _runs_text(p).strip()), paras[0] if paras else None)
    para = by_line.get(line) if line else None
    needle = (f.evidence.local or "").strip()
    if para is not None and needle:
        text = _runs_text(para)
        k = _nearest(text, needle, max(f.column - 1, 0))
        if k >= 0:
            return para, k, k + len(needle)
    if needle:  # numbering differs from ingest's, or no line: look near the line for the quote
        want = next((p.orig.strip() for p in ctx.draft.paragraphs if p.line == line), "") if line else ""
        order = sorted(range(len(paras)), key=lambda i: abs(i + 1 - (line or 1)))
        for i in order:
            text = _runs_text(paras[i])
            if want and text.strip() != want:
                continue
            k = _nearest(text, needle, max(f.column - 1, 0))
            if k >= 0:
                return paras[i], k, k + len(needle)
        for i in order:
            text = _runs_text(paras[i])
            k = _nearest(text, needle, max(f.column - 1, 0))
            if k >= 0:
                return paras[i], k, k + len(needle)
    if para is None:
        para = first
    if para is None:
        raise ValueError("the draft has no paragraphs")
    return para, 0, len(_runs_text(para))


# --------------------------------------------------------------------------- anchoring


def _splittable(run: Run) -> bool:
    return all(child.tag in (qn("w:rPr"), qn("w:t")) for child in run._r)


def _split(run: Run, k: int) -> Run:
    """Split `run` at character k; both halves keep its formatting. Returns the right half."""
    text = run.text
    right = copy.deepcopy(run._r)
    run._r.addnext(right)
    run.text = text[:k]
    right_run = Run(right, run._parent)
    right_run.text = text[k:]
    return right_run


def _spans(p: DocxParagraph) -> list[tuple[Run, int, int]]:
    out, pos = [], 0
    for r in shown_runs(p):  # a hidden run is no text to anchor on (nor to edit)
        n = len(r.text)
        out.append((r, pos, pos + n))
        pos += n
    return out


def anchor(p: DocxParagraph, start: int, end: int) -> list[Run]:
    """The runs covering exactly [start, end) of the paragraph's run text, splitting runs as needed."""
    spans = [s for s in _spans(p) if s[2] > s[1]]
    if not spans:
        return [p.runs[0] if p.runs else p.add_run("")]
    end = max(end, start + 1)
    first = next((s for s in spans if s[1] <= start < s[2]), spans[0])
    run, s, _ = first
    if start > s and _splittable(run):
        _split(run, start - s)
    spans = [s for s in _spans(p) if s[2] > s[1]]
    last = next((s for s in spans if s[1] < end <= s[2]), spans[-1])
    run, s, e = last
    if end < e and _splittable(run):
        _split(run, end - s)
    spans = [s for s in _spans(p) if s[2] > s[1]]
    first_run = next((r for r, s, e in spans if s <= start < e), spans[0][0])
    last_run = next((r for r, s, e in spans if s < end <= e), spans[-1][0])
    return [first_run, last_run]


# --------------------------------------------------------------------------- non-.docx drafts


def _fonts(style_or_run_element, east_asian: str) -> None:
    rpr = style_or_run_element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east_asian)
    for attr in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), LATIN_FONT)


def _font_fallbacks(doc: DocumentObject) -> None:
    """Tell Word which font to use where a GB/T 9704 font is not installed (fontTable altName)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    part = next((r.target_part for r in doc.part.rels.values() if r.reltype == RT.FONT_TABLE), None)
    if part is None:
        return
    from docx.oxml.parser import parse_xml

    root = parse_xml(part.blob)
    have = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for name, alt in FALLBACKS.items():
        if name in have:
            continue
        font = root.makeelement(qn("w:font"), {qn("w:name"): name})
        font.append(font.makeelement(qn("w:altName"), {qn("w:val"): alt}))
        font.append(font.makeelement(qn("w:charset"), {qn("w:val"): "86"}))  # GB2312
        root.append(font)
    from lxml import etree

    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def a4(section, *, landscape: bool = False) -> None:
    """A4 with GB/T 9704 margins (portrait), or 2 cm all round for a landscape form."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
        section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.footer_distance = Cm(1.4)


def page_numbers(section) -> None:
    """“— 1 —” centred in the footer, 宋体 四号 as GB/T 9704 has it."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def run(text: str = ""):
        r = p.add_run(text)
        r.font.size = Pt(14)
        _fonts(r._r, "宋体")
        return r

    run("— ")
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        r = run()
        if kind:
            r._r.append(r._r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind}))
        elif instr == "1":
            r.text = "1"
        else:
            el = r._r.makeelement(qn("w:instrText"), {qn("xml:space"): "preserve"})
            el.text = instr
            r._r.append(el)
    run(" —")


def properties(doc: DocumentObject, author: str, title: str) -> None:
    """Title and author from the run, never python-docx's own 'generated by python-docx'."""
    cp = doc.core_properties
    cp.title = title
    cp.author = author or AUTHOR
    cp.last_modified_by = author or AUTHOR
    cp.comments = ""
    cp.subject = ""
    cp.keywords = ""


def style_document(doc: DocumentObject, body_pt: float = 16) -> None:
    """GB/T 9704 fonts for body and headings (Word's default template names Latin fonts only)."""
    for name, font, size, bold in (
        ("Normal", CJK_FONT, body_pt, False),
        ("Title", TITLE_FONT, 22, False),
        ("Heading 1", HEADING_FONT, 16, False),
        ("Heading 2", KAI_FONT, 16, False),
        ("Heading 3", CJK_FONT, 16, True),
    ):
        style = doc.styles[name]
        _fonts(style.element, font)
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = False
        if name != "Normal":
            style.font.color.rgb = RGBColor(0, 0, 0)
            style.paragraph_format.space_before = Pt(0)
            style.paragraph_format.space_after = Pt(0)
    if body_pt >= 16:
        doc.styles["Normal"].paragraph_format.line_spacing = Pt(28)  # 22 lines a page
    title = doc.styles["Title"]
    pbdr = title.element.get_or_add_pPr().find(qn("w:pBdr"))
    if pbdr is not None:  # the default template underlines the title with a blue rule
        pbdr.getparent().remove(pbdr)
    _font_fallbacks(doc)


def build_rendering(ctx: RenderContext) -> tuple[DocumentObject, dict[int, DocxParagraph]]:
    """A .docx with one paragraph per draft paragraph; title and section headings styled.

    Only `ctx.draft` (and `ctx.author` when there is one) is read: `plancheck fix` passes just a plan.
    """
    doc = docx.Document()
    style_document(doc)
    a4(doc.sections[0])
    page_numbers(doc.sections[0])
    properties(doc, getattr(ctx, "author", ""), title_as_written(ctx.draft))
    plan = ctx.draft
    top = min((s.depth for s in plan.sections), default=0)
    heading_depth = {s.line: min(s.depth - top + 1, 3) for s in plan.sections}
    measure_lines = {m.line for m in plan.measures}
    body_start = min([*heading_depth, *measure_lines], default=0)
    title = plan.title.replace(" ", "")
    by_line: dict[int, DocxParagraph] = {}
    for para in plan.paragraphs:
        text = para.orig.strip()
        compact = para.text.replace(" ", "").strip()
        if para.line in heading_depth:
            p = doc.add_paragraph(style=f"Heading {heading_depth[para.line]}")
        elif (not body_start or para.line < body_start) and compact and title and compact in title:
            p = doc.add_paragraph(style="Title")
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p = doc.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(32)  # two characters of 三号
        if text:
            p.add_run(text)
        by_line.setdefault(para.line, p)
    if not by_line:
        by_line[1] = doc.add_paragraph()
    return doc, by_line
