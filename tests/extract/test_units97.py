"""Units read from tiered field lines and from the articles of a 实施细则 (fixtures/units97/README.md; shown by blind97
丁河镇 and blind98 洛阳市):

1. a task whose units are printed in fields qualified by tier — "镇直责任单位：X（牵头）、Y" / "村级责任主体：各村（社区）" on
   lines of their own, or "（市级责任单位：X（牵头）、Y；县级责任单位：Z）" in one bracket: the upper tier's field says who
   leads (its marked unit, or all its units where none is marked), a lower tier's units support (rulesets/data/tiers.yaml,
   engine/extract/tiers.py);
2. an article charges every body a sentence of it opens with ("X负责…。Y负责…"), and "X、Y按照各自职责，负责…" /
   "X、Y按照职责分工，做好…" charges both (engine/extract/articleleads.py, responsibility.article_subject);
3. the label of a field line ("网格落实：", "县级责任领导：") is no word of a sentence the duplicate check compares.
The golds of the fixtures are read by tests/parse/test_fix_golds.py; these tests hold the rules on their own.
"""

from __future__ import annotations

import pytest

from engine.extract import fill_measure
from engine.extract.articleleads import article_leads
from engine.extract.responsibility import parse_clause_content
from engine.extract.tiers import lower_tiers, tier_of
from engine.models import Measure


def _units(text: str) -> tuple[list[str], list[str]]:
    m = Measure(ref="1.", label="1", style="arabic_dot", ordinal=1, depth=1, title="", text=text)
    fill_measure(m)
    return m.lead_units, m.support_units


# ---- 1. tiers ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qualifier", "rank"), [("镇直", 4), ("村级", 5), ("县直", 3), ("市级", 2), ("乡镇", 4), ("村（社区）", 5), ("县直属", 3)]
)
def test_a_tier_word_and_its_mark(qualifier, rank):
    assert tier_of(qualifier) == rank


@pytest.mark.parametrize("words", ["主要", "牵头", "镇直各", "全镇", "其他"])
def test_other_words_are_no_tier(words):
    assert tier_of(words) is None


def test_which_fields_step_down():
    # 镇直 (leads) above 村级: the village field supports; a field without a tier stands above the village tier only
    assert lower_tiers([4, 5], [True, True]) == [False, True]
    assert lower_tiers([None, 5], [True, True]) == [False, True]
    assert lower_tiers([None, 3], [True, True]) == [False, False]  # 县级 beside a bare label: a county plan's own level
    assert lower_tiers([2, 3, 5], [True, True, True]) == [False, True, True]
    assert lower_tiers([4, 5], [False, True]) == [False, False]  # the upper field names no lead: nothing steps down


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        (
            "开展排查。\n镇直责任单位：镇农业服务中心（牵头）、镇环保所\n村级责任主体：各村（社区）\n网格落实：各村（社区）网格长负总责",
            ["镇农业服务中心"],
            ["镇环保所", "各村（社区）"],
        ),
        (
            "建设沟渠。\n乡直责任单位：乡农业农村服务中心、乡生态环境保护站\n村级责任主体：黄杜村、溪龙村",
            ["乡农业农村服务中心", "乡生态环境保护站"],
            ["黄杜村", "溪龙村"],
        ),
        (
            "开展整治。\n牵头单位：县农业农村局\n配合单位：县财政局\n村级落实主体：各村民委员会",
            ["县农业农村局"],
            ["县财政局", "各村民委员会"],
        ),
        (
            "开展普查。（市级责任单位：市林业和草原局（牵头）、市农业农村局；县级责任单位：各县（区）人民政府）",
            ["市林业和草原局"],
            ["市农业农村局", "各县（区）人民政府"],
        ),
        (
            "开展普查。（县直责任单位：县林业局、县自然资源局；乡镇责任主体：各乡镇人民政府）",
            ["县林业局", "县自然资源局"],
            ["各乡镇人民政府"],
        ),
        (
            "开展排查。镇直责任单位：镇农业服务中心（牵头）、镇环保所；村级责任主体：各村（社区）",
            ["镇农业服务中心"],
            ["镇环保所", "各村（社区）"],
        ),
    ],
)
def test_a_lower_tier_supports(text, lead, support):
    assert _units(text) == (lead, support)


def test_a_tier_field_alone_keeps_its_roles():
    assert _units("打造品牌。（市级责任单位：市文化和旅游局、市商务局）") == (["市文化和旅游局", "市商务局"], [])
    assert _units("开展宣传。\n村级责任主体：各村（社区）") == (["各村（社区）"], [])


def test_fields_of_no_tier_are_read_as_before():
    assert parse_clause_content("牵头单位：市农业农村局；配合单位：市财政局") == (("市农业农村局",), ("市财政局",), "牵头单位")
    assert parse_clause_content("责任单位：县农业农村局为牵头单位，县财政局为配合单位")[:2] == (("县农业农村局",), ("县财政局",))
    assert parse_clause_content("责任分工：县农业农村局牵头，县财政局配合")[:2] == (("县农业农村局",), ("县财政局",))


# ---- 2. articles ---------------------------------------------------------------------------------------------------


def _article(text: str) -> tuple[list[str], list[str]] | None:
    r = article_leads(text)
    return ([u.name for u in r.lead], [u.name for u in r.support]) if r else None


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("市公安局负责全市登记管理。各县（市、区）公安机关负责本辖区登记上牌，每季度开展1次整治。",
         ["市公安局", "各县（市、区）公安机关"], []),
        ("市住房和城乡建设局负责指导小区建设充电设施。市消防救援支队负责充电场所的消防安全检查。",
         ["市住房和城乡建设局", "市消防救援支队"], []),
        ("市市场监管局、市经济和信息化局按照各自职责，负责生产销售的监督管理。销售电动自行车的，应当查验合格证。",
         ["市市场监管局", "市经济和信息化局"], []),
        ("乡镇人民政府、街道办事处按照职责分工，做好本辖区安全宣传。", ["乡镇人民政府", "街道办事处"], []),
        ("市交通运输局会同市公安局、市城市管理局负责制定设置规范。市财政局负责保障所需经费。",
         ["市交通运输局", "市财政局"], ["市公安局", "市城市管理局"]),
    ],
)
def test_every_sentence_subject_of_an_article(text, lead, support):
    assert _article(text) == (lead, support)


@pytest.mark.parametrize(
    "text",
    [
        "禁止在下列场所停放电动自行车：（一）楼梯间；（二）安全出口。",
        "收容犬只的留检期限不少于15日，期满无人认领的，依照《条例》第三十一条的规定处置。",
        "各有关部门按照各自职责，负责做好相关工作。",
        "各地按照职责分工，做好宣传。",
    ],
)
def test_an_article_naming_no_body_charges_none(text):
    assert _article(text) is None


def test_an_endless_article_is_read_quickly_and_safely():
    assert _article("市公安局负责登记。" * 5000) == (["市公安局"], [])
    assert _article("，" * 10000) is None


# ---- reviewer's repro (a county plan naming the city's units beside its own) --------------------------------------


def test_a_tier_that_marks_its_own_lead_keeps_it():
    assert lower_tiers([2, 3], [True, True], [False, True]) == [False, False]  # 市级 beside 县级 X（牵头）
    assert lower_tiers([2, 3], [True, True], [False, False]) == [False, True]  # 县级 naming no lead of its own
    assert lower_tiers([4, 5], [True, True], [False, True]) == [False, True]  # the village tier steps down still
    # 市级责任单位：市财政局 / 县级责任单位：县财政局（牵头）: the county's marked lead leads, its other unit supports
    lead, support = _units("加强资金保障。\n市级责任单位：市财政局\n县级责任单位：县财政局（牵头）、县农业农村局")
    assert "县财政局" in lead and "县农业农村局" in support
    lead, support = _units("加强资金保障。（市级责任单位：市财政局；县级责任单位：县财政局（牵头）、县农业农村局）")
    assert "县财政局" in lead and "县农业农村局" in support


def test_a_tiered_guiding_field_names_no_unit():
    text = "建设农田。（市级指导单位：市农业农村局；县级责任单位：县农业农村局（牵头）、县财政局）"
    assert _units(text) == (["县农业农村局"], ["县财政局"])
    assert parse_clause_content("市级指导单位：市农业农村局；县级责任单位：县农业农村局（牵头）、县财政局")[:2] == (
        ("县农业农村局",),
        ("县财政局",),
    )
