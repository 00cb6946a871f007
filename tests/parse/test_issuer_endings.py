"""How an issuing body's name ends is data (rulesets/data/units.yaml `issuer_suffixes`), with the endings real
issuers have (issue #16, blind8): a signature of national bodies reads 中国人民银行 and 中华全国供销合作总社 as
bodies (no 银行 nor 社 ending was known, so the whole signature was lost), as a county's reads 县供销社, 县融媒体中心
and a 领导小组. Only whole endings: 社会, 社区 and the like end no body's name."""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.frontmatter import org_names
from engine.parse.level import is_national

ITEMS = (
    "一、重点任务\n"
    "（一）建设骨干工程。年内完成主体建设。（{a}负责）\n"
    "（二）完善运行机制。建立长效管护制度。（{b}负责）\n"
    "二、保障措施\n各单位要高度重视，确保任务落实。\n"
)

# a national joint notice whose signature is three lines of three bodies (spaced with ideographic spaces)
NATIONAL = (
    "商务部等9部门关于印发《农村流通体系建设行动方案》的通知\n"
    "商流通函〔2025〕7号\n"
    "各省、自治区、直辖市商务、发展改革、财政主管部门：\n"
    "现将《农村流通体系建设行动方案》印发给你们，请认真贯彻落实。\n"
    "商务部　　国家发展改革委　　财政部\n"
    "交通运输部　　农业农村部　　中国人民银行\n"
    "市场监管总局　　国家邮政局　　中华全国供销合作总社\n"
    "2025年3月1日\n"
    "农村流通体系建设行动方案\n为完善农村流通体系，制定本方案。\n" + ITEMS.format(a="商务部", b="供销合作总社")
)
NATIONAL_BODIES = [
    "商务部", "国家发展改革委", "财政部", "交通运输部", "农业农村部", "中国人民银行",
    "市场监管总局", "国家邮政局", "中华全国供销合作总社",
]  # fmt: skip

# a county's joint notice signed by bodies with the newer endings
COUNTY = (
    "关于印发某某县农资供应体系建设实施方案的通知\n"
    "各乡镇人民政府，县直各有关单位：\n"
    "现将《某某县农资供应体系建设实施方案》印发给你们，请认真贯彻执行。\n"
    "某某县农业农村局　　某某县供销社\n"
    "某某县融媒体中心　　某某县乡村振兴工作领导小组\n"
    "2025年4月2日\n"
    "某某县农资供应体系建设实施方案\n为保障农资供应，结合我县实际，制定本方案。\n"
    + ITEMS.format(a="县供销社", b="县农业农村局")
)


def test_a_national_signature_with_a_bank_and_a_cooperative_is_read_whole() -> None:
    plan = parse_plan(from_text(NATIONAL))
    assert plan.issuers == NATIONAL_BODIES
    assert (plan.jurisdiction, plan.level) == ("全国", "national")


def test_a_county_signature_with_the_newer_endings_is_read() -> None:
    plan = parse_plan(from_text(COUNTY))
    assert plan.issuers == ["某某县农业农村局", "某某县供销社", "某某县融媒体中心", "某某县乡村振兴工作领导小组"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("中国人民银行　国家开发银行", ["中国人民银行", "国家开发银行"]),
        ("全国妇联　中国残联　中国科协", ["全国妇联", "中国残联", "中国科协"]),
        ("中共中央　国务院", ["中共中央", "国务院"]),
        ("国家电网有限公司", ["国家电网有限公司"]),
        ("人民日报社", ["人民日报社"]),
        ("国家邮政局中华全国供销合作总社", ["国家邮政局", "中华全国供销合作总社"]),  # run together: 中华全国 starts one
        ("城乡社区", []),  # 社 alone ends no body
        ("中国社会科学院　中国工程院", ["中国社会科学院", "中国工程院"]),  # not cut at 社|会
        ("某某县社区服务中心", ["某某县社区服务中心"]),  # nor at 社|区
        ("推进社区治理", []),
    ],
)
def test_issuer_endings(line: str, names: list[str]) -> None:
    assert org_names(line) == names


def test_a_body_of_the_whole_country_speaks_nationally() -> None:
    assert is_national("中华全国供销合作总社关于印发农资保供方案的通知")
