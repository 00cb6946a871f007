"""Measures led by a bullet mark, no number (fixtures/bullets69; blind69's 泽库县 "●" and 察隅县 "——" plans showed the
class): under a heading that names the tasks (二、重点任务, 三、工作措施), a run of paragraphs led by one mark is the
plan's list of measures, each measure's ref the mark (engine/parse/bullets.py; marks: rulesets/data/bullets.yaml,
headings: rulesets/data/sections.yaml `task_titles`). A bullet list anywhere else — a 工作目标's indicators, the
保障措施's points, points inside a numbered measure, an intro list over numbered items — stays text, as before. A .docx
bullet list (w:numFmt "bullet") prints its mark (engine/ingest/numbering.py) and reads the same way.
"""

from __future__ import annotations

from pathlib import Path

import docx

from engine.ingest import from_text, load_document
from engine.parse import parse_plan
from engine.parse.bullets import leader, task_heading

FOLDER = Path(__file__).resolve().parents[2] / "fixtures" / "bullets69"


def _plan(text: str):
    return parse_plan(from_text(text, "plan.txt"))


def _labels(text: str) -> list[str]:
    return [m.label for m in _plan(text).measures]


HEAD = "某县农村人居环境整治工作方案\n\n　　为改善农村人居环境，制定本方案。\n\n一、工作目标\n\n　　到2027年，农村卫生厕所普及率达到90%以上。\n\n"


def test_a_leader_opens_an_item_and_a_sign_before_a_digit_is_a_number():
    assert leader("●推进改厕") == ("●", 0, 1)
    assert leader("—— 规范管护") == ("——", 0, 3)
    assert leader("——2026年底前完成摸排") == ("——", 0, 2)  # two dashes are never a minus sign
    assert leader("-5%以内") is None
    assert leader("—3℃") is None
    assert leader("●") is None  # a mark with nothing after it leads nothing


def test_a_task_heading_is_made_of_task_words_only():
    assert task_heading("重点任务") and task_heading("工作措施：") and task_heading("主要任务及责任分工")
    assert not task_heading("推进重点工作")  # a task, not a heading of tasks
    assert not task_heading("保障措施") and not task_heading("工作目标") and not task_heading("职责分工")
    assert not task_heading("主要任务和目标")  # a general heading (sections.yaml general_titles)


def test_bullets_under_a_task_heading_are_its_measures_and_the_safeguards_stay_text():
    text = HEAD + (
        "二、重点任务\n\n★推进农村改厕。（县农业农村局牵头，县卫生健康局配合）\n\n★治理生活污水。（县生态环境局负责）\n\n"
        "三、保障措施\n\n★加强组织领导。\n\n★强化督查考核。\n"
    )
    plan = _plan(text)
    assert [m.label for m in plan.measures] == ["★", "★"]
    assert [m.lead_units for m in plan.measures] == [["县农业农村局"], ["县生态环境局"]]
    assert len({m.ref for m in plan.measures}) == 2  # the refs stay unique


def test_a_bullet_list_over_the_headings_own_numbered_items_stays_text():
    text = HEAD + (
        "二、主要任务\n\n　　重点做好以下工作：\n●改厕；\n●治污。\n\n（一）推进农村改厕。（县农业农村局牵头）\n\n"
        "（二）治理生活污水。（县生态环境局负责）\n\n三、保障措施\n\n　　加强领导。\n"
    )
    assert _labels(text) == ["(一)", "(二)"]


def test_bullets_inside_a_numbered_measure_stay_its_text():
    text = HEAD + (
        "二、主要任务\n\n（一）推进农村改厕。具体包括：\n●新建卫生厕所5000座；\n●建立管护机制。\n（县农业农村局牵头）\n\n"
        "（二）治理生活污水。（县生态环境局负责）\n\n三、保障措施\n\n　　加强领导。\n"
    )
    plan = _plan(text)
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]
    assert "新建卫生厕所5000座" in plan.measures[0].text


def test_a_top_level_measure_titled_with_a_task_word_keeps_its_points():
    """Measures numbered 一、二、三 (no sections above them): 三、推进重点工作's "●" points are its text."""
    text = (
        "某镇2026年安全生产工作要点\n\n一、压实安全责任。落实党政同责，签订责任书。（镇安监办负责）\n\n"
        "二、开展隐患排查。每月组织一次排查。（镇应急办负责）\n\n三、推进重点工作\n●整治燃气隐患；\n●整治消防通道。\n"
        "（镇综合执法队负责）\n"
    )
    assert _labels(text) == ["一", "二", "三"]


def test_one_bullet_under_a_task_heading_is_no_list():
    text = HEAD + "二、重点任务\n\n●推进农村改厕，治理生活污水。（县农业农村局牵头）\n\n三、保障措施\n\n　　加强领导。\n"
    assert "●" not in _labels(text)


def test_a_duty_list_in_bullets_after_the_tasks_is_no_list_of_measures():
    text = HEAD + (
        "二、重点任务\n\n（一）推进农村改厕。（县农业农村局牵头）\n\n（二）治理生活污水。（县生态环境局负责）\n\n"
        "三、职责分工\n\n●县财政局：负责资金保障。\n\n●县卫生健康局：负责技术指导。\n"
    )
    assert _labels(text) == ["(一)", "(二)"]


def test_a_word_bullet_list_in_the_default_style_reads_as_its_marks(tmp_path):
    """Word's own "List Bullet" style (Symbol U+F0B7, shown as •) under 二、主要任务: the measures, ref "•"."""
    d = docx.Document()
    for text in ["某县农村人居环境整治工作方案", "一、工作目标", "到2027年，农村卫生厕所普及率达到90%以上。", "二、主要任务"]:
        d.add_paragraph(text)
    for text in ["推进农村改厕。（县农业农村局牵头，县卫生健康局配合）", "治理生活污水。（县生态环境局负责）"]:
        d.add_paragraph(text, style="List Bullet")
    d.add_paragraph("三、保障措施")
    d.add_paragraph("加强组织领导。", style="List Bullet")
    d.add_paragraph("强化督查考核。", style="List Bullet")
    path = tmp_path / "bullets.docx"
    d.save(str(path))
    source = load_document(str(path))
    assert [p.text for p in source.paragraphs][4] == "•推进农村改厕。(县农业农村局牵头，县卫生健康局配合)"
    plan = parse_plan(source)
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == [
        ("•", ["县农业农村局"], ["县卫生健康局"]),
        ("•", ["县生态环境局"], []),
    ]
