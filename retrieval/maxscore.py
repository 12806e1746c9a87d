"""MaxScore pruning (Turtle & Flood 1995): the top k of ``TermIndex.search_numpy``, the same results
as scoring every posting (exactly: the same passages and float32 scores) while reading only the
postings it must, terms taken largest bound ``qtf(t) * maxw(t)`` first:

1. Add the postings of the first ``j`` terms into a reused accumulator: every passage that holds one
   of them is a candidate, with a partial score.
2. Score the best few candidates exactly (binary search in the sorted postings of every term):
   the k-th best of those is a lower bound ``theta`` on the final k-th score.
3. A passage holding none of the first ``j`` terms scores at most ``rest(j)``, the sum of the other
   terms' bounds. Once ``rest(j) < theta`` no such passage can enter the top k: score exactly only
   the candidates whose partial score plus ``rest(j)`` reaches ``theta``, and stop.

Rare terms come first and carry most of a query's weight, so a query with one rare term reads a few
hundred postings instead of the hundreds of thousands of its common terms.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .index import TermIndex

# Float32 sums of a few positive terms are within a relative 1e-6 of the exact sum; bounds are
# widened by this much so rounding can never prune a passage that belongs in the top k.
SLACK = 1e-4


class PrunedSearch:
    """One pruned top-k search (the module docstring gives the method).

    Postings are read largest bound first (``self.tids``), which is what prunes; exact scores
    are summed in the query's own term order (``self.terms``), as ``search_exhaustive`` and the
    compiled kernel sum them, so all three agree to the last bit.
    """

    def __init__(
        self, index: TermIndex, tids: np.ndarray, q: np.ndarray, bounds: np.ndarray, k: int
    ) -> None:
        self.ix = index
        self.k = k
        self.terms = list(zip(tids.tolist(), q, strict=True))
        order = np.argsort(-bounds, kind="stable")
        self.tids = tids[order].tolist()
        self.q = q[order]
        bounds = bounds[order]
        # rest[j]: the most a passage can score from the terms after j, widened for rounding.
        rest = np.cumsum(bounds[::-1])[::-1]
        self.rest = (np.append(rest[1:], 0.0) * (1 + SLACK)).tolist()
        self.seen = np.cumsum(bounds).tolist()

    def run(self) -> list[tuple[int, float]]:
        ix, m = self.ix, len(self.tids)
        if m == 1:
            ids, w = self._postings(self.tids[0], self.q[0])
            return _top(ids, w, self.k)
        acc, _ = scratch(ix.n_passages)
        touched: list[np.ndarray] = []
        try:
            for j in range(m):
                ids, w = self._postings(self.tids[j], self.q[j])
                acc[ids] += w
                touched.append(ids)
                if j + 1 == m:
                    return self._finish_exhaustive(acc, touched)
                # Worth trying only once the terms read could outweigh the rest.
                if self.rest[j] < self.seen[j]:
                    done = self._try_finish(acc, touched, j)
                    if done is not None:
                        return done
            raise AssertionError("unreachable: the last term always finishes")
        finally:
            for ids in touched:
                acc[ids] = 0.0

    def _postings(self, t: int, qt: np.float32) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = int(self.ix.indptr[t]), int(self.ix.indptr[t + 1])
        w = self.ix.weights[lo:hi]
        return self.ix.passages[lo:hi], (w if qt == 1 else qt * w)

    def _exact(self, cand: np.ndarray) -> np.ndarray:
        """Exact scores of the sorted passages ``cand``: each term's weight (binary search in its
        sorted postings), added in the query's term order from 0 (as a full scoring adds them)."""
        scores = np.zeros(len(cand), dtype=np.float32)
        for t, qt in self.terms:
            ids, w = self._postings(t, qt)
            pos = np.searchsorted(ids, cand)
            np.minimum(pos, len(ids) - 1, out=pos)
            scores = scores + np.where(ids[pos] == cand, w[pos], np.float32(0.0))
        return scores

    def _try_finish(
        self, acc: np.ndarray, touched: list[np.ndarray], j: int
    ) -> list[tuple[int, float]] | None:
        cat = np.concatenate(touched)
        partial = acc[cat]
        # The best few candidates by partial score, scored exactly, bound the k-th score below.
        few = _best_unique(cat, partial, self.k * (j + 1))
        if len(few) < self.k:
            return None
        theta = float(np.partition(self._exact(few), len(few) - self.k)[len(few) - self.k])
        if not self.rest[j] < theta:
            return None
        # A passage scoring theta or more has a partial score of at least theta - rest (less a
        # rounding margin: partial sums are added in another order than exact ones).
        cand = np.unique(cat[partial >= theta * (1 - SLACK) - self.rest[j]])
        return _top(cand, self._exact(cand), self.k)

    def _finish_exhaustive(
        self, acc: np.ndarray, touched: list[np.ndarray]
    ) -> list[tuple[int, float]]:
        cat = np.concatenate(touched)
        cand = _best_unique(cat, acc[cat], self.k * len(touched), slack=SLACK)
        return _top(cand, self._exact(cand), self.k)


def _best_unique(ids: np.ndarray, scores: np.ndarray, n: int, slack: float = 0.0) -> np.ndarray:
    """The distinct ids among the ``n`` best entries of ``ids`` (which may repeat an id, with the
    same score each time), plus every id within a relative ``slack`` of the worst; sorted."""
    if len(ids) > n:
        cut = np.partition(scores, len(scores) - n)[len(scores) - n]
        ids = ids[scores >= cut * (1 - slack)]
    return np.unique(ids)


def _top(ids: np.ndarray, scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The ``k`` best ``(id, score)`` pairs, by score then id; ``ids`` distinct."""
    if len(ids) > k:
        cut = np.partition(scores, len(scores) - k)[len(scores) - k]
        keep = scores >= cut
        ids, scores = ids[keep], scores[keep]
    order = np.lexsort((ids, -scores))[:k]
    return list(zip(ids[order].tolist(), scores[order].tolist(), strict=True))


_local = threading.local()


def scratch(n: int) -> tuple[np.ndarray, np.ndarray]:
    """A zeroed float32 accumulator and an int32 buffer of length ``n``, reused per thread
    (callers zero what they touch)."""
    scratch = getattr(_local, "scratch", None)
    if scratch is None or len(scratch[0]) != n:
        scratch = (np.zeros(n, dtype=np.float32), np.zeros(n, dtype=np.int32))
        _local.scratch = scratch
    return scratch
