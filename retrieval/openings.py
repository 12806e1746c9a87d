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

A document that says what X is may not be among those retrieved at all where X is what every
document of a corpus is about ("What is Roundup?" over nine chapters of its manual, each naming
Roundup on every page): the openings of the documents whose title is X, or X and a colon or a
dash before what X is ("Roundup: an Issue-Tracking System for Knowledge Workers", "Ninja - a
small build system"; not "Roundup FAQ"), ``MAX_TITLED`` at most, are added too, found in the
corpus's ``Titles``.
"""

from __future__ import annotations

import re
import threading
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
MAX_TITLED = 3  # documents not retrieved titled by X, at most
_HEAD_WORDS = 4  # words of a title's head, at most (X is no longer)
# a header's field: a label of one to three words and a colon ("Authors: ...", "Last updated: ...")
_FIELD_RE = re.compile(r"^[^\W\d_][\w-]*(?: [\w-]+){0,2}: ")
_HEAD_END_RE = re.compile(r"\s+[—–|-]\s+|:\s")  # the end of a title's head: a colon, a dash


def with_openings(hits: Sequence[tuple[int, float]], question: str, cue: str | None, lang: str,
                  collection: Collection, term_set: Callable[[str], Terms[str]],
                  titles: Titles | None = None) -> list[tuple[int, float]]:
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
    # the retrieved documents whose title holds X, then those not retrieved that X titles
    by_title = (titles or Titles(collection)).titled(lang, term_set)
    looked_in = [d for d in docs if asked <= set(term_set(collection.sources[d].title))]
    looked_in += [d for d in by_title.get(frozenset(asked), ()) if d not in docs][:MAX_TITLED]
    for doc in looked_in:
        first = _first_prose(collection, *collection.passage_range(doc))
        if first not in seen:
            seen.add(first)
            out.append((first, floor))
    headed = 0
    for doc in docs:
        if headed == MAX_HEADED:
            break
        for p in _headed(collection, doc, question, lang):
            if headed < MAX_HEADED and p not in seen:
                seen.add(p)
                out.append((p, floor))
                headed += 1
    return out


class Titles:
    """The documents of one corpus by the terms of their title's head: the title up to a colon
    or a dash, of ``_HEAD_WORDS`` words at most. Made per language at the first "what is X?"
    question the corpus is asked in it; an engine keeps its own, which goes with it."""

    def __init__(self, collection: Collection) -> None:
        self.collection = collection
        self._tables: dict[str, dict[frozenset[str], list[int]]] = {}
        self._lock = threading.Lock()

    def titled(self, lang: str, term_set: Callable[[str], Terms[str]]
               ) -> dict[frozenset[str], list[int]]:
        """The table, its titles read in ``lang`` (by ``term_set``)."""
        with self._lock:
            if lang not in self._tables:
                table: dict[frozenset[str], list[int]] = {}
                for doc, source in enumerate(self.collection.sources):
                    head = _HEAD_END_RE.split(source.title, maxsplit=1)[0]
                    if len(head.split()) <= _HEAD_WORDS and (key := frozenset(term_set(head))):
                        table.setdefault(key, []).append(doc)
                self._tables[lang] = table
            return self._tables[lang]


def _headed(collection: Collection, doc: int, question: str, lang: str) -> list[int]:
    """The first passage of each section of document ``doc`` whose own heading is just what
    the "what is X?" ``question`` (in ``lang``) asks about (its title naming the rest of X),
    or asks it ("1.2. Что такое Debian GNU/Linux?")."""
    lo, hi = collection.passage_range(doc)
    ids, at = np.unique(collection.passage_section[lo:hi], return_index=True)
    title = collection.sources[doc].title
    return [lo + int(k) for i, k in zip(ids.tolist(), at.tolist(), strict=True)
            if i >= 0 and heads_definition(collection.sections[i].rsplit(SECTION_SEPARATOR, 1)[-1],
                                           question, title, lang)]


def _first_prose(collection: Collection, lo: int, hi: int) -> int:
    """The first of passages ``lo`` and the ``LOOK_PAST`` after it (before ``hi``) that has a
    quotable sentence other than a field of the document's header ("Authors: Ka-Ping Yee",
    "Version: 2.1"; a document's first passage may be its title alone), else ``lo``."""
    for p in range(lo, min(lo + LOOK_PAST + 1, hi)):
        if any(s.quotable and not _FIELD_RE.match(s.text) for s in collection.sentences(p)):
            return p
    return lo


__all__ = ["Titles", "with_openings"]
