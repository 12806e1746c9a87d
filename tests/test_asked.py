"""A date or a figure of the kind a question asks for, but of another time or another thing, does
not answer it (``retrieval/asked.py``)."""

from __future__ import annotations

from retrieval import QAEngine
from retrieval.asked import (
    asks_future,
    counted,
    fits_asked,
    states_count,
    states_part,
    told_as_past,
)
from retrieval.config import ComposerConfig
from retrieval.corpus import Document

STORY = (
    "Wildfire forces Fernvale evacuation\n\n"
    "More than half of the patients at Fernvale General Hospital waited longer than four hours "
    "to be seen last winter, a report found. The review found that 52% of patients waited more "
    "than four hours, against a target of 78%.\n\n"
    "About 4,300 residents of Fernvale were ordered to leave their homes late Monday as a "
    "fast-moving wildfire pushed to within eight kilometres of the town. The Holm Ridge fire, "
    "which was first reported on Saturday afternoon, had grown to 6,200 hectares by Tuesday "
    "morning. Crews from three provinces joined the fight on Wednesday.\n\n"
    "Some 48,000 kettles sold in the region are being recalled because a fault can cause them "
    "to overheat, the maker said on Friday. Owners should stop using them at once.")


def _engine(config: ComposerConfig | None = None) -> QAEngine:
    return QAEngine.from_documents([Document("fernvale", "Wildfire forces Fernvale evacuation",
                                             STORY)], config=config or ComposerConfig())


def test_a_date_or_figure_of_another_time_or_thing_does_not_answer():
    engine, plain = _engine(), _engine(ComposerConfig(fit_gate=False))
    for question, why in (("When will Fernvale residents be allowed to return home?", "no_date"),
                          ("How many nurses does Fernvale General Hospital employ?",
                           "no_quantity"),
                          ("How many of the recalled kettles have been returned so far?",
                           "no_quantity")):
        answer = engine.ask(question)
        assert not answer.answered and answer.abstained == why, question
        # without the gate, a date of the past, a measure of waiting, the count of the whole
        # were quoted
        assert plain.ask(question).answered, question
    # what the story does state is still answered
    for question, part in (("How many residents of Fernvale were ordered to leave their homes?",
                            "4,300"),
                           ("When was the Holm Ridge fire first reported?", "Saturday"),
                           ("How many kettles are being recalled?", "48,000")):
        answer = engine.ask(question)
        assert answer.answered and part in answer.sentences[0].text, question


def test_which_questions_ask_for_a_time_to_come():
    for question in ("When will the line reopen?", "On what date will the second strike take "
                     "place?", "On what day in December will the bank announce its decision?",
                     "When is the team going to return?", "When are the products expected to "
                     "go on sale?", "When does the council plan to start building?"):
        assert asks_future(question), question
    for question in ("When did the line close?", "When was the bridge opened?",
                     "When did Holden announce that it will close its plant?",
                     "When is a language code valid?", "How long will the bridge close?"):
        assert not asks_future(question), question


def test_evidence_told_only_as_past():
    question = "When will the line reopen?"
    assert told_as_past("The line was closed on Monday after a landslide.", question)
    assert told_as_past("Services were suspended in March. Engineers said it had cost £2m.",
                        question)
    assert told_as_past("The line was closed on 3 May.", question)  # a month, no "may" ahead
    # a time to come, a present, nothing dated
    for evidence in ("The line will reopen on 3 May.", "The line is expected to reopen in May.",
                     "The line was closed on Monday and stays shut until further notice in "
                     "June.", "The line reopens on 3 May.", "Sky announced Sky Q, products to "
                     "be available in 2016.", "The line was closed after a landslide.",
                     # "hundred" and "speed" are no past forms
                     "A hundred trains at full speed run on 3 May."):
        assert not told_as_past(evidence, question), evidence


def test_what_a_how_many_question_counts():
    for question, noun in (("How many nurses does the hospital employ?", "nurses"),
                           ("How many people were killed in the offensive?", "people"),
                           ("How many active mineral chimneys did the robot map?",
                            "active mineral chimneys"),
                           ("How many people watched the final?", "people"),
                           # a unit asks for a measure; "times" and a verb the phrase runs into
                           # are not read
                           ("How many weeks of fighting were there?", None),
                           ("How many miles long is the bridge?", None),
                           ("How many times has the clip been viewed?", None),
                           ("How much does it cost?", None), ("What is it?", None)):
        assert counted(question) == noun, question


def test_a_count_is_no_measure_share_or_date():
    question = "How many nurses does the hospital employ?"
    for evidence in ("Patients waited longer than four hours in the year to March.",
                     "52% of patients waited, against a target of 78%.",
                     "The hospital, opened in 1991 at a cost of £212m, is 1.4km from the "
                     "station.", "The clinic opens at 6.40am."):
        assert not states_count(evidence, question), evidence
    for evidence in ("The hospital employs 1,200 nurses.", "It has about 900 staff.",
                     "Some 40% of nurses work part time."):
        assert states_count(evidence, question), evidence
    assert states_count("Class Distribution: class_0 (59), class_1 (71), class_2 (48)",
                        "how many classes does the wine data have?")
    # a share of the counted thing counts it ("26.7% of the Victorian population")
    assert states_count("Catholics form 26.7% of the Victorian population.",
                        "How many Victorians are Catholic?")
    assert states_count("In the last week of February 1974, 20% of American gasoline stations "
                        "had no fuel.", "how many gas stations ran out of gas in 1974")
    # a unit asks for a measure, which is not read
    assert fits_asked("number", "Patients waited 4 hours.", "How many weeks did they wait?")


def test_a_part_of_a_whole_is_counted_as_a_part():
    question = "How many of the recalled kettles have been returned so far?"
    assert not states_part("Some 48,000 kettles are being recalled.", question)
    for evidence in ("About 12,000 of the kettles have been returned.",
                     "Some 25% of kettles have come back.",
                     "So far 12,000 kettles have been returned."):
        assert states_part(evidence, question), evidence
    assert states_part("89% of drivers who voted backed strike action.",
                       "How many of the drivers backed the walkout?")
    # nothing said of the part beyond naming it; not such a question
    assert states_part("Some 48,000 kettles.", "How many of the kettles?")
    assert states_part("Some 48,000 kettles.", "How many kettles are recalled?")


def test_only_the_kinds_read():
    assert fits_asked("who", "It was built in 1991.", "When will it reopen?")
    assert fits_asked(None, "", "")
    assert not fits_asked("when", "It was closed on Monday.", "When will it reopen?")
