"""Items whose text starts with digits are items, not decimals (issue 16 item 3)."""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan


def test_items_starting_with_digits():
    plan = parse_plan(
        from_text(
            "某市人才发展实施方案\n一、重点项目\n10.青年英才计划。每年支持青年人才。(牵头单位:市人社局)\n"
            "11.121人才梯队项目。选拔培养121名高层次人才。(牵头单位:市委组织部)\n"
            "12.3D打印产业人才计划。引进3D打印人才。(牵头单位:市科技局)\n"
        )
    )
    assert [(m.ref, m.title) for m in plan.measures] == [
        ("10", "青年英才计划"), ("11", "121人才梯队项目"), ("12", "3D打印产业人才计划"),
    ]  # fmt: skip


def test_a_decimal_that_does_not_continue_the_sequence_stays_text():
    plan = parse_plan(
        from_text("某市实施方案\n一、任务\n1.提高补贴。补贴标准提高到\n1.5倍。(牵头单位:市财政局)\n"
                  "2.加强监管。严格执法。(牵头单位:市市场监管局)\n")
    )
    assert [m.ref for m in plan.measures] == ["1", "2"]
    assert "1.5倍" in plan.measures[0].text


# ---- a run's FIRST items opening with digits (digits78: "1.2026年底前…", "3.10处…", "1.5G-A…" before "2.…")

_HEAD = "某县农田建设实施方案\n一、工作目标\n到2027年，全县高标准农田面积提高到原来的1.5倍。\n二、重点任务\n"


def _refs(text: str) -> list[tuple[str, str]]:
    return [(m.label, m.title[:6]) for m in parse_plan(from_text(text)).measures]


def test_the_first_items_open_with_digits():
    # 1 and 2 open with digits, 3 does not: walking up from 3, the run gives 2 and 1 their numbers
    text = _HEAD + ("1.2026年底前完成农田普查。(牵头单位:县农业农村局)\n2.10万亩农田改造。改造农田10万亩。(牵头单位:县水利局)\n"
                    "3.建设灌溉设施。新建泵站3座。(牵头单位:县水利局)\n三、保障措施\n(一)加强领导。县政府统筹。\n")
    assert _refs(text) == [("1", "2026年底"), ("2", "10万亩农田"), ("3", "建设灌溉设施")]


def test_a_run_numbered_on_across_group_headings():
    text = _HEAD + ("(一)夯实基础\n1.3个示范片区建设。(牵头单位:县农业农村局)\n(二)完善设施\n2.5G+智慧灌溉。(牵头单位:县水利局)\n"
                    "3.建设泵站。(牵头单位:县水利局)\n三、保障措施\n")
    assert [r for r, _ in _refs(text)] == ["1", "2", "3"]


def test_a_run_started_again_under_a_heading():
    # the run under (二) starts again: its "1.3个…" stands after item 3 of (一), parted from it by the heading
    text = _HEAD + ("(一)夯实基础\n1.普查农田。(牵头单位:县农业农村局)\n2.修建机耕路。(牵头单位:县交通运输局)\n"
                    "3.治理土壤。(牵头单位:县农业农村局)\n(二)完善设施\n1.3个灌区改造。(牵头单位:县水利局)\n"
                    "2.2027年底前建成泵站。(牵头单位:县水利局)\n3.建设监测站。(牵头单位:县水利局)\n三、保障措施\n")
    assert [r for r, _ in _refs(text)] == ["1", "2", "3", "1", "2", "3"]


def test_a_decimal_under_the_item_of_its_number_stays_its_text():
    # "2.5万亩" under item 2 comes before item 3, but 2 is there already: the line is item 2's
    text = _HEAD + ("1.普查农田。(牵头单位:县农业农村局)\n2.改造农田。改造面积达到\n2.5万亩以上。(牵头单位:县水利局)\n"
                    "3.建设泵站。(牵头单位:县水利局)\n三、保障措施\n")
    plan = parse_plan(from_text(text))
    assert [m.ref for m in plan.measures] == ["1", "2", "3"]
    assert "2.5万亩" in plan.measures[1].text


def test_a_number_alone_is_no_item():
    # a goals table's value "1.5" on a line of its own, right above item 2: no item 1
    text = _HEAD.replace("到2027年", "主要指标\n灌溉水有效利用系数\n1.5\n到2027年") + (
        "2.建设泵站。(牵头单位:县水利局)\n3.建设监测站。(牵头单位:县水利局)\n三、保障措施\n")
    assert [r for r, _ in _refs(text)] == ["2", "3"]


def test_on_one_line_the_first_items_open_with_digits():
    text = _HEAD.replace("\n", " ") + (
        "(一)夯实基础1.2026年底前完成农田普查。(牵头单位:县农业农村局)2.10万亩农田改造。(牵头单位:县水利局)"
        "(二)完善设施3.5G+智慧灌溉。(牵头单位:县水利局)4.建设泵站。(牵头单位:县水利局) 三、保障措施 (一)加强领导。县政府统筹。")
    assert _refs(text) == [("1", "2026年底"), ("2", "10万亩农田"), ("3", "5G+智慧灌"), ("4", "建设泵站")]


def test_on_one_line_a_decimal_after_a_stop_under_item_1_stays_its_text():
    text = _HEAD.replace("\n", " ") + ("1.提高补贴。1.5倍以上部分由县财政承担。(牵头单位:县财政局)"
                                       "2.加强监管。(牵头单位:县农业农村局) 三、保障措施")
    plan = parse_plan(from_text(text))
    assert [m.ref for m in plan.measures] == ["1", "2"]
    assert "1.5倍以上" in plan.measures[0].text


def test_on_one_line_a_decimal_after_a_stop_before_the_item_of_its_number_stays_text():
    # "。3.5万亩…" inside item 2 would be item 3, but the plain "3." further on is: the decimal is item 2's text
    text = _HEAD.replace("\n", " ") + ("1.普查农田。(牵头单位:县农业农村局)2.改造农田。全年改造农田。3.5万亩用于高效节水灌溉。"
                                       "(牵头单位:县水利局)3.建设泵站。(牵头单位:县水利局)4.5G+智慧灌溉。(牵头单位:县水利局) 三、保障措施")
    plan = parse_plan(from_text(text))
    assert [m.label for m in plan.measures] == ["1", "2", "3", "4"]
    assert "3.5万亩" in plan.measures[1].text
