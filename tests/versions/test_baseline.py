"""check --baseline as the issue will be checked: version 2 of a draft (two defects fixed, the rest
kept — one in a reworded measure — two new, a measure inserted so every later item is renumbered)
against the JSON report of version 1; and version 1 against its own report."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import jsonschema
import openpyxl
import pytest
from click.testing import CliRunner

from engine.cli import main
from engine.findings import normalise_evidence
from tests.versions.drafts import (
    COUNTY_NEW,
    FIXES,
    NEW,
    PARENT,
    REWORDED_DEFECT,
    REWORDS,
    county_version1,
    county_version2,
    version1,
    version2,
)


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("versions")
    (d / "v1.txt").write_text(version1(), "utf-8")
    (d / "v2.txt").write_text(version2(), "utf-8")
    r = run("check", str(d / "v1.txt"), "--parent", str(PARENT), "--format", "json", "-o", str(d / "v1.json"))
    assert r.exit_code == 1, r.output  # version 1 has errors of its own
    r = run(
        "check", str(d / "v2.txt"), "--parent", str(PARENT), "--baseline", str(d / "v1.json"),
        *[x for fmt in ("json", "sarif", "junit", "github", "markdown", "html", "text")
          for x in ("--format", fmt, "-o", str(d / f"v2.{fmt}"))],
        "--format", "feedback", "-o", str(d / "v2-new.xlsx"), "--format", "docx", "-o", str(d / "v2-new.docx"),
        "--only-new",
    )
    assert r.exit_code == 1, r.output  # the new findings are errors
    return d


def _words(pairs: list[tuple[str, str]], side: int) -> list[str]:
    return [normalise_evidence(p[side]) for p in pairs]


def test_every_finding_is_marked_and_exactly_the_fixed_ones_are_listed(versions: Path) -> None:
    v1 = json.loads((versions / "v1.json").read_text("utf-8"))
    v2 = json.loads((versions / "v2.json").read_text("utf-8"))
    new = [f for f in v2["findings"] if f["baseline"] == "new"]
    still = [f for f in v2["findings"] if f["baseline"] == "unchanged"]
    assert len(new) + len(still) == len(v2["findings"])
    # the two new defects, each found where it was written, and nothing else new
    assert sorted(f["rule"] for f in new) == ["level-scope", "self-reference"]
    for f in new:
        assert any(normalise_evidence(f["evidence"]["local"]) in w for w in _words(NEW, 1)), f
    # the two fixed defects, as version 1 reported them, and no other
    assert sorted(f["rule"] for f in v2["fixed"]) == ["level-scope", "self-reference"]
    fixed_words = {normalise_evidence(f["evidence"]["local"]) for f in v2["fixed"]}
    assert all(any(w in x or x in w for x in fixed_words) for w in _words(FIXES, 0)), fixed_words
    assert {f["fingerprint"] for f in v2["fixed"]} <= {f["fingerprint"] for f in v1["findings"]}
    # every other finding of version 1 is still open, under the same fingerprint
    gone = {f["fingerprint"] for f in v2["fixed"]}
    kept = [f for f in v1["findings"] if f["fingerprint"] not in gone]
    assert sorted(f["fingerprint"] for f in kept) == sorted(f["fingerprint"] for f in still)
    # ... including the one in the reworded measure, whose item number changed too
    line = next(x for x in version2().split("\n") if REWORDS[0][1] in x)
    label = re.match(r"\s*(\d+)．", line).group(1)
    hit = [f for f in still if f["local_item"] == label and f["rule"] == "self-reference"]
    assert hit and "我市" in hit[0]["evidence"]["local"]
    before = {f["fingerprint"]: f["local_item"] for f in v1["findings"]}
    assert before[hit[0]["fingerprint"]] == str(int(label) - 1)  # renumbered and reworded, still matched
    # ... and the one whose own sentence was reworded around the slip
    slip = [f for f in still if f["rule"] == "self-reference" and normalise_evidence(REWORDED_DEFECT[0][1])
            in normalise_evidence(f["evidence"]["local"])]
    assert len(slip) == 1 and before[slip[0]["fingerprint"]] == str(int(slip[0]["local_item"]) - 1)
    s = v2["summary"]
    assert (s["new"], s["unchanged"], s["fixed"], s["failed"]) == (2, len(still), 2, True)
    assert v2["baseline"]["path"].endswith("v1.json") and v2["baseline"]["matched_by"] == "fingerprint"


def test_version_one_against_its_own_baseline_has_nothing_new(versions: Path) -> None:
    out = versions / "self.json"
    r = run("check", str(versions / "v1.txt"), "--parent", str(PARENT), "--baseline", str(versions / "v1.json"),
            "--format", "json", "-o", str(out))
    assert r.exit_code == 0, r.output
    rep = json.loads(out.read_text("utf-8"))
    assert rep["findings"] and all(f["baseline"] == "unchanged" for f in rep["findings"])
    assert rep["fixed"] == [] and rep["summary"]["new"] == 0 and not rep["summary"]["failed"]


def test_fail_on_counts_only_new_findings(versions: Path) -> None:
    # the new findings are errors: with --fail-on error it fails; nothing new is a warning or info,
    # but without a baseline the old warnings alone would fail --fail-on warning as well
    r = run("check", str(versions / "v1.txt"), "--parent", str(PARENT), "--baseline", str(versions / "v1.json"),
            "--fail-on", "info", "--format", "json", "-o", str(versions / "info.json"))
    assert r.exit_code == 0, r.output
    r = run("check", str(versions / "v1.txt"), "--parent", str(PARENT), "--fail-on", "info",
            "--format", "json", "-o", str(versions / "info0.json"))
    assert r.exit_code == 1


def test_reports_with_a_baseline_follow_their_schemas(versions: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    report_schema = json.loads((root / "schemas" / "report.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(report_schema).validate(json.loads((versions / "v2.json").read_text("utf-8")))
    sarif_schema = json.loads((root / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    jsonschema.Draft7Validator(sarif_schema).validate(json.loads((versions / "v2.sarif").read_text("utf-8")))


def test_every_format_shows_the_baseline(versions: Path) -> None:
    v2 = json.loads((versions / "v2.json").read_text("utf-8"))
    n_new, n_still = v2["summary"]["new"], v2["summary"]["unchanged"]
    sarif = json.loads((versions / "v2.sarif").read_text("utf-8"))["runs"][0]["results"]
    states = [r.get("baselineState") for r in sarif]
    assert states.count("new") == n_new and states.count("unchanged") == n_still and states.count("absent") == 2
    absent = [r for r in sarif if r.get("baselineState") == "absent"]
    assert all(r["kind"] == "pass" and r["level"] == "none" for r in absent)
    assert all(r["partialFingerprints"] for r in sarif)

    junit = ET.parse(versions / "v2.junit")
    failures = [c for c in junit.iter("testcase") if c.find("failure") is not None]
    assert 1 <= len(failures) <= n_new  # only cases with a new finding fail
    assert any("[已改正]" in (o.text or "") for o in junit.iter("system-out"))

    gh = (versions / "v2.github").read_text("utf-8").splitlines()
    assert sum("(新)" in x.split("::")[1] for x in gh) == n_new
    assert sum("(仍存在)" in x.split("::")[1] for x in gh) == n_still
    # only new findings are errors or warnings: the run fails on them alone
    assert all(x.startswith("::notice ") for x in gh if "(仍存在)" in x.split("::")[1])
    assert any(x.startswith(("::error ", "::warning ")) for x in gh if "(新)" in x.split("::")[1])

    md = (versions / "v2.markdown").read_text("utf-8")
    assert "新问题 2，仍存在" in md and "已改正的问题" in md and md.count("**新**") == n_new
    html = (versions / "v2.html").read_text("utf-8")
    assert html.count('data-baseline="new"') == n_new and html.count('data-baseline="fixed"') == 2
    assert 'id="only-new"' in html
    text = (versions / "v2.text").read_text("utf-8")
    assert text.count("[新]") == n_new and "已改正的问题" in text and "只计新问题" in text


def test_only_new_limits_the_documents_an_office_acts_on(versions: Path) -> None:
    ws = openpyxl.load_workbook(versions / "v2-new.xlsx").active
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True) if any(r)]  # rows 1-3: title, 反馈单位…, column heads
    assert len(rows) == 2
    comments = list(docx.Document(io.BytesIO((versions / "v2-new.docx").read_bytes())).comments)
    assert len(comments) == 2


def test_waivers_follow_their_finding_by_fingerprint_and_go_stale_when_it_is_fixed(versions: Path) -> None:
    v1 = json.loads((versions / "v1.json").read_text("utf-8"))
    v2 = json.loads((versions / "v2.json").read_text("utf-8"))
    kept = next(f for f in v2["findings"] if f["baseline"] == "unchanged" and f["local_item"] and f["line"] > 40)
    old_item = next(f["local_item"] for f in v1["findings"] if f["fingerprint"] == kept["fingerprint"])
    fixed = v2["fixed"][0]
    (versions / "w.yaml").write_text(
        f"- fingerprint: {kept['fingerprint']}\n  item: '{old_item}'\n  reason: 区级已有专门安排\n  approver: 区司法局\n"
        f"- fingerprint: {fixed['fingerprint']}\n  item: '{fixed['local_item']}'\n  reason: x\n  approver: y\n",
        "utf-8",
    )
    out = versions / "waived.json"
    r = run("check", str(versions / "v2.txt"), "--parent", str(PARENT), "--waivers", str(versions / "w.yaml"),
            "--format", "json", "-o", str(out), "--fail-on", "none")
    assert r.exit_code == 0, r.output
    rep = json.loads(out.read_text("utf-8"))
    assert [f["fingerprint"] for f in rep["waived"]] == [kept["fingerprint"]]
    assert old_item != kept["local_item"]  # the item was renumbered: only the fingerprint could match
    assert [(p["kind"], p["waiver"]["fingerprint"]) for p in rep["waiver_problems"]] == [("stale", fixed["fingerprint"])]


def test_a_waiver_follows_a_finding_paired_with_the_baseline_by_its_words(versions: Path) -> None:
    """The baseline's fingerprint of a finding may differ from today's (its anchor moved, an older
    scheme): with --baseline the waiver written for it still applies, and is not stale."""
    v1 = json.loads((versions / "v1.json").read_text("utf-8"))
    f = next(x for x in v1["findings"] if x["rule"] == "duplicate-sentence")
    f["fingerprint"] = "00000000deadbeef"
    (versions / "v1-moved.json").write_text(json.dumps(v1, ensure_ascii=False), "utf-8")
    (versions / "w2.yaml").write_text(
        "- fingerprint: 00000000deadbeef\n  reason: 两处表述各有侧重\n  approver: 区司法局\n", "utf-8"
    )
    common = ["check", str(versions / "v2.txt"), "--parent", str(PARENT), "--waivers", str(versions / "w2.yaml"),
              "--format", "json", "-o", str(versions / "w2.json"), "--fail-on", "none"]
    assert run(*common, "--baseline", str(versions / "v1-moved.json")).exit_code == 0
    rep = json.loads((versions / "w2.json").read_text("utf-8"))
    assert [(x["rule"], x["baseline"]) for x in rep["waived"]] == [("duplicate-sentence", "unchanged")]
    assert rep["waiver_problems"] == []
    assert run(*common).exit_code == 0  # without the baseline only today's fingerprints count
    rep = json.loads((versions / "w2.json").read_text("utf-8"))
    assert rep["waived"] == [] and [p["kind"] for p in rep["waiver_problems"]] == ["stale"]


def test_the_same_story_on_a_county_plan_checked_without_a_parent(tmp_path: Path) -> None:
    """No parent anchors anything here: the findings' own words and keys carry the fingerprints."""
    (tmp_path / "c1.txt").write_text(county_version1(), "utf-8")
    (tmp_path / "c2.txt").write_text(county_version2(), "utf-8")
    c1, c2 = tmp_path / "c1.json", tmp_path / "c2.json"
    # --fail-on warning: the county plan's own findings are warnings (lead-unit-many, -vague)
    warn = ("--fail-on", "warning")
    assert run("check", str(tmp_path / "c1.txt"), "--no-parent", *warn, "--format", "json", "-o", str(c1)).exit_code == 1
    r = run("check", str(tmp_path / "c2.txt"), "--no-parent", *warn, "--baseline", str(c1), "--format", "json", "-o", str(c2))
    assert r.exit_code == 1, r.output
    v1, v2 = json.loads(c1.read_text("utf-8")), json.loads(c2.read_text("utf-8"))
    new = [f for f in v2["findings"] if f["baseline"] == "new"]
    assert sorted(f["rule"] for f in new) == ["level-scope", "self-reference"]
    assert all(any(normalise_evidence(f["evidence"]["local"]) in w for w in _words(COUNTY_NEW, 1)) for f in new)
    assert sorted(f["rule"] for f in v2["fixed"]) == ["lead-unit-many", "lead-unit-vague"]
    gone = {f["fingerprint"] for f in v2["fixed"]}
    still = sorted(f["fingerprint"] for f in v2["findings"] if f["baseline"] == "unchanged")
    assert still == sorted(f["fingerprint"] for f in v1["findings"] if f["fingerprint"] not in gone)
    reworded = next(f for f in v2["findings"] if f["rule"] == "lead-unit-many" and f["local_item"] == "4")
    assert reworded["baseline"] == "unchanged"  # measure 3, reworded and renumbered
    r = run("check", str(tmp_path / "c1.txt"), "--no-parent", *warn, "--baseline", str(c1))
    assert r.exit_code == 0, r.output
