"""A baseline that cannot be compared is refused with a message that names the problem (exit 2), never
a traceback; an older report is read when its fields allow. Nothing the user gave is modified."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main
from tests.versions.drafts import DRAFT, PARENT


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    d = tmp_path_factory.mktemp("bad")
    out = d / "v1.json"
    assert run("check", str(DRAFT), "--parent", str(PARENT), "--format", "json", "-o", str(out)).exit_code == 1
    return json.loads(out.read_text("utf-8"))


def _check(tmp_path: Path, baseline: Path, *extra: str):
    return run("check", str(DRAFT), "--parent", str(PARENT), "--baseline", str(baseline),
               "--format", "json", "-o", str(tmp_path / "out.json"), *extra)


def _refused(r, *words: str) -> None:
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output and r.output.startswith("plancheck: ")
    for w in words:
        assert w in r.output, (w, r.output)


def test_a_file_that_is_not_a_plancheck_report(tmp_path: Path) -> None:
    cases = {
        "draft.txt": DRAFT.read_bytes(),
        "empty.json": b"",
        "list.json": b"[1, 2]",
        "broken.json": b'{"tool": "plancheck", "summary": ',
        "nofindings.json": json.dumps({"tool": "plancheck", "version": "0.1.0", "summary": {}}).encode(),
    }
    for name, data in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        _refused(_check(tmp_path, p), str(p), "不是 plancheck 的 JSON 报告")
    _refused(_check(tmp_path, tmp_path / "missing.json"), "找不到文件")
    _refused(_check(tmp_path, tmp_path), "是文件夹")
    _refused(_check(tmp_path, tmp_path / "list.json", "--lang", "en"), "is not a plancheck JSON report")


def test_a_baseline_made_against_another_parent_names_it(tmp_path: Path, report: dict) -> None:
    other = json.loads(json.dumps(report))
    other["summary"]["parent"] = "parents/guangdong-2021-2025.txt"
    other["summary"]["parent_sha256"] = hashlib.sha256(b"another parent").hexdigest()
    p = tmp_path / "other-parent.json"
    p.write_text(json.dumps(other, ensure_ascii=False), "utf-8")
    _refused(_check(tmp_path, p), "另一份上级方案", "parents/guangdong-2021-2025.txt", "guangxi-2021-2025-parent.txt")
    _refused(_check(tmp_path, p, "--lang", "en"), "another parent", "guangdong-2021-2025.txt")


def test_a_baseline_made_with_other_rulesets(tmp_path: Path, report: dict) -> None:
    other = json.loads(json.dumps(report))
    other["summary"]["rulesets"] = ["core", "my-office-rules"]
    p = tmp_path / "other-rules.json"
    p.write_text(json.dumps(other, ensure_ascii=False), "utf-8")
    _refused(_check(tmp_path, p), "规则集", "my-office-rules")


def test_an_older_report_is_read_when_its_fields_allow(tmp_path: Path, report: dict) -> None:
    old = json.loads(json.dumps(report))
    old["version"] = "0.0.9"
    for key in ("fingerprints", "baseline", "fixed"):
        old.pop(key, None)
    for key in ("parent_sha256", "new", "unchanged", "fixed"):
        old["summary"].pop(key, None)
    for f in old["findings"]:
        f.pop("baseline", None)
        f["fingerprint"] = "0123456789abcdef"  # made another way: cannot be trusted, evidence decides
        f["extra_field_of_that_version"] = 1
    p = tmp_path / "old.json"
    p.write_text(json.dumps(old, ensure_ascii=False), "utf-8")
    r = _check(tmp_path, p)
    assert r.exit_code == 0, r.output
    rep = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert rep["baseline"]["matched_by"] == "evidence" and rep["baseline"]["version"] == "0.0.9"
    assert rep["summary"]["new"] == 0 and rep["fixed"] == []


def test_an_older_report_without_the_fields_is_refused_naming_its_version(tmp_path: Path, report: dict) -> None:
    old = {"tool": "plancheck", "version": "0.0.3", "summary": report["summary"],
           "findings": [{"rule": f["rule"], "line": f["line"]} for f in report["findings"]]}
    p = tmp_path / "ancient.json"
    p.write_text(json.dumps(old, ensure_ascii=False), "utf-8")
    _refused(_check(tmp_path, p), "plancheck 0.0.3", "重新生成基线")
    _refused(_check(tmp_path, p, "--lang", "en"), "plancheck 0.0.3")


def test_option_misuse(tmp_path: Path, report: dict) -> None:
    p = tmp_path / "v1.json"
    p.write_text(json.dumps(report, ensure_ascii=False), "utf-8")
    _refused(run("check", str(DRAFT), "--parent", str(PARENT), "--only-new"), "--only-new")
    _refused(run("check", str(DRAFT), str(DRAFT), "--parent", str(PARENT), "--baseline", str(p)), "--baseline")
    before = p.read_bytes()
    _refused(run("check", str(DRAFT), "--parent", str(PARENT), "--baseline", str(p), "--format", "json", "-o", str(p)),
             "不会覆盖")
    assert p.read_bytes() == before


def test_another_plancheck_output_is_named_for_what_it_is(tmp_path: Path, report: dict) -> None:
    """A diff JSON has tool, summary and findings like a check report: it was taken for one made
    against "another parent". Each plancheck output a user may pick is named for what it is."""
    made = {
        "diff.json": (["diff", str(DRAFT), str(DRAFT), "--parent", str(PARENT), "--format", "json"], "plancheck diff"),
        "parse.json": (["parse", str(DRAFT), "--format", "json"], "plancheck parse"),
        "units.json": (["units", str(DRAFT), "--format", "json"], "plancheck units"),
        "schema.json": (["rules", "facts", "--format", "json"], "JSON 模式"),
        "report.sarif": (["check", str(DRAFT), "--parent", str(PARENT), "--format", "sarif"], "SARIF"),
    }
    for name, (args, words) in made.items():
        r = CliRunner().invoke(main, args)
        assert r.exit_code in (0, 1), r.output
        p = tmp_path / name
        p.write_text(r.stdout, "utf-8")
        before = p.read_bytes()
        got = _check(tmp_path, p)
        _refused(got, str(p), words, "不是检查报告")
        assert "上级方案" not in got.output
        assert p.read_bytes() == before
    _refused(_check(tmp_path, tmp_path / "diff.json", "--lang", "en"), "is the output of plancheck diff")
    good = tmp_path / "v1.json"
    good.write_text(json.dumps(report), "utf-8")
    assert _check(tmp_path, good).exit_code in (0, 1)  # a check report is still a baseline
