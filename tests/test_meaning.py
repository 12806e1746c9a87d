"""``retrieval.meaning``: what a question and a sentence mean together."""

from __future__ import annotations

import numpy as np

from retrieval import similarity
from retrieval.meaning import meaning
from retrieval.selection import MEANING_DIM


def test_meaning_is_the_product_of_the_normalised_mean_vectors() -> None:
    vectors = similarity.bundled()
    assert vectors is not None
    got = meaning(vectors, "How many people died?", [["thousand", "people", "died"], []])
    assert got.shape == (2, MEANING_DIM)
    q = vectors.vectors(["how", "many", "people", "died"]).mean(axis=0)
    s = vectors.vectors(["thousand", "people", "died"]).mean(axis=0)
    want = q / np.linalg.norm(q) * s / np.linalg.norm(s)
    assert np.allclose(got[0], want, atol=1e-5)
    assert not got[1].any()  # a sentence without words means nothing
    # its sum is the cosine of the two mean vectors: a sentence on the question's sense scores
    # higher than one off it
    off = meaning(vectors, "How many people died?", [["blue", "painted", "door"]])
    assert got[0].sum() > off[0].sum()


def test_without_vectors_meaning_is_zero() -> None:
    assert not meaning(None, "How many people died?", [["people", "died"]]).any()
