from engine.models import Paragraph, Responsibility
from engine.rules.kinds import format as k

from ._drafting_helpers import ctx, measure, plan, run


def _resp(bracket: str, line: int, col: int, text: str, detached: bool = False) -> Responsibility:
    return Responsibility(
        style="牵头单位", bracket=bracket, text=text, line=line, column=col, detached=detached
    )


def test_bracket_minority_is_reported() -> None:
    lines = [
        "1.推进。（牵头单位：区司法局）",
        "2.推进。（牵头单位：区司法局）",
        "3.推进。［牵头单位：区委办］",
    ]
    ms = [
        measure(str(i + 1), t[2:], line=i + 1, paragraphs=[i], resp=_resp("()", i + 1, 6, t[5:]))
        for i, t in enumerate(lines)
    ]
    hits = run(k, ctx(plan(ms, lines=lines)), detached=False, spaces=False, widths=False, citations=False)
    assert [h.local_item for h in hits] == ["3"]


def test_detached_and_broken_clauses() -> None:
    lines = [
        "1.推进。(牵头单位:甲)",
        "2.推进。(牵头单位:乙",
        "、丙按职责分工负责)",
        "3.推进。",
        "(牵头单位:丁)",
    ]
    ms = [
        measure("1", "推进。(牵头单位:甲)", line=1, paragraphs=[0], resp=_resp("()", 1, 6, "(牵头单位:甲)")),
        measure(
            "2",
            "推进。(牵头单位:乙\n、丙按职责分工负责)",
            line=2,
            paragraphs=[1, 2],
            resp=_resp("()", 2, 6, "(牵头单位:乙"),
        ),
        measure(
            "3",
            "推进。(牵头单位:丁)",
            line=4,
            paragraphs=[3, 4],
            resp=_resp("()", 5, 1, "(牵头单位:丁)", detached=True),
        ),
    ]
    hits = run(k, ctx(plan(ms, lines=lines)), brackets=False, spaces=False, widths=False, citations=False)
    assert sorted(h.local_item for h in hits) == ["2", "3"]


def test_stray_spaces_from_the_original_text() -> None:
    d = plan([measure("1", "2022年年底前完成。", line=1, paragraphs=[0])], lines=[""])
    d.paragraphs = [
        Paragraph(
            index=0,
            line=1,
            text="1.2022年年底前完成法治政府建设。",
            orig="    1．2022 年年底前完成法治 政府建设。",
        )
    ]
    hits = run(k, ctx(d), brackets=False, detached=False, widths=False, citations=False)
    assert len(hits) == 2 and all(h.line == 1 for h in hits)


def test_citation_dash_against_parent_title_and_default_dash() -> None:
    parent = plan(
        [],
        jurisdiction="广西",
        level="province",
        parent_j=None,
        title="广西法治政府建设实施方案(2021—2025年)",
    )
    lines = [
        "为确保《广西法治政府建设实施方案(2021-2025年)》落实，根据《法治政府建设实施纲要(2021-2025年)》，制定本方案。"
    ]
    d = plan([], lines=lines)
    hits = run(k, ctx(d, parent), brackets=False, detached=False, spaces=False, widths=False)
    assert len(hits) == 2 and all(h.local_item is None for h in hits)
    assert (
        run(k, ctx(d), brackets=False, detached=False, spaces=False, widths=False, year_range_dash="") == []
    )


def test_cells_of_a_pasted_task_table_are_not_stray_spaces() -> None:
    """A table pasted with single spaces between its cells (its rows read cell by cell) gave one
    多余空格 finding per row; a sentence with the same spaces in running text is still reported."""
    from engine.pipeline import check

    table = (
        "某某市统计局关于印发数据质量提升工作要点的通知\n"
        "一、工作要求\n1.各单位要高度重视，认真落实。（牵头单位：市统计局）\n"
        "附件：重点任务分工表\n"
        "序号 工作任务 牵头单位 配合单位 完成时限\n"
        "1 建立统计数据质量责任制 市统计局 各县市区 2025年6月底前\n"
        "2 开展统计执法检查 市统计局 市司法局 2025年9月底前\n"
    )
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "d.txt"
        path.write_text(table, encoding="utf-8")
        found = [f for f in check(str(path), allow_no_parent=True, fail_on="none").report.findings
                 if f.check == "format" and "空格" in f.message]
        assert found == []
        path.write_text(table.replace("认真落实。", "认真 落实 统计 工作。"), encoding="utf-8")
        found = [f for f in check(str(path), allow_no_parent=True, fail_on="none").report.findings
                 if f.check == "format" and "空格" in f.message]
        assert len(found) == 1


def test_the_space_after_a_chapter_or_article_label_is_the_norm() -> None:
    """第一章　总则 / 第三条　… set the label off by a space (a blind 沛县 plan got 18 多余空格 findings)."""
    import tempfile
    from pathlib import Path

    from engine.pipeline import check

    text = (
        "某某县全民健身实施办法\n第一章　总则\n第一条　为推动全民健身，制定本办法。（牵头单位：县体育局）\n"
        "第二章 设施建设\n第二条 新建社区健身中心10个。（牵头单位：县体育局）\n"
        "第三条 建设 健身 步道20公里。（牵头单位：县住建局）\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "d.txt"
        path.write_text(text, encoding="utf-8")
        found = [f.evidence.local for f in check(str(path), allow_no_parent=True, fail_on="none").report.findings
                 if f.check == "format" and "空格" in f.message]
    assert len(found) == 1 and "健身" in (found[0] or ""), found  # the stray spaces inside the text still count
