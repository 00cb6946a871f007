"""`plancheck serve`: the web page and API on a local port (engine/web/)."""

from __future__ import annotations

import ipaddress

import click

from engine.cli_support import common_options
from engine.errors import PlancheckError
from engine.outputs import echo


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _can_listen(host: str, port: int) -> None:
    """A taken port or a wrong address is the user's message, before any worker starts."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(infos[0][4])
    except OSError as exc:
        raise PlancheckError("web.cannot_listen", host=host, port=port, reason=exc.strerror or str(exc)) from None


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址；0.0.0.0 供局域网使用（无登录）/ address to listen on; 0.0.0.0 for an intranet (no login)")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="端口 / port")
@click.option("--max-upload-mb", default=20, show_default=True, type=click.IntRange(1, 1024), help="单次上传上限（MB）/ upload limit per request (MB)")
@click.option("--max-queue", default=16, show_default=True, type=click.IntRange(1, 1000), help="同时排队的检查数上限，超出回答 503 / checks waiting or running at once; more get 503")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="检查进程数 / worker processes that run checks")
@click.option("--timeout", default=60, show_default=True, type=click.IntRange(5, 3600), help="单次检查的时间上限（秒），超时停止并回答 422 / seconds a check may take before it is stopped (422)")
@click.option("--memory-mb", default=2048, show_default=True, type=click.IntRange(256, 65536), help="每个检查进程的内存上限（MB）/ memory bound of each worker process (MB)")
@click.option("--max-per-client", default=16, show_default=True, type=click.IntRange(0, 10000), help="同一客户端地址同时保持的连接数上限，超出回答 503；经反向代理访问时调大或设为 0（不限）/ connections one client address may hold at once, more get 503; behind a reverse proxy raise it or use 0 (no bound)")
@common_options
def serve(
    host: str, port: int, max_upload_mb: int, max_queue: int, workers: int, timeout: int, memory_mb: int,
    max_per_client: int, lang: str,
) -> None:
    """启动网页：上传上级方案与征求意见稿即可检查。Start the web page (and POST /api/check)."""
    try:
        import uvicorn

        from engine.web.app import create_app
        from engine.web.protocol import HeadDeadlineProtocol
    except ImportError as exc:  # the web dependencies are in pyproject.toml; a partial install lacks them
        raise PlancheckError("internal", reason=f"{exc}") from None
    _can_listen(host, port)
    url_host = f"[{host}]" if ":" in host else host
    zh = lang == "zh"
    if not _loopback(host):
        echo(
            f"注意：网页在 {host}:{port} 上对网络开放，没有登录和权限控制，只应在单位内网使用。"
            if zh
            else f"warning: the page is open to the network on {host}:{port} with no login: use it on an office intranet only.",
            err=True,
        )
    echo(
        f"plancheck 网页：http://{url_host}:{port}/ （按 Ctrl+C 停止）"
        if zh
        else f"plancheck web page: http://{url_host}:{port}/ (Ctrl+C to stop)",
        err=True,
    )
    app = create_app(
        max_upload_mb=max_upload_mb, max_queue=max_queue, workers=workers, timeout=timeout, memory_mb=memory_mb
    )
    # limit_concurrency: connections beyond it get 503 from uvicorn before any work is done;
    # HeadDeadlineProtocol: a connection that does not finish its request head in 10 s is closed (408),
    # and one client address holds at most --max-per-client connections (more: 503)

    class Protocol(HeadDeadlineProtocol):
        per_client = max_per_client

    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        timeout_keep_alive=5,
        limit_concurrency=max_queue + 48,
        http=Protocol,
    )
