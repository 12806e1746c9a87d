"""A small number written in words or in figures: "Article Five" holds the "5" of "what is
article 5 about", "5 players" the "five" of "why five players?" (English only)."""

from __future__ import annotations

import re

from .analyzer import analyzer
from .language import ENGLISH

_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()
_AS_FIGURE = {w: str(n) for n, w in enumerate(_WORDS)}
_AS_WORD = {str(n): w for n, w in enumerate(_WORDS)}
_NUMBER = re.compile(rf"\b(?:{'|'.join(_WORDS)}|\d{{1,2}})\b", re.I)


def other_forms(sentence: str, lang: str) -> frozenset[str]:
    """The figures of the numbers up to twenty that ``sentence`` writes in words and the words
    of those it writes in figures, as ``lang``'s analyser reads them, in English; none
    otherwise."""
    if lang != ENGLISH:
        return frozenset()
    out = set()
    for m in _NUMBER.finditer(sentence):
        word = m.group(0).lower()
        other = _AS_FIGURE.get(word) or _AS_WORD.get(word.lstrip("0") or "0")
        if other:
            out.add(other)
    return frozenset(analyzer(lang).term_set(" ".join(out))) if out else frozenset()


__all__ = ["other_forms"]
