"""The check behind the web page and the API: the CLI's pipeline on uploaded bytes, shared safely.

- Uploads are written into a private temporary folder (mkdtemp, mode 0700) under fixed names
  (`draft.docx`, `parent.txt`, `waivers.yaml`); the name a browser sent is shown, never used as a
  path, and the folder is removed before the answer goes out.
- One check runs at a time (`_run_lock`): the rule runtime keeps durable-rules rulesets in process-wide
  state, and serialising is what makes eight parallel requests answer exactly as eight sequential ones.
  At most `max_queue` checks wait or run; the next one is refused as busy (503 with Retry-After).
- A parent is parsed and derived once per content (sha256 of its bytes), so a second draft against the
  same parent skips that work; a result is kept by a hash of everything that decides it, so the
  downloads of a result page and a repeated check need no new run. Both stores are bounded memos.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import re
import shutil
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from engine import RULESETS_DIR
from engine.errors import PlancheckError
from engine.memo import Memo, memo
from engine.outputs import forget_inputs, write_upload
from engine.pipeline import CheckRun, Obligations, check, display_path_of
from engine.report import FORMATTERS
from engine.report.base import RenderContext

# What each PlancheckError code means for HTTP; everything else the user sent is a 400.
STATUS = {
    "input.too_large": 413,
    "web.too_large": 413,
    "input.unsupported": 415,
    "input.doc_legacy": 415,
    "web.expired": 404,
    "web.busy": 503,
    "web.slow_upload": 408,
    "web.timeout": 422,
    "web.memory": 422,
    "web.worker_died": 500,
    "internal": 500,
}

# Downloads of a result: URL name -> (format, file name the formatter is told, media type)
DOWNLOADS: dict[str, tuple[str, str, str]] = {
    "draft.docx": ("docx", "draft.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "feedback.docx": (
        "feedback",
        "feedback.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "feedback.xlsx": ("feedback", "feedback.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "report.json": ("json", "report.json", "application/json"),
    "report.html": ("html", "report.html", "text/html; charset=utf-8"),
}

_SUFFIX = re.compile(r"\.[a-z0-9]{1,10}")


def status_of(err: PlancheckError) -> int:
    return STATUS.get(err.code, 400)


@dataclass(frozen=True)
class Upload:
    """A file as a browser or client sent it: the name is for display only."""

    name: str
    data: bytes

    @property
    def suffix(self) -> str:
        """The name's extension when it is a plain one (ingest decides whether it is supported)."""
        dot = self.name.rfind(".")
        ext = self.name[dot:].lower() if dot > 0 else ""
        return ext if _SUFFIX.fullmatch(ext) else ""


def display_name(filename: str | None, fallback: str) -> str:
    """The last component of a sent file name without control characters, at most 100 characters."""
    name = re.split(r"[/\\]", filename or "")[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    return name[:100] or fallback


@dataclass
class Result:
    """One finished check: what the result page and the downloads are rendered from."""

    token: str
    run: CheckRun
    lang: str
    draft: Upload
    parent_name: str
    author: str = ""  # the sender named in the office documents (反馈单位, comment author)
    date: str = ""  # the day of the check, the documents' date


@memo(1, copy="shared")  # the bundled rulesets, read once per process; a tuple
def parent_rulesets() -> tuple[tuple[str, str], ...]:
    """(id, title) of the bundled rulesets that carry a parent's obligations, for the parent list."""
    from engine.rules.loader import load_rulesets

    out = []
    for p in sorted(RULESETS_DIR.glob("*.yaml")):
        try:
            loaded = load_rulesets([str(p)])
        except PlancheckError:
            continue
        rs = loaded.obligation_ruleset
        if rs is not None and rs.obligations and Path(loaded.obligation_source).stem == p.stem:
            title = rs.parent.title if rs.parent is not None and rs.parent.title else (rs.description or p.stem)
            out.append((p.stem, title))
    return tuple(out)


@contextmanager
def private_folder() -> Iterator[Path]:
    """A folder only this process can read, removed with everything in it when the block ends."""
    path = Path(tempfile.mkdtemp(prefix="plancheck-web-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _shown(err: PlancheckError, folder: Path, names: dict[str, str]) -> PlancheckError:
    """The same error with the private folder's paths replaced by the names the user knows."""
    fields = {}
    for k, v in err.fields.items():
        if isinstance(v, str) and str(folder) in v:
            for stored, shown in names.items():
                v = v.replace(str(folder / stored), shown)
            v = v.replace(str(folder), "")
        fields[k] = v
    return PlancheckError(err.code, **fields)


class CheckService:
    """Runs checks for the web app; one instance per app.

    workers=0 runs each check in this process under one lock (tests, and each worker process
    itself); workers>=1 runs them in that many worker processes (engine/web/workers.py) with a
    time budget, a memory bound and recycling.
    """

    def __init__(
        self,
        *,
        max_queue: int = 16,
        parents: int = 8,
        results: int = 32,
        workers: int = 0,
        timeout: float = 60.0,
        memory_mb: int = 2048,
        max_jobs: int = 100,
    ) -> None:
        self.max_queue = max_queue
        self._slots = threading.BoundedSemaphore(max_queue)
        self._run_lock = threading.Lock()
        self.parents = Memo(parents, "shared", "web.parents")  # Obligations: checks only read them
        self.results = Memo(results, "shared", "web.results")
        self.pool = None
        if workers:
            from engine.web.workers import WorkerPool

            self.pool = WorkerPool(workers, timeout=timeout, memory_mb=memory_mb, max_jobs=max_jobs)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()

    # ---- checking

    def check(
        self,
        draft: Upload,
        *,
        parent: Upload | None = None,
        ruleset: str | None = None,
        waivers: Upload | None = None,
        lang: str = "zh",
        today: dt.date | None = None,
        author: str = "",
    ) -> Result:
        """Check an uploaded draft against an uploaded parent or a bundled parent ruleset."""
        if parent is None and not ruleset:
            raise PlancheckError("web.no_parent")
        if ruleset and ruleset not in dict(parent_rulesets()):
            raise PlancheckError("web.unknown_ruleset", name=ruleset)
        given, today = today, today or dt.date.today()  # the clock decides waiver expiry only
        h = hashlib.sha256()
        for part in (
            lang,
            today.isoformat(),
            draft.name,
            draft.suffix,
            ruleset or "",
            parent.name if parent else "",
            parent.suffix if parent else "",
            author,
        ):
            h.update(part.encode("utf-8") + b"\0")
        for blob in (draft.data, parent.data if parent else b"", waivers.data if waivers else b""):
            h.update(hashlib.sha256(blob).digest())
        token = h.hexdigest()[:32]
        if (done := self.results.peek(token)) is not None:
            return done
        if not self._slots.acquire(blocking=False):
            raise PlancheckError("web.busy", seconds=5)

        def run() -> Result:
            if self.pool is not None:
                from engine.web.workers import Job

                checked, parent_name = self.pool.run(Job(draft, parent, ruleset, waivers, lang, today), wait=120.0)
            else:
                with self._run_lock:
                    checked, parent_name = self.run_here(draft, parent, ruleset, waivers, lang, today)
            from engine.report.base import office_date

            # the documents' date by the CLI's rule, never the clock: the same upload, the same bytes
            return Result(token, checked, lang, draft, parent_name, author, office_date(checked.draft, given))

        try:
            return self.results.get(token, run)
        finally:
            self._slots.release()

    def run_here(
        self,
        draft: Upload,
        parent: Upload | None,
        ruleset: str | None,
        waivers: Upload | None,
        lang: str,
        today: dt.date,
    ) -> tuple[CheckRun, str]:
        """The check in this process: (the pipeline's CheckRun, the parent's name as shown)."""
        with private_folder() as folder:
            draft_file = f"draft{draft.suffix}"
            names = {draft_file: draft.name}
            write_upload(folder / draft_file, draft.data)
            waivers_path = None
            if waivers is not None:
                write_upload(folder / "waivers.yaml", waivers.data)
                waivers_path = str(folder / "waivers.yaml")
                names["waivers.yaml"] = waivers.name
            try:
                obligations = None
                if parent is not None:
                    parent_file = f"parent{parent.suffix}"
                    names[parent_file] = parent.name
                    obligations = self._parent(parent, folder / parent_file)
                run = check(
                    str(folder / draft_file),
                    rulesets=[ruleset] if ruleset else [],
                    waivers_path=waivers_path,
                    lang=lang,
                    today=today,
                    display_path=draft.name,
                    obligations=obligations,
                    fail_on="error",
                )
            except PlancheckError as err:
                raise _shown(err, folder, names) from None
            finally:
                forget_inputs()  # the run's input identities: a server must not collect them forever
        parent_name = parent.name if parent else display_path_of(run.report.summary.parent)
        return run, parent_name

    def _parent(self, parent: Upload, path: Path) -> Obligations:
        """The parent's obligations, derived once per content and suffix; named as this upload."""
        key = (hashlib.sha256(parent.data).hexdigest(), parent.suffix)

        def derive() -> Obligations:
            write_upload(path, parent.data)
            return Obligations.from_parent(str(path))

        return dataclasses.replace(self.parents.get(key, derive), source=parent.name)

    # ---- results

    def result(self, token: str) -> Result:
        found = self.results.peek(token) if re.fullmatch(r"[0-9a-f]{32}", token) else None
        if found is None:
            raise PlancheckError("web.expired")
        return found

    def render(self, result: Result, fmt: str, output: str | None = None, lang: str | None = None) -> bytes:
        """A report of a result in one of the CLI's formats, exactly as `plancheck check` writes it."""
        with private_folder() as folder:
            source = folder / f"draft{result.draft.suffix}"
            if fmt == "docx" and result.draft.suffix == ".docx":
                write_upload(source, result.draft.data)  # the docx format comments a copy of the original
            ctx = RenderContext.of_run(result.run, str(source), lang or result.lang, output)
            ctx.author, ctx.date = result.author, result.date
            return FORMATTERS[fmt]().render(ctx)


def read_limited(stream: io.BufferedIOBase, limit: int) -> bytes:
    """At most `limit` bytes of a stream; more is an upload over the limit."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise PlancheckError("web.too_large", limit_mb=limit // 1048576)
    return data
