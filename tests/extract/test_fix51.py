"""Two classes blind51 showed (fixtures/fix51/ models each with other offices; see its README):

1. units a field sets apart by blanks only — ASCII spaces, runs of them, tabs, full-width spaces — as Word and PDF
   copies give ("责任单位：A B C"), and a list wrapping onto an indented unlabelled line of such names: each run of blanks
   between two names is the list's 、 (engine/ingest/unit_spaces.py), when every piece reads as a body's name; the
   format check leaves those spaces alone and still reports a space inside one name;
2. 和/及/以及 before the last unit ("参与单位：A和B"): two units where both sides read as whole bodies' names
   (responsibility._split_and); 人力资源和社会保障局, 工业和信息化局, 住房和城乡建设局 stay whole.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.extract.responsibility import parse_units
from engine.ingest import unit_spaces
from engine.ingest.normalise import normalise_parts


def _separated(line: str) -> str:
    p = normalise_parts(line)
    return unit_spaces.separate(line, p.text, p.cols)[0]


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("责任单位：市委组织部 市财政局 各区（县）人民政府", "责任单位：市委组织部、市财政局、各区(县)人民政府"),
        ("　　责任单位：县水利局   县财政局", "责任单位：县水利局、县财政局"),  # a run of spaces
        ("责任单位：县水利局\t县卫生健康局", "责任单位：县水利局、县卫生健康局"),  # a tab
        ("配合单位：县财政局 县统计局　县审计局", "配合单位：县财政局、县统计局、县审计局"),  # mixed
        ("（责任单位：区商务局 区财政局）", "(责任单位：区商务局、区财政局)"),  # the clause's bracket ends the value
        # the value's last unit holds a bracket of its own: it does not end the value
        ("责任单位：市统计局 各县（区）人民政府 市民政局", "责任单位：市统计局、各县(区)人民政府、市民政局"),
        # a blank inside a bracket parts no names (县水利局( would be none); the one after it does
        ("责任单位：县水利局（ 牵头） 县财政局", "责任单位：县水利局(牵头)、县财政局"),
    ],
)
def test_units_apart_by_blanks_in_a_field_are_a_list(line, text):
    assert _separated(line) == text


@pytest.mark.parametrize(
    "line",
    [
        "责任单位：县市场监督 管理局",  # a stray space inside one name
        "责任单位：县水利局 2026年底前完成",  # a field's value running into a sentence
        "县水利局 县财政局要加强协作",  # no field: prose
    ],
)
def test_a_blank_that_does_not_part_whole_names_stays_as_normalised(line):
    p = normalise_parts(line)
    assert _separated(line) == p.text


def test_a_wrapped_line_of_names_apart_by_spaces_goes_on_the_field_as_names():
    p = normalise_parts("　　　　　　县农业农村局 县住房和城乡建设局 莒南经济开发区管委会")
    got = unit_spaces.separate_names("　　　　　　县农业农村局 县住房和城乡建设局 莒南经济开发区管委会", p.text, p.cols)[0]
    assert got == "县农业农村局、县住房和城乡建设局、莒南经济开发区管委会"
    line = "县农业 农村局 县水利局"  # a piece that is no body's: the line is left whole
    p = normalise_parts(line)
    assert unit_spaces.separate_names(line, p.text, p.cols)[0] == p.text


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("计算机技术中心和内部审计指导监督司", ["计算机技术中心", "内部审计指导监督司"]),
        ("省职业技能鉴定中心及省总工会", ["省职业技能鉴定中心", "省总工会"]),
        ("县教育局以及县卫生健康局", ["县教育局", "县卫生健康局"]),
        ("市委宣传部、市文明办和市教育局", ["市委宣传部", "市文明办", "市教育局"]),
        ("县教育和体育局和县卫生健康局", ["县教育和体育局", "县卫生健康局"]),  # the second 和 only
        ("省人力资源和社会保障厅信息中心和省社会保险服务中心", ["省人力资源和社会保障厅信息中心", "省社会保险服务中心"]),
        # 和 inside a name: the side before it names no body
        ("市人力资源和社会保障局", ["市人力资源和社会保障局"]),
        ("县工业和信息化局", ["县工业和信息化局"]),
        ("区住房和城乡建设局", ["区住房和城乡建设局"]),
        ("市文化和旅游局、市自然资源和规划局", ["市文化和旅游局", "市自然资源和规划局"]),
        ("各级党委和政府", ["各级党委和政府"]),  # 政府 alone is a kind of body, no body
        ("市统计局（人口和就业统计科）", ["市统计局（人口和就业统计科）"]),  # inside a bracket
    ],
)
def test_he_before_the_last_unit_parts_two_whole_names_only(text, names):
    assert parse_units(text) == names


SPACED = """某县人民政府办公室关于印发某县电商产业发展行动方案的通知

各乡镇人民政府，县直各单位：
　　现将《某县电商产业发展行动方案》印发给你们，请认真贯彻执行。各项任务的责任单位中排在第一位的为牵头单位，其他为配合单位。

某县电商产业发展行动方案

　　一、重点任务
　　1.建设县级电商公共服务中心。2026年底前建成并投入运营。
　　责任单位：县商务局 县财政局 县市场监管局
　　　　　　　县邮政管理局 各乡镇人民政府
　　2.培育电商龙头企业。每年新增年网络零售额千万元以上企业3家。
　　责任单位：县商务局  县发展改革局
　　3.加强电商人才培训。每年培训电商从业人员500人次。
　　责任单位：县人力资源和社会保障局 县商务 局
"""


def test_spaces_between_listed_units_are_no_stray_spaces_but_one_inside_a_name_is(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(SPACED, encoding="utf-8")
    out = CliRunner().invoke(main, ["check", "--no-parent", "--format", "json", "--fail-on", "none", str(path)]).output
    stray = [f["message"] for f in json.loads(out)["findings"] if "多余空格" in f["message"]]
    assert stray and all("商务 局" in s for s in stray), stray  # only the slip inside 县商务 局
    out = CliRunner().invoke(main, ["parse", "--format", "json", str(path)]).output
    units = [(m["lead_units"], m["support_units"]) for m in json.loads(out)["measures"]]
    assert units[:2] == [
        (["县商务局"], ["县财政局", "县市场监管局", "县邮政管理局", "各乡镇人民政府"]),  # the wrapped line's names too
        (["县商务局"], ["县发展改革局"]),
    ]


def test_a_sentence_after_the_field_on_one_line_is_no_name_though_it_ends_in_one():
    # a page delivered on one line: the line break after the field became a space, and the next sentence ends in
    # a body's name
    line = "责任单位：部农田建设管理司、部信息中心 请各省级农业农村部门于2026年12月15日前将年度工作总结报送部农田建设管理司。"
    p = normalise_parts(line)
    assert _separated(line) == p.text
    assert parse_units("县水利局和请各乡镇报送县水利局") == ["县水利局和请各乡镇报送县水利局"]


def test_a_sibling_body_sharing_the_heads_place_is_no_second_unit():
    # 济源示范区党工委和管委会: 管委会 names no place of its own, it is the 示范区's (blind55 河南's (六), one unit)
    from engine.extract.responsibility import _split_and

    assert _split_and("济源示范区党工委和管委会") == ["济源示范区党工委和管委会"]
    assert _split_and("市委和市政府") == ["市委", "市政府"]  # each names its own level
