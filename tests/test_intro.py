"""``bot.intro``: what the greeting says about a corpus."""

from __future__ import annotations

from bot.intro import frequent_names, introduce
from retrieval import QAEngine


def test_introduces_the_seeds_with_questions_it_can_answer(seeds_engine: QAEngine) -> None:
    intro = introduce(seeds_engine)
    assert intro.documents == 5
    assert intro.titles == tuple(s.title for s in seeds_engine.sources()[:3])
    assert len(intro.examples) == 3
    assert "What do you know about the CSTO?" in intro.examples
    assert all(seeds_engine.ask(q).answered for q in intro.examples)


def test_names_are_counted_once_per_text_without_leading_function_words_or_dates() -> None:
    texts = ["The Kremlin said on Friday that Nikol Pashinyan met NATO.",
             "In March, Nikol Pashinyan spoke. Nikol Pashinyan spoke again. The Kremlin did not.",
             "Kremlin"]
    names = frequent_names(texts)
    assert names[:2] == ["Kremlin", "Nikol Pashinyan"]
    assert "NATO" in names
    assert not {"Friday", "March", "The Kremlin", "In March"} & set(names)


def test_a_corpus_without_names_has_no_examples() -> None:
    engine = QAEngine.from_texts(["plain words only here, nothing capitalised after the start "
                                  "and nothing more to say about it at all."])
    assert introduce(engine).examples == ()
