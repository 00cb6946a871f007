"""The verbs and marks of a responsibility clause that blind sets 20–23 showed plans of every level using and the
reader did not know (rulesets/data/roles.yaml `verbs`):

- lead verbs of a clause: 抓总, 负总责, 为主; manner words between a list and its verb: 双牵头, 按职责分工牵头,
  Y按属地落实, Y、Z具体落实, Y、Z协同落实;
- support verbs after a lead part: 支持, 落实 (具体/协同/按属地), 负责落实; a third part "，C按属地落实";
- "（由X组织实施）" alone: X answers for the measure;
- a role mark after a unit, any bracket, any role word: X〔牵头〕, X（牵头）、Y（配合）; "责任单位：A、B、C（A牵头）";
- a dash before the clause ("——X牵头，Y配合。") is no part of the lead's name; a clause in 〔〕.

And the same words in prose assign no one: "企业为主体", "以X为主", "支持企业…", "由X为主…", "…负总责" of a sentence.
"""

from __future__ import annotations

import pytest

from engine.extract import extract_responsibility
from engine.ingest import from_text
from engine.parse import parse_plan

BODY = "开展专项行动，每年培训从业人员500人次。"


def _roles(text: str) -> tuple[list[str], list[str]] | None:
    r = extract_responsibility(text, prose=True)
    return None if r is None else ([u.name for u in r.lead], [u.name for u in r.support])


# (clause, leads, supports): several levels (部 司局, 省 厅, 市/县 局, 镇 办/所)
CLAUSES = [
    # 抓总
    ("（镇旅游办抓总，镇村建办、镇财政所等单位配合）", ["镇旅游办"], ["镇村建办", "镇财政所"]),
    ("（市工业和信息化局抓总，市财政局、市发展改革委配合）", ["市工业和信息化局"], ["市财政局", "市发展改革委"]),
    ("（镇文化站抓总）", ["镇文化站"], []),
    ("（市商务局抓总，各县市区人民政府、市高新区管委会负责落实）", ["市商务局"], ["各县市区人民政府", "市高新区管委会"]),
    # 负总责
    ("（省农业农村厅负总责，省林业局、省自然资源厅具体落实）", ["省农业农村厅"], ["省林业局", "省自然资源厅"]),
    ("（市经济和信息化局负总责，市投资促进局、市新区管委会协同落实）", ["市经济和信息化局"], ["市投资促进局", "市新区管委会"]),
    ("（县水利局、县农业农村局负总责，县林业和草原局配合）", ["县水利局", "县农业农村局"], ["县林业和草原局"]),
    ("（县农业农村局负总责）", ["县农业农村局"], []),
    # 为主
    ("（镇经济发展局为主，镇财政和资产管理局协同）", ["镇经济发展局"], ["镇财政和资产管理局"]),
    ("（县林业局为主，县公安局协助）", ["县林业局"], ["县公安局"]),
    ("（镇建设局为主，镇经济发展局、镇社会事业局协同）", ["镇建设局"], ["镇经济发展局", "镇社会事业局"]),
    # manner words before the lead verb
    ("（市市场监管局、市公安局双牵头，市商务局配合）", ["市市场监管局", "市公安局"], ["市商务局"]),
    ("（市商务委、市经济信息委按职责分工牵头，市财政局配合）", ["市商务委", "市经济信息委"], ["市财政局"]),
    ("（市人力社保局、市教委按职责分工牵头）", ["市人力社保局", "市教委"], []),
    # 支持 after a lead
    ("（省农业农村厅牵头，省科技厅、省财政厅支持）", ["省农业农村厅"], ["省科技厅", "省财政厅"]),
    ("（县商务局牵头，县广播电视局支持）", ["县商务局"], ["县广播电视局"]),
    # a third part: the governments below carry it out where they are
    ("（市商务局牵头，市发展改革委、市交通运输局等部门配合，各区县人民政府按属地落实）",
     ["市商务局"], ["市发展改革委", "市交通运输局", "各区县人民政府"]),
    ("（县农业农村局牵头，县财政局配合，各乡镇人民政府按属地落实）", ["县农业农村局"], ["县财政局", "各乡镇人民政府"]),
    # (由X组织实施) alone
    ("（由各镇（街道）组织实施）", ["各镇（街道）"], []),
    ("（由县文化和旅游局组织实施）", ["县文化和旅游局"], []),
    # role marks after a unit, any bracket
    ("（责任单位：风险监测和综合减灾司〔牵头〕，救灾和物资保障司，各省级应急管理部门）",
     ["风险监测和综合减灾司"], ["救灾和物资保障司", "各省级应急管理部门"]),
    ("（责任单位：规划财务司，救灾和物资保障司〔牵头〕）", ["救灾和物资保障司"], ["规划财务司"]),
    ("（责任单位：县交通运输局（牵头）、县商务局（配合）、各乡镇（街道）（配合））",
     ["县交通运输局"], ["县商务局", "各乡镇（街道）"]),
    ("（责任单位：县农业农村局(牵头)、县市场监管局(牵头)、县商务局(配合)）",
     ["县农业农村局", "县市场监管局"], ["县商务局"]),
    ("（责任单位：镇经济发展办、镇财政所【配合】）", ["镇经济发展办"], ["镇财政所"]),
    # a clause in 〔〕
    ("〔牵头：市场管理司；协同：政策法规司、文化和旅游部信息中心〕", ["市场管理司"], ["政策法规司", "文化和旅游部信息中心"]),
    ("〔各省级文化和旅游行政部门负责〕", ["各省级文化和旅游行政部门"], []),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), CLAUSES)
def test_a_clause_with_a_verb_or_mark_of_the_data_is_read(clause, lead, support):
    assert _roles(BODY + clause) == (lead, support)


# the lead named again after a labelled list, on its own line, and a dash opening an unbracketed clause
LINES = [
    ("\n责任单位：地区农业农村局、额敏县人民政府、裕民县人民政府（地区农业农村局牵头）",
     ["地区农业农村局"], ["额敏县人民政府", "裕民县人民政府"]),
    ("\n责任单位：县商务局、县财政局（县商务局牵头）", ["县商务局"], ["县财政局"]),
    ("\n责任单位：市科技局、市教育局、市人社局(市科技局、市教育局牵头)", ["市科技局", "市教育局"], ["市人社局"]),
    ("——市畜牧水产事务中心牵头，市农业农村局、湖南农业大学配合。", ["市畜牧水产事务中心"], ["市农业农村局", "湖南农业大学"]),
    ("——市商务局、市农业农村局按职责分工负责。", ["市商务局", "市农业农村局"], []),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), LINES)
def test_a_lead_named_again_or_a_dash_before_the_clause_is_no_part_of_a_name(clause, lead, support):
    assert _roles(BODY + clause) == (lead, support)


# the same words where they assign no one, each beside the clause that uses them (so the test says the reader tells
# the two apart): (prose, what the prose gives, a clause with the same verb, what it gives)
NEGATIVES = [
    (BODY + "（以企业为主）", None, "（县商务局为主，县财政局协同）", (["县商务局"], ["县财政局"])),
    (BODY + "（企业为主）", None, "（镇经济发展办为主）", (["镇经济发展办"], [])),
    (BODY + "（以县农业农村局为主，县财政局支持）", None, "（县农业农村局牵头，县财政局支持）",
     (["县农业农村局"], ["县财政局"])),
    ("坚持企业为主体、市场为导向，支持企业开展技术改造。", None, "（省工业和信息化厅为主，省科技厅支持）",
     (["省工业和信息化厅"], ["省科技厅"])),
    ("由企业为主体开展品牌建设，政府给予支持。", None, "（市商务局抓总，市市场监管局支持）",
     (["市商务局"], ["市市场监管局"])),
    ("各乡镇党政主要负责人负总责，支持企业扩大生产。", None, "（县发展和改革局负总责，各乡镇人民政府具体落实）",
     (["县发展和改革局"], ["各乡镇人民政府"])),
    ("由市商务局牵头，支持企业参加展会。", (["市商务局"], []), "（市商务局牵头，市贸促会支持）",
     (["市商务局"], ["市贸促会"])),
    ("实行县级领导包抓，乡镇主要领导负总责。", None, "（县应急管理局负总责）", (["县应急管理局"], [])),
]  # fmt: skip


@pytest.mark.parametrize(("prose", "prose_roles", "clause", "clause_roles"), NEGATIVES)
def test_the_words_of_prose_name_no_unit_where_a_clause_with_them_does(prose, prose_roles, clause, clause_roles):
    assert (_roles(prose), _roles(BODY + clause)) == (prose_roles, clause_roles)


TRAD_PLAN = """某縣紅棗產業發展實施方案

一、主要任務
（一）擴大種植規模。新建標準化棗園1萬畝。（縣林業和草原局負總責，縣農業農村局、各鄉鎮人民政府配合）
（二）提升加工水平。培育加工企業5家。（縣工業和信息化局抓總，縣發展和改革委員會、縣商務局具體落實）
（三）打造區域品牌。舉辦紅棗文化節。（縣商務局為主，縣市場監督管理局協同）
（四）拓展銷售市場。發展電商直播。（縣商務局牽頭，縣郵政分公司支持）
（五）強化科技支撐。開展技術培訓。
責任單位：縣科技局、縣農業農村局、縣林業和草原局（縣科技局牽頭）
（六）發展文化旅遊。打造紅棗主題小鎮。（由各鄉鎮組織實施）
"""


def test_a_traditional_character_plan_reads_the_same_verbs_and_marks():
    plan = parse_plan(from_text(TRAD_PLAN))
    got = [(m.ref, m.lead_units, m.support_units) for m in plan.measures]
    assert got == [
        ("(一)", ["县林业和草原局"], ["县农业农村局", "各乡镇人民政府"]),
        ("(二)", ["县工业和信息化局"], ["县发展和改革委员会", "县商务局"]),
        ("(三)", ["县商务局"], ["县市场监督管理局"]),
        ("(四)", ["县商务局"], ["县邮政分公司"]),
        ("(五)", ["县科技局"], ["县农业农村局", "县林业和草原局"]),
        ("(六)", ["各乡镇"], []),
    ]
