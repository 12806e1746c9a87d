"""Where an engine's index and passages come from: the saved snapshot of a corpus folder when it
is current, else a build (saved, then served from the snapshot it saved), or documents built in
memory; ``LoadReport`` says which, and how long it took.

    index, collection, report = from_directory("seeds")    # load the saved index, or build it
    index, collection = build_documents(docs, None)         # in memory
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Sequence
from contextlib import nullcontext, suppress
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import structlog

from . import indexing, locks, parallel, snapshot, store
from .collection import Collection
from .corpus import Document, Skipped, not_found
from .errors import IndexFormatError, NoDocumentsError
from .heap import release_freed_memory
from .index import TermIndex
from .indexdir import index_dir_of, index_params
from .layout import NOTHING_QUOTABLE
from .sources import each_source_id
from .texts import TextDocuments
from .walk import Walk, scan, warn_passed_over

log = structlog.get_logger()


@dataclass(frozen=True, slots=True)
class LoadReport:
    """How an engine came to be: built or loaded, how long it took, what was skipped."""

    built: bool
    seconds: float
    index_dir: str | None = None
    skipped: list[Skipped] = field(default_factory=list)
    not_saved: str | None = None  # why a built index could not be saved (None: saved, or not asked)
    snapshot: str | None = None  # the saved snapshot it was loaded from or saved as
    files_read: int = 0  # built: the corpus files read (new, changed, or laid out anew) ...
    files_kept: int = 0  # ... and those whose passages were kept from the previous index
    # built but not saved: the snapshot CURRENT named when the build began (stale or damaged),
    # so that one named since, newer than this build, can be told from it
    passed_over: str | None = None


def from_directory(
    path: str | os.PathLike[str],
    *,
    index_dir: str | os.PathLike[str] | None = None,
    rebuild: bool = False,
    save: bool = True,
    full: bool = False,
    progress: parallel.Progress | None = None,
    language: object = None,
) -> tuple[TermIndex, Collection, LoadReport]:
    """The index and passages of the corpus at ``path``, and how they came to be: its saved index
    loaded, or built (and saved) when that is missing, stale, corrupt or ``rebuild`` is set. A
    build re-reads only the files that changed since the saved one (``indexing``), unless
    ``full`` is set or that one cannot be used; ``progress(what, done, total)`` is told how a
    build is going; ``language``: the corpus's, when set (part of the index's parameters)."""
    started = time.perf_counter()
    root = Path(path)
    where = index_dir_of(root, index_dir)
    walk = scan(root, where)
    params = index_params(language)
    fp = store.fingerprint(walk.file_stats(), params)
    live_fp = None if rebuild else store.live_fingerprint(where)
    if not rebuild and live_fp == fp:
        try:
            return _load_fresh(where, started, walk)
        except IndexFormatError as exc:
            log.warning("index_unusable_rebuilding", index_dir=str(where), reason=str(exc))
            full = True
    elif not rebuild and (where / store.CURRENT).exists():
        if live_fp is None:  # a snapshot named whose manifest cannot be read: damage
            log.warning("index_unusable_rebuilding", index_dir=str(where),
                        reason="its manifest (meta.json) cannot be read")
            full = True
        else:
            log.info("index_stale_rebuilding", index_dir=str(where))

    # Another build of this index folder under way: wait for it, then build on what it
    # saved (or load it, when it is what this one would build)
    turns = locks.building(where, lambda: log.info(
        "index_build_waiting", index_dir=str(where),
        reason="another qabot is building this index")) if save else nullcontext(False)
    with turns as waited:
        if waited:  # the corpus as it is now, and the snapshot saved meanwhile
            walk = scan(root, where)
            fp = store.fingerprint(walk.file_stats(), params)
            if not rebuild and store.live_fingerprint(where) == fp:
                with suppress(IndexFormatError):
                    return _load_fresh(where, started, walk)
        passed_over = store.current_name(where)
        previous = None if full else indexing.previous_build(where, params)
        built = indexing.build(walk, previous, params, progress)
        del previous  # its maps of the snapshot built on
        saved: Path | None = None
        not_saved: str | None = None
        if save:
            try:
                saved = store.save(where, built.index, built.collection, fp,
                                   extra=built.extra)
            except OSError as exc:
                not_saved = f"{where}: {exc.strerror or exc}"
                log.warning("index_not_saved", index_dir=str(where), reason=str(exc))
    skipped, read, kept = built.skipped, built.read, built.kept
    if saved is None:
        index, collection = built.index, built.collection
    else:
        del built  # let go before the snapshot is opened (``_served``)
        index, collection = _served(saved, walk, params, progress)
    report = LoadReport(True, time.perf_counter() - started,
                        None if saved is None else str(where), skipped, not_saved,
                        None if saved is None else saved.name, read, kept,
                        passed_over if saved is None else None)
    return index, collection, report


def _load_fresh(where: Path, started: float,
                walk: Walk) -> tuple[TermIndex, Collection, LoadReport]:
    """The index and passages of the snapshot ``where`` names, found fresh for the corpus as
    ``walk`` found it; ``IndexFormatError`` when it cannot be used. The corpus's files that
    cannot be looked at are skipped as a build skips them, saying so: a link to nothing added
    since the index was saved leaves it current, and was not said at all; nor was a link out
    of the folder (or to a hidden file) added since, which a build warns of."""
    index, collection, _, live = snapshot.load(where)
    skipped = not_found(walk)
    for s in skipped:
        log.warning("file_skipped", path=s.path, reason=s.reason)
    warn_passed_over(walk, others=False)  # (files of other types: counted when it was built)
    report = LoadReport(False, time.perf_counter() - started, str(where), skipped, snapshot=live)
    return index, collection, report


def load_saved(index_dir: str | os.PathLike[str]) -> tuple[TermIndex, Collection, LoadReport]:
    """The index and passages of the snapshot the index folder's CURRENT names, whatever corpus
    state it was built from (for a running bot taking up what ``qabot index`` saved);
    ``IndexFormatError`` when it cannot be used."""
    started = time.perf_counter()
    index, collection, _, name = snapshot.load(Path(index_dir))
    report = LoadReport(False, time.perf_counter() - started, str(index_dir), snapshot=name)
    return index, collection, report


def verify_saved(path: str | os.PathLike[str],
                 index_dir: str | os.PathLike[str] | None = None) -> tuple[str, list[str]]:
    """Check every byte of the saved index of the corpus at ``path`` against the hashes it
    was saved with: its folder and the files that differ (``[]``: all as written).
    ``IndexFormatError`` when there is no saved index."""
    where = index_dir_of(Path(path), index_dir)
    return str(where), store.verify(where)


def saved_repeated(path: str | os.PathLike[str],
                   index_dir: str | os.PathLike[str] | None = None,
                   language: str | None = None) -> tuple[Walk, np.ndarray] | None:
    """The corpus at ``path`` as found (its files' stats only: none is read) and the keys
    of the paragraphs repeated across its documents, from its saved index when that is
    current (built from these very files, with these settings); else ``None``. What
    explaining one document needs (``qabot show``) without reading every other one."""
    root = Path(path)
    where = index_dir_of(root, index_dir)
    walk = scan(root, where)
    if store.live_fingerprint(where) != store.fingerprint(walk.file_stats(),
                                                          index_params(language)):
        return None
    name = store.current_name(where)
    try:
        extra = snapshot.load_extra(where / str(name), (indexing.REPEATED,))
    except (IndexFormatError, OSError, ValueError, KeyError):
        return None
    return walk, np.array(extra[indexing.REPEATED], dtype=np.uint64)


def build_documents(docs: Sequence[Document], language: str | None
                    ) -> tuple[TermIndex, Collection]:
    """The index and passages of loaded documents, built in memory (on every core, for many);
    ``NoDocumentsError`` when no document keeps any prose."""
    collection, index = parallel.build_documents(docs, language)
    if not collection.sources:
        names = ", ".join(d.path or d.id for d in docs[:5]) + (", ..." if len(docs) > 5 else "")
        raise NoDocumentsError(
            f"no prose left in any document after boilerplate removal ({names}): "
            "check that the files hold article text"
        )
    _warn_emptied(docs, collection)
    return index, collection


def _served(saved: Path, walk: Walk, params: dict[str, object],
            progress: parallel.Progress | None) -> tuple[TermIndex, Collection]:
    """What a build that was ``saved`` answers from: that snapshot, opened as a loaded one is
    (memory-mapped: the pages questions touch, shared with other processes), the same arrays
    and so the same answers, where the built arrays were all in the process's own memory
    (1.2 GB at a million passages). The build is let go first, its cyclic garbage collected
    and its freed memory handed back, so that what opening the snapshot makes (its
    vocabulary and sources) is not scattered among the build's freed objects, keeping their
    memory: at 100,000 files the process holds about 120 MB once built, 180 MB when the
    snapshot is opened before the build is let go. If the snapshot cannot be opened (a disk
    error, or pruned by other processes' saves since), the corpus is built again in memory."""
    gc.collect()
    release_freed_memory()
    try:
        index, collection, _, _ = snapshot.load_snapshot(saved)
    except IndexFormatError as exc:
        log.warning("index_saved_unreadable", snapshot=str(saved), reason=str(exc),
                    effect="building the index again, in memory")
        built = indexing.build(walk, None, params, progress)
        return built.index, built.collection
    return index, collection


def _warn_emptied(docs: Sequence[Document], collection: Collection) -> None:
    """Warn of each document the build left out. The sources are the documents kept, in their
    order, so one walk over both finds them, without a set of every id (at a million
    documents, about 90 MB at the build's peak)."""
    kept = each_source_id(collection.sources)
    next_kept = next(kept, None)
    # raw texts' ids walked without a ``Document`` each (0.2 s at 100,000 texts); a text's
    # path is its id
    named = (((i, i) for i in docs.each_id()) if isinstance(docs, TextDocuments)
             else ((d.id, d.path or d.id) for d in docs))
    for doc_id, path in named:
        if doc_id == next_kept:
            next_kept = next(kept, None)
        else:
            log.warning("file_skipped", path=path, reason=NOTHING_QUOTABLE)


__all__ = ["LoadReport", "build_documents", "from_directory", "load_saved", "saved_repeated",
           "verify_saved"]
