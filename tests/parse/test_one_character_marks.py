"""One-character marks that flag a role beside a unit in task tables and lists (issue #16): "X#、Y、Z", "X＃",
"●X", "◆", "■", "√" where the document states their meaning ("标#的为牵头单位", "带●者为牵头单位", "注：◆为牵头单位，
其余为配合单位"), also a mark stated for the SUPPORT units ("标◆的为配合单位"). A mark is never part of a unit's name;
without a stated meaning it makes no lead (rulesets/data/lead_conventions.yaml; fixtures/forms16)."""

from __future__ import annotations

import pytest

from engine import extract
from engine.ingest import from_text, load_document
from engine.parse import parse_plan
from tests.parse.conftest import FIXTURES

FORMS = FIXTURES / "forms16"


def roles(name: str) -> list[tuple[str, list[str], list[str]]]:
    return [(m.label, m.lead_units, m.support_units) for m in parse_plan(load_document(str(FORMS / name))).measures]


FORM_ROLES = {
    # a note after the tasks: "注：各项任务责任单位中，标#的为牵头单位，其余为配合单位。"
    "wuning-county-tasks-hash-marks.txt": [
        ("1", ["县行政审批局"], ["县政务服务管理办公室", "县数据局"]),
        ("2", ["县行政审批局"], ["县市场监管局", "县税务局"]),  # ＃: the full-width # is the same mark
        ("3", ["县发展改革委", "县工信局"], ["县财政局"]),  # two marked: two leads
        ("4", ["县金融服务中心", "人民银行武宁县支行"], []),  # none marked: joint, as written
        ("5", ["县自然资源局"], ["县工信局"]),  # a duty list "X#、Y负责"
    ],
    # dots before the names, stated in the notice
    "duchang-county-tasks-dot-marks.txt": [
        ("(一)", ["县卫生健康委"], ["县农业农村局", "各乡镇人民政府"]),
        ("(二)", ["九江市生态环境局都昌分局"], ["县住建局", "县水利局"]),
        ("(三)", ["县城管局", "县农业农村局"], ["各乡镇人民政府"]),
        ("(四)", ["县自然资源局", "县住建局"], []),
    ],
    # a mark stated for the support units: the unmarked ones lead
    "pengze-town-support-marks.txt": [
        ("(一)", ["镇村建办"], ["镇财政所", "各村委会"]),
        ("(二)", ["镇农业综合服务中心", "镇经济发展办公室"], ["镇财政所"]),
        ("(三)", ["镇宣传办", "镇综合文化站"], []),
    ],
    # marks without a stated meaning: stripped, and they make no lead
    "yongxiu-county-marks-unstated.txt": [
        ("(一)", ["县农业农村局", "县发展改革委", "各乡镇人民政府"], []),
        ("(二)", ["县农业农村局", "县财政局", "县自然资源局"], []),
        ("(三)", ["县水利局", "县农业农村局"], []),
    ],
}


@pytest.mark.parametrize("name", FORM_ROLES)
def test_the_marks_of_a_form_read_as_its_statement_says(name: str) -> None:
    assert roles(name) == FORM_ROLES[name]


def test_a_lead_mark_and_a_support_mark_in_one_document() -> None:
    text = (
        "某区城市更新行动方案\n注：标■的为牵头单位，标√的为配合单位，未标注的为责任单位。\n一、主要任务\n"
        "（一）老旧小区改造。（责任单位：区住建局■、区财政局√、各街道办事处）\n"
        "（二）背街小巷整治。（责任单位：区城管局、区交通运输局√）\n"
    )
    plan = parse_plan(from_text(text, path="d.txt"))
    assert [(m.lead_units, m.support_units) for m in plan.measures] == [
        (["区住建局"], ["区财政局", "各街道办事处"]),
        (["区城管局"], ["区交通运输局"]),
    ]


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("注：各项任务责任单位中，标#的为牵头单位，其余为配合单位。", "#", None),
        ("标＃的为牵头单位。", "#", None),
        ("各项任务所列责任单位中，带●者为牵头单位，其余为配合单位。", "●", None),
        ("注：◆为牵头单位，其余为配合单位。", "◆", None),
        ("注：打√的为牵头单位。", "√", None),
        ("牵头单位以■标注。", "■", None),
        ("说明：标◆的为配合单位，未标注的为责任单位。", None, "◆"),
        ("注：标■的为牵头单位，标√的为配合单位。", "■", "√"),
        # a bullet that says nothing of a role
        ("●为新增任务。", None, None),
    ],
)
def test_the_stated_marks(text, lead, support) -> None:
    assert (extract.stated_lead_mark(text), extract.stated_support_mark(text)) == (lead, support)


def test_a_bracketed_note_is_no_clause() -> None:
    """"（带●者为牵头单位）" after a caption says how to read, not who: no unit named "带●者"."""
    assert extract.extract_responsibility("重点任务清单（带●者为牵头单位，其余为配合单位）") is None


def test_a_matrix_legend_s_wording_marks_the_names_of_a_list() -> None:
    """"注：★表示牵头，☆表示配合" (no 单位 after the role) and the hollow ○ were read by the matrix's legend reader only:
    the marks beside a list's names went unread."""
    text = (
        "某区城市更新行动方案\n注：★表示牵头，○表示配合。\n一、主要任务\n"
        "（一）老旧小区改造。（责任单位：区住建局、区财政局★、各街道办事处○）\n"
        "（二）背街小巷整治。（责任单位：区城管局★、区交通运输局）\n"
    )
    plan = parse_plan(from_text(text, path="d.txt"))
    assert [(m.lead_units, m.support_units) for m in plan.measures] == [
        (["区财政局"], ["区住建局", "各街道办事处"]),
        (["区城管局"], ["区交通运输局"]),
    ]
