"""The compiled search kernel: add up the postings of the query's terms and keep the best k.

One pass over the postings, with no temporary arrays: each posting adds ``qtf * w`` to a reused
per-thread accumulator (float32, in the order the caller gives the terms, so the scores equal the
plain numpy sums bit for bit) and records the passage the first time it is touched; then the
touched passages are read once into a size-k min-heap (by score, then the larger id is worse) and
zeroed again. A query costs its postings, not the corpus.

Importing this module imports numba (a few hundred ms); ``index`` imports it only on the first
search. ``cache=True`` keeps the machine code in ``__pycache__`` so later processes skip the
compile.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def top_k(indptr, passages, weights, tids, q, acc, touched, k):
    """The ``k`` best ``(passage ids, scores)`` for terms ``tids`` with multiplicities ``q``,
    best first (ties: smaller id first). ``acc`` and ``touched`` are scratch arrays of length
    ``n_passages``; ``acc`` must be all zero and is left all zero."""
    n = 0
    for j in range(len(tids)):
        t = tids[j]
        qj = q[j]
        for i in range(indptr[t], indptr[t + 1]):
            p = passages[i]
            if p < 0 or p >= len(acc):  # a corrupt saved index must not write out of bounds
                raise IndexError("posting names a passage outside the index")
            if acc[p] == 0.0:  # weights are positive, so a touched passage is never 0
                touched[n] = p
                n += 1
            acc[p] += qj * weights[i]
    size = min(k, n)
    heap_s = np.empty(size, dtype=np.float32)
    heap_p = np.empty(size, dtype=np.int64)
    filled = 0
    for i in range(n):
        p = touched[i]
        s = acc[p]
        acc[p] = 0.0
        if filled < size:
            heap_s[filled] = s
            heap_p[filled] = p
            filled += 1
            c = filled - 1
            while c > 0:  # sift up
                parent = (c - 1) // 2
                if _worse(heap_s[c], heap_p[c], heap_s[parent], heap_p[parent]):
                    heap_s[c], heap_s[parent] = heap_s[parent], heap_s[c]
                    heap_p[c], heap_p[parent] = heap_p[parent], heap_p[c]
                    c = parent
                else:
                    break
        elif _worse(heap_s[0], heap_p[0], s, p):
            heap_s[0] = s
            heap_p[0] = p
            c = 0
            while True:  # sift down
                lo = c
                left = 2 * c + 1
                right = left + 1
                if left < size and _worse(heap_s[left], heap_p[left], heap_s[lo], heap_p[lo]):
                    lo = left
                if right < size and _worse(heap_s[right], heap_p[right], heap_s[lo], heap_p[lo]):
                    lo = right
                if lo == c:
                    break
                heap_s[c], heap_s[lo] = heap_s[lo], heap_s[c]
                heap_p[c], heap_p[lo] = heap_p[lo], heap_p[c]
                c = lo
    order = np.argsort(heap_p, kind="mergesort")
    order = order[np.argsort(-heap_s[order], kind="mergesort")]
    return heap_p[order], heap_s[order]


@njit(inline="always")
def _worse(s1, p1, s2, p2):
    """Whether ``(s1, p1)`` ranks below ``(s2, p2)``: a lower score, or the same and a larger id."""
    return s1 < s2 or (s1 == s2 and p1 > p2)
