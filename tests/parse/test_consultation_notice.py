"""A draft published inside a 征求意见 notice: the notice numbers lines of its own (how to send views, the
附件 list) before its signature, then 附件1 holds the draft and 附件2 its 起草说明 (blind4 渝北区)."""

from __future__ import annotations

from engine.parse import parse_plan
from engine.parse.frontmatter import looks_like_title, plain_title, wrapper_inner

NOTICE = """某市某区医疗保障局关于公开征求《某区医保服务提升实施方案（征求意见稿）》意见的通知
为广泛听取社会各界意见建议，现将《某区医保服务提升实施方案（征求意见稿）》全文公布，欢迎提出意见。
1.电子邮件：yb@example.gov.cn；
2.信函：某区医疗保障局办公室；
3.联系电话：023-00000000。
附件：1.某区医保服务提升实施方案（征求意见稿）
2.关于《某区医保服务提升实施方案（征求意见稿）》的起草说明
某区医疗保障局
2026年10月12日
附件1
某区医保服务提升实施方案
（征求意见稿）
一、总体要求
坚持以人民健康为中心。
二、重点任务
（一）推进经办服务下沉。2027年底前实现镇街医保服务站全覆盖。（区医保局牵头，各镇人民政府配合）
（二）加快医保数字化转型。推广医保电子凭证。（区医保局牵头，区大数据局配合）
三、强化监管
（三）健全基金监管长效机制。每年开展专项检查。（区医保局牵头，区公安分局配合）
四、保障措施
（一）加强组织领导。成立工作领导小组，统筹推进各项任务。
（二）加强宣传引导。采取多种形式宣传解读医保政策。
附件2
关于《某区医保服务提升实施方案（征求意见稿）》的起草说明
一、起草背景
近年来我区医保事业取得积极进展。
二、起草依据
（一）《医疗保障基金使用监督管理条例》；
（二）《某市医疗保障事业发展规划》。
"""


def test_the_notice_lines_and_the_explanation_are_not_the_plan(doc_of):
    plan = parse_plan(doc_of(NOTICE))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)"]
    assert plan.title.startswith("某区医保服务提升实施方案")
    assert [[u.name for u in m.responsibility.lead] for m in plan.measures] == [["区医保局"]] * 3
    assert not any("电子邮件" in s.title or "起草背景" in s.title for s in plan.sections)


def test_a_consultation_notice_names_its_draft():
    assert wrapper_inner("关于公开征求《某区医保服务提升实施方案（征求意见稿）》意见的通知") == (
        "某区医保服务提升实施方案（征求意见稿）"
    )
    assert (
        wrapper_inner("某县关于征求《某县养老服务条例（草案）》修改意见的公告") == "某县养老服务条例（草案）"
    )


def test_an_attachment_list_line_is_no_title():
    assert not looks_like_title("附件：1.某区医保服务提升实施方案（征求意见稿）")
    assert looks_like_title("某区医保服务提升实施方案（征求意见稿）")


# A draft whose title cites a regulation: inside the notice's 《…》 the regulation's own 《》 are written 〈〉,
# on the draft's title line they are 《》. Both name the same draft, so the notice's lines are no items.
CITING = NOTICE.replace(
    "某区医保服务提升实施方案（征求意见稿）", "关于贯彻〈某市医疗保障条例〉的实施方案（征求意见稿）"
).replace(
    "某区医保服务提升实施方案\n（征求意见稿）", "关于贯彻《某市医疗保障条例》的实施方案\n（征求意见稿）"
)


def test_a_title_cited_with_nested_marks_names_the_draft(doc_of):
    plan = parse_plan(doc_of(CITING))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)"]
    assert not any("电子邮件" in s.title for s in plan.sections)


def test_titles_compare_without_marks_brackets_or_the_draft_note():
    """Where the two title comparisons of parse differed (one kept brackets and 征求意见稿 inside a title,
    the other kept 〈〉 and single quotes): they name the same document whichever way it is written."""
    same = plain_title("《关于贯彻〈某市医疗保障条例〉的“一站式”实施方案（征求意见稿）》")
    assert same == plain_title("关于贯彻《某市医疗保障条例》的一站式实施方案")
    assert plain_title("某区（含开发区）医保服务提升实施方案征求意见稿（2026—2028年）") == plain_title(
        "某区含开发区医保服务提升实施方案"
    )
    assert plain_title("某区医保服务提升实施方案") != plain_title(
        "某区医保服务提升方案"
    )  # the words still count
