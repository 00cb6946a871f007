"""Policy pages wrapping a plan, and app or page furniture around it (issue 16; blind99 龙游县 逐条解读 and 镇安县 图解
one-line page, blind97 马圪当乡 工作群, blind98 秦皇岛市 公报, measured at first sight). fixtures/pages99/ holds plans of
the class (README there, counted by hand).

- a 逐条解读 / 条文释义 page's commentary paragraph after each part (【解读】…, 解读：…, 【释义】…) is the page's: no text of
  the measure before it, nor of the preamble (engine/parse/commentary.py, rulesets/data/commentary.yaml);
- a 图解 page scraped as one line: its bullets run on into the 附件 notice, whose lines are cut apart all the same, so
  the plan's own title (not the page's 图解：X) is the title;
- a work group's chat export: the group's name, time stamps, senders' lines and file cards are set aside
  (engine/ingest/chat.py, rulesets/data/chat_export.yaml);
- a gazette's running head beside a page number printed right under the text: every copy of it is furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import load_document
from engine.parse import commentary, parse_plan

DIR = Path(__file__).resolve().parents[2] / "fixtures" / "pages99"


def _plan(name: str):
    return parse_plan(load_document(str(DIR / name)))


def _ends(name: str) -> list[str]:
    return [m.text[-12:] for m in _plan(name).measures]


@pytest.mark.parametrize(
    ("name", "title", "place", "n"),
    [
        ("yiliang-county-elderly-meals-jiedu.txt", "宜良县老年助餐服务提升实施方案", "宜良县", 4),
        ("qinyuan-county-forest-fire-shiyi-oneline.txt", "沁源县2026年森林草原防灭火工作方案", "沁源县", 4),
        ("hanyin-county-rural-water-tujie-oneline.txt", "汉阴县农村供水保障提升三年行动方案", "汉阴县", 4),
        ("shitai-county-flood-geohazard-chat.txt", "石台县2026年汛期地质灾害防范工作方案", "石台县", 4),
        ("nanchong-city-waterlogging-gazette.txt", "南充市2026年城市排水防涝工作方案", "南充市", 4),
    ],
)
def test_the_plan_inside_the_page_is_read_with_its_own_title_and_place(name, title, place, n):
    plan = _plan(name)
    assert (plan.title, plan.jurisdiction, len(plan.measures)) == (title, place, n)


@pytest.mark.parametrize("name", ["yiliang-county-elderly-meals-jiedu.txt", "qinyuan-county-forest-fire-shiyi-oneline.txt"])
def test_each_measure_ends_at_its_clause_and_the_commentary_after_it_is_none_of_it(name):
    plan = _plan(name)
    for m in plan.measures:
        assert m.text.endswith(("负责)", "配合)")), m.text[-40:]
        assert "解读" not in m.text and "释义" not in m.text
    assert "解读" not in plan.preamble and "释义" not in plan.preamble


def test_a_measure_of_two_paragraphs_keeps_both_and_loses_both_of_its_commentary():
    second = _plan("yiliang-county-elderly-meals-jiedu.txt").measures[1]
    assert second.text.startswith("落实助餐补贴。") and "按季度拨付到助餐点" in second.text
    assert "刷社保卡" not in second.text and "每季度更新一次" not in second.text


def test_the_one_line_page_keeps_its_stated_convention_and_cuts_at_each_label():
    text = "现将方案原文及条文释义公布如下（【释义】部分为释义内容）。 （一）X。（县林业局负责） 【释义】Y。"
    cuts = commentary.inline_cuts(text.replace(" ", ""))
    assert len(cuts) == 1 and text.replace(" ", "")[cuts[0] :].startswith("【释义】Y")


@pytest.mark.parametrize(
    ("text", "yes"),
    [("【解读】补贴对象是个人消费者。", True), ("解读：方案适用于全县。", True), ("〖释义〗防火期为…", True),
     ("[点评]…", True), ("说明：本方案由县民政局负责解释。", False), ("注：标★的为牵头单位。", False),
     ("（一）加强政策解读。", False), ("政策解读由县商务局负责。", False)],
)  # fmt: skip
def test_what_opens_a_commentary_paragraph(text, yes):
    assert commentary.opens_commentary(text) is yes


def test_the_tujie_pages_notice_is_read_though_its_bullets_run_on_into_it():
    plan = _plan("hanyin-county-rural-water-tujie-oneline.txt")
    assert plan.doc_number == "汉政办发〔2026〕9号"
    assert plan.date == "2026-03-25"


def test_a_chat_exports_own_lines_are_set_aside_and_its_messages_stay():
    doc = load_document(str(DIR / "shitai-county-flood-geohazard-chat.txt"))
    assert doc.removed[0] == "石台县防汛地灾工作群(126)"
    assert sum(r.startswith("5月28日") for r in doc.removed) == 4
    assert sum(r.endswith("：") for r in doc.removed) == 6
    assert sum(r.startswith("[文件]") for r in doc.removed) == 1
    texts = [p.text for p in doc.paragraphs]
    assert "收到" in texts and not any("工作群" in t for t in texts)
    plan = _plan("shitai-county-flood-geohazard-chat.txt")
    assert plan.date == "2026-05-26" and plan.doc_number == "石政办〔2026〕16号"


def test_a_text_with_one_time_stamp_is_no_chat_export(tmp_path):
    """A line "9:30" or "上午9:00" alone (a 会议 schedule) once, with no sender under it: nothing is set aside."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "某县2026年会议安排\n上午9:00\n县政府办公室：\n（一）召开动员会。（县政府办公室负责）\n（二）开展督查。（县督查室负责）\n",
        "utf-8",
    )
    assert load_document(str(path)).removed == []


def test_a_schedule_of_dated_times_over_labels_is_no_chat_export(tmp_path):
    """Dated times over a label, twice (a 培训 schedule's "7月6日 8:30 / 报到地点："), with no group name and no card:
    no chat's own mark, so nothing is set aside (review: the schedule's lines were dropped as stamps and senders)."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "一、培训安排\n7月6日 8:30\n报到地点：\n县委党校一楼大厅，各参训人员按时报到。\n7月6日 14:00\n报到地点：\n"
        "县委党校二楼报告厅，开展专题讲座。\n二、工作要求\n（一）按时参训。（县委组织部负责）\n（二）遵守纪律。（县委党校负责）\n",
        "utf-8",
    )
    assert load_document(str(path)).removed == []


def test_a_bare_clock_time_is_no_chat_stamp():
    from engine.ingest.chat import is_stamp

    assert not is_stamp("14:30")
    assert is_stamp("昨天 18:05") and is_stamp("2026年7月6日 上午8:32") and is_stamp("7月6日 08:32")


def test_every_copy_of_the_gazettes_running_head_is_furniture_and_the_broken_sentence_is_joined():
    doc = load_document(str(DIR / "nanchong-city-waterlogging-gazette.txt"))
    assert not any("公报" in p.text for p in doc.paragraphs)
    assert not any(p.text.startswith("—") for p in doc.paragraphs)
    third = _plan("nanchong-city-waterlogging-gazette.txt").measures[2]
    assert third.text.endswith("组建排水防涝抢险队伍不少于8支。(市应急管理局、市住房城乡建设局按职责分工负责)")
    assert third.lead_units == ["市应急管理局", "市住房城乡建设局"]


def test_one_label_line_with_a_colon_is_a_tasks_own_text(tmp_path):
    """"政策解读：X负责…" under one item and "点评：各乡镇…" under another name a task's work, no commentary page: a page
    is one only where a bracketed label opens a paragraph or one label with a colon opens two (review: both lines were
    cut, the last into the closing text)."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "蔚县2026年防汛工作方案\n一、主要任务\n（一）加强监测预警。县水利局负责。\n（二）加强宣传引导\n"
        "政策解读：县发改局负责做好政策解读和答疑工作。\n舆论引导：县委宣传部负责。\n（三）做好物资储备。县应急局负责。\n"
        "（四）加强宣传\n点评：各乡镇要对工作落实情况进行点评通报，县督查室负责。\n",
        "utf-8",
    )
    plan = parse_plan(load_document(str(path)))
    assert "舆论引导" in plan.measures[1].text
    assert "点评通报" in plan.measures[3].text
