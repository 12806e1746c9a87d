"""The cleaned corpus as qabot answers from it: documents, passages and their sentences.

Passage texts live in one UTF-8 buffer with offsets, and sentence spans in flat arrays, so a saved
collection memory-maps and a passage costs nothing until it is read.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, fields
from typing import overload

import numpy as np

from .clean import explain, is_prose, repeated_lines
from .corpus import Document, titled
from .segment import group_passages, sentence_spans

# A sentence shorter than this many words is kept for context but never quoted on its own.
MIN_QUOTE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Source:
    """What a citation says about a document."""

    id: str
    title: str
    url: str | None = None
    publisher: str | None = None
    published: str | None = None


class SourceTable(Sequence[Source]):
    """Sources kept by column, as saved: a ``Source`` is made only when one is read, so opening a
    corpus of 100,000 documents does not build 100,000 objects."""

    FIELDS = tuple(f.name for f in fields(Source))

    def __init__(self, columns: dict[str, list[str | None]]) -> None:
        self.columns = columns
        self._n = len(columns["id"])

    @classmethod
    def of(cls, sources: Iterable[Source]) -> SourceTable:
        rows = [astuple(s) for s in sources]
        return cls({name: [r[i] for r in rows] for i, name in enumerate(cls.FIELDS)})

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> Source: ...
    @overload
    def __getitem__(self, i: slice) -> list[Source]: ...
    def __getitem__(self, i: int | slice) -> Source | list[Source]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        if not -self._n <= i < self._n:
            raise IndexError(f"no source {i}")
        return Source(*(self.columns[name][i] for name in self.FIELDS))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a passage: its text and where it sits."""

    passage: int
    number: int  # position within the passage
    text: str
    quotable: bool


@dataclass(frozen=True, slots=True)
class Collection:
    """Documents, their passages (text + document), and each passage's sentence spans."""

    sources: Sequence[Source]
    passage_doc: np.ndarray  # int32: passage -> index into ``sources``
    text_offsets: np.ndarray  # int64, n_passages + 1, byte offsets into ``text_blob``
    text_blob: np.ndarray  # uint8: every passage's UTF-8 text, back to back
    sent_indptr: np.ndarray  # int64, n_passages + 1: sentences of p are [sent_indptr[p], ...)
    sent_bounds: np.ndarray  # int32 (n_sentences, 2): character span within the passage

    @property
    def n_passages(self) -> int:
        return len(self.passage_doc)

    def passage_text(self, p: int) -> str:
        lo, hi = int(self.text_offsets[p]), int(self.text_offsets[p + 1])
        return bytes(self.text_blob[lo:hi]).decode("utf-8")

    def source_of(self, p: int) -> Source:
        return self.sources[int(self.passage_doc[p])]

    def sentences(self, p: int) -> list[Sentence]:
        text = self.passage_text(p)
        lo, hi = int(self.sent_indptr[p]), int(self.sent_indptr[p + 1])
        out = []
        for i, (a, b) in enumerate(self.sent_bounds[lo:hi]):
            s = text[int(a) : int(b)]
            out.append(Sentence(p, i, s, len(s.split()) >= MIN_QUOTE_WORDS and is_prose(s)))
        return out

    def passages_of(self, doc_index: int) -> list[int]:
        return [int(p) for p in np.flatnonzero(self.passage_doc == doc_index)]


# The version of what loading, cleaning and segmenting make of a corpus: part of a saved index's
# fingerprint, so an index built by an older qabot is rebuilt. Bump it whenever they change what
# is indexed. 2: HTML pages read as text, UTF-16 text, flattened pages judged in pieces, front
# matters read as metadata.
TEXT_VERSION = 2


def build_collection(docs: Sequence[Document]) -> tuple[Collection, list[str]]:
    """Clean, title and segment ``docs``; returns the collection and the passage texts.

    Documents with no prose left after cleaning are left out (the caller warns about them).
    """
    repeated = repeated_lines(d.text for d in docs) if len(docs) >= 3 else set()
    sources: list[Source] = []
    passage_doc: list[int] = []
    texts: list[str] = []
    for doc in docs:
        decisions = explain(doc.text, repeated)
        kept = [d.text for d in decisions if d.keep]
        if not kept:
            continue
        doc = titled(doc, decisions)
        sources.append(Source(doc.id, doc.title, doc.url, doc.publisher, doc.published))
        for passage in group_passages(kept):
            passage_doc.append(len(sources) - 1)
            texts.append(passage)
    return pack(sources, passage_doc, texts), texts


def pack(
    sources: Sequence[Source], passage_doc: Sequence[int] | np.ndarray, texts: Sequence[str]
) -> Collection:
    """Lay out passages and their sentence spans in flat arrays."""
    # ASCII text has as many bytes as characters: only other texts are encoded to be measured.
    sizes = np.fromiter((len(t) if t.isascii() else len(t.encode("utf-8")) for t in texts),
                        dtype=np.int64, count=len(texts))
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    sent_indptr = np.zeros(len(texts) + 1, dtype=np.int64)
    bounds = array("i")  # start, end, start, end, ... (8 bytes a sentence, not a tuple)
    for i, t in enumerate(texts):
        for para_start, para in _lines(t):
            for s in sentence_spans(para):
                bounds.extend((para_start + s.start, para_start + s.end))
        sent_indptr[i + 1] = len(bounds) // 2
    return Collection(
        sources=sources,
        passage_doc=np.asarray(passage_doc, dtype=np.int32),
        text_offsets=offsets,
        text_blob=_blob(texts, offsets),
        sent_indptr=sent_indptr,
        sent_bounds=np.frombuffer(bounds, dtype=np.int32).reshape(-1, 2),  # a view, no copy
    )


def _blob(texts: Sequence[str], offsets: np.ndarray) -> np.ndarray:
    """The texts' UTF-8 bytes back to back, written in place (no joined copy of the corpus)."""
    blob = np.empty(int(offsets[-1]), dtype=np.uint8)
    view = blob.data  # a memoryview of the array's bytes
    for t, lo, hi in zip(texts, offsets[:-1].tolist(), offsets[1:].tolist(), strict=True):
        view[lo:hi] = t.encode("utf-8")
    return blob


def _lines(text: str) -> list[tuple[int, str]]:
    """The paragraphs of a passage (joined by newlines) with their start offsets."""
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, line))
        start += len(line) + 1
    return out
