"""Sub-point numbering inside items, on real documents: what `check --no-parent` reports, and what it finds
when a real item's sub-points are misnumbered on purpose.

    python -m bench.subpoint_numbering                       # fixtures/ and ../shared (corpus/national, seeds)
    python -m bench.subpoint_numbering --shared DIR          # where shared/ is, when not beside the repository
    python -m bench.subpoint_numbering --list                # every numbering finding, one a line

1. Every document of fixtures/ (.txt, .docx, .pdf, .html) and of ../shared/corpus/national/*.txt and
   ../shared/seeds/*.txt is checked alone; its numbering findings are counted, the sub-point ones
   (message 小项…) apart. Each has to be judged by hand: the figures go to BENCHMARKS.md.
2. Recall on real layouts: in every .txt document, every item holding a list of two or more sub-points
   (as the check reads them) is misnumbered in turn, one copy each: its last label made a gap (（2）→（3）)
   and made a repeat of the one before (（2）→（1）). A copy counts as found when the check reports exactly
   one new numbering finding, at that line, naming the label expected, and nothing else changes.

Asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from engine.pipeline import check, load_plan
from engine.rules.kinds import numbering as nb

ROOT = Path(__file__).resolve().parent.parent
STYLES = set(nb.Options().subpoint_styles)


def documents(shared: Path) -> list[Path]:
    fx = ROOT / "fixtures"
    found = [p for ext in ("txt", "docx", "pdf", "html") for p in fx.rglob(f"*.{ext}")]
    found += sorted((shared / "corpus" / "national").glob("*.txt")) + sorted((shared / "seeds").glob("*.txt"))
    return sorted(set(found))


def numbering(path: Path) -> list[tuple[int | None, str, str | None]]:
    run = check(str(path), allow_no_parent=True, fail_on="none")
    return [(f.line, f.message, f.suggestion) for f in run.report.findings if f.check == "numbering"]


def lists_in(path: Path) -> list[list[nb._Sub]]:
    """Each item's sub-points as the check reads them, cut into lists (a new list at each 1)."""
    plan = load_plan(str(path))
    paras = {p.index: p for p in plan.paragraphs}
    depth: dict[tuple[int, str], int] = {}
    for x in [*plan.sections, *plan.measures]:
        depth[(x.document, x.style)] = min(depth.get((x.document, x.style), x.depth), x.depth)
    out: list[list[nb._Sub]] = []
    for m in plan.measures:
        subs, _, _ = nb._sub_labels(m, paras, STYLES, depth)
        for s in subs:
            if s.ordinal == 1 or not out or out[-1][-1].style != s.style:
                out.append([])
            out[-1].append(s)
    return [run for run in out if len(run) >= 2 and [s.ordinal for s in run] == list(range(1, len(run) + 1))]


def mutated(path: Path, sub: nb._Sub, n: int, encoding: str, tmp: Path) -> Path:
    lines = path.read_bytes().decode(encoding).split("\n")
    line = lines[sub.line - 1]
    at = line.find(sub.printed, sub.column - 1)
    assert at == sub.column - 1, (path, sub)
    lines[sub.line - 1] = line[:at] + nb._relabel(sub, n) + line[at + len(sub.printed) :]
    out = tmp / path.name
    out.write_bytes("\n".join(lines).encode(encoding))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args(argv)
    docs = documents(args.shared)
    counts: Counter[str] = Counter()
    for path in docs:
        for line, msg, sugg in numbering(path):
            counts["sub-point" if "小项" in msg else "other"] += 1
            if args.list:
                print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{line}: {msg} | {sugg}")
    print(f"documents {len(docs)}; numbering findings {sum(counts.values())} "
          f"(sub-points {counts['sub-point']}, other {counts['other']})")  # fmt: skip
    tried = found = 0
    missed: list[str] = []
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for path in (p for p in docs if p.suffix == ".txt"):
            runs = lists_in(path)
            if not runs:
                continue
            encoding = load_plan(str(path)).encoding
            before = numbering(path)
            for run in runs:
                last, prev = run[-1], run[-2]
                for n, want in ((last.ordinal + 1, nb._relabel(last, last.ordinal)), (prev.ordinal, nb._relabel(last, last.ordinal))):
                    tried += 1
                    after = numbering(mutated(path, last, n, encoding, tmp))
                    new = [f for f in after if f not in before]
                    ok = len(new) == 1 and new[0][0] == last.line and want in (new[0][2] or "")
                    ok = ok and all(f in after for f in before)
                    found += ok
                    if not ok:
                        missed.append(f"{path.name}:{last.line} {last.printed}->{n}: {new}")
    print(f"misnumbered copies of real items: {found} of {tried} found")
    for m in missed:
        print("  missed", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
