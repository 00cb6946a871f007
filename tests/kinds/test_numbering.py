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
