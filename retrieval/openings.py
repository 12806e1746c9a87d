"""What a "what is X?" question adds to the passages it retrieved: the opening of each
retrieved document whose title names X, and the section of each that X heads.

A manual says what its subject is once, in its first lines ("Ninja is yet another build
system."), and then names it in every passage: "What is Ninja?" retrieves the passages that
name Ninja most often, and the one that says what it is, naming it once, is not among them.
The documents the question retrieved are the ones to look in; their openings are added after
the retrieved passages (with the lowest retrieved score), for the ranker to weigh with what it
knows of openings and definitions (``lead``, ``lead_title``, ``copula_what_is``).

A reference names what it describes in a heading or a term ("--squash", "split [<commit>]",
"class cachetools.TTLCache(...)") and describes it once, under it, while the words of X fill
its other sections: the first passage of a section whose own heading is just X
(``definitions.heads_definition``) in a retrieved document is added too (``MAX_HEADED`` at most),
for the ranker's ``defined``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Collection as Terms

import numpy as np

from . import whatis
from .collection import Collection
from .definitions import heads_definition, subject
from .language import ENGLISH
from .layout import SECTION_SEPARATOR

LOOK_PAST = 3  # passages past a document's first in which to look for its first prose
MAX_HEADED = 3  # sections headed by X added at most


def with_openings(hits: Sequence[tuple[int, float]], question: str, cue: str | None, lang: str,
                  collection: Collection, term_set: Callable[[str], Terms[str]]
                  ) -> list[tuple[int, float]]:
    """``hits`` ((passage, score), best first), then, for a "what is X?" question (``cue``
    "what_is" in English, ``whatis.subject`` in another ``lang``), the opening passage of each
    of their documents whose title holds every term of X (read by ``term_set``): its first
    passage with a quotable sentence, once each, unless retrieved already, scored as the last
    hit."""
    out = list(hits)
    named = (subject(question) if cue == "what_is"
             else whatis.subject(question, lang) if lang != ENGLISH else ())
    asked = set(term_set(" ".join(named))) if hits else set()
    if not asked:
        return out
    seen = {p for p, _ in hits}
    floor = min(s for _, s in hits)
    docs = list(dict.fromkeys(int(collection.passage_doc[p]) for p, _ in hits))
    for doc in docs:
        if not asked <= set(term_set(collection.sources[doc].title)):
            continue
        first = _first_prose(collection, *collection.passage_range(doc))
        if first not in seen:
            seen.add(first)
            out.append((first, floor))
    headed = 0
    for doc in docs:
        if headed == MAX_HEADED:
            break
        for p in _headed(collection, doc, question):
            if headed < MAX_HEADED and p not in seen:
                seen.add(p)
                out.append((p, floor))
                headed += 1
    return out


def _headed(collection: Collection, doc: int, question: str) -> list[int]:
    """The first passage of each section of document ``doc`` whose own heading is just what
    the "what is X?" ``question`` asks about (its title naming the rest of X)."""
    lo, hi = collection.passage_range(doc)
    ids, at = np.unique(collection.passage_section[lo:hi], return_index=True)
    title = collection.sources[doc].title
    return [lo + int(k) for i, k in zip(ids.tolist(), at.tolist(), strict=True)
            if i >= 0 and heads_definition(collection.sections[i].rsplit(SECTION_SEPARATOR, 1)[-1],
                                           question, title)]


def _first_prose(collection: Collection, lo: int, hi: int) -> int:
    """The first of passages ``lo`` and the ``LOOK_PAST`` after it (before ``hi``) that has a
    quotable sentence (a document's first passage may be its title alone), else ``lo``."""
    for p in range(lo, min(lo + LOOK_PAST + 1, hi)):
        if any(s.quotable for s in collection.sentences(p)):
            return p
    return lo


__all__ = ["with_openings"]
