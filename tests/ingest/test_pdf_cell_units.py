"""Units typed one a line in a task table's cells, and cells that say "同上" (issue #16, blind28 黑龙江).

fixtures/pdfcells16 (rows.yaml says what each row prints and means): two Word task tables printed to PDF whose unit
columns are just as wide as their longest unit, so a line holding a unit has no room for another character and no
width tells the author's line break from a wrap (省生态环境厅⏎省应急管理厅 was read as one unit), and a .docx; "同上"
(同前, 〃) in a 牵头单位, 配合单位 or 完成时限 cell means the cell above it, in every input form (it was read as a unit
called 同上, or as a deadline "同上完成")."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from engine.ingest import pdf as layout
from engine.ingest import pdf_tables
from engine.pipeline import load_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "pdfcells16"
DOCUMENTS: dict[str, dict] = yaml.safe_load((HERE / "rows.yaml").read_text("utf-8"))["documents"]
PDFS = sorted(name for name in DOCUMENTS if name.endswith(".pdf"))
COLUMN = {"lead": 2, "support": 3}
DITTO = ("同上", "同前", "同上栏", "同上行", "〃")


def _cell_lines(path: Path) -> dict[int, list[tuple[str, float, float, float]]]:
    """Per table column, every printed line of its cells: (text, where it ends, the cell's text limit, size)."""
    import pypdfium2 as pdfium

    out: dict[int, list[tuple[str, float, float, float]]] = {}
    document = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(document)):
            page = document[i]
            glyphs: list[pdf_tables.Glyph] = []
            textpage = page.get_textpage()
            for k in range(textpage.count_chars()):
                box = textpage.get_charbox(k, loose=True)
                ch = textpage.get_text_range(k, 1)
                if ch.strip():
                    glyphs.append((box[1], box[0], box[2], box[3] - box[1], ch, False))
            textpage.close()
            _, rows = pdf_tables.split(glyphs, pdf_tables.grids(page))
            pdf_tables.text_limits(rows)
            page.close()
            for row in rows:
                for c, (cell, limit) in enumerate(zip(row.cells, row.limits or [], strict=True)):
                    for line in pdf_tables.cell_lines(cell):
                        size = max(g[2] - g[1] for g in line)  # an ideograph's advance: one em
                        out.setdefault(c, []).append(("".join(g[4] for g in line), max(g[2] for g in line), limit, size))
    finally:
        document.close()
    return out


@pytest.mark.parametrize("name", PDFS)
def test_fixture_unit_lines_fill_their_cells(name: str) -> None:
    """Guards the fixture, not the engine: the PDF is what rows.yaml says (in each unit column the longest unit a
    line holds exactly `fills` characters and leaves no room for one more, so only the words tell its line break
    from a wrap), so a regenerated copy that loses that fails here rather than passing the tests below vacuously."""
    lines = _cell_lines(HERE / name)
    for role, fills in DOCUMENTS[name]["fills"].items():
        column = [line for line in lines[COLUMN[role]] if line[0] != {"lead": "牵头单位", "support": "配合单位"}[role]]
        assert max(len(text) for text, *_ in column) == fills
        full = [(text, end, limit, size) for text, end, limit, size in column if len(text) == fills]
        assert len(full) >= 2
        for text, end, limit, size in full:
            assert not layout._typed_break(end, size, limit), text  # by width alone: a wrap


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_each_row_names_the_units_the_office_means(name: str) -> None:
    """A unit a line stays a unit, a long name wrapped over lines (市住房和城乡⏎建设局), a national body's office in
    a place (国家税务总局⏎长春市税务局) and a bank's branch (中国人民银行⏎吉林省分行) stay one; a "同上" cell is the cell
    above (with none above, nothing), never a unit of its own."""
    measures = load_plan(str(HERE / name)).measures
    got = [(m.label, m.lead_units, m.support_units) for m in measures]
    rows = DOCUMENTS[name]["rows"]
    assert got == [(r["number"], r["reads"]["lead"], r["reads"]["support"]) for r in rows]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_a_ditto_deadline_is_the_deadline_above(name: str) -> None:
    measures = load_plan(str(HERE / name)).measures
    for m, row in zip(measures, DOCUMENTS[name]["rows"], strict=True):
        assert row["reads"]["when"] in m.text
        assert not any(word in m.text for word in DITTO)


TEXT_TABLE = """长春市人参产业高质量发展行动方案

一、重点任务

序号\t重点任务\t牵头单位\t配合单位\t完成时限
1\t建设人参交易市场。推进长春人参交易中心改造升级。\t市商务局\t市自然资源局、市生态环境局\t2027年12月
2\t加强网络销售监管。规范人参产品网络直播销售行为。\t同上\t市市场监管局\t同上
3\t培育人参精深加工企业。支持企业开发人参食品。\t市工业和信息化局\t同上栏\t2026年6月
"""

HTML_TABLE = """<html><body><h1>长春市人参产业高质量发展行动方案</h1><p>一、重点任务</p>
<table><tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>
<tr><td>1</td><td>建设人参交易市场。推进长春人参交易中心改造升级。</td><td>市商务局</td>
<td>市自然资源局<br>市生态环境局</td><td>2027年12月</td></tr>
<tr><td>2</td><td>加强网络销售监管。规范人参产品网络直播销售行为。</td><td>同上。</td><td>市市场监管局</td><td>同上</td></tr>
<tr><td>3</td><td>培育人参精深加工企业。支持企业开发人参食品。</td><td>市工业和信息化局</td><td>同上行</td>
<td>2026年6月</td></tr>
</table></body></html>"""


@pytest.mark.parametrize(("suffix", "text"), [(".txt", TEXT_TABLE), (".html", HTML_TABLE)])
def test_a_ditto_cell_in_a_text_or_html_table_is_the_cell_above(tmp_path: Path, suffix: str, text: str) -> None:
    path = tmp_path / ("plan" + suffix)
    path.write_text(text, "utf-8")
    measures = load_plan(str(path)).measures
    got = [(m.label, m.lead_units, m.support_units, [d.date for d in m.deadlines]) for m in measures]
    assert got == [
        ("1", ["市商务局"], ["市自然资源局", "市生态环境局"], ["2027-12-31"]),
        ("2", ["市商务局"], ["市市场监管局"], ["2027-12-31"]),
        ("3", ["市工业和信息化局"], ["市市场监管局"], ["2026-06-30"]),
    ]


def test_a_table_wider_than_the_text_block_sets_no_margin() -> None:
    """changchun's table is set wider than the text block (its columns add up to 16.97 cm on a 15.24 cm block, as
    offices widen a task table to the page): its rows' edges are no right margin, so the text's wrapped lines —
    the centred notice heading, the plan's title, the notice's sentence — each join into their paragraph (they
    did not: no line of text reached the table's edge)."""
    from engine.ingest.readers import read_pdf

    name = "changchun-city-ginseng-trade.pdf"
    texts = [str(text) for _, text in read_pdf((HERE / name).read_bytes(), name).lines]
    title = "长春市人参产业高质量发展行动方案（2026—2028年）"
    assert "长春市人民政府办公厅关于印发" + title + "的通知" in texts
    assert title in texts
    assert "《" + title + "》已经市政府同意，现印发给你们，请认真贯彻执行。" in texts


@pytest.mark.parametrize(
    ("last", "line", "two"),
    [
        # a national body over the same-named body of a place: the nation's and the province's, two units
        ("国家发展改革委", "吉林省发展改革委", True),
        ("国家能源局", "吉林省能源局", True),
        ("生态环境部", "吉林省生态环境厅", True),
        ("省生态环境厅", "省应急管理厅", True),
        # a body's office in a place, one name over two lines: a branch's ending, a bare office noun after the place,
        # a vertically managed body's office (unit_registry.yaml kind vertical)
        ("中国人民银行", "吉林省分行", False),
        ("中国农业银行", "鸡西分行", False),
        ("国家矿山安全监察局", "山西局", False),
        ("国家税务总局", "长春市税务局", False),
        ("国家金融监督管理总局", "吉林监管局", False),
    ],
)
def test_two_names_stacked_in_a_cell_stay_two(last: str, line: str, two: bool) -> None:
    assert layout.names_break(last, line) is two
