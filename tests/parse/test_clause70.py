"""Two classes blind70 showed (fixtures/clause70/README.md):

1. a jointly issued document prints its issuers — two to ten bodies, all on one line (spaces, 、 or run together) or
   one or a few a line — above its title: they are its issuers, no part of the title (engine/parse/frontmatter.py
   `_joint_issuers`); a single body's name on the line above stays the title's first words (潍坊市人民政府办公室 /
   关于…的通知, as the golds read), and so does an issuer written on the title's own line;
2. a responsibility clause whose first field is the deadline under a label ("（时限：2025年6月底前；牵头：X；配合：Y）",
   时间：, 完成期限：, 办结时限：…): the labelled deadline is skipped as the unlabelled one is, and the roles after it read
   (engine/extract/responsibility.py `_without_due_part`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract.responsibility import parse_clause_content
from engine.parse.frontmatter import read_front

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "clause70"


# ---- 1. joint issuers above the title -----------------------------------------------------------------------------

_TITLE = "关于推进农村供水工程规范化管理的指导意见"


def _front(*lines: str):
    return read_front([(k + 1, t) for k, t in enumerate(lines)])


@pytest.mark.parametrize(
    "issuers",
    [
        ["水利部　国家发展改革委　财政部　国家卫生健康委"],  # one line, full-width spaces
        ["水利部国家发展改革委财政部国家卫生健康委"],  # the spaces lost, as ingest gives a .txt's line
        ["水利部、国家发展改革委、财政部"],  # parted by 、
        ["水利部", "国家发展改革委", "财政部"],  # one a line
        ["水利部　国家发展改革委", "财政部　国家卫生健康委　生态环境部"],  # a few a line
        ["中共宁国市委　宁国市人民政府"],  # a party committee and its government: two bodies
        ["四川省农业农村厅　四川省财政厅"],
    ],
)
def test_joint_issuers_above_a_title_are_no_part_of_it(issuers):
    fm = _front(*issuers, _TITLE, "水农〔2026〕12号")
    assert fm.title == _TITLE
    assert len(fm.issuers) >= 2


def test_joint_issuers_above_a_title_wrapped_over_two_lines():
    fm = _front("水利部", "国家发展改革委", "关于推进农村供水工程", "规范化管理的指导意见")
    assert fm.title == _TITLE


@pytest.mark.parametrize(
    "issuer",
    [
        "桐庐县人民政府办公室",
        "江苏省水利厅",
        "杭州市上城区人民政府湖滨街道办事处",  # a 街道's office named after its district's government: one body
    ],
)
def test_a_single_issuer_above_the_title_stays_its_first_words(issuer):
    fm = _front(issuer, _TITLE, "桐政办〔2026〕3号")
    assert fm.title == issuer + _TITLE


def test_issuers_on_the_titles_own_line_stay_in_it():
    fm = _front(f"水利部　国家发展改革委{_TITLE}", "水农〔2026〕12号")
    assert fm.title.endswith(_TITLE) and fm.title.startswith("水利部")


# ---- 2. the deadline field first ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "lead", "support"),
    [
        ("时限：2025年6月底前；牵头：市工业和信息化局；配合：市发展改革委、各县市区人民政府",
         ("市工业和信息化局",), ("市发展改革委", "各县市区人民政府")),
        ("时间：2026年12月底前；牵头单位：县发展改革局；配合单位：县财政局", ("县发展改革局",), ("县财政局",)),
        ("时限：长期坚持；牵头：市财政局；配合：市商务局", ("市财政局",), ("市商务局",)),
        ("完成期限：持续推进；责任单位：县住房城乡建设局、县市场监管局", ("县住房城乡建设局", "县市场监管局"), ()),
        ("办结时限：2026年9月底前，县交通运输局牵头，县邮政管理局配合", ("县交通运输局",), ("县邮政管理局",)),
        ("时\n限：2025年12月底前；牵头：市商务局", ("市商务局",), ()),  # a PDF's line break inside the label
        # the deadline last, and 完成时限 first, read before too
        ("牵头：市工业和信息化局；配合：市科技局；时限：2025年6月底前", ("市工业和信息化局",), ("市科技局",)),
        ("完成时限：2025年6月底前；牵头：市工业和信息化局", ("市工业和信息化局",), ()),
    ],
)
def test_a_labelled_deadline_first_hides_no_roles(content, lead, support):
    got = parse_clause_content(content)
    assert got is not None and got[:2] == (lead, support)


def test_a_first_field_that_is_no_deadline_is_not_skipped_as_one():
    # 牵头 valued with a body is the clause's first unit list, whatever follows
    got = parse_clause_content("牵头：县商务局；时限：2026年底前")
    assert got is not None and got[0] == ("县商务局",)
