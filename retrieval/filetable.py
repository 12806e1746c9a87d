"""The build's table of corpus files: which are kept from the previous build and which are
read here, and where each one's passages, paragraph keys and asked keys are.

A snapshot's ``files.npy`` holds a row a file (``COLUMNS``): its size, mtime, sidecar's size
and mtime; its first source (-1: none; a file of parts, a mail archive, has a source a part
with passages, consecutive); the ranges [lo, hi) of its passages (all its sources'), of its
paragraph keys (``line_keys.npy``) and of the keys its sieve asked about (``asked_keys.npy``).
``Files`` is this build's, ``Previous`` the live snapshot's, with what reusing it needs.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from .collection import Collection
from .corpus import Document, DocumentIds
from .held import file_line_keys
from .index import TermIndex
from .joining import ranges
from .parallel import UNREAD, Entry
from .walk import Walk

# files.npy's columns (see above), and where some begin
COLUMNS = 11
SOURCE, PASSAGES, LINES_AT, ASKED_AT = 4, 5, 7, 9


@dataclass(slots=True)
class Files:
    """Every corpus file of this build, in corpus order, by column: a file kept from the
    previous build is its row there (``rows``), one read here is an ``Entry`` too (``read``,
    in corpus order): no Python object a kept file."""

    rels: list[str]  # their paths in the corpus
    ids: list[str]  # their document ids
    keys: np.ndarray  # int64 (files, 4): size, mtime, sidecar's size and mtime (-1: none)
    rows: np.ndarray  # int64: a kept file's row in the previous build's table; -1: read here
    read: list[Entry]

    def __len__(self) -> int:
        return len(self.rels)

    def kept(self) -> np.ndarray:
        """The previous build's rows of the kept files, in corpus order."""
        return self.rows[self.rows >= 0]

    def without_unread(self) -> Files:
        """The files, those read here that could not be (``lines`` ``UNREAD``) left out."""
        gone = [e.at for e in self.read if e.lines is UNREAD]
        if not gone:
            return self
        keep = np.ones(len(self), dtype=bool)
        keep[gone] = False
        at = np.cumsum(keep) - 1  # each kept file's new place
        read = [e for e in self.read if e.lines is not UNREAD]
        for e in read:
            e.at = int(at[e.at])
        where = np.flatnonzero(keep).tolist()
        return Files([self.rels[i] for i in where], [self.ids[i] for i in where],
                      self.keys[keep], self.rows[keep], read)

    def read_again(self, docs: dict[int, list[Document]]) -> None:
        """The kept files at the places ``docs`` gives, read again (their documents) to be
        laid out anew."""
        for i, read in docs.items():
            self.rows[i] = -1
            self.read.append(Entry(i, self.ids[i], self.rels[i], docs=read,
                                   lines=file_line_keys(read)))
        self.read.sort(key=lambda e: e.at)


@dataclass(frozen=True, slots=True)
class Previous:
    """What the live snapshot offers a new build."""

    index: TermIndex
    collection: Collection
    counts: np.ndarray  # uint16, aligned with the postings
    rels: list[str]  # each file's path in the corpus, in ``table``'s order
    ids: list[str]
    table: np.ndarray  # int64 (files, COLUMNS)
    lines: np.ndarray
    asked: np.ndarray
    repeated: np.ndarray

    def column(self, rows: np.ndarray, at: int) -> np.ndarray:
        return self.table[np.asarray(rows, dtype=np.int64), at]


def files_of(walk: Walk, previous: Previous | None) -> Files:
    """Every corpus file: kept from ``previous`` when its path, stats (its sidecar's too) and
    id are unchanged, else to be read."""
    rels = walk.rels
    ids = DocumentIds().all(rels)
    keys = np.fromiter(itertools.chain.from_iterable(walk.stats), dtype=np.int64,
                       count=4 * len(rels)).reshape(-1, 4)
    rows = np.full(len(rels), -1, dtype=np.int64)
    if previous is not None:
        row_of = {rel: i for i, rel in enumerate(previous.rels)}
        rows = np.fromiter(map(row_of.get, rels, itertools.repeat(-1)), dtype=np.int64,
                           count=len(rels))
        same = rows >= 0
        same[same] = (previous.table[rows[same], :4] == keys[same]).all(axis=1)
        old_ids = previous.ids
        same[same] = [old_ids[r] == ids[i] for i, r in zip(np.flatnonzero(same).tolist(),
                                                            rows[same].tolist(), strict=True)]
        rows[~same] = -1
    read = [Entry(i, ids[i], rels[i]) for i in np.flatnonzero(rows < 0).tolist()]
    return Files(rels, ids, keys, rows, read)


def source_counts(files: Files, previous: Previous | None) -> np.ndarray:
    """How many documents with passages each file has (int64, in corpus order): 0 or 1, or
    one a part of a file of parts (a mail archive's messages) that has passages. A kept
    file's are the sources its passages belong to (each has one passage or more)."""
    counts = np.zeros(len(files), dtype=np.int64)
    if previous is not None:
        kept = files.rows >= 0
        rows = files.rows[kept]
        quoted = previous.table[rows, SOURCE] >= 0
        lo, hi = previous.table[rows, PASSAGES], previous.table[rows, PASSAGES + 1]
        doc = previous.collection.passage_doc
        counts[np.flatnonzero(kept)[quoted]] = (doc[hi[quoted] - 1].astype(np.int64)
                                                - doc[lo[quoted]] + 1)
    counts[[e.at for e in files.read]] = [e.quoted for e in files.read]
    return counts


def file_table(files: Files, previous: Previous | None, collection: Collection
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The table of this build's files (a row a file, ``COLUMNS``, in corpus order; passages
    as ``collection`` numbers them), and every file's paragraph keys and the keys its sieve
    asked about, back to back: what the next build reads back into a ``Previous``."""
    n = source_counts(files, previous)
    q = n > 0
    source = np.cumsum(n) - n  # each quoted file's first source
    starts = np.searchsorted(collection.passage_doc, np.arange(len(collection.sources) + 1))
    lines = _gathered(files, previous, LINES_AT, "lines")
    asked = _gathered(files, previous, ASKED_AT, "asked")
    table = np.column_stack([
        files.keys, np.where(q, source, -1),
        np.where(q, starts[np.minimum(source, len(starts) - 1)], 0),
        np.where(q, starts[np.minimum(source + n, len(starts) - 1)], 0),
        lines[1][:-1], lines[1][1:], asked[1][:-1], asked[1][1:],
    ]).astype(np.int64).reshape(-1, COLUMNS)
    return table, lines[0], asked[0]


def _gathered(files: Files, previous: Previous | None, at: int,
              name: str) -> tuple[np.ndarray, np.ndarray]:
    """Every file's keys (``lines`` or ``asked``) back to back, and where each file's
    begin (n + 1 offsets): a kept file's from the previous build, a read one's its own."""
    old = getattr(previous, name) if previous is not None else np.zeros(0, dtype=np.uint64)
    table = previous.table if previous is not None else np.zeros((0, COLUMNS), np.int64)
    fresh = [getattr(e, name) for e in files.read]
    pool = np.concatenate([np.asarray(old, dtype=np.uint64), *fresh]) if fresh else np.asarray(
        old, dtype=np.uint64)
    rows = files.rows
    kept = rows >= 0
    lo = np.empty(len(files), dtype=np.int64)
    n = np.empty(len(files), dtype=np.int64)
    lo[kept] = table[rows[kept], at]
    n[kept] = table[rows[kept], at + 1] - lo[kept]
    n[~kept] = [len(f) for f in fresh]
    lo[~kept] = len(old) + np.cumsum(n[~kept]) - n[~kept]
    offsets = np.concatenate([[0], np.cumsum(n)]).astype(np.int64)
    return pool[ranges(lo, lo + n)], offsets
