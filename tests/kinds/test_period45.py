"""A cited document whose period ended before the draft's (fixtures/period45/README.md): reference_period_ended
says what the text proves (the cited period, its end, the draft's own period or date) at info and claims no
successor; what rulesets/data/references.yaml names a successor for stays reference_outdated's warning."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.dating import title_period
from engine.pipeline import check
from engine.rules.references import load_references

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "period45"
NOTICE = FIXTURES / "linze-county-elderly-care-notice.txt"
UNDATED = FIXTURES / "linze-county-elderly-care-undated.txt"
PERIOD_ONLY = FIXTURES / "gaotai-county-elderly-care-period-only.txt"
CHECKS = {"reference_outdated", "reference_period_ended"}


def _found(path: Path, **kw: object) -> list:
    run = check(str(path), allow_no_parent=True, **kw)  # type: ignore[arg-type]
    return [f for f in run.report.findings if f.check in CHECKS]


def _keys(findings: list) -> set[tuple[str, str, str | None, str]]:
    return {(f.check, f.severity, f.local_item, f.evidence.local or "") for f in findings}


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("临泽县养老服务提升行动方案（2026—2028年）", (2026, 2028)),
        ("2026-2027年高台县智慧养老行动方案", (2026, 2027)),
        ("临泽县养老服务规划(2026～2030年)", (2026, 2030)),
        ("临泽县养老服务规划（2026年至2030年）", (2026, 2030)),
        ("临泽县“十五五”养老服务体系规划", (2026, 2030)),
        ("关于印发《张掖市养老服务行动方案（2023—2025年）》的通知", None),  # another document's period
        ("临泽县2026年养老服务工作要点", None),  # a year is a date, not a period
    ],
)
def test_the_drafts_own_period_from_its_title(title: str, period: tuple[int, int] | None) -> None:
    assert title_period(title, load_references().numbered_periods) == period


def test_a_numbered_plan_ends_with_its_last_year() -> None:
    refs = load_references()
    assert refs.numbered_periods["十四五"] == (2021, 2025)
    assert not refs.problems()


def test_the_notice_the_preamble_and_the_measures_of_a_2026_plan() -> None:
    got = _found(NOTICE)
    assert _keys(got) == {
        # the 印发 notice's own basis (its covering sentence's 《本方案（2026—2028年）》 is the draft itself)
        ("reference_period_ended", "info", None, "《甘肃省推进基本养老服务体系建设三年行动方案（2023—2025年）》"),
        # “十四五” in a title: 2021—2025
        ("reference_period_ended", "info", None, "《张掖市“十四五”老龄事业发展和养老服务体系规划》"),
        ("reference_period_ended", "info", "(一)", "《张掖市居家和社区养老服务改革实施方案（2023-2025年）》"),
        ("reference_period_ended", "info", "(五)", "《甘肃省养老服务人才队伍建设规划（2021年至2025年）》"),
        # the data name “十五五”规划 as the successor: reference_outdated's warning, as before
        ("reference_outdated", "warning", "(四)", "“十四五”规划"),
    }  # (二) 2025～2027 still runs; (三) 实施以来 tells history
    ended = [f for f in got if f.check == "reference_period_ended"]
    for f in ended:
        assert "取代" not in f.message and "新一期的同名文件" not in f.message
        assert "本方案实施期（2026—2028年）开始" in f.message and "2025-12-31" in f.message
        assert "核实是否已有新一期文件" in (f.suggestion or "")
    notice = next(f for f in ended if "三年行动方案" in (f.evidence.local or ""))
    assert notice.line == 6  # found in the notice, above the plan's title
    assert "（2023—2025年）" in notice.message
    numbered = next(f for f in ended if "十四五" in (f.evidence.local or ""))
    assert "（2021—2025年）" in numbered.message


def test_without_the_drafts_date_or_period_nothing_is_judged() -> None:
    run = check(str(UNDATED), allow_no_parent=True)
    assert not [f for f in run.report.findings if f.check in CHECKS]
    assert "reference_period_ended" in run.report.summary.skipped
    # the same document with a date: each ended citation, none of the running one (2025～2027)
    got = _keys(_found(UNDATED, date=dt.date(2026, 5, 1)))
    assert {(c, item) for c, _, item, _ in got} == {
        ("reference_period_ended", None), ("reference_period_ended", "(一)"), ("reference_period_ended", "(三)")
    }


def test_a_period_in_the_title_is_enough_without_a_date() -> None:
    run = check(str(PERIOD_ONLY), allow_no_parent=True)
    s = run.report.summary
    assert s.draft_date is None and "reference_period_ended" not in s.skipped and "reference_outdated" in s.skipped
    got = [f for f in run.report.findings if f.check in CHECKS]
    assert {(f.check, f.local_item) for f in got} == {("reference_period_ended", None), ("reference_period_ended", "(一)")}
    # (二) 2026—2027 runs within the draft's period; (三)'s plan is cited for what it achieved, not as a basis


def test_ended_during_the_drafts_year_is_not_ended_before_it() -> None:
    text = "临泽县养老服务工作要点\n1.完善居家养老。根据《张掖市居家养老服务实施方案(2023—2025年)》，建设服务站。(牵头单位:县民政局)\n"
    plan_file = from_text(text, "d.txt")
    plan = parse_plan(plan_file)
    from engine.pipeline import Obligations, check_plans
    from engine.rules.ruleset import Rule

    rule = Rule.model_validate({"id": "r", "check": "reference_period_ended", "severity": "info"})
    assert check_plans(plan, Obligations(None), [rule], date="2025-12-31")[0] == []  # its last day
    found, _ = check_plans(plan, Obligations(None), [rule], date="2026-01-01")
    assert [f.local_item for f in found] == ["1"] and "方案日期（2026-01-01）" in found[0].message


def test_a_forwarded_documents_own_title_is_no_citation() -> None:
    # a 2026 notice forwarding a plan for 2023—2025 and asking to follow it: the draft is that plan
    text = (
        "临泽县人民政府办公室\n关于转发《张掖市居家养老服务实施方案(2023—2025年)》的通知\n各乡镇人民政府：\n"
        "现将《张掖市居家养老服务实施方案(2023—2025年)》转发给你们，请按照《张掖市居家养老服务实施方案(2023—2025年)》"
        "抓好落实。\n临泽县人民政府办公室\n2026年1月8日\n张掖市居家养老服务实施方案(2023—2025年)\n"
        "一、主要任务\n1.完善居家养老。根据《张掖市老年助餐服务行动方案(2023—2025年)》，建设服务站。(牵头单位:市民政局)\n"
    )
    from engine.pipeline import Obligations, check_plans
    from engine.rules.ruleset import Rule

    plan = parse_plan(from_text(text, "d.txt"))
    assert plan.title == "张掖市居家养老服务实施方案(2023—2025年)"
    rule = Rule.model_validate({"id": "r", "check": "reference_period_ended", "severity": "info"})
    found, _ = check_plans(plan, Obligations(None), [rule])
    assert [(f.local_item, f.evidence.local) for f in found] == [("1", "《张掖市老年助餐服务行动方案(2023—2025年)》")]


def test_cli_in_chinese_and_english() -> None:
    r = CliRunner().invoke(main, ["check", "--no-parent", "--format", "json", "--fail-on", "none", str(NOTICE)])
    assert r.exit_code == 0, r.output
    zh = [f for f in json.loads(r.output)["findings"] if f["rule"] == "reference_period_ended"]
    assert len(zh) == 4 and all(f["severity"] == "info" for f in zh)
    r = CliRunner().invoke(main, ["check", "--no-parent", "--lang", "en", "--fail-on", "none", str(NOTICE)])
    assert r.exit_code == 0, r.output
    out = " ".join(r.output.split())
    assert "covers 2023–2025, which ended on 2025-12-31, before the start of the draft's own period (2026–2028)" in out
    assert "check whether a newer edition exists and cite it, or say why the ended one still applies" in out
    assert "replaced by" in out and "“十五五”规划" in out  # the named successor's warning keeps its wording
    # info only, apart from the named successor's warning: --fail-on warning fails, --fail-on error passes
    r = CliRunner().invoke(main, ["check", "--no-parent", "--fail-on", "warning", str(NOTICE)])
    assert r.exit_code == 1
    r = CliRunner().invoke(main, ["check", "--no-parent", "--fail-on", "warning", str(PERIOD_ONLY)])
    assert r.exit_code == 0 and "reference_period_ended" in r.output
