"""A measure whose responsibility clause is written inside its heading ("（一）全面开展宣传——X牵头，Y配合",
"（二）建设设施（X负责）。…") is titled without it: the title is what findings quote and alignment compares, and the
units are the clause's (a parent's 市X and a child's 县X differ by design)."""

from __future__ import annotations

import pytest

from engine.pipeline import load_plan

HEAD = "某县垃圾分类工作方案\n一、重点任务\n"
TAIL = "二、保障措施\n加强领导。\n"


@pytest.mark.parametrize(
    ("item", "title", "lead"),
    [
        ("（一）全面开展宣传——县城管局牵头，县委宣传部配合\n在全县开展垃圾分类宣传。\n", "全面开展宣传", ["县城管局"]),
        ("（一）建设分类设施——县住建局负责。建设分类设施。\n", "建设分类设施", ["县住建局"]),
        ("（一）全面开展宣传（县城管局牵头，县委宣传部配合）\n在全县开展垃圾分类宣传。\n", "全面开展宣传", ["县城管局"]),
        ("（一）建设分类设施（县住建局负责）。建设分类设施。\n", "建设分类设施", ["县住建局"]),
        # a clause after the body leaves the title as printed
        ("（一）建设分类设施。在各乡镇建设分类设施。（县住建局负责）\n", "建设分类设施", ["县住建局"]),
    ],
)
def test_the_clause_in_a_heading_is_no_part_of_the_title(tmp_path, item, title, lead):
    f = tmp_path / "plan.txt"
    f.write_text(HEAD + item + TAIL, encoding="utf-8")
    (m,) = load_plan(str(f)).measures
    assert (m.title, m.lead_units) == (title, lead)
