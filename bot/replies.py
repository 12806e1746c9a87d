"""The fixed texts the Telegram bot replies with. Replies are Telegram HTML (the application's
default parse mode): these hold no ``<``, ``>`` or ``&`` but the tags they mean, and anything
from the corpus or a user put into them goes through ``bot.html``.
"""

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
