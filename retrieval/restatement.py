"""A best sentence that only restates the question's situation, quoted with the sentence after it.

In a manual the sentence that shares the most of a question's words is often the one that sets
up its situation ("If a developer wants to use custom Filter IDs, there are two choices.", "A
mailing-list is available to discuss libsodium.", "The case of Japanese is more difficult."),
and the answer is the sentence after it ("The first choice is to contact Lasse Collin ...", "In
order to join, just send a random mail to ...", "Single-character distribution analysis is not
always sufficient ..."). Ranking tells the two apart badly: they share the section's words
alike. So when the best sentence restates (``restates``: it holds at least ``MIN_WEIGHT`` of
the question's weight, at most ``MAX_NEW_TERMS`` terms the question lacks and no figure), the
next sentence of its passage, prose right after it, is quoted with it (``continued``), the
two within ``MAX_QUOTE_CHARS``. It reads index terms and digits, no words of a language.
"""

from __future__ import annotations

import re

from .candidates import Candidate, Ranking
from .collection import Collection
from .cues import is_question
from .features import mass
from .query import Query
from .quotes import MAX_QUOTE_CHARS

MIN_WEIGHT = 0.5  # the share of the question's weight a restating sentence holds at least
MAX_NEW_TERMS = 3  # the index terms it holds that the question lacks, at most
_FIGURE = re.compile(r"\d")


def restates(c: Candidate, query: Query) -> bool:
    """Whether candidate ``c`` says little but the question's own situation: much of its
    weight, few terms of its own, no figure, no code, not of a list."""
    s = c.sentence
    new = c.terms - c.matched - c.window_similar.keys()
    return (not s.item and not s.code and not _FIGURE.search(s.text)
            and len(new) <= MAX_NEW_TERMS and mass(c.window, query, c.window_similar) >= MIN_WEIGHT)


def continued(groups: list[list[Candidate]], ranking: Ranking, query: Query,
              collection: Collection) -> list[list[Candidate]]:
    """``groups`` (each quote's candidates, the first quote first) with the sentence after the
    first quote's one sentence quoted with it when that sentence restates the question
    (``restates``): the next sentence of its passage, when that is quotable prose (no list
    item, no question) with only whitespace between them and the two fit in
    ``MAX_QUOTE_CHARS``. A later quote of that sentence alone is taken into the first; one of
    it with others stays as it is (and the first quote too)."""
    first = groups[0]
    if len(first) != 1 or not restates(first[0], query):
        return groups
    s = first[0].sentence
    p = s.passage
    sents = ranking.quoted_from(p)
    if ranking.follows(s) or ranking.items_of(p).get(s.number) or s.number + 1 >= len(
            ranking.sents_of[p]):  # a follow-up or a list quoted with it already; none after
        return groups
    nxt = sents[s.number + 1]
    if (not nxt.quotable or nxt.item or is_question(nxt.text)
            or collection.between(p, s.number, nxt.number).strip()
            or len(s.text) + len(nxt.text) + 1 > MAX_QUOTE_CHARS):
        return groups
    holder = next((g for g in groups[1:] if any(
        o.sentence.passage == p and o.sentence.number == nxt.number for o in g)), None)
    if holder is not None and len(holder) > 1:
        return groups
    after = holder[0] if holder else Candidate(sentence=nxt, terms=set(), matched=set(),
                                               window=set(), window_similar={}, features=[])
    return [[*first, after], *(g for g in groups[1:] if g is not holder)]


__all__ = ["MAX_NEW_TERMS", "MIN_WEIGHT", "continued", "restates"]
