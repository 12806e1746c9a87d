"""How the bot stops: within a bounded grace, then what is still in hand is dropped and logged.

    app = ApplicationBuilder().application_class(Graceful, {"grace": 30})
          .concurrent_updates(InHand(finished)) ... .build()
    await app.stop()     # at most ~grace seconds, however many answers wait to be sent

PTB's ``Application.stop`` waits for every update it has taken to be handled. An answer queued
behind the send limiter (20 messages a minute in a group) can wait minutes, longer than any
orchestrator's patience, which then kills the process mid-answer. ``Graceful.stop`` gives them
``grace`` seconds, then cancels the rest and logs one ``shutdown_dropped`` line naming them.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from telegram import Update
from telegram.ext import Application, SimpleUpdateProcessor

log = structlog.get_logger()

CONCURRENT_UPDATES = 256  # PTB's default for concurrent_updates(True)
UNBOUNDED = 2**31 - 1  # PTB's semaphore: never the one that waits
LOGGED_IDS = 50  # update ids named in the shutdown_dropped line, at most


class InHand(SimpleUpdateProcessor):
    """PTB's update processor, handling up to ``CONCURRENT_UPDATES`` at once, that knows every
    update in hand (being handled, or waiting for a turn) and calls ``finished`` when one is
    done with, however that went: the webhook counts the updates it has in hand with it.

    PTB's own bound (a semaphore in ``process_update``, which is final) is set out of reach
    and the turns are taken here instead, so an update waiting for one is in hand too."""

    __slots__ = ("finished", "tasks", "turns")

    def __init__(self, finished: Callable[[], None] | None = None) -> None:
        super().__init__(UNBOUNDED)
        self.finished = finished
        self.tasks: dict[asyncio.Task[Any], object] = {}
        self.turns = asyncio.Semaphore(CONCURRENT_UPDATES)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        task = asyncio.current_task()
        assert task is not None  # PTB runs each update in a task of its own
        self.tasks[task] = update
        try:
            async with self.turns:
                await coroutine
        finally:
            del self.tasks[task]
            if inspect.iscoroutine(coroutine) and inspect.getcoroutinestate(
                    coroutine) == inspect.CORO_CREATED:
                coroutine.close()  # dropped before its turn: never started
            if self.finished is not None:
                self.finished()

    def drop(self) -> list[object]:
        """Cancel every update in hand; the updates dropped."""
        dropped = list(self.tasks.values())
        for task in self.tasks:
            task.cancel()
        return dropped


class Graceful(Application):
    """PTB's ``Application`` whose ``stop`` takes at most ``grace`` seconds to finish the
    updates in hand (its ``update_processor`` must be an ``InHand``), then drops the rest."""

    def __init__(self, grace: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.grace = grace

    async def stop(self) -> None:
        stopping = asyncio.ensure_future(super().stop())
        done, _ = await asyncio.wait({stopping}, timeout=self.grace)
        if not done:
            processor = self.update_processor
            assert isinstance(processor, InHand)
            dropped = processor.drop()
            if dropped:
                ids = [u.update_id for u in dropped if isinstance(u, Update)]
                chats = sorted({u.effective_chat.id for u in dropped
                                if isinstance(u, Update) and u.effective_chat})
                log.warning("shutdown_dropped", updates=len(dropped), grace=self.grace,
                            update_ids=sorted(ids)[:LOGGED_IDS], chats=chats[:LOGGED_IDS])
        await stopping
