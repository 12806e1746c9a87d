"""Access control, before any other handler: an update from a user or chat the settings do not
allow is refused (told so once a minute at most) and goes no further.
"""

from __future__ import annotations

import time

import structlog
from telegram import Message, Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from .addressing import addressed
from .config import Settings
from .inline import article
from .replies import REFUSAL
from .state import ChatState

log = structlog.get_logger()


class Gate:
    """The access check ``bot.telegram.build_application`` registers first (``check``)."""

    def __init__(self, settings: Settings, state: ChatState) -> None:
        self.settings = settings
        self.state = state
        self._migrations: set[tuple[int, int]] = set()  # (old id, new id) already logged

    async def check(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Access control, before any other handler: refuse (briefly, once a minute per user at
        most) and stop the update. An update without a sender is dropped first: Telegram
        sends every update of the kinds the bot takes with its ``from`` user (only a channel's
        posts have none), so it is forged, or a self-hosted Bot API's fault, and a handler
        would fail on it (it was an ``AssertionError``'s traceback and a "Sorry")."""
        user, chat = update.effective_user, update.effective_chat
        if user is None:
            log.warning("update_without_sender", update_id=update.update_id,
                        chat_id=chat.id if chat else None)
            raise ApplicationHandlerStop
        self._migrated(update.effective_message)
        if self.settings.allows(user.id if user else None, chat.id if chat else None):
            return
        log.warning("access_refused", update_id=update.update_id,
                    user_id=user.id if user else None, chat_id=chat.id if chat else None)
        message = update.effective_message
        asked = bool(update.callback_query or update.inline_query
                     or (message and addressed(message, context.bot)))
        who = user.id if user else chat.id if chat else 0
        # told once a minute at most: a flood of refused updates spends no send budget (a
        # button's or an inline query's spinner is still stopped: that is no message)
        if not asked or not await self.state.take_notice(who, time.monotonic()):
            if update.callback_query:
                await update.callback_query.answer()
            elif update.inline_query:
                await update.inline_query.answer([], cache_time=0, is_personal=True)
            raise ApplicationHandlerStop
        if update.callback_query:
            await update.callback_query.answer(REFUSAL, show_alert=True)
        elif update.inline_query:
            await update.inline_query.answer(
                [article("refused", "Not available", REFUSAL)], cache_time=0, is_personal=True)
        elif message:
            await message.reply_text(REFUSAL)
        raise ApplicationHandlerStop

    def _migrated(self, message: Message | None) -> None:
        """Log an allowed group's upgrade to a supergroup, which gives it a new id: its members
        are refused until ``QABOT_ALLOWED_CHATS`` names the new one. Telegram says so in a
        service message in each of the two chats: logged once (by this process)."""
        if message is None:
            return
        old, new = ((message.chat.id, message.migrate_to_chat_id) if message.migrate_to_chat_id
                    else (message.migrate_from_chat_id, message.chat.id))
        allowed = self.settings.allowed_chats
        if (old is None or new is None or old not in allowed or new in allowed
                or (old, new) in self._migrations):
            return
        self._migrations.add((old, new))
        log.warning("allowed_chat_migrated", chat_id=old, new_chat_id=new,
                    hint=f"add {new} to QABOT_ALLOWED_CHATS: the group became a supergroup")
