"""Files that carry more than the one plan (blind103; fixtures/files103a and its README).

A page of several documents (政府公报, 文件汇编) is read as the plan's own document: from its 印发 notice's heading to
the heading of the next document that issues no plan (engine/parse/bundles.py). A notice issuing several plans is read
as each of them (Plan.documents), its heading's names joined without their 《》; a gold counts the first plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.parse import parse_plan
from tests.extract.prose_plans import checked_beside_gold

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "files103a"
NAMES = sorted(p.name.removesuffix(".expected.yaml") for p in FIXTURES.glob("*.expected.yaml"))


def _plan(name: str, doc_of, **kw):
    return parse_plan(doc_of((FIXTURES / name).read_text("utf-8")), **kw)


def test_the_fixtures_are_found():
    assert len(NAMES) == 3


@pytest.mark.parametrize("name", NAMES)
def test_each_file_is_read_as_counted_by_hand(name):
    gold, run, differences = checked_beside_gold(FIXTURES, name)
    assert differences == []
    assert run.draft.level == gold["level"]


def test_the_gazette_page_keeps_only_the_plan_s_notice(doc_of):
    plan = _plan("gansu-province-cold-chain-gazette.txt", doc_of)
    assert plan.documents == [] and plan.doc_number == "甘政办发〔2026〕35号" and plan.date == "2026-04-10"
    assert [m.ref for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)"]
    text = "".join(p.text for p in plan.paragraphs)
    assert "名单的通知" not in text and "批复如下" not in text


def test_the_one_line_page_keeps_only_the_plan_s_notice(doc_of):
    plan = _plan("zigui-county-navel-orange-compilation-oneline.txt", doc_of)
    assert plan.title == "秭归县脐橙产业提质增效工作方案" and plan.doc_number == "秭政办发〔2026〕12号"
    assert [m.ref for m in plan.measures] == ["1", "2", "3"]
    # the 目录 above the plan's notice stays (no document that issues none stands before it), the notices after go
    assert "检查时间" not in "".join(p.text for p in plan.paragraphs)


def test_three_plans_in_one_notice_are_read_as_three_documents(doc_of):
    plan = _plan("yaan-city-tea-three-plans.txt", doc_of)
    assert plan.documents == ["雅安市藏茶产业发展行动方案", "雅安市茶园绿色防控实施方案", "雅安市茶叶品牌建设工作方案"]
    assert [sum(m.document == i for m in plan.measures) for i in range(3)] == [3, 2, 2]
    # the 附件1 mark above each plan's title is no half of the title
    assert _plan("yaan-city-tea-three-plans.txt", doc_of, part=2).title == "雅安市茶园绿色防控实施方案"


PLAN = """某某市城市更新行动方案
一、重点任务
（一）改造老旧小区。2026年改造老旧小区50个。（市住房城乡建设局负责）
（二）完善配套设施。新建养老托育设施20处。（市民政局牵头，市卫生健康委配合）
二、保障措施
各区要加强组织领导。
"""


def test_a_notice_naming_two_plans_in_quotes_is_titled_with_both_names(doc_of):
    text = (
        "某某市人民政府关于印发《某某市城市更新行动方案》和《某某市老旧管网改造方案》的通知\n某府发〔2026〕3号\n"
        "各区人民政府，市政府各部门：\n现将《某某市城市更新行动方案》和《某某市老旧管网改造方案》印发给你们，请认真贯彻执行。\n"
        "某某市人民政府\n2026年2月1日\n" + PLAN
        + "某某市老旧管网改造方案\n一、主要任务\n（一）改造燃气管网。改造老旧燃气管网100公里。（市城市管理局负责）\n"
    )  # fmt: skip
    plan = parse_plan(doc_of(text))
    assert plan.title == "某某市城市更新行动方案和某某市老旧管网改造方案"
    assert plan.documents == ["某某市城市更新行动方案", "某某市老旧管网改造方案"]


def test_a_forwarding_chain_of_two_notices_is_left_whole(doc_of):
    # two headings each followed by its 文号, both issuing the plan: one document, nothing cut
    text = (
        "某某县人民政府办公室关于转发某某市城市更新行动方案的通知\n某县政办〔2026〕4号\n各乡镇人民政府：\n"
        "现将某某市人民政府办公室关于印发某某市城市更新行动方案的通知转发给你们，请结合实际抓好落实。\n"
        "某某县人民政府办公室\n2026年2月10日\n"
        "某某市人民政府办公室关于印发某某市城市更新行动方案的通知\n某府办发〔2026〕3号\n各区县人民政府：\n"
        "《某某市城市更新行动方案》已经市政府同意，现印发给你们。\n某某市人民政府办公室\n2026年2月1日\n" + PLAN
    )
    plan = parse_plan(doc_of(text))
    assert [m.ref for m in plan.measures] == ["(一)", "(二)"]
    assert plan.paragraphs[0].text.startswith("某某县人民政府办公室关于转发")


def test_a_contents_entry_or_a_cited_notice_opens_no_document(doc_of):
    # a 目录 entry prints the 文号 in brackets after the heading; a measure cites a notice with its 文号 in brackets
    text = (
        "本期目录\n某某市人民政府办公室关于公布第一批示范社区名单的通知（某府办函〔2026〕2号）\n"
        "某某市人民政府关于印发某某市城市更新行动方案的通知\n某府发〔2026〕3号\n各区人民政府：\n"
        "《某某市城市更新行动方案》已经市政府同意，现印发给你们。\n某某市人民政府\n2026年2月1日\n"
        + PLAN.replace("新建养老托育设施20处。", "按照某某市人民政府关于加快养老服务发展的意见（某府发〔2025〕9号）新建养老托育设施20处。")
    )  # fmt: skip
    plan = parse_plan(doc_of(text))
    assert [m.ref for m in plan.measures] == ["(一)", "(二)"]
    assert plan.paragraphs[0].text == "本期目录"  # nothing cut: no document that issues none opens here


def test_a_contents_list_with_each_number_in_brackets_below_does_not_cut_the_plan_away(tmp_path):
    """A 公报's 目录 whose entries carry their 文号 in brackets on the next line reads as headings; the plan's heading
    printed again below is its own, so the plan is read from there (review: the 目录's copy cut it away, exit 2)."""
    from engine.ingest import load_document
    from engine.parse import parse_plan

    path = tmp_path / "gazette.txt"
    path.write_text('蔚县人民政府公报\n2026年第1期\n目录\n蔚县人民政府办公室关于印发蔚县农业实施方案的通知\n（蔚政办〔2026〕1号）\n蔚县人民政府办公室关于调整农业工作领导小组成员的通知\n（蔚政办〔2026〕2号）\n蔚县人民政府办公室关于印发蔚县农业实施方案的通知\n蔚政办〔2026〕1号\n各乡镇人民政府，县直各单位：\n现将《蔚县农业实施方案》印发给你们，请认真贯彻执行。\n蔚县人民政府办公室\n2026年3月1日\n蔚县农业实施方案\n一、主要任务\n（一）加强监测预警。县水利局负责。\n（二）做好物资储备。县应急局负责。\n二、保障措施\n（一）加强组织领导。县政府办负责。\n', "utf-8")
    plan = parse_plan(load_document(str(path)))
    assert plan.title == "蔚县农业实施方案"
    assert len(plan.measures) == 3
