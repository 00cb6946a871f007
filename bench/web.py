"""Load benchmark of `plancheck serve`. Run by hand: `python -m bench.web [--clients 50 --seconds 60]`.

Starts the server as the README says (a subprocess on a free loopback port), then:
1. latency of one check: the first (cold worker), a second draft against the same parent, a repeat;
2. `--clients` clients posting the seed pair (each request a new draft name, so each is a real check
   with the parent reused) for `--seconds`: answers by status, checks per second, latency percentiles;
3. `--flat` sequential checks of a small pair, the server's memory (main process + workers) every
   tenth of the way, to show it stays flat.
Prints figures for BENCHMARKS.md; asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parent.parent
PARENT = ROOT / "fixtures" / "guangxi-2021-2025-parent.txt"
DRAFT = ROOT / "fixtures" / "chengzhong-district-draft.txt"
COUNTY = ROOT / "fixtures" / "guangning-county-2016-2020.txt"
PLANCHECK = Path(sys.executable).with_name("plancheck")

SMALL_PARENT = "某省实施方案\n一、主要任务\n（一）推进简政便民。全面推行“一网通办”，压减审批时限。\n（二）加强行政监管。健全监管机制。\n"
SMALL_DRAFT = "某区实施方案（征求意见稿）\n一、主要任务\n1．推进简政便民。推行“一网通办”。（牵头单位：区政务服务中心）\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(proc: psutil.Process) -> float:
    procs = [proc, *proc.children(recursive=True)]
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 1048576


def _post(client: httpx.Client, url: str, parent: bytes, draft: bytes, name: str) -> tuple[int, float]:
    t = time.perf_counter()
    r = client.post(url, files={"parent": ("parent.txt", parent), "draft": (name, draft)}, timeout=300)
    return r.status_code, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--flat", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()

    port = _free_port()
    server = subprocess.Popen(
        [str(PLANCHECK), "serve", "--port", str(port), "--workers", str(args.workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    url = base + "/api/check"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        proc = psutil.Process(server.pid)
        print(f"server pid {server.pid}, {os.cpu_count()} cores, workers {args.workers}")
        print(f"memory after start: {_rss_mb(proc):.0f} MB (main + workers)")

        parent, draft, county = PARENT.read_bytes(), DRAFT.read_bytes(), COUNTY.read_bytes()
        with httpx.Client() as c:
            for label, body, name in (
                ("first check (cold worker)", draft, "a.txt"),
                ("second draft, same parent", county, "b.txt"),
                ("seed draft again, new name", draft, "c.txt"),
                ("same request again (result kept)", draft, "c.txt"),
            ):
                status, secs = _post(c, url, parent, body, name)
                print(f"{label}: {secs * 1000:.0f} ms (HTTP {status})")
        print(f"memory after warm-up: {_rss_mb(proc):.0f} MB")

        statuses: collections.Counter[int] = collections.Counter()
        latencies: list[float] = []
        lock = threading.Lock()
        stop = time.monotonic() + args.seconds
        counter = iter(range(10**9))

        def client_loop() -> None:
            with httpx.Client() as c:
                while time.monotonic() < stop:
                    with lock:
                        n = next(counter)
                    try:
                        status, secs = _post(c, url, parent, draft, f"load-{n}.txt")
                    except httpx.HTTPError as exc:
                        status, secs = -1, 0.0
                        print("client error:", type(exc).__name__)
                    with lock:
                        statuses[status] += 1
                        if status == 200:
                            latencies.append(secs)
                    if status == 503:
                        time.sleep(1.0)  # as Retry-After asks, shortened

        t0 = time.monotonic()
        threads = [threading.Thread(target=client_loop) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - t0
        ok = statuses.get(200, 0)
        print(f"\n{args.clients} clients for {args.seconds:.0f} s (wall {wall:.1f} s): answers {dict(sorted(statuses.items()))}")
        if latencies:
            q = statistics.quantiles(latencies, n=20)
            print(
                f"checks: {ok} ({ok / wall:.2f}/s); latency of answered checks p50 {statistics.median(latencies):.2f} s, "
                f"p95 {q[18]:.2f} s, max {max(latencies):.2f} s"
            )
        print(f"memory after load: {_rss_mb(proc):.0f} MB")

        if args.flat:
            sp, sd = SMALL_PARENT.encode(), SMALL_DRAFT.encode()
            marks = []
            t0 = time.monotonic()
            with httpx.Client() as c:
                for i in range(1, args.flat + 1):
                    status, _ = _post(c, url, sp, sd, f"flat-{i}.txt")
                    if status != 200:
                        print("flat run: HTTP", status)
                    if i % max(1, args.flat // 10) == 0:
                        marks.append((i, _rss_mb(proc)))
            wall = time.monotonic() - t0
            print(f"\n{args.flat} sequential small checks in {wall:.1f} s; memory (MB) by request:")
            print("  " + ", ".join(f"{i}: {mb:.0f}" for i, mb in marks))
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
