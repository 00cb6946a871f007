"""What stands beside a clause's units and is none of them (fixtures/fields30; the held-out blind30 平顶山, 四子王旗,
blind31 攀枝花 and blind32 咸宁 documents showed each form):

- a field naming the office that SUPERVISES the task, "督办单位：市政府督查室" (督查单位, 督导单位, 监督单位, 考核单位:
  rulesets/data/roles.yaml `oversight`): neither lead nor support, no unit of the task;
- a contact in a bracket after a unit, "X（联系人：张三，联系电话：…）" (联系方式, 电话, 手机, 邮箱), and a note on the
  order closing a list, "（排名不分先后）" (rulesets/data/units.yaml `asides`): no part of the unit's name;
- a bracket of units after a unit, "责任单位：X（Y、Z）": Y and Z support X only where the document says so
  ("括号内为配合单位": rulesets/data/lead_conventions.yaml `bracketed`); without that it stays the unit's name."""

from __future__ import annotations

import pytest

from engine import extract
from engine.ingest import from_text, load_document
from engine.parse import parse_plan
from tests.parse.conftest import FIXTURES

HERE = FIXTURES / "fields30"
YUZHOU = HERE / "yuzhou-city-jun-porcelain-oversight.txt"
RONGSHUI = HERE / "rongshui-county-miao-embroidery-contacts.html"
YANLING = HERE / "yanling-county-yellow-peach-oversight-tables.html"
YICHANG = HERE / "yichang-city-citrus-order-notes.txt"
LESHAN = HERE / "leshan-city-polysilicon-bracketed-support.txt"
LESHAN_NOTE = "方案所列责任单位中，括号中的单位为配合单位，括号前的单位为牵头单位；有多个牵头单位的，共同牵头。"


def roles(plan) -> list[tuple[str, list[str], list[str]]]:  # type: ignore[no-untyped-def]
    return [(m.label, m.lead_units, m.support_units) for m in plan.measures]


def test_a_supervising_field_names_no_unit_of_the_task() -> None:
    plan = parse_plan(load_document(str(YUZHOU)))
    assert roles(plan) == [
        ("(一)", ["神垕镇人民政府"], ["市发展和改革委员会", "市自然资源和规划局"]),  # 督查单位 last, two offices
        ("(二)", ["市文化广电和旅游局"], ["市人力资源和社会保障局", "市教育局"]),  # 督查单位 between the two
        ("(三)", ["市商务局"], ["市工业和信息化局", "神垕镇人民政府"]),  # 考核单位 on a line of its own
        ("(四)", ["市市场监督管理局"], ["市公安局"]),  # 监督单位（部门）：, a body noun in brackets
        ("(五)", ["市文化广电和旅游局"], ["神垕镇人民政府", "市交通运输局"]),  # 【督导单位】 as a heading
    ]
    # the line is the clause's, not the task's words
    third = plan.measures[2]
    assert "考核单位" in third.responsibility.text
    assert "考核" not in extract.without_responsibility(third)


def test_a_supervising_row_of_a_field_table_or_a_record_is_none_of_its_units() -> None:
    # a measure's own table of fields (one pair a row, two pairs a row) and an annex's records, each with a 督办单位 /
    # 考核单位 / 督查单位 field: read as the task's fields, the supervising one as no unit
    assert [(lead, support) for _, lead, support in roles(parse_plan(load_document(str(YANLING))))] == [
        (["县农业农村局"], ["县林业局", "中村瑶族乡人民政府"]),
        (["县商务局"], ["县交通运输局", "县邮政分公司"]),
        (["县文化旅游广电体育局"], ["县融媒体中心"]),
        (["县市场监督管理局"], ["县农业农村局"]),
    ]


@pytest.mark.parametrize("label", ["督办单位", "督查单位", "督导单位", "监督单位", "考核单位", "督查部门", "督办处室"])
def test_every_supervising_label_reads_alike(label: str) -> None:
    r = extract.extract_responsibility(f"建设产业园区。（牵头单位：县发展改革局；配合单位：县财政局；{label}：县委督查室）")
    assert r is not None
    assert [u.name for u in r.lead] == ["县发展改革局"]
    assert [u.name for u in r.support] == ["县财政局"]
    # 监督 inside a unit's name (县市场监督管理局) opens no field
    r = extract.extract_responsibility(f"开展专项检查。（牵头单位：县市场监督管理局；配合单位：县公安局；{label}：县委督查室）")
    assert r is not None
    assert [u.name for u in r.lead] == ["县市场监督管理局"]


def test_a_contact_after_a_unit_is_no_part_of_it() -> None:
    plan = parse_plan(load_document(str(RONGSHUI)))
    assert roles(plan) == [
        ("(一)", ["县工业和信息化局", "融水镇人民政府"], ["县自然资源局", "县住房和城乡建设局"]),  # two leads, two contacts
        ("(二)", ["县人力资源和社会保障局"], ["县妇女联合会", "县乡村振兴局"]),  # 电话：, 手机：
        ("(三)", ["县市场监督管理局", "县商务局"], []),  # 联系人 and 邮箱 in one bracket, a unit after it
        ("1", ["县文化广电体育和旅游局"], ["县财政局", "县融媒体中心"]),  # a task table's cell
    ]


def test_a_note_on_the_order_closing_a_list_is_no_part_of_its_last_unit() -> None:
    assert roles(parse_plan(load_document(str(YICHANG)))) == [
        ("1", ["市农业农村局"], ["市科技局", "市林业和园林局", "秭归县人民政府"]),
        ("2", ["市农业农村局"], ["宜都市人民政府", "枝江市人民政府", "当阳市人民政府"]),  # inside a bracketed clause
        # no convention stated: a bracket of a body's other name stays its name
        ("3", ["市市场监管局(市知识产权局)", "市农业农村局"], []),
        ("4", ["市经信局"], ["市发展改革委", "市商务局"]),
    ]


@pytest.mark.parametrize("note", ["排名不分先后", "排名不分前后", "不分先后", "按姓氏笔画排序", "按笔画排序"])
def test_each_order_note(note: str) -> None:
    assert extract.parse_units(f"县科技局、县农业农村局（{note}）") == ["县科技局", "县农业农村局"]


def test_bracketed_units_support_where_the_notice_says_so() -> None:
    assert roles(parse_plan(load_document(str(LESHAN)))) == [
        ("(一)", ["市经济和信息化局"], ["市发展改革委", "五通桥区人民政府"]),
        ("(二)", ["市投资促进局", "市经济和信息化局"], ["各区、县(市)人民政府"]),  # a group's own bracket inside
        ("(三)", ["市发展改革委"], ["国网乐山供电公司", "市经济和信息化局"]),  # inside a bracketed clause
        ("(四)", ["市市场监管局"], ["市知识产权局"]),  # as the notice says, whatever the bracket might have been
        ("(五)", ["市应急管理局"], []),  # no bracket: the lead alone
    ]


def test_without_the_notice_a_bracket_after_a_unit_is_its_name() -> None:
    text = LESHAN.read_text("utf-8")
    assert LESHAN_NOTE in text
    plain = roles(parse_plan(from_text(text.replace(LESHAN_NOTE, ""))))
    assert plain[0] == ("(一)", ["市经济和信息化局(市发展改革委、五通桥区人民政府)"], [])
    assert plain[3] == ("(四)", ["市市场监管局(市知识产权局)"], [])
    stated = roles(parse_plan(from_text(text)))  # the same text with it: the note alone makes the difference
    assert stated[0] == ("(一)", ["市经济和信息化局"], ["市发展改革委", "五通桥区人民政府"])


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("各项任务的责任单位中，括号外为牵头单位，括号内为配合单位。", True),
        ("注：括号中的单位为配合单位。", True),
        ("括号前的单位为牵头单位。", True),
        ("配合单位列在括号内。", True),
        ("括号里的部门是协办部门", True),
        ("（含下属单位，下同）", False),
        ("括号内为简称。", False),
        ("分号前为牵头单位，分号后为配合单位。", False),
    ],
)
def test_the_wordings_of_the_bracket_convention(text: str, stated: bool) -> None:
    assert extract.states_bracketed_support(text) is stated


def test_a_kind_in_a_bracket_is_no_supporting_unit() -> None:
    plan = parse_plan(
        from_text(
            "某区基层党建实施方案\n方案所列责任单位中，括号外为牵头单位，括号内为配合单位。\n一、重点任务\n"
            "（一）加强党组织建设。落实“三会一课”制度。（责任单位：区各党委（党组））\n"
            "（二）建强村级组织。开展软弱涣散村党组织整顿。（责任单位：区委组织部（区民政局、各镇人民政府））\n"
        )
    )
    assert roles(plan) == [
        ("(一)", ["区各党委(党组)"], []),  # 党组 names a kind of body, not one: the name's own bracket
        ("(二)", ["区委组织部"], ["区民政局", "各镇人民政府"]),
    ]
