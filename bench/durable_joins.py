"""Join rules on durable-rules in one long-lived process: no crash, flat RSS, the evaluator's findings.

    .venv/bin/python -m bench.durable_joins [--checks 500] [--extra-rulesets 300]

Each check runs one rule's worked example (every rule with examples in rulesets/*.yaml and
docs/examples/*.yaml, joins included: deadline-not-later, deadline-curated, required-unit-named,
phrase-kept, …) through parse, alignment and the rules on durable-rules, round-robin, so ~30 rulesets
stay registered in the one host and are reused; each of the first --extra-rulesets checks also
registers a distinct join ruleset of its own and runs it, so the host goes past
runtime.MAX_RULESETS and evicts. Each result must equal the Python evaluator's. Before the
workaround in runtime._only_our_facts this process crashed (segfault in assert_facts) within a few
dozen checks. Prints RSS after the first round and at the end. Needs durable-rules (Python < 3.13).
"""

from __future__ import annotations

import argparse
import sys
import time

from bench.memory_rules import rss_mb


def _checks() -> list[tuple[str, object]]:
    from pathlib import Path

    from engine.errors import PlancheckError
    from engine.rules.loader import load_ruleset

    root = Path(__file__).resolve().parent.parent
    out = []
    for path in sorted(root.glob("rulesets/*.yaml")) + sorted(root.glob("docs/examples/*.yaml")):
        try:
            rs = load_ruleset(str(path))
        except PlancheckError:
            continue
        out.extend((f"{path.name}:{r.id}", r) for r in rs.rules if r.examples)
    return out


def _findings(rule: object, engine: str) -> list[str]:
    from engine.cli_rules import example_obligations
    from engine.ingest import from_text
    from engine.parse import parse_plan
    from engine.pipeline import check_plans
    from engine.rules import runtime

    out = []
    with runtime.using(engine):
        for ex in [*rule.examples.passing, *rule.examples.failing]:  # type: ignore[attr-defined]
            draft = parse_plan(from_text(ex.draft, "example-draft.txt"), level=ex.level)
            findings, _ = check_plans(draft, example_obligations(ex), [rule])
            out.extend(f.model_dump_json() for f in findings)
    return out


def _extra(n: int) -> tuple[dict, list[dict]]:
    """A distinct join ruleset (its own name and constant) whose last reference fails for most pairs."""
    ruleset = {f"extra_{n}": {"all": [{"o": {"t": "o"}}, {"m": {"$and": [
        {"t": "m"}, {"$or": [{"k": f"x{n}"}, {"$gte": {"d": 0}}]}, {"pid": {"o": "pid"}},
        {"$gt": {"d": {"o": "d"}}}]}}]}}
    facts = [{"t": "o", "k": "o1", "pid": 1, "d": 5}, {"t": "o", "k": "o2", "pid": 2, "d": 3}] + [
        {"t": "m", "k": f"m{i}", "pid": i % 3, "d": (i * 7 + n) % 10} for i in range(12)]
    return ruleset, facts


def main() -> int:
    from engine.rules import runtime

    ap = argparse.ArgumentParser()
    ap.add_argument("--checks", type=int, default=500)
    ap.add_argument("--extra-rulesets", type=int, default=300)
    args = ap.parse_args()
    if runtime.DURABLE_ERROR is not None:
        print(f"durable-rules does not import here ({runtime.DURABLE_ERROR}): nothing to measure")
        return 0
    checks = _checks()
    want = {name: _findings(rule, "python") for name, rule in checks}
    t0 = time.perf_counter()
    first_round = 0.0
    extra = 0
    for i in range(args.checks):
        name, rule = checks[i % len(checks)]
        if _findings(rule, "durable") != want[name]:
            print(f"check {i} ({name}): durable's findings differ from the evaluator's")
            return 1
        if extra < args.extra_rulesets:
            ruleset, facts = _extra(extra)
            extra += 1
            with runtime.using("durable"):
                d = runtime.run(ruleset, facts)
            with runtime.using("python"):
                p = runtime.run(ruleset, facts)
            if [m["facts"] for m in d] != [m["facts"] for m in p]:
                print(f"extra ruleset {extra}: durable's matches differ from the evaluator's")
                return 1
        if i == len(checks) - 1:
            first_round = rss_mb()
    end = rss_mb()
    print(f"{args.checks} checks ({len(checks)} rules' examples, joins included) and {extra} extra join "
          f"rulesets on durable in one process, {time.perf_counter() - t0:.0f} s: every result equal to the "
          f"evaluator's; {runtime.stored_rulesets()} rulesets registered (bound {runtime.MAX_RULESETS}); "
          f"RSS after the first round {first_round:.1f} MB, at the end {end:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
