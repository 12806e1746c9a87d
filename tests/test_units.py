"""``retrieval.units``: what kind of quantity a question asks for, and whether a sentence
states one."""

from __future__ import annotations

import pytest

from retrieval import ComposerConfig, QAEngine
from retrieval.precedence import unit_first
from retrieval.units import asked_units, states_unit
from tests.test_precedence import _candidate


@pytest.mark.parametrize(("question", "kinds"), [
    ("How much money has the project cost?", ("money",)),
    ("What was the price of copper in London?", ("money",)),
    ("How old was the oldest passenger?", ("age",)),
    ("How hot was the water?", ("temperature",)),
    ("What percentage of farmland grows wheat?", ("percent",)),
    ("How big has the fire grown?", ("area",)),
    ("How long did the strike last?", ("duration", "length")),
    ("How far is the mine from the port?", ("length",)),
    ("How heavy is the X300?", ("weight",)),
    ("How many passengers were on the bus?", ()),  # a count: ev_number's and ev_count's
    ("Who paid for the bridge?", ()),  # asks for no quantity
])
def test_the_kind_of_quantity_a_question_asks_for(question: str, kinds: tuple[str, ...]) -> None:
    assert asked_units(question) == kinds


def test_a_sentence_states_a_quantity_of_the_kind_asked_and_new_to_the_question() -> None:
    money = asked_units("How much has the trial cost?")
    assert states_unit(money, "The trial, which has cost £1.2 million so far, is funded.", "")
    assert states_unit(money, "The bonus is 28 million pesos.", "")
    assert not states_unit(money, "Grant, 38, is the project officer.", "")
    age = asked_units("How old was the driver?")
    assert states_unit(age, "Gary Pembridge, 47, was driving the bus.", "")
    assert states_unit(age, "One lady who was 91 could not swim.", "")
    assert not states_unit(age, "He rescued 14 passengers.", "")
    assert states_unit(age, "The driver, Gary Pembridge (47), was unhurt.", "")
    # a figure in brackets is an age after a name only: a step's or a note's number is none
    assert not states_unit(age, "Repeat step (2) until the light turns green.", "")
    area = asked_units("How big is the fire?")
    assert states_unit(area, "It had grown to 6,200 hectares.", "")
    assert not states_unit(area, "About 4,300 residents were told to leave.", "")
    # a figure the question holds already is no answer to it
    assert not states_unit(money, "It cost $40 in 2019.", "Did it cost $40?")


def test_a_sentence_stating_the_quantity_asked_comes_first_from_among_the_best_few() -> None:
    ranked = [_candidate(t) for t in (
        "Grant, 38, is the project officer for the beaver trial in Glen Corrie.",
        "Sixteen beavers were released into the valley in October 2019.",
        "The trial, which has cost £1.2 million so far, is funded by a charitable trust.",
    )]
    question = "How much money has the beaver trial cost?"
    assert unit_first(question, ranked, 5) == 2
    assert unit_first(question, ranked, 2) == 0  # beyond the best two
    assert unit_first(question, ranked[2:] + ranked[:2], 5) == 0  # the best states it
    assert unit_first("Who runs the beaver trial?", ranked, 5) == 0
    # a best sentence naming the quantity asked, with a figure, may state it its own way
    temperatures = [_candidate("In the summers, temperature ranges are 90-60's."),
                    _candidate("Average temperatures are below 9 °C in winter.")]
    assert unit_first("What is the temperature range in summer?", temperatures, 5) == 0
    sunny = [_candidate("Summers are long and dry, with 200 days of sun."), temperatures[1]]
    assert unit_first("How hot is it in summer?", sunny, 5) == 1


def test_the_engine_quotes_the_sentence_with_the_money_asked_for() -> None:
    text = ("A beaver trial in Glen Corrie released four families of beavers in 2019.\n\n"
            "Grant, 38, is the project officer for the beaver trial in Glen Corrie, and a good "
            "one.\n\nLottery grants and a charitable trust paid the £1.2 million "
            "that the trial has needed so far.")
    question = "How much money has the beaver trial in Glen Corrie cost?"
    off = QAEngine.from_texts([text], config=ComposerConfig(unit_first=0)).ask(question)
    assert off.answered and "£" not in off.sentences[0].text  # the ranker alone
    answer = QAEngine.from_texts([text]).ask(question)
    assert answer.answered and "£1.2 million" in answer.sentences[0].text
