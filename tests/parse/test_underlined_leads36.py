"""Units printed UNDERLINED lead where a document says so ("各项任务的责任单位中，有下划线的为牵头单位",
fixtures/pointers36/yongchun-county-ponkan-underlined-leads.docx, written by its make_documents.py): the mechanism
of bold leads ("加粗的为牵头单位", tests/parse/test_separator_and_bold_leads.py) with underlined print — a .docx run's
w:u carried by ingest beside the text (`Paragraph.underline`), never in it, meaning nothing unless stated (the
wordings: rulesets/data/lead_conventions.yaml `emphasised` with the words of `underlining`)."""

from __future__ import annotations

import pytest
from docx import Document
from docx.enum.text import WD_UNDERLINE

from engine import extract
from engine.ingest import load_document
from engine.parse import parse_plan
from tests.parse.conftest import FIXTURES

YONGCHUN = FIXTURES / "pointers36" / "yongchun-county-ponkan-underlined-leads.docx"
NOTE = "各项任务的责任单位中，有下划线的为牵头单位，其余为配合单位。"


def roles(path) -> list[tuple[str, list[str], list[str]]]:  # type: ignore[no-untyped-def]
    return [(m.label, m.lead_units, m.support_units) for m in parse_plan(load_document(str(path))).measures]


def test_underlined_units_of_a_county_docx_lead_in_its_clauses_and_its_table() -> None:
    assert roles(YONGCHUN) == [
        ("(一)", ["县农业农村局"], ["县自然资源局", "各乡镇人民政府"]),
        ("(二)", ["县农业农村局"], ["县财政局", "县林业局"]),  # underlined second: leads
        ("(三)", ["县工业和信息化局", "县商务局"], ["五里街镇人民政府"]),  # two underlined: two leads
        ("(四)", ["县市场监督管理局"], ["县文体旅游局", "县融媒体中心"]),  # a double line: underlined all the same
        ("(五)", ["县农业农村局", "县供销社"], []),  # none underlined: joint, as written
        ("1", ["县商务局"], ["县发展和改革局"]),  # a Word table's cell
        ("2", ["县农业农村局"], ["东平镇人民政府"]),
    ]


def test_underline_means_nothing_unless_stated_and_no_mark_is_invented(tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = Document(str(YONGCHUN))
    for p in doc.paragraphs:
        for run in p.runs:
            if NOTE in run.text:
                run.text = run.text.replace(NOTE, "")
    silent = tmp_path / "silent.docx"
    doc.save(str(silent))
    read = load_document(str(silent))
    assert [p.underline for p in read.paragraphs if p.text.startswith("(三)")] == [("县工业和信息化局", "县商务局")]
    assert roles(silent)[2] == ("(三)", ["县工业和信息化局", "县商务局", "五里街镇人民政府"], [])
    stated = parse_plan(load_document(str(YONGCHUN)))
    assert stated.measures[2].responsibility is not None
    assert stated.measures[2].responsibility.text == "(责任单位：县工业和信息化局、县商务局、五里街镇人民政府)"


def _docx(tmp_path, note: str, clause: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    doc = Document()
    for text in ("某镇人居环境整治方案", note, "一、主要任务"):
        doc.add_paragraph(text)
    p = doc.add_paragraph("（一）垃圾治理。推进垃圾分类。（责任单位：")
    for style, text in clause:
        run = p.add_run(text)
        if style == "b":
            run.bold = True
        elif style == "u":
            run.underline = True
        elif style == "none":
            run.underline = WD_UNDERLINE.NONE
    p.add_run("）")
    path = tmp_path / "plan.docx"
    doc.save(str(path))
    return path


def test_bold_leads_and_underlined_supports_in_one_document(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # a clause with no bold unit: the underlined one supports, the others keep their role (lead)
    path = _docx(tmp_path, "说明：责任单位中加粗的为牵头单位，有下划线的为配合单位。", [
        ("u", "镇财政所"), ("", "、"), ("", "镇村建办"), ("", "、"), ("", "镇综合执法队"),
    ])  # fmt: skip
    assert roles(path) == [("(一)", ["镇村建办", "镇综合执法队"], ["镇财政所"])]


def test_an_underline_set_to_none_is_no_underline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _docx(tmp_path, "说明：有下划线的为牵头单位。", [("none", "镇财政所"), ("", "、"), ("u", "镇村建办")])
    assert roles(path) == [("(一)", ["镇村建办"], ["镇财政所"])]
    assert [p.underline for p in load_document(str(path)).paragraphs if p.text.startswith("(一)")] == [("镇村建办",)]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (NOTE, "lead"),
        ("注：加下划线者为牵头单位。", "lead"),
        ("牵头单位用下划线标注。", "lead"),
        ("责任单位中标有下画线的单位为牵头单位。", "lead"),
        ("划线的为配合单位。", "support"),
        ("标题下划线为红色。", None),
        ("严守生态保护红线的为牵头单位要求。", None),
    ],
)
def test_underline_wordings(text: str, role: str | None) -> None:
    assert extract.stated_underline_role(text) == role
    assert extract.stated_bold_role(text) is None
