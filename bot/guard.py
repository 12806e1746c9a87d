"""Connection limits for the webhook server: a request's head is bounded in size and in time.

uvicorn's httptools protocol has no bound on a request's header size (a 256 MiB header took 88
s and 675 MiB) and no time limit on reading it (a connection that sends nothing, or one header
byte a second, stays open for ever). ``guarded`` subclasses it so that a connection must finish
each request head within ``head_seconds`` of opening (or of starting that request) and within
``max_head_bytes``; past either, it is answered 431 or 408 and closed, with one log line. The
body has its own bounds in the app (``webapp.read_body``: size and time); idle keep-alive
connections and the number of connections are uvicorn's own settings (``webhook.py``).
"""

from __future__ import annotations

import asyncio

import structlog
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = structlog.get_logger()

MAX_HEAD_BYTES = 64 * 1024  # Telegram's request heads are a few hundred bytes


def _response(status: str, text: str) -> bytes:
    body = text.encode()
    return (f"HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Connection: close\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body


TOO_LARGE = _response("431 Request Header Fields Too Large", "The request's head is too large.\n")
TOO_SLOW = _response("408 Request Timeout", "The request's head came too slowly.\n")


def guarded(max_head_bytes: int, head_seconds: float) -> type[HttpToolsProtocol]:
    """uvicorn's httptools protocol, with a request head bounded in bytes and in seconds."""

    class Guarded(HttpToolsProtocol):
        _head_bytes = 0
        _reading_head = False
        _head_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._start_head()

        def on_message_begin(self) -> None:
            super().on_message_begin()
            if not self._reading_head:  # the next request on a kept-alive connection
                self._start_head()

        def data_received(self, data: bytes) -> None:
            if self._reading_head:
                self._head_bytes += len(data)
                if self._head_bytes - len(data) > max_head_bytes:
                    self._refuse(TOO_LARGE, "too_large")
                    return
            super().data_received(data)
            if self._reading_head and self._head_bytes > max_head_bytes:
                self._refuse(TOO_LARGE, "too_large")

        def on_headers_complete(self) -> None:
            self._reading_head = False
            self._stop_timer()
            super().on_headers_complete()

        def connection_lost(self, exc: Exception | None) -> None:
            self._stop_timer()
            super().connection_lost(exc)

        def _start_head(self) -> None:
            self._reading_head, self._head_bytes = True, 0
            self._stop_timer()
            self._head_timer = self.loop.call_later(head_seconds, self._refuse, TOO_SLOW,
                                                    "too_slow")

        def _stop_timer(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _refuse(self, response: bytes, why: str) -> None:
            self._stop_timer()
            self._reading_head = False
            if not self.transport.is_closing():
                log.warning("http_head_refused", why=why, client=self.client and self.client[0])
                self.transport.write(response)
                self.transport.close()

    return Guarded


__all__ = ["MAX_HEAD_BYTES", "guarded"]
