"""Joining documents' passages and term counts taken from several collections (a saved one and
a new one, for an incremental build) into one, in a given order.

    runs = Runs.of([(old, source, lo, hi), (new, 0, 0, 3), ...])   # a document each
    runs = Runs.coalesced([old, new], which, source, lo, hi)       # the same, as arrays
    collection = concat(runs)                    # runs of consecutive documents copied at once
    ids = runs.passage_ids([old, new])           # each passage's id in the joined collection
    postings = join_postings([(old_postings, ids[0], old_at), (new_postings, ids[1], new_at)],
                             n_terms)            # their term counts, by term
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .collection import Collection
from .index import Postings
from .packing import bounds_array
from .sources import SourceTable


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

    def passage_ids(self, collections: Sequence[Collection]) -> list[np.ndarray]:
        """For each of ``collections``, each of its passages' id in the joined collection
        (int64; -1: a passage left out, as are all of a collection no run takes from)."""
        out = [np.full(c.n_passages, -1, dtype=np.int64) for c in collections]
        at = 0
        for ci, _, _, lo, hi in self.runs:
            mine = self.collections[ci]
            for c, ids in zip(collections, out, strict=True):
                if c is mine:
                    ids[lo:hi] = np.arange(at, at + hi - lo)
            at += hi - lo
        return out


def join_postings(parts: Sequence[tuple[Postings, np.ndarray, np.ndarray | None]],
                  n_terms: int) -> Postings:
    """The postings of several collections' passages joined (``Runs.passage_ids``), over
    ``n_terms`` terms: for each part, its postings, its passages' ids in the join (-1: left
    out, with their postings) and its terms' ids (``None``: the same). A posting counting 0
    is left out too. The largest part, renumbered, keeps its order when its passages and
    terms keep theirs (an incremental build's kept ones do): the others' postings are then
    placed among its own by a binary search in the one term's postings each, and it is
    copied once, neither sorted again nor turned into keys."""
    by_size = sorted(range(len(parts)), key=lambda i: -len(parts[i][0].passages))
    big = _in_order(*parts[by_size[0]], n_terms) if parts else None
    rest = [parts[i] for i in (by_size[1:] if big is not None else by_size)]
    if big is None:
        big = Postings(np.zeros(n_terms + 1, dtype=np.int64), np.zeros(0, dtype=np.int32),
                       np.zeros(0, dtype=np.int32))
    each = [_coordinates(*p) for p in rest]
    terms, passages, counts = (np.concatenate([e[k] for e in each]) if each
                               else np.zeros(0, dtype=np.int64) for k in range(3))
    order = np.lexsort((passages, terms))
    terms, passages, counts = terms[order], passages[order], counts[order]
    # each of the others' postings lands after the big part's of earlier terms and of its
    # term in earlier passages, and after the others' before it
    at = _lower_bound(big.passages, big.indptr[terms], big.indptr[terms + 1], passages)
    at += np.arange(len(at))
    theirs = np.zeros(len(big.passages) + len(at), dtype=bool)
    theirs[at] = True
    out_passages = np.empty(len(theirs), dtype=np.int32)
    out_counts = np.empty(len(theirs), dtype=np.int32)
    out_passages[at], out_counts[at] = passages, counts
    mine = ~theirs
    out_passages[mine], out_counts[mine] = big.passages, big.counts
    indptr = big.indptr.copy()
    indptr[1:] += np.cumsum(np.bincount(terms, minlength=n_terms))
    return Postings(indptr, out_passages, out_counts)


def _in_order(postings: Postings, ids: np.ndarray, term_ids: np.ndarray | None,
              n_terms: int) -> Postings | None:
    """``postings`` renumbered (passages by ``ids``, terms by ``term_ids``), those left out
    or counting 0 dropped, over ``n_terms`` terms, when renumbering keeps them sorted (the
    passages kept and the terms keep their order); else ``None``."""
    kept_ids = ids[ids >= 0]
    if (len(kept_ids) > 1 and not (kept_ids[1:] > kept_ids[:-1]).all()) or (
            term_ids is not None and len(term_ids) > 1
            and not (term_ids[1:] > term_ids[:-1]).all()):
        return None
    passages = ids.astype(np.int32)[postings.passages]
    keep = (passages >= 0) & (postings.counts != 0)
    if keep.all():
        indptr, counts = postings.indptr, postings.counts
    else:
        before = np.zeros(len(keep) + 1, dtype=np.int64)
        np.cumsum(keep, out=before[1:])
        indptr, passages, counts = before[postings.indptr], passages[keep], postings.counts[keep]
    sizes = np.zeros(n_terms, dtype=np.int64)
    sizes[slice(len(indptr) - 1) if term_ids is None else term_ids] = np.diff(indptr)
    out = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(sizes, out=out[1:])
    return Postings(out, passages, counts)


def _coordinates(postings: Postings, ids: np.ndarray, term_ids: np.ndarray | None
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each posting kept of ``postings`` as its term, passage and count, renumbered."""
    terms = postings.terms()
    if term_ids is not None:
        terms = np.asarray(term_ids, dtype=np.int64)[terms]
    passages = ids[postings.passages]
    kept = (passages >= 0) & (postings.counts != 0)
    return terms[kept], passages[kept], np.asarray(postings.counts[kept], dtype=np.int32)


def _lower_bound(values: np.ndarray, lo: np.ndarray, hi: np.ndarray,
                 wanted: np.ndarray) -> np.ndarray:
    """For each ``wanted[i]``, the first place in ``values[lo[i]:hi[i]]`` (sorted) holding
    as much or more (``np.searchsorted`` in each range, all ranges at once)."""
    lo, hi = lo.astype(np.int64), hi.astype(np.int64)
    if not len(values):
        return lo
    while (active := lo < hi).any():
        mid = (lo + hi) >> 1
        right = active & (values[np.minimum(mid, len(values) - 1)] < wanted)
        lo = np.where(right, mid + 1, lo)
        hi = np.where(active & ~right, mid, hi)
    return lo


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
