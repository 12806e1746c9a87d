"""A question's subjects, and an answer from a document that never names one.

A corpus's documents are about something, and their titles say what: "Why Click?", "IDLE
History", "Black's FAQ". A question's term that titles a document retrieved for it and that few
of the corpus's documents hold is the question's *subject* ("who is the current maintainer of
click?": click). (The titles of the documents retrieved, not of every document: a question
names what it asks about, so its document is among them; and reading 100,000 titles took 3 s
at the first question after each load.)
An answer quoted from a document that never names it, in its text, its title or its file's
name, is about something else: IDLE's credits list "Terry Jan Reedy (current maintainer)", but
not of Click. Such a best sentence does not answer (``composer``'s ``subject_missing``).

A common word is in some title of most corpora ("use", "line", "number") and no subject: a
word its language uses often (``common_words``, wordfreq's Zipf frequency 5 or more) is never
one, nor is a term more than ``SUBJECT_SHARE`` of the documents hold. (Without the first, XQuAD's
paragraphs lost answers to "number", "united", "company": terms of its articles' titles.)
A piece of a text written without spaces (a Chinese or Thai bigram, ``scripts.py``) is no word
and no subject: a question's pieces meet other documents' titles by chance (Chinese, Japanese
and Thai lost 1-3 of 16 questions each to it). A name the corpus never has is ``query.unseen``
and judged elsewhere (``specific_word_missing``).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .analyzer import analyzer
from .collection import Collection
from .common_words import common_words
from .index import TermIndex
from .query import Query
from .scripts import unspaced
from .surroundings import document_names

# a title's term held by more of the documents than this is a common word, not a subject
SUBJECT_SHARE = 0.25


def title_terms(collection: Collection, docs: Iterable[int], lang: str) -> set[str]:
    """The terms of the titles of documents ``docs``, read as language ``lang`` reads words."""
    term_set = analyzer(lang).term_set
    return set().union(*(term_set(collection.sources[d].title) for d in docs))


def _documents_holding(index: TermIndex, collection: Collection, term: str) -> int:
    """How many documents hold ``term`` in their text."""
    t = index.vocabulary.get(term)
    if t is None:
        return 0
    passages = index.passages[int(index.indptr[t]): int(index.indptr[t + 1])]
    return int(np.unique(collection.passage_doc[passages]).size)


def missing_subject(query: Query, doc: int, collection: Collection, index: TermIndex,
                    among: Iterable[int]) -> str | None:
    """A subject of the question (a term of the title of a document among ``among``, those
    retrieved for it, held by at most ``SUBJECT_SHARE`` of the documents, no common word of its
    language) that document ``doc`` never names, or ``None``."""
    titled = title_terms(collection, among, query.lang)
    common = common_words(query.lang)
    asked = [t for t in query.terms if t in titled and t not in query.unseen
             and not unspaced(t) and query.words.get(t, t).lower() not in common]
    if not asked:
        return None
    lo, hi = collection.passage_range(doc)
    own: set[str] | None = None
    for t in asked:
        if index.holds_any(t, lo, hi):
            continue
        if own is None:
            own = (analyzer(query.lang).term_set(collection.sources[doc].title)
                   | document_names(collection, doc, query.lang))
        if t in own:
            continue
        if _documents_holding(index, collection, t) <= SUBJECT_SHARE * len(collection.sources):
            return t
    return None


__all__ = ["SUBJECT_SHARE", "missing_subject", "title_terms"]
