"""A yes/no question whether something supports Y, answered only from a document that names
Y; and a question mostly of names still has its specific words."""

from __future__ import annotations

from retrieval import QAEngine
from retrieval.config import ComposerConfig
from retrieval.corpus import Document
from retrieval.query import parse_query
from retrieval.supports import unnamed_support

GIZMUX = ("Gizmux is a terminal multiplexer. Gizmux works on Linux and FreeBSD, and it runs "
          "every shell the system has. The way gizmux works is to keep a server process alive "
          "between sessions.")
OTHER = ("Frobnik edits configuration files. It keeps a backup of every file it changes. "
         "It runs on macOS and Windows.")


def _engine(config: ComposerConfig | None = None) -> QAEngine:
    docs = [Document("gizmux-guide", "Gizmux guide", GIZMUX),
            Document("frobnik-guide", "Frobnik guide", OTHER)]
    return QAEngine.from_documents(docs, config=config or ComposerConfig(),
                                   similar_words=False)


def test_a_document_never_naming_what_is_asked_whether_supported_does_not_answer():
    engine = _engine()
    answer = engine.ask("Does gizmux work on macOS?")
    assert not answer.answered and answer.abstained == "support_unnamed"
    # what the document names is answered
    answer = engine.ask("Does gizmux work on FreeBSD?")
    assert answer.answered and "FreeBSD" in answer.sentences[0].text
    # without the gate, "Gizmux works on Linux and FreeBSD ..." was quoted for macOS
    assert _engine(ComposerConfig(supports_gate=False)).ask("Does gizmux work on macOS?").answered


def test_only_what_follows_the_verb_and_no_common_word_is_asked_of_the_document():
    engine = _engine()
    doc = 0  # the gizmux guide
    for question, missing in (("Does gizmux work on macOS?", "maco"),
                              ("Can gizmux handle FreeBSD?", None),
                              ("Does gizmux support the system shell?", None),  # common words
                              ("How does gizmux work on macOS?", None),  # not yes/no
                              # what the asker may do, not what gizmux supports
                              ("Can I run gizmux on macOS?", None),
                              ("Can I read gizmux sessions on macOS?", None)):
        query = parse_query(question, engine.index)
        got = unnamed_support(question, query, doc, engine.collection, engine.index)
        assert (got is None) if missing is None else (got is not None), question


def test_a_question_mostly_of_names_has_its_specific_words():
    """Few English function words ("Does libxslt support XSLT 2.0?") do not make a question
    opening on "Does" any less English; and a number written as its own word is specific."""
    engine = QAEngine.from_texts(["The gizmux prefix key is set in the configuration file."])
    assert {"gizmux", "2.0"} <= parse_query("Does gizmux support XSLT 2.0?", engine.index).specific
    assert "19" in parse_query("How fast is gizmux at level 19?", engine.index).specific
    assert "2" not in parse_query("Is the key set in 2 files?", engine.index).specific
