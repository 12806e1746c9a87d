"""A best sentence that points back at the one before it is quoted with that sentence."""

from __future__ import annotations

from retrieval import ComposerConfig, QAEngine

OTHER = "Cats sleep for most of the day and hunt small animals at night in the garden."
ASKED = "How do I select the tests to run by their names?"
# one quote, its best sentence alone: the sentence before is not chosen for itself
ONE = ComposerConfig(follow_ratio=1.0, max_quotes=1)
AFTER = "This selects the tests to run by their names, so only the matching tests run."


def _first_quote(text: str, config: ComposerConfig = ONE) -> str:
    answer = QAEngine.from_texts([text, OTHER], config=config).ask(ASKED)
    assert answer.answered
    return answer.sentences[0].text


def test_a_sentence_pointing_back_is_quoted_with_the_one_before_it() -> None:
    text = f"Install the package with pip first. Pass the -k option to pytest. {AFTER}"
    assert _first_quote(text) == f"Pass the -k option to pytest. {AFTER}"
    off = ComposerConfig(follow_ratio=1.0, max_quotes=1, antecedent=False)
    assert _first_quote(text, off) == AFTER


def test_a_sentence_not_pointing_back_is_quoted_alone() -> None:
    text = ("Pass the -k option to pytest. Pytest selects the tests to run by their names, so "
            "only the matching tests run.")
    assert "-k option" not in _first_quote(text)


def test_a_demonstrative_opening_a_paragraph_is_quoted_alone() -> None:
    text = f"Pass the -k option to pytest.\n\n{AFTER}"
    assert "-k option" not in _first_quote(text)


def test_two_sentences_too_long_together_are_not_joined() -> None:
    before = "Pass the -k option to pytest " + "with a long expression " * 20 + "to it."
    assert "-k option" not in _first_quote(f"{before} {AFTER}")
