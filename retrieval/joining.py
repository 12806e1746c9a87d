"""Joining documents' passages and term counts taken from several collections (a saved one and
a new one, for an incremental build) into one, in a given order.

    runs = Runs.of([(old, source, lo, hi), (new, 0, 0, 3), ...])   # a document each
    runs = Runs.coalesced([old, new], which, source, lo, hi)       # the same, as arrays
    collection = concat(runs)                    # runs of consecutive documents copied at once
    indptr, indices, data = runs.rows([old_counts, new_counts])   # their passages' count rows
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .collection import Collection, SourceTable, bounds_array


@dataclass(frozen=True, slots=True)
class Runs:
    """Documents to join, coalesced into runs of consecutive documents (and passages) of one
    collection: ``[collection index, first source, sources, first passage, end passage]``."""

    collections: list[Collection]
    runs: list[list[int]]

    @classmethod
    def of(cls, parts: Sequence[tuple[Collection, int, int, int]]) -> Runs:
        """``parts``: a document each, as (collection, its source, its passages lo, hi)."""
        cols: list[Collection] = []
        which = []
        for c, *_ in parts:
            ci = next((i for i, x in enumerate(cols) if x is c), None)
            if ci is None:
                cols.append(c)
                ci = len(cols) - 1
            which.append(ci)
        source, lo, hi = (np.array([p[k] for p in parts], dtype=np.int64) for k in (1, 2, 3))
        return cls.coalesced(cols, np.array(which, dtype=np.int64), source, lo, hi)

    @classmethod
    def coalesced(cls, collections: list[Collection], which: np.ndarray, source: np.ndarray,
                  lo: np.ndarray, hi: np.ndarray) -> Runs:
        """The documents given as arrays, a document each: the index of its collection in
        ``collections``, its source there, its passages ``lo``, ``hi``; a run goes on while the
        next document is the next source of the same collection and its passages follow on
        (found without a Python step per document)."""
        if len(which) == 0:
            return cls([], [])
        starts = np.ones(len(which), dtype=bool)  # a document that does not extend the run
        starts[1:] = ((which[1:] != which[:-1]) | (source[1:] != source[:-1] + 1)
                      | (lo[1:] != hi[:-1]))
        first = np.flatnonzero(starts)
        last = np.append(first[1:], len(which)) - 1
        used = list(dict.fromkeys(which[first].tolist()))  # in order of first appearance
        renumber = {c: i for i, c in enumerate(used)}
        runs = [[renumber[c], s, k, a, b] for c, s, k, a, b in zip(
            which[first].tolist(), source[first].tolist(), (last - first + 1).tolist(),
            lo[first].tolist(), hi[last].tolist(), strict=True)]
        return cls([collections[c] for c in used], runs)

    def rows(self, matrices: Sequence[sp.csr_matrix]
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The CSR arrays (indptr int64, indices int32, data int32) of the runs' passages'
        rows, ``matrices[i]`` holding the rows of ``collections[i]``'s passages."""
        ptrs, indices, data = [np.zeros(1, dtype=np.int64)], [], []
        at = 0
        for ci, _, _, lo, hi in self.runs:
            m = matrices[ci]
            a, b = int(m.indptr[lo]), int(m.indptr[hi])
            ptrs.append(np.asarray(m.indptr[lo + 1 : hi + 1], dtype=np.int64) - a + at)
            indices.append(m.indices[a:b])
            data.append(m.data[a:b])
            at += b - a
        return np.concatenate(ptrs), joined(indices, np.int32), joined(data, np.int32)


def concat(runs: Runs) -> Collection:
    """One collection of the runs' documents and passages, in order."""
    columns: dict[str, list[str | None]] = {name: [] for name in SourceTable.FIELDS}
    docs, blob, offsets, sent_indptr, bounds, flags, section, page, crc, lang = (
        [] for _ in range(10))
    names: dict[str, int] = {}
    n_text = n_sent = 0
    for ci, s, k, lo, hi in runs.runs:
        c = runs.collections[ci]
        first = len(columns["id"])
        table = c.sources.columns if isinstance(c.sources, SourceTable) else None
        for name, column in columns.items():
            column += (table[name][s : s + k] if table is not None
                       else [getattr(src, name) for src in c.sources[s : s + k]])
        docs.append(np.asarray(c.passage_doc[lo:hi], dtype=np.int32) - s + first)
        t0, t1 = int(c.text_offsets[lo]), int(c.text_offsets[hi])
        blob.append(np.asarray(c.text_blob[t0:t1]))
        offsets.append(np.asarray(c.text_offsets[lo:hi], dtype=np.int64) - t0 + n_text)
        n_text += t1 - t0
        s0, s1 = int(c.sent_indptr[lo]), int(c.sent_indptr[hi])
        sent_indptr.append(np.asarray(c.sent_indptr[lo:hi], dtype=np.int64) - s0 + n_sent)
        n_sent += s1 - s0
        bounds.append(np.asarray(c.sent_bounds[s0:s1]))
        flags.append(np.asarray(c.sent_flags[s0:s1]))
        ids = np.asarray(c.passage_section[lo:hi])
        renumber = np.full(len(c.sections) + 1, -1, dtype=np.int32)  # [-1] stays -1
        for old_id in dict.fromkeys(ids[ids >= 0].tolist()):  # in order of first appearance
            renumber[old_id] = names.setdefault(c.sections[old_id], len(names))
        section.append(renumber[ids])
        page.append(np.asarray(c.passage_page[lo:hi]))
        crc.append(np.asarray(c.passage_crc[lo:hi]))
        lang.append(np.asarray(c.passage_lang[lo:hi]))
    return Collection(
        sources=SourceTable(columns),
        passage_doc=joined(docs, np.int32),
        text_offsets=np.append(joined(offsets, np.int64), np.int64(n_text)),
        text_blob=joined(blob, np.uint8),
        sent_indptr=np.append(joined(sent_indptr, np.int64), np.int64(n_sent)),
        sent_bounds=bounds_array(np.concatenate(bounds) if bounds
                                 else np.zeros((0, 2), dtype=np.uint16)),
        sent_flags=joined(flags, np.uint8),
        passage_section=joined(section, np.int32),
        passage_page=joined(page, np.int32),
        passage_crc=joined(crc, np.uint32),
        passage_lang=joined(lang, np.dtype("S3")),
        sections=list(names),
    )



def joined(arrays: list[np.ndarray], dtype: type | np.dtype) -> np.ndarray:
    return np.concatenate(arrays).astype(dtype) if arrays else np.zeros(0, dtype=dtype)



def merged_terms(old: list[str], extra: list[str]) -> tuple[list[str], np.ndarray | None]:
    """The sorted ``old`` terms with the sorted ``extra`` ones merged in, and each old term's
    new position (``None``: unchanged, as when no term is new)."""
    if not extra:
        return old, None
    at = np.searchsorted(np.array(extra, dtype=object), np.array(old, dtype=object))
    old_at = (np.arange(len(old)) + at).astype(np.int32)
    terms: list[str] = [""] * (len(old) + len(extra))
    for t, i in zip(old, old_at.tolist(), strict=True):
        terms[i] = t
    taken = np.zeros(len(terms), dtype=bool)
    taken[old_at] = True
    for t, i in zip(extra, np.flatnonzero(~taken).tolist(), strict=True):
        terms[i] = t
    return terms, old_at



def ranges(lo: Sequence[int] | np.ndarray, hi: Sequence[int] | np.ndarray) -> np.ndarray:
    """The indices ``lo[0]..hi[0]-1, lo[1]..hi[1]-1, ...`` in one array."""
    lo = np.asarray(lo, dtype=np.int64)
    n = np.asarray(hi, dtype=np.int64) - lo
    total = int(n.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    return np.repeat(lo - (np.cumsum(n) - n), n) + np.arange(total, dtype=np.int64)
