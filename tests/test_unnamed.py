"""A story that speaks of the kind of thing a "which N" question asks to have named, without
naming it, does not answer it (``retrieval/unnamed.py``)."""

from __future__ import annotations

from retrieval import QAEngine
from retrieval.config import ComposerConfig
from retrieval.corpus import Document
from retrieval.unnamed import asked_kind, names_none

STORY = (
    "Bus driver rescues passengers from floodwater\n\n"
    "Gary Fenwick, 47, was driving the number 32 service from Ledbury when floodwater swept "
    "across the road. Among those he rescued was retired midwife Doreen Hale, 91, who had been "
    "on her way to a hospital appointment. The bus company said it would nominate Fenwick for a "
    "national bravery award.\n\n"
    "Firefighters from Gloucestershire arrived around 25 minutes later and used a boat to check "
    "the bus for anyone left behind. The vehicle was later towed to a depot in Tewkesbury.")


def _engine(config: ComposerConfig | None = None) -> QAEngine:
    return QAEngine.from_documents([Document("flood", "Bus driver rescues passengers", STORY)],
                                   config=config or ComposerConfig())


def test_a_story_that_speaks_of_the_asked_kind_without_naming_it_does_not_answer():
    engine, plain = _engine(), _engine(ComposerConfig(name_gate=False))
    for question in ("Which hospital was Doreen Hale going to for her appointment?",
                     "Which bravery award will the bus company nominate Gary Fenwick for?"):
        answer = engine.ask(question)
        assert not answer.answered and answer.abstained == "kind_unnamed", question
        assert plain.ask(question).answered, question  # the sentence was quoted
    # what the story does name is still answered
    for question, part in (("Which bus service was Gary Fenwick driving?", "number 32"),
                           ("Which depot was the bus towed to?", "Tewkesbury")):
        answer = engine.ask(question)
        assert answer.answered and part in answer.sentences[0].text, question


def test_the_kind_a_question_asks_to_name():
    assert asked_kind("Which hospital was she going to?") == "hospital"
    assert asked_kind("Which Limerick retailer passed on the first reports?") == "retailer"
    assert asked_kind("Which senior managers turned down the request?") == "managers"
    assert asked_kind("In which town did the bus stop?") == "town"
    assert asked_kind("Who is the secretary-general of the CSTO?") == "secretary-general"
    assert asked_kind("What is the new eyeless crab called?") == "crab"
    # a time, a kind of answer that is no name, or no "which N" at all
    assert asked_kind("Which year did the bridge open?") is None
    assert asked_kind("Which way does the river flow?") is None
    assert asked_kind("Who is running the company?") is None
    assert asked_kind("What is the capital of Australia?") is None
    assert asked_kind("Welches Krankenhaus war es?") is None  # English only


def test_an_n_is_named_by_a_name_a_figure_or_a_quotation_near_it():
    question = "Which hospital was she going to?"
    assert names_none("She was on her way to a hospital appointment.", question)
    assert not names_none("She was on her way to St Mary's Hospital for a scan.", question)
    assert not names_none("She was going to the hospital, Mercy General, for a scan.", question)
    assert not names_none("She went to hospital number 4 in the city.", question)
    assert not names_none('She went to the hospital she calls "the big one".', question)
    # a capitalised word that opens the sentence, or that the question holds, names nothing
    assert names_none("Hospital staff said she was on her way to a hospital appointment.",
                      "Which hospital was Hale going to?")
    assert names_none("Yesterday she was on her way to a hospital in Leeds.",
                      "Which hospital in Leeds was she going to?")
    # no N in the evidence: nothing to tell
    assert not names_none("She was on her way to an appointment.", question)
