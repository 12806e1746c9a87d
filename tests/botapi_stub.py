"""A stand-in Telegram Bot API server on 127.0.0.1, for the real PTB client to talk to.

    with BotAPIStub(TOKEN) as api:                    # listens on a free loopback port
        settings = Settings(telegram_api_url=api.base_url, ...)
        api.push(api.message(chat=api.private(7), text="When was the CSTO formed?"))
        call = await api.wait_for("sendMessage")     # -> Call(method, params, result)

It serves ``getUpdates`` from a queue (long polling: a request waits until an update is pushed
or its ``timeout`` passes, at most ``max_wait`` seconds), records every request in order,
and answers the methods a bot uses with plausible objects (``sendMessage`` returns the message,
with ``reply_to_message`` when it quoted a pushed one). ``fail(method, ...)`` makes the next
calls of a method fail with a given status (429 with ``retry_after``, 502, ...), and
``slow(method, s)`` answers the next one late; a wrong token gets 401. As Telegram, it refuses
a reply to a message ``delete``-d, a second answer to one callback query, and a text it could
not show (HTML its parser refuses, empty, or over 4096 characters once parsed). The update
builders (``message``, ``callback``, ``inline_query``) make the JSON Telegram sends, so a
webhook test can POST them to the bot itself (``setWebhook`` and ``getWebhookInfo`` are
answered and recorded). The standard library's threading HTTP server keeps it usable from any
test, sync or async, and from a bot in another process.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "QA", "username": "qa_test_bot",
            "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": True}
_COMMAND = re.compile(r"/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?")  # what Telegram marks as a command
TEXT_FIELDS = frozenset({"text", "caption", "query", "callback_query_id", "inline_query_id",
                         "description", "url"})


@dataclass(frozen=True, slots=True)
class Call:
    """One request the bot made: the Bot API method and its decoded parameters."""

    method: str
    params: dict[str, Any]
    result: Any = None  # what the stub answered (the sent message, for sendMessage)

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None


@dataclass(slots=True)
class Failure:
    status: int
    description: str
    parameters: dict[str, Any] | None = None
    times: int = 1


@dataclass
class _State:
    updates: list[dict[str, Any]] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    failures: dict[str, list[Failure]] = field(default_factory=dict)
    chats: dict[int, dict[str, Any]] = field(default_factory=dict)
    messages: list[dict[str, Any]] = field(default_factory=list)  # every message pushed
    deleted: set[tuple[int, int]] = field(default_factory=set)  # (chat id, message id)
    delays: dict[str, float] = field(default_factory=dict)  # method -> seconds, once
    answered: set[str] = field(default_factory=set)  # callback queries answered
    tokens_seen: set[str] = field(default_factory=set)


class BotAPIStub:
    """The stand-in server (see the module docstring). Use it as a context manager."""

    def __init__(self, token: str, bot_user: dict[str, Any] | None = None,
                 max_wait: float = 0.25) -> None:
        self.token = token
        self.bot_user = bot_user or dict(BOT_USER)
        self.max_wait = max_wait
        self._state = _State()
        self._lock = threading.Condition()
        self._ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._closed = False
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,),
                                        daemon=True, name="botapi-stub")

    # --- lifecycle ------------------------------------------------------------------------------

    def __enter__(self) -> BotAPIStub:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def base_url(self) -> str:
        """The value for ``QABOT_TELEGRAM_API_URL`` (PTB appends the token and the method)."""
        return f"http://127.0.0.1:{self._server.server_port}/bot"

    # --- what the test does -----------------------------------------------------------------------

    def push(self, update: dict[str, Any]) -> int:
        """Queue an update for ``getUpdates``; gives it the next ``update_id`` and returns it."""
        with self._lock:
            update = {"update_id": next(self._ids), **update}
            for key in ("message", "edited_message"):
                if key in update:
                    message = update[key]
                    self._state.chats[message["chat"]["id"]] = message["chat"]
                    self._state.messages.append(message)
            self._state.updates.append(update)
            self._lock.notify_all()
            return int(update["update_id"])

    def fail(self, method: str, status: int = 429, description: str | None = None,
             retry_after: int | None = None, times: int = 1,
             parameters: dict[str, Any] | None = None) -> None:
        """Make the next ``times`` calls of ``method`` fail with HTTP ``status`` (and the
        response's ``parameters``: ``migrate_to_chat_id`` for a group upgraded meanwhile)."""
        if retry_after is not None:
            parameters = {**(parameters or {}), "retry_after": retry_after}
        text = description or ("Too Many Requests: retry after "
                               f"{retry_after}" if status == 429 else f"stub failure {status}")
        with self._lock:
            self._state.failures.setdefault(method, []).append(
                Failure(status, text, parameters, times))

    def slow(self, method: str, seconds: float) -> None:
        """Answer the next call of ``method`` after ``seconds``; it takes effect at once (a
        message is sent), as when Telegram is slow to answer."""
        with self._lock:
            self._state.delays[method] = seconds

    def delete(self, message: dict[str, Any]) -> None:
        """Delete a pushed message: a reply to it is refused from then on (400 "message to be
        replied not found"), unless the request allows sending without the reply."""
        with self._lock:
            self._state.deleted.add((message["chat"]["id"], message["message_id"]))

    def calls(self, method: str | None = None) -> list[Call]:
        """Every request so far (of one method, when given), in order."""
        with self._lock:
            return [c for c in self._state.calls if method is None or c.method == method]

    @property
    def tokens_seen(self) -> set[str]:
        with self._lock:
            return set(self._state.tokens_seen)

    async def wait_for(self, method: str, where: Callable[[Call], bool] = lambda c: True,
                       count: int = 1, timeout: float = 10.0) -> Call:
        """The ``count``-th call of ``method`` matching ``where``, once it has been made.

        ``timeout`` only bounds a failing test; nothing is measured with it.
        """
        deadline = time.monotonic() + timeout
        while True:
            found = [c for c in self.calls(method) if where(c)]
            if len(found) >= count:
                return found[count - 1]
            if time.monotonic() > deadline:
                made = [(c.method, c.text[:60]) for c in self.calls() if c.method != "getUpdates"]
                raise AssertionError(f"no {method} call #{count} matched; calls made: {made}")
            await asyncio.sleep(0.01)

    async def drained(self, timeout: float = 10.0) -> None:
        """Wait until the bot has fetched every pushed update (and confirmed it with an offset)."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                pending = self._state.updates
                last = self._state.updates[-1]["update_id"] if pending else 0
                offsets = [c.params.get("offset") for c in self._state.calls
                           if c.method == "getUpdates"]
            if not pending or any(o is not None and int(o) > last for o in offsets):
                return
            if time.monotonic() > deadline:
                raise AssertionError("the bot did not fetch every update")
            await asyncio.sleep(0.01)

    # --- update builders --------------------------------------------------------------------------

    @staticmethod
    def user(user_id: int, first_name: str = "Ann") -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": first_name}

    @staticmethod
    def private(chat_id: int) -> dict[str, Any]:
        return {"id": chat_id, "type": "private", "first_name": "Ann"}

    @staticmethod
    def group(chat_id: int, kind: str = "supergroup") -> dict[str, Any]:
        return {"id": chat_id, "type": kind, "title": "A group"}

    def message(self, chat: dict[str, Any], text: str | None = None, *,
                user: dict[str, Any] | None = None, edited: bool = False,
                entities: list[dict[str, Any]] | None = None,
                reply_to: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
        """A ``message`` (or ``edited_message``) update; commands and mentions of the bot get
        their entities, as Telegram would send them."""
        msg: dict[str, Any] = {"message_id": next(self._message_ids), "date": int(time.time()),
                               "chat": chat, "from": user or self.user(chat["id"]), **extra}
        if text is not None:
            msg["text"] = text
            msg["entities"] = entities if entities is not None else self._entities(text)
        if reply_to is not None:
            msg["reply_to_message"] = reply_to
        if edited:
            msg["edit_date"] = int(time.time())
        return {"edited_message" if edited else "message": msg}

    @staticmethod
    def sent(call: Call) -> dict[str, Any]:
        """The message a recorded ``sendMessage`` made, to reply to or press a button under."""
        assert isinstance(call.result, dict), f"{call.method} did not send a message"
        return dict(call.result)

    def callback(self, message: dict[str, Any], data: str,
                 user: dict[str, Any] | None = None) -> dict[str, Any]:
        """A ``callback_query`` update: a button with ``data`` pressed under ``message``."""
        return {"callback_query": {"id": f"cb{next(self._ids)}",
                                   "from": user or self.user(message["chat"]["id"]),
                                   "chat_instance": "ci", "message": message, "data": data}}

    def inline_query(self, query: str, user: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"inline_query": {"id": f"iq{next(self._ids)}", "from": user or self.user(7),
                                 "query": query, "offset": ""}}

    def _entities(self, text: str) -> list[dict[str, Any]]:
        out = []
        command = _COMMAND.match(text)  # "/ what", "// TODO" and "/\\" are no command
        if command:
            out.append({"type": "bot_command", "offset": 0, "length": len(command[0])})
        mention = f"@{self.bot_user['username']}"
        at = text.find(mention)
        if at >= 0:
            out.append({"type": "mention", "offset": _utf16_len(text[:at]),
                        "length": _utf16_len(mention)})
        return out

    # --- the server -------------------------------------------------------------------------------

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                stub._serve(self)

            do_GET = do_POST

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

        return Handler

    def _serve(self, request: BaseHTTPRequestHandler) -> None:
        token, _, method = request.path.removeprefix("/bot").partition("/")
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length).decode() if length else ""
        params = _decode(body, request.headers.get("Content-Type", ""))
        with self._lock:
            self._state.tokens_seen.add(token)
        if token != self.token:
            return _respond(request, 401, {"ok": False, "error_code": 401,
                                           "description": "Unauthorized"})
        with self._lock:
            failing = bool(self._state.failures.get(method))
        if method == "getUpdates" and not failing:
            return _respond(request, 200, {"ok": True, "result": self._get_updates(params)})
        with self._lock:
            queue = self._state.failures.get(method, [])
            failure = queue[0] if queue else self._refused(method, params)
            if failure:
                failure.times -= 1
                if failure.times <= 0 and queue:
                    queue.pop(0)
                payload: dict[str, Any] = {"ok": False, "error_code": failure.status,
                                           "description": failure.description}
                if failure.parameters:
                    payload["parameters"] = failure.parameters
                self._state.calls.append(Call(method, params, payload))
                status = failure.status
            else:
                payload = {"ok": True, "result": self._result(method, params)}
                self._state.calls.append(Call(method, params, payload["result"]))
                status = 200
            delay = self._state.delays.pop(method, 0.0)
        time.sleep(delay)
        return _respond(request, status, payload)

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), self.max_wait)
        deadline = time.monotonic() + wait
        with self._lock:
            self._state.calls.append(Call("getUpdates", params))
            # Confirmed updates are gone for good, as with Telegram.
            self._state.updates = [u for u in self._state.updates if u["update_id"] >= offset]
            while not self._state.updates and not self._closed:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._lock.wait(left)
            return list(self._state.updates)

    def _result(self, method: str, p: dict[str, Any]) -> Any:
        if method == "getMe":
            return self.bot_user
        if method in ("sendMessage", "editMessageText"):
            chat_id = int(p.get("chat_id") or 0)
            message = {"message_id": int(p.get("message_id") or next(self._message_ids)),
                       "date": int(time.time()),
                       "chat": self._state.chats.get(chat_id) or self.private(chat_id),
                       "from": self.bot_user, "text": p.get("text", "")}
            reply = p.get("reply_parameters")
            if isinstance(reply, dict):
                replied = self._find_message(chat_id, int(reply["message_id"]))
                if replied:
                    message["reply_to_message"] = replied
            if isinstance(p.get("reply_markup"), dict):
                message["reply_markup"] = p["reply_markup"]
            return message
        if method == "answerCallbackQuery":
            self._state.answered.add(str(p.get("callback_query_id")))
        if method == "getWebhookInfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        return True  # setMyCommands, sendChatAction, answerCallbackQuery, answerInlineQuery, ...

    def _refused(self, method: str, p: dict[str, Any]) -> Failure | None:
        """What Telegram refuses, as a one-off failure: a reply to a deleted message, a
        second answer to a callback query, and a text Telegram cannot send (``_unsendable``)."""
        problem = _unsendable(method, p)
        if problem is not None:
            return Failure(400, f"Bad Request: {problem}")
        if method == "answerCallbackQuery":
            if p.get("callback_query_id") not in self._state.answered:
                return None
            return Failure(400, "Bad Request: query is too old and response timeout expired "
                           "or query ID is invalid")
        reply = p.get("reply_parameters")
        if (not isinstance(reply, dict) or reply.get("allow_sending_without_reply")
                or (int(p.get("chat_id") or 0), int(reply["message_id"]))
                not in self._state.deleted):
            return None
        return Failure(400, "Bad Request: message to be replied not found")

    def _find_message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        return next((m for m in self._state.messages
                     if m["chat"]["id"] == chat_id and m["message_id"] == message_id), None)


# Telegram's HTML parse mode: these tags, and only these named entities (numeric ones too)
TELEGRAM_TAGS = frozenset({"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a",
                           "code", "pre", "span", "tg-spoiler", "tg-emoji", "blockquote"})
_TAG = re.compile(r"<(/?)([a-z-]*)[^>]*>", re.IGNORECASE)
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);", re.IGNORECASE)
MESSAGE_LIMIT = 4096  # characters of a message after its entities are parsed (UTF-16 units)
CALLBACK_ANSWER_LIMIT = 200


def parse_html(html: str) -> str | None:
    """The text Telegram shows for ``html`` in its HTML parse mode, or ``None`` when it refuses
    it ("can't parse entities"): a ``<`` that opens no supported tag, an end tag that closes
    no open one, a tag left open."""
    out, open_tags, pos = [], [], 0
    while (lt := html.find("<", pos)) >= 0:
        out.append(html[pos:lt])
        tag = _TAG.match(html, lt)
        if tag is None or tag[2].lower() not in TELEGRAM_TAGS:
            return None
        name = tag[2].lower()
        if tag[1]:
            if not open_tags or open_tags[-1] != name:
                return None
            open_tags.pop()
        else:
            open_tags.append(name)
        pos = tag.end()
    out.append(html[pos:])
    if open_tags:
        return None
    return _ENTITY.sub(lambda m: _unescape(m[1]), "".join(out))


def _unescape(name: str) -> str:
    named = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
    if name.lower() in named:
        return named[name.lower()]
    return chr(int(name[2:], 16) if name[1:2].lower() == "x" else int(name[1:]))


def _unsendable(method: str, p: dict[str, Any]) -> str | None:
    """Why Telegram would refuse to send this text, or ``None``: HTML it cannot parse, a text
    empty or longer than ``MESSAGE_LIMIT`` once parsed (also inside inline results), a
    callback query's answer over ``CALLBACK_ANSWER_LIMIT``."""
    if method == "answerCallbackQuery":
        text = str(p.get("text") or "")
        return "MESSAGE_TOO_LONG" if len(text) > CALLBACK_ANSWER_LIMIT else None
    if method in ("sendMessage", "editMessageText"):
        texts = [(str(p.get("text", "")), p.get("parse_mode"))]
    elif method == "answerInlineQuery":
        results = p.get("results") or []
        if not isinstance(results, list):
            return None
        texts = [(str(c.get("message_text", "")), c.get("parse_mode"))
                 for r in results if isinstance(c := r.get("input_message_content"), dict)]
    else:
        return None
    for text, mode in texts:
        shown = parse_html(text) if mode == "HTML" else text
        if shown is None:
            return "can't parse entities: unsupported start tag or unmatched end tag"
        if not shown.strip():
            return "message text is empty"
        if _utf16_len(shown.strip()) > MESSAGE_LIMIT:
            return "message is too long"
    return None


def _decode(body: str, content_type: str) -> dict[str, Any]:
    """PTB posts form fields whose values are JSON, except plain strings."""
    if "json" in content_type:
        return dict(json.loads(body or "{}"))
    params: dict[str, Any] = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        if key in TEXT_FIELDS:
            params[key] = value
            continue
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params


def _respond(request: BaseHTTPRequestHandler, status: int, payload: dict[str, Any]) -> None:
    data = json.dumps(payload).encode()
    try:
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)
    except (BrokenPipeError, ConnectionResetError):  # the client gave up (a cancelled poll)
        pass


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class HeldMethod(BotAPIStub):
    """The stand-in Bot API, except that a request for ``method`` waits for ``release`` (and
    sets ``arrived`` when it comes in): a bot still starting up (``getMe``), an answer on its
    way (``sendMessage``), for as long as a test needs."""

    method = ""

    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.arrived = threading.Event()
        self.release = threading.Event()

    def _serve(self, request: BaseHTTPRequestHandler) -> None:
        if request.path.endswith(f"/{self.method}"):
            self.arrived.set()
            assert self.release.wait(30), f"the test never released {self.method}"
        super()._serve(request)
