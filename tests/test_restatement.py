"""A best sentence that only restates the question is quoted with the sentence after it."""

from __future__ import annotations

from retrieval import ComposerConfig, QAEngine

OTHER = "Cats sleep for most of the day and hunt small animals at night in the garden."


def _first_quote(text: str, question: str) -> str:
    answer = QAEngine.from_texts([text, OTHER]).ask(question)
    assert answer.answered
    return answer.sentences[0].text


def test_a_sentence_restating_the_question_is_quoted_with_the_one_after_it() -> None:
    text = ("A mailing-list is available to discuss libsodium. To subscribe, send a random mail "
            "to sodium-subscribe at pureftpd dot org.\n\n"
            "Other things about encryption keys and nonces are described here.")
    quote = _first_quote(text, "How do I join the libsodium mailing list?")
    assert quote.startswith("A mailing-list is available")
    assert "send a random mail" in quote
    off = QAEngine.from_texts([text, OTHER], config=ComposerConfig(restating=False))
    first = off.ask("How do I join the libsodium mailing list?").sentences[0]
    assert "send a random mail" not in first.text


def test_a_sentence_with_words_of_its_own_is_quoted_alone() -> None:
    text = ("A mailing-list discussing libsodium is hosted by the volunteers of the pureftpd "
            "project on their own server since the early releases. In order to join, just "
            "send a random mail to sodium-subscribe at pureftpd dot org.")
    quote = _first_quote(text, "Where is the libsodium mailing list hosted?")
    assert "send a random mail" not in quote


def test_a_sentence_holding_a_figure_is_quoted_alone() -> None:
    text = ("The libsodium mailing list was opened in 2013. In order to join, just send a "
            "random mail to sodium-subscribe at pureftpd dot org.")
    quote = _first_quote(text, "When was the libsodium mailing list opened?")
    assert "send a random mail" not in quote


def test_a_list_item_after_it_is_not_quoted_with_it() -> None:
    text = ("A mailing-list is available to discuss libsodium.\n"
            "- Send a random mail to sodium-subscribe at pureftpd dot org.\n"
            "- Read the archive.\n")
    quote = _first_quote(text, "How do I join the libsodium mailing list?")
    assert "Send a random mail" not in quote
