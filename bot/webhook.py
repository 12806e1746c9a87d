"""The webhook server: ``create_app`` (``webapp.py``) builds the Starlette app, ``serve`` runs
it with uvicorn.

    live = Live()                                  # the Application, once start-up is done
    app = create_app(settings, live, Metrics())    # POST {path}, /healthz, /readyz, /metrics
    code = await serve(settings, load, sock=listen(settings.host, settings.port))

``serve`` follows PTB's custom-webhook example: the ``Application`` is built without an
``Updater`` and the route puts each update on ``application.update_queue``;
``async with application: start -> serve -> stop``. The server listens first, so ``/healthz``
answers while the index loads and ``/readyz`` says 503 until the index is loaded, the
Application started and the webhook set. SIGTERM or SIGINT stop it: uvicorn stops accepting
and finishes the requests in progress, then the Application processes the updates it queued
and finishes the answers in progress; the webhook stays set for the other replicas.

What the webhook route checks before it queues an update is in ``webapp.py``.
"""

from __future__ import annotations

import asyncio
import gc
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import structlog
import uvicorn
from telegram.error import BadRequest
from telegram.ext import Application

from retrieval.parallel import Progress

from .config import Settings
from .engines import Halted, LiveEngine, halting
from .guard import MAX_HEAD_BYTES, SPARE_FILES, guarded, open_files_for, quiet_accept_failures
from .intro import Corpus, Intro, introduce
from .metrics import MeteredEngine, Metrics
from .redis_state import RedisState, SendBudget
from .state import ChatState, MemoryState
from .telegram import ALLOWED_UPDATES, build_application
from .webapp import Live, create_app

log = structlog.get_logger()


class WebhookRefused(Exception):
    """Telegram refused ``setWebhook``: a URL it will not post to (a port but 443, 80, 88 or
    8443, a host it cannot resolve, a private address), in its own words."""


def listen(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` (port 0: any free port), for ``serve``. Binding
    before serving turns a port in use into an ``OSError`` here, not an exit in uvicorn."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # The protocol named, not 0: asyncio turns Nagle off (TCP_NODELAY) only on sockets that say
    # IPPROTO_TCP, and with Nagle on, a response's headers and body, written apart, wait for a
    # delayed ACK: 40 ms per request on a kept-alive connection.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.setblocking(False)  # asyncio accepts until it would block
    except OSError:
        sock.close()
        raise
    return sock


async def serve(
    settings: Settings,
    load: Callable[[Progress], Corpus],
    *,
    sock: socket.socket,
    stop: asyncio.Event | None = None,
    metrics: Metrics | None = None,
    state: ChatState | None = None,
    budget: SendBudget | None = None,
) -> int:
    """Serve the bot on ``sock`` until SIGTERM or SIGINT (or ``stop`` is set); 0 when done.

    Start-up, while ``/healthz`` already answers: ``load(progress)`` the engine (in a worker
    thread; a build told ``progress`` ends at its next report once a stop signal came), then
    ``_serve_bot``. A rejected token or an unreachable Bot API raises as in
    ``run_polling`` (``InvalidToken``, ``NetworkError``), a URL Telegram will not post to
    as ``WebhookRefused``, once the server has stopped.
    ``state`` and ``budget``: shared by the replicas (``redis_state.shared``); default: this
    process's own.
    """
    stop = stop or asyncio.Event()
    metrics = metrics or Metrics()
    state = state or MemoryState(settings.rate_limit, settings.followup_seconds)
    if isinstance(state, RedisState):
        metrics.watch_redis(lambda: state.link.up)
    live = Live()
    server = uvicorn.Server(uvicorn.Config(
        create_app(settings, live, metrics, state), lifespan="off", log_config=None,
        access_log=False, server_header=False,
        # bounds on what a client can hold (docs/deploy.md): a request head's size and time
        # (guard.py), idle kept-alive connections, and connections at once (503 past them)
        http=guarded(MAX_HEAD_BYTES, settings.webhook_head_timeout),
        timeout_keep_alive=settings.webhook_keepalive,
        limit_concurrency=settings.webhook_max_connections,
    ))
    halt = threading.Event()  # ``stop``, as the loading thread can see it
    host, port = sock.getsockname()[:2]
    log.info("webhook_listening", host=host, port=port, path=settings.webhook_path)
    url_path = urlsplit(settings.public_url()).path or "/"
    if url_path != settings.webhook_path:  # every update a 404, unless a proxy rewrites it
        log.warning("webhook_path_differs", url_path=url_path, path=settings.webhook_path,
                    hint="Telegram posts updates to the path of QABOT_WEBHOOK_URL and this "
                    "server takes them at QABOT_WEBHOOK_PATH: make them the same, unless a "
                    "proxy in front rewrites the path")
    files = open_files_for(settings.webhook_max_connections)
    if files < settings.webhook_max_connections + SPARE_FILES:
        log.warning("open_files_limit_low", limit=files,
                    connections=settings.webhook_max_connections,
                    hint="raise the open-files limit (ulimit -n) or lower "
                    "QABOT_WEBHOOK_MAX_CONNECTIONS")
    with _stop_signals(stop), quiet_accept_failures(asyncio.get_running_loop()):
        serving = asyncio.create_task(server.serve(sockets=[sock]))
        stopper = asyncio.create_task(_stop_when_set(stop, server, halt))
        try:
            loaded = await _loaded(load, halt, metrics)
            if loaded is not None and not stop.is_set():  # else stopped while loading
                engine, intro = loaded
                answering = LiveEngine(  # takes up new snapshots (`qabot index`) as they come
                    MeteredEngine(engine, metrics), settings, intro=intro,
                    wrap=lambda e: MeteredEngine(e, metrics), swapped=metrics.index_loaded)
                application = build_application(answering, settings, state=state,
                                                budget=budget, polling=False,
                                                finished=live.finished)
                await _serve_bot(application, settings, live, serving)
        finally:
            stop.set()
            await stopper
            await serving
    log.info("webhook_stopped")
    return 0


async def _loaded(load: Callable[[Progress], Corpus], halt: threading.Event,
                  metrics: Metrics) -> tuple[Corpus, Intro] | None:
    """The engine ``load`` gives (in a worker thread) and its introduction, told to
    ``metrics``; ``None`` when a stop signal ended its build."""
    started = time.perf_counter()
    try:
        engine = await asyncio.to_thread(load, halting(halt))
    except Halted:
        log.info("webhook_load_stopped", seconds=round(time.perf_counter() - started, 3))
        return None
    intro = await asyncio.to_thread(introduce, engine)
    log.info("webhook_loaded", documents=engine.n_documents, passages=engine.n_passages,
             load_seconds=round(time.perf_counter() - started, 3))
    metrics.index_loaded(engine)
    return engine, intro


async def _serve_bot(application: Application, settings: Settings, live: Live,
                     serving: asyncio.Task[None]) -> None:
    """Initialise the bot (``getMe``), publish its commands, start it, set the webhook (URL,
    secret, the update types the handlers use, ``drop_pending_updates``) and take updates
    until ``serving`` ends; then process the queued updates and finish the answers in
    progress. The webhook is left set: other replicas may still serve it."""
    assert application.post_init is not None and application.post_stop is not None
    async with application:  # initialize ... shutdown
        await application.post_init(application)  # the commands menu; watching the index
        await application.start()
        try:
            live.application = application
            try:
                await application.bot.set_webhook(
                    settings.public_url(), secret_token=settings.secret_token(),
                    allowed_updates=list(ALLOWED_UPDATES),
                    drop_pending_updates=settings.drop_pending_updates,
                )
            except BadRequest as exc:  # (a NetworkError to PTB: "cannot reach" it is not)
                raise WebhookRefused(exc.message) from None
            # The index and everything start-up made live as long as the process: out of the
            # collector's sight, a full collection no longer walks them (50-100 ms over the
            # 80,000-140,000 objects of the seeds' engine and the libraries, stalling every
            # update meanwhile).
            gc.collect()
            gc.freeze()
            live.ready = True
            log.info("webhook_ready", bot=application.bot.username, url=settings.public_url(),
                     api_url=settings.telegram_api_url)
            await serving  # until a stop signal: no new connections, requests finished
        finally:
            live.ready, live.application = False, None
            await application.stop()  # the queued updates, then the answers in progress
            await application.post_stop(application)
            gc.unfreeze()


async def _stop_when_set(stop: asyncio.Event, server: uvicorn.Server,
                         halt: threading.Event) -> None:
    await stop.wait()
    log.info("webhook_stopping")  # (the answers in hand may take QABOT_SHUTDOWN_GRACE)
    halt.set()
    server.should_exit = True


STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


@contextmanager
def _stop_signals(stop: asyncio.Event) -> Iterator[None]:
    """SIGTERM and SIGINT set ``stop`` while the server runs (main thread only, where signals
    are delivered). uvicorn installs its own handlers while serving and, once done, raises the
    signal it caught again; with these installed first, that second delivery only sets ``stop``
    again instead of killing the process before the Application has finished."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    loop = asyncio.get_running_loop()
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, stop.set)
    try:
        yield
    finally:
        for sig in STOP_SIGNALS:
            loop.remove_signal_handler(sig)
