"""The compact vocabulary answers as the dict it replaces: the same ids, order and misses."""

from __future__ import annotations

import random
import sys

import numpy as np
import pytest

from retrieval.vocabulary import _EMPTY, Vocabulary, _placed


def _terms(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyzéßжи中文1'’"
    out = dict.fromkeys("".join(rng.choice(letters) for _ in range(rng.randint(1, 12)))
                        for _ in range(n))
    return list(out)


@pytest.mark.parametrize("terms", [[], ["cat"], _terms(20_000), [t for t in _terms(5_000)
                                                                   if t.isascii()]])
def test_same_ids_as_a_dict(terms: list[str]) -> None:
    reference = {t: i for i, t in enumerate(terms)}
    vocabulary = Vocabulary(terms)
    assert len(vocabulary) == len(reference)
    assert list(vocabulary) == vocabulary.terms() == list(vocabulary.each_term()) == terms
    assert all(vocabulary.get(t) == i and vocabulary[t] == i and t in vocabulary
               for t, i in reference.items())
    missing = [t + "x" for t in terms[:2_000]] + ["", "dog", "\ud800", "a\x00b"]
    for t in missing:
        if t not in reference:
            assert vocabulary.get(t) is None and vocabulary.get(t, -1) == -1
            assert t not in vocabulary
            with pytest.raises(KeyError):
                vocabulary[t]
    assert vocabulary == reference and vocabulary == Vocabulary(list(terms))
    assert 5 not in vocabulary


def test_odd_strings_are_terms_too() -> None:
    terms = ["\ud800", "a\x00b", "", "x" * 1000, "\U0001f600"]
    vocabulary = Vocabulary(terms)
    assert [vocabulary[t] for t in terms] == [0, 1, 2, 3, 4]
    assert list(vocabulary) == list(vocabulary.each_term()) == terms


def test_other_order_other_ids() -> None:
    assert Vocabulary(["a", "b"]) != Vocabulary(["b", "a"])
    assert Vocabulary(["a", "b"]) != {"a": 0}


def test_a_term_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        Vocabulary(["cat", "dog", "cat"])


@pytest.mark.parametrize("homes", [[0] * 50, [7] * 30 + [0] * 30, list(range(0, 120, 3)) * 3])
def test_probing_from_home_finds_every_id(homes: list[int]) -> None:
    """Colliding hashes (and a run wrapping past the table's end): every id lies after its
    home with no empty slot between, so a lookup probing from home reaches it."""
    table = _placed(np.array(homes, dtype=np.uint32))
    mask = len(table) - 1
    assert sorted(table[table != _EMPTY].tolist()) == list(range(len(homes)))
    for t, home in enumerate(homes):
        slot = home & mask
        while table[slot] != t:
            assert table[slot] != _EMPTY
            slot = (slot + 1) & mask


def test_smaller_than_the_dict() -> None:
    terms = [f"term{i}" for i in range(100_000)]
    as_dict = {t: i for i, t in enumerate(terms)}
    dict_bytes = (sys.getsizeof(as_dict) + sum(map(sys.getsizeof, terms))
                  + sum(map(sys.getsizeof, as_dict.values())))
    assert Vocabulary(terms).nbytes * 4 < dict_bytes
