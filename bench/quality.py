"""Quality benchmark: what plancheck finds, misses and falsely reports. `python -m bench.quality`.

1. Clean drafts: `make_draft` builds N district/county drafts from the real parent. Whatever the
   checker reports on them is a false alarm, except what the generator really did (a dropped measure
   is a real parent_covered gap, and the key says so). The aligner is scored against the key.
2. Injected drafts: each clean draft gets a few copies, each with several defects of different check
   kinds and a few negative controls (bench/inject.py). Only findings that were not on the clean draft
   count. A finding matches a key entry when its check kind and draft measure ref agree (and its
   parent ref, where the entry has one); every other new finding is a false alarm, and one that lands
   on a negative control's measure is listed by name.
3. The real fixture draft: one copy per injector, each with one edit; its own findings are the baseline.

Seeded: the same arguments print the same figures. Asserts nothing; targets are issue 7's.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bench.generate import make_draft
from bench.inject import CONTROLS, DEFECTS, Entry, Site, inject
from engine.ingest import from_text
from engine.models import Finding, Plan
from engine.parse import parse_plan

ROOT = Path(__file__).resolve().parent.parent
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"
GOLD_ALIGN = ROOT / "tests" / "align" / "gold_guangxi_chengzhong.yaml"
TARGETS = {"recall": 0.95, "precision": 0.95, "alignment": 0.98}

# ------------------------------------------------------------------ worker state (one per process)
_W: dict[str, Any] = {}


def _init() -> None:
    from engine.pipeline import DEFAULT_RULESETS, Obligations, load_plan
    from engine.rules.loader import load_rulesets

    _W["parent"] = load_plan(str(PARENT))
    _W["obligations"] = Obligations.from_parent(str(PARENT))
    rules = load_rulesets(list(DEFAULT_RULESETS)).rules
    _W["rules"] = rules
    _W["kinds"] = {r.check for r in rules if r.enabled}
    _W["rule_ids"] = {r.id for r in rules if r.enabled}


def _check(plan: Plan) -> tuple[list[Finding], Any]:
    from engine.pipeline import check_plans

    return check_plans(plan, _W["obligations"], _W["rules"])


def _fkey(f: Finding, idx: int | None) -> tuple[Any, ...]:
    return (f.check, idx, f.parent_item, f.evidence.local)


def _slim(f: Finding) -> dict[str, Any]:
    return {
        "check": f.check, "rule": f.rule, "local": f.local_item, "parent": f.parent_item,
        "evidence": (f.evidence.local or "")[:80], "message": f.message[:120],
    }


def _matches(f: Finding, e: Entry) -> bool:
    if f.check != e.kind:
        return False
    if e.parent is not None and f.parent_item != e.parent:
        return False
    if e.site is None:  # nothing of it left in the draft: the parent ref says which
        return e.parent is not None
    return f.local_item is not None and (f.local_item == e.ref or f.local_item in e.alt_refs)


def _wanted(kinds: set[str], rule_ids: set[str]) -> tuple[list[str], list[str]]:
    """Injectors whose check kind the loaded rules can report (a `condition` only if its rule is on)."""
    from bench import inject as inj

    kind_of = {
        "deadline_later": "deadline_not_later", "deadline_removed": "deadline_carried",
        "target_weaker": "target_not_weaker", "lead_removed": "lead_unit_required",
        "lead_vague": "lead_unit_vague", "measure_dropped": "parent_covered", "clause_dropped": "clause_carried",
        "self_reference": "self_reference", "legislation": "level_scope", "all_levels": "level_scope",
        "term_swap": "term_consistency", "duplicate_in": "duplicate_sentence",
        "duplicate_across": "duplicate_sentence", "numbering": "numbering", "date_space": "format",
        "bracket_mixed": "format", "clause_detached": "format", "too_many_leads": "condition",
    }
    assert set(kind_of) == set(inj.DEFECTS), "every injector names the kind it targets"
    defects = [n for n, k in kind_of.items() if k in kinds and (n != "too_many_leads" or "lead-unit-many" in rule_ids)]
    return defects, list(inj.CONTROLS)


# ------------------------------------------------------------------ one draft
@dataclass
class Outcome:
    """What one checked document contributed to the tables."""

    found: Counter[str] = field(default_factory=Counter)
    injected: Counter[str] = field(default_factory=Counter)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)  # with "phase": clean / injected
    misses: list[dict[str, Any]] = field(default_factory=list)
    control_alarms: list[dict[str, Any]] = field(default_factory=list)
    controls: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    align_total: int = 0
    align_ok: int = 0
    align_wrong: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    checks: int = 0


def _site(plan: Plan, parent: Plan, carrier_refs: dict[str, str], place: tuple[str, str, str],
          findings: list[Finding]) -> Site:
    index = {m.ref: i for i, m in enumerate(plan.measures)}
    busy: dict[str, set[int]] = defaultdict(set)
    for f in findings:
        if f.local_item in index:
            busy[f.check].add(index[f.local_item])
    short = parent.jurisdiction.replace("壮族自治区", "") or parent.jurisdiction
    return Site(
        plan=plan, parent=parent,
        carrier={index[d]: p for d, p in carrier_refs.items() if d in index},
        city=place[0], local=place[1], word=place[2], parent_short=short, busy=dict(busy),
    )


def _score_injected(
    out: Outcome, label: str, clean: list[Finding], clean_index: dict[str, int], findings: list[Finding],
    entries: list[Entry], ref_to_idx: dict[str, int],
) -> None:
    base = Counter(_fkey(f, clean_index.get(f.local_item or "")) for f in clean)
    coarse = Counter(k[:3] for k in base.elements())
    now = [(f, _fkey(f, ref_to_idx.get(f.local_item or ""))) for f in findings]
    # findings that survived the edits (exactly, or the same check at the same place re-quoted)
    left = base.copy()
    new: list[tuple[Finding, tuple[Any, ...]]] = []
    for f, k in now:
        if left[k] > 0:
            left[k] -= 1
        else:
            new.append((f, k))
    gone = Counter(k[:3] for k in left.elements() if left[k] > 0)
    still_new = []
    for f, k in new:
        if gone[k[:3]] > 0 and coarse[k[:3]] > 0:
            gone[k[:3]] -= 1
        else:
            still_new.append((f, k))
    defects = [e for e in entries if not e.control]
    controls = [e for e in entries if e.control]
    for e in defects:
        out.injected[e.kind] += 1
        if any(_matches(f, e) for f, _ in now):
            out.found[e.kind] += 1
        else:
            out.misses.append({"doc": label, "injector": e.injector, **e.as_dict(),
                               "reported_there": [_slim(f) for f, k in now if k[1] == e.site and e.site is not None]})
    for e in controls:
        out.controls[e.injector] += 1
    for f, k in still_new:
        if any(_matches(f, e) for e in defects):
            continue
        ctl = next((e for e in controls if (e.site is not None and k[1] == e.site)
                    or (e.parent is not None and f.parent_item == e.parent)), None)
        same_site = next((e for e in defects if e.site is not None and k[1] == e.site), None)
        rec = {"doc": label, "phase": "injected", **_slim(f)}
        if ctl is not None:
            out.control_alarms.append({**rec, "control": ctl.injector, "control_text": ctl.text})
        if same_site is not None:
            rec["collateral_of"] = f"{same_site.injector}: {same_site.text[:40]}"
        out.false_alarms.append(rec)


def run_generated(args: tuple[int, int, int]) -> dict[str, Any]:
    seed, i, variants = args
    t0 = time.perf_counter()
    parent: Plan = _W["parent"]
    out = Outcome()
    text, key = make_draft(parent, seed * 100_003 + i)
    label = f"gen-{seed}-{i:03d}"
    plan = parse_plan(from_text(text, f"{label}.txt"))
    clean, alignment = _check(plan)
    out.checks += 1

    # --- clean: expected are the generator's own drops; the rest are false alarms
    expected = {("parent_covered", p) for p in key.dropped}
    for p in key.dropped:
        out.injected["parent_covered"] += 1
        if any(f.check == "parent_covered" and f.parent_item == p for f in clean):
            out.found["parent_covered"] += 1
        else:
            out.misses.append({"doc": label, "injector": "generator_drop", "kind": "parent_covered", "parent": p,
                               "ref": None, "text": "(dropped by the generator)"})
    merged = {d for p, (ds, rel) in key.pairs.items() if rel in ("merged", "split") for d in ds}
    for f in clean:
        if (f.check, f.parent_item) in expected:
            continue
        rec = {"doc": label, "phase": "clean", **_slim(f)}
        out.false_alarms.append(rec)
        if f.local_item in merged or any(key.pairs.get(f.parent_item or "", ([], ""))[1] == r for r in ("merged", "split")):
            out.control_alarms.append({**rec, "control": "merged_or_split_measure", "control_text": f.local_item or ""})
    for _p, (_ds, rel) in key.pairs.items():
        if rel in ("merged", "split"):
            out.controls["merged_or_split_measure"] += 1

    # --- alignment against the key
    got = {pr.parent_item: pr for pr in (alignment.alignment if alignment else []) if pr.parent_item}
    for p, (ds, rel) in key.pairs.items():
        out.align_total += 1
        pr = got.get(p)
        cls = {"same": "carried", "adapted": "carried"}
        if rel == "general":
            ok = pr is None or pr.relation == "general"
        elif rel == "dropped":
            ok = pr is None or (pr.relation == "dropped" and not pr.local_items)
        else:
            ok = pr is not None and set(pr.local_items) == set(ds) and cls.get(pr.relation, pr.relation) == cls.get(rel, rel)
        if ok:
            out.align_ok += 1
        else:
            out.align_wrong.append({"doc": label, "parent": p, "key": [ds, rel],
                                    "aligned": [pr.local_items, pr.relation] if pr else None})

    # --- injected copies
    carrier = {ds[0]: p for p, (ds, rel) in key.pairs.items() if rel == "same" and len(ds) == 1}
    site = _site(plan, parent, carrier, key.place, clean)
    clean_index = {m.ref: k for k, m in enumerate(plan.measures)}
    defects, controls = _wanted(_W["kinds"], _W["rule_ids"])
    rng = random.Random(f"{seed}-{i}")
    for v in range(variants):
        # every defect and control in turn, a different slice per copy, so each kind gets its share
        start = (i * variants + v) * 7
        names = [defects[(start + k) % len(defects)] for k in range(7)]
        names = list(dict.fromkeys(names))
        names += [controls[((i * variants + v) * 3 + k) % len(controls)] for k in range(3)]
        names = list(dict.fromkeys(names))
        _itext, entries, skipped, iplan, ref_to_idx = inject(text, site, names, rng, f"{label}-v{v}.txt")
        out.skipped.update(skipped)
        findings, _ = _check(iplan)
        out.checks += 1
        _score_injected(out, f"{label}-v{v}", clean, clean_index, findings, entries, ref_to_idx)
    out.seconds = time.perf_counter() - t0
    return out.__dict__


def run_fixture(args: tuple[int, str]) -> dict[str, Any]:
    """One copy of the real fixture draft with one injector applied at a seeded, realistic place."""
    seed, name = args
    t0 = time.perf_counter()
    parent: Plan = _W["parent"]
    out = Outcome()
    text = DRAFT.read_text("utf-8")
    if "fixture" not in _W:  # the clean fixture's findings: the baseline of every copy, checked once
        plan = parse_plan(from_text(text, "chengzhong-district-draft.txt"))
        _W["fixture"] = (plan, _check(plan)[0])
        out.checks += 1
    plan, clean = _W["fixture"]
    gold = yaml.safe_load(GOLD_ALIGN.read_text("utf-8"))["pairs"]
    carrier = {v["local"][0]: p for p, v in gold.items() if v["relation"] == "same" and len(v["local"]) == 1}
    site = _site(plan, parent, carrier, ("柳州市", plan.jurisdiction or "城中区", "区"), clean)
    _, entries, skipped, iplan, ref_to_idx = inject(text, site, [name], random.Random(f"{seed}-{name}"),
                                                    f"chengzhong+{name}.txt")
    out.skipped.update(skipped)
    if entries:
        findings, _ = _check(iplan)
        out.checks += 1
        _score_injected(out, f"fixture+{name}", clean, {m.ref: k for k, m in enumerate(plan.measures)},
                        findings, entries, ref_to_idx)
    out.seconds = time.perf_counter() - t0
    return out.__dict__


# ------------------------------------------------------------------ tables
def _merge(parts: list[dict[str, Any]]) -> dict[str, Any]:
    tot: dict[str, Any] = Outcome().__dict__
    for p in parts:
        for k, v in p.items():
            if isinstance(v, Counter):
                tot[k].update(v)
            elif isinstance(v, list):
                tot[k] += v
            else:
                tot[k] += v
    return tot


def _table(tot: dict[str, Any], kinds: list[str]) -> dict[str, Any]:
    fa = Counter(a["check"] for a in tot["false_alarms"])
    fa_clean = Counter(a["check"] for a in tot["false_alarms"] if a["phase"] == "clean")
    rows = {}
    for k in sorted(set(kinds) | set(tot["injected"]) | set(fa)):
        inj, found = tot["injected"][k], tot["found"][k]
        rows[k] = {
            "injected": inj, "found": found, "missed": inj - found, "false_alarms": fa[k],
            "false_alarms_clean": fa_clean[k],
            "recall": round(found / inj, 3) if inj else None,
            "precision": round(found / (found + fa[k]), 3) if found + fa[k] else None,
        }
    inj, found, f = sum(tot["injected"].values()), sum(tot["found"].values()), sum(fa.values())
    overall = {"injected": inj, "found": found, "missed": inj - found, "false_alarms": f,
               "false_alarms_clean": sum(fa_clean.values()),
               "recall": round(found / inj, 3) if inj else None,
               "precision": round(found / (found + f), 3) if found + f else None}
    return {"kinds": rows, "overall": overall}


def _print_table(title: str, t: dict[str, Any]) -> None:
    print(f"\n{title}")
    print(f"  {'check kind':<20}{'injected':>9}{'found':>7}{'missed':>7}{'FA':>5}{'(clean)':>8}{'recall':>8}{'precision':>10}")
    fmt = lambda x: "   -" if x is None else f"{x:.3f}"  # noqa: E731
    for k, r in [*t["kinds"].items(), ("OVERALL", t["overall"])]:
        print(f"  {k:<20}{r['injected']:>9}{r['found']:>7}{r['missed']:>7}{r['false_alarms']:>5}"
              f"{r['false_alarms_clean']:>8}{fmt(r['recall']):>8}{fmt(r['precision']):>10}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.quality", description=__doc__.splitlines()[0])
    ap.add_argument("--drafts", type=int, default=40, help="generated drafts (default 40)")
    ap.add_argument("--variants", type=int, default=2, help="injected copies per generated draft (default 2)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=min(2, mp.cpu_count()))
    ap.add_argument("--no-fixture", action="store_true", help="skip injecting into the real fixture draft")
    ap.add_argument("--json", action="store_true", help="print the figures and every miss/false alarm as JSON")
    ap.add_argument("--examples", type=int, default=3, help="examples printed per miss/false-alarm group")
    a = ap.parse_args(argv)

    t0 = time.perf_counter()
    gen_tasks = [(a.seed, i, a.variants) for i in range(a.drafts)]
    fix_tasks = [] if a.no_fixture else [(a.seed, n) for n in (*DEFECTS, *CONTROLS)]
    if a.jobs > 1:
        with mp.get_context("fork").Pool(a.jobs, initializer=_init) as pool:
            gen = pool.map(run_generated, gen_tasks, chunksize=1)
            fix = pool.map(run_fixture, fix_tasks, chunksize=1)
    else:
        _init()
        gen = [run_generated(t) for t in gen_tasks]
        fix = [run_fixture(t) for t in fix_tasks]
    if not _W:
        _init_kinds_only()
    kinds = sorted(_W.get("kinds", set()))
    g, fx = _merge([_counters(p) for p in gen]), _merge([_counters(p) for p in fix])
    both = _merge([g, fx])
    result = {
        "args": vars(a),
        "seconds": round(time.perf_counter() - t0, 1),
        "checks": both["checks"],
        "generated": _table(g, kinds),
        "fixture": _table(fx, kinds),
        "all": _table(both, kinds),
        "alignment": {"pairs": g["align_total"], "correct": g["align_ok"],
                      "accuracy": round(g["align_ok"] / g["align_total"], 4) if g["align_total"] else None},
        "controls": dict(both["controls"]),
        "control_false_alarms": both["control_alarms"],
        "skipped_injections": dict(both["skipped"]),
        "misses": both["misses"],
        "false_alarms": both["false_alarms"],
        "alignment_errors": g["align_wrong"],
        "targets": TARGETS,
    }
    if a.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True, default=list)
        print()
        return 0
    _report(result, a.examples)
    return 0


def _init_kinds_only() -> None:
    from engine.pipeline import DEFAULT_RULESETS
    from engine.rules.loader import load_rulesets

    _W["kinds"] = {r.check for r in load_rulesets(list(DEFAULT_RULESETS)).rules if r.enabled}


def _counters(p: dict[str, Any]) -> dict[str, Any]:
    """Counters come back from worker processes as Counters already; keep plain dicts working too."""
    return {k: Counter(v) if k in ("found", "injected", "controls", "skipped") else v for k, v in p.items()}


def _report(r: dict[str, Any], n: int) -> None:
    a = r["args"]
    print(f"plancheck quality benchmark — seed {a['seed']}, {a['drafts']} generated drafts x {a['variants']} injected "
          f"copies{'' if a['no_fixture'] else ' + the real fixture draft'}; {r['checks']} checks in {r['seconds']} s")
    _print_table("Generated drafts (clean + injected):", r["generated"])
    if not a["no_fixture"]:
        _print_table("Real fixture draft (one injection per copy; its own findings are the baseline):", r["fixture"])
    _print_table("All:", r["all"])
    al = r["alignment"]
    print(f"\nAlignment of the clean generated drafts vs the key (pair-level: parent ref -> draft refs + relation): "
          f"{al['correct']}/{al['pairs']} = {al['accuracy']} (target >= {TARGETS['alignment']})")
    print(f"\nNegative controls placed: {sum(r['controls'].values())} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(r['controls'].items()))})")
    cfa = r["control_false_alarms"]
    print(f"Negative-control false alarms: {len(cfa)}")
    for c in cfa:
        print(f"  - {c['doc']} [{c['control']}: {c['control_text'][:50]}] {c['check']} at {c['local']} "
              f"(parent {c['parent']}): {c['evidence'][:60]!r} — {c['message'][:80]}")
    if r["skipped_injections"]:
        print(f"\nInjections with no suitable place (skipped): {r['skipped_injections']}")
    print("\nMisses by injector (examples):")
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in r["misses"]:
        by[m["injector"]].append(m)
    for k, ms in sorted(by.items()):
        print(f"  {k} ({ms[0]['kind']}): {len(ms)} missed")
        for m in ms[:n]:
            there = "; ".join(f"{x['check']}" for x in m.get("reported_there", [])) or "nothing"
            ctx = f" in …{m['context']}…" if m.get("context") else ""
            print(f"    {m['doc']} ref {m['ref']} parent {m['parent']}: {m['text'][:70]!r}{ctx} — reported there: {there}")
    print("\nFalse alarms by kind (examples):")
    fas: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for f in r["false_alarms"]:
        fas[(f["check"], f["phase"])].append(f)
    for (k, ph), fs in sorted(fas.items()):
        coll = sum(1 for f in fs if f.get("collateral_of"))
        print(f"  {k} on {ph} drafts: {len(fs)}" + (f" ({coll} on the measure of another injected defect)" if coll else ""))
        for f in fs[:n]:
            extra = f" [next to {f['collateral_of']}]" if f.get("collateral_of") else ""
            print(f"    {f['doc']} {f['local']} (parent {f['parent']}): {f['evidence'][:60]!r} — {f['message'][:70]}{extra}")
    if r["alignment_errors"]:
        print(f"\nAlignment errors (first {n * 3}):")
        for e in r["alignment_errors"][: n * 3]:
            print(f"    {e['doc']} {e['parent']}: key {e['key']} aligned {e['aligned']}")


if __name__ == "__main__":
    raise SystemExit(main())
