"""Precision of `plancheck check --no-parent` (documents checked alone) against findings judged by hand.

    python -m bench.precision_alone                      # the national corpus and the seeds in ../shared
    python -m bench.precision_alone FILE... --judgements bench/judgements/no-parent.yaml
    python -m bench.precision_alone --unjudged           # list findings nobody has judged yet (as YAML)
    python -m bench.precision_alone --heldout            # fixtures/heldout/ with bench/judgements/heldout-alone.yaml
    python -m bench.precision_alone --blind3             # fixtures/blind3/ (.txt, .docx, pair) with blind3-alone.yaml
    python -m bench.precision_alone --set blind5         # any fixtures/blindN/: every .txt/.docx/.pdf/.html and
                                                         # its pair's, with bench/judgements/blindN-alone.yaml
    python -m bench.precision_alone --blind5             # the same (--blindN for any N)
    python -m bench.precision_alone --fixtures           # fixtures/national, unseen, eval with fixtures-alone.yaml

Each judged finding is keyed by (document, rule, line, evidence) and says `true` (a defect a drafting
office would fix), `false` (wrong, or no defect in this kind of document) or `unclear`, with why.
Precision is true / (true + false); unclear and unjudged findings are counted apart, never guessed.
A document that cannot be checked at all (exit 2) is listed as not read, with the message.
Asserts nothing: the figures go to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

from engine.errors import PlancheckError

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_JUDGEMENTS = ROOT / "bench" / "judgements" / "no-parent.yaml"
HELDOUT = ROOT / "fixtures" / "heldout"
HELDOUT_JUDGEMENTS = ROOT / "bench" / "judgements" / "heldout-alone.yaml"
BLIND3 = ROOT / "fixtures" / "blind3"
BLIND3_JUDGEMENTS = ROOT / "bench" / "judgements" / "blind3-alone.yaml"
JUDGEMENTS = ROOT / "bench" / "judgements"
# the input forms a blind set's documents come in (its generator's scripts and READMEs are not documents)
FORMS = (".txt", ".docx", ".pdf", ".html")
FIXTURES_JUDGEMENTS = ROOT / "bench" / "judgements" / "fixtures-alone.yaml"


def fixture_files() -> list[Path]:
    """The repository's other real-document sets: national copies, the unseen set (.txt, .docx, the pair), eval."""
    fx = ROOT / "fixtures"
    return (sorted((fx / "national").glob("*.txt")) + sorted((fx / "unseen").glob("*.txt"))
            + sorted((fx / "unseen").glob("*.docx")) + sorted((fx / "unseen" / "pair").glob("*.txt"))
            + sorted((fx / "eval").glob("*.txt")))  # fmt: skip


def blind3_files() -> list[Path]:
    """The third blind set: its eleven documents (.txt, one GBK, one .docx) and the pair's two."""
    return set_files(BLIND3)


def set_files(where: Path) -> list[Path]:
    """A blind set's documents, each checked alone: every input form in its folder, then its pair's
    (child and parent), in the order form by form, name by name."""
    return [p for sub in (where, where / "pair") for form in FORMS for p in sorted(sub.glob(f"*{form}"))]


def blind_set(name: str) -> tuple[list[Path], Path]:
    """The documents of fixtures/NAME/ and its judgement file bench/judgements/NAME-alone.yaml."""
    where = ROOT / "fixtures" / name
    if not where.is_dir():
        raise SystemExit(f"no set fixtures/{name}/")
    return set_files(where), JUDGEMENTS / f"{name}-alone.yaml"


def default_files() -> list[Path]:
    """The 16 national documents and the three seeds, when ../shared is beside the repository."""
    return sorted((SHARED / "corpus" / "national").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))


def _is_blind_flag(arg: str) -> bool:
    """--blind3, --blind4, …: the old per-set flags, each now `--set blindN`."""
    return arg.startswith("--blind") and arg[7:].isdigit()


def key(doc: str, rule: str, line: int, evidence: str | None) -> tuple[str, str, int, str]:
    return (doc, rule, int(line), (evidence or "")[:30])


def findings_of(path: Path) -> list[dict]:
    """Findings of a no-parent check of `path`, as plain dicts."""
    from engine.pipeline import check

    run = check(str(path), allow_no_parent=True, fail_on="none")
    out = []
    for f in run.report.findings:
        out.append({
            "doc": path.name, "rule": f.rule, "line": f.line, "item": f.local_item,
            "evidence": (f.evidence.local or "") if f.evidence else "", "message": f.message,
        })  # fmt: skip
    return out


def load_judgements(path: Path) -> dict[tuple, dict]:
    if not path.exists():
        return {}
    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {key(r["doc"], r["rule"], r["line"], r.get("evidence")): r for r in rows}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--judgements", type=Path, default=None)
    ap.add_argument("--unjudged", action="store_true", help="print unjudged findings as YAML rows")
    ap.add_argument("--heldout", action="store_true", help="the blind held-out set fixtures/heldout/*.txt")
    ap.add_argument("--fixtures", action="store_true", help="fixtures/national, fixtures/unseen and fixtures/eval")
    ap.add_argument("--set", dest="set_name", metavar="blindN",
                    help="a blind set by its folder fixtures/blindN/ (also --blindN, e.g. --blind3)")  # fmt: skip
    argv = list(sys.argv[1:] if argv is None else argv)
    # --blindN (any N) is --set blindN, as tests/acceptance/test_unseen.py takes its sets
    argv = [a for arg in argv for a in (["--set", arg[2:]] if _is_blind_flag(arg) else [arg])]
    args = ap.parse_args(argv)
    if args.heldout:
        files, judgements = sorted(HELDOUT.glob("*.txt")), HELDOUT_JUDGEMENTS
    elif args.set_name:
        files, judgements = blind_set(args.set_name)
    elif args.fixtures:
        files, judgements = fixture_files(), FIXTURES_JUDGEMENTS
    else:
        files, judgements = default_files(), DEFAULT_JUDGEMENTS
    files = args.files or files
    judged = load_judgements(args.judgements or judgements)
    total: Counter[str] = Counter()
    unjudged: list[dict] = []
    not_read = 0
    for path in files:
        c: Counter[str] = Counter()
        try:
            found = findings_of(path)
        except PlancheckError as e:
            not_read += 1
            if not args.unjudged:
                print(f"{path.name:45} not read (exit 2): {e}")
            continue
        for f in found:
            j = judged.get(key(f["doc"], f["rule"], f["line"], f["evidence"]))
            verdict = str(j["verdict"]).lower() if j else "unjudged"
            c[verdict] += 1
            if not j:
                unjudged.append(f)
        total.update(c)
        if not args.unjudged:
            print(f"{path.name:45} findings {sum(c.values()):3}  true {c['true']:3}  false {c['false']:3}"
                  f"  unclear {c['unclear']:3}  unjudged {c['unjudged']:3}")  # fmt: skip
    if args.unjudged:
        yaml.safe_dump(
            [{**f, "verdict": "", "why": ""} for f in unjudged], sys.stdout, allow_unicode=True, sort_keys=False
        )
        return 0
    t, f = total["true"], total["false"]
    precision = f"{t / (t + f):.3f}" if t + f else "- (nothing judged true or false)"
    print(f"{'all':45} findings {sum(total.values()):3}  true {t:3}  false {f:3}  unclear {total['unclear']:3}"
          f"  unjudged {total['unjudged']:3}  precision {precision}"
          + (f"  documents not read {not_read}" if not_read else ""))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
