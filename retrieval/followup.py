"""Follow-up questions: read a short question that refers back in the light of the previous one.

A chat is a conversation: after "What kind of organisation is the CSTO?", "when was it formed?"
means "when was the CSTO formed?". ``rewrite(question, previous)`` is a pure function of the two
strings:

* **"what about X?"** (also "how about X?", "and X?"): the previous question with its last name
  (a capitalised phrase after the first word) replaced by X, or with X added when it has none:
  after "Who is the president of Azerbaijan?", "what about Belarus?" becomes "Who is the president
  of Belarus?".
* **A question that refers back**: one with no salient term at all ("why?", "and when?"; but
  not a thanks without a question word or mark, "thanks!", "ok"), or one
  with a referring word ("it", "they", "he", "there", ...) and at most ``MAX_TERMS`` salient
  terms. The last ``CONTEXT_WORDS`` salient words of the previous
  question that the follow-up lacks are added in brackets: "when was it formed? (organisation
  CSTO)". English questions end on their topic, and adding every word of the previous question
  drowns the follow-up's own terms (measured in ``tests/test_followup.py``). The follow-up stays
  first, so its question word still says what kind of fact is wanted.

A rewritten follow-up that qabot abstains on is asked again as it was written (``as_asked``):
the words added from the previous question count in what a sentence must cover, and can keep a
sentence that answers the follow-up's own words from being quoted ("What did he accuse Moscow of
running against him?" after a question on Armenia's prime minister).

Anything else is a new question and comes back unchanged, as does every question without a
previous one, and a follow-up whose rewriting would be longer than ``max_chars``: chained
"what about X?" questions over a question without a name each add X, and a chat must not grow
its question without end. The channel keeps the previous (rewritten) question per chat,
briefly.
"""

from __future__ import annotations

import re

from .analyzer import term_set, tokens

MAX_TERMS = 3
CONTEXT_WORDS = 2
MAX_CHARS = 500  # the longest rewritten question (a channel passes its own question limit)
REFERRING = frozenset({
    "it", "its", "they", "them", "their", "theirs", "he", "him", "his", "she", "her", "hers",
    "this", "that", "these", "those", "there", "then", "such",
})
_WHAT_ABOUT = re.compile(r"^(?:and\s+)?(?:what|how)\s+about\s+(?P<topic>.+?)[\s?.!]*$", re.I)
_CONTINUATION = re.compile(r"^(?P<word>and|also|so|but|then)\b[\s,]*(?P<rest>.*)$", re.I)
_QUESTION_START = re.compile(
    r"^(who|whom|whose|what|when|where|which|why|how|is|are|was|were|do|does|did|can|could|will|"
    r"would|has|have|had|should|tell|give|list|name)\b", re.I)
_WORD = re.compile(r"[^\W_]+")
_NAME = re.compile(r"(?<=\s)[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*)*")
_PREPOSITION = re.compile(r"^(?:of|in|for|on|at|from|to|about)\s+", re.I)


def rewrite(question: str, previous: str | None, max_chars: int = MAX_CHARS) -> str:
    """``question`` made self-contained using ``previous`` (the same chat's last question); as
    it is when that would make it longer than ``max_chars``."""
    question = " ".join(question.split())
    if not previous or not question:
        return question
    rewritten = _rewrite(question, previous)
    return rewritten if len(rewritten) <= max_chars else question


def as_asked(question: str, resolved: str, answered: bool) -> str | None:
    """What to ask next when ``resolved`` (``question`` rewritten) was asked: ``question`` as
    written when the rewritten one was not answered; else nothing (``None``)."""
    return question if not answered and resolved != question else None


def _rewrite(question: str, previous: str) -> str:
    previous = " ".join(previous.split())
    m = _WHAT_ABOUT.match(question)
    if m:
        return _replace_topic(previous, m.group("topic"))
    opener = _CONTINUATION.match(question)
    rest = opener.group("rest") if opener else question
    if opener and term_set(rest) and not _QUESTION_START.match(rest):
        return _replace_topic(previous, rest.rstrip("?.! "))  # "and Belarus?"
    if not _refers_back(rest):
        return question
    context = _words_with_terms(previous, exclude=term_set(rest))[-CONTEXT_WORDS:]
    return f"{rest} ({' '.join(context)})" if context else rest


def _words_with_terms(text: str, exclude: set[str]) -> list[str]:
    """The words of ``text`` that carry an index term, in order, once each, minus ``exclude``."""
    out: list[str] = []
    seen = set(exclude)
    for t in tokens(text):
        if t.term and t.term not in seen:
            seen.add(t.term)
            out.append(text[t.start : t.end])
    return out


def _refers_back(question: str) -> bool:
    terms = term_set(question)
    if not terms:
        # "why?", "and when?" refer back; "thanks!", "ok", "👍" in reply to an answer ask
        # nothing (rewritten, they asked the previous question again, and the answer was
        # posted twice)
        return "?" in question or bool(_QUESTION_START.match(question))
    words = {w.lower() for w in _WORD.findall(question)}
    return bool(words & REFERRING) and len(terms) <= MAX_TERMS


def _replace_topic(previous: str, topic: str) -> str:
    """``previous`` about ``topic`` instead: its last name replaced, or ``topic`` added."""
    names = list(_NAME.finditer(previous))
    if not names:
        return f"{previous.rstrip('?.! ')} {topic}?"
    last = names[-1]
    if _PREPOSITION.match(topic) and re.search(r"\b(of|in|for|on|at|from|to|about)\s+$",
                                               previous[: last.start()], re.I):
        topic = _PREPOSITION.sub("", topic)  # "and of Kazakhstan?" after "... of Azerbaijan?"
    return previous[: last.start()] + topic + previous[last.end() :]
