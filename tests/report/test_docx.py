"""The commented draft: python-docx reads the comments back, and each covers exactly the quoted text."""

from __future__ import annotations

import hashlib
import io
import zipfile

import docx
from lxml import etree

from engine.models import Evidence, Finding
from engine.report.docx import DocxFormatter

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def anchored_text(data: bytes) -> dict[int, str]:
    """comment id -> the text between its commentRangeStart and commentRangeEnd."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    open_ids: set[int] = set()
    out: dict[int, str] = {}
    for el in root.iter():
        if el.tag == W + "commentRangeStart":
            open_ids.add(int(el.get(W + "id")))
            out.setdefault(int(el.get(W + "id")), "")
        elif el.tag == W + "commentRangeEnd":
            open_ids.discard(int(el.get(W + "id")))
        elif el.tag == W + "t":
            for i in open_ids:
                out[i] += el.text or ""
    return out


def comments(data: bytes) -> dict[int, docx.comments.Comment]:
    return {c.comment_id: c for c in docx.Document(io.BytesIO(data)).comments}


def test_comments_on_the_exact_text_of_a_docx_draft(docx_ctx, fx):
    src = docx_ctx.draft_source_path
    before = hashlib.sha256(open(src, "rb").read()).hexdigest()
    data = DocxFormatter().render(docx_ctx)
    assert hashlib.sha256(open(src, "rb").read()).hexdigest() == before  # the original is untouched
    found = comments(data)
    anchors = anchored_text(data)
    assert len(found) == len(docx_ctx.report.findings)
    by_rule = {c.text.split("\n")[1].split("：", 1)[1]: (cid, c) for cid, c in found.items()}
    assert anchors[by_rule["deadline_not_later"][0]] == fx.DEADLINE_LOCAL  # spans a bold run split in two
    assert anchors[by_rule["lead_unit_vague"][0]] == fx.VAGUE_LOCAL
    assert anchors[by_rule["format.symbols"][0]] == fx.LT_LOCAL
    assert anchors[by_rule["clause_carried"][0]] == fx.CLAUSE_LOCAL
    # no location: the first paragraph
    assert anchors[by_rule["title_basis"][0]] == fx.DRAFT_LINES[0]
    assert anchors[by_rule["parent_covered"][0]] == fx.DRAFT_LINES[0]
    for c in found.values():
        assert c.author == "plancheck" and c.initials == "PC"
    text = by_rule["deadline_not_later"][1].text
    assert "完成时限" in text and "建议：改为“2022年年底前”或更早" in text and "上级依据：(一)" in text
    # the split runs keep their formatting and the paragraph text is unchanged
    doc = docx.Document(io.BytesIO(data))
    p = doc.paragraphs[3]
    assert p.text == fx.DRAFT_LINES[3]
    assert [r.text for r in p.runs if r.bold] == ["年年底前"]


def test_text_draft_is_rendered_with_comments(ctx, fx):
    data = DocxFormatter().render(ctx)
    doc = docx.Document(io.BytesIO(data))
    assert [p.text for p in doc.paragraphs] == fx.DRAFT_LINES
    assert doc.paragraphs[0].style.name == "Title"
    assert doc.paragraphs[2].style.name == "Heading 1"
    anchors = anchored_text(data)
    assert sorted(anchors.values()) == sorted(
        [
            fx.DRAFT_LINES[0],
            fx.DRAFT_LINES[0],
            fx.DEADLINE_LOCAL,
            fx.VAGUE_LOCAL,
            fx.LT_LOCAL,
            fx.CLAUSE_LOCAL,
        ]
    )


def test_quote_not_found_falls_back_to_the_paragraph(ctx, fx):
    ctx.report.findings = [
        Finding(
            rule="r",
            check="c",
            severity="info",
            message="m",
            local_item="2",
            line=5,
            column=3,
            evidence=Evidence(local="不在原文里"),
        )
    ]
    assert list(anchored_text(DocxFormatter().render(ctx)).values()) == [fx.DRAFT_LINES[4]]


def test_paragraph_numbers_count_table_cells_like_ingest(tmp_path, ctx, fx):
    d = docx.Document()
    d.add_paragraph("标题")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "甲"
    table.cell(0, 1).text = "乙"
    table.cell(0, 0).merge(table.cell(1, 0))  # vertical merge: read once
    table.cell(1, 1).text = "表格里的各有关部门"
    d.add_paragraph("正文各有关部门负责")
    path = tmp_path / "t.docx"
    d.save(str(path))
    try:
        from engine.ingest.readers import read_docx

        lines = read_docx(path.read_bytes(), str(path)).lines
        line = next(n for n, t in lines if t == "正文各有关部门负责")
    except ImportError:  # pragma: no cover - ingest not there yet
        line = 5
    ctx.draft_source_path = str(path)
    ctx.report.findings = [
        Finding(
            rule="r",
            check="c",
            severity="info",
            message="m",
            line=line,
            column=3,
            evidence=Evidence(local="各有关部门"),
        )
    ]
    data = DocxFormatter().render(ctx)
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    start = root.find(f".//{W}commentRangeStart")
    para = start.getparent()
    assert "".join(para.itertext()) == "正文各有关部门负责"
    assert list(anchored_text(data).values()) == ["各有关部门"]


def test_a_commented_copy_commented_again_has_no_twins(docx_ctx, tmp_path):
    once = DocxFormatter().render(docx_ctx)
    (tmp_path / "once.docx").write_bytes(once)
    docx_ctx.draft_source_path = str(tmp_path / "once.docx")
    twice = DocxFormatter().render(docx_ctx)
    assert len(comments(twice)) == len(comments(once)) == len(docx_ctx.report.findings)


def test_a_text_draft_becomes_an_a4_document_with_the_senders_name(ctx):
    from docx.shared import Cm

    ctx.author, ctx.date, ctx.min_severity = "城中区司法局", "2026-12-04", "warning"
    data = DocxFormatter().render(ctx)
    doc = docx.Document(io.BytesIO(data))
    sec = doc.sections[0]
    assert abs(sec.page_width - Cm(21.0)) < Cm(0.01) and abs(sec.page_height - Cm(29.7)) < Cm(0.01)
    assert "PAGE" in sec.footer._element.xml
    cp = doc.core_properties
    assert "python-docx" not in (cp.comments or "") and cp.author == "城中区司法局"
    assert cp.title == ctx.draft.title
    found = list(doc.comments)
    assert found and {c.author for c in found} == {"城中区司法局"}
    assert {c.timestamp.date().isoformat() for c in found} == {"2026-12-04"}
    assert len(found) == sum(f.severity != "info" for f in ctx.report.findings)
    assert "仿宋_GB2312" in zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
