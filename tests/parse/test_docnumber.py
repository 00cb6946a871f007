"""Level and place from the 文号: province abbreviations from data, places below from the gazetteer."""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.docnumber import read


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("国办发〔2018〕123号", ("全国", None, "national")),
        ("国发〔2019〕4号", ("全国", None, "national")),
        ("人社部发〔2019〕3号", ("全国", None, "national")),
        ("川办发〔2019〕3号", ("四川", None, "province")),
        ("豫政〔2019〕2号", ("河南", None, "province")),
        ("桂政办发〔2021〕45号", ("广西", None, "province")),
        ("粤府函〔2020〕8号", ("广东", None, "province")),
        # a stem and a suffix: the only 市 beginning with 赣
        ("赣市府办发〔2019〕12号", ("赣州市", "江西", "city")),
        # a bare stem the gazetteer has once
        ("鄢政〔2020〕5号", ("鄢陵县", "许昌市", "county")),
    ],
)
def test_read(number, expected):
    assert read(number) == expected


@pytest.mark.parametrize(
    "number",
    [
        "宜府发〔2019〕9号",  # 宜昌市, 宜宾市, 宜兴市 …: several levels begin with 宜
        "深府〔2019〕1号",  # 深圳市, 深州市, 深泽县
        "某某〔2019〕1号",  # no organ part
        "",
        None,
    ],
)
def test_unreadable_says_nothing(number):
    assert read(number) is None


BODY = (
    "一、重点任务\n"
    "（一）建立健全管理制度。各有关部门要明确职责，规范审批流程。（市发展改革委负责）\n"
    "（二）加强监督检查。定期开展专项检查，及时通报问题。（市市场监管局负责）\n"
)


@pytest.mark.parametrize(
    ("number", "addressees", "jurisdiction", "level"),
    [
        ("川办发〔2019〕12号", "有关单位：", "四川", "province"),
        ("鄢政〔2020〕5号", "有关单位：", "鄢陵县", "county"),
        ("赣市府办字〔2019〕18号", "有关单位：", "赣州市", "city"),
        # the addressees speak from the city level: 吉 is not 吉林 here
        ("吉府办发〔2020〕3号", "各县（市、区）人民政府，市政府各部门：", "", "city"),
    ],
)
def test_title_without_place_reads_the_number(number, addressees, jurisdiction, level):
    text = f"关于印发企业开办便利化工作方案的通知\n{number}\n{addressees}\n现将方案印发给你们。\n企业开办便利化工作方案\n{BODY}"
    plan = parse_plan(from_text(text))
    assert (plan.jurisdiction, plan.level) == (jurisdiction, level)


def test_title_place_wins_over_number():
    text = f"关于印发柳州市企业开办工作方案的通知\n川办发〔2019〕12号\n柳州市企业开办工作方案\n{BODY}"
    plan = parse_plan(from_text(text))
    assert (plan.jurisdiction, plan.level) == ("柳州市", "city")
