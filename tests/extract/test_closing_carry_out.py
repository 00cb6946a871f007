"""A measure closed by who carries it out: "由各乡镇人民政府负责落实。", "由X、Y抓好落实。", "…，由各村（社区）具体落实。"
names its lead (a collective unit too). Only at the END of the measure, only when X names a body, and only when
落实 ends the sentence: "由政府引导、市场主导", "由村民自主决定", "由县财政局落实补助资金" and a 由X具体落实 followed by
more text assign no one."""

from __future__ import annotations

from engine.ingest import from_text
from engine.parse import parse_plan

PLAN = (
    "某县农村厕所革命实施方案\n一、主要任务\n"
    "（一）推进户厕改造。2026年完成户厕改造3000户。由各乡镇人民政府负责落实。\n"
    "（二）建设公共厕所。每个行政村建设1座公厕。由县农业农村局、县住建局抓好落实。\n"
    "（三）完善管护机制。建立专业管护队伍，由各村（社区）具体落实。\n"
    "（四）推动产业融合。坚持由政府引导、市场主导，吸引社会资本参与。\n"
    "（五）尊重群众意愿。改厕模式由村民自主决定。\n"
    "（六）加强资金保障。由县财政局落实补助资金，每户补助1000元。\n"
    "（七）开展宣传引导。由各村（社区）具体落实。县融媒体中心做好宣传报道，鼓励群众参与。\n"
    "（八）建立工作台账。由各镇（街道）组织落实。\n"
)


def test_closing_carry_out_sentences_name_the_lead_and_nothing_else_does():
    assert [(m.lead_units, m.support_units) for m in parse_plan(from_text(PLAN)).measures] == [
        (["各乡镇人民政府"], []),
        (["县农业农村局", "县住建局"], []),
        (["各村(社区)"], []),  # the last piece of the last sentence
        ([], []),  # 由政府引导、市场主导: a principle
        ([], []),  # 由村民自主决定: not a body
        ([], []),  # 由县财政局落实补助资金: 落实 with an object, a task
        ([], []),  # 由各村(社区)具体落实 not at the end of the measure
        (["各镇(街道)"], []),
    ]


def test_the_clause_is_cut_from_the_task_text():
    m = parse_plan(from_text(PLAN)).measures[2]
    assert m.responsibility is not None and m.responsibility.text == "由各村(社区)具体落实"
