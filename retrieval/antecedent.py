"""A best sentence that points back at the one before it, quoted with that sentence.

A sentence that opens by pointing back ("This is done by ...", "It defaults to 25.", "However,
...": ``quotes.follow_up``'s openings, per language) is quoted after the sentence before it
whenever that one is chosen; but the ranker often prefers it alone, for it repeats the
question's words, and what "This" stands for, often the answer, is left out ("Use the -k
option to select tests by name." / "This is useful when ..."). So when the first quote opens on
such a sentence, the sentence before it is quoted with it (``preceded``; after a restating
sentence is given the one after it, ``restatement.py``), the whole within ``MAX_QUOTE_CHARS``:
verbatim, in the order of the text, as ``quote_text`` quotes them when the one before is
chosen. It reads no word of a language but ``follow_up``'s.
"""

from __future__ import annotations

from .candidates import Candidate, Ranking
from .collection import Collection
from .cues import is_question
from .quotes import MAX_QUOTE_CHARS


def preceded(groups: list[list[Candidate]], ranking: Ranking,
             collection: Collection) -> list[list[Candidate]]:
    """``groups`` (each quote's candidates, the first quote first) with the sentence before the
    first quote quoted with it when the quote's first sentence points back at it (it is among
    ``ranking.follows`` of the one before) and leads in to no list (the one before would be
    quoted without the list), the one before leads in to no code, only whitespace stands
    between them and the quote stays within ``MAX_QUOTE_CHARS``. A later quote of the sentence
    before alone is taken into the first; one of it with others stays as it is (and the first
    quote too)."""
    first = groups[0]
    s = min((c.sentence for c in first), key=lambda o: o.number)
    p = s.passage
    if (s.number == 0 or s.number >= len(ranking.sents_of[p])
            or any(c.sentence.passage != p for c in first)):
        return groups
    before = ranking.quoted_from(p)[s.number - 1]
    size = sum(len(ranking.full_text(c.sentence)) + 1 for c in first)
    if (s.number not in ranking.follows(before) or before.code or before.item
            or is_question(before.text) or ranking.items_of(p).get(
            s.number) or ranking.items_of(p).get(before.number)
            or collection.between(p, before.number, s.number).strip()
            or size + len(before.text) > MAX_QUOTE_CHARS):
        return groups
    holder = next((g for g in groups[1:] if any(
        o.sentence.passage == p and o.sentence.number == before.number for o in g)), None)
    if holder is not None and len(holder) > 1:
        return groups
    lead = holder[0] if holder else Candidate(sentence=before, terms=set(), matched=set(),
                                              window=set(), window_similar={}, features=[])
    return [[lead, *first], *(g for g in groups[1:] if g is not holder)]


__all__ = ["preceded"]
