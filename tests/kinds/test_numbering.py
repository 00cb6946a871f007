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
