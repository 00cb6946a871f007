"""Duty documents: an 应急预案 or a 工作规则 whose one list charging units is its measures (fixtures/genres86b/README.md).

1. The list (engine/parse/dutylists.py): in a document titled as such a genre, the items that charge units (a clause,
   or a unit as the subject of the item's opening) are most of one list and none stands outside it — that list is
   the measures; 总则 items, the 指挥部/办公室 paragraphs, response levels, the body's own 主要职责 are sections.
2. The units (engine/extract/dutysubject.py): "X：负责…", "X负责…；Y配合…", "X会同Y…", "由X牵头，会同Y、Z，…",
   "X、Y按职责分工负责…", "X负责…，Z负责…".
3. 部际联席会议 (its office, its rules) is national; 沿黄各市、县（区）人民政府 is one collective unit; a one-line page's
   first item right after an 应急预案 title is cut there.
The fixtures' golds are read by tests/parse/test_fix_golds.py; the blind86 documents by tests/acceptance.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract.dutysubject import duty_subject
from engine.extract.responsibility import parse_units
from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.dutylists import charged_list, duty_genre
from engine.parse.level import is_national

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "genres86b"


def _read(text: str) -> tuple[list[str], list[str]] | None:
    r = duty_subject(text)
    return None if r is None else ([u.name for u in r.lead], [u.name for u in r.support])


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("县自然资源局：负责地质灾害隐患点排查。", (["县自然资源局"], [])),
        ("县气象局、县水务局：负责降雨监测预报。", (["县气象局", "县水务局"], [])),
        ("省农业农村厅负责调运饲草料，受灾县储备饲草料不少于15天用量；省粮食和物资储备局配合做好投放。",
         (["省农业农村厅"], ["省粮食和物资储备局"])),
        ("抢通道路\n由省交通运输厅牵头，会同省公安厅、武警青海省总队，组织机械除雪破冰。",
         (["省交通运输厅"], ["省公安厅", "武警青海省总队"])),
        ("县交通运输局会同县公安局负责道路运输企业安全监管。", (["县交通运输局"], ["县公安局"])),
        ("县市场监督管理局、县教育局按照职责分工负责特种设备和校园安全监管。", (["县市场监督管理局", "县教育局"], [])),
        ("县自然资源局负责非煤矿山安全监管，县应急管理局负责危险化学品安全监管。", (["县自然资源局", "县应急管理局"], [])),
        ("医疗救治。由县卫生健康局负责组织救治，县医院、县中医院各预留20张床位。", (["县卫生健康局"], [])),
        ("琴江派出所负责打击违法犯罪行为，配合开展现场处置。", (["琴江派出所"], [])),
        ("沿黄各市、县（区）人民政府负责组织巡堤查险；自治区水利厅配合派出专家组。",
         (["沿黄各市、县（区）人民政府"], ["自治区水利厅"])),
    ],
)
def test_the_subject_of_a_duty_names_its_units(text, want):
    assert _read(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "县森林防灭火指挥部总指挥由县政府分管副县长担任，副总指挥由县应急管理局局长担任。",  # people, no duty
        "指挥部办公室设在县应急管理局，负责指挥部日常工作。",  # the office: 设在
        "本预案由县应急管理局负责解释，自印发之日起施行。",  # who interprets the plan
        "全体会议。县安委会每半年召开一次全体会议，由主任主持。",  # a meeting rule
        "各有关部门负责做好本行业安全生产工作。",  # no body named
        "灾情稳定后，受灾乡镇人民政府组织开展灾情核查。",  # no duty verb after the subject
    ],
)
def test_an_item_that_charges_no_named_body_has_no_subject(text):
    assert duty_subject(text) is None


def test_the_one_charging_list_is_chosen():
    # 0 一、  1 (一) 2 (二)  3 二、  4 1. 5 2. 6 3.  7 三、 8 (一)
    parents = [None, 0, 0, None, 3, 3, 3, None, 7]
    styles = ["cn_dun", "cn_paren", "cn_paren", "cn_dun", "arabic_dot", "arabic_dot", "arabic_dot", "cn_dun", "cn_paren"]
    assert charged_list(parents, styles, lambda i: i in (4, 5, 6)) == {4, 5, 6}
    assert charged_list(parents, styles, lambda i: i in (4, 6)) == {4, 5, 6}  # one item left its unit out: a gap
    # a charging item outside the list: work is assigned elsewhere too, the plan's numbering decides
    assert charged_list(parents, styles, lambda i: i in (4, 5, 6, 8)) == frozenset()
    assert charged_list(parents, styles, lambda i: i == 4) == frozenset()  # one item is no list


def test_the_parts_of_a_listed_item_may_charge_units_too():
    # 0 4.3  1 4.3.1  2 (1) under 4.3.1  3 4.3.2
    parents, styles = [None, 0, 1, 0], ["decimal2", "decimal3", "paren_arabic", "decimal3"]
    assert charged_list(parents, styles, lambda i: i in (1, 2, 3)) == {1, 3}


@pytest.mark.parametrize(
    ("front", "genre"),
    [
        (["旬邑县森林火灾应急预案"], True),
        (["现将《促进银发经济发展部际联席会议工作规则》印发给你们"], True),
        (["关于印发《琴江镇食品安全委员会工作规则》的通知"], True),
        (["青海省牧区雪灾应急预案（试行）"], True),
        (["为做好防汛工作，根据《某县防汛应急预案》，结合实际，制定本方案。", "某县防汛物资储备工作方案"], False),
        (["关于印发某县森林火灾应急预案的通知"], False),  # the notice's heading: the title is the line or the 《》
        (["某县加快森林防火能力建设实施方案"], False),
    ],
)
def test_the_genre_is_read_from_the_title(front, genre):
    assert duty_genre(front) is genre


def _measures(path: Path) -> list[str]:
    return [m.label for m in parse_plan(from_text(path.read_text("utf-8"), path=path.name)).measures]


def test_a_plan_of_another_genre_keeps_its_numbering():
    """The same text under a 实施方案's title is read as any plan: 一、主要职责's items are measures there."""
    text = (HERE / "chaling-county-work-safety-rules.txt").read_text("utf-8").replace("工作规则", "工作实施方案")
    labels = [m.label for m in parse_plan(from_text(text, path="plan.txt")).measures]
    assert labels[:3] == ["(一)", "(二)", "(三)"] and len(labels) > 6


def test_the_rules_measures_are_the_member_units_duties():
    plan = parse_plan(from_text((HERE / "chaling-county-work-safety-rules.txt").read_text("utf-8"), path="r.txt"))
    assert [m.label for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"]
    assert all(m.path == ["三"] for m in plan.measures)


def test_a_joint_meeting_of_ministries_is_national():
    assert is_national("促进银发经济发展部际联席会议办公室")
    assert is_national("促进银发经济发展部际联席会议工作规则")
    assert not is_national("湖南省安全生产厅际联席会议办公室")
    assert not is_national("株洲市落实部际联席会议部署工作方案")  # a place named: that place's


def test_a_qualified_group_of_divisions_is_one_unit():
    assert parse_units("沿黄各市、县（区）人民政府、自治区水利厅") == ["沿黄各市、县（区）人民政府", "自治区水利厅"]
    assert parse_units("沿海各县（市、区）人民政府") == ["沿海各县（市、区）人民政府"]


def test_a_one_line_plan_is_cut_at_its_first_item_after_its_title():
    text = (
        "某县人民政府办公室关于印发某县低温冰冻灾害应急预案的通知 各乡镇人民政府：现印发给你们。某县人民政府办公室"
        "2026年1月5日 某县低温冰冻灾害应急预案一、总则(一)编制目的。有效应对灾害。二、应急处置(一)道路保通。由县交通运输局"
        "牵头，会同县公安局，清除积雪。(二)电力抢修。由县供电公司负责抢修线路，县发展和改革局配合。三、附则本预案自印发之日起施行。"
    )
    plan = parse_plan(from_text(text, path="oneline.txt"))
    assert [(m.path, m.label) for m in plan.measures] == [(["二"], "(一)"), (["二"], "(二)")]
    assert plan.measures[0].support_units == ["县公安局"]
    assert "附则" not in plan.measures[-1].text
