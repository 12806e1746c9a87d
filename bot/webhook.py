"""The webhook server: ``create_app`` builds the Starlette app, ``serve`` runs it with uvicorn.

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

The webhook route only checks the request and queues the update. Every refusal is a 4xx with
one sentence saying why (a 503 while starting or stopping, or with ``webhook_max_pending``
updates in hand: Telegram sends those again later); nothing from the request is ever echoed
back.
"""

from __future__ import annotations

import asyncio
import gc
import hmac
import json
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import structlog
import uvicorn
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from telegram import Update
from telegram.ext import Application

from .config import Settings
from .intro import Corpus, introduce
from .metrics import MeteredEngine, Metrics
from .state import ChatState
from .telegram import ALLOWED_UPDATES, announce, build_application

log = structlog.get_logger()

MAX_BODY = 1 << 20  # bytes: Telegram's updates are a few KiB; a bigger body is not from it
SECRET_HEADER = "x-telegram-bot-api-secret-token"
LOGGED_PATH_CHARS = 200  # an unknown path is logged, but not at any length


@dataclass
class Live:
    """The running ``Application`` the webhook route queues updates for: ``None`` until
    start-up has loaded the index and started it, and again once shutdown begins. ``ready``
    once start-up has finished (the webhook is set), until shutdown begins."""

    application: Application | None = None
    ready: bool = False
    pending: int = 0  # updates taken in and not yet handled

    def finished(self) -> None:
        """One update has been handled."""
        self.pending = max(0, self.pending - 1)

    def running(self) -> Application | None:
        """The Application while it is running, else ``None``."""
        app = self.application
        return app if app is not None and app.running else None


class Refused(Exception):
    """A webhook request turned down: its status, the ``reason`` label, and why, in a sentence."""

    def __init__(self, status: int, reason: str, why: str) -> None:
        super().__init__(why)
        self.status, self.reason, self.why = status, reason, why


def create_app(settings: Settings, live: Live, metrics: Metrics) -> Starlette:
    """The ASGI app: the Telegram route at ``settings.webhook_path``, health, readiness and
    metrics routes, an access log event per request, and plain one-sentence 404/405s.

    ``settings.secret_token()`` must be valid (it raises ``ValueError`` otherwise).
    """
    secret = settings.secret_token().encode()

    async def telegram(request: Request) -> Response:
        try:
            update_id = await accept(request, secret, live, settings.webhook_max_pending)
        except Refused as refused:
            metrics.rejected.labels(refused.reason).inc()
            return PlainTextResponse(refused.why + "\n", refused.status)
        metrics.received.inc()
        request.state.update_id = update_id
        return Response(status_code=200)

    async def healthz(request: Request) -> Response:
        return PlainTextResponse("alive\n")

    async def readyz(request: Request) -> Response:
        if live.ready and live.running():
            return PlainTextResponse("ready\n")
        return PlainTextResponse("not ready: loading the index, or stopping\n", 503)

    metrics_auth = (f"Bearer {settings.metrics_token.get_secret_value()}".encode()
                    if settings.metrics_token else None)

    async def metrics_route(request: Request) -> Response:
        if metrics_auth is not None and not hmac.compare_digest(
                request.headers.get("authorization", "").encode("latin-1"), metrics_auth):
            return PlainTextResponse("The metrics need the Authorization: Bearer token set in "
                                     "QABOT_METRICS_TOKEN.\n", 401,
                                     headers={"WWW-Authenticate": "Bearer"})
        body, content_type = metrics.exposition()
        return Response(body, media_type=content_type)

    app = Starlette(
        routes=[
            Route(settings.webhook_path, telegram, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
            Route("/metrics", metrics_route, methods=["GET"]),
        ],
        exception_handlers={404: _not_found, 405: _not_allowed},
    )
    app.router.redirect_slashes = False  # a redirect would echo the path back
    app.add_middleware(AccessLog)
    return app


async def accept(request: Request, secret: bytes, live: Live, max_pending: int) -> int:
    """Check one webhook request and queue its update; its ``update_id``, or ``Refused``.
    With ``max_pending`` updates in hand, an update is refused (503): Telegram keeps it and
    sends it again later, instead of the server piling up work and memory without end."""
    given = request.headers.get(SECRET_HEADER, "").encode("latin-1")  # as the server decoded it
    if not hmac.compare_digest(given, secret):
        raise Refused(403, "secret", "The X-Telegram-Bot-Api-Secret-Token header is missing "
                      "or wrong.")
    application = live.running()
    if application is None:
        raise Refused(503, "not_ready", "The bot is starting or stopping; send it again later.")
    if live.pending >= max_pending:
        raise Refused(503, "busy", "The bot has too many updates in hand; send it again later.")
    body = await read_body(request, MAX_BODY)
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        raise Refused(400, "not_json", "The body is not JSON.") from None
    update_id = data.get("update_id") if isinstance(data, dict) else None
    if not isinstance(update_id, int) or isinstance(update_id, bool):
        raise Refused(400, "not_update", "The JSON is not a Telegram Update: an Update is an "
                      "object with an integer update_id.")
    try:
        update = Update.de_json(data, application.bot)
    except Exception:  # any field of any type may come in: whatever PTB cannot read is refused
        raise Refused(400, "not_update", "The JSON is not a Telegram Update: a field has the "
                      "wrong type.") from None
    await application.update_queue.put(update)
    live.pending += 1
    return update_id


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it is known to exceed ``limit`` bytes: by
    its Content-Length, or while reading the stream (a chunked body has no length)."""
    too_large = Refused(413, "too_large", f"The body is over {limit / (1 << 20):g} MiB; "
                        "Telegram updates are far smaller.")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


async def _not_found(request: Request, exc: Exception) -> Response:
    return PlainTextResponse("Nothing here: this server only takes Telegram updates.\n", 404)


async def _not_allowed(request: Request, exc: Exception) -> Response:
    headers = exc.headers if isinstance(exc, HTTPException) else None
    allowed = (headers or {}).get("Allow", "another method")
    return PlainTextResponse(f"This route only answers {allowed}.\n", 405, headers=headers)


class AccessLog:
    """ASGI middleware: one ``http_request`` event per request (method, path, status, ms and the
    update id the webhook route noted in ``request.state``). No header, query or body is
    logged, so neither the secret nor anything a caller sent ends up in the logs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        state: dict[str, Any] = scope.setdefault("state", {})
        status = 500  # what the server sends when the app fails before answering

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            log.info("http_request", method=scope["method"],
                     path=scope["path"][:LOGGED_PATH_CHARS], status=status,
                     ms=round((time.perf_counter() - started) * 1000, 1),
                     update_id=state.get("update_id"))


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
    load: Callable[[], Corpus],
    *,
    sock: socket.socket,
    stop: asyncio.Event | None = None,
    metrics: Metrics | None = None,
    state: ChatState | None = None,
) -> int:
    """Serve the bot on ``sock`` until SIGTERM or SIGINT (or ``stop`` is set); 0 when done.

    Start-up, while ``/healthz`` already answers: ``load()`` the engine (in a worker thread),
    then ``_serve_bot``. A rejected token or an unreachable Bot API raises as in
    ``run_polling`` (``InvalidToken``, ``NetworkError``), once the server has stopped.
    """
    stop = stop or asyncio.Event()
    metrics = metrics or Metrics()
    live = Live()
    server = uvicorn.Server(uvicorn.Config(
        create_app(settings, live, metrics), lifespan="off", log_config=None, access_log=False,
        server_header=False,
    ))
    host, port = sock.getsockname()[:2]
    log.info("webhook_listening", host=host, port=port, path=settings.webhook_path)
    with _stop_signals(stop):
        serving = asyncio.create_task(server.serve(sockets=[sock]))
        stopper = asyncio.create_task(_stop_when_set(stop, server))
        try:
            started = time.perf_counter()
            engine = await asyncio.to_thread(load)
            intro = await asyncio.to_thread(introduce, engine)
            log.info("webhook_loaded", documents=engine.n_documents, passages=engine.n_passages,
                     load_seconds=round(time.perf_counter() - started, 3))
            metrics.index_loaded(engine)
            if not stop.is_set():  # else stopped while loading: nothing to start
                application = build_application(MeteredEngine(engine, metrics), settings,
                                                state=state, polling=False, intro=intro,
                                                finished=live.finished)
                await _serve_bot(application, settings, live, serving)
        finally:
            stop.set()
            await stopper
            await serving
    log.info("webhook_stopped")
    return 0


async def _serve_bot(application: Application, settings: Settings, live: Live,
                     serving: asyncio.Task[None]) -> None:
    """Initialise the bot (``getMe``), publish its commands, start it, set the webhook (URL,
    secret, the update types the handlers use, ``drop_pending_updates``) and take updates
    until ``serving`` ends; then process the queued updates and finish the answers in
    progress. The webhook is left set: other replicas may still serve it."""
    async with application:  # initialize ... shutdown
        await announce(application)
        await application.start()
        try:
            live.application = application
            await application.bot.set_webhook(
                settings.public_url(), secret_token=settings.secret_token(),
                allowed_updates=list(ALLOWED_UPDATES),
                drop_pending_updates=settings.drop_pending_updates,
            )
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
            gc.unfreeze()


async def _stop_when_set(stop: asyncio.Event, server: uvicorn.Server) -> None:
    await stop.wait()
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
