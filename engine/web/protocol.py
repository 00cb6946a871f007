"""uvicorn's HTTP/1.1 protocol with a deadline for the request head (slow-header clients).

uvicorn times out an idle keep-alive connection, but not one that sends part of a request head and then
trickles it or waits: such a connection is held for ever, and enough of them reach uvicorn's connection
limit, after which every new request gets 503 (measured: 70 half-sent heads kept `plancheck serve`
answering 503 until they were closed). Here each connection must deliver a complete request head within
`head_seconds` of connecting or of its previous response; otherwise it gets 408 and is closed. The body
is bounded separately, by `LimitUploads` in app.py (idle and total upload time).
"""

from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEAD_SECONDS = 10.0
_TIMEOUT_ANSWER = b"HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"


class HeadDeadlineProtocol(H11Protocol):
    """H11Protocol whose connections are closed when a request head is not complete in time."""

    head_seconds: float = HEAD_SECONDS

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_head_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        timer = getattr(self, "_head_timer", None)
        if timer is not None:
            timer.cancel()
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
