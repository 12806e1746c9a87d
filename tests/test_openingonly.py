"""An opening that says nothing of what is asked: a page's first sentence quoted for a question
about one thing of the page's topic is abstained from (``openingonly.py``)."""

from __future__ import annotations

import dataclasses

from retrieval import QAEngine
from retrieval.config import ComposerConfig
from retrieval.corpus import Document
from retrieval.openingonly import opening_only
from retrieval.selection import FEATURES

# a page about a person, long enough to have an opening (more than one passage)
ILVES = (
    "Marta Ilves (born 3 May 1961) is a sculptor and painter from Tartu.\n"
    "Her early works were carved from limestone and shown in small galleries around the old "
    "town. She taught drawing at the art academy for twenty years, where many of her students "
    "became painters themselves.\n"
    "In 2004 she sold a series of bronze figures to a museum in the capital, and the sale made "
    "her wealthy. The figures show fishermen mending their nets on the shore, each of them cast "
    "from a clay model she built by hand.\n"
    "She lives in a farmhouse near the coast with three dogs and a large garden. Every summer "
    "she opens her workshop to visitors, who may watch her carve and ask about her methods.\n"
    "Critics have praised her patience with stone and her plain, unhurried forms. A "
    "retrospective of her work toured four cities in 2015, drawing large crowds in each of them.")
OTHERS = [("Harbour", "The harbour was dredged in 1998. Ferries leave every hour for the islands."),
          ("Bakery", "The bakery opens at six. Its rye bread is baked in a wood oven."),
          ("Choir", "The choir was founded in 1921. It sings at the song festival every five "
           "years."),
          ("Lighthouse", "The lighthouse is forty metres tall. Its lamp was electrified in 1930.")]


def ilves_engine(**config: bool) -> QAEngine:
    """The page about Marta Ilves among four others, the composer's settings as ``config``."""
    docs = [Document("ilves", "Marta Ilves", ILVES)]
    docs += [Document(f"doc{i}", title, text) for i, (title, text) in enumerate(OTHERS)]
    return QAEngine.from_documents(docs, config=dataclasses.replace(ComposerConfig(), **config))


def _engine(gate: bool = True) -> QAEngine:
    return ilves_engine(opening_gate=gate)


def test_an_opening_that_meets_nothing_asked_of_its_topic_is_abstained():
    # "fortune": the opening names Marta Ilves and nothing of how she made one, nor does the
    # sentence after it
    question = "how did marta ilves make her fortune"
    answer = _engine().ask(question)
    assert not answer.answered
    assert answer.abstained == "opening_only"
    assert _engine(gate=False).ask(question).answered  # it was quoted, surely, before


def test_an_opening_still_answers_what_its_topic_is_and_what_it_meets():
    engine = _engine()
    for question in ("who is marta ilves?", "what is marta ilves famous for?",
                     "when did marta ilves sell the bronze figures?",
                     # "from Tartu": a people is named as a person is (``questiontypes``)
                     "what nationality is marta ilves?"):
        assert engine.ask(question).answered, question


def _row(**values: float) -> list[float]:
    base = {"lead": 1.0, "title": 0.6, "focus": 0.0, "focus_own": 0.0, "evidence": 0.0}
    row = [0.0] * len(FEATURES)
    for name, v in {**base, **values}.items():
        row[FEATURES.index(name)] = v
    return row


DEFINES = "Marta Ilves (born 3 May 1961) is a sculptor and painter from Tartu."


def test_only_an_opening_about_the_topic_meeting_none_of_the_rest_and_no_fact_asked_for():
    assert opening_only(_row(), DEFINES)
    assert not opening_only(_row(lead=0.0), DEFINES)  # not the document's opening
    assert not opening_only(_row(title=0.0), DEFINES)  # a document the question does not name
    assert not opening_only(_row(focus_own=0.2), DEFINES)  # it meets part of what is asked
    assert not opening_only(_row(focus=0.2), DEFINES)  # ... or the sentence after it does
    assert not opening_only(_row(evidence=1.0), DEFINES)  # it holds a date for "when", ...
    assert opening_only(_row(q_how=1.0), DEFINES)
    assert not opening_only(_row(q_why=1.0), DEFINES)  # a cause: no kind of fact qabot reads
    assert not opening_only(_row(q_what_is=1.0), DEFINES)  # "what is X?": an opening answers it
    assert not opening_only(_row(q_define=1.0), DEFINES)
    # what a thing is, its opening says, tells how it works
    assert not opening_only(_row(q_how=1.0), DEFINES, "how does a diaphragm pump work?")
    assert not opening_only(_row(), DEFINES, "How Works Diaphragm Pump")
    assert opening_only(_row(q_how=1.0), DEFINES, "how did marta ilves make her fortune")
    # it leads in to a list, quoted with it: "These are the return codes of a command:" over
    # "130 -- The process received a SIGINT (Ctrl-C)." says what the list does
    assert not opening_only(_row(lead_in=1.0), "These are the return codes of a command:")


def test_an_opening_that_is_no_definition_may_answer_what_its_words_do_not_meet():
    """A release note's or a policy's opening is often the answer to a question of its topic
    in other words ("what is new in hatch 1.18?"); only one saying what kind of thing the topic
    is tells no more than that."""
    assert opening_only(_row(), "The Battle of Narva was a battle of the Great Northern War.")
    assert not opening_only(_row(), "Hatch v1.18.0 introduces dependency sources and fixes.")
    assert not opening_only(_row(), "The founders have pledged to follow chapter 4 of The Rule.")
    assert not opening_only(_row(), "The bridge, when it opened; is a landmark now.")
    # what stands in brackets is set aside; a title without an article; "refers to"
    assert opening_only(_row(), "Ann Lee (; born 1 May 1950) is an English painter.")
    assert opening_only(_row(), "Justinian I (c. 482 (?) - 565) was Byzantine Emperor.")
    assert opening_only(_row(), "The history of Tartu refers to the town's past.")
