"""The Starlette application behind `plancheck serve`.

GET /                      the upload form (parent file or bundled parent ruleset, draft, waivers)
POST /check                runs the check, then redirects to the result page (303)
GET /result/{token}        the interactive report: the HTML report's body with downloads and waivers
GET /result/{token}/{name} draft.docx (批注), feedback.docx / .xlsx (意见反馈表), report.json, report.html
POST /api/check            multipart parent|ruleset, draft, waivers; ?lang=en; the CLI's JSON report

Everything is served from this package (templates/, static/): no CDN, works offline.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from engine import __version__
from engine.errors import PlancheckError
from engine.memo import memo
from engine.report.base import RenderContext
from engine.web.service import (
    DOWNLOADS,
    CheckService,
    Result,
    Upload,
    display_name,
    parent_rulesets,
    status_of,
)

HERE = Path(__file__).parent
MB = 1048576

# Words of the page itself (findings and report headings come from the report's own labels).
UI: dict[str, dict[str, str]] = {
    "zh": {
        "title": "plancheck · 方案对照检查",
        "lead": "对照上级方案检查下级方案（征求意见稿），列出每一处需要修改的地方。文件只在本机处理，检查完即删除。",
        "parent": "上级方案",
        "parent_file": "点击选择或拖入上级方案文件",
        "draft_file": "点击选择或拖入征求意见稿",
        "waivers_file": "点击选择或拖入豁免清单",
        "parent_or": "或选用已整理的上级义务规则集",
        "parent_none": "（不选用）",
        "draft": "下级方案（征求意见稿）",
        "waivers": "豁免清单（可选，YAML）",
        "author": "反馈单位（可选，写入批注和意见反馈表）",
        "author_hint": "如：城中区司法局",
        "formats": "支持 .docx、.txt、.pdf（有文字层）、.html、.xlsx（任务分解表）；可把文件拖到框里",
        "submit": "检查",
        "checking": "正在检查……",
        "error": "无法检查",
        "new": "新的检查",
        "downloads": "下载",
        "dl_docx": "带批注的下级方案（.docx）",
        "dl_feedback": "意见反馈表（.docx）",
        "dl_xlsx": "意见反馈表（.xlsx）",
        "dl_json": "JSON 报告",
        "dl_html": "HTML 报告（单个文件）",
        "accept": "按原样接受",
        "accept_title": "记为豁免：不修改，并写明理由",
        "reason": "理由",
        "approver": "批准人",
        "expires": "有效期至",
        "save": "记下",
        "cancel": "取消",
        "waivers_out": "已记下的豁免",
        "waivers_dl": "下载豁免清单（YAML，供 --waivers 使用）",
        "waivers_none": "尚未记下豁免。在问题卡片上点“按原样接受”。",
        "accepted": "已记为豁免",
        "api": "接口：POST /api/check（multipart：parent、draft、waivers）返回与命令行相同的 JSON 报告。",
        "lang_other": "English",
    },
    "en": {
        "title": "plancheck · check a draft plan",
        "lead": "Check a draft plan against its parent plan and list everything to fix. Files are processed on this machine and deleted after the check.",
        "parent": "Parent plan",
        "parent_file": "Choose or drop the parent plan",
        "draft_file": "Choose or drop the draft",
        "waivers_file": "Choose or drop a waiver file",
        "parent_or": "or use a curated parent obligation ruleset",
        "parent_none": "(none)",
        "draft": "Draft plan",
        "waivers": "Waivers (optional, YAML)",
        "author": "Sender (optional: comment author and the feedback form's 反馈单位)",
        "author_hint": "e.g. the district justice bureau",
        "formats": ".docx, .txt, .pdf (with a text layer), .html, .xlsx (task lists); files can be dropped on the boxes",
        "submit": "Check",
        "checking": "Checking…",
        "error": "Cannot check",
        "new": "New check",
        "downloads": "Downloads",
        "dl_docx": "Draft with comments (.docx)",
        "dl_feedback": "Feedback form (.docx)",
        "dl_xlsx": "Feedback form (.xlsx)",
        "dl_json": "JSON report",
        "dl_html": "HTML report (one file)",
        "accept": "Accept as is",
        "accept_title": "Record a waiver: no change, with a reason",
        "reason": "Reason",
        "approver": "Approver",
        "expires": "Expires",
        "save": "Record",
        "cancel": "Cancel",
        "waivers_out": "Recorded waivers",
        "waivers_dl": "Download the waivers (YAML for --waivers)",
        "waivers_none": "No waivers yet. Press “Accept as is” on a finding.",
        "accepted": "Recorded as waived",
        "api": "API: POST /api/check (multipart: parent, draft, waivers) returns the CLI's JSON report.",
        "lang_other": "中文",
    },
}


def _lang(request: Request) -> str:
    return "en" if request.query_params.get("lang") == "en" else "zh"


class LimitUploads:
    """413 for a request body over the limit (by Content-Length before reading, else while reading);
    408 for a body that stalls `idle` seconds or is not complete after `deadline` seconds, so a slow
    client holds one connection for a bounded time and never a check (checks start after the upload)."""

    service: CheckService

    def __init__(self, app: ASGIApp, max_bytes: int, idle: float = 30.0, deadline: float = 300.0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.idle = idle
        self.deadline = deadline

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            await self._refuse(scope, send)
            return
        seen = 0
        started = False
        complete = False
        loop = asyncio.get_running_loop()
        until = loop.time() + self.deadline

        async def counting_receive() -> Message:
            nonlocal seen, complete
            if complete:
                return await receive()  # after the body: only a disconnect can come
            left = until - loop.time()
            try:
                msg = await asyncio.wait_for(receive(), timeout=max(min(self.idle, left), 0.001))
            except asyncio.TimeoutError:  # say which bound it was: a stall, or the whole upload too slow
                seconds = self.deadline if left <= self.idle else self.idle
                raise PlancheckError("web.slow_upload", seconds=max(int(seconds), 1)) from None
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                complete = not msg.get("more_body", False)
                if seen > self.max_bytes:
                    raise PlancheckError("web.too_large", limit_mb=self.max_bytes // MB)
            return msg

        async def tracking_send(msg: Message) -> None:
            nonlocal started
            started = started or msg["type"] == "http.response.start"
            await send(msg)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except PlancheckError as err:  # raised while reading, outside a route's handlers
            if not started:
                await _error_response(Request(scope), err)(scope, _no_body, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        request = Request(scope)
        err = PlancheckError("web.too_large", limit_mb=self.max_bytes // MB)
        await _error_response(request, err)(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error_response(request: Request, err: PlancheckError) -> Response:
    lang = _lang(request)
    status = status_of(err)
    headers = {"Retry-After": str(err.fields.get("seconds", 5))} if status == 503 else None
    if _wants_json(request):
        body = {"error": {"code": err.code, "message": err.render(lang)}}
        return JSONResponse(body, status_code=status, headers=headers)
    page = _templates().get_template("index.html").render(
        **_page_vars(lang), error=err.render(lang), rulesets=parent_rulesets()
    )
    return HTMLResponse(page, status_code=status, headers=headers)


@memo(1, copy="shared")  # one Environment per process (jinja2 environments are safe to share)
def _templates() -> Environment:
    """The package's templates, every value escaped unless marked safe (the report body is)."""
    return Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _page_vars(lang: str) -> dict[str, Any]:
    return {"ui": UI[lang], "lang": lang, "version": __version__, "other_lang": "zh" if lang == "en" else "en"}


async def _upload(form: Any, field: str, fallback: str, limit: int) -> Upload | None:
    value = form.get(field)
    if not isinstance(value, UploadFile) or not (value.filename or value.size):
        return None
    data = await value.read(limit + 1)
    if len(data) > limit:
        raise PlancheckError("web.too_large", limit_mb=limit // MB)
    return Upload(display_name(value.filename, fallback), data)


def create_app(
    *,
    max_upload_mb: int = 20,
    max_queue: int = 16,
    workers: int = 0,
    timeout: float = 60.0,
    memory_mb: int = 2048,
    upload_idle: float = 30.0,
    upload_deadline: float = 300.0,
) -> LimitUploads:
    """The ASGI app: `uvicorn` runs it for `plancheck serve`, tests call it in-process.

    workers=0 checks in this process (one at a time); `plancheck serve` uses worker processes.
    """
    service = CheckService(max_queue=max_queue, workers=workers, timeout=timeout, memory_mb=memory_mb)
    limit = max_upload_mb * MB

    async def run_form(request: Request) -> Result:
        try:
            async with request.form(max_files=4, max_fields=16) as form:
                draft = await _upload(form, "draft", "draft", limit)
                parent = await _upload(form, "parent", "parent", limit)
                waivers = await _upload(form, "waivers", "waivers.yaml", limit)
                ruleset = str(form.get("ruleset") or "").strip() or None
                author = display_name(str(form.get("author") or ""), "")[:60]
        except PlancheckError:
            raise
        except Exception as exc:  # multipart syntax, too many parts: the request, not a bug
            raise PlancheckError("web.bad_form", reason=str(exc) or type(exc).__name__) from None
        if draft is None:
            raise PlancheckError("web.no_draft")
        if parent is not None:
            ruleset = None  # a file given wins over the list's default
        return await run_in_threadpool(
            service.check, draft, parent=parent, ruleset=ruleset, waivers=waivers, lang=_lang(request), author=author
        )

    async def index(request: Request) -> Response:
        lang = _lang(request)
        page = _templates().get_template("index.html").render(**_page_vars(lang), rulesets=parent_rulesets())
        return HTMLResponse(page)

    async def check(request: Request) -> Response:
        result = await run_form(request)
        suffix = "?lang=en" if result.lang == "en" else ""
        return RedirectResponse(f"/result/{result.token}{suffix}", status_code=303)

    async def api_check(request: Request) -> Response:
        result = await run_form(request)
        data = await run_in_threadpool(service.render, result, "json")
        return Response(data, media_type="application/json")

    async def result_page(request: Request) -> Response:
        from engine.report import html

        result = service.result(request.path_params["token"])
        lang = result.lang  # the findings were written in the language of the check
        ctx = RenderContext.of_run(result.run, "", lang, None)
        page = _templates().get_template("result.html").render(
            **_page_vars(lang),
            token=result.token,
            report_title=html.page_title(ctx),
            report_css=Markup(html.CSS),
            report_body=Markup(html.body(ctx)),
            report_js=Markup(html.JS),
            summary=result.run.report.summary,
            draft_name=result.draft.name,
            parent_name=result.parent_name,
            stem=Path(result.draft.name).stem or "draft",
        )
        return HTMLResponse(page)

    async def download(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in DOWNLOADS:
            return Response(status_code=404)
        result = service.result(request.path_params["token"])
        fmt, output, media = DOWNLOADS[name]
        data = await run_in_threadpool(service.render, result, fmt, output)
        stem = Path(result.draft.name).stem or "draft"
        filename = f"{stem}-{name}"
        headers = {"Content-Disposition": f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(filename)}"}
        return Response(data, media_type=media, headers=headers)

    async def on_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, PlancheckError):
            return _error_response(request, exc)
        return _error_response(request, PlancheckError("internal", reason=type(exc).__name__))

    async def health(request: Request) -> Response:
        return JSONResponse({"ok": True, "version": __version__})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        service.close()

    app = Starlette(
        lifespan=lifespan,
        routes=[
            Route("/", index),
            Route("/check", check, methods=["POST"]),
            Route("/api/check", api_check, methods=["POST"]),
            Route("/result/{token}", result_page),
            Route("/result/{token}/{name}", download),
            Route("/health", health),
            Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
        ],
        exception_handlers={PlancheckError: on_error, Exception: on_error},
    )
    wrapped = LimitUploads(app, limit, idle=upload_idle, deadline=upload_deadline)
    wrapped.service = service  # for tests and benchmarks
    return wrapped

