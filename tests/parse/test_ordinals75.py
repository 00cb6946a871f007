"""Measures headed by a word and an ordinal (任务一 / 行动一 / 工程一 / 项目一 / 专项行动一 / 第一项) holding numbered
points (fixtures/ordinals75/README.md): the points are the measure's text, not measures.

1. A bare closing clause on a line of its own ("X牵头负责，Y、Z协同", "由X负责。", "X负责，Y配合。") is read before the
   field lines naming no unit that follow it (完成时限：…, 时间节点：…, the deadline alone in brackets).
2. A spaced entry label whose name opens with a counter's character ("工程二　处理…", "行动二　人气…") is an entry where it
   runs on the entries of its word; alone it is prose as before ("任务 1 处…").
3. Entries numbered with a word or a frame that hold points, no point naming units, are the measures; points that carry
   their own units stay measures under their word-headed group.
"""

from __future__ import annotations

import pytest

from engine.extract import find_responsibility
from engine.pipeline import load_plan


@pytest.mark.parametrize(
    ("text", "prose", "lead", "support"),
    [
        ("摸排全镇宅基地。\n镇农业农村办牵头负责，镇规划所、各村（社区）协同\n完成时限：2027年8月底前", False,
         ["镇农业农村办"], ["镇规划所", "各村（社区）"]),
        ("开展巡查。\n县城管局牵头负责\n完成时限：长期坚持", False, ["县城管局"], []),
        ("依法查处。\n由市城市管理局负责。\n时间节点：长期坚持", True, ["市城市管理局"], []),
        ("推进快递进村。\n省邮政管理局负责，省商务厅配合。\n（2027年底前完成）", True, ["省邮政管理局"], ["省商务厅"]),
        ("推进快递进村。\n省邮政管理局负责。\n时间：2027年6月底前\n备注：纳入年度考核", False, ["省邮政管理局"], []),
        ("开展巡查。\n县城管局牵头负责，县公安局协同\n责任人：张伟", False, ["县城管局"], ["县公安局"]),  # a person's field
    ],
)  # fmt: skip
def test_a_bare_clause_is_read_before_the_fields_after_it(text, prose, lead, support):
    found = find_responsibility(text, prose=prose)
    assert found is not None
    r = found.responsibility
    assert ([u.name for u in r.lead], [u.name for u in r.support]) == (lead, support)
    assert "\n" not in text[found.start : found.end].strip()  # the clause's own line, no field after it


def test_a_line_that_is_no_field_still_ends_the_text():
    """A task sentence after the units line: the text's last sentence is no clause, and nothing is skipped."""
    assert find_responsibility("开展巡查。\n县城管局牵头负责\n加强日常巡查，发现问题及时处置。") is None


def _plan(tmp_path, lines):
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return load_plan(str(path))


_HEAD = ["某县农村人居环境整治工作方案", "", "为改善农村人居环境，制定本方案。", "一、工作目标",
         "到2027年底，全县农村卫生厕所普及率达到90%以上。", "二、重点任务"]  # fmt: skip
_TAIL = ["三、保障措施", "（一）加强组织领导。成立工作专班。", "（二）强化资金保障。县财政安排专项资金。"]


def test_an_entry_whose_name_opens_with_a_counter_runs_on_its_word(tmp_path):
    plan = _plan(tmp_path, [
        *_HEAD,
        "工程一　厕所改造工程", "1．新建改建农村户厕3000座。", "2．建立粪污收集利用体系。", "牵头单位：县农业农村局",
        "工程二　处理设施建设工程", "1．建设污水处理站20座。", "2．配套建设收集管网。", "牵头单位：县住房城乡建设局",
        "工程三　人居环境长效管护工程", "1．建立村庄保洁制度。", "2．开展月度评比。", "牵头单位：各乡镇人民政府",
        *_TAIL,
    ])  # fmt: skip
    assert [m.label for m in plan.measures] == ["工程一", "工程二", "工程三"]
    assert [m.lead_units for m in plan.measures] == [["县农业农村局"], ["县住房城乡建设局"], ["各乡镇人民政府"]]


def test_a_spaced_label_before_a_counter_alone_stays_prose(tmp_path):
    plan = _plan(tmp_path, [*_HEAD, "（一）推进厕所改造。", "任务 1 处需在年内完成改造，其余逐年推进。",
                            "（二）治理生活污水。建设污水处理站20座。", *_TAIL])  # fmt: skip
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]


def test_entries_holding_points_with_no_units_are_the_measures(tmp_path):
    plan = _plan(tmp_path, [
        *_HEAD,
        "举措一：农村厕所革命", "（1）新建改建农村户厕3000座。", "（2）建立粪污收集利用体系。",
        "举措二：生活垃圾治理", "（1）完善收运处置体系。", "（2）推进垃圾分类减量。",
        *_TAIL,
    ])  # fmt: skip
    assert [m.label for m in plan.measures] == ["举措一", "举措二"]
    assert "粪污收集" in plan.measures[0].text


def test_a_lone_entry_holding_points_with_no_units_keeps_its_points(tmp_path):
    """One entry is no run: nothing says its word names the plan's tasks (a single 任务一 may head a list)."""
    plan = _plan(tmp_path, [*_HEAD, "任务一：农村厕所革命", "（1）新建改建农村户厕3000座。", "（2）建立粪污收集利用体系。",
                            *_TAIL])  # fmt: skip
    assert [m.label for m in plan.measures] == ["(1)", "(2)"]


def test_points_with_their_own_units_stay_measures_under_entries(tmp_path):
    plan = _plan(tmp_path, [
        *_HEAD,
        "行动一：农村厕所革命", "1.新建改建农村户厕3000座。（县农业农村局牵头）", "2.建立粪污收集利用体系。（县生态环境局牵头）",
        "行动二：生活垃圾治理", "1.完善收运处置体系。（县住房城乡建设局牵头）", "2.推进垃圾分类减量。（县商务局牵头）",
        *_TAIL,
    ])  # fmt: skip
    assert [m.label for m in plan.measures] == ["1", "2", "1", "2"]
    assert [m.lead_units for m in plan.measures][1] == ["县生态环境局"]
