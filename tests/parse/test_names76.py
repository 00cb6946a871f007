"""Names of autonomous areas, 民族乡 and odd towns, and guiding units in a clause (fixtures/names76/README.md).

1. An autonomous area's official name holds its peoples' names after its own (双江拉祜族佤族布朗族傣族自治县, 14
   characters; 民乐朝鲜族乡): read whole by its form, however long, where the head before the peoples' names is as
   short as a stem (levels.yaml `ethnic_names`, `ethnic_kinds`); a 苏木's Mongolian name up to `long_stems`.
2. Its short forms (双江自治县, 双江县, 海南州, 莫力达瓦旗) are derived from the gazetteer's full names: a division, not a
   kind of county nor the province whose name it opens with (海南州, 河南县: not 海南省, 河南省).
3. A town whose name holds 市 / 区 (小市镇, 新市镇) is a town, not a city 小市 and a stray 镇.
4. "（X负责，Y、Z指导）": the units that guide after a lead part support (roles.yaml verbs.guide); opening the clause
   they still lead with the part after them ("（生态环境部指导，试点城市政府负责落实）").
"""

from __future__ import annotations

import pytest

from engine.extract.responsibility import find_responsibility
from engine.parse.level import infer, places_in

# ---------------------------------------------------------------- 1. long official names, 民族乡, 苏木


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("积石山保安族东乡族撒拉族自治县农房建设", [("积石山保安族东乡族撒拉族自治县", "county")]),  # 东乡族: no 乡
        ("镇沅彝族哈尼族拉祜族自治县古茶树保护", [("镇沅彝族哈尼族拉祜族自治县", "county")]),
        ("孟连傣族拉祜族佤族自治县咖啡产业", [("孟连傣族拉祜族佤族自治县", "county")]),
        ("塔什库尔干塔吉克自治县边境旅游", [("塔什库尔干塔吉克自治县", "county")]),
        ("民乐朝鲜族乡稻蟹共生", [("民乐朝鲜族乡", "town")]),
        ("乌拉街满族镇历史文化街区", [("乌拉街满族镇", "town")]),
        ("室韦俄罗斯族民族乡旅游", [("室韦俄罗斯族民族乡", "town")]),
        ("鄂温克民族苏木牧业", [("鄂温克民族苏木", "town")]),
        ("额尔敦宝拉格苏木冬春储草", [("额尔敦宝拉格苏木", "town")]),
        ("临夏回族自治州积石山保安族东乡族撒拉族自治县", [("临夏回族自治州", "city"), ("积石山保安族东乡族撒拉族自治县", "county")]),
    ],
)
def test_a_long_official_name_is_read_whole(text, want):
    assert places_in(text) == want


# ---------------------------------------------------------------- 2. short forms


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("双江自治县农村客运", [("双江自治县", "county")]),
        ("双江县农村客运", [("双江县", "county")]),
        ("海南州家庭牧场", [("海南州", "city")]),
        ("海南藏族自治州家庭牧场", [("海南藏族自治州", "city")]),
        ("河南县欧拉羊产业", [("河南县", "county")]),
        ("莫力达瓦旗大豆产业", [("莫力达瓦旗", "county")]),
        ("吉林市冰雪旅游", [("吉林市", "city")]),
    ],
)
def test_a_short_form_is_the_autonomous_area(text, want):
    assert places_in(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("河南县域经济发展", [("河南", "province")]),  # 县域: the province's counties
        ("海南自由贸易港建设", [("海南", "province")]),
        ("民族自治县发展", []),  # a kind of county
        ("少数民族乡村振兴", []),
    ],
)
def test_a_province_and_kinds_of_area_stay_as_they_were(text, want):
    assert places_in(text) == want


def test_a_title_in_a_short_form_gives_that_county():
    assert infer(["双江自治县农村客运高质量发展实施方案"], "") == ("双江自治县", None, "county")


# ---------------------------------------------------------------- 3. towns whose names hold 市 / 区


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("小市镇入河排污口排查整治", [("小市镇", "town")]),
        ("新市镇古运河沿岸整治", [("新市镇", "town")]),
        ("本溪满族自治县小市镇人民政府", [("本溪满族自治县", "county"), ("小市镇", "town")]),
        ("新区镇人民政府", [("新区镇", "town")]),  # a kind of area's word: a town where its body says so
        ("县前街道办事处", [("县前街道", "town")]),
    ],
)
def test_a_town_whose_name_holds_a_higher_suffix_is_a_town(text, want):
    assert places_in(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("嵊州市镇街联动", [("嵊州市", "city")]),  # a division the gazetteer knows, then a word
        ("山区乡镇卫生院建设", []),  # a kind of area, then 乡镇
        ("城区街道社区治理", []),
        ("新区镇村规划", []),  # 镇村 a word
    ],
)
def test_a_division_or_a_kind_of_area_before_a_town_suffix_is_not_a_town(text, want):
    assert places_in(text) == want


# ---------------------------------------------------------------- 4. guiding units


def _roles(text: str) -> tuple[list[str], list[str]]:
    found = find_responsibility(text, prose=True)
    assert found is not None
    r = found.responsibility
    return [u.name for u in r.lead], [u.name for u in r.support]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("建设示范村5个。（各乡（镇、场）负责，县农业农村局、县住房和城乡建设局指导）",
         (["各乡（镇、场）"], ["县农业农村局", "县住房和城乡建设局"])),
        ("新建牧场10个。（各乡（镇）人民政府负责，县农牧局业务指导）", (["各乡（镇）人民政府"], ["县农牧局"])),
        ("落实草畜平衡。（各苏木镇负责，旗林业和草原局督导）", (["各苏木镇"], ["旗林业和草原局"])),
        ("修缮民居。（各村民委员会负责，镇规划办配合，区住房和城乡建设局技术指导）",
         (["各村民委员会"], ["镇规划办", "区住房和城乡建设局"])),
        ("开展试点。（生态环境部指导，试点城市政府负责落实）", (["生态环境部", "试点城市政府"], [])),
        ("开展试点。（省教育厅牵头，市教育局指导）", (["省教育厅"], ["市教育局"])),
    ],
)  # fmt: skip
def test_units_that_guide_after_a_lead_part_support(text, want):
    assert _roles(text) == want
