"""Two classes blind44 showed (fixtures/fix44a/ models each with other offices; see its README):

1. a 工作要点's one-line items each closed by a bare bracket of units, "…达到55%以上（市农业农村局）", "。（X、Y）": the
   bracket is the item's clause, every unit leading (responsibility.trailing_units); a bracket of other content
   (（试行）, （2026年）, （含…）, a quoted document, a date) is none;
2. a portal's metadata label opening the title line ("标题：X", "标　　题：", "【文件名稱】X"): the label is page
   furniture (page_furniture.yaml `title_labels`), the value the title (frontmatter.unlabelled).
"""

from __future__ import annotations

import pytest

from engine.extract.responsibility import trailing_units
from engine.parse.frontmatter import read_front, unlabelled

TASK = "1.推进水稻机插秧提质扩面，全市水稻机插率达到55%以上"


@pytest.mark.parametrize(
    ("tail", "lead"),
    [
        ("（市农业农村局）", ["市农业农村局"]),
        ("。（市农业农村局）", ["市农业农村局"]),
        ("。（县住房和城乡建设局、县文明办、县自然资源局）", ["县住房和城乡建设局", "县文明办", "县自然资源局"]),
        ("（市公安局交通警察支队）", ["市公安局交通警察支队"]),
        ("（县委、县政府）", ["县委", "县政府"]),
        ("（各乡镇人民政府）", ["各乡镇人民政府"]),
    ],
)
def test_a_bare_bracket_of_units_closing_an_item_is_its_clause_all_lead(tail, lead):
    r = trailing_units(TASK + tail)
    assert r is not None
    assert [u.name for u in r.lead] == lead
    assert r.support == ()


@pytest.mark.parametrize(
    "tail",
    ["（试行）", "（2026年）", "（3月底前）", "（含各县区人民政府）", "（以下简称市农业农村局）", "（《永州市农机管理办法》）",
     "（部门）", "（市农业农村局会同市财政局）", "", "（市农业农村局）等工作"],
)  # fmt: skip
def test_a_bracket_of_other_content_is_no_clause(tail):
    assert trailing_units(TASK + tail) is None


@pytest.mark.parametrize(
    "line",
    ["标题：永州市人民政府关于加强耕地保护的实施意见", "标　　题：永州市人民政府关于加强耕地保护的实施意见",
     "【文件名称】永州市人民政府关于加强耕地保护的实施意见", "名称：永州市人民政府关于加强耕地保护的实施意见",
     "文件名称： 永州市人民政府关于加强耕地保护的实施意见"],
)  # fmt: skip
def test_a_title_label_is_dropped_and_its_value_kept(line):
    assert unlabelled(line) == "永州市人民政府关于加强耕地保护的实施意见"
    fm = read_front([(0, line), (1, "各县区人民政府：")])
    assert fm.title == "永州市人民政府关于加强耕地保护的实施意见"


@pytest.mark.parametrize("line", ["标题党现象要整治", "名称", "标题：", "含山县人民政府关于X的实施意见", "项目名称：X实施方案"])
def test_a_line_without_a_title_label_is_kept_whole(line):
    assert unlabelled(line) == line
