"""Joins inside a unit list where no 、 stands: 等和 / 等与 / 等部门和 after the named units, 和各 / 及各 / 以及各
before a 各 group (issue 16: "（X、Y等和各省级人民政府负责）"). Every form of clause reads them alike: the list
closed by 按职责分工负责 as by 负责, a 配合 list, a keyed field. Names that contain 和 (住房和城乡建设部,
人力资源和社会保障局, 发展和改革委员会) are no joins: the part before 和 names no body."""

from __future__ import annotations

import pytest

from engine.extract import extract_responsibility, parse_units

BODY = "推进工作落实。"


def names(units):
    return [u.name for u in units]


@pytest.mark.parametrize(
    ("clause", "lead", "support"),
    [
        ("（商务部、住房城乡建设部、自然资源部等和各省级人民政府按职责分工负责）",
         ["商务部", "住房城乡建设部", "自然资源部", "各省级人民政府"], []),
        ("（商务部、自然资源部和各省级人民政府按职责分工负责）", ["商务部", "自然资源部", "各省级人民政府"], []),
        ("（民政部、国家卫生健康委及各省级人民政府按职责分工负责）", ["民政部", "国家卫生健康委", "各省级人民政府"], []),
        ("（商务部、财政部等与各地方人民政府按职责分工负责）", ["商务部", "财政部", "各地方人民政府"], []),
        ("（市商务局、市财政局以及各县（市、区）人民政府按职责分工负责）",
         ["市商务局", "市财政局", "各县（市、区）人民政府"], []),
        ("（市商务局、市财政局等部门和各县（市、区）人民政府按职责分工负责）",
         ["市商务局", "市财政局", "各县（市、区）人民政府"], []),
        ("（市商务局牵头，市财政局等和各县（市、区）人民政府配合）",
         ["市商务局"], ["市财政局", "各县（市、区）人民政府"]),
        ("（牵头单位：市商务局；配合单位：市财政局等和各县（市、区）人民政府）",
         ["市商务局"], ["市财政局", "各县（市、区）人民政府"]),
        # 和 inside a name
        ("（住房和城乡建设部、人力资源和社会保障部按职责分工负责）", ["住房和城乡建设部", "人力资源和社会保障部"], []),
        ("（区发展和改革局、区人力资源和社会保障局和各街道办事处按职责分工负责）",
         ["区发展和改革局", "区人力资源和社会保障局", "各街道办事处"], []),
        ("（县发展和改革委员会等和各乡镇人民政府按职责分工负责）", ["县发展和改革委员会", "各乡镇人民政府"], []),
    ],
)  # fmt: skip
def test_joins_split_the_list(clause, lead, support):
    r = extract_responsibility(BODY + clause)
    assert r is not None, clause
    assert (names(r.lead), names(r.support)) == (lead, support)


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("自然资源部等和各省级人民政府", ["自然资源部", "各省级人民政府"]),
        ("住房和城乡建设部", ["住房和城乡建设部"]),
        ("省妇女儿童工作委员会、省性别平等和妇女发展中心", ["省妇女儿童工作委员会", "省性别平等和妇女发展中心"]),
        ("天水市和平区人民政府", ["天水市和平区人民政府"]),
        ("某县委和各乡镇党委", ["某县委", "各乡镇党委"]),
    ],
)
def test_parse_units_joins(text, units):
    assert parse_units(text) == units
