"""Two classes blind50 showed (fixtures/fix50/ models each with other offices; see its README):

1. a responsibility clause that opens with its deadline, "（2027年12月底前，X牵头，Y、Z配合）", "（长期坚持，X负责）",
   "（持续推进；责任单位：X）": the deadline part is a field of the clause (roles.yaml `due_part`), as the trailing one
   ("（X牵头，Y配合，2028年底前完成）") already was, and the units after it are read;
2. a title opening with the bare stem of the issuer's own division (儋州调声, 赣州脐橙, 泉州南音) where the issuer or the
   signature names it in full (赣州市人民政府办公室): the jurisdiction is the full name, and the self-words its (全市).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract.responsibility import parse_clause_content
from engine.parse.level import infer
from tests.extract.prose_plans import checked_beside_gold

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix50"
GOLDS = sorted(p.name.removesuffix(".expected.yaml") for p in HERE.glob("*.expected.yaml"))


@pytest.mark.parametrize("name", [n for n in GOLDS if "bare-stem" in n])
def test_a_city_named_by_its_bare_stem_asks_for_no_other_self_word(name):
    """全市 is the city's own word: no self-reference finding asks for 全州 (blind50 儋州: two false alarms)."""
    _, run, _ = checked_beside_gold(HERE, name)
    assert "self-reference" not in run.not_applicable  # the check ran
    assert [f.message for f in run.report.findings if f.rule == "self-reference"] == []


@pytest.mark.parametrize(
    ("content", "lead", "support"),
    [
        ("2027年12月底前，市文化广电旅游局牵头，市财政局、市档案馆配合", ["市文化广电旅游局"], ["市财政局", "市档案馆"]),
        ("2026年底前完成，县教育局牵头，县财政局配合", ["县教育局"], ["县财政局"]),
        ("2026年9月30日前，区住房城乡建设局负责", ["区住房城乡建设局"], []),
        ("2027年上半年，市商务局、市农业农村局按职责分工负责", ["市商务局", "市农业农村局"], []),
        ("长期坚持，县融媒体中心负责", ["县融媒体中心"], []),
        ("持续推进；责任单位：县市场监督管理局、县公安局", ["县市场监督管理局", "县公安局"], []),
        ("持续推进；牵头单位：市卫生健康委；配合单位：市医保局", ["市卫生健康委"], ["市医保局"]),
        ("每年12月底前，各乡镇人民政府负责", ["各乡镇人民政府"], []),
        # the trailing form, read before this change: the same units
        ("市教育局牵头，市财政局配合，2028年底前完成", ["市教育局"], ["市财政局"]),
        ("市教育局牵头，市财政局配合，长期坚持", ["市教育局"], ["市财政局"]),
    ],
)  # fmt: skip
def test_a_deadline_before_the_roles_is_a_field_of_the_clause(content, lead, support):
    got = parse_clause_content(content)
    assert got is not None
    assert list(got[0]) == lead
    assert list(got[1]) == support


@pytest.mark.parametrize(
    "content",
    [
        "2026年底前，全县重点茶园全部完成配套",  # a deadline and a sentence: no unit
        "长期坚持",
        "2026年底前完成",
        "2025年底前已完成改造的项目除外",
        "持续推进茶园改造，不断提升品质",  # no separator after the words: a sentence, no deadline part
    ],
)
def test_a_deadline_with_no_units_after_it_is_no_clause(content):
    got = parse_clause_content(content)
    assert not got or not (got[0] or got[1])


@pytest.mark.parametrize(
    ("title", "issuer", "want"),
    [
        ("儋州调声传承发展实施方案", "儋州市人民政府办公室", ("儋州市", "city")),
        ("柳州螺蛳粉产业高质量发展方案", "柳州市人民政府办公室", ("柳州市", "city")),
        ("杭州亚运城市行动计划", "杭州市人民政府", ("杭州市", "city")),
        ("苏州园林保护管理工作方案", "苏州市园林和绿化管理局", ("苏州市", "city")),
        ("德州扒鸡产业发展方案", "德州市人民政府办公室", ("德州市", "city")),
        ("沙县小吃产业发展方案", "三明市沙县区人民政府办公室", ("沙县区", "county")),  # read so before: kept
    ],
)
def test_a_title_s_bare_stem_of_the_issuer_s_division_gives_the_full_name(title, issuer, want):
    name, _parent, level = infer([title, issuer], "")
    assert (name, level) == want


@pytest.mark.parametrize(
    ("title", "issuer", "want"),
    [
        ("杭州市西湖区龙井茶保护方案", "杭州市人民政府办公室", "西湖区"),  # the title names a place below the issuer
        ("通州运河文化带建设方案", "南通市人民政府办公室", "通州"),  # 通州 is no short form of 南通市
        ("儋州调声传承发展实施方案", "", "儋州"),  # no issuer names it in full: the title's reading
    ],
)  # fmt: skip
def test_a_title_place_that_is_not_the_issuer_s_short_form_is_kept(title, issuer, want):
    assert infer([title, issuer], "")[0] == want
