"""How reading an .xlsx task list grows with the sheet: `python -m bench.xlsx_size [--rows 1000 2000 4000 8000]`.

engine/ingest/xlsx.py hands the workbook to openpyxl (the full reader: merged ranges need it), then reads the grid
through the task-table reader. This prints, for a task table of N rows (序号 | 重点任务 | 牵头单位 | 配合单位 |
完成时限, one merged 类别 cell over every ten rows), the CPU time of `load_document` (best of two), the peak
resident memory of a child process reading it once, the lines read, and the exponent k of a least-squares fit time
~ rows^k (goal: k <= 1.1). Sheets past the budgets are refused (budgets.py): a grid's cells count against
`paragraphs` (a merged cell in every row it spans), a sheet's XML against `part_bytes`; the last lines read one sheet
past each and say how soon and in how much memory it is refused. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.scale import fit_exponent

# the child's own peak (VmHWM, kB: its address space is new at exec; ru_maxrss would keep the forking parent's)
_CHILD = (
    "import sys\n"
    "from engine.ingest import load_document\n"
    "from engine.errors import PlancheckError\n"
    "try:\n    load_document(sys.argv[1])\nexcept PlancheckError as e:\n    print(e.code)\n"
    "print(next(int(x.split()[1]) for x in open('/proc/self/status') if x.startswith('VmHWM')))\n"
)


def _book(path: Path, rows: int, width: int = 5) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["某市重点任务分解表"])
    ws.append(["序号", "类别", "重点任务", "牵头单位", "配合单位", "完成时限"][: width + 1])
    for i in range(1, rows + 1):
        ws.append([i, "产业发展" if i % 10 == 1 else None, f"完成第{i}项重点工作，建成示范点{i}个", "市农业农村局",
                   "市财政局、市发展改革委", dt.date(2027, 1 + i % 12, 1)])  # fmt: skip
    for top in range(3, rows + 3, 10):
        ws.merge_cells(start_row=top, start_column=2, end_row=min(top + 9, rows + 2), end_column=2)
    wb.save(path)
    return path


def _child(path: Path) -> tuple[str, int]:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True)
    lines = out.stdout.split()
    return (lines[0] if len(lines) > 1 else "ok"), int(lines[-1])


def main() -> None:
    from engine.ingest import load_document

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    args = parser.parse_args()
    print("| task rows | file KB | CPU s (best of 2) | peak RSS MB (child) | lines read |")
    print("|---|---|---|---|---|")
    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.rows:
            path = _book(Path(tmp) / f"t{n}.xlsx", n)
            took, lines = [], 0
            for _ in range(2):
                start = time.process_time()
                lines = len(load_document(str(path)).paragraphs)
                took.append(time.process_time() - start)
            times.append(min(took))
            _, rss = _child(path)
            print(f"| {n} | {path.stat().st_size // 1024} | {min(took):.2f} | {rss // 1024} | {lines} |")
        print()
        for n in (20_000, 150_000):
            big = _book(Path(tmp) / f"big{n}.xlsx", n)
            start = time.monotonic()
            code, rss = _child(big)
            print(f"{n} rows ({big.stat().st_size // 1024} KB zipped): {code} after {time.monotonic() - start:.1f} s "
                  f"wall, peak RSS {rss // 1024} MB")
    print(f"fitted k: {fit_exponent([float(n) for n in args.rows], [max(t, 1e-6) for t in times]):.2f}")


if __name__ == "__main__":
    main()
