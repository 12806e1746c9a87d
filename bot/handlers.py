"""The Telegram bot's handlers: parse the update, call the engine off the event loop, render, reply.

``bot.telegram.build_application`` registers them; every reply is Telegram HTML (the
application's default parse mode), so fixed texts here hold no ``<``, ``>`` or ``&`` and
everything from the corpus or a user goes through ``bot.html``.
"""

from __future__ import annotations

import asyncio
import time
import warnings
from collections.abc import Sequence
from datetime import timedelta

import structlog
from telegram import InlineKeyboardMarkup, InlineQuery, Message, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import ApplicationHandlerStop, ContextTypes
from telegram.warnings import PTBDeprecationWarning

from retrieval import Answer, SourceRef
from retrieval.followup import as_asked, rewrite

from .addressing import addressed, command_of, handed_question, question_of, replied_to
from .config import Settings
from .engines import LiveEngine, Loaded
from .html import answer_html, escape, passage_html, short, sources_page
from .inline import article, inline_results
from .intro import Intro, introduce
from .keyboards import HELPFUL, QuoteRef, answer_keyboard, pager
from .state import ChatState

log = structlog.get_logger()

Context = ContextTypes.DEFAULT_TYPE

SOURCES_PER_PAGE = 10
TYPING_REFRESH = 4.5  # seconds: a "typing" action shows for about five
INLINE_CACHE_SECONDS = 60
# seconds an inline query waits for its user's next: a client sends one as the user types
INLINE_SETTLE = 0.4
NOT_MODIFIED = "message is not modified"  # the Bot API's answer to an edit that changes nothing
# ... and to an answer to a button tap or an inline query that came too late (the bot was
# down, or busy): the user has stopped waiting for it
QUERY_TOO_OLD = "query is too old"
# ... and to a message to a chat the bot may not write to, besides a 403: a group whose admins
# took its right to post, a closed forum topic, a basic group it was removed from
UNWRITABLE = ("not enough rights", "have no rights", "chat_write_forbidden", "chat_restricted",
              "topic_closed", "topic_deleted", "chat not found")

REFUSAL = "Sorry, this bot is private: you are not on its list of allowed users or chats."
SORRY = "Sorry, something went wrong on my side. Please try again in a moment."
SLOW_DOWN = ("You're asking faster than I can keep up ({n} requests a minute). "
             "Please wait a moment.")
TOO_LONG = ("That question is {n} characters long; please keep it under {limit}, "
            "one question at a time.")
NOT_TEXT = "I can only read text. Please type your question."
EDITED = "I don't re-read edited messages. Please send the corrected question as a new message."
UNKNOWN_COMMAND = "I don't know that command. /help lists what I can do."
STALE_BUTTON = "That button no longer works. Ask the question again."
QUOTE_NOT_SENT = "I can't post the passage in this chat: I may have been removed, or not be "\
    "allowed to write here."
# any change to the corpus makes a new index: not only this source's
UPDATED_SOURCE = "My documents were updated since this answer: ask the question again."
HELP = """<b>How to ask</b>
Send me a question in plain words, one at a time. I answer only from my documents: I quote the \
sentences I found, with the matched words in bold and numbered citations, or I tell you the \
answer isn't there.

<b>Commands</b>
/start what I know about, with examples
/sources the documents I answer from
/ask QUESTION ask explicitly (in groups)
/help this help

<b>Tips</b>
• Short follow-ups work: after a question, ask "when was it formed?" or "what about Belarus?".
• Under an answer, "Quote" shows the passage around a quoted sentence; the votes help improve me.
• In groups, mention me, reply to one of my messages, or use /ask; to hand me someone's \
question, reply to it with just my @username.
• In any chat, type my @username and a question to answer inline."""


class Handlers:
    """The bot's handlers, sharing the live engine, the settings and the per-chat state. Each
    update works with the engine current when it began (``live.current``), start to end."""

    def __init__(self, live: LiveEngine, settings: Settings, state: ChatState,
                 typing_after: float = 0.5, inline_settle: float = INLINE_SETTLE) -> None:
        self.live = live
        self.settings = settings
        self.state = state
        self.typing_after = typing_after
        self.inline_settle = inline_settle
        self._typing: dict[int, str] = {}  # user id -> their newest inline query, settling

    # --- every update -----------------------------------------------------------------------

    async def gate(self, update: Update, context: Context) -> None:
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
        _migrated(update.effective_message, self.settings.allowed_chats)
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

    async def error(self, update: object, context: Context) -> None:
        """The one error handler: log with the update's ids, tell the user briefly, keep going.

        A chat the bot may no longer write to (``Forbidden``: the user blocked the bot or was
        deactivated, the bot was removed from the group; a ``BadRequest`` of ``UNWRITABLE``:
        its right to post taken, a closed topic) is routine on Telegram: one line, and
        nothing sent to that chat; so is a reply to a group Telegram has upgraded to a
        supergroup meanwhile (``ChatMigrated``: the old id takes no message, not even a
        "Sorry"), a reply that timed out (it may have arrived, and a "Sorry" would follow the
        answer), and an answer to a button tap or an inline query that came too late for
        Telegram to take it, and a reply Telegram's flood limits kept
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
        except TelegramError as exc:
            log.warning("error_reply_failed", **ids, error=type(exc).__name__)

    # --- commands -----------------------------------------------------------------------------

    async def intro(self) -> Intro:
        """What the greeting says about the corpus: worked out on first use, off the loop."""
        loaded = self.live.current
        if loaded.intro is None:
            loaded.intro = await asyncio.to_thread(introduce, loaded.engine)
        return loaded.intro

    async def start(self, update: Update, context: Context) -> None:
        if not await self._may_reply(update):
            return
        intro = await self.intro()
        lines = [f"Hi! I answer questions strictly from my {intro.documents} documents: I quote "
                 "the sentences I find and cite where each came from, and when they don't hold "
                 "the answer I say so instead of guessing.", "", "Among them:"]
        lines += [f"• {escape(short(t))}" for t in intro.titles]
        lines.append("(/sources lists them all.)")
        if intro.examples:
            lines += ["", "Try:", *(f"• {escape(q)}" for q in intro.examples)]
        lines += ["", "Just send me a question. In groups, mention me or use /ask. /help has more."]
        await _reply(update, "\n".join(lines))

    async def help(self, update: Update, context: Context) -> None:
        if await self._may_reply(update):
            await _reply(update, HELP)

    async def list_sources(self, update: Update, context: Context) -> None:
        if not await self._may_reply(update):
            return
        sources = self.live.current.sources
        await _reply(update, sources_page(sources, 0, SOURCES_PER_PAGE),
                     reply_markup=pager(0, _pages(sources)))

    async def ask(self, update: Update, context: Context) -> None:
        message = update.effective_message
        assert message is not None  # CommandHandler only passes messages
        await self._answer(update, context, handed_question(message, context.bot))

    async def unknown_command(self, update: Update, context: Context) -> None:
        """A command I don't have: pointed to /help in a private chat, and in a group when it
        names me ("/foo@mybot"); a bare "/foo" there may be another bot's."""
        message = update.effective_message
        assert message is not None
        target = (command_of(message) or "").partition("@")[2]
        if ((message.chat.type == ChatType.PRIVATE
             or target.lower() == context.bot.username.lower())
                and await self._may_reply(update)):
            await _reply(update, UNKNOWN_COMMAND)

    # --- messages -----------------------------------------------------------------------------

    async def text(self, update: Update, context: Context) -> None:
        """A text message: a question in a private chat, or in a group when addressed to me."""
        message = update.effective_message
        assert message is not None
        if addressed(message, context.bot):
            await self._answer(update, context, handed_question(message, context.bot))

    async def not_text(self, update: Update, context: Context) -> None:
        """A sticker, photo, voice note or file: ask for text (in groups only when addressed)."""
        message = update.effective_message
        assert message is not None
        if addressed(message, context.bot) and await self._may_reply(update):
            await _reply(update, NOT_TEXT)

    async def edited(self, update: Update, context: Context) -> None:
        message = update.effective_message
        assert message is not None
        if addressed(message, context.bot) and await self._may_reply(update):
            await _reply(update, EDITED)

    # --- buttons ------------------------------------------------------------------------------

    async def quote(self, update: Update, context: Context) -> None:
        """The "Quote" button: the passage around the cited sentence."""
        query = update.callback_query
        assert query is not None and query.data is not None
        if not await self._may_reply(update):
            return
        ref = QuoteRef.decode(query.data)
        if ref is not None and ref.snapshot != self.live.current.engine.snapshot_id:
            await query.answer(UPDATED_SOURCE)  # made from another index: its numbers are not ours
            return
        loaded, text = (await asyncio.to_thread(self.live.call, lambda lo: _passage_text(lo, ref))
                        if ref else (self.live.current, None))
        if ref is None or text is None or not 0 <= ref.start <= ref.end <= len(text):
            await query.answer(STALE_BUTTON)
            return
        chat_id = query.message.chat.id if query.message else query.from_user.id
        # in a forum's topic, the topic the answer is in (not the chat's General topic)
        topic = (query.message.message_thread_id if isinstance(query.message, Message)
                 and query.message.is_topic_message else None)
        try:  # the query is answered after: a query is answered once, and this may fail
            html = passage_html(loaded.sources[ref.doc], text, (ref.start, ref.end))
            await context.bot.send_message(chat_id, html, message_thread_id=topic)
        # removed from the group, no right to post here, a closed topic, a group upgraded
        except (Forbidden, BadRequest, ChatMigrated) as exc:
            log.info("quote_not_sent", chat_id=chat_id, reason=exc.message)
            await query.answer(QUOTE_NOT_SENT, show_alert=True)
            return
        await query.answer()

    async def vote(self, update: Update, context: Context) -> None:
        """"Helpful" / "Not helpful": logged with the question the answer replied to."""
        query = update.callback_query
        assert query is not None
        message = query.message if isinstance(query.message, Message) else None
        asked = message.reply_to_message if message else None
        question = question_of(asked, context.bot) if asked else None
        log.info("vote", helpful=query.data == HELPFUL, question=question,
                 chat_id=message.chat.id if message else None, user_id=query.from_user.id,
                 message_id=message.message_id if message else None)
        await query.answer("Thanks for the feedback!")

    async def sources_page(self, update: Update, context: Context) -> None:
        query = update.callback_query
        assert query is not None and query.data is not None
        if not await self._may_reply(update):
            return
        page = int(query.data.partition(":")[2])  # the handler's pattern admits digits only
        sources = self.live.current.sources
        if page >= _pages(sources):
            await query.answer(STALE_BUTTON)
            return
        try:  # the page first: a tap that came late can no longer be answered, but turns it
            await query.edit_message_text(sources_page(sources, page, SOURCES_PER_PAGE),
                                          reply_markup=pager(page, _pages(sources)))
        except BadRequest as exc:  # a second tap on the same page: it shows that page already
            if NOT_MODIFIED not in str(exc).lower():
                raise
        await query.answer()

    async def stale(self, update: Update, context: Context) -> None:
        assert update.callback_query is not None
        await update.callback_query.answer(STALE_BUTTON)

    # --- inline mode --------------------------------------------------------------------------

    async def inline(self, update: Update, context: Context) -> None:
        """``@bot question`` in any chat: the answer, then each quote, as results to pick."""
        query = update.inline_query
        assert query is not None
        if not await self._settled(query):  # typed on: the client shows the newest's results
            await query.answer([], cache_time=0, is_personal=True)  # (no spinner left behind)
            return
        question = " ".join(query.query.split())
        if not question:
            await query.answer([], cache_time=INLINE_CACHE_SECONDS)
            return
        problem = await self._turned_down(question, query.from_user.id)
        if problem is not None:  # told already this minute: no results, the spinner stops
            await query.answer([article("problem", "Can't answer that", problem)]
                               if problem else [], cache_time=0, is_personal=True)
            return
        _, answer = await asyncio.to_thread(self.live.answer, question)
        await query.answer(inline_results(answer), cache_time=INLINE_CACHE_SECONDS,
                           is_personal=True)
        log.info("answered_inline", user_id=query.from_user.id, answered=answer.answered)

    async def _settled(self, query: InlineQuery) -> bool:
        """Whether ``query`` is still its user's newest inline query ``inline_settle`` seconds
        on. A client sends a query at each pause in typing: answered all, they spent the
        user's rate limit (a question typed inline, and the next one in a chat got no reply)."""
        user = query.from_user.id
        self._typing[user] = query.id
        await asyncio.sleep(self.inline_settle)
        if self._typing.get(user) != query.id:
            return False
        del self._typing[user]
        return True

    # --- the answer flow ------------------------------------------------------------------------

    async def _may_reply(self, update: Update) -> bool:
        """Whether a reply to ``update`` keeps its user within the rate limit. Every reply
        counts, not only answers: one user's flood of stickers, /help or Quote taps spent the
        send budget every chat shares. Over it: told to slow down once a minute, else nothing
        (a button's spinner is stopped)."""
        sender = _sender(update)
        if sender is None:
            return True
        slow = await self._over_limit(sender)
        if slow is None:
            return True
        if update.callback_query:
            await update.callback_query.answer(slow or None)
        elif slow and update.effective_message:
            await update.effective_message.reply_text(slow)
        return False

    async def _turned_down(self, question: str, user_id: int) -> str | None:
        """Why a question is not answered (rate limit, too long), ``""`` when it is not and the
        user has been told so already this minute, or ``None`` to answer it. The limit comes
        first: saying a question is too long is a reply too."""
        slow = await self._over_limit(user_id)
        if slow is not None:
            return slow
        limit = self.settings.max_question_chars
        if len(question) > limit:
            return TOO_LONG.format(n=len(question), limit=limit)
        return None

    async def _over_limit(self, user_id: int) -> str | None:
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

    async def _answer(self, update: Update, context: Context, question: str) -> None:
        """Answer ``question`` in its chat: checks, follow-up context, typing, HTML, buttons.

        A follow-up's context is the question of the answer it replies to, when it replies to
        one, else the chat's last question: in a group several members ask at once, and a
        reply to one's answer was read against whoever had asked last."""
        chat, user, message = update.effective_chat, update.effective_user, update.effective_message
        assert chat is not None and user is not None and message is not None
        if not question:
            if not await self._may_reply(update):
                return
            examples = (await self.intro()).examples
            example = examples[0] if examples else "When was it founded?"
            await _reply(update, f"Ask me something, for example: /ask {escape(example)}")
            return
        problem = await self._turned_down(question, _sender(update) or user.id)
        if problem is not None:
            if problem:
                await _reply(update, problem)
            return
        started = time.monotonic()
        answer_id = replied_to(message, context.bot)
        previous = (await self.state.answered_question(chat.id, answer_id, started)
                    if answer_id is not None else None)
        previous = previous or await self.state.previous_question(chat.id, started)
        resolved = rewrite(question, previous, self.settings.max_question_chars)
        loaded, answer = await self._ask_engine(resolved, update)
        again = as_asked(question, resolved, answer.answered)
        if again is not None:
            loaded, answer = await self._ask_engine(again, update)
        await self.state.remember_question(chat.id, resolved, time.monotonic())
        # the buttons name passages of the engine that answered, even if another has come since
        keyboard = answer_keyboard(answer, loaded.engine.passage, loaded.doc_index,
                                   loaded.engine.snapshot_id)
        messages = answer_html(answer)
        for i, html in enumerate(messages):
            sent = await _reply(update, html, do_quote=True,
                                reply_markup=keyboard if i == len(messages) - 1 else None)
            await self.state.remember_answer(chat.id, sent.message_id, resolved,
                                             time.monotonic())
        log.info("answered", chat_id=chat.id, user_id=user.id, answered=answer.answered,
                 followup=resolved != question, messages=len(messages),
                 ms=round((time.monotonic() - started) * 1000))

    async def _ask_engine(self, question: str, update: Update) -> tuple[Loaded, Answer]:
        """``live.answer`` in a worker thread; "typing" shows only once it takes a while."""
        task = asyncio.ensure_future(asyncio.to_thread(self.live.answer, question))
        done, _ = await asyncio.wait({task}, timeout=self.typing_after)
        while not done:
            message = update.effective_message
            assert message is not None
            try:  # (in a forum's topic: shown in that topic)
                await message.reply_chat_action(ChatAction.TYPING)
            except TelegramError as exc:  # a missing "typing" must not lose the answer
                log.warning("typing_failed", chat_id=message.chat_id, error=type(exc).__name__)
            done, _ = await asyncio.wait({task}, timeout=TYPING_REFRESH)
        return task.result()


def retry_seconds(exc: RetryAfter) -> float:
    """The seconds a 429 asks to wait (PTB 22 gives an int, with a warning, or a timedelta)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def _passage_text(loaded: Loaded, ref: QuoteRef) -> str | None:
    """The passage a Quote button points at, or ``None`` when it is not there or is not from
    the document the button names (a forged button, or one from another index)."""
    if ref.doc >= len(loaded.sources):
        return None
    try:
        if loaded.engine.document_of(ref.passage) != ref.doc:
            return None
        return loaded.engine.passage(ref.passage)
    except IndexError:
        return None


def _pages(sources: Sequence[SourceRef]) -> int:
    return -(-len(sources) // SOURCES_PER_PAGE)




def _migrated(message: Message | None, allowed: list[int]) -> None:
    """Log an allowed group's upgrade to a supergroup, which gives it a new id: its members are
    refused until ``QABOT_ALLOWED_CHATS`` names the new one (Telegram says so once, in a service
    message in each of the two chats)."""
    if message is None:
        return
    old, new = ((message.chat.id, message.migrate_to_chat_id) if message.migrate_to_chat_id
                else (message.migrate_from_chat_id, message.chat.id))
    if old is not None and new is not None and old in allowed and new not in allowed:
        log.warning("allowed_chat_migrated", chat_id=old, new_chat_id=new,
                    hint=f"add {new} to QABOT_ALLOWED_CHATS: the group became a supergroup")


def _unwritable(error: object) -> bool:
    """Whether ``error`` is Telegram's 400 for a chat the bot may not write to."""
    return isinstance(error, BadRequest) and any(
        marker in error.message.lower() for marker in UNWRITABLE)


def _sender(update: Update) -> int | None:
    """Whom the rate limit counts a reply to: its user, or the chat a message is sent as. Every
    anonymous admin of every group is one user to Telegram (@GroupAnonymousBot), and every post
    on behalf of a channel another (@Channel_Bot): counted by their users, one group's admins
    spent another's limit."""
    message = update.effective_message
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id
    return update.effective_user.id if update.effective_user else None


async def _reply(update: Update, html: str, *, do_quote: bool | None = None,
                 reply_markup: InlineKeyboardMarkup | None = None) -> Message:
    """Reply in the update's chat (quoting the message in groups, or when ``do_quote``)."""
    message = update.effective_message
    assert message is not None
    return await message.reply_text(html, do_quote=do_quote, reply_markup=reply_markup)
