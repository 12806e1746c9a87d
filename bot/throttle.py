"""The rate limit on replies: each user (or chat a message is sent as) gets at most
``QABOT_RATE_LIMIT`` replies a minute, and is told to slow down once a minute at most; a
question over ``QABOT_MAX_QUESTION_CHARS`` is turned down.
"""

from __future__ import annotations

import time

import structlog
from telegram import Update

from .config import Settings
from .replies import SLOW_DOWN, TOO_LONG
from .state import ChatState

log = structlog.get_logger()


class Throttle:
    """The rate limit's decisions for the handlers, counted in the per-chat ``state``."""

    def __init__(self, settings: Settings, state: ChatState) -> None:
        self.settings = settings
        self.state = state

    async def may_reply(self, update: Update) -> bool:
        """Whether a reply to ``update`` keeps its user within the rate limit. Every reply
        counts, not only answers: one user's flood of stickers, /help or Quote taps spent the
        send budget every chat shares. Over it: told to slow down once a minute, else nothing
        (a button's spinner is stopped)."""
        who = sender(update)
        if who is None:
            return True
        slow = await self.over_limit(who)
        if slow is None:
            return True
        if update.callback_query:
            await update.callback_query.answer(slow or None)
        elif slow and update.effective_message:
            await update.effective_message.reply_text(slow)
        return False

    async def turned_down(self, question: str, user_id: int) -> str | None:
        """Why a question is not answered (rate limit, too long), ``""`` when it is not and the
        user has been told so already this minute, or ``None`` to answer it. The limit comes
        first: saying a question is too long is a reply too."""
        slow = await self.over_limit(user_id)
        if slow is not None:
            return slow
        limit = self.settings.max_question_chars
        if len(question) > limit:
            return TOO_LONG.format(n=len(question), limit=limit)
        return None

    async def over_limit(self, user_id: int) -> str | None:
        """``None`` when one more reply keeps ``user_id`` within the rate limit (and counts
        it); else the "slow down" notice, or ``""`` when the user has been told so already
        this minute (no reply spends the send budget)."""
        now = time.monotonic()
        if await self.state.take_question(user_id, now):
            return None
        log.info("rate_limited", user_id=user_id)
        if not await self.state.take_notice(user_id, now):
            return ""
        return SLOW_DOWN.format(n=self.settings.rate_limit)


def sender(update: Update) -> int | None:
    """Whom the rate limit counts a reply to: its user, or the chat a message is sent as. Every
    anonymous admin of every group is one user to Telegram (@GroupAnonymousBot), and every post
    on behalf of a channel another (@Channel_Bot): counted by their users, one group's admins
    spent another's limit."""
    message = update.effective_message
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id
    return update.effective_user.id if update.effective_user else None
