"""Responsibility labels in their common forms, read as lead / support units (branch labels36; fixtures/labels36/).

The held-out sets met a new role wording in about one plan in ten (blind34 中国气象局 "牵头承办：X；协同承办：Y",
blind35 凉山州 "推进单位：X（牵头）、Y、Z" read as no units). The label lexicon is rulesets/data/roles.yaml (each word
with its source): a role stem and a body noun (牵头 + 单位), a bare stem before a colon (牵头：), whole labels (推进单位),
and now a role word before a duty stem (牵头 + 承办, 协同 + 承办: `labels.bare_duty`). Also read here:

- a duty label's value mixing "X为牵头单位" with a bare list ("推进单位：X为牵头单位，Y、Z": X leads, Y and Z take part);
- an unlabelled list with its lead marked inside ("（X（牵头）、Y、Z）", "（X、Y、Z（X牵头））", "（X、Y、Z，其中X牵头）");
- the labels naming an official (责任领导, 责任市领导, 包挂领导, 联系县领导: roles.yaml `people`) are people: their
  field is skipped wherever it stands, never read into a unit's name;
- a bare label whose value names no body ("（二）牵头：统筹推进全县产业发展。") is prose, no clause.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract import extract_responsibility
from engine.extract.responsibility import parse_clause_content
from engine.ingest.tables import column_role
from engine.pipeline import load_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "labels36"
BODY = "推进稻渔综合种养基地建设，2026年底前新增标准化基地20万亩。"


def _roles(name: str) -> list[tuple[list[str], list[str]]]:
    return [(list(m.lead_units), list(m.support_units)) for m in load_plan(str(FIXTURES / name)).measures]


# each plan's tasks, as read by hand from the document (fixtures/labels36/README.md says which form each shows)
PLANS = {
    "national-forestry-seedlings-chengban.txt": [
        (["国有林场和种苗管理司"], ["规划财务司", "各省级林业和草原主管部门"]),  # 牵头承办 / 协同承办
        (["国有林场和种苗管理司"], ["科学技术司"]),  # 牵头承办单位 / 协同承办单位
        (["国有林场和种苗管理司"], ["规划财务司", "国家林业和草原局信息中心"]),  # (X（牵头）、Y、Z)
        (["国有林场和种苗管理司"], ["森林资源管理司", "各省级林业和草原主管部门"]),  # (X、Y、Z，其中X牵头)
    ],
    "zhejiang-province-tea-zhuban.txt": [
        (["省农业农村厅"], ["省财政厅", "省自然资源厅"]),  # 主办单位 / 协办单位
        (["省经信厅"], ["省农业农村厅", "省科技厅"]),  # 承办单位 / 协办单位
        (["省农业农村厅"], ["省商务厅", "省文化广电和旅游厅"]),  # 主责单位 / 协同单位
        (["科技教育处"], ["种植业管理处", "省农业技术推广中心"]),  # 责任处室 / 配合处室
        (["省商务厅"], ["省农业农村厅", "杭州海关"]),  # 牵头部门 / 参与部门
        (["省市场监管局"], ["省农业农村厅", "省供销社"]),  # (X（主办）、Y、Z)
        (["省农业农村厅"], ["省财政厅", "省供销社"]),  # 责任单位：X为牵头单位，Y、Z
    ],
    "qiandongnan-prefecture-rice-fish-tuijin.txt": [
        (["州农业农村局"], ["州水务局", "各县(市)人民政府"]),  # 推进单位：X（牵头）、Y、Z
        (["州农业农村局"], ["州财政局", "州市场监管局"]),  # 推进单位：X为牵头单位，Y、Z
        (["州市场监管局"], ["州农业农村局", "州商务局"]),  # 推进部门：X（牵头单位）、Y、Z
        (["州文体广电旅游局", "州农业农村局"], []),  # 落实单位: jointly
        (["各县(市)人民政府"], []),  # 实施主体
    ],
    "huoqiu-county-crayfish-canyu.txt": [
        (["县农业农村局"], ["县财政局", "县水利局"]),  # 主要负责单位 / 协助单位
        (["县农业农村局"], ["县科技局", "各乡镇人民政府"]),  # 牵头单位 / 参与单位
        (["县经济和信息化局"], ["县商务局", "开发区管委会"]),  # 牵头单位 / 协作单位
        (["县商务局"], ["县交通运输局", "县邮政管理局"]),  # 责任县领导 (a person), 牵头部门 / 配合部门
        (["县市场监管局"], ["县农业农村局", "县文化旅游体育局"]),  # (X、Y、Z（X牵头）)
        (["县市场监管局"], ["县农业农村局", "各乡镇人民政府"]),  # (X、Y、Z，其中X牵头)
        (["县生态环境分局"], ["县农业农村局"]),  # …；联系县领导：副县长 王振东 (a person, after the units)
    ],
    "shuanglong-town-kiwi-baogua.txt": [
        (["镇农业综合服务中心"], ["镇财政所", "各村(社区)"]),  # 包挂领导 / 牵头办所 / 协助办所
        (["镇农业综合服务中心"], ["各村(社区)"]),
        (["镇经济发展办"], ["镇财政所", "镇规划建设办"]),  # 落实单位 with ★ (legend: 标★的为牵头单位)
        (["镇团委"], ["镇经济发展办"]),  # the ★ unit listed second
        (["各村(社区)"], []),  # 责任主体
    ],
}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_each_plan_reads_every_task_s_lead_and_support(name):
    assert _roles(name) == PLANS[name]


# label pairs (and single duty labels) of real plans: (clause, lead, support); names as written (no ingest here)
LABEL_PAIRS = [
    ("牵头承办：中国气象局人工影响天气中心；协同承办：减灾司、各省（区、市）气象局",
     ["中国气象局人工影响天气中心"], ["减灾司", "各省（区、市）气象局"]),
    ("牵头承办：预报司；配合承办：观测司", ["预报司"], ["观测司"]),
    ("牵头落实：县农业农村局；配合落实：县财政局、县水利局", ["县农业农村局"], ["县财政局", "县水利局"]),
    ("牵头实施：镇经济发展办；协助实施：镇财政所", ["镇经济发展办"], ["镇财政所"]),
    ("推进单位：州农业农村局（牵头）、州科技局、各县（市）人民政府",
     ["州农业农村局"], ["州科技局", "各县（市）人民政府"]),
    ("推进单位：州农业农村局、州科技局", ["州农业农村局", "州科技局"], []),
    ("推进部门：县商务局（牵头单位）、县财政局", ["县商务局"], ["县财政局"]),
    ("推进主体：各乡镇人民政府", ["各乡镇人民政府"], []),
    ("推进单位：县农业农村局为牵头单位，县财政局、县水利局", ["县农业农村局"], ["县财政局", "县水利局"]),
    ("责任单位：县农业农村局为牵头单位，县财政局、县水利局", ["县农业农村局"], ["县财政局", "县水利局"]),
    ("主办单位：省农业农村厅；协办单位：省财政厅", ["省农业农村厅"], ["省财政厅"]),
    ("承办单位：省经信厅；协办单位：省科技厅", ["省经信厅"], ["省科技厅"]),
    ("主责单位：市农业农村局；协同单位：市财政局", ["市农业农村局"], ["市财政局"]),
    ("牵头部门：县商务局；参与部门：县财政局", ["县商务局"], ["县财政局"]),
    ("主要负责单位：县农业农村局；协助单位：县财政局", ["县农业农村局"], ["县财政局"]),
    ("牵头单位：县经济和信息化局；协作单位：县商务局", ["县经济和信息化局"], ["县商务局"]),
    ("责任处室：种植业管理处；配合处室：科技教育处", ["种植业管理处"], ["科技教育处"]),
    ("实施主体：各乡镇人民政府、县农业农村局", ["各乡镇人民政府", "县农业农村局"], []),
    ("落实单位：各村（社区）", ["各村（社区）"], []),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), LABEL_PAIRS)
def test_a_label_pair_reads_lead_and_support(clause, lead, support):
    got = parse_clause_content(clause)
    assert got is not None
    assert (list(got[0]), list(got[1])) == (lead, support)


# a single list, no label, the lead marked inside it: (bracket, lead, support)
MARKED_LISTS = [
    ("（县农业农村局（牵头）、县财政局、县水利局）", ["县农业农村局"], ["县财政局", "县水利局"]),
    ("（县财政局、县农业农村局（牵头单位））", ["县农业农村局"], ["县财政局"]),
    ("（省市场监管局（主办）、省农业农村厅）", ["省市场监管局"], ["省农业农村厅"]),
    ("（县财政局、县农业农村局、县水利局（县农业农村局牵头））", ["县农业农村局"], ["县财政局", "县水利局"]),
    ("（县农业农村局、县财政局、县水利局，其中县农业农村局牵头）", ["县农业农村局"], ["县财政局", "县水利局"]),
]  # fmt: skip


@pytest.mark.parametrize(("bracket", "lead", "support"), MARKED_LISTS)
def test_a_lead_marked_inside_an_unlabelled_list(bracket, lead, support):
    r = extract_responsibility(BODY + bracket)
    assert r is not None
    assert ([u.name for u in r.lead], [u.name for u in r.support]) == (lead, support)


@pytest.mark.parametrize("bracket", ["（试行）", "（2026年（牵头）、县财政局）", "（征求意见稿）"])
def test_a_bracket_that_names_no_body_is_no_marked_list(bracket):
    assert extract_responsibility(BODY + bracket) is None


# an official's label (a title and a name) beside the units, before or after them, in a bracket or a line
PEOPLE = [
    ("（包挂领导：陈建华；牵头单位：镇经济发展办；配合单位：镇财政所）", ["镇经济发展办"], ["镇财政所"]),
    ("（责任市领导：刘志刚；牵头单位：市商务局；配合单位：市财政局）", ["市商务局"], ["市财政局"]),
    ("（牵头单位：县商务局；配合单位：县财政局；责任县领导：刘志刚）", ["县商务局"], ["县财政局"]),
    ("（牵头单位：县商务局；配合单位：县财政局；分管县领导：副县长刘志刚）", ["县商务局"], ["县财政局"]),
    ("\n牵头单位：县商务局　配合单位：县财政局　包挂领导：陈建华", ["县商务局"], ["县财政局"]),
    ("\n联系领导：副县长 刘志刚\n推进单位：县商务局（牵头）、县财政局", ["县商务局"], ["县财政局"]),
    ("（挂钩市领导：王海；责任单位：市农业农村局、市财政局）", ["市农业农村局", "市财政局"], []),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), PEOPLE)
def test_an_official_s_field_is_a_person_never_a_unit(clause, lead, support):
    r = extract_responsibility(BODY + clause)
    assert r is not None
    assert ([u.name for u in r.lead], [u.name for u in r.support]) == (lead, support)


@pytest.mark.parametrize("line", ["（责任领导：王振东）", "\n责任领导：副县长 王振东", "\n联系领导：县委常委、副县长 刘志强",
                                  "（分管领导：王振东）"])
def test_an_official_alone_names_no_unit(line):
    assert extract_responsibility(BODY + line) is None


@pytest.mark.parametrize("head", ["责任市领导", "包挂领导", "分管县领导", "联系领导", "挂钩市领导", "责任人"])
def test_an_official_s_column_is_a_person_column(head):
    assert column_role(head) == "person"


@pytest.mark.parametrize(("head", "role"), [
    ("推进单位", "duty"), ("牵头承办单位", "lead"), ("协同承办单位", "support"), ("其他责任单位", "support"),
    ("第一责任单位", "lead"),
])  # fmt: skip
def test_a_table_header_is_read_by_its_longest_label(head, role):
    assert column_role(head) == role


@pytest.mark.parametrize("text", [
    "（二）牵头：统筹推进全县产业发展。",  # a bare label whose value names no body
    "（二）牵头落实：统筹推进全县产业发展工作。",
    "二、协同推进：加强部门协作，形成工作合力。",  # 推进 is no bare stem: a heading
    "（二）牵头负责：统筹推进全县产业发展。",  # 负责 is no bare_duty stem: a list of duties
])  # fmt: skip
def test_prose_after_a_bare_label_is_no_clause(text):
    assert extract_responsibility(text) is None


def test_a_working_group_s_members_named_with_tui_jin_stay_one_unit():
    # 推进 is a whole-label word (推进单位), never a stem composed with every body noun: the name stays whole
    got = parse_clause_content("牵头单位：县农业农村局；配合单位：县乡村振兴工作推进领导小组成员单位")
    assert got is not None
    assert list(got[1]) == ["县乡村振兴工作推进领导小组成员单位"]
