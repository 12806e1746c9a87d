"""Building a corpus folder's index, re-reading only the files that changed since the last one.

    previous = previous_build(index_dir, params)   # None: no usable previous snapshot
    built = build(corpus_dir, previous, params)    # built.index, built.collection, built.extra
    store.save(index_dir, built.index, built.collection, fp, extra=built.extra)

A snapshot saved from here also holds what a later build needs to reuse it (``built.extra``):
for each file read, its key (path, size and modification time, its sidecar's too), its document
id, its passages, the keys of its paragraphs (``collection.line_keys``: they decide which are
repeated across the corpus) and the keys the sieve asked about; the repeated keys of that build;
and each posting's term count (``counts.npy``, aligned with the postings).

A file whose key and id are unchanged, and whose sieve questions get the same answers against
the new corpus's repeated paragraphs, keeps its passages, sentences and term counts; any other
file is read and laid out again. Document frequencies and weights are then computed over the
merged counts (``TermIndex.from_counts``), so the index is the one a full build makes: the same
arrays, the same answers (tested).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import scipy.sparse as sp
import structlog

from . import compounds, held, store
from .collection import Collection, PassageTexts
from .corpus import (
    Document,
    DocumentIds,
    Skipped,
    Walk,
    no_documents,
    read_document,
    warn_passed_over,
)
from .errors import IndexFormatError, NoDocumentsError
from .heap import release_freed_memory
from .held import KEYS, LAY_OUT, LAY_OUT_GIVEN, READ, SET_REPEATED
from .index import K1, B, TermIndex
from .ingest.repeated import line_keys, repeated_keys
from .joining import Postings, Runs, concat, join_postings, merged_terms, ranges
from .language import ENGLISH
from .language import preload as preload_language_model
from .language import release as release_language_model
from .layout import Laid, Packer, build_collection, pack_laid, parsed_of
from .termcounts import count_term_blocks, count_terms
from .workers import Chunks, Pool

log = structlog.get_logger()

T = TypeVar("T")

UPDATE = "update.json"
LINES, ASKED, REPEATED, COUNTS = "line_keys.npy", "asked_keys.npy", "repeated.npy", "counts.npy"

FileKey = tuple[str, int, int, int, int]  # path in the corpus, size, mtime; its sidecar's


FILES = "files.npy"
# files.npy, a row a file: its size, mtime, sidecar's size and mtime; its source (-1: none);
# the ranges [lo, hi) of its passages, its paragraph keys (line_keys.npy) and the keys its
# sieve asked about (asked_keys.npy)
_COLUMNS = 11
SOURCE, PASSAGES, LINES_AT, ASKED_AT = 4, 5, 7, 9


@dataclass(slots=True)
class _Entry:
    """One corpus file in this build: kept from the previous one (``old``), or read (``doc``)."""

    key: FileKey
    id: str
    rel: str  # its path in the corpus
    row: int | None = None  # kept: its row in the previous build's table
    doc: Document | None = None  # read here (``held`` is None) ...
    held: int | None = None  # ... or read by this worker of the build's pool, which holds it
    lines: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))  # read
    laid: Laid | None = None  # read: its passages (None: nothing quotable), until packed
    quoted: bool = False  # read: whether it had passages (``laid`` is let go once packed)
    asked: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))  # read


@dataclass(frozen=True, slots=True)
class Previous:
    """What the live snapshot offers a new build."""

    index: TermIndex
    collection: Collection
    counts: np.ndarray  # uint16, aligned with the postings
    files: dict[FileKey, int]  # a file's row in ``table``
    ids: list[str]
    table: np.ndarray  # int64 (files, _COLUMNS)
    lines: np.ndarray
    asked: np.ndarray
    repeated: np.ndarray

    def column(self, rows: Sequence[int], at: int) -> np.ndarray:
        return self.table[np.asarray(rows, dtype=np.int64), at]


@dataclass(frozen=True, slots=True)
class Built:
    index: TermIndex
    collection: Collection
    skipped: list[Skipped]
    extra: dict[str, np.ndarray | bytes]
    read: int  # files read (new, changed, or laid out anew)
    kept: int  # files whose passages were kept from the previous build


def previous_build(directory: Path, params: dict[str, object]) -> Previous | None:
    """The live snapshot of ``directory`` with what reusing it needs, when it was built with
    the same ``params`` (the text pipeline's version among them); else ``None``."""
    name = store.current_name(directory)
    if name is None:
        return None
    try:
        index, collection, _, loaded = store.load(directory)
        extra = store.load_extra(directory / loaded,
                                 (UPDATE, FILES, LINES, ASKED, REPEATED, COUNTS))
        update = json.loads(extra[UPDATE])  # type: ignore[arg-type]
        if update.get("params") != json.loads(json.dumps(params)):
            return None
        table = np.asarray(extra[FILES])
        if table.shape != (len(update["rels"]), _COLUMNS) or len(update["ids"]) != len(table):
            return None
        numbers = table[:, :4].tolist()
        files = {(rel, *n): i for i, (rel, n) in enumerate(zip(update["rels"], numbers,
                                                                 strict=True))}
    except (IndexFormatError, ValueError, KeyError, TypeError):
        return None  # an older snapshot, or one that cannot be read: build it all
    return Previous(index=index, collection=collection, counts=extra[COUNTS],  # type: ignore[arg-type]
                    files=files, ids=update["ids"], table=table,
                    lines=extra[LINES], asked=extra[ASKED],  # type: ignore[arg-type]
                    repeated=extra[REPEATED])  # type: ignore[arg-type]


Progress = Callable[[str, int, int], None]  # (what is being done, done, total)


def build(walk: Walk, previous: Previous | None, params: dict[str, object],
          progress: Progress | None = None) -> Built:
    """The index and collection of the corpus ``walk`` found, keeping from ``previous`` what
    did not change. Raises ``NoDocumentsError`` when no file can be used. If a worker
    process fails (killed for memory, say), the build starts again in this process alone."""
    started = time.perf_counter()
    progress = progress or (lambda what, done, total: None)
    walk = warn_passed_over(walk)
    first = [_entries(walk, previous)]  # a second try (after a worker failed) starts afresh

    def run(pool: Pool | None) -> Built:
        entries = first.pop() if first else _entries(walk, previous)
        return _build(walk, entries, previous, params, pool, progress, started)

    return _on_every_core(sum(e.row is None for e in first[0]), run)


def _on_every_core(n: int, run: Callable[[Pool | None], T]) -> T:
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


def _build(walk: Walk, entries: list[_Entry], previous: Previous | None,
           params: dict[str, object], pool: Pool | None, progress: Progress,
           started: float) -> Built:
    skipped = _read(walk.root, [e for e in entries if e.row is None], pool, progress)
    entries = [e for e in entries if e.row is not None or e.lines is not _UNREAD]
    return _built(walk.root, entries, skipped, previous, params, pool, progress, started)


def _built(root: Path, entries: list[_Entry], skipped: list[Skipped],
           previous: Previous | None, params: dict[str, object], pool: Pool | None,
           progress: Progress, started: float) -> Built:
    kept = [e.row for e in entries if e.row is not None]
    if previous is not None and kept:
        old_lines = previous.lines[ranges(previous.column(kept, LINES_AT),
                                           previous.column(kept, LINES_AT + 1))]
    else:
        old_lines = np.zeros(0, dtype=np.uint64)
    repeated = repeated_keys(np.concatenate([old_lines, *(e.lines for e in entries)]),
                             len(entries))
    if previous is not None:
        _read_again_if_sieved_differently(root, entries, previous, repeated)
    fresh = [e for e in entries if e.row is None]
    _lay_out(fresh, repeated, pool, progress, _language(params))
    for e in fresh:
        if e.laid is None:
            log.warning("file_skipped", path=str(root / e.rel),
                        reason="no prose left after cleaning")
    if not entries:
        raise no_documents(root, skipped)
    if not any(e.laid is not None for e in fresh) and (previous is None or not kept or (
            previous.column(kept, SOURCE) < 0).all()):
        names = ", ".join(str(root / e.rel) for e in entries[:5]) + (", ..." if len(entries) > 5
                                                              else "")
        raise NoDocumentsError(f"no prose left in any document after boilerplate removal "
                               f"({names}): check that the files hold article text")
    new, new_texts = pack_laid(_packed(fresh))
    _languages_told(new, *([previous.collection] if previous is not None else []))
    _before_counting(pool)
    counts, terms = count_terms(new_texts, langs=new.passage_lang)
    postings: Postings | None = None
    if previous is not None and len(fresh) < len(entries):
        collection, postings, terms = _merge(entries, previous, new, counts, terms)
        del counts
    else:
        collection = new
    if compounds.languages_of(collection.passage_lang):
        if postings is not None:
            counts = sp.csc_matrix((postings.counts, postings.passages, postings.indptr),
                                   shape=(collection.n_passages, len(terms))).tocsr()
            del postings
        more = compounds.additions(counts, terms, collection.passage_lang)
        kept_counts = _posting_counts(counts, more)
        if more is not None:  # compounds counted for their parts too, as a full build counts
            counts = compounds.plus(counts, more)
        index = TermIndex.from_counts(counts, terms, K1, B)
    else:
        if postings is None:
            postings = Postings.of(counts)
            del counts
        kept_counts = np.minimum(postings.counts, 65535).astype(np.uint16)
        index = TermIndex.from_postings(postings.indptr, postings.passages, postings.counts,
                                        terms, collection.n_passages, K1, B)
        del postings
    extra = _extra(entries, previous, collection, repeated, kept_counts, params)
    log.debug("index_built", files=len(entries), read=len(fresh),
             kept=len(entries) - len(fresh), seconds=round(time.perf_counter() - started, 3))
    return Built(index, collection, skipped, extra, len(fresh), len(entries) - len(fresh))


def _entries(walk: Walk, previous: Previous | None) -> list[_Entry]:
    """Every corpus file: kept from ``previous`` when unchanged (``row``), else to be read."""
    entries: list[_Entry] = []
    ids = DocumentIds()
    for rel, stats in zip(walk.rels, walk.stats, strict=True):
        doc_id = ids.of(rel)
        key = (rel, *stats)
        row = previous.files.get(key) if previous is not None else None
        if row is not None and previous is not None and previous.ids[row] == doc_id:
            entries.append(_Entry(key, doc_id, rel, row=row))
        else:
            entries.append(_Entry(key, doc_id, rel, lines=_UNREAD))
    return entries


# --- reading and laying out, here or in the build's worker processes ---------------------------

READ_CHUNK = 200  # files per task
PARALLEL_FILES = 2_000  # from this many files to read, on every core (a worker starts in ~0.5 s)
_UNREAD = np.zeros(0, dtype=np.uint64)  # the ``lines`` of a file not read yet


def _language(params: dict[str, object]) -> str | None:
    language = params.get("language")
    return language if isinstance(language, str) else None


def build_documents(docs: Sequence[Document], language: str | None = None
                    ) -> tuple[Collection, TermIndex]:
    """The collection and index of documents given in memory (``QAEngine.from_documents``):
    ``layout.build_collection`` and ``TermIndex.build``, on every core from
    ``PARALLEL_FILES`` documents."""
    return _on_every_core(len(docs), lambda pool: _build_documents(docs, pool, language))


def _build_documents(docs: Sequence[Document], pool: Pool | None, language: str | None
                     ) -> tuple[Collection, TermIndex]:
    if pool is None:
        collection, texts = build_collection(docs, language)
        _languages_told(collection)
        return collection, TermIndex.build(texts, langs=collection.passage_lang)
    # Each chunk of documents goes to a worker for its paragraph keys, then (with the corpus's
    # repeated paragraphs) to a worker again to be laid out, and its passages are packed as they
    # come back, in corpus order. The caller holds the documents, so the workers need not: no
    # process holds every document's objects besides them, neither the payloads, nor the
    # laid-out passages, nor their texts.
    n = len(docs)
    given = Chunks(n, READ_CHUNK, lambda lo, hi: [docs[i] for i in range(lo, hi)])
    keys = [np.concatenate(out) for out in _relogged(pool.map(KEYS, given))]
    repeated = repeated_keys(np.concatenate(keys), n)
    del keys
    workers = len(pool.procs)
    list(pool.map(SET_REPEATED, [(repeated, language)] * workers, pinned=range(workers)))
    packer = Packer()
    for out in _relogged(pool.map(LAY_OUT_GIVEN, given)):
        for laid, _ in out:
            if laid is not None and laid.langs is None:
                preload_language_model()  # ``Packer.add`` will tell its language
            packer.add(laid)
    collection = packer.collection()
    del packer
    _languages_told(collection)
    _before_counting(pool)
    blocks = count_term_blocks(PassageTexts(collection), langs=collection.passage_lang)
    return collection, TermIndex.from_blocks(blocks, K1, B)


def _before_counting(pool: Pool | None) -> None:
    """Once a build's documents are laid out, stop its workers and hand back what laying out
    freed here: what the workers imported and what reading left in their heaps (about 90
    MiB each at a million passages), and this process's freed temporaries (30 MiB at 200,000
    passages), would otherwise stay while the passages are counted (in lean workers of the
    counting's own: ``termcounts.count_terms``) and inverted."""
    if pool is not None:
        pool.close()
    release_freed_memory()


def _languages_told(*collections: Collection) -> None:
    """Once a build has told its documents' languages: when every passage of the corpus
    (in ``collections``) is English, the detection model is of no more use to the build nor
    to its questions, and is let go (``language.release``) before counting and inverting
    need the memory."""
    if all(c.languages() <= {ENGLISH} for c in collections):
        release_language_model()


def _relogged(results: Iterator[tuple[int, tuple[list[T], list[held.Log]]]]) -> Iterator[list[T]]:
    """Each worker's result, what it logged meanwhile logged here."""
    for _, (out, logs) in results:
        held.relog(logs)
        yield out


def _read(root: Path, entries: list[_Entry], pool: Pool | None,
          progress: Progress) -> list[Skipped]:
    """Read ``entries``' files (in ``pool`` when given, which then holds them); the ones that
    could not be read are left with ``lines`` ``_UNREAD`` and returned as skipped."""
    chunks = [entries[i : i + READ_CHUNK] for i in range(0, len(entries), READ_CHUNK)]
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
                    e.doc = held.take(e.rel)
        done += len(chunk)
        progress("reading files", done, len(entries))
    return skipped


def _lay_out(fresh: list[_Entry], repeated: np.ndarray, pool: Pool | None,
             progress: Progress, language: str | None) -> None:
    """Lay out the documents read (``laid``, ``asked``) in chunks, where they are held: by a
    worker of ``pool``, or here."""
    for e in fresh:
        if e.held is None:
            assert e.doc is not None
            held.hold(e.rel, e.doc)
            e.doc = None
    tasks = [(w, [e for e in fresh if e.held == w])
             for w in (None, *range(len(pool.procs) if pool is not None else 0))]
    chunks = [(w, group[i : i + READ_CHUNK]) for w, group in tasks
              for i in range(0, len(group), READ_CHUNK)]
    held.set_repeated((repeated, language))
    theirs: Iterator[tuple[int, Any]] = iter(())
    if pool is not None:
        n = len(pool.procs)
        list(pool.map(SET_REPEATED, [(repeated, language)] * n, pinned=range(n)))
        theirs = pool.map(LAY_OUT, [[e.rel for e in c] for w, c in chunks if w is not None],
                          pinned=[w for w, _ in chunks if w is not None])
    done = 0
    for w, chunk in chunks:
        out, logs = (held.lay_out_chunk([e.rel for e in chunk]) if w is None
                     else next(theirs)[1])
        held.relog(logs)
        for e, (laid, asked) in zip(chunk, out, strict=True):
            e.laid, e.asked, e.quoted = laid, asked, laid is not None
            if laid is not None and laid.langs is None:
                preload_language_model()  # ``pack_laid`` will tell its language
        done += len(chunk)
        progress("laying out documents", done, len(fresh))


def _packed(fresh: list[_Entry]) -> Iterator[Laid | None]:
    """Each entry's laid-out passages, let go as they are packed: the build goes on (counting,
    weighting, saving) without every document's Python objects, and the objects it keeps
    for longer are not scattered among theirs, pinning memory the interpreter cannot give
    back once they are freed (about 200 MB at 100,000 files)."""
    for e in fresh:
        laid, e.laid = e.laid, None
        yield laid


def _read_again_if_sieved_differently(root: Path, entries: list[_Entry], previous: Previous,
                                      repeated: np.ndarray) -> None:
    """A kept file whose sieve asked about a paragraph that is repeated now and was not then
    (or the other way round) would be sieved differently: read it again."""
    kept = [e for e in entries if e.row is not None]
    if not kept:
        return
    rows = [e.row for e in kept if e.row is not None]
    lo, hi = previous.column(rows, ASKED_AT), previous.column(rows, ASKED_AT + 1)
    asked = previous.asked[ranges(lo, hi)]
    owner = np.repeat(np.arange(len(kept)), hi - lo)
    differs = np.isin(asked, repeated) != np.isin(asked, previous.repeated)
    for i in np.unique(owner[differs]).tolist():
        e = kept[i]
        read = read_document(root / e.rel, e.id)
        if isinstance(read, Document):
            e.row, e.doc, e.lines, e.held = None, read, line_keys(parsed_of(read)), None


def _merge(entries: Sequence[_Entry], previous: Previous, new: Collection,
           new_counts: sp.csr_matrix, new_terms: list[str]
           ) -> tuple[Collection, Postings, list[str]]:
    """The collection and term counts (by term) of ``entries`` in corpus order: kept files'
    passages and counts taken from ``previous``, read files' from ``new``."""
    old = previous.collection
    rows = _kept_rows(entries)
    kept = rows >= 0
    quoted = np.zeros(len(entries), dtype=bool)  # files with passages, in corpus order
    quoted[kept] = previous.table[rows[kept], SOURCE] >= 0
    fresh = np.flatnonzero(~kept)
    quoted[fresh] = [entries[i].quoted for i in fresh.tolist()]
    is_new = ~kept[quoted]
    src = np.empty(len(is_new), dtype=np.int64)  # each part's source in its collection
    lo = np.empty(len(is_new), dtype=np.int64)
    hi = np.empty(len(is_new), dtype=np.int64)
    old_rows = rows[quoted & kept]
    src[~is_new] = previous.table[old_rows, SOURCE]
    lo[~is_new] = previous.table[old_rows, PASSAGES]
    hi[~is_new] = previous.table[old_rows, PASSAGES + 1]
    new_starts = np.searchsorted(new.passage_doc, np.arange(len(new.sources) + 1))
    src[is_new] = np.arange(int(is_new.sum()))
    lo[is_new] = new_starts[:-1][: int(is_new.sum())]
    hi[is_new] = new_starts[1:][: int(is_new.sum())]
    runs = Runs.coalesced([old, new], is_new.astype(np.int64), src, lo, hi)
    collection = concat(runs)
    # the old and new counts by term, their passages and terms renumbered into the merged ones
    vocabulary = previous.index.vocabulary
    old_terms = vocabulary.terms()  # in id order: the order the vocabulary was made in
    terms, old_at = merged_terms(old_terms, sorted(t for t in set(new_terms)
                                                   if t not in vocabulary))
    at_new = {t: i for i, t in enumerate(terms)} if len(terms) > len(old_terms) else vocabulary
    new_at = np.fromiter(map(at_new.__getitem__, new_terms), dtype=np.int64,
                         count=len(new_terms))
    old_ids, new_ids = runs.passage_ids([old, new])
    parts = [(Postings(np.asarray(previous.index.indptr, dtype=np.int64),
                       previous.index.passages, previous.counts), old_ids, old_at),
             (Postings.of(new_counts), new_ids, new_at)]
    postings = join_postings(parts, len(terms))
    del parts
    used = np.diff(postings.indptr) > 0  # terms of removed files go
    if not used.all():
        postings = Postings(np.concatenate([[0], postings.indptr[1:][used]]),
                            postings.passages, postings.counts)
        terms = [t for t, u in zip(terms, used.tolist(), strict=True) if u]
    return collection, postings, terms


def _kept_rows(entries: Sequence[_Entry]) -> np.ndarray:
    """Each entry's row in the previous build's table (int64; -1: read in this build)."""
    return np.fromiter((-1 if e.row is None else e.row for e in entries), dtype=np.int64,
                       count=len(entries))


def _posting_counts(counts: sp.csr_matrix, more: sp.csr_matrix | None = None) -> np.ndarray:
    """Each posting's term count (uint16), in the order ``TermIndex.from_counts`` lays the
    postings out (by term, then passage): what a later build reuses. With ``more`` (what
    compounds add to their parts, ``compounds.additions``), the postings are those of
    ``counts + more``, and a posting only ``more`` has counts 0: a later build reads the
    counts themselves back, and adds its own compounds' again."""
    if more is not None:
        both = (counts.astype(np.int64) * (1 << 32) + more.astype(np.int64)).tocsc()
        both.sort_indices()
        return np.minimum(both.data >> 32, 65535).astype(np.uint16)
    csc = sp.csr_matrix((np.minimum(counts.data, 65535).astype(np.uint16), counts.indices,
                         counts.indptr), shape=counts.shape).tocsc()
    csc.sort_indices()
    return csc.data


def _extra(entries: Sequence[_Entry], previous: Previous | None, collection: Collection,
           repeated: np.ndarray, counts: np.ndarray,
           params: dict[str, object]) -> dict[str, np.ndarray | bytes]:
    """What a later build needs from this one (see the module docstring)."""
    old_source = previous.table[:, SOURCE].tolist() if previous is not None else []
    quoted = [e.quoted if e.row is None else old_source[e.row] >= 0 for e in entries]
    source = np.cumsum(quoted) - quoted  # each quoted file's position in the sources
    starts = np.searchsorted(collection.passage_doc, np.arange(len(collection.sources) + 1))
    keys = np.array([e.key[1:] for e in entries], dtype=np.int64).reshape(-1, 4)
    lines = _gathered(entries, previous, LINES_AT, "lines")
    asked = _gathered(entries, previous, ASKED_AT, "asked")
    q = np.array(quoted, dtype=bool)
    files = np.column_stack([
        keys, np.where(q, source, -1),
        np.where(q, starts[np.minimum(source, len(starts) - 1)], 0),
        np.where(q, starts[np.minimum(source + 1, len(starts) - 1)], 0),
        lines[1][:-1], lines[1][1:], asked[1][:-1], asked[1][1:],
    ]).astype(np.int64).reshape(-1, _COLUMNS)
    return {
        UPDATE: json.dumps({"params": params, "rels": [e.rel for e in entries],
                            "ids": [e.id for e in entries]}, ensure_ascii=False).encode(),
        FILES: files,
        LINES: lines[0],
        ASKED: asked[0],
        REPEATED: repeated.astype(np.uint64),
        COUNTS: counts,
    }


def _gathered(entries: Sequence[_Entry], previous: Previous | None, at: int,
              name: str) -> tuple[np.ndarray, np.ndarray]:
    """Every entry's keys (``lines`` or ``asked``) back to back, and where each entry's
    begin (n + 1 offsets): a kept file's from the previous build, a read one's its own."""
    old = getattr(previous, name) if previous is not None else np.zeros(0, dtype=np.uint64)
    table = previous.table if previous is not None else np.zeros((0, _COLUMNS), np.int64)
    fresh = [getattr(e, name) for e in entries if e.row is None]
    pool = np.concatenate([np.asarray(old, dtype=np.uint64), *fresh]) if fresh else np.asarray(
        old, dtype=np.uint64)
    rows = _kept_rows(entries)
    kept = rows >= 0
    lo = np.empty(len(entries), dtype=np.int64)
    n = np.empty(len(entries), dtype=np.int64)
    lo[kept] = table[rows[kept], at]
    n[kept] = table[rows[kept], at + 1] - lo[kept]
    n[~kept] = [len(f) for f in fresh]
    lo[~kept] = len(old) + np.cumsum(n[~kept]) - n[~kept]
    offsets = np.concatenate([[0], np.cumsum(n)]).astype(np.int64)
    return pool[ranges(lo, lo + n)], offsets
