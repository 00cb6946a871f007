"""Three drafting-check false alarms of the class blind49 showed, on a plan checked alone (fixtures/fix49/
jiading-district-flood-drafting.txt, README there), each beside the slip of its kind that is still reported:

- self_reference: a district speaking of the level above's WHOLE as the frame its own area stands in (是全市防汛防台的
  重要屏障, 为全市城市安全运行提供坚实保障: levels.yaml `higher_whole`) — not speaking as that level; 全市 for the
  district's own points (全市易积水点位全部完成改造) still is a slip;
- duplicate_sentence: a heading restated in its body with another verb (（一）建设X。…，建成X，实现…) — no repeat; a
  clause written twice with a word changed inside it (易积水区域 / 易积水部位) still is;
- format: the spacing of quoted wording (“积水路段　请勿通行”, a sign's words) — kept; 2026 年 outside quotes, or a
  number split from its unit inside them, still is a stray space."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.models import Paragraph
from engine.pipeline import check
from engine.rules.kinds import duplicate_sentence, self_reference
from engine.rules.kinds import format as fmt

from ._drafting_helpers import ctx, measure, plan, run

DRAFT = Path(__file__).resolve().parents[2] / "fixtures" / "fix49" / "jiading-district-flood-drafting.txt"


@pytest.fixture(scope="module")
def findings() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in check(str(DRAFT), allow_no_parent=True, fail_on="none").report.findings:
        out.setdefault(f.rule, []).append(f.evidence.local or "")
    return out


def test_the_district_plan_is_read_at_its_level() -> None:
    run_ = check(str(DRAFT), allow_no_parent=True, fail_on="none")
    assert (run_.draft.level, run_.draft.jurisdiction) == ("county", "嘉定区")


def test_the_upper_levels_whole_as_a_frame_is_no_self_reference_but_its_own_area_is(findings) -> None:
    msgs = findings.get("self-reference", [])
    assert len(msgs) == 1 and "全市易积水点位全部完成改造" in msgs[0]


def test_a_heading_restated_with_another_verb_is_no_duplicate_but_a_changed_word_is(findings) -> None:
    msgs = findings.get("duplicate-sentence", [])
    assert len(msgs) == 1 and "易积水部位" in msgs[0]


def test_quoted_wording_keeps_its_space_but_a_date_does_not(findings) -> None:
    msgs = findings.get("format", [])
    assert len(msgs) == 1 and "2026 年" in msgs[0]


# the same, kind by kind, on texts of other levels and domains


def _self_words(text: str, jurisdiction: str, parent: str) -> list[str]:
    d = plan([measure("1", text)], jurisdiction=jurisdiction, parent_j=parent)
    return [h.quote for h in run(self_reference, ctx(d))]


@pytest.mark.parametrize(
    ("text", "jurisdiction", "parent"),
    [
        ("本县是全省重要的商品粮生产基地，要稳定粮食播种面积。", "肥西县", "合肥市"),
        ("我区作为全市对外开放的重要窗口，要提升口岸通关效率。", "城中区", "柳州市"),
        ("为全市经济社会发展作出更大贡献。", "城中区", "柳州市"),
        ("为全省粮食安全提供坚实支撑。", "龙泉市", "丽水市"),
        # taking part in the upper level's event (the entrants are the draft's)
        ("组织优秀队伍参加全国和全省赛事。", "武汉市", "湖北省"),
        ("评选优秀节目参加全县“村晚”展演。", "九资河镇", "罗田县"),
    ],
)
def test_the_upper_whole_as_frame_is_not_reported(text: str, jurisdiction: str, parent: str) -> None:
    assert _self_words(text, jurisdiction, parent) == []


@pytest.mark.parametrize(
    "text",
    ["推动全市地质灾害防治工作取得新成效。", "到2027年，全市养老机构护理型床位占比达到60%。", "是我市防汛工作的重点区域。",
     "举办全市中小学生足球赛。"],  # holding an event of the whole: speaking AS that level
)
def test_the_upper_word_for_the_drafts_own_area_is_still_reported(text: str) -> None:
    assert _self_words(text, "城中区", "柳州市") != []


def _repeats(text: str) -> list[str]:
    return [h.quote for h in run(duplicate_sentence, ctx(plan([measure("1", text)])))]


@pytest.mark.parametrize(
    "text",
    [
        "建设市级城市运行管理中心。整合城市管理、应急管理等领域资源，建成市级城市运行管理中心，实现一屏统览。",
        "推进县域医共体建设。整合县乡医疗资源，加快推动县域医共体建设，2027年底前实现全覆盖。",
    ],
)
def test_a_heading_restated_with_another_verb_is_not_reported(text: str) -> None:
    assert _repeats(text) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a word changed inside the object, not the verb
        ("建设市级城市运行管理中心。整合资源，建设市级城市运营管理中心，实现一屏统览。", "建设市级城市运营管理中心"),
        # the heading's words again as a sentence of their own, right after it
        ("建设市级城市运行管理中心。建成市级城市运行管理中心。", "建成市级城市运行管理中心"),
    ],
)
def test_a_heading_written_again_otherwise_is_still_reported(text: str, quote: str) -> None:
    assert _repeats(text) == [quote]


def _spaces(line: str) -> list[str]:
    m = measure("1", line, line=1, paragraphs=[0])
    d = plan([m], lines=[line])
    d.paragraphs = [Paragraph(index=0, line=1, text=line.replace("\u3000", "").replace(" ", ""), orig=line)]
    hits = run(fmt, ctx(d), detached=False, widths=False, citations=False)
    return [h.fields.get("quote", h.quote) or "" for h in hits]


@pytest.mark.parametrize(
    "line",
    ["施划“消防车通道\u3000严禁占用”警示字样。", "张贴“安全出口 请勿堵塞”标识。", "悬挂「文明旅游　从我做起」横幅。"],
)
def test_quoted_wording_keeps_its_spaces(line: str) -> None:
    assert _spaces(line) == []


@pytest.mark.parametrize("line", ["在“2026 年”底前完成施划。", "施划消防车通道\u3000严禁占用警示字样。"])
def test_a_number_split_in_quotes_or_a_space_outside_them_is_reported(line: str) -> None:
    assert len(_spaces(line)) == 1


def _town_words(text: str, parent: str | None) -> list[str]:
    d = plan([measure("1", text)], jurisdiction="九资河镇", level="town", parent_j=parent)
    return [h.quote for h in run(self_reference, ctx(d))]


@pytest.mark.parametrize("parent", ["罗田县", None])
def test_a_towns_county_is_above_it_whether_named_or_not(parent: str | None) -> None:
    # a town stands in its county: 全县 is the level above it (named: 罗田县; else by the levels' ranks)
    assert _town_words("评选优秀节目参加全县“村晚”展演。", parent) == []
    assert _town_words("推动全县“村晚”活动提质。", parent) != []
