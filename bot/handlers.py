"""The Telegram bot's handlers: parse the update, call the engine off the event loop, render, reply.

``bot.telegram.build_application`` registers them, after the access check (``gate.py``) and
with the one error handler (``failures.py``); every reply is Telegram HTML (the application's
default parse mode): the fixed texts are in ``replies.py``, and everything from the corpus or a
user goes through ``bot.html``. Every reply counts against its user's rate limit
(``throttle.py``).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence

import structlog
from telegram import InlineKeyboardMarkup, InlineQuery, Message, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import BadRequest, ChatMigrated, Forbidden, TelegramError
from telegram.ext import ContextTypes

from retrieval import Answer, SourceRef
from retrieval.followup import as_asked, rewrite

from .addressing import addressed, command_of, handed_question, question_of, replied_to
from .config import Settings
from .engines import LiveEngine, Loaded
from .html import answer_html, escape, passage_html, short, sources_page
from .inline import article, inline_results
from .intro import Intro, introduce
from .keyboards import HELPFUL, QuoteRef, answer_keyboard, pager
from .render import counted
from .replies import (
    EDITED,
    HELP,
    NOT_TEXT,
    QUOTE_NOT_SENT,
    STALE_BUTTON,
    UNKNOWN_COMMAND,
    UPDATED_SOURCE,
)
from .state import ChatState
from .throttle import Throttle, sender

log = structlog.get_logger()

Context = ContextTypes.DEFAULT_TYPE

SOURCES_PER_PAGE = 10
TYPING_REFRESH = 4.5  # seconds: a "typing" action shows for about five
INLINE_CACHE_SECONDS = 60
# seconds an inline query waits for its user's next: a client sends one as the user types
INLINE_SETTLE = 0.4
NOT_MODIFIED = "message is not modified"  # the Bot API's answer to an edit that changes nothing

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
        self.throttle = Throttle(settings, state)

    # --- commands -----------------------------------------------------------------------------

    async def intro(self) -> Intro:
        """What the greeting says about the corpus: worked out on first use, off the loop."""
        loaded = self.live.current
        if loaded.intro is None:
            loaded.intro = await asyncio.to_thread(introduce, loaded.engine)
        return loaded.intro

    async def start(self, update: Update, context: Context) -> None:
        if not await self.throttle.may_reply(update):
            return
        intro = await self.intro()
        mine = counted(intro.documents, "document")
        lines = [f"Hi! I answer questions strictly from my {mine}: I quote "
                 "the sentences I find and cite where each came from, and when they don't hold "
                 "the answer I say so instead of guessing.", "", "Among them:"]
        lines += [f"• {escape(short(t))}" for t in intro.titles]
        lines.append("(/sources lists them all.)")
        if intro.examples:
            lines += ["", "Try:", *(f"• {escape(q)}" for q in intro.examples)]
        lines += ["", "Just send me a question. In groups, mention me or use /ask. /help has more."]
        await _reply(update, "\n".join(lines))

    async def help(self, update: Update, context: Context) -> None:
        if await self.throttle.may_reply(update):
            await _reply(update, HELP)

    async def list_sources(self, update: Update, context: Context) -> None:
        if not await self.throttle.may_reply(update):
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
                and await self.throttle.may_reply(update)):
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
        if addressed(message, context.bot) and await self.throttle.may_reply(update):
            await _reply(update, NOT_TEXT)

    async def edited(self, update: Update, context: Context) -> None:
        message = update.effective_message
        assert message is not None
        if addressed(message, context.bot) and await self.throttle.may_reply(update):
            await _reply(update, EDITED)

    # --- buttons ------------------------------------------------------------------------------

    async def quote(self, update: Update, context: Context) -> None:
        """The "Quote" button: the passage around the cited sentence."""
        query = update.callback_query
        assert query is not None and query.data is not None
        if not await self.throttle.may_reply(update):
            return
        ref = QuoteRef.decode(query.data)
        loaded, text = (await asyncio.to_thread(self.live.call, lambda lo: _passage_text(lo, ref))
                        if ref else (self.live.current, None))
        # made from another index (checked on the one that looked the passage up: a snapshot
        # taken up between a check and the look-up showed the new index's text as the quote)
        if ref is not None and ref.snapshot != loaded.engine.snapshot_id:
            await query.answer(UPDATED_SOURCE)  # its numbers are not ours
            return
        if ref is None or text is None or not 0 <= ref.start <= ref.end <= len(text):
            await query.answer(STALE_BUTTON)
            return
        chat_id = query.message.chat.id if query.message else query.from_user.id
        message_id = query.message.message_id if query.message else 0
        if not await self.state.first_tap(chat_id, message_id, query.data, time.monotonic()):
            await query.answer()  # a double tap: the passage is being posted once already
            return
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
        if not await self.throttle.may_reply(update):
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
        problem = await self.throttle.turned_down(question, query.from_user.id)
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
        user's rate limit (a question typed inline, and the next one in a chat got no reply).
        Which is newest is in the shared state: replicas each kept their own, and each answered
        the newest it had seen."""
        user = query.from_user.id
        await self.state.note_inline(user, query.id, time.monotonic())
        await asyncio.sleep(self.inline_settle)
        return await self.state.newest_inline(user, time.monotonic()) in (query.id, None)

    # --- the answer flow ------------------------------------------------------------------------

    async def _answer(self, update: Update, context: Context, question: str) -> None:
        """Answer ``question`` in its chat: checks, follow-up context, typing, HTML, buttons.

        A follow-up's context is the question of the answer it replies to, when it replies to
        one, else the chat's last question: in a group several members ask at once, and a
        reply to one's answer was read against whoever had asked last."""
        chat, user, message = update.effective_chat, update.effective_user, update.effective_message
        assert chat is not None and user is not None and message is not None
        if not question:
            if not await self.throttle.may_reply(update):
                return
            examples = (await self.intro()).examples
            example = examples[0] if examples else "When was it founded?"
            await _reply(update, f"Ask me something, for example: /ask {escape(example)}")
            return
        problem = await self.throttle.turned_down(question, sender(update) or user.id)
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


def _passage_text(loaded: Loaded, ref: QuoteRef) -> str | None:
    """The passage a Quote button points at, or ``None`` when it is from another index, not
    there, or not from the document the button names (a forged button)."""
    if ref.snapshot != loaded.engine.snapshot_id or ref.doc >= len(loaded.sources):
        return None
    try:
        if loaded.engine.document_of(ref.passage) != ref.doc:
            return None
        return loaded.engine.passage(ref.passage)
    except IndexError:
        return None


def _pages(sources: Sequence[SourceRef]) -> int:
    return -(-len(sources) // SOURCES_PER_PAGE)


async def _reply(update: Update, html: str, *, do_quote: bool | None = None,
                 reply_markup: InlineKeyboardMarkup | None = None) -> Message:
    """Reply in the update's chat (quoting the message in groups, or when ``do_quote``)."""
    message = update.effective_message
    assert message is not None
    return await message.reply_text(html, do_quote=do_quote, reply_markup=reply_markup)
