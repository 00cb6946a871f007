"""Responsibility clauses: every written form, unit lists exactly, generic units, spans."""

from __future__ import annotations

import pytest

from engine.extract import extract_responsibility, fill_measure, find_responsibility, is_generic_unit
from engine.models import Measure

BODY = "健全制度，做好工作。"


def names(units):
    return [u.name for u in units]


@pytest.mark.parametrize(
    "clause",
    [
        "(牵头单位:区委编办、区司法局;配合单位:区政府其他有关部门)",
        "(牵头单位：区委编办、区司法局；配合单位：区政府其他有关部门)",
        "（牵头单位：区委编办、区司法局；配合单位：区政府其他有关部门）",
        "(牵头单位:区委编办、区司法局；配合单位:区政府其他有关部门)",
        "(牵头单位 : 区委编办、区司法局 ; 配合单位 : 区政府其他有关部门)",
    ],
)
def test_lead_support_with_any_colon_semicolon_and_bracket_width(clause):
    r = extract_responsibility(BODY + clause)
    assert r is not None
    assert names(r.lead) == ["区委编办", "区司法局"]
    assert names(r.support) == ["区政府其他有关部门"]
    assert [u.generic for u in r.lead] == [False, False]
    assert r.support[0].generic is True
    assert r.style == "牵头单位"
    assert r.text == clause
    assert (r.start, r.end) == (len(BODY), len(BODY) + len(clause))
    assert r.bracket in ("()", "（）")


def test_responsibility_unit_form():
    r = extract_responsibility("清理中介服务。(责任单位:县编办、县发改局)")
    assert names(r.lead) == ["县编办", "县发改局"] and r.support == () and r.style == "责任单位"


def test_responsible_department_form():
    r = extract_responsibility("做好工作。(负责部门:区司法局、区财政局)")
    assert names(r.lead) == ["区司法局", "区财政局"] and r.style == "负责部门"


@pytest.mark.parametrize(
    "clause", ["(主办单位区司法局;协办单位区财政局)", "(主办单位:区司法局；协办单位:区财政局、区审计局)"]
)
def test_host_and_co_host_units(clause):
    r = extract_responsibility(BODY + clause)
    assert names(r.lead) == ["区司法局"]
    assert names(r.support)[0] == "区财政局"
    assert r.style == "主办单位"


@pytest.mark.parametrize("clause", ["(区司法局牵头,区财政局配合)", "(区司法局牵头，区财政局配合)"])
def test_inline_lead_and_support(clause):
    r = extract_responsibility(BODY + clause)
    assert names(r.lead) == ["区司法局"] and names(r.support) == ["区财政局"]
    assert r.style == "X牵头"


def test_you_x_lead_in_running_text():
    text = "由区司法局牵头，区财政局配合，建立行政执法监督制度。"
    found = find_responsibility(text)
    r = found.responsibility
    assert names(r.lead) == ["区司法局"] and names(r.support) == ["区财政局"]
    assert r.style == "由X牵头" and r.bracket == ""
    assert text[found.start : found.end] == "由区司法局牵头，区财政局配合"


def test_you_x_lead_alone():
    r = extract_responsibility("建立制度。(由区司法局牵头负责)")
    assert names(r.lead) == ["区司法局"] and r.support == ()


def test_generic_by_duty():
    r = extract_responsibility("做好工作。(各有关部门按职责分工负责)")
    assert names(r.lead) == ["各有关部门"] and r.lead[0].generic
    assert r.style == "按职责分工负责"


def test_list_ends_at_by_duty_inside_keyword_clause():
    r = extract_responsibility(
        BODY + "(牵头单位:区委宣传部,区应急管理局、区人防办按职责分工负责;配合单位:区政府其他有关部门)"
    )
    assert names(r.lead) == ["区委宣传部", "区应急管理局", "区人防办"]
    assert names(r.support) == ["区政府其他有关部门"]


@pytest.mark.parametrize(
    ("clause", "bracket"),
    [
        ("[牵头单位:区委办公室,区政府办公室]", "[]"),
        ("［牵头单位：区委办公室，区政府办公室］", "［］"),
        ("【牵头单位：区委办公室，区政府办公室】", "【】"),
    ],
)
def test_square_brackets(clause, bracket):
    r = extract_responsibility(BODY + clause)
    assert names(r.lead) == ["区委办公室", "区政府办公室"] and r.bracket == bracket


def test_separators_and_comma_between_groups():
    r = extract_responsibility(BODY + "(牵头单位:区委编办、区委区政府督察和绩效办，区政管办、区司法局)")
    assert names(r.lead) == ["区委编办", "区委区政府督察和绩效办", "区政管办", "区司法局"]
    r = extract_responsibility(BODY + "(牵头单位:区委编办,区政管办;区司法局/区审计局)")
    assert names(r.lead) == ["区委编办", "区政管办", "区司法局", "区审计局"]


def test_unit_names_with_brackets_stay_whole():
    r = extract_responsibility(
        BODY + "[牵头单位:区委办公室,区委依法治区办,区各党委(党组),县委(县政府)办公室]"
    )
    assert names(r.lead) == ["区委办公室", "区委依法治区办", "区各党委(党组)", "县委(县政府)办公室"]
    r = extract_responsibility(BODY + "(牵头单位：区各党委（党组）、区司法局)")
    assert names(r.lead) == ["区各党委（党组）", "区司法局"]


def test_clause_broken_over_two_paragraphs():
    text = BODY + "(牵头单位:区委宣传部,区应急局\n、区人防办按职责分工负责;配合单位:区政府其他有关部门)"
    r = extract_responsibility(text)
    assert names(r.lead) == ["区委宣传部", "区应急局", "区人防办"]
    assert names(r.support) == ["区政府其他有关部门"]
    assert r.end == len(text)


def test_clause_with_missing_opening_bracket():
    text = BODY + "\n牵头单位:区应急局\n、区人防办按职责分工负责;配合单位:区政府其他有关部门)"
    found = find_responsibility(text)
    r = found.responsibility
    assert names(r.lead) == ["区应急局", "区人防办"]
    assert names(r.support) == ["区政府其他有关部门"]
    assert text[found.start :].startswith("牵头单位") and found.end == len(text)
    assert r.bracket == "()"


def test_clause_with_missing_closing_bracket():
    r = extract_responsibility(BODY + "(牵头单位:区司法局;配合单位:区财政局")
    assert names(r.lead) == ["区司法局"] and names(r.support) == ["区财政局"]


def test_detached_clause_after_blank_line():
    r = extract_responsibility("做好工作。\n\n(牵头单位:区发展和改革局、区商务局)")
    assert r.detached and names(r.lead) == ["区发展和改革局", "区商务局"]
    assert not extract_responsibility(BODY + "(牵头单位:区商务局)").detached


def test_trailing_deng_and_town_governments():
    r = extract_responsibility("做好工作。(责任单位:县环保局、县水务局等,各镇人民政府)")
    assert names(r.lead) == ["县环保局", "县水务局", "各镇人民政府"]
    assert [u.generic for u in r.lead] == [False, False, False]


def test_shared_suffix_spreads_over_the_list():
    r = extract_responsibility("做好。(牵头单位:区政管办;配合单位:教育、卫生健康、公共交通主管部门)")
    assert names(r.support) == ["教育主管部门", "卫生健康主管部门", "公共交通主管部门"]


def test_the_last_clause_wins_and_ordinary_brackets_are_not_clauses():
    assert extract_responsibility("开展(试行)工作,落实“放管服”(改革)。") is None
    r = extract_responsibility("(一)做好(试行)工作。(责任单位:县法制局)")
    assert names(r.lead) == ["县法制局"]


@pytest.mark.parametrize(
    "name",
    [
        "各有关部门", "其他有关部门", "区政府其他有关部门", "县直各单位", "县直各有关单位", "各相关单位",
        "县直属各单位", "县直有关单位", "区级其他具有行政执法权的单位", "区政府各有关部门", "有关部门",
        "县直各行政执法单位", "区级各行政决策机关", "区级其他行政规范性文件制定机关",
    ],
)  # fmt: skip
def test_generic_units(name):
    assert is_generic_unit(name)


@pytest.mark.parametrize(
    "name",
    ["各镇人民政府", "各街道", "各乡镇", "区各党委(党组)", "区司法局", "县委(县政府)办公室",
     "区优化营商环境工作领导小组各成员单位", "区发展和改革局", "区委区政府督察和绩效办"],
)  # fmt: skip
def test_concrete_units(name):
    assert not is_generic_unit(name)


def test_fill_measure_sets_units_and_excludes_clause_from_sentences():
    text = "1.加强监管。必须严格执法。(牵头单位:区司法局;配合单位:区政府其他有关部门)"
    m = Measure(label="1", style="arabic_dot", ordinal=1, depth=1, title="加强监管", text=text)
    fill_measure(m)
    assert m.lead_units == ["区司法局"] and m.support_units == ["区政府其他有关部门"]
    assert m.responsibility is not None and m.responsibility.text.startswith("(牵头单位")
    assert [s.text for s in m.sentences] == ["1.加强监管。", "必须严格执法。"]
    assert all("牵头" not in s.text for s in m.sentences)
    assert m.text == text


def test_every_chengzhong_measure_with_a_lead_clause_has_lead_units(chengzhong, measures_of):
    measures = measures_of(chengzhong)
    assert len(measures) == 47
    with_clause = [(n, t) for n, t in measures if "牵头单位" in t]
    assert len(with_clause) == 47
    for n, t in with_clause:
        r = extract_responsibility(t)
        assert r is not None and len(r.lead) >= 1, n


def test_chengzhong_hand_checked_unit_lists(chengzhong, measures_of):
    by_no = dict(measures_of(chengzhong))
    r1 = extract_responsibility(by_no[1])
    assert names(r1.lead) == [
        "区委编办", "区委区政府督察和绩效办", "区政管办", "区司法局", "区发展和改革局", "区商务局",
        "区市场监管局",
    ]  # fmt: skip
    assert names(r1.support) == ["区政府其他有关部门"]
    r19 = extract_responsibility(by_no[19])  # broken over two paragraphs
    assert names(r19.lead) == [
        "区委宣传部", "区应急管理局", "区民政局", "区卫生健康局", "区市场监管局", "区自然资源局",
        "市公安局城中分局", "区人防办",
    ]  # fmt: skip
    assert names(r19.support) == ["区政府其他有关部门"]
    r42 = extract_responsibility(by_no[42])  # after a blank line, in its own paragraph
    assert r42.detached and names(r42.lead) == ["区发展和改革局", "区商务局", "区市场监管局"]
    r44 = extract_responsibility(by_no[44])  # ［…］ in the original
    assert names(r44.lead) == [
        "区委办公室",
        "区政府办公室",
        "区委依法治区办",
        "区各党委(党组)",
        "区法治建设议事协调机构",
    ]
    assert r44.bracket == "[]"
    r32 = extract_responsibility(by_no[32])
    assert names(r32.support) == ["教育主管部门", "卫生健康主管部门", "环境保护主管部门", "公共交通主管部门"]


def test_guangning_units(guangning):
    line = next(x for x in guangning.splitlines() if "(2)继续推进行政审批标准化" in x)
    r = extract_responsibility(line)
    assert names(r.lead) == ["县编办", "县法制局", "县直各有关单位", "各镇人民政府"]
    assert [u.generic for u in r.lead] == [False, False, True, False]
    assert r.style == "责任单位"


def test_clauses_of_one_measure_are_united_in_order():
    from engine.extract.responsibility import apply_first_listed_leads
    from engine.models import Measure

    text = "推进改革。（市场监管局负责）加强教育。（教育局、人社局负责）推广技术。（科技局、教育局负责）"
    m = Measure(label="1", style="arabic_dot", ordinal=1, depth=0, title="", text=text)
    fill_measure(m)
    assert m.lead_units == ["市场监管局", "教育局", "人社局", "科技局"]
    assert [c.text for c in m.responsibility.clauses] == ["（市场监管局负责）", "（教育局、人社局负责）", "（科技局、教育局负责）"]
    assert m.responsibility.text == "（科技局、教育局负责）"
    assert [s.text for s in m.sentences] == ["推进改革。", "加强教育。", "推广技术。"]
    # first-listed convention: each clause's first unit leads; a lead of one clause is never a support
    r = apply_first_listed_leads(m.responsibility)  # a new fact: the measure's is frozen
    assert [u.name for u in r.lead] == ["市场监管局", "教育局", "科技局"]
    assert [u.name for u in r.support] == ["人社局"]
    # one clause: no clauses list, as before
    m1 = Measure(label="2", style="arabic_dot", ordinal=2, depth=0, title="", text="推进改革。（A局、B局负责）")
    fill_measure(m1)
    assert m1.responsibility.clauses == () and m1.lead_units == ["A局", "B局"]
