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
merged counts (``TermIndex.from_postings``), so the index is the one a full build makes: the same
arrays, the same answers (tested).
"""

from __future__ import annotations

import itertools
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
from .held import LAY_OUT, LAY_OUT_GIVEN, LAY_OUT_KEYED, READ, SET_REPEATED
from .index import K1, B, Postings, TermIndex
from .ingest.repeated import line_keys, repeated_in, repeated_keys
from .joining import Runs, concat, join_postings, merged_terms, ranges
from .language import ENGLISH
from .language import preload as preload_language_model
from .language import release as release_language_model
from .layout import Laid, Packer, build_collection, parsed_of
from .termcounts import count_term_blocks, count_terms, counting_pool
from .workers import Chunks, Pool

log = structlog.get_logger()

T = TypeVar("T")

UPDATE = "update.json"
LINES, ASKED, REPEATED, COUNTS = "line_keys.npy", "asked_keys.npy", "repeated.npy", "counts.npy"

FILES = "files.npy"
# files.npy, a row a file: its size, mtime, sidecar's size and mtime; its source (-1: none);
# the ranges [lo, hi) of its passages, its paragraph keys (line_keys.npy) and the keys its
# sieve asked about (asked_keys.npy)
_COLUMNS = 11
SOURCE, PASSAGES, LINES_AT, ASKED_AT = 4, 5, 7, 9


_UNREAD = np.zeros(0, dtype=np.uint64)  # the ``lines`` of a file not read yet
_NONE = np.zeros(0, dtype=np.uint64)


@dataclass(slots=True)
class _Entry:
    """One corpus file read in this build (``doc``)."""

    at: int  # its place among the build's files (``_Files``)
    id: str
    rel: str  # its path in the corpus
    doc: Document | None = None  # read here (``held`` is None) ...
    held: int | None = None  # ... or read by this worker of the build's pool, which holds it
    lines: np.ndarray = field(default_factory=lambda: _UNREAD)  # its paragraphs' keys
    quoted: bool = False  # whether it has passages (once laid out)
    asked: np.ndarray = field(default_factory=lambda: _NONE)  # the keys its sieve asked


@dataclass(slots=True)
class _Files:
    """Every corpus file of this build, in corpus order, by column: a file kept from the
    previous build is its row there (``rows``), one read here is an ``_Entry`` too (``read``,
    in corpus order): no Python object a kept file."""

    rels: list[str]  # their paths in the corpus
    ids: list[str]  # their document ids
    keys: np.ndarray  # int64 (files, 4): size, mtime, sidecar's size and mtime (-1: none)
    rows: np.ndarray  # int64: a kept file's row in the previous build's table; -1: read here
    read: list[_Entry]

    def __len__(self) -> int:
        return len(self.rels)

    def kept(self) -> np.ndarray:
        """The previous build's rows of the kept files, in corpus order."""
        return self.rows[self.rows >= 0]

    def without_unread(self) -> _Files:
        """The files, those read here that could not be (``lines`` ``_UNREAD``) left out."""
        gone = [e.at for e in self.read if e.lines is _UNREAD]
        if not gone:
            return self
        keep = np.ones(len(self), dtype=bool)
        keep[gone] = False
        at = np.cumsum(keep) - 1  # each kept file's new place
        read = [e for e in self.read if e.lines is not _UNREAD]
        for e in read:
            e.at = int(at[e.at])
        where = np.flatnonzero(keep).tolist()
        return _Files([self.rels[i] for i in where], [self.ids[i] for i in where],
                      self.keys[keep], self.rows[keep], read)

    def read_again(self, docs: dict[int, Document]) -> None:
        """The kept files at the places ``docs`` gives, read again (their ``docs``) to be laid
        out anew."""
        for i, doc in docs.items():
            self.rows[i] = -1
            self.read.append(_Entry(i, self.ids[i], self.rels[i], doc=doc,
                                    lines=line_keys(parsed_of(doc))))
        self.read.sort(key=lambda e: e.at)


@dataclass(frozen=True, slots=True)
class Previous:
    """What the live snapshot offers a new build."""

    index: TermIndex
    collection: Collection
    counts: np.ndarray  # uint16, aligned with the postings
    rels: list[str]  # each file's path in the corpus, in ``table``'s order
    ids: list[str]
    table: np.ndarray  # int64 (files, _COLUMNS)
    lines: np.ndarray
    asked: np.ndarray
    repeated: np.ndarray

    def column(self, rows: np.ndarray, at: int) -> np.ndarray:
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
    except (IndexFormatError, ValueError, KeyError, TypeError):
        return None  # an older snapshot, or one that cannot be read: build it all
    return Previous(index=index, collection=collection, counts=extra[COUNTS],  # type: ignore[arg-type]
                    rels=update["rels"], ids=update["ids"], table=table,
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
    first = [_files(walk, previous)]  # a second try (after a worker failed) starts afresh

    def run(pool: Pool | None) -> Built:
        files = first.pop() if first else _files(walk, previous)
        return _build(walk, files, previous, params, pool, progress, started)

    return _on_every_core(len(first[0].read), run)


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


def _build(walk: Walk, files: _Files, previous: Previous | None,
           params: dict[str, object], pool: Pool | None, progress: Progress,
           started: float) -> Built:
    skipped = _read(walk.root, files.read, pool, progress)
    return _built(walk.root, files.without_unread(), skipped, previous, params, pool, progress,
                  started)


def _built(root: Path, files: _Files, skipped: list[Skipped],
           previous: Previous | None, params: dict[str, object], pool: Pool | None,
           progress: Progress, started: float) -> Built:
    kept = files.kept()
    if previous is not None and len(kept):
        old_lines = previous.lines[ranges(previous.column(kept, LINES_AT),
                                           previous.column(kept, LINES_AT + 1))]
    else:
        old_lines = np.zeros(0, dtype=np.uint64)
    repeated = repeated_keys(np.concatenate([old_lines, *(e.lines for e in files.read)]),
                             len(files))
    if previous is not None:
        _read_again_if_sieved_differently(root, files, previous, repeated)
    fresh = files.read
    new = _lay_out(fresh, repeated, pool, progress, _language(params))
    for e in fresh:
        if not e.quoted:
            log.warning("file_skipped", path=str(root / e.rel),
                        reason="no prose left after cleaning")
    if not len(files):
        raise no_documents(root, skipped)
    kept = files.kept()
    if not any(e.quoted for e in fresh) and (previous is None or not len(kept) or (
            previous.column(kept, SOURCE) < 0).all()):
        names = ", ".join(str(root / rel) for rel in files.rels[:5]) + (
            ", ..." if len(files) > 5 else "")
        raise NoDocumentsError(f"no prose left in any document after boilerplate removal "
                               f"({names}): check that the files hold article text")
    new_texts = PassageTexts(new)
    _languages_told(new, *([previous.collection] if previous is not None else []))
    _before_counting(pool)
    counts, terms = count_terms(new_texts, langs=new.passage_lang)
    postings: Postings | None = None
    if previous is not None and len(fresh) < len(files):
        collection, postings, terms = _merge(files, previous, new, counts, terms)
        del counts
    else:
        collection = new
    more = None
    if compounds.languages_of(collection.passage_lang):
        whole = counts if postings is None else sp.csc_matrix(
            (postings.counts, postings.passages, postings.indptr),
            shape=(collection.n_passages, len(terms))).tocsr()
        more = compounds.additions(whole, terms, collection.passage_lang)
        if more is not None:
            counts = whole
        del whole
    if more is not None:  # compounds counted for their parts too, as a full build counts
        del postings
        kept_counts = _posting_counts(counts, more)
        index = TermIndex.from_counts(compounds.plus(counts, more), terms, K1, B)
    else:
        if postings is None:
            postings = Postings.of(counts)
            del counts
        kept_counts = np.minimum(postings.counts, 65535).astype(np.uint16)
        index = TermIndex.from_postings(postings, terms, collection.n_passages, K1, B)
        del postings
    extra = _extra(files, previous, collection, repeated, kept_counts, params)
    log.debug("index_built", files=len(files), read=len(fresh),
             kept=len(files) - len(fresh), seconds=round(time.perf_counter() - started, 3))
    return Built(index, collection, skipped, extra, len(fresh), len(files) - len(fresh))


def _files(walk: Walk, previous: Previous | None) -> _Files:
    """Every corpus file: kept from ``previous`` when its path, stats (its sidecar's too) and
    id are unchanged, else to be read."""
    rels = walk.rels
    ids = DocumentIds().all(rels)
    keys = np.fromiter(itertools.chain.from_iterable(walk.stats), dtype=np.int64,
                       count=4 * len(rels)).reshape(-1, 4)
    rows = np.full(len(rels), -1, dtype=np.int64)
    if previous is not None:
        row_of = {rel: i for i, rel in enumerate(previous.rels)}
        rows = np.fromiter(map(row_of.get, rels, itertools.repeat(-1)), dtype=np.int64,
                           count=len(rels))
        same = rows >= 0
        same[same] = (previous.table[rows[same], :4] == keys[same]).all(axis=1)
        old_ids = previous.ids
        same[same] = [old_ids[r] == ids[i] for i, r in zip(np.flatnonzero(same).tolist(),
                                                            rows[same].tolist(), strict=True)]
        rows[~same] = -1
    read = [_Entry(i, ids[i], rels[i]) for i in np.flatnonzero(rows < 0).tolist()]
    return _Files(rels, ids, keys, rows, read)


# --- reading and laying out, here or in the build's worker processes ---------------------------

READ_CHUNK = 200  # files per task
PARALLEL_FILES = 2_000  # from this many files to read, on every core (a worker starts in ~0.5 s)


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
        again = _sieved_differently(np.concatenate(asked), np.concatenate(n_asked), guess,
                                    repeated)
        del asked, n_asked
        if len(again):
            collection = _laid_out_again(docs, again, collection, np.concatenate(quoted),
                                         repeated, pool, language)
        _languages_told(collection)
        _before_counting(pool)
    except BaseException:
        if counting is not None:
            counting.close()
        raise
    blocks = count_term_blocks(PassageTexts(collection), langs=collection.passage_lang,
                               pool=counting)
    return collection, TermIndex.from_blocks(blocks, K1, B)


GUESS_DOCUMENTS = 1_000  # documents sampled to guess the repeated paragraphs (0.1 s of text)


def _guessed_repeated(docs: Sequence[Document]) -> np.ndarray:
    """The paragraph keys repeated across an evenly spread sample of ``docs``
    (``repeated_keys``'s rule within the sample): a guess of the corpus's, so that few
    documents, if any, are sieved against a wrong answer and laid out again."""
    step = max(1, len(docs) // GUESS_DOCUMENTS)
    return repeated_in([parsed_of(docs[i]) for i in range(0, len(docs), step)])


def _sieved_differently(asked: np.ndarray, n_asked: np.ndarray, guess: np.ndarray,
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


def _relogged(results: Iterator[tuple[int, tuple[T, list[held.Log]]]]) -> Iterator[T]:
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
             progress: Progress, language: str | None) -> Collection:
    """The collection of the documents read (each entry's ``asked`` and ``quoted`` set), laid
    out where they are held (by a worker of ``pool``, or here) in chunks of consecutive
    documents held alike, each packed where it is laid out and appended here in corpus
    order."""
    for e in fresh:
        if e.held is None:
            assert e.doc is not None
            held.hold(e.rel, e.doc)
            e.doc = None
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


def _read_again_if_sieved_differently(root: Path, files: _Files, previous: Previous,
                                      repeated: np.ndarray) -> None:
    """A kept file whose sieve asked about a paragraph that is repeated now and was not then
    (or the other way round) would be sieved differently: read it again."""
    kept = np.flatnonzero(files.rows >= 0)
    if not len(kept):
        return
    rows = files.rows[kept]
    lo, hi = previous.column(rows, ASKED_AT), previous.column(rows, ASKED_AT + 1)
    differs = _sieved_differently(previous.asked[ranges(lo, hi)], hi - lo, previous.repeated,
                                  repeated)
    again = {}
    for i in kept[differs].tolist():
        read = read_document(root / files.rels[i], files.ids[i])
        if isinstance(read, Document):
            again[i] = read
    files.read_again(again)


def _merge(files: _Files, previous: Previous, new: Collection,
           new_counts: sp.csr_matrix, new_terms: list[str]
           ) -> tuple[Collection, Postings, list[str]]:
    """The collection and term counts (by term) of ``files`` in corpus order: kept files'
    passages and counts taken from ``previous``, read files' from ``new``."""
    old = previous.collection
    rows = files.rows
    kept = rows >= 0
    quoted = _quoted(files, previous)  # files with passages, in corpus order
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


def _quoted(files: _Files, previous: Previous | None) -> np.ndarray:
    """Whether each file has passages (bool, in corpus order)."""
    quoted = np.zeros(len(files), dtype=bool)
    if previous is not None:
        kept = files.rows >= 0
        quoted[kept] = previous.table[files.rows[kept], SOURCE] >= 0
    quoted[[e.at for e in files.read]] = [e.quoted for e in files.read]
    return quoted


def _posting_counts(counts: sp.csr_matrix, more: sp.csr_matrix) -> np.ndarray:
    """Each posting's term count (uint16) in the postings of ``counts + more`` (``more``: what
    compounds add to their parts, ``compounds.additions``), in the order
    ``TermIndex.from_counts`` lays them out (by term, then passage): what a later build reuses.
    A posting only ``more`` has counts 0: a later build reads the counts themselves back, and
    adds its own compounds' again."""
    both = (counts.astype(np.int64) * (1 << 32) + more.astype(np.int64)).tocsc()
    both.sort_indices()
    return np.minimum(both.data >> 32, 65535).astype(np.uint16)


def _extra(files: _Files, previous: Previous | None, collection: Collection,
           repeated: np.ndarray, counts: np.ndarray,
           params: dict[str, object]) -> dict[str, np.ndarray | bytes]:
    """What a later build needs from this one (see the module docstring)."""
    q = _quoted(files, previous)
    source = np.cumsum(q) - q  # each quoted file's position in the sources
    starts = np.searchsorted(collection.passage_doc, np.arange(len(collection.sources) + 1))
    lines = _gathered(files, previous, LINES_AT, "lines")
    asked = _gathered(files, previous, ASKED_AT, "asked")
    table = np.column_stack([
        files.keys, np.where(q, source, -1),
        np.where(q, starts[np.minimum(source, len(starts) - 1)], 0),
        np.where(q, starts[np.minimum(source + 1, len(starts) - 1)], 0),
        lines[1][:-1], lines[1][1:], asked[1][:-1], asked[1][1:],
    ]).astype(np.int64).reshape(-1, _COLUMNS)
    return {
        UPDATE: json.dumps({"params": params, "rels": files.rels, "ids": files.ids},
                           ensure_ascii=False).encode(),
        FILES: table,
        LINES: lines[0],
        ASKED: asked[0],
        REPEATED: repeated.astype(np.uint64),
        COUNTS: counts,
    }


def _gathered(files: _Files, previous: Previous | None, at: int,
              name: str) -> tuple[np.ndarray, np.ndarray]:
    """Every file's keys (``lines`` or ``asked``) back to back, and where each file's
    begin (n + 1 offsets): a kept file's from the previous build, a read one's its own."""
    old = getattr(previous, name) if previous is not None else np.zeros(0, dtype=np.uint64)
    table = previous.table if previous is not None else np.zeros((0, _COLUMNS), np.int64)
    fresh = [getattr(e, name) for e in files.read]
    pool = np.concatenate([np.asarray(old, dtype=np.uint64), *fresh]) if fresh else np.asarray(
        old, dtype=np.uint64)
    rows = files.rows
    kept = rows >= 0
    lo = np.empty(len(files), dtype=np.int64)
    n = np.empty(len(files), dtype=np.int64)
    lo[kept] = table[rows[kept], at]
    n[kept] = table[rows[kept], at + 1] - lo[kept]
    n[~kept] = [len(f) for f in fresh]
    lo[~kept] = len(old) + np.cumsum(n[~kept]) - n[~kept]
    offsets = np.concatenate([[0], np.cumsum(n)]).astype(np.int64)
    return pool[ranges(lo, lo + n)], offsets
