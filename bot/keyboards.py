"""The inline keyboards under the bot's messages, and what their buttons carry.

Callback data is at most 64 bytes and comes back from the client, so it is small, typed on the
way in and out, and checked when it returns: ``q:SNAPSHOT:DOC:PASSAGE:START:END`` for a "Quote"
button (``SNAPSHOT``: the index it was made from, ``QAEngine.snapshot_id``),
``v:1`` / ``v:0`` for the votes, ``s:PAGE`` for the pages of /sources.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from retrieval import ELLIPSIS, Answer

HELPFUL, NOT_HELPFUL = "v:1", "v:0"
# What each button's handler matches (anything else is a stale or forged button).
QUOTE_DATA, VOTE_DATA, PAGE_DATA = r"^q:", r"^v:[01]$", r"^s:\d{1,6}$"


_SNAPSHOT = re.compile(r"[0-9a-f]{8}")


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """What a "Quote" button points at: the index it was made from, a document (its position in
    the corpus), one of its passages, and the cited sentence's span in that passage."""

    snapshot: str
    doc: int
    passage: int
    start: int
    end: int

    def encode(self) -> str:
        return f"q:{self.snapshot}:{self.doc}:{self.passage}:{self.start}:{self.end}"

    @classmethod
    def decode(cls, data: str) -> QuoteRef | None:
        """The reference in ``data``, or ``None`` when it is not one."""
        parts = data.split(":")
        # ASCII digits only: str.isdigit() also takes "²", which int() refuses
        if len(parts) != 6 or parts[0] != "q" or not _SNAPSHOT.fullmatch(parts[1]) or not all(
                p.isascii() and p.isdigit() for p in parts[2:]):
            return None
        doc, passage, start, end = (int(p) for p in parts[2:])
        return cls(parts[1], doc, passage, start, end)


def answer_keyboard(answer: Answer, passage: Callable[[int], str],
                    doc_index: Mapping[str, int], snapshot: str) -> InlineKeyboardMarkup:
    """A "Quote" button per quoted sentence, then "Helpful" / "Not helpful"."""
    quotes = []
    seen: dict[int, int] = {}
    for q in answer.sentences:
        # a long quote is shortened with ellipses; a lead-in is quoted with its list after it,
        # which is not the passage's text, and sentences next to each other with it, which is
        text = passage(q.passage)
        start, end = (_found(text, q.text.strip(ELLIPSIS))
                      or _found(text, q.text.split("\n", 1)[0].strip(ELLIPSIS)) or (0, 0))
        ref = QuoteRef(snapshot, doc_index.get(q.source, 0), q.passage, start, end)
        seen[q.citation] = seen.get(q.citation, 0) + 1
        again = f" ({seen[q.citation]})" if seen[q.citation] > 1 else ""
        quotes.append(InlineKeyboardButton(f"Quote [{q.citation}]{again}",
                                           callback_data=ref.encode()))
    votes = [InlineKeyboardButton("👍 Helpful", callback_data=HELPFUL),
             InlineKeyboardButton("👎 Not helpful", callback_data=NOT_HELPFUL)]
    return InlineKeyboardMarkup([quotes, votes] if quotes else [votes])


def _found(passage: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``passage``: its words in order, any whitespace between them as
    any whitespace there (a sentence quoted after the paragraph before it is joined to it by a
    space, where the passage breaks the line), or ``None``."""
    words = quote.split()
    found = re.search(r"\s+".join(map(re.escape, words)), passage) if words else None
    return found.span() if found else None


def pager(page: int, pages: int) -> InlineKeyboardMarkup | None:
    """"‹ Previous" / "Next ›" between ``pages`` pages (none when there is one)."""
    row = []
    if page > 0:
        row.append(InlineKeyboardButton("‹ Previous", callback_data=f"s:{page - 1}"))
    if page + 1 < pages:
        row.append(InlineKeyboardButton("Next ›", callback_data=f"s:{page + 1}"))
    return InlineKeyboardMarkup([row]) if row else None
