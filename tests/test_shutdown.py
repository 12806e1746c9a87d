"""Stopping within a bounded grace: the real PTB client polling a stand-in Bot API on loopback,
with answers queued behind the per-group send limit (20 messages a minute)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from structlog.testing import capture_logs

from retrieval import QAEngine

from .botapi_stub import BotAPIStub
from .telegram_harness import TOKEN, make_settings, running_bot

GROUP = -100123
QUESTION = "@qa_test_bot When was the CSTO formed?"
ASKED = 24  # four more than a group may be sent in a minute


@pytest.fixture
def api() -> Iterator[BotAPIStub]:
    with BotAPIStub(TOKEN) as stub:
        yield stub


async def test_answers_waiting_past_the_grace_are_dropped_and_logged(
        api: BotAPIStub, seeds_engine: QAEngine) -> None:
    settings = make_settings(api, shutdown_grace=0.5, rate_limit=0)
    with capture_logs() as logs:
        async with running_bot(api, seeds_engine, settings, typing_after=60) as app:
            ids = [api.push(api.message(api.group(GROUP), QUESTION, user=api.user(7 + i)))
                   for i in range(ASKED)]
            await api.wait_for("sendMessage", count=20)
            await asyncio.sleep(0.2)  # the next answer waits ~3 s for the group's limiter
            assert app.updater is not None
            await app.updater.stop()
            # what SIGTERM does: without the grace this waits about 12 s more
            await asyncio.wait_for(app.stop(), timeout=5)
    sent = api.calls("sendMessage")
    (dropped,) = [e for e in logs if e["event"] == "shutdown_dropped"]
    assert dropped["updates"] == ASKED - len(sent) > 0
    assert dropped["chats"] == [GROUP]
    assert set(dropped["update_ids"]) < set(ids)
    assert not [e for e in logs if e["event"] == "error" or e["log_level"] == "error"]


async def test_answers_finished_within_the_grace_drop_nothing(
        api: BotAPIStub, seeds_engine: QAEngine) -> None:
    settings = make_settings(api, shutdown_grace=30)
    with capture_logs() as logs:
        async with running_bot(api, seeds_engine, settings) as app:
            api.push(api.message(api.private(7), "When was the CSTO formed?"))
            await api.drained()
            assert app.updater is not None
            await app.updater.stop()
            await app.stop()
    assert len(api.calls("sendMessage")) == 1
    assert not [e for e in logs if e["event"] == "shutdown_dropped"]
