"""``bot.intro``: what the greeting says about a corpus."""

from __future__ import annotations

from bot.intro import frequent_names, introduce
from retrieval import ComposerConfig, QAEngine
from retrieval.definitions import defines


def test_introduces_the_seeds_with_questions_it_can_answer(seeds_engine: QAEngine) -> None:
    intro = introduce(seeds_engine)
    assert intro.documents == 5
    assert intro.titles == tuple(s.title for s in seeds_engine.sources()[:3])
    assert 1 <= len(intro.examples) <= 3
    for question in intro.examples:  # answered with confidence, by a sentence defining it
        answer = seeds_engine.ask(question)
        assert answer.answered and not answer.low_confidence
        subject = question.removeprefix("What is ").removeprefix("the ").rstrip("?")
        assert defines(subject, answer.sentences[0].text)


def test_an_example_is_kept_only_when_its_answer_is_sure() -> None:
    texts = ["The Zorbex, a river barge built in Ghent, carries grain along the canal.",
             "Zorbex crews load grain in the morning and leave the harbour by noon."]
    sure = QAEngine.from_texts(texts, config=ComposerConfig(min_confidence=0.0,
                                                            sure_confidence=0.0))
    unsure = QAEngine.from_texts(texts, config=ComposerConfig(min_confidence=0.0,
                                                              sure_confidence=1.0))
    assert introduce(sure).examples == ("What is Zorbex?",)
    assert introduce(unsure).examples == ()


def test_names_the_texts_write_in_lower_case_too_or_only_open_sentences_with_are_not_names(
) -> None:
    texts = ["The Library is free. A library may be copied. Any library will do.",
             "However, the Library is free. Moreover the Zorbex sails.",
             "Zorbex crews sail. However, they rest."]
    names = frequent_names(texts)
    assert "Zorbex" in names
    assert not {"Library", "However", "Moreover"} & set(names)


def test_names_are_counted_once_per_text_without_leading_function_words_or_dates() -> None:
    texts = ["The Kremlin said on Friday that Nikol Pashinyan met NATO.",
             "In March, Nikol Pashinyan spoke. Nikol Pashinyan spoke again. The Kremlin did not.",
             "It was the Kremlin."]
    names = frequent_names(texts)
    assert names[:2] == ["Kremlin", "Nikol Pashinyan"]
    assert "NATO" in names
    assert not {"Friday", "March", "The Kremlin", "In March"} & set(names)


def test_a_corpus_without_names_has_no_examples() -> None:
    engine = QAEngine.from_texts(["plain words only here, nothing capitalised after the start "
                                  "and nothing more to say about it at all."])
    assert introduce(engine).examples == ()
