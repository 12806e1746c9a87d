"""Term counts per passage, fast and on every core: the matrix ``CountVectorizer(analyzer=analyze)``
would give, without calling the analyzer once per word.

``analyze`` lower-cases a text, splits it into words (``Analyzer.words``: one regular
expression, and outside English a run of an unspaced script cut into bigrams) and maps each word
to its term with ``term_of``. Here each chunk of passages is cut at whitespace (C), each
*distinct* piece gets an integer id (a dict lookup in C), the same ``words`` and ``term_of`` run
once per distinct piece, and the per-passage counts come from a sparse COO -> CSR conversion that
sums the repeats. Words that map to the same term (``"armenians"``, ``"armenian"``) or to none
(stop words) are merged or dropped through the piece -> terms table before counting.

Each passage is counted in its language (``langs``; ``analyzer.analyzer``): a counter keeps a
piece table per language, over one vocabulary.

Chunks run in worker processes (``workers.Pool``: plain ``python -c`` subprocesses, for the
reasons given there), each with a counter that remembers the pieces of its earlier chunks. Each
chunk returns the terms its counter numbered since the previous one; the parent renumbers them
into one vocabulary, sorted alphabetically as scikit-learn sorts it.

Memory: the parent holds every chunk's counts until the last is counted (the vocabulary's order
is known only then), so a chunk's counts are kept small: its postings name its own terms
(``_Counted``: 2 bytes each for a chunk of fewer than 65,536 distinct terms, with one list of
those terms a chunk) and their counts take one byte each; a worker imports numpy and the
analyzer, not scipy, and splits its chunk into words a slice at a time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import scipy.sparse as sp

# The analyzer's own words and word -> term maps: counting must see exactly analyze()'s terms.
from . import compounds
from .analyzer import analyzer
from .heap import release_freed_memory
from .workers import Chunks, Pool

CHUNK = 5_000  # passages per task
SPLIT = 500  # passages whose words are held as strings at a time (~3 MB), not a chunk's (~30 MB)
MIN_PARALLEL = 50_000  # below this, starting workers (~0.5 s each) costs more than it saves
COUNT_CHUNK = "retrieval.termcounts:count_chunk"
BLOCKS = 64  # term blocks of ``count_term_blocks``: one block's postings are sorted at a time

# One chunk of passages: their texts and languages (``None``: all English)
_Chunk = tuple[Sequence[str], Sequence[str] | None]
# One chunk's result: the terms its counter numbered since its previous chunk, and the chunk's
# counts as CSR arrays (indptr, indices, data) over the chunk's own terms, then those terms
# (int32 ids, ascending: the counter's, or once renumbered the vocabulary's). Indices and
# counts are in the smallest unsigned types that hold them.
_Counted = tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray]


class _Ids(dict[str, int]):
    """A dict that numbers unseen keys in order of first lookup (hits stay in C ``__getitem__``)
    and remembers the keys added since ``take_added`` was last called."""

    def __init__(self) -> None:
        super().__init__()
        self.added: list[str] = []

    def __missing__(self, key: str) -> int:
        value = self[key] = len(self)
        self.added.append(key)
        return value

    def take_added(self) -> list[str]:
        added, self.added = self.added, []
        return added


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
    return _blocks(terms, chunks, len(texts), blocks)


def _expanded(terms: list[str], chunks: list[_Counted], n: int,
              langs: np.ndarray | None) -> list[_Counted]:
    """The chunks as one, with compounds counted for their parts (``compounds.expand``)."""
    import scipy.sparse as sp

    indptr = np.concatenate([[0], *(np.diff(c[1]) for c in chunks)]).cumsum()
    counts = sp.csr_matrix((np.concatenate([c[3].astype(np.int32) for c in chunks]),
                            np.concatenate([c[4][c[2]] for c in chunks]), indptr),
                           shape=(n, len(terms)))
    counts = compounds.expand(counts, terms, langs)
    return [([], counts.indptr, counts.indices, _smallest(counts.data),
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
             ) -> tuple[list[str], list[_Counted]]:
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
        counter = _ChunkCounter()
        return _renumber((0, counter.count(*p)) for p in pieces)
    # Workers of its own, which import only what counting needs (not a build's reading and
    # laying out, nor scipy) and exit when done: their memory is back before the counts are
    # cut into blocks.
    with pool if pool is not None else Pool(workers) as own:
        return _renumber(own.map(COUNT_CHUNK, pieces))


class _TermIds(dict[str, int]):
    """Each word's term id in ``terms`` (-1: no term), found by ``term`` when first asked for;
    asked in the order ``terms`` would be, so that it numbers new terms alike."""

    def __init__(self, term: Callable[[str], str | None], terms: _Ids) -> None:
        super().__init__()
        self.term, self.terms = term, terms

    def __missing__(self, word: str) -> int:
        t = self.term(word)
        value = self[word] = -1 if t is None else self.terms[t]
        return value


class _Pieces:
    """One language's table of pieces seen: each piece's terms (ids in the counter's
    vocabulary)."""

    def __init__(self, code: str) -> None:
        # uncached: this table remembers each piece's terms, and the analyzer's cache of every
        # word met would double that (about 40 MB a worker at a million passages)
        self.term = analyzer(code).stem_term
        self.words = analyzer(code).words
        # a number grouped by spaces is one piece ("1 370": ``digitgroups``)
        self.glue = analyzer(code).glue
        self.ids = _Ids()
        self.piece_len = np.zeros(0, dtype=np.int64)  # how many terms each piece holds
        self.piece_start = np.zeros(1, dtype=np.int64)  # where they start in piece_terms
        self.piece_terms = np.zeros(0, dtype=np.int64)

    def learn(self, terms: _Ids) -> None:
        """Tokenise pieces seen for the first time and append their terms to the tables. A
        word's term is looked for once a call (``term_ids``): new pieces are mostly one word
        written several ways ("word", "word,", "word."), and the words are let go with the
        call, as the pieces' table is the only cache kept."""
        lens, found = [], []
        words = self.words
        term_ids = _TermIds(self.term, terms)
        for piece in self.ids.take_added():
            ids = [i for i in map(term_ids.__getitem__, words(piece)) if i >= 0]
            lens.append(len(ids))
            found.extend(ids)
        new_len = np.array(lens, dtype=np.int64)
        self.piece_len = np.concatenate([self.piece_len, new_len])
        self.piece_start = np.concatenate(
            [self.piece_start, self.piece_start[-1] + np.cumsum(new_len)])
        self.piece_terms = np.concatenate([self.piece_terms, np.array(found, dtype=np.int64)])


class _ChunkCounter:
    """Counts chunks of passages one after another, remembering the pieces and terms it has
    seen, so that a piece is tokenised once per process rather than once per chunk (most pieces
    recur: Zipf). Term ids are this counter's own; each result carries the terms new since the
    previous one.

    ``Analyzer.words`` finds the words of a text in its whitespace-separated pieces (its
    expressions never match whitespace and have no anchors or look-arounds, and a bigram never
    spans a space): ``str.split`` (fast) cuts the pieces, and ``words`` and the term map run once
    per distinct piece (and language).
    """

    def __init__(self) -> None:
        self.terms = _Ids()
        self.tables: dict[str, _Pieces] = {}

    def count(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> _Counted:
        groups: dict[str, list[int]] = {}
        if langs is None:
            groups["en"] = list(range(len(texts)))
        else:
            for i, code in enumerate(langs):
                groups.setdefault(code or "en", []).append(i)
        rows_of, cols_of = [], []
        for code, where in groups.items():
            table = self.tables.get(code) or self.tables.setdefault(code, _Pieces(code))
            part = texts if len(where) == len(texts) else [texts[i] for i in where]
            rows, cols = self._occurrences(table, part)
            rows_of.append(np.asarray(where, dtype=np.int64)[rows])
            cols_of.append(cols)
        rows, cols = np.concatenate(rows_of), np.concatenate(cols_of)
        return (self.terms.take_added(),
                *_csr(rows, cols, len(texts), len(self.terms)))

    def _occurrences(self, table: _Pieces, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(text, term id) for every term occurrence in ``texts``."""
        lookup, glue = table.ids.__getitem__, table.glue
        per_text, pieces = [], []
        for lo in range(0, len(texts), SPLIT):  # a slice's words as strings at a time
            split = [_bare(glue(t)).split() for t in texts[lo : lo + SPLIT]]
            per_text.append(np.fromiter(map(len, split), dtype=np.int64, count=len(split)))
            # list() then np.array: faster than np.fromiter over a map of dict lookups.
            pieces.append(np.array(list(map(lookup, chain.from_iterable(split))), dtype=np.int64))
            del split
        occurrences = np.concatenate(pieces)
        table.learn(self.terms)
        # Expand every occurrence of a piece into its terms (most pieces have one, stop words none).
        width = table.piece_len[occurrences]
        total = int(width.sum())
        rows = np.repeat(np.repeat(np.arange(len(texts), dtype=np.int64), np.concatenate(per_text)),
                         width)
        at = np.repeat(table.piece_start[occurrences] - (np.cumsum(width) - width), width)
        return rows, table.piece_terms[at + np.arange(total)]


def _bare(text: str) -> str:
    """``text`` lower-cased, each full stop or comma that ends a whitespace-separated piece
    before a space dropped: it ends no word (no expression of ``Analyzer.words`` takes a
    trailing "." or "," in, nor looks past a word), so a piece has the same words with or
    without it, and "word", "word." and "word," are one piece to look up and learn, not three
    (the pieces a counter learns and holds: 173,621 -> 93,164 over 50,000 synthetic passages)."""
    return (text.lower() + " ").replace(". ", " ").replace(", ", " ")


def _csr(rows: np.ndarray, cols: np.ndarray, n: int, n_terms: int
         ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The counts of (row, col) pairs as CSR arrays over the chunk's own terms (indptr int32,
    indices and counts ``_smallest``; within a row, by term), and those terms (the cols seen,
    ascending, int32): what ``coo_matrix((1, (rows, cols))).tocsr()`` gives, with the columns
    no row holds left out."""
    seen = np.zeros(n_terms, dtype=bool)
    seen[cols] = True
    terms = np.flatnonzero(seen).astype(np.int32)
    width = max(len(terms), 1)
    key = rows * width + (np.cumsum(seen, dtype=np.int64) - 1)[cols]  # by row, then by term
    del seen
    key.sort()
    first = np.ones(len(key), dtype=bool)  # the first of each run of equal (row, term) pairs
    np.not_equal(key[1:], key[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    counts = np.diff(starts, append=len(key))
    key = key[starts]
    row = key // width
    indptr = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(np.bincount(row, minlength=n), out=indptr[1:])
    return indptr, _smallest(key - row * width), _smallest(counts), terms


def _smallest(counts: np.ndarray) -> np.ndarray:
    """``counts`` (or term indices) in the smallest unsigned type that holds them: almost every
    count is below 256, and a corpus's counts wait in the parent until its last chunk is
    counted (at a million passages, 55 million of them: 1 byte each instead of 4)."""
    return counts.astype(np.min_scalar_type(int(counts.max())) if len(counts) else np.uint8)


def _renumber(results: Iterable[tuple[int, _Counted]]) -> tuple[list[str], list[_Counted]]:
    """Map each worker's term ids to ids in one vocabulary (in order of first appearance).

    ``results`` come in chunk order, tagged with the worker that counted them; a worker counts
    its chunks in increasing order, so its new terms arrive in the order it numbered them."""
    vocab = _Ids()
    to_global: dict[int, np.ndarray] = {}
    chunks: list[_Counted] = []
    for worker, (new_terms, indptr, idx, counts, chunk_terms) in results:
        new = np.array(list(map(vocab.__getitem__, new_terms)), dtype=np.int32)
        mapping = to_global[worker] = np.concatenate(
            [to_global.get(worker, np.zeros(0, dtype=np.int32)), new])
        chunks.append(([], indptr, idx, counts, mapping[chunk_terms]))
    return list(vocab), chunks


def _sorted(terms: list[str]) -> tuple[np.ndarray, list[str]]:
    """Each term's place in sorted order (int32, by term id), and the terms sorted."""
    order = sorted(range(len(terms)), key=terms.__getitem__)
    rank = np.empty(len(terms), dtype=np.int32)
    rank[order] = np.arange(len(terms), dtype=np.int32)
    return rank, [terms[i] for i in order]


def _stack(terms: list[str], chunks: list[_Counted], n: int) -> tuple[sp.csr_matrix, list[str]]:
    """One CSR matrix from the renumbered chunks, its columns in sorted term order."""
    import scipy.sparse as sp

    rank, sorted_terms = _sorted(terms)
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


# Some postings of a block of terms, from one chunk of passages: the chunk's first passage,
# each posting's passage within the chunk, its term, and its count (the smallest unsigned
# types that hold them)
Piece = tuple[int, np.ndarray, np.ndarray, np.ndarray]


@dataclass(slots=True)
class TermBlocks:
    """Term counts by blocks of consecutive terms (in sorted order): block ``k`` holds the
    postings of terms ``[starts[k], starts[k + 1])`` as pieces in passage order. Together
    about as large as the CSR matrix (8 bytes a posting), but inverted one block at a time
    (``TermIndex.from_blocks``), freeing each as its postings are written: the matrix and
    the postings are never both whole in memory."""

    terms: list[str]  # sorted
    lengths: np.ndarray  # int32 per passage: its terms counted (the sum of its counts)
    df: np.ndarray  # int64 per term: the passages holding it
    starts: list[int]  # len(pieces) + 1
    pieces: list[list[Piece]]

    def take(self, k: int) -> list[Piece]:
        """Block ``k``'s pieces, no longer held here."""
        taken, self.pieces[k] = self.pieces[k], []
        return taken


def _blocks(terms: list[str], chunks: list[_Counted], n: int, blocks: int) -> TermBlocks:
    """The renumbered chunks cut into blocks of terms in sorted order (each chunk freed once
    cut), the blocks about equal in postings."""
    rank, sorted_terms = _sorted(terms)
    del terms
    df = np.zeros(len(rank), dtype=np.int64)
    for _, _, idx, _, chunk_terms in chunks:
        df[rank[chunk_terms]] += np.bincount(idx, minlength=len(chunk_terms))
    total = np.cumsum(df)
    nnz = int(total[-1]) if len(total) else 0
    cuts = np.searchsorted(total, [nnz * k // blocks for k in range(1, blocks)], side="right")
    starts = np.unique(np.concatenate([[0], cuts, [len(rank)]])).tolist()
    # each term's block (by its rank), in the smallest type: a gather where a binary search was,
    # and the postings' blocks sorted by radix (8 bits), not by comparison
    block_of = np.repeat(np.arange(len(starts) - 1, dtype=np.min_scalar_type(len(starts))),
                         np.diff(starts))
    lengths = np.zeros(n, dtype=np.int32)
    pieces: list[list[Piece]] = [[] for _ in range(len(starts) - 1)]
    row = 0
    chunks.reverse()
    while chunks:  # cut chunk by chunk, freeing each
        _, indptr, idx, counts, chunk_terms = chunks.pop()
        rows = len(indptr) - 1
        sizes = np.diff(indptr)
        filled = sizes > 0
        if filled.any():
            lengths[row : row + rows][filled] = np.add.reduceat(counts, indptr[:-1][filled],
                                                                dtype=np.int32)
        ranks = rank[chunk_terms][idx]
        block = block_of[ranks]
        by_block = np.argsort(block, kind="stable")  # passage order kept within a block
        at = np.zeros(len(pieces) + 1, dtype=np.int64)
        np.cumsum(np.bincount(block, minlength=len(pieces)), out=at[1:])
        local = np.repeat(np.arange(rows, dtype=np.min_scalar_type(max(rows - 1, 0))), sizes)
        for k in range(len(pieces)):
            if at[k] < at[k + 1]:
                take = by_block[at[k] : at[k + 1]]
                pieces[k].append((row, local[take], ranks[take],
                                  counts[take]))  # already of the smallest type
        row += rows
        del indptr, idx, counts, chunk_terms, ranks, block, by_block, local
        if len(chunks) % 8 == 0:
            release_freed_memory()  # the chunks cut so far: freed inside the heap
    return TermBlocks(sorted_terms, lengths, df, starts, pieces)


_COUNTER: _ChunkCounter | None = None  # a worker process's, across its chunks


def count_chunk(chunk: _Chunk) -> _Counted:
    """A worker's count of one chunk (``Pool.map``): its counter remembers the pieces and
    terms of the chunks it counted before."""
    global _COUNTER
    if _COUNTER is None:
        _COUNTER = _ChunkCounter()
    counted = _COUNTER.count(*chunk)
    release_freed_memory()  # the chunk's words and arrays, freed inside the heap: 40 MB at 1M
    return counted
