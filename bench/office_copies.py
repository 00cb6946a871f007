"""Make the .docx and .pdf an office would make of a plain-text draft, for the fidelity fixtures.

The .docx is written with python-docx the way drafting offices set a 征求意见稿: 方正小标宋/仿宋 fonts
(仿宋_GB2312 named for East Asian text), first-line indents, and a centred “— N —” page number in the
footer; a running header carries the document's short title, so the PDF has lines that repeat on every
page. The .pdf is LibreOffice's rendering of that .docx (`soffice --headless --convert-to pdf`), whose
text layer has the spacing quirks a real exported PDF has.

    python -m bench.office_copies fixtures/chengzhong-district-draft.txt fixtures/

Needs LibreOffice (Debian: libreoffice-writer-nogui, fonts-noto-cjk) only to regenerate; the files it
writes are committed, so tests never need it.
"""

from __future__ import annotations

import argparse
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


def make_docx(lines: list[str], out: Path, *, justify: bool = False, page_style: str = "dash") -> None:
    """One paragraph per non-blank line; the first (title) lines centred in 小标宋."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = HEADER
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(footer, page_style)
    title = 3  # the title: up to three leading lines, ending with the line that ends like a title
    for line in lines:
        text = line.strip()
        if not text:
            continue
        p = d.add_paragraph()
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


def to_pdf(docx_path: Path, out_dir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice is needed: apt-get install libreoffice-writer-nogui fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out_dir), str(docx_path)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    return out_dir / (docx_path.stem + ".pdf")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--justify", action="store_true", help="justified body text (两端对齐)")
    ap.add_argument("--page-style", choices=["dash", "of"], default="dash", help="— 3 — or 第3页 共21页")
    args = ap.parse_args(argv)
    lines = args.text.read_text("utf-8").splitlines()
    out = args.out_dir / (args.text.stem + ".docx")
    make_docx(lines, out, justify=args.justify, page_style=args.page_style)
    pdf = to_pdf(out, args.out_dir)
    print(out, pdf)


if __name__ == "__main__":
    main()
