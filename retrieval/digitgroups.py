"""Numbers whose digits are grouped by spaces: "1 370", "12 500 000", "12 500" (no-break or
thin spaces, as Russian, French, German and SI typesetting group thousands).

Read as the spaces part words, "1 370" was the terms "1" and "370": a question asking "1370" met
neither, and one asking "1 370" met any "1" and "370" apart. ``glued`` joins such a number's
groups into one word for the analyzer, keeping the text's length (each space between two groups
becomes ``JOINER``, a character that is no white space: every place a word was found stays
where it was, and the index's counting, which cuts a text at white space, sees one piece);
``without_joiners`` reads such a word's number.

A group is three digits after one to three, so a year before a count stays apart ("in 2019 120
people": "2019" has four); in English, whose numbers are grouped by commas, only a no-break or
thin space groups (a plain space parts two numbers: "page 3 100 copies"), in other languages
a plain space does too.
"""

from __future__ import annotations

import re

JOINER = "\u2060"  # WORD JOINER: not white space, no letter, no digit
_NARROW = "\u00a0\u2009\u202f"  # no-break space, thin space, narrow no-break space
_SPACES_RE = re.compile(f"[ {_NARROW}]")
_GROUP_MARKS_RE = re.compile(f"[{JOINER} {_NARROW}]")  # what may stand between two groups
_GROUPED = {
    spaced: re.compile(f"(?<![\\d.,{JOINER}])\\d{{1,3}}(?:[{sep}]\\d{{3}})+(?![\\d{JOINER}])")
    for spaced, sep in ((False, _NARROW), (True, f" {_NARROW}"))
}
_HAS_SPACED_DIGIT_RE = re.compile(f"\\d[ {_NARROW}]\\d")


def _joined(m: re.Match[str]) -> str:
    return _SPACES_RE.sub(JOINER, m.group())


def glued(text: str, spaced: bool) -> str:
    """``text``, each number grouped by spaces (by plain ones too when ``spaced``) with
    ``JOINER`` between its groups: as long as ``text``, its words where they were."""
    if (not spaced and text.isascii()) or _HAS_SPACED_DIGIT_RE.search(text) is None:
        return text
    return _GROUPED[spaced].sub(_joined, text)


def without_joiners(number: str) -> str:
    """A number word as found in a glued text, or sliced from the text itself, without what
    groups its digits ("1 370" -> "1370")."""
    if number.isdigit():
        return number
    return _GROUP_MARKS_RE.sub("", number)


__all__ = ["JOINER", "glued", "without_joiners"]
