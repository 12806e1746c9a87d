"""Paragraphs of a document that name or list, and say nothing alone: a label typed in capitals,
a strip of fields set apart by bars. ``sieve`` indexes them but never quotes them, as it does a
heading: a question about a reporter's draft was answered "DRAFT - NOT FOR PUBLICATION", and
then with its slug line (news_blind4)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .blocks import Block
from .segment import words

_LABEL_MAX_WORDS = 8
_CLOSED_RE = re.compile(r"[.!?…][\"'”’)\]]*$")


def capitals_label(b: Block) -> bool:
    """Whether a paragraph is a label typed in capitals ("DRAFT - NOT FOR PUBLICATION",
    "CONFIDENTIAL", "END OF TERMS AND CONDITIONS"): a few words, no small letter, no closing
    mark. It is indexed but never quoted, as a heading is: it names, it does not say."""
    text = b.text.strip()
    return (b.kind == "paragraph" and len(words(text)) <= _LABEL_MAX_WORDS
            and sum(c.isupper() for c in text) >= 2 and not any(c.islower() for c in text)
            and _CLOSED_RE.search(text) is None)


_FIELD_SEPARATOR = " | "
_STRIP_MIN_FIELDS = 3


def field_strip(blocks: Sequence[Block], i: int) -> bool:
    """Whether paragraph ``i`` is a strip of fields set apart by bars, alone ("Slug: WATER-LIFTED
    | Web and Monday paper | Amira Soltani | filed Fri 4 Dec, 18:55", "Home | News | Sport"): a
    draft's slug line, a menu, no statement. A row of a table typed with bars has rows like it
    beside it, and stays quotable ("Alice | 31 | Paris" says how old Alice is)."""
    def strip(k: int) -> bool:
        return (0 <= k < len(blocks) and blocks[k].kind == "paragraph"
                and blocks[k].text.count(_FIELD_SEPARATOR) >= _STRIP_MIN_FIELDS - 1)
    return (strip(i) and not strip(i - 1) and not strip(i + 1)
            and not any(_CLOSED_RE.search(f.strip())
                        for f in blocks[i].text.split(_FIELD_SEPARATOR)))


__all__ = ["capitals_label", "field_strip"]
