"""Issue #19 as it will be checked, on two versions written outside the code's sight (fixtures/versions/):
a 会宁县 plan of 国办发〔2019〕6号 whose version 2 fixes two defects, keeps three (one in a reworded
measure), adds new ones and inserts a measure as (三), so every later item is renumbered.

What is asserted is the versions machinery, not the detection: the fixed list is exactly the two fixed
defects; the three kept defects keep their fingerprints through the renumbering (so they are
"unchanged"); a finding of version 2 whose words version 1 never had is "new"; version 1 against its
own report has nothing new and exits 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main

ROOT = Path(__file__).resolve().parents[2]
PARENT = ROOT / "fixtures" / "national" / "gbf2019-6-financing-guarantee.txt"
V1 = ROOT / "fixtures" / "versions" / "v1.txt"
V2 = ROOT / "fixtures" / "versions" / "v2.txt"


def _check(draft: Path, out: Path, *extra: str):
    r = CliRunner().invoke(
        main, ["check", str(draft), "--parent", str(PARENT), "--format", "json", "-o", str(out), *extra]
    )
    return r.exit_code, json.loads(out.read_text("utf-8"))


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    d = tmp_path_factory.mktemp("huining")
    code1, r1 = _check(V1, d / "v1.json", "--fail-on", "none")
    assert code1 == 0
    code2, r2 = _check(V2, d / "v2.json", "--baseline", str(d / "v1.json"))
    code_self, r_self = _check(V1, d / "self.json", "--baseline", str(d / "v1.json"))
    return r1, (code2, r2), (code_self, r_self)


def _where(f: dict) -> tuple[str, str]:
    return f["rule"], f["evidence"].get("local") or ""


def test_the_two_fixed_defects_are_listed_and_no_other(reports) -> None:
    _, (_, r2), _ = reports
    fixed = sorted((f["rule"], f["local_item"]) for f in r2["fixed"])
    assert fixed == [("lead-unit-vague", "(十)"), ("target-not-weaker", "(五)")]


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("self-reference", "我市"),  # its measure's other sentences were reworded
        ("unit_outdated", "县农业局"),
        ("lead-unit-required", "加强协同配合"),  # the reworded measure without a lead unit
    ],
)
def test_kept_defects_are_unchanged_though_renumbered(reports, rule: str, words: str) -> None:
    r1, (_, r2), _ = reports
    before = [f for f in r1["findings"] if f["rule"] == rule and words in json.dumps(f, ensure_ascii=False)]
    after = [f for f in r2["findings"] if f["rule"] == rule and words in json.dumps(f, ensure_ascii=False)]
    assert before and after
    assert {f["baseline"] for f in after} == {"unchanged"}
    assert {f["fingerprint"] for f in after} <= {f["fingerprint"] for f in before}
    assert {f["local_item"] for f in after} != {f["local_item"] for f in before}  # renumbered


def test_what_version_1_never_said_is_new_and_fails_the_run(reports) -> None:
    r1, (code2, r2), _ = reports
    said = {_where(f) for f in r1["findings"]}
    new = [f for f in r2["findings"] if f["baseline"] == "new"]
    assert new and not [_where(f) for f in new if _where(f) in said]  # new: words version 1 never had
    assert any(f["rule"] == "level-scope" and "地方性法规" in f["evidence"]["local"] for f in new)
    assert any(f["severity"] == "error" for f in new)
    assert code2 == 1


def test_version_1_against_its_own_report_has_nothing_new(reports) -> None:
    r1, _, (code, r) = reports
    assert code == 0
    assert r["fixed"] == []
    assert [f["baseline"] for f in r["findings"]] == ["unchanged"] * len(r1["findings"])
