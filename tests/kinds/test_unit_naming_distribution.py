"""The distribution block (抄送/抄报/分送/印发 lines) and the signature closing a plan are no part of its body:
the short forms a 抄送 list writes its recipients in (县法院, 县检察院) are not the plan naming its units in
two ways (blind18 镇平县 “抄送：…县法院，县检察院。” beside the body's 县人民法院). A closing SENTENCE after
the last item still counts: the body naming a unit two ways is still reported."""

from __future__ import annotations

from tests.kinds.test_cases import run_case

BODY = """某县矛盾纠纷多元化解工作方案
一、重点任务
1.推进诉源治理。建立诉调对接机制，推动矛盾纠纷源头化解。(牵头单位:县人民法院;配合单位:县司法局)
2.加强检察监督。开展民事行政检察监督专项活动。(牵头单位:县人民检察院)
3.深化人民调解。健全县、乡、村三级调解组织网络。(牵头单位:县司法局)
"""

DISTRIBUTIONS = {
    "抄送 one line": "抄送：县委各部门，县人大常委会办公室，县政协办公室，县法院，县检察院。\n"
    "某县人民政府办公室　　　　　　2026年3月16日印发\n",
    "抄送 wrapped": "抄送：县委各部门，县人大常委会办公室，县政协办公室，县人武部，\n"
    "　　　县法院，县检察院。\n某县人民政府办公室　　　　　　2026年3月16日印发\n",
    "抄报 and 分送": "抄报：市政府办公室。\n分送：县法院，县检察院，各乡镇人民政府。\n",
    "signed then 抄送": "某县人民政府办公室\n2026年3月16日\n（此件公开发布）\n抄送：县法院，县检察院。\n",
}


def test_distribution_lines_are_not_the_plans_naming_of_its_units() -> None:
    found = {
        name: [f.evidence.local for f in run_case("unit_naming", {"draft": BODY + tail})]
        for name, tail in DISTRIBUTIONS.items()
    }
    assert found == {name: [] for name in DISTRIBUTIONS}
    # the body naming one unit in two ways is still reported, with a 抄送 line after it or not
    mixed = BODY + "4.加强司法协作。落实检察建议。(牵头单位:县人民检察院、县检察院)\n"
    for tail in ("", DISTRIBUTIONS["抄送 one line"]):
        assert [f.evidence.local for f in run_case("unit_naming", {"draft": mixed + tail})] == ["县检察院"]
    # a closing sentence after the last item is the plan's own text: it still counts
    said = BODY + "各单位要加强协作，县法院要定期通报诉调对接情况。\n"
    assert [f.evidence.local for f in run_case("unit_naming", {"draft": said})] == ["县法院"]
