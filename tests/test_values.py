"""A question asking for a default or a limit is answered only by a quote that gives a value."""

from __future__ import annotations

from retrieval import QAEngine
from retrieval.config import ComposerConfig
from retrieval.corpus import Document
from retrieval.values import asks_value, states_value

GIZMUX = ("Gizmux keeps a server process alive between sessions. The gizmux socket timeout "
          "can be changed in the configuration file. Gizmux closes idle sessions after a "
          "timeout. The status line shows the session name and the clock.")
FROBNIK = ("Frobnik edits configuration files. The default frobnik retry limit is 5 attempts. "
           "Frobnik keeps a backup of every file it changes.")


def _engine(config: ComposerConfig | None = None) -> QAEngine:
    docs = [Document("gizmux-guide", "Gizmux guide", GIZMUX),
            Document("frobnik-guide", "Frobnik guide", FROBNIK)]
    return QAEngine.from_documents(docs, config=config or ComposerConfig(),
                                   similar_words=False)


def test_a_quote_that_gives_no_value_does_not_answer_what_the_default_is():
    question = "What is the default socket timeout of gizmux?"
    answer = _engine().ask(question)
    assert not answer.answered and answer.abstained == "no_value"
    # without the gate, "The gizmux socket timeout can be changed ..." was quoted
    assert _engine(ComposerConfig(value_gate=False)).ask(question).answered
    # a value stated is answered
    answer = _engine().ask("What is the default retry limit of frobnik?")
    assert answer.answered and "5 attempts" in answer.sentences[0].text


def test_which_questions_ask_for_a_value():
    for question, asks in (("What is the default socket timeout of gizmux?", True),
                           ("what's the maximum line length?", True),
                           ("What are the default k1 and b parameters?", True),
                           ("Which port does gizmux connect to by default?", True),
                           ("what font does gizmux use by default?", True),
                           # a name, a use, a yes/no: no value asked
                           ("What was the default branch renamed to?", False),
                           ("What is the maximum width used for?", False),
                           ("Does gizmux compress by default?", False),
                           ("How do I change the default timeout?", False),
                           ("What is gizmux?", False)):
        assert asks_value(question, "en") is asks, question
    assert not asks_value("What is the default socket timeout of gizmux?", "de")


def test_a_value_is_a_default_stated_or_a_figure_the_question_lacks():
    question = "What is the default timeout of gizmux 3?"
    assert states_value("The timeout is 30 seconds.", question, False)
    assert states_value("Timeouts are set by the server.", question, True)
    assert not states_value("The timeout can be changed.", question, False)
    assert not states_value("Gizmux 3 has a timeout.", question, False)  # the question's own
    # a manual's section, a figure written onto a word, "one" as a pronoun or a word's part
    for text in ("See gizmux(8) for the timeout.", "It hashes with sha512crypt.",
                 "If one cannot wait, the timeout is one-way."):
        assert not states_value(text, question, False), text
    assert states_value("The timeout is two minutes; see gizmux(8).", question, False)
