"""A plan whose （一） numbering starts again in every section, 一、总体要求 （一）指导思想 （二）工作目标 and
五、保障措施 （一）… included (issue #16, blind9 张掖市): where the tasks name their units and those items name
none, the general requirements and the safeguards frame the plan and are not measures, in whatever form the
plan comes (.txt, .docx, or a .pdf set justified with indented lines: fixtures/restarts/make_documents.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import load_document
from engine.parse import parse_plan
from engine.rules.goals import goal_paragraphs

RESTARTS = Path(__file__).resolve().parents[2] / "fixtures" / "restarts"
TASKS = ["二(一)", "二(二)", "二(三)", "三(一)", "三(二)", "四(一)", "四(二)"]

_GENERAL = ["一、总体要求", "（一）指导思想。坚持绿色发展，推进产业转型升级。", "（二）工作目标。到2027年，全县粮食产量稳定在20万吨以上。"]
_TASKS = [
    "二、夯实生产基础",
    "（一）建设高标准农田。每年新建高标准农田5万亩。（责任单位：县农业农村局、县财政局）",
    "（二）推进良种繁育。建设良种繁育基地2个。（责任单位：县农业农村局）",
    "三、延伸产业链条",
    "（一）发展精深加工。培育加工企业3家以上。（责任单位：县工业和信息化局）",
    "（二）打造区域品牌。培育区域公用品牌1个。（责任单位：县商务局、县市场监管局）",
    "四、保障措施",
    "（一）加强组织领导。成立工作专班，统筹协调重大问题。",
    "（二）强化督查考核。每季度通报进展情况。",
]


def _plan(doc_of, general: list[str], tasks: list[str]):
    return parse_plan(doc_of("某县粮食产业高质量发展实施方案\n" + "\n".join([*general, *tasks])))


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_the_same_plan_in_three_forms_has_the_same_seven_measures(suffix):
    plan = parse_plan(load_document(str(RESTARTS / f"yongning-county-beef-cattle.{suffix}")))
    assert [m.ref for m in plan.measures] == TASKS
    assert all(m.lead_units for m in plan.measures)
    # the goals stay compared, as a goal written as prose (engine.rules.goals)
    assert [g.name for g in goal_paragraphs(plan)] == ["工作目标"]
    assert "肉牛饲养量达到15万头以上" in goal_paragraphs(plan)[0].text.replace(" ", "")
    assert [s.title for s in plan.sections if s.path == ["五"]] == ["加强组织领导", "加大资金投入", "强化督查考核"]


def test_general_requirements_and_safeguards_numbered_like_the_tasks_are_not_measures(doc_of):
    plan = _plan(doc_of, _GENERAL, _TASKS)
    assert [m.ref for m in plan.measures] == ["二(一)", "二(二)", "三(一)", "三(二)"]
    assert [s.title for s in plan.sections if s.path == ["一"]] == ["指导思想", "工作目标"]


def test_with_no_unit_named_they_stay_measures(doc_of):
    """Nothing tells the framing from the tasks: 指导思想 and 工作目标 stay (general) measures, the safeguards too."""
    tasks = [line.split("（责任单位")[0] for line in _TASKS]
    plan = _plan(doc_of, _GENERAL, tasks)
    assert len(plan.measures) == 8
    assert [m.general for m in plan.measures[:2]] == [True, True]


def test_a_leading_section_with_an_untitled_item_stays_measures(doc_of):
    """总体要求 holding an item that is no general title (a task of its own) is not set apart."""
    general = [*_GENERAL, "（三）开展粮食生产大排查。2025年底前完成全县耕地摸底。"]
    plan = _plan(doc_of, general, _TASKS)
    assert [m.label for m in plan.measures][:3] == ["(一)", "(二)", "(三)"]


def test_tasks_that_run_on_from_the_general_items_leave_them_apart_all_the_same(doc_of):
    """二、 going on at (三) after 一、's (一)(二): one numbering, as a 实施意见 or a national 行动计划 numbers all its parts
    (blind94 农业农村部, blind95 云南省, counted by hand: the general items are no measures); the units tell them
    apart as they do where the tasks restart."""
    tasks = [line.replace("（一）建设", "（三）建设").replace("（二）推进", "（四）推进") for line in _TASKS]
    plan = _plan(doc_of, _GENERAL, tasks)
    assert [m.label for m in plan.measures][:2] == ["(三)", "(四)"]
    assert [s.title for s in plan.sections if s.path == ["一"]] == ["指导思想", "工作目标"]


def test_one_run_through_the_whole_plan_sets_its_safeguards_apart_too(doc_of):
    """(一)(二) 总体要求, tasks (三)…(六), safeguards (七)(八) numbered on, naming no unit: framing, as a restart is."""
    tasks = [
        "二、夯实生产基础",
        "（三）建设高标准农田。每年新建高标准农田5万亩。（责任单位：县农业农村局、县财政局）",
        "（四）推进良种繁育。建设良种繁育基地2个。（责任单位：县农业农村局）",
        "三、延伸产业链条",
        "（五）发展精深加工。培育加工企业3家以上。（责任单位：县工业和信息化局）",
        "（六）打造区域品牌。培育区域公用品牌1个。（责任单位：县商务局、县市场监管局）",
        "四、保障措施",
        "（七）加强组织领导。成立工作专班，统筹协调重大问题。",
        "（八）强化督查考核。每季度通报进展情况。",
    ]
    plan = _plan(doc_of, _GENERAL, tasks)
    assert [m.label for m in plan.measures] == ["(三)", "(四)", "(五)", "(六)"]
    # with no unit named anywhere nothing tells them apart: the one list is the plan's items, as before
    bare = [line.split("（责任单位")[0] for line in tasks]
    assert len(_plan(doc_of, _GENERAL, bare).measures) == 8
