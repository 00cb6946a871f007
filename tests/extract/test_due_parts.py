"""A clause's undated deadline part, and whom its lead serves, name no unit (rulesets/data/roles.yaml `due_part`,
`verbs.provide.to`).

Listed words (持续推进, 长期坚持) and the composed heads × verbs (持续落实, 常态化实施) both close a clause after its
units; none of them is ever read as a support unit."""

from __future__ import annotations

import pytest

from engine.extract.responsibility import parse_clause_content


@pytest.mark.parametrize("part", ["持续推进", "长期坚持", "持续落实", "常态化实施", "长期抓好", "常年开展"])
def test_a_standing_part_after_the_lead_names_no_support(part: str) -> None:
    assert parse_clause_content(f"县农业农村局牵头，{part}") == (("县农业农村局",), (), "X牵头")


@pytest.mark.parametrize("part", ["持续落实", "常态化实施"])
def test_a_standing_part_after_the_support_part_leaves_the_support(part: str) -> None:
    got = parse_clause_content(f"县农业农村局牵头，县财政局、县水利局配合，{part}")
    assert got is not None and got[:2] == (("县农业农村局",), ("县财政局", "县水利局"))


def test_a_unit_that_carries_out_is_still_support() -> None:
    """落实 after a named body keeps its support reading: only a head word before the verb makes a deadline part."""
    got = parse_clause_content("县农业农村局牵头，各乡镇人民政府负责落实")
    assert got is not None and got[:2] == (("县农业农村局",), ("各乡镇人民政府",))


@pytest.mark.parametrize("part", ["为各乡镇提供技术支撑", "向各村提供资金支持", "为企业提供政策保障"])
def test_whom_the_lead_serves_is_no_support(part: str) -> None:
    """Y of "为Y提供技术支撑": Y is helped by the lead, not a unit helping it (roles.yaml verbs.provide.to)."""
    assert parse_clause_content(f"县生态环境局牵头，{part}") == (("县生态环境局",), (), "X牵头")


def test_a_unit_that_provides_is_still_support() -> None:
    got = parse_clause_content("县生态环境局牵头，县环境监测站提供技术支撑")
    assert got is not None and got[:2] == (("县生态环境局",), ("县环境监测站",))
