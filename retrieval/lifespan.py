"""A life's span in brackets: the birth and death a page's opening states without the words.

A biography opens on its subject's dates in brackets: "Elvis Aaron Presley (January 8, 1935 -
August 16, 1977) was an American singer", "Justinian I (c. 482 - 14 November 565)", "Amy
Poehler (born September 16, 1971)". Such a sentence answers "what year was Elvis born?" and
"when did Justinian die?", yet holds neither "born" nor "die": read as the words it stands
for, the question's terms are not found apart. English only (the words are English's).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .analyzer import analyzer
from .language import ENGLISH

_DATE = (r"(?:c\.\s*)?(?:\d{1,2}\s+[A-Z][a-z]+\s+|[A-Z][a-z]+\s+\d{1,2},?\s+|[A-Z][a-z]+\s+)?"
         r"\d{3,4}(?:\s*(?:BC|AD|BCE|CE)\b)?")
# near the sentence's start (after its subject's name): a span of two dates closing a bracket
# ("(January 8, 1935 - August 16, 1977)"), or a birth date within one ("(born July 9, 1975)")
_NEAR = 200
_SPAN = re.compile(rf"\b{_DATE}\s*[\u2013\u2014-]\s*{_DATE}\s*\)")
_BORN = re.compile(rf"\([^()]{{0,120}}?\bborn\s+(?:on\s+)?{_DATE}\b")
_BIRTH = "born birth birthday"
_DEATH = "die died dies death dead"


@lru_cache(maxsize=8)
def _terms(words: str, lang: str) -> frozenset[str]:
    return frozenset(analyzer(lang).term_set(words))


def life_terms(sentence: str, lang: str) -> frozenset[str]:
    """The terms (in language ``lang``'s analyser) of the birth and death that ``sentence``'s
    bracketed dates state: "born" ... and "died" ... for a span of two, "born" ... for a
    birth date; none outside English."""
    if lang != ENGLISH or "(" not in sentence:
        return frozenset()
    head = sentence[:_NEAR]
    if _SPAN.search(head) and "(" in head:
        return _terms(f"{_BIRTH} {_DEATH}", lang)
    if _BORN.search(head):
        return _terms(_BIRTH, lang)
    return frozenset()


__all__ = ["life_terms"]
