"""What a "what is X?" question adds to the passages it retrieved: the opening of each
retrieved document whose title names X.

A manual says what its subject is once, in its first lines ("Ninja is yet another build
system."), and then names it in every passage: "What is Ninja?" retrieves the passages that
name Ninja most often, and the one that says what it is, naming it once, is not among them.
The documents the question retrieved are the ones to look in; their openings are added after
the retrieved passages (with the lowest retrieved score), for the ranker to weigh with what it
knows of openings and definitions (``lead``, ``lead_title``, ``copula_what_is``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Collection as Terms

from .collection import Collection
from .definitions import subject

LOOK_PAST = 3  # passages past a document's first in which to look for its first prose


def with_openings(hits: Sequence[tuple[int, float]], question: str, collection: Collection,
                  term_set: Callable[[str], Terms[str]]) -> list[tuple[int, float]]:
    """``hits`` ((passage, score), best first), then the opening passage of each of their
    documents whose title holds every term of the question's subject X (``subject``, read
    by ``term_set``): its first passage with a quotable sentence, once each, unless retrieved
    already, scored as the last hit."""
    out = list(hits)
    asked = set(term_set(" ".join(subject(question)))) if hits else set()
    if not asked:
        return out
    seen = {p for p, _ in hits}
    floor = min(s for _, s in hits)
    docs: set[int] = set()
    for p, _ in hits:
        doc = int(collection.passage_doc[p])
        if doc in docs:
            continue
        docs.add(doc)
        if not asked <= set(term_set(collection.sources[doc].title)):
            continue
        first = _first_prose(collection, *collection.passage_range(doc))
        if first not in seen:
            seen.add(first)
            out.append((first, floor))
    return out


def _first_prose(collection: Collection, lo: int, hi: int) -> int:
    """The first of passages ``lo`` and the ``LOOK_PAST`` after it (before ``hi``) that has a
    quotable sentence (a document's first passage may be its title alone), else ``lo``."""
    for p in range(lo, min(lo + LOOK_PAST + 1, hi)):
        if any(s.quotable for s in collection.sentences(p)):
            return p
    return lo


__all__ = ["with_openings"]
