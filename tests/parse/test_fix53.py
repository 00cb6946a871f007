"""Classes measured on blind53 (fixtures/fix53/README.md):

1. a task table printed under "附：X分工" / "附表：X" in the plan's own text (no 附件 notice): its rows give the measures
   their units, by the task cell naming the title or by the 序号 cell printing the measure's own label
   (engine/parse/__init__.py `_annex_table`, `_keyed_rows`, `_row_of_label`);
2. units named before the task, "X、Y：task": all lead; a place or topic before a colon is none
   (engine/extract/textleads.py `units_first`);
3. a person field (包片领导：, 挂点领导：, 驻村干部：) anywhere in a clause is skipped, its unit fields read
   (rulesets/data/roles.yaml `people.before`, engine/roles.py `person_pattern`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from engine.extract.responsibility import find_responsibility
from engine.extract.textleads import units_first
from engine.parse import _annex_table
from engine.pipeline import load_plan
from engine.roles import roles

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "fix53"


def _read(name: str) -> list[tuple[str, list[str], list[str]]]:
    plan = load_plan(str(FIXTURES / name))
    return [(m.label, m.lead_units, m.support_units) for m in plan.measures]


# ---- 1. the 附：/附表： task table in the same text -------------------------------------------------------------


def test_a_prefecture_plan_whose_units_are_in_a_fubiao_table_after_the_safeguards():
    assert _read("qiandongnan-prefecture-understory-annex-table.txt") == [
        ("1", ["州林业局"], ["州农业农村局", "各县(市)人民政府"]),
        ("2", ["州农业农村局"], ["州林业局"]),
        ("3", ["州工业和信息化局"], ["州林业局", "州投资促进局"]),
        ("4", ["州商务局"], ["州供销合作社", "州林业局"]),
    ]  # the table's rows are no measures, nor are the safeguards (一)(二)


def test_rows_keyed_by_the_measure_labels_when_no_task_cell_repeats_a_title():
    # issued alone, its date after the table; the task cells are paraphrases ("茶山体验点建设"): only （一）… key the rows
    assert _read("menghai-county-tea-tourism-annex-labels.txt") == [
        ("(一)", ["县茶叶和特色生物产业发展中心"], ["县文化和旅游局", "勐宋乡人民政府"]),
        ("(二)", ["县文化和旅游局"], ["县农业农村局", "各乡镇人民政府"]),
        ("(三)", ["县文化和旅游局"], ["县交通运输局"]),
        ("(四)", ["县委宣传部"], ["县茶叶和特色生物产业发展中心", "县融媒体中心"]),
    ]


@pytest.mark.parametrize("text", ["附：重点任务责任分工", "附：任务分工", "附表：重点任务分工", "附表1：重点工作台账", "附表 任务清单"])
def test_a_fu_heading_naming_a_task_list_opens_the_table(text):
    assert _annex_table(text)


@pytest.mark.parametrize(
    "text",
    [
        "附：联系人名单",  # no task list
        "附：有关术语解释",
        "附件：重点任务分工表",  # the 附件 form, read by _ATTACHMENT as before
        "附近村庄要做好任务分工，确保落实。",  # a sentence
        "附：",
    ],
)
def test_other_fu_lines_are_no_task_table_heading(text):
    assert not _annex_table(text)


def test_a_bare_count_in_the_xuhao_cell_keys_no_measure(tmp_path):
    # the same table with 序号 1, 2, 3, 4 (a row count, not the body's （一）… labels) and paraphrased tasks: no row
    # restates a measure, so none is read (and nothing is cut)
    src = (FIXTURES / "menghai-county-tea-tourism-annex-labels.txt").read_text("utf-8")
    src = re.sub(r"^（([一二三四])）\t", lambda m: f"{'一二三四'.index(m.group(1)) + 1}\t", src, flags=re.M)
    assert "\n1\t茶山体验点建设" in src
    path = tmp_path / "menghai-counted.txt"
    path.write_text(src, "utf-8")
    measures = load_plan(str(path)).measures
    assert [m.lead_units for m in measures[:4]] == [[], [], [], []]


# ---- 2. units before the task --------------------------------------------------------------------------------


def test_a_city_plan_whose_items_open_with_their_units_and_a_colon():
    assert _read("binzhou-city-wetland-units-first.txt") == [
        ("(一)", ["市自然资源和规划局", "市生态环境局"], []),
        ("(二)", ["市水利局"], ["市自然资源和规划局", "各县(市、区)人民政府"]),
        ("(三)", ["市公安局", "市农业农村局", "各县(市、区)人民政府"], []),
        ("(四)", ["市文化和旅游局"], []),
        ("(一)", [], []),  # 沿海地区：… a place before the colon
        ("(二)", [], []),  # 城区：…
        ("(三)", [], []),  # 农村地区：…
    ]


def test_the_unit_list_is_cut_from_the_title_and_the_task_stays():
    m = load_plan(str(FIXTURES / "binzhou-city-wetland-units-first.txt")).measures[0]
    assert m.responsibility is not None and m.responsibility.text == "市自然资源和规划局、市生态环境局："
    assert m.title.startswith("开展全市湿地资源调查监测")
    assert m.sentences[0].text.startswith("开展全市湿地资源调查监测")
    assert m.text.startswith("市自然资源和规划局、市生态环境局：开展")


def _directs(name: str) -> bool:  # a city's own offices: 市 and a body's ending (textleads.directs_for's last rule)
    return name.startswith("市") and name.endswith(("局", "部", "委", "办", "联"))


@pytest.mark.parametrize(
    "text",
    [
        "目标：到2027年建成示范点10个。",
        "重点：抓好城区老旧管网改造。",
        "城区：推进城市湿地公园建设。",
        "农村地区：开展坑塘整治。",
        "各地要：加强组织领导，落实责任。",
        "重点企业：开展节能诊断。",
        "市水利局牵头，市财政局配合：实施补水工程。",  # the inline form: no bare list, read by the clause reader
        "市水利局：",  # no task after the colon
        "各县（市、区）：抓好落实。",  # a set of the places below alone (not named as bodies)
    ],
)
def test_a_place_a_topic_or_prose_before_a_colon_is_no_unit_list(text):
    assert units_first(text, _directs) is None


def test_a_set_of_the_governments_below_alone_is_the_items_unit():
    # "（一）各县（市、区）人民政府：重点考核…" (a 考核办法's 考核内容 per assessed unit: blind86 绥化市, its gold written
    # blind; fixtures/genres86a): named as bodies, the set stands alone before the colon
    r = units_first("各县（市、区）人民政府：抓好落实。", _directs)
    assert r is not None and [u.name for u in r.lead] == ["各县（市、区）人民政府"]


def test_units_first_reads_every_name_as_a_lead():
    r = units_first("市委统战部、市侨联、各县（市、区）人民政府：建立联络名录。", _directs)
    assert r is not None
    assert [u.name for u in r.lead] == ["市委统战部", "市侨联", "各县（市、区）人民政府"]
    assert r.support == () and r.text == "市委统战部、市侨联、各县（市、区）人民政府："


# ---- 3. person fields -----------------------------------------------------------------------------------------


def test_a_township_plan_whose_clauses_carry_person_fields_first_and_after():
    assert _read("qiushan-township-bayberry-leader-fields.txt") == [
        ("1", ["乡农业综合服务中心", "各村"], []),
        ("2", ["乡农业综合服务中心"], ["乡财政所"]),
        ("3", ["乡农业综合服务中心", "各村"], []),
        ("4", ["乡经济发展办公室"], []),
    ]


@pytest.mark.parametrize("label", ["包村领导", "包片领导", "挂点领导", "驻村干部", "包村干部", "联系村书记", "包保领导", "责任人"])
def test_a_person_field_before_the_units_leaves_them_read(label):
    found = find_responsibility(f"建立台账。（{label}：黄志明；责任单位：镇农业服务中心、各村）")
    assert found is not None
    assert [u.name for u in found.responsibility.lead] == ["镇农业服务中心", "各村"]


@pytest.mark.parametrize("label", ["包村领导", "挂点领导", "驻村干部"])
def test_a_person_label_is_matched_whole_and_needs_its_colon(label):
    pattern = re.compile(roles().person_pattern())
    assert pattern.match(f"{label}：")
    assert not pattern.search(f"要求{label}加强指导")  # no colon: prose
    assert not pattern.match("镇农业服务中心：")  # a body's name before a colon is no official


def test_a_unit_field_is_never_taken_for_a_person_field():
    found = find_responsibility("建立台账。（牵头单位：县委组织部；配合单位：县委宣传部、县人大常委会办公室）")
    assert found is not None
    r = found.responsibility
    assert [u.name for u in r.lead] == ["县委组织部"]
    assert [u.name for u in r.support] == ["县委宣传部", "县人大常委会办公室"]
