"""Words a language uses very often (wordfreq): function words that no stop list holds."""

from __future__ import annotations

import pytest

from retrieval.common_words import COMMON_ZIPF, common_words


@pytest.mark.parametrize(("lang", "word"), [
    ("pl", "jaki"), ("uk", "яке"), ("ro", "își"), ("vi", "bao"), ("cs", "kolik"),
    ("sk", "koľko"), ("lt", "kur"), ("ru", "которого"),
])
def test_an_interrogative_or_pronoun_no_stop_list_holds_is_a_common_word(lang, word) -> None:
    assert word in common_words(lang)


@pytest.mark.parametrize(("lang", "word"), [
    ("pl", "kopalnia"), ("uk", "писанка"), ("ro", "mărțișor"), ("cs", "pomlázka"),
    ("de", "kaiserbrücke"), ("es", "desembocadura"),
])
def test_a_word_of_a_topic_is_not(lang, word) -> None:
    assert word not in common_words(lang)


def test_a_higher_bar_keeps_fewer_words_and_a_language_wordfreq_lacks_has_none() -> None:
    assert common_words("pl", COMMON_ZIPF + 1).keys() < common_words("pl").keys() < (
        common_words("pl", COMMON_ZIPF - 0.5).keys())
    assert all(level >= COMMON_ZIPF for level in common_words("pl").values())
    assert 100 < len(common_words("pl")) < 5000
    assert not common_words("hy")  # Armenian: wordfreq has no list


def test_a_language_detection_names_otherwise_has_wordfreq_s_list() -> None:
    """Detection says "no" (Norwegian) and "hr" (Croatian); wordfreq's lists are "nb" and
    "sh" (Serbo-Croatian in Latin letters)."""
    assert common_words("no") == common_words("nb") and "hvor" in common_words("no")
    assert common_words("hr") == common_words("sh") and "koliko" in common_words("hr")
