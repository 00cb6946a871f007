"""A 纪要 (政府常务会议纪要, 专题会议纪要, 党政联席会议纪要) read as the document (fixtures/fix40b, see its README):
its title is the 纪要's own name, its 议定事项 (一、关于…。) are the measures, and what follows the last of them — the
meeting's closing request (会议要求/会议强调，各相关单位要…) and the 出席/列席/请假/记录 lines — is no part of the last
measure; the attendance list's names aligned by spaces are no stray spaces. The words: rulesets/data/minutes.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import from_text, load_document
from engine.parse import closing, parse_plan
from engine.pipeline import check

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix40b"

# (file, title, measures as (label, start, lead, support), the closing's first words)
MINUTES = [
    (
        "fenghuang-county-executive-minutes.txt",
        "凤凰县人民政府常务会议纪要",
        [
            ("一", "关于沱江古城段", ["县水利局"], ["县应急管理局", "沱江镇人民政府"]),
            ("二", "关于旅游景区安", ["县文化旅游广电局"], []),
            ("三", "关于农村公路养", ["县交通运输局"], ["县财政局"]),
        ],
        "会议强调，各乡镇人民政府",
    ),
    (
        "zunyi-city-special-meeting-minutes.txt",
        "遵义市人民政府专题会议纪要",
        [
            ("一", "关于年度改造任", ["市住房城乡建设局"], ["市发展改革委", "各区人民政府"]),
            ("二", "关于改造资金筹", ["市财政局"], ["市发展改革委"]),
            ("三", "关于管线同步改", ["市住房城乡建设局"], ["市水务局"]),
        ],
        "会议要求：各区(市、县)",
    ),
    (
        "xinchang-town-joint-meeting-minutes.txt",
        "新场镇党政联席会议纪要",
        [
            ("一", "关于秸秆综合利", ["镇农业服务中心"], ["各村委会"]),
            ("二", "关于人居环境整", ["镇村镇建设服务中心"], []),
        ],
        "会议要求，各村(社区)",
    ),
]


def _plan(name: str):
    return parse_plan(load_document(str(HERE / name)))


@pytest.mark.parametrize(("name", "title", "measures", "closing_starts"), MINUTES, ids=[m[0] for m in MINUTES])
def test_a_minutes_title_items_and_closing(name, title, measures, closing_starts) -> None:
    plan = _plan(name)
    assert plan.title == title
    assert [(m.label, m.text[:7], m.lead_units, m.support_units) for m in plan.measures] == measures
    assert plan.closing.startswith(closing_starts)
    last = plan.measures[-1].text
    for record in ("会议要求", "会议强调", "出席", "参加：", "列席", "请假", "记录"):
        assert record not in last.split("。", 1)[1], record  # the item's own 会议提出/会议同意 may stand in it


@pytest.mark.parametrize("name", [m[0] for m in MINUTES])
def test_the_attendance_list_aligned_by_spaces_is_no_stray_space(name) -> None:
    findings = check(str(HERE / name), allow_no_parent=True, fail_on="none").report.findings
    assert [f.message for f in findings if f.check == "format"] == []
    assert [f.message for f in findings if f.check == "lead-unit-required"] == []


def test_attendance_lines_close_the_minutes_with_no_request_before_them() -> None:
    doc = from_text(
        "某县人民政府常务会议纪要\n"
        "一、关于春耕备耕。会议同意安排资金100万元。由县农业农村局负责。\n"
        "二、关于森林防火。会议要求，清明期间加强巡查。由县林业局负责。\n"
        "出席：某某某　某某某\n列席：县农业农村局、县林业局负责同志\n"
    )
    plan = parse_plan(doc)
    assert [m.lead_units for m in plan.measures] == [["县农业农村局"], ["县林业局"]]
    assert "出席" not in plan.measures[-1].text
    assert plan.closing.startswith("出席")


def test_the_meeting_speaking_inside_an_item_is_the_item_s() -> None:
    # an item's own 会议要求，X要… is no closing: only one that addresses the implementers as a whole (各…要…) is
    assert closing.is_address("会议要求，各相关单位要按照会议议定事项，按职责抓好落实，重要情况及时报告。")
    assert closing.is_address("会议强调：各乡镇、县直各部门要抓好落实。")
    assert not closing.is_address("会议要求，县财政局要在6月底前拨付资金。")
    assert not closing.is_address("会议要求，确保有劳动力的搬迁家庭至少1人稳定就业。")
    assert closing.attendance("出席：某某某　某某某") and closing.attendance("请假：某某某（公务外出）")
    assert not closing.attendance("出席会议的各单位要抓好落实。")
