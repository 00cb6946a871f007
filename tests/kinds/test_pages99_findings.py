"""Findings on policy pages and app or page furniture that are not the author's text (issue 16: blind96 临朐县 one-line
联络员 table, blind97 马圪当乡 工作群, blind98 秦皇岛市 公报, blind94 豆粕 table caption, blind93 国家广电总局 本省 — all
judged false at first sight). fixtures/pages99/ holds plans of the class (README there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.pipeline import check

DIR = Path(__file__).resolve().parents[2] / "fixtures" / "pages99"


def _found(path: Path, rule: str) -> list[str]:
    run = check(str(path), allow_no_parent=True, fail_on="none")
    return [f.evidence.local if f.evidence else "" for f in run.report.findings if f.rule == rule]


@pytest.mark.parametrize(
    "name",
    [
        "hanyin-county-rural-water-tujie-oneline.txt",  # a 联络员名单 flattened into a one-line page
        "shitai-county-flood-geohazard-chat.txt",  # a chat export's group name (126) and time stamps
        "nanchong-city-waterlogging-gazette.txt",  # a gazette's running head
        "yiliang-county-elderly-meals-jiedu.txt",
    ],
)
def test_no_format_finding_on_text_that_is_not_the_authors(name):
    assert _found(DIR / name, "format") == []


def test_a_stray_space_of_the_authors_in_a_one_line_page_is_still_reported():
    found = _found(DIR / "qinyuan-county-forest-fire-shiyi-oneline.txt", "format")
    assert len(found) == 1 and "建立隐患 清单" in found[0]


def test_a_national_texts_benshen_is_each_readers_province():
    assert _found(DIR / "mct-national-tourist-complaints.txt", "self-reference") == []


def test_a_provinces_benshi_is_each_citys_own_and_its_woshi_still_a_slip():
    found = _found(DIR / "guizhou-province-rural-tourism-villages.txt", "self-reference")
    assert len(found) == 1 and "我市" in found[0]


def test_a_city_plans_benshi_and_a_county_plans_benxian_are_still_their_own_level(tmp_path):
    """The distributive words are those of the levels BELOW the plan's: 本省 in a city plan copied from its province
    is still a slip."""
    path = tmp_path / "city.txt"
    path.write_text(
        "南充市2026年城市排水防涝工作方案\n为提升城市排水防涝能力，制定本方案。\n一、重点任务\n"
        "（一）整治易涝积水点。本省易涝积水点整治全部完成。（市住房城乡建设局负责）\n"
        "（二）清掏排水管网。汛前完成全部清掏。（市城市管理局负责）\n",
        "utf-8",
    )
    found = _found(path, "self-reference")
    assert len(found) == 1 and "本省" in found[0]


def _with_caption(tmp_path: Path, caption: str) -> list[str]:
    path = tmp_path / "caption.txt"
    path.write_text(
        "某县2026年高标准农田建设实施方案\n为推进高标准农田建设，制定本方案。\n一、主要指标\n"
        f"{caption}\n"
        "二、重点任务\n（一）建设高标准农田。新建高标准农田2万亩。（县农业农村局负责）\n"
        "（二）加强工程管护。落实管护主体和经费。（县财政局、县农业农村局按职责分工负责）\n",
        "utf-8",
    )
    return _found(path, "format")


def test_an_unnumbered_table_captions_space_is_its_setting(tmp_path):
    assert _with_caption(tmp_path, "表　高标准农田建设主要指标") == []


def test_a_space_inside_a_sentence_after_a_one_character_word_is_still_reported(tmp_path):
    assert len(_with_caption(tmp_path, "表　明全县高标准农田建设主要指标，逐年推进。")) == 1


def test_a_provinces_benshi_with_no_each_or_pair_before_it_is_still_a_slip(tmp_path):
    """Distributive only where the sentence says so (各市…本市, 全国…和本省): a bare 本市 in a province plan is the
    city's voice kept from a copied text."""
    path = tmp_path / "province.txt"
    path.write_text(
        "贵州省乡村旅游重点村提质行动方案\n为推动全省乡村旅游提质升级，制定本方案。\n一、重点任务\n"
        "（一）改善旅游道路。加强本市农村旅游公路养护。（省交通运输厅负责）\n"
        "（二）提升公共服务。各市（州）要将旅游厕所建设纳入本市（州）年度计划。（省文化和旅游厅负责）\n",
        "utf-8",
    )
    found = _found(path, "self-reference")
    assert len(found) == 1 and "加强本市农村旅游公路养护" in found[0]


def test_a_city_plan_pairing_its_own_whole_with_benxian_is_still_a_slip(tmp_path):
    """The pair excuses a lower 本X only after the plan's OWN whole (全国性和本省 in a national plan, 全市和本县 in a
    city's); "统筹全县和本镇资源" in a city plan pairs 本镇 with a county's whole: a county's text copied, a slip (review:
    any level's whole excused it)."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "商洛市农村人居环境整治实施方案\n各县（区）人民政府，市政府各部门：\n一、重点任务\n"
        "（一）推进厕所革命。统筹全县和本镇资源，加快改厕进度。（责任单位：市农业农村局）\n"
        "（二）治理生活垃圾。完善收运处置体系。（责任单位：市住房城乡建设局）\n商洛市人民政府\n2026年3月1日\n",
        "utf-8",
    )
    assert any("本镇" in e for e in _found(path, "self-reference"))


def test_a_plan_that_mentions_nixian_keeps_its_own_quanxian_slip(tmp_path):
    """你县 excuses 全县 only in a letter answering one county (复函, 批复, 函: levels.yaml `addressed_kinds`); a city
    plan that mentions it (不得以“请你县自行研究”代替部署) keeps its 全县 slip reported (review)."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "商洛市农村人居环境整治实施方案\n各县（区）人民政府，市政府各部门：\n一、重点任务\n"
        "（一）治理生活垃圾。到2026年底，全县生活垃圾收运处置体系覆盖所有行政村。（责任单位：市住房城乡建设局）\n"
        "（二）加强督导。不得以“请你县自行研究”代替具体部署。（责任单位：市农业农村局）\n商洛市人民政府\n2026年3月1日\n",
        "utf-8",
    )
    assert any("全县" in e for e in _found(path, "self-reference"))
