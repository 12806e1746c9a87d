"""``retrieval.precedence``: which candidate comes first when the best lacks what the question
plainly asks for."""

from __future__ import annotations

from retrieval.candidates import Candidate
from retrieval.collection import Sentence
from retrieval.precedence import defined_first, definition_first
from retrieval.selection import FEATURES


def _candidate(text: str, defined: bool = False) -> Candidate:
    features = [0.0] * len(FEATURES)
    features[FEATURES.index("defined")] = float(defined)
    return Candidate(Sentence(0, 0, text, True), set(), set(), set(), {}, features)


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


def test_outside_english_a_sentence_saying_what_x_is_comes_before_one_under_its_heading() -> None:
    """A README's badges open the text under its title "jaconv": they are first under a heading
    that is X (``defined``), yet the sentence that says what jaconv is answers "jaconv って何？"
    (docs_blind17); the text under the heading comes first only where none says it."""
    badges = _candidate("latest version license download GitHub stars", defined=True)
    says = _candidate("jaconv (Japanese Converter) は文字種変換を高速に行います。")
    other = _candidate("jaconv をインストールします。")
    assert defined_first("jaconv って何？", "ja", [other, badges, says], 5) == 2
    assert defined_first("jaconv って何？", "ja", [other, badges], 5) == 1
    assert defined_first("jaconv って何？", "ja", [says, badges], 5) == 0
