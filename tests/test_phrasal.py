"""``retrieval.phrasal``: a question's phrasal verbs read as the word a manual writes for them."""

from __future__ import annotations

import pytest

from retrieval import QAEngine
from retrieval.phrasal import plain_verbs


def _held(word: str) -> bool:
    return True


@pytest.mark.parametrize(("question", "read"), [
    ("How do I turn on line numbers in idle", "How do I enable line numbers in idle"),
    ("Is auto-vectorization turned on at -O2?", "Is auto-vectorization enable at -O2?"),
    ("How do I switch Corepack on so that yarn works?",
     "How do I enable Corepack so that yarn works?"),
    ("How do I turn nss-mdns on in nsswitch.conf?", "How do I enable nss-mdns in nsswitch.conf?"),
    ("How do I turn off colored output?", "How do I disable colored output?"),
    ("How do I get rid of the warning?", "How do I remove the warning?"),
    ("Why doesn't my output show up?", "Why doesn't my output appear?"),
    ("How can I find out which process holds a file?",
     "How can I determine which process holds a file?"),
    ("Can I leave the header out?", "Can I omit the header?"),
])
def test_a_phrasal_verb_reads_as_the_manual_s_word(question: str, read: str) -> None:
    assert plain_verbs(question, _held) == read


@pytest.mark.parametrize("question", [
    "How do I turn a Vec of bytes into a String?",  # "turn into" is no "turn on"
    "How do I turn all warnings into errors on the command line?",  # "on" is not its particle
    "At what size does the CLI switch to multipart uploads?",
])
def test_other_uses_of_the_verbs_stay(question: str) -> None:
    assert plain_verbs(question, _held) == question


def test_a_corpus_without_the_word_keeps_the_question_s_words() -> None:
    assert plain_verbs("How do I turn on X?", lambda w: False) == "How do I turn on X?"


def test_turning_on_is_answered_where_the_manual_enables() -> None:
    """"How do I turn on line numbers?" is answered by the sentence that enables them, not by
    one that holds "turn", "line" and "numbers" in other senses."""
    engine = QAEngine.from_texts([
        "Editor settings. To enable line numbers, set show_line_numbers to true in the settings "
        "file. The font size is set with font_size.",
        "Reading tables. Turn the page to see more numbers on each line of the table. Each "
        "table has a caption.",
    ], ids=["editor", "tables"])
    answer = engine.ask("How do I turn on line numbers?")
    assert answer.sentences and answer.sentences[0].source == "editor"
    assert "enable line numbers" in answer.sentences[0].text
