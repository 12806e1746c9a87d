"""``bot.keyboards``: the callback data of Quote buttons, read back strictly."""

from __future__ import annotations

import pytest

from bot.keyboards import QuoteRef


def test_a_quote_reference_survives_its_callback_data() -> None:
    ref = QuoteRef("0a1b2c3d", 1, 6, 136, 340)
    assert QuoteRef.decode(ref.encode()) == ref
    assert len(ref.encode().encode()) <= 64  # Telegram's limit for callback data


@pytest.mark.parametrize("data", [
    "q:0a1b2c3d:1:6:136:²",  # a superscript digit: str.isdigit() says yes, int() says no
    "q:0a1b2c3d:1:6:136:٣",  # an Arabic-Indic digit
    "q:1:6:136:340",  # no snapshot (a button from before snapshots)
    "q:0A1B2C3D:1:6:136:340", "q:0a1b2c3:1:6:136:340", "q:0a1b2c3d:1:6:136",
    "x:0a1b2c3d:1:6:136:340", "q:0a1b2c3d:1:6:-1:340", "q:0a1b2c3d:1:6:136:340:9", "",
])
def test_malformed_callback_data_is_no_reference(data: str) -> None:
    assert QuoteRef.decode(data) is None


def test_a_quote_of_sentences_next_to_each_other_is_found_whole_in_its_passage() -> None:
    from bot.keyboards import answer_keyboard
    from retrieval import Answer, Quote

    passage = "Frob is a tool.\nA mailing list is open.\nTo join, mail frob-subscribe."
    quote = Quote(text="A mailing list is open.\nTo join, mail frob-subscribe.", source="frob",
                  title="Frob", score=1.0, citation=1, passage=0)
    answer = Answer(question="How do I join?", answered=True, text="", sentences=[quote])
    keyboard = answer_keyboard(answer, lambda p: passage, {"frob": 0}, "0a1b2c3d")
    button = keyboard.inline_keyboard[0][0]
    ref = QuoteRef.decode(str(button.callback_data))
    assert ref is not None and passage[ref.start:ref.end] == quote.text


def test_a_quote_joined_by_a_space_where_the_passage_breaks_the_line_is_found_whole() -> None:
    from bot.keyboards import answer_keyboard
    from retrieval import Answer, Quote

    passage = "Sodium is a crypto library.\nIt is a fork of NaCl.\nIts goal is speed."
    quote = Quote(text="Sodium is a crypto library. It is a fork of NaCl.", source="sodium",
                  title="Sodium", score=1.0, citation=1, passage=0)
    answer = Answer(question="What is Sodium a fork of?", answered=True, text="",
                    sentences=[quote])
    keyboard = answer_keyboard(answer, lambda p: passage, {"sodium": 0}, "0a1b2c3d")
    ref = QuoteRef.decode(str(keyboard.inline_keyboard[0][0].callback_data))
    assert ref is not None
    assert passage[ref.start:ref.end] == "Sodium is a crypto library.\nIt is a fork of NaCl."
