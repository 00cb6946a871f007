"""Task tables as offices print them (fixtures/tables36, README there).

- A table set as TWO tables, a "续表" line and the header row again over the second (.docx, the .pdf soffice makes
  of it, the text `pdftotext -layout` makes of that): one table, every row read once and numbered once, the 续表 line
  no text of the measure above it (it was read into the last measure of the first part; without a 序号 column the
  second part numbered its rows from 1 again). engine/ingest/tables.py `TableRun`, `continued_caption`.
- `pdftotext -layout` text (engine/ingest/layout_tables.py): positions counted in characters, a header word centred
  over its column, each page on its own scale, and tables without a 序号 column (none of them was read).
- 序号 cells numbered by Word's list numbering (no text in the cell) and a web table pasted from Word (a <p> a cell
  line, rowspan on 牵头单位) already read right: guards.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from engine.ingest import from_text, load_document
from engine.ingest.tables import continued_caption
from engine.parse import parse_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "tables36"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

SHAOGUAN_LEADS = ["市农业农村局", "市农业农村局", "市商务局", "市市场监管局", "市农业农村局", "市科技局", "市商务局",
                  "市金融工作局", "市人力资源社会保障局"]  # fmt: skip
QIANJIANG_LEADS = ["区住房城乡建委", "区住房城乡建委", "区城市管理局", "区城市管理局", "区住房城乡建委", "区城市管理局",
                   "区住房城乡建委"]  # fmt: skip


def _plan(name: str):
    return parse_plan(load_document(str(HERE / name)))


def _read(plan) -> list[tuple[str, str, list[str], list[str], str | None]]:
    return [
        (m.ref, m.label, m.lead_units, m.support_units, m.deadlines[0].date if m.deadlines else None)
        for m in plan.measures
    ]


@pytest.mark.parametrize("ext", ["docx", "pdf", "txt"])
def test_a_table_continued_under_xubiao_is_read_once(ext: str) -> None:
    plan = _plan(f"shaoguan-city-prepared-food-continued.{ext}")
    got = _read(plan)
    assert [r[0] for r in got] == [str(n) for n in range(1, 10)]
    assert [r[2] for r in got] == [[u] for u in SHAOGUAN_LEADS]
    assert got[7][3] == ["中国人民银行韶关市分行", "国家金融监督管理总局韶关监管分局"]  # names broken over lines (.txt)
    assert [r[4] for r in got][:3] == ["2027-12-31", "2028-12-31", "2027-06-30"]  # 2027 年 / 12 月 in the .txt
    assert not any("续表" in m.text or "序号" in m.text for m in plan.measures)
    assert plan.measures[4].text.endswith("2026年12月底前完成。")  # the last row above the 续表 line


@pytest.mark.parametrize("ext", ["docx", "pdf", "txt"])
def test_a_table_without_a_number_column_is_numbered_on_across_its_continuation(ext: str) -> None:
    plan = _plan(f"qianjiang-district-renewal-no-number.{ext}")
    got = _read(plan)
    assert [r[0] for r in got] == [str(n) for n in range(1, 8)]  # numbered once, in order: no ref qualified
    assert [r[2] for r in got] == [[u] for u in QIANJIANG_LEADS]
    assert got[0][3] == ["区财政局", "城西街道办事处", "城南街道办事处"]
    assert [r[4] for r in got] == ["2026-12-31", "2026-11-30", "2026-12-31", "2026-10-31", "2026-06-30",
                                   "2026-12-31", "2026-12-31"]  # fmt: skip
    assert not any("续表" in m.text or "重点任务" in m.text for m in plan.measures)
    assert [m.section_titles[-1] for m in plan.measures] == ["完善城市功能"] * 3 + ["改善人居环境"] * 2 + [
        "提升治理水平"] * 2  # fmt: skip
    assert "保障措施" in [s.title for s in plan.sections]  # the prose after the table is no row


@pytest.mark.parametrize("ext", ["docx", "pdf"])
def test_numbers_from_word_lists_in_the_number_column(ext: str) -> None:
    """The 序号 cells hold no text; Word prints 1.–6., and 7.–9. in the 续表 (a list of its own set to start at 7)."""
    got = _read(_plan(f"yuanling-county-tea-autonumber.{ext}"))
    assert [r[1] for r in got] == [str(n) for n in range(1, 10)]
    assert got[6][2:4] == (["县商务局"], ["县供销合作社联合社"])


def test_a_web_table_pasted_from_word_with_merged_lead_cells() -> None:
    got = _read(_plan("pingxiang-city-business-cell-paragraphs.html"))
    assert [r[0] for r in got] == [str(n) for n in range(1, 8)]
    assert [r[2] for r in got] == [["市行政审批局"], ["市行政审批局"], ["市司法局"], ["市金融办"], ["市商务局"],
                                   ["市发展改革委"], ["市发展改革委"]]  # fmt: skip
    assert got[3][3] == ["中国人民银行萍乡市分行", "国家金融监督管理总局萍乡监管分局", "市财政局"]


# ---- the same forms built here, smaller --------------------------------------------------------------------------


def _task_table(d, head: list[str], rows: list[list[str]], num: int | None = None) -> None:
    table = d.add_table(rows=1 + len(rows), cols=len(head))
    for c, text in enumerate(head):
        table.cell(0, c).text = text
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
        if num is not None:
            table.cell(r, 0).paragraphs[0]._p.get_or_add_pPr().insert(
                0, parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>')
            )


HEAD = ["重点任务", "牵头单位", "配合单位", "完成时限"]
PART1 = [["建设数据中心。", "县数据局", "县财政局", "2026年12月"], ["完善监测平台。", "县应急局", "县水利局", "2026年6月"]]
PART2 = [["推进智慧停车。", "县城管局", "县公安局", "2026年9月"]]


def _docx_plan(tmp_path: Path, build) -> object:
    d = docx.Document()
    d.add_paragraph("某县2026年城市治理工作方案")
    d.add_paragraph("一、重点任务")
    build(d)
    d.add_paragraph("二、保障措施")
    d.add_paragraph("（一）加强组织领导。县政府统筹推进。")
    path = tmp_path / "plan.docx"
    d.save(str(path))
    return parse_plan(load_document(str(path)))


def test_two_tables_with_the_same_header_and_text_between_are_two_tables(tmp_path: Path) -> None:
    """Only blank lines and a 续表 line join two tables: a paragraph of text between them keeps them apart (each
    numbers its rows from 1, as before)."""

    def build(d) -> None:
        _task_table(d, HEAD, PART1)
        d.add_paragraph("续表")
        _task_table(d, HEAD, PART2)
        d.add_paragraph("附表2　城区任务")
        _task_table(d, HEAD, PART1)

    plan = _docx_plan(tmp_path, build)
    assert [m.label for m in plan.measures] == ["1", "2", "3", "1", "2"]
    assert any(p.text.startswith("附表2") for p in load_document(str(tmp_path / "plan.docx")).paragraphs)


def test_a_word_list_in_the_number_column_keeps_its_start(tmp_path: Path) -> None:
    def build(d) -> None:
        numbering = d.part.numbering_part.element
        numbering.append(parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="77"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>'
        ))
        numbering.append(parse_xml(
            f'<w:num {W} w:numId="77"><w:abstractNumId w:val="77"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>'
        ))
        _task_table(d, ["序号", *HEAD], [["", *row] for row in PART1 + PART2], num=77)

    plan = _docx_plan(tmp_path, build)
    assert [m.label for m in plan.measures] == ["4", "5", "6"]


def test_a_text_table_continued_under_xubiao() -> None:
    """Tab-separated (a .txt copied out of Word, or a PDF's ruled table): the table goes on past blank lines, the 续表
    line and its header again; without 序号 its rows are numbered on."""
    head = "\t".join(HEAD)
    rows = ["\t".join(r) for r in PART1]
    text = "\n".join(["某县2026年城市治理工作方案", "一、重点任务", head, *rows, "", "续表1", head,
                      "\t".join(PART2[0]), "", "二、保障措施", "（一）加强组织领导。县政府统筹推进。"])  # fmt: skip
    plan = parse_plan(from_text(text))
    assert [(m.ref, m.lead_units) for m in plan.measures] == [("1", ["县数据局"]), ("2", ["县应急局"]), ("3", ["县城管局"])]
    assert not any("续表" in m.text for m in plan.measures)


@pytest.mark.parametrize(
    "line", ["续表", "续表1", "续表 1", "　续表一", "（续表）", "续上表", "接上表", "续表1　重点任务分工表", "表1（续）",
             "附表2　重点任务分工表（续表）", "續表2"],
)  # fmt: skip
def test_continued_captions(line: str) -> None:
    assert continued_caption(line)


@pytest.mark.parametrize(
    "line", ["续表中的任务由各单位负责落实。", "继续推进表彰奖励工作", "表1　重点任务分工表", "接上级通知，现将有关事项通知如下：",
             "续建项目", ""],
)  # fmt: skip
def test_lines_that_are_no_continued_captions(line: str) -> None:
    assert not continued_caption(line)
