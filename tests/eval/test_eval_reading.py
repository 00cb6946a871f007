"""Reading faults a blind evaluation found on four child plans of national parents (fixtures/eval/,
written for testing from the national corpus documents named in its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract.responsibility import extract_responsibility
from engine.ingest import load_document
from engine.parse import parse_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
EVAL = FIXTURES / "eval"


def _plan(name: str, folder: Path = EVAL):
    return parse_plan(load_document(str(folder / name)))


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("健全统计制度。县生态环境分局牵头，县发展改革委、县统计局配合。", ["县生态环境分局"], ["县发展改革委", "县统计局"]),
        ("建立责任清单。\n县委编办牵头，县生态环境分局配合", ["县委编办"], ["县生态环境分局"]),
        ("统筹推进项目建设。市发展改革委牵头负责。", ["市发展改革委"], []),
    ],
)
def test_bare_closing_sentence_is_the_clause(text, lead, support):
    r = extract_responsibility(text)
    assert r is not None
    assert [u.name for u in r.lead] == lead
    assert [u.name for u in r.support] == support
    assert text[r.start : r.end].rstrip("。") == r.text.rstrip("。")


@pytest.mark.parametrize(
    "text",
    [
        "要坚持党委领导、政府牵头，社会配合。",  # not bodies' names
        "由市教育局牵头，市财政局配合，做好摸底工作并按期完成。",  # the sentence goes on
    ],
)
def test_sentence_that_is_not_a_bare_clause(text):
    r = extract_responsibility(text)
    assert r is None or r.text != text.rstrip("。")


def test_county_measures_with_bare_clauses_have_leads():
    plan = _plan("yanling-zero-waste.txt")
    items = [m for m in plan.measures if m.style == plan.measures[0].style]
    assert len(items) == 16 and all(m.lead_units for m in items)
    first = plan.measures[0]
    assert first.lead_units[0] == "县生态环境分局"
    assert "县统计局" in first.support_units


def test_city_plan_with_area_word_in_title_is_the_city():
    plan = _plan("ganzhou-kindergarten.txt")
    assert (plan.jurisdiction, plan.level) == ("赣州市", "city")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("赣州市城镇小区配套幼儿园治理工作方案", [("赣州市", "city")]),
        ("某某市社区养老服务实施方案", [("某某市", "city")]),
        ("柳州市城中区贯彻执行方案", [("柳州市", "city"), ("城中区", "county")]),
    ],
)
def test_area_words_end_the_place_run(title, expected):
    from engine.parse.level import places_in

    assert places_in(title) == expected


def test_issuer_level_outweighs_a_title_word_when_addressees_and_self_words_agree():
    from engine.parse.level import infer

    title, issuer = "赣州市章贡区老旧小区改造方案", "赣州市人民政府办公室"
    assert infer([title, issuer], "", "各县(市、区)人民政府，市政府各部门", "我市……全市……我市")[2] == "city"
    # one piece of evidence alone does not overturn the title
    assert infer([title, issuer], "", None, "我市")[2] == "county"
    # 中心城区 is the city's built-up area, no district: the title names the city alone (levels.yaml area_endings)
    assert infer(["赣州市中心城区老旧小区改造方案", issuer], "", None, "")[2] == "city"


def test_a_higher_levels_conference_is_not_a_self_reference(tmp_path):
    from engine.cli import main

    out = tmp_path / "r.txt"
    path = str(EVAL / "ganzhou-kindergarten.txt")
    args = ["check", path, "--no-parent", "--level", "county", "--jurisdiction", "章贡区", "--format", "compact"]
    with pytest.raises(SystemExit):
        main([*args, "-o", str(out)])
    text = out.read_text("utf-8")
    assert "全省教育大会" not in text
    assert text.count("self-reference") >= 3  # 我市 ×2 and 全市 remain wrong in a district plan


def test_sections_of_different_depths_keep_their_tasks():
    """二、 holds (一) groups of 1. items; 三、实施步骤 holds (一) items directly. 四、保障措施's (一)…(四),
    numbered apart from the 1.…16. tasks, are the plan's general requirements: sections, not measures."""
    plan = _plan("yanling-zero-waste.txt")
    refs = [m.ref for m in plan.measures]
    assert refs[:16] == [str(k) for k in range(1, 17)]
    assert {"三(一)", "三(二)", "三(三)"} <= set(refs)
    assert not any(r.startswith("四") for r in refs)
    assert any(s.title.startswith("加强组织领导") for s in plan.sections)
    step = next(m for m in plan.measures if m.ref == "三(三)")
    assert step.title.startswith("评估总结阶段")
    assert any("2021" in str(d) for d in step.deadlines)
    # 一、总体要求's 指导思想 / 基本原则 / 工作目标 are not tasks of their own
    assert not any(m.title.startswith(("指导思想", "基本原则")) for m in plan.measures)


def test_a_trailing_attribution_tag_ends_the_sentence_before_it():
    from engine.extract.sentences import split_sentences

    text = "加强生活垃圾分类。（国家发展改革委、住房城乡建设部指导）垃圾焚烧发电企业实施联网。（生态环境部指导）"
    assert split_sentences(text) == [
        "加强生活垃圾分类。（国家发展改革委、住房城乡建设部指导）",
        "垃圾焚烧发电企业实施联网。（生态环境部指导）",
    ]
    # a numbered item after a sentence is not a tag
    assert split_sentences("做好工作。（一）下一项。") == ["做好工作。", "（一）下一项。"]


def test_attribution_tags_are_not_clauses_to_carry():
    from engine.align.clauses import measure_body

    parent = _plan("gbf2018-128-zero-waste-cities.txt", FIXTURES / "national")
    bodies = [measure_body(m) for m in parent.measures]
    assert any("垃圾焚烧发电企业" in b for b in bodies)
    for b in bodies:
        assert "部指导）" not in b and "部指导)" not in b
