"""structlog configuration: key/value events to stderr, secrets redacted.

``configure`` is called once by the entry point. Every other module only does
``log = structlog.get_logger()``.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable, Iterator, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import structlog

REDACTED = "[REDACTED]"
# A secret shorter than this is not scrubbed on its own: replacing "2" everywhere garbled every
# timestamp and id and showed what the secret was. (Secrets that guard something are longer:
# the webhook secret must be 16 or more; a short Redis password is scrubbed inside its URL.)
MIN_REDACTED = 6
_SECRET_KEYS = re.compile(r"token|secret|password|authorization", re.I)
# A Telegram bot token anywhere in a string: digits, colon, 35 url-safe characters.
_BOT_TOKEN = re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{30,}")
# The password in a URL's userinfo (``scheme://user:PASSWORD@host``): a self-hosted Bot API
# server behind basic auth, in QABOT_TELEGRAM_API_URL, shows up in every line naming the URL.
_URL_PASSWORD = re.compile(r"(\b[A-Za-z][A-Za-z0-9+.-]*://[^/?#@\s:]*:)[^/?#@\s]+@")

# What a terminal acts on: C0 controls but the line break and the tab (the console renderer
# quotes a value holding a line break; a traceback needs both), DEL, and C1 (U+009B is a CSI
# of one character). ESC sequences in a logged request path set a window title, cleared the
# screen and printed red text for whoever followed the log (`docker logs -f`).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with every terminal control character written as its escape (``\\x1b``)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def escape_controls(
    _logger: Any, _name: str, event: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """A structlog processor for lines read on a terminal: ``printable`` on every string value
    (others are printed by ``repr``, which escapes them already). JSON escapes them itself."""
    for key, value in event.items():
        if isinstance(value, str):
            event[key] = printable(value)
    return event


def hide_password(text: str) -> str:
    """``text`` with the password of every URL in it replaced by ``[REDACTED]``."""
    return _URL_PASSWORD.sub(rf"\g<1>{REDACTED}@", text)


class Redactor:
    """A structlog processor that removes secrets from every value of an event."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self.secrets = [s for s in secrets if len(s) >= MIN_REDACTED]
        # whatever its case: a library may change it (PTB capitalises the Bot API's error
        # descriptions, which can quote what was sent)
        self._secret = (re.compile("|".join(map(re.escape, self.secrets)), re.I)
                        if self.secrets else None)

    def scrub(self, text: str) -> str:
        if self._secret is not None:
            text = self._secret.sub(REDACTED, text)
        return _BOT_TOKEN.sub(REDACTED, hide_password(text))

    def __call__(
        self, _logger: Any, _name: str, event: MutableMapping[str, Any]
    ) -> MutableMapping[str, Any]:
        for key, value in list(event.items()):
            if _SECRET_KEYS.search(key) and key != "event" and value:
                event[key] = REDACTED
            elif isinstance(value, str):
                event[key] = self.scrub(value)
            elif value is not None and not isinstance(value, int | float | bool):
                text = str(value)
                scrubbed = self.scrub(text)
                if scrubbed != text:
                    event[key] = scrubbed
        return event


class _RedactingFormatter(logging.Formatter):
    """Scrubs stdlib log lines whole: httpx logs request URLs, which hold the token, and a
    traceback can quote one too."""

    def __init__(self, redactor: Redactor, fmt: str) -> None:
        super().__init__(fmt)
        self.redactor = redactor

    def format(self, record: logging.LogRecord) -> str:
        return printable(self.redactor.scrub(super().format(record)))


# The events the command in progress says itself (``said_elsewhere``)
_SAID_ELSEWHERE: ContextVar[frozenset[str]] = ContextVar("said_elsewhere", default=frozenset())


@contextmanager
def said_elsewhere(*events: str) -> Iterator[None]:
    """While entered, the log events named ``events`` are dropped: what they say, the command
    says itself (``qabot index`` lists the files it skipped; each ``file_skipped`` warning
    said one a second time)."""
    token = _SAID_ELSEWHERE.set(_SAID_ELSEWHERE.get() | frozenset(events))
    try:
        yield
    finally:
        _SAID_ELSEWHERE.reset(token)


def _unless_said_elsewhere(logger: Any, method: str,
                           event: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    if event.get("event") in _SAID_ELSEWHERE.get():
        raise structlog.DropEvent
    return event


def configure(fmt: str = "console", level: str = "INFO", secrets: Iterable[str] = ()) -> None:
    """Send structlog (and stdlib logging) to stderr, human-readable or JSON, with redaction."""
    redactor = Redactor(secrets)
    renderer: Any = (
        structlog.processors.JSONRenderer()
        if fmt == "json"
        else structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty())
    )
    structlog.configure(
        processors=[
            _unless_said_elsewhere,
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            redactor,
            *([] if fmt == "json" else [escape_controls]),
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=False,
    )
    handler = logging.StreamHandler(sys.stderr)
    # the libraries' lines (PTB, httpx, uvicorn) too: as JSON, one object a line, or a log
    # shipper cannot read them (a traceback would be a dozen plain lines)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[structlog.stdlib.add_logger_name,
                               structlog.processors.add_log_level,
                               structlog.processors.TimeStamper(fmt="iso", utc=True)],
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                        structlog.processors.format_exc_info, redactor, renderer])
        if fmt == "json"
        else _RedactingFormatter(redactor, "%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING if level != "DEBUG" else logging.DEBUG)
    # pypdf warns of every flaw of a damaged PDF ("EOF marker not found") in lines of its own;
    # qabot says what it could not read, and why, once (file_skipped, qabot show)
    logging.getLogger("pypdf").setLevel(logging.ERROR if level != "DEBUG" else logging.DEBUG)
