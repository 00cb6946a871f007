"""A 通知 or 意见 whose own body is the task list, unnumbered (fixtures/notices78; blind78's 本溪 notice showed the
class): after a paragraph introducing the tasks ("现就有关事项通知如下：", "现提出如下意见："), a run of paragraphs led
by one bullet mark is the list of measures, in a text with no numbered paragraph at all (engine/parse/bullets.py
`_unheaded`). A run introduced as goals or requirements is no list of measures, and neither is a mark-led paragraph
that nothing introduces. The golds of fixtures/notices78 are read by tests/parse/test_fix_golds.py.
"""

from __future__ import annotations

import pytest

from engine.errors import PlancheckError
from engine.ingest import from_text
from engine.parse import parse_plan

HEAD = "某县人民政府办公室关于做好防汛工作的通知\n\n各乡镇人民政府，县政府各部门：\n"
TASKS = (
    "　　——排查整治隐患。全面排查山洪地质灾害隐患点，2026年5月底前完成整治。（县水利局牵头，县自然资源局配合）\n"
    "　　——加强值班值守。汛期实行24小时值班制度。（县应急管理局负责）\n"
)
TAIL = "\n某县人民政府办公室\n2026年4月1日\n"


def _plan(text: str):
    return parse_plan(from_text(text, "notice.txt"))


def test_a_run_after_an_introducing_paragraph_is_the_notices_measures():
    plan = _plan(HEAD + "　　为做好今年防汛工作，现就有关事项通知如下：\n" + TASKS + TAIL)
    assert [m.label for m in plan.measures] == ["——", "——"]
    assert [m.lead_units for m in plan.measures] == [["县水利局"], ["县应急管理局"]]
    assert [m.support_units for m in plan.measures] == [["县自然资源局"], []]


def test_a_requirements_run_after_the_tasks_is_not_read_into_them():
    text = HEAD + "　　现就有关事项通知如下：\n" + TASKS + (
        "　　为确保工作落实，具体要求如下：\n　　——加强组织领导。\n　　——严格责任追究。\n"
    ) + TAIL
    plan = _plan(text)
    assert len(plan.measures) == 2
    assert "组织领导" not in plan.measures[-1].text and "责任追究" not in plan.measures[-1].text


@pytest.mark.parametrize(
    "intro",
    [
        "　　为做好今年防汛工作，工作要求如下：\n",  # requirements, not tasks
        "　　今年防汛工作的主要目标如下：\n",  # goals
        "　　为做好今年防汛工作，各地要抓好以下工作。\n",  # no colon: nothing introduces a list
    ],
)
def test_a_run_not_introduced_as_tasks_is_refused_as_before(intro):
    with pytest.raises(PlancheckError) as caught:
        _plan(HEAD + intro + TASKS + TAIL)
    assert caught.value.code == "parse.no_measures"


def test_one_mark_led_paragraph_is_no_list():
    one = TASKS.splitlines(keepends=True)[0]
    with pytest.raises(PlancheckError) as caught:
        _plan(HEAD + "　　现就有关事项通知如下：\n" + one + TAIL)
    assert caught.value.code == "parse.no_measures"
