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
arrays, the same answers (tested). The files are read and laid out by ``parallel.py``, on every
core for many.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp
import structlog

from . import compounds, snapshot, store
from .collection import Collection, IndexedTexts
from .corpus import Skipped, no_documents, read_document
from .errors import IndexFormatError, NoDocumentsError
from .filetable import (
    ASKED_AT,
    COLUMNS,
    LINES_AT,
    SOURCE,
    Files,
    Previous,
    file_table,
    files_of,
    source_counts,
)
from .index import K1, B, Postings, TermIndex
from .ingest.repeated import repeated_keys
from .joining import Runs, concat, join_postings, merged_terms, ranges
from .layout import NOTHING_QUOTABLE
from .parallel import (
    Progress,
    before_counting,
    languages_told,
    lay_out_entries,
    on_every_core,
    read_entries,
    sieved_differently,
)
from .termcounts import count_terms
from .walk import Walk, warn_passed_over
from .workers import Pool

log = structlog.get_logger()

UPDATE = "update.json"
LINES, ASKED, REPEATED, COUNTS = "line_keys.npy", "asked_keys.npy", "repeated.npy", "counts.npy"

FILES = "files.npy"  # the file table (``filetable.py``)


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
        index, collection, _, loaded = snapshot.load(directory)
        extra = snapshot.load_extra(directory / loaded,
                                 (UPDATE, FILES, LINES, ASKED, REPEATED, COUNTS))
        update = json.loads(extra[UPDATE])  # type: ignore[arg-type]
        if update.get("params") != json.loads(json.dumps(params)):
            return None
        table = np.asarray(extra[FILES])
        if table.shape != (len(update["rels"]), COLUMNS) or len(update["ids"]) != len(table):
            return None
    except (IndexFormatError, ValueError, KeyError, TypeError, RecursionError):
        return None  # an older snapshot, or one that cannot be read: build it all
    return Previous(index=index, collection=collection, counts=extra[COUNTS],  # type: ignore[arg-type]
                    rels=update["rels"], ids=update["ids"], table=table,
                    lines=extra[LINES], asked=extra[ASKED],  # type: ignore[arg-type]
                    repeated=extra[REPEATED])  # type: ignore[arg-type]


def build(walk: Walk, previous: Previous | None, params: dict[str, object],
          progress: Progress | None = None) -> Built:
    """The index and collection of the corpus ``walk`` found, keeping from ``previous`` what
    did not change. Raises ``NoDocumentsError`` when no file can be used. If a worker
    process fails (killed for memory, say), the build starts again in this process alone."""
    started = time.perf_counter()
    progress = progress or (lambda what, done, total: None)
    walk = warn_passed_over(walk)
    first = [files_of(walk, previous)]  # a second try (after a worker failed) starts afresh

    def run(pool: Pool | None) -> Built:
        files = first.pop() if first else files_of(walk, previous)
        return _build(walk, files, previous, params, pool, progress, started)

    return on_every_core(len(first[0].read), run)


def _build(walk: Walk, files: Files, previous: Previous | None,
           params: dict[str, object], pool: Pool | None, progress: Progress,
           started: float) -> Built:
    skipped = read_entries(walk.root, files.read, pool, progress)
    return _built(walk.root, files.without_unread(), skipped, previous, params, pool, progress,
                  started)


def _built(root: Path, files: Files, skipped: list[Skipped],
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
    new = lay_out_entries(fresh, repeated, pool, progress, _language(params))
    for e in fresh:
        if not e.quoted:  # (in the report too: `qabot index` lists what it skipped)
            skipped.append(Skipped(str(root / e.rel), NOTHING_QUOTABLE))
            log.warning("file_skipped", path=str(root / e.rel), reason=NOTHING_QUOTABLE)
    if not len(files):
        raise no_documents(root, skipped)
    kept = files.kept()
    if not any(e.quoted for e in fresh) and (previous is None or not len(kept) or (
            previous.column(kept, SOURCE) < 0).all()):
        names = ", ".join(str(root / rel) for rel in files.rels[:5]) + (
            ", ..." if len(files) > 5 else "")
        raise NoDocumentsError(f"no prose left in any document after boilerplate removal "
                               f"({names}): check that the files hold article text")
    new_texts = IndexedTexts(new)
    languages_told(new, *([previous.collection] if previous is not None else []))
    before_counting(pool)
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


def _language(params: dict[str, object]) -> str | None:
    language = params.get("language")
    return language if isinstance(language, str) else None


def _read_again_if_sieved_differently(root: Path, files: Files, previous: Previous,
                                      repeated: np.ndarray) -> None:
    """A kept file whose sieve asked about a paragraph that is repeated now and was not then
    (or the other way round) would be sieved differently: read it again."""
    kept = np.flatnonzero(files.rows >= 0)
    if not len(kept):
        return
    rows = files.rows[kept]
    lo, hi = previous.column(rows, ASKED_AT), previous.column(rows, ASKED_AT + 1)
    differs = sieved_differently(previous.asked[ranges(lo, hi)], hi - lo, previous.repeated,
                                 repeated)
    again = {}
    for i in kept[differs].tolist():
        read = read_document(root / files.rels[i], files.ids[i], root)
        if not isinstance(read, Skipped):
            again[i] = read
    files.read_again(again)


def _merge(files: Files, previous: Previous, new: Collection,
           new_counts: sp.csr_matrix, new_terms: list[str]
           ) -> tuple[Collection, Postings, list[str]]:
    """The collection and term counts (by term) of ``files`` in corpus order: kept files'
    passages and counts taken from ``previous``, read files' from ``new``."""
    old = previous.collection
    rows = files.rows
    kept = rows >= 0
    n = source_counts(files, previous)  # each file's documents with passages, in corpus order
    quoted = n > 0
    n = n[quoted]
    new_file = ~kept[quoted]
    first = np.empty(len(n), dtype=np.int64)  # each quoted file's first source in its collection
    first[~new_file] = previous.table[rows[quoted & kept], SOURCE]
    first[new_file] = np.cumsum(n[new_file]) - n[new_file]
    # a part a source: a file of parts (a mail archive) gives one for each of its documents
    is_new = np.repeat(new_file, n)
    src = np.repeat(first, n) + np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
    lo = np.empty(len(src), dtype=np.int64)
    hi = np.empty(len(src), dtype=np.int64)
    for c, mine in ((old, ~is_new), (new, is_new)):
        starts = np.searchsorted(c.passage_doc, np.arange(len(c.sources) + 1))
        lo[mine], hi[mine] = starts[src[mine]], starts[src[mine] + 1]
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


def _posting_counts(counts: sp.csr_matrix, more: sp.csr_matrix) -> np.ndarray:
    """Each posting's term count (uint16) in the postings of ``counts + more`` (``more``: what
    compounds add to their parts, ``compounds.additions``), in the order
    ``TermIndex.from_counts`` lays them out (by term, then passage): what a later build reuses.
    A posting only ``more`` has counts 0: a later build reads the counts themselves back, and
    adds its own compounds' again."""
    both = (counts.astype(np.int64) * (1 << 32) + more.astype(np.int64)).tocsc()
    both.sort_indices()
    return np.minimum(both.data >> 32, 65535).astype(np.uint16)


def _extra(files: Files, previous: Previous | None, collection: Collection,
           repeated: np.ndarray, counts: np.ndarray,
           params: dict[str, object]) -> dict[str, np.ndarray | bytes]:
    """What a later build needs from this one (see the module docstring)."""
    table, lines, asked = file_table(files, previous, collection)
    return {
        UPDATE: json.dumps({"params": params, "rels": files.rels, "ids": files.ids},
                           ensure_ascii=False).encode(),
        FILES: table,
        LINES: lines,
        ASKED: asked,
        REPEATED: repeated.astype(np.uint64),
        COUNTS: counts,
    }
