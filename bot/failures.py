"""The bot's one error handler: what failed is logged with the update's ids, the user is told
briefly, and the bot keeps going; the failures routine on Telegram are one line each.
"""

from __future__ import annotations

import warnings
from datetime import timedelta

import structlog
from telegram import Update
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import ContextTypes
from telegram.warnings import PTBDeprecationWarning

from .replies import SORRY

log = structlog.get_logger()

# The Bot API's answer to an answer to a button tap or an inline query that came too late (the
# bot was down, or busy): the user has stopped waiting for it
QUERY_TOO_OLD = "query is too old"
# ... and to a message to a chat the bot may not write to, besides a 403: a group whose admins
# took its right to post, a closed forum topic, a basic group it was removed from
UNWRITABLE = ("not enough rights", "have no rights", "chat_write_forbidden", "chat_restricted",
              "topic_closed", "topic_deleted", "chat not found")


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The one error handler: log with the update's ids, tell the user briefly, keep going.

    A chat the bot may no longer write to (``Forbidden``: the user blocked the bot or was
    deactivated, the bot was removed from the group; a ``BadRequest`` of ``UNWRITABLE``:
    its right to post taken, a closed topic) is routine on Telegram: one line, and nothing
    sent to that chat; so is a reply to a group Telegram has upgraded to a supergroup
    meanwhile (``ChatMigrated``: the old id takes no message, not even a "Sorry"), a reply
    that timed out (it may have arrived, and a "Sorry" would follow the answer), and an
    answer to a button tap or an inline query that came too late for Telegram to take it,
    and a reply Telegram's flood limits kept
    refusing (a 429 "retry after" waited out as often as ``SendLimiter`` does). A failed
    ``getUpdates`` (a proxy's 502, a 409 while another instance polls) comes with no
    update: PTB polls again, so it is one warning."""
    if update is None and isinstance(context.error, TelegramError):
        log.warning("polling_retry", error=type(context.error).__name__,
                    reason=context.error.message)
        return
    ids: dict[str, int | None] = {}
    if isinstance(update, Update):
        ids = {"update_id": update.update_id,
               "chat_id": update.effective_chat.id if update.effective_chat else None,
               "user_id": update.effective_user.id if update.effective_user else None}
    if isinstance(context.error, Forbidden) or _unwritable(context.error):
        assert isinstance(context.error, TelegramError)
        log.info("chat_unreachable", **ids, reason=context.error.message)
        return
    if isinstance(context.error, ChatMigrated):  # a "Sorry" to the old id fails the same way
        log.warning("chat_migrated", **ids, new_chat_id=context.error.new_chat_id,
                    hint="the group became a supergroup: its members ask again there")
        return
    if isinstance(context.error, TimedOut):  # the reply may have arrived: no "Sorry" after it
        log.warning("reply_timed_out", **ids, reason=context.error.message)
        return
    if isinstance(context.error, RetryAfter):  # waited out already: a "Sorry" would meet
        log.warning("reply_flood_limited", **ids,  # the same limit
                    retry_after=retry_seconds(context.error))
        return
    if isinstance(context.error, BadRequest) and QUERY_TOO_OLD in context.error.message.lower():
        log.info("query_expired", **ids)  # a "Sorry" would be one more answer to it
        return
    log.error("update_failed", **ids, error=type(context.error).__name__,
              exc_info=context.error)
    if not isinstance(update, Update):
        return
    try:
        if update.callback_query:
            await update.callback_query.answer(SORRY)
        elif update.effective_message:
            await update.effective_message.reply_text(SORRY)
    except Exception as exc:  # any failure here is PTB's traceback otherwise
        log.warning("error_reply_failed", **ids, error=type(exc).__name__)


def _unwritable(error: object) -> bool:
    """Whether ``error`` is Telegram's 400 for a chat the bot may not write to."""
    return isinstance(error, BadRequest) and any(
        marker in error.message.lower() for marker in UNWRITABLE)


def retry_seconds(exc: RetryAfter) -> float:
    """The seconds a 429 asks to wait (PTB 22 gives an int, with a warning, or a timedelta)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
