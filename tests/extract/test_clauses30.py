"""Two clause forms of held-out provincial plans (blind31 新疆, blind32 上海 繁體) that the reader got wrong, as classes
(fixtures/clauses30/ rebuilds them with other places):

- a lead verb of the co-ordinating unit, 统筹 (统筹协调, 总牵头, 牵总), closing the lead part of a clause, and a
  support part closed by 按职责分工落实 / 分工落实 / 抓好落实: "（X统筹，Y、Z按职责分工落实）" gives X the lead and Y, Z
  the support (roles.yaml `clause_lead`, `lead`, `joint`), in a duty field ("（责任部门：X统筹，…）") and in
  traditional characters (統籌, folded by ingest); 统筹 in running text ("统筹用好…") assigns no one;
- several complete two-role clauses in one bracket split by "；", one for each part of the measure:
  "（A牵头，B配合；C牵头，D配合）" gives the leads A, C and the support B, D (`_paired_parts`); a "；" that only
  separates the roles of one clause ("A牵头；B、C配合") is read as before (the 普洱市 fixture's (三) and (五)).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract import extract_responsibility
from engine.pipeline import load_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "clauses30"
BODY = "完善冷链物流设施网络，2028年底前新增冷库库容50万吨。"


def _roles(text: str) -> tuple[list[str], list[str]] | None:
    r = extract_responsibility(text, prose=True)
    return None if r is None else ([u.name for u in r.lead], [u.name for u in r.support])


def _units(name: str) -> dict[str, tuple[list[str], list[str]]]:
    plan = load_plan(str(FIXTURES / name))
    return {m.label: (m.lead_units, m.support_units) for m in plan.measures}


COORDINATING = [
    ("（省发展改革委统筹，省交通运输厅、省商务厅按职责分工落实）", ["省发展改革委"], ["省交通运输厅", "省商务厅"]),
    ("（责任部门：市交通委统筹，宝山区政府、市发展改革委按职责分工落实）", ["市交通委"], ["宝山区政府", "市发展改革委"]),
    ("（责任单位：省发展改革委统筹，省财政厅按职责分工落实）", ["省发展改革委"], ["省财政厅"]),
    ("（省农业农村厅统筹协调，省财政厅、省供销社配合）", ["省农业农村厅"], ["省财政厅", "省供销社"]),
    ("（省交通运输厅总牵头，省公安厅、省商务厅分工落实）", ["省交通运输厅"], ["省公安厅", "省商务厅"]),
    ("（省海洋渔业局牵总，沿海各设区市人民政府抓好落实）", ["省海洋渔业局"], ["沿海各设区市人民政府"]),
    ("（省商务厅、福州海关统筹，厦门海关按职责分工落实）", ["省商务厅", "福州海关"], ["厦门海关"]),
    ("（省市场监管局统筹）", ["省市场监管局"], []),
    # 分工落实 after 牵头 too: "分工" is no part of the last unit's name
    ("（市发展改革委牵头，市财政局、市商务局分工落实）", ["市发展改革委"], ["市财政局", "市商务局"]),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), COORDINATING)
def test_the_coordinating_unit_leads_and_the_units_carrying_out_support(clause, lead, support):
    assert _roles(BODY + clause) == (lead, support)


@pytest.mark.parametrize(
    "text",
    [
        "统筹用好中央和省级专项资金，对冷链物流项目用地予以优先保障。",
        "建立省冷链物流发展工作协调机制，统筹推进重大项目建设，协调解决跨部门重大问题。",
        "（企业统筹，政府引导）",  # a principle: a kind of body, no named unit
    ],
)
def test_tongchou_in_running_text_assigns_no_one(text):
    assert _roles(text) is None
    assert _roles(text + "（省发展改革委统筹）") == (["省发展改革委"], [])  # the clause closing it does


def test_a_traditional_province_plan_reads_its_coordinating_clauses():
    assert _units("fujian-province-cold-chain-trad.txt") == {
        "(一)": (["省发展改革委"], ["省交通运输厅", "省商务厅", "有关设区市人民政府"]),
        "(二)": (["省农业农村厅"], ["省财政厅", "省供销社"]),
        "(三)": (["省交通运输厅"], ["省公安厅", "省商务厅"]),
        "(四)": (["省海洋渔业局"], ["沿海各设区市人民政府"]),
        "(五)": (["省商务厅", "福州海关"], ["厦门海关", "省市场监管局"]),
        "(六)": (["省市场监管局"], []),
        "(七)": (["省商务厅", "省国资委"], []),
    }


PAIRS = [
    ("（市工业和信息化局牵头，市科技局配合；市农业农村局牵头，市市场监管局配合）",
     ["市工业和信息化局", "市农业农村局"], ["市科技局", "市市场监管局"]),
    ("（自治区畜牧兽医局牵头，各地（州、市）人民政府（行政公署）配合；乌鲁木齐海关牵头，自治区体育局配合）",
     ["自治区畜牧兽医局", "乌鲁木齐海关"], ["各地（州、市）人民政府（行政公署）", "自治区体育局"]),
    # three pairs; a unit that leads one pair and supports another leads
    ("（市商务局牵头，市农业农村局配合；市文化和旅游局牵头，市商务局配合；市林草局牵头，市财政局配合）",
     ["市商务局", "市文化和旅游局", "市林草局"], ["市农业农村局", "市财政局"]),
    # pairs written with other verbs of the data
    ("（市农业农村局负责，市财政局配合；市林草局牵头，市自然资源局参与）",
     ["市农业农村局", "市林草局"], ["市财政局", "市自然资源局"]),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), PAIRS)
def test_each_pair_of_a_bracket_split_by_semicolons_names_its_lead(clause, lead, support):
    assert _roles(BODY + clause) == (lead, support)


def test_a_city_plan_of_paired_clauses():
    got = _units("puer-city-tea-paired-clauses.txt")
    assert got["(一)"] == (["市农业农村局", "市林草局"], ["市财政局", "市生态环境局", "市自然资源局", "市文化和旅游局"])
    assert got["(二)"] == (["市工业和信息化局", "市农业农村局"], ["市科技局", "市市场监管局"])
    # a ；between the roles of one clause (the second part names no lead) and a last part of units answering by their
    # duties beside a pair (it supports) are read as before
    assert got["(三)"] == (["市市场监管局"], ["市农业农村局", "市公安局"])
    assert got["(五)"] == (["市商务局"], ["市邮政管理局", "各县(区)人民政府"])
    assert got["(四)"] == (["市商务局", "市文化和旅游局"], ["市农业农村局"])
    assert got["(六)"] == (["市人力资源社会保障局", "市教育体育局"], [])
