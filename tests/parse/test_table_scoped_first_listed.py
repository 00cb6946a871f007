"""A first-listed convention stated in a TABLE's note ("注：列第一位者为牵头单位" after its rows, "（排在第一位的为
牵头单位）" under its caption, a note row inside a Word table) holds for that table's rows only; stated in the 印发
notice or the front it holds for the whole document, as before (issue #16; fixtures/forms16)."""

from __future__ import annotations

import pytest

from engine.ingest import from_text, load_document
from engine.parse import parse_plan
from tests.parse.conftest import FIXTURES

FORMS = FIXTURES / "forms16"
RUICHANG = FORMS / "ruichang-city-tourism-table-note.txt"


def roles(plan) -> list[tuple[str, list[str], list[str]]]:
    return [(m.label, m.lead_units, m.support_units) for m in plan.measures]


FORM_ROLES = {
    # a note after the table ("注：…列第一位者为牵头单位…"): the table's rows only
    "ruichang-city-tourism-table-note.txt": [
        ("(一)", ["市文广新旅局", "市交通运输局"], []),  # the body: joint, as written
        ("(二)", ["市商务局", "市文广新旅局", "市教育体育局"], []),
        ("(三)", ["市文广新旅局", "市城管局"], []),
        ("1", ["市文广新旅局"], ["市自然资源局", "夏畈镇人民政府"]),  # the table: the first leads
        ("2", ["市住建局"], ["市文广新旅局", "南义镇人民政府"]),
        ("3", ["市城投集团"], ["市林业局"]),
    ],
    # a note under the caption ("（排在第一位的为牵头单位）")
    "dean-county-safety-caption-note.txt": [
        ("(一)", ["县应急管理局", "县安委会各成员单位"], []),
        ("(二)", ["县工信局", "县应急管理局"], []),
        ("1", ["县住建局"], ["县市场监管局", "县城管局"]),
        ("2", ["县公安局交警大队"], ["县交通运输局"]),
        ("3", ["县住建局"], ["县自然资源局", "各乡镇人民政府"]),
    ],
    # a note row of a Word table
    "lushan-city-water-note-row.docx": [
        ("(一)", ["市水利局", "市城投集团"], []),
        ("(二)", ["市卫生健康委", "市水利局"], []),
        ("1", ["市水利局"], ["市城投集团", "温泉镇人民政府"]),
        ("2", ["市城投集团"], ["海会镇人民政府"]),
    ],
}


@pytest.mark.parametrize("name", FORM_ROLES)
def test_a_table_note_reads_that_table_s_rows_only(name: str) -> None:
    assert roles(parse_plan(load_document(str(FORMS / name)))) == FORM_ROLES[name]


def test_the_same_note_in_the_notice_holds_for_the_whole_document() -> None:
    text = RUICHANG.read_text("utf-8")
    note = "注：责任单位中列第一位者为牵头单位，其余为配合单位。\n"
    text = text.replace(note, "").replace("请认真组织实施。", "请认真组织实施。" + note.removeprefix("注：").strip())
    got = roles(parse_plan(from_text(text, path="d.txt")))
    assert got[0] == ("(一)", ["市文广新旅局"], ["市交通运输局"])
    assert got[3] == ("1", ["市文广新旅局"], ["市自然资源局", "夏畈镇人民政府"])


def test_a_body_sentence_before_the_table_is_no_caption_s_note() -> None:
    """The sentence "现将重点项目安排如下（…列第一位者为牵头单位）：" before the table is the body's sentence, not a caption's note: it
    holds for the whole document."""
    text = (
        "某市交通运输工作要点\n一、强化行业治理\n"
        "（一）强化协调。建立交通运输联席会议制度，每季度召开一次。（责任单位：市交通运输局、市发展改革委）\n"
        "二、重点项目\n现将重点项目安排如下（各项任务责任单位中，列第一位者为牵头单位）：\n"
        "序号\t工作任务\t责任单位\t完成时限\n1\t推进国省道改造\t市交通运输局、市财政局\t2025年12月底前\n"
        "2\t推进农村公路建设\t市交通运输局、市农业农村局\t2025年12月底前\n"
    )
    got = roles(parse_plan(from_text(text, path="d.txt")))
    assert got[0] == ("(一)", ["市交通运输局"], ["市发展改革委"])
    assert got[1] == ("1", ["市交通运输局"], ["市财政局"])
