"""RSS of the rules runtime over many consecutive runs, and its throughput.

    .venv/bin/python -m bench.memory_rules [--runs 1000] [--facts 200]

Prints RSS after 10 runs and after N runs (the runtime frees each run's state and ruleset, so the
two should stay within ~10%), then facts/s for one realistic run of ~1,000 facts through the kind
of ruleset `condition` rules compile to (regex, list membership, numeric comparisons, a negated
regex joined on `mid`).
"""

from __future__ import annotations

import argparse
import os
import random
import time

from engine.rules import runtime

UNITS = ["区司法局", "区财政局", "区教育局", "区民政局", "区公安分局", "各街道办事处", "各有关部门"]
WORDS = ["推进", "立法", "普法", "宣传", "法治", "政府", "建设", "完善", "机制", "依法", "行政", "监督"]

RULESET = {
    "r_0": {"all": [{"m": {"$and": [{"t": "measure"}, {"$mt": {"text": ".*(立法|规章).*"}}]}}]},
    "r_1": {"all": [{"m": {"$and": [{"t": "measure"}, {"$iany": {"lead_units": {"$i": "区司法局"}}}]}}]},
    "r_2": {"all": [{"m": {"$and": [{"t": "measure"}, {"n_deadlines": 0}]}}]},
    "r_3": {"all": [{"m": {"$and": [{"t": "measure"}, {"$gte": {"n_lead_units": 2}}, {"level": "county"}]}}]},
    "r_4": {"all": [{"m": {"$and": [{"t": "clause_pair"}, {"relation": "dropped"}, {"parent_level": "mandatory"}]}}]},
    "r_5": {"all": [{"m": {"$and": [{"t": "measure"}, {"$mt": {"text": ".*(普法).*"}}, {"_re0": False}]}}]},
}


def facts(n: int, seed: int = 1) -> list[dict]:
    rnd = random.Random(seed)
    out: list[dict] = []
    for i in range(n):
        if i % 4 == 3:
            out.append({"t": "clause_pair", "pid": f"p{i}", "relation": rnd.choice(["same", "dropped", "changed"]),
                        "parent_level": rnd.choice(["mandatory", "firm", "normal"])})
            continue
        lead = rnd.sample(UNITS, rnd.randint(0, 3))
        out.append({
            "t": "measure", "mid": str(i), "ref": str(i), "level": "county",
            "text": "".join(rnd.choice(WORDS) for _ in range(rnd.randint(10, 60))),
            "lead_units": lead, "n_lead_units": len(lead), "n_deadlines": rnd.randint(0, 2),
            "_re0": rnd.random() < 0.5,
        })
    return out


def rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--facts", type=int, default=200)
    args = ap.parse_args()
    batch = facts(args.facts)
    at10 = 0.0
    for i in range(1, args.runs + 1):
        runtime.run(RULESET, batch)
        if i == 10:
            at10 = rss_mb()
    end = rss_mb()
    print(f"RSS after 10 runs: {at10:.1f} MB; after {args.runs} runs: {end:.1f} MB "
          f"({(end - at10) / at10 * 100:+.1f}%), {args.facts} facts per run")
    big = facts(1000, seed=2)
    t0 = time.perf_counter()
    reps = 5
    for _ in range(reps):
        matches = runtime.run(RULESET, big)
    dt = (time.perf_counter() - t0) / reps
    print(f"throughput: {len(big)} facts, {len(RULESET)} rules (+ catch-all), {len(matches)} matches: "
          f"{dt * 1000:.0f} ms per run, {len(big) / dt:,.0f} facts/s")


if __name__ == "__main__":
    main()
