"""Rulesets and waivers are bounded YAML: alias bombs, cycles, deep nesting, huge files and impossible
dates end in a message with file and line (exit 2 from the CLI), never a hang or a traceback."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from engine.errors import PlancheckError
from engine.findings import load_waivers
from engine.ingest import budgets
from engine.rules.loader import load_ruleset, read_ruleset_file

PLANCHECK = str(Path(sys.executable).with_name("plancheck"))

# nine levels of nine aliases each: 9**9 (~387 M) leaves from ~400 bytes
BOMB = "\n".join(
    [f"l0: &l0 [{', '.join(['x'] * 9)}]"]
    + [f"l{k}: &l{k} [{', '.join([f'*l{k - 1}'] * 9)}]" for k in range(1, 9)]
)


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    for name in budgets.NAMES:
        monkeypatch.delenv(budgets.env_name(name), raising=False)
    monkeypatch.setattr(budgets, "_overrides", {})


def _write(tmp_path: Path, text: str, name: str = "r.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_alias_bomb_in_a_ruleset_is_refused_quickly(tmp_path):
    path = _write(tmp_path, "id: bomb\n" + BOMB + "\nrules: []\n")
    t = time.process_time()
    with pytest.raises(PlancheckError) as info:
        load_ruleset(path)
    assert info.value.code == "budget.yaml_nodes"
    assert time.process_time() - t < 5  # measured without expanding: a guard against expansion, not a timing
    rs, errors = read_ruleset_file(path)  # what `rules validate` reads
    assert rs is None and errors[0].code == "budget.yaml_nodes"


def test_alias_bomb_in_waivers(tmp_path):
    path = _write(tmp_path, BOMB + "\n", "w.yaml")
    with pytest.raises(PlancheckError) as info:
        load_waivers(str(path))
    assert info.value.code == "budget.yaml_nodes"


def test_aliases_within_the_budget_still_work(tmp_path):
    """Anchors are legitimate YAML: a ruleset reusing a scope through an alias loads."""
    path = _write(
        tmp_path,
        "id: ok\nx: &scope {chapters: [五]}\nrules:\n"
        "  - {id: a, check: pattern, severity: info, message: m, scope: *scope, options: {forbidden: [甲]}}\n"
        "  - {id: b, check: pattern, severity: info, message: m, scope: *scope, options: {forbidden: [乙]}}\n",
    )
    with pytest.raises(PlancheckError) as info:  # the top-level key x is unknown: the aliases themselves passed
        load_ruleset(path)
    assert info.value.code == "ruleset.invalid" and info.value.fields["key"] == "x"


@pytest.mark.parametrize("text", ["a: &a [*a]\n", "a: &a {k: *a}\n"], ids=["sequence", "mapping"])
def test_recursive_alias_is_refused(tmp_path, text):
    with pytest.raises(PlancheckError) as info:
        load_ruleset(_write(tmp_path, text))
    assert info.value.code == "ruleset.yaml" and "cycle" in info.value.fields["reason"]
    with pytest.raises(PlancheckError) as info:
        load_waivers(str(_write(tmp_path, "- " + text, "w.yaml")))
    assert info.value.code == "waivers.invalid"


def test_deep_nesting_is_refused(tmp_path):
    with pytest.raises(PlancheckError) as info:
        load_ruleset(_write(tmp_path, "id: deep\nx: " + "[" * 500 + "]" * 500 + "\n"))
    assert info.value.code == "ruleset.yaml"


def test_huge_file_refused_by_size_before_reading(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANCHECK_BUDGET_YAML_BYTES", "1KB")
    path = _write(tmp_path, "id: big\nrules: []\n# " + "x" * 2000 + "\n")
    with pytest.raises(PlancheckError) as info:
        load_ruleset(path)
    assert info.value.code == "budget.yaml_bytes"
    with pytest.raises(PlancheckError) as info:
        load_waivers(str(path))
    assert info.value.code == "budget.yaml_bytes"


def test_impossible_date_in_waivers(tmp_path):
    # a complete waiver whose only fault is the date (an approver is required too)
    path = _write(tmp_path, "- rule: x\n  item: '1'\n  reason: r\n  expires: 2025-02-30\n  approver: a\n", "w.yaml")
    with pytest.raises(PlancheckError) as info:
        load_waivers(str(path))
    assert info.value.code == "waivers.invalid"
    assert info.value.fields["line"] == 4 and "2025-02-30" in info.value.fields["reason"]
    assert "\n" not in info.value.render("zh")


def test_impossible_date_in_a_ruleset(tmp_path):
    path = _write(tmp_path, "id: d\nrules: []\nobligations:\n  - {ref: '1', label: '1', deadline: 2025-02-30}\n")
    with pytest.raises(PlancheckError) as info:
        load_ruleset(path)
    assert info.value.code == "ruleset.yaml" and info.value.fields["line"] == 4


def test_cli_validate_and_check_exit_2_with_one_line(tmp_path):
    bomb = _write(tmp_path, "id: bomb\n" + BOMB + "\n")
    out = subprocess.run([PLANCHECK, "rules", "validate", str(bomb)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "PLANCHECK_BUDGET_YAML_NODES" in out.stdout + out.stderr
    waivers = _write(tmp_path, "- rule: x\n  item: '1'\n  reason: r\n  expires: 2025-02-30\n", "w.yaml")
    root = Path(__file__).resolve().parents[2] / "fixtures"
    out = subprocess.run(
        [PLANCHECK, "check", str(root / "chengzhong-district-draft.txt"), "--parent",
         str(root / "guangxi-2021-2025-parent.txt"), "--waivers", str(waivers)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 2 and "内部错误" not in out.stderr and len(out.stderr.strip().splitlines()) == 1
