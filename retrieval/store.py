"""Saving and loading a built index: atomic, fingerprinted, memory-mapped.

Layout of an index directory::

    CURRENT            the name of the live snapshot (replaced atomically)
    snap-<id>/         one complete snapshot, never modified once CURRENT names it
        meta.json      format version, corpus fingerprint, counts, every file's size and hash
        meta.sha256    the SHA-256 of meta.json
        sources.json   the documents' citation fields, by column (``SourceTable``)
        sections.json  the section paths passages sit in
        vocab.json     the terms, in id order
        *.npy          the arrays of ``TermIndex`` and ``Collection``

A save writes a new snapshot under a temporary name, renames it into place, then replaces CURRENT
(temp file + ``os.replace``): a crash at any point leaves the previous snapshot live, and readers
(other processes, other replicas) always see a complete one. Renaming, switching CURRENT and
pruning happen under a lock file (``.lock``, ``flock``), so two saves at once never prune each
other's snapshot (and a whole build runs under another, ``.build-lock``: ``locks.building``); the
snapshot CURRENT named before is kept too, for a reader that read CURRENT just before the
switch, and temporaries of killed saves are removed once ``STALE_TMP_SECONDS`` old. A
snapshot's folder, its files and CURRENT are made as any others are, the umask deciding who may
read them (an index built by root in an image is read by the bot's own user). Loading
(``snapshot.py``) memory-maps the arrays, so a large index opens in milliseconds and its pages
are shared between processes.

Integrity: ``meta.json`` lists every file's size and SHA-256, and ``meta.sha256`` holds its own,
written before the snapshot is renamed into place (so with it, atomically). Loading checks the
manifest's hash, every size and the hashes of the JSON files (titles, sections, vocabulary); a
passage's text is checked against its CRC-32 each time it is read (``Collection.passage_text``),
so a damaged byte is never quoted as the source's words; ``verify`` (``qabot index --verify``)
hashes every byte. How each file is written (synced, hashed, JSON in batches) is
``writing.py``; the folder's locks, ``locks.py``.

The fingerprint covers the format version, the index parameters (with the version of the text
pipeline, ``collection.TEXT_VERSION``) and every corpus file's relative path, size and
modification time: any change makes the saved index stale.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from .collection import Collection
from .errors import IndexFormatError
from .heap import release_freed_memory
from .index import TermIndex
from .locks import locked
from .sources import source_fields
from .walk import FileStat
from .writing import (
    durable,
    manifest_entry,
    save_array,
    write_atomic,
    write_bytes,
    write_columns,
    write_list,
)

# 2: per-term maximum weights (maxw.npy); sources by column (sources.json). 3: which sentences
# may be quoted (sent_flags.npy), passages' sections and pages (sections.json). 4: every file's
# size and SHA-256 in meta.json. 5: each passage's CRC-32 (passage_crc.npy). 6: each passage's
# language (passage_lang.npy). 7: sentence spans (sent_bounds.npy) as uint16 when every passage
# is shorter than 65,536 characters, else int32 (as before). 8: meta.json's own SHA-256
# (meta.sha256): an edit that left it valid JSON (a count, a file left out of its list) was
# found by no check.
FORMAT_VERSION = 8
MANIFEST = "meta.json"
MANIFEST_SEAL = "meta.sha256"
CURRENT = "CURRENT"
STALE_TMP_SECONDS = 600  # a temporary this old is a killed save's (writing one takes seconds)
# What reading a damaged snapshot can raise. RecursionError: JSON nested deeper than the
# parser's stack (a meta.json of 100,000 "["), damage like any other, not a crash.
DAMAGE = (OSError, ValueError, KeyError, TypeError, EOFError, RecursionError)
INDEX_ARRAYS = ("indptr", "passages", "weights", "df", "maxw")
COLLECTION_ARRAYS = ("passage_doc", "text_offsets", "text_blob", "sent_indptr", "sent_bounds",
                      "sent_flags", "passage_section", "passage_page", "passage_crc",
                      "passage_lang")


def fingerprint(stats: Iterable[FileStat], params: dict[str, object]) -> str:
    """A digest of the corpus files (path, size, mtime), the parameters and the format version."""
    h = hashlib.sha256()
    h.update(json.dumps({"format": FORMAT_VERSION, "params": params}, sort_keys=True).encode())
    for s in sorted(stats, key=lambda s: s.relpath):
        h.update(f"\n{s.relpath}\t{s.size}\t{s.mtime_ns}".encode())
    return h.hexdigest()


def save(directory: Path, index: TermIndex, collection: Collection, fp: str,
         extra: Mapping[str, np.ndarray | bytes] | None = None) -> Path:
    """Write a new snapshot into ``directory`` and make it the live one; returns its path.
    ``extra`` files (arrays as ``.npy``, bytes as they are) go into the snapshot too, in its
    manifest like the others (``load_extra`` reads them back)."""
    directory.mkdir(parents=True, exist_ok=True)
    name = f"snap-{fp[:12]}-{uuid.uuid4().hex[:8]}"
    # Not ``tempfile.mkdtemp``: its folder is 0700 whatever the umask, and a snapshot built by
    # one user (the image's root, a shared volume's indexer) must be readable by the bot's.
    tmp = directory / f".tmp-{uuid.uuid4().hex}"
    tmp.mkdir()
    try:
        # Each file, once written, is synced to disk and hashed by a thread (both let go of
        # the GIL) while the next is written; all are, before the snapshot is renamed into
        # place.
        with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
            sealed: dict[str, Future[dict[str, int | str]]] = {}

            def seal(path: Path) -> None:
                sealed[path.name] = pool.submit(manifest_entry, path)

            for key in INDEX_ARRAYS:
                seal(save_array(tmp / f"{key}.npy", getattr(index, key)))
            for key in COLLECTION_ARRAYS:
                seal(save_array(tmp / f"{key}.npy", getattr(collection, key)))
            seal(write_list(tmp / "vocab.json", index.vocabulary.each_term()))  # in id order
            seal(write_columns(tmp / "sources.json", source_fields(collection.sources)))
            seal(write_bytes(tmp / "sections.json", json.dumps(list(collection.sections),
                                                          ensure_ascii=False).encode()))
            for file, value in (extra or {}).items():
                seal(write_bytes(tmp / file, value) if isinstance(value, bytes)
                     else save_array(tmp / file, value))
            # what every file must be: its size is checked at each load, its hash by verify()
            files = {name: sealed[name].result() for name in sorted(sealed)}
        meta = {
            "format": FORMAT_VERSION,
            "fingerprint": fp,
            "n_passages": index.n_passages,
            "n_terms": len(index.vocabulary),
            "n_sources": len(collection.sources),
            "files": files,
        }
        manifest = json.dumps(meta, ensure_ascii=False).encode()
        with durable(open(tmp / MANIFEST, "wb")) as f:
            f.write(manifest)
        with durable(open(tmp / MANIFEST_SEAL, "wb")) as f:
            f.write(hashlib.sha256(manifest).hexdigest().encode())
        with locked(directory):
            os.rename(tmp, directory / name)
            previous = current_name(directory)
            write_atomic(directory / CURRENT, name.encode())
            _prune(directory, keep={name} if previous is None else {name, previous})
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    # what writing freed (batches of JSON, the hashing threads' buffers) would stay resident
    # inside the heap: about 20 MB after saving a million passages
    release_freed_memory()
    return directory / name


def current_name(directory: Path) -> str | None:
    """The name of the snapshot CURRENT names (one small read: cheap enough to poll), or
    ``None`` when there is none."""
    try:
        return (directory / CURRENT).read_text("utf-8").strip() or None
    except (OSError, UnicodeDecodeError):  # (damaged: no name, as if there were none)
        return None


def live_fingerprint(directory: Path) -> str | None:
    """The fingerprint of the live snapshot, or ``None`` when there is none readable."""
    try:
        return str(manifest(live(directory))["fingerprint"])
    except (*DAMAGE, IndexFormatError):
        return None


def manifest(snap: Path) -> dict[str, Any]:
    """The snapshot's manifest (``meta.json``), checked against the hash saved beside it.
    ``IndexFormatError`` when it is of another format (before its hash: an older qabot's has
    none), its hash is missing, or it is not as saved; a damage error (``DAMAGE``) when it
    cannot be read."""
    data = (snap / MANIFEST).read_bytes()
    meta = json.loads(data)
    if not isinstance(meta, dict):
        raise ValueError("the manifest is no JSON object")
    if meta.get("format") != FORMAT_VERSION:
        raise IndexFormatError(
            f"index {str(snap)!r} has format {meta.get('format')!r}, expected {FORMAT_VERSION}"
        )
    try:
        seal = (snap / MANIFEST_SEAL).read_bytes().strip()
    except FileNotFoundError:
        raise _NotAsSaved(MANIFEST_SEAL, f"index {str(snap)!r} has no {MANIFEST_SEAL}, the "
                          f"hash of its {MANIFEST} (damaged)") from None
    if hashlib.sha256(data).hexdigest().encode() != seal:
        raise _NotAsSaved(MANIFEST, f"index file {str(snap / MANIFEST)!r} is not as it was "
                          "saved (damaged)")
    return meta


class _NotAsSaved(IndexFormatError):
    """A snapshot's manifest that is not as saved: ``name``, the file that says so."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def verify(directory: Path) -> list[str]:
    """The files of the live snapshot that differ from what was saved (size or SHA-256), or
    that are missing (``meta.json`` itself when it cannot be read); ``[]`` when every one is
    as written. Reads every byte: for ``qabot index --verify``, not for each load. Raises
    ``IndexFormatError`` when there is no snapshot."""
    snap = live(directory)
    # a manifest that cannot be read, is not as saved, or lists its files in another shape,
    # is itself a file not as written (it was exit 2, "no readable manifest", as if no index
    # were saved); an edit that left it valid JSON was found by nothing
    try:
        files = manifest(snap)["files"]
        wanted = {str(name): (int(want["size"]), str(want["sha256"]))
                  for name, want in files.items()}
    except _NotAsSaved as exc:
        return [exc.name]
    except IndexFormatError:  # another format's (an older qabot's): not this one's to check
        raise
    except (*DAMAGE, AttributeError):
        return [MANIFEST]
    bad = []
    for name, (size, sha256) in wanted.items():
        path = snap / name
        if not path.is_file() or path.stat().st_size != size or _sha256(path) != sha256:
            bad.append(name)
    return bad


def live(directory: Path) -> Path:
    try:
        name = (directory / CURRENT).read_text("utf-8").strip()
    except FileNotFoundError as exc:
        raise IndexFormatError(f"no saved index in {str(directory)!r}") from exc
    except UnicodeDecodeError as exc:  # damaged: rebuilt, as any damaged index is
        raise IndexFormatError(f"{str(directory / CURRENT)!r} is damaged (not text)") from exc
    if not name.startswith("snap-") or "/" in name or not (directory / name).is_dir():
        raise IndexFormatError(f"{str(directory / CURRENT)!r} names no snapshot")
    return directory / name


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:  # read into one reused buffer: no new bytes a block
        return hashlib.file_digest(f, "sha256").hexdigest()


def _prune(directory: Path, keep: set[str]) -> None:
    """Remove older snapshots and abandoned temporaries (readers keep their open maps)."""
    now = time.time()
    for entry in directory.iterdir():
        if not entry.is_dir() or entry.name in keep:
            continue
        # Another process may be writing a temporary right now: only old ones are abandoned.
        stale_tmp = (entry.name.startswith(".tmp-")
                     and now - entry.stat().st_mtime > STALE_TMP_SECONDS)
        if entry.name.startswith("snap-") or stale_tmp:
            shutil.rmtree(entry, ignore_errors=True)
