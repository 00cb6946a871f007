"""Notes and conventions written INSIDE a responsibility clause are no units (fixtures/notes65/ models each with other
offices; see its README):

1. a lead convention stated in the clause itself, "（责任单位：A、B、C，排第一位的为牵头单位）" (blind67 韶关市): the
   convention's words (rulesets/data/lead_conventions.yaml, the wordings a document states once) are no unit, and the
   clause is read by it: A leads, B and C support — a group clause too, which no document-level convention reads;
2. a bracket after the last unit saying how the units share the task, "责任单位：A、B（按职责分工）" (blind68 四川省):
   a note (rulesets/data/units.yaml asides.duty), no part of B's name;
3. a bracket after an office saying where it sits, "市…领导小组办公室（设在市能源局）" (blind66 乌兰察布市): a note
   (asides.seats); the office is the unit. A bracket that is part of a name stays (各县（市、区）人民政府,
   市市场监管局（市知识产权局）).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.extract import parse_units
from engine.extract.responsibility import parse_clause_content
from engine.ingest import from_text
from engine.parse import parse_plan

HERE = Path(__file__).resolve().parents[2] / "fixtures" / "notes65"


def _read(content: str) -> tuple[list[str], list[str]] | None:
    got = parse_clause_content(content)
    return None if got is None else (list(got[0]), list(got[1]))


@pytest.mark.parametrize(
    ("content", "lead", "support"),
    [
        ("责任单位：市自然资源局、市住房城乡建设局、各县（市、区）人民政府，排第一位的为牵头单位",
         ["市自然资源局"], ["市住房城乡建设局", "各县（市、区）人民政府"]),
        ("责任单位：州发展改革委、州财政局，列第一位的为牵头单位。", ["州发展改革委"], ["州财政局"]),
        ("责任单位：县教育局、县卫生健康局，排在首位的为牵头单位，下同", ["县教育局"], ["县卫生健康局"]),
        ("责任部门：区商务局、区市场监管局（排名第一的为牵头单位）", ["区商务局"], ["区市场监管局"]),
        ("市交通运输局、市公安局负责，排在第一位的部门为牵头部门", ["市交通运输局"], ["市公安局"]),
        ("市民政局、市财政局按职责分工负责，列第一位者为牵头单位", ["市民政局"], ["市财政局"]),
        # one unit: nothing to tell apart
        ("责任单位：市财政局，排第一位的为牵头单位", ["市财政局"], []),
        # the clause names its roles itself: read as written
        ("牵头单位：市农业农村局；配合单位：市水利局、市林业局，排第一位的为牵头单位", ["市农业农村局"], ["市水利局", "市林业局"]),
    ],
)  # fmt: skip
def test_a_convention_inside_the_clause_is_read_for_it_and_names_no_unit(content, lead, support):
    assert _read(content) == (lead, support)


@pytest.mark.parametrize(
    ("content", "lead", "support"),
    [
        ("责任单位：省文化和旅游厅、省发展改革委（按职责分工）", ["省文化和旅游厅", "省发展改革委"], []),
        ("责任单位：省林草局、各州（市）人民政府（按职责分工负责）", ["省林草局", "各州（市）人民政府"], []),
        ("责任单位：市卫生健康委、市医保局（分别负责）", ["市卫生健康委", "市医保局"], []),
        ("责任单位：县工信局、县商务局（按职能分工）", ["县工信局", "县商务局"], []),
        ("责任单位：区文旅局、区住建局（各负其责）", ["区文旅局", "区住建局"], []),
        ("牵头单位：市生态环境局；配合单位：市水利局、市农业农村局（按职责分工）", ["市生态环境局"], ["市水利局", "市农业农村局"]),
        ("责任单位：市城管局、市公安局，按职责分工", ["市城管局", "市公安局"], []),
    ],
)  # fmt: skip
def test_a_note_on_how_the_units_share_the_task_is_no_part_of_a_name(content, lead, support):
    assert _read(content) == (lead, support)


@pytest.mark.parametrize(
    ("content", "lead", "support"),
    [
        ("牵头单位：市新型储能发展领导小组办公室（设在市发展改革委）；配合单位：市工信局",
         ["市新型储能发展领导小组办公室"], ["市工信局"]),
        ("县防汛抗旱指挥部办公室（办公室设在县水利局）牵头，县自然资源局配合", ["县防汛抗旱指挥部办公室"], ["县自然资源局"]),
        ("牵头单位：县安委会办公室（挂靠县应急管理局）", ["县安委会办公室"], []),
        ("责任单位：市委网信办（设在市委宣传部）、市公安局", ["市委网信办", "市公安局"], []),
    ],
)  # fmt: skip
def test_where_an_office_sits_is_no_part_of_its_name(content, lead, support):
    assert _read(content) == (lead, support)


@pytest.mark.parametrize(
    "text",
    [
        "各县（市、区）人民政府",
        "市市场监督管理局（市知识产权局）",
        "区各党委（党组）",
        "内蒙古电力（集团）有限责任公司乌兰察布供电分公司",
        "各乡镇人民政府（街道办事处）",
    ],
)
def test_a_bracket_that_is_part_of_a_name_stays(text):
    assert parse_units(f"{text}、市财政局") == [text, "市财政局"]


def test_a_group_clause_stating_the_convention_is_read_by_it():
    """No document-level convention reads a group clause (engine/parse/groupleads.py): the clause's own does."""
    plan = parse_plan(from_text(
        "某市人民政府办公室关于印发某市文明城市创建工作方案的通知\n一、重点任务\n"
        "（一）整治背街小巷。完成背街小巷改造50条。\n（二）规范农贸市场。完成农贸市场提升改造10个。\n"
        "（以上任务责任单位：市城市管理局、市商务局、各区人民政府，排第一位的为牵头单位）\n"
        "（三）加强宣传引导。开展文明创建宣传。（责任单位：市委宣传部）\n二、保障措施\n（一）加强组织领导。\n"
    ))  # fmt: skip
    assert [(m.lead_units, m.support_units) for m in plan.measures] == [
        (["市城市管理局"], ["市商务局", "各区人民政府"]),
        (["市城市管理局"], ["市商务局", "各区人民政府"]),
        (["市委宣传部"], []),
    ]
