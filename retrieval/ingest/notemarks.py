"""A footnote's mark set in a text: raised or smaller figures glued to the word they annotate.

A footnote's mark is set raised or smaller than the text around it, right after the word or
the sentence it annotates ("policy³ states", "the rate.¹² The next"). Read as plain characters
it glued itself to that word ("policy3"), which then met nothing in the index and read badly in
a quote. Told from an exponent or a formula's index ("25 m²", "km²", "CO₂", "10⁶"), which are
set the same way, by what comes before it: a word of three letters or more, or a sentence's or
clause's mark, for a footnote; a shorter word or a figure for the others. The PDF reader
(``pdflayout``: a piece of the page in smaller type) and the DOCX reader (a superscript run)
leave such marks out.
"""

from __future__ import annotations

import re

# what a footnote's mark is: one to three figures, a list of them ("3,4"), or "*", "†", "‡"
MARK_RE = re.compile(r"(?:\d{1,3}(?:,\d{1,3})*|[*†‡]{1,3})")
# ... and what the text before it ends on
_MARKED_RE = re.compile(r"(?:[^\W\d_]{3,}|[.,;:!?)\]\"”’»])$")


def note_mark(mark: str, before: str) -> bool:
    """Whether ``mark``, set raised or smaller right after ``before`` (without a space), is a
    footnote's mark rather than an exponent."""
    return MARK_RE.fullmatch(mark) is not None and _MARKED_RE.search(before) is not None


__all__ = ["MARK_RE", "note_mark"]
