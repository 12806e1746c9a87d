"""A deterministic synthetic corpus for the scale benchmark: Zipf-distributed English, rare names.

Each passage is 60-120 words in sentences of 8-25 words. Words are drawn from a real English
vocabulary in frequency order (``wordfreq``, a benchmark-only dependency; pronounceable syllable
words when it is missing) with a Zipf-Mandelbrot law ``p(rank) ~ 1 / (rank + 2.7) ** ZIPF_S``, so
function words and a few content words dominate while most of the vocabulary is rare. A small share
of tokens (``RARE_RATE``) are capitalised names from a pool of 2.5 million, so the vocabulary keeps
growing with the corpus as real vocabularies do (Heaps' law). Queries are 3-8 distinct non-stop
words taken from one random passage each.

The same ``seed`` and size always give the same passages and queries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

ZIPF_S = 1.0
VOCAB_SIZE = 75_000
RARE_RATE = 0.004
PASSAGE_WORDS = (60, 120)
SENTENCE_WORDS = (8, 25)
COMMA_RATE = 0.06
PASSAGES_PER_DOCUMENT = 10
QUERY_WORDS = (3, 8)
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u")]  # 70
_CHUNK = 50_000


@dataclass(frozen=True, slots=True)
class Query:
    """A benchmark query and the passage its words were taken from."""

    text: str
    passage: int


def vocabulary(size: int = VOCAB_SIZE) -> list[str]:
    """English words in decreasing frequency (syllable words when ``wordfreq`` is missing)."""
    try:
        import wordfreq
    except ImportError:
        return [_syllable_word(i + 1, 3) for i in range(size)]
    words = wordfreq.top_n_list("en", size * 2)
    return [w for w in words if re.fullmatch(r"[a-z]{2,}", w)][:size]


def passages(n: int, seed: int = 0) -> Iterator[str]:
    """``n`` passages, generated in chunks so that memory stays flat."""
    words = vocabulary()
    cdf = np.cumsum(1.0 / (np.arange(1, len(words) + 1) + 2.7) ** ZIPF_S)
    cdf /= cdf[-1]
    # Variants of every word by position: 0 plain, 1 sentence start, 2 sentence end, 3 comma.
    table = np.array(
        [words, [w.capitalize() for w in words], [w + "." for w in words],
         [w + "," for w in words]], dtype=object,
    )
    rng = np.random.default_rng(seed)
    for lo in range(0, n, _CHUNK):
        m = min(_CHUNK, n - lo)
        lengths = rng.integers(PASSAGE_WORDS[0], PASSAGE_WORDS[1] + 1, m)
        total = int(lengths.sum())
        ranks = np.minimum(np.searchsorted(cdf, rng.random(total)), len(words) - 1)
        variant = np.where(rng.random(total) < COMMA_RATE, 3, 0)
        starts = np.zeros(m + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        # Sentence boundaries: a sentence starts at each passage start and every 8-25 words.
        gaps = rng.integers(SENTENCE_WORDS[0], SENTENCE_WORDS[1] + 1, total)
        first = np.zeros(total, dtype=bool)
        pos = np.repeat(starts[:-1], lengths)
        offset = np.arange(total) - pos
        first[offset == 0] = True
        mean_gap = (SENTENCE_WORDS[0] + SENTENCE_WORDS[1]) // 2
        first |= (offset % mean_gap == 0) & (gaps > mean_gap - 3)
        last = np.zeros(total, dtype=bool)
        last[:-1] = first[1:]
        last[starts[1:] - 1] = True
        variant[first] = 1
        variant[last] = 2
        toks = table[variant, ranks]
        rare = np.flatnonzero(rng.random(total) < RARE_RATE)
        names = rng.integers(1, len(_SYLLABLES) ** 4, len(rare))
        for i, name_id in zip(rare.tolist(), names.tolist(), strict=True):
            name = _syllable_word(name_id, 4).capitalize()
            toks[i] = name + "." if last[i] else name
        for a, b in zip(starts[:-1].tolist(), starts[1:].tolist(), strict=True):
            yield " ".join(toks[a:b].tolist())


def queries(texts: list[str], n: int, seed: int = 0) -> list[Query]:
    """``n`` queries of 3-8 distinct non-stop words, each from one random passage of ``texts``."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    rng = np.random.default_rng(seed + 1)
    out = []
    while len(out) < n:
        p = int(rng.integers(len(texts)))
        words = list(dict.fromkeys(
            w for w in (t.strip(".,").lower() for t in texts[p].split())
            if w not in ENGLISH_STOP_WORDS
        ))
        size = int(rng.integers(QUERY_WORDS[0], QUERY_WORDS[1] + 1))
        if len(words) < size:
            continue
        pick = np.sort(rng.choice(len(words), size, replace=False))
        out.append(Query(" ".join(words[i] for i in pick), p))
    return out


def _syllable_word(i: int, syllables: int) -> str:
    """The ``i``-th word of ``syllables`` syllables (a bijection for ``i < 70 ** syllables``)."""
    out = []
    for _ in range(syllables):
        i, r = divmod(i, len(_SYLLABLES))
        out.append(_SYLLABLES[r])
    return "".join(out)
