"""Term counts by blocks of consecutive terms: the counted chunks cut into blocks that
``TermIndex.from_blocks`` inverts one at a time, so the counts and the postings are never both
whole in memory.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .chunkcounter import Counted
from .heap import release_freed_memory


def term_order(terms: list[str]) -> tuple[np.ndarray, list[str]]:
    """Each term's place in sorted order (int32, by term id), and the terms sorted."""
    order = sorted(range(len(terms)), key=terms.__getitem__)
    rank = np.empty(len(terms), dtype=np.int32)
    rank[order] = np.arange(len(terms), dtype=np.int32)
    return rank, [terms[i] for i in order]


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


def cut_blocks(terms: list[str], chunks: list[Counted], n: int, blocks: int) -> TermBlocks:
    """The renumbered chunks cut into blocks of terms in sorted order (each chunk freed once
    cut), the blocks about equal in postings."""
    rank, sorted_terms = term_order(terms)
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
