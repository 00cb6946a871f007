"""A document that marks its leads: "带*号的为牵头单位", "标★的为牵头单位", "牵头单位以△标注" (rulesets/data/
lead_conventions.yaml). Under such a convention the marked units of a jointly listed clause lead and the others
support, wherever the marked ones stand and however many there are; a mark beside a unit is never part of its
name, convention stated or not. A "(牵头)" after a unit in a duty list marks the lead too."""

from __future__ import annotations

import pytest

from engine import extract
from engine.extract import extract_responsibility
from engine.ingest import from_text
from engine.parse import parse_plan


def roles(text: str) -> list[tuple[list[str], list[str]]]:
    return [(m.lead_units, m.support_units) for m in parse_plan(from_text(text)).measures]


def test_starred_leads_of_a_province_plan_wherever_they_stand():
    assert roles(
        "甘肃省中药材产业高质量发展实施方案\n注：各项任务责任单位中，标★的为牵头单位，其余为配合单位。\n一、重点任务\n"
        "（一）建设标准化种植基地。新建基地10万亩。（责任单位：省财政厅、省农业农村厅★、省林草局）\n"
        "（二）培育龙头企业。培育省级龙头企业20家。（责任单位：省工信厅★、省商务厅★、省农业农村厅）\n"
        "（三）加强质量监管。开展专项抽检。（责任单位：省药监局★）\n"
        "（四）强化金融支持。开发特色信贷产品。（责任单位：省地方金融监管局、人行甘肃省分行）\n"
    ) == [
        (["省农业农村厅"], ["省财政厅", "省林草局"]),  # the marked unit listed second
        (["省工信厅", "省商务厅"], ["省农业农村厅"]),  # two marked: two leads
        (["省药监局"], []),
        # no unit marked: the clause is left as written (joint)
        (["省地方金融监管局", "人行甘肃省分行"], []),
    ]


def test_full_width_star_stated_after_the_measures_and_an_inline_clause():
    assert roles(
        "某县农村公路养护实施方案\n一、主要任务\n"
        "（一）完善养护机制。建立县乡村三级路长制。（责任单位：县财政局、县交通运输局＊、各乡镇人民政府）\n"
        "（二）加强资金保障。落实养护资金。（县财政局＊牵头，县交通运输局配合）\n"
        "说明：带＊号的单位为牵头单位。\n"
    ) == [
        (["县交通运输局"], ["县财政局", "各乡镇人民政府"]),
        (["县财政局"], ["县交通运输局"]),
    ]


def test_town_plan_that_says_its_leads_are_marked_with_a_triangle():
    assert roles(
        "某镇农村人居环境整治方案\n一、主要任务\n"
        "（一）垃圾治理。推进垃圾分类。（责任单位：镇农业综合服务中心、镇村建办△、各村（社区））\n"
        "（二）污水治理。建设污水管网。（责任单位：镇村建办、镇财政所）\n"
        "二、有关说明\n牵头单位以△标注，其余为配合单位。\n"
    ) == [
        (["镇村建办"], ["镇农业综合服务中心", "各村(社区)"]),
        (["镇村建办", "镇财政所"], []),
    ]


def test_a_mark_is_stripped_from_the_name_without_a_convention():
    assert roles(
        "某县城乡环境治理方案\n一、主要任务\n"
        "（一）垃圾治理。推进垃圾分类。（责任单位：县城管局*、县住建局）\n"
        "（二）污水治理。建设污水管网。（县住建局▲、县水务局负责）\n"
    ) == [(["县城管局", "县住建局"], []), (["县住建局", "县水务局"], [])]


def test_a_lead_marked_in_a_duty_list():
    r = extract_responsibility("建设污水管网。（县住建局（牵头）、县水务局负责）")
    assert r is not None
    assert [u.name for u in r.lead] == ["县住建局"]
    assert [u.name for u in r.support] == ["县水务局"]


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("各项任务责任单位中，带*号的为牵头单位，其余为配合单位。", "*"),
        ("注：标★的为牵头单位。", "★"),
        ("标注△的单位为牵头单位。", "△"),
        ("责任单位中加“＊”号者为牵头单位", "*"),
        ("牵头单位用▲表示。", "▲"),
        ("牵头单位后加*号。", "*"),
        # what cannot be seen in text, and what says nothing of a lead
        ("加粗的为牵头单位，其余为配合单位。", None),
        ("带*号的为新增任务。", None),
        ("排在第一位的为牵头单位。", None),
    ],
)
def test_the_stated_mark(text, mark):
    assert extract.stated_lead_mark(text) == mark
