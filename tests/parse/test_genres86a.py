"""Task documents that are no 方案 (fixtures/genres86a/README.md; the class blind86 showed): what a drafting clerk
counts as a measure in a 管理办法 / 实施细则 of 第X条 articles, a 市委·市政府 决定 with its 任务分工表 附件, a 考核办法 and a
工作机制, and who each one charges.

1. 第X条 documents: an article that forbids (禁止…, 任何单位和个人不得…) and names no unit is no measure, between the task
   articles or right after them (engine/parse/tree.py `_prohibiting_articles`, rulesets/data/articles.yaml
   `prohibitions`); an article's subject is read after its time clause, with the support part after it
   (responsibility.article_subject, articles.yaml `conditions`);
2. a 决定 under its joint issuers is named with them, the day it was adopted left out; its body pointing to "本决定所附
   重点任务分工表" frames the attachment's tasks (frontmatter `_names_its_deciders`, closing.yaml `annex_pointers`);
3. a 考核办法 whose one article itemises the 考核内容 per unit ("（一）各乡镇人民政府：重点考核…"): the items are the
   measures (tree `_itemising_articles`), a lone set of lower governments their unit (textleads `_lower_bodies`);
4. a 工作机制's mechanisms naming their units vote for the measures' style (tree `_assigning_mechanisms`);
5. a 第X条 pair whose child drops a whole article: reported, though every article opens with the parent's own body
   (beyond.measure_asks_for_the_draft needs a sentence asking for the draft).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from engine.cli import main
from engine.extract.responsibility import article_subject
from engine.extract.textleads import units_first
from engine.ingest import load_document
from engine.parse import articles, parse_plan
from engine.parse.frontmatter import read_front
from tests.extract.prose_plans import checked_beside_gold

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "genres86a"
NAMES = sorted(p.name.removesuffix(".expected.yaml") for p in FIXTURES.glob("*.expected.yaml"))


def _plan(name: str):
    return parse_plan(load_document(str(FIXTURES / f"{name}.txt")))


def test_the_fixtures_are_there():
    assert len(NAMES) == 4 and (FIXTURES / "pair" / "expected.yaml").is_file()


@pytest.mark.parametrize("name", NAMES)
def test_each_document_is_read_as_counted_by_hand(name):
    gold, run, differences = checked_beside_gold(FIXTURES, name)
    assert differences == []
    assert run.draft.title == gold["title"]
    # every measure names its lead: no "no lead unit" finding (the prohibitions, goals and requirements are none)
    assert [f.local_item for f in run.report.findings if f.rule == "lead-unit-required"] == []


# ---- 1. 第X条 documents -------------------------------------------------------------------------------------------


def test_prohibition_articles_are_no_measures_where_they_stand():
    plan = _plan("sangzhi-county-river-sand-articles")
    refs = [m.ref for m in plan.measures]
    assert "第七条" not in refs  # 禁止… between 第六条 and 第八条
    assert "第十一条" not in refs  # 任何单位和个人不得… right after 第十条
    assert refs == ["第五条", "第六条", "第八条", "第九条", "第十条"]


@pytest.mark.parametrize(
    ("text", "forbids", "charges"),
    [
        ("禁止在禁采区和禁采期内从事河道采砂活动。", True, False),
        ("严禁在饮用水水源一级保护区内新建排污口。", True, False),
        ("任何单位和个人不得非法收购无合法来源证明的河砂。", True, False),
        ("任何组织或者个人不得擅自占用湿地。", True, False),
        # forbids, then charges a unit with enforcing it: it stays a measure
        ("禁止在饮用水水源保护区内从事网箱养殖。县农业农村局负责日常巡查，发现违法行为依法查处。", True, True),
        ("县水利局负责河道采砂许可的审批和监督管理。", False, True),
        ("本办法由县水利局负责解释。", False, False),  # the document its subject, no unit (articles.frames reads it)
    ],
)
def test_what_forbids_and_what_charges(text, forbids, charges):
    assert articles.prohibits(text) is forbids
    assert articles.charges(text) is charges


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("每年汛期前，县水利局负责组织开展隐患排查，县应急管理局、县气象局予以配合。", ["县水利局"],
         ["县应急管理局", "县气象局"]),
        ("台风预警发布后，省海洋与渔业局负责组织督促养殖人员撤离，省应急管理厅予以配合。", ["省海洋与渔业局"],
         ["省应急管理厅"]),
        ("发生突发环境事件时，市生态环境局负责组织应急监测。", ["市生态环境局"], []),
        ("县财政局、县水利局按照职责分工负责落实砂场复绿经费，于每年9月底前拨付到位。", ["县财政局", "县水利局"], []),
        ("省公安厅会同省农业农村厅严厉打击非法捕捞犯罪，依法从严惩处。", ["省公安厅"], ["省农业农村厅"]),
        ("市自然资源局会同市林业和草原局严格湿地用途管控。", ["市自然资源局"], ["市林业和草原局"]),
    ],
)
def test_an_articles_subject_after_its_time_clause_and_its_support(text, lead, support):
    r = article_subject(text)
    assert r is not None
    assert ([u.name for u in r.lead], [u.name for u in r.support]) == (lead, support)


@pytest.mark.parametrize(
    "text",
    [
        "汛期前完成隐患排查，确保安全度汛。",  # a time clause and no subject after it
        "每年汛期前，开展一次渔排锚固安全检查。",
        "禁止在核心保护区内擅自改变稻田用途。",
    ],
)
def test_no_subject_is_made_up(text):
    assert article_subject(text) is None


# ---- 2. the 决定 -------------------------------------------------------------------------------------------------


def _front(*lines: str):
    return read_front([(k + 1, t) for k, t in enumerate(lines)])


@pytest.mark.parametrize(
    "issuers",
    [
        ["中共萝北县委　萝北县人民政府"],
        ["中共萝北县委萝北县人民政府"],  # the space lost, as a .txt's line comes in
        ["中共萝北县委", "萝北县人民政府"],  # one a line
    ],
)
def test_a_decision_keeps_its_joint_issuers_and_drops_its_date(issuers):
    fm = _front("中共萝北县委文件", "萝发〔2026〕5号", *issuers, "关于加快建设界江旅游强县的决定", "（2026年4月20日）",
                "界江旅游是我县最具特色的优势产业。")
    assert fm.title == "中共萝北县委 萝北县人民政府关于加快建设界江旅游强县的决定"
    assert fm.issuers == ["中共萝北县委", "萝北县人民政府"]


def test_a_joint_opinion_keeps_its_guan_yu_line_alone():
    # the joint 意见 of fixtures/clause70 stays as it was read
    fm = _front("中共萝北县委　萝北县人民政府", "关于加快推进县域商业体系建设的实施意见")
    assert fm.title == "关于加快推进县域商业体系建设的实施意见"


def test_a_period_in_brackets_stays_in_the_title():
    fm = _front("萝北县界江旅游发展三年行动方案", "（2026—2028年）", "为加快界江旅游发展，制定本方案。")
    assert fm.title == "萝北县界江旅游发展三年行动方案（2026—2028年）"


def test_the_decisions_body_frames_its_task_list():
    plan = _plan("luobei-county-border-river-tourism-decision")
    assert [m.ref for m in plan.measures] == ["1", "2", "3", "4", "5", "6"]
    assert all(m.lead_units for m in plan.measures)


# ---- 3. the 考核办法 -------------------------------------------------------------------------------------------------


def test_the_itemised_assessment_items_are_the_measures():
    plan = _plan("wenchuan-county-river-chief-assessment")
    assert [m.ref for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)", "(五)"]
    assert plan.measures[0].lead_units == ["各乡镇人民政府"]


def test_a_lone_set_of_places_before_a_colon_is_no_unit():
    directs = lambda n: n.startswith("县") and n.endswith("局")  # noqa: E731
    assert units_first("各乡镇人民政府：重点考核河湖日常巡查情况。", directs) is not None
    assert units_first("各乡镇：重点考核河湖日常巡查情况。", directs) is None
    assert units_first("重点区域：加强河湖日常巡查。", directs) is None


# ---- 4. the 工作机制 -------------------------------------------------------------------------------------------------


def test_the_mechanisms_are_the_measures_not_the_goal_or_the_requirements():
    plan = _plan("yongsheng-county-tea-brand-mechanism")
    assert [m.ref for m in plan.measures] == ["(一)", "(二)", "(三)", "(四)", "(五)"]


# ---- 5. the pair --------------------------------------------------------------------------------------------------


def test_the_article_pair_reports_both_defects_and_nothing_else():
    gold = yaml.safe_load((FIXTURES / "pair" / "expected.yaml").read_text("utf-8"))
    result = CliRunner().invoke(main, ["check", "--format", "json", "--fail-on", "none",
                                       str(FIXTURES / "pair" / gold["child"]),
                                       "--parent", str(FIXTURES / "pair" / gold["parent"])])  # fmt: skip
    assert result.exit_code == 0, result.output
    findings = json.loads(result.output)["findings"]
    clause, dropped = gold["defects"]
    carried = [f for f in findings if f["check"] == "clause_carried"]
    assert any(f["local_item"] == clause["child_ref"] and f["parent_item"] == clause["parent_ref"]
               and clause["clause"] in json.dumps(f, ensure_ascii=False) for f in carried)  # fmt: skip
    covered = [f for f in findings if f["check"] == "parent_covered"]
    assert [f["parent_item"] for f in covered] == [dropped["parent_ref"]]
    assert dropped["title"] in covered[0]["message"]
    loud = [f for f in findings if f["severity"] in ("error", "warning") and f["check"] != "parent_covered"]
    assert loud == []
