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

import bisect
import importlib.util
import itertools
import json
import mmap
import threading
import zlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import numpy as np
import structlog
from scipy import sparse

from .heap import release_freed_memory

log = structlog.get_logger()

MODEL_PACKAGE = "wordllama"
TOKENIZER_FILE = Path("tokenizers") / "l2_supercat_tokenizer_config.json"
WEIGHTS_FILE = Path("weights") / "l2_supercat_256.safetensors"
WEIGHTS_KEY = "embedding.weight"
_ENCODE_BATCH = 64  # words tokenised in one call


class WordVectors:
    """Unit vectors for words, kept in one table (a word's row is computed once; at most
    ``cache_size`` rows, kept as float16: 50,000 x 256 x 2 bytes = 26 MB, taken from the
    operating system page by page as rows are written, ``_lazy_zeros``). The model is held as
    float32 (32 MB): summing float16 rows costs 50% more time. Safe to share between threads."""

    def __init__(
        self,
        embedding: np.ndarray,
        encode: Callable[[list[str]], list[list[int]]],
        cache_size: int = 50_000,
    ) -> None:
        """``encode``: words -> each word's token ids."""
        self._embedding = np.ascontiguousarray(embedding, dtype=np.float32)  # fast sums
        self._encode = encode
        self._cache_size = cache_size
        self.dim = int(embedding.shape[1])
        self._lock = threading.Lock()
        self._rows: dict[str, int] = {}
        self._table = _lazy_zeros(cache_size, self.dim)

    @classmethod
    def from_files(cls, tokenizer_path: Path, weights_path: Path) -> WordVectors:
        """Load a ``tokenizers`` tokenizer and a safetensors embedding matrix."""
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        embedding = float32_matrix(weights_path, WEIGHTS_KEY)

        def encode(words: list[str]) -> list[list[int]]:
            # A few dozen words in one call, each token given to the word its span ends in:
            # half the cost of a call per word, and the same tokens (tests/test_similarity.py).
            out: list[list[int]] = []
            for at in range(0, len(words), _ENCODE_BATCH):
                batch = words[at : at + _ENCODE_BATCH]
                ends = list(itertools.accumulate(len(w) + 1 for w in batch))  # past each word
                ids: list[list[int]] = [[] for _ in batch]
                encoding = tokenizer.encode(" ".join(batch), add_special_tokens=False)
                for token, (_, end) in zip(encoding.ids, encoding.offsets, strict=True):
                    ids[min(bisect.bisect_left(ends, end + 1), len(batch) - 1)].append(token)
                out += ids
            return out

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
            return self._table[[rows[w] for w in words]].astype(np.float32)

    def _add(self, words: list[str]) -> None:
        first = len(self._rows)
        if first + len(words) > len(self._table):  # one call with more words than it caches
            table = _lazy_zeros(first + len(words), self.dim)
            table[:first] = self._table[:first]
            self._table = table
        self._table[first : first + len(words)] = self._unit_rows(words)
        for i, word in enumerate(words, first):
            self._rows[word] = i

    def _unit_rows(self, words: list[str]) -> np.ndarray:
        ids = self._encode(words)
        indptr = np.zeros(len(ids) + 1, dtype=np.intp)
        np.cumsum(np.fromiter(map(len, ids), dtype=np.intp, count=len(ids)), out=indptr[1:])
        flat = np.fromiter((t for i in ids for t in i), dtype=np.intp, count=int(indptr[-1]))
        # each word's row: the sum of its tokens' rows (a 0/1 sparse matrix times the model; 3-8
        # times faster than np.add.reduceat), normalised; a word without tokens keeps a zero row
        counts = sparse.csr_matrix((np.ones(len(flat), dtype=np.float32), flat, indptr),
                                   shape=(len(ids), len(self._embedding)))
        sums = np.asarray(counts @ self._embedding)
        return _normalised(sums)

    def matches(
        self, wanted: Mapping[str, str], words: Iterable[str], min_similarity: float
    ) -> dict[str, dict[str, float]]:
        """Which of ``words`` stand in for which ``wanted`` (term -> word): word -> {term: cosine}
        for every pair whose cosine reaches ``min_similarity``. One matrix product for all."""
        return self.compare(wanted, [list(words)], min_similarity)[0]

    def compare(
        self, wanted: Mapping[str, str], sentences: list[list[str]], min_similarity: float
    ) -> tuple[dict[str, dict[str, float]], np.ndarray]:
        """``matches`` over the words of all ``sentences``, and (sentences, wanted) the best
        cosine of each wanted word with a word of each sentence, at least 0 (0 for a sentence
        without words): both from one matrix product."""
        terms = list(wanted)
        best = np.zeros((len(sentences), len(terms)))
        pool = list(dict.fromkeys(w for words in sentences for w in words))
        if not terms or not pool:
            return {}, best
        sims = self.vectors(pool) @ self.vectors(wanted.values()).T  # (pool, wanted)
        out: dict[str, dict[str, float]] = {}
        for row, col in zip(*np.nonzero(sims >= min_similarity), strict=True):
            out.setdefault(pool[row], {})[terms[col]] = float(sims[row, col])
        where = {w: i for i, w in enumerate(pool)}
        for k, words in enumerate(sentences):
            if words:
                best[k] = sims[[where[w] for w in words]].max(axis=0)
        return out, np.clip(best, 0.0, 1.0)


# safetensors' names of the types read here block by block (little-endian, as the format is)
_SAFETENSORS_TYPES: dict[str, np.dtype[np.floating]] = {"F16": np.dtype("<f2"),
                                                         "F32": np.dtype("<f4")}
_ROWS_READ = 4096  # rows converted at a time


def float32_matrix(path: Path, key: str) -> np.ndarray:
    """The 2-D tensor ``key`` of the safetensors file ``path``, as float32 (the same values:
    float16 converts exactly), read into its float32 array a block of rows at a time. Read
    whole (``safetensors.numpy.load_file``, then converted) it held the file's bytes, its
    float16 matrix and the float32 one at once: 25 MB more than the model at its peak, at a
    process's first question. The file is a little-endian u64 ``n``, an ``n``-byte JSON
    header naming each tensor's type, shape and byte range after the header, then the data;
    another type than float16 or float32 is read by ``safetensors``."""
    with open(path, "rb") as f:
        n = int.from_bytes(f.read(8), "little")
        entry = json.loads(f.read(n))[key]
        dtype = _SAFETENSORS_TYPES.get(entry["dtype"])
        rows, dim = (int(x) for x in entry["shape"])  # ValueError unless 2-D
        begin, end = (int(x) for x in entry["data_offsets"])
        if dtype is None:
            from safetensors.numpy import load_file

            return np.ascontiguousarray(load_file(str(path))[key], dtype=np.float32)
        if end - begin != rows * dim * dtype.itemsize or min(rows, dim, begin) < 0:
            raise ValueError(f"tensor {key!r} of {str(path)!r}: its byte range is not its shape")
        out = np.empty((rows, dim), dtype=np.float32)
        block = np.empty((min(rows, _ROWS_READ), dim), dtype=dtype)
        f.seek(8 + n + begin)
        for lo in range(0, rows, _ROWS_READ):
            part = block[: min(rows - lo, _ROWS_READ)]
            if f.readinto(part.data.cast("B")) != part.nbytes:
                raise ValueError(f"tensor {key!r} of {str(path)!r} is cut short")
            out[lo : lo + len(part)] = part
    return out


def _lazy_zeros(rows: int, dim: int) -> np.ndarray:
    """A float16 table of zeros in an anonymous memory map, whose pages the operating system
    provides only as they are first written: the row cache is made at its full size once and
    never grown by copying (growing it from 1,024 rows by doubling held the old and the new
    table at once, up to 16 + 24 MB at a million passages' questions, and left the old ones
    freed inside the heap)."""
    size = rows * dim * np.dtype(np.float16).itemsize
    buffer = mmap.mmap(-1, max(size, 1))
    return np.frombuffer(buffer, dtype=np.float16, count=rows * dim).reshape(rows, dim)


def _normalised(rows: np.ndarray) -> np.ndarray:
    norms = np.sqrt(np.einsum("ij,ij->i", rows, rows))[:, None]
    norms[norms == 0] = 1.0
    return rows / norms


class WordForms(WordVectors):
    """Words of like *form*, for questions in languages the vectors do not cover: the cosine of
    two words' character trigrams (of the word with its ends marked, hashed into ``dim``
    columns), so that inflected and compound forms the stemmer leaves apart meet
    ("Warschaus" ~ "Warschau" 0.8, "protestantisch" ~ "Protestanten" 0.6, "Sommertheater" ~
    "Theater" 0.6) while unrelated words stay near 0. A pair counts from ``floor`` up."""

    def __init__(self, dim: int = 1024, floor: float = 0.5, cache_size: int = 50_000) -> None:
        super().__init__(np.zeros((0, dim), dtype=np.float32), lambda words: [], cache_size)
        self.floor = floor

    def _unit_rows(self, words: list[str]) -> np.ndarray:
        rows, cols = [], []
        for i, word in enumerate(words):
            marked = f"<{word}>"
            for k in range(len(marked) - 2):
                rows.append(i)
                cols.append(zlib.crc32(marked[k : k + 3].encode()) % self.dim)
        counts = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                                   shape=(len(words), self.dim)).toarray()
        return _normalised(counts)

    def compare(
        self, wanted: Mapping[str, str], sentences: list[list[str]], min_similarity: float
    ) -> tuple[dict[str, dict[str, float]], np.ndarray]:
        return super().compare(wanted, sentences, max(min_similarity, self.floor))


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
        vectors = WordVectors.from_files(root / TOKENIZER_FILE, root / WEIGHTS_FILE)
        release_freed_memory()  # what reading the tokenizer and the model freed
        return vectors
    except Exception as exc:  # any failure here only costs the synonym matching
        log.warning("word_vectors_unavailable", reason=str(exc),
                    effect="questions are matched on their exact terms only")
        return None
