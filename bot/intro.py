"""What a channel says about its corpus in a greeting: its size, a few titles, example questions.

Derived from the engine once, at start-up: example questions name what the corpus mentions most
(names and acronyms, counted by passage), and each is kept only when the engine answers it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from retrieval import Answer, SourceRef
from retrieval.analyzer import STOP_WORDS

TITLES_SHOWN = 3
EXAMPLES = 3
PASSAGES_SCANNED = 500  # enough to find what a corpus is about without reading all of a big one
CANDIDATES_TRIED = 12

_NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*|[A-Z]{2,6})"
                   r"(?:\s+(?:[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*|[A-Z]{2,6}))*")
_CALENDAR = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
})


class Corpus(Protocol):
    """The part of ``QAEngine`` an introduction reads."""

    @property
    def n_documents(self) -> int: ...
    @property
    def n_passages(self) -> int: ...
    def sources(self) -> list[SourceRef]: ...
    def passage(self, passage: int) -> str: ...
    def ask(self, question: str, *, top_k: int | None = None) -> Answer: ...


@dataclass(frozen=True, slots=True)
class Intro:
    """The facts a greeting is made of."""

    documents: int
    titles: tuple[str, ...]
    examples: tuple[str, ...]


def introduce(corpus: Corpus) -> Intro:
    """Count the documents, take the first titles, and find example questions the corpus answers."""
    titles = tuple(s.title or s.id for s in corpus.sources()[:TITLES_SHOWN])
    examples: list[str] = []
    for name in frequent_names(corpus.passage(p) for p in range(
            min(corpus.n_passages, PASSAGES_SCANNED)))[:CANDIDATES_TRIED]:
        article = "the " if name.isupper() else ""
        question = f"What do you know about {article}{name}?"
        if corpus.ask(question).answered:
            examples.append(question)
        if len(examples) == EXAMPLES:
            break
    return Intro(corpus.n_documents, titles, tuple(examples))


def frequent_names(texts: Iterable[str]) -> list[str]:
    """Capitalised phrases and acronyms, most frequent first (counted once per text)."""
    counts: Counter[str] = Counter()
    for text in texts:
        found = set()
        for m in _NAME.finditer(text):
            words = m.group().split()
            while words and (words[0].lower() in STOP_WORDS or words[0].lower() in _CALENDAR):
                words = words[1:]
            if words and not (len(words) == 1 and words[0].lower() in _CALENDAR):
                found.add(" ".join(words))
        counts.update(found)
    return [name for name, _ in counts.most_common()]
