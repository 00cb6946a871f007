"""Special tiers, markdown exports and drafts' furniture (blind101 and blind102 showed the classes; fixtures/tiers101
models them with other places and wordings, see its README):

1. a body's name shared by a 、-list of zones ("两江新区、西部科学城重庆高新区、万盛经开区管委会") inside a clause's
   support part: the list names bodies, the names stay as printed;
2. a markdown export saved as .txt is read as the text it marks up;
3. stage marks in every position: dated ones, and a bare line above the title;
4. a body with no place, issuer, addressee or self-word takes its level from the groups below it that it tasks;
5. a draft's feedback form run on after the safeguards of a one-line page is no section's text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract.responsibility import parse_clause_content
from engine.ingest import from_text, load_document, markdown
from engine.parse import drafts, frontmatter, parse_plan
from engine.parse.level import level_of_tasked_groups
from engine.pipeline import check

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "tiers101"


@pytest.mark.parametrize(
    ("content", "lead", "support"),
    [
        (
            "责任单位：市经信局牵头，市科技局、各区（市）县政府，天府新区、成都东部新区、成都高新区管委会配合",
            ["市经信局"],
            ["市科技局", "各区（市）县政府", "天府新区", "成都东部新区", "成都高新区管委会"],
        ),
        (  # no label, two zones: the 管委会 is kept where it is printed
            "市财政局牵头，市发改委，天府新区、成都东部新区管委会配合",
            ["市财政局"],
            ["市发改委", "天府新区", "成都东部新区管委会"],
        ),
        (  # districts sharing a government are still each that government (tests/extract/test_shared_place_suffix.py)
            "市文旅局牵头，市委宣传部，秦州区、麦积区人民政府配合",
            ["市文旅局"],
            ["市委宣传部", "秦州区人民政府", "麦积区人民政府"],
        ),
    ],
)
def test_a_support_list_of_zones_sharing_one_body_is_support(content, lead, support):
    got = parse_clause_content(content)
    assert got is not None
    norm = [n.replace("(", "（").replace(")", "）") for n in (*got[0], *got[1])]
    assert norm[: len(got[0])] == lead and norm[len(got[0]) :] == support


def test_a_bare_zone_before_a_department_shares_nothing():
    from engine.extract.responsibility import reads_as_unit
    from engine.extract.shared_body import bodies_listed

    assert bodies_listed(["两江新区", "西部科学城重庆高新区", "万盛经开区管委会"], reads_as_unit)
    assert not bodies_listed(["两江新区", "市财政局"], reads_as_unit)  # 市财政局 opens with no zone or place
    assert not bodies_listed(["两江新区"], reads_as_unit)  # no body closes the run
    assert not bodies_listed(["加快发展", "万盛经开区管委会"], reads_as_unit)  # no place, no zone


MARKDOWN = "# 关于印发X方案的通知\n\n> 来源：某区政府\n\n## 一、目标\n\n**责任单位**：区商务局\n"
PLAIN = "一、目标\n- 到2028年，产值翻番。\n---\n- 另一条。\n（一）加强领导。\n"


def test_markdown_is_known_by_its_marks_not_by_a_list_or_a_rule():
    assert markdown.marked_up(MARKDOWN)
    assert not markdown.marked_up(PLAIN)  # bullets and a rule alone: a plain text's own
    assert not markdown.marked_up("# 一行\n正文")  # one heading line is no export


def test_a_forms_blanks_are_no_markdown_emphasis():
    """A receipt form's blanks (单位：____ 姓名：____) are no __emphasis__, and a plain text of them is no markdown;
    in a markdown file a blank, "#1机组" and a page number "- 3 -" keep their marks (review)."""
    assert not markdown.marked_up("单位：____ 姓名：____\n电话：____ 职务：____\n邮箱：____ 地址：____\n")
    for line in ("单位：____ 姓名：____", "#1机组、#2机组由X负责", "- 3 -"):
        assert markdown.strip_marks(line, list(range(len(line))))[0] == line
    line = "**责任单位**：X"
    assert markdown.strip_marks(line, list(range(len(line))))[0] == "责任单位：X"


def test_markdown_marks_are_layout_and_columns_follow():
    text = "*相关政策：[某区若干政策](policy/1.md)*"
    got, cols = markdown.strip_marks(text, list(range(1, len(text) + 1)))
    assert got == "相关政策：某区若干政策"
    assert [text[c - 1] for c in cols] == list(got)
    got, _ = markdown.strip_marks("- **牵头单位**：区工信局", list(range(1, 16)))
    assert got == "牵头单位：区工信局"


def test_a_markdown_export_saved_as_text_is_read_as_markdown():
    plan = parse_plan(load_document(str(HERE / "wujin-district-robots-markdown.txt")))
    assert plan.title == "武进区智能机器人产业培育方案"
    assert [m.label for m in plan.measures] == ["1", "2", "3", "4"]
    assert plan.measures[0].lead_units == ["区工信局"] and plan.measures[0].support_units == ["区科技局", "武进高新区管委会"]
    # a plain text's own "- " line is left as written: it is no markdown export
    plain = from_text(PLAIN)
    assert any(p.text.startswith("-") for p in plain.paragraphs)
    assert any(p.text.startswith("#") for p in from_text("# 一行\n正文\n").paragraphs)


@pytest.mark.parametrize(
    ("title", "bare"),
    [
        ("洞口县宗祠文化保护利用实施方案(2026年4月17日修订稿)", "洞口县宗祠文化保护利用实施方案"),
        ("某市行动方案（2026—2028年）（2026年3月征求意见稿）", "某市行动方案（2026—2028年）"),
        ("某县实施方案（二〇二六年三月送审稿）", "某县实施方案"),
        ("某市管理办法（2023年修订）", "某市管理办法（2023年修订）"),  # a revision year is the title's own
        ("某县实施方案（2026年）", "某县实施方案（2026年）"),
    ],
)
def test_a_dated_stage_mark_is_no_part_of_the_title(title, bare):
    assert drafts.without_stage(title) == bare


def test_a_bare_stage_line_above_the_title_is_not_joined_to_it():
    assert drafts.stage_only("送审稿") and drafts.stage_only("（征求意见稿）") and not drafts.stage_only("送审稿说明")
    fm = frontmatter.read_front([(1, "送审稿"), (2, "学校卫生工作提升行动方案（2026—2028年）")])
    assert fm.title == "学校卫生工作提升行动方案（2026—2028年）" and fm.is_draft is False
    plan = parse_plan(load_document(str(HERE / "national-forest-seedlings-bare-draft.txt")))
    assert plan.title == "林草种苗质量提升行动方案(2026—2028年)" and plan.is_draft


def test_a_bare_national_draft_is_national_by_the_groups_it_tasks():
    assert level_of_tasked_groups("（X司牵头，各省级林业和草原主管部门配合）") == "national"
    assert level_of_tasked_groups("（市X局牵头，各县（市、区）人民政府配合）") == "city"
    assert level_of_tasked_groups("加强领导，落实责任。") is None
    plan = parse_plan(load_document(str(HERE / "national-forest-seedlings-bare-draft.txt")))
    assert plan.level == "national" and plan.jurisdiction == "全国"


def test_a_feedback_form_run_on_a_one_line_page_is_no_section_text():
    path = HERE / "shexian-county-inkstone-comment-oneline.txt"
    plan = parse_plan(load_document(str(path)))
    last = plan.sections[-1]
    assert last.label == "(二)" and "意见反馈表" not in last.text and last.text.endswith("500万元。")
    assert drafts.paper_cuts("…专项资金500万元。附件2意见反馈表序号章节条款修改意见", 0) == [11, 19]
    assert drafts.paper_cuts("请填写意见反馈表后发送", 0) == []  # a sentence naming the form
    run = check(str(path), allow_no_parent=True, fail_on="none")
    assert [f for f in run.report.findings if f.rule == "format"] == []
