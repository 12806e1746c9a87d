"""A saved snapshot opened: memory-mapped, checked against its manifest (``store.py`` saves it and
says what it holds), and its maps watched for a file cut short while in use.

    index, collection, fp, name = load(index_dir)        # the snapshot CURRENT names
    index, collection, fp, name = load_snapshot(snap)    # one snapshot, by its path
    maps = Maps(index, collection)                       # maps.cut(): files cut short since
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import mmap
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from . import store
from .collection import Collection
from .errors import IndexFormatError
from .index import KERNEL_MIN_PASSAGES, TermIndex
from .sources import SourceTable
from .vocabulary import Vocabulary


def load(directory: Path) -> tuple[TermIndex, Collection, str, str]:
    """Open the live snapshot (memory-mapped): its index, collection, corpus fingerprint and
    name. Raises ``IndexFormatError`` if it is unusable: another format, a file missing or of
    another size than saved, arrays that disagree."""
    with _readable(directory):
        return _open(store.live(directory))


def load_snapshot(snapshot: Path) -> tuple[TermIndex, Collection, str, str]:
    """``load`` of one snapshot by its path (what ``save`` returned), whichever CURRENT names
    now: a build serves the snapshot it saved, not one another process saved since."""
    with _readable(snapshot):
        return _open(snapshot)


def _open(snap: Path) -> tuple[TermIndex, Collection, str, str]:
    """``load``'s work, on the snapshot folder ``snap``."""
    meta = store.manifest(snap)
    files = meta["files"]
    for name in files:
        _check_size(snap / name, files)
    vocab = Vocabulary(json.loads(_read_checked(snap / "vocab.json", files)))  # the list let go
    arrays = {k: _mapped(snap / f"{k}.npy")
              for k in (*store.INDEX_ARRAYS, *store.COLLECTION_ARRAYS)}
    index = TermIndex(
        vocabulary=vocab,
        indptr=arrays["indptr"], passages=arrays["passages"], weights=arrays["weights"],
        df=arrays["df"], maxw=arrays["maxw"], n_passages=int(meta["n_passages"]),
    )
    collection = Collection(
        sources=SourceTable(json.loads(_read_checked(snap / "sources.json", files))),
        **{k: arrays[k] for k in store.COLLECTION_ARRAYS},
        sections=json.loads(_read_checked(snap / "sections.json", files)),
    )
    _check(index, collection)
    return index, collection, str(meta["fingerprint"]), snap.name


def load_extra(snapshot: Path, names: Iterable[str]) -> dict[str, np.ndarray | bytes]:
    """The ``extra`` files a snapshot was saved with: ``.npy`` arrays memory-mapped (their
    sizes checked), other files read whole (their hashes checked). ``IndexFormatError`` when
    one is missing or damaged."""
    with _readable(snapshot):
        files = store.manifest(snapshot)["files"]
        out: dict[str, np.ndarray | bytes] = {}
        for name in names:
            if name.endswith(".npy"):
                _check_size(snapshot / name, files)
                out[name] = _mapped(snapshot / name)
            else:
                out[name] = _read_checked(snapshot / name, files)
        return out


@contextlib.contextmanager
def _readable(where: Path) -> Iterator[None]:
    """Any error reading the index in ``where`` as an ``IndexFormatError`` saying so."""
    try:
        yield
    except IndexFormatError:
        raise
    except store.DAMAGE as exc:
        raise IndexFormatError(f"index in {str(where)!r} is unreadable: {exc}") from exc


class Maps:
    """The file maps a loaded snapshot's arrays are views of (none for arrays built in
    memory), to tell whether one of the files was cut short while in use.

    A file truncated in place (``rsync --inplace``, a copy onto the volume that ran out of
    space, an operator's mistake) keeps its map, and reading a page past the new end kills the
    process with SIGBUS, which Python cannot catch: no log line, the update in hand lost, every
    replica mapping the volume gone. ``cut`` sees it first: one ``fstat`` of each map's file
    (what ``mmap.size`` is; about 14 µs for a snapshot's 15 arrays, against the 13 ms of a
    question on the seeds), cheap enough for every question. Copying the arrays out of the
    maps instead would cost each process the whole index in memory (at a million passages the
    snapshot is 1,064 MB, 593 MB of it the passages' text and spans, where a loaded process
    answers with about 385 MB resident), make loading read all of it, and end the sharing of
    its pages between replicas."""

    def __init__(self, index: TermIndex, collection: Collection) -> None:
        found: dict[int, mmap.mmap] = {}
        for array in [*(getattr(index, k) for k in store.INDEX_ARRAYS),
                      *(getattr(collection, k) for k in store.COLLECTION_ARRAYS)]:
            base = array.base
            while base is not None and not isinstance(base, mmap.mmap):
                base = getattr(base, "base", None)  # an ndarray's view of a np.memmap of it
            if base is not None:
                found[id(base)] = base
        self._maps = tuple(found.values())

    def __len__(self) -> int:
        return len(self._maps)

    def cut(self) -> int:
        """How many of the mapped files are now shorter than when they were mapped (each map
        starts at the file's start: a ``.npy`` header is shorter than a page)."""
        return sum(m.size() < len(m) for m in self._maps)


def _check_size(path: Path, files: dict[str, dict[str, object]]) -> None:
    if path.stat().st_size != files[path.name]["size"]:
        raise IndexFormatError(f"index file {str(path)!r} is not the size it was saved with "
                               "(truncated or overwritten)")


def _mapped(path: Path) -> np.ndarray:
    """A saved array memory-mapped, as a plain read-only ndarray view (the search kernel is
    compiled for read-only arrays, and a built index's arrays are read-only too)."""
    return np.asarray(np.load(path, mmap_mode="r", allow_pickle=False))


def _check(index: TermIndex, c: Collection) -> None:
    """Raise ``IndexFormatError`` unless the arrays agree with each other."""
    n, t = index.n_passages, len(index.vocabulary)
    ok = (
        len(index.indptr) == t + 1 and len(index.df) == t and len(index.maxw) == t
        and int(index.indptr[-1]) == len(index.passages) == len(index.weights)
        and len(c.passage_doc) == n and len(c.text_offsets) == n + 1
        and int(c.text_offsets[-1]) == len(c.text_blob) and len(c.sent_indptr) == n + 1
        and int(c.sent_indptr[-1]) == len(c.sent_bounds) == len(c.sent_flags)
        and c.sent_bounds.dtype in (np.uint16, np.int32) and c.sent_bounds.shape[1:] == (2,)
        and len(c.passage_section) == len(c.passage_page) == len(c.passage_crc) == n
        and len(c.passage_lang) == n
        and (n == 0 or int(c.passage_section.max()) < len(c.sections))
        and (n == 0 or int(c.passage_doc.max()) < len(c.sources))
        # Passage ids in the postings: the compiled kernel checks them as it reads them (reading
        # all 230 MB of them here at 1M passages would undo the memory map); the numpy path,
        # which serves smaller indexes, does not, so they are checked here, where it is cheap.
        and (n >= KERNEL_MIN_PASSAGES or len(index.passages) == 0
             or int(index.passages.max()) < n)
    )
    if not ok:
        raise IndexFormatError("index arrays are inconsistent (truncated or corrupt files)")


def _read_checked(path: Path, files: dict[str, dict[str, object]]) -> bytes:
    """The bytes of one of a snapshot's JSON files, checked against the SHA-256 it was saved
    with (these are small and read whole anyway; the arrays are checked by size, and each
    passage's text by its CRC-32 as it is read)."""
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != files[path.name]["sha256"]:
        raise IndexFormatError(f"index file {str(path)!r} is not as it was saved (damaged)")
    return data


__all__ = ["Maps", "load", "load_extra", "load_snapshot"]
