"""Responsibility fields printed BEFORE the measure's number in the measure's own paragraph, set as tags:
"【牵头单位】X【配合单位】Y、Z　1.扩大…" (fixtures/front69/README.md; engine/parse/clause_place.py `fields_first`,
`one_paragraph`, `fields_of_first`). The hand-counted golds of fixtures/front69 are read exactly, as
tests/parse/test_fix_golds.py reads those of fixtures/fix*; the other tests pin the reading and what it leaves alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine import extract
from engine.ingest import from_text
from engine.parse import parse_plan, prepare
from engine.parse.clause_place import fields_first
from engine.parse.numbering import fold

FOLDER = Path(__file__).resolve().parents[2] / "fixtures" / "front69"

HEAD = "某县茶叶产业提升实施方案\n一、工作目标\n到2027年全县茶园面积达到5万亩。\n二、重点任务\n"
TAIL = "三、保障措施\n（一）加强组织领导。县政府统筹推进。\n"


def _units(text: str) -> list[tuple[str, list[str], list[str], str]]:
    plan = parse_plan(from_text(text))
    return [(m.label, m.lead_units, m.support_units, m.text[:6]) for m in plan.measures if m.path[:1] != ["三"]]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("【牵头单位】县农业农村局【配合单位】县财政局、县林业局　1.改造低产茶园。", "1."),
        ("【牵头单位】县农业农村局【配合单位】县财政局1.改造低产茶园。", "1."),  # a .pdf's line: the space folded away
        ("〔牵头单位〕县农业农村局〔配合单位〕县财政局〔完成时限〕2027年底前　（一）改造低产茶园。", "(一)"),
        ("[责任单位]县农业农村局、县财政局 (1)改造低产茶园。", "(1)"),
        ("【牵头】县农业农村局【配合】县财政局　1.改造低产茶园。", "1."),
        ("（牵头单位：县农业农村局；配合单位：县财政局）1.改造低产茶园。", "1."),
    ],
)
def test_the_number_after_the_fields_is_found(text, number):
    text = fold(text)  # as prepare reads a paragraph
    at = fields_first(text)
    assert at is not None and text[at:].startswith(number)


@pytest.mark.parametrize(
    "text",
    [
        "【工作目标】到2027年全县茶园面积达到5万亩。",  # a tag heading of prose
        "【主要任务】1.改造低产茶园。2.建设加工厂。",  # a tag heading, then a list: no fields, no cut
        "【一】改造低产茶园。对低产茶园实施改造。",  # a number in a tag is the item's own number
        "（一）改造低产茶园。（县农业农村局牵头）",
        "【牵头单位】县农业农村局【配合单位】县财政局",  # the fields alone on their line: a paragraph already
        "（本件公开发布）",
    ],
)
def test_no_cut_elsewhere(text):
    assert fields_first(fold(text)) is None


def test_bare_labels_set_as_tags_are_fields_and_a_tag_after_a_unit_a_role_mark():
    found = extract.find_responsibility("〔牵头〕县农业农村局〔配合〕县财政局、县林业局")
    assert found is not None
    r = found.responsibility
    assert [u.name for u in r.lead] == ["县农业农村局"] and [u.name for u in r.support] == ["县财政局", "县林业局"]
    found = extract.find_responsibility("（县农业农村局【牵头】、县财政局）")
    assert found is not None and [u.name for u in found.responsibility.lead] == ["县农业农村局"]


def test_each_measure_gets_the_fields_printed_before_its_number():
    text = HEAD + (
        "【牵头单位】县农业农村局【配合单位】县财政局　1.改造低产茶园。每年改造5000亩。\n"
        "【牵头单位】县市场监管局　2.打造茶叶品牌。申报地理标志产品。\n"
        "【责任单位】县商务局、县供销社　3.拓展销售渠道。发展电商销售。\n"
    ) + TAIL
    assert _units(text) == [
        ("1", ["县农业农村局"], ["县财政局"], "改造低产茶园"),
        ("2", ["县市场监管局"], [], "打造茶叶品牌"),
        ("3", ["县商务局", "县供销社"], [], "拓展销售渠道"),
    ]


def test_a_measure_without_fields_keeps_none_and_the_others_keep_theirs():
    """Read per paragraph, not from the list's layout: a measure printed with no fields in the middle of the list."""
    text = HEAD + (
        "【牵头单位】县农业农村局【配合单位】县财政局　1.改造低产茶园。每年改造5000亩。\n"
        "2.推广绿色防控。覆盖率达到80%。\n"
        "【牵头单位】县商务局　3.拓展销售渠道。发展电商销售。\n"
    ) + TAIL
    assert [(lab, lead, sup) for lab, lead, sup, _ in _units(text)] == [
        ("1", ["县农业农村局"], ["县财政局"]),
        ("2", [], []),
        ("3", ["县商务局"], []),
    ]


def test_a_whole_bracket_before_the_number_is_read_alike():
    text = HEAD + (
        "（牵头单位：县农业农村局；配合单位：县财政局）1.改造低产茶园。每年改造5000亩。\n"
        "（县商务局负责）2.拓展销售渠道。发展电商销售。\n"
    ) + TAIL
    assert [(lab, lead, sup) for lab, lead, sup, _ in _units(text)] == [
        ("1", ["县农业农村局"], ["县财政局"]),
        ("2", ["县商务局"], []),
    ]


def test_the_plans_first_item_keeps_its_fields_out_of_the_preamble():
    text = (
        "某镇茶园管护工作方案\n为加强茶园管护，现将任务分工明确如下：\n"
        "【牵头单位】镇农业服务中心【配合单位】各村民委员会　1.加强茶园管护。及时修剪施肥。\n"
        "【牵头单位】镇财政所　2.落实管护补助。按时发放补助资金。\n"
    )
    plan = parse_plan(from_text(text))
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == [
        ("1", ["镇农业服务中心"], ["各村民委员会"]),
        ("2", ["镇财政所"], []),
    ]
    assert "牵头单位" not in plan.preamble


def test_the_fields_are_placed_on_the_measures_own_line():
    text = HEAD + "　　【牵头单位】县农业农村局【配合单位】县财政局　1.改造低产茶园。每年改造5000亩。\n" + TAIL
    m = parse_plan(from_text(text)).measures[0]
    assert m.text.startswith("改造低产茶园。") and m.title == "改造低产茶园"
    r = m.responsibility
    assert r is not None and (r.line, r.column) == (m.line, 3) and not r.detached
    assert m.sentences[0].line == m.line and m.sentences[0].column == 28  # after 2 spaces, 23 of fields, 　1.


def test_tag_headings_of_prose_keep_their_paragraphs():
    text = (
        "某县茶叶产业提升实施方案\n一、总体要求\n【工作目标】到2027年全县茶园面积达到5万亩。\n"
        "【基本原则】坚持生态优先。\n二、重点任务\n1.改造低产茶园。每年改造5000亩。（县农业农村局负责）\n"
        "2.拓展销售渠道。发展电商销售。（县商务局负责）\n"
        "三、保障措施\n【组织保障】县政府统筹推进。\n"
    )
    texts = [p.text for p in prepare(from_text(text))]
    assert "【工作目标】到2027年全县茶园面积达到5万亩。" in texts and "【组织保障】县政府统筹推进。" in texts
    assert [m.label for m in parse_plan(from_text(text)).measures] == ["1", "2"]


