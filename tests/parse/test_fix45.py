"""Three classes blind45 showed (fixtures/fix45/ models each with other offices; see its README):

1. a title opening with a province (or city) and then a kind of area ending in 区 (黑龙江省黑土区…, 宁夏回族自治区引黄灌区…,
   淮南市采煤沉陷区…) is that province's (city's) plan, no county's (levels.yaml `area_endings`; level._province_area);
2. a paragraph after the last item of a list that speaks of the items as a whole (上述任务…详见附件, 以上工作…纳入…考核:
   closing.yaml `item_notes`) is the list's text, not the last item's; a group clause assigning units stays one;
3. 本 ending a noun (样本县, 样本乡镇, 基本乡镇) is no self-reference (levels.yaml `not_preceded_by`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.parse.closing import is_firm, notes_items
from engine.parse.level import infer, level_of_self_words, places_in
from engine.rules.kinds import self_reference
from tests.extract.prose_plans import checked_beside_gold
from tests.kinds._drafting_helpers import ctx, measure, plan, run

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix45"
GOLDS = sorted(p.name.removesuffix(".expected.yaml") for p in HERE.glob("*.expected.yaml"))


@pytest.mark.parametrize("name", GOLDS)
def test_no_level_is_read_from_an_area_word(name):
    """Read as counted by hand: tests/parse/test_fix_golds.py; here, no self-reference or unit-level finding."""
    _, checked, _ = checked_beside_gold(HERE, name)
    wrong = [f.message for f in checked.report.findings if f.check in ("self_reference", "unit_level")]
    assert wrong == []  # no level read from the area's word, no 本县/本乡 read inside 样本县/样本乡镇


@pytest.mark.parametrize(
    ("title", "reading"),
    [
        ("黑龙江省黑土区侵蚀沟综合治理实施方案", ("黑龙江", None, "province")),
        ("吉林省西部灌区续建配套实施方案", ("吉林", None, "province")),
        ("内蒙古自治区半农半牧区草原生态保护方案", ("内蒙古", None, "province")),
        ("黑龙江省国有林区管护方案", ("黑龙江", None, "province")),
        ("湖北省三峡库区生态保护方案", ("湖北", None, "province")),
        ("山西省采煤矿区生态修复方案", ("山西", None, "province")),
        ("四川省藏区发展方案", ("四川", None, "province")),  # no area word listed: no 区 lies right below a province
        ("某某省黑土区保护方案", ("某某省", None, "province")),
        ("淮南市采煤沉陷区综合治理方案", ("淮南市", None, "city")),
        ("某某市国有林区管护方案", ("某某市", None, "city")),
        # real divisions keep their reading
        ("神农架林区森林康养产业发展实施方案", ("神农架林区", None, "county")),
        ("湖北省神农架林区森林康养方案", ("神农架林区", "湖北", "county")),  # the gazetteer lists it right below 湖北
        ("伊春市金林区林下经济方案", ("金林区", "伊春市", "county")),
        ("金林区林下经济方案", ("金林区", None, "county")),  # listed by its full name alone (a one-character stem)
        ("邯郸市峰峰矿区方案", ("峰峰矿区", "邯郸市", "county")),
        ("太原市万柏林区方案", ("万柏林区", "太原市", "county")),
        ("重庆市渝北区医疗保障方案", ("渝北区", "重庆", "county")),  # a 直辖市's 区, though the gazetteer lacks it
        ("广东省顺德区预制菜方案", ("顺德区", "广东", "county")),  # the city left out: the gazetteer lists it
        ("贵州省贵安新区数字经济方案", ("贵安新区", "贵州", "county")),  # a zone with its own 管委会: unchanged
        ("西宁市城中区方案", ("城中区", "西宁市", "county")),
        ("黑山县方案", ("黑山县", None, "county")),
    ],
)
def test_a_kind_of_area_after_a_province_or_city_is_its_area(title, reading):
    assert infer([title], "") == reading


def test_the_run_stops_at_the_area():
    assert places_in("黑龙江省黑土区侵蚀沟综合治理实施方案") == [("黑龙江省", "province")]


@pytest.mark.parametrize(
    "text",
    [
        "上述任务的牵头单位、配合单位和完成时限详见附件。",
        "上述任务的年度目标和完成时限详见附件。",
        "以上各项任务的责任分工见附件2。",
        "以上工作完成情况纳入市政府年度目标管理绩效考核。",
        "上述措施各地各部门要抓好落实。",
        "前述工作要确保2027年底前全部完成。",
    ],
)
def test_a_note_on_the_items_as_a_whole(text):
    assert notes_items(text)
    assert is_firm(text)  # after the plan's last item it closes the plan


@pytest.mark.parametrize(
    "text",
    [
        "（上述任务由自治区水利厅牵头，自治区发展改革委、自治区财政厅配合）",  # a group clause: it assigns units
        "以上任务由市农业农村局、市财政局按职责分工负责。",
        "上述任务由区园林绿化局牵头，区农业农村局配合。",
        "附件所列任务请各单位逐项落实。",  # no scope pointing back at the items
        "上述地区要加强监测预警。",  # 上述 and no kind of item
        "以上任务涉及的资金由各级财政统筹安排。",  # about the items, but neither an annex nor how all are carried out
        "建立样本地块电子档案，详见附件。",
    ],
)
def test_no_note_on_the_items(text):
    assert not notes_items(text)


def test_the_note_is_the_list_s_text_and_the_group_clause_still_assigns():
    _, checked, _ = checked_beside_gold(HERE, "ningxia-region-irrigation-districts")
    by_start = {m.text[:6]: m for m in checked.draft.measures}
    third = by_start["发展高效节水"]
    assert "详见附件" not in third.text
    assert any("详见附件" in s.text for s in checked.draft.sections if s.title == "重点任务")
    fifth = by_start["推进用水权确"]
    assert [u.name for u in fifth.responsibility.lead] == ["自治区水利厅"]
    assert [m.text[:6] for m in checked.draft.measures] == ["推进骨干渠系", "完善灌区计量", "发展高效节水", "深化农业水价",
                                                             "推进用水权确"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("完成新一轮粮食产量调查样本县、样本村和样本地块轮换。", []),
        ("选取样本乡镇和样本村开展满意度调查。", []),
        ("推动公共服务基本乡镇全覆盖，修订规划文本。", []),
        ("加快本县粮食烘干能力建设。", ["本县"]),  # a verb's last character before 本县: still the plan's self-word
        ("规范本县农村集体资产管理。", ["本县"]),
        ("投资本市重点产业项目。", ["本市"]),  # 投资 (资本 is a noun too, but 资本市场 is guarded by its 场)
        ("落实本乡耕地保护责任。", ["本乡"]),
    ],
)
def test_ben_ending_a_noun_is_no_self_word(text, words):
    national = plan([measure("1", text)], jurisdiction="全国", level="national", parent_j=None)
    assert sorted(h.fields["word"] for h in run(self_reference, ctx(national))) == words


def test_the_level_is_not_read_from_a_sample_county():
    assert level_of_self_words("在样本县、样本村开展调查，样本县名单见附件。") is None
    assert level_of_self_words("本县各乡镇要落实。") == "county"
