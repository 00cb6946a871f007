"""Measures labelled with the word they are and an ordinal (fixtures/fix48/README.md, class 1): "措施一：", "重点任务一：",
"专项一 " (a space for the colon), "措施1:" — entries of rulesets/data/entry_numbering.yaml, their ref the label as
printed; "措施一是…", "措施一至措施三…", "措施一、措施二…" and "措施一 是…" are prose (blind48 showed "措施一：" unread and
the sections 一、二、三、 taken as the measures).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.parse.numbering import ENTRY_STYLE, fold, marker_at_start
from engine.pipeline import load_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "fix48"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("措施一：全面推广节水器具。", "措施一"),
        ("措施六:开展节水宣传教育。", "措施六"),  # a half-width colon
        ("措施一 全面推广节水器具。", "措施一"),  # a space for the colon
        ("措施12：推广合同节水管理。", "措施12"),
        ("任务一：开展普查。", "任务一"),
        ("任务1：开展普查。", "任务1"),
        ("举措一：推进改造。", "举措一"),
        ("行动三：实施更新。", "行动三"),
        ("工程二：建设基地。", "工程二"),
        ("专项一：品种改良。", "专项一"),
        ("重点任务一：完善体系。", "重点任务一"),
        ("重点任务10：完善体系。", "重点任务10"),
    ],
)
def test_a_word_and_an_ordinal_and_a_separator_label_an_entry(text, label):
    mk = marker_at_start(fold(text))
    assert mk is not None and mk.style.startswith(ENTRY_STYLE)
    assert mk.label == label


@pytest.mark.parametrize(
    "text",
    ["措施一是基础，措施二是关键。", "措施一 是基础，措施二 为关键。", "措施一至措施三由市财政局统筹。", "措施一、措施二的进展每季度报送。",
     "措施1.5倍于上年。", "措施一。", "保障措施：加强领导。", "措施：加强领导。", "重点任务一由省商务厅统筹。"],
)  # fmt: skip
def test_prose_mentioning_a_labelled_measure_is_no_label(text):
    mk = marker_at_start(fold(text))
    assert mk is None or not mk.style.startswith(ENTRY_STYLE)


def test_a_tab_after_the_label_in_a_docx_stands_for_the_colon():
    plan = load_plan(str(HERE / "huzhou-city-rural-sewage-measure-tabs.docx"))
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == [
        ("措施一", ["市生态环境局"], ["市建设局", "市农业农村局"]),
        ("措施二", ["市建设局"], ["市大数据发展管理局"]),
        ("措施三", ["市财政局", "市建设局"], []),
        ("措施四", ["市农业农村局"], []),
    ]


def test_a_labelled_measure_in_a_page_on_one_line(tmp_path):
    text = (HERE / "baoding-city-urban-renewal-arabic-measures.txt").read_text("utf-8").replace("\n", " ")
    path = tmp_path / "one-line.txt"
    path.write_text(text, "utf-8")
    plan = load_plan(str(path))
    assert [m.label for m in plan.measures] == ["措施1", "措施2", "措施3", "措施4"]
