"""A kind of county is no county; a site's name and menu before a breadcrumb on a one-line page are furniture.

blind69 (measured at first sight): 国家卫生健康委's 《边境县医疗卫生服务能力提升行动方案》 was read as a county plan of
a county 边境县, and a 勐腊县 page scraped as one line kept its site name, menu and breadcrumb in the title.
The documents of the class are fixtures/fix69head/ (read by tests/parse/test_fix_golds.py)."""

from __future__ import annotations

import pytest

from engine.ingest import furniture
from engine.ingest.normalise import same_length_light
from engine.parse import level


@pytest.mark.parametrize("name", ["边境县", "贫困县", "产粮大县", "脱贫县", "示范县", "牧区县"])
def test_a_kind_of_county_is_no_county(name):
    assert level._is_area_word(name)


@pytest.mark.parametrize(
    "name",
    [
        "嵩县",  # a one-character stem: its full name only
        "长清县",  # now 长清区 (济南): an older name keeps its stem
        "石林县",  # 石林彝族自治县 said short
        "某某县",  # a template's placeholder
        "XX县",
    ],
)
def test_a_county_by_a_short_or_older_name_or_a_placeholder_is_still_one(name):
    assert not level._is_area_word(name)


def test_a_national_plan_on_a_kind_of_county_is_national():
    place = level.infer(["边境县医疗卫生服务能力提升行动方案", "国家卫生健康委办公厅"], "")
    assert place[2] == "national"


def _cut(line: str) -> str:
    spans = furniture.inline_spans(same_length_light(line))
    keep, at = [], 0
    for a, b in spans:
        keep.append(line[at:a])
        at = b
    return "".join([*keep, line[at:]]).strip()


def test_a_site_menu_and_breadcrumb_before_the_title_are_cut():
    line = (
        "欢迎访问某县人民政府网站！ 昌宁县人民政府 首页 走进昌宁 政务公开 互动交流 "
        "您当前的位置：首页 > 政务公开 > 政府文件 > 县政府办文件 "
        "昌宁县人民政府办公室关于印发昌宁县茶园提质工作方案的通知 一、工作目标 到2027年，改造茶园5万亩。"
    )
    assert _cut(line).startswith("昌宁县人民政府办公室关于印发")


def test_words_with_a_sentence_before_a_breadcrumb_are_kept():
    # the crumb is cut, but a sentence before it is the page's text, not its menu
    line = "现将有关事项通知如下。 当前位置：首页 > 政务公开 > 政府文件 一、工作目标 到2027年，改造茶园5万亩。"
    got = _cut(line)
    assert got.startswith("现将有关事项通知如下。") and "当前位置" not in got
