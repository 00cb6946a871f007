"""A group's lead named once at its head (blind16 三都县): "（一）强化保护传承（本部分任务由县文体广电旅游局牵头）",
"（一）传承保护。本部分任务由X牵头。", or a line right under the heading, over items 1.–4. that each print only
"配合单位：Y": each item's lead is the group's, its support its own; an item's own "本项任务由Z牵头" wins. The same for
a group clause after the items ("（以上第1—2项任务由X牵头）", engine/parse/groupleads.py)."""

from __future__ import annotations

import pytest

from engine.ingest import from_text
from engine.parse import parse_plan


def _units(lines: list[str]) -> list[tuple[str, list[str], list[str]]]:
    head = ["某市非遗工坊建设实施方案", "为推动非遗工坊建设，制定本方案。", "一、重点任务"]
    plan = parse_plan(from_text("\n".join(head + lines + ["二、保障措施", "（一）加强组织领导。建立联席会议制度。"]),
                                path="d.txt"))  # fmt: skip
    return [(m.label, m.lead_units, m.support_units) for m in plan.measures]


ITEMS = [
    "1.开展非遗资源调查。建立非遗项目数据库。", "配合单位：市民族宗教事务局、各区县人民政府",
    "2.建设非遗工坊。每年认定非遗工坊10家。", "配合单位：市人力资源和社会保障局",
    "3.培育非遗传承人。本项任务由市人力资源和社会保障局牵头，市教育局配合。",
]  # fmt: skip
WANT = [
    ("1", ["市文化和旅游局"], ["市民族宗教事务局", "各区县人民政府"]),
    ("2", ["市文化和旅游局"], ["市人力资源和社会保障局"]),
    ("3", ["市人力资源和社会保障局"], ["市教育局"]),
]


@pytest.mark.parametrize(
    "heading",
    [
        ["（一）强化保护传承（本部分任务由市文化和旅游局牵头）"],
        ["（一）强化保护传承。本部分任务由市文化和旅游局牵头。"],
        ["（一）强化保护传承", "本部分任务由市文化和旅游局牵头。"],
    ],
)
def test_a_group_s_lead_at_its_head_goes_to_items_that_print_only_their_support(heading):
    assert _units(heading + ITEMS + ["（二）擦亮文化品牌", "4.办好非遗展演。（市文化和旅游局牵头，各区县人民政府配合）"]) == [
        *WANT, ("4", ["市文化和旅游局"], ["各区县人民政府"])
    ]


def test_a_group_clause_after_the_items_does_the_same():
    lines = ["（一）强化保护传承", *ITEMS[:4], "（以上第1—2项任务由市文化和旅游局牵头）", *ITEMS[4:]]
    assert _units(lines) == WANT
