"""The systems the scale benchmark runs side by side, behind one small interface.

Each system builds an index from passage texts, saves it to a directory, loads it back in a fresh
process, and answers a prepared query with the ids of its 10 best passages. ``prepare`` turns query
text into what the system's own search takes (its tokenisation is not timed, for any system;
scikit-learn's ``linear_kernel`` baseline is the exception: its naive path is transform + kernel).
Peers are imported only when used, so qabot's part runs without them.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

K = 10


def top_ids(scores: np.ndarray, k: int = K) -> np.ndarray:
    """Ids of the ``k`` largest scores, best first (for peers that return a dense score array)."""
    k = min(k, len(scores))
    top = np.argpartition(-scores, k - 1)[:k]
    return top[np.argsort(-scores[top])]


class System:
    """A retrieval system under test."""

    name: ClassVar[str]
    max_size: ClassVar[int | None] = None  # larger corpora are skipped

    def build(self, texts: Sequence[str]) -> None:
        raise NotImplementedError

    def save(self, directory: Path) -> None:
        raise NotImplementedError

    def load(self, directory: Path) -> None:
        raise NotImplementedError

    def after_build(self) -> dict[str, float]:
        """Further build steps the system needs before it can answer, timed (seconds by name)."""
        return {}

    def disk_detail(self, directory: Path) -> dict[str, float]:
        """Sizes (MB, by name) of parts of the saved index worth telling apart."""
        return {}

    def prepare(self, query: str) -> Any:
        return query

    def search(self, prepared: Any) -> Any:
        raise NotImplementedError

    def answer(self, question: str) -> Any:
        """Answer one question from a loaded index (cold start): by default, a search."""
        return self.search(self.prepare(question))


class Qabot(System):
    """qabot's ``TermIndex`` (search) and, for cold start, ``QAEngine.ask`` on the loaded index."""

    name = "qabot"

    def build(self, texts: Sequence[str]) -> None:
        from retrieval.index import TermIndex

        self.index = TermIndex.build(texts)
        self.texts = texts

    def after_build(self) -> dict[str, float]:
        """Lay the passages out for answering (sentence spans), ten passages per document,
        whose sources are packed as a build packs them (``PackedSources``)."""
        from retrieval.engine import QAEngine
        from retrieval.packing import pack
        from retrieval.sources import PackedSources, Source

        started = time.perf_counter()
        sources = PackedSources()
        for i in range((len(self.texts) + 9) // 10):
            sources.append(Source(f"doc{i}", f"Document {i}"))
        collection = pack(sources, np.arange(len(self.texts)) // 10, self.texts)
        self.engine = QAEngine(self.index, collection)
        del self.texts  # the collection holds them now, as a loaded index does
        return {"collection_s": time.perf_counter() - started}

    def save(self, directory: Path) -> None:
        from retrieval import store

        store.save(directory, self.index, self.engine.collection, "benchmark")

    def disk_detail(self, directory: Path) -> dict[str, float]:
        """The snapshot also holds the passage texts and sentence spans (the collection)."""
        from retrieval import store

        files = [f"{k}.npy" for k in store.COLLECTION_ARRAYS]
        size = sum(f.stat().st_size for f in directory.rglob("*") if f.name in files)
        return {"collection_disk_mb": size / 2**20}

    def load(self, directory: Path) -> None:
        from retrieval import snapshot
        from retrieval.engine import QAEngine

        self.index, collection, _, _ = snapshot.load(directory)
        self.engine = QAEngine(self.index, collection)

    def prepare(self, query: str) -> Any:
        from retrieval.analyzer import analyze

        return analyze(query)

    def search(self, prepared: Any) -> Any:
        return self.index.search(prepared, K)

    def answer(self, question: str) -> Any:
        return self.engine.ask(question)

    def answer_exact(self, question: str) -> Any:
        """``engine.ask`` matching exact terms only (``QABOT_SIMILAR_WORDS=false``)."""
        from retrieval.engine import QAEngine

        if not hasattr(self, "exact"):
            self.exact = QAEngine(self.engine.index, self.engine.collection, similar_words=False)
        return self.exact.ask(question)


class Bm25sNumpy(System):
    """bm25s with its default numpy backend (stemmed, English stop words removed)."""

    name = "bm25s-numpy"
    backend = "numpy"

    def build(self, texts: Sequence[str]) -> None:
        import bm25s

        tokens = bm25s.tokenize(list(texts), stopwords="en", stemmer=_stemmer(),
                                show_progress=False)
        self.model = bm25s.BM25(backend=self.backend)
        self.model.index(tokens, show_progress=False)

    def save(self, directory: Path) -> None:
        self.model.save(str(directory), show_progress=False)

    def load(self, directory: Path) -> None:
        import bm25s

        self.model = bm25s.BM25.load(str(directory), mmap=True, show_progress=False,
                                     backend=self.backend)

    def prepare(self, query: str) -> Any:
        import bm25s

        tokens = bm25s.tokenize(query, stopwords="en", stemmer=_stemmer(), return_ids=False,
                                show_progress=False)[0]
        return self.model.get_tokens_ids(tokens)

    def search(self, prepared: Any) -> Any:
        return self.model.retrieve([prepared], k=K, show_progress=False)


class Bm25sNumba(Bm25sNumpy):
    """bm25s with its numba backend (single thread, as for one query)."""

    name = "bm25s-numba"
    backend = "numba"


class LinearKernel(System):
    """scikit-learn's TfidfVectorizer and ``linear_kernel`` against every passage (naive)."""

    name = "sklearn-linear_kernel"

    def build(self, texts: Sequence[str]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.vectorizer = TfidfVectorizer(stop_words="english", dtype=np.float32)
        self.matrix = self.vectorizer.fit_transform(texts)

    def save(self, directory: Path) -> None:
        import scipy.sparse as sp

        directory.mkdir(parents=True, exist_ok=True)
        sp.save_npz(directory / "matrix.npz", self.matrix, compressed=False)
        with open(directory / "vectorizer.pkl", "wb") as f:
            pickle.dump(self.vectorizer, f)

    def load(self, directory: Path) -> None:
        import scipy.sparse as sp

        self.matrix = sp.load_npz(directory / "matrix.npz")
        with open(directory / "vectorizer.pkl", "rb") as f:
            self.vectorizer = pickle.load(f)  # the benchmark's own file

    def search(self, prepared: Any) -> Any:
        from sklearn.metrics.pairwise import linear_kernel

        scores = linear_kernel(self.vectorizer.transform([prepared]), self.matrix).ravel()
        return top_ids(scores)


class RankBm25(System):
    """rank_bm25's BM25Okapi over qabot's analyzer terms (pure Python; small corpora only)."""

    name = "rank_bm25"
    max_size = 100_000

    def build(self, texts: Sequence[str]) -> None:
        from rank_bm25 import BM25Okapi

        from retrieval.analyzer import analyze

        self.model = BM25Okapi([analyze(t) for t in texts])

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        with open(directory / "model.pkl", "wb") as f:
            pickle.dump(self.model, f, protocol=pickle.HIGHEST_PROTOCOL)

    def load(self, directory: Path) -> None:
        with open(directory / "model.pkl", "rb") as f:
            self.model = pickle.load(f)  # the benchmark's own file

    def prepare(self, query: str) -> Any:
        from retrieval.analyzer import analyze

        return analyze(query)

    def search(self, prepared: Any) -> Any:
        return top_ids(self.model.get_scores(prepared))


SYSTEMS: dict[str, type[System]] = {
    s.name: s for s in (Qabot, Bm25sNumpy, Bm25sNumba, LinearKernel, RankBm25)
}


def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")
