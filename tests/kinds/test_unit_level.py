"""unit_level beyond the cases file: which word a finding uses for the unit's place (上级, 下级, 其他地方),
its severity (a level word below is a slip; a named lower place may be meant) and the plan's own
counterpart in the suggestion (自治区司法厅, a province-level city's 市司法局)."""

from __future__ import annotations

import pytest

from tests.kinds.test_cases import run_case


def _hits(draft: str) -> dict[str, tuple[str, str, str]]:
    return {f.evidence.local or "": (f.message, f.suggestion or "", f.severity) for f in run_case("unit_level", {"draft": draft})}


@pytest.mark.parametrize(
    ("title", "unit", "where", "counterpart", "severity"),
    [
        ("广西壮族自治区法治政府建设实施方案", "司法部", "上级", "“自治区司法厅”", "warning"),
        ("北京市法治政府建设实施方案", "司法部", "上级", "“市司法局”", "warning"),
        ("湖南省法治政府建设实施方案", "县司法局", "下级", "“省司法厅”", "warning"),
        ("湖南省法治政府建设实施方案", "长沙市司法局", "下级", "“省司法厅”", "info"),
        ("肇庆市广宁县法治政府建设实施方案", "四会市司法局", "其他地方", "“县司法局”", "warning"),
        ("贵港市桂平市法治政府建设实施方案", "平南县司法局", "其他地方", "“市司法局”", "warning"),
    ],
)
def test_where_the_unit_sits_and_what_to_write(title: str, unit: str, where: str, counterpart: str, severity: str) -> None:
    hits = _hits(f"{title}（2021—2025年）\n一、主要任务\n（一）完善行政执法程序。（牵头单位：{unit}）\n")
    message, suggestion, sev = hits[unit]
    assert f"是{where}的单位" in message and counterpart in suggestion and sev == severity


def test_a_county_level_city_names_its_own_units_with_shi() -> None:
    draft = "贵港市桂平市法治政府建设实施方案（2021—2025年）\n一、主要任务\n（一）完善执法。（牵头单位：市司法局、市委编办）\n"
    assert _hits(draft) == {}


def test_support_units_are_asked_to_assist_not_handed_the_task() -> None:
    draft = "湖南省法治政府建设实施方案（2021—2025年）\n一、主要任务\n（一）完善执法。（牵头单位：省司法厅；配合单位：司法部、县司法局）\n"
    assert _hits(draft) == {}
