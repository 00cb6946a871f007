"""Numbering labels as an OCR misreads them, read as the labels printed where the run of labels shows it
(rulesets/data/ocr_labels.yaml, engine/parse/numbering.py `slipped_labels`; fixtures/ocr80/README.md), and the seal's
caption "（盖章）" in a signature (rulesets/data/closing.yaml `seal_captions`). The golds of fixtures/ocr80 are read by
tests/parse/test_fix_golds.py; these pin what is read and what is left as text."""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan

HEAD = "某市农村公路养护实施方案\n一、工作目标\n到2028年全市农村公路优良中等路率达到85%。\n二、重点任务\n"
TAIL = "三、保障措施\n加强组织领导，市政府统筹推进。\n"


def _measures(text: str) -> list[tuple[str, str]]:
    plan = parse_plan(from_text(text))
    return [(m.label, m.text[:4]) for m in plan.measures]


def test_one_printed_arabic_label_read_five_ways_is_one_numbering():
    text = HEAD + (
        "l．开展路况普查。全面摸清农村公路技术状况。（市交通运输局负责）\n"
        "2，实施危桥改造。每年改造危桥10座。（市交通运输局负责）\n"
        "3 ．完善养护机制。推行路长制。（市交通运输局负责）\n"
        "4,加强资金保障。统筹安排养护资金。（市财政局负责）\n"
        "5.强化考核评价。纳入年度考核。（市政府督查室负责）\n"
    ) + TAIL
    assert [label for label, _ in _measures(text)] == ["1", "2", "3", "4", "5"]


def test_a_dash_for_the_numeral_one_opens_the_run_it_leads():
    text = (
        "某市农村公路养护实施方案\n—、工作目标\n到2028年全市农村公路优良中等路率达到85%。\n二、重点任务\n"
        "(—)开展路况普查。全面摸清农村公路技术状况。（市交通运输局负责）\n"
        "(二)实施危桥改造。每年改造危桥10座。（市交通运输局负责）\n"
        "(-)的说明不是标签。\n" + TAIL
    )
    plan = parse_plan(from_text(text))
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]
    assert plan.measures[-1].text.endswith("(-)的说明不是标签。")  # no (二) after it: text of the item above
    assert [s.label for s in plan.sections][:2] == ["一", "二"]


def test_a_slip_outside_a_run_stays_text():
    """A comma or a dash at a paragraph's start is a label only where the labels around it say so: "4," after 2.
    (no 3 before it, no 5 after it) and "2,3级" (a list of numbers) stay text."""
    text = HEAD + (
        "1.开展路况普查。全面摸清农村公路技术状况。（市交通运输局负责）\n"
        "2.实施危桥改造。每年改造危桥10座。（市交通运输局负责）\n"
        "4,5级公路的养护另行安排。\n"
        "2,3级路面按年度计划修复。\n"
    ) + TAIL
    got = _measures(text)
    assert [label for label, _ in got] == ["1", "2"]


def test_spaced_or_lettered_bracket_labels():
    text = HEAD + (
        "(l)开展路况普查。全面摸清农村公路技术状况。（市交通运输局负责）\n"
        "(2 )实施危桥改造。每年改造危桥10座。（市交通运输局负责）\n"
        "(3)完善养护机制。推行路长制。（市交通运输局负责）\n"
    ) + TAIL
    assert [label for label, _ in _measures(text)] == ["(1)", "(2)", "(3)"]


def test_the_seal_caption_between_the_signing_body_and_the_date():
    """A town plan issued alone, signed at its end with the seal's caption on a line of its own (or after the body on
    its line): the body is the issuer, and the town it names is the plan's place (no gazetteer lists towns)."""
    body = (
        "石门镇农村人居环境整治工作方案\n一、工作目标\n到2027年全镇农村卫生厕所普及率达到95%。\n二、重点任务\n"
        "（一）推进农村改厕。每年改造农户卫生厕所300户。（镇农业综合服务中心负责）\n"
        "（二）治理生活垃圾。建立村收集、镇转运体系。（镇村镇建设办公室负责）\n"
        "三、保障措施\n镇党委、镇政府统筹推进。\n"
    )
    for signature in ("桐乡市石门镇人民政府\n（印章）\n2026年6月1日\n", "桐乡市石门镇人民政府（盖章）\n2026年6月1日\n"):
        plan = parse_plan(from_text(body + signature))
        assert plan.issuers == ["桐乡市石门镇人民政府"]
        assert (plan.jurisdiction, plan.level) == ("石门镇", "town")
        assert "盖章" not in (plan.closing or "") and "印章" not in (plan.closing or "")
