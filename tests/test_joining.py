"""Joining passages and counts from several collections (``tests/test_indexing.py`` checks
that an incremental build so joined equals a full build)."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from retrieval.collection import Source, pack
from retrieval.joining import Runs, concat, merged_terms, ranges

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


def test_rows_follow_the_runs() -> None:
    runs = Runs.of([(B, 0, 0, 1), (A, 1, 1, 3)])
    a = sp.csr_matrix(np.arange(8, dtype=np.int32).reshape(4, 2))
    b = sp.csr_matrix(np.array([[9, 0]], dtype=np.int32))
    indptr, indices, data = runs.rows([b, a])
    assert sp.csr_matrix((data, indices, indptr), shape=(3, 2)).toarray().tolist() == [
        [9, 0], [2, 3], [4, 5]]


def test_new_terms_are_merged_into_the_sorted_old_ones() -> None:
    terms, old_at = merged_terms(["b", "d"], ["a", "c", "e"])
    assert terms == ["a", "b", "c", "d", "e"]
    assert old_at is not None and old_at.tolist() == [1, 3]
    assert merged_terms(["b", "d"], []) == (["b", "d"], None)


def test_ranges_are_concatenated_aranges() -> None:
    assert ranges([3, 0, 7], [5, 0, 9]).tolist() == [3, 4, 7, 8]
    assert ranges([], []).tolist() == []
