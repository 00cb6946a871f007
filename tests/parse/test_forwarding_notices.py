"""转发 notices: a body (any level) forwards another body's document; the plan is the forwarded document.

Its title is the forwarded document's own: the title line under the notice when there is one, else its
《》 name in the notice's text (…《关于X的意见》已经…同意，现转发给你们), else the name the notice's heading
gives it, as written there (转发…关于X意见的通知 names 关于X意见: a 的 the heading leaves out is not put
back by guess). fixtures/forwarded holds two such documents written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.ingest import load_document
from engine.parse import parse_plan
from engine.parse.frontmatter import wrapper_inner

FORWARDED = Path(__file__).resolve().parents[2] / "fixtures" / "forwarded"


def _leads(plan) -> list[list[str]]:
    return [[u.name for u in m.responsibility.lead] if m.responsibility else [] for m in plan.measures]


@pytest.mark.parametrize(
    ("heading", "inner"),
    [
        ("国务院办公厅转发商务部等部门关于促进二手商品流通高质量发展意见的通知", "关于促进二手商品流通高质量发展意见"),
        ("国务院办公厅转发海关总署等部门关于优化口岸营商环境意见的通知", "关于优化口岸营商环境意见"),
        ("某某省人民政府办公厅转发省发展改革委关于加快冷链物流发展实施方案的通知", "关于加快冷链物流发展实施方案"),
        ("转发省商务厅 省财政厅关于促进消费实施意见的通知", "关于促进消费实施意见"),
        ("某某市人民政府办公室关于转发省商务厅等部门关于促进二手商品流通实施方案的通知", "关于促进二手商品流通实施方案"),
        ("某某县人民政府办公室转发市政府办公室关于印发某某市冷链物流实施方案的通知的通知", "某某市冷链物流实施方案"),
        # no 关于: the forwarded body's name cannot be told from the title here (see test_issuer_before_a_title)
        ("国务院办公厅转发国务院国资委以管资本为主推进职能转变方案的通知", "国务院国资委以管资本为主推进职能转变方案"),
        # unchanged: 关于转发 X (no issuer before X), 转发《X的通知》
        ("某某县人民政府办公室关于转发某某市安全生产专项整治实施方案的通知", "某某市安全生产专项整治实施方案"),
        ("关于转发《某某县法治政府建设实施方案(2016-2020年)的通知》的通知", "某某县法治政府建设实施方案(2016-2020年)"),
    ],
)  # fmt: skip
def test_a_forwarding_heading_names_the_forwarded_document(heading, inner):
    assert wrapper_inner(heading) == inner


@pytest.mark.parametrize(
    "line",
    [
        "关于规范网络信息转发管理办法的通知",  # 转发 is a word of the title, no body forwards anything
        "关于进一步加强信息转发工作的通知",
        "某某市关于禁止转发未经核实信息的规定的通知",
    ],
)
def test_a_title_that_mentions_forwarding_is_no_wrapper(line):
    assert wrapper_inner(line) is None


def test_province_office_forwards_departments_opinions():
    plan = parse_plan(load_document(str(FORWARDED / "province-office-forwards-departments-opinions.txt")))
    # the title line under the notice (its heading leaves out the 的: …发展实施意见的通知)
    assert plan.title == "关于促进二手商品流通发展的实施意见"
    assert (plan.level, plan.jurisdiction) == ("province", "某某省")
    assert plan.issuers == ["某某省人民政府办公厅"] and plan.date == "2025-08-12"
    # the forwarded document's issuers (two lines under its title) are no preamble
    assert plan.preamble.startswith("为贯彻落实")
    assert _leads(plan) == [
        ["省商务厅", "省住房和城乡建设厅", "省自然资源厅", "各市州人民政府"],
        ["省商务厅", "省市场监管局", "各市州人民政府"],
        ["省市场监管局", "省工业和信息化厅"],
    ]


CITY = (FORWARDED / "city-office-forwards-cited-only.txt").read_text("utf-8")


def test_city_office_forwards_an_untitled_document():
    # no title line: the notice's text names it in 《》, with its 的
    plan = parse_plan(load_document(str(FORWARDED / "city-office-forwards-cited-only.txt")))
    assert plan.title == "关于加快冷链物流发展的意见"
    assert (plan.level, plan.jurisdiction) == ("city", "某某市")
    assert plan.preamble.startswith("为加快冷链物流发展")
    assert _leads(plan) == [
        ["市农业农村局", "市发展改革委", "各县(市、区)人民政府"],
        ["市商务局", "市住房和城乡建设局", "各县(市、区)人民政府"],
        ["市交通运输局", "市人力资源和社会保障局", "各县(市、区)人民政府"],
    ]


@pytest.mark.parametrize(
    ("old", "new", "title", "issuers"),
    [
        # not named in 《》 either: the heading's own words for it
        ("市发展改革委《关于加快冷链物流发展的意见》已经", "市发展改革委的意见已经", "关于加快冷链物流发展意见", None),
        # 转发 without 关于 before it; the notice unsigned: its issuer is the heading's
        ("某某市人民政府办公室关于转发", "某某市人民政府办公室转发", "关于加快冷链物流发展的意见", None),
        ("某某市人民政府办公室\n2025年3月5日\n", "", "关于加快冷链物流发展的意见", ["某某市人民政府办公室"]),
    ],
)  # fmt: skip
def test_city_variants(doc_of, old, new, title, issuers):
    assert old in CITY
    plan = parse_plan(doc_of(CITY.replace(old, new), normalise=True))
    assert plan.title == title and plan.level == "city" and len(plan.measures) == 3
    if issuers is not None:
        assert plan.issuers == issuers


def test_issuer_before_a_title_without_guan_yu(doc_of):
    # 转发国务院国资委以管资本为主…方案的通知: where the body's name ends, the notice's 《》 shows
    text = "\n".join(
        [
            "国务院办公厅转发国务院国资委以管资本为主推进职能转变方案的通知",
            "国办发〔2017〕38号",
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
            "国务院国资委《以管资本为主推进职能转变方案》已经国务院同意，现转发给你们，请认真贯彻执行。",
            "国务院办公厅",
            "2017年4月27日",
            "一、主要任务",
            "1.调整优化监管职能。（国务院国资委负责）",
            "2.改进监管方式。（国务院国资委、财政部等和各省级人民政府按职责分工负责）",
        ]
    )
    plan = parse_plan(doc_of(text, normalise=True))
    assert plan.title == "以管资本为主推进职能转变方案" and plan.level == "national"
    assert _leads(plan)[1] == ["国务院国资委", "财政部", "各省级人民政府"]
