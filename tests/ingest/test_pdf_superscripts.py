"""Footnote marks set as superscripts in a PDF (issue #16, blind13 新疆: Word footnotes through LibreOffice). A mark
raised on a baseline of its own broke its paragraph in two before the line it stood in (the measure's clause then
read as "apart from the measure"); a mark raised less was glued to the text as a digit ("林1改造", "示范园2200 个").
Either way the paragraph now stays whole and the mark goes, as a .docx's footnote marks do (the notes are kept
apart); a superscript after a Latin letter or a digit (m², 10⁶) stays in the text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from engine.ingest import load_document

LEFT, SIZE, WIDTH = 72.0, 12.0, 20  # a text block 20 characters wide
_MARK = re.compile(r"\^(\S)")


def _typeset(path: Path, paragraphs: list[str], rise: float, note: str) -> Path:
    """Wrap paragraphs at 20 characters (two-character first-line indent); "^x" prints x as a 7-point superscript
    raised by `rise` points, taking no room in the count (as Word's footnote reference does)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    y = 760.0
    for text in paragraphs:
        x, room = LEFT + 2 * SIZE, WIDTH - 2
        n = 0
        k = 0
        while k < len(text):
            if text[k] == "^":
                c.setFont("STSong-Light", 7)
                c.drawString(x, y + rise, text[k + 1])
                x += pdfmetrics.stringWidth(text[k + 1], "STSong-Light", 7)
                k += 2
                continue
            c.setFont("STSong-Light", SIZE)
            c.drawString(x, y, text[k])
            x += pdfmetrics.stringWidth(text[k], "STSong-Light", SIZE)
            n += 1
            k += 1
            if n == room and k < len(text):
                y -= SIZE * 1.5
                x, room, n = LEFT, WIDTH, 0
        y -= SIZE * 1.5
    c.setFont("STSong-Light", 9)
    c.drawString(LEFT, 70, note)
    c.showPage()
    c.save()
    return path


PARAS = [
    "二、重点任务",
    "（一）改造低产低效林。分年度实施低产低效林^1改造，三年累计改造30万亩，亩均效益提高3成以上。（县林业和草原局牵头，各乡镇配合）",
    "（二）建设示范园。每个乡镇建设示范园^2，新建温室面积达到12000m^2以上。（县农业农村局牵头，县财政局配合）",
    "（三）强化科技支撑。每年培训果农1000人次以上。（县科学技术局负责）",
]


@pytest.mark.parametrize("rise", [6.0, 3.0])  # on a baseline of its own / within the line's own row
def test_footnote_marks_go_and_the_paragraph_stays_whole(tmp_path: Path, rise: float) -> None:
    path = _typeset(tmp_path / "plan.pdf", PARAS, rise, "1低产低效林：指单位面积产量低于所在县平均水平70%的经济林。")
    doc = load_document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert texts[1] == (
        "(一)改造低产低效林。分年度实施低产低效林改造，三年累计改造30万亩，亩均效益提高3成以上。"
        "(县林业和草原局牵头，各乡镇配合)"
    )
    # the mark after 示范园 goes; the square of m² is kept (as a digit: plain text has no superscript)
    assert texts[2] == "(二)建设示范园。每个乡镇建设示范园，新建温室面积达到12000m2以上。(县农业农村局牵头，县财政局配合)"
    assert len(texts) == 4
