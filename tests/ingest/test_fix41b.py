"""A task table's 责任单位 cell listing its units one a line, the lead marked after its name (fixtures/fix41b/README.md):
"市工业和信息化局（牵头）" then "市商务局" below are two units, the marked one leading and the others supporting, in
the .pdf as in its `pdftotext -layout` text, the .docx and the .html (blind41 showed the .pdf joining them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest.pdf import names_break
from engine.pipeline import load_plan
from engine.roles import role_mark, roles

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix41b"

QUANZHOU = [  # 泉州市 (city): a note above the table says “（牵头）” marks the lead
    ("1", ["市工业和信息化局"], ["市商务局", "晋江市人民政府"]),  # 市工业和信息 / 化局（牵头） / 市商务局
    ("2", ["市数据管理局"], ["中国电信股份有限公司泉州分公司"]),  # （牵头单位） on a line of its own, then 中国…
    ("3", ["市文化和旅游局"], ["市商务局", "石狮市人民政府"]),  # （总牵头）
    ("4", ["市财政局"], ["市地方金融管理局", "中国人民银行泉州市分行"]),  # support marked （配合）
    ("5", ["市工业和信息化局"], ["市市场监管局", "市商务局"]),  # the lead second in the list
]
ANXI = [  # 安溪县 (county): no note, the marks alone
    ("1", ["县市场监督管理局"], ["县农业农村局", "感德镇人民政府"]),
    ("2", ["县卫生健康局"], ["县医疗保障局"]),
    ("3", ["县发展和改革局"], ["国网安溪县供电公司", "县工业和信息化局"]),  # 国网…: units.yaml openers
    ("4", ["县农业农村局"], ["县自然资源局", "县林业局"]),
    ("5", ["县文体旅游局"], ["县商务局", "西坪镇人民政府"]),  # a half-width (牵头), second in the list
]
FORMS = [".pdf", ".txt", ".docx", ".html"]


@pytest.mark.parametrize("suffix", FORMS)
@pytest.mark.parametrize(
    ("name", "want"),
    [("quanzhou-city-textile-digital-marked-units", QUANZHOU), ("anxi-county-tea-industry-marked-units", ANXI)],
)
def test_a_marked_lead_one_a_line_leads_and_the_rest_support(name: str, want: list, suffix: str) -> None:
    plan = load_plan(str(HERE / f"{name}{suffix}"))
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == want


@pytest.mark.parametrize(
    ("last", "line", "two"),
    [
        ("市工业和信息化局（牵头）", "市商务局", True),  # a whole name closed by its mark, then a name by its level word
        ("市工业和信息化局(牵头)", "湖里区人民政府", True),  # half-width, then a name by its place
        ("市数据管理局（牵头单位）", "中国电信股份", True),  # a field word as the mark; 中国 opens a name (openers)
        ("县发展和改革局（总牵头）", "国网安溪县供", True),
        ("市地方金融管理局（配合）", "中国人民银行", True),  # a support mark
        ("中国人民银行（牵头）", "泉州市分行", True),  # the mark closes the name: no branch of it follows
        ("市工业和信息化（牵头）", "市商务局", False),  # no name ends at 信息化: no whole name before the mark
        ("市工业和信息化局（牵头）", "负责协调", False),  # the next line opens no name
        ("市工业和信息化局（备注）", "市商务局", False),  # no role word in the bracket
        ("中国人民银行", "泉州市分行", False),  # without a mark, a branch in a place goes on its name (fix39)
    ],
)
def test_a_role_mark_after_a_whole_name_ends_it(last: str, line: str, two: bool) -> None:
    assert names_break(last, line) is two


def test_the_marks_are_the_role_words_of_the_data() -> None:
    r = roles()
    for word in (*r.bare_lead, *r.lead_fields[:5], *r.lead_verbs):
        m = role_mark().search(f"市商务局（{word}）")
        assert m is not None and m.group("lead"), word
    for word in (*r.bare_support, *r.support_verbs):
        m = role_mark().search(f"市商务局（{word}）")
        assert m is not None and m.group("support"), word
