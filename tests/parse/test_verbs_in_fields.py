"""Verbs and role marks inside a 责任单位 / 负责单位 / 责任部门 field decide the roles (issue #16): "责任单位：X牵头，Y、Z
配合", "责任单位：X（牵头）、Y、Z" and "责任单位：X（牵头单位）、Y" give X the lead and Y, Z the support; "责任单位：X、Y"
with no verb stays joint. A task table whose one 责任单位 column holds "X牵头，Y配合" likewise (fixtures/forms16)."""

from __future__ import annotations

import pytest

from engine.extract import extract_responsibility
from engine.ingest import load_document
from engine.parse import parse_plan
from tests.parse.conftest import FIXTURES

XIUSHUI = FIXTURES / "forms16" / "xiushui-county-rural-roads-fields.txt"


def test_a_county_plan_and_its_project_table() -> None:
    plan = parse_plan(load_document(str(XIUSHUI)))
    assert [(m.label, m.lead_units, m.support_units) for m in plan.measures] == [
        ("(一)", ["县交通运输局"], ["县财政局", "县自然资源局", "各乡镇人民政府"]),  # X牵头，Y、Z配合
        ("(二)", ["县交通运输局"], ["县公安局交警大队", "县应急管理局"]),  # X（牵头）、Y、Z
        ("(三)", ["县交通运输局"], ["县财政局", "各乡镇人民政府"]),  # X（牵头单位）、Y、Z
        ("(四)", ["县交通运输局"], ["县发展改革委", "县财政局"]),  # X牵头负责，Y、Z配合
        ("(五)", ["县财政局", "县交通运输局"], []),  # no verb: joint, as written
        # the table's one 责任单位 column
        ("1", ["县交通运输局"], ["县自然资源局", "县林业局"]),
        ("2", ["县交通运输局"], ["何市镇人民政府", "大椿乡人民政府"]),
        ("3", ["县交通运输局", "县财政局"], []),
    ]


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("（责任单位：县住建局（牵头单位）、县城管局）", ["县住建局"], ["县城管局"]),
        ("（负责单位：县住建局(牵头单位)，县城管局（配合单位）、县水务局（配合单位））", ["县住建局"], ["县城管局", "县水务局"]),
        ("责任部门：县住建局（牵头单位）、县城管局", ["县住建局"], ["县城管局"]),
    ],
)
def test_a_field_label_in_brackets_after_a_unit_marks_its_role(text, lead, support) -> None:
    r = extract_responsibility("推进垃圾分类。" + text)
    assert r is not None
    assert ([u.name for u in r.lead], [u.name for u in r.support]) == (lead, support)

