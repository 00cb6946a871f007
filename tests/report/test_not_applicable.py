"""A parent measure the draft need not carry is 不适用, not 缺失, in every output (issue #16).

parent-covered leaves unreported a dropped measure each of whose clauses is a higher level's own duty
(beyond.measure_beyond: choosing pilot cities, a licensing pilot …). The coverage map, the text and
markdown summaries and the JSON report used to count it 缺失 with no finding beside it. Two real
pairs: fixtures/beyond/ (a national pilot 意见 and a county's 实施方案) and the 兰考县/鄢陵县 zero-waste
plan against the State Council's 无废城市 pilot scheme; and a measure curated not_applicable in an
obligation ruleset (plancheck derive), which shows the same way with the ruleset's reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from engine.derive import derive_ruleset
from engine.pipeline import Obligations, check, load_plan
from engine.report.base import RenderContext
from engine.report.html import HtmlFormatter
from engine.report.json_ import JsonFormatter
from engine.report.markdown import MarkdownFormatter
from engine.report.text import TextFormatter
from engine.rules.ruleset import NotApplicable

ROOT = Path(__file__).resolve().parents[2]
PILOT = ROOT / "fixtures" / "beyond" / "national-home-care-pilot.txt"
COUNTY = ROOT / "fixtures" / "beyond" / "pingjiang-home-care-pilot.txt"
ZERO_WASTE = ROOT / "fixtures" / "national" / "gbf2018-128-zero-waste-cities.txt"
YANLING = ROOT / "fixtures" / "eval" / "yanling-zero-waste.txt"


def _run(draft: Path, parent: Path | None = None, lang: str = "zh", **kw):
    run = check(str(draft), parent_path=str(parent) if parent else None, lang=lang, **kw)
    return run, RenderContext.of_run(run, str(draft), lang, None)


@pytest.fixture(scope="module")
def county():
    return _run(COUNTY, PILOT)


def _tiles(ctx) -> dict[str, tuple[str, str, str]]:
    """parent heading -> (tile class, its relation label, its reason) from the HTML coverage map."""
    tree = HTMLParser(HtmlFormatter().render(ctx).decode())
    out = {}
    for li in tree.css("#coverage .grid li"):
        why = li.css_first("small.why")
        out[li.css_first("b").text() + li.css_first("span").text()] = (
            li.attributes["class"].split()[0], li.css_first("i").text(), why.text() if why else "")
    return out


def _consistent(run) -> None:
    """Every measure counted missing has a parent-covered finding; none counted not applicable has."""
    c = run.report.summary.coverage
    reported = {f.parent_item for f in run.report.findings if f.check == "parent_covered"}
    dropped = {p.parent_item for p in run.report.alignment if p.relation == "dropped"}
    na = {m.parent_item for m in c.not_applicable_measures}
    assert c.not_applicable == len(na) and na <= dropped
    assert not na & reported
    assert c.missing == len(dropped - na)
    assert dropped - na <= reported


def test_county_pilot_beyond_level_counted_apart(county):
    run, ctx = county
    c = run.report.summary.coverage
    _consistent(run)
    assert (c.missing, c.not_applicable) == (1, 3)  # was 4 缺失, 0 不适用
    by_ref = {m.parent_item: m for m in c.not_applicable_measures}
    assert set(by_ref) == {"(二)", "(六)", "(八)"}  # 试点范围, 登记改革试点, 确定试点城市
    assert {m.basis for m in by_ref.values()} == {"beyond_level"}
    assert by_ref["(六)"].entries == ["licensing_system_pilots"]
    assert by_ref["(八)"].reason == "选定试点城市属上级职权"
    tiles = _tiles(ctx)
    assert tiles["(八)确定试点城市"] == ("rel-not_applicable", "不适用（上级职责）", "选定试点城市属上级职权")
    assert tiles["(四)支持老年人家庭适老化改造"][:2] == ("rel-missing", "缺失")  # the county's own duty stays a gap
    legend = HTMLParser(HtmlFormatter().render(ctx).decode()).css_first("#coverage .legend").text()
    assert "不适用 3" in legend and "缺失 1" in legend


def test_county_pair_view_not_a_gap(county):
    _, ctx = county
    tree = HTMLParser(HtmlFormatter().render(ctx).decode())
    pairs = {d.css_first("summary b").text(): d for d in tree.css("details.pair")}
    pair = pairs["(八) 确定试点城市"]
    assert "pair-not_applicable" in pair.attributes["class"] and "open" not in pair.attributes
    assert pair.css_first("summary .chip").text() == "不适用（上级职责）"
    assert "pair-missing" in pairs["(四) 支持老年人家庭适老化改造"].attributes["class"]


def test_county_text_markdown_json(county):
    _, ctx = county
    text = TextFormatter().render(ctx).decode()
    assert "不适用 3  缺失 1" in text
    assert "不适用（上级职责）：(八) 确定试点城市（选定试点城市属上级职权）" in text
    md = MarkdownFormatter().render(ctx).decode()
    assert "| 0 | 3 | 0 | 0 | 6 | 3 | 1 |" in md  # the county's stages and safeguards frame its plan (sections)
    line = next(x for x in md.splitlines() if x.startswith("不适用（上级职责）："))
    assert "(二) 试点范围（选定试点城市属上级职权）" in line and "适老化" not in line
    data = json.loads(JsonFormatter().render(ctx))
    cov = data["summary"]["coverage"]
    assert cov["missing"] == 1
    assert [m["parent_item"] for m in cov["not_applicable_measures"]] == ["(二)", "(六)", "(八)"]


def test_english():
    run, ctx = _run(COUNTY, PILOT, lang="en")
    assert run.report.summary.coverage.not_applicable_measures[0].reason == "choosing pilot cities is a higher level's power"
    tiles = _tiles(ctx)
    assert tiles["(八)确定试点城市"][1] == "not applicable (higher level's duty)"
    assert "not applicable (higher level's duty): (八) 确定试点城市 (choosing" in TextFormatter().render(ctx).decode()


def test_zero_waste_county():
    run, ctx = _run(YANLING, ZERO_WASTE)
    _consistent(run)
    c = run.report.summary.coverage
    # was 3 缺失: choosing the pilot cities is the nation's (2 不适用); the third, 三(三) 组织开展试点, is
    # carried by the draft's 三(二) 组织实施阶段 ("有力有序开展试点，确保各项任务落地见效")
    assert (c.missing, c.not_applicable) == (0, 2)
    assert {m.entries[0] for m in c.not_applicable_measures} == {"choosing_cities"}
    assert sum(1 for cls, *_ in _tiles(ctx).values() if cls == "rel-not_applicable") == 2


def test_without_skip_beyond_level_still_missing(tmp_path):
    """With parent-covered told to report such measures (skip_beyond_level: false), they are gaps again."""
    rs = tmp_path / "report-all.yaml"
    rs.write_text(
        "id: report-all\nrules:\n  - id: parent-covered-all\n    check: parent_covered\n    severity: error\n"
        "    description: 上级每一项措施都要承接\n    message: 上级第{parent_item}项没有承接\n"
        "    options: {skip_beyond_level: false}\n",
        encoding="utf-8",
    )
    run = check(str(COUNTY), parent_path=str(PILOT), rulesets=[str(rs)], no_core=True)
    c = run.report.summary.coverage
    assert (c.missing, c.not_applicable, c.not_applicable_measures) == (4, 0, [])


def test_curated_not_applicable_shows_its_reason():
    """A measure curated not_applicable in the obligation ruleset: 不适用 with the ruleset's reason."""
    rs = derive_ruleset(load_plan(str(PILOT)), ruleset_id="home-care")
    ob = next(o for o in rs.obligations if o.ref == "(四)")
    ob.not_applicable = NotApplicable(levels=["county"], reason="本县已另行印发适老化改造专项方案")
    run = check(str(COUNTY), obligations=Obligations.from_ruleset(rs, str(PILOT)))
    c = run.report.summary.coverage
    assert (c.missing, c.not_applicable) == (0, 4)
    m = next(m for m in c.not_applicable_measures if m.parent_item == "(四)")
    assert (m.basis, m.reason) == ("ruleset", "本县已另行印发适老化改造专项方案")
    ctx = RenderContext.of_run(run, str(COUNTY), "zh", None)
    assert _tiles(ctx)["(四)支持老年人家庭适老化改造"] == ("rel-not_applicable", "不适用", "本县已另行印发适老化改造专项方案")
