"""uvicorn's HTTP/1.1 protocol with a deadline for the request head (slow-header clients).

uvicorn times out an idle keep-alive connection, but not one that sends part of a request head and then
trickles it or waits: such a connection is held for ever, and enough of them reach uvicorn's connection
limit, after which every new request gets 503 (measured: 70 half-sent heads kept `plancheck serve`
answering 503 until they were closed). Here each connection must deliver a complete request head within
`head_seconds` of connecting or of its previous response; otherwise it gets 408 and is closed. The body
is bounded separately, by `LimitUploads` in app.py (idle and total upload time).

One client address may also hold at most `per_client` connections at once (`plancheck serve
--max-per-client`): without it, one machine trickling uploads (each may take up to the upload deadline)
could fill uvicorn's whole connection limit and lock every colleague out. A further connection from
that address is answered 503 at once and closed; other addresses are served as before.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import ClassVar

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEAD_SECONDS = 10.0
_TIMEOUT_ANSWER = b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
_BUSY_TEXT = "本机连接过多，请稍后再试 / too many connections from this client\n".encode()
_BUSY_ANSWER = (
    b"HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 5\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s" % (len(_BUSY_TEXT), _BUSY_TEXT)
)


class HeadDeadlineProtocol(H11Protocol):
    """H11Protocol whose connections are closed when a request head is not complete in time."""

    head_seconds: float = HEAD_SECONDS
    per_client: int = 0  # connections one client address may hold at once; 0: no bound
    # open connections by client address; one server (one event loop) per process uses this class
    _open: ClassVar[Counter[str]] = Counter()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        peer = transport.get_extra_info("peername")
        self._peer = peer[0] if isinstance(peer, tuple) and peer else None
        if self._peer is not None and self.per_client:
            if self._open[self._peer] >= self.per_client:
                # not counted; answered 503 when its request arrives (closing before that would make the
                # client's request bytes meet a closed socket, and the answer be lost in a reset)
                self._peer = None
                self._busy = True
                self._head_timer = self.loop.call_later(self.head_seconds, transport.close)
                return
            self._open[self._peer] += 1
        self._arm_head_deadline()

    def data_received(self, data: bytes) -> None:
        if getattr(self, "_busy", False):
            if not self.transport.is_closing():
                self.transport.write(_BUSY_ANSWER)
                self.transport.close()
            return
        super().data_received(data)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_head_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        timer = getattr(self, "_head_timer", None)
        if timer is not None:
            timer.cancel()
        peer = getattr(self, "_peer", None)
        if peer is not None and self.per_client:
            self._peer = None
            self._open[peer] -= 1
            if self._open[peer] <= 0:
                del self._open[peer]
        super().connection_lost(exc)

    def _arm_head_deadline(self) -> None:
        timer = getattr(self, "_head_timer", None)
        if timer is not None:
            timer.cancel()
        if self.transport.is_closing():
            return
        waiting_for = self.cycle  # a new request replaces the cycle: its head has arrived
        self._head_timer = self.loop.call_later(self.head_seconds, self._head_deadline, waiting_for)

    def _head_deadline(self, waiting_for: object) -> None:
        if self.transport.is_closing() or self.cycle is not waiting_for:
            return
        if self.conn.their_state not in (h11.IDLE, h11.DONE):
            return  # a request is under way: its body is LimitUploads' to bound
        self.transport.write(_TIMEOUT_ANSWER)
        self.transport.close()
