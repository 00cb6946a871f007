"""A chapter's (section's) short name spaced out — 第一章　总　则, 第四章　附　　则 — is how 规章 and 条例 are printed,
not a stray space (rulesets/data/layout.yaml `spaced_headings`); a heading spaced any other way, and a stray space in an
article, are still reported. Fixtures: fixtures/fix40b (see its README), at city, province and county level."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.pipeline import check

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix40b"


def _spaces(name: str) -> list[str]:
    findings = check(str(HERE / name), allow_no_parent=True, fail_on="none").report.findings
    return [f.message for f in findings if f.check == "format" and "空格" in f.message]


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        # 第一章　总　则 and 第四章　附　则 are layout; 第三章　法律　责任 (one gap of three spaced) and 每年减少 5% are slips
        ("yuxi-city-government-order-spaced-chapters.txt", ["“章　法律　责任”中有多余空格", "“每年减少 5%。”中有多余空格"]),
        # 总　　则, 罚　　则, 附　　则 with two full-width spaces (国务院令 style); 监督 管理 a half-width slip
        ("gansu-province-regulation-double-spaced.txt", ["“章　监督 管理”中有多余空格"]),
        # 管　理, 总　则, 附　则 layout; 发展和改革局 核定 a slip
        ("mile-county-spaced-chapters.txt", ["“和改革局 核定并公”中有多余空格"]),
    ],
)
def test_a_spaced_chapter_name_is_layout_and_real_slips_stay(name: str, kept: list[str]) -> None:
    assert sorted(_spaces(name)) == sorted(kept)
