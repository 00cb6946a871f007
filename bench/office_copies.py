"""Make the .docx and .pdf an office would make of a plain-text draft, for the fidelity fixtures.

The .docx is written with python-docx the way drafting offices set a 征求意见稿: 方正小标宋/仿宋 fonts
(仿宋_GB2312 named for East Asian text), first-line indents, and a centred “— N —” page number in the
footer; a running header carries the document's short title, so the PDF has lines that repeat on every
page. The .pdf is LibreOffice's rendering of that .docx (`soffice --headless --convert-to pdf`), whose
text layer has the spacing quirks a real exported PDF has.

    python -m bench.office_copies fixtures/chengzhong-district-draft.txt fixtures/

`numbered=True` (`--numbered`) sets the printed numbering (一、 （一） 1. 1、 （1）) as Word automatic
numbering instead, as offices that use Word's 编号 button do: the number leaves the paragraph's text
and lives in numbering.xml (a `w:numPr` on the paragraph), restarting where the printed numbers restart.

Needs LibreOffice (Debian: libreoffice-writer-nogui, fonts-noto-cjk) only to regenerate; the files it
writes are committed, so tests never need it.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HEADER = "征求意见稿"
_TITLE_ENDS = ("稿）", "稿)", "方案", "通知", "意见", "规划", "办法", "》")


def _east_asian(run: object, font: str) -> None:
    from docx.oxml.ns import qn

    rpr = run._element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:ascii"), font)
    fonts.set(qn("w:hAnsi"), font)


def _field(paragraph: object, instr: str) -> None:
    """A PAGE or NUMPAGES field as Word stores it: the renderer fills it in on each page."""
    from docx.oxml.ns import qn

    run = paragraph.add_run()  # type: ignore[attr-defined]
    fld = run._element.makeelement(qn("w:fldSimple"), {qn("w:instr"): instr})
    inner = fld.makeelement(qn("w:r"), {})
    text = inner.makeelement(qn("w:t"), {})
    text.text = "1"
    inner.append(text)
    fld.append(inner)
    run._element.addnext(fld)


def _page_number(paragraph: object, style: str) -> None:
    """`— 3 —` (the usual style of 公文) or `第3页 共21页`."""
    if style == "dash":
        paragraph.add_run("— ")  # type: ignore[attr-defined]
        _field(paragraph, "PAGE")
        paragraph.add_run(" —")  # type: ignore[attr-defined]
    else:
        paragraph.add_run("第")  # type: ignore[attr-defined]
        _field(paragraph, "PAGE")
        paragraph.add_run("页 共")  # type: ignore[attr-defined]
        _field(paragraph, "NUMPAGES")
        paragraph.add_run("页")  # type: ignore[attr-defined]


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
# a printed item number: 一、 （一） (一) 1. 1． 1、 （1） — not 1.5万 nor 2025年
_PRINTED = re.compile(
    r"^(?:(?P<open>[（(])(?P<n1>[一二三四五六七八九十]{1,3}|\d{1,3})(?P<close1>[）)])"
    r"|(?P<n2>[一二三四五六七八九十]{1,3}|\d{1,3})(?P<close2>[、．.])(?!\d))"
)


def _chinese_value(numeral: str) -> int:
    """一 … 九十九 as a number (十一 = 11, 二十 = 20, 二十一 = 21)."""
    if "十" not in numeral:
        return _CN_DIGITS.get(numeral, 0) if len(numeral) == 1 else 0
    tens, _, ones = numeral.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def printed_number(text: str) -> tuple[str, str, int, int] | None:
    """(numFmt, lvlText, value, length) of the item number a line starts with, or None."""
    m = _PRINTED.match(text)
    if m is None:
        return None
    numeral = m.group("n1") or m.group("n2")
    if numeral.isdigit():
        fmt, value = "decimal", int(numeral)
    else:
        fmt, value = "chineseCounting", _chinese_value(numeral)
    if value <= 0:
        return None
    template = f"{m.group('open') or ''}%1{m.group('close1') or m.group('close2')}"
    return fmt, template, value, m.end()


class _AutoNumbering:
    """Word list definitions for the printed numbers: one single-level list per numbering style;
    a new w:num (startOverride) wherever the printed count does not go on from the last one."""

    def __init__(self, document: object) -> None:
        self.numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
        self.styles: dict[tuple[str, str], int] = {}  # (numFmt, lvlText) -> abstractNumId
        self.current: dict[tuple[str, str], tuple[int, int]] = {}  # style -> (numId, last value)
        ids = [int(x) for x in self.numbering.xpath("./w:abstractNum/@w:abstractNumId")]
        nums = [int(x) for x in self.numbering.xpath("./w:num/@w:numId")]
        self.next_abstract = max(ids, default=0) + 1
        self.next_num = max(nums, default=0) + 1

    def _xml(self, text: str) -> object:
        from docx.oxml import parse_xml

        ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        return parse_xml(text.replace(">", f" {ns}>", 1))  # the namespace declared on the outer tag

    def num_id(self, fmt: str, template: str, value: int) -> int:
        style = (fmt, template)
        if style not in self.styles:
            aid = self.next_abstract
            self.next_abstract += 1
            self.styles[style] = aid
            abstract = self._xml(
                f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="singleLevel"/>'
                f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{template}"/><w:lvlJc w:val="left"/>'
                '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl></w:abstractNum>'
            )
            first_num = self.numbering.find(qn_w("num"))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                self.numbering.append(abstract)
        num, last = self.current.get(style, (0, 0))
        if not num or value != last + 1:
            num = self.next_num
            self.next_num += 1
            # every w:num of one w:abstractNum shares its count unless it restarts it (startOverride)
            override = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{value}"/></w:lvlOverride>'
            self.numbering.append(
                self._xml(f'<w:num w:numId="{num}"><w:abstractNumId w:val="{self.styles[style]}"/>{override}</w:num>')
            )
        self.current[style] = (num, value)
        return num


def qn_w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


def _number_paragraph(paragraph: object, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    numpr = ppr.makeelement(qn_w("numPr"), {})
    ilvl = numpr.makeelement(qn_w("ilvl"), {qn_w("val"): "0"})
    nid = numpr.makeelement(qn_w("numId"), {qn_w("val"): str(num_id)})
    numpr.extend([ilvl, nid])
    ppr.insert(0, numpr)


def make_docx(
    lines: list[str],
    out: Path,
    *,
    justify: bool = False,
    page_style: str = "dash",
    numbered: bool = False,
    tables: bool = False,
    header: str = HEADER,
) -> None:
    """One paragraph per non-blank line; the first (title) lines centred in 小标宋; with `numbered`,
    the item numbers the lines start with become Word automatic numbering; with `tables`, two or more
    lines in a row split by tabs (a task table kept as text) become a Word table, a row a line."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = header
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(footer, page_style)
    auto = _AutoNumbering(d) if numbered else None
    title = 3  # the title: up to three leading lines, ending with the line that ends like a title
    rows = [line.strip() for line in lines if line.strip()]
    k = 0
    while k < len(rows):
        text = rows[k]
        k += 1
        run_end = k
        while tables and "\t" in text and run_end < len(rows):
            if "\t" in rows[run_end]:
                run_end += 1
            elif run_end + 1 < len(rows) and "\t" in rows[run_end + 1] and len(rows[run_end]) <= 40:
                run_end += 2  # a section line between rows (一、…): a merged row of the table
            else:
                break
        if run_end - k >= 1:
            _table(d, rows[k - 1 : run_end])
            k = run_end
            continue
        if len(text) > 60:  # a long line is body text, however early (a one-line page)
            title = 0
        p = d.add_paragraph()
        found = printed_number(text) if auto is not None and not title and "\t" not in text else None
        if found is not None and auto is not None:
            fmt, template, value, length = found
            _number_paragraph(p, auto.num_id(fmt, template, value))
            text = text[length:].lstrip()
        run = p.add_run(text)
        run.font.size = Pt(16)  # 三号 body
        if title:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.font.size = Pt(22)  # 二号 title
            _east_asian(run, "方正小标宋简体")
            title = 0 if text.endswith(_TITLE_ENDS) else title - 1
        else:
            p.paragraph_format.first_line_indent = Pt(32)
            if justify:
                p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            _east_asian(run, "仿宋_GB2312")
    d.save(str(out))


def _table(d: object, rows: list[str]) -> None:
    """Tab-separated lines as a ruled Word table (表格), 仿宋 四号 in the cells; a line without tabs
    (a section heading among the rows) as a row merged across the table."""
    from docx.shared import Pt

    cells = [row.split("\t") for row in rows]
    width = max(len(c) for c in cells)
    table = d.add_table(rows=len(cells), cols=width)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for r, row in enumerate(cells):
        if len(row) == 1:
            table.cell(r, 0).merge(table.cell(r, width - 1))
        for c, value in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            run = paragraph.add_run(value.strip())
            run.font.size = Pt(14)
            _east_asian(run, "仿宋_GB2312")


def to_pdf(docx_path: Path, out_dir: Path) -> Path:
    return to_pdfs([docx_path], out_dir)[0]


def to_pdfs(docx_paths: list[Path], out_dir: Path) -> list[Path]:
    """Each .docx printed to PDF by LibreOffice, all in one start of it (a start costs seconds)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice is needed: apt-get install libreoffice-writer-nogui fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out_dir), *map(str, docx_paths)],
            check=True, capture_output=True, timeout=300 + 30 * len(docx_paths),
        )  # fmt: skip
    return [out_dir / (p.stem + ".pdf") for p in docx_paths]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--justify", action="store_true", help="justified body text (两端对齐)")
    ap.add_argument("--numbered", action="store_true", help="item numbers as Word automatic numbering")
    ap.add_argument("--tables", action="store_true", help="tab-separated lines as a Word table")
    ap.add_argument("--page-style", choices=["dash", "of"], default="dash", help="— 3 — or 第3页 共21页")
    args = ap.parse_args(argv)
    lines = args.text.read_text("utf-8").splitlines()
    out = args.out_dir / (args.text.stem + ".docx")
    make_docx(lines, out, justify=args.justify, page_style=args.page_style, numbered=args.numbered, tables=args.tables)
    pdf = to_pdf(out, args.out_dir)
    print(out, pdf)


if __name__ == "__main__":
    main()
