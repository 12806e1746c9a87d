"""A number in a name written in words holds its figure: "Article Five" holds the "5" of "what
is article 5 about", "Apollo Eleven" the "11" of "when did apollo 11 land" (English only).

Only a number word capitalised after a capitalised word, as in a name: a count written out
("five players") is not read as its figure, since a question's figure ("how many players
did the 5 clubs ...") names other things as often as it counts the sentence's.
"""

from __future__ import annotations

import re

from .language import ENGLISH

_WORDS = ("Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen "
          "Fourteen Fifteen Sixteen Seventeen Eighteen Nineteen Twenty").split()
_AS_FIGURE = {w: str(n) for n, w in enumerate(_WORDS)}
_NAMED = re.compile(rf"\b[A-Z][\w.'-]*\s+({'|'.join(_WORDS)})\b")


def other_forms(sentence: str, lang: str) -> frozenset[str]:
    """The figures (as terms) of the numbers up to twenty that ``sentence`` writes in words
    within a name ("Article Five": "5"), in English; none otherwise."""
    if lang != ENGLISH:
        return frozenset()
    return frozenset(_AS_FIGURE[m.group(1)] for m in _NAMED.finditer(sentence))


__all__ = ["other_forms"]
