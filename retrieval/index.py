"""The term index: BM25-weighted TF-IDF postings over sparse term counts.

Build: ``termcounts.count_terms`` counts terms per passage on every core (the matrix scikit-learn's
``CountVectorizer`` gives with qabot's analyzer); each count ``tf`` of term ``t`` in passage ``p``
becomes the BM25 weight (Robertson & Zaragoza 2009, Lucene's idf)::

    w(t, p) = idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * |p| / avgdl))
    idf(t)  = ln(1 + (N - df(t) + 0.5) / (df(t) + 0.5))

so term frequency saturates (k1) and long passages are normalised (b). The matrix is stored by
column (CSC): for each term, the passages that hold it, sorted, and their weights (its *postings*),
plus the term's largest weight ``maxw(t)``.

Search: ``score(p) = sum over query terms t of qtf(t) * w(t, p)``, summed in float32 in the order
the terms first appear in the query, top k by score then passage id. ``kernel.top_k`` (numba) adds
every posting of the query's terms into a reused accumulator in one compiled pass. Without numba,
``search_numpy`` gets the same results (exactly: the same passages and float32 scores) while
reading only the postings it must, by MaxScore pruning (``maxscore.py``).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import structlog

from .maxscore import PrunedSearch, scratch
from .vocabulary import Vocabulary

if TYPE_CHECKING:  # scipy is imported only to build: loading a saved index needs none
    import scipy.sparse as sp

    from .termblocks import TermBlocks

K1 = 1.2
B = 0.75
_BLOCK = 1 << 22  # postings weighted per step at build time, to bound temporary memory


@dataclass(frozen=True, slots=True)
class Postings:
    """Term counts by term (a CSC matrix's arrays): for term ``t``, the passages
    ``passages[indptr[t]:indptr[t + 1]]`` that hold it, sorted, and its ``counts`` there."""

    indptr: np.ndarray  # int64, terms + 1
    passages: np.ndarray  # int32
    counts: np.ndarray  # int32

    @classmethod
    def of(cls, matrix: sp.spmatrix) -> Postings:
        """The postings of a passages x terms count matrix."""
        import scipy.sparse as sp

        csc = sp.csc_matrix(matrix)
        csc.sort_indices()
        return cls(csc.indptr.astype(np.int64), csc.indices.astype(np.int32, copy=False),
                   csc.data.astype(np.int32, copy=False))

    def terms(self) -> np.ndarray:
        """Each posting's term (int64)."""
        return np.repeat(np.arange(len(self.indptr) - 1, dtype=np.int64), np.diff(self.indptr))


@dataclass(frozen=True, slots=True)
class TermIndex:
    """Postings of every term, with the vocabulary, document frequencies and maximum weights."""

    vocabulary: Vocabulary  # term -> its id (column), compact (``vocabulary.py``)
    indptr: np.ndarray  # int64, n_terms + 1: postings of term t are [indptr[t], indptr[t+1])
    passages: np.ndarray  # int32 passage ids, sorted within each term
    weights: np.ndarray  # float32 BM25 weights, aligned with ``passages``
    df: np.ndarray  # int32 document (passage) frequency per term
    maxw: np.ndarray  # float32 largest weight per term (the bound pruning relies on)
    n_passages: int

    @classmethod
    def build(
        cls, texts: Sequence[str], k1: float = K1, b: float = B, workers: int | None = None,
        langs: np.ndarray | None = None,
    ) -> TermIndex:
        """Index ``texts`` (one per passage; ``langs``: their languages, as
        ``Collection.passage_lang``), counting on ``workers`` processes (default: all cores for a
        large corpus)."""
        from .heap import release_freed_memory
        from .termcounts import count_term_blocks

        index = cls.from_blocks(count_term_blocks(texts, workers, langs=langs), k1, b)
        release_freed_memory()
        return index

    @classmethod
    def from_counts(
        cls, counts: sp.csr_matrix, terms: Sequence[str], k1: float = K1, b: float = B
    ) -> TermIndex:
        """Weight a passages x terms int32 count matrix (columns named by ``terms``) and invert
        it (``from_postings`` of its columns)."""
        return cls.from_postings(Postings.of(counts), terms, counts.shape[0], k1, b)

    @classmethod
    def from_postings(
        cls, postings: Postings, terms: Sequence[str], n: int, k1: float = K1, b: float = B,
    ) -> TermIndex:
        """Weight term counts already inverted (``postings``; ``n`` passages in all):
        ``from_counts`` of the matrix they are the columns of, to the bit, with no conversion
        between layouts."""
        import scipy.sparse as sp

        indptr, passages, counts = postings.indptr, postings.passages, postings.counts

        # words per passage: integer sums, by scipy's compiled matrix-vector product (bincount
        # would make the counts float64 first)
        lengths = np.asarray(sp.csc_matrix((counts, passages, indptr), shape=(n, len(indptr) - 1))
                             .sum(axis=1), dtype=np.float32).ravel()
        avgdl = _average_length(lengths)
        df = np.diff(indptr).astype(np.int32)
        idf = bm25_idf(n, df).astype(np.float32)
        weights = np.repeat(idf, df)  # each posting's term's idf, then its weight in place
        for lo in range(0, len(weights), _BLOCK):
            hi = min(lo + _BLOCK, len(weights))
            # ``from_counts``'s weights, to the bit (as ``from_blocks`` computes them)
            _weigh(weights[lo:hi], counts[lo:hi].astype(np.float32), lengths[passages[lo:hi]],
                   avgdl, k1, b)
        return cls._of(terms, np.asarray(indptr, dtype=np.int64),
                       np.asarray(passages, dtype=np.int32), weights, df, n)

    @classmethod
    def from_blocks(cls, blocks: TermBlocks, k1: float = K1, b: float = B) -> TermIndex:
        """``from_counts`` of the counts ``termcounts.count_term_blocks`` keeps by blocks of
        terms (the same index, to the bit), inverted block by block, each freed once its
        postings are written: the postings and the counts are never both whole in memory.
        ``blocks`` is consumed."""
        from .heap import release_freed_memory

        n = len(blocks.lengths)
        lengths = blocks.lengths.astype(np.float32)
        avgdl = _average_length(lengths)
        df = blocks.df.astype(np.int32)
        idf = bm25_idf(n, df).astype(np.float32)
        indptr = np.zeros(len(df) + 1, dtype=np.int64)
        np.cumsum(df, out=indptr[1:])
        passages = np.empty(int(indptr[-1]), dtype=np.int32)  # filled block after block
        weights = np.empty(int(indptr[-1]), dtype=np.float32)
        for k in range(len(blocks.pieces)):
            pieces = blocks.take(k)
            if not pieces:
                continue
            rows = np.concatenate([row + local.astype(np.int32) for row, local, _, _ in pieces])
            terms = np.concatenate([t for _, _, t, _ in pieces])
            tf = np.concatenate([c for _, _, _, c in pieces]).astype(np.float32)
            del pieces
            # ``from_counts``'s weights, to the bit (float32 + and * commute exactly)
            data = idf[terms]
            _weigh(data, tf, lengths[rows], avgdl, k1, b)
            del tf
            # pieces come in passage order; a block of fewer than 65,537 terms is sorted by
            # radix on its terms' places in it (16 bits: the same order), not by comparison
            first, last = blocks.starts[k], blocks.starts[k + 1]
            if last - first <= 1 << 16:
                terms = (terms - np.int32(first)).astype(np.uint16)
            by_term = np.argsort(terms, kind="stable")
            del terms
            lo, hi = int(indptr[first]), int(indptr[last])
            np.take(rows, by_term, out=passages[lo:hi])
            np.take(data, by_term, out=weights[lo:hi])
            del rows, data, by_term
            release_freed_memory()  # the block's pieces: small arrays, freed inside the heap
        return cls._of(blocks.terms, indptr, passages, weights, df, n)

    @classmethod
    def _of(cls, terms: Sequence[str], indptr: np.ndarray, passages: np.ndarray,
            weights: np.ndarray, df: np.ndarray, n: int) -> TermIndex:
        """The index of inverted postings, with each term's largest weight."""
        maxw = (np.maximum.reduceat(weights, indptr[:-1]) if len(weights)
                else np.zeros(len(terms), dtype=np.float32))
        arrays = [indptr, passages, weights, df, maxw.astype(np.float32, copy=False)]
        for a in arrays:  # read-only, like a loaded index: one compiled kernel serves both
            a.flags.writeable = False
        indptr, passages, weights, df, maxw = arrays
        return cls(Vocabulary(terms), indptr, passages, weights, df, maxw, n_passages=n)

    def idf(self, term: str) -> float | None:
        """The idf of ``term``, or ``None`` when no passage holds it."""
        t = self.vocabulary.get(term)
        if t is None:
            return None
        return float(bm25_idf(self.n_passages, int(self.df[t])))

    def document_frequency(self, term: str) -> int:
        """How many passages hold ``term`` (0 when none does)."""
        t = self.vocabulary.get(term)
        return 0 if t is None else int(self.df[t])

    def holds_any(self, term: str, lo: int, hi: int) -> bool:
        """Whether a passage in ``[lo, hi)`` holds ``term`` (a binary search in its postings)."""
        t = self.vocabulary.get(term)
        if t is None:
            return False
        a, b = int(self.indptr[t]), int(self.indptr[t + 1])
        i = a + int(np.searchsorted(self.passages[a:b], lo))
        return i < b and int(self.passages[i]) < hi

    def unseen_idf(self) -> float:
        """The idf a term would have if it occurred once (the weight of an unknown term)."""
        return float(bm25_idf(self.n_passages, 1))

    def search(self, terms: Sequence[str], k: int = 10,
               scale: Mapping[str, float] | None = None) -> list[tuple[int, float]]:
        """The ``k`` best passages for the query terms, as ``(passage, score)``, best first;
        a term ``scale`` names counts that many times (1 by default)."""
        # Both paths give the same results; below KERNEL_MIN_PASSAGES the numpy one answers in
        # well under a millisecond, and skipping numba keeps a one-shot ``qabot ask`` quick.
        if self.n_passages >= KERNEL_MIN_PASSAGES:
            return self.search_compiled(terms, k, scale)
        return self.search_numpy(terms, k, scale)

    def search_compiled(self, terms: Sequence[str], k: int = 10,
                        scale: Mapping[str, float] | None = None) -> list[tuple[int, float]]:
        """``search`` through the compiled kernel (``search_numpy`` when numba is missing)."""
        kernel = _kernel()
        if kernel is None:
            return self.search_numpy(terms, k, scale)
        plan = self._plan(terms, scale)
        if plan is None or k <= 0:
            return []
        tids, q, _ = plan
        acc, touched = scratch(self.n_passages)
        ids, scores = kernel(self.indptr, self.passages, self.weights, tids, q, acc, touched, k)
        return list(zip(ids.tolist(), scores.tolist(), strict=True))

    def search_numpy(self, terms: Sequence[str], k: int = 10,
                     scale: Mapping[str, float] | None = None) -> list[tuple[int, float]]:
        """``search`` in numpy alone, with MaxScore pruning (used when numba is missing)."""
        plan = self._plan(terms, scale)
        if plan is None or k <= 0:
            return []
        return PrunedSearch(self, *plan, k).run()

    def search_exhaustive(self, terms: Sequence[str], k: int = 10,
                          scale: Mapping[str, float] | None = None) -> list[tuple[int, float]]:
        """``search`` without pruning: every posting of every query term is scored (the
        reference the pruned search must equal)."""
        plan = self._plan(terms, scale)
        if plan is None or k <= 0:
            return []
        tids, q, _ = plan
        scores: dict[int, np.float32] = {}
        for t, qt in zip(tids.tolist(), q, strict=True):
            lo, hi = int(self.indptr[t]), int(self.indptr[t + 1])
            for p, w in zip(self.passages[lo:hi].tolist(), qt * self.weights[lo:hi], strict=True):
                scores[p] = scores.get(p, np.float32(0.0)) + w
        top = sorted(scores.items(), key=lambda ps: (-ps[1], ps[0]))[:k]
        return [(p, float(s)) for p, s in top]

    def score(self, terms: Sequence[str], passage: int) -> float:
        """The score of ``passage`` for the query terms: what ``search`` sums for it (the same
        float32 sum, in the same order)."""
        plan = self._plan(terms)
        if plan is None:
            return 0.0
        tids, q, _ = plan
        total = np.float32(0.0)
        for t, qt in zip(tids.tolist(), q, strict=True):
            lo, hi = int(self.indptr[t]), int(self.indptr[t + 1])
            i = lo + int(np.searchsorted(self.passages[lo:hi], passage))
            if i < hi and int(self.passages[i]) == passage:
                total += qt * self.weights[i]
        return float(total)

    def _plan(self, terms: Sequence[str], scale: Mapping[str, float] | None = None
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """Query term ids in order of first appearance, their float32 multiplicities (times
        ``scale[term]`` for a term it names), and their bounds ``qtf * maxw``. Scores are
        summed in this order, as the index always has."""
        if scale:
            qtf: dict[int, float] = {}
            for term in terms:
                t = self.vocabulary.get(term)
                if t is not None:
                    qtf[t] = qtf.get(t, 0.0) + scale.get(term, 1.0)
        else:
            qtf = Counter(t for t in map(self.vocabulary.get, terms) if t is not None)  # type: ignore[assignment]
        if not qtf:
            return None
        tids = np.fromiter(qtf.keys(), dtype=np.int64, count=len(qtf))
        q = np.fromiter(qtf.values(), dtype=np.float32, count=len(qtf))
        return tids, q, (q * self.maxw[tids]).astype(np.float64)


def _average_length(lengths: np.ndarray) -> float:
    """``avgdl``: the passages' mean length in terms (1 when there are none, or no terms)."""
    return float(lengths.mean()) if len(lengths) and lengths.mean() > 0 else 1.0


def _weigh(data: np.ndarray, tf: np.ndarray, norm: np.ndarray, avgdl: float, k1: float,
           b: float) -> None:
    """BM25 weights in place, in float32: ``data`` (each posting's idf) becomes
    ``idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * |p| / avgdl))``; ``norm`` (each posting's
    passage length ``|p|``, an array of its own) is used up on the way."""
    norm *= b
    norm /= avgdl
    norm += 1.0 - b
    norm *= k1
    norm += tf
    data *= tf
    data *= k1 + 1.0
    data /= norm


def bm25_idf(n: int, df: np.ndarray | int) -> np.ndarray:
    """BM25's idf, Lucene's form: ``ln(1 + (N - df + 0.5) / (df + 0.5))``, element-wise."""
    return np.log1p((n - df + 0.5) / (df + 0.5))


# Indexes at least this large use the compiled kernel. Importing numba and loading the cached
# kernel costs about 0.5 s per process; below this size the numpy path answers in well under a
# millisecond (measured at 10k passages: p50 0.33 ms, cold start 0.41 s against 0.99 s).
KERNEL_MIN_PASSAGES = 20_000


@functools.cache
def _kernel() -> Callable[..., tuple[np.ndarray, np.ndarray]] | None:
    """The compiled kernel, or ``None`` when numba is missing or cannot load it (imported on
    first use). numba raises at import when it can neither read nor write its cache (e.g. an
    unprivileged user and a read-only install): searching then goes on with numpy."""
    try:
        from .kernel import top_k
    except ImportError:
        return None
    except Exception as exc:  # numba's errors have no common base class worth naming
        structlog.get_logger().warning("search_kernel_unavailable", reason=str(exc))
        return None
    return top_k
