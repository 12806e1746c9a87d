"""``retrieval.derivations``: an English noun and the verb or adjective it is made from read as
one term."""

from __future__ import annotations

import pytest

from retrieval.analyzer import analyze
from retrieval.engine import QAEngine


@pytest.mark.parametrize(("base", "derived"), [
    ("verify", "verification"), ("specified", "specifications"), ("describes", "description"),
    ("failed", "failures"), ("how long", "length"), ("decide", "decisions"),
    ("extends", "extension"), ("analyse", "analysis"), ("defending", "defence"),
    ("discovered", "discovery"), ("loses", "loss"),
])
def test_a_noun_reads_as_the_word_it_is_made_from(base: str, derived: str) -> None:
    assert analyze(derived)[-1] == analyze(base)[-1]


@pytest.mark.parametrize(("one", "other"), [
    ("product", "produce"), ("property", "proper"), ("closure", "close"),
    ("resolution", "resolve"), ("procedure", "proceed"), ("concept", "conceive"),
    ("pressure", "press"), ("multiple", "multiply"), ("content", "contain"),
])
def test_a_noun_that_is_a_word_of_its_own_stays_apart(one: str, other: str) -> None:
    assert analyze(one) != analyze(other)


def test_a_question_in_verbs_finds_the_sentence_in_nouns() -> None:
    # paragraphs without headings: under a heading ("Downloads") the second stage's weights for
    # documentation (``rerank.py``) prefer the section's first sentence here, whatever the words
    engine = QAEngine.from_texts([
        "The download page lists every download with its size and date. "
        "Verification takes the checksum from the release page.",
        "An upload is limited to 2 GB. Uploads are kept for a week."])
    answer = engine.ask("How do I verify a download?")
    assert answer.sentences and answer.sentences[0].text.startswith("Verification takes")
