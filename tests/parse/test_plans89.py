"""Long 专项规划 that give responsibility apart from the measures, and their 专栏 (fixtures/plans89/README.md): what
blind89 showed read wrong, as a class.

1. The task 节 name no unit; one sentence of the safeguards chapter assigns them by 节 number ("本规划重点任务分工如下：
   第六节由X牵头，Y、Z配合；…"), perhaps after the paragraph's own sentences, 节 listed (第五节、第六节) or ranged
   (第八至第九节): each 节 takes its part's units (rulesets/data/assignment_lists.yaml `divisions`). A 节-keyed list
   names no measure where the measures are no 节.
2. A closing part of the body that is nothing but the task table (五、重点任务分工表, rows keyed "（一）"…) restating the
   measures: its rows are no measures and give the measures their units.
3. A page scraped as one line with a 专栏 run on between its measures: the box's caption and lines are cut apart and
   read as a box — no measure's text, no measures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.gold import closing_overrun, compare
from engine.ingest import from_text
from engine.parse import parse_plan
from engine.pipeline import load_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "plans89"
DOCS = [
    "shaanxi-province-cultural-relics-plan.txt",
    "xining-city-ecology-plan.txt",
    "moganshan-town-homestay-plan.txt",
    "wuyuan-county-tea-oneline.txt",
]


@pytest.mark.parametrize("name", DOCS)
def test_the_fixtures_are_read_as_counted_by_hand(name):
    gold = yaml.safe_load((HERE / name.replace(".txt", ".expected.yaml")).read_text("utf-8"))
    got = load_plan(str(HERE / name)).model_dump(mode="json")
    assert compare(gold, got) + closing_overrun(gold, got) == []


def test_a_box_run_on_in_a_one_line_page_is_no_measures_text():
    plan = load_plan(str(HERE / "wuyuan-county-tea-oneline.txt"))
    texts = [m.text for m in plan.measures]
    assert len(texts) == 5
    for words in ("专栏1", "茶产业重点工程", "绿色有机茶园建设工程", "专栏2", "篁岭茶文化体验园项目", "大鄣山茶旅综合体"):
        assert not any(words in t for t in texts), words


def _plan(body: str):
    head = "某市人民政府关于印发某市档案事业发展规划的通知\n各县（区）人民政府：\n现将规划印发给你们。\n某市档案事业发展规划\n"
    return parse_plan(from_text(head + body))


def test_a_list_keyed_by_jie_names_no_item_measure():
    """The measures are （一）…（三）: "第二节由X牵头" names no 节 of the plan, so no item takes its units."""
    plan = _plan(
        "一、主要任务\n（一）推进档案数字化。完成馆藏档案数字化。\n（二）建设数字档案馆。建成数字档案馆。\n"
        "（三）加强档案安全。建设异地备份中心。\n二、保障措施\n"
        "各地要高度重视。本规划任务分工如下：第一节由市档案馆牵头，市财政局配合；"
        "第二节由市档案馆负责；第三节由市数据局负责。\n"
    )
    tasks = [m for m in plan.measures if m.title.startswith(("推进档案数字化", "建设数字档案馆", "加强档案安全"))]
    assert len(tasks) == 3
    assert all(not m.lead_units and not m.support_units for m in tasks)


def test_a_jie_list_after_the_paragraphs_own_sentence_assigns_each_jie():
    plan = _plan(
        "第一章　主要任务\n第一节　推进档案数字化\n完成馆藏档案数字化。\n第二节　建设数字档案馆\n建成数字档案馆。\n"
        "第三节　加强档案安全\n建设异地备份中心。\n第二章　保障措施\n第四节　加强组织领导\n"
        "各地要高度重视。本规划任务分工如下：第一节、第二节由市档案馆牵头，市数据局配合；第三节由市档案馆、市公安局按职责分工负责。\n"
    )
    got = {m.ref: (m.lead_units, m.support_units) for m in plan.measures if m.ref != "第四节"}
    assert got == {
        "第一节": (["市档案馆"], ["市数据局"]),
        "第二节": (["市档案馆"], ["市数据局"]),
        "第三节": (["市档案馆", "市公安局"], []),
    }


def test_a_closing_table_of_other_tasks_is_no_restatement():
    """三、重点任务分工 holding the plan's tasks in its rows (nothing above restates them): the rows stay the measures,
    though their 序号 cells "（一）（二）" are also the goals' labels."""
    plan = _plan(
        "一、总体要求\n（一）指导思想。坚持以人民为中心。\n（二）工作目标。到2030年全面建成数字档案馆。\n"
        "二、重点任务分工\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
        "（一）\t开展馆藏档案数字化攻坚\t市档案馆\t市财政局\t2028年底\n"
        "（二）\t建设电子档案备份中心\t市数据局\t市档案馆\t2029年底\n"
        "（三）\t开发档案文化精品\t市档案馆\t市文化广电旅游局\t2030年底\n"
    )
    leads = [m.lead_units for m in plan.measures if m.lead_units]
    assert leads == [["市档案馆"], ["市数据局"], ["市档案馆"]]
