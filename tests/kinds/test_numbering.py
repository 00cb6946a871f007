from engine.models import Section
from engine.rules.kinds import numbering as k

from ._drafting_helpers import ctx, measure, plan, run


def _lines(labels: list[str]) -> list[str]:
    return [f"{lab}推进某项工作。" for lab in labels]


def _plan(labels: list[str], ordinals: list[int], paths: list[list[str]] | None = None, sections=None):
    ms = [
        measure(f"m{i}", "推进某项工作。", line=i + 1, ordinal=o, path=(paths[i] if paths else []))
        for i, o in enumerate(ordinals)
    ]
    return plan(ms, lines=_lines(labels), sections=sections)


def test_gap_repeat_and_order() -> None:
    hits = run(k, ctx(_plan(["1.", "2.", "4.", "4.", "3."], [1, 2, 4, 4, 3])))
    assert [h.key for h in hits] == ["gap", "repeat", "order"]


def test_mixed_label_punctuation_uses_the_original_text() -> None:
    hits = run(k, ctx(_plan(["1．", "2．", "3、", "4．"], [1, 2, 3, 4])))
    assert [(h.local_item, h.key) for h in hits] == [("m2", "style")]


def test_restart_in_every_chapter_is_fine_but_one_odd_chapter_is_not() -> None:
    paths = [["一"], ["一"], ["二"], ["二"], ["三"], ["四"]]
    ok = _plan(["1.", "2.", "1.", "2.", "1.", "1."], [1, 2, 1, 2, 1, 1], paths)
    assert run(k, ctx(ok)) == []
    odd = _plan(["1.", "2.", "1.", "2.", "1.", "2."], [1, 2, 1, 2, 1, 2], paths)
    assert [(h.local_item, h.key) for h in run(k, ctx(odd))] == [("m5", "restart")]


def test_sections_are_numbered_too() -> None:
    secs = [
        Section(label=lab, style="cn_dun", ordinal=o, depth=0, title="标题", line=10 + o)
        for lab, o in (("一", 1), ("三", 3))
    ]
    d = plan([measure("1", "推进。", line=1)], sections=secs, lines=["1.推进。"])
    assert [(h.local_item, h.key) for h in run(k, ctx(d))] == [("三", "gap")]


def test_safeguards_numbered_apart_after_running_tasks_are_not_a_restart(tmp_path) -> None:
    """Tasks (一)…(六) run on across 二、…四、; 五、保障措施 starts again at (一) and parse reads its items as
    general requirements: numbered apart on purpose, not 'this chapter restarts'. Also on one line (a scraped
    page), where every item shares line 1 and only the column orders them (blind4 伊金霍洛旗, 渝北区)."""
    from engine.pipeline import check

    lines = [
        "某旗乡村振兴实施方案",
        "一、总体要求", "到2027年，农牧业综合生产能力稳步提升。",
        "二、提升生产能力",
        "（一）稳定粮食生产。（旗农牧局牵头）", "（二）发展设施农业。（旗农牧局牵头）",
        "三、促进增收",
        "（三）培育家庭牧场。（旗农牧局牵头）", "（四）壮大集体经济。（旗委组织部牵头）",
        "四、改善人居环境",
        "（五）整治村容村貌。（旗住建局牵头）", "（六）推进厕所革命。（旗农牧局牵头）",
        "五、保障措施",
        "（一）加强组织领导。统筹推进各项任务落实。", "（二）强化要素保障。加大投入。",
    ]  # fmt: skip
    for name, text in (("lines.txt", "\n".join(lines)), ("one-line.txt", "".join(lines))):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        run_ = check(str(path), allow_no_parent=True, fail_on="none")
        assert [m.label for m in run_.draft.measures] == ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"], name
        assert [f.message for f in run_.report.findings if f.check == "numbering"] == [], name


# ------------------------------------------------------------------ sub-points inside an item
# An item whose units follow its last part holds its parts as text (engine/parse/subpoints.py); their
# labels are still numbered, and a clerk wants (1)(2)(4), (1)(1), 1. 2. 2. found inside it too.

_HEAD = "某县某项工作实施方案\n一、主要任务\n1.完善制度。建立工作台账。（牵头单位：县民政局）\n"
_TAIL = "3.强化培训。每年培训一次。（牵头单位：县人社局）\n"


def _numbering(text: str) -> list[tuple[str | None, str, str | None, int | None]]:
    """(item, message, suggestion, line) of the numbering findings on `text` parsed as a draft."""
    from engine.ingest import from_text
    from engine.parse import parse_plan
    from engine.pipeline import Obligations, check_plans
    from engine.rules.ruleset import Rule

    draft = parse_plan(from_text(text, "draft.txt"))
    rule = Rule.model_validate({"id": "numbering", "check": "numbering", "severity": "warning"})
    findings, _ = check_plans(draft, Obligations(None), [rule])
    return [(f.local_item, f.message, f.suggestion, f.line) for f in findings if f.check == "numbering"]


def _item(parts: list[str], units: str = "牵头单位：县市场监管局") -> str:
    return _HEAD + "2.加强监管。\n" + "".join(p + "\n" for p in parts) + units + "\n" + _TAIL


def test_a_gap_among_the_parts_of_an_item_is_found_at_the_part_and_names_the_label_expected() -> None:
    text = _item(["（1）开展检查。", "（2）公开结果。", "（4）强化考核。"])
    assert _numbering(text) == [
        ("2", "编号“（4）”：小项跳号，缺少中间的编号", "补上“（3）”或将本项改为“（3）”", 7)
    ]


def test_a_repeated_part_and_a_part_out_of_order_are_found() -> None:
    assert _numbering(_item(["（1）开展检查。", "（1）公开结果。"])) == [
        ("2", "编号“（1）”：与上一小项重号", "改为“（2）”", 6)
    ]
    assert [f[1:3] for f in _numbering(_item(["①开展检查。", "③公开结果。", "②强化考核。"]))] == [
        ("编号“③”：小项跳号，缺少中间的编号", "补上“②”或将本项改为“②”"),
        ("编号“②”：小项顺序错乱（比上一小项小）", "改为“④”"),
    ]


def test_numbered_parts_under_a_bracketed_item_keep_their_own_punctuation_in_the_suggestion() -> None:
    text = (
        "某县某项工作实施方案\n一、主要任务\n（一）完善制度。建立工作台账。（牵头单位：县民政局）\n"
        "（二）加强监管。\n1.开展检查。\n2.公开结果。\n2.强化考核。\n牵头单位：县市场监管局\n"
        "（三）强化培训。每年培训一次。（牵头单位：县人社局）\n"
    )
    assert _numbering(text) == [("(二)", "编号“2.”：与上一小项重号", "改为“3.”", 7)]


def test_a_list_on_one_line_is_checked_where_its_labels_stand_after_a_stop() -> None:
    """A list inside a paragraph is one where it starts at its 1: labels that start nowhere are not read."""
    text = (
        _HEAD + "2.加强宣传。主要包括：（1）宣传政策；（2）宣传典型；（4）宣传成效。（牵头单位：县委宣传部）\n"
        "3.强化培训。培训内容：（1）政策法规；（2）业务技能；（3）安全知识。（牵头单位：县人社局）\n"
        "4.加强考核。考核结果作为评优依据。（3）年度考核另行通知；（5）不再单列。（牵头单位：县人社局）\n"
    )
    found = _numbering(text)
    assert [(f[0], f[2], f[3]) for f in found] == [("2", "补上“（3）”或将本项改为“（3）”", 4)]


def test_dates_quotes_and_references_are_no_sub_points() -> None:
    """Only the real gap is found: （2025年） is a date, 第（4）项 and 按照（一） refer to other items, a
    numbering inside “…” or 《…》 is quoted."""
    text = _item([
        "（1）开展检查。（2025年）底前完成首轮检查，按照本方案第（4）项的要求公开。",
        "（2）公开结果。落实“（一）建档；（三）回访”的要求，执行《办法》“（1）登记；（3）核查”的规定。",
        "（2024年）已开展的检查纳入台账。",
        "（4）强化考核。",
    ])  # fmt: skip
    assert [(f[1], f[3]) for f in _numbering(text)] == [("编号“（4）”：小项跳号，缺少中间的编号", 8)]


def test_a_second_paragraph_of_the_item_may_start_a_list_of_its_own() -> None:
    """（1）（2）, then a paragraph of the item and （1）（2） again: two lists, not a repeat; the second list's
    gap is still found."""
    text = _item([
        "（1）开展检查。", "（2）公开结果。", "同时，做好以下工作：", "（1）强化培训。", "（3）考核上岗。",
        "加强宣传引导。", "（1）宣传政策。", "（2）宣传典型。",
    ])  # fmt: skip
    assert [(f[1], f[3]) for f in _numbering(text)] == [("编号“（3）”：小项跳号，缺少中间的编号", 9)]


def test_parts_that_are_measures_of_their_own_are_reported_once() -> None:
    """Item 2's parts each name their units: they are measures, and the numbering of measures reports their
    gap; the sub-point check does not report it again. Item 4's parts are its text: the sub-point check
    reports theirs."""
    text = (
        _HEAD + "2.加强监管。\n（1）开展检查。（牵头单位：县市场监管局）\n（2）公开结果。（牵头单位：县司法局）\n"
        "（4）强化考核。（牵头单位：县人社局）\n" + _TAIL
        + "4.加强宣传。\n（1）宣传政策。\n（3）宣传典型。\n牵头单位：县委宣传部\n"
    )
    assert [(f[0], f[3]) for f in _numbering(text)] == [("(4)", 7), ("4", 11)]


def test_sub_points_of_a_page_that_lost_its_line_breaks_are_checked_too() -> None:
    """A scraped page on one line: parse cuts it at the labels that follow on, the others stay in the text."""
    text = (
        "某县某项工作实施方案一、主要任务1.完善制度。建立工作台账。（牵头单位：县民政局）"
        "2.加强监管。（1）开展检查。（2）公开结果。（4）强化考核。（牵头单位：县市场监管局）"
        "3.强化培训。每年培训一次。（牵头单位：县人社局）"
        "4.加强宣传。（1）宣传政策。（1）宣传典型。（牵头单位：县委宣传部）"
    )
    assert [(f[0], f[2]) for f in _numbering(text)] == [
        ("2", "补上“（3）”或将本项改为“（3）”"), ("4", "改为“（2）”")
    ]  # fmt: skip


def test_an_attachment_numbers_its_categories_and_rows_anew() -> None:
    """A plan whose tasks are only in its attached 重点任务清单 (categories 一、二、 and rows 1.–4.) after the
    body's 一、…三、: the attachment's 一、 is not 'smaller than the previous label' (measured blind on a
    湖南省 .docx: a false numbering warning). A real slip inside the attachment is still found."""
    body = (
        "某省某项工作方案\n一、总体要求\n到2026年底，体系基本建立。\n二、重点任务\n具体任务见附件。\n"
        "三、保障措施\n（一）加强统筹协调。定期调度。\n（二）加大资金支持。统筹资金。\n附件：重点任务清单\n"
        "某省人民政府办公厅\n2025年4月22日\n附件\n重点任务清单\n"
    )
    rows = "一、夯实基础\n1.编制资源目录。（牵头单位：省数据局）\n2.深化共享。（牵头单位：省数据局）\n二、拓展场景\n"
    assert _numbering(body + rows + "3.推动交通数据利用。（牵头单位：省交通运输厅）\n4.加强人才建设。（牵头单位：省人社厅）\n") == []
    slipped = _numbering(body + rows + "3.推动交通数据利用。（牵头单位：省交通运输厅）\n5.加强人才建设。（牵头单位：省人社厅）\n")
    assert [(item, "跳号" in msg) for item, msg, _, _ in slipped] == [("5", True)]


def test_a_finding_on_an_entry_label_points_at_its_number(tmp_path) -> None:
    """Entries numbered with a word (任务N：, 第N项任务：) and labels with a word before the number (第X条): a
    numbering finding points at the label's number in the line as written, not at column 1."""
    from engine.pipeline import check

    text = "\n".join([
        "某市老旧小区改造行动方案",
        "一、重点任务",
        "　　任务1：改造供排水管网", "　　牵头单位：市住房城乡建设局",
        "　　任务2：加装电梯", "　　牵头单位：市住房城乡建设局",
        "　　任务4：补齐养老设施", "　　牵头单位：市民政局",
        "  第 5 项任务：增设停车设施", "  牵头单位：市公安局",
    ])  # fmt: skip
    path = tmp_path / "plan.txt"
    path.write_text(text, "utf-8")
    run_ = check(str(path), allow_no_parent=True, fail_on="none")
    findings = [f for f in run_.report.findings if f.check == "numbering"]
    assert findings, "任务4 after 任务2 is a gap"
    lines = text.split("\n")
    for f in findings:
        row = lines[f.line - 1]
        assert row[f.column - 1] in "45", (f.local_item, f.line, f.column, row)


def test_a_half_width_label_beside_full_width_ones_is_one_finding_with_its_fix(tmp_path) -> None:
    """(二) where its level also writes （一）: the numbering check's style finding carries the edits the format
    check proposes for the same brackets, so the slip is reported once (the warning) and `fix` makes it once."""
    from engine.pipeline import check

    text = "\n".join([
        "某区餐饮油烟整治工作方案",
        "一、整治任务",
        "　　（一）排查餐饮单位。", "　　责任单位：区城市管理局",
        "　　(二)整治露天烧烤。", "　　责任单位：区城市管理局",
        "　　（三）清洗油烟设施。", "　　责任单位：区市场监管局",
    ])  # fmt: skip
    path = tmp_path / "plan.txt"
    path.write_text(text, "utf-8")
    run_ = check(str(path), allow_no_parent=True, fail_on="none")
    on_line = [f for f in run_.report.findings if f.line == 5]
    assert [(f.check, f.severity) for f in on_line] == [("numbering", "warning")]
    edits = [(e.column, e.original, e.replacement) for e in on_line[0].fix.edits]
    assert edits == [(3, "(", "（"), (5, ")", "）")]
