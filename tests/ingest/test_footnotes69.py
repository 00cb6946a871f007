"""A .docx whose measures name their units only in a footnote or endnote (blind69 红河; fixtures/footnotes69 models the
class with other offices): the note holding nothing but units ("牵头单位：X；配合单位：Y", "X牵头，Y配合", "责任单位：A、B")
is read as the units clause at the end of the paragraph holding its reference mark; any other note (a definition, a
source, a rule cited) stays only in the notes. The paragraph keeps its line and its own text's columns."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from engine.fix.run import _mapped
from engine.ingest import load_document
from engine.ingest.readers import read_docx
from engine.models import Fix, TextEdit
from engine.parse import parse_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "footnotes69"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _document(tmp_path: Path, body: list[str], notes: dict[int, str], kind: str = "footnote") -> Path:
    """A .docx of the paragraphs `body` (inner XML of each w:p) and the notes `notes` (id → text) of `kind`."""
    d = docx.Document()
    for inner in body:
        d.element.body.insert(len(d.element.body) - 1, parse_xml(f"<w:p {W}>{inner}</w:p>"))
    xml = (
        f'<w:{kind}s {W}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        + "".join(
            f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {t}</w:t></w:r></w:p>'
            f"</w:{kind}>"
            for i, t in notes.items()
        )
        + f"</w:{kind}s>"
    )
    ct = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"
    part = Part(PackURI(f"/word/{kind}s.xml"), ct, xml.encode(), d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)
    path = tmp_path / "t.docx"
    d.save(str(path))
    return path


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _ref(i: int, kind: str = "footnote") -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="{i}"/></w:r>'


PLAN = [
    _run("一、重点任务"),
    _run("（一）规范村级财务管理。") + _ref(1) + _run("推行村级财务委托代理，2026年底前实现全覆盖。"),
    _run("（二）加强集体资产监管。") + _ref(2) + _run("开展集体资产清查") + _ref(3) + _run("，建立资产台账。"),
    _run("二、保障措施"),
]
NOTES = {
    1: "牵头单位：区农业农村局；配合单位：区财政局、各街道办事处。",
    2: "区农业农村局牵头，区审计局配合。",
    3: "集体资产：指村集体所有的资源性、经营性和非经营性资产；由区农业农村局会同区财政局认定。",
}


@pytest.mark.parametrize("kind", ["footnote", "endnote"])
def test_a_units_note_is_the_clause_of_the_measure_holding_its_mark(tmp_path, kind):
    path = _document(tmp_path, [p.replace("footnote", kind) for p in PLAN], NOTES, kind)
    plan = parse_plan(load_document(str(path)))
    got = [([u.name for u in m.responsibility.lead], [u.name for u in m.responsibility.support]) for m in plan.measures]
    assert got == [(["区农业农村局"], ["区财政局", "各街道办事处"]), (["区农业农村局"], ["区审计局"])]
    # the definition naming two units stays in the notes only, and changes no measure's units
    assert not any("集体资产：" in m.text for m in plan.measures)
    assert len(plan.notes) == 3


def test_lines_and_the_own_texts_columns_stay_the_pages(tmp_path):
    """The clause goes after the paragraph's own text: its line and every column of its own text are as without the
    notes; the clause's column is just past the text the page prints."""
    with_notes = load_document(str(_document(tmp_path, PLAN, NOTES)))
    bare = load_document(str(_document(tmp_path, [p.replace(_ref(1), "").replace(_ref(2), "") for p in PLAN], {})))
    assert [p.line for p in with_notes.paragraphs] == [p.line for p in bare.paragraphs]
    for a, b in zip(with_notes.paragraphs, bare.paragraphs, strict=True):
        assert a.text.startswith(b.text)
        assert a.cols[: len(b.cols)] == b.cols
    m = parse_plan(with_notes).measures[0]
    own = bare.paragraphs[1].orig
    assert m.responsibility.line == 2 and m.responsibility.column == len(own) + 1
    assert read_docx((tmp_path / "t.docx").read_bytes(), "t.docx").printed == {}  # the bare one, written last


def test_a_fix_never_edits_a_notes_clause_in_the_paragraph(tmp_path):
    """An edit of the clause read from a note is not placed in the paragraph (the note's text is not there)."""
    read = read_docx(_document(tmp_path, PLAN, NOTES).read_bytes(), "t.docx")
    raw = read.lines
    where = {n: [i] for i, (n, _) in enumerate(raw)}
    line = next(t for n, t in raw if n == 2)
    assert read.printed == {2: len("（一）规范村级财务管理。推行村级财务委托代理，2026年底前实现全覆盖。"),
                            3: len("（二）加强集体资产监管。开展集体资产清查，建立资产台账。")}
    k = line.index("区财政局", read.printed[2])
    in_note = TextEdit(line=2, column=k + 1, end_column=k + 5, original="区财政局", replacement="区财政局局")
    k = line.index("财务")
    own = TextEdit(line=2, column=k + 1, end_column=k + 3, original="财务", replacement="财会")
    assert not _mapped(Fix(description="x", edits=[in_note]), raw, where, read.printed)
    assert _mapped(Fix(description="x", edits=[own]), raw, where, read.printed)


def test_a_deleted_mark_reads_no_note_and_a_removed_paragraph_mark_keeps_the_clause_at_the_end(tmp_path):
    deleted = '<w:del w:id="9" w:author="a">' + _ref(1) + "</w:del>"
    gone = '<w:pPr><w:rPr><w:del w:id="8" w:author="a"/></w:rPr></w:pPr>'
    body = [
        _run("（一）规范村级财务管理。") + deleted + _run("推行村级财务委托代理。"),
        gone + _run("（二）加强集体资产监管。") + _ref(2) + _run("开展集体资产清查"),
        _run("，建立资产台账。"),
    ]
    texts = [p.text for p in load_document(str(_document(tmp_path, body, NOTES))).paragraphs]
    assert texts == [
        "(一)规范村级财务管理。推行村级财务委托代理。",
        "(二)加强集体资产监管。开展集体资产清查，建立资产台账。(区农业农村局牵头，区审计局配合)",
    ]
