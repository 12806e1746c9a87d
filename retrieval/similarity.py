"""Word similarity: lets a question word meet a sentence word of the same meaning.

A reader asks with their own words: "military *help*" for "military *assistance*", "*afraid* of"
for "*fearing*", "*put on ice*" for "*frozen*". Term matching cannot see these; the composer
gives such a question term partial credit when a sentence holds a word whose vector is close to
it (``composer.py``).

The vectors are WordLlama's ``l2_supercat`` token embeddings (32,000 sub-word tokens x 256
dimensions, 16 MB, MIT licence), which the ``wordllama`` wheel ships: nothing is downloaded. Only
its two data files are read (with ``tokenizers`` and ``safetensors``); importing ``wordllama``
itself would cost 0.25 s and reach for the network when its own loader misses a file. A word's
vector is the mean of its sub-word tokens' vectors, normalised; similarity is the cosine.

Measured on the word pairs of the seeds question set: help/assistance 0.65, afraid/fearing 0.73,
help/aid 0.55, ice/frozen 0.47; unrelated pairs stay under 0.2 (pizza/country -0.02,
photo/Putin -0.07). Words split into several tokens come out weaker (backer/supporter 0.08), so
the method misses some synonyms but rarely invents one.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import structlog

log = structlog.get_logger()

MODEL_PACKAGE = "wordllama"
TOKENIZER_FILE = Path("tokenizers") / "l2_supercat_tokenizer_config.json"
WEIGHTS_FILE = Path("weights") / "l2_supercat_256.safetensors"
WEIGHTS_KEY = "embedding.weight"
MODEL_ID = "wordllama l2_supercat 256"  # part of an index's fingerprint: its words' vectors
MAX_TABLE_WORD = 30  # longer "words" (text run together) are left out of a corpus's table


@dataclass(frozen=True, slots=True)
class WordTable:
    """The vectors of a corpus's words, computed when its index is built and saved with it, so
    that answering a question computes none (a new word costs ~8 us; a question over a large
    corpus meets ~50 new ones). Loaded from a saved index, both arrays are memory maps."""

    words: np.ndarray  # sorted, a numpy unicode array
    vectors: np.ndarray  # float16 unit rows, one per word

    def __len__(self) -> int:
        return len(self.words)

    def rows(self, words: list[str]) -> np.ndarray:
        """Each word's row in ``vectors``, or -1 when the table lacks it."""
        if not len(self.words) or not words:
            return np.full(len(words), -1, dtype=np.intp)
        wanted = np.array(words)
        at = np.searchsorted(self.words, wanted)
        at[at == len(self.words)] = 0
        return np.where(self.words[at] == wanted, at, -1)


class WordVectors:
    """Unit vectors for words, kept in one growing table (a word's row is computed once; at
    most ``cache_size`` rows, 50,000 x 256 float32 = 51 MB). The model is held as float32
    (32 MB): summing float16 rows costs 50% more time. Safe to share between threads."""

    def __init__(
        self, embedding: np.ndarray, encode: Callable[[str], list[int]], cache_size: int = 50_000
    ) -> None:
        self._embedding = np.ascontiguousarray(embedding, dtype=np.float32)  # fast sums
        self._encode = encode
        self._cache_size = cache_size
        self.dim = int(embedding.shape[1])
        self._lock = threading.Lock()
        self._rows: dict[str, int] = {}
        self._table = np.zeros((1024, self.dim), dtype=np.float32)

    @classmethod
    def from_files(cls, tokenizer_path: Path, weights_path: Path) -> WordVectors:
        """Load a ``tokenizers`` tokenizer and a safetensors embedding matrix."""
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        embedding = load_file(str(weights_path))[WEIGHTS_KEY]

        def encode(word: str) -> list[int]:
            return tokenizer.encode(word, add_special_tokens=False).ids

        return cls(embedding, encode)

    def vectors(self, words: Iterable[str]) -> np.ndarray:
        """One unit row per word (a zero row for a word with no tokens)."""
        words = list(words)
        with self._lock:
            rows = self._rows
            new = [w for w in dict.fromkeys(words) if w not in rows]
            if len(rows) + len(new) > self._cache_size:  # a crude bound: start over
                rows.clear()
                new = list(dict.fromkeys(words))
            if new:
                self._add(new)
            return self._table[[rows[w] for w in words]]

    def _add(self, words: list[str]) -> None:
        first = len(self._rows)
        if first + len(words) > len(self._table):
            size = max(min(2 * len(self._table), self._cache_size), first + len(words))
            table = np.zeros((size, self.dim), dtype=np.float32)
            table[:first] = self._table[:first]
            self._table = table
        self._table[first : first + len(words)] = self._compute(words)
        for i, word in enumerate(words, first):
            self._rows[word] = i

    def _compute(self, words: list[str]) -> np.ndarray:
        """Unit float32 rows: each word's tokens' mean (zero for a word without tokens)."""
        out = np.zeros((len(words), self.dim), dtype=np.float32)
        ids = [self._encode(w) for w in words]
        lengths = np.fromiter(map(len, ids), dtype=np.intp, count=len(ids))
        has = lengths > 0
        if has.any():
            flat = np.fromiter((t for i in ids for t in i), dtype=np.intp,
                               count=int(lengths.sum()))
            starts = np.zeros(int(has.sum()), dtype=np.intp)
            np.cumsum(lengths[has][:-1], out=starts[1:])
            sums = np.add.reduceat(self._embedding[flat], starts, axis=0)
            norms = np.sqrt(np.einsum("ij,ij->i", sums, sums))[:, None]
            norms[norms == 0] = 1.0
            out[has] = sums / norms
        return out

    def table(self, words: Iterable[str], batch: int = 8192) -> WordTable:
        """A ``WordTable`` for a corpus's words (~8 us a word)."""
        kept = sorted({w for w in words if len(w) <= MAX_TABLE_WORD})
        vectors = np.empty((len(kept), self.dim), dtype=np.float16)
        for lo in range(0, len(kept), batch):
            vectors[lo : lo + batch] = self._compute(kept[lo : lo + batch])
        width = max(map(len, kept), default=1)
        return WordTable(np.array(kept, dtype=f"<U{width}"), vectors)

    def matches(
        self,
        wanted: Mapping[str, str],
        words: Iterable[str],
        min_similarity: float,
        table: WordTable | None = None,
    ) -> dict[str, dict[str, float]]:
        """Which of ``words`` stand in for which ``wanted`` (term -> word): word -> {term: cosine}
        for every pair whose cosine reaches ``min_similarity``. One matrix product for all.
        Words in ``table`` take their vectors from it; others are computed (and cached)."""
        pool = list(dict.fromkeys(words))
        if not wanted or not pool:
            return {}
        terms = list(wanted)
        sims = self._pool(pool, table) @ self.vectors(wanted.values()).T
        out: dict[str, dict[str, float]] = {}
        for row, col in zip(*np.nonzero(sims >= min_similarity), strict=True):
            out.setdefault(pool[row], {})[terms[col]] = float(sims[row, col])
        return out

    def _pool(self, words: list[str], table: WordTable | None) -> np.ndarray:
        if table is None or not len(table):
            return self.vectors(words)
        rows = table.rows(words)
        found = rows >= 0
        out = np.empty((len(words), self.dim), dtype=np.float32)
        out[found] = table.vectors[rows[found]]
        if not found.all():
            out[~found] = self.vectors([w for w, f in zip(words, found, strict=True) if not f])
        return out


def model_version() -> str | None:
    """Which vectors ``bundled`` gives (model and package version), or ``None`` without them."""
    try:
        return f"{MODEL_ID} {importlib.metadata.version(MODEL_PACKAGE)}"
    except importlib.metadata.PackageNotFoundError:
        return None


_lock = threading.Lock()
_bundled: list[WordVectors | None] = []


def bundled() -> WordVectors | None:
    """The vectors shipped in the ``wordllama`` package, loaded once per process; ``None`` (with
    a warning) when the package or its files are missing or unreadable."""
    with _lock:
        if not _bundled:
            _bundled.append(_load_bundled())
        return _bundled[0]


def _load_bundled() -> WordVectors | None:
    try:
        spec = importlib.util.find_spec(MODEL_PACKAGE)  # finds the files, runs none of its code
        if spec is None or not spec.submodule_search_locations:
            raise FileNotFoundError(f"the {MODEL_PACKAGE} package is not installed")
        root = Path(next(iter(spec.submodule_search_locations)))
        return WordVectors.from_files(root / TOKENIZER_FILE, root / WEIGHTS_FILE)
    except Exception as exc:  # any failure here only costs the synonym matching
        log.warning("word_vectors_unavailable", reason=str(exc),
                    effect="questions are matched on their exact terms only")
        return None
