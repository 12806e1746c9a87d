"""A "how do I ...?" or "can X ...?" question's uncommon word, and a manual that never uses it.

"How do I set a timeout on httplib2 requests?", "How do I configure the AWS CLI to use an HTTP
proxy?", "How do I make HTTP::Tiny retry a request that failed?": a way of doing something with
a thing far from everyday English ("timeout", "proxy", "retry": none of the word's forms used
``zipf`` or more on wordfreq's scale) is told where that thing is named. The documentation sets'
unanswerable questions of this kind were answered from the subject's manual, which never names
it (httplib2's README on its cache, the CLI's S3 settings, HTTP::Tiny on proxies). Everyday words
("turn", "send", "change") a manual says in other words, and a word of like meaning
in the quote's window (``Candidate.window_similar``) stands in for it; a word that weighs little
in the question (under ``min_share`` of its weight) is not what it asks; a word read for a typo
is the corpus's, not the asker's; a specific word (a name) has its own gate; a word the manual
writes in two ("livestream": "live stream") it uses. Only a document
with sections is read (a manual, a spec: one topic). English questions only.

Measured on the documentation sets (``docs/benchmarks.md``): the same gate on every question
(a twenty-third session's) withdrew right answers at about one for two unanswerable questions;
on "how do I" questions it withdrew 4 answers to questions the corpus cannot answer, 1 right
first quote and 1 right second one on the sets read while writing it, and 2 such answers and
1 wrong one on the held-out sets.

"Can grep search inside compressed files?", "Can fetch_kddcup99 shuffle the samples it
returns?": a "can / could X ...?" question asks whether X does something, and a manual that
never uses the doing's uncommon word ("compressed", "shuffle") does not say; read so with
``can_zipf`` (``ComposerConfig.uncommon_can_zipf``). Not "can I / we / you ...?", which asks
what the asker may do (a licence's words, not the manual's: "Can I include valgrind.h in
proprietary code?"). Measured (a thirtieth session): on the "can" sets written for it
(``tests/data/docs_can.md``) 4 of 15 answers to unanswerable questions withdrawn and no other;
on the sets read before, 1 such answer and no other; on the held-out sets 7 such answers and
no other.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from .action import asks_how
from .analyzer import analyzer
from .collection import Collection
from .common_words import common_words
from .index import TermIndex
from .language import ENGLISH
from .query import Query
from .surroundings import document_names

# "Can / Could X V ...?": whether X does something, asked of X's manual ("Can grep search
# inside compressed files?"). Not "Can I / we / you ...?", which asks what the asker may do
# ("Can I include valgrind.h in proprietary code?": a licence's words, not the manual's)
_CAN = re.compile(r"^\s*(?:can|could)\s+(?!(?:i|we|you|one)\b)\S", re.I)


def asks_can(question: str) -> bool:
    """Whether ``question`` asks whether a thing can do something ("can / could X ...?", X no
    asker)."""
    return _CAN.match(question) is not None


@cache
def common_terms(lang: str, zipf: float) -> frozenset[str]:
    """The terms of the words language ``lang`` uses ``zipf`` or more on wordfreq's Zipf scale
    (``common_words``): a term one of whose forms is an everyday word ("commands", Zipf 3.9:
    "command", 4.7). Read once a process (about a second)."""
    term = analyzer(lang).term
    return frozenset(t for w in common_words(lang, zipf) if (t := term(w)) is not None)


def missing_uncommon(question: str, query: Query, doc: int, collection: Collection,
                     index: TermIndex, similar: Mapping[str, float], zipf: float,
                     min_share: float, can_zipf: float = 0.0) -> str | None:
    """A term of the "how do I" ``question``, of ``min_share`` of its weight or more, no
    specific word nor one read for a typo, none of whose forms English uses ``zipf`` or more,
    that the window does not meet by a word of like meaning (``similar``) and that document
    ``doc``, one with sections, never uses in its text, its title or its file's name; or
    ``None``. A "can X ...?" question is read so with ``can_zipf`` (0: not read)."""
    if query.lang != ENGLISH or not collection.sectioned(doc):
        return None
    if not asks_how(question):
        if can_zipf <= 0 or not asks_can(question):
            return None
        zipf = can_zipf
    total = sum(query.weights.values())
    if total <= 0:
        return None
    common = common_terms(ENGLISH, zipf)
    fixed = {w.lower() for w in query.read_as.values()}
    asked = [t for t, word in query.words.items()
             if query.weights.get(t, 0.0) >= min_share * total and t not in query.specific
             and t not in common and t not in similar and word.lower() not in fixed]
    if not asked:
        return None
    lo, hi = collection.passage_range(doc)
    own: set[str] | None = None
    for t in asked:
        if index.holds_any(t, lo, hi) or _written_apart(query.words[t], lo, hi, index):
            continue
        if own is None:
            own = (analyzer(ENGLISH).term_set(collection.sources[doc].title or "")
                   | document_names(collection, doc, ENGLISH))
        if t not in own:
            return t
    return None


def _written_apart(word: str, lo: int, hi: int, index: TermIndex) -> bool:
    """Whether passages ``[lo, hi)`` hold both words ``word`` is glued from, three letters or
    more each ("livestream": "live stream")."""
    term = analyzer(ENGLISH).term
    word = word.lower()
    for at in range(3, len(word) - 2):
        a, b = term(word[:at]), term(word[at:])
        if a is not None and b is not None and index.holds_any(a, lo, hi) and index.holds_any(
                b, lo, hi):
            return True
    return False


__all__ = ["asks_can", "common_terms", "missing_uncommon"]
