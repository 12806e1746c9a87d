"""The term index: exact fast counting, BM25 weights, and search equal to exhaustive scoring."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer
from structlog.testing import capture_logs

from retrieval.analyzer import analyze
from retrieval.index import TermIndex
from retrieval.maxscore import scratch
from retrieval.termcounts import count_term_blocks, count_terms

TRICKY = [
    "",
    "the of and to",  # stop words only
    "İstanbul ÇAĞRI naïve CAFÉ déjà-vu",
    "O'Neil’s 100,000 troops; 3.5% of 2024: 10:30 pm",
    "Armenians armenian ARMENIA formed formation forms",
    "a b c xx yy zz 7 77 7.7.7",
    "emoji 🙂 tab\there\nnew line\u2028sep\x1cfile\u00a0nbsp\u3000ideographic",
    "well-known,comma-joined;words(in)brackets... end.Start 1.2.3.4 5,6:7 it's’s ''x''",
]


def _corpus(n: int, vocab: int, seed: int) -> list[str]:
    rng = np.random.default_rng(seed)
    words = [f"w{i}" if i % 7 else f"word{i}s" for i in range(vocab)]
    probs = 1.0 / np.arange(1, vocab + 1)
    probs /= probs.sum()
    return [" ".join(rng.choice(words, int(rng.integers(1, 30)), p=probs)) for _ in range(n)]


@pytest.mark.parametrize("workers", [1, 2])
def test_counts_equal_countvectorizer_with_the_analyzer(workers: int) -> None:
    texts = TRICKY + _corpus(300, 80, seed=1)
    counts, terms = count_terms(texts, workers=workers, chunk=50)
    reference = CountVectorizer(analyzer=analyze, dtype=np.int32)
    expected = reference.fit_transform(texts)
    assert terms == sorted(reference.vocabulary_)
    assert counts.shape == expected.shape
    assert (counts != expected).nnz == 0


@pytest.mark.parametrize(("workers", "chunk", "blocks"), [(1, 7, 5), (1, 1000, 1), (2, 50, 32)])
def test_an_index_inverted_block_by_block_equals_the_whole_matrix_one(workers: int, chunk: int,
                                                                       blocks: int) -> None:
    texts = TRICKY + _corpus(300, 80, seed=3) + ["w1 " * 70_000]  # a count above 65,535
    whole = TermIndex.from_counts(*count_terms(texts, workers=workers, chunk=chunk))
    counted = count_term_blocks(texts, workers=workers, chunk=chunk, blocks=blocks)
    assert 1 < len(counted.pieces) <= blocks if blocks > 1 else len(counted.pieces) == 1
    by_blocks = TermIndex.from_blocks(counted)
    assert by_blocks.vocabulary == whole.vocabulary
    assert by_blocks.n_passages == whole.n_passages == len(texts)
    for key in ("indptr", "passages", "weights", "df", "maxw"):
        a, b = getattr(by_blocks, key), getattr(whole, key)
        assert a.dtype == b.dtype and np.array_equal(a, b), key
    assert not any(counted.pieces)  # consumed


def test_weights_follow_the_bm25_formula() -> None:
    texts = ["cat cat dog", "dog bird", "cat fish fish fish"]
    ix = TermIndex.build(texts, k1=1.2, b=0.75)
    lengths = np.array([3, 2, 4], dtype=float)
    avgdl = lengths.mean()
    t = ix.vocabulary["cat"]
    df = 2
    idf = np.log1p((3 - df + 0.5) / (df + 0.5))
    lo, hi = ix.indptr[t], ix.indptr[t + 1]
    assert ix.passages[lo:hi].tolist() == [0, 2]
    for p, w in zip(ix.passages[lo:hi], ix.weights[lo:hi], strict=True):
        tf = {0: 2, 2: 1}[int(p)]
        want = idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * lengths[p] / avgdl))
        assert w == pytest.approx(want, rel=1e-6)
    assert ix.maxw[t] == ix.weights[lo:hi].max()
    assert ix.idf("cat") == pytest.approx(idf) and ix.idf("zebra") is None


@pytest.mark.parametrize("seed", range(6))
def test_search_equals_exhaustive_scoring_on_random_corpora(seed: int) -> None:
    rng = np.random.default_rng(seed)
    texts = _corpus(int(rng.integers(50, 400)), int(rng.integers(5, 60)), seed)
    ix = TermIndex.build(texts)
    terms = [*ix.vocabulary, "unknown"]
    for _ in range(40):
        query = list(rng.choice(terms, int(rng.integers(1, 9))))  # repeats happen: qtf > 1
        k = int(rng.choice([1, 3, 10, 50, 1000]))
        expected = ix.search_exhaustive(query, k)
        assert ix.search_compiled(query, k) == expected
        assert ix.search_numpy(query, k) == expected
        assert ix.search(query, k) == expected


def test_exhaustive_scoring_agrees_with_a_float64_matrix_product() -> None:
    texts = _corpus(300, 40, seed=7)
    ix = TermIndex.build(texts)
    dense = np.zeros((ix.n_passages, len(ix.vocabulary)))
    for t in range(len(ix.vocabulary)):
        lo, hi = ix.indptr[t], ix.indptr[t + 1]
        dense[ix.passages[lo:hi], t] = ix.weights[lo:hi]
    rng = np.random.default_rng(0)
    for _ in range(30):
        query = list(rng.choice(list(ix.vocabulary), 4))
        qv = np.zeros(len(ix.vocabulary))
        for term in query:
            qv[ix.vocabulary[term]] += 1
        scores = dense @ qv
        got = ix.search(query, 10)
        for p, s in got:
            assert s == pytest.approx(scores[p], rel=1e-5)
        assert got[-1][1] >= np.sort(scores)[-len(got)] - 1e-4


def test_large_indexes_search_through_the_compiled_kernel(monkeypatch) -> None:
    import retrieval.index as index_mod

    ix = TermIndex.build(_corpus(300, 40, seed=5))
    calls = []
    monkeypatch.setattr(ix.__class__, "search_compiled",
                        lambda self, t, k=10, scale=None: calls.append(k) or [])
    ix.search(["alpha"], 7)
    assert calls == []  # small: the numpy path
    monkeypatch.setattr(index_mod, "KERNEL_MIN_PASSAGES", 100)
    ix.search(["alpha"], 7)
    assert calls == [7]


def test_a_kernel_that_cannot_load_falls_back_to_numpy(monkeypatch) -> None:
    import builtins

    import retrieval.index as index_mod

    real_import = builtins.__import__

    def failing_import(name, *args, **kwargs):
        if name == "kernel" or name.endswith(".kernel"):  # `from .kernel import top_k`
            raise RuntimeError("cannot cache function 'top_k': no locator available")
        return real_import(name, *args, **kwargs)

    index_mod._kernel.cache_clear()
    monkeypatch.setattr(builtins, "__import__", failing_import)
    try:
        with capture_logs() as logs:
            assert index_mod._kernel() is None
        ix = TermIndex.build(_corpus(100, 20, seed=2))
        query = list(ix.vocabulary)[:3]
        assert ix.search_compiled(query, 5) == ix.search_exhaustive(query, 5)
    finally:
        monkeypatch.undo()
        index_mod._kernel.cache_clear()
    assert any(e["event"] == "search_kernel_unavailable" for e in logs)


def test_search_of_nothing_known_is_empty() -> None:
    ix = TermIndex.build(["alpha beta", "beta gamma"])
    assert ix.search([], 5) == [] and ix.search(["zeta"], 5) == []
    assert ix.search(["beta"], 0) == [] and ix.search_numpy(["zeta"], 5) == []


def test_ties_are_broken_by_passage_id() -> None:
    ix = TermIndex.build(["alpha words mention"] * 5 + ["other"])
    assert [p for p, _ in ix.search_compiled(["alpha"], 3)] == [0, 1, 2]
    assert [p for p, _ in ix.search_numpy(["alpha", "word"], 3)] == [0, 1, 2]


def test_search_leaves_the_scratch_accumulator_zeroed() -> None:
    ix = TermIndex.build(_corpus(200, 30, seed=3))
    ix.search_compiled(list(ix.vocabulary)[:5], 10)
    ix.search_numpy(list(ix.vocabulary)[:5], 10)
    acc, _ = scratch(ix.n_passages)
    assert not acc.any()


def test_concurrent_searches_from_threads_agree() -> None:
    ix = TermIndex.build(_corpus(500, 50, seed=4))
    queries = [list(ix.vocabulary)[i : i + 3] for i in range(0, 40, 2)]
    expected = [ix.search_exhaustive(q, 10) for q in queries]
    failures: list[int] = []

    def run() -> None:
        for _ in range(20):
            if [ix.search(q, 10) for q in queries] != expected:
                failures.append(1)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures


def test_built_arrays_are_read_only() -> None:
    ix = TermIndex.build(["alpha beta", "beta gamma"])
    with pytest.raises(ValueError):
        ix.weights[0] = 1.0


def test_a_scaled_term_counts_that_many_times_in_every_search_path() -> None:
    ix = TermIndex.build(_corpus(400, 60, seed=11))
    a, b, c, d = "1", "2", "word", "3"  # "w1" is read as "1", "word7s" as "word", "7"
    scale = {c: 2.0, d: 0.5}
    expected = ix.search_exhaustive([a, b, c, d], 10, scale)
    assert expected and expected != ix.search_exhaustive([a, b, c, d], 10)
    assert ix.search_numpy([a, b, c, d], 10, scale) == expected
    assert ix.search_compiled([a, b, c, d], 10, scale) == expected
    assert ix.search_exhaustive([a, b, c, c], 10, {a: 1.0}) == ix.search_exhaustive(
        [a, b, c], 10, {c: 2.0})


def test_a_passage_score_is_the_one_search_gives_it() -> None:
    ix = TermIndex.build(_corpus(300, 50, seed=13))
    terms = ["1", "2", "word", "3", "2"]
    for p, s in ix.search_exhaustive(terms, 20):
        assert ix.score(terms, p) == s
    missing = next(p for p in range(ix.n_passages) if p not in dict(ix.search_exhaustive(
        ["word"], ix.n_passages)))
    assert ix.score(["word"], missing) == 0.0


def test_a_block_of_more_terms_than_sixteen_bits_hold_is_inverted_the_same() -> None:
    """``from_blocks`` sorts a block's postings by radix on 16 bits when its terms fit, by
    comparison when they do not (here, one block of more than 65,536 terms)."""
    rng = np.random.default_rng(5)
    letters = np.array(list("bcdfghjklmnpqrstvwxz"))
    words = ["".join(w) for w in letters[rng.integers(0, len(letters), (80_000, 8))]]
    texts = [" ".join(words[i : i + 400]) for i in range(0, len(words), 400)]
    whole = TermIndex.from_counts(*count_terms(texts, workers=1))
    assert len(whole.vocabulary) > 1 << 16
    by_blocks = TermIndex.from_blocks(count_term_blocks(texts, workers=1, blocks=1))
    for key in ("indptr", "passages", "weights", "df", "maxw"):
        assert np.array_equal(getattr(by_blocks, key), getattr(whole, key)), key
