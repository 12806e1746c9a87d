"""Counting the terms of one chunk of passages, as a worker does: each whitespace-separated piece
tokenised once per process, the counts as small CSR arrays over the chunk's own terms.

Each chunk of passages is cut at whitespace (C), each *distinct* piece gets an integer id (a
dict lookup in C), the analyzer's ``words`` and ``term_of`` run once per distinct piece, and the
per-passage counts come from a sparse COO -> CSR conversion that sums the repeats. Words that map
to the same term (``"armenians"``, ``"armenian"``) or to none (stop words) are merged or dropped
through the piece -> terms table before counting. Each passage is counted in its language
(``langs``; ``analyzer.analyzer``): a counter keeps a piece table per language, over one
vocabulary.

A chunk's counts wait in the parent until the last chunk is counted, so they are kept small:
its postings name its own terms (``Counted``: 2 bytes each for a chunk of fewer than 65,536
distinct terms, with one list of those terms a chunk) and their counts take one byte each; a
worker imports numpy and the analyzer, not scipy, and splits its chunk into words a slice at a
time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import chain

import numpy as np

# The analyzer's own words and word -> term maps: counting must see exactly analyze()'s terms.
from .analyzer import analyzer
from .heap import release_freed_memory

SPLIT = 500  # passages whose words are held as strings at a time (~3 MB), not a chunk's (~30 MB)

# One chunk of passages: their texts and languages (``None``: all English)
Chunk = tuple[Sequence[str], Sequence[str] | None]
# One chunk's result: the terms its counter numbered since its previous chunk, and the chunk's
# counts as CSR arrays (indptr, indices, data) over the chunk's own terms, then those terms
# (int32 ids, ascending: the counter's, or once renumbered the vocabulary's). Indices and
# counts are in the smallest unsigned types that hold them.
Counted = tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray]


class Ids(dict[str, int]):
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


class _TermIds(dict[str, int]):
    """Each word's term id in ``terms`` (-1: no term), found by ``term`` when first asked for;
    asked in the order ``terms`` would be, so that it numbers new terms alike."""

    def __init__(self, term: Callable[[str], str | None], terms: Ids) -> None:
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
        self.ids = Ids()
        self.piece_len = np.zeros(0, dtype=np.int64)  # how many terms each piece holds
        self.piece_start = np.zeros(1, dtype=np.int64)  # where they start in piece_terms
        self.piece_terms = np.zeros(0, dtype=np.int64)

    def learn(self, terms: Ids) -> None:
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


class ChunkCounter:
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
        self.terms = Ids()
        self.tables: dict[str, _Pieces] = {}

    def count(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> Counted:
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
    indices and counts ``smallest``; within a row, by term), and those terms (the cols seen,
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
    return indptr, smallest(key - row * width), smallest(counts), terms


def smallest(counts: np.ndarray) -> np.ndarray:
    """``counts`` (or term indices) in the smallest unsigned type that holds them: almost every
    count is below 256, and a corpus's counts wait in the parent until its last chunk is
    counted (at a million passages, 55 million of them: 1 byte each instead of 4)."""
    return counts.astype(np.min_scalar_type(int(counts.max())) if len(counts) else np.uint8)


_COUNTER: ChunkCounter | None = None  # a worker process's, across its chunks


def count_chunk(chunk: Chunk) -> Counted:
    """A worker's count of one chunk (``Pool.map``): its counter remembers the pieces and
    terms of the chunks it counted before."""
    global _COUNTER
    if _COUNTER is None:
        _COUNTER = ChunkCounter()
    counted = _COUNTER.count(*chunk)
    release_freed_memory()  # the chunk's words and arrays, freed inside the heap: 40 MB at 1M
    return counted
