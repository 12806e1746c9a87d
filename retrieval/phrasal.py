"""A question's phrasal verbs read as the one word a manual writes for them ("turn on" as
"enable", "get rid of" as "remove").

People ask in their words, manuals answer in theirs: "How do I turn on line numbers?" is
answered under "Enabling line numbers", "Is auto-vectorization turned on at -O2?" by
"Vectorization is enabled at -O2". The stemmer joins "enable" and "enabling", not "turn on"
and "enable": "on" is a stop word, and "turn" is no word of the manual's, weighed as a rare
one. Each phrasal verb listed here means the one word it is read as, in any inflection ("turned
on", "switching it off", "shows up"); the object may stand between the verb and its particle,
three words at most ("turn nss-mdns on").

A phrase is read as its word only where the corpus holds that word: a question about a corpus
that writes "turn on" and never "enable" keeps its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_TURN = r"(?:turn|turns|turned|turning|switch|switches|switched|switching)"
# up to three words between a verb and its particle, none a preposition ("turn warnings into
# errors on CI" turns nothing on)
_OBJECT = (r"((?:(?!(?:into|to|from|in|of|for|with|at|by|around|over|back|down|up|out|off|on)"
           r"\b)[\w'.-]+\s+){0,3}?)")

# (phrase, what it is read as); a group of the phrase, the object, is kept in place
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\b{_TURN}\s+{_OBJECT}on\b", re.I), "enable"),
    (re.compile(rf"\b{_TURN}\s+{_OBJECT}off\b", re.I), "disable"),
    (re.compile(r"\b(?:get|gets|got|getting)\s+rid\s+of\b()", re.I), "remove"),
    (re.compile(r"\b(?:show|shows|showed|shown|showing)\s+up\b()", re.I), "appear"),
    (re.compile(r"\b(?:make|makes|made|making)\s+sure\b()", re.I), "ensure"),
    (re.compile(r"\b(?:find|finds|found|finding|figure|figures|figured|figuring)\s+out\b()",
                re.I), "determine"),
    (re.compile(rf"\b(?:leave|leaves|left|leaving)\s+{_OBJECT}out\b", re.I), "omit"),
)


def plain_verbs(question: str, has_word: Callable[[str], bool]) -> str:
    """``question`` with each listed phrasal verb replaced by the word it means, where
    ``has_word`` says the corpus holds that word; the verb's object stays after it ("turn
    nss-mdns on": "enable nss-mdns")."""
    for pattern, word in _PHRASES:
        if pattern.search(question) and has_word(word):
            question = pattern.sub(_read_as(word), question)
    return question


def _read_as(word: str) -> Callable[[re.Match[str]], str]:
    """A phrase's replacement: ``word``, then the object the phrase held."""
    def read(match: re.Match[str]) -> str:
        return f"{word} {match.group(1)}".rstrip()
    return read


__all__ = ["plain_verbs"]
