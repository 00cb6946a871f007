"""A text published with the plan that explains it (a draft for comment's 起草说明, a policy page's
政策解读 / 相关解读 / 一图读懂) is not the plan: its numbering (一、起草背景 二、主要内容) restarts, its headings
are no measures needing units, its sentences restate the plan's (issue 16: fixtures/blind3 长安区
征求意见稿 reported '编号“一”顺序错乱' on its attached 起草说明). The documents are built here, in three
shapes of the class: an attachment list naming the 说明 with no signature, a bare 附件： line, and a
page whose 解读 follows the measures without any 附件 heading."""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan

BODY = """某某县农村供水保障三年行动方案（2025—2027年）
（征求意见稿）
为提升农村供水保障水平，结合我县实际，制定本方案。
一、重点任务
（一）实施城乡供水一体化工程。2026年底前完成3个乡镇管网联通。（牵头单位：县水利局；配合单位：县财政局）
（二）加强水质检测监测。每年开展水质检测2次。（牵头单位：县卫生健康局；配合单位：县水利局）
（三）健全运行管护机制。推行专业化管护。（牵头单位：县水利局；配合单位：各乡镇人民政府）
二、保障措施
（一）加强组织领导。成立由分管副县长任组长的工作专班。（牵头单位：县水利局）
"""
EXPLANATION = """一、起草背景
2024年，市政府印发规划，要求各县制定三年行动方案。
二、起草依据
（一）《中华人民共和国水法》；
（二）《某某市农村供水高质量发展规划》。
三、主要内容
方案提出3项重点任务。
"""
SHAPES = {
    "attachment list, unsigned": "附件：1.重点项目清单\n      2.起草说明\n附件2\n"
    "关于《某某县农村供水保障三年行动方案（2025—2027年）（征求意见稿）》的起草说明\n",
    "bare 附件 line": "附件：\n关于《某某县农村供水保障三年行动方案》的起草说明\n",
    "heading alone": "编制说明\n",
    "policy page": "相关解读：\n一图读懂《某某县农村供水保障三年行动方案》\n",
    "interpretation title": "《某某县农村供水保障三年行动方案》政策解读\n",
}
PLAN_REFS = ["一(一)", "一(二)", "一(三)", "二(一)"]


def refs(text: str) -> list[str]:
    return [m.ref for m in parse_plan(from_text(text, path="draft.txt")).measures]


@pytest.mark.parametrize("tail", SHAPES.values(), ids=SHAPES.keys())
def test_an_explanation_after_the_plan_adds_no_measures(tail: str) -> None:
    assert len(refs(BODY + tail + EXPLANATION)) == len(PLAN_REFS)


def test_the_same_numbered_text_without_an_explanation_title_is_still_read() -> None:
    """Only the title of an explaining text cuts: the same sections after an ordinary heading stay."""
    assert len(refs(BODY + "三、其他事项\n" + EXPLANATION.replace("一、", "四、", 1))) > len(PLAN_REFS)


def test_a_measure_about_explaining_the_policy_is_a_measure() -> None:
    """加强政策解读 as a numbered measure, or a sentence naming a 解读, is the plan's own."""
    text = BODY + "（二）加强政策解读。做好《某某县农村供水保障三年行动方案》的政策解读。（牵头单位：县水利局）\n"
    assert len(refs(text)) == len(PLAN_REFS) + 1


def test_checked_alone_the_explanation_gives_no_numbering_or_unit_findings() -> None:
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from engine.pipeline import check

    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.txt"
        path.write_text(BODY + SHAPES["attachment list, unsigned"] + EXPLANATION, encoding="utf-8")
        run = check(str(path), allow_no_parent=True, fail_on="none")
    assert [(f.rule, f.local_item) for f in run.report.findings if f.severity in ("warning", "error")] == []


# an explanation placed BEFORE the draft it explains, in the package's first attachment and signed by the
# drafting office (fixtures/blind19 凌源市 shows the class); written here for another place and level
AHEAD = """附件1
关于《青川县茶叶产业提质增效行动方案（征求意见稿）》的编制说明
一、编制背景
为推动茶叶产业提质增效，县农业农村局牵头编制了《青川县茶叶产业提质增效行动方案（征求意见稿）》。
二、主要内容
《方案》提出建设标准茶园、培育加工主体、打响区域品牌等3项任务。
青川县农业农村局
2026年3月2日
附件2
青川县茶叶产业提质增效行动方案
（征求意见稿）
为推动茶叶产业提质增效，结合我县实际，制定本方案。
一、重点任务
（一）建设标准茶园。新建标准茶园5000亩。（县农业农村局牵头，县林业局配合）
（二）培育加工主体。培育茶叶加工企业10家。（县经济科技信息化局牵头，县市场监管局配合）
（三）打响区域品牌。办好茶叶采摘节。（县文化旅游局负责）
二、保障措施
（一）加强组织领导。县政府成立工作专班，统筹推进各项任务。
"""


def test_an_explanation_ahead_of_the_draft_leaves_the_title_to_the_plan() -> None:
    """The plan's title is the line over the plan in its own attachment, not the explanation's heading."""
    plan = parse_plan(from_text(AHEAD, path="package.txt"))
    assert plan.title.startswith("青川县茶叶产业提质增效行动方案")
    assert plan.is_draft
    assert [m.title for m in plan.measures][:3] == ["建设标准茶园", "培育加工主体", "打响区域品牌"]
