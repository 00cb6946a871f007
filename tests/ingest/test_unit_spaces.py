"""Units a field lists with only full-width spaces between them (blind18 金乡县 "责任单位：A　B　C", no 、): each
space between two body names is read as the list's 、 (engine/ingest/unit_spaces.py), the first-listed-leads
convention of the notice then applies, and the format check does not call those spaces stray. A space inside one
name stays a slip."""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan

PLAN = """某县人民政府办公室关于印发某县茶叶产业提升行动方案的通知

各乡镇人民政府，县直各单位：
　　现将《某县茶叶产业提升行动方案》印发给你们，请认真贯彻执行。各项任务的责任单位中排在第一位的为牵头单位，其他为配合单位。

某县茶叶产业提升行动方案

　　一、重点任务
　　1.建设标准化茶园。每年新建标准化茶园2000亩，推广绿色防控技术。
　　责任单位：县林业局　县自然资源局　各乡镇（街道）
　　2.培育茶叶龙头企业。每年新增规模以上茶叶加工企业2家。（责任单位：县工业和信息化局　县供销合作社）
　　3.拓展茶叶销售渠道。每年举办茶叶推介会1次。
　　责任单位：县商务局
　　4.加强茶叶品牌保护。开展商标侵权专项整治。
　　责任单位：县市场监督　管理局
"""


def test_units_set_apart_by_full_width_spaces_are_a_list_whose_first_leads():
    plan = parse_plan(from_text(PLAN))
    got = [(m.ref, m.lead_units, m.support_units) for m in plan.measures]
    assert got[:3] == [
        ("1", ["县林业局"], ["县自然资源局", "各乡镇(街道)"]),
        ("2", ["县工业和信息化局"], ["县供销合作社"]),
        ("3", ["县商务局"], []),
    ]
    # a name broken by a space is one name, not 县市场监督 and 管理局
    assert got[3][1] == ["县市场监督管理局"]


def test_the_spaces_between_listed_units_are_not_reported_as_stray(tmp_path):
    from click.testing import CliRunner

    from engine.cli import main

    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    out = CliRunner().invoke(main, ["check", "--no-parent", str(path)]).output
    stray = [line for line in out.splitlines() if "多余空格" in line]
    assert not any("自然资源局" in s or "供销合作社" in s for s in stray), stray
    assert any("监督" in s and "管理局" in s for s in stray), out  # the slip inside a name is still one
