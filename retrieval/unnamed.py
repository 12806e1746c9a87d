"""Whether the evidence names the one thing an English "which N" question asks for, or only
speaks of an N it leaves unnamed.

A news story often mentions the very kind of thing a reader asks to have named, without naming
it: "Which hospital was she going to?" / "... on her way to a hospital appointment"; "Which
bravery award has the company nominated him for?" / "... would nominate Gary for a national
bravery award"; "Who is the secretary-general of the CSTO?" / "... by sending its
secretary-general to the conflict zone". The question asks for a name of an N it names by its
kind; the evidence holds N, but nothing names it.

The question's N (``asked_kind``) is read from "which (ADJ) N ...", "who is the (ADJ) N of /
at / whose ...?" and "what is the (ADJ) N called / named?". In the evidence (the quote and the
sentences beside it) an N is *named* when a name stands near it: within five words either side,
in its sentence, a capitalised word that does not open the sentence and that the question does
not hold ("Mercy Hospital", "its chief executive, Nadia Rourke"), a figure ("the number 32
service") or a quotation. ``names_none`` is true when the evidence holds N and none of its Ns is
named: the question is not answered. English only (its patterns read English words; a question
in another language matches none of them).
"""

from __future__ import annotations

import re

from .analyzer import term_set

# the auxiliaries and prepositions that end the phrase of N after "which"
_AFTER = (r"(?:is|are|was|were|do|does|did|have|has|had|will|would|can|could|should|may|might|"
          r"must|shall|of|in|on|at|for|from|to|by|with|that|who|whose|which|[a-z]+ed)")
_WORD = r"[\w'’-]+"
_ASKS_WHICH = re.compile(rf"^\s*(?:(?:in|at|on|for|from|to|by|with)\s+)?which\s+"
                         rf"(?P<words>(?:(?!{_AFTER}\b){_WORD}\s+){{0,2}}?)"
                         rf"(?P<noun>(?!{_AFTER}\b){_WORD})(?=\s+{_AFTER}\b)", re.I)
_ASKS_HOLDER = re.compile(rf"^\s*who\s+(?:is|was|are|were)\s+(?:the|its|their)\s+"
                          rf"(?P<words>(?:{_WORD}\s+){{0,2}}?)(?P<noun>{_WORD})"
                          r"(?=\s+(?:of|at|for|in|on|whose|who|that)\b|\s*\?|\s*$)", re.I)
_ASKS_CALLED = re.compile(rf"^\s*what\s+(?:is|was|are|were)\s+(?:the|its|their)\s+"
                          rf"(?P<words>(?:{_WORD}\s+){{0,2}}?)(?P<noun>{_WORD})"
                          r"\s+(?:called|named)\b", re.I)
# kinds whose answer is a time, a measure or a part, not a name
_NOT_NAMED = frozenset({"year", "years", "day", "days", "date", "dates", "month", "months",
                        "week", "weeks", "time", "times", "century", "decade", "season", "hour",
                        "one", "ones", "way", "ways", "kind", "type", "sort", "part", "parts",
                        "version", "versions", "number", "percentage", "share", "amount"})
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_TOKEN = re.compile(r"[\"“”‘]|[\w'’.&-]*\w")
_NEAR = 5


def asked_kind(question: str) -> str | None:
    """The N an English "which N" question asks a name for ("Which hospital ...?", "Who is the
    secretary-general of X?", "What is the crab called?"), lower-cased; ``None``: it asks none."""
    for pattern in (_ASKS_WHICH, _ASKS_HOLDER, _ASKS_CALLED):
        m = pattern.match(question)
        if m is not None:
            noun = m.group("noun").lower()
            return None if noun in _NOT_NAMED else noun
    return None


def _bare(word: str) -> str:
    word = word.lower()
    for end in ("'s", "’s", "'", "’"):
        word = word.removesuffix(end)
    return word


def names_none(evidence: str, question: str) -> bool:
    """Whether ``evidence`` holds the N an English ``question`` asks to name (``asked_kind``)
    and names none of them: no capitalised word new to the question, figure or quotation within
    five words of any."""
    noun = asked_kind(question)
    if noun is None:
        return False
    kind = term_set(noun)
    if not kind:
        return False
    asked = {_bare(w) for w in _TOKEN.findall(question)}
    found = False
    for sentence in _SENTENCE_END.split(evidence):
        tokens = _TOKEN.findall(sentence)
        for i, token in enumerate(tokens):
            if term_set(_bare(token)) != kind:
                continue
            found = True
            near = [(j, tokens[j]) for j in range(max(0, i - _NEAR), i + _NEAR + 1)
                    if j != i and j < len(tokens)]
            if any(not t[0].isalnum() or any(c.isdigit() for c in t)
                   or (j > 0 and t[0].isupper() and _bare(t) not in asked) for j, t in near):
                return False
    return found


__all__ = ["asked_kind", "names_none"]
