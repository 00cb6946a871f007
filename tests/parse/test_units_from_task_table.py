"""A body whose numbered items name no units, restated by an attached 任务分工表 whose rows do (a county's
重点工作安排 and its 分工表 附件, rows tab-separated): each item takes the units of the one row whose task
is its title (issue 16: a built 食品安全 安排 got 'the whole draft names no unit' though every row names
its lead). A row matching no title, or two rows the same title, give nothing; an item's own clause wins."""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan

BODY = """某某县2024年食品安全重点工作安排
为做好2024年全县食品安全工作，现将重点工作安排如下。
一、落实食品安全责任。县委、县政府每半年至少专题研究1次食品安全工作。
二、加强源头治理。开展农药兽药残留专项整治。
三、强化生产经营监管。对学校食堂实施全覆盖检查。{own}
某某县食品安全委员会办公室
2024年3月1日
附件
2024年食品安全重点工作任务分工表
序号\t工作任务\t牵头单位\t配合单位\t完成时限
1\t落实食品安全责任\t县食安办\t县直各有关单位\t全年
2\t加强源头治理\t县农业农村局\t县市场监管局\t2024年12月底前
3\t强化生产经营监管\t县市场监管局\t县教育局\t2024年12月底前
"""


def leads(text: str) -> dict[str, list[str]]:
    return {m.ref: m.lead_units for m in parse_plan(from_text(text, path="draft.txt")).measures}


def test_items_take_the_units_of_their_rows() -> None:
    assert leads(BODY.format(own="")) == {"一": ["县食安办"], "二": ["县农业农村局"], "三": ["县市场监管局"]}


def test_an_items_own_clause_wins() -> None:
    assert leads(BODY.format(own="（牵头单位：县教育局）"))["三"] == ["县教育局"]


def test_a_row_of_another_task_gives_nothing() -> None:
    text = BODY.format(own="").replace("1\t落实食品安全责任", "1\t完善应急预案")
    assert leads(text)["一"] == []


def test_checked_alone_no_missing_unit_finding() -> None:
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from engine.pipeline import check

    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.txt"
        path.write_text(BODY.format(own=""), encoding="utf-8")
        run = check(str(path), allow_no_parent=True, fail_on="none")
    assert [f.rule for f in run.report.findings if f.rule.startswith("lead-unit")] == []


NOTICE_ABOVE = """某某省人民政府办公厅关于印发某某省养老服务提升实施方案的通知
各市、县（区）人民政府，省政府各部门：
《某某省养老服务提升实施方案》已经省政府同意，现印发给你们，请认真组织实施。
某某省人民政府办公厅
2026年7月22日
某某省养老服务提升实施方案
一、重点任务
（一）建立基本养老服务清单制度。制定省级基本养老服务清单。
（二）完善居家社区养老服务网络。推进街道综合养老服务中心建设。
二、保障措施
（一）加强组织领导。各级人民政府要建立健全部门协同推进机制。
附件：重点任务分工表
附件
重点任务分工表
1.建立基本养老服务清单制度(牵头单位:省民政厅;配合单位:省财政厅)2026年底前完成。
2.完善居家社区养老服务网络(牵头单位:省民政厅;配合单位:省住房城乡建设厅)2027年底前完成。
"""


def test_under_a_notice_dated_above_the_plan_the_rows_give_the_units() -> None:
    """The 印发 notice is signed and dated above the plan, which closes with no date of its own; its 附件 分工表
    (a Word table read as one line a row) restates the items with their units (blind4 江西省 .docx)."""
    got = {m.label: (m.lead_units, m.support_units) for m in parse_plan(from_text(NOTICE_ABOVE, path="d.txt")).measures}
    assert got == {"(一)": (["省民政厅"], ["省财政厅"]), "(二)": (["省民政厅"], ["省住房城乡建设厅"])}
