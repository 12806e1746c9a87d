"""What a channel says about its corpus in a greeting: its size, a few titles, example questions.

Derived from the engine once, at start-up: example questions name what the corpus mentions most
(names and acronyms, counted by passage), and each is kept only when the engine answers it with
confidence (not ``low_confidence``) and its first quote defines the name ("X, a ...", "X is
...": an answer that shows what qabot does, not a sentence that merely mentions X).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from retrieval import Answer, SourceRef
from retrieval.analyzer import STOP_WORDS
from retrieval.definitions import defines

TITLES_SHOWN = 3
EXAMPLES = 3
PASSAGES_SCANNED = 500  # enough to find what a corpus is about without reading all of a big one
CANDIDATES_TRIED = 12

_NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*|[A-Z]{2,6})"
                   r"(?:\s+(?:[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*|[A-Z]{2,6}))*")
_OPENERS = ".!?:;\"“”'‘(•*-–—"  # a word after these opens a sentence or an item: capitalised anyway
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
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
    def source(self, i: int) -> SourceRef: ...
    def document_ids(self) -> list[str]: ...
    def passage(self, passage: int) -> str: ...
    def document_of(self, passage: int) -> int: ...
    @property
    def snapshot_id(self) -> str: ...
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
    quoted: set[str] = set()  # each example answered by another sentence
    for name in frequent_names(corpus.passage(p) for p in range(
            min(corpus.n_passages, PASSAGES_SCANNED)))[:CANDIDATES_TRIED]:
        question = question_about(name)
        answer = corpus.ask(question)
        if (answer.answered and not answer.low_confidence
                and defines(name, answer.sentences[0].text)
                and answer.sentences[0].text not in quoted):
            examples.append(question)
            quoted.add(answer.sentences[0].text)
        if len(examples) == EXAMPLES:
            break
    return Intro(corpus.n_documents, titles, tuple(examples))


def question_about(name: str) -> str:
    """The question a newcomer would ask about ``name``: what an acronym or a thing is, who a
    person (a name of several capitalised words) is."""
    if name.isupper():
        return f"What is the {name}?"
    return f"Who is {name}?" if " " in name else f"What is {name}?"


def frequent_names(texts: Iterable[str]) -> list[str]:
    """Capitalised phrases and acronyms, most frequent first (counted once per text). A single
    word opening a sentence is capitalised anyway, and one the texts also write in lower case
    as often is a word, not a name ("License", "Library" in a licence)."""
    counts: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in texts:
        found = set()
        for m in _NAME.finditer(text):
            words = m.group().split()
            while words and (words[0].lower() in STOP_WORDS or words[0].lower() in _CALENDAR):
                words = words[1:]
            opens = not text[: m.start()].strip() or text[: m.start()].rstrip()[-1] in _OPENERS
            if words and not (len(words) == 1 and (words[0].lower() in _CALENDAR or (
                    opens and words[0] == m.group().split()[0]))):
                found.add(" ".join(words))
        counts.update(found)
        lower.update(set(_LOWER_WORD.findall(text)))
    return [name for name, n in counts.most_common()
            if " " in name or name.isupper() or lower[name.lower()] * 2 < n]
