"""What a question asking for a default or a limit needs of its answer: a value.

"What is the default socket timeout of an httplib2 Http object?", "what font does IDLE use by
default?", "What is the maximum password length that bcrypt accepts?" ask for a value, as "how
many" asks for a quantity. A quote that states no default of what is asked (the ranker's
``ev_default``: "Default: 30", "defaults to", "the default is") and holds no figure of its own
says none: a manual's sentence on the timeout's neighbour, or on the default SSL certificates,
answered such questions the documents never settle. "What was the default branch renamed
to?" and "what is the maximum width used for?" ask no value. English questions only: the
wording is English's.

Measured on the documentation sets (``docs/benchmarks.md``): on those read while writing it, it
withdrew 7 answers, all to questions the corpus cannot answer; on the held-out ones, 1, to such
a question too, and no right answer on either.
"""

from __future__ import annotations

import re

from .cues import has_evidence
from .language import ENGLISH

# "What is the default X", "what's the maximum X", "What are the default k1 and b ...", "what
# is the X default / maximum ..." (one word before it: "the TCP default timeout")
_THE_DEFAULT = re.compile(
    r"^\s*what(?:'s|’s|\s+is|\s+are|\s+was|\s+were)\s+the\s+(?:[\w-]+\s+)?"
    r"(?:default|maximum|minimum|max|min)\b(?!.*\b(?:renamed|changed|used\s+for)\b)", re.I)
# "Which port does Net::SMTP connect to by default?", "what font does IDLE use by default?"
_BY_DEFAULT = re.compile(r"^\s*(?:what|which)\b.*\bby\s+default\s*\??\s*$", re.I)


def asks_value(question: str, lang: str) -> bool:
    """Whether ``question`` (read in ``lang``) asks for a default or a limit's value."""
    return lang == ENGLISH and (_THE_DEFAULT.match(question) is not None
                                or _BY_DEFAULT.match(question) is not None)


# What reads as a quantity and is no value: a manual page's section ("adduser(8)"), a figure
# written onto a word ("sha512crypt", "md5"; "v2" is a version), and "one" and "once", as often
# a pronoun or part of a word as a value ("if one cannot upgrade", "one-way hashing")
_NO_VALUE = re.compile(r"(?<=\w)\(\d+\w*\)|(?<=[^\W\dvV])\d+(?:[.,]\d+)*|\bon(?:e|ce)\b", re.I)


def states_value(text: str, question: str, states_default: bool) -> bool:
    """Whether a quote (``text``, with what is quoted near it) gives a value for ``question``:
    it states a default of what is asked (``states_default``) or holds a quantity the question
    does not (``cues.has_evidence``), none of ``_NO_VALUE``."""
    return states_default or has_evidence("number", _NO_VALUE.sub(" ", text), question, ENGLISH)
