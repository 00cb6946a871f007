"""Every curated field of a derived obligation ruleset takes effect: edit it, and a finding changes.

A derived ruleset is what an office curates (plancheck derive); a field that is written to the YAML
but never read would let a curator believe a change was made. Each case below edits one field of
the obligation (一) derived from PARENT and checks DRAFT (which carries (一) loosely) before and after.
"""

from __future__ import annotations

from typing import Any

import pytest

from engine.derive import derive_ruleset
from engine.ingest import from_text
from engine.parse import parse_plan
from engine.rules.ruleset import Obligation
from tests.kinds.test_cases import run_case

PARENT = """关于印发某省法治政府建设实施方案的通知
一、主要任务
(一)全面实行政府权责清单制度。全面厘清政府法定职责，进一步完善政府权责清单。2022年年底前，全面推行一网通办。必须建立权责清单动态调整机制，定期向社会公布调整情况。(牵头单位:省司法厅;配合单位:省委编办)
"""
DRAFT = """某市某区法治政府建设工作方案
1.全面实行政府权责清单制度。全面厘清政府法定职责，进一步完善政府权责清单。2022年年底前，全面推行网上办理。
"""


def _clauses(level: str | None = None, beyond: list[str] | None = None) -> list[dict[str, Any]]:
    ob = derive_ruleset(parse_plan(from_text(PARENT, "parent.txt")), ruleset_id="x").obligations[0]
    out = []
    for c in ob.clauses:
        d = c.model_dump()
        if c.text.startswith("必须"):
            d.update({k: v for k, v in (("level", level), ("beyond", beyond)) if v is not None})
        out.append(d)
    return out


def _summary(check: str, options: dict, curate: dict) -> list[tuple]:
    case = {"parent": PARENT, "draft": DRAFT, "options": options, "curate": {"(一)": curate} if curate else {}}
    return sorted((f.rule, f.local_item, f.severity, f.message, f.suggestion or "") for f in run_case(check, case))


def _sev(findings: list[tuple]) -> list[str]:
    """Severities of the findings about the curated clause (必须建立权责清单动态调整机制)."""
    return [f[2] for f in findings if "动态调整" in f[3]]


# field -> (check, its options, the curation, what must be true of (before, after))
CURATIONS: dict[str, tuple[str, dict, dict, Any]] = {
    "lead_units": ("lead_unit_required", {}, {"lead_units": ["省财政厅"]},
                   lambda b, a: "区司法局" in b[0][4] and "区财政局" in a[0][4]),
    "support_units": ("lead_unit_required", {"require_support": True}, {"support_units": ["省发展改革委"]},
                      lambda b, a: not any("区发展改革局" in f[4] for f in b) and any("区发展改革局" in f[4] for f in a)),
    "clauses": ("clause_carried", {}, {"clauses": _clauses(level="normal")},
                lambda b, a: _sev(b) == ["error"] and _sev(a) == ["info"]),
    "clauses.beyond": ("clause_carried", {}, {"clauses": _clauses(beyond=["county"])},
                       lambda b, a: _sev(b) == ["error"] and _sev(a) == [] and len(a) == len(b) - 1),
    "not_applicable": ("clause_carried", {}, {"not_applicable": {"levels": ["county"], "reason": "区县无此职责"}},
                       lambda b, a: len(b) == 2 and a == []),
    "deadline": ("join", None, {"deadline": "2022-06-30"}, lambda b, a: b == [] and len(a) == 1),
    "require_units": ("join", None, {"require_units": ["政府办公室"]}, lambda b, a: b == [] and len(a) == 1),
    "require_phrases": ("join", None, {"require_phrases": ["一网通办"]}, lambda b, a: b == [] and len(a) == 1),
}
_JOIN_RULE = {"deadline": "deadline-curated", "require_units": "required-unit-named", "require_phrases": "phrase-kept"}


def _join_options(field: str) -> dict:
    from engine.rules.loader import load_rulesets

    return next(r for r in load_rulesets(["obligations"]).rules if r.id == _JOIN_RULE[field]).options


@pytest.mark.parametrize("field", sorted(CURATIONS))
def test_editing_a_curated_field_changes_the_findings(field: str) -> None:
    check, options, curation, changed = CURATIONS[field]
    if options is None:
        options = _join_options(field)
    before, after = _summary(check, options, {}), _summary(check, options, curation)
    assert before != after
    assert changed(before, after), (before, after)


def test_every_curated_field_of_an_obligation_is_covered() -> None:
    derived_identity = {"label", "ref", "title", "text", "path", "section_titles", "general", "parent_measure",
                        "deadlines", "targets", "note"}  # fmt: skip
    covered = {f.split(".")[0] for f in CURATIONS}
    assert set(Obligation.model_fields) - derived_identity == covered
