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
_TOKEN = re.compile(r"[\"“”‘:]|[\w'’./&-]*\w")
# what makes an N one not yet named: "a", "an", "its", "their", "some", "another", then at most
# two words ("a national bravery award", "a pale, eyeless crab", "its secretary-general")
_UNNAMED_BY = frozenset({"a", "an", "its", "their", "some", "another"})
# the words that open a sentence without naming anything; any other capitalised opening word
# may be a name ("Sodium is a new, easy-to-use software library")
_OPENERS = frozenset({"the", "a", "an", "it", "its", "this", "that", "these", "those", "he",
                      "she", "they", "we", "you", "i", "his", "her", "their", "our", "your",
                      "in", "on", "at", "for", "but", "and", "or", "so", "if", "when", "while",
                      "after", "before", "among", "during", "some", "most", "many", "all",
                      "there", "here", "as", "by", "from", "with", "to", "of", "under", "since"})
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


def _names(token: str, first: bool, asked: set[str]) -> bool:
    """Whether ``token`` may name something: a capitalised word the question does not hold
    (opening a sentence, one of no ``_OPENERS``), a figure, a quotation or a list's lead-in,
    or a word written as code or a file is ("jemalloc"? no; "build.ninja", "quictls/openssl")."""
    bare = _bare(token)
    if not token[0].isalnum() or any(c.isdigit() for c in token):
        return True
    if any(c in token for c in "./_&") or (token[1:] != token[1:].lower()):
        return bare not in asked
    if not token[0].isupper() or bare in asked:
        return False
    return not first or bare not in _OPENERS


def names_none(evidence: str, question: str, quoted: str) -> bool:
    """Whether ``evidence`` (with the ``quoted`` sentence) speaks of the N an English
    ``question`` asks to name (``asked_kind``) only as one not named: each of its Ns, one in
    ``quoted``, comes after "a", "an", "its", ... and has no name within five words
    (``_names``)."""
    noun = asked_kind(question)
    kind = term_set(noun) if noun is not None else set()
    if not kind or not any(term_set(_bare(t)) == kind for t in _TOKEN.findall(quoted)):
        return False
    asked = {_bare(w) for w in _TOKEN.findall(question)}
    for sentence in _SENTENCE_END.split(evidence):
        tokens = _TOKEN.findall(sentence)
        for i, token in enumerate(tokens):
            if term_set(_bare(token)) != kind:
                continue
            if not any(t.lower() in _UNNAMED_BY for t in tokens[max(0, i - 3):i]):
                return False
            near = range(max(0, i - _NEAR), min(len(tokens), i + _NEAR + 1))
            if any(_names(tokens[j], j == 0, asked) for j in near if j != i):
                return False
    return True


__all__ = ["asked_kind", "names_none"]
