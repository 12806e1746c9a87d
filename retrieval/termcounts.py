"""Term counts per passage, fast and on every core: the matrix ``CountVectorizer(analyzer=analyze)``
would give, without calling the analyzer once per word.

``analyze`` lower-cases a text, splits it into words (``Analyzer.words``: one regular
expression, and outside English a run of an unspaced script cut into bigrams) and maps each word
to its term with ``term_of``. Here the passages are counted by chunks (``chunkcounter.py``: each
distinct whitespace-separated piece tokenised once, each passage in its language).

Chunks run in worker processes (``workers.Pool``: plain ``python -c`` subprocesses, for the
reasons given there), each with a counter that remembers the pieces of its earlier chunks. Each
chunk returns the terms its counter numbered since the previous one; the parent renumbers them
into one vocabulary, sorted alphabetically as scikit-learn sorts it, and stacks the chunks into
one matrix (``count_terms``) or cuts them into blocks of terms (``count_term_blocks``,
``termblocks.py``).

Memory: the parent holds every chunk's counts until the last is counted (the vocabulary's order
is known only then), so a chunk's counts are kept small (``chunkcounter.Counted``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from . import compounds
from .chunkcounter import ChunkCounter, Counted, Ids, smallest
from .heap import release_freed_memory
from .termblocks import TermBlocks, cut_blocks, term_order
from .workers import Chunks, Pool

if TYPE_CHECKING:
    import scipy.sparse as sp

CHUNK = 5_000  # passages per task
MIN_PARALLEL = 50_000  # below this, starting workers (~0.5 s each) costs more than it saves
COUNT_CHUNK = "retrieval.chunkcounter:count_chunk"
BLOCKS = 64  # term blocks of ``count_term_blocks``: one block's postings are sorted at a time


def count_terms(
    texts: Sequence[str], workers: int | None = None, chunk: int = CHUNK,
    langs: np.ndarray | None = None,
) -> tuple[sp.csr_matrix, list[str]]:
    """Term counts (passages x terms, int32 CSR) and the terms in column order (sorted), each
    passage read in its language (``langs``: ``Collection.passage_lang``; ``None``: all
    English); counted in ``workers`` processes of its own (default: one a core for a large
    corpus, else here)."""
    return _stack(*_counted(texts, workers, chunk, langs), len(texts))


def count_term_blocks(
    texts: Sequence[str], workers: int | None = None, chunk: int = CHUNK,
    langs: np.ndarray | None = None, blocks: int = BLOCKS, pool: Pool | None = None,
) -> TermBlocks:
    """``count_terms``'s counts with compounds counted for their parts too
    (``compounds.expand``: in passages of a language that compounds), kept in ``blocks``
    blocks of consecutive terms instead of one matrix (``TermIndex.from_blocks`` inverts them
    block by block); counted by ``pool`` when given (``counting_pool``: closed once done)."""
    terms, chunks = _counted(texts, workers, chunk, langs, pool)
    if compounds.languages_of(langs):
        chunks = _expanded(terms, chunks, len(texts), langs)
    return cut_blocks(terms, chunks, len(texts), blocks)


def _expanded(terms: list[str], chunks: list[Counted], n: int,
              langs: np.ndarray | None) -> list[Counted]:
    """The chunks as one, with compounds counted for their parts (``compounds.expand``)."""
    import scipy.sparse as sp

    indptr = np.concatenate([[0], *(np.diff(c[1]) for c in chunks)]).cumsum()
    counts = sp.csr_matrix((np.concatenate([c[3].astype(np.int32) for c in chunks]),
                            np.concatenate([c[4][c[2]] for c in chunks]), indptr),
                           shape=(n, len(terms)))
    counts = compounds.expand(counts, terms, langs)
    return [([], counts.indptr, counts.indices, smallest(counts.data),
             np.arange(len(terms), dtype=np.int32))]


def counting_pool(n: int) -> Pool | None:
    """The workers ``count_term_blocks`` starts to count about ``n`` passages (``None``: it
    counts them in the calling process), started now: a caller who knows it will count soon
    lets them start (about 0.3 s each, importing numpy and the analyzer) while it finishes what
    it is doing, instead of waiting for them then."""
    workers = _default_workers(n)
    return Pool(workers) if workers > 1 else None


def _default_workers(n: int) -> int:
    """The workers counting ``n`` passages takes: one a core from ``MIN_PARALLEL`` passages."""
    return (os.cpu_count() or 1) if n >= MIN_PARALLEL else 1


def _counted(texts: Sequence[str], workers: int | None, chunk: int,
             langs: np.ndarray | None, pool: Pool | None = None
             ) -> tuple[list[str], list[Counted]]:
    """Every chunk's counts over one vocabulary (``_renumber``), in ``pool`` when given and
    counting takes workers (else it is closed)."""
    if langs is not None and not (np.asarray(langs) != b"").any():
        langs = None
    # each chunk made when a worker takes it: ``texts`` may read the passages on demand
    pieces = Chunks(len(texts), chunk, lambda a, b: (
        list(texts[a:b]), None if langs is None else [c.decode() for c in langs[a:b]]))
    if workers is None:
        workers = _default_workers(len(texts))
    workers = min(workers, len(pieces))
    if workers <= 1:
        if pool is not None:
            pool.close()
        counter = ChunkCounter()
        return _renumber((0, counter.count(*p)) for p in pieces)
    # Workers of its own, which import only what counting needs (not a build's reading and
    # laying out, nor scipy) and exit when done: their memory is back before the counts are
    # cut into blocks.
    with pool if pool is not None else Pool(workers) as own:
        return _renumber(own.map(COUNT_CHUNK, pieces))


def _renumber(results: Iterable[tuple[int, Counted]]) -> tuple[list[str], list[Counted]]:
    """Map each worker's term ids to ids in one vocabulary (in order of first appearance).

    ``results`` come in chunk order, tagged with the worker that counted them; a worker counts
    its chunks in increasing order, so its new terms arrive in the order it numbered them."""
    vocab = Ids()
    to_global: dict[int, np.ndarray] = {}
    chunks: list[Counted] = []
    for worker, (new_terms, indptr, idx, counts, chunk_terms) in results:
        new = np.array(list(map(vocab.__getitem__, new_terms)), dtype=np.int32)
        mapping = to_global[worker] = np.concatenate(
            [to_global.get(worker, np.zeros(0, dtype=np.int32)), new])
        chunks.append(([], indptr, idx, counts, mapping[chunk_terms]))
    return list(vocab), chunks


def _stack(terms: list[str], chunks: list[Counted], n: int) -> tuple[sp.csr_matrix, list[str]]:
    """One CSR matrix from the renumbered chunks, its columns in sorted term order."""
    import scipy.sparse as sp

    rank, sorted_terms = term_order(terms)
    nnz = sum(len(c[2]) for c in chunks)
    indptr = np.zeros(n + 1, dtype=np.int64)
    indices = np.empty(nnz, dtype=np.int32)
    data = np.empty(nnz, dtype=np.int32)
    row = at = 0
    chunks.reverse()
    while chunks:  # copy chunk by chunk, freeing each: no second copy of the whole matrix
        _, local_indptr, idx, counts, chunk_terms = chunks.pop()
        rows = len(local_indptr) - 1
        indptr[row + 1 : row + rows + 1] = local_indptr[1:] + at
        indices[at : at + len(idx)] = rank[chunk_terms][idx]
        data[at : at + len(idx)] = counts
        row, at = row + rows, at + len(idx)
    matrix = sp.csr_matrix((data, indices, indptr), shape=(n, len(terms)))
    del terms, rank
    release_freed_memory()
    return matrix, sorted_terms


