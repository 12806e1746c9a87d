"""A "how do I ...?" answer the selector is not sure of names the action asked for."""

from __future__ import annotations

import pytest

from retrieval import QAEngine
from retrieval.action import asked_action, names_action
from retrieval.config import ComposerConfig
from retrieval.corpus import Document
from retrieval.similarity import bundled

GIZMUX = ("# Gizmux guide\n\n## Buckets\n\nGizmux keeps files in buckets between sessions. The "
          "gizmux bucket command lists the objects in a bucket. A bucket holds at most a "
          "thousand objects.\n\n## Sessions\n\nSessions close after an hour. To remove an old "
          "session, run gizmux prune.")

VECTORS = bundled()
needs_vectors = pytest.mark.skipif(VECTORS is None, reason="the wordllama vectors are missing")


def _engine(config: ComposerConfig | None = None) -> QAEngine:
    return QAEngine.from_documents([Document("gizmux-guide", "Gizmux guide", GIZMUX)],
                                   config=config or ComposerConfig())


@needs_vectors
def test_an_unsure_answer_naming_no_such_action_does_not_answer_how_to_do_it():
    question = "How do I encrypt a gizmux bucket?"
    answer = _engine().ask(question)
    assert not answer.answered and answer.abstained == "action_unnamed"
    # without the gate, what the guide says of buckets ("... lists the objects") was quoted
    assert _engine(ComposerConfig(action_gate=False)).ask(question).answered
    # the action named, in other words too ("remove" for "erase"), is answered
    answer = _engine().ask("How do I erase an old gizmux session?")
    assert answer.answered and "gizmux prune" in answer.sentences[0].text
    assert _engine().ask("How do I list the objects in a gizmux bucket?").answered


def test_which_questions_ask_for_an_action():
    for question, verb in (("How do I encrypt a gizmux bucket?", "encrypt"),
                           ("how can we rotate the keys?", "rotate"),
                           ("How to delete a branch?", "delete"),
                           ("How should one configure it?", "configure"),
                           # a light verb says little of the action; no asker, no action
                           ("How do I make gizmux list a bucket?", None),
                           ("How can I get rustc to share the job limit?", None),
                           ("How do plants grow?", None),
                           ("How can users combine options?", None),
                           ("How many buckets are there?", None),
                           ("What is gizmux?", None)):
        assert asked_action(question, "en") == verb, question
    assert asked_action("How do I encrypt a gizmux bucket?", "de") is None


@needs_vectors
def test_an_action_is_named_in_its_words_or_in_words_of_like_meaning():
    assert VECTORS is not None
    assert names_action("encrypt", "Encrypt the bucket with gizmux seal.", VECTORS, 0.4)
    assert names_action("delete", "To remove an old session, run gizmux prune.", VECTORS, 0.4)
    assert not names_action("encrypt", "The gizmux bucket command lists the objects.",
                            VECTORS, 0.4)
    assert not names_action("encrypt", "", VECTORS, 0.4)
