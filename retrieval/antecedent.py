"""A best sentence that points back at the one before it, quoted with that sentence.

A sentence that opens by pointing back ("This is done by ...", "It defaults to 25.", "However,
...": ``quotes.follow_up``'s openings, per language) is quoted after the sentence before it
whenever that one is chosen; but the ranker often prefers it alone, for it repeats the
question's words, and what "This" stands for, often the answer, is left out ("Use the -k
option to select tests by name." / "This is useful when ..."). So when the first quote is one
such sentence (``pointing_back``), the sentence before it is quoted with it (``preceded``), the
two within ``MAX_QUOTE_CHARS``: verbatim, in the order of the text, as ``quote_text`` quotes
them when the one before is chosen. It reads no word of a language but ``follow_up``'s.
"""

from __future__ import annotations

from .candidates import Candidate, Ranking
from .collection import Collection
from .quotes import MAX_QUOTE_CHARS


def preceded(groups: list[list[Candidate]], ranking: Ranking,
             collection: Collection) -> list[list[Candidate]]:
    """``groups`` (each quote's candidates, the first quote first) with the sentence before the
    first quote's one sentence quoted with it when that sentence points back at it (it is
    among ``ranking.follows`` of the one before), the one before is no code's lead-in, only
    whitespace stands between them and the two fit in ``MAX_QUOTE_CHARS``. A later quote of
    the sentence before alone is taken into the first; one of it with others stays as it is
    (and the first quote too)."""
    first = groups[0]
    if (len(first) != 1 or first[0].sentence.number == 0
            or first[0].sentence.number >= len(ranking.sents_of[first[0].sentence.passage])):
        return groups
    s = first[0].sentence
    p = s.passage
    before = ranking.quoted_from(p)[s.number - 1]
    if (s.number not in ranking.follows(before) or before.code or ranking.items_of(p).get(
            before.number) or collection.between(p, before.number, s.number).strip()
            or len(ranking.full_text(before)) > MAX_QUOTE_CHARS):
        return groups
    holder = next((g for g in groups[1:] if any(
        o.sentence.passage == p and o.sentence.number == before.number for o in g)), None)
    if holder is not None and len(holder) > 1:
        return groups
    lead = holder[0] if holder else Candidate(sentence=before, terms=set(), matched=set(),
                                              window=set(), window_similar={}, features=[])
    return [[lead, *first], *(g for g in groups[1:] if g is not holder)]


__all__ = ["preceded"]
