"""按职责分工负责 and its kin mark a division of labour among leads (issue 21, item 2)."""

from __future__ import annotations

import pytest

from engine.extract import extract_responsibility


@pytest.mark.parametrize(
    "clause, by_duty",
    [
        ("（牵头单位：区市场监管局、区卫生健康局、区自然资源局按职责分工负责；配合单位：各街道）", True),
        ("（牵头单位：区应急管理局、区民政局按照职责分工负责）", True),
        ("（责任单位：县发展改革局、县财政局分别负责）", True),
        ("（牵头单位：区委编办、区司法局；配合单位：区政府各有关部门）", False),
        ("（牵头单位：区财政局）", False),
    ],
)
def test_by_duty(clause: str, by_duty: bool) -> None:
    r = extract_responsibility("1.加强执法。开展专项行动。" + clause)
    assert r is not None
    assert r.by_duty is by_duty


def test_responsible_units_beside_a_named_lead_take_part() -> None:
    """(牵头单位：A；责任单位：B、C): B and C are not further leads (review of issue 21)."""
    r = extract_responsibility("1.推进改革。优化流程。（牵头单位：县司法局；责任单位：县政务服务中心、县大数据发展局）")
    assert r is not None
    assert [u.name for u in r.lead] == ["县司法局"]
    assert [u.name for u in r.support] == ["县政务服务中心", "县大数据发展局"]
    alone = extract_responsibility("1.推进改革。优化流程。（责任单位：县政务服务中心、县大数据发展局）")
    assert alone is not None and [u.name for u in alone.lead] == ["县政务服务中心", "县大数据发展局"]


@pytest.mark.parametrize(
    "clause, lead, support",
    [
        # 落实 for 负责 after the division of labour: the units after "X牵头，" take part
        ("（区住房城乡建设局牵头，区城管局、区公安分局等按职责分工落实）", ["区住房城乡建设局"], ["区城管局", "区公安分局"]),
        ("（县交通运输局牵头，县财政局、县自然资源局按照职责分工落实）", ["县交通运输局"], ["县财政局", "县自然资源局"]),
        # alone, the units that carry out their part lead jointly
        ("（州卫生健康委、州医保局按职责分工落实）", ["州卫生健康委", "州医保局"], []),
    ],
)
def test_a_division_of_labour_carried_out_rather_than_answered_for(clause: str, lead: list[str], support: list[str]) -> None:
    r = extract_responsibility("1.整治老旧管网。完成改造120公里。" + clause)
    assert r is not None
    assert [u.name for u in r.lead] == lead
    assert [u.name for u in r.support] == support
