"""Paragraphs repeated across a corpus's documents (a site's footer on every page of a book):
counted by 64-bit keys of their normalised text, so a build can count them without holding the
texts, and keep the counts of an earlier build (``indexing``).

    keys = repeated_keys(np.concatenate([line_keys(p) for p in parsed]), len(parsed))
    sieve(parsed[0], RepeatedLines(keys))    # "repeated across documents" paragraphs dropped
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence

import numpy as np

from .blocks import Parsed
from .clean import normalised
from .sieve import judged_paragraphs


def repeated_in(parsed: Sequence[Parsed]) -> np.ndarray:
    """The keys of the paragraphs repeated across these documents (``repeated_keys``)."""
    keys = [line_keys(p) for p in parsed]
    return repeated_keys(np.concatenate(keys) if keys else np.zeros(0, np.uint64), len(keys))


@functools.lru_cache(maxsize=1024)
def line_key(line: str) -> int:
    """A normalised paragraph's 64-bit key (``RepeatedLines`` counts and looks up keys).
    Remembered for the last paragraphs: a document given in memory has its paragraphs' keys
    taken (``line_keys``) and then asked about by its sieve (``RepeatedLines``), each
    paragraph normalised once (``clean.normalised`` remembers it: the same string)."""
    return int.from_bytes(hashlib.blake2b(line.encode(), digest_size=8).digest(), "little")


def line_keys(parsed: Parsed) -> np.ndarray:
    """The keys of a document's distinct normalised paragraphs, as ``clean.repeated_lines``
    counts them across documents (sorted uint64)."""
    return np.array(line_key_list(parsed), dtype=np.uint64)


def line_key_list(parsed: Parsed) -> list[int]:
    """``line_keys`` as a sorted list: a chunk of documents' lists make one array, where an
    array a document cost more than the keys."""
    lines = {normalised(p) for p in judged_paragraphs(parsed)} - {""}
    # a document has few: sorted as Python ints (the same order), not by ``np.unique``,
    # whose calls cost more than the sorting for a handful of keys
    return sorted(map(line_key, lines))


def repeated_keys(keys: np.ndarray, n: int, min_docs: int = 3,
                  share: float = 0.2) -> np.ndarray:
    """The keys found in at least ``max(min_docs, share * n)`` of ``n`` documents (``keys``:
    each document's distinct keys, back to back; none when there are fewer than three
    documents): ``clean.repeated_lines`` over keys (sorted uint64)."""
    if n < 3 or not len(keys):
        return np.zeros(0, dtype=np.uint64)
    unique, counts = np.unique(keys, return_counts=True)
    return unique[counts >= max(min_docs, int(share * n + 0.999))]


class RepeatedLines:
    """The repeated paragraphs as the sieve asks about them (``line in repeated``), by key;
    it remembers the keys asked about (``asked``), which say whether a document would be
    sieved the same against another corpus's repeated paragraphs. (Always true, even with no
    keys, so that every question is asked and remembered.)"""

    def __init__(self, keys: np.ndarray) -> None:
        self.keys = frozenset(keys.tolist())
        self.asked: list[int] = []

    def __contains__(self, line: object) -> bool:
        key = line_key(str(line))
        self.asked.append(key)
        return key in self.keys

    def take_asked(self) -> np.ndarray:
        """The distinct keys asked about since last taken, sorted (uint64)."""
        return np.array(self.take_asked_list(), dtype=np.uint64)

    def take_asked_list(self) -> list[int]:
        """``take_asked`` as a sorted list (``line_key_list`` says why)."""
        asked, self.asked = self.asked, []
        return sorted(set(asked))
