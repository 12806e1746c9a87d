"""The connection to Redis, and what the bot does while Redis is away: it goes on without it.

    link = RedisLink(settings.redis_url.get_secret_value(), timeout=2.0)
    seen = await link.run(lambda r: r.set(key, 1, nx=True, ex=3600), local_fallback)
    link.status()        # "up", or "down for 12 s (...)" for /readyz
    await link.close()

Every Redis call goes through ``run(op, fallback)``: ``op(client)`` is awaited within
``timeout`` seconds; when it fails (Redis down, slow, refusing: any ``RedisError`` or socket
error) ``fallback()`` gives the answer instead, and Redis counts as down. While it is down,
calls go straight to their fallback, without waiting on the network; once a retry is due (after
``BACKOFF_FIRST`` seconds, then twice as long each time it fails again, up to ``BACKOFF_MAX``)
the call that finds it due is also sent to Redis in the background, its result unused, and
its success ends the outage. (The retry was that call's own: on a Redis that took connections
and never answered, the update it belonged to waited out the timeout at each retry.)
An outage is logged twice, whatever its length and however many calls it turned away:
``redis_unavailable`` (a warning) when it starts and ``redis_restored`` when a call gets
through again. The URL's password is never logged (``where``).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar
from urllib.parse import urlsplit

import structlog
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

log = structlog.get_logger()

T = TypeVar("T")
BACKOFF_FIRST = 0.5  # seconds to the first retry after Redis failed
BACKOFF_MAX = 15.0  # seconds between retries at most, however long the outage
# What a failing Redis raises: redis-py's own errors, and a socket's or a timeout's.
FAILURES = (RedisError, OSError, TimeoutError)


def where(url: str) -> str:
    """The URL without its user and password, to name the server in a log line."""
    parts = urlsplit(url)
    host = parts.hostname or parts.path or "?"
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path if parts.hostname else ''}"


class RedisLink:
    """A Redis client, and whether Redis is answering (see the module docstring)."""

    def __init__(self, url: str, timeout: float, *, backoff_first: float = BACKOFF_FIRST,
                 backoff_max: float = BACKOFF_MAX) -> None:
        self.where = where(url)
        self.timeout = timeout
        # No retries inside redis-py (its default retries a failed call three times with
        # backoff): a call fails at once, and this link decides when to try Redis again.
        self.client: Redis = Redis.from_url(
            url, socket_timeout=timeout, socket_connect_timeout=timeout,
            retry=Retry(NoBackoff(), 0), decode_responses=True,
            health_check_interval=30)
        self.backoff_first, self.backoff_max = backoff_first, backoff_max
        self._down_since: float | None = None
        self._retry_at = 0.0
        self._backoff = backoff_first
        self._probing = False
        self._probes: set[asyncio.Task[None]] = set()  # retries running in the background
        self._turned_away = 0  # calls answered by their fallback during this outage
        self._error = ""

    @property
    def up(self) -> bool:
        return self._down_since is None

    def status(self) -> str:
        """"up", or how long Redis has been down and why (for ``/readyz``)."""
        if self._down_since is None:
            return "up"
        return (f"down for {time.monotonic() - self._down_since:.0f} s ({self._error}); "
                "answering with this process's own state")

    def _retry_with(self, op: Callable[[Redis], Awaitable[object]]) -> None:
        """While Redis is down and a retry is due (one at a time): ``op`` in the background."""
        if self._probing or time.monotonic() < self._retry_at:
            return
        self._probing = True
        probe = asyncio.get_running_loop().create_task(self._retry(op))
        self._probes.add(probe)
        probe.add_done_callback(self._probes.discard)

    async def _retry(self, op: Callable[[Redis], Awaitable[object]]) -> None:
        started = time.monotonic()
        try:
            async with asyncio.timeout(self.timeout * 2):
                await op(self.client)
        except FAILURES as exc:
            self.failed(exc)
        else:
            self.succeeded(started)
        finally:
            self._probing = False

    async def run(self, op: Callable[[Redis], Awaitable[T]],
                  fallback: Callable[[], Awaitable[T]]) -> T:
        """``op(client)``, or ``fallback()`` when Redis is down or fails this call."""
        if self._down_since is not None:
            self._turned_away += 1
            self._retry_with(op)
            return await fallback()
        started = time.monotonic()
        try:
            async with asyncio.timeout(self.timeout * 2):  # connect, then one round trip
                result = await op(self.client)
        except FAILURES as exc:
            self.failed(exc)
            self._turned_away += 1
            return await fallback()
        self.succeeded(started)
        return result

    def failed(self, exc: BaseException) -> None:
        """Note a failed call: the outage starts (logged once) or its next retry is put off."""
        now = time.monotonic()
        if self._down_since is None:
            self._down_since, self._backoff, self._turned_away = now, self.backoff_first, 0
            self._error = type(exc).__name__
            log.warning("redis_unavailable", redis=self.where, error=self._error,
                        hint="answering without shared state (no follow-up context, this "
                        "process's own rate limits and duplicate check) until it is back")
        else:
            self._backoff = min(self._backoff * 2, self.backoff_max)
        self._retry_at = now + self._backoff

    def succeeded(self, started: float) -> None:
        """Note a call that got through, sent at ``started`` (``time.monotonic()``): it ends the
        outage only if it was sent after the outage began. A call sent before, whose answer was
        on its way when another call found Redis gone, says nothing of Redis now: taken as its
        return, it ended the outage the moment it began, and the next call began another (two
        "redis_unavailable" lines for one outage, on a loaded machine)."""
        if self._down_since is not None and started >= self._down_since:
            log.info("redis_restored", redis=self.where,
                     down_seconds=round(time.monotonic() - self._down_since, 1),
                     calls_answered_locally=self._turned_away)
            self._down_since = None

    def retry_in(self) -> float:
        """Seconds until the next retry is due (0 when Redis is up)."""
        return 0.0 if self._down_since is None else max(0.0, self._retry_at - time.monotonic())

    async def close(self) -> None:
        for probe in list(self._probes):
            probe.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await probe
        with contextlib.suppress(*FAILURES):
            await self.client.aclose()
