"""A question's subjects, and an answer from a document that never names one.

A corpus's documents are about something, and their titles say what: "Why Click?", "IDLE
History", "Black's FAQ". A question's term that titles a document and that few of the corpus's
documents hold is the question's *subject* ("who is the current maintainer of click?": click).
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

from collections import Counter
from collections.abc import Mapping

import numpy as np

from .analyzer import analyzer
from .collection import Collection
from .common_words import common_words
from .index import TermIndex
from .query import Query
from .ranking import document_names
from .scripts import unspaced

# a title's term held by more of the documents than this is a common word, not a subject
SUBJECT_SHARE = 0.25


def title_terms(collection: Collection, lang: str) -> Mapping[str, int]:
    """The terms of documents' titles, read as language ``lang`` reads words, each with the
    number of documents it titles (worked out once per collection and language)."""
    key = ("title_terms", lang)
    found = collection.memo.get(key)
    if found is None:
        term_set = analyzer(lang).term_set
        found = collection.memo[key] = Counter(
            t for s in collection.sources if s.title for t in term_set(s.title))
    return found  # type: ignore[return-value]


def _documents_holding(index: TermIndex, collection: Collection, term: str) -> int:
    """How many documents hold ``term`` in their text."""
    t = index.vocabulary.get(term)
    if t is None:
        return 0
    passages = index.passages[int(index.indptr[t]): int(index.indptr[t + 1])]
    return int(np.unique(collection.passage_doc[passages]).size)


def missing_subject(query: Query, doc: int, collection: Collection, index: TermIndex
                    ) -> str | None:
    """A subject of the question (a term of some document's title, no common word of its
    language, held by at most ``SUBJECT_SHARE`` of the documents) that document ``doc`` never
    names, or ``None``."""
    titled = title_terms(collection, query.lang)
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
