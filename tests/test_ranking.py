"""``retrieval.ranking``: every candidate sentence with its features and what it means together
with the question, in the selector's order."""

from __future__ import annotations

import numpy as np

from retrieval import QAEngine
from retrieval.selection import FEATURES, MEANING_DIM

TEXTS = [
    "The Harbour Bridge opened in 1932 after eight years of construction.",
    "The bridge carries eight lanes of road traffic and two railway tracks.",
    "Ferries cross the harbour every twenty minutes from the main quay.",
]


def test_candidates_carry_their_features_and_meaning_best_first() -> None:
    ranking = QAEngine.from_texts(TEXTS).rank("When did the bridge open?")
    assert ranking is not None and len(ranking.candidates) >= 2
    for c in ranking.candidates:
        assert len(c.features) == len(FEATURES) and c.meaning.shape == (MEANING_DIM,)
        assert np.isfinite(c.meaning).all() and np.abs(c.meaning).sum() > 0
    assert list(ranking.logits) == sorted(ranking.logits, reverse=True)
    assert "1932" in ranking.candidates[0].sentence.text


def test_without_word_vectors_meaning_is_zero_and_ranking_still_works() -> None:
    ranking = QAEngine.from_texts(TEXTS, similar_words=False).rank("When did the bridge open?")
    assert ranking is not None
    assert all(not c.meaning.any() for c in ranking.candidates)
    assert "1932" in ranking.candidates[0].sentence.text
