"""The webhook server end to end: ``bot.webhook.serve`` on a real uvicorn on a loopback port, the
real PTB application behind it, talking to the stand-in Bot API (``botapi_stub``); requests
are made with httpx, as Telegram would make them."""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from structlog.testing import capture_logs

from bot.config import Settings
from bot.engines import load_engine
from bot.intro import Corpus
from bot.metrics import Metrics
from bot.telegram import ALLOWED_UPDATES
from bot.webapp import MAX_BODY
from bot.webhook import listen, serve
from retrieval import QAEngine
from retrieval.parallel import Progress

from .botapi_stub import BotAPIStub
from .telegram_harness import TOKEN, SlowEngine, make_settings

SECRET = "s3cret_Webhook-token"
URL = "https://bot.example.org/telegram"  # only handed to the stand-in's setWebhook
CSTO = "When was the CSTO formed?"


_update_ids = itertools.count(1)


def numbered(update: dict[str, Any]) -> dict[str, Any]:
    """An update from the stand-in's builders with the next ``update_id``, as Telegram sends it."""
    return {"update_id": next(_update_ids), **update}


def webhook_settings(api: BotAPIStub, **overrides: Any) -> Settings:
    return make_settings(api, webhook_url=URL, webhook_secret=SECRET, **overrides)


@dataclass
class Running:
    """A webhook server being served, and an httpx client for it."""

    client: httpx.AsyncClient
    metrics: Metrics
    task: asyncio.Task[int]
    stop: asyncio.Event

    async def post(self, body: Any, secret: str | None = SECRET,
                   path: str = "/telegram", **kwargs: Any) -> httpx.Response:
        """POST to the webhook: bytes, str and async byte streams as they are, anything else
        as JSON."""
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
        if isinstance(body, bytes | str) or hasattr(body, "__aiter__"):
            kwargs["content"] = body
        else:
            kwargs["json"] = body
        return await self.client.post(path, headers=headers, **kwargs)

    async def until_ready(self, timeout: float = 10.0) -> None:
        """Poll /readyz until it says 200 (``timeout`` only bounds a failing test)."""
        async with asyncio.timeout(timeout):
            while (await self.client.get("/readyz")).status_code != 200:
                assert not self.task.done(), "the server stopped before it was ready"
                await asyncio.sleep(0.01)

    def counter(self, name: str, **labels: str) -> float:
        value = self.metrics.registry.get_sample_value(name, labels)
        assert value is not None, f"no metric {name} {labels}"
        return value


@asynccontextmanager
async def running_webhook(api: BotAPIStub, load: Callable[[], Corpus],
                          settings: Settings | None = None, ready: bool = True,
                          ) -> AsyncIterator[Running]:
    """``serve`` in a task on a free loopback port; stopped (as by SIGTERM) on the way out."""
    sock = listen("127.0.0.1", 0)
    port = sock.getsockname()[1]
    stop, metrics = asyncio.Event(), Metrics()
    task = asyncio.create_task(serve(settings or webhook_settings(api), lambda _: load(),
                                     sock=sock, stop=stop, metrics=metrics))
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
        running = Running(client, metrics, task, stop)
        try:
            if ready:
                await running.until_ready()
            yield running
        finally:
            stop.set()
            assert await task == 0


@pytest.fixture
def api() -> Iterator[BotAPIStub]:
    with BotAPIStub(TOKEN) as stub:
        yield stub


@pytest.fixture
async def server(api: BotAPIStub, seeds_engine: QAEngine) -> AsyncIterator[Running]:
    async with running_webhook(api, lambda: seeds_engine) as running:
        yield running


# --- start-up ----------------------------------------------------------------------------------


async def test_start_up_sets_the_webhook_with_the_secret_and_the_update_types(
    api: BotAPIStub, server: Running
) -> None:
    (call,) = api.calls("setWebhook")
    assert call.params["url"] == URL
    assert call.params["secret_token"] == SECRET
    assert call.params["allowed_updates"] == list(ALLOWED_UPDATES)
    assert call.params.get("drop_pending_updates") in (None, False)
    assert api.calls("setMyCommands")


async def test_drop_pending_updates_comes_from_the_setting(api: BotAPIStub,
                                                           seeds_engine: QAEngine) -> None:
    settings = webhook_settings(api, drop_pending_updates=True)
    async with running_webhook(api, lambda: seeds_engine, settings):
        (call,) = api.calls("setWebhook")
    assert call.params["drop_pending_updates"] is True


async def test_readyz_is_503_until_the_index_is_loaded_while_healthz_is_200(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    loaded = threading.Event()

    def slow_load() -> QAEngine:
        assert loaded.wait(10), "the test never let the index load"
        return seeds_engine

    async with running_webhook(api, slow_load, ready=False) as running:
        try:
            assert (await running.client.get("/healthz")).status_code == 200
            not_ready = await running.client.get("/readyz")
            early = await running.post(numbered(api.message(api.private(7), CSTO)))
        finally:
            loaded.set()
        await running.until_ready()
        assert running.counter("qabot_updates_rejected_total", reason="not_ready") == 1
    assert not_ready.status_code == 503 and "not ready" in not_ready.text
    assert early.status_code == 503  # Telegram sends it again later
    assert not api.calls("sendMessage")


async def test_stopping_while_the_index_loads_starts_nothing(api: BotAPIStub,
                                                             seeds_engine: QAEngine) -> None:
    loaded = threading.Event()

    def slow_load() -> QAEngine:
        assert loaded.wait(10)
        return seeds_engine

    async with running_webhook(api, slow_load, ready=False) as running:
        assert (await running.client.get("/healthz")).status_code == 200
        running.stop.set()
        loaded.set()
    assert api.calls() == []


@pytest.mark.parametrize(("url", "warned"), [
    ("https://bot.example.org/", [("/", "/telegram")]),
    ("https://bot.example.org/hook/telegram?x=1", [("/hook/telegram", "/telegram")]),
    (URL, []),
])
async def test_a_webhook_url_whose_path_the_server_does_not_take_is_warned_of(
    api: BotAPIStub, seeds_engine: QAEngine, url: str, warned: list[tuple[str, str]]
) -> None:
    """Telegram posts to the URL's path: https://bot.example.org/ with the default
    QABOT_WEBHOOK_PATH made every update a 404, and nothing said so before the first came."""
    settings = make_settings(api, webhook_url=url, webhook_secret=SECRET)
    with capture_logs() as logs:
        async with running_webhook(api, lambda: seeds_engine, settings):
            pass
    assert [(e["url_path"], e["path"]) for e in logs
            if e["event"] == "webhook_path_differs"] == warned


async def test_a_stop_while_the_index_is_built_ends_the_build_at_its_next_report(
    api: BotAPIStub, seeds_engine: QAEngine
) -> None:
    """SIGTERM while a large corpus is indexed at start-up stopped the server only once the
    build was done, minutes later; the build ends at its next progress report instead, and
    nothing starts."""
    building, reports = threading.Event(), []

    def load(progress: Progress) -> QAEngine:  # a build of a minute, reporting each 0.1 s
        building.set()
        for done in range(1, 601):
            time.sleep(0.1)
            reports.append(done)
            progress("reading files", done, 600)
        return seeds_engine

    stop = asyncio.Event()
    with capture_logs() as logs:
        task = asyncio.create_task(serve(webhook_settings(api), load,
                                         sock=listen("127.0.0.1", 0), stop=stop))
        assert await asyncio.to_thread(building.wait, 10)
        stop.set()
        code = await asyncio.wait_for(task, 10)
    assert code == 0 and len(reports) < 50
    assert [e["event"] for e in logs if e["event"].startswith("webhook_")] == [
        "webhook_listening", "webhook_stopping", "webhook_load_stopped", "webhook_stopped"]
    assert api.calls() == []


# --- the webhook route -------------------------------------------------------------------------


async def test_a_valid_update_is_queued_and_answered(api: BotAPIStub, server: Running) -> None:
    with capture_logs() as logs:
        response = await server.post(numbered(api.message(api.private(7), CSTO)))
        reply = await api.wait_for("sendMessage")
    assert response.status_code == 200 and response.content == b""
    assert "2002" in reply.text and reply.chat_id == 7
    assert server.counter("qabot_updates_received_total") == 1
    assert server.counter("qabot_answers_total", outcome="answered") == 1
    (access,) = [e for e in logs if e["event"] == "http_request"]
    assert access["path"] == "/telegram" and access["status"] == 200
    assert access["update_id"] == json.loads(response.request.content)["update_id"]
    assert access["ms"] >= 0


BIG = b'{"update_id": 1, "message": {"text": "' + b"x" * (2 * MAX_BODY) + b'"}}'


@pytest.mark.parametrize(
    ("method", "path", "secret", "body", "status", "reason", "says"),
    [
        ("POST", "/telegram", None, "update", 403, "secret", "Secret-Token header is missing"),
        ("POST", "/telegram", "wrong", "update", 403, "secret", "or wrong"),
        ("POST", "/telegram", SECRET[:-1], "update", 403, "secret", "or wrong"),
        ("GET", "/telegram", SECRET, None, 405, None, "only answers POST"),
        ("PUT", "/telegram", SECRET, "update", 405, None, "only answers POST"),
        ("POST", "/telegram", SECRET, b"{not json", 400, "not_json", "not JSON"),
        ("POST", "/telegram", SECRET, b"\xff\xfe", 400, "not_json", "not JSON"),
        ("POST", "/telegram", SECRET, b"", 400, "not_json", "not JSON"),
        ("POST", "/telegram", SECRET, b"[1, 2]", 400, "not_update", "integer update_id"),
        ("POST", "/telegram", SECRET, b'{"message": {}}', 400, "not_update", "update_id"),
        ("POST", "/telegram", SECRET, b'{"update_id": "7"}', 400, "not_update", "update_id"),
        ("POST", "/telegram", SECRET, b'{"update_id": true}', 400, "not_update", "update_id"),
        ("POST", "/telegram", SECRET, b'{"update_id": 7, "message": 5}', 400, "not_update",
         "wrong type"),
        # PTB reads these without checking a type: a handler then failed on a number
        ("POST", "/telegram", SECRET, b'{"update_id": 7, "message": {"message_id": 1, "date": 0,'
         b' "chat": {"id": 7, "type": "private"}, "text": 123}}', 400, "not_update", "wrong type"),
        ("POST", "/telegram", SECRET, b'{"update_id": 7, "inline_query": {"id": "1", "from":'
         b' {"id": 7, "is_bot": false, "first_name": "x"}, "query": 5, "offset": ""}}', 400,
         "not_update", "wrong type"),
        ("POST", "/telegram", SECRET, b'{"update_id": 7, "message": {"message_id": 2, "date": 0,'
         b' "chat": {"id": -7, "type": "group"}, "text": "/ask", "quote": {"text": 5,'
         b' "position": 0}, "reply_to_message": {"message_id": 1, "date": 0, "chat": {"id": -7,'
         b' "type": "group"}, "text": "Who?"}}}', 400, "not_update", "wrong type"),
        # nor an id's, an entity's or whether a message has its chat: PTB or a handler failed
        # on them (a traceback, and a "Sorry" that failed too)
        ("POST", "/telegram", SECRET, b'{"update_id": 7, "message": {"message_id": 1, "date": 0,'
         b' "chat": {"id": {"a": 1}, "type": "private"}, "text": "Who?"}}', 400, "not_update",
         "wrong type"),
        ("POST", "/telegram", SECRET, b'{"update_id": 7, "message": {"message_id": 1, "date": 0,'
         b' "chat": {"id": 7, "type": "private"}, "from": {"id": [7], "is_bot": false,'
         b' "first_name": "x"}, "text": "Who?"}}', 400, "not_update", "wrong type"),
        ("POST", "/telegram", SECRET, b'{"update_id": 7, "message": {"message_id": 1, "date": 0,'
         b' "chat": {"id": 7, "type": "private"}, "text": "/ask who?", "entities": [{"type":'
         b' "bot_command", "offset": "0", "length": 4}]}}', 400, "not_update", "wrong type"),
        ("POST", "/telegram", SECRET, b'{"update_id": 7, "message": {"message_id": 1, "date": 0,'
         b' "from": {"id": 7, "is_bot": false, "first_name": "x"}, "text": "Who?"}}', 400,
         "not_update", "wrong type"),
        ("POST", "/telegram", SECRET, b'{"update_id": 7, "callback_query": {"id": "1", "from":'
         b' {"id": 7, "is_bot": false, "first_name": "x"}, "chat_instance": "c", "data": "s:0"}}',
         400, "not_update", "wrong type"),
        ("POST", "/telegram", SECRET, BIG, 413, "too_large", "over 1 MiB"),
        ("POST", "/telegram/", SECRET, "update", 404, None, "Nothing here"),
        ("POST", "/elsewhere", SECRET, "update", 404, None, "Nothing here"),
        ("GET", "/.env", None, None, 404, None, "Nothing here"),
    ],
    ids=["no secret", "wrong secret", "secret prefix", "GET", "PUT", "bad JSON", "not UTF-8",
         "empty body", "JSON list", "no update_id", "string update_id", "boolean update_id",
         "bad field", "numeric text", "numeric inline query", "numeric quote", "object chat id",
         "list user id", "string entity offset", "no chat", "tap under nothing", "2 MiB body",
         "trailing slash", "unknown path", "probe"],
)
async def test_a_bad_request_is_refused_with_a_reason_and_answers_nothing(
    api: BotAPIStub, server: Running, method: str, path: str, secret: str | None,
    body: bytes | str | None, status: int, reason: str | None, says: str,
) -> None:
    content = json.dumps(numbered(api.message(api.private(7), CSTO))).encode() \
        if body == "update" else body
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
    response = await server.client.request(method, path, content=content, headers=headers)
    assert response.status_code == status
    assert says in response.text and response.text.count("\n") == 1
    assert "CSTO" not in response.text and "x" * 20 not in response.text  # nothing echoed
    if reason:
        assert server.counter("qabot_updates_rejected_total", reason=reason) == 1
    assert server.counter("qabot_updates_received_total") == 0
    # The server still serves, and nothing reached the handlers.
    await server.post(numbered(api.message(api.private(8), CSTO)))
    await api.wait_for("sendMessage")
    assert [c.chat_id for c in api.calls("sendMessage")] == [8]


async def test_a_chunked_body_over_the_limit_is_refused_while_it_is_read(
    api: BotAPIStub, server: Running
) -> None:
    """No Content-Length to go by: the limit holds on the stream itself."""

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(2 * MAX_BODY // 65536 + 1):
            yield b" " * 65536

    response = await server.post(chunks())
    assert response.status_code == 413
    assert response.request.headers.get("transfer-encoding") == "chunked"
    assert server.counter("qabot_updates_rejected_total", reason="too_large") == 1


async def test_the_secret_never_reaches_the_logs(api: BotAPIStub, server: Running) -> None:
    with capture_logs() as logs:
        await server.post(numbered(api.message(api.private(7), CSTO)))
        await server.post({"update_id": 9}, secret="wrong")
        await api.wait_for("sendMessage")
    assert [e["status"] for e in logs if e["event"] == "http_request"] == [200, 403]
    assert SECRET not in repr(logs) and "wrong" not in repr(logs)


# --- other routes ------------------------------------------------------------------------------


async def test_metrics_count_updates_rejections_answers_and_the_index(
    api: BotAPIStub, server: Running, seeds_engine: QAEngine
) -> None:
    await server.post(numbered(api.message(api.private(7), CSTO)))
    await server.post(numbered(api.message(api.private(8), "Who won the 1998 football world cup?")))
    await server.post(b"[]")
    await api.wait_for("sendMessage", count=2)
    response = await server.client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert "qabot_updates_received_total 2.0" in text
    assert 'qabot_updates_rejected_total{reason="not_update"} 1.0' in text
    assert 'qabot_updates_rejected_total{reason="secret"} 0.0' in text
    assert 'qabot_answers_total{outcome="answered"} 1.0' in text
    assert 'qabot_answers_total{outcome="abstained"} 1.0' in text
    assert "qabot_answer_seconds_count 2.0" in text
    assert f"qabot_index_passages {float(seeds_engine.n_passages)}" in text
    assert f"qabot_index_documents {float(seeds_engine.n_documents)}" in text


async def test_metrics_need_the_bearer_token_when_one_is_set(
        api: BotAPIStub, seeds_engine: QAEngine) -> None:
    token = "m3trics-Token"
    settings = webhook_settings(api, metrics_token=token)
    with capture_logs() as logs:
        async with running_webhook(api, lambda: seeds_engine, settings) as running:
            refused = [await running.client.get("/metrics", headers=headers) for headers in
                       ({}, {"Authorization": "Bearer wrong"}, {"Authorization": token},
                        {"Authorization": f"Bearer {token}x"})]
            allowed = await running.client.get("/metrics",
                                               headers={"Authorization": f"Bearer {token}"})
    assert [r.status_code for r in refused] == [401] * 4
    assert refused[0].headers["www-authenticate"] == "Bearer" and token not in refused[0].text
    assert allowed.status_code == 200 and "qabot_updates_received_total" in allowed.text
    assert token not in repr(logs)


async def test_two_servers_count_apart(api: BotAPIStub, seeds_engine: QAEngine) -> None:
    async with running_webhook(api, lambda: seeds_engine) as one, \
            running_webhook(api, lambda: seeds_engine) as two:
        await one.post(b"[]")
        assert one.counter("qabot_updates_rejected_total", reason="not_update") == 1
        assert two.counter("qabot_updates_rejected_total", reason="not_update") == 0


async def test_health_and_readiness_say_so_in_plain_text(server: Running) -> None:
    health, ready = await server.client.get("/healthz"), await server.client.get("/readyz")
    assert (health.status_code, health.text) == (200, "alive\n")
    assert (ready.status_code, ready.text) == (200, "ready\nstate: this process's memory\n")
    assert "server" not in health.headers


# --- shutdown ----------------------------------------------------------------------------------


async def test_past_the_pending_bound_updates_are_refused_until_some_are_handled(
        api: BotAPIStub, seeds_engine: QAEngine) -> None:
    """With ``webhook_max_pending`` updates in hand (taken in, not yet answered), the next one
    gets a 503 (Telegram sends it again later) and costs nothing; once they are answered,
    updates are taken again."""
    slow = SlowEngine(seeds_engine, slow={CSTO})
    settings = webhook_settings(api, webhook_max_pending=2)
    async with running_webhook(api, lambda: slow, settings) as running:
        taken = [await running.post(numbered(api.message(api.private(i), CSTO))) for i in (1, 2)]
        assert [r.status_code for r in taken] == [200, 200]
        busy = await running.post(numbered(api.message(api.private(3), CSTO)))
        assert busy.status_code == 503 and "too many updates in hand" in busy.text
        assert running.counter("qabot_updates_rejected_total", reason="busy") == 1
        slow.release.set()
        await api.wait_for("sendMessage", count=2)
        again = await running.post(numbered(api.message(api.private(4), "Who is the prime "
                                                        "minister of Armenia?")))
        assert again.status_code == 200
        await api.wait_for("sendMessage", count=3)
    assert sorted(c.chat_id for c in api.calls("sendMessage")) == [1, 2, 4]


async def test_stopping_finishes_the_answer_in_progress(api: BotAPIStub,
                                                        seeds_engine: QAEngine) -> None:
    """A stop (what SIGTERM does) while an answer is being worked out: the server stops taking
    requests, and the answer is still sent before ``serve`` returns 0. The webhook stays."""
    slow = SlowEngine(seeds_engine, slow={CSTO})
    async with running_webhook(api, lambda: slow) as running:
        assert (await running.post(numbered(api.message(api.private(7), CSTO)))).status_code == 200
        assert await asyncio.to_thread(slow.started.wait, 10)
        running.stop.set()
        with pytest.raises(httpx.TransportError):
            while True:  # until the server has closed its socket
                await running.client.get("/healthz")
                await asyncio.sleep(0.01)
        assert not running.task.done()
        slow.release.set()
    assert "2002" in (await api.wait_for("sendMessage")).text
    assert not api.calls("deleteWebhook")


async def test_a_body_cut_off_midway_is_refused_without_a_traceback(
    api: BotAPIStub, server: Running, caplog: pytest.LogCaptureFixture
) -> None:
    port = server.client.base_url.port
    _, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"POST /telegram HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 b"X-Telegram-Bot-Api-Secret-Token: " + SECRET.encode() + b"\r\n"
                 b"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                 b'{"update_id": 1, "mess')
    await writer.drain()
    writer.close()  # gone before the rest of its 1,000 bytes
    await writer.wait_closed()
    async with asyncio.timeout(5):
        while server.counter("qabot_updates_rejected_total", reason="aborted") < 1:
            await asyncio.sleep(0.01)
    assert not [r for r in caplog.records if r.exc_info or "Exception" in r.getMessage()]
    await server.post(numbered(api.message(api.private(8), CSTO)))  # it still serves
    await api.wait_for("sendMessage")


async def test_an_update_sent_twice_is_answered_once(api: BotAPIStub, server: Running) -> None:
    update = numbered(api.message(api.private(7), CSTO))
    first = await server.post(update)
    again = await server.post(update)  # Telegram sends it again when it saw no 200 in time
    assert first.status_code == again.status_code == 200
    await api.wait_for("sendMessage")
    await server.post(numbered(api.message(api.private(8), CSTO)))
    await api.wait_for("sendMessage", lambda c: c.chat_id == 8)
    assert [c.chat_id for c in api.calls("sendMessage")] == [7, 8]
    assert server.counter("qabot_updates_rejected_total", reason="duplicate") == 1
    assert server.counter("qabot_updates_received_total") == 2



def _without_sender(update: dict[str, Any]) -> dict[str, Any]:
    """``update`` with its sender (``from``) taken out, as no update of the kinds the bot takes
    comes from Telegram (only a channel's posts have none, and the bot takes none)."""
    (kind, body), = update.items()
    return {kind: {k: v for k, v in body.items() if k != "from"}}


@pytest.mark.parametrize("allowed_chats", [[], [7, -100]], ids=["open", "chats allowed"])
async def test_a_forged_update_without_a_sender_is_dropped_without_a_traceback(
    api: BotAPIStub, seeds_engine: QAEngine, allowed_chats: list[int]
) -> None:
    """A forged update (the right secret) with no ``from`` user: dropped with one warning, and
    nothing sent, not even a "Sorry" (it was an AssertionError's traceback and a "Sorry"), also
    in a chat on the allowed list. The server goes on answering."""
    settings = webhook_settings(api, allowed_chats=allowed_chats)
    forged = [api.message(api.private(7), CSTO), api.message(api.group(-100), f"/ask {CSTO}"),
              api.message(api.private(7), CSTO, edited=True), api.inline_query(CSTO),
              api.callback(api.message(api.private(7), "x")["message"], "v:1")]
    async with running_webhook(api, lambda: seeds_engine, settings) as server:
        with capture_logs() as logs:
            for update in forged:
                assert (await server.post(numbered(_without_sender(update)))).status_code == 200
            await server.post(numbered(api.message(api.private(7), CSTO)))  # a real one after
            reply = await api.wait_for("sendMessage")
            await asyncio.sleep(0.2)
    assert "2002" in reply.text
    assert len(api.calls("sendMessage")) == 1
    assert not api.calls("answerInlineQuery") and not api.calls("answerCallbackQuery")
    assert not [e for e in logs if e["log_level"] == "error" or "exc_info" in e]
    dropped = [e for e in logs if e["event"] == "update_without_sender"]
    assert len(dropped) == len(forged)

# --- connection limits (bot/guard.py) ----------------------------------------------------------


async def _raw(port: int, data: bytes, wait: float = 5.0, to_eof: bool = True) -> bytes:
    """Send ``data`` on a fresh connection and read what comes back: until the server closes
    the connection (``to_eof``), else the first bytes. A reset while sending or reading (the
    server closed a connection that was still sending) reads as nothing."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        async with asyncio.timeout(wait):
            try:
                writer.write(data)
                await writer.drain()
                return await (reader.read() if to_eof else reader.read(200))
            except ConnectionResetError:
                return b""
    finally:
        writer.close()


@pytest.fixture
async def strict(api: BotAPIStub, seeds_engine: QAEngine) -> AsyncIterator[Running]:
    settings = webhook_settings(api, webhook_head_timeout=0.5)
    async with running_webhook(api, lambda: seeds_engine, settings) as running:
        yield running


async def test_a_huge_request_head_is_refused_and_closed(api: BotAPIStub, strict: Running
                                                         ) -> None:
    # a 256 MiB header once took 88 s and 675 MiB
    head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (2 << 20) + b"\r\n\r\n"
    with capture_logs() as logs:
        reply = await _raw(strict.client.base_url.port, head)
    # a 431 when the client reads it, a reset when it was still sending: closed either way
    assert reply == b"" or reply.startswith(b"HTTP/1.1 431 ")
    assert [e["why"] for e in logs if e["event"] == "http_head_refused"] == ["too_large"]
    assert (await strict.client.get("/healthz")).status_code == 200  # it still serves


@pytest.mark.parametrize("sent", [b"", b"POST /telegram HTTP/1.1\r\nHost: x\r\nX-Slow: "],
                         ids=["nothing", "half a head"])
async def test_a_connection_that_is_slow_to_send_its_head_is_closed(
    strict: Running, sent: bytes
) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    reply = await _raw(strict.client.base_url.port, sent)
    assert reply.startswith(b"HTTP/1.1 408 ") and loop.time() - started < 4.5


async def test_a_body_that_does_not_come_in_time_is_refused(strict: Running) -> None:
    head = (b"POST /telegram HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: "
            + SECRET.encode() + b"\r\nContent-Length: 100\r\n\r\n{\"update_id\": 1")
    reply = await _raw(strict.client.base_url.port, head, to_eof=False)
    assert reply.startswith(b"HTTP/1.1 408 ")
    assert strict.counter("qabot_updates_rejected_total", reason="too_slow") == 1


# --- a live corpus (bot/engines.py) ------------------------------------------------------------


async def test_a_new_document_is_answered_without_a_restart_and_no_update_is_lost(
        api: BotAPIStub, tmp_path: Path) -> None:
    """While questions keep coming, a document is added and `qabot index` run: the server takes
    up the new snapshot between questions, answers from the new document, and every update
    posted before, during and after the swap is answered."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The harbour bridge opened in 1932 after eight years.\n")
    settings = webhook_settings(api, corpus_dir=corpus, reload_seconds=0.05, rate_limit=0)
    posted: list[int] = []

    async def keep_asking(server: Running, until: asyncio.Event) -> None:
        while not until.is_set():
            update = numbered(api.message(api.private(1000 + len(posted)),
                                          "When did the harbour bridge open?"))
            assert (await server.post(update)).status_code == 200
            posted.append(update["update_id"])
            await asyncio.sleep(0.005)

    async with running_webhook(api, lambda: load_engine(settings), settings) as server:
        done = asyncio.Event()
        asking = asyncio.create_task(keep_asking(server, done))
        # counted, not timed: a loaded machine posts fewer in a given time
        async with asyncio.timeout(30):
            while len(posted) < 10:
                await asyncio.sleep(0.01)
        (corpus / "b.txt").write_text("The lighthouse on the northern cape was lit in 1871.\n")
        await asyncio.to_thread(load_engine, settings, True)  # what `qabot index` does
        async with asyncio.timeout(30):
            while server.counter("qabot_index_documents") != 2:
                await asyncio.sleep(0.01)
            swapped = len(posted)
            while len(posted) < swapped + 10:
                await asyncio.sleep(0.01)
        done.set()
        await asyncio.wait_for(asking, 10)
        lighthouse = "When was the lighthouse on the northern cape lit?"
        await server.post(numbered(api.message(api.private(7), lighthouse)))
        new = await api.wait_for("sendMessage", lambda c: c.chat_id == 7)
        await api.wait_for("sendMessage", count=len(posted) + 1)
    assert "1871" in new.text
    answered = [c for c in api.calls("sendMessage") if c.chat_id != 7]
    assert len(answered) == len(posted) >= 20 and all("1932" in c.text for c in answered)
