"""fill_measure on the real plans; never raising on arbitrary text; speed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from engine.extract import (
    extract_deadlines,
    extract_responsibility,
    extract_targets,
    fill_measure,
    is_generic_unit,
    split_clauses,
    split_sentences,
    strength_of,
)
from engine.models import Measure


def measure(text: str, n: int = 1) -> Measure:
    return Measure(label=str(n), style="arabic_dot", ordinal=n, depth=1, title="", text=text)


def test_sentence_indexes_of_deadlines_and_targets():
    m = measure(
        "45.完善推进机制。原则上每两年开展一次示范创建活动，2025年前实现督察全覆盖。严格执行年度报告制度。"
        "(牵头单位:区委组织部、区委依法治区办)"
    )
    fill_measure(m)
    assert [s.index for s in m.sentences] == [0, 1, 2]
    assert [s.level for s in m.sentences] == ["normal", "soft", "firm"]
    assert [(d.date, d.sentence) for d in m.deadlines] == [("2025-12-31", 1)]
    assert [(t.kind, t.sentence) for t in m.targets] == [("frequency", 1), ("coverage", 1)]
    assert m.lead_units == ["区委组织部", "区委依法治区办"]


def test_inline_lead_clause_is_cut_out_of_its_sentence():
    m = measure("今年由区司法局牵头，区财政局配合，必须建立制度。其次完成。")
    fill_measure(m)
    assert m.lead_units == ["区司法局"] and m.support_units == ["区财政局"]
    assert [s.text for s in m.sentences] == ["今年，必须建立制度。", "其次完成。"]
    assert m.sentences[0].level == "mandatory"


def test_fill_measure_clears_previous_values():
    m = measure("做好工作。(牵头单位:区司法局)")
    fill_measure(m)
    m.text = "做好工作。"
    fill_measure(m)
    assert m.responsibility is None and m.lead_units == [] and m.support_units == []


def test_lines_are_left_to_parse_and_offsets_are_exact():
    text = "做好工作。\n2022年年底前完成。\n(牵头单位:区司法局)"
    m = measure(text)
    m.line, m.column = 10, 5
    fill_measure(m)
    assert all((s.line, s.column) == (0, 0) for s in m.sentences)
    r = m.responsibility
    assert (r.line, r.column) == (0, 0) and text[r.start : r.end] == r.text and r.detached


def test_all_fixture_measures(chengzhong, measures_of):
    ms = [measure(t, n) for n, t in measures_of(chengzhong)]
    for m in ms:
        fill_measure(m)
        assert m.sentences and m.lead_units
        assert all("牵头单位" not in s.text for s in m.sentences)
    by = {m.label: m for m in ms}
    assert [(t.comparator, t.value, t.unit) for t in by["36"].targets] == [(">=", 60, "学时")]
    assert [(t.kind, t.value) for t in by["37"].targets] == [("frequency", 2), ("number", 1)]
    assert [d.kind for d in by["37"].deadlines] == ["term"]


def test_measures_with_the_same_text_get_their_own_facts(chengzhong, measures_of) -> None:
    """fill_measure keeps what a text yields; parse then places each measure's sentences and
    clause (line, column), and extract numbers the sentences: one measure's must not move another's."""
    n, text = next((n, t) for n, t in measures_of(chengzhong) if "牵头" in t)
    a, b = measure(text, n), measure(text, n)
    fill_measure(a)
    fill_measure(b)
    assert a.responsibility is not None and a.sentences and a.model_dump() == b.model_dump()
    before = b.model_dump()
    # every extracted fact is frozen, so sharing them between measures and runs is safe: no field
    # can be set and no list inside can grow
    r, s = a.responsibility, a.sentences[0]
    for obj, name, value in [(s, "line", 99), (r, "line", 99), (r, "lead", ()), (r.lead[0], "generic", True),
                             *[(d, "sentence", 99) for d in a.deadlines], *[(t, "value", 0.0) for t in a.targets]]:
        with pytest.raises(ValidationError, match="frozen"):
            setattr(obj, name, value)
    with pytest.raises(AttributeError):
        s.strength.append("改动")  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        r.lead.append(r.lead[0])  # type: ignore[attr-defined]
    a.sentences[0] = s.model_copy(update={"line": 99})  # a measure places its own copy
    assert b.sentences[0].line != 99 and b.model_dump() == before
    c = measure(text, n)
    fill_measure(c)
    assert c.model_dump() == b.model_dump()


ALPHABET = st.sampled_from(
    [*"年月日底前末每季度半任期内期间十四五三两一二〇零百%.0123456789()（）[]［］【】《》“”、，,；;:：。！？\n ",
       "牵头单位", "配合单位", "责任单位", "按职责分工负责", "牵头", "由", "区司法局", "各有关部门",
       "不少于", "至少", "以上", "以内", "全覆盖", "基本", "一次", "必须", "逐步", "2022", "2025年前"]
)  # fmt: skip
TEXTS = st.one_of(st.text(max_size=200), st.lists(ALPHABET, max_size=80).map("".join))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_nothing_raises_on_arbitrary_text(text):
    split_sentences(text)
    split_clauses(text)
    extract_responsibility(text)
    extract_deadlines(text)
    extract_targets(text)
    strength_of(text)
    is_generic_unit(text)
    m = measure(text)
    fill_measure(m)
    assert all(s.text for s in m.sentences)
    r = m.responsibility
    if r is not None:
        assert text[r.start : r.end] == r.text


def test_sub_item_clauses_are_all_cut_from_sentences_and_the_measure_has_their_units():
    m = measure(
        "1.深化改革。\n(1)清理中介。(责任单位:县编办)\n(2)推进标准化。(责任单位:县法制局、县直各有关单位)"
    )
    fill_measure(m)
    assert m.lead_units == ["县编办", "县法制局", "县直各有关单位"]
    assert m.responsibility.text == "(责任单位:县法制局、县直各有关单位)" and len(m.responsibility.clauses) == 2
    assert [s.text for s in m.sentences] == ["1.深化改革。", "(1)清理中介。", "(2)推进标准化。"]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("（一）建设产业示范园。建成示范园10个。（责任单位：市农业农村局；完成时限：2027年3月31日）", ["2027-03-31"]),
        ("（一）建设产业示范园。建成示范园10个。（市农业农村局牵头，市财政局配合，2027年底前完成）", ["2027-12-31"]),
        ("（一）建设产业示范园。到2026年底建成5个，2027年建成10个。（责任单位：市农业农村局；完成时限：2027年6月底前）",
         ["2026-12-31", "2027-06-30"]),
    ],
)  # fmt: skip
def test_a_deadline_inside_the_clause_is_the_tasks(text, dates):
    """The clause is cut from the sentences; its deadline field is not: it is the task's, on the sentence it closes."""
    m = measure(text)
    fill_measure(m)
    assert m.lead_units == ["市农业农村局"]
    assert [d.date for d in m.deadlines] == dates
    assert all(d.sentence == len(m.sentences) - 1 for d in m.deadlines[-1:])
