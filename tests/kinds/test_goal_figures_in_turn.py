"""One goal sentence with one indicator phrase for two figures ("分别下降15%和20%以上") pairs each parent figure with
the draft's figure in its place, not both with the first: kept word for word it is no weaker (blind74's pair got
"上级总体目标为“20%以上”，本方案为“15%”" on an identical sentence). A city parent and its county child, 山东 济宁市
→ 嘉祥县, written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main

PARENT = (
    "济宁市道路运输安全整治三年行动方案\n\n一、工作目标\n"
    "到2028年，全市道路运输事故起数和死亡人数较2025年分别下降10%和25%以上，重点营运车辆动态监控入网率达到100%。\n\n"
    "二、重点任务\n"
    "（一）整治客运企业安全隐患。开展客运企业安全生产标准化建设，2026年底前完成全部客运企业评估。"
    "（市交通运输局牵头，市公安局配合）\n"
    "（二）加强危险货物运输监管。建立危险货物运输电子运单制度，实现全程监控。（市交通运输局牵头，市应急管理局配合）\n"
    "（三）治理货车超限超载。在国省道设置超限检测站，每季度开展一次联合执法。（市公安局牵头，市交通运输局配合）\n"
)
LEVEL = [("济宁市", "嘉祥县"), ("全市", "全县"), ("市交通运输局", "县交通运输局"), ("市公安局", "县公安局"),
         ("市应急管理局", "县应急管理局")]  # fmt: skip


def _weaker(tmp_path: Path, *edits: tuple[str, str]) -> list[tuple[str, str]]:
    child = PARENT
    for a, b in (*LEVEL, *edits):
        child = child.replace(a, b)
    (tmp_path / "parent.txt").write_text(PARENT, "utf-8")
    (tmp_path / "child.txt").write_text(child, "utf-8")
    r = CliRunner().invoke(main, ["check", str(tmp_path / "child.txt"), "--parent", str(tmp_path / "parent.txt"),
                                  "--format", "json", "--fail-on", "none"])
    assert r.exit_code == 0, r.output
    found = [f for f in json.loads(r.output)["findings"] if f["rule"] == "target-not-weaker"]
    return sorted(f["message"] for f in found)


def test_a_goal_sentence_kept_word_for_word_is_no_weaker(tmp_path):
    assert _weaker(tmp_path) == []


@pytest.mark.parametrize(
    ("edit", "parent", "draft"),
    [
        (("分别下降10%和25%以上", "分别下降10%和20%以上"), "25%以上", "20%"),
        (("分别下降10%和25%以上", "分别下降8%和25%以上"), "10%", "8%"),
    ],
)
def test_a_lowered_figure_is_found_against_its_own(tmp_path, edit, parent, draft):
    messages = _weaker(tmp_path, edit)
    assert len(messages) == 1 and f"“{parent}" in messages[0] and f"“{draft}" in messages[0], messages
