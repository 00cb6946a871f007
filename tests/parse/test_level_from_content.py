"""Level and jurisdiction when the title names no place: signature, addressees, the body's own words."""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.level import level_of_addressees, level_of_self_words

TITLE = "关于促进综合保税区高水平开放高质量发展的实施意见"
BODY = "一、主要任务\n1.拓展市场。推广增值税一般纳税人资格试点。\n2.释放产能。允许企业承接委托加工。\n"


def _read(text: str):
    plan = parse_plan(from_text(text))
    return plan.jurisdiction, plan.level


def test_signature_names_the_issuer():
    assert _read(f"{TITLE}\n{BODY}南宁市人民政府\n2019年4月30日\n") == ("南宁市", "city")


@pytest.mark.parametrize(
    ("addressees", "level"),
    [
        ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构", "national"),
        ("各市、县（市、区）人民政府，省政府各部门、各直属机构", "province"),
        ("各设区市人民政府，自治区人民政府各组成部门", "province"),
        ("各县（区）人民政府，市政府各部门、各直属机构", "city"),
        ("各区、县级市人民政府，市政府各部门", "city"),
        ("各乡镇人民政府，县直各单位", "county"),
        ("各街道办事处，区政府各部门", "county"),
        ("各村（居）民委员会，镇直各单位", "town"),
    ],
)
def test_addressees_say_the_level(addressees, level):
    assert level_of_addressees(addressees) == level
    assert _read(f"{TITLE}\n{addressees}：\n{BODY}")[1] == level


def test_the_bodys_own_words_say_the_level():
    text = f"{TITLE}\n{BODY}3.加强组织。全市各部门要结合我市实际抓好落实。\n"
    assert _read(text) == ("", "city")


def test_self_words_tie_leaves_the_level_unknown():
    assert level_of_self_words("我市企业和我区企业") is None
    assert level_of_self_words("") is None
    assert level_of_self_words("我县、全县、全市") == "county"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("我盟畜牧业，全盟牧区", "city"),  # a 盟 of Inner Mongolia is a prefecture
        ("本苏木各嘎查，全苏木牧户", "town"),  # a 苏木 is a town of its pastoral areas
        ("全街道各社区，我街道辖区", "town"),
    ],
)
def test_self_words_of_mongolian_and_street_divisions(text, level):
    assert level_of_self_words(text) == level


def test_nothing_to_read_is_unknown():
    assert _read(f"{TITLE}\n{BODY}") == ("", "unknown")


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (["国务院办公厅关于印发文化体制改革中", "经营性文化事业单位转制为企业和进一步", "支持文化企业发展两个规定的通知"],
         # a 印发 notice names the document it issues
         "文化体制改革中经营性文化事业单位转制为企业和进一步支持文化企业发展两个规定"),
        (["国务院办公厅关于有效发挥政府性", "融资担保基金作用切实支持小微企业和“三农”发展的指导意见"],
         "国务院办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见"),
    ],
)  # fmt: skip
def test_a_title_broken_over_lines_after_its_issuer(lines, title):
    text = "\n".join(lines) + "\n国办发〔2018〕124号\n各省、自治区、直辖市人民政府：\n" + BODY
    assert parse_plan(from_text(text)).title == title
