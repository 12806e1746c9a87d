"""Whom a Telegram message is for, and the question in it.

In a private chat every message is for the bot. In a group the bot speaks only when addressed: a
reply to one of its messages, a mention of it (``@name``, or a text mention), or a command that
names no other bot. A message sent via the bot (one of its own inline results, picked in any
chat) is for no one: it holds the bot's words. The question is the text without the command and
without the mentions; a message that holds none (a bare "@name" or "/ask") in reply to another
member's message hands the bot that message's question (the part it quotes, when it quotes one).
"""

from __future__ import annotations

from telegram import Bot, Message, MessageEntity
from telegram.constants import ChatType


def addressed(message: Message, bot: Bot) -> bool:
    """Whether ``message`` is for ``bot`` (see the module docstring)."""
    if message.via_bot is not None and message.via_bot.id == bot.id:
        return False
    if message.chat.type == ChatType.PRIVATE:
        return True
    if replied_to(message, bot) is not None:
        return True
    command = command_of(message)
    if command is not None:
        target = command.partition("@")[2]
        return not target or target.lower() == bot.username.lower()
    return bool(mentions(message, bot))


def replied_to(message: Message, bot: Bot) -> int | None:
    """The id of ``bot``'s message that ``message`` replies to, or ``None``."""
    reply = message.reply_to_message
    if reply and reply.from_user and reply.from_user.id == bot.id:
        return reply.message_id
    return None


def command_of(message: Message) -> str | None:
    """The command ``message`` opens with (``/ask`` or ``/ask@name``), or ``None``. Telegram
    marks one with a ``bot_command`` entity: "/ what ...", "// TODO" and "/\\" are not one."""
    kinds: list[str | None] = [MessageEntity.BOT_COMMAND]
    entities = (message.parse_entities(kinds) if message.text is not None
                else message.parse_caption_entities(kinds))
    return next((text for entity, text in entities.items() if entity.offset == 0), None)


def mentions(message: Message, bot: Bot) -> list[str]:
    """The pieces of ``message``'s text (or a photo's or file's caption) that mention ``bot``."""
    kinds: list[str | None] = [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
    entities = (message.parse_entities(kinds) if message.text is not None
                else message.parse_caption_entities(kinds))
    name = f"@{bot.username.lower()}"
    return [
        text for entity, text in entities.items()
        if (entity.type == MessageEntity.MENTION and text.lower() == name)
        or (entity.user is not None and entity.user.id == bot.id)
    ]


def question_of(message: Message, bot: Bot) -> str:
    """The question in ``message``: its text without a leading command or mentions of ``bot``."""
    text = message.text or ""
    command = command_of(message)
    if command is not None:
        text = text[len(command):]
    for mention in mentions(message, bot):
        text = text.replace(mention, " ")
    return " ".join(text.split())


def handed_question(message: Message, bot: Bot) -> str:
    """The question ``message`` asks ``bot``: its own (``question_of``), or, when it holds
    none, the one in the message it replies to (the part it quotes, when it quotes one), a
    member's or a caption's: "@name" in reply to another member's question hands it over.
    Never one of ``bot``'s own messages, nor one sent via it: they hold its words."""
    own = question_of(message, bot)
    reply = message.reply_to_message
    if own or reply is None or replied_to(message, bot) is not None or (
            reply.via_bot is not None and reply.via_bot.id == bot.id):
        return own
    if message.quote is not None:
        return " ".join(message.quote.text.split())
    return " ".join((question_of(reply, bot) or reply.caption or "").split())
