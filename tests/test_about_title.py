"""A sentence opening on a pronoun speaks of what its document's title names: "She lives ..." in
a page titled "Marta Ilves" holds the question's "Marta Ilves" (``surroundings.about_title``)."""

from __future__ import annotations

from retrieval import QAEngine
from retrieval.surroundings import about_title
from tests.test_openingonly import ilves_engine


def _engine(pronouns: bool = True) -> QAEngine:
    # the rules read the page's file name ("ilves") as near every sentence too: off, so that
    # the pronoun alone is measured
    return ilves_engine(pronoun_title=pronouns, rules_read_names=False)


def test_a_sentence_about_the_title_by_a_pronoun_answers_a_question_naming_it():
    # "three dogs" is told of "She", the page's Marta Ilves: the question's name is met there
    question = "how many dogs does marta ilves have?"
    answer = _engine().ask(question)
    assert answer.answered
    assert answer.sentences[0].text.startswith("She lives in a farmhouse")
    assert not _engine(pronouns=False).ask(question).answered  # its terms were found apart


def test_only_a_sentence_opening_on_a_personal_pronoun_in_english():
    assert about_title("She lives in a farmhouse near the coast.", "en")
    assert about_title("(It was founded in 1921.)", "en")
    assert about_title("Their first album sold well.", "en")
    assert not about_title("The choir sings every five years.", "en")
    assert not about_title("Items are listed below.", "en")  # "it" only as a word of its own
    assert not about_title("Sie wohnt am Meer.", "de")
