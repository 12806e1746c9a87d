"""An index folder's locks (exclusive ``flock``s on files in it): saves take turns renaming a
snapshot into place, switching CURRENT and pruning (``locked``, ``LOCK``), and whole builds take
turns (``building``, ``BUILD_LOCK``). Where there is no ``flock``, nothing is held."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

LOCK = ".lock"
BUILD_LOCK = ".build-lock"


@contextlib.contextmanager
def building(directory: Path, waiting: Callable[[], object] = lambda: None) -> Iterator[bool]:
    """Hold ``directory``'s build lock (``BUILD_LOCK``, an exclusive ``flock``) while an index
    is built and saved into it, so that two builds of one corpus (two `qabot index`, a watch
    and a question finding the index stale) take turns instead of reading the same files at
    once; ``waiting()`` is called when another build holds it. Yields whether it waited: the
    other build's snapshot is then the one to load or build on. Where the lock cannot be had
    (a folder that cannot be written, no ``flock``), nothing is held. Not reentrant: a build
    must not start another in the same folder."""
    try:
        import fcntl

        directory.mkdir(parents=True, exist_ok=True)
        f = open(directory / BUILD_LOCK, "a+b")  # noqa: SIM115 (closed below)
    except (ImportError, OSError):
        yield False
        return
    with f:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            waited = False
        except OSError:  # held by another build
            waiting()
            fcntl.flock(f.fileno(), fcntl.LOCK_EX)
            waited = True
        try:
            yield waited
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)


@contextlib.contextmanager
def locked(directory: Path) -> Iterator[None]:
    """Hold ``directory``'s lock file (an exclusive ``flock``; where there is none, nothing)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: saves are not serialised
        yield
        return
    with open(directory / LOCK, "a+b") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)
