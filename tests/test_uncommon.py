"""A "how do I ...?" question's word far from everyday English, which the cited manual never
uses: the manual does not tell how."""

from __future__ import annotations

from retrieval import QAEngine
from retrieval.config import ComposerConfig
from retrieval.corpus import Document
from retrieval.ingest.markdown import read_markdown
from retrieval.query import parse_query
from retrieval.uncommon import missing_uncommon

GIZMUX = ("# Gizmux guide\n\n## Sessions\n\nGizmux sessions close after an hour. You can set "
          "how long gizmux sessions are kept in the configuration file.\n\n## Folders\n\n"
          "Gizmux keeps each session in its own folder. Sessions can be shared as a live stream.")
FROBNIK = ("# Frobnik guide\n\n## Network\n\nFrobnik waits for a reply from the server. Its "
           "timeout is set with the --timeout option, and a proxy with --proxy.")


def _engine(config: ComposerConfig | None = None) -> QAEngine:
    docs = [Document("gizmux-guide", "Gizmux guide", GIZMUX, parsed=read_markdown(GIZMUX)),
            Document("frobnik-guide", "Frobnik guide", FROBNIK, parsed=read_markdown(FROBNIK))]
    return QAEngine.from_documents(docs, config=config or ComposerConfig(),
                                   similar_words=False)


def test_a_manual_never_using_the_uncommon_word_asked_does_not_tell_how():
    question = "How do I set a timeout on gizmux sessions?"
    answer = _engine().ask(question)
    assert not answer.answered and answer.abstained == "uncommon_word_missing"
    # without the gate, what the guide says of sessions was quoted
    assert _engine(ComposerConfig(uncommon_zipf=0)).ask(question).answered
    # what the guide names is answered
    answer = _engine().ask("How do I set how long gizmux sessions are kept?")
    assert answer.answered and "configuration file" in answer.sentences[0].text


def test_only_uncommon_weighty_words_of_how_questions_are_sought_in_the_manual():
    engine = _engine()
    doc = 0  # the gizmux guide
    for question, missing in (("How do I set a timeout on gizmux sessions?", "timeout"),
                              ("How can we put gizmux sessions behind a proxy?", "proxi"),
                              # a word the manual writes in two
                              ("How do I livestream gizmux sessions?", None),
                              # everyday words a manual may say otherwise
                              ("How do I change the password of gizmux sessions?", None),
                              # not a way of doing something
                              ("What is the timeout of gizmux sessions?", None),
                              ("Does gizmux have a timeout?", None)):
        query = parse_query(question, engine.index)
        got = missing_uncommon(question, query, doc, engine.collection, engine.index, {},
                               4.0, 0.15)
        assert got == missing, question
    # a word the window meets by one of like meaning stands in for it
    question = "How do I set a timeout on gizmux sessions?"
    query = parse_query(question, engine.index)
    assert missing_uncommon(question, query, doc, engine.collection, engine.index,
                            {"timeout": 0.6}, 4.0, 0.15) is None
    # the manual that uses the word is not doubted
    assert missing_uncommon(question, query, 1, engine.collection, engine.index, {},
                            4.0, 0.15) is None


def test_a_can_question_is_read_as_a_how_question_is():
    """"Can X V ...?" asks whether X does something: a manual that never uses the question's
    uncommon word does not say."""
    engine = _engine()
    question = "Can gizmux keep each session in its own folder on a proxy?"
    answer = engine.ask(question)
    assert not answer.answered and answer.abstained == "uncommon_word_missing"
    assert _engine(ComposerConfig(uncommon_can_zipf=0)).ask(question).answered
    doc = 0  # the gizmux guide
    for question, missing in (("Can gizmux keep each session in its own folder on a proxy?",
                               "proxi"),
                              ("Could gizmux put sessions behind a proxy?", "proxi"),
                              # what the asker may do
                              ("Could I put gizmux sessions behind a proxy?", None),
                              # what the manual names
                              ("Can gizmux sessions be shared as a livestream?", None),
                              # everyday words a manual may say otherwise
                              ("Can gizmux sessions be moved to another computer?", None),
                              # not a "can" question
                              ("Are gizmux sessions kept behind a proxy?", None)):
        query = parse_query(question, engine.index)
        got = missing_uncommon(question, query, doc, engine.collection, engine.index, {},
                               4.0, 0.15, 4.0)
        assert got == missing, question
        assert missing_uncommon(question, query, doc, engine.collection, engine.index, {},
                                4.0, 0.15, 0.0) is None, question
