"""Three input classes blind58 and blind62 showed (fixtures/fix58/ models each with other offices; see its README):

1. .docx with tracked changes: a paragraph whose mark is deleted or moved away takes no automatic number (the list
   closes up on acceptance); a tracked style change numbers a paragraph by its new properties (engine/ingest/numbering.py);
2. .pdf printed with Word line numbering: the margin numbers are dropped, real numbers kept (engine/ingest/line_numbers.py);
3. task tables: 责任单位 beside 牵头单位 takes part (support); a .pdf cell merged down gives its text to every row it
   spans, wherever Word printed it (engine/ingest/tables.py, engine/ingest/pdf_tables.py).
The documents' golds are read by tests/parse/test_fix_golds.py.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml

from engine.ingest import load_document
from engine.ingest.line_numbers import LineNumbers
from engine.ingest.readers import read_pdf
from engine.ingest.tables import Cell, column_role, row_line
from tests.ingest.word_lists import W, lvl, numbered_document

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix58"

TRACK = 'w:id="{}" w:author="甲" w:date="2026-03-01T00:00:00Z"'


# --------------------------------------------------------------------------- 1. tracked .docx and Word numbering


def _document() -> docx.document.Document:
    """A document with one list: （一）（二）… (numId 3)."""
    return numbered_document({1: lvl(0, "chineseCounting", "（%1）")}, {3: '<w:abstractNumId w:val="1"/>'})


def _item(d: docx.document.Document, text: str = "", *, mark: str | None = None, runs: str | None = None) -> object:
    """A numbered paragraph; `mark`: its paragraph mark tracked (del, moveFrom, moveTo); `runs`: its text inside that
    kind of tracked change rather than plain."""
    p = d.add_paragraph("" if runs else text)
    ppr = p._p.get_or_add_pPr()
    ppr.insert(0, parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>'))
    if runs:
        tag = "w:delText" if runs == "del" else "w:t"
        p._p.append(parse_xml(f'<w:{runs} {W} {TRACK.format(9)}><w:r><{tag}>{text}</{tag}></w:r></w:{runs}>'))
    if mark:
        ppr.append(parse_xml(f'<w:rPr {W}><w:{mark} {TRACK.format(8)}/></w:rPr>'))
    return p


def _texts(d: docx.document.Document, tmp_path: Path) -> list[str]:
    path = tmp_path / "t.docx"
    d.save(str(path))
    return [p.text for p in load_document(str(path)).paragraphs]


def test_a_tracked_deleted_numbered_paragraph_takes_no_number(tmp_path):
    d = _document()
    _item(d, "甲。")
    _item(d, "乙。", mark="del", runs="del")
    _item(d, "丙。")
    assert _texts(d, tmp_path) == ["(一)甲。", "(二)丙。"]


def test_a_moved_measure_is_numbered_where_it_lands(tmp_path):
    d = _document()
    _item(d, "甲。")
    _item(d, "乙。", mark="moveFrom", runs="moveFrom")
    _item(d, "丙。")
    _item(d, "乙。", mark="moveTo", runs="moveTo")
    assert _texts(d, tmp_path) == ["(一)甲。", "(二)丙。", "(三)乙。"]


def test_a_paragraph_whose_mark_is_deleted_runs_on_under_the_next_number(tmp_path):
    d = _document()
    _item(d, "甲。")
    _item(d, "乙的前半。", mark="del")
    _item(d, "乙的后半。")
    assert _texts(d, tmp_path) == ["(一)甲。", "(二)乙的前半。乙的后半。"]


def test_all_runs_deleted_but_the_mark_kept_is_an_empty_numbered_paragraph(tmp_path):
    """Word keeps such a paragraph (and its number) on acceptance: only a deleted MARK removes it."""
    d = _document()
    _item(d, "甲。")
    _item(d, "乙。", runs="del")
    _item(d, "丙。")
    assert _texts(d, tmp_path)[-1] == "(三)丙。"


def test_a_tracked_style_change_numbers_by_the_new_style(tmp_path):
    d = _document()
    style = d.styles.add_style("Item", 1)
    style.element.set(f"{{{W[9:-1]}}}styleId", "Item")
    style.element.get_or_add_pPr().insert(0, parse_xml(f'<w:numPr {W}><w:numId w:val="3"/></w:numPr>'))
    d.add_paragraph("甲。", style="Item")
    p = d.add_paragraph("乙。", style="Item")
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:pPrChange {W} {TRACK.format(7)}><w:pPr><w:ind w:firstLine="640"/></w:pPr></w:pPrChange>'
    ))
    q = d.add_paragraph("丙。")  # the other way round: numbered before, plain now
    q._p.get_or_add_pPr().append(parse_xml(
        f'<w:pPrChange {W} {TRACK.format(6)}><w:pPr><w:pStyle w:val="Item"/></w:pPr></w:pPrChange>'
    ))
    d.add_paragraph("丁。", style="Item")
    assert _texts(d, tmp_path) == ["(一)甲。", "(二)乙。", "丙。", "(三)丁。"]


# --------------------------------------------------------------------------- 2. Word line numbers in a .pdf

EM = 16.0


def _line(y: float, x: float, text: str, size: float = EM) -> list[tuple]:
    return [(y, x + k * size, x + (k + 1) * size, size, ch, False) for k, ch in enumerate(text)]


def _number(y: float, n: int, right: float = 72.0) -> list[tuple]:
    digits = str(n)
    w = 7.0
    return [(y, right - (len(digits) - k) * w, right - (len(digits) - k - 1) * w, 11.0, ch, False)
            for k, ch in enumerate(digits)]


def _page(lines: list[str], numbers: list[int | None], x: float = 90.0, indent: set[int] | None = None) -> list[tuple]:
    out: list[tuple] = []
    for k, text in enumerate(lines):
        y = 700 - 22 * k
        out += _line(y, x + (2 * EM if indent and k in indent else 0), text)
        if k < len(numbers) and numbers[k] is not None:
            out += _number(y, numbers[k])  # type: ignore[arg-type]
    return out


def _text(glyphs: list[tuple]) -> str:
    return "".join(g[4] for g in glyphs)


BODY = ["为推进产业发展制定本方案", "2026年全市产值达到30亿元", "一、重点任务", "1.加强组织领导各单位", "要按照职责分工抓好落实",
        "2.强化要素保障市财政局", "负责统筹资金保障工作"]  # fmt: skip


def test_margin_line_numbers_are_dropped_and_real_numbers_kept():
    page = _page(BODY, list(range(1, len(BODY) + 1)))
    kept = LineNumbers().strip(page)
    assert _text(kept) == "".join(BODY)


def test_numbers_every_fifth_line_counted_on_over_pages():
    numbers = LineNumbers()
    first = _page(BODY * 2 + BODY[:1], [n if n % 5 == 0 else None for n in range(1, 16)])
    assert _text(numbers.strip(first)) == "".join(BODY * 2 + BODY[:1])
    second = _page(BODY[:6], [None, None, None, None, 20, None])  # one number: the column is known by now
    assert _text(numbers.strip(second)) == "".join(BODY[:6])


def test_a_hanging_list_keeps_its_numbers():
    """Numbers left of all text, increasing, aligned: but one per item of several lines, so they number items."""
    lines, numbers = [], []
    for n in range(1, 6):
        lines += [f"第{n}项工作内容的第一行文字", "第二行文字", "第三行文字"]
        numbers += [n, None, None]
    page = _page(lines, numbers, x=100.0)
    assert LineNumbers().strip(page) == page


def test_numbers_that_do_not_increase_or_stand_in_the_text_are_kept():
    page = _page(BODY, [3, 1, 4, 1, 5, 9, 2])
    assert LineNumbers().strip(page) == page
    # a figure at the start of an indented line, text of other lines further left: not in the margin
    inline = _page(["2026年目标", "全市产值达到", "30亿元以上"] * 3, [], x=90.0, indent={0, 3, 6})
    assert LineNumbers().strip(inline) == inline


def test_a_line_numbered_pdf_reads_without_its_numbers():
    lines = [t for _, t in read_pdf((HERE / "zhaoqing-city-inkstone-lined.pdf").read_bytes(), "z.pdf").lines]
    assert lines[0] == "肇庆市端砚文化产业振兴行动方案（2026—2028年）"
    assert lines[1] == "（征求意见稿）"
    assert not any(t.isdigit() for t in lines)
    assert any("到2028年，全市端砚文化产业总产值突破30亿元" in t for t in lines)


# --------------------------------------------------------------------------- 3. 牵头单位 | 责任单位, merged cells


def _row(*texts: str) -> list[Cell]:
    return [Cell(k, 1, [t]) for k, t in enumerate(texts)]


def _roles(*heads: str) -> dict[int, str]:
    return {k: r for k, h in enumerate(heads) if (r := column_role(h)) is not None}


def test_duty_beside_lead_takes_part():
    roles = _roles("序号", "工作任务", "牵头单位", "责任单位", "完成时限")
    line = row_line(_row("1", "扩大种植。", "市林业局", "市农业农村局 市财政局", "2026年12月"), roles, 1)
    assert "(牵头单位:市林业局;配合单位:市农业农村局、市财政局)" in line.text  # type: ignore[union-attr]


def test_duty_alone_and_a_row_without_its_lead_stay_joint():
    alone = _roles("序号", "工作任务", "责任单位", "完成时限")
    line = row_line(_row("1", "扩大种植。", "市林业局 市财政局", "年底"), alone, 1)
    assert "(责任单位:市林业局、市财政局)" in line.text  # type: ignore[union-attr]
    both = _roles("序号", "工作任务", "牵头单位", "责任单位")
    assert "(责任单位:市林业局)" in row_line(_row("2", "扩大种植。", "", "市林业局"), both, 1).text  # type: ignore[union-attr]


def test_a_pdf_cell_merged_down_belongs_to_every_row_it_spans():
    lines = [t for _, t in read_pdf((HERE / "heyuan-city-camellia-vmerge.pdf").read_bytes(), "h.pdf").lines]
    rows = [t.split("\t") for t in lines if "\t" in t]
    assert [r[2] for r in rows[:3]] == ["市林业局"] * 3  # vertically centred: printed once, beside row 2
    assert rows[3][3] == rows[4][3] == "市商务局、市市场监督管理局"  # its text at the top of rows 4-5


def test_a_page_of_margin_digits_is_stripped_in_bounded_time() -> None:
    """A hostile page: 60,000 digits stacked left of its one character. Picking the numbers' column compared every
    edge with every other (37 s for 20,000 digits); it is sorted now. A hang guard on this process's CPU time."""
    import time

    glyphs = [(1000 - k * 0.01, 10.0, 15.0, 10.0, str(1 + k % 9), False) for k in range(60000)]
    glyphs.append((500.0, 100.0, 110.0, 10.0, "字", False))
    start = time.process_time()
    LineNumbers().strip(glyphs)
    assert time.process_time() - start < 10
