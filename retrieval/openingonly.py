"""An opening that says nothing of what is asked: a page's first sentence quoted for a question
about one thing of the page's topic.

A question that names a document's topic ("who is amy poehler married to", "how did mark cuban
make his fortune") is drawn to the document's opening sentence, which holds the topic's name
("Amy Meredith Poehler (born September 16, 1971) is an American actress ..."). When that
opening meets none of the question's weight outside the document's title (``focus_own``: not
"married", nor a word of like meaning) and holds no fact of the kind the question asks for
(``evidence``: a date for "when", a place for "where", a name for "who"), it says what the
page is about, not what was asked; unless the question asks what the topic is ("what is X?",
"what does X mean?", "what is X used for?") or how it works, which an opening answers. Read
from the best candidate's features (``selection.FEATURES``), English questions only.

Only an opening shaped as a definition, its subject said to be a kind of thing ("... is an
American actress", "... was a Roman emperor"), says no more than what the topic is: a release
note's opening ("Hatch v1.18.0 introduces dependency sources ...") or a policy's ("The founder
... have pledged to ... the instruments of good works from chapter 4 of The Rule") is often
the answer to a question of the document's topic whose words it does not share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .selection import FEATURES

# a copula and an article or a name, before any clause ends, once what stands in brackets is
# set aside: "X (; born 1971) is an American actress", "X was Byzantine Emperor", "X refers to"
_DEFINITION = re.compile(r"^[^;:!?]{0,200}?\b(?:(?:is|are|was|were)\s+(?:(?:a|an|the|one)\b|[A-Z])"
                         r"|refers\s+to\b)")
_BRACKETED = re.compile(r"\([^()]*\)")

_AT = {name: FEATURES.index(name) for name in (
    "lead", "title", "focus", "focus_own", "evidence", "q_what_is", "q_define", "q_why",
    "lead_in")}


# "how does X work?", "How Works Diaphragm Pump": what a device or a process is, its opening
# says, tells how it works ("... is a pump that uses the reciprocating action of a diaphragm")
_HOW_WORKS = re.compile(r"^\s*how\b.*\bwork(?:s|ed)?\b", re.I)


def opening_only(features: Sequence[float], text: str, question: str = "") -> bool:
    """Whether a candidate (its ``features``, its sentence's ``text``) is a document's opening
    shaped as a definition whose title holds part of the question, that meets none of the rest
    of it, nor do the sentences beside it, and holds nothing of the kind asked for, for a
    ``question`` that asks neither what something is, nor how it works, nor why (a cause has no
    kind ``evidence`` reads). An opening that leads in to a list ("These are the following
    return codes ...:") is quoted with the list, which may say what it does not."""
    f = {name: features[i] for name, i in _AT.items()}
    return (f["lead"] > 0 and _defines(text) and f["title"] > 0
            and f["focus_own"] <= 0 and f["focus"] <= 0
            and f["evidence"] <= 0 and f["q_what_is"] <= 0 and f["q_define"] <= 0
            and f["q_why"] <= 0 and f["lead_in"] <= 0 and _HOW_WORKS.match(question) is None)


def _defines(text: str) -> bool:
    """Whether ``text`` is shaped as a definition (``_DEFINITION``), brackets set aside."""
    for _ in range(3):  # brackets within brackets, from the innermost
        text = _BRACKETED.sub("", text)
    return _DEFINITION.match(text) is not None


__all__ = ["opening_only"]
