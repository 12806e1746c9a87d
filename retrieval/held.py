"""The documents a build's process holds between reading and laying them out, in the building
process or in a worker of ``workers.Pool`` (which calls these functions by their names,
``READ`` ...): read files (``read_chunk``) or take documents given in memory (``hold_chunk``),
keep them, then lay them out with the corpus's repeated paragraphs (``set_repeated``,
``lay_out_chunk``). What a worker logs meanwhile comes back with its results, for the parent
to log in its own format (``relog``).

    out, logs = read_chunk((root, [(rel, doc_id), ...]))   # paragraph keys, or Skipped
    set_repeated((repeated_keys, language))
    laid, logs = lay_out_chunk([rel, ...])                 # [(Laid | None, asked keys), ...]
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

import numpy as np
import structlog
import structlog.testing

from . import workers
from .corpus import Document, Skipped, read_document
from .ingest.repeated import RepeatedLines, line_keys
from .layout import Laid, lay_out, parsed_of

log = structlog.get_logger()

Log = MutableMapping[str, Any]  # one event that a worker logged
_HELD: dict[str, Document] = {}  # the documents this process read, until laid out
# the repeated paragraphs this process lays documents out with, and the corpus's language if set
_SIEVE: list[tuple[RepeatedLines, str | None]] = []


def read_chunk(payload: tuple[str, list[tuple[str, str]]]) -> tuple[list[Skipped | np.ndarray],
                                                                    list[Log]]:
    """Read files (``(path in the corpus, id)``) and hold them for ``lay_out_chunk``; each one's
    paragraph keys, or why it was skipped; and what was logged (``_logged``)."""
    root, items = payload
    out: list[Skipped | np.ndarray] = []
    with _logged() as logs:
        for rel, doc_id in items:
            read = read_document(Path(root) / rel, doc_id)
            if isinstance(read, Skipped):
                out.append(read)
            else:
                _HELD[rel] = read
                out.append(line_keys(parsed_of(read)))
    return out, logs


def hold_chunk(docs: list[tuple[str, Document]]) -> tuple[list[np.ndarray], list[Log]]:
    """Hold documents given in memory (``(key, document)``), as ``read_chunk`` holds the
    files it reads; each one's paragraph keys."""
    out = []
    with _logged() as logs:
        for key, doc in docs:
            _HELD[key] = doc
            out.append(line_keys(parsed_of(doc)))
    return out, logs


def set_repeated(payload: tuple[np.ndarray, str | None]) -> None:
    repeated, language = payload
    _SIEVE[:] = [(RepeatedLines(repeated), language)]


def lay_out_chunk(rels: list[str]) -> tuple[list[tuple[Laid | None, np.ndarray]],
                                            list[Log]]:
    """Lay out documents ``read_chunk`` read here (with ``set_repeated``'s paragraphs): each
    one's passages (``None``: nothing quotable) and the keys its sieve asked about."""
    sieve_with, language = _SIEVE[0]
    out = []
    with _logged() as logs:
        for rel in rels:
            doc = _HELD.pop(rel)
            laid = lay_out(doc, parsed_of(doc), sieve_with, language)
            out.append((laid.with_spans() if laid else None, sieve_with.take_asked()))
    return out, logs


def hold(key: str, doc: Document) -> None:
    """Hold ``doc`` here under ``key``, for ``lay_out_chunk``."""
    _HELD[key] = doc


def take(key: str) -> Document:
    """The document held here under ``key``, no longer held."""
    return _HELD.pop(key)


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


READ, HOLD, SET_REPEATED, LAY_OUT = (f"retrieval.held:{f.__name__}"
                                     for f in (read_chunk, hold_chunk, set_repeated, lay_out_chunk))

__all__ = ["HOLD", "LAY_OUT", "READ", "SET_REPEATED", "Log", "drop_all", "hold", "hold_chunk",
           "lay_out_chunk", "read_chunk", "relog", "set_repeated", "take"]
