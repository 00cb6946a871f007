"""`check --baseline OLD.json`: which findings are new, which were there before, which were fixed.

A baseline is a JSON report of an earlier version of the draft, made against the same parent and
rulesets. Findings are paired in passes, each only among what is still unpaired: the same
fingerprint and the same quoted words; the same rule and quoted words (a finding whose anchor moved,
or the second of two alike after the first was fixed); the same fingerprint (a reworded sentence
around a problem that is still there); last, the same rule and parent text with quoted words still
mostly alike (SIMILAR: the sentence of a problem on a measure the parent does not anchor, reworded).
A report from a plancheck whose fingerprints were made another way is paired by words only, when its
findings carry rule and evidence; else it is refused.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError
from rapidfuzz import fuzz

from engine.errors import PlancheckError
from engine.findings import FINGERPRINT_SCHEME, normalise_evidence
from engine.models import SEVERITY_RANK, Baseline, Finding, Report
from engine.outputs import note_input

MAX_BYTES = 64 * 1024 * 1024
SIMILAR = 80.0  # rapidfuzz ratio of two quotes of one rule and parent text taken for one problem reworded


@dataclass
class BaselineReport:
    """What a check needs of an earlier report."""

    info: Baseline
    findings: list[Finding] = field(default_factory=list)  # reported and waived, in report order
    parent: str = ""
    parent_sha256: str = ""
    rulesets: list[str] = field(default_factory=list)


def load_baseline(path: str, display: str) -> BaselineReport:
    """Read and vet a JSON report; every way it can be wrong is a PlancheckError naming the file."""
    p = Path(path)
    if p.is_dir():
        raise PlancheckError("input.is_dir", path=path)
    if not p.is_file():
        raise PlancheckError("input.not_found", path=path)
    note_input(p)  # never to be overwritten by an output of this run
    try:
        raw = p.read_bytes() if p.stat().st_size <= MAX_BYTES else b""
    except OSError as e:
        raise PlancheckError("input.unreadable", path=path, reason=e.strerror or str(e)) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as e:
        reason = "empty or too large" if not raw else f"not JSON: {e}"
        raise PlancheckError("baseline.not_report", path=path, reason=reason[:120]) from None
    other = json_kind(data)
    if other is not None:
        raise PlancheckError(f"baseline.is_{other}", path=path)
    if not isinstance(data, dict) or data.get("tool") != "plancheck":
        raise PlancheckError("baseline.not_report", path=path, reason='no "tool": "plancheck"')
    summary, found, waived = data.get("summary"), data.get("findings"), data.get("waived", [])
    version = str(data.get("version") or "?")
    if not isinstance(summary, dict) or not isinstance(found, list) or not isinstance(waived, list):
        raise PlancheckError("baseline.not_report", path=path, reason='no "summary" and "findings"')
    by_fingerprint = data.get("fingerprints") == FINGERPRINT_SCHEME
    findings = [_finding(x, path, version, by_fingerprint) for x in [*found, *waived]]
    info = Baseline(
        path=display,
        version=version,
        draft=str(summary.get("draft") or ""),
        matched_by="fingerprint" if by_fingerprint else "evidence",
    )
    rulesets = summary.get("rulesets")
    return BaselineReport(
        info=info,
        findings=findings,
        parent=str(summary.get("parent") or ""),
        parent_sha256=str(summary.get("parent_sha256") or ""),
        rulesets=[str(r) for r in rulesets] if isinstance(rulesets, list) else [],
    )


def json_kind(data: object) -> str | None:
    """Which other JSON file a user may take for a check report, by its shape (diff, sarif, schema,
    align, parse, units: the message baseline.is_* names it), or None when it may be a check report.

    A `plancheck diff` report has tool, summary and findings too, so it passed as a baseline (its
    summary names old and new, not a draft, and it lists measures)."""
    if isinstance(data, list):
        rows = [x for x in data if isinstance(x, dict)]
        return "units" if rows and {"name", "role", "relation"} <= set(rows[0]) else None
    if not isinstance(data, dict):
        return None
    summary = data.get("summary")
    if "measures" in data and isinstance(summary, dict) and {"old", "new"} <= set(summary):
        return "diff"
    if "runs" in data and ("$schema" in data or str(data.get("version", "")).startswith("2.")):
        return "sarif"
    if "$schema" in data or "$defs" in data:
        return "schema"
    if "alignment" in data and "findings" not in data:
        return "align"
    if "measures" in data and "level" in data and "findings" not in data:
        return "parse"
    return None


_FINDING_FIELDS = set(Finding.model_fields)


def _finding(x: object, path: str, version: str, by_fingerprint: bool) -> Finding:
    """A finding of the baseline as reported then; fields this version does not know are dropped."""
    if not isinstance(x, dict):
        raise PlancheckError("baseline.not_report", path=path, reason="a finding is not an object")
    try:
        f = Finding.model_validate({k: v for k, v in x.items() if k in _FINDING_FIELDS and k != "baseline"})
    except ValidationError as e:
        err = e.errors()[0]
        missing = ".".join(str(p) for p in err["loc"])
        raise PlancheckError("baseline.old_version", path=path, version=version, missing=missing) from None
    if not by_fingerprint and not (f.evidence.local or f.evidence.parent or f.local_item or f.parent_item):
        raise PlancheckError("baseline.old_version", path=path, version=version, missing="evidence")
    return f


def check_compatible(base: BaselineReport, path: str, parent: str, parent_sha256: str, rulesets: list[str]) -> None:
    """A baseline against another parent or other rulesets would call every finding new or fixed."""
    if base.parent_sha256 and parent_sha256:
        other = base.parent_sha256 != parent_sha256
    else:
        other = Path(base.parent).name != Path(parent).name
    if other:
        raise PlancheckError(
            "baseline.other_parent", path=path, baseline_parent=base.parent or "-", parent=parent or "-"
        )
    if base.rulesets and sorted(base.rulesets) != sorted(rulesets):
        raise PlancheckError(
            "baseline.other_ruleset", path=path, baseline_rulesets=", ".join(base.rulesets), rulesets=", ".join(rulesets)
        )


def _evidence(f: Finding) -> tuple[str, str, str]:
    return (f.rule, normalise_evidence(f.evidence.local), normalise_evidence(f.evidence.parent))


def pair(
    current: list[Finding], earlier: list[Finding], by_fingerprint: bool = True
) -> tuple[dict[int, int], list[Finding]]:
    """({index in `current`: index of the same problem in `earlier`}, the findings of `earlier` not found now)."""
    passes: list[Callable[[Finding], Hashable]] = [_evidence]
    if by_fingerprint:
        passes = [lambda f: (f.fingerprint, _evidence(f)), _evidence, lambda f: f.fingerprint]
    matched: dict[int, int] = {}
    left = list(range(len(earlier)))
    for key in passes:
        pool: dict[Hashable, list[int]] = {}
        for j in left:
            pool.setdefault(key(earlier[j]), []).append(j)
        used: set[int] = set()
        for i, f in enumerate(current):
            if i in matched:
                continue
            cands = pool.get(key(f))
            if cands:
                matched[i] = cands.pop(0)
                used.add(matched[i])
        left = [j for j in left if j not in used]
    for i, f in enumerate(current):
        if i in matched or not left:
            continue
        rule, words, parent = _evidence(f)
        best = max(
            (
                (fuzz.ratio(words, _evidence(earlier[j])[1]), -k)
                for k, j in enumerate(left)
                if earlier[j].rule == rule and earlier[j].parent_item == f.parent_item
                and _evidence(earlier[j])[2] == parent
            ),
            default=None,
        )
        if best is not None and words and best[0] >= SIMILAR:
            matched[i] = left.pop(-best[1])
    return matched, [earlier[j].model_copy(update={"baseline": None}) for j in left]


def aliases(findings: list[Finding], base: BaselineReport) -> dict[str, str]:
    """Fingerprint now -> fingerprint in the baseline, for findings paired otherwise than by fingerprint:
    a waiver written for the baseline's finding applies to the same problem now."""
    matched, _ = pair(findings, base.findings, base.info.matched_by == "fingerprint")
    return {
        findings[i].fingerprint: base.findings[j].fingerprint
        for i, j in matched.items()
        if findings[i].fingerprint != base.findings[j].fingerprint
    }


def apply_baseline(report: Report, base: BaselineReport) -> Report:
    """The report with each finding marked new/unchanged, the fixed list, and --fail-on on new findings."""
    every = [*report.findings, *report.waived]
    matched, fixed = pair(every, base.findings, base.info.matched_by == "fingerprint")
    marked = [f.model_copy(update={"baseline": "unchanged" if i in matched else "new"}) for i, f in enumerate(every)]
    findings, waived = marked[: len(report.findings)], marked[len(report.findings) :]
    s = report.summary
    threshold = SEVERITY_RANK.get(s.fail_on, 99)
    new = [f for f in findings if f.baseline == "new"]
    summary = s.model_copy(
        update={
            "failed": any(SEVERITY_RANK[f.severity] >= threshold for f in new),
            "new": len(new),
            "unchanged": len(findings) - len(new),
            "fixed": len(fixed),
        }
    )
    return report.model_copy(
        update={"findings": findings, "waived": waived, "fixed": fixed, "summary": summary, "baseline": base.info}
    )
