"""A .pdf task table that runs over pages, cut by each page break (blind66 晋城市, blind65 江苏省; fixtures/pages66 models
the class with other offices, README there):

- a merged 类别 / 任务类别 column (one cell per group of rows) before the 序号: a row atop the next page under the empty
  part of a group cell is a row of its own (it has its own 序号), and a row cut by the break goes on there even when its
  group cell's word goes on too (果园提⏎质): the 序号 cell, not the first, tells (engine/ingest/pdf.py `_own_cell`);
- a cell merged down over rows on both sides of a break (a 牵头单位 over rows 9-11, the break after row 10; a 配合部门
  over rows 5-7, the break after row 5) belongs to every row it spans, as it does within a page (`_merged_on`); an
  empty cell of one row atop a page, no merge in sight, stays empty;
- a row cut over three pages is one row.
"""

from __future__ import annotations

from pathlib import Path

from engine.ingest import pdf as layout

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "pages66"
HEADER_WORDS = ("序号", "类别", "任务类别")


def _rows(name: str) -> dict[int, list[list[str]]]:
    """The ruled table rows of each page (page index from 0) as the PDF reader sees them before joining anything: the
    cells' texts, spaces dropped; the header row, where a page prints it, as it is."""
    import pypdfium2 as pdfium

    out: dict[int, list[list[str]]] = {}
    document = pdfium.PdfDocument(str(HERE / f"{name}.pdf"))
    try:
        for i in range(len(document)):
            page = document[i]
            textpage = page.get_textpage()
            lines, _ = layout.page_lines(textpage, i, page)
            textpage.close()
            page.close()
            for line in lines:
                if line.cells is not None:
                    out.setdefault(i, []).append(["".join(c.split()) for c in line.cells])
    finally:
        document.close()
    return out


def _body(rows: list[list[str]]) -> list[list[str]]:
    return [r for r in rows if r[0] not in HEADER_WORDS]


def test_fixture_breaks_fall_where_the_readme_says():
    """Guards the fixtures, not the engine: a regenerated PDF whose page breaks moved fails here rather than passing the
    tests below vacuously."""
    yanan = _rows("yanan-city-apple-groups-pages")
    assert [r[:2] for r in _body(yanan[0])] == [["果园提", "1"]]  # the group word cut with row 1
    assert _body(yanan[1])[0][:2] == ["质", ""] and _body(yanan[1])[-1][1] == "12"
    assert _body(yanan[2])[0][1] == "" and _body(yanan[2])[1][:2] == ["", "13"]
    assert all(rows[0][0] == "类别" for rows in yanan.values())  # the header row atop every page

    anhua = _rows("anhua-county-dark-tea-groups-three-pages")
    assert [r[:2] for r in _body(anhua[0])] == [["茶园基地建设", "1"]]
    assert [r[:2] for r in _body(anhua[1])[:3]] == [["", "2"], ["", "3"], ["", "4"]]
    assert _body(anhua[1])[-1][1] == "12" and _body(anhua[2])[0][:2] == ["", ""]

    fujian = _rows("fujian-province-mariculture-annex-merged-lead")
    assert _body(fujian[2])[-1][0] == "10" and _body(fujian[2])[-2][3] == "省海洋与渔业局"
    assert _body(fujian[3])[0][0] == "11" and _body(fujian[3])[0][3] == ""

    pujiang = _rows("pujiang-county-kiwi-merged-support-pages")
    assert _body(pujiang[1])[-1][0] == "5" and _body(pujiang[1])[-1][3] == "县发展和改革局县供销合作社"
    assert [(r[0], r[3]) for r in pujiang[2][:2]] == [("6", ""), ("7", "")]  # no header repeated
    assert pujiang[2][-1][:1] == ["17"] and [(r[0], r[3]) for r in pujiang[3]] == [("18", "")]


def _row(page: int, cells: list[str], below: set[int] = frozenset(), above: set[int] = frozenset()) -> layout.Line:
    merged = [(k in above, k in below) for k in range(len(cells))]
    return layout.Line(page=page, text="\t".join(cells), x0=0, x1=400, y=700 - page, size=12, cells=cells,
                       merged=merged)  # fmt: skip


def _texts(*rows: layout.Line) -> list[str]:
    return [text for _, text in layout.paragraphs([[row] for row in rows])]


def test_a_row_cut_over_three_pages_is_one_row():
    rows = (
        _row(0, ["1", "甲任务的开头", "市甲局"]),
        _row(1, ["", "甲任务的中段", ""]),
        _row(2, ["", "甲任务的结尾。", ""]),
        _row(2, ["2", "乙任务。", "市乙局"]),
    )
    assert _texts(*rows) == ["1\t甲任务的开头甲任务的中段甲任务的结尾。\t市甲局", "2\t乙任务。\t市乙局"]


def test_an_empty_cell_atop_a_page_takes_the_merged_cell_above_only():
    # the 牵头 cell of rows 1-2 merged (row 2 one with row 1 above it): row 3 atop the next page, empty there, is its
    # part; the 配合 cell of row 2 is its own, row 3's empty one stays empty
    rows = (
        _row(0, ["1", "甲。", "市甲局", "市丙局"], below={2}),
        _row(0, ["2", "乙。", "市甲局", "市丁局"], above={2}),
        _row(1, ["3", "丙。", "", ""]),
    )
    assert _texts(*rows)[-1] == "3\t丙。\t市甲局\t"


def test_a_row_number_is_no_year():
    from engine.ingest.tables import numbers_a_row

    assert numbers_a_row("12") and numbers_a_row("（3）") and numbers_a_row("2.1") and numbers_a_row("七")
    assert not numbers_a_row("2026") and not numbers_a_row("2026年")
