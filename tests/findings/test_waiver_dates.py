"""An impossible date in a waiver or a ruleset is a message at file:line, never an internal error."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.errors import PlancheckError
from engine.findings import load_waivers
from engine.rules.loader import read_ruleset_file


@pytest.mark.parametrize("expires", ["2025-02-30", "'2025-02-30'", "2025-13-01", "!!timestamp 2025-02-30", "明年"])
def test_an_impossible_expiry_date_is_a_message(tmp_path: Path, expires: str) -> None:
    w = tmp_path / "w.yaml"
    w.write_text(f"- rule: numbering\n  reason: 无\n  approver: 甲\n- rule: format\n  reason: 无\n  approver: 乙\n  expires: {expires}\n", "utf-8")
    with pytest.raises(PlancheckError) as e:
        load_waivers(str(w))
    assert e.value.code == "waivers.invalid"
    assert "内部错误" not in e.value.render("zh")
    if "!!" not in expires:
        assert e.value.fields["line"] == 7 and e.value.fields["key"] == "[1].expires"  # the date's own line


def test_a_real_date_is_still_read(tmp_path: Path) -> None:
    w = tmp_path / "w.yaml"
    w.write_text("- rule: numbering\n  reason: 无\n  approver: 甲\n  expires: 2028-02-29\n", "utf-8")
    assert load_waivers(str(w))[0].expires == "2028-02-29"


def test_an_impossible_date_in_a_ruleset_names_its_line(tmp_path: Path) -> None:
    rs = tmp_path / "r.yaml"
    rs.write_text("id: r\nparent:\n  title: 上级\n  date: 2021-02-30\nobligations: []\n", "utf-8")
    _, errors = read_ruleset_file(rs)
    assert [(e.code, e.fields["line"]) for e in errors] == [("ruleset.yaml", 4)]


def test_an_impossible_curated_deadline_is_refused(tmp_path: Path) -> None:
    rs = tmp_path / "r.yaml"
    rs.write_text("id: r\nobligations:\n  - label: 一\n    title: 标题\n    text: 正文\n    deadline: '2022-02-30'\n", "utf-8")
    _, errors = read_ruleset_file(rs)
    assert [(e.code, e.fields["line"]) for e in errors] == [("ruleset.invalid", 6)]
    assert "not a date" in errors[0].fields["reason"]
