"""Three input forms blind56 showed (fixtures/fix56/ models each with other offices; see its README):

1. .html: the article only in an <iframe srcdoc="…"> (HTML-escaped), read where the frame stands (engine/ingest/frames.py);
2. .docx: a table of contents (TOC field, toc N styles, a Table of Contents content control) left out of the text
   (engine/ingest/docx_toc.py);
3. .pdf: a page set in two text columns read left column, then right (engine/ingest/pdf_columns.py); a task table's
   columns, side-by-side signatures and one-column pages are not.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from engine.errors import PlancheckError
from engine.ingest import budgets, load_document, pdf_columns
from engine.ingest.readers import read_docx, read_html

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix56"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    for name in budgets.NAMES:
        monkeypatch.delenv(budgets.env_name(name), raising=False)
    monkeypatch.setattr(budgets, "_overrides", {})


def _texts(path: Path) -> list[str]:
    return [p.text for p in load_document(str(path)).paragraphs]


# --------------------------------------------------------------------------- 1. <iframe srcdoc>


def _lines(page: str) -> list[str]:
    return [text for _, text in read_html(page, "page.html").lines]


def test_a_srcdoc_document_is_read_where_its_frame_stands():
    page = '<p>页首</p><div><iframe src="http://x.example/a.html" srcdoc="&lt;p&gt;框内&amp;amp;一&lt;/p&gt;&lt;p&gt;框内二&lt;/p&gt;">后备文字</iframe></div><p>页尾</p>'
    assert _lines(page) == ["页首", "框内&一", "框内二", "页尾"]


def test_a_frame_without_srcdoc_gives_nothing_and_its_src_is_not_fetched(monkeypatch):
    import socket

    monkeypatch.setattr(socket, "socket", lambda *a, **k: pytest.fail("a src was fetched"))
    assert _lines('<p>正文</p><iframe src="http://x.example/a.html">后备文字</iframe>') == ["正文"]


def test_nested_srcdoc_is_read_and_its_head_left_out():
    inner = "&amp;lt;p&amp;gt;第二层&amp;lt;/p&amp;gt;"
    page = (
        '<p>外</p><iframe srcdoc="&lt;html&gt;&lt;head&gt;&lt;title&gt;标题栏&lt;/title&gt;&lt;/head&gt;&lt;body&gt;'
        f'&lt;p&gt;第一层&lt;/p&gt;&lt;iframe srcdoc=&quot;{inner}&quot;&gt;&lt;/iframe&gt;&lt;/body&gt;&lt;/html&gt;"></iframe>'
    )
    assert _lines(page) == ["外", "第一层", "第二层"]


def test_a_private_use_marker_in_srcdoc_is_no_line_break():
    assert _lines('<iframe srcdoc="&lt;p&gt;甲&#xe000;乙&lt;/p&gt;"></iframe>') == ["甲乙"]


def _nested(levels: int) -> str:
    text = "<p>（一）最内层措施。</p>"
    for _ in range(levels):
        text = f'<div><iframe srcdoc="{text.replace("&", "&amp;").replace(chr(34), "&quot;").replace("<", "&lt;")}"></iframe></div>'
    return "<html><body><p>一、重点任务</p>" + text + "</body></html>"


def test_srcdoc_nesting_is_bounded_by_the_frames_budget(tmp_path, monkeypatch):
    path = tmp_path / "deep.html"
    path.write_text(_nested(4), "utf-8")
    assert "最内层措施" in _texts(path)[-1]
    monkeypatch.setenv("PLANCHECK_BUDGET_FRAMES", "3")
    with pytest.raises(PlancheckError) as info:
        load_document(str(path))
    assert info.value.code == "budget.frames"
    assert "iframe srcdoc" in info.value.render("en") and "3" in info.value.render("zh")


def test_srcdoc_text_counts_against_the_input_size_budget(tmp_path, monkeypatch):
    path = tmp_path / "big.html"
    path.write_text(_nested(3), "utf-8")
    size = path.stat().st_size
    monkeypatch.setenv(
        "PLANCHECK_BUDGET_INPUT_BYTES", str(size + 10)
    )  # the file is within, its frames together are not
    with pytest.raises(PlancheckError) as info:
        load_document(str(path))
    assert info.value.code == "budget.input_bytes"


def test_a_deep_srcdoc_is_refused_before_its_tree_is_built(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCHECK_BUDGET_DEPTH", "50")
    path = tmp_path / "deep.html"
    path.write_text('<p>正文</p><iframe srcdoc="' + "&lt;div&gt;" * 200 + '"></iframe>', "utf-8")
    with pytest.raises(PlancheckError) as info:
        load_document(str(path))
    assert info.value.code == "budget.depth"


# --------------------------------------------------------------------------- 2. a .docx table of contents


def _docx(body_xml: list[str], styles: tuple[str, ...] = ()) -> bytes:
    from docx import Document
    from docx.oxml import parse_xml

    doc = Document()
    for style_id, name in styles:
        doc.styles.element.append(parse_xml(
            f'<w:style {W} w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/></w:style>'
        ))  # fmt: skip
    body = doc.element.body
    for xml in body_xml:
        body.insert(
            len(body) - 1,
            parse_xml(xml.replace("<w:p>", f"<w:p {W}>", 1) if xml.startswith("<w:p>") else xml),
        )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _p(text: str, *, style: str = "", before: str = "", after: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    run = f"<w:r><w:t>{text}</w:t></w:r>" if text else ""
    return f"<w:p>{ppr}{before}{run}{after}</w:p>"


BEGIN = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
PAGE = '<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
BODY = [_p("二、重点任务"), _p("（一）加强监管。（市场监管局负责）"), _p("（二）强化宣传。（宣传部负责）")]


def _read(data: bytes) -> list[tuple[int, str]]:
    return [(n, t) for n, t in read_docx(data, "t.docx").lines if t.strip()]


def test_a_toc_field_is_left_out_and_the_paragraphs_after_it_keep_their_numbers():
    toc = [
        _p("目　录"),
        _p("（一）加强监管", before=BEGIN, after=PAGE),
        _p("（二）强化宣传", after=PAGE),
        _p("", after=END),
    ]
    lines = _read(_docx(toc + BODY))
    assert lines == [
        (5, "二、重点任务"),
        (6, "（一）加强监管。（市场监管局负责）"),
        (7, "（二）强化宣传。（宣传部负责）"),
    ]


def test_a_toc_field_never_ended_takes_nothing_out():
    lines = _read(_docx([_p("（一）加强监管", before=BEGIN, after=PAGE), *BODY]))
    assert next(t for _, t in lines) == "（一）加强监管\t3"


def test_the_paragraph_a_toc_field_ends_in_keeps_its_own_text():
    lines = _read(
        _docx([_p("（一）加强监管", before=BEGIN, after=PAGE), _p("二、重点任务", before=END), *BODY[1:]])
    )
    assert [t for _, t in lines] == ["二、重点任务", *[t for _, t in _read(_docx(BODY[1:]))]]


def test_a_simple_toc_field_and_toc_styles_by_their_names_are_left_out():
    simple = f'<w:p {W}><w:fldSimple w:instr=" TOC \\o &quot;1-2&quot; "><w:r><w:t>（一）加强监管</w:t></w:r></w:fldSimple></w:p>'
    styled = _p("（二）强化宣传\t2", style="21")
    lines = _read(_docx([simple, styled, *BODY], styles=(("21", "toc 2"),)))
    assert [t for _, t in lines] == [
        "二、重点任务",
        "（一）加强监管。（市场监管局负责）",
        "（二）强化宣传。（宣传部负责）",
    ]


def test_a_table_of_contents_content_control_is_left_out():
    sdt = (
        f'<w:sdt {W}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
        "<w:sdtContent><w:p><w:r><w:t>目录</w:t></w:r></w:p><w:p><w:r><w:t>（一）加强监管\t1</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    assert [t for _, t in _read(_docx([sdt, *BODY]))] == [t for _, t in _read(_docx(BODY))]


def test_a_contents_word_not_before_a_toc_stays():
    lines = _read(_docx([_p("目录"), *BODY]))
    assert lines[0] == (1, "目录")


def test_fixture_toc_lines_are_gone_from_the_text():
    for name in (
        "jinzhou-city-coastal-restoration-toc-field.docx",
        "puer-city-tea-pest-control-toc-styles.docx",
    ):
        texts = _texts(HERE / name)
        assert not any("目录" in "".join(t.split()) for t in texts)
        assert sum(t.startswith("(一)") for t in texts) == 2  # the measure and the safeguard, no TOC line


# --------------------------------------------------------------------------- 3. two text columns in a .pdf


def test_two_column_pages_read_left_then_right():
    texts = _texts(HERE / "yichun-city-forest-economy-twocol.pdf")
    # the signature under the one-column notice before the plan's title; (一) whole from the left column into the right
    assert (
        texts.index("伊春市人民政府办公室")
        < texts.index("2026年5月20日")
        < texts.index("伊春市林下经济高质量发展")
    )
    first = next(t for t in texts if t.startswith("(一)"))
    assert first.endswith("(市林业和草原局牵头，市农业农村局、各县(市)区人民政府配合)")
    assert [t[:3] for t in texts if t[:1] == "(" and t[2:3] == ")"] == [
        "(一)",
        "(二)",
        "(三)",
        "(四)",
        "(五)",
        "(六)",
        "(一)",
        "(二)",
    ]


def test_tables_and_side_by_side_signatures_are_not_columns(monkeypatch):
    path = HERE / "yichang-city-citrus-no-columns.pdf"
    seen = []
    real = pdf_columns.split
    monkeypatch.setattr(pdf_columns, "split", lambda rows: seen.append(real(rows)) or seen[-1])
    read = _texts(path)
    assert seen and all(s is None for s in seen)
    monkeypatch.setattr(pdf_columns, "split", lambda rows: None)
    assert _texts(path) == read


def _row(
    y: float, x0: float, text: str, size: float = 16.0
) -> list[tuple[float, float, float, float, str, bool]]:
    return [(y, x0 + k * size, x0 + (k + 1) * size, size, ch, False) for k, ch in enumerate(text)]


PROSE = "为推动产业发展加强统筹协调落实责任"


def _page(
    left: list[str], right: list[str], *, gap: float = 24.0, right_x: float | None = None
) -> list[list]:
    rows = []
    x = right_x if right_x is not None else 80 + 12 * 16 + gap
    for k in range(max(len(left), len(right))):
        y = 700 - 21 * k
        row = (_row(y, 80, left[k]) if k < len(left) and left[k] else []) + (
            _row(y, x, right[k]) if k < len(right) and right[k] else []
        )
        rows.append(row)
    return rows


FULL = [PROSE[:12]] * 8 + [PROSE[:5]]


def _read_order(result):
    return [(c, "".join(g[4] for g in r)) for c, r in result]


def test_a_page_of_two_prose_columns_is_split():
    result = pdf_columns.split(_page(FULL, ["右" * 12] * 9))
    assert result is not None
    order = _read_order(result)
    assert [c for c, _ in order] == [pdf_columns.LEFT] * 9 + [pdf_columns.RIGHT] * 9
    assert order[8][1] == PROSE[:5] and order[9][1] == "右" * 12


def test_one_column_pages_and_centred_titles_are_not_split():
    one = [_row(700 - 21 * k, 80, PROSE[:18] + PROSE[:10]) for k in range(12)]
    assert pdf_columns.split([_row(740, 200, "某某市关于印发方案的通知"), *one]) is None


def test_a_table_of_cells_is_not_split():
    # three runs a line on the right: the cells of a unit and a deadline column
    rows = _page(FULL, ["市农业农村局"] * 9)
    for row in rows:
        row += _row(row[0][0], 560, "年底前") if row else []
    assert pdf_columns.split(rows) is None


def test_a_narrow_column_beside_a_wide_one_is_not_split():
    assert pdf_columns.split(_page(FULL, ["市商务局"] * 9, right_x=80 + 12 * 16 + 24)) is None


def test_a_table_header_of_column_words_is_not_split():
    rows = _page(["重点任务", *FULL], ["具体措施", *["右" * 12] * 9])
    assert pdf_columns.split(rows) is None
    assert pdf_columns.split(_page(["概述", *FULL], ["正文", *["右" * 12] * 9])) is not None


def test_a_footer_set_on_one_side_below_the_columns_is_read_after_them():
    rows = _page(FULL, ["右" * 12] * 9)
    rows.append(_row(700 - 21 * 8 - 120, 80, "第3页"))  # far below the columns' last line, left
    order = _read_order(pdf_columns.split(rows))
    assert order[-1] == (pdf_columns.ACROSS, "第3页")
    assert order[-2] == (pdf_columns.RIGHT, "右" * 12)
    # a left column that runs on below the right one at its own pitch stays the left column's
    longer = _read_order(pdf_columns.split(_page([*FULL, PROSE[:12], PROSE[:4]], ["右" * 12] * 9)))
    assert [c for c, _ in longer] == [pdf_columns.LEFT] * 11 + [pdf_columns.RIGHT] * 9
