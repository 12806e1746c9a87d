"""A question's uncommon words, and an answer from a manual that never uses one.

A question's *specific* words (names, and words rare in English, a Zipf frequency under 2.5:
"tmux", "libtasn1") must be in the cited document (``query.py``, ``ranking._specific_met``). A
word less rare but still far from everyday English ("timeout", "proxy", "socket", "UTF":
none of its forms used ``ComposerConfig.uncommon_zipf`` or more) names what a question asks
about as surely: "How do I configure the AWS CLI to use an HTTP proxy?" was answered from the
CLI's S3 settings, a manual that never says "proxy"; "Does GNU ed handle UTF-8 text?" from ed's
manual, which never says "UTF". A document with sections (a manual, a spec: one topic) that
never uses such a word of the question the corpus has is not where its answer is
(``composer``'s ``uncommon_word_missing``). Everyday words ("run", "change", "requests") a
manual may answer in other words; a word read for a typo is the corpus's, not the asker's.
"""

from __future__ import annotations

from functools import cache

from .analyzer import analyzer
from .collection import Collection
from .common_words import common_words
from .index import TermIndex
from .query import Query
from .ranking import document_names


@cache
def common_terms(lang: str, zipf: float) -> frozenset[str]:
    """The terms of the words language ``lang`` uses ``zipf`` or more on wordfreq's Zipf scale
    (``common_words``): a term one of whose forms is an everyday word ("commands", Zipf 3.9:
    "command", 4.7). About 0.4 s for English at 4, once a process."""
    term = analyzer(lang).term
    return frozenset(t for w in common_words(lang, zipf) if (t := term(w)) is not None)


def missing_uncommon(query: Query, doc: int, collection: Collection, index: TermIndex,
                     zipf: float) -> str | None:
    """A content word of the question that the corpus has, that is no specific word (judged by
    their own gate) and none of whose forms its language uses ``zipf`` or more (0: none is
    sought), which document ``doc``, a document with sections, never uses in its text, its title
    or its file's name; or ``None``."""
    if zipf <= 0 or not collection.sectioned(doc):
        return None
    common = common_terms(query.lang, zipf)
    if not common:
        return None
    fixed = {w.lower() for w in query.read_as.values()}
    asked = [t for t, word in query.words.items() if t in query.known
             and t not in query.specific and t not in common and word not in fixed]
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
        if t not in own:
            return t
    return None


__all__ = ["common_terms", "missing_uncommon"]
