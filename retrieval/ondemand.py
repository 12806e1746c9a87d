"""``OnDemand``: a read-only sequence whose items are made only when read (a corpus's sources,
texts given as documents, a job's chunks): a large collection of them is never all in memory as
Python objects at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar, overload

T = TypeVar("T")


class OnDemand(Sequence[T]):
    """A read-only sequence whose items are made when read (``_at``), one at a time."""

    def __len__(self) -> int:
        raise NotImplementedError

    def _at(self, i: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> list[T]: ...
    def __getitem__(self, i: int | slice) -> T | list[T]:
        n = len(self)
        if isinstance(i, slice):
            return [self._at(j) for j in range(*i.indices(n))]
        if not -n <= i < n:
            raise IndexError(f"no item {i}")
        return self._at(i % n)


__all__ = ["OnDemand"]
