"""The part of the divisions below that a task concerns, named as one body: 有关市、州人民政府 (blind17 湖北, a
征求意见稿 .pdf whose "— N —" page footers fall inside measures), 有关县（市、区）人民政府, 相关市、县人民政府. Like
各市、州人民政府, each is ONE unit (a group of the governments below, not 有关市 and 州人民政府), read in a clause of
its own "（有关市、州人民政府负责）" and beside named units; `plancheck units` lists it as 下级各地."""

from __future__ import annotations

import pytest

from engine.extract.responsibility import is_lower_group, parse_units
from engine.pipeline import load_plan
from tests.ingest.test_pdf_layout import _typeset


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("有关市、州人民政府", ["有关市、州人民政府"]),
        ("相关市、县人民政府", ["相关市、县人民政府"]),
        ("省经信厅、有关市、州人民政府", ["省经信厅", "有关市、州人民政府"]),
    ],
)
def test_a_collective_of_divisions_is_one_unit(text: str, units: list[str]) -> None:
    assert parse_units(text) == units
    assert parse_units("有关部门、市财政局") == [
        "有关部门",
        "市财政局",
    ]  # a generic name opens no group of divisions


@pytest.mark.parametrize(
    "name", ["有关市、州人民政府", "有关县（市、区）人民政府", "相关市、县人民政府", "有关市（州）人民政府"]
)
def test_it_is_a_group_of_the_governments_below(name: str) -> None:
    assert is_lower_group(name)


PARAS = [
    "湖北省磷石膏综合治理三年行动方案",
    "（征求意见稿）",
    "一、重点任务",
    "（一）严格源头减量。推动企业技术改造。（省经信厅牵头，省发改委配合）",
    "（二）压实属地管理责任。磷石膏产生量较大的地区要制定本地区磷石膏综合治理方案，明确年度利用目标和重点项目清单，"
    "每季度调度企业磷石膏产用平衡情况并通报。（有关市、州人民政府负责）",
    "（三）强化政策支持。落实资源综合利用税收优惠政策，统筹专项资金给予支持。（省财政厅、有关市、州人民政府负责）",
    "二、保障措施",
    "（一）加强组织协调。建立工作专班。",
]


def test_a_pdf_measure_across_a_page_footer_reads_the_collective(tmp_path) -> None:
    """Typeset 20 characters a line, nine lines a page, "— N —" footers: (二)'s clause is cut by the page
    break (and its footer) inside "（有关 | 市、州人民政府负责）"."""
    path = _typeset(tmp_path / "draft.pdf", PARAS, footer="— {n} —", per_page=9)
    got = [(m.label, m.lead_units) for m in load_plan(str(path)).measures]
    assert got == [
        ("(一)", ["省经信厅"]),
        ("(二)", ["有关市、州人民政府"]),
        ("(三)", ["省财政厅", "有关市、州人民政府"]),
    ]
