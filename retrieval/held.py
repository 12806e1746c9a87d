"""The documents a build's process holds between reading and laying them out, in the building
process or in a worker of ``workers.Pool`` (which calls these functions by their names,
``READ`` ...): read files (``read_chunk``) and keep them, then lay them out with the corpus's
repeated paragraphs (``set_repeated``, ``lay_out_chunk``); documents given in memory are held by
the caller and sent instead, once, laid out against a guess of the corpus's repeated
paragraphs and sent back with their paragraph keys (``lay_out_keyed``), and again for those the
guess got wrong (``lay_out_given``). A chunk comes back packed (``layout.Packer``), not as a
``Laid`` a document, but for those laid out again.
What a worker logs meanwhile comes back with its results, for the parent to log in its own
format (``relog``).

    out, logs = read_chunk((root, [(rel, doc_id), ...]))   # paragraph keys, or Skipped
    set_repeated((repeated_keys, language))
    chunk, logs = lay_out_chunk([rel, ...])                # PackedChunk: packed, asked keys
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import structlog
import structlog.testing

from . import workers
from .corpus import Document, Skipped, read_document
from .ingest.repeated import RepeatedLines, line_key_list, line_keys
from .layout import Laid, Packer, lay_out, parsed_of

log = structlog.get_logger()

Log = MutableMapping[str, Any]  # one event that a worker logged
_HELD: dict[str, list[Document]] = {}  # each file's documents this process read, until laid out
# the repeated paragraphs this process lays documents out with, and the corpus's language if set
_SIEVE: list[tuple[RepeatedLines, str | None]] = []


def read_chunk(payload: tuple[str, list[tuple[str, str]]]) -> tuple[list[Skipped | np.ndarray],
                                                                    list[Log]]:
    """Read files (``(path in the corpus, id)``) and hold their documents for
    ``lay_out_chunk``; each file's paragraph keys (its documents', back to back), or why it
    was skipped; and what was logged (``_logged``)."""
    root, items = payload
    out: list[Skipped | np.ndarray] = []
    with _logged() as logs:
        for rel, doc_id in items:
            read = read_document(Path(root) / rel, doc_id, Path(root))
            if isinstance(read, Skipped):
                out.append(read)
            else:
                _HELD[rel] = read
                out.append(file_line_keys(read))
    return out, logs


def set_repeated(payload: tuple[np.ndarray, str | None]) -> None:
    repeated, language = payload
    _SIEVE[:] = [(RepeatedLines(repeated), language)]


@dataclass(frozen=True, slots=True)
class PackedChunk:
    """A chunk of files ``read_chunk`` read, laid out and packed (``lay_out_chunk``): their
    documents' passages (``packed``; ``quoted``: how many of each file's documents have
    passages there) and, back to back with each file's count, the keys its sieve asked about
    (sorted uint64 each)."""

    packed: Packer
    quoted: np.ndarray  # int64, a file each
    asked: np.ndarray
    n_asked: np.ndarray  # int64, a document each


def lay_out_chunk(rels: list[str]) -> tuple[PackedChunk, list[Log]]:
    """Lay out documents ``read_chunk`` read here (with ``set_repeated``'s paragraphs), in the
    order given (consecutive documents of the corpus), packed here: the building process
    appends the chunk (``layout.Packer.extend``), where it unpickled and packed a ``Laid`` of
    Python objects a document."""
    with _logged() as logs:
        packer, quoted, _, asked = _packed((_HELD.pop(rel) for rel in rels), keyed=False)
    return PackedChunk(packer, quoted.astype(np.int64), *_back_to_back(asked)), logs


def lay_out_given(docs: list[Document]) -> tuple[list[tuple[Laid | None, np.ndarray]],
                                                  list[Log]]:
    """Lay out documents given in memory (with ``set_repeated``'s paragraphs): each one's
    passages (``None``: nothing quotable) and the keys its sieve asked about."""
    return _laid_out(docs)


@dataclass(frozen=True, slots=True)
class KeyedChunk:
    """A chunk of documents laid out (``lay_out_keyed``): their passages packed (``packed``,
    the documents with nothing quotable left out; ``quoted``: whether each document has
    passages there), their paragraph keys (``line_keys``) back to back (counted across the
    corpus, never a document's alone) and, back to back with each document's count, the keys
    its sieve asked about (sorted uint64 each)."""

    packed: Packer
    quoted: np.ndarray  # bool, a document each
    keys: np.ndarray
    asked: np.ndarray
    n_asked: np.ndarray


def lay_out_keyed(docs: list[Document]) -> tuple[KeyedChunk, list[Log]]:
    """``lay_out_given``, with each document's paragraph keys, packed here: documents given in
    memory are read once, not once for their keys and again to be laid out. They are sieved
    against the paragraphs ``set_repeated`` gave, a guess when the corpus's are not known yet:
    a document whose sieve asked about a paragraph the guess got wrong is laid out again
    (``parallel``)."""
    with _logged() as logs:
        packer, quoted, keys, asked = _packed(([d] for d in docs), keyed=True)
    return KeyedChunk(packer, quoted > 0, _back_to_back(keys)[0], *_back_to_back(asked)), logs


def _packed(files: Iterable[list[Document]], keyed: bool
            ) -> tuple[Packer, np.ndarray, list[list[int]], list[list[int]]]:
    """Each file's documents (``files``) laid out (with ``set_repeated``'s paragraphs) and
    packed here: the packer, how many of each file's documents have passages, each file's
    paragraph keys (with ``keyed``; else none) and the keys its sieve asked about (sorted
    lists)."""
    sieve_with, language = _SIEVE[0]
    packer = Packer(tell=False)
    quoted: list[int] = []
    keys: list[list[int]] = []
    asked: list[list[int]] = []
    for docs in files:
        laid = 0
        for doc in docs:
            parsed = parsed_of(doc)
            if keyed:
                keys.append(line_key_list(parsed))
            one = lay_out(doc, parsed, sieve_with, language)
            packer.add(one)
            laid += one is not None
        quoted.append(laid)
        asked.append(sieve_with.take_asked_list())
    return packer, np.array(quoted, dtype=np.int64), keys, asked


def _back_to_back(lists: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """``lists`` of keys as one uint64 array, and each one's length: one array to pickle a
    chunk, where an array a document cost a pickled header each."""
    n = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    return (np.fromiter(itertools.chain.from_iterable(lists), dtype=np.uint64,
                        count=int(n.sum())), n)


def _laid_out(docs: Iterable[Document]) -> tuple[list[tuple[Laid | None, np.ndarray]],
                                                  list[Log]]:
    sieve_with, language = _SIEVE[0]
    out = []
    with _logged() as logs:
        for doc in docs:
            laid = lay_out(doc, parsed_of(doc), sieve_with, language)
            out.append((laid.with_spans() if laid else None, sieve_with.take_asked()))
    return out, logs


def hold(key: str, docs: list[Document]) -> None:
    """Hold a file's ``docs`` here under ``key``, for ``lay_out_chunk``."""
    _HELD[key] = docs


def take(key: str) -> list[Document]:
    """The file's documents held here under ``key``, no longer held."""
    return _HELD.pop(key)


def file_line_keys(docs: list[Document]) -> np.ndarray:
    """The paragraph keys of a file's documents (``line_keys``), back to back: each document
    counts once where it repeats a paragraph of the corpus, as a document given in memory
    does."""
    if len(docs) == 1:
        return line_keys(parsed_of(docs[0]))
    return np.concatenate([line_keys(parsed_of(d)) for d in docs])


def drop_all() -> None:
    """Hold nothing (a build that failed on its workers starts again here)."""
    _HELD.clear()


@contextlib.contextmanager
def _logged() -> Iterator[list[Log]]:
    """In a worker process, what is logged meanwhile (the parent logs it, in its own format);
    in the parent, nothing: it is logged as it happens."""
    if not workers.IN_WORKER:
        yield []
        return
    with structlog.testing.capture_logs() as logs:
        yield logs


def relog(logs: list[Log]) -> None:
    """Log here what a worker logged."""
    for event in logs:
        fields = {k: v for k, v in event.items() if k not in ("event", "log_level", "exc_info")}
        getattr(log, event.get("log_level", "info"))(event["event"], **fields)


READ, SET_REPEATED, LAY_OUT, LAY_OUT_GIVEN, LAY_OUT_KEYED = (
    f"retrieval.held:{f.__name__}"
    for f in (read_chunk, set_repeated, lay_out_chunk, lay_out_given, lay_out_keyed))

__all__ = ["LAY_OUT", "LAY_OUT_GIVEN", "LAY_OUT_KEYED", "READ", "SET_REPEATED", "KeyedChunk",
           "Log", "PackedChunk", "drop_all", "file_line_keys", "hold", "lay_out_chunk",
           "lay_out_given", "lay_out_keyed", "read_chunk", "relog", "set_repeated", "take"]
