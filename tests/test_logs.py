"""Logging: key/value events to stderr, the libraries' lines in the same format, redacted."""

from __future__ import annotations

import json
import logging

import pytest
import structlog

from bot import logs

from .evaldata import logging_restored


def test_in_json_every_line_is_one_json_object_the_libraries_lines_too(
        capsys: pytest.CaptureFixture[str]) -> None:
    """PTB logs a proxy's 502 page with a traceback; a log shipper reads one object a line."""
    with logging_restored():
        logs.configure("json", "INFO", ["s3cretvalue"])
        structlog.get_logger().warning("polling_retry", error="NetworkError")
        try:
            raise ValueError("Invalid server response s3cretvalue")
        except ValueError:
            logging.getLogger("telegram.request.BaseRequest").exception(
                "Can not load invalid JSON data: %r", "<html>502 Bad Gateway</html>")
    lines = capsys.readouterr().err.splitlines()
    events = [json.loads(line) for line in lines]
    assert events[0]["event"] == "polling_retry"
    library = events[1]
    assert library["level"] == "error" and library["logger"] == "telegram.request.BaseRequest"
    assert "502 Bad Gateway" in library["event"]
    assert "ValueError: Invalid server response [REDACTED]" in library["exception"]
    assert len(lines) == 2


def test_a_secret_too_short_to_be_told_from_other_text_is_not_scrubbed() -> None:
    """(a metrics token "2" turned every "2" of every line into [REDACTED]: timestamps, ids,
    and it showed what the token was)"""
    redact = logs.Redactor(["2", "ab12c", "pw-secret"])
    event = redact(None, "info", {"event": "x", "timestamp": "2026-12-06T18:31:36Z",
                                  "host": "127.0.0.1 ab12c", "url": "redis://:pw-secret@h/0"})
    assert event["timestamp"] == "2026-12-06T18:31:36Z" and event["host"] == "127.0.0.1 ab12c"
    assert event["url"] == f"redis://:{logs.REDACTED}@h/0"


def test_terminal_control_characters_are_escaped_on_the_console(
        capsys: pytest.CaptureFixture[str]) -> None:
    """(a webhook request for /x%1b]0;PWNED%07%1b[2J... set the title of, cleared and wrote on
    the terminal of whoever followed the log: its path is logged as decoded)"""
    path = "/x\x1b]0;PWNED\x07\x1b[2J\x1b[31mFAKE_ERROR\x1b[0m\r\x9b1m"
    with logging_restored():
        logs.configure("console", "INFO")
        structlog.get_logger().info("http_request", method="GET", path=path, status=404)
        logging.getLogger("uvicorn.error").warning("Invalid HTTP request: %s", path)
    err = capsys.readouterr().err
    assert not any(c in err for c in "\x1b\x07\r\x9b")
    assert r"path=/x\x1b]0;PWNED\x07\x1b[2J\x1b[31mFAKE_ERROR\x1b[0m\x0d\x9b1m" in err
    assert r"Invalid HTTP request: /x\x1b]0;PWNED" in err
