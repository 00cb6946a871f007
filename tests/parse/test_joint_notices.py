"""Joint notices of any number of issuing bodies, at any level (issue #16, blind9).

A joint 印发 notice names its bodies before its 关于, as many as issue it: ten ministries (国家卫生健康委 国家发展改革委 …
全国总工会关于印发…的通知), a province's departments (省发展改革委 省教育厅 …), a county's bureaus. The names stand
spaced (ingest drops a space between two Han characters, so they arrive run together), parted by 、, or on lines of
their own; the title may break after the run. However long the run, the line is the notice, and the plan's title is
the one it issues (its own line below, else the notice's words). The bodies are the notice's issuers, each whole,
and so are those of a signature of several lines above the date.
"""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.frontmatter import issuer_run, wrapper_inner

ITEMS = (
    "一、重点任务\n"
    "（一）建设骨干工程。年内完成主体建设。（{a}负责）\n"
    "（二）完善运行机制。建立长效管护制度。（{b}负责）\n"
    "二、保障措施\n各单位要高度重视，确保任务落实。\n"
)

# a county's eight bureaus, spaced on the title line; the signature in four lines of two
COUNTY = (
    "蒙城县发展和改革委员会 蒙城县财政局 蒙城县自然资源和规划局 蒙城县住房和城乡建设局 蒙城县水利局 "
    "蒙城县农业农村局 蒙城县生态环境分局 蒙城县交通运输局关于印发农村饮水安全巩固提升实施方案的通知\n"
    "蒙发改〔2025〕12号\n各乡镇人民政府，县直有关单位：\n"
    "现将《农村饮水安全巩固提升实施方案》印发给你们，请认真贯彻执行。\n"
    "蒙城县发展和改革委员会　　蒙城县财政局\n蒙城县自然资源和规划局　　蒙城县住房和城乡建设局\n"
    "蒙城县水利局　　蒙城县农业农村局\n蒙城县生态环境分局　　蒙城县交通运输局\n2025年5月6日\n"
    "农村饮水安全巩固提升实施方案\n为保障农村饮水安全，结合我县实际，制定本方案。\n"
    + ITEMS.format(a="县水利局", b="县农业农村局")
)
COUNTY_BODIES = [
    "蒙城县发展和改革委员会", "蒙城县财政局", "蒙城县自然资源和规划局", "蒙城县住房和城乡建设局",
    "蒙城县水利局", "蒙城县农业农村局", "蒙城县生态环境分局", "蒙城县交通运输局",
]  # fmt: skip

# a province's ten departments named by their level word, the title broken after the run, no signature
PROVINCE = (
    "省发展改革委 省教育厅 省工业和信息化厅 省财政厅 省人力资源社会保障厅 省自然资源厅 省生态环境厅 "
    "省住房城乡建设厅 省交通运输厅 省农业农村厅关于印发江西省县域商业体系\n"
    "建设三年行动方案（2025—2027年）的通知\n"
    "赣发改商贸〔2025〕88号\n各设区市发展改革委、教育局、财政局：\n"
    "现将《江西省县域商业体系建设三年行动方案（2025—2027年）》印发给你们，请结合实际认真贯彻落实。\n"
    "2025年6月3日\n"
    "为加快县域商业体系建设，制定本方案。\n" + ITEMS.format(a="省商务厅", b="省工业和信息化厅")
)
PROVINCE_BODIES = [
    "省发展改革委", "省教育厅", "省工业和信息化厅", "省财政厅", "省人力资源社会保障厅", "省自然资源厅",
    "省生态环境厅", "省住房城乡建设厅", "省交通运输厅", "省农业农村厅",
]  # fmt: skip

# national ministries parted by 、; their signature in five lines of two above the date
NATIONAL = (
    "教育部、国家发展改革委、工业和信息化部、财政部、人力资源社会保障部、农业农村部、商务部、国务院国资委、"
    "市场监管总局、全国总工会关于印发职业技能提升专项行动方案（2025—2027年）的通知\n"
    "教职成〔2025〕3号\n各省、自治区、直辖市教育厅（教委）、发展改革委、财政厅（局）：\n"
    "现将《职业技能提升专项行动方案（2025—2027年）》印发给你们，请认真贯彻落实。\n"
    "教育部　　国家发展改革委\n工业和信息化部　　财政部\n人力资源社会保障部　　农业农村部\n"
    "商务部　　国务院国资委\n市场监管总局　　全国总工会\n2025年3月1日\n"
    "职业技能提升专项行动方案（2025—2027年）\n为提升劳动者职业技能，制定本方案。\n"
    + ITEMS.format(a="教育部", b="人力资源社会保障部")
)
NATIONAL_BODIES = [
    "教育部", "国家发展改革委", "工业和信息化部", "财政部", "人力资源社会保障部", "农业农村部", "商务部",
    "国务院国资委", "市场监管总局", "全国总工会",
]  # fmt: skip


# the same province's departments each on a line of its own above the 关于 line
PROVINCE_LINES = "\n".join(PROVINCE_BODIES) + "\n" + PROVINCE.split("省农业农村厅", 1)[1].replace("体系\n建设", "体系建设", 1)


@pytest.mark.parametrize(
    ("text", "title", "place", "level", "issuers"),
    [
        (COUNTY, "农村饮水安全巩固提升实施方案", "蒙城县", "county", COUNTY_BODIES),
        (PROVINCE, "江西省县域商业体系建设三年行动方案(2025—2027年)", "江西", "province", PROVINCE_BODIES),
        (NATIONAL, "职业技能提升专项行动方案(2025—2027年)", "全国", "national", NATIONAL_BODIES),
        (PROVINCE_LINES, "江西省县域商业体系建设三年行动方案(2025—2027年)", "江西", "province", PROVINCE_BODIES),
    ],
    ids=["county-spaced", "province-broken-title", "national-parted", "province-lines"],
)
def test_a_joint_notice_of_many_bodies_issues_its_plan(text, title, place, level, issuers):
    plan = parse_plan(from_text(text))
    assert plan.title == title
    assert (plan.jurisdiction, plan.level) == (place, level)
    assert plan.issuers == issuers
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]
    assert plan.preamble.startswith("为")


@pytest.mark.parametrize(
    ("run", "names"),
    [
        ("国家卫生健康委国家发展改革委工业和信息化部人力资源社会保障部应急管理部国务院国资委市场监管总局国家疾控局",
         ["国家卫生健康委", "国家发展改革委", "工业和信息化部", "人力资源社会保障部", "应急管理部", "国务院国资委",
          "市场监管总局", "国家疾控局"]),
        ("省委办公厅省政府办公厅", ["省委办公厅", "省政府办公厅"]),
        ("县委县政府", ["县委", "县政府"]),
        ("镇党委 镇政府", ["镇党委", "镇政府"]),
        ("中共祁门县委 祁门县人民政府", ["中共祁门县委", "祁门县人民政府"]),
        ("国家卫生健康委等10部门", ["国家卫生健康委"]),
        # a ministry's department named after it issues in its name (rulesets/data/national_bodies.yaml offices)
        ("商务部市场体系建设司", ["商务部市场体系建设司"]),
        ("交通运输部综合规划司 国家铁路局科技与法制司", ["交通运输部综合规划司", "国家铁路局科技与法制司"]),
    ],
)  # fmt: skip
def test_a_run_of_issuers_is_cut_into_its_bodies(run, names):
    assert issuer_run(run) == names


@pytest.mark.parametrize(
    "text",
    [
        "市场体系建设司",  # a department not named after its ministry: 司 ends no issuer's name alone
        "为深入贯彻落实党的二十大精神进一步加强农村饮水安全",
        "2025年第一季度工作安排",
    ],
)
def test_what_is_no_run_of_issuers(text):
    assert issuer_run(text) == []


def test_a_long_prefix_that_names_no_bodies_makes_no_notice():
    """The run may be long only when it is bodies: other words before 关于 stay bounded as before."""
    words = "为深入贯彻落实党的二十大精神进一步加强农村饮水安全工作推动城乡供水一体化高质量发展全面提升供水保障水平" * 2
    assert wrapper_inner(words + "关于印发农村饮水安全巩固提升实施方案的通知") is None
