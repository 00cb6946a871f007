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


@pytest.mark.parametrize(
    ("clause", "reported"),
    [
        # the 责任单位 field's own words say who supports: 灵武市农业农村局 assists, as under 配合单位
        ("（责任单位：乡农业农村综合服务中心牵头，灵武市农业农村局配合）", set()),
        # beside a lead named under its own key, the 责任单位 answer for the task
        ("（牵头单位：乡农业农村综合服务中心；责任单位：灵武市农业农村局）", {"灵武市农业农村局"}),
    ],
)
def test_a_support_unit_inside_a_responsible_field_is_support(clause: str, reported: set[str]) -> None:
    draft = f"灵武市白土岗乡光伏园区板下种养殖发展实施方案\n一、重点任务\n（一）科学规划种养区域。划定种植区。{clause}\n"
    assert set(_hits(draft)) == reported


# divisions whose own bodies are named with their kind's word (rulesets/data/levels.yaml own_unit_words / unit_words):
# a 林区 (神农架林区, blind10) and a 特区 (六枝特区) as a county writes 县, an 自治县/自治旗/自治州 with 县/旗/州, a
# 盟 with 盟, a 地区 (阿克苏地区) with 地区
OWN = [
    ("湖北省神农架林区森林康养产业发展实施方案", "林区住房和城乡建设局"),
    ("湖北省神农架林区森林康养产业发展实施方案", "林区卫生健康委员会"),
    ("湖北省神农架林区森林康养产业发展实施方案", "区教育局"),
    ("六盘水市六枝特区森林康养产业发展实施方案", "特区教育局"),
    ("长阳土家族自治县森林康养产业发展实施方案", "县教育局"),
    ("鄂伦春自治旗森林康养产业发展实施方案", "旗教育局"),
    ("恩施土家族苗族自治州森林康养产业发展实施方案", "州教育局"),
    ("阿拉善盟森林康养产业发展实施方案", "盟教育局"),
    ("新疆阿克苏地区森林康养产业发展实施方案", "地区教育局"),
]


def _plan(title: str, units: list[str]) -> str:
    body = "\n".join(f"（{k}）完善工作机制第{k}项。（牵头单位：{u}）" for k, u in enumerate(units, 1))
    return f"{title}（2021—2025年）\n一、主要任务\n{body}\n"


@pytest.mark.parametrize(("title", "unit"), OWN)
def test_a_division_s_own_units_carry_its_kind_s_word(title: str, unit: str) -> None:
    assert _hits(_plan(title, [unit])) == {}


@pytest.mark.parametrize(
    ("title", "unit", "where", "counterpart"),
    [
        ("湖北省神农架林区森林康养产业发展实施方案", "省教育厅", "上级", "“林区教育局”"),
        ("六盘水市六枝特区森林康养产业发展实施方案", "市教育局", "上级", "“特区教育局”"),
        ("六盘水市六枝特区森林康养产业发展实施方案", "林区教育局", "其他地方", "“特区教育局”"),  # not its word
        ("新疆阿克苏地区森林康养产业发展实施方案", "县教育局", "下级", "“地区教育局”"),
        ("新疆阿克苏地区森林康养产业发展实施方案", "自治区教育厅", "上级", "“地区教育局”"),
    ],
)
def test_other_levels_are_still_reported_and_the_counterpart_takes_the_kind_s_word(
    title: str, unit: str, where: str, counterpart: str
) -> None:
    message, suggestion, _ = _hits(_plan(title, [unit]))[unit]
    assert f"是{where}的单位" in message and counterpart in suggestion
