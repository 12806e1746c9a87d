"""The Telegram bot: ``build_application`` wires the PTB ``Application``; ``run_polling`` serves it.

    app = build_application(engine, settings)   # every handler is registered here, nowhere else
    run_polling(app, engine)                    # long polling until SIGINT/SIGTERM, then exit 0

The Bot API base URL comes from ``settings.telegram_api_url`` (a self-hosted Bot API server, or a
test stand-in on loopback). Updates are processed concurrently and answering runs in worker
threads, so one slow question never stalls other chats.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
import structlog
from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import FloodLimit, ParseMode
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from .config import Settings
from .engines import LiveEngine, Watcher
from .failures import on_error, retry_seconds
from .gate import Gate
from .handlers import INLINE_SETTLE, Handlers
from .intro import Corpus, Intro
from .keyboards import PAGE_DATA, QUOTE_DATA, VOTE_DATA
from .redis_state import SendBudget
from .shutdown import Graceful, InHand
from .state import ChatState, MemoryState

log = structlog.get_logger()

# The commands menu: also what to paste into @BotFather's /setcommands (see the README).
COMMANDS = (
    BotCommand("start", "what I know about, with example questions"),
    BotCommand("help", "how to ask, and tips"),
    BotCommand("sources", "the documents I answer from"),
    BotCommand("ask", "ask a question (needed in groups)"),
)
ALLOWED_UPDATES = (
    Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY,
)
POLL_TIMEOUT = 30  # seconds a getUpdates long poll may wait
RETRY_AFTER_RETRIES = 3  # a 429 "retry after N seconds" is waited out this many times
# seconds: a longer "retry after" (a bot that flooded Telegram is told minutes or hours) is
# given up at once, not waited out while the update holds its place
MAX_RETRY_AFTER = 60.0
NETWORK_RETRIES = 3
# At stop PTB cancels the long poll and calls getUpdates once more to mark the updates it took
# as read. With PTB's default pool of one connection that last call waits (1 s) for the
# cancelled poll to give its connection back, and on a busy machine it did not: a traceback in
# the log at every such stop. A second connection lets the last call go at once.
GET_UPDATES_CONNECTIONS = 2


class SendLimiter(AIORateLimiter):
    """PTB's ``AIORateLimiter`` (flood limits) that waits out a 429 "retry after" itself,
    ``RETRY_AFTER_RETRIES`` times at most and none over ``MAX_RETRY_AFTER`` seconds, every
    request held meanwhile, then raises the ``RetryAfter``; and that repeats a request failing
    with a network error, a bounded number of times with exponential backoff. A
    ``BadRequest`` is never repeated: it would fail again; nor a request that timed out once
    sent, as it may have arrived (the same answer twice). (PTB's own handling of a 429 logged
    a traceback each time it gave up, and waited out any "retry after", an hour's too.)

    With a ``budget`` (``SendBudget``: the rate shared by every replica, in Redis) each request
    to a chat waits for its turn in it first, as PTB's overall limit counts requests to a chat;
    this process's own limit of ``send_rate`` still applies, alone while Redis is down."""

    def __init__(self, send_rate: float, retries: int = NETWORK_RETRIES,
                 backoff: float = 0.5, budget: SendBudget | None = None) -> None:
        # PTB's bucket holds ``overall_max_rate`` requests a period: under one a second (0.5,
        # a message every 2 s) it held none and every send failed with a ValueError, so the
        # period is stretched to hold one instead
        period = 1 / send_rate if 0 < send_rate < 1 else 1.0
        super().__init__(
            overall_max_rate=send_rate * period,
            overall_time_period=period,
            group_max_rate=FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP if send_rate else 0,
            max_retries=0,  # a RetryAfter never reaches it: process_request waits it out
        )
        self.retries = retries
        self.backoff = backoff
        self.budget = budget
        self._unflooded = asyncio.Event()  # cleared while a "retry after" is waited out
        self._unflooded.set()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        async def unflooded(*args: Any, **kwargs: Any) -> Any:
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:  # past PTB's limiter, which would log it and wait
                raise _Flooded(exc) from None

        attempt = waits = 0
        while True:
            await self._unflooded.wait()
            if self.budget is not None and data.get("chat_id") is not None:
                await self.budget.wait()
            try:
                return await super().process_request(
                    unflooded, args, kwargs, endpoint, data, rate_limit_args)
            except _Flooded as flooded:
                seconds = retry_seconds(flooded.exc)
                if waits == RETRY_AFTER_RETRIES or seconds > MAX_RETRY_AFTER:
                    raise flooded.exc from None
                waits += 1
                log.debug("telegram_flood_wait", endpoint=endpoint, seconds=seconds)
                self._unflooded.clear()
                try:
                    await asyncio.sleep(seconds + 0.1)
                finally:
                    self._unflooded.set()
            except NetworkError as exc:
                if isinstance(exc, BadRequest) or _maybe_arrived(exc) or attempt == self.retries:
                    raise
                log.warning("telegram_retry", endpoint=endpoint, attempt=attempt + 1,
                            error=type(exc).__name__)
                await asyncio.sleep(self.backoff * 2**attempt)
                attempt += 1


class _Flooded(Exception):
    """A ``RetryAfter`` carried past PTB's ``AIORateLimiter`` to ``SendLimiter``."""

    def __init__(self, exc: RetryAfter) -> None:
        super().__init__(str(exc))
        self.exc = exc


def _maybe_arrived(exc: NetworkError) -> bool:
    """Whether a failed request may have reached the Bot API all the same: it timed out after
    it was sent (writing it, or waiting for the answer), not while connecting or waiting for a
    connection."""
    return isinstance(exc, TimedOut) and not isinstance(
        exc.__cause__, httpx.ConnectTimeout | httpx.PoolTimeout)


def build_application(
    engine: Corpus | LiveEngine,
    settings: Settings,
    *,
    state: ChatState | None = None,
    budget: SendBudget | None = None,
    typing_after: float = 0.5,
    inline_settle: float = INLINE_SETTLE,
    retry_backoff: float = 0.5,
    polling: bool = True,
    intro: Intro | None = None,
    finished: Callable[[], None] | None = None,
) -> Application:
    """The PTB ``Application`` with every handler registered, talking to
    ``settings.telegram_api_url``. Raises ``ValueError`` for a missing or malformed token.

    ``engine``: a ``LiveEngine`` is watched for new index snapshots (every
    ``QABOT_RELOAD_SECONDS``, and on SIGHUP) from ``post_init`` to ``post_stop`` (or
    ``post_shutdown``, when polling failed to start); any other
    engine is answered from as it is. ``polling=False`` builds it without an ``Updater``, for a
    webhook server that puts updates on ``app.update_queue`` itself (and calls ``post_init``
    and ``post_stop``); ``intro`` is the greeting's facts when already worked out; ``finished``
    is called each time an update has been handled. ``state`` (default: this process's
    memory) is started in ``post_init`` and closed in ``post_stop``; ``budget`` is the send
    budget all replicas share (``redis_state.shared``).
    """
    token = settings.bot_token()
    live = engine if isinstance(engine, LiveEngine) else LiveEngine(engine)
    if intro is not None:
        live.current.intro = intro
    state = state or MemoryState(settings.rate_limit, settings.followup_seconds)
    handlers = Handlers(live, settings, state, typing_after=typing_after,
                        inline_settle=inline_settle)
    watcher = Watcher(live, settings.reload_seconds)

    async def started(app: Application) -> None:
        await announce(app)
        await watcher.start()
        await state.start(on_snapshot=watcher.look)
        log.info("chat_state", state=state.status())  # where follow-ups and limits are kept

    closed = False

    async def stopped(app: Application) -> None:  # post_stop, and post_shutdown: PTB skips
        nonlocal closed  # post_stop when polling failed to start (a 429 on deleteWebhook)
        if not closed:
            closed = True
            await state.close()
            await watcher.stop()

    builder = ApplicationBuilder()
    if not polling:
        builder = builder.updater(None)
    app = (
        builder
        .application_class(Graceful, {"grace": settings.shutdown_grace})
        .token(token)
        .base_url(settings.telegram_api_url)
        .get_updates_connection_pool_size(GET_UPDATES_CONNECTIONS)
        # a question deleted while it is answered (by its user, an admin, an anti-spam bot)
        # must not lose the answer: it goes out as a plain message instead of a reply
        .defaults(Defaults(parse_mode=ParseMode.HTML, allow_sending_without_reply=True,
                           link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .concurrent_updates(InHand(finished))
        .rate_limiter(SendLimiter(settings.send_rate, backoff=retry_backoff, budget=budget))
        .post_init(started)
        .post_stop(stopped)
        .post_shutdown(stopped)
        .build()
    )
    new = filters.UpdateType.MESSAGE
    app.add_handler(TypeHandler(Update, Gate(settings, state).check), group=-1)
    app.add_handlers([
        MessageHandler(filters.UpdateType.EDITED_MESSAGE, handlers.edited),
        CommandHandler("start", handlers.start, filters=new),
        CommandHandler("help", handlers.help, filters=new),
        CommandHandler("sources", handlers.list_sources, filters=new),
        CommandHandler("ask", handlers.ask, filters=new),
        MessageHandler(new & filters.COMMAND, handlers.unknown_command),
        MessageHandler(new & filters.TEXT, handlers.text),
        MessageHandler(new & ~filters.StatusUpdate.ALL, handlers.not_text),
        CallbackQueryHandler(handlers.quote, pattern=QUOTE_DATA),
        CallbackQueryHandler(handlers.vote, pattern=VOTE_DATA),
        CallbackQueryHandler(handlers.sources_page, pattern=PAGE_DATA),
        CallbackQueryHandler(handlers.stale),
        InlineQueryHandler(handlers.inline),
    ])
    app.add_error_handler(on_error)
    return app


async def announce(app: Application) -> None:
    """Start-up work once the bot is known: publish the commands menu. The menu is a
    convenience, and the one set before stays: a 429 asking for a wait past
    ``MAX_RETRY_AFTER`` (as Telegram tells a bot restarted in a loop) is one warning and the
    bot starts all the same (it stopped with a traceback, and a restart met the limit again).
    A request refused (400) still stops it, in Telegram's words: something is to be fixed."""
    try:
        await app.bot.set_my_commands(COMMANDS)
    except RetryAfter as exc:
        log.warning("commands_not_set", error=type(exc).__name__,
                    retry_after=retry_seconds(exc),
                    hint="the commands menu stays as it was; the bot answers all the same")


def run_polling(app: Application, engine: Corpus, settings: Settings,
                load_seconds: float) -> int:
    """Long-poll until SIGINT or SIGTERM; in-flight answers finish before it returns 0.

    The bot is initialised (``getMe``) first, on the loop polling will use, so that a rejected
    token or an unreachable Bot API raises at once (``InvalidToken``, ``NetworkError``) instead
    of going through PTB's start-up retry loop, which logs a traceback quoting the token.
    """
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(app.initialize())
    except BaseException:
        loop.close()
        asyncio.set_event_loop(None)
        raise
    log.info("telegram_starting", bot=app.bot.username, documents=engine.n_documents,
             passages=engine.n_passages, load_seconds=round(load_seconds, 3),
             api_url=settings.telegram_api_url)
    app.run_polling(  # closes the loop when it is done
        timeout=POLL_TIMEOUT,
        allowed_updates=list(ALLOWED_UPDATES),
        stop_signals=(signal.SIGINT, signal.SIGTERM),
    )
    log.info("telegram_stopped")
    return 0
