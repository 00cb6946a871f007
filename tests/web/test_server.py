"""`plancheck serve`'s app behind a real uvicorn on loopback: what a client on the network meets."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

try:  # starlette 1.x's test client uses httpx2; the API is httpx's
    import httpx2 as httpx
except ImportError:  # pragma: no cover - an older environment with httpx
    import httpx
import pytest

from engine.web.app import create_app
from engine.web.protocol import HeadDeadlineProtocol

from .conftest import DRAFT, PARENT, comparable

HEAD_SECONDS = 1.0  # the server's deadline for a request head (plancheck serve: 10 s)
UPLOAD_DEADLINE = 3.0  # and for a whole upload (plancheck serve: 300 s)
CONNECTIONS = 12  # uvicorn's limit_concurrency (plancheck serve: --max-queue + 48)


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, int]]:
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    class QuickHead(HeadDeadlineProtocol):
        head_seconds = HEAD_SECONDS

    config = uvicorn.Config(
        create_app(upload_idle=0.5, upload_deadline=UPLOAD_DEADLINE),
        log_level="warning",
        limit_concurrency=CONNECTIONS,
        http=QuickHead,
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield "127.0.0.1", port
    srv.should_exit = True
    thread.join(10)
    sock.close()


def _raw(addr: tuple[str, int], head: bytes, body: bytes = b"", pause: float = 0.0) -> bytes:
    with socket.create_connection(addr, timeout=10) as s:
        s.sendall(head + body)
        time.sleep(pause)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


def _healthy(addr: tuple[str, int]) -> bool:
    return httpx.get(f"http://{addr[0]}:{addr[1]}/health").status_code == 200


def test_a_60_mb_upload_is_refused_before_it_is_read(server):
    head = (
        b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
        b"Content-Length: 62914560\r\nConnection: close\r\n\r\n"
    )
    answer = _raw(server, head, b"--b\r\n")
    assert answer.startswith(b"HTTP/1.1 413")
    assert "太大".encode() in answer
    assert _healthy(server)


def test_a_stalled_upload_is_dropped_and_the_server_goes_on(server):
    head = (
        b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
        b"Content-Length: 5000\r\nConnection: close\r\n\r\n"
    )
    started = time.monotonic()
    answer = _raw(server, head, b"--b\r\nContent-Disposition: form-data; name=\"draft\"; filename=\"d.txt\"\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert time.monotonic() - started < 5
    assert _healthy(server)


def test_half_sent_heads_cannot_hold_the_server(server):
    """Slow-header clients (slowloris): more half-sent request heads than the connection limit, one
    trickling a byte at a time. Each is closed at the head deadline and the server answers again."""
    socks = []
    try:
        for _ in range(CONNECTIONS + 4):
            s = socket.create_connection(server, timeout=10)
            s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
            socks.append(s)
        trickler = socks[0]
        started = time.monotonic()
        closed_at = None
        trickler.settimeout(0.2)
        while time.monotonic() - started < HEAD_SECONDS + 5:
            try:
                trickler.sendall(b"X")
                chunk = trickler.recv(1024)
            except TimeoutError:
                continue
            except OSError:
                chunk = b""
            closed_at = time.monotonic() - started
            assert not chunk or chunk.startswith(b"HTTP/1.1 408")
            break
        assert closed_at is not None and closed_at < HEAD_SECONDS + 2
        time.sleep(0.5)
        assert _healthy(server)
        for s in socks[1:]:  # every other half-sent head was answered 408 (or 503 at the limit) and closed
            s.settimeout(2)
            got = b"".join(iter(lambda s=s: s.recv(1024), b""))  # a timeout here: still held open
            assert got.startswith((b"HTTP/1.1 408", b"HTTP/1.1 503")), got[:100]
    finally:
        for s in socks:
            s.close()


def test_a_binary_file_is_a_4xx_and_the_server_goes_on(server):
    url = f"http://{server[0]}:{server[1]}/api/check"
    r = httpx.post(url, files={"parent": ("p.txt", PARENT.read_bytes()), "draft": ("a.bin", bytes(range(256)) * 4000)})
    assert 400 <= r.status_code < 500 and r.json()["error"]["message"]
    assert _healthy(server)


def test_eight_parallel_checks_answer_the_same(server):
    url = f"http://{server[0]}:{server[1]}/api/check"

    def one(i: int) -> str:
        r = httpx.post(
            url,
            files={"parent": ("p.txt", PARENT.read_bytes()), "draft": (f"d{i}.txt", DRAFT.read_bytes())},
            timeout=120,
        )
        assert r.status_code == 200, r.text
        return json.dumps(comparable(r.json()), sort_keys=True)

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(one, range(8)))
    assert len(set(answers)) == 1 and json.loads(answers[0])["findings"]


def test_plancheck_serve_as_the_readme_says(tmp_path):
    import sys
    from pathlib import Path

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).with_name("plancheck")
    with open(tmp_path / "stderr.txt", "w+b") as err:
        _serve_and_check(exe, port, err)
        err.seek(0)
        said = err.read().decode("utf-8")
    assert "没有登录" in said and f":{port}/" in said
    assert "Traceback" not in said


def _serve_and_check(exe, port: int, err) -> None:
    import subprocess

    proc = subprocess.Popen([str(exe), "serve", "--host", "0.0.0.0", "--port", str(port)], stderr=err)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        r = httpx.post(
            f"http://127.0.0.1:{port}/api/check",
            files={"parent": ("p.txt", PARENT.read_bytes()), "draft": ("d.txt", DRAFT.read_bytes())},
            timeout=120,
        )
        assert r.status_code == 200 and r.json()["findings"]  # through a worker process
    finally:
        proc.terminate()
        proc.wait(30)


def test_a_taken_port_is_a_message_not_a_traceback():
    from click.testing import CliRunner

    from engine.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert r.exit_code == 2 and f"127.0.0.1:{port}" in r.output and "--port" in r.output
    assert "Traceback" not in r.output


def test_one_client_cannot_take_every_connection():
    """--max-per-client: a client address holding its share of connections gets 503 for the next one at
    once, while another address (127.0.0.2 here) is still served; a closed connection frees a place."""
    import uvicorn

    class PerClient(HeadDeadlineProtocol):
        per_client = 3

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    addr = ("127.0.0.1", sock.getsockname()[1])
    srv = uvicorn.Server(uvicorn.Config(create_app(), log_level="warning", limit_concurrency=CONNECTIONS, http=PerClient))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    held = [socket.create_connection(addr, timeout=10) for _ in range(3)]
    try:
        for s in held:
            s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")  # a head under way: the place is taken
        time.sleep(0.3)
        refused = _raw(addr, b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert refused.startswith(b"HTTP/1.1 503") and "连接过多".encode() in refused, refused[:200]
        try:
            other = socket.create_connection(addr, timeout=10, source_address=("127.0.0.2", 0))
        except OSError:
            other = None  # a loopback without 127.0.0.2: the other-address half cannot be tried here
        if other is not None:
            with other:
                other.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                got = b"".join(iter(lambda: other.recv(65536), b""))
            assert got.startswith(b"HTTP/1.1 200"), got[:200]
        held.pop().close()
        time.sleep(0.3)
        again = _raw(addr, b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert again.startswith(b"HTTP/1.1 200"), again[:200]
    finally:
        for s in held:
            s.close()
        srv.should_exit = True
        thread.join(10)
        sock.close()
