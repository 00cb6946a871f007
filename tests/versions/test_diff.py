"""plancheck diff: measures paired by their words, findings fixed / still open / new."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.ingest import from_text
from engine.parse import parse_plan
from engine.versions.diff import pair_measures
from tests.versions import drafts
from tests.versions.drafts import PARENT, version1, version2

OLD = """关于推进某项工作的实施方案
一、主要任务
1．加强组织领导。成立工作专班，统筹推进各项任务。（牵头单位：区政府办公室）
2．完善制度建设。建立健全工作制度，规范工作流程。（牵头单位：区司法局）
3．强化督促检查。定期开展督查，及时通报进展情况。（牵头单位：区督查室）
4．做好宣传引导。通过多种渠道宣传政策措施。（牵头单位：区委宣传部）
"""
NEW = """关于推进某项工作的实施方案
一、主要任务
1．摸清工作底数。全面排查现有工作台账和问题清单。（牵头单位：区统计局）
2．加强组织领导。成立工作专班，统筹推进各项任务。（牵头单位：区政府办公室）
3．完善制度建设。建立健全工作制度和考核办法，规范工作流程。（牵头单位：区司法局）
4．做好宣传引导。通过多种渠道宣传政策措施。（牵头单位：区委宣传部）
"""


def _plan(text: str):
    return parse_plan(from_text(text, "draft.txt"))


def test_measures_are_paired_by_their_words_not_their_numbers() -> None:
    changes = {(c.change, c.old_item, c.new_item) for c in pair_measures(_plan(OLD), _plan(NEW))}
    assert changes == {
        ("inserted", None, "1"),
        ("renumbered", "1", "2"),
        ("changed", "2", "3"),
        ("removed", "3", None),
        ("unchanged", "4", "4"),
    }
    changed = next(c for c in pair_measures(_plan(OLD), _plan(NEW)) if c.change == "changed")
    assert changed.renumbered and 60 <= changed.similarity < 100
    assert any(op.op != "equal" and "考核办法" in op.local for op in changed.diff)


def test_a_version_against_itself_has_no_changes() -> None:
    assert {c.change for c in pair_measures(_plan(OLD), _plan(OLD))} == {"unchanged"}


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("diff")
    (d / "v1.txt").write_text(version1(), "utf-8")
    (d / "v2.txt").write_text(version2(), "utf-8")
    return d


def test_diff_of_two_versions(versions: Path) -> None:
    args = ["diff", str(versions / "v1.txt"), str(versions / "v2.txt"), "--parent", str(PARENT)]
    r = run(*args, "--format", "json", "-o", str(versions / "d.json"))
    assert r.exit_code == 1, r.output  # two new errors
    d = json.loads((versions / "d.json").read_text("utf-8"))
    schema = json.loads((Path(__file__).resolve().parents[2] / "schemas" / "diff.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(d)
    s = d["summary"]
    n_items = sum(1 for x in version1().split("\n") if x.strip()[:1].isdigit())
    edited = sum(map(len, (drafts.FIXES, drafts.REWORDS, drafts.REWORDED_DEFECT, drafts.NEW)))  # one measure each
    assert (s["inserted"], s["removed"], s["changed"]) == (1, 0, edited)
    assert s["renumbered"] == n_items  # every item after the inserted one
    assert (s["new_findings"], s["fixed"]) == (2, 2) and s["still_open"] == len(d["findings"]) - 2
    inserted = [m for m in d["measures"] if m["change"] == "inserted"]
    assert [m["new_item"] for m in inserted] == ["1"] and inserted[0]["diff"][0]["op"] == "insert"
    assert sorted(f["rule"] for f in d["fixed"]) == ["level-scope", "self-reference"]

    r = run(*args, "--format", "html", "-o", str(versions / "d.html"))
    html = (versions / "d.html").read_text("utf-8")
    assert r.exit_code == 1 and html.count('class="bl bl-new"') == 2 and html.count('class="bl bl-fixed"') == 2
    assert "<ins>区级</ins>" in html and "<del>各级</del>" in html and "1–47→2–48" in html
    run(*args, "--format", "html", "-o", str(versions / "d2.html"))
    assert (versions / "d2.html").read_bytes() == (versions / "d.html").read_bytes()

    r = run(*args, "--lang", "en")
    assert f"findings: 2 new, {s['still_open']} still open, 2 fixed" in r.output
    assert "Two versions compared" in r.output and "[inserted] 1" in r.output and "new findings only" in r.output


def test_diff_of_a_version_with_itself_passes(versions: Path) -> None:
    r = run("diff", str(versions / "v1.txt"), str(versions / "v1.txt"), "--parent", str(PARENT), "--format", "json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["summary"]["new_findings"] == 0 and d["fixed"] == [] and d["summary"]["changed"] == 0


def test_diff_refuses_bad_input(versions: Path, tmp_path: Path) -> None:
    r = run("diff", str(versions / "v1.txt"), str(tmp_path / "nope.txt"), "--parent", str(PARENT))
    assert r.exit_code == 2 and "找不到文件" in r.output
    before = (versions / "v1.txt").read_bytes()
    r = run("diff", str(versions / "v1.txt"), str(versions / "v2.txt"), "--parent", str(PARENT),
            "-o", str(versions / "v1.txt"))
    assert r.exit_code == 2 and (versions / "v1.txt").read_bytes() == before
