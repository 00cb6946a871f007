"""Responsibility in the common running-text forms that went unread (issue 16; fixtures/prose16/ models them):

- "（X牵头　Y、Z配合）" / "X牵头 Y配合": a space (full-width or ASCII) where the ，stands between two parts of a
  clause; normalising deleted it and ran the names into one — engine/ingest/unit_spaces.py now writes the ，;
- "加快建设…，由X牵头，Y配合，各镇街具体实施。" in the middle of a measure, and "…，由X负责，Y、Z协同配合，确保…": the
  running-text reader kept two parts and dropped the units carrying the task out, or read no 负责 at all;
- "X主抓，Y协助" / "X主抓，Y、Z协办" in a 责任单位 field and in a bracket: 主抓 is a lead verb (rulesets/data/roles.yaml);
- "X〔牵头单位〕、Y" and "Y、X【牵头单位】": a role mark after a unit inside its list, told from the heading form
  "【牵头单位】X【配合单位】Y" by where it stands (after a name, before the list's separator or end).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract import extract_responsibility
from engine.extract.responsibility import label_headings, parse_clause_content
from engine.ingest import from_text
from engine.ingest.normalise import normalise_line
from engine.ingest.unit_spaces import separate
from engine.parse import parse_plan
from tests.extract.prose_plans import checked_beside_gold, roles_of

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "prose16"
GOLDS = sorted(p.name.removesuffix(".expected.yaml") for p in HERE.glob("*.expected.yaml"))
TASK = "推进果品商品化处理，2027年底前全县商品化处理率达到90%以上。"




@pytest.mark.parametrize("name", GOLDS)
def test_each_plan_is_read_as_counted_by_hand(name):
    gold, run, differences = checked_beside_gold(HERE, name)
    assert differences == []
    assert (run.draft.level, run.draft.jurisdiction) == (gold["level"], gold["jurisdiction"])
    # every measure names its lead, and no space between two parts of a clause is called a slip
    assert [f.message for f in run.report.findings if f.rule.startswith("lead-unit")] == []
    assert [f.message for f in run.report.findings if "多余空格" in f.message] == []


# ---------------------------------------------------------------- a space between two parts of a clause

SPACED = [
    ("（县农业农村局牵头　县财政局、县水利局配合）", "（县农业农村局牵头，县财政局、县水利局配合）",
     (["县农业农村局"], ["县财政局", "县水利局"])),
    ("（县商务局牵头 县市场监督管理局配合）", "（县商务局牵头，县市场监督管理局配合）", (["县商务局"], ["县市场监督管理局"])),
    ("县商务局牵头　县财政局、县市场监督管理局配合。", "县商务局牵头，县财政局、县市场监督管理局配合。",
     (["县商务局"], ["县财政局", "县市场监督管理局"])),
    # three parts, the last the units carrying the task out
    ("（县文化广电新闻出版旅游局牵头　县商务局配合　各乡镇具体实施）",
     "（县文化广电新闻出版旅游局牵头，县商务局配合，各乡镇具体实施）",
     (["县文化广电新闻出版旅游局"], ["县商务局", "各乡镇"])),
    # inside a field, with the 主抓/协助 verbs; after 由; several spaces
    ("责任单位：县农业农村局主抓　县林业局协助", "责任单位：县农业农村局主抓，县林业局协助", (["县农业农村局"], ["县林业局"])),
    ("由县交通运输局牵头  县商务局配合", "由县交通运输局牵头，县商务局配合", (["县交通运输局"], ["县商务局"])),
]  # fmt: skip


@pytest.mark.parametrize(("line", "read", "roles"), SPACED)
def test_a_space_between_two_role_parts_is_read_as_their_comma(line, read, roles):
    text, cols = separate(line, *normalise_line(line))
    assert text == normalise_line(read)[0]
    assert roles_of(TASK + text) == roles
    comma = text.index("，")
    assert line[cols[comma] - 1] in " \u3000"  # the ，stands at the space's column: quotes and fixes map back


@pytest.mark.parametrize(
    "line",
    [
        "（县农业　农村局牵头）",  # a space inside a name: a slip, no part after it
        "县农业农村局牵头 组织实施",  # no units after the space
        "推进县域商业体系建设 县商务局牵头 完善设施",  # the task's words, no support part
        "县财政局配合 县水利局配合",  # no lead part before the chain
    ],
)
def test_a_space_that_parts_no_role_parts_is_left_to_normalisation(line):
    text, cols = normalise_line(line)
    assert separate(line, text, cols) == (text, cols)


def test_a_spaced_clause_reads_in_a_traditional_plan():
    plan = "某縣脐橙產業實施方案\n一、重點任務\n（一）推進果品商品化處理。建設分選中心3個。（縣商務局牽頭　縣財政局配合）\n"
    m = parse_plan(from_text(plan)).measures[0]
    assert (m.lead_units, m.support_units) == (["县商务局"], ["县财政局"])


# ---------------------------------------------------------------- a clause in the middle of running text

MIDDLE = [
    ("完善农村物流网络。加快建设县乡村三级物流节点，由县交通运输局牵头，县商务局配合，各乡镇具体实施。"
     "2027年底前实现村级物流服务站点全覆盖。", (["县交通运输局"], ["县商务局", "各乡镇"]),
     "由县交通运输局牵头，县商务局配合，各乡镇具体实施"),
    ("加强人才培养。开展专项培训，由区人力资源和社会保障局牵头，区教育局配合，各镇街具体实施，每年培训不少于3000人次。",
     (["区人力资源和社会保障局"], ["区教育局", "各镇街"]), "由区人力资源和社会保障局牵头，区教育局配合，各镇街具体实施"),
    ("推进果园宜机化改造。对坡度25度以下的果园开展宜机化改造，由县农业农村局负责，县农业技术推广中心、县水利局协同配合，"
     "确保2026年底前完成改造1万亩。", (["县农业农村局"], ["县农业技术推广中心", "县水利局"]),
     "由县农业农村局负责，县农业技术推广中心、县水利局协同配合"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "roles", "clause"), MIDDLE)
def test_a_clause_in_running_text_keeps_every_part(text, roles, clause):
    assert roles_of(text) == roles
    assert extract_responsibility(text, prose=True).text == clause  # cut from the task's words, the rest kept


@pytest.mark.parametrize(
    "text",
    [
        "加强资金保障，由县财政局负责，确保资金及时足额到位。",  # 负责 with no support part: a duty described
        "建立由县财政局负责、县审计局配合的资金监管机制。",  # a mechanism to set up
    ],
)
def test_running_text_duty_without_its_support_names_no_one(text):
    assert roles_of(text) is None


@pytest.mark.parametrize(
    "text",
    ["加快建设物流节点，由县交通运输局牵头，县商务局配合，企业积极参与。",  # in running text
     "加快建设物流节点。由县交通运输局牵头，县商务局配合，企业积极参与。"],  # the closing sentence
)  # fmt: skip
def test_a_kind_of_body_after_the_support_part_is_not_one_carrying_it_out(text):
    # "企业积极参与": enterprises at large, none named
    assert roles_of(text) == (["县交通运输局"], ["县商务局"])


# ---------------------------------------------------------------- 主抓 / 协助 / 协办 as verbs


@pytest.mark.parametrize(
    ("clause", "lead", "support"),
    [
        ("责任单位：县农业农村局主抓，县林业局、各乡镇人民政府协助", ["县农业农村局"], ["县林业局", "各乡镇人民政府"]),
        ("县工业和信息化局主抓，县商务局、县供销合作社协办", ["县工业和信息化局"], ["县商务局", "县供销合作社"]),
        ("镇农业农村办主抓，镇财政所协抓", ["镇农业农村办"], ["镇财政所"]),
        ("县农业农村局主抓", ["县农业农村局"], []),
        # the labels of the same words still read as labels
        ("主抓：县农业农村局；协抓：县财政局", ["县农业农村局"], ["县财政局"]),
    ],
)
def test_zhuzhua_is_a_lead_verb_and_xiezhu_xieban_its_support(clause, lead, support):
    got = parse_clause_content(clause)
    assert got is not None and (list(got[0]), list(got[1])) == (lead, support)


# ---------------------------------------------------------------- a role mark in 〔〕/【】 after a unit


MARKS = [
    ("责任单位：区经济和科技促进局〔牵头单位〕、区自然资源局、各镇街",
     (["区经济和科技促进局"], ["区自然资源局", "各镇街"])),
    ("（责任单位：区市场监督管理局、区农业农村局【牵头单位】）", (["区农业农村局"], ["区市场监督管理局"])),
    ("责任单位：区农业农村局【牵头】、区文化广电旅游体育局、各镇街", (["区农业农村局"], ["区文化广电旅游体育局", "各镇街"])),
    ("（区交通运输局〔牵头〕、区经济和科技促进局、各镇街负责）", (["区交通运输局"], ["区经济和科技促进局", "各镇街"])),
    # the heading form beside them: a label that opens its field
    ("【牵头单位】区市场监督管理局【配合单位】区农业农村局、各镇街", (["区市场监督管理局"], ["区农业农村局", "各镇街"])),
    ("〔牵头单位〕区市场监督管理局；〔配合单位〕区农业农村局", (["区市场监督管理局"], ["区农业农村局"])),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "roles"), MARKS)
def test_a_role_mark_after_a_unit_is_told_from_a_heading_by_where_it_stands(clause, roles):
    assert roles_of("强化质量安全监管，实行抽检全覆盖。" + clause) == roles


def test_label_headings_turns_headings_into_fields_and_leaves_marks():
    assert label_headings("【牵头单位】区商务局【配合单位】区财税局") == " 牵头单位：区商务局 配合单位：区财税局"
    marked = "责任单位：区商务局〔牵头单位〕、区财税局、区教育局【牵头单位】"
    assert label_headings(marked) == marked
