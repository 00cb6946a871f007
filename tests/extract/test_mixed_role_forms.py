"""A responsibility clause whose parts mix the two ways of naming a role (issue 16, item 1): the 为 form of a
field beside the inline role verb, "（X为牵头单位，Y、Z配合）", "（X为牵头单位，Y等部门参与）",
"（X为牵头单位，Y按职责分工负责）", and the other way round "（X牵头，Y为配合单位）". Either form alone was read
(tests/extract/test_role_words.py); mixed, the first was not read at all (a false lead-unit-required) and the
second lost its support units.

And the words of a measure that say who does something are not its clause: "由市政府牵头建立联席会议制度，定期
研究…" (the task's own sentence, going on), "建立以X为牵头单位、Y为配合单位的服务体系" (a mechanism to set up)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.extract import extract_responsibility
from engine.ingest import from_text
from engine.parse import parse_plan

BODY = "实施竹林改造提升工程，每年改造低效竹林1万亩。"

# (clause, leads, supports)
MIXED = [
    ("（市林业局为牵头单位，市财政局、市农业农村局配合）", ["市林业局"], ["市财政局", "市农业农村局"]),
    ("(市林业局为牵头单位,市财政局、市农业农村局配合)", ["市林业局"], ["市财政局", "市农业农村局"]),
    ("（市林业局为牵头部门；市财政局、市农业农村局等部门配合）", ["市林业局"], ["市财政局", "市农业农村局"]),
    ("（市林业局为牵头单位，市财政局、市农业农村局按职责分工负责）", ["市林业局"], ["市财政局", "市农业农村局"]),
    ("（市林业局为牵头单位，市财政局参与）", ["市林业局"], ["市财政局"]),
    ("（市林业局为主责单位，市财政局协同）", ["市林业局"], ["市财政局"]),
    ("（市林业局、市发展改革委为牵头单位，各县（市、区）人民政府配合）",
     ["市林业局", "市发展改革委"], ["各县（市、区）人民政府"]),
    ("（市林业局为责任单位，市财政局配合）", ["市林业局"], ["市财政局"]),
    ("（市林业局牵头，市财政局、市农业农村局为配合单位）", ["市林业局"], ["市财政局", "市农业农村局"]),
    ("（市林业局牵头负责；市财政局为协办单位）", ["市林业局"], ["市财政局"]),
    # a joint word before the support verb, as before the lead verb (A、B共同牵头): it is no part of a name
    ("（市林业局牵头，市财政局、市农业农村局共同参与）", ["市林业局"], ["市财政局", "市农业农村局"]),
    ("（市林业局牵头，市财政局、市科技局联合配合）", ["市林业局"], ["市财政局", "市科技局"]),
    ("由市发展改革委牵头，市商务局共同参与。", ["市发展改革委"], ["市商务局"]),
    # 协同配合 is one support verb, as 共同参与: the last support unit does not keep 协同 (simplified and traditional)
    ("（县林业局牵头负责，县财政局、县自然资源局协同配合）", ["县林业局"], ["县财政局", "县自然资源局"]),
    ("（县林业局牵头负责，县财政局、各乡镇人民政府协同配合）", ["县林业局"], ["县财政局", "各乡镇人民政府"]),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "lead", "support"), MIXED)
def test_a_clause_mixing_the_field_and_the_verb_form_is_read_whole(clause, lead, support):
    r = extract_responsibility(BODY + clause, prose=True)
    assert r is not None
    assert ([u.name for u in r.lead], [u.name for u in r.support]) == (lead, support)


TRAD_PLAN = """某縣茶產業發展實施方案

一、主要任務
（一）加強茶園建設。每年新建標準化茶園1000畝。（縣林業局牽頭負責，縣財政局、各鄉鎮人民政府協同配合）
（二）培育茶葉品牌。每年舉辦茶文化節1次。（縣商務局牽頭，縣文化和旅遊局協同配合）
"""


def test_a_traditional_character_clause_closed_by_xietong_peihe_keeps_no_verb_in_a_name():
    plan = parse_plan(from_text(TRAD_PLAN))
    got = [(m.ref, m.lead_units, m.support_units) for m in plan.measures]
    assert got == [
        ("(一)", ["县林业局"], ["县财政局", "各乡镇人民政府"]),
        ("(二)", ["县商务局"], ["县文化和旅游局"]),
    ]


PLAN = """XX市竹产业发展实施方案

一、主要任务
（一）加强竹林培育。实施竹林改造提升工程，每年改造低效竹林1万亩。（市林业局为牵头单位，市财政局、市农业农村局配合）
（二）健全工作机制。由市政府牵头建立联席会议制度，定期研究竹产业发展重大问题。
（三）完善服务体系。建立以市行政审批局为牵头单位，市市场监管局、市税务局等部门为配合单位的服务体系。
（四）强化资金保障。市林业局为牵头单位，市财政局配合做好资金保障，每年安排专项资金。
（五）加强宣传推介。（市林业局为牵头单位，市财政局配合做好资金保障）
（六）推进精深加工。由市工业和信息化局牵头培育竹加工龙头企业。每年新增规模以上企业2家。
（七）拓展竹林碳汇。（以市林业局为牵头单位，市生态环境局配合）
"""


def test_only_the_clause_gives_units_not_the_sentences_of_a_measure():
    plan = parse_plan(from_text(PLAN))
    got = [(m.ref, m.lead_units, m.support_units) for m in plan.measures]
    assert got == [
        ("(一)", ["市林业局"], ["市财政局", "市农业农村局"]),
        ("(二)", [], []),  # 由市政府牵头建立…，定期研究…: the task's sentence
        ("(三)", [], []),  # a service system to set up, with its lead and support
        ("(四)", [], []),  # not a clause: the sentence goes on (配合做好…，每年…)
        ("(五)", [], []),  # 配合做好资金保障: a duty described, not a role word closing the list
        ("(六)", [], []),  # 由X牵头培育…。 and another sentence after it
        ("(七)", [], []),  # 以X为牵头单位: X does not open with a name
    ]


@pytest.mark.parametrize(
    "text",
    [
        "健全工作机制。由市政府牵头建立联席会议制度，定期研究竹产业发展重大问题。",
        "健全工作机制。由市政府牵头建立联席会议制度。定期研究竹产业发展重大问题。",
    ],
)
def test_a_lead_said_inside_the_task_s_sentence_is_no_clause(text):
    assert extract_responsibility(text, prose=True) is None
    assert extract_responsibility(text) is None


def test_the_mixed_clause_is_no_missing_lead(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN.split("（二）")[0], "utf-8")
    r = CliRunner().invoke(main, ["check", "--no-parent", "--fail-on", "none", "--format", "json", str(path)])
    assert r.exit_code == 0, r.output
    rules = {(f["rule"], f["local_item"]) for f in json.loads(r.output)["findings"]}
    assert ("lead-unit-required", "(一)") not in rules
    assert not [k for k in rules if k[0].startswith("lead-unit")]
