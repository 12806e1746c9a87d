"""How a snapshot's files are written: arrays as ``np.save`` writes them, by the file's own
``write`` (``save_array``); long JSON lists and columns ``_BATCH`` values at a time
(``write_list``, ``write_columns``); each file synced to disk, with its size and SHA-256
(``manifest_entry``); and a small file replaced at once (``write_atomic``: CURRENT)."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import numpy as np
from numpy.lib import format as npy

_BATCH = 10_000  # sources' values encoded to JSON at a time


def manifest_entry(path: Path) -> dict[str, int | str]:
    """A written file synced to disk, with its size and SHA-256 (its manifest entry)."""
    with open(path, "rb") as f:  # read into one reused buffer: no new bytes a block
        digest = hashlib.file_digest(f, "sha256").hexdigest()
        os.fsync(f.fileno())
        return {"size": os.fstat(f.fileno()).st_size, "sha256": digest}


@contextlib.contextmanager
def durable(opened: BinaryIO) -> Iterator[BinaryIO]:
    """``opened`` (a file opened for writing), on disk when the block ends: flushed and
    synced."""
    with opened as f:
        yield f
        f.flush()
        os.fsync(f.fileno())


# A snapshot's files are written (and returned) here, not yet synced: ``save`` syncs them.
def save_array(path: Path, array: np.ndarray) -> Path:
    """``np.save``'s bytes (a version 1.0 header, then the data in C order), written by the
    file's own ``write``: numpy's ``tofile`` reports a short write as "71893 requested and 1984
    written", without the reason, where ``write`` raises the ``OSError`` that says it (ENOSPC:
    "No space left on device")."""
    array = np.ascontiguousarray(array)
    with open(path, "wb") as f:
        npy.write_array_header_1_0(f, npy.header_data_from_array_1_0(array))
        f.write(array.reshape(-1).view(np.uint8).data)  # (a view: the data is not copied)
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    with open(path, "wb") as f:
        f.write(data)
    return path


def write_columns(path: Path, columns: Iterable[tuple[str, Iterable[str | None]]]) -> Path:
    """``json.dumps(dict(columns), ensure_ascii=False)`` as UTF-8, the same bytes, written
    ``_BATCH`` values at a time: the sources of a million documents made into lists, one JSON
    text and its UTF-8 at once were about 1 GB at a save's peak."""
    with open(path, "wb") as f:
        f.write(b"{")
        for k, (name, values) in enumerate(columns):
            f.write(b"%s%s: " % (b", " if k else b"", json.dumps(name).encode()))
            _write_values(f, values)
        f.write(b"}")
    return path


def write_list(path: Path, values: Iterable[str]) -> Path:
    """``json.dumps(list(values), ensure_ascii=False)`` as UTF-8, the same bytes, ``_BATCH``
    values at a time (a million passages' 406,000 terms made into strings at once, with their
    JSON text, were about 30 MB at a save's peak)."""
    with open(path, "wb") as f:
        _write_values(f, values)
    return path


def _write_values(f: BinaryIO, values: Iterable[str | None]) -> None:
    """A JSON array of ``values``, as ``json.dumps(list(values), ensure_ascii=False)`` writes
    it, ``_BATCH`` values at a time."""
    f.write(b"[")
    rest, separator = iter(values), b""
    while batch := list(itertools.islice(rest, _BATCH)):
        f.write(separator + json.dumps(batch, ensure_ascii=False)[1:-1].encode())
        separator = b", "
    f.write(b"]")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` at once: written to a temporary beside it, then renamed
    over it. The temporary is made as ``open`` makes files (0666 less the umask), not by
    ``tempfile.mkstemp``, whose 0600 kept CURRENT from every other user."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    try:
        with durable(open(tmp, "xb")) as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
