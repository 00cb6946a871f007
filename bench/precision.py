"""Judged precision: plancheck's findings on real pairs against hand judgements. `python -m bench.precision`.

Each judgement file in bench/judgements/ holds one entry per finding a person judged (rule, draft
item, quoted evidence, verdict true / false / unclear, reason; the draft's file name where the file
judges several pairs). This script checks each pair with the CLI's JSON report, matches findings to
entries by (draft, rule, item, evidence, parent evidence), and prints:

- precision = true / (true + false) over the judged findings of this run;
- false alarms still reported, and true findings no longer reported (a lost true finding is a
  regression unless the judgement file is updated with the reason);
- findings with no judgement (new since the file was written: judge them and add entries).

Asserts nothing: it prints figures for BENCHMARKS.md and for a person comparing two commits.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

# judgement file -> (parent, draft) pairs, paths relative to the repository
PAIRS: dict[str, list[tuple[str, str]]] = {
    "bench/judgements/chengzhong-guangxi.yaml": [
        ("fixtures/guangxi-2021-2025-parent.txt", "fixtures/chengzhong-district-draft.txt"),
    ],
    # four children of national parents written for a blind evaluation (fixtures/eval/README.md)
    "bench/judgements/eval-children.yaml": [
        ("fixtures/national/gbf2019-3-kindergartens.txt", "fixtures/eval/ganzhou-kindergarten.txt"),
        ("fixtures/national/gbf2018-123-government-new-media.txt", "fixtures/eval/sichuan-new-media.txt"),
        ("fixtures/national/gbf2018-128-zero-waste-cities.txt", "fixtures/eval/yanling-zero-waste.txt"),
        ("fixtures/national/gf2019-4-vocational-education.txt", "fixtures/eval/yichang-vocational.txt"),
    ],
}

Key = tuple[str, str, str | None, str, str]


def run_check(parent: str, draft: str) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [sys.executable, "-m", "engine", "check", draft, "--parent", parent,
               "--format", "json", "-o", str(out), "--fail-on", "none"]
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr.strip()}")
        return json.loads(out.read_text("utf-8"))["findings"]


def key_of(draft: str, rule: str, item: str | None, evidence: str | None, parent: str | None) -> Key:
    return (Path(draft).name, rule, item, (evidence or "").strip(), (parent or "").strip())


def judge(path: str, pairs: list[tuple[str, str]], verbose: bool) -> Counter:
    """Counts of one judgement file's verdicts over the findings of its pairs. An entry names its draft
    (`draft`, the file name) when the file judges several pairs; else it is the only pair's."""
    entries = yaml.safe_load((ROOT / path).read_text("utf-8")) or []
    only = pairs[0][1] if len(pairs) == 1 else ""
    by_key = {
        key_of(e.get("draft") or only, e["rule"], e.get("item"), e.get("evidence"), e.get("parent_evidence")): e
        for e in entries
    }
    seen: set[Key] = set()
    counts: Counter = Counter()
    unjudged = []
    total = 0
    for parent, draft in pairs:
        findings = run_check(parent, draft)
        total += len(findings)
        for f in findings:
            ev = f.get("evidence") or {}
            k = key_of(draft, f["rule"], f.get("local_item"), ev.get("local"), ev.get("parent"))
            e = by_key.get(k)
            if e is None:
                unjudged.append((draft, f))
                counts["unjudged"] += 1
                continue
            seen.add(k)
            counts[e["verdict"]] += 1
    lost = [e for k, e in by_key.items() if e["verdict"] == "true" and k not in seen]
    fixed = [e for k, e in by_key.items() if e["verdict"] == "false" and k not in seen]
    judged = counts["true"] + counts["false"]
    precision = counts["true"] / judged if judged else float("nan")
    print(f"{path}: {total} findings — true {counts['true']}, false {counts['false']}, "
          f"unclear {counts['unclear']}, unjudged {counts['unjudged']}; precision {precision:.3f}; "
          f"judged-true findings lost {len(lost)}; judged-false findings gone {len(fixed)}")
    if verbose:
        for k, e in by_key.items():
            if e["verdict"] == "false" and k in seen:
                print(f"  still false: {e['rule']} item {e.get('item')}: {(e['evidence'] or '')[:40]} — {e['reason']}")
        for e in lost:
            print(f"  lost true: {e['rule']} item {e.get('item')}: {(e['evidence'] or '')[:40]}")
        for draft, f in unjudged:
            ev = ((f.get("evidence") or {}).get("local") or "")[:40]
            print(f"  unjudged: {Path(draft).name} {f['rule']} item {f.get('local_item')}: {ev} — {f['message'][:60]}")
    counts["lost"] = len(lost)
    return counts


def unjudged_yaml(path: str, pairs: list[tuple[str, str]]) -> None:
    """Print the findings of the pairs that `path` does not judge yet, as entries to fill in."""
    entries = yaml.safe_load((ROOT / path).read_text("utf-8")) or [] if (ROOT / path).exists() else []
    only = pairs[0][1] if len(pairs) == 1 else ""
    known = {key_of(e.get("draft") or only, e["rule"], e.get("item"), e.get("evidence"), e.get("parent_evidence"))
             for e in entries}  # fmt: skip
    rows = []
    for parent, draft in pairs:
        for f in run_check(parent, draft):
            ev = f.get("evidence") or {}
            if key_of(draft, f["rule"], f.get("local_item"), ev.get("local"), ev.get("parent")) in known:
                continue
            rows.append({"draft": Path(draft).name, "rule": f["rule"], "item": f.get("local_item"),
                         "evidence": ev.get("local"), "parent_evidence": ev.get("parent"),
                         "message": f["message"], "verdict": "", "reason": ""})  # fmt: skip
    yaml.safe_dump(rows, sys.stdout, allow_unicode=True, sort_keys=False, width=1000)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list false, lost and unjudged findings")
    ap.add_argument("--only", help="one judgement file (a key of PAIRS)")
    ap.add_argument("--unjudged", action="store_true", help="print the unjudged findings as YAML entries")
    args = ap.parse_args(argv)
    total: Counter = Counter()
    for path, pairs in PAIRS.items():
        if args.only and args.only != path:
            continue
        if args.unjudged:
            unjudged_yaml(path, pairs)
            continue
        total += judge(path, pairs, args.verbose)
    judged = total["true"] + total["false"]
    if judged:
        print(f"all pairs: precision {total['true'] / judged:.3f} "
              f"({total['true']} true, {total['false']} false, {total['unclear']} unclear, "
              f"{total['unjudged']} unjudged, {total['lost']} judged-true lost)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
