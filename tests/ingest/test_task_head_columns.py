"""A task table whose task column is named by a qualifier and the noun task columns end in: 整治任务, 攻坚措施,
建设内容 (blind21 大王镇 "|序号|整治任务|具体内容|牵头单位|…|": the task's name stood in 整治任务 and was left out, the
text starting at 具体内容). A header ending in a noun several task words end in (任务, 措施, 内容, 举措:
rulesets/data/roles.yaml columns.task) is a task column; one ending in a noun only one of them ends in (名称 of
任务名称) is not, by that alone (单位名称), nor is the noun alone (任务)."""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.ingest.tables import column_role
from engine.parse import parse_plan

HEAD = "某镇企业综合整治工作方案\n为推动产业规范有序发展，制定本方案。\n一、整治任务\n"
TAIL = "二、工作要求\n各责任单位要高度重视，确保整治取得实效。\n"


def _measures(table: str):
    plan = parse_plan(from_text(HEAD + table + TAIL, path="d.txt"))
    return [(m.label, m.text[:12], m.lead_units, m.support_units) for m in plan.measures]


@pytest.mark.parametrize("sep", ["|", "\t"])
def test_a_qualified_task_column_starts_the_measure(sep):
    rows = [
        ["序号", "整治任务", "具体内容", "牵头单位", "配合单位", "完成时限"],
        ["1", "开展安全隐患排查", "对辖区企业开展全覆盖排查", "镇应急管理办公室", "镇经济发展办公室", "2026年5月底"],
        ["2", "整治粉尘污染", "督促企业完善除尘设施", "镇生态环境办公室", "—", "2026年8月底"],
    ]
    if sep == "|":
        table = "\n".join("|" + "|".join(r) + "|" for r in [rows[0], ["---"] * 6, *rows[1:]]) + "\n"
    else:
        table = "\n".join("\t".join(r) for r in rows) + "\n"
    got = _measures(table)
    assert [(label, text[:8], lead, support) for label, text, lead, support in got] == [
        ("1", "开展安全隐患排查", ["镇应急管理办公室"], ["镇经济发展办公室"]),
        ("2", "整治粉尘污染。督", ["镇生态环境办公室"], []),
    ]


def test_headers_ending_in_a_shared_task_noun():
    assert [column_role(h) for h in ["整治任务", "攻坚措施", "建设内容", "推进举措", "整治任務"]] == ["task"] * 5
    # a noun only one task word ends in, a noun alone that is no column word, and the other roles, are read as
    # before; 任务 alone is a column word of roles.yaml (a 序号 | 任务 | 牵头单位 table, blind22 河北), not by its noun
    assert [column_role(h) for h in ["单位名称", "任务", "措施", "牵头单位", "序号", "完成时限", "备注"]] == [
        None, "task", None, "lead", "no", "due", "note"]
