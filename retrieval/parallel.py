"""A build's documents read and laid out, in this process or on every core.

    skipped = read_entries(root, entries, pool, progress)    # each entry's document read ...
    collection = lay_out_entries(entries, repeated, pool, progress, language)  # ... laid out
    collection, index = build_documents(docs)                 # documents given in memory

From ``PARALLEL_FILES`` documents on, and with more than one core, a pool of worker processes
(``workers.Pool``) reads and lays them out in chunks of ``READ_CHUNK``, each worker keeping what
it read until it lays it out (``held.py``); if a worker fails, the build starts again in this
process alone (``on_every_core``). Documents given in memory are laid out against a guess of the
corpus's repeated paragraphs, and those the guess sieved wrongly are laid out again. Which files
a corpus folder's build reads, and what it keeps from the last one, is ``indexing.py``.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import structlog

from . import held
from .collection import Collection, IndexedTexts
from .corpus import Document, Skipped
from .detection import preload as preload_language_model
from .detection import release as release_language_model
from .heap import release_freed_memory
from .held import LAY_OUT, LAY_OUT_GIVEN, LAY_OUT_KEYED, READ, SET_REPEATED
from .index import K1, B, TermIndex
from .ingest.repeated import repeated_in, repeated_keys
from .joining import Runs, concat
from .language import ENGLISH
from .layout import Laid, Packer, build_collection, parsed_of
from .termcounts import count_term_blocks, counting_pool
from .workers import Chunks, Pool

log = structlog.get_logger()

T = TypeVar("T")

READ_CHUNK = 200  # files per task
# Files read between progress reports in this process alone: a report moves a progress bar and
# is where a build can be stopped (a webhook told to stop while it indexes at start-up), and
# 200 files of manuals took 10 s and more.
SERIAL_READ_CHUNK = 20
PARALLEL_FILES = 2_000  # from this many files to read, on every core (a worker starts in ~0.5 s)

Progress = Callable[[str, int, int], None]  # (what is being done, done, total)

UNREAD = np.zeros(0, dtype=np.uint64)  # the ``lines`` of a file not read yet
_NONE = np.zeros(0, dtype=np.uint64)


@dataclass(slots=True)
class Entry:
    """One corpus file read in this build (``docs``: the file, or each of its parts)."""

    at: int  # its place among the build's files (``filetable.Files``)
    id: str
    rel: str  # its path in the corpus
    docs: list[Document] | None = None  # read here (``held`` is None) ...
    held: int | None = None  # ... or read by this worker of the build's pool, which holds it
    lines: np.ndarray = field(default_factory=lambda: UNREAD)  # its paragraphs' keys
    quoted: int = 0  # how many of its documents have passages (once laid out)
    asked: np.ndarray = field(default_factory=lambda: _NONE)  # the keys its sieve asked


def on_every_core(n: int, run: Callable[[Pool | None], T]) -> T:
    """``run(pool)`` with a pool of worker processes when there are ``PARALLEL_FILES``
    documents or more to lay out and more than one core, else ``run(None)``; if a worker
    fails (killed for memory, say), ``run(None)`` again, with one warning."""
    workers = min(os.cpu_count() or 1, -(-n // READ_CHUNK))
    if n >= PARALLEL_FILES and workers > 1:
        try:
            with Pool(workers) as pool:
                return run(pool)
        except RuntimeError as exc:
            log.warning("index_workers_failed", reason=str(exc), workers=workers,
                        hint="building in this process alone")
            held.drop_all()
    return run(None)


def build_documents(docs: Sequence[Document], language: str | None = None
                    ) -> tuple[Collection, TermIndex]:
    """The collection and index of documents given in memory (``QAEngine.from_documents``):
    ``layout.build_collection`` and ``TermIndex.build``, on every core from
    ``PARALLEL_FILES`` documents."""
    return on_every_core(len(docs), lambda pool: _build_documents(docs, pool, language))


def _build_documents(docs: Sequence[Document], pool: Pool | None, language: str | None
                     ) -> tuple[Collection, TermIndex]:
    if pool is None:
        collection, texts = build_collection(docs, language)
        languages_told(collection)
        return collection, TermIndex.build(texts, langs=collection.passage_lang)
    # Each chunk of documents goes to a worker once, to be laid out against a guess of the
    # corpus's repeated paragraphs (those of a sample, ``_guessed_repeated``) and sent back with
    # its paragraph keys; its passages are packed as they come back, in corpus order. Once the
    # keys give the corpus's repeated paragraphs, the documents whose sieve asked about one the
    # guess got wrong are laid out again (``_laid_out_again``): the collection is the one a
    # build that knew them from the start makes. The caller holds the documents, so the workers
    # need not: no process holds every document's objects besides them, neither the payloads,
    # nor the laid-out passages, nor their texts.
    n = len(docs)
    guess = _guessed_repeated(docs)  # while the workers start
    _tell_repeated(pool, guess, language)
    given = Chunks(n, READ_CHUNK, lambda lo, hi: [docs[i] for i in range(lo, hi)])
    packer = Packer()
    keys, asked, n_asked, quoted = [], [], [], []
    for chunk in _relogged(pool.map(LAY_OUT_KEYED, given)):
        packer.extend(chunk.packed)
        keys.append(chunk.keys)
        asked.append(chunk.asked)
        n_asked.append(chunk.n_asked)
        quoted.append(chunk.quoted)
    # the counting's workers start now, while this process finds the repeated paragraphs and
    # stops the layout's workers (cores otherwise idle), not once it is ready to count
    counting = counting_pool(n)
    try:
        collection = packer.collection()
        del packer
        repeated = repeated_keys(np.concatenate(keys), n)
        del keys
        again = sieved_differently(np.concatenate(asked), np.concatenate(n_asked), guess,
                                   repeated)
        del asked, n_asked
        if len(again):
            collection = _laid_out_again(docs, again, collection, np.concatenate(quoted),
                                         repeated, pool, language)
        languages_told(collection)
        before_counting(pool)
    except BaseException:
        if counting is not None:
            counting.close()
        raise
    blocks = count_term_blocks(IndexedTexts(collection), langs=collection.passage_lang,
                               pool=counting)
    return collection, TermIndex.from_blocks(blocks, K1, B)


GUESS_DOCUMENTS = 1_000  # documents sampled to guess the repeated paragraphs (0.1 s of text)


def _guessed_repeated(docs: Sequence[Document]) -> np.ndarray:
    """The paragraph keys repeated across an evenly spread sample of ``docs``
    (``repeated_keys``'s rule within the sample): a guess of the corpus's, so that few
    documents, if any, are sieved against a wrong answer and laid out again."""
    step = max(1, len(docs) // GUESS_DOCUMENTS)
    return repeated_in([parsed_of(docs[i]) for i in range(0, len(docs), step)])


def sieved_differently(asked: np.ndarray, n_asked: np.ndarray, guess: np.ndarray,
                       repeated: np.ndarray) -> np.ndarray:
    """The documents (ascending) whose sieve asked about a paragraph that ``guess`` and
    ``repeated`` disagree on (``asked``: each document's keys back to back, ``n_asked`` of
    them): sieved against ``repeated``, they would be sieved otherwise."""
    wrong = np.setxor1d(guess, repeated)
    if not len(wrong) or not len(asked):
        return np.zeros(0, dtype=np.int64)
    owner = np.repeat(np.arange(len(n_asked)), n_asked)
    return np.unique(owner[np.isin(asked, wrong)])


def _laid_out_again(docs: Sequence[Document], again: np.ndarray, first: Collection,
                    quoted: np.ndarray, repeated: np.ndarray, pool: Pool,
                    language: str | None) -> Collection:
    """``first`` (``quoted``: whether each document has passages there), the documents
    ``again`` laid out again against ``repeated`` in place of theirs."""
    _tell_repeated(pool, repeated, language)
    redo = again.tolist()
    packer = Packer()
    quoted_again: list[bool] = []
    for out in _relogged(pool.map(LAY_OUT_GIVEN, Chunks(
            len(redo), READ_CHUNK, lambda lo, hi: [docs[i] for i in redo[lo:hi]]))):
        for laid, _ in out:
            _pack(packer, laid)
            quoted_again.append(laid is not None)
    second = packer.collection()
    del packer
    is_again = np.zeros(len(quoted), dtype=bool)
    is_again[again] = True
    q_again = np.array(quoted_again, dtype=bool)
    src = np.cumsum(quoted) - quoted  # each document's source in its collection
    src[again] = np.cumsum(q_again) - q_again
    final = quoted.copy()
    final[again] = q_again
    which, src = is_again[final], src[final]  # the documents with passages, in order
    lo, hi = np.empty(len(src), dtype=np.int64), np.empty(len(src), dtype=np.int64)
    for c, mine in ((first, ~which), (second, which)):
        starts = np.searchsorted(c.passage_doc, np.arange(len(c.sources) + 1))
        lo[mine], hi[mine] = starts[src[mine]], starts[src[mine] + 1]
    return concat(Runs.coalesced([first, second], which.astype(np.int64), src, lo, hi))


def _tell_repeated(pool: Pool, repeated: np.ndarray, language: str | None) -> None:
    """Give every worker of ``pool`` the paragraphs its sieve is to take as repeated
    (``held.set_repeated``), and the corpus's language."""
    workers = len(pool.procs)
    list(pool.map(SET_REPEATED, [(repeated, language)] * workers, pinned=range(workers)))


def _pack(packer: Packer, laid: Laid | None) -> None:
    if laid is not None and laid.langs is None:
        preload_language_model()  # ``Packer.add`` will tell its language
    packer.add(laid)


def before_counting(pool: Pool | None) -> None:
    """Once a build's documents are laid out, stop its workers and hand back what laying out
    freed here: what the workers imported and what reading left in their heaps (about 90
    MiB each at a million passages), and this process's freed temporaries (30 MiB at 200,000
    passages), would otherwise stay while the passages are counted (in lean workers of the
    counting's own: ``termcounts.count_terms``) and inverted."""
    if pool is not None:
        pool.close()
    release_freed_memory()


def languages_told(*collections: Collection) -> None:
    """Once a build has told its documents' languages: when every passage of the corpus
    (in ``collections``) is English, the detection model is of no more use to the build nor
    to its questions, and is let go (``detection.release``) before counting and inverting
    need the memory."""
    if all(c.languages() <= {ENGLISH} for c in collections):
        release_language_model()


def _relogged(results: Iterator[tuple[int, tuple[T, list[held.Log]]]]) -> Iterator[T]:
    """Each worker's result, what it logged meanwhile logged here."""
    for _, (out, logs) in results:
        held.relog(logs)
        yield out


def read_entries(root: Path, entries: list[Entry], pool: Pool | None,
                 progress: Progress) -> list[Skipped]:
    """Read ``entries``' files (in ``pool`` when given, which then holds them); the ones that
    could not be read are left with ``lines`` ``UNREAD`` and returned as skipped."""
    size = READ_CHUNK if pool is not None else SERIAL_READ_CHUNK
    chunks = [entries[i : i + size] for i in range(0, len(entries), size)]
    payloads = [(str(root), [(e.rel, e.id) for e in c]) for c in chunks]
    results = (pool.map(READ, payloads) if pool is not None
               else ((None, held.read_chunk(p)) for p in payloads))
    skipped: list[Skipped] = []
    done = 0
    for chunk, (worker, (out, logs)) in zip(chunks, results, strict=True):
        held.relog(logs)
        for e, read in zip(chunk, out, strict=True):
            if isinstance(read, Skipped):
                skipped.append(read)
            else:
                e.lines, e.held = read, worker
                if worker is None:
                    e.docs = held.take(e.rel)
        done += len(chunk)
        progress("reading files", done, len(entries))
    return skipped


def lay_out_entries(fresh: list[Entry], repeated: np.ndarray, pool: Pool | None,
                    progress: Progress, language: str | None) -> Collection:
    """The collection of the documents read (each entry's ``asked`` and ``quoted`` set), laid
    out where they are held (by a worker of ``pool``, or here) in chunks of consecutive
    documents held alike, each packed where it is laid out and appended here in corpus
    order."""
    for e in fresh:
        if e.held is None:
            assert e.docs is not None
            held.hold(e.rel, e.docs)
            e.docs = None
    chunks = [(w, run[i : i + READ_CHUNK])
              for w, group in itertools.groupby(fresh, key=lambda e: e.held)
              for run in [list(group)] for i in range(0, len(run), READ_CHUNK)]
    held.set_repeated((repeated, language))
    theirs: Iterator[tuple[int, Any]] = iter(())
    if pool is not None:
        _tell_repeated(pool, repeated, language)
        theirs = pool.map(LAY_OUT, [[e.rel for e in c] for w, c in chunks if w is not None],
                          pinned=[w for w, _ in chunks if w is not None])
    packer = Packer()
    done = 0
    for w, chunk in chunks:  # in corpus order; the workers' results come in payload order
        out, logs = (held.lay_out_chunk([e.rel for e in chunk]) if w is None
                     else next(theirs)[1])
        held.relog(logs)
        packer.extend(out.packed)
        asked = np.split(out.asked, np.cumsum(out.n_asked)[:-1]) if len(chunk) else []
        for e, quoted, keys in zip(chunk, out.quoted.tolist(), asked, strict=True):
            e.asked, e.quoted = keys, quoted
        done += len(chunk)
        progress("laying out documents", done, len(fresh))
    return packer.collection()
