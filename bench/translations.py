"""How the cut of translated lines grows with the text: `python -m bench.translations [--pairs 5000 10000 20000 40000]`.

engine/ingest/translations.py reads each line once (one pattern per script, one for Han). This prints, for texts of
N paired lines (a Chinese item and its Mongolian line, as a bilingual plan prints them) and for pages scraped as
one line of N characters (never a translation: longer than MAX_LEN), the CPU time of `cut` (best of three), the lines
cut, and the exponent k of a least-squares fit time ~ size^k (goal: k <= 1.1; linear). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import math
import time

from engine.ingest.translations import cut

ITEM = "（一）做好工作。（县农业农村局负责）"
MONGOLIAN = "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ"


def _lines(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n"), 1))


def _best(lines: list[tuple[int, str]]) -> tuple[float, int]:
    times, removed = [], 0
    for _ in range(3):
        start = time.process_time()
        _, cut_lines = cut(lines)
        times.append(time.process_time() - start)
        removed = len(cut_lines)
    return min(times), removed


def _fit(sizes: list[int], times: list[float]) -> float:
    xs, ys = [math.log(s) for s in sizes], [math.log(max(t, 1e-6)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, nargs="+", default=[5000, 10000, 20000, 40000])
    args = parser.parse_args()
    print("| input | lines | CPU ms (best of 3) | lines cut |")
    print("|---|---|---|---|")
    paired: list[float] = []
    for n in args.pairs:
        lines = _lines(f"{ITEM}\n{MONGOLIAN}\n" * n)
        took, removed = _best(lines)
        paired.append(took)
        print(f"| {n} pairs | {len(lines)} | {took * 1000:.2f} | {removed} |")
    pages: list[float] = []
    for n in args.pairs:
        lines = _lines(ITEM * n + "\n" + MONGOLIAN + "\n")
        took, removed = _best(lines)
        pages.append(took)
        print(f"| one line of {len(ITEM) * n} chars + 1 translated | {len(lines)} | {took * 1000:.2f} | {removed} |")
    print(f"\nfitted k: paired lines {_fit(args.pairs, paired):.2f}, long line {_fit(args.pairs, pages):.2f}")


if __name__ == "__main__":
    main()
