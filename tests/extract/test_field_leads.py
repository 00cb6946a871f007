"""Leads written in running text (issue 21, item 2): when "X负责A，Y负责B" and "以下各项由X牵头" name a
measure's responsible units, and when the same words are only policy prose.

Both ways on real material: the State Council texts (fixtures/national/, copied from
../shared/corpus/national/) describe duties with "国家中医药局负责…" in measures that name no responsible
units, and must keep none; a county plan written in the local style (fixtures/fieldleads/) divides fields
among its own bureaus in the text and states chapter-level leads, which must be read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.align import vocabulary_of
from engine.ingest import from_text, load_document
from engine.parse import parse_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _plan(name: str):
    return parse_plan(load_document(str(FIXTURES / name)))


@pytest.mark.parametrize(
    "name",
    [
        "national/gbf2019-4-hospital-assessment.txt",
        "national/gbf2019-2-drug-procurement.txt",
        "national/gf2019-4-vocational-education.txt",
        "national/gf2019-3-bonded-zones.txt",
        "national/gbf2018-117-incentives.txt",
        "national/gbf2018-121-sports-events.txt",
        "guangxi-2021-2025-parent.txt",
        "chengzhong-district-draft.txt",
        "guangning-county-2016-2020.txt",
    ],
)
def test_real_plans_have_no_leads_read_from_prose(name: str) -> None:
    plan = _plan(name)
    assert [m.ref for m in plan.measures if m.responsibility and m.responsibility.source != "clause"] == []


def test_duty_sentences_in_national_prose_are_not_leads() -> None:
    """The sentences that broke the national hand counts: one own-level unit each, or a generic subject."""
    hospital = _plan("national/gbf2019-4-hospital-assessment.txt").measure("五(二)")
    assert "国家中医药局负责组织实施三级公立中医医院绩效考核工作" in hospital.text
    assert hospital.lead_units == [] and hospital.responsibility is None
    drugs = _plan("national/gbf2019-2-drug-procurement.txt").measure("四(四)")
    assert "各级卫生健康部门负责" in drugs.text and "国家药监局负责" in drugs.text
    assert drugs.lead_units == []  # 各级卫生健康部门 is every level's, not a body the State Council names
    vocational = _plan("national/gf2019-4-vocational-education.txt").measure("(二十)")
    assert "国务院教育行政部门负责" in vocational.text and vocational.lead_units == []  # a kind of department
    parent = _plan("guangxi-2021-2025-parent.txt").measure("(四十)")
    assert "县级以上各级政府负责" in parent.text and parent.lead_units == []


@pytest.fixture(scope="module")
def county():
    return {m.ref: m for m in _plan("fieldleads/county-fieldleads.txt").measures}


def test_chapter_lead_clause_applies_to_its_items(county) -> None:
    for ref in ("(一)", "(二)", "(三)"):
        r = county[ref].responsibility
        assert r is not None and r.source == "chapter"
        assert county[ref].lead_units == ["县司法局"] and county[ref].support_units == ["县直各有关单位"]
    assert [county[ref].responsibility.inherited for ref in ("(一)", "(二)", "(三)")] == [False, True, True]
    assert county["(九)"].lead_units == ["各有关部门"] and county["(九)"].responsibility.by_duty
    assert len(county["(十一)"].lead_units) == 6 and not county["(十一)"].responsibility.by_duty


def test_per_field_leads_are_read_and_share_by_duty(county) -> None:
    four = county["(四)"]
    assert four.lead_units == ["县市场监管局", "县生态环境局", "县农业农村局", "县卫生健康局", "县应急管理局", "县交通运输局"]
    assert four.responsibility.source == "fields" and four.responsibility.by_duty
    five = county["(五)"]  # …由X负责；…由Y负责
    assert five.lead_units == ["县住房和城乡建设局", "县城管执法局"] and five.responsibility.by_duty


def test_the_task_stays_the_task(county) -> None:
    """Per-field clauses are the measure's sentences: nothing is cut, nothing is detached."""
    four = county["(四)"]
    joined = "".join(s.text for s in four.sentences)
    assert "县市场监管局负责食品药品领域专项整治" in joined and "县交通运输局负责道路运输执法" in joined
    assert not four.responsibility.detached and four.responsibility.line > 0


def test_explicit_clause_wins_single_and_other_level_sentences_are_prose(county) -> None:
    six = county["(六)"]
    assert six.responsibility.source == "clause" and six.lead_units == ["县应急管理局"]
    assert county["(七)"].lead_units == []  # one 县司法局负责… sentence: a duty, not a division of labour
    assert county["(八)"].lead_units == []  # 市司法局负责… is the city's part, the county directs one unit


def test_own_clause_wins_over_chapter_and_text() -> None:
    plan = parse_plan(from_text(
        "某市某区法治政府建设工作方案\n一、深化行政执法体制改革\n以下各项由区司法局牵头。\n"
        "1.推进综合行政执法。区市场监管局负责市场领域，区应急管理局负责安全生产领域。(牵头单位:区城管执法局)\n"
        "2.规范执法程序。区市场监管局负责市场领域，区应急管理局负责安全生产领域。\n"
        "3.加强执法监督。开展行政执法案卷评查。\n"
    ))  # fmt: skip
    assert [(m.lead_units, m.responsibility.source) for m in plan.measures] == [
        (["区城管执法局"], "clause"),
        (["区市场监管局", "区应急管理局"], "fields"),
        (["区司法局"], "chapter"),
    ]


def test_other_levels_and_places_of_the_class() -> None:
    """The same reading for a city plan and a State Council text: units of the document's own level."""
    city = parse_plan(from_text(
        "某某市法治政府建设实施方案\n1.重点领域执法。市市场监管局负责食品药品执法，市应急管理局负责安全生产执法。\n"
        "2.规范执法。市司法局负责执法监督，各县（区）人民政府负责本地区执法。\n"
    ))  # fmt: skip
    assert city.level == "city"
    assert city.measures[0].lead_units == ["市市场监管局", "市应急管理局"]
    national = parse_plan(from_text(
        "国务院办公厅关于某某工作的意见\n一、重点任务\n（一）完善政策。国家发展改革委负责规划衔接，财政部负责资金保障。\n"
    ))  # fmt: skip
    assert national.level == "national"
    assert national.measures[0].lead_units == ["国家发展改革委", "财政部"]


def test_leads_read_from_text_are_not_taught_to_the_tokenizer() -> None:
    """A check learns unit names from its plans; words of the task must not become units."""
    taught = vocabulary_of(_plan("fieldleads/county-fieldleads.txt")).words
    assert "县市场监管局" not in taught and "县住房和城乡建设局" not in taught
    assert "县应急管理局" in taught  # from (六)'s own clause


def test_kinds_judge_the_forms_once_and_by_field() -> None:
    """lead-unit-many: six per-field leads are a division of labour (not reported); six leads a chapter
    states without 按职责分工 are reported once, on its first item. lead-unit-vague: a chapter's generic
    lead once. lead-unit-required: only the measures no clause, field sentence or chapter covers."""
    from engine.pipeline import check

    run = check(str(FIXTURES / "fieldleads" / "county-fieldleads.txt"), allow_no_parent=True)
    got = sorted((f.rule, f.local_item) for f in run.report.findings if f.rule.startswith("lead-unit"))
    assert got == [
        ("lead-unit-many", "(十一)"),
        ("lead-unit-required", "(七)"),
        ("lead-unit-required", "(八)"),
        ("lead-unit-vague", "(九)"),
    ]
