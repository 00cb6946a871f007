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


def _alone(tmp_path, text: str) -> list[str]:
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    findings = check(str(path), allow_no_parent=True, fail_on="none").report.findings
    return [f.message for f in findings if f.check == "format" and "空格" in f.message]


PLAN = (
    "某省社会信用体系建设“十五五”规划\n\n第一章　总体要求\n\n第一節　指導思想\n\n　　以習近平新時代中國特色社會主義思想為指導。\n\n"
    "第二章　重點任務\n\n第一節　完善公共信用信息歸集\n\n　　2027年底前建成省級平臺。（省發展改革委牽頭）\n\n"
    "第二節　健全信用 修復機制\n\n　　完善信用修復流程。（省發展改革委牽頭）\n"
)


def test_the_space_after_a_traditional_section_label_is_layout(tmp_path) -> None:
    # 第一節　… as a 繁體 page prints it reads as 第一节: the space after the label is layout; 信用 修復 is a slip
    assert _alone(tmp_path, PLAN) == ["“健全信用 修復機制”中有多余空格"]


def test_a_table_typed_with_tab_stops_is_set_out_by_design(tmp_path) -> None:
    text = (
        "某市商用密码发展规划\n\n一、主要指标\n\n序号\t指　标\t2025年\t2030年\n1\t密码应用 覆盖率（%）\t60\t90\n\n"
        "二、重点任务\n\n（一）推进密码应用。2027年底前完成改造。（市密码管理局牵头）\n\n（二）培育产业 集群。（市工业和信息化局牵头）\n"
    )
    assert _alone(tmp_path, text) == ["“培育产业 集群。（”中有多余空格"]
