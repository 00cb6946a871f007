"""Three classes blind40 showed (fixtures/fix40a/ models each with other offices; see its README):

1. "由X统筹，Y、Z按职责抓好落实" (统筹推进; 按职责分工抓好落实, 按职责做好/推进落实), in a bracket and closing the measure's
   paragraph, 繁體 too: X leads, Y and Z support, and "按职责" is never part of a name (prose_roles.yaml lead and support
   predicates, read by a bracket's clause as by a sentence);
2. the bare label "责任：X、Y" on the line after a measure (roles.yaml labels.bare.duty): all lead, "X（牵头）" marks the
   lead; never after an ideograph ("主体责任：") and never where its value names no body ("责任：落实到人");
3. the articles of a 规章 / 办法 (第X条): the article's subject bears its duty, "X负责…", "X、Y按照职责分工负责…", "X会同
   Y…" (textleads: responsibility.article_subject), while "X负责…" in a plan's item stays a duty described.
"""

from __future__ import annotations

import pytest

from engine.extract.responsibility import article_subject
from engine.ingest import from_text
from engine.ingest.normalise import to_simplified
from engine.parse import parse_plan
from tests.extract.prose_plans import roles_of

TASK = "完善街区基础设施，2027年底前完成管网改造。"


CO_ORDINATED = [
    ("（由市住房城乡建设局统筹，市城市管理局、市水务局按职责抓好落实）", ["市住房城乡建设局"], ["市城市管理局", "市水务局"]),
    ("（由市民政局统筹推进，市卫生健康局按职责分工抓好落实）", ["市民政局"], ["市卫生健康局"]),
    ("（市民政局统筹，市卫生健康局、各区人民政府按职责做好落实）", ["市民政局"], ["市卫生健康局", "各区人民政府"]),
    ("由县财政局统筹，县审计局按职责抓好落实。", ["县财政局"], ["县审计局"]),
    ("由县发展和改革局统筹推进，县教育局、县卫生健康局按职责推进落实。", ["县发展和改革局"], ["县教育局", "县卫生健康局"]),
    ("由州林業和草原局統籌，州氣象局、各縣市人民政府按職責抓好落實。", ["州林业和草原局"], ["州气象局", "各县市人民政府"]),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), CO_ORDINATED)
def test_the_co_ordinating_unit_leads_and_those_that_carry_it_out_support(clause, lead, support):
    assert roles_of(to_simplified(TASK + clause)) == (lead, support)  # as ingest folds 繁體 before reading


def test_co_ordinating_words_in_running_text_assign_no_one():
    assert roles_of(TASK + "由市发展改革委统筹安排资金，确保按期完成。") is None
    assert roles_of(TASK + "各区要统筹推进，按职责抓好落实。") is None


def _units_of(text: str) -> list[tuple[list[str], list[str]]]:
    plan = parse_plan(from_text(text, "t.txt"))
    return [(m.lead_units, m.support_units) for m in plan.measures]


BARE = "某某镇人居环境整治工作方案\n一、重点任务\n（一）整治村庄环境。清理房前屋后垃圾。\n{line}\n（二）加强督查。每月通报一次。\n二、保障措施\n（一）加强领导。\n"


@pytest.mark.parametrize(
    ("line", "lead", "support"),
    [
        ("责任：镇村建办、各村委会", ["镇村建办", "各村委会"], []),
        ("责任：镇村建办（牵头）、镇财政所、各村委会", ["镇村建办"], ["镇财政所", "各村委会"]),
        ("责任：落实到村、到户", [], []),
        ("各村要压实主体责任：镇村建办每月检查。", [], []),
    ],
)
def test_a_bare_duty_label_names_units_only_where_its_value_is_bodies(line, lead, support):
    assert _units_of(BARE.format(line=line))[0] == (lead, support)


def test_an_article_s_subject_bears_its_duty_but_an_item_s_does_not():
    body = "县交通运输局负责全县农村公路养护的行业管理，制定年度养护计划。"
    article = f"某县农村公路养护管理办法\n第一条　为加强养护管理，制定本办法。\n第二条　{body}\n第三条　本办法自2026年5月1日起施行。\n"
    item = f"某县农村公路养护工作方案\n一、主要任务\n（一）加强行业管理。{body}\n二、工作要求\n（一）加强领导。\n"
    assert (["县交通运输局"], []) in _units_of(article)
    assert _units_of(item)[0] == ([], [])


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("州交通运输局会同州公安局在公路路段设置警示标志。", ["州交通运输局"], ["州公安局"]),
        ("州财政局、州林业和草原局按照职责分工负责保险的资金保障。", ["州财政局", "州林业和草原局"], []),
        ("县公安局、县交通运输局按照各自职责负责路政巡查。", ["县公安局", "县交通运输局"], []),
        ("有关部门负责做好配合工作。", None, None),
        ("任何单位和个人不得破坏公路设施。", None, None),
        ("县交通运输局负责人应当定期检查。", None, None),
    ],
)
def test_article_subject(text, lead, support):
    r = article_subject(text)
    assert (None if r is None else [u.name for u in r.lead]) == lead
    assert (None if r is None else [u.name for u in r.support]) == support


@pytest.mark.parametrize(
    ("name", "jurisdiction", "parent", "kept"),
    [
        ("自治区文化厅", "西藏自治区", "", True),  # 西藏's reform kept its 文化厅 (unit_registry.yaml `kept_in`)
        ("西藏自治区文化厅", "拉萨市", "西藏自治区", True),
        ("自治区文化厅", "拉萨市", "西藏自治区", True),
        ("省文化厅", "云南省", "", False),  # merged into the 文化和旅游厅 everywhere else
        ("自治区文化厅", "广西壮族自治区", "", False),
    ],
)
def test_a_rename_is_current_where_its_place_kept_the_name(name, jurisdiction, parent, kept):
    from engine.extract.unitnames import Where, load_registry, read_unit, status_of

    level = "province" if jurisdiction.endswith(("省", "自治区")) else "city"
    read = read_unit(name, Where(level, jurisdiction, parent), load_registry())
    assert (status_of(read, "2026-04-16") != "outdated") == kept
