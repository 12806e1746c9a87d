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
import resource
from collections.abc import Iterator
from contextlib import contextmanager

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


SPARE_FILES = 256  # files the process holds besides connections: the index's maps, clients, logs
ACCEPT_FAILED = "socket.accept() out of system resource"  # asyncio's words, on EMFILE & co.
ACCEPT_LOG_SECONDS = 60.0  # one accept_failed line per this long, however many failures


@contextmanager
def quiet_accept_failures(loop: asyncio.AbstractEventLoop) -> Iterator[None]:
    """While entered: at the open-files limit asyncio logs a traceback for every failed
    ``accept()`` (then pauses accepting for a second and tries again), so under a flood of
    connections the log fills with them. Make those one ``accept_failed`` warning a minute,
    counting the ones it stands for; every other loop error goes to the handler there was."""
    previous = loop.get_exception_handler()
    last = -ACCEPT_LOG_SECONDS
    unlogged = 0

    def handler(loop: asyncio.AbstractEventLoop, context: dict[str, object]) -> None:
        nonlocal last, unlogged
        if context.get("message") != ACCEPT_FAILED:
            if previous is None:
                loop.default_exception_handler(context)
            else:
                previous(loop, context)
            return
        unlogged += 1
        now = loop.time()
        if now - last >= ACCEPT_LOG_SECONDS:
            log.warning("accept_failed", error=str(context.get("exception")), failures=unlogged,
                        hint="too many connections for the open-files limit: raise it "
                        "(ulimit -n) or lower QABOT_WEBHOOK_MAX_CONNECTIONS")
            last, unlogged = now, 0

    loop.set_exception_handler(handler)
    try:
        yield
    finally:
        loop.set_exception_handler(previous)


def open_files_for(connections: int, spare: int = SPARE_FILES) -> int:
    """Raise this process's soft limit on open files toward its hard limit so that
    ``connections`` plus ``spare`` (the index's maps, the Bot API client, logs) fit; the soft
    limit now. (Many systems start processes at a soft limit of 1,024, below the 1,000
    connections the server serves by default plus what the process itself holds.)"""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = connections + spare
    if soft != resource.RLIM_INFINITY and soft < want:
        new = want if hard == resource.RLIM_INFINITY else min(want, hard)
        if new > soft:
            try:
                resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))
                soft = new
            except (ValueError, OSError):
                pass
    return soft
