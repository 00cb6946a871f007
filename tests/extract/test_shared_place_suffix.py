"""Unit lists where places share the unit body named after the last of them (秦州区、麦积区人民政府,
秦州区和麦积区人民政府), tiers of one group (市、县两级人民政府), and 各… groups whose kinds share a department (各县、区财政局)."""

from __future__ import annotations

import pytest

from engine.extract import extract_responsibility


@pytest.mark.parametrize(
    ("clause", "lead"),
    [
        (
            "（责任单位：市文化和旅游局、市委宣传部，秦州区、麦积区人民政府）",
            ["市文化和旅游局", "市委宣传部", "秦州区人民政府", "麦积区人民政府"],
        ),
        ("（责任单位：甘谷县、武山县、清水县财政局）", ["甘谷县财政局", "武山县财政局", "清水县财政局"]),
        ("（牵头单位：天水市秦州区、麦积区人民政府）", ["天水市秦州区人民政府", "麦积区人民政府"]),
        ("（责任单位：市财政局，市、县两级人民政府）", ["市财政局", "市、县两级人民政府"]),
        ("（责任单位：省、市、县三级财政部门）", ["省、市、县三级财政部门"]),
        ("（责任单位：市财政局，各县、区财政局）", ["市财政局", "各县、区财政局"]),
        ("（责任单位：各区、县级市人民政府）", ["各区、县级市人民政府"]),
        ("（责任单位：县市场监管局、县财政局）", ["县市场监管局", "县财政局"]),  # 市场 is no place
        ("（责任单位：秦州区、麦积区）", ["秦州区", "麦积区"]),  # nothing to share
        (
            "（责任单位：市文化和旅游局，秦州区和麦积区人民政府）",
            ["市文化和旅游局", "秦州区人民政府", "麦积区人民政府"],
        ),
        ("（责任单位：天津市和平区人民政府）", ["天津市和平区人民政府"]),  # 和平区 is one district
        ("（责任单位：市住房和城乡建设局）", ["市住房和城乡建设局"]),
    ],
)
def test_shared_unit_body(clause: str, lead: list[str]) -> None:
    r = extract_responsibility("推进文化旅游融合发展。" + clause)
    assert r is not None
    assert [u.name for u in r.lead] == lead
