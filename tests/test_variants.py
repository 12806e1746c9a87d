"""``retrieval.variants``: British and American spellings, and clipped forms, of a word read as one
term."""

from __future__ import annotations

import pytest

from retrieval.analyzer import analyze
from retrieval.variants import american


@pytest.mark.parametrize(("british", "us"), [
    ("licence", "license"), ("colour", "color"), ("coloured", "colored"),
    ("neighbourhood", "neighborhood"), ("centre", "center"), ("centred", "centered"),
    ("kilometres", "kilometers"), ("organisation", "organization"), ("recognised", "recognized"),
    ("analyse", "analyze"), ("travelled", "traveled"), ("cancelling", "canceling"),
    ("catalogue", "catalog"), ("programme", "program"), ("defence", "defense"),
    ("manoeuvre", "maneuver"), ("manoeuvres", "maneuvers"), ("baptised", "baptized"),
])
def test_a_british_spelling_reads_as_the_american(british: str, us: str) -> None:
    assert american(british) == us
    assert american(us) == us


@pytest.mark.parametrize("word", ["hour", "four", "your", "tour", "promise", "rise", "exercise",
                                  "acre", "france", "label", "wise", "licensed"])
def test_words_with_one_spelling_stay_as_they_are(word: str) -> None:
    assert american(word) == word


def test_the_index_and_a_question_meet_across_the_spellings() -> None:
    assert analyze("Which licence covers the organisation's colour centre?") == analyze(
        "Which license covers the organization's color center?")


def test_a_clipped_word_reads_as_the_word_a_manual_spells_out() -> None:
    """"how do I report a mistake in the node docs?" meets "Report errors in this
    documentation"; a clipping of two words ("auth") or of a name ("/dev") stays itself."""
    assert analyze("the docs of the repo's config") == analyze(
        "the documentation of the repository's configuration")
    assert american("args") == "arguments" and american("max") == "maximum"
    assert analyze("compatible back to Py3.6") == analyze("compatible back to Python 3.6")
    assert american("auth") == "auth" and american("dev") == "dev"
