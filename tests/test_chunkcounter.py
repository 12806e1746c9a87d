"""Counting terms in worker processes: what a worker imports, and what a chunk's counts cost the
parent that holds them until the last chunk is counted."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter

import numpy as np
import pytest
import scipy.sparse as sp

from retrieval.analyzer import analyze, analyzer
from retrieval.chunkcounter import ChunkCounter, _csr, count_chunk

from .conftest import ROOT


def test_a_counting_worker_imports_what_counting_needs_and_nothing_more() -> None:
    """Not the engine, the reading and layout modules, scipy or scikit-learn: each would stay in
    every worker's memory while the parent holds the corpus's counts."""
    code = ("import sys; from retrieval.workers import _serve; from retrieval import chunkcounter; "
            "chunkcounter.count_chunk((['A bridge, and the bridges.'], None)); "
            "print(' '.join(sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-P", "-c", code], env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    assert "retrieval.chunkcounter" in out
    for heavy in ("scipy", "sklearn", "numba", "retrieval.engine", "retrieval.layout",
                  "retrieval.held", "retrieval.index", "retrieval.collection"):
        assert heavy not in out, heavy


def test_a_chunks_postings_name_its_own_terms_in_the_smallest_type() -> None:
    counter = ChunkCounter()
    counter.count(["alpha bravo charlie delta"])  # terms 0-3 of this counter
    new, indptr, idx, counts, terms = counter.count(["delta echo delta", "alpha"])
    assert new == ["echo"]
    assert terms.dtype == np.int32 and terms.tolist() == [0, 3, 4]  # alpha, delta, echo
    assert idx.dtype == np.uint8 and idx.tolist() == [1, 2, 0]  # delta, echo | alpha
    assert counts.tolist() == [2, 1, 1] and indptr.tolist() == [0, 2, 3]


def test_more_than_256_distinct_terms_in_a_chunk_take_two_bytes_an_index() -> None:
    _, _, idx, _, terms = ChunkCounter().count([" ".join(f"w{i}x" for i in range(300))])
    assert idx.dtype == np.uint16 and len(terms) == 300


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_chunks_csr_is_what_scipy_makes_of_its_pairs(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, n_terms = 40, 500
    rows = rng.integers(0, n, 2_000)
    cols = rng.zipf(1.5, 2_000) % n_terms
    indptr, idx, counts, terms = _csr(rows, cols, n, n_terms)
    expected = sp.coo_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)),
                             shape=(n, n_terms)).tocsr()
    assert np.array_equal(indptr, expected.indptr)
    assert np.array_equal(terms[idx], expected.indices)
    assert np.array_equal(counts, expected.data)
    assert terms.tolist() == sorted(set(cols.tolist()))


def test_a_chunk_with_no_terms_is_empty() -> None:
    _, indptr, idx, counts, terms = count_chunk((["", "the of and"], None))
    assert indptr.tolist() == [0, 0, 0] and len(idx) == len(counts) == len(terms) == 0


def test_the_counter_reads_words_as_the_analyzer_does_without_its_cache() -> None:
    """The counter stems each distinct word of a new piece without ``term_of``'s cache, which
    would hold every word a worker met; the terms are the analyzer's all the same."""
    text = "Armenians armenian ARMENIA's formed formation, forms; the O'Neil’s 3.5% déjà-vu"
    new, _, idx, counts, terms = ChunkCounter().count([text])
    expected: dict[str, int] = {}
    for t in analyze(text):
        expected[t] = expected.get(t, 0) + 1
    assert {new[t]: int(c) for t, c in zip(terms[idx], counts, strict=True)} == expected


def test_a_full_stop_or_comma_ending_a_piece_changes_no_count() -> None:
    """Pieces are looked up with a full stop or comma before a space dropped (``_bare``): the
    counts are still each text's ``analyze`` terms, in every language, numbers and
    abbreviations with inner dots and commas among them."""
    texts = ["Die Stadt, 3.5. Mai. 1.234,5. und 12., 7,5, x., y,.", "l'armée, l'été. 3,5. Ça.",
             "中文。中文, 東京. e.g. U.S., a.. b,, c., d,. ... word . , .,", "Год. т. е. 1.",
             "ok.\u00a0next, then.\tTab. 12.,\nNew. line,\n", "The bridges. The bridge, a bridge."]
    langs = ["de", "fr", "", "ru", "", "en"]
    _assert_counted_as_analyzed(texts, langs)


def test_a_number_grouped_by_spaces_is_one_term_counted_as_the_analyzer_reads_it() -> None:
    """"1 370" is one word outside English, "1\u00a0370" in English too: the counter cuts a
    text at white space, and counts the analyzer's terms all the same."""
    texts = ["Население 1 370 человек, бюджет 12 500 000 руб. В 2019 120 человек.",
             "Es kamen 1\u202f370 Leute, 3,5 % mehr.", "It cost 12\u00a0500 euros on page 3 100."]
    langs = ["ru", "de", "en"]
    _assert_counted_as_analyzed(texts, langs)
    assert {"1370", "12500000", "2019", "120"} <= set(analyzer("ru").analyze(texts[0]))
    assert "12500" in analyzer("en").analyze(texts[2]) and "3" in analyzer("en").analyze(texts[2])


def test_a_chunks_counts_come_back_in_the_smallest_type_that_holds_them() -> None:
    counter = ChunkCounter()
    small = counter.count(["cat dog cat", "dog"])
    large = counter.count(["cat " * 300, "dog " * 70_000])
    assert small[0] == ["cat", "dog"] and large[0] == []  # known terms
    assert small[3].dtype == np.uint8 and small[3].tolist() == [2, 1, 1]
    assert large[3].dtype == np.uint32 and large[3].tolist() == [300, 70_000]


def _assert_counted_as_analyzed(texts: list[str], langs: list[str]) -> None:
    """Each text's counts, from one counter, are its ``analyze`` terms in its language."""
    counter = ChunkCounter()
    _, indptr, idx, counts, terms = counter.count(texts, langs)
    names = list(counter.terms)
    for i, (text, code) in enumerate(zip(texts, langs, strict=True)):
        got = {names[terms[j]]: int(c)
               for j, c in zip(idx[indptr[i] : indptr[i + 1]], counts[indptr[i] : indptr[i + 1]],
                               strict=True)}
        assert got == Counter(analyzer(code or None).analyze(text)), text
