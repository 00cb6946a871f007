"""Responsibility stated in a prose sentence after a measure (fixtures/prose36/ models the class; blind34 乌镇镇 was the
measured miss): "此项由X负责落实，Y、Z协助。", "本项工作由X牵头，Y配合。", "请X牵头，Y配合。", "X为责任单位。", "X会同Y负责。" …,
closing the measure's paragraph or on a line of its own after it. X leads, the others support. Sentences in which 负责
is an ordinary verb about no unit (负责人, 谁主管谁负责, 对…负责, 各级各部门要…负责) and people (某某同志) give no unit.
The words beyond the role lexicon are data: rulesets/data/prose_roles.yaml.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract import extract_responsibility
from engine.extract.data import prose_roles
from engine.ingest import from_text
from engine.parse import parse_plan
from tests.extract.prose_plans import checked_beside_gold, roles_of

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "prose36"
GOLDS = sorted(p.name.removesuffix(".expected.yaml") for p in HERE.glob("*.expected.yaml"))
TASK = "开展游船安全隐患排查，5月底前完成船体、救生设备和消防器材全面检查。"




@pytest.mark.parametrize("name", GOLDS)
def test_each_plan_is_read_as_counted_by_hand(name):
    gold, run, differences = checked_beside_gold(HERE, name)
    assert differences == []
    assert (run.draft.level, run.draft.jurisdiction) == (gold["level"], gold["jurisdiction"])
    # "no lead unit" only for the measures the gold says name none (the negatives), once each or once for the plan
    missing = {m["ref"] for m in gold["measures"] if not m["lead"]}
    asked = [f for f in run.report.findings if f.rule == "lead-unit-required"]
    assert bool(asked) == bool(missing)


FORMS = [
    ("此项由镇安监站负责落实，乌镇派出所、各社区协助。", ["镇安监站"], ["乌镇派出所", "各社区"]),
    ("本项工作由县农业农村局牵头，县财政局配合。", ["县农业农村局"], ["县财政局"]),
    ("由县农业农村局负责，县财政局协助配合。", ["县农业农村局"], ["县财政局"]),
    ("县农业农村局负责，县财政局、县水利局协助。", ["县农业农村局"], ["县财政局", "县水利局"]),
    ("县农业农村局牵头负责，县财政局参与。", ["县农业农村局"], ["县财政局"]),
    ("县市场监督管理局会同县农业农村局负责。", ["县市场监督管理局"], ["县农业农村局"]),
    ("县市场监督管理局会同县农业农村局、县卫生健康局负责。", ["县市场监督管理局"], ["县农业农村局", "县卫生健康局"]),
    ("请县商务局牵头，县农业农村局、县供销合作社配合。", ["县商务局"], ["县农业农村局", "县供销合作社"]),
    ("请县商务局牵头负责，县农业农村局配合。", ["县商务局"], ["县农业农村局"]),
    ("请市商务局负责。", ["市商务局"], []),
    ("县自然资源和规划局为责任单位。", ["县自然资源和规划局"], []),
    ("市农业农村局为牵头单位，市财政局、市供销合作社配合。", ["市农业农村局"], ["市财政局", "市供销合作社"]),
    ("市交通运输局为牵头单位，市公安局为配合单位。", ["市交通运输局"], ["市公安局"]),
    ("具体由县文化和广电旅游体育局组织实施。", ["县文化和广电旅游体育局"], []),
    ("县人力资源和社会保障局负责落实，县农业农村局协助。", ["县人力资源和社会保障局"], ["县农业农村局"]),
    ("以上各项工作由镇农业农村办负责落实，镇财政所协助。", ["镇农业农村办"], ["镇财政所"]),
    ("此项工作统一由镇综合行政执法队负责，镇建设管理办配合。", ["镇综合行政执法队"], ["镇建设管理办"]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "lead", "support"), FORMS)
@pytest.mark.parametrize("apart", ["", "\n"], ids=["same-paragraph", "own-line"])
def test_a_closing_prose_sentence_names_lead_and_support(sentence, lead, support, apart):
    assert roles_of(TASK + apart + sentence) == (lead, support)


@pytest.mark.parametrize(
    "sentence",
    [
        "请县商务局牵头，县农业农村局配合。",
        "请县商务局负责。",
    ],
)
def test_a_request_word_is_no_part_of_the_leads_name(sentence):
    r = extract_responsibility(TASK + sentence, prose=True)
    assert r is not None and not any(u.name.startswith(tuple(prose_roles().requests)) for u in r.lead)


NEGATIVES = [
    "各村（社区）要明确一名河道保洁负责人，坚持谁主管谁负责，发现问题及时上报。",  # a person; a principle
    "坚持谁主管谁负责。",
    "企业主要负责人对本单位安全生产工作全面负责。",  # 对…负责 of a person
    "县交通运输局对本系统安全生产负责。",  # 对…负责: a body answering for a field, no assignment of this measure
    "各级各部门要按照职责分工，对冷链物流发展工作负责。",
    "各乡镇（街道）、县级各有关部门要对本地区、本部门茶产业发展工作负责。",
    "此项由镇河长办副主任沈建华同志负责。",  # a person, not a unit
    "此项由分管领导负责，各站所配合。",
    "县农业农村局负责组织茶园面积、产量和产值统计。",  # "X负责…" alone: a duty described (README)
    "企业为安全生产责任主体。",  # a kind of body, none named
    "企业为责任主体。",
    "由县财政局落实资金，确保按期完成。",  # 落实 with an object: the task
    "县财政局落实配套资金，县农业农村局配合。",
    "请各乡镇于6月底前将工作进展报县农业农村局。",  # 请 with no role verb: a request to report
]  # fmt: skip


@pytest.mark.parametrize("sentence", NEGATIVES)
@pytest.mark.parametrize("apart", ["", "\n"], ids=["same-paragraph", "own-line"])
def test_responsible_as_an_ordinary_verb_names_no_unit(sentence, apart):
    assert roles_of(TASK + apart + sentence) is None


def test_the_sentence_on_its_own_line_stays_with_its_measure():
    plan = (
        "某镇工作方案\n一、重点任务\n1.整治沿河违章搭建。全面排查沿河两岸违章建筑。\n"
        "本项工作由镇综合行政执法队牵头，镇建设管理办配合。\n"
        "2.开展河道清淤疏浚。完成清淤土方8万立方米。此项由镇农业农村办负责落实，镇财政所协助。\n二、工作要求\n"
    )
    ms = parse_plan(from_text(plan)).measures
    assert [(m.lead_units, m.support_units) for m in ms] == [
        (["镇综合行政执法队"], ["镇建设管理办"]),
        (["镇农业农村办"], ["镇财政所"]),
    ]
    # the clause is the whole sentence, the scope word with it; on its own line it is the measure's, set apart
    assert [m.responsibility.text for m in ms] == [
        "本项工作由镇综合行政执法队牵头，镇建设管理办配合",
        "此项由镇农业农村办负责落实，镇财政所协助",
    ]
    assert [m.responsibility.detached for m in ms] == [True, False]
