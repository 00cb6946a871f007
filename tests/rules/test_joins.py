"""Fact types and join rules: the facts match their schema, joins validate with file:line, curated
fields change findings, the README's worked example runs, and durable-rules agrees on the patterns."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from engine.cli import main
from engine.rules import facts as ft
from engine.rules import runtime
from engine.rules.joins import compile_join
from engine.rules.kinds.join import Options
from tests.kinds.test_cases import CASES_DIR, run_case

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "obligation-join.yaml"
JOIN_CASES = yaml.safe_load((CASES_DIR / "join.yaml").read_text("utf-8"))["cases"]


def _ctx(case: dict):
    from engine.align import align_plans
    from engine.derive import derive_ruleset
    from engine.ingest import from_text
    from engine.parse import parse_plan
    from engine.pipeline import Obligations, data_tables
    from engine.rules.kinds.base import CheckContext
    from engine.rules.ruleset import Obligation

    draft = parse_plan(from_text(case["draft"], "draft.txt"))
    parent = parse_plan(from_text(case["parent"], "parent.txt"))
    rs = derive_ruleset(parent, ruleset_id="case")
    for ref, curation in (case.get("curate") or {}).items():
        for i, ob in enumerate(rs.obligations):
            if (ob.ref or ob.label) == ref:
                rs.obligations[i] = Obligation.model_validate({**ob.model_dump(), **curation})
    obligations = Obligations.from_ruleset(rs, "parent.txt")
    return CheckContext(draft=draft, parent=obligations.plan, alignment=align_plans(obligations.plan, draft),
                        obligations=obligations.by_ref, data=data_tables())


def test_every_fact_type_of_a_check_matches_the_schema() -> None:
    schema = json.loads((ROOT / "schemas" / "facts.schema.json").read_text("utf-8"))
    case = {**JOIN_CASES[2], "curate": {"(一)": {"require_units": ["区委编办"], "deadline": "2022-06-30"}}}
    ctx = _ctx(case)
    seen = set()
    for name in ft.FACT_TYPES:
        for fact in ft.build(name, ctx):
            jsonschema.validate({k: v for k, v in fact.items() if k != "fid"}, schema)
            seen.add(fact["t"])
    # every type this small check can have is built (no targets or sentences-free types are skipped silently)
    assert seen >= {"measure", "responsibility", "sentence", "measure_pair", "clause_pair", "obligation",
                    "aligned", "unit", "required_unit"}


def test_rules_facts_lists_every_type_and_exports_the_schema() -> None:
    out = CliRunner().invoke(main, ["rules", "facts"]).output
    for name in ft.FACT_TYPES:
        assert f"\n{name}: " in "\n" + out
    got = CliRunner().invoke(main, ["rules", "facts", "--format", "json"]).output
    assert got == (ROOT / "schemas" / "facts.schema.json").read_text("utf-8")


@pytest.mark.parametrize(
    ("facts", "forbid", "fragment", "line"),
    [
        ("[{as: o, fact: obligation}, {as: a, fact: aligned, key: {parent_item: x.ref}}]", "[]",
         "'x' is not an earlier fact", 8),
        ("[{as: o, fact: obligation}, {as: a, fact: aligned, key: {nope: o.ref}}]", "[]", "no field 'nope'", 8),
        ("[{as: o, fact: obligation}, {as: u, fact: unit, key: {name: o.require_units}}]", "[]", "is a list", 8),
        ("[{as: o, fact: obligations}]", "[]", "no fact type 'obligations'", 8),
        ("[{as: o, fact: obligation}, {as: d, fact: deadline}]", "[{field: d.date, op: gt, ref: o.dead}]",
         "has no field 'dead'", 9),
    ],
)
def test_bad_join_is_reported_with_file_and_line(tmp_path: Path, facts: str, forbid: str, fragment: str,
                                                 line: int) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "id: bad\nrules:\n  - id: j\n    check: join\n    severity: error\n    message: x\n    options:\n"
        f"      facts: {facts}\n      forbid: {forbid}\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["rules", "validate", str(path), "--lang", "en"])
    assert result.exit_code == 2
    assert fragment in result.output
    assert f"bad.yaml:{line}:" in result.output


def test_curated_fields_change_the_findings() -> None:
    deadline_case, _, unit_case = JOIN_CASES
    base = {(f.local_item, f.parent_item) for f in run_case("join", deadline_case)}
    assert base == {("1", "(一)")}
    # tightening (二) to a date before the draft's 2023-03-31 adds a finding for measure 2
    tightened = {**deadline_case, "curate": {"(二)": {"deadline": "2023-01-31"}}}
    assert {(f.local_item, f.parent_item) for f in run_case("join", tightened)} == base | {("2", "(二)")}
    # requiring a unit measure 1 does not name adds a finding for (一)
    assert {f.parent_item for f in run_case("join", unit_case)} == {"(二)"}
    stricter = {**unit_case, "curate": {**unit_case["curate"], "(一)": {"require_units": ["区司法局"]}}}
    assert {f.parent_item for f in run_case("join", stricter)} == {"(一)", "(二)"}


def test_the_readme_worked_example_is_the_file_and_its_examples_pass() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("<!-- obligation-join example: begin -->\n```yaml\n", 1)[1].split("```\n<!--", 1)[0]
    assert block == EXAMPLE.read_text("utf-8")
    result = CliRunner().invoke(main, ["rules", "test", str(EXAMPLE), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "2 passed, 0 failed" in result.output


@pytest.mark.skipif(runtime.DURABLE_ERROR is not None, reason=f"durable-rules does not import here: "
                    f"{runtime.DURABLE_ERROR}")
@pytest.mark.parametrize("case", JOIN_CASES, ids=[c["name"] for c in JOIN_CASES])
def test_durable_gives_the_same_join_matches(case: dict) -> None:
    # in the suite's long-lived host, beside every other ruleset it has registered (durable crashed
    # there until runtime._only_our_facts worked around its join-test bugs)
    options = Options.model_validate(case["options"])
    ctx = _ctx(case)
    facts = [f for t in dict.fromkeys(p.fact for p in options.facts) for f in ft.build(t, ctx)]
    for ruleset in compile_join(options):
        if not ruleset:
            continue
        got = {}
        for engine in ("durable", "python"):
            with runtime.using(engine):
                got[engine] = [[m["rule"], {a: f["_f"] for a, f in m["facts"].items()}]
                               for m in runtime.run(ruleset, facts)]
        assert got["durable"] == got["python"]
        assert got["python"] or case["name"] != "aligned_measure_deadline_later_than_the_parent"


def test_curated_lead_units_of_an_obligation_are_read() -> None:
    """lead_units written by derive used to be ignored; join and condition rules now see them."""
    case = {**JOIN_CASES[1], "options": {
        "facts": [{"as": "o", "fact": "obligation", "where": {"field": "lead_units", "op": "contains",
                                                                "value": "省大数据发展局"}},
                  {"as": "a", "fact": "aligned", "key": {"parent_item": "o.ref"}}],
        "forbid": []}}
    assert run_case("join", case) == []
    curated = {**case, "curate": {"(一)": {"lead_units": ["省大数据发展局"]}}}
    assert [(f.local_item, f.parent_item) for f in run_case("join", curated)] == [("1", "(一)")]


def test_a_curated_deadline_in_the_shipped_obligation_ruleset_takes_effect(tmp_path: Path) -> None:
    """The card's curated `deadline` is now the shipped join rule deadline-curated (obligations.yaml)."""
    import datetime as dt

    from engine.pipeline import check

    src = (ROOT / "rulesets" / "guangxi-2021-2025.yaml").read_text("utf-8")
    anchor = "- label: (三十七)\n"
    assert anchor in src
    path = tmp_path / "curated.yaml"
    path.write_text(src.replace(anchor, anchor + "  deadline: '2022-06-30'\n"), "utf-8")

    def curated(ruleset: Path) -> list[tuple]:
        run = check(str(ROOT / "fixtures" / "chengzhong-district-draft.txt"), rulesets=[str(ruleset)],
                    today=dt.date(2026, 1, 1))
        return sorted((f.local_item, f.parent_item, f.evidence.local) for f in run.report.findings
                      if f.rule == "deadline-curated")

    assert curated(ROOT / "rulesets" / "guangxi-2021-2025.yaml") == []
    assert curated(path) == [("34", "(三十七)", "2022年年底前"), ("34", "(三十七)", "2023年年底前")]
    # an obligation curated as not applicable at the draft's level is not checked
    path.write_text(src.replace(anchor, anchor + "  deadline: '2022-06-30'\n  not_applicable: {levels: [county], "
                                "reason: 区级不适用}\n"), "utf-8")
    assert curated(path) == []


def test_curated_require_phrases_in_the_shipped_obligation_ruleset_take_effect(tmp_path: Path) -> None:
    """The card's curated `require_phrases` is now the shipped join rule phrase-kept (obligations.yaml)."""
    import datetime as dt

    from engine.pipeline import check

    src = (ROOT / "rulesets" / "guangxi-2021-2025.yaml").read_text("utf-8")
    kept = "  require_phrases:\n  - 一网通办\n"
    assert kept in src

    def dropped(text: str) -> list[tuple]:
        path = tmp_path / "curated.yaml"
        path.write_text(text, "utf-8")
        run = check(str(ROOT / "fixtures" / "chengzhong-district-draft.txt"), rulesets=[str(path)],
                    today=dt.date(2026, 1, 1))
        return [(f.local_item, f.parent_item, f.message) for f in run.report.findings if f.rule == "phrase-kept"]

    assert dropped(src) == []  # the draft keeps 一网通办
    got = dropped(src.replace(kept, "  require_phrases:\n  - 一网通办\n  - 秒批秒办\n"))
    assert len(got) == 1 and got[0][1] == "(六)" and "秒批秒办" in got[0][2]


def test_unit_facts_say_which_clause_names_each_unit() -> None:
    """A measure of several clauses (…（A负责）…（B负责）): one fact per unit of the union, with the
    clause that names it."""
    from engine.ingest import from_text
    from engine.parse import parse_plan
    from engine.rules.kinds.base import CheckContext

    draft = parse_plan(from_text("某某市实施方案\n1.推进改革。（市发展改革委负责）加强宣传。（市委宣传部、市发展改革委负责）\n", "d.txt"))
    ctx = CheckContext(draft=draft, parent=None, alignment=None, obligations={}, data={}, lang="zh")
    got = [(f["name"], f["role"], f["clause"]) for f in ft.build("unit", ctx)]
    assert got == [
        ("市发展改革委", "lead", "(市发展改革委负责)"),  # the normalised text: half-width brackets
        ("市委宣传部", "lead", "(市委宣传部、市发展改革委负责)"),
    ]
