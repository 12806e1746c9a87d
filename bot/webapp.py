"""The webhook's ASGI app (``create_app``): the Telegram route and what it checks before an
update is queued, health, readiness and metrics routes, and an access log event per request.

The webhook route only checks the request and queues the update. Every refusal is a 4xx with
one sentence saying why (a 503 while starting or stopping, or with ``webhook_max_pending``
updates in hand: Telegram sends those again later); nothing from the request is ever echoed
back. An update this process has already taken in (Telegram sends one again when it saw no 200
in time) gets a 200 and is not answered again; a body cut off midway is a 400, not an error.
``webhook.py`` serves the app.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import time
from dataclasses import dataclass
from typing import Any

import structlog
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from telegram import Chat, Update
from telegram import Message as ChatMessage
from telegram.ext import Application

from .config import Settings
from .metrics import Metrics
from .state import ChatState

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


def create_app(settings: Settings, live: Live, metrics: Metrics, state: ChatState) -> Starlette:
    """The ASGI app: the Telegram route at ``settings.webhook_path``, health, readiness and
    metrics routes, an access log event per request, and plain one-sentence 404/405s.
    ``state`` tells which updates were taken in already (by this process, or by any replica)
    and where it lives, for ``/readyz``.

    ``settings.secret_token()`` must be valid (it raises ``ValueError`` otherwise).
    """
    secret = settings.secret_token().encode()

    async def telegram(request: Request) -> Response:
        try:
            update_id, queued = await accept(request, secret, live, state,
                                             settings.webhook_max_pending,
                                             settings.webhook_head_timeout)
        except Refused as refused:
            metrics.rejected.labels(refused.reason).inc()
            return PlainTextResponse(refused.why + "\n", refused.status)
        request.state.update_id = update_id
        if queued:
            metrics.received.inc()
        else:  # a copy of one already taken in: 200 all the same, so that Telegram stops sending it
            metrics.rejected.labels("duplicate").inc()
        return Response(status_code=200)

    async def healthz(request: Request) -> Response:
        return PlainTextResponse("alive\n")

    async def readyz(request: Request) -> Response:
        shared = f"state: {state.status()}\n"  # said, never failed on: answers go on without it
        if live.ready and live.running():
            return PlainTextResponse("ready\n" + shared)
        return PlainTextResponse("not ready: loading the index, or stopping\n" + shared, 503)

    metrics_auth = (f"Bearer {settings.metrics_token.get_secret_value()}".encode()
                    if settings.metrics_token else None)

    async def metrics_route(request: Request) -> Response:
        if metrics_auth is not None and not _header_is(request, "authorization", metrics_auth):
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


async def accept(request: Request, secret: bytes, live: Live, state: ChatState,
                 max_pending: int, body_seconds: float = 10.0) -> tuple[int, bool]:
    """Check one webhook request and queue its update: its ``update_id`` and whether it was
    queued (not when ``state`` has seen that update taken in already), or ``Refused``.
    With ``max_pending`` updates in hand, an update is refused (503): Telegram keeps it and
    sends it again later, instead of the server piling up work and memory without end."""
    if not _header_is(request, SECRET_HEADER, secret):
        raise Refused(403, "secret", "The X-Telegram-Bot-Api-Secret-Token header is missing "
                      "or wrong.")
    application = live.running()
    if application is None:
        raise Refused(503, "not_ready", "The bot is starting or stopping; send it again later.")
    if live.pending >= max_pending:
        raise Refused(503, "busy", "The bot has too many updates in hand; send it again later.")
    body = await read_body(request, MAX_BODY, body_seconds)
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
        if _misread(update):
            raise TypeError("a text the handlers read is no string")
    except Exception:  # any field of any type may come in: whatever PTB cannot read is refused
        raise Refused(400, "not_update", "The JSON is not a Telegram Update: a field has the "
                      "wrong type.") from None
    if not await state.first_delivery(update_id):
        return update_id, False
    await application.update_queue.put(update)
    live.pending += 1
    return update_id, True


def _misread(update: Update) -> bool:
    """Whether a field the handlers or PTB read has the wrong type. PTB's ``de_json`` checks
    none: ``"text": 123`` made a message whose text is a number, and a user or chat id that is
    an object, an entity's offset that is a string, or a message without its chat failed in
    PTB or in a handler (a traceback, and a "Sorry" that failed as well)."""
    checks: list[tuple[object, type, bool]] = []  # (value, its type, whether None will do)
    user = update.effective_user
    if user is not None:
        checks.append((user.id, int, False))
    message = update.effective_message
    for m in (message, getattr(message, "reply_to_message", None)):
        if m is not None:
            checks += _message_fields(m)
    quote = getattr(message, "quote", None)  # the part of the message replied to it quotes
    if quote is not None:
        checks += [(quote.text, str, False), (quote.position, int, False)]
    if update.inline_query is not None:
        checks += [(update.inline_query.id, str, False), (update.inline_query.query, str, False)]
    query = update.callback_query
    if query is not None:  # under a message, or one sent inline: Telegram names either
        checks += [(query.id, str, False), (query.data, str, True),
                   (query.message or query.inline_message_id, object, False)]
    return not all(_typed(value, kind, optional) for value, kind, optional in checks)


def _message_fields(m: object) -> list[tuple[object, type, bool]]:
    """What ``_misread`` checks of one message: its chat, ids, texts and their entities."""
    chat = getattr(m, "chat", None)
    fields: list[tuple[object, type, bool]] = [
        (chat, Chat, False), (getattr(chat, "id", None), int, False),
        (getattr(m, "message_id", None), int, False)]
    if isinstance(m, ChatMessage):
        fields += [(m.text, str, True), (m.caption, str, True), (m.message_thread_id, int, True),
                   (m.migrate_to_chat_id, int, True), (m.migrate_from_chat_id, int, True)]
        fields += [(who.id, int, False) for who in (m.from_user, m.sender_chat, m.via_bot)
                   if who is not None]
        for entity in (*m.entities, *m.caption_entities):
            fields += [(entity.offset, int, False), (entity.length, int, False),
                       (entity.type, str, False)]
    return fields


def _typed(value: object, kind: type, optional: bool) -> bool:
    """Whether ``value`` is a ``kind`` (an int that is no bool), or ``None`` when ``optional``."""
    if value is None:
        return optional
    return isinstance(value, kind) and not (kind is int and isinstance(value, bool))


def _header_is(request: Request, name: str, expected: bytes) -> bool:
    """Whether header ``name`` holds ``expected`` (in constant time: a guess learns nothing)."""
    given = request.headers.get(name, "").encode("latin-1")  # as the server decoded it
    return hmac.compare_digest(given, expected)


async def read_body(request: Request, limit: int, seconds: float = 10.0) -> bytes:
    """The request body, refused (413) as soon as it is known to exceed ``limit`` bytes: by
    its Content-Length, or while reading the stream (a chunked body has no length); and (408)
    when it has not all come within ``seconds``."""
    too_large = Refused(413, "too_large", f"The body is over {limit / (1 << 20):g} MiB; "
                        "Telegram updates are far smaller.")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks, size = [], 0
    try:
        async with asyncio.timeout(seconds):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise too_large
                chunks.append(chunk)
    except TimeoutError:
        raise Refused(408, "too_slow", f"The body did not come within {seconds:g} s.") from None
    except ClientDisconnect:  # the client went away mid-body: nothing to answer, nothing to do
        raise Refused(400, "aborted", "The body ended before it was complete.") from None
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
