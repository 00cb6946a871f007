"""Plans republished inside another text (fixtures/wechat85; blind85's 自然资源部 公众号 article and 武强县 政策解读 page
showed the class):

1. a 政策解读 / 政策问答 page, a news report or a 公众号 图解 that numbers lines of its own (一、起草背景 … 1.…解读：…,
   一、问：…答：…, the reporter's 1.–5., the 图解's bullets) before the plan it carries: those lines restate the plan, no
   measures; the plan starts at its own title line, which the wrapper named before (engine/parse/republished.py);
2. a headline over the plan that reads as a title ("重磅！X部印发Y方案", "我县出台Y方案", "图解：Y方案"): the title
   is the plan's own title line, the one the front matter names in 《》 or by its 印发 heading
   (frontmatter._named_title).
The golds of fixtures/wechat85 are read by tests/parse/test_fix_golds.py.
"""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.frontmatter import read_front

PLAN = (
    "某县茶产业发展实施方案\n\n"
    "为推动茶产业发展，制定本方案。\n"
    "一、工作目标\n到2028年，全县茶园面积达到10万亩。\n"
    "二、重点任务\n"
    "（一）改造低产茶园。三年改造低产茶园2万亩。（县农业农村局牵头，县财政局配合）\n"
    "（二）培育茶叶品牌。打造县域公用品牌。（县商务局负责）\n"
    "三、保障措施\n（一）加强组织领导。成立工作专班。\n\n"
    "某县人民政府办公室\n2026年3月1日\n"
)


def _plan(text: str):
    return parse_plan(from_text(text, "page.txt"))


def test_an_interpretation_numbering_its_points_before_the_plan_gives_no_measures():
    page = (
        "《某县茶产业发展实施方案》政策解读\n发布时间：2026-03-05　来源：县农业农村局\n\n"
        "一、起草背景\n为推动茶产业发展，县农业农村局起草了《方案》。\n"
        "二、主要内容\n1.改造茶园。解读：提高单产。\n2.培育品牌。解读：提升溢价。\n"
        "三、解读机关\n县农业农村局\n\n附件：某县茶产业发展实施方案（原文）\n\n"
    )
    plan = _plan(page + PLAN)
    assert plan.title == "某县茶产业发展实施方案"
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]
    assert [m.lead_units for m in plan.measures] == [["县农业农村局"], ["县商务局"]]


def test_a_news_summary_numbered_before_the_plan_gives_no_measures():
    page = (
        "我县出台茶产业发展实施方案\n2026-03-06　来源：某县融媒体中心\n\n"
        "日前，县政府办公室印发《某县茶产业发展实施方案》，主要有以下举措：\n"
        "1.改造低产茶园2万亩。\n2.打造县域公用品牌。\n方案全文如下：\n\n"
    )
    plan = _plan(page + PLAN)
    assert plan.title == "某县茶产业发展实施方案"
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]


def test_a_plan_is_read_as_before_when_nothing_wraps_it():
    plan = _plan(PLAN)
    assert plan.title == "某县茶产业发展实施方案"
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]


def test_the_plans_title_repeated_by_a_page_header_cuts_nothing():
    # a PDF's running header repeating the title just before a (一): the head holds that very title line
    text = PLAN.replace("二、重点任务\n", "二、重点任务\n某县茶产业发展实施方案\n")
    plan = _plan(text)
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]


def test_a_notice_issuing_two_documents_keeps_the_first_ones_items():
    text = (
        "某县人民政府办公室关于印发《某县茶园管理办法》和《某县茶叶品牌建设方案》的通知\n各乡镇人民政府：\n"
        "现将《某县茶园管理办法》和《某县茶叶品牌建设方案》印发给你们，请认真执行。\n"
        "某县人民政府办公室\n2026年3月1日\n"
        "某县茶园管理办法\n一、管理范围\n（一）全县茶园纳入管理。（县农业农村局负责）\n"
        "（二）建立茶园档案。（县农业农村局负责）\n"
        "某县茶叶品牌建设方案\n一、重点任务\n（一）注册公用品牌。（县市场监督管理局负责）\n"
        "（二）参加展会。（县商务局负责）\n"
    )
    plan = _plan(text)
    assert len(plan.measures) == 4


def _lines(*texts: str) -> list[tuple[int, str]]:
    return list(enumerate(texts))


def test_a_headline_over_a_notice_gives_way_to_the_plans_own_title():
    fm = read_front(_lines(
        "重磅！省农业农村厅印发茶产业三年行动方案", "原创 某某发布 2026年03月18日",
        "近日，省农业农村厅印发《某省茶产业三年行动方案（2026—2028年）》。",
        "某省农业农村厅关于印发《某省茶产业三年行动方案（2026—2028年）》的通知", "各市农业农村局：",
        "现将《某省茶产业三年行动方案（2026—2028年）》印发给你们。", "某省农业农村厅", "2026年3月12日",
        "某省茶产业三年行动方案（2026—2028年）",
    ))  # fmt: skip
    assert fm.title == "某省茶产业三年行动方案（2026—2028年）"


def test_a_first_title_line_named_by_nothing_stays_the_title_when_no_later_one_is_named():
    fm = read_front(_lines("某县茶产业发展实施方案", "根据《某省茶产业三年行动方案》，制定本方案。"))
    assert fm.title == "某县茶产业发展实施方案"
