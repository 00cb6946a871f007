"""A measure's prose sentence naming its units with a lead predicate and, optionally, a support predicate, closing the
measure or opening its body (fixtures/prose36b/ models the class; blind36 山东省, 仙女山街道, 安康市 and 民航局 were the
measured misses): "X要切实履行牵头责任，Y、Z要主动配合。", "本项工作由X承办，Y、Z协办。", "X负责组织实施。" (a lead and
nothing else), "此项工作由X负责，Y、Z予以配合。" with names of any shape (各运输机场: a group of bodies named by 各, no body
suffix), and "由X牵头，Y、Z予以配合，做好…" opening the body. Predicates, modal words and the heads of a group of bodies
are data (rulesets/data/prose_roles.yaml). Negatives stay negative: 负责人/承办人, 对…负责, "各级各部门要切实履行…责任",
"企业要履行主体责任", 属地管理责任.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract.data import prose_roles
from engine.extract.responsibility import parse_units
from engine.ingest import from_text
from engine.parse import parse_plan
from tests.extract.prose_plans import checked_beside_gold, roles_of

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "prose36b"
GOLDS = sorted(p.name.removesuffix(".expected.yaml") for p in HERE.glob("*.expected.yaml"))
TASK = "推进冷链物流设施建设，2026年底前新建冷库库容10万吨。"




def _same_place(gold: str, got: str | None) -> bool:
    """江苏省 read as 江苏 is the same place (the short form of a province, as tests/acceptance accepts it)."""
    return bool(got) and (got == gold or (len(got) >= 2 and gold.startswith(got) and len(gold) - len(got) == 1))


@pytest.mark.parametrize("name", GOLDS)
def test_each_plan_is_read_as_counted_by_hand(name):
    gold, run, differences = checked_beside_gold(HERE, name)
    assert differences == []
    assert run.draft.level == gold["level"] and _same_place(gold["jurisdiction"], run.draft.jurisdiction)
    # "no lead unit" only where the gold says a measure names none (each plan has one such negative)
    missing = {m["ref"] for m in gold["measures"] if not m["lead"]}
    asked = [f for f in run.report.findings if f.rule == "lead-unit-required"]
    assert bool(asked) == bool(missing)


CLOSING = [
    ("省商务厅要切实履行牵头责任，省住房城乡建设厅、省自然资源厅要主动配合。", ["省商务厅"], ["省住房城乡建设厅", "省自然资源厅"]),
    ("省住房城乡建设厅、省商务厅要共同履行牵头责任，各市人民政府要主动配合。", ["省住房城乡建设厅", "省商务厅"], ["各市人民政府"]),
    ("省商务厅要切实履行牵头责任。", ["省商务厅"], []),
    ("省商务厅应承担牵头责任，省财政厅须履行配合责任。", ["省商务厅"], ["省财政厅"]),
    ("本项工作由街道经济发展办公室承办，仙女山市场监管所、各社区居民委员会协办。", ["街道经济发展办公室"], ["仙女山市场监管所", "各社区居民委员会"]),
    ("本项工作由仙女山市场监管所、仙女山消防救援站承办。", ["仙女山市场监管所", "仙女山消防救援站"], []),
    ("本项工作由街道文化站主办，驻地高校、各景区管理处协办。", ["街道文化站"], ["驻地高校", "各景区管理处"]),
    ("此项工作由街道城管科领办，街道综合行政执法队协助。", ["街道城管科"], ["街道综合行政执法队"]),
    ("市市场监管局负责组织实施。", ["市市场监管局"], []),
    ("市农业农村局负责组织实施，市财政局、各县（市、区）人民政府配合做好资金保障和基地建设工作。", ["市农业农村局"], ["市财政局", "各县（市、区）人民政府"]),
    ("市商务局牵头抓总，市供销合作社、湛江海关积极配合。", ["市商务局"], ["市供销合作社", "湛江海关"]),
    ("此项工作由机场司负责，各地区管理局、各运输机场予以配合。", ["机场司"], ["各地区管理局", "各运输机场"]),
    ("此项工作由机场司负责，各运输机场予以配合。", ["机场司"], ["各运输机场"]),
    ("此项工作由市公安局治安支队负责，各区县公安（分）局、驻地武警要积极配合。", ["市公安局治安支队"], ["各区县公安（分）局", "驻地武警"]),
    ("此项工作由各运输机场负责，各地区管理局予以配合。", ["各运输机场"], ["各地区管理局"]),
    ("由市科技局负责，广东海洋大学、市农业科学研究院要积极配合。", ["市科技局"], ["广东海洋大学", "市农业科学研究院"]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "lead", "support"), CLOSING)
@pytest.mark.parametrize("apart", ["", "\n"], ids=["same-paragraph", "own-line"])
def test_a_closing_sentence_names_lead_and_support_whatever_its_predicates(sentence, lead, support, apart):
    assert roles_of(TASK + apart + sentence) == (lead, support)


OPENING = [
    ("由农田建设管理处牵头，省农业工程技术推广中心、各国有农场予以配合，做好工程质量抽查工作。",
     ["农田建设管理处"], ["省农业工程技术推广中心", "各国有农场"]),
    ("由市商务局承办，市财政局、市农业农村局协办，做好冷库建设工作。", ["市商务局"], ["市财政局", "市农业农村局"]),
    ("由街道城管科领办，街道综合行政执法队、各宾馆饭店协助，做好景区周边市容秩序保障工作。",
     ["街道城管科"], ["街道综合行政执法队", "各宾馆饭店"]),
    ("由市商务局负责组织实施，市财政局配合，做好冷库建设工作。", ["市商务局"], ["市财政局"]),
    ("由市商务局负责，市财政局要主动配合，做好冷库建设工作。", ["市商务局"], ["市财政局"]),
    ("由市公安局牵头，各区县公安（分）局配合，做好反诈宣传工作。", ["市公安局"], ["各区县公安(分)局"]),
    ("由各县（市、区）人民政府牵头，市财政局配合，做好冷库建设工作。", ["各县(市、区)人民政府"], ["市财政局"]),
    ("由市商务局牵头，各运输机场、市农业农村局予以配合，做好冷库建设工作。", ["市商务局"], ["各运输机场", "市农业农村局"]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "lead", "support"), OPENING)
def test_a_sentence_opening_the_measure_body_names_lead_and_support(sentence, lead, support):
    plan = (
        "某市工作方案\n一、重点任务\n（一）加强冷链物流建设。" + sentence + "2026年底前新建冷库库容10万吨，确保按期完成。\n"
        "（二）完善配送网络。新增冷藏车500辆。\n二、工作要求\n（一）加强领导。各级各部门要切实履行主体责任。\n"
    )
    first = parse_plan(from_text(plan)).measures[0]
    assert (first.lead_units, first.support_units) == (lead, support)


NEGATIVES = [
    "各级各部门要切实履行牵头责任。",  # generic units: none named
    "各级农业农村部门要切实履行属地管理责任，项目法人要履行主体责任，对工程质量负责。",
    "企业要履行主体责任。",
    "各县（市、区）要切实履行属地管理责任，企业要履行主体责任。",
    "各社区要明确一名投诉处置承办人，坚持谁主管谁负责。",  # a person; a principle
    "企业主要负责人对本企业安全生产工作全面负责。",  # 对…负责 of a person
    "县农业农村局负责组织茶园面积、产量和产值统计。",  # "X负责…" alone: a duty described
    "市商务局负责组织实施冷库建设补助项目，确保按期完成。",  # the predicate with its task: a duty described
    "由市文化广电旅游局主办。",  # 主办 alone: an event's host, a lead only beside its support
    "各环节要积极配合。",
]  # fmt: skip


@pytest.mark.parametrize("sentence", NEGATIVES)
@pytest.mark.parametrize("apart", ["", "\n"], ids=["same-paragraph", "own-line"])
def test_responsibility_words_that_assign_no_unit_stay_negative(sentence, apart):
    assert roles_of(TASK + apart + sentence) is None


def test_a_phrase_after_a_group_head_is_no_unit():
    """各环节, 各方面 (prose_roles.yaml `not_groups`) are no group of bodies: the support part names no one."""
    assert roles_of(TASK + "此项工作由市商务局负责，各环节予以配合。") == (["市商务局"], [])


@pytest.mark.parametrize("predicate", prose_roles().lead_verbs)
def test_every_lead_predicate_of_the_data_is_read(predicate):
    """Each lead predicate of rulesets/data/prose_roles.yaml, after 由 and before a support part, names the lead."""
    got = roles_of(TASK + f"本项工作由市商务局{predicate}，市财政局、各运输机场配合。")
    assert got == (["市商务局"], ["市财政局", "各运输机场"])


@pytest.mark.parametrize("modal", prose_roles().modal)
def test_every_modal_word_of_the_data_is_no_part_of_a_name(modal):
    got = roles_of(TASK + f"市商务局牵头，市财政局、各运输机场{modal}配合。")
    assert got == (["市商务局"], ["市财政局", "各运输机场"])


def test_a_group_of_bodies_then_a_body_are_two_units():
    """各运输机场、市农业农村局: a group named by 各, then a body; "各县、区财政局" stays one group of divisions."""
    assert parse_units("各运输机场、市农业农村局") == ["各运输机场", "市农业农村局"]
    assert parse_units("各县、区财政局") == ["各县、区财政局"]
