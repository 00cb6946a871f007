from __future__ import annotations

import datetime as dt

import pytest

from engine.errors import PlancheckError
from engine.findings import apply_waivers, coverage, finalize, fingerprint, load_waivers, summarize
from engine.models import AlignmentPair, Evidence, Finding, Fix, TextEdit, Waiver


def _f(rule="r1", local="3", parent="(五)", quote="2023年年底前", line=10, sev="error") -> Finding:
    f = Finding(
        rule=rule, check="deadline_not_later", severity=sev, message="m", local_item=local,
        parent_item=parent, evidence=Evidence(local=quote), line=line, column=1,
    )
    f.fingerprint = fingerprint(f)
    return f


def test_fingerprint_ignores_position_and_numbering_but_not_identity() -> None:
    a, b = _f(line=10), _f(line=99)
    assert a.fingerprint == b.fingerprint
    # renumbered draft measure, same parent measure: the same problem
    assert _f(local="4").fingerprint == a.fingerprint
    assert _f(parent="(六)").fingerprint != a.fingerprint
    assert _f(rule="r2").fingerprint != a.fingerprint
    # anchored by the parent and keyed by the kind, the quote may be reworded; else the words are the identity
    assert fingerprint(_f(quote="2024年底前"), "later") == fingerprint(_f(), "later")
    assert _f(quote="2024年底前").fingerprint != a.fingerprint
    assert fingerprint(_f(parent=None)) != fingerprint(_f(parent=None, quote="2024年底前"))
    assert fingerprint(_f(parent=None, local="3")) == fingerprint(_f(parent=None, local="12"))
    aligned = {"3": ["(五)"], "12": ["(五)"]}
    assert fingerprint(_f(parent=None), parents_of=aligned) == fingerprint(_f(parent=None, local="12"), parents_of=aligned)


def test_finalize_tells_apart_two_findings_with_one_identity() -> None:
    first, second = _f(line=5), _f(line=7)
    out = finalize([second, first])
    assert [f.line for f in out] == [5, 7]
    assert out[0].fingerprint == _f().fingerprint  # the first keeps the bare identity
    assert out[1].fingerprint != out[0].fingerprint


def test_finalize_orders_by_place_and_merges_same_fingerprint() -> None:
    late, early = _f(local="9", line=50), _f(local="1", line=5)
    out = finalize([late, early, _f(local="9", line=50)])
    assert [f.local_item for f in out] == ["1", "9"]


def _fixed(rule: str, sev: str, *edits: tuple[int, str]) -> Finding:
    f = _f(rule=rule, sev=sev, line=21)
    f.fix = Fix(description="d", edits=[TextEdit(line=21, column=c, end_column=c + 1, original="(", replacement=r)
                                        for c, r in edits])
    return f


def test_one_slip_reported_by_two_checks_with_the_same_edits_is_one_finding() -> None:
    """(二) beside （一）: numbering (a warning) and format (a note) propose the same two edits; the warning stays."""
    note, warning = _fixed("format", "info", (3, "（"), (5, "）")), _fixed("numbering", "warning", (5, "）"), (3, "（"))
    for order in ([note, warning], [warning, note]):
        assert [f.rule for f in finalize(order)] == ["numbering"]
    # other edits, or one edit of the two, are another slip; findings without edits are never merged
    other = _fixed("format", "info", (3, "（"))
    assert sorted(f.rule for f in finalize([other, warning])) == ["format", "numbering"]
    assert len(finalize([_f(rule="a", line=21), _f(rule="b", line=21)])) == 2
    # a tie keeps the first in order
    assert [f.rule for f in finalize([_fixed("b", "info", (3, "（")), _fixed("a", "info", (3, "（"))])] == ["a"]


def test_waivers_split_expired_and_unused() -> None:
    f1, f2 = _f(local="1"), _f(local="2", rule="other")
    waivers = [
        Waiver(rule="r1", item="1", reason="区级无此职能", approver="张三", expires="2030-01-01"),
        Waiver(check="deadline_not_later", item="2", reason="old", approver="李四", expires="2020-01-01"),
        Waiver(rule="never", reason="x", approver="王五"),
    ]
    active, waived, problems = apply_waivers([f1, f2], waivers, dt.date(2026, 11, 23))
    assert [f.local_item for f in waived] == ["1"] and waived[0].waived and waived[0].waiver.approver == "张三"
    assert [f.local_item for f in active] == ["2"]
    assert sorted(p.kind for p in problems) == ["expired", "unused"]


def test_waiver_on_parent_item() -> None:
    f = _f(local=None, parent="(十)")
    active, waived, _ = apply_waivers([f], [Waiver(rule="r1", item="parent:(十)", reason="r", approver="a")], dt.date(2026, 1, 1))
    assert waived and not active


def test_bad_waiver_file_names_line_and_key(tmp_path) -> None:
    p = tmp_path / "w.yaml"
    p.write_text("- rule: r1\n  reason: ok\n  approver: a\n- rule: r2\n  reason: x\n", "utf-8")
    with pytest.raises(PlancheckError) as e:
        load_waivers(str(p))
    assert e.value.code == "waivers.invalid"
    assert e.value.fields["line"] == 4 and "approver" in e.value.fields["key"]


def test_waiver_dates_parse_from_yaml(tmp_path) -> None:
    p = tmp_path / "w.yaml"
    p.write_text("waivers:\n  - {rule: r1, reason: ok, approver: a, expires: 2027-03-01}\n", "utf-8")
    assert load_waivers(str(p))[0].expires == "2027-03-01"


def test_coverage_and_summary() -> None:
    pairs = [
        AlignmentPair(parent_item="(一)", relation="general"),
        AlignmentPair(parent_item="(四)", local_items=["1"], relation="same"),
        AlignmentPair(parent_item="(五)", local_items=["2"], relation="adapted"),
        AlignmentPair(parent_item="(九)", relation="dropped"),
        AlignmentPair(parent_item="(十)", relation="dropped"),
        AlignmentPair(parent_item=None, local_items=["9"], relation="added"),
    ]
    c = coverage(pairs, {"(十)"})
    assert (c.parent_measures, c.general, c.carried, c.adapted, c.missing, c.not_applicable) == (5, 1, 1, 1, 1, 1)
    s = summarize("d", "p", [_f(sev="warning")], [], c, ["core"], "error")
    assert s.warnings == 1 and not s.failed
    assert summarize("d", "p", [_f(sev="warning")], [], c, ["core"], "warning").failed
