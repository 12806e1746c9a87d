"""The term index: BM25-weighted TF-IDF postings over scikit-learn's sparse counts.

Build: ``CountVectorizer`` (with qabot's analyzer) counts terms per passage; each count ``tf`` of
term ``t`` in passage ``p`` becomes the BM25 weight (Robertson & Zaragoza 2009, Lucene's idf)::

    w(t, p) = idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * |p| / avgdl))
    idf(t)  = ln(1 + (N - df(t) + 0.5) / (df(t) + 0.5))

so term frequency saturates (k1) and long passages are normalised (b). The matrix is stored by
column (CSC): for each term, the passages that hold it and their weights (its *postings*).

Search: ``score(p) = sum over query terms t of qtf(t) * w(t, p)``, accumulated from the postings
of the query's terms only into a reused array, then the top k among the touched passages. A query
costs about the postings of its terms, not the size of the corpus.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from .analyzer import analyze

K1 = 1.2
B = 0.75


@dataclass(frozen=True, slots=True)
class TermIndex:
    """Postings of every term, with the vocabulary and document frequencies."""

    vocabulary: dict[str, int]
    indptr: np.ndarray  # int64, n_terms + 1: postings of term t are [indptr[t], indptr[t+1])
    passages: np.ndarray  # int32 passage ids, sorted within each term
    weights: np.ndarray  # float32 BM25 weights, aligned with ``passages``
    df: np.ndarray  # int32 document (passage) frequency per term
    n_passages: int

    @classmethod
    def build(cls, texts: Sequence[str], k1: float = K1, b: float = B) -> TermIndex:
        """Index ``texts`` (one per passage)."""
        # Imported here: scikit-learn takes ~0.5 s to import and loading a saved index needs none.
        from sklearn.feature_extraction.text import CountVectorizer

        vectorizer = CountVectorizer(analyzer=analyze, dtype=np.float32)
        counts = vectorizer.fit_transform(texts).tocsr()
        counts.sort_indices()
        n = counts.shape[0]
        lengths = np.asarray(counts.sum(axis=1)).ravel()
        avgdl = float(lengths.mean()) if n and lengths.mean() > 0 else 1.0
        df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.int32)
        idf = np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)
        rows = np.repeat(np.arange(n), np.diff(counts.indptr))
        tf = counts.data
        norm = k1 * (1.0 - b + b * lengths[rows] / avgdl)
        counts.data = (idf[counts.indices] * tf * (k1 + 1.0) / (tf + norm)).astype(np.float32)
        csc = counts.tocsc()
        csc.sort_indices()
        return cls(
            vocabulary={t: int(i) for t, i in vectorizer.vocabulary_.items()},
            indptr=csc.indptr.astype(np.int64),
            passages=csc.indices.astype(np.int32),
            weights=csc.data.astype(np.float32),
            df=df,
            n_passages=n,
        )

    def idf(self, term: str) -> float | None:
        """The idf of ``term``, or ``None`` when no passage holds it."""
        t = self.vocabulary.get(term)
        if t is None:
            return None
        return _idf(self.n_passages, int(self.df[t]))

    def unseen_idf(self) -> float:
        """The idf a term would have if it occurred once (the weight of an unknown term)."""
        return _idf(self.n_passages, 1)

    def search(self, terms: Sequence[str], k: int = 10) -> list[tuple[int, float]]:
        """The ``k`` best passages for the query terms, as ``(passage, score)``, best first."""
        qtf = Counter(t for t in terms if t in self.vocabulary)
        if not qtf or k <= 0:
            return []
        acc = _accumulator(self.n_passages)
        touched = []
        for term, q in qtf.items():
            t = self.vocabulary[term]
            lo, hi = int(self.indptr[t]), int(self.indptr[t + 1])
            ids = self.passages[lo:hi]
            acc[ids] += q * self.weights[lo:hi]
            touched.append(ids)
        cand = touched[0] if len(touched) == 1 else np.unique(np.concatenate(touched))
        scores = acc[cand].copy()
        acc[cand] = 0.0
        if len(cand) > k:
            top = np.argpartition(-scores, k - 1)[:k]
        else:
            top = np.arange(len(cand))
        order = top[np.lexsort((cand[top], -scores[top]))]
        return [(int(cand[i]), float(scores[i])) for i in order]


def _idf(n: int, df: int) -> float:
    return float(np.log1p((n - df + 0.5) / (df + 0.5)))


_local = threading.local()


def _accumulator(n: int) -> np.ndarray:
    """A zeroed float32 array of length ``n``, reused per thread (callers zero what they touch)."""
    acc = getattr(_local, "acc", None)
    if acc is None or len(acc) != n:
        acc = np.zeros(n, dtype=np.float32)
        _local.acc = acc
    return acc
