"""A .docx as Word shows it: tracked changes accepted, text boxes read, notes apart, content controls read."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml

from engine.ingest import load_document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
WPS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _save(d: docx.document.Document, path: Path) -> Path:
    d.save(str(path))
    return path


def _para_xml(inner: str) -> object:
    return parse_xml(f"<w:p {W} {WPS}>{inner}</w:p>")


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("一、总体要求")
    p = _para_xml(
        "<w:r><w:t>1．2023年底前</w:t></w:r>"
        '<w:del w:id="1" w:author="a"><w:r><w:delText>基本</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>全面</w:t></w:r></w:ins>'
        "<w:r><w:t>建成</w:t></w:r>"
        '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>'
        "<w:r><w:t>法治政府。</w:t></w:r>"
    )
    d.element.body.insert(1, p)
    doc = load_document(str(_save(d, tmp_path / "t.docx")))
    assert [x.text for x in doc.paragraphs] == ["一、总体要求", "1.2023年底前全面建成法治政府。"]
    assert doc.tracked_changes


def test_untracked_document_says_nothing(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("一、总体要求")
    assert not load_document(str(_save(d, tmp_path / "t.docx"))).tracked_changes


def test_text_box_read_once_after_its_anchor_and_body_numbers_kept(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("一、总体要求")
    box = "<w:txbxContent><w:p><w:r><w:t>专栏1 重点项目</w:t></w:r></w:p></w:txbxContent>"
    anchor = _para_xml(
        "<w:r><w:t>正文第二段。</w:t></w:r><w:r><mc:AlternateContent>"
        f"<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    d.element.body.insert(1, anchor)
    d.add_paragraph("二、工作任务")
    doc = load_document(str(_save(d, tmp_path / "t.docx")))
    assert [x.text for x in doc.paragraphs] == ["一、总体要求", "正文第二段。", "专栏1重点项目", "二、工作任务"]
    # body paragraphs keep Word's numbers (1, 2, 3); the box is numbered after them
    assert [x.line for x in doc.paragraphs] == [1, 2, 4, 3]


def test_footnotes_kept_apart_from_the_text(tmp_path: Path) -> None:
    """Footnotes are read (Plan.notes) but never become part of a measure's text."""
    from engine.parse import parse_plan

    src = Path(__file__).resolve().parents[2] / "fixtures" / "chengzhong-district-draft.docx"
    d = docx.Document(str(src))
    part = d.part
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    xml = (
        f'<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>本方案所称“区直部门”含区委各部门。</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    notes = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        xml.encode(),
        part.package,
    )
    part.relate_to(notes, RT.FOOTNOTES)
    first = next(p for p in d.paragraphs if p.text.startswith("1．"))
    first._p.append(parse_xml(f'<w:r {W}><w:footnoteReference w:id="1"/></w:r>'))
    doc = load_document(str(_save(d, tmp_path / "t.docx")))
    assert doc.notes == ["本方案所称“区直部门”含区委各部门。"]
    plan = parse_plan(doc)
    assert plan.notes == doc.notes
    assert not any("区委各部门" in m.text for m in plan.measures)


def test_block_content_control_paragraphs_are_read(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("一、总体要求")
    sdt = parse_xml(
        f"<w:sdt {W}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>控件里的段落。</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    d.element.body.insert(1, sdt)
    doc = load_document(str(_save(d, tmp_path / "t.docx")))
    assert [x.text for x in doc.paragraphs] == ["一、总体要求", "控件里的段落。"]


def test_report_says_once_that_tracked_changes_were_accepted(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from engine.cli import main
    from engine.pipeline import check

    root = Path(__file__).resolve().parents[2] / "fixtures"
    d = docx.Document(str(root / "chengzhong-district-draft.docx"))
    target = next(p for p in d.paragraphs if p.text.startswith("3．"))
    target._p.append(_para_xml('<w:ins w:id="9" w:author="a"><w:r><w:t>新增一句。</w:t></w:r></w:ins>')[0])
    path = _save(d, tmp_path / "draft.docx")
    run = check(str(path), parent_path=str(root / "guangxi-2021-2025-parent.txt"), fail_on="none")
    assert run.report.summary.tracked_changes_accepted
    parent = str(root / "guangxi-2021-2025-parent.txt")
    for lang, words in (("zh", "草稿含修订痕迹，已按接受全部修订后的文本检查"), ("en", "checked as if all were accepted")):
        out = CliRunner().invoke(main, ["check", str(path), "--parent", parent, "--fail-on", "none", "--lang", lang])
        assert out.exit_code == 0, out.output
        assert out.output.count(words) == 1
    # in the HTML report the note has a row of its own, not a second 下级方案 row beside the draft's path
    html = CliRunner().invoke(
        main, ["check", str(path), "--parent", parent, "--fail-on", "none", "--format", "html"]
    ).output
    assert "<dt>修订痕迹</dt><dd>草稿含修订痕迹，已按接受全部修订后的文本检查</dd>" in html
    assert html.count("<dt>下级方案</dt>") == 1
    plain = check(str(root / "chengzhong-district-draft.docx"), parent_path=str(root / "guangxi-2021-2025-parent.txt"))
    assert not plain.report.summary.tracked_changes_accepted


def test_deleted_paragraph_mark_joins_the_next_paragraph(tmp_path: Path) -> None:
    """Merging two paragraphs with changes tracked deletes the first one's mark: read as one."""
    d = docx.Document()
    d.add_paragraph("一、总体要求")
    first = _para_xml(
        '<w:pPr><w:rPr><w:del w:id="5" w:author="a"/></w:rPr></w:pPr><w:r><w:t>1．推进依法行政，</w:t></w:r>'
    )
    d.element.body.insert(1, first)
    d.add_paragraph("严格规范公正文明执法。")
    d.add_paragraph("二、工作任务")
    doc = load_document(str(_save(d, tmp_path / "t.docx")))
    assert [x.text for x in doc.paragraphs] == ["一、总体要求", "1.推进依法行政，严格规范公正文明执法。", "二、工作任务"]
    assert [x.line for x in doc.paragraphs] == [1, 2, 4]
    assert doc.tracked_changes


def test_task_table_pasted_as_tab_separated_paragraphs_reads_as_in_a_text_file(tmp_path: Path) -> None:
    """A task table pasted into Word as text (one paragraph a row, cells split by tabs) gives the
    rows a .txt of the same lines gives: the header dropped, one line a row with its units."""
    rows = [
        "某县养老服务体系建设重点任务分工表",
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限",
        "1\t建设县级养老服务指导中心。\t县民政局\t县财政局、县卫生健康局\t2026年底",
        "2\t推进特困供养设施改造。\t县民政局\t各乡镇人民政府\t2027年6月",
    ]
    d = docx.Document()
    for row in rows:
        d.add_paragraph(row)
    from engine.ingest import from_text
    from engine.pipeline import load_plan

    got = load_document(str(_save(d, tmp_path / "t.docx")))
    want = from_text("\n".join(rows))
    assert [p.text for p in got.paragraphs] == [p.text for p in want.paragraphs]
    assert sum(p.table_row for p in got.paragraphs) == 2
    plan = load_plan(str(tmp_path / "t.docx"))
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == [
        ("1", ["县民政局"], ["县财政局", "县卫生健康局"]),
        ("2", ["县民政局"], ["各乡镇人民政府"]),
    ]
