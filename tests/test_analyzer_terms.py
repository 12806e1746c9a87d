"""The composer's fast sentence term sets equal what ``analyzer.tokens`` gives (so answers are
the same as when every sentence was tokenised word by word)."""

from __future__ import annotations

import random

from retrieval.analyzer import term_set, tokens

TEXTS = [
    "",
    "The CSTO was formed in 2002; Armenia's PM Pashinyan said so.",
    "İSTANBUL, Çağrı and ÆSIR: naïve CAFÉ déjà-vu O’NEIL’S 100,000 3.5 10:30",
    "ǅemal ǈubljana ﬁne ﬂow ß SS ẞ Σίσυφος ΣΊΣΥΦΟΣ",
]


def _reference(text: str) -> set[str]:
    return {t.term for t in tokens(text) if t.term is not None}


def test_terms_equal_the_tokens_terms() -> None:
    for text in TEXTS:
        assert term_set(text) == _reference(text)


def test_terms_equal_the_tokens_terms_on_random_unicode() -> None:
    rng = random.Random(0)
    alphabet = "aZ9 .,:'’-İıÇçßẞǅﬁΣσςÆæ\u0307\u00a0\t0123éÉ"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert term_set(text) == _reference(text), text
