"""Groups of the governments below (各乡镇人民政府, 各村(社区), 各街道办事处, 各县〔市、区〕人民政府) are no
unit to register (issue #16): `plancheck units` lists them as 下级各地, never 未登记, on a 湖南 county
draft, the 广宁 county plan and a province's 实施意见; generic names and real units stay as they were."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.extract.responsibility import is_generic_unit, is_lower_group

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("各乡镇人民政府", True),
        ("各镇人民政府", True),
        ("各村（社区）", True),
        ("各村(社区)", True),
        ("各街道办事处", True),
        ("各乡镇（街道）", True),
        ("各县〔市、区〕人民政府", True),
        ("各县（市、区）", True),
        ("各市（州）人民政府", True),
        ("各区、县级市人民政府", True),
        ("各有关省级人民政府", True),
        ("各旗县人民政府", True),
        ("县生态环境分局", False),
        ("各有关部门", False),  # generic: nobody in particular
        ("县直各有关单位", False),
        ("区优化营商环境工作领导小组各成员单位", False),
        ("各县级医院", False),  # not a government
    ],
)
def test_lower_group(name: str, group: bool) -> None:
    assert is_lower_group(name) is group


def _rows(path: Path) -> list[dict]:
    r = CliRunner().invoke(main, ["units", "--format", "json", str(path)])
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


@pytest.mark.parametrize(
    "name",
    ["units-hunan-safety-draft.txt", "guangning-county-2016-2020.txt", "eval/ganzhou-kindergarten.txt"],
)
def test_units_lists_groups_below_not_as_unregistered(name: str) -> None:
    rows = _rows(FIXTURES / name)
    groups = [r for r in rows if is_lower_group(r["name"])]
    assert groups, "the fixture names a group of lower governments"
    assert {(r["status"], r["relation"]) for r in groups} == {("group", "below")}
    assert not [r for r in rows if r["status"] == "unknown" and is_lower_group(r["name"])]
    generic = [r for r in rows if is_generic_unit(r["name"])]
    assert all(r["status"] == "generic" for r in generic)


def test_table_says_so_in_words() -> None:
    r = CliRunner().invoke(main, ["units", str(FIXTURES / "units-hunan-safety-draft.txt")])
    line = next(x for x in r.output.splitlines() if "各乡镇人民政府" in x)
    assert "下级各地" in line and "未登记" not in line


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("社区服务办牵头，各居民区配合。", ["社区服务办"], ["各居民区"]),
        ("社区管理办牵头，街道房管办、各居民区配合。", ["社区管理办"], ["街道房管办", "各居民区"]),
    ],
)
def test_a_streets_communities_are_a_group_in_a_clause(text: str, lead: list[str], support: list[str]) -> None:
    """各居民区 (a 上海 街道's communities, as 各社区 elsewhere) is a group below, so a clause naming it
    is read: it supported nothing before (blind6 新华路街道 任务分工)."""
    from engine.extract import find_responsibility

    found = find_responsibility(text)
    assert found is not None
    assert [u.name for u in found.responsibility.lead] == lead
    assert [u.name for u in found.responsibility.support] == support
    assert is_lower_group("各居民区") and not is_generic_unit("各居民区")
