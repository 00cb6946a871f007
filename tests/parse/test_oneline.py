"""Documents delivered as one line (or a few huge lines): split at inline numbering, keep columns."""

from __future__ import annotations

from itertools import pairwise

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan
from engine.parse.frontmatter import front_cuts
from engine.parse.numbering import fold, inline_markers
from engine.parse.tree import unfuse_heading

FIXTURES = ["guangxi-2021-2025-parent.txt", "chengzhong-district-draft.txt", "guangning-county-2016-2020.txt"]


@pytest.mark.parametrize("name", FIXTURES)
@pytest.mark.parametrize("strip", [False, True], ids=["indented", "stripped"])
def test_one_line_equals_multi_line(doc_of, read_fixture, name, strip):
    text = read_fixture(name)
    multi = parse_plan(doc_of(text))
    line = "".join(x.strip() if strip else x for x in text.splitlines())
    one = parse_plan(doc_of(line))
    assert [m.ref for m in one.measures] == [m.ref for m in multi.measures]
    assert [m.label for m in one.measures] == [m.label for m in multi.measures]
    assert [s.label for s in one.sections] == [s.label for s in multi.sections]
    assert [m.parent_measure for m in one.measures] == [m.parent_measure for m in multi.measures]
    for m in one.measures:
        assert m.line == 1 and m.end_line == 1
        # the column points at the label in the original line (full- or half-width as written)
        assert fold(line[m.column - 1 : m.column - 1 + len(m.label)]) == m.label
    assert one.jurisdiction == multi.jurisdiction and one.level == multi.level
    assert one.title == multi.title


FRONT_FIELDS = ("title", "jurisdiction", "parent_jurisdiction", "level", "is_draft", "date", "doc_number")


@pytest.mark.parametrize("name", FIXTURES)
@pytest.mark.parametrize("joiner", ["", " "], ids=["joined", "spaced"])
def test_one_line_front_matter_equals_multi_line(doc_of, read_fixture, name, joiner):
    """Title, 文号, signature and date run together on one line are read as from separate lines."""
    text = read_fixture(name)
    multi = parse_plan(doc_of(text))
    one = parse_plan(doc_of(joiner.join(x.strip() for x in text.splitlines())))
    assert {f: getattr(one, f) for f in FRONT_FIELDS} == {f: getattr(multi, f) for f in FRONT_FIELDS}
    assert (one.issuers, one.addressees, one.cited) == (multi.issuers, multi.addressees, multi.cited)
    assert one.preamble == multi.preamble


@pytest.mark.parametrize("name", FIXTURES)
def test_one_line_section_titles_equal_multi_line(doc_of, read_fixture, name):
    """A section heading fused with its intro sentence is split off again; measures see the same path."""
    text = read_fixture(name)
    multi = parse_plan(doc_of(text))
    one = parse_plan(doc_of("".join(x.strip() for x in text.splitlines())))
    assert [s.title for s in one.sections] == [s.title for s in multi.sections]
    assert [s.text.replace("\n", "") for s in one.sections] == [
        s.text.replace("\n", "") for s in multi.sections
    ]
    assert [m.section_titles for m in one.measures] == [m.section_titles for m in multi.measures]


def _pieces(text: str) -> list[str]:
    cuts = [0, *front_cuts(text), len(text)]
    return [text[a:b].strip() for a, b in pairwise(cuts) if text[a:b].strip()]


def test_front_cuts_rebuild_the_lines():
    text = (
        "甲乙县人民政府关于印发《甲乙县某某工作实施方案》的通知甲政发〔2020〕3号各乡镇人民政府,县直各单位:"
        "现将《甲乙县某某工作实施方案》印发给你们,请认真贯彻执行。中共甲乙县委甲乙县人民政府2020年3月2日"
        "甲乙县某某工作实施方案(2020—2022年)为推进某某工作,制定本方案。"
    )
    assert _pieces(text) == [
        "甲乙县人民政府关于印发《甲乙县某某工作实施方案》的通知",
        "甲政发〔2020〕3号",
        "各乡镇人民政府,县直各单位:",
        "现将《甲乙县某某工作实施方案》印发给你们,请认真贯彻执行。",
        "中共甲乙县委甲乙县人民政府",
        "2020年3月2日",
        "甲乙县某某工作实施方案(2020—2022年)",
        "为推进某某工作,制定本方案。",
    ]


def test_one_line_front_matter_snippet(doc_of):
    text = (
        "甲乙县人民政府关于印发《甲乙县某某工作实施方案》的通知甲政发〔2020〕3号各乡镇人民政府,县直各单位:"
        "现将《甲乙县某某工作实施方案》印发给你们,请认真贯彻执行。中共甲乙县委甲乙县人民政府2020年3月2日"
        "甲乙县某某工作实施方案(2020—2022年)为推进某某工作,制定本方案。一、主要任务1.加强执法。2.完善复议。"
    )
    plan = parse_plan(doc_of(text))
    assert plan.title == "甲乙县某某工作实施方案(2020—2022年)"
    assert (plan.doc_number, plan.date) == ("甲政发〔2020〕3号", "2020-03-02")
    assert plan.issuers == ["中共甲乙县委", "甲乙县人民政府"]
    assert plan.addressees == "各乡镇人民政府,县直各单位"
    assert plan.preamble == "为推进某某工作,制定本方案。"


def test_type_word_inside_quotes_does_not_end_the_title(doc_of):
    text = "丙市丁区贯彻《丙市落实〈某省某某规划〉工作方案》的实施意见 (送审稿) 根据上级部署,制定本意见。一、任务1.加强执法。"
    plan = parse_plan(doc_of(text))
    assert plan.title == "丙市丁区贯彻《丙市落实〈某省某某规划〉工作方案》的实施意见(送审稿)"
    assert plan.is_draft and (plan.jurisdiction, plan.parent_jurisdiction) == ("丁区", "丙市")
    assert plan.preamble == "根据上级部署,制定本意见。"


@pytest.mark.parametrize(
    "text",
    [
        "坚持以规划为引领,以项目为抓手,推进各项工作。",  # a type word in running text
        "根据省政府2021年12月31日印发的通知精神,制定本方案。",  # a date in running text
        "根据《某某方案》(桂发〔2021〕45号)精神,结合实际,制定本方案。",  # a cited 文号
        "为推进依法行政,制定本方案。各地各部门要高度重视。",
    ],
)
def test_front_cuts_leave_running_text_alone(text):
    assert front_cuts(text) == []


@pytest.mark.parametrize(
    ("rest", "heading"),
    [
        ("健全某某工作体系深入推进某某改革，着力实现某某目标，基本形成某某体系。", "健全某某工作体系"),
        ("加强组织保障党的领导是做好某某工作的根本保证，必须坚持党总揽全局。", "加强组织保障"),
        ("依法履行某某职能工作目标:某某体系基本形成,某某能力显著提高。", "依法履行某某职能"),
        (
            "深化某某改革,坚持某某执法工作目标:某某体制基本完善,某某水平显著提升。",
            "深化某某改革,坚持某某执法",
        ),
        ("总体目标到2025年，某某工作全面纳入法治轨道，某某体系日益健全。", "总体目标"),
    ],
)
def test_unfuse_heading(rest, heading):
    split = unfuse_heading(rest)
    assert split is not None and split[0] == heading
    assert rest.startswith(heading) and split[1] and split[1] in rest


@pytest.mark.parametrize(
    "rest",
    [
        "健全某某工作体系",  # a heading on its own
        "指导思想。坚持以某某为指导。",  # first sentence short
        "建立健全某某决策机制,推进某某决策科学化、民主化、法治化。",  # a comma before any opener
        "某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某。",  # no opener
    ],
)
def test_unfuse_heading_leaves_headings_alone(rest):
    assert unfuse_heading(rest) is None


def test_inline_markers_need_sequence_and_boundary():
    text = "一、总体要求(一)指导思想。坚持依法。(二)主要原则。按照(三)办理。(三)总体目标。到2025年完成1.5倍。二、任务"
    labels = [m.label for m in inline_markers(fold(text))]
    assert labels == ["一", "(一)", "(二)", "(三)", "二"]


def test_inline_marker_after_short_heading_continues_sequence():
    text = "一、总体要求1.工作目标。2.注重实践。二、组织保障和落实机制3.自觉接受党的领导。"
    assert [m.label for m in inline_markers(text)] == ["一", "1", "2", "二", "3"]


def test_one_line_snippet(doc_of):
    text = "为推进依法行政,制定本方案。一、主要任务1.加强执法。严格程序。(牵头单位:县司法局)2.完善复议。二、保障措施3.加强领导。"
    plan = parse_plan(doc_of(text))
    assert [m.label for m in plan.measures] == ["1", "2", "3"]
    assert plan.measures[0].text == "加强执法。严格程序。(牵头单位:县司法局)"
    assert [text[m.column - 1 : m.column + 1] for m in plan.measures] == ["1.", "2.", "3."]
    assert plan.preamble == "为推进依法行政,制定本方案。"


def test_two_megabyte_line_parses(doc_of, read_fixture):
    """Its time is a benchmark figure (python -m bench.speed), not a test."""
    one = "".join(read_fixture(FIXTURES[0]).splitlines())
    big = one * (2_000_000 // len(one.encode()) + 1)
    doc = doc_of(big)
    plan = parse_plan(doc)
    assert len(plan.measures) == 50 * (len(big) // len(one))
    assert len({m.ref for m in plan.measures}) == len(plan.measures)


def test_inline_marker_after_a_unit_field_continues_sequence():
    """A 负责部门/牵头单位 line ends without a stop: the next item runs on right after its last unit."""
    text = (
        "一、重点任务1.加强品种保护。完善保种场建设。负责部门:旗农牧局(牵头),旗财政局、各苏木镇人民政府"
        "2.提升加工水平。支持企业技术改造。牵头单位:区民政局二、保障措施3.加强领导。"
    )
    assert [m.label for m in inline_markers(text)] == ["一", "1", "2", "二", "3"]
    # a number inside the unit list is not an item: it does not continue the sequence
    assert [m.label for m in inline_markers("1.甲。责任单位:县住建局、县第3.中学2.乙。")] == ["1", "2"]


def test_inline_restart_of_an_enclosing_style_needs_a_boundary():
    """"(九)坚持知行合一、工学结合": the 一、 inside a heading is not a new 一、 section."""
    text = "一、总则(一)甲。二、任务(二)坚持知行合一、工学结合。(三)乙。三、保障(四)丙。"
    assert [m.label for m in inline_markers(text)] == ["一", "(一)", "二", "(二)", "(三)", "三", "(四)"]


def test_front_cuts_after_a_publication_note():
    text = "国务院办公厅2019年1月1日(此件公开发布)国家组织药品集中采购和使用试点方案根据党中央部署,制定本方案。"
    assert _pieces(text) == [
        "国务院办公厅",
        "2019年1月1日",
        "(此件公开发布)",
        "国家组织药品集中采购和使用试点方案",
        "根据党中央部署,制定本方案。",
    ]


def test_circled_numbers_enumerate_inside_an_item():
    """"(一)编制计划。①摸排…；②建立…": ①② stay in the item's text, as on its own line."""
    text = "一、主要任务(一)科学编制改造计划。①全面摸排老旧小区。②建立项目库。(二)补齐基础设施短板。①实施改造。"
    assert [m.label for m in inline_markers(text)] == ["一", "(一)", "(二)"]


@pytest.mark.parametrize("joiner", ["", " "], ids=["joined", "spaced"])
def test_a_signature_and_date_before_a_title_no_place_opens(joiner):
    """A notice signed and dated right before the plan's title, on one line (blind8's class): the title opens
    with a district's name that is also a phrase (城关区), so only the title itself says where the date ends;
    the district is the issuer's last division, under its city."""
    lines = [
        "兰州市城关区人民政府办公室关于印发《城关区老旧燃气管道更新改造工作方案》的通知",
        "各街道办事处，区政府各部门：",
        "《城关区老旧燃气管道更新改造工作方案》已经区政府同意，现印发给你们，请认真组织实施。",
        "兰州市城关区人民政府办公室",
        "2025年6月3日",
        "城关区老旧燃气管道更新改造工作方案",
        "为消除燃气管道安全隐患，结合我区实际，制定本方案。",
        "一、重点任务",
        "（一）摸清管网底数。建立老旧管道台账。（牵头单位：区住房和城乡建设局）",
        "（二）实施更新改造。完成老旧管道改造12公里。（牵头单位：区住房和城乡建设局；配合单位：区财政局）",
    ]
    plan = parse_plan(from_text(joiner.join(lines)))
    assert plan.title == "城关区老旧燃气管道更新改造工作方案"
    assert (plan.issuers, plan.date) == (["兰州市城关区人民政府办公室"], "2025-06-03")
    assert (plan.jurisdiction, plan.parent_jurisdiction, plan.level) == ("城关区", "兰州市", "county")
    assert [m.label for m in plan.measures] == ["(一)", "(二)"]


@pytest.mark.parametrize(
    "title",
    ["2025年全县马铃薯产业提质增效工作方案", "“一乡一品”特色产业培育工作方案", "城关区老旧燃气管道更新改造工作方案"],
)
def test_front_cuts_end_a_signature_date_before_any_title(title):
    text = f"现印发给你们，请认真组织实施。某某县人民政府办公室2025年5月12日{title}为推动产业发展，制定本方案。"
    assert _pieces(text)[-3:] == ["2025年5月12日", title, "为推动产业发展，制定本方案。"]
