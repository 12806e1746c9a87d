"""Starting the channels: the engine they answer from, and the ``telegram`` and ``webhook``
commands, whose start-up failures (a rejected token, an unreachable Bot API, a refused webhook
address) are usage errors in one line.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager

from . import logs
from .config import Settings
from .engines import LiveEngine, for_answering, load_engine
from .usage import UsageError, check


def serving(settings: Settings) -> LiveEngine:
    """The engine a channel answers from: replaced by the index's new snapshots (the bots),
    rebuilt if a question finds the index damaged."""
    return LiveEngine(for_answering(load_engine(settings)), settings)


@contextmanager
def _bot_api_errors(settings: Settings) -> Iterator[None]:
    """Start-up failures of the Bot API as one line: a rejected token, a refused request, a
    flood-control wait longer than is waited out, an unreachable server (once running, PTB
    retries on its own)."""
    from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter

    from .failures import retry_seconds

    ptb = logging.getLogger("telegram.ext")
    ptb.addFilter(_said_at_start_up)
    try:
        yield
    except RetryAfter as exc:  # past SendLimiter's waits: a traceback and exit 1, it was
        url = logs.hide_password(settings.telegram_api_url)
        raise UsageError(f"the Bot API at {url} asks the bot to wait {retry_seconds(exc):g} s "
                         "before its next request (flood control: was it restarted in a "
                         "loop?): start it again after that") from None
    except InvalidToken:  # its message quotes the token
        raise UsageError("Telegram rejected QABOT_TELEGRAM_TOKEN (revoked, or from another "
                         "bot?): copy the current one from @BotFather") from None
    except BadRequest as exc:  # a NetworkError to PTB, but the server was reached and said why
        url = logs.hide_password(settings.telegram_api_url)
        raise UsageError(f"the Bot API at {url} refused a start-up request: "
                         f"{logs.Redactor(settings.secrets()).scrub(exc.message)}") from None
    except NetworkError as exc:
        url = logs.hide_password(settings.telegram_api_url)
        raise UsageError(f"cannot reach the Bot API at {url} "
                         f"({type(exc).__name__}): check the network and "
                         "QABOT_TELEGRAM_API_URL") from None
    finally:
        ptb.removeFilter(_said_at_start_up)


def _said_at_start_up(record: logging.LogRecord) -> bool:
    """Drops PTB's own ERROR and traceback for a start-up step it gave up on (its "bootstrap":
    deleting or setting the webhook before polling): the error reaches ``_bot_api_errors``,
    which says it in one line (a 429 there printed both)."""
    return not (record.levelno >= logging.ERROR
                and record.getMessage().startswith("Network Retry Loop (Bootstrap"))


@contextmanager
def _hangup_ignored() -> Iterator[None]:
    """While entered, SIGHUP is ignored: the bot takes it (re-read the corpus, ``Watcher``)
    only once it runs, and until then (loading the index, reaching the Bot API) its default
    action would end the process."""
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGHUP, previous)


def cmd_telegram(args: argparse.Namespace, settings: Settings) -> int:
    from . import telegram  # only the bot commands need python-telegram-bot

    check(settings.bot_token)
    started = time.perf_counter()
    from .redis_state import shared

    with _hangup_ignored():
        engine = serving(settings)
        state, budget = shared(settings)
        app = telegram.build_application(engine, settings, state=state, budget=budget)
        with _bot_api_errors(settings):
            return telegram.run_polling(app, engine, settings, time.perf_counter() - started)


def cmd_webhook(args: argparse.Namespace, settings: Settings) -> int:
    from . import webhook  # only this command needs starlette and uvicorn

    check(settings.bot_token, settings.secret_token, settings.public_url)
    try:
        sock = webhook.listen(settings.host, settings.port)
    except OSError as exc:
        raise UsageError(f"cannot listen on {settings.host}:{settings.port} "
                         f"({exc.strerror or exc}): set QABOT_HOST and QABOT_PORT") from None
    from .redis_state import shared

    state, budget = shared(settings)
    with sock, _bot_api_errors(settings), _hangup_ignored():
        try:
            return asyncio.run(webhook.serve(
                settings, lambda progress: for_answering(load_engine(settings,
                                                                     progress=progress)),
                sock=sock, state=state, budget=budget))
        except webhook.WebhookRefused as exc:
            reason = logs.Redactor(settings.secrets()).scrub(str(exc))
            raise UsageError(f"Telegram refused QABOT_WEBHOOK_URL {settings.public_url()} "
                             f"({reason}): give a public https:// URL on port 443, 80, 88 or "
                             "8443") from None
