"""``retrieval.ondemand``: a read-only sequence whose items are made when read, and the workers'
``Chunks`` built on it."""

from __future__ import annotations

import pytest

from retrieval.ondemand import OnDemand
from retrieval.workers import Chunks


class Squares(OnDemand[int]):
    def __init__(self, n: int) -> None:
        self.n, self.made = n, 0

    def __len__(self) -> int:
        return self.n

    def _at(self, i: int) -> int:
        self.made += 1
        return i * i


def test_items_are_made_only_when_read() -> None:
    squares = Squares(5)
    assert squares.made == 0
    assert (squares[2], squares[-1], squares[1:4]) == (4, 16, [1, 4, 9])
    assert squares.made == 5
    assert list(squares) == [0, 1, 4, 9, 16]
    with pytest.raises(IndexError):
        squares[5]
    with pytest.raises(IndexError):
        squares[-6]


def test_chunks_cut_n_items_and_make_each_when_asked() -> None:
    made: list[tuple[int, int]] = []
    chunks = Chunks(7, 3, lambda lo, hi: made.append((lo, hi)) or list(range(lo, hi)))
    assert len(chunks) == 3 and made == []
    assert chunks[-1] == [6] and chunks[0] == [0, 1, 2]
    assert list(chunks) == [[0, 1, 2], [3, 4, 5], [6]]
    assert chunks[1:] == [[3, 4, 5], [6]]
    with pytest.raises(IndexError):
        chunks[3]
