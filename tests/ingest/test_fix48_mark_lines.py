"""A task table's 责任单位 cell whose role mark stands on a line of its own under the unit it marks (fixtures/fix48/README.md,
class 2): "州农业农村局" / "（牵头）" / "州林业和草原局" — the mark is the name's above it, never a unit; the marked unit leads
and the others support, two marked both lead, a marked unit not listed first still leads; the same in the .html (<br>),
the .docx (a paragraph a line), the .pdf and its `pdftotext -layout` text (blind48 showed the .html reading the mark
as a name and every unit leading).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest.pdf import names_break
from engine.pipeline import load_plan
from engine.roles import mark_alone

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix48"

YANBIAN = [  # 延边州: a note above the table says “（牵头）” marks the lead
    ("1", ["州农业农村局"], ["州林业和草原局", "各县(市)人民政府"]),  # （牵头） under the first
    ("2", ["州文化广电和旅游局"], ["州商务局", "抚松县人民政府"]),  # under the second
    ("3", ["州科学技术局", "州工业和信息化局"], ["州财政局"]),  # two marked leads
    ("4", ["州市场监督管理局"], ["州卫生健康委员会"]),  # a bare 牵头 line
    ("5", ["州发展和改革委员会"], ["州自然资源局", "州交通运输局"]),  # half-width (牵头) and a (配合) line
    ("6", ["州工业和信息化局"], ["州商务局"]),  # the mark after the name on its line, as before
]
BAMA = [  # 巴马县: no note, the marks alone
    ("1", ["县卫生健康局"], ["县中医医院"]),  # （主责）
    ("2", ["县商务局"], ["县文化体育和旅游局", "各乡镇人民政府"]),  # （牵头单位） under the second
    ("3", ["县农业农村局", "县水利局"], []),  # each marked, the last mark the cell's last line
    ("4", ["县自然资源局"], []),  # one unit and its mark
    ("5", ["县人力资源和社会保障局"], ["县教育局"]),
]
FORMS = [".html", ".docx", ".pdf", ".txt"]


@pytest.mark.parametrize("suffix", FORMS)
@pytest.mark.parametrize(
    ("name", "want"),
    [("yanbian-prefecture-ginseng-mark-lines", YANBIAN), ("bama-county-health-tourism-mark-lines", BAMA)],
)
def test_a_mark_on_its_own_line_is_the_name_above_it(name, want, suffix):
    plan = load_plan(str(HERE / f"{name}{suffix}"))
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == want


@pytest.mark.parametrize(
    ("line", "mark"),
    [("（牵头）", "（牵头）"), ("(牵头)", "(牵头)"), (" （主责） ", "（主责）"), ("（牵头单位）", "（牵头单位）"),
     ("（配合）", "（配合）"), ("〔牵头〕", "〔牵头〕"), ("牵头", "（牵头）"), ("配合", "（配合）"),
     ("州林业和草原局", None), ("牵头单位：", None), ("（备注）", None), ("州林业局（牵头）", None), ("", None)],
)  # fmt: skip
def test_a_role_mark_alone_on_a_line(line, mark):
    assert mark_alone(line) == mark


@pytest.mark.parametrize(
    ("last", "line", "two"),
    [
        ("州市场监督管理局", "牵头", True),  # a whole name, then its bare mark: a line of its own
        ("州农业农村局", "（牵头）", True),
        ("州农业农村局（牵头）", "（配合）", False),  # a name marked already takes no second mark
        ("州市场监督管", "牵头", False),  # no whole name before the mark: no break
        ("（牵头单位）", "县医疗保障局", True),  # the mark alone above: its name ended there, a name opens
        ("（牵头）", "负责协调", False),  # nor after it where the line opens no name
    ],
)
def test_a_mark_alone_under_a_whole_name_is_a_line_of_its_own(last, line, two):
    assert names_break(last, line) is two


def test_a_cell_opening_with_a_role_word_is_read_as_before():
    """A cell "牵头 / X / 配合 / Y" sets role words as the lines' labels, not as marks after names: no name takes a mark."""
    from engine.ingest.tables import _Builder, _units

    b = _Builder()
    _units(b, "牵头\t县财政局\t配合\t县审计局", 0)
    assert "".join(b.text) == "牵头、县财政局、配合、县审计局"
    b = _Builder()
    _units(b, "县财政局\t牵头\t县审计局", 0)
    assert "".join(b.text) == "县财政局（牵头）、县审计局"
    assert len(b.cols) == len("".join(b.text))
