"""``retrieval.precedence``: which candidate comes first when the best lacks what the question
plainly asks for."""

from __future__ import annotations

from retrieval.candidates import Candidate
from retrieval.collection import Sentence
from retrieval.precedence import definition_first


def _candidate(text: str) -> Candidate:
    return Candidate(Sentence(0, 0, text, True), set(), set(), set(), {}, [])


def test_a_sentence_saying_what_x_is_comes_first_from_among_the_best_few() -> None:
    ranked = [_candidate(t) for t in (
        "Also, programs that use legacy APIs cannot be compiled against libxcrypt.",
        "libxcrypt is currently maintained at GitHub.",  # says something of it, not what it is
        "libxcrypt is a modern library for one-way hashing of passwords.",
    )]
    assert definition_first("What is libxcrypt?", ranked, 5, set()) == 2
    assert definition_first("What is libxcrypt?", ranked, 2, set()) == 0  # beyond the best two
    assert definition_first("What is libxcrypt?", ranked[2:] + ranked[:2], 5, set()) == 0
    # "a growing sport in southern California" asks for an instance, not what a sport is
    sports = [_candidate("College sports are popular in southern California."),
              _candidate("Rugby is also a growing sport in southern California.")]
    assert definition_first("What is a growing sport in southern California?", sports, 5,
                             set()) == 0
