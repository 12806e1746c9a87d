"""Handing freed memory back to the operating system (glibc's ``malloc_trim``).

glibc keeps freed blocks of up to 32 MB inside its heap, resident, where later large arrays
(allocated by ``mmap``) cannot reuse them: after counting a million passages that is about 150
MB of dead heap, and arrays grown by ``realloc`` inside the heap leave every block they outgrew
behind (about 250 MB while packing a million passages after an index build). Elsewhere than
glibc, ``release_freed_memory`` does nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
from typing import Any


def release_freed_memory() -> None:
    """Hand the heap's freed blocks back to the operating system (about a millisecond for a
    heap of a gigabyte)."""
    with contextlib.suppress(AttributeError, OSError):
        _libc().malloc_trim(0)


@functools.cache
def _libc() -> Any:
    return ctypes.CDLL(None)
