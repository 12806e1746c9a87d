"""Running the real PTB application against ``BotAPIStub``, the way ``run_polling`` does."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Container
from contextlib import asynccontextmanager
from typing import Any

from telegram.ext import Application

from bot.config import Settings
from bot.intro import Corpus
from bot.telegram import ALLOWED_UPDATES, build_application
from retrieval import Answer, QAEngine

from .botapi_stub import BotAPIStub, Call

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def make_settings(api: BotAPIStub, **overrides: Any) -> Settings:
    """Settings for a bot talking to ``api``, nothing read from the environment or .env."""
    return Settings(_env_file=None, telegram_token=TOKEN,
                    telegram_api_url=api.base_url, **overrides)


@asynccontextmanager
async def running_bot(api: BotAPIStub, engine: Corpus, settings: Settings | None = None,
                      **build: Any) -> AsyncIterator[Application]:
    """The application polling ``api``: initialize, post_init, start polling, start; then the
    same shutdown as ``run_polling`` (stop polling, finish in-flight updates, post_stop, shut
    down)."""
    build.setdefault("retry_backoff", 0)
    app = build_application(engine, settings or make_settings(api), **build)
    async with app:
        assert app.post_init is not None
        await app.post_init(app)
        assert app.updater is not None
        await app.updater.start_polling(  # a failed getUpdates goes where run_polling sends it
            poll_interval=0, timeout=1, allowed_updates=list(ALLOWED_UPDATES),
            error_callback=lambda exc: app.create_task(app.process_error(None, exc)))
        await app.start()
        try:
            yield app
        finally:  # a test may have stopped it already
            if app.updater.running:
                await app.updater.stop()
            if app.running:
                await app.stop()
                assert app.post_stop is not None
                await app.post_stop(app)


async def first_reply(api: BotAPIStub, engine: Corpus, text: str | None = None,
                      settings: Settings | None = None, **message: Any) -> str:
    """Run the bot, send it a private message, and return the text of its first reply."""
    async with running_bot(api, engine, settings):
        api.push(api.message(api.private(7), text, **message))
        return (await api.wait_for("sendMessage")).text


class SlowEngine:
    """The real engine, except that the questions in ``slow`` wait for ``release`` (and set
    ``started`` when they begin): a slow answer, with no clock involved."""

    def __init__(self, engine: QAEngine, slow: Container[str] = ()) -> None:
        self.engine = engine
        self.slow = slow
        self.started = threading.Event()
        self.release = threading.Event()

    def ask(self, question: str, *, top_k: int | None = None) -> Answer:
        if question in self.slow:
            self.started.set()
            assert self.release.wait(10), "the test never released the slow answer"
        return self.engine.ask(question, top_k=top_k)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)


class FailingEngine(SlowEngine):
    """The real engine, except that asking ``boom`` raises."""

    def ask(self, question: str, *, top_k: int | None = None) -> Answer:
        if question == "boom":
            raise RuntimeError("the engine broke")
        return self.engine.ask(question, top_k=top_k)


def buttons(call: Call) -> list[tuple[str, str]]:
    """The (label, callback data) of every inline button under a sent message."""
    markup = call.params.get("reply_markup") or {}
    return [(b["text"], b.get("callback_data", "")) for row in markup.get("inline_keyboard", [])
            for b in row]
