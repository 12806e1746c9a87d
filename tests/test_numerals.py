"""A number in words within a name holds its figure for the term-coverage rules: "Article Five
..." answers "what is article 5 about" (``numerals.other_forms``)."""

from __future__ import annotations

import dataclasses

from retrieval import QAEngine
from retrieval.config import ComposerConfig
from retrieval.corpus import Document
from retrieval.numerals import other_forms
from tests.test_openingonly import OTHERS

ARTICLE = (
    "Article Five of the Charter describes the process by which the charter may be amended.\n"
    "An amendment is proposed by two thirds of the council and ratified by the members in "
    "their own assemblies, each of which votes on it within a year of its proposal.\n"
    "Since the charter was adopted, its text has been amended eleven times, most recently to "
    "lower the age at which members may vote.")


def _engine(forms: bool = True) -> QAEngine:
    docs = [Document("article", "Article Five of the Charter", ARTICLE)]
    docs += [Document(f"doc{i}", title, text) for i, (title, text) in enumerate(OTHERS)]
    # (the corpus has the figure 5, and often: a question's term it lacks is not weighed)
    docs += [Document(f"at5-{i}", title, f"The first {title.lower()} leaves at 5 every day.")
             for i, title in enumerate(("Ferry", "Bus", "Train", "Tram"))]
    config = dataclasses.replace(ComposerConfig(), number_forms=forms, rules_read_names=False)
    return QAEngine.from_documents(docs, config=config)


def test_a_number_in_words_meets_its_figure():
    # (at any confidence: the term-coverage rules are what is measured; so small a corpus
    # leaves the model unsure)
    answer = _engine().ask("what is article 5 about", min_confidence=0)
    assert answer.answered
    assert answer.sentences[0].text.startswith("Article Five of the Charter")
    # without: the question's two terms, "article" and "5", are found apart
    without = _engine(forms=False).ask("what is article 5 about", min_confidence=0)
    assert without.abstained == "terms_apart"


def test_a_number_in_words_within_a_name_in_english():
    assert other_forms("Article Five of the Charter", "en") == {"5"}
    assert other_forms("The crew of Apollo Eleven landed.", "en") == {"11"}
    assert not other_forms("The five players and Seven guests", "en")  # a count, not a name
    assert not other_forms("5 players and 7 guests", "en")
    assert not other_forms("Artikel Fünf", "de")
