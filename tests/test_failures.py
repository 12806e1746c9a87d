"""``failures.on_error``: the "Sorry" after a failure that fails itself is one line."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from structlog.testing import capture_logs
from telegram import Bot, Message, Update


async def test_a_sorry_that_fails_with_any_error_is_one_warning_not_ptbs_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The "Sorry" caught Telegram's errors only: a send refused by the rate limiter's own
    ValueError (a send rate under 1, fixed since) went on to python-telegram-bot's "uncaught
    error while handling the error" traceback."""
    from bot.failures import on_error

    async def refused(self: Message, *args: object, **kwargs: object) -> Message:
        raise ValueError("max_rate must be at least 1")

    monkeypatch.setattr(Message, "reply_text", refused)
    update = Update.de_json({"update_id": 7, "message": {
        "message_id": 1, "date": 0, "chat": {"id": 5, "type": "private"},
        "from": {"id": 5, "is_bot": False, "first_name": "A"}, "text": "hi"}},
        Bot("123:" + "a" * 35))
    with capture_logs() as events:
        await on_error(update, SimpleNamespace(error=RuntimeError("boom")))  # type: ignore[arg-type]
    assert [(e["event"], e.get("error")) for e in events] == [
        ("update_failed", "RuntimeError"), ("error_reply_failed", "ValueError")]
