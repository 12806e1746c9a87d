"""A question's candidate sentences (``Candidate``) and their order (``Ranking``), as
``ranking.rank`` makes them: what each holds of the question, and what is quoted for it, with the
words that met the question marked."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np

from .analyzer import Token, analyzer, tokens
from .collection import Sentence
from .language import ENGLISH
from .quotes import bounded, follow_up, items_after, leads_in, outside_code, quote_text
from .selection import MEANING_DIM


@dataclass(slots=True)
class Candidate:
    """A sentence that may answer, what it holds of the question, and its ranker score."""

    sentence: Sentence
    terms: set[str]  # every index term of the sentence
    matched: set[str]
    window: set[str]
    window_similar: dict[str, float]  # terms the window meets only by a similar word
    features: list[float]  # ``selection.FEATURES``
    meaning: np.ndarray = field(default_factory=lambda: np.zeros(MEANING_DIM))
    score: float = 0.0  # the ranker's probability that it holds the answer
    # how closely the heading it sits under meets the question (``rerank.heading_meets``)
    heading: float = 0.0
    # how much of that heading meets the question (``rerank.heading_share``)
    heading_share: float = 0.0


@dataclass(frozen=True, slots=True)
class Ranking:
    """The candidates of one question, best first, and how sure the selector is of the best."""

    candidates: list[Candidate]
    logits: np.ndarray
    confidence: float
    table: dict[str, dict[str, float]]  # words of like meaning found (``_alike_words``)
    sents_of: dict[int, list[Sentence]]  # each retrieved passage's sentences
    top_score: float  # the best passage's score
    lists: dict[int, dict[int, tuple[int, ...]]] = field(default_factory=dict)
    langs: dict[int, str] = field(default_factory=dict)  # each retrieved passage's language
    # the list items the passage after a passage opens with (``None``: not looked for)
    following: Callable[[int], list[Sentence]] | None = None
    read: dict[int, list[Sentence]] = field(default_factory=dict)
    # outside English, the best says what the question's X is (``whatis.defines``)
    says_what: bool = False
    # the candidate answering is judged by (the gates, ``composer.py``) when it is not the
    # first: the best by the frozen ranker and the heading alone (``rerank.py``)
    judged: Candidate | None = None

    def items_of(self, p: int) -> dict[int, tuple[int, ...]]:
        """The lists of passage ``p`` (lead-in -> items), worked out once."""
        if p not in self.lists:
            self.lists[p] = items_after(self.quoted_from(p))
        return self.lists[p]

    def quoted_from(self, p: int) -> list[Sentence]:
        """The sentences quotes of passage ``p`` are made of: its own, then, when it ends in a
        list or a lead-in, the items the next passage of its document opens with (a long
        list is cut into passages as any text is)."""
        if p not in self.read:
            sents = self.sents_of[p]
            ends_listing = bool(sents) and (sents[-1].item or leads_in(sents[-1]))
            more = self.following(p) if self.following and ends_listing else []
            self.read[p] = [*sents, *more]
        return self.read[p]

    def follows(self, s: Sentence) -> tuple[int, ...]:
        """The sentences quoted after ``s`` (``quotes.follow_up``; numbers into
        ``quoted_from``)."""
        return follow_up(self.quoted_from(s.passage), s.number, self.lang_of(s.passage))

    def full_text(self, s: Sentence) -> str:
        """What is quoted for ``s`` before bounding: it, with its list or follow-up."""
        return quote_text(s, self.quoted_from(s.passage), self.items_of(s.passage),
                          self.lang_of(s.passage))

    def lang_of(self, p: int) -> str:
        """The language passage ``p`` is read in."""
        return self.langs.get(p, ENGLISH)

    def quote(self, c: Candidate, qset: set[str]) -> tuple[str, list[tuple[int, int]]]:
        """What is quoted for candidate ``c`` (bounded), and the spans of the words in it that
        met the question (terms in ``qset``, or words of like meaning)."""
        first, sep, rest = self.full_text(c.sentence).partition("\n")
        tokens = analyzer(self.langs.get(c.sentence.passage)).tokens
        first = bounded(first, _highlights(first, qset, self.table, c.window_similar, tokens))[0]
        text = first + sep + rest  # a list after its lead-in is bounded by its own limits
        return text, outside_code(text, _highlights(text, qset, self.table, c.window_similar,
                                                    tokens))


def _highlights(
    text: str, qset: set[str], table: dict[str, dict[str, float]], alike: Mapping[str, float],
    tokens: Callable[[str], Iterator[Token]] = tokens,
) -> list[tuple[int, int]]:
    """Spans of the words that met the question: its terms, and words of like meaning that
    stood in for a term the sentence's window lacks. Overlapping bigrams of an unspaced script
    ("临江", "江大", "大桥") make one span ("临江大桥")."""
    out: list[tuple[int, int]] = []
    for t in tokens(text):
        stands_in = (t.term is not None and bool(alike)
                     and bool(table.get(text[t.start : t.end].lower(), {}).keys() & alike.keys()))
        if t.term in qset or stands_in:
            if out and t.start < out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], t.end))
            else:
                out.append((t.start, t.end))
    return out


__all__ = ["Candidate", "Ranking"]
