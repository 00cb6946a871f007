"""Numbering marks of one character (issue #16, blind28 吕梁市 and blind29 绩溪县): ㈠…㈩ are the items （一）…（十）,
⑴…⒇ the items （1）…, ⒈…⒛ the items 1. …, ① ❶ ➀ ➊ ⓵ ㊀ … circled items, each at the level it stands for, beside the
typed forms and the other levels. Which mark stands for what is data: rulesets/data/numbering_marks.yaml.
fixtures/enclosed16/ holds two plans with gold counted by hand (see its README)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from bench.gold import closing_overrun, compare
from engine.ingest import from_text, wrap
from engine.ingest.pdf import _numbered as pdf_numbered
from engine.parse import parse_plan
from engine.parse.numbering import STYLES, fold, label_end, mark_for, marker_at_start, markers_in, marks
from engine.pipeline import check

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "enclosed16"
GOLDS = sorted(p.name.removesuffix(".expected.yaml") for p in HERE.glob("*.expected.yaml"))
DATA = Path(__file__).resolve().parents[2] / "rulesets" / "data" / "numbering_marks.yaml"


@pytest.mark.parametrize(
    ("line", "style", "label", "ordinal"),
    [
        ("㈠扩大技能培训规模", "cn_paren", "(一)", 1),
        ("　　㈦强化品牌宣传推广", "cn_paren", "(七)", 7),
        ("㈩完善金融保险服务", "cn_paren", "(十)", 10),
        ("⑴支持龙头企业", "arabic_paren", "(1)", 1),
        ("⒇规范管理", "arabic_paren", "(20)", 20),
        ("⒈建设生态茶园", "arabic_dot", "1", 1),
        ("⒓推进改造", "arabic_dot", "12", 12),
        ("❸加强领导", "circled", "❸", 3),
        ("⓬加强领导", "circled", "⓬", 12),
        ("➁加强领导", "circled", "➁", 2),
        ("➋加强领导", "circled", "➋", 2),
        ("⓶加强领导", "circled", "⓶", 2),
        ("㊁加强领导", "circled", "㊁", 2),
        ("㉑加强领导", "circled", "㉑", 21),
    ],
)
def test_a_mark_of_one_character_is_the_item_it_stands_for(line, style, label, ordinal):
    mk = marker_at_start(fold(line))
    assert mk is not None and (mk.style, mk.label, mk.ordinal) == (style, label, ordinal)
    assert mk.end - mk.start == 1  # offsets are the one character's: the original column is the mark's
    assert label_end(line) == mk.end  # the format check reads the original line this way


def test_a_mark_is_no_item_without_text_and_a_sub_point_inside_one():
    assert marker_at_start("㈠") is None
    assert [(m.style, m.label) for m in markers_in("培育加工主体。⑴支持龙头企业；⑵引导合作社。")] == [
        ("arabic_paren", "(1)"), ("arabic_paren", "(2)"),
    ]  # fmt: skip


def test_the_data_says_what_unicode_s_compatibility_form_says():
    """Each mark's label is the form NFKC gives it (a 1. item's label has no dot, as a typed one's), and the
    data's classes name styles the parser has, each mark once."""
    raw = yaml.safe_load(DATA.read_text("utf-8"))
    seen: list[str] = []
    for cls in raw["classes"]:
        assert cls["style"] in STYLES
        seen.extend(cls["chars"])
    assert len(seen) == len(set(seen)) == len(marks())
    for ch, (style, label, _n) in marks().items():
        if style != "circled":
            assert unicodedata.normalize("NFKC", ch).removesuffix(".") == label, ch


def test_the_mark_for_another_number_is_of_the_same_class():
    assert (mark_for("㈣", 3), mark_for("⑷", 3), mark_for("⒋", 3), mark_for("❹", 3), mark_for("④", 21)) == (
        "㈢", "⑶", "⒊", "❸", "㉑",
    )  # fmt: skip
    assert mark_for("㈠", 11) is None and mark_for("4", 3) is None


@pytest.mark.parametrize("name", GOLDS)
def test_a_plan_numbered_with_marks_is_read_as_counted_by_hand(name):
    gold = yaml.safe_load((HERE / f"{name}.expected.yaml").read_text("utf-8"))
    run = check(str(HERE / gold["file"]), allow_no_parent=True, fail_on="none")
    got = run.draft.model_dump(mode="json")
    assert compare(gold, got) == []
    assert closing_overrun(gold, got) == []
    assert (run.draft.level, run.draft.jurisdiction) == (gold["level"], gold["jurisdiction"])
    # ㈠ by itself, and ㈠…㈩ beside a typed （十一）, are one form: no numbering finding, nor any other
    assert [f.message for f in run.report.findings] == []


def _typed(text: str) -> str:
    """`text` with each mark typed out as the form it stands for (㈠ → （一）, ⑴ → （1）, ⒈ → 1.)."""
    out = []
    for ch in text:
        if ch in marks() and marks()[ch][0] != "circled":
            ch = unicodedata.normalize("NFKC", ch).replace("(", "（").replace(")", "）")
        out.append(ch)
    return "".join(out)


def _reading(text: str) -> list[tuple]:
    plan = parse_plan(from_text(text, "plan.txt"))
    return [(m.label, m.ref, tuple(m.path), m.depth, m.style, m.text[:8], tuple(m.lead_units), tuple(m.support_units))
            for m in plan.measures]  # fmt: skip


@pytest.mark.parametrize(
    "path",
    [
        *sorted(HERE.glob("*.txt")),
        HERE.parent / "blind28" / "lvliang-city-caregivers-enclosed-numerals.txt",
        HERE.parent / "blind29" / "jixi-county-huimo-enclosed-numbers.txt",
    ],
    ids=lambda p: p.stem,
)
def test_marks_read_as_the_typed_numbering_they_stand_for_and_so_on_one_line(path):
    """The same plan with its numbers typed out, and the same plan scraped onto one line, read the same measures,
    at the same levels, with the same refs and units."""
    text = path.read_text("utf-8")
    as_printed = _reading(text)
    assert len(as_printed) >= 6
    assert _reading(_typed(text)) == as_printed
    one_line = _reading(" ".join(line.strip() for line in text.splitlines() if line.strip()))
    assert [(m[0], m[6], m[7]) for m in one_line] == [(m[0], m[6], m[7]) for m in as_printed]


def test_four_levels_mixed_typed_and_marked_nest_as_they_stand_for():
    """一、 (typed) > ㈠ > ⒈ (the measures) > ⑴ (parts of the item whose clause follows its last part)."""
    plan = parse_plan(from_text((HERE / "huoshan-county-yellow-bud-tea-marks.txt").read_text("utf-8"), "h.txt"))
    assert [(m.ref, m.style, tuple(m.path)) for m in plan.measures[:3]] == [
        ("(一)1", "arabic_dot", ("二", "(一)")), ("(一)2", "arabic_dot", ("二", "(一)")),
        ("(二)1", "arabic_dot", ("二", "(二)")),
    ]  # fmt: skip
    assert "⑶规范茶叶加工小作坊" in plan.measures[2].text


def _numbering(text: str) -> list[tuple[str | None, str, str | None]]:
    from engine.pipeline import Obligations, check_plans
    from engine.rules.ruleset import Rule

    draft = parse_plan(from_text(text, "draft.txt"))
    rule = Rule.model_validate({"id": "numbering", "check": "numbering", "severity": "warning"})
    findings, _ = check_plans(draft, Obligations(None), [rule])
    return [(f.local_item, f.message, f.suggestion) for f in findings if f.check == "numbering"]


def test_a_gap_among_marks_is_found_and_the_fix_writes_the_mark_expected():
    head = "某县某项工作实施方案\n一、主要任务\n"
    items = head + "㈠完善制度。（县民政局负责）\n㈡加强监管。（县市场监管局负责）\n㈣强化培训。（县人社局负责）\n"
    assert [f[0] for f in _numbering(items)] == ["(四)"]
    parts = (
        head + "1.完善制度。（县民政局负责）\n2.加强监管。\n⑴开展检查。\n⑵公开结果。\n⑷强化考核。\n"
        "牵头单位：县市场监管局\n3.强化培训。（县人社局负责）\n"
    )
    assert _numbering(parts) == [("2", "编号“⑷”：小项跳号，缺少中间的编号", "补上“⑶”或将本项改为“⑶”")]


def test_a_line_opening_with_a_mark_starts_a_paragraph_in_a_wrapped_text_and_a_pdf():
    """A hard-wrapped text: a line that runs to the margin and ends a sentence, then a line opening with ㈡, is
    two paragraphs (as with （二）); a PDF line opening with one after a finished sentence starts anew."""
    line = "㈠扩大技能培训规模。围绕养老护理、医疗护理、母婴护理、家务服务等工种，实行订单式培训。"
    wide = wrap.width(line)
    assert not wrap.goes_on(wrap.Brackets(), line, line, "㈡完善培训标准体系。修订完善培训课程标准。", wide)
    assert wrap.goes_on(wrap.Brackets(), line, line, "完善培训标准体系。修订完善培训课程标准。", wide)
    assert wrap.starts_item("⒉推进茶园宜机化改造") and pdf_numbered("⑴支持龙头企业建设加工厂；")
