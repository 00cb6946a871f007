"""A responsibility label is a role stem and the issuing office's OWN noun for its bodies (branch labels36b;
fixtures/labels36b/).

blind36 淄博市公安局 printed "主责警种：X" / "协同警种：Y、Z" and no unit was read: 警种 was no body noun of
rulesets/data/roles.yaml, while 牵头股室 was read because 股室 is. Each office names the bodies it gives work to in its
own word (a police bureau's 警种 / 大队 / 中队, a county bureau's 股室 / 股, a hospital's 科室 / 科 / 病区, a town's
站所 / 片区 / 网格 / 专班), so the noun is open: a role stem of the data (牵头, 主责, 协同, 配合, 主办, 协办, 责任 …) and
any noun of one to three characters, in label position (not after an ideograph) with a colon after it, the noun
naming no person (责任人, 主办民警) and no facet of the task (实施时间, 实施范围), and its value naming bodies only.

In the same reader: a label never starts inside a word ("县乡村振兴战略实施领导小组成员单位" is one unit, not
"县乡村振兴战略" under the label 实施 + 领导小组成员单位); 指导单位 names the office that guides a task (an oversight
field like 督办单位, no unit of it); a site's sponsor line "主办：X　承办：Y" is no task's roles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract import extract_responsibility
from engine.extract.responsibility import parse_clause_content
from engine.pipeline import load_plan

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "labels36b"
TASK = "推进重点任务落实，2026年底前完成年度目标。"


def _roles(name: str) -> list[tuple[list[str], list[str]]]:
    return [(list(m.lead_units), list(m.support_units)) for m in load_plan(str(FIXTURES / name)).measures]


# each plan's tasks, as read by hand from the document (fixtures/labels36b/README.md says which form each shows)
PLANS = {
    "deqing-county-police-ebike-jingzhong.txt": [
        (["交警大队"], ["治安大队", "各派出所"]),  # 主责警种 / 协同警种, a line each
        (["治安大队"], ["交警大队", "食药环侦大队"]),  # (主办警种：X；协办警种：Y、Z)
        (["刑侦大队"], ["网安大队", "科技信息化大队"]),  # 牵头大队：X　配合大队：Y
        (["各派出所"], ["城区交警中队", "乡镇交警中队"]),  # 责任所队 / 配合中队
        (["交警大队"], []),  # 主责警种：X；责任领导：副局长 王建国 (a person)
    ],
    "linquan-county-agriculture-grain-gushi.txt": [
        (["种植业股"], ["计划财务股", "县农业技术推广中心"]),  # 牵头股室 / 配合股室 (read before too)
        (["农田建设管理股"], ["计划财务股"]),  # 主办股室 / 协办股室 (read before too)
        (["畜牧兽医股"], ["计划财务股", "县动物疫病预防控制中心"]),  # 牵头股 / 配合股
        (["各乡镇人民政府"], []),  # 实施主体；指导股室 (the 股 guiding them: no unit of the task)
        (["农村经济股"], ["县乡村振兴战略实施领导小组成员单位"]),  # a unit's name holding 实施 + 领导小组成员单位
        (["各乡镇人民政府"], []),  # 实施主体；指导单位
    ],
    "siyang-county-hospital-patients-keshi.txt": [
        (["医务科"], ["门诊部", "信息科"]),  # 牵头科室 / 配合科室 (read before too)
        (["医务科"], ["检验科", "医学影像科"]),  # 主责科室 / 协同科室 (read before too)
        (["信息科"], ["财务科", "医保办"]),  # 牵头科 / 协同科
        (["各临床病区"], ["护理部"]),  # 责任病区 / 配合部门, then 责任人：(a person)
        (["党委办公室"], ["医务科", "护理部"]),  # 牵头领导：(a person) before the units
    ],
    "xinshi-town-living-environment-pianqu.txt": [
        (["镇农业农村服务中心"], ["镇财政所", "镇规划建设办"]),  # 责任站所　协助站所 (read before too)
        (["镇农业农村服务中心"], ["各片区"]),  # 牵头站所 / 配合片区
        (["东片区", "西片区"], []),  # 责任片区: jointly
        (["镇人居环境整治专班"], ["各村(社区)网格"]),  # 牵头专班 / 配合网格
        (["镇妇联"], ["镇党政办", "镇农业农村服务中心"]),  # 牵头办 / 配合办
    ],
}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_each_plan_reads_every_task_s_lead_and_support(name):
    assert _roles(name) == PLANS[name]


# a role stem and the office's own noun for its bodies: (clause, lead, support); names as written (no ingest)
OPEN_LABELS = [
    ("主责警种：市局反诈中心；协同警种：治安支队、各区县公安（分）局",
     ["市局反诈中心"], ["治安支队", "各区县公安（分）局"]),  # blind36 淄博市公安局's wording
    ("主办警种：刑侦支队；协办警种：网安支队", ["刑侦支队"], ["网安支队"]),
    ("牵头支队：经侦支队；配合支队：科信支队", ["经侦支队"], ["科信支队"]),
    ("牵头中队：城区交警中队；协助中队：高速交警中队", ["城区交警中队"], ["高速交警中队"]),
    ("牵头股：种植业股；配合股：计划财务股", ["种植业股"], ["计划财务股"]),
    ("主办科：医务科；协办科：护理部", ["医务科"], ["护理部"]),
    ("牵头处：综合处；配合处：财务处", ["综合处"], ["财务处"]),
    ("牵头所：镇财政所；配合所：镇司法所", ["镇财政所"], ["镇司法所"]),
    ("牵头组：综合协调组；配合组：宣传报道组", ["综合协调组"], ["宣传报道组"]),
    ("牵头专班：招商引资专班；协同专班：项目服务专班", ["招商引资专班"], ["项目服务专班"]),
    ("牵头小组：督查小组；配合小组：宣传小组", ["督查小组"], ["宣传小组"]),
    ("责任片区：城东片区、城西片区", ["城东片区", "城西片区"], []),
    ("牵头网格：第一网格；配合网格：第二网格", ["第一网格"], ["第二网格"]),
    ("领办单位：县农业农村局；协办单位：县财政局", ["县农业农村局"], ["县财政局"]),
    ("承办科室：信息科；协办科室：财务科", ["信息科"], ["财务科"]),
    # a bracketed body noun between the label and its colon, as for the known labels
    ("主责警种（部门）：交警支队；协同警种（部门）：市局宣传处", ["交警支队"], ["市局宣传处"]),
    # the open label beside a known one: the known 牵头单位 leads, the open 责任 label's units take part
    ("牵头单位：县公安局；责任所队：各派出所", ["县公安局"], ["各派出所"]),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), OPEN_LABELS)
def test_a_stem_and_any_body_noun_is_a_label(clause, lead, support):
    got = parse_clause_content(clause)
    assert got is not None
    assert (list(got[0]), list(got[1])) == (lead, support)


@pytest.mark.parametrize(("clause", "lead", "support"), OPEN_LABELS[:4])
def test_the_open_labels_are_read_on_the_lines_under_a_task(clause, lead, support):
    """Detached: the fields a line each under the task, as blind36 prints them."""
    r = extract_responsibility(TASK + "\n" + clause.replace("；", "\n") + "\n")
    assert r is not None
    assert ([u.name for u in r.lead], [u.name for u in r.support]) == (lead, support)


# lines that look like "stem + noun：" and are no unit field: a heading, a sentence, a facet of the task, a person
NOT_FIELDS = [
    "牵头抓总：局主要负责同志亲自研究部署，分管负责同志具体抓。",  # a heading's words, no body named
    "配合做好：各股室要按照职责分工，协同推进各项工作。",
    "协同推进：各部门要加强协作，形成工作合力。",
    "协同配合：各警种要加强沟通协作，形成整治合力。",
    "实施范围：全市各乡镇（街道）",  # a facet of the plan: places, which read as bodies, refused by the noun
    "实施地点：青山镇",
    "实施时间：2026年3月至12月",
    "实施步骤：分动员部署、集中整治、总结提升三个阶段",
    "责任目标：全年电信网络诈骗发案数同比下降15%",
    "主办民警：张伟",  # officials, not bodies
    "承办人：李娜",
    "负责同志：王建国",
]


@pytest.mark.parametrize("line", NOT_FIELDS)
def test_a_heading_a_facet_or_a_person_is_no_unit_field(line):
    assert parse_clause_content(line) is None
    assert extract_responsibility(TASK + "\n" + line + "\n") is None


def test_a_label_in_running_text_is_none():
    """After an ideograph the stem and noun are part of a sentence's words ("由市局主责警种：…" is no field)."""
    assert parse_clause_content("由市局主责警种：交警支队") is None


def test_an_official_s_open_field_beside_units_is_skipped():
    """主办民警：张伟 between two unit fields: a person, never read into the first field's units."""
    got = parse_clause_content("主责警种：市局反诈中心；主办民警：张伟；协同警种：治安支队")
    assert got is not None
    assert (list(got[0]), list(got[1])) == (["市局反诈中心"], ["治安支队"])


# a composed label's words inside a unit's name: the name stays whole (a label never starts inside a word)
NAMES_WITH_LABEL_WORDS = [
    ("配合单位：县乡村振兴战略实施领导小组成员单位", [], ["县乡村振兴战略实施领导小组成员单位"]),
    ("牵头单位：县发展改革委；配合单位：各实施单位、各落实单位", ["县发展改革委"], ["各实施单位", "各落实单位"]),
    ("牵头单位：县应急局；配合单位：各责任单位", ["县应急局"], ["各责任单位"]),
    # a label glued to the unit before it is still one where its colon follows
    ("牵头单位：县农业农村局配合单位：县财政局", ["县农业农村局"], ["县财政局"]),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), NAMES_WITH_LABEL_WORDS)
def test_a_label_never_starts_inside_a_name(clause, lead, support):
    got = parse_clause_content(clause)
    assert got is not None
    assert (list(got[0]), list(got[1])) == (lead, support)


@pytest.mark.parametrize(
    "clause",
    ["实施主体：各县区人民政府；指导单位：市农业农村局", "实施主体：各乡镇人民政府；指导股室：种植业股"],
)
def test_the_guiding_office_is_no_unit_of_the_task(clause):
    """指导单位 (and 指导 + an office's own noun) names the office over the 实施主体, as 督办单位 does: skipped."""
    got = parse_clause_content(clause)
    assert got is not None
    assert (list(got[0]), list(got[1])) == ([got[0][0]], [])
    assert not any("指导" in n for n in (*got[0], *got[1]))


@pytest.mark.parametrize(
    "footer",
    ["主办：临泉县人民政府办公室　承办：临泉县数据资源管理局", "主办：新市镇人民政府　技术支持：德清县大数据发展管理局"],
)
def test_a_site_s_sponsor_line_is_no_clause(footer):
    """A page footer left in a measure's text (a web page printed with its footer under the plan's lines): 主办 with
    承办 / 技术支持 names the site's host and operator, not a lead ("X承办：Y" was read as one unit before)."""
    assert extract_responsibility(TASK + "\n" + footer + "\n") is None


@pytest.mark.parametrize(
    ("clause", "lead", "support"),
    [
        ("主办：群体司；会办：经济司、水上运动管理中心", ["群体司"], ["经济司", "水上运动管理中心"]),  # blind23 体育总局
        ("主办单位：县文化和旅游局；承办单位：县融媒体中心", ["县文化和旅游局"], ["县融媒体中心"]),
    ],
)
def test_the_task_pairs_of_the_same_words_are_read(clause, lead, support):
    got = parse_clause_content(clause)
    assert got is not None
    assert (list(got[0]), list(got[1])) == (lead, support)
