"""A target's baseline year is not a deadline ("较2024年底提高10个百分点", "比2023年末提高15%", "以2022年底为基数",
"与2020年底相比", "在2020年底的基础上"), and a goal sentence kept word for word pairs each of its deadlines with
the draft's deadline in the same place, not with the sentence's first (a city parent and its county child,
山东 临沂市 → 沂南县, written for this test)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.extract import extract_deadlines

PARENT = (
    "临沂市农村供水保障三年行动方案\n\n一、工作目标\n"
    "到2027年底，全市农村自来水普及率达到98%以上，2026年6月底前完成千吨万人水源地规范化建设，"
    "规模化供水工程覆盖农村人口比例较2024年底提高10个百分点。"
    "到2027年，全市农村供水水质达标率比2023年末提高15%，以2022年底为基数，小型供水工程数量减少30%。\n\n"
    "二、重点任务\n"
    "（一）推进规模化供水工程建设。实施城乡供水一体化工程，新建和改造规模化水厂20处。"
    "（市水利局牵头，市财政局、市发展改革委配合）\n"
    "（二）加强水源保护。划定农村饮用水水源保护区，设立保护标志。（市生态环境局牵头，市水利局配合）\n"
    "（三）强化水质检测。每季度开展一次水质抽检，检测结果向社会公开。（市卫生健康委牵头，市水利局配合）\n"
)
LEVEL = [("临沂市", "沂南县"), ("全市", "全县"), ("市水利局", "县水利局"), ("市财政局", "县财政局"),
         ("市发展改革委", "县发展改革局"), ("市生态环境局", "临沂市生态环境局沂南县分局"),
         ("市卫生健康委", "县卫生健康局")]  # fmt: skip


def _child(*edits: tuple[str, str]) -> str:
    text = PARENT
    for a, b in (*LEVEL, *edits):
        text = text.replace(a, b)
    return text


def _later(tmp_path: Path, child: str) -> list[tuple[str, str]]:
    (tmp_path / "parent.txt").write_text(PARENT, "utf-8")
    (tmp_path / "child.txt").write_text(child, "utf-8")
    r = CliRunner().invoke(main, ["check", str(tmp_path / "child.txt"), "--parent", str(tmp_path / "parent.txt"),
                                  "--format", "json", "--fail-on", "none"])
    assert r.exit_code == 0, r.output
    found = [f for f in json.loads(r.output)["findings"] if f["rule"] == "deadline-not-later"]
    return [(f["evidence"]["local"], f["evidence"]["parent"]) for f in found]


def test_baselines_are_not_deadlines():
    sentences = [
        "到2028年底，全县尾矿库总数较2025年底减少10%以上",
        "到2025年，单位地区生产总值能耗比2020年底下降15%",
        "2027年底前，行业单位产值能耗比2025年下降8%",
        "到2026年，全省粮食产量较2023年末增长20%",
        "以2022年底为基数，到2025年底减少30%",
        "与2020年底相比，到2025年6月底前建成率提高10个百分点",
        "在2020年底的基础上，2025年底前再削减20%",
        "同2021年末相比，到2024年末增长10%",
        "到2025年底，排放总量控制在2020年底水平以内",
    ]
    assert [[d.text for d in extract_deadlines(s)] for s in sentences] == [
        ["到2028年底"], ["到2025年"], ["2027年底前"], ["到2026年"], ["到2025年底"], ["到2025年6月底前"],
        ["2025年底前"], ["到2024年末"], ["到2025年底"],
    ]


def test_a_goal_kept_word_for_word_is_not_later(tmp_path):
    assert _later(tmp_path, _child()) == []


@pytest.mark.parametrize(
    ("edit", "found"),
    [
        (("到2027年底，", "到2028年底，"), [("到2028年底", "到2027年底")]),
        # the second deadline of the sentence answers the parent's second
        (("2026年6月底前完成", "2026年12月底前完成"), [("2026年12月底前", "2026年6月底前")]),
    ],
)
def test_a_later_goal_deadline_is_found_once_against_its_own(tmp_path, edit, found):
    assert _later(tmp_path, _child(edit)) == found
