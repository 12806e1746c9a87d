"""What a question and a candidate sentence mean together (``selection.MEANING``): the
elementwise product of the question's normalised mean word vector and the sentence's.

The learned ranker weighs each of its ``MEANING_DIM`` dimensions, so it can tell which kinds of
sentence answer which kinds of question beyond the words they share: a "how many" question and
a sentence with a count, a "who" question and one naming a person, "die" and "was killed". The
question's vector takes every word of it ("how", "many" included); a sentence's, its words of
3+ characters. The vectors are WordLlama's (``similarity.py``); without them (or with vectors of
another size) the product is zero, which leaves the ranking to the other features.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .analyzer import lower_words
from .selection import MEANING_DIM
from .similarity import WordVectors


def meaning(vectors: WordVectors | None, question: str, words: Sequence[list[str]]
             ) -> np.ndarray:
    """(sentences, MEANING_DIM): the product of the question's normalised mean word vector
    (all its words) and each sentence's (its ``words``: those of 3+ characters); zeros
    without vectors of that size. The means are one sparse product."""
    out = np.zeros((len(words), MEANING_DIM))
    if vectors is None or vectors.dim != MEANING_DIM:
        return out
    asked = lower_words(question)
    pool = list(dict.fromkeys([*asked, *(w for ws in words for w in ws)]))
    if not asked or not pool:
        return out
    where = {w: i for i, w in enumerate(pool)}
    table = vectors.vectors(pool)
    q = table[[where[w] for w in asked]].mean(axis=0)
    q /= np.linalg.norm(q) or 1.0
    indptr = np.zeros(len(words) + 1, dtype=np.intp)
    np.cumsum([len(ws) for ws in words], out=indptr[1:])
    cols = np.fromiter((where[w] for ws in words for w in ws), dtype=np.intp,
                       count=int(indptr[-1]))
    sums = np.asarray(sparse.csr_matrix((np.ones(len(cols), dtype=np.float32), cols, indptr),
                                        shape=(len(words), len(pool))) @ table)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (sums / norms) * q


__all__ = ["meaning"]
