""".docx as offices make them (blind77; fixtures/docx77 models the class with other offices):

- text formatted hidden (w:vanish, w:specVanish; set on the run, by its character style, by its paragraph's style or
  the document's defaults) is not printed, so it is not read — no unit of a clause, no measure — and no `plancheck fix`
  edit is placed in it; w:webHidden (hidden in Web Layout only) is printed and read; a hidden paragraph mark (Word's
  style separator) prints the paragraph on one line with the next;
- a task-table measure over several rows under one vertically merged 序号 cell (w:vMerge) is one measure, its own
  cells (具体措施, 配合单位 …) of every row read in order — in a .docx, in the .pdf soffice prints of it, and in a tab copy
  (whose merged cell is empty below) alike.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from engine.fix.docx import tracked_docx
from engine.ingest import load_document
from engine.ingest.readers import read_docx
from engine.models import Fix, TextEdit
from engine.parse import parse_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "docx77"
NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f'xmlns:w="{NS}"'


def _run(text: str, props: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{props}</w:rPr>" if props else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _document(tmp_path: Path, body: list[str], styles: list[str] = (), defaults: str = "") -> Path:
    """A .docx of the paragraphs `body` (inner XML of each w:p), with the styles `styles` added and `defaults` the
    run properties of w:docDefaults."""
    d = docx.Document()
    for xml in styles:
        d.styles.element.append(parse_xml(xml))
    if defaults:
        rpr = d.styles.element.find(f"{{{NS}}}docDefaults/{{{NS}}}rPrDefault/{{{NS}}}rPr")
        rpr.append(parse_xml(f"<w:{defaults} {W}/>"))
    for inner in body:
        d.element.body.insert(len(d.element.body) - 1, parse_xml(f"<w:p {W}>{inner}</w:p>"))
    path = tmp_path / "t.docx"
    d.save(str(path))
    return path


def _texts(path: Path) -> list[str]:
    return [t for _, t in read_docx(path.read_bytes(), path.name).lines if t]


CHAR = (f'<w:style {W} w:type="character" w:styleId="Struck"><w:name w:val="struck"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>")
PARA = (f'<w:style {W} w:type="paragraph" w:styleId="Draft"><w:name w:val="draft"/><w:basedOn w:val="Normal"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>")
# a style based on the hidden one: hidden through basedOn
PARA_CHILD = (f'<w:style {W} w:type="paragraph" w:styleId="DraftNote"><w:name w:val="draft note"/>'
              '<w:basedOn w:val="Draft"/></w:style>')


@pytest.mark.parametrize(
    ("props", "printed"),
    [
        ("<w:vanish/>", False),
        ('<w:vanish w:val="true"/>', False),
        ('<w:vanish w:val="0"/>', True),
        ('<w:vanish w:val="false"/>', True),
        ("<w:specVanish/>", False),
        ('<w:vanish w:val="0"/><w:specVanish/>', False),  # hidden always
        ("<w:webHidden/>", True),  # hidden in Web Layout only: printed
        ('<w:rStyle w:val="Struck"/>', False),
        ('<w:rStyle w:val="Struck"/><w:vanish w:val="0"/>', True),  # the run's own word wins over its style's
    ],
)
def test_a_run_is_read_as_printed(tmp_path, props, printed):
    path = _document(tmp_path, [_run("（甲局牵头，") + _run("乙局、", props) + _run("丙局配合）")], [CHAR])
    assert _texts(path) == ["（甲局牵头，乙局、丙局配合）" if printed else "（甲局牵头，丙局配合）"]


def test_text_hidden_by_its_paragraphs_style_or_the_defaults_is_not_read(tmp_path):
    body = [
        _run("（一）甲。"),
        '<w:pPr><w:pStyle w:val="Draft"/></w:pPr>' + _run("（二）草稿里的措施。"),
        '<w:pPr><w:pStyle w:val="DraftNote"/></w:pPr>' + _run("（二）另一条草稿。"),
        '<w:pPr><w:pStyle w:val="Draft"/></w:pPr>' + _run("（二）乙。", '<w:vanish w:val="0"/>'),
    ]
    assert _texts(_document(tmp_path, body, [PARA, PARA_CHILD])) == ["（一）甲。", "（二）乙。"]
    # the document's defaults hide every run that says nothing itself
    body = [_run("看不见。"), _run("看得见。", '<w:vanish w:val="0"/>')]
    assert _texts(_document(tmp_path, body, defaults="vanish")) == ["看得见。"]


def test_a_wholly_hidden_numbered_paragraph_prints_no_number(tmp_path):
    """Word's automatic number of a paragraph all hidden (its text and its mark) is not printed either."""
    num = (f'<w:numbering {W}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
           '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
           '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    d = docx.Document()
    d.part.numbering_part._element = parse_xml(num)  # the template's numbering part, holding this one list
    numbered = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr>{}</w:pPr>'
    for inner in (numbered.format("") + _run("甲。"),
                  numbered.format("<w:rPr><w:vanish/></w:rPr>") + _run("草稿。", "<w:vanish/>"),
                  numbered.format("") + _run("乙。")):
        d.element.body.insert(len(d.element.body) - 1, parse_xml(f"<w:p {W}>{inner}</w:p>"))
    path = tmp_path / "n.docx"
    d.save(str(path))
    texts = _texts(path)
    assert texts[0] == "1.甲。" and "草稿" not in "".join(texts) and texts[-1].endswith("乙。")
    assert not any(t.strip() in ("2.", "2") for t in texts)


def test_a_hidden_paragraph_mark_prints_the_paragraph_on_one_line_with_the_next(tmp_path):
    """Word's style separator (a mark w:vanish + w:specVanish): a run-in heading and its body, one printed line,
    numbered by the heading's paragraph."""
    body = [
        '<w:pPr><w:rPr><w:vanish/><w:specVanish/></w:rPr></w:pPr>' + _run("（一）强化巡检。"),
        _run("每月巡检一次。（甲局牵头，乙局配合）"),
        _run("（二）丙。"),
    ]
    lines = [(n, t) for n, t in read_docx(_document(tmp_path, body).read_bytes(), "t.docx").lines if t]
    assert lines == [(1, "（一）强化巡检。每月巡检一次。（甲局牵头，乙局配合）"), (3, "（二）丙。")]


def test_hidden_runs_are_no_bold_heading(tmp_path):
    from engine.ingest.readers import read_docx as read

    body = [_run("（一）", "<w:b/>") + _run("草稿标题。", "<w:b/><w:vanish/>") + _run("正文。")]
    got = read(_document(tmp_path, body).read_bytes(), "t.docx")
    assert all("草稿" not in b for runs in got.bold.values() for b in runs)


def test_a_fix_is_placed_in_printed_text_only(tmp_path):
    """An edit's columns are those of the printed text (the hidden run left out), and text that is only hidden is
    never edited: the hidden run stays as it was, outside every w:del."""
    body = [_run("一、重点任务"), _run("（一）加强管理。（甲局牵头，") + _run("乙局、", "<w:vanish/>") + _run("丙局配合）")]
    src = _document(tmp_path, body)
    plan = load_document(str(src))
    line = read_docx(src.read_bytes(), "t.docx").lines[1][1]
    k = line.index("丙局")
    shown = Fix(description="x", edits=[TextEdit(line=2, column=k + 1, end_column=k + 3, original="丙局",
                                                  replacement="丁局")])
    hidden_only = Fix(description="y", edits=[TextEdit(line=2, column=k + 1, end_column=k + 3, original="乙局",
                                                        replacement="戊局")])
    out, unplaced = tracked_docx(str(src), plan, [shown, hidden_only], "审核")
    assert unplaced == [hidden_only]
    xml = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml").decode()
    assert "<w:delText>丙局</w:delText>" in xml.replace(' xml:space="preserve"', "")
    assert "戊局" not in xml and "乙局、" in xml
    assert "<w:delText>乙局" not in xml.replace(' xml:space="preserve"', "")


# --------------------------------------------------------------------------- fixtures/docx77

HEBI = HERE / "hebi-city-gas-safety-hidden.docx"
CHONGYI = HERE / "chongyi-county-bamboo-merged-rows"


def _units(path: Path) -> list[tuple[str, list[str], list[str]]]:
    plan = parse_plan(load_document(str(path)))
    return [(m.label, list(m.lead_units), list(m.support_units)) for m in plan.measures]


def test_the_hidden_units_and_the_hidden_draft_measure_of_the_fixture_are_not_read():
    got = _units(HEBI)
    assert [n for n, _, _ in got] == ["(一)", "(二)", "(三)", "(四)", "(五)"]
    named = {u for _, lead, support in got for u in lead + support}
    assert not named & {"市应急管理局", "市自然资源和规划局", "市发展改革委", "市国资委", "市财政局"}
    assert got[3][2] == ["市公安局", "市交通运输局"]  # its style hides it, its run says shown


def _as_tab_text(tmp_path: Path) -> Path:
    """The task table as Word copies it to text: cells apart by tabs, a merged cell's text on its first row only."""
    d = docx.Document(str(CHONGYI.with_suffix(".docx")))
    lines = [p.text for p in d.paragraphs[: 12]]
    table = d.tables[0]
    for tr in table._tbl.tr_lst:
        cells = []
        for tc in tr.tc_lst:
            text = "" if tc.vMerge == "continue" else "".join(t.text or "" for t in tc.iter(f"{{{NS}}}t"))
            cells.append(text)
        lines.append("\t".join(cells))
    lines += [p.text for p in d.paragraphs[12:]]
    path = tmp_path / "chongyi.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_measure_over_rows_under_one_merged_number_reads_alike_in_docx_pdf_and_a_tab_copy(tmp_path):
    want = [
        ("1", ["县林业局"], ["县财政局", "县自然资源局"]),
        ("2", ["县工业和信息化局"], ["县发展改革委", "县市场监管局", "县商务局", "县招商服务中心"]),
        ("3", ["县交通运输局"], ["县林业局", "各乡镇人民政府"]),
        ("4", ["县农业农村局", "县文化广电新闻出版旅游局"], ["县林业局", "县交通运输局"]),
        ("5", ["县金融工作局"], ["县林业局", "县财政局"]),
    ]
    for path in (CHONGYI.with_suffix(".docx"), CHONGYI.with_suffix(".pdf"), _as_tab_text(tmp_path)):
        assert _units(path) == want, path.name


def _table(tmp_path: Path, header: list[str], rows: list[list[str]], merges: list[tuple[int, int, int]]) -> Path:
    """A .docx of a heading, a task table (`merges`: (column, first row, last row) merged down, the text the first
    row's) and a closing heading."""
    d = docx.Document()
    d.add_paragraph("一、重点任务")
    t = d.add_table(rows=1 + len(rows), cols=len(header))
    for cell, text in zip(t.rows[0].cells, header, strict=True):
        cell.text = text
    for r, row in enumerate(rows, start=1):
        for cell, text in zip(t.rows[r].cells, row, strict=True):
            cell.text = text
    for col, a, b in merges:
        text = t.cell(a, col).text
        merged = t.cell(a, col).merge(t.cell(b, col))
        merged.text = text
    d.add_paragraph("二、保障措施")
    path = tmp_path / "table.docx"
    d.save(str(path))
    return path


def test_a_merged_group_number_over_rows_numbered_each_keeps_the_rows_apart(tmp_path):
    """序号 一 merged over rows that carry a number of their own (子项 1, 2): each row is a measure, as before."""
    header = ["序号", "子项", "重点任务", "牵头单位", "配合单位"]
    rows = [["一", "1", "建立巡查制度", "甲局", "乙局"], ["", "2", "开展专项检查", "丙局", "丁局"]]
    path = _table(tmp_path, header, rows, [(0, 1, 2)])
    got = _units(path)
    assert len(got) == 2 and [lead for _, lead, _ in got] == [["甲局"], ["丙局"]]


def test_a_merged_lead_alone_still_leaves_its_rows_two_measures(tmp_path):
    """A 牵头单位 cell merged over two rows numbered 1 and 2 is two measures with one lead, as before."""
    header = ["序号", "重点任务", "牵头单位", "配合单位"]
    rows = [["1", "建立巡查制度", "甲局", "乙局"], ["2", "开展专项检查", "", "丁局"]]
    got = _units(_table(tmp_path, header, rows, [(2, 1, 2)]))
    assert got == [("1", ["甲局"], ["乙局"]), ("2", ["甲局"], ["丁局"])]


def test_rows_under_a_merged_number_are_one_measure_and_the_later_lines_keep_their_numbers(tmp_path):
    header = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位"]
    rows = [["1", "建立巡查制度", "每周巡查。", "甲局", "乙局"], ["", "", "每月通报。", "", "丙局、丁局"],
            ["2", "开展专项检查", "每年检查。", "戊局", "己局"]]
    path = _table(tmp_path, header, rows, [(0, 1, 2), (1, 1, 2), (3, 1, 2)])
    assert _units(path) == [("1", ["甲局"], ["乙局", "丙局", "丁局"]), ("2", ["戊局"], ["己局"])]
    lines = read_docx(path.read_bytes(), "t.docx").lines
    assert lines[-1][1] == "二、保障措施"
    # the closing paragraph keeps the number the cell-by-cell count gives it (engine/report/docx.py looks it up)
    from engine.report.docx import all_paragraphs

    paras = all_paragraphs(docx.Document(str(path)))
    assert paras[lines[-1][0] - 1].text == "二、保障措施"
