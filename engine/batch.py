"""Many drafts against one parent, on every core: `plancheck check a.txt b.txt … --parent P`.

The parent is derived and the rulesets loaded once, in the main process, then handed to each
worker once (pool initializer), so each draft costs only its own parse, align and rules. Each
draft gets one summary line (or one JSON object with `--format json`); a bad draft is reported on
its line and does not stop the batch. Exit: 2 if any draft could not be read, else 1 if any
failed, else 0.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import multiprocessing as mp
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from engine.entry import ignore_in_worker, interruption, stop
from engine.errors import PlancheckError
from engine.findings import apply_waivers, load_waivers
from engine.outputs import clean_text, write_output

_STATE: dict[str, Any] = {}


def _init(state: dict[str, Any]) -> None:
    ignore_in_worker()
    _unblock()
    _STATE.update(state)


_SIGNALS = {signal.SIGINT, *([signal.SIGTERM] if hasattr(signal, "SIGTERM") else [])}


def _block() -> None:
    """Hold Ctrl-C while the workers are forked, so none receives it before `_init` tells it to
    leave Ctrl-C to the parent (a worker interrupted then would print a traceback)."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)


def _unblock() -> None:
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)


def _one(path: str) -> dict[str, Any]:
    from engine.models import SEVERITY_RANK
    from engine.pipeline import check_plans, display_path_of, load_plan

    lang = _STATE["lang"]
    try:
        draft = load_plan(path, level=_STATE["level"], jurisdiction=_STATE["jurisdiction"], part=_STATE.get("part"))
        findings, _ = check_plans(
            draft, _STATE["obligations"], _STATE["rules"], lang=lang,
            date=_STATE["date"], unit_registries=_STATE["unit_registries"],
        )
    except PlancheckError as e:
        return {"draft": display_path_of(path), "problem": e.render(lang)}
    finally:
        _settle()
    active, waived, _ = apply_waivers(findings, _STATE["waivers"], _STATE["today"], lang)
    counts = {s: sum(1 for f in active if f.severity == s) for s in ("error", "warning", "info")}
    threshold = SEVERITY_RANK.get(_STATE["fail_on"], 99)
    failed = any(SEVERITY_RANK[f.severity] >= threshold for f in active)
    return {"draft": display_path_of(path), **counts, "waived": len(waived), "failed": failed}


def _settle() -> None:
    """After a worker's first draft, and every `_SETTLE_EVERY` after: collect, then freeze; in
    between, no automatic collection.

    What survives a draft is mostly what every later draft reuses (the parent's prepared side, the
    cut and extraction caches). Left to the collector, each full collection walks all of it again:
    ~5 ms a draft in a batch of generated drafts. Frozen after a collection, it is no longer walked;
    it is still freed by reference counting when a cache lets it go, and nothing cyclic is frozen
    (the collection has just removed it). A draft leaves little cyclic garbage (~0.2 MB), so
    collecting it every `_SETTLE_EVERY` drafts instead of continually saves the young collections'
    time for ~15 MB more memory per worker.
    """
    _STATE["done"] = done = _STATE.get("done", 0) + 1
    if done == 1 or done % _SETTLE_EVERY == 0:
        gc.collect()
        gc.freeze()
        gc.disable()  # a worker process only: the pool's main process is not touched


_SETTLE_EVERY = 64


BATCH_FORMATS = ("text", "json")  # one summary line (or JSON object) per draft
MAX_JOBS = 64  # more workers than this only costs memory; a larger -j is a typing slip


def check_batch_options(formats: tuple[str, ...], jobs: int) -> None:
    """Refuse what a batch cannot do before any draft is read: a per-draft report format (a .docx
    of several drafts would be a summary in the wrong clothes) or a worker count out of range."""
    for fmt in formats:
        if fmt not in BATCH_FORMATS:
            raise PlancheckError("option.batch_format", format=fmt, known=", ".join(BATCH_FORMATS))
    check_jobs(jobs)


def check_jobs(jobs: int) -> None:
    if not 0 <= jobs <= MAX_JOBS:
        raise PlancheckError("option.jobs", jobs=jobs, limit=MAX_JOBS)


def _summary(results: list[dict[str, Any]], fmt: str, lang: str) -> str:
    lines = []
    for r in results:
        if fmt == "json":
            lines.append(json.dumps(r, ensure_ascii=False, sort_keys=True))
        elif "problem" in r:
            lines.append(f"{r['draft']}: {r['problem']}")
        elif lang == "zh":
            lines.append(f"{r['draft']}: 错误 {r['error']} 警告 {r['warning']} 提示 {r['info']} 豁免 {r['waived']}")
        else:
            lines.append(f"{r['draft']}: {r['error']} errors, {r['warning']} warnings, {r['info']} info, {r['waived']} waived")
    return clean_text("\n".join(lines) + "\n")


def _abandon() -> None:
    """Kill the workers and wait for them (briefly), so none outlives the run. The pool's own
    thread then finds them dead and may fail over futures already settled: the run is ending, so
    that is not printed."""
    threading.excepthook = lambda args: None
    children = mp.active_children()
    for child in children:
        child.kill()
    for child in children:
        child.join(timeout=2)


def run_batch(
    drafts: list[str], options: dict[str, Any], formats: tuple[str, ...], outputs: tuple[str, ...], jobs: int
) -> int:
    from engine.pipeline import DEFAULT_RULESETS, resolve_obligations
    from engine.rules.loader import load_rulesets

    check_batch_options(formats, jobs)
    lang = options["lang"]
    loaded = load_rulesets(([] if options["no_core"] else list(DEFAULT_RULESETS)) + options["rulesets"])
    obligations = resolve_obligations(loaded, options["parent_path"], options["allow_no_parent"])
    state = {
        "lang": lang,
        "level": options["level"],
        "jurisdiction": options["jurisdiction"],
        "part": options.get("part"),
        "obligations": obligations,
        "rules": loaded.rules,
        "waivers": load_waivers(options["waivers_path"]) if options["waivers_path"] else [],
        "today": options["today"] or dt.date.today(),
        "fail_on": options["fail_on"],
        "date": options.get("date"),
        "unit_registries": tuple(options.get("unit_registries") or ()),
    }
    workers = max(1, min(jobs or os.cpu_count() or 1, len(drafts)))
    # The lexicon index and the user dictionary, read once here: forked workers share them
    # (copy-on-write); frozen so the collector does not copy them.
    from engine.align.tokenize import warm_up

    warm_up()
    gc.freeze()
    results: list[dict[str, Any]] = []
    show_progress = sys.stderr.isatty()
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    pool = None
    try:
        _block()
        try:
            pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=(state,))
            answers = pool.map(_one, drafts, chunksize=4)  # forks the workers
        finally:
            _unblock()  # a Ctrl-C held while they were forked arrives now, in the parent
        for i, res in enumerate(answers, 1):
            results.append(res)
            if show_progress:
                done = int(30 * i / len(drafts))
                sys.stderr.write(f"\r[{'#' * done}{'.' * (30 - done)}] {i}/{len(drafts)}")
                sys.stderr.flush()
        pool.shutdown()
    except BrokenProcessPool:
        _abandon()
        raise PlancheckError("batch.worker_died", jobs=workers) from None
    except BaseException as exc:
        if interruption(exc) is None:
            raise
        # No orderly shutdown: a worker ended by the same signal may have died holding the task
        # queue's lock, and waiting for it would hang. Nothing has been written yet.
        _abandon()
        stop(exc, hard=True)
    gc.unfreeze()
    if show_progress:
        sys.stderr.write("\n")

    for i, fmt in enumerate(formats):
        write_output(outputs[i] if i < len(outputs) else "-", _summary(results, fmt, lang).encode("utf-8"))
    if any("problem" in r for r in results):
        return 2
    return 1 if any(r.get("failed") for r in results) else 0
