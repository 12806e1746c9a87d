"""Handing freed memory back to the operating system (glibc's ``malloc_trim``).

glibc keeps freed blocks of up to 32 MB inside its heap, resident, where later large arrays
(allocated by ``mmap``) cannot reuse them: after counting a million passages that is about 150
MB of dead heap, and arrays grown by ``realloc`` inside the heap leave every block they outgrew
behind (about 250 MB while packing a million passages after an index build). Elsewhere than
glibc, ``malloc_trim`` is not called.

Python's own allocator has the same trouble with small objects: it gives a 1 MiB block (an
arena) back only when every object in it is freed, so one object that outlives the millions
freed around it keeps the whole block. Before Python 3.12 the interpreter's type cache holds
such objects: the name of every attribute looked up, which unpickling makes anew each time it
reads a class's name ("Laid", "_frombuffer", "dtype": a build's workers send results by the
thousand). After building 100,000 files, 200 such names kept 140 MB of freed objects'
memory; ``release_freed_memory`` clears that cache first (it refills as attributes are looked
up again).
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import sys
from collections.abc import Callable
from typing import Any


def release_freed_memory() -> None:
    """Let go of the names only the type cache keeps, then hand the heap's freed blocks back to
    the operating system (about a millisecond for a heap of a gigabyte)."""
    _clear_type_cache()
    with contextlib.suppress(AttributeError, OSError):
        _libc().malloc_trim(0)


@functools.cache
def _libc() -> Any:
    return ctypes.CDLL(None)


def _clear_type_cache() -> None:
    # 3.13 renamed it (``_clear_type_cache`` is deprecated there); other interpreters may have
    # neither
    clear: Callable[[], None] | None = getattr(sys, "_clear_internal_caches", None) or getattr(
        sys, "_clear_type_cache", None)
    if clear is not None:
        clear()
