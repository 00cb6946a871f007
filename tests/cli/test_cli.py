"""The CLI as users and CI meet it: exit codes, messages in both languages, no tracebacks,
inputs never modified, byte-identical reports."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli import main

ROOT = Path(__file__).resolve().parents[2]
PARENT = str(ROOT / "fixtures" / "guangxi-2021-2025-parent.txt")
DRAFT = str(ROOT / "fixtures" / "chengzhong-district-draft.txt")
COUNTY = str(ROOT / "fixtures" / "guangning-county-2016-2020.txt")


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name -> (file, a word the message must contain in Chinese)."""
    files: dict[str, tuple[Path, str]] = {}
    (tmp / "empty.txt").write_bytes(b"")
    files["empty"] = (tmp / "empty.txt", "空文件")
    (tmp / "blank.txt").write_bytes(b"  \n\n \r\n")
    files["blank"] = (tmp / "blank.txt", "空文件")
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 40)
    files["binary"] = (tmp / "binary.txt", "二进制")
    (tmp / "latin.txt").write_bytes(("一、总体要求\n(一)指导思想。" ).encode()[:-2] + b"\xff\xfe\xfa" * 50)
    files["undecodable"] = (tmp / "latin.txt", "编码")
    (tmp / "corrupt.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    files["corrupt_docx"] = (tmp / "corrupt.docx", "损坏")
    with zipfile.ZipFile(tmp / "nodoc.docx", "w") as z:
        z.writestr("hello.txt", "x")
    files["docx_without_document"] = (tmp / "nodoc.docx", "损坏")
    (tmp / "plan.xyz").write_text("一、总体要求", "utf-8")
    files["unsupported"] = (tmp / "plan.xyz", "不支持")
    (tmp / "prose.txt").write_text("这是一段没有任何编号的文字。它只是随便说说。\n第二段也没有。\n", "utf-8")
    files["no_measures"] = (tmp / "prose.txt", "编号")
    return files


@pytest.mark.parametrize("name", ["empty", "blank", "binary", "undecodable", "corrupt_docx", "docx_without_document", "unsupported", "no_measures"])
@pytest.mark.parametrize("command", ["parse", "check"])
def test_bad_input_is_a_message_and_exit_2(tmp_path: Path, name: str, command: str) -> None:
    path, word = _bad_inputs(tmp_path)[name]
    before = _digest(path)
    args = [command, str(path)] + (["--parent", PARENT] if command == "check" else [])
    r = run(*args)
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output
    assert word in r.output, r.output
    assert _digest(path) == before
    en = run(*args, "--lang", "en")
    assert en.exit_code == 2 and "plancheck:" in en.output
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in en.output.split(":", 1)[1].replace(str(path), "")), en.output


def test_huge_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024 + 1)
    r = run("parse", str(big))
    assert r.exit_code == 2 and "MB" in r.output


def test_missing_file_and_bad_parent(tmp_path: Path) -> None:
    assert run("parse", str(tmp_path / "nope.txt")).exit_code == 2
    r = run("check", DRAFT, "--parent", str(tmp_path / "nope.txt"))
    assert r.exit_code == 2 and "找不到" in r.output


def test_invalid_ruleset_names_file_and_line(tmp_path: Path) -> None:
    rs = tmp_path / "bad.yaml"
    rs.write_text("id: bad\nrules:\n  - id: r1\n    check: pattern\n    severity: fatal\n", "utf-8")
    r = run("check", DRAFT, "--parent", PARENT, "--ruleset", str(rs))
    assert r.exit_code == 2
    assert f"{rs}:5" in r.output and "severity" in r.output


def test_ruleset_cannot_execute_code(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    rs = tmp_path / "evil.yaml"
    rs.write_text(f"id: evil\nrules: !!python/object/apply:os.system ['touch {marker}']\n", "utf-8")
    r = run("check", DRAFT, "--parent", PARENT, "--ruleset", str(rs))
    assert r.exit_code == 2 and not marker.exists()


def test_output_never_overwrites_input(tmp_path: Path) -> None:
    copy = tmp_path / "draft.txt"
    copy.write_bytes(Path(DRAFT).read_bytes())
    r = run("check", str(copy), "--parent", PARENT, "--format", "json", "--output", str(copy))
    assert r.exit_code == 2
    assert copy.read_bytes() == Path(DRAFT).read_bytes()


def test_check_json_is_deterministic_and_valid(tmp_path: Path) -> None:
    import jsonschema

    outs = []
    for i in range(2):
        out = tmp_path / f"r{i}.json"
        r = run("check", DRAFT, "--parent", PARENT, "--format", "json", "--output", str(out), "--fail-on", "none", "--today", "2026-01-01")
        assert r.exit_code == 0, r.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    report = json.loads(outs[0])
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(report)
    assert {"summary", "alignment", "findings"} <= set(report)
    assert report["summary"]["coverage"]["parent_measures"] == 50
    for f in report["findings"]:
        assert f["fingerprint"] and f["rule"] and f["check"] and f["message"]


def test_exit_codes_follow_fail_on() -> None:
    r_none = run("check", DRAFT, "--parent", PARENT, "--fail-on", "none")
    assert r_none.exit_code == 0
    r_info = run("check", DRAFT, "--parent", PARENT, "--fail-on", "info")
    assert r_info.exit_code == 1  # the real draft has at least one finding of some severity


def test_derived_ruleset_gives_the_same_findings_as_parent(tmp_path: Path) -> None:
    rs = tmp_path / "guangxi.yaml"
    r = run("derive", PARENT, "-o", str(rs))
    assert r.exit_code == 0, r.output
    assert run("derive", PARENT, "-o", str(rs)).exit_code == 2  # refuses to overwrite curation
    a = run("check", DRAFT, "--parent", PARENT, "--format", "json", "--fail-on", "none", "--today", "2026-01-01")
    b = run("check", DRAFT, "--ruleset", str(rs), "--format", "json", "--fail-on", "none", "--today", "2026-01-01")
    fa = [(f["rule"], f["local_item"], f["parent_item"], f["fingerprint"]) for f in json.loads(a.output)["findings"]]
    fb = [(f["rule"], f["local_item"], f["parent_item"], f["fingerprint"]) for f in json.loads(b.output)["findings"]]
    assert fa == fb and fa


def test_derived_ruleset_records_the_hash_of_the_bytes_read(tmp_path: Path) -> None:
    import yaml

    want = _digest(Path(PARENT))
    for name, args, stdin in (("file", [PARENT], None), ("stdin", ["-"], Path(PARENT).read_bytes())):
        out = tmp_path / f"{name}.yaml"
        r = run("derive", *args, "-o", str(out), input=stdin)
        assert r.exit_code == 0, r.output
        assert yaml.safe_load(out.read_text("utf-8"))["parent"]["sha256"] == want, name


def test_check_without_parent_is_refused_unless_asked(tmp_path: Path) -> None:
    assert run("check", DRAFT).exit_code == 2
    assert run("check", DRAFT, "--no-parent", "--fail-on", "none").exit_code == 0


def test_parse_json_has_the_documented_fields() -> None:
    r = run("parse", COUNTY, "--format", "json")
    assert r.exit_code == 0, r.output
    plan = json.loads(r.output)
    assert {"title", "jurisdiction", "level", "measures"} <= set(plan)
    m = plan["measures"][0]
    assert {"label", "path", "title", "text", "lead_units", "support_units", "deadlines", "targets", "line", "parent_measure"} <= set(m)


def test_stdin_is_read() -> None:
    r = run("parse", "-", input=Path(COUNTY).read_bytes())
    assert r.exit_code == 0 and "广宁县" in r.output


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("plancheck")
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    p = subprocess.run([str(exe), "parse", str(empty)], capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert p.returncode == 2 and "Traceback" not in p.stderr and "空文件" in p.stderr


def test_waivers_through_the_cli(tmp_path: Path) -> None:
    w = tmp_path / "waivers.yaml"
    w.write_text(
        "- rule: level-scope\n  reason: 区人大有法制委，任务由其承担\n  approver: 区司法局\n  expires: 2030-01-01\n"
        "- rule: self-reference\n  item: '2'\n  reason: 旧\n  approver: 甲\n  expires: 2020-01-01\n"
        "- rule: numbering\n  item: '99'\n  reason: 无\n  approver: 乙\n",
        "utf-8",
    )
    r = run("check", DRAFT, "--parent", PARENT, "--waivers", str(w), "--format", "json", "--fail-on", "none", "--today", "2026-01-01")
    assert r.exit_code == 0, r.output
    report = json.loads(r.output)
    waived = report["waived"]
    assert waived and all(f["rule"] == "level-scope" and f["waived"] for f in waived)
    assert not any(f["rule"] == "level-scope" for f in report["findings"])
    assert report["summary"]["waived"] == len(waived)
    assert sorted(p["kind"] for p in report["waiver_problems"]) == ["expired", "unused"]
    assert any(f["rule"] == "self-reference" and f["local_item"] == "2" for f in report["findings"])
    text = run("check", DRAFT, "--parent", PARENT, "--waivers", str(w), "--fail-on", "none", "--today", "2026-01-01")
    assert "区人大有法制委" in text.output and "过期" in text.output


def test_batch_mode_one_line_per_draft_and_bad_drafts_do_not_stop_it(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    exe = Path(sys.executable).with_name("plancheck")
    p = subprocess.run(
        [str(exe), "check", DRAFT, COUNTY, str(empty), "--parent", PARENT, "-j", "2", "--format", "json", "--fail-on", "none"],
        capture_output=True, text=True, check=False,
    )
    rows = [json.loads(line) for line in p.stdout.splitlines()]
    assert [Path(r["draft"]).name for r in rows] == [Path(DRAFT).name, Path(COUNTY).name, "empty.txt"]
    assert rows[0]["error"] > 0 and "problem" in rows[2]
    assert p.returncode == 2 and "Traceback" not in p.stderr


def test_part_picks_one_document_of_a_notice_issuing_two() -> None:
    """--part N reads the N-th document a notice issues; a part that is not there is exit 2, one line."""
    exe = str(Path(sys.executable).with_name("plancheck"))
    src = str(ROOT / "fixtures" / "national" / "gbf2018-124-cultural-enterprises.txt")
    ok = subprocess.run([exe, "parse", "--part", "2", "--format", "json", src], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["title"] == "进一步支持文化企业发展的规定"
    bad = subprocess.run([exe, "check", "--no-parent", "--part", "3", src, "--lang", "en"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.count("\n") == 1 and "--part takes 1 to 2" in bad.stderr and "Traceback" not in bad.stderr
