"""Compound words: a term split into terms of the corpus, in languages that write compounds as
one word (German "Bevölkerungsgröße" = "Bevölkerung" + s + "Größe"), so that a compound meets
its parts and a question's compound meets a text that says it in parts or in another compound
("Schmalspurbahnen" / "Schmalspurschienen", "Regenwaldanteil" / "Anteil").

**Method** (Koehn & Knight 2003, *Empirical methods for compound splitting*, the frequency
method): a term ``c`` may be split into 2 to ``MAX_PARTS`` parts of ``MIN_PART`` letters or
more, each a term of the corpus, joined directly or by a linking element of the language
(German -s-, -es-, -n-, -en-, -e-, -er-, -ens-); among those splits and ``c`` itself, the one
with the largest geometric mean of document frequencies wins::

    split(c) = argmax over S of (prod over parts p of S of df(p)) ** (1 / |S|)

so an established compound more common than its parts ("Eisenbahn") stays whole, and a rare
one is read as its parts. The frequencies are the corpus's own: no word list, nothing learned.

Terms are stems (``analyzer.py``), so a part is checked as a stem: a non-final part is a term,
or a word whose term is one ("bevolkerung" -> "bevolker"); the last part is a term or a word
whose term is one, or a term a few letters longer that the whole would have stemmed to ``c``
("schmalspurschienen" stems to "schmalspurschi", "schienen" to "schien": a long word's stem
may lose more of its last part than the part's own stem does).

**Languages** (``LINKS``): those that write compounds solid and productively: German,
Luxembourgish, Dutch, Afrikaans, Swedish, Danish, Norwegian, Icelandic (Germanic: a head
noun with modifiers before it, joined by a few linking elements) and Finnish, Estonian,
Hungarian (Finno-Ugric: solid compounds of nominative or genitive stems). English and the
Romance and Slavic languages compound with spaces or hyphens, or rarely: they are left alone
(an English corpus does no extra work at all).

**Where it applies**:

* the index (``additions``, ``expand``): after counting, each passage of such a language counts
  a compound's occurrences for its parts too (a sparse product ``counts @ parts``, so counting
  in worker processes is untouched). The split is made against that language's terms and
  their document frequencies in the counts themselves, so an incremental build (which keeps
  the counts before this step, ``indexing.py``) and a full one make the same index;
* the question (``Splitter`` over the index's vocabulary, ``query.py``): a compound keeps its
  weight, and its parts are sought too;
* the sentences the composer ranks (``ranking.py``): one holding all of a question compound's
  parts holds the compound. (Adding every sentence compound's parts to its terms did worse on
  XQuAD's German tune half: parts met unrelated questions.)
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from .analyzer import analyzer

if TYPE_CHECKING:  # imported where used: a counting worker imports this module, not scipy
    import scipy.sparse as sp

# linking elements by language (the empty link is always allowed)
_GERMAN_LINKS = ("s", "es", "n", "en", "e", "er", "ens", "ns")
LINKS: dict[str, tuple[str, ...]] = {
    "de": _GERMAN_LINKS, "lb": _GERMAN_LINKS,
    "nl": ("s", "e", "en"), "af": ("s", "e"),
    "sv": ("s", "a", "u", "o", "e"), "da": ("s", "e"), "no": ("s", "e"), "nb": ("s", "e"),
    "nn": ("s", "e", "a"), "is": ("s", "a", "u", "ar"),
    "fi": (), "et": (), "hu": (),
}
MIN_PART = 4  # letters of a part (of its stem)
MAX_PARTS = 4
PIECES_CACHED = 100_000
_LONGER_BY = 2  # a last part's term may be this many letters longer than the stem shows


def compounding(code: str | None) -> bool:
    """Whether language ``code`` writes compounds as one word (and qabot splits them)."""
    return code in LINKS


class Splitter:
    """Splits terms of one language against a vocabulary: ``terms`` (sorted) and their
    document frequencies (``frequency``: 0 for a term the corpus lacks). Splits are
    remembered."""

    def __init__(self, code: str, terms: Sequence[str], frequency: Callable[[str], int]) -> None:
        self.code = code
        self.links = LINKS.get(code, ())
        self.terms = terms  # sorted: the terms a last part may be the start of
        self.frequency = frequency
        # the stems of candidate parts: a cache of the splitter's own, so that the substrings
        # it tries do not crowd the analyzer's cache of the corpus's words
        self.term = lru_cache(maxsize=PIECES_CACHED)(analyzer(code).stem_term)
        self._known: dict[str, tuple[str, ...]] = {}

    def parts(self, term: str) -> tuple[str, ...]:
        """The terms ``term`` splits into, or ``()`` when it stays whole."""
        found = self._known.get(term)
        if found is None:
            found = self._known[term] = self._split(term) if len(term) >= 2 * MIN_PART else ()
        return found

    def _split(self, c: str) -> tuple[str, ...]:
        whole = self.frequency(c)
        best: tuple[str, ...] = ()
        best_score = math.log(whole) if whole > 0 else -math.inf
        memo: dict[tuple[int, int], list[tuple[str, ...]]] = {}
        for split in self._splits(c, 0, MAX_PARTS, memo):
            freqs = [self.frequency(p) for p in split]
            score = sum(map(math.log, freqs)) / len(freqs)
            if score > best_score + 1e-12:
                best, best_score = split, score
        return best

    def _splits(self, c: str, start: int, room: int,
                memo: dict[tuple[int, int], list[tuple[str, ...]]]) -> list[tuple[str, ...]]:
        """Every way to read ``c[start:]`` as at most ``room`` parts (one part only after a
        first one: a term is not a split of itself)."""
        key = (start, room)
        if key in memo:
            return memo[key]
        out: list[tuple[str, ...]] = []
        if start > 0:
            last = self._last(c, start)
            if last is not None:
                out.append((last,))
        if room > 1:
            for j in range(start + MIN_PART, len(c) - MIN_PART + 1):
                head = self._head(c[start:j])
                if head is None:
                    continue
                for link in ("", *self.links):
                    k = j + len(link)
                    if (link and not c.startswith(link, j)) or len(c) - k < MIN_PART:
                        continue
                    out.extend((head, *rest) for rest in self._splits(c, k, room - 1, memo))
        memo[key] = out
        return out

    def _head(self, piece: str) -> str | None:
        """The term of a part before the last: ``piece`` itself, or its term."""
        if self.frequency(piece) > 0:
            return piece
        t = self.term(piece)
        return t if t is not None and len(t) >= MIN_PART and self.frequency(t) > 0 else None

    def _last(self, c: str, start: int) -> str | None:
        """The term of ``c``'s last part, from ``start``."""
        piece = c[start:]
        found = self._head(piece)
        if found is not None:
            return found
        # a term a few letters longer, when the whole would stem to ``c`` with it
        # ("schmalspur" + "schien" -> "schmalspurschi")
        i = bisect_left(self.terms, piece)
        best, best_df = None, 0
        while i < len(self.terms) and self.terms[i].startswith(piece):
            t = self.terms[i]
            i += 1
            if len(t) - len(piece) > _LONGER_BY:
                continue
            df = self.frequency(t)
            if df > best_df and self.term(c[:start] + t) == c:
                best, best_df = t, df
        return best


def index_splitter(code: str, vocabulary: Mapping[str, int], df: np.ndarray) -> Splitter:
    """A splitter of language ``code`` over an index's vocabulary (sorted, term -> column) and
    document frequencies."""
    def frequency(term: str) -> int:
        t = vocabulary.get(term)
        return 0 if t is None else int(df[t])

    return Splitter(code, list(vocabulary), frequency)


def expansion(code: str, terms: Sequence[str], df: np.ndarray) -> sp.csr_matrix | None:
    """The terms x terms 0/1 matrix that maps each term of language ``code`` (``df``: its
    document frequency in that language's passages; 0: not in them) to the parts it splits
    into; ``None`` when none splits."""
    import scipy.sparse as sp

    present = np.flatnonzero(df > 0)
    words = [terms[i] for i in present.tolist()]
    freq = dict(zip(words, df[present].tolist(), strict=True))
    at = {t: i for t, i in zip(words, present.tolist(), strict=True)}
    splitter = Splitter(code, sorted(words), lambda t: freq.get(t, 0))
    rows: list[int] = []
    cols: list[int] = []
    for word, i in at.items():
        if len(word) < 2 * MIN_PART:
            continue
        for part in dict.fromkeys(splitter.parts(word)):
            rows.append(i)
            cols.append(at[part])
    if not rows:
        return None
    return sp.csr_matrix((np.ones(len(rows), dtype=np.int64), (rows, cols)),
                         shape=(len(terms), len(terms)))


def languages_of(langs: np.ndarray | Sequence[str] | None) -> list[str]:
    """The compounding languages among passage languages ``langs`` (``Collection.passage_lang``
    or codes; ``None``: all English)."""
    if langs is None or len(langs) == 0:
        return []
    given = np.asarray(langs)
    if given.dtype.kind == "S" and not (given != b"").any():
        return []  # all English: nothing more to look at
    codes = {c.decode() if isinstance(c, bytes) else str(c) for c in np.unique(given)}
    return sorted(c for c in codes if compounding(c))


def additions(counts: sp.csr_matrix, terms: Sequence[str],
              langs: np.ndarray | Sequence[str] | None) -> sp.csr_matrix | None:
    """What a passage's compounds add to its parts' counts (passages x terms, like
    ``counts``): for each passage in a compounding language, each compound's count on each of
    its parts; ``None`` when nothing is added (always, for a corpus with no such language)."""
    import scipy.sparse as sp

    found = languages_of(langs)
    if not found:
        return None
    codes = np.asarray(langs)
    counts = counts.tocsr()
    sizes = np.diff(counts.indptr)
    added: sp.csr_matrix | None = None
    for code in found:
        rows = codes == (code.encode() if codes.dtype.kind == "S" else code)
        keep = np.repeat(rows, sizes)  # the postings of its passages (the others' rows empty)
        mine = sp.csr_matrix((counts.data[keep], counts.indices[keep],
                              np.concatenate([[0], np.cumsum(np.where(rows, sizes, 0))])),
                             shape=counts.shape)
        df = np.bincount(mine.indices, minlength=len(terms))
        parts = expansion(code, terms, df)
        if parts is None:
            continue
        more = (mine @ parts).tocsr()
        added = more if added is None else (added + more).tocsr()
    return added


def expand(counts: sp.csr_matrix, terms: Sequence[str],
           langs: np.ndarray | Sequence[str] | None) -> sp.csr_matrix:
    """``counts`` with each compound's count in a compounding language's passage added to its
    parts' (``additions``); ``counts`` itself when nothing is added."""
    more = additions(counts, terms, langs)
    return counts if more is None else plus(counts, more)


def plus(counts: sp.csr_matrix, more: sp.csr_matrix) -> sp.csr_matrix:
    """``counts + more`` (``additions``), its indices sorted, in ``counts``' type."""
    out = (counts.astype(np.int64) + more).tocsr()
    out.sort_indices()
    return out.astype(counts.dtype)


__all__ = ["LINKS", "MAX_PARTS", "MIN_PART", "Splitter", "additions", "compounding", "expand",
           "expansion", "index_splitter", "languages_of", "plus"]
