"""PDF text as an office printed it: lines rejoined into paragraphs, page furniture gone, no invented spaces."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.errors import PlancheckError
from engine.ingest import load_document
from engine.ingest.pdf import PAGE_NUMBER

LEFT, RIGHT, SIZE = 72.0, 72.0 + 20 * 12.0, 12.0  # a text block 20 characters wide


def _canvas(path: Path):  # type: ignore[no-untyped-def]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return canvas.Canvas(str(path))


def _typeset(
    path: Path,
    paragraphs: list[str],
    *,
    header: str = "",
    footer: str = "",
    per_page: int = 6,
    notes: dict[int, str] | None = None,
) -> Path:
    """Wrap Chinese paragraphs at 20 characters with a two-character first-line indent, as Word does."""
    lines: list[tuple[float, str]] = []
    for text in paragraphs:
        x, room = LEFT + 2 * SIZE, 18
        while text:
            lines.append((x, text[:room]))
            text = text[room:]
            x, room = LEFT, 20
    c = _canvas(path)
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    for n, page in enumerate(pages, 1):
        c.setFont("STSong-Light", 9)
        if header:
            c.drawRightString(RIGHT, 800, header)
        if footer:
            c.drawCentredString((LEFT + RIGHT) / 2, 40, footer.format(n=n, total=len(pages)))
        if notes and n in notes:
            c.drawString(LEFT, 70, notes[n])
        c.setFont("STSong-Light", SIZE)
        y = 760.0
        for x, text in page:
            c.drawString(x, y, text)
            y -= SIZE * 1.5
        c.showPage()
    c.save()
    return path


PARAS = [
    "一、总体要求",
    "到2025年，政府行为全面纳入法治轨道，职责明确、依法行政的政府治理体系日益健全，行政执法体制机制基本完善。",
    "二、工作任务",
    "1．全面实行政府权责清单制度。坚持法定职责必须为、法无授权不可为，全面厘清政府法定职责，进一步完善政府权责清单，加强标准化建设。（牵头单位：区委编办；配合单位：区司法局）",
]


def test_wrapped_lines_rejoin_across_pages_and_furniture_goes(tmp_path: Path) -> None:
    path = _typeset(tmp_path / "plan.pdf", PARAS, header="征求意见稿", footer="— {n} —", per_page=4)
    doc = load_document(str(path))
    assert [p.text for p in doc.paragraphs] == [p.replace("（", "(").replace("）", ")").replace("．", ".") for p in PARAS]
    assert doc.removed.count("征求意见稿") >= 2
    assert "— 1 —" in doc.removed and "— 2 —" in doc.removed


def test_a_running_header_that_repeats_the_title_leaves_the_title_on_the_first_page(tmp_path: Path) -> None:
    """Offices often run the document's title as the header of every page: the header goes, page by page,
    and the same words set in the text below it on the first page are the title, not furniture."""
    title = "某某区法治政府建设实施方案"
    path = _typeset(tmp_path / "plan.pdf", [title, *PARAS], header=title, footer="— {n} —", per_page=4)
    doc = load_document(str(path))
    assert [p.text for p in doc.paragraphs][:2] == [title, "一、总体要求"]
    assert doc.removed.count(title) == 3  # the header of each of the three pages


def test_page_n_of_m_footer(tmp_path: Path) -> None:
    path = _typeset(tmp_path / "plan.pdf", PARAS, footer="第{n}页 共{total}页", per_page=5)
    doc = load_document(str(path))
    assert not any("页" in p.text for p in doc.paragraphs)
    assert doc.removed[:1] == ["第1页 共2页"]


def test_header_that_repeats_only_once_is_text(tmp_path: Path) -> None:
    """A line at the top of one page is not furniture just for standing there."""
    path = _typeset(tmp_path / "plan.pdf", PARAS, per_page=50)
    doc = load_document(str(path))
    assert doc.paragraphs[0].text == "一、总体要求"
    assert doc.removed == []


def test_positioned_digits_get_no_invented_space(tmp_path: Path) -> None:
    """Glyphs set apart (autospacing between Chinese and Latin) are not a space the author typed."""
    path = tmp_path / "plan.pdf"
    c = _canvas(path)
    c.setFont("STSong-Light", SIZE)
    x = LEFT
    for piece, gap in (("到", 4), ("2025", 4), ("年底前完成，推广", 4), ("Open", 4), ("Data", 0)):
        c.drawString(x, 760, piece)
        x += c.stringWidth(piece, "STSong-Light", SIZE) + gap
    c.showPage()
    c.save()
    doc = load_document(str(path))
    assert doc.paragraphs[0].orig == "到2025年底前完成，推广Open Data"


def test_a_gap_as_wide_as_a_typed_space_stays_a_space(tmp_path: Path) -> None:
    """A full-width space the author typed (between a time and 来源, ~1 em) is kept, so the page's
    date line still reads as one; the tab after a list number (after punctuation) and autospacing
    (~0.2 em) add none."""
    path = tmp_path / "plan.pdf"
    c = _canvas(path)
    c.setFont("STSong-Light", SIZE)
    for y, pieces in (
        (760, (("2025-03-18 15:42:07", SIZE), ("来源：某市人民政府网站", 0))),
        (730, (("（一）", 1.6 * SIZE), ("推进简政", 0.2 * SIZE), ("2025", 0.2 * SIZE), ("年完成。", 0))),
    ):
        x = LEFT
        for piece, gap in pieces:
            c.drawString(x, y, piece)
            x += c.stringWidth(piece, "STSong-Light", SIZE) + gap
    c.showPage()
    c.save()
    doc = load_document(str(path))
    assert [p.orig for p in doc.paragraphs] == ["（一）推进简政2025年完成。"]
    assert "2025-03-18 15:42:07 来源：某市人民政府网站" in doc.removed  # the page's date line, as furniture


def test_a_justified_line_stretched_evenly_gets_no_spaces(tmp_path: Path) -> None:
    """Justification spreads every gap of a line alike (here 0.4 em): no typed space among them;
    one gap wider than the rest by a space's width is one."""
    path = tmp_path / "plan.pdf"
    c = _canvas(path)
    c.setFont("STSong-Light", SIZE)
    for y, text, wide in ((760, "推进简政放权改革创新", -1), (730, "市统计局市直有关部门", 3)):
        x = LEFT
        for k, ch in enumerate(text):
            c.drawString(x, y, ch)
            x += SIZE + 0.4 * SIZE + (0.35 * SIZE if k == wide else 0)
    c.showPage()
    c.save()
    assert [p.orig for p in load_document(str(path)).paragraphs] == ["推进简政放权改革创新", "市统计局 市直有关部门"]


def test_short_lines_of_a_sparse_page_stay_apart(tmp_path: Path) -> None:
    """With no right margin that lines reach, no line counts as running on."""
    path = tmp_path / "plan.pdf"
    c = _canvas(path)
    c.setFont("STSong-Light", SIZE)
    for k, text in enumerate(["一、总体要求", "（一）到2025年，建成法治政府。", "二、工作任务"]):
        c.drawString(LEFT, 760 - 18 * k, text)
    c.showPage()
    c.save()
    assert len(load_document(str(path)).paragraphs) == 3


def test_page_number_patterns() -> None:
    for line in ("— 3 —", "- 3 -", "第3页 共10页", "第 3 页", "3/10", "3", "－ 12 －"):
        assert PAGE_NUMBER.match(line), line
    for line in ("3．推进简政便民", "2025年", "第三章"):
        assert not PAGE_NUMBER.match(line), line


def _garbled_pdf(text_bytes: bytes) -> bytes:
    """A PDF whose font maps codes to glyph names no reader can turn into characters (no ToUnicode)."""
    stream = b"BT /F1 12 Tf 72 720 Td (" + text_bytes + b") Tj ET"
    diffs = b" ".join(b"/g%d" % i for i in range(256))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Foo /Encoding << /Type /Encoding /Differences [0 " + diffs + b"] >> >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def test_text_layer_without_character_codes_is_refused(tmp_path: Path) -> None:
    """Glyphs whose font has no Unicode map would be read as noise: one clear message, no findings."""
    import pytest

    from engine.errors import PlancheckError

    path = tmp_path / "plan.pdf"
    path.write_bytes(_garbled_pdf(b"ABCDEFGHIJKLMNOP"))
    with pytest.raises(PlancheckError) as err:
        load_document(str(path))
    assert err.value.code == "input.garbled_text"
    assert "文字层无法解读" in err.value.render("zh") and "cannot be decoded" in err.value.render("en")


def test_password_protected_pdf_is_named_as_such(tmp_path: Path) -> None:
    import pytest
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    from engine.errors import PlancheckError

    path = tmp_path / "plan.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    c.drawString(100, 700, "hello")
    c.save()
    before = path.read_bytes()
    with pytest.raises(PlancheckError) as err:
        load_document(str(path))
    assert err.value.code == "input.encrypted"
    assert path.read_bytes() == before


def test_parts_of_a_line_far_apart_are_read_apart(tmp_path: Path) -> None:
    """Table cells side by side are not one run of text (区司法局区财政局 would be a new unit name)."""
    path = tmp_path / "plan.pdf"
    c = _canvas(path)
    c.setFont("STSong-Light", SIZE)
    for k, (a, b) in enumerate([("牵头单位", "配合单位"), ("区司法局", "区财政局")]):
        c.drawString(LEFT, 760 - 18 * k, a)
        c.drawString(LEFT + 12 * SIZE, 760 - 18 * k, b)
    c.showPage()
    c.save()
    assert [p.text for p in load_document(str(path)).paragraphs] == ["牵头单位", "配合单位", "区司法局", "区财政局"]


def test_footnote_at_the_foot_of_a_page_is_kept_out_of_the_text(tmp_path: Path) -> None:
    """A measure running over a page break stays whole; the page's footnote goes to doc.notes."""
    note = "①行政执法责任制见《行政执法责任制实施办法》。"
    path = _typeset(tmp_path / "plan.pdf", PARAS, footer="— {n} —", per_page=6, notes={1: note})
    doc = load_document(str(path))
    assert [p.text for p in doc.paragraphs] == [p.replace("（", "(").replace("）", ")").replace("．", ".") for p in PARAS]
    assert doc.notes == [note]


def test_numbered_item_after_a_full_last_line_starts_anew(tmp_path: Path) -> None:
    """Offices that do not indent headings: a full line ending a sentence, then 二、 at the margin."""
    path = tmp_path / "plan.pdf"
    c = _canvas(path)
    c.setFont("STSong-Light", SIZE)
    lines = [
        "一、总体要求到2025年政府行为全面纳入法治轨",
        "道，职责明确、依法行政的政府治理体系日益健全",
        "，行政执法体制机制基本完善，执法质量显著提升。",
        "二、工作任务全面实行政府权责清单制度，坚持法",
        "定职责必须为、法无授权不可为，厘清法定职责。",
    ]
    for k, text in enumerate(lines):
        c.drawString(LEFT, 760 - 18 * k, text)
    c.showPage()
    c.save()
    got = [p.text for p in load_document(str(path)).paragraphs]
    assert len(got) == 2 and got[1].startswith("二、工作任务"), got


_GLYPHS = "法治政府建设推进依法行政严格规范公正文明执法，。、；（）《》ABCxyz"


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.text(alphabet=_GLYPHS, min_size=1, max_size=22), st.sampled_from([0, 1, 2])), max_size=12),
        min_size=1,
        max_size=3,
    )
)
def test_any_layout_loses_no_character(tmp_path_factory, pages: list[list[tuple[str, int]]]) -> None:
    """However lines are indented, wrapped or spread over pages, every printed character is read once:
    in a paragraph, in order, or among the lines set apart as repeating headers; never a traceback."""
    path = tmp_path_factory.mktemp("pdf") / "plan.pdf"
    c = _canvas(path)
    printed = []
    for lines in pages:
        c.setFont("STSong-Light", SIZE)
        for k, (text, indent) in enumerate(lines):
            c.drawString(LEFT + indent * SIZE, 760 - 18 * k, text)
            printed.append(text)
        c.showPage()
    c.save()
    try:
        doc = load_document(str(path))
    except PlancheckError as err:  # nothing printed, or nothing but lines repeating at the top of pages
        assert err.code in ("input.no_text", "input.empty")
        return

    def bare(text: str) -> str:
        return "".join(text.split())

    body = bare("".join(p.orig for p in doc.paragraphs))
    assert sorted(body + bare("".join(doc.removed))) == sorted(bare("".join(printed)))
    rest = iter(bare("".join(printed)))
    assert all(ch in rest for ch in body)  # the body is read in printed order
