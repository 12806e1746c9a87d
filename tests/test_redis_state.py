"""``bot.redis_state`` and ``bot.redislink`` against a real ``redis-server`` on loopback: two
``RedisState`` objects stand for two replicas sharing one server; then Redis gone, slow, and
back."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator

import pytest
from structlog.testing import capture_logs

from bot.config import MAX_FOLLOWUP_SECONDS, Settings
from bot.redis_state import (
    SEND_MARGIN,
    RedisState,
    SendBudget,
    key_prefix,
    publish_snapshot,
    shared,
    snapshot_channel,
)
from bot.redislink import RedisLink, where
from bot.state import ChatState, MemoryState

from .redis_server import RedisServer, free_port, need_redis_server
from .telegram_harness import TOKEN


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """The Redis server `.ci/run` started (``QABOT_TEST_REDIS_URL``), else one of our own."""
    given = os.environ.get("QABOT_TEST_REDIS_URL")
    if given:
        yield given
        return
    with RedisServer() as server:
        yield server.url


_prefixes = iter(range(1_000_000))


@pytest.fixture
def prefix() -> str:
    """A key prefix no other test uses (the server may be shared by the whole run)."""
    return f"qabot-test-{os.getpid()}-{next(_prefixes)}"


def replica(url: str, prefix: str, *, rate_limit: int = 0, followup: float = 300,
            window: float = 60, timeout: float = 0.5) -> RedisState:
    return RedisState(RedisLink(url, timeout), prefix, rate_limit, followup,
                      snapshot_channel(prefix), window=window)


@pytest.fixture
async def two(redis_url: str, prefix: str) -> AsyncIterator[tuple[RedisState, RedisState]]:
    a, b = (replica(redis_url, prefix, rate_limit=3, followup=0.5, window=1.0) for _ in "ab")
    yield a, b
    await a.close()
    await b.close()


def test_a_redis_state_is_a_chat_state(redis_url: str, prefix: str) -> None:
    state: ChatState = replica(redis_url, prefix)
    assert state.status().startswith("redis redis://127.0.0.1:")


async def test_a_follow_up_is_known_to_every_replica_until_it_expires(
        two: tuple[RedisState, RedisState]) -> None:
    a, b = two
    await a.remember_question(7, "What is the CSTO?", now=0)
    assert await b.previous_question(7, now=0) == "What is the CSTO?"
    assert await b.previous_question(8, now=0) is None  # chats are separate
    await b.remember_question(7, "Who leads it?", now=0)
    assert await a.previous_question(7, now=0) == "Who leads it?"
    await asyncio.sleep(0.6)  # past QABOT_FOLLOWUP_SECONDS (0.5 here): Redis forgot it
    assert await a.previous_question(7, now=0) is None


async def test_the_question_an_answer_answered_is_known_to_every_replica_until_it_expires(
        two: tuple[RedisState, RedisState]) -> None:
    a, b = two
    await a.remember_answer(7, 50, "What is the CSTO?", now=0)
    assert await b.answered_question(7, 50, now=0) == "What is the CSTO?"
    assert await b.answered_question(7, 51, now=0) is None  # answers are separate
    assert await b.answered_question(8, 50, now=0) is None  # and chats
    assert await b.previous_question(7, now=0) is None
    await asyncio.sleep(0.6)  # past QABOT_FOLLOWUP_SECONDS (0.5 here): Redis forgot it
    assert await a.answered_question(7, 50, now=0) is None


async def test_the_longest_follow_up_time_the_settings_allow_is_one_redis_keeps(
        redis_url: str, prefix: str) -> None:
    """QABOT_FOLLOWUP_SECONDS at its bound is a TTL Redis takes (past it, 1e17, Redis refused
    the SET and the replica took Redis for down; inf failed the answer)."""
    a, b = (replica(redis_url, prefix, followup=MAX_FOLLOWUP_SECONDS) for _ in "ab")
    await a.remember_question(7, "What is the CSTO?", now=0)
    await a.remember_answer(7, 50, "What is the CSTO?", now=0)
    assert await b.previous_question(7, now=0) == "What is the CSTO?"
    assert await b.answered_question(7, 50, now=0) == "What is the CSTO?"
    assert a.link.up and b.link.up
    ttl = await a.link.client.pttl(f"{prefix}:turn:7")
    assert MAX_FOLLOWUP_SECONDS * 1000 - 60_000 < ttl <= MAX_FOLLOWUP_SECONDS * 1000
    for state in (a, b):
        await state.close()


async def test_the_rate_limit_holds_across_replicas_and_slides(
        two: tuple[RedisState, RedisState]) -> None:
    a, b = two
    taken = [await (a if i % 2 else b).take_question(1, now=0) for i in range(5)]
    assert taken == [True, True, True, False, False]
    assert await a.take_question(2, now=0)  # another user has a budget of their own
    await asyncio.sleep(1.05)  # the window (1 s here) has moved past them
    assert await b.take_question(1, now=0)


async def test_concurrent_questions_never_exceed_the_limit(
        two: tuple[RedisState, RedisState]) -> None:
    a, b = two
    taken = await asyncio.gather(*((a, b)[i % 2].take_question(5, now=0) for i in range(40)))
    assert sum(taken) == 3


async def test_one_notice_per_user_per_window_across_replicas(
        two: tuple[RedisState, RedisState]) -> None:
    a, b = two
    assert await a.take_notice(1, now=0)
    assert not await b.take_notice(1, now=0)
    assert await b.take_notice(2, now=0)
    await asyncio.sleep(1.05)
    assert await b.take_notice(1, now=0)


async def test_an_update_sent_to_every_replica_at_once_is_taken_once(
        two: tuple[RedisState, RedisState]) -> None:
    a, b = two
    for update_id in range(20):
        firsts = await asyncio.gather(*((a, b)[i % 2].first_delivery(update_id)
                                        for i in range(6)))
        assert sum(firsts) == 1


async def test_a_double_tap_reaching_two_replicas_is_acted_on_once(
        two: tuple[RedisState, RedisState]) -> None:
    a, b = two
    firsts = await asyncio.gather(a.first_tap(1, 10, "q:x", 0), b.first_tap(1, 10, "q:x", 0))
    assert sorted(firsts) == [False, True]
    assert await b.first_tap(1, 11, "q:x", 0)


async def test_a_users_newest_inline_query_is_the_same_on_every_replica(
        two: tuple[RedisState, RedisState]) -> None:
    a, b = two
    await a.note_inline(77, "q1", now=0)
    await b.note_inline(77, "q2", now=0)
    assert await a.newest_inline(77, now=0) == await b.newest_inline(77, now=0) == "q2"
    assert await a.newest_inline(78, now=0) is None


async def test_follow_ups_off_touch_nothing(redis_url: str, prefix: str) -> None:
    state = replica(redis_url, prefix, followup=0)
    await state.remember_question(1, "q", now=0)
    assert await state.previous_question(1, now=0) is None
    assert await state.link.client.keys(f"{prefix}:*") == []
    await state.close()


async def test_the_send_budget_spaces_every_replicas_messages(redis_url: str,
                                                              prefix: str) -> None:
    """Two replicas' 40 messages at a rate of 40 a second: each goes at its own slot, at least
    1/rate (and the margin) after the one before, whichever replica sends it."""
    links = [RedisLink(redis_url, 0.5) for _ in "ab"]
    budgets = [SendBudget(link, prefix, rate=40) for link in links]
    sent: list[float] = []

    async def send(budget: SendBudget) -> None:
        await budget.wait()
        sent.append(time.perf_counter())

    started = time.perf_counter()
    await asyncio.gather(*(send(budgets[i % 2]) for i in range(40)))
    sent.sort()
    gaps = [b - a for a, b in itertools.pairwise(sent)]
    assert sent[-1] - started >= 39 / 40  # 40 a second at most, over both
    assert sum(1 for t in sent if t - sent[0] < 1.0) <= 40
    assert sorted(gaps)[len(gaps) // 2] > 0.9 / 40  # spaced, not a burst (median: the event
    # loop may wake two sleepers together after a stall)
    for link in links:
        await link.close()


async def test_a_snapshot_notice_reaches_every_replica(
        two: tuple[RedisState, RedisState], redis_url: str, prefix: str) -> None:
    told: dict[str, int] = {"a": 0, "b": 0}
    noticed = asyncio.Event()

    def on(name: str) -> None:
        told[name] += 1
        if all(n >= 2 for n in told.values()):
            noticed.set()

    a, b = two
    await a.start(lambda: on("a"))
    await b.start(lambda: on("b"))
    async with asyncio.timeout(10):
        while min(told.values()) < 1:  # each looks once when it has subscribed
            await asyncio.sleep(0.01)
        assert await asyncio.to_thread(publish_snapshot, redis_url, snapshot_channel(prefix),
                                       "s-2", 0.5)
        await noticed.wait()
    assert told == {"a": 2, "b": 2}


def test_publishing_to_a_redis_that_is_not_there_says_so_and_goes_on() -> None:
    with capture_logs() as logs:
        assert not publish_snapshot(f"redis://:pw-123456@127.0.0.1:{free_port()}/0",
                                    "qabot:snapshots", "s-1", 0.2)
    (failed,) = logs
    assert failed["event"] == "snapshot_notice_failed" and failed["log_level"] == "warning"
    assert "pw-123456" not in str(failed)


# --- Redis away ---------------------------------------------------------------------------------


async def test_while_redis_is_down_each_replica_answers_alone_and_says_so_once() -> None:
    """No server: the calls answer from this process (no follow-ups; its own rate limit and
    duplicate check), one warning for the whole outage, none slower than the timeout; when
    the server comes up, the next retry reaches it and says so once."""
    port = free_port()
    link = RedisLink(f"redis://127.0.0.1:{port}/0", timeout=0.3, backoff_first=0.2,
                     backoff_max=0.4)
    state = RedisState(link, "p", rate_limit=2, followup_seconds=300, channel="p:snapshots")
    with capture_logs() as logs:
        started = time.perf_counter()
        await state.remember_question(1, "What is the CSTO?", now=0)
        assert await state.previous_question(1, now=0) is None
        assert [await state.take_question(1, now=0) for _ in range(3)] == [True, True, False]
        assert await state.first_delivery(10) and not await state.first_delivery(10)
        assert time.perf_counter() - started < 0.6  # one failed connect; the rest local
        assert state.status().startswith(f"redis redis://127.0.0.1:{port}/0: down for")
        with RedisServer(port):
            async with asyncio.timeout(5):
                while not link.up:
                    await state.first_delivery(11)
                    await asyncio.sleep(0.05)
            await state.remember_question(1, "What is the CSTO?", now=0)
            assert await state.previous_question(1, now=0) == "What is the CSTO?"
            await state.close()
    events = [e["event"] for e in logs]
    assert events == ["redis_unavailable", "redis_restored"]
    assert logs[1]["calls_answered_locally"] >= 5


@contextlib.contextmanager
def _hanging_server(poll: float) -> Iterator[tuple[int, list[socket.socket]]]:
    """A server on a loopback port that takes connections and never answers (Redis stalled,
    or a firewall dropping packets): its port, and the connections it took (``poll``: how often
    its thread looks to stop)."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(poll)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                held.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], held
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        listener.close()


async def test_a_redis_that_hangs_costs_one_timeout_then_nothing() -> None:
    """A server that takes the connection and never answers (Redis stalled, or a firewall
    dropping packets): the first call gives up after the timeout, the next ones do not wait."""
    with _hanging_server(0.1) as (port, _):
        link = RedisLink(f"redis://127.0.0.1:{port}/0", timeout=0.2)
        state = RedisState(link, "p", rate_limit=5, followup_seconds=300, channel="p:snapshots")
        try:
            with capture_logs() as logs:
                started = time.perf_counter()
                assert await state.take_question(1, now=0)
                first = time.perf_counter() - started
                started = time.perf_counter()
                for update_id in range(100):
                    assert await state.first_delivery(update_id)
                rest = time.perf_counter() - started
        finally:
            await link.close()
    assert 0.15 < first < 1.0
    assert rest < 0.1
    assert [e["event"] for e in logs] == ["redis_unavailable"]
    assert logs[0]["error"] in ("TimeoutError", "ConnectionError")


async def test_an_answer_sent_before_an_outage_does_not_end_it() -> None:
    """A call sent before Redis went, whose answer comes after another call found it gone,
    says nothing of Redis now: the outage goes on, logged once (it had ended at once, and the
    next call began another: two "redis_unavailable" lines for one outage, on a loaded CI)."""
    link = RedisLink("redis://127.0.0.1:1/0", timeout=0.2)
    answer = asyncio.Event()

    async def slow(_: object) -> str:
        await answer.wait()
        return "redis"

    async def gone(_: object) -> str:
        raise ConnectionError("Redis went away")

    async def local() -> str:
        return "local"

    try:
        with capture_logs() as logs:
            sent = asyncio.create_task(link.run(slow, local))
            await asyncio.sleep(0.01)
            assert await link.run(gone, local) == "local"
            answer.set()
            assert await sent == "redis"
            assert not link.up
            assert await link.run(gone, local) == "local"
    finally:
        await link.close()
    assert [e["event"] for e in logs] == ["redis_unavailable"]


async def test_retries_of_a_redis_that_hangs_keep_no_call_waiting() -> None:
    """The same server, over a second of calls with a retry due every 0.05-0.1 s: each retry
    goes to Redis in the background, and no call waits for it (the call that found a retry due
    made it itself, and waited out the timeout: an update held 2 s at each retry)."""
    slowest = 0.0
    with _hanging_server(0.05) as (port, held):
        link = RedisLink(f"redis://127.0.0.1:{port}/0", timeout=0.2, backoff_first=0.05,
                         backoff_max=0.1)
        state = RedisState(link, "p", rate_limit=5, followup_seconds=300, channel="p:snapshots")
        with capture_logs() as logs:
            assert await state.first_delivery(0)  # the outage found: one timeout
            ended = time.perf_counter() + 1.0
            update_id = 1
            while time.perf_counter() < ended:
                started = time.perf_counter()
                assert await state.first_delivery(update_id)
                slowest = max(slowest, time.perf_counter() - started)
                update_id += 1
                await asyncio.sleep(0.01)
            await state.close()
        accepted = len(held)
    assert slowest < 0.1
    assert accepted >= 3  # retried meanwhile, on new connections
    assert [e["event"] for e in logs] == ["redis_unavailable"]


# --- configuration ------------------------------------------------------------------------------


def test_the_keys_are_the_bots_own_and_the_url_is_a_secret() -> None:
    assert key_prefix("qabot", TOKEN) == "qabot:" + TOKEN.split(":")[0]
    assert where("redis://:hunter2-secret@cache.internal:6380/2") == "redis://cache.internal:6380/2"
    assert where("unix:///run/redis.sock") == "unix:///run/redis.sock"
    url = "redis://user:hunter2-secret@cache.internal:6380/2"
    settings = Settings(_env_file=None, telegram_token=TOKEN, redis_url=url)  # type: ignore[arg-type]
    assert url in settings.secrets() and "hunter2-secret" in settings.secrets()
    assert "hunter2" not in repr(settings)


@pytest.mark.parametrize("url", ["http://cache:6379", "cache:6379", "redis://",
                                 "redis://:pw-secret@cache:63a9/0"])
def test_a_url_that_is_not_redis_is_refused_without_repeating_it(url: str) -> None:
    with pytest.raises(ValueError, match="must be a URL such as redis://localhost:6379/0") as e:
        Settings(_env_file=None, redis_url=url)  # type: ignore[arg-type]
    assert "pw-secret" not in e.value.errors()[0]["msg"]  # what `qabot` prints of it


def test_without_a_url_the_state_is_this_processs_and_there_is_no_shared_budget() -> None:
    state, budget = shared(Settings(_env_file=None, telegram_token=TOKEN))  # type: ignore[arg-type]
    assert isinstance(state, MemoryState) and budget is None


def test_with_a_url_the_state_and_the_budget_are_in_redis() -> None:
    need_redis_server()
    settings = Settings(_env_file=None, telegram_token=TOKEN,  # type: ignore[arg-type]
                        redis_url="redis://127.0.0.1:1/0", send_rate=20)
    state, budget = shared(settings)
    assert isinstance(state, RedisState) and isinstance(budget, SendBudget)
    assert state.prefix == key_prefix("qabot", TOKEN) and state.channel == "qabot:snapshots"
    assert budget.interval_us == round(1_000_000 / 20 * SEND_MARGIN)
    _, off = shared(settings.model_copy(update={"send_rate": 0}))
    assert off is None


# --- the polling bot ----------------------------------------------------------------------------


async def test_a_polling_bot_with_redis_keeps_a_follow_up_across_a_restart(
        redis_url: str, prefix: str, seeds_engine: object) -> None:
    """`qabot telegram` with QABOT_REDIS_URL: the real PTB application, polling the stand-in,
    answers a question and is stopped (a deploy); the next process, built anew from the same
    settings, reads the chat's follow-up in the light of it. In memory it would be lost."""
    from .botapi_stub import BotAPIStub
    from .telegram_harness import make_settings, running_bot

    with BotAPIStub(TOKEN) as api:
        settings = make_settings(api, redis_url=redis_url, redis_prefix=prefix)
        for text in ("Who is the Kremlin spokesman?", "How did he describe the CSTO?"):
            state, budget = shared(settings)
            assert isinstance(state, RedisState) and isinstance(budget, SendBudget)
            async with running_bot(api, seeds_engine, settings, state=state, budget=budget):
                api.push(api.message(api.private(7), text))
                await api.wait_for("sendMessage", count=len(api.calls("sendMessage")) + 1)
            assert state._listener is None  # post_stop closed it
        follow_up = api.calls("sendMessage")[-1]
    assert "necessary" in follow_up.text
