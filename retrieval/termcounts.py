"""Term counts per passage, fast and on every core: the matrix ``CountVectorizer(analyzer=analyze)``
would give, without calling the analyzer once per word.

``analyze`` lower-cases a text, splits it with one regular expression and maps each word to its
term with ``term_of``. Here each chunk of passages is split with the same expression in one C call
per passage, each *distinct* word gets an integer id (a dict lookup in C), ``term_of`` runs once
per distinct word, and the per-passage counts come from a sparse COO -> CSR conversion that sums
the repeats. Words that map to the same term (``"armenians"``, ``"armenian"``) or to none (stop
words) are merged or dropped through a word -> term id array before counting.

Chunks run in a pool of worker processes, started by ``fork`` where the platform has it: a
``spawn`` or ``forkserver`` worker re-imports the caller's main module, which breaks any script
that builds an engine without an ``if __name__ == "__main__"`` guard. A forked worker only
tokenises the chunks it is sent and sends arrays back through its pipe: no logging, no other I/O,
so no lock that another thread of the parent might have held at the fork. Each chunk returns its
own term list; the parent renumbers them into one vocabulary, sorted alphabetically as
scikit-learn sorts it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import chain
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext

import numpy as np
import scipy.sparse as sp

# The analyzer's own expression and word -> term map: counting must see exactly analyze()'s terms.
from .analyzer import _TOKEN_RE, term_of

CHUNK = 20_000  # passages per task: a chunk's words fit in a few tens of MB
MIN_PARALLEL = 2 * CHUNK  # below this a worker pool costs more than it saves


class _Ids(dict[str, int]):
    """A dict that numbers unseen keys in order of first lookup (hits stay in C ``__getitem__``)."""

    def __missing__(self, key: str) -> int:
        value = self[key] = len(self)
        return value


def count_terms(
    texts: Sequence[str], workers: int | None = None, chunk: int = CHUNK
) -> tuple[sp.csr_matrix, list[str]]:
    """Term counts (passages x terms, int32 CSR) and the terms in column order (sorted)."""
    bounds = [(a, min(a + chunk, len(texts))) for a in range(0, len(texts), chunk)]
    if workers is None:
        workers = min(os.cpu_count() or 1, len(bounds)) if len(texts) >= MIN_PARALLEL else 1
    pieces = [texts[a:b] for a, b in bounds]
    if workers <= 1:
        results = map(_count_chunk, pieces)
        return _merge(results, len(texts))
    with ProcessPoolExecutor(workers, mp_context=_context()) as pool:
        return _merge(pool.map(_count_chunk, pieces), len(texts))


def _context() -> BaseContext:
    return get_context("fork" if "fork" in get_all_start_methods() else None)


def _count_chunk(
    texts: Sequence[str],
) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """One chunk's terms (local order) and its counts as CSR arrays (indptr, indices, data)."""
    words = _Ids()
    split = [_TOKEN_RE.findall(t.lower()) for t in texts]
    lengths = np.fromiter(map(len, split), dtype=np.int64, count=len(split))
    # list() then np.array: faster than np.fromiter over a map of dict lookups.
    word_ids = np.array(list(map(words.__getitem__, chain.from_iterable(split))), dtype=np.int64)
    del split
    term_ids = _Ids()
    word_term = np.fromiter(
        (-1 if (t := term_of(w)) is None else term_ids[t] for w in words),
        dtype=np.int64, count=len(words),
    )
    cols = word_term[word_ids]
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    keep = cols >= 0
    counts = sp.coo_matrix(
        (np.ones(int(keep.sum()), dtype=np.int32), (rows[keep], cols[keep])),
        shape=(len(texts), len(term_ids)),
    ).tocsr()  # sums the repeats of a term within a passage
    return list(term_ids), counts.indptr, counts.indices, counts.data


def _merge(results, n: int) -> tuple[sp.csr_matrix, list[str]]:  # type: ignore[no-untyped-def]
    """Renumber each chunk's local term ids into one vocabulary and stack the rows."""
    vocab = _Ids()
    chunks = []
    for terms, indptr, idx, counts in results:
        to_global = np.array(list(map(vocab.__getitem__, terms)), dtype=np.int32)
        chunks.append((indptr, to_global[idx], counts))
    terms = list(vocab)
    order = sorted(range(len(terms)), key=terms.__getitem__)
    rank = np.empty(len(terms), dtype=np.int32)
    rank[order] = np.arange(len(terms), dtype=np.int32)
    nnz = sum(len(c[1]) for c in chunks)
    indptr = np.zeros(n + 1, dtype=np.int64)
    indices = np.empty(nnz, dtype=np.int32)
    data = np.empty(nnz, dtype=np.int32)
    row = at = 0
    chunks.reverse()
    while chunks:  # copy chunk by chunk, freeing each: no second copy of the whole matrix
        local_indptr, idx, counts = chunks.pop()
        rows = len(local_indptr) - 1
        indptr[row + 1 : row + rows + 1] = local_indptr[1:] + at
        indices[at : at + len(idx)] = rank[idx]
        data[at : at + len(idx)] = counts
        row, at = row + rows, at + len(idx)
    matrix = sp.csr_matrix((data, indices, indptr), shape=(n, len(terms)))
    return matrix, [terms[i] for i in order]
