"""Jurisdictions and levels outside province/市/县, and the units they name (fixtures/places90; blind90 and blind92
showed the class at first sight):

1. bodies no 行政区划 code list names that issue plans as a division does: the 新疆生产建设兵团 (province), its 师
   (city) and 团场 (town) — levels.yaml `outside_divisions`, engine/parse/outside_divisions.py;
2. a 国家级新区 a province sets up (兰州新区, 贵安新区: city) issued through its 管委会's or 党工委's office
   (levels.yaml `zones.offices`, `zones.set_up_by`);
3. 苏木乡镇 (内蒙古's towns) is no 乡 named 苏木, and 本乡镇 / 本苏木乡镇 no town's voice;
4. units: 各盟行政公署、市人民政府 is one group; a definition list's <dt>牵头单位</dt><dd>X</dd> is the field
   "牵头单位：X"; "部内由X牵头，Y配合；各省级X负责组织实施" gives the groups of the second part as leads.
The golds of fixtures/places90 are read by tests/parse/test_fix_golds.py.
"""

from __future__ import annotations

import pytest

from engine.extract.responsibility import parse_clause_content, parse_units
from engine.ingest import from_text
from engine.ingest.readers import read_html
from engine.parse import parse_plan
from engine.parse.level import infer, place_at, places_in
from engine.rules.kinds import self_reference

from ..kinds._drafting_helpers import ctx, measure, plan, run


def _plan(text: str):
    return parse_plan(from_text(text, "plan.txt"))


# ------------------------------------------------------------------ 1. 兵团, 师, 团场


def test_the_bingtuan_is_read_by_its_full_name_not_as_xinjiang():
    assert infer(["兵团棉花加工行业整治方案", "新疆生产建设兵团办公厅"], "") == ("新疆生产建设兵团", None, "province")
    assert infer(["新疆维吾尔自治区棉花加工行业整治方案"], "") == ("新疆", None, "province")


def test_a_regiment_under_its_division_is_a_town():
    assert places_in("第三师四十四团红枣产业方案") == [("第三师", "city"), ("四十四团", "town")]
    assert infer(["第三师四十四团红枣产业方案"], "") == ("四十四团", "第三师", "town")
    assert infer(["147团高标准农田建设方案"], "")[::2] == ("147团", "town")


@pytest.mark.parametrize("text", ["第一师范学院教师培训方案", "一团和气", "十团结协作", "三团队建设方案", "集团公司改革方案", "二十团队"])
def test_numbered_words_that_are_no_division_stay_no_place(text):
    hit = place_at(text, 0)
    assert hit is None or hit[0] not in ("第一师", "一团", "十团", "三团")


# ------------------------------------------------------------------ 2. a 国家级新区 through its bodies' office


def test_a_new_area_set_up_by_a_province_issued_by_its_office_is_a_city():
    got = infer(
        ["兰州新区物流枢纽建设方案", "中共兰州新区工作委员会办公室", "兰州新区管理委员会办公室"], "", body=""
    )
    assert got == ("兰州新区", "甘肃", "city")


def test_a_new_area_a_city_runs_ranks_below_that_city():
    # 西安高新区 (no province sends its 管委会): below 西安市, a county, as before
    assert infer(["西安高新区人工智能产业方案", "西安高新区管理委员会办公室"], "")[::2] == ("西安高新区", "county")


# ------------------------------------------------------------------ 3. 苏木乡镇, 本乡镇


def test_sumu_and_towns_after_the_region_is_no_town():
    assert infer(["内蒙古自治区苏木乡镇便民服务中心建设方案", "内蒙古自治区人民政府办公厅"], "") == (
        "内蒙古",
        None,
        "province",
    )


def test_each_towns_own_in_a_county_plan_is_no_towns_voice():
    county = plan(
        [measure("1", "各乡镇畜牧兽医站负责本乡镇免疫工作的具体实施，各苏木乡镇负责本苏木乡镇的统计。")],
        jurisdiction="睢县",
        parent_j="商丘市",
    )
    assert run(self_reference, ctx(county)) == []
    slip = plan([measure("1", "本乡防疫员负责全乡免疫工作。")], jurisdiction="睢县", parent_j="商丘市")
    assert sorted(h.fields["word"] for h in run(self_reference, ctx(slip))) == ["全乡", "本乡"]


# ------------------------------------------------------------------ 4. units


def test_a_regions_league_and_city_bodies_are_one_group():
    assert parse_units("自治区财政厅、各盟行政公署、市人民政府") == ["自治区财政厅", "各盟行政公署、市人民政府"]
    assert parse_units("各地区行政公署、市人民政府") == ["各地区行政公署、市人民政府"]
    # the towns' pair is two kinds of body, as the blind3 / blind43 / fix40a examiners count it
    assert parse_units("各镇人民政府、街道办事处") == ["各镇人民政府", "街道办事处"]


def test_a_second_part_for_the_level_below_leads_beside_the_first():
    got = parse_clause_content("部内由公路局牵头，财务审计司配合；各省级交通运输主管部门负责组织实施")
    assert got[:2] == (("公路局", "各省级交通运输主管部门"), ("财务审计司",))
    got = parse_clause_content("厅内由省农业农村厅种植业管理处牵头，省农业农村厅计划财务处配合；各市（州）农业农村局负责组织实施")
    assert got[:2] == (("省农业农村厅种植业管理处", "各市（州）农业农村局"), ("省农业农村厅计划财务处",))
    # a named body after "；" with no group: read as before (the support of the lead)
    assert parse_clause_content("公路局牵头，财务审计司配合；科技司负责")[:2] == (("公路局",), ("财务审计司", "科技司"))


def _html_lines(body: str) -> list[str]:
    lines = read_html(f"<html><body><div>{body}</div></body></html>", "page.html").lines
    return [x for _, x in lines if isinstance(x, str)]


def test_a_definition_lists_label_terms_are_read_as_fields():
    lines = _html_lines(
        "<p>（一）建设智能粮库。</p><dl><dt>牵头单位</dt><dd>兵团粮食和物资储备局</dd>"
        "<dt>配合单位：</dt><dd>兵团财政局、各师市</dd></dl>"
    )
    assert lines == ["（一）建设智能粮库。", "牵头单位：兵团粮食和物资储备局", "配合单位：兵团财政局、各师市"]


def test_a_long_term_or_one_without_a_description_stays_its_own_line():
    lines = _html_lines(
        "<dl><dt>关于进一步加强粮食储备仓储设施建设管理的说明</dt><dd>本方案所称储备粮是原粮。</dd>"
        "<dt>附件</dt></dl>"
    )
    assert lines == ["关于进一步加强粮食储备仓储设施建设管理的说明", "本方案所称储备粮是原粮。", "附件"]


def test_a_one_character_regiment_right_after_its_division():
    assert places_in("第一师一团棉花方案") == [("第一师", "city"), ("一团", "town")]


def test_the_bingtuans_bodies_stand_beside_the_regions_plans_and_back():
    from engine.extract.unitnames import Where, relation_of

    region = Where("province", "新疆", "")
    assert relation_of("新疆生产建设兵团", region)[0] == "unknown"  # 兵地: neither above nor another place's
    prefecture = Where("city", "博尔塔拉蒙古自治州", "新疆")
    assert relation_of("第五师双河市", prefecture)[0] == "unknown"
    bingtuan = Where("province", "新疆生产建设兵团", "")
    assert relation_of("新疆", bingtuan)[0] == "unknown"
    assert relation_of("广西", bingtuan)[0] == "other"  # another province stays another place
    assert relation_of("广西", region)[0] == "other"


def test_a_last_part_answering_by_duties_beside_a_pair_still_supports():
    got = parse_clause_content("市商务局牵头，市邮政管理局配合；各县（区）人民政府按职责分工负责")
    assert got[:2] == (("市商务局",), ("市邮政管理局", "各县（区）人民政府"))


@pytest.mark.parametrize("text", ["沿黄各市人民政府、县人民政府", "沿黄各盟行政公署、市人民政府"])
def test_a_qualified_group_continued_by_a_government_reads_without_error(text):
    """A qualifier before the group's 各 (沿黄各…) is read past before the group's kinds are looked at: it raised
    StopIteration (found in review)."""
    from engine.extract.responsibility import parse_units

    assert parse_units(text) == [text]
