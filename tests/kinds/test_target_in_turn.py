"""target_not_weaker on clauses that restate several parent figures, and on soft words of added tasks
(seen on an unseen 会宁县 draft, fixtures/versions/v2.txt: a loosened second cap was missed; an added
"积极争取…合作" was read as softening the parent's 提高…效率)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from engine.cli import main

ROOT = Path(__file__).resolve().parents[2]

PARENT = """浙江省人民政府办公厅关于降低企业物流成本的实施意见
一、主要任务
（一）降低收费标准。各地要清理规范物流收费，港口作业包干费原则上不超过每箱300元，堆存费原则上不超过每箱50元。（省发展改革委、省交通运输厅负责）
（二）提升服务效率。各地要主动对接省级物流平台，提高通关效率，不断提升服务水平。（省商务厅负责）
"""

CHILD = """宁波市人民政府办公厅关于降低企业物流成本的实施方案
一、主要任务
（一）降低收费标准。清理规范物流收费，港口作业包干费原则上不超过每箱300元，堆存费原则上不超过每箱{cap}元。（牵头单位：市发展改革委；配合单位：市交通运输局）
（二）提升服务效率。主动对接省级物流平台，积极争取跨境电商业务合作，提高通关效率，不断提升服务水平。（牵头单位：市商务局）
"""


def _weaker(tmp_path: Path, cap: str) -> list[tuple[str, str]]:
    (tmp_path / "p.txt").write_text(PARENT, encoding="utf-8")
    (tmp_path / "c.txt").write_text(CHILD.format(cap=cap), encoding="utf-8")
    r = CliRunner().invoke(
        main, ["check", str(tmp_path / "c.txt"), "--parent", str(tmp_path / "p.txt"), "--format", "json"]
    )
    found = json.loads(r.output)["findings"]
    return [(f["local_item"], f["evidence"]["local"]) for f in found if f["rule"] == "target-not-weaker"]


def test_each_figure_is_compared_with_the_one_in_its_place(tmp_path: Path) -> None:
    assert _weaker(tmp_path, "80") == [("(一)", "不超过每箱80元")]  # a per-unit cap is no total shared out


def test_the_same_figures_and_an_added_task_are_not_weaker(tmp_path: Path) -> None:
    assert _weaker(tmp_path, "50") == []


def test_a_loosened_second_cap_of_a_restated_pair_is_found() -> None:
    """Two caps of one quantity (担保费率不超过1% … 不超过1.5%): the second is compared with the second."""
    parent = ROOT / "fixtures" / "national" / "gbf2019-6-financing-guarantee.txt"
    r = CliRunner().invoke(
        main, ["check", str(ROOT / "fixtures" / "versions" / "v2.txt"), "--parent", str(parent), "--format", "json"]
    )
    found = json.loads(r.output)["findings"]
    got = [(f["local_item"], f["evidence"]["local"]) for f in found if f["rule"] == "target-not-weaker"]
    assert got == [("(七)", "不超过2%")]
