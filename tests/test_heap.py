"""heap: freed memory handed back, names the interpreter kept let go."""

from __future__ import annotations

import sys

from retrieval.heap import release_freed_memory


class Probe:
    pass


def test_a_name_looked_up_is_not_kept_alive_once_memory_is_released() -> None:
    """Before Python 3.12 the type cache keeps every attribute name looked up, so one string
    made during a build (unpickling makes class names anew) can keep a whole block of freed
    objects' memory from being given back."""
    name = "".join(["attribute_", "never_defined"])  # made at run time, not interned
    alone = sys.getrefcount(name)
    assert getattr(Probe, name, None) is None and getattr(Probe(), name, None) is None
    release_freed_memory()
    assert sys.getrefcount(name) == alone
