"""Joining passages and counts from several collections (``tests/test_indexing.py`` checks
that an incremental build so joined equals a full build)."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from retrieval.joining import Postings, Runs, concat, join_postings, merged_terms, ranges
from retrieval.packing import pack
from retrieval.sources import Source

A = pack([Source("a0", "A0"), Source("a1", "A1"), Source("a2", "A2")], [0, 1, 1, 2],
         ["One alpha.", "Two beta.", "Three gamma.", "Four delta."])
B = pack([Source("b0", "B0")], [0], ["Five epsilon."])


def test_consecutive_documents_of_one_collection_are_one_run() -> None:
    runs = Runs.of([(A, 0, 0, 1), (A, 1, 1, 3), (B, 0, 0, 1), (A, 2, 3, 4)])
    assert runs.runs == [[0, 0, 2, 0, 3], [1, 0, 1, 0, 1], [0, 2, 1, 3, 4]]
    joined = concat(runs)
    assert [s.id for s in joined.sources] == ["a0", "a1", "b0", "a2"]
    assert [joined.passage_text(p) for p in range(joined.n_passages)] == [
        "One alpha.", "Two beta.", "Three gamma.", "Five epsilon.", "Four delta."]
    assert joined.passage_doc.tolist() == [0, 1, 1, 2, 3]


def test_runs_from_arrays_are_the_runs_of_the_parts() -> None:
    parts = [(A, 0, 0, 1), (A, 1, 1, 3), (B, 0, 0, 1), (A, 2, 3, 4), (A, 0, 0, 1)]
    which = np.array([0 if c is A else 1 for c, _, _, _ in parts])
    source, lo, hi = (np.array([p[k] for p in parts]) for k in (1, 2, 3))
    runs = Runs.coalesced([A, B], which, source, lo, hi)
    assert runs.runs == [[0, 0, 2, 0, 3], [1, 0, 1, 0, 1], [0, 2, 1, 3, 4], [0, 0, 1, 0, 1]]
    assert runs == Runs.of(parts)
    assert Runs.coalesced([B, A], 1 - which, source, lo, hi) == Runs.of(parts)
    assert Runs.coalesced([A], *(np.zeros(0, dtype=np.int64),) * 4) == Runs.of([])


def test_passage_ids_follow_the_runs() -> None:
    runs = Runs.of([(B, 0, 0, 1), (A, 1, 1, 3)])
    a_ids, b_ids = runs.passage_ids([A, B])
    assert a_ids.tolist() == [-1, 1, 2, -1] and b_ids.tolist() == [0]
    assert Runs.of([(A, 0, 0, 1)]).passage_ids([A, B])[1].tolist() == [-1]


def test_joined_postings_are_those_of_the_joined_rows() -> None:
    rng = np.random.default_rng(0)
    a = sp.csr_matrix(rng.integers(0, 3, size=(40, 6)).astype(np.int32))  # terms b d f h j l
    b = sp.csr_matrix(rng.integers(0, 3, size=(5, 3)).astype(np.int32))  # terms a d k
    a.data[5] = 0  # an explicit zero (a posting only compounds had): left out
    kept = np.flatnonzero(np.arange(40) % 3)  # every third passage removed
    # joined: b's first four passages, a's kept ones in order with b's last among them
    order = [("b", i) for i in range(4)] + [("a", int(p)) for p in kept]
    order.insert(15, ("b", 4))
    a_ids, b_ids = np.full(40, -1), np.zeros(5, dtype=np.int64)
    for at, (which, p) in enumerate(order):
        (a_ids if which == "a" else b_ids)[p] = at
    terms = ["a", "b", "d", "f", "h", "j", "k", "l"]
    a_at, b_at = np.array([1, 2, 3, 4, 5, 7]), np.array([0, 2, 6])
    joined = join_postings([(Postings.of(a), a_ids, a_at), (Postings.of(b), b_ids, b_at)],
                           len(terms))
    n = len(kept) + 5
    want = np.zeros((n, len(terms)), dtype=np.int32)
    want[np.ix_(a_ids[kept], a_at)] += a.toarray()[kept]  # the explicit zero adds nothing
    want[np.ix_(b_ids, b_at)] += b.toarray()
    got = sp.csc_matrix((joined.counts, joined.passages, joined.indptr), shape=(n, len(terms)))
    assert got.has_sorted_indices and np.array_equal(got.toarray(), want)
    assert (joined.counts > 0).all()
    # passages out of order are sorted
    shuffled = join_postings([(Postings.of(a), a_ids[::-1].copy(), a_at)], len(terms))
    assert sp.csc_matrix((shuffled.counts, shuffled.passages, shuffled.indptr),
                         shape=(n, len(terms))).has_sorted_indices


@pytest.mark.parametrize("seed", range(6))
def test_joined_postings_of_random_parts_are_those_of_the_joined_rows(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_terms = 30
    sizes = [int(rng.integers(0, 60)), int(rng.integers(0, 8)), int(rng.integers(0, 8))]
    matrices = [sp.random(n, int(rng.integers(1, n_terms)), density=0.3, random_state=rng,
                          data_rvs=lambda k: rng.integers(0, 4, size=k)).tocsr().astype(np.int32)
                for n in sizes]
    # each part's passages: some left out, the rest placed anywhere in the join (in order
    # for the first, the largest, when the seed is even)
    kept = [np.flatnonzero(rng.random(n) < 0.8) for n in sizes]
    places = rng.permutation(sum(len(k) for k in kept))
    ids, at = [], 0
    for n, k in zip(sizes, kept, strict=True):
        part = np.full(n, -1, dtype=np.int64)
        part[k] = places[at : at + len(k)]
        at += len(k)
        ids.append(part)
    if seed % 2 == 0:
        ids[0][kept[0]] = np.sort(ids[0][kept[0]])
    term_ids = [np.sort(rng.choice(n_terms, m.shape[1], replace=False)) for m in matrices]
    term_ids[2] = rng.permutation(term_ids[2])  # any order
    joined = join_postings([(Postings.of(m), i, t) for m, i, t in
                            zip(matrices, ids, term_ids, strict=True)], n_terms)
    want = np.zeros((at, n_terms), dtype=np.int32)
    for m, i, t, k in zip(matrices, ids, term_ids, kept, strict=True):
        want[np.ix_(i[k], t)] += m.toarray()[k]
    got = sp.csc_matrix((joined.counts, joined.passages, joined.indptr), shape=(at, n_terms))
    assert got.has_sorted_indices and np.array_equal(got.toarray(), want)
    assert (joined.counts > 0).all()


def test_new_terms_are_merged_into_the_sorted_old_ones() -> None:
    terms, old_at = merged_terms(["b", "d"], ["a", "c", "e"])
    assert terms == ["a", "b", "c", "d", "e"]
    assert old_at is not None and old_at.tolist() == [1, 3]
    assert merged_terms(["b", "d"], []) == (["b", "d"], None)


def test_ranges_are_concatenated_aranges() -> None:
    assert ranges([3, 0, 7], [5, 0, 9]).tolist() == [3, 4, 7, 8]
    assert ranges([], []).tolist() == []
