"""The shape of prose: function-word density and the common English words, as counted."""

from __future__ import annotations


def test_common_english_words_are_those_wordfreq_rates_common() -> None:
    """``_common_english`` looks a lower-case ASCII word up in the list's common words: the
    same answer as ``zipf_frequency``, for every word of the list (and in other cases) and
    for words it does not hold."""
    import random
    import string

    from wordfreq import get_frequency_list, zipf_frequency

    from retrieval.ingest.prose import _COMMON_ZIPF, _common_english

    rnd = random.Random(3)
    words = [w for band in get_frequency_list("en", "small") for w in band]
    words += ["".join(rnd.choice(string.ascii_lowercase) for _ in range(rnd.randint(4, 9)))
              for _ in range(5000)]
    words += [w.upper() for w in words[:300]] + [w.capitalize() for w in words[:300]]
    words += ["café", "naïve", "straße", "don't", "über"]
    for w in words:
        assert _common_english.__wrapped__(w) == (
            zipf_frequency(w, "en", wordlist="small") >= _COMMON_ZIPF), w


def test_stop_words_are_counted_in_any_case_as_when_lower_cased() -> None:
    """``stopword_density`` looks words up as written among every case of the stop words: the
    same count as lower-casing each, since no character outside ASCII lower-cases to ASCII
    but the Kelvin sign (to "k", in no stop word)."""
    import random

    from retrieval.ingest.prose import _STOPWORDS, _STOPWORDS_ANY_CASE, stopword_density
    from retrieval.ingest.segment import words

    outside = [c for c in map(chr, range(0x80, 0x110000)) if c.lower().isascii()]
    assert outside == ["\u212a"] and not any("k" in w for w in _STOPWORDS)
    assert {w.lower() for w in _STOPWORDS_ANY_CASE} == _STOPWORDS
    rnd = random.Random(17)
    pool = [*_STOPWORDS, "Kelvin", "\u212aey", "İt", "ıt", "ſo", "word", "ﬁt", "ÆON", "δ"]
    for _ in range(3000):
        picked = [rnd.choice(pool) for _ in range(rnd.randint(0, 12))]
        text = " ".join("".join(c.upper() if rnd.random() < 0.3 else c for c in w)
                        for w in picked)
        ws = words(text)
        expected = (sum(w.lower() in _STOPWORDS for w in ws) / len(ws)) if ws else 0.0
        assert stopword_density(text) == expected, text
