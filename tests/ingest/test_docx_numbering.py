"""A .docx numbered with Word's automatic numbering reads with the numbers Word prints (w:numPr)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from engine.ingest import load_document
from engine.ingest.numbering import show
from engine.pipeline import load_plan
from tests.ingest.word_lists import W
from tests.ingest.word_lists import lvl as _lvl
from tests.ingest.word_lists import numbered_document as _document

# the usual multi-level list of a 公文: 一、 / （一） / 1. / （1）
OUTLINE = (
    _lvl(0, "chineseCounting", "%1、")
    + _lvl(1, "chineseCounting", "（%2）")
    + _lvl(2, "decimal", "%3.")
    + _lvl(3, "decimal", "（%4）")
)


def _numbered(d: docx.document.Document, text: str, num: int, ilvl: int = 0) -> None:
    p = d.add_paragraph(text)
    p._p.get_or_add_pPr().insert(
        0, parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>')
    )


def _texts(d: docx.document.Document, tmp_path: Path) -> list[str]:
    path = tmp_path / "n.docx"
    d.save(str(path))
    return [p.text for p in load_document(str(path)).paragraphs]


def test_multilevel_list_prints_its_numbers_and_restarts_deeper_levels(tmp_path: Path) -> None:
    d = _document({1: OUTLINE}, {5: '<w:abstractNumId w:val="1"/>'})
    d.add_paragraph("关于推进法治政府建设的实施方案")
    for text, level in [
        ("总体要求", 0), ("重点任务", 0), ("深化改革", 1), ("推进放管服。", 2), ("优化营商环境。", 2),
        ("细化清单", 3), ("加强监管", 1), ("健全机制。", 2), ("保障措施", 0),
    ]:  # fmt: skip
        _numbered(d, text, 5, level)
    assert _texts(d, tmp_path)[1:] == [
        "一、总体要求", "二、重点任务", "(一)深化改革", "1.推进放管服。", "2.优化营商环境。",
        "(1)细化清单", "(二)加强监管", "1.健全机制。", "三、保障措施",
    ]  # fmt: skip


def test_lists_of_one_definition_share_the_count_unless_they_restart(tmp_path: Path) -> None:
    d = _document(
        {1: _lvl(0, "decimal", "%1．")},
        {
            1: '<w:abstractNumId w:val="1"/>',
            2: '<w:abstractNumId w:val="1"/>',  # goes on counting
            3: '<w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>',
        },
    )
    for text, num in [("甲。", 1), ("乙。", 1), ("丙。", 2), ("丁。", 3), ("戊。", 3)]:
        _numbered(d, text, num)
    assert _texts(d, tmp_path) == ["1.甲。", "2.乙。", "3.丙。", "1.丁。", "2.戊。"]


def test_numbering_from_a_paragraph_style(tmp_path: Path) -> None:
    """Heading styles linked to a list (标题 1 → 一、) number paragraphs that carry no w:numPr."""
    d = _document({1: OUTLINE}, {7: '<w:abstractNumId w:val="1"/>'})
    style = d.styles["Heading 2"].element
    style.get_or_add_pPr().insert(0, parse_xml(f'<w:numPr {W}><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr>'))
    d.add_paragraph("深化改革", style="Heading 2")
    d.add_paragraph("正文。")
    d.add_paragraph("加强监管", style="Heading 2")
    assert _texts(d, tmp_path) == ["(一)深化改革", "正文。", "(二)加强监管"]


def test_none_and_numid_zero_print_nothing_and_a_bullet_prints_its_mark(tmp_path: Path) -> None:
    """A bullet prints the mark Word shows (a symbol font's private character as the font's glyph, one of a font not
    known as "•"; rulesets/data/bullets.yaml `word_symbols`): the parser reads it as a list's leader (fixtures/bullets69)."""
    wingdings = '<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr>'
    d = _document(
        {
            1: _lvl(0, "bullet", "\uf06c"),
            2: _lvl(0, "none", ""),
            3: _lvl(0, "bullet", "\uf0d8", wingdings),
            4: _lvl(0, "bullet", "◆"),
        },
        {n: f'<w:abstractNumId w:val="{n}"/>' for n in (1, 2, 3, 4)},
    )
    _numbered(d, "要点。", 1)
    _numbered(d, "无号。", 2)
    _numbered(d, "取消编号。", 0)
    _numbered(d, "箭头。", 3)
    _numbered(d, "菱形。", 4)
    assert _texts(d, tmp_path) == ["•要点。", "无号。", "取消编号。", "➢箭头。", "◆菱形。"]


def test_legal_numbering_and_a_level_that_never_restarts(tmp_path: Path) -> None:
    levels = _lvl(0, "chineseCounting", "第%1章") + _lvl(
        1, "chineseCounting", "第%2条", '<w:lvlRestart w:val="0"/><w:suff w:val="space"/>'
    ) + _lvl(2, "decimal", "%1.%3", '<w:isLgl/>')
    d = _document({1: levels}, {1: '<w:abstractNumId w:val="1"/>'})
    for text, level in [("总则", 0), ("为了", 1), ("细则", 2), ("任务", 0), ("本县", 1)]:
        _numbered(d, text, 1, level)
    texts = _texts(d, tmp_path)
    # articles count on across chapters (第二条 in chapter two); 第%1章 ends in 章: a space follows
    assert [t.replace(" ", "") for t in texts] == ["第一章总则", "第一条为了", "1.1细则", "第二章任务", "第二条本县"]


def test_numbers_in_table_cells_count_once(tmp_path: Path) -> None:
    """A 序号 column numbered automatically: read once each, whether the table is a task table or not."""
    d = _document({1: _lvl(0, "decimal", "%1")}, {4: '<w:abstractNumId w:val="1"/>'})
    table = d.add_table(rows=2, cols=2)
    for r, text in enumerate(["建设清单。", "完善机制。"]):
        cell = table.cell(r, 0)
        p = cell.paragraphs[0]
        p._p.get_or_add_pPr().insert(
            0, parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>')
        )
        table.cell(r, 1).text = text
    assert _texts(d, tmp_path) == ["1", "建设清单。", "2", "完善机制。"]


def test_a_plan_numbered_automatically_has_its_measures(tmp_path: Path) -> None:
    d = _document({1: OUTLINE}, {2: '<w:abstractNumId w:val="1"/>'})
    d.add_paragraph("某县推进营商环境优化实施方案")
    _numbered(d, "重点任务", 2, 0)
    _numbered(d, "压缩审批时限。2026年底前全面完成。（县政务服务中心牵头，县发展改革局配合）", 2, 2)
    _numbered(d, "推行告知承诺制。（县司法局负责）", 2, 2)
    path = tmp_path / "plan.docx"
    d.save(str(path))
    plan = load_plan(str(path))
    assert [m.label for m in plan.measures] == ["1", "2"]
    assert plan.measures[0].lead_units == ["县政务服务中心"]
    assert plan.measures[1].lead_units == ["县司法局"]


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"), (21, "chineseCountingThousand", "二十一"),
        (105, "chineseCounting", "一百零五"), (110, "chineseCounting", "一百一十"),
        (3, "decimalEnclosedCircle", "③"), (12, "decimal", "12"), (4, "ideographTraditional", "丁"),
        (4, "lowerRoman", "iv"), (28, "upperLetter", "BB"), (7, "decimalFullWidth", "７"),
        (3, "chineseLegalSimplified", "叁"),
    ],
)  # fmt: skip
def test_counts_shown_in_word_formats(n: int, fmt: str, shown: str) -> None:
    assert show(n, fmt) == shown
