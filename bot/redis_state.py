"""State shared by every replica of one bot, in Redis (``QABOT_REDIS_URL``).

    link = RedisLink(url, timeout=2.0)
    state = RedisState(link, prefix, 20, 300, snapshot_channel("qabot"))   # a ChatState
    budget = SendBudget(link, prefix, rate=30)     # the bot's outgoing messages, all replicas
    await budget.wait()                            # before each message: its turn
    publish_snapshot(url, channel, "20261204-...", 2.0)  # `qabot index`: replicas look again

What lives there, under ``{prefix}:`` (``prefix``: ``qabot:<bot id>``, so bots can share a
server):
- ``turn:<chat>``: the chat's last question, expiring after ``QABOT_FOLLOWUP_SECONDS``;
- ``answer:<chat>:<message>``: the question the bot's message answered, expiring likewise;
- ``asked:<user>``: a sorted set of the user's questions in the last minute (the rate limit,
  checked and counted in one Lua script by Redis's own clock, which every replica shares);
- ``notice:<user>``: a "slow down" or refusal was sent this minute (SET NX PX);
- ``update:<id>``: the update was taken in (SET NX PX ``UPDATE_SECONDS``): a copy Telegram
  sends again, to any replica, is answered once;
- ``inline:<user>``: the id of the user's newest inline query (PX ``INLINE_SECONDS``): of the
  queries a client sends as its user types, spread over the replicas, only that one is answered;
- ``tap:<chat>:<message>:<data>``: a button was tapped (SET NX PX ``TAP_SECONDS``): a double
  tap on "Quote", reaching two replicas, posts the passage once;
- ``send``: the next free moment of the bot's send budget (one Lua script, GCRA: each message
  reserves a slot ``SEND_MARGIN/rate`` seconds after the last, so all replicas together send
  at most ``rate`` a second, and never a burst);
- channel ``{QABOT_REDIS_PREFIX}:snapshots`` (not the bot's: `qabot index` needs no token):
  `qabot index` publishes the name of each snapshot it saves; every replica then looks at its
  index folder at once instead of at its next poll.

When Redis fails (``RedisLink``) each call falls back to this process's own state: no
follow-up context, its own rate limits and duplicate check, the local send limiter only.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import Awaitable, Callable

import structlog
from redis import Redis as SyncRedis
from redis.asyncio import Redis

from .config import Settings
from .redislink import FAILURES, RedisLink, where
from .state import INLINE_SECONDS, RATE_WINDOW, TAP_SECONDS, ChatState, MemoryState

log = structlog.get_logger()

UPDATE_SECONDS = 3600  # an update id is remembered this long (Telegram redelivers within it)
# The send budget spaces messages this much wider than 1/rate: what arrives at Telegram is
# spaced by the network's jitter too, and the margin keeps any one second within the rate.
SEND_MARGIN = 1.10
NOTICE_POLL = 1.0  # seconds the notice listener waits for a message before looking again

# KEYS[1]: the user's sorted set; ARGV: limit, window (s), a unique member. 1: counted, 0: over.
RATE_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
  return 0
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], math.ceil(window * 1000))
return 1
"""
# KEYS[1]: the budget's next free moment (µs, Redis's clock); ARGV[1]: µs between messages.
# Reserves the next slot; returns the µs to wait for it (0: send now).
SEND_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
if free < now then free = now end
redis.call('SET', KEYS[1], string.format('%.0f', free + interval),
           'PX', math.ceil((free + interval - now) / 1000) + 1000)
return free - now
"""


def key_prefix(prefix: str, bot_token: str) -> str:
    """``{prefix}:{bot id}``: the bot id is the token's public part, before the colon."""
    return f"{prefix}:{bot_token.split(':', 1)[0]}"


def snapshot_channel(prefix: str) -> str:
    """The channel `qabot index` announces snapshots on (``QABOT_REDIS_PREFIX`` alone)."""
    return f"{prefix}:snapshots"


def shared(settings: Settings) -> tuple[ChatState, SendBudget | None]:
    """The state the settings ask for: in Redis (and the shared send budget, when the send
    limiter is on) with ``QABOT_REDIS_URL``, else in this process (and no shared budget)."""
    if settings.redis_url is None:
        return MemoryState(settings.rate_limit, settings.followup_seconds), None
    link = RedisLink(settings.redis_url.get_secret_value(), settings.redis_timeout)
    prefix = key_prefix(settings.redis_prefix, settings.bot_token())
    state = RedisState(link, prefix, settings.rate_limit, settings.followup_seconds,
                       snapshot_channel(settings.redis_prefix))
    budget = SendBudget(link, prefix, settings.send_rate) if settings.send_rate > 0 else None
    return state, budget


class RedisState:
    """``ChatState`` in Redis, falling back to this process's own state while Redis is down."""

    def __init__(self, link: RedisLink, prefix: str, rate_limit: int,
                 followup_seconds: float, channel: str, window: float = RATE_WINDOW) -> None:
        self.link = link
        self.window = window  # seconds a rate limit and a notice count over
        self.prefix = prefix
        self.channel = channel
        self.rate_limit = rate_limit
        self.followup_seconds = followup_seconds
        self.local = MemoryState(rate_limit, followup_seconds=0)  # no follow-ups while down
        self._rate = link.client.register_script(RATE_SCRIPT)
        self._listener: asyncio.Task[None] | None = None

    async def previous_question(self, chat_id: int, now: float) -> str | None:
        if self.followup_seconds <= 0:
            return None
        return await self._get(f"{self.prefix}:turn:{chat_id}")

    async def remember_question(self, chat_id: int, question: str, now: float) -> None:
        await self._set(f"{self.prefix}:turn:{chat_id}", question)

    async def answered_question(self, chat_id: int, message_id: int, now: float) -> str | None:
        if self.followup_seconds <= 0:
            return None
        return await self._get(f"{self.prefix}:answer:{chat_id}:{message_id}")

    async def remember_answer(self, chat_id: int, message_id: int, question: str,
                              now: float) -> None:
        await self._set(f"{self.prefix}:answer:{chat_id}:{message_id}", question)

    async def _get(self, key: str) -> str | None:
        async def value(r: Redis) -> str | None:
            found = await r.get(key)
            return found if isinstance(found, str) else None

        return await self.link.run(value, _none)

    async def _set(self, key: str, question: str) -> None:
        """``key`` set to ``question`` for ``QABOT_FOLLOWUP_SECONDS`` (nothing when off)."""
        if self.followup_seconds <= 0:
            return
        ms = max(1, round(self.followup_seconds * 1000))
        await self.link.run(lambda r: r.set(key, question, px=ms), _none)

    async def take_question(self, user_id: int, now: float) -> bool:
        if self.rate_limit <= 0:
            return True
        key = f"{self.prefix}:asked:{user_id}"
        args: list[str | int | float] = [self.rate_limit, self.window, uuid.uuid4().hex]

        async def counted(r: Redis) -> bool:
            return bool(await self._rate(keys=[key], args=args))

        return await self.link.run(counted, lambda: self.local.take_question(user_id, now))

    async def take_notice(self, user_id: int, now: float) -> bool:
        return await self._first(f"notice:{user_id}", self.window,
                                 lambda: self.local.take_notice(user_id, now))

    async def first_delivery(self, update_id: int) -> bool:
        return await self._first(f"update:{update_id}", UPDATE_SECONDS,
                                 lambda: self.local.first_delivery(update_id))

    async def first_tap(self, chat_id: int, message_id: int, data: str, now: float) -> bool:
        return await self._first(f"tap:{chat_id}:{message_id}:{data}", TAP_SECONDS,
                                 lambda: self.local.first_tap(chat_id, message_id, data, now))

    async def note_inline(self, user_id: int, query_id: str, now: float) -> None:
        key, ms = f"{self.prefix}:inline:{user_id}", round(INLINE_SECONDS * 1000)
        await self.local.note_inline(user_id, query_id, now)  # for a GET that finds Redis gone
        await self.link.run(lambda r: r.set(key, query_id, px=ms), _none)

    async def newest_inline(self, user_id: int, now: float) -> str | None:
        found = await self._get(f"{self.prefix}:inline:{user_id}")
        return found if found is not None else await self.local.newest_inline(user_id, now)

    async def _first(self, name: str, seconds: float,
                     fallback: Callable[[], Awaitable[bool]]) -> bool:
        """Whether key ``name`` was not set, setting it for ``seconds`` (SET NX PX) either way;
        ``fallback()`` while Redis is away."""
        key, ms = f"{self.prefix}:{name}", round(seconds * 1000)

        async def first(r: Redis) -> bool:
            return bool(await r.set(key, 1, nx=True, px=ms))

        return await self.link.run(first, fallback)

    def status(self) -> str:
        return f"redis {self.link.where}: {self.link.status()}"

    async def start(self, on_snapshot: Callable[[], None]) -> None:
        """Listen for snapshot notices (and try Redis once, so an outage is known at once)."""
        await self.link.run(lambda r: r.ping(), _none)
        self._listener = asyncio.create_task(self._listen(on_snapshot))

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
            self._listener = None
        await self.link.close()

    async def _listen(self, on_snapshot: Callable[[], None]) -> None:
        """Until cancelled: subscribed to the snapshot channel, ``on_snapshot()`` per notice;
        after an outage, subscribed again and ``on_snapshot()`` once (one may have been
        missed)."""
        while True:
            pubsub = self.link.client.pubsub(ignore_subscribe_messages=True)
            started = time.monotonic()
            try:
                await pubsub.subscribe(self.channel)
                self.link.succeeded(started)
                on_snapshot()
                while True:
                    message = await pubsub.get_message(timeout=NOTICE_POLL)
                    if message is not None and message.get("type") == "message":
                        log.info("snapshot_notice", snapshot=message.get("data"))
                        on_snapshot()
            except FAILURES as exc:
                self.link.failed(exc)
            finally:
                with contextlib.suppress(*FAILURES):
                    await pubsub.aclose()
            await asyncio.sleep(max(self.link.retry_in(), self.link.backoff_first))


async def _none() -> None:
    return None


class SendBudget:
    """The bot's outgoing messages, shared by every replica: at most ``rate`` a second in all
    (``wait`` before each message). While Redis is down, ``wait`` returns at once and the local
    limiter (``QABOT_SEND_RATE`` in this process) is all there is."""

    def __init__(self, link: RedisLink, prefix: str, rate: float) -> None:
        self.link = link
        self.key = f"{prefix}:send"
        self.interval_us = round(1_000_000 / rate * SEND_MARGIN)
        self._reserve = link.client.register_script(SEND_SCRIPT)

    async def wait(self) -> None:
        async def reserve(r: Redis) -> int:
            return int(await self._reserve(keys=[self.key], args=[self.interval_us]))

        wait_us = await self.link.run(reserve, _zero)
        if wait_us > 0:
            await asyncio.sleep(wait_us / 1_000_000)


async def _zero() -> int:
    return 0


def publish_snapshot(url: str, channel: str, snapshot: str, timeout: float) -> bool:
    """Tell every running replica that ``snapshot`` was saved (``qabot index``); whether the
    notice went out. A failure is logged, not raised: the replicas' own polls still find it."""
    client = SyncRedis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
    try:
        listeners = client.publish(channel, snapshot)
    except FAILURES as exc:
        log.warning("snapshot_notice_failed", redis=where(url), error=type(exc).__name__,
                    hint="running bots still take the snapshot up at their next look "
                    "(QABOT_RELOAD_SECONDS)")
        return False
    finally:
        client.close()
    log.info("snapshot_published", snapshot=snapshot, replicas_told=listeners)
    return True
