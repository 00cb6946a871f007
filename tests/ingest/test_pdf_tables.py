"""A ruled table in a PDF reads row by row, cell by cell, as the same table in a .docx does."""

from __future__ import annotations

from pathlib import Path

from engine.ingest import load_document
from engine.pipeline import load_plan

SIZE = 10.0
FONT = "STSong-Light"


def _canvas(path: Path):  # type: ignore[no-untyped-def]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return canvas.Canvas(str(path))


def _wrap(text: str, width: int) -> list[str]:
    """Lines of `width` characters; a "\n" is a line break the author typed."""
    return [p[i : i + width] for p in text.split("\n") for i in range(0, len(p), width)] or [""]


def _table(c, top: float, columns: list[tuple[float, int]], rows: list[list[str]]) -> float:  # type: ignore[no-untyped-def]
    """Draw rows of cells (text wrapped to each column's width in characters) inside rules, as an
    office's PDF of a Word table has them; returns the y under the table."""
    lefts = [72.0]
    for width, _ in columns:
        lefts.append(lefts[-1] + width)
    c.setLineWidth(0.5)
    y = top
    c.line(lefts[0], y, lefts[-1], y)
    for row in rows:
        cells = [_wrap(text, chars) for text, (_, chars) in zip(row, columns, strict=False)]
        if len(row) == 1:  # a merged row: one cell across the table
            cells = [_wrap(row[0], sum(ch for _, ch in columns))]
        height = max(len(x) for x in cells) * SIZE * 1.4 + 4
        c.setFont(FONT, SIZE)
        for k, lines in enumerate(cells):
            for n, text in enumerate(lines):
                c.drawString(lefts[k] + 2, y - (n + 1) * SIZE * 1.4, text)
        inner = [] if len(row) == 1 else lefts[1:-1]
        for x in [lefts[0], *inner, lefts[-1]]:
            c.line(x, y, x, y - height)
        y -= height
        c.line(lefts[0], y, lefts[-1], y)
    return y


COLUMNS = [(30.0, 2), (150.0, 14), (80.0, 7), (100.0, 9), (70.0, 6)]
HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
ROWS = [
    ["1", "建立统计数据质量责任追溯制度，对统计数据生产全流程实行留痕管理。", "市统计局", "各县市区人民政府", "2025年9月底前"],
    ["二、夯实统计基础"],
    ["2", "规范部门统计调查项目管理，未经审批的统计调查项目一律停止实施。", "市统计局", "市直有关部门、市财政局", "2025年6月底前"],
]  # fmt: skip


def _plan_pdf(path: Path, split_last_row: bool = False) -> Path:
    c = _canvas(path)
    c.setFont(FONT, 16)
    c.drawString(72, 780, "某市统计数据质量提升重点任务分工表")
    if not split_last_row:
        _table(c, 740, COLUMNS, [HEADER, *ROWS])
    else:
        _table(c, 740, COLUMNS, [HEADER, *ROWS[:2], ["2", "规范部门统计调查项目管理，", "市统计局", "市直有关部门、", ""]])
        c.showPage()
        _table(c, 780, COLUMNS, [["", "未经审批的统计调查项目一律停止实施。", "", "市财政局", "2025年6月底前"]])
    c.showPage()
    c.save()
    return path


def test_ruled_task_table_gives_one_line_a_row_with_its_units(tmp_path: Path) -> None:
    path = _plan_pdf(tmp_path / "table.pdf")
    doc = load_document(str(path))
    rows = [p.text for p in doc.paragraphs if p.table_row]
    assert len(rows) == 3  # the header dropped; the merged section row stays in its place
    assert rows[0].startswith("1.建立") and "留痕管理。" in rows[0] and "各县市区人民政府" in rows[0]
    assert rows[1] == "二、夯实统计基础"
    measures = _measures(path)
    assert ("1", ["市统计局"], ["各县市区人民政府"]) in measures
    assert ("2", ["市统计局"], ["市直有关部门", "市财政局"]) in measures
    assert measures == _measures(_as_text(tmp_path / "table.txt"))  # what the same table as text gives


def _measures(path: Path) -> list[tuple[str, list[str], list[str]]]:
    return [(m.label, m.lead_units, m.support_units) for m in load_plan(str(path)).measures]


def _as_text(path: Path) -> Path:
    lines = ["某市统计数据质量提升重点任务分工表", *("\t".join(row) for row in [HEADER, *ROWS])]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_row_cut_by_a_page_break_is_put_back_together(tmp_path: Path) -> None:
    split = _plan_pdf(tmp_path / "split.pdf", split_last_row=True)
    assert _measures(split) == _measures(_plan_pdf(tmp_path / "whole.pdf"))
    assert ("2", ["市统计局"], ["市直有关部门", "市财政局"]) in _measures(split)
    assert "一律停止实施。" in load_plan(str(split)).measures[-1].text


def test_a_table_that_is_no_task_table_reads_cell_by_cell(tmp_path: Path) -> None:
    path = tmp_path / "plain.pdf"
    c = _canvas(path)
    c.setFont(FONT, 16)
    c.drawString(72, 780, "一、主要指标")
    _table(c, 740, [(120.0, 10), (120.0, 10), (120.0, 10)], [["指标", "2025年", "2027年"], ["养老床位", "1万张", "2万张"]])
    c.showPage()
    c.save()
    texts = [p.text for p in load_document(str(path)).paragraphs]
    assert texts == ["一、主要指标", "指标", "2025年", "2027年", "养老床位", "1万张", "2万张"]


# A task table over three pages, as an office prints one: the header row marked to repeat stands at the
# top of every page (so it repeats where a running header would), category rows (one merged cell) group
# the numbered rows, and a row cut by a page break goes on after the repeated header.
LONG_ROWS = [
    ["一、完善基础设施"],
    *[[str(n), f"第{n}项任务，推进相关工作落实到位。", "市住房城乡建设局", f"市发展改革委、市财政局{n}", "2025年底前"] for n in (1, 2, 3)],
    ["二、强化服务保障"],
    *[[str(n), f"第{n}项任务，做好服务保障工作。", "市营商局", "", "长期坚持"] for n in (4, 5)],
]  # fmt: skip


def _long_pdf(path: Path) -> Path:
    c = _canvas(path)
    _table(c, 780, COLUMNS, [HEADER, *LONG_ROWS[:3]])
    c.showPage()
    split = LONG_ROWS[3]
    _table(c, 780, COLUMNS, [HEADER, [split[0], split[1][:6], split[2], "市发展改革委、", ""]])
    c.showPage()
    _table(c, 780, COLUMNS, [HEADER, ["", split[1][6:], "", split[3][len("市发展改革委、"):], split[4]], *LONG_ROWS[4:]])
    c.drawString(72, 500, "三、保障措施")
    c.showPage()
    c.save()
    return path


def test_task_table_over_pages_with_a_repeated_header_and_category_rows(tmp_path: Path, make_docx) -> None:  # type: ignore[no-untyped-def]
    expected = [
        (str(n), ["市住房城乡建设局"], ["市发展改革委", f"市财政局{n}"]) for n in (1, 2, 3)
    ] + [(str(n), ["市营商局"], []) for n in (4, 5)]
    pdf = _long_pdf(tmp_path / "long.pdf")
    assert _measures(pdf) == expected  # the category rows are headings, the repeated header no row
    assert "推进相关工作落实到位。" in load_plan(str(pdf)).measures[2].text
    # the same table as text copied from those pages (the header line again where a page began), and
    # as a .docx whose author typed the header row again in the middle
    paged = [HEADER, *LONG_ROWS[:4], HEADER, *LONG_ROWS[4:]]
    text = tmp_path / "long.txt"
    text.write_text("\n".join("\t".join(r) for r in paged) + "\n三、保障措施\n", "utf-8")
    assert _measures(text) == expected
    rows = [r if len(r) > 1 else [r[0], "<", "<", "<", "<"] for r in paged]
    assert _measures(make_docx(tmp_path / "long.docx", [rows, "三、保障措施"])) == expected


def test_line_break_typed_in_a_cell_parts_two_units(tmp_path: Path) -> None:
    # 牵头单位 holds two units on lines of their own; a unit too long for the cell wraps and stays one
    rows = [
        ["1", "加强供热安全管理，每月至少开展1次安全隐患排查。", "市应急管理局\n市市场监管局", "市住房城乡建设局", "供暖期内"],
        ["2", "强化供电保障，遇电网故障时2小时内恢复供电。", "国网鞍山供电公司", "市发展改革委", "供暖期内"],
    ]  # fmt: skip
    path = tmp_path / "break.pdf"
    c = _canvas(path)
    _table(c, 740, COLUMNS, [HEADER, *rows])
    c.showPage()
    c.save()
    assert _measures(path) == [
        ("1", ["市应急管理局", "市市场监管局"], ["市住房城乡建设局"]),
        ("2", ["国网鞍山供电公司"], ["市发展改革委"]),
    ]
