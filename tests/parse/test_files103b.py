"""Files that wrap the plan: a 工作总结 before it, a 批复 approving it, a 转发 notice with its own items, a 纪要 whose
decisions divide the work (fixtures/files103b/README.md; hand-counted)."""

from __future__ import annotations

from pathlib import Path

from engine.ingest import load_document
from engine.parse import parse_plan
from engine.pipeline import check

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "files103b"


def _plan(name: str):
    return parse_plan(load_document(str(HERE / name)))


def _findings(name: str) -> list[tuple[str, str | None]]:
    run = check(str(HERE / name), allow_no_parent=True)
    return [(f.check, f.local_item) for f in run.report.findings]


def test_summary_before_plan_is_not_the_plan():
    plan = _plan("zhuzhou-district-greening-summary.txt")
    assert plan.title == "荷塘区2026年城区绿化提质工作计划"
    assert [m.ref for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)"]
    assert plan.measures[0].title.startswith("建设口袋公园")
    assert plan.measures[3].lead_units == ["区城市管理局"] and plan.measures[3].support_units == ["区财政局"]
    assert [c for c, _ in _findings("zhuzhou-district-greening-summary.txt") if c == "numbering"] == []


def test_reply_approving_a_county_plan():
    plan = _plan("linfen-city-reply-walnut.txt")
    assert plan.title == "临汾市人民政府关于同意汾西县核桃产业提质增效实施方案的批复"
    assert (plan.level, plan.jurisdiction) == ("city", "临汾市")
    assert [m.ref for m in plan.measures] == ["(一)", "(二)", "(三)"]
    assert plan.measures[0].lead_units == ["汾西县人民政府"] and plan.measures[0].support_units == ["市林业局"]
    # 全县 quotes the county's targets (the letter says 你县); the 联系人 line's spaces are its layout
    assert [c for c, _ in _findings("linfen-city-reply-walnut.txt") if c in ("self_reference", "format")] == []


def test_forwarding_notice_keeps_its_own_items():
    plan = _plan("xiaogan-county-forwarded-flood.txt")
    assert plan.title == "大悟县人民政府办公室转发孝感市山洪灾害防治行动方案的通知"
    assert [m.title for m in plan.measures] == ["开展隐患排查", "完善监测预警", "组织转移演练"]
    assert all("市水利和湖泊局" not in m.lead_units for m in plan.measures)


def test_minutes_sentence_dividing_the_work():
    plan = _plan("xiuning-county-minutes-toilets.txt")
    assert len(plan.measures) == 3
    assert plan.measures[1].lead_units == ["县住房城乡建设局", "县生态环境分局"]
    assert plan.measures[1].support_units == []
    assert plan.measures[2].lead_units == ["县财政局"]


def test_a_portal_column_label_ending_in_zongjie_is_no_summary(tmp_path):
    """"所属栏目：工作总结" or a bare "工作总结" line over a plan names no report: the plan keeps its title and measures
    (review: the body was dropped and the attachment's plan read instead)."""
    from engine.ingest import load_document
    from engine.parse import parse_plan

    for label in ("所属栏目：工作总结", "工作总结"):
        path = tmp_path / "plan.txt"
        path.write_text(
            f"蔚县2026年防汛工作方案\n发布日期：2026-03-01\n{label}\n为做好防汛工作，制定本方案。\n一、主要任务\n"
            "（一）加固堤防。县水利局负责。\n（二）储备物资。县应急局负责。\n二、保障措施\n（一）加强领导。县政府办负责。\n"
            "附件\n蔚县防汛物资储备方案\n一、储备目标\n（一）储备编织袋。县应急局负责。\n",
            "utf-8",
        )
        plan = parse_plan(load_document(str(path)))
        assert plan.title == "蔚县2026年防汛工作方案"
        assert len(plan.measures) >= 2
