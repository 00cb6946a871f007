"""docs/OBLIGATIONS.md: its worked example is the file in docs/examples, its examples pass, and a
check of a small pair with it gives the findings the page shows — and none once the draft is fixed."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from engine.cli import main

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "OBLIGATIONS.md"
EXAMPLE = ROOT / "docs" / "examples" / "named-unit-and-deadline.yaml"

PARENT = """关于印发某省法治政府建设实施方案的通知
一、主要任务
(一)全面实行政府权责清单制度。2022年年底前，全面完善行政许可事项清单。
(二)加强行政执法。完善执法制度。
"""
DRAFT = """某市某区法治政府建设工作方案
1.全面实行政府权责清单制度。2023年年底前，全面完善行政许可事项清单。(牵头单位:区委编办)
2.加强行政执法。完善执法制度。(牵头单位:区司法局)
"""


def _block(text: str, name: str) -> str:
    return text.split(f"<!-- {name}: begin -->\n```yaml\n", 1)[1].split("```\n<!--", 1)[0]


def test_the_page_shows_the_example_file() -> None:
    assert _block(DOC.read_text("utf-8"), "worked example") == EXAMPLE.read_text("utf-8")


def test_the_examples_of_the_worked_example_pass() -> None:
    result = CliRunner().invoke(main, ["rules", "test", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "通过 4 个，失败 0 个" in result.output


def _check(tmp_path: Path, draft: str) -> tuple[int, list[str]]:
    (tmp_path / "parent.txt").write_text(PARENT, "utf-8")
    (tmp_path / "draft.txt").write_text(draft, "utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "draft.txt"), "--parent", str(tmp_path / "parent.txt"),
                                       "--no-core", "--ruleset", str(EXAMPLE), "--format", "compact"])
    return result.exit_code, [line.split("draft.txt:", 1)[1] for line in result.output.splitlines() if line]


def test_a_check_with_the_rule_reports_what_the_page_says(tmp_path: Path) -> None:
    code, lines = _check(tmp_path, DRAFT)
    assert code == 1
    shown = DOC.read_text("utf-8").split("the last command prints (`--format compact`):\n\n```\n", 1)[1]
    assert lines == [line.split("draft.txt:", 1)[1] for line in shown.split("```", 1)[0].splitlines()]
    # measure 2 carries (二), which the rules do not speak of: nothing there
    assert all(not line.startswith("3:") for line in lines)


def test_the_fixed_draft_passes(tmp_path: Path) -> None:
    fixed = DRAFT.replace("2023年年底前", "2022年6月底前").replace("(牵头单位:区委编办)", "(牵头单位:区委编办;配合单位:区司法局)")
    assert _check(tmp_path, fixed) == (0, [])
