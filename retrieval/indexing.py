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
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

import numpy as np
import scipy.sparse as sp
import structlog

from . import store
from .collection import (
    Collection,
    Laid,
    RepeatedLines,
    lay_out,
    line_keys,
    pack_laid,
    parsed_of,
    repeated_keys,
)
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
from .index import K1, B, TermIndex

log = structlog.get_logger()

UPDATE = "update.json"
LINES, ASKED, REPEATED, COUNTS = "line_keys.npy", "asked_keys.npy", "repeated.npy", "counts.npy"

FileKey = tuple[str, int, int, int, int]  # path in the corpus, size, mtime; its sidecar's


class _Record(TypedDict):
    """A file as a build saw it: its key and id, its source (-1: none) and the ranges of its
    passages, paragraph keys and asked keys in the snapshot's arrays."""

    key: list[str | int]
    id: str
    source: int
    passages: list[int]
    lines: list[int]
    asked: list[int]


@dataclass(slots=True)
class _Entry:
    """One corpus file in this build: kept from the previous one (``old``), or read (``doc``)."""

    key: FileKey
    id: str
    path: Path
    lines: np.ndarray
    old: _Record | None = None  # its record in the previous build
    doc: Document | None = None
    laid: Laid | None = None
    asked: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))


@dataclass(frozen=True, slots=True)
class Previous:
    """What the live snapshot offers a new build."""

    index: TermIndex
    collection: Collection
    counts: np.ndarray  # uint16, aligned with the postings
    files: dict[FileKey, _Record]
    lines: np.ndarray
    asked: np.ndarray
    repeated: np.ndarray


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
        extra = store.load_extra(directory / loaded, (UPDATE, LINES, ASKED, REPEATED, COUNTS))
        update = json.loads(extra[UPDATE])  # type: ignore[arg-type]
        if update.get("params") != json.loads(json.dumps(params)):
            return None
        files: dict[FileKey, _Record] = {tuple(f["key"]): f for f in update["files"]}
    except (IndexFormatError, ValueError, KeyError, TypeError):
        return None  # an older snapshot, or one that cannot be read: build it all
    return Previous(index, collection, extra[COUNTS], files,  # type: ignore[arg-type]
                    extra[LINES], extra[ASKED], extra[REPEATED])  # type: ignore[arg-type]


Progress = Callable[[str, int, int], None]  # (what is being done, done, total)


def build(walk: Walk, previous: Previous | None, params: dict[str, object],
          progress: Progress | None = None) -> Built:
    """The index and collection of the corpus ``walk`` found, keeping from ``previous`` what
    did not change. Raises ``NoDocumentsError`` when no file can be used."""
    started = time.perf_counter()
    root = walk.root
    progress = progress or (lambda what, done, total: None)
    entries, skipped = _entries(warn_passed_over(walk), previous, progress)
    repeated = repeated_keys([e.lines for e in entries])
    if previous is not None:
        _read_again_if_sieved_differently(entries, previous, repeated)
    fresh = [e for e in entries if e.doc is not None]
    sieve_with = RepeatedLines(repeated)
    for i, e in enumerate(fresh):
        progress("laying out documents", i, len(fresh))
        assert e.doc is not None
        e.laid = lay_out(e.doc, parsed_of(e.doc), sieve_with)
        e.asked = sieve_with.take_asked()
        if e.laid is None:
            log.warning("file_skipped", path=e.doc.path or e.id,
                        reason="no prose left after cleaning")
    progress("laying out documents", len(fresh), len(fresh))
    if not entries:
        raise no_documents(root, skipped)
    if not any(e.laid is not None or (e.old is not None and e.old["source"] != -1)
               for e in entries):
        names = ", ".join(str(e.path) for e in entries[:5]) + (", ..." if len(entries) > 5
                                                              else "")
        raise NoDocumentsError(f"no prose left in any document after boilerplate removal "
                               f"({names}): check that the files hold article text")
    new, new_texts = pack_laid(e.laid for e in fresh)
    from .termcounts import count_terms

    counts, terms = count_terms(new_texts)
    if previous is not None and len(fresh) < len(entries):
        collection, counts, terms = _merge(entries, previous, new, counts, terms)
    else:
        collection = new
    kept_counts = _posting_counts(counts)
    index = TermIndex.from_counts(counts, terms, K1, B)
    extra = _extra(entries, collection, repeated, kept_counts, params)
    log.debug("index_built", files=len(entries), read=len(fresh),
             kept=len(entries) - len(fresh), seconds=round(time.perf_counter() - started, 3))
    return Built(index, collection, skipped, extra, len(fresh), len(entries) - len(fresh))


def file_key(walk: Walk, path: Path) -> FileKey:
    """What says a file is unchanged: its path in the corpus, size and modification time, and
    its sidecar's (-1 without one; a file that cannot be stat'ed has size -1 too)."""
    rel = walk.relpath(path)
    st = walk.stats.get(rel)
    side = walk.stats.get(walk.sidecar(rel, path))
    return (rel, st.size if st else -1, st.mtime_ns if st else -1,
            side.size if side else -1, side.mtime_ns if side else -1)


def _entries(walk: Walk, previous: Previous | None,
             progress: Progress) -> tuple[list[_Entry], list[Skipped]]:
    """Every corpus file, kept from ``previous`` when unchanged, else read."""
    entries: list[_Entry] = []
    skipped: list[Skipped] = []
    ids = DocumentIds(walk.root)
    for i, path in enumerate(walk.files):
        progress("reading files", i, len(walk.files))
        doc_id = ids.of(path)
        key = file_key(walk, path)
        old = previous.files.get(key) if previous is not None else None
        if old is not None and old["id"] == doc_id:
            assert previous is not None
            lo, hi = old["lines"]
            a, b = old["asked"]
            entries.append(_Entry(key, doc_id, path, np.asarray(previous.lines[lo:hi]), old=old,
                                  asked=np.asarray(previous.asked[a:b])))
            continue
        read = read_document(path, doc_id)
        if isinstance(read, Skipped):
            skipped.append(read)
        else:
            entries.append(_Entry(key, doc_id, path, line_keys(parsed_of(read)), doc=read))
    progress("reading files", len(walk.files), len(walk.files))
    return entries, skipped


def _read_again_if_sieved_differently(entries: list[_Entry], previous: Previous,
                                      repeated: np.ndarray) -> None:
    """A kept file whose sieve asked about a paragraph that is repeated now and was not then
    (or the other way round) would be sieved differently: read it again."""
    kept = [e for e in entries if e.old is not None]
    if not kept:
        return
    asked = np.concatenate([e.asked for e in kept])
    owner = np.repeat(np.arange(len(kept)), [len(e.asked) for e in kept])
    differs = np.isin(asked, repeated) != np.isin(asked, previous.repeated)
    for i in np.unique(owner[differs]).tolist():
        e = kept[i]
        read = read_document(e.path, e.id)
        if isinstance(read, Document):
            e.old, e.doc = None, read


def _merge(entries: Sequence[_Entry], previous: Previous, new: Collection,
           new_counts: sp.csr_matrix, new_terms: list[str]
           ) -> tuple[Collection, sp.csr_matrix, list[str]]:
    """The collection and term counts of ``entries`` in corpus order: kept files' passages
    and counts taken from ``previous``, read files' from ``new``."""
    old = previous.collection
    parts: list[tuple[Collection, int, int, int]] = []  # collection, its source, passages
    rows: list[np.ndarray] = []
    n_old = old.n_passages
    new_source = 0
    for e in entries:
        if e.old is not None:
            s = e.old["source"]
            if s < 0:
                continue
            lo, hi = e.old["passages"]
            parts.append((old, s, lo, hi))
            rows.append(np.arange(lo, hi))
        elif e.laid is not None:
            lo, hi = new.passage_range(new_source)
            parts.append((new, new_source, lo, hi))
            rows.append(np.arange(lo, hi) + n_old)
            new_source += 1
    collection = _concat(parts)
    # the old counts by passage, their terms renumbered into the merged vocabulary
    old_terms = sorted(previous.index.vocabulary, key=previous.index.vocabulary.__getitem__)
    terms = sorted(set(old_terms).union(new_terms))
    at = {t: i for i, t in enumerate(terms)}
    old_csr = sp.csc_matrix(
        (previous.counts.astype(np.int32), previous.index.passages, previous.index.indptr),
        shape=(n_old, len(old_terms))).tocsr()
    old_csr.indices = np.fromiter(map(at.__getitem__, old_terms), dtype=np.int32,
                                  count=len(old_terms))[old_csr.indices]
    new_counts.indices = np.fromiter(map(at.__getitem__, new_terms), dtype=np.int32,
                                     count=len(new_terms))[new_counts.indices]
    both = sp.vstack([sp.csr_matrix(old_csr, shape=(n_old, len(terms))),
                      sp.csr_matrix(new_counts, shape=(new_counts.shape[0], len(terms)))],
                     format="csr")
    counts = both[np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)]
    counts.sort_indices()
    used = np.bincount(counts.indices, minlength=len(terms)) > 0  # terms of removed files go
    renumber = np.cumsum(used) - 1
    counts = sp.csr_matrix((counts.data.astype(np.int32), renumber[counts.indices].astype(
        np.int32), counts.indptr.astype(np.int64)), shape=(counts.shape[0], int(used.sum())))
    return collection, counts, [t for t, u in zip(terms, used, strict=True) if u]


def _concat(parts: Sequence[tuple[Collection, int, int, int]]) -> Collection:
    """One collection of the given documents' passages, in order (runs of consecutive
    documents of one collection are copied at once)."""
    runs: list[list[int]] = []  # [collection index, first source, sources, lo, hi]
    cols: list[Collection] = []
    for c, s, lo, hi in parts:
        ci = next((i for i, x in enumerate(cols) if x is c), None)
        if ci is None:
            cols.append(c)
            ci = len(cols) - 1
        last = runs[-1] if runs else None
        if last and last[0] == ci and last[1] + last[2] == s and last[4] == lo:
            last[2] += 1
            last[4] = hi
        else:
            runs.append([ci, s, 1, lo, hi])
    sources: list = []
    docs, blob, offsets, sent_indptr, bounds, flags, section, page, crc = ([] for _ in range(9))
    names: dict[str, int] = {}
    n_text = n_sent = 0
    for ci, s, k, lo, hi in runs:
        c = cols[ci]
        first = len(sources)
        sources += c.sources[s : s + k]
        docs.append(np.asarray(c.passage_doc[lo:hi], dtype=np.int32) - s + first)
        t0, t1 = int(c.text_offsets[lo]), int(c.text_offsets[hi])
        blob.append(np.asarray(c.text_blob[t0:t1]))
        offsets.append(np.asarray(c.text_offsets[lo:hi], dtype=np.int64) - t0 + n_text)
        n_text += t1 - t0
        s0, s1 = int(c.sent_indptr[lo]), int(c.sent_indptr[hi])
        sent_indptr.append(np.asarray(c.sent_indptr[lo:hi], dtype=np.int64) - s0 + n_sent)
        n_sent += s1 - s0
        bounds.append(np.asarray(c.sent_bounds[s0:s1]))
        flags.append(np.asarray(c.sent_flags[s0:s1]))
        ids = np.asarray(c.passage_section[lo:hi])
        table = np.full(len(c.sections) + 1, -1, dtype=np.int32)  # [-1] stays -1
        for old_id in dict.fromkeys(ids[ids >= 0].tolist()):  # in order of first appearance
            table[old_id] = names.setdefault(c.sections[old_id], len(names))
        section.append(table[ids])
        page.append(np.asarray(c.passage_page[lo:hi]))
        crc.append(np.asarray(c.passage_crc[lo:hi]))
    return Collection(
        sources=sources,
        passage_doc=_joined(docs, np.int32),
        text_offsets=np.append(_joined(offsets, np.int64), np.int64(n_text)),
        text_blob=_joined(blob, np.uint8),
        sent_indptr=np.append(_joined(sent_indptr, np.int64), np.int64(n_sent)),
        sent_bounds=(np.concatenate(bounds).astype(np.int32) if bounds
                     else np.zeros((0, 2), dtype=np.int32)),
        sent_flags=_joined(flags, np.uint8),
        passage_section=_joined(section, np.int32),
        passage_page=_joined(page, np.int32),
        passage_crc=_joined(crc, np.uint32),
        sections=list(names),
    )


def _joined(arrays: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(arrays).astype(dtype) if arrays else np.zeros(0, dtype=dtype)


def _posting_counts(counts: sp.csr_matrix) -> np.ndarray:
    """Each posting's term count (uint16), in the order ``TermIndex.from_counts`` lays the
    postings out (by term, then passage): what a later build reuses."""
    csc = sp.csr_matrix((np.minimum(counts.data, 65535).astype(np.uint16), counts.indices,
                         counts.indptr), shape=counts.shape).tocsc()
    csc.sort_indices()
    return csc.data


def _extra(entries: Sequence[_Entry], collection: Collection, repeated: np.ndarray,
           counts: np.ndarray, params: dict[str, object]) -> dict[str, np.ndarray | bytes]:
    """What a later build needs from this one (see the module docstring)."""
    records: list[_Record] = []
    lines: list[np.ndarray] = []
    asked: list[np.ndarray] = []
    n_lines = n_asked = source = 0
    starts = np.searchsorted(collection.passage_doc, np.arange(len(collection.sources) + 1))
    for e in entries:
        quoted = e.laid is not None or (e.old is not None and e.old["source"] != -1)
        lo, hi = (int(starts[source]), int(starts[source + 1])) if quoted else (0, 0)
        records.append({
            "key": list(e.key), "id": e.id, "source": source if quoted else -1,
            "passages": [lo, hi], "lines": [n_lines, n_lines + len(e.lines)],
            "asked": [n_asked, n_asked + len(e.asked)],
        })
        lines.append(e.lines)
        asked.append(e.asked)
        n_lines += len(e.lines)
        n_asked += len(e.asked)
        source += quoted
    return {
        UPDATE: json.dumps({"params": params, "files": records}, ensure_ascii=False).encode(),
        LINES: _joined(lines, np.uint64),
        ASKED: _joined(asked, np.uint64),
        REPEATED: repeated.astype(np.uint64),
        COUNTS: counts,
    }
