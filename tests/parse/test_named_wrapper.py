"""A covering notice 关于印发X的通知 whose X ends in a genre word outside the usual list (工作安排, 任务清单,
行动) is still a wrapper when the notice names X again (《X》…现印发给你们) or X stands as its own title
line: the plan's title is X, not the notice's heading."""

from __future__ import annotations

import pytest

from engine.parse import parse_plan

NOTICE = (
    "{issuer}关于印发{inner}的通知\n"
    "各乡镇人民政府，县政府各工作部门：\n"
    "　　《{inner}》已经县人民政府同意，现印发给你们，请认真抓好贯彻落实。\n"
    "{issuer}\n"
    "2025年4月2日\n"
    "{own}"
    "　　为做好全年工作，结合我县实际，现安排如下。\n"
    "一、强化源头治理\n"
    "　　1.加强耕地土壤污染管控。受污染耕地安全利用率稳定在93%以上。（牵头单位：县农业农村局；配合单位：县自然资源局）\n"
    "　　2.严格农药兽药使用监管。（牵头单位：县农业农村局）\n"
    "二、强化过程监管\n"
    "　　3.开展校园食品安全守护行动。（牵头单位：县教育局、县市场监管局）\n"
)


@pytest.mark.parametrize("inner", ["黎平县2025年食品安全重点工作安排", "黎平县优化营商环境重点任务清单"])
@pytest.mark.parametrize("own_line", [True, False])
def test_the_issued_plans_title_not_the_notices(doc_of, inner: str, own_line: bool) -> None:
    issuer = "黎平县人民政府办公室"
    text = NOTICE.format(issuer=issuer, inner=inner, own=inner + "\n" if own_line else "")
    plan = parse_plan(doc_of(text))
    assert plan.title == inner
    assert plan.jurisdiction == "黎平县"
    assert plan.preamble.startswith("为做好全年工作")


def test_a_notice_that_names_nothing_again_keeps_its_heading(doc_of) -> None:
    text = (
        "黎平县人民政府办公室关于印发黎平县2025年食品安全重点工作安排的通知\n"
        "各乡镇人民政府，县政府各工作部门：\n"
        "　　现将有关事项通知如下。\n"
        "一、强化源头治理\n"
        "　　1.加强耕地土壤污染管控。（牵头单位：县农业农村局）\n"
        "　　2.严格农药兽药使用监管。（牵头单位：县农业农村局）\n"
    )
    plan = parse_plan(doc_of(text))
    assert plan.title == "黎平县人民政府办公室关于印发黎平县2025年食品安全重点工作安排的通知"
