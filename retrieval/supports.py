"""What a yes/no question asks whether something supports, and a document that never names it.

"Does valgrind work on macOS?", "Does GNU ed handle UTF-8 text?", "does the rustc jobserver
work with ninja?": the question asks whether X supports, handles, works with or runs on Y.
A document that never names Y does not say: Valgrind's FAQ quoted on how Valgrind works, GNU
ed's manual on what ed edits, answered questions the documents never settle. Y's words are
those after the verb; a word English uses often (``common_words``, Zipf 5 or more: "text",
"files") is no sign of what Y is, and a word the document's file name holds is named by it
(``document_names``). English questions only: the verbs are English's.

Measured on the documentation sets (``docs/benchmarks.md``): of the answers it withdraws, 6 of
7 on the sets read while writing it and 3 of 3 on the held-out ones were to questions the corpus
cannot answer.
"""

from __future__ import annotations

import re

from .analyzer import analyzer
from .collection import Collection
from .common_words import common_words
from .index import TermIndex
from .language import ENGLISH
from .query import Query
from .surroundings import document_names

# "Does / Can / Will / Is X support / handle / work with / run on / read / understand /
# speak / accept / include Y"; Y is what follows. X is a thing, not the asker: "Can I include
# valgrind.h in proprietary code?" asks what the asker may do, not what valgrind.h holds
_SUPPORTS = re.compile(
    r"^\s*(?:does|do|can|could|will|is|are)\s+(?!(?:i|we|you)\b)"
    r".*?\b(?:supports?|handles?|work\s+(?:with|on)"
    r"|run\s+on|read|understand|speak|accept|include)\b(?P<asked>.*)$", re.I | re.S)


def unnamed_support(question: str, query: Query, doc: int, collection: Collection,
                    index: TermIndex) -> str | None:
    """A word of what the yes/no ``question`` asks whether something supports (a term of the
    question, no common English word) that document ``doc`` never names, or ``None``."""
    if query.lang != ENGLISH:
        return None
    m = _SUPPORTS.match(question)
    if m is None:
        return None
    asked = m.group("asked")
    common = common_words(ENGLISH)
    lo, hi = collection.passage_range(doc)
    named = document_names(collection, doc, query.lang)
    for tok in analyzer(ENGLISH).tokens(asked):
        word = asked[tok.start: tok.end].lower()
        term = tok.term
        if (term is None or term not in query.weights or word in common or term in named
                or index.holds_any(term, lo, hi)):
            continue
        return term
    return None
