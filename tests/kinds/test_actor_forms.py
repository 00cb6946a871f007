"""lead-unit-required on safeguards that name their actor in forms rulesets/data/actors.yaml holds
(issue 16): the governments below as a group (各地要…, 各乡镇（街道）要…, 各县（市、区）要…, 各街道办事处要…),
governments or finance of several levels (市、县两级财政要…, 各市、县人民政府对…负主体责任), a body made
answerable (…负总责, 主要负责同志是第一责任人) and an office's announced action (督查室将适时开展督查).
Built drafts whose task items carry unit clauses and whose 保障措施 items carry none, as most plans are
written; a safeguard that names no one (加大财政投入) is still reported, and so is one of these forms in a
section whose other items carry clauses. The safeguards run on from the tasks' numbering ((三)…), so the plan
counts them among its measures (restarted at (一) and naming no one, they would be its general requirements,
not measures: tests/parse/test_tree.py)."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

import pytest

from engine.pipeline import check

HEAD = """某某市推进某某工作实施方案
一、重点任务
（一）完善服务网络。每个街道建成1个服务中心。（牵头单位：市民政局；配合单位：市财政局）
（二）加强人才培养。每年培训1000人次。（牵头单位：市人力资源社会保障局）
三、保障措施
"""
ACTORS = {
    "各地要": "各地要高度重视，切实加强组织领导，确保各项任务落实。",
    "各县（市、区）要": "各县（市、区）要结合实际制定具体措施，明确时间表和路线图。",
    "各乡镇（街道）要": "各乡镇（街道）要落实属地责任，明确专人负责日常工作。",
    "各街道办事处要": "各街道办事处要明确分管领导和联络员。",
    "各村（社区）要": "各村（社区）要通过村村响、微信群等方式广泛宣传，引导群众参与。",
    "两级财政": "市、区两级财政要加大投入，福利彩票公益金55%以上用于养老服务。",
    "负主体责任": "各市、县人民政府对本地区工作负主体责任，主要负责同志是第一责任人。",
    "负总责": "县委、县政府对全县工作负总责。",
    "督查室将": "市政府督查室将适时开展专项督查，通报进展情况。",
}


def lead_findings(text: str) -> list[str]:
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.txt"
        path.write_text(text, encoding="utf-8")
        run = check(str(path), allow_no_parent=True, fail_on="none")
    return [f.local_item or "" for f in run.report.findings if f.rule == "lead-unit-required"]


@pytest.mark.parametrize("sentence", ACTORS.values(), ids=ACTORS.keys())
def test_a_safeguard_naming_its_actor_needs_no_clause(sentence: str) -> None:
    assert lead_findings(HEAD + f"（三）加强组织保障。{sentence}\n") == []


def test_a_safeguard_naming_no_one_is_still_reported() -> None:
    assert lead_findings(HEAD + "（三）强化资金保障。加大财政投入，将经费纳入预算，确保资金到位。\n") == ["(三)"]


def test_the_forms_do_not_excuse_an_item_where_the_section_carries_clauses() -> None:
    text = (HEAD + "（三）加强组织领导。成立工作专班。（牵头单位：市民政局）\n"
            "（四）强化督查。" + ACTORS["督查室将"] + "\n")
    assert lead_findings(text) == ["(四)"]


def test_a_task_of_the_group_is_no_actor_form() -> None:
    """各项任务要…, 各类企业要… name no government body: the safeguard is still reported."""
    for sentence in ("各项任务要落实到位。", "各类企业要落实主体责任。"):
        assert lead_findings(HEAD + f"（三）压实工作责任。{sentence}\n") == ["(三)"]
