"""Checks in worker processes, so that one request cannot hold the server: a time budget per check (the
worker is killed and replaced when it runs over), a memory bound per worker (RLIMIT_AS), and a worker
replaced after `max_jobs` checks so the server's memory stays flat however long it runs.

Workers are started with `spawn` (never `fork` from a server that already runs threads) and each keeps
its own warm state: imports, the jieba index and parents by content hash. A job is the uploaded bytes;
the answer is the pipeline's CheckRun, or a PlancheckError's code and fields.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from engine.errors import PlancheckError


@dataclass(frozen=True)
class Job:
    draft: Any  # service.Upload
    parent: Any
    ruleset: str | None
    waivers: Any
    lang: str
    today: Any  # datetime.date


def _serve(conn: Connection, memory_mb: int) -> None:
    """A worker's life: bound its memory, warm up, then answer jobs until told to stop."""
    import resource

    if memory_mb:
        limit = memory_mb * 1048576
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from engine.align.tokenize import warm_up
    from engine.web.service import CheckService

    service = CheckService(workers=0)
    try:
        warm_up()
    except Exception:  # a cold cache only costs time
        pass
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if job is None:
            return
        try:
            conn.send(("ok", service.run_here(job.draft, job.parent, job.ruleset, job.waivers, job.lang, job.today)))
        except PlancheckError as err:
            conn.send(("error", (err.code, err.fields)))
        except MemoryError:
            conn.send(("error", ("web.memory", {"limit_mb": memory_mb})))
        except Exception as exc:  # a bug: the message says so, the worker goes on
            conn.send(("error", ("internal", {"reason": f"{type(exc).__name__}: {exc}"})))


class _Worker:
    def __init__(self, ctx: Any, memory_mb: int) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, memory_mb), daemon=True, name="plancheck-check")
        self.proc.start()
        child.close()
        self.jobs = 0
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        if not self.ready and self.conn.poll(timeout):
            try:
                self.ready = self.conn.recv()[0] == "ready"
            except (EOFError, OSError):
                return False
        return self.ready

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.conn.close()


class WorkerPool:
    """`size` worker processes; `run` blocks the calling thread until its job is answered."""

    def __init__(self, size: int = 1, *, timeout: float = 60.0, memory_mb: int = 2048, max_jobs: int = 100) -> None:
        self.size = size
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.max_jobs = max_jobs
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self.restarts = 0
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        w = _Worker(self._ctx, self.memory_mb)
        with self._lock:
            self._all.add(w)
        self._idle.put(w)

    def _retire(self, w: _Worker, kill: bool) -> None:
        with self._lock:
            self._all.discard(w)
            self.restarts += 1
        threading.Thread(target=w.stop, args=(kill,), daemon=True).start()
        self._add()

    def run(self, job: Job, wait: float) -> tuple[Any, str]:
        """(CheckRun, parent name) for a job; PlancheckError for the user's input, a full queue
        (waited `wait` seconds for a worker), a check over the time budget or a worker that died."""
        try:
            w = self._idle.get(timeout=wait)
        except queue.Empty:
            raise PlancheckError("web.busy", seconds=5) from None
        keep = True
        try:
            if not w.wait_ready(max(self.timeout, 120.0)):
                keep = False
                raise PlancheckError("web.worker_died")
            w.conn.send(job)
            if not w.conn.poll(self.timeout):
                keep = False
                raise PlancheckError("web.timeout", seconds=int(self.timeout))
            kind, payload = w.conn.recv()
        except (EOFError, OSError):
            keep = False
            raise PlancheckError("web.worker_died") from None
        finally:
            w.jobs += 1
            if keep and w.jobs < self.max_jobs:
                self._idle.put(w)
            else:
                self._retire(w, kill=not keep)
        if kind == "ok":
            return payload
        code, fields = payload
        raise PlancheckError(code, **fields)

    def close(self) -> None:
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.stop()
